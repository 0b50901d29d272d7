import { hasMessage, type Translate } from "../i18n/translate.js";
import type { Knowledge } from "../knowledge/schema.js";
import type { Change, KnowledgeStore, KRecord } from "../knowledge/store.js";
import type { FieldEnv, FieldSpec } from "./fields.js";
import type { Kind } from "./kinds.js";
import { fieldLabel, recordLabel, showValue } from "./labels.js";
import { uniqueId } from "./parse.js";

/**
 * What the guided edit of one kind shows, read from the base once when it
 * starts (plain JSON, so the conversation can replay it): the kind's records
 * by label, and the sources, organisations and officials fields refer to.
 */
export interface EditView {
  records: Array<{ id: string; label: string }>;
  sources: SourceChoice[];
  orgs: FieldEnv["orgs"];
  officials: FieldEnv["officials"];
}

/** A source an admin can pick for a record. */
export interface SourceChoice {
  id: string;
  title: string;
  publisher: string;
  date: string;
}

/** The guided edit's view of `kind` in `kb` (see EditView). */
export function editView(kb: Knowledge, kind: Kind, t: Translate): EditView {
  const records: ReadonlyArray<{ id: string }> = kb[kind];
  return {
    records: records.map((r) => ({ id: r.id, label: recordLabel(kind, { ...r }, t) })),
    sources: kb.sources.map((s) => ({ id: s.id, title: s.title, publisher: s.publisher, date: s.date })),
    orgs: kb.organisations.map((o) => ({ id: o.id, name: o.name, ...(o.short ? { short: o.short } : {}), aliases: o.aliases })),
    officials: kb.officials.map((o) => ({ id: o.id, name: o.name, ...(o.nickname ? { nickname: o.nickname } : {}) })),
  };
}

/** A field's current value in a draft (what the form shows and may keep). */
export function currentValue(spec: FieldSpec, draft: KRecord): unknown {
  return spec.get ? spec.get(draft) : draft[spec.key];
}

/** True when a value is there to show or keep (not empty, not an empty list). */
export function isSet(value: unknown): boolean {
  return value !== undefined && value !== null && !(Array.isArray(value) && value.length === 0);
}

/** The question of field `n` of `total`: its label, its hint when there is one, the current value while editing, whether it may stay empty. */
export function fieldQuestion(kind: Kind, spec: FieldSpec, n: number, total: number, draft: KRecord, editing: boolean, t: Translate): string {
  const current = currentValue(spec, draft);
  const lines = [t("admin-ask-field", { n, total, label: fieldLabel(spec.key, t) })];
  const hint = [`admin-hint-${kind}-${spec.key}`, `admin-hint-${spec.key}`].find((k) => hasMessage(k));
  if (hint) lines.push(t(hint));
  if (editing && isSet(current)) lines.push(t("admin-current", { value: spec.key === "time" ? String(current) : showValue(spec.key, current, t) }));
  if (spec.optional) lines.push(t("admin-optional"));
  return lines.join("\n");
}

/** An answer to one field: a value, keep the current one, or leave it empty. */
export type FieldAnswer = { action: "set"; value: unknown } | { action: "keep" } | { action: "clear" };

/**
 * Reads a typed answer to a field: "-" empties an optional field, "=" keeps
 * the current value, a choice by its name, label or number, anything else
 * through the field's parser. A bad answer gives the message to show above
 * the question again.
 */
export function readTypedAnswer(spec: FieldSpec, text: string, env: FieldEnv, editing: boolean, t: Translate): FieldAnswer | { error: string } {
  if (text === "-" && spec.optional) return { action: "clear" };
  if (text === "=" && editing && isSet(currentValue(spec, env.draft))) return { action: "keep" };
  if (spec.choices) {
    const typed = text.toLowerCase();
    const found = spec.choices.find((c, i) => c === typed || t(`admin-choice-${c}`).toLowerCase() === typed || String(i + 1) === typed);
    return found ? { action: "set", value: found } : { error: t("admin-err-choice", { detail: "" }) };
  }
  const parsed = spec.parse!(text, env);
  return parsed.ok ? { action: "set", value: parsed.value } : { error: t(parsed.error, { detail: parsed.detail ?? "" }) };
}

/** A new source a record is sourced to, with an id not yet taken ("dinas-…-2025-05-08"). */
export function newSource(publisher: string, title: string, date: string, taken: readonly SourceChoice[]): KRecord {
  const id = uniqueId(`${publisher}-${date}`, taken.map((s) => s.id), { max: 40, fallback: "sumber" });
  return { id, publisher, title, date };
}

/** The first problems the base would have with `changes` applied (their records and references), or none. */
export async function checkChanges(store: KnowledgeStore, changes: readonly Change[]): Promise<string[]> {
  return (await store.check(changes)).slice(0, 5);
}
