import { spawn, type ChildProcess } from "node:child_process";
import { ROOT } from "./process.js";

/**
 * The real bot process (`src/main.ts` through tsx) with the given environment
 * (added to a copy of the test runner's, minus anything that would change the
 * run mode), its output collected.
 */
export class BotProcess {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BOT_TOKEN|WEBHOOK_|PORT|TELEGRAM_API_ROOT|DATA_DIR|LOG_LEVEL)/.test(k)));
    this.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: ROOT,
      env: { ...clean, ...env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    this.child.stdout!.on("data", (d: Buffer) => (this.stdout += d.toString()));
    this.child.stderr!.on("data", (d: Buffer) => (this.stderr += d.toString()));
    this.exited = new Promise((resolve) => this.child.once("exit", (code) => resolve(code)));
  }

  /** Parsed JSON log lines. */
  logs(): Array<Record<string, unknown>> {
    return this.stdout.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);
  }

  /** Resolves once a log line with this `msg` was written; fails if the process exits first. */
  async waitForLog(msg: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes(`"msg":"${msg}"`)) {
      if (Date.now() > deadline) throw new Error(`no "${msg}" log; stderr: ${this.stderr}`);
      if (this.child.exitCode !== null) throw new Error(`exited ${this.child.exitCode}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  /** SIGKILL, if still running. */
  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
