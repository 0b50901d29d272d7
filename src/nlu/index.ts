import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../paths.js";
import type { Knowledge } from "../knowledge/schema.js";
import { IntentClassifier, type Example, type IntentScore } from "./classifier.js";
import { EntityIndex, PLACEHOLDER, type EntityMatch, type EntityRef } from "./entities.js";
import { clean, tokenize, tokenizeClean } from "./normalize.js";
import { Vocabulary } from "./vocabulary.js";

export type Lang = "id" | "en";

const intentsSchema = z.object({
  intents: z.record(z.string(), z.object({ id: z.array(z.string()).min(1), en: z.array(z.string()).default([]) })),
});

/** Intent examples shipped in `data/intents.json`. */
export function loadIntentExamples(file = dataPath("intents.json")): Example[] {
  const parsed = intentsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
  return Object.entries(parsed.intents).flatMap(([intent, { id, en }]) => [...id, ...en].map((text) => ({ text, intent })));
}

/** Words that carry no topic but belong to questions; never "unknown". */
const FUNCTION_WORDS = `apa apakah siapa kapan dimana mana berapa bagaimana mengapa kenapa yang dan di ke dari pada untuk dengan
adalah ini itu ada tidak bukan sudah belum akan bisa saja juga atau antara oleh dalam sebagai tersebut kedua para
saya kamu kita kami mereka dia ia nya tahu mau ingin boleh tentang soal terkait berapakah sebut jelaskan beri berikan
info informasi data tanya pertanyaan jawab lagi sekarang kemarin besok hari ini tahun bulan minggu tanggal jam pukul
the a an of in on at to for and or is are was were be been do does did what who when where which how why much many
this that these those it its there any some with from about between by me my i you your we our can could would will
please tell show give know want get about than more most total value
sama bersama menurut kata antar antara secara sebagai seperti saat ketika waktu masih hanya cuma baru sudah pernah lalu
kalau jika apabila karena sebab maka agar supaya biar hingga sampai sejak selama semua seluruh setiap tiap banyak sedikit
lebih kurang paling sangat cukup benar betul iya oke ok baik sip siap halo hai pagi siang sore malam selamat mohon harap
dibanding dibandingkan banding terhadap versus vs sebelumnya sesudahnya setelahnya`;

/**
 * Topic words of the domain that the training examples may not all contain:
 * synonyms people use for values, events, people, statements, benefits and targets.
 */
const DOMAIN_WORDS = `asal berasal masuk pasar pemasaran naik tumbuh lama pasang capai dicapai tercapai antarprovinsi antardaerah
sapaan panggilan julukan rombongan delegasi hadir datang ikut bicara ucap sampaikan komentar tanggapan pendapat kutipan
untung manfaat guna dampak hasil harap peluang bantu mitra kemitraan kolaborasi transaksi dagang perdagangan investasi
nilai angka jumlah besar kecil tinggi tertinggi terbesar puncak rekor separuh setengah porsi kontribusi persentase sumbang
tanggal hari jam pukul kapan bulan lokasi tempat alamat kota hotel gedung venue digelar diadakan dilaksanakan berlangsung
acara kegiatan agenda jadwal daftar list semua tampilkan tercatat pernah diteken ditandatangani perjanjian kesepakatan
rektor gubernur wakil pejabat pimpinan pemimpin kepala jabatan menjabat nama lengkap asli siapa tokoh
produk komoditas unggulan andalan potensial perikanan pesisir sektor jual dijual dipasarkan ekonomi pertumbuhan target sasaran
singkatan kepanjangan arti artinya maksud istilah sumber rilis siaran pers berita penulis judul referensi
awal diawali dibuka pembukaan buka upacara seremoni penyambutan sambut menyambut musik alat tradisional pukul memukul pemukulan
melampaui lampaui tembus menembus mencapai capai akrab sapa disapa panggil dipanggil ungkap ungkapkan diungkapkan mengungkapkan
sampaikan disampaikan menyampaikan katakan dikatakan mengatakan nyatakan menyatakan tutur jelaskan menjelaskan rilis dirilis
collaboration percentage product products milkfish hold send fast afternoon new whos set sets aim aims achieve reach`;

const EN_MARKERS = new Set(
  `the of is are was were what who when where which how why much many does did do this that with about between
  value worth cooperation event visit trade mission signed governor vice rector commodities commodity target growth
  source come from tell me please thanks thank you hello hi help can i want subscribe stop mean stand for any there
  held take place venue attended purpose agreement benefits`.split(/\s+/),
);

/** Everyday Indonesian words (data/common-id.txt): protected from typo correction, not topic words. */
export const COMMON_WORDS: ReadonlySet<string> = new Set(
  readFileSync(dataPath("common-id.txt"), "utf8").split("\n").map((w) => w.trim()).filter(Boolean),
);

/** Frequent English words: mark a question as English and are left alone by the typo corrector. */
const EN_WORDS = new Set(
  `the of is are was were what who whos whats when where which how why much many does did do this that these those with about
  between value worth cooperation partnership event events visit trade mission signed sign governor vice deputy rector commodities
  commodity target growth source come from tell me please thanks thank you hello hi hey help can could would should will want
  subscribe unsubscribe stop mean stand for any there held hold take took place venue attended attend purpose agreement benefits benefit
  good morning afternoon evening night day date time year years month total percentage percent share largest biggest highest peak
  province provinces east java kalimantan central west north south city hotel university company officials official said say says
  leading product products economy economic grow aim aims short abbreviation author press release news list show all my your our
  their its it in on at to by and or not no yes be been being has have had an a so far until since new next last first upcoming
  whom whose during after before into onto over under than then also just only very more most less least some every each
  subscription cancel notify notifications updates announcements remind reminder example examples question questions ask use bot
  seafood fish shrimp prawn milkfish businesses business small people community jobs money billion million trillion rupiah delegation
  welcome welcomed came arrive arrived opened open happen happened discussed activities programme program agenda address location`.split(/\s+/).filter(Boolean),
);

/** Other everyday English words: they mark English and are kept from typo correction, but carry no topic of ours. */
const EN_GENERAL = new Set(
  `part took take taken join joined present there here out up down off again still already yet ever never always often
  get got give gave make made put see saw seen look find found think thought say told ask asked like need used go went gone
  one two three four five ten hundred thousand per cent rate amount number figure figures data info information details detail
  government regional local national country state people person man woman name names called known role position job title
  meeting forum expo exhibition signing ceremony drum played play opening closing speech statement quote comment view opinion
  market markets sell sold buy export import potential competitive fishery fisheries coastal sector sectors goods trade partner`.split(/\s+/).filter(Boolean),
);

/**
 * Words that say what kind of answer is wanted (a date, a place, a person's
 * words ...): they count more than topic words when choosing the intent, so that
 * "tanggal penandatanganan MoU" asks for a date, not for the MoU.
 */
const FOCUS_WEIGHTS: ReadonlyMap<string, number> = new Map(
  Object.entries({
    kapan: 2.5, tanggal: 2, when: 2.5, date: 2, day: 1.5, jam: 1.5, hari: 1.5,
    dimana: 2.5, where: 2.5, lokasi: 2, tempat: 1.5, alamat: 2, venue: 2, kota: 1.5, hotel: 1.5, city: 1.5,
    kata: 2, bicara: 2, say: 2, said: 2, pernyataan: 2, pendapat: 1.5, tanggapan: 1.5, komentar: 1.5,
    manfaat: 1.5, untung: 1.5, benefit: 1.5, tujuan: 1.5, purpose: 1.5,
    penulis: 2, author: 2, sumber: 2, source: 2,
    singkatan: 2, kepanjangan: 2, stand: 1.5,
    hadir: 1.5, attend: 1.5, attended: 1.5,
    perjanjian: 1.5, kesepakatan: 1.5, agreement: 1.5, tandatangan: 1.5, ditandatangani: 1.5, signed: 1.5,
  }),
);

/** What the bot understood of one question. */
export interface Understanding {
  /** The question as typed. */
  query: string;
  lang: Lang;
  /** Canonical tokens after slang expansion and typo correction. */
  tokens: string[];
  /** Normalised text, as stored for unanswered questions. */
  normalized: string;
  entities: EntityMatch[];
  years: number[];
  /** A span of years such as "2022-2024". */
  yearRange?: [number, number];
  /** Content words the bot does not know at all. */
  unknown: string[];
  /** Words in the original that look like names (capitalised mid-sentence) and are unknown. */
  unknownNames: string[];
  ranked: IntentScore[];
}

/** Indonesian (and English) text to intent and slots. Pure: no I/O after construction. */
export class Nlu {
  readonly vocab: Vocabulary;
  readonly entities: EntityIndex;
  readonly classifier: IntentClassifier;
  private readonly known: Set<string>;

  /**
   * `protectedWords` are words the typo corrector must keep as they are (words the
   * answer logic looks for, such as "anggaran"); they do not become topic words.
   */
  constructor(kb: Knowledge, examples: Example[] = loadIntentExamples(), protectedWords: Iterable<string> = []) {
    this.entities = new EntityIndex(kb);
    const words = new Set<string>([...FUNCTION_WORDS.split(/\s+/), ...DOMAIN_WORDS.split(/\s+/), ...EN_WORDS].filter(Boolean));
    for (const w of this.entities.words()) words.add(w);
    for (const e of examples) for (const w of tokenize(e.text)) words.add(w);
    for (const w of kbWords(kb)) words.add(w);
    this.known = words;
    // Ordinary words are known to the typo corrector (so that "pertama" stays
    // "pertama") but stay "unknown" to the matcher: they carry no topic of ours.
    const nameWords = EntityIndex.lexiconNameWords();
    const kbAndExamples = new Set<string>([...words].filter((w) => !nameWords.has(w)));
    for (const e of examples) for (const w of tokenize(e.text)) kbAndExamples.add(w);
    for (const w of kbWords(kb)) kbAndExamples.add(w);
    const strict = [...nameWords].filter((w) => !kbAndExamples.has(w) && !COMMON_WORDS.has(w));
    this.vocab = new Vocabulary([...words, ...COMMON_WORDS, ...EN_WORDS, ...EN_GENERAL, ...protectedWords], strict);
    this.classifier = new IntentClassifier(examples, (text) => this.intentTokens(this.analyse(text)), { tokenWeights: FOCUS_WEIGHTS });
  }

  /** "acaranya", "nilainya" read as the bare topic word, even where examples spell the -nya form. */
  private bare(token: string): string {
    return token.length >= 6 && token.endsWith("nya") && this.known.has(token.slice(0, -3)) ? token.slice(0, -3) : token;
  }

  private analyse(text: string) {
    const cleaned = clean(text);
    const raw = tokenizeClean(cleaned);
    const tokens = raw.map((t) => this.bare(this.vocab.correct(t) ?? t));
    let entities = this.entities.match(tokens);
    // In English, "its" is a pronoun, not Institut Teknologi Sepuluh Nopember: an
    // unknown name that is also an English word counts only when written in capitals.
    if (entities.some((e) => "known" in e.ref && !e.ref.known && EN_WORDS.has(e.text)) && detectLang(raw) === "en") {
      entities = entities.filter((e) => !("known" in e.ref && !e.ref.known && EN_WORDS.has(e.text)) || new RegExp(`\\b${e.text.toUpperCase()}\\b`).test(text));
    }
    return { cleaned, raw, tokens, entities };
  }

  /** Tokens the intent matcher sees: entity words replaced by their type, years by "_tahun". */
  private intentTokens({ tokens, entities }: { tokens: string[]; entities: EntityMatch[] }): string[] {
    const out: string[] = [];
    for (let i = 0; i < tokens.length; ) {
      const m = entities.find((e) => e.start === i);
      if (m) {
        const ph = PLACEHOLDER[m.ref.type];
        if (m.ref.type === "acronym") out.push("_akronim", ...tokens.slice(m.start, m.end));
        else out.push(...(ph ? [ph] : tokens.slice(m.start, m.end)));
        i = m.end;
        continue;
      }
      const t = tokens[i]!;
      out.push(YEAR.test(t) ? PLACEHOLDER.year : t);
      i++;
    }
    return out;
  }

  understand(query: string): Understanding {
    const { cleaned, tokens, entities } = this.analyse(query);
    const covered = new Uint8Array(tokens.length);
    for (const e of entities) covered.fill(1, e.start, e.end);
    const years: number[] = [];
    for (const t of tokens) if (YEAR.test(t)) years.push(Number(t));
    let yearRange: [number, number] | undefined;
    const normalized = tokens.join(" ");
    // "2022 sampai 2024" and "antara 2022 dan 2024" are spans; "2022 dan 2024" alone is two years.
    const range =
      /\b((?:19|20)\d\d) (?:sampai|hingga|to|until) ((?:19|20)\d\d)\b/.exec(normalized) ??
      /\b(?:antara|between|periode|period) ((?:19|20)\d\d) (?:dan|and) ((?:19|20)\d\d)\b/.exec(normalized);
    if (range) yearRange = [Number(range[1]), Number(range[2])];
    const unknown = tokens.filter(
      (t, i) => !covered[i] && t.length >= 3 && !this.known.has(t) && !/\d/.test(t),
    );
    const unknownNames = properNames(query).filter((name) => {
      const toks = tokenize(name).map((t) => this.vocab.correct(t) ?? t);
      return toks.some((t) => !this.known.has(t));
    });
    // Language from the words as typed, before slang expansion turns "hi" into "hai".
    const lang = detectLang(cleaned ? cleaned.split(" ") : []);
    const ranked = this.classifier.rank(this.intentTokens({ tokens, entities }), 3);
    return { query, lang, tokens, normalized, entities, years, yearRange, unknown, unknownNames, ranked };
  }
}

/** Every word that marks a question as English. */
const ENGLISH = new Set([...EN_WORDS, ...EN_GENERAL, ...EN_MARKERS]);

/** Words that are Indonesian even though they look like English. */
const ID_ONLY = new Set(["apa", "siapa", "kapan", "berapa", "dimana", "mana", "yang", "dan", "di", "ke", "dari", "ini", "itu", "ada", "tahun", "nilai", "kerjasama"]);

/** "en" when most words of the question are English and none is unmistakably Indonesian-only. */
export function detectLang(raw: readonly string[]): Lang {
  const words = raw.filter((t) => !/\d/.test(t));
  if (!words.length) return "id";
  const en = words.filter((t) => ENGLISH.has(t)).length;
  const id = words.filter((t) => ID_ONLY.has(t)).length;
  if (en === 0 || id > en / 2) return "id";
  // One English word among Indonesian ones ("stop langganan") is a loanword.
  if (en === 1 && words.length > 1) return "id";
  return en / words.length >= 0.5 || (en >= 2 && en / words.length >= 0.3 && id === 0) ? "en" : "id";
}

/** All entity references of one type found in a question. */
export function refsOf<T extends EntityRef["type"]>(u: Understanding, type: T): Array<Extract<EntityRef, { type: T }>> {
  return u.entities.map((e) => e.ref).filter((r): r is Extract<EntityRef, { type: T }> => r.type === type);
}

const UPPER = /\p{Lu}/u;
const YEAR = /^(19|20)\d\d$/;

/** Capitalised words that are not at the start of the sentence: likely names of people, places, companies. */
function properNames(text: string): string[] {
  const out: string[] = [];
  // Most questions are typed in lower case (or only start with a capital): nothing to look at.
  if (!UPPER.test(text.slice(1))) return out;
  // Capitals mean nothing in a question typed all in capitals.
  if (text === text.toUpperCase()) return out;
  const words = text.split(/\s+/);
  words.forEach((w, i) => {
    const bare = w.replace(/^[^\p{L}]+|[^\p{L}]+$/gu, "");
    if (i === 0 || bare.length < 3) return;
    const prev = words[i - 1] ?? "";
    if (/[.!?]$/.test(prev)) return;
    if (/^\p{Lu}/u.test(bare)) out.push(bare);
  });
  return out;
}

function kbWords(kb: Knowledge): string[] {
  const texts: string[] = [];
  for (const e of kb.events) texts.push(e.title, e.venue, e.address ?? "", e.city, e.purpose ?? "", ...e.goals, ...e.agenda);
  for (const a of kb.agreements) texts.push(a.title, a.purpose);
  for (const a of kb.acronyms) texts.push(a.long);
  for (const c of kb.commodities) texts.push(c.sector, c.origin ?? "", c.note ?? "");
  for (const t of kb.targets) texts.push(t.indicator, t.horizon);
  for (const s of kb.statements) texts.push(s.text);
  for (const s of kb.sources) texts.push(s.title, s.author ?? "");
  return texts.flatMap((t) => tokenize(t));
}
