import { readFileSync } from "node:fs";
import type { Bot, Context } from "grammy";
import { writeFileAtomicSync } from "../storage/atomic.js";
import type { Update } from "grammy/types";
import type { Metrics } from "../app/index.js";

/**
 * Remembers the latest update ids (a bounded set), so that an update Telegram
 * delivers twice (a webhook retry, a redelivery after a restart) is handled
 * once. Optionally kept in a small JSON file in DATA_DIR across restarts.
 */
export class RecentUpdates {
  private readonly ids = new Set<number>();
  private dirty = false;

  constructor(
    private readonly capacity = 2000,
    readonly file?: string,
  ) {
    if (!file) return;
    try {
      const doc = JSON.parse(readFileSync(file, "utf8")) as { recent?: unknown };
      if (Array.isArray(doc.recent)) for (const id of doc.recent) if (typeof id === "number") this.add(id);
      this.dirty = false;
    } catch {
      // No file yet (first start) or an unreadable one: start with an empty set.
    }
  }

  /** Adds an id; false when it was already there (a duplicate). */
  add(id: number): boolean {
    if (this.ids.has(id)) return false;
    this.ids.add(id);
    this.dirty = true;
    if (this.ids.size > this.capacity) {
      // Sets iterate in insertion order: drop the oldest.
      const oldest = this.ids.values().next().value as number;
      this.ids.delete(oldest);
    }
    return true;
  }

  /** True when the id was seen. */
  has(id: number): boolean {
    return this.ids.has(id);
  }

  /** True when ids were added since the last save. */
  get changed(): boolean {
    return this.dirty;
  }

  /** Writes the set atomically (temporary file + rename) if it changed; throws when the disk refuses. */
  save(): void {
    if (!this.file || !this.dirty) return;
    writeFileAtomicSync(this.file, JSON.stringify({ recent: [...this.ids] }));
    this.dirty = false;
  }
}

/**
 * Sits in front of `bot.handleUpdate` (which both long polling and the webhook
 * call): drops duplicate update ids, counts updates in flight, and lets
 * shutdown wait for them and learn which offset is safe to confirm.
 */
export class UpdateTracker {
  private readonly inFlight = new Set<number>();
  private maxStarted = -1;
  private idleWaiters: Array<() => void> = [];

  constructor(
    readonly recent: RecentUpdates,
    private readonly metrics?: Metrics,
  ) {}

  /** Replaces `bot.handleUpdate` with a tracked version; returns the bot. */
  install<C extends Context>(bot: Bot<C>): Bot<C> {
    const handle = bot.handleUpdate.bind(bot);
    bot.handleUpdate = (update, webhookReplyEnvelope) => this.track(update, () => handle(update, webhookReplyEnvelope));
    return bot;
  }

  /** Runs `handle` unless the update is a duplicate; tracks it while it runs. */
  async track(update: Update, handle: () => Promise<void>): Promise<void> {
    const id = update.update_id;
    // Without a numeric update_id there is nothing to recognise a repeat by: handled, not
    // remembered (else every later update without one would be "a duplicate" of it).
    if (typeof id !== "number" || !Number.isSafeInteger(id)) {
      this.untracked++;
      try {
        await handle();
      } finally {
        this.untracked--;
        if (this.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
      }
      return;
    }
    if (!this.recent.add(id)) {
      this.metrics?.dropped.inc({ reason: "duplicate" });
      return;
    }
    if (id > this.maxStarted) this.maxStarted = id;
    this.inFlight.add(id);
    this.metrics?.inFlight.set(this.inFlight.size);
    try {
      await handle();
    } finally {
      this.inFlight.delete(id);
      this.metrics?.inFlight.set(this.inFlight.size);
      if (this.size === 0) for (const wake of this.idleWaiters.splice(0)) wake();
    }
  }

  /** Updates without an update_id being handled now. */
  private untracked = 0;

  /** Updates being handled now. */
  get size(): number {
    return this.inFlight.size + this.untracked;
  }

  /** Resolves true once nothing is in flight, or false after `timeoutMs`. */
  idle(timeoutMs: number): Promise<boolean> {
    if (this.size === 0) return Promise.resolve(true);
    return new Promise((resolve) => {
      const timer = setTimeout(() => resolve(false), timeoutMs);
      this.idleWaiters.push(() => {
        clearTimeout(timer);
        resolve(true);
      });
    });
  }

  /**
   * The getUpdates offset that confirms exactly the updates handled: all ids
   * below the oldest one still in flight, or up to the newest started one.
   * Undefined when nothing was received.
   */
  safeOffset(): number | undefined {
    if (this.inFlight.size) return Math.min(...this.inFlight);
    return this.maxStarted >= 0 ? this.maxStarted + 1 : undefined;
  }
}
