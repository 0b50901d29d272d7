import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, statSync } from "node:fs";
import { mkdir, readFile, rename, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LRUCache } from "lru-cache";

/** What grammY's session plugin needs of a storage (its `StorageAdapter`). */
export interface SessionStorage<T> {
  read(key: string): Promise<T | undefined>;
  write(key: string, value: T): Promise<void>;
  delete(key: string): Promise<void>;
}

/** Options of the session files. */
export interface FileSessionOptions {
  /** Chats' sessions kept in memory at most (the rest are read from disk when they write again). */
  maxInMemory?: number;
  /** Sessions untouched for longer are deleted by `sweep`. */
  ttlMs?: number;
  /** Told about a file that could not be written (the session stays in memory). */
  onError?: (err: unknown, file: string) => void;
  /** Told about a file written (the disk takes writes again after an error). */
  onWrite?: (file: string) => void;
}

/**
 * Session storage for grammY's session plugin: one small JSON file per chat in
 * `dir`, written atomically (temporary file, then rename), so a restart or a
 * deploy in the middle of a conversation loses nothing and a crash leaves the
 * old or the new file. At most `maxInMemory` sessions are cached. Our own
 * rather than `@grammyjs/storage-file`: that adapter writes in place (a crash
 * mid-write leaves half a file) and keeps no bound on memory. File names are a
 * hash of the session key, never the key itself.
 */
export class FileSessionStorage<T> implements SessionStorage<T> {
  private readonly cache: LRUCache<string, { value: T }>;
  private readonly writing = new Map<string, Promise<void>>();

  constructor(
    private readonly dir: string,
    private readonly options: FileSessionOptions = {},
  ) {
    mkdirSync(dir, { recursive: true });
    this.cache = new LRUCache({ max: options.maxInMemory ?? 1000 });
  }

  private file(key: string): string {
    return join(this.dir, `${createHash("sha256").update(key).digest("hex").slice(0, 32)}.json`);
  }

  async read(key: string): Promise<T | undefined> {
    const hit = this.cache.get(key);
    if (hit) return hit.value;
    await this.writing.get(key);
    try {
      const value = JSON.parse(await readFile(this.file(key), "utf8")) as T;
      this.cache.set(key, { value });
      return value;
    } catch {
      // Missing or unreadable: a new conversation.
      return undefined;
    }
  }

  async write(key: string, value: T): Promise<void> {
    this.cache.set(key, { value });
    await this.persist(key, JSON.stringify(value));
  }

  async delete(key: string): Promise<void> {
    this.cache.delete(key);
    await this.writing.get(key);
    await unlink(this.file(key)).catch(() => undefined);
  }

  /** Writes one session file; writes of the same chat go one after another. */
  private persist(key: string, json: string): Promise<void> {
    const file = this.file(key);
    const run = (this.writing.get(key) ?? Promise.resolve()).then(async () => {
      const tmp = `${file}.${process.pid}.tmp`;
      try {
        try {
          await writeFile(tmp, json);
        } catch (err) {
          // The folder was deleted under the bot (with DATA_DIR): made again.
          if ((err as NodeJS.ErrnoException).code !== "ENOENT") throw err;
          await mkdir(this.dir, { recursive: true });
          await writeFile(tmp, json);
        }
        await rename(tmp, file);
        this.options.onWrite?.(file);
      } catch (err) {
        // A full or read-only disk: the conversation goes on from memory.
        this.options.onError?.(err, file);
        await unlink(tmp).catch(() => undefined);
      }
    });
    this.writing.set(key, run);
    void run.finally(() => {
      if (this.writing.get(key) === run) this.writing.delete(key);
    });
    return run;
  }

  /** Waits for writes in progress (shutdown). */
  async flush(): Promise<void> {
    await Promise.all(this.writing.values());
  }

  /** Deletes session files untouched for longer than the time to live; returns how many. */
  sweep(now = Date.now()): number {
    const ttl = this.options.ttlMs;
    if (!ttl) return 0;
    let removed = 0;
    for (const name of readdirSync(this.dir)) {
      const file = join(this.dir, name);
      try {
        if (now - statSync(file).mtimeMs > ttl) {
          void unlink(file).catch(() => undefined);
          removed++;
        }
      } catch {
        // Gone meanwhile.
      }
    }
    return removed;
  }
}
