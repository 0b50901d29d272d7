import { spawn, type ChildProcess } from "node:child_process";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import type { Update } from "grammy/types";
import { OFFLINE_BOT } from "../../src/console/fake-api.js";

/** One call the bot made to the fake Bot API. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Set once the fake answered it. */
  answeredAt?: number;
}

/**
 * A minimal Bot API over HTTP on 127.0.0.1 for tests that spawn the real
 * process: getMe, setWebhook, deleteWebhook, setMyCommands, sendMessage
 * (optionally slow) and getUpdates with Telegram's offset semantics
 * (an offset confirms, i.e. forgets, every update below it).
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  /** Updates waiting for getUpdates. */
  readonly pending: Update[] = [];
  sendDelayMs = 0;
  /** Answer getMe with 401 (a revoked token). */
  rejectToken = false;
  /** getFile answers: file_id → file_path (an absolute path plays a local Bot API server). */
  readonly files = new Map<string, string>();
  /** Methods whose requests get no answer: the connection is cut (a network error on the bot's side). */
  readonly cutConnections = new Set<string>();
  private server!: Server;
  private waiters: Array<() => void> = [];

  async start(port: number): Promise<this> {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const method = (req.url ?? "").split("/").pop() ?? "";
        const raw = Buffer.concat(chunks).toString("utf8");
        const payload = raw ? (JSON.parse(raw) as Record<string, unknown>) : {};
        const call: ApiCall = { method, payload };
        this.calls.push(call);
        this.wake();
        if (this.cutConnections.has(method)) {
          req.socket.destroy();
          return;
        }
        void this.answer(call).then((body) => {
          call.answeredAt = Date.now();
          if (!res.destroyed) res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
          this.wake();
        });
      });
    });
    await new Promise<void>((r) => this.server.listen(port, "127.0.0.1", r));
    return this;
  }

  get root(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  close(): Promise<void> {
    this.server.closeAllConnections();
    return new Promise((r) => this.server.close(() => r()));
  }

  sent(method: string): ApiCall[] {
    return this.calls.filter((c) => c.method === method);
  }

  /** Resolves when `predicate` holds (checked on every call and answer). */
  async until(predicate: () => boolean, timeoutMs = 45_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    const where = new Error("timed out waiting for the bot");
    while (!predicate()) {
      if (Date.now() > deadline) throw where;
      await new Promise<void>((r) => {
        this.waiters.push(r);
        setTimeout(r, 50);
      });
    }
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private async answer(call: ApiCall): Promise<unknown> {
    const { method, payload } = call;
    switch (method) {
      case "getMe":
        return this.rejectToken ? { ok: false, error_code: 401, description: "Unauthorized" } : { ok: true, result: OFFLINE_BOT };
      case "sendMessage":
        if (this.sendDelayMs) await new Promise((r) => setTimeout(r, this.sendDelayMs));
        return {
          ok: true,
          result: { message_id: this.calls.length, date: 0, chat: { id: payload.chat_id, type: "private" }, from: OFFLINE_BOT, text: payload.text },
        };
      case "getUpdates": {
        const offset = Number(payload.offset ?? 0);
        if (offset > 0) {
          while (this.pending.length && this.pending[0]!.update_id < offset) this.pending.shift();
        }
        const limit = Number(payload.limit ?? 100);
        const deadline = Date.now() + Math.min(Number(payload.timeout ?? 0) * 1000, 300);
        while (!this.pending.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        return { ok: true, result: this.pending.slice(0, limit) };
      }
      case "getFile": {
        const id = String(payload.file_id);
        return { ok: true, result: { file_id: id, file_unique_id: id, file_path: this.files.get(id) } };
      }
      default:
        return { ok: true, result: true };
    }
  }
}

const root = fileURLToPath(new URL("../..", import.meta.url));

/** The real bot process (src/main.ts through tsx), with its output collected. */
export class BotProcess {
  readonly child: ChildProcess;
  stdout = "";
  stderr = "";
  readonly exited: Promise<number | null>;

  constructor(env: Record<string, string>) {
    const clean = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(BOT_TOKEN|WEBHOOK_|PORT|TELEGRAM_API_ROOT|DATA_DIR|LOG_LEVEL)/.test(k)));
    this.child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
      cwd: root,
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

  async waitForLog(msg: string, timeoutMs = 20_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!this.stdout.includes(`"msg":"${msg}"`)) {
      if (Date.now() > deadline) throw new Error(`no "${msg}" log; stderr: ${this.stderr}`);
      if (this.child.exitCode !== null) throw new Error(`exited ${this.child.exitCode}; stderr: ${this.stderr}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  kill(): void {
    if (this.child.exitCode === null) this.child.kill("SIGKILL");
  }
}
