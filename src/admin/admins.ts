import { join } from "node:path";
import type { Low } from "lowdb";
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
  private constructor(
    private readonly configured: readonly number[],
    private readonly db: Low<Doc>,
  ) {}

  static async open(dataDir: string, configured: readonly number[]): Promise<AdminList> {
    return new AdminList(configured, await openJson<Doc>(join(dataDir, "admins.json"), { added: [], removed: [] }));
  }

  /** The owner's id, or undefined when ADMIN_IDS is empty (then nobody is admin). */
  get owner(): number | undefined {
    return this.configured[0];
  }

  isOwner(id: number | undefined): boolean {
    return id !== undefined && id === this.owner;
  }

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
    this.db.data.removed = this.db.data.removed.filter((x) => x !== id);
    if (!this.configured.includes(id)) this.db.data.added.push({ id, addedBy: by, at: now.toISOString() });
    await this.db.write();
    return true;
  }

  /** Removes an admin; the owner cannot be removed. False when not an admin. */
  async remove(id: number): Promise<boolean> {
    if (this.isOwner(id) || !this.isAdmin(id)) return false;
    this.db.data.added = this.db.data.added.filter((a) => a.id !== id);
    if (this.configured.includes(id)) this.db.data.removed.push(id);
    await this.db.write();
    return true;
  }
}
