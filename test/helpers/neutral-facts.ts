import type { Facts, FigurePeriod } from "../../src/ingest/facts.js";
import { type NeutralFacts, shortOf } from "./release-score.js";

/** The neutral form of a figure's period ("misi", "2023", "per 2025-05-08" …). */
export function periodText(p: FigurePeriod): string | null {
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

const STATUS = { final: "final", sementara: "interim", sebelumnya: "earlier" } as const;

/** The extractor's facts in the development set's neutral format. */
export function neutralOfFacts(f: Facts): NeutralFacts {
  const org = (k?: string) => f.orgs.find((o) => o.key === k);
  const person = (k?: string) => f.people.find((p) => p.key === k);
  return {
    source: { title: f.source.title || null, publisher: f.source.publisher ?? null, author: f.source.author ?? null, date: f.source.date ?? null },
    events: f.events.map((e) => ({ kind: e.kind, date: e.date, time: e.time ?? null, endTime: e.endTime ?? null, zone: e.zone ?? null, venue: e.venue, address: e.address ?? null, city: e.city, provinces: e.provinces.map(shortOf) })),
    figures: f.figures.map((x) => ({
      amount: x.amount, measure: x.period.kind === "cumulative" ? "kumulatif" : x.measure === "kerja-sama" ? "transaksi" : x.measure === "surplus" ? "lainnya" : x.measure,
      qualifier: x.qualifier, period: periodText(x.period), provinces: x.provinces.map(shortOf), seller: shortOf(x.seller), buyer: shortOf(x.buyer), status: STATUS[x.status],
    })),
    officials: f.people.filter((p) => !p.speakerOnly).map((p) => ({ name: p.name, role: p.role, roleText: p.roleText ?? null, province: shortOf(p.province), organisation: org(p.org)?.short ?? org(p.org)?.name ?? null, representing: person(p.represents)?.name ?? null })),
    organisations: f.orgs.map((o) => ({ name: o.name, short: o.short ?? null })),
    agreements: f.agreements.map((a) => ({ kind: a.kind === "nota-kesepahaman" ? "mou" : a.kind === "perjanjian-kerja-sama" ? "pks" : "loi", parties: [...a.parties.map((k) => org(k)?.short ?? org(k)?.name ?? k), ...a.partyTexts], topic: a.topic ?? null, count: a.count ?? null })),
    commodities: f.commodities.map((c) => ({ items: c.items, province: shortOf(c.province), direction: c.direction })),
    targets: f.targets.map((t) => ({ province: shortOf(t.province), indicator: t.indicator, value: t.value, unit: t.unit, horizon: t.horizon ?? null })),
    statements: f.statements.map((s) => ({ speaker: person(s.speaker)?.name ?? s.speaker, quoted: s.quoted, excerpt: s.text })),
    counts: f.counts.map((c) => ({ what: c.what, value: c.value })),
  };
}
