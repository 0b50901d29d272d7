import type { Logger } from "pino";
import { LimiterCancelled, type RateLimiter } from "./rate.js";
import type { Broadcast, Progress, Sender } from "./queue.js";

/** The counters of a broadcast as its progress. */
export function progressOf(b: Broadcast, done = false): Progress {
  return { id: b.id, total: b.total, sent: b.sent, failed: b.failed, blocked: b.blocked, left: b.total - b.sent - b.failed - b.blocked, http429: b.http429, done };
}

/**
 * Reports a broadcast's progress after each batch: one log line, the
 * listeners, and an edit of the admin's progress message at most every
 * `everyMs` (the final count always). Edits run beside the sends, one at a
 * time, so the admin's one-message-a-second limit never slows the broadcast.
 */
export class ProgressReporter {
  private lastEdit = 0;
  private editing?: Promise<unknown>;
  private batchStarted = performance.now();

  constructor(
    private readonly b: Broadcast,
    private readonly opts: {
      logger: Logger;
      sender: Sender;
      limiter: RateLimiter;
      everyMs: number;
      listeners: ReadonlyArray<(p: Progress) => void>;
      text?: (p: Progress, lang: "id" | "en") => string;
    },
  ) {}

  /** After a batch of `count` chats (or at the end, `final`): log, listeners, and the admin's message. */
  async batch(count: number, final: boolean): Promise<void> {
    const { logger } = this.opts;
    const p = progressOf(this.b, final);
    const seconds = (performance.now() - this.batchStarted) / 1000;
    logger.info({ broadcast: this.b.id, ...p, batch: count, rate: seconds > 0 ? Math.round(count / seconds) : 0 }, final ? "broadcast finished" : "broadcast batch");
    this.batchStarted = performance.now();
    for (const fn of this.opts.listeners) fn(p);
    const notify = this.b.notify;
    if (!notify) return;
    if (final) await this.editing; // the last word is the final count
    else if (this.editing || performance.now() - this.lastEdit < this.opts.everyMs) return;
    this.lastEdit = performance.now();
    const text = this.opts.text?.(p, notify.lang) ?? JSON.stringify(p);
    this.editing = (async () => {
      await this.opts.limiter.take(notify.chatId);
      const r = await this.opts.sender.edit(notify.chatId, notify.messageId, text);
      if (!r.ok && r.kind === "retry_after") this.opts.limiter.pause(r.seconds * 1000);
    })()
      .catch((err) => {
        if (!(err instanceof LimiterCancelled)) logger.warn({ err, broadcast: this.b.id }, "progress edit failed");
      })
      .finally(() => (this.editing = undefined));
    if (final) await this.editing;
  }
}
