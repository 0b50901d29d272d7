import { Composer, InputFile } from "grammy";
import { exportFile } from "../../../admin/reports.js";
import { adminButton } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { enter } from "../../conversations/index.js";

/** /ekspor sends the knowledge base as a JSON document; /impor takes one back (the "import" flow). Both have menu buttons. */
export const importExport = new Composer<BotContext>();

async function exportKb(ctx: BotContext): Promise<void> {
  const { name, content } = exportFile(ctx.deps.knowledge.get(), ctx.deps.now());
  await ctx.replyWithDocument(new InputFile(Buffer.from(content, "utf8"), name), { caption: ctx.t("admin-export-caption", { hash: ctx.deps.knowledge.hash() }) });
}

importExport.command("ekspor", exportKb);
importExport.command("impor", (ctx) => enter(ctx, "import"));
importExport.callbackQuery(adminButton.pack({ action: "ekspor" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await exportKb(ctx);
});
importExport.callbackQuery(adminButton.pack({ action: "impor" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  await enter(ctx, "import");
});
