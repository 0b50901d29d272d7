import { describe, expect, it } from "vitest";
import { parseReminderRule } from "../../src/events/config.js";
import { browseList, eventEnd, isUpcoming, localInstant, reminderSlots } from "../../src/events/schedule.js";
import type { Sender } from "../../src/events/queue.js";
import { expo, dataDirWith, openHub } from "../helpers/events.js";

const rules = ["-1d", "@07:00"].map(parseReminderRule);
const iso = (d: Date) => d.toISOString().slice(0, 16);
const noSend: Sender = { send: async () => ({ ok: true }), edit: async () => ({ ok: true }) };

describe("reminder schedule in the event's time zone", () => {
  it("09:00 WITA reminds at 09:00 WITA the day before (01:00 UTC) and 07:00 WITA on the day", () => {
    const slots = reminderSlots(expo(), rules);
    expect(slots.map((s) => iso(s.at))).toEqual(["2027-03-09T01:00", "2027-03-09T23:00"]);
    expect(slots[0]!.key).toBe("rem:expo-kaltim-2027:20270309T0100");
  });

  it("uses each zone's own offset: WIB +7, WIT +9", () => {
    expect(iso(reminderSlots(expo({ timezone: "Asia/Jakarta" }), rules)[0]!.at)).toBe("2027-03-09T02:00");
    expect(iso(reminderSlots(expo({ timezone: "Asia/Jayapura" }), rules)[0]!.at)).toBe("2027-03-09T00:00");
  });

  it("date-only events: 08:00 local the day before and 07:00 on the day", () => {
    const slots = reminderSlots(expo({ time: undefined }), rules);
    expect(slots.map((s) => iso(s.at))).toEqual(["2027-03-09T00:00", "2027-03-09T23:00"]);
  });

  it("an event starting before the morning reminder time is reminded an hour before", () => {
    const slots = reminderSlots(expo({ time: "06:30" }), rules);
    expect(iso(slots[1]!.at)).toBe("2027-03-09T21:30");
  });

  it("offsets in hours and minutes, and bad rules are refused", () => {
    expect(iso(reminderSlots(expo(), ["-2h", "-30m"].map(parseReminderRule))[0]!.at)).toBe("2027-03-09T23:00");
    expect(() => parseReminderRule("tomorrow")).toThrow(/REMINDER_OFFSETS/);
  });

  it("upcoming until the end: two hours after a known start, the local day's end otherwise", () => {
    expect(iso(eventEnd(expo()))).toBe("2027-03-10T03:00");
    expect(iso(eventEnd(expo({ time: undefined })))).toBe("2027-03-10T16:00");
    expect(isUpcoming(expo(), new Date("2027-03-10T02:59Z"))).toBe(true);
    const list = browseList([expo(), expo({ id: "old", date: "2020-01-01" })], new Date("2027-01-01Z"));
    expect(list.upcoming.map((e) => e.id)).toEqual(["expo-kaltim-2027"]);
    expect(list.past.map((e) => e.id)).toEqual(["old"]);
  });
});

describe("reminders with a fake clock", () => {
  it("creates each reminder once when due, and not again after a restart", async () => {
    const dir = dataDirWith([expo()]);
    const clock = { now: new Date("2027-03-09T00:59Z") };
    let { hub } = await openHub(dir, clock);
    hub.subscriptions.update(11, (s) => (s.all = true));
    hub.subscriptions.update(12, (s) => s.kinds.push("misi-dagang")); // does not want a pameran
    await hub.openQueue(noSend);
    expect(await hub.tick()).toBe(0);
    clock.now = new Date("2027-03-09T01:00Z");
    expect(await hub.tick()).toBe(1);
    expect(await hub.tick()).toBe(0);
    const b = hub.queue!.get("rem:expo-kaltim-2027:20270309T0100")!;
    expect(b.total).toBe(1);
    expect(b.messages.id.text).toContain("Pengingat");
    await hub.stop();

    ({ hub } = await openHub(dir, clock));
    await hub.openQueue(noSend);
    expect(await hub.tick()).toBe(0);
    clock.now = new Date("2027-03-09T23:00Z");
    expect(await hub.tick()).toBe(1);
    expect(hub.queue!.get("rem:expo-kaltim-2027:20270309T2300")!.messages.id.text).toContain("hari ini");
    clock.now = new Date("2027-03-10T05:00Z"); // over: nothing more
    expect(await hub.tick()).toBe(0);
    await hub.stop();
  });

  it("after a long stop sends only the latest missed reminder", async () => {
    const dir = dataDirWith([expo()]);
    const clock = { now: new Date("2027-03-10T00:30Z") };
    const { hub } = await openHub(dir, clock);
    hub.subscriptions.update(11, (s) => (s.all = true));
    await hub.openQueue(noSend);
    expect(await hub.tick()).toBe(1);
    expect(hub.queue!.get("rem:expo-kaltim-2027:20270309T0100")!.status).toBe("superseded");
    expect(hub.queue!.get("rem:expo-kaltim-2027:20270309T2300")!.status).toBe("pending");
    await hub.stop();
  });
});

describe("local times in Indonesia's zones", () => {
  it("are the instants the time-zone database gives, computed without it", async () => {
    const { default: dayjs } = await import("dayjs");
    const zones = ["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"];
    const p = (n: number) => String(n).padStart(2, "0");
    for (let i = 0; i < 400; i++) {
      const date = `${1988 + ((i * 37) % 110)}-${p(1 + (i % 12))}-${p(1 + ((i * 7) % 28))}`;
      const time = `${p((i * 5) % 24)}:${p((i * 13) % 60)}`;
      const zone = zones[i % 4]!;
      expect(localInstant(date, time, zone).getTime()).toBe(dayjs.tz(`${date} ${time}`, "YYYY-MM-DD HH:mm", zone).valueOf());
    }
    // Before 1988 the zones moved: the database decides (Jakarta was UTC+7:30 in 1960).
    expect(localInstant("1960-06-01", "12:00", "Asia/Jakarta").toISOString()).toBe(dayjs.tz("1960-06-01 12:00", "YYYY-MM-DD HH:mm", "Asia/Jakarta").toISOString());
  });
});
