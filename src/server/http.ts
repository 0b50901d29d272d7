import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Health } from "./health.js";
import type { Metrics } from "../app/index.js";

/** Handles one webhook POST (grammY's webhookCallback with `limitedAdapter`). */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

/** How much the server accepts from a client, and for how long it waits. */
export interface HttpLimits {
  /** Largest webhook body (Telegram's updates are a few KB; 1 MB is generous). */
  maxBodyBytes: number;
  /** Time to receive the request headers. */
  headersTimeoutMs: number;
  /** Time to receive a webhook body once the headers are in. */
  bodyTimeoutMs: number;
  /** Open connections at most; more are closed at once. */
  maxConnections: number;
}

/** Production limits: 1 MB bodies, 10 s for the headers and 10 s more for the body, 256 connections. */
export const DEFAULT_HTTP_LIMITS: HttpLimits = { maxBodyBytes: 1024 * 1024, headersTimeoutMs: 10_000, bodyTimeoutMs: 10_000, maxConnections: 256 };

/** A webhook request refused before it reached the bot, with the status to answer. */
export class HttpRefusal extends Error {
  constructor(
    readonly status: 400 | 408 | 413,
    message: string,
  ) {
    super(message);
    this.name = "HttpRefusal";
  }
}

/**
 * Reads a webhook body as an update: at most `maxBodyBytes` (413 past it,
 * announced or not), within `bodyTimeoutMs` (408), valid JSON (400) holding
 * an object (400 for null, arrays, numbers ...). Telegram's updates always
 * pass; anything else never reaches the bot.
 */
export function readUpdate(req: IncomingMessage, limits: Pick<HttpLimits, "maxBodyBytes" | "bodyTimeoutMs">): Promise<Record<string, unknown>> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? NaN);
    if (declared > limits.maxBodyBytes) return reject(new HttpRefusal(413, `body of ${declared} bytes`));
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    const finish = (err?: Error, value?: Record<string, unknown>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      req.off("data", onData);
      if (err) {
        // Read no more of it; the connection is closed after the answer.
        req.pause();
        reject(err);
      } else resolve(value!);
    };
    const timer = setTimeout(() => finish(new HttpRefusal(408, "body too slow")), limits.bodyTimeoutMs);
    const onData = (chunk: Buffer) => {
      size += chunk.byteLength;
      if (size > limits.maxBodyBytes) return finish(new HttpRefusal(413, `body over ${limits.maxBodyBytes} bytes`));
      chunks.push(chunk);
    };
    req.on("data", onData);
    req.once("error", (err) => finish(err));
    req.once("end", () => {
      let value: unknown;
      try {
        value = JSON.parse(Buffer.concat(chunks).toString("utf8"));
      } catch {
        return finish(new HttpRefusal(400, "body is not JSON"));
      }
      if (!value || typeof value !== "object" || Array.isArray(value)) return finish(new HttpRefusal(400, "body is not an update object"));
      finish(undefined, value as Record<string, unknown>);
    });
  });
}

/**
 * grammY's webhook adapter for node:http with limits: the secret header is
 * checked by grammY before the body is read; a wrong one gets 401 and the
 * connection is closed (a slow client cannot hold it); the body is read with
 * `readUpdate`.
 */
export function limitedAdapter(limits: Pick<HttpLimits, "maxBodyBytes" | "bodyTimeoutMs">) {
  return (req: IncomingMessage, res: ServerResponse) => {
    const header = req.headers["x-telegram-bot-api-secret-token"];
    return {
      get update() {
        return readUpdate(req, limits) as Promise<never>;
      },
      header: Array.isArray(header) ? header[0] : header,
      end: () => res.end(),
      respond: (json: string) => res.writeHead(200, { "content-type": "application/json" }).end(json),
      unauthorized: () => res.writeHead(401, { connection: "close" }).end('"secret token is wrong"'),
      handlerReturn: undefined,
    };
  };
}

/** What the HTTP server is started with: where it listens, what it serves (health, metrics, the webhook), its limits. */
export interface HttpServerOptions {
  port: number;
  /** Default: all interfaces. */
  host?: string;
  metrics: Metrics;
  health: () => Promise<Health>;
  /** Webhook mode: the path Telegram posts to, and its handler. */
  webhook?: { path: string; handle: WebhookHandler };
  /** Where to report a failing webhook request (never with the token in it). */
  onError?: (err: unknown) => void;
  /** Body size, time-outs and connection cap (defaults: DEFAULT_HTTP_LIMITS). */
  limits?: Partial<HttpLimits>;
}

/**
 * The bot's HTTP server: `GET /healthz`, `GET /metrics` and, in webhook mode,
 * `POST <path>` for Telegram. `drain()` starts shutdown: new webhook requests
 * get 503 (Telegram retries them later, at the next instance) while those in
 * progress finish; `close()` then stops the server.
 */
export class HttpServer {
  private readonly server: Server;
  private draining = false;
  /** Webhook requests not yet answered. */
  private active = 0;
  private onQuiet: Array<() => void> = [];

  private constructor(private readonly options: HttpServerOptions) {
    const limits = { ...DEFAULT_HTTP_LIMITS, ...options.limits };
    this.server = createServer(
      {
        // Slow clients are cut off: headers within headersTimeoutMs, the whole request within both
        // (Node checks every connectionsCheckingInterval; its defaults would hold a slow body for 300 s).
        headersTimeout: limits.headersTimeoutMs,
        requestTimeout: limits.headersTimeoutMs + limits.bodyTimeoutMs,
        connectionsCheckingInterval: Math.min(1_000, limits.headersTimeoutMs),
      },
      (req, res) => {
        this.route(req, res).catch((err: unknown) => {
          if (err instanceof HttpRefusal) {
            if (!res.headersSent) res.writeHead(err.status, { connection: "close" }).end();
            return;
          }
          options.onError?.(err);
          if (!res.headersSent) res.writeHead(500).end();
          else res.end();
        });
      },
    );
    this.server.maxConnections = limits.maxConnections;
    // Telegram keeps connections open; don't let an idle one hold shutdown up.
    this.server.keepAliveTimeout = 5_000;
  }

  /** Starts listening; rejects with a clear message when the port is taken. */
  static async start(options: HttpServerOptions): Promise<HttpServer> {
    const s = new HttpServer(options);
    await new Promise<void>((resolve, reject) => {
      s.server.once("error", (err: NodeJS.ErrnoException) => {
        reject(err.code === "EADDRINUSE" ? new Error(`PORT ${options.port} is already in use; set PORT to a free port`) : err);
      });
      s.server.listen(options.port, options.host, () => resolve());
    });
    return s;
  }

  /** The port it listens on (the one asked for, or the one given for port 0). */
  get port(): number {
    return (this.server.address() as AddressInfo).port;
  }

  /** Refuses new webhook updates from now on; health turns to 503. */
  drain(): void {
    this.draining = true;
    this.server.closeIdleConnections();
  }

  /** Waits (bounded) for webhook requests in progress to be answered, then stops the server. */
  async close(waitMs = 2_000): Promise<void> {
    this.draining = true;
    if (this.active > 0) {
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, waitMs);
        this.onQuiet.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    }
    return new Promise((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const path = (req.url ?? "/").split("?")[0];
    const { webhook, metrics, health } = this.options;
    if (webhook && path === webhook.path) {
      if (req.method !== "POST") return void res.writeHead(405, { allow: "POST" }).end();
      if (this.draining) {
        req.resume();
        return void res.writeHead(503, { "retry-after": "5", connection: "close" }).end();
      }
      this.active++;
      res.once("close", () => {
        if (--this.active === 0) for (const wake of this.onQuiet.splice(0)) wake();
      });
      try {
        await webhook.handle(req, res);
      } catch (err) {
        if (err instanceof SyntaxError) {
          if (!res.headersSent) res.writeHead(400).end();
          return;
        }
        throw err;
      }
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") return void res.writeHead(405, { allow: "GET" }).end();
    if (path === "/healthz") {
      const h = this.draining ? { ok: false, problem: "shutting down" } : await health();
      const body = JSON.stringify(h.ok ? { status: "ok" } : { status: "unavailable", problem: h.problem, ...(h.failing?.length ? { failing: h.failing } : {}) });
      return void res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" }).end(body);
    }
    if (path === "/metrics") {
      const text = await metrics.text();
      return void res.writeHead(200, { "content-type": metrics.contentType }).end(text);
    }
    res.writeHead(404).end();
  }
}
