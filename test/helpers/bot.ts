/**
 * The whole Sinergi bot, offline, for tests: real deps on a fresh temporary
 * DATA_DIR (knowledge, answerer, unanswered log, admin, events), a silent
 * logger, and the in-process FakeBotApi recording every outgoing call.
 *
 * @example
 *   const { bot, api } = await makeBot();
 *   await bot.handleUpdate(privateText("brp nilai kerjasama jatim kaltim 2023"));
 *   expect(api.last("sendMessage")?.text).toContain("Rp165,7 miliar");
 */
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { createDeps } from "../../src/app.js";
import type { BotContext, Deps } from "../../src/bot/context.js";
import { createBot, type CreateBotOptions } from "../../src/bot/index.js";
import type { FloodOptions } from "../../src/bot/middleware/flood.js";
import { loadConfig } from "../../src/config.js";
import { FakeBotApi } from "../../src/console/fake-api.js";
import { createLogger } from "../../src/logger.js";

/** Options of `makeBot`; all optional. */
export interface MakeBotOptions {
  /** Extra environment for `loadConfig` (e.g. `{ ADMIN_IDS: "100" }`); DATA_DIR and LOG_LEVEL are set for you. */
  env?: Record<string, string>;
  /** DATA_DIR to use (e.g. to reopen one); default a fresh temporary folder. */
  dataDir?: string;
  /** Fixed clock for `deps.now` (answers, unanswered log, events). Default: the real clock. */
  now?: Date;
  /**
   * Flood guard settings. Default: a limit so high it never triggers, since
   * tests send bursts; pass `{}` for the production defaults.
   */
  flood?: Partial<FloodOptions>;
  /** The bot's identity; default OFFLINE_BOT (@sinergi_bot). */
  botInfo?: UserFromGetMe;
  /** Inline query debounce settings (tests shorten them). */
  inline?: CreateBotOptions["inline"];
}

/** What `makeBot` returns. */
export interface TestBot {
  bot: Bot<BotContext>;
  /** Records every Bot API call; set `api.respond` to make calls fail. */
  api: FakeBotApi;
  deps: Deps;
  dataDir: string;
}

/** A fresh temporary folder, e.g. for DATA_DIR. */
export function tempDir(prefix = "sinergi-test-"): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

/** Builds the whole bot over FakeBotApi with deps on a temporary DATA_DIR. */
export async function makeBot(opts: MakeBotOptions = {}): Promise<TestBot> {
  const dataDir = opts.dataDir ?? tempDir();
  const config = loadConfig({ ...opts.env, DATA_DIR: dataDir, LOG_LEVEL: "silent" });
  const deps = await createDeps(config, createLogger("silent", "json"));
  if (opts.now) {
    const now = opts.now;
    deps.now = () => now;
  }
  const api = new FakeBotApi(opts.botInfo);
  const bot = createBot({
    token: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef",
    deps,
    botInfo: api.botInfo,
    client: { fetch: api.fetch },
    flood: opts.flood ?? { limit: Number.MAX_SAFE_INTEGER },
    inline: opts.inline,
  });
  return { bot, api, deps, dataDir };
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
