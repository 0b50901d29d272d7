import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import type { Answer, DialogueState } from "../answers/index.js";
import { openAsking } from "../app/index.js";
import { loadConfig } from "../config.js";

/** The JSON shape checks outside the repo rely on. */
function toJson(a: Answer): string {
  return JSON.stringify({ query: a.query, intent: a.intent, score: a.score, answered: a.answered, answer: a.answer, suggestions: a.suggestions });
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({
    options: { json: { type: "boolean", default: false }, jsonl: { type: "boolean", default: false }, dialog: { type: "boolean", default: false } },
    allowPositionals: true,
  });
  const question = positionals.join(" ").trim();
  if (!values.jsonl && !question) {
    process.stderr.write('Pemakaian: npm run --silent ask -- [--json] "<pertanyaan>"  |  npm run --silent ask -- --jsonl [--dialog] < pertanyaan.txt\n');
    process.exit(2);
  }
  const config = loadConfig();
  // As the bot does (the examples admins taught it too): the CLI must answer exactly as the bot would.
  const { answerer, unanswered } = await openAsking(config);

  if (values.jsonl) {
    const rl = createInterface({ input: process.stdin, terminal: false });
    // Without --dialog: one object per input line, blank ones included, so output line N belongs to input line N.
    // With --dialog: consecutive lines are one conversation (each read against the answers before it);
    // a blank line starts a new one and prints nothing.
    let context: DialogueState | null = null;
    for await (const line of rl) {
      if (values.dialog && !line.trim()) {
        context = null;
        continue;
      }
      const a = answerer.answer(line, values.dialog ? { context, contextTtlMs: config.CONTEXT_TTL_MINUTES * 60_000 } : {});
      context = a.context;
      if (!a.answered) unanswered.add(a.normalized, line);
      process.stdout.write(`${toJson(a)}\n`);
    }
    await unanswered.flush();
    return;
  }
  const a = answerer.answer(question);
  if (!a.answered) await unanswered.record(a.normalized, question);
  process.stdout.write(values.json ? `${toJson(a)}\n` : `${a.answer}\n`);
}

main().catch((err: unknown) => {
  process.stderr.write(`ask: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
