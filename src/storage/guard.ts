import type { Logger } from "pino";

/**
 * The stores that write to DATA_DIR: the fixed set of names used in logs,
 * /healthz and as metric labels.
 */
export const STORE_NAMES = [
  "knowledge", "audit", "unanswered", "stats", "conversations", "imports", "learned", "admins",
  "subscribers", "broadcasts", "recent-updates", "events", "sessions",
] as const;
export type StoreName = (typeof STORE_NAMES)[number];

/** Errno codes kept as metric labels; any other is counted as "other". */
const CODES = new Set(["ENOSPC", "EROFS", "ENOENT", "EACCES", "EPERM", "EIO", "EDQUOT", "EMFILE", "ENFILE", "ENAMETOOLONG", "EBUSY", "EISDIR", "ENOTDIR", "EEXIST", "EXDEV"]);

/** Where the guard counts writes (the process metrics implement it). */
export interface WriteMetrics {
  writeFailed(store: string, code: string): void;
  writeSucceeded(store: string): void;
  setWriteFailing(store: string, failing: boolean): void;
}

/** A store whose writes are failing now. */
export interface WriteFailure {
  store: StoreName;
  path: string;
  code: string;
  /** When the first failure of this spell happened (ISO). */
  since: string;
  attempts: number;
}

/** The errno code of a filesystem error ("ENOSPC"), or "other". */
export function errnoCode(err: unknown): string {
  const code = (err as NodeJS.ErrnoException | undefined)?.code;
  return typeof code === "string" && /^E[A-Z0-9]+$/.test(code) ? code : "other";
}

/** True for an error of the filesystem (disk full, read-only, folder gone ...), as opposed to a bug. */
export function isFilesystemError(err: unknown): boolean {
  const e = err as NodeJS.ErrnoException | undefined;
  return typeof e?.code === "string" && typeof e.syscall === "string";
}

/** A write the disk refused; the change was not made (an admin's save is not acknowledged). */
export class StorageError extends Error {
  override name = "StorageError";
  constructor(
    readonly store: StoreName,
    readonly path: string,
    override readonly cause: unknown,
  ) {
    super(`${store}: cannot write ${path} (${errnoCode(cause)})`);
  }
}

/** Options of the guard. */
export interface WriteGuardOptions {
  logger?: Logger;
  metrics?: WriteMetrics;
  /** First retry after a failure; doubles up to `maxBackoffMs`. */
  firstBackoffMs?: number;
  maxBackoffMs?: number;
  /** How often stores are asked whether their file vanished (DATA_DIR deleted under the bot). */
  checkEveryMs?: number;
}

/**
 * The process-wide write policy for DATA_DIR. Stores keep their state in
 * memory and write it through a `BackgroundWriter`: a failing write (disk
 * full, read-only, folder deleted) is logged as one JSON line with the store,
 * path and errno, counted in /metrics, reported by /healthz, and retried with
 * back-off (1 s doubling to 60 s) until it succeeds; meanwhile the bot goes on
 * answering from memory. Nothing here ever rejects.
 */
export class WriteGuard {
  logger?: Logger;
  private readonly metrics?: WriteMetrics;
  private readonly failures = new Map<StoreName, WriteFailure>();
  private readonly lastLogged = new Map<StoreName, number>();
  private readonly lastFailedAt = new Map<StoreName, number>();
  /** Stores retried only by the next user action, not by a writer of their own. */
  private readonly passive = new Set<StoreName>();
  private readonly writers = new Set<BackgroundWriter>();
  private checkTimer?: NodeJS.Timeout;
  readonly firstBackoffMs: number;
  readonly maxBackoffMs: number;
  private readonly checkEveryMs: number;

  constructor(opts: WriteGuardOptions = {}) {
    this.logger = opts.logger;
    this.metrics = opts.metrics;
    this.firstBackoffMs = opts.firstBackoffMs ?? 1_000;
    this.maxBackoffMs = opts.maxBackoffMs ?? 60_000;
    this.checkEveryMs = opts.checkEveryMs ?? 5_000;
  }

  /** Back-off before attempt `n + 1` after `n` failures in a row. */
  backoff(failures: number): number {
    return Math.min(this.maxBackoffMs, this.firstBackoffMs * 2 ** Math.max(0, failures - 1));
  }

  /**
   * Records a failed write: one log line (store, path, errno) and the metrics;
   * a write that will be retried (`retryInMs`) also marks the store failing in
   * /healthz until a write of it succeeds. `retried: false` is for a one-off
   * write given up at once (an admin's save, refused and reported to them).
   */
  failed(store: StoreName, path: string, err: unknown, retry: number | { retried: false } = { retried: false }): void {
    const code = errnoCode(err);
    const retryInMs = typeof retry === "number" ? retry : undefined;
    const now = new Date().toISOString();
    // A store written again at every message (sessions: retry 0) would log a line per message: one in 5 s is enough.
    const quiet = retryInMs === 0 && this.failures.has(store) && Date.now() - (this.lastLogged.get(store) ?? 0) < 5_000;
    const f = this.failures.get(store) ?? { store, path, code, since: now, attempts: 0 };
    f.attempts++;
    f.code = code;
    f.path = path;
    if (retryInMs !== undefined) {
      this.failures.set(store, f);
      this.lastFailedAt.set(store, Date.now());
      if (retryInMs === 0) this.passive.add(store);
      this.metrics?.setWriteFailing(store, true);
    }
    this.metrics?.writeFailed(store, CODES.has(code) ? code : "other");
    if (quiet) return;
    this.lastLogged.set(store, Date.now());
    this.logger?.warn(
      {
        store,
        path,
        errno: code,
        ...(typeof (err as NodeJS.ErrnoException)?.errno === "number" ? { errno_number: (err as NodeJS.ErrnoException).errno } : {}),
        attempt: f.attempts,
        ...(retryInMs !== undefined ? { retry_in_ms: retryInMs } : {}),
        ...(isFilesystemError(err) ? {} : { error: err instanceof Error ? err.message : String(err) }),
      },
      retryInMs !== undefined ? "write failed; kept in memory, retrying" : "write failed; nothing changed",
    );
  }

  /** Records a successful write; ends a spell of failures of the store (logged once). */
  succeeded(store: StoreName, path: string): void {
    this.metrics?.writeSucceeded(store);
    const f = this.failures.get(store);
    if (!f) return;
    this.failures.delete(store);
    this.metrics?.setWriteFailing(store, false);
    this.logger?.info({ store, path, attempts: f.attempts, failed_for_ms: Date.now() - Date.parse(f.since) }, "write recovered");
  }

  /**
   * Stores whose writes are failing now (for /healthz). A store written only
   * when a user acts (sessions: retry 0) counts as failing for a minute after
   * its last failure, as nothing else would tell that the disk recovered.
   */
  failing(now = Date.now()): WriteFailure[] {
    for (const store of this.failures.keys()) {
      if (this.passive.has(store) && now - (this.lastFailedAt.get(store) ?? 0) > 60_000) {
        this.failures.delete(store);
        this.metrics?.setWriteFailing(store, false);
      }
    }
    return [...this.failures.values()];
  }

  /** A background writer of `store`, checked periodically (see `start`). */
  writer(store: StoreName, path: string, write: () => Promise<void> | void, opts: BackgroundWriterOptions = {}): BackgroundWriter {
    const w = new BackgroundWriter(this, store, path, write, opts);
    this.writers.add(w);
    return w;
  }

  /** Forgets a writer (its store closed). */
  release(w: BackgroundWriter): void {
    this.writers.delete(w);
  }

  /** Starts asking every writer, every few seconds, whether its file must be written again (it vanished). */
  start(): void {
    if (this.checkTimer) return;
    this.checkTimer = setInterval(() => this.checkNow(), this.checkEveryMs);
    this.checkTimer.unref();
  }

  /** Asks every writer now whether its file must be written again (see `start`). */
  checkNow(): void {
    for (const w of this.writers) w.check();
  }

  /** Writes everything pending now; true when all of it reached the disk. */
  async flushAll(): Promise<boolean> {
    let ok = true;
    for (const w of [...this.writers]) ok = (await w.flush()) && ok;
    return ok;
  }

  /** Stops the checks and the writers' timers, then writes what is pending once more (shutdown). */
  async stop(): Promise<void> {
    clearInterval(this.checkTimer);
    this.checkTimer = undefined;
    for (const w of this.writers) await w.flush();
    for (const w of this.writers) w.close();
  }
}

/** Options of a background writer. */
export interface BackgroundWriterOptions {
  /** Delay between `schedule()` and the write, so a burst of changes costs one write (default 0: next turn). */
  delayMs?: number;
  /** Least time between two writes: the store is written at a bounded rate (default 0). */
  minIntervalMs?: number;
  /** Asked by the guard's periodic check: true when the file must be written again (it vanished, say). */
  needsWrite?: () => boolean;
}

/**
 * Writes one store in the background, one write at a time. `schedule()` asks
 * for a write (coalesced, at most one per `minIntervalMs`); `flush()` writes
 * now. A failure leaves the store dirty, is reported to the guard, and is
 * retried with back-off. Never rejects, never throws.
 */
export class BackgroundWriter {
  private dirty = false;
  private running?: Promise<void>;
  private timer?: NodeJS.Timeout;
  private failuresInRow = 0;
  private lastWriteAt = 0;
  private retryAt = 0;
  private closed = false;

  constructor(
    private readonly guard: WriteGuard,
    readonly store: StoreName,
    readonly path: string,
    private readonly write: () => Promise<void> | void,
    private readonly opts: BackgroundWriterOptions = {},
  ) {}

  /** True while something is not on disk yet. */
  get pending(): boolean {
    return this.dirty;
  }

  /** True while the last attempt failed. */
  get failing(): boolean {
    return this.failuresInRow > 0;
  }

  /** Asks for a write soon (see the options); changes made meanwhile go in the same write. */
  schedule(): void {
    this.dirty = true;
    this.arm(this.opts.delayMs ?? 0);
  }

  /** The guard's periodic check: writes again when the store says its file vanished. */
  check(): void {
    let needed = false;
    try {
      needed = this.opts.needsWrite?.() ?? false;
    } catch {
      needed = true;
    }
    if (needed) this.schedule();
  }

  /**
   * Writes now what is pending (waiting for a write in progress first).
   * Resolves true when everything is on disk, false after a failure (then
   * retried in the background).
   */
  async flush(): Promise<boolean> {
    this.clearTimer();
    while (this.running) await this.running;
    if (!this.dirty) return this.failuresInRow === 0;
    this.dirty = false;
    let ok = true;
    this.running = (async () => {
      try {
        await this.write();
        this.failuresInRow = 0;
        this.lastWriteAt = Date.now();
        this.guard.succeeded(this.store, this.path);
      } catch (err) {
        ok = false;
        this.dirty = true;
        this.failuresInRow++;
        const delay = this.guard.backoff(this.failuresInRow);
        this.retryAt = Date.now() + delay;
        this.guard.failed(this.store, this.path, err, delay);
      }
    })();
    try {
      await this.running;
    } finally {
      this.running = undefined;
    }
    if (this.dirty && !this.closed) this.arm(0);
    return ok;
  }

  /** Stops the timer (the guard or the store is closing). */
  close(): void {
    this.closed = true;
    this.clearTimer();
    this.guard.release(this);
  }

  private arm(delayMs: number): void {
    if (this.timer || this.closed) return;
    const now = Date.now();
    const at = Math.max(now + delayMs, this.lastWriteAt + (this.opts.minIntervalMs ?? 0), this.retryAt);
    this.timer = setTimeout(() => {
      this.timer = undefined;
      void this.flush();
    }, Math.max(0, at - now));
    this.timer.unref();
  }

  private clearTimer(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }
}
