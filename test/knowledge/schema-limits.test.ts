import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { KnowledgeFileError, parseKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { dataPath } from "../../src/paths.js";
import { TestChat, OWNER } from "../helpers/index.js";

const seedText = readFileSync(dataPath("knowledge.json"), "utf8");
const seed = (): Knowledge => JSON.parse(seedText) as Knowledge;

/** The validation messages of a base, or [] when it is valid. */
function issues(kb: unknown): string[] {
  try {
    parseKnowledge(kb);
    return [];
  } catch (err) {
    if (err instanceof KnowledgeFileError) return err.issues;
    throw err;
  }
}

describe("knowledge schema limits (what /impor accepts)", () => {
  it("accepts the seed", () => {
    expect(issues(seed())).toEqual([]);
  });

  it("ids: at most 64 characters of a-z, 0-9 and '-', in records and in references", () => {
    const kb = seed();
    kb.events[0]!.id = "a".repeat(300);
    expect(issues(kb).join("\n")).toMatch(/events\[0\]\.id: .*64/);
    const ok = seed();
    ok.events[0]!.id = "a".repeat(64);
    expect(issues(ok)).toEqual([]);
    const upper = seed();
    upper.acronyms[0]!.id = "BUMN";
    expect(issues(upper).join("\n")).toMatch(/acronyms\[0\]\.id/);
    const ref = seed();
    ref.acronyms[0]!.sourceId = "s".repeat(65);
    expect(issues(ref).join("\n")).toMatch(/acronyms\[0\]\.sourceId/);
  });

  it("province codes only from data/provinces.json", () => {
    const kb = seed();
    kb.cooperationValues[0]!.provinces = ["99", "64"];
    kb.officials[0]!.province = "00";
    expect(issues(kb).join("\n")).toMatch(/cooperationValues\[0\]\.provinces\[0\]: kode provinsi tidak dikenal/);
    expect(issues(kb).join("\n")).toMatch(/officials\[0\]\.province: kode provinsi tidak dikenal/);
  });

  it("source URLs: http and https only", () => {
    for (const url of ["javascript:alert(1)", "file:///etc/passwd", "data:text/html,x", "ftp://x.id/a"]) {
      const kb = seed();
      kb.sources[0]!.url = url;
      expect(issues(kb).join("\n"), url).toMatch(/sources\[0\]\.url: .*http/);
    }
    const kb = seed();
    kb.sources[0]!.url = "https://jatimprov.go.id/berita/perkuat-konektivitas";
    expect(issues(kb)).toEqual([]);
  });

  it("dates and years in a sane range", () => {
    const kb = seed();
    kb.sources[0]!.date = "9999-12-31";
    kb.events[0]!.date = "0000-01-01";
    const all = issues(kb).join("\n");
    expect(all).toMatch(/sources\[0\]\.date: .*1945/);
    expect(all).toMatch(/events\[0\]\.date: .*1945/);
  });

  it("amounts within what /ubahnilai accepts; non-finite numbers get an Indonesian message", () => {
    const kb = seed();
    kb.cooperationValues[0]!.amount = 1e308;
    kb.cooperationValues[1]!.amount = 0.5;
    kb.targets[0]!.value = 1e300;
    const all = issues(kb).join("\n");
    expect(all).toMatch(/cooperationValues\[0\]\.amount/);
    expect(all).toMatch(/cooperationValues\[1\]\.amount: paling kecil Rp1/);
    expect(all).toMatch(/targets\[0\]\.value/);
    const inf = JSON.parse(seedText.replace(/"amount": \d+/, '"amount": 1e309')) as unknown;
    const msg = issues(inf).join("\n");
    expect(msg).toMatch(/cooperationValues\[0\]\.amount: .*(terlalu besar|tidak terhingga)/);
    expect(msg).not.toMatch(/diterima number/);
  });

  it("unique ids in every collection, sources included", () => {
    const kb = seed();
    kb.sources.push({ ...kb.sources[0]!, title: "Salinan lain" });
    expect(issues(kb).join("\n")).toMatch(/sources\[1\]\.id: id ganda/);
  });

  it("no control, bidi or zero-width characters in names; every string has a length limit", () => {
    for (const bad of ["Budi\u0007", "Budi\u202Eitu", "Bu\u200Bdi", "Budi\nSantoso", "Budi\u2066x\u2069"]) {
      const kb = seed();
      kb.officials[0]!.name = bad;
      expect(issues(kb).join("\n"), JSON.stringify(bad)).toMatch(/officials\[0\]\.name: .*karakter/);
    }
    const long = seed();
    long.events[0]!.title = "x".repeat(10_000);
    long.statements[0]!.text = "x".repeat(100_000);
    long.organisations[0]!.aliases = Array.from({ length: 5000 }, (_, i) => `alias ${i}`);
    const all = issues(long).join("\n");
    expect(all).toMatch(/events\[0\]\.title/);
    expect(all).toMatch(/statements\[0\]\.text/);
    expect(all).toMatch(/organisations\[0\]\.aliases/);
    // Long texts may keep their line breaks.
    const multi = seed();
    multi.statements[0]!.text = "Baris satu.\nBaris dua.";
    expect(issues(multi)).toEqual([]);
  });

  it("/impor lists these problems in Indonesian and changes nothing", async () => {
    const h = await TestChat.open();
    const hash = h.deps.knowledge.hash();
    await h.send(OWNER, "/impor");
    const kb = seed();
    const tomorrow = "2025-05-02";
    kb.events.push({ ...kb.events[0]!, id: "e".repeat(300), date: tomorrow });
    kb.cooperationValues[0]!.provinces = ["99", "64"];
    await h.sendDocument(OWNER, "panjang.json", JSON.stringify(kb));
    expect(h.last(OWNER)).toContain("Berkas ditolak");
    expect(h.last(OWNER)).toMatch(/events\[\d+\]\.id/);
    await h.sendDocument(OWNER, "tak-terhingga.json", seedText.replace(/"amount": \d+/, '"amount": 1e309'));
    expect(h.last(OWNER)).toMatch(/amount: .*(terlalu besar|tidak terhingga)/);
    expect(h.deps.knowledge.hash()).toBe(hash);
  });
});
