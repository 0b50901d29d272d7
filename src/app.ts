import { accessSync, constants, mkdirSync } from "node:fs";
import type { Logger } from "pino";
import { Answerer } from "./answers/index.js";
import type { Deps } from "./bot/context.js";
import type { Config } from "./config.js";
import { KnowledgeStore } from "./knowledge/store.js";
import { Lifecycle } from "./lifecycle.js";
import { UnansweredLog } from "./storage/unanswered.js";

/** A start-up problem the operator must fix; printed as one line. */
export class StartupError extends Error {
  override name = "StartupError";
}

/** Opens storage and knowledge and wires the shared dependencies. */
export async function createDeps(config: Config, logger: Logger): Promise<Deps> {
  try {
    mkdirSync(config.DATA_DIR, { recursive: true });
    accessSync(config.DATA_DIR, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw new StartupError(`DATA_DIR "${config.DATA_DIR}" is not a writable folder (${(err as NodeJS.ErrnoException).code ?? err}); set DATA_DIR to one`);
  }
  const knowledge = KnowledgeStore.open(config.DATA_DIR);
  const answerer = new Answerer(knowledge.get());
  knowledge.onChange((kb) => answerer.setKnowledge(kb));
  const unanswered = await UnansweredLog.open(config.DATA_DIR);
  return { config, knowledge, answerer, unanswered, logger, now: () => new Date(), lifecycle: new Lifecycle() };
}
