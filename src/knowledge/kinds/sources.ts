import { formatShortDate } from "../format.js";
import type { Source } from "../schema.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(s: Source, c: RenderCtx): string {
  return c.t("source-line", { title: s.title, publisher: s.publisher, author: s.author ? ` (${s.author})` : "", date: formatShortDate(s.date, c.lang) });
}

/** Sources: the press releases and documents every fact comes from. */
export const sources: KindDef<Source> = {
  collection: "sources",
  code: "sr",
  name: "sumber",
  words: ["sumber", "rilis", "siaran pers", "berita", "referensi", "source", "press release", "news", "article"],
  self: (s) => [`s:${s.id}`],
  names: (s) => [s.author ?? ""],
  refs: () => [],
  texts: (s) => [s.title],
  years: (s) => [Number(s.date.slice(0, 4))],
  date: (s) => s.date,
  attrs: {
    author: (s, c) => (s.author ? c.t("ans-source-author", { title: s.title, author: s.author }) : null),
    when: line,
    source: line,
  },
  summary: line,
  label: (s) => s.title,
  source: (s) => ({ sourceId: s.id }),
};
