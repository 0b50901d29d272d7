import { readFile, stat } from "node:fs/promises";
import type { Translate } from "../i18n/translate.js";
import type { KnowledgeStore } from "../knowledge/store.js";
import type { PendingImports } from "./pending-imports.js";
import { importPreview, type PendingRef, type Plan } from "./plan.js";
import { checkImport as checkTransfer, formatBytes, MAX_DOWNLOAD_BYTES, type ImportCheck } from "./transfer.js";

export type { ImportCheck };

/** Where an import is checked against and set aside, and for whom. */
export interface ImportContext {
  knowledge: KnowledgeStore;
  imports: PendingImports;
  /** The admin and chat the import belongs to ("<chat>:<user>"): a newer import of theirs replaces it. */
  owner: string;
  now: Date;
  t: Translate;
}

/**
 * Checks the bytes of an /impor file (JSON or .json.gz) against the live base
 * and sets its changes aside until "Simpan" (see transfer.ts): the plan
 * carries only a reference, counts and the first lines, however large the
 * file. Refusals (too large, not JSON, invalid, no change, disk full) come
 * back as errors to show.
 */
export function checkImport(content: Uint8Array | string, name: string, c: ImportContext): Promise<ImportCheck> {
  return checkTransfer({ store: c.knowledge, imports: c.imports, now: c.now }, content, name, c.owner, (changes) => importPreview(changes, c.t));
}

/** The plan of a checked import: its changes are read back from DATA_DIR/imports when it is saved. */
export function importPlan(name: string, pending: PendingRef, hash: string): Plan {
  return { changes: [], action: "import", label: name, expectHash: hash, pending };
}

/**
 * Reads an import given as a path on this machine (the console chat cannot
 * send documents), then checks it as `checkImport` does. Only where no bot
 * token is configured, i.e. the local console.
 */
export async function checkLocalImport(path: string, name: string, c: ImportContext): Promise<ImportCheck> {
  let content: Uint8Array;
  try {
    const size = (await stat(path)).size;
    if (size > MAX_DOWNLOAD_BYTES) return { error: "too-big", size };
    content = await readFile(path);
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === "ENOENT" ? { error: "no-file" } : { error: "download" };
  }
  return checkImport(content, name, c);
}

/** The reply to an import that was refused, in the user's language; undefined for an import that passed. */
export function importRefusal(check: ImportCheck, t: Translate): string | undefined {
  switch (check.error) {
    case undefined:
      return undefined;
    case "too-big": {
      // A document Telegram lets bots download, or (decompressed) the limit that follows the base.
      const max = formatBytes(check.limit ?? MAX_DOWNLOAD_BYTES);
      return t("admin-import-too-big", { size: check.size ? formatBytes(check.size) : `> ${max}`, max });
    }
    case "gzip":
      return t("admin-import-bad-gzip");
    case "download":
    case "no-file":
      return t("admin-import-download-failed");
    case "json":
      return t("admin-import-invalid-json", { detail: check.detail });
    case "invalid":
      return `${t("admin-import-invalid", { total: check.total })}\n${check.issues.map((i) => `• ${i}`).join("\n")}\n\n${t("admin-import-again")}`;
    case "storage":
      return t("storage-failed");
    case "same":
      return t("admin-import-same");
  }
}
