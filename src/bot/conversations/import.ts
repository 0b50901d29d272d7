import { basename } from "node:path";
import type { Context } from "grammy";
import { checkImport, checkLocalImport, type ImportCheck, type ImportContext, importPlan, importRefusal } from "../../admin/import-check.js";
import { formatBytes, MAX_DOWNLOAD_BYTES } from "../../admin/transfer.js";
import type { BaseContext } from "../context.js";
import { botFile, FileTooLargeError } from "../download.js";
import { confirmAndSave } from "./confirm.js";
import { type AdminConversation, Ui } from "./ui.js";

/**
 * The "import" conversation (/impor): receive a JSON document (or .json.gz), validate it,
 * show what it changes, apply after "Simpan". The file is fetched, checked
 * and set aside (DATA_DIR/imports) in one step outside the conversation's
 * replay log: its state holds only the verdict and a reference, however
 * large the file.
 */
export async function importConversation(conv: AdminConversation, ctx: Context): Promise<void> {
  const ui = new Ui(conv, ctx);
  const { t } = ui;
  const owner = `${ctx.chatId ?? 0}:${ctx.from?.id ?? 0}`;
  const against = (o: BaseContext): ImportContext => ({ knowledge: o.deps.knowledge, imports: o.deps.admin.imports, owner, now: o.deps.now(), t });
  // Telegram's limit for a bot's download; no step before this message (a conversation stored by the previous version replays it).
  await ui.say(t("admin-import-ask", { max: formatBytes(MAX_DOWNLOAD_BYTES) }));
  for (;;) {
    const u = await conv.wait();
    if (u.callbackQuery) {
      await u.answerCallbackQuery({ text: t("admin-stale-button") });
      continue;
    }
    const doc = u.message?.document;
    const text = u.message?.text?.trim();
    let got: ImportCheck;
    let name: string;
    if (doc) {
      if ((doc.file_size ?? 0) > MAX_DOWNLOAD_BYTES) {
        await u.reply(t("admin-import-too-big", { size: formatBytes(doc.file_size ?? 0), max: formatBytes(MAX_DOWNLOAD_BYTES) }));
        continue;
      }
      const fileName = (name = doc.file_name ?? "knowledge.json");
      const file = await u.getFile();
      got = await conv.external(async (o): Promise<ImportCheck> => {
        let bytes: Uint8Array;
        try {
          bytes = await o.download(botFile(o.api, o.deps.config, file.file_path ?? ""), MAX_DOWNLOAD_BYTES);
        } catch (err) {
          if (err instanceof FileTooLargeError) return { error: "too-big", size: 0 };
          o.deps.logger.warn({ err: String(err) }, "import download failed");
          return { error: "download" };
        }
        if (bytes.byteLength > MAX_DOWNLOAD_BYTES) return { error: "too-big", size: bytes.byteLength };
        return checkImport(bytes, fileName, against(o));
      });
    } else if (text && (!text.startsWith("/") || /\.json(\.gz)?$/i.test(text))) {
      // The console chat cannot send documents: there (no BOT_TOKEN) a local file path is accepted instead.
      const fileName = (name = basename(text));
      got = await conv.external((o): Promise<ImportCheck> | ImportCheck => (o.deps.config.BOT_TOKEN ? { error: "no-file" } : checkLocalImport(text, fileName, against(o))));
      if (got.error === "no-file") {
        await u.reply(t("admin-import-need-file"));
        continue;
      }
    } else {
      await u.reply(text?.startsWith("/") ? t("admin-in-conversation") : t("admin-import-need-file"));
      continue;
    }
    if (got.error === undefined) return confirmAndSave(ui, importPlan(name, got.pending, got.hash));
    // A refusal: the admin may send another file, unless nothing can come of it (disk full, no change).
    const refusal = importRefusal(got, t)!;
    if (got.error === "storage" || got.error === "same") return ui.say(refusal);
    await u.reply(refusal);
  }
}
