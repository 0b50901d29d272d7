import type { KnowledgeStore } from "../knowledge/store.js";
import { AdminList } from "./admins.js";
import { AuditLog } from "./audit.js";
import { ConversationStore } from "./conversation-store.js";
import { LearnedExamples } from "./learned.js";
import { AdminService, MAX_IMPORT_BYTES } from "./service.js";
import { QuestionStats } from "./stats.js";

/** Downloads a file (an /impor document) and returns its bytes; tests replace it. */
export type Downloader = (url: string, maxBytes: number) => Promise<Uint8Array>;

/** Everything the admin feature needs, created once at start-up. */
export interface AdminDeps {
  service: AdminService;
  admins: AdminList;
  audit: AuditLog;
  conversations: ConversationStore;
  stats: QuestionStats;
  learned: LearnedExamples;
  download: Downloader;
}

/** Thrown by the downloader for a file over the limit. */
export class FileTooLargeError extends Error {
  override name = "FileTooLargeError";
}

/** Fetches a URL, refusing more than `maxBytes`. */
export const httpDownload: Downloader = async (url, maxBytes) => {
  const res = await fetch(url);
  if (!res.ok) throw new Error(`download failed: HTTP ${res.status}`);
  const declared = Number(res.headers.get("content-length") ?? "0");
  if (declared > maxBytes) throw new FileTooLargeError(`${declared} bytes`);
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
};

/** Opens the admin stores in `dataDir`. */
export async function createAdminDeps(dataDir: string, adminIds: readonly number[], knowledge: KnowledgeStore): Promise<AdminDeps> {
  const admins = await AdminList.open(dataDir, adminIds);
  const audit = AuditLog.open(dataDir);
  const service = new AdminService(knowledge, audit, admins);
  service.recoverAudit();
  return {
    service,
    admins,
    audit,
    conversations: await ConversationStore.open(dataDir),
    stats: await QuestionStats.open(dataDir),
    learned: await LearnedExamples.open(dataDir),
    download: httpDownload,
  };
}

export { MAX_IMPORT_BYTES };
