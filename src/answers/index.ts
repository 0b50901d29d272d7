import dayjs from "dayjs";
import type { Agreement, CooperationValue, KEvent, Knowledge, Official, Period, Source } from "../knowledge/schema.js";
import { provinceName, provinceShort } from "../knowledge/provinces.js";
import { loadIntentExamples, refsOf, type Lang, Nlu, type Understanding } from "../nlu/index.js";
import type { Example } from "../nlu/classifier.js";
import type { EntityRef } from "../nlu/entities.js";
import { translator, type Translate } from "../i18n.js";
import { formatDate, formatRupiah, formatShortDate, formatTime, joinList, formatNumber } from "../knowledge/format.js";

/** The bot's reply to one question; the same object backs the bot, the console and `ask --json`. */
export interface Answer {
  query: string;
  intent: string | null;
  /** Confidence in [0, 1] that the intent is right. */
  score: number;
  /** True when the reply states facts (or is a fitting small-talk reply); false for "not available" and fallbacks. */
  answered: boolean;
  /** Plain text, exactly as sent. */
  answer: string;
  /** Up to three follow-up questions (buttons in Telegram). */
  suggestions: string[];
  lang: Lang;
  /** Normalised question, for the unanswered log. */
  normalized: string;
}

/** Similarity to the nearest example needed when every word of the question is known. */
const MIN_SCORE = 0.3;
/** Otherwise: this share of the question's word weight must belong to the intent ... */
const MIN_COVERAGE = 0.55;
/** ... and the nearest example must still be this similar. */
const MIN_SCORE_COVERED = 0.2;

const FACT_INTENTS = new Set([
  "nilai_kerja_sama", "acara_waktu", "acara_tempat", "acara_peserta", "acara_tentang", "nota_kesepahaman",
  "pejabat", "pernyataan", "manfaat_kerja_sama", "komoditas", "target_ekonomi", "akronim",
]);
const SMALL_TALK: Record<string, string> = {
  sapaan: "greeting",
  bantuan: "help",
  terima_kasih: "thanks",
  langganan: "subscribe-hint",
  berhenti_langganan: "unsubscribe-hint",
};

const SHARE_WORDS = new Set(["persen", "porsi", "proporsi", "persentase", "share", "percent", "percentage", "bagian"]);
const HIGHEST_WORDS = new Set(["tertinggi", "terbesar", "paling", "puncak", "highest", "largest", "biggest", "peak", "rekor", "terbanyak", "peringkat", "ranking", "rank"]);
/** Indicators other than economic growth: a target question about them is not covered. */
const OTHER_INDICATORS = new Set(["inflasi", "kemiskinan", "pengangguran", "investasi", "ekspor", "impor", "pdrb", "apbd", "pad", "ipm", "inflation", "poverty", "unemployment", "investment", "export", "import"]);

/**
 * Details the knowledge base never records, by the intents they would be asked
 * under ("*" = every fact intent). A question asking for one gets "not available"
 * instead of the nearest fact.
 */
const UNSUPPORTED_DETAILS = new Map<string, string[] | "*">(Object.entries({
  biaya: "*", anggaran: "*", ongkos: "*", harga: "*", tarif: "*", cost: "*", price: "*", budget: "*",
  menu: "*", makan: "*", fotografer: "*", foto: "*", photographer: "*", photo: "*", dokumentasi: "*",
  link: "*", url: "*", tautan: "*", website: "*", situs: "*", video: "*",
  penduduk: "*", population: "*", jarak: "*", distance: "*", ump: "*", umk: "*", gaji: "*", wage: "*", salary: "*",
  lahir: "*", born: "*", umur: "*", usia: "*", age: "*", partai: "*", party: "*", agama: "*", istri: "*", suami: "*", pendidikan: "*",
  ruangan: "*", ruang: "*", room: "*", luas: "*", produksi: "*", ton: "*", kapasitas: "*",
  mc: "*", pembawa: "*", moderator: "*", durasi: "*", berlaku: "*", kedaluwarsa: "*", valid: "*",
  ibukota: "*", capital: "*", kantor: "*", office: "*", headquarters: "*", markas: "*", cuaca: "*", weather: "*",
  media: "*", koran: "*", dimuat: "*", diterbitkan: "*", published: "*", wartawan: "*", journalist: "*",
  sejarah: "*", history: "*", profil: "*", profile: "*", biografi: "*", biography: "*", pemilik: "*", owner: "*", owns: "*",
  mantan: "*", former: "*", sebelum: ["pejabat", "pernyataan"], before: ["pejabat", "pernyataan"],
  pertama: ["pejabat"], first: ["pejabat"], terakhir: ["pejabat"], penerus: "*", pengganti: "*", successor: "*", predecessor: "*",
  rata: ["nilai_kerja_sama"], average: ["nilai_kerja_sama"], kenaikan: ["nilai_kerja_sama"], penurunan: ["nilai_kerja_sama"],
  naik: ["nilai_kerja_sama"], turun: ["nilai_kerja_sama"], selisih: ["nilai_kerja_sama"], perubahan: ["nilai_kerja_sama"],
  increase: ["nilai_kerja_sama"], decrease: ["nilai_kerja_sama"], difference: ["nilai_kerja_sama"], change: ["nilai_kerja_sama"],
  didirikan: "*", berdiri: "*", founded: "*", established: "*", dibangun: "*", built: "*", pelantikan: "*", dilantik: "*", inaugurated: "*", inauguration: "*",
  pengusaha: ["acara_peserta"], perwakilan: "*", representative: "*", businessmen: ["acara_peserta"],
  selesai: ["acara_waktu", "acara_tempat", "acara_peserta", "acara_tentang"], berakhir: ["acara_waktu", "acara_tentang"], end: ["acara_waktu"], finish: ["acara_waktu"],
  kampus: ["acara_tempat"], campus: ["acara_tempat"],
  kontrak: "*", nilai: ["nota_kesepahaman", "manfaat_kerja_sama", "komoditas"],
  terendah: ["nilai_kerja_sama"], rendah: ["nilai_kerja_sama"], terkecil: ["nilai_kerja_sama"], kecil: ["nilai_kerja_sama"], lowest: ["nilai_kerja_sama"], smallest: ["nilai_kerja_sama"],
  sektor: ["nilai_kerja_sama"], sector: ["nilai_kerja_sama"], proyeksi: ["nilai_kerja_sama"], projection: ["nilai_kerja_sama"], target: ["nilai_kerja_sama"], prediksi: ["nilai_kerja_sama"],
  ekspor: ["nilai_kerja_sama", "komoditas"], impor: ["nilai_kerja_sama", "komoditas"], export: ["nilai_kerja_sama", "komoditas"], import: ["nilai_kerja_sama", "komoditas"],
  nasional: ["target_ekonomi", "nilai_kerja_sama", "komoditas"], national: ["target_ekonomi", "nilai_kerja_sama", "komoditas"],
  indonesia: ["target_ekonomi", "nilai_kerja_sama", "komoditas"], dunia: ["target_ekonomi", "nilai_kerja_sama", "komoditas"], global: ["target_ekonomi", "nilai_kerja_sama", "komoditas"],
  sejak: ["pejabat"], since: ["pejabat"], periode: ["pejabat"], masa: ["pejabat", "nota_kesepahaman"],
}));
/** Intents where "berapa" / "how many" asks for a count the source does not give. */
const NO_COUNT_INTENTS = new Set(["acara_peserta", "manfaat_kerja_sama", "komoditas", "pejabat", "nota_kesepahaman", "pernyataan"]);
const COUNT_WORDS = new Set(["berapa", "jumlah", "many", "banyaknya"]);
/** Words that make a place the destination ("ke Kaltim") rather than the origin. */
const TOWARDS = new Set(["ke", "to", "pasar", "market", "di", "in"]);
const ORDINALS = new Set(["kedua", "ketiga", "keempat", "kelima", "second", "third", "fourth"]);
const SUPERLATIVES = new Set(["terbesar", "tertinggi", "terendah", "terkecil", "besar", "tinggi", "largest", "biggest", "highest"]);
const MONTHS = ["januari", "februari", "maret", "april", "mei", "juni", "juli", "agustus", "september", "oktober", "november", "desember",
  "january", "february", "march", "may", "june", "july", "august", "october", "december"];
const MONTH_INDEX = new Map<string, number>(MONTHS.map((m, i) => [m, i < 12 ? i + 1 : [1, 2, 3, 5, 6, 7, 8, 10, 12][i - 12]!]));
const COOPERATION_WORDS = new Set(["kerjasama", "kumulatif", "akumulasi", "cumulative", "kemitraan", "mitra", "transaksi", "perdagangan", "dagang", "cooperation", "partnership", "partner", "trade", "kedua", "both", "antarprovinsi"]);
const TOPIC_MARKERS = new Set(["dengan", "with", "soal", "tentang", "about", "terhadap", "bagi", "for", "sama"]);
const EVENT_WORDS = ["acara", "kegiatan", "kunjungan", "berkunjung", "misi", "event", "visit", "mission", "penandatanganan", "mou", "nota", "rombongan", "delegasi", "delegation", "jimbe", "agenda", "datang", "hadir", "kerjasama", "kemitraan",
  "penyambutan", "sambut", "menyambut", "musik", "pemukulan", "memukul", "pembukaan", "dibuka", "diawali", "upacara", "ceremony", "opening"];
/** Words that name an intent's topic; a question with none of them (and no entity) is not about us. */
const TOPIC_WORDS: Record<string, Set<string>> = {
  acara_waktu: new Set(EVENT_WORDS),
  acara_tempat: new Set(EVENT_WORDS),
  acara_peserta: new Set([...EVENT_WORDS, "pejabat", "tokoh", "officials"]),
  acara_tentang: new Set(EVENT_WORDS),
  manfaat_kerja_sama: new Set(["kerjasama", "kemitraan", "mitra", "umkm", "cooperation", "partnership", "kolaborasi", "misi", "kunjungan", "antarprovinsi"]),
  pernyataan: new Set(["kerjasama", "kemitraan", "mou", "nota", "kolaborasi", "cooperation", "partnership", "collaboration", "acara", "event", "misi", "kunjungan"]),
  target_ekonomi: new Set(["target", "sasaran", "ditargetkan", "pertumbuhan", "tumbuh", "growth", "grow", "ekonomi", "economy"]),
};
/** "sampai 8 Mei 2025", "per Mei 2025": a cumulative value up to a date. */
const UP_TO_WORDS = new Set(["sampai", "hingga", "per", "until", "kumulatif", "akumulasi", "cumulative", "total", "so"]);
const ALL_WORDS = new Set(["semua", "seluruh", "all", "every", "lain", "other"]);
const TIME_WORDS = new Set(["jam", "pukul", "time", "oclock"]);
const DURATION = /\b(berapa lama|how long)\b/;

const TARGET_WORDS = new Set(["target", "sasaran", "ditargetkan", "menargetkan", "targetkan", "aim", "goal", "want", "ingin", "mau", "kejar", "incar", "ditetapkan", "tetapkan"]);
const FUTURE_WORDS = new Set(["berikutnya", "berikut", "selanjutnya", "selanjut", "mendatang", "next", "upcoming", "nanti"]);
const EVENT_FAMILY = new Set(["acara_waktu", "acara_tempat", "acara_peserta", "acara_tentang", "nota_kesepahaman"]);
const FOCUS_INTENTS = [
  { re: / (kapan|when|tanggal berapa|tanggal|what date|on what day|what day|hari apa|bulan apa) /, intent: "acara_waktu" },
  { re: / (dimana|where|di kota mana|kota mana|which city|lokasi|hotel apa|hotel mana|which hotel|alamat|address|venue) /, intent: "acara_tempat" },
];

/** Words the answer logic looks for: the typo corrector keeps them as typed. */
const ANSWER_WORDS = [
  ...UNSUPPORTED_DETAILS.keys(), ...COUNT_WORDS, ...ORDINALS, ...SUPERLATIVES, ...MONTHS, ...ALL_WORDS, ...TIME_WORDS,
  ...UP_TO_WORDS, ...COOPERATION_WORDS, ...EVENT_WORDS, ...TOPIC_MARKERS, ...SHARE_WORDS, ...HIGHEST_WORDS, ...OTHER_INDICATORS,
  "atau", "or", "depan", "ini", "lalu", "lama", "long",
];

interface Reply {
  answered: boolean;
  text: string;
  suggestions?: string[];
}

/**
 * Turns questions into answers from the knowledge base. Holds the NLU built
 * for the current knowledge; `setKnowledge` swaps both at once after an edit.
 */
export class Answerer {
  private kb!: Knowledge;
  private nlu!: Nlu;
  /** Examples admins filed from unanswered questions (DATA_DIR), added to data/intents.json's. */
  private extraExamples: Example[] = [];

  constructor(kb: Knowledge) {
    this.setKnowledge(kb);
  }

  /** Replaces the knowledge base; the next question already uses it. */
  setKnowledge(kb: Knowledge): void {
    this.kb = kb;
    this.nlu = new Nlu(kb, [...loadIntentExamples(), ...this.extraExamples], ANSWER_WORDS);
    this.composed.clear();
  }

  /** Replaces the admin-filed examples and rebuilds the matcher. */
  setExtraExamples(examples: ReadonlyArray<{ text: string; intent: string }>): void {
    this.extraExamples = examples.map(({ text, intent }) => ({ text, intent }));
    this.setKnowledge(this.kb);
  }

  get knowledge(): Knowledge {
    return this.kb;
  }

  /**
   * Reply pieces that depend only on the knowledge base and the language
   * ("available: ..." lists, source lines), built once per knowledge version.
   */
  private readonly composed = new Map<string, string[] | string>();

  /** Understands without answering (the intents an unanswered question is closest to, for admins). */
  understand(query: string): Understanding {
    return this.nlu.understand(query);
  }

  /**
   * Answers one question. `lang` forces the reply language (otherwise it follows
   * the question); `now` is the clock for "upcoming" and "this month".
   */
  answer(query: string, opts: { lang?: Lang; now?: Date } = {}): Answer {
    const u = this.understand(query);
    const lang = opts.lang ?? u.lang;
    const t = translator(lang);
    const top = u.ranked[0];
    const result = (intent: string | null, score: number, answered: boolean, answer: string, suggestions: string[]): Answer => ({
      query, intent, score, answered, answer, suggestions, lang, normalized: u.normalized,
    });
    // Unknown words, counted once whether or not they were also capitalised like names.
    const strangerWords = new Set(u.unknown);
    for (const n of u.unknownNames) strangerWords.add(n.toLowerCase());
    const strangers = strangerWords.size;
    // An abbreviation typed in capitals ("apa itu PDRB?") is asked as one: say it is not in the data.
    const askedAcronym =
      top?.intent === "akronim" && top.score >= MIN_SCORE && u.unknown.length === 1 && strangers === 1 && new RegExp(`\\b${u.unknown[0]!.toUpperCase()}\\b`).test(query);
    // Accept when the question is worded like an example, or when most of its
    // words (by weight) belong to the intent and it is still somewhat similar.
    const understood =
      top && ((top.score >= MIN_SCORE && strangers === 0) || (top.coverage >= MIN_COVERAGE && top.score >= MIN_SCORE_COVERED) || askedAcronym);
    if (!top || !understood) {
      const f = this.fallback(u, t);
      return result(null, round(top?.score ?? 0), false, f.answer, f.suggestions);
    }
    // Within the event family the question word decides what is asked:
    // "kapan MoU ... diteken" wants a date, "di kota mana MoU ..." a place.
    const focus = EVENT_FAMILY.has(top.intent) ? FOCUS_INTENTS.find((f) => f.re.test(` ${u.normalized} `)) : undefined;
    const chosen = focus && top.intent !== focus.intent ? (u.ranked.find((r) => r.intent === focus.intent) ?? top) : top;
    const intent = chosen.intent;
    const score = round(strangers > 0 ? top.score * 0.8 : top.score);
    const small = SMALL_TALK[intent];
    if (small && strangers > 0 && top.score < 0.35) {
      // "aku lagi galau": chat we do not understand is not a greeting or a request.
      const f = this.fallback(u, t);
      return result(null, score, false, f.answer, f.suggestions);
    }
    if (small) return result(intent, score, true, t(small), defaultSuggestions(t));
    const ctx = new AnswerContext(this.kb, u, t, lang, opts.now ?? new Date(), this.composed);
    if (strangers > 0 && FACT_INTENTS.has(intent) && !ctx.hasKnownAnchor() && !askedAcronym) {
      // Something in the question is unknown to the bot: say so rather than guess.
      const f = this.fallback(u, t);
      return result(null, score, false, f.answer, f.suggestions);
    }
    const reply = ctx.reply(intent);
    return result(intent, score, reply.answered, reply.text, reply.suggestions ? reply.suggestions.slice(0, 3) : []);
  }

  private fallback(u: Understanding, t: Translate): { answer: string; suggestions: string[] } {
    const suggestions = [...new Set(u.ranked.filter((r) => FACT_INTENTS.has(r.intent) || r.intent === "acara_daftar").map((r) => t(`suggest-${r.intent}`)))];
    for (const s of defaultSuggestions(t)) if (suggestions.length < 3 && !suggestions.includes(s)) suggestions.push(s);
    return { answer: `${t("fallback")}\n${t("fallback-suggest")}\n${suggestions.slice(0, 3).map((s) => `• ${s}`).join("\n")}`, suggestions: suggestions.slice(0, 3) };
  }
}

function defaultSuggestions(t: Translate): string[] {
  return [t("suggest-nilai_kerja_sama"), t("suggest-acara_waktu"), t("suggest-komoditas")];
}

function round(n: number): number {
  return Math.round(n * 1000) / 1000;
}

/** One question's slots against the knowledge base. */
class AnswerContext {
  readonly provinces: string[];
  readonly tokens: Set<string>;

  constructor(
    readonly kb: Knowledge,
    readonly u: Understanding,
    readonly t: Translate,
    readonly lang: Lang,
    readonly now: Date,
    /** Pieces that depend only on (knowledge, language), shared by all questions of one knowledge version. */
    private readonly composed: Map<string, string[] | string> = new Map(),
  ) {
    this.provinces = [...new Set(refsOf(u, "province").map((p) => p.id))];
    this.tokens = new Set(u.tokens);
  }

  /** True when the question names something the knowledge base holds. */
  hasKnownAnchor(): boolean {
    return this.u.entities.some((e) => {
      const r = e.ref;
      if (r.type === "org" || r.type === "person" || r.type === "commodity") return r.known;
      return r.type === "acronym" || r.type === "province" || r.type === "eventKind";
    });
  }

  private unknownRefs(): string[] {
    return this.u.entities
      .filter((e) => (e.ref.type === "org" || e.ref.type === "person" || e.ref.type === "commodity") && !e.ref.known)
      .map((e) => e.text);
  }

  /** A detail the source never records ("jam berapa", "biaya", "berapa orang"), or null. */
  unsupportedDetail(intent: string): string | null {
    const toks = this.u.tokens;
    for (const t of toks) {
      const rule = UNSUPPORTED_DETAILS.get(t);
      if (rule && (rule === "*" || rule.includes(intent))) return t;
    }
    if (NO_COUNT_INTENTS.has(intent) && toks.some((t) => COUNT_WORDS.has(t))) {
      // "berapa persen" in a commodity question is still a count; "tahun berapa" of a person's birth too.
      return toks.find((t) => COUNT_WORDS.has(t))!;
    }
    if (intent !== "target_ekonomi" && intent !== "nilai_kerja_sama" && DURATION.test(this.u.normalized)) return "berapa lama";
    if (intent === "nilai_kerja_sama") {
      for (let i = 1; i < toks.length; i++) if (ORDINALS.has(toks[i]!) && SUPERLATIVES.has(toks[i - 1]!)) return `${toks[i - 1]} ${toks[i]}`;
      for (let i = 0; i < toks.length; i++) if (ALL_WORDS.has(toks[i]!) && ["provinsi", "province", "provinces", "daerah", "mitra"].includes(toks[i + 1] ?? "")) return `${toks[i]} ${toks[i + 1]}`;
      if (refsOf(this.u, "eventKind").length) return refsOf(this.u, "eventKind")[0]!.id.replace(/-/g, " ");
    }
    return null;
  }

  /** True when the question names the topic of an intent, not just its question words. */
  private anchored(intent: string): boolean {
    const words = TOPIC_WORDS[intent];
    if (!words) return true;
    // An unknown word in an event question may be the event itself ("kapan pelantikan gubernur Jatim"):
    // then only an event word or kind ties the question to our events.
    if (EVENT_FAMILY.has(intent) && intent !== "nota_kesepahaman" && this.u.unknown.length) {
      return this.hasAny(words) || refsOf(this.u, "eventKind").length > 0;
    }
    const topical = this.u.entities.some((e) => e.ref.type !== "role" && e.ref.type !== "acronym" && !("known" in e.ref && !e.ref.known));
    return topical || this.hasAny(words);
  }

  reply(intent: string): Reply {
    if (!this.anchored(intent)) {
      // "Kapan May Day berhenti?" or "Apa manfaat sains?": the question words fit, the topic is not ours.
      return this.notAvailable(this.t(`topic-${intent}`), this.availableFor(intent), [this.t(`suggest-${intent}`)]);
    }
    const detail = FACT_INTENTS.has(intent) || intent === "acara_daftar" || intent === "sumber" ? this.unsupportedDetail(intent) : null;
    if (detail) {
      return this.notAvailable(this.t("detail-what", { detail, topic: this.t(`topic-${intent}`) }), this.availableFor(intent), [this.t(`suggest-${intent}`)]);
    }
    switch (intent) {
      case "nilai_kerja_sama":
        return this.cooperation();
      case "acara_waktu":
      case "acara_tempat":
      case "acara_peserta":
      case "acara_tentang":
        return this.event(intent);
      case "acara_daftar":
        return this.eventList();
      case "nota_kesepahaman":
        return this.agreement();
      case "pejabat":
        return this.official();
      case "pernyataan":
        return this.statement();
      case "manfaat_kerja_sama":
        return this.benefit();
      case "komoditas":
        return this.commodity();
      case "target_ekonomi":
        return this.target();
      case "akronim":
        return this.acronym();
      case "sumber":
        return this.sources();
      default:
        return { answered: false, text: this.t("fallback") };
    }
  }

  // ---- shared pieces ----

  /** A piece that depends only on the knowledge base and the language: built once, then shared. */
  private shared<T extends string | string[]>(key: string, build: () => T): T {
    const id = `${key}|${this.lang}`;
    let piece = this.composed.get(id) as T | undefined;
    if (piece === undefined) this.composed.set(id, (piece = build()));
    return piece;
  }

  private source(id: string | null | undefined, validAsOf?: string): string {
    return this.shared(`source|${id}|${validAsOf ?? ""}`, () => this.sourceLine(id, validAsOf));
  }

  private sourceLine(id: string | null | undefined, validAsOf?: string): string {
    const s = this.kb.sources.find((x) => x.id === id);
    if (!s) return "";
    const line = this.t("source-line", { title: s.title, publisher: s.publisher, author: s.author ? ` (${s.author})` : "", date: formatShortDate(s.date, this.lang) });
    return validAsOf && validAsOf !== s.date ? `${line} ${this.t("data-as-of", { date: formatShortDate(validAsOf, this.lang) })}` : line;
  }

  private withSource(text: string, sourceIds: Array<[string | null | undefined, string | undefined]>): string {
    const lines = [...new Set(sourceIds.map(([id, asOf]) => this.source(id, asOf)).filter(Boolean))];
    return [text, ...lines].join("\n\n");
  }

  private notAvailable(what: string, available: readonly string[], suggestions: string[] = []): Reply {
    const parts = [this.t("not-available", { what })];
    if (available.length) parts.push(this.t("available-intro", { list: joinList(available, this.lang) }));
    return { answered: false, text: parts.join(" "), suggestions };
  }

  /** The words of the entities in the question, once per span ("jatim" is a province and an acronym). */
  private entityTexts(skip: string[] = []): string[] {
    const seen = new Set<number>();
    const out: string[] = [];
    for (const e of this.u.entities) {
      if (seen.has(e.start) || skip.includes(e.ref.type)) continue;
      seen.add(e.start);
      out.push(e.text);
    }
    return out;
  }

  /** A short list of what the knowledge base does hold on a topic (read only: shared between questions). */
  private availableFor(intent: string): readonly string[] {
    return this.shared(`available|${intent}`, () => this.availableList(intent));
  }

  private availableList(intent: string): string[] {
    switch (intent) {
      case "nilai_kerja_sama":
        return this.kb.cooperationValues.map((v) => this.t("coop-available-item", { pair: this.pairName(v.provinces), period: this.periodText(v.period), amount: this.qualified(v.qualifier, formatRupiah(v.amount, this.lang)) }));
      case "pejabat":
      case "pernyataan":
        return this.kb.officials.map((o) => this.t("official-available-item", { name: o.name, role: this.roleName(o.role), place: this.placeOf(o) }));
      case "nota_kesepahaman":
        return this.kb.agreements.map((a) => a.title);
      case "komoditas":
        return this.kb.commodities.map((c) => `${provinceShort(c.province)}: ${joinList(c.items, this.lang)}`);
      case "target_ekonomi":
        return this.kb.targets.map((t) => `${t.indicator} ${provinceShort(t.province)}`);
      case "akronim":
        return this.kb.acronyms.map((a) => a.short);
      case "sumber":
        return this.kb.sources.map((s) => `“${s.title}”, ${s.publisher}, ${formatShortDate(s.date, this.lang)}`);
      default:
        return this.kb.events.map((x) => this.t("event-available-item", { title: x.title, date: formatShortDate(x.date, this.lang) }));
    }
  }

  private pairName(codes: readonly string[]): string {
    return codes.map(provinceShort).join("–");
  }

  private qualified(q: string | undefined, value: string): string {
    return this.t(`qualifier-${q ?? "exact"}`, { value });
  }

  private periodText(p: Period): string {
    if (p.kind === "year") return this.t("period-year", { year: p.year });
    if (p.kind === "range") return this.t("period-range", { from: p.from, to: p.to });
    return this.t("period-cumulative", { date: formatShortDate(p.asOf, this.lang) });
  }

  private placeOf(o: Official): string {
    if (o.province) return provinceName(o.province);
    const org = this.kb.organisations.find((x) => x.id === o.organisation);
    return org ? (org.short ? `${org.name} (${org.short})` : org.name) : "";
  }

  private roleName(role: string): string {
    return this.t(`role-${role}`);
  }

  private officialNames(ids: string[]): string[] {
    return ids
      .map((id) => this.kb.officials.find((o) => o.id === id))
      .filter((o): o is Official => !!o)
      .map((o) => `${o.name} (${this.roleName(o.role)} ${this.placeOf(o)})`);
  }

  private orgName(id: string): string {
    const o = this.kb.organisations.find((x) => x.id === id);
    if (!o) return id;
    return o.short && o.short !== o.name ? `${o.name} (${o.short})${o.city ? ` ${o.city}` : ""}` : o.name;
  }

  private hasAny(words: Set<string>): boolean {
    for (const w of this.tokens) if (words.has(w)) return true;
    return false;
  }

  // ---- cooperation values ----

  private cooperation(): Reply {
    const provs = this.provinces;
    if (provs.length < 2 && !this.hasAny(COOPERATION_WORDS)) {
      // "15 percent of 200" or "jumlah kabupaten di Jawa Timur" is not about any cooperation at all.
      return this.notAvailable(this.t("topic-nilai_kerja_sama"), this.availableFor("nilai_kerja_sama"), [this.t("suggest-nilai_kerja_sama")]);
    }
    const all = this.kb.cooperationValues;
    const pairs = all.filter((v) => provs.every((p) => v.provinces.includes(p)));
    const available = (list: CooperationValue[]) =>
      list.map((v) => this.t("coop-available-item", { pair: this.pairName(v.provinces), period: this.periodText(v.period), amount: this.qualified(v.qualifier, formatRupiah(v.amount, this.lang)) }));
    const pairText = provs.length >= 2 ? this.pairName(provs) : pairs[0] ? this.pairName(pairs[0].provinces) : this.pairName(provs);
    const unknown = this.unknownRefs();
    if (provs.length > 2 || pairs.length === 0 || unknown.length > 0) {
      const what = this.u.years.length === 1 ? this.t("coop-what-pair-year", { pair: pairText || unknown.join(" "), year: this.u.years[0]! }) : this.t("coop-what-pair", { pair: pairText || unknown.join(" ") });
      return this.notAvailable(what, available(all), [this.t("suggest-nilai_kerja_sama"), this.t("suggest-nilai_kumulatif")]);
    }
    const range = this.u.yearRange;
    if (range) {
      const ranks = this.kb.rankings.filter((r) => r.period.kind === "range" && r.period.from === range[0] && r.period.to === range[1] && provs.every((p) => r.provinces.includes(p)));
      const highest = pairs.filter((v) => v.highestOfPeriod && v.highestOfPeriod.from === range[0] && v.highestOfPeriod.to === range[1]);
      if (!ranks.length && !highest.length) {
        return this.notAvailable(this.t("coop-what-pair-range", { pair: pairText, from: range[0], to: range[1] }), available(pairs));
      }
      return this.rankAnswer(ranks, highest);
    }
    const cumulativeAll = pairs.filter((v) => v.period.kind === "cumulative");
    const asOf = (v: CooperationValue) => (v.period.kind === "cumulative" ? v.period.asOf : v.validAsOf);
    const month = this.monthAsked();
    const upTo = this.hasAny(UP_TO_WORDS);
    if (month) {
      // Only the cumulative value "as of" a date fits a month; no monthly values are recorded.
      const fit = cumulativeAll.filter((v) => Number(asOf(v).slice(5, 7)) === month.month && (!month.year || Number(asOf(v).slice(0, 4)) === month.year));
      if (!upTo || !fit.length) {
        return this.notAvailable(this.t("coop-what-pair-year", { pair: pairText, year: `${this.u.tokens.filter((t) => MONTH_INDEX.has(t)).join(" ")} ${month.year ?? ""}`.trim() }), available(pairs), [this.t("suggest-nilai_kumulatif")]);
      }
      return { answered: true, text: this.withSource(fit.map((v) => this.cumulativeText(v)).join("\n"), fit.map((v) => [v.sourceId, v.validAsOf])), suggestions: [this.t("suggest-nilai_kerja_sama")] };
    }
    // "tahun lalu" and "tahun depan" are years too.
    const years = [...this.u.years, ...this.relativeYears()];
    if (years.length >= 1 && upTo) {
      const fit = cumulativeAll.filter((v) => years.includes(Number(asOf(v).slice(0, 4))));
      if (fit.length) return { answered: true, text: this.withSource(fit.map((v) => this.cumulativeText(v)).join("\n"), fit.map((v) => [v.sourceId, v.validAsOf])), suggestions: [this.t("suggest-nilai_kerja_sama")] };
    }
    if (years.length >= 1) {
      const found = pairs.filter((v) => v.period.kind === "year" && years.includes(v.period.year));
      if (!found.length) {
        return this.notAvailable(this.t("coop-what-pair-year", { pair: pairText, year: years.join(", ") }), available(pairs), [this.t("suggest-nilai_kerja_sama"), this.t("suggest-nilai_kumulatif")]);
      }
      return this.yearAnswer(found);
    }
    if (this.hasAny(SHARE_WORDS)) {
      const withShare = pairs.filter((v) => v.sharePercent !== undefined);
      if (withShare.length) return this.yearAnswer(withShare);
    }
    if (this.hasAny(HIGHEST_WORDS)) {
      const ranks = this.kb.rankings.filter((r) => provs.every((p) => r.provinces.includes(p)));
      const highest = pairs.filter((v) => v.highestOfPeriod);
      if (ranks.length || highest.length) return this.rankAnswer(ranks, highest);
    }
    const cumulative = pairs.filter((v) => v.period.kind === "cumulative");
    const latest = cumulative.sort((a, b) => (a.period.kind === "cumulative" && b.period.kind === "cumulative" ? b.period.asOf.localeCompare(a.period.asOf) : 0));
    const parts: string[] = [];
    const sources: Array<[string, string]> = [];
    if (latest[0]) parts.push(this.cumulativeText(latest[0])), sources.push([latest[0].sourceId, latest[0].validAsOf]);
    for (const v of pairs.filter((x) => x.period.kind === "year")) {
      parts.push(this.yearText(v));
      sources.push([v.sourceId, v.validAsOf]);
    }
    return { answered: true, text: this.withSource(parts.join(" "), sources), suggestions: [this.t("suggest-acara_tentang"), this.t("suggest-komoditas")] };
  }

  private cumulativeText(v: CooperationValue): string {
    const asOf = v.period.kind === "cumulative" ? v.period.asOf : v.validAsOf;
    let text = this.t("coop-cumulative", { pair: this.pairName(v.provinces), date: formatShortDate(asOf, this.lang), amount: this.qualified(v.qualifier, formatRupiah(v.amount, this.lang)) });
    if (v.dataFrom) text += ` ${this.t("coop-data-from", { dataFrom: v.dataFrom })}`;
    return text;
  }

  private yearText(v: CooperationValue): string {
    if (v.period.kind !== "year") return this.cumulativeText(v);
    let text = this.t("coop-year", { pair: this.pairName(v.provinces), year: v.period.year, amount: this.qualified(v.qualifier, formatRupiah(v.amount, this.lang)) });
    if (v.highestOfPeriod) text += ` ${this.t("coop-year-highest", { from: v.highestOfPeriod.from, to: v.highestOfPeriod.to })}`;
    if (v.sharePercent !== undefined) {
      const share = this.qualified(v.shareQualifier, `${formatNumber(v.sharePercent, this.lang)} ${this.lang === "id" ? "persen" : "percent"}`);
      text += ` ${this.t("coop-share", { share, shareOf: v.shareOf ?? "" })}`;
    }
    return text;
  }

  private yearAnswer(values: CooperationValue[]): Reply {
    return {
      answered: true,
      text: this.withSource(values.map((v) => this.yearText(v)).join("\n"), values.map((v) => [v.sourceId, v.validAsOf])),
      suggestions: [this.t("suggest-nilai_kumulatif"), this.t("suggest-acara_tentang")],
    };
  }

  private rankAnswer(ranks: Knowledge["rankings"], highest: CooperationValue[]): Reply {
    const parts: string[] = [];
    for (const r of ranks) {
      if (r.period.kind !== "range") continue;
      parts.push(this.t("coop-rank", { pair: this.pairName(r.provinces), from: r.period.from, to: r.period.to, position: r.position, among: r.among }));
    }
    for (const v of highest) parts.push(this.yearText(v));
    return {
      answered: true,
      text: this.withSource(parts.join(" "), [...ranks.map((r) => [r.sourceId, r.validAsOf] as [string, string]), ...highest.map((v) => [v.sourceId, v.validAsOf] as [string, string])]),
      suggestions: [this.t("suggest-nilai_kumulatif")],
    };
  }

  // ---- events ----

  /** Events that fit every slot in the question; `null` when a slot names something no event has. */
  private matchingEvents(): KEvent[] {
    const u = this.u;
    const cities = refsOf(u, "city").map((c) => c.id);
    const kinds = refsOf(u, "eventKind").map((k) => k.id);
    const orgs = refsOf(u, "org");
    const people = refsOf(u, "person");
    return this.kb.events.filter((e) => {
      if (this.provinces.some((p) => !e.provinces.includes(p) && e.province !== p)) return false;
      // "di Balikpapan atau Samarinda?" offers alternatives: one of them is enough.
      const either = this.tokens.has("atau") || this.tokens.has("or");
      if (cities.length && (either ? !cities.includes(e.city.toLowerCase()) : cities.some((c) => c !== e.city.toLowerCase()))) return false;
      // A signing happens within an event; an inter-provincial event is also a working visit.
      const fits = (k: string) =>
        k === e.kind || (k === "penandatanganan-mou" && this.kb.agreements.some((a) => a.eventId === e.id)) || (k === "kunjungan-kerja" && e.provinces.length > 1);
      if (!kinds.every(fits)) return false;
      if (orgs.some((o) => !o.known || !(e.organisers.includes(o.id) || this.kb.agreements.some((a) => a.eventId === e.id && a.parties.includes(o.id))))) return false;
      if (people.some((p) => !p.known || !e.participants.includes(p.id))) return false;
      if (u.years.length && !u.years.includes(Number(e.date.slice(0, 4)))) return false;
      // "kunjungan Kaltim ke Jatim" is another visit than "Jatim ke Kaltim": the destination is where the event is held.
      if (this.destinations().some((p) => p !== e.province)) return false;
      const month = this.monthAsked();
      if (month && month.month !== Number(e.date.slice(5, 7))) return false;
      return true;
    });
  }

  /** Provinces named after "ke"/"di"/"to"/"in"/"pasar": where something goes or happens, not where it comes from. */
  private destinations(): string[] {
    return this.u.entities
      .filter((e) => e.ref.type === "province" && e.start > 0 && TOWARDS.has(this.u.tokens[e.start - 1]!))
      .map((e) => (e.ref as { id: string }).id);
  }

  /** A calendar month named in the question ("april 2025", "bulan depan"), if any. */
  private monthAsked(): { month: number; year?: number; relative?: boolean } | null {
    const toks = this.u.tokens;
    for (let i = 0; i < toks.length; i++) {
      const m = MONTH_INDEX.get(toks[i]!);
      // "mei" next to a day number or a year is a month; "may" alone in English is a verb.
      if (m && (toks[i] !== "may" || /^\d+$/.test(toks[i + 1] ?? "") || /^\d+$/.test(toks[i - 1] ?? ""))) {
        const y = Number(toks[i + 1]);
        return { month: m, year: Number.isFinite(y) && y > 1900 ? y : undefined };
      }
    }
    const n = this.u.normalized;
    if (/\b(bulan depan|next month)\b/.test(n)) return { month: ((this.now.getUTCMonth() + 1) % 12) + 1, year: this.now.getUTCFullYear() + (this.now.getUTCMonth() === 11 ? 1 : 0), relative: true };
    if (/\b(bulan ini|this month)\b/.test(n)) return { month: this.now.getUTCMonth() + 1, year: this.now.getUTCFullYear(), relative: true };
    return null;
  }

  /** "kedua"/"second" used as an ordinal ("yang kedua"), not as "both" ("kedua provinsi"). */
  private ordinalEvent(): boolean {
    const toks = this.u.tokens;
    return toks.some((t, i) => ORDINALS.has(t) && !["provinsi", "daerah", "wilayah", "pihak", "belah", "province", "provinces", "sides"].includes(toks[i + 1] ?? ""));
  }

  /** "jam berapa", "pukul berapa", "what time": a clock time, not a date ("dipukul" is not "pukul"). */
  private asksTime(): boolean {
    const toks = this.u.tokens;
    return toks.some((t, i) => TIME_WORDS.has(t) && (t !== "pukul" || /^(\d|berapa)/.test(toks[i + 1] ?? "")));
  }

  /** "acara berikutnya", "yang akan datang", "next event": only events still to come. */
  private asksFuture(): boolean {
    return this.hasAny(FUTURE_WORDS) || /\bakan datang\b/.test(this.u.normalized);
  }

  /** Years asked relatively: "tahun ini", "tahun depan", "tahun lalu". */
  private relativeYears(): number[] {
    const n = this.u.normalized;
    const y = this.now.getUTCFullYear();
    const out: number[] = [];
    if (/\b(tahun ini|this year)\b/.test(n)) out.push(y);
    if (/\b(tahun depan|next year)\b/.test(n)) out.push(y + 1);
    if (/\b(tahun lalu|last year|tahun kemarin)\b/.test(n)) out.push(y - 1);
    return out;
  }

  private eventDate(e: KEvent): string {
    return formatDate(e.date, this.lang);
  }

  private event(intent: string): Reply {
    let events = this.matchingEvents().sort((a, b) => b.date.localeCompare(a.date));
    // An official described by role ("Gubernur Kaltim") must be one the source names.
    if (refsOf(this.u, "role").length && !refsOf(this.u, "person").length && !this.findOfficials().found.length) events = [];
    // "misi dagang yang kedua": an ordinal event the source does not number.
    if (this.ordinalEvent()) events = [];
    // "acara berikutnya" asks for an event still to come.
    if (this.asksFuture()) events = events.filter((x) => x.date >= dayjs(this.now).format("YYYY-MM-DD"));
    const e = events[0];
    if (e && !e.time && this.asksTime()) {
      return this.notAvailable(this.t("event-time-what", { title: e.title }), [this.t("event-available-item", { title: e.title, date: formatDate(e.date, this.lang) })], [this.t("suggest-acara_tempat")]);
    }
    if (!e) {
      const filter = this.entityTexts(["role"]).join(" ") + (this.u.years.length ? ` ${this.u.years.join(", ")}` : "");
      return this.notAvailable(
        filter.trim() ? this.t("event-what", { filter: filter.trim() }) : this.t("event-what-generic"),
        this.kb.events.map((x) => this.t("event-available-item", { title: x.title, date: formatShortDate(x.date, this.lang) })),
        [this.t("suggest-acara_daftar")],
      );
    }
    let text: string;
    const province = provinceName(e.province);
    switch (intent) {
      case "acara_waktu": {
        const time = e.time ? (this.lang === "id" ? ` pukul ${formatTime(e.time, e.timezone, "id")}` : ` at ${formatTime(e.time, e.timezone, "en")}`) : ` (${this.t("time-unknown")})`;
        text = this.t("event-when", { title: e.title, date: this.eventDate(e), time });
        break;
      }
      case "acara_tempat":
        text = this.t("event-where", { title: e.title, venue: e.venue, address: e.address ? `, ${e.address}` : "", city: e.city, province });
        break;
      case "acara_peserta":
        text = this.t("event-who", { title: e.title, people: joinList(this.officialNames(e.participants), this.lang) });
        if (e.agenda[0]) text += `\n${e.agenda[0]}.`;
        break;
      default: {
        const lines = [this.t("event-about", { title: e.title, date: this.eventDate(e), city: e.city, purpose: e.purpose ?? "" })];
        if (e.goals.length) lines.push(this.t("event-goals", { goals: joinList(e.goals, this.lang) }));
        if (e.agenda.length) lines.push(`${this.t("event-agenda")}\n${e.agenda.map((a) => `• ${a}`).join("\n")}`);
        text = lines.join("\n");
      }
    }
    const others = ["acara_waktu", "acara_tempat", "acara_peserta", "acara_tentang"].filter((i) => i !== intent).map((i) => this.t(`suggest-${i}`));
    return { answered: true, text: this.withSource(text, [[e.sourceId, e.validAsOf]]), suggestions: others };
  }

  private eventList(): Reply {
    const today = dayjs(this.now).format("YYYY-MM-DD");
    const relYears = this.relativeYears();
    const month = this.monthAsked();
    const events = this.matchingEvents().filter(
      (e) => (!relYears.length || relYears.includes(Number(e.date.slice(0, 4)))) && (!month?.year || month.year === Number(e.date.slice(0, 4))),
    );
    const line = (e: KEvent) => this.t("event-line", { title: e.title, date: this.eventDate(e), city: e.city });
    const future = this.asksFuture();
    const filtered = this.u.entities.some((x) => x.ref.type !== "role") || this.u.years.length > 0 || relYears.length > 0 || month !== null || future;
    if (filtered && !(future ? events.filter((e) => e.date >= today) : events).length) {
      const filter = [...this.entityTexts(), ...this.u.years.map(String), ...relYears.map(String), month ? dayjs(new Date(Date.UTC(month.year ?? 2000, month.month - 1, 1))).locale(this.lang).format(month.year ? "MMMM YYYY" : "MMMM") : ""].filter(Boolean).join(" ");
      if (!filter) {
        // "kapan acara berikutnya?" with nothing scheduled: say so, and show the latest events.
        const latest = this.kb.events.filter((e) => e.date < today).sort((a, b) => b.date.localeCompare(a.date)).slice(0, 3);
        const text = [this.t("event-none-upcoming"), ...(latest.length ? [`${this.t("event-latest")}\n${latest.map(line).join("\n")}`] : [])].join("\n\n");
        return { answered: false, text, suggestions: [this.t("suggest-acara_tentang")] };
      }
      return this.notAvailable(this.t("event-what", { filter }), this.availableFor("acara_daftar"), [this.t("suggest-acara_daftar")]);
    }
    const upcoming = events.filter((e) => e.date >= today).sort((a, b) => a.date.localeCompare(b.date));
    const past = events.filter((e) => e.date < today).sort((a, b) => b.date.localeCompare(a.date));
    const thisMonth = this.tokens.has("bulan") && (this.tokens.has("ini") || this.tokens.has("this"));
    const parts: string[] = [];
    if (thisMonth) {
      const month = dayjs(this.now).format("YYYY-MM");
      const inMonth = events.filter((e) => e.date.startsWith(month));
      if (inMonth.length) parts.push(`${this.t("event-upcoming")}\n${inMonth.map(line).join("\n")}`);
      else parts.push(this.t("event-none-month", { month: dayjs(this.now).locale(this.lang).format("MMMM YYYY") }));
    } else if (upcoming.length) {
      parts.push(`${this.t("event-upcoming")}\n${upcoming.slice(0, 5).map(line).join("\n")}`);
    } else {
      parts.push(this.t("event-none-upcoming"));
    }
    if (past.length) parts.push(`${this.t("event-latest")}\n${past.slice(0, 3).map(line).join("\n")}`);
    const shown = [...upcoming.slice(0, 5), ...past.slice(0, 3)];
    return {
      answered: true,
      text: this.withSource(parts.join("\n\n"), shown.map((e) => [e.sourceId, e.validAsOf])),
      suggestions: [this.t("suggest-acara_tentang"), this.t("suggest-acara_tempat")],
    };
  }

  // ---- agreements ----

  private agreement(): Reply {
    const orgs = refsOf(this.u, "org");
    const unknown = orgs.filter((o) => !o.known).map((o) => o.id);
    const known = orgs.filter((o) => o.known).map((o) => o.id);
    const provs = this.provinces;
    const list = this.kb.agreements.filter(
      (a) =>
        known.every((o) => a.parties.includes(o)) &&
        provs.every((p) => this.agreementInProvince(a, p)) &&
        (!this.u.years.length || this.u.years.includes(Number(a.date.slice(0, 4)))),
    );
    const roleMissing = refsOf(this.u, "role").length > 0 && !this.findOfficials().found.length;
    if (unknown.length || !list.length || roleMissing) {
      const filter = [...refsOf(this.u, "role").map((r) => this.roleName(r.id)), ...unknown, ...known.map((k) => this.orgName(k)), ...provs.map(provinceShort), ...this.u.years.map(String)].join(" ");
      return this.notAvailable(this.t("mou-what", { filter }), this.kb.agreements.map((a) => a.title), [this.t("suggest-nota_kesepahaman")]);
    }
    const texts = list.map((a) => this.agreementText(a));
    return { answered: true, text: this.withSource(texts.join("\n\n"), list.map((a) => [a.sourceId, a.validAsOf])), suggestions: [this.t("suggest-pernyataan"), this.t("suggest-acara_tentang")] };
  }

  private agreementInProvince(a: Agreement, p: string): boolean {
    const ev = this.kb.events.find((e) => e.id === a.eventId);
    return (ev?.provinces.includes(p) ?? false) || a.parties.some((id) => this.kb.organisations.find((o) => o.id === id)?.province === p);
  }

  private agreementText(a: Agreement): string {
    const ev = this.kb.events.find((e) => e.id === a.eventId);
    let text = this.t("mou-line", {
      title: a.title,
      parties: joinList(a.parties.map((p) => this.orgName(p)), this.lang),
      date: formatDate(a.date, this.lang),
      event: ev ? `${ev.title}, ${ev.venue}, ${ev.city}` : "-",
      purpose: a.purpose,
    });
    if (a.signatories.length) text += ` (${joinList(this.officialNames(a.signatories), this.lang)})`;
    else text += ` ${this.t("mou-no-signatory")}`;
    if (a.witnesses.length) text += ` ${this.t("mou-witness", { people: joinList(this.officialNames(a.witnesses), this.lang) })}`;
    return text;
  }

  // ---- officials and statements ----

  /** Officials named or described (role + province/organisation) in the question. */
  private findOfficials(allowVague = false): { found: Official[]; what: string | null } {
    const people = refsOf(this.u, "person");
    const unknownPeople = people.filter((p) => !p.known);
    if (unknownPeople.length) {
      return { found: [], what: this.t("official-what-person", { name: unknownPeople.map((p) => titleCase(p.id)).join(", ") }) };
    }
    if (people.length) {
      const ids = new Set(people.map((p) => p.id));
      return { found: this.kb.officials.filter((o) => ids.has(o.id)), what: null };
    }
    const roles = refsOf(this.u, "role").map((r) => r.id);
    // "Rektor Unmul soal MoU dengan Peruri": Peruri is the topic, Unmul the rector's place.
    const orgs = this.u.entities
      .filter((e) => e.ref.type === "org" && !(roles.length && e.start > 0 && TOPIC_MARKERS.has(this.u.tokens[e.start - 1]!)))
      .map((e) => e.ref as Extract<EntityRef, { type: "org" }>);
    // With a role, the place is the province right after it ("Wagub Kaltim ... dengan Jatim" is about Kaltim's vice governor).
    const roleEnds = this.u.entities.filter((e) => e.ref.type === "role").map((e) => e.end);
    const adjacent = this.u.entities
      .filter((e) => e.ref.type === "province" && roleEnds.some((end) => e.start === end || (e.start === end + 1 && ["provinsi", "of", "di"].includes(this.u.tokens[end]!))))
      .map((e) => (e.ref as { id: string }).id);
    // Otherwise provinces after "dengan"/"with"/"soal" are the topic, not the official's place.
    const topicOnly = this.u.entities
      .filter((e) => e.ref.type === "province" && e.start > 0 && TOPIC_MARKERS.has(this.u.tokens[e.start - 1]!))
      .map((e) => (e.ref as { id: string }).id);
    const provs = roles.length && adjacent.length ? [...new Set(adjacent)] : roles.length ? this.provinces.filter((p) => !topicOnly.includes(p)) : this.provinces;
    const found = this.kb.officials.filter(
      (o) =>
        (roles.length === 0 || roles.includes(o.role)) &&
        provs.every((p) => o.province === p || (o.organisation && this.kb.organisations.find((x) => x.id === o.organisation)?.province === p && roles.length === 0)) &&
        orgs.every((g) => g.known && o.organisation === g.id),
    );
    const place = [...orgs.map((g) => (g.known ? this.orgName(g.id) : g.id.toUpperCase())), ...provs.map(provinceName)].join(" ");
    const what = this.t("official-what", { role: roles.map((r) => this.roleName(r)).join(" ") || this.roleName("lainnya"), place });
    // A role with no place at all ("siapa gubernur?") is too vague to single anyone out.
    if (roles.length && !orgs.length && !provs.length && !(allowVague && found.length === 1)) return { found: [], what };
    // Nobody described at all ("Siapa direktur PT X?" with X unknown): nobody to name.
    if (!roles.length && !orgs.length && !provs.length) return { found: [], what };
    return { found, what };
  }

  private yearMismatch(validAsOf: string): boolean {
    return this.u.years.length > 0 && !this.u.years.includes(Number(validAsOf.slice(0, 4)));
  }

  private official(): Reply {
    const { found, what } = this.findOfficials();
    const list = found.filter((o) => !this.yearMismatch(o.validAsOf));
    if (!list.length) {
      return this.notAvailable(
        (what ?? this.t("official-what", { role: "", place: "" })) + (this.u.years.length ? ` ${this.u.years.join(", ")}` : ""),
        this.kb.officials.map((o) => this.t("official-available-item", { name: o.name, role: this.roleName(o.role), place: this.placeOf(o) })),
        [this.t("suggest-pejabat")],
      );
    }
    const texts = list.map((o) => {
      let s = this.t("official-line", { name: o.name, role: this.roleName(o.role), place: this.placeOf(o) });
      if (o.nickname) s += ` ${this.t("official-nickname", { nickname: o.nickname })}`;
      return s;
    });
    return { answered: true, text: this.withSource(texts.join("\n"), list.map((o) => [o.sourceId, o.validAsOf])), suggestions: [this.t("suggest-pernyataan"), this.t("suggest-acara_peserta")] };
  }

  private statement(): Reply {
    const named = refsOf(this.u, "person").length + refsOf(this.u, "role").length + refsOf(this.u, "org").length > 0;
    const { found, what } = named ? this.findOfficials(true) : { found: this.kb.officials, what: null };
    const ids = new Set(found.map((o) => o.id));
    const list = this.kb.statements.filter((s) => ids.has(s.official));
    if (!list.length) {
      return this.notAvailable(this.t("statement-what", { who: what ?? "" }), this.kb.statements.map((s) => this.kb.officials.find((o) => o.id === s.official)?.name ?? s.official), [this.t("suggest-pernyataan")]);
    }
    const texts = list.map((s) => {
      const o = this.kb.officials.find((x) => x.id === s.official)!;
      return this.t(s.quoted ? "statement-quoted" : "statement-reported", { name: o.name, role: this.roleName(o.role), place: this.placeOf(o), text: s.text });
    });
    return { answered: true, text: this.withSource(texts.join("\n\n"), list.map((s) => [s.sourceId, undefined])), suggestions: [this.t("suggest-manfaat_kerja_sama")] };
  }

  private benefit(): Reply {
    const events = this.matchingEvents().filter((e) => e.goals.length);
    const unknown = this.unknownRefs();
    if (!events.length || unknown.length) {
      return this.notAvailable(this.t("coop-what-pair", { pair: this.pairName(this.provinces) || unknown.join(" ") }), this.kb.events.map((e) => e.title));
    }
    const e = events[0]!;
    const parts = [this.t("benefit-intro", { pair: this.pairName(e.provinces), goals: joinList(e.goals, this.lang) })];
    const statements = this.kb.statements.filter((s) => e.participants.includes(s.official));
    for (const s of statements) {
      const o = this.kb.officials.find((x) => x.id === s.official)!;
      parts.push(this.t(s.quoted ? "statement-quoted" : "statement-reported", { name: o.name, role: this.roleName(o.role), place: this.placeOf(o), text: s.text }));
    }
    return { answered: true, text: this.withSource(parts.join("\n\n"), [[e.sourceId, e.validAsOf]]), suggestions: [this.t("suggest-komoditas"), this.t("suggest-target_ekonomi")] };
  }

  // ---- commodities, targets, acronyms, sources ----

  private commodity(): Reply {
    // "di sektor pertambangan": a sector other than the commodities' own.
    const sectorAt = this.u.tokens.findIndex((t) => t === "sektor" || t === "sector" || t === "bidang");
    const sector = sectorAt >= 0 ? this.u.tokens[sectorAt + 1] : undefined;
    if (sector && !["apa", "mana", "what", "which", "unggulan"].includes(sector) && !this.kb.commodities.some((c) => c.sector === sector)) {
      return this.notAvailable(this.t("commodity-what-item", { item: `${this.u.tokens[sectorAt]} ${sector}` }), this.availableFor("komoditas"), [this.t("suggest-komoditas")]);
    }
    const items = refsOf(this.u, "commodity");
    const unknownItems = items.filter((c) => !c.known);
    const provs = this.provinces;
    const towards = provs.length > 1 ? this.destinations() : [];
    const origins = provs.filter((p) => !towards.includes(p));
    // "komoditas unggulan Jatim dan Kaltim": each province named as an origin must have its own.
    if (origins.length > 1 && !towards.length && origins.some((p) => !this.kb.commodities.some((c) => c.province === p))) {
      const missing = origins.filter((p) => !this.kb.commodities.some((c) => c.province === p));
      return this.notAvailable(this.t("commodity-what", { province: missing.map(provinceName).join(", ") }), this.availableFor("komoditas"), [this.t("suggest-komoditas")]);
    }
    const list = this.kb.commodities.filter(
      (c) =>
        origins.every((p) => c.province === p || (provs.length > 1 && !towards.length && c.targetMarkets.includes(p))) &&
        towards.every((p) => c.targetMarkets.includes(p)) &&
        items.every((i) => i.known && c.items.includes(i.id)),
    );
    if (unknownItems.length || !list.length) {
      const what = unknownItems.length || items.length
        ? this.t("commodity-what-item", { item: items.map((i) => i.id).join(", ") + (provs.length ? ` ${provs.map(provinceShort).join("–")}` : "") })
        : this.t("commodity-what", { province: provs.map(provinceName).join(" – ") });
      return this.notAvailable(what, this.kb.commodities.map((c) => `${provinceShort(c.province)}: ${joinList(c.items, this.lang)}`), [this.t("suggest-komoditas")]);
    }
    const texts = list.map((c) => this.t("commodity-line", { province: provinceName(c.province), sector: c.sector, items: joinList(c.items, this.lang), note: c.note ?? "" }).trim());
    return { answered: true, text: this.withSource(texts.join("\n"), list.map((c) => [c.sourceId, c.validAsOf])), suggestions: [this.t("suggest-target_ekonomi"), this.t("suggest-nilai_kerja_sama")] };
  }

  private target(): Reply {
    const provs = this.provinces;
    const other = [...this.tokens].filter((w) => OTHER_INDICATORS.has(w));
    const list = this.kb.targets.filter((t) => provs.every((p) => t.province === p));
    // "pertumbuhan ekonomi Kaltim saat ini" asks for the actual figure, not the target.
    const actual = /\b(saat ini|sekarang|current|currently|realisasi|actual)\b/.test(this.u.normalized) && !this.hasAny(TARGET_WORDS);
    const yearAsked = this.u.years.length > 0 || this.relativeYears().length > 0 || actual;
    if (other.length || !list.length || this.unknownRefs().length || yearAsked) {
      return this.notAvailable(
        this.t("target-what", { indicator: other.join(" ") || "pertumbuhan ekonomi", province: provs.map(provinceName).join(" – ") }),
        this.kb.targets.map((t) => `${t.indicator} ${provinceShort(t.province)}`),
        [this.t("suggest-target_ekonomi")],
      );
    }
    const texts = list.map((t) =>
      this.t("target-line", {
        indicator: t.indicator,
        province: provinceName(t.province),
        value: this.qualified(t.comparator, `${formatNumber(t.value, this.lang)} ${t.unit}`),
        horizon: t.horizon,
      }),
    );
    return { answered: true, text: this.withSource(texts.join("\n"), list.map((t) => [t.sourceId, t.validAsOf])), suggestions: [this.t("suggest-komoditas")] };
  }

  private acronym(): Reply {
    // "kepanjangan PT Peruri": the organisation's name is the abbreviation asked about.
    const orgIds = refsOf(this.u, "org").filter((o) => o.known).map((o) => o.id);
    const ids = [...new Set([...refsOf(this.u, "acronym").map((a) => a.id), ...orgIds.filter((id) => this.kb.acronyms.some((a) => a.id === id))])];
    const list = this.kb.acronyms.filter((a) => ids.includes(a.id));
    const unknown = [...this.u.unknown, ...this.unknownRefs()];
    if (!list.length || unknown.length) {
      return this.notAvailable(this.t("acronym-what", { short: unknown.join(", ").toUpperCase() || this.u.tokens.at(-1)?.toUpperCase() || "" }), this.kb.acronyms.map((a) => a.short), [this.t("suggest-akronim")]);
    }
    const texts = list.map((a) => this.t("acronym-line", { short: a.short, long: a.long }));
    return { answered: true, text: this.withSource(texts.join("\n"), list.map((a) => [a.sourceId, undefined])), suggestions: [this.t("suggest-nilai_kerja_sama")] };
  }

  private sources(): Reply {
    // "berita tentang misi dagang Jabar": a source about something we do not hold.
    const known = new Set(this.kb.events.flatMap((e) => e.provinces));
    if (this.provinces.some((p) => !known.has(p)) || this.unknownRefs().length) {
      return this.notAvailable(this.t("topic-sumber") + " " + this.entityTexts(["role"]).join(" "), this.availableFor("sumber"), [this.t("suggest-sumber")]);
    }
    const lines = this.kb.sources.map((s: Source) =>
      this.t("source-item", { title: s.title, publisher: s.publisher, date: formatShortDate(s.date, this.lang), author: s.author ? ` (${s.author})` : "" }),
    );
    return { answered: true, text: `${this.t("source-list")}\n${lines.join("\n")}`, suggestions: defaultSuggestions(this.t) };
  }
}

function titleCase(s: string): string {
  return s.replace(/\b\p{L}/gu, (c) => c.toUpperCase());
}
