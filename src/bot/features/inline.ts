import { Composer, InlineQueryResultBuilder } from "grammy";
import { translate } from "../../i18n/translate.js";
import type { BotContext } from "../context.js";
import { noteOutcome } from "../middleware/outcome.js";
import { MAX_MESSAGE, truncate } from "../reply.js";

/** How inline queries are debounced (Telegram sends one per keystroke). */
export interface InlineOptions {
  /** Pause after a query before answering it; a newer query of the same user meanwhile replaces it. */
  debounceMs: number;
  /** Pause after the last query of a user before an unanswered one is logged for admins. */
  settleMs: number;
}

/** Production debounce: 300 ms of quiet before answering, 2 s before logging an unanswered query. */
export const DEFAULT_INLINE: InlineOptions = { debounceMs: 300, settleMs: 2_000 };

/** Longest inline query Telegram sends. */
const MAX_QUERY = 256;
/** Users whose typing is followed at once; beyond it, an unanswered query is simply not logged. */
const MAX_TYPING = 10_000;

/**
 * Inline mode: "@bot pertanyaan" in any chat returns the answer as an article.
 * Debounced: each query waits `debounceMs`, and is dropped unanswered when the
 * same user typed on meanwhile; an unanswered question is logged once, after
 * `settleMs` without a newer query ("b", "br", "brp" ... is one question).
 * Counted apart from questions in chats (sinergi_inline_answers_total, not
 * in the statistics).
 */
export function inlineFeature(options: Partial<InlineOptions> = {}): Composer<BotContext> {
  const { debounceMs, settleMs } = { ...DEFAULT_INLINE, ...options };
  const latest = new Map<number, string>();
  const toLog = new Map<number, { timer: NodeJS.Timeout }>();
  const inline = new Composer<BotContext>();

  inline.on("inline_query", async (ctx) => {
    const question = truncate(ctx.inlineQuery.query.trim(), MAX_QUERY);
    const userId = ctx.from.id;
    if (!question) {
      return ctx.answerInlineQuery([], { cache_time: 60, button: { text: ctx.t("inline-empty"), start_parameter: "inline" } });
    }
    if (debounceMs > 0) {
      latest.set(userId, ctx.inlineQuery.id);
      await new Promise((r) => setTimeout(r, debounceMs));
      if (latest.get(userId) !== ctx.inlineQuery.id) {
        ctx.deps.metrics.dropped.inc({ reason: "superseded" });
        return;
      }
      latest.delete(userId);
    }
    const { answerer, unanswered, now } = ctx.deps;
    const answer = answerer.answer(question, { now: now() });
    // A newer query replaces the pending log entry of this one: only where the user stopped counts.
    const pending = toLog.get(userId);
    if (pending) clearTimeout(pending.timer);
    toLog.delete(userId);
    if (!answer.answered && (pending || toLog.size < MAX_TYPING)) {
      const at = now();
      const record = () => {
        toLog.delete(userId);
        unanswered.recordSoon(answer.normalized, question, at);
      };
      if (settleMs > 0) {
        const timer = setTimeout(record, settleMs);
        timer.unref();
        toLog.set(userId, { timer });
      } else record();
    }
    noteOutcome(ctx, { intent: answer.intent, answered: answer.answered, inline: true });
    // The title follows the language of the answer (an English question gets an English article).
    const title = translate(answer.lang, answer.answered ? "inline-title-answered" : "inline-title-unanswered");
    const result = InlineQueryResultBuilder.article(`a-${hash(question)}`, title, {
      description: truncate(answer.answer, 120),
    }).text(truncate(`❓ ${question}\n\n${answer.answer}`, MAX_MESSAGE));
    await ctx.answerInlineQuery([result], { cache_time: 30, is_personal: false });
  });
  return inline;
}

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
