import { COLLECTIONS, type Collection, type Knowledge, type Period } from "../knowledge/schema.js";
import { provinceShort } from "../knowledge/provinces.js";
import type { KRecord } from "../knowledge/store.js";
import { uniqueId } from "./parse.js";

/** A kind of record an admin edits through the guided conversation: every collection but the sources (asked for with each record). */
export type Kind = Exclude<Collection, "sources">;

/** The kinds admins edit, in the order of the knowledge file (the order of the /admin menu). */
export const KINDS: readonly Kind[] = COLLECTIONS.filter((c): c is Kind => c !== "sources");

/** True when `s` names a kind admins edit (e.g. the kind in a button or a flow's argument). */
export function isKind(s: string): s is Kind {
  return (KINDS as readonly string[]).includes(s);
}

/** Kinds whose records carry `validAsOf` (set to the source's date). */
const HAS_VALID_AS_OF = new Set<Kind>(["cooperationValues", "rankings", "events", "agreements", "officials", "commodities", "targets", "counts"]);

/** Fields a new record starts with (schema defaults that are not asked). */
export function blankRecord(kind: Kind): KRecord {
  switch (kind) {
    case "events":
      return { id: "", provinces: [], organisers: [], goals: [], participants: [], agenda: [], timezone: "Asia/Jakarta" };
    case "organisations":
      return { id: "", aliases: [] };
    case "agreements":
      return { id: "", signatories: [], witnesses: [] };
    case "commodities":
      return { id: "", targetMarkets: [] };
    case "cooperationValues":
      return { id: "", qualifier: "exact" };
    case "counts":
      return { id: "", qualifier: "exact", provinces: [] };
    default:
      return { id: "" };
  }
}

/** Sets the source (and `validAsOf` = the source's date, where the kind has it). */
export function setSource(kind: Kind, draft: KRecord, source: { id: string; date: string }): void {
  draft.sourceId = source.id;
  if (HAS_VALID_AS_OF.has(kind)) draft.validAsOf = source.date;
}

/** The base of a new record's id, from its content. */
export function idBase(kind: Kind, r: KRecord): string {
  const p = (codes: unknown) => (Array.isArray(codes) ? codes.map((c) => provinceShort(String(c))).join("-") : "");
  switch (kind) {
    case "cooperationValues":
    case "rankings": {
      const period = r.period as Period | undefined;
      const when = !period ? "" : period.kind === "year" ? String(period.year) : period.kind === "range" ? `${period.from}-${period.to}` : period.kind === "cumulative" ? `kumulatif-${period.asOf}` : period.kind === "event" ? period.date : period.kind === "semester" ? `${period.year}-s${period.half}` : period.kind;
      return `${kind === "rankings" ? "peringkat" : "kv"}-${p(r.provinces)}-${when}`;
    }
    case "statements":
      return `pernyataan-${String(r.official ?? "")}-${String(r.topic ?? "")}`;
    case "events":
      return `${String(r.title ?? "acara")}-${String(r.date ?? "").slice(0, 4)}`;
    case "organisations":
      return String(r.short ?? r.name ?? "organisasi");
    case "agreements":
      return `${String(r.kind ?? "mou")}-${String(r.date ?? "")}`;
    case "officials":
      return String(r.name ?? "pejabat");
    case "commodities":
      return `komoditas-${p([r.province])}-${String(r.sector ?? "")}`;
    case "targets":
      return `target-${String(r.indicator ?? "")}-${p([r.province])}`;
    case "acronyms":
      return String(r.short ?? "akronim");
    case "counts":
      return `jumlah-${String(r.what ?? "")}`;
  }
}

/** A new record id for `kind`, unique in the base. */
export function newId(kind: Kind, draft: KRecord, kb: Knowledge): string {
  return uniqueId(idBase(kind, draft), (kb[kind] as Array<{ id: string }>).map((r) => r.id));
}
