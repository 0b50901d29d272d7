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

/** "tahun 2023", "2022–2024", "kumulatif per 8 Mei 2025", "8 Mei 2025", "semester 1 2022", "per tahun". */
export function periodText(c: RenderCtx, p: Period): string {
  switch (p.kind) {
    case "year":
      return c.t("period-year", { year: p.year });
    case "range":
      return c.t("period-range", { from: p.from, to: p.to });
    case "cumulative":
      return c.t("period-cumulative", { date: formatShortDate(p.asOf, c.lang) });
    case "event":
      return c.t("period-event", { date: formatShortDate(p.date, c.lang) });
    case "semester":
      return c.t("period-semester", { half: p.half, year: p.year });
    case "annual":
      return c.t("period-annual", { date: formatShortDate(p.from, c.lang) });
    default:
      return c.t("period-unstated");
  }
}

/** Years a period covers (none when the source gives no period). */
export function periodYears(p: Period): number[] {
  switch (p.kind) {
    case "year":
    case "semester":
      return [p.year];
    case "range": {
      const out: number[] = [];
      for (let y = p.from; y <= p.to && out.length < 200; y++) out.push(y);
      return out;
    }
    case "cumulative":
      return [Number(p.asOf.slice(0, 4))];
    case "event":
      return [Number(p.date.slice(0, 4))];
    case "annual":
      return [Number(p.from.slice(0, 4))];
    default:
      return [];
  }
}

/** The date a period's figure holds for, if it has one. */
export function periodDate(p: Period): string | undefined {
  return p.kind === "cumulative" ? p.asOf : p.kind === "event" ? p.date : p.kind === "annual" ? p.from : undefined;
}

/** "Universitas Mulawarman (Unmul)", or the id when the organisation is gone. */
export function orgName(kb: KbView, id: string): string {
  const o = kb.get("organisations", id);
  if (!o) return id;
  return o.short && o.short !== o.name ? `${o.name} (${o.short})` : o.name;
}

/** Where an official serves: the province's name, or the organisation's. */
export function placeOf(kb: KbView, o: Official): string {
  const org = o.organisation ? kb.get("organisations", o.organisation) : undefined;
  // A regency's or city's government is named by its place ("Bupati Sidoarjo"), any other organisation by its name.
  if (org?.kind === "pemerintah-daerah" && org.city) return org.city;
  if (org && org.kind !== "pemerintah-daerah") return orgName(kb, org.id);
  if (o.province) return provinceName(o.province);
  return org ? orgName(kb, org.id) : "";
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
    if (o) out.push(`${o.name} (${officeOf(c, o)})`);
  }
  return out;
}

/** An official's office: as the source wrote it, else the role and the place ("Rektor Universitas Mulawarman (Unmul)"). */
export function officeOf(c: RenderCtx, o: Official): string {
  if (o.office && c.lang === "id") return o.office;
  const role = roleName(c, o.role);
  const place = placeOf(c.kb, o);
  // "Kepala Dinas" at "Dinas Kelautan dan Perikanan ..." is "Kepala Dinas Kelautan dan Perikanan ...".
  const last = role.split(" ").at(-1)!;
  if (role.includes(" ") && place.split(" ")[0]?.toLowerCase() === last.toLowerCase()) return `${role.slice(0, -last.length)}${place}`;
  return `${role} ${place}`.trim();
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
