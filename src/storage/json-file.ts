import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { basename, dirname, join } from "node:path";
import { type Adapter, Low } from "lowdb";
import { writeFileAtomic } from "./atomic.js";

/**
 * lowdb's file adapter, with our atomic write (`writeFileAtomic`: fsync, no
 * temporary file left after a failure, the folder made again if it was
 * deleted) and one write at a time per file (a write waits for the previous
 * one, so two never share the temporary file).
 */
export class JsonFileAdapter<T> implements Adapter<T> {
  private last: Promise<unknown> = Promise.resolve();

  constructor(readonly file: string) {}

  async read(): Promise<T | null> {
    let text: string;
    try {
      text = readFileSync(this.file, "utf8");
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === "ENOENT") return null;
      throw err;
    }
    return JSON.parse(text) as T;
  }

  write(data: T): Promise<void> {
    const text = JSON.stringify(data, null, 2);
    const run = this.last.then(
      () => writeFileAtomic(this.file, text),
      () => writeFileAtomic(this.file, text),
    );
    this.last = run.catch(() => undefined);
    return run;
  }
}

/** What `openJson` did with a file it could not read as JSON. */
export interface CorruptFile {
  file: string;
  /** Where the unreadable file was moved. */
  movedTo?: string;
  error: unknown;
}

/**
 * Opens a lowdb JSON document, creating its folder. Writes go through a
 * temporary file and a rename, so a crash leaves either the old or the new
 * file, never half of one. Only one process may write a given file. A file
 * that is not valid JSON does not stop the bot: it is moved to
 * `<folder>/backups/`, reported through `onCorrupt`, and the store starts
 * from `defaults`.
 */
export async function openJson<T>(file: string, defaults: T, onCorrupt?: (c: CorruptFile) => void): Promise<Low<T>> {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Low<T>(new JsonFileAdapter<T>(file), defaults);
  try {
    await db.read();
  } catch (error) {
    let movedTo: string | undefined;
    try {
      const dir = join(dirname(file), "backups");
      mkdirSync(dir, { recursive: true });
      movedTo = join(dir, `${basename(file)}-${new Date().toISOString().replace(/[:.]/g, "-")}.corrupt`);
      renameSync(file, movedTo);
    } catch {
      movedTo = undefined;
    }
    onCorrupt?.({ file, movedTo, error });
    db.data = structuredClone(defaults);
  }
  return db;
}
