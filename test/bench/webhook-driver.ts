/**
 * Plays Telegram for bench:bot, in its own process: POSTs question updates to
 * a webhook URL (secret header set) over keep-alive connections, `concurrency`
 * at a time, and reports throughput and latency. Driven over IPC:
 * {url, secret, firstId, count, warmup, concurrency} -> {perSecond, p50, p99, failed}.
 */
import { Agent, request } from "node:http";
import { benchQuestions, quantile, questionUpdates } from "./bot-updates.js";

interface Job {
  url: string;
  secret?: string;
  firstId: number;
  count: number;
  warmup: number;
  concurrency: number;
}

const questions = benchQuestions();

function post(agent: Agent, url: URL, secret: string | undefined, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const headers: Record<string, string | number> = { "content-type": "application/json", "content-length": Buffer.byteLength(body) };
    if (secret) headers["x-telegram-bot-api-secret-token"] = secret;
    const req = request({ agent, host: url.hostname, port: url.port, path: url.pathname, method: "POST", headers }, (res) => {
      res.resume();
      res.on("end", () => resolve(res.statusCode ?? 0));
    });
    req.on("error", reject);
    req.end(body);
  });
}

async function run(job: Job): Promise<{ perSecond: number; p50: number; p99: number; failed: number }> {
  const url = new URL(job.url);
  const agent = new Agent({ keepAlive: true, maxSockets: job.concurrency });
  const bodies = questionUpdates(questions, job.warmup + job.count, job.firstId).map((u) => JSON.stringify(u));
  let failed = 0;
  const latencies: number[] = [];
  const send = async (from: number, to: number, timed: boolean) => {
    let next = from;
    const worker = async () => {
      while (next < to) {
        const body = bodies[next++]!;
        const t = performance.now();
        const status = await post(agent, url, job.secret, body);
        if (timed) latencies.push(performance.now() - t);
        if (status !== 200) failed++;
      }
    };
    await Promise.all(Array.from({ length: job.concurrency }, worker));
  };
  await send(0, job.warmup, false);
  const t0 = performance.now();
  await send(job.warmup, bodies.length, true);
  const secs = (performance.now() - t0) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  return { perSecond: job.count / secs, p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), failed };
}

process.on("message", (job: Job | "exit") => {
  if (job === "exit") process.exit(0);
  run(job).then((r) => process.send?.(r), (err: unknown) => process.send?.({ error: String(err) }));
});
process.send?.("ready");
