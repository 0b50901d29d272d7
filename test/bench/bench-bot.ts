/**
 * `npm run bench:bot`: updates per second through the whole Sinergi bot next
 * to a bare grammY bot that only echoes, in the same run, under the same load.
 *
 * Headline (the last line, one JSON object): both bots run as in production
 * with WEBHOOK_URL set. A separate process plays Telegram and POSTs question
 * updates to the webhook on 127.0.0.1 (`--concurrency` requests in flight, as
 * Telegram keeps several connections open); every reply goes out through
 * grammY's real HTTP client to a local fake Bot API in a third process. Sinergi
 * is the production webhook server (secret check, duplicate filter, metrics,
 * one JSON log line per update, flood guard, NLU, answers, i18n, unanswered
 * log); the echo bot is grammY's webhookCallback on a plain node:http server.
 * Both are warmed up with the same updates first (steady state is what a bot
 * that runs for months lives in), then measured in alternating rounds, so that
 * a slow moment of the machine does not fall on one bot only; the figures are
 * the medians of the rounds. `p99_ms` is Sinergi's request latency one update
 * at a time (no queueing).
 *
 * Also printed: the same two bots fed through `bot.handleUpdate` with the
 * outgoing calls answered in-process (no HTTP at all), one update at a time.
 *
 * Options: --updates N per bot (default 10000), --rounds R (5), --warmup N (6000),
 * --concurrency C (8), --latency-updates N (1000).
 */
import { fork, type ChildProcess } from "node:child_process";
import { once } from "node:events";
import { mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";
import { Bot, webhookCallback } from "grammy";
import type { Update } from "grammy/types";
import pino from "pino";
import { createDeps } from "../../src/app/index.js";
import { createBot } from "../../src/bot/index.js";
import { loadConfig, runMode } from "../../src/config.js";
import { FakeBotApi } from "../../src/console/fake-api.js";
import { createLogger } from "../../src/logger.js";
import { PrometheusMetrics } from "../../src/server/metrics.js";
import { startWebhook } from "../../src/server/run.js";
import { benchQuestions, quantile, questionUpdates } from "./bot-updates.js";

const arg = (name: string, fallback: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const N = arg("updates", 10000);
const WARMUP = arg("warmup", 6000);
const CONCURRENCY = arg("concurrency", 8);
const LATENCY_N = arg("latency-updates", 1000);
const ROUNDS = arg("rounds", 5);
const TOKEN = "123456:bench-token-abcdefghijklmnopqrstuvwxyz";
const SECRET = "bench-secret";

let peakRss = process.memoryUsage().rss;
const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 25);

const here = (file: string) => fileURLToPath(new URL(file, import.meta.url));
const children: ChildProcess[] = [];
function child(file: string, args: string[] = []): ChildProcess {
  const c = fork(here(file), args, { execArgv: ["--import", "tsx"], stdio: ["ignore", "pipe", "inherit", "ipc"] });
  children.push(c);
  return c;
}

/** The local fake Bot API (no rate limits): its apiRoot. */
async function startFakeApi(): Promise<string> {
  const c = child("./fake-telegram-server.ts", ["--port", "0", "--rate", "1e9", "--per-chat-ms", "0"]);
  const [line] = (await once(createInterface({ input: c.stdout! }), "line")) as [string];
  return line.replace(/^ready /, "");
}

interface Measured {
  perSecond: number;
  p50: number;
  p99: number;
  failed: number;
}

/** The process that plays Telegram. */
async function startDriver() {
  const c = child("./webhook-driver.ts");
  await once(c, "message");
  return async (job: { url: string; firstId: number; count: number; warmup: number; concurrency: number }): Promise<Measured & { cpu: number }> => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    c.send({ ...job, secret: SECRET });
    const [res] = (await once(c, "message")) as [Measured | { error: string }];
    if ("error" in res) throw new Error(`webhook driver: ${res.error}`);
    const cpu = process.cpuUsage(cpu0);
    return { ...res, cpu: (cpu.user + cpu.system) / 1000 / (performance.now() - t0) };
  };
}

type Drive = Awaited<ReturnType<typeof startDriver>>;

/**
 * Both bots: warm-up, latency one update at a time, then throughput at
 * CONCURRENCY in alternating rounds; per bot the median round and the latency.
 */
async function measureWebhooks(drive: Drive, urls: { sinergi: string; echo: string }) {
  const names = ["sinergi", "echo"] as const;
  for (const name of names) await drive({ url: urls[name], firstId: 1, count: 1, warmup: WARMUP, concurrency: CONCURRENCY });
  let firstId = 1 + WARMUP;
  const run = async (url: string, count: number, concurrency: number) => {
    const r = await drive({ url, firstId, count, warmup: 0, concurrency });
    if (r.failed) throw new Error(`${r.failed} webhook requests failed`);
    return r;
  };
  const latency = { sinergi: await run(urls.sinergi, LATENCY_N, 1), echo: await run(urls.echo, LATENCY_N, 1) };
  firstId += LATENCY_N;
  const rounds: Record<(typeof names)[number], Array<Awaited<ReturnType<Drive>>>> = { sinergi: [], echo: [] };
  const perRound = Math.ceil(N / ROUNDS);
  for (let r = 0; r < ROUNDS; r++) {
    // Same updates for both bots in a round; the order alternates.
    for (const name of r % 2 ? [...names].reverse() : names) rounds[name].push(await run(urls[name], perRound, CONCURRENCY));
    firstId += perRound;
  }
  const median = (list: Array<Awaited<ReturnType<Drive>>>) => [...list].sort((a, b) => a.perSecond - b.perSecond)[Math.floor(list.length / 2)]!;
  return {
    sinergi: { latency: latency.sinergi, load: median(rounds.sinergi), rounds: rounds.sinergi.map((x) => Math.round(x.perSecond)) },
    echo: { latency: latency.echo, load: median(rounds.echo), rounds: rounds.echo.map((x) => Math.round(x.perSecond)) },
  };
}

/** Feeds updates one after another through handleUpdate, timing each. */
async function driveInProcess(handle: (u: Update) => Promise<void>, api: FakeBotApi, list: Update[]): Promise<{ perSecond: number; p99: number }> {
  for (const u of list.slice(0, WARMUP)) await handle(u);
  const timed = list.slice(WARMUP);
  const lat: number[] = [];
  const t0 = performance.now();
  for (let i = 0; i < timed.length; i++) {
    const s = performance.now();
    await handle(timed[i]!);
    lat.push(performance.now() - s);
    if (i % 500 === 0) api.clear();
  }
  const secs = (performance.now() - t0) / 1000;
  lat.sort((a, b) => a - b);
  return { perSecond: timed.length / secs, p99: quantile(lat, 0.99) };
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), "sinergi-bench-"));
  try {
    const [apiRoot, drive] = await Promise.all([startFakeApi(), startDriver()]);
    const botInfo = new FakeBotApi().botInfo;

    // Sinergi as `WEBHOOK_URL=... npm start` runs it; JSON logs at info level into /dev/null.
    const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "info", BOT_TOKEN: TOKEN, WEBHOOK_URL: "http://127.0.0.1/hook", WEBHOOK_SECRET: SECRET });
    const logger = createLogger("info", "json", pino.destination({ dest: "/dev/null", sync: true }));
    const deps = await createDeps({ config, logger, metrics: new PrometheusMetrics() });
    const bot = createBot({ token: TOKEN, deps, botInfo, client: { apiRoot } });
    const mode = runMode(config);
    if (mode.kind !== "webhook") throw new Error("expected webhook mode");
    const running = await startWebhook(bot, deps, { ...mode, port: 0 }, { host: "127.0.0.1" });

    // The bare grammY bot: echo, behind grammY's webhookCallback on node:http.
    const echo = new Bot(TOKEN, { botInfo, client: { apiRoot } });
    echo.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
    const server = createServer(webhookCallback(echo, "http", { secretToken: SECRET }));
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));

    const { sinergi, echo: bare } = await measureWebhooks(drive, {
      sinergi: `http://127.0.0.1:${running.server.port}/hook`,
      echo: `http://127.0.0.1:${(server.address() as AddressInfo).port}/`,
    });
    await running.stop();
    server.close();

    // The same two bots without HTTP: handleUpdate, outgoing calls answered in-process.
    const questions = benchQuestions();
    const api = new FakeBotApi();
    const inBot = createBot({ token: TOKEN, deps, botInfo: api.botInfo, client: { fetch: api.fetch } });
    const inSinergi = await driveInProcess((u) => inBot.handleUpdate(u), api, questionUpdates(questions, N + WARMUP, 1_000_000));
    const echoApi = new FakeBotApi();
    const inEcho = new Bot(TOKEN, { botInfo: echoApi.botInfo, client: { fetch: echoApi.fetch } });
    inEcho.on("message:text", (ctx) => ctx.reply(ctx.msg.text));
    const inBare = await driveInProcess((u) => inEcho.handleUpdate(u), echoApi, questionUpdates(questions, N + WARMUP, 1_000_000));

    await deps.lifecycle.shutdown();
    await deps.unanswered.flush();
    clearInterval(rssTimer);
    const ratio = sinergi.load.perSecond / bare.load.perSecond;
    const f = (x: number, d = 0) => x.toFixed(d);
    const pct = (x: number) => `${Math.round(x * 100)}%`;
    process.stdout.write(
      `bench:bot — ${N} question updates per bot in ${ROUNDS} alternating rounds after ${WARMUP} warm-up, webhook over HTTP on 127.0.0.1, ${CONCURRENCY} in flight, replies to a local fake Bot API\n` +
        `  sinergi: ${f(sinergi.load.perSecond)} updates/s (rounds ${sinergi.rounds.join(", ")}; bot process CPU ${pct(sinergi.load.cpu)}), one at a time p50 ${f(sinergi.latency.p50, 2)} ms, p99 ${f(sinergi.latency.p99, 2)} ms; under load p99 ${f(sinergi.load.p99, 2)} ms\n` +
        `  echo:    ${f(bare.load.perSecond)} updates/s (rounds ${bare.rounds.join(", ")}; bot process CPU ${pct(bare.load.cpu)}), one at a time p50 ${f(bare.latency.p50, 2)} ms, p99 ${f(bare.latency.p99, 2)} ms; under load p99 ${f(bare.load.p99, 2)} ms\n` +
        `  ratio ${f(ratio, 3)} (target >= 0.5)\n` +
        `in-process (handleUpdate, outgoing calls answered by a fetch stub, no HTTP), one at a time:\n` +
        `  sinergi: ${f(inSinergi.perSecond)} updates/s, p99 ${f(inSinergi.p99, 2)} ms; echo: ${f(inBare.perSecond)} updates/s; ratio ${f(inSinergi.perSecond / inBare.perSecond, 3)}\n`,
    );
    const round = (x: number, d = 1) => Math.round(x * 10 ** d) / 10 ** d;
    process.stdout.write(
      `${JSON.stringify({
        sinergi_updates_per_s: round(sinergi.load.perSecond),
        echo_updates_per_s: round(bare.load.perSecond),
        ratio: round(ratio, 3),
        p99_ms: round(sinergi.latency.p99, 2),
        peak_rss_mb: round(peakRss / 1024 / 1024),
      })}\n`,
    );
  } finally {
    for (const c of children) c.kill();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
