import { SCHEMA_VERSION } from "./schema.js";

/**
 * Brings a knowledge file of an older schema version up to the current one,
 * in memory: the file itself is rewritten only by the next save. Version 1
 * (pairs of provinces, no measures, no counts) is a subset of version 2, so
 * its records are kept as they are and only the version changes. Anything
 * that is not a version-1 object is returned unchanged for the schema to judge.
 */
export function migrateKnowledge(value: unknown): unknown {
  if (!value || typeof value !== "object" || Array.isArray(value)) return value;
  const kb = value as Record<string, unknown>;
  if (kb.schemaVersion === 1) return { ...kb, schemaVersion: SCHEMA_VERSION };
  return value;
}

/** Whether a parsed knowledge file was written by an older version (and will be migrated). */
export function needsMigration(value: unknown): boolean {
  return !!value && typeof value === "object" && (value as { schemaVersion?: unknown }).schemaVersion === 1;
}
