import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { changesOf, ingestText, samePerson, type IngestResult } from "../../src/ingest/index.js";
import { loadKnowledgeFile, parseKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import type { KRecord } from "../../src/knowledge/store.js";
import { dataPath } from "../../src/paths.js";
import { RELEASES_DIR } from "../helpers/release-score.js";

const SEED_TEXT = readFileSync(`${RELEASES_DIR}seed.txt`, "utf8");
const SEED = loadKnowledgeFile(dataPath("knowledge.json"));
/** A base that knows nothing of the seed release: one unrelated source. */
const EMPTY = parseKnowledge({ schemaVersion: 2, sources: [{ id: "lain", publisher: "Lain", title: "Lain", date: "2024-01-01" }] });

const norm = (s: unknown) => String(s ?? "").toLowerCase().replace(/\s+/g, " ").trim();
const of = (r: IngestResult, c: string) => r.items.filter((i) => i.collection === c).map((i) => i.record);
const orgName = (r: IngestResult, kb: Knowledge, id: unknown) => {
  const o = of(r, "organisations").find((x) => x.id === id) ?? (kb.organisations.find((x) => x.id === id) as unknown as KRecord | undefined);
  return [o?.name, o?.short].map(norm);
};

/** For each record of data/knowledge.json: whether the candidates hold its facts. */
function seedFacts(r: IngestResult, kb: Knowledge): Array<{ what: string; found: boolean }> {
  const out: Array<{ what: string; found: boolean }> = [];
  const add = (what: string, found: boolean) => out.push({ what, found });
  for (const v of SEED.cooperationValues)
    add(`value ${v.id}`, of(r, "cooperationValues").some((c) => JSON.stringify(c.period) === JSON.stringify(v.period) && c.amount === v.amount && c.qualifier === v.qualifier && [...(c.provinces as string[])].sort().join() === [...v.provinces].sort().join()));
  for (const e of SEED.events)
    add(`event ${e.id}`, of(r, "events").some((c) => c.date === e.date && norm(e.venue).startsWith(norm(c.venue)) && c.city === e.city && c.address === e.address && c.province === e.province && c.kind === e.kind && c.timezone === e.timezone));
  for (const o of SEED.organisations) {
    if (o.id === "dpmptsp-kaltim" || o.id === "pemprov-jatim" || o.id === "pemprov-kaltim" || o.id === "unmul" || o.id === "peruri")
      add(`organisation ${o.id}`, of(r, "organisations").some((c) => norm(c.name) === norm(o.name) || norm(c.short) === norm(o.short)));
  }
  for (const o of SEED.officials)
    add(`official ${o.id}`, of(r, "officials").some((c) => samePerson(String(c.name), o.name) && c.role === o.role && (o.province ? c.province === o.province : orgName(r, kb, c.organisation).includes(norm(SEED.organisations.find((x) => x.id === o.organisation)?.short)))));
  add("nickname Ivan", of(r, "officials").some((c) => c.nickname === "Ivan"));
  for (const a of SEED.agreements)
    add(`agreement ${a.id}`, of(r, "agreements").some((c) => c.kind === a.kind && c.date === a.date && (c.parties as string[]).length === 2 && (c.parties as string[]).every((p) => orgName(r, kb, p).some((n) => ["unmul", "pt peruri", "universitas mulawarman"].includes(n)))));
  for (const s of SEED.statements) {
    const speaker = SEED.officials.find((o) => o.id === s.official)!.name;
    add(`statement ${s.id}`, of(r, "statements").some((c) => {
      const who = of(r, "officials").find((o) => o.id === c.official) ?? (kb.officials.find((o) => o.id === c.official) as unknown as KRecord);
      return samePerson(String(who?.name), speaker) && c.quoted === s.quoted && norm(s.text).includes(norm(c.text).slice(0, 60));
    }));
  }
  for (const m of SEED.commodities) add(`commodity ${m.id}`, of(r, "commodities").some((c) => c.province === m.province && m.items.every((i) => (c.items as string[]).includes(i))));
  for (const t of SEED.targets)
    add(`target ${t.id}`, of(r, "targets").some((c) => c.province === t.province && c.indicator === t.indicator && c.value === t.value && c.unit === t.unit && c.comparator === t.comparator && c.horizon === t.horizon));
  for (const a of ["DPMPTSP", "BUMN", "UMKM", "Unmul", "PT Peruri"]) add(`acronym ${a}`, of(r, "acronyms").some((c) => c.short === a));
  add("source author and date", r.source.author === "Himawan Yokominarno" && r.source.date === "2025-05-08");
  return out;
}

describe("the seed press release", () => {
  it("yields the facts of data/knowledge.json from its raw text", () => {
    const r = ingestText(SEED_TEXT, EMPTY, { file: "seed.txt" });
    const facts = seedFacts(r, EMPTY);
    const missed = facts.filter((f) => !f.found).map((f) => f.what);
    const share = (facts.length - missed.length) / facts.length;
    console.log(`seed release: ${facts.length - missed.length}/${facts.length} facts of data/knowledge.json found (${(share * 100).toFixed(0)}%); missed: ${missed.join(", ") || "none"}`);
    expect(missed).toEqual([]);
    // Every candidate is valid once merged.
    expect(() => parseKnowledge({ ...EMPTY, ...mergeAll(EMPTY, r) })).not.toThrow();
  });

  it("read against data/knowledge.json, proposes nothing it already holds and contradicts nothing", () => {
    const r = ingestText(SEED_TEXT, SEED, { file: "seed.txt" });
    expect(r.items.filter((i) => i.status === "conflict")).toEqual([]);
    const added = changesOf(r, SEED).map((c) => `${c.collection}/${c.id}`);
    // The event, its values, people, agreement, statements, commodity and target are all known.
    for (const c of ["events", "cooperationValues", "officials", "agreements", "statements", "commodities", "targets", "sources"]) expect(added.filter((k) => k.startsWith(`${c}/`))).toEqual([]);
    expect(r.source.id).toBe("rilis-jatim-kaltim-2025-05-08");
  });

  it("marks another role for a known person, and another figure for a known pair and period, as conflicts", () => {
    const kb = structuredClone(SEED) as Knowledge;
    kb.officials.find((o) => o.id === "seno-aji")!.role = "gubernur";
    kb.cooperationValues.find((v) => v.id === "kv-jatim-kaltim-2023")!.amount = 170_000_000_000;
    const r = ingestText(SEED_TEXT, kb);
    const conflicts = r.items.filter((i) => i.status === "conflict");
    expect(conflicts.map((c) => `${c.collection}/${c.record.id}`).sort()).toEqual(["cooperationValues/kv-jatim-kaltim-2023", "officials/seno-aji"]);
    const v = conflicts.find((c) => c.collection === "cooperationValues")!;
    expect([v.record.amount, v.existing!.amount]).toEqual([165_700_000_000, 170_000_000_000]);
    expect(v.sentence).toContain("Rp165,7 miliar");
    // Contradictions are never among the changes applied.
    expect(changesOf(r, kb).some((c) => c.id === "kv-jatim-kaltim-2023" || c.id === "seno-aji")).toBe(false);
  });
});

function mergeAll(kb: Knowledge, r: IngestResult): Record<string, unknown> {
  const next: Record<string, unknown> = structuredClone(kb);
  for (const c of changesOf(r, kb)) (next[c.collection] as KRecord[]).push(c.after!);
  return next;
}
