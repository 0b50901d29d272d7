import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { TestChat, OWNER, USER } from "../helpers/index.js";

describe("/belumterjawab and /statistik", () => {
  it("lists the most frequent unanswered questions; one can be filed as an example of a request", async () => {
    const h = await TestChat.open();
    const q = "daftarin aku ke pengumuman ya";
    expect(await h.say(OWNER, "/belumterjawab")).toContain("Belum ada pertanyaan");
    await h.send(USER, "gimana cara daftar umkm binaan");
    await h.send(USER, q);
    await h.send(USER, q);
    const list = await h.say(OWNER, "/belumterjawab");
    expect(list).toMatch(/1\. “daftarin aku ke pengumuman ya” — 2×/);
    expect(list).toMatch(/2\. “gimana cara daftar umkm binaan” — 1×/);
    expect(h.ask(q).intent).toBeNull();
    await h.press(OWNER, "Contoh 1");
    expect(h.last(OWNER)).toContain(`“${q}” adalah contoh pertanyaan tentang apa?`);
    // Only the requests that are not look-ups can be taught by example; missing facts are added as facts.
    expect(h.buttons(OWNER).map((b) => b.text)).toEqual(["sapaan", "bantuan", "terima kasih", "langganan", "berhenti langganan"]);
    await h.press(OWNER, "langganan");
    expect(h.last(OWNER)).toContain("kini dikenali sebagai pertanyaan langganan");
    expect(h.deps.admin.learned.all()).toMatchObject([{ text: q, intent: "langganan", by: OWNER }]);
    expect(h.ask(q).intent).toBe("langganan");
    // The examples survive a restart.
    const h2 = await TestChat.open({ dataDir: h.dataDir });
    expect(h2.ask(q).intent).toBe("langganan");
    // "Fakta" opens the menu of kinds to add the missing fact.
    await h.send(OWNER, "/belumterjawab");
    await h.press(OWNER, "Fakta 2");
    expect(h.buttons(OWNER).map((b) => b.text)).toContain("Acara");
  });

  it("refuses a forged intent in the example button (adm:ui:<key>:constructor); it never reaches the answers", async () => {
    const h = await TestChat.open();
    const q = "kapan rapat koordinasi pemprov";
    await h.send(USER, q);
    await h.send(OWNER, "/belumterjawab");
    await h.press(OWNER, "Contoh 1");
    const real = h.buttons(OWNER).find((b) => b.callback_data?.startsWith("adm:ui:"))!.callback_data!;
    for (const forged of ["constructor", "__proto__", "toString", "hasOwnProperty", "bukan_intent"]) {
      await h.pressData(OWNER, real.replace(/:[^:]+$/, `:${forged}`));
      expect(h.last(OWNER)).toContain("tidak dikenal");
    }
    expect(h.deps.admin.learned.all()).toEqual([]);
    expect(() => h.ask(q)).not.toThrow();
    expect(h.ask("kapan rapat koordinasi pemprov dimulai").answered).toBe(false);
  });

  it("drops stored examples of intents the bot does not know when it starts", async () => {
    const h = await TestChat.open();
    writeFileSync(
      join(h.dataDir, "learned-examples.json"),
      JSON.stringify({ examples: [{ text: "kapan rapat koordinasi", intent: "constructor", by: 100, at: "2025-05-01T00:00:00Z" }, { text: "daftarkan saya ke info acara", intent: "langganan", by: 100, at: "2025-05-01T00:00:00Z" }] }),
    );
    const h2 = await TestChat.open({ dataDir: h.dataDir });
    expect(h2.deps.admin.learned.all().map((e) => e.intent)).toEqual(["langganan"]);
    expect(() => h2.ask("kapan rapat koordinasi")).not.toThrow();
  });

  it("/statistik shows questions per day, the share answered, top intents and subscribers", async () => {
    const h = await TestChat.open();
    await h.send(USER, "berapa nilai kerja sama jatim kaltim 2023");
    await h.send(USER, "siapa wakil gubernur kaltim");
    await h.send(USER, "berapa harga cabai hari ini");
    await h.send(USER, "berapa nilai kerja sama jatim kaltim 2023?");
    const s = await h.say(OWNER, "/statistik");
    expect(s).toContain("Total 4 pertanyaan, 3 terjawab (75%)");
    expect(s).toContain("01/05: 3/4");
    expect(s).toContain("• nilai kerja sama: 2");
    expect(s).toContain("• pejabat: 1");
    expect(s).toContain("Pelanggan aktif info acara: 0");
  });
});
