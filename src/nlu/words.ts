import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { z } from "zod";
import { ATTRS, MODIFIERS, type Attr, type Modifier } from "../knowledge/kinds/index.js";
import { dataPath } from "../paths.js";
import { tokenize } from "./normalize.js";

const cuesFile = z.object({
  attrs: z.partialRecord(z.enum(ATTRS), z.array(z.string())),
  weak: z.partialRecord(z.enum(ATTRS), z.array(z.string())),
});
const modifiersFile = z.partialRecord(z.enum(MODIFIERS), z.array(z.string()));
const lexiconFile = z.object({
  roles: z.record(z.string(), z.array(z.string())),
  universities: z.array(z.string()),
  companies: z.array(z.string()),
  people: z.array(z.string()),
  commodities: z.array(z.string()),
  cities: z.record(z.string(), z.string()),
  eventKinds: z.record(z.string(), z.array(z.string())),
});

/** Stopword lists of the npm package stopwords-iso (MIT), by ISO language code. */
const stopwords = createRequire(import.meta.url)("stopwords-iso") as Record<"id" | "en", string[]>;

function json(file: string): unknown {
  const value = JSON.parse(readFileSync(dataPath(file), "utf8")) as Record<string, unknown>;
  for (const k of Object.keys(value)) if (k.startsWith("_")) delete value[k];
  return value;
}

/** A phrase as the tokens the question pipeline produces for it. */
export function phraseKey(text: string): string {
  return tokenize(text).join(" ");
}

/** A cue: the attribute a phrase asks for, and whether it gives way to a more specific one. */
export interface Cue {
  attr: Attr;
  weak: boolean;
}

const cues = cuesFile.parse(json("words/cues.json"));

/** Cue phrases (as token strings) -> attribute; the longest phrase wins where they overlap. */
export const CUES: ReadonlyMap<string, Cue> = (() => {
  const map = new Map<string, Cue>();
  for (const [attr, phrases] of Object.entries(cues.weak)) for (const p of phrases) map.set(phraseKey(p), { attr: attr as Attr, weak: true });
  for (const [attr, phrases] of Object.entries(cues.attrs)) for (const p of phrases) map.set(phraseKey(p), { attr: attr as Attr, weak: false });
  map.delete("");
  return map;
})();

/** Modifier phrases (as token strings) -> modifier. */
export const MODIFIER_PHRASES: ReadonlyMap<string, Modifier> = (() => {
  const map = new Map<string, Modifier>();
  for (const [mod, phrases] of Object.entries(modifiersFile.parse(json("words/modifiers.json")))) for (const p of phrases) map.set(phraseKey(p), mod as Modifier);
  map.delete("");
  return map;
})();

/** Request phrases (as token strings) -> the request: subscribing to announcements or stopping them. */
export const REQUESTS: ReadonlyMap<string, "langganan" | "berhenti_langganan"> = (() => {
  const file = z.object({ langganan: z.array(z.string()), berhenti_langganan: z.array(z.string()) }).parse(json("words/requests.json"));
  const map = new Map<string, "langganan" | "berhenti_langganan">();
  for (const p of file.langganan) map.set(phraseKey(p), "langganan");
  for (const p of file.berhenti_langganan) map.set(phraseKey(p), "berhenti_langganan");
  map.delete("");
  return map;
})();

/** World words that are not facts of the knowledge base: roles, other universities, companies, people, commodities, cities. */
export const lexicon = lexiconFile.parse(json("lexicon.json"));

/** The English stopwords of one or two letters that count as neutral (the list's others are too often abbreviations in chat). */
const EN_SHORT = new Set("a an as at be by do go he if in is it me my no of on or so to up us we".split(" "));

/**
 * Words that carry no subject in a question (stopwords of Indonesian and
 * English, greetings, verbs of asking and happening, general words of the
 * domain): never asked for, never "unexplained".
 */
export const NEUTRAL: ReadonlySet<string> = (() => {
  const set = new Set<string>();
  const add = (text: string) => {
    for (const t of tokenize(text)) set.add(t);
  };
  // The English list holds two-letter abbreviations ("mc", "pt", "mr") that are not stopwords here.
  for (const w of [...stopwords.id, ...stopwords.en.filter((w) => w.length > 2 || EN_SHORT.has(w))]) add(w);
  for (const line of readFileSync(dataPath("words/neutral.txt"), "utf8").split("\n")) if (!line.startsWith("#")) add(line);
  // What says what is asked, or changes it, is never neutral.
  for (const key of [...CUES.keys(), ...MODIFIER_PHRASES.keys()]) if (!key.includes(" ")) set.delete(key);
  return set;
})();

/** Longest number of tokens of any phrase in a map, by its first token. */
export function longestByFirst(keys: Iterable<string>): Map<string, number> {
  const out = new Map<string, number>();
  for (const k of keys) {
    const words = k.split(" ");
    out.set(words[0]!, Math.max(out.get(words[0]!) ?? 0, words.length));
  }
  return out;
}

/** Nouns naming what an amount measures ("berapa investasi" asks for an amount, not a count); data/words/amount-nouns.txt. */
export const AMOUNT_NOUNS: ReadonlySet<string> = new Set(
  readFileSync(dataPath("words/amount-nouns.txt"), "utf8").split("\n").map((w) => w.trim()).filter((w) => w && !w.startsWith("#")),
);

/** Everyday Indonesian words (data/common-id.txt): the typo corrector knows them, so that they stay as typed. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  readFileSync(dataPath("common-id.txt"), "utf8").split("\n").map((w) => w.trim()).filter(Boolean),
);
