/**
 * The admin flows end to end through telegram-test-api on 127.0.0.1:9301
 * (long polling, real HTTP): /ubahnilai with its Simpan button, a guided edit,
 * and a non-admin's refusal. The emulator answers setMyCommands with HTTP 500:
 * the admin menu registration must log and carry on.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { botMessages, pollEmulator, startEmulator, storedButtons as keyboard, type StoredBotUpdate, type TelegramServer } from "../helpers/emulator.js";
import { OWNER, USER, waitFor, type TestBot } from "../helpers/index.js";

const PORT = 9301;
const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZadmin";

let server: TelegramServer;
let t: TestBot;

const messages = (chat: number): StoredBotUpdate[] => botMessages(server, chat);

beforeAll(async () => {
  server = await startEmulator(PORT);
  // setMyCommands answers HTTP 500 there: logged, not fatal.
  t = await pollEmulator(PORT, TOKEN, { env: { ADMIN_IDS: `${OWNER}` } }, ({ bot, deps, menus }) => menus.showAdmins(bot.api, deps.admin.admins.list()));
}, 30_000);

afterAll(async () => {
  await t?.bot.stop();
  await t?.stop();
  await server?.stop();
});

describe("admin flows through telegram-test-api", () => {
  it("/ubahnilai → Simpan → the next question gets the new amount; a non-admin is refused", async () => {
    const admin = server.getClient(TOKEN, { userId: OWNER, chatId: OWNER, firstName: "Owner", type: "private" });
    const user = server.getClient(TOKEN, { userId: USER, chatId: USER, firstName: "Warga", type: "private" });
    let seen = 0;
    const next = async (chat: number, what: string) => {
      const m = await waitFor(what, () => messages(chat)[seen]);
      seen++;
      return m;
    };
    const press = async (m: StoredBotUpdate, label: string) => {
      const b = keyboard(m).find((x) => x.text.includes(label));
      if (!b?.callback_data) throw new Error(`no button "${label}" in ${JSON.stringify(keyboard(m).map((x) => x.text))}`);
      await admin.sendCallback(admin.makeCallbackQuery(b.callback_data, { message: { message_id: m.messageId } }));
    };

    await admin.sendCommand(admin.makeCommand("/ubahnilai Jatim Kaltim 2024 Rp120 miliar"));
    const summary = await next(OWNER, "the summary");
    expect(summary.message.text).toContain("Rp120 miliar");
    await press(summary, "Simpan");
    expect((await next(OWNER, "saved")).message.text).toContain("Tersimpan");
    await admin.sendMessage(admin.makeMessage("berapa nilai kerja sama jatim kaltim 2024?"));
    expect((await next(OWNER, "the answer")).message.text).toContain("Rp120 miliar");

    // A guided edit: a new acronym.
    await admin.sendCommand(admin.makeCommand("/admin"));
    await press(await next(OWNER, "the menu"), "Singkatan");
    await press(await next(OWNER, "the list"), "Tambah baru");
    await next(OWNER, "question 1");
    await admin.sendMessage(admin.makeMessage("KADIN"));
    await next(OWNER, "question 2");
    await admin.sendMessage(admin.makeMessage("Kamar Dagang dan Industri"));
    await press(await next(OWNER, "the source question"), "Perkuat");
    const s2 = await next(OWNER, "the second summary");
    expect(s2.message.text).toContain("Tambah Singkatan: KADIN");
    await press(s2, "Simpan");
    expect((await next(OWNER, "saved")).message.text).toContain("Tersimpan");
    await admin.sendMessage(admin.makeMessage("apa itu KADIN?"));
    expect((await next(OWNER, "the answer")).message.text).toContain("Kamar Dagang dan Industri");

    await user.sendCommand(user.makeCommand("/ubahnilai Jatim Kaltim 2024 Rp1 miliar"));
    const refusal = await waitFor("the refusal", () => messages(USER)[0]);
    expect(refusal.message.text).toContain("khusus untuk admin");
    expect(t.deps.admin.audit.all()).toHaveLength(2);
  }, 40_000);
});
