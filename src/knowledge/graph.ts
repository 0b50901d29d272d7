import { KINDS, kindOf, recordKey, type Collection, type KbView, type KindDef, type KRecord, type Located } from "./kinds/index.js";
import type { Knowledge } from "./schema.js";

/** Strength of a reference to the record itself ("o:unmul" of organisation unmul). */
export const SELF = 3;
/** Strength of a reference to something a record is structurally about (its provinces, parties, event). */
export const STRUCTURAL = 2;

/** One record added (`before` null), changed, or removed (`after` null). */
export interface RecordChange {
  collection: Collection;
  id: string;
  before: KRecord | null;
  after: KRecord | null;
}

/**
 * The knowledge base indexed by what questions select on. Every record has a
 * set of reference keys — itself ("o:unmul"), the provinces it involves
 * ("p:35", "at:64", "to:35"), organisations, people, events, cities, kinds and
 * roles — derived from its kind's definition, and every key has the records
 * that carry it. Changes update the records they touch and those whose
 * references depend on them (an event lists the parties of agreements signed
 * there), never the whole base.
 */
export class KnowledgeGraph implements KbView {
  private readonly records = new Map<string, Located>();
  private readonly byCollection = new Map<Collection, Map<string, KRecord>>();
  private readonly refs = new Map<string, Map<string, number>>();
  /** reference key -> collection -> records carrying it, with the strength of the reference. */
  private readonly postings = new Map<string, Map<Collection, Map<string, number>>>();
  /** target record key -> records that depend on it (declared by `dependsOn`). */
  private readonly dependents = new Map<string, Set<string>>();
  private readonly dependsOn = new Map<string, string[]>();
  /** Short, stable tokens of record keys, for callback data (64 bytes at most). */
  private readonly tokens = new Map<string, string>();

  constructor(kb: Knowledge) {
    for (const kind of KINDS) this.byCollection.set(kind.collection, new Map());
    for (const kind of KINDS) for (const r of kb[kind.collection] as unknown as KRecord[]) this.register(kind, r);
    for (const key of this.records.keys()) this.index(key);
  }

  /** Number of records. */
  get size(): number {
    return this.records.size;
  }

  /** The record of `collection` with this id, or undefined. */
  get<C extends Collection>(collection: C, id: string): Knowledge[C][number] | undefined {
    return this.byCollection.get(collection)?.get(id) as Knowledge[C][number] | undefined;
  }

  /** Records of `collection` that depend on the record with key `key` (see KindDef.dependsOn). */
  referring<C extends Collection>(collection: C, key: string): ReadonlyArray<Knowledge[C][number]> {
    const out: Array<Knowledge[C][number]> = [];
    for (const k of this.dependents.get(key) ?? []) {
      const loc = this.records.get(k);
      if (loc && loc.kind.collection === collection) out.push(loc.record as unknown as Knowledge[C][number]);
    }
    return out;
  }

  /** The records of a collection, in insertion order. */
  all(collection: Collection): IterableIterator<KRecord> {
    return this.byCollection.get(collection)!.values();
  }

  /** Number of records of a collection. */
  count(collection: Collection): number {
    return this.byCollection.get(collection)!.size;
  }

  /** A short token that names a record in callback data; stable across restarts. */
  tokenOf(key: string): string {
    return recordToken(key);
  }

  /** The record key a token stands for, if the record (still) exists. */
  byToken(token: string): string | undefined {
    return this.tokens.get(token);
  }

  /** A record and its kind by record key ("events/<id>"). */
  located(key: string): Located | undefined {
    return this.records.get(key);
  }

  /** The records carrying a reference key, with the strength of the reference. */
  carrying(refKey: string): ReadonlyMap<string, number> {
    const byKind = this.postings.get(refKey);
    if (!byKind) return EMPTY;
    if (byKind.size === 1) return byKind.values().next().value!;
    const out = new Map<string, number>();
    for (const m of byKind.values()) for (const [k, s] of m) out.set(k, s);
    return out;
  }

  /** The records of one collection carrying a reference key (a question about one kind looks only there). */
  carryingIn(refKey: string, collection: Collection): ReadonlyMap<string, number> {
    return this.postings.get(refKey)?.get(collection) ?? EMPTY;
  }

  /** A record's reference keys with their strengths. */
  refsOf(key: string): ReadonlyMap<string, number> {
    return this.refs.get(key) ?? EMPTY;
  }

  /**
   * Applies saved changes; returns the keys of every record whose references
   * were recomputed (the changed ones and those depending on them), for
   * indexes built on top of this one.
   */
  apply(changes: readonly RecordChange[]): Set<string> {
    const touched = new Set<string>();
    for (const c of changes) {
      const kind = kindOf(c.collection);
      const key = recordKey(c.collection, c.id);
      for (const t of this.dependsOn.get(key) ?? []) touched.add(t);
      if (c.collection !== "sources") for (const d of this.dependents.get(key) ?? []) touched.add(d);
      if (this.records.has(key)) this.unregister(key);
      if (c.after) {
        this.register(kind, c.after);
        for (const t of this.dependsOn.get(key) ?? []) touched.add(t);
      }
      touched.add(key);
    }
    // One more step: a statement inherits its speaker's references, which an event changes.
    // Not through sources: every record depends on one, and none inherits its references.
    for (const key of [...touched]) {
      if (key.startsWith("sources/")) continue;
      for (const d of this.dependents.get(key) ?? []) touched.add(d);
    }
    // Kinds that inherit references come after the kinds they inherit from.
    const order = (k: string) => KINDS.findIndex((kind) => k.startsWith(`${kind.collection}/`));
    const sorted = [...touched].sort((a, b) => order(a) - order(b));
    for (const key of sorted) {
      this.unindex(key);
      if (this.records.has(key)) this.index(key);
    }
    return touched;
  }

  private register(kind: KindDef, r: KRecord): void {
    const key = recordKey(kind.collection, r.id);
    this.records.set(key, { kind, record: r });
    this.tokens.set(recordToken(key), key);
    this.byCollection.get(kind.collection)!.set(r.id, r);
    const deps = [...(kind.dependsOn?.(r as never) ?? [])];
    // Every record depends on its source, whose references gather what its records are about.
    const sourceId = (r as { sourceId?: unknown }).sourceId;
    if (typeof sourceId === "string" && kind.collection !== "sources") deps.push(`sources/${sourceId}`);
    this.dependsOn.set(key, deps);
    for (const t of deps) {
      let set = this.dependents.get(t);
      if (!set) this.dependents.set(t, (set = new Set()));
      set.add(key);
    }
  }

  private unregister(key: string): void {
    const loc = this.records.get(key)!;
    this.unindex(key);
    this.records.delete(key);
    this.tokens.delete(recordToken(key));
    this.byCollection.get(loc.kind.collection)!.delete(loc.record.id);
    for (const t of this.dependsOn.get(key) ?? []) {
      const set = this.dependents.get(t);
      set?.delete(key);
      if (set && !set.size) this.dependents.delete(t);
    }
    this.dependsOn.delete(key);
  }

  private index(key: string): void {
    const { kind, record } = this.records.get(key)!;
    const refs = new Map<string, number>();
    refs.set(key, SELF);
    for (const k of kind.self?.(record as never) ?? []) refs.set(k, SELF);
    for (const k of kind.refs(record as never, this)) if (!refs.has(k)) refs.set(k, STRUCTURAL);
    for (const y of kind.years(record as never)) if (!refs.has(`y:${y}`)) refs.set(`y:${y}`, STRUCTURAL);
    this.refs.set(key, refs);
    for (const [k, strength] of refs) {
      let byKind = this.postings.get(k);
      if (!byKind) this.postings.set(k, (byKind = new Map()));
      let p = byKind.get(kind.collection);
      if (!p) byKind.set(kind.collection, (p = new Map()));
      p.set(key, strength);
    }
  }

  private unindex(key: string): void {
    const refs = this.refs.get(key);
    if (!refs) return;
    const collection = this.records.get(key)!.kind.collection;
    for (const k of refs.keys()) {
      const byKind = this.postings.get(k);
      const p = byKind?.get(collection);
      p?.delete(key);
      if (p && !p.size) byKind!.delete(collection);
      if (byKind && !byKind.size) this.postings.delete(k);
    }
    this.refs.delete(key);
  }
}

const EMPTY: ReadonlyMap<string, number> = new Map();

/** FNV-1a of a record key, in base 36: ten characters at most. */
function recordToken(key: string): string {
  let h = 0x811c9dc5;
  let g = 0x01000193;
  for (let i = 0; i < key.length; i++) {
    h = Math.imul(h ^ key.charCodeAt(i), 0x01000193);
    g = Math.imul(g ^ key.charCodeAt(i), 0x811c9dc5);
  }
  return (h >>> 0).toString(36) + (g >>> 16).toString(36);
}
