import dayjs from "dayjs";
import utc from "dayjs/plugin/utc.js";
import timezone from "dayjs/plugin/timezone.js";
import "dayjs/locale/id.js";
import type { Lang } from "../i18n/translate.js";

dayjs.extend(utc);
dayjs.extend(timezone);

const SCALES_ID: Array<[number, string]> = [
  [1e12, "triliun"],
  [1e9, "miliar"],
  [1e6, "juta"],
];
const SCALES_EN: Array<[number, string]> = [
  [1e12, "trillion"],
  [1e9, "billion"],
  [1e6, "million"],
];

const numberFormats = new Map<string, Intl.NumberFormat>();

/** Formats a decimal number the Indonesian way ("165,7") or the English way ("165.7"). */
export function formatNumber(n: number, lang: Lang, maxFractionDigits = 2): string {
  // Building an Intl.NumberFormat costs more than formatting with it: keep one per (language, digits).
  const key = `${lang}:${maxFractionDigits}`;
  let f = numberFormats.get(key);
  if (!f) numberFormats.set(key, (f = new Intl.NumberFormat(lang === "id" ? "id-ID" : "en-GB", { maximumFractionDigits: maxFractionDigits })));
  return f.format(n);
}

/** Rupiah in words people use: "Rp165,7 miliar" (id) or "Rp165.7 billion" (en); small amounts in full. */
export function formatRupiah(amount: number, lang: Lang = "id"): string {
  for (const [scale, word] of lang === "id" ? SCALES_ID : SCALES_EN) {
    if (amount >= scale) return `Rp${formatNumber(amount / scale, lang, 3)} ${word}`;
  }
  return `Rp${formatNumber(amount, lang, 0)}`;
}

/** Indonesia's three time zones: each abbreviation and the IANA zone it stands for by default. The one table of them. */
export const ZONES = { WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" } as const;

/** WIB, WITA or WIT. */
export type ZoneAbbr = keyof typeof ZONES;

/** Abbreviation of an Indonesian IANA time zone: WIB, WITA or WIT (any other zone counts as WIB). */
export function zoneAbbr(tz: string): ZoneAbbr {
  return tz === ZONES.WITA ? "WITA" : tz === ZONES.WIT ? "WIT" : "WIB";
}

/**
 * Formatted dates by (format, language, ISO date): the knowledge base holds a
 * few dozen dates that every answer formats again; dayjs parsing costs more
 * than the lookup. Bounded, in case callers pass arbitrary dates.
 */
const formattedDates = new Map<string, string>();

function formatIso(isoDate: string, lang: Lang, pattern: string): string {
  const key = `${pattern}|${lang}|${isoDate}`;
  let text = formattedDates.get(key);
  if (text === undefined) {
    text = dayjs(isoDate).locale(lang === "id" ? "id" : "en").format(pattern);
    if (formattedDates.size >= 2000) formattedDates.clear();
    formattedDates.set(key, text);
  }
  return text;
}

/** "Kamis, 8 Mei 2025" or "Thursday, 8 May 2025" for an ISO date. */
export function formatDate(isoDate: string, lang: Lang): string {
  return formatIso(isoDate, lang, "dddd, D MMMM YYYY");
}

/** "8 Mei 2025" / "8 May 2025" without the weekday, for "data per ..." lines. */
export function formatShortDate(isoDate: string, lang: Lang): string {
  return formatIso(isoDate, lang, "D MMMM YYYY");
}

/** "09.00 WITA" (id) or "09:00 WITA" (en). */
export function formatTime(hhmm: string, tz: string, lang: Lang): string {
  return `${lang === "id" ? hhmm.replace(":", ".") : hhmm} ${zoneAbbr(tz)}`;
}

/** Joins items the natural way: "a, b, dan c" / "a, b and c". */
export function joinList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  const and = lang === "id" ? "dan" : "and";
  if (items.length === 2) return `${items[0]} ${and} ${items[1]}`;
  return `${items.slice(0, -1).join(", ")}${lang === "id" ? "," : ""} ${and} ${items.at(-1)}`;
}
