import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Low } from "lowdb";
import { type BackgroundWriter, StorageError, WriteGuard } from "../storage/guard.js";
import { openJson } from "../storage/json-file.js";

interface Doc {
  /** Admins added by the owner (ids from ADMIN_IDS are always admins). */
  added: Array<{ id: number; addedBy: number; at: string }>;
  /** ADMIN_IDS (other than the owner) the owner removed from the chat. */
  removed: number[];
}

/**
 * Who may edit. The first id in ADMIN_IDS is the owner and always an admin;
 * the other ADMIN_IDS are admins unless the owner removed them; the owner can
 * add more. Stored in `DATA_DIR/admins.json`. Ids only, never usernames.
 */
export class AdminList {
  private readonly writer: BackgroundWriter;

  private constructor(
    private readonly configured: readonly number[],
    private readonly db: Low<Doc>,
    file: string,
    guard: WriteGuard,
  ) {
    db.data.added = Array.isArray(db.data.added) ? db.data.added : [];
    db.data.removed = Array.isArray(db.data.removed) ? db.data.removed : [];
    this.writer = guard.writer("admins", file, () => db.write(), {
      // Deleted under the bot: written again from memory.
      needsWrite: () => (db.data.added.length > 0 || db.data.removed.length > 0) && !existsSync(file),
    });
  }

  /** Opens the list in DATA_DIR/admins.json (admins the owner added or removed) over the configured ADMIN_IDS; one that is not JSON is set aside. */
  static async open(dataDir: string, configured: readonly number[], guard = new WriteGuard()): Promise<AdminList> {
    const file = join(dataDir, "admins.json");
    const db = await openJson<Doc>(file, { added: [], removed: [] }, (c) => guard.logger?.error({ path: c.file, moved_to: c.movedTo }, "admins.json was not valid JSON; only ADMIN_IDS are admins"));
    return new AdminList(configured, db, file, guard);
  }

  /** Saves a change of the list; when the disk refuses, `undo` restores the list and StorageError is thrown. */
  private async save(undo: () => void): Promise<void> {
    this.writer.schedule();
    if (await this.writer.flush()) return;
    undo();
    throw new StorageError("admins", this.writer.path, new Error("write failed"));
  }

  /** The owner's id, or undefined when ADMIN_IDS is empty (then nobody is admin). */
  get owner(): number | undefined {
    return this.configured[0];
  }

  /** True for the owner, the first of ADMIN_IDS (who adds and removes admins). */
  isOwner(id: number | undefined): boolean {
    return id !== undefined && id === this.owner;
  }

  /** True for an admin: the owner, ADMIN_IDS not removed by the owner, and those the owner added. */
  isAdmin(id: number | undefined): boolean {
    if (id === undefined) return false;
    if (this.isOwner(id)) return true;
    if (this.configured.includes(id)) return !this.db.data.removed.includes(id);
    return this.db.data.added.some((a) => a.id === id);
  }

  /** Every current admin id, owner first. */
  list(): number[] {
    const ids = [...this.configured.filter((id) => this.isAdmin(id)), ...this.db.data.added.map((a) => a.id)];
    return [...new Set(ids)];
  }

  /** Adds an admin; false when already one. */
  async add(id: number, by: number, now = new Date()): Promise<boolean> {
    if (this.isAdmin(id)) return false;
    const before = structuredClone(this.db.data);
    this.db.data.removed = this.db.data.removed.filter((x) => x !== id);
    if (!this.configured.includes(id)) this.db.data.added.push({ id, addedBy: by, at: now.toISOString() });
    await this.save(() => (this.db.data = before));
    return true;
  }

  /** Removes an admin; the owner cannot be removed. False when not an admin. */
  async remove(id: number): Promise<boolean> {
    if (this.isOwner(id) || !this.isAdmin(id)) return false;
    const before = structuredClone(this.db.data);
    this.db.data.added = this.db.data.added.filter((a) => a.id !== id);
    if (this.configured.includes(id)) this.db.data.removed.push(id);
    await this.save(() => (this.db.data = before));
    return true;
  }
}
