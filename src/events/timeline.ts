import type { KEvent } from "../knowledge/schema.js";
import { eventEnd, eventStart } from "./schedule.js";

interface Entry {
  id: string;
  start: number;
  end: number;
}

/** First index whose entry is not before `(start, id)`. */
function lowerBound(list: readonly Entry[], start: number, id: string): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    const e = list[mid]!;
    if (e.start < start || (e.start === start && e.id < id)) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/**
 * Events in the order they start, kept up to date event by event: the /acara
 * list pages through it and reminders are taken from its front, so neither
 * sorts or scans every event. Start and end instants are computed once per
 * event version (in the event's own time zone).
 */
export class Timeline {
  private readonly list: Entry[] = [];
  private readonly byId = new Map<string, Entry>();

  constructor(events: Iterable<KEvent> = []) {
    for (const e of events) this.byId.set(e.id, this.entry(e));
    this.list.push(...this.byId.values());
    this.list.sort((a, b) => a.start - b.start || (a.id < b.id ? -1 : 1));
  }

  private entry(e: KEvent): Entry {
    return { id: e.id, start: eventStart(e).getTime(), end: eventEnd(e).getTime() };
  }

  /** Number of events. */
  get size(): number {
    return this.list.length;
  }

  /** Adds, moves or (with `after` null) removes one event. */
  update(id: string, after: KEvent | null): void {
    const old = this.byId.get(id);
    if (old) {
      this.list.splice(lowerBound(this.list, old.start, old.id), 1);
      this.byId.delete(id);
    }
    if (after) {
      const e = this.entry(after);
      this.list.splice(lowerBound(this.list, e.start, e.id), 0, e);
      this.byId.set(id, e);
    }
  }

  /** Index of the first event that has not ended at `now` (events that overlap are few: a short look back). */
  private firstUpcoming(now: number): number {
    let i = lowerBound(this.list, now, "");
    // An event that started before now may still be going on.
    while (i > 0 && this.list[i - 1]!.end > now && now - this.list[i - 1]!.start < 7 * 86_400_000) i--;
    return i;
  }

  /** Ids of events not over at `now`, soonest first: `limit` of them from `offset`, and how many there are. */
  upcoming(now: Date, offset = 0, limit = 10): { ids: string[]; total: number } {
    const first = this.firstUpcoming(now.getTime());
    const ids: string[] = [];
    for (let i = first + offset; i < this.list.length && ids.length < limit; i++) {
      if (this.list[i]!.end > now.getTime()) ids.push(this.list[i]!.id);
    }
    return { ids, total: this.list.length - first };
  }

  /** Ids of the events over at `now`, latest first: `limit` of them from `offset`, and how many there are. */
  past(now: Date, offset = 0, limit = 3): { ids: string[]; total: number } {
    const first = this.firstUpcoming(now.getTime());
    const ids: string[] = [];
    for (let i = first - 1 - offset; i >= 0 && ids.length < limit; i--) ids.push(this.list[i]!.id);
    return { ids, total: first };
  }

  /** Ids of events starting in [from, to), in order: what reminders of the next hours need. */
  between(from: Date, to: Date): string[] {
    const out: string[] = [];
    for (let i = lowerBound(this.list, from.getTime(), ""); i < this.list.length && this.list[i]!.start < to.getTime(); i++) out.push(this.list[i]!.id);
    return out;
  }
}
