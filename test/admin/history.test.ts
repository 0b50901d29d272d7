import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { AuditEntry } from "../../src/admin/audit.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";
import { ADMIN2, TestChat, OWNER } from "../helpers/index.js";

describe("audit trail, /riwayat and /urungkan", () => {
  it("records who, when, before and after; /urungkan reverts and is recorded itself", async () => {
    const h = await TestChat.open();
    expect(await h.say(OWNER, "/urungkan")).toContain("Tidak ada perubahan");
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2023 Rp170 miliar");
    await h.press(OWNER, "Simpan");
    await h.send(ADMIN2, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(ADMIN2, "Simpan");

    const history = await h.say(OWNER, "/riwayat");
    expect(history).toMatch(/#2 · 01\/05\/2025 10:00 WIB · Admin Dua · menambah Nilai kerja sama: Jatim–Kaltim 2024/);
    expect(history).toMatch(/#1 · .* · Owner · mengubah Nilai kerja sama: Jatim–Kaltim 2023/);
    expect(history).toContain("Rp165,7 miliar → Rp170 miliar");
    expect(history.indexOf("#2")).toBeLessThan(history.indexOf("#1"));

    const lines = readFileSync(join(h.dataDir, "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as AuditEntry);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toMatchObject({ seq: 1, by: { id: OWNER }, action: "edit", at: "2025-05-01T03:00:00.000Z" });
    const change = lines[0]!.changes.find((c) => c.collection === "cooperationValues")!;
    expect(change.before).toMatchObject({ amount: 165_700_000_000 });
    expect(change.after).toMatchObject({ amount: 170_000_000_000 });

    // Undo the latest (#2): the 2024 value disappears again.
    const summary = await h.say(OWNER, "/urungkan");
    expect(summary).toContain("Urungkan perubahan #2 oleh Admin Dua");
    expect(summary).toContain("Hapus Nilai kerja sama: Jatim–Kaltim 2024");
    await h.press(OWNER, "Simpan");
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answered).toBe(false);
    // Undo again steps back to #1: 2023 is Rp165,7 miliar again, with its share and source.
    await h.send(OWNER, "/urungkan");
    expect(h.last(OWNER)).toContain("Rp170 miliar → Rp165,7 miliar");
    await h.press(OWNER, "Simpan");
    const a = h.ask("berapa nilai kerja sama jatim kaltim 2023");
    expect(a.answer).toContain("Rp165,7 miliar");
    expect(a.answer).toContain("Perkuat Konektivitas");
    expect(await h.say(OWNER, "/urungkan")).toContain("Tidak ada perubahan");

    const after = await h.say(OWNER, "/riwayat");
    expect(after).toContain("#4 · 01/05/2025 10:00 WIB · Owner · mengurungkan #1");
    expect(after).toContain("#3 · 01/05/2025 10:00 WIB · Owner · mengurungkan #2");
    expect(h.deps.admin.audit.all().map((e) => [e.action, e.undoOf ?? null])).toEqual([["edit", null], ["add", null], ["undo", 2], ["undo", 1]]);
    // The seed-equivalent content is back, apart from the unused admin sources.
    expect(h.deps.knowledge.get().cooperationValues).toEqual(loadKnowledgeFile(dataPath("knowledge.json")).cooperationValues);
  });

  it("a torn last line of the audit file (crash while appending) is skipped", async () => {
    const h = await TestChat.open();
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Simpan");
    const file = join(h.dataDir, "audit.jsonl");
    const { appendFileSync } = await import("node:fs");
    appendFileSync(file, '{"seq":2,"at":"2025-05');
    const h2 = await TestChat.open({ dataDir: h.dataDir });
    expect(h2.deps.admin.audit.all()).toHaveLength(1);
    expect(await h2.say(OWNER, "/riwayat")).toContain("#1");
    await h2.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp130 miliar");
    await h2.press(OWNER, "Simpan");
    const h3 = await TestChat.open({ dataDir: h.dataDir });
    expect(h3.deps.admin.audit.all().map((e) => e.seq)).toEqual([1, 2]);
  });
});
