import { KINDS, type Collection } from "../knowledge/kinds/index.js";
import { cityKey } from "../knowledge/kinds/common.js";
import type { KnowledgeGraph } from "../knowledge/graph.js";
import { provinces } from "../knowledge/provinces.js";
import { tokenize } from "./normalize.js";
import { stem } from "./stem.js";
import { COMMON_WORDS, CUES, lexicon, MODIFIER_PHRASES, NEUTRAL } from "./words.js";

/** What a phrase of a question can stand for. */
export type Entry =
  /** A province (Kemendagri code). */
  | { type: "province"; key: string }
  /** A record of the knowledge base, by its self key ("o:unmul", "events/<id>"). */
  | { type: "record"; key: string; collection: Collection }
  /** A role of officials ("rektor", "wakil-gubernur"). */
  | { type: "role"; key: string }
  /** A kind of event ("misi-dagang"). */
  | { type: "eventKind"; key: string }
  /** A word naming a kind of record ("MoU", "acara", "komoditas"); `topic`: a word of its subject that names no kind by itself. */
  | { type: "kind"; key: Collection; topic?: boolean }
  /** A city ("c:balikpapan"). */
  | { type: "city"; key: string }
  /** Something the bot knows of but holds no fact about (another university, company, person, commodity). */
  | { type: "foreign"; key: string };

/** A phrase found in a question's tokens. */
export interface PhraseMatch {
  start: number;
  end: number;
  entries: Entry[];
  /** The phrase as the knowledge base or word list writes it ("Universitas Mulawarman"). */
  display: string;
}

/** One passage of a record's free text, with the roots of its words. */
export interface Passage {
  text: string;
  roots: ReadonlySet<string>;
}

const MAX_PHRASE = 8;
/** Most records a phrase in a record's text may name and still count as a reference to them. */
const MAX_TEXT_REFS = 24;
/** Words of the lexicon's names whose match alone says little ("bank" of "bank jatim"). */
const PROVINCE_PREFIXES = ["provinsi", "pemprov", "pemerintah provinsi", "prov"];

function entryId(e: Entry): string {
  return `${e.type}|${e.key}`;
}

/**
 * The names of everything a question can mention, and the free text of every
 * record, built from the knowledge graph and the word lists in `data/`. Names
 * come from the records themselves (each kind says how its records are
 * named), so a new record is understood as soon as it is saved; `update`
 * re-reads only the records a change touched.
 */
export class EntityIndex {
  /** phrase (tokens joined by spaces) -> entries with how many sources contributed each. */
  private readonly phrases = new Map<string, Map<string, { entry: Entry; count: number; display: string }>>();
  private readonly longest = new Map<string, number>();
  private readonly recordPhrases = new Map<string, Array<[string, Entry]>>();
  private readonly textRefs = new Map<string, Set<string>>();
  private readonly textPostings = new Map<string, Set<string>>();
  private readonly passages = new Map<string, Passage[]>();
  /** root -> records whose passages hold it. */
  private readonly rootPostings = new Map<string, Set<string>>();
  /** Words with digits ("12", "2023") -> records whose passages hold them: finds the texts a numbered name may occur in. */
  private readonly numberPostings = new Map<string, Set<string>>();
  private readonly numbersOf = new Map<string, string[]>();
  /** Number of passages holding each root, for weighting rare words. */
  private readonly rootDf = new Map<string, number>();
  private passageCount = 0;

  constructor(private readonly graph: KnowledgeGraph) {
    for (const p of provinces) {
      for (const name of new Set([p.name, p.short, ...p.aliases])) {
        const entry: Entry = { type: "province", key: p.code };
        this.addPhrase(name, entry);
        for (const prefix of PROVINCE_PREFIXES) this.addPhrase(`${prefix} ${name}`, entry);
      }
    }
    for (const [role, names] of Object.entries(lexicon.roles)) for (const n of names) this.addPhrase(n, { type: "role", key: role });
    for (const [kind, names] of Object.entries(lexicon.eventKinds)) for (const n of names) this.addPhrase(n, { type: "eventKind", key: kind });
    for (const kind of KINDS) for (const w of kind.words) this.addPhrase(w, { type: "kind", key: kind.collection });
    for (const kind of KINDS) for (const w of kind.topics ?? []) this.addPhrase(w, { type: "kind", key: kind.collection, topic: true });
    for (const n of [...lexicon.universities, ...lexicon.companies, ...lexicon.people, ...lexicon.commodities]) {
      this.addPhrase(n, { type: "foreign", key: `x:${tokenize(n).join(" ")}` });
    }
    for (const city of Object.keys(lexicon.cities)) this.addPhrase(city, { type: "city", key: cityKey(city) });
    const keys: string[] = [];
    for (const kind of KINDS) for (const r of graph.all(kind.collection)) keys.push(`${kind.collection}/${r.id}`);
    for (const key of keys) this.addRecordNames(key);
    for (const key of keys) this.addRecordTexts(key);
  }

  /** Every word of every phrase and passage, for the typo-correcting vocabulary. */
  words(): Set<string> {
    const out = new Set<string>();
    for (const k of this.phrases.keys()) for (const w of k.split(" ")) out.add(w);
    for (const list of this.passages.values()) for (const p of list) for (const w of tokenize(p.text)) out.add(w);
    return out;
  }

  /**
   * Re-reads the records a change touched (added, changed, removed, or
   * depending on one that was); returns the words they brought in.
   */
  update(touched: Iterable<string>): string[] {
    const keys = [...touched];
    const newPhrases: string[] = [];
    for (const key of keys) {
      // The names a record had before: those it keeps name it in the texts already linked.
      const had = new Set((this.recordPhrases.get(key) ?? []).map(([phrase, entry]) => `${phrase}|${entryId(entry)}`));
      this.removeRecord(key);
      if (!this.graph.located(key)) continue;
      this.addRecordNames(key);
      for (const [phrase, entry] of this.recordPhrases.get(key) ?? []) if (!had.has(`${phrase}|${entryId(entry)}`)) newPhrases.push(phrase);
    }
    // A new name may occur in texts saved before it: link those records again (the texts holding
    // every word of the name, not every text that shares its first word with a thousand titles).
    const relink = new Set(keys.filter((k) => this.graph.located(k)));
    for (const phrase of new Set(newPhrases)) for (const k of this.holdingAll(phrase)) relink.add(k);
    for (const key of relink) {
      this.removeTexts(key);
      this.addRecordTexts(key);
    }
    const words: string[] = [];
    for (const p of newPhrases) words.push(...p.split(" "));
    for (const key of relink) for (const p of this.passages.get(key) ?? []) words.push(...tokenize(p.text));
    return words;
  }

  /** Records whose passages hold every word of a phrase (its roots, and its numbers: "Nota Kesepahaman 12"). */
  private holdingAll(phrase: string): Iterable<string> {
    const sets: Array<ReadonlySet<string>> = [];
    for (const t of phrase.split(" ")) {
      const number = /\d/.test(t);
      if (!number && (NEUTRAL.has(t) || t.length <= 2)) continue;
      const set = number ? this.numberPostings.get(t) : this.rootPostings.get(stem(t));
      if (!set) return [];
      sets.push(set);
    }
    if (!sets.length) return [];
    sets.sort((a, b) => a.size - b.size);
    const [first, ...rest] = sets;
    return [...first!].filter((k) => rest.every((s) => s.has(k)));
  }

  /**
   * Longest-first phrase matches over a question's tokens; a span is used once. Entries
   * `skip` rejects do not count (a record's own name, when its text is read for what it names).
   */
  match(tokens: readonly string[], skip?: (e: Entry) => boolean): PhraseMatch[] {
    const out: PhraseMatch[] = [];
    for (let i = 0; i < tokens.length; ) {
      const longest = Math.min(this.longest.get(tokens[i]!) ?? 0, MAX_PHRASE, tokens.length - i);
      let found = false;
      for (let len = longest; len >= 1; len--) {
        const entries = this.phrases.get(len === 1 ? tokens[i]! : tokens.slice(i, i + len).join(" "));
        if (!entries?.size) continue;
        const values = skip ? [...entries.values()].filter((e) => !skip(e.entry)) : [...entries.values()];
        if (!values.length) continue;
        const list = values.map((e) => e.entry);
        // A name the knowledge base holds wins over the same words in the world lexicon.
        const known = list.some((e) => e.type === "record");
        const display = (values.find((e) => e.entry.type === "record") ?? values[0]!).display;
        out.push({ start: i, end: i + len, entries: known ? list.filter((e) => e.type !== "foreign") : list, display });
        i += len;
        found = true;
        break;
      }
      if (!found) i++;
    }
    return out;
  }

  /** A word questions use for themselves: neutral, a cue, a modifier, or a word of the fixed lists (roles, kinds, provinces). */
  private isQuestionWord(word: string): boolean {
    if (NEUTRAL.has(word) || CUES.has(word) || MODIFIER_PHRASES.has(word)) return true;
    return (this.questionWords.get(word) ?? 0) > 0;
  }

  /**
   * One-word phrases with an entry that is not a record's name (a province, role, kind, city), with
   * how many such entries: kept as phrases come and go, so that telling a question word is a lookup,
   * not a pass over the thousands of records a common word may name.
   */
  private readonly questionWords = new Map<string, number>();

  private countQuestionWord(key: string, entry: Entry, by: number): void {
    if (entry.type === "record" || entry.type === "foreign" || key.includes(" ")) return;
    const n = (this.questionWords.get(key) ?? 0) + by;
    if (n > 0) this.questionWords.set(key, n);
    else this.questionWords.delete(key);
  }

  /** True when a word belongs to the name of a record or a province. */
  isNameWord(word: string): boolean {
    return this.nameWords.has(word);
  }

  private readonly nameWords = new Set<string>();

  /** Keys of what a record's free text names (weaker than its structural references). */
  textRefsOf(recordKey: string): ReadonlySet<string> {
    return this.textRefs.get(recordKey) ?? EMPTY;
  }

  /** Records whose free text names `key`. */
  textCarrying(key: string): ReadonlySet<string> {
    return this.textPostings.get(key) ?? EMPTY;
  }

  /** A record's passages of free text. */
  passagesOf(recordKey: string): readonly Passage[] {
    return this.passages.get(recordKey) ?? [];
  }

  /** Records whose passages hold a root. */
  withRoot(root: string): ReadonlySet<string> {
    return this.rootPostings.get(root) ?? EMPTY;
  }

  /** How telling a root is: rare roots weigh more (inverse document frequency over passages). */
  rootWeight(root: string): number {
    return Math.log(1 + (this.passageCount + 1) / ((this.rootDf.get(root) ?? 0) + 1));
  }

  private addPhrase(text: string, entry: Entry): string | undefined {
    const key = tokenize(text).join(" ");
    if (!key) return undefined;
    let entries = this.phrases.get(key);
    if (!entries) this.phrases.set(key, (entries = new Map()));
    const id = entryId(entry);
    const cur = entries.get(id);
    if (cur) cur.count++;
    else {
      entries.set(id, { entry, count: 1, display: /\p{Lu}/u.test(text) ? text.trim() : titleCase(text.trim()) });
      this.countQuestionWord(key, entry, 1);
    }
    const words = key.split(" ");
    this.longest.set(words[0]!, Math.max(this.longest.get(words[0]!) ?? 0, words.length));
    if (entry.type === "record" || entry.type === "province") for (const w of words) this.nameWords.add(w);
    return key;
  }

  private removePhrase(key: string, entry: Entry): void {
    const entries = this.phrases.get(key);
    const id = entryId(entry);
    const cur = entries?.get(id);
    if (!entries || !cur) return;
    if (--cur.count <= 0) {
      entries.delete(id);
      this.countQuestionWord(key, entry, -1);
    }
    if (!entries.size) this.phrases.delete(key);
  }

  /** Adds the names of a record; returns the phrases it added. */
  private addRecordNames(key: string): string[] {
    const loc = this.graph.located(key)!;
    const { kind, record } = loc;
    const self = kind.self?.(record as never)[0] ?? key;
    const added: Array<[string, Entry]> = [];
    const add = (text: string, entry: Entry) => {
      const phrase = this.addPhrase(text, entry);
      if (phrase) added.push([phrase, entry]);
    };
    for (const name of kind.names?.(record as never, this.graph) ?? []) {
      if (!name.trim()) continue;
      add(name, { type: "record", key: self, collection: kind.collection });
      // A longer word of a name names the record too, unless it is a word of questions itself
      // ("Gubernur", "Nomor", a province, a kind): those would make every question about the record.
      const parts = tokenize(name).filter((p) => p.length >= (kind.nameParts === "first" ? 5 : 4) && !this.isQuestionWord(p) && !(kind.nameParts === "first" && COMMON_WORDS.has(p)));
      for (const part of kind.nameParts === "all" ? parts : parts.slice(0, 1)) add(part, { type: "record", key: self, collection: kind.collection });
    }
    const city = (record as { city?: unknown }).city;
    if (typeof city === "string" && city.trim()) add(city, { type: "city", key: cityKey(city) });
    this.recordPhrases.set(key, added);
    return added.map(([p]) => p);
  }

  private addRecordTexts(key: string): void {
    const loc = this.graph.located(key);
    if (!loc) return;
    const self = new Set(this.graph.refsOf(key).keys());
    const refs = new Set<string>();
    const passages: Passage[] = [];
    const numbers = new Set<string>();
    for (const text of loc.kind.texts?.(loc.record as never, this.graph) ?? []) {
      if (!text.trim()) continue;
      const tokens = tokenize(text);
      // The record's own name in its text ("kunjungan wisatawan asal Jawa Timur ke Papua") is read for the names inside it.
      for (const m of this.match(tokens, (e) => e.type === "record" && self.has(e.key))) {
        // A phrase that names many records ("pameran", the first word of a thousand event titles) names
        // none of them in particular: not a reference (and linking every text to each would be quadratic).
        if (m.entries.length > MAX_TEXT_REFS) continue;
        for (const e of m.entries) {
          // Names of records and cities; provinces only for kinds that hold none with a direction
          // (a commodity "dipasarkan di Jawa Timur" is not a commodity of Jawa Timur).
          const k = e.type === "record" || e.type === "city" ? e.key : e.type === "province" && loc.kind.textProvinces !== false ? `p:${e.key}` : undefined;
          if (k && !self.has(k)) refs.add(k);
          // "Pemprov Jatim" in a text is the province, too.
          if (e.type === "record" && e.key.startsWith("o:")) {
            const org = this.graph.get("organisations", e.key.slice(2));
            if (org?.kind === "pemerintah-daerah" && org.province) refs.add(`p:${org.province}`);
          }
        }
      }
      const roots = new Set<string>();
      for (const t of tokens) {
        if (/\d/.test(t)) numbers.add(t);
        else if (!NEUTRAL.has(t) && t.length > 2) roots.add(stem(t));
      }
      passages.push({ text, roots });
    }
    this.passages.set(key, passages);
    this.passageCount += passages.length;
    for (const p of passages) {
      for (const r of p.roots) {
        this.rootDf.set(r, (this.rootDf.get(r) ?? 0) + 1);
        let set = this.rootPostings.get(r);
        if (!set) this.rootPostings.set(r, (set = new Set()));
        set.add(key);
      }
    }
    for (const n of numbers) {
      let set = this.numberPostings.get(n);
      if (!set) this.numberPostings.set(n, (set = new Set()));
      set.add(key);
    }
    if (numbers.size) this.numbersOf.set(key, [...numbers]);
    this.textRefs.set(key, refs);
    for (const k of refs) {
      let set = this.textPostings.get(k);
      if (!set) this.textPostings.set(k, (set = new Set()));
      set.add(key);
    }
  }

  private removeTexts(key: string): void {
    for (const k of this.textRefs.get(key) ?? []) {
      const set = this.textPostings.get(k);
      set?.delete(key);
      if (set && !set.size) this.textPostings.delete(k);
    }
    this.textRefs.delete(key);
    const passages = this.passages.get(key) ?? [];
    this.passageCount -= passages.length;
    for (const p of passages) {
      for (const r of p.roots) {
        const df = (this.rootDf.get(r) ?? 1) - 1;
        if (df <= 0) this.rootDf.delete(r);
        else this.rootDf.set(r, df);
      }
    }
    const roots = new Set(passages.flatMap((p) => [...p.roots]));
    for (const r of roots) {
      const set = this.rootPostings.get(r);
      set?.delete(key);
      if (set && !set.size) this.rootPostings.delete(r);
    }
    this.passages.delete(key);
    for (const n of this.numbersOf.get(key) ?? []) {
      const set = this.numberPostings.get(n);
      set?.delete(key);
      if (set && !set.size) this.numberPostings.delete(n);
    }
    this.numbersOf.delete(key);
  }

  private removeRecord(key: string): void {
    for (const [phrase, entry] of this.recordPhrases.get(key) ?? []) this.removePhrase(phrase, entry);
    this.recordPhrases.delete(key);
    this.removeTexts(key);
  }
}

const EMPTY: ReadonlySet<string> = new Set();

/** "bank indonesia" -> "Bank Indonesia", for names the word lists write in lower case. */
export function titleCase(s: string): string {
  // A short single word in a word list is an abbreviation: "its" is ITS, "pln" is PLN.
  if (/^\p{L}{2,4}$/u.test(s)) return s.toUpperCase();
  return s.replace(/(^|\s)(\p{L})/gu, (_, sp: string, ch: string) => sp + ch.toUpperCase());
}
