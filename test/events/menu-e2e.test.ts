/**
 * End to end through telegram-test-api on 127.0.0.1:9220: the subscription
 * menu (@grammyjs/menu) as a user sees it, then an announcement and a
 * reminder arriving through the same emulator.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botMessages, pollEmulator, startEmulator, storedButtons as keyboard, type StoredBotUpdate, type TelegramServer } from "../helpers/emulator.js";
import { dataDirWith, expo } from "../helpers/events.js";
import { sleep, waitFor, type TestBot } from "../helpers/index.js";

const PORT = 9220;
const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZevents";
const USER = 7001;

let server: TelegramServer;
let t: TestBot;
const clock = { now: new Date("2027-03-01T00:00:00Z") };

const messages = (): StoredBotUpdate[] => botMessages(server, USER);
const button = (m: StoredBotUpdate, text: string) => keyboard(m).find((b) => b.text.includes(text));

beforeAll(async () => {
  server = await startEmulator(PORT);
  t = await pollEmulator(PORT, TOKEN, { dataDir: dataDirWith([expo()]), now: () => clock.now, events: true });
}, 30_000);

afterAll(async () => {
  await t?.bot.stop();
  await t?.stop();
  await server?.stop();
});

describe("subscription menu through telegram-test-api", () => {
  it("choose a province, see the choice, then receive an announcement and a reminder", async () => {
    const client = server.getClient(TOKEN, { userId: USER, chatId: USER, firstName: "Sari", type: "private" });
    await client.sendCommand(client.makeCommand("/langganan"));
    const menu = await waitFor("the menu", () => messages()[0]);
    expect(keyboard(menu).map((b) => b.text)).toEqual(["▫️ Semua acara", "Pilih provinsi (0)", "Pilih jenis acara (0)", "Selesai"]);

    const press = async (label: string) => {
      const b = button(messages()[0]!, label);
      if (!b?.callback_data) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard(messages()[0]!).map((x) => x.text))}`);
      const before = JSON.stringify(messages()[0]!.message);
      await client.sendCallback(client.makeCallbackQuery(b.callback_data, { message: { message_id: menu.messageId } }));
      await waitFor(`the menu to change after "${label}"`, () => JSON.stringify(messages()[0]!.message) !== before);
    };

    await press("Pilih provinsi");
    expect(keyboard(messages()[0]!)).toHaveLength(39);
    await press("▫️ Kaltim");
    expect(button(messages()[0]!, "✅ Kaltim")).toBeDefined();
    expect(t.deps.events.subscriptions.get(USER)?.provinces).toEqual(["64"]);
    await press("Kembali");
    expect(button(messages()[0]!, "Pilih provinsi (1)")).toBeDefined();
    await press("Pilih jenis acara");
    await press("▫️ pameran");
    await press("Kembali");
    await press("Selesai");
    expect(messages()[0]!.message.text).toContain("acara di provinsi: Kaltim");
    expect(messages()[0]!.message.text).toContain("jenis acara: pameran");

    await client.sendCommand(client.makeCommand("/langgananku"));
    const mine = await waitFor("/langgananku", () => messages()[1]);
    expect(mine.message.text).toContain("Kaltim");

    // An admin adds a pameran in Kaltim: the subscriber is told once.
    const kb = t.deps.knowledge.get();
    const fair = expo({ id: "pameran-umkm-2027", title: "Pameran UMKM Balikpapan", date: "2027-03-20", time: "10:00" });
    await t.deps.knowledge.save({ ...kb, events: [...kb.events, fair] });
    const announcement = await waitFor("the announcement", () => messages()[2]);
    expect(announcement.message.text).toContain("📢 Acara baru");
    expect(announcement.message.text).toContain("10.00 WITA");
    expect(keyboard(announcement).map((b) => b.text)).toContain("🔔 Ingatkan saya");

    // The day before at 10:00 WITA (02:00 UTC) the reminder goes out.
    clock.now = new Date("2027-03-19T02:00:00Z");
    await t.deps.events.tick();
    const reminder = await waitFor("the reminder", () => messages().find((m) => m.message.text?.includes("⏰ Pengingat") && m.message.text.includes("Pameran UMKM")));
    expect(reminder.message.text).toContain("Sabtu, 20 Maret 2027");
    await sleep(300);
    expect(messages().filter((m) => m.message.text?.includes("Pameran UMKM Balikpapan"))).toHaveLength(2);
  }, 30_000);
});
