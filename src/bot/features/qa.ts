import { Composer } from "grammy";
import type { Answer } from "../../answers/index.js";
import type { Lang } from "../../nlu/index.js";
import type { BotContext } from "../context.js";
import { noteOutcome } from "../middleware/outcome.js";
import { ASK_PREFIX, sendAnswer, suggestionFromData } from "../reply.js";

/** Answers a question, records it if unanswered, and returns the answer for logging. */
export async function answerQuestion(ctx: BotContext, question: string, opts: { replyTo?: number; lang?: Lang } = {}): Promise<Answer> {
  const { answerer, unanswered, now } = ctx.deps;
  const answer = answerer.answer(question, { now: now(), lang: opts.lang });
  if (!answer.answered) unanswered.recordSoon(answer.normalized, question, now());
  noteOutcome(ctx, { intent: answer.intent, answered: answer.answered });
  ctx.deps.admin?.stats.record(answer, now());
  await sendAnswer(ctx, answer, opts.replyTo);
  return answer;
}

/** Free-text questions: every text in private chats; in groups only /tanya, mentions and replies to the bot. */
export const qa = new Composer<BotContext>();

qa.command("tanya", async (ctx) => {
  const question = ctx.match.trim();
  if (!question) return ctx.reply(ctx.t("tanya-empty"));
  await answerQuestion(ctx, question, { replyTo: ctx.chat.type === "private" ? undefined : ctx.msg.message_id });
});

qa.callbackQuery(new RegExp(`^${ASK_PREFIX}`), async (ctx) => {
  const s = suggestionFromData(ctx.callbackQuery.data);
  await ctx.answerCallbackQuery();
  if (s) await answerQuestion(ctx, s.question, { lang: s.lang === "en" ? "en" : "id" });
});

const text = qa.on("message:text").filter((ctx) => !ctx.msg.text.startsWith("/"));

text.chatType("private", async (ctx) => {
  await answerQuestion(ctx, ctx.msg.text);
});

text.chatType(["group", "supergroup"], async (ctx, next) => {
  const username = ctx.me.username;
  const mention = new RegExp(`@${username}\\b`, "i");
  const repliedToBot = ctx.msg.reply_to_message?.from?.id === ctx.me.id;
  if (!mention.test(ctx.msg.text) && !repliedToBot) return next();
  const question = ctx.msg.text.replace(mention, " ").trim();
  if (!question) return ctx.reply(ctx.t("group-usage", { username }));
  await answerQuestion(ctx, question, { replyTo: ctx.msg.message_id });
});
