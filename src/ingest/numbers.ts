import { parseDecimal } from "../admin/parse.js";
import { wordsToNumbers } from "../nlu/numbers.js";

/** How exact a figure is, as the release words it. */
export type Qualifier = "exact" | "more_than" | "less_than" | "about" | "up_to";

/** An amount of rupiah written in a sentence. */
export interface MoneyMention {
  start: number;
  end: number;
  text: string;
  amount: number;
  qualifier: Qualifier;
  /** "per tahun" follows the amount: a yearly rate. */
  perYear: boolean;
}

const SCALE: Record<string, number> = { triliun: 1e12, trilyun: 1e12, t: 1e12, miliar: 1e9, milyar: 1e9, m: 1e9, juta: 1e6, jt: 1e6, ribu: 1e3 };

const MONEY = new RegExp(
  [
    // Rp340,477 miliar · Rp 6 M · Rp4.456.849.425.486 · Rp1,54 triliun
    String.raw`\bRp\.?\s?(\d[\d.,]*\d|\d)(?:\s?([Tt]rilyun|[Tt]riliun|[Mm]ilyar|[Mm]iliar|[Jj]uta|[Rr]ibu|M|T|Jt)\b)?`,
    // 150 miliar rupiah · 48 miliar rupiah
    String.raw`\b(\d[\d.,]*\d|\d)\s([Tt]riliun|[Tt]rilyun|[Mm]iliar|[Mm]ilyar|[Jj]uta)\s+rupiah\b`,
  ].join("|"),
  "g",
);

const QUALIFIER_BEFORE: Array<[RegExp, Qualifier]> = [
  [/\b(lebih dari|melampaui|melebihi|di atas|lebih besar dari|menembus angka)\s*$/i, "more_than"],
  [/\b(kurang dari|di bawah|hampir|nyaris|mendekati)\s*$/i, "less_than"],
  [/(\bsekitar|\bkurang lebih|\bkira-kira|\bsekira|\bkisaran|±)\s*$/i, "about"],
  [/\b(hingga|sampai|sampai dengan|maksimal|paling banyak)\s*$/i, "up_to"],
];

/** Every rupiah amount of a sentence, with its qualifier. */
export function findMoney(text: string): MoneyMention[] {
  const out: MoneyMention[] = [];
  MONEY.lastIndex = 0;
  for (let m = MONEY.exec(text); m; m = MONEY.exec(text)) {
    const num = (m[1] ?? m[3])!;
    const unit = (m[2] ?? m[4])?.toLowerCase();
    const value = parseDecimal(num, !!unit);
    if (value === undefined) continue;
    const amount = Math.round(value * (unit ? SCALE[unit]! : 1));
    if (!(amount > 0)) continue;
    const before = text.slice(Math.max(0, m.index - 40), m.index);
    let qualifier: Qualifier = "exact";
    for (const [re, q] of QUALIFIER_BEFORE) if (re.test(before)) qualifier = q;
    const after = text.slice(m.index + m[0].length, m.index + m[0].length + 30);
    if (/^\s+lebih\b/i.test(after)) qualifier = "more_than";
    const perYear = /^\s*(?:\)\s*)?(per|setiap|tiap|se)\s*tahun\b/i.test(after);
    out.push({ start: m.index, end: m.index + m[0].length, text: m[0], amount, qualifier, perYear });
  }
  return out;
}

const MONTHS: Record<string, number> = {
  januari: 1, februari: 2, pebruari: 2, maret: 3, april: 4, mei: 5, juni: 6, juli: 7, agustus: 8, september: 9, oktober: 10, november: 11, nopember: 11, desember: 12,
};
const WEEKDAY = "(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)";
const PART_OF_DAY = "(?:\\s+(?:pagi|siang|sore|malam))?";
const MONTH_NAME = "(Januari|Februari|Pebruari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Nopember|Desember)";

/** A calendar date written in a sentence. */
export interface DateMention {
  start: number;
  end: number;
  text: string;
  iso: string;
  /** Written with its weekday ("Kamis (8/5/2025)"): the date of something happening. */
  weekday: boolean;
}

const DATE_FORMS: Array<{ re: RegExp; pick: (m: RegExpExecArray) => [number, number, number] }> = [
  // Kamis (8/5/2025) · Rabu (16/11/2022) malam · (08/05/2025)
  { re: new RegExp(`(?:${WEEKDAY}${PART_OF_DAY}\\s*)?\\((\\d{1,2})[/.-](\\d{1,2})[/.-](\\d{4})\\)`, "g"), pick: (m) => [+m[3]!, +m[2]!, +m[1]!] },
  // Kamis, 17 November 2022 · Sabtu malam, 14 Juni 2025 · 8 Mei 2025
  { re: new RegExp(`(?:${WEEKDAY}${PART_OF_DAY},?\\s+)?(\\d{1,2})\\s+${MONTH_NAME}\\s+(\\d{4})`, "g"), pick: (m) => [+m[3]!, MONTHS[m[2]!.toLowerCase()]!, +m[1]!] },
  // 8/5/2025 alone
  { re: /\b(\d{1,2})\/(\d{1,2})\/(\d{4})\b/g, pick: (m) => [+m[3]!, +m[2]!, +m[1]!] },
];

function iso(y: number, mo: number, d: number): string | undefined {
  const s = `${String(y).padStart(4, "0")}-${String(mo).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
  const date = new Date(`${s}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(s) && y >= 1945 && y <= 2100 ? s : undefined;
}

/** Dates of a sentence, in order. */
export function findDates(text: string): DateMention[] {
  const out: DateMention[] = [];
  for (const { re, pick } of DATE_FORMS) {
    re.lastIndex = 0;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      const [y, mo, d] = pick(m);
      const value = iso(y, mo, d);
      if (!value) continue;
      const start = m.index;
      const end = m.index + m[0].length;
      if (out.some((o) => start < o.end && end > o.start)) continue;
      out.push({ start, end, text: m[0], iso: value, weekday: new RegExp(`^${WEEKDAY}`).test(m[0]) });
    }
  }
  return out.sort((a, b) => a.start - b.start);
}

/** "Februari 2023" (a month without a day), for "sejak Februari 2023". */
export function findMonthYear(text: string): Array<{ start: number; end: number; month: number; year: number }> {
  const out: Array<{ start: number; end: number; month: number; year: number }> = [];
  const re = new RegExp(`(?<!\\d\\s)\\b${MONTH_NAME}\\s+(\\d{4})`, "g");
  for (let m = re.exec(text); m; m = re.exec(text)) out.push({ start: m.index, end: m.index + m[0].length, month: MONTHS[m[1]!.toLowerCase()]!, year: +m[2]! });
  return out;
}

/** Years written as numbers, not inside a date. */
export function findYears(text: string): Array<{ start: number; end: number; year: number }> {
  const dates = findDates(text);
  const out: Array<{ start: number; end: number; year: number }> = [];
  const re = /(?<![\d.,/])\b(19[5-9]\d|20\d\d)\b(?![\d.,/]\d)/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (dates.some((d) => m!.index >= d.start && m!.index < d.end)) continue;
    out.push({ start: m.index, end: m.index + 4, year: +m[1]! });
  }
  return out;
}

/** Indonesian time zones. */
export type Zone = "WIB" | "WITA" | "WIT";

/** A clock time, alone or as a range ("pukul 08.00 hingga 17.00 WIB"). */
export interface TimeMention {
  start: number;
  end: number;
  from: string;
  to?: string;
  zone?: Zone;
}

const HHMM = String.raw`(\d{1,2})[.:](\d{2})`;

function hhmm(h: string, m: string): string | undefined {
  const hour = +h;
  const min = +m;
  return hour <= 23 && min <= 59 ? `${String(hour).padStart(2, "0")}:${String(min).padStart(2, "0")}` : undefined;
}

/** Clock times and ranges of a sentence ("pukul 13.35 WITA", "pukul 09.00 hingga 17.00 WIB"). */
export function findTimes(text: string): TimeMention[] {
  const out: TimeMention[] = [];
  const re = new RegExp(`\\b(?:pukul|pkl\\.?|jam)\\s+${HHMM}(?:\\s*(WIB|WITA|WIT)\\b)?(?:\\s*(?:hingga|sampai|s\\.d\\.?|s/d|-|–)\\s*(?:pukul\\s+)?${HHMM})?(?:\\s*(WIB|WITA|WIT)\\b)?`, "gi");
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const from = hhmm(m[1]!, m[2]!);
    if (!from) continue;
    const to = m[4] ? hhmm(m[4], m[5]!) : undefined;
    const zone = (m[6] ?? m[3])?.toUpperCase() as Zone | undefined;
    out.push({ start: m.index, end: m.index + m[0].length, from, ...(to ? { to } : {}), ...(zone ? { zone } : {}) });
  }
  return out;
}

/** Whole numbers written in a sentence, digits or words ("157", "tujuh", "1.000", "273 juta"). */
export function findCounts(text: string): Array<{ start: number; end: number; value: number; text: string }> {
  const out: Array<{ start: number; end: number; value: number; text: string }> = [];
  const re = /(?<![\p{L}\d.,/-])(\d{1,3}(?:\.\d{3})+|\d+)(?:\s+(juta|ribu))?(?![\d,/]|\.\d|\s?%)|\b(satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|dua belas|belasan|puluhan|ratusan|seratus|seribu)\b/giu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let value: number;
    if (m[1]) {
      value = Number(m[1].replace(/\./g, ""));
      if (m[2]) value *= m[2].toLowerCase() === "juta" ? 1e6 : 1e3;
    } else {
      const words = m[3]!.toLowerCase();
      if (/an$/.test(words)) continue;
      const n = Number(wordsToNumbers(words.split(" "))[0]);
      if (!Number.isFinite(n)) continue;
      value = n;
    }
    out.push({ start: m.index, end: m.index + m[0].length, value, text: m[0] });
  }
  return out;
}
