import { fileURLToPath } from "node:url";
import { join } from "node:path";

/** Repository root, resolved from this file so commands work from any working directory. */
export const rootDir = fileURLToPath(new URL("..", import.meta.url));

/** Path of a file shipped in `data/` (read-only at run time). */
export function dataPath(name: string): string {
  return join(rootDir, "data", name);
}

/** Path of the `locales/` folder. */
export const localesDir = join(rootDir, "locales");
