import { agreementSchema, commodityDirections, eventKinds, officialRoles, organisationSchema, valueMeasures, valueStatuses, type Official, type Organisation, type Period } from "../knowledge/schema.js";
import { province as provinceOf } from "../knowledge/provinces.js";
import type { KRecord } from "../knowledge/store.js";
import { ZONES, zoneAbbr } from "../knowledge/format.js";
import type { Kind } from "./kinds.js";
import { parseAmount, parseDate, parseNumber, parseProvince, parseProvincePair, parseProvinces, parseTime, parseYear, type Parsed } from "./parse.js";

/** What a field parser can look at besides the text. */
export interface FieldEnv {
  /** Organisations of the base (for parties and an official's organisation). */
  orgs: ReadonlyArray<Pick<Organisation, "id" | "name" | "short" | "aliases">>;
  /** Officials of the base (for whose words a statement is). */
  officials: ReadonlyArray<Pick<Official, "id" | "name" | "nickname">>;
  now: Date;
  /** The record being built so far (earlier answers already applied). */
  draft: KRecord;
}

/** One question of the guided edit. */
export interface FieldSpec {
  /** Field name; also the locale suffix of its prompt (`admin-ask-<kind>-<key>`) and label (`admin-label-<key>`). */
  key: string;
  optional?: boolean;
  /** Enum values offered as buttons (labels: `admin-choice-<value>`). */
  choices?: readonly string[];
  /** Parses a typed answer (choices are handled by the caller). */
  parse?(text: string, env: FieldEnv): Parsed<unknown>;
  /** Writes the value into the draft (default: draft[key] = value; undefined deletes). */
  apply?(draft: KRecord, value: unknown): void;
  /** Reads the current value for display (default: draft[key]). */
  get?(draft: KRecord): unknown;
  /** Asked only when the draft so far makes it relevant (a seller only for a sales figure). */
  when?(draft: KRecord): boolean;
}

const text = (min = 1, max = 500) => (s: string): Parsed<string> => {
  const v = s.trim().replace(/\s+/g, " ");
  if (v.length < min) return { ok: false, error: "admin-err-empty" };
  if (v.length > max) return { ok: false, error: "admin-err-too-long", detail: String(max) };
  return { ok: true, value: v };
};
const list = (s: string): Parsed<string[]> => {
  const items = s.split(/[,;\n]/).map((x) => x.trim()).filter(Boolean);
  return items.length ? { ok: true, value: items } : { ok: false, error: "admin-err-empty" };
};

/** Organisation ids named by name, short name, alias or id. */
function parseOrgs(s: string, orgs: FieldEnv["orgs"]): Parsed<string[]> {
  const out: string[] = [];
  for (const name of s.split(/[,;\n]|\bdan\b/).map((x) => x.trim().toLowerCase()).filter(Boolean)) {
    const org = orgs.find((o) => [o.id, o.name, o.short ?? "", ...o.aliases].some((n) => n.toLowerCase() === name));
    if (!org) return { ok: false, error: "admin-err-org", detail: name };
    if (!out.includes(org.id)) out.push(org.id);
  }
  return out.length ? { ok: true, value: out } : { ok: false, error: "admin-err-empty" };
}

/** One official by name, nickname or id ("Seno Aji", "Pak Seno", "seno-aji"). */
function parseOfficial(s: string, officials: FieldEnv["officials"]): Parsed<string> {
  const name = s.trim().toLowerCase().replace(/\s+/g, " ");
  if (!name) return { ok: false, error: "admin-err-empty" };
  const found = officials.find((o) => [o.id, o.name, o.nickname ?? ""].some((n) => n.toLowerCase() === name));
  return found ? { ok: true, value: found.id } : { ok: false, error: "admin-err-official", detail: s.trim() };
}

/** A rank: a whole number from 1. */
function parsePosition(s: string): Parsed<number> {
  const m = /^(?:ke-?\s*)?(\d{1,3})$/i.exec(s.trim());
  const n = m ? Number(m[1]) : NaN;
  return n >= 1 ? { ok: true, value: n } : { ok: false, error: "admin-err-position" };
}

/** "2024", "2022-2024", "kumulatif 8/5/2025". */
function parsePeriod(s: string, now: Date): Parsed<Period> {
  const t = s.trim().toLowerCase();
  const range = /^(\d{4})\s*[-–—]\s*(\d{4})$/.exec(t);
  if (range) {
    const a = parseYear(range[1]!);
    const b = parseYear(range[2]!);
    if (!a.ok) return a;
    if (!b.ok) return b;
    if (a.value >= b.value) return { ok: false, error: "admin-err-period" };
    return { ok: true, value: { kind: "range", from: a.value, to: b.value } };
  }
  const cum = /^(?:kumulatif|total|cumulative)(?:\s+(?:per|s\.?d\.?|hingga|sampai))?\s+(.+)$/.exec(t);
  if (cum) {
    const d = parseDate(cum[1]!, now);
    return d.ok ? { ok: true, value: { kind: "cumulative", asOf: d.value } } : d;
  }
  // "acara 8/5/2025": the result of an event on that day; "per tahun 8/5/2025": a yearly rate from that day.
  const dated = /^(acara|misi|misi dagang|per tahun|tahunan)\s+(.+)$/.exec(t);
  if (dated) {
    const d = parseDate(dated[2]!, now);
    if (!d.ok) return d;
    return { ok: true, value: /tahun/.test(dated[1]!) ? { kind: "annual", from: d.value } : { kind: "event", date: d.value } };
  }
  const sem = /^(?:semester|smt|s)\s*(1|2|i|ii)\s+(\d{4})$/.exec(t);
  if (sem) {
    const y = parseYear(sem[2]!);
    return y.ok ? { ok: true, value: { kind: "semester", year: y.value, half: sem[1] === "2" || sem[1] === "ii" ? 2 : 1 } } : y;
  }
  if (/^(tanpa periode|tidak disebut|-)$/.test(t)) return { ok: true, value: { kind: "unstated" } };
  const y = parseYear(t);
  if (y.ok) return { ok: true, value: { kind: "year", year: y.value } };
  return /^\d+$/.test(t) ? y : { ok: false, error: "admin-err-period" };
}

const ORG_KINDS = organisationSchema.shape.kind.options;
const AGREEMENT_KINDS = agreementSchema.shape.kind.options;
const QUALIFIERS = ["exact", "more_than", "less_than", "about", "up_to"] as const;

/** A whole number of at least 1 ("14", "sebanyak 14"). */
function parseCount(s: string): Parsed<number> {
  const m = /^(?:sebanyak\s+)?(\d{1,6})$/i.exec(s.trim());
  return m && Number(m[1]) >= 1 ? { ok: true, value: Number(m[1]) } : { ok: false, error: "admin-err-number" };
}

/** The questions asked for each kind, in order. The source is asked after them. */
export const FIELDS: Record<Kind, FieldSpec[]> = {
  cooperationValues: [
    { key: "provinces", parse: (s) => parseProvincePair(s) },
    { key: "period", parse: (s, e) => parsePeriod(s, e.now) },
    { key: "amount", parse: (s) => parseAmount(s) },
    { key: "qualifier", choices: QUALIFIERS },
    { key: "measure", optional: true, choices: valueMeasures },
    { key: "status", optional: true, choices: valueStatuses, when: (d) => d.measure !== undefined },
    { key: "seller", optional: true, parse: (s) => parseProvince(s), when: (d) => d.measure === "penjualan" || d.measure === "pembelian" },
    { key: "buyer", optional: true, parse: (s) => parseProvince(s), when: (d) => d.measure === "penjualan" || d.measure === "pembelian" },
    { key: "note", optional: true, parse: text(1, 500) },
  ],
  rankings: [
    { key: "provinces", parse: (s) => parseProvincePair(s) },
    { key: "period", parse: (s, e) => parsePeriod(s, e.now) },
    { key: "position", parse: parsePosition },
    { key: "measure", parse: text(3, 200) },
    { key: "among", parse: text(3, 200) },
  ],
  events: [
    { key: "title", parse: text(3, 200) },
    { key: "kind", choices: eventKinds },
    { key: "date", parse: (s, e) => parseDate(s, e.now) },
    { key: "venue", parse: text(2, 200) },
    { key: "address", optional: true, parse: text(2, 300) },
    { key: "city", parse: text(2, 100) },
    {
      key: "province",
      parse: (s) => parseProvince(s),
      apply: (d, v) => {
        d.province = v;
        // The event's clock is the place's clock; a time typed later may name another zone.
        d.timezone = provinceOf(String(v))?.timezone ?? "Asia/Jakarta";
      },
    },
    {
      key: "time",
      optional: true,
      parse: (s) => parseTime(s),
      get: (d) => (d.time ? `${String(d.time)} ${zoneAbbr(String(d.timezone))}` : undefined),
      apply: (d, v) => {
        if (v === undefined) {
          delete d.time;
          return;
        }
        const { time, zone } = v as { time: string; zone?: keyof typeof ZONES };
        d.time = time;
        const home = provinceOf(String(d.province))?.timezone ?? "Asia/Jakarta";
        d.timezone = zone && zoneAbbr(home) !== zone ? ZONES[zone] : home;
      },
    },
    { key: "provinces", optional: true, parse: (s) => parseProvinces(s) },
    { key: "purpose", optional: true, parse: text(3, 500) },
  ],
  organisations: [
    { key: "name", parse: text(2, 200) },
    { key: "short", optional: true, parse: text(1, 60) },
    { key: "kind", choices: ORG_KINDS },
    { key: "city", optional: true, parse: text(2, 100) },
    { key: "province", optional: true, parse: (s) => parseProvince(s) },
  ],
  agreements: [
    { key: "kind", choices: AGREEMENT_KINDS },
    { key: "title", parse: text(3, 200) },
    {
      key: "parties",
      parse: (s, e) => {
        const r = parseOrgs(s, e.orgs);
        return r.ok && r.value.length < 2 ? { ok: false, error: "admin-err-parties" } : r;
      },
    },
    { key: "purpose", parse: text(3, 500) },
    { key: "date", parse: (s, e) => parseDate(s, e.now) },
    { key: "provinces", optional: true, parse: (s) => parseProvinces(s) },
    { key: "count", optional: true, parse: parseCount },
  ],
  officials: [
    { key: "name", parse: text(3, 120) },
    { key: "role", choices: officialRoles },
    { key: "province", optional: true, parse: (s) => parseProvince(s) },
    {
      key: "organisation",
      optional: true,
      parse: (s, e) => {
        const r = parseOrgs(s, e.orgs);
        if (!r.ok) return r;
        return r.value.length === 1 ? { ok: true, value: r.value[0] } : { ok: false, error: "admin-err-org-one" };
      },
    },
    { key: "nickname", optional: true, parse: text(2, 60) },
    { key: "office", optional: true, parse: text(3, 200) },
    { key: "represents", optional: true, parse: (s, e) => parseOfficial(s, e.officials) },
  ],
  statements: [
    { key: "official", parse: (s, e) => parseOfficial(s, e.officials) },
    { key: "topic", parse: text(3, 120) },
    { key: "text", parse: text(3, 1000) },
    {
      key: "quoted",
      choices: ["yes", "no"],
      apply: (d, v) => (d.quoted = v === "yes"),
      get: (d) => (d.quoted === undefined ? undefined : d.quoted ? "yes" : "no"),
    },
  ],
  commodities: [
    { key: "province", parse: (s) => parseProvince(s) },
    { key: "items", parse: list },
    { key: "sector", parse: text(2, 100) },
    { key: "targetMarkets", optional: true, parse: (s) => parseProvinces(s) },
    { key: "note", optional: true, parse: text(2, 500) },
    { key: "direction", optional: true, choices: commodityDirections },
  ],
  targets: [
    { key: "province", parse: (s) => parseProvince(s) },
    { key: "indicator", parse: text(3, 120) },
    { key: "comparator", choices: QUALIFIERS },
    { key: "value", parse: (s) => parseNumber(s) },
    { key: "unit", parse: text(1, 40) },
    { key: "horizon", parse: text(2, 120) },
  ],
  acronyms: [
    {
      key: "short",
      parse: (s) => {
        const v = s.trim();
        return /^[\p{L}\p{N}.&-]{2,20}$/u.test(v) ? { ok: true, value: v } : { ok: false, error: "admin-err-acronym" };
      },
    },
    { key: "long", parse: text(3, 200) },
  ],
  counts: [
    { key: "what", parse: text(2, 120) },
    { key: "value", parse: (s) => parseNumber(s) },
    { key: "unit", optional: true, parse: text(1, 40) },
    { key: "qualifier", choices: QUALIFIERS },
    { key: "provinces", optional: true, parse: (s) => parseProvinces(s) },
  ],
};

