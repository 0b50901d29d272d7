import { readFileSync } from "node:fs";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { dataPath } from "../../src/paths.js";

const seedText = readFileSync(dataPath("knowledge.json"), "utf8");

/**
 * A knowledge base the previous version accepted through /impor and saved
 * (schemaVersion 1, old rules): it breaks every new limit at once.
 */
export function oldVersionBase(): Record<string, unknown> {
  const kb = JSON.parse(seedText) as Knowledge & Record<string, unknown[]>;
  (kb as Record<string, unknown>).schemaVersion = 1;
  const longEvent = `misi-${"panjang-".repeat(40)}2025`.slice(0, 300);
  const ev = { ...kb.events[0]!, id: longEvent, date: "2025-05-02", title: "Misi\u0007 Dagang \u202Etsilaj\u202C Lanjutan" };
  kb.events.push(ev);
  // An agreement signed at that event, referring to it by its long id.
  kb.agreements.push({ ...kb.agreements[0]!, id: "mou-lanjutan", eventId: longEvent });
  // A second source with the same id (dropped silently before), and one with a javascript: URL.
  kb.sources.push({ ...kb.sources[0]!, title: "Salinan" }, { id: "sumber-aneh", publisher: "X", title: "Y", date: "2025-01-01", url: "javascript:alert(1)" });
  // Province "99", an amount of 1e308, a year 9999, an unknown province among an event's provinces.
  kb.cooperationValues.push(
    { ...kb.cooperationValues[0]!, id: "kv-99", provinces: ["99", "64"] },
    { ...kb.cooperationValues[0]!, id: "kv-besar", amount: 1e308 },
  );
  kb.acronyms.push({ id: "tahun-aneh", short: "TA", long: "Tahun aneh", sourceId: null });
  kb.targets.push({ ...kb.targets[0]!, id: "t-9999", validAsOf: "9999-12-31" });
  kb.events[0]!.provinces = ["35", "64", "99"];
  // An official with a 100-character id, quoted in a statement and present at an event.
  const longOfficial = "p".repeat(100);
  kb.officials.push({ ...kb.officials[0]!, id: longOfficial, name: "Budi\nSantoso\u200B" });
  kb.statements.push({ ...kb.statements[0]!, id: "kata-budi", official: longOfficial });
  kb.events[0]!.participants = [...kb.events[0]!.participants, longOfficial];
  // A title far over the limit.
  kb.organisations[0]!.name = "Pemerintah Provinsi Jawa Timur ".repeat(20);
  return kb;
}
