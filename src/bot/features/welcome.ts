import { Composer, InlineKeyboard } from "grammy";
import type { BotContext } from "../context.js";
import { suggestionKeyboard } from "../reply.js";

/** /start, /bantuan and /help. */
export const welcome = new Composer<BotContext>();

welcome.command("start", async (ctx) => {
  const examples = ["nilai_kerja_sama", "acara_waktu", "komoditas"].map((k) => ctx.t(`suggest-${k}`));
  await ctx.reply(ctx.t("start", { name: ctx.from?.first_name ?? "" }), {
    reply_markup: suggestionKeyboard(examples) ?? new InlineKeyboard(),
  });
});

welcome.command(["bantuan", "help"], async (ctx) => {
  await ctx.reply(ctx.t("help"), { reply_markup: suggestionKeyboard(["nilai_kumulatif", "pejabat", "akronim"].map((k) => ctx.t(`suggest-${k}`))) });
});
