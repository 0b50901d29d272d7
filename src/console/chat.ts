import { createInterface } from "node:readline";
import type { Update } from "grammy/types";
import type { Bot } from "grammy";
import type { BotContext } from "../bot/context.js";
import { languageOf, translator } from "../i18n/translate.js";
import { FakeBotApi, type OutgoingCall } from "./fake-api.js";

type Button = { text: string; callback_data?: string; url?: string; switch_inline_query_current_chat?: string };

/** The local user of the console chat. */
export interface ConsoleUser {
  id: number;
  first_name: string;
  language_code?: string;
}

/**
 * Console transport: each input line is a private message from one local
 * user, replies are printed as plain text, and buttons as a numbered list that
 * the user answers with the number. The bot is the same one Telegram gets.
 */
export class ConsoleChat {
  private buttons: Button[] = [];
  private lastMessageId = 0;
  private updateId = 1;
  private messageId = 1;

  constructor(
    private readonly bot: Bot<BotContext>,
    private readonly api: FakeBotApi,
    private readonly user: ConsoleUser,
    private readonly out: (line: string) => void = (l) => process.stdout.write(`${l}\n`),
  ) {
    api.onCall = (call, result) => this.print(call, result);
  }

  /** Handles one line typed by the user. */
  async send(line: string): Promise<void> {
    const text = line.trim();
    if (!text) return;
    const n = /^\d{1,2}$/.test(text) ? Number(text) : NaN;
    const button = this.buttons[n - 1];
    if (!Number.isNaN(n) && !button && this.buttons.length) {
      // A number beside the list is a slip, not a question: say so instead of asking the bot.
      const t = translator(languageOf(this.user.language_code));
      this.out(t("console-no-button", { n, max: this.buttons.length }));
      this.out("");
    } else if (button?.callback_data) {
      await this.bot.handleUpdate(this.callbackUpdate(button.callback_data));
    } else if (button?.switch_inline_query_current_chat !== undefined) {
      await this.bot.handleUpdate(this.messageUpdate(button.switch_inline_query_current_chat));
    } else if (button?.url) {
      this.out(button.url);
    } else {
      await this.bot.handleUpdate(this.messageUpdate(text));
    }
  }

  /** Reads lines until end of input, handling them one at a time. */
  async run(input: NodeJS.ReadableStream = process.stdin): Promise<void> {
    const rl = createInterface({ input, terminal: false });
    this.rl = rl;
    for await (const line of rl) {
      if (this.closed) break;
      await this.send(line);
    }
  }

  /** Stops reading (e.g. nobody reads the output any more); `run` then returns. */
  close(): void {
    this.closed = true;
    this.rl?.close();
  }

  private rl: ReturnType<typeof createInterface> | undefined;
  private closed = false;

  private messageUpdate(text: string): Update {
    const entities = text.startsWith("/") ? [{ type: "bot_command" as const, offset: 0, length: text.split(/\s/)[0]!.length }] : undefined;
    return {
      update_id: this.updateId++,
      message: {
        message_id: this.messageId++,
        date: Math.floor(Date.now() / 1000),
        chat: { id: this.user.id, type: "private", first_name: this.user.first_name },
        from: { id: this.user.id, is_bot: false, first_name: this.user.first_name, language_code: this.user.language_code },
        text,
        ...(entities ? { entities } : {}),
      },
    };
  }

  private callbackUpdate(data: string): Update {
    return {
      update_id: this.updateId++,
      callback_query: {
        id: String(this.updateId),
        chat_instance: "console",
        from: { id: this.user.id, is_bot: false, first_name: this.user.first_name, language_code: this.user.language_code },
        message: {
          message_id: this.lastMessageId,
          date: Math.floor(Date.now() / 1000),
          chat: { id: this.user.id, type: "private", first_name: this.user.first_name },
          from: this.api.botInfo,
          text: "",
        },
        data,
      },
    };
  }

  private print({ method, payload }: OutgoingCall, result: unknown): void {
    const markup = payload.reply_markup as { inline_keyboard?: Button[][] } | undefined;
    switch (method) {
      case "sendMessage":
      case "editMessageText": {
        this.lastMessageId = (result as { message_id: number }).message_id;
        this.out(`${method === "editMessageText" ? "(diperbarui) " : ""}${String(payload.text)}`);
        break;
      }
      case "editMessageReplyMarkup":
        break;
      case "sendDocument": {
        const doc = payload.document as { filename?: string; content?: string } | string;
        const name = typeof doc === "object" ? doc.filename : String(doc);
        this.out(`[dokumen: ${name}]${payload.caption ? ` ${String(payload.caption)}` : ""}`);
        break;
      }
      case "sendVenue":
        this.out(`[lokasi: ${String(payload.title)}, ${String(payload.address)} (${String(payload.latitude)}, ${String(payload.longitude)})]`);
        break;
      case "answerCallbackQuery":
        if (payload.text) this.out(String(payload.text));
        return;
      default:
        return;
    }
    if (markup?.inline_keyboard) {
      this.buttons = markup.inline_keyboard.flat();
      this.buttons.forEach((b, i) => this.out(`  [${i + 1}] ${b.text}`));
    } else if (method === "sendMessage") {
      this.buttons = [];
    }
    this.out("");
  }
}
