import type { Translate } from "../i18n/translate.js";
import { KnowledgeFileError } from "../knowledge/load.js";
import { type Change, type Conflict, ConflictError, type KRecord } from "../knowledge/store.js";
import { StorageError } from "../storage/guard.js";
import type { AdminList } from "./admins.js";
import type { AuditAction } from "./audit.js";
import { diffLines, fieldLabel, recordLabel, refNames, type RefNames, showValue } from "./labels.js";
import type { PendingImports } from "./pending-imports.js";
import { countChanges, type AdminService, type Editor } from "./service.js";

/**
 * A change ready to be confirmed: shown as a summary (`planSummary`), then
 * saved with "Simpan" (`savePlan`). Plain JSON, so a guided edit can carry it
 * across a restart.
 */
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
  pending?: PendingRef;
}

/** An import set aside until "Simpan": its reference, its counts and the first lines of its summary. */
export interface PendingRef {
  ref: string;
  added: number;
  changed: number;
  removed: number;
  preview: string[];
}

/** Lines of an import's summary shown before "Simpan". */
const IMPORT_PREVIEW = 30;

/** The longest summary: one Telegram message (4,096 characters) with room to spare. */
export const SUMMARY_MAX = 4096 - 200;

/** Cuts a text to at most `max` characters, saying so with a last "…" line. */
export function fitText(text: string, max = SUMMARY_MAX): string {
  return text.length <= max ? text : `${text.slice(0, max)}\n…`;
}

/** Every shown field of a record, one "• label: value" line each (a record's card in summaries and conflicts). */
export function describeRecord(r: KRecord, t: Translate, names: RefNames = {}): string[] {
  return Object.entries(r)
    .filter(([k, v]) => k !== "id" && v !== undefined && v !== null && !(Array.isArray(v) && !v.length))
    .map(([k, v]) => `• ${fieldLabel(k, t)}: ${showValue(k, v, t, names)}`);
}

/** How a plan's summary names sources and officials: those of the base, and the sources the plan adds. */
export function planNames(plan: Plan, known: RefNames): RefNames {
  return { ...known, ...refNames(plan.changes.filter((c) => c.collection === "sources" && c.after).map((c) => c.after!)) };
}

/** The summary shown before saving a plan: what is added, changed or removed, field by field (an import: counts and its first lines). */
export function planSummary(plan: Plan, t: Translate, names: RefNames = {}): string {
  const parts: string[] = [];
  if (plan.heading) parts.push(plan.heading);
  if (plan.action === "import" || plan.action === "ingest") {
    const n = plan.pending ?? countChanges(plan.changes);
    parts.push(t("admin-import-summary", { file: plan.label, added: n.added, changed: n.changed, removed: n.removed }));
    const lines = plan.pending?.preview ?? importPreview(plan.changes, t);
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
  return fitText(parts.join("\n\n"));
}

/** The first lines of an import's summary: "➕ Singkatan: KADIN" … */
export function importPreview(changes: readonly Change[], t: Translate): string[] {
  return changes.slice(0, IMPORT_PREVIEW).map((c) => {
    const sign = !c.before ? "➕" : !c.after ? "➖" : "✏️";
    return `${sign} ${t(`admin-kind-${c.collection}`)}: ${recordLabel(c.collection, c.after ?? c.before, t)}`;
  });
}

/** What saving a plan came to. */
export type PlanOutcome =
  | { ok: true; seq: number }
  /** The editor is no longer an admin. */
  | { ok: false; refused: true }
  /** The disk refused the save: nothing changed. */
  | { ok: false; storage: true }
  /** The pending import is gone (saved or cancelled elsewhere, or too old). */
  | { ok: false; gone: true }
  /** The result would not pass the schema: its first problems. */
  | { ok: false; issues: string[] }
  /** Someone saved the same records meanwhile: the newer values. */
  | { ok: false; conflicts: Conflict[] };

/** The admin stores a plan is saved through. */
export interface PlanStores {
  service: AdminService;
  admins: AdminList;
  imports: PendingImports;
}

/**
 * Saves a confirmed plan as `by` (an import from its pending file), audited,
 * in one atomic save; the refusals a user can meet come back as an outcome,
 * every other error is thrown. The pending import is removed once done with.
 */
export async function savePlan(stores: PlanStores, plan: Plan, by: Editor, now: Date): Promise<PlanOutcome> {
  // An admin removed while the summary was open may no longer save.
  if (!stores.admins.isAdmin(by.id)) return { ok: false, refused: true };
  const pending = plan.pending;
  let changes = plan.changes;
  if (pending) {
    const stored = await stores.imports.load(pending.ref);
    if (!stored) return { ok: false, gone: true };
    changes = stored.changes;
  }
  try {
    const entry = await stores.service.commit(changes, by, plan.action, plan.label, { expectHash: plan.expectHash, undoOf: plan.undoOf, now });
    if (pending) stores.imports.remove(pending.ref);
    return { ok: true, seq: entry.seq };
  } catch (err) {
    if (err instanceof ConflictError) {
      if (pending) stores.imports.remove(pending.ref);
      return { ok: false, conflicts: err.conflicts.slice(0, 5) };
    }
    if (err instanceof KnowledgeFileError) return { ok: false, issues: err.issues.slice(0, 5) };
    if (err instanceof StorageError) return { ok: false, storage: true };
    throw err;
  }
}

/** Forgets a plan the admin cancelled (its pending import, if any). */
export function cancelPlan(imports: PendingImports, plan: Plan): void {
  if (plan.pending) imports.remove(plan.pending.ref);
}

/** The reply to a plan's outcome: saved (with its number), or why not (the newer values of a conflict side by side). */
export function outcomeText(outcome: PlanOutcome, plan: Plan, t: Translate, names: RefNames = {}): string {
  if (outcome.ok) return t("admin-saved", { seq: outcome.seq });
  if ("refused" in outcome) return t("admin-refused");
  if ("storage" in outcome) return t("storage-failed");
  if ("gone" in outcome) return t("admin-import-gone");
  if ("issues" in outcome) return `${t("admin-invalid")}\n${outcome.issues.map((i) => `• ${i}`).join("\n")}`;
  const main = outcome.conflicts.filter((c) => c.collection !== "sources");
  const shown = main.length ? main : outcome.conflicts;
  const lines = shown.slice(0, 5).map((c) => {
    const label = `${t(`admin-kind-${c.collection}`)}: ${recordLabel(c.collection, c.current ?? plan.changes.find((x) => x.id === c.id)?.after ?? null, t)}`;
    return c.current ? `${label}\n${describeRecord(c.current, t, names).join("\n")}` : `${label} — ${t("admin-conflict-gone")}`;
  });
  return `${t("admin-conflict")}\n\n${lines.join("\n\n")}\n\n${t("admin-conflict-retry")}`;
}
