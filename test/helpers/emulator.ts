/**
 * The Bot API emulator `telegram-test-api` on 127.0.0.1, and what tests read
 * from it: the bot's messages to a chat and their inline buttons.
 */
import { TelegramServer, type StoredBotUpdate } from "telegram-test-api/lib/telegramServer.js";
import { pauseOnQuickEmptyPoll } from "../../src/bot/poll-backoff.js";
import { makeBot, type MakeBotOptions, type TestBot } from "./bot.js";

export { TelegramServer, type StoredBotUpdate };

/** One inline button as the emulator stores it. */
export interface StoredButton {
  text: string;
  callback_data?: string;
}

/** Starts the emulator on 127.0.0.1:`port`. */
export async function startEmulator(port: number): Promise<TelegramServer> {
  const server = new TelegramServer({ port, host: "127.0.0.1", storeTimeout: 600 });
  await server.start();
  return server;
}

/** Messages the bot sent to `chatId`, oldest first. */
export function botMessages(server: TelegramServer, chatId: number): StoredBotUpdate[] {
  return server.storage.botMessages.filter((m) => Number(m.message.chat_id) === chatId);
}

/** The inline buttons of a stored bot message, row after row. */
export function storedButtons(m: StoredBotUpdate): StoredButton[] {
  return ((m.message.reply_markup as { inline_keyboard?: StoredButton[][] } | undefined)?.inline_keyboard ?? []).flat();
}

/**
 * Sinergi in this process (built by `makeBot`), long polling the emulator on
 * `port`. `beforeStart` runs after `bot.init()`, before polling starts; stop
 * it with `bot.stop()` and `stop()`.
 */
export async function pollEmulator(port: number, token: string, opts: MakeBotOptions = {}, beforeStart?: (t: TestBot) => Promise<void>): Promise<TestBot> {
  const t = await makeBot({ ...opts, token, apiRoot: `http://127.0.0.1:${port}` });
  t.bot.api.config.use(pauseOnQuickEmptyPoll(50));
  await t.bot.init();
  await beforeStart?.(t);
  void t.bot.start({ drop_pending_updates: false });
  return t;
}
