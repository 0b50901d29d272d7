import { appendFileSync, closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, renameSync, rmSync } from "node:fs";
import { dirname } from "node:path";
import { createInterface } from "node:readline";
import type { KEvent } from "../knowledge/schema.js";
import { temporaryFile, writeAllSync } from "../storage/atomic.js";
import { type BackgroundWriter, WriteGuard } from "../storage/guard.js";

/** What one chat wants to receive. */
export interface Subscription {
  chatId: number;
  /** Every event. */
  all: boolean;
  /** Province codes ("64"): events held in or involving them. */
  provinces: string[];
  /** Event kinds ("misi-dagang" ...). */
  kinds: string[];
  /** Single events asked for with "Ingatkan saya". */
  events: string[];
  /** False after the user blocked the bot; true again when they come back. */
  active: boolean;
  lang: "id" | "en";
}

/** A compact line of the log: full state of one chat, or `d` for removal. */
interface Line {
  c: number;
  a?: 1;
  p?: string[];
  k?: string[];
  e?: string[];
  x?: 1;
  l?: "en";
  d?: 1;
}

function toLine(s: Subscription): Line {
  const l: Line = { c: s.chatId };
  if (s.all) l.a = 1;
  if (s.provinces.length) l.p = s.provinces;
  if (s.kinds.length) l.k = s.kinds;
  if (s.events.length) l.e = s.events;
  if (!s.active) l.x = 1;
  if (s.lang === "en") l.l = "en";
  return l;
}

function fromLine(l: Line): Subscription {
  return { chatId: l.c, all: !!l.a, provinces: l.p ?? [], kinds: l.k ?? [], events: l.e ?? [], active: !l.x, lang: l.l ?? "id" };
}

/** True when the subscription wants nothing at all. */
export function isEmpty(s: Subscription): boolean {
  return !s.all && !s.provinces.length && !s.kinds.length && !s.events.length;
}

/**
 * Whether an event concerns a subscriber: everything, or the single event, or
 * its topics. Provinces and kinds narrow each other when both are chosen
 * ("pameran in Kaltim"); either alone is enough on its own.
 */
export function wants(s: Subscription, e: KEvent): boolean {
  if (s.all || s.events.includes(e.id)) return true;
  const provinceOk = s.provinces.length > 0 && (s.provinces.includes(e.province) || e.provinces.some((p) => s.provinces.includes(p)));
  const kindOk = s.kinds.length > 0 && s.kinds.includes(e.kind);
  if (s.provinces.length && s.kinds.length) return provinceOk && kindOk;
  return provinceOk || kindOk;
}

/**
 * Subscriptions in an append-only JSON-lines log (DATA_DIR/events/subscribers.jsonl):
 * each change appends the chat's whole new state as one short line, so a write
 * costs one line whatever the number of subscribers (lowdb would rewrite the
 * whole document). The log is read once at start-up into a compact map and
 * rewritten (temporary file + rename) when it holds more than twice as many
 * lines as live records. A torn last line after a crash is ignored.
 *
 * When the disk refuses a line (full, read-only) or the file vanishes, the
 * change stays in memory (the user's choice holds at once) and the whole log
 * is rewritten from memory by the write guard's retries: never a line glued
 * to half of another.
 */
export class SubscriptionStore {
  private readonly subs = new Map<number, Line>();
  private lines = 0;
  private syncTimer?: NodeJS.Timeout;
  /** True when the file is behind memory and must be rewritten whole (see `compact`). */
  private behind = false;
  private readonly writer: BackgroundWriter;

  private constructor(
    readonly file: string,
    guard: WriteGuard,
  ) {
    this.writer = guard.writer("subscribers", file, () => this.compact(), {
      // Deleted under the bot: written again whole from memory.
      needsWrite: () => this.behind || (this.subs.size > 0 && !existsSync(this.file)),
    });
  }

  /** Opens the log in `file` (a torn last line dropped, the log compacted when it grew), under the write guard. */
  static async open(file: string, guard = new WriteGuard()): Promise<SubscriptionStore> {
    mkdirSync(dirname(file), { recursive: true });
    const lines: Line[] = [];
    let torn = false;
    if (existsSync(file)) {
      const rl = createInterface({ input: createReadStream(file, "utf8"), crlfDelay: Infinity });
      for await (const text of rl) {
        if (!text) continue;
        try {
          lines.push(JSON.parse(text) as Line);
        } catch {
          // a line torn by a crash mid-append: the previous state of that chat stands
          torn = true;
        }
      }
    }
    // The log exists from the start: from then on a missing file means it was deleted under the bot.
    if (!existsSync(file)) closeSync(openSync(file, "a"));
    const store = new SubscriptionStore(file, guard);
    for (const l of lines) store.applyLine(l);
    store.lines = lines.length;
    // A torn line is dropped from the file at once (rewritten from memory), so later lines never follow half of one.
    if (torn) store.lines = Number.MAX_SAFE_INTEGER;
    store.maybeCompact();
    return store;
  }

  private applyLine(l: Line): void {
    if (typeof l.c !== "number") return;
    if (l.d) this.subs.delete(l.c);
    else this.subs.set(l.c, l);
  }

  private append(lines: Line[], sync = true): void {
    if (!lines.length) return;
    for (const l of lines) this.applyLine(l);
    this.lines += lines.length;
    // A file gone (DATA_DIR deleted) would restart with this line alone: rewrite it whole instead.
    if (this.behind || !existsSync(this.file)) {
      this.behind = true;
      return void this.writer.schedule();
    }
    // The append reaches the OS at once and survives a process crash; the fsync against
    // power loss is coalesced (one per 200 ms at most) so bursts of changes stay cheap.
    // No file descriptor is kept open between writes (nor held on a file deleted under the bot).
    try {
      appendFileSync(this.file, lines.map((l) => JSON.stringify(l)).join("\n") + "\n");
    } catch {
      // Kept in memory; the log is rewritten whole when the disk takes writes again.
      this.behind = true;
      this.writer.schedule();
      return;
    }
    if (sync && !this.syncTimer) {
      this.syncTimer = setTimeout(() => {
        this.syncTimer = undefined;
        this.sync();
      }, 200);
      this.syncTimer.unref?.();
    }
    this.maybeCompact();
  }

  private maybeCompact(): void {
    if (this.lines <= 2 * this.subs.size + 1000) return;
    try {
      this.compact();
    } catch {
      this.behind = true;
      this.writer.schedule();
    }
  }

  /** Rewrites the log with one line per live subscription (atomically); throws when the disk refuses. */
  compact(): void {
    const tmp = temporaryFile(this.file);
    mkdirSync(dirname(this.file), { recursive: true });
    const fd = openSync(tmp, "w");
    try {
      let buf: string[] = [];
      for (const l of this.subs.values()) {
        buf.push(JSON.stringify(l));
        if (buf.length >= 5000) {
          writeAllSync(fd, buf.join("\n") + "\n");
          buf = [];
        }
      }
      if (buf.length) writeAllSync(fd, buf.join("\n") + "\n");
      fsyncSync(fd);
    } catch (err) {
      closeSync(fd);
      rmSync(tmp, { force: true });
      throw err;
    }
    closeSync(fd);
    renameSync(tmp, this.file);
    this.lines = this.subs.size;
    this.behind = false;
  }

  /** fsync of the log (a read-only descriptor is enough), against power loss. */
  private sync(): void {
    try {
      const fd = openSync(this.file, "r");
      try {
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
    } catch {
      // gone or failing: the next write tells
    }
  }

  /** Subscriptions kept, active or not. */
  get size(): number {
    return this.subs.size;
  }

  /** The subscription of a chat, or undefined. */
  get(chatId: number): Subscription | undefined {
    const l = this.subs.get(chatId);
    return l ? fromLine(l) : undefined;
  }

  /** Applies a change to a chat's subscription (a fresh empty one if none) and saves it; empty ones are removed. */
  update(chatId: number, change: (s: Subscription) => void, lang?: "id" | "en"): Subscription {
    const s = this.get(chatId) ?? { chatId, all: false, provinces: [], kinds: [], events: [], active: true, lang: lang ?? "id" };
    if (lang) s.lang = lang;
    change(s);
    this.append([isEmpty(s) ? { c: chatId, d: 1 } : toLine(s)]);
    return s;
  }

  /** Stops everything for a chat. Returns whether there was anything to stop. */
  remove(chatId: number): boolean {
    if (!this.subs.has(chatId)) return false;
    this.append([{ c: chatId, d: 1 }]);
    return true;
  }

  /** Marks a chat active or inactive (blocked the bot); unknown chats are ignored. Returns whether it changed. */
  setActive(chatId: number, active: boolean): boolean {
    const l = this.subs.get(chatId);
    if (!l || !l.x === active) return false;
    const s = fromLine(l);
    s.active = active;
    this.append([toLine(s)]);
    return true;
  }

  /** Adds many subscriptions with one write (imports and benchmarks). */
  addMany(subs: Iterable<Subscription>): void {
    let batch: Line[] = [];
    for (const s of subs) {
      batch.push(toLine(s));
      if (batch.length >= 5000) {
        this.append(batch, false);
        batch = [];
      }
    }
    this.append(batch);
  }

  /** Active subscribers who want this event, in a stable order, without copying the whole set. */
  *matching(e: KEvent, opts: { eventOnly?: boolean } = {}): Generator<{ chatId: number; lang: "id" | "en" }> {
    for (const l of this.subs.values()) {
      if (l.x) continue;
      const s = fromLine(l);
      if (opts.eventOnly ? s.events.includes(e.id) : wants(s, e)) yield { chatId: l.c, lang: l.l ?? "id" };
    }
  }

  /** Counts of active and inactive subscriptions. */
  counts(): { active: number; inactive: number } {
    let inactive = 0;
    for (const l of this.subs.values()) if (l.x) inactive++;
    return { active: this.subs.size - inactive, inactive };
  }

  /** Stops the timer that writes the log (the announce command, tests). */
  close(): void {
    clearTimeout(this.syncTimer);
    this.syncTimer = undefined;
    if (this.behind) {
      try {
        this.compact();
      } catch {
        // still refused: what the file lacks is lost with the process (the guard logged it)
      }
    }
    this.writer.close();
    this.sync();
  }
}
