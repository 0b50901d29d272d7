import { describe, expect, it } from "vitest";
import { parseAmount, parseDate, parseProvince, parseProvincePair, parseProvinces, parseTime, parseValueLine, parseYear } from "../../src/admin/parse.js";

// Thursday 1 May 2025, 10:00 WIB.
const NOW = new Date("2025-05-01T03:00:00Z");

describe("parseAmount", () => {
  it.each([
    ["Rp165,7 miliar", 165_700_000_000],
    ["165,7 M", 165_700_000_000],
    ["Rp 165.700.000.000", 165_700_000_000],
    ["165700000000", 165_700_000_000],
    ["1,2 triliun", 1_200_000_000_000],
    ["400 juta", 400_000_000],
    ["Rp120 miliar", 120_000_000_000],
    ["rp. 5 milyar", 5_000_000_000],
    ["2 T", 2_000_000_000_000],
    ["1.2 triliun", 1_200_000_000_000],
    ["Rp165.700.000.000,50", 165_700_000_001],
  ])("%s", (text, value) => {
    expect(parseAmount(text)).toEqual({ ok: true, value });
  });

  it.each([
    ["abc", "admin-err-amount"],
    ["-5", "admin-err-amount-negative"],
    ["Rp -5 miliar", "admin-err-amount-negative"],
    ["0", "admin-err-amount-zero"],
    ["", "admin-err-empty"],
    ["12 kuda", "admin-err-amount"],
    ["1,2,3", "admin-err-amount"],
    ["165.70.000", "admin-err-amount"],
    ["5000 triliun", "admin-err-amount-big"],
  ])("rejects %j", (text, error) => {
    expect(parseAmount(text)).toMatchObject({ ok: false, error });
  });
});

describe("parseDate", () => {
  it.each([
    ["8/5/2025", "2025-05-08"],
    ["08-05-2025", "2025-05-08"],
    ["8 Mei 2025", "2025-05-08"],
    ["Kamis, 8 Mei 2025", "2025-05-08"],
    ["8 mei", "2025-05-08"],
    ["2025-05-08", "2025-05-08"],
    ["besok", "2025-05-02"],
    ["hari ini", "2025-05-01"],
    ["lusa", "2025-05-03"],
    // 1 May 2025 is a Thursday: "Kamis depan" is the Thursday of next week, "Senin" the coming Monday.
    ["Kamis depan", "2025-05-08"],
    ["Senin", "2025-05-05"],
    ["Jumat depan", "2025-05-09"],
    ["29/2/2024", "2024-02-29"],
  ])("%s", (text, iso) => {
    expect(parseDate(text, NOW)).toEqual({ ok: true, value: iso });
  });

  it("counts relative days in WIB, not in the server's zone", () => {
    // 23:30 UTC on 30 April is already 1 May 06:30 WIB.
    expect(parseDate("besok", new Date("2025-04-30T23:30:00Z"))).toEqual({ ok: true, value: "2025-05-02" });
  });

  it.each([
    ["31/02/2025", "admin-err-date-invalid"],
    ["29/2/2025", "admin-err-date-invalid"],
    ["32 Mei 2025", "admin-err-date-invalid"],
    ["kemarin lusa dulu", "admin-err-date"],
    ["8 Mai 2025", "admin-err-date"],
    ["", "admin-err-empty"],
    ["8/5/1800", "admin-err-year-range"],
  ])("rejects %j", (text, error) => {
    expect(parseDate(text, NOW)).toMatchObject({ ok: false, error });
  });
});

describe("parseTime", () => {
  it.each([
    ["09:00 WITA", { time: "09:00", zone: "WITA" }],
    ["9.30 wib", { time: "09:30", zone: "WIB" }],
    ["pukul 14.00", { time: "14:00" }],
    ["jam 9 WIT", { time: "09:00", zone: "WIT" }],
  ])("%s", (text, value) => {
    expect(parseTime(text)).toEqual({ ok: true, value });
  });
  it.each(["25:00", "9:75 WIB", "sore", "09:00 PST", ""])("rejects %j", (text) => {
    expect(parseTime(text).ok).toBe(false);
  });
});

describe("provinces", () => {
  it("reads full and short names", () => {
    expect(parseProvincePair("Jatim Kaltim")).toEqual({ ok: true, value: ["35", "64"] });
    expect(parseProvincePair("Jawa Timur - Kalimantan Timur")).toEqual({ ok: true, value: ["35", "64"] });
    expect(parseProvincePair("jawa timur dan kaltim")).toEqual({ ok: true, value: ["35", "64"] });
    expect(parseProvince("Provinsi Kalimantan Timur")).toEqual({ ok: true, value: "64" });
    expect(parseProvince("DKI Jakarta")).toMatchObject({ ok: true });
    expect(parseProvinces("Jatim, Kaltim, Bali").ok && parseProvinces("Jatim, Kaltim, Bali")).toMatchObject({ value: ["35", "64", "51"] });
  });
  it("rejects unknown and wrong counts", () => {
    expect(parseProvince("Atlantis")).toMatchObject({ ok: false, error: "admin-err-province" });
    expect(parseProvincePair("Jatim Atlantis")).toMatchObject({ ok: false, error: "admin-err-province", detail: "Atlantis" });
    expect(parseProvinces("Jatim, Atlantis & Lemuria")).toMatchObject({ ok: false, detail: "Atlantis, Lemuria" });
    expect(parseProvincePair("Jatim")).toMatchObject({ ok: false, error: "admin-err-province-pair" });
    expect(parseProvincePair("Jatim Jatim")).toMatchObject({ ok: false, error: "admin-err-province-pair" });
    expect(parseProvince("Jatim Kaltim")).toMatchObject({ ok: false, error: "admin-err-province-one" });
  });
});

describe("parseYear and /ubahnilai lines", () => {
  it("years", () => {
    expect(parseYear("2024")).toEqual({ ok: true, value: 2024 });
    expect(parseYear("1800")).toMatchObject({ ok: false, error: "admin-err-year-range" });
    expect(parseYear("24")).toMatchObject({ ok: false, error: "admin-err-year" });
  });
  it("splits provinces, year and amount", () => {
    expect(parseValueLine("Jatim Kaltim 2024 Rp120 miliar")).toEqual({ ok: true, value: { provinces: ["35", "64"], year: 2024, amount: 120_000_000_000 } });
    expect(parseValueLine("Jawa Timur Kalimantan Timur 2023 165,7 M")).toMatchObject({ ok: true, value: { year: 2023, amount: 165_700_000_000 } });
    expect(parseValueLine("")).toMatchObject({ ok: false, error: "admin-err-ubahnilai" });
    expect(parseValueLine("Jatim Kaltim Rp120 miliar")).toMatchObject({ ok: false, error: "admin-err-ubahnilai" });
    expect(parseValueLine("Jatim Kaltim 2024 abc")).toMatchObject({ ok: false, error: "admin-err-amount" });
    expect(parseValueLine("Jatim Kaltim 1800 5 M")).toMatchObject({ ok: false, error: "admin-err-year-range" });
  });
});
