import { formatNumber, formatRupiah, formatShortDate, joinList } from "../format.js";
import { provinceName, provinceShort } from "../provinces.js";
import type { Official, Organisation, Period } from "../schema.js";
import type { KbView, RenderCtx } from "./types.js";

/** "Jatim–Kaltim" for a list of province codes. */
export function pairName(codes: readonly string[]): string {
  return codes.map(provinceShort).join("–");
}

/** "lebih dari Rp400 miliar": a value with its qualifier. */
export function qualified(c: RenderCtx, q: string | undefined, value: string): string {
  return c.t(`qualifier-${q ?? "exact"}`, { value });
}

/** An amount of rupiah with its qualifier. */
export function money(c: RenderCtx, amount: number, q?: string): string {
  return qualified(c, q, formatRupiah(amount, c.lang));
}

/** "tahun 2023", "2022–2024", "kumulatif per 8 Mei 2025". */
export function periodText(c: RenderCtx, p: Period): string {
  if (p.kind === "year") return c.t("period-year", { year: p.year });
  if (p.kind === "range") return c.t("period-range", { from: p.from, to: p.to });
  return c.t("period-cumulative", { date: formatShortDate(p.asOf, c.lang) });
}

/** Years a period covers. */
export function periodYears(p: Period): number[] {
  if (p.kind === "year") return [p.year];
  if (p.kind === "range") {
    const out: number[] = [];
    for (let y = p.from; y <= p.to && out.length < 200; y++) out.push(y);
    return out;
  }
  return [Number(p.asOf.slice(0, 4))];
}

/** "Universitas Mulawarman (Unmul)", or the id when the organisation is gone. */
export function orgName(kb: KbView, id: string): string {
  const o = kb.get("organisations", id);
  if (!o) return id;
  return o.short && o.short !== o.name ? `${o.name} (${o.short})` : o.name;
}

/** Where an official serves: the province's name, or the organisation's. */
export function placeOf(kb: KbView, o: Official): string {
  if (o.province) return provinceName(o.province);
  return o.organisation ? orgName(kb, o.organisation) : "";
}

/** The localized name of a role ("Rektor", "Wakil Gubernur"). */
export function roleName(c: RenderCtx, role: string): string {
  return c.t(`role-${role}`);
}

/** "Abdunnur (Rektor Universitas Mulawarman (Unmul))" for official ids. */
export function officialNames(c: RenderCtx, ids: readonly string[]): string[] {
  const out: string[] = [];
  for (const id of ids) {
    const o = c.kb.get("officials", id);
    if (o) out.push(`${o.name} (${roleName(c, o.role)} ${placeOf(c.kb, o)})`);
  }
  return out;
}

/** A list in the reply's language. */
export function list(c: RenderCtx, items: readonly string[]): string {
  return joinList(items, c.lang);
}

/** A decimal number in the reply's language. */
export function num(c: RenderCtx, n: number): string {
  return formatNumber(n, c.lang);
}

/** Provinces an organisation is in, as reference keys (a regional government counts as its province). */
export function orgRefs(o: Organisation | undefined): string[] {
  if (!o) return [];
  const out = [`o:${o.id}`];
  if (o.province) out.push(`p:${o.province}`);
  return out;
}

/** Lower-cased city name as a reference key. */
export function cityKey(city: string): string {
  return `c:${city.trim().toLowerCase()}`;
}

/** The first sentence-sized piece of a text, for labels. */
export function shortText(s: string, max = 60): string {
  return s.length <= max ? s : `${s.slice(0, max - 1).trimEnd()}…`;
}
