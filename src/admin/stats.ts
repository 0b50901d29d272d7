import { join } from "node:path";
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import type { Low } from "lowdb";
import { type BackgroundWriter, WriteGuard } from "../storage/guard.js";
import { openJson } from "../storage/json-file.js";

dayjs.extend(utc);
dayjs.extend(timezone);

interface Doc {
  /** Per day (YYYY-MM-DD, Asia/Jakarta): questions asked and answered. */
  days: Record<string, { asked: number; answered: number }>;
  /** Answered questions per intent. */
  intents: Record<string, number>;
}

/**
 * Question counts for /statistik, in `DATA_DIR/stats.json`, written in the
 * background through the write guard: within a second of a question (a burst
 * costs one write), and while the disk refuses, kept in memory and retried.
 */
export class QuestionStats {
  private readonly writer: BackgroundWriter;

  private constructor(
    private readonly db: Low<Doc>,
    file: string,
    guard: WriteGuard,
  ) {
    db.data.days ??= {};
    db.data.intents ??= {};
    this.writer = guard.writer("stats", file, () => db.write(), { delayMs: 1_000, minIntervalMs: 1_000 });
  }

  /** Opens DATA_DIR/stats.json (one that is not JSON is set aside and counting starts afresh). */
  static async open(dataDir: string, guard = new WriteGuard()): Promise<QuestionStats> {
    const file = join(dataDir, "stats.json");
    const db = await openJson<Doc>(file, { days: {}, intents: {} }, (c) => guard.logger?.error({ path: c.file, moved_to: c.movedTo }, "stats.json was not valid JSON; starting empty"));
    return new QuestionStats(db, file, guard);
  }

  /** Counts one question; saved within a second (batched, so a burst costs one write). */
  record(answer: { answered: boolean; intent: string | null }, now = new Date()): void {
    // Asia/Jakarta is UTC+7 all year (no DST): plain arithmetic, as dayjs.tz costs more than answering the question.
    const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const d = (this.db.data.days[day] ??= { asked: 0, answered: 0 });
    d.asked++;
    if (answer.answered) {
      d.answered++;
      if (answer.intent && Object.hasOwn(this.db.data.intents, answer.intent)) this.db.data.intents[answer.intent]!++;
      else if (answer.intent) Object.defineProperty(this.db.data.intents, answer.intent, { value: 1, writable: true, enumerable: true, configurable: true });
    }
    this.writer.schedule();
  }

  /** Writes what is pending now; false when the disk refused (kept and retried). Never rejects. */
  flush(): Promise<boolean> {
    return this.writer.flush();
  }

  /** The last `n` days with questions (newest first), totals and the top intents. */
  summary(n = 7, top = 5): { days: Array<{ day: string; asked: number; answered: number }>; asked: number; answered: number; intents: Array<[string, number]> } {
    const days = Object.entries(this.db.data.days)
      .sort(([a], [b]) => b.localeCompare(a))
      .slice(0, n)
      .map(([day, v]) => ({ day, ...v }));
    const all = Object.values(this.db.data.days);
    return {
      days,
      asked: all.reduce((s, d) => s + d.asked, 0),
      answered: all.reduce((s, d) => s + d.answered, 0),
      intents: Object.entries(this.db.data.intents).sort((a, b) => b[1] - a[1]).slice(0, top),
    };
  }
}
