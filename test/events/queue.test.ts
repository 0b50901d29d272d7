import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BroadcastQueue } from "../../src/events/queue.js";
import { progressText } from "../../src/events/render.js";
import { FakeTelegram, type FakeTelegramOptions } from "../helpers/telegram-server.js";
import { senderTo } from "../helpers/events.js";
import { LogSink } from "../helpers/log.js";
import { createLogger } from "../../src/logger.js";

let server: FakeTelegram | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function setup(port: number, fake: FakeTelegramOptions, q: { rate: number; concurrency?: number; dir?: string }, existing?: FakeTelegram) {
  server = existing ?? new FakeTelegram(fake);
  const root = existing ? `http://127.0.0.1:${port}` : await server.listen(port);
  const log = new LogSink();
  const blocked: number[] = [];
  const queue = await BroadcastQueue.open({
    dir: q.dir ?? mkdtempSync(join(tmpdir(), "sinergi-queue-")),
    rate: q.rate,
    concurrency: q.concurrency ?? 4,
    sender: senderTo(root),
    logger: createLogger("info", "json", log),
    onBlocked: (c) => blocked.push(c),
    progressText,
    backoffMs: 20,
    maxAttempts: 3,
    progressEveryMs: 0,
    batchSize: 20,
  });
  return { queue, log, blocked, server: server! };
}

const msg = { id: { text: "Halo" }, en: { text: "Hello" } };
const chats = (n: number, from = 1) => Array.from({ length: n }, (_, i) => ({ chatId: from + i, lang: "id" as const }));

describe("delivery queue against a fake Bot API on 127.0.0.1", () => {
  it("delivers exactly one copy to each chat at the configured rate", async () => {
    const { queue, server } = await setup(9201, { rate: 200 }, { rate: 200, concurrency: 8 });
    await queue.create({ id: "b1", kind: "announce", eventId: "e", messages: msg }, chats(100));
    const t0 = performance.now();
    queue.start();
    await queue.drain();
    const seconds = (performance.now() - t0) / 1000;
    await queue.stop();
    expect(server.received.size).toBe(100);
    expect(server.duplicates().extra).toBe(0);
    expect(server.http429).toBe(0);
    expect(seconds).toBeGreaterThan(0.35); // 100 messages at 200/s cannot take less than ~0.45 s
    expect(queue.get("b1")).toMatchObject({ status: "done", sent: 100, failed: 0, total: 100 });
  });

  it("honours 429 retry_after: every chat still gets one copy, later", async () => {
    const { queue, server } = await setup(9202, { rate: 1000, force429Every: 15, retryAfter: 1 }, { rate: 1000 });
    await queue.create({ id: "b2", kind: "announce", eventId: "e", messages: msg }, chats(40));
    const t0 = performance.now();
    queue.start();
    await queue.drain();
    await queue.stop();
    expect(server.http429).toBeGreaterThanOrEqual(2);
    expect(performance.now() - t0).toBeGreaterThan(1900); // at least two pauses of one second
    expect(server.received.size).toBe(40);
    expect(server.duplicates().extra).toBe(0);
    expect(queue.get("b2")!.http429).toBe(server.http429);
  });

  it("marks 403 as blocked without retrying, retries 500 with back-off, gives up after the attempts", async () => {
    const { queue, server, blocked } = await setup(
      9203,
      { rate: 1000, blocked: new Set([3]), flaky: new Map([[5, 2], [7, 99]]) },
      { rate: 1000 },
    );
    await queue.create({ id: "b3", kind: "announce", eventId: "e", messages: msg }, chats(10));
    queue.start();
    await queue.drain();
    await queue.stop();
    expect(blocked).toEqual([3]);
    expect(server.http403).toBe(1);
    expect(server.received.get(5)).toBe(1); // two 500s, then delivered
    expect(server.received.has(7)).toBe(false);
    expect(queue.get("b3")).toMatchObject({ sent: 8, blocked: 1, failed: 1 });
    expect(server.http500).toBe(2 + 3); // chat 7: three attempts
  });

  it("never sends to one chat more than once a second across broadcasts", async () => {
    const { queue, server } = await setup(9204, { rate: 1000, perChatMs: 1000 }, { rate: 1000 });
    for (const id of ["p1", "p2", "p3"]) await queue.create({ id, kind: "announce", eventId: "e", messages: msg }, chats(2));
    const t0 = performance.now();
    queue.start();
    await queue.drain();
    await queue.stop();
    expect(server.http429).toBe(0);
    expect(server.received.get(1)).toBe(3);
    expect(performance.now() - t0).toBeGreaterThan(1900);
  });

  it("edits one progress message for the admin and logs every batch", async () => {
    const { queue, server, log } = await setup(9205, { rate: 1000 }, { rate: 1000 });
    await queue.create({ id: "b5", kind: "announce", eventId: "e", messages: msg, notify: { chatId: 999, messageId: 42, lang: "id" } }, chats(60, 10));
    queue.start();
    await queue.drain();
    await queue.stop();
    const edits = server.edits.filter((e) => e.chatId === 999);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(new Set(edits.map((e) => e.messageId))).toEqual(new Set([42]));
    expect(edits.at(-1)!.text).toContain("selesai: 60 terkirim, 0 gagal");
    const batches = log.json().filter((l) => l.msg === "broadcast batch");
    expect(batches.length).toBeGreaterThanOrEqual(2);
    expect(batches[0]).toMatchObject({ broadcast: "b5", total: 60 });
    expect(log.json().some((l) => l.msg === "broadcast finished" && l.sent === 60 && l.left === 0)).toBe(true);
  });

  it("creating the same broadcast twice sends once", async () => {
    const { queue, server } = await setup(9206, { rate: 1000 }, { rate: 1000 });
    expect((await queue.create({ id: "same", kind: "announce", eventId: "e", messages: msg }, chats(5))).created).toBe(true);
    expect((await queue.create({ id: "same", kind: "announce", eventId: "e", messages: msg }, chats(9))).created).toBe(false);
    queue.start();
    await queue.drain();
    await queue.stop();
    expect(server.accepted).toBe(5);
  });

  it("a stop during a long retry_after returns at once; the next start delivers the rest, once each", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sinergi-queue-"));
    const first = await setup(9207, { rate: 1000, force429Every: 10, retryAfter: 30 }, { rate: 1000, dir });
    await first.queue.create({ id: "long", kind: "announce", eventId: "e", messages: msg }, chats(30));
    first.queue.start();
    while (first.server.http429 === 0) await new Promise((r) => setTimeout(r, 5));
    const t0 = performance.now();
    await first.queue.stop();
    expect(performance.now() - t0).toBeLessThan(1500);
    expect(first.queue.get("long")!.status).toBe("pending");
    first.server.opts.force429Every = 0;
    const second = await setup(9207, {} as FakeTelegramOptions, { rate: 1000, dir }, first.server);
    second.queue.start();
    await second.queue.drain();
    await second.queue.stop();
    expect(first.server.received.size).toBe(30);
    expect(first.server.duplicates().extra).toBe(0);
  });
});
