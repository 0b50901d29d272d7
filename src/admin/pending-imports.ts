import { mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { open, readFile, rename, rm } from "node:fs/promises";
import { join } from "node:path";
import type { Change } from "../knowledge/store.js";
import { temporaryFile } from "../storage/atomic.js";
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
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Imports waiting for confirmation, one file each in `DATA_DIR/imports/`.
 * The admin conversation keeps only a short reference to it: its state
 * (`conversations.json`, rewritten at every step of every admin) stays small
 * whatever the size of the import. A file (`<ref>.jsonl`) is one line of JSON for the import
 * (label, hash, number of changes), then one line per change, written and read
 * in steps so a whole base is set aside without stopping the bot; a file of
 * an earlier version (one JSON object with its changes) still loads.
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
   * earlier one of theirs is dropped. Written atomically (temporary file,
   * fsync, rename). Throws StorageError when the disk refuses.
   */
  async save(owner: string, pending: PendingImport, now = new Date()): Promise<string> {
    const prefix = `${owner.replace(/[^0-9-]/g, "_")}~`;
    const ref = `${prefix}${now.getTime()}`;
    const file = this.file(ref);
    const tmp = temporaryFile(file);
    try {
      mkdirSync(this.dir, { recursive: true });
      for (const name of this.names()) if (name.startsWith(prefix)) rmSync(join(this.dir, name), { force: true });
      const handle = await open(tmp, "w");
      try {
        let part = `${JSON.stringify({ label: pending.label, hash: pending.hash, count: pending.changes.length })}\n`;
        for (const [i, c] of pending.changes.entries()) {
          part += `${JSON.stringify(c)}\n`;
          if (part.length > 256 * 1024 || i === pending.changes.length - 1) {
            await handle.writeFile(part);
            part = "";
            await breathe();
          }
        }
        if (part) await handle.writeFile(part);
        await handle.sync();
      } finally {
        await handle.close();
      }
      await rename(tmp, file);
    } catch (err) {
      await rm(tmp, { force: true }).catch(() => undefined);
      this.guard.failed("imports", file, err, { retried: false });
      throw new StorageError("imports", file, err);
    }
    this.guard.succeeded("imports", file);
    return ref;
  }

  /** The import behind a reference, or undefined (gone: confirmed, cancelled, too old, or cut short). */
  async load(ref: string): Promise<PendingImport | undefined> {
    if (!/^[0-9_-]+~\d+$/.test(ref)) return undefined;
    let text: string;
    try {
      text = await readFile(this.file(ref), "utf8");
    } catch {
      try {
        // Set aside by an earlier version.
        text = await readFile(join(this.dir, `${ref}.json`), "utf8");
      } catch {
        return undefined;
      }
    }
    try {
      const nl = text.indexOf("\n");
      const head = JSON.parse(nl < 0 ? text : text.slice(0, nl)) as { label: string; hash: string; count?: number; changes?: Change[] };
      // An earlier version's file: the whole import in one object.
      if (Array.isArray(head.changes)) return { label: head.label, hash: head.hash, changes: head.changes };
      const changes: Change[] = [];
      let at = nl + 1;
      while (at < text.length) {
        const end = text.indexOf("\n", at);
        if (end < 0) return undefined;
        changes.push(JSON.parse(text.slice(at, end)) as Change);
        at = end + 1;
        if (changes.length % 2_000 === 0) await breathe();
      }
      return changes.length === head.count ? { label: head.label, hash: head.hash, changes } : undefined;
    } catch {
      return undefined;
    }
  }

  /** Forgets an import (saved or cancelled). */
  remove(ref: string): void {
    if (!/^[0-9_-]+~\d+$/.test(ref)) return;
    try {
      rmSync(this.file(ref), { force: true });
      rmSync(join(this.dir, `${ref}.json`), { force: true });
    } catch {
      // read-only: removed at a later start
    }
  }

  private file(ref: string): string {
    return join(this.dir, `${ref}.jsonl`);
  }

  private names(): string[] {
    try {
      return readdirSync(this.dir).filter((n) => n.endsWith(".jsonl") || n.endsWith(".json"));
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
