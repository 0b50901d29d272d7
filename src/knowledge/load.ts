import { readFileSync } from "node:fs";
import { z } from "zod";
import { migrateKnowledge } from "./migrate.js";
import { knowledgeSchema, type Knowledge } from "./schema.js";

/** A knowledge file that cannot be used; the message names the file and the first bad fields. */
export class KnowledgeFileError extends Error {
  constructor(
    readonly file: string,
    readonly issues: string[],
  ) {
    super(`${file}: ${issues.slice(0, 5).join("; ")}`);
    this.name = "KnowledgeFileError";
  }
}

/** Renders an issue's place and message as "events[0].date: bukan tanggal yang valid". */
export function describeIssue(path: readonly PropertyKey[], message: string): string {
  const where = path.map((p, i) => (typeof p === "number" ? `[${p}]` : `${i === 0 ? "" : "."}${String(p)}`)).join("");
  return `${where || "(root)"}: ${message}`;
}

/** Renders zod issues as "events[0].date: bukan tanggal yang valid". */
export function describeIssues(error: z.ZodError): string[] {
  return error.issues.map((issue) => describeIssue(issue.path, issue.message));
}

/** zod's own messages in Indonesian, like the schema's custom ones (admins read them after /impor). */
export const INDONESIAN = z.locales.id().localeError;

/** Validates an already parsed value as a knowledge base; a file of an older schema version is migrated first. */
export function parseKnowledge(value: unknown, file = "(input)"): Knowledge {
  const result = knowledgeSchema.safeParse(migrateKnowledge(value), { error: INDONESIAN });
  if (!result.success) throw new KnowledgeFileError(file, describeIssues(result.error));
  return result.data;
}

/** Reads and validates a knowledge file. The file is only read, never rewritten. */
export function loadKnowledgeFile(file: string): Knowledge {
  return parseKnowledge(readKnowledgeJson(file), file);
}

/** Reads a knowledge file as JSON, not yet validated; unreadable or invalid JSON throws KnowledgeFileError. */
export function readKnowledgeJson(file: string): unknown {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (err) {
    throw new KnowledgeFileError(file, [`cannot read file (${(err as NodeJS.ErrnoException).code ?? String(err)})`]);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    throw new KnowledgeFileError(file, [`invalid JSON: ${(err as Error).message}`]);
  }
  return json;
}
