import type { Context, MiddlewareFn } from "grammy";
import type { Logger } from "pino";
import type { Metrics } from "../../app/index.js";
import { outcomeOf } from "./outcome.js";

/** The kinds of update the Bot API sends; anything else is "other" (metric labels come from a fixed set). */
const UPDATE_KINDS = new Set([
  "message", "edited_message", "channel_post", "edited_channel_post", "business_connection", "business_message",
  "edited_business_message", "deleted_business_messages", "message_reaction", "message_reaction_count", "inline_query",
  "chosen_inline_result", "callback_query", "shipping_query", "pre_checkout_query", "purchased_paid_media", "poll",
  "poll_answer", "my_chat_member", "chat_member", "chat_join_request", "chat_boost", "removed_chat_boost",
]);

/** The update's kind ("message", "callback_query", ...): its one key besides update_id, or "other" for a key the Bot API does not send. */
export function updateKind(update: Context["update"]): string {
  for (const key of Object.keys(update)) if (key !== "update_id") return UPDATE_KINDS.has(key) ? key : "other";
  return "other";
}

const MESSAGE_KINDS = ["message", "edited_message", "channel_post", "edited_channel_post", "business_message"] as const;

/** What a message carries ("text", "sticker", "photo", ...), without its content. */
export function messageContent(update: Context["update"]): string | undefined {
  for (const kind of MESSAGE_KINDS) {
    const msg = update[kind] as Record<string, unknown> | undefined;
    if (!msg) continue;
    for (const key of ["text", "sticker", "photo", "voice", "video", "video_note", "animation", "audio", "document", "location", "venue", "contact", "poll", "dice", "new_chat_members", "left_chat_member"]) {
      if (key in msg) return key;
    }
    return "other";
  }
  return undefined;
}

/**
 * The logger used for update lines: the same logger (stream, bindings, token
 * scrubbing of every written line) without the field redaction paths. An
 * update line only carries the fixed primitive fields below, which no redact
 * path can match, yet pino runs its redactor over each of them: a third of the
 * cost of a line. Remade if the parent's level changes.
 */
const lineLoggers = new WeakMap<Logger, Logger>();
function lineLogger(log: Logger): Logger {
  let child = lineLoggers.get(log);
  if (!child || child.level !== log.level) {
    child = log.child({}, { redact: [] });
    lineLoggers.set(log, child);
  }
  return child;
}

/**
 * One JSON log line and the metrics of every update: its kind, the intent and
 * whether it was answered (when a question was asked) and the time taken.
 * No user text is logged: intent and answered say what operators need, and
 * unanswered questions are kept for admins in DATA_DIR/unanswered.json.
 */
export function updateLog(logger: () => Logger, metrics: Metrics): MiddlewareFn<Context> {
  return async (ctx, next) => {
    const started = performance.now();
    let failed = false;
    try {
      await next();
    } catch (err) {
      failed = true;
      throw err;
    } finally {
      const ms = performance.now() - started;
      const kind = updateKind(ctx.update);
      const outcome = outcomeOf(ctx);
      metrics.updates.inc({ kind });
      metrics.latency.observe(ms / 1000);
      if (outcome?.inline) metrics.inlineAnswers.inc({ answered: String(outcome.answered) });
      else if (outcome) metrics.recordAnswer(outcome.answered);
      const log = logger();
      if (log.isLevelEnabled("info")) {
        lineLogger(log).info(
          {
            update_id: ctx.update.update_id,
            kind,
            content: messageContent(ctx.update),
            chat_type: ctx.chat?.type,
            intent: outcome?.intent,
            answered: outcome?.answered,
            failed: failed || undefined,
            ms: Math.round(ms * 10) / 10,
          },
          "update",
        );
      }
    }
  };
}
