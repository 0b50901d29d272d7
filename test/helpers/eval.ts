import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { Answer, Answerer } from "../../src/answers/index.js";
import type { DialogueState } from "../../src/answers/dialogue.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { parseKnowledge } from "../../src/knowledge/load.js";

/** What a question set expects of one reply. */
export interface Expectation {
  q: string;
  lang?: string;
  /** answer: the facts; refuse: "not available"; ambiguous: every option listed, or a "which one?". */
  expect: "answer" | "refuse" | "ambiguous";
  /** For each inner list, the reply holds at least one of its strings. */
  contains?: string[][];
  /** For "ambiguous": each record's distinguishing strings. */
  options?: string[][];
  /** Strings that would show a wrong fact. */
  absent?: string[];
  note?: string;
}

/** A conversation: turns read one after another with the context of the earlier ones. */
export interface Conversation {
  id: string;
  kb?: string;
  lang?: string;
  turns: Expectation[];
}

const root = fileURLToPath(new URL("../..", import.meta.url));

/** Lines of a JSON Lines file under test/eval/. */
export function readJsonl<T>(name: string): T[] {
  return readFileSync(`${root}test/eval/${name}`, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as T);
}

/** The knowledge bases of the evaluation: the shipped seed, two other releases', and the seed merged with the second. */
export type EvalKb = "seed" | "kb2" | "merged" | "kb3" | "kb4" | "kb5" | "kb6" | "kb7";
const KB_FILES: Record<EvalKb, string> = {
  seed: "data/knowledge.json",
  kb2: "test/fixtures/kb-jateng-sulsel.json",
  merged: "test/fixtures/kb-merged.json",
  kb3: "test/fixtures/kb-bali-ntb-ntt.json",
  kb4: "test/fixtures/kb-jatim-papua.json",
  kb5: "test/fixtures/kb-sumbar-riau.json",
  kb6: "test/fixtures/kb-jabar-maluku.json",
  kb7: "test/fixtures/kb-kalsel-sulut.json",
};

export function evalKnowledge(name: EvalKb): Knowledge {
  const file = KB_FILES[name];
  return parseKnowledge(JSON.parse(readFileSync(`${root}${file}`, "utf8")), file);
}

const norm = (s: string) => s.toLowerCase().replace(/\s+/g, " ");

/** Whether a reply meets an expectation, and why not. */
export function judge(e: Expectation, a: Answer): string | null {
  const text = norm(a.answer);
  const has = (alts: string[]) => alts.some((s) => text.includes(norm(s)));
  // The source line cites a release (its title, its date); a fact it does not state.
  const stated = norm(a.answer.split("\n").filter((l) => !/^(Sumber|Source): /.test(l)).join("\n"));
  for (const s of e.absent ?? []) if (stated.includes(norm(s))) return `shows "${s}"`;
  if (e.expect === "refuse") {
    if (a.answered) return "answered";
    const missing = (e.contains ?? []).find((alts) => !has(alts));
    return missing ? `refusal lacks ${JSON.stringify(missing)}` : null;
  }
  if (e.expect === "ambiguous") {
    const asks = a.intent === "pilih";
    const missing = (e.options ?? []).filter((alts) => !has(alts));
    if (asks && a.prompts.length >= 2) return null;
    return missing.length ? `lists not ${JSON.stringify(missing)}` : null;
  }
  if (!a.answered) return "not answered";
  const missing = (e.contains ?? []).find((alts) => !has(alts));
  return missing ? `lacks ${JSON.stringify(missing)}` : null;
}

/** A fixed clock for the evaluation (events are dated 2025). */
export const EVAL_NOW = new Date("2026-12-02T03:00:00Z");

export interface Score {
  ok: number;
  total: number;
}

export interface QuestionReport {
  byExpect: Record<Expectation["expect"], Score>;
  failures: Array<{ q: string; expect: string; why: string; answer: string }>;
}

/** Asks every question on its own and scores the replies by expectation. */
export function runQuestions(answerer: Answerer, items: Expectation[]): QuestionReport {
  const report: QuestionReport = { byExpect: { answer: { ok: 0, total: 0 }, refuse: { ok: 0, total: 0 }, ambiguous: { ok: 0, total: 0 } }, failures: [] };
  for (const e of items) {
    const a = answerer.answer(e.q, { now: EVAL_NOW });
    const why = judge(e, a);
    const s = report.byExpect[e.expect];
    s.total++;
    if (why) report.failures.push({ q: e.q, expect: e.expect, why, answer: a.answer });
    else s.ok++;
  }
  return report;
}

export interface ConversationReport {
  first: Score;
  followUps: Score;
  failures: Array<{ id: string; turn: number; q: string; why: string; answer: string }>;
}

/** Plays conversations turn by turn, each with the context the previous answer left. */
export function runConversations(answererFor: (kb: string) => Answerer, conversations: Conversation[]): ConversationReport {
  const report: ConversationReport = { first: { ok: 0, total: 0 }, followUps: { ok: 0, total: 0 }, failures: [] };
  for (const conv of conversations) {
    const answerer = answererFor(conv.kb ?? "seed");
    let context: DialogueState | null = null;
    conv.turns.forEach((turn, i) => {
      const a = answerer.answer(turn.q, { now: new Date(EVAL_NOW.getTime() + i * 20_000), context });
      context = a.context;
      const why = judge(turn, a);
      const s = i === 0 ? report.first : report.followUps;
      s.total++;
      if (why) report.failures.push({ id: conv.id, turn: i, q: turn.q, why, answer: a.answer });
      else s.ok++;
    });
  }
  return report;
}

/** "93.5% (187/200)". */
export function pct(s: Score): string {
  return `${s.total ? ((100 * s.ok) / s.total).toFixed(1) : "-"}% (${s.ok}/${s.total})`;
}
