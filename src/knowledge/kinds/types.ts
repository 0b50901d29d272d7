import type { Lang, Translate } from "../../i18n/translate.js";
import type { Collection, Knowledge } from "../schema.js";

export type { Collection };

/** A record of any collection, as plain JSON. */
export type KRecord = { id: string } & Record<string, unknown>;

/**
 * What a question can ask of a record. Generic attributes ("who", "when",
 * "where", "amount", "summary") mean what the record's kind says they mean:
 * "who" of an agreement is its parties, of an event its participants.
 */
export const ATTRS = [
  "summary", "when", "time", "endTime", "where", "venue", "address", "city", "province", "who", "participants", "parties",
  "signatories", "witnesses", "organiser", "title", "nickname", "role", "term", "amount", "share", "rank", "period", "asOf",
  "dataFrom", "source", "author", "purpose", "goals", "agenda", "statement", "expansion", "items", "sector", "origin",
  "market", "horizon", "count", "duration", "since", "zone", "represents",
] as const;
/** One attribute a question can ask (see ATTRS). */
export type Attr = (typeof ATTRS)[number];

/**
 * Words that change which records a question wants: "kumulatif", "tertinggi",
 * "berikutnya". A kind honours the ones it can filter on; a question with a
 * modifier its records cannot honour is refused rather than answered loosely.
 */
export const MODIFIERS = ["cumulative", "highest", "lowest", "upcoming", "latest", "first", "ordinal", "change", "average", "total", "aggregate", "firstHalf", "secondHalf"] as const;
/** One modifier a question can carry (see MODIFIERS). */
export type Modifier = (typeof MODIFIERS)[number];

/** Read access to the other records of the knowledge base, by collection and id. */
export interface KbView {
  get<C extends Collection>(collection: C, id: string): Knowledge[C][number] | undefined;
  /** Reference keys of a record already indexed ("officials/<id>"), for kinds that inherit them. */
  refsOf(key: string): ReadonlyMap<string, number>;
  /** Records of `collection` that refer to `key` (e.g. agreements signed at event "e:<id>"). */
  referring<C extends Collection>(collection: C, key: string): ReadonlyArray<Knowledge[C][number]>;
}

/** What rendering an answer needs besides the record. */
export interface RenderCtx {
  t: Translate;
  lang: Lang;
  kb: KbView;
  now: Date;
  /** Officials the question names ("gubernur Sumbar yang hadir"): a list of people shows only them when it holds any. */
  people?: ReadonlySet<string>;
}

/** A rendered attribute, or null when the record does not hold it. */
export type AttrRender<R> = (r: R, c: RenderCtx) => string | null;

/**
 * One kind of fact, defined once: its collection, how people name its records
 * and what they are about (for entity linking and look-ups), which attributes
 * can be asked and how each is rendered, its label, summary and source. The
 * knowledge index, the question resolver and the answers are derived from
 * these definitions; adding a kind is one file here plus its locale strings.
 */
export interface KindDef<R extends { id: string } = KRecord> {
  /** The collection of the knowledge file holding these records. */
  collection: Collection;
  /** Two letters identifying the kind in callback data and dialogue state. */
  code: string;
  /** The kind's name in answers' `intent` ("acara" in "acara.tempat"). */
  name: string;
  /** Words that name the kind itself ("acara", "misi dagang", "MoU"), Indonesian and English. */
  words: readonly string[];
  /** Words of the kind's subject that also appear in questions about other kinds ("kerja sama"): they favour it, never exclude others. */
  topics?: readonly string[];
  /** Whether provinces named in the record's texts count as what it is about (not for kinds that hold provinces with a direction). */
  textProvinces?: boolean;
  /**
   * The key prefix of the sides a record is between ("o:" for an agreement's parties): when a
   * question names two or more of them ("MoU Pemprov Jatim dan Pemprov Kaltim"), the record must
   * hold each as a side, not merely be near it (an MoU signed at their event is not theirs).
   */
  sides?: string;
  /** Entity keys that are this record itself ("o:unmul" for organisation unmul). */
  self?(r: R): string[];
  /** Phrases that name this record directly (names, short names, aliases, venues, items). */
  names?(r: R, kb: KbView): string[];
  /**
   * Whether words of a name also name the record: "all" longer words ("Khofifah" for "Khofifah Indar
   * Parawansa"), or the "first" distinctive one ("Phinisi" for "PT Phinisi Agro Sulsel").
   */
  nameParts?: "all" | "first";
  /** Entity keys the record is about: provinces (p:, at:, to:), organisations (o:), people (f:), cities (c:) ... */
  refs(r: R, kb: KbView): string[];
  /** Free texts whose entity names also count as references (weaker), and whose words answer passage questions. */
  texts?(r: R, kb: KbView): string[];
  /** Years the record is about, for "tahun 2023". */
  years(r: R): number[];
  /**
   * Whether the record fits the years asked, given the modifiers; by default,
   * when it is about one of them.
   */
  fitsYears?(r: R, years: readonly number[], mods: ReadonlySet<Modifier>): boolean;
  /** ISO date used to order records, newest first. */
  date(r: R): string;
  /**
   * A bonus for records that fit the question's own words better (their roots), among records
   * that already fit its names and years: "jual" prefers a sales figure, no word the final one.
   */
  prefer?(r: R, roots: ReadonlySet<string>): number;
  /**
   * Whether words of the question (outside the names it mentions) rule a record out:
   * "nilai investasi" is not answered by a transaction figure.
   */
  rejects?(r: R, roots: ReadonlySet<string>): boolean;
  /** Modifiers this kind honours, as filters. */
  modifiers?: Partial<Record<Modifier, (r: R, c: RenderCtx) => boolean>>;
  /** Attributes the kind answers. */
  attrs: Partial<Record<Attr, AttrRender<R>>>;
  /** The whole fact, when the question asks for no particular attribute. */
  summary(r: R, c: RenderCtx): string;
  /** A short label that tells this record from others of its kind ("Jatim–Kaltim 2023"). */
  label(r: R, c: RenderCtx): string;
  /** A phrase that names the record in a question of its own ("misi dagang Jatim–Kaltim di Balikpapan 2025"). */
  subject?(r: R, c: RenderCtx): string;
  /** Attributes worth suggesting as a next question (locale `ask-<code>-<attr>`, with `$subject`). */
  suggest?: readonly Attr[];
  /** Where the newest record of this kind stands among the example questions of /start and /bantuan (1 first); kinds without it give none. */
  exampleRank?: number;
  /** The record's source and the date its data holds for. */
  source(r: R): { sourceId: string | null; validAsOf?: string };
  /** Records whose change changes this record's references (`<collection>/<id>`). */
  dependsOn?(r: R): string[];
}

/** A record together with its kind. */
export interface Located {
  kind: KindDef;
  record: KRecord;
}

/** The key of a record in the index: "<collection>/<id>". */
export function recordKey(collection: Collection, id: string): string {
  return `${collection}/${id}`;
}
