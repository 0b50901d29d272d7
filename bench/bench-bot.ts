/**
 * `npm run bench:bot`: updates per second through the whole Sinergi bot
 * (bot.handleUpdate with realistic Indonesian questions: middleware, flood
 * guard, NLU, answers, i18n, reply formatting, JSON logs, metrics, unanswered
 * log), next to a bare grammY bot that only echoes, in the same run and over
 * the same in-process fake Bot API. The last line is one JSON object.
 *
 * Options: --updates N (default 4000), --warmup N (default 300); --stub-nlu answers
 * each distinct question once and replays it (to see the cost of everything but NLU).
 */
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { createDeps } from "../src/app.js";
import { createBot } from "../src/bot/index.js";
import { loadConfig } from "../src/config.js";
import { FakeBotApi } from "../src/console/fake-api.js";
import { createLogger } from "../src/logger.js";
import { rootDir } from "../src/paths.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("updates", 4000);
const WARMUP = arg("warmup", 300);

/** Questions as people type them: in scope, near misses (honest "not yet"), out of scope. */
function questions(): string[] {
  const col = (file: string) =>
    readFileSync(join(rootDir, "test/eval", file), "utf8")
      .split("\n")
      .slice(1)
      .map((l) => l.split("\t")[0]!.trim())
      .filter(Boolean);
  return [...col("in-scope.tsv"), ...col("near-miss.tsv"), ...col("out-of-scope-extra.tsv")];
}

/** Private text updates; each user asks 4 questions (a realistic pace, under the flood limit). */
function updates(qs: string[], count: number, firstId: number): Update[] {
  const out: Update[] = [];
  for (let i = 0; i < count; i++) {
    const uid = 100_000 + Math.floor((firstId + i) / 4);
    out.push({
      update_id: firstId + i,
      message: {
        message_id: i + 1,
        date: Math.floor(Date.now() / 1000),
        chat: { id: uid, type: "private", first_name: "Warga" },
        from: { id: uid, is_bot: false, first_name: "Warga", language_code: "id" },
        text: qs[(i * 7) % qs.length]!,
      },
    } as Update);
  }
  return out;
}

let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

interface Result {
  perSecond: number;
  p99: number;
  p50: number;
  /** Mean time per distinct question text, slowest first. */
  slowest: Array<[string, number]>;
}

/** Feeds updates one after another (as a single chat would), timing each. */
async function drive(handle: (u: Update) => Promise<void>, api: FakeBotApi, list: Update[], warmup: number): Promise<Result> {
  for (const u of list.slice(0, warmup)) await handle(u);
  const timed = list.slice(warmup);
  const lat: number[] = [];
  const byText = new Map<string, { sum: number; n: number }>();
  const t0 = performance.now();
  for (let i = 0; i < timed.length; i++) {
    const s = performance.now();
    await handle(timed[i]!);
    const ms = performance.now() - s;
    lat.push(ms);
    const text = timed[i]!.message?.text ?? "";
    const e = byText.get(text) ?? { sum: 0, n: 0 };
    e.sum += ms;
    e.n++;
    byText.set(text, e);
    if (i % 500 === 0) api.clear();
  }
  const secs = (performance.now() - t0) / 1000;
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  lat.sort((a, b) => a - b);
  const slowest = [...byText].map(([t, e]) => [t, e.sum / e.n] as [string, number]).sort((a, b) => b[1] - a[1]);
  return { perSecond: timed.length / secs, p99: lat[Math.floor(lat.length * 0.99)]!, p50: lat[Math.floor(lat.length * 0.5)]!, slowest };
}

async function main(): Promise<void> {
  const qs = questions();
  const dataDir = mkdtempSync(join(tmpdir(), "sinergi-bench-"));
  try {
    // Sinergi: the real deps on a temporary DATA_DIR, JSON logs at info level into /dev/null.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "info" });
    const logger = createLogger("info", "json", pino.destination({ dest: "/dev/null", sync: true }));
    const deps = await createDeps(config, logger);
    if (process.argv.includes("--stub-nlu")) {
      // Diagnosis: every question gets one precomputed answer, to see what the bot costs without NLU.
      const real = deps.answerer.answer.bind(deps.answerer);
      const cache = new Map<string, ReturnType<typeof real>>();
      deps.answerer.answer = (q, o) => cache.get(q) ?? (cache.set(q, real(q, o)), cache.get(q)!);
    }
    const api = new FakeBotApi();
    const bot = createBot({ token: "123456:bench-token-abcdefghijklmnopqrstuvwxyz", deps, botInfo: api.botInfo, client: { fetch: api.fetch } });
    const list = updates(qs, N + WARMUP, 1);
    const sinergi = await drive((u) => bot.handleUpdate(u), api, list, WARMUP);
    const sentPerUpdate = api.sent("sendMessage").length;

    // A bare grammY bot that echoes, over the same fake API.
    const echoApi = new FakeBotApi();
    const echo = new Bot("123456:bench-token-abcdefghijklmnopqrstuvwxyz", { botInfo: echoApi.botInfo, client: { fetch: echoApi.fetch } });
    echo.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
    const bare = await drive((u) => echo.handleUpdate(u), echoApi, updates(qs, N + WARMUP, 1), WARMUP);

    await deps.lifecycle.shutdown();
    await deps.unanswered.flush();
    clearInterval(rssTimer);
    const ratio = sinergi.perSecond / bare.perSecond;
    process.stdout.write(
      `bench:bot — ${N} question updates after ${WARMUP} warm-up, one at a time, outgoing calls answered in-process\n` +
        `  sinergi: ${sinergi.perSecond.toFixed(0)} updates/s, p50 ${sinergi.p50.toFixed(2)} ms, p99 ${sinergi.p99.toFixed(2)} ms\n` +
        `  echo:    ${bare.perSecond.toFixed(0)} updates/s, p50 ${bare.p50.toFixed(2)} ms, p99 ${bare.p99.toFixed(2)} ms\n` +
        `  ratio ${ratio.toFixed(3)} (target >= 0.5); last batch sent ${sentPerUpdate} messages\n` +
        `  slowest questions through Sinergi (mean ms):\n` +
        sinergi.slowest.slice(0, 5).map(([t, ms]) => `    ${ms.toFixed(2)}  ${t}\n`).join(""),
    );
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    process.stdout.write(
      `${JSON.stringify({
        sinergi_updates_per_s: round(sinergi.perSecond),
        echo_updates_per_s: round(bare.perSecond),
        ratio: round(ratio, 3),
        p99_ms: round(sinergi.p99, 2),
        peak_rss_mb: round(peakRss / 1024 / 1024),
      })}\n`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
