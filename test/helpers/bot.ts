/**
 * The whole Sinergi bot for tests, built one way: real deps on a temporary
 * DATA_DIR (knowledge, answerer, unanswered log, admin, events), a logger
 * writing into a `LogSink`, and the in-process FakeBotApi recording every
 * outgoing call (or, with `apiRoot`, a Bot API over HTTP such as the
 * telegram-test-api emulator).
 *
 * @example
 *   const { bot, api } = await makeBot();
 *   await bot.handleUpdate(privateText("brp nilai kerjasama jatim kaltim 2023"));
 *   expect(api.last("sendMessage")?.text).toContain("Rp165,7 miliar");
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createDeps, type Deps } from "../../src/app/index.js";
import type { BotContext } from "../../src/bot/context.js";
import { startEvents } from "../../src/bot/features/events.js";
import { CommandMenus } from "../../src/bot/commands.js";
import { createBot, type CreateBotOptions } from "../../src/bot/index.js";
import type { FloodOptions } from "../../src/bot/middleware/flood.js";
import { loadConfig } from "../../src/config.js";
import { FakeBotApi } from "../../src/console/fake-api.js";
import { createLogger } from "../../src/logger.js";
import { PrometheusMetrics } from "../../src/server/metrics.js";
import { LogSink } from "./log.js";

/** A token the configuration accepts; tests never reach Telegram with it. */
export const TEST_TOKEN = "123456:test-token-abcdefghijklmnopqrstuvwxyz";

/** Options of `makeBot`; all optional. */
export interface MakeBotOptions {
  /** Extra environment for `loadConfig` (e.g. `{ ADMIN_IDS: "100" }`); DATA_DIR and LOG_LEVEL are set for you. */
  env?: Record<string, string>;
  /** DATA_DIR to use (e.g. to reopen one); default a fresh temporary folder. */
  dataDir?: string;
  /** The clock for `deps.now` (answers, unanswered log, events): a fixed date, or a function read at each use. Default: the real clock. */
  now?: Date | (() => Date);
  /**
   * Flood guard settings. Default: a limit so high it never triggers, since
   * tests send bursts; pass `{}` for the production defaults.
   */
  flood?: Partial<FloodOptions>;
  /** The bot's identity; default OFFLINE_BOT (@sinergi_bot). */
  botInfo?: UserFromGetMe;
  /** Inline query debounce settings (tests shorten them). */
  inline?: CreateBotOptions["inline"];
  /** Log level of `deps.logger` (default "silent"); the lines go to `log`. */
  logLevel?: string;
  /** The bot's token (default TEST_TOKEN). */
  token?: string;
  /** Wraps the fake Bot API's fetch, e.g. to make some calls fail on the network. */
  fetch?: (fake: typeof fetch) => typeof fetch;
  /** Talk to a Bot API over HTTP at this root (an emulator) instead of the in-process fake. */
  apiRoot?: string;
  /** Start announcements and reminders (delivery queue, reminder clock) on the bot's Api. */
  events?: boolean;
  /** How the bot fetches documents users send (default: from the Bot API). */
  download?: CreateBotOptions["download"];
}

/** What `makeBot` returns. */
export interface TestBot {
  bot: Bot<BotContext>;
  /** Records every Bot API call; set `api.respond` to make calls fail. */
  api: FakeBotApi;
  deps: Deps;
  dataDir: string;
  /** Everything `deps.logger` wrote (at `logLevel`). */
  log: LogSink;
  /** The bot's command menus (set them as start-up does with `setPublic` and `showAdmins`). */
  menus: CommandMenus;
  /** Runs the shutdown steps (scheduler, queue, stores). */
  stop(): Promise<void>;
}

/** A fresh temporary folder, e.g. for DATA_DIR. */
export function tempDir(prefix = "sinergi-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds the whole bot over FakeBotApi (or `apiRoot`) with deps on a temporary DATA_DIR. */
export async function makeBot(opts: MakeBotOptions = {}): Promise<TestBot> {
  const dataDir = opts.dataDir ?? tempDir();
  const level = opts.logLevel ?? "silent";
  const config = loadConfig({ ...opts.env, DATA_DIR: dataDir, LOG_LEVEL: level });
  const log = new LogSink();
  const deps = await createDeps({ config, logger: createLogger(level, "json", log), metrics: new PrometheusMetrics() });
  if (opts.now) {
    const now = opts.now;
    deps.now = typeof now === "function" ? now : () => now;
  }
  const api = new FakeBotApi(opts.botInfo);
  const client: CreateBotOptions["client"] = opts.apiRoot ? { apiRoot: opts.apiRoot } : { fetch: opts.fetch ? opts.fetch(api.fetch) : api.fetch };
  const menus = new CommandMenus(deps.logger);
  const bot = createBot({
    menus,
    token: opts.token ?? TEST_TOKEN,
    deps,
    botInfo: opts.apiRoot ? undefined : api.botInfo,
    client,
    flood: opts.flood ?? { limit: Number.MAX_SAFE_INTEGER },
    inline: opts.inline,
    download: opts.download,
  });
  if (opts.events) await startEvents(deps, bot);
  return {
    bot,
    api,
    deps,
    dataDir,
    log,
    menus,
    stop: async () => {
      await deps.lifecycle.shutdown();
    },
  };
}

/** A bare grammY bot over the fake Bot API, without Sinergi's features: to test one reply helper on its own. */
export function bareBot(): { bot: Bot<BotContext>; api: FakeBotApi } {
  const api = new FakeBotApi();
  return { bot: new Bot<BotContext>(TEST_TOKEN, { botInfo: api.botInfo, client: { fetch: api.fetch } }), api };
}

/** Texts the bot sent (sendMessage), optionally only to one chat, oldest first. */
export function sentTexts(api: FakeBotApi, chatId?: number): string[] {
  return api
    .sent("sendMessage")
    .filter((p) => chatId === undefined || Number(p.chat_id) === chatId)
    .map((p) => String(p.text));
}

/** One inline keyboard button as sent (the fields Sinergi uses). */
export interface SentButton {
  text: string;
  callback_data?: string;
  switch_inline_query_current_chat?: string;
  url?: string;
}

/** The inline keyboard buttons of one outgoing call's payload (flattened), or []. */
export function buttonsOf(payload: Record<string, unknown> | undefined): SentButton[] {
  const markup = payload?.reply_markup as { inline_keyboard?: SentButton[][] } | undefined;
  return markup?.inline_keyboard?.flat() ?? [];
}
