import { existsSync, readFileSync, statSync } from "node:fs";
import type { Translate } from "../i18n/translate.js";
import { KnowledgeFileError, parseKnowledge } from "../knowledge/load.js";
import type { KnowledgeStore } from "../knowledge/store.js";
import { StorageError } from "../storage/guard.js";
import type { PendingImports } from "./pending-imports.js";
import { importPreview, type PendingRef, type Plan } from "./plan.js";
import { countChanges, diffKnowledge, MAX_IMPORT_BYTES } from "./service.js";

/**
 * What checking an /impor file gave: a refusal, or the reference of its
 * changes set aside in DATA_DIR/imports (never the file itself) and the hash
 * of the base they were computed against. Plain JSON: a guided edit records
 * it, and replays it after a restart.
 */
export type ImportCheck =
  | { error: "too-big"; size: number }
  | { error: "download" | "no-file" | "storage" | "same" }
  | { error: "json"; detail: string }
  | { error: "invalid"; issues: string[]; total: number }
  | { error?: undefined; pending: PendingRef; hash: string };

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
 * Parses, validates and diffs the bytes of an /impor file against the live
 * base, and sets its changes aside until "Simpan": the plan carries only a
 * reference, counts and the first lines, however large the file. Refusals
 * (not JSON, invalid, no change, disk full) come back as errors to show.
 */
export function checkImport(content: Uint8Array | string, name: string, c: ImportContext): ImportCheck {
  let json: unknown;
  try {
    json = JSON.parse(typeof content === "string" ? content : new TextDecoder().decode(content));
  } catch (err) {
    return { error: "json", detail: (err as Error).message.slice(0, 200) };
  }
  let next;
  try {
    next = parseKnowledge(json, name);
  } catch (err) {
    if (err instanceof KnowledgeFileError) return { error: "invalid", issues: err.issues.slice(0, 5), total: err.issues.length };
    throw err;
  }
  const changes = diffKnowledge(c.knowledge.get(), next);
  if (!changes.length) return { error: "same" };
  const hash = c.knowledge.hash();
  let pending: PendingRef;
  try {
    const ref = c.imports.save(c.owner, { label: name, hash, changes }, c.now);
    pending = { ref, ...countChanges(changes), preview: importPreview(changes, c.t) };
  } catch (err) {
    if (err instanceof StorageError) return { error: "storage" };
    throw err;
  }
  return { pending, hash };
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
export function checkLocalImport(path: string, name: string, c: ImportContext): ImportCheck {
  if (!existsSync(path)) return { error: "no-file" };
  let content: string;
  try {
    const size = statSync(path).size;
    if (size > MAX_IMPORT_BYTES) return { error: "too-big", size };
    content = readFileSync(path, "utf8");
  } catch {
    return { error: "download" };
  }
  return checkImport(content, name, c);
}

/** The reply to an import that was refused, in the user's language; undefined for an import that passed. */
export function importRefusal(check: ImportCheck, t: Translate): string | undefined {
  switch (check.error) {
    case undefined:
      return undefined;
    case "too-big":
      return t("admin-import-too-big", { size: check.size ? `${Math.ceil(check.size / 1024)} KB` : "> 1 MB", max: "1 MB" });
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

