import { Composer, InlineQueryResultBuilder } from "grammy";
import { i18n } from "../../i18n.js";
import type { BotContext } from "../context.js";
import { noteOutcome } from "../middleware/outcome.js";
import { MAX_MESSAGE, truncate } from "../reply.js";

/** Inline mode: "@bot pertanyaan" in any chat returns the answer as an article. */
export const inline = new Composer<BotContext>();

inline.on("inline_query", async (ctx) => {
  const question = ctx.inlineQuery.query.trim();
  if (!question) {
    return ctx.answerInlineQuery([], { cache_time: 60, button: { text: ctx.t("inline-empty"), start_parameter: "inline" } });
  }
  const answer = ctx.deps.answerer.answer(question, { now: ctx.deps.now() });
  if (!answer.answered) ctx.deps.unanswered.recordSoon(answer.normalized, question, ctx.deps.now());
  noteOutcome(ctx, { intent: answer.intent, answered: answer.answered });
  // The title follows the language of the answer (an English question gets an English article).
  const title = i18n.t(answer.lang, answer.answered ? "inline-title-answered" : "inline-title-unanswered");
  const result = InlineQueryResultBuilder.article(`a-${hash(question)}`, title, {
    description: truncate(answer.answer, 120),
  }).text(truncate(`❓ ${question}\n\n${answer.answer}`, MAX_MESSAGE));
  await ctx.answerInlineQuery([result], { cache_time: 30, is_personal: false });
});

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
