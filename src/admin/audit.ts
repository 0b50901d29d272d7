import { appendFileSync, existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Change } from "../knowledge/store.js";

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
 */
export class AuditLog {
  private entries: AuditEntry[] = [];

  constructor(readonly file: string) {
    mkdirSync(dirname(file), { recursive: true });
    if (existsSync(file)) {
      const text = readFileSync(file, "utf8");
      // End a torn last line so the next entry starts on a line of its own.
      if (text && !text.endsWith("\n")) appendFileSync(file, "\n");
      for (const line of text.split("\n")) {
        if (!line.trim()) continue;
        try {
          this.entries.push(JSON.parse(line) as AuditEntry);
        } catch {
          // A torn last line after a crash: the save it describes may or may not have happened; skip it.
        }
      }
    }
  }

  static open(dataDir: string): AuditLog {
    return new AuditLog(join(dataDir, "audit.jsonl"));
  }

  private get pendingFile(): string {
    return `${this.file}.pending`;
  }

  /** Numbers the next entry and writes it aside before its save (one save at a time). */
  prepare(entry: Omit<AuditEntry, "seq">): AuditEntry {
    const full: AuditEntry = { seq: (this.entries.at(-1)?.seq ?? 0) + 1, ...entry };
    const tmp = `${this.pendingFile}.tmp`;
    writeFileSync(tmp, JSON.stringify(full));
    renameSync(tmp, this.pendingFile);
    return full;
  }

  /** The save of the prepared entry happened: it joins the trail. */
  confirm(entry: AuditEntry): void {
    appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    this.entries.push(entry);
    this.discard();
  }

  /** The save of the prepared entry did not happen. */
  discard(): void {
    rmSync(this.pendingFile, { force: true });
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
