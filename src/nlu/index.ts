import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../paths.js";
import type { Knowledge } from "../knowledge/schema.js";
import { IntentClassifier, type Example, type IntentScore } from "./classifier.js";
import { EntityIndex, PLACEHOLDER, type EntityMatch, type EntityRef } from "./entities.js";
import { tokenize } from "./normalize.js";
import { Vocabulary } from "./vocabulary.js";

export type Lang = "id" | "en";

const intentsSchema = z.object({
  intents: z.record(z.string(), z.object({ id: z.array(z.string()).min(1), en: z.array(z.string()).default([]) })),
});

/** Intent examples shipped in `data/intents.json`. */
export function loadIntentExamples(file = dataPath("intents.json")): Example[] {
  const parsed = intentsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return Object.entries(parsed.intents).flatMap(([intent, { id, en }]) => [...id, ...en].map((text) => ({ text, intent })));
}

/** Words that carry no topic but belong to questions; never "unknown". */
const FUNCTION_WORDS = `apa apakah siapa kapan dimana mana berapa bagaimana mengapa kenapa yang dan di ke dari pada untuk dengan
adalah ini itu ada tidak bukan sudah belum akan bisa saja juga atau antara oleh dalam sebagai tersebut kedua para
saya kamu kita kami mereka dia ia nya tahu mau ingin boleh tentang soal terkait berapakah sebut jelaskan beri berikan
info informasi data tanya pertanyaan jawab lagi sekarang kemarin besok hari ini tahun bulan minggu tanggal jam pukul
the a an of in on at to for and or is are was were be been do does did what who when where which how why much many
this that these those it its there any some with from about between by me my i you your we our can could would will
please tell show give know want get about than more most total value`;

const EN_MARKERS = new Set(
  `the of is are was were what who when where which how why much many does did do this that with about between
  value worth cooperation event visit trade mission signed governor vice rector commodities commodity target growth
  source come from tell me please thanks thank you hello hi help can i want subscribe stop mean stand for any there
  held take place venue attended purpose agreement benefits`.split(/\s+/),
);

/** What the bot understood of one question. */
export interface Understanding {
  /** The question as typed. */
  query: string;
  lang: Lang;
  /** Canonical tokens after slang expansion and typo correction. */
  tokens: string[];
  /** Normalised text, as stored for unanswered questions. */
  normalized: string;
  entities: EntityMatch[];
  years: number[];
  /** A span of years such as "2022-2024". */
  yearRange?: [number, number];
  /** Content words the bot does not know at all. */
  unknown: string[];
  /** Words in the original that look like names (capitalised mid-sentence) and are unknown. */
  unknownNames: string[];
  ranked: IntentScore[];
}

/** Indonesian (and English) text to intent and slots. Pure: no I/O after construction. */
export class Nlu {
  readonly vocab: Vocabulary;
  readonly entities: EntityIndex;
  readonly classifier: IntentClassifier;
  private readonly known: Set<string>;

  constructor(kb: Knowledge, examples: Example[] = loadIntentExamples()) {
    this.entities = new EntityIndex(kb);
    const words = new Set<string>(FUNCTION_WORDS.split(/\s+/).filter(Boolean));
    for (const w of this.entities.words()) words.add(w);
    for (const e of examples) for (const w of tokenize(e.text)) words.add(w);
    for (const w of kbWords(kb)) words.add(w);
    this.known = words;
    this.vocab = new Vocabulary(words);
    this.classifier = new IntentClassifier(examples, (text) => this.intentTokens(this.analyse(text)));
  }

  private analyse(text: string) {
    const raw = tokenize(text);
    const tokens = raw.map((t) => this.vocab.correct(t) ?? t);
    const entities = this.entities.match(tokens);
    return { raw, tokens, entities };
  }

  /** Tokens the intent matcher sees: entity words replaced by their type, years by "_tahun". */
  private intentTokens({ tokens, entities }: { tokens: string[]; entities: EntityMatch[] }): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = entities.find((e) => e.start === i);
      if (m) {
        const ph = PLACEHOLDER[m.ref.type];
        out.push(...(ph ? [ph] : tokens.slice(m.start, m.end)));
        i = m.end;
        continue;
      }
      const t = tokens[i]!;
      out.push(/^(19|20)\d\d$/.test(t) ? PLACEHOLDER.year : t);
      i++;
    }
    return out;
  }

  understand(query: string): Understanding {
    const { raw, tokens, entities } = this.analyse(query);
    const covered = new Set<number>();
    for (const e of entities) for (let i = e.start; i < e.end; i++) covered.add(i);
    const years = tokens.filter((t) => /^(19|20)\d\d$/.test(t)).map(Number);
    let yearRange: [number, number] | undefined;
    const joined = tokens.join(" ");
    const range = /\b((?:19|20)\d\d) (?:sampai|hingga|to|until|dan|and) ((?:19|20)\d\d)\b/.exec(joined);
    if (range) yearRange = [Number(range[1]), Number(range[2])];
    const unknown = tokens.filter(
      (t, i) => !covered.has(i) && !/\d/.test(t) && t.length >= 3 && !this.known.has(t),
    );
    const unknownNames = properNames(query).filter((name) => {
      const toks = tokenize(name).map((t) => this.vocab.correct(t) ?? t);
      return toks.some((t) => !this.known.has(t));
    });
    const enHits = raw.filter((t) => EN_MARKERS.has(t)).length;
    const lang: Lang = enHits >= 2 && enHits / Math.max(1, raw.length) >= 0.3 ? "en" : "id";
    const ranked = this.classifier.rank(this.intentTokens({ tokens, entities }), 3);
    return { query, lang, tokens, normalized: tokens.join(" "), entities, years, yearRange, unknown, unknownNames, ranked };
  }
}

/** All entity references of one type found in a question. */
export function refsOf<T extends EntityRef["type"]>(u: Understanding, type: T): Array<Extract<EntityRef, { type: T }>> {
  return u.entities.map((e) => e.ref).filter((r): r is Extract<EntityRef, { type: T }> => r.type === type);
}

/** Capitalised words that are not at the start of the sentence: likely names of people, places, companies. */
function properNames(text: string): string[] {
  const out: string[] = [];
  const words = text.split(/\s+/);
  words.forEach((w, i) => {
    const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    if (i === 0 || bare.length < 3) return;
    const prev = words[i - 1] ?? "";
    if (/[.!?]$/.test(prev)) return;
    if (/^\p{Lu}/u.test(bare)) out.push(bare);
  });
  return out;
}

function kbWords(kb: Knowledge): string[] {
  const texts: string[] = [];
  for (const e of kb.events) texts.push(e.title, e.venue, e.address ?? "", e.city, e.purpose ?? "", ...e.goals, ...e.agenda);
  for (const a of kb.agreements) texts.push(a.title, a.purpose);
  for (const a of kb.acronyms) texts.push(a.long);
  for (const c of kb.commodities) texts.push(c.sector, c.origin ?? "", c.note ?? "");
  for (const t of kb.targets) texts.push(t.indicator, t.horizon);
  for (const s of kb.statements) texts.push(s.text);
  for (const s of kb.sources) texts.push(s.title, s.author ?? "");
  return texts.flatMap((t) => tokenize(t));
}
