import { access, constants } from "node:fs/promises";
import type { Deps } from "../app/index.js";
import type { WriteFailure } from "../storage/guard.js";

/** The result of a health check: ok, or the first problem found (and the stores whose writes fail). */
export interface Health {
  ok: boolean;
  problem?: string;
  failing?: WriteFailure[];
}

/**
 * Healthy while the bot can reach its storage: DATA_DIR is still a writable
 * folder, no store's writes are failing (a full disk: they are kept in memory
 * and retried meanwhile, and the bot goes on answering), and a knowledge base
 * is loaded.
 */
export async function checkHealth(deps: Pick<Deps, "config" | "knowledge"> & Partial<Pick<Deps, "storage">>): Promise<Health> {
  try {
    await access(deps.config.DATA_DIR, constants.R_OK | constants.W_OK);
  } catch (err) {
    return { ok: false, problem: `DATA_DIR not writable (${(err as NodeJS.ErrnoException).code ?? "error"})`, failing: deps.storage?.failing() };
  }
  const failing = deps.storage?.failing() ?? [];
  if (failing.length) {
    const list = failing.map((f) => `${f.store} (${f.code}, ${f.path})`).join(", ");
    return { ok: false, problem: `writes to DATA_DIR failing, kept in memory and retried: ${list}`, failing };
  }
  // Typed as always there, but checked: a store that failed to load must not pass for healthy.
  const kb: unknown = deps.knowledge.get();
  if (!kb || typeof kb !== "object") return { ok: false, problem: "knowledge base not loaded" };
  return { ok: true };
}
