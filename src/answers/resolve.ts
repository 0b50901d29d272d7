import type { KnowledgeGraph } from "../knowledge/graph.js";
import { KINDS, kindOf, type Attr, type Collection, type KindDef, type KRecord, type Modifier, type RenderCtx } from "../knowledge/kinds/index.js";
import type { EntityIndex } from "../nlu/entity-index.js";
import type { Mention, Part, Question } from "../nlu/question.js";
import { stem } from "../nlu/stem.js";

/** What one part of a question is about: the constraints the records must meet. */
export interface Query {
  attrs: Attr[];
  /** The attributes come from specific cues, not only question words. */
  specific: boolean;
  list: boolean;
  mentions: Mention[];
  kinds: Collection[];
  years: number[];
  range: boolean;
  month?: { month: number; year?: number };
  modifiers: Modifier[];
  /** Content words nothing in the question explains; the records' texts may. */
  unknown: string[];
  /** Roots of the words that asked the attribute ("sektor"): a record's text may answer what its kind does not. */
  cueRoots?: string[];
  /** Amounts written in the question: records of that amount are preferred. */
  amounts?: number[];
  /** Kinds named by a word that asks nothing by itself ("kampusnya"): in a follow-up, the answer is of one of them. */
  namedKinds?: Collection[];
  /** Only records of these kinds fit (a follow-up that names a kind of record related to the last answer). */
  only?: Collection[];
  /** Roots of the part's words, for kinds that prefer some records by them (see KindDef.prefer). */
  roots?: string[];
  /** Roots of the part's words outside the names it mentions, for kinds that reject records by them (see KindDef.rejects). */
  freeRoots?: string[];
}

/** A record that fits a query, with how well. */
export interface Scored {
  key: string;
  kind: KindDef;
  record: KRecord;
  score: number;
  /** The record's date, for ordering. */
  date: string;
  /** Unknown words of the query found in the record's texts. */
  explained: Set<string>;
  /** The passage of the record's text that matches the query best, if words of the query are in it. */
  passage?: string;
  passageRoots?: ReadonlySet<string>;
}

/** How a query resolved. */
export type Resolution =
  /** Records of one kind fit; `total` counts them all, `records` holds the best, newest first. */
  | { type: "found"; kind: KindDef; records: Scored[]; total: number }
  /** Nothing fits: the mention no record carries, the years or modifier no record meets, or words no record explains. */
  | { type: "none"; reason: "mention" | "years" | "modifier" | "unknown" | "nothing"; mention?: Mention; modifier?: Modifier; words?: string[]; near: Scored[] };

/** Records examined, newest first, for a question that names nothing but a kind ("kapan acaranya"). */
const NAMELESS = 400;
/** Records kept per resolution (for answers, labels and "which one?" options). */
const KEEP = 8;

/** A part of a question as a query, borrowing what it does not say from the whole question. */
export function queryOf(q: Question, part: Part): Query {
  const own = part.mentions.length > 0;
  // A part with its own year or modifier ("trus kumulatifnya?") does not borrow the others'.
  const ownTime = part.years.length > 0 || part.modifiers.length > 0;
  return {
    attrs: part.attrs,
    specific: part.specific,
    list: part.list,
    mentions: own ? part.mentions : q.mentions,
    kinds: part.kinds.length ? part.kinds : own ? [] : q.kinds,
    years: ownTime || q.parts.length === 1 ? part.years : q.years,
    range: q.range,
    month: q.month,
    modifiers: ownTime || q.parts.length === 1 ? part.modifiers : q.modifiers,
    unknown: q.unknown.filter((u) => u.index >= part.start && u.index < part.end).map((u) => u.word),
    cueRoots: part.cueWords.map(stem),
    amounts: q.amounts,
    namedKinds: part.namedKinds,
    // A part that names nothing ("kpn | dan dmn penandatanganan MoU ...") reads the whole message's words.
    roots: (own ? q.tokens.slice(part.start, part.end) : q.tokens).map(stem),
    freeRoots: q.tokens.slice(part.start, part.end).filter((_, i) => !q.mentions.some((m) => m.start <= part.start + i && part.start + i < m.end)).map(stem),
  };
}

/**
 * Finds the records a query is about, by their reference keys (never by
 * scanning the base when the query names something), and scores them: a
 * record named directly counts most, then what it is structurally about, then
 * what its text mentions; a kind named by a word and the attributes asked
 * tell kinds apart. Records that miss a mention, the years, a month or a
 * modifier are out.
 */
export class Resolver {
  constructor(
    private readonly graph: KnowledgeGraph,
    private readonly index: EntityIndex,
  ) {}

  /** The records one part of a question is about, or why there are none. */
  resolve(query: Query, c: RenderCtx): Resolution {
    const dead = query.mentions.find((m) => m.keys.length === 0);
    if (dead) return { type: "none", reason: "mention", mention: dead, near: [] };
    // A kind named by a word ("komoditas Jatim", "alamat kampus Unmul") is what is asked about: records of
    // another kind do not answer it, unless the named kind cannot answer the attribute at all and the
    // record is about one of its records ("apa kata pejabatnya": a statement of an official).
    const named = query.namedKinds ?? [];
    const askable = named.some((k) => attrFit(kindOf(k), query.attrs) > 0);
    const pool = named.length && askable ? new Set<Collection>(named) : undefined;
    // Records of a kind that answers what is asked come first ("provinsi mana" of a ranking); only when
    // none fits are the others looked at (to say what the fitting record lacks).
    const answering = query.attrs.length ? new Set(KINDS.filter((k) => attrFit(k, query.attrs) > 0).map((k) => k.collection)) : undefined;
    const first = answering ? new Set([...answering].filter((k) => !pool || pool.has(k))) : pool;
    let scan = first && first.size ? this.scan(query, c, first) : undefined;
    if (!scan?.scored.length) scan = this.scan(query, c, pool);
    if (!scan) return { type: "none", reason: "nothing", near: [] };
    let { scored } = scan;
    if (named.length && !askable) scored = scored.filter((s) => named.includes(s.kind.collection) || named.some((k) => this.refersTo(s.key, k)));
    if (!scored.length) {
      const near = scan.near.sort(byScoreThenDate);
      if (scan.failedModifier) return { type: "none", reason: "modifier", modifier: scan.failedModifier, near: near.slice(0, 3) };
      if (scan.failedYears) return { type: "none", reason: "years", near: near.slice(0, 3) };
      // Names that no record holds together ("Jabar" with "Kaltim"), or a kind none of whose records fits.
      return { type: "none", reason: query.mentions.length || named.length ? "mention" : "nothing", near: [] };
    }
    const top = best(scored, query);
    if (!top.length) return { type: "none", reason: "nothing", near: [] };
    const unexplained = query.unknown.filter((w) => !top.some((s) => s.explained.has(w)));
    if (unexplained.length) return { type: "none", reason: "unknown", words: unexplained, near: top.slice(0, 3) };
    top.sort(byScoreThenDate);
    return { type: "found", kind: top[0]!.kind, records: top.slice(0, KEEP), total: scan.more ? Math.max(top.length, scan.pool) : top.length };
  }

  /** Scores the candidate records of some kinds (all when `allowed` is undefined). */
  private scan(query: Query, c: RenderCtx, allowed: ReadonlySet<Collection> | undefined) {
    const roots = query.unknown.map((w) => stem(w));
    const cueRoots = query.cueRoots ?? [];
    const found = this.candidates(query, roots, allowed);
    if (!found) return undefined;
    const years = query.years;
    const mods = new Set(query.modifiers);
    const wordRoots = new Set(query.roots ?? []);
    const freeRoots = new Set(query.freeRoots ?? []);
    const scored: Scored[] = [];
    const near: Scored[] = [];
    let failedModifier: Modifier | undefined;
    let failedYears = false;
    const required = query.mentions.filter((m) => !m.optional);
    for (const key of found.keys) {
      // Cheap first: every name must be carried, before anything is computed or allocated.
      if (!required.every((m) => this.carries(key, m))) continue;
      const loc = this.graph.located(key);
      if (!loc || (query.only && !query.only.includes(loc.kind.collection))) continue;
      const { kind, record } = loc;
      if (kind.sides && !this.holdsSides(key, kind.sides, query.mentions)) continue;
      if (kind.rejects?.(record as never, freeRoots)) continue;
      let score = 0;
      for (const m of query.mentions) score += this.strength(key, m);
      const entry: Scored = { key, kind, record, score, date: kind.date(record as never), explained: NONE };
      if (years.length && !fitsYears(kind, record, years, mods, query.range)) {
        failedYears = true;
        near.push(entry);
        continue;
      }
      if (query.month && !fitsMonth(kind, record, query.month)) {
        failedYears = true;
        near.push(entry);
        continue;
      }
      const failed = query.modifiers.find((m) => !honours(kind, record, m, c));
      if (failed) {
        failedModifier ??= failed;
        near.push(entry);
        continue;
      }
      // Words the question does not explain, found in the record's own text; and the words that
      // asked for an attribute, which the text may answer.
      if (roots.length || cueRoots.length) {
        let best = 0;
        let bestCue = 0;
        for (const p of this.index.passagesOf(key)) {
          let weight = 0;
          roots.forEach((r, i) => {
            if (!p.roots.has(r)) return;
            weight += this.index.rootWeight(r);
            if (entry.explained === NONE) entry.explained = new Set();
            entry.explained.add(query.unknown[i]!);
          });
          // Cue words choose the passage shown, not the record: every record of the kind answers the cue.
          const cueWeight = cueRoots.filter((r) => p.roots.has(r)).length * 0.5;
          if (weight + cueWeight > best + bestCue) {
            bestCue = cueWeight;
            best = weight;
            entry.passage = p.text;
            entry.passageRoots = p.roots;
          }
        }
        score += Math.min(best, 6);
      }
      // "Rp165,7 miliar itu tahun berapa": a record of that amount.
      const amount = (record as { amount?: unknown }).amount;
      if (typeof amount === "number" && query.amounts?.some((a) => Math.abs(a - amount) <= amount * 0.01)) score += 3;
      // A kind named by a word: its records count most, records about one of its records some ("apa kata pejabatnya").
      if (query.kinds.includes(kind.collection)) score += 3;
      else if (query.kinds.some((k) => this.refersTo(key, k))) score += 1;
      score += attrFit(kind, query.attrs);
      if (kind.prefer) score += kind.prefer(record as never, wordRoots);
      entry.score = score;
      scored.push(entry);
    }
    return { scored, near, failedModifier, failedYears, more: found.more, pool: found.pool };
  }

  /** Whether a record holds as sides all of two or more sides the question names (see KindDef.sides). */
  private holdsSides(key: string, prefix: string, mentions: readonly Mention[]): boolean {
    const sides = mentions.filter((m) => m.keys.some((k) => k.startsWith(prefix)));
    if (sides.length < 2) return true;
    const refs = this.graph.refsOf(key);
    return sides.every((m) => m.keys.some((k) => k.startsWith(prefix) && refs.has(k)));
  }

  /** Whether a record refers to some record of a collection (a statement to an official). */
  private refersTo(key: string, collection: Collection): boolean {
    const prefix = ENTITY_PREFIX[collection];
    if (!prefix) return false;
    for (const ref of this.graph.refsOf(key).keys()) if (ref.startsWith(prefix)) return true;
    return false;
  }

  /** Whether a record carries a mention at all, structurally or through its text. */
  private carries(key: string, m: Mention): boolean {
    const refs = this.graph.refsOf(key);
    for (const k of m.keys) if (refs.has(k)) return true;
    const text = this.index.textRefsOf(key);
    for (const k of m.keys) if (text.has(k)) return true;
    return false;
  }

  /** How strongly a record carries a mention: 3 itself, 2 structurally, 1 through its text, 0 not at all. */
  private strength(key: string, m: Mention): number {
    const refs = this.graph.refsOf(key);
    let best = 0;
    for (const k of m.keys) {
      const s = refs.get(k);
      if (s !== undefined && s > best) best = s;
    }
    if (best) return best;
    const text = this.index.textRefsOf(key);
    return m.keys.some((k) => text.has(k)) ? 1 : 0;
  }

  /**
   * The records worth examining, of the allowed kinds: those carrying the rarest mention, else
   * those of the years, of the kinds asked, or holding the words. A question that names nothing
   * examines the newest records of its kinds only (`more`: there were others; `pool`: how many).
   */
  private candidates(query: Query, roots: string[], allowed: ReadonlySet<Collection> | undefined): { keys: Iterable<string>; more: boolean; pool: number } | undefined {
    const ok = (key: string) => !allowed || allowed.has(key.slice(0, key.indexOf("/")) as Collection);
    const collections = allowed ? [...allowed] : KINDS.map((k) => k.collection);
    const required = query.mentions.filter((m) => !m.optional);
    if (required.length || (query.mentions.length && !query.kinds.length && !query.specific)) {
      // The rarest name, counted in the allowed kinds only; its records are the candidates.
      const mentions = required.length ? required : query.mentions;
      const size = (m: Mention) => m.keys.reduce((n, k) => n + collections.reduce((c, col) => c + this.graph.carryingIn(k, col).size, 0) + this.index.textCarrying(k).size, 0);
      const rarest = mentions.reduce((a, b) => (size(b) < size(a) ? b : a));
      const smallest = new Set<string>();
      for (const k of rarest.keys) {
        for (const col of collections) for (const r of this.graph.carryingIn(k, col).keys()) smallest.add(r);
        for (const r of this.index.textCarrying(k)) if (ok(r)) smallest.add(r);
      }
      // A name that many records carry ("penandatanganan MoU", a province alone): the newest of them.
      if (smallest.size > NAMELESS) return { keys: this.newestOf(smallest, allowed), more: true, pool: smallest.size };
      return { keys: smallest, more: false, pool: smallest.size };
    }
    if (query.years.length && !query.range) {
      const set = new Set<string>();
      for (const y of query.years) for (const col of collections) for (const r of this.graph.carryingIn(`y:${y}`, col).keys()) set.add(r);
      if (set.size) return { keys: set, more: false, pool: set.size };
    }
    const kinds: Collection[] = (query.kinds.length
      ? query.kinds
      : query.specific
        ? KINDS.filter((k) => query.attrs.every((a) => a in k.attrs)).map((k) => k.collection)
        : []
    ).filter((k) => !allowed || allowed.has(k));
    if (kinds.length) {
      const keys: string[] = [];
      let pool = 0;
      for (const k of kinds) {
        const newest = this.newest(k);
        pool += newest.length;
        keys.push(...newest.slice(0, NAMELESS));
      }
      return { keys, more: pool > keys.length, pool };
    }
    if (roots.length) {
      const set = new Set<string>();
      for (const r of roots) for (const k of this.index.withRoot(r)) if (ok(k)) set.add(k);
      if (set.size) return { keys: set, more: false, pool: set.size };
    }
    return undefined;
  }

  private readonly sorted = new Map<Collection, string[]>();

  /** The newest NAMELESS records of a set, walking the kinds' date orders. */
  private newestOf(set: ReadonlySet<string>, allowed: ReadonlySet<Collection> | undefined): string[] {
    const out: string[] = [];
    for (const kind of KINDS) {
      if (allowed && !allowed.has(kind.collection)) continue;
      let n = 0;
      for (const key of this.newest(kind.collection)) {
        if (!set.has(key)) continue;
        out.push(key);
        if (++n >= NAMELESS) break;
      }
    }
    return out;
  }

  /** The records of a kind, newest first (sorted once per knowledge version). */
  private newest(collection: Collection): string[] {
    let keys = this.sorted.get(collection);
    if (!keys) {
      const kind = kindOf(collection);
      keys = [...this.graph.all(collection)]
        .map((r) => ({ key: `${collection}/${r.id}`, date: kind.date(r as never) }))
        .sort((a, b) => b.date.localeCompare(a.date))
        .map((r) => r.key);
      this.sorted.set(collection, keys);
    }
    return keys;
  }

  /** Forgets orderings after the knowledge changed. */
  changed(): void {
    this.sorted.clear();
  }
}

/** No word explained (shared, never written to: a set is made for a record that explains one). */
const NONE: Set<string> = new Set();

/** Best score first, then newest. */
function byScoreThenDate(a: Scored, b: Scored): number {
  return b.score - a.score || b.date.localeCompare(a.date);
}

/** Entity keys by which records of a collection are referred to. */
const ENTITY_PREFIX: Partial<Record<Collection, string>> = { officials: "f:", organisations: "o:", events: "e:", agreements: "a:", sources: "s:" };

/** The records of the best-scoring kind that share the best score; none when kinds tie on a question that names nothing. */
function best(scored: Scored[], query: Query): Scored[] {
  let top = -Infinity;
  for (const s of scored) if (s.score > top) top = s.score;
  const winners = scored.filter((s) => s.score === top);
  const kinds = [...new Set(winners.map((s) => s.kind))];
  if (kinds.length > 1) {
    // "siapa?" alone: nothing tells which kind of record is meant.
    if (!query.mentions.length && !query.kinds.length && !query.specific) return [];
    // Two kinds tie: the one named first by a word (the head: "MoU kampus di forum"), then the one
    // that holds every attribute asked, then the kinds' order.
    const named = (k: KindDef) => {
      const i = query.kinds.indexOf(k.collection);
      return i < 0 ? Infinity : i;
    };
    kinds.sort((a, b) => named(a) - named(b) || attrFit(b, query.attrs) - attrFit(a, query.attrs) || KINDS.indexOf(a) - KINDS.indexOf(b));
    return winners.filter((s) => s.kind === kinds[0]);
  }
  return winners;
}

/** 2 when the kind answers every attribute asked, 1 some, 0 none; 1 when none is asked. */
export function attrFit(kind: KindDef, attrs: readonly Attr[]): number {
  if (!attrs.length) return 1;
  const have = attrs.filter((a) => a in kind.attrs || a === "summary" || a === "source").length;
  return have === attrs.length ? 2 : have ? 1 : 0;
}

function fitsYears(kind: KindDef, r: KRecord, years: readonly number[], mods: ReadonlySet<Modifier>, range: boolean): boolean {
  if (kind.fitsYears) return kind.fitsYears(r as never, years, mods);
  const own = kind.years(r as never);
  if (range) {
    const [from, to] = [Math.min(...years), Math.max(...years)];
    return own.length > 0 && own.every((y) => y >= from && y <= to);
  }
  return own.some((y) => years.includes(y));
}

function fitsMonth(kind: KindDef, r: KRecord, month: { month: number; year?: number }): boolean {
  const date = kind.date(r as never);
  if (!date) return false;
  return Number(date.slice(5, 7)) === month.month && (!month.year || Number(date.slice(0, 4)) === month.year);
}

/** Whether a record meets a modifier: its kind's filter, or one that only orders ("terbaru", "total"). */
function honours(kind: KindDef, r: KRecord, m: Modifier, c: RenderCtx): boolean {
  const filter = kind.modifiers?.[m];
  if (filter) return filter(r as never, c);
  return m === "latest" || m === "total";
}
