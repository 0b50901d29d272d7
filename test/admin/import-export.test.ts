import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { TestChat, OWNER } from "../helpers/index.js";

async function exported(h: TestChat): Promise<Knowledge> {
  await h.send(OWNER, "/ekspor");
  const doc = h.api.last("sendDocument")!;
  const file = doc.document as { filename: string; content: string };
  expect(file.filename).toBe("sinergi-knowledge-2025-05-01.json");
  expect(String(doc.caption)).toContain(h.deps.knowledge.hash());
  return JSON.parse(file.content) as Knowledge;
}

describe("/ekspor and /impor", () => {
  it("exports the whole base as a JSON document, and imports an edited copy after confirmation", async () => {
    const h = await TestChat.open();
    const kb = await exported(h);
    expect(kb).toEqual(h.deps.knowledge.get());

    kb.acronyms.push({ id: "kadin", short: "KADIN", long: "Kamar Dagang dan Industri", sourceId: null });
    kb.cooperationValues[0]!.amount = 170_000_000_000;
    kb.rankings = [];
    await h.send(OWNER, "/impor");
    expect(h.last(OWNER)).toContain("Kirim berkas JSON");
    expect(await h.say(OWNER, "ini datanya")).toContain("sebagai dokumen");
    await h.sendDocument(OWNER, "kb-baru.json", JSON.stringify(kb));
    expect(h.api.sent("getFile")).toHaveLength(1);
    const summary = h.last(OWNER);
    expect(summary).toContain("Impor “kb-baru.json”: 1 ditambah, 1 diubah, 1 dihapus.");
    expect(summary).toContain("➕ Singkatan: KADIN");
    expect(summary).toContain("➖ Peringkat");
    expect(h.ask("apa itu KADIN?").answer).not.toContain("Kamar Dagang");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    expect(h.ask("apa itu KADIN?").answer).toContain("Kamar Dagang dan Industri");
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2023").answer).toContain("Rp170 miliar");
    expect(h.deps.knowledge.get().rankings).toEqual([]);
    expect(h.deps.admin.audit.all()[0]).toMatchObject({ action: "import", label: "kb-baru.json" });
    expect(h.deps.admin.audit.all()[0]!.changes).toHaveLength(3);
    // And the import can be undone as one change.
    await h.send(OWNER, "/urungkan");
    await h.press(OWNER, "Simpan");
    expect(h.deps.knowledge.get().rankings).toHaveLength(1);
    expect(h.ask("apa itu KADIN?").answer).not.toContain("Kamar Dagang");
  });

  it("rejects oversized, broken and invalid files with their first errors, changing nothing", async () => {
    const h = await TestChat.open();
    const hash = h.deps.knowledge.hash();
    const good = await exported(h);
    await h.send(OWNER, "/impor");

    // Announced as over 1 MB: refused before downloading.
    await h.sendDocument(OWNER, "besar.json", "{}", 2 * 1024 * 1024);
    expect(h.last(OWNER)).toContain("terlalu besar (2048 KB)");
    expect(h.api.sent("getFile")).toHaveLength(0);
    // Size not announced but the download is over 1 MB.
    await h.sendDocument(OWNER, "besar2.json", " ".repeat(1024 * 1024 + 10), 0);
    expect(h.last(OWNER)).toContain("terlalu besar");

    await h.sendDocument(OWNER, "rusak.json", '{"schemaVersion": 1, "sources": [');
    expect(h.last(OWNER)).toContain("bukan JSON yang valid");

    const bad = structuredClone(good) as unknown as Record<string, Array<Record<string, unknown>>>;
    bad.cooperationValues![0]!.amount = -5;
    bad.events![0]!.date = "2025-02-31";
    bad.acronyms![0]!.sourceId = "tidak-ada";
    await h.sendDocument(OWNER, "salah.json", JSON.stringify(bad));
    const msg = h.last(OWNER);
    expect(msg).toContain("Berkas ditolak: 3 kesalahan");
    expect(msg).toContain("cooperationValues[0].amount");
    expect(msg).toContain("events[0].date: bukan tanggal yang valid");
    expect(msg).toContain("acronyms[0].sourceId: sumber \"tidak-ada\" tidak ada di sources");

    await h.sendDocument(OWNER, "kosong.json", "[]");
    expect(h.last(OWNER)).toContain("Berkas ditolak");

    // zod's own messages are in Indonesian too.
    const typo = structuredClone(good) as unknown as Record<string, Array<Record<string, unknown>>>;
    typo.cooperationValues![0]!.amount = "banyak";
    await h.sendDocument(OWNER, "tipe.json", JSON.stringify(typo));
    expect(h.last(OWNER)).toContain("cooperationValues[0].amount: Input tidak valid: diharapkan number, diterima string");

    // The same content as now: nothing to do.
    await h.sendDocument(OWNER, "sama.json", JSON.stringify(good));
    expect(h.last(OWNER)).toContain("sama dengan data sekarang");
    expect(h.deps.knowledge.hash()).toBe(hash);
    expect(h.deps.admin.audit.all()).toHaveLength(0);
  });

  it("an import confirmed after someone else saved is refused (the base changed under it)", async () => {
    const h = await TestChat.open();
    const kb = await exported(h);
    kb.acronyms = kb.acronyms.filter((a) => a.id !== "bumn");
    await h.send(OWNER, "/impor");
    await h.sendDocument(OWNER, "kb.json", JSON.stringify(kb));
    await h.send(200, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(200, "Simpan");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("admin lain");
    expect(h.deps.knowledge.get().acronyms.some((a) => a.id === "bumn")).toBe(true);
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answer).toContain("Rp120 miliar");
  });

  it("in the console chat (no BOT_TOKEN) a local file path stands in for the document", async () => {
    const h = await TestChat.open();
    const kb = await exported(h);
    kb.acronyms.push({ id: "kadin", short: "KADIN", long: "Kamar Dagang dan Industri", sourceId: null });
    const file = join(h.dataDir, "edit.json");
    writeFileSync(file, JSON.stringify(kb));
    await h.send(OWNER, "/impor");
    expect(await h.say(OWNER, join(h.dataDir, "tidak-ada.json"))).toContain("sebagai dokumen");
    expect(await h.say(OWNER, file)).toContain("Impor “edit.json”: 1 ditambah, 0 diubah, 0 dihapus.");
    await h.press(OWNER, "Simpan");
    expect(h.ask("apa itu KADIN?").answer).toContain("Kamar Dagang dan Industri");
  });
});
