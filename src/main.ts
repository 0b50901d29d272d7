import { run } from "@grammyjs/runner";
import { ZodError } from "zod";
import { createDeps, StartupError } from "./app.js";
import { createBot, registerCommands } from "./bot/index.js";
import { ConfigError, loadConfig } from "./config.js";
import { ConsoleChat } from "./console/chat.js";
import { FakeBotApi } from "./console/fake-api.js";
import { KnowledgeFileError } from "./knowledge/load.js";
import { createLogger } from "./logger.js";

async function main(): Promise<void> {
  const config = loadConfig();
  const consoleMode = !config.BOT_TOKEN;
  const level = consoleMode && !process.env.LOG_LEVEL ? "warn" : config.LOG_LEVEL;
  const logger = createLogger(level, consoleMode ? "pretty" : "json");
  const deps = await createDeps(config, logger);

  if (!config.BOT_TOKEN) {
    const api = new FakeBotApi();
    const bot = createBot({ token: "console", deps, botInfo: api.botInfo, client: { fetch: api.fetch } });
    const chat = new ConsoleChat(bot, api, { id: 1, first_name: "Pengguna", language_code: "id" });
    if (process.stdin.isTTY) process.stdout.write("Sinergi — obrolan lokal. Ketik pertanyaan, /start, atau Ctrl+D untuk keluar.\n\n");
    await chat.run();
    return;
  }

  const bot = createBot({
    token: config.BOT_TOKEN,
    deps,
    client: config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : undefined,
  });
  // A local emulator answers getUpdates at once, ignoring the long-poll timeout:
  // pause briefly after a quick empty answer instead of polling in a tight loop.
  bot.api.config.use(async (prev, method, payload, signal) => {
    const started = Date.now();
    const res = await prev(method, payload, signal);
    if (method === "getUpdates" && res.ok && Array.isArray(res.result) && res.result.length === 0 && Date.now() - started < 200) {
      await new Promise((r) => setTimeout(r, 200));
    }
    return res;
  });
  await bot.init();
  await registerCommands(bot, logger);
  const runner = run(bot);
  logger.info({ username: bot.botInfo.username }, "long polling started");
  const stop = async () => {
    logger.info("stopping");
    if (runner.isRunning()) await runner.stop();
    process.exit(0);
  };
  process.once("SIGINT", stop);
  process.once("SIGTERM", stop);
}

main().catch((err: unknown) => {
  if (err instanceof ConfigError || err instanceof StartupError || err instanceof KnowledgeFileError) {
    process.stderr.write(`Sinergi cannot start: ${err.message}\n`);
  } else if (err instanceof ZodError) {
    process.stderr.write(`Sinergi cannot start: ${err.issues[0]?.message}\n`);
  } else {
    process.stderr.write(`Sinergi cannot start: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`);
  }
  process.exit(1);
});
