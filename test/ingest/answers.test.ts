import { describe, expect, it } from "vitest";
import { AdminList } from "../../src/admin/admins.js";
import { AuditLog } from "../../src/admin/audit.js";
import { AdminService } from "../../src/admin/service.js";
import { Answerer } from "../../src/answers/index.js";
import { changesOf, ingestText } from "../../src/ingest/index.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { tempDir } from "../helpers/index.js";
import { devSet } from "../helpers/release-score.js";

const NOW = new Date("2026-02-01T00:00:00Z");

describe("questions about ingested facts", () => {
  it("are answered from the releases of the development set, and /urungkan takes a release back out", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    const service = new AdminService(store, AuditLog.open(dir), await AdminList.open(dir, [1]));
    const seedHash = store.hash();
    for (const r of devSet().filter((x) => x.name !== "seed")) {
      const result = ingestText(r.text, store.get(), { file: `${r.name}.txt` });
      await service.commit(changesOf(result, store.get()), { id: 1, name: "Admin" }, "ingest", `rilis: ${String(result.source.title)}`);
    }
    const answerer = new Answerer(store.get());
    const ask = (q: string) => answerer.answer(q, { now: NOW });
    const cases: Array<[string, string]> = [
      ["berapa transaksi misi dagang jatim banten", "Rp340,477 miliar"],
      ["jatim jual brp ke banten", "Rp312,017 miliar"],
      ["siapa pj gubernur banten", "Al Muktabar"],
      ["berapa peserta misi dagang jatim banten", "157"],
      ["berapa transaksi misi dagang jatim ntb", "Rp1,069 triliun"],
      ["berapa investasi jatim di ntb", "Rp150 miliar"],
      ["siapa gubernur lampung", "Rahmat Mirzani Djausal"],
      ["siapa sekda kalbar", "Harisson"],
      ["kapan misi dagang jatim aceh", "25 Oktober 2022"],
      ["di mana misi dagang jatim sulsel", "Hotel Claro Makassar"],
    ];
    for (const [q, expected] of cases) {
      const a = ask(q);
      expect.soft(a.answered, q).toBe(true);
      expect.soft(a.answer, q).toContain(expected);
    }
    // Taking the releases back out, one /urungkan each, restores the seed.
    for (let i = 0; i < devSet().length - 1; i++) await service.undo({ id: 1, name: "Admin" });
    expect(store.hash()).toBe(seedHash);
  });
});
