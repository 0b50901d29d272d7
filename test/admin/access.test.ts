import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN_COMMANDS } from "../../src/bot/commands.js";
import { ADMIN2, TestChat, OWNER, USER } from "../helpers/index.js";

describe("who is an admin", () => {
  it("a non-admin gets a polite refusal on every admin command, and nothing changes", async () => {
    const h = await TestChat.open();
    const hash = h.deps.knowledge.hash();
    const commands = [
      "/admin", "/rilis", "/ubahnilai Jatim Kaltim 2024 Rp120 miliar", "/riwayat", "/urungkan", "/ekspor", "/impor", "/belumterjawab",
      "/statistik", "/admins", "/tambahadmin 999", "/hapusadmin 200",
    ];
    expect(new Set(commands.map((c) => c.slice(1).split(" ")[0]))).toEqual(new Set(ADMIN_COMMANDS.filter((c) => c !== "batal")));
    for (const c of commands) {
      const reply = await h.say(USER, c);
      expect(reply, c).toBe("Maaf, perintah ini khusus untuk admin Sinergi. Silakan ajukan pertanyaan seperti biasa.");
    }
    // Buttons of the admin menu pressed by a non-admin are refused too.
    for (const data of ["adm:k:cooperationValues", "adm:urungkan", "adm:ekspor", "adm:impor"]) {
      await h.pressData(USER, data);
      expect(h.api.last("answerCallbackQuery")).toMatchObject({ show_alert: true });
    }
    // /batal is harmless for anyone.
    expect(await h.say(USER, "/batal")).toContain("Tidak ada proses");
    expect(h.deps.knowledge.hash()).toBe(hash);
    expect(h.deps.admin.audit.all()).toHaveLength(0);
    expect(h.deps.conversations.keys()).toHaveLength(0);
    expect(h.api.sent("sendDocument")).toHaveLength(0);
    expect(h.deps.admin.admins.isAdmin(USER)).toBe(false);
    // A non-admin's plain question is still answered.
    expect(await h.say(USER, "berapa nilai kerja sama jatim kaltim 2023")).toContain("Rp165,7 miliar");
  });

  it("admin commands go into the command menu of admins only (chat scope); a failing setMyCommands is not fatal", async () => {
    const h = await TestChat.open();
    let fail = true;
    h.api.respond = (call) => (call.method === "setMyCommands" && fail ? { error_code: 500, description: "Internal Server Error" } : undefined);
    await h.send(OWNER, "/riwayat");
    expect(h.last(OWNER)).toContain("Belum ada perubahan");
    fail = false;
    await h.menus.showAdmins(h.bot.api, h.deps.admin.admins.list());
    const scoped = h.api.sent("setMyCommands").filter((p) => (p.scope as { type?: string } | undefined)?.type === "chat");
    const chats = new Set(scoped.map((p) => (p.scope as { chat_id: number }).chat_id));
    expect(chats).toEqual(new Set([OWNER, ADMIN2]));
    const commands = (scoped.at(-1)!.commands as Array<{ command: string }>).map((c) => c.command);
    expect(commands).toContain("ubahnilai");
    expect(commands).toContain("start");
    await h.send(USER, "halo");
    expect(h.api.sent("setMyCommands").some((p) => (p.scope as { chat_id?: number } | undefined)?.chat_id === USER)).toBe(false);
  });

  it("the owner adds and removes admins (stored in DATA_DIR); other admins cannot", async () => {
    const h = await TestChat.open();
    expect(await h.say(ADMIN2, "/tambahadmin 999")).toContain("hanya pemilik");
    expect(await h.say(OWNER, "/tambahadmin abc")).toContain("/tambahadmin 123456789");
    expect(await h.say(OWNER, "/tambahadmin 999")).toContain("999 sekarang admin");
    expect(h.api.sent("setMyCommands").some((p) => (p.scope as { chat_id?: number } | undefined)?.chat_id === USER)).toBe(true);
    expect(await h.say(USER, "/riwayat")).toContain("Belum ada perubahan");
    expect(readFileSync(join(h.dataDir, "admins.json"), "utf8")).toContain("999");
    // A restart keeps the added admin.
    const h2 = await TestChat.open({ dataDir: h.dataDir });
    expect(h2.deps.admin.admins.isAdmin(USER)).toBe(true);
    expect(await h2.say(OWNER, "/hapusadmin 100")).toContain("tidak dapat dihapus");
    expect(await h2.say(OWNER, "/hapusadmin 999")).toContain("bukan admin lagi");
    expect(h2.api.sent("deleteMyCommands").length).toBeGreaterThan(0);
    expect(await h2.say(USER, "/riwayat")).toContain("khusus untuk admin");
    expect(await h2.say(OWNER, "/hapusadmin 200")).toContain("bukan admin lagi");
    expect(await h2.say(ADMIN2, "/riwayat")).toContain("khusus untuk admin");
    expect(existsSync(join(h.dataDir, "admins.json"))).toBe(true);
  });

  it("with no ADMIN_IDS nobody is an admin", async () => {
    const h = await TestChat.open({ admins: "" });
    expect(await h.say(OWNER, "/admin")).toContain("khusus untuk admin");
  });
});
