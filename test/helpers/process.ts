/**
 * Running the project's commands as child processes, the way users and
 * outside checks run them (`npm start`, `npm run --silent ask -- ...`).
 */
import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json is). */
export const ROOT = fileURLToPath(new URL("../../", import.meta.url));

/** What a finished process left behind. */
export interface RunResult {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Options of `run`. */
export interface RunOptions {
  /** Environment added to a clean copy of process.env (BOT_TOKEN, WEBHOOK_URL, DATA_DIR, ADMIN_IDS are removed first). */
  env?: Record<string, string>;
  /** Written to stdin, which is then closed. */
  input?: string;
  /** Kill with SIGKILL after this long (default 30 s); the test then fails on the exit code. */
  timeoutMs?: number;
}

/** The environment for a child: the test runner's, minus anything that would change the run mode. */
export function childEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const k of ["BOT_TOKEN", "WEBHOOK_URL", "WEBHOOK_SECRET", "DATA_DIR", "ADMIN_IDS", "TELEGRAM_API_ROOT", "PORT", "LOG_LEVEL"]) delete env[k];
  return { ...env, ...extra };
}

/** Runs `command args` in the repository root and resolves when it exits. */
export function run(command: string, args: string[], opts: RunOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd: ROOT, env: childEnv(opts.env), stdio: ["pipe", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
    child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
    const timer = setTimeout(() => child.kill("SIGKILL"), opts.timeoutMs ?? 30_000);
    child.on("error", reject);
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    child.stdin.end(opts.input ?? "");
  });
}
