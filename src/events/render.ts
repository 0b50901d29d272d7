import { createHash } from "node:crypto";
import { createCallbackData } from "callback-data";
import type { KEvent, Knowledge, Official } from "../knowledge/schema.js";
import { provinceName, provinceShort } from "../knowledge/provinces.js";
import { formatDate, formatTime, joinList } from "../knowledge/format.js";
import { sourceLine } from "../knowledge/kinds/sources.js";
import { translator, type Translate } from "../i18n/translate.js";
import type { OutgoingMessage, Progress } from "./queue.js";
import { reminderSlots } from "./schedule.js";
import type { EventsConfig } from "./config.js";

type Lang = "id" | "en";

/** Inline button as the Bot API takes it (kept as plain data so the domain needs no grammY). */
export interface Button {
  text: string;
  callback_data: string;
}

/** What an event button does: open the card, send the calendar file, the location, remind me. */
export const EVENT_ACTIONS = ["o", "ics", "loc", "rem"] as const;
/** One of EVENT_ACTIONS. */
export type EventAction = (typeof EVENT_ACTIONS)[number];

/**
 * Callback data of an event's buttons, "ev:<action>:<ref>" (the same in
 * chats, announcements and reminders). Read them with `readEventButton`.
 */
export const eventButton = createCallbackData("ev", { action: String, ref: String });

/** Callback data of the button back to the /acara list ("ev:list"). */
export const eventListButton = createCallbackData("ev", { action: String }).pack({ action: "list" });

/** The action and event reference of an event button, or undefined for data no event button carries (forged, or of an older version). */
export function readEventButton(data: string): { action: EventAction; ref: string } | undefined {
  let read: { action: string; ref: string };
  try {
    read = eventButton.unpack(data);
  } catch {
    return undefined;
  }
  const action = EVENT_ACTIONS.find((a) => a === read.action);
  return action && read.ref ? { action, ref: read.ref } : undefined;
}

/**
 * Short reference of an event for callback data (64 bytes at most): the id
 * itself when short enough, else "#" and a hash of it.
 */
export function eventRef(id: string): string {
  return id.length <= 48 ? id : `#${createHash("sha1").update(id).digest("hex").slice(0, 16)}`;
}

/** Finds the event a reference points at. */
export function findEvent(kb: Knowledge, ref: string): KEvent | undefined {
  return ref.startsWith("#") ? kb.events.find((e) => eventRef(e.id) === ref) : kb.events.find((e) => e.id === ref);
}

function officialLabel(o: Official, kb: Knowledge, t: Translate): string {
  const place = o.province ? provinceShort(o.province) : (kb.organisations.find((x) => x.id === o.organisation)?.short ?? "");
  return `${o.name} (${t(`role-${o.role}`)}${place ? ` ${place}` : ""})`;
}

/** "Kamis, 8 Mei 2025" and "09.00 WITA" (or the note that the time is not known). */
export function whenText(e: KEvent, lang: Lang): { date: string; time: string } {
  const t = translator(lang);
  const time = e.time
    ? `${formatTime(e.time, e.timezone, lang)}${e.endTime ? `–${formatTime(e.endTime, e.timezone, lang)}` : ""}`
    : t("events-time-unknown");
  return { date: formatDate(e.date, lang), time };
}

/** The detail card of one event, as plain text. */
export function eventCard(e: KEvent, kb: Knowledge, lang: Lang): string {
  const t = translator(lang);
  const { date, time } = whenText(e, lang);
  const lines = [`📅 ${e.title}`, t(`kind-${e.kind}`).replace(/^./, (c) => c.toUpperCase()), ""];
  lines.push(t("events-card-date", { date }), t("events-card-time", { time }));
  lines.push(t("events-card-venue", { venue: [e.venue, e.address].filter(Boolean).join(", ") }));
  lines.push(t("events-card-city", { city: e.city, province: provinceName(e.province) }));
  const people = e.participants.map((id) => kb.officials.find((o) => o.id === id)).filter((o): o is Official => !!o);
  if (people.length) lines.push(t("events-card-participants", { people: joinList(people.map((o) => officialLabel(o, kb, t)), lang) }));
  if (e.agenda.length) lines.push("", t("events-card-agenda"), ...e.agenda.map((a) => `• ${a}`));
  const s = kb.sources.find((x) => x.id === e.sourceId);
  if (s) lines.push("", sourceLine(s, t, lang));
  return lines.join("\n");
}

/** Buttons under a card: calendar, location (when known), reminder (while upcoming), back to the list. */
export function cardButtons(e: KEvent, lang: Lang, opts: { upcoming: boolean; back?: boolean }): Button[][] {
  const t = translator(lang);
  const ref = eventRef(e.id);
  const rows: Button[][] = [[{ text: t("events-btn-calendar"), callback_data: eventButton.pack({ action: "ics", ref }) }]];
  if (e.latitude !== undefined && e.longitude !== undefined) rows[0]!.push({ text: t("events-btn-location"), callback_data: eventButton.pack({ action: "loc", ref }) });
  if (opts.upcoming) rows.push([{ text: t("events-btn-remind"), callback_data: eventButton.pack({ action: "rem", ref }) }]);
  if (opts.back) rows.push([{ text: t("events-btn-list"), callback_data: eventListButton }]);
  return rows;
}

/** The announcement of a new or changed event, or a reminder, with the card's buttons. */
export function broadcastMessage(
  kind: "added" | "changed" | "manual" | "reminder",
  e: KEvent,
  kb: Knowledge,
  lang: Lang,
  reminderAt?: Date,
): OutgoingMessage {
  const t = translator(lang);
  let head: string;
  if (kind === "reminder") {
    const start = new Date(`${e.date}T00:00:00Z`);
    const sameDay = reminderAt && new Date(reminderAt.getTime()).toLocaleDateString("en-CA", { timeZone: e.timezone }) === e.date;
    head = sameDay ? t("events-reminder-today") : t("events-reminder-soon", { date: formatDate(start.toISOString().slice(0, 10), lang) });
  } else {
    head = t(`events-announce-${kind}`);
  }
  const buttons = cardButtons(e, lang, { upcoming: true });
  return { text: `${head}\n\n${eventCard(e, kb, lang)}\n\n${t("events-announce-footer")}`, reply_markup: { inline_keyboard: buttons } };
}

/** Both languages of a broadcast message. */
export function broadcastMessages(kind: Parameters<typeof broadcastMessage>[0], e: KEvent, kb: Knowledge, at?: Date): { id: OutgoingMessage; en: OutgoingMessage } {
  return { id: broadcastMessage(kind, e, kb, "id", at), en: broadcastMessage(kind, e, kb, "en", at) };
}

/** The admin's progress message. */
export function progressText(p: Progress, lang: Lang): string {
  const t = translator(lang);
  return t(p.done ? "events-progress-done" : "events-progress", {
    id: p.id,
    sent: p.sent,
    failed: p.failed + p.blocked,
    blocked: p.blocked,
    left: p.left,
    total: p.total,
  });
}

/** When the reminders of an event go out, in its local time ("Rabu, 7 Mei 2025 08.00 WITA"). */
export function reminderTimesText(e: KEvent, config: EventsConfig, lang: Lang, now: Date): string[] {
  return reminderSlots(e, config.reminderOffsets, config.dateOnlyStart)
    .filter((s) => s.at.getTime() > now.getTime())
    .map((s) => {
      const local = new Date(s.at).toLocaleString("sv-SE", { timeZone: e.timezone }); // "2025-05-07 08:00:00"
      const [d, hm] = local.split(" ");
      return `${formatDate(d!, lang)} ${formatTime(hm!.slice(0, 5), e.timezone, lang)}`;
    });
}
