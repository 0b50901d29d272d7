import { existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pino from "pino";
import { describe, expect, it } from "vitest";
import { BroadcastQueue, type Sender } from "../../src/events/queue.js";
import { dataDirWith, expo, openHub } from "../helpers/events.js";

/** A transport that accepts every message and remembers who got it. */
function recordingSender(): Sender & { got: number[] } {
  const got: number[] = [];
  return {
    got,
    send: async (chatId) => (got.push(chatId), { ok: true }),
    edit: async () => ({ ok: true }),
  };
}

const msg = { id: { text: "Halo" }, en: { text: "Hello" } };

describe("file names of the delivery queue", () => {
  it("are safe and short for any broadcast id, and distinct ids never share a file", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sinergi-qfiles-"));
    const sender = recordingSender();
    const queue = await BroadcastQueue.open({ dir, rate: 1000, concurrency: 2, sender, logger: pino({ level: "silent" }) });
    const ids = [`ann:${"e".repeat(300)}:abc123`, "../../etc/passwd", "a:b", "a_b", "ann:é ü/\\x:1", ".hidden", "A:B"];
    for (const [i, id] of ids.entries()) {
      const r = await queue.create({ id, kind: "announce", eventId: "e", messages: msg }, [{ chatId: i + 1, lang: "id" }]);
      expect(r.created).toBe(true);
    }
    queue.start();
    await queue.drain(5);
    await queue.stop();
    expect(sender.got.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7]);
    const files = readdirSync(dir);
    // Every file stays in the queue's folder, is short, and no two broadcasts share one.
    expect(files.filter((f) => f.endsWith(".targets"))).toHaveLength(ids.length);
    expect(files.filter((f) => f.endsWith(".journal"))).toHaveLength(ids.length);
    for (const f of files) {
      expect(Buffer.byteLength(f)).toBeLessThanOrEqual(100);
      expect(f).toMatch(/^[A-Za-z0-9][A-Za-z0-9._~-]*$/);
    }
    for (const id of ids) expect(queue.get(id)).toMatchObject({ status: "done", sent: 1 });
  });

  it("keeps the names of existing broadcasts (a queue left by the previous version resumes)", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sinergi-qfiles-"));
    const queue = await BroadcastQueue.open({ dir, rate: 1000, concurrency: 2, sender: recordingSender(), logger: pino({ level: "silent" }) });
    await queue.create({ id: "ann:misi-dagang-2025:0a1b2c3d4e5f", kind: "announce", eventId: "e", messages: msg }, [{ chatId: 1, lang: "id" }]);
    expect(readdirSync(dir)).toContain("ann_misi-dagang-2025_0a1b2c3d4e5f.targets");
  });
});

describe("the reminder clock", () => {
  it("tick() never rejects: a failing event is logged and the others still get their reminders", async () => {
    const soon = expo({ id: "besok", date: "2027-03-10", time: "09:00" });
    const other = expo({ id: "lusa", date: "2027-03-10", time: "10:00" });
    const dir = dataDirWith([soon, other]);
    const clock = { now: new Date("2027-03-09T02:00:00Z") }; // past "-1d" of both
    const { hub, log } = await openHub(dir, clock);
    const queue = await hub.openQueue(recordingSender());
    const create = queue.create.bind(queue);
    queue.create = async (b, targets, now) => {
      if (b.eventId === "besok") throw Object.assign(new Error("ENAMETOOLONG: name too long, open"), { code: "ENAMETOOLONG" });
      return create(b, targets, now);
    };
    await expect(hub.tick()).resolves.toBeTypeOf("number");
    expect(queue.list().filter((b) => b.kind === "reminder").map((b) => b.eventId)).toContain("lusa");
    expect(log.json().some((l) => l.level === 50 && l.event === "besok")).toBe(true);
  });

  it("readInbox() never rejects when the inbox was deleted under it; the inbox is made again", async () => {
    const dir = dataDirWith([]);
    const { hub, log } = await openHub(dir, { now: new Date("2027-03-09T02:00:00Z") });
    await hub.openQueue(recordingSender());
    rmSync(join(dir, "events", "inbox"), { recursive: true });
    await expect(hub.readInbox()).resolves.toBeUndefined();
    expect(existsSync(join(dir, "events", "inbox"))).toBe(true);
    expect(log.json().some((l) => l.msg === "announcement inbox unreadable; making it again")).toBe(true);
  });
});
