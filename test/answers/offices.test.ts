import { describe, expect, it } from "vitest";
import { Answerer } from "../../src/answers/index.js";
import type { DialogueState } from "../../src/answers/dialogue.js";
import { EVAL_NOW, evalKnowledge } from "../helpers/eval.js";

const papua = new Answerer(evalKnowledge("kb4"));
const seed = new Answerer(evalKnowledge("seed"));
const ask = (a: Answerer, q: string, context: DialogueState | null = null) => a.answer(q, { now: EVAL_NOW, context });

describe("offices, sides and choices (a base of another release: Jatim–Papua)", () => {
  it("names an office by its organisation: a regent by her regency, a head of agency by the agency", () => {
    expect(ask(papua, "siapa bupati sidoarjo").answer).toContain("Nur Laila Maharani adalah Bupati Sidoarjo");
    const head = ask(papua, "kepala DKP jatim siapa");
    expect(head.answer).toContain("Siti Aminah Rachmawati adalah Kepala Dinas Kelautan dan Perikanan");
    expect(head.answer).not.toContain("Dwi Cahyono");
  });

  it("people described side by side are each answered, not the event they both attended", () => {
    const r = ask(papua, "walkot jayapura sm bupati sidoarjo namanya siapa");
    expect(r.answer).toContain("Markus Ondi Yoku adalah Wali Kota Jayapura");
    expect(r.answer).toContain("Nur Laila Maharani adalah Bupati Sidoarjo");
    expect(r.answer).not.toContain("Rahmat Hidayat");
  });

  it("an acting governor answers for the governor's office and the other way round", () => {
    expect(ask(papua, "Pj gubernur papua ngomong apa?").answer).toContain("jangan berhenti di seremoni");
  });

  it("an agreement asked between two organisations must be theirs, not one signed near them", () => {
    const r = ask(seed, "apakah pemprov jatim dan pemprov kaltim tanda tangan mou juga");
    expect(r.answered).toBe(false);
    expect(r.answer).not.toContain("Peruri");
    expect(ask(seed, "mou unmul sama peruri tujuannya apa").answer).toContain("pendidikan tinggi");
  });

  it("a target is found by the province its indicator names", () => {
    const r = ask(papua, "target wisatawan jatim ke papua brp?");
    expect(r.answer).toContain("20.000 wisatawan");
  });

  it("'yang di hotel' after two events picks the one held at a hotel", () => {
    const first = ask(papua, "acara jatim-papua di jayapura jam brp mulainya?");
    expect(first.answer).toContain("10.00 WIT");
    const pick = ask(papua, "yang di hotel", first.context);
    expect(pick.answer).toContain("13.30 WIT");
    expect(pick.answer).not.toContain("10.00 WIT");
  });

  it("a record named by a question word is meant only when typed as a name", () => {
    const kb = evalKnowledge("seed");
    kb.acronyms.push({ id: "apa-x", short: "APA", long: "Asosiasi Pengusaha Apa Saja", sourceId: null } as never);
    const a = new Answerer(kb);
    expect(ask(a, "apa itu BUMN").answer).toContain("Badan Usaha Milik Negara");
    expect(ask(a, "apa kepanjangan APA").answer).toContain("Asosiasi Pengusaha Apa Saja");
  });

  it("follow-ups: a deputy after the governor, a year after a semester, one agency for all the figures", () => {
    const maluku = new Answerer(evalKnowledge("kb6"));
    const gov = ask(maluku, "siapa gubernur jabar");
    expect(gov.answer).toContain("Hendra Wiratmaja");
    expect(ask(maluku, "wakilnya siapa?", gov.context).answer).toContain("Nuraini Rahmawati Suganda adalah Wakil Gubernur Jawa Barat");

    const s1 = ask(maluku, "semester 1 2025 nilainya brp jabar maluku");
    expect(s1.answer).toContain("41,7");
    const s2 = ask(maluku, "kalau semester 2?", s1.context);
    expect(s2.answered).toBe(false);
    expect(s2.answer).not.toContain("41,7");
    const y = ask(maluku, "kalau 2023?", s2.context);
    expect(y.answer).toContain("73,9");

    const all = ask(maluku, "nilai perdagangan jabar maluku");
    const from = ask(maluku, "datanya dr dinas apa?", all.context);
    expect(from.answer).toContain("Disperindag) Provinsi Maluku");
  });

  it("the head of an agency the base does not hold is nobody, not the head of another agency", () => {
    const maluku = new Answerer(evalKnowledge("kb6"));
    const other = ask(maluku, "siapa kepala dinas kelautan dan perikanan maluku?");
    expect(other.answered).toBe(false);
    expect(other.answer).not.toContain("Abdul Haris");
    expect(ask(maluku, "siapa kepala dinas perindag maluku").answer).toContain("Abdul Haris Tuasikal");
  });
});
