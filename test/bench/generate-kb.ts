/**
 * A knowledge base of about N records for benchmarks, the same for the same N:
 * all 38 provinces, years 2010-2025, cooperation values of province pairs,
 * events with their agreements, organisations, officials and their statements,
 * commodities, targets. Also the questions to ask it, with the slow kinds
 * (agreements of a province, "kapan penandatanganan mou", lists) among them.
 */
import { provinces } from "../../src/knowledge/provinces.js";
import type { Knowledge } from "../../src/knowledge/schema.js";

/** Deterministic pseudo-random numbers (mulberry32). */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const CITIES = ["Kota", "Kabupaten"];
const VENUES = ["Hotel Santika", "Hotel Aston", "Gedung Negara", "Convention Hall", "Hotel Grand Mercure", "Balai Pertemuan"];
const SECTORS = ["perikanan", "perkebunan", "pertanian", "pertambangan", "kerajinan", "peternakan"];
const ITEMS = ["kopi", "kakao", "udang", "bandeng", "rumput laut", "beras", "gula", "tenun", "batu bara", "nikel", "sapi", "karet"];
const KINDS = ["misi-dagang", "penandatanganan-mou", "pameran", "forum-investasi", "kunjungan-kerja"] as const;
const ZONE: Record<string, string> = {};
for (const p of provinces) ZONE[p.code] = p.timezone;

const pad = (n: number) => String(n).padStart(2, "0");

/**
 * Exactly `n` records (at least the 38 regional governments, their governors
 * and the sources, so at least 86 + n/60). Values are one per province pair
 * and year, so there are at most 703 × 16 of them: what a larger base would
 * want beyond that goes to events, agreements and statements instead.
 */
export function generateKnowledge(n: number, seed = 42): Knowledge {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const codes = provinces.map((p) => p.code);
  const short = new Map(provinces.map((p) => [p.code, p.short.toLowerCase().replace(/[^a-z0-9]+/g, "-")]));
  const date = (year: number) => `${year}-${pad(1 + Math.floor(rnd() * 12))}-${pad(1 + Math.floor(rnd() * 28))}`;
  const kb: Knowledge = {
    schemaVersion: 1, sources: [], cooperationValues: [], rankings: [], events: [], organisations: [], agreements: [],
    officials: [], statements: [], commodities: [], targets: [], acronyms: [],
  } as unknown as Knowledge;
  const nSources = Math.max(10, Math.round(n / 60));
  for (let i = 0; i < nSources; i++) {
    const year = 2010 + (i % 16);
    kb.sources.push({ id: `src-${i}`, publisher: `Biro Humas Pemprov ${pick(provinces).short}`, title: `Siaran pers kerja sama antarprovinsi nomor ${i}`, date: date(year), author: `Penulis ${i}` } as never);
  }
  const src = (year: number) => `src-${(year - 2010 + 16 * Math.floor(rnd() * (nSources / 16))) % nSources}`;
  for (const p of provinces) {
    kb.organisations.push({ id: `pemprov-${short.get(p.code)}`, name: `Pemerintah Provinsi ${p.name}`, short: `Pemprov ${p.short}`, kind: "pemerintah-daerah", province: p.code, aliases: [], sourceId: "src-0" } as never);
    kb.officials.push({ id: `gub-${short.get(p.code)}`, name: `Gubernur Nama ${p.short}`, role: "gubernur", province: p.code, nickname: null, sourceId: "src-0", validAsOf: "2025-01-01" } as never);
  }
  const budget = n - kb.sources.length - 76;
  const orgs: string[] = [];
  const people: string[] = [];
  const add = (w: number) => Math.max(0, Math.round(budget * w));
  const nOrgs = add(0.05);
  const nPeople = add(0.05);
  let nEvents = add(0.15);
  let nAgreements = nOrgs >= 2 ? add(0.15) : 0;
  let nStatements = nPeople ? add(0.04) : 0;
  const nCommodities = add(0.04);
  const nTargets = add(0.02);
  // Every pair of provinces and year, shuffled: values never repeat one.
  const slots: Array<[string, string, number]> = [];
  for (let i = 0; i < codes.length; i++) for (let j = i + 1; j < codes.length; j++) for (let y = 2010; y <= 2025; y++) slots.push([codes[i]!, codes[j]!, y]);
  for (let i = slots.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [slots[i], slots[j]] = [slots[j]!, slots[i]!];
  }
  const wanted = Math.max(0, budget - nOrgs - nPeople - nEvents - nAgreements - nStatements - nCommodities - nTargets);
  const nValues = Math.min(wanted, slots.length);
  // Beyond one value per pair and year: more events, agreements and statements, as a busy province has.
  const extra = wanted - nValues;
  if (extra > 0) {
    const toAgreements = nAgreements ? Math.round(extra * 0.4) : 0;
    const toStatements = nStatements ? Math.round(extra * 0.2) : 0;
    nAgreements += toAgreements;
    nStatements += toStatements;
    nEvents += extra - toAgreements - toStatements;
  }
  for (let i = 0; i < nOrgs; i++) {
    const p = pick(codes);
    const uni = rnd() < 0.5;
    const id = `${uni ? "univ" : "pt"}-${i}`;
    orgs.push(id);
    kb.organisations.push({ id, name: uni ? `Universitas Nusantara ${i}` : `PT Niaga Daerah ${i}`, short: uni ? `UN${i}` : `PT ND${i}`, kind: uni ? "universitas" : "perusahaan", city: `${pick(CITIES)} ${i}`, province: p, aliases: [], sourceId: src(2015) } as never);
  }
  for (let i = 0; i < nPeople; i++) {
    const id = `pejabat-${i}`;
    people.push(id);
    const org = orgs.length && rnd() < 0.5 ? pick(orgs) : undefined;
    kb.officials.push({ id, name: `Pejabat Nomor ${i}`, role: org ? pick(["rektor", "direktur-utama"] as const) : pick(["wakil-gubernur", "kepala-dinas", "bupati", "wali-kota"] as const), ...(org ? { organisation: org } : { province: pick(codes) }), nickname: null, sourceId: src(2020), validAsOf: "2024-06-01" } as never);
  }
  const events: Array<{ id: string; provinces: string[]; date: string }> = [];
  for (let i = 0; i < nEvents; i++) {
    const a = pick(codes);
    let b = pick(codes);
    while (b === a) b = pick(codes);
    const year = 2010 + Math.floor(rnd() * 17);
    const d = date(Math.min(year, 2026));
    const id = `acara-${i}`;
    events.push({ id, provinces: [a, b], date: d });
    kb.events.push({
      id, title: `${pick(["Misi Dagang", "Forum Investasi", "Pameran Produk", "Kunjungan Kerja"])} ${provinces.find((p) => p.code === a)!.short} ke ${provinces.find((p) => p.code === b)!.short} ${i}`,
      kind: pick(KINDS), date: d, ...(rnd() < 0.5 ? { time: `${pad(8 + Math.floor(rnd() * 8))}:00` } : {}), timezone: ZONE[b], venue: `${pick(VENUES)} ${i}`, address: `Jalan Utama ${i}`, city: `${pick(CITIES)} Acara ${i % 500}`,
      province: b, provinces: [a, b], organisers: [`pemprov-${short.get(a)}`], goals: ["meningkatkan perdagangan"], participants: people.length ? [pick(people)] : [], agenda: [`Pembukaan acara ${i}`],
      purpose: "memperkuat kerja sama ekonomi", sourceId: src(year > 2025 ? 2025 : year), validAsOf: d,
    } as never);
  }
  for (let i = 0; i < nAgreements; i++) {
    const ev = events.length ? pick(events) : undefined;
    const x = pick(orgs);
    let y = pick(orgs);
    while (y === x) y = pick(orgs);
    kb.agreements.push({ id: `mou-${i}`, kind: pick(["nota-kesepahaman", "perjanjian-kerja-sama"] as const), title: `Nota Kesepahaman ${i}`, parties: [x, y], purpose: "kerja sama riset dan perdagangan", date: ev?.date ?? "2020-01-01", ...(ev ? { eventId: ev.id } : {}), signatories: [], witnesses: [], sourceId: src(2020), validAsOf: ev?.date ?? "2020-01-01" } as never);
  }
  for (let i = 0; i < nStatements; i++) {
    kb.statements.push({ id: `pernyataan-${i}`, official: pick(people), topic: `topik-${i}`, text: `Kerja sama ini penting bagi pertumbuhan ekonomi daerah nomor ${i}.`, quoted: rnd() < 0.5, sourceId: src(2021) } as never);
  }
  for (let i = 0; i < nCommodities; i++) {
    kb.commodities.push({ id: `komoditas-${i}`, province: pick(codes), items: [pick(ITEMS), `${pick(ITEMS)} ${i}`], sector: pick(SECTORS), targetMarkets: [pick(codes)], sourceId: src(2022), validAsOf: "2024-01-01" } as never);
  }
  for (let i = 0; i < nTargets; i++) {
    kb.targets.push({ id: `target-${i}`, province: pick(codes), indicator: pick(["pertumbuhan ekonomi", "realisasi investasi", "nilai ekspor"]) + ` ${i}`, comparator: "more_than", value: 1 + Math.floor(rnd() * 10), unit: "persen", horizon: "dalam lima tahun", sourceId: src(2023), validAsOf: "2024-01-01" } as never);
  }
  for (const [a, b, year] of slots.slice(0, nValues)) {
    const pair = rnd() < 0.5 ? [a, b] : [b, a];
    kb.cooperationValues.push({ id: `kv-${a}-${b}-${year}`, provinces: pair, period: { kind: "year", year }, amount: Math.round(1 + rnd() * 900) * 1e9, qualifier: "exact", sourceId: src(year), validAsOf: `${year}-12-31` } as never);
  }
  return kb;
}

/** Questions for a generated base: facts it holds, near misses, and the slow kinds. */
export function benchQuestions(kb: Knowledge, count = 200, seed = 7): string[] {
  const rnd = random(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const name = (code: string) => provinces.find((p) => p.code === code)!.short;
  const out: string[] = [];
  const kinds = [
    () => { const v = pick(kb.cooperationValues); return v && v.period.kind === "year" ? `brp nilai kerjasama ${name(v.provinces[0]!)} ${name(v.provinces[1]!)} th ${v.period.year}?` : "nilai kerja sama jatim kaltim"; },
    () => `mou ${name(pick(provinces).code)} apa saja`,
    () => "kapan penandatanganan mou",
    () => `siapa gubernur ${name(pick(provinces).code)}`,
    () => { const e = pick(kb.events); return e ? `kapan ${e.title.toLowerCase()}` : "kapan acaranya"; },
    () => `ada acara apa saja di ${name(pick(provinces).code)}`,
    () => `komoditas unggulan ${name(pick(provinces).code)} apa`,
    () => `nilai kerja sama ${name(pick(provinces).code)} ${name(pick(provinces).code)} tahun 2009`,
    () => "berapa nilai kerja sama",
    () => "acara berikutnya kapan",
  ];
  for (let i = 0; i < count; i++) out.push(kinds[i % kinds.length]!());
  return out;
}
