import { accessSync, constants, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import { createAdminDeps } from "../admin/index.js";
import { Answerer } from "../answers/index.js";
import type { Config } from "../config.js";
import { EventsHub } from "../events/index.js";
import { KnowledgeStore } from "../knowledge/store.js";
import { sweepTemporaryFiles } from "../storage/atomic.js";
import { WriteGuard } from "../storage/guard.js";
import { KeyValueFile } from "../storage/key-value-file.js";
import { FileSessionStorage } from "../storage/sessions.js";
import { UnansweredLog } from "../storage/unanswered.js";
import type { Deps, SessionData } from "./deps.js";
import { Lifecycle } from "./lifecycle.js";
import type { Metrics } from "./metrics.js";
import { teachAnswerer } from "./programs.js";

/** A start-up problem the operator must fix (DATA_DIR not writable ...); printed as one line. */
export class StartupError extends Error {
  override name = "StartupError";
}

/** What `createDeps` is built from: the validated configuration, the logger and the metrics port. */
export interface DepsOptions {
  config: Config;
  logger: Logger;
  metrics: Metrics;
}

/**
 * Opens DATA_DIR and everything in it (knowledge, answerer, unanswered log,
 * sessions, admin stores, events) under one write policy, and returns the
 * shared dependencies, whole. Call once at start-up, before any transport;
 * throws StartupError (or KnowledgeFileError) with one line for the operator.
 */
export async function createDeps({ config, logger, metrics }: DepsOptions): Promise<Deps> {
  const dataDir = config.DATA_DIR;
  try {
    mkdirSync(dataDir, { recursive: true });
    accessSync(dataDir, constants.R_OK | constants.W_OK);
  } catch (err) {
    throw new StartupError(`DATA_DIR "${dataDir}" is not a writable folder (${(err as NodeJS.ErrnoException).code ?? err}); set DATA_DIR to one`);
  }
  // The write policy of every store: failures logged, counted, shown in /healthz, retried with back-off.
  const storage = new WriteGuard({ logger, metrics });
  const lifecycle = new Lifecycle();
  // Registered first, so it runs last on shutdown: a final write of whatever is still pending.
  lifecycle.onShutdown("storage", () => storage.stop());
  // Temporary files of writes cut short by a crash: never read, only in the way.
  const swept = sweepTemporaryFiles(dataDir);
  if (swept.length) logger.info({ files: swept.length }, "removed temporary files left by an interrupted write");
  const knowledge = KnowledgeStore.open(dataDir, {
    guard: storage,
    onRepair: (r) => {
      // One summary line, then the first actions; the full list is in the quarantine file beside the backup.
      logger.warn(
        { file: join(dataDir, "knowledge.json"), actions: r.actions.length, quarantined: r.quarantined.length, backup: r.backup, quarantine: r.quarantine },
        "knowledge base from an older version repaired to pass today's limits",
      );
      for (const a of r.actions.slice(0, 50)) logger.warn({ repair: a }, "knowledge repair");
      if (r.writeError) logger.error({ err: r.writeError }, "could not write the repaired knowledge base; using it from memory");
    },
  });
  knowledge.onListenerError = (err) => logger.error({ err }, "knowledge change listener failed");
  const answerer = new Answerer(knowledge.get());
  // Each save updates the indexes by its changes, not by rebuilding them from the whole base.
  knowledge.onChange((_kb, changes) => answerer.apply(changes));
  const unanswered = await UnansweredLog.open(dataDir, storage);
  const sessions = new FileSessionStorage<SessionData>(join(dataDir, "sessions"), {
    ttlMs: config.CONTEXT_TTL_MINUTES * 60_000,
    // Under the write policy: logged (path, errno), counted, shown by /healthz until a session is written again.
    onError: (err, file) => storage.failed("sessions", file, err, 0),
    onWrite: (file) => storage.succeeded("sessions", file),
  });
  sessions.sweep();
  lifecycle.onShutdown("sessions", () => sessions.flush());
  const conversations = await KeyValueFile.open(join(dataDir, "conversations.json"), "conversations", storage, "guided edits start afresh");
  const admin = await createAdminDeps(dataDir, config.ADMIN_IDS, knowledge, storage);
  lifecycle.onShutdown("admin stats", () => admin.stats.flush());
  // Before these, on shutdown (newest first): the transports, the scheduler and the queue.
  lifecycle.onShutdown("stores", () => unanswered.flush());
  teachAnswerer(answerer, admin.learned.all());
  // One clock for all: the events hub reads it at each use, so replacing `deps.now` (tests) moves it too.
  const clock = { now: () => new Date() };
  const events = await EventsHub.open({ dataDir, config: config.events, knowledge, logger, now: () => clock.now(), guard: storage });
  storage.start();
  return {
    config,
    logger,
    metrics,
    get now() {
      return clock.now;
    },
    set now(now: () => Date) {
      clock.now = now;
    },
    lifecycle,
    storage,
    knowledge,
    answerer,
    unanswered,
    sessions,
    conversations,
    admin,
    events,
  };
}
