import { beforeAll, describe, expect, it } from "vitest";
import { Answerer } from "../../src/answers/index.js";
import { wordsToNumbers } from "../../src/nlu/numbers.js";
import { evalKnowledge } from "../helpers/eval.js";

let seed: Answerer;
let kb2: Answerer;
beforeAll(() => {
  seed = new Answerer(evalKnowledge("seed"));
  kb2 = new Answerer(evalKnowledge("kb2"));
});
const mentions = (a: Answerer, q: string) => a.understand(q).mentions.map((m) => ({ type: m.type, keys: m.keys }));

describe("reading a question against the records", () => {
  it("links a role with its place to the officials who hold it, and to nobody when none does", () => {
    expect(mentions(seed, "siapa rektor unmul")).toEqual([{ type: "people", keys: ["f:abdunnur"] }]);
    expect(mentions(seed, "siapa wagub kaltim")).toEqual([{ type: "people", keys: ["f:seno-aji"] }]);
    expect(mentions(seed, "siapa gubernur kaltim")).toEqual([{ type: "people", keys: [] }]);
    // Without a place: every official with that role.
    expect(mentions(kb2, "siapa rektornya")[0]!.keys).toHaveLength(2);
  });

  it("reads 'Pemprov X' as province X, and an organisation named with another province as another organisation", () => {
    expect(mentions(seed, "nilai kerja sama pemprov jatim dan pemprov kaltim")[0]!.keys).toContain("p:35");
    expect(mentions(seed, "data DPMPTSP Jatim soal kerja sama")).toEqual([{ type: "foreign", keys: [] }]);
    expect(mentions(seed, "data DPMPTSP Kaltim soal kerja sama")[0]!.keys).toContain("o:dpmptsp-kaltim");
  });

  it("tells a destination from a side: 'ke Kaltim' is where the event is held", () => {
    const [jatim, kaltim] = seed.understand("misi dagang jatim ke kaltim").mentions.filter((m) => m.type === "province");
    expect(jatim!.keys).toEqual(["p:35"]);
    expect(kaltim!.keys).toEqual(["at:64", "to:64"]);
  });

  it("splits a message that asks several things, but not a pair of names", () => {
    expect(seed.understand("kapan dan di mana misi dagang jatim ke kaltim").parts.map((p) => p.attrs)).toEqual([["when"], ["where"]]);
    const pair = seed.understand("nilai kerja sama jateng dan sulbar brp?");
    expect(pair.parts).toHaveLength(1);
    expect(pair.parts[0]!.mentions).toHaveLength(2);
  });

  it("ignores a preamble and keeps the question's own names", () => {
    const q = seed.understand("Selamat siang, saya wartawan dari Surabaya. Kegiatan misi dagang Pemprov Jatim ke Kaltim berlangsung di mana?");
    expect(q.mentions.map((m) => m.type)).not.toContain("city");
    expect(q.unknown).toEqual([]);
  });

  it("normalises chat: Javanese words, numbers in words, zero-width characters, doubled letters", () => {
    expect(seed.understand("piro nilai kerjasamane jatim karo kaltim taun 2023").tokens).toEqual(["berapa", "nilai", "kerjasama", "jatim", "dengan", "kaltim", "tahun", "2023"]);
    expect(seed.understand("nilai ker\u200djasama tahun dua ribu dua puluh tiga").tokens).toEqual(["nilai", "kerjasama", "tahun", "2023"]);
    expect(seed.understand("unmul iku nang kota ndii").tokens).toContain("mana");
    expect(wordsToNumbers(["empat", "ratus", "miliar"])).toEqual(["400", "miliar"]);
    expect(wordsToNumbers(["seratus", "enam", "puluh", "lima", "koma", "tujuh"])).toEqual(["165,7"]);
    expect(wordsToNumbers(["salah", "satu", "dinas"])).toEqual(["salah", "satu", "dinas"]);
  });

  it("reports the content words nothing explains", () => {
    expect(seed.understand("berapa biaya misi dagang jatim").unknown.map((u) => u.word)).toEqual(["biaya"]);
    expect(seed.understand("siapa pembawa acara misi dagang").unknown.map((u) => u.word)).toEqual(["pembawa"]);
    // Typed as a name: something the base does not hold, named.
    expect(seed.understand("siapa MC acara misi dagang").mentions[0]).toMatchObject({ type: "foreign", label: "MC" });
  });
});

describe("the indexes follow changes", () => {
  it("a record added, changed or removed is understood at once, as after a full rebuild", () => {
    const kb = evalKnowledge("seed");
    const live = new Answerer(kb);
    const official = { id: "emil", name: "Emil Elestianto Dardak", role: "wakil-gubernur" as const, province: "35", nickname: "Emil", sourceId: kb.sources[0]!.id, validAsOf: "2025-05-08" };
    live.apply([{ collection: "officials", id: "emil", before: null, after: official }]);
    const rebuilt = new Answerer({ ...kb, officials: [...kb.officials, official] });
    for (const q of ["siapa wagub jatim", "emil itu siapa", "siapa gubernur jatim"]) expect(live.answer(q).answer, q).toBe(rebuilt.answer(q).answer);
    expect(live.answer("siapa wagub jatim").answer).toContain("Emil Elestianto Dardak");
    const moved = { ...official, province: "64" };
    live.apply([{ collection: "officials", id: "emil", before: official, after: moved }]);
    expect(live.answer("siapa wagub jatim").answered).toBe(false);
    live.apply([{ collection: "officials", id: "emil", before: moved, after: null }]);
    expect(live.answer("emil itu siapa").answered).toBe(false);
    expect(live.answer("siapa wagub kaltim").answer).toContain("Seno Aji");
  });
});
