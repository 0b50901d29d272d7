import { z } from "zod";
import { describeIssue, INDONESIAN, KnowledgeFileError } from "./load.js";
import { migrateKnowledge } from "./migrate.js";
import { COLLECTIONS, crossRecordIssues, RECORD_SCHEMAS, recordRuleIssues, referencesOf, SCHEMA_VERSION, type Knowledge, type RuleIssue } from "./schema.js";

type Collection = (typeof COLLECTIONS)[number];
type Rec = Record<string, unknown> & { id: string };
/** The collections other records refer to (see REFERENCES). */
type Target = "sources" | "organisations" | "officials" | "events";
const TARGETS = new Set<string>(["sources", "organisations", "officials", "events"]);

/** Lets the event loop answer others between the steps of a large validation. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Parses one record of a collection: its stored form (defaults filled in, unknown fields dropped) or its issues. */
export function parseRecord(collection: Collection, value: unknown): { record: Rec; issues?: undefined } | { issues: RuleIssue[]; record?: undefined } {
  const r = RECORD_SCHEMAS[collection].safeParse(value, { error: INDONESIAN });
  if (!r.success) return { issues: r.error.issues.map((i) => ({ path: i.path as Array<string | number>, message: i.message })) };
  return { record: r.data as unknown as Rec };
}

/** The top of a knowledge file without its records: the version and the lists (same messages as the whole-base schema). */
const shape = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  sources: z.array(z.unknown()).min(1),
  ...Object.fromEntries(COLLECTIONS.filter((c) => c !== "sources").map((c) => [c, z.array(z.unknown()).default([])])),
});

/** zod's message for a list that must hold at least one record (the sources). */
function atLeastOneMessage(): string {
  const r = z.array(z.unknown()).min(1).safeParse([], { error: INDONESIAN });
  return r.success ? "minimal 1" : r.error.issues[0]!.message;
}

/**
 * Validates a whole knowledge base as `parseKnowledge` does, record by record,
 * letting the event loop run every `every` records: an import of any size
 * never stops the bot from answering. Throws KnowledgeFileError with every
 * issue `parseKnowledge` reports (and, where some records are malformed, also
 * the broken references among the others, which the whole-base schema leaves
 * out until the records are fixed).
 */
export async function validateKnowledge(value: unknown, file = "(input)", every = 250): Promise<Knowledge> {
  const migrated = migrateKnowledge(value);
  const top = shape.safeParse(migrated, { error: INDONESIAN });
  const issues: string[] = [];
  if (!top.success) {
    for (const i of top.error.issues) issues.push(describeIssue(i.path, i.message));
    // Not an object at all, or the wrong version: nothing below can be read as records.
    if (!migrated || typeof migrated !== "object" || Array.isArray(migrated) || top.error.issues.some((i) => i.path[0] === "schemaVersion" || !i.path.length)) {
      throw new KnowledgeFileError(file, issues);
    }
  }
  const raw = migrated as Record<string, unknown>;
  const out: Record<string, unknown> = { schemaVersion: SCHEMA_VERSION };
  /** Per collection, which places of the file hold a well-formed record. */
  const wellFormed = new Map<Collection, boolean[]>();
  let n = 0;
  for (const collection of COLLECTIONS) {
    const list = raw[collection] ?? [];
    const parsed: Rec[] = [];
    const ok: boolean[] = [];
    out[collection] = parsed;
    wellFormed.set(collection, ok);
    if (!Array.isArray(list)) continue;
    for (let i = 0; i < list.length; i++) {
      const r = parseRecord(collection, list[i]);
      ok.push(!!r.record);
      if (r.record) parsed.push(r.record);
      else for (const issue of r.issues) issues.push(describeIssue([collection, i, ...issue.path], issue.message));
      if (++n % every === 0) await breathe();
    }
  }
  if (issues.length) {
    // The references among the well-formed records too, placed as in the file.
    const asFiled = Object.fromEntries(
      COLLECTIONS.map((c) => [c, Array.isArray(raw[c]) ? (raw[c] as unknown[]).map((r) => (r && typeof r === "object" && !Array.isArray(r) ? r : {})) : []]),
    ) as Record<Collection, Rec[]>;
    for (const issue of crossRecordIssues(asFiled)) {
      const [c, i] = issue.path as [Collection, number];
      if (wellFormed.get(c)?.[i]) issues.push(describeIssue(issue.path, issue.message));
    }
    throw new KnowledgeFileError(file, [...new Set(issues)]);
  }
  await breathe();
  const cross = crossRecordIssues(out as Record<Collection, Rec[]>);
  if (cross.length) throw new KnowledgeFileError(file, cross.map((i) => describeIssue(i.path, i.message)));
  return out as unknown as Knowledge;
}

/** What the check of a change needs to know of the base it applies to. */
export interface BaseView {
  /** The record now stored. */
  get(collection: Collection, id: string): Rec | undefined;
  /** How many references to a record the base holds now. */
  referenced(collection: Target, id: string): number;
  /** Number of records of a collection now. */
  count(collection: Collection): number;
  /** Place of a stored record in its list (for messages; may take time). */
  position(collection: Collection, id: string): number;
  /** Stored records that refer to a record (only when a change is refused; may take time). */
  referrers(collection: Target, id: string): Array<{ collection: Collection; record: Rec }>;
}

/** One record added, changed or removed (`after` null), by collection and id. */
export interface ChangeLike {
  collection: Collection;
  id: string;
  after: Record<string, unknown> | null;
}

/**
 * Validates changes against the base they apply to, in time proportional to
 * the changes: each new or changed record against its schema and its own
 * rules, the records it refers to, and that nothing still refers to a record
 * removed. Returns the stored form of each change's record (null for a
 * removal), in order, or throws KnowledgeFileError with messages placed as
 * the whole-base check would place them ("events[12].date: ..."). The
 * records are parsed `every` at a time with a breath between, so a change of
 * a whole base never stops the bot from answering for long.
 */
export async function validateChanges(base: BaseView, changes: readonly ChangeLike[], file = "(input)", every = 250): Promise<Array<Rec | null>> {
  const issues: string[] = [];
  const stored: Array<Rec | null> = [];
  const places = new Places(base);
  for (const [n, c] of changes.entries()) {
    if (n && n % every === 0) await breathe();
    if (c.after === null) {
      stored.push(null);
      continue;
    }
    const r = parseRecord(c.collection, c.after);
    if (!r.record) {
      for (const issue of r.issues) issues.push(describeIssue([c.collection, places.of(c.collection, c.id), ...issue.path], issue.message));
      stored.push(null);
      continue;
    }
    if (r.record.id !== c.id) issues.push(describeIssue([c.collection, places.of(c.collection, c.id), "id"], `id "${r.record.id}" tidak sama dengan "${c.id}"`));
    for (const issue of recordRuleIssues(c.collection, r.record)) issues.push(describeIssue([c.collection, places.of(c.collection, c.id), ...issue.path], issue.message));
    stored.push(r.record);
  }
  // The references too, among the records that parsed (one that did not is left as stored for this check).
  await breathe();
  const parsed = changes.map((c, i) => ({ collection: c.collection, id: c.id, after: stored[i] ?? null })).filter((c, i) => changes[i]!.after === null || c.after !== null);
  issues.push(...referenceIssues(base, parsed, places));
  if (issues.length) throw new KnowledgeFileError(file, [...new Set(issues)]);
  return stored;
}

/** Places of records in their lists after the changes, as the whole-base check numbers them. */
class Places {
  private readonly known = new Map<string, number>();
  private readonly added = new Map<Collection, number>();
  constructor(private readonly base: BaseView) {}
  of(c: Collection, id: string): number {
    const key = `${c}/${id}`;
    let p = this.known.get(key);
    if (p === undefined) {
      if (this.base.get(c, id)) p = this.base.position(c, id);
      else {
        p = this.base.count(c) + (this.added.get(c) ?? 0);
        this.added.set(c, (this.added.get(c) ?? 0) + 1);
      }
      this.known.set(key, p);
    }
    return p;
  }
}

/** The references to and from the records changed (already parsed): each must point at a record that exists. */
function referenceIssues(base: BaseView, changes: ReadonlyArray<{ collection: Collection; id: string; after: Rec | null }>, places: Places): string[] {
  const issues: string[] = [];
  /** The final record of every key the changes touch (null: removed). */
  const next = new Map<string, Rec | null>();
  for (const c of changes) {
    const key = `${c.collection}/${c.id}`;
    next.delete(key);
    next.set(key, c.after);
  }
  const exists = (c: Target, id: string): boolean => {
    const n = next.get(`${c}/${id}`);
    return n === undefined ? !!base.get(c, id) : n !== null;
  };
  const split = (key: string): [Collection, string] => {
    const slash = key.indexOf("/");
    return [key.slice(0, slash) as Collection, key.slice(slash + 1)];
  };
  // How the references to each record change: minus those of the records replaced, plus those of the new ones.
  const delta = new Map<string, number>();
  for (const [key, after] of next) {
    const [c, id] = split(key);
    const before = base.get(c, id);
    if (before) for (const ref of referencesOf(c, before)) delta.set(`${ref.to}/${ref.id}`, (delta.get(`${ref.to}/${ref.id}`) ?? 0) - 1);
    if (!after) continue;
    for (const ref of referencesOf(c, after)) {
      delta.set(`${ref.to}/${ref.id}`, (delta.get(`${ref.to}/${ref.id}`) ?? 0) + 1);
      if (!exists(ref.to, ref.id)) issues.push(describeIssue([c, places.of(c, id), ...ref.path], ref.message));
    }
  }
  // Nothing may still refer to a record removed.
  let sources = base.count("sources");
  for (const [key, after] of next) {
    const [c, id] = split(key);
    if (c === "sources") sources += (after ? 1 : 0) - (base.get(c, id) ? 1 : 0);
    if (after || !TARGETS.has(c) || !base.get(c, id)) continue;
    const left = base.referenced(c as Target, id) + (delta.get(key) ?? 0);
    if (left <= 0) continue;
    // Refused: name the records that still refer to it (the new versions of changed ones, the others as stored).
    const referrers: Array<{ collection: Collection; record: Rec }> = [];
    for (const [k, rec] of next) if (rec) referrers.push({ collection: split(k)[0], record: rec });
    for (const r of base.referrers(c as Target, id)) if (!next.has(`${r.collection}/${r.record.id}`)) referrers.push(r);
    for (const r of referrers) {
      for (const ref of referencesOf(r.collection, r.record)) {
        if (ref.to === c && ref.id === id) issues.push(describeIssue([r.collection, places.of(r.collection, r.record.id), ...ref.path], ref.message));
      }
    }
  }
  if (sources < 1) issues.push(describeIssue(["sources"], atLeastOneMessage()));
  return issues;
}
