import { closeSync, fsyncSync, mkdirSync, openSync, readdirSync, renameSync, rmSync, writeSync } from "node:fs";
import { mkdir, open, rename, rm } from "node:fs/promises";
import { basename, dirname, join } from "node:path";

/**
 * The temporary file of an atomic write: `.name.tmp` beside the file. A fixed
 * name (not a random one), so that one left by a crash is simply overwritten
 * by the next write, never read, and removed at start-up (`sweepTemporaryFiles`).
 */
export function temporaryFile(file: string): string {
  return join(dirname(file), `.${basename(file)}.tmp`);
}

/** True for the errors of a missing folder on the way to a file. */
function missingFolder(err: unknown): boolean {
  return (err as NodeJS.ErrnoException)?.code === "ENOENT";
}

/** Writes all of `data` at the file descriptor's position (writeSync may write less than asked when the disk fills up). */
export function writeAllSync(fd: number, data: string | Uint8Array): void {
  const buf = typeof data === "string" ? Buffer.from(data, "utf8") : data;
  for (let at = 0; at < buf.byteLength; ) at += writeSync(fd, buf, at, buf.byteLength - at);
}

function writeOnceSync(file: string, data: string | Uint8Array): void {
  const tmp = temporaryFile(file);
  let fd: number | undefined;
  try {
    fd = openSync(tmp, "w");
    writeAllSync(fd, data);
    fsyncSync(fd);
    closeSync(fd);
    fd = undefined;
    renameSync(tmp, file);
  } catch (err) {
    if (fd !== undefined) {
      try {
        closeSync(fd);
      } catch {
        // already closed
      }
    }
    // A half-written temporary file would only fill the disk further.
    try {
      rmSync(tmp, { force: true });
    } catch {
      // not ours to remove (a folder in the way, a read-only disk): the write's own error is the one to report
    }
    throw err;
  }
}

/**
 * Replaces `file` with `data` atomically: a temporary file beside it, fsync,
 * rename. A crash leaves the old or the new file, never half of one; a
 * failure (disk full, read-only) leaves the old file and no temporary one. A
 * missing folder (DATA_DIR deleted under the bot) is created again.
 */
export function writeFileAtomicSync(file: string, data: string | Uint8Array): void {
  try {
    writeOnceSync(file, data);
  } catch (err) {
    if (!missingFolder(err)) throw err;
    mkdirSync(dirname(file), { recursive: true });
    writeOnceSync(file, data);
  }
}

async function writeOnce(file: string, data: string | Uint8Array): Promise<void> {
  const tmp = temporaryFile(file);
  try {
    const handle = await open(tmp, "w");
    try {
      await handle.writeFile(data);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(tmp, file);
  } catch (err) {
    await rm(tmp, { force: true }).catch(() => undefined);
    throw err;
  }
}

/** `writeFileAtomicSync` without blocking the event loop. */
export async function writeFileAtomic(file: string, data: string | Uint8Array): Promise<void> {
  try {
    await writeOnce(file, data);
  } catch (err) {
    if (!missingFolder(err)) throw err;
    await mkdir(dirname(file), { recursive: true });
    await writeOnce(file, data);
  }
}

/**
 * Removes temporary files (`*.tmp`) left in `dir` and its sub-folders by a
 * process killed in the middle of a write. Only for start-up, before anything
 * writes: the files are never read, and only one process writes DATA_DIR.
 */
export function sweepTemporaryFiles(dir: string, depth = 3): string[] {
  const removed: string[] = [];
  let entries;
  try {
    entries = readdirSync(dir, { withFileTypes: true });
  } catch {
    return removed;
  }
  for (const e of entries) {
    const path = join(dir, e.name);
    if (e.isDirectory() && depth > 0) removed.push(...sweepTemporaryFiles(path, depth - 1));
    else if (e.isFile() && e.name.endsWith(".tmp")) {
      rmSync(path, { force: true });
      removed.push(path);
    }
  }
  return removed;
}

