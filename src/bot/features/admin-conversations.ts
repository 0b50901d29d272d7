import type { Conversation, ConversationFlavor } from "@grammyjs/conversations";
import { existsSync, readFileSync, statSync } from "node:fs";
import { basename } from "node:path";
import { type Context, InlineKeyboard } from "grammy";
import type { AuditAction } from "../../admin/audit.js";
import { FileTooLargeError } from "../../admin/index.js";
import { checkImport, formatBytes, importLimit, MAX_DOWNLOAD_BYTES, type ImportCheck } from "../../admin/transfer.js";
import { blankRecord, diffLines, FIELDS, fieldLabel, type FieldEnv, type FieldSpec, isKind, type Kind, newId, recordLabel, setSource, showValue, type RefNames, refNames } from "../../admin/kinds.js";
import { hasMessage } from "../../admin/messages.js";
import { parseDate } from "../../admin/parse.js";
import { countChanges, type Editor } from "../../admin/service.js";
import { translator, type Translate } from "../../i18n.js";
import { KnowledgeFileError } from "../../knowledge/load.js";
import { type Change, ConflictError, findRecord, type KRecord } from "../../knowledge/store.js";
import { StorageError } from "../../storage/guard.js";
import type { BotContext } from "../context.js";
import { MAX_MESSAGE } from "../reply.js";
import { changesOf, ingestText, type IngestItem } from "../../ingest/index.js";
import { MAX_RELEASE_BYTES, releaseText, ReleaseFileError } from "../../ingest/read-file.js";
import { KnowledgeGraph } from "../../knowledge/graph.js";
import { KINDS as RECORD_KINDS } from "../../knowledge/kinds/index.js";

/** Outside context (with deps) and inside context of the admin conversations. */
export type AdminCtx = ConversationFlavor<BotContext>;
export type AdminConversation = Conversation<AdminCtx, Context>;

/** A change ready to be confirmed: shown as a summary, then saved with "Simpan". */
export interface Plan {
  changes: Change[];
  action: AuditAction;
  label: string;
  expectHash?: string;
  undoOf?: number;
  /** Extra first line of the summary (e.g. which entry an undo reverts). */
  heading?: string;
  /**
   * An import: its changes wait in DATA_DIR/imports (see PendingImports) under
   * this reference, and only counts and the first lines are carried here, so
   * the conversation state stays small whatever the size of the file.
   */
  pending?: { ref: string; added: number; changed: number; removed: number; preview: string[] };
}

/** Lines of an import's summary shown before "Simpan". */
const IMPORT_PREVIEW = 30;

/** Language of a user: English when their Telegram app is in English. */
export function langOf(ctx: Context): "id" | "en" {
  return ctx.from?.language_code?.startsWith("en") ? "en" : "id";
}

/** Who is editing, for the audit trail. */
export function editorOf(ctx: Context): Editor {
  const f = ctx.from;
  const name = [f?.first_name, f?.last_name].filter(Boolean).join(" ") || (f?.username ? `@${f.username}` : String(f?.id ?? "?"));
  return { id: f?.id ?? 0, name };
}

/** Cuts a text to fit one Telegram message. */
function fit(text: string, max = MAX_MESSAGE - 200): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n…`;
}

type Button = { label: string; data: string };
type Reply = { type: "button"; data: string } | { type: "text"; text: string };
type AnyReply = Reply | { type: "document"; name: string; path: string };

/**
 * Asking and waiting inside a conversation. Buttons carry the number of the
 * question they belong to, so a button pressed on an older message is not
 * taken as the answer to the current question. The counter is replay-safe:
 * it advances the same way every time the conversation is replayed.
 */
class Ui {
  private step = 0;

  constructor(
    readonly conv: AdminConversation,
    readonly ctx: Context,
    readonly t: Translate,
  ) {}

  /** Sends `text` with buttons and waits for a button or a text message (other commands are refused). */
  async ask(text: string, buttons: Button[][] = []): Promise<Reply> {
    const step = ++this.step;
    const prefix = `c${step}:`;
    const kb = new InlineKeyboard();
    for (const row of buttons) {
      for (const b of row) kb.text(b.label.slice(0, 64), `${prefix}${b.data}`.slice(0, 64));
      kb.row();
    }
    await this.ctx.reply(fit(text), buttons.length ? { reply_markup: kb } : {});
    for (;;) {
      const u = await this.conv.wait();
      const data = u.callbackQuery?.data;
      if (data !== undefined) {
        if (data.startsWith(prefix)) {
          await u.answerCallbackQuery();
          await u.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
          return { type: "button", data: data.slice(prefix.length) };
        }
        await u.answerCallbackQuery({ text: this.t("admin-stale-button") });
        continue;
      }
      const txt = u.message?.text;
      if (txt === undefined) {
        await u.reply(this.t("admin-expect-text"));
        continue;
      }
      if (txt.startsWith("/")) {
        await u.reply(this.t("admin-in-conversation"));
        continue;
      }
      return { type: "text", text: txt.trim() };
    }
  }

  /** Like `ask`, but also takes a document, and the text or caption of a forwarded post. */
  async askAny(text: string, buttons: Button[][] = []): Promise<AnyReply> {
    const step = ++this.step;
    const prefix = `c${step}:`;
    const kb = new InlineKeyboard();
    for (const row of buttons) {
      for (const b of row) kb.text(b.label.slice(0, 64), `${prefix}${b.data}`.slice(0, 64));
      kb.row();
    }
    await this.ctx.reply(fit(text), buttons.length ? { reply_markup: kb } : {});
    for (;;) {
      const u = await this.conv.wait();
      const data = u.callbackQuery?.data;
      if (data !== undefined) {
        if (data.startsWith(prefix)) {
          await u.answerCallbackQuery();
          await u.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
          return { type: "button", data: data.slice(prefix.length) };
        }
        await u.answerCallbackQuery({ text: this.t("admin-stale-button") });
        continue;
      }
      const doc = u.message?.document;
      if (doc) {
        if ((doc.file_size ?? 0) > MAX_RELEASE_BYTES) {
          await u.reply(this.t("rilis-too-big", { max: "1 MB" }));
          continue;
        }
        const file = await u.getFile();
        return { type: "document", name: doc.file_name ?? "rilis.txt", path: file.file_path ?? "" };
      }
      const txt = u.message?.text ?? u.message?.caption;
      if (txt === undefined) {
        await u.reply(this.t("rilis-expect"));
        continue;
      }
      if (txt.startsWith("/")) {
        await u.reply(this.t("admin-in-conversation"));
        continue;
      }
      return { type: "text", text: txt.trim() };
    }
  }

  async say(text: string): Promise<void> {
    await this.ctx.reply(fit(text));
  }
}

/** Shows a plan's summary with "Simpan" and "Batal", then saves it (or tells why not). */
async function confirmAndCommit(ui: Ui, plan: Plan): Promise<void> {
  const { t, conv } = ui;
  const known = await conv.external((o) => {
    const kb = o.deps.knowledge.get();
    return refNames(kb.sources, kb.officials);
  });
  const added = refNames(plan.changes.filter((c) => c.collection === "sources" && c.after).map((c) => c.after!));
  const names = { ...known, ...added };
  const text = summary(plan, t, names);
  let prompt = text;
  for (;;) {
    const r = await ui.ask(prompt, [[{ label: t("admin-btn-save"), data: "save" }, { label: t("admin-btn-cancel"), data: "cancel" }]]);
    const choice = r.type === "button" ? r.data : /^(simpan|save|ya|yes)$/i.test(r.text) ? "save" : /^(batal|cancel|tidak|no)$/i.test(r.text) ? "cancel" : undefined;
    if (choice === "cancel") {
      if (plan.pending) {
        const ref = plan.pending.ref;
        await conv.external((o) => o.deps.admin.imports.remove(ref));
      }
      return ui.say(t("admin-cancelled"));
    }
    if (choice === "save") break;
    prompt = `${t("admin-press-button")}\n\n${text}`;
  }
  const by = editorOf(ui.ctx);
  const pending = plan.pending;
  // A large import takes a moment: say so at once (questions of others are answered meanwhile).
  if (pending) await ui.say(t("admin-import-saving", { n: pending.added + pending.changed + pending.removed }));
  const result = await conv.external(async (o) => {
    // An admin removed while the summary was open may no longer save.
    if (!o.deps.admin.admins.isAdmin(by.id)) return { ok: false as const, refused: true };
    let changes = plan.changes;
    if (pending) {
      const stored = await o.deps.admin.imports.load(pending.ref);
      if (!stored) return { ok: false as const, gone: true };
      changes = stored.changes;
    }
    try {
      const entry = await o.deps.admin.service.commit(changes, by, plan.action, plan.label, {
        expectHash: plan.expectHash,
        undoOf: plan.undoOf,
        now: o.deps.now(),
      });
      if (pending) o.deps.admin.imports.remove(pending.ref);
      return { ok: true as const, seq: entry.seq };
    } catch (err) {
      if (err instanceof ConflictError) {
        if (pending) o.deps.admin.imports.remove(pending.ref);
        return { ok: false as const, conflicts: err.conflicts.slice(0, 5) };
      }
      if (err instanceof KnowledgeFileError) return { ok: false as const, issues: err.issues.slice(0, 5) };
      if (err instanceof StorageError) return { ok: false as const, storage: true };
      throw err;
    }
  });
  if (result.ok) return ui.say(t("admin-saved", { seq: result.seq }));
  if ("refused" in result) return ui.say(t("admin-refused"));
  if ("storage" in result) return ui.say(t("storage-failed"));
  if ("gone" in result) return ui.say(t("admin-import-gone"));
  if (result.issues) return ui.say(`${t("admin-invalid")}\n${result.issues.map((i) => `• ${i}`).join("\n")}`);
  const main = result.conflicts!.filter((c) => c.collection !== "sources");
  const shown = main.length ? main : result.conflicts!;
  const lines = shown.slice(0, 5).map((c) => {
    const label = `${t(`admin-kind-${c.collection}`)}: ${recordLabel(c.collection, c.current ?? plan.changes.find((x) => x.id === c.id)?.after ?? null, t)}`;
    return c.current ? `${label}\n${describe(c.current, t, names).join("\n")}` : `${label} — ${t("admin-conflict-gone")}`;
  });
  return ui.say(`${t("admin-conflict")}\n\n${lines.join("\n\n")}\n\n${t("admin-conflict-retry")}`);
}

/** Every shown field of a record, one "label: value" line each. */
export function describe(r: KRecord, t: Translate, names: RefNames = {}): string[] {
  return Object.entries(r)
    .filter(([k, v]) => k !== "id" && v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `• ${fieldLabel(k, t)}: ${showValue(k, v, t, names)}`);
}

/** The summary shown before saving: what is added, changed or removed, field by field. */
export function summary(plan: Plan, t: Translate, names: RefNames = {}): string {
  const parts: string[] = [];
  if (plan.heading) parts.push(plan.heading);
  if (plan.action === "import" || plan.action === "ingest") {
    const n = plan.pending ?? countChanges(plan.changes);
    parts.push(t("admin-import-summary", { file: plan.label, added: n.added, changed: n.changed, removed: n.removed }));
    const lines = plan.pending?.preview ?? previewLines(plan.changes, t);
    parts.push(...lines);
    const total = n.added + n.changed + n.removed;
    if (total > lines.length) parts.push(t("admin-more", { n: total - lines.length }));
  } else {
    parts.push(t("admin-summary-title"));
    for (const c of plan.changes) {
      const head = !c.before ? "admin-change-add" : !c.after ? "admin-change-delete" : "admin-change-edit";
      parts.push(`${t(head, { kind: t(`admin-kind-${c.collection}`), label: recordLabel(c.collection, c.after ?? c.before, t) })}\n${diffLines(c.before, c.after, t, names).join("\n") || t("admin-no-diff")}`);
    }
  }
  parts.push(t("admin-confirm"));
  return fit(parts.join("\n\n"));
}

/** The first lines of an import's summary: "➕ Singkatan: KADIN" … */
function previewLines(changes: readonly Change[], t: Translate): string[] {
  return changes.slice(0, IMPORT_PREVIEW).map((c) => {
    const sign = !c.before ? "➕" : !c.after ? "➖" : "✏️";
    return `${sign} ${t(`admin-kind-${c.collection}`)}: ${recordLabel(c.collection, c.after ?? c.before, t)}`;
  });
}

/** Confirms a ready plan (/ubahnilai, /urungkan). */
export async function confirmConversation(conv: AdminConversation, ctx: Context, plan: Plan): Promise<void> {
  await confirmAndCommit(new Ui(conv, ctx, translator(langOf(ctx))), plan);
}

/** Answer to one field: a value, keep the current one, or leave it empty. */
type FieldAnswer = { action: "set"; value: unknown } | { action: "keep" } | { action: "clear" };

async function askField(ui: Ui, kind: Kind, spec: FieldSpec, n: number, total: number, draft: KRecord, editing: boolean, env: Omit<FieldEnv, "draft">): Promise<FieldAnswer> {
  const { t } = ui;
  const current = spec.get ? spec.get(draft) : draft[spec.key];
  const hasCurrent = current !== undefined && current !== null && !(Array.isArray(current) && current.length === 0);
  const lines = [t("admin-ask-field", { n, total, label: fieldLabel(spec.key, t) })];
  const hint = [`admin-hint-${kind}-${spec.key}`, `admin-hint-${spec.key}`].find(hasMessage);
  if (hint) lines.push(t(hint));
  if (editing && hasCurrent) lines.push(t("admin-current", { value: spec.key === "time" ? String(current) : showValue(spec.key, current, t) }));
  if (spec.optional) lines.push(t("admin-optional"));
  const question = lines.join("\n");
  const buttons: Button[][] = [];
  if (spec.choices) {
    const row: Button[] = [];
    spec.choices.forEach((c, i) => row.push({ label: t(`admin-choice-${c}`), data: `v${i}` }));
    for (let i = 0; i < row.length; i += 2) buttons.push(row.slice(i, i + 2));
  }
  const extra: Button[] = [];
  if (editing && hasCurrent) extra.push({ label: t("admin-btn-keep"), data: "keep" });
  if (spec.optional) extra.push({ label: hasCurrent && editing ? t("admin-btn-clear") : t("admin-btn-skip"), data: "clear" });
  if (extra.length) buttons.push(extra);
  let prompt = question;
  for (;;) {
    const r = await ui.ask(prompt, buttons);
    if (r.type === "button") {
      if (r.data === "keep") return { action: "keep" };
      if (r.data === "clear") return { action: "clear" };
      const i = Number(r.data.slice(1));
      if (spec.choices?.[i] !== undefined) return { action: "set", value: spec.choices[i] };
      continue;
    }
    if (r.text === "-" && spec.optional) return { action: "clear" };
    if (r.text === "=" && editing && hasCurrent) return { action: "keep" };
    let error: string;
    let detail: string | undefined;
    if (spec.choices) {
      const typed = r.text.toLowerCase();
      const found = spec.choices.find((c, i) => c === typed || t(`admin-choice-${c}`).toLowerCase() === typed || String(i + 1) === typed);
      if (found) return { action: "set", value: found };
      error = "admin-err-choice";
    } else {
      const parsed = spec.parse!(r.text, { ...env, draft });
      if (parsed.ok) return { action: "set", value: parsed.value };
      error = parsed.error;
      detail = parsed.detail;
    }
    prompt = `${t(error, { detail: detail ?? "" })}\n\n${question}`;
  }
}

/** Asks for the source: one of the existing ones, or a new one (publisher, title, date). */
async function askSource(ui: Ui, kind: Kind, draft: KRecord, editing: boolean, sources: Array<{ id: string; title: string; publisher: string; date: string }>, now: Date): Promise<{ source: { id: string; date: string }; added?: KRecord }> {
  const { t } = ui;
  const recent = [...sources].sort((a, b) => b.date.localeCompare(a.date)).slice(0, 8);
  const buttons: Button[][] = recent.map((s, i) => [{ label: `${s.publisher} · ${s.date} · ${s.title}`.slice(0, 60), data: `s${i}` }]);
  buttons.push([{ label: t("admin-btn-new-source"), data: "new" }]);
  const current = sources.find((s) => s.id === draft.sourceId);
  if (editing && current) buttons.push([{ label: t("admin-btn-keep"), data: "keep" }]);
  const question = `${t("admin-ask-source")}${editing && current ? `\n${t("admin-current", { value: `${current.publisher}, “${current.title}”, ${current.date}` })}` : ""}`;
  for (;;) {
    const r = await ui.ask(question, buttons);
    if (r.type !== "button") continue;
    if (r.data === "keep" && current) return { source: current };
    const picked = /^s(\d+)$/.exec(r.data);
    if (picked && recent[Number(picked[1])]) return { source: recent[Number(picked[1])]! };
    if (r.data === "new") break;
  }
  const askText = async (key: string, min: number): Promise<string> => {
    let prompt = t(key);
    for (;;) {
      const r = await ui.ask(prompt);
      if (r.type === "text" && r.text.length >= min && r.text.length <= 300) return r.text;
      prompt = `${t("admin-err-empty")}\n\n${t(key)}`;
    }
  };
  const publisher = await askText("admin-ask-source-publisher", 2);
  const title = await askText("admin-ask-source-title", 3);
  let prompt = t("admin-ask-source-date");
  let date: string;
  for (;;) {
    const r = await ui.ask(prompt);
    if (r.type === "text") {
      const d = parseDate(r.text, now);
      if (d.ok) {
        date = d.value;
        break;
      }
      prompt = `${t(d.error, { detail: d.detail ?? "" })}\n\n${t("admin-ask-source-date")}`;
    }
  }
  const taken = new Set(sources.map((s) => s.id));
  let id = `${publisher}-${date}`.toLowerCase().normalize("NFKD").replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "") || "sumber";
  for (let i = 2, base = id; taken.has(id); i++) id = `${base}-${i}`;
  void kind;
  return { source: { id, date }, added: { id, publisher, title, date } };
}

/**
 * Guided add, edit or delete of one record of `kind`: pick a record (or new),
 * answer each field (validated, asked again on error), pick the source, check
 * the whole base, confirm. `/batal` leaves at any step (handled outside).
 */
export async function editConversation(conv: AdminConversation, ctx: Context, kindArg: string): Promise<void> {
  const t = translator(langOf(ctx));
  const ui = new Ui(conv, ctx, t);
  if (!isKind(kindArg)) return ui.say(t("admin-err-kind"));
  const kind: Kind = kindArg;
  // The bot's clock (tests replace it), read once and replayed.
  const now = new Date(await conv.external((o) => o.deps.now().getTime()));
  const view = await conv.external((o) => {
    const kb = o.deps.knowledge.get();
    return {
      records: (kb[kind] as unknown as KRecord[]).map((r) => ({ id: r.id, label: recordLabel(kind, r, t) })),
      sources: kb.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, date: s.date })),
      orgs: kb.organisations.map((o2) => ({ id: o2.id, name: o2.name, ...(o2.short ? { short: o2.short } : {}), aliases: o2.aliases })),
      officials: kb.officials.map((o2) => ({ id: o2.id, name: o2.name, ...(o2.nickname ? { nickname: o2.nickname } : {}) })),
    };
  });
  const kindName = t(`admin-kind-${kind}`);
  const shown = view.records.slice(-20);
  const pickButtons: Button[][] = [[{ label: t("admin-btn-new"), data: "new" }], ...shown.map((r, i) => [{ label: r.label.slice(0, 60), data: `r${i}` }])];
  let pickedId: string | undefined;
  let prompt = t("admin-pick", { kind: kindName });
  for (;;) {
    const r = await ui.ask(prompt, pickButtons);
    if (r.type === "button") {
      if (r.data === "new") break;
      const rec = shown[Number(r.data.slice(1))];
      if (rec) {
        pickedId = rec.id;
        break;
      }
    } else {
      const typed = r.text.toLowerCase();
      const rec = view.records.find((x) => x.id === typed || x.label.toLowerCase() === typed);
      if (rec) {
        pickedId = rec.id;
        break;
      }
      prompt = `${t("admin-err-record", { detail: r.text })}\n\n${t("admin-pick", { kind: kindName })}`;
    }
  }
  let before: KRecord | null = null;
  if (pickedId) {
    before = await conv.external((o) => findRecord(o.deps.knowledge.get(), kind, pickedId!));
    if (!before) return ui.say(t("admin-conflict-gone"));
    const r = await ui.ask(`${recordLabel(kind, before, t)}\n${describe(before, t, refNames(view.sources, view.officials)).join("\n")}\n\n${t("admin-edit-or-delete")}`, [
      [{ label: t("admin-btn-edit"), data: "edit" }, { label: t("admin-btn-delete"), data: "delete" }],
    ]);
    if (r.type === "button" && r.data === "delete") {
      return confirmAndCommit(ui, { changes: [{ collection: kind, id: before.id, before, after: null }], action: "delete", label: `${kindName}: ${recordLabel(kind, before, t)}` });
    }
  }
  let draft: KRecord = before ? structuredClone(before) : blankRecord(kind);
  let editing = !!before;
  const fields = FIELDS[kind];
  for (;;) {
    for (const [i, spec] of fields.entries()) {
      if (spec.when && !spec.when(draft)) continue;
      const a = await askField(ui, kind, spec, i + 1, fields.length + 1, draft, editing, { now, orgs: view.orgs, officials: view.officials });
      if (a.action === "keep") continue;
      const value = a.action === "set" ? a.value : undefined;
      if (spec.apply) spec.apply(draft, value);
      else if (value === undefined) delete draft[spec.key];
      else draft[spec.key] = value;
    }
    const src = await askSource(ui, kind, draft, editing, view.sources, now);
    setSource(kind, draft, src.source);
    const changes: Change[] = [];
    if (src.added) changes.push({ collection: "sources", id: src.added.id, before: null, after: src.added });
    if (!before) {
      const base = draft;
      draft.id = await conv.external((o) => newId(kind, base, o.deps.knowledge.get()));
    }
    changes.push({ collection: kind, id: draft.id, before, after: draft });
    const issues = await conv.external(async (o) => (await o.deps.knowledge.check(changes)).slice(0, 5));
    if (!issues.length) {
      return confirmAndCommit(ui, { changes, action: before ? "edit" : "add", label: `${kindName}: ${recordLabel(kind, draft, t)}` });
    }
    await ui.say(`${t("admin-invalid")}\n${issues.map((x) => `• ${x}`).join("\n")}\n\n${t("admin-fix-again")}`);
    if (src.added) view.sources.push({ id: String(src.added.id), title: String(src.added.title), publisher: String(src.added.publisher), date: String(src.added.date) });
    draft = structuredClone(draft);
    editing = true;
  }
}

/**
 * /impor: receive a JSON document (or .json.gz), validate it, show what it
 * changes, apply after "Simpan". The file is fetched, checked and set aside
 * (DATA_DIR/imports, see checkImport) in one step outside the conversation's
 * replay log: its state holds only the verdict and a reference, however
 * large the file.
 */
export async function importConversation(conv: AdminConversation, ctx: Context): Promise<void> {
  const t = translator(langOf(ctx));
  const ui = new Ui(conv, ctx, t);
  const owner = `${ctx.chatId ?? 0}:${ctx.from?.id ?? 0}`;
  const max = await conv.external((o) => formatBytes(importLimit(o.deps.knowledge)));
  await ui.say(t("admin-import-ask", { max }));
  const check = (o: AdminCtx, input: Uint8Array | string, name: string): Promise<ImportCheck> =>
    checkImport({ store: o.deps.knowledge, imports: o.deps.admin.imports, now: o.deps.now() }, input, name, owner, (changes) => previewLines(changes, t));
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
      name = doc.file_name ?? "knowledge.json";
      const file = await u.getFile();
      const fileName = name;
      got = await conv.external(async (o): Promise<ImportCheck> => {
        const apiRoot = o.deps.config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
        let bytes: Uint8Array;
        try {
          bytes = await o.deps.admin.download({ apiRoot, token: o.api.token, filePath: file.file_path ?? "", local: !!o.deps.config.TELEGRAM_API_ROOT }, MAX_DOWNLOAD_BYTES);
        } catch (err) {
          if (err instanceof FileTooLargeError) return { error: "too-big", size: 0 };
          o.deps.logger.warn({ err: String(err) }, "import download failed");
          return { error: "download" };
        }
        if (bytes.byteLength > MAX_DOWNLOAD_BYTES) return { error: "too-big", size: bytes.byteLength };
        return check(o, bytes, fileName);
      });
    } else if (text && (!text.startsWith("/") || /\.json(\.gz)?$/i.test(text))) {
      // The console chat cannot send documents: there (no BOT_TOKEN) a local file path is accepted instead.
      name = basename(text);
      const fileName = name;
      got = await conv.external((o): ImportCheck | Promise<ImportCheck> => {
        if (o.deps.config.BOT_TOKEN) return { error: "no-file" };
        if (!existsSync(text)) return { error: "no-file" };
        let content: Uint8Array;
        try {
          const size = statSync(text).size;
          if (size > MAX_DOWNLOAD_BYTES) return { error: "too-big", size };
          content = readFileSync(text);
        } catch {
          return { error: "download" };
        }
        return check(o, content, fileName);
      });
      if (got.error === "no-file") {
        await u.reply(t("admin-import-need-file"));
        continue;
      }
    } else {
      await u.reply(text?.startsWith("/") ? t("admin-in-conversation") : t("admin-import-need-file"));
      continue;
    }
    switch (got.error) {
      case "too-big":
        await u.reply(t("admin-import-too-big", { size: got.size ? formatBytes(got.size) : `> ${max}`, max: got.size > MAX_DOWNLOAD_BYTES ? formatBytes(MAX_DOWNLOAD_BYTES) : max }));
        continue;
      case "gzip":
        await u.reply(t("admin-import-bad-gzip"));
        continue;
      case "download":
      case "no-file":
        await u.reply(t("admin-import-download-failed"));
        continue;
      case "json":
        await u.reply(t("admin-import-invalid-json", { detail: got.detail }));
        continue;
      case "invalid":
        await u.reply(`${t("admin-import-invalid", { total: got.total })}\n${got.issues.map((i) => `• ${i}`).join("\n")}\n\n${t("admin-import-again")}`);
        continue;
      case "storage":
        return ui.say(t("storage-failed"));
      case "same":
        return ui.say(t("admin-import-same"));
    }
    return confirmAndCommit(ui, { changes: [], action: "import", label: name, expectHash: got.hash, pending: got.pending });
  }
}

/** One item of a release under review, as the admin sees it. */
interface ReviewItem {
  n: number;
  collection: string;
  status: IngestItem["status"];
  label: string;
  sentence: string;
  existing?: string;
}

/** The order facts are shown in: source, event, values, officials, organisations, agreements, commodities, targets, statements, counts. */
const REVIEW_ORDER = ["sources", "events", "cooperationValues", "officials", "organisations", "agreements", "commodities", "targets", "statements", "counts", "acronyms"];

function reviewText(items: ReviewItem[], dropped: ReadonlySet<number>, useRelease: ReadonlySet<number>, t: Translate): string[] {
  const parts: string[] = [];
  for (const collection of REVIEW_ORDER) {
    const group = items.filter((i) => i.collection === collection);
    if (!group.length) continue;
    const lines = group.map((i) => {
      const mark = dropped.has(i.n) ? "✖️" : i.status === "known" ? "✔️" : i.status === "conflict" ? (useRelease.has(i.n) ? "⚠️➡️" : "⚠️") : "➕";
      let line = `${mark} ${i.n}. ${i.label}`;
      if (i.status === "known") line += ` — ${t("rilis-known")}`;
      if (i.status === "conflict") line += `\n   ${t("rilis-stored", { value: i.existing ?? "" })}`;
      return `${line}\n   “${i.sentence.length > 160 ? `${i.sentence.slice(0, 159)}…` : i.sentence}”`;
    });
    parts.push(`<${t(`admin-kind-${collection}`)}>\n${lines.join("\n")}`);
  }
  return parts;
}

/**
 * /rilis: the admin sends a press release (pasted text in one or more messages,
 * a forwarded post, or a .txt/.docx/.pdf document), the bot shows every fact it
 * read, grouped, with the sentence each came from; "hapus 3 5" drops items,
 * "pakai 7" takes a conflicting value from the release; Simpan saves the rest
 * in one audited save sourced to the release. /batal leaves (handled outside).
 */
export async function releaseConversation(conv: AdminConversation, ctx: Context): Promise<void> {
  const t = translator(langOf(ctx));
  const ui = new Ui(conv, ctx, t);
  const chunks: string[] = [];
  let name = "rilis.txt";
  let prompt = t("rilis-ask", { max: "1 MB" });
  // Collect the release.
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
        const apiRoot = o.deps.config.TELEGRAM_API_ROOT ?? "https://api.telegram.org";
        try {
          const bytes = await o.deps.admin.download({ apiRoot, token: o.api.token, filePath: r.path, local: !!o.deps.config.TELEGRAM_API_ROOT }, MAX_RELEASE_BYTES);
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
  const text = chunks.join("\n\n");
  const review = await conv.external((o) => {
    const kb = o.deps.knowledge.get();
    const result = ingestText(text, kb, { file: name });
    const c = { t, lang: langOf(ctx), kb: new KnowledgeGraph(kb), now: o.deps.now() };
    const label = (collection: string, r: KRecord) => {
      const kind = RECORD_KINDS.find((k) => k.collection === collection);
      try {
        return kind ? kind.summary(r as never, c as never) : recordLabel(collection as never, r, t);
      } catch {
        return recordLabel(collection as never, r, t);
      }
    };
    const items: ReviewItem[] = result.items.map((i, n) => ({
      n: n + 1, collection: i.collection, status: i.status, label: collectionLabel(i.collection, i.record, t, label), sentence: i.sentence, ...(i.existing ? { existing: collectionLabel(i.collection, i.existing, t, label) } : {}),
    }));
    return { items, title: String(result.source.title), hash: o.deps.knowledge.hash() };
  });
  if (!review.items.some((i) => i.status !== "known")) return ui.say(t("rilis-nothing-new"));
  const dropped = new Set<number>();
  const useRelease = new Set<number>();
  let note = "";
  for (;;) {
    // Long reviews go out in several messages; the last one carries the buttons.
    const parts = [...(note ? [note] : []), t("rilis-found", { title: review.title, n: review.items.length }), ...reviewText(review.items, dropped, useRelease, t)];
    const batches: string[] = [];
    for (const part of parts) {
      const last = batches.at(-1);
      if (last !== undefined && last.length + part.length + 2 <= MAX_MESSAGE - 400) batches[batches.length - 1] = `${last}\n\n${part}`;
      else batches.push(part);
    }
    for (const b of batches.slice(0, -1)) await ui.say(b);
    const r = await ui.ask(`${batches.at(-1) ?? ""}\n\n${t("rilis-how")}`, [[{ label: t("admin-btn-save"), data: "save" }, { label: t("admin-btn-cancel"), data: "cancel" }]]);
    note = "";
    if (r.type === "button" && r.data === "cancel") return ui.say(t("admin-cancelled"));
    if (r.type === "button" && r.data === "save") break;
    if (r.type !== "text") continue;
    const m = /^(hapus|drop|batalkan|kembalikan|pakai|use)\s+([\d\s,]+)$/i.exec(r.text.trim());
    if (!m) {
      note = t("rilis-how");
      continue;
    }
    for (const n of m[2]!.split(/[\s,]+/).map(Number).filter((x) => review.items.some((i) => i.n === x))) {
      if (/^(hapus|drop)$/i.test(m[1]!)) dropped.add(n);
      else if (/^(kembalikan)$/i.test(m[1]!)) dropped.delete(n);
      else if (review.items.find((i) => i.n === n)?.status === "conflict") useRelease.add(n);
    }
  }
  const plan = await conv.external((o) => {
    const kb = o.deps.knowledge.get();
    const result = ingestText(text, kb, { file: name });
    const keep = (item: IngestItem) => !dropped.has(result.items.indexOf(item) + 1);
    const changes = changesOf(result, kb, keep);
    // Conflicts the admin chose: the release's value replaces the stored one.
    result.items.forEach((item, i) => {
      if (item.status === "conflict" && useRelease.has(i + 1) && !dropped.has(i + 1) && item.existing) changes.push({ collection: item.collection, id: item.record.id, before: item.existing, after: item.record });
    });
    return { changes, hash: o.deps.knowledge.hash() };
  });
  if (plan.hash !== review.hash) return ui.say(t("admin-conflict"));
  if (!plan.changes.length) return ui.say(t("rilis-nothing-new"));
  return confirmAndCommit(ui, { changes: plan.changes, action: "ingest", label: `${t("rilis-label")}: ${review.title}`, expectHash: plan.hash });
}

/** A record in one line for the review: the kind's own summary where it can render one. */
function collectionLabel(collection: string, r: KRecord, t: Translate, summary: (c: string, r: KRecord) => string): string {
  if (collection === "sources") return `${String(r.publisher)}, “${String(r.title)}”, ${String(r.date)}${r.author ? ` (${String(r.author)})` : ""}`;
  if (collection === "organisations") return `${String(r.name)}${r.short ? ` (${String(r.short)})` : ""}`;
  if (collection === "officials") return `${String(r.name)} — ${String(r.office ?? t(`role-${String(r.role)}`))}`;
  if (collection === "statements") return `${r.quoted ? "“" : ""}${String(r.text).slice(0, 140)}${r.quoted ? "”" : ""}`;
  return summary(collection, r);
}
