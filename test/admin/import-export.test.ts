import { writeFileSync } from "node:fs";
import { gunzipSync, gzipSync } from "node:zlib";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { exportKnowledge } from "../../src/admin/transfer.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { generateKnowledge } from "../bench/generate-kb.js";
import { OWNER, TestChat } from "../helpers/index.js";

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

    // Announced as over what a bot may download (20 MB): refused before downloading.
    await h.sendDocument(OWNER, "besar.json", "{}", 25 * 1024 * 1024);
    expect(h.last(OWNER)).toContain("terlalu besar (25 MB); batasnya 20 MB");
    expect(h.api.sent("getFile")).toHaveLength(0);
    // Size not announced but the download is over it.
    await h.sendDocument(OWNER, "besar2.json", new Uint8Array(21 * 1024 * 1024), 0);
    expect(h.last(OWNER)).toContain("terlalu besar");
    // A small .gz that would open into far more than the limit (64 MB here) is refused, not opened.
    await h.sendDocument(OWNER, "bom.json.gz", gzipSync(Buffer.alloc(70 * 1024 * 1024, 32)));
    expect(h.last(OWNER)).toContain("terlalu besar");
    expect(h.last(OWNER)).toContain("batasnya 64 MB");
    await h.sendDocument(OWNER, "rusak.json.gz", new Uint8Array([0x1f, 0x8b, 8, 0, 1, 2, 3]));
    expect(h.last(OWNER)).toContain("tidak dapat dibuka");

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

  it("a base far over the old 1 MB goes out as .json.gz and comes back in, as a whole or edited", async () => {
    const h = await TestChat.open();
    const big = parseKnowledge(JSON.parse(JSON.stringify(generateKnowledge(10_000, 4))));
    const text = JSON.stringify(big);
    expect(text.length).toBeGreaterThan(2 * 1024 * 1024);
    await h.send(OWNER, "/impor");
    expect(h.last(OWNER)).toContain("paling besar 20 MB");
    await h.sendDocument(OWNER, "provinsi.json", text);
    expect(h.last(OWNER)).toMatch(/Impor “provinsi\.json”: \d+ ditambah, \d+ diubah, \d+ dihapus\./);
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    expect(h.deps.knowledge.size).toBe(10_000);

    // /ekspor: compressed, named so, and the same base once opened.
    await h.send(OWNER, "/ekspor");
    const doc = h.api.last("sendDocument")!;
    expect((doc.document as { filename: string }).filename).toBe("sinergi-knowledge-2025-05-01.json.gz");
    expect(String(doc.caption)).toContain("gzip");
    const file = await exportKnowledge(h.deps.knowledge, "2025-05-01");
    expect(file.compressed).toBe(true);
    expect(file.bytes.byteLength).toBeLessThan(text.length / 4);
    const back = JSON.parse(gunzipSync(file.bytes).toString("utf8")) as Knowledge;
    expect(back).toEqual(h.deps.knowledge.get());

    // Edited and sent back still compressed: one change, saved, answered at once.
    const value = back.cooperationValues[0]!;
    value.amount = 123_000_000_000;
    const [a, b] = value.provinces;
    const year = value.period.kind === "year" ? value.period.year : 0;
    await h.send(OWNER, "/impor");
    await h.sendDocument(OWNER, "provinsi-edit.json.gz", gzipSync(JSON.stringify(back)));
    expect(h.last(OWNER)).toContain("Impor “provinsi-edit.json.gz”: 0 ditambah, 1 diubah, 0 dihapus.");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    expect(h.deps.knowledge.find("cooperationValues", value.id)?.amount).toBe(123_000_000_000);
    const { provinceShort } = await import("../../src/knowledge/provinces.js");
    expect(h.ask(`berapa nilai kerja sama ${provinceShort(a!)} ${provinceShort(b!)} ${year}`).answer).toContain("Rp123 miliar");
  }, 120_000);
});

describe("imports waiting for Simpan", () => {
  it("are set aside one change per line, and one an earlier version set aside still loads", async () => {
    const { PendingImports } = await import("../../src/admin/pending-imports.js");
    const { mkdirSync } = await import("node:fs");
    const dir = (await import("../helpers/index.js")).tempDir();
    const imports = PendingImports.open(dir);
    const changes = [{ collection: "acronyms" as const, id: "kadin", before: null, after: { id: "kadin", short: "KADIN", long: "Kamar Dagang dan Industri", sourceId: null } }];
    const ref = await imports.save("1:1", { label: "kb.json", hash: "abc", changes }, new Date("2025-05-01T00:00:00Z"));
    expect(await imports.load(ref)).toEqual({ label: "kb.json", hash: "abc", changes });
    mkdirSync(join(dir, "imports"), { recursive: true });
    writeFileSync(join(dir, "imports", "2_2~1746057600000.json"), JSON.stringify({ label: "lama.json", hash: "def", changes }));
    expect(await imports.load("2_2~1746057600000")).toEqual({ label: "lama.json", hash: "def", changes });
    imports.remove(ref);
    expect(await imports.load(ref)).toBeUndefined();
  });
});
