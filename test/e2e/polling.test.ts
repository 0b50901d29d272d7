/**
 * End to end: `npm start` with BOT_TOKEN does long polling (through
 * @grammyjs/runner) against telegram-test-api on 127.0.0.1, as a real user
 * would see it: /start, a button press, free text, a group; then SIGTERM.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { botMessages as messagesTo, storedButtons, TelegramServer, type StoredBotUpdate } from "../helpers/emulator.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { childEnv, ROOT, sleep, tempDir, waitFor as waitUntil } from "../helpers/index.js";

const API_PORT = 9100;
const HEALTH_PORT = 9101;
const TOKEN = "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZabcdef";
/** The emulator's getMe answers with this username. */
const BOT_USERNAME = "TestNameBot";

let server: TelegramServer;
let bot: ChildProcess;
let output = "";
let getUpdatesCalls = 0;

/** Waits for `check`, showing the bot's latest output when it times out. */
const waitFor = <T>(what: string, check: () => T | undefined | false, ms = 20_000) => waitUntil(what, check, ms, () => `bot output:\n${output.slice(-3000)}`);

/** Messages the bot sent to `chatId`, oldest first. */
const botMessages = (chatId: number): StoredBotUpdate[] => messagesTo(server, chatId);

/** Waits for the bot's `n`-th message to `chatId` and returns it. */
const nthMessage = (chatId: number, n: number) => waitFor(`bot message #${n} to ${chatId}`, () => botMessages(chatId)[n - 1]);

beforeAll(async () => {
  server = new TelegramServer({ port: API_PORT, host: "127.0.0.1", storeTimeout: 600 });
  // Count the bot's getUpdates calls, to prove it does not poll the (instant) emulator in a tight loop.
  const getUpdates = server.getUpdates.bind(server);
  server.getUpdates = (token: string) => {
    getUpdatesCalls++;
    return getUpdates(token);
  };
  await server.start();
  bot = spawn("npm", ["start"], {
    cwd: ROOT,
    env: childEnv({ BOT_TOKEN: TOKEN, TELEGRAM_API_ROOT: `http://127.0.0.1:${API_PORT}`, DATA_DIR: tempDir("sinergi-e2e-"), PORT: String(HEALTH_PORT), LOG_LEVEL: "info" }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  bot.stdout!.setEncoding("utf8").on("data", (d: string) => (output += d));
  bot.stderr!.setEncoding("utf8").on("data", (d: string) => (output += d));
  await waitFor("long polling to start", () => output.includes("long polling started"), 45_000);
}, 60_000);

afterAll(async () => {
  if (bot && bot.exitCode === null && bot.signalCode === null) bot.kill("SIGKILL");
  await server?.stop();
});

describe("npm start with BOT_TOKEN (long polling against telegram-test-api)", () => {
  it("starts although setMyCommands answers 500, logging a warning", () => {
    expect(output).toMatch(/"msg":"setMyCommands failed; continuing without a command menu"/);
    expect(output).not.toMatch(/Sinergi cannot start/);
  });

  it("does not poll the instant emulator in a tight loop", async () => {
    const before = getUpdatesCalls;
    await sleep(1000);
    const perSecond = getUpdatesCalls - before;
    expect(perSecond).toBeGreaterThan(0);
    expect(perSecond).toBeLessThan(20);
  });

  it("/start: welcome with three example buttons; pressing one answers it", async () => {
    const client = server.getClient(TOKEN, { userId: 5001, chatId: 5001, firstName: "Budi", type: "private" });
    await client.sendCommand(client.makeCommand("/start"));
    const welcome = await nthMessage(5001, 1);
    expect(welcome.message.text).toContain("Selamat datang di Sinergi, Budi!");
    const buttons = storedButtons(welcome);
    expect(buttons).toHaveLength(3);
    expect(buttons[0]!.text).toBe("Berapa nilai kerja sama Jatim–Kaltim tahun 2023?");

    await client.sendCallback(client.makeCallbackQuery(buttons[0]!.callback_data!, { message: { message_id: welcome.messageId } }));
    const answer = await nthMessage(5001, 2);
    expect(answer.message.text).toContain("Rp165,7 miliar");
    expect(answer.message.text).toMatch(/Sumber: .*8 Mei 2025/);
  });

  it("answers free text in a private chat, with the source and follow-up buttons", async () => {
    const client = server.getClient(TOKEN, { userId: 5002, chatId: 5002, type: "private" });
    await client.sendMessage(client.makeMessage("brp nilai kerjasama jatim kaltim th 2023?"));
    const answer = await nthMessage(5002, 1);
    expect(answer.message.text).toContain("Rp165,7 miliar");
    expect(answer.message.text).toContain("Sumber:");
    expect(answer.message).not.toHaveProperty("parse_mode");
    expect(storedButtons(answer).length).toBeGreaterThan(0);

    // The client side of the emulator sees the same reply.
    const seen = await client.getUpdatesHistory();
    expect(seen.some((u) => "message" in u && (u.message as { text?: string }).text?.includes("Rp165,7 miliar"))).toBe(true);
  });

  it("in a group: ignores chatter, answers /tanya and a mention", async () => {
    const chatId = -1005003;
    const client = server.getClient(TOKEN, { userId: 5003, chatId, type: "group", chatTitle: "Grup Uji" });
    await client.sendMessage(client.makeMessage("siapa wagub kaltim?"));
    await client.sendCommand(client.makeCommand("/tanya siapa wagub kaltim?"));
    const first = await nthMessage(chatId, 1);
    expect(first.message.text).toContain("Seno Aji");
    await client.sendMessage(client.makeMessage(`@${BOT_USERNAME} apa itu dpmptsp`));
    const second = await nthMessage(chatId, 2);
    expect(second.message.text).toContain("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu");
    await sleep(500);
    expect(botMessages(chatId)).toHaveLength(2);
  });

  it("stops cleanly on SIGTERM (exit code 0)", async () => {
    const exited = new Promise<[number | null, NodeJS.Signals | null]>((resolve) => bot.once("exit", (code, signal) => resolve([code, signal])));
    bot.kill("SIGTERM");
    const [code, signal] = await Promise.race([exited, sleep(20_000).then(() => [null, null] as [null, null])]);
    expect(signal).toBeNull();
    expect(code).toBe(0);
    expect(output).toMatch(/"msg":"stopped"/);
  });
});
