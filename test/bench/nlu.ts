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
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { IntentClassifier, type Example } from "../../src/nlu/classifier.js";
import { COMMON_WORDS } from "../../src/nlu/index.js";
import { tokenize } from "../../src/nlu/normalize.js";
import { Vocabulary } from "../../src/nlu/vocabulary.js";
import { dataPath, rootDir } from "../../src/paths.js";
import { evalDir, readTsv } from "../helpers/tsv.js";

const sharedDir = join(rootDir, "..", "shared", "data");
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

const xsid = readTsv(join(sharedDir, "xsid-id-intents.tsv")).map(([split, text, intent]) => ({ split: split!, text: text!, intent: intent! }));
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

// ---- the bot's evaluation set ----

function benchEval(): Figures & { inScope: number; nearMiss: number; outOfScope: number; rows: number } {
  const answerer = new Answerer(loadKnowledgeFile(dataPath("knowledge.json")));
  const rows: Array<{ q: string; intent: string | null }> = [
    ...readTsv(join(evalDir, "in-scope.tsv")).map(([q, intent]) => ({ q: q!, intent: intent! })),
    ...readTsv(join(evalDir, "near-miss.tsv")).map(([q]) => ({ q: q!, intent: null })),
    ...readTsv(join(evalDir, "out-of-scope-extra.tsv")).map(([q]) => ({ q: q!, intent: null })),
  ];
  const nIn = rows.filter((r) => r.intent).length;
  const nNear = readTsv(join(evalDir, "near-miss.tsv")).length;
  const facqa = readFileSync(join(sharedDir, "facqa-questions-id.txt"), "utf8").split(/\r?\n/).filter((l) => l.trim());
  const idk = readTsv(join(sharedDir, "idk-mrc-questions-id.tsv")).map((r) => r[2]!);
  for (const q of [...facqa, ...idk]) rows.push({ q, intent: null });
  let correct = 0;
  const ok: boolean[] = [];
  const times: number[] = [];
  for (const r of rows) {
    const t0 = process.hrtime.bigint();
    const a = answerer.answer(r.q, { now });
    times.push(ms(t0));
    const good = r.intent ? a.answered && a.intent === r.intent : !a.answered;
    ok.push(good);
    if (good) correct++;
  }
  const rate = (from: number, to: number) => round(ok.slice(from, to).filter(Boolean).length / (to - from), 4);
  return {
    ...figures(correct, times),
    inScope: rate(0, nIn),
    nearMiss: rate(nIn, nIn + nNear),
    outOfScope: rate(nIn + nNear, rows.length),
    rows: rows.length,
  };
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
const evalSet = benchEval();
const cold = coldStart();
const peakRss = Math.max(cold.rssMb, process.resourceUsage().maxRSS / 1024);

const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
console.log(`xSID intents (train ${train.length}, test ${test.length} utterances)`);
console.log(`  sinergi  accuracy ${pct(sinergi.accuracy)}  p50 ${sinergi.p50_ms.toFixed(4)} ms  p99 ${sinergi.p99_ms.toFixed(4)} ms`);
console.log(`  NLP.js   accuracy ${pct(nlpjs.accuracy)}  p50 ${nlpjs.p50_ms.toFixed(4)} ms  p99 ${nlpjs.p99_ms.toFixed(4)} ms`);
console.log(`Evaluation set (${evalSet.rows} questions, Answerer.answer end to end)`);
console.log(`  accuracy ${pct(evalSet.accuracy)} (in-scope ${pct(evalSet.inScope)}, near-miss rejected ${pct(evalSet.nearMiss)}, out-of-scope rejected ${pct(evalSet.outOfScope)})`);
console.log(`  p50 ${evalSet.p50_ms.toFixed(4)} ms  p99 ${evalSet.p99_ms.toFixed(4)} ms`);
console.log(`Cold start to first answer (fresh node process, median of 3): ${cold.ms.toFixed(0)} ms`);
console.log(`Peak RSS: ${peakRss.toFixed(1)} MB (first-answer process ${cold.rssMb.toFixed(1)} MB, this benchmark ${(process.resourceUsage().maxRSS / 1024).toFixed(1)} MB)`);
console.log(
  JSON.stringify({
    xsid: { sinergi, nlpjs },
    eval: { accuracy: evalSet.accuracy, p50_ms: evalSet.p50_ms, p99_ms: evalSet.p99_ms },
    cold_start_ms: Math.round(cold.ms),
    peak_rss_mb: round(cold.rssMb, 1),
  }),
);
