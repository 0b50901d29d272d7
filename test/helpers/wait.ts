/** Resolves after `ms` milliseconds. */
export const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

/**
 * Polls `check` every 20 ms until it returns a value; fails naming `what` after
 * `ms`, with `context()` (a child's output, say) in the message when given.
 */
export async function waitFor<T>(what: string, check: () => T | undefined | false, ms = 10_000, context?: () => string): Promise<T> {
  const until = Date.now() + ms;
  for (;;) {
    const v = check();
    if (v) return v;
    if (Date.now() > until) throw new Error(`timed out waiting for ${what}${context ? `:\n${context()}` : ""}`);
    await sleep(20);
  }
}
