import { constants } from "node:fs";
import { open } from "node:fs/promises";
import { isAbsolute, normalize } from "node:path";
import type { KnowledgeStore } from "../knowledge/store.js";
import { WriteGuard } from "../storage/guard.js";
import { AdminList } from "./admins.js";
import { AuditLog } from "./audit.js";
import { ConversationStore } from "./conversation-store.js";
import { LearnedExamples } from "./learned.js";
import { PendingImports } from "./pending-imports.js";
import { AdminService } from "./service.js";
import { QuestionStats } from "./stats.js";

/** A file of the Bot API, as getFile describes it. */
export interface TelegramFile {
  /** The Bot API root (https://api.telegram.org, or TELEGRAM_API_ROOT). */
  apiRoot: string;
  token: string;
  /** getFile's file_path: relative, or an absolute path on this machine from a local Bot API server. */
  filePath: string;
  /** True when the Bot API is a local server of ours (TELEGRAM_API_ROOT): only then are absolute paths read. */
  local: boolean;
}

/** Fetches an /impor document and returns its bytes, refusing more than `maxBytes`; tests replace it. */
export type Downloader = (file: TelegramFile, maxBytes: number) => Promise<Uint8Array>;

/** Everything the admin feature needs, created once at start-up. */
export interface AdminDeps {
  service: AdminService;
  admins: AdminList;
  audit: AuditLog;
  conversations: ConversationStore;
  stats: QuestionStats;
  learned: LearnedExamples;
  /** Imports waiting for "Simpan", kept apart from the conversation state. */
  imports: PendingImports;
  download: Downloader;
}

/** Thrown by the downloader for a file over the limit. */
export class FileTooLargeError extends Error {
  override name = "FileTooLargeError";
}

/** The download URL of a relative file_path, each segment encoded ("my kb #1.json" → "my%20kb%20%231.json"). */
export function fileUrl(apiRoot: string, token: string, filePath: string): string {
  const segments = filePath.split("/");
  if (!filePath || segments.some((s) => s === ".." || s === "." || s.includes("\0"))) throw new Error("file_path is not a plain relative path");
  return `${apiRoot.replace(/\/+$/, "")}/file/bot${token}/${segments.map(encodeURIComponent).join("/")}`;
}

/** Redirects followed at most, and only on the same host (and port and scheme). */
const MAX_REDIRECTS = 3;

/**
 * Fetches a URL, refusing more than `maxBytes` (announced or as it arrives)
 * and redirects to another host (the token is in the URL, and the Bot API has
 * no reason to send us elsewhere). Gives up after 60 s.
 */
export async function httpDownload(url: string, maxBytes: number): Promise<Uint8Array> {
  let current = new URL(url);
  let res: Response;
  for (let hops = 0; ; hops++) {
    res = await fetch(current, { redirect: "manual", signal: AbortSignal.timeout(60_000) });
    if (res.status < 300 || res.status >= 400) break;
    await res.body?.cancel();
    const location = res.headers.get("location");
    if (!location || hops >= MAX_REDIRECTS) throw new Error(`download failed: HTTP ${res.status}`);
    const next = new URL(location, current);
    if (next.origin !== current.origin) throw new Error("download refused: redirect to another host");
    current = next;
  }
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) {
    await res.body?.cancel();
    throw new FileTooLargeError(`${declared} bytes`);
  }
  // Read in chunks and stop as soon as the limit is passed, without holding a huge body.
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = res.body?.getReader();
  for (;;) {
    const part = reader ? await reader.read() : { done: true as const, value: undefined };
    if (part.done) break;
    size += part.value.byteLength;
    if (size > maxBytes) {
      await reader?.cancel();
      throw new FileTooLargeError(`more than ${maxBytes} bytes`);
    }
    chunks.push(part.value);
  }
  const buf = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    buf.set(c, at);
    at += c.byteLength;
  }
  return buf;
}

/** Reads a file a local Bot API server (`--local`) stored on this machine: a regular file, within `maxBytes`. */
async function readLocalFile(path: string, maxBytes: number): Promise<Uint8Array> {
  const handle = await open(path, constants.O_RDONLY | constants.O_NOFOLLOW);
  try {
    const info = await handle.stat();
    if (!info.isFile()) throw new Error("download failed: not a file");
    if (info.size > maxBytes) throw new FileTooLargeError(`${info.size} bytes`);
    const buf = Buffer.alloc(maxBytes + 1);
    const { bytesRead } = await handle.read(buf, 0, maxBytes + 1, 0);
    if (bytesRead > maxBytes) throw new FileTooLargeError(`more than ${maxBytes} bytes`);
    return new Uint8Array(buf.subarray(0, bytesRead));
  } finally {
    await handle.close();
  }
}

/**
 * The bot's downloader: a relative file_path over HTTP (`fileUrl`,
 * `httpDownload`); an absolute one, which only a local Bot API server gives,
 * read from disk. An absolute path from any other Bot API is refused.
 */
export const telegramDownload: Downloader = async (file, maxBytes) => {
  if (isAbsolute(file.filePath)) {
    if (!file.local) throw new Error("download refused: an absolute file_path from a Bot API that is not local");
    return readLocalFile(normalize(file.filePath), maxBytes);
  }
  return httpDownload(fileUrl(file.apiRoot, file.token, file.filePath), maxBytes);
};

/** Opens the admin stores in `dataDir`. */
export async function createAdminDeps(dataDir: string, adminIds: readonly number[], knowledge: KnowledgeStore, guard = new WriteGuard()): Promise<AdminDeps> {
  const admins = await AdminList.open(dataDir, adminIds, guard);
  const audit = AuditLog.open(dataDir, guard);
  const service = new AdminService(knowledge, audit, admins);
  service.recoverAudit();
  return {
    service,
    admins,
    audit,
    conversations: await ConversationStore.open(dataDir, guard),
    stats: await QuestionStats.open(dataDir, guard),
    learned: await LearnedExamples.open(dataDir, guard),
    imports: PendingImports.open(dataDir, guard),
    download: telegramDownload,
  };
}

