import { describe, expect, it } from "vitest";
import { OWNER, sleep, TestChat, USER } from "../helpers/index.js";

describe("an event added by an admin", () => {
  it("is announced to matching subscribers right after Simpan", async () => {
    const h = await TestChat.open({ events: true });
    try {
      h.deps.events.subscriptions.update(USER, (s) => {
        s.all = true;
      });
      await h.send(OWNER, "/admin");
      await h.press(OWNER, "Acara");
      await h.press(OWNER, "Tambah baru");
      for (const answer of ["Pameran UMKM Jatim di Samarinda", "", "Kamis depan", "GOR Segiri", "", "Samarinda", "Kaltim", "10.00", "Jatim, Kaltim", ""]) {
        if (answer === "" && h.buttons(OWNER).some((b) => b.text.includes("Lewati"))) await h.press(OWNER, "Lewati");
        else if (answer === "") await h.press(OWNER, "pameran");
        else await h.send(OWNER, answer);
      }
      await h.press(OWNER, "Perkuat Konektivitas");
      expect(h.last(OWNER)).toContain("Tambah Acara: Pameran UMKM Jatim di Samarinda");
      await h.press(OWNER, "Simpan");
      const event = h.deps.knowledge.get().events.find((e) => e.title.startsWith("Pameran UMKM"))!;
      expect(event).toMatchObject({ date: "2025-05-08", time: "10:00", timezone: "Asia/Makassar", kind: "pameran" });
      let got: string | undefined;
      for (let i = 0; i < 100 && !got; i++) {
        got = h.texts(USER).find((t) => t.includes("Pameran UMKM Jatim di Samarinda"));
        if (!got) await sleep(50);
      }
      expect(got).toBeDefined();
      expect(got).toContain("10.00 WITA");
    } finally {
      await h.deps.lifecycle.shutdown();
    }
  });
});
