import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { createInterface } from "node:readline";
import type { Logger } from "pino";
import type { Low } from "lowdb";
import { writeAllSync, writeFileAtomicSync } from "../storage/atomic.js";
import { type BackgroundWriter, isFilesystemError, WriteGuard } from "../storage/guard.js";
import { openJson } from "../storage/json-file.js";
import { LimiterCancelled, RateLimiter, sleep } from "./rate.js";

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
 * File-safe, short and distinct form of any broadcast id. The ids the bot makes
 * ("ann:<event id>:<version>", "rem:<event id>:<time>") keep their readable
 * names of before ("ann_<event id>_<version>"), so a queue left by an older
 * version resumes. Any other id (long, with other characters, or with "_" that
 * would make two ids look alike) is a readable prefix plus a hash of the whole
 * id: at most 69 characters, only [A-Za-z0-9_~-], never "." or ".." or a folder.
 */
export function fileId(id: string): string {
  if (/^[A-Za-z0-9][A-Za-z0-9:-]{0,79}$/.test(id)) return id.replace(/:/g, "_");
  const prefix = id.replace(/[^A-Za-z0-9-]+/g, "_").replace(/^[^A-Za-z0-9]+/, "").slice(0, 48);
  return `${prefix || "b"}~${createHash("sha256").update(id).digest("hex").slice(0, 20)}`;
}

/**
 * The persisted delivery queue.
 *
 * Layout in `dir`: `broadcasts.json` (lowdb, one small record per broadcast,
 * written when one is created or finishes), `<id>.targets` (the recipients,
 * one "chatId lang" line each, written once, atomically) and `<id>.journal`
 * (append-only: one "chatId s|f|b" line per finished chat, written as soon as
 * the answer arrives and fsync'd every batch). On start the journal is read
 * back into a set and the targets are streamed again, skipping what is done:
 * nothing is skipped, and only sends in flight at a crash (at most
 * `concurrency`) can go out twice. Targets are streamed, never all loaded,
 * and at most `concurrency` sends are pending at once.
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
    const tmp = `${base}.targets.tmp`;
    let total = 0;
    mkdirSync(this.opts.dir, { recursive: true });
    const fd = openSync(tmp, "w");
    try {
      let buf = "";
      const seen = new Set<number>();
      if (b.status !== "superseded") {
        for (const t of targets) {
          if (seen.has(t.chatId)) continue;
          seen.add(t.chatId);
          buf += `${t.chatId} ${t.lang}\n`;
          total++;
          if (buf.length > 64_000) {
            writeAllSync(fd, buf);
            buf = "";
          }
        }
      }
      if (buf) writeAllSync(fd, buf);
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(tmp, `${base}.targets`);
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

  /**
   * Reads the journal: which chats are finished, and how. A line torn by a
   * crash (that chat is sent again) is dropped from the file: it is rewritten
   * with the whole lines (atomically) before anything is appended to it.
   */
  private async readJournal(file: string, b: Broadcast): Promise<Set<number>> {
    const done = new Set<number>();
    b.sent = b.failed = b.blocked = 0;
    if (!existsSync(file)) return done;
    const rl = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
    const whole: string[] = [];
    let torn = false;
    for await (const line of rl) {
      const m = /^(-?\d+) ([sfb])$/.exec(line);
      if (!m) {
        torn ||= line !== "";
        continue;
      }
      whole.push(line);
      const chat = Number(m[1]);
      if (done.has(chat)) continue;
      done.add(chat);
      if (m[2] === "s") b.sent++;
      else if (m[2] === "f") b.failed++;
      else b.blocked++;
    }
    if (torn) writeFileAtomicSync(file, whole.map((l) => `${l}\n`).join(""));
    return done;
  }

  private progress(b: Broadcast, done = false): Progress {
    return {
      id: b.id,
      total: b.total,
      sent: b.sent,
      failed: b.failed,
      blocked: b.blocked,
      left: b.total - b.sent - b.failed - b.blocked,
      http429: b.http429,
      done,
    };
  }

  private async deliver(b: Broadcast): Promise<void> {
    const { logger, concurrency } = this.opts;
    const base = join(this.opts.dir, fileId(b.id));
    const journalFile = `${base}.journal`;
    if (!existsSync(`${base}.targets`)) {
      // Lost with a deleted DATA_DIR: who was to receive it is unknown. Closed, loudly.
      logger.error({ broadcast: b.id, path: `${base}.targets` }, "broadcast recipients file missing; broadcast closed unsent");
      b.status = "done";
      b.finishedAt = new Date().toISOString();
      b.note = `${b.note ?? ""} recipients file lost`.trim();
      await this.saveIndex();
      return;
    }
    const done = await this.readJournal(journalFile, b);
    const resumed = done.size;
    const journal = openSync(journalFile, "a");
    /** Journal lines the disk refused, written before the next ones; `torn`: the file may end in half a line. */
    let owed: string[] = [];
    let torn = false;
    let journalFailing = false;
    const writeJournal = (line?: string) => {
      if (line) owed.push(line);
      if (!owed.length) return;
      try {
        writeAllSync(journal, `${torn ? "\n" : ""}${owed.join("")}`);
        owed = [];
        torn = false;
        if (journalFailing) this.guard.succeeded("broadcasts", journalFile);
        journalFailing = false;
      } catch (err) {
        // Kept in memory: this process skips those chats anyway; the lines are written when the disk allows.
        torn = true;
        if (!journalFailing) this.guard.failed("broadcasts", journalFile, err, this.guard.firstBackoffMs);
        journalFailing = true;
      }
    };
    const batchSize = this.opts.batchSize ?? Math.max(50, Math.round(this.opts.rate));
    let inBatch = 0;
    let inFlight = 0;
    let slotFree: (() => void) | undefined;
    let lastEdit = 0;
    let editing: Promise<unknown> | undefined;
    let batchStarted = performance.now();
    logger.info({ broadcast: b.id, total: b.total, resumed }, resumed ? "broadcast resumed" : "broadcast started");

    const batchDone = async (final: boolean) => {
      writeJournal();
      try {
        fsyncSync(journal);
      } catch {
        // the next write reports a failing disk
      }
      const p = this.progress(b, final);
      const seconds = (performance.now() - batchStarted) / 1000;
      logger.info({ broadcast: b.id, ...p, batch: inBatch, rate: seconds > 0 ? Math.round(inBatch / seconds) : 0 }, final ? "broadcast finished" : "broadcast batch");
      inBatch = 0;
      batchStarted = performance.now();
      this.limiter.prune();
      for (const fn of this.progressListeners) fn(p);
      const notify = b.notify;
      if (!notify) return;
      if (final) await editing; // the last word is the final count
      else if (editing || performance.now() - lastEdit < (this.opts.progressEveryMs ?? 2000)) return;
      lastEdit = performance.now();
      const text = this.opts.progressText?.(p, notify.lang) ?? JSON.stringify(p);
      // Edits run beside the sends (one at a time) so the admin's one-a-second chat limit does not slow the broadcast.
      editing = (async () => {
        await this.limiter.take(notify.chatId);
        const r = await this.opts.sender.edit(notify.chatId, notify.messageId, text);
        if (!r.ok && r.kind === "retry_after") this.limiter.pause(r.seconds * 1000);
      })()
        .catch((err) => {
          if (!(err instanceof LimiterCancelled)) logger.warn({ err, broadcast: b.id }, "progress edit failed");
        })
        .finally(() => (editing = undefined));
      if (final) await editing;
    };

    const finish = (chatId: number, code: "s" | "f" | "b") => {
      // Written at once (the OS keeps it through a process crash); fsync'd per batch.
      writeJournal(`${chatId} ${code}\n`);
      if (code === "s") b.sent++;
      else if (code === "f") b.failed++;
      else b.blocked++;
      inBatch++;
    };

    const sendOne = async (chatId: number, lang: "id" | "en") => {
      const message = b.messages[lang] ?? b.messages.id;
      const maxAttempts = this.opts.maxAttempts ?? 5;
      let backoff = this.opts.backoffMs ?? 500;
      let transient = 0;
      for (let attempt = 0; attempt < 50; attempt++) {
        await this.limiter.take(chatId);
        const r = await this.opts.sender.send(chatId, message);
        if (r.ok) return finish(chatId, "s");
        if (r.kind === "retry_after") {
          b.http429++;
          this.limiter.pause(r.seconds * 1000);
          continue;
        }
        if (r.kind === "blocked") {
          this.opts.onBlocked?.(chatId);
          return finish(chatId, "b");
        }
        if (r.kind === "permanent") {
          logger.warn({ broadcast: b.id, chat: chatId, reason: r.description }, "send failed");
          return finish(chatId, "f");
        }
        if (++transient >= maxAttempts) {
          logger.warn({ broadcast: b.id, chat: chatId, reason: r.description, attempts: transient }, "send failed after retries");
          return finish(chatId, "f");
        }
        await sleep(backoff);
        if (this.stopping) throw new LimiterCancelled();
        backoff = Math.min(backoff * 2, 30_000);
      }
      finish(chatId, "f");
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
        void sendOne(chatId, lang)
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
      closeSync(journal);
    }
  }
}

/**
 * Lines of a file read 64 KiB at a time: at most one chunk is held, whatever
 * the file's size (a readline iterator may queue lines faster than they are used).
 */
function* readLines(file: string): Generator<string> {
  const fd = openSync(file, "r");
  const buf = Buffer.alloc(65536);
  let rest = "";
  try {
    for (;;) {
      const n = readSync(fd, buf, 0, buf.length, null);
      if (n === 0) break;
      const text = rest + buf.toString("latin1", 0, n);
      const lines = text.split("\n");
      rest = lines.pop()!;
      yield* lines;
    }
    if (rest) yield rest;
  } finally {
    closeSync(fd);
  }
}
