import Fuse from "fuse.js";

/** Enclitics and particles glued to a word: "nilainya" (typed "nilainy"), "berapakah", "itulah"; Javanese "-ne"/"-e" ("acarane", "rektore"). */
const SUFFIXES = ["nya", "ny", "kah", "lah", "pun", "ku", "mu", "ne", "e"];
/** Derivational suffixes, tried after the particles: "ditargetkan", "pertumbuhan". */
const DERIVATIONAL = ["kan", "an", "i"];

/**
 * Prefixes with the letter they may have swallowed: "memukul" = me(m) + pukul,
 * "menargetkan" = me(n) + target, "mengejar" = me(ng) + kejar, "menyambut" = me(ny) + sambut.
 */
const PREFIXES: Array<[string, string[]]> = [
  ["meng", ["", "k"]],
  ["meny", ["s"]],
  ["mem", ["", "p"]],
  ["men", ["", "t"]],
  ["me", [""]],
  ["peng", ["", "k"]],
  ["peny", ["s"]],
  ["pem", ["", "p"]],
  ["pen", ["", "t"]],
  ["per", [""]],
  ["pe", [""]],
  ["ber", [""]],
  ["be", [""]],
  ["ter", [""]],
  ["di", [""]],
  ["ke", [""]],
  ["se", [""]],
  ["ng", ["", "k"]],
  ["ny", ["s"]],
];

/**
 * The words the bot knows, with typo correction token by token. A word not in
 * the vocabulary is first reduced by Indonesian affixes ("ditargetkan" ->
 * "target"), then matched with fuse.js against known words of similar length
 * that start with the same letter. Results are cached, so a typo costs one
 * search the first time and a map lookup afterwards.
 *
 * `strict` words (names the bot only knows in order to refuse them, such as
 * "pertamina") are reached only by a very close typo, so that an ordinary word
 * is never turned into one of them.
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly strict: Set<string>;
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();
  /**
   * Single-deletion index ("kaltim" -> "altim", "kltim", ...): finds one-keystroke typos without a
   * search. Built per first letter when a typo starting with it is first met (a correction keeps
   * the first letter), so that start-up does not pay for words nobody misspells.
   */
  private readonly deletes = new Map<string, string[]>();
  private readonly indexedLetters = new Set<string>();

  constructor(words: Iterable<string>, strict: Iterable<string> = []) {
    const all = [...words].filter((w) => w && !/\d/.test(w));
    for (const w of all) this.words.add(w);
    this.strict = new Set([...strict].filter((w) => this.words.has(w)));
  }

  /**
   * fuse.js searches long words only (short ones are served by the deletion index), one
   * collection per first two letters, so each search stays small; a collection is made
   * when first searched.
   */
  private bucket(key: string): Fuse<string> | undefined {
    let fuse = this.buckets.get(key);
    if (!fuse) {
      const list = [...this.words].filter((w) => w.length >= 6 && w.startsWith(key));
      if (!list.length) return undefined;
      this.buckets.set(key, (fuse = newBucket(list)));
    }
    return fuse;
  }

  /** Adds words (a record added to the knowledge base); corrections are recomputed from now on. */
  add(words: Iterable<string>): void {
    let added = false;
    for (const w of words) {
      if (!w || /\d/.test(w) || this.words.has(w)) continue;
      this.words.add(w);
      if (this.indexedLetters.has(w[0]!)) this.indexDeletions(w);
      if (w.length >= 6) this.buckets.get(w.slice(0, 2))?.add(w);
      added = true;
    }
    if (added) this.cache.clear();
  }

  private indexLetter(letter: string): void {
    if (this.indexedLetters.has(letter)) return;
    this.indexedLetters.add(letter);
    for (const w of this.words) if (w[0] === letter) this.indexDeletions(w);
  }

  private indexDeletions(w: string): void {
    if (w.length < 4) return;
    for (const key of [w, ...deletions(w)]) {
      const list = this.deletes.get(key);
      if (!list) this.deletes.set(key, [w]);
      else if (!list.includes(w)) list.push(w);
    }
  }

  /** Number of known words. */
  get size(): number {
    return this.words.size;
  }

  /** Whether a word is known as it is written (no correction needed). */
  has(word: string): boolean {
    return this.words.has(word);
  }

  /** The known word this token stands for, or null when it is not recognisably one. */
  correct(token: string): string | null {
    if (this.words.has(token)) return token;
    const cached = this.cache.get(token);
    if (cached !== undefined) return cached;
    const result = this.lookup(token);
    if (this.cache.size > 50_000) this.cache.clear();
    this.cache.set(token, result);
    return result;
  }

  /** The known root of an affixed word ("ditargetkan" -> "target"), or null. */
  stem(token: string): string | null {
    const bases = [token];
    for (const s of SUFFIXES) if (token.length - s.length >= 3 && token.endsWith(s)) bases.push(token.slice(0, -s.length));
    for (const b of [...bases]) {
      for (const s of DERIVATIONAL) if (b.length - s.length >= 3 && b.endsWith(s)) bases.push(b.slice(0, -s.length));
    }
    for (const b of bases) if (b !== token && this.words.has(b)) return b;
    for (const b of bases) {
      for (const [prefix, restore] of PREFIXES) {
        if (!b.startsWith(prefix) || b.length - prefix.length < 3) continue;
        const rest = b.slice(prefix.length);
        for (const r of restore) {
          const w = r + rest;
          if (this.words.has(w) && !this.strict.has(w)) return w;
        }
      }
    }
    return null;
  }

  private lookup(token: string): string | null {
    if (/\d/.test(token) || token.length < 3) return null;
    // A last letter typed twice ("apaa", "ndii", "kerjaa").
    if (token.at(-1) === token.at(-2) && this.words.has(token.slice(0, -1))) return token.slice(0, -1);
    // Two letters swapped ("persne", "sulsle"): that word, before reading an ending off a misspelling.
    for (let i = 0; token.length >= 5 && i + 1 < token.length; i++) {
      const swapped = token.slice(0, i) + token[i + 1] + token[i] + token.slice(i + 2);
      if (swapped !== token && this.words.has(swapped) && !this.strict.has(swapped)) return swapped;
    }
    const stem = this.stem(token);
    if (stem) return stem;
    if (token.length < 4) return null;
    // fuse.js proposes candidates; an edit distance decides, so that a short
    // word is only ever one keystroke away from its correction.
    const maxEdits = token.length >= 8 ? 2 : 1;
    let best: string | null = null;
    let bestDistance = Infinity;
    // Candidates one keystroke away come from the deletion index; longer words,
    // which may hold two typos, also ask fuse.js among words of about their length.
    const hits: string[] = [];
    const keys = [token, ...deletions(token)];
    // Long words may hold two typos: also their two-letter deletions.
    if (maxEdits > 1) for (const d of deletions(token)) keys.push(...deletions(d));
    this.indexLetter(token[0]!);
    for (const key of keys) for (const w of this.deletes.get(key) ?? []) if (w[0] === token[0]) hits.push(w);
    if (maxEdits > 1 && !hits.length) {
      const fuse = this.bucket(token.slice(0, 2));
      if (fuse) for (const hit of fuse.search(token, { limit: 5 })) hits.push(hit.item);
    }
    for (const w of hits) {
      const d = editDistance(token, w, maxEdits);
      if (d > maxEdits) continue;
      if (this.strict.has(w) && (d > 1 || token.length < 6)) continue;
      // A short word with a letter too many is more often another word ("katak" is not "kata").
      if (token.length <= 5 && w.length < token.length) continue;
      // On a tie, the longer word: a letter left out is the commonest slip ("sipa" is "siapa").
      if (d < bestDistance || (d === bestDistance && best !== null && w.length > best.length)) {
        best = w;
        bestDistance = d;
      }
    }
    return best;
  }
}

function newBucket(list: string[]): Fuse<string> {
  return new Fuse(list, { includeScore: true, threshold: 0.34, ignoreLocation: true, isCaseSensitive: true });
}

/** The word with one letter left out, at each position. */
function deletions(w: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < w.length; i++) out.push(w.slice(0, i) + w.slice(i + 1));
  return out;
}

/** Damerau-Levenshtein distance (adjacent swaps count once), giving up above `max`. */
export function editDistance(a: string, b: string, max = Infinity): number {
  if (Math.abs(a.length - b.length) > max) return max + 1;
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) rows.push([i, ...new Array<number>(b.length).fill(0)]);
  for (let j = 0; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    let rowMin = Infinity;
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = v;
      if (v < rowMin) rowMin = v;
    }
    if (rowMin > max) return max + 1;
  }
  return rows[a.length]![b.length]!;
}
