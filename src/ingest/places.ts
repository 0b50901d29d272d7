import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { provinces } from "../knowledge/provinces.js";
import { COMMON_WORDS } from "../nlu/words.js";

/** A place named in a text: a province, a regency or city (with its province), or a country. */
export interface PlaceMention {
  start: number;
  end: number;
  text: string;
  type: "province" | "regency" | "country";
  /** Province code (for provinces and regencies). */
  code?: string;
  /** Regency or city name without "Kabupaten"/"Kota" ("Manggarai Barat"). */
  name?: string;
}

interface Entry {
  type: PlaceMention["type"];
  code?: string;
  name?: string;
  /** Needs "Kota"/"Kabupaten" or a preposition before it: the name is also an everyday word. */
  cued?: boolean;
}

/** Regencies and cities of Indonesia (idn-area-data, ODbL): "Kota Serang" → Banten. */
function loadRegencies(): Array<{ name: string; code: string }> {
  const require = createRequire(import.meta.url);
  const file = join(dirname(require.resolve("idn-area-data/package.json")), "data", "regencies.csv");
  const out: Array<{ name: string; code: string }> = [];
  for (const line of readFileSync(file, "utf8").split("\n").slice(1)) {
    const [, code, name] = line.split(",");
    if (code && name) out.push({ name: name.trim(), code: code.trim() });
  }
  return out;
}

/** Country names in Indonesian, from the runtime's locale data ("Malaysia", "Singapura", "Timor Leste"). */
function countryNames(): string[] {
  const names = new Set<string>();
  try {
    const d = new Intl.DisplayNames(["id"], { type: "region" });
    for (let a = 65; a <= 90; a++) {
      for (let b = 65; b <= 90; b++) {
        const code = String.fromCharCode(a, b);
        try {
          const n = d.of(code);
          if (n && n !== code && !/\d/.test(n)) names.add(n.replace(/\s+DAK\s+.*$/, ""));
        } catch {
          // Not a region code.
        }
      }
    }
  } catch {
    // No locale data: countries are simply not recognised.
  }
  names.delete("Indonesia");
  return [...names];
}

const TABLE = new Map<string, Entry>();
let LONGEST = 1;
function add(phrase: string, entry: Entry): void {
  const key = phrase.trim();
  if (!key || TABLE.has(key)) return;
  TABLE.set(key, entry);
  LONGEST = Math.max(LONGEST, key.split(" ").length);
}
const titleCase = (s: string) => s.replace(/\b\p{Ll}/gu, (c) => c.toUpperCase());
for (const p of provinces) {
  add(p.name, { type: "province", code: p.code });
  add(p.short, { type: "province", code: p.code });
  for (const a of p.aliases) if (!/^[a-z]+ [a-z]+$/.test(a) || !/^(east|west|north|south|central|southwest|highland)\b/.test(a)) add(titleCase(a), { type: "province", code: p.code });
}
for (const r of loadRegencies()) {
  const bare = r.name.replace(/^(Kabupaten|Kota)\s+/, "");
  // A province's own name ("Kota Jambi") stays the province when written bare.
  if (!TABLE.has(bare)) add(bare, { type: "regency", code: r.code, name: bare, cued: COMMON_WORDS.has(bare.toLowerCase()) || bare.length < 4 });
  add(r.name, { type: "regency", code: r.code, name: bare });
  add(r.name.replace(/^Kabupaten /, "Kab. "), { type: "regency", code: r.code, name: bare });
}
for (const c of countryNames()) add(c, { type: "country", name: c });

const PLACE_CUE = /(?:\b(?:di|ke|dari|asal|kota|kabupaten|kab\.|provinsi|wilayah|daerah)\s+)$/i;

/**
 * Places named in a text, longest name first ("Papua Barat Daya" before
 * "Papua Barat", "Lampung Selatan" the regency before "Lampung" the province).
 * Names are matched as written (capitalised), so "batu bara" is no city.
 */
export function findPlaces(text: string): PlaceMention[] {
  const words: Array<{ w: string; start: number; end: number }> = [];
  const re = /[\p{L}\d][\p{L}\d'’.-]*/gu;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const w = m[0].replace(/[.-]+$/, "");
    words.push({ w, start: m.index, end: m.index + w.length });
  }
  const out: PlaceMention[] = [];
  for (let i = 0; i < words.length; ) {
    let found: PlaceMention | undefined;
    let matched = 0;
    for (let len = Math.min(LONGEST, words.length - i); len >= 1 && !found; len--) {
      const phrase = words.slice(i, i + len).map((x) => x.w).join(" ");
      // Words must be adjacent (one space), not split by punctuation.
      const span = text.slice(words[i]!.start, words[i + len - 1]!.end);
      if (span !== phrase) continue;
      const e = TABLE.get(phrase);
      if (!e) continue;
      if (e.cued) {
        const before = text.slice(Math.max(0, words[i]!.start - 12), words[i]!.start);
        if (!PLACE_CUE.test(before)) continue;
      }
      matched = len;
      found = { start: words[i]!.start, end: words[i + len - 1]!.end, text: phrase, type: e.type, ...(e.code ? { code: e.code } : {}), ...(e.name ? { name: e.name } : {}) };
    }
    if (found) {
      out.push(found);
      i += matched;
    } else i++;
  }
  return out;
}

/** Province codes named in a text, in order of first mention. */
export function provincesIn(text: string, opts: { regencies?: boolean } = {}): string[] {
  const out: string[] = [];
  for (const p of findPlaces(text)) {
    if (p.type === "country" || !p.code) continue;
    if (p.type === "regency" && !opts.regencies) continue;
    if (!out.includes(p.code)) out.push(p.code);
  }
  return out;
}

/** The regency or city a name stands for ("Balikpapan", "Kota Serang"), if any. */
export function regencyOf(name: string): { name: string; code: string } | undefined {
  const e = TABLE.get(name.trim()) ?? TABLE.get(titleCase(name.trim().toLowerCase()));
  return e?.type === "regency" && e.code ? { name: e.name!, code: e.code } : undefined;
}

/** Whether a phrase is a province's name or short name. */
export function provinceOfName(name: string): string | undefined {
  const e = TABLE.get(name.trim());
  return e?.type === "province" ? e.code : undefined;
}
