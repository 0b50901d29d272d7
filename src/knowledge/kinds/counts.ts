import { formatDate } from "../format.js";
import { provinces } from "../provinces.js";
import type { Count } from "../schema.js";
import { num, pairName, qualified } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(n: Count, c: RenderCtx): string {
  const ev = n.eventId ? c.kb.get("events", n.eventId) : undefined;
  const value = qualified(c, n.qualifier, `${num(c, n.value)}${n.unit ? ` ${n.unit}` : ""}`);
  if (/^urutan\b/.test(n.what)) {
    return c.t("count-ordinal", { what: n.what.replace(/^urutan\s+/, ""), value: num(c, n.value), event: ev ? ev.title : pairName(n.provinces) || "none" });
  }
  return ev
    ? c.t("count-event", { what: n.what, value, title: ev.title, date: formatDate(ev.date, c.lang) })
    : c.t("count-line", { what: n.what, value, pair: pairName(n.provinces) || "none" });
}

/** Roots of the words that ask for the participants' count ("peserta" → "serta", "ikut", "hadir"). */
const PARTICIPANTS = ["serta", "peserta", "ikut", "hadir", "participant", "participants"];
/** Roots of words that ask for an amount of money. */
const MONEY = ["nilai", "rupiah", "rp", "miliar", "triliun", "juta", "investasi", "value", "worth"];
/** Nouns by which counts of participants are written. */
const PARTICIPANT_NOUNS = ["pelaku", "usaha", "pengusaha", "peserta", "umkm", "perusahaan", "delegasi"];
const PROVINCE_WORDS = new Set(provinces.flatMap((p) => [p.short, ...p.name.split(" ")].map((w) => w.toLowerCase())));

/** Counts: how many took part, signed, traded — and ordinals ("provinsi ke-33"). */
export const counts: KindDef<Count> = {
  collection: "counts",
  code: "jm",
  name: "jumlah",
  words: ["jumlah", "banyaknya", "peserta", "pelaku usaha", "pengusaha", "berapa banyak", "count", "number of", "participants"],
  refs: (n, kb) => {
    const out = n.provinces.flatMap((p) => [`p:${p}`, `at:${p}`]);
    const ev = n.eventId ? kb.get("events", n.eventId) : undefined;
    if (ev) out.push(`e:${ev.id}`, `k:${ev.kind}`, `at:${ev.province}`, ...ev.provinces.map((p) => `p:${p}`));
    return out;
  },
  texts: (n) => [n.what],
  years: (n) => [Number(n.validAsOf.slice(0, 4))],
  date: (n) => n.validAsOf,
  // "berapa nilai investasinya" asks for money, which no count is.
  rejects: (_n, roots) => MONEY.some((w) => roots.has(w)),
  prefer: (n, roots) => {
    const words = n.what.toLowerCase().split(/\s+/);
    let score = 0;
    if (PARTICIPANTS.some((w) => roots.has(w)) && words.some((w) => PARTICIPANT_NOUNS.includes(w))) score += 2;
    if (words.some((w) => roots.has(w) && !PROVINCE_WORDS.has(w))) score += 1;
    // The whole count before its parts ("157 pengusaha" before "57 pengusaha Jatim"), and no ordinal unless asked.
    if (words.some((w) => PROVINCE_WORDS.has(w))) score -= 0.5;
    if (/^urutan\b/.test(n.what) && !roots.has("urut") && !roots.has("ke")) score -= 1;
    return score;
  },
  attrs: {
    count: line,
    participants: line,
    amount: line,
  },
  summary: line,
  subject: (n) => `${n.what} ${pairName(n.provinces)}`.trim(),
  suggest: ["count"],
  label: (n, c) => `${n.what}: ${num(c, n.value)}`,
  source: (n) => ({ sourceId: n.sourceId, validAsOf: n.validAsOf }),
  dependsOn: (n) => (n.eventId ? [`events/${n.eventId}`] : []),
};
