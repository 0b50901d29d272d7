import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import { provinces } from "../knowledge/provinces.js";
import { MAX_AMOUNT, MAX_YEAR, MIN_YEAR } from "../knowledge/schema.js";
import type { ZoneAbbr } from "../knowledge/format.js";
import { tokenize } from "../nlu/normalize.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/**
 * Parsers for what admins type on their phones. Each returns either a value or
 * an error key (a locale key under "## Admin", e.g. `admin-err-amount`), so the
 * conversation can ask again with a clear message. Pure: the clock is passed in.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; error: string; detail?: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const fail = <T>(error: string, detail?: string): Parsed<T> => ({ ok: false, error, ...(detail !== undefined ? { detail } : {}) });

const SCALE: Record<string, number> = {
  rb: 1e3, ribu: 1e3, k: 1e3,
  jt: 1e6, juta: 1e6,
  m: 1e9, miliar: 1e9, milyar: 1e9, mlyr: 1e9, mlr: 1e9, b: 1e9, billion: 1e9,
  t: 1e12, triliun: 1e12, trilyun: 1e12, tn: 1e12, trillion: 1e12,
};


/**
 * Rupiah amounts in every form people type: "Rp165,7 miliar", "165,7 M",
 * "Rp 165.700.000.000", "165700000000", "1,2 triliun", "400 juta".
 * Comma is the decimal mark; dots group thousands (a lone dot before a scale
 * word with 1–2 digits after it, "1.2 triliun", is read as a decimal point).
 */
export function parseAmount(input: string): Parsed<number> {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ");
  if (!text) return fail("admin-err-empty");
  if (/^-|^rp\.?\s*-/.test(text)) return fail("admin-err-amount-negative");
  const m = /^(?:rp\.?\s*)?([\d.,]+)\s*([a-z]+)?\.?$/.exec(text);
  if (!m) return fail("admin-err-amount");
  const [, num, unit] = m;
  let scale = 1;
  if (unit) {
    const s = SCALE[unit];
    if (!s) return fail("admin-err-amount");
    scale = s;
  }
  const value = parseDecimal(num!, !!unit);
  if (value === undefined) return fail("admin-err-amount");
  const amount = Math.round(value * scale);
  if (!(amount > 0)) return fail("admin-err-amount-zero");
  if (amount > MAX_AMOUNT) return fail("admin-err-amount-big");
  return ok(amount);
}

/** "165,7" → 165.7; "165.700.000.000" → 165700000000; "1.2" (with a scale word) → 1.2. */
export function parseDecimal(num: string, scaled = false): number | undefined {
  let s = num;
  if (s.includes(",")) {
    if ((s.match(/,/g) ?? []).length > 1) return undefined;
    const [int, frac] = s.split(",") as [string, string];
    if (!validGrouping(int) || !/^\d+$/.test(frac)) return undefined;
    s = `${int.replace(/\./g, "")}.${frac}`;
  } else if (s.includes(".")) {
    const parts = s.split(".");
    if (scaled && parts.length === 2 && /^\d{1,2}$/.test(parts[1]!)) s = `${parts[0]}.${parts[1]}`;
    else if (validGrouping(s)) s = s.replace(/\./g, "");
    else return undefined;
  }
  if (!/^\d+(\.\d+)?$/.test(s)) return undefined;
  const n = Number(s);
  return Number.isFinite(n) ? n : undefined;
}

function validGrouping(s: string): boolean {
  return /^\d+$/.test(s) || /^\d{1,3}(\.\d{3})+$/.test(s);
}

/** A plain number (targets: "8", "8,5", "-2"). */
export function parseNumber(input: string): Parsed<number> {
  const text = input.trim().replace(/\s*(persen|%)$/i, "");
  if (!text) return fail("admin-err-empty");
  const neg = text.startsWith("-");
  const n = parseDecimal(neg ? text.slice(1) : text);
  if (n === undefined) return fail("admin-err-number");
  return ok(neg ? -n : n);
}

/** A year the knowledge base accepts (1945–2100). */
export function parseYear(input: string): Parsed<number> {
  const text = input.trim();
  if (!text) return fail("admin-err-empty");
  if (!/^\d{4}$/.test(text)) return fail("admin-err-year");
  const y = Number(text);
  if (y < MIN_YEAR || y > MAX_YEAR) return fail("admin-err-year-range");
  return ok(y);
}

const MONTHS: Record<string, number> = {
  januari: 1, jan: 1, january: 1,
  februari: 2, feb: 2, pebruari: 2, february: 2,
  maret: 3, mar: 3, march: 3,
  april: 4, apr: 4,
  mei: 5, may: 5,
  juni: 6, jun: 6, june: 6,
  juli: 7, jul: 7, july: 7,
  agustus: 8, agu: 8, agt: 8, ags: 8, aug: 8, august: 8,
  september: 9, sep: 9, sept: 9,
  oktober: 10, okt: 10, oct: 10, october: 10,
  november: 11, nov: 11, nop: 11,
  desember: 12, des: 12, dec: 12, december: 12,
};

/** Monday = 1 … Sunday = 7 (ISO). */
const WEEKDAYS: Record<string, number> = {
  senin: 1, selasa: 2, rabu: 3, kamis: 4, jumat: 5, "jum'at": 5, sabtu: 6, minggu: 7, ahad: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Zone in which relative dates ("besok") are counted: the admins work in Indonesia. */
const HOME_TZ = "Asia/Jakarta";

/**
 * Dates as typed: "8/5/2025", "08-05-2025" (day first), "8 Mei 2025", "2025-05-08",
 * "hari ini", "besok", "lusa", "kemarin", "Kamis" (the next Thursday, today
 * included), "Kamis depan" (Thursday of next week). Returns "YYYY-MM-DD".
 */
export function parseDate(input: string, now: Date): Parsed<string> {
  const text = input.trim().toLowerCase().replace(/\s+/g, " ").replace(/^(tanggal|tgl\.?)\s+/, "").replace(/^(hari\s+)?(senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu),?\s+(?=\d)/, "");
  if (!text) return fail("admin-err-empty");
  const today = dayjs(now).tz(HOME_TZ);
  const rel: Record<string, number> = { "hari ini": 0, today: 0, besok: 1, tomorrow: 1, lusa: 2, kemarin: -1, yesterday: -1 };
  if (text in rel) return ok(today.add(rel[text]!, "day").format("YYYY-MM-DD"));
  const wd = /^(?:hari\s+)?([a-z']+)(?:\s+(depan|ini|minggu depan|pekan depan|next))?$/.exec(text);
  if (wd && WEEKDAYS[wd[1]!]) {
    const target = WEEKDAYS[wd[1]!]!;
    const dow = today.day() === 0 ? 7 : today.day();
    let add: number;
    if (wd[2] && wd[2] !== "ini") add = 7 - dow + target; // the given weekday of next week
    else add = (target - dow + 7) % 7;
    return ok(today.add(add, "day").format("YYYY-MM-DD"));
  }
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
  if (m) return checkDate(+m[1]!, +m[2]!, +m[3]!);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{2}|\d{4})$/.exec(text);
  if (m) return checkDate(fullYear(m[3]!), +m[2]!, +m[1]!);
  m = /^(\d{1,2})\s+([a-z]+)\.?(?:\s+(\d{4}))?$/.exec(text);
  if (m && MONTHS[m[2]!]) {
    const year = m[3] ? +m[3] : today.year();
    return checkDate(year, MONTHS[m[2]!]!, +m[1]!);
  }
  return fail("admin-err-date");
}

function fullYear(y: string): number {
  return y.length === 2 ? 2000 + Number(y) : Number(y);
}

function checkDate(y: number, mo: number, d: number): Parsed<string> {
  if (y < MIN_YEAR || y > MAX_YEAR) return fail("admin-err-year-range");
  const iso = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${iso}T00:00:00Z`);
  if (Number.isNaN(date.getTime()) || !date.toISOString().startsWith(iso)) return fail("admin-err-date-invalid", iso);
  return ok(iso);
}


/** A local time "HH:mm", with the zone abbreviation when one was typed. */
export interface ParsedTime {
  time: string;
  zone?: ZoneAbbr;
}

/** Times as typed: "09:00 WITA", "9.30 WIB", "pukul 14.00", "jam 9 WIT", "14:00". */
export function parseTime(input: string): Parsed<ParsedTime> {
  const text = input.trim().toUpperCase().replace(/\s+/g, " ").replace(/^(PUKUL|PKL\.?|JAM)\s*/, "");
  if (!text) return fail("admin-err-empty");
  const m = /^(\d{1,2})(?:[.:](\d{2}))?\s*(WIB|WITA|WIT)?$/.exec(text);
  if (!m) return fail("admin-err-time");
  const h = Number(m[1]);
  const min = Number(m[2] ?? "0");
  if (h > 23 || min > 59) return fail("admin-err-time");
  const time = `${String(h).padStart(2, "0")}:${String(min).padStart(2, "0")}`;
  return ok(m[3] ? { time, zone: m[3] as ZoneAbbr } : { time });
}

const PROVINCE_PHRASES = new Map<string, string>();
for (const p of provinces) {
  for (const name of [p.name, p.short, ...p.aliases, p.code]) {
    const key = tokenize(name).join(" ");
    if (key) PROVINCE_PHRASES.set(key, p.code);
  }
}
/** Words that may sit between province names: "Jatim dan Kaltim", "Prov. Jatim". */
const FILLERS = new Set(["provinsi", "dan", "and", "dengan", "sama", "ke", "x", "vs", "antara"]);

/**
 * Province codes named in a text, by full or short name ("Jawa Timur", "Jatim",
 * "Kaltim", "DKI", "35"), longest match first. Unknown words are reported.
 */
export function parseProvinces(input: string): Parsed<string[]> {
  const tokens = tokenize(input.replace(/[–—/,&+]/g, " "));
  if (!tokens.length) return fail("admin-err-empty");
  const out: string[] = [];
  const unknown: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    let found = false;
    for (let len = Math.min(5, tokens.length - i); len >= 1; len--) {
      const code = PROVINCE_PHRASES.get(tokens.slice(i, i + len).join(" "));
      if (code) {
        if (!out.includes(code)) out.push(code);
        i += len;
        found = true;
        break;
      }
    }
    if (!found) {
      if (!FILLERS.has(tokens[i]!)) unknown.push(tokens[i]!);
      i++;
    }
  }
  if (unknown.length) return fail("admin-err-province", asTyped(input, unknown));
  if (!out.length) return fail("admin-err-province", input.trim());
  return ok(out);
}

/** The words of `input` that became `tokens`, as the user typed them ("Atlantis", not "atlantis"). */
function asTyped(input: string, tokens: string[]): string {
  const typed = input.split(/[\s–—/,&+]+/).filter(Boolean);
  return tokens.map((t) => typed.find((w) => tokenize(w).join(" ") === t) ?? t).join(", ");
}

/** Exactly one province. */
export function parseProvince(input: string): Parsed<string> {
  const r = parseProvinces(input);
  if (!r.ok) return r;
  if (r.value.length !== 1) return fail("admin-err-province-one");
  return ok(r.value[0]!);
}

/** Exactly two different provinces ("Jatim Kaltim", "Jawa Timur - Kalimantan Timur"). */
export function parseProvincePair(input: string): Parsed<[string, string]> {
  const r = parseProvinces(input);
  if (!r.ok) return r;
  if (r.value.length !== 2) return fail("admin-err-province-pair");
  return ok([r.value[0]!, r.value[1]!]);
}

/** How `slugify` cuts and what it falls back to. */
export interface SlugOptions {
  /** Longest slug, in characters (default 48). */
  max?: number;
  /** The slug of a text with no letter or digit (default "data"). */
  fallback?: string;
}

/** Lowercase id from a title: "Misi Dagang Jatim 2025" → "misi-dagang-jatim-2025". */
export function slugify(text: string, { max = 48, fallback = "data" }: SlugOptions = {}): string {
  const s = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, max)
    .replace(/-+$/g, "");
  return s || fallback;
}

/**
 * The id of a new record: `base` slugified, unless `taken` holds it already,
 * then "<slug>-2", "<slug>-3" … Use it wherever a record is added.
 */
export function uniqueId(base: string, taken: Iterable<string>, opts: SlugOptions = {}): string {
  const set = new Set(taken);
  const slug = slugify(base, opts);
  if (!set.has(slug)) return slug;
  for (let i = 2; ; i++) if (!set.has(`${slug}-${i}`)) return `${slug}-${i}`;
}

/**
 * Splits the arguments of `/ubahnilai <wilayah> <wilayah> <tahun> <jumlah>`:
 * the year is the first 4-digit token; provinces before it, amount after.
 */
export function parseValueLine(input: string): Parsed<{ provinces: [string, string]; year: number; amount: number }> {
  const text = input.trim();
  const m = /^(.*?)\s+(\d{4})\s+(.+)$/.exec(text);
  if (!m) return fail("admin-err-ubahnilai");
  const pair = parseProvincePair(m[1]!);
  if (!pair.ok) return pair;
  const year = parseYear(m[2]!);
  if (!year.ok) return year;
  const amount = parseAmount(m[3]!);
  if (!amount.ok) return amount;
  return ok({ provinces: pair.value, year: year.value, amount: amount.value });
}
