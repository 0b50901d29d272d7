import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Bot } from "grammy";
import type { Update } from "grammy/types";
import { createDeps } from "../../src/app.js";
import type { BotContext, Deps } from "../../src/bot/context.js";
import { createBot } from "../../src/bot/index.js";
import { loadConfig } from "../../src/config.js";
import { FakeBotApi } from "../../src/console/fake-api.js";
import { createLogger } from "../../src/logger.js";

/** The owner and a second admin of every test bot; 999 is a plain user. */
export const OWNER = 100;
export const ADMIN2 = 200;
export const USER = 999;

/** A fixed clock: Thursday 1 May 2025, 10:00 WIB. */
export const NOW = new Date("2025-05-01T03:00:00Z");

export function tempDir(): string {
  return mkdtempSync(join(tmpdir(), "sinergi-admin-"));
}

type Button = { text: string; callback_data?: string };

/**
 * A whole bot on a DATA_DIR over the in-process FakeBotApi, with helpers to
 * send messages, press buttons and upload documents as a given user.
 */
export class AdminHarness {
  private updateId = 1;
  private messageId = 1;
  /** Bytes the fake downloader returns for /impor (tests set it). */
  fileContent: Uint8Array = new Uint8Array();

  private constructor(
    readonly dataDir: string,
    readonly deps: Deps,
    readonly api: FakeBotApi,
    readonly bot: Bot<BotContext>,
  ) {
    deps.admin.download = async () => this.fileContent;
  }

  static async open(dataDir = tempDir(), adminIds = `${OWNER},${ADMIN2}`): Promise<AdminHarness> {
    const config = loadConfig({ DATA_DIR: dataDir, ADMIN_IDS: adminIds, LOG_LEVEL: "silent" });
    const deps = await createDeps(config, createLogger("silent", "json"));
    deps.now = () => NOW;
    const api = new FakeBotApi();
    // Generous flood limits: the tests send bursts on purpose.
    const bot = createBot({ token: "123456:test-token-abcdefghijklmnopqrstuvwxyz", deps, botInfo: api.botInfo, client: { fetch: api.fetch }, flood: { limit: 10_000 } });
    return new AdminHarness(dataDir, deps, api, bot);
  }

  private user(id: number) {
    return { id, is_bot: false as const, first_name: id === OWNER ? "Owner" : id === ADMIN2 ? "Admin Dua" : "Warga", language_code: "id" };
  }

  /** A private text message from `from`. */
  async send(from: number, text: string): Promise<void> {
    const cmd = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    await this.handle({
      update_id: this.updateId++,
      message: { message_id: this.messageId++, date: Math.floor(NOW.getTime() / 1000), chat: { id: from, type: "private", first_name: "x" }, from: this.user(from), text, ...(cmd ? { entities: cmd } : {}) },
    });
  }

  /** Uploads a document as `from`; the downloader returns `content`. */
  async sendDocument(from: number, name: string, content: string | Uint8Array, size?: number): Promise<void> {
    this.fileContent = typeof content === "string" ? new TextEncoder().encode(content) : content;
    await this.handle({
      update_id: this.updateId++,
      message: {
        message_id: this.messageId++,
        date: Math.floor(NOW.getTime() / 1000),
        chat: { id: from, type: "private", first_name: "x" },
        from: this.user(from),
        document: { file_id: `f${this.updateId}`, file_unique_id: `u${this.updateId}`, file_name: name, file_size: size ?? this.fileContent.byteLength },
      },
    });
  }

  /** Buttons of the latest message to `chat` that had any. */
  buttons(chat: number): Button[] {
    for (let i = this.api.calls.length - 1; i >= 0; i--) {
      const c = this.api.calls[i]!;
      if (Number(c.payload.chat_id) !== chat) continue;
      const kb = (c.payload.reply_markup as { inline_keyboard?: Button[][] } | undefined)?.inline_keyboard;
      if (kb && (c.method === "sendMessage" || c.method === "editMessageText")) return kb.flat();
    }
    return [];
  }

  /** Presses the button whose label contains `label` on the latest keyboard sent to `from`. */
  async press(from: number, label: string | RegExp): Promise<void> {
    const b = this.buttons(from).find((x) => (typeof label === "string" ? x.text.includes(label) : label.test(x.text)));
    if (!b?.callback_data) throw new Error(`no button "${String(label)}" in ${JSON.stringify(this.buttons(from).map((x) => x.text))}`);
    await this.pressData(from, b.callback_data);
  }

  /** Sends a callback query with raw data (e.g. an old button). */
  async pressData(from: number, data: string): Promise<void> {
    await this.handle({
      update_id: this.updateId++,
      callback_query: {
        id: String(this.updateId),
        chat_instance: "t",
        from: this.user(from),
        message: { message_id: 1, date: 0, chat: { id: from, type: "private", first_name: "x" }, from: this.api.botInfo, text: "" },
        data,
      },
    });
  }

  private async handle(u: Update): Promise<void> {
    await this.bot.handleUpdate(u);
  }

  /** Texts sent to `chat` (sendMessage/editMessageText), oldest first. */
  texts(chat: number): string[] {
    return this.api.calls
      .filter((c) => (c.method === "sendMessage" || c.method === "editMessageText") && Number(c.payload.chat_id) === chat)
      .map((c) => String(c.payload.text));
  }

  last(chat: number): string {
    return this.texts(chat).at(-1) ?? "";
  }

  /** Sends and returns the texts the bot sent in reply. */
  async say(from: number, text: string): Promise<string> {
    const before = this.texts(from).length;
    await this.send(from, text);
    return this.texts(from).slice(before).join("\n---\n");
  }

  ask(question: string) {
    return this.deps.answerer.answer(question, { now: NOW });
  }
}
