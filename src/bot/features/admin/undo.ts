import { Composer } from "grammy";
import { undoPlan } from "../../../admin/reports.js";
import { NothingToUndoError } from "../../../admin/service.js";
import { adminButton } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { enter } from "../../conversations/index.js";

/** /urungkan (and its menu button): the summary of reverting the latest change not yet reverted, to confirm. */
export const undo = new Composer<BotContext>();

async function start(ctx: BotContext): Promise<void> {
  let planned;
  try {
    planned = ctx.deps.admin.service.undoPlan();
  } catch (err) {
    if (err instanceof NothingToUndoError) {
      await ctx.reply(ctx.t("admin-undo-nothing"));
      return;
    }
    throw err;
  }
  await enter(ctx, "confirm", undoPlan(planned.entry, planned.changes, ctx.t));
}

undo.command("urungkan", start);
undo.callbackQuery(adminButton.pack({ action: "urungkan" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await start(ctx);
});
