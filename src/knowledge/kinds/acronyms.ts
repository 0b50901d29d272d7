import type { Acronym } from "../schema.js";
import type { KindDef } from "./types.js";

/** Acronyms and abbreviations met in the sources. */
export const acronyms: KindDef<Acronym> = {
  collection: "acronyms",
  code: "ak",
  name: "singkatan",
  words: ["singkatan", "kepanjangan", "akronim", "abbreviation", "acronym"],
  self: (a) => [`ac:${a.short.toLowerCase()}`],
  names: (a) => [a.short],
  refs: () => [],
  years: () => [],
  date: () => "",
  attrs: {
    expansion: (a, c) => c.t("acronym-line", { short: a.short, long: a.long }),
    // "maksudnya apa", "artinya": what an abbreviation means is its full form.
    purpose: (a, c) => c.t("acronym-line", { short: a.short, long: a.long }),
    title: (a, c) => c.t("acronym-line", { short: a.short, long: a.long }),
  },
  summary: (a, c) => c.t("acronym-line", { short: a.short, long: a.long }),
  subject: (a) => a.short,
  suggest: ["expansion"],
  exampleRank: 7,
  label: (a) => a.short,
  source: (a) => ({ sourceId: a.sourceId }),
};
