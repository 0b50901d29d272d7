import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Update } from "grammy/types";
import { OFFLINE_BOT } from "../../src/console/fake-api.js";

/** One call made to the fake Bot API. */
export interface ApiCall {
  method: string;
  payload: Record<string, unknown>;
  /** Set once the fake answered it. */
  answeredAt?: number;
}

/** How the fake Bot API behaves, and misbehaves on purpose; every field is optional. */
export interface FakeTelegramOptions {
  /** Global limit, messages per second (a token bucket refilled at this rate, holding a quarter second's worth: short bursts pass, a sustained excess gets 429). Default: no limit. */
  rate?: number;
  /** With `rate`: minimum gap between two messages to one chat, ms (default 1000; 0 disables). */
  perChatMs?: number;
  /** retry_after seconds in 429 answers (default 1). */
  retryAfter?: number;
  /** Chats that blocked the bot: 403 every time. */
  blocked?: Set<number>;
  /** Chats whose first N sends answer 500. */
  flaky?: Map<number, number>;
  /** Answer a deliberate 429 to every Nth sendMessage (0: never). */
  force429Every?: number;
  /** Artificial latency per request, ms. */
  latencyMs?: number;
  /** Keep every call in `calls` (default true; a benchmark of many thousands of sends turns it off). */
  record?: boolean;
}

/**
 * The Bot API over HTTP on 127.0.0.1, for the real bot process, the delivery
 * queue and the `announce` command: getMe (or 401 with `rejectToken`),
 * getUpdates with Telegram's offset semantics (an offset confirms, i.e.
 * forgets, every update below it), getFile (paths from `files`), sendMessage
 * and editMessageText (optionally slow, rate-limited with 429 and
 * retry_after, 403 for blocked chats, 500 for flaky ones), and `true` for
 * everything else. Records the calls and counts what each chat received
 * (accepted sends only).
 */
export class FakeTelegram {
  readonly calls: ApiCall[] = [];
  /** Updates waiting for getUpdates. */
  readonly pending: Update[] = [];
  /** Accepted messages per chat. */
  readonly received = new Map<number, number>();
  readonly edits: Array<{ chatId: number; messageId: number; text: string }> = [];
  /** Delay of every sendMessage answer, ms. */
  sendDelayMs = 0;
  /** Answer getMe with 401 (a revoked token). */
  rejectToken = false;
  /** getFile answers: file_id → file_path (an absolute path plays a local Bot API server). */
  readonly files = new Map<string, string>();
  /** Methods whose requests get no answer: the connection is cut (a network error on the bot's side). */
  readonly cutConnections = new Set<string>();
  http429 = 0;
  http403 = 0;
  http500 = 0;
  accepted = 0;
  firstAt = 0;
  lastAt = 0;
  private server?: Server;
  private tokens: number;
  private readonly capacity: number;
  private refilledAt = performance.now();
  private readonly lastByChat = new Map<number, number>();
  private sendCount = 0;
  private readonly flakyLeft: Map<number, number>;
  private nextMessageId = 1;
  private waiters: Array<() => void> = [];

  constructor(readonly opts: FakeTelegramOptions = {}) {
    this.capacity = Math.max(1, (opts.rate ?? 0) / 4);
    this.tokens = this.capacity;
    this.flakyLeft = new Map(opts.flaky ?? []);
  }

  /** Listens on 127.0.0.1:`port` (0 = any free port); resolves to the apiRoot URL. */
  async listen(port = 0): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    return this.root;
  }

  /** Like `listen`, resolving to the fake itself. */
  async start(port = 0): Promise<this> {
    await this.listen(port);
    return this;
  }

  /** The apiRoot URL to give grammY (TELEGRAM_API_ROOT). */
  get root(): string {
    return `http://127.0.0.1:${(this.server!.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Calls of one method, oldest first. */
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

  /** Chats that received the message more than once, and how many extra copies in all. */
  duplicates(): { chats: number; extra: number } {
    let chats = 0;
    let extra = 0;
    for (const n of this.received.values()) if (n > 1) (chats++, (extra += n - 1));
    return { chats, extra };
  }

  private wake(): void {
    for (const w of this.waiters.splice(0)) w();
  }

  private take(rate: number): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * rate);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = (req.url ?? "").split("/").pop() ?? "";
    let payload: Record<string, unknown> = {};
    try {
      payload = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      // not JSON (a multipart upload): kept as an empty payload
    }
    const call: ApiCall = { method, payload };
    if (this.opts.record !== false) this.calls.push(call);
    this.wake();
    if (this.cutConnections.has(method)) {
      req.socket.destroy();
      return;
    }
    if (this.opts.latencyMs) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
    const [status, body] = await this.answer(method, payload);
    call.answeredAt = Date.now();
    if (!res.destroyed) res.writeHead(status, { "content-type": "application/json" }).end(JSON.stringify(body));
    this.wake();
  }

  private async answer(method: string, payload: Record<string, unknown>): Promise<[number, unknown]> {
    switch (method) {
      case "getMe":
        return [200, this.rejectToken ? { ok: false, error_code: 401, description: "Unauthorized" } : { ok: true, result: OFFLINE_BOT }];
      case "getUpdates": {
        const offset = Number(payload.offset ?? 0);
        if (offset > 0) while (this.pending.length && this.pending[0]!.update_id < offset) this.pending.shift();
        const limit = Number(payload.limit ?? 100);
        const deadline = Date.now() + Math.min(Number(payload.timeout ?? 0) * 1000, 300);
        while (!this.pending.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
        return [200, { ok: true, result: this.pending.slice(0, limit) }];
      }
      case "getFile": {
        const id = String(payload.file_id);
        return [200, { ok: true, result: { file_id: id, file_unique_id: id, file_path: this.files.get(id) } }];
      }
      case "sendMessage":
      case "editMessageText":
        return this.deliver(method, payload);
      default:
        return [200, { ok: true, result: true }];
    }
  }

  /** A message sent or edited, through the limits and failures asked for. */
  private async deliver(method: string, payload: Record<string, unknown>): Promise<[number, unknown]> {
    const chatId = Number(payload.chat_id);
    const tooMany = (): [number, unknown] => {
      this.http429++;
      const retry_after = this.opts.retryAfter ?? 1;
      return [429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${retry_after}`, parameters: { retry_after } }];
    };
    if (this.opts.blocked?.has(chatId)) {
      this.http403++;
      return [403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" }];
    }
    const left = this.flakyLeft.get(chatId);
    if (left) {
      this.flakyLeft.set(chatId, left - 1);
      this.http500++;
      return [500, { ok: false, error_code: 500, description: "Internal Server Error" }];
    }
    if (method === "sendMessage" && this.opts.force429Every && ++this.sendCount % this.opts.force429Every === 0) return tooMany();
    const now = performance.now();
    if (this.opts.rate) {
      const perChat = this.opts.perChatMs ?? 1000;
      const last = this.lastByChat.get(chatId);
      if (perChat && last !== undefined && now - last < perChat * 0.95) return tooMany();
      if (!this.take(this.opts.rate)) return tooMany();
      this.lastByChat.set(chatId, now);
      if (this.lastByChat.size > 50_000) for (const [c, t] of this.lastByChat) if (now - t > perChat) this.lastByChat.delete(c);
    }
    if (method === "editMessageText") {
      this.edits.push({ chatId, messageId: Number(payload.message_id), text: String(payload.text) });
      return [200, { ok: true, result: { message_id: Number(payload.message_id), date: 0, chat: { id: chatId, type: "private" }, text: payload.text } }];
    }
    if (this.sendDelayMs) await new Promise((r) => setTimeout(r, this.sendDelayMs));
    this.accepted++;
    if (!this.firstAt) this.firstAt = now;
    this.lastAt = now;
    this.received.set(chatId, (this.received.get(chatId) ?? 0) + 1);
    const result = { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, from: OFFLINE_BOT, text: payload.text };
    return [200, { ok: true, result }];
  }
}
