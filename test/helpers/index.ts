/**
 * The test kit, one way to do each thing: `makeBot` builds the whole bot on a
 * temporary DATA_DIR with a recording fake Bot API and a log sink;
 * `TestChat` talks to it as its users; the factories build every update;
 * `FakeTelegram` is the Bot API over HTTP for the real process (`BotProcess`,
 * `LiveBot`) and the delivery queue; `emulator.ts` drives telegram-test-api.
 */
export * from "./factories.js";
export * from "./bot.js";
export * from "./chat.js";
export * from "./log.js";
export * from "./telegram-server.js";
export * from "./bot-process.js";
export * from "./live-bot.js";
export * from "./process.js";
export * from "./wait.js";
