import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync } from "node:fs";
import { open, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import { dataPath } from "../paths.js";
import { temporaryFile, writeFileAtomicSync } from "../storage/atomic.js";
import { StorageError, WriteGuard } from "../storage/guard.js";
import { Journal, readJournal } from "../storage/journal.js";
import { KnowledgeFileError, loadKnowledgeFile, parseKnowledge, readKnowledgeJson } from "./load.js";
import { repairKnowledge, type RepairResult } from "./repair.js";
import { COLLECTIONS, eachReference, referencesOf, SCHEMA_VERSION, type Collection, type Knowledge } from "./schema.js";
import { validateChanges, type BaseView } from "./validate.js";

export { COLLECTIONS, type Collection };
/** A record of any collection, as plain JSON. */
export type KRecord = { id: string } & Record<string, unknown>;

/**
 * One record added (`before` null), changed, or removed (`after` null).
 * `before` is what the editor saw: the store refuses the change when the
 * record no longer looks like that (someone else saved in between).
 */
export interface Change {
  collection: Collection;
  id: string;
  before: KRecord | null;
  after: KRecord | null;
}

/** A record changed by someone else since the editor read it; `current` is the newer value (null: gone). */
export interface Conflict {
  collection: Collection;
  id: string;
  current: KRecord | null;
}

/** Thrown by `commit` when the knowledge changed under the editor; nothing was saved. */
export class ConflictError extends Error {
  constructor(readonly conflicts: Conflict[]) {
    super(`knowledge changed meanwhile: ${conflicts.map((c) => `${c.collection}/${c.id}`).join(", ")}`);
    this.name = "ConflictError";
  }
}

/** Stable JSON (sorted keys) for comparing and hashing records. */
export function canonical(value: unknown): string {
  return JSON.stringify(value, (_k, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v) ? Object.fromEntries(Object.entries(v as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b))) : v,
  );
}

/** Deep equality of two JSON values (key order ignored). */
export function sameRecord(a: unknown, b: unknown): boolean {
  return canonical(a ?? null) === canonical(b ?? null);
}

/** Finds a record by collection and id (a scan: the store's `find` is immediate). */
export function findRecord(kb: Knowledge, collection: Collection, id: string): KRecord | null {
  return ((kb[collection] as unknown as KRecord[]).find((r) => r.id === id) as KRecord | undefined) ?? null;
}

/** Records of each collection by id, built once (finding many records one by one would be quadratic). */
function indexById(kb: Record<string, unknown>): Map<string, Map<string, number>> {
  const index = new Map<string, Map<string, number>>();
  for (const c of COLLECTIONS) {
    const ids = new Map<string, number>();
    ((kb[c] as KRecord[] | undefined) ?? []).forEach((r, i) => ids.set(r.id, i));
    index.set(c, ids);
  }
  return index;
}

/**
 * Applies changes to a copy of `kb` (no validation, no conflict check), in
 * time linear in the size of the base and of the changes: records are found
 * through one index per collection, removals are dropped in one pass.
 */
export function applyChanges(kb: Knowledge, changes: readonly Change[]): Record<string, unknown> {
  const next: Record<string, unknown> = structuredClone(kb);
  const index = indexById(next);
  const removed = new Map<string, Set<number>>();
  for (const c of changes) {
    const list = ((next[c.collection] as KRecord[] | undefined) ??= []) as Array<KRecord | undefined>;
    const ids = index.get(c.collection)!;
    const i = ids.get(c.id);
    if (c.after === null) {
      if (i === undefined) continue;
      ids.delete(c.id);
      if (!removed.has(c.collection)) removed.set(c.collection, new Set());
      removed.get(c.collection)!.add(i);
    } else if (i !== undefined) {
      list[i] = structuredClone(c.after);
    } else {
      ids.set(c.id, list.length);
      list.push(structuredClone(c.after));
    }
  }
  for (const [collection, gone] of removed) next[collection] = (next[collection] as KRecord[]).filter((_, i) => !gone.has(i));
  return next;
}

/** What changes as the store saw it: `before` the record it replaced (null: added), `after` the record as stored (null: removed). */
export interface StoredChange {
  collection: Collection;
  id: string;
  before: KRecord | null;
  after: KRecord | null;
}

/** Told of every saved change: the new base and the records changed, in order. */
export type ChangeListener = (kb: Knowledge, changes: readonly StoredChange[]) => void;

/** Lets the event loop answer others between the steps of a large save. */
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/** Options of `KnowledgeStore.open`. */
export interface KnowledgeOpenOptions {
  /** The write policy (failures logged, counted, retried); default: a silent one of its own. */
  guard?: WriteGuard;
  /** The seed used while DATA_DIR holds no copy (default data/knowledge.json). */
  seed?: string;
  /** Told what a repair at start-up did (the bot logs it). */
  onRepair?: (result: RepairResult & { backup?: string; quarantine?: string; writeError?: unknown }) => void;
  /** Write the repaired base back (default true; the read-only commands keep it in memory and never write). */
  persistRepair?: boolean;
  /** Journal size that starts a compaction in the background (default: a quarter of the base, at least 1 MiB). */
  compactAtBytes?: number;
}

/** One line of the journal: a committed set of changes, in the stored form of its records. */
interface JournalEntry {
  seq: number;
  v: number;
  at: string;
  changes: Array<{ c: Collection; id: string; after: KRecord | null }>;
}

/** A snapshot named by the meta file. */
interface SnapshotId {
  sha256: string;
  /** The last journal line the snapshot holds. */
  seq: number;
  /** Written by this store after validation (read without checking again); false: a file we found, checked at every load. */
  own: boolean;
}

/** `knowledge.meta.json`: which snapshot `knowledge.json` is, and the one before it (a compaction cut short between the two). */
interface Meta extends SnapshotId {
  bytes: number;
  previous?: SnapshotId;
}

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

/** Records of each collection; every 16 bytes of a record's digest, summed, fingerprint the base whatever its order. */
const MASK = (1n << 128n) - 1n;
function recordDigest(collection: string, record: unknown): bigint {
  return BigInt(`0x${createHash("sha256").update(collection).update("\0").update(canonical(record)).digest("hex").slice(0, 32)}`);
}

/**
 * The live knowledge base. The seed in `data/knowledge.json` is never written;
 * once an admin changes something, the base lives in DATA_DIR:
 *
 * - `knowledge.json`: a snapshot of the whole base, one record per line;
 * - `knowledge.journal.jsonl`: every change committed since, one line per
 *   commit (the records as stored), appended and fsync'd before the commit is
 *   acknowledged, so a save costs time in proportion to the change;
 * - `knowledge.meta.json`: which snapshot `knowledge.json` is (its SHA-256)
 *   and the last journal line it holds.
 *
 * Loading reads the snapshot and replays the journal lines after it; a line
 * cut short by a crash was never acknowledged and is dropped. When the
 * journal grows past a quarter of the base, it is compacted in the
 * background: the current base is written as a new snapshot (in steps, the
 * bot answering between them), the meta file names it, then the journal
 * keeps only the lines after it. A crash at any point leaves the old snapshot
 * or the new one, both named by the meta file, and the journal lines that
 * follow: old or new, never corrupt, nothing acknowledged lost. A snapshot
 * the meta file does not name (written by an older version, or by hand) is
 * validated whole, and repaired if need be, as before.
 *
 * Commits are serialised (one at a time); each is checked against the base
 * (conflicts, the schema of the records it touches and the references to and
 * from them) in time proportional to the change. The base given out by `get`
 * is never modified: a commit makes a new one, sharing the unchanged lists.
 */
export class KnowledgeStore {
  private listeners: ChangeListener[] = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** True once the base lives in DATA_DIR (loaded from there, or saved): the files must then exist. */
  private persisted: boolean;
  private readonly byId = new Map<Collection, Map<string, KRecord>>();
  /** "collection/id" -> how many references to that record the base holds (counted when first needed). */
  private refCount?: Map<string, number>;
  private counting?: Promise<void>;
  private digestSum?: bigint;
  private warming?: Promise<void>;
  private readonly journal: Journal;
  /** Start offset of every journal line after the snapshot, by sequence number. */
  private journalLines: Array<{ seq: number; start: number }> = [];
  private seq = 0;
  private snapshot: { sha256: string; seq: number; bytes: number; own: boolean };
  private compacting?: Promise<void>;
  private compactFailedAt = 0;
  private compactFailures = 0;
  private readonly readOnly: boolean;
  /** Counts saves since start-up; with `hash()` it tells whether the base changed. */
  revision = 0;
  /** Receives errors thrown by onChange listeners (the save itself has succeeded). */
  onListenerError?: (err: unknown) => void;
  readonly journalFile: string;
  readonly metaFile: string;

  private constructor(
    private current: Knowledge,
    readonly file: string,
    fromDataDir: boolean,
    private readonly guard: WriteGuard,
    private readonly opts: KnowledgeOpenOptions,
    state: { seq: number; snapshot: { sha256: string; seq: number; bytes: number; own: boolean }; journalSize: number; lines: Array<{ seq: number; start: number }> },
  ) {
    this.persisted = fromDataDir;
    this.readOnly = opts.persistRepair === false;
    this.journalFile = join(file, "..", "knowledge.journal.jsonl");
    this.metaFile = join(file, "..", "knowledge.meta.json");
    this.journal = new Journal(this.journalFile, state.journalSize);
    this.journalLines = state.lines;
    this.seq = state.seq;
    this.snapshot = state.snapshot;
    for (const c of COLLECTIONS) {
      const ids = new Map<string, KRecord>();
      for (const r of (current[c] ?? []) as unknown as KRecord[]) ids.set(r.id, r);
      this.byId.set(c, ids);
    }
    // Watched: if the files vanish (DATA_DIR deleted under the bot), the current base is written again.
    guard.writer("knowledge", file, () => this.compact(true), {
      needsWrite: () => this.persisted && !this.readOnly && (!existsSync(this.file) || (this.journalLines.length > 0 && !existsSync(this.journalFile))),
    });
    if (!this.readOnly && this.persisted) {
      // What only saves and imports need is computed in the background once the bot is up, not at start-up.
      setTimeout(() => void this.warm().catch(() => undefined), 30_000).unref();
      if (this.journal.size > this.compactThreshold()) setImmediate(() => this.maybeCompact());
    }
  }

  /**
   * Loads the runtime copy if there is one (its snapshot and journal), else
   * the seed. A snapshot the meta file does not name is validated whole; one
   * that no longer passes the schema (written by an older version under
   * looser rules) is repaired rather than refused (see `repairRuntimeCopy`).
   * A file that cannot be read or is not JSON throws KnowledgeFileError.
   */
  static open(dataDir: string, opts: KnowledgeOpenOptions = {}): KnowledgeStore {
    const file = join(dataDir, "knowledge.json");
    const journalFile = join(dataDir, "knowledge.journal.jsonl");
    const metaFile = join(dataDir, "knowledge.meta.json");
    const guard = opts.guard ?? new WriteGuard();
    const persist = opts.persistRepair !== false;
    const empty = { seq: 0, snapshot: { sha256: "", seq: 0, bytes: 0, own: false }, journalSize: 0, lines: [] as Array<{ seq: number; start: number }> };
    if (!existsSync(file)) {
      // A journal without its snapshot belongs to nothing we can load: kept aside, never replayed.
      if (persist && existsSync(journalFile)) setAside(dataDir, journalFile);
      return new KnowledgeStore(loadKnowledgeFile(opts.seed ?? dataPath("knowledge.json")), file, false, guard, opts, empty);
    }
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch (err) {
      throw new KnowledgeFileError(file, [`cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
    }
    let sha = sha256(bytes);
    const meta = readMeta(metaFile);
    // The snapshot the journal was written against: the one the meta file names, or the one before it
    // (a compaction cut short between writing the meta file and renaming the new snapshot).
    const entry = meta?.sha256 === sha ? meta : meta?.previous?.sha256 === sha ? meta.previous : undefined;
    // Our own snapshot, validated when it was written, is read, not checked again.
    let kb = entry?.own === true ? trusted(bytes) : undefined;
    if (!kb) {
      const json = readKnowledgeJson(file);
      try {
        kb = parseKnowledge(json, file);
      } catch (err) {
        if (!(err instanceof KnowledgeFileError)) throw err;
        kb = repairRuntimeCopy(dataDir, file, json, opts).kb;
        if (persist) {
          try {
            bytes = readFileSync(file);
            sha = sha256(bytes);
          } catch {
            // as read
          }
        }
      }
    }
    let state = { ...empty, snapshot: { sha256: sha, seq: entry?.seq ?? 0, bytes: bytes.byteLength, own: entry?.own === true } };
    if (entry) {
      const replayed = replay(kb, journalFile, entry.seq, persist);
      kb = replayed.kb;
      state = { ...state, seq: replayed.seq, journalSize: replayed.size, lines: replayed.lines };
    } else if (persist && existsSync(journalFile)) {
      // A snapshot we did not write (an older version's, or edited by hand): a journal beside it was
      // not written against it, so it is kept aside rather than replayed. The next save writes our
      // own snapshot (defaults filled in, the current schema version) before any journal line.
      setAside(dataDir, journalFile);
    }
    return new KnowledgeStore(kb, file, true, guard, opts, state);
  }

  get(): Knowledge {
    return this.current;
  }

  /** The record now stored, by collection and id (immediate, whatever the size of the base). */
  find(collection: Collection, id: string): KRecord | null {
    return this.byId.get(collection)?.get(id) ?? null;
  }

  /** Number of records of the base. */
  get size(): number {
    let n = 0;
    for (const ids of this.byId.values()) n += ids.size;
    return n;
  }

  /** Bytes of the last snapshot written or read (what an export of the base weighs, about). */
  get bytes(): number {
    return this.snapshot.bytes || Buffer.byteLength(JSON.stringify(this.current));
  }

  /**
   * Short fingerprint of the content, whatever the order of the records;
   * survives restarts, unlike `revision`. Kept up to date change by change.
   */
  hash(kb?: Knowledge): string {
    if (kb && kb !== this.current) return fingerprint(digestOf(kb));
    if (this.digestSum === undefined) this.digestSum = digestOf(this.current);
    return fingerprint(this.digestSum);
  }

  /** `hash()` without blocking the event loop the first time on a large base. */
  async hashAsync(): Promise<string> {
    await this.warmDigests();
    return this.hash();
  }

  /** Prepares, in steps, what saves need: the reference counts and the fingerprint. */
  private async warm(): Promise<void> {
    await this.countAllRefs();
    await this.warmDigests();
  }

  /** Counts the references to every record in steps (once; later changes update the counts). */
  private countAllRefs(): Promise<void> {
    if (this.refCount) return Promise.resolve();
    this.counting ??= (async () => {
      const kb = this.current;
      const counts = new Map<string, number>();
      let n = 0;
      for (const c of COLLECTIONS) {
        for (const r of kb[c] as unknown as KRecord[]) {
          eachReference(c, r, (to, id) => counts.set(`${to}/${id}`, (counts.get(`${to}/${id}`) ?? 0) + 1));
          if (++n % 2_000 === 0) await breathe();
        }
      }
      // A save meanwhile (none while a commit waits for this, but a first snapshot may): count again.
      if (this.current !== kb) {
        this.counting = undefined;
        return this.countAllRefs();
      }
      this.refCount ??= counts;
    })().finally(() => (this.counting = undefined));
    return this.counting;
  }

  /** Computes the fingerprint of the whole base in steps (once; later changes update it). */
  private warmDigests(): Promise<void> {
    if (this.digestSum !== undefined) return Promise.resolve();
    this.warming ??= (async () => {
      const kb = this.current;
      let sum = 0n;
      let n = 0;
      for (const c of COLLECTIONS) {
        for (const r of kb[c] as unknown as KRecord[]) {
          sum = (sum + recordDigest(c, r)) & MASK;
          if (++n % 500 === 0) await breathe();
        }
      }
      // Changes saved meanwhile were not counted in: start again from the base as it is now.
      if (this.current !== kb) {
        this.warming = undefined;
        return this.warmDigests();
      }
      this.digestSum ??= sum;
    })().finally(() => (this.warming = undefined));
    return this.warming;
  }

  /** Calls `fn` after every save with the new base and the changes it made (in batches for a large change). */
  onChange(fn: ChangeListener): void {
    this.listeners.push(fn);
  }

  /** Validates and saves a whole new version (as the changes from the current one), then notifies listeners. */
  save(next: unknown): Promise<Knowledge> {
    return this.exclusive(async () => {
      const kb = parseKnowledge(next, this.file);
      const changes: Change[] = [];
      for (const c of COLLECTIONS) {
        const ids = this.byId.get(c)!;
        const seen = new Set<string>();
        for (const r of kb[c] as unknown as KRecord[]) {
          seen.add(r.id);
          const old = ids.get(r.id) ?? null;
          if (!old || !sameRecord(old, r)) changes.push({ collection: c, id: r.id, before: old, after: r });
        }
        for (const [id, r] of ids) if (!seen.has(id)) changes.push({ collection: c, id, before: r, after: null });
      }
      return this.write(changes);
    });
  }

  /**
   * Applies record changes: every change's `before` must still match the
   * stored record (else ConflictError with the newer values, nothing saved);
   * `expectHash`, when given, must match the whole base (used by imports).
   * The records changed are validated against the schema, with the
   * references to and from them (KnowledgeFileError), in time proportional
   * to the change; the commit is acknowledged once its journal line is on disk.
   */
  commit(changes: readonly Change[], opts: { expectHash?: string } = {}): Promise<Knowledge> {
    return this.exclusive(async () => {
      const conflicts: Conflict[] = [];
      for (const [n, c] of changes.entries()) {
        const cur = this.find(c.collection, c.id);
        if (!sameRecord(cur, c.before)) conflicts.push({ collection: c.collection, id: c.id, current: cur });
        if (n % 2_000 === 1_999) await breathe();
      }
      let stale = false;
      if (opts.expectHash) {
        await this.warmDigests();
        // An import checked by the previous version carries its fingerprint (a digest of the whole base).
        stale = opts.expectHash !== this.hash() && opts.expectHash !== createHash("sha256").update(canonical(this.current)).digest("hex").slice(0, 16);
      }
      if (stale && !conflicts.length) {
        conflicts.push(...changes.map((c) => ({ collection: c.collection, id: c.id, current: this.find(c.collection, c.id) })));
      }
      if (conflicts.length || stale) throw new ConflictError(conflicts);
      return this.write(changes);
    });
  }

  /** What would refuse these changes (the schema of their records, the references to and from them); empty when none. */
  async check(changes: readonly Change[]): Promise<string[]> {
    await this.countAllRefs();
    try {
      await validateChanges(this.view(), changes, this.file);
      return [];
    } catch (err) {
      if (err instanceof KnowledgeFileError) return err.issues;
      throw err;
    }
  }

  /** The base as the check of a change sees it. */
  private view(): BaseView {
    return {
      get: (c, id) => this.find(c, id) ?? undefined,
      referenced: (c, id) => this.refCount?.get(`${c}/${id}`) ?? 0,
      count: (c) => this.byId.get(c)!.size,
      position: (c, id) => {
        const r = this.find(c, id);
        return r ? (this.current[c] as unknown as KRecord[]).indexOf(r) : -1;
      },
      referrers: (to, id) => {
        const out: Array<{ collection: Collection; record: KRecord }> = [];
        for (const c of COLLECTIONS) for (const r of this.byId.get(c)!.values()) if (referencesOf(c, r).some((x) => x.to === to && x.id === id)) out.push({ collection: c, record: r });
        return out;
      },
    };
  }

  /**
   * Validates, persists (journal line, or the first snapshot of a base that
   * still came from the seed), then makes the change current and tells the
   * listeners. A write the disk refuses throws StorageError: nothing changed.
   */
  private async write(changes: readonly Change[]): Promise<Knowledge> {
    if (!changes.length) return this.current;
    await this.countAllRefs();
    // A record changed twice in one commit is one change: from the stored record to the last version.
    const merged = new Map<string, Change>();
    for (const c of changes) {
      const key = `${c.collection}/${c.id}`;
      const first = merged.get(key);
      merged.delete(key);
      merged.set(key, { ...c, before: first ? first.before : c.before });
    }
    const list = [...merged.values()];
    // Checked in steps: an import of a whole base is parsed record by record while others are answered.
    const stored = (await validateChanges(this.view(), list, this.file)) as Array<KRecord | null>;
    const done: StoredChange[] = list.map((c, i) => ({ collection: c.collection, id: c.id, before: this.find(c.collection, c.id), after: stored[i] ?? null }));
    const next = withChanges(this.current, done, this.byId);
    const seq = this.seq + 1;
    try {
      // Also when the files vanished under the bot (DATA_DIR deleted) and the guard has not written them
      // again yet: a journal line alone would stand for the whole base.
      const vanished = this.persisted && (!existsSync(this.file) || (this.journalLines.length > 0 && !existsSync(this.journalFile)));
      if (!this.persisted || !this.snapshot.own || vanished) {
        // The first save: the whole base goes to DATA_DIR as the store's own snapshot (it came from the
        // seed, or from a file an older version wrote); the journal only ever follows one of ours.
        await this.writeSnapshot(next, seq);
        this.persisted = true;
      } else {
        const start = await this.journal.append(journalLine(seq, done));
        this.journalLines.push({ seq, start });
      }
    } catch (err) {
      // Nothing changed, and the admin is told so: logged and counted, not retried.
      this.guard.failed("knowledge", this.persisted ? this.journalFile : this.file, err, { retried: false });
      throw new StorageError("knowledge", this.persisted ? this.journalFile : this.file, err);
    }
    this.guard.succeeded("knowledge", this.file);
    this.seq = seq;
    this.current = next;
    if (done.length > 2_000) {
      // A large commit (an import): the counts and the fingerprint are computed again, in steps, when next needed.
      this.refCount = undefined;
      this.digestSum = undefined;
    }
    for (const c of done) this.index(c);
    this.revision++;
    await this.notify(next, done);
    this.maybeCompact();
    return next;
  }

  /** Tells the listeners, in batches with a breath between them (a whole import is many changes). */
  private async notify(kb: Knowledge, changes: readonly StoredChange[]): Promise<void> {
    const BATCH = 500;
    for (let i = 0; i < changes.length || i === 0; i += BATCH) {
      if (i) await breathe();
      const batch = changes.length <= BATCH ? changes : changes.slice(i, i + BATCH);
      for (const fn of this.listeners) {
        // A failing listener (announcements, say) must not turn a completed save into an error.
        try {
          fn(kb, batch);
        } catch (err) {
          this.onListenerError?.(err);
        }
      }
    }
  }

  /** Updates the indexes by one change made current. */
  private index(c: StoredChange): void {
    const ids = this.byId.get(c.collection)!;
    if (c.before) this.countRefs(c.collection, c.before, -1);
    if (c.after) {
      ids.set(c.id, c.after);
      this.countRefs(c.collection, c.after, 1);
    } else ids.delete(c.id);
    if (this.digestSum !== undefined) {
      let sum = this.digestSum;
      if (c.before) sum -= recordDigest(c.collection, c.before);
      if (c.after) sum += recordDigest(c.collection, c.after);
      this.digestSum = sum & MASK;
    }
  }

  private countRefs(collection: Collection, r: KRecord, by: number): void {
    const counts = this.refCount;
    if (!counts) return;
    eachReference(collection, r, (to, id) => {
      const key = `${to}/${id}`;
      const n = (counts.get(key) ?? 0) + by;
      if (n) counts.set(key, n);
      else counts.delete(key);
    });
  }

  private compactThreshold(): number {
    return this.opts.compactAtBytes ?? Math.max(1 << 20, Math.round(this.snapshot.bytes / 4));
  }

  /** Starts a compaction in the background when the journal has grown large (and none failed just now). */
  private maybeCompact(): void {
    if (this.compacting || this.readOnly || !this.persisted || this.journal.size <= this.compactThreshold()) return;
    if (Date.now() - this.compactFailedAt < this.guard.backoff(this.compactFailures)) return;
    void this.compact().catch(() => undefined);
  }

  /**
   * Writes the current base as the new snapshot and drops the journal lines
   * it holds. In the background: the snapshot is written in steps while the
   * bot answers and commits go on (into the journal); only the final swap
   * waits for a commit in progress. Resolves when done; rejects when the
   * disk refused (logged; the journal still holds everything). `force`: also
   * when the journal is empty (the files vanished).
   */
  compact(force = false): Promise<void> {
    if (this.compacting) return force ? this.compacting.then(() => this.compact(true)) : this.compacting;
    if (this.readOnly || !this.persisted || (!force && !this.journalLines.length)) return Promise.resolve();
    this.compacting = (async () => {
      try {
        await this.writeSnapshot(this.current, this.seq);
        this.compactFailures = 0;
        this.guard.succeeded("knowledge", this.file);
      } catch (err) {
        this.compactFailures++;
        this.compactFailedAt = Date.now();
        this.guard.failed("knowledge", this.file, err, this.guard.backoff(this.compactFailures));
        throw err;
      }
    })().finally(() => (this.compacting = undefined));
    return this.compacting;
  }

  /**
   * Writes `kb` (holding the journal up to `seq`) as the snapshot: one record
   * per line into a temporary file, in steps, fsync; then, one commit never
   * in between, the meta file names it (and the snapshot before it), it
   * replaces knowledge.json, and the journal keeps only the lines after `seq`.
   */
  private async writeSnapshot(kb: Knowledge, seq: number): Promise<void> {
    // A commit's snapshot and a compaction's never share a temporary file.
    const inCommit = seq > this.seq;
    const tmp = inCommit ? temporaryFile(this.file) : join(this.file, "..", ".knowledge.json.compacting.tmp");
    const hash = createHash("sha256");
    let bytes = 0;
    mkdirSync(join(this.file, ".."), { recursive: true });
    const handle = await open(tmp, "w");
    try {
      for await (const part of knowledgeText(kb)) {
        const buf = Buffer.from(part, "utf8");
        hash.update(buf);
        bytes += buf.byteLength;
        for (let at = 0; at < buf.byteLength; ) at += (await handle.write(buf, at, buf.byteLength - at)).bytesWritten;
      }
      await handle.sync();
    } catch (err) {
      await handle.close().catch(() => undefined);
      await rm(tmp, { force: true }).catch(() => undefined);
      throw err;
    }
    await handle.close();
    const sha = hash.digest("hex");
    const swap = async () => {
      if (this.snapshot.own && this.snapshot.seq > seq) {
        // A commit wrote a newer snapshot meanwhile: this one is already out of date.
        await rm(tmp, { force: true }).catch(() => undefined);
        return;
      }
      try {
        writeMeta(this.metaFile, { sha256: sha, seq, bytes, own: true, ...(this.snapshot.sha256 ? { previous: { sha256: this.snapshot.sha256, seq: this.snapshot.seq, own: this.snapshot.own } } : {}) });
        await rename(tmp, this.file);
      } catch (err) {
        await rm(tmp, { force: true }).catch(() => undefined);
        throw err;
      }
      this.snapshot = { sha256: sha, seq, bytes, own: true };
      // The lines the snapshot holds are dropped; a failure here only leaves them to be skipped at load.
      const keep = this.journalLines.findIndex((l) => l.seq > seq);
      const from = keep < 0 ? this.journal.size : this.journalLines[keep]!.start;
      try {
        if (from > 0 || !existsSync(this.journalFile)) {
          await this.journal.rewriteFrom(from);
          this.journalLines = keep < 0 ? [] : this.journalLines.slice(keep).map((l) => ({ seq: l.seq, start: l.start - from }));
        }
      } catch {
        // Skipped at the next load (their seq is not after the snapshot's), dropped at the next compaction.
      }
    };
    // The first snapshot is written inside a commit already; a compaction waits for the commit in progress.
    if (inCommit) await swap();
    else await this.exclusive(swap);
  }

  /** Runs saves one after another, so two admins never interleave writes. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}

/** A new base with the changes made: lists with a change are new, the others shared; `byId` is read, not changed. */
function withChanges(kb: Knowledge, changes: readonly StoredChange[], byId: ReadonlyMap<Collection, ReadonlyMap<string, KRecord>>): Knowledge {
  const byCollection = new Map<Collection, Map<string, KRecord | null>>();
  for (const c of changes) {
    let m = byCollection.get(c.collection);
    if (!m) byCollection.set(c.collection, (m = new Map()));
    m.set(c.id, c.after);
  }
  const next = { ...kb } as Record<string, unknown>;
  for (const [collection, m] of byCollection) {
    const list = (kb[collection] ?? []) as unknown as KRecord[];
    const ids = byId.get(collection)!;
    let out: KRecord[];
    if (m.size <= 16) {
      // A few records: found by identity, the list copied once.
      out = list.slice();
      for (const [id, after] of m) {
        const old = ids.get(id);
        const i = old ? out.indexOf(old) : -1;
        if (i >= 0 && after) out[i] = after;
        else if (i >= 0) out.splice(i, 1);
        else if (after) out.push(after);
      }
    } else {
      out = [];
      for (const r of list) {
        if (!m.has(r.id)) out.push(r);
        else if (m.get(r.id)) out.push(m.get(r.id)!);
      }
      for (const [id, after] of m) if (after && !ids.has(id)) out.push(after);
    }
    next[collection] = out;
  }
  return next as unknown as Knowledge;
}

/** A journal line's text, in pieces (a whole import is one line). */
function* journalLine(seq: number, changes: readonly StoredChange[]): Generator<string> {
  yield `{"seq":${seq},"v":${SCHEMA_VERSION},"at":${JSON.stringify(new Date().toISOString())},"changes":[`;
  let part = "";
  for (const [i, c] of changes.entries()) {
    part += `${i ? "," : ""}${JSON.stringify({ c: c.collection, id: c.id, after: c.after })}`;
    if (part.length > 65_536) {
      yield part;
      part = "";
    }
  }
  yield `${part}]}`;
}

/**
 * A base as JSON text in pieces, one record per line (the snapshot's layout,
 * and /ekspor's), with a breath between pieces: a large base is written
 * without stopping the bot.
 */
export async function* knowledgeText(kb: Knowledge): AsyncGenerator<string> {
  yield `{\n"schemaVersion": ${SCHEMA_VERSION}`;
  let n = 0;
  for (const c of COLLECTIONS) {
    const list = (kb[c] ?? []) as unknown as KRecord[];
    let part = `,\n${JSON.stringify(c)}: [`;
    for (let i = 0; i < list.length; i++) {
      part += `${i ? "," : ""}\n  ${JSON.stringify(list[i])}`;
      if (++n % 500 === 0) {
        yield part;
        part = "";
        await breathe();
      }
    }
    yield `${part}${list.length ? "\n" : ""}]`;
  }
  yield "\n}\n";
}

/** Replays the journal lines after `base` onto `kb` (owned here, changed in place); drops a torn last line. */
function replay(kb: Knowledge, file: string, base: number, persist: boolean): { kb: Knowledge; seq: number; size: number; lines: Array<{ seq: number; start: number }> } {
  const read = readJournal<JournalEntry>(file);
  let seq = base;
  const lines: Array<{ seq: number; start: number }> = [];
  const changes: StoredChange[] = [];
  for (const line of read.lines) {
    const e = line.value;
    if (!e || typeof e.seq !== "number" || !Array.isArray(e.changes)) continue;
    if (e.seq <= base) continue;
    seq = Math.max(seq, e.seq);
    lines.push({ seq: e.seq, start: line.start });
    for (const c of e.changes) changes.push({ collection: c.c, id: c.id, before: null, after: c.after });
  }
  let size = read.size;
  let next = kb;
  if (changes.length) {
    const byId = new Map<Collection, Map<string, KRecord>>();
    for (const c of COLLECTIONS) byId.set(c, new Map(((kb[c] ?? []) as unknown as KRecord[]).map((r) => [r.id, r])));
    // In order: a record changed twice ends as the later line has it.
    const final = new Map<string, StoredChange>();
    for (const c of changes) {
      const key = `${c.collection}/${c.id}`;
      final.delete(key);
      final.set(key, c);
    }
    next = withChanges(kb, [...final.values()], byId);
  }
  if (read.corrupt) {
    // Lines we never wrote that way (the file was edited): what the rest gives is checked whole, and repaired.
    try {
      next = parseKnowledge(next, file);
    } catch (err) {
      if (!(err instanceof KnowledgeFileError)) throw err;
      next = repairKnowledge(next, file).kb;
    }
  }
  if (persist && (read.torn || lines.length < read.lines.length)) {
    // Without the torn line (and the lines the snapshot holds), so the next line starts on a line of its own.
    try {
      const all = readFileSync(file);
      const from = lines.length ? lines[0]!.start : read.size;
      writeFileAtomicSync(file, all.subarray(from, read.size));
      for (const l of lines) l.start -= from;
      size = read.size - from;
    } catch {
      // Read-only: kept as it is; the torn line stays out of every read.
    }
  }
  return { kb: next, seq, size, lines };
}

/** Parses our own snapshot; undefined when it does not look like one (then it is validated whole). */
function trusted(bytes: Buffer): Knowledge | undefined {
  let json: unknown;
  try {
    json = JSON.parse(bytes.toString("utf8"));
  } catch {
    return undefined;
  }
  const kb = json as Record<string, unknown>;
  if (!kb || typeof kb !== "object" || kb.schemaVersion !== SCHEMA_VERSION || !COLLECTIONS.every((c) => Array.isArray(kb[c]))) return undefined;
  return kb as unknown as Knowledge;
}

function readMeta(file: string): Meta | undefined {
  try {
    const m = JSON.parse(readFileSync(file, "utf8")) as Meta;
    return typeof m?.sha256 === "string" && typeof m.seq === "number" && typeof m.own === "boolean" ? m : undefined;
  } catch {
    return undefined;
  }
}

function writeMeta(file: string, meta: Meta): void {
  writeFileAtomicSync(file, `${JSON.stringify(meta)}\n`);
}

/** Moves a file that cannot be used into DATA_DIR/backups/ (never deleted: an operator may want it). */
function setAside(dataDir: string, file: string): void {
  try {
    const dir = join(dataDir, "backups");
    mkdirSync(dir, { recursive: true });
    renameSync(file, join(dir, `${file.split("/").at(-1)}-${new Date().toISOString().replace(/[:.]/g, "-")}.unused`));
  } catch {
    try {
      rmSync(file, { force: true });
    } catch {
      // read-only: left as it is, and never replayed
    }
  }
}

function digestOf(kb: Knowledge): bigint {
  let sum = 0n;
  for (const c of COLLECTIONS) for (const r of (kb[c] ?? []) as unknown as KRecord[]) sum = (sum + recordDigest(c, r)) & MASK;
  return sum;
}

function fingerprint(sum: bigint): string {
  return sum.toString(16).padStart(32, "0").slice(0, 16);
}

/**
 * A knowledge base that loaded once must load again: the runtime copy written
 * by an older version under looser rules is repaired (see repairKnowledge),
 * the original is kept in `DATA_DIR/backups/knowledge-<time>.original.json`,
 * what had to be dropped in `...quarantine.json`, and the repaired base
 * replaces the runtime copy, so the next start finds it clean.
 */
function repairRuntimeCopy(dataDir: string, file: string, json: unknown, opts: KnowledgeOpenOptions): RepairResult & { backup?: string; quarantine?: string; writeError?: unknown } {
  const result = repairKnowledge(json, file);
  const out: RepairResult & { backup?: string; quarantine?: string; writeError?: unknown } = { ...result };
  if (opts.persistRepair !== false) {
    try {
      const dir = join(dataDir, "backups");
      mkdirSync(dir, { recursive: true });
      const stamp = new Date().toISOString().replace(/[:.]/g, "-");
      out.backup = join(dir, `knowledge-${stamp}.original.json`);
      copyFileSync(file, out.backup);
      out.quarantine = join(dir, `knowledge-${stamp}.quarantine.json`);
      writeFileAtomicSync(out.quarantine, `${JSON.stringify({ file, at: new Date().toISOString(), actions: result.actions, quarantined: result.quarantined }, null, 2)}\n`);
      writeFileAtomicSync(file, JSON.stringify(result.kb, null, 2));
    } catch (err) {
      // Not fatal: the repaired base is used from memory, and the repair is done again at the next start.
      out.writeError = err;
    }
  }
  opts.onRepair?.(out);
  return out;
}
