import { createServer } from "node:net";
import { statSync } from "node:fs";
import type { Update, User } from "grammy/types";
import { BotProcess } from "./bot-process.js";
import { callbackPayload, command, documentMessage, privateText, update, user } from "./factories.js";
import { FakeTelegram } from "./telegram-server.js";
import { sleep } from "./wait.js";

/** A short token the config accepts (20 characters after the colon): it must never reach a log. */
export const LIVE_TOKEN = "1234:abcdefghijklmnopqrstuvwx";

/** The owner (ADMIN_IDS) of a live bot unless the test says otherwise. */
export const LIVE_OWNER = 100;

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

/**
 * The real bot process (long polling, or a webhook with WEBHOOK_URL) on a
 * fake Bot API over HTTP, and helpers to talk to it as users: updates are
 * built by the factories and delivered through getUpdates or posted to the
 * webhook.
 */
export class LiveBot {
  process!: BotProcess;

  constructor(
    readonly api: FakeTelegram,
    readonly env: Record<string, string>,
  ) {}

  /** Starts a fake Bot API (unless given) and the bot; resolves once it takes updates. */
  static async start<T extends LiveBot>(this: new (api: FakeTelegram, env: Record<string, string>) => T, env: Record<string, string>, api?: FakeTelegram): Promise<T> {
    const fake = api ?? (await new FakeTelegram().start(0));
    const bot = new this(fake, { BOT_TOKEN: LIVE_TOKEN, TELEGRAM_API_ROOT: fake.root, PORT: String(await freePort()), LOG_LEVEL: "info", ADMIN_IDS: String(LIVE_OWNER), REMINDER_TICK_MS: "500", ...env });
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
   * Delivers an update (or a payload, given a fresh id): through getUpdates,
   * or posted to the webhook (resolving once the bot answered the POST, as
   * Telegram waits before the next one). Resolves to its update id.
   */
  async push(payload: Update | Record<string, unknown>): Promise<number> {
    const u = "update_id" in payload ? (payload as Update) : update(payload);
    if (this.webhook) await this.post(JSON.stringify(u));
    else this.api.pending.push(u);
    return u.update_id;
  }

  /** The user `id` (the owner is called "Owner"). */
  user(id: number): User {
    return user(id, "id", id === LIVE_OWNER ? "Owner" : `User${id}`);
  }

  /** Messages the bot sent to `chat`, oldest first. */
  texts(chat: number): string[] {
    return this.api.calls
      .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chat)
      .map((c) => String(c.payload.text));
  }

  /** Sends a private text (or command) as `from` and waits for the bot's next message to that chat. */
  async say(from: number, text: string, timeoutMs = 30_000): Promise<string> {
    const before = this.texts(from).length;
    await this.push(text.startsWith("/") ? command(text, { from: this.user(from) }) : privateText(text, { from: this.user(from) }));
    await this.api.until(() => this.texts(from).length > before, timeoutMs);
    return this.texts(from)[before]!;
  }

  /**
   * Presses a button (by its label) on the latest keyboard sent to `from` (or on
   * the latest message holding `inText`); waits for the bot to take it.
   */
  async press(from: number, label: string | RegExp, opts: { inText?: string; timeoutMs?: number } = {}): Promise<void> {
    const data = this.buttonData(from, label, opts.inText);
    const before = this.api.calls.length;
    await this.push({ callback_query: callbackPayload(data, { from: this.user(from), messageId: 1 }) });
    await this.api.until(() => this.api.calls.slice(before).some((c) => c.method === "answerCallbackQuery"), opts.timeoutMs ?? 30_000);
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
    const message = documentMessage(name, statSync(path).size, { from: this.user(from) });
    this.api.files.set(message.document.file_id, path);
    await this.push({ message });
  }

  /** /healthz on the bot's port. */
  async health(): Promise<{ status: number; body: { status: string; problem?: string } }> {
    const res = await fetch(`http://127.0.0.1:${this.port()}/healthz`);
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
