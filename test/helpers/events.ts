/**
 * Events fixtures: the seed, an upcoming event in Balikpapan, a DATA_DIR
 * holding it, an EventsHub on its own, and a sender to a fake Bot API.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Api } from "grammy";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import type { KEvent, Knowledge } from "../../src/knowledge/schema.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { dataPath } from "../../src/paths.js";
import { EventsHub } from "../../src/events/index.js";
import type { EventsConfig } from "../../src/events/config.js";
import { loadConfig } from "../../src/config.js";
import { telegramSender } from "../../src/bot/sender.js";
import { createLogger } from "../../src/logger.js";
import { tempDir } from "./bot.js";
import { LogSink } from "./log.js";

/** The seed knowledge base. */
export function seed(): Knowledge {
  return loadKnowledgeFile(dataPath("knowledge.json"));
}

/** An upcoming event in Balikpapan at 09:00 WITA (Asia/Makassar), with coordinates. */
export function expo(over: Partial<KEvent> = {}): KEvent {
  const base = seed().events[0]!;
  return {
    ...base,
    id: "expo-kaltim-2027",
    title: "Pameran Produk Unggulan Kaltim 2027",
    kind: "pameran",
    date: "2027-03-10",
    time: "09:00",
    timezone: "Asia/Makassar",
    latitude: -1.2675,
    longitude: 116.8289,
    ...over,
  };
}

/** A temporary DATA_DIR whose runtime knowledge base holds the seed plus `events`. */
export function dataDirWith(events: KEvent[] = []): string {
  const dir = tempDir("sinergi-events-");
  mkdirSync(dir, { recursive: true });
  const kb = seed();
  writeFileSync(join(dir, "knowledge.json"), JSON.stringify({ ...kb, events: [...kb.events, ...events] }));
  return dir;
}

/** A hub on `dir` with a settable clock. */
export async function openHub(dir: string, clock: { now: Date }, config: Partial<EventsConfig> = {}) {
  const log = new LogSink();
  const logger = createLogger("info", "json", log);
  const knowledge = KnowledgeStore.open(dir);
  const hub = await EventsHub.open({ dataDir: dir, config: { ...loadConfig({}).events, ...config }, knowledge, logger, now: () => clock.now });
  return { hub, knowledge, log };
}

/** A grammY-backed sender pointed at a local fake Bot API. */
export function senderTo(apiRoot: string) {
  return telegramSender(new Api("123:test", { apiRoot }));
}
