import type { Attr, Collection, Modifier } from "../knowledge/kinds/index.js";
import type { Mention, Part, Span } from "./question.js";

/** How a message is cut into the questions it asks ("kapan dan di mana ..."), and what each part asks. */

/** Words that join two questions of one message ("kapan dan di mana"). */
export const COORDINATORS = new Set(["dan", "serta", "lalu", "terus", "kemudian", "sekaligus", "and", "also", "then", "plus", "sama"]);
/** Attributes that make another of the same part redundant: [specific, general]. */
const SUBSUMES: ReadonlyArray<[Attr, Attr]> = [["zone", "time"], ["endTime", "time"], ["address", "where"], ["venue", "where"], ["asOf", "when"], ["count", "participants"], ["dataFrom", "source"]];
/** Words that ask for a list ("apa saja", "semua"). */
export const LIST_WORDS = new Set(["saja", "daftar", "list", "semua", "seluruh", "all", "apa2", "siapa2", "aja"]);
/** Words before a topic: "soal kerja sama", "tentang MoU", "about the partnership". */
export const TOPIC_MARKERS = new Set(["soal", "tentang", "terkait", "mengenai", "perihal", "about", "regarding", "on", "ttg"]);

/**
 * Whether a kind word names what is asked about: not when it is also a cue ("nilainya"), nor when
 * it is the topic of something else ("apa kata rektor soal kerja sama", "statement about the partnership").
 */
export function namesKind(k: Span & { topic?: boolean }, cues: ReadonlyArray<Span>, tokens: readonly string[]): boolean {
  if (k.topic || cues.some((c) => c.start < k.end && k.start < c.end)) return false;
  return !tokens.slice(Math.max(0, k.start - 2), k.start).some((t) => TOPIC_MARKERS.has(t));
}

/**
 * "kapan dan di mana misi dagang ...": a message asks several things when
 * it joins question cues with "dan", "serta", commas. Each part keeps its
 * own cues, names and kinds; parts that name nothing borrow from the rest.
 */
export function splitParts(
  tokens: readonly string[],
  clauseOf: readonly number[],
  cues: Array<Span & { value: { attr: Attr; weak: boolean } }>,
  mentions: Mention[],
  kindSpans: Array<Span & { kind: Collection; topic?: boolean }>,
  mods: Array<Span & { value: Modifier }>,
  yearAt: Array<{ index: number; year: number }>,
): Part[] {
  const n = tokens.length;
  const cuts = [0];
  const endsName = (i: number) => mentions.some((m) => m.end === i);
  const startsName = (i: number) => mentions.some((m) => m.start === i);
  for (let i = 1; i < n; i++) {
    const coordinator = COORDINATORS.has(tokens[i]!) && !(endsName(i) && startsName(i + 1));
    const between = clauseOf[i] !== clauseOf[i - 1] || coordinator;
    if (between && !cues.some((c) => c.start < i && i < c.end)) cuts.push(i);
  }
  cuts.push(n);
  // Merge pieces without a cue into their neighbour: "jatim dan kaltim" is one part.
  const hasCue = (p: Span) => cues.some((c) => c.start >= p.start && c.start < p.end);
  const merged: Span[] = [];
  for (let i = 0; i + 1 < cuts.length; i++) {
    const p = { start: cuts[i]!, end: cuts[i + 1]! };
    const last = merged.at(-1);
    if (last && (!hasCue(p) || !hasCue(last))) last.end = p.end;
    else merged.push(p);
  }
  const pieces = merged.length ? merged : [{ start: 0, end: n }];
  const within = (p: Span, i: number) => i >= p.start && i < p.end;
  return pieces.map((p) => {
    const inside = cues.filter((c) => within(p, c.start)).map((c) => c.value);
    const strong = inside.filter((c) => !c.weak);
    // "what is the value": a specific attribute makes the general "what" redundant.
    let attrs = [...new Set((strong.length ? strong : inside).map((c) => c.attr))];
    if (attrs.length > 1) attrs = attrs.filter((a) => a !== "summary");
    // "jam berapa, WIB atau WITA": the more specific of two cues of one thing.
    for (const [specific, general] of SUBSUMES) if (attrs.includes(specific)) attrs = attrs.filter((a) => a !== general);
    return {
      start: p.start,
      end: p.end,
      attrs,
      specific: strong.length > 0,
      list: tokens.slice(p.start, p.end).some((t) => LIST_WORDS.has(t)),
      mentions: mentions.filter((m) => within(p, m.start)),
      kinds: [...new Set(kindSpans.filter((k) => within(p, k.start)).map((k) => k.kind))],
      namedKinds: [...new Set(kindSpans.filter((k) => within(p, k.start) && namesKind(k, cues, tokens)).map((k) => k.kind))],
      cueWords: cues.filter((c) => within(p, c.start) && !c.value.weak).flatMap((c) => tokens.slice(c.start, c.end)),
      years: [...new Set(yearAt.filter((y) => within(p, y.index)).map((y) => y.year))],
      modifiers: [...new Set(mods.filter((m) => within(p, m.start)).map((m) => m.value))],
    };
  });
}
