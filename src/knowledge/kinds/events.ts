import { formatDate, formatTime, zoneAbbr } from "../format.js";
import { provinceName } from "../provinces.js";
import type { KEvent } from "../schema.js";
import { cityKey, list, officialNames, orgName, orgRefs, pairName } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function timeText(e: KEvent, c: RenderCtx): string | null {
  if (!e.time) return null;
  const start = formatTime(e.time, e.timezone, c.lang);
  return e.endTime ? c.t("ans-time-range", { start, end: formatTime(e.endTime, e.timezone, c.lang) }) : start;
}

function whenText(e: KEvent, c: RenderCtx): string {
  const time = timeText(e, c);
  return c.t("ans-event-when", { title: e.title, date: formatDate(e.date, c.lang), time: time ?? "none" });
}

function participants(e: KEvent, c: RenderCtx): string | null {
  const named = c.people ? e.participants.filter((p) => c.people!.has(p)) : [];
  const shown = named.length ? named : e.participants;
  return shown.length ? c.t("event-who", { title: e.title, people: list(c, officialNames(c, shown)) }) : null;
}

function whereText(e: KEvent, c: RenderCtx): string {
  return c.t("event-where", { title: e.title, venue: e.venue, address: e.address ? `, ${e.address}` : "", city: e.city, province: provinceName(e.province) });
}

function today(c: RenderCtx): string {
  return c.now.toISOString().slice(0, 10);
}

/** Events: missions, signings, exhibitions, forums, visits — when, where, who, what for. */
export const events: KindDef<KEvent> = {
  collection: "events",
  code: "ev",
  name: "acara",
  words: [
    "acara", "kegiatan", "event", "agenda", "kunjungan", "berkunjung", "lawatan", "misi", "rombongan", "delegasi",
    "visit", "mission", "trip", "delegation",
  ],
  self: (e) => [`e:${e.id}`],
  names: (e) => {
    const out = [e.venue];
    // "Swiss-Belhotel Balikpapan" is also called "Swiss-Belhotel".
    const bare = e.venue.replace(new RegExp(`\\s*,?\\s*${e.city}$`, "i"), "");
    if (bare && bare !== e.venue) out.push(bare);
    return out;
  },
  refs: (e, kb) => {
    const out = [...e.provinces.map((p) => `p:${p}`), `p:${e.province}`, `at:${e.province}`, cityKey(e.city), `k:${e.kind}`];
    for (const o of e.organisers) out.push(...orgRefs(kb.get("organisations", o)));
    for (const p of e.participants) out.push(`f:${p}`);
    if (e.provinces.length > 1) out.push("k:kunjungan-kerja");
    for (const a of kb.referring("agreements", `events/${e.id}`)) {
      out.push(`a:${a.id}`, "k:penandatanganan-mou");
      for (const p of a.parties) out.push(...orgRefs(kb.get("organisations", p)).filter((k) => k.startsWith("o:")));
    }
    return out;
  },
  texts: (e) => [e.title, e.purpose ?? "", ...e.goals, ...e.agenda],
  years: (e) => [Number(e.date.slice(0, 4))],
  date: (e) => e.date,
  modifiers: {
    upcoming: (e, c) => e.date >= today(c),
    latest: (e, c) => e.date <= today(c),
  },
  attrs: {
    when: whenText,
    period: whenText,
    time: (e, c) => (e.time ? whenText(e, c) : null),
    where: whereText,
    venue: whereText,
    address: (e, c) => (e.address ? whereText(e, c) : null),
    city: whereText,
    province: whereText,
    who: (e, c) => participants(e, c),
    participants: (e, c) => participants(e, c),
    organiser: (e, c) => (e.organisers.length ? c.t("ans-event-organisers", { title: e.title, organisers: list(c, e.organisers.map((o) => orgName(c.kb, o))) }) : null),
    title: (e, c) => c.t("ans-event-title", { title: e.title, date: formatDate(e.date, c.lang), city: e.city }),
    endTime: (e, c) => (e.endTime ? whenText(e, c) : null),
    zone: (e, c) => c.t("ans-event-zone", { title: e.title, zone: zoneAbbr(e.timezone), city: e.city }),
    purpose: (e, c) => (e.purpose ? c.t("ans-event-purpose", { title: e.title, purpose: e.purpose }) : null),
    goals: (e, c) => (e.goals.length ? c.t("ans-event-goals", { title: e.title, goals: list(c, e.goals) }) : null),
    agenda: (e, c) => (e.agenda.length ? `${c.t("ans-event-agenda", { title: e.title })}\n${e.agenda.map((a) => `• ${a}`).join("\n")}` : null),
  },
  summary: (e, c) => {
    const lines = [whenText(e, c), whereText(e, c)];
    if (e.purpose) lines.push(c.t("ans-event-purpose", { title: e.title, purpose: e.purpose }));
    return lines.join(" ");
  },
  subject: (e, c) => `${c.t(`kind-${e.kind}`)} ${pairName(e.provinces)} ${c.lang === "id" ? "di" : "in"} ${e.city} ${e.date.slice(0, 4)}`,
  suggest: ["when", "where", "who", "purpose"],
  exampleRank: 2,
  label: (e, c) => c.t("ans-event-label", { title: e.title, date: formatDate(e.date, c.lang), city: e.city, pair: pairName(e.provinces) }),
  source: (e) => ({ sourceId: e.sourceId, validAsOf: e.validAsOf }),
  dependsOn: (e) => [...e.organisers.map((o) => `organisations/${o}`), ...e.participants.map((p) => `officials/${p}`)],
};
