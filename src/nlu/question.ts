import type { Lang } from "../i18n/translate.js";
import type { Attr, Collection, Modifier } from "../knowledge/kinds/index.js";

/** Something a question names, which the records answering it must be about. */
export interface Mention {
  start: number;
  end: number;
  /** How it reads in a reply ("Jatim", "Rektor Unmul", "Bank Indonesia"). */
  label: string;
  /** Reference keys; a record satisfies the mention when it carries any of them. None: nothing can. */
  keys: string[];
  type: "province" | "record" | "people" | "city" | "eventKind" | "foreign";
  /** The collection of a record named directly. */
  collection?: Collection;
  /** An abbreviation used in passing ("BUMN mana ..."): it adds to a record's score but excludes none. */
  optional?: boolean;
  /** For people named by role: whether a place came with the role ("Rektor Unmul", not "rektornya"). */
  placed?: boolean;
  /** For people named by role: the role, and the place's keys when one came with it. */
  role?: string;
  place?: string[];
}

/** One question of a message ("kapan | dan di mana ..."): what it asks, and what it names. */
export interface Part {
  start: number;
  end: number;
  attrs: Attr[];
  /** The attributes come from specific cues ("hotel", "alamat"), not only question words ("apa", "siapa"). */
  specific: boolean;
  /** The part asks for a list ("apa saja", "daftar", "semua"). */
  list: boolean;
  mentions: Mention[];
  kinds: Collection[];
  /** Kinds named by a word that asks nothing by itself ("kampusnya", "acaranya"; not "nilainya"). */
  namedKinds: Collection[];
  /** The words of this part's specific cues ("sektor", "hotel"), which a record's text may answer. */
  cueWords: string[];
  /** Years and modifiers written in this part. */
  years: number[];
  modifiers: Modifier[];
}

/** What the bot understood of one message. */
export interface Question {
  query: string;
  lang: Lang;
  /** Canonical tokens after slang, numbers and typo correction. */
  tokens: string[];
  /** Normalised text, as stored for unanswered questions. */
  normalized: string;
  parts: Part[];
  /** Every mention of the message. */
  mentions: Mention[];
  /** Kinds of record named by a word ("MoU", "acara"). */
  kinds: Collection[];
  /** Kinds named by a word that is not also a cue ("kampus", "acara"; not "nilai"). */
  namedKinds: Collection[];
  years: number[];
  /** The years are a span ("2022-2024"), not a list. */
  range: boolean;
  /** Years relative to today ("tahun lalu" = -1). */
  relativeYears: number[];
  month?: { month: number; year?: number };
  modifiers: Modifier[];
  /** Amounts of rupiah written in the question ("400 miliar"), which prefer records of that amount. */
  amounts: number[];
  /** Content words of the question's clauses that nothing above explains (by position). */
  unknown: Array<{ index: number; word: string }>;
  /** The message refers back ("itu", "dia", "kalau 2024?", "-nya"). */
  anaphoric: boolean;
  /** Words of the message that are domain cues, kinds or names: false for chit-chat. */
  topical: boolean;
}

/** A span of tokens with what it is. */
export interface Span {
  start: number;
  end: number;
}

/** The keys by which records are at a place: a province ("p:35", also when named as a destination) or a name. */
export function placeKeysOf(place: Pick<Mention, "type" | "keys">): string[] {
  return place.type === "province" ? [...new Set(place.keys.map((k) => (/^(at|to):/.test(k) ? `p:${k.split(":")[1]}` : k)))] : place.keys;
}

/**
 * "walkot Jayapura sama bupati Sidoarjo siapa": people described side by side are each asked
 * about, not the one record that holds them all (the event both attended).
 */
export function eachPerson(part: Part): Part[] {
  const people = part.mentions.length > 1 && part.mentions.every((m) => m.type === "people");
  if (!people || part.kinds.length || part.attrs.some((a) => a !== "who" && a !== "role" && a !== "nickname")) return [part];
  return part.mentions.map((m) => ({ ...part, mentions: [m] }));
}
