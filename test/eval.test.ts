import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../src/answers/index.js";
import { rootDir } from "../src/paths.js";
import { EVAL_NOW, evalKnowledge, pct, readJsonl, runConversations, runQuestions, type Conversation, type EvalKb, type Expectation } from "./helpers/eval.js";
import { evalDir, readTsv } from "./helpers/tsv.js";

/**
 * The evaluation: question sets written as users type them, each checked on
 * the content of the reply (the right value, name, date; no fact of another
 * record), on six knowledge bases; conversations turn by turn; and the
 * earlier sets (answered or refused) with out-of-scope questions from FacQA
 * and IDK-MRC (test/data, with their licences). The held-out sets were
 * written blind and are never tuned on: they are printed, and only guarded
 * against collapse. Thresholds sit a little below the scores measured.
 */
const answerers = new Map<EvalKb, Answerer>();
function answererFor(kb: string): Answerer {
  let a = answerers.get(kb as EvalKb);
  if (!a) answerers.set(kb as EvalKb, (a = new Answerer(evalKnowledge(kb as EvalKb))));
  return a;
}

function report(label: string, r: ReturnType<typeof runQuestions>): void {
  console.log(`${label}: answerable ${pct(r.byExpect.answer)}, ambiguous ${pct(r.byExpect.ambiguous)}, near-miss refused ${pct(r.byExpect.refuse)}`);
}
const share = (s: { ok: number; total: number }) => (s.total ? s.ok / s.total : 1);

describe("evaluation", () => {
  beforeAll(() => {
    for (const kb of ["seed", "kb2", "merged", "kb3", "kb4", "kb5", "kb6", "kb7"]) answererFor(kb);
  });

  it.each([
    ["seed-questions.jsonl", "seed", 0.88, 0.95, 0.85],
    ["kb2-questions.jsonl", "kb2", 0.9, 0.95, 0.85],
    ["merged-questions.jsonl", "merged", 0.95, 0.95, 0.85],
    ["kb4-questions.jsonl", "kb4", 0.8, 0.95, 0.85],
    // Written blind with their bases, scored once blind (see the README), then used for development.
    ["heldout-kb5-questions.jsonl", "kb5", 0.8, 0.9, 0.85],
    ["heldout-kb6-questions.jsonl", "kb6", 0.72, 0.85, 0.75],
  ] as const)("%s on its knowledge base: facts right, near misses refused", (file, kb, answerable, refused, ambiguous) => {
    const r = runQuestions(answererFor(kb), readJsonl<Expectation>(file));
    report(`${file} (${kb})`, r);
    expect(share(r.byExpect.answer)).toBeGreaterThanOrEqual(answerable);
    expect(share(r.byExpect.ambiguous)).toBeGreaterThanOrEqual(ambiguous);
    expect(share(r.byExpect.refuse)).toBeGreaterThanOrEqual(refused);
  });

  it("conversations: follow-ups read against the context", () => {
    for (const [file, min] of [["seed-conversations.jsonl", 0.85], ["kb2-conversations.jsonl", 0.85], ["kb4-conversations.jsonl", 0.8], ["heldout-kb5-conversations.jsonl", 0.75], ["heldout-kb6-conversations.jsonl", 0.65]] as const) {
      const r = runConversations(answererFor, readJsonl<Conversation>(file));
      console.log(`${file}: first turns ${pct(r.first)}, follow-ups ${pct(r.followUps)}`);
      expect(share(r.followUps)).toBeGreaterThanOrEqual(min);
    }
  });

  it("held-out sets (never tuned on) do not collapse", () => {
    const items = readJsonl<Expectation & { kb: EvalKb }>("heldout-questions.jsonl");
    for (const kb of ["seed", "kb2", "kb3"] as const) {
      const r = runQuestions(answererFor(kb), items.filter((i) => i.kb === kb));
      report(`heldout-questions.jsonl (${kb})`, r);
      expect(share(r.byExpect.answer)).toBeGreaterThanOrEqual(0.65);
      expect(share(r.byExpect.refuse)).toBeGreaterThanOrEqual(0.85);
    }
    const c = runConversations(answererFor, readJsonl<Conversation>("heldout-conversations.jsonl"));
    console.log(`heldout-conversations.jsonl: first turns ${pct(c.first)}, follow-ups ${pct(c.followUps)}`);
    expect(share(c.followUps)).toBeGreaterThanOrEqual(0.7);
    // The seventh base, its release, questions and conversations written blind together, sealed.
    const r7 = runQuestions(answererFor("kb7"), readJsonl<Expectation>("heldout-kb7-questions.jsonl"));
    report("heldout-kb7-questions.jsonl (kb7)", r7);
    expect(share(r7.byExpect.answer)).toBeGreaterThanOrEqual(0.65);
    expect(share(r7.byExpect.refuse)).toBeGreaterThanOrEqual(0.85);
    const c7 = runConversations(answererFor, readJsonl<Conversation>("heldout-kb7-conversations.jsonl"));
    console.log(`heldout-kb7-conversations.jsonl: first turns ${pct(c7.first)}, follow-ups ${pct(c7.followUps)}`);
    expect(share(c7.followUps)).toBeGreaterThanOrEqual(0.7);
  });

  it("earlier sets: in-scope answered, near misses and out-of-scope questions refused", () => {
    const seed = answererFor("seed");
    const answered = (q: string) => seed.answer(q, { now: EVAL_NOW }).answered;
    const rate = (qs: string[], want: boolean) => qs.filter((q) => answered(q) === want).length / qs.length;
    const inScope = readTsv(join(evalDir, "in-scope.tsv")).map((r) => r[0]!);
    const nearMiss = readTsv(join(evalDir, "near-miss.tsv")).map((r) => r[0]!);
    const data = (f: string) => readFileSync(join(rootDir, "test", "data", f), "utf8").split(/\r?\n/).filter((l) => l.trim());
    const outOfScope = [
      ...readTsv(join(evalDir, "out-of-scope-extra.tsv")).map((r) => r[0]!),
      ...data("facqa-questions-id.txt"),
      ...readTsv(join(rootDir, "test", "data", "idk-mrc-questions-id.tsv")).map((r) => r[2]!).filter(Boolean),
    ];
    const [a, n, o] = [rate(inScope, true), rate(nearMiss, false), rate(outOfScope, false)];
    console.log(`in-scope answered ${(a * 100).toFixed(1)}%, near-miss refused ${(n * 100).toFixed(1)}%, out-of-scope refused ${(o * 100).toFixed(1)}% (${outOfScope.length})`);
    expect(a).toBeGreaterThanOrEqual(0.75);
    expect(n).toBeGreaterThanOrEqual(0.93);
    expect(o).toBeGreaterThanOrEqual(0.99);
  });
});
