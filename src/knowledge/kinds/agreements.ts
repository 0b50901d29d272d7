import { formatDate } from "../format.js";
import { provinceName } from "../provinces.js";
import type { Agreement } from "../schema.js";
import { cityKey, list, officialNames, orgName, orgRefs } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function parties(a: Agreement, c: RenderCtx): string {
  const names = a.parties.map((p) => orgName(c.kb, p));
  // A signing between provinces, or between groups of both provinces ("OPD", "BUMD").
  if (a.provinces?.length && a.parties.length < 2) names.push(...a.provinces.map(provinceName));
  return list(c, names);
}

function eventOf(a: Agreement, c: RenderCtx) {
  return a.eventId ? c.kb.get("events", a.eventId) : undefined;
}

function line(a: Agreement, c: RenderCtx): string {
  const ev = eventOf(a, c);
  const kind = c.t(`admin-choice-${a.kind}`);
  let text = c.t("agreement-line", {
    title: a.title,
    kind: a.count && a.count > 1 ? `${a.count} ${kind}` : kind,
    parties: parties(a, c),
    date: formatDate(a.date, c.lang),
    event: ev ? `${ev.title}, ${ev.venue}, ${ev.city}` : "none",
  });
  if (a.purpose) text += ` ${c.t("agreement-purpose", { purpose: a.purpose })}`;
  if (a.signatories.length) text += ` ${c.t("ans-mou-signed-by", { people: list(c, officialNames(c, a.signatories)) })}`;
  if (a.witnesses.length) text += ` ${c.t("mou-witness", { people: list(c, officialNames(c, a.witnesses)) })}`;
  return text;
}

/** Words (as stems) that name one kind of agreement. */
const KIND_WORDS: Partial<Record<Agreement["kind"], readonly string[]>> = {
  "nota-kesepahaman": ["mou", "nota", "paham", "memorandum"],
  "perjanjian-kerja-sama": ["pks"],
  loi: ["loi", "intent"],
};

/** Agreements: MoUs and cooperation agreements between organisations. */
export const agreements: KindDef<Agreement> = {
  collection: "agreements",
  code: "ag",
  name: "mou",
  words: [
    "mou", "nota kesepahaman", "nota", "kesepahaman", "perjanjian", "kesepakatan", "pks", "loi", "tandatangan", "penandatanganan", "ditandatangani",
    "agreement", "memorandum", "signing", "signed", "sign",
  ],
  sides: "o:",
  // "MoU" said of a signing with several agreements means the memorandum, "PKS" the cooperation agreement.
  prefer: (a, roots) => (KIND_WORDS[a.kind]?.some((w) => roots.has(w)) ? 2 : 0),
  self: (a) => [`a:${a.id}`],
  names: (a) => [a.title],
  refs: (a, kb) => {
    const out = [`k:penandatanganan-mou`, `ak:${a.kind}`];
    for (const p of a.parties) out.push(...orgRefs(kb.get("organisations", p)));
    for (const p of a.provinces ?? []) out.push(`p:${p}`);
    for (const f of [...a.signatories, ...a.witnesses]) out.push(`f:${f}`);
    const ev = a.eventId ? kb.get("events", a.eventId) : undefined;
    if (ev) out.push(`e:${ev.id}`, `k:${ev.kind}`, `at:${ev.province}`, cityKey(ev.city), ...ev.provinces.map((p) => `p:${p}`));
    return out;
  },
  texts: (a) => [a.title, a.purpose ?? ""],
  years: (a) => [Number(a.date.slice(0, 4))],
  date: (a) => a.date,
  attrs: {
    who: (a, c) => c.t("ans-mou-parties", { title: a.title, parties: parties(a, c) }),
    parties: (a, c) => c.t("ans-mou-parties", { title: a.title, parties: parties(a, c) }),
    signatories: (a, c) => (a.signatories.length ? c.t("ans-mou-signed-by-full", { title: a.title, people: list(c, officialNames(c, a.signatories)) }) : null),
    witnesses: (a, c) => (a.witnesses.length ? c.t("ans-mou-witnesses", { title: a.title, people: list(c, officialNames(c, a.witnesses)) }) : null),
    participants: (a, c) => (a.signatories.length || a.witnesses.length ? line(a, c) : null),
    title: (a) => a.title,
    purpose: (a, c) => (a.purpose ? c.t("ans-mou-purpose", { title: a.title, purpose: a.purpose }) : null),
    goals: (a, c) => (a.purpose ? c.t("ans-mou-purpose", { title: a.title, purpose: a.purpose }) : null),
    count: (a, c) => (a.count ? c.t("ans-agreement-count", { title: a.title, count: a.count, kind: c.t(`admin-choice-${a.kind}`) }) : null),
    when: (a, c) => c.t("ans-mou-when", { title: a.title, date: formatDate(a.date, c.lang) }),
    where: (a, c) => {
      const ev = eventOf(a, c);
      return ev ? c.t("ans-mou-where", { title: a.title, event: ev.title, venue: ev.venue, city: ev.city }) : null;
    },
    venue: (a, c) => {
      const ev = eventOf(a, c);
      return ev ? c.t("ans-mou-where", { title: a.title, event: ev.title, venue: ev.venue, city: ev.city }) : null;
    },
    city: (a, c) => {
      const ev = eventOf(a, c);
      return ev ? c.t("ans-mou-where", { title: a.title, event: ev.title, venue: ev.venue, city: ev.city }) : null;
    },
  },
  summary: line,
  subject: (a, c) => `${a.kind === "loi" ? "LoI" : a.kind === "perjanjian-kerja-sama" ? "PKS" : "MoU"} ${list(c, [...a.parties.map((p) => c.kb.get("organisations", p)?.short ?? c.kb.get("organisations", p)?.name ?? p), ...(a.parties.length < 2 ? (a.provinces ?? []).map((p) => provinceName(p)) : [])])}`,
  suggest: ["who", "purpose", "when"],
  exampleRank: 5,
  label: (a) => a.title,
  source: (a) => ({ sourceId: a.sourceId, validAsOf: a.validAsOf }),
  dependsOn: (a) => [...a.parties.map((p) => `organisations/${p}`), ...(a.eventId ? [`events/${a.eventId}`] : [])],
};
