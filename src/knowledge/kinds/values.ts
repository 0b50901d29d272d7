import { formatDate, formatRupiah, formatShortDate } from "../format.js";
import { provinceShort } from "../provinces.js";
import type { CooperationValue } from "../schema.js";
import { money, num, pairName, periodDate, periodText, periodYears, qualified } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function asOf(v: CooperationValue): string {
  return periodDate(v.period) ?? v.validAsOf;
}

/** "Jatim–Banten", or "Jatim–Malaysia" for a partner that is not a province. */
function sidesName(v: CooperationValue): string {
  return v.counterpart ? `${pairName(v.provinces)}–${v.counterpart}` : pairName(v.provinces);
}

/** A value of the kind the first knowledge base held: the cooperation of a pair in a year, a span or cumulatively. */
function plain(v: CooperationValue): boolean {
  return (!v.measure || v.measure === "kerja-sama") && !v.status && (v.period.kind === "year" || v.period.kind === "range" || v.period.kind === "cumulative");
}

/** What a figure measures, in words: "Nilai penjualan Jatim ke Banten". */
function measureText(v: CooperationValue, c: RenderCtx): string {
  const measure = v.measure ?? "kerja-sama";
  const seller = v.seller ? provinceShort(v.seller) : "";
  const buyer = v.buyer ? provinceShort(v.buyer) : v.counterpart ?? "";
  if (measure === "penjualan" && seller) return c.t("value-measure-penjualan", { seller, buyer: buyer || sidesName(v) });
  if (measure === "pembelian" && buyer) return c.t("value-measure-pembelian", { buyer, seller: seller || sidesName(v) });
  return c.t(`value-measure-${measure}`, { pair: sidesName(v) });
}

function eventName(v: CooperationValue, c: RenderCtx): string | undefined {
  const ev = v.eventId ? c.kb.get("events", v.eventId) : undefined;
  return ev ? c.t("value-in-event", { title: ev.title, date: formatDate(ev.date, c.lang), city: ev.city }) : undefined;
}

function amountText(v: CooperationValue, c: RenderCtx): string {
  const pair = pairName(v.provinces);
  const amount = money(c, v.amount, v.qualifier);
  if (plain(v)) {
    if (v.period.kind === "year") return c.t("coop-year", { pair, year: v.period.year, amount });
    if (v.period.kind === "range") return c.t("ans-value-range", { pair, from: v.period.from, to: v.period.to, amount });
    if (v.period.kind === "cumulative") return c.t("coop-cumulative", { pair, date: formatShortDate(v.period.asOf, c.lang), amount });
  }
  const period = v.period.kind === "event" ? (eventName(v, c) ?? periodText(c, v.period)) : periodText(c, v.period);
  const status = v.status && v.status !== "final" ? ` ${c.t(`value-status-${v.status}`)}` : "";
  return c.t("value-line", { what: measureText(v, c), period, amount, status });
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

/** Words by which questions ask for one measure ("jual", "beli", "investasi"), by their roots. */
const MEASURE_WORDS: Record<string, readonly string[]> = {
  penjualan: ["jual", "muat", "kirim", "pasok", "sell", "sold", "sales"],
  pembelian: ["beli", "bongkar", "belanja", "borong", "buy", "bought", "purchase"],
  investasi: ["investasi", "invest", "investment"],
  perdagangan: ["perdagangan", "trade"],
  potensi: ["potensi", "potential"],
  surplus: ["surplus", "neraca", "defisit"],
  transaksi: ["transaksi", "transaction", "transactions", "misi"],
};

/** Measures that name cooperation in general: asked, they rule out no figure. */
const GENERAL_MEASURES = new Set(["kerja-sama", "perdagangan", "transaksi"]);

/** Cooperation values: provinces, a period, an amount in rupiah, and what the figure measures. */
export const values: KindDef<CooperationValue> = {
  collection: "cooperationValues",
  code: "kv",
  name: "nilai",
  words: ["nilai", "nilai kerjasama", "transaksi", "perdagangan", "trade value", "value", "worth"],
  topics: ["kerjasama", "kemitraan", "mitra", "capaian", "cooperation", "partnership", "partner"],
  textProvinces: false,
  refs: (v, kb) => {
    const out = v.provinces.flatMap((p) => [`p:${p}`, `at:${p}`, `to:${p}`]);
    if (v.buyer) out.push(`to:${v.buyer}`);
    const ev = v.eventId ? kb.get("events", v.eventId) : undefined;
    if (ev) out.push(`e:${ev.id}`, `k:${ev.kind}`, `at:${ev.province}`);
    // An earlier mission's figure is about a trade mission too.
    else if (v.status === "sebelumnya" && (v.measure === "transaksi" || !v.measure)) out.push("k:misi-dagang");
    return out;
  },
  texts: (v, kb) => {
    const ev = v.eventId ? kb.get("events", v.eventId) : undefined;
    // What the figure measures, in the words a question uses ("jual", "beli", "investasi"), as a sentence of its own.
    const sides = [v.seller ? `dari ${provinceShort(v.seller)}` : "", v.buyer ? `ke ${provinceShort(v.buyer)}` : ""].filter(Boolean).join(" ");
    const measure = v.measure && v.measure !== "kerja-sama" ? `Nilai ${v.measure} ${sides} ${formatRupiah(v.amount, "id")}`.replace(/\s+/g, " ") : "";
    return [v.dataFrom ?? "", v.note ?? "", v.shareOf ?? "", measure, ev?.title ?? "", v.counterpart ?? ""];
  },
  years: (v) => periodYears(v.period),
  fitsYears: (v, years, mods) => {
    // "sampai 2025" / "kumulatif per 2025": a cumulative value as of that year. A year
    // alone asks for that year's value: the cumulative as of 2025 is not the 2025 value.
    if (v.period.kind === "cumulative") return (mods.has("cumulative") || mods.has("total")) && years.includes(Number(v.period.asOf.slice(0, 4)));
    if (v.period.kind === "range") return years.length >= 2 && years.includes(v.period.from) && years.includes(v.period.to);
    if (v.period.kind !== "year") return periodYears(v.period).some((y) => years.includes(y));
    return years.includes(v.period.year) || (!!v.highestOfPeriod && mods.has("highest") && years.includes(v.highestOfPeriod.from) && years.includes(v.highestOfPeriod.to));
  },
  date: (v) => asOf(v),
  modifiers: {
    cumulative: (v) => v.period.kind === "cumulative",
    highest: (v) => !!v.highestOfPeriod,
    // "2023 dibanding 2022, naik?": the figures of the years compared are the answer.
    change: () => true,
    firstHalf: (v) => v.period.kind === "semester" && v.period.half === 1,
    secondHalf: (v) => v.period.kind === "semester" && v.period.half === 2,
  },
  // A measure of its own ("investasi", "penjualan") is not answered by a figure of another; the
  // value of a cooperation, its trade and a mission's transactions answer one another.
  rejects: (v, roots) => {
    const asked = Object.entries(MEASURE_WORDS).filter(([m, words]) => !GENERAL_MEASURES.has(m) && words.some((w) => roots.has(w))).map(([m]) => m);
    return asked.length > 0 && !asked.includes(v.measure ?? "kerja-sama");
  },
  prefer: (v, roots) => {
    // The measure the question names; the final figure over an interim one or an earlier mission's.
    let score = 0;
    const asked = Object.entries(MEASURE_WORDS).filter(([, words]) => words.some((w) => roots.has(w))).map(([m]) => m);
    const measure = v.measure ?? "kerja-sama";
    if (asked.length) score += asked.includes(measure) || (measure === "kerja-sama" && asked.includes("transaksi")) ? 2 : 0;
    else if (measure === "transaksi" || measure === "kerja-sama") score += 1;
    if (v.status === "sementara") score += roots.has("sementara") || roots.has("interim") ? 2 : -1;
    else if (v.status === "sebelumnya") score += roots.has("sebelum") || roots.has("belum") || roots.has("lalu") || roots.has("dulu") ? 2 : -0.5;
    return score;
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
  subject: (v, c) => c.t("ans-value-subject", { pair: sidesName(v), period: v.period.kind === "year" ? c.t("period-year", { year: v.period.year }) : "" }).trim(),
  suggest: ["amount", "dataFrom", "share"],
  exampleRank: 1,
  label: (v, c) => (plain(v) ? `${pairName(v.provinces)} ${periodText(c, v.period)}` : `${measureText(v, c)} ${periodText(c, v.period)}${v.status && v.status !== "final" ? ` ${c.t(`value-status-${v.status}`)}` : ""}`),
  source: (v) => ({ sourceId: v.sourceId, validAsOf: v.validAsOf }),
  dependsOn: (v) => (v.eventId ? [`events/${v.eventId}`] : []),
};
