import { existsSync } from "node:fs";
import { basename } from "node:path";
import type { Low } from "lowdb";
import { type BackgroundWriter, type StoreName, WriteGuard } from "./guard.js";
import { openJson } from "./json-file.js";

/**
 * A small key-value store in one JSON file, with the read/write/delete of a
 * grammY storage adapter: each change is written at once (temporary file +
 * rename); when the disk refuses, the value stays in memory (the user goes
 * on) and is written by the write guard's retries. Values are whatever the
 * caller puts in, as JSON; a reader that cannot trust the file checks them.
 * `DATA_DIR/conversations.json` (the admin's guided edits) is one, so a
 * restart in the middle of an edit resumes at the same step.
 */
export class KeyValueFile<T = unknown> {
  private readonly writer: BackgroundWriter;

  private constructor(
    private readonly db: Low<Record<string, T>>,
    file: string,
    store: StoreName,
    guard: WriteGuard,
  ) {
    this.writer = guard.writer(store, file, () => db.write(), { needsWrite: () => Object.keys(db.data).length > 0 && !existsSync(file) });
  }

  /**
   * Opens `file` under the write guard as `store`: a missing file is empty;
   * one that is not JSON is set aside, logged (`afresh` says what that means
   * for users) and the store starts empty.
   */
  static async open<T = unknown>(file: string, store: StoreName, guard = new WriteGuard(), afresh = "starting afresh"): Promise<KeyValueFile<T>> {
    const db = await openJson<Record<string, T>>(file, {}, (c) => guard.logger?.error({ path: c.file, moved_to: c.movedTo }, `${basename(file)} was not valid JSON; ${afresh}`));
    // Plain keys only: nothing the object's prototype could answer.
    db.data = Object.assign(Object.create(null) as Record<string, T>, db.data);
    return new KeyValueFile<T>(db, file, store, guard);
  }

  /** The value under `key`, or undefined. */
  read(key: string): T | undefined {
    return this.db.data[key];
  }

  /** Sets `key`, and writes the file (in memory only while the disk refuses). */
  async write(key: string, value: T): Promise<void> {
    this.db.data[key] = value;
    this.writer.schedule();
    await this.writer.flush();
  }

  /** Removes `key`, and writes the file. */
  async delete(key: string): Promise<void> {
    if (!(key in this.db.data)) return;
    delete this.db.data[key];
    this.writer.schedule();
    await this.writer.flush();
  }

  /** True when `key` holds a value. */
  has(key: string): boolean {
    return key in this.db.data;
  }

  /** Keys holding a value. */
  keys(): string[] {
    return Object.keys(this.db.data);
  }

  /** Size of the stored values as JSON, in bytes (what every write rewrites). */
  get bytes(): number {
    return Buffer.byteLength(JSON.stringify(this.db.data));
  }
}
