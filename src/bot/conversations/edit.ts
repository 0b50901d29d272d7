import type { Context } from "grammy";
import { FIELDS, type FieldEnv, type FieldSpec } from "../../admin/fields.js";
import { checkChanges, currentValue, editView, type FieldAnswer, fieldQuestion, isSet, newSource, readTypedAnswer, type SourceChoice } from "../../admin/form.js";
import { blankRecord, isKind, type Kind, newId, setSource } from "../../admin/kinds.js";
import { recordLabel, refNames } from "../../admin/labels.js";
import { parseDate } from "../../admin/parse.js";
import { describeRecord } from "../../admin/plan.js";
import { type Change, findRecord, type KRecord } from "../../knowledge/store.js";
import { confirmAndSave } from "./confirm.js";
import { type AdminConversation, type Button, Ui } from "./ui.js";

/** Asks one field (buttons for choices, keep and skip; typed answers checked, the question asked again on error). */
async function askField(ui: Ui, kind: Kind, spec: FieldSpec, n: number, total: number, draft: KRecord, editing: boolean, env: Omit<FieldEnv, "draft">): Promise<FieldAnswer> {
  const { t } = ui;
  const hasCurrent = isSet(currentValue(spec, draft));
  const question = fieldQuestion(kind, spec, n, total, draft, editing, t);
  const buttons: Button[][] = [];
  if (spec.choices) {
    const row: Button[] = spec.choices.map((c, i) => ({ label: t(`admin-choice-${c}`), data: `v${i}` }));
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
      const choice = spec.choices?.[Number(r.data.slice(1))];
      if (choice !== undefined) return { action: "set", value: choice };
      continue;
    }
    const answer = readTypedAnswer(spec, r.text, { ...env, draft }, editing, t);
    if (!("error" in answer)) return answer;
    prompt = `${answer.error}\n\n${question}`;
  }
}

/** Asks for the source: one of the existing ones, or a new one (publisher, title, date). */
async function askSource(ui: Ui, draft: KRecord, editing: boolean, sources: SourceChoice[], now: Date): Promise<{ source: { id: string; date: string }; added?: KRecord }> {
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
    const picked = recent[Number(/^s(\d+)$/.exec(r.data)?.[1] ?? NaN)];
    if (picked) return { source: picked };
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
  for (;;) {
    const r = await ui.ask(prompt);
    if (r.type !== "text") continue;
    const d = parseDate(r.text, now);
    if (d.ok) {
      const added = newSource(publisher, title, d.value, sources);
      return { source: { id: added.id, date: d.value }, added };
    }
    prompt = `${t(d.error, { detail: d.detail ?? "" })}\n\n${t("admin-ask-source-date")}`;
  }
}

/** Picks the record to change: one of the latest 20 by button, any by its id or label typed; undefined for a new one. */
async function pickRecord(ui: Ui, kindName: string, records: ReadonlyArray<{ id: string; label: string }>): Promise<string | undefined> {
  const { t } = ui;
  const shown = records.slice(-20);
  const buttons: Button[][] = [[{ label: t("admin-btn-new"), data: "new" }], ...shown.map((r, i) => [{ label: r.label.slice(0, 60), data: `r${i}` }])];
  let prompt = t("admin-pick", { kind: kindName });
  for (;;) {
    const r = await ui.ask(prompt, buttons);
    if (r.type === "button") {
      if (r.data === "new") return undefined;
      const rec = shown[Number(r.data.slice(1))];
      if (rec) return rec.id;
    } else {
      const typed = r.text.toLowerCase();
      const rec = records.find((x) => x.id === typed || x.label.toLowerCase() === typed);
      if (rec) return rec.id;
      prompt = `${t("admin-err-record", { detail: r.text })}\n\n${t("admin-pick", { kind: kindName })}`;
    }
  }
}

/**
 * The "edit" conversation: guided add, edit or delete of one record of
 * `kind`: pick a record (or new), answer each field (validated, asked again
 * on error), pick the source, check the whole base, confirm. `/batal` leaves
 * at any step (handled outside).
 */
export async function editConversation(conv: AdminConversation, ctx: Context, kindArg: string): Promise<void> {
  const ui = new Ui(conv, ctx);
  const { t } = ui;
  if (!isKind(kindArg)) return ui.say(t("admin-err-kind"));
  const kind: Kind = kindArg;
  // The bot's clock (tests replace it), read once and replayed.
  const now = new Date(await conv.external((o) => o.deps.now().getTime()));
  const view = await conv.external((o) => editView(o.deps.knowledge.get(), kind, t));
  const kindName = t(`admin-kind-${kind}`);
  const pickedId = await pickRecord(ui, kindName, view.records);
  let before: KRecord | null = null;
  if (pickedId) {
    before = await conv.external((o) => findRecord(o.deps.knowledge.get(), kind, pickedId));
    if (!before) return ui.say(t("admin-conflict-gone"));
    const r = await ui.ask(`${recordLabel(kind, before, t)}\n${describeRecord(before, t, refNames(view.sources, view.officials)).join("\n")}\n\n${t("admin-edit-or-delete")}`, [
      [{ label: t("admin-btn-edit"), data: "edit" }, { label: t("admin-btn-delete"), data: "delete" }],
    ]);
    if (r.type === "button" && r.data === "delete") {
      return confirmAndSave(ui, { changes: [{ collection: kind, id: before.id, before, after: null }], action: "delete", label: `${kindName}: ${recordLabel(kind, before, t)}` });
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
    const src = await askSource(ui, draft, editing, view.sources, now);
    setSource(kind, draft, src.source);
    const changes: Change[] = [];
    if (src.added) changes.push({ collection: "sources", id: src.added.id, before: null, after: src.added });
    if (!before) {
      const base = draft;
      draft.id = await conv.external((o) => newId(kind, base, o.deps.knowledge.get()));
    }
    changes.push({ collection: kind, id: draft.id, before, after: draft });
    const issues = await conv.external((o) => checkChanges(o.deps.knowledge, changes));
    if (!issues.length) {
      return confirmAndSave(ui, { changes, action: before ? "edit" : "add", label: `${kindName}: ${recordLabel(kind, draft, t)}` });
    }
    await ui.say(`${t("admin-invalid")}\n${issues.map((x) => `• ${x}`).join("\n")}\n\n${t("admin-fix-again")}`);
    if (src.added) view.sources.push({ id: String(src.added.id), title: String(src.added.title), publisher: String(src.added.publisher), date: String(src.added.date) });
    draft = structuredClone(draft);
    editing = true;
  }
}
