/**
 * Closed word classes of Indonesian press releases that the extractor reads
 * by: heads of organisation names, titles of office, verbs of saying, of
 * selling and buying, and the nouns that count people and things. They are
 * the grammar of the genre, not facts of any one release.
 */

/** First words of an organisation's full name. */
export const ORG_HEADS = new Set([
  "Pemerintah", "Pemprov", "Pemkab", "Pemkot", "Dinas", "Badan", "Biro", "Kantor", "Kementerian", "Otoritas", "Direktorat", "Balai", "Sekretariat", "Setda",
  "Setdaprov", "Universitas", "Institut", "Politeknik", "Sekolah", "Akademi", "PT", "UD", "CV", "Perum", "Bank", "Koperasi", "Yayasan", "Kamar", "Himpunan",
  "Ikatan", "Asosiasi", "Forum", "Paguyuban", "Persatuan", "Perhimpunan", "Gabungan", "Lembaga", "Komisi", "Dewan", "Majelis", "Organisasi", "Perusahaan",
  "Kelompok", "Konsorsium", "Federasi", "Serikat", "Kepolisian", "Pengadilan", "Kejaksaan", "Pusat", "Unit", "DPRD", "DPR", "KBRI", "Konsulat", "Kedutaan",
  "Gerakan", "Perkumpulan", "Real",
]);

/** Organisation heads that make a regional government. */
export const GOVERNMENT_HEADS = new Set(["Pemerintah", "Pemprov", "Pemkab", "Pemkot", "Setda", "Setdaprov", "Sekretariat"]);
export const AGENCY_HEADS = new Set(["Dinas", "Badan", "Biro", "Kantor", "Kementerian", "Otoritas", "Direktorat", "Balai", "DPRD", "DPR", "KBRI", "Konsulat", "Kedutaan", "Kepolisian", "Kejaksaan", "Pengadilan", "Komisi"]);
export const UNIVERSITY_HEADS = new Set(["Universitas", "Institut", "Politeknik", "Sekolah", "Akademi"]);
export const COMPANY_HEADS = new Set(["PT", "UD", "CV", "Perum", "Bank", "Koperasi"]);

/** Titles of office, longest first, with the role each stands for. */
export const ROLE_TITLES: Array<[string, string]> = [
  ["Penjabat (Pj) Gubernur", "pj-gubernur"], ["Penjabat Gubernur", "pj-gubernur"], ["Pj. Gubernur", "pj-gubernur"], ["Pj Gubernur", "pj-gubernur"],
  ["Penjabat (Pj) Bupati", "bupati"], ["Pj Bupati", "bupati"], ["Pj Wali Kota", "wali-kota"],
  ["Wakil Gubernur", "wakil-gubernur"], ["Wagub", "wakil-gubernur"], ["Gubernur", "gubernur"],
  ["Sekretaris Daerah Provinsi (Sekdaprov)", "sekretaris-daerah"], ["Sekretaris Daerah Provinsi", "sekretaris-daerah"], ["Sekretaris Daerah", "sekretaris-daerah"],
  ["Sekdaprov", "sekretaris-daerah"], ["Sekda", "sekretaris-daerah"],
  ["Wakil Bupati", "wakil-bupati"], ["Wabup", "wakil-bupati"], ["Bupati", "bupati"],
  ["Wakil Wali Kota", "wakil-wali-kota"], ["Wakil Walikota", "wakil-wali-kota"], ["Wawali", "wakil-wali-kota"], ["Wali Kota", "wali-kota"], ["Walikota", "wali-kota"],
  ["Wakil Rektor", "lainnya"], ["Rektor", "rektor"],
  ["Direktur Utama", "direktur-utama"], ["Dirut", "direktur-utama"], ["Direktur", "lainnya"],
  ["Kepala Dinas", "kepala-dinas"], ["Kadisperindag", "kepala-dinas"], ["Kadis", "kepala-dinas"],
  ["Wakil Ketua Umum", "lainnya"], ["Ketua Umum", "lainnya"], ["Wakil Ketua", "lainnya"], ["Ketua", "lainnya"], ["Kepala", "lainnya"],
  ["Asisten", "lainnya"], ["Atase", "lainnya"], ["Menteri", "lainnya"], ["Presiden", "lainnya"], ["Camat", "lainnya"], ["Deputi", "lainnya"], ["Dirjen", "lainnya"],
  ["Sekretaris", "lainnya"],
];

/** Verbs that attribute a quote: “…,” ujar X / katanya. */
export const SAY_AFTER = /^[,.]?\s*(?:["”’]\s*)?(ujar|kata|ungkap|tutur|tegas|jelas|ucap|pungkas|harap|imbuh|sebut|terang|tambah|papar|seru|sambung|lanjut|ajak|pesan|kilah|aku)(nya)?\b/i;
/** Verbs that report what someone said: "X menyampaikan bahwa …". */
export const SAY_VERBS =
  "menyampaikan|mengatakan|menyebut|menyebutkan|menilai|menjelaskan|menegaskan|mengungkapkan|menuturkan|menambahkan|mengingatkan|menekankan|menyoroti|mengajak|melaporkan|menyatakan|berharap|memaparkan|meminta|mendorong|mengaku|mengapresiasi|menyambut|optimistis|memastikan|mengharapkan|menyebutkan bahwa";

/** Verbs and nouns of selling, buying, offering and investing, with the direction they give the subject. */
export const TRADE_VERBS: Array<[RegExp, "jual" | "beli" | "unggulan" | "investasi" | "jual-pasif" | "beli-pasif"]> = [
  [/\b(menjual|mengirim|memasok|menyuplai|mengekspor|penjualan|muat|dikirim ke)\b/i, "jual"],
  [/\b(dijual|terjual|diborong|dibeli|dipesan|diminati)\b/i, "jual-pasif"],
  [/\b(membeli|memborong|memesan|belanja|pembelian|bongkar|mendatangkan|mengimpor|membutuhkan)\b/i, "beli"],
  [/\b(dipasok|didatangkan)\b/i, "beli-pasif"],
  [/\b(menawarkan|ditawarkan|unggulan|andalan|potensial|dibawa|membawa)\b/i, "unggulan"],
  [/\b(investasi)\b/i, "investasi"],
];

/** Nouns of what releases count: people, firms, deals. */
export const COUNT_NOUNS =
  "pelaku usaha|pengusaha|peserta|UMKM|perusahaan|anak perusahaan|perusahaan patungan|transaksi|kontrak dagang|kontrak|unit|rute tol laut|rute|penduduk|provinsi|kabupaten|kota|pembeli|penjual|eksportir|investor|stan|booth|gerai|produk|komoditas|buyer|seller|delegasi|orang|warga|jam|hektare|ton";

/** Words that make a figure a target rather than a result. */
export const TARGET_CUE = /\b(target|menargetkan|ditargetkan|bidik|membidik|dibidik|sasaran)\b/i;
