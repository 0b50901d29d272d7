import type { Logger } from "pino";
import type { AdminDeps } from "../admin/index.js";
import type { Answerer, DialogueState } from "../answers/index.js";
import type { Config } from "../config.js";
import type { EventsHub } from "../events/index.js";
import type { KnowledgeStore } from "../knowledge/store.js";
import type { WriteGuard } from "../storage/guard.js";
import type { KeyValueFile } from "../storage/key-value-file.js";
import type { FileSessionStorage } from "../storage/sessions.js";
import type { UnansweredLog } from "../storage/unanswered.js";
import type { Lifecycle } from "./lifecycle.js";
import type { Metrics } from "./metrics.js";

/**
 * Everything the transports (bot, server, console) need, created once at
 * start-up by `createDeps` and shared by every update. Handlers reach it as
 * `ctx.deps`; nothing here knows about grammY.
 */
export interface Deps {
  config: Config;
  logger: Logger;
  /** What the bot counts (served on /metrics). */
  metrics: Metrics;
  /** The clock of answers, statistics and events; tests replace it (the events hub follows). */
  now: () => Date;
  /** Stop functions run on shutdown (SIGTERM/SIGINT, end of console input). */
  lifecycle: Lifecycle;
  /** The write policy of DATA_DIR: failing writes retried, counted and reported by /healthz. */
  storage: WriteGuard;
  /** The live knowledge base (DATA_DIR/knowledge.json, seeded from data/). */
  knowledge: KnowledgeStore;
  /** Questions to answers, kept in step with the knowledge base and the examples admins taught. */
  answerer: Answerer;
  /** Questions the bot could not answer, for admins. */
  unanswered: UnansweredLog;
  /** Per-chat sessions (the conversation's context) in DATA_DIR/sessions. */
  sessions: FileSessionStorage<SessionData>;
  /** Guided edits in progress (the conversations plugin's state), in DATA_DIR/conversations.json. */
  conversations: KeyValueFile;
  /** Admins, audit trail and edits, pending imports, question statistics, learned examples. */
  admin: AdminDeps;
  /** Subscriptions, announcements, reminders and their delivery queue. */
  events: EventsHub;
}

/** What a chat keeps between messages: the context of its conversation with the bot. */
export interface SessionData {
  dialogue?: DialogueState | null;
}
