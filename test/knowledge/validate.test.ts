import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KnowledgeFileError, parseKnowledge } from "../../src/knowledge/load.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { applyChanges, COLLECTIONS, KnowledgeStore, type Change, type Collection, type KRecord } from "../../src/knowledge/store.js";
import { validateKnowledge } from "../../src/knowledge/validate.js";
import { generateKnowledge } from "../bench/generate-kb.js";
import { tempDir } from "../helpers/index.js";

/** Deterministic pseudo-random numbers, so a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

type Rnd = () => number;
const pick = <T>(rnd: Rnd, xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;

/** A copy of a record with one thing changed: often still valid, often not (a field, a reference, a rule). */
function mutate(rnd: Rnd, collection: Collection, r: KRecord, kb: Knowledge): KRecord {
  const out = structuredClone(r) as Record<string, unknown>;
  const ids = (c: Collection) => (kb[c] as unknown as KRecord[]).map((x) => x.id);
  const choices: Array<() => void> = [
    () => (out.sourceId = pick(rnd, [...ids("sources"), "tidak-ada"])),
    () => (out.note = pick(rnd, ["catatan", "", "x".repeat(1001)])),
    () => (out.extra = "dibuang"),
    () => delete out[pick(rnd, Object.keys(out).filter((k) => k !== "id"))],
  ];
  if (collection === "cooperationValues") choices.push(() => (out.amount = pick(rnd, [5e9, -5, "banyak", 2e15])), () => (out.seller = pick(rnd, ["35", "64", "11"])));
  if (collection === "events") choices.push(() => (out.date = pick(rnd, ["2025-02-31", "2026-01-15", "15/01/2026"])), () => (out.participants = [pick(rnd, [...ids("officials"), "hantu"])]));
  if (collection === "statements") choices.push(() => (out.official = pick(rnd, [...ids("officials"), "hantu"])));
  if (collection === "agreements") choices.push(() => (out.parties = (out.parties as string[]).slice(0, pick(rnd, [0, 1, 2]))), () => (out.eventId = pick(rnd, [...ids("events"), "tidak-ada"])));
  if (collection === "officials") choices.push(() => ((out.province = undefined), (out.organisation = undefined)), () => (out.represents = pick(rnd, [...ids("officials"), "hantu"])));
  pick(rnd, choices)();
  return JSON.parse(JSON.stringify(out)) as KRecord;
}

/** A small generated base plus the seed's kinds of records, all valid. */
function base(): Knowledge {
  return parseKnowledge(JSON.parse(JSON.stringify(generateKnowledge(400, 3))));
}

function records(kb: Knowledge): Array<[Collection, KRecord]> {
  return COLLECTIONS.flatMap((c) => (kb[c] as unknown as KRecord[]).map((r) => [c, r] as [Collection, KRecord]));
}

describe("checking a whole base in steps (imports)", () => {
  it("accepts and rejects what the whole-base schema does, reports every issue it reports, and gives the same records", async () => {
    const rnd = random(11);
    const kb = base();
    const all = records(kb);
    for (let trial = 0; trial < 120; trial++) {
      const raw = structuredClone(kb) as unknown as Record<Collection, KRecord[]>;
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const [c, r] = pick(rnd, all);
        const i = raw[c].findIndex((x) => x.id === r.id);
        if (rnd() < 0.1) raw[c].splice(i, 1);
        else if (rnd() < 0.1) raw[c].push(structuredClone(raw[c][i]!));
        else raw[c][i] = mutate(rnd, c, raw[c][i]!, kb);
      }
      let expected: Knowledge | string[];
      try {
        expected = parseKnowledge(raw);
      } catch (err) {
        expected = (err as KnowledgeFileError).issues;
      }
      const got = await validateKnowledge(raw, "(input)", 50).catch((err: unknown) => (err as KnowledgeFileError).issues);
      if (Array.isArray(expected)) {
        expect(Array.isArray(got), `trial ${trial}: ${expected.join("; ")}`).toBe(true);
        for (const issue of expected) expect(got as string[]).toContain(issue);
      } else {
        expect(got).toEqual(expected);
      }
    }
  });

  it("refuses what is not a knowledge base at all", async () => {
    await expect(validateKnowledge([])).rejects.toBeInstanceOf(KnowledgeFileError);
    await expect(validateKnowledge({ schemaVersion: 2, sources: "x" })).rejects.toThrow(/sources/);
    await expect(validateKnowledge({ schemaVersion: 7, sources: [] })).rejects.toThrow(/schemaVersion/);
  });
});

describe("checking a commit by the records it touches", () => {
  it("accepts exactly the changes after which the whole base is valid, and stores what the whole-base schema gives", async () => {
    const rnd = random(5);
    const dir = tempDir();
    const seed = join(dir, "seed.json");
    writeFileSync(seed, JSON.stringify(base()));
    const store = KnowledgeStore.open(join(dir, "data"), { seed });
    let accepted = 0;
    for (let trial = 0; trial < 150; trial++) {
      const kb = store.get();
      const all = records(kb);
      const changes: Change[] = [];
      const touched = new Set<string>();
      for (let k = 0; k < 1 + Math.floor(rnd() * 3); k++) {
        const [c, r] = pick(rnd, all);
        if (touched.has(`${c}/${r.id}`)) continue;
        touched.add(`${c}/${r.id}`);
        const roll = rnd();
        if (roll < 0.2) changes.push({ collection: c, id: r.id, before: r, after: null });
        else if (roll < 0.35) {
          const id = `baru-${trial}-${k}`;
          changes.push({ collection: c, id, before: null, after: { ...mutate(rnd, c, r, kb), id } });
        } else changes.push({ collection: c, id: r.id, before: r, after: mutate(rnd, c, r, kb) });
      }
      let expected: Knowledge | undefined;
      try {
        expected = parseKnowledge(applyChanges(kb, changes));
      } catch (err) {
        if (!(err instanceof KnowledgeFileError)) throw err;
      }
      const result = await store.commit(changes).then(
        () => "saved",
        (err: unknown) => (err instanceof KnowledgeFileError ? "refused" : Promise.reject(err)),
      );
      expect(result, `trial ${trial}: ${JSON.stringify(changes).slice(0, 400)}`).toBe(expected ? "saved" : "refused");
      if (expected) {
        accepted++;
        // The same records (ids, fields, defaults); a list's order may differ where a record was removed and added.
        for (const c of COLLECTIONS) {
          const byId = (xs: unknown[]) => new Map((xs as KRecord[]).map((x) => [x.id, x]));
          expect(byId(store.get()[c] as unknown[])).toEqual(byId(expected[c] as unknown[]));
        }
      } else {
        expect(store.get()).toBe(kb);
      }
    }
    // Both outcomes were tried often.
    expect(accepted).toBeGreaterThan(20);
    expect(accepted).toBeLessThan(130);
    // And the base left after all of it loads again as it is.
    expect(KnowledgeStore.open(join(dir, "data")).get()).toEqual(store.get());
  });
});
