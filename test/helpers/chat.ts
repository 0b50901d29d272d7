/**
 * Talking to a test bot as its users: private messages, commands, button
 * presses and documents from a given user id, and what the bot sent back to
 * that chat. Built on `makeBot` and the update factories.
 *
 * @example
 *   const h = await TestChat.open();
 *   await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
 *   await h.press(OWNER, "Simpan");
 *   expect(h.last(OWNER)).toContain("Tersimpan");
 */
import type { Update, User } from "grammy/types";
import { command, documentUpdate, callbackQuery, privateText, user } from "./factories.js";
import { makeBot, tempDir, type MakeBotOptions, type TestBot } from "./bot.js";

/** The owner and a second admin of the admin suites' bots; 999 is a plain user. */
export const OWNER = 100;
export const ADMIN2 = 200;
export const USER = 999;

/** The admin suites' fixed clock: Thursday 1 May 2025, 10:00 WIB. */
export const NOW = new Date("2025-05-01T03:00:00Z");

/** Names the audit trail shows for the users above. */
const NAMES: Record<number, string> = { [OWNER]: "Owner", [ADMIN2]: "Admin Dua" };

type Button = { text: string; callback_data?: string };

/** Options of `TestChat.open`: those of `makeBot`, plus who the admins are. */
export interface TestChatOptions extends MakeBotOptions {
  /** ADMIN_IDS (default the owner and the second admin; "" for none). */
  admins?: string;
}

/** A bot with helpers to act as its users (see the example above). */
export class TestChat {
  /** Bytes the downloader returns for the next document (set by `sendDocument`). */
  fileContent: Uint8Array = new Uint8Array();

  private constructor(private readonly t: TestBot) {}

  /**
   * A bot on `opts.dataDir` (default a fresh one), clock at NOW, with the
   * admins OWNER and ADMIN2. Documents are not fetched from Telegram: the
   * bot gets the bytes of the latest `sendDocument`.
   */
  static async open(opts: TestChatOptions = {}): Promise<TestChat> {
    const { admins = `${OWNER},${ADMIN2}`, ...rest } = opts;
    let chat: TestChat | undefined;
    const download = async () => chat?.fileContent ?? new Uint8Array();
    chat = new TestChat(await makeBot({ now: NOW, download, ...rest, dataDir: rest.dataDir ?? tempDir("sinergi-admin-"), env: { ADMIN_IDS: admins, ...rest.env } }));
    return chat;
  }

  get bot() {
    return this.t.bot;
  }
  get api() {
    return this.t.api;
  }
  get deps() {
    return this.t.deps;
  }
  get dataDir() {
    return this.t.dataDir;
  }
  get menus() {
    return this.t.menus;
  }

  /** The user `id` as Telegram describes them (Indonesian app). */
  user(id: number): User {
    return user(id, "id", NAMES[id] ?? "Warga");
  }

  /** A private text (a command when it starts with "/") from `from`. */
  async send(from: number, text: string): Promise<void> {
    const opts = { from: this.user(from), date: NOW };
    await this.handle(text.startsWith("/") ? command(text, opts) : privateText(text, opts));
  }

  /** Uploads a document as `from`; the downloader returns `content`. */
  async sendDocument(from: number, name: string, content: string | Uint8Array, size?: number): Promise<void> {
    this.fileContent = typeof content === "string" ? new TextEncoder().encode(content) : content;
    await this.handle(documentUpdate(name, size ?? this.fileContent.byteLength, { from: this.user(from), date: NOW }));
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

  /** Sends a callback query with raw data (e.g. an old or forged button). */
  async pressData(from: number, data: string): Promise<void> {
    await this.handle(callbackQuery(data, { from: this.user(from), messageId: 1 }));
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

  /** The latest text sent to `chat`, or "". */
  last(chat: number): string {
    return this.texts(chat).at(-1) ?? "";
  }

  /** Sends and returns the texts the bot sent in reply (joined by "\n---\n"). */
  async say(from: number, text: string): Promise<string> {
    const before = this.texts(from).length;
    await this.send(from, text);
    return this.texts(from).slice(before).join("\n---\n");
  }

  /** The answer to a question, straight from the answerer (at NOW). */
  ask(question: string) {
    return this.deps.answerer.answer(question, { now: NOW });
  }
}
