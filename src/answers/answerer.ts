import { readFileSync } from "node:fs";
import { z } from "zod";
import { translator, type Lang } from "../i18n/translate.js";
import { KnowledgeGraph, type RecordChange } from "../knowledge/graph.js";
import { ATTRS, KINDS, kindOf, type Attr, type KRecord, type RenderCtx } from "../knowledge/kinds/index.js";
import type { Knowledge } from "../knowledge/schema.js";
import { IntentClassifier, type Example } from "../nlu/classifier.js";
import { EntityIndex } from "../nlu/entity-index.js";
import { slang, tokenize } from "../nlu/normalize.js";
import { Parser } from "../nlu/parse.js";
import type { Question } from "../nlu/question.js";
import { stem } from "../nlu/stem.js";
import { Vocabulary } from "../nlu/vocabulary.js";
import { COMMON_WORDS, CUES, MODIFIER_PHRASES, NEUTRAL, REQUESTS } from "../nlu/words.js";
import { dataPath } from "../paths.js";
import { bounded, examples, followUps, nearPrompts, piece, prompt, sourceLines, type Piece, type Prompt } from "./compose.js";
import { followUp, isFresh, stateOf, type DialogueState } from "./dialogue.js";
import { queryOf, Resolver, type Query, type Resolution, type Scored } from "./resolve.js";

/** The bot's reply to one question; the same object backs the bot, the console and `ask --json`. */
export interface Answer {
  query: string;
  /** What was asked: "<kind>.<attribute>" ("acara.tempat"), a small-talk intent, or null when not understood. */
  intent: string | null;
  /** Confidence in [0, 1]. */
  score: number;
  /** True when the reply states the facts asked (or is a fitting small-talk reply); false for "not available", "which one?" and fallbacks. */
  answered: boolean;
  /** Plain text, exactly as sent. */
  answer: string;
  /** Up to three follow-up questions (buttons in Telegram). */
  suggestions: string[];
  lang: Lang;
  /** Normalised question, for the unanswered log. */
  normalized: string;
  /** The suggestions with the record and attribute each asks about, and the options of a "which one?". */
  prompts: Prompt[];
  /** The conversation's context after this answer (null: cleared). */
  context: DialogueState | null;
}

/** Options of one answer. */
export interface AnswerOptions {
  /** Forces the reply language (otherwise it follows the question). */
  lang?: Lang;
  /** The clock for "upcoming", "this year" and the context's age. */
  now?: Date;
  /** The conversation so far; absent or null: the question stands alone. */
  context?: DialogueState | null;
  /** How long a context lasts (default 30 minutes). */
  contextTtlMs?: number;
}

/** Requests that are not look-ups: greetings, help, thanks, subscribing and unsubscribing. */
export const SMALL_TALK = {
  sapaan: "greeting",
  bantuan: "help",
  terima_kasih: "thanks",
  langganan: "subscribe-hint",
  berhenti_langganan: "unsubscribe-hint",
} as const;
export type SmallTalk = keyof typeof SMALL_TALK;

const examplesSchema = z.object({
  intents: z.record(z.string(), z.object({ id: z.array(z.string()).min(1), en: z.array(z.string()).default([]) })),
});

/** Example requests of the small-talk intents (`data/intents.json`). */
export function loadIntentExamples(file = dataPath("intents.json")): Example[] {
  const parsed = examplesSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return Object.entries(parsed.intents).flatMap(([intent, { id, en }]) => [...id, ...en].map((text) => ({ text, intent })));
}

/** The kinds whose newest record gives an example question, in their order (see KindDef.exampleRank). */
const EXAMPLE_KINDS = KINDS.filter((k) => k.exampleRank !== undefined).sort((a, b) => (a.exampleRank ?? 0) - (b.exampleRank ?? 0));

/** Attribute names in `intent` ("acara.tempat"). */
const ATTR_NAMES: Partial<Record<Attr, string>> = {
  summary: "ringkasan", when: "waktu", time: "jam", where: "tempat", venue: "tempat", address: "alamat", city: "kota",
  province: "provinsi", who: "siapa", nickname: "panggilan", role: "jabatan", amount: "nilai", share: "porsi", rank: "peringkat",
  period: "periode", asOf: "tanggal-data", dataFrom: "asal-data", source: "sumber", author: "penulis", purpose: "tujuan",
  goals: "manfaat", agenda: "agenda", statement: "pernyataan", expansion: "kepanjangan", items: "komoditas", sector: "sektor",
  origin: "asal", market: "pasar", horizon: "jangka-waktu", count: "jumlah", duration: "durasi",
};

/** References through which a follow-up reaches related records. */
const RELATED = /^(p|o|e|f|a):/;

const CHOICE_WORDS: ReadonlyMap<string, number> = new Map([
  ["pertama", 1], ["kesatu", 1], ["first", 1], ["kedua", 2], ["second", 2], ["ketiga", 3], ["third", 3], ["keempat", 4], ["fourth", 4], ["kelima", 5], ["fifth", 5],
]);

/**
 * Turns questions into answers from the knowledge base: the question is read
 * against the records (entities linked from their names, the attribute
 * asked, the constraints), the records are looked up by what they are about,
 * and the reply is rendered from them with their sources. Holds the indexes
 * for the current knowledge; `apply` updates them by a change, `setKnowledge`
 * rebuilds them. Telegram-free: the bot, the console and the CLIs share it.
 */
export class Answerer {
  private graph!: KnowledgeGraph;
  private index!: EntityIndex;
  private vocab!: Vocabulary;
  private parser!: Parser;
  private resolver!: Resolver;
  private smallTalk: IntentClassifier;
  private extraExamples: Example[] = [];

  constructor(kb: Knowledge) {
    this.smallTalk = this.buildSmallTalk();
    this.setKnowledge(kb);
  }

  /** Rebuilds every index from a whole knowledge base. */
  setKnowledge(kb: Knowledge): void {
    this.graph = new KnowledgeGraph(kb);
    this.index = new EntityIndex(this.graph);
    // Chat forms too, so that a slip in one ("misison", "ngapian") is read as the form, then mapped.
    const words = new Set<string>([...this.index.words(), ...NEUTRAL, ...slang.keys()]);
    // And the formal words they stand for: "menyambut" is a word, not a slip of "nyambut".
    for (const formal of slang.values()) for (const w of formal.split(" ")) if (w) words.add(w);
    for (const key of [...CUES.keys(), ...MODIFIER_PHRASES.keys()]) for (const w of key.split(" ")) words.add(w);
    for (const e of this.smallTalk.examples) for (const w of tokenize(e.text)) words.add(w);
    this.vocab = new Vocabulary([...words, ...COMMON_WORDS]);
    this.parser = new Parser(this.vocab, this.index, this.graph);
    this.resolver = new Resolver(this.graph, this.index);
  }

  /** Applies saved record changes to the indexes: work in proportion to the change, not to the base. */
  apply(changes: readonly RecordChange[]): void {
    const touched = this.graph.apply(changes);
    this.vocab.add(this.index.update(touched));
    this.resolver.changed();
  }

  /** Replaces the admin-filed examples of small-talk intents. */
  setExtraExamples(examples: ReadonlyArray<{ text: string; intent: string }>): void {
    this.extraExamples = examples.filter((e) => e.intent in SMALL_TALK).map(({ text, intent }) => ({ text, intent }));
    this.smallTalk = this.buildSmallTalk();
  }

  /** The intents an admin may file an unanswered question under. */
  get intents(): readonly string[] {
    return Object.keys(SMALL_TALK);
  }

  /** Number of records in the indexes. */
  get size(): number {
    return this.graph.size;
  }

  /** Reads a question without answering it (for admins and tests). */
  understand(query: string): Question {
    return this.parser.parse(query);
  }

  /** Example questions from the newest facts (/start, /bantuan, did-you-mean). */
  examples(lang: Lang, limit = 3, now = new Date()): Prompt[] {
    const c = this.ctx(lang, now);
    const newest: Array<{ collection: string; record: KRecord }> = [];
    for (const kind of EXAMPLE_KINDS) {
      let best: KRecord | undefined;
      for (const r of this.graph.all(kind.collection)) if (!best || kind.date(r as never) > kind.date(best as never)) best = r;
      if (best) newest.push({ collection: kind.collection, record: best });
    }
    return examples(newest, c, limit);
  }

  /** The question behind a suggestion button: a record's attribute, asked in words. */
  promptFor(collection: string, id: string, attr: Attr, lang: Lang, now = new Date()): Prompt | undefined {
    const kind = KINDS.find((k) => k.collection === collection);
    const record = kind && this.graph.get(kind.collection, id);
    return kind && record ? prompt(kind, record as KRecord, attr, this.ctx(lang, now)) : undefined;
  }

  /** The token of a record for a button, or undefined when the record is gone. */
  tokenOf(collection: string, id: string): string {
    return this.graph.tokenOf(`${collection}/${id}`);
  }

  /**
   * Answers what a button asks: an attribute of one record, named by its kind's code and token.
   * Undefined when the button is outdated (the record is gone) or forged.
   */
  answerAbout(code: string, token: string, attr: string, opts: AnswerOptions = {}): Answer | undefined {
    const key = this.graph.byToken(token);
    const kind = key ? this.graph.located(key)?.kind : undefined;
    if (!key || !kind || kind.code !== code || !(ATTRS as readonly string[]).includes(attr)) return undefined;
    const now = opts.now ?? new Date();
    const lang = opts.lang ?? "id";
    const c = this.ctx(lang, now);
    const record = this.graph.located(key)!.record;
    const query = kind.subject?.(record as never, c) ?? kind.label(record as never, c);
    const state = stateOf({ attrs: [attr as Attr], specific: true, list: false, mentions: [], kinds: [], years: [], range: false, modifiers: [], unknown: [] }, [key], now);
    return this.reply({ query, lang, normalized: query }, this.resolveAll([this.onRecords([key], state)], c), c, now);
  }

  /** Answers one question, read against the conversation's context when one is given. */
  answer(query: string, opts: AnswerOptions = {}): Answer {
    const now = opts.now ?? new Date();
    const q = this.parser.parse(query);
    const lang = opts.lang ?? q.lang;
    const c = this.ctx(lang, now);
    const state = isFresh(opts.context, now, opts.contextTtlMs) ? opts.context : null;
    const base = { query, lang, normalized: q.normalized };

    const chosen = state?.options ? this.choice(q, state) : undefined;
    if (chosen) return this.reply(base, this.resolveAll([this.onRecords(chosen, state!)], c), c, now);

    const small = this.smallTalkOf(q);
    if (small) {
      return { ...base, intent: small.intent, score: small.score, answered: true, answer: c.t(SMALL_TALK[small.intent]), suggestions: [], prompts: this.examples(lang, 3, now), context: state };
    }
    const own = q.parts.map((p) => this.withNow(queryOf(q, p), q, now));
    const standalone = this.resolveAll(own, c);
    const found = (rs: Array<{ res: Resolution }>) => rs.some((r) => r.res.type === "found");
    // A follow-up names no subject of its own, asks nothing of its own, or points back ("itu", "-nya", "kalau ...").
    const subject = q.mentions.some((m) => !m.optional);
    const asks = q.parts.some((p) => p.attrs.length > 0);
    if (state) {
      // A question with its own subject and its own attribute stands on its own; the context only helps when it fails.
      const complete = subject && asks;
      if (!complete || (q.anaphoric && !found(standalone))) {
        const merged = this.resolveAll(own.map((x) => this.expand(followUp(x, state, (role, place) => this.parser.peopleAt(role, place)))), c);
        if (found(merged) && !(complete && found(standalone))) return this.reply(base, merged, c, now, state);
        // The record in context lacks what is asked: say so in its terms ("nilai MoU ... belum tersedia"),
        // unless the message stands on its own as another question.
        const aboutContext = merged.some((r) => r.res.type === "none" && r.res.reason !== "nothing");
        // "kalau jatim?", "and in 2024?": nothing but a new constraint, always read against the context.
        if (!asks && !q.kinds.length && aboutContext) return this.reply(base, merged, c, now, state);
        if (!found(standalone) && (aboutContext || !subject)) return this.reply(base, merged, c, now, state);
        if (aboutContext && q.anaphoric && !subject) return this.reply(base, merged, c, now, state);
      }
    }
    if (!this.topical(q) || standalone.every((r) => r.res.type === "none" && r.res.reason === "nothing")) return this.fallback(base, q, c, now, state);
    return this.reply(base, standalone, c, now);
  }

  private ctx(lang: Lang, now: Date): RenderCtx {
    return { t: translator(lang), lang, kb: this.graph, now };
  }

  private buildSmallTalk(): IntentClassifier {
    return new IntentClassifier([...loadIntentExamples(), ...this.extraExamples], (text) => tokenize(text));
  }

  /** A request that is not a look-up: it names nothing of the base and reads like an example of one. */
  private smallTalkOf(q: Question): { intent: SmallTalk; score: number } | undefined {
    if (q.parts.some((p) => p.specific) || q.years.length) return undefined;
    // "kabari saya kalau ada misi dagang baru", "nonaktifkan pengumuman acara": a request by its words.
    const requests = new Set<SmallTalk>();
    for (let i = 0; i < q.tokens.length; i++) {
      for (let len = 3; len >= 1; len--) {
        const r = REQUESTS.get(q.tokens.slice(i, i + len).join(" "));
        if (r) requests.add(r);
      }
    }
    if (requests.size) return { intent: requests.has("berhenti_langganan") ? "berhenti_langganan" : "langganan", score: 1 };
    if (q.mentions.length) return undefined;
    const top = this.smallTalk.rank(q.tokens, 1)[0];
    if (!top || !(top.intent in SMALL_TALK)) return undefined;
    const unknown = q.tokens.filter((t) => !NEUTRAL.has(t) && !this.smallTalkWords().has(t)).length;
    // At least one word of the examples longer than a letter ("a" alone is not "thanks a lot").
    const telling = q.tokens.some((t) => t.length > 1 && this.smallTalkWords().has(t));
    if (top.score < 0.5 || top.coverage < 0.6 || unknown > 1 || !telling) return undefined;
    return { intent: top.intent as SmallTalk, score: round(top.score) };
  }

  private stWords?: Set<string>;
  private smallTalkWords(): Set<string> {
    return (this.stWords ??= new Set(this.smallTalk.examples.flatMap((e) => tokenize(e.text))));
  }

  /** Relative years ("tahun lalu") as years, from the clock. */
  private withNow(query: Query, q: Question, now: Date): Query {
    if (!q.relativeYears.length) return query;
    return { ...query, years: [...query.years, ...q.relativeYears.map((r) => now.getUTCFullYear() + r)] };
  }

  /** Anything in the message about our domain at all. */
  private topical(q: Question): boolean {
    return q.topical || q.parts.some((p) => p.attrs.length > 0);
  }

  /** Record keys in a follow-up's mention stand for the records and everything that is them ("f:<id>"). */
  private expand(query: Query): Query {
    return {
      ...query,
      mentions: query.mentions.map((m) => {
        if (!m.keys.some((k) => k.includes("/"))) return m;
        const keys = new Set<string>();
        for (const k of m.keys) {
          keys.add(k);
          // A follow-up naming another kind ("kampusnya", "target investasinya") asks about what the
          // records in context are about: their organisations, provinces, events, people.
          for (const [ref, strength] of this.graph.refsOf(k)) if (strength === 3 || (query.only && RELATED.test(ref))) keys.add(ref);
        }
        return { ...m, keys: [...keys] };
      }),
    };
  }

  /** The options of a pending "which one?" (or of a list just given) that a reply picks: "2", "yang kedua", or names that single them out. */
  private choice(q: Question, state: DialogueState): string[] | undefined {
    const options = state.options!;
    const numbers = q.tokens.filter((t) => /^\d{1,2}$/.test(t)).map(Number);
    const ordinal = q.tokens.map((t) => CHOICE_WORDS.get(t)).find((n) => n !== undefined);
    // "kalau semester 2?": a number inside a modifier is no choice.
    const n = numbers.length === 1 && q.tokens.length <= 3 && !q.modifiers.length ? numbers[0] : ordinal;
    if (n !== undefined && n >= 1 && n <= options.length) return [options[n - 1]!];
    const described = this.described(q, options);
    if (described) return described;
    // A reply that asks something of its own is a new question, not a choice.
    if (q.parts.some((p) => p.attrs.length > 0) || q.years.length) return undefined;
    const mentions = q.mentions.filter((m) => !m.optional);
    const kinds = q.namedKinds;
    if (!mentions.length && !kinds.length) return undefined;
    const fitting = options.filter(
      (key) => mentions.every((m) => this.carries(key, m.keys)) && kinds.every((k) => key.startsWith(`${k}/`) || this.carries(key, this.keysOfKind(options, k))),
    );
    return fitting.length && fitting.length < options.length ? fitting : undefined;
  }

  /**
   * "yang di hotel", "yg DKP": a short reply that starts with "yang" picks the options whose
   * references, names or texts hold every word after it.
   */
  private described(q: Question, options: readonly string[]): string[] | undefined {
    if (q.tokens[0] !== "yang" || q.tokens.length > 4) return undefined;
    const named = q.mentions.filter((m) => m.start >= 1);
    const words = q.tokens.slice(1).filter((t, i) => !NEUTRAL.has(t) && t.length > 1 && !named.some((m) => m.start <= i + 1 && i + 1 < m.end));
    if (!words.length && !named.length) return undefined;
    const fitting = options.filter((key) => {
      if (!named.every((m) => this.carries(key, m.keys))) return false;
      if (!words.length) return true;
      const loc = this.graph.located(key);
      const roots = new Set<string>();
      for (const p of this.index.passagesOf(key)) for (const r of p.roots) roots.add(r);
      for (const name of loc?.kind.names?.(loc.record as never, this.graph) ?? []) for (const t of tokenize(name)) roots.add(stem(t));
      return words.every((w) => roots.has(stem(w)));
    });
    return fitting.length && fitting.length < options.length ? fitting : undefined;
  }

  /** The self keys of the options' related records of a collection ("yang kampus": the universities). */
  private keysOfKind(options: readonly string[], collection: string): string[] {
    const out: string[] = [];
    for (const key of options) for (const [ref, s] of this.graph.refsOf(key)) if (s === 2 && this.graph.carrying(ref).size && [...this.graph.carrying(ref).keys()].some((k) => k.startsWith(`${collection}/`) && this.graph.refsOf(k).get(ref) === 3)) out.push(ref);
    return out;
  }

  private carries(key: string, keys: readonly string[]): boolean {
    const refs = this.graph.refsOf(key);
    const text = this.index.textRefsOf(key);
    return keys.some((k) => refs.has(k) || text.has(k) || (k.startsWith("at:") && refs.has(`p:${k.slice(3)}`)));
  }

  /** The last question asked again of chosen records. */
  private onRecords(keys: string[], state: DialogueState): Query {
    return {
      attrs: state.attrs,
      specific: true,
      list: false,
      mentions: [{ label: "", keys, type: "record", start: -1, end: -1 }],
      kinds: [],
      years: [],
      range: false,
      modifiers: [],
      unknown: [],
    };
  }

  private resolveAll(queries: Query[], c: RenderCtx): Array<{ query: Query; res: Resolution }> {
    return queries.map((query) => ({ query, res: this.resolver.resolve(query, c) }));
  }

  private reply(base: Pick<Answer, "query" | "lang" | "normalized">, results: Array<{ query: Query; res: Resolution }>, c: RenderCtx, now: Date, previous?: DialogueState): Answer {
    const pieces: Piece[] = results.map(({ query, res }) => piece(query, res, c));
    const texts: string[] = [];
    for (const p of pieces) if (!texts.includes(p.text)) texts.push(p.text);
    const stated: Scored[] = pieces.flatMap((p) => p.records);
    const sources = sourceLines(stated, c).filter((l) => !texts.includes(l));
    const answer = bounded([...texts, ...sources].join("\n\n"), c);
    const options = pieces.find((p) => p.options)?.options;
    const first = results[0]!;
    const found = results.find((r) => r.res.type === "found");
    const asked = results.flatMap((r) => r.query.attrs);
    const near = pieces.flatMap((p) => p.near ?? []);
    const prompts: Prompt[] = options
      ? options.map((s) => ({ text: s.kind.label(s.record as never, c), ref: { collection: s.kind.collection, id: s.record.id, attr: (first.query.attrs[0] ?? "summary") as Attr } }))
      : stated.length
        ? followUps(stated, asked, c)
        : nearPrompts(near, asked, c);
    // A refusal still names what was asked about ("nilai.nilai" for "kalau 2024?").
    const kind = found?.res.type === "found" ? found.res.kind : first.query.kinds[0] ? kindOf(first.query.kinds[0]) : undefined;
    const attr = (found ?? first).query.attrs[0] ?? "summary";
    const score = found?.res.type === "found" ? round(Math.min(1, found.res.records[0]!.score / 10)) : 0;
    const records = stated.map((s) => s.key);
    // Records listed or offered can be picked in the next message ("yang di makassar", "2").
    const listed = options ?? (stated.length > 1 ? stated : undefined);
    let context = stateOf((found ?? first).query, records, now, listed?.map((s) => s.key));
    // A follow-up about the records in context ("itu di mana?") keeps what the conversation is about.
    if (previous && context.mentions.every((m) => m.keys.some((k) => k.includes("/")))) {
      context = { ...context, mentions: previous.mentions, kinds: context.kinds.length ? context.kinds : previous.kinds, years: previous.years, range: previous.range };
    }
    return {
      ...base,
      intent: options ? "pilih" : kind ? `${kind.name}.${ATTR_NAMES[attr] ?? attr}` : null,
      score,
      answered: pieces.every((p) => p.answered),
      answer,
      suggestions: options ? [] : prompts.map((p) => p.text),
      prompts,
      context,
    };
  }

  private fallback(base: Pick<Answer, "query" | "lang" | "normalized">, q: Question, c: RenderCtx, now: Date, state: DialogueState | null): Answer {
    const prompts = this.examples(c.lang, 3, now);
    const answer = [c.t("fallback"), prompts.length ? `${c.t("fallback-suggest")}\n${prompts.map((p) => `• ${p.text}`).join("\n")}` : ""].filter(Boolean).join("\n");
    void q;
    return { ...base, intent: null, score: 0, answered: false, answer, suggestions: prompts.map((p) => p.text), prompts, context: state };
  }
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}
