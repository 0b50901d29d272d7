import { province } from "../provinces.js";
import type { Ranking } from "../schema.js";
import { pairName, periodText, periodYears } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function rankText(r: Ranking, c: RenderCtx): string {
  const pair = pairName(r.provinces);
  if (r.period.kind === "range" && r.position === 1) {
    return c.t("coop-rank", { pair, from: r.period.from, to: r.period.to, position: r.position, among: r.among });
  }
  return c.t("ans-rank", { pair, position: r.position, measure: r.measure, among: r.among, period: periodText(c, r.period) });
}

/** Whether a text names a province (by its name, short name or an alias). */
function names(text: string, code: string): boolean {
  const p = province(code);
  if (!p) return false;
  const lower = ` ${text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, " ")} `;
  return [p.name, p.short, ...p.aliases].some((n) => lower.includes(` ${n.toLowerCase()} `));
}

/** Rankings: where a pair of provinces stands on a measure in a period. */
export const rankings: KindDef<Ranking> = {
  collection: "rankings",
  code: "rk",
  name: "peringkat",
  words: ["peringkat", "urutan", "ranking", "rank", "mitra terbesar"],
  topics: ["mitra", "kerjasama", "partner"],
  textProvinces: false,
  // Ranked among whose partners ("mitra ke-2 bagi Sumbar"): the province the `among` text names, else either.
  refs: (r) => {
    const owners = r.provinces.filter((p) => names(r.among, p));
    return [...r.provinces.map((p) => `p:${p}`), ...(owners.length ? owners : r.provinces).flatMap((p) => [`at:${p}`, `to:${p}`])];
  },
  texts: (r) => [r.measure, r.among],
  years: (r) => periodYears(r.period),
  // A rank holds for its whole period: "2022-2024" or "2024" alone for a one-year period, not one year of a span.
  fitsYears: (r, years) => {
    const own = periodYears(r.period);
    return own.length === 1 ? years.includes(own[0]!) : years.includes(own[0]!) && years.includes(own.at(-1)!);
  },
  date: (r) => r.validAsOf,
  modifiers: {
    highest: (r) => r.position === 1,
  },
  attrs: {
    rank: rankText,
    period: rankText,
    who: rankText,
    province: rankText,
    parties: rankText,
  },
  summary: rankText,
  subject: (r, c) => `${pairName(r.provinces)} ${periodText(c, r.period)}`,
  suggest: ["rank"],
  label: (r, c) => `${pairName(r.provinces)} ${periodText(c, r.period)}`,
  source: (r) => ({ sourceId: r.sourceId, validAsOf: r.validAsOf }),
};
