import { formatShortDate } from "../format.js";
import type { CooperationValue } from "../schema.js";
import { money, num, pairName, periodText, periodYears, qualified } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function asOf(v: CooperationValue): string {
  return v.period.kind === "cumulative" ? v.period.asOf : v.validAsOf;
}

function amountText(v: CooperationValue, c: RenderCtx): string {
  const pair = pairName(v.provinces);
  const amount = money(c, v.amount, v.qualifier);
  if (v.period.kind === "year") return c.t("coop-year", { pair, year: v.period.year, amount });
  if (v.period.kind === "range") return c.t("ans-value-range", { pair, from: v.period.from, to: v.period.to, amount });
  return c.t("coop-cumulative", { pair, date: formatShortDate(v.period.asOf, c.lang), amount });
}

function shareText(v: CooperationValue, c: RenderCtx): string | null {
  if (v.sharePercent === undefined) return null;
  const share = qualified(c, v.shareQualifier, `${num(c, v.sharePercent)} ${c.lang === "id" ? "persen" : "percent"}`);
  return c.t("coop-share", { share, shareOf: v.shareOf ?? c.t("ans-share-of-total") });
}

function highestText(v: CooperationValue, c: RenderCtx): string | null {
  return v.highestOfPeriod ? c.t("coop-year-highest", { from: v.highestOfPeriod.from, to: v.highestOfPeriod.to }) : null;
}

function dataFromText(v: CooperationValue, c: RenderCtx): string | null {
  return v.dataFrom ? c.t("coop-data-from", { dataFrom: v.dataFrom }) : null;
}

const join = (...parts: Array<string | null>) => parts.filter(Boolean).join(" ");

/** Cooperation values: a pair of provinces, a period, an amount in rupiah. */
export const values: KindDef<CooperationValue> = {
  collection: "cooperationValues",
  code: "kv",
  name: "nilai",
  words: ["nilai", "nilai kerjasama", "transaksi", "perdagangan", "trade value", "value", "worth"],
  topics: ["kerjasama", "kemitraan", "mitra", "capaian", "cooperation", "partnership", "partner"],
  textProvinces: false,
  refs: (v) => v.provinces.flatMap((p) => [`p:${p}`, `at:${p}`, `to:${p}`]),
  texts: (v) => [v.dataFrom ?? "", v.note ?? "", v.shareOf ?? ""],
  years: (v) => periodYears(v.period),
  fitsYears: (v, years, mods) => {
    // "sampai 2025" / "kumulatif per 2025": a cumulative value as of that year. A year
    // alone asks for that year's value: the cumulative as of 2025 is not the 2025 value.
    if (v.period.kind === "cumulative") return (mods.has("cumulative") || mods.has("total")) && years.includes(Number(v.period.asOf.slice(0, 4)));
    if (v.period.kind === "range") return years.length >= 2 && years.includes(v.period.from) && years.includes(v.period.to);
    return years.includes(v.period.year) || (!!v.highestOfPeriod && mods.has("highest") && years.includes(v.highestOfPeriod.from) && years.includes(v.highestOfPeriod.to));
  },
  date: (v) => asOf(v),
  modifiers: {
    cumulative: (v) => v.period.kind === "cumulative",
    highest: (v) => !!v.highestOfPeriod,
  },
  attrs: {
    amount: (v, c) => join(amountText(v, c), highestText(v, c), dataFromText(v, c)),
    when: (v, c) => join(amountText(v, c), highestText(v, c)),
    share: (v, c) => (v.sharePercent === undefined ? null : join(amountText(v, c), shareText(v, c))),
    period: (v, c) => join(amountText(v, c), highestText(v, c)),
    asOf: (v, c) => join(amountText(v, c), c.t("data-as-of", { date: formatShortDate(asOf(v), c.lang) })),
    dataFrom: (v, c) => (v.dataFrom ? join(amountText(v, c), dataFromText(v, c)) : null),
    source: (v, c) => (v.dataFrom ? join(amountText(v, c), dataFromText(v, c)) : amountText(v, c)),
    origin: (v, c) => (v.dataFrom ? join(amountText(v, c), dataFromText(v, c)) : null),
  },
  summary: (v, c) => join(amountText(v, c), highestText(v, c), shareText(v, c), dataFromText(v, c)),
  subject: (v, c) => c.t("ans-value-subject", { pair: pairName(v.provinces), period: v.period.kind === "year" ? c.t("period-year", { year: v.period.year }) : "" }).trim(),
  suggest: ["amount", "dataFrom", "share"],
  label: (v, c) => `${pairName(v.provinces)} ${periodText(c, v.period)}`,
  source: (v) => ({ sourceId: v.sourceId, validAsOf: v.validAsOf }),
};
