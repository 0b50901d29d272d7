/**
 * Broadcast benchmark: `npm run bench:broadcast -- --subscribers N --rate R [--concurrency C]`.
 *
 * Fills a fresh DATA_DIR with N subscribers (all events), announces the seed
 * event through the real hub and queue, and delivers it over HTTP with grammY
 * to a local fake Bot API on 127.0.0.1 (a child process, test/bench/fake-telegram-server.ts)
 * that enforces R messages a second (and one a second per chat), answering
 * 429 past it. Peak RSS is sampled every 50 ms in this process (the bot side:
 * subscriptions, queue, HTTP client). The last line is one JSON object.
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Api } from "grammy";
import pino from "pino";
import { EventsHub } from "../../src/events/index.js";
import { loadConfig } from "../../src/config.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { telegramSender } from "../../src/bot/sender.js";
import { fork } from "node:child_process";
import { once } from "node:events";
import { createInterface } from "node:readline";
import { fileURLToPath } from "node:url";

function arg(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  const v = i >= 0 ? Number(process.argv[i + 1]) : fallback;
  if (!Number.isFinite(v) || v <= 0) throw new Error(`--${name} must be a positive number`);
  return v;
}

const subscribers = Math.round(arg("subscribers", 10_000));
const rate = arg("rate", 25);
const concurrency = Math.round(arg("concurrency", Math.max(4, Math.ceil(rate / 25))));
const port = Math.round(arg("port", 9290));

let peakRss = process.memoryUsage().rss;
const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 50);

const dir = mkdtempSync(join(tmpdir(), "sinergi-bench-"));
const logger = pino({ level: process.env.LOG_LEVEL ?? "info" }, pino.destination(2));
const child = fork(fileURLToPath(new URL("./fake-telegram-server.ts", import.meta.url)), ["--port", String(port), "--rate", String(rate)], {
  execArgv: ["--import", "tsx"],
  stdio: ["ignore", "pipe", "inherit", "ipc"],
});
const ready = createInterface({ input: child.stdout! });
const [line] = (await once(ready, "line")) as [string];
const apiRoot = line.replace(/^ready /, "");
try {
  const knowledge = KnowledgeStore.open(dir);
  const event = knowledge.get().events[0]!;
  const now = new Date(`${event.date}T00:00:00Z`);
  const hub = await EventsHub.open({ dataDir: dir, config: { ...loadConfig({}).events, rate, concurrency }, knowledge, logger, now: () => now });
  const t0 = performance.now();
  hub.subscriptions.addMany(
    (function* () {
      for (let i = 0; i < subscribers; i++) yield { chatId: 100_000 + i, all: true, provinces: [], kinds: [], events: [], active: true, lang: i % 10 === 0 ? ("en" as const) : ("id" as const) };
    })(),
  );
  process.stderr.write(`bench: ${subscribers} subscribers written in ${Math.round(performance.now() - t0)} ms; rate ${rate}/s, concurrency ${concurrency}\n`);
  const queue = await hub.openQueue(telegramSender(new Api("123:bench", { apiRoot })));
  const { broadcast } = await hub.announce(event.id, { reason: "manual" });
  const rssBeforeSend = process.memoryUsage().rss;
  peakRss = Math.max(peakRss, rssBeforeSend);
  let peakDuringSend = rssBeforeSend;
  const sendSampler = setInterval(() => (peakDuringSend = Math.max(peakDuringSend, process.memoryUsage().rss)), 50);
  const started = performance.now();
  queue.start();
  await queue.drain(5);
  const elapsed = (performance.now() - started) / 1000;
  clearInterval(sendSampler);
  peakRss = Math.max(peakRss, peakDuringSend);
  process.stderr.write(`bench: rss before sending ${Math.round(rssBeforeSend / 1048576)} MB, peak while sending ${Math.round(peakDuringSend / 1048576)} MB\n`);
  await hub.stop();
  child.send({ report: subscribers, first: 100_000 });
  const [stats] = (await once(child, "message")) as [{ accepted: number; http429: number; lost: number; duplicated: number }];
  peakRss = Math.max(peakRss, process.memoryUsage().rss);
  const result = {
    subscribers,
    rate_limit: rate,
    elapsed_s: Math.round(elapsed * 100) / 100,
    achieved_rate: Math.round((stats.accepted / elapsed) * 10) / 10,
    http_429: stats.http429,
    lost: stats.lost,
    duplicated: stats.duplicated,
    peak_rss_mb: Math.round((peakRss / 1048576) * 10) / 10,
  };
  if (broadcast.total !== subscribers) process.stderr.write(`bench: broadcast has ${broadcast.total} targets, expected ${subscribers}\n`);
  process.stdout.write(`${JSON.stringify(result)}\n`);
} finally {
  clearInterval(sampler);
  if (child.exitCode === null) child.kill();
  rmSync(dir, { recursive: true, force: true });
}
