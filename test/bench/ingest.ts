import { performance } from "node:perf_hooks";
import { ingestText } from "../../src/ingest/index.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";
import { neutralOfResult } from "../helpers/neutral-facts.js";
import { addScores, devSet, formatScores, scoreRelease, type KindScore } from "../helpers/release-score.js";

/**
 * Recall and precision per kind of fact of the press-release extractor on the
 * development set (test/fixtures/releases), read against the shipped knowledge
 * base, and the time per release. `--verbose` lists misses and false candidates;
 * a release name (rel-03) limits the run to it.
 */
const args = process.argv.slice(2);
const verbose = args.includes("--verbose");
const only = args.find((a) => !a.startsWith("--"));
const kb = loadKnowledgeFile(dataPath("knowledge.json"));
const total: Record<string, KindScore> = {};
const times: number[] = [];
for (const r of devSet()) {
  if (only && r.name !== only) continue;
  const t0 = performance.now();
  const result = ingestText(r.text, kb, { file: `${r.name}.txt` });
  times.push(performance.now() - t0);
  const s = scoreRelease(r.expected, neutralOfResult(result, kb));
  addScores(total, s);
  if (verbose) {
    for (const [k, v] of Object.entries(s)) {
      for (const m of v.missed) console.log(`${r.name} ${k} MISSED ${JSON.stringify(m)}`);
      for (const w of v.wrong) console.log(`${r.name} ${k} FALSE  ${JSON.stringify(w)}`);
    }
  }
}
console.log(formatScores(total));
const sorted = [...times].sort((a, b) => a - b);
const ms = (n: number) => `${n.toFixed(1)} ms`;
console.log(`time per release: median ${ms(sorted[Math.floor(sorted.length / 2)] ?? 0)}, max ${ms(sorted.at(-1) ?? 0)} (${times.length} releases; the first includes warm-up)`);
const json: Record<string, unknown> = { releases: times.length, medianMs: Number((sorted[Math.floor(sorted.length / 2)] ?? 0).toFixed(2)) };
for (const [k, s] of Object.entries(total)) json[k] = { recall: s.expected ? Number((s.right / s.expected).toFixed(3)) : null, precision: s.proposed ? Number((s.right / s.proposed).toFixed(3)) : null };
console.log(JSON.stringify(json));
