import { provinceName, provinceShort } from "../provinces.js";
import type { Commodity } from "../schema.js";
import { list } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(m: Commodity, c: RenderCtx): string {
  return c.t("commodity-line", { province: provinceName(m.province), sector: m.sector, items: list(c, m.items), note: m.note ?? "" }).trim();
}

/** Commodities: what a province produces and where it is marketed. */
export const commodities: KindDef<Commodity> = {
  collection: "commodities",
  code: "km",
  name: "komoditas",
  words: ["komoditas", "komoditi", "produk", "unggulan", "andalan", "hasil", "commodity", "commodities", "product", "products", "flagship"],
  textProvinces: false,
  // "udang windu" is also asked as "udang"; "ikan bandeng" as "bandeng".
  names: (m) => [...m.items, m.sector],
  nameParts: "all",
  refs: (m) => [`p:${m.province}`, `at:${m.province}`, ...m.targetMarkets.map((p) => `to:${p}`), `sec:${m.sector.toLowerCase()}`],
  texts: (m) => [m.origin ?? "", m.note ?? ""],
  years: (m) => [Number(m.validAsOf.slice(0, 4))],
  date: (m) => m.validAsOf,
  attrs: {
    items: line,
    sector: line,
    origin: (m, c) => (m.origin ? c.t("ans-commodity-origin", { items: list(c, m.items), origin: m.origin }) : null),
    market: (m, c) =>
      m.targetMarkets.length ? c.t("ans-commodity-market", { items: list(c, m.items), markets: list(c, m.targetMarkets.map(provinceName)) }) : null,
    where: (m, c) => (m.origin ? c.t("ans-commodity-origin", { items: list(c, m.items), origin: m.origin }) : null),
  },
  summary: line,
  subject: (m) => provinceShort(m.province),
  suggest: ["items"],
  label: (m, c) => `${provinceName(m.province)}: ${list(c, m.items)}`,
  source: (m) => ({ sourceId: m.sourceId, validAsOf: m.validAsOf }),
};
