import { SELF, type KnowledgeGraph } from "../knowledge/graph.js";
import type { Attr, Collection, Modifier } from "../knowledge/kinds/index.js";
import { provinceName, provinceShort } from "../knowledge/provinces.js";
import { titleCase, type EntityIndex, type Entry, type PhraseMatch } from "./entity-index.js";
import { detectLang } from "./lang.js";
import { amountsIn, capitalised, findPhrases } from "./spans.js";
import { COORDINATORS, LIST_WORDS, namesKind, splitParts, TOPIC_MARKERS } from "./parts.js";
import { eachPerson, placeKeysOf, type Mention, type Question, type Span } from "./question.js";
import { clean, tokenizeClean } from "./normalize.js";
import { isNumberWord, wordsToNumbers } from "./numbers.js";
import type { Vocabulary } from "./vocabulary.js";
import { AMOUNT_NOUNS, CUES, lexicon, longestByFirst, MODIFIER_PHRASES, NEUTRAL } from "./words.js";

const DESTINATION = new Set(["ke", "menuju", "to", "pasar", "di", "in", "untuk", "bagi", "for"]);
const PLACE_GLUE = new Set(["provinsi", "dari", "di", "of", "the", "kota", "pemprov", "pemerintah", "at", "for"]);
const NOT_ORDINAL_BEFORE = new Set(["provinsi", "daerah", "wilayah", "pihak", "belah", "province", "provinces", "sides", "negara", "pemerintah", "pemprov", "kota", "instansi", "lembaga"]);
const FOLLOW_UP_OPENERS = new Set(["kalau", "trus", "terus", "lalu", "and", "how", "what", "yang", "yg", "kalo", "klo", "lha", "nah", "then"]);
/** Words that point back to what was said before; "apa itu X" asks what X is. */
const ANAPHORA = /(?<!\b(?:apa|siapa|what) )\b(itu|tersebut|dia|beliau|ia|nya|iku|kuwi|it|that|he|she|they|there|its|their)\b|\w{3,}nya\b/;
const MONTHS: ReadonlyMap<string, number> = new Map([
  ["januari", 1], ["februari", 2], ["maret", 3], ["april", 4], ["mei", 5], ["juni", 6], ["juli", 7], ["agustus", 8],
  ["september", 9], ["oktober", 10], ["november", 11], ["desember", 12], ["january", 1], ["february", 2], ["march", 3],
  ["may", 5], ["june", 6], ["july", 7], ["august", 8], ["october", 10], ["december", 12],
]);
const YEAR = /^(19|20)\d\d$/;
const HOW_MANY = new Set(["berapa", "many"]);
/** Last words of titles that head an agency named after them ("kepala dinas X"). */
const AGENCY_HEADS = new Set(["dinas", "badan", "biro", "balai", "kantor"]);
/** Words a self-introduction starts with ("saya staf di ...", "kami dari ..."). */
const FIRST_PERSON = new Set(["saya", "aku", "kami", "gue", "gw", "i", "we"]);
/** Words that make a clause a question. */
const INTERROGATIVE = new Set(["apa", "apakah", "siapa", "kapan", "dimana", "mana", "berapa", "bagaimana", "gimana", "kenapa", "mengapa", "what", "who", "when", "where", "which", "how", "why"]);
const OR = new Set(["atau", "or", "ato"]);
const AMOUNT_UNITS = new Set(["rp", "rupiah", "miliar", "juta", "triliun", "ribu", "billion", "million", "trillion"]);
const OF = new Set(["dari", "terhadap", "of", "dibanding"]);
/** Kinds whose records have an amount: "berapa target", "berapa nilai" ask for it, not for a count. */
const COUNTABLE_EXCEPT = new Set<Collection>(["cooperationValues", "targets", "rankings"]);
/** Attributes whose cue is a type of thing ("hotel", "kota"), which also describes a name next to it. */
const TYPE_NOUNS = new Set<Attr>(["venue", "city", "province"]);
const ASKING = new Set(["apa", "mana", "dimana", "what", "which", "where"]);
const CUE_LONGEST = longestByFirst(CUES.keys());
const MODIFIER_LONGEST = longestByFirst(MODIFIER_PHRASES.keys());

/**
 * Reads a message against the knowledge base: canonical tokens, what it names
 * (entities linked to records, provinces, people by role and place, cities,
 * kinds of event), what it asks (attributes, per part for messages that ask
 * several things), constraints (years, months, modifiers) and the words
 * nothing explains. Pure: no I/O.
 */
export class Parser {
  /** Words of the message written as names (capitalised mid-sentence, or in capitals). */
  private capitals = new Set<string>();

  constructor(
    private readonly vocab: Vocabulary,
    private readonly index: EntityIndex,
    private readonly graph: KnowledgeGraph,
  ) {}

  /** Reads one message; use it for every question before resolving it (the answerer does). */
  parse(query: string): Question {
    // Clauses: sentences and comma-separated pieces, so that a preamble can be told from the question.
    const tokens: string[] = [];
    const clauseOf: number[] = [];
    const typed: string[] = [];
    // Words typed in capitals in a message that is not all capitals: abbreviations, kept as typed.
    const upper = new Set<string>();
    if (query !== query.toUpperCase()) for (const w of query.split(/[^\p{L}]+/u)) if (w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w)) upper.add(w.toLowerCase());
    query.split(/[.?!;\n]+|,(?!\d)/).forEach((clause, c) => {
      const cleaned = clean(clause);
      if (!cleaned) return;
      typed.push(...cleaned.split(" "));
      // Typo corrections can make two-word spellings whole again ("kerj sama"): read the corrected words once more.
      const corrected = wordsToNumbers(tokenizeClean(cleaned, upper)).map((t) => (upper.has(t) ? t : this.correct(t)));
      for (const t of tokenizeClean(corrected.join(" "), upper)) {
        tokens.push(this.correct(t));
        clauseOf.push(c);
      }
    });
    const n = tokens.length;
    const covered = new Uint8Array(n);
    this.capitals = new Set(capitalised(query).map((w) => w.toLowerCase()));
    for (const w of query.split(/[^\p{L}]+/u)) if (w.length >= 2 && w === w.toUpperCase() && /\p{Lu}/u.test(w) && query !== query.toUpperCase()) this.capitals.add(w.toLowerCase());
    const { mentions, kindSpans } = this.link(tokens, clauseOf, covered);

    // Years, spans of years, relative years, months.
    const dated = new Uint8Array(n);
    const yearAt: Array<{ index: number; year: number }> = [];
    const relativeAt: Array<{ index: number; offset: number }> = [];
    let range = false;
    let month: Question["month"];
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (YEAR.test(t)) {
        yearAt.push({ index: i, year: Number(t) });
        dated[i] = 1;
        const prev = tokens[i - 2];
        if (YEAR.test(prev ?? "") && ["sampai", "hingga", "to", "until", "through"].includes(tokens[i - 1]!)) range = true;
        if (YEAR.test(prev ?? "") && ["dan", "and"].includes(tokens[i - 1]!) && ["antara", "between", "periode", "period"].includes(tokens[i - 3] ?? "")) range = true;
      } else if (MONTHS.has(t) && (t !== "may" || /^\d+$/.test(tokens[i + 1] ?? "") || /^\d+$/.test(tokens[i - 1] ?? ""))) {
        month = { month: MONTHS.get(t)!, year: YEAR.test(tokens[i + 1] ?? "") ? Number(tokens[i + 1]) : undefined };
        dated[i] = 1;
        if (/^\d{1,2}$/.test(tokens[i - 1] ?? "")) dated[i - 1] = 1;
      } else if ((t === "tahun" || t === "year") && i + 1 < n) {
        const next = tokens[i + 1]!;
        const rel = next === "ini" || next === "this" ? 0 : next === "lalu" || next === "kemarin" || next === "last" ? -1 : next === "depan" || next === "next" ? 1 : undefined;
        if (rel !== undefined) {
          relativeAt.push({ index: i, offset: rel });
          dated[i] = dated[i + 1] = 1;
        }
      }
    }

    // What is asked. A cue inside a name ("Gedung ...") is part of the name; a noun of a
    // type next to a name ("hotel Swiss-Belhotel", "kota Balikpapan") describes it.
    const names = new Uint8Array(n);
    for (const m of mentions) names.fill(1, m.start, m.end);
    for (let i = 0; i < n; i++) if (dated[i]) names[i] = 1;
    const cues: Array<Span & { value: { attr: Attr; weak: boolean } }> = findPhrases(tokens, CUES, CUE_LONGEST, names).filter((c) => {
      if (!TYPE_NOUNS.has(c.value.attr)) return true;
      const named = mentions.some((m) => (m.start === c.end || m.end === c.start) && (m.type === "record" || m.type === "city" || m.type === "foreign"));
      return !named || ASKING.has(tokens[c.end] ?? "") || tokens.slice(c.start, c.end).some((t) => ASKING.has(t));
    });
    // "berapa UMKM", "how many investors": "berapa" before a thing counts it, unless the thing has an amount ("berapa target").
    for (let i = 0; i + 1 < n; i++) {
      const next = tokens[i + 1]!;
      if (!HOW_MANY.has(tokens[i]!) || cues.some((c) => c.start <= i && i < c.end && c.end - c.start > 1)) continue;
      if (CUES.has(next) || MODIFIER_PHRASES.has(next) || NEUTRAL.has(next) || COORDINATORS.has(next) || AMOUNT_NOUNS.has(next) || /\d/.test(next)) continue;
      const kind = kindSpans.find((k) => k.start === i + 1)?.kind;
      if (kind && COUNTABLE_EXCEPT.has(kind)) continue;
      // "nilainya brp jabar maluku": a place after "berapa" is what the figure is of, not a thing counted.
      if (mentions.some((m) => m.start === i + 1 && (m.type === "province" || m.type === "city"))) continue;
      const at = cues.findIndex((c) => c.start === i);
      const cue = { start: i, end: i + 1, value: { attr: "count" as Attr, weak: false } };
      if (at >= 0) cues[at] = cue;
      else cues.push(cue);
    }
    const mods: Array<Span & { value: Modifier }> = [];
    // Modifier words that turned out not to be ("kedua provinsi"): explained, not asked.
    const quiet: Span[] = [];
    for (const m of findPhrases(tokens, MODIFIER_PHRASES, MODIFIER_LONGEST, names)) {
      // "kedua provinsi" is "both provinces", not "the second"; "tahun depan" is a year.
      const notOrdinal = m.value === "ordinal" && (NOT_ORDINAL_BEFORE.has(tokens[m.end] ?? "") || m.end === n);
      // "berapa persen dari nilai kumulatif": the whole a share is taken of, not the record asked.
      const whole = cues.some((c) => c.value.attr === "share") && tokens.slice(Math.max(0, m.start - 2), m.start).some((t) => OF.has(t));
      if (!notOrdinal && !whole) mods.push(m);
      else quiet.push(m);
    }

    // Clauses that ask something; the others (greetings, "saya staf di ...") are a preamble.
    const focus = new Set<number>();
    const mark = (start: number, end: number) => {
      for (let i = start; i < end; i++) focus.add(clauseOf[i]!);
    };
    for (const c of cues) mark(c.start, c.end);
    for (const k of kindSpans) mark(k.start, k.end);
    for (const m of mods) mark(m.start, m.end);
    for (let i = 0; i < n; i++) if (dated[i]) focus.add(clauseOf[i]!);
    // "saya mahasiswa yang menyusun skripsi tentang perdagangan, berapa ...": who is asking, not what.
    for (const clause of [...focus]) {
      const words = tokens.filter((_, i) => clauseOf[i] === clause);
      if (focus.size > 1 && FIRST_PERSON.has(words[0] ?? "") && !words.some((w) => INTERROGATIVE.has(w))) focus.delete(clause);
    }
    const inFocus = (i: number) => !focus.size || focus.has(clauseOf[i]!);

    // Capitalised words nothing knows ("MoU dengan Bank Indonesia"): names of something the base does not hold.
    const capitals = this.capitals;
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (covered[i] || dated[i] || !inFocus(i) || !capitals.has(t) || NEUTRAL.has(t) || CUES.has(t) || MODIFIER_PHRASES.has(t) || this.index.isNameWord(t)) continue;
      let j = i + 1;
      while (j < n && !covered[j] && capitals.has(tokens[j]!) && !CUES.has(tokens[j]!)) j++;
      mentions.push({ start: i, end: j, label: titleCase(tokens.slice(i, j).join(" ")), keys: [], type: "foreign" });
      covered.fill(1, i, j);
      i = j - 1;
    }
    mentions.sort((a, b) => a.start - b.start);
    // "apa kata gubernur jateng soal kerja sama dgn sulsel": a name inside the topic of what is asked
    // narrows it only where it can; what was said by whom is the question.
    const topical = mentions.filter((m) => tokens.slice(Math.max(0, m.start - 4), m.start).some((t) => TOPIC_MARKERS.has(t)));
    if (topical.length && topical.length < mentions.length) for (const m of topical) m.optional = true;
    // Names in the preamble count only when the question itself names nothing.
    const asked = mentions.filter((m) => inFocus(m.start));
    const kept = asked.length ? asked : mentions;

    const explained = covered.slice();
    for (const c of cues) explained.fill(1, c.start, c.end);
    for (const m of [...mods, ...quiet]) explained.fill(1, m.start, m.end);
    for (let i = 0; i < n; i++) if (dated[i] || LIST_WORDS.has(tokens[i]!) || AMOUNT_UNITS.has(tokens[i]!)) explained[i] = 1;
    const unknown: Question["unknown"] = [];
    for (let i = 0; i < n; i++) {
      const t = tokens[i]!;
      if (explained[i] || NEUTRAL.has(t) || /\d/.test(t) || t.length < 2 || !inFocus(i) || isNumberWord(t)) continue;
      unknown.push({ index: i, word: t });
    }

    const parts = splitParts(tokens, clauseOf, cues, kept, kindSpans, mods, yearAt).flatMap(eachPerson);
    const cleaned = clean(query);
    const first = cleaned.split(" ")[0] ?? "";
    const years = [...new Set(yearAt.map((y) => y.year))];
    const relativeYears = relativeAt.map((r) => r.offset);
    const modifiers = [...new Set(mods.map((m) => m.value))].filter((m) => !(relativeYears.length && (m === "upcoming" || m === "latest")));
    return {
      query,
      lang: detectLang(typed),
      tokens,
      normalized: tokens.join(" "),
      parts,
      mentions: kept,
      kinds: [...new Set(kindSpans.map((k) => k.kind))],
      namedKinds: [...new Set(kindSpans.filter((k) => namesKind(k, cues, tokens)).map((k) => k.kind))],
      years,
      range,
      relativeYears,
      month,
      modifiers,
      amounts: amountsIn(tokens),
      unknown,
      anaphoric: ANAPHORA.test(cleaned) || FOLLOW_UP_OPENERS.has(first),
      topical: kept.length > 0 || kindSpans.length > 0 || cues.some((c) => !c.value.weak) || years.length > 0 || mods.length > 0,
    };
  }

  /**
   * Names in the tokens, clause by clause: provinces (with their direction), records of the
   * base, people described by role and place, cities, kinds of event, things the base does
   * not hold, and words naming a kind of record.
   */
  private link(tokens: readonly string[], clauseOf: readonly number[], covered: Uint8Array): { mentions: Mention[]; kindSpans: Array<Span & { kind: Collection; topic?: boolean }> } {
    const n = tokens.length;
    const matches: PhraseMatch[] = [];
    for (let s = 0; s < n; ) {
      let e = s;
      while (e < n && clauseOf[e] === clauseOf[s]) e++;
      for (const m of this.index.match(tokens.slice(s, e))) matches.push({ ...m, start: m.start + s, end: m.end + s });
      s = e;
    }
    const asksExpansion = tokens.some((t) => CUES.get(t)?.attr === "expansion");
    const mentions: Mention[] = [];
    const kindSpans: Array<Span & { kind: Collection; topic?: boolean }> = [];
    const roles: Array<Span & { role: string; text: string }> = [];
    for (const m of matches) {
      const text = m.display;
      // An abbreviation that is also a kind word or a province ("MoU", "Jatim") is that, unless its full form is asked.
      const records = m.entries.filter((e): e is Extract<Entry, { type: "record" }> => e.type === "record");
      const abbreviationOnly = records.every((e) => e.collection === "acronyms");
      const entries = abbreviationOnly && !asksExpansion && m.entries.some((e) => e.type !== "record") ? m.entries.filter((e) => e.type !== "record") : m.entries;
      const types = new Set(entries.map((e) => e.type));
      const pick = (type: Entry["type"]) => entries.filter((e) => e.type === type);
      const recs = pick("record") as Array<Extract<Entry, { type: "record" }>>;
      if (types.has("kind") && (types.size === 1 || (types.size === 2 && types.has("eventKind")))) {
        for (const e of pick("kind") as Array<Extract<Entry, { type: "kind" }>>) kindSpans.push({ start: m.start, end: m.end, kind: e.key, topic: e.topic });
      }
      if (types.has("eventKind")) {
        mentions.push({ start: m.start, end: m.end, label: text, keys: pick("eventKind").map((e) => `k:${e.key}`), type: "eventKind" });
        kindSpans.push({ start: m.start, end: m.end, kind: "events" });
      } else if (types.has("province") && !(asksExpansion && types.has("record"))) {
        // "ke Kaltim", "di Kaltim": where something goes or happens, not a side of it.
        // "Pemprov Kaltim" is the province, and also the organisation of that name.
        const code = pick("province")[0]!.key;
        const towards = m.start > 0 && DESTINATION.has(tokens[m.start - 1]!);
        const keys = towards ? [`at:${code}`, `to:${code}`] : [`p:${code}`];
        mentions.push({ start: m.start, end: m.end, label: provinceShort(code), keys: [...keys, ...recs.map((e) => e.key)], type: "province" });
      } else if (recs.length) {
        // A record named by a question word ("APA", "KAPAN") is meant only when typed as a name.
        if (m.end - m.start === 1 && CUES.has(tokens[m.start]!) && !this.capitals.has(tokens[m.start]!)) continue;
        const acronym = recs.every((e) => e.collection === "acronyms") && !asksExpansion;
        mentions.push({ start: m.start, end: m.end, label: text, keys: [...new Set(recs.map((e) => e.key))], type: "record", collection: recs[0]!.collection, optional: acronym || undefined });
      } else if (types.has("role")) {
        roles.push({ start: m.start, end: m.end, role: pick("role")[0]!.key, text });
      } else if (types.has("city")) {
        mentions.push({ start: m.start, end: m.end, label: text, keys: pick("city").map((e) => e.key), type: "city" });
      } else if (types.has("foreign")) {
        // "its", "ui": a short name that is also an everyday word counts only when typed as a name.
        if (m.end - m.start === 1 && NEUTRAL.has(tokens[m.start]!) && !this.capitals.has(tokens[m.start]!)) continue;
        mentions.push({ start: m.start, end: m.end, label: text, keys: [], type: "foreign" });
      } else {
        continue;
      }
      covered.fill(1, m.start, m.end);
    }
    for (const k of kindSpans) covered.fill(1, k.start, k.end);
    this.alternatives(mentions, tokens);
    // An abbreviation is in passing only beside something else the question names ("apa itu BUMN" asks about it).
    if (!kindSpans.length && !roles.length && mentions.every((m) => m.optional)) for (const m of mentions) delete m.optional;
    this.otherProvince(mentions);
    this.namedAgencies(roles, mentions, tokens, covered);
    this.composeRoles(roles, mentions, tokens);
    return { mentions, kindSpans };
  }

  /**
   * "kepala dinas kelautan dan perikanan": the head of an agency named by the words after the
   * title. Words nothing in the base knows name an agency it does not hold: nobody, not any head.
   */
  private namedAgencies(roles: Array<Span & { role: string; text: string }>, mentions: Mention[], tokens: readonly string[], covered: Uint8Array): void {
    for (let i = roles.length - 1; i >= 0; i--) {
      const r = roles[i]!;
      if (!AGENCY_HEADS.has(tokens[r.end - 1]!)) continue;
      let j = r.end;
      while (j < tokens.length && !covered[j] && !NEUTRAL.has(tokens[j]!) && !CUES.has(tokens[j]!) && !/\d/.test(tokens[j]!)) j++;
      if (j === r.end) continue;
      roles.splice(i, 1);
      mentions.push({ start: r.start, end: j, label: titleCase(tokens.slice(r.start, j).join(" ")), keys: [], type: "foreign" });
      covered.fill(1, r.start, j);
    }
  }

  /** "di Balikpapan atau Samarinda": names of one sort joined by "atau" offer alternatives; one of them is enough. */
  private alternatives(mentions: Mention[], tokens: readonly string[]): void {
    for (let i = 0; i + 1 < mentions.length; i++) {
      const a = mentions[i]!;
      const b = mentions[i + 1]!;
      if (a.type !== b.type || b.start !== a.end + 1 || !OR.has(tokens[a.end]!)) continue;
      mentions.splice(i, 2, { ...a, end: b.end, label: `${a.label} / ${b.label}`, keys: [...a.keys, ...b.keys] });
      i--;
    }
  }

  /**
   * "DPMPTSP Jatim" when the base knows only the DPMPTSP of Kaltim: an organisation named
   * with a province other than its own is another organisation, which the base does not hold.
   */
  private otherProvince(mentions: Mention[]): void {
    for (let i = 0; i + 1 < mentions.length; i++) {
      const org = mentions[i]!;
      const prov = mentions[i + 1]!;
      if (org.type !== "record" || !org.keys.some((k) => k.startsWith("o:")) || prov.type !== "province" || prov.start !== org.end) continue;
      const code = prov.keys[0]!.split(":")[1]!;
      const provinces = org.keys.filter((k) => k.startsWith("o:")).map((k) => this.graph.carrying(k)).flatMap((m) => [...m.entries()].filter(([, s]) => s === SELF).map(([key]) => key))
        .map((key) => (this.graph.located(key)?.record as { province?: string } | undefined)?.province)
        .filter((p): p is string => !!p);
      if (provinces.length && !provinces.includes(code)) {
        mentions.splice(i, 2, { start: org.start, end: prov.end, label: `${org.label} ${prov.label}`, keys: [], type: "foreign" });
      }
    }
  }

  /** A token as the vocabulary knows it: typo corrected, "-nya" forms read as the bare word. */
  private correct(t: string): string {
    if (/\d/.test(t)) return t;
    const fixed = this.vocab.correct(t) ?? t;
    return fixed.length >= 6 && fixed.endsWith("nya") && this.vocab.has(fixed.slice(0, -3)) ? fixed.slice(0, -3) : fixed;
  }

  /** The officials (as "f:" keys) holding a role, at a place when its keys are given. */
  peopleAt(role: string, placeKeys?: readonly string[]): string[] {
    // "wakil" alone is any deputy: "wakilnya siapa?" after the governor is the vice governor.
    if (role === "wakil") return [...new Set(Object.keys(lexicon.roles).filter((r) => r.startsWith("wakil-")).flatMap((r) => this.peopleAt(r, placeKeys)))];
    const holding = (r: string) => {
      let people = [...this.graph.carrying(`role:${r}`).keys()].filter((k) => k.startsWith("officials/"));
      if (placeKeys) {
        const wanted = new Set(placeKeys);
        people = people.filter((k) => [...this.graph.refsOf(k).keys()].some((ref) => wanted.has(ref)));
      }
      return people.map((k) => `f:${k.slice("officials/".length)}`);
    };
    const people = holding(role);
    // An acting holder ("Pj Gubernur") holds the office: asked for either, the other answers when nobody else does.
    return people.length ? people : holding(role.startsWith("pj-") ? role.slice(3) : `pj-${role}`);
  }

  /**
   * "Rektor Unmul", "Wagub Kaltim", "Gubernur Jawa Timur": a role with the
   * place next to it names the officials who hold it there. The place is
   * then part of the description, not a separate constraint; a role nobody
   * holds there names nobody (and the question is refused).
   */
  private composeRoles(roles: Array<Span & { role: string; text: string }>, mentions: Mention[], tokens: readonly string[]): void {
    for (const r of roles) {
      let place: Mention | undefined;
      for (const m of mentions) {
        if (m.type !== "province" && m.type !== "record" && m.type !== "foreign" && m.type !== "city") continue;
        const gap = tokens.slice(r.end, m.start);
        const after = m.start >= r.end && m.start - r.end <= 2 && gap.every((t) => PLACE_GLUE.has(t));
        const before = m.end === r.start;
        if (after || (before && !place)) {
          place = m;
          if (after) break;
        }
      }
      let label = r.text;
      let start = r.start;
      let end = r.end;
      const placeKeys = place ? placeKeysOf(place) : undefined;
      const people = this.peopleAt(r.role, placeKeys);
      if (place) {
        label = `${r.text} ${place.type === "province" ? provinceName(place.keys[0]!.split(":")[1]!) : place.label}`;
        start = Math.min(start, place.start);
        end = Math.max(end, place.end);
        mentions.splice(mentions.indexOf(place), 1);
      }
      mentions.push({ start, end, label, keys: people, type: "people", placed: !!place, role: r.role, ...(placeKeys ? { place: placeKeys } : {}) });
    }
    mentions.sort((a, b) => a.start - b.start);
  }

}
