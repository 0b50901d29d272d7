import { Stemmer } from "sastrawijs";

const stemmer = new Stemmer();
const cache = new Map<string, string>();

/**
 * The root of an Indonesian word ("pemukulan" -> "pukul", "dipasarkan" ->
 * "pasar"), by the Sastrawi stemmer (sastrawijs, MIT). Words it does not know
 * stay as they are. Cached: a word costs one stemming, then a map lookup.
 */
export function stem(word: string): string {
  let root: string | undefined = cache.get(word);
  if (root === undefined) {
    root = (word.length < 4 || /\d/.test(word) ? word : stemmer.stem(word)) || word;
    if (cache.size >= 100_000) cache.clear();
    cache.set(word, root);
  }
  return root;
}
