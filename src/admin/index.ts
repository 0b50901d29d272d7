import type { KnowledgeStore } from "../knowledge/store.js";
import { WriteGuard } from "../storage/guard.js";
import { AdminList } from "./admins.js";
import { AuditLog } from "./audit.js";
import { LearnedExamples } from "./learned.js";
import { PendingImports } from "./pending-imports.js";
import { AdminService } from "./service.js";
import { QuestionStats } from "./stats.js";

/** Everything the admin feature needs, created once at start-up. */
export interface AdminDeps {
  service: AdminService;
  admins: AdminList;
  audit: AuditLog;
  stats: QuestionStats;
  learned: LearnedExamples;
  /** Imports waiting for "Simpan", kept apart from the conversation state. */
  imports: PendingImports;
}

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
    stats: await QuestionStats.open(dataDir, guard),
    learned: await LearnedExamples.open(dataDir, guard),
    imports: PendingImports.open(dataDir, guard),
  };
}

