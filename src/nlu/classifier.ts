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
  /** Share of the question's word weight (IDF) that occurs in this intent's examples, in [0, 1]. */
  coverage: number;
}

/** How the small-talk classifier weighs words; the defaults suit the shipped examples. */
export interface ClassifierOptions {
  /** Additive smoothing of naive Bayes. */
  alpha?: number;
  /** Extra weight of some words (question words that tell intents apart: "kapan", "dimana"). */
  tokenWeights?: ReadonlyMap<string, number>;
}

const WORD = 1;
const PAIR = 0.7;
const GRAM = 0.25;

/** Features of a token sequence: words, word pairs and character 4-grams of longer words. */
export function features(tokens: readonly string[], tokenWeights?: ReadonlyMap<string, number>): Map<string, number> {
  const f = new Map<string, number>();
  const add = (k: string, w: number) => f.set(k, (f.get(k) ?? 0) + w);
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    add(`w:${t}`, WORD * (tokenWeights?.get(t) ?? 1));
    if (i + 1 < tokens.length) add(`b:${t}_${tokens[i + 1]}`, PAIR);
    for (const g of grams(t)) add(`c:${g}`, GRAM);
  }
  return f;
}

function grams(t: string): string[] {
  if (t.length < 5) return [];
  const padded = `<${t}>`;
  const out: string[] = [];
  for (let j = 0; j + 4 <= padded.length; j++) out.push(padded.slice(j, j + 4));
  return out;
}

/**
 * What a token contributes, resolved once and cached: its word id and the sum of
 * its word's and character n-grams' naive Bayes log-probabilities per intent.
 */
interface TokenInfo {
  word: number;
  weight: number;
  /** Known features among word and n-grams (0 = the token tells nothing). */
  known: number;
  /** Σ weight · log P(feature | intent) over the word and its n-grams. */
  ll: Float64Array;
}

/**
 * Intent classifier: multinomial naive Bayes over the features above ranks the
 * intents, and an inverted index of TF-IDF vectors gives, for each ranked
 * intent, the cosine similarity of its closest example. The similarity is the
 * score: 1 means the question is worded exactly like an example, and words the
 * bot has never seen pull it down. `coverage` says how much of the question's
 * word weight the intent's examples explain.
 *
 * Built for speed: features are interned to integers, a token's features are
 * computed once and cached, and scoring touches only the query's features
 * through flat typed arrays, so a question costs microseconds however many
 * examples there are.
 */
export class IntentClassifier {
  readonly intents: string[];
  private readonly k: number;
  private readonly ids = new Map<string, number>();
  private readonly pairs = new Map<number, number>();
  /** log P(feature | intent), row-major [feature * k + intent]. */
  private logProb: Float64Array = new Float64Array(0);
  private idf: Float64Array = new Float64Array(0);
  /** Which intents' examples contain a word, [feature * k + intent] = 1. */
  private wordIntents: Uint8Array = new Uint8Array(0);
  private postStart: Int32Array = new Int32Array(0);
  private postExample: Int32Array = new Int32Array(0);
  private postWeight: Float64Array = new Float64Array(0);
  private readonly labels: Int32Array;
  private readonly maxIdf: number;
  private readonly tokenCache = new Map<string, TokenInfo>();
  private readonly tokenWeights?: ReadonlyMap<string, number>;
  // Scratch buffers reused by rank().
  private sims: Float64Array = new Float64Array(0);
  private touched: Int32Array = new Int32Array(0);
  private readonly ll: Float64Array;
  private readonly covered: Float64Array;
  private readonly bestSim: Float64Array;
  private readonly bestEx: Int32Array;

  constructor(
    readonly examples: Example[],
    tokenizer: (text: string) => string[],
    options: ClassifierOptions | number = {},
  ) {
    const opts = typeof options === "number" ? { alpha: options } : options;
    const alpha = opts.alpha ?? 0.1;
    this.tokenWeights = opts.tokenWeights;
    this.intents = [...new Set(examples.map((e) => e.intent))];
    const index = new Map(this.intents.map((c, i) => [c, i]));
    const k = (this.k = this.intents.length);
    this.labels = Int32Array.from(examples, (e) => index.get(e.intent)!);
    this.ll = new Float64Array(k);
    this.covered = new Float64Array(k);
    this.bestSim = new Float64Array(k);
    this.bestEx = new Int32Array(k);

    // Intern features of every example.
    const vectors = examples.map((e) => {
      const tokens = tokenizer(e.text);
      const v = new Map<number, number>();
      for (const [key, w] of features(tokens, this.tokenWeights)) {
        let id = this.ids.get(key);
        if (id === undefined) this.ids.set(key, (id = this.ids.size));
        v.set(id, w);
      }
      return v;
    });
    const F = this.ids.size;
    const kinds = new Uint8Array(F); // 0 word, 1 pair, 2 gram
    for (const [key, id] of this.ids) kinds[id] = key.startsWith("w:") ? 0 : key.startsWith("b:") ? 1 : 2;
    // Pairs are looked up by the ids of their two words, without building strings.
    for (const [key, id] of this.ids) {
      if (kinds[id] !== 1) continue;
      const [a, b] = key.slice(2).split("_");
      const ia = this.ids.get(`w:${a}`);
      const ib = this.ids.get(`w:${b}`);
      if (ia !== undefined && ib !== undefined) this.pairs.set(ia * F + ib, id);
    }

    const counts = new Float64Array(F * k);
    const totals = new Float64Array(k);
    const df = new Float64Array(F);
    this.wordIntents = new Uint8Array(F * k);
    vectors.forEach((v, i) => {
      const c = this.labels[i]!;
      for (const [f, w] of v) {
        counts[f * k + c]! += w;
        totals[c]! += w;
        df[f]!++;
        if (kinds[f] === 0) this.wordIntents[f * k + c] = 1;
      }
    });
    this.logProb = new Float64Array(F * k);
    for (let f = 0; f < F; f++) {
      for (let c = 0; c < k; c++) this.logProb[f * k + c] = Math.log((counts[f * k + c]! + alpha) / (totals[c]! + alpha * F));
    }
    const n = examples.length;
    this.maxIdf = Math.log(1 + n);
    this.idf = new Float64Array(F);
    for (let f = 0; f < F; f++) this.idf[f] = Math.log(1 + n / Math.max(1, df[f]!));

    // Inverted index of normalised TF-IDF vectors over words and pairs.
    const lists: Array<Array<[number, number]>> = Array.from({ length: F }, () => []);
    vectors.forEach((v, i) => {
      let norm = 0;
      for (const [f, tf] of v) if (kinds[f] !== 2) norm += (tf * this.idf[f]!) ** 2;
      norm = Math.sqrt(norm) || 1;
      for (const [f, tf] of v) if (kinds[f] !== 2) lists[f]!.push([i, (tf * this.idf[f]!) / norm]);
    });
    this.postStart = new Int32Array(F + 1);
    let total = 0;
    for (let f = 0; f < F; f++) {
      this.postStart[f] = total;
      total += lists[f]!.length;
    }
    this.postStart[F] = total;
    this.postExample = new Int32Array(total);
    this.postWeight = new Float64Array(total);
    for (let f = 0; f < F; f++) {
      let p = this.postStart[f]!;
      for (const [i, w] of lists[f]!) {
        this.postExample[p] = i;
        this.postWeight[p++] = w;
      }
    }
    this.sims = new Float64Array(n);
    this.touched = new Int32Array(n);
  }

  private info(t: string): TokenInfo {
    let info = this.tokenCache.get(t);
    if (info) return info;
    const k = this.k;
    const word = this.ids.get(`w:${t}`) ?? -1;
    const weight = WORD * (this.tokenWeights?.get(t) ?? 1);
    const ll = new Float64Array(k);
    let known = 0;
    if (word >= 0) {
      known++;
      for (let c = 0; c < k; c++) ll[c] = weight * this.logProb[word * k + c]!;
    }
    for (const gram of grams(t)) {
      const id = this.ids.get(`c:${gram}`);
      if (id === undefined) continue;
      known++;
      for (let c = 0; c < k; c++) ll[c]! += GRAM * this.logProb[id * k + c]!;
    }
    info = { word, weight, known, ll };
    if (this.tokenCache.size > 100_000) this.tokenCache.clear();
    this.tokenCache.set(t, info);
    return info;
  }

  /** Intents ranked by naive Bayes, best first, each with its closest example's similarity. */
  rank(tokens: readonly string[], limit = 3): IntentScore[] {
    const k = this.k;
    const F = this.idf.length;
    const { ll, covered, sims, touched, logProb, idf, postStart, postExample, postWeight } = this;
    ll.fill(0);
    covered.fill(0);
    let known = 0;
    let norm = 0;
    let totalW = 0;
    let nTouched = 0;
    const wordIntents = this.wordIntents;
    const maxIdf = this.maxIdf;

    // Words and pairs: naive Bayes, cosine accumulation and coverage. Duplicate
    // words are rare in questions; each occurrence simply counts again.
    let next = tokens.length ? this.info(tokens[0]!) : null;
    for (let i = 0; i < tokens.length; i++) {
      const info = next!;
      next = i + 1 < tokens.length ? this.info(tokens[i + 1]!) : null;
      known += info.known;
      const tll = info.ll;
      for (let c = 0; c < k; c++) ll[c]! += tll[c]!;
      const f = info.word;
      if (f >= 0) {
        const idfF = idf[f]!;
        const w = info.weight * idfF;
        norm += w * w;
        totalW += idfF;
        const row = f * k;
        for (let c = 0; c < k; c++) if (wordIntents[row + c]) covered[c]! += idfF;
        for (let p = postStart[f]!, end = postStart[f + 1]!; p < end; p++) {
          const ex = postExample[p]!;
          if (sims[ex] === 0) touched[nTouched++] = ex;
          sims[ex]! += w * postWeight[p]!;
        }
      } else {
        norm += info.weight * maxIdf * info.weight * maxIdf;
        totalW += maxIdf;
      }
      if (next) {
        const g = next.word;
        const pf = f >= 0 && g >= 0 ? this.pairs.get(f * F + g) : undefined;
        if (pf !== undefined) {
          known++;
          const row = pf * k;
          for (let c = 0; c < k; c++) ll[c]! += PAIR * logProb[row + c]!;
          const w = PAIR * idf[pf]!;
          norm += w * w;
          for (let p = postStart[pf]!, end = postStart[pf + 1]!; p < end; p++) {
            const ex = postExample[p]!;
            if (sims[ex] === 0) touched[nTouched++] = ex;
            sims[ex]! += w * postWeight[p]!;
          }
        } else {
          norm += PAIR * maxIdf * PAIR * maxIdf;
        }
      }
    }
    if (known === 0) return [];
    norm = Math.sqrt(norm) || 1;

    // Nearest example per intent.
    this.bestSim.fill(-1);
    for (let t = 0; t < nTouched; t++) {
      const i = touched[t]!;
      const s = sims[i]! / norm;
      sims[i] = 0;
      const c = this.labels[i]!;
      if (s > this.bestSim[c]!) {
        this.bestSim[c] = s;
        this.bestEx[c] = i;
      }
    }
    // Top intents by naive Bayes (selection: limit is small).
    const out: IntentScore[] = [];
    const used = new Uint8Array(k);
    while (out.length < limit) {
      let best = -1;
      for (let c = 0; c < k; c++) if (!used[c] && this.bestSim[c]! >= 0 && (best < 0 || ll[c]! > ll[best]!)) best = c;
      if (best < 0) break;
      used[best] = 1;
      out.push({ intent: this.intents[best]!, score: Math.min(1, this.bestSim[best]!), example: this.bestEx[best]!, coverage: totalW ? covered[best]! / totalW : 0 });
    }
    return out;
  }
}
