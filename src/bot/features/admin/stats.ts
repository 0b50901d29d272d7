import { Composer } from "grammy";
import { statsReport } from "../../../admin/reports.js";
import { adminButton } from "../../callback-data.js";
import type { BotContext } from "../../context.js";

/** /statistik (and its menu button): questions per day, share answered, top topics, active subscribers. */
export const stats = new Composer<BotContext>();

const show = (ctx: BotContext) => ctx.reply(statsReport(ctx.deps.admin.stats, ctx.deps.events.subscriptions.counts().active, ctx.t));

stats.command("statistik", show);
stats.callbackQuery(adminButton.pack({ action: "statistik" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx);
});
