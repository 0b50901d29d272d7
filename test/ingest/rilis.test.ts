import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { TestChat, OWNER } from "../helpers/index.js";
import { makeDocx } from "../helpers/documents.js";
import { RELEASES_DIR } from "../helpers/release-score.js";

const REL01 = readFileSync(`${RELEASES_DIR}rel-01.txt`, "utf8");

describe("/rilis", () => {
  it("reads pasted parts, shows the facts with their sentences, drops chosen items, saves once, audited and undoable", async () => {
    const h = await TestChat.open();
    expect(await h.say(OWNER, "/rilis")).toContain("kirim siaran persnya");
    const paragraphs = REL01.split("\n\n");
    await h.send(OWNER, paragraphs.slice(0, 6).join("\n\n"));
    expect(h.last(OWNER)).toContain("Bagian 1 diterima");
    await h.send(OWNER, paragraphs.slice(6).join("\n\n"));
    const before = h.texts(OWNER).length;
    await h.press(OWNER, "Selesai");
    // A long review comes in several messages; the last one carries Simpan and Batal.
    const review = h.texts(OWNER).slice(before).join("\n");
    expect(review).toContain("Pernyataan");
    expect(review).toContain("Dari “Misi Dagang Jatim–Banten");
    expect(review).toContain("Al Muktabar");
    expect(review).toContain("Rp340,477 miliar");
    expect(review).toContain("“Setelah meja transaksi ditutup, rekapitulasi akhir");
    // Khofifah is already in the seed: shown as known, not added again.
    expect(review).toMatch(/✔️ \d+\. Khofifah Indar Parawansa/);
    const n = /➕ (\d+)\. Al Muktabar/.exec(review)![1]!;
    expect(await h.say(OWNER, `hapus ${n}`)).toMatch(new RegExp(`✖️ ${n}\\. Al Muktabar`));
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Simpan");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    const kb = h.deps.knowledge.get();
    expect(kb.cooperationValues.some((v) => v.amount === 340_477_000_000 && v.measure === "transaksi")).toBe(true);
    expect(kb.officials.some((o) => o.name === "Al Muktabar")).toBe(false);
    // His statements went with him; Khofifah's stayed.
    expect(kb.statements.some((s) => s.official === "khofifah" && s.text.includes("Catatan terakhir"))).toBe(true);
    expect(h.ask("berapa transaksi misi dagang jatim banten").answer).toContain("Rp340,477 miliar");
    expect(await h.say(OWNER, "/riwayat")).toContain("menambah dari rilis");
    await h.send(OWNER, "/urungkan");
    await h.press(OWNER, "Simpan");
    expect(h.deps.knowledge.get().cooperationValues.some((v) => v.amount === 340_477_000_000)).toBe(false);
  });

  it("reads a .docx document, and says so when everything is already known", async () => {
    const h = await TestChat.open();
    await h.send(OWNER, "/rilis");
    h.fileContent = makeDocx(REL01);
    const before = h.texts(OWNER).length;
    await h.sendDocument(OWNER, "rilis-banten.docx", h.fileContent);
    expect(h.texts(OWNER).slice(before).join("\n")).toContain("Al Muktabar");
    await h.press(OWNER, "Simpan");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    await h.send(OWNER, "/rilis");
    await h.sendDocument(OWNER, "rilis-banten.docx", h.fileContent);
    expect(h.last(OWNER)).toContain("sudah ada di data");
    expect(await h.say(OWNER, "/batal")).toContain("Tidak ada");
  });
});
