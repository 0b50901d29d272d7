import { appendFileSync, existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Change } from "../knowledge/store.js";
import { writeFileAtomicSync } from "../storage/atomic.js";
import { type BackgroundWriter, StorageError, WriteGuard } from "../storage/guard.js";

/** What kind of change an audit entry records. */
export type AuditAction = "add" | "edit" | "delete" | "import" | "ingest" | "undo";

/** One saved change: who, when, what (before and after of every record touched). */
export interface AuditEntry {
  seq: number;
  at: string;
  by: { id: number; name: string };
  action: AuditAction;
  /** Short human label, e.g. "nilai kerja sama Jatim–Kaltim 2024". */
  label: string;
  changes: Change[];
  /** For undo entries: the entry that was reverted. */
  undoOf?: number;
}

/**
 * Append-only audit trail in `DATA_DIR/audit.jsonl`: one JSON object per line,
 * appended after each save. A line cut short by a crash is skipped on reading.
 *
 * Write-ahead, so that a crash between a save and its line loses no line: the
 * entry is first written aside (`audit.jsonl.pending`, atomically), then the
 * knowledge is saved, then the entry is appended and the aside file removed.
 * After a crash `recover` appends the entry left aside if its save happened.
 *
 * When the disk refuses the line after a save (full, read-only), the entry is
 * kept in memory and the aside file stays; the write guard appends it when the
 * disk takes writes again, and the next change waits for it (a new aside file
 * would replace the old one). If the file vanished, it is written again whole.
 */
export class AuditLog {
  private entries: AuditEntry[] = [];
  /** Entries whose save happened but whose line is not written yet. */
  private backlog: AuditEntry[] = [];
  /** True when the file must be written whole (vanished, or an append may have been cut short). */
  private rewrite = false;
  private readonly writer: BackgroundWriter;

  constructor(
    readonly file: string,
    private readonly guard = new WriteGuard(),
  ) {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file)) {
      const text = readFileSync(file, "utf8");
      let torn = false;
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        try {
          this.entries.push(JSON.parse(line) as AuditEntry);
        } catch {
          // A torn last line after a crash: the save it describes may or may not have happened; skip it.
          torn = true;
        }
      }
      // Rewritten without it (atomically), so the next line starts on a line of its own and the file stays valid.
      if (torn || (text && !text.endsWith("\n"))) {
        try {
          writeFileAtomicSync(file, this.entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
        } catch {
          this.rewrite = true;
        }
      }
    }
    this.writer = guard.writer("audit", file, () => this.writeBacklog(), {
      needsWrite: () => {
        if (!this.entries.length || existsSync(this.file)) return false;
        this.rewrite = true;
        return true;
      },
    });
  }

  /** Opens the trail in DATA_DIR/audit.jsonl (a line cut short by a crash is dropped). */
  static open(dataDir: string, guard?: WriteGuard): AuditLog {
    return new AuditLog(join(dataDir, "audit.jsonl"), guard);
  }

  private get pendingFile(): string {
    return `${this.file}.pending`;
  }

  /** Writes the lines still owed (or the whole file), then drops the aside file. Throws when the disk refuses. */
  private writeBacklog(): void {
    if (this.rewrite) {
      writeFileAtomicSync(this.file, this.entries.map((e) => `${JSON.stringify(e)}\n`).join(""));
      this.rewrite = false;
    } else if (this.backlog.length) {
      try {
        appendFileSync(this.file, this.backlog.map((e) => `${JSON.stringify(e)}\n`).join(""));
      } catch (err) {
        // Part of it may have reached the file: the next attempt writes it whole, never glued to half a line.
        this.rewrite = true;
        throw err;
      }
    }
    this.backlog = [];
    rmSync(this.pendingFile, { force: true });
  }

  /**
   * Numbers the next entry and writes it aside before its save (one save at a
   * time). Throws StorageError when the disk refuses: then nothing is saved.
   */
  prepare(entry: Omit<AuditEntry, "seq">): AuditEntry {
    const full: AuditEntry = { seq: (this.entries.at(-1)?.seq ?? 0) + 1, ...entry };
    try {
      // A line still owed first: the aside file about to be replaced may be its only copy on disk.
      if (this.backlog.length || this.rewrite) this.writeBacklog();
      writeFileAtomicSync(this.pendingFile, JSON.stringify(full));
    } catch (err) {
      // Nothing was saved and the admin is told so: logged and counted, nothing to retry.
      this.guard.failed("audit", this.pendingFile, err, { retried: false });
      throw new StorageError("audit", this.pendingFile, err);
    }
    return full;
  }

  /** The save of the prepared entry happened: it joins the trail (on disk now, or by the guard's retries). */
  confirm(entry: AuditEntry): void {
    this.entries.push(entry);
    this.backlog.push(entry);
    try {
      this.writeBacklog();
      this.guard.succeeded("audit", this.file);
    } catch {
      // The save is done and was acknowledged: the line is kept (and the aside file) until the disk
      // takes it; the writer logs the failure and retries with back-off.
      this.writer.schedule();
    }
  }

  /** The save of the prepared entry did not happen. */
  discard(): void {
    try {
      rmSync(this.pendingFile, { force: true });
    } catch {
      // Read-only: recover() drops it at the next start (its save is not in the base).
    }
  }

  /**
   * After a crash: the entry left aside joins the trail when `saved(entry)`
   * says its changes are in the knowledge base; either way it is then removed.
   */
  recover(saved: (entry: AuditEntry) => boolean): AuditEntry | undefined {
    let entry: AuditEntry | undefined;
    try {
      entry = JSON.parse(readFileSync(this.pendingFile, "utf8")) as AuditEntry;
    } catch {
      // None (the usual case), or a torn temporary file that never became the aside file.
    }
    if (entry && entry.seq === (this.entries.at(-1)?.seq ?? 0) + 1 && saved(entry)) {
      this.confirm(entry);
      return entry;
    }
    this.discard();
    return undefined;
  }

  /** Newest first. */
  latest(limit = 10): AuditEntry[] {
    return this.entries.slice(-limit).reverse();
  }

  /** Every entry, oldest first. */
  all(): readonly AuditEntry[] {
    return this.entries;
  }

  /**
   * The change `/urungkan` reverts: the newest entry that is not an undo and has
   * not been undone yet. Repeating /urungkan thus steps further back.
   */
  undoable(): AuditEntry | undefined {
    const undone = new Set(this.entries.filter((e) => e.undoOf !== undefined).map((e) => e.undoOf));
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const e = this.entries[i]!;
      if (e.action !== "undo" && !undone.has(e.seq)) return e;
    }
    return undefined;
  }
}
