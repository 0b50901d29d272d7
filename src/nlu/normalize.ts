import { readFileSync } from "node:fs";
import { dataPath } from "../paths.js";

/**
 * Chat abbreviations and spellings that the public slang list lacks or gets
 * wrong for this domain. They win over `slang-id.tsv`. An empty value drops
 * the token (fillers such as "sih", "dong", "min").
 */
const CHAT_WORDS: Record<string, string> = {
  th: "tahun", thn: "tahun", thun: "tahun", tahun2: "tahun", taun: "tahun", thnn: "tahun",
  brp: "berapa", brapa: "berapa", berapaan: "berapa", brpa: "berapa", brap: "berapa",
  kpn: "kapan", kpan: "kapan", kapn: "kapan",
  dmn: "dimana", dimn: "dimana", dmna: "dimana", dimna: "dimana", mana: "mana",
  yg: "yang", sm: "sama", ama: "sama", ma: "sama", dg: "dengan", dgn: "dengan", sama2: "sama",
  gmn: "bagaimana", gmna: "bagaimana", gimana: "bagaimana", bgmn: "bagaimana", gmana: "bagaimana",
  univ: "universitas", universitas: "universitas", uni: "universitas",
  prov: "provinsi", propinsi: "provinsi", pemda: "pemprov", pemrov: "pemprov",
  kerjsama: "kerjasama", kerjasma: "kerjasama", krjsama: "kerjasama", krjasama: "kerjasama", kerjasam: "kerjasama",
  kerjasamanya: "kerjasama", kerjsm: "kerjasama", kjsm: "kerjasama", kerma: "kerjasama",
  wagub: "wakil gubernur", wagubnya: "wakil gubernur", gub: "gubernur", gubnur: "gubernur", gubenur: "gubernur",
  kadis: "kepala dinas", walkot: "walikota", "wali": "wali",
  tgl: "tanggal", tggl: "tanggal", jam: "jam", pkl: "pukul",
  ttd: "tandatangan", tandatangan: "tandatangan", teken: "tandatangan", diteken: "tandatangan",
  skrg: "sekarang", skrang: "sekarang", sekarng: "sekarang",
  ga: "tidak", gak: "tidak", gk: "tidak", nggak: "tidak", ngga: "tidak", enggak: "tidak", tdk: "tidak", g: "tidak",
  udh: "sudah", udah: "sudah", sdh: "sudah", dah: "sudah", blm: "belum", blom: "belum",
  dr: "dari", dri: "dari", utk: "untuk", untk: "untuk", bwt: "untuk", bt: "untuk",
  jt: "juta", jtа: "juta", milyar: "miliar", miliyar: "miliar", mlyr: "miliar", mlr: "miliar", trilyun: "triliun", triliyun: "triliun",
  info: "informasi", infonya: "informasi", inpo: "informasi",
  acr: "acara", acra: "acara", event: "acara", ivent: "acara", even: "acara",
  komoditi: "komoditas", komodit: "komoditas",
  sumbernya: "sumber", src: "sumber",
  mou: "mou", nota: "nota", kesepahaman: "kesepahaman",
  ekonomi: "ekonomi", ekonom: "ekonomi", ekon: "ekonomi",
  persen: "persen", "%": "persen", prsn: "persen", pct: "persen", percent: "percent",
  apaan: "apa", apasih: "apa", ap: "apa", aps: "apa",
  sapa: "siapa", spa: "siapa", siapakah: "siapa", cp: "siapa",
  knp: "kenapa", np: "kenapa", napa: "kenapa",
  bln: "bulan", blan: "bulan", mgg: "minggu", mg: "minggu", hr: "hari", hri: "hari",
  pny: "punya", pnya: "punya", ada: "ada", ad: "ada",
  kaltim: "kaltim", jatim: "jatim",
  byk: "banyak", bnyk: "banyak", banyk: "banyak",
  tau: "tahu", tw: "tahu", tahu: "tahu",
  lg: "lagi", lgi: "lagi", aj: "saja", aja: "saja", ja: "saja", sj: "saja",
  jg: "juga", jga: "juga", tp: "tapi", tpi: "tapi",
  kl: "kalau", klo: "kalau", kalo: "kalau", klu: "kalau",
  trs: "terus", trus: "terus", sy: "saya", aku: "saya", ak: "saya", gw: "saya", gue: "saya", gua: "saya",
  pgn: "ingin", pengen: "ingin", pengin: "ingin", mau: "mau", mo: "mau", mw: "mau",
  dpt: "dapat", dapet: "dapat", dapt: "dapat",
  krm: "kirim", kirimin: "kirim", kirimkan: "kirim",
  ingetin: "ingatkan", ingatin: "ingatkan", inget: "ingat",
  thx: "terima kasih", thanks: "thanks", makasih: "terima kasih", mksh: "terima kasih", makasi: "terima kasih", tq: "terima kasih", trims: "terima kasih", trimakasih: "terima kasih", terimakasih: "terima kasih",
  m: "miliar", t: "triliun", rb: "ribu", ribuan: "ribu",
  unsub: "berhenti langganan", subscribe: "langganan", notif: "notifikasi", notifnya: "notifikasi", notifikasinya: "notifikasi",
  dateng: "datang", dtg: "datang", dtng: "datang", ikutan: "ikut", diadain: "diadakan", ngadain: "mengadakan", ngadakan: "mengadakan",
  ditanyain: "ditanyakan", nanya: "tanya", nanyain: "tanya", tanyain: "tanya", ngasih: "memberi", kasih: "beri",
  ngomong: "bicara", ngomongin: "bicara", omong: "bicara", bilang: "kata", ngomongnya: "bicara",
  ngejar: "kejar", ngincer: "incar", mukul: "memukul", nyambut: "menyambut", nulis: "menulis",
  gede: "besar", gedhe: "besar", gedenya: "besar", kecil2: "kecil", bener: "benar", beneran: "benar",
  pas: "saat", waktu: "waktu", buat: "untuk", bikin: "membuat", kayak: "seperti", kyk: "seperti", kek: "seperti",
  doang: "saja", aja2: "saja", apa2: "apa", siapa2: "siapa", mana2: "mana",
  kemana: "kemana", kmn: "kemana", drmn: "darimana", darimana: "darimana",
  brpa2: "berapa", brapaan: "berapa",
  tanggalnya: "tanggal", jamnya: "jam", harinya: "hari", tempatnya: "tempat", lokasinya: "lokasi", alamatnya: "alamat",
  sm2: "sama", bareng: "bersama", barengan: "bersama",
  pemprop: "pemprov", pemprovnya: "pemprov",
  kerjsamanya: "kerjasama", kemitraannya: "kemitraan",
  mitranya: "mitra", manfaatnya: "manfaat", untungnya: "untung", tujuannya: "tujuan", targetnya: "target",
  jd: "jadi", jdi: "jadi", krn: "karena", karna: "karena", soalnya: "soal",
  gimn: "bagaimana", gmna2: "bagaimana", bgmana: "bagaimana",
  // English words the public slang list maps to Indonesian ones ("next" -> "lanjut"): English questions keep them.
  can: "can", next: "next", most: "most", less: "less", still: "still",
  sd: "sampai", smpe: "sampai", sampe: "sampai", smp: "sampai", hingga: "hingga",
  ngapain: "kegiatan apa", ngapa: "kenapa",
  izin: "", ijin: "", numpang: "",
  wr: "", wb: "", nya: "", admin: "", minn: "",
  wkwk: "", wkwkwk: "", hehe: "", haha: "", hihi: "",
  // Fillers: dropped.
  ya: "", yah: "", yaa: "", sih: "", dong: "", donk: "", dunk: "", deh: "", nih: "", kah: "", lah: "", loh: "", kok: "",
  min: "", mimin: "", kak: "", gan: "", sis: "", bro: "", bang: "", mas: "", mbak: "", pak: "", bu: "", bpk: "", ibu: "", bapak: "",
  tolong: "", mohon: "", please: "", pls: "", plis: "", coba: "", eh: "", hmm: "", oh: "", btw: "", kira: "", kira2: "",
};

const DROP = "";

/** Two-word spellings folded into one token before lookup. */
const MERGES: Array<[RegExp, string]> = [
  [/\b(?:be)?kerja[\s-]*sama(?:nya)?\b/g, "kerjasama"],
  [/\bkerja\s+sm\b/g, "kerjasama"],
  [/\bdi\s+mana\b/g, "dimana"],
  [/\bdi\s+manakah\b/g, "dimana"],
  [/\bke\s+mana\b/g, "kemana"],
  [/\btanda\s+tangan\b/g, "tandatangan"],
  [/\bwali\s+kota\b/g, "walikota"],
  [/\bibu\s+kota\b/g, "ibukota"],
  [/\bterima\s+kasih\b/g, "terimakasih"],
  [/\bs\s*\/\s*d\b/g, "sampai"],
  [/\bs d\b/g, "sampai"],
];

function loadSlang(): Map<string, string> {
  const map = new Map<string, string>();
  const text = readFileSync(dataPath("slang-id.tsv"), "utf8");
  for (const line of text.split("\n").slice(1)) {
    const [slang, formal] = line.split("\t");
    if (!slang || formal === undefined) continue;
    const key = slang.trim().toLowerCase();
    // Single letters in the public list ("d", "k", "n") are too ambiguous for questions.
    if (key.length < 2 || key.includes(" ")) continue;
    map.set(key, formal.trim().toLowerCase());
  }
  for (const [k, v] of Object.entries(CHAT_WORDS)) map.set(k, v);
  return map;
}

/** slang/abbreviation -> formal word(s); "" means "drop". */
export const slang: ReadonlyMap<string, string> = loadSlang();

/** Collapses letters repeated three or more times ("bangettt" -> "banget"). */
export function squeeze(token: string): string {
  return token.replace(/(\p{L})\1{2,}/gu, "$1");
}

/**
 * Turns raw chat text into canonical tokens: clean, fold two-word spellings,
 * collapse repeated letters, expand slang, drop fillers. No vocabulary needed.
 */
export function tokenize(text: string): string[] {
  return tokenizeClean(clean(text));
}

/** `tokenize` for text that already went through `clean`. */
export function tokenizeClean(cleaned: string): string[] {
  let s = cleaned;
  // The merges are many regular expressions: run them only when a trigger is there.
  if (MERGE_HINT.test(s)) for (const [re, to] of MERGES) s = s.replace(re, to);
  const out: string[] = [];
  for (const raw of s.split(" ")) {
    if (!raw) continue;
    const tok = REPEAT_HINT.test(raw) && !DIGIT.test(raw) ? squeeze(raw) : raw;
    const mapped = slang.get(tok);
    if (mapped === undefined) {
      out.push(tok);
    } else if (mapped !== DROP) {
      for (const part of mapped.split(/\s+/)) if (part) out.push(part);
    }
  }
  return out;
}

const MERGE_HINT = /kerja|di |ke |tanda|wali|terima|ibu|s d/;
const REPEAT_HINT = /(.)\1\1/;
const DIGIT = /\d/;
const NON_ASCII = /[^\x00-\x7f]/;

/** Lower-cases, strips accents and punctuation; keeps numbers such as "165,7" and "08/05/2025" whole. */
export function clean(text: string): string {
  let s = NON_ASCII.test(text) ? text.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").toLowerCase() : text.toLowerCase();
  if (s.includes("'") || NON_ASCII.test(s) || s.includes("`")) s = s.replace(/[’'`]/g, "");
  if (DIGIT.test(s)) {
    s = s.replace(/(\d{4})\s*[-–—]\s*(\d{4})/g, "$1 sampai $2");
    s = s.replace(/\brp\.?\s*(?=\d)/g, "rp ");
  }
  if (s.includes("%")) s = s.replace(/%/g, " persen ");
  // Separators between digits stay ("165,7", "08/05/2025"); other punctuation
  // separates words. Runs of kept characters are sliced out whole: this runs for every message.
  const words: string[] = [];
  let start = -1;
  for (let i = 0; i < s.length; i++) {
    const code = s.charCodeAt(i);
    const keep =
      (code >= 97 && code <= 122) ||
      (code >= 48 && code <= 57) ||
      (code > 127 && WORD_CHAR.test(s[i]!)) ||
      ((code === 46 || code === 44 || code === 47) && start >= 0 && isDigit(s.charCodeAt(i - 1)) && isDigit(s.charCodeAt(i + 1)));
    if (keep) {
      if (start < 0) start = i;
    } else if (start >= 0) {
      words.push(s.slice(start, i));
      start = -1;
    }
  }
  if (start >= 0) words.push(s.slice(start));
  return words.join(" ");
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

function isDigit(code: number): boolean {
  return code >= 48 && code <= 57;
}
