import { join } from "node:path";
import type { Low } from "lowdb";
import { openJson } from "./json-file.js";

/** One question the bot could not answer, grouped by its normalised text. */
export interface UnansweredEntry {
  normalized: string;
  /** The latest wording a user typed. */
  example: string;
  count: number;
  lastAsked: string;
}

interface Doc {
  questions: Record<string, UnansweredEntry>;
}

/** Unanswered questions in `DATA_DIR/unanswered.json`, for admins to learn from. */
export class UnansweredLog {
  private constructor(private readonly db: Low<Doc>) {}

  static async open(dataDir: string): Promise<UnansweredLog> {
    return new UnansweredLog(await openJson<Doc>(join(dataDir, "unanswered.json"), { questions: {} }));
  }

  /** Counts one more occurrence of a question and saves. */
  async record(normalized: string, example: string, now = new Date()): Promise<void> {
    this.add(normalized, example, now);
    await this.flush();
  }

  /**
   * Counts one more occurrence and saves within `delayMs`, several questions
   * in one write (the bot's path: a whole-file write per question would cost
   * more than answering it). Shutdown calls `flush` for what is pending.
   */
  recordSoon(normalized: string, example: string, now = new Date(), delayMs = 1_000): void {
    this.add(normalized, example, now);
    if (this.timer) return;
    this.timer = setTimeout(() => {
      this.timer = undefined;
      this.flush().catch(() => undefined);
    }, delayMs);
    this.timer.unref();
  }

  private timer: NodeJS.Timeout | undefined;

  /** Counts one more occurrence in memory; `flush` saves (for batch use). */
  add(normalized: string, example: string, now = new Date()): void {
    if (!normalized.trim()) return;
    const q = this.db.data.questions;
    const cur = q[normalized];
    q[normalized] = { normalized, example, count: (cur?.count ?? 0) + 1, lastAsked: now.toISOString() };
  }

  async flush(): Promise<void> {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    await this.db.write();
  }

  /** Most frequent first, then most recent. */
  top(limit = 10): UnansweredEntry[] {
    return Object.values(this.db.data.questions)
      .sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked))
      .slice(0, limit);
  }
}
