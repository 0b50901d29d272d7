/** One labelled example for training. */
export interface Example {
  text: string;
  intent: string;
}

/** A scored intent; `score` is a cosine similarity in [0, 1]. */
export interface IntentScore {
  intent: string;
  score: number;
  /** The training example closest to the query. */
  example: number;
}

/** Features of a token sequence: words, word pairs and character 4-grams of longer words. */
export function features(tokens: readonly string[]): Map<string, number> {
  const f = new Map<string, number>();
  const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    add(`w:${t}`, 1);
    if (i + 1 < tokens.length) add(`b:${t}_${tokens[i + 1]}`, 0.7);
    if (t.length >= 5) {
      const padded = `<${t}>`;
      for (let j = 0; j + 4 <= padded.length; j++) add(`c:${padded.slice(j, j + 4)}`, 0.25);
    }
  }
  return f;
}

/**
 * Intent classifier: multinomial naive Bayes over the features above ranks the
 * intents, and an inverted index of TF-IDF vectors gives, for each ranked
 * intent, the cosine similarity of its closest example. The similarity is the
 * score: 1 means the question is worded exactly like an example, and words the
 * bot has never seen pull it down. Scoring touches only the query's features,
 * so it costs microseconds however many examples there are.
 */
export class IntentClassifier {
  readonly intents: string[];
  private readonly logProb = new Map<string, Float64Array>();
  private readonly postings = new Map<string, Array<[number, number]>>();
  private readonly idf = new Map<string, number>();
  private readonly labels: number[] = [];

  constructor(
    readonly examples: Example[],
    tokenizer: (text: string) => string[],
    alpha = 0.1,
  ) {
    this.intents = [...new Set(examples.map((e) => e.intent))];
    const index = new Map(this.intents.map((c, i) => [c, i]));
    const k = this.intents.length;
    const vectors = examples.map((e) => features(tokenizer(e.text)));
    const counts = new Map<string, Float64Array>();
    const totals = new Float64Array(k);
    const df = new Map<string, number>();
    vectors.forEach((v, i) => {
      const c = index.get(examples[i]!.intent)!;
      this.labels.push(c);
      for (const [f, w] of v) {
        let row = counts.get(f);
        if (!row) counts.set(f, (row = new Float64Array(k)));
        row[c]! += w;
        totals[c]! += w;
        df.set(f, (df.get(f) ?? 0) + 1);
      }
    });
    const size = counts.size;
    for (const [f, row] of counts) {
      this.logProb.set(f, row.map((n, c) => Math.log((n + alpha) / (totals[c]! + alpha * size))));
    }
    const n = examples.length;
    for (const [f, d] of df) this.idf.set(f, Math.log(1 + n / d));
    vectors.forEach((v, i) => {
      let norm = 0;
      const weighted: Array<[string, number]> = [];
      for (const [f, tf] of v) {
        if (f.startsWith("c:")) continue;
        const w = tf * this.idf.get(f)!;
        weighted.push([f, w]);
        norm += w * w;
      }
      norm = Math.sqrt(norm) || 1;
      for (const [f, w] of weighted) {
        let list = this.postings.get(f);
        if (!list) this.postings.set(f, (list = []));
        list.push([i, w / norm]);
      }
    });
  }

  /** Intents ranked by naive Bayes, best first, each with its closest example's similarity. */
  rank(tokens: readonly string[], limit = 3): IntentScore[] {
    const q = features(tokens);
    const k = this.intents.length;
    const ll = new Float64Array(k);
    let known = 0;
    for (const [f, w] of q) {
      const row = this.logProb.get(f);
      if (!row) continue;
      known++;
      for (let c = 0; c < k; c++) ll[c]! += w * row[c]!;
    }
    if (known === 0) return [];
    // Nearest example per intent, by cosine over words and word pairs (character
    // n-grams help ranking but would make every query look similar to everything);
    // unknown words count in the query norm.
    const maxIdf = Math.log(1 + this.examples.length);
    let norm = 0;
    for (const [f, tf] of q) {
      if (f.startsWith("c:")) continue;
      const w = tf * (this.idf.get(f) ?? maxIdf);
      norm += w * w;
    }
    norm = Math.sqrt(norm) || 1;
    const sims = new Map<number, number>();
    for (const [f, tf] of q) {
      const list = this.postings.get(f);
      if (!list) continue;
      const w = (tf * this.idf.get(f)!) / norm;
      for (const [i, ew] of list) sims.set(i, (sims.get(i) ?? 0) + w * ew);
    }
    const best = new Map<number, [number, number]>();
    for (const [i, s] of sims) {
      const c = this.labels[i]!;
      const cur = best.get(c);
      if (!cur || s > cur[0]) best.set(c, [s, i]);
    }
    const order = [...ll.keys()].sort((a, b) => ll[b]! - ll[a]!);
    const out: IntentScore[] = [];
    for (const c of order) {
      const nearest = best.get(c);
      if (!nearest) continue;
      out.push({ intent: this.intents[c]!, score: Math.min(1, nearest[0]), example: nearest[1] });
      if (out.length >= limit) break;
    }
    return out;
  }
}
