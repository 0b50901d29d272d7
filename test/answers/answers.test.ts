import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answers/index.js";
import { formatDate, formatRupiah, formatShortDate, formatTime, joinList, zoneAbbr } from "../../src/knowledge/format.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";

const SOURCE_ID = "Sumber: “Perkuat Konektivitas, Pemprov Jatim Lakukan Kunjungan Ke Pemprov Kaltim”, siaran pers (Himawan Yokominarno), 8 Mei 2025.";
const SOURCE_EN = "Source: “Perkuat Konektivitas, Pemprov Jatim Lakukan Kunjungan Ke Pemprov Kaltim”, siaran pers (Himawan Yokominarno), 8 May 2025.";
const now = new Date("2026-11-27T03:00:00Z");

describe("formatting", () => {
  it("writes rupiah the Indonesian way", () => {
    expect(formatRupiah(165_700_000_000)).toBe("Rp165,7 miliar");
    expect(formatRupiah(400_000_000_000)).toBe("Rp400 miliar");
    expect(formatRupiah(1_250_000_000_000)).toBe("Rp1,25 triliun");
    expect(formatRupiah(7_500_000)).toBe("Rp7,5 juta");
    expect(formatRupiah(950_000)).toBe("Rp950.000");
    expect(formatRupiah(165_700_000_000, "en")).toBe("Rp165.7 billion");
  });

  it("writes dates with the weekday", () => {
    expect(formatDate("2025-05-08", "id")).toBe("Kamis, 8 Mei 2025");
    expect(formatDate("2025-05-08", "en")).toBe("Thursday, 8 May 2025");
    expect(formatShortDate("2025-05-08", "id")).toBe("8 Mei 2025");
  });

  it("writes times with the zone of the place", () => {
    expect(zoneAbbr("Asia/Jakarta")).toBe("WIB");
    expect(zoneAbbr("Asia/Makassar")).toBe("WITA");
    expect(zoneAbbr("Asia/Jayapura")).toBe("WIT");
    expect(formatTime("09:30", "Asia/Makassar", "id")).toBe("09.30 WITA");
    expect(formatTime("09:30", "Asia/Jayapura", "en")).toBe("09:30 WIT");
  });

  it("joins lists naturally", () => {
    expect(joinList(["a", "b", "c"], "id")).toBe("a, b, dan c");
    expect(joinList(["a", "b"], "en")).toBe("a and b");
  });
});

describe("Answerer", () => {
  let answerer: Answerer;
  beforeAll(() => {
    answerer = new Answerer(loadKnowledgeFile(dataPath("knowledge.json")));
  });
  const ask = (q: string) => answerer.answer(q, { now });

  it("answers a chatty value question with the figure, its source and date", () => {
    const a = ask("brp nilai kerjasama jatim kaltim th 2023?");
    expect(a).toMatchObject({ intent: "nilai.nilai", answered: true, lang: "id" });
    expect(a.answer).toContain("Nilai kerja sama Jatim–Kaltim pada tahun 2023 mencapai Rp165,7 miliar.");
    expect(a.answer).toContain(SOURCE_ID);
    expect(a.score).toBeGreaterThan(0.5);
    expect(a.score).toBeLessThanOrEqual(1);
  });

  it("answers the cumulative value with its qualifier, date and the agency behind it", () => {
    const a = ask("nilai kumulatif kerja sama jatim kaltim sampai sekarang berapa");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("Nilai kumulatif kerja sama Jatim–Kaltim per 8 Mei 2025 lebih dari Rp400 miliar.");
    expect(a.answer).toContain("DPMPTSP");
    expect(a.answer).not.toContain("165,7");
  });

  it("gives the event date with its weekday; its start time is refused, not invented", () => {
    const a = ask("kapan misi dagang jatim ke kaltim?");
    expect(a).toMatchObject({ intent: "acara.waktu", answered: true });
    expect(a.answer).toContain("Kamis, 8 Mei 2025");
    expect(a.answer).toContain(SOURCE_ID);
    const time = ask("jam berapa misi dagang jatim ke kaltim dimulai?");
    expect(time.answered).toBe(false);
    expect(time.answer).toContain("jam");
    expect(time.answer).toContain("belum tersedia");
  });

  it("names officials by role and place, with their source", () => {
    const a = ask("siapa wagub kaltim");
    expect(a).toMatchObject({ intent: "pejabat.siapa", answered: true });
    expect(a.answer.split("\n")[0]).toBe("Seno Aji adalah Wakil Gubernur Kalimantan Timur.");
    expect(a.answer).toContain(SOURCE_ID);
    expect(ask("Pak Ivan itu siapa sebenarnya?").answer).toContain("Abdunnur adalah Rektor Universitas Mulawarman");
  });

  it("answers an organisation's own attribute, not the event's", () => {
    const a = ask("Unmul ada di kota mana?");
    expect(a.answer).toContain("Samarinda");
    expect(a.answer).not.toContain("Balikpapan");
    expect(ask("hotelnya apa").answer).toContain("Swiss-Belhotel Balikpapan");
    expect(ask("alamat swiss belhotel nya di jalan apa").answer).toContain("Jalan Jenderal Sudirman");
  });

  it("answers every part of a question that asks several things", () => {
    const a = ask("kapan dan di mana misi dagang jatim ke kaltim");
    expect(a.answer).toContain("Kamis, 8 Mei 2025");
    expect(a.answer).toContain("Swiss-Belhotel Balikpapan");
  });

  it("understands Javanese-mixed chat and numbers written in words", () => {
    expect(ask("piro nilai kerjasamane jatim karo kaltim taun 2023?").answer).toContain("Rp165,7 miliar");
    expect(ask("rektore unmul sopo jenenge").answer).toContain("Abdunnur");
    expect(ask("nilai kerja sama jatim kaltim tahun dua ribu dua puluh tiga").answer).toContain("Rp165,7 miliar");
  });

  it("answers English questions in English", () => {
    const a = ask("What was the value of the cooperation in 2023?");
    expect(a).toMatchObject({ intent: "nilai.nilai", answered: true, lang: "en" });
    expect(a.answer).toContain("The value of the Jatim–Kaltim cooperation in 2023 reached Rp165.7 billion.");
    expect(a.answer).toContain(SOURCE_EN);
    expect(a.answer).not.toMatch(/Sumber|Maaf|mencapai/);
    const when = ask("when was the trade mission?");
    expect(when.answer).toContain("Thursday, 8 May 2025");
  });

  it("refuses another year instead of giving the nearest fact, and suggests what is held", () => {
    const a = ask("nilai kerja sama jatim kaltim tahun 2022");
    expect(a.answered).toBe(false);
    expect(a.answer).toContain("nilai kerja sama Jatim–Kaltim tahun 2022");
    expect(a.answer).toContain("belum tersedia");
    expect(a.answer).not.toContain("165,7");
    expect(a.suggestions).toContain("Berapa nilai kerja sama Jatim–Kaltim tahun 2023?");
  });

  it("refuses other provinces, universities, officials and near misses", () => {
    for (const q of [
      "nilai kerja sama jabar kaltim 2023", "siapa rektor ITS", "siapa gubernur kaltim", "apa itu PDRB", "komoditas unggulan sulsel",
      "Berapa nilai MoU Unmul dan Peruri?", "Mohon informasi apakah ada penandatanganan MoU antara Unmul dan Bank Indonesia?",
    ]) {
      const a = ask(q);
      expect(a.answered, q).toBe(false);
      expect(a.answer, q).toContain("belum tersedia");
    }
  });

  it("refuses details the source never gives", () => {
    for (const q of ["jam berapa misi dagang dimulai", "berapa orang yang hadir di misi dagang", "berapa biaya misi dagang jatim"]) {
      expect(ask(q).answered, q).toBe(false);
    }
  });

  it("lists events, and refuses an event list whose filters select nothing", () => {
    const all = ask("ada acara apa saja");
    expect(all.answered).toBe(true);
    expect(all.answer).toContain("Misi Dagang dan Investasi Pemprov Jawa Timur ke Kalimantan Timur berlangsung pada Kamis, 8 Mei 2025");
    for (const q of ["jadwal misi dagang tahun 2026", "ada pameran di samarinda bulan depan", "daftar misi dagang pemprov jabar"]) {
      expect(ask(q).answered, q).toBe(false);
    }
  });

  it("falls back with at most three suggestions for questions out of scope", () => {
    const a = ask("resep rendang yang empuk gimana");
    expect(a).toMatchObject({ intent: null, answered: false });
    expect(a.suggestions.length).toBeGreaterThan(0);
    expect(a.suggestions.length).toBeLessThanOrEqual(3);
    expect(a.answer).toContain("Mungkin maksud Anda");
  });

  it("treats words that are also JavaScript property names as plain words", () => {
    for (const q of ["constructor kerja sama jatim kaltim 2024", "nilai kerja sama jatim kaltim bulan toString 2024", "__proto__ hasOwnProperty valueOf", "kapan acara constructor"]) {
      const a = ask(q);
      expect(typeof a.answer).toBe("string");
      expect(a.answer.length).toBeGreaterThan(0);
    }
    expect(ask("constructor kerja sama jatim kaltim 2024").answer).not.toContain("function");
  });

  it("answers small talk in the question's language, and not a wall of one letter", () => {
    expect(ask("halo min")).toMatchObject({ intent: "sapaan", answered: true, lang: "id" });
    expect(ask("thank you so much").answer).toMatch(/welcome/i);
    expect(ask("a".repeat(4096)).answered).toBe(false);
  });

  it("reads words with zero-width characters inside as whole words", () => {
    expect(ask("nilai ker\u200djasama jatim kaltim 2023").answer).toContain("Rp165,7 miliar");
  });

  it("reads -nya forms as the bare word (\"kapan acaranya?\" asks for the date)", () => {
    const a = ask("kpn acaranya?");
    expect(a).toMatchObject({ intent: "acara.waktu", answered: true });
    expect(a.answer).toContain("Kamis, 8 Mei 2025");
    expect(ask("dimana acaranya").answer).toContain("Swiss-Belhotel Balikpapan");
  });

  it("says no upcoming event is recorded when asked for the next one, and suggests the latest", () => {
    const a = ask("kapan acara berikutnya?");
    expect(a.answered).toBe(false);
    expect(a.answer).toContain("acara mendatang");
    expect(a.answer).toContain("belum tersedia");
    expect(a.suggestions.join(" ")).toContain("misi dagang Jatim–Kaltim");
  });

  it("builds its example questions from the knowledge base, and each is answered", () => {
    const examples = answerer.examples("id", 3, now);
    expect(examples.length).toBe(3);
    for (const e of examples) expect(ask(e.text).answered, e.text).toBe(true);
  });
});
