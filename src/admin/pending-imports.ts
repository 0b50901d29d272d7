import { mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Change } from "../knowledge/store.js";
import { writeFileAtomicSync } from "../storage/atomic.js";
import { StorageError, WriteGuard } from "../storage/guard.js";

/** An import checked and waiting for the admin's "Simpan". */
export interface PendingImport {
  /** The file name the admin sent. */
  label: string;
  /** Fingerprint of the base the changes were computed against. */
  hash: string;
  changes: Change[];
}

/** Pending imports older than this are removed at start-up (the admin left the confirmation). */
const MAX_AGE_MS = 24 * 3600_000;

/**
 * Imports waiting for confirmation, one file each in `DATA_DIR/imports/`.
 * The admin conversation keeps only a short reference to it: its state
 * (`conversations.json`, rewritten at every step of every admin) stays small
 * whatever the size of the import.
 */
export class PendingImports {
  constructor(
    readonly dir: string,
    private readonly guard = new WriteGuard(),
  ) {
    this.sweep();
  }

  /** The imports waiting in DATA_DIR/imports (those older than a day removed). */
  static open(dataDir: string, guard?: WriteGuard): PendingImports {
    return new PendingImports(join(dataDir, "imports"), guard);
  }

  /**
   * Keeps an import for one admin in one chat and returns its reference; an
   * earlier one of theirs is dropped. Throws StorageError when the disk refuses.
   */
  save(owner: string, pending: PendingImport, now = new Date()): string {
    const prefix = `${owner.replace(/[^0-9-]/g, "_")}~`;
    const ref = `${prefix}${now.getTime()}`;
    const file = this.file(ref);
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const name of this.names()) if (name.startsWith(prefix)) rmSync(join(this.dir, name), { force: true });
      writeFileAtomicSync(file, JSON.stringify(pending));
    } catch (err) {
      this.guard.failed("imports", file, err, { retried: false });
      throw new StorageError("imports", file, err);
    }
    this.guard.succeeded("imports", file);
    return ref;
  }

  /** The import behind a reference, or undefined (gone: confirmed, cancelled, or too old). */
  load(ref: string): PendingImport | undefined {
    if (!/^[0-9_-]+~\d+$/.test(ref)) return undefined;
    try {
      return JSON.parse(readFileSync(this.file(ref), "utf8")) as PendingImport;
    } catch {
      return undefined;
    }
  }

  /** Forgets an import (saved or cancelled). */
  remove(ref: string): void {
    if (!/^[0-9_-]+~\d+$/.test(ref)) return;
    try {
      rmSync(this.file(ref), { force: true });
    } catch {
      // read-only: removed at a later start
    }
  }

  private file(ref: string): string {
    return join(this.dir, `${ref}.json`);
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir).filter((n) => n.endsWith(".json"));
    } catch {
      return [];
    }
  }

  /** Removes imports left waiting for more than a day. */
  private sweep(now = Date.now()): void {
    for (const name of this.names()) {
      try {
        const file = join(this.dir, name);
        if (now - statSync(file).mtimeMs > MAX_AGE_MS) rmSync(file, { force: true });
      } catch {
        // gone meanwhile, or read-only
      }
    }
  }
}
