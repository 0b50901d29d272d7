import type { Span } from "./question.js";

/** Small readers over a message's tokens: phrases of a table, amounts, words written as names. */

/** Longest-first matches of a table's phrases over the tokens, skipping tokens already taken. */
export function findPhrases<T>(tokens: readonly string[], table: ReadonlyMap<string, T>, longest: ReadonlyMap<string, number>, skip: Uint8Array): Array<Span & { value: T }> {
  const out: Array<Span & { value: T }> = [];
  for (let i = 0; i < tokens.length; ) {
    let found = false;
    if (!skip[i]) {
      for (let len = Math.min(longest.get(tokens[i]!) ?? 0, tokens.length - i); len >= 1; len--) {
        let blocked = false;
        for (let j = i; j < i + len; j++) if (skip[j]) blocked = true;
        if (blocked) continue;
        const value = table.get(tokens.slice(i, i + len).join(" "));
        if (value === undefined) continue;
        out.push({ start: i, end: i + len, value });
        i += len;
        found = true;
        break;
      }
    }
    if (!found) i++;
  }
  return out;
}

const SCALE: ReadonlyMap<string, number> = new Map([["ribu", 1e3], ["juta", 1e6], ["miliar", 1e9], ["triliun", 1e12], ["thousand", 1e3], ["million", 1e6], ["billion", 1e9], ["trillion", 1e12]]);

/** "165,7 miliar", "Rp 400 M", "1,5 triliun": amounts of rupiah in the tokens. */
export function amountsIn(tokens: readonly string[]): number[] {
  const out: number[] = [];
  for (let i = 0; i + 1 < tokens.length; i++) {
    const scale = SCALE.get(tokens[i + 1]!);
    if (!scale || !/^\d+(?:[.,]\d+)?$/.test(tokens[i]!)) continue;
    const n = Number(tokens[i]!.replace(/\.(?=\d{3}\b)/g, "").replace(",", "."));
    if (Number.isFinite(n)) out.push(n * scale);
  }
  return out;
}

/** Capitalised words that are not at the start of a sentence: likely names of people, places, companies. */
export function capitalised(text: string): string[] {
  const out: string[] = [];
  if (!/\p{Lu}/u.test(text.slice(1)) || text === text.toUpperCase()) return out;
  const words = text.split(/\s+/);
  // Capitals mean nothing in a question typed In Title Case.
  if (words.filter((w) => /^\p{Lu}/u.test(w)).length * 2 > words.length + 1) return out;
  words.forEach((w, i) => {
    const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    if (i === 0 || bare.length < 3 || /[.!?:]$/.test(words[i - 1] ?? "")) return;
    if (/^\p{Lu}/u.test(bare)) out.push(bare.toLowerCase());
  });
  return out;
}
