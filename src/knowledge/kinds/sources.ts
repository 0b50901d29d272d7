import type { Lang, Translate } from "../../i18n/translate.js";
import { formatShortDate } from "../format.js";
import type { Source } from "../schema.js";
import type { KindDef, RenderCtx } from "./types.js";

const line = (s: Source, c: RenderCtx) => sourceLine(s, c.t, c.lang);

/** Sources: the press releases and documents every fact comes from. */
export const sources: KindDef<Source> = {
  collection: "sources",
  code: "sr",
  name: "sumber",
  words: ["sumber", "rilis", "siaran pers", "berita", "referensi", "source", "press release", "news", "article"],
  self: (s) => [`s:${s.id}`],
  names: (s) => [s.author ?? ""],
  // A source is about what its records are about: provinces, events, kinds.
  refs: (s, kb) => {
    // The events' places and kinds, the provinces of its values, the parties of its agreements.
    const out = new Set<string>();
    const inherit = { events: /^(p|at|e|k):/, cooperationValues: /^p:/, agreements: /^(a|o):/ } as const;
    for (const [collection, keep] of Object.entries(inherit) as Array<[keyof typeof inherit, RegExp]>) {
      for (const r of kb.referring(collection, `sources/${s.id}`).slice(0, 300)) {
        for (const k of kb.refsOf(`${collection}/${r.id}`).keys()) if (keep.test(k)) out.add(k);
      }
    }
    return [...out];
  },
  texts: (s) => [s.title],
  years: (s) => [Number(s.date.slice(0, 4))],
  date: (s) => s.date,
  attrs: {
    author: (s, c) => (s.author ? c.t("ans-source-author", { title: s.title, author: s.author }) : null),
    when: line,
    source: line,
    title: line,
    // "siaran persnya dirilis siapa?": the publisher.
    dataFrom: line,
    who: line,
  },
  summary: line,
  label: (s) => s.title,
  source: (s) => ({ sourceId: s.id }),
};

/**
 * The line citing a source under a fact ("Sumber: <title>, <publisher>
 * (<author>), <date>"), in answers and on event cards alike.
 */
export function sourceLine(s: Pick<Source, "title" | "publisher" | "author" | "date">, t: Translate, lang: Lang): string {
  return t("source-line", { title: s.title, publisher: s.publisher, author: s.author ? ` (${s.author})` : "", date: formatShortDate(s.date, lang) });
}
