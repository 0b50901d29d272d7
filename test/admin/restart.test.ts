import { cpSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ADMIN2, OWNER, tempDir, TestChat } from "../helpers/index.js";

describe("restart in the middle of a conversation", () => {
  it("a new bot on the same DATA_DIR resumes at the same step", async () => {
    const first = await TestChat.open();
    await first.send(OWNER, "/admin");
    await first.press(OWNER, "Singkatan");
    await first.press(OWNER, "Tambah baru");
    await first.send(OWNER, "KADIN");
    expect(first.last(OWNER)).toContain("Kepanjangan");
    expect(first.deps.conversations.keys()).toEqual([`${OWNER}:${OWNER}`]);

    // "Restart": new deps, stores and bot, same DATA_DIR.
    const second = await TestChat.open({ dataDir: first.dataDir });
    expect(await second.say(OWNER, "Kamar Dagang dan Industri")).toContain("sumber");
    await second.press(OWNER, "Perkuat Konektivitas");
    expect(second.last(OWNER)).toContain("Tambah Singkatan: KADIN");
    await second.press(OWNER, "Simpan");
    expect(second.last(OWNER)).toContain("Tersimpan");
    expect(second.ask("apa itu KADIN?").answer).toContain("Kamar Dagang dan Industri");
    expect(second.deps.conversations.keys()).toHaveLength(0);
  });

  it("a summary waiting for Simpan survives a restart too", async () => {
    const first = await TestChat.open();
    await first.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    const second = await TestChat.open({ dataDir: first.dataDir });
    // The button on the old message still works after the restart.
    const data = first.buttons(OWNER).find((b) => b.text.includes("Simpan"))!.callback_data!;
    await second.pressData(OWNER, data);
    expect(second.last(OWNER)).toContain("Tersimpan");
    expect(second.ask("berapa nilai kerja sama jatim kaltim 2024").answer).toContain("Rp120 miliar");
  });

  it("a stored edit that is not the conversations plugin's state (a file edited by hand) reads as none", async () => {
    const dataDir = tempDir();
    writeFileSync(join(dataDir, "conversations.json"), JSON.stringify({ [`${OWNER}:${OWNER}`]: { step: 3 }, "1:1": [1, 2] }));
    const h = await TestChat.open({ dataDir });
    expect(await h.say(OWNER, "apa itu DPMPTSP")).toContain("Penanaman Modal");
    await h.send(OWNER, "/admin");
    await h.press(OWNER, "Singkatan");
    expect(h.last(OWNER)).toContain("Singkatan");
  });

  it("guided edits stored by the previous version resume: a form half filled, a summary and an import waiting for Simpan", async () => {
    // conversations.json and imports/ as the version before this layout left them, with three admins mid-way.
    const dataDir = tempDir();
    cpSync(new URL("../fixtures/previous-version", import.meta.url), dataDir, { recursive: true });
    const h = await TestChat.open({ dataDir, admins: `${OWNER},${ADMIN2},300` });
    expect(await h.say(OWNER, "Kamar Dagang dan Industri")).toContain("sumber");
    await h.press(OWNER, "Perkuat Konektivitas");
    expect(h.last(OWNER)).toContain("Tambah Singkatan: KADIN");
    // The import first: it was checked against the base as it was, and a save in between would refuse it.
    await h.pressData(300, "c1:save");
    expect(h.last(300)).toContain("Tersimpan");
    await h.pressData(ADMIN2, "c1:save");
    expect(h.last(ADMIN2)).toContain("Tersimpan");
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answer).toContain("Rp120 miliar");
    expect(h.deps.knowledge.get().acronyms.some((a) => a.id === "kadin")).toBe(true);
    expect(h.deps.conversations.keys()).toEqual([`${OWNER}:${OWNER}`]);
  });
});
