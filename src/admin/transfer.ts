import { promisify } from "node:util";
import { gunzip, gzip } from "node:zlib";
import { KnowledgeFileError } from "../knowledge/load.js";
import type { Knowledge } from "../knowledge/schema.js";
import { COLLECTIONS, knowledgeText, sameRecord, type Change, type KnowledgeStore, type KRecord } from "../knowledge/store.js";
import { validateKnowledge } from "../knowledge/validate.js";
import { StorageError } from "../storage/guard.js";
import type { PendingImports } from "./pending-imports.js";
import { countChanges } from "./service.js";

const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);
const breathe = () => new Promise<void>((resolve) => setImmediate(resolve));
const MB = 1024 * 1024;

/** Above this an export is sent gzip-compressed (a whole large base is tens of MB as JSON, a few as .json.gz). */
export const COMPRESS_ABOVE = MB;
/** Largest file a bot may download from Telegram's Bot API (20 MB): an /impor document (compressed or not) within it. */
export const MAX_DOWNLOAD_BYTES = 20 * MB;
/** Least room an import always has once decompressed, however small the base: a prepared base of 100,000 records fits. */
export const MIN_IMPORT_BYTES = 64 * MB;

/**
 * Most bytes an imported base may hold once decompressed: four times what the
 * current base weighs, and at least 64 MB, so that an export of the base,
 * edited and grown, always comes back in, and a new bot takes a prepared
 * base of every province, while a file far larger than that (a mistake, or a
 * gzip bomb) is refused before it is read whole.
 */
export function importLimit(store: KnowledgeStore): number {
  return Math.max(MIN_IMPORT_BYTES, 4 * store.bytes);
}

/** "8 MB", "1,5 MB": a limit as admins read it. */
export function formatBytes(n: number, lang: "id" | "en" = "id"): string {
  if (n < MB) return `${Math.ceil(n / 1024)} KB`;
  const mb = Math.round((n / MB) * 10) / 10;
  return `${lang === "id" ? String(mb).replace(".", ",") : String(mb)} MB`;
}

/** The whole base as a file for /ekspor: JSON, one record per line; gzip-compressed when large. */
export async function exportKnowledge(store: KnowledgeStore, day: string): Promise<{ name: string; bytes: Buffer; hash: string; compressed: boolean }> {
  const kb = store.get();
  const parts: string[] = [];
  // Written in steps, the bot answering between them.
  for await (const part of knowledgeText(kb)) parts.push(part);
  const text = Buffer.from(parts.join(""), "utf8");
  const hash = await store.hashAsync();
  const name = `sinergi-knowledge-${day}.json`;
  // zlib works on its own thread: the bot goes on answering meanwhile.
  if (text.byteLength > COMPRESS_ABOVE) return { name: `${name}.gz`, bytes: await gzipAsync(text, { level: 6 }), hash, compressed: true };
  return { name, bytes: text, hash, compressed: false };
}

/** A file that is too large; `size` in bytes when known. */
export class ImportTooLargeError extends Error {
  override name = "ImportTooLargeError";
  constructor(readonly size?: number) {
    super(`import too large${size ? ` (${size} bytes)` : ""}`);
  }
}

/** A .gz file that cannot be decompressed. */
export class BadArchiveError extends Error {
  override name = "BadArchiveError";
}

/** True when the bytes start as a gzip file does. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** The text of an /impor file: decompressed when it is gzip (whatever its name), refused beyond `limit` bytes. */
export async function importText(bytes: Uint8Array | string, limit: number): Promise<string> {
  if (typeof bytes === "string") {
    if (Buffer.byteLength(bytes) > limit) throw new ImportTooLargeError(Buffer.byteLength(bytes));
    return bytes;
  }
  if (!isGzip(bytes)) {
    if (bytes.byteLength > limit) throw new ImportTooLargeError(bytes.byteLength);
    return Buffer.from(bytes).toString("utf8");
  }
  let out: Buffer;
  try {
    // Stops at the limit: a small file that would inflate to gigabytes is refused, not inflated.
    out = await gunzipAsync(bytes, { maxOutputLength: limit });
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE" || err instanceof RangeError) throw new ImportTooLargeError();
    throw new BadArchiveError((err as Error).message);
  }
  return out.toString("utf8");
}

/** Not JSON; `detail` says where. */
export class ImportJsonError extends Error {
  override name = "ImportJsonError";
}

/**
 * Parses an import's text. A file in the layout /ekspor writes (one record
 * per line) is parsed record by record, the bot answering between steps; any
 * other JSON (an older export, a file written by hand) in one go.
 */
export async function parseImport(text: string): Promise<unknown> {
  const layout = await parseByLine(text);
  if (layout !== undefined) return layout;
  try {
    return JSON.parse(text) as unknown;
  } catch (err) {
    throw new ImportJsonError((err as Error).message.slice(0, 200));
  }
}

/** Our one-record-per-line layout, or undefined when the text is laid out otherwise. */
async function parseByLine(text: string): Promise<Record<string, unknown> | undefined> {
  if (!text.startsWith("{\n\"schemaVersion\": ")) return undefined;
  const out: Record<string, unknown> = {};
  let list: unknown[] | undefined;
  let n = 0;
  let ended = false;
  let at = 2;
  for (;;) {
    const nl = text.indexOf("\n", at);
    const line = text.slice(at, nl < 0 ? text.length : nl);
    at = nl + 1;
    if (ended) {
      if (line !== "" || nl >= 0) return undefined;
      break;
    }
    try {
      if (list) {
        if (line === "]" || line === "],") list = undefined;
        else if (line.startsWith("  {")) list.push(JSON.parse(line.endsWith(",") ? line.slice(2, -1) : line.slice(2)));
        else return undefined;
      } else if (line === "}") ended = true;
      else {
        const m = /^"([A-Za-z]+)": (.*?)(,?)$/.exec(line);
        if (!m) return undefined;
        if (m[2] === "[") out[m[1]!] = list = [];
        else out[m[1]!] = JSON.parse(m[2]!);
      }
    } catch {
      return undefined;
    }
    if (++n % 1_000 === 0) await breathe();
    if (nl < 0) break;
  }
  return ended && !list ? out : undefined;
}

/** What an imported base adds, changes and removes, record by record; in steps, the bot answering between them. */
export async function diffInSteps(current: Knowledge, next: Knowledge): Promise<Change[]> {
  const changes: Change[] = [];
  let n = 0;
  for (const collection of COLLECTIONS) {
    const cur = new Map((current[collection] as unknown as KRecord[]).map((r) => [r.id, r]));
    const nxt = new Set<string>();
    for (const r of next[collection] as unknown as KRecord[]) {
      nxt.add(r.id);
      const old = cur.get(r.id) ?? null;
      if (!old) changes.push({ collection, id: r.id, before: null, after: r });
      else if (!sameRecord(old, r)) changes.push({ collection, id: r.id, before: old, after: r });
      if (++n % 1_000 === 0) await breathe();
    }
    for (const [id, r] of cur) if (!nxt.has(id)) changes.push({ collection, id, before: r, after: null });
  }
  return changes;
}

/** What checking an /impor file gave: a refusal, or a reference to the pending import (never the file itself). */
export type ImportCheck =
  | { error: "too-big"; size: number; limit?: number }
  | { error: "download" | "no-file" | "storage" | "same" | "gzip" }
  | { error: "json"; detail: string }
  | { error: "invalid"; issues: string[]; total: number }
  | { error?: undefined; pending: { ref: string; added: number; changed: number; removed: number; preview: string[] }; hash: string };

/**
 * Checks an /impor file and sets it aside for the admin's "Simpan": decompressed
 * when gzip, within the limit that follows the base, parsed, validated whole
 * (every record, every reference) and compared with the base, all in steps so
 * the bot answers others meanwhile. Nothing is changed here.
 */
export async function checkImport(
  deps: { store: KnowledgeStore; imports: PendingImports; now: Date },
  input: Uint8Array | string,
  name: string,
  owner: string,
  preview: (changes: readonly Change[]) => string[],
): Promise<ImportCheck> {
  let text: string;
  try {
    text = await importText(input, importLimit(deps.store));
  } catch (err) {
    if (err instanceof ImportTooLargeError) return { error: "too-big", size: err.size ?? 0, limit: importLimit(deps.store) };
    if (err instanceof BadArchiveError) return { error: "gzip" };
    throw err;
  }
  let json: unknown;
  try {
    json = await parseImport(text);
  } catch (err) {
    if (err instanceof ImportJsonError) return { error: "json", detail: err.message };
    throw err;
  }
  let next: Knowledge;
  try {
    next = await validateKnowledge(json, name);
  } catch (err) {
    if (err instanceof KnowledgeFileError) return { error: "invalid", issues: err.issues.slice(0, 5), total: err.issues.length };
    throw err;
  }
  const hash = await deps.store.hashAsync();
  const changes = await diffInSteps(deps.store.get(), next);
  if (!changes.length) return { error: "same" };
  try {
    const ref = await deps.imports.save(owner, { label: name, hash, changes }, deps.now);
    return { pending: { ref, ...countChanges(changes), preview: preview(changes) }, hash };
  } catch (err) {
    if (err instanceof StorageError) return { error: "storage" };
    throw err;
  }
}
