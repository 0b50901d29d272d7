import { Composer, InlineQueryResultBuilder } from "grammy";
import type { BotContext } from "../context.js";

/** Inline mode: "@bot pertanyaan" in any chat returns the answer as an article. */
export const inline = new Composer<BotContext>();

inline.on("inline_query", async (ctx) => {
  const question = ctx.inlineQuery.query.trim();
  if (!question) {
    return ctx.answerInlineQuery([], { cache_time: 60, button: { text: ctx.t("inline-empty"), start_parameter: "inline" } });
  }
  const answer = ctx.deps.answerer.answer(question, { now: ctx.deps.now() });
  if (!answer.answered) await ctx.deps.unanswered.record(answer.normalized, question, ctx.deps.now());
  const title = ctx.t(answer.answered ? "inline-title-answered" : "inline-title-unanswered");
  const result = InlineQueryResultBuilder.article(`a-${hash(question)}`, title, {
    description: answer.answer.slice(0, 120),
  }).text(`❓ ${question}\n\n${answer.answer}`.slice(0, 4096));
  await ctx.answerInlineQuery([result], { cache_time: 30, is_personal: false });
});

function hash(s: string): string {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(h, 31) + s.charCodeAt(i)) | 0;
  return (h >>> 0).toString(36);
}
