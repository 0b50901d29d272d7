import { readFileSync } from "node:fs";
import { join } from "node:path";
import { localesDir } from "../paths.js";

let keys: Set<string> | undefined;

/**
 * True when the default locale defines `key`. Optional texts (a field's hint,
 * a label) are looked up only when they exist, so missing ones fall back
 * quietly instead of making the i18n plugin warn on every question.
 */
export function hasMessage(key: string): boolean {
  keys ??= new Set([...readFileSync(join(localesDir, "id.ftl"), "utf8").matchAll(/^([a-zA-Z][\w-]*) =/gm)].map((m) => m[1]!));
  return keys.has(key);
}
