/**
 * `npm run bench:kb -- --records N`: Sinergi on a knowledge base of N records
 * (generated, the same for the same N; 29 is the shipped seed), or on the one
 * in DATA_DIR when no --records is given. Measures `npm start` to the first
 * console answer and the idle memory of that process, then in this process the
 * time of 200 questions (the slow kinds among them), the longest reply, and an
 * admin save while questions keep coming (how long the save takes, and the
 * longest the event loop was blocked). Last line: one JSON object.
 */
import { spawn, spawnSync } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { AdminService } from "../../src/admin/service.js";
import { AuditLog } from "../../src/admin/audit.js";
import { AdminList } from "../../src/admin/admins.js";
import { Answerer } from "../../src/answers/index.js";
import { loadConfig } from "../../src/config.js";
import { EventsHub } from "../../src/events/index.js";
import { eventCard, eventsPage } from "../../src/events/render.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { dataPath, rootDir } from "../../src/paths.js";
import { benchQuestions, generateKnowledge } from "./generate-kb.js";

const { values } = parseArgs({ options: { records: { type: "string" } } });
const dataDir = values.records ? mkdtempSync(join(tmpdir(), "sinergi-bench-kb-")) : (process.env.DATA_DIR ?? ".data");
if (values.records) {
  const n = Number(values.records);
  const kb = n <= 29 ? JSON.parse(readFileSync(dataPath("knowledge.json"), "utf8")) : generateKnowledge(n);
  mkdirSync(dataDir, { recursive: true });
  writeFileSync(join(dataDir, "knowledge.json"), JSON.stringify(kb));
}
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;
// A generated base is ours to remove; a DATA_DIR given is left as it was found.
const cleanUp = () => {
  if (values.records) rmSync(dataDir, { recursive: true, force: true });
};
const round = (n: number, d = 2) => Math.round(n * 10 ** d) / 10 ** d;

/** `npm start` (console chat) to its first answer; then the process's resident memory, idle. */
async function coldStart(question: string): Promise<{ ms: number; rssMb: number }> {
  const t0 = process.hrtime.bigint();
  const child = spawn("npm", ["start"], { cwd: rootDir, env: { ...process.env, DATA_DIR: dataDir, BOT_TOKEN: "", LOG_LEVEL: "silent" }, stdio: ["pipe", "pipe", "inherit"] });
  child.stdin.write(`${question}\n`);
  let out = "";
  const elapsed = await new Promise<number>((resolve, reject) => {
    child.stdout.on("data", (d: Buffer) => {
      out += d.toString();
      // The console prints the reply as soon as it is answered; its first line is enough (npm's own banner aside).
      if (out.split("\n").some((l) => l.trim() && !l.startsWith(">"))) resolve(ms(t0));
    });
    child.on("exit", () => reject(new Error(`npm start exited before answering: ${out}`)));
  });
  await new Promise((r) => setTimeout(r, 1500));
  // The node process is npm's child: sum the tree's resident memory, npm's own shell excluded.
  let rssMb = 0;
  for (const pid of descendants(child.pid!)) rssMb = Math.max(rssMb, rssOf(pid));
  child.stdin.end();
  await new Promise((r) => child.on("exit", r));
  return { ms: elapsed, rssMb };
}

function descendants(pid: number): number[] {
  const out = [pid];
  try {
    for (const t of readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean)) out.push(...descendants(Number(t)));
  } catch {
    // Gone.
  }
  return out;
}

function rssOf(pid: number): number {
  try {
    const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

// `npm start` runs the compiled bundle; built now if the sources are newer, so the cold start measures a start, not a build.
spawnSync(process.execPath, ["src/run.js", "--build"], { cwd: rootDir, stdio: "inherit" });
const store = KnowledgeStore.open(dataDir);
// A base written here (or by an older version) is replaced by the store's own snapshot, as the bot does
// in the background after its first start: every later start reads it without validating it again.
await store.compact(true);
const kb = store.get();
const records = Object.entries(kb).reduce((n, [k, v]) => n + (k !== "schemaVersion" && Array.isArray(v) ? v.length : 0), 0);
const questions = benchQuestions(kb);
const cold = await coldStart(questions[0]!);
console.log(`Knowledge base: ${records} records (${dataDir})`);
console.log(`npm start to the first console answer: ${cold.ms.toFixed(0)} ms; idle RSS of that process: ${cold.rssMb.toFixed(1)} MB`);

const t0 = process.hrtime.bigint();
const answerer = new Answerer(kb);
console.log(`Answerer built in ${ms(t0).toFixed(0)} ms`);
const now = new Date("2026-12-02T03:00:00Z");
for (const q of questions.slice(0, 20)) answerer.answer(q, { now });
const times: Array<{ q: string; ms: number }> = [];
let longest = 0;
for (const q of questions) {
  const t = process.hrtime.bigint();
  const a = answerer.answer(q, { now });
  times.push({ q, ms: ms(t) });
  longest = Math.max(longest, a.answer.length);
}
const sorted = [...times].sort((a, b) => a.ms - b.ms);
const p50 = sorted[Math.floor(sorted.length * 0.5)]!.ms;
const p99 = sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.99))]!.ms;
const worst = sorted.at(-1)!;
console.log(`200 questions: p50 ${p50.toFixed(3)} ms, p99 ${p99.toFixed(3)} ms, worst ${worst.ms.toFixed(2)} ms ("${worst.q}"); longest reply ${longest} characters`);

// Replies that do not come from the answerer: /acara pages (the first and the last) and the longest event card.
const hub = await EventsHub.open({ dataDir, config: loadConfig({}).events, knowledge: store, logger: (await import("pino")).default({ level: "silent" }), now: () => now });
let longestOther = 0;
const first = eventsPage(hub.timeline, (id) => hub.event(id), now, 0, "id");
const last = eventsPage(hub.timeline, (id) => hub.event(id), now, first.pages - 1, "id");
longestOther = Math.max(first.text.length, last.text.length);
const crowded = [...kb.events].sort((a, b) => b.participants.length + b.agenda.length - a.participants.length - a.agenda.length)[0];
if (crowded) longestOther = Math.max(longestOther, eventCard(crowded, kb, "id", hub.lookup).length);
console.log(`/acara: ${first.pages} pages, page 1 ${first.text.length} characters, last page ${last.text.length}; longest event card or page ${longestOther} characters`);
longest = Math.max(longest, longestOther);

// An admin save while questions keep coming: the answers must not wait on it.
store.onChange((_kb, changes) => answerer.apply(changes));
const service = new AdminService(store, AuditLog.open(dataDir), await AdminList.open(dataDir, [1]));
/** Runs one save while questions keep coming; its time and the longest the event loop was blocked meanwhile. */
async function duringQuestions(save: () => Promise<unknown>): Promise<{ ms: number; block: number; asked: number }> {
  const delay = monitorEventLoopDelay({ resolution: 5 });
  let asking = true;
  let asked = 0;
  const ask = () => {
    if (!asking) return;
    answerer.answer(questions[asked++ % questions.length]!, { now });
    setImmediate(ask);
  };
  delay.enable();
  setImmediate(ask);
  const s0 = process.hrtime.bigint();
  await save();
  const took = ms(s0);
  asking = false;
  delay.disable();
  return { ms: took, block: delay.max / 1e6, asked };
}
const by = { id: 1, name: "bench" };
const value = store.get().cooperationValues[0]!;
const valueSave = await duringQuestions(() => service.commit([{ collection: "cooperationValues", id: value.id, before: value as never, after: { ...value, amount: value.amount + 1e9 } as never }], by, "edit", "bench save"));
console.log(`Admin save (a value): ${valueSave.ms.toFixed(0)} ms; event loop blocked at most ${valueSave.block.toFixed(0)} ms meanwhile (${valueSave.asked} questions answered during the save)`);
// Names change too: an event's title, then /urungkan of it.
const event = store.get().events[0];
let maxBlock = valueSave.block;
if (event) {
  const titleSave = await duringQuestions(() => service.commit([{ collection: "events", id: event.id, before: event as never, after: { ...event, title: `${event.title} Baru` } as never }], by, "edit", "bench title"));
  const undo = await duringQuestions(() => service.undo(by));
  console.log(`Admin save (an event's title): ${titleSave.ms.toFixed(0)} ms, blocked at most ${titleSave.block.toFixed(0)} ms; its undo: ${undo.ms.toFixed(0)} ms, blocked at most ${undo.block.toFixed(0)} ms`);
  maxBlock = Math.max(maxBlock, titleSave.block, undo.block);
}
const saveMs = valueSave.ms;
console.log(
  JSON.stringify({
    records,
    cold_start_ms: Math.round(cold.ms),
    rss_mb: round(cold.rssMb, 1),
    p50_ms: round(p50, 4),
    p99_ms: round(p99, 4),
    worst_question_ms: round(worst.ms, 3),
    worst_question: worst.q,
    save_ms: Math.round(saveMs),
    max_block_ms: Math.round(maxBlock),
    longest_reply_chars: longest,
  }),
);
cleanUp();
process.exit(0);
