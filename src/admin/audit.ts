import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Change } from "../knowledge/store.js";

/** What kind of change an audit entry records. */
export type AuditAction = "add" | "edit" | "delete" | "import" | "undo";

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

  /** Appends one entry and returns it with its sequence number. */
  append(entry: Omit<AuditEntry, "seq">): AuditEntry {
    const full: AuditEntry = { seq: (this.entries.at(-1)?.seq ?? 0) + 1, ...entry };
    appendFileSync(this.file, `${JSON.stringify(full)}\n`);
    this.entries.push(full);
    return full;
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
