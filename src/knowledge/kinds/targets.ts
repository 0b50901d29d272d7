import { provinceName, provinces, provinceShort } from "../provinces.js";
import type { Target } from "../schema.js";
import { num, qualified } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(t: Target, c: RenderCtx): string {
  return c.t("target-line", {
    indicator: t.indicator,
    province: provinceName(t.province),
    value: qualified(c, t.comparator, `${num(c, t.value)} ${t.unit}`),
    horizon: t.horizon,
  });
}

/** Roots of the words that name a target. */
const TARGET_ROOTS = ["target", "sasar", "bidik"];

/** Words of province names, which say where a target is, not which one. */
const PLACE_WORDS = new Set(provinces.flatMap((p) => [p.short, ...p.name.split(" "), ...p.aliases.flatMap((a) => a.split(" "))].map((w) => w.toLowerCase())));

/** Targets: an indicator a province aims to reach, with a horizon. */
export const targets: KindDef<Target> = {
  collection: "targets",
  code: "tg",
  name: "target",
  words: ["target", "sasaran", "ditargetkan", "menargetkan", "targetkan", "capaian target", "goal", "aim", "aims"],
  // An event's target is named by its event ("target misi dagang Jatim–Banten"), not by its indicator ("transaksi").
  names: (t) => (t.eventId ? [] : [t.indicator]),
  refs: (t, kb) => {
    const out = [`p:${t.province}`, `at:${t.province}`, `ind:${t.indicator.toLowerCase()}`];
    const ev = t.eventId ? kb.get("events", t.eventId) : undefined;
    if (ev) out.push(`e:${ev.id}`, `k:${ev.kind}`, ...ev.provinces.map((p) => `p:${p}`));
    return out;
  },
  texts: (t) => [t.indicator, t.horizon],
  // The year it was set, and the years its horizon names ("pada tahun 2027").
  years: (t) => [Number(t.validAsOf.slice(0, 4)), ...(t.horizon.match(/\b(?:19|20)\d\d\b/g) ?? []).map(Number)],
  // "target" names the kind; among the facts of an event, the target is what it asks for.
  // Of several targets, the one whose indicator holds the question's words ("target perdagangan").
  prefer: (t, roots) => {
    let score = TARGET_ROOTS.some((r) => roots.has(r)) ? 2 : 0;
    const words = t.indicator.toLowerCase().split(/[^\p{L}]+/u);
    for (const r of roots) if (r.length >= 5 && !PLACE_WORDS.has(r) && !TARGET_ROOTS.includes(r) && words.some((w) => w.includes(r))) score += 0.5;
    return score;
  },
  date: (t) => t.validAsOf,
  // A target is about the future and about change: "tahun depan", "naik berapa persen".
  modifiers: {
    upcoming: () => true,
    change: () => true,
  },
  attrs: {
    amount: line,
    count: line,
    duration: line,
    share: line,
    horizon: line,
    period: line,
    since: line,
    term: line,
    when: line,
  },
  summary: line,
  subject: (t) => `${t.indicator} ${provinceShort(t.province)}`,
  suggest: ["amount"],
  exampleRank: 6,
  label: (t) => `${t.indicator} ${provinceName(t.province)}`,
  source: (t) => ({ sourceId: t.sourceId, validAsOf: t.validAsOf }),
  dependsOn: (t) => (t.eventId ? [`events/${t.eventId}`] : []),
};
