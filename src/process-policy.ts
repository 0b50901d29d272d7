import type { Logger } from "pino";
import { errnoCode, isFilesystemError } from "./storage/guard.js";

/** Where the policy counts what it caught (the process metrics implement it). */
export interface UnhandledCounter {
  inc(labels: { kind: string }): void;
}

/**
 * Whether the process can go on after an error nothing handled.
 *
 * - A rejected promise nobody awaited did not interrupt any code half-way: the
 *   process goes on (background work catches its own errors; this is the net
 *   under it).
 * - An exception thrown out of a callback may have left state half-changed:
 *   the process stops, unless it is a filesystem error (the disk failed, not
 *   the code: the stores keep their state in memory and retry).
 */
export function survivable(kind: "rejection" | "exception", err: unknown): boolean {
  if (kind === "rejection") return true;
  return isFilesystemError(err);
}

/**
 * Installs the process-wide handlers of `unhandledRejection` and
 * `uncaughtException`: each error is logged as one JSON line (kind, errno,
 * message, stack) and counted; what `survivable` refuses ends the process
 * with exit code 1 after `beforeExit` (a bounded final write of the stores).
 */
export function installProcessPolicy(opts: { logger: Logger; counter?: UnhandledCounter; beforeExit?: () => Promise<unknown>; exitTimeoutMs?: number }): () => void {
  const { logger, counter } = opts;
  let exiting = false;
  const handle = (kind: "rejection" | "exception") => (err: unknown) => {
    counter?.inc({ kind });
    const fields = { kind, errno: isFilesystemError(err) ? errnoCode(err) : undefined, err };
    if (survivable(kind, err)) {
      logger.error(fields, kind === "rejection" ? "unhandled rejection; going on" : "uncaught filesystem error; going on");
      return;
    }
    logger.fatal(fields, "uncaught exception; stopping");
    if (exiting) return;
    exiting = true;
    const timer = setTimeout(() => process.exit(1), opts.exitTimeoutMs ?? 3_000);
    timer.unref();
    void Promise.resolve()
      .then(() => opts.beforeExit?.())
      .catch(() => undefined)
      .finally(() => {
        logger.flush?.();
        process.exit(1);
      });
  };
  const onRejection = handle("rejection");
  const onException = handle("exception");
  process.on("unhandledRejection", onRejection);
  process.on("uncaughtException", onException);
  return () => {
    process.off("unhandledRejection", onRejection);
    process.off("uncaughtException", onException);
  };
}
