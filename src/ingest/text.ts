/**
 * The layout of a press release as provincial offices write it: a title line,
 * a body whose first paragraph opens with a dateline ("BALIKPAPAN – "), and a
 * foot of short lines (author, editor, publishing office). Sentences keep
 * their exact text, so every extracted fact can show where it came from.
 */

/** One sentence of the body, as written. */
export interface Sentence {
  text: string;
  /** Paragraph number (0 = the first body paragraph). */
  para: number;
  /** Index among all body sentences. */
  index: number;
  /** Offset of the sentence in its paragraph's text. */
  start: number;
}

/** A release split into its parts. */
export interface Layout {
  title: string;
  /** "BALIKPAPAN", without the dash; empty when the body has none. */
  dateline: string;
  paragraphs: string[];
  sentences: Sentence[];
  /** Short lines after the body: author, editor, office. */
  foot: string[];
}

/** Unifies spaces, line ends and a few typographic variants; quotes and dashes are kept as written. */
export function normaliseText(raw: string): string {
  return raw
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .replace(/[\u00A0\u2007\u202F]/g, " ")
    .replace(/[\u200B-\u200D\uFEFF]/g, "")
    .replace(/[ \t]+/g, " ")
    .replace(/ *\n */g, "\n")
    .replace(/\[\s*\]/g, "")
    .trim();
}

/** Words after which a period does not end a sentence. */
const ABBREVIATIONS = new Set([
  "no", "jl", "jln", "rp", "dr", "drs", "ir", "h", "hj", "prof", "st", "kab", "prov", "kec", "kel", "dll", "dsb", "dkk", "tbk",
  "sdr", "bpk", "ibu", "mr", "mrs", "pt", "cv", "ud", "tel", "telp", "hlm", "vol", "nomor", "a.p", "s.e", "m.si", "s.h", "s.t", "m.m",
]);

const FOOT_LABEL = /^(penulis|editor|reporter|pewarta|redaktur|foto|fotografer|sumber|kontributor|narahubung|humas)\s*:/i;

/** Whether a line reads like a body paragraph rather than a foot line. */
function isBodyLine(line: string): boolean {
  const words = line.split(/\s+/).length;
  if (FOOT_LABEL.test(line)) return false;
  if (words > 14) return true;
  // A short line ending a sentence with a verb-like lower-case word is still body text.
  return /[.!?]["”’]?$/.test(line) && /\s\p{Ll}+\s/u.test(line) && words > 6;
}

/**
 * Splits a release into title, dateline, paragraphs, sentences and foot.
 * Text extracted from a PDF arrives with hard line breaks inside paragraphs:
 * lines that do not end a sentence are joined to the next.
 */
export function layoutOf(raw: string): Layout {
  const text = normaliseText(raw);
  const lines = text.split("\n");
  // Join lines broken inside a paragraph (PDF text): a line that does not end a sentence continues on the next.
  const joined: string[] = [];
  for (const line of lines) {
    const prev = joined.at(-1);
    const wrapped = prev !== undefined && prev !== "" && line !== "" && joined.length > 1 && !FOOT_LABEL.test(prev) && prev.split(" ").length >= 6;
    if (wrapped && !/[.!?:"”’)\]]$/.test(prev!)) {
      joined[joined.length - 1] = prev!.endsWith("-") && /\p{Ll}$/u.test(prev!.slice(0, -1)) ? prev!.slice(0, -1) + line : `${prev} ${line}`;
    } else joined.push(line);
  }
  const blocks = joined.filter((l) => l.trim() !== "");
  const title = blocks[0] ?? "";
  let end = blocks.length;
  while (end > 1 && !isBodyLine(blocks[end - 1]!)) end--;
  const foot = blocks.slice(end).map((l) => l.trim());
  const paragraphs = blocks.slice(1, end);
  let dateline = "";
  if (paragraphs.length) {
    const m = /^([A-ZÀ-Ý][A-ZÀ-Ý .'-]{1,40}?)(?:\s*,\s*[^–—-]{0,40})?\s*[–—-]{1,2}\s+/.exec(paragraphs[0]!);
    if (m && m[1]!.trim() === m[1]!.trim().toUpperCase()) {
      dateline = m[1]!.trim();
      paragraphs[0] = paragraphs[0]!.slice(m[0].length);
    }
  }
  const sentences: Sentence[] = [];
  paragraphs.forEach((p, para) => {
    for (const s of splitSentences(p)) sentences.push({ ...s, para, index: sentences.length });
  });
  return { title: title.trim(), dateline, paragraphs, sentences, foot };
}

/** Splits a paragraph into sentences; quotes that hold several sentences are split inside too, as written. */
export function splitSentences(p: string): Array<{ text: string; start: number }> {
  const out: Array<{ text: string; start: number }> = [];
  let start = 0;
  const re = /[.!?]+["”’]?(?=\s+["“‘(]?[\p{Lu}\d])/gu;
  for (let m = re.exec(p); m; m = re.exec(p)) {
    const stop = m.index + m[0].length;
    const before = p.slice(start, m.index);
    const word = /([\p{L}.]+)$/u.exec(before)?.[1]?.toLowerCase() ?? "";
    // "No. 3", "Jl. Panca", "M. Taufik", "A.P. Pettarani": not the end of a sentence.
    if (m[0] === "." && (ABBREVIATIONS.has(word) || ABBREVIATIONS.has(word.replace(/\.$/, "")) || /^\p{L}$/u.test(word) || /^(\p{L}\.)+\p{L}$/u.test(word))) continue;
    const text = p.slice(start, stop).trim();
    if (text) out.push({ text, start });
    start = stop;
    while (start < p.length && p[start] === " ") start++;
  }
  const rest = p.slice(start).trim();
  if (rest) out.push({ text: rest, start });
  return out;
}
