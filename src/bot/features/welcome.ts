import { Composer } from "grammy";
import type { BotContext } from "../context.js";
import { langOf } from "../i18n.js";
import { promptKeyboard } from "../reply.js";

/** /start, /bantuan and /help, with example questions built from the newest facts of the knowledge base. */
export const welcome = new Composer<BotContext>();

function examples(ctx: BotContext) {
  return promptKeyboard(ctx.deps.answerer.examples(langOf(ctx), 3, ctx.deps.now()), ctx.deps.answerer);
}

welcome.command("start", async (ctx) => {
  // A new start: the conversation so far no longer counts.
  ctx.session.dialogue = null;
  await ctx.reply(ctx.t("start", { name: ctx.from?.first_name ?? "" }), { reply_markup: examples(ctx) });
});

welcome.command(["bantuan", "help"], async (ctx) => {
  await ctx.reply(ctx.t("help"), { reply_markup: examples(ctx) });
});
