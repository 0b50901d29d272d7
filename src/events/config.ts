import { z } from "zod";

/**
 * Settings of announcements, reminders and the delivery queue, read from the
 * environment once at start-up (kept here so the shared config stays small).
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

const schema = z.object({
  BROADCAST_RATE: z.coerce.number().positive().max(100_000).default(25),
  BROADCAST_CONCURRENCY: z.coerce.number().int().positive().max(1000).default(4),
  REMINDER_OFFSETS: z.string().default("-1d,@07:00"),
  DATE_ONLY_START: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "DATE_ONLY_START must be HH:mm").default("08:00"),
  REMINDER_TICK_MS: z.coerce.number().int().positive().default(30_000),
});

/** Reads the events settings; throws one clear line on a bad value. */
export function loadEventsConfig(env: NodeJS.ProcessEnv = process.env): EventsConfig {
  const r = schema.safeParse(env);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new Error(`${String(issue.path[0])}: ${issue.message}`);
  }
  const c = r.data;
  return {
    rate: c.BROADCAST_RATE,
    concurrency: c.BROADCAST_CONCURRENCY,
    reminderOffsets: c.REMINDER_OFFSETS.split(",").filter((s) => s.trim()).map(parseReminderRule),
    dateOnlyStart: c.DATE_ONLY_START,
    tickMs: c.REMINDER_TICK_MS,
  };
}
