import type { Update } from "grammy/types";
import { afterEach, describe, expect, it } from "vitest";
import { eventsPageData } from "../../src/bot/features/events.js";
import { broadcastMessage, eventCard, EVENTS_PER_PAGE } from "../../src/events/render.js";
import { localInstant } from "../../src/events/schedule.js";
import type { KEvent } from "../../src/knowledge/schema.js";
import { makeBot, type TestBot } from "../helpers/index.js";
import { dataDirWith, expo, openHub, seed } from "../helpers/events.js";

let running: TestBot | undefined;
afterEach(async () => {
  await running?.stop();
  running = undefined;
});

let updateId = 1;
const from = { id: 1, is_bot: false, first_name: "U", language_code: "id" };
const chat = { id: 1, type: "private" as const, first_name: "U" };
const command = (t: string): Update => ({ update_id: updateId++, message: { message_id: updateId, date: 0, chat, from, text: t, entities: [{ type: "bot_command", offset: 0, length: t.length }] } });
const press = (data: string): Update => ({ update_id: updateId++, callback_query: { id: String(updateId), chat_instance: "x", from, message: { message_id: 1, date: 0, chat, text: "" }, data } });

type Button = { text: string; callback_data?: string };
const buttons = (payload: Record<string, unknown> | undefined): Button[] => ((payload?.reply_markup as { inline_keyboard?: unknown[][] })?.inline_keyboard ?? []).flat() as Button[];

/** 30 upcoming events (long titles and cities, the longest the schema allows) and 20 past ones, in no order. */
function manyEvents(): KEvent[] {
  const out: KEvent[] = [];
  for (let i = 0; i < 50; i++) {
    const upcoming = i % 5 !== 0 && out.filter((e) => e.date >= "2027").length < 30;
    const day = String(1 + ((i * 7) % 28)).padStart(2, "0");
    out.push(
      expo({
        id: `acara-${i}`,
        title: `Acara nomor ${String(i).padStart(2, "0")} ${"panjang ".repeat(24)}`.slice(0, 200),
        city: `Kota ${i} ${"k".repeat(100)}`.slice(0, 100),
        date: upcoming ? `2027-0${4 + (i % 5)}-${day}` : `2025-0${1 + (i % 9)}-${day}`,
      }),
    );
  }
  return out;
}

describe("/acara page by page", () => {
  it("lists every event once, upcoming soonest first then past latest first, each page within one message", async () => {
    const events = manyEvents();
    const dataDir = dataDirWith(events);
    running = await makeBot({ dataDir, now: new Date("2027-03-01T00:00:00Z"), events: true });
    const { bot, api } = running;

    await bot.handleUpdate(command("/acara"));
    let page = api.last("sendMessage")!;
    const all = [...seed().events, ...events];
    const pages = Math.ceil(all.length / EVENTS_PER_PAGE);
    const seen: string[] = [];
    for (let p = 1; ; p++) {
      const text = String(page.text);
      expect(text.length).toBeLessThanOrEqual(4096);
      if (pages > 1) expect(text).toContain(`Halaman ${p} dari ${pages}`);
      const opened = buttons(page).filter((b) => b.callback_data?.startsWith("ev:o:"));
      expect(opened.length).toBeLessThanOrEqual(EVENTS_PER_PAGE);
      seen.push(...opened.map((b) => b.callback_data!.slice("ev:o:".length)));
      // Numbered through all pages.
      expect(opened[0]!.text.startsWith(`${(p - 1) * EVENTS_PER_PAGE + 1}.`)).toBe(true);
      const next = buttons(page).find((b) => b.text === "Berikutnya ▶");
      if (p > 1) expect(buttons(page).some((b) => b.text === "◀ Sebelumnya")).toBe(true);
      if (!next) break;
      await bot.handleUpdate(press(next.callback_data!));
      page = api.last("editMessageText")!;
    }
    expect(seen).toHaveLength(all.length);
    expect(new Set(seen).size).toBe(all.length);
    const start = (id: string) => {
      const e = all.find((x) => x.id === id)!;
      return localInstant(e.date, e.time ?? "08:00", e.timezone).getTime();
    };
    const now = Date.parse("2027-03-01T00:00:00Z");
    const upcoming = seen.filter((id) => start(id) > now);
    expect(seen.slice(0, upcoming.length)).toEqual(upcoming);
    expect(upcoming.map(start)).toEqual([...upcoming.map(start)].sort((a, b) => a - b));
    const past = seen.slice(upcoming.length).map(start);
    expect(past).toEqual([...past].sort((a, b) => b - a));

    // A page number past the end (an old or forged button) shows the last page.
    await bot.handleUpdate(press(eventsPageData.pack({ p: 999 })));
    expect(String(api.last("editMessageText")!.text)).toContain(`Halaman ${pages} dari ${pages}`);
  });
});

describe("an event card", () => {
  it("fits one message with its announcement head and footer, however many participants and agenda items", () => {
    const kb = seed();
    const official = kb.officials[0]!;
    const officials = Array.from({ length: 500 }, (_, i) => ({ ...official, id: `pejabat-${i}`, name: `Pejabat dengan nama yang panjang sekali nomor ${i}` }));
    const big = expo({ participants: officials.map((o) => o.id), agenda: Array.from({ length: 100 }, (_, i) => `Butir agenda ${i} ${"x".repeat(480)}`) });
    const full = { ...kb, officials: [...kb.officials, ...officials], events: [...kb.events, big] };
    const card = eventCard(big, full, "id");
    expect(card).toContain("dan 488 orang lainnya");
    expect(card).toContain("butir agenda lainnya");
    for (const lang of ["id", "en"] as const) {
      for (const kind of ["added", "changed", "manual", "reminder"] as const) expect(broadcastMessage(kind, big, full, lang, new Date("2027-03-09T01:00:00Z")).text.length).toBeLessThanOrEqual(4096);
    }
  });
});

describe("reminders from the timeline", () => {
  it("creates the due reminders of events near now among many, and none for the others", async () => {
    const events = manyEvents();
    const near = expo({ id: "dekat", date: "2027-03-02", time: "10:00" });
    const dir = dataDirWith([...events, near]);
    const clock = { now: new Date("2027-03-01T02:00:00Z") }; // 10:00 WITA the day before "dekat"
    const { hub } = await openHub(dir, clock);
    await hub.openQueue({ send: async () => ({ ok: true }), edit: async () => ({ ok: true }) });
    await hub.tick();
    const reminders = hub.queue!.list().filter((b) => b.kind === "reminder");
    expect(reminders.map((b) => b.eventId)).toEqual(["dekat"]);
    // A save that moves an event near now is seen at the next tick.
    const moved = { ...hub.event("acara-1")!, date: "2027-03-02", time: "09:00" };
    await hub.opts.knowledge.commit([{ collection: "events", id: moved.id, before: hub.event("acara-1") as never, after: moved as never }]);
    clock.now = new Date("2027-03-01T03:00:00Z");
    await hub.tick();
    expect(hub.queue!.list().filter((b) => b.kind === "reminder").map((b) => b.eventId).sort()).toEqual(["acara-1", "dekat"]);
    await hub.stop();
  });
});
