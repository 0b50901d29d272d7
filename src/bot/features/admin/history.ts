import { Composer } from "grammy";
import { historyReport } from "../../../admin/reports.js";
import { translator } from "../../../i18n/translate.js";
import { adminButton } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { langOf } from "../../i18n.js";

/** /riwayat (and its menu button): the latest ten changes, who, when, before → after. */
export const history = new Composer<BotContext>();

const show = (ctx: BotContext) => ctx.reply(historyReport(ctx.deps.admin.audit.latest(10), ctx.deps.knowledge.get(), translator(langOf(ctx))));

history.command("riwayat", show);
history.callbackQuery(adminButton.pack({ action: "riwayat" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await show(ctx);
});
