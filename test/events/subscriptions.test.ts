import { appendFileSync, mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { SubscriptionStore, wants } from "../../src/events/subscriptions.js";
import { expo } from "../helpers/events.js";

const file = () => join(mkdtempSync(join(tmpdir(), "sinergi-subs-")), "events", "subscribers.jsonl");

describe("subscription store (append-only log)", () => {
  it("keeps changes across a reopen, one short line per change", async () => {
    const f = file();
    const a = await SubscriptionStore.open(f);
    a.update(1, (s) => (s.all = true));
    a.update(2, (s) => s.provinces.push("64"), "en");
    a.update(3, (s) => s.kinds.push("pameran"));
    a.setActive(1, false);
    a.remove(3);
    a.close();
    expect(readFileSync(f, "utf8").trim().split("\n")).toHaveLength(5);
    const b = await SubscriptionStore.open(f);
    expect(b.size).toBe(2);
    expect(b.get(1)).toMatchObject({ all: true, active: false });
    expect(b.get(2)).toMatchObject({ provinces: ["64"], lang: "en", active: true });
    expect(b.get(3)).toBeUndefined();
  });

  it("ignores a line torn by a crash", async () => {
    const f = file();
    const a = await SubscriptionStore.open(f);
    a.update(1, (s) => (s.all = true));
    a.close();
    appendFileSync(f, '{"c":1,"k":["pam');
    const b = await SubscriptionStore.open(f);
    expect(b.get(1)).toMatchObject({ all: true, kinds: [] });
  });

  it("compacts when the log grows past twice the live records", async () => {
    const f = file();
    const a = await SubscriptionStore.open(f);
    for (let i = 0; i < 1200; i++) a.update(7, (s) => (s.all = i % 2 === 0));
    expect(readFileSync(f, "utf8").trim().split("\n").length).toBeLessThan(1100);
    a.close();
    const b = await SubscriptionStore.open(f);
    expect(b.get(7)).toBeUndefined(); // the last change (i = 1199) turned "all" off: nothing left
  });

  it("matches by all, single event, province, kind, and both together; skips inactive chats", async () => {
    const e = expo(); // pameran in Kaltim (64), with Jatim (35) taking part
    const base = { chatId: 1, all: false, provinces: [], kinds: [], events: [], active: true, lang: "id" as const };
    expect(wants({ ...base, all: true }, e)).toBe(true);
    expect(wants({ ...base, events: [e.id] }, e)).toBe(true);
    expect(wants({ ...base, provinces: ["35"] }, e)).toBe(true);
    expect(wants({ ...base, provinces: ["11"] }, e)).toBe(false);
    expect(wants({ ...base, kinds: ["pameran"] }, e)).toBe(true);
    expect(wants({ ...base, kinds: ["pameran"], provinces: ["11"] }, e)).toBe(false);
    const s = await SubscriptionStore.open(file());
    s.addMany([{ ...base, chatId: 1, all: true }, { ...base, chatId: 2, all: true, active: false }, { ...base, chatId: 3, kinds: ["misi-dagang"] }]);
    expect([...s.matching(e)].map((m) => m.chatId)).toEqual([1]);
  });
});
