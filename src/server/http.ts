import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import type { Health } from "./health.js";
import type { Metrics } from "./metrics.js";

/** Handles one webhook POST (grammY's webhookCallback with the "http" adapter). */
export type WebhookHandler = (req: IncomingMessage, res: ServerResponse) => Promise<unknown>;

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
    this.server = createServer((req, res) => {
      this.route(req, res).catch((err: unknown) => {
        options.onError?.(err);
        if (!res.headersSent) res.writeHead(500).end();
        else res.end();
      });
    });
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
      const body = JSON.stringify(h.ok ? { status: "ok" } : { status: "unavailable", problem: h.problem });
      return void res.writeHead(h.ok ? 200 : 503, { "content-type": "application/json" }).end(body);
    }
    if (path === "/metrics") {
      const text = await metrics.text();
      return void res.writeHead(200, { "content-type": metrics.contentType }).end(text);
    }
    res.writeHead(404).end();
  }
}
