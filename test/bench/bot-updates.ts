import { join } from "node:path";
import type { Update } from "grammy/types";
import { evalDir, readTsv } from "../helpers/tsv.js";

/** Questions as people type them: in scope, near misses (honest "not yet") and out of scope, from test/eval. */
export function benchQuestions(): string[] {
  return ["in-scope.tsv", "near-miss.tsv", "out-of-scope-extra.tsv"].flatMap((f) => readTsv(join(evalDir, f)).map((row) => row[0]!.trim()));
}

/** Private text updates with ids from `firstId`; each user asks 4 questions (a realistic pace, under the flood limit). */
export function questionUpdates(questions: readonly string[], count: number, firstId: number): Update[] {
  const out: Update[] = [];
  for (let i = 0; i < count; i++) {
    const id = firstId + i;
    const uid = 100_000 + Math.floor(id / 4);
    out.push({
      update_id: id,
      message: {
        message_id: id,
        date: Math.floor(Date.now() / 1000),
        chat: { id: uid, type: "private", first_name: "Warga" },
        from: { id: uid, is_bot: false, first_name: "Warga", language_code: "id" },
        text: questions[(i * 7) % questions.length]!,
      },
    } as Update);
  }
  return out;
}

/** The p-quantile of sorted numbers. */
export function quantile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? 0;
}
