import type { Context, SessionFlavor } from "grammy";
import type { DialogueState } from "../answers/index.js";
import type { FileSessionStorage } from "../storage/sessions.js";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Logger } from "pino";
import type { Answerer } from "../answers/index.js";
import type { UnansweredLog } from "../storage/unanswered.js";
import type { KnowledgeStore } from "../knowledge/store.js";
import type { Config } from "../config.js";
import type { Lifecycle } from "../lifecycle.js";
import type { EventsHub } from "../events/index.js";
import type { AdminDeps } from "../admin/index.js";
import type { WriteGuard } from "../storage/guard.js";

/** Everything features need, created once at start-up and shared by all updates. */
export interface Deps {
  config: Config;
  knowledge: KnowledgeStore;
  answerer: Answerer;
  unanswered: UnansweredLog;
  logger: Logger;
  /** The clock; tests replace it. */
  now: () => Date;
  /** Stop functions run on shutdown (SIGTERM/SIGINT, end of console input). */
  lifecycle: Lifecycle;
  /** Subscriptions, announcements, reminders and their delivery queue. */
  events: EventsHub;
  /** Admins, audit trail, conversation state, question statistics (issue 4). */
  admin: AdminDeps;
  /** Per-chat sessions (the conversation's context) in DATA_DIR. */
  sessions: FileSessionStorage<SessionData>;
  /** The write policy of DATA_DIR: failing writes retried, counted and reported by /healthz. */
  storage: WriteGuard;
}

/** What a chat keeps between messages: the context of its conversation with the bot. */
export interface SessionData {
  dialogue?: DialogueState | null;
}

/** Context of every update in Sinergi. */
export type BotContext = Context & I18nFlavor & SessionFlavor<SessionData> & { deps: Deps };
