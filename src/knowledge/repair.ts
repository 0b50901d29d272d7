import { createHash } from "node:crypto";
import { describeIssues, KnowledgeFileError } from "./load.js";
import { migrateKnowledge } from "./migrate.js";
import { type Collection, COLLECTIONS, isCleanName, isCollection, isCleanText, knowledgeSchema, MAX_ID, recordFields, recordId, type Knowledge } from "./schema.js";

/** Fields that refer to records of another collection, by id. */
const REFERENCES: Record<string, Collection> = {
  sourceId: "sources",
  organisers: "organisations",
  parties: "organisations",
  organisation: "organisations",
  participants: "officials",
  signatories: "officials",
  witnesses: "officials",
  official: "officials",
  represents: "officials",
  eventId: "events",
};

/** One thing the repair did. */
export interface RepairAction {
  collection: string;
  id: string;
  action: "renamed" | "cleaned" | "truncated" | "removed-field" | "removed-item" | "quarantined";
  field?: string;
  detail: string;
}

/** A record taken out of the base because it could not be repaired, with why. */
export interface Quarantined {
  collection: string;
  record: unknown;
  reasons: string[];
}

/** What `repairKnowledge` made of a base: the valid base, and what it changed and set aside. */
export interface RepairResult {
  kb: Knowledge;
  actions: RepairAction[];
  quarantined: Quarantined[];
}

type Rec = Record<string, unknown>;

/** A short valid id for an invalid one: readable start, then a hash of the whole old id (stable, distinct). */
export function repairedId(old: string, taken: ReadonlySet<string>): string {
  const slug = old.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-+|-+$/g, "").slice(0, 40).replace(/-+$/, "");
  const hash = createHash("sha256").update(old).digest("hex");
  for (let n = 8; ; n += 4) {
    const id = `${slug || "data"}-${hash.slice(0, n)}`.slice(0, MAX_ID);
    if (!taken.has(id) || n >= hash.length) return id;
  }
}

/** Text without control and invisible characters; in names, line breaks become spaces. */
function cleanString(s: string): string {
  let out = s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g, "").replace(/[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/g, "");
  if (isCleanText(out) && !isCleanName(out)) out = out.replace(/\s*[\t\n\r\u2028\u2029]+\s*/g, " ");
  return out.trim();
}

/**
 * Turns a knowledge base written under older, looser rules into one that
 * passes today's schema, changing as little as possible: invalid ids are
 * shortened (every reference follows), control and invisible characters are
 * removed, over-long texts and lists are cut, invalid optional fields and list
 * items are removed; a record that still does not fit (unknown province, an
 * amount past the limit, a date out of range, a duplicate id, a reference to
 * nothing) is quarantined, and so are records that referred to it. Throws
 * KnowledgeFileError when the base cannot be made valid (no source left, or
 * not a knowledge base at all).
 */
export function repairKnowledge(raw: unknown, file = "(input)"): RepairResult {
  if (!raw || typeof raw !== "object" || Array.isArray(raw)) throw new KnowledgeFileError(file, ["(root): bukan objek basis pengetahuan"]);
  const kb = structuredClone(migrateKnowledge(raw)) as Record<string, unknown>;
  const actions: RepairAction[] = [];
  const quarantined: Quarantined[] = [];
  const list = (c: Collection): unknown[] => (Array.isArray(kb[c]) ? (kb[c] as unknown[]) : []);
  const idOf = (r: unknown) => (r && typeof r === "object" && typeof (r as Rec).id === "string" ? ((r as Rec).id as string) : "?");

  // 1. Invalid ids get a short one; references to them follow.
  const renamed = new Map<Collection, Map<string, string>>();
  for (const c of COLLECTIONS) {
    const records = list(c);
    const taken = new Set(records.map(idOf));
    for (const r of records) {
      if (!r || typeof r !== "object") continue;
      const rec = r as Rec;
      if (typeof rec.id !== "string" || recordId.safeParse(rec.id).success) continue;
      const next = repairedId(rec.id, taken);
      taken.add(next);
      if (!renamed.has(c)) renamed.set(c, new Map());
      renamed.get(c)!.set(rec.id, next);
      actions.push({ collection: c, id: next, action: "renamed", field: "id", detail: `id "${rec.id.slice(0, 80)}${rec.id.length > 80 ? "…" : ""}" → "${next}"` });
      rec.id = next;
    }
  }
  if (renamed.size) {
    for (const c of COLLECTIONS) {
      for (const r of list(c)) {
        if (!r || typeof r !== "object") continue;
        const rec = r as Rec;
        for (const [field, target] of Object.entries(REFERENCES)) {
          const map = renamed.get(target);
          if (!map || !(field in rec)) continue;
          const v = rec[field];
          if (typeof v === "string" && map.has(v)) rec[field] = map.get(v);
          else if (Array.isArray(v)) rec[field] = v.map((x) => (typeof x === "string" && map.has(x) ? map.get(x) : x));
        }
        // A statement's topic may name an agreement by its id.
        if (c === "statements" && typeof rec.topic === "string" && renamed.get("agreements")?.has(rec.topic)) rec.topic = renamed.get("agreements")!.get(rec.topic);
      }
    }
  }

  // 2. Validate; fix or quarantine what each issue points at; again, until valid.
  for (let round = 0; round < 50; round++) {
    const result = knowledgeSchema.safeParse(kb);
    if (result.success) return { kb: result.data, actions, quarantined };
    const drop = new Map<Collection, Map<number, string[]>>();
    const removeItems: Array<{ arr: unknown[]; index: number }> = [];
    let changed = false;
    for (const issue of result.error.issues) {
      const [c, index, field, item] = issue.path as [string, number, string | undefined, number | string | undefined];
      if (!isCollection(c) || typeof index !== "number") {
        throw new KnowledgeFileError(file, describeIssues(result.error).slice(0, 5));
      }
      const coll = c;
      const rec = list(coll)[index] as Rec | undefined;
      const reason = `${field ?? "(record)"}: ${issue.message}`;
      const quarantine = () => {
        if (!drop.has(coll)) drop.set(coll, new Map());
        const reasons = drop.get(coll)!.get(index) ?? [];
        drop.get(coll)!.set(index, [...reasons, reason]);
      };
      if (!rec || typeof rec !== "object" || field === undefined || field === "id") {
        quarantine();
        continue;
      }
      const value = rec[field];
      // Characters: clean the string (a name or an item of a list of names).
      const target = item !== undefined && Array.isArray(value) ? value[item as number] : value;
      if (typeof target === "string" && (!isCleanName(target) || !isCleanText(target)) && issue.code === "custom") {
        const cleaned = cleanString(target);
        if (cleaned !== target) {
          if (item !== undefined && Array.isArray(value)) value[item as number] = cleaned;
          else rec[field] = cleaned;
          actions.push({ collection: coll, id: idOf(rec), action: "cleaned", field, detail: "control or invisible characters removed" });
          changed = true;
          continue;
        }
      }
      // Too long: cut (strings) or shorten (lists).
      if (issue.code === "too_big" && (issue.origin === "string" || issue.origin === "array") && typeof issue.maximum === "number") {
        const max = Number(issue.maximum);
        if (issue.origin === "string" && typeof target === "string") {
          const cut = target.slice(0, max).trimEnd();
          if (item !== undefined && Array.isArray(value)) value[item as number] = cut;
          else rec[field] = cut;
        } else if (issue.origin === "array" && Array.isArray(value) && item === undefined) {
          value.length = max;
        } else {
          quarantine();
          continue;
        }
        actions.push({ collection: coll, id: idOf(rec), action: "truncated", field, detail: `cut to ${max}` });
        changed = true;
        continue;
      }
      // An invalid item of a list (an unknown province, a reference to nothing): remove the item.
      if (item !== undefined && Array.isArray(value) && typeof item === "number" && !isPairField(coll, field)) {
        removeItems.push({ arr: value, index: item });
        actions.push({ collection: coll, id: idOf(rec), action: "removed-item", field, detail: `${JSON.stringify(value[item]).slice(0, 80)}: ${issue.message}` });
        changed = true;
        continue;
      }
      // An invalid optional field: remove it. A required one: quarantine the record.
      if (isOptional(coll, field) && item === undefined) {
        delete rec[field];
        actions.push({ collection: coll, id: idOf(rec), action: "removed-field", field, detail: issue.message });
        changed = true;
        continue;
      }
      quarantine();
    }
    // Items removed from the end first, so the indexes of the others stay right.
    for (const { arr, index } of removeItems.sort((a, b) => b.index - a.index)) arr.splice(index, 1);
    for (const [coll, indexes] of drop) {
      const records = list(coll);
      for (const [index, reasons] of indexes) {
        quarantined.push({ collection: coll, record: records[index], reasons });
        actions.push({ collection: coll, id: idOf(records[index]), action: "quarantined", detail: reasons.join("; ") });
      }
      kb[coll] = records.filter((_, i) => !indexes.has(i));
      changed = true;
    }
    if (!changed) throw new KnowledgeFileError(file, describeIssues(result.error).slice(0, 5));
  }
  throw new KnowledgeFileError(file, ["(root): cannot be repaired"]);
}

/** Fields that are a fixed pair (two provinces): an item cannot be removed, the record is quarantined. */
function isPairField(c: Collection, field: string): boolean {
  return field === "provinces" && (c === "cooperationValues" || c === "rankings");
}

function isOptional(c: Collection, field: string): boolean {
  return recordFields(c)[field]?.safeParse(undefined).success ?? true;
}
