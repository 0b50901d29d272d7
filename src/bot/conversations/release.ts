import type { Context } from "grammy";
import { applyReviewCommand, nothingNew, releaseChanges, releasePlan, reviewParts, reviewRelease, type ReviewChoices } from "../../admin/release-review.js";
import { MAX_RELEASE_BYTES, releaseText, ReleaseFileError } from "../../ingest/read-file.js";
import { botFile, FileTooLargeError } from "../download.js";
import { langOf } from "../i18n.js";
import { MAX_MESSAGE } from "../reply.js";
import { confirmAndSave } from "./confirm.js";
import { type AdminConversation, Ui } from "./ui.js";

/** Collects a release: pasted text in one or more messages (then Selesai), a forwarded post, or a .txt/.docx/.pdf document. */
async function collectRelease(ui: Ui): Promise<{ text: string; name: string }> {
  const { t, conv } = ui;
  const chunks: string[] = [];
  let name = "rilis.txt";
  let prompt = t("rilis-ask", { max: "1 MB" });
  for (;;) {
    const r = await ui.askAny(prompt, chunks.length ? [[{ label: t("rilis-btn-done"), data: "done" }]] : []);
    if (r.type === "button" && r.data === "done") break;
    if (r.type === "text") {
      if (/^(selesai|done)$/i.test(r.text) && chunks.length) break;
      chunks.push(r.text);
      prompt = t("rilis-more", { n: chunks.length });
      continue;
    }
    if (r.type === "document") {
      name = r.name;
      const got = await conv.external(async (o) => {
        try {
          const bytes = await o.download(botFile(o.api, o.deps.config, r.path), MAX_RELEASE_BYTES);
          return { text: await releaseText(bytes, r.name) };
        } catch (err) {
          if (err instanceof FileTooLargeError || (err instanceof ReleaseFileError && err.reason === "too-big")) return { error: "rilis-too-big" };
          if (err instanceof ReleaseFileError && err.reason === "format") return { error: "rilis-format" };
          o.deps.logger.warn({ err: String(err) }, "release download failed");
          return { error: "admin-import-download-failed" };
        }
      });
      if (got.error) {
        prompt = t(got.error, { max: "1 MB" });
        continue;
      }
      chunks.push(got.text!);
      break;
    }
  }
  return { text: chunks.join("\n\n"), name };
}

/** Joins parts into as few messages as fit (leaving room for the question under the last). */
function batches(parts: readonly string[]): string[] {
  const out: string[] = [];
  for (const part of parts) {
    const last = out.at(-1);
    if (last !== undefined && last.length + part.length + 2 <= MAX_MESSAGE - 400) out[out.length - 1] = `${last}\n\n${part}`;
    else out.push(part);
  }
  return out;
}

/**
 * The "release" conversation (/rilis): the admin sends a press release, the
 * bot shows every fact it read, grouped, with the sentence each came from;
 * "hapus 3 5" drops items, "pakai 7" takes a conflicting value from the
 * release; Simpan saves the rest in one audited save sourced to the release.
 * /batal leaves (handled outside).
 */
export async function releaseConversation(conv: AdminConversation, ctx: Context): Promise<void> {
  const ui = new Ui(conv, ctx);
  const { t } = ui;
  const { text, name } = await collectRelease(ui);
  const review = await conv.external((o) => reviewRelease(text, name, o.deps.knowledge, t, langOf(ctx), o.deps.now()));
  if (nothingNew(review)) return ui.say(t("rilis-nothing-new"));
  const choices: ReviewChoices = { dropped: new Set(), useRelease: new Set() };
  let note = "";
  for (;;) {
    // Long reviews go out in several messages; the last one carries the buttons.
    const messages = batches([...(note ? [note] : []), ...reviewParts(review, choices, t)]);
    for (const m of messages.slice(0, -1)) await ui.say(m);
    const r = await ui.ask(`${messages.at(-1) ?? ""}\n\n${t("rilis-how")}`, [[{ label: t("admin-btn-save"), data: "save" }, { label: t("admin-btn-cancel"), data: "cancel" }]]);
    note = "";
    if (r.type === "button" && r.data === "cancel") return ui.say(t("admin-cancelled"));
    if (r.type === "button" && r.data === "save") break;
    if (r.type === "text" && !applyReviewCommand(r.text, review, choices)) note = t("rilis-how");
  }
  const saved = await conv.external((o) => releaseChanges(text, name, choices, o.deps.knowledge));
  if (saved.hash !== review.hash) return ui.say(t("admin-conflict"));
  if (!saved.changes.length) return ui.say(t("rilis-nothing-new"));
  return confirmAndSave(ui, releasePlan(review, saved.changes, saved.hash, t));
}
