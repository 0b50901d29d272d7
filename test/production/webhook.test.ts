import { rmSync } from "node:fs";
import { connect, type Socket } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import type { Update } from "grammy/types";
import { startWebhook, type Running } from "../../src/server/run.js";
import { makeBot, textFrom } from "../helpers/index.js";
import { parsePrometheus, value } from "./prometheus.js";

const TOKEN = "123456:test-token-abcdefghijklmnopqrstuvwxyz";
const SECRET = "rahasia_webhook-123";
let port = 9410;
let running: Running | undefined;

afterEach(async () => {
  await running?.stop();
  running = undefined;
});

async function start(opts: { webhookTimeoutMs?: number; delaySendMs?: number } = {}) {
  const { bot, api, deps, log, dataDir } = await makeBot({ token: TOKEN, logLevel: "info", flood: {} });
  if (opts.delaySendMs) {
    api.respond = async (call) => {
      if (call.method === "sendMessage") await new Promise((r) => setTimeout(r, opts.delaySendMs));
      return undefined;
    };
  }
  const p = port++;
  const url = `http://127.0.0.1:${p}/telegram/hook`;
  running = await startWebhook(bot, deps, { kind: "webhook", token: TOKEN, port: p, url, path: "/telegram/hook", secret: SECRET }, {
    host: "127.0.0.1",
    webhookTimeoutMs: opts.webhookTimeoutMs,
  });
  const base = `http://127.0.0.1:${p}`;
  const post = (update: Update | string, secret?: string) =>
    fetch(`${base}/telegram/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", ...(secret === undefined ? {} : { "x-telegram-bot-api-secret-token": secret }) },
      body: typeof update === "string" ? update : JSON.stringify(update),
    });
  return { api, deps, log, dataDir, base, post, url, running };
}

describe("webhook mode", () => {
  it("registers the webhook with the secret and keeps pending updates", async () => {
    const { api, url } = await start();
    expect(api.sent("setWebhook")).toEqual([{ url, secret_token: SECRET, drop_pending_updates: false }]);
  });

  it("refuses requests without the secret or with a wrong one (401), handles those with it", async () => {
    const { api, post } = await start();
    const none = await post(textFrom(701, "apa itu DPMPTSP"));
    expect(none.status).toBe(401);
    const wrong = await post(textFrom(701, "apa itu DPMPTSP"), "tebakan");
    expect(wrong.status).toBe(401);
    expect(api.sent("sendMessage")).toHaveLength(0);

    const ok = await post(textFrom(701, "apa itu DPMPTSP"), SECRET);
    expect(ok.status).toBe(200);
    expect(api.sent("sendMessage")).toHaveLength(1);
    expect(String(api.last("sendMessage")!.text)).toMatch(/Penanaman Modal/i);
  });

  it("handles an update delivered twice (same update_id) once, also when both arrive together", async () => {
    const { api, post } = await start();
    const u = textFrom(702, "apa itu DPMPTSP");
    const [a, b] = await Promise.all([post(u, SECRET), post(u, SECRET)]);
    const c = await post(u, SECRET);
    expect([a.status, b.status, c.status]).toEqual([200, 200, 200]);
    expect(api.sent("sendMessage")).toHaveLength(1);
    await post(textFrom(702, "apa itu DPMPTSP"), SECRET);
    expect(api.sent("sendMessage")).toHaveLength(2);
  });

  it("answers Telegram quickly while a slow update goes on, and stop() waits for it", async () => {
    const { api, post } = await start({ webhookTimeoutMs: 100, delaySendMs: 800 });
    const t0 = Date.now();
    const res = await post(textFrom(703, "apa itu DPMPTSP"), SECRET);
    expect(res.status).toBe(200);
    expect(Date.now() - t0).toBeLessThan(600);
    expect(running!.tracker.size).toBe(1);
    const stopping = running!.stop();
    // While draining, new deliveries are refused with 503 (Telegram retries them later).
    const late = await post(textFrom(703, "apa itu UMKM"), SECRET).catch(() => undefined);
    if (late) expect(late.status).toBe(503);
    await stopping;
    running = undefined;
    expect(api.sent("sendMessage")).toHaveLength(1);
  });

  it("rejects a malformed body with 400", async () => {
    const { post } = await start();
    expect((await post("{not json", SECRET)).status).toBe(400);
  });

  it("/healthz is ok while storage is reachable, 503 when DATA_DIR is gone", async () => {
    const { base, dataDir } = await start();
    const ok = await fetch(`${base}/healthz`);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ status: "ok" });
    rmSync(dataDir, { recursive: true, force: true });
    const bad = await fetch(`${base}/healthz`);
    expect(bad.status).toBe(503);
    expect(((await bad.json()) as { problem: string }).problem).toMatch(/DATA_DIR/);
  });

  it("/metrics is Prometheus text with updates, answers, share answered, latency, queue, sent and failed", async () => {
    const { api, base, post, deps } = await start();
    const before = parsePrometheus(await (await fetch(`${base}/metrics`)).text());
    const n = (e: ReturnType<typeof parsePrometheus>, name: string, labels: Record<string, string> = {}) => value(e, name, labels) ?? 0;

    await post(textFrom(704, "apa itu DPMPTSP"), SECRET);
    await post(textFrom(704, "siapa juara piala dunia sepak bola 1998"), SECRET);
    api.respond = (call) => (call.method === "sendMessage" ? { error_code: 403, description: "Forbidden: bot was blocked by the user" } : undefined);
    await post(textFrom(705, "apa itu UMKM"), SECRET);
    api.respond = undefined;
    deps.metrics.setQueueLength("broadcast", 7);

    const res = await fetch(`${base}/metrics`);
    expect(res.headers.get("content-type")).toMatch(/^text\/plain/);
    const after = parsePrometheus(await res.text());
    for (const family of [
      "sinergi_updates_total",
      "sinergi_answers_total",
      "sinergi_answered_share",
      "sinergi_update_duration_seconds",
      "sinergi_queue_length",
      "sinergi_api_calls_sent_total",
      "sinergi_api_calls_failed_total",
    ]) {
      expect(after.help.has(family), family).toBe(true);
    }
    expect(after.type.get("sinergi_update_duration_seconds")).toBe("histogram");
    expect(n(after, "sinergi_updates_total", { kind: "message" }) - n(before, "sinergi_updates_total", { kind: "message" })).toBe(3);
    expect(n(after, "sinergi_answers_total", { answered: "true" }) - n(before, "sinergi_answers_total", { answered: "true" })).toBe(2);
    expect(n(after, "sinergi_answers_total", { answered: "false" }) - n(before, "sinergi_answers_total", { answered: "false" })).toBe(1);
    const share = n(after, "sinergi_answered_share");
    expect(share).toBeGreaterThan(0);
    expect(share).toBeLessThan(1);
    expect(n(after, "sinergi_update_duration_seconds_count") - n(before, "sinergi_update_duration_seconds_count")).toBe(3);
    expect(value(after, "sinergi_update_duration_seconds_bucket", { le: "+Inf" })).toBe(value(after, "sinergi_update_duration_seconds_count"));
    expect(n(after, "sinergi_queue_length", { queue: "broadcast" })).toBe(7);
    expect(n(after, "sinergi_api_calls_sent_total", { method: "sendMessage" }) - n(before, "sinergi_api_calls_sent_total", { method: "sendMessage" })).toBe(2);
    expect(n(after, "sinergi_api_calls_failed_total", { method: "sendMessage", code: "403" }) - n(before, "sinergi_api_calls_failed_total", { method: "sendMessage", code: "403" })).toBeGreaterThanOrEqual(1);
  });
});

describe("webhook hardening", () => {
  const limits = { headersTimeoutMs: 400, bodyTimeoutMs: 400, maxConnections: 8 };

  async function startHardened() {
    const { bot, api, deps } = await makeBot({ token: TOKEN, flood: {} });
    const p = port++;
    running = await startWebhook(bot, deps, { kind: "webhook", token: TOKEN, port: p, url: `http://127.0.0.1:${p}/hook`, path: "/hook", secret: SECRET }, {
      host: "127.0.0.1",
      limits,
    });
    const post = (body: string, headers: Record<string, string> = {}) =>
      fetch(`http://127.0.0.1:${p}/hook`, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET, ...headers }, body });
    return { api, p, post };
  }

  /** Opens a raw connection, writes `head`, and resolves with what came back once the server closed it (or null after `waitMs`). */
  function rawRequest(p: number, head: string, waitMs: number): Promise<{ closedAfterMs: number; response: string } | null> {
    return new Promise((resolve) => {
      const t0 = Date.now();
      const socket = connect(p, "127.0.0.1", () => socket.write(head));
      let response = "";
      socket.on("data", (d) => (response += d.toString()));
      const timer = setTimeout(() => {
        socket.destroy();
        resolve(null);
      }, waitMs);
      socket.on("close", () => {
        clearTimeout(timer);
        resolve({ closedAfterMs: Date.now() - t0, response });
      });
      socket.on("error", () => undefined);
    });
  }

  it("refuses bodies over 1 MB (413), announced or not, and goes on answering", async () => {
    const { api, post } = await startHardened();
    const big = JSON.stringify(textFrom(711, `apa itu ${"x".repeat(2 * 1024 * 1024)}`));
    const res = await post(big).catch((err: unknown) => err);
    if (res instanceof Response) expect(res.status).toBe(413);
    // Without content-length: a chunked body counted as it arrives.
    const stream = new ReadableStream({
      start(c) {
        for (let i = 0; i < 40; i++) c.enqueue(new TextEncoder().encode("x".repeat(64 * 1024)));
        c.close();
      },
    });
    const chunked = await fetch(`http://127.0.0.1:${port - 1}/hook`, {
      method: "POST",
      headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": SECRET },
      body: stream,
      duplex: "half",
    } as RequestInit).catch((err: unknown) => err);
    if (chunked instanceof Response) expect(chunked.status).toBe(413);
    expect(api.sent("sendMessage")).toHaveLength(0);
    expect((await post(JSON.stringify(textFrom(711, "apa itu DPMPTSP")))).status).toBe(200);
    expect(api.sent("sendMessage")).toHaveLength(1);
  });

  it("null and other non-updates get 400, not 500; updates without update_id are handled, never dropped as repeats", async () => {
    const { api, post } = await startHardened();
    for (const body of ["null", "[]", '"x"', "42", "true"]) expect((await post(body)).status, body).toBe(400);
    const { update_id: _, ...noId } = textFrom(712, "apa itu DPMPTSP");
    expect((await post(JSON.stringify(noId))).status).toBe(200);
    expect((await post(JSON.stringify({ ...noId, message: { ...noId.message!, message_id: 99 } }))).status).toBe(200);
    expect(api.sent("sendMessage")).toHaveLength(2);
  });

  it("closes slow connections: headers and body time-outs, also after a 401", async () => {
    const { p } = await startHardened();
    // Headers never finished.
    const slowHead = await rawRequest(p, "POST /hook HTTP/1.1\r\nHost: x\r\n", 5_000);
    expect(slowHead).not.toBeNull();
    expect(slowHead!.closedAfterMs).toBeLessThan(3_000);
    // Right secret, body announced but never sent.
    const slowBody = await rawRequest(p, `POST /hook HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 1000\r\n\r\n{"upd`, 5_000);
    expect(slowBody).not.toBeNull();
    expect(slowBody!.closedAfterMs).toBeLessThan(3_000);
    // Wrong secret: 401, and the connection is not kept for the rest of the body.
    const refused = await rawRequest(p, "POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: nope\r\nContent-Length: 100000\r\n\r\n{", 5_000);
    expect(refused).not.toBeNull();
    expect(refused!.response).toMatch(/^HTTP\/1\.1 401/);
    expect(refused!.closedAfterMs).toBeLessThan(3_000);
  });

  it("caps the number of open connections", async () => {
    const { p } = await startHardened();
    const sockets = await Promise.all(
      Array.from({ length: 20 }, () => new Promise<Socket>((resolve) => {
        const s = connect(p, "127.0.0.1", () => resolve(s));
        s.on("error", () => undefined);
      })),
    );
    await new Promise((r) => setTimeout(r, 200));
    // Connections past the cap are closed at once by the server.
    const closed = await Promise.all(sockets.map((s) => new Promise<boolean>((r) => (s.closed ? r(true) : setTimeout(() => r(s.closed), 100)))));
    expect(closed.filter(Boolean).length).toBeGreaterThanOrEqual(20 - limits.maxConnections);
    for (const s of sockets) s.destroy();
  });
});
