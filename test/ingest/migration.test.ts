import { copyFileSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadKnowledgeFile, parseKnowledge } from "../../src/knowledge/load.js";
import { SCHEMA_VERSION } from "../../src/knowledge/schema.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { tempDir } from "../helpers/index.js";

const FIXTURES = new URL("../fixtures/", import.meta.url).pathname;

describe("knowledge files of schema version 1", () => {
  it("load, migrated in memory, with every record as it was", () => {
    const raw = JSON.parse(readFileSync(join(FIXTURES, "kb-seed-v1.json"), "utf8")) as Record<string, unknown>;
    expect(raw.schemaVersion).toBe(1);
    const kb = loadKnowledgeFile(join(FIXTURES, "kb-seed-v1.json"));
    expect(kb.schemaVersion).toBe(SCHEMA_VERSION);
    expect(kb.cooperationValues).toEqual(raw.cooperationValues);
    expect(kb.officials.map((o) => o.id)).toEqual((raw.officials as Array<{ id: string }>).map((o) => o.id));
    expect(kb.counts).toEqual([]);
    for (const f of ["kb-jateng-sulsel.json", "kb-bali-ntb-ntt.json", "kb-merged.json"]) expect(loadKnowledgeFile(join(FIXTURES, f)).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("stay version 1 on disk until the next save, which writes version 2", async () => {
    const dir = tempDir();
    const file = join(dir, "knowledge.json");
    copyFileSync(join(FIXTURES, "kb-seed-v1.json"), file);
    const before = readFileSync(file, "utf8");
    const store = KnowledgeStore.open(dir);
    expect(store.get().schemaVersion).toBe(SCHEMA_VERSION);
    expect(readFileSync(file, "utf8")).toBe(before);
    const source = store.get().sources[0]!;
    await store.commit([{ collection: "counts", id: "jumlah-peserta", before: null, after: { id: "jumlah-peserta", what: "peserta", value: 172, provinces: ["35", "64"], qualifier: "exact", sourceId: source.id, validAsOf: source.date } }]);
    const saved = JSON.parse(readFileSync(file, "utf8")) as { schemaVersion: number; counts: unknown[] };
    expect(saved.schemaVersion).toBe(2);
    expect(saved.counts).toHaveLength(1);
    expect(KnowledgeStore.open(dir).get().counts[0]).toMatchObject({ what: "peserta", value: 172 });
  });

  it("are migrated by /impor's check too, and an unknown version is refused", () => {
    const raw = JSON.parse(readFileSync(join(FIXTURES, "kb-seed-v1.json"), "utf8")) as Record<string, unknown>;
    expect(parseKnowledge(raw).schemaVersion).toBe(SCHEMA_VERSION);
    expect(() => parseKnowledge({ ...raw, schemaVersion: 3 })).toThrow(/schemaVersion/);
  });
});
