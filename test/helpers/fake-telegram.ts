import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

/** How the fake Bot API misbehaves on purpose. */
export interface FakeTelegramOptions {
  /** Global limit, messages per second (a token bucket refilled at this rate, holding a quarter second's worth: short bursts pass, a sustained excess gets 429). */
  rate: number;
  /** Minimum gap between two messages to one chat, ms (default 1000; 0 disables). */
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
}

/**
 * A local stand-in for the Bot API's sendMessage/editMessageText on 127.0.0.1
 * that enforces a global rate and one message a second per chat (429 with
 * retry_after past them), answers 403 for blocked chats and 500 for flaky
 * ones, and counts what each chat received (accepted sends only).
 */
export class FakeTelegram {
  readonly received = new Map<number, number>();
  readonly edits: Array<{ chatId: number; messageId: number; text: string }> = [];
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
  private flakyLeft: Map<number, number>;
  private nextMessageId = 1;

  constructor(readonly opts: FakeTelegramOptions) {
    this.capacity = Math.max(1, opts.rate / 4);
    this.tokens = this.capacity;
    this.flakyLeft = new Map(opts.flaky ?? []);
  }

  /** Listens on 127.0.0.1:`port` (0 = any free port); resolves to the apiRoot URL. */
  async listen(port: number): Promise<string> {
    this.server = createServer((req, res) => void this.handle(req, res));
    this.server.keepAliveTimeout = 60_000;
    await new Promise<void>((resolve, reject) => {
      this.server!.once("error", reject);
      this.server!.listen(port, "127.0.0.1", () => resolve());
    });
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
  }

  async close(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((r) => (this.server ? this.server.close(() => r()) : r()));
  }

  /** Chats that received the message more than once, and how many extra copies in all. */
  duplicates(): { chats: number; extra: number } {
    let chats = 0;
    let extra = 0;
    for (const n of this.received.values()) if (n > 1) (chats++, (extra += n - 1));
    return { chats, extra };
  }

  private take(): boolean {
    const now = performance.now();
    this.tokens = Math.min(this.capacity, this.tokens + ((now - this.refilledAt) / 1000) * this.opts.rate);
    this.refilledAt = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const method = (req.url ?? "").split("/").pop() ?? "";
    let body: Record<string, unknown> = {};
    try {
      body = chunks.length ? (JSON.parse(Buffer.concat(chunks).toString("utf8")) as Record<string, unknown>) : {};
    } catch {
      // not JSON: treated as empty
    }
    if (this.opts.latencyMs) await new Promise((r) => setTimeout(r, this.opts.latencyMs));
    const chatId = Number(body.chat_id);
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(payload));
    };
    const tooMany = () => {
      this.http429++;
      send(429, { ok: false, error_code: 429, description: `Too Many Requests: retry after ${this.opts.retryAfter ?? 1}`, parameters: { retry_after: this.opts.retryAfter ?? 1 } });
    };
    if (method === "getMe") return send(200, { ok: true, result: { id: 1, is_bot: true, first_name: "Fake", username: "fake_bot" } });
    if (method !== "sendMessage" && method !== "editMessageText") return send(200, { ok: true, result: true });
    if (this.opts.blocked?.has(chatId)) {
      this.http403++;
      return send(403, { ok: false, error_code: 403, description: "Forbidden: bot was blocked by the user" });
    }
    const left = this.flakyLeft.get(chatId);
    if (left) {
      this.flakyLeft.set(chatId, left - 1);
      this.http500++;
      return send(500, { ok: false, error_code: 500, description: "Internal Server Error" });
    }
    if (method === "sendMessage" && this.opts.force429Every && ++this.sendCount % this.opts.force429Every === 0) return tooMany();
    const now = performance.now();
    const perChat = this.opts.perChatMs ?? 1000;
    const last = this.lastByChat.get(chatId);
    if (perChat && last !== undefined && now - last < perChat * 0.95) return tooMany();
    if (!this.take()) return tooMany();
    this.lastByChat.set(chatId, now);
    if (this.lastByChat.size > 50_000) for (const [c, t] of this.lastByChat) if (now - t > perChat) this.lastByChat.delete(c);
    if (method === "editMessageText") {
      this.edits.push({ chatId, messageId: Number(body.message_id), text: String(body.text) });
      return send(200, { ok: true, result: { message_id: Number(body.message_id), date: 0, chat: { id: chatId, type: "private" }, text: body.text } });
    }
    this.accepted++;
    if (!this.firstAt) this.firstAt = now;
    this.lastAt = now;
    this.received.set(chatId, (this.received.get(chatId) ?? 0) + 1);
    send(200, { ok: true, result: { message_id: this.nextMessageId++, date: Math.floor(Date.now() / 1000), chat: { id: chatId, type: "private" }, text: body.text } });
  }
}
