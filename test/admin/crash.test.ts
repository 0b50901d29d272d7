import { spawn } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { createAdminDeps } from "../../src/admin/index.js";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";
import { tempDir } from "../helpers/index.js";

const root = new URL("../..", import.meta.url).pathname;

/** Starts a save loop, lets it run `ms` after it is ready, kills it with SIGKILL; returns the last save it reported. */
function runAndKill(dir: string, ms: number, loop = "test/admin/save-loop.ts"): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", loop, dir], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      const first = !out.includes("ready");
      out += d.toString();
      if (first && out.includes("ready")) setTimeout(() => child.kill("SIGKILL"), ms);
    });
    child.on("error", reject);
    // "close", not "exit": only then has all of the child's output been read.
    child.on("close", (_code, signal) => {
      if (signal !== "SIGKILL") return reject(new Error(`save loop ended without being killed: ${out.slice(-200)}`));
      const saved = [...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1]));
      resolve(saved.at(-1) ?? 0);
    });
  });
}

describe("a process killed during a save", () => {
  it("leaves the knowledge base old or new, and valid, every time", async () => {
    const dir = tempDir();
    let previous = 0;
    for (let round = 0; round < 6; round++) {
      const lastReported = await runAndKill(dir, 40 + Math.floor(Math.random() * 200));
      // Killed before its first save was done: the base is still the seed, and nothing was reported.
      if (!existsSync(join(dir, "knowledge.json"))) {
        expect(lastReported).toBe(0);
        continue;
      }
      // The snapshot is always a valid base by itself; the journal's lines are whole but for a last one cut short.
      parseKnowledge(JSON.parse(readFileSync(join(dir, "knowledge.json"), "utf8")), "knowledge.json");
      const journal = existsSync(join(dir, "knowledge.journal.jsonl")) ? readFileSync(join(dir, "knowledge.journal.jsonl"), "utf8").split("\n") : [];
      for (const line of journal.slice(0, -1)) expect(() => JSON.parse(line)).not.toThrow();
      // What the next start loads: the snapshot and the journal after it (read-only here, as the ask CLI does).
      const kb = parseKnowledge(KnowledgeStore.open(dir, { persistRepair: false }).get(), "knowledge.json");
      const n = kb.cooperationValues[0]!.amount - 1_000_000_000;
      // The file holds the last completed save or the one in flight when killed: never older, never half.
      // (A round killed before its first save completed reports nothing: then the last round's value stands.)
      const done = Math.max(previous, lastReported);
      expect(n).toBeGreaterThanOrEqual(done);
      expect(n).toBeLessThanOrEqual(done + 1);
      expect(kb.cooperationValues[0]!.note).toMatch(new RegExp(`^${n} x+$`));
      previous = n;
    }
    expect(previous).toBeGreaterThan(3);
  });

  it("loses no audit line: after a restart the trail matches the knowledge base", async () => {
    const dir = tempDir();
    const start = KnowledgeStore.open(dir).get().cooperationValues[0]!.amount;
    for (let round = 0; round < 5; round++) {
      await runAndKill(dir, 40 + Math.floor(Math.random() * 150), "test/admin/audited-save-loop.ts");
      // What a restart does: open the stores; a line lost between save and append is written then.
      const knowledge = KnowledgeStore.open(dir);
      const { audit } = await createAdminDeps(dir, [1], knowledge);
      const amount = knowledge.get().cooperationValues[0]!.amount;
      const entries = audit.all();
      // One entry per +1 step, numbered 1..n, the last one ending at the saved amount.
      expect(entries.length).toBe(amount - start);
      expect(entries.map((e) => e.seq)).toEqual(entries.map((_, i) => i + 1));
      if (entries.length) expect(entries.at(-1)!.changes[0]!.after?.amount).toBe(amount);
      expect(existsSync(join(dir, "audit.jsonl.pending"))).toBe(false);
    }
  });
});
