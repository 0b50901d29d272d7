import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

const DROP = "";

/** Two-word spellings folded into one token before lookup. */
const MERGES: Array<[RegExp, string]> = [
  [/\b(?:be)?kerja[\s-]*sama(?:nya)?\b/g, "kerjasama"],
  [/\bkerja\s+(?:sm|sma|ama)\b/g, "kerjasama"],
  [/\bdi\s+mana\b/g, "dimana"],
  [/\bdi\s+manakah\b/g, "dimana"],
  [/\bke\s+mana\b/g, "kemana"],
  [/\btanda\s+tangan\b/g, "tandatangan"],
  [/\bwali\s+kota\b/g, "walikota"],
  [/\bibu\s+kota\b/g, "ibukota"],
  [/\bterima\s+kasih\b/g, "terimakasih"],
  [/\bbusiness\s?(?:people|persons|owners|men)\b/g, "pengusaha"],
  [/\bs\s*\/\s*d\b/g, "sampai"],
  [/\bs d\b/g, "sampai"],
];

function loadSlang(): Map<string, string> {
  const map = new Map<string, string>();
  const text = readFileSync(dataPath("slang-id.tsv"), "utf8");
  for (const line of text.split("\n").slice(1)) {
    const [slang, formal] = line.split("\t");
    if (!slang || formal === undefined) continue;
    const key = slang.trim().toLowerCase();
    // Single letters in the public list ("d", "k", "n") are too ambiguous for questions.
    if (key.length < 2 || key.includes(" ")) continue;
    map.set(key, formal.trim().toLowerCase());
  }
  // Sinergi's own lists win over the public one: English names of things, Javanese and other regional words, then chat forms.
  for (const file of ["words/english-id.tsv", "words/javanese-id.tsv", "words/regional-id.tsv", "words/chat-id.tsv"]) for (const [k, v] of readPairs(file)) map.set(k, v);
  return map;
}

/** Word pairs of a two-column TSV file in data/ (header line and "#" comments skipped). */
function readPairs(file: string): Array<[string, string]> {
  const out: Array<[string, string]> = [];
  for (const line of readFileSync(dataPath(file), "utf8").split("\n").slice(1)) {
    if (!line || line.startsWith("#")) continue;
    const [k, v] = line.split("\t");
    if (k && v !== undefined) out.push([k.trim().toLowerCase(), v.trim().toLowerCase()]);
  }
  return out;
}

/** slang/abbreviation -> formal word(s); "" means "drop". */
export const slang: ReadonlyMap<string, string> = loadSlang();

/** Collapses letters repeated three or more times ("bangettt" -> "banget"). */
export function squeeze(token: string): string {
  return token.replace(/(\p{L})\1{2,}/gu, "$1");
}

/**
 * Turns raw chat text into canonical tokens: clean, fold two-word spellings,
 * collapse repeated letters, expand slang, drop fillers. No vocabulary needed.
 */
export function tokenize(text: string): string[] {
  return tokenizeClean(clean(text));
}

/** `tokenize` for text that already went through `clean`. */
export function tokenizeClean(cleaned: string, keep?: ReadonlySet<string>): string[] {
  let s = cleaned;
  // The merges are many regular expressions: run them only when a trigger is there.
  if (MERGE_HINT.test(s)) for (const [re, to] of MERGES) s = s.replace(re, to);
  const out: string[] = [];
  for (const raw of s.split(" ")) {
    if (!raw) continue;
    let tok = REPEAT_HINT.test(raw) && !DIGIT.test(raw) ? squeeze(raw) : raw;
    // A last letter typed twice ("ndii", "mnaa") on a chat word; a chat word with "-nya" ("univnya").
    if (!slang.has(tok) && tok.length > 2 && tok.at(-1) === tok.at(-2) && slang.has(tok.slice(0, -1))) tok = tok.slice(0, -1);
    if (!slang.has(tok) && tok.length > 5 && tok.endsWith("nya") && slang.get(tok.slice(0, -3))) tok = tok.slice(0, -3);
    // A word typed as a name or an abbreviation ("KEK") is not chat slang.
    const mapped = keep?.has(tok) ? undefined : slang.get(tok);
    if (mapped === undefined) {
      out.push(tok);
    } else if (mapped !== DROP) {
      for (const part of mapped.split(/\s+/)) if (part) out.push(part);
    }
  }
  return out;
}

const MERGE_HINT = /kerja|di |ke |tanda|wali|terima|ibu|s d/;
const REPEAT_HINT = /(.)\1\1/;
const DIGIT = /\d/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases, strips accents and punctuation; keeps numbers such as "165,7" and "08/05/2025" whole. */
export function clean(text: string): string {
  // Zero-width and direction marks inside words ("ker\u200djasama") would split them.
  if (INVISIBLE.test(text)) text = text.replace(INVISIBLE_ALL, "");
  let s = NON_ASCII.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase() : text.toLowerCase();
  if (s.includes("'") || NON_ASCII.test(s) || s.includes("`")) s = s.replace(/[’'`]s\b/g, "").replace(/[’'`]/g, "");
  if (DIGIT.test(s)) {
    s = s.replace(/(\d{4})\s*[-–—]\s*(\d{4})/g, "$1 sampai $2");
    s = s.replace(/\brp\.?\s*(?=\d)/g, "rp ");
  }
  if (s.includes("%")) s = s.replace(/%/g, " persen ");
  // Separators between digits stay ("165,7", "08/05/2025"); other punctuation
  // separates words. Runs of kept characters are sliced out whole: this runs for every message.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const keep =
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      (code > 127 && WORD_CHAR.test(s[i]!)) ||
      ((code === 46 || code === 44 || code === 47) && start >= 0 && isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)));
    if (keep) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(s.slice(start));
  return words.join(" ");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;
const INVISIBLE = /[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2064\ufeff]/;
const INVISIBLE_ALL = new RegExp(INVISIBLE.source, "g");

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
