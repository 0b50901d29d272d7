import { Composer } from "grammy";
import type { Answer } from "../../answers/index.js";
import type { Lang } from "../../i18n/translate.js";
import type { BotContext } from "../context.js";
import { langOf } from "../i18n.js";
import { mentionOf, speaksToBot } from "../middleware/only.js";
import { noteOutcome } from "../middleware/outcome.js";
import { askData, read } from "../callback-data.js";
import { MAX_MESSAGE, sendAnswer } from "../reply.js";

/** A request another feature fulfils, by the intent it was asked with ("saya mau langganan" opens the subscription menu). */
export type IntentAction = (ctx: BotContext) => Promise<unknown>;

/**
 * Answers a question, records it if unanswered, and returns the answer for
 * logging. When the question is a request with an action in `actions`, the
 * action runs instead of the written reply.
 */
export async function answerQuestion(
  ctx: BotContext,
  question: string,
  opts: { replyTo?: number; lang?: Lang; actions?: Readonly<Record<string, IntentAction>> } = {},
): Promise<Answer> {
  const { answerer, unanswered, now, config } = ctx.deps;
  // Telegram's messages hold at most 4,096 characters: anything longer did not come from a chat.
  if (question.length > MAX_MESSAGE) question = cutAtWord(question, MAX_MESSAGE);
  const answer = answerer.answer(question, { now: now(), lang: opts.lang, context: ctx.session.dialogue, contextTtlMs: config.CONTEXT_TTL_MINUTES * 60_000 });
  ctx.session.dialogue = answer.context;
  if (!answer.answered) unanswered.recordSoon(answer.normalized, question, now());
  noteOutcome(ctx, { intent: answer.intent, answered: answer.answered });
  // Statistics count topics: the kind of fact asked about ("nilai"), or the small-talk intent.
  ctx.deps.admin?.stats.record({ answered: answer.answered, intent: answer.intent?.split(".")[0] ?? null }, now());
  const action = answer.answered && answer.intent !== null ? opts.actions?.[answer.intent] : undefined;
  if (action) await action(ctx);
  else await sendAnswer(ctx, answer, opts.replyTo);
  return answer;
}

/** The first `max` characters of a text, ending at a space when there is one in its second half (no word cut, no "…"). */
function cutAtWord(text: string, max: number): string {
  let cut = text.slice(0, max);
  if (/[\uD800-\uDBFF]$/.test(cut)) cut = cut.slice(0, -1);
  const space = cut.lastIndexOf(" ");
  return space > max / 2 ? cut.slice(0, space) : cut;
}

/** A plain text message in a private chat: a question (commands start with "/"). */
export function isPrivateQuestion(ctx: BotContext): boolean {
  const text = ctx.message?.text;
  return text !== undefined && ctx.chat?.type === "private" && !text.startsWith("/");
}

/** Answers a private question (see `isPrivateQuestion`); requests with an action in `actions` run it instead. */
export function privateQuestions(actions: Readonly<Record<string, IntentAction>>) {
  return async (ctx: BotContext): Promise<void> => {
    await answerQuestion(ctx, ctx.message!.text!, { actions });
  };
}

/** /tanya, suggestion buttons, and questions in groups (mentions and replies to the bot); private texts go to `privateQuestions`. */
export const qa = new Composer<BotContext>();

qa.command("tanya", async (ctx) => {
  const question = ctx.match.trim();
  if (!question) return ctx.reply(ctx.t("tanya-empty"));
  await answerQuestion(ctx, question, { replyTo: ctx.chat.type === "private" ? undefined : ctx.msg.message_id });
});

qa.callbackQuery(askData.filter(), async (ctx) => {
  const data = read(askData, ctx.callbackQuery.data);
  const { answerer, now, config } = ctx.deps;
  const answer = data && answerer.answerAbout(data.k, data.r, data.a, { now: now(), lang: langOf(ctx), context: ctx.session.dialogue, contextTtlMs: config.CONTEXT_TTL_MINUTES * 60_000 });
  if (!answer) return ctx.answerCallbackQuery({ text: ctx.t("button-outdated") });
  await ctx.answerCallbackQuery();
  ctx.session.dialogue = answer.context;
  noteOutcome(ctx, { intent: answer.intent, answered: answer.answered });
  await sendAnswer(ctx, answer);
});

qa.on("message:text").filter((ctx) => !ctx.msg.text.startsWith("/")).chatType(["group", "supergroup"], async (ctx, next) => {
  if (!speaksToBot(ctx, ctx.msg.text)) return next();
  const question = ctx.msg.text.replace(mentionOf(ctx.me.username), " ").trim();
  if (!question) return ctx.reply(ctx.t("group-usage", { username: ctx.me.username }));
  await answerQuestion(ctx, question, { replyTo: ctx.msg.message_id });
});
