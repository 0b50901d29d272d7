import { afterEach, describe, expect, it } from "vitest";
import { dataDirWith, expo } from "../helpers/events.js";
import { buttonsOf as buttons, callbackQuery, command, makeBot, myChatMember, privateText, user, type TestBot } from "../helpers/index.js";

let current: TestBot | undefined;
afterEach(async () => {
  await current?.stop();
  current = undefined;
});

const from = (id: number) => user(id, "id", `U${id}`);
const text = (chat: number, t: string) => (t.startsWith("/") ? command(t, { from: from(chat) }) : privateText(t, { from: from(chat) }));
const press = (chat: number, data: string, messageId = 1) => callbackQuery(data, { from: from(chat), messageId });
const member = (chat: number, status: "kicked" | "member") => myChatMember(status, { from: from(chat) });

async function setup(now = "2027-03-01T00:00:00Z") {
  const clock = { now: new Date(now) };
  current = await makeBot({ dataDir: dataDirWith([expo()]), env: { ADMIN_IDS: "500" }, now: () => clock.now, events: true });
  const { bot, api, deps } = current;
  return { bot, api, deps, clock };
}

describe("/acara", () => {
  it("lists upcoming and past events and opens a card in the event's local time", async () => {
    const { bot, api } = await setup();
    await bot.handleUpdate(text(1, "/acara"));
    const list = api.last("sendMessage")!;
    expect(String(list.text)).toMatch(/Acara mendatang:\n1\. Pameran Produk Unggulan Kaltim 2027 — 10 Maret 2027, Balikpapan/);
    expect(String(list.text)).toContain("Acara terakhir:");
    const open = buttons(list)[0]!;
    expect(open.callback_data).toBe("ev:o:expo-kaltim-2027");
    await bot.handleUpdate(press(1, open.callback_data!));
    const card = api.last("editMessageText")!;
    expect(String(card.text)).toContain("Rabu, 10 Maret 2027");
    expect(String(card.text)).toContain("09.00 WITA");
    expect(String(card.text)).toContain("Swiss-Belhotel Balikpapan");
    expect(String(card.text)).toContain("Khofifah Indar Parawansa (Gubernur Jatim)");
    expect(buttons(card).map((b) => b.text)).toEqual(["📅 Tambah ke kalender", "📍 Lokasi", "🔔 Ingatkan saya", "« Daftar acara"]);
  });

  it("sends a calendar file with the start in UTC, and the venue", async () => {
    const { bot, api } = await setup();
    await bot.handleUpdate(press(1, "ev:ics:expo-kaltim-2027"));
    const doc = api.last("sendDocument")!.document as { filename: string; content: string };
    expect(doc.filename).toBe("expo-kaltim-2027.ics");
    expect(doc.content).toContain("DTSTART:20270310T010000Z");
    expect(doc.content).toContain("BEGIN:VEVENT");
    await bot.handleUpdate(press(1, "ev:loc:expo-kaltim-2027"));
    expect(api.last("sendVenue")).toMatchObject({ latitude: -1.2675, longitude: 116.8289, title: "Swiss-Belhotel Balikpapan" });
  });

  it("a forged or outdated event button is refused with a message and changes nothing", async () => {
    const { bot, api, deps } = await setup();
    for (const data of ["ev:zz:expo-kaltim-2027", "ev:rem:expo-kaltim-2027:x", "ev:rem:tidak-ada"]) {
      await bot.handleUpdate(press(7, data));
      expect(api.last("answerCallbackQuery")).toMatchObject({ text: "Acara itu sudah tidak ada di data Sinergi." });
    }
    expect(api.sent("sendMessage")).toHaveLength(0);
    expect(deps.events.subscriptions.get(7)).toBeUndefined();
  });

  it("“Ingatkan saya” subscribes the chat to the event and says when, in local time", async () => {
    const { bot, api, deps } = await setup();
    await bot.handleUpdate(press(5, "ev:rem:expo-kaltim-2027"));
    expect(deps.events.subscriptions.get(5)?.events).toEqual(["expo-kaltim-2027"]);
    const reply = String(api.last("sendMessage")!.text);
    expect(reply).toContain("Selasa, 9 Maret 2027 09.00 WITA");
    expect(reply).toContain("Rabu, 10 Maret 2027 07.00 WITA");
  });
});

describe("subscriptions", () => {
  it("natural requests open the menu or stop everything", async () => {
    const { bot, api, deps } = await setup();
    await bot.handleUpdate(text(2, "saya mau dapat info acara"));
    expect(buttons(api.last("sendMessage")).some((b) => b.callback_data?.startsWith("subs/"))).toBe(true);
    deps.events.subscriptions.update(2, (s) => (s.all = true));
    await bot.handleUpdate(text(2, "stop kirim pengumuman"));
    expect(deps.events.subscriptions.get(2)).toBeUndefined();
    expect(String(api.last("sendMessage")!.text)).toContain("tidak akan menerima pengumuman");
    await bot.handleUpdate(text(2, "kapan acara berikutnya?")); // still a question for the answerer
    expect(String(api.last("sendMessage")!.text)).toContain("Pameran Produk Unggulan Kaltim 2027");
  });

  it("a blocked bot makes the subscriber inactive; coming back makes it active", async () => {
    const { bot, deps } = await setup();
    deps.events.subscriptions.update(3, (s) => (s.all = true));
    await bot.handleUpdate(member(3, "kicked"));
    expect(deps.events.subscriptions.get(3)?.active).toBe(false);
    await bot.handleUpdate(member(3, "member"));
    expect(deps.events.subscriptions.get(3)?.active).toBe(true);
  });

  it("a subscriber who blocked the bot and then asks a question is active again", async () => {
    const { bot, api, deps } = await setup();
    deps.events.subscriptions.update(6, (s) => (s.all = true));
    await bot.handleUpdate(member(6, "kicked"));
    expect(deps.events.subscriptions.get(6)?.active).toBe(false);
    await bot.handleUpdate(text(6, "kapan acara berikutnya?"));
    expect(deps.events.subscriptions.get(6)?.active).toBe(true);
    expect(String(api.last("sendMessage")!.text)).toContain("Pameran Produk Unggulan Kaltim 2027");
  });

  it("/langgananku and /berhenti", async () => {
    const { bot, api, deps } = await setup();
    deps.events.subscriptions.update(4, (s) => s.provinces.push("64"));
    await bot.handleUpdate(text(4, "/langgananku"));
    expect(String(api.last("sendMessage")!.text)).toContain("acara di provinsi: Kaltim");
    await bot.handleUpdate(text(4, "/berhenti"));
    await bot.handleUpdate(text(4, "/langgananku"));
    expect(String(api.last("sendMessage")!.text)).toContain("belum berlangganan");
  });
});

describe("announcements", () => {
  it("a new or changed event reaches matching subscribers once; an unchanged save sends nothing", async () => {
    const { api, deps } = await setup();
    deps.events.subscriptions.update(10, (s) => (s.all = true));
    deps.events.subscriptions.update(11, (s) => s.kinds.push("forum-investasi"));
    deps.events.subscriptions.update(12, (s) => s.kinds.push("pameran"));
    const kb = deps.knowledge.get();
    const forum = expo({ id: "forum-ikn-2027", title: "Forum Investasi IKN", kind: "forum-investasi", date: "2027-04-02", time: "13:00" });
    await deps.knowledge.save({ ...kb, events: [...kb.events, forum] });
    await new Promise((r) => setTimeout(r, 20));
    await deps.events.queue!.drain();
    const to = (chat: number) => api.sent("sendMessage").filter((m) => m.chat_id === chat).map((m) => String(m.text));
    expect(to(10)).toHaveLength(1);
    expect(to(10)[0]).toContain("📢 Acara baru");
    expect(to(11)).toHaveLength(1);
    expect(to(12)).toHaveLength(0);
    await deps.knowledge.save(deps.knowledge.get());
    await deps.knowledge.save({ ...deps.knowledge.get(), events: deps.knowledge.get().events.map((e) => (e.id === forum.id ? { ...e, time: "14:00" } : e)) });
    await new Promise((r) => setTimeout(r, 20));
    await deps.events.queue!.drain();
    expect(to(10)).toHaveLength(2);
    expect(to(10)[1]).toContain("📢 Perubahan acara");
    expect(to(10)[1]).toContain("14.00 WITA");
  });

  it("/umumkan: admins only; progress shown in one edited message", async () => {
    const { bot, api, deps } = await setup();
    for (let c = 20; c < 25; c++) deps.events.subscriptions.update(c, (s) => (s.all = true));
    await bot.handleUpdate(text(600, "/umumkan expo-kaltim-2027"));
    expect(String(api.last("sendMessage")!.text)).toContain("hanya untuk admin");
    await bot.handleUpdate(text(500, "/umumkan expo-kaltim-2027"));
    const progress = api.sent("sendMessage").find((m) => m.chat_id === 500)!;
    await deps.events.queue!.drain();
    await new Promise((r) => setTimeout(r, 50));
    const edits = api.sent("editMessageText").filter((e) => e.chat_id === 500);
    expect(edits.length).toBeGreaterThanOrEqual(1);
    expect(String(edits.at(-1)!.text)).toContain("selesai: 5 terkirim, 0 gagal");
    expect(api.sent("sendMessage").filter((m) => Number(m.chat_id) >= 20 && Number(m.chat_id) < 25)).toHaveLength(5);
    expect(progress.text).toBe("Menyiapkan pengumuman…");
  });
});
