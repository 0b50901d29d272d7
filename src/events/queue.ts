import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { Low } from "lowdb";
import { type BackgroundWriter, isFilesystemError, WriteGuard } from "../storage/guard.js";
import { openJson } from "../storage/json-file.js";
import { DeliveryJournal, fileId, readDeliveryJournal, readLines, writeTargets } from "./queue-files.js";
import { ProgressReporter } from "./progress.js";
import { LimiterCancelled, RateLimiter, sleep } from "./rate.js";
import { sendWithRetry, type Finished } from "./retry.js";

export { fileId };

/** A message as the Bot API takes it (plain text, optional inline keyboard). */
export interface OutgoingMessage {
  text: string;
  /** Buttons under the message (plain data, as the Bot API takes it). */
  reply_markup?: { inline_keyboard: Array<Array<{ text: string; callback_data: string }>> };
}

/** What became of one send, as the transport classifies it. */
export type SendOutcome =
  | { ok: true }
  | { ok: false; kind: "retry_after"; seconds: number }
  | { ok: false; kind: "blocked"; description: string }
  | { ok: false; kind: "transient"; description: string }
  | { ok: false; kind: "permanent"; description: string };

/** The transport: sends one message or edits one (progress); never throws. */
export interface Sender {
  send(chatId: number, message: OutgoingMessage): Promise<SendOutcome>;
  edit(chatId: number, messageId: number, text: string): Promise<SendOutcome>;
}

/** Where a broadcast stands: still sending, finished, or replaced by a newer version of its event's announcement. */
export type BroadcastStatus = "pending" | "done" | "superseded";

/** A persisted broadcast: its recipients are fixed in `<id>.targets` when it is created. */
export interface Broadcast {
  id: string;
  kind: "announce" | "reminder";
  eventId: string;
  createdAt: string;
  status: BroadcastStatus;
  total: number;
  /** The message per language. */
  messages: { id: OutgoingMessage; en: OutgoingMessage };
  /** Where to show progress: the admin's chat and the message to edit. */
  notify?: { chatId: number; messageId: number; lang: "id" | "en" };
  sent: number;
  failed: number;
  blocked: number;
  http429: number;
  finishedAt?: string;
  note?: string;
}

/** Counters of a broadcast in progress. */
export interface Progress {
  id: string;
  total: number;
  sent: number;
  failed: number;
  blocked: number;
  left: number;
  http429: number;
  done: boolean;
}

/** What a BroadcastQueue is opened with: its folder, the rate and concurrency, the sender, a logger and the hooks below. */
export interface QueueOptions {
  dir: string;
  rate: number;
  concurrency: number;
  sender: Sender;
  logger: Logger;
  /** Called for every 403: the chat blocked the bot. */
  onBlocked?: (chatId: number) => void;
  /** Renders the admin's progress message. */
  progressText?: (p: Progress, lang: "id" | "en") => string;
  /** Completions between journal fsyncs and log lines (default: one second's worth, at least 50). */
  batchSize?: number;
  /** Minimum milliseconds between two edits of the progress message (default 2000). */
  progressEveryMs?: number;
  /** Attempts for 5xx and network errors before giving up on a chat (default 5). */
  maxAttempts?: number;
  /** First back-off after a 5xx or network error (default 500 ms, doubling). */
  backoffMs?: number;
  /** The write policy (failures logged, counted, retried); default: a silent one of its own. */
  guard?: WriteGuard;
}

interface Index {
  broadcasts: Broadcast[];
}

/**
 * The persisted delivery queue: broadcasts with a fixed list of recipients,
 * delivered oldest first by one worker at the configured rate, each chat once.
 *
 * Files (see queue-files.ts): `broadcasts.json`, `<id>.targets` and
 * `<id>.journal`. On start the journal is read back and the targets are
 * streamed again, skipping what is done: nothing is skipped, and only sends
 * in flight at a crash (at most `concurrency`) can go out twice. At most
 * `concurrency` sends are pending at once. The retry policy is in retry.ts,
 * the progress reports in progress.ts.
 */
export class BroadcastQueue {
  /** The pace of every send: the global rate and one message a second per chat. */
  readonly limiter: RateLimiter;
  private db!: Low<Index>;
  private running = false;
  private stopping = false;
  private loop?: Promise<void>;
  private wakeUp?: () => void;
  private readonly progressListeners: Array<(p: Progress) => void> = [];
  private readonly guard: WriteGuard;
  private writer!: BackgroundWriter;

  private constructor(private readonly opts: QueueOptions) {
    this.limiter = new RateLimiter(opts.rate);
    this.guard = opts.guard ?? new WriteGuard();
  }

  /** Opens the queue in `opts.dir` (its index broadcasts.json; one that is not JSON is set aside); call `start` to send. */
  static async open(opts: QueueOptions): Promise<BroadcastQueue> {
    mkdirSync(opts.dir, { recursive: true });
    const q = new BroadcastQueue(opts);
    const file = join(opts.dir, "broadcasts.json");
    q.db = await openJson<Index>(file, { broadcasts: [] }, (c) => q.guard.logger?.error({ path: c.file, moved_to: c.movedTo }, "broadcasts.json was not valid JSON; starting with no broadcasts"));
    if (!Array.isArray(q.db.data.broadcasts)) q.db.data.broadcasts = [];
    // The index is small and kept in memory: when the disk refuses it, it is written by the guard's retries.
    q.writer = q.guard.writer("broadcasts", file, () => q.db.write(), { needsWrite: () => q.db.data.broadcasts.length > 0 && !existsSync(file) });
    return q;
  }

  /** Saves the index now (false: kept in memory, retried in the background). */
  private saveIndex(): Promise<boolean> {
    this.writer.schedule();
    return this.writer.flush();
  }

  /** The broadcast with this id, or undefined. */
  get(id: string): Broadcast | undefined {
    return this.db.data.broadcasts.find((b) => b.id === id);
  }

  /** Every broadcast in the index, oldest first. */
  list(): readonly Broadcast[] {
    return this.db.data.broadcasts;
  }

  /** Listens to progress of every broadcast (after each batch and at the end). */
  onProgress(fn: (p: Progress) => void): void {
    this.progressListeners.push(fn);
  }

  /**
   * Creates a broadcast with a fixed list of recipients, unless one with this
   * id exists already (ids are derived from what is sent, so asking twice sends once).
   */
  async create(
    b: Pick<Broadcast, "id" | "kind" | "eventId" | "messages" | "notify" | "note"> & { status?: BroadcastStatus },
    targets: Iterable<{ chatId: number; lang: "id" | "en" }>,
    now = new Date(),
  ): Promise<{ broadcast: Broadcast; created: boolean }> {
    const existing = this.get(b.id);
    if (existing) return { broadcast: existing, created: false };
    const base = join(this.opts.dir, fileId(b.id));
    const total = writeTargets(this.opts.dir, base, b.status === "superseded" ? [] : targets);
    const broadcast: Broadcast = {
      ...b,
      status: b.status ?? (total ? "pending" : "done"),
      createdAt: now.toISOString(),
      total,
      sent: 0,
      failed: 0,
      blocked: 0,
      http429: 0,
      ...(total ? {} : { finishedAt: now.toISOString() }),
    };
    this.db.data.broadcasts.push(broadcast);
    await this.saveIndex();
    this.opts.logger.info({ broadcast: b.id, kind: b.kind, event: b.eventId, total, status: broadcast.status }, "broadcast created");
    this.wake();
    return { broadcast, created: true };
  }

  /** Records the progress message of a broadcast (once the admin's message exists). */
  async setNotify(id: string, notify: Broadcast["notify"]): Promise<void> {
    const b = this.get(id);
    if (!b) return;
    b.notify = notify;
    await this.saveIndex();
  }

  /** Starts the worker: delivers pending broadcasts oldest first, then waits for new ones. */
  start(): void {
    if (this.running) return;
    this.running = true;
    this.stopping = false;
    this.limiter.resume();
    this.loop = this.work().catch((err) => this.opts.logger.error({ err }, "broadcast worker crashed"));
  }

  /** Wakes the worker after new work was added. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Lets in-flight sends finish, flushes the journal and stops the worker. */
  async stop(): Promise<void> {
    this.stopping = true;
    // Sends waiting for a slot give up (they are not journaled, so they go out after a restart).
    this.limiter.cancel();
    this.wake();
    await this.loop;
    this.running = false;
  }

  /** Resolves when no broadcast is pending (tests, CLI). */
  async drain(pollMs = 20): Promise<void> {
    while (this.db.data.broadcasts.some((b) => b.status === "pending") && !this.stopping) await sleep(pollMs);
  }

  private async work(): Promise<void> {
    let failures = 0;
    while (!this.stopping) {
      const next = this.db.data.broadcasts.find((b) => b.status === "pending");
      if (!next) {
        await this.idle(5000);
        continue;
      }
      try {
        await this.deliver(next);
        failures = 0;
      } catch (err) {
        // Never the end of the worker: a disk that refuses the journal, say. Tried again after a pause.
        const delay = this.guard.backoff(++failures);
        if (isFilesystemError(err)) this.guard.failed("broadcasts", join(this.opts.dir, fileId(next.id)), err, delay);
        else this.opts.logger.error({ err, broadcast: next.id }, "broadcast delivery failed; retrying");
        await this.idle(delay);
      }
    }
  }

  /** Waits until woken (new work, stop) or `ms` passed. */
  private async idle(ms: number): Promise<void> {
    await new Promise<void>((resolve) => {
      this.wakeUp = resolve;
      setTimeout(resolve, ms).unref?.();
    });
    this.wakeUp = undefined;
  }

  private async deliver(b: Broadcast): Promise<void> {
    const { logger, concurrency } = this.opts;
    const base = join(this.opts.dir, fileId(b.id));
    if (!existsSync(`${base}.targets`)) {
      // Lost with a deleted DATA_DIR: who was to receive it is unknown. Closed, loudly.
      logger.error({ broadcast: b.id, path: `${base}.targets` }, "broadcast recipients file missing; broadcast closed unsent");
      b.status = "done";
      b.finishedAt = new Date().toISOString();
      b.note = `${b.note ?? ""} recipients file lost`.trim();
      await this.saveIndex();
      return;
    }
    const state = await readDeliveryJournal(`${base}.journal`);
    const done = state.done;
    Object.assign(b, { sent: state.sent, failed: state.failed, blocked: state.blocked });
    const journal = new DeliveryJournal(
      `${base}.journal`,
      (err) => this.guard.failed("broadcasts", `${base}.journal`, err, this.guard.firstBackoffMs),
      () => this.guard.succeeded("broadcasts", `${base}.journal`),
    );
    const progress = new ProgressReporter(b, {
      logger,
      sender: this.opts.sender,
      limiter: this.limiter,
      everyMs: this.opts.progressEveryMs ?? 2000,
      listeners: this.progressListeners,
      text: this.opts.progressText,
    });
    const batchSize = this.opts.batchSize ?? Math.max(50, Math.round(this.opts.rate));
    let inBatch = 0;
    let inFlight = 0;
    let slotFree: (() => void) | undefined;
    logger.info({ broadcast: b.id, total: b.total, resumed: done.size }, done.size ? "broadcast resumed" : "broadcast started");

    const batchDone = async (final: boolean) => {
      journal.sync();
      const count = inBatch;
      inBatch = 0;
      this.limiter.prune();
      await progress.batch(count, final);
    };
    const finish = (chatId: number, code: Finished) => {
      journal.write(`${chatId} ${code}\n`);
      if (code === "s") b.sent++;
      else if (code === "f") b.failed++;
      else b.blocked++;
      inBatch++;
    };
    const retry = {
      sender: this.opts.sender,
      limiter: this.limiter,
      logger,
      broadcast: b.id,
      maxAttempts: this.opts.maxAttempts ?? 5,
      backoffMs: this.opts.backoffMs ?? 500,
      stopping: () => this.stopping,
      on429: () => b.http429++,
      onBlocked: this.opts.onBlocked,
    };

    try {
      for (const line of readLines(`${base}.targets`)) {
        if (this.stopping) break;
        const sp = line.indexOf(" ");
        const chatId = Number(sp < 0 ? line : line.slice(0, sp));
        if (!Number.isFinite(chatId) || done.has(chatId)) continue;
        const lang = line.slice(sp + 1) === "en" ? "en" : "id";
        while (inFlight >= concurrency) await new Promise<void>((r) => (slotFree = r));
        inFlight++;
        void sendWithRetry(retry, chatId, b.messages[lang] ?? b.messages.id)
          .then((code) => finish(chatId, code))
          .catch((err) => {
            if (!(err instanceof LimiterCancelled)) logger.error({ err, chat: chatId }, "send crashed");
          })
          .finally(() => {
            inFlight--;
            const r = slotFree;
            slotFree = undefined;
            r?.();
          });
        if (inBatch >= batchSize) await batchDone(false);
      }
      while (inFlight > 0) await new Promise<void>((r) => (slotFree = r));
      done.clear();
      if (this.stopping && b.sent + b.failed + b.blocked < b.total) {
        await batchDone(false);
        return;
      }
      // The final progress edit first: "done" (what drain waits for) means the admin saw the end too.
      await batchDone(true);
      b.status = "done";
      b.finishedAt = new Date().toISOString();
      await this.saveIndex();
    } finally {
      journal.close();
    }
  }
}
