import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/**
 * Repository root, found from this file (in the sources, or in the compiled bundle under
 * node_modules/.cache) so that commands work from any working directory.
 */
export const rootDir = findRoot(dirname(fileURLToPath(import.meta.url)));

function findRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, "package.json")) && existsSync(join(dir, "locales"))) return dir;
    if (dirname(dir) === dir) return join(dirname(fileURLToPath(import.meta.url)), "..");
  }
}

/** Path of a file shipped in `data/` (read-only at run time). */
export function dataPath(name: string): string {
  return join(rootDir, "data", name);
}

/** Path of the `locales/` folder. */
export const localesDir = join(rootDir, "locales");
