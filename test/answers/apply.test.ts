import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { Answerer } from "../../src/answers/index.js";
import { KnowledgeFileError, parseKnowledge } from "../../src/knowledge/load.js";
import { provinces } from "../../src/knowledge/provinces.js";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { KnowledgeStore, type Change, type KRecord, type StoredChange } from "../../src/knowledge/store.js";
import { benchQuestions, generateKnowledge } from "../bench/generate-kb.js";
import { tempDir } from "../helpers/index.js";

function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), a | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const NAMES = ["Sinar Harapan", "Bumi Lestari", "Nusa Permai", "Karya Mandiri", "Cahaya Timur", "Mitra Sejahtera"];
const ITEMS = ["kopi", "kakao", "udang", "vanili", "cengkeh", "nikel", "garam"];

/** A random change that is usually valid: values, events, officials, organisations, commodities, acronyms added, edited or removed. */
function randomChange(rnd: () => number, kb: Knowledge, n: number): Change[] {
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const code = () => pick(provinces).code;
  const src = pick(kb.sources).id;
  const edit = <T extends KRecord>(collection: Change["collection"], r: T, patch: Partial<T>): Change => ({ collection, id: r.id, before: r, after: { ...r, ...patch } });
  const kinds: Array<() => Change[]> = [
    () => {
      const v = pick(kb.cooperationValues) as unknown as KRecord;
      return [edit("cooperationValues", v, { amount: Math.round(1 + rnd() * 900) * 1e9 } as never)];
    },
    () => {
      const a = code();
      let b = code();
      while (b === a) b = code();
      const id = `kv-baru-${n}`;
      return [{ collection: "cooperationValues", id, before: null, after: { id, provinces: [a, b], period: { kind: "year", year: 2026 }, amount: 7e9, qualifier: "exact", sourceId: src, validAsOf: "2026-06-30" } }];
    },
    () => {
      const e = pick(kb.events) as unknown as KRecord;
      return [edit("events", e, { title: `Temu Bisnis ${pick(NAMES)} ${n}`, city: `Kota ${pick(NAMES)}` } as never)];
    },
    () => {
      const id = `acara-baru-${n}`;
      const p = code();
      return [{ collection: "events", id, before: null, after: { id, title: `Pameran ${pick(NAMES)} ${n}`, kind: "pameran", date: "2026-12-20", timezone: "Asia/Jakarta", venue: `Gedung ${pick(NAMES)}`, city: `Kota ${pick(NAMES)}`, province: p, provinces: [p], organisers: [], goals: [], participants: [], agenda: [], sourceId: src, validAsOf: "2026-12-01" } }];
    },
    () => {
      const o = pick(kb.officials) as unknown as KRecord;
      return [edit("officials", o, { name: `${pick(NAMES)} Nomor ${n}` } as never)];
    },
    () => {
      const o = pick(kb.organisations) as unknown as KRecord;
      return [edit("organisations", o, { name: `Universitas ${pick(NAMES)} ${n}`, short: `U${n}` } as never)];
    },
    () => {
      const id = `komoditas-baru-${n}`;
      return [{ collection: "commodities", id, before: null, after: { id, province: code(), items: [pick(ITEMS), `${pick(ITEMS)} ${pick(NAMES).split(" ")[0]!.toLowerCase()}`], targetMarkets: [], sourceId: src, validAsOf: "2026-01-01" } }];
    },
    () => {
      const c = pick(kb.commodities) as unknown as KRecord;
      return c ? [{ collection: "commodities", id: c.id, before: c, after: null }] : [];
    },
    () => {
      const v = pick(kb.cooperationValues) as unknown as KRecord;
      return [{ collection: "cooperationValues", id: v.id, before: v, after: null }];
    },
    () => {
      const id = `sgk-${n}`;
      return [{ collection: "acronyms", id, before: null, after: { id, short: `SGK${n}`, long: `Sentra ${pick(NAMES)}`, sourceId: null } }];
    },
  ];
  return pick(kinds)();
}

/** Questions about what changed, besides the usual mix. */
function questionsAbout(changes: readonly StoredChange[]): string[] {
  const out: string[] = [];
  for (const c of changes) {
    const r = (c.after ?? c.before) as Record<string, unknown> | null;
    if (!r) continue;
    if (typeof r.title === "string") out.push(`kapan ${r.title.toLowerCase()}`, `di mana ${r.title.toLowerCase()}`);
    if (typeof r.name === "string") out.push(`siapa ${r.name.toLowerCase()}`);
    if (typeof r.short === "string") out.push(`apa itu ${r.short}`);
    if (Array.isArray(r.items)) out.push(`komoditas ${String(r.items[0])} dari mana`);
  }
  return out;
}

describe("an answerer kept up to date by the changes", () => {
  it("answers like one built from the whole base, after every random change", async () => {
    const rnd = random(23);
    const dir = tempDir();
    const seed = join(dir, "seed.json");
    writeFileSync(seed, JSON.stringify(parseKnowledge(JSON.parse(JSON.stringify(generateKnowledge(500, 9))))));
    const store = KnowledgeStore.open(join(dir, "data"), { seed });
    const live = new Answerer(store.get());
    let last: readonly StoredChange[] = [];
    store.onChange((_kb, changes) => {
      live.apply(changes);
      last = changes;
    });
    const now = new Date("2026-12-02T03:00:00Z");
    const mix = benchQuestions(store.get(), 40, 3);
    let saved = 0;
    for (let step = 0; step < 40; step++) {
      const changes = randomChange(rnd, store.get(), step);
      if (!changes.length) continue;
      try {
        await store.commit(changes);
      } catch (err) {
        if (err instanceof KnowledgeFileError) continue;
        throw err;
      }
      saved++;
      const fresh = new Answerer(store.get());
      for (const q of [...questionsAbout(last), ...mix.slice((step * 5) % 40, (step * 5) % 40 + 5)]) {
        const a = live.answer(q, { now });
        const b = fresh.answer(q, { now });
        expect({ q, answer: a.answer, intent: a.intent, answered: a.answered, suggestions: a.suggestions }).toEqual({ q, answer: b.answer, intent: b.intent, answered: b.answered, suggestions: b.suggestions });
      }
    }
    expect(saved).toBeGreaterThan(25);
  });
});
