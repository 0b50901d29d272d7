import { provinceName, provinceShort } from "../provinces.js";
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
  prefer: (_t, roots) => (roots.has("target") || roots.has("sasar") || roots.has("bidik") ? 2 : 0),
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
  label: (t) => `${t.indicator} ${provinceName(t.province)}`,
  source: (t) => ({ sourceId: t.sourceId, validAsOf: t.validAsOf }),
  dependsOn: (t) => (t.eventId ? [`events/${t.eventId}`] : []),
};
