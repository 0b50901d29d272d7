import { join } from "node:path";
import { run, type RunnerHandle } from "@grammyjs/runner";
import { type Bot, type Context, GrammyError, HttpError, webhookCallback } from "grammy";
import type { Deps } from "../app/index.js";
import type { RunMode } from "../config.js";
import { checkHealth } from "./health.js";
import { DEFAULT_HTTP_LIMITS, type HttpLimits, HttpServer, limitedAdapter, type WebhookHandler } from "./http.js";
import { RecentUpdates, UpdateTracker } from "./tracker.js";

/** A running transport: `stop` stops taking updates, finishes those in progress and confirms them. */
export interface Running {
  readonly server: HttpServer;
  readonly tracker: UpdateTracker;
  stop(): Promise<void>;
}

/** How long a transport waits for Telegram and for updates in progress, where it listens and its HTTP limits (tests shorten them). */
export interface TransportOptions {
  /** Bounded wait for updates in progress at shutdown. */
  drainTimeoutMs?: number;
  /** Answer Telegram's webhook request after this long; the update keeps being handled (and tracked). */
  webhookTimeoutMs?: number;
  /** Interface to listen on; default all. */
  host?: string;
  /** Webhook body limit, time-outs and connection cap (tests shorten them). */
  limits?: Partial<HttpLimits>;
}

/** A start-up problem with Telegram itself (token rejected, webhook refused): one line for the operator. */
export class TelegramStartupError extends Error {
  override name = "TelegramStartupError";
}

/**
 * `bot.init()` (getMe) with the usual failures turned into one clear line. A
 * network error is retried a few times (grammY alone would retry forever,
 * silently), then start-up fails.
 */
export async function initBot<C extends Context>(bot: Bot<C>, retryDelaysMs = [500, 1_000, 2_000, 4_000], onRetry?: (err: unknown) => void): Promise<void> {
  if (bot.isInited()) return;
  for (let attempt = 0; ; attempt++) {
    try {
      bot.botInfo = await bot.api.getMe();
      return;
    } catch (err) {
      if (err instanceof GrammyError && (err.error_code === 401 || err.error_code === 404)) {
        throw new TelegramStartupError("BOT_TOKEN was rejected by Telegram (401 Unauthorized); copy the token again from @BotFather");
      }
      if (!(err instanceof HttpError)) throw err;
      const delay = retryDelaysMs[attempt];
      if (delay === undefined) {
        throw new TelegramStartupError("cannot reach the Telegram Bot API (network error); check the connection or TELEGRAM_API_ROOT");
      }
      onRetry?.(err);
      await new Promise((r) => setTimeout(r, delay));
    }
  }
}

/**
 * Installs the update tracker; its recent ids are saved every few seconds (and
 * at stop, with `save`), so a crash forgets little. The saves go through the
 * write guard: a failing one is logged, counted and retried with back-off.
 */
function tracked<C extends Context>(bot: Bot<C>, deps: Deps): { tracker: UpdateTracker; save: () => Promise<boolean> } {
  const file = join(deps.config.DATA_DIR, "recent-updates.json");
  const tracker = new UpdateTracker(new RecentUpdates(2000, file), deps.metrics);
  tracker.install(bot);
  const writer = deps.storage.writer("recent-updates", file, () => tracker.recent.save(), { minIntervalMs: 5_000 });
  const timer = setInterval(() => {
    if (tracker.recent.changed) writer.schedule();
  }, 5_000);
  timer.unref();
  const save = () => {
    writer.schedule();
    return writer.flush();
  };
  deps.lifecycle.onShutdown("recent update ids", async () => {
    clearInterval(timer);
    await save();
    writer.close();
  });
  return { tracker, save };
}

function startServer(deps: Deps, port: number, opts: TransportOptions, webhook?: { path: string; handle: WebhookHandler }) {
  return HttpServer.start({
    port,
    host: opts.host,
    metrics: deps.metrics,
    health: () => checkHealth(deps),
    webhook,
    limits: opts.limits,
    onError: (err) => deps.logger.error({ err }, "http request failed"),
  });
}

/**
 * Long polling through @grammyjs/runner, with /healthz and /metrics on PORT.
 * On stop: the runner stops fetching, updates in progress finish (bounded),
 * then the offset after the last handled update is confirmed to Telegram so
 * the next start neither repeats nor skips any.
 */
export async function startPolling<C extends Context>(bot: Bot<C>, deps: Deps, mode: Extract<RunMode, { kind: "polling" }>, opts: TransportOptions): Promise<Running> {
  const { logger } = deps;
  const { tracker, save } = tracked(bot, deps);
  await initBot(bot);
  // getUpdates fails while a webhook is set (e.g. after running in webhook mode).
  await bot.api.deleteWebhook({ drop_pending_updates: false });
  const server = await startServer(deps, mode.port, opts);
  const runner: RunnerHandle = run(bot, { runner: { silent: true } });
  runner.task()?.catch((err: unknown) => {
    // Unrecoverable (token revoked, another instance polling): nothing left to do here.
    logger.fatal({ err }, "long polling stopped");
    process.exit(1);
  });
  logger.info({ username: bot.botInfo.username, port: server.port }, "long polling started");
  return {
    server,
    tracker,
    async stop() {
      if (runner.isRunning()) await runner.stop();
      const done = await tracker.idle(opts.drainTimeoutMs ?? 10_000);
      if (!done) logger.warn({ in_flight: tracker.size }, "updates still in progress after the shutdown wait");
      const offset = tracker.safeOffset();
      if (offset !== undefined) {
        try {
          // Confirms every update below `offset`; the one returned (if any) is not confirmed.
          await bot.api.getUpdates({ offset, limit: 1, timeout: 0 });
        } catch (err) {
          logger.warn({ err }, "could not confirm the last handled update; it may be delivered again");
        }
      }
      await save();
      server.drain();
      await server.close();
    },
  };
}

/**
 * Webhook mode: serves Telegram's POSTs at the URL's path on PORT (secret
 * header checked by grammY: missing or wrong gives 401), registers the
 * webhook, and answers Telegram within `webhookTimeoutMs` while the update
 * goes on being handled. On stop: new webhook requests get 503 (Telegram
 * retries them later), those in progress finish (bounded).
 */
export async function startWebhook<C extends Context>(bot: Bot<C>, deps: Deps, mode: Extract<RunMode, { kind: "webhook" }>, opts: TransportOptions): Promise<Running> {
  const { logger } = deps;
  const { tracker, save } = tracked(bot, deps);
  await initBot(bot);
  const limits = { ...DEFAULT_HTTP_LIMITS, ...opts.limits };
  const handle = webhookCallback(bot, limitedAdapter(limits), {
    secretToken: mode.secret,
    onTimeout: "return",
    timeoutMilliseconds: opts.webhookTimeoutMs ?? 5_000,
  });
  const server = await startServer(deps, mode.port, opts, { path: mode.path, handle });
  try {
    await bot.api.setWebhook(mode.url, { secret_token: mode.secret, drop_pending_updates: false });
  } catch (err) {
    await server.close();
    if (err instanceof GrammyError) throw new TelegramStartupError(`Telegram refused WEBHOOK_URL (${err.description}); use a public https URL`);
    throw err;
  }
  logger.info({ username: bot.botInfo.username, port: server.port, path: mode.path }, "webhook started");
  return {
    server,
    tracker,
    async stop() {
      server.drain();
      const done = await tracker.idle(opts.drainTimeoutMs ?? 10_000);
      if (!done) logger.warn({ in_flight: tracker.size }, "updates still in progress after the shutdown wait");
      await save();
      await server.close();
    },
  };
}
