import { formatShortDate } from "../knowledge/format.js";
import { kindOf, sourceLine, type Attr, type KindDef, type KRecord, type RenderCtx } from "../knowledge/kinds/index.js";
import type { Mention } from "../nlu/question.js";
import type { Query, Resolution, Scored } from "./resolve.js";

/** A suggested next question: its text, and the record and attribute it asks about (for buttons). */
export interface Prompt {
  text: string;
  ref?: { collection: string; id: string; attr: Attr };
}

/** One part of a reply. */
export interface Piece {
  answered: boolean;
  text: string;
  /** Records the piece states facts of (their sources are cited). */
  records: Scored[];
  /** The records offered when the piece asks "which one?". */
  options?: Scored[];
  /** Records close to what was asked, for suggestions after "not available". */
  near?: Scored[];
}

/**
 * Attributes that ask for one precise thing (a number, a time, a name): a record that lacks one
 * does not answer the question, whatever else it holds. Others describe, and one of them answered
 * answers a part that used several words for the same need ("lokasi ... kota mana").
 */
const PRECISE = new Set<Attr>(["amount", "count", "since", "term", "time", "endTime", "signatories", "witnesses", "author", "nickname", "share", "rank", "asOf", "dataFrom", "horizon", "organiser"]);

/** Records listed at most in one reply; more are counted. */
const SHOWN = 3;
/** Records listed when the question asks for a list. */
const SHOWN_LIST = 5;
/** A reply longer than this is cut (Telegram's limit is 4,096 characters). */
export const MAX_REPLY = 3800;

/** The attribute of a record as a sentence, or null when the record does not hold it. */
function render(s: Scored, attr: Attr, c: RenderCtx): string | null {
  const kind = s.kind;
  if (attr === "summary") return kind.summary(s.record as never, c);
  const fn = kind.attrs[attr];
  if (fn) return fn(s.record as never, c);
  // The source of any fact: its statement, the source line follows.
  if (attr === "source") return kind.summary(s.record as never, c);
  return null;
}

/** "Jatim–Kaltim" for two provinces side by side, names otherwise. */
export function mentionLabels(mentions: readonly Pick<Mention, "label" | "type">[], c: RenderCtx, withKinds = true): string {
  const provinces = mentions.filter((m) => m.type === "province").map((m) => m.label);
  const others = [...new Set(mentions.filter((m) => m.type !== "province" && m.type !== "eventKind").map((m) => m.label))];
  const kinds = withKinds ? mentions.filter((m) => m.type === "eventKind").map((m) => m.label.toLowerCase()) : [];
  const names = others.length > 1 ? c.t("ans-and", { a: others.slice(0, -1).join(", "), b: others.at(-1)! }) : others.join("");
  return [...kinds, names, provinces.join("–")].filter(Boolean).join(" ");
}

/** What a query asked about, for "data ... belum tersedia": attribute, kind, names and years. */
export function describe(query: Query, c: RenderCtx, extra: string[] = []): string {
  const attrs = query.specific ? query.attrs.filter((a) => a !== "summary" && a !== "amount").map((a) => c.t(`attr-${a}`)) : [];
  const kinds = query.kinds.slice(0, 1).map((k) => c.t(`kind-label-${k}`));
  const mods = query.modifiers.filter((m) => m !== "total").map((m) => c.t(`mod-${m}`));
  const years = query.years.length ? [query.range ? c.t("period-range", { from: Math.min(...query.years), to: Math.max(...query.years) }) : c.t("period-year", { year: query.years.join(", ") })] : [];
  const month = query.month ? [formatShortDate(`${query.month.year ?? 2000}-${String(query.month.month).padStart(2, "0")}-01`, c.lang).replace(/^1 /, "").replace(/ 2000$/, "")] : [];
  const parts = [...extra, ...attrs, ...kinds, mentionLabels(query.mentions, c, !kinds.length), ...mods, ...years, ...month].filter(Boolean);
  return [...new Set(parts)].join(" ") || c.t("attr-summary-generic");
}

/** The sentence for a resolution of one part. */
export function piece(query: Query, res: Resolution, c: RenderCtx): Piece {
  if (res.type === "none") {
    const what = res.reason === "unknown" ? describe(query, c, res.words ?? []) : describe(query, c);
    // What is held instead is offered as buttons, not in the text: the reply states no fact it was not asked for.
    return { answered: false, text: c.t("not-available", { what }), records: [], near: res.near };
  }
  const attrs = query.attrs.length ? query.attrs : (["summary"] as Attr[]);
  const people = query.mentions.filter((m) => m.type === "people").flatMap((m) => m.keys.filter((k) => k.startsWith("f:")).map((k) => k.slice(2)));
  if (people.length) c = { ...c, people: new Set(people) };
  let { records, total } = res;
  const { kind } = res;
  // Of several records, a specific question ("dari instansi mana datanya?") is about those that hold what it asks.
  if (query.specific && records.length > 1 && total === records.length) {
    const able = records.filter((s) => attrs.every((a) => render(s, a, c) !== null));
    if (able.length && able.length < records.length) {
      records = able;
      total = able.length;
    }
  }
  const limit = query.list ? SHOWN_LIST : SHOWN;
  // "datanya dari dinas apa?" of several figures from one agency: one answer holds for them all.
  const same = total > 1 && total === records.length && attrs.length === 1 ? sharedField(records, attrs[0]!) : undefined;
  if (same) {
    const text = c.t("ans-same-attr", { count: total, kind: c.t(`kind-label-${kind.collection}`), attr: c.t(`attr-${attrs[0]}`), value: same });
    return { answered: true, text, records: records.slice(0, 1) };
  }
  if (total > limit && !query.list) {
    // Too many to list: ask which one, offering the best few.
    const options = records.slice(0, 5);
    const lines = options.map((s, i) => `${i + 1}. ${kind.label(s.record as never, c)}`);
    const text = [c.t("ans-choose", { count: total, kind: c.t(`kind-label-${kind.collection}`) }), ...lines, c.t("ans-choose-hint")].join("\n");
    return { answered: false, text, records: [], options };
  }
  const lines: string[] = [];
  const stated: Scored[] = [];
  const missing: string[] = [];
  // A short list reads in time order ("yang pertama" is the earliest).
  const shown = records.slice(0, limit).sort((a, b) => a.date.localeCompare(b.date));
  for (const s of shown) {
    const texts: string[] = [];
    const lacking: string[] = [];
    // Words of the question found only in a passage of the record's text ("yg mukul jimbe siapa"):
    // that passage, rather than the record's generic "who" or summary, answers them.
    const byPassage =
      !!s.passage && s.explained.size > 0 && attrs.every((a) => a === "who" || a === "summary") && !s.kind.summary(s.record as never, c).includes(s.passage);
    for (const attr of byPassage ? [] : attrs) {
      const t = render(s, attr, c) ?? (PRECISE.has(attr) ? null : passageFor(s, attr, query));
      if (t === null) lacking.push(`${c.t(`attr-${attr}`)} ${shortLabel(s, c)}`);
      else if (!texts.includes(t)) texts.push(t);
    }
    const precise = lacking.length > 0 && attrs.some((a) => PRECISE.has(a) && render(s, a, c) === null);
    // Words of the question found in the record's own text: that passage answers what the attribute does not.
    if (!precise && s.passage && s.explained.size && !texts.some((t) => t.includes(s.passage!)) && (attrs.includes("summary") || attrs.includes("who") || !texts.length)) {
      texts.push(s.passage.endsWith(".") ? s.passage : `${s.passage}.`);
    }
    if (texts.length && !precise) {
      lines.push(texts.join(" "));
      stated.push(s);
    }
    // Several cues of one part mostly say the same thing twice ("kota ... kabupaten mana"): a record
    // that answers one of them answers the part.
    else missing.push(...lacking);
  }
  const out: string[] = [];
  if (lines.length > 1) out.push(c.t("ans-several", { count: total, kind: c.t(`kind-label-${kind.collection}`) }));
  out.push(...(lines.length > 1 ? lines.map((l) => `• ${l}`) : lines));
  if (lines.length && total > records.slice(0, limit).length) out.push(c.t("ans-more", { count: total - Math.min(total, limit) }));
  if (!lines.length) out.push(c.t("not-available", { what: [...new Set(missing)].join(", ") }));
  return { answered: lines.length > 0, text: out.join("\n"), records: stated };
}

/** The value of a text field named like the attribute when every record holds the same one. */
function sharedField(records: readonly Scored[], attr: Attr): string | undefined {
  const values = new Set(records.map((s) => (s.record as Record<string, unknown>)[attr]));
  const [value] = values;
  return values.size === 1 && typeof value === "string" && value ? value : undefined;
}

/** The passage of a record's text that holds the word the question used for an attribute the kind lacks. */
function passageFor(s: Scored, attr: Attr, query: Query): string | null {
  if (attr === "summary" || !s.passage) return null;
  return query.cueRoots?.some((r) => s.passageRoots?.has(r)) ? s.passage : null;
}

function shortLabel(s: Scored, c: RenderCtx): string {
  return s.kind.label(s.record as never, c);
}

/** Source lines for the records a reply states facts of (each source once, with "data per" when it differs). */
export function sourceLines(records: readonly Scored[], c: RenderCtx): string[] {
  const out: string[] = [];
  for (const s of records) {
    const { sourceId, validAsOf } = s.kind.source(s.record as never);
    if (!sourceId) continue;
    const src = c.kb.get("sources", sourceId);
    if (!src) continue;
    let line = sourceLine(src, c.t, c.lang);
    if (validAsOf && validAsOf !== src.date) line += ` ${c.t("data-as-of", { date: formatShortDate(validAsOf, c.lang) })}`;
    if (!out.includes(line)) out.push(line);
  }
  return out.slice(0, 3);
}

/** A suggested question about a record's attribute, in the reply's language. */
export function prompt(kind: KindDef, record: KRecord, attr: Attr, c: RenderCtx): Prompt | undefined {
  const subject = kind.subject?.(record as never, c);
  if (!subject) return undefined;
  const key = `ask-${kind.code}-${attr}`;
  const text = c.t(key, { subject });
  return text === key ? undefined : { text, ref: { collection: kind.collection, id: record.id, attr } };
}

/** Next questions about the records just answered: attributes they hold that were not asked. */
export function followUps(records: readonly Scored[], asked: readonly Attr[], c: RenderCtx): Prompt[] {
  const out: Prompt[] = [];
  for (const s of records.slice(0, 2)) {
    for (const attr of s.kind.suggest ?? []) {
      if (asked.includes(attr) || out.length >= 3) continue;
      if (render(s, attr, c) === null) continue;
      const p = prompt(s.kind, s.record, attr, c);
      if (p && !out.some((o) => o.text === p.text)) out.push(p);
    }
  }
  return out;
}

/** After "not available": questions about what is held instead (the same records in another year, say). */
export function nearPrompts(near: readonly Scored[], asked: readonly Attr[], c: RenderCtx): Prompt[] {
  const out: Prompt[] = [];
  for (const s of near) {
    const attr = asked.find((a) => s.kind.suggest?.includes(a) && render(s, a, c) !== null) ?? s.kind.suggest?.find((a) => render(s, a, c) !== null);
    const p = attr && prompt(s.kind, s.record, attr, c);
    if (p && !out.some((o) => o.text === p.text)) out.push(p);
    if (out.length >= 3) break;
  }
  return out;
}

/** Example questions from the newest facts of the base, one per kind, for /start, /bantuan and "did you mean". */
export function examples(newest: ReadonlyArray<{ collection: string; record: KRecord }>, c: RenderCtx, limit = 3): Prompt[] {
  const out: Prompt[] = [];
  for (const { collection, record } of newest) {
    const kind = kindOf(collection as never);
    const attr = kind.suggest?.find((a) => a === "summary" || (kind.attrs[a]?.(record as never, c) ?? null) !== null);
    if (!attr) continue;
    const p = prompt(kind, record, attr, c);
    if (p && !out.some((o) => o.text === p.text)) out.push(p);
    if (out.length >= limit) break;
  }
  return out;
}

/** Keeps a reply within one Telegram message, cutting at a line. */
export function bounded(text: string, c: RenderCtx): string {
  if (text.length <= MAX_REPLY) return text;
  const cut = text.lastIndexOf("\n", MAX_REPLY);
  return `${text.slice(0, cut > 0 ? cut : MAX_REPLY).trimEnd()}\n${c.t("ans-cut")}`;
}

