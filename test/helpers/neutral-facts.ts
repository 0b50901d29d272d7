import type { IngestResult } from "../../src/ingest/index.js";
import type { Knowledge, Period } from "../../src/knowledge/schema.js";
import type { KRecord } from "../../src/knowledge/store.js";
import { type NeutralFacts, shortOf } from "./release-score.js";

/** The neutral form of a figure's period ("misi", "2023", "per 2025-05-08" …). */
export function periodText(p: Period): string | null {
  switch (p.kind) {
    case "event":
      return "misi";
    case "year":
      return String(p.year);
    case "range":
      return `${p.from}-${p.to}`;
    case "cumulative":
      return `per ${p.asOf}`;
    case "semester":
      return `${p.year}-S${p.half}`;
    case "annual":
      return "per tahun";
    default:
      return null;
  }
}

const STATUS: Record<string, string> = { final: "final", sementara: "interim", sebelumnya: "earlier" };
const AGREEMENT: Record<string, string> = { "nota-kesepahaman": "mou", "perjanjian-kerja-sama": "pks", loi: "loi", lainnya: "lainnya" };

/** The records an ingest proposes (new, already known or in conflict), in the development set's neutral format. */
export function neutralOfResult(result: IngestResult, kb: Knowledge): NeutralFacts {
  const of = (c: string) => result.items.filter((i) => i.collection === c);
  const find = (c: string, id: unknown): KRecord | undefined =>
    result.items.find((i) => i.collection === c && i.record.id === id)?.record ?? ((kb as unknown as Record<string, KRecord[]>)[c] ?? []).find((r) => r.id === id);
  const src = result.source;
  const v = (r: KRecord) => r as Record<string, unknown>;
  return {
    source: { title: String(src.title), publisher: src.publisher === "siaran pers" ? null : String(src.publisher), author: (src.author as string) ?? null, date: String(src.date) },
    events: of("events").map(({ record: e }) => {
      const tz = { "Asia/Jakarta": "WIB", "Asia/Pontianak": "WIB", "Asia/Makassar": "WITA", "Asia/Jayapura": "WIT" }[String(e.timezone)];
      return { kind: e.kind, date: e.date, time: e.time ?? null, endTime: e.endTime ?? null, zone: e.time || e.endTime ? tz : null, venue: e.venue, address: e.address ?? null, city: e.city, provinces: (e.provinces as string[]).map(shortOf) };
    }),
    figures: of("cooperationValues").map(({ record: r }) => {
      const p = r.period as Period;
      const measure = String(r.measure ?? "kerja-sama");
      return {
        amount: r.amount, measure: p.kind === "cumulative" ? "kumulatif" : measure === "kerja-sama" ? "transaksi" : measure === "surplus" ? "lainnya" : measure,
        qualifier: r.qualifier, period: periodText(p), provinces: (r.provinces as string[]).map(shortOf), seller: shortOf(r.seller as string), buyer: shortOf(r.buyer as string),
        status: STATUS[String(r.status ?? "final")],
      };
    }),
    officials: of("officials").filter((i) => !i.speakerOnly).map(({ record: o }) => {
      const org = find("organisations", o.organisation);
      return { name: o.name, role: o.role, roleText: o.office ?? null, province: shortOf(o.province as string), organisation: org ? (org.short ?? org.name) : null, representing: find("officials", o.represents)?.name ?? null };
    }),
    organisations: of("organisations").map(({ record: o }) => ({ name: o.name, short: o.short ?? null })),
    agreements: of("agreements").map(({ record: a }) => ({
      kind: AGREEMENT[String(a.kind)], parties: (a.parties as string[]).map((id) => find("organisations", id)?.short ?? id), topic: a.purpose ?? null, count: a.count ?? null,
    })),
    commodities: of("commodities").map(({ record: c }) => ({ items: c.items, province: shortOf(c.province as string), direction: c.direction ?? "unggulan" })),
    targets: of("targets").map(({ record: t }) => ({ province: shortOf(t.province as string), indicator: t.indicator, value: t.value, unit: t.unit, horizon: t.horizon })),
    statements: of("statements").map(({ record: s }) => ({ speaker: find("officials", s.official)?.name ?? s.official, quoted: s.quoted, excerpt: s.text })),
    counts: of("counts").map(({ record: c }) => ({ what: c.what, value: c.value })),
  };
  void v;
}
