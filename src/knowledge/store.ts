import { createHash } from "node:crypto";
import { copyFileSync, existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { dataPath } from "../paths.js";
import { writeFileAtomic, writeFileAtomicSync } from "../storage/atomic.js";
import { StorageError, WriteGuard } from "../storage/guard.js";
import { KnowledgeFileError, loadKnowledgeFile, parseKnowledge, readKnowledgeJson } from "./load.js";
import { repairKnowledge, type RepairResult } from "./repair.js";
import { COLLECTIONS, type Collection, type Knowledge } from "./schema.js";

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

/** Finds a record by collection and id. */
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
  /** Write the repaired base back (default true; the read-only commands keep it in memory). */
  persistRepair?: boolean;
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

/**
 * The live knowledge base. The seed in `data/knowledge.json` is never written;
 * once an admin changes something, the whole base lives in
 * `DATA_DIR/knowledge.json` and is loaded from there on the next start.
 *
 * Saves are serialised (one at a time) and atomic (lowdb writes a temporary
 * file and renames it), so a crash leaves the old or the new file, both valid.
 */
export class KnowledgeStore {
  private listeners: Array<(kb: Knowledge) => void> = [];
  private queue: Promise<unknown> = Promise.resolve();
  /** True once the base lives in DATA_DIR (loaded from there, or saved): the file must then exist. */
  private persisted: boolean;
  /** Counts saves since start-up; with `hash()` it tells whether the base changed. */
  revision = 0;
  /** Receives errors thrown by onChange listeners (the save itself has succeeded). */
  onListenerError?: (err: unknown) => void;

  private constructor(
    private current: Knowledge,
    readonly file: string,
    fromDataDir: boolean,
    private readonly guard: WriteGuard,
  ) {
    this.persisted = fromDataDir;
    // Watched: if the file vanishes (DATA_DIR deleted under the bot), the current base is written again.
    guard.writer("knowledge", file, () => this.exclusive(() => this.rewrite()), {
      needsWrite: () => this.persisted && !existsSync(this.file),
    });
  }

  /**
   * Loads the runtime copy if there is one, else the seed. A runtime copy that
   * no longer passes the schema (written by an older version under looser
   * rules) is repaired rather than refused: see `repairRuntimeCopy`. A file
   * that cannot be read or is not JSON throws KnowledgeFileError.
   */
  static open(dataDir: string, opts: KnowledgeOpenOptions = {}): KnowledgeStore {
    const file = join(dataDir, "knowledge.json");
    const guard = opts.guard ?? new WriteGuard();
    if (!existsSync(file)) return new KnowledgeStore(loadKnowledgeFile(opts.seed ?? dataPath("knowledge.json")), file, false, guard);
    const json = readKnowledgeJson(file);
    try {
      return new KnowledgeStore(parseKnowledge(json, file), file, true, guard);
    } catch (err) {
      if (!(err instanceof KnowledgeFileError)) throw err;
      const repaired = repairRuntimeCopy(dataDir, file, json, opts);
      return new KnowledgeStore(repaired.kb, file, true, guard);
    }
  }

  /** The knowledge base as last saved (the answers, the admin forms and the events read it; never mutate it). */
  get(): Knowledge {
    return this.current;
  }

  /** Short fingerprint of the current content; survives restarts, unlike `revision`. */
  hash(kb: Knowledge = this.current): string {
    return createHash("sha256").update(canonical(kb)).digest("hex").slice(0, 16);
  }

  /** Calls `fn` with every new version after it is saved. */
  onChange(fn: (kb: Knowledge) => void): void {
    this.listeners.push(fn);
  }

  /** Validates and saves a whole new version atomically, then notifies listeners. */
  save(next: unknown): Promise<Knowledge> {
    return this.exclusive(() => this.write(parseKnowledge(next, this.file)));
  }

  /**
   * Applies record changes atomically: every change's `before` must still match
   * the stored record (else ConflictError with the newer values, nothing saved);
   * `expectHash`, when given, must match the whole base (used by imports).
   * The result is validated against the schema (KnowledgeFileError) before saving.
   */
  commit(changes: readonly Change[], opts: { expectHash?: string } = {}): Promise<Knowledge> {
    return this.exclusive(async () => {
      const kb = this.current;
      // Linear in the size of the import, and in steps: questions are answered between them.
      const index = indexById(kb as unknown as Record<string, unknown>);
      const current = (c: Change): KRecord | null => {
        const i = index.get(c.collection)?.get(c.id);
        return i === undefined ? null : (kb[c.collection] as unknown as KRecord[])[i]!;
      };
      const conflicts: Conflict[] = [];
      for (const [n, c] of changes.entries()) {
        const cur = current(c);
        if (!sameRecord(cur, c.before)) conflicts.push({ collection: c.collection, id: c.id, current: cur });
        if (n % 2_000 === 1_999) await breathe();
      }
      const stale = !!opts.expectHash && opts.expectHash !== this.hash(kb);
      if (stale && !conflicts.length) {
        conflicts.push(...changes.map((c) => ({ collection: c.collection, id: c.id, current: current(c) })));
      }
      if (conflicts.length || stale) throw new ConflictError(conflicts);
      await breathe();
      const next = applyChanges(kb, changes);
      await breathe();
      const valid = parseKnowledge(next, this.file);
      await breathe();
      return this.write(valid);
    });
  }

  /**
   * Saves a new version; only then does it become current. A write the disk
   * refuses throws StorageError: nothing changed, the admin is told so.
   */
  private async write(kb: Knowledge): Promise<Knowledge> {
    try {
      await writeFileAtomic(this.file, JSON.stringify(kb, null, 2));
    } catch (err) {
      // Nothing changed, and the admin is told so: logged and counted, not retried.
      this.guard.failed("knowledge", this.file, err, { retried: false });
      throw new StorageError("knowledge", this.file, err);
    }
    this.guard.succeeded("knowledge", this.file);
    this.persisted = true;
    this.current = kb;
    this.revision++;
    for (const fn of this.listeners) {
      // A failing listener (announcements, say) must not turn a completed save into an error.
      try {
        fn(kb);
      } catch (err) {
        this.onListenerError?.(err);
      }
    }
    return kb;
  }

  /** Writes the current base again (its file vanished). */
  private async rewrite(): Promise<void> {
    if (this.persisted) await writeFileAtomic(this.file, JSON.stringify(this.current, null, 2));
  }

  /** Runs saves one after another, so two admins never interleave writes. */
  private exclusive<T>(fn: () => Promise<T>): Promise<T> {
    const run = this.queue.then(fn, fn);
    this.queue = run.catch(() => undefined);
    return run;
  }
}
