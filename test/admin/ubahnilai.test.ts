import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { TestChat, OWNER } from "../helpers/index.js";

const run = promisify(execFile);
const seedText = () => readFileSync(new URL("../../data/knowledge.json", import.meta.url), "utf8");

describe("/ubahnilai", () => {
  it("shows old → new with Simpan/Batal, and after Simpan the next question gets the new amount", async () => {
    const seed = seedText();
    const h = await TestChat.open();
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answered).toBe(false);
    const reply = await h.say(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    expect(reply).toContain("Jatim–Kaltim 2024");
    expect(reply).toContain("Rp120 miliar");
    const labels = h.buttons(OWNER).map((b) => b.text);
    expect(labels.some((l) => l.includes("Simpan"))).toBe(true);
    expect(labels.some((l) => l.includes("Batal"))).toBe(true);
    // Not saved before the button is pressed.
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answered).toBe(false);
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    const a = h.ask("berapa nilai kerja sama jatim kaltim 2024");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("Rp120 miliar");
    // The bot itself answers with it too, and the runtime copy (not the seed) holds it.
    expect(await h.say(OWNER, "brp nilai kerjasama jatim kaltim th 2024?")).toContain("Rp120 miliar");
    expect(readFileSync(join(h.dataDir, "knowledge.json"), "utf8")).toContain("120000000000");
    expect(seedText()).toBe(seed);
  });

  it("edits an existing year: the summary shows the old value → the new one", async () => {
    const h = await TestChat.open();
    const reply = await h.say(OWNER, "/ubahnilai Jawa Timur Kalimantan Timur 2023 170 M");
    expect(reply).toContain("Rp165,7 miliar → Rp170 miliar");
    await h.press(OWNER, "Simpan");
    const a = h.ask("berapa nilai kerja sama jatim kaltim 2023");
    expect(a.answer).toContain("Rp170 miliar");
    expect(a.answer).not.toContain("165,7");
  });

  it("Batal and /batal save nothing; a Simpan button left over from a cancelled summary does nothing", async () => {
    const h = await TestChat.open();
    const hash = h.deps.knowledge.hash();
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Batal");
    expect(h.last(OWNER)).toContain("Dibatalkan");
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp130 miliar");
    const stale = h.buttons(OWNER).find((b) => b.text.includes("Simpan"))!.callback_data!;
    expect(await h.say(OWNER, "/batal")).toContain("Dibatalkan");
    await h.pressData(OWNER, stale);
    expect(h.deps.knowledge.hash()).toBe(hash);
    expect(h.deps.admin.audit.all()).toHaveLength(0);
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answered).toBe(false);
  });

  it("a malformed line gets the right form and changes nothing", async () => {
    const h = await TestChat.open();
    const hash = h.deps.knowledge.hash();
    const cases: Array<[string, string]> = [
      ["", ""],
      ["Jatim Kaltim", ""],
      ["Jatim Kaltim 2024 abc", "Jumlah tidak dikenali"],
      ["Jatim Kaltim 2024 -5", "tidak boleh negatif"],
      ["Jatim Kaltim 1800 Rp5 miliar", "antara 1945 dan 2100"],
      ["Jatim Atlantis 2024 Rp5 miliar", "tidak dikenal"],
      ["Jatim 2024 Rp5 miliar", "dua provinsi"],
    ];
    for (const [args, why] of cases) {
      const reply = await h.say(OWNER, `/ubahnilai ${args}`.trim());
      expect(reply, args).toContain(why);
      expect(reply, args).toContain("/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
      expect(h.buttons(OWNER).some((b) => b.text.includes("Simpan")), args).toBe(false);
    }
    expect(h.deps.knowledge.hash()).toBe(hash);
    expect(h.deps.conversations.keys()).toHaveLength(0);
  });

  it("the ask CLI reads the saved value from DATA_DIR", async () => {
    const h = await TestChat.open();
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Simpan");
    const { stdout } = await run("npx", ["tsx", "src/cli/ask.ts", "--json", "berapa nilai kerja sama jatim kaltim 2024"], {
      cwd: new URL("../..", import.meta.url).pathname,
      env: { ...process.env, DATA_DIR: h.dataDir, LOG_LEVEL: "silent" },
    });
    const out = JSON.parse(stdout) as { answered: boolean; answer: string };
    expect(out.answered).toBe(true);
    expect(out.answer).toContain("Rp120 miliar");
  });
});
