import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { oldVersionBase } from "../helpers/old-knowledge.js";

describe("a knowledge base saved by the previous version that breaks the new limits", () => {
  it("still loads: repaired (ids shortened, references updated), the rest quarantined, the original backed up", () => {
    const dir = mkdtempSync(join(tmpdir(), "sinergi-repair-"));
    const original = JSON.stringify(oldVersionBase(), null, 2);
    writeFileSync(join(dir, "knowledge.json"), original);
    const reports: unknown[] = [];
    const store = KnowledgeStore.open(dir, { onRepair: (r) => reports.push(r) });
    const kb = store.get();

    // The event is kept under a short id, and the agreement still points at it.
    const ev = kb.events.find((e) => e.title.includes("Lanjutan"))!;
    expect(ev.id.length).toBeLessThanOrEqual(64);
    expect(ev.id).toMatch(/^misi-panjang-/);
    expect(ev.title).toBe("Misi Dagang tsilaj Lanjutan");
    expect(kb.agreements.find((a) => a.id === "mou-lanjutan")!.eventId).toBe(ev.id);
    // The official too, in the statement and among the event's participants; the name is cleaned.
    const budi = kb.officials.find((o) => o.name.startsWith("Budi"))!;
    expect(budi.id.length).toBeLessThanOrEqual(64);
    expect(budi.name).toBe("Budi Santoso");
    expect(kb.statements.find((s) => s.id === "kata-budi")!.official).toBe(budi.id);
    expect(kb.events[0]!.participants).toContain(budi.id);
    // What cannot be repaired is dropped: province 99, 1e308, 9999; the duplicate source; the bad URL alone.
    expect(kb.cooperationValues.map((c) => c.id)).not.toContain("kv-99");
    expect(kb.cooperationValues.map((c) => c.id)).not.toContain("kv-besar");
    expect(kb.targets.map((t) => t.id)).not.toContain("t-9999");
    expect(kb.events[0]!.provinces).toEqual(["35", "64"]);
    expect(kb.sources.filter((s) => s.id === "rilis-jatim-kaltim-2025-05-08")).toHaveLength(1);
    expect(kb.sources.find((s) => s.id === "sumber-aneh")).toEqual({ id: "sumber-aneh", publisher: "X", title: "Y", date: "2025-01-01" });
    expect(kb.organisations[0]!.name.length).toBeLessThanOrEqual(200);

    // The repaired base was written back (valid), the original kept byte for byte, the dropped records set aside.
    const saved = parseKnowledge(JSON.parse(readFileSync(join(dir, "knowledge.json"), "utf8")));
    expect(saved).toEqual(kb);
    const backups = readdirSync(join(dir, "backups"));
    const backup = backups.find((f) => /^knowledge-.*\.original\.json$/.test(f))!;
    expect(readFileSync(join(dir, "backups", backup), "utf8")).toBe(original);
    const quarantine = JSON.parse(readFileSync(join(dir, "backups", backups.find((f) => f.endsWith(".quarantine.json"))!), "utf8")) as {
      quarantined: Array<{ collection: string; record: { id: string } }>;
    };
    expect(quarantine.quarantined.map((q) => `${q.collection}/${q.record.id}`).sort()).toEqual(
      ["cooperationValues/kv-99", "cooperationValues/kv-besar", "sources/rilis-jatim-kaltim-2025-05-08", "targets/t-9999"].sort(),
    );
    expect(reports).toHaveLength(1);

    // The next start finds a clean file: nothing more to repair.
    const again: unknown[] = [];
    expect(KnowledgeStore.open(dir, { onRepair: (r) => again.push(r) }).get()).toEqual(kb);
    expect(again).toEqual([]);
  });

  it("a file that is not JSON still stops start-up (nothing the bot wrote), and is never rewritten", () => {
    const dir = mkdtempSync(join(tmpdir(), "sinergi-repair-"));
    writeFileSync(join(dir, "knowledge.json"), "{ not json");
    expect(() => KnowledgeStore.open(dir)).toThrow(/knowledge\.json/);
    expect(readFileSync(join(dir, "knowledge.json"), "utf8")).toBe("{ not json");
  });
});
