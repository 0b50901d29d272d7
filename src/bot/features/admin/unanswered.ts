import { Composer, InlineKeyboard } from "grammy";
import { questionKey, unansweredReport } from "../../../admin/reports.js";
import { adminButton, adminLearnButton, adminValueButton, read } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { adminMenuKeyboard } from "./menu.js";

/**
 * /belumterjawab: the most asked questions the bot could not answer, each
 * with a button to file it as an example of an intent (learned at once) and
 * one to add the missing fact (the /admin menu).
 */
export const unanswered = new Composer<BotContext>();

/** The question behind a key, among the unanswered ones still logged. */
const findQuestion = (ctx: BotContext, key: string) => ctx.deps.unanswered.top(200).find((q) => questionKey(q.normalized) === key);

/** A question key or an intent as callback data carries them: a word. */
const WORD = /^\w+$/;

async function list(ctx: BotContext): Promise<void> {
  const top = ctx.deps.unanswered.top(10);
  if (!top.length) {
    await ctx.reply(unansweredReport(top, ctx.t));
    return;
  }
  const kb = new InlineKeyboard();
  top.forEach((q, i) => {
    kb.text(ctx.t("admin-btn-as-example", { n: i + 1 }), adminValueButton.pack({ action: "ue", value: questionKey(q.normalized) }))
      .text(ctx.t("admin-btn-add-fact", { n: i + 1 }), adminButton.pack({ action: "uf" }))
      .row();
  });
  await ctx.reply(unansweredReport(top, ctx.t), { reply_markup: kb });
}

unanswered.command("belumterjawab", list);
unanswered.callbackQuery(adminButton.pack({ action: "belum" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await list(ctx);
});

// "Contoh n": which intent the question is an example of.
unanswered.callbackQuery(adminValueButton.filter({ action: "ue" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  const key = read(adminValueButton, ctx.callbackQuery.data)?.value;
  const q = key !== undefined && WORD.test(key) ? findQuestion(ctx, key) : undefined;
  if (!q || key === undefined) return ctx.reply(ctx.t("admin-unanswered-gone"));
  const kb = new InlineKeyboard();
  ctx.deps.answerer.intents.forEach((intent, i) => {
    kb.text(intent.replace(/_/g, " "), adminLearnButton.pack({ action: "ui", question: key, toIntent: intent }));
    if (i % 2 === 1) kb.row();
  });
  await ctx.reply(ctx.t("admin-unanswered-pick-intent", { question: q.example }), { reply_markup: kb });
});

// The intent picked: the question is learned as its example.
unanswered.callbackQuery(adminLearnButton.filter({ action: "ui" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  const data = read(adminLearnButton, ctx.callbackQuery.data);
  const intent = data?.toIntent;
  // Callback data can be forged by a custom client: only an intent the answerer knows is accepted.
  if (!data || !intent || !ctx.deps.answerer.intents.includes(intent)) {
    ctx.deps.logger.warn({ user: ctx.from.id }, "learned example refused: unknown intent");
    return ctx.reply(ctx.t("admin-unanswered-bad-intent"));
  }
  const q = WORD.test(data.question) ? findQuestion(ctx, data.question) : undefined;
  if (!q) return ctx.reply(ctx.t("admin-unanswered-gone"));
  await ctx.deps.admin.learned.add({ text: q.example, intent, by: ctx.from.id, at: ctx.deps.now().toISOString() });
  ctx.deps.answerer.setExtraExamples(ctx.deps.admin.learned.all());
  await ctx.reply(ctx.t("admin-unanswered-learned", { question: q.example, intent: intent.replace(/_/g, " ") }));
});

// "Tambah fakta n": the /admin menu, to add what was missing.
unanswered.callbackQuery(adminButton.pack({ action: "uf" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t("admin-unanswered-add-fact"), { reply_markup: adminMenuKeyboard(ctx) });
});
