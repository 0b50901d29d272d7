import { describe, expect, it } from "vitest";
import { eventIcs } from "../../src/events/ics.js";
import { expo, seed } from "../helpers/events.js";

describe("iCalendar file", () => {
  it("a timed event in UTC from its own zone, with end, place and coordinates", () => {
    const ics = eventIcs(expo({ time: "09:00", endTime: "12:30", timezone: "Asia/Jayapura" }), seed());
    expect(ics).toContain("DTSTART:20270310T000000Z"); // 09:00 WIT = 00:00 UTC
    expect(ics).toContain("DTEND:20270310T033000Z");
    expect(ics).toContain("UID:expo-kaltim-2027@sinergi");
    expect(ics).toContain("GEO:-1.2675;116.8289");
    expect(ics).toMatch(/LOCATION:Swiss-Belhotel Balikpapan/);
    expect(ics).toContain("\r\n");
  });

  it("a date-only event is an all-day entry", () => {
    const ics = eventIcs(seed().events[0]!, seed());
    expect(ics).toContain("DTSTART;VALUE=DATE:20250508");
    expect(ics).toContain("DTEND;VALUE=DATE:20250509");
    expect(ics).not.toContain("GEO:");
  });
});
