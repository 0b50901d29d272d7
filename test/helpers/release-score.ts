import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { provinceShort } from "../../src/knowledge/provinces.js";

/**
 * Scoring of the press-release extractor against the development set in
 * test/fixtures/releases (expected facts in a neutral format, see its README):
 * recall and precision per kind of fact, a fact counting as found only when
 * every field that matters is right.
 */

type N = Record<string, unknown>;
export interface NeutralFacts {
  source: { title: string | null; publisher: string | null; author: string | null; date: string | null };
  events: N[];
  figures: N[];
  officials: N[];
  organisations: N[];
  agreements: N[];
  commodities: N[];
  targets: N[];
  statements: N[];
  counts: N[];
}

export const FACT_KINDS = ["source", "events", "figures", "officials", "organisations", "agreements", "commodities", "targets", "statements", "counts"] as const;
export type FactKind = (typeof FACT_KINDS)[number];

export const RELEASES_DIR = new URL("../fixtures/releases/", import.meta.url).pathname;

/** The releases of the development set: name, text, expected facts. */
export function devSet(): Array<{ name: string; file: string; text: string; expected: NeutralFacts }> {
  const out: Array<{ name: string; file: string; text: string; expected: NeutralFacts }> = [];
  for (const f of readdirSync(RELEASES_DIR).filter((x) => x.endsWith(".expected.json")).sort()) {
    const name = f.replace(".expected.json", "");
    const file = join(RELEASES_DIR, `${name}.txt`);
    out.push({ name, file, text: readFileSync(file, "utf8"), expected: JSON.parse(readFileSync(join(RELEASES_DIR, f), "utf8")) as NeutralFacts });
  }
  return out;
}

const norm = (s: unknown) =>
  String(s ?? "")
    .toLowerCase()
    .replace(/[’']/g, "'")
    .replace(/[“”"]/g, "")
    .replace(/\s*\([^)]*\)\s*/g, " ")
    .replace(/[^\p{L}\p{N}' ]+/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
const fuzzy = (a: unknown, b: unknown) => {
  const x = norm(a);
  const y = norm(b);
  if (!x || !y) return x === y;
  return x === y || ` ${x} `.includes(` ${y} `) || ` ${y} `.includes(` ${x} `);
};
const same = (a: unknown, b: unknown) => (a ?? null) === (b ?? null);
const sameSet = (a: unknown, b: unknown) => {
  const x = [...((a as string[] | null) ?? [])].sort().join();
  const y = [...((b as string[] | null) ?? [])].sort().join();
  return x === y;
};
/** Roles the development set predates: it files a deputy regent or deputy mayor under "lainnya". */
const NEW_ROLES = new Set(["wakil-bupati", "wakil-wali-kota", "sekretaris-daerah", "pj-gubernur"]);
const sameRole = (expected: unknown, got: unknown) => expected === got || (expected === "lainnya" && NEW_ROLES.has(String(got)));

/** Whether a proposed fact states an expected one. */
export const MATCH: Record<Exclude<FactKind, "source" | "commodities">, (e: N, g: N) => boolean> = {
  events: (e, g) =>
    same(e.date, g.date) && same(e.kind, g.kind) && fuzzy(e.venue, g.venue) && norm(e.city) === norm(g.city) && same(e.time, g.time) && same(e.endTime, g.endTime) &&
    (e.zone === null || same(e.zone, g.zone)) && (e.address === null ? g.address === null : fuzzy(e.address, g.address)) && sameSet(e.provinces, g.provinces),
  figures: (e, g) =>
    e.amount === g.amount && e.measure === g.measure && e.qualifier === g.qualifier && same(e.period, g.period) && e.status === g.status && sameSet(e.provinces, g.provinces) &&
    same(e.seller, g.seller) && same(e.buyer, g.buyer),
  officials: (e, g) =>
    fuzzy(e.name, g.name) && sameRole(e.role, g.role) && same(e.province, g.province) && (e.organisation === null || fuzzy(e.organisation, g.organisation)) &&
    (e.representing === null ? g.representing === null : fuzzy(e.representing, g.representing)),
  organisations: (e, g) => fuzzy(e.name, g.name) || (!!e.short && norm(e.short) === norm(g.short)) || (!!e.short && norm(e.short) === norm(g.name)) || (!!g.short && norm(e.name) === norm(g.short)),
  agreements: (e, g) => e.kind === g.kind && same(e.count, g.count),
  targets: (e, g) => e.value === g.value && e.unit === g.unit && (e.province === null || e.province === g.province),
  statements: (e, g) => {
    if (!fuzzy(e.speaker, g.speaker) || e.quoted !== g.quoted) return false;
    const ex = norm(e.excerpt).split(" ").slice(0, 6).join(" ");
    const text = norm(g.excerpt);
    return text.includes(ex) || norm(e.excerpt).includes(text.split(" ").slice(0, 6).join(" "));
  },
  counts: (e, g) => {
    if (e.value !== g.value) return false;
    const words = (s: unknown) => norm(s).split(" ").filter((w) => w.length >= 4);
    const a = words(e.what);
    return words(g.what).some((w) => a.includes(w));
  },
};

/** Per kind: how many expected, proposed, and right; with the misses and false candidates. */
export interface KindScore {
  expected: number;
  proposed: number;
  right: number;
  missed: unknown[];
  wrong: unknown[];
}

function commodityTriples(list: N[]): N[] {
  return list.flatMap((c) => ((c.items as string[]) ?? []).map((item) => ({ item, province: c.province, direction: c.direction })));
}

/** Scores one release's proposed facts against its expected facts. */
export function scoreRelease(expected: NeutralFacts, got: NeutralFacts): Record<FactKind, KindScore> {
  const out = {} as Record<FactKind, KindScore>;
  // Source: each field stated is one fact.
  const src: KindScore = { expected: 0, proposed: 0, right: 0, missed: [], wrong: [] };
  for (const k of ["title", "publisher", "author", "date"] as const) {
    const e = expected.source[k];
    const g = got.source[k];
    if (e !== null) src.expected++;
    if (g !== null && g !== undefined) src.proposed++;
    if (e !== null && g !== null && norm(e) === norm(g)) src.right++;
    else {
      if (e !== null) src.missed.push(`${k}: ${e}`);
      if (g !== null && g !== undefined) src.wrong.push(`${k}: ${g}`);
    }
  }
  out.source = src;
  for (const kind of FACT_KINDS) {
    if (kind === "source") continue;
    const e = kind === "commodities" ? commodityTriples(expected.commodities) : expected[kind];
    const g = kind === "commodities" ? commodityTriples(got.commodities) : got[kind];
    const match = kind === "commodities" ? (a: N, b: N) => a.province === b.province && a.direction === b.direction && fuzzy(a.item, b.item) : MATCH[kind];
    const used = new Set<number>();
    const missed: unknown[] = [];
    let right = 0;
    for (const x of e) {
      const j = g.findIndex((y, i) => !used.has(i) && match(x, y));
      if (j >= 0) {
        used.add(j);
        right++;
      } else missed.push(x);
    }
    out[kind] = { expected: e.length, proposed: g.length, right, missed, wrong: g.filter((_, i) => !used.has(i)) };
  }
  return out;
}

/** Adds scores up. */
export function addScores(total: Record<string, KindScore>, one: Record<string, KindScore>): void {
  for (const [k, s] of Object.entries(one)) {
    const t = (total[k] ??= { expected: 0, proposed: 0, right: 0, missed: [], wrong: [] });
    t.expected += s.expected;
    t.proposed += s.proposed;
    t.right += s.right;
  }
}

/** "figures   R 0.91 (59/65)  P 0.95 (59/62)" lines, and totals. */
export function formatScores(total: Record<string, KindScore>): string {
  const pct = (a: number, b: number) => (b ? (a / b).toFixed(2) : "  - ");
  const lines = FACT_KINDS.map((k) => {
    const s = total[k]!;
    return `${k.padEnd(14)} recall ${pct(s.right, s.expected)} (${s.right}/${s.expected})  precision ${pct(s.right, s.proposed)} (${s.right}/${s.proposed})`;
  });
  const all = Object.values(total).reduce((a, s) => ({ e: a.e + s.expected, p: a.p + s.proposed, r: a.r + s.right }), { e: 0, p: 0, r: 0 });
  lines.push(`${"all".padEnd(14)} recall ${pct(all.r, all.e)} (${all.r}/${all.e})  precision ${pct(all.r, all.p)} (${all.r}/${all.p})`);
  return lines.join("\n");
}

/** Short province name, or null. */
export function shortOf(code: string | undefined | null): string | null {
  return code ? provinceShort(code) : null;
}
