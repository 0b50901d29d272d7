/**
 * `npm run bench:nlu`: the intent matcher against NLP.js on xSID (Indonesian,
 * 16 intents: train on the `valid` rows, test on the `test` rows), the whole
 * Answerer on the bot's own evaluation set, cold start to the first answer in
 * a fresh process, and peak memory. The last line of output is one JSON object.
 */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { Answerer } from "../../src/answers/index.js";
import { IntentClassifier, type Example } from "../../src/nlu/classifier.js";
import { COMMON_WORDS } from "../../src/nlu/words.js";
import { tokenize } from "../../src/nlu/normalize.js";
import { Vocabulary } from "../../src/nlu/vocabulary.js";
import { rootDir } from "../../src/paths.js";
import { evalKnowledge, judge, readJsonl, type EvalKb, type Expectation } from "../helpers/eval.js";
import { evalDir, readTsv } from "../helpers/tsv.js";

const dataDir = join(rootDir, "test", "data");
const now = new Date("2026-11-27T03:00:00Z");

interface Figures {
  accuracy: number;
  p50_ms: number;
  p99_ms: number;
}


function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))]!;
}

function figures(correct: number, times: number[]): Figures {
  const sorted = [...times].sort((a, b) => a - b);
  return { accuracy: round(correct / times.length, 4), p50_ms: round(percentile(sorted, 0.5), 4), p99_ms: round(percentile(sorted, 0.99), 4) };
}

function round(n: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(n * f) / f;
}

const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

// ---- xSID: our matcher ----

const xsid = readTsv(join(dataDir, "xsid-id-intents.tsv")).map(([split, text, intent]) => ({ split: split!, text: text!, intent: intent! }));
const train: Example[] = xsid.filter((r) => r.split === "valid").map(({ text, intent }) => ({ text, intent }));
const test = xsid.filter((r) => r.split === "test");

function benchSinergi(): Figures {
  // The same pipeline as the bot: tokenize (slang, repeated letters), then
  // per-token typo correction against the words of the training rows.
  const words = new Set<string>(COMMON_WORDS);
  for (const e of train) for (const w of tokenize(e.text)) words.add(w);
  const vocab = new Vocabulary(words);
  const pipeline = (text: string) => tokenize(text).map((t) => vocab.correct(t) ?? t);
  const clf = new IntentClassifier(train, pipeline);
  for (const e of train) clf.rank(pipeline(e.text), 1); // warm-up on training rows only
  let correct = 0;
  const times: number[] = [];
  for (const r of test) {
    const t0 = process.hrtime.bigint();
    const top = clf.rank(pipeline(r.text), 1)[0];
    times.push(ms(t0));
    if (top?.intent === r.intent) correct++;
  }
  return figures(correct, times);
}

// ---- xSID: NLP.js ----

async function benchNlpjs(): Promise<Figures> {
  const { containerBootstrap } = await import("@nlpjs/core");
  const { Nlp } = await import("@nlpjs/nlp");
  const { LangId } = await import("@nlpjs/lang-id");
  const container = await containerBootstrap();
  container.use(Nlp);
  container.use(LangId);
  const nlp = container.get("nlp");
  nlp.settings.autoSave = false;
  nlp.addLanguage("id");
  for (const e of train) nlp.addDocument("id", e.text, e.intent);
  const log = console.log;
  console.log = () => {}; // NLP.js prints every training epoch
  try {
    await nlp.train();
  } finally {
    console.log = log;
  }
  for (const e of train) await nlp.process("id", e.text); // same warm-up
  let correct = 0;
  const times: number[] = [];
  for (const r of test) {
    const t0 = process.hrtime.bigint();
    const res = await nlp.process("id", r.text);
    times.push(ms(t0));
    if (res.intent === r.intent) correct++;
  }
  return figures(correct, times);
}

// ---- the bot's evaluation sets ----

/**
 * Every question of a knowledge base's sets, answered end to end: the JSON Lines sets judged on
 * the reply's content; on the seed also the earlier sets (answered or refused) and the
 * out-of-scope questions (FacQA, IDK-MRC), which must be refused.
 */
function benchEval(kb: EvalKb): Figures & { rows: number } {
  const answerer = new Answerer(evalKnowledge(kb));
  const checks: Array<{ q: string; ok: (a: ReturnType<Answerer["answer"]>) => boolean }> = [];
  const sets: Record<string, string[]> = { seed: ["seed-questions.jsonl"], kb2: ["kb2-questions.jsonl"], merged: ["merged-questions.jsonl"], kb3: [] };
  for (const file of sets[kb]!) for (const e of readJsonl<Expectation>(file)) checks.push({ q: e.q, ok: (a) => judge(e, a) === null });
  for (const e of readJsonl<Expectation & { kb: string }>("heldout-questions.jsonl")) if (e.kb === kb) checks.push({ q: e.q, ok: (a) => judge(e, a) === null });
  if (kb === "seed") {
    for (const [q] of readTsv(join(evalDir, "in-scope.tsv"))) checks.push({ q: q!, ok: (a) => a.answered });
    const refused = [
      ...readTsv(join(evalDir, "near-miss.tsv")).map((r) => r[0]!),
      ...readTsv(join(evalDir, "out-of-scope-extra.tsv")).map((r) => r[0]!),
      ...readFileSync(join(dataDir, "facqa-questions-id.txt"), "utf8").split(/\r?\n/).filter((l) => l.trim()),
      ...readTsv(join(dataDir, "idk-mrc-questions-id.tsv")).map((r) => r[2]!),
    ];
    for (const q of refused) checks.push({ q, ok: (a) => !a.answered });
  }
  let correct = 0;
  const times: number[] = [];
  for (const c of checks) {
    const t0 = process.hrtime.bigint();
    const a = answerer.answer(c.q, { now });
    times.push(ms(t0));
    if (c.ok(a)) correct++;
  }
  return { ...figures(correct, times), rows: checks.length };
}

// ---- cold start and memory ----

function coldStart(): { ms: number; rssMb: number } {
  const script = join(rootDir, "test", "bench", "first-answer.ts");
  const runs: Array<{ ms: number; rssMb: number }> = [];
  for (let i = 0; i < 3; i++) {
    const t0 = process.hrtime.bigint();
    const res = spawnSync(process.execPath, ["--import", "tsx", script, "brp nilai kerjasama jatim kaltim th 2023?"], {
      cwd: rootDir,
      encoding: "utf8",
      env: { ...process.env, LOG_LEVEL: "silent" },
    });
    const elapsed = ms(t0);
    if (res.status !== 0) throw new Error(`cold start failed: ${res.stderr}`);
    const out = JSON.parse(res.stdout.trim().split("\n").at(-1)!) as { answered: boolean; maxRssKb: number };
    if (!out.answered) throw new Error("cold start: the first question was not answered");
    runs.push({ ms: elapsed, rssMb: out.maxRssKb / 1024 });
  }
  runs.sort((a, b) => a.ms - b.ms);
  return runs[1]!; // median of three
}

const sinergi = benchSinergi();
const nlpjs = await benchNlpjs();
const evalSet = benchEval("seed");
const evalKb2 = benchEval("kb2");
const cold = coldStart();
const peakRss = Math.max(cold.rssMb, process.resourceUsage().maxRSS / 1024);

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log(`xSID intents (train ${train.length}, test ${test.length} utterances)`);
console.log(`  sinergi  accuracy ${pct(sinergi.accuracy)}  p50 ${sinergi.p50_ms.toFixed(4)} ms  p99 ${sinergi.p99_ms.toFixed(4)} ms`);
console.log(`  NLP.js   accuracy ${pct(nlpjs.accuracy)}  p50 ${nlpjs.p50_ms.toFixed(4)} ms  p99 ${nlpjs.p99_ms.toFixed(4)} ms`);
console.log(`Evaluation, seed knowledge base (${evalSet.rows} questions, Answerer.answer end to end, replies judged on content)`);
console.log(`  accuracy ${pct(evalSet.accuracy)}  p50 ${evalSet.p50_ms.toFixed(4)} ms  p99 ${evalSet.p99_ms.toFixed(4)} ms`);
console.log(`Evaluation, second knowledge base (${evalKb2.rows} questions)`);
console.log(`  accuracy ${pct(evalKb2.accuracy)}  p50 ${evalKb2.p50_ms.toFixed(4)} ms  p99 ${evalKb2.p99_ms.toFixed(4)} ms`);
console.log(`Cold start to first answer (fresh node process, median of 3): ${cold.ms.toFixed(0)} ms`);
console.log(`Peak RSS: ${peakRss.toFixed(1)} MB (first-answer process ${cold.rssMb.toFixed(1)} MB, this benchmark ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB)`);
console.log(
  JSON.stringify({
    xsid: { sinergi, nlpjs },
    eval: { accuracy: evalSet.accuracy, p50_ms: evalSet.p50_ms, p99_ms: evalSet.p99_ms },
    eval_kb2: { accuracy: evalKb2.accuracy, p50_ms: evalKb2.p50_ms, p99_ms: evalKb2.p99_ms },
    cold_start_ms: Math.round(cold.ms),
    peak_rss_mb: round(cold.rssMb, 1),
  }),
);
