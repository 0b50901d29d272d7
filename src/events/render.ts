import { createHash } from "node:crypto";
import { createCallbackData } from "callback-data";
import type { KEvent, Knowledge, Official } from "../knowledge/schema.js";
import { provinceName, provinceShort } from "../knowledge/provinces.js";
import { formatDate, formatShortDate, formatTime, joinList } from "../knowledge/format.js";
import { sourceLine } from "../knowledge/kinds/sources.js";
import { translator, type Translate } from "../i18n/translate.js";
import type { OutgoingMessage, Progress } from "./queue.js";
import { reminderSlots } from "./schedule.js";
import type { Timeline } from "./timeline.js";
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

function officialLabel(o: Official, lookup: CardLookup, t: Translate): string {
  const place = o.province ? provinceShort(o.province) : ((o.organisation && lookup.organisation(o.organisation)?.short) ?? "");
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

/** Longest event card: with the head and footer of an announcement it still fits one Telegram message (4,096). */
export const MAX_CARD = 3_600;
/** Participants and agenda items shown on a card; the rest are counted. */
const CARD_PEOPLE = 12;
const CARD_AGENDA = 12;

/** Records by id for a card, found at once when the caller has an index (a large base), else by a scan. */
export interface CardLookup {
  official(id: string): Official | undefined;
  organisation(id: string): { short?: string } | undefined;
  source(id: string): { title: string; publisher: string; author?: string; date: string } | undefined;
}

/** A lookup that scans the lists of a base (fine for a small one; the bot passes its store's index). */
export function scanLookup(kb: Knowledge): CardLookup {
  return {
    official: (id) => kb.officials.find((o) => o.id === id),
    organisation: (id) => kb.organisations.find((o) => o.id === id),
    source: (id) => kb.sources.find((x) => x.id === id),
  };
}

/** Shortens text to `max` characters, ending with "…" when cut. */
function cut(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;
}

/** The detail card of one event, as plain text; long lists of participants and agenda items are shortened. */
export function eventCard(e: KEvent, kb: Knowledge, lang: Lang, lookup: CardLookup = scanLookup(kb)): string {
  const t = translator(lang);
  const { date, time } = whenText(e, lang);
  const lines = [`📅 ${e.title}`, t(`kind-${e.kind}`).replace(/^./, (c) => c.toUpperCase()), ""];
  lines.push(t("events-card-date", { date }), t("events-card-time", { time }));
  lines.push(t("events-card-venue", { venue: [e.venue, e.address].filter(Boolean).join(", ") }));
  lines.push(t("events-card-city", { city: e.city, province: provinceName(e.province) }));
  const people = e.participants.map((id) => lookup.official(id)).filter((o): o is Official => !!o);
  if (people.length) {
    const shown = people.slice(0, CARD_PEOPLE).map((o) => officialLabel(o, lookup, t));
    const list = people.length > CARD_PEOPLE ? `${shown.join(", ")}, ${t("events-card-more-people", { n: people.length - CARD_PEOPLE })}` : joinList(shown, lang);
    lines.push(t("events-card-participants", { people: list }));
  }
  const s = lookup.source(e.sourceId);
  const source = s ? sourceLine(s, t, lang) : "";
  const budget = MAX_CARD - (source ? source.length + 2 : 0);
  if (e.agenda.length) {
    // As many items as fit, and how many more there are.
    const items: string[] = [];
    let size = lines.join("\n").length + t("events-card-agenda").length + 2;
    for (const a of e.agenda.slice(0, CARD_AGENDA)) {
      const item = `• ${cut(a, 200)}`;
      if (size + item.length + 1 + 60 > budget) break;
      items.push(item);
      size += item.length + 1;
    }
    lines.push("", t("events-card-agenda"), ...items);
    if (e.agenda.length > items.length) lines.push(t("events-card-more-agenda", { n: e.agenda.length - items.length }));
  }
  const body = cut(lines.join("\n"), budget);
  return source ? `${body}\n\n${source}` : body;
}

/** Events listed on one page of /acara. */
export const EVENTS_PER_PAGE = 8;

/** One page of /acara: its text, the events on it (numbered through all pages), and where it is. */
export interface EventsPage {
  text: string;
  events: Array<{ n: number; event: KEvent }>;
  page: number;
  pages: number;
}

/**
 * A page of the event list: upcoming events soonest first, then the past
 * ones latest first, EVENTS_PER_PAGE at a time, taken from the timeline (no
 * sort, no scan of every event). Titles and cities are shortened so the page
 * fits one message whatever the data.
 */
export function eventsPage(timeline: Timeline, find: (id: string) => KEvent | undefined, now: Date, page: number, lang: Lang): EventsPage {
  const t = translator(lang);
  const upcoming = timeline.upcoming(now, 0, 0).total;
  const past = timeline.past(now, 0, 0).total;
  const total = upcoming + past;
  if (!total) return { text: t("events-none"), events: [], page: 0, pages: 0 };
  const pages = Math.ceil(total / EVENTS_PER_PAGE);
  const p = Math.min(Math.max(0, Math.floor(page) || 0), pages - 1);
  const from = p * EVENTS_PER_PAGE;
  const to = Math.min(total, from + EVENTS_PER_PAGE);
  const ids: string[] = [];
  if (from < upcoming) ids.push(...timeline.upcoming(now, from, Math.min(to, upcoming) - from).ids);
  if (to > upcoming) ids.push(...timeline.past(now, Math.max(0, from - upcoming), to - Math.max(from, upcoming)).ids);
  const lines: string[] = [];
  const events: EventsPage["events"] = [];
  if (p === 0 && !upcoming) lines.push(t("events-list-no-upcoming"), "");
  let section: "upcoming" | "past" | undefined;
  ids.forEach((id, i) => {
    const event = find(id);
    if (!event) return;
    const n = from + i + 1;
    const here = n <= upcoming ? "upcoming" : "past";
    if (here !== section) {
      if (section) lines.push("");
      lines.push(t(here === "upcoming" ? "events-list-upcoming" : "events-list-past"));
      section = here;
    }
    events.push({ n, event });
    lines.push(t("events-list-line", { n, title: cut(event.title, 80), date: formatShortDate(event.date, lang), city: cut(event.city, 40) }));
  });
  lines.push("");
  if (pages > 1) lines.push(t("events-list-page", { page: p + 1, pages }));
  lines.push(t("events-list-hint"));
  return { text: lines.join("\n"), events, page: p, pages };
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
  lookup: CardLookup = scanLookup(kb),
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
  return { text: `${head}\n\n${eventCard(e, kb, lang, lookup)}\n\n${t("events-announce-footer")}`, reply_markup: { inline_keyboard: buttons } };
}

/** Both languages of a broadcast message. */
export function broadcastMessages(kind: Parameters<typeof broadcastMessage>[0], e: KEvent, kb: Knowledge, at?: Date, lookup: CardLookup = scanLookup(kb)): { id: OutgoingMessage; en: OutgoingMessage } {
  return { id: broadcastMessage(kind, e, kb, "id", at, lookup), en: broadcastMessage(kind, e, kb, "en", at, lookup) };
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
