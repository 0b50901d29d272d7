import { beforeAll, describe, expect, it } from "vitest";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { provinces } from "../../src/knowledge/provinces.js";
import { Nlu, refsOf } from "../../src/nlu/index.js";
import { dataPath } from "../../src/paths.js";

let nlu: Nlu;
beforeAll(() => {
  nlu = new Nlu(loadKnowledgeFile(dataPath("knowledge.json")));
});

const provincesIn = (q: string) => refsOf(nlu.understand(q), "province").map((p) => p.id);

describe("years", () => {
  it("finds single years", () => {
    expect(nlu.understand("nilai kerja sama tahun 2023").years).toEqual([2023]);
    expect(nlu.understand("brp nilai th 2021").years).toEqual([2021]);
    expect(nlu.understand("nilai kerja sama jatim kaltim").years).toEqual([]);
  });

  it("finds year ranges however they are written", () => {
    for (const q of ["periode 2022-2024", "2022 sampai 2024", "dari 2022 hingga 2024", "2022 s/d 2024", "from 2022 to 2024", "2022 – 2024", "antara 2022 dan 2024"]) {
      expect(nlu.understand(q).yearRange, q).toEqual([2022, 2024]);
    }
  });

  it("reads two years joined by 'dan' as two years, not a span", () => {
    const u = nlu.understand("nilai kerja sama tahun 2022 dan 2024");
    expect(u.yearRange).toBeUndefined();
    expect(u.years).toEqual([2022, 2024]);
  });
});

describe("provinces", () => {
  it("recognises all 38 provinces by full name", () => {
    expect(provinces).toHaveLength(38);
    for (const p of provinces) expect(provincesIn(`berapa nilai kerja sama ${p.name} tahun 2023`), p.name).toEqual([p.code]);
  });

  it("recognises all 38 provinces by short name, in any case", () => {
    for (const p of provinces) {
      expect(provincesIn(`kerja sama ${p.short.toLowerCase()} brp`), p.short).toEqual([p.code]);
      expect(provincesIn(`KERJA SAMA ${p.short.toUpperCase()}`), p.short).toEqual([p.code]);
    }
  });

  it("tells apart provinces whose names share words", () => {
    expect(provincesIn("papua barat daya dan papua")).toEqual(["96", "91"]);
    expect(provincesIn("kepulauan riau atau riau")).toEqual(["21", "14"]);
    expect(provincesIn("jawa timur kalimantan timur")).toEqual(["35", "64"]);
  });

  it("corrects typos in province names", () => {
    expect(provincesIn("nilai kerja sama jatimm kaltm")).toEqual(["35", "64"]);
  });
});

describe("organisations, people and roles", () => {
  it("finds organisations of the knowledge base by name, short name and alias", () => {
    for (const q of ["rektor unmul", "Universitas Mulawarman", "univ mulawarman", "UNMUL"]) {
      expect(refsOf(nlu.understand(q), "org"), q).toEqual([{ type: "org", id: "unmul", known: true }]);
    }
    expect(refsOf(nlu.understand("mou dengan PT Peruri"), "org")).toEqual([{ type: "org", id: "peruri", known: true }]);
  });

  it("marks organisations the knowledge base does not hold as unknown", () => {
    expect(refsOf(nlu.understand("siapa rektor ITS"), "org")).toEqual([{ type: "org", id: "its", known: false }]);
    expect(refsOf(nlu.understand("mou universitas airlangga"), "org")).toEqual([{ type: "org", id: "universitas airlangga", known: false }]);
  });

  it("does not read the English pronoun 'its' as a university", () => {
    expect(refsOf(nlu.understand("where did jatim hold its trade mission"), "org")).toEqual([]);
  });

  it("finds people by full name, family name and nickname", () => {
    expect(refsOf(nlu.understand("Khofifah Indar Parawansa"), "person").map((p) => p.id)).toEqual(["khofifah"]);
    expect(refsOf(nlu.understand("apa kata seno aji"), "person").map((p) => p.id)).toEqual(["seno-aji"]);
    expect(refsOf(nlu.understand("siapa ivan"), "person").map((p) => p.id)).toEqual(["abdunnur"]);
    expect(refsOf(nlu.understand("emil dardak jabatannya apa"), "person")).toEqual([{ type: "person", id: "emil dardak", known: false }]);
  });

  it("finds roles by name and abbreviation", () => {
    const roles = (q: string) => refsOf(nlu.understand(q), "role").map((r) => r.id);
    expect(roles("siapa wagub kaltim")).toEqual(["wakil-gubernur"]);
    expect(roles("wakil gubernur kalimantan timur")).toEqual(["wakil-gubernur"]);
    expect(roles("gubernur jatim")).toEqual(["gubernur"]);
    expect(roles("rektor unmul")).toEqual(["rektor"]);
    expect(roles("kadis dpmptsp")).toEqual(["kepala-dinas"]);
    expect(roles("wali kota balikpapan")).toEqual(["wali-kota"]);
    expect(roles("who is the vice governor")).toEqual(["wakil-gubernur"]);
  });

  it("finds commodities, known and unknown", () => {
    expect(refsOf(nlu.understand("udang windu dan bandeng"), "commodity")).toEqual([
      { type: "commodity", id: "udang windu", known: true },
      { type: "commodity", id: "ikan bandeng", known: true },
    ]);
    expect(refsOf(nlu.understand("produksi batu bara"), "commodity")).toEqual([{ type: "commodity", id: "batu bara", known: false }]);
  });

  it("does not correct ordinary words into names ('pertama' is not 'pertamina')", () => {
    const u = nlu.understand("siapa gubernur pertama jawa timur");
    expect(u.tokens).toContain("pertama");
    expect(refsOf(u, "org")).toEqual([]);
  });
});

describe("language", () => {
  it("tells English questions from Indonesian ones", () => {
    expect(nlu.understand("what is the value of cooperation in 2023?").lang).toBe("en");
    expect(nlu.understand("hi there").lang).toBe("en");
    expect(nlu.understand("berapa nilai kerja sama jatim kaltim").lang).toBe("id");
    expect(nlu.understand("stop langganan").lang).toBe("id");
  });
});
