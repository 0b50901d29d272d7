import { createEvent, type DateTime, type EventAttributes } from "ics";
import type { KEvent, Knowledge } from "../knowledge/schema.js";
import { provinceName } from "../knowledge/provinces.js";
import { localInstant } from "./schedule.js";

function utcParts(d: Date): DateTime {
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes()];
}

function dateParts(iso: string, addDays = 0): DateTime {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + addDays);
  return [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
}

/**
 * An iCalendar (RFC 5545) file for one event. Timed events are written in UTC
 * (DTSTART:...Z), converted from the event's own zone, so every calendar shows
 * the right local time: 09:00 WITA becomes 01:00Z. Without an end time the
 * event is given two hours. Date-only events are all-day (VALUE=DATE).
 */
export function eventIcs(e: KEvent, kb: Knowledge): string {
  const source = kb.sources.find((s) => s.id === e.sourceId);
  const description = [
    e.purpose ? `${e.purpose}.` : "",
    ...e.agenda.map((a) => `- ${a}`),
    source ? `Sumber: ${source.title}, ${source.publisher}${source.url ? ` ${source.url}` : ""}` : "",
  ]
    .filter(Boolean)
    .join("\n");
  const when: Pick<EventAttributes, "start" | "startInputType" | "startOutputType"> & ({ end: DateTime } | { duration: { hours: number } }) = e.time
    ? {
        start: utcParts(localInstant(e.date, e.time, e.timezone)),
        startInputType: "utc",
        startOutputType: "utc",
        ...(e.endTime && e.endTime > e.time
          ? { end: utcParts(localInstant(e.date, e.endTime, e.timezone)) }
          : { duration: { hours: 2 } }),
      }
    : { start: dateParts(e.date), end: dateParts(e.date, 1) };
  const attrs = {
    ...when,
    ...(e.time && e.endTime ? { endInputType: "utc" as const, endOutputType: "utc" as const } : {}),
    title: e.title,
    description,
    location: [e.venue, e.address, e.city, provinceName(e.province)].filter(Boolean).join(", "),
    ...(e.latitude !== undefined && e.longitude !== undefined ? { geo: { lat: e.latitude, lon: e.longitude } } : {}),
    ...(source?.url ? { url: source.url } : {}),
    uid: `${e.id}@sinergi`,
    productId: "sinergi/events",
    status: "CONFIRMED",
  } as EventAttributes;
  const { error, value } = createEvent(attrs);
  if (error || !value) throw error ?? new Error("ics: empty calendar");
  return value;
}

/** File name for an event's calendar file. */
export function icsFileName(e: KEvent): string {
  return `${e.id}.ics`;
}
