import type { Logger } from "pino";
import { AdminList } from "../admin/admins.js";
import { AuditLog } from "../admin/audit.js";
import { LearnedExamples } from "../admin/learned.js";
import { AdminService } from "../admin/service.js";
import { Answerer } from "../answers/index.js";
import type { Config } from "../config.js";
import { EventsHub } from "../events/index.js";
import { KnowledgeStore } from "../knowledge/store.js";
import { UnansweredLog } from "../storage/unanswered.js";

/**
 * What the command-line programs open in DATA_DIR, each the part of Deps it
 * needs, built the way `createDeps` builds it for the bot (so `ask` answers
 * exactly as the bot would). Use them from src/cli; the bot uses createDeps.
 */

/** The answerer of `npm run ask`: the live base (a repair of old data is not written: the bot may be running), the examples admins taught, the unanswered log. */
export async function openAsking(config: Config): Promise<{ knowledge: KnowledgeStore; answerer: Answerer; unanswered: UnansweredLog }> {
  const knowledge = openKnowledge(config);
  const answerer = teachAnswerer(new Answerer(knowledge.get()), (await LearnedExamples.open(config.DATA_DIR)).all());
  return { knowledge, answerer, unanswered: await UnansweredLog.open(config.DATA_DIR) };
}

/** Gives an answerer the examples admins filed from unanswered questions (they count as much as the shipped ones). */
export function teachAnswerer(answerer: Answerer, learned: ReturnType<LearnedExamples["all"]>): Answerer {
  if (learned.length) answerer.setExtraExamples(learned);
  return answerer;
}

/** The live base as a program that may run beside the bot reads it: a repair of old data is used, not written. */
export function openKnowledge(config: Config): KnowledgeStore {
  return KnowledgeStore.open(config.DATA_DIR, { persistRepair: false });
}

/** The announcement hub of `npm run announce` on DATA_DIR/events (open it once the request is known to be valid: it creates its files). */
export function openAnnouncements(config: Config, knowledge: KnowledgeStore, logger: Logger): Promise<EventsHub> {
  return EventsHub.open({ dataDir: config.DATA_DIR, config: config.events, knowledge, logger, now: () => new Date() });
}

/** The base `npm run ingest` reads, and with `apply` the admin service that saves to it (audited, undoable; a save cut short before is recorded first). */
export async function openEditing(config: Config, apply: boolean): Promise<{ knowledge: KnowledgeStore; service?: AdminService }> {
  const knowledge = KnowledgeStore.open(config.DATA_DIR);
  if (!apply) return { knowledge };
  const service = new AdminService(knowledge, AuditLog.open(config.DATA_DIR), await AdminList.open(config.DATA_DIR, config.ADMIN_IDS));
  service.recoverAudit();
  return { knowledge, service };
}
