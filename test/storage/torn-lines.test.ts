import { appendFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { AuditLog } from "../../src/admin/audit.js";
import { BroadcastQueue, type Sender } from "../../src/events/queue.js";
import { SubscriptionStore } from "../../src/events/subscriptions.js";
import { tempDir } from "../helpers/index.js";

/** Every non-empty line of a file parses as JSON. */
const allJson = (file: string) => readFileSync(file, "utf8").split("\n").filter(Boolean).every((l) => {
  try {
    JSON.parse(l);
    return true;
  } catch {
    return false;
  }
});

describe("a line torn by a crash in an append-only file", () => {
  it("audit.jsonl: dropped when the trail is opened, so the file stays valid and the next line starts clean", () => {
    const dir = tempDir();
    const file = join(dir, "audit.jsonl");
    writeFileSync(file, `${JSON.stringify({ seq: 1, at: "x", by: { id: 1, name: "a" }, action: "edit", label: "l", changes: [] })}\n{"seq":2,"at":"x","by":{"id`);
    const log = new AuditLog(file);
    expect(log.all()).toHaveLength(1);
    expect(allJson(file)).toBe(true);
    log.confirm({ ...log.all()[0]!, seq: 2 });
    expect(allJson(file)).toBe(true);
    expect(new AuditLog(file).all().map((e) => e.seq)).toEqual([1, 2]);
  });

  it("subscribers.jsonl: the log is rewritten without it when opened", async () => {
    const dir = tempDir();
    const file = join(dir, "subscribers.jsonl");
    writeFileSync(file, `${JSON.stringify({ c: 1, a: 1 })}\n{"c":2,"a`);
    const store = await SubscriptionStore.open(file);
    expect(store.get(1)?.all).toBe(true);
    store.update(3, (s) => (s.all = true));
    store.close();
    expect(allJson(file)).toBe(true);
    const again = await SubscriptionStore.open(file);
    expect([again.get(1)?.all, again.get(2), again.get(3)?.all]).toEqual([true, undefined, true]);
    again.close();
  });

  it("a broadcast journal: rewritten with its whole lines before the broadcast resumes", async () => {
    const dir = tempDir();
    const sent: number[] = [];
    const sender: Sender = { send: async (c) => (sent.push(c), { ok: true }), edit: async () => ({ ok: true }) };
    const open = () => BroadcastQueue.open({ dir, rate: 1000, concurrency: 1, sender, logger: pino({ level: "silent" }) });
    const q1 = await open();
    await q1.create({ id: "b", kind: "announce", eventId: "e", messages: { id: { text: "x" }, en: { text: "x" } } }, [1, 2, 3].map((chatId) => ({ chatId, lang: "id" as const })));
    // A crash after chat 1, in the middle of chat 2's line.
    mkdirSync(dir, { recursive: true });
    appendFileSync(join(dir, "b.journal"), "1 s\n2");
    const q2 = await open();
    q2.start();
    await q2.drain(5);
    await q2.stop();
    expect(sent.sort()).toEqual([2, 3]);
    const lines = readFileSync(join(dir, "b.journal"), "utf8").split("\n").filter(Boolean);
    // Never "22 s" (chat 22 taken as done) from a line glued to the torn "2".
    expect(lines.sort()).toEqual(["1 s", "2 s", "3 s"]);
  });
});
