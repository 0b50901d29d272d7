import Fuse from "fuse.js";

const SUFFIXES = ["nya", "kah", "lah", "pun", "ku", "mu"];

/**
 * The words the bot knows, with typo correction token by token: a word not in
 * the vocabulary is matched with fuse.js against known words of similar length
 * that start with the same letter. Results are cached, so a typo costs one
 * search the first time and a map lookup afterwards.
 */
export class Vocabulary {
  private readonly words = new Set<string>();
  private readonly buckets = new Map<string, Fuse<string>>();
  private readonly cache = new Map<string, string | null>();

  constructor(words: Iterable<string>) {
    for (const w of words) if (w && !/\d/.test(w)) this.words.add(w);
    const groups = new Map<string, string[]>();
    for (const w of this.words) {
      if (w.length < 4) continue;
      const key = w[0]!;
      let list = groups.get(key);
      if (!list) groups.set(key, (list = []));
      list.push(w);
    }
    for (const [key, list] of groups) {
      this.buckets.set(key, new Fuse(list, { includeScore: true, threshold: 0.34, ignoreLocation: true, isCaseSensitive: true }));
    }
  }

  /** Number of known words. */
  get size(): number {
    return this.words.size;
  }

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

  private lookup(token: string): string | null {
    if (/\d/.test(token) || token.length < 3) return null;
    for (const suffix of SUFFIXES) {
      if (token.length - suffix.length >= 3 && token.endsWith(suffix)) {
        const base = token.slice(0, -suffix.length);
        if (this.words.has(base)) return base;
      }
    }
    if (token.length < 4) return null;
    const fuse = this.buckets.get(token[0]!);
    if (!fuse) return null;
    const limit = token.length <= 5 ? 0.2 : 0.3;
    for (const hit of fuse.search(token, { limit: 5 })) {
      if ((hit.score ?? 1) > limit) break;
      if (Math.abs(hit.item.length - token.length) <= (token.length >= 7 ? 2 : 1)) return hit.item;
    }
    return null;
  }
}
