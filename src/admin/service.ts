import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import type { Knowledge, Source } from "../knowledge/schema.js";
import { COLLECTIONS, findRecord, sameRecord, type Change, type Collection, type KnowledgeStore, type KRecord } from "../knowledge/store.js";
import type { AdminList } from "./admins.js";
import { parseRecord } from "../knowledge/validate.js";
import type { AuditAction, AuditEntry, AuditLog } from "./audit.js";
import { uniqueId } from "./parse.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Who makes a change. */
export interface Editor {
  id: number;
  name: string;
}

/** Nothing left to undo. */
export class NothingToUndoError extends Error {
  override name = "NothingToUndoError";
}

/**
 * Edits of the knowledge base with their audit trail: every save goes through
 * `commit`, which checks for concurrent edits, saves atomically, and records
 * who, when, before and after. Telegram-free.
 */
export class AdminService {
  constructor(
    readonly store: KnowledgeStore,
    readonly audit: AuditLog,
    readonly admins: AdminList,
  ) {}

  private queue: Promise<unknown> = Promise.resolve();

  /**
   * Saves changes (ConflictError / KnowledgeFileError leave everything as it
   * was) and records them, write-ahead (see AuditLog): a crash at any point
   * leaves the knowledge base and its audit trail in agreement. One at a time.
   */
  commit(changes: Change[], by: Editor, action: AuditAction, label: string, opts: { expectHash?: string; undoOf?: number; now?: Date } = {}): Promise<AuditEntry> {
    const run = this.queue.then(async () => {
      const entry = this.audit.prepare({
        at: (opts.now ?? new Date()).toISOString(),
        by,
        action,
        label,
        changes,
        ...(opts.undoOf !== undefined ? { undoOf: opts.undoOf } : {}),
      });
      try {
        await this.store.commit(changes, { expectHash: opts.expectHash });
      } catch (err) {
        this.audit.discard();
        throw err;
      }
      this.audit.confirm(entry);
      return entry;
    });
    this.queue = run.catch(() => undefined);
    return run;
  }

  /** After a crash between a save and its audit line: writes the line (see AuditLog.recover). */
  recoverAudit(): AuditEntry | undefined {
    // Each record as the store keeps it (defaults filled in), found at once: an import's entry holds thousands.
    const stored = (c: Change) => (c.after ? (parseRecord(c.collection, c.after).record ?? c.after) : null);
    return this.audit.recover((entry) => entry.changes.every((c) => sameRecord(this.store.find(c.collection, c.id), stored(c))));
  }

  /** The change /urungkan would revert and the changes that revert it. */
  undoPlan(): { entry: AuditEntry; changes: Change[] } {
    const entry = this.audit.undoable();
    if (!entry) throw new NothingToUndoError("nothing to undo");
    const changes = [...entry.changes].reverse().map((c) => ({ collection: c.collection, id: c.id, before: c.after, after: c.before }));
    return { entry, changes };
  }

  /** Reverts the latest change not yet reverted; recorded as an "undo" entry. */
  async undo(by: Editor, now = new Date()): Promise<{ reverted: AuditEntry; entry: AuditEntry }> {
    const { entry: reverted, changes } = this.undoPlan();
    const entry = await this.commit(changes, by, "undo", reverted.label, { undoOf: reverted.seq, now });
    return { reverted, entry };
  }
}

/** Finds the year value of a pair (in either order). */
export function findYearValue(kb: Knowledge, pair: readonly [string, string], year: number): KRecord | null {
  const v = kb.cooperationValues.find((c) => c.period.kind === "year" && c.period.year === year && pair.every((p) => c.provinces.includes(p)));
  return v ?? null;
}

/** Fields that describe the old figure and no longer hold once the amount is replaced. */
const STALE_WITH_AMOUNT = ["sharePercent", "shareQualifier", "shareOf", "highestOfPeriod", "note", "dataFrom"];

/**
 * The change behind `/ubahnilai`: the year value of a pair set to `amount`,
 * sourced to the admin's own entry of that day (`admin-YYYY-MM-DD`, added if missing).
 */
export function valueChange(kb: Knowledge, pair: [string, string], year: number, amount: number, by: Editor, now: Date): Change[] {
  // The admins' calendar day (WIB), not the server's.
  const day = dayjs(now).tz("Asia/Jakarta").format("YYYY-MM-DD");
  const changes: Change[] = [];
  const sourceId = `admin-${day}`;
  const existingSource = findRecord(kb, "sources", sourceId);
  if (!existingSource) {
    const source: Source = { id: sourceId, publisher: `Admin Sinergi (${by.name || by.id})`, title: "Pembaruan data oleh admin Sinergi", date: day };
    changes.push({ collection: "sources", id: sourceId, before: null, after: source });
  }
  const before = findYearValue(kb, pair, year);
  let after: KRecord;
  if (before) {
    after = structuredClone(before);
    for (const k of STALE_WITH_AMOUNT) delete after[k];
    Object.assign(after, { amount, qualifier: "exact", sourceId, validAsOf: day });
  } else {
    const id = uniqueId(`kv-${pair.join("-")}-${year}`, kb.cooperationValues.map((c) => c.id));
    after = { id, provinces: [...pair], period: { kind: "year", year }, amount, qualifier: "exact", sourceId, validAsOf: day };
  }
  changes.push({ collection: "cooperationValues", id: after.id, before, after });
  return changes;
}

/** What an imported base adds, changes and removes, record by record. */
export function diffKnowledge(current: Knowledge, next: Knowledge): Change[] {
  const changes: Change[] = [];
  for (const collection of COLLECTIONS) {
    const records = (kb: Knowledge): ReadonlyArray<KRecord> => kb[collection];
    const cur = new Map(records(current).map((r) => [r.id, r]));
    const nxt = new Map(records(next).map((r) => [r.id, r]));
    for (const [id, r] of nxt) {
      const old = cur.get(id) ?? null;
      if (!old) changes.push({ collection, id, before: null, after: r });
      else if (!sameRecord(old, r)) changes.push({ collection, id, before: old, after: r });
    }
    for (const [id, r] of cur) if (!nxt.has(id)) changes.push({ collection, id, before: r, after: null });
  }
  return changes;
}

/** Counts of an import: added, changed, removed. */
export function countChanges(changes: readonly Change[]): { added: number; changed: number; removed: number } {
  return {
    added: changes.filter((c) => !c.before).length,
    changed: changes.filter((c) => c.before && c.after).length,
    removed: changes.filter((c) => !c.after).length,
  };
}

export type { Collection };
