/**
 * Settings of announcements, reminders and the delivery queue, validated with
 * the rest of the environment by `loadConfig` (src/config.ts) into `config.events`:
 *
 * - BROADCAST_RATE: messages per second for all chats together (Telegram allows about 30; default 25).
 * - BROADCAST_CONCURRENCY: sends in flight at once (default 4; also the most a crash can repeat).
 * - REMINDER_OFFSETS: comma-separated reminder rules, default "-1d,@07:00":
 *     "-1d"    one day before, at the event's local start time ("-2h", "-30m" also work);
 *     "@07:00" on the morning of the day at 07:00 local time (or one hour before a start earlier than that).
 *   Events known only by their date are treated as starting at DATE_ONLY_START (default 08:00 local), so
 *   "-1d" reminds at 08:00 the day before and "@07:00" at 07:00 on the day.
 * - REMINDER_TICK_MS: how often due reminders are looked for (default 30 s).
 */
export interface EventsConfig {
  rate: number;
  concurrency: number;
  reminderOffsets: ReminderRule[];
  dateOnlyStart: string;
  tickMs: number;
}

/** One reminder rule: a fixed offset before the start, or a local clock time on the day. */
export type ReminderRule = { kind: "before"; minutes: number; label: string } | { kind: "morning"; at: string; label: string };

/** Parses "-1d", "-2h", "-30m" or "@07:00"; throws on anything else. */
export function parseReminderRule(spec: string): ReminderRule {
  const s = spec.trim();
  const before = /^-(\d+)([dhm])$/.exec(s);
  if (before) {
    const n = Number(before[1]);
    const minutes = before[2] === "d" ? n * 1440 : before[2] === "h" ? n * 60 : n;
    return { kind: "before", minutes, label: s };
  }
  const at = /^@([01]\d|2[0-3]):([0-5]\d)$/.exec(s);
  if (at) return { kind: "morning", at: `${at[1]}:${at[2]}`, label: s };
  throw new Error(`REMINDER_OFFSETS: "${spec}" is neither an offset like -1d/-2h/-30m nor a local time like @07:00`);
}
