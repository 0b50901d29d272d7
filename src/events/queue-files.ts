import { createHash } from "node:crypto";
import { closeSync, createReadStream, existsSync, fsyncSync, mkdirSync, openSync, readSync, renameSync, rmSync } from "node:fs";
import { createInterface } from "node:readline";
import { writeAllSync, writeFileAtomicSync } from "../storage/atomic.js";

/**
 * The files of the delivery queue, in its folder:
 *
 * - `broadcasts.json` (lowdb): one small record per broadcast, written when one is created or finishes;
 * - `<id>.targets`: the recipients, one "chatId lang" line each, written once, atomically;
 * - `<id>.journal`: append-only, one "chatId s|f|b" line per finished chat (sent, failed, blocked),
 *   written as soon as the answer arrives and fsync'd every batch.
 *
 * Targets are streamed, never all loaded; the journal is read back into a set on resume.
 */

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
 * Writes the recipients of a new broadcast (`<base>.targets`, atomically:
 * temporary file, fsync, rename), each chat once; returns how many.
 */
export function writeTargets(dir: string, base: string, targets: Iterable<{ chatId: number; lang: "id" | "en" }>): number {
  const tmp = `${base}.targets.tmp`;
  let total = 0;
  mkdirSync(dir, { recursive: true });
  const fd = openSync(tmp, "w");
  try {
    let buf = "";
    const seen = new Set<number>();
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
    if (buf) writeAllSync(fd, buf);
    fsyncSync(fd);
  } catch (err) {
    closeSync(fd);
    rmSync(tmp, { force: true });
    throw err;
  }
  closeSync(fd);
  renameSync(tmp, `${base}.targets`);
  return total;
}

/** How each finished chat of a broadcast ended, read back from its journal. */
export interface JournalState {
  done: Set<number>;
  sent: number;
  failed: number;
  blocked: number;
}

/**
 * Reads a broadcast's journal: which chats are finished, and how. A line torn
 * by a crash (that chat is sent again) is dropped from the file: it is
 * rewritten with the whole lines (atomically) before anything is appended to it.
 */
export async function readDeliveryJournal(file: string): Promise<JournalState> {
  const state: JournalState = { done: new Set(), sent: 0, failed: 0, blocked: 0 };
  if (!existsSync(file)) return state;
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
    if (state.done.has(chat)) continue;
    state.done.add(chat);
    if (m[2] === "s") state.sent++;
    else if (m[2] === "f") state.failed++;
    else state.blocked++;
  }
  if (torn) writeFileAtomicSync(file, whole.map((l) => `${l}\n`).join(""));
  return state;
}

/**
 * The open journal of a broadcast being delivered. A line is written at once
 * (the OS keeps it through a process crash) and fsync'd by `sync` every
 * batch. Lines the disk refuses are kept and written before the next ones;
 * the guard is told when the disk fails and when it recovers.
 */
export class DeliveryJournal {
  private readonly fd: number;
  private owed: string[] = [];
  /** The file may end in half a line: the next write starts with a line break. */
  private torn = false;
  private failing = false;

  constructor(
    readonly file: string,
    private readonly onFailure: (err: unknown) => void,
    private readonly onRecovery: () => void,
  ) {
    this.fd = openSync(file, "a");
  }

  /** Records a finished chat ("s", "f" or "b"); with no line, writes what is owed. */
  write(line?: string): void {
    if (line) this.owed.push(line);
    if (!this.owed.length) return;
    try {
      writeAllSync(this.fd, `${this.torn ? "\n" : ""}${this.owed.join("")}`);
      this.owed = [];
      this.torn = false;
      if (this.failing) this.onRecovery();
      this.failing = false;
    } catch (err) {
      // Kept in memory: this process skips those chats anyway; the lines are written when the disk allows.
      this.torn = true;
      if (!this.failing) this.onFailure(err);
      this.failing = true;
    }
  }

  /** Writes what is owed and fsyncs (end of a batch). */
  sync(): void {
    this.write();
    try {
      fsyncSync(this.fd);
    } catch {
      // the next write reports a failing disk
    }
  }

  close(): void {
    closeSync(this.fd);
  }
}

/**
 * Lines of a file read 64 KiB at a time: at most one chunk is held, whatever
 * the file's size (a readline iterator may queue lines faster than they are used).
 */
export function* readLines(file: string): Generator<string> {
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
