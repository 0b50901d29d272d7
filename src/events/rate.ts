/** Resolves after `ms` milliseconds. */
export function sleep(ms: number): Promise<void> {
  return new Promise((r) => setTimeout(r, Math.max(0, ms)));
}

/**
 * Paces sends: one slot every 1/rate seconds for all chats together, and at
 * most one message a second to the same chat. A 429 pauses every sender until
 * its retry_after has passed. Slots are handed out in order of asking, so the
 * achieved rate is the configured one as long as enough sends are in flight.
 * A short burst (1/20 s worth) is allowed after an idle spell.
 */
export class RateLimiter {
  private nextAt = 0;
  private cancelled = false;
  private pausedUntil = 0;
  private readonly lastByChat = new Map<number, number>();
  private readonly interval: number;
  private readonly burstMs: number;

  constructor(
    readonly rate: number,
    private readonly perChatMs = 1000,
    private readonly clock: () => number = () => performance.now(),
  ) {
    this.interval = 1000 / rate;
    this.burstMs = Math.max(this.interval, 50);
  }

  /**
   * Waits for a global slot and for the chat's own one-second gap. The slot is
   * reserved before sleeping (no herd of waiters polling the clock); if a 429
   * pause was announced meanwhile, the caller reserves again after it.
   */
  async take(chatId?: number): Promise<void> {
    for (;;) {
      const now = this.clock();
      let at = Math.max(now - this.burstMs, this.nextAt, this.pausedUntil);
      if (chatId !== undefined) {
        const last = this.lastByChat.get(chatId);
        if (last !== undefined) at = Math.max(at, last + this.perChatMs);
      }
      this.nextAt = at + this.interval;
      if (chatId !== undefined) this.lastByChat.set(chatId, Math.max(at, now));
      // Sleep in short steps so that a shutdown does not wait out a long retry_after.
      for (let left = at - this.clock(); left > 0; left = at - this.clock()) {
        if (this.cancelled) throw new LimiterCancelled();
        await sleep(Math.min(left, 250));
      }
      if (this.cancelled) throw new LimiterCancelled();
      if (this.pausedUntil <= Math.max(at, now)) return;
    }
  }

  /** Makes every waiting and later `take` throw LimiterCancelled (shutdown); `resume` undoes it. */
  cancel(): void {
    this.cancelled = true;
  }

  /** Lets `take` work again after `cancel` (a queue started again). */
  resume(): void {
    this.cancelled = false;
  }

  /** Stops everyone until `ms` from now (a 429's retry_after). */
  pause(ms: number): void {
    this.pausedUntil = Math.max(this.pausedUntil, this.clock() + ms);
  }

  /** Forgets per-chat times older than the gap, so the map stays small. */
  prune(): void {
    const cutoff = this.clock() - this.perChatMs;
    for (const [chat, t] of this.lastByChat) if (t < cutoff) this.lastByChat.delete(chat);
  }

  /** Chats whose last send time is remembered (see `prune`). */
  get trackedChats(): number {
    return this.lastByChat.size;
  }
}

/** Thrown by RateLimiter.take after cancel(): the send was not made. */
export class LimiterCancelled extends Error {
  override name = "LimiterCancelled";
}
