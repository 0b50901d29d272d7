import { readRelease } from "./src/ingest/extract.ts";
import { addScores, devSet, formatScores, scoreRelease, type KindScore } from "./test/helpers/release-score.ts";
import { neutralOfFacts } from "./test/helpers/neutral-facts.ts";
const total: Record<string, KindScore> = {};
const only = process.argv[2];
const kindOnly = process.argv[3];
for (const r of devSet()) {
  if (only && only !== "all" && r.name !== only) continue;
  const got = neutralOfFacts(readRelease(r.text));
  const s = scoreRelease(r.expected, got);
  addScores(total, s);
  if (only) for (const [k, v] of Object.entries(s)) { if (kindOnly && k !== kindOnly) continue; for (const m of v.missed) console.log(r.name, k, "MISS", JSON.stringify(m)); for (const w of v.wrong) console.log(r.name, k, "WRONG", JSON.stringify(w)); }
}
console.log(formatScores(total));
