import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import type { KEvent } from "../knowledge/schema.js";
import type { ReminderRule } from "./config.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** Default start assumed for events known only by their date (local time). */
export const DATE_ONLY_START = "08:00";

/** Indonesia's zones, without daylight saving and with these offsets since 1988 (hours east of UTC). */
const FIXED_OFFSET: Readonly<Record<string, number>> = { "Asia/Jakarta": 7, "Asia/Pontianak": 7, "Asia/Makassar": 8, "Asia/Jayapura": 9 };

/**
 * A local wall-clock time in the event's zone, as an instant. Indonesian
 * zones since 1988 are a fixed offset, computed directly (the time-zone
 * database is consulted for anything else; it is slow enough to matter for a
 * base of many thousands of events).
 */
export function localInstant(date: string, hhmm: string, tz: string): Date {
  const offset = FIXED_OFFSET[tz];
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const t = /^(\d{2}):(\d{2})$/.exec(hhmm);
  if (offset !== undefined && d && t && Number(d[1]) >= 1988) {
    return new Date(Date.UTC(Number(d[1]), Number(d[2]) - 1, Number(d[3]), Number(t[1]) - offset, Number(t[2])));
  }
  return dayjs.tz(`${date} ${hhmm}`, "YYYY-MM-DD HH:mm", tz).toDate();
}

/** When the event starts; date-only events at `dateOnlyStart` local time (for reminders only). */
export function eventStart(e: KEvent, dateOnlyStart = DATE_ONLY_START): Date {
  return localInstant(e.date, e.time ?? dateOnlyStart, e.timezone);
}

/** When the event is over: its end time, two hours after a known start, or the end of its local day. */
export function eventEnd(e: KEvent): Date {
  if (e.endTime && e.time && e.endTime > e.time) return localInstant(e.date, e.endTime, e.timezone);
  if (e.time) return new Date(localInstant(e.date, e.time, e.timezone).getTime() + 2 * 3600_000);
  const midnight = localInstant(e.date, "00:00", e.timezone);
  return FIXED_OFFSET[e.timezone] !== undefined && midnight.getUTCFullYear() >= 1988
    ? new Date(midnight.getTime() + 86_400_000)
    : dayjs.tz(`${e.date} 00:00`, "YYYY-MM-DD HH:mm", e.timezone).add(1, "day").toDate();
}

/** True while the event has not ended yet. */
export function isUpcoming(e: KEvent, now: Date): boolean {
  return eventEnd(e).getTime() > now.getTime();
}

/** One planned reminder of one event. */
export interface ReminderSlot {
  eventId: string;
  rule: string;
  at: Date;
  /** Stable identity: the same event, rule and time always give the same key. */
  key: string;
}

/**
 * Reminder times of an event, computed in the event's own time zone: "-1d"
 * for an event at 09:00 WITA (Asia/Makassar) is 09:00 WITA the day before,
 * i.e. 01:00 UTC. Offsets in days move the local calendar day, so the wall
 * clock time is kept. Sorted by time; duplicates (two rules landing on the
 * same minute) are dropped.
 */
export function reminderSlots(e: KEvent, rules: ReminderRule[], dateOnlyStart = DATE_ONLY_START): ReminderSlot[] {
  const start = dayjs.tz(`${e.date} ${e.time ?? dateOnlyStart}`, "YYYY-MM-DD HH:mm", e.timezone);
  const seen = new Set<number>();
  const slots: ReminderSlot[] = [];
  for (const rule of rules) {
    let at: dayjs.Dayjs;
    if (rule.kind === "before") {
      at = rule.minutes % 1440 === 0 ? start.subtract(rule.minutes / 1440, "day") : start.subtract(rule.minutes, "minute");
    } else {
      at = dayjs.tz(`${e.date} ${rule.at}`, "YYYY-MM-DD HH:mm", e.timezone);
      if (!at.isBefore(start)) at = start.subtract(1, "hour");
    }
    const ms = at.valueOf();
    if (seen.has(ms)) continue;
    seen.add(ms);
    const stamp = dayjs(ms).utc().format("YYYYMMDDTHHmm");
    slots.push({ eventId: e.id, rule: rule.label, at: new Date(ms), key: `rem:${e.id}:${stamp}` });
  }
  return slots.sort((a, b) => a.at.getTime() - b.at.getTime());
}

/** Upcoming events soonest first, then up to `past` of the latest ended ones, newest first. */
export function browseList(events: KEvent[], now: Date, past = 3): { upcoming: KEvent[]; past: KEvent[] } {
  const byStart = [...events].sort((a, b) => eventStart(a).getTime() - eventStart(b).getTime());
  return {
    upcoming: byStart.filter((e) => isUpcoming(e, now)),
    past: byStart.filter((e) => !isUpcoming(e, now)).reverse().slice(0, past),
  };
}
