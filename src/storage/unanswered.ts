import { join } from "node:path";
import type { Low } from "lowdb";
import { type BackgroundWriter, WriteGuard } from "./guard.js";
import { openJson } from "./json-file.js";

/** One question the bot could not answer, grouped by its normalised text. */
export interface UnansweredEntry {
  normalized: string;
  /** The latest wording a user typed (cut to `maxExample` characters). */
  example: string;
  count: number;
  lastAsked: string;
}

interface Doc {
  questions: Record<string, UnansweredEntry>;
}

/** How much the log keeps, and how often it is written. */
export interface UnansweredLimits {
  /** Distinct questions kept; past it the least asked (then the oldest) is forgotten. */
  maxEntries: number;
  /** Characters of the normalised text kept as the grouping key. */
  maxKey: number;
  /** Characters of the example wording kept. */
  maxExample: number;
  /** Delay between a question and its write, so a burst costs one write. */
  delayMs: number;
  /** Least time between two writes of the file. */
  minIntervalMs: number;
}

export const DEFAULT_UNANSWERED_LIMITS: UnansweredLimits = { maxEntries: 1000, maxKey: 200, maxExample: 300, delayMs: 1_000, minIntervalMs: 5_000 };

/** Cuts a text to `max` UTF-16 units without splitting a surrogate pair. */
function cut(text: string, max: number): string {
  if (text.length <= max) return text;
  const end = /[\uD800-\uDBFF]/.test(text.charAt(max - 1)) ? max - 1 : max;
  return text.slice(0, end);
}

/** The grouping key: the normalised text, spaces collapsed, lower case, bounded. */
export function unansweredKey(normalized: string, maxKey = DEFAULT_UNANSWERED_LIMITS.maxKey): string {
  return cut(normalized.replace(/\s+/g, " ").trim().toLowerCase(), maxKey).trimEnd();
}

/**
 * Unanswered questions in `DATA_DIR/unanswered.json`, for admins to learn
 * from. Bounded: at most `maxEntries` distinct questions (grouped by
 * normalised text), texts cut to a few hundred characters, and the file
 * written at most once per `minIntervalMs` through the write guard (so a
 * full disk only delays it).
 */
export class UnansweredLog {
  private readonly questions = new Map<string, UnansweredEntry>();
  private readonly writer: BackgroundWriter;

  private constructor(
    private readonly db: Low<Doc>,
    file: string,
    guard: WriteGuard,
    private readonly limits: UnansweredLimits,
  ) {
    const stored = db.data?.questions && typeof db.data.questions === "object" ? Object.values(db.data.questions) : [];
    // A file from an older version may hold thousands of long texts: keep the most asked, cut.
    for (const e of stored.filter((x) => x && typeof x.normalized === "string").sort((a, b) => (b.count ?? 0) - (a.count ?? 0))) {
      this.add(e.normalized, String(e.example ?? e.normalized), new Date(e.lastAsked ?? 0), Math.max(1, Number(e.count) || 1));
    }
    this.writer = guard.writer("unanswered", file, () => this.write(), {
      delayMs: limits.delayMs,
      minIntervalMs: limits.minIntervalMs,
    });
  }

  static async open(dataDir: string, guard = new WriteGuard(), limits: Partial<UnansweredLimits> = {}): Promise<UnansweredLog> {
    const file = join(dataDir, "unanswered.json");
    const db = await openJson<Doc>(file, { questions: {} }, (c) => guard.logger?.error({ path: c.file, moved_to: c.movedTo }, "unanswered.json was not valid JSON; starting empty"));
    return new UnansweredLog(db, file, guard, { ...DEFAULT_UNANSWERED_LIMITS, ...limits });
  }

  /** Counts one more occurrence of a question and saves (false: kept in memory, saved later). */
  async record(normalized: string, example: string, now = new Date()): Promise<boolean> {
    this.add(normalized, example, now);
    return this.flush();
  }

  /** Counts one more occurrence and saves within the write delay (several questions in one write). */
  recordSoon(normalized: string, example: string, now = new Date()): void {
    if (this.add(normalized, example, now)) this.writer.schedule();
  }

  /** Counts one more occurrence in memory; `flush` saves (for batch use). Returns false when there is nothing to count. */
  add(normalized: string, example: string, now = new Date(), times = 1): boolean {
    const key = unansweredKey(normalized, this.limits.maxKey);
    if (!key) return false;
    const cur = this.questions.get(key);
    if (!cur && this.questions.size >= this.limits.maxEntries) this.evict();
    this.questions.set(key, {
      normalized: key,
      example: cut(example.replace(/\s+/g, " ").trim(), this.limits.maxExample),
      count: (cur?.count ?? 0) + times,
      lastAsked: now.toISOString(),
    });
    return true;
  }

  /** Forgets the least asked question (the oldest of those), to make room. */
  private evict(): void {
    let worst: UnansweredEntry | undefined;
    for (const e of this.questions.values()) {
      if (!worst || e.count < worst.count || (e.count === worst.count && e.lastAsked < worst.lastAsked)) worst = e;
    }
    if (worst) this.questions.delete(worst.normalized);
  }

  /** Writes what is pending now; false when the disk refused (kept in memory and retried). */
  flush(): Promise<boolean> {
    this.writer.schedule();
    return this.writer.flush();
  }

  private async write(): Promise<void> {
    this.db.data = { questions: Object.fromEntries(this.questions) };
    await this.db.write();
  }

  /** Distinct questions held. */
  get size(): number {
    return this.questions.size;
  }

  /** Most frequent first, then most recent. */
  top(limit = 10): UnansweredEntry[] {
    return [...this.questions.values()].sort((a, b) => b.count - a.count || b.lastAsked.localeCompare(a.lastAsked)).slice(0, limit);
  }
}
