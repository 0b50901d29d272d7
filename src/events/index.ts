import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, unlinkSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Logger } from "pino";
import type { KEvent, Knowledge } from "../knowledge/schema.js";
import { sameRecord, type KnowledgeStore, type StoredChange } from "../knowledge/store.js";
import type { EventsConfig } from "./config.js";
import { BroadcastQueue, type Broadcast, type Sender } from "./queue.js";
import { broadcastMessages, progressText, type CardLookup } from "./render.js";
import { eventEnd, isUpcoming, reminderSlots } from "./schedule.js";
import { Timeline } from "./timeline.js";
import { SubscriptionStore } from "./subscriptions.js";
import { isFilesystemError, type WriteGuard } from "../storage/guard.js";

export type { EventsConfig } from "./config.js";

/** What an announcement is about. */
export type AnnounceReason = "added" | "changed" | "manual";

/** A request dropped in the inbox by `npm run announce` while the bot runs. */
interface InboxRequest {
  eventId: string;
  again?: boolean;
  reason?: AnnounceReason;
}

/** Identity of an event's content: an announcement goes out once per version. */
export function eventVersion(e: KEvent): string {
  return createHash("sha1").update(JSON.stringify(e)).digest("hex").slice(0, 12);
}

/** The events a save added or changed, from its changes (never by comparing every event). */
export function changedEvents(changes: readonly StoredChange[]): Array<{ event: KEvent; reason: "added" | "changed" }> {
  const out: Array<{ event: KEvent; reason: "added" | "changed" }> = [];
  for (const c of changes) {
    if (c.collection !== "events" || !c.after) continue;
    if (!c.before) out.push({ event: c.after as unknown as KEvent, reason: "added" });
    else if (!sameRecord(c.before, c.after)) out.push({ event: c.after as unknown as KEvent, reason: "changed" });
  }
  return out;
}

/** Longest a reminder comes before its event's start: the largest offset, or a day for a time on the morning. */
function reminderLeadMs(config: EventsConfig): number {
  let lead = 0;
  for (const r of config.reminderOffsets) lead = Math.max(lead, r.kind === "before" ? r.minutes * 60_000 : 86_400_000);
  return lead;
}

/** What an EventsHub is opened with: where its files go, the events settings, the knowledge it watches, a logger and the clock. */
export interface EventsHubOptions {
  dataDir: string;
  config: EventsConfig;
  knowledge: KnowledgeStore;
  logger: Logger;
  now: () => Date;
  /** The write policy (failures logged, counted, retried); default: a silent one of its own. */
  guard?: WriteGuard;
}

/**
 * Events beyond questions: subscriptions, announcements of new or changed
 * events, reminders in the event's own time zone, and their delivery through
 * the persisted queue. Knows nothing of Telegram: the transport comes in as a
 * Sender when the worker starts.
 *
 * Files in DATA_DIR/events/: subscribers.jsonl, broadcasts/ (the queue), inbox/
 * (requests from the operator command), worker.pid (the running worker).
 */
export class EventsHub {
  /** The delivery queue, once the worker runs (`start`, or `openQueue` in the announce command). */
  queue?: BroadcastQueue;
  private timers: NodeJS.Timeout[] = [];
  private ticking = false;
  /** Announcements of saved events whose creation failed, retried at every tick. */
  private readonly retryAnnouncements = new Map<string, AnnounceReason>();
  private requests = 0;
  private timelineOf?: Timeline;
  /** DATA_DIR/events. */
  readonly dir: string;

  private constructor(
    readonly opts: EventsHubOptions,
    readonly subscriptions: SubscriptionStore,
  ) {
    this.dir = join(opts.dataDir, "events");
    // Announce what an admin adds or changes; the knowledge store calls this after each save with its changes.
    opts.knowledge.onChange((_kb, changes) => {
      if (this.timelineOf) for (const c of changes) if (c.collection === "events") this.timelineOf.update(c.id, c.after as unknown as KEvent | null);
      for (const { event, reason } of changedEvents(changes)) {
        if (!isUpcoming(event, this.opts.now())) continue;
        // Without a running queue (a process that only edits), leave it for the bot's worker.
        if (!this.queue) {
          this.requestAnnouncement(event.id, false, reason);
          continue;
        }
        this.announce(event.id, { reason }).catch((err) => {
          // Tried again at every tick until it is created (a full disk, say): the save was acknowledged.
          this.retryAnnouncements.set(event.id, reason);
          this.opts.logger.error({ err, event: event.id }, "announcement failed; retrying at the next tick");
        });
      }
    });
  }

  /** Opens the hub on DATA_DIR/events (making its folders) with its subscriptions; the worker starts with `start`. */
  static async open(opts: EventsHubOptions): Promise<EventsHub> {
    const dir = join(opts.dataDir, "events");
    mkdirSync(join(dir, "inbox"), { recursive: true });
    const subs = await SubscriptionStore.open(join(dir, "subscribers.jsonl"), opts.guard);
    return new EventsHub(opts, subs);
  }

  /** The events settings (rate, reminders). */
  get config(): EventsConfig {
    return this.opts.config;
  }

  /** The live knowledge base. */
  get knowledge(): Knowledge {
    return this.opts.knowledge.get();
  }

  /** The events in the order they start (built when first needed, then kept up to date by every save). */
  get timeline(): Timeline {
    return (this.timelineOf ??= new Timeline(this.knowledge.events));
  }

  /** Records for event cards, found through the store's index. */
  get lookup(): CardLookup {
    const store = this.opts.knowledge;
    return {
      official: (id) => (store.find("officials", id) ?? undefined) as never,
      organisation: (id) => (store.find("organisations", id) ?? undefined) as never,
      source: (id) => (store.find("sources", id) ?? undefined) as never,
    };
  }

  /** An event by id, at once. */
  event(id: string): KEvent | undefined {
    return (this.opts.knowledge.find("events", id) ?? undefined) as KEvent | undefined;
  }

  /** Opens the queue with a transport (idempotent); the worker is started by `start`. */
  async openQueue(sender: Sender, overrides: { rate?: number; concurrency?: number } = {}): Promise<BroadcastQueue> {
    if (this.queue) return this.queue;
    this.queue = await BroadcastQueue.open({
      dir: join(this.dir, "broadcasts"),
      rate: overrides.rate ?? this.config.rate,
      concurrency: overrides.concurrency ?? this.config.concurrency,
      sender,
      logger: this.opts.logger,
      guard: this.opts.guard,
      onBlocked: (chat) => {
        if (this.subscriptions.setActive(chat, false)) this.opts.logger.info({ chat }, "subscriber blocked the bot; marked inactive");
      },
      progressText,
    });
    return this.queue;
  }

  /** Starts the delivery worker, the reminder clock and the inbox watcher. */
  async start(sender: Sender): Promise<void> {
    const queue = await this.openQueue(sender);
    try {
      writeFileSync(join(this.dir, "worker.pid"), String(process.pid));
    } catch (err) {
      // Only the operator command reads it (to hand requests over): not worth refusing to start.
      this.opts.logger.warn({ err: String(err) }, "could not write events/worker.pid");
    }
    await this.readInbox();
    await this.tick();
    queue.start();
    // Background work never rejects: tick and readInbox catch and log their own errors.
    this.timers.push(setInterval(() => void this.tick(), this.config.tickMs));
    this.timers.push(setInterval(() => void this.readInbox(), 2000));
    for (const t of this.timers) t.unref?.();
  }

  /** Stops timers, lets in-flight sends finish, flushes files. */
  async stop(): Promise<void> {
    for (const t of this.timers) clearInterval(t);
    this.timers = [];
    await this.queue?.stop();
    this.subscriptions.close();
    try {
      const pidFile = join(this.dir, "worker.pid");
      if (existsSync(pidFile) && readFileSync(pidFile, "utf8") === String(process.pid)) unlinkSync(pidFile);
    } catch {
      // nothing to clean
    }
  }

  /** True when another live process runs the worker (the operator command then leaves the work to it). */
  workerRunningElsewhere(): boolean {
    try {
      const pid = Number(readFileSync(join(this.dir, "worker.pid"), "utf8"));
      if (!pid || pid === process.pid) return false;
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  }

  /** Leaves an announcement request for the running worker. */
  requestAnnouncement(eventId: string, again = false, reason: AnnounceReason = "manual"): string {
    const name = `${Date.now()}-${process.pid}-${++this.requests}.json`;
    const tmp = join(this.dir, "inbox", `.${name}`);
    writeFileSync(tmp, JSON.stringify({ eventId, again, reason } satisfies InboxRequest));
    renameSync(tmp, join(this.dir, "inbox", name));
    return name;
  }

  /** Picks up requests from the operator command. Never rejects: a missing or unreadable inbox is logged. */
  async readInbox(): Promise<void> {
    const dir = join(this.dir, "inbox");
    let names: string[];
    try {
      names = readdirSync(dir).filter((n) => n.endsWith(".json") && !n.startsWith(".")).sort();
    } catch (err) {
      // Deleted under the bot: made again when the disk allows it; nothing can be waiting in it.
      if (!this.inboxMissing) this.opts.logger.warn({ path: dir, code: (err as NodeJS.ErrnoException).code }, "announcement inbox unreadable; making it again");
      this.inboxMissing = true;
      try {
        mkdirSync(dir, { recursive: true });
        this.inboxMissing = false;
      } catch {
        // read-only or full: tried again in two seconds
      }
      return;
    }
    for (const name of names) {
      const file = join(dir, name);
      try {
        const req = JSON.parse(readFileSync(file, "utf8")) as InboxRequest;
        const r = await this.announce(req.eventId, { reason: req.reason ?? "manual", again: req.again });
        this.opts.logger.info({ event: req.eventId, broadcast: r.broadcast.id, created: r.created }, "announcement requested by operator");
      } catch (err) {
        if (isFilesystemError(err)) {
          // The request is fine, the disk is not: leave it in the inbox for the next round.
          this.opts.logger.warn({ path: file, code: (err as NodeJS.ErrnoException).code }, "announcement request postponed");
          return;
        }
        this.opts.logger.error({ err: String(err), file: name }, "bad announcement request");
      }
      try {
        unlinkSync(file);
      } catch (err) {
        this.opts.logger.warn({ path: file, code: (err as NodeJS.ErrnoException).code }, "could not remove an announcement request");
        return;
      }
    }
  }

  private inboxMissing = false;

  /**
   * Announces an event to every matching active subscriber, once per version
   * of the event (asking again for the same version returns the existing
   * broadcast, unless `again`). `notify` is the admin's progress message.
   */
  async announce(
    eventId: string,
    opts: { reason?: AnnounceReason; notify?: Broadcast["notify"]; again?: boolean } = {},
  ): Promise<{ broadcast: Broadcast; created: boolean }> {
    const queue = this.requireQueue();
    const kb = this.knowledge;
    const event = this.event(eventId);
    if (!event) throw new UnknownEventError(eventId);
    const now = this.opts.now();
    const id = `ann:${event.id}:${eventVersion(event)}${opts.again ? `:${now.getTime()}` : ""}`;
    const existing = queue.get(id);
    if (existing) {
      // Already created (e.g. by the save that changed the event): the admin asking now still gets the progress message.
      if (opts.notify && !existing.notify && existing.status === "pending") await queue.setNotify(id, opts.notify);
      return { broadcast: existing, created: false };
    }
    return queue.create(
      { id, kind: "announce", eventId, messages: broadcastMessages(opts.reason ?? "manual", event, kb, undefined, this.lookup), notify: opts.notify, note: opts.reason },
      this.subscriptions.matching(event),
      now,
    );
  }

  /**
   * Creates the reminders that are due: for each event not yet over, the
   * latest reminder whose time has come and that was not created before.
   * Earlier missed ones of the same event are recorded as superseded (one
   * reminder, not two in a row, after a long stop), and so are reminders
   * older than the event's latest announcement. Only the events that start
   * within the reminders' reach of now are looked at, taken from the
   * timeline: the work does not grow with the number of events recorded.
   */
  async tick(): Promise<number> {
    if (this.ticking || !this.queue) return 0;
    this.ticking = true;
    let created = 0;
    try {
      const now = this.opts.now();
      const kb = this.knowledge;
      for (const [eventId, reason] of [...this.retryAnnouncements]) {
        try {
          const event = this.event(eventId);
          if (event && isUpcoming(event, now)) await this.announce(eventId, { reason });
          this.retryAnnouncements.delete(eventId);
        } catch (err) {
          this.opts.logger.error({ err: errorLine(err), event: eventId }, "announcement failed again; retrying at the next tick");
        }
      }
      // A reminder falls at most the lead before its event's start, and an event lasts at most a day;
      // a day more each side covers events known only by their date (their start is assumed).
      const day = 86_400_000;
      const ids = this.timeline.between(new Date(now.getTime() - 2 * day), new Date(now.getTime() + reminderLeadMs(this.config) + day));
      for (const id of ids) {
        const event = this.event(id);
        if (!event) continue;
        // One event's failure (a file the disk refuses) never keeps the others from their reminders.
        try {
          created += await this.remindersOf(event, kb, now);
        } catch (err) {
          this.opts.logger.error({ err: errorLine(err), event: event.id }, "reminder not created; retrying at the next tick");
        }
      }
    } catch (err) {
      this.opts.logger.error({ err: errorLine(err) }, "reminder tick failed");
    } finally {
      this.ticking = false;
    }
    return created;
  }

  /** Creates the due reminders of one event; returns how many will be sent. */
  private async remindersOf(event: KEvent, kb: Knowledge, now: Date): Promise<number> {
    let created = 0;
    if (eventEnd(event).getTime() <= now.getTime()) return 0;
    const due = reminderSlots(event, this.config.reminderOffsets, this.config.dateOnlyStart).filter(
      (s) => s.at.getTime() <= now.getTime() && !this.queue!.get(s.key),
    );
    if (!due.length) return 0;
    const queue = this.requireQueue();
    const announced = queue.list().filter((b) => b.kind === "announce" && b.eventId === event.id).map((b) => Date.parse(b.createdAt));
    const lastAnnounced = announced.length ? Math.max(...announced) : -Infinity;
    for (const [i, slot] of due.entries()) {
      const superseded = i < due.length - 1 || slot.at.getTime() < lastAnnounced;
      const r = await queue.create(
        {
          id: slot.key,
          kind: "reminder",
          eventId: event.id,
          messages: broadcastMessages("reminder", event, kb, slot.at, this.lookup),
          status: superseded ? "superseded" : undefined,
          note: slot.rule,
        },
        superseded ? [] : this.subscriptions.matching(event),
        now,
      );
      if (r.created && !superseded) created++;
    }
    return created;
  }

  private requireQueue(): BroadcastQueue {
    if (!this.queue) throw new Error("the delivery queue is not open");
    return this.queue;
  }
}

/** An error as one short field of a log line (message and errno code, no stack). */
function errorLine(err: unknown): string {
  const code = (err as NodeJS.ErrnoException)?.code;
  const message = err instanceof Error ? err.message : String(err);
  return code && !message.includes(code) ? `${code}: ${message}` : message;
}

/** The event id given to `announce` does not exist. */
export class UnknownEventError extends Error {
  override name = "UnknownEventError";
  constructor(readonly eventId: string) {
    super(`no event with id "${eventId}"`);
  }
}
