import { statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { diffKnowledge } from "../../src/admin/service.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { applyChanges, KnowledgeStore } from "../../src/knowledge/store.js";
import { dataPath } from "../../src/paths.js";
import { TestChat, OWNER, USER } from "../helpers/index.js";
import { tempDir } from "../helpers/index.js";

const seed = () => loadKnowledgeFile(dataPath("knowledge.json"));

/** The seed plus `n` acronyms: about 80 bytes each, so 17,500 make the 1 MB of the issue. */
function withAcronyms(n: number): Knowledge {
  const kb = seed();
  for (let i = 0; i < n; i++) kb.acronyms.push({ id: `ak-${i}`, short: `AK${i}`, long: `Singkatan nomor ${i}`, sourceId: null });
  return kb;
}

/** Longest time the event loop was blocked while `work` ran (a 5 ms ticker measures the gaps). */
async function maxBlock(work: () => Promise<unknown>): Promise<number> {
  let last = performance.now();
  let max = 0;
  const ticker = setInterval(() => {
    const now = performance.now();
    max = Math.max(max, now - last);
    last = now;
  }, 5);
  await work();
  clearInterval(ticker);
  return Math.max(max, performance.now() - last);
}

describe("a large import", () => {
  it("applyChanges is linear: 30,000 changes in well under a second", () => {
    const kb = seed();
    const big = withAcronyms(30_000);
    const changes = diffKnowledge(kb, big);
    expect(changes).toHaveLength(30_000);
    const t0 = performance.now();
    const next = applyChanges(kb, changes) as unknown as Knowledge;
    expect(performance.now() - t0).toBeLessThan(1_500);
    expect(next.acronyms).toHaveLength(kb.acronyms.length + 30_000);
    // Changes and removals land where they should.
    const edit = applyChanges(next, [
      { collection: "acronyms", id: "ak-5", before: next.acronyms.find((a) => a.id === "ak-5") as never, after: { id: "ak-5", short: "AK5", long: "Diubah", sourceId: null } },
      { collection: "acronyms", id: "ak-6", before: next.acronyms.find((a) => a.id === "ak-6") as never, after: null },
    ]) as unknown as Knowledge;
    expect(edit.acronyms.find((a) => a.id === "ak-5")!.long).toBe("Diubah");
    expect(edit.acronyms.some((a) => a.id === "ak-6")).toBe(false);
    expect(edit.acronyms).toHaveLength(next.acronyms.length - 1);
  });

  it("the store saves 17,500 records without blocking the event loop for long", async () => {
    const store = KnowledgeStore.open(tempDir());
    const changes = diffKnowledge(store.get(), withAcronyms(17_500));
    const blocked = await maxBlock(() => store.commit(changes, { expectHash: store.hash() }));
    expect(store.get().acronyms.length).toBeGreaterThan(17_500);
    expect(blocked).toBeLessThan(400);
  });

  it("/impor keeps the pending import out of conversations.json, shows progress, and answers others meanwhile", async () => {
    const h = await TestChat.open();
    const big = withAcronyms(5_000);
    const text = JSON.stringify(big);
    await h.send(OWNER, "/impor");
    await h.sendDocument(OWNER, "besar.json", text);
    expect(h.last(OWNER)).toContain("5000 ditambah");
    const conversations = statSync(join(h.dataDir, "conversations.json")).size;
    expect(conversations).toBeLessThan(text.length / 10);
    const saving = h.press(OWNER, "Simpan");
    // Another user asks while the import is applied.
    const asked = h.say(USER, "apa itu BUMN");
    await Promise.all([saving, asked]);
    expect(await asked).toContain("Badan Usaha Milik Negara");
    const texts = h.texts(OWNER);
    const progress = texts.findIndex((t) => t.includes("Menyimpan impor"));
    expect(progress).toBeGreaterThan(-1);
    expect(texts.at(-1)).toContain("Tersimpan");
    expect(h.deps.knowledge.get().acronyms.length).toBeGreaterThan(5_000);
    expect(statSync(join(h.dataDir, "conversations.json")).size).toBeLessThan(10_000);
  });
});
