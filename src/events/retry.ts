import type { Logger } from "pino";
import { LimiterCancelled, type RateLimiter, sleep } from "./rate.js";
import type { OutgoingMessage, Sender } from "./queue.js";

/** How a send to one chat ended: sent, failed (given up), or blocked (403). */
export type Finished = "s" | "f" | "b";

/** What the retry policy needs: the transport, the pace, the limits, and where to report. */
export interface RetryContext {
  sender: Sender;
  limiter: RateLimiter;
  logger: Logger;
  broadcast: string;
  /** Attempts for 5xx and network errors before giving up on a chat. */
  maxAttempts: number;
  /** First back-off after a 5xx or network error (doubling, at most 30 s). */
  backoffMs: number;
  /** True once the queue is stopping: a back-off ends the send unrecorded (it goes out after a restart). */
  stopping: () => boolean;
  /** Counts a 429 of this broadcast. */
  on429: () => void;
  /** A 403: the chat blocked the bot. */
  onBlocked?: (chatId: number) => void;
}

/**
 * Sends one message to one chat until it is settled. A 429 pauses every
 * sender for its retry_after (the limit is the bot's, not the chat's) and the
 * send is made again; a 403 is final (blocked); another 4xx is final
 * (failed); a 5xx or network error is tried again after a back-off, up to
 * `maxAttempts`.
 *
 * Not `@grammyjs/auto-retry`: it waits out a 429 inside the one request,
 * unseen by the queue, so the other sends in flight would keep hitting the
 * limit (no pause for all), the broadcast's 429s would go uncounted, and a
 * shutdown would wait for a long retry_after instead of leaving the chat,
 * unjournaled, for after the restart.
 */
export async function sendWithRetry(ctx: RetryContext, chatId: number, message: OutgoingMessage): Promise<Finished> {
  let backoff = ctx.backoffMs;
  let transient = 0;
  for (let attempt = 0; attempt < 50; attempt++) {
    await ctx.limiter.take(chatId);
    const r = await ctx.sender.send(chatId, message);
    if (r.ok) return "s";
    if (r.kind === "retry_after") {
      ctx.on429();
      ctx.limiter.pause(r.seconds * 1000);
      continue;
    }
    if (r.kind === "blocked") {
      ctx.onBlocked?.(chatId);
      return "b";
    }
    if (r.kind === "permanent") {
      ctx.logger.warn({ broadcast: ctx.broadcast, chat: chatId, reason: r.description }, "send failed");
      return "f";
    }
    if (++transient >= ctx.maxAttempts) {
      ctx.logger.warn({ broadcast: ctx.broadcast, chat: chatId, reason: r.description, attempts: transient }, "send failed after retries");
      return "f";
    }
    await sleep(backoff);
    if (ctx.stopping()) throw new LimiterCancelled();
    backoff = Math.min(backoff * 2, 30_000);
  }
  return "f";
}
