import { describe, expect, it } from "vitest";
import { clean, squeeze, tokenize } from "../../src/nlu/normalize.js";
import { Vocabulary, editDistance } from "../../src/nlu/vocabulary.js";

describe("tokenize", () => {
  it("expands chat abbreviations and slang", () => {
    expect(tokenize("brp nilai kerjasama jatim kaltim th 2023?")).toEqual(["berapa", "nilai", "kerjasama", "jatim", "kaltim", "tahun", "2023"]);
    expect(tokenize("kpn acaranya, dmn yg hadir?")).toEqual(["kapan", "acaranya", "dimana", "yang", "hadir"]);
    expect(tokenize("gmn kerja sama jatim sm kaltim")).toEqual(["bagaimana", "kerjasama", "jatim", "sama", "kaltim"]);
    expect(tokenize("udh tembus 400 M blm")).toEqual(["sudah", "tembus", "400", "miliar", "belum"]);
  });

  it("drops fillers such as sih, dong, min, ya", () => {
    expect(tokenize("min, nilainya berapa sih dong ya")).toEqual(["nilainya", "berapa"]);
  });

  it("collapses letters repeated three times or more", () => {
    expect(squeeze("bangettt")).toBe("banget");
    expect(tokenize("berapaaaa nilainyaaa")).toEqual(["berapa", "nilainya"]);
    // Double letters are real spelling and stay.
    expect(tokenize("saat ini")).toEqual(["saat", "ini"]);
  });

  it("folds every spelling of kerja sama into one token", () => {
    for (const q of ["kerja sama", "kerjasama", "Kerja-Sama", "kerjsama", "bekerja sama", "kerja  sama", "kerjasamanya", "kerja samanya", "krjsama"]) {
      expect(tokenize(q), q).toEqual(["kerjasama"]);
    }
  });

  it("keeps numbers, decimals and dates whole", () => {
    expect(tokenize("Rp165,7 miliar")).toEqual(["rp", "165,7", "miliar"]);
    expect(tokenize("tanggal 08/05/2025 jam 09.30")).toEqual(["tanggal", "08/05/2025", "jam", "09.30"]);
    expect(tokenize("sekitar 50% dari total")).toEqual(["sekitar", "50", "persen", "dari", "total"]);
    expect(tokenize("periode 2022-2024")).toEqual(["periode", "2022", "sampai", "2024"]);
    expect(tokenize("2022 s/d 2024")).toEqual(["2022", "sampai", "2024"]);
  });

  it("lower-cases, strips accents and punctuation", () => {
    expect(clean("Siapa Rektor UNMUL?!")).toBe("siapa rektor unmul");
    expect(clean("Café  Swiss-Belhotel")).toBe("cafe swiss belhotel");
  });
});

describe("Vocabulary", () => {
  const vocab = new Vocabulary(["nilai", "kaltim", "jatim", "kerjasama", "kata", "target", "pertama", "pertamina", "mulawarman"], ["pertamina"]);

  it("corrects one-keystroke typos of known words", () => {
    expect(vocab.correct("kaltm")).toBe("kaltim");
    expect(vocab.correct("jatimm")).toBe("jatim");
    expect(vocab.correct("nlai")).toBe("nilai");
    expect(vocab.correct("mulawarmn")).toBe("mulawarman");
  });

  it("reduces affixed words to a known root", () => {
    expect(vocab.correct("ditargetkan")).toBe("target");
    expect(vocab.correct("nilainya")).toBe("nilai");
  });

  it("does not turn ordinary words into entity names or other words", () => {
    expect(vocab.correct("pertama")).toBe("pertama");
    expect(vocab.correct("katak")).toBeNull();
    expect(vocab.correct("cuaca")).toBeNull();
  });

  it("measures edit distance with adjacent swaps counted once", () => {
    expect(editDistance("kaltim", "kaltim")).toBe(0);
    expect(editDistance("katlim", "kaltim")).toBe(1);
    expect(editDistance("kejar", "kemari")).toBe(2);
  });
});
