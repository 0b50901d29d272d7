import { mkdirSync } from "node:fs";
import { dirname } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";

/**
 * Opens a lowdb JSON document, creating its folder. lowdb writes through a
 * temporary file and a rename, so a crash leaves either the old or the new
 * file, never half of one. Only one process may write a given file.
 */
export async function openJson<T>(file: string, defaults: T): Promise<Low<T>> {
  mkdirSync(dirname(file), { recursive: true });
  const db = new Low<T>(new JSONFile<T>(file), defaults);
  await db.read();
  return db;
}
