import { join } from "node:path";
import type { Low } from "lowdb";
import { openJson } from "../storage/json-file.js";

/** The shape the conversations plugin stores (opaque to us). */
export interface VersionedState<S> {
  version: [0, string | number];
  state: S;
}

/**
 * Key-value storage for `@grammyjs/conversations` (read/write/delete), kept in
 * `DATA_DIR/conversations.json`, so a restart in the middle of a guided edit
 * resumes at the same step. Writes go through lowdb (temporary file + rename).
 */
export class ConversationStore<S = unknown> {
  private constructor(private readonly db: Low<Record<string, VersionedState<S>>>) {}

  static async open<S = unknown>(dataDir: string): Promise<ConversationStore<S>> {
    return new ConversationStore<S>(await openJson<Record<string, VersionedState<S>>>(join(dataDir, "conversations.json"), {}));
  }

  read(key: string): VersionedState<S> | undefined {
    return this.db.data[key];
  }

  async write(key: string, state: VersionedState<S>): Promise<void> {
    this.db.data[key] = state;
    await this.db.write();
  }

  async delete(key: string): Promise<void> {
    if (!(key in this.db.data)) return;
    delete this.db.data[key];
    await this.db.write();
  }

  /** Keys with a conversation in progress. */
  keys(): string[] {
    return Object.keys(this.db.data);
  }
}
