import { accessSync, constants, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { Answerer } from "./answers/index.js";
import type { Deps, SessionData } from "./bot/context.js";
import { FileSessionStorage } from "./storage/sessions.js";
import type { Config } from "./config.js";
import { KnowledgeStore } from "./knowledge/store.js";
import { sweepTemporaryFiles } from "./storage/atomic.js";
import { WriteGuard } from "./storage/guard.js";
import { metrics } from "./server/metrics.js";
import { Lifecycle } from "./lifecycle.js";
import { EventsHub, loadEventsConfig } from "./events/index.js";
import { UnansweredLog } from "./storage/unanswered.js";
import { createAdminDeps } from "./admin/index.js";

/** A start-up problem the operator must fix; printed as one line. */
export class StartupError extends Error {
  override name = "StartupError";
}

const knowledgeFile = (dataDir: string) => join(dataDir, "knowledge.json");

/** Opens storage and knowledge and wires the shared dependencies. */
export async function createDeps(config: Config, logger: Logger): Promise<Deps> {
  try {
    mkdirSync(config.DATA_DIR, { recursive: true });
    accessSync(config.DATA_DIR, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw new StartupError(`DATA_DIR "${config.DATA_DIR}" is not a writable folder (${(err as NodeJS.ErrnoException).code ?? err}); set DATA_DIR to one`);
  }
  // The write policy of every store: failures logged, counted, shown in /healthz, retried with back-off.
  const storage = new WriteGuard({ logger, metrics });
  const lifecycle = new Lifecycle();
  // Registered first, so it runs last on shutdown: a final write of whatever is still pending.
  lifecycle.onShutdown("storage", () => storage.stop());
  // Temporary files of writes cut short by a crash: never read, only in the way.
  const swept = sweepTemporaryFiles(config.DATA_DIR);
  if (swept.length) logger.info({ files: swept.length }, "removed temporary files left by an interrupted write");
  const knowledge = KnowledgeStore.open(config.DATA_DIR, {
    guard: storage,
    onRepair: (r) => {
      // One summary line, then the first actions; the full list is in the quarantine file beside the backup.
      logger.warn(
        { file: knowledgeFile(config.DATA_DIR), actions: r.actions.length, quarantined: r.quarantined.length, backup: r.backup, quarantine: r.quarantine },
        "knowledge base from an older version repaired to pass today's limits",
      );
      for (const a of r.actions.slice(0, 50)) logger.warn({ repair: a }, "knowledge repair");
      if (r.writeError) logger.error({ err: r.writeError }, "could not write the repaired knowledge base; using it from memory");
    },
  });
  const answerer = new Answerer(knowledge.get());
  // Each save updates the indexes by its changes, not by rebuilding them from the whole base.
  knowledge.onChange((_kb, changes) => answerer.apply(changes));
  const unanswered = await UnansweredLog.open(config.DATA_DIR, storage);
  const sessions = new FileSessionStorage<SessionData>(join(config.DATA_DIR, "sessions"), {
    ttlMs: config.CONTEXT_TTL_MINUTES * 60_000,
    // Under the write policy: logged (path, errno), counted, shown by /healthz until a session is written again.
    onError: (err, file) => storage.failed("sessions", file, err, 0),
    onWrite: (file) => storage.succeeded("sessions", file),
  });
  sessions.sweep();
  const deps = { config, knowledge, answerer, unanswered, logger, sessions, now: () => new Date(), lifecycle, storage } as Deps;
  deps.lifecycle.onShutdown("sessions", () => sessions.flush());
  deps.admin = await createAdminDeps(config.DATA_DIR, config.ADMIN_IDS, knowledge, storage);
  if (deps.admin.learned.all().length) answerer.setExtraExamples(deps.admin.learned.all());
  knowledge.onListenerError = (err) => logger.error({ err }, "knowledge change listener failed");
  deps.lifecycle.onShutdown("admin stats", () => deps.admin.stats.flush());
  let eventsConfig;
  try {
    eventsConfig = loadEventsConfig();
  } catch (err) {
    throw new StartupError((err as Error).message);
  }
  // The hub reads the clock through deps, so tests that replace deps.now move it too.
  deps.events = await EventsHub.open({ dataDir: config.DATA_DIR, config: eventsConfig, knowledge, logger, now: () => deps.now(), guard: storage });
  storage.start();
  return deps;
}
