import type { MiddlewareFn } from "grammy";
import type { Metrics } from "../../app/index.js";
import type { BotContext } from "../context.js";
import { speaksToBot } from "./only.js";

/** How many updates a user may send in a window before being paused. */
export interface FloodOptions {
  /** Updates allowed per user within `windowMs`. */
  limit: number;
  windowMs: number;
  /** How long a user who went over the limit is ignored. */
  pauseMs: number;
  /** The clock; tests replace it. */
  now: () => number;
}

/** Production flood limits: 8 messages in 10 s, then 30 s of silence. */
export const DEFAULT_FLOOD: FloodOptions = { limit: 8, windowMs: 10_000, pauseMs: 30_000, now: () => Date.now() };

/** Button presses come faster than typed messages (menus, forms): they get their own, larger allowance. */
const BUTTON_FACTOR = 3;
/** Inline queries come one per keystroke: their own allowance, larger still. */
const INLINE_FACTOR = 8;

interface UserState {
  /** Arrival times of the latest updates (at most `limit`). */
  recent: number[];
  pausedUntil: number;
}

/**
 * Per-user flood protection (a sliding window, like @grammyjs/ratelimiter but
 * per user rather than one global window): a user who sends more than `limit`
 * updates within `windowMs` gets one polite notice and is then ignored for
 * `pauseMs`; other users are not affected. Messages, buttons and inline
 * queries (one per keystroke) are counted apart, each with its own allowance;
 * a user paused for inline queries simply gets no results. Updates without a
 * sender are not counted, nor group messages not addressed to the bot (a
 * chatty group member is not flooding it).
 */
export function floodGuard(metrics: Metrics, options: Partial<FloodOptions> = {}): MiddlewareFn<BotContext> {
  const { limit, windowMs, pauseMs, now } = { ...DEFAULT_FLOOD, ...options };
  const users = new Map<string, UserState>();
  let sweepAt = now() + windowMs + pauseMs;

  // Not async: the usual path (an allowed update) hands straight on without an extra promise.
  return (ctx, next) => {
    const userId = ctx.from?.id;
    if (userId === undefined || ctx.channelPost || ctx.editedChannelPost || !addressedToBot(ctx)) return next();
    const t = now();
    if (t >= sweepAt) {
      // Forget users who have been quiet for a whole window and are not paused.
      for (const [id, s] of users) if (s.pausedUntil <= t && (s.recent.at(-1) ?? 0) <= t - windowMs) users.delete(id);
      sweepAt = t + windowMs + pauseMs;
    }
    // Buttons, inline queries and messages are counted apart, so navigating a menu never silences typing.
    const kind = ctx.callbackQuery ? "b" : ctx.inlineQuery ? "i" : "m";
    const key = `${kind}${userId}`;
    const allowed = kind === "b" ? limit * BUTTON_FACTOR : kind === "i" ? limit * INLINE_FACTOR : limit;
    let state = users.get(key);
    if (!state) users.set(key, (state = { recent: [], pausedUntil: 0 }));
    if (t < state.pausedUntil) {
      metrics.dropped.inc({ reason: "flood" });
      return Promise.resolve();
    }
    while (state.recent.length && state.recent[0]! <= t - windowMs) state.recent.shift();
    if (state.recent.length >= allowed) {
      state.pausedUntil = t + pauseMs;
      state.recent.length = 0;
      metrics.dropped.inc({ reason: "flood" });
      return notify(ctx, Math.ceil(pauseMs / 1000));
    }
    state.recent.push(t);
    return next();
  };
}

/** Private chats, buttons and inline queries always; in groups only commands, mentions of the bot and replies to it. */
function addressedToBot(ctx: BotContext): boolean {
  if (ctx.chat?.type === "private" || ctx.callbackQuery || ctx.inlineQuery) return true;
  const msg = ctx.message;
  if (!msg) return false;
  const text = msg.text ?? msg.caption ?? "";
  return text.startsWith("/") || speaksToBot(ctx, text);
}

async function notify(ctx: BotContext, seconds: number): Promise<void> {
  const text = ctx.t("flood-notice", { seconds: String(seconds) });
  try {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text, show_alert: false });
    else if (ctx.inlineQuery) await ctx.answerInlineQuery([], { cache_time: seconds, button: { text, start_parameter: "flood" } });
    else if (ctx.chat) await ctx.reply(text);
  } catch (err) {
    ctx.deps.logger.warn({ err: String(err) }, "flood notice not sent");
  }
}
