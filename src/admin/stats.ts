import { join } from "node:path";
import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import type { Low } from "lowdb";
import { openJson } from "../storage/json-file.js";

dayjs.extend(utc);
dayjs.extend(timezone);

interface Doc {
  /** Per day (YYYY-MM-DD, Asia/Jakarta): questions asked and answered. */
  days: Record<string, { asked: number; answered: number }>;
  /** Answered questions per intent. */
  intents: Record<string, number>;
}

/** Question counts for /statistik, in `DATA_DIR/stats.json`. */
export class QuestionStats {
  private dirty = false;
  private timer?: NodeJS.Timeout;

  private constructor(private readonly db: Low<Doc>) {}

  static async open(dataDir: string): Promise<QuestionStats> {
    return new QuestionStats(await openJson<Doc>(join(dataDir, "stats.json"), { days: {}, intents: {} }));
  }

  /** Counts one question; saved within a second (batched, so a burst costs one write). */
  record(answer: { answered: boolean; intent: string | null }, now = new Date()): void {
    // Asia/Jakarta is UTC+7 all year (no DST): plain arithmetic, as dayjs.tz costs more than answering the question.
    const day = new Date(now.getTime() + 7 * 3_600_000).toISOString().slice(0, 10);
    const d = (this.db.data.days[day] ??= { asked: 0, answered: 0 });
    d.asked++;
    if (answer.answered) {
      d.answered++;
      if (answer.intent) this.db.data.intents[answer.intent] = (this.db.data.intents[answer.intent] ?? 0) + 1;
    }
    this.dirty = true;
    this.timer ??= setTimeout(() => void this.flush(), 1000);
    this.timer.unref?.();
  }

  async flush(): Promise<void> {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (!this.dirty) return;
    this.dirty = false;
    await this.db.write();
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
