import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Low } from "lowdb";
import { type BackgroundWriter, WriteGuard } from "../storage/guard.js";
import { openJson } from "../storage/json-file.js";

/** The shape the conversations plugin stores (opaque to us). */
export interface VersionedState<S> {
  version: [0, string | number];
  state: S;
}

/**
 * Key-value storage for `@grammyjs/conversations` (read/write/delete), kept in
 * `DATA_DIR/conversations.json`, so a restart in the middle of a guided edit
 * resumes at the same step. Each change is written at once (temporary file +
 * rename); when the disk refuses, the state stays in memory (the edit goes
 * on) and is written by the write guard's retries.
 */
export class ConversationStore<S = unknown> {
  private readonly writer: BackgroundWriter;

  private constructor(
    private readonly db: Low<Record<string, VersionedState<S>>>,
    file: string,
    guard: WriteGuard,
  ) {
    this.writer = guard.writer("conversations", file, () => db.write(), { needsWrite: () => Object.keys(db.data).length > 0 && !existsSync(file) });
  }

  static async open<S = unknown>(dataDir: string, guard = new WriteGuard()): Promise<ConversationStore<S>> {
    const file = join(dataDir, "conversations.json");
    const db = await openJson<Record<string, VersionedState<S>>>(file, {}, (c) => guard.logger?.error({ path: c.file, moved_to: c.movedTo }, "conversations.json was not valid JSON; guided edits start afresh"));
    // Plain keys only (a key is "<chat>:<user>"): nothing the object's prototype could answer.
    db.data = Object.assign(Object.create(null) as Record<string, VersionedState<S>>, db.data);
    return new ConversationStore<S>(db, file, guard);
  }

  read(key: string): VersionedState<S> | undefined {
    return this.db.data[key];
  }

  async write(key: string, state: VersionedState<S>): Promise<void> {
    this.db.data[key] = state;
    this.writer.schedule();
    await this.writer.flush();
  }

  async delete(key: string): Promise<void> {
    if (!(key in this.db.data)) return;
    delete this.db.data[key];
    this.writer.schedule();
    await this.writer.flush();
  }

  /** Keys with a conversation in progress. */
  keys(): string[] {
    return Object.keys(this.db.data);
  }

  /** Size of the stored state as JSON, in bytes (what every step rewrites). */
  get bytes(): number {
    return Buffer.byteLength(JSON.stringify(this.db.data));
  }
}
