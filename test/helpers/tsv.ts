import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { rootDir } from "../../src/paths.js";

/** The bot's own evaluation sets (in-scope.tsv, near-miss.tsv, out-of-scope-extra.tsv). */
export const evalDir = join(rootDir, "test", "eval");

/** The rows of a tab-separated file with a header line (skipped), blank lines left out. */
export function readTsv(file: string): string[][] {
  if (!existsSync(file)) throw new Error(`missing ${file} (a file of the repository)`);
  return readFileSync(file, "utf8")
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.trim())
    .map((line) => line.split("\t"));
}
