import { createRequire } from "node:module";
import type { Lang } from "../i18n/translate.js";

const stopwords = createRequire(import.meta.url)("stopwords-iso") as Record<"id" | "en", string[]>;
const ID_STOP = new Set(stopwords.id);
/** The English list holds two-letter abbreviations ("pt", "mc") that mark no language. */
const EN_STOP = new Set(stopwords.en.filter((w) => w.length > 2 || "a an as at be by do go he if in is it me my no of on or so to up us we".split(" ").includes(w)));

/** English words of the domain that are not stopwords. */
const EN_DOMAIN = new Set(
  `value worth cooperation partnership event events visit trade mission signed sign governor vice deputy rector commodities
  commodity target growth source hello hi hey thanks thank help subscribe unsubscribe stop venue attended purpose agreement
  benefits benefit province provinces east java kalimantan central west north south city hotel university company official
  officials said say says leading product products economy economic cumulative total share percentage percent billion
  trillion million rupiah held hold took place date time address location street nickname called known stands abbreviation
  author press release news data agency published`.split(/\s+/),
);
/** Indonesian words of the domain and chat that are not in the stopword list. */
const ID_DOMAIN = new Set(
  `nilai kerjasama tahun kapan dimana berapa siapa acara kegiatan misi dagang gubernur wakil rektor komoditas target
  pertumbuhan sumber rilis provinsi kota hotel alamat jalan tanggal jam pukul pejabat nota kesepahaman perjanjian
  brp thn kpn dmn yg sm gmn min sih dong ya kak gan apa itu ini dan di ke dari yang dengan`.split(/\s+/),
);

/**
 * "en" when the words as typed are mostly English and none is unmistakably
 * Indonesian-only; one English word among Indonesian ones ("stop langganan")
 * is a loanword.
 */
export function detectLang(words: readonly string[]): Lang {
  let en = 0;
  let id = 0;
  let counted = 0;
  for (const w of words) {
    if (/\d/.test(w)) continue;
    counted++;
    const isEn = EN_DOMAIN.has(w) || (EN_STOP.has(w) && !ID_STOP.has(w));
    const isId = ID_DOMAIN.has(w) || (ID_STOP.has(w) && !EN_STOP.has(w));
    if (isEn && !isId) en++;
    else if (isId && !isEn) id++;
  }
  if (en === 0 || id * 2 > en) return "id";
  if (en === 1 && counted > 1 && id > 0) return "id";
  return en >= id * 2 && (en >= 2 || counted === 1) ? "en" : "id";
}
