/**
 * Things to stop on shutdown (scheduler, queue, stores), run in reverse order
 * of registration so that what started last stops first.
 */
export class Lifecycle {
  private readonly stoppers: Array<{ name: string; stop: () => unknown }> = [];

  /** Registers a stop function (its result, if a promise, is awaited). */
  onShutdown(name: string, stop: () => unknown): void {
    this.stoppers.push({ name, stop });
  }

  /** Runs every stop function once, newest first; errors are collected, not thrown midway. */
  async shutdown(): Promise<Error[]> {
    const errors: Error[] = [];
    while (this.stoppers.length) {
      const { name, stop } = this.stoppers.pop()!;
      try {
        await stop();
      } catch (err) {
        errors.push(new Error(`${name}: ${err instanceof Error ? err.message : String(err)}`));
      }
    }
    return errors;
  }
}
