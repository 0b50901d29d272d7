import { provinceName, provinceShort } from "../provinces.js";
import type { Commodity } from "../schema.js";
import { list } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(m: Commodity, c: RenderCtx): string {
  if (m.direction || !m.sector) {
    const markets = m.targetMarkets.length ? list(c, m.targetMarkets.map(provinceName)) : "";
    return c.t(`commodity-${m.direction ?? "unggulan"}`, { province: provinceName(m.province), items: list(c, m.items), markets: markets || "none", note: m.note ?? "" }).trim();
  }
  return c.t("commodity-line", { province: provinceName(m.province), sector: m.sector, items: list(c, m.items), note: m.note ?? "" }).trim();
}

/** Words by which questions ask for what a province sells, buys or invests in, by their roots. */
const DIRECTION_WORDS: Record<string, readonly string[]> = {
  jual: ["jual", "muat", "kirim", "pasok", "sell", "sold"],
  beli: ["beli", "borong", "bongkar", "buy", "bought"],
  investasi: ["investasi", "invest"],
  unggulan: ["unggul", "andal", "tawar", "flagship"],
};

/** Commodities: what a province produces and where it is marketed. */
export const commodities: KindDef<Commodity> = {
  collection: "commodities",
  code: "km",
  name: "komoditas",
  words: ["komoditas", "komoditi", "produk", "unggulan", "andalan", "hasil", "commodity", "commodities", "product", "products", "flagship"],
  textProvinces: false,
  // "udang windu" is also asked as "udang"; "ikan bandeng" as "bandeng".
  names: (m) => [...m.items, ...(m.sector ? [m.sector] : [])],
  nameParts: "all",
  refs: (m) => [`p:${m.province}`, `at:${m.province}`, ...m.targetMarkets.map((p) => `to:${p}`), ...(m.sector ? [`sec:${m.sector.toLowerCase()}`] : [])],
  texts: (m) => [m.origin ?? "", m.note ?? "", m.direction ? DIRECTION_WORDS[m.direction]![0]! : ""],
  prefer: (m, roots) => {
    const asked = Object.entries(DIRECTION_WORDS).filter(([, words]) => words.some((w) => roots.has(w))).map(([d]) => d);
    return asked.length && asked.includes(m.direction ?? "unggulan") ? 3 : 0;
  },
  years: (m) => [Number(m.validAsOf.slice(0, 4))],
  date: (m) => m.validAsOf,
  attrs: {
    items: line,
    sector: (m, c) => (m.sector ? line(m, c) : null),
    origin: (m, c) => (m.origin ? c.t("ans-commodity-origin", { items: list(c, m.items), origin: m.origin }) : null),
    market: (m, c) =>
      m.targetMarkets.length ? c.t("ans-commodity-market", { items: list(c, m.items), markets: list(c, m.targetMarkets.map(provinceName)) }) : null,
    where: (m, c) => (m.origin ? c.t("ans-commodity-origin", { items: list(c, m.items), origin: m.origin }) : null),
  },
  summary: line,
  subject: (m) => provinceShort(m.province),
  suggest: ["items"],
  exampleRank: 4,
  label: (m, c) => `${provinceName(m.province)}: ${list(c, m.items)}`,
  source: (m) => ({ sourceId: m.sourceId, validAsOf: m.validAsOf }),
};
