import type { Collection, Period } from "../knowledge/schema.js";
import { provinceShort } from "../knowledge/provinces.js";
import type { KRecord } from "../knowledge/store.js";
import { formatRupiah, formatShortDate } from "../knowledge/format.js";
import { hasMessage, type Translate } from "../i18n/translate.js";

/** A short human name of a record: "Jatim–Kaltim 2024", an event's title, an acronym. */
export function recordLabel(collection: Collection, r: KRecord | null, t: Translate): string {
  if (!r) return "-";
  const pair = (codes: unknown) => (Array.isArray(codes) ? codes.map((c) => provinceShort(String(c))).join("–") : "");
  switch (collection) {
    case "cooperationValues":
    case "rankings":
      return `${pair(r.provinces)} ${periodLabel(r.period as Period, t)}`;
    case "events":
    case "agreements":
    case "sources":
      return String(r.title ?? r.id);
    case "organisations":
    case "officials":
      return String(r.name ?? r.id);
    case "commodities":
      return `${provinceShort(String(r.province))}: ${(r.items as string[] | undefined)?.join(", ") ?? ""}`;
    case "targets":
      return `${String(r.indicator)} ${provinceShort(String(r.province))}`;
    case "acronyms":
      return String(r.short ?? r.id);
    case "statements":
      return `${String(r.official)}: ${String(r.topic)}`;
    case "counts":
      return `${String(r.what ?? "")}: ${String(r.value ?? "")}`;
    default:
      return r.id;
  }
}

function periodLabel(p: Period | undefined, t: Translate): string {
  if (!p) return "";
  if (p.kind === "year") return String(p.year);
  if (p.kind === "range") return `${p.from}–${p.to}`;
  if (p.kind === "cumulative") return t("period-cumulative", { date: formatShortDate(p.asOf, "id") });
  if (p.kind === "event") return t("period-event", { date: formatShortDate(p.date, "id") });
  if (p.kind === "semester") return t("period-semester", { half: p.half, year: p.year });
  if (p.kind === "annual") return t("period-annual", { date: formatShortDate(p.from, "id") });
  return t("period-unstated");
}

/** How summaries name the records a field refers to: sources by id ("publisher, “title”"), officials under "official:<id>". */
export type RefNames = Record<string, string>;

/** Reference names of a base's sources (plus any added in a plan) and officials. */
export function refNames(sources: ReadonlyArray<{ id: string; publisher?: unknown; title?: unknown }>, officials: ReadonlyArray<{ id: string; name: string }> = []): RefNames {
  return Object.fromEntries([
    ...sources.map((s) => [s.id, `${String(s.publisher)}, “${String(s.title)}”`]),
    ...officials.map((o) => [`official:${o.id}`, o.name]),
  ]);
}

/** A field's value as shown in summaries: money as "Rp120 miliar", provinces as short names, dates in words. */
export function showValue(key: string, value: unknown, t: Translate, names: RefNames = {}): string {
  if (value === undefined || value === null || (Array.isArray(value) && value.length === 0) || value === "") return "—";
  switch (key) {
    case "sourceId":
      return names[String(value)] ?? String(value);
    case "official":
      return names[`official:${String(value)}`] ?? String(value);
    case "amount":
      return typeof value === "number" ? formatRupiah(value, "id") : String(value);
    case "seller":
    case "buyer":
      return provinceShort(String(value));
    case "provinces":
    case "targetMarkets":
      return Array.isArray(value) ? value.map((c) => provinceShort(String(c))).join(", ") : String(value);
    case "province":
      return provinceShort(String(value));
    case "period":
      return periodLabel(value as Period, t);
    case "date":
    case "validAsOf":
      return typeof value === "string" && /^\d{4}-\d{2}-\d{2}$/.test(value) ? formatShortDate(value, "id") : String(value);
    case "kind":
    case "role":
    case "qualifier":
    case "comparator":
    case "status":
    case "direction":
      return t(`admin-choice-${String(value)}`);
    case "quoted":
      return t(value === true || value === "yes" ? "admin-choice-yes" : "admin-choice-no");
    default:
      if (Array.isArray(value)) return value.map(String).join(", ");
      if (typeof value === "object") return JSON.stringify(value);
      return String(value);
  }
}

/** Fields that differ between two versions of a record, as "label: old → new" lines. */
export function diffLines(before: KRecord | null, after: KRecord | null, t: Translate, names: RefNames = {}): string[] {
  const keys = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])].filter((k) => k !== "id");
  const lines: string[] = [];
  for (const k of keys) {
    const a = before?.[k];
    const b = after?.[k];
    if (JSON.stringify(a ?? null) === JSON.stringify(b ?? null)) continue;
    const label = fieldLabel(k, t);
    if (!before) lines.push(`• ${label}: ${showValue(k, b, t, names)}`);
    else if (!after) lines.push(`• ${label}: ${showValue(k, a, t, names)}`);
    else lines.push(`• ${label}: ${showValue(k, a, t, names)} → ${showValue(k, b, t, names)}`);
  }
  return lines;
}

/** The label of a field ("Jumlah" for amount); falls back to the field name. */
export function fieldLabel(key: string, t: Translate): string {
  return hasMessage(`admin-label-${key}`) ? t(`admin-label-${key}`) : key;
}

