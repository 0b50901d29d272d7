import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Answer } from "../answers/index.js";
import { Answerer } from "../answers/index.js";
import { loadConfig } from "../config.js";
import { KnowledgeStore } from "../knowledge/store.js";
import { UnansweredLog } from "../storage/unanswered.js";

/** The JSON shape checks outside the repo rely on. */
function toJson(a: Answer): string {
  return JSON.stringify({ query: a.query, intent: a.intent, score: a.score, answered: a.answered, answer: a.answer, suggestions: a.suggestions });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: "boolean", default: false }, jsonl: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const config = loadConfig();
  const store = KnowledgeStore.open(config.DATA_DIR);
  const answerer = new Answerer(store.get());
  const unanswered = await UnansweredLog.open(config.DATA_DIR);

  if (values.jsonl) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    for await (const line of rl) {
      if (!line.trim()) continue;
      const a = answerer.answer(line);
      if (!a.answered) unanswered.add(a.normalized, line);
      process.stdout.write(`${toJson(a)}\n`);
    }
    await unanswered.flush();
    return;
  }
  const question = positionals.join(" ").trim();
  if (!question) {
    process.stderr.write('Pemakaian: npm run --silent ask -- [--json] "<pertanyaan>"  |  npm run --silent ask -- --jsonl < pertanyaan.txt\n');
    process.exit(2);
  }
  const a = answerer.answer(question);
  if (!a.answered) await unanswered.record(a.normalized, question);
  process.stdout.write(values.json ? `${toJson(a)}\n` : `${a.answer}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`ask: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
