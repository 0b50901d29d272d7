import { ZodError } from "zod";
import { createDeps, type Deps, StartupError } from "./app/index.js";
import { CommandMenus } from "./bot/commands.js";
import { createBot } from "./bot/index.js";
import { pauseOnQuickEmptyPoll } from "./bot/poll-backoff.js";
import { startEvents } from "./bot/features/events.js";
import { ConfigError, loadConfig, logLevel, runMode, type RunMode } from "./config.js";
import { ConsoleChat } from "./console/chat.js";
import { FakeBotApi } from "./console/fake-api.js";
import { KnowledgeFileError } from "./knowledge/load.js";
import { addSecrets, createLogger, redactTokens } from "./logger.js";
import { PrometheusMetrics } from "./server/metrics.js";
import { installProcessPolicy } from "./process-policy.js";
import { initBot, startPolling, startWebhook, TelegramStartupError, type Running } from "./server/run.js";

/** Longest wait for updates in progress at shutdown, and for the whole shutdown. */
const DRAIN_TIMEOUT_MS = 10_000;
const SHUTDOWN_TIMEOUT_MS = 25_000;

async function main(): Promise<void> {
  const config = loadConfig();
  // From here on the configured token is scrubbed from every line, whatever its length.
  addSecrets(config.BOT_TOKEN, config.WEBHOOK_SECRET);
  // `--admin` (console chat as an admin): with no ADMIN_IDS the console user (id 1) is the owner for this session.
  if (process.argv.includes("--admin") && !config.ADMIN_IDS.length) config.ADMIN_IDS.push(1);
  const mode = runMode(config);
  const logger = createLogger(logLevel(config, mode.kind === "console"), mode.kind === "console" ? "pretty" : "json");
  const metrics = new PrometheusMetrics();
  let opened: Deps | undefined;
  // Nothing escapes unlogged; only what truly cannot continue ends the process (exit 1).
  installProcessPolicy({ logger, counter: metrics.unhandled, beforeExit: async () => opened?.storage.flushAll() });
  const deps = (opened = await createDeps({ config, logger, metrics }));

  switch (mode.kind) {
    case "console":
      return runConsole(deps);
    case "polling":
    case "webhook":
      metrics.withProcessMetrics();
      return runTelegram(deps, mode);
  }
}

/** No BOT_TOKEN: the local console chat over an in-process fake Bot API. */
async function runConsole(deps: Deps): Promise<void> {
  const api = new FakeBotApi();
  // No flood guard: the one local user may pipe a whole file of questions in at once.
  const bot = createBot({ token: "console", deps, botInfo: api.botInfo, client: { fetch: api.fetch }, flood: false });
  const userId = process.argv.includes("--admin") ? (deps.config.ADMIN_IDS[0] ?? 1) : 1;
  const chat = new ConsoleChat(bot, api, { id: userId, first_name: "Pengguna", language_code: "id" });
  await startEvents(deps, bot);
  if (process.stdin.isTTY) process.stdout.write("Sinergi — obrolan lokal. Ketik pertanyaan, /start, atau Ctrl+D untuk keluar.\n\n");
  // The reader went away (`npm start | head`): stop quietly, like any pipe filter, and still save state.
  process.stdout.on("error", (err: NodeJS.ErrnoException) => {
    if (err.code !== "EPIPE") throw err;
    chat.close();
  });
  await chat.run();
  for (const err of await deps.lifecycle.shutdown()) deps.logger.error({ err }, "shutdown step failed");
}

/** BOT_TOKEN: the Telegram bot, by long polling or (with WEBHOOK_URL) webhook, plus /healthz and /metrics. */
async function runTelegram(deps: Deps, mode: Extract<RunMode, { kind: "polling" | "webhook" }>): Promise<void> {
  const { config, logger } = deps;
  const menus = new CommandMenus(logger);
  const bot = createBot({
    token: mode.token,
    deps,
    client: config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined,
    menus,
  });
  bot.api.config.use(pauseOnQuickEmptyPoll());
  // The runner retries getUpdates on its own, silently: log each failure.
  bot.api.config.use(async (prev, method, payload, signal) => {
    try {
      return await prev(method, payload, signal);
    } catch (err) {
      if (method === "getUpdates" && !signal?.aborted) logger.warn({ err }, "getUpdates failed; retrying");
      throw err;
    }
  });
  // A signal during start-up is kept and acted on once the transport runs (then stopped cleanly).
  let early: NodeJS.Signals | undefined;
  const keep = (signal: NodeJS.Signals) => void (early ??= signal);
  process.on("SIGINT", keep);
  process.on("SIGTERM", keep);
  await initBot(bot, undefined, (err) => logger.warn({ err }, "Telegram not reachable yet; retrying"));
  await menus.setPublic(bot.api);
  await menus.showAdmins(bot.api, deps.admin.admins.list());
  await startEvents(deps, bot);
  const options = { drainTimeoutMs: DRAIN_TIMEOUT_MS };
  const running = mode.kind === "webhook" ? await startWebhook(bot, deps, mode, options) : await startPolling(bot, deps, mode, options);
  process.off("SIGINT", keep);
  process.off("SIGTERM", keep);
  stopOnSignals(deps, running);
  if (early) process.kill(process.pid, early);
}

/**
 * SIGTERM/SIGINT: stop taking updates, finish those in progress (bounded),
 * confirm them, stop the scheduler and queue, flush the stores, exit 0.
 * A second signal, or a shutdown that hangs, exits at once with code 1.
 */
function stopOnSignals(deps: Deps, running: Running): void {
  const { logger } = deps;
  let stopping = false;
  const stop = async (signal: NodeJS.Signals) => {
    if (stopping) {
      logger.warn({ signal }, "second signal: exiting without waiting");
      process.exit(1);
    }
    stopping = true;
    logger.info({ signal, in_flight: running.tracker.size }, "shutting down");
    setTimeout(() => {
      logger.error("shutdown took too long; exiting");
      process.exit(1);
    }, SHUTDOWN_TIMEOUT_MS).unref();
    try {
      await running.stop();
    } catch (err) {
      logger.error({ err }, "stopping the transport failed");
    }
    for (const err of await deps.lifecycle.shutdown()) logger.error({ err }, "shutdown step failed");
    logger.info("stopped");
    process.exit(0);
  };
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((err: unknown) => {
  let line: string;
  if (err instanceof ConfigError || err instanceof StartupError || err instanceof KnowledgeFileError || err instanceof TelegramStartupError) {
    line = err.message;
  } else if (err instanceof ZodError) {
    line = err.issues[0]?.message ?? "invalid configuration";
  } else if (err instanceof Error && /^PORT \d+ is already in use/.test(err.message)) {
    line = err.message;
  } else {
    line = err instanceof Error ? (err.stack ?? err.message) : String(err);
  }
  process.stderr.write(`Sinergi cannot start: ${redactTokens(line)}\n`);
  process.exit(1);
});
