import { Composer, InputFile } from "grammy";
import dayjs from "dayjs";
import { exportKnowledge } from "../../../admin/transfer.js";
import { adminButton } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { enter } from "../../conversations/index.js";

/** /ekspor sends the knowledge base as a JSON document (gzip-compressed when large); /impor takes one back (the "import" flow). Both have menu buttons. */
export const importExport = new Composer<BotContext>();

async function exportKb(ctx: BotContext): Promise<void> {
  // A large base goes out gzip-compressed; /impor takes it back as it is.
  const file = await exportKnowledge(ctx.deps.knowledge, dayjs(ctx.deps.now()).tz("Asia/Jakarta").format("YYYY-MM-DD"));
  await ctx.replyWithDocument(new InputFile(file.bytes, file.name), { caption: ctx.t(file.compressed ? "admin-export-caption-gz" : "admin-export-caption", { hash: file.hash }) });
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
