import { access, constants } from "node:fs/promises";
import type { Deps } from "../bot/context.js";

/** The result of a health check: ok, or the first problem found. */
export interface Health {
  ok: boolean;
  problem?: string;
}

/**
 * Healthy while the bot can reach its storage: DATA_DIR is still a writable
 * folder and a knowledge base is loaded.
 */
export async function checkHealth(deps: Pick<Deps, "config" | "knowledge">): Promise<Health> {
  try {
    await access(deps.config.DATA_DIR, constants.R_OK | constants.W_OK);
  } catch (err) {
    return { ok: false, problem: `DATA_DIR not writable (${(err as NodeJS.ErrnoException).code ?? "error"})` };
  }
  const kb = deps.knowledge.get() as unknown as Record<string, unknown> | undefined;
  if (!kb || typeof kb !== "object") return { ok: false, problem: "knowledge base not loaded" };
  return { ok: true };
}
