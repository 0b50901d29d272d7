import { existsSync, readFileSync } from "node:fs";
import { open, readFile } from "node:fs/promises";
import { writeFileAtomic, writeFileAtomicSync } from "./atomic.js";

/** One whole line of a journal: its parsed value and where it starts in the file. */
export interface JournalLine<T> {
  value: T;
  start: number;
  end: number;
}

/** What reading a journal found. */
export interface JournalRead<T> {
  lines: Array<JournalLine<T>>;
  /** The file ended in a line cut short (a crash while appending): it is not among `lines`. */
  torn: boolean;
  /** Lines before the last that are not JSON (never written by us; skipped). */
  corrupt: number;
  /** Bytes of the file that hold whole lines. */
  size: number;
}

/**
 * Reads a journal of one JSON value per line. A last line without its line
 * break, or not JSON, is a line cut short by a crash while it was appended:
 * its append was never acknowledged, so it is left out (`torn`).
 */
export function readJournal<T>(file: string): JournalRead<T> {
  const out: JournalRead<T> = { lines: [], torn: false, corrupt: 0, size: 0 };
  if (!existsSync(file)) return out;
  const buf = readFileSync(file);
  let start = 0;
  while (start < buf.length) {
    const nl = buf.indexOf(10, start);
    if (nl < 0) {
      // No line break: cut short.
      out.torn = true;
      break;
    }
    const text = buf.toString("utf8", start, nl);
    if (text.trim()) {
      try {
        out.lines.push({ value: JSON.parse(text) as T, start, end: nl + 1 });
      } catch {
        if (nl + 1 >= buf.length) out.torn = true;
        else out.corrupt++;
      }
    }
    start = nl + 1;
    if (!out.torn) out.size = start;
  }
  return out;
}

/**
 * An append-only journal file: each `append` adds one line and returns only
 * once it is on disk (fsync), so an acknowledged line survives a crash. A
 * failed append (disk full, read-only) is cut back off the file, so the next
 * line never continues half of one; if even that fails, the file is written
 * again whole (from the lines kept since `keepFrom`) before the next append.
 * No file descriptor stays open between appends.
 */
export class Journal {
  /** Bytes of the file known to hold whole lines. */
  size: number;
  /** True when the file may end in half a line that could not be cut off: rewritten before the next append. */
  private dirty = false;

  constructor(
    readonly file: string,
    size = 0,
  ) {
    this.size = size;
  }

  /**
   * Appends one line made of `parts` (the caller's serialisation, in pieces
   * so that a large line is produced without blocking) and a line break, then
   * fsyncs. Returns the line's start offset. Throws when the disk refuses:
   * then the file is as it was.
   */
  async append(parts: AsyncIterable<string> | Iterable<string>): Promise<number> {
    if (this.dirty) await this.rewriteFrom(0);
    const start = this.size;
    const handle = await open(this.file, "a");
    let written = 0;
    try {
      for await (const part of parts) {
        const buf = Buffer.from(part, "utf8");
        for (let at = 0; at < buf.byteLength; ) {
          const { bytesWritten } = await handle.write(buf, at, buf.byteLength - at);
          at += bytesWritten;
        }
        written += buf.byteLength;
      }
      await handle.write("\n");
      written += 1;
      await handle.sync();
    } catch (err) {
      try {
        await handle.truncate(start);
      } catch {
        this.dirty = true;
      }
      throw err;
    } finally {
      await handle.close().catch(() => undefined);
    }
    this.size = start + written;
    return start;
  }

  /** Keeps only the bytes from `offset` on (lines already in the snapshot are dropped), atomically. */
  async rewriteFrom(offset: number): Promise<void> {
    let rest = Buffer.alloc(0);
    if (existsSync(this.file)) {
      const all = await readFile(this.file);
      // Only whole lines: what lies past `size` is half a line never acknowledged.
      rest = all.subarray(Math.min(offset, this.size), this.size);
    }
    await writeFileAtomic(this.file, rest);
    this.size = rest.byteLength;
    this.dirty = false;
  }

  /** Writes the file again with exactly these bytes (a torn last line dropped at start-up). */
  replaceSync(content: Buffer): void {
    writeFileAtomicSync(this.file, content);
    this.size = content.byteLength;
    this.dirty = false;
  }
}
