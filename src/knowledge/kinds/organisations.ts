import { provinceName } from "../provinces.js";
import type { Organisation } from "../schema.js";
import { cityKey, list, officialNames, orgName } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

/** Legal forms and generic heads that names are often typed without ("PT", "(Perseroda)", "Tbk"). */
const LEGAL = /\b(pt|cv|tbk|persero|perseroda|perum|\(persero\)|\(perseroda\))\b|[()]/gi;

/**
 * How people shorten a company's name: without its legal form ("Sarana Niaga Jateng"), and its
 * first words ("Sarana Niaga") when they are a name of their own rather than a generic word.
 */
function shortForms(name: string): string[] {
  const bare = name.replace(LEGAL, " ").replace(/\s+/g, " ").trim();
  if (!bare || bare.toLowerCase() === name.toLowerCase()) return [];
  const words = bare.split(" ");
  const out = [bare];
  if (words.length >= 3) out.push(words.slice(0, 2).join(" "));
  return out;
}

/** An agency acronym without its "Dis-" ("Disperindag Jatim" → "perindag Jatim"): how "kadis perindag" names the agency. */
function agencyField(o: Organisation): string[] {
  const m = o.kind === "dinas" ? /^dis(\p{L}{4,})(\s.*)?$/iu.exec(o.short ?? "") : null;
  return m ? [`${m[1]}${m[2] ?? ""}`] : [];
}

function where(o: Organisation, c: RenderCtx): string {
  return [o.city, o.province ? provinceName(o.province) : ""].filter(Boolean).join(", ");
}

/** Organisations: regional governments, universities, state companies, agencies, companies. */
export const organisations: KindDef<Organisation> = {
  collection: "organisations",
  code: "or",
  name: "organisasi",
  words: ["organisasi", "lembaga", "instansi", "perusahaan", "kampus", "universitas", "perguruan tinggi", "badan", "organisation", "organization", "institution", "company", "university", "campus"],
  self: (o) => [`o:${o.id}`],
  names: (o) => [o.name, o.short ?? "", ...o.aliases, ...shortForms(o.name), ...shortForms(o.short ?? ""), ...agencyField(o)],
  nameParts: "first",
  refs: (o, kb) => {
    const out: string[] = [];
    if (o.province) out.push(`p:${o.province}`, `at:${o.province}`);
    if (o.city) out.push(cityKey(o.city));
    out.push(`ok:${o.kind}`);
    for (const f of kb.referring("officials", `organisations/${o.id}`)) out.push(`f:${f.id}`);
    return out;
  },
  years: () => [],
  date: () => "",
  attrs: {
    // Organisations have addresses; the sources give none yet, so the question is refused for the organisation itself.
    address: () => null,
    city: (o, c) => (o.city ? c.t("ans-org-city", { name: orgName(c.kb, o.id), place: where(o, c) }) : null),
    where: (o, c) => (o.city || o.province ? c.t("ans-org-city", { name: orgName(c.kb, o.id), place: where(o, c) }) : null),
    province: (o, c) => (o.province ? c.t("ans-org-city", { name: orgName(c.kb, o.id), place: where(o, c) }) : null),
    expansion: (o, c) => (o.short ? c.t("acronym-line", { short: o.short, long: o.name }) : null),
    title: (o, c) => (o.short ? c.t("acronym-line", { short: o.short, long: o.name }) : o.name),
    who: (o, c) => {
      const people = c.kb.referring("officials", `organisations/${o.id}`);
      return people.length ? c.t("ans-org-people", { name: orgName(c.kb, o.id), people: list(c, officialNames(c, people.map((p) => p.id))) }) : null;
    },
  },
  summary: (o, c) => c.t("ans-org-summary", { name: orgName(c.kb, o.id), kind: c.t(`admin-choice-${o.kind}`), place: where(o, c) || "none" }),
  subject: (o) => o.short ?? o.name,
  suggest: ["city"],
  label: (o, c) => orgName(c.kb, o.id),
  source: (o) => ({ sourceId: o.sourceId }),
};
