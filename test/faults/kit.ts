/**
 * The fault suite's tools: a DATA_DIR that can be made full, read-only or
 * deleted under the running bot (a small tmpfs and a read-only remount where
 * the machine allows it, else a filesystem error injected at the write layer
 * of the bot process), the real bot process against a fake Bot API on
 * 127.0.0.1, a check that every file in DATA_DIR is valid, and the suite's
 * figures.
 */
import { execFileSync } from "node:child_process";
import { createServer } from "node:net";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import type { Update } from "grammy/types";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { BotProcess, FakeTelegram } from "../production/fake-telegram.js";

/** A short token the config accepts (20 characters after the colon): it must never reach a log. */
export const TOKEN = "1234:abcdefghijklmnopqrstuvwx";
export const OWNER = 100;

/** The suite's figures, printed at the end of each file. */
export const figures = { faults: 0, answersDuringFaults: 0, filesChecked: 0, modes: new Set<string>() };

/** Prints the figures (they appear in the test output). */
export function printFigures(name: string): void {
  const modes = figures.modes.size ? ` [disk faults: ${[...figures.modes].join(", ")}]` : "";
  console.log(
    `fault suite (${name}): ${figures.faults} faults injected, ${figures.answersDuringFaults} answers served during faults, ${figures.filesChecked} files checked${modes}`,
  );
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const inject = fileURLToPath(new URL("./inject-fs.mjs", import.meta.url));

/** Runs a command; true when it succeeded. */
function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether this machine lets us mount a tmpfs and remount it read-only (root in a permissive sandbox). */
let mountable: boolean | undefined;
function canMount(): boolean {
  if (mountable !== undefined) return mountable;
  if (process.env.SINERGI_FAULTS_INJECT === "1" || process.getuid?.() !== 0) return (mountable = false);
  const probe = mkdtempSync(join(tmpdir(), "sinergi-mount-probe-"));
  mountable = tryRun("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]);
  if (mountable) {
    mountable = tryRun("mount", ["-o", "remount,ro", probe]) && tryRun("mount", ["-o", "remount,rw", probe]);
    tryRun("umount", [probe]);
  }
  rmSync(probe, { recursive: true, force: true });
  return mountable;
}

/**
 * A DATA_DIR that can be made to fail. With `tmpfs`, a small tmpfs of its own
 * (filled with a file to make it full, remounted read-only); otherwise writes
 * fail through `inject-fs.mjs`, with the same errno codes.
 */
export class FaultyDataDir {
  readonly root: string;
  readonly dir: string;
  readonly mode: "tmpfs" | "inject";
  private readonly control: string;
  private filler?: string;

  constructor(opts: { sizeMb?: number; tmpfs?: boolean } = {}) {
    this.root = mkdtempSync(join(tmpdir(), "sinergi-faults-"));
    this.control = join(this.root, "fault");
    this.dir = join(this.root, "data");
    writeFileSync(this.control, "");
    const wantMount = opts.tmpfs !== false && canMount();
    execFileSync("mkdir", ["-p", this.dir]);
    this.mode = wantMount && tryRun("mount", ["-t", "tmpfs", "-o", `size=${opts.sizeMb ?? 16}m`, "tmpfs", this.dir]) ? "tmpfs" : "inject";
    if (opts.tmpfs !== false) figures.modes.add(this.mode === "tmpfs" ? "tmpfs and read-only remount" : "errors injected at the write layer");
  }

  /** Environment for the bot process: DATA_DIR, and the injection hook when there is no tmpfs. */
  env(): Record<string, string> {
    const env: Record<string, string> = { DATA_DIR: this.dir };
    if (this.mode === "inject") Object.assign(env, { NODE_OPTIONS: `--import=${inject}`, SINERGI_FAULT_DIR: this.dir, SINERGI_FAULT_FILE: this.control });
    return env;
  }

  /** Fills the disk: no write of the bot fits any more (ENOSPC). */
  fill(): void {
    figures.faults++;
    if (this.mode === "inject") return writeFileSync(this.control, "ENOSPC");
    this.filler = join(this.dir, "zz-filler.bin");
    const fd = openSync(this.filler, "w");
    const chunk = Buffer.alloc(1024 * 1024, 120);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // full at the megabyte; now to the last byte
    }
    try {
      for (;;) writeSync(fd, chunk, 0, 4096);
    } catch {
      // full
    }
    closeSync(fd);
  }

  /** Frees the disk again. */
  unfill(): void {
    if (this.mode === "inject") return writeFileSync(this.control, "");
    if (this.filler) rmSync(this.filler, { force: true });
    this.filler = undefined;
  }

  /** Makes DATA_DIR read-only (EROFS). */
  readOnly(): void {
    figures.faults++;
    if (this.mode === "inject") return writeFileSync(this.control, "EROFS");
    // A write in flight holds the file system for a moment: try again.
    for (let i = 0; i < 50; i++) {
      if (tryRun("mount", ["-o", "remount,ro", this.dir])) return;
      execFileSync("sleep", ["0.05"]);
    }
    throw new Error("could not remount DATA_DIR read-only");
  }

  /** Makes DATA_DIR writable again. */
  writable(): void {
    if (this.mode === "inject") return writeFileSync(this.control, "");
    if (!tryRun("mount", ["-o", "remount,rw", this.dir])) throw new Error("could not remount DATA_DIR read-write");
  }

  /** Deletes DATA_DIR (or a path inside it) under the running bot. */
  delete(path = ""): void {
    figures.faults++;
    rmSync(join(this.dir, path), { recursive: true, force: true });
  }

  /** Unmounts and removes everything. */
  cleanup(): void {
    if (this.mode === "tmpfs") tryRun("umount", ["-l", this.dir]);
    rmSync(this.root, { recursive: true, force: true });
  }
}

/** A TCP port free on 127.0.0.1 right now (for the bot's /healthz and /metrics). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once("error", reject);
    s.listen(0, "127.0.0.1", () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

/** The real bot (polling) on `dataDir` against a fake Bot API, and helpers to talk to it as users. */
export class LiveBot {
  process!: BotProcess;
  private nextUpdate = 1;
  private nextMessage = 1;

  private constructor(
    readonly api: FakeTelegram,
    readonly env: Record<string, string>,
  ) {}

  /** Starts a fake Bot API and the bot; resolves once it polls. */
  static async start(env: Record<string, string>, api?: FakeTelegram): Promise<LiveBot> {
    const fake = api ?? (await new FakeTelegram().start(0));
    const bot = new LiveBot(fake, { BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: fake.root, PORT: String(await freePort()), LOG_LEVEL: "info", ADMIN_IDS: String(OWNER), REMINDER_TICK_MS: "500", ...env });
    await bot.launch();
    return bot;
  }

  /** (Re)starts the bot process on the same DATA_DIR and fake API. */
  async launch(): Promise<void> {
    this.process = new BotProcess(this.env);
    await this.process.waitForLog(this.webhook ? "webhook started" : "long polling started", 30_000);
  }

  /** True in webhook mode (WEBHOOK_URL set): updates are posted to the bot. */
  get webhook(): boolean {
    return !!this.env.WEBHOOK_URL;
  }

  /** Posts a raw body to the webhook with the secret (or `secret`). */
  post(body: string, secret = this.env.WEBHOOK_SECRET ?? ""): Promise<Response> {
    return fetch(this.env.WEBHOOK_URL!, { method: "POST", headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": secret }, body });
  }

  /**
   * Delivers an update: through getUpdates, or posted to the webhook (resolving
   * once the bot answered the POST, as Telegram waits before the next one).
   */
  async push(payload: Record<string, unknown>): Promise<number> {
    const update_id = this.nextUpdate++;
    if (this.webhook) await this.post(JSON.stringify({ update_id, ...payload }));
    else this.api.pending.push({ update_id, ...payload } as Update);
    return update_id;
  }

  private user(id: number) {
    return { id, is_bot: false, first_name: id === OWNER ? "Owner" : `User${id}`, language_code: "id" };
  }

  /** Messages the bot sent to `chat`, oldest first. */
  texts(chat: number): string[] {
    return this.api.calls
      .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chat)
      .map((c) => String(c.payload.text));
  }

  /** Sends a private text as `from` and waits for the bot's next message to that chat. */
  async say(from: number, text: string, timeoutMs = 30_000): Promise<string> {
    const before = this.texts(from).length;
    const entities = text.startsWith("/") ? [{ type: "bot_command", offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    await this.push({
      message: { message_id: this.nextMessage++, date: Math.floor(Date.now() / 1000), chat: { id: from, type: "private", first_name: "x" }, from: this.user(from), text, ...(entities ? { entities } : {}) },
    });
    await this.api.until(() => this.texts(from).length > before, timeoutMs);
    return this.texts(from)[before]!;
  }

  /** Asks a question while a fault is on; counted in the figures when it is answered. */
  async askDuringFault(from: number, text: string): Promise<string> {
    const reply = await this.say(from, text);
    figures.answersDuringFaults++;
    return reply;
  }

  /**
   * Presses a button (by its label) on the latest keyboard sent to `from` (or on
   * the latest message holding `inText`); waits for the bot to take it.
   */
  async press(from: number, label: string | RegExp, opts: { inText?: string; timeoutMs?: number } = {}): Promise<void> {
    const timeoutMs = opts.timeoutMs ?? 30_000;
    const data = this.buttonData(from, label, opts.inText);
    const before = this.api.calls.length;
    await this.push({
      callback_query: { id: String(this.nextUpdate), chat_instance: "t", from: this.user(from), data, message: { message_id: 1, date: 0, chat: { id: from, type: "private", first_name: "x" }, text: "" } },
    });
    await this.api.until(() => this.api.calls.slice(before).some((c) => c.method === "answerCallbackQuery"), timeoutMs);
  }

  /** Callback data of the button labelled `label` on the latest keyboard sent to `from` (on a message holding `inText`). */
  buttonData(from: number, label: string | RegExp, inText?: string): string {
    for (let i = this.api.calls.length - 1; i >= 0; i--) {
      const c = this.api.calls[i]!;
      if (Number(c.payload.chat_id) !== from) continue;
      if (inText !== undefined && !String(c.payload.text).includes(inText)) continue;
      const kb = (c.payload.reply_markup as { inline_keyboard?: Array<Array<{ text: string; callback_data?: string }>> } | undefined)?.inline_keyboard;
      const b = kb?.flat().find((x) => (typeof label === "string" ? x.text.includes(label) : label.test(x.text)));
      if (b?.callback_data) return b.callback_data;
    }
    throw new Error(`no button ${String(label)}`);
  }

  /** Sends a document as `from`; the fake Bot API serves it from `path` as a local Bot API server would. */
  async sendDocument(from: number, name: string, path: string): Promise<void> {
    const fileId = `f${this.nextUpdate}`;
    this.api.files.set(fileId, path);
    await this.push({
      message: {
        message_id: this.nextMessage++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: from, type: "private", first_name: "x" },
        from: this.user(from),
        document: { file_id: fileId, file_unique_id: fileId, file_name: name, file_size: statSync(path).size },
      },
    });
  }

  /** /healthz on the bot's port. */
  async health(): Promise<{ status: number; body: { status: string; problem?: string } }> {
    const port = this.port();
    const res = await fetch(`http://127.0.0.1:${port}/healthz`);
    return { status: res.status, body: (await res.json()) as { status: string; problem?: string } };
  }

  /** /metrics text. */
  async metrics(): Promise<string> {
    return (await fetch(`http://127.0.0.1:${this.port()}/metrics`)).text();
  }

  private port(): number {
    const line = this.process.logs().find((l) => l.msg === "long polling started" || l.msg === "webhook started");
    return Number(line?.port);
  }

  /** Waits for a log line matching `match`. */
  async waitForLine(match: (l: Record<string, unknown>) => boolean, timeoutMs = 20_000): Promise<Record<string, unknown>> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const l = this.process.logs().find(match);
      if (l) return l;
      if (Date.now() > deadline) throw new Error(`no such log line; stderr: ${this.process.stderr.slice(-500)}`);
      if (this.process.child.exitCode !== null) throw new Error(`the bot exited (${this.process.child.exitCode}); stderr: ${this.process.stderr.slice(-1000)}`);
      await sleep(50);
    }
  }

  /** SIGTERM and wait; resolves with the exit code. */
  async stop(): Promise<number | null> {
    this.process.child.kill("SIGTERM");
    return this.process.exited;
  }

  /** SIGKILL and wait. */
  async kill(): Promise<void> {
    figures.faults++;
    this.process.kill();
    await this.process.exited;
  }

  /** Everything the process wrote: the configured token must never be in it. */
  output(): string {
    return this.process.stdout + this.process.stderr;
  }

  /** Still running (never crashed). */
  get alive(): boolean {
    return this.process.child.exitCode === null && this.process.child.signalCode === null;
  }
}

/**
 * Checks every file in DATA_DIR as the bot reads it: knowledge.json against
 * the schema, every other .json as JSON, .jsonl line by line, broadcast
 * targets and journals line by line, worker.pid a number; no temporary file
 * left. Archived copies under backups/ are not the bot's working files and
 * are skipped. Returns the number of files checked and the problems found.
 */
export function checkDataDir(dir: string): { files: number; problems: string[] } {
  const problems: string[] = [];
  let files = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      const rel = relative(dir, path);
      if (e.isDirectory()) {
        if (e.name !== "backups" && e.name !== "lost+found") walk(path);
        continue;
      }
      if (e.name === "zz-filler.bin") continue;
      files++;
      const text = readFileSync(path, "utf8");
      const lines = text.split("\n");
      const bad = (why: string) => problems.push(`${rel}: ${why}`);
      try {
        if (e.name.endsWith(".tmp")) bad("temporary file left behind");
        else if (rel === "knowledge.json") parseKnowledge(JSON.parse(text), rel);
        else if (e.name.endsWith(".json")) JSON.parse(text);
        else if (e.name.endsWith(".jsonl") || e.name.endsWith(".pending")) {
          if (e.name.endsWith(".pending")) JSON.parse(text);
          else for (const l of lines) if (l.trim()) JSON.parse(l);
          if (e.name.endsWith(".jsonl") && text && !text.endsWith("\n")) bad("last line not ended");
        } else if (e.name.endsWith(".targets")) {
          for (const l of lines) if (l && !/^-?\d+ (id|en)$/.test(l)) bad(`bad line ${JSON.stringify(l)}`);
        } else if (e.name.endsWith(".journal")) {
          for (const l of lines) if (l && !/^-?\d+ [sfb]$/.test(l)) bad(`bad line ${JSON.stringify(l)}`);
        } else if (e.name === "worker.pid") {
          if (!/^\d+$/.test(text)) bad("not a process id");
        } else bad("unexpected file");
      } catch (err) {
        bad(String(err).slice(0, 200));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  figures.filesChecked += files;
  return { files, problems };
}
