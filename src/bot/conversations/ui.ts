import type { Conversation } from "@grammyjs/conversations";
import { type Context, InlineKeyboard } from "grammy";
import { fitText } from "../../admin/plan.js";
import type { Editor } from "../../admin/service.js";
import { MAX_RELEASE_BYTES } from "../../ingest/read-file.js";
import { translator, type Translate } from "../../i18n/translate.js";
import type { BaseContext } from "../context.js";
import { langOf } from "../i18n.js";

/** An admin conversation: its outside context has the deps, the inside one is a plain Context. */
export type AdminConversation = Conversation<BaseContext, Context>;

/** A button of a question: its label and what pressing it answers. */
export type Button = { label: string; data: string };
/** An answer: a button pressed, or a text typed. */
export type Reply = { type: "button"; data: string } | { type: "text"; text: string };
/** An answer that may also be a document (its name and getFile's path). */
export type AnyReply = Reply | { type: "document"; name: string; path: string };

/** Who is editing, for the audit trail: the user's name as Telegram gives it. */
export function editorOf(ctx: Context): Editor {
  const f = ctx.from;
  const name = [f?.first_name, f?.last_name].filter(Boolean).join(" ") || (f?.username ? `@${f.username}` : String(f?.id ?? "?"));
  return { id: f?.id ?? 0, name };
}

/**
 * Asking and waiting inside a conversation. Buttons carry the number of the
 * question they belong to, so a button pressed on an older message is not
 * taken as the answer to the current question. The counter is replay-safe:
 * it advances the same way every time the conversation is replayed.
 */
export class Ui {
  private step = 0;
  /** The admin's language (the conversation's texts), fixed when it starts. */
  readonly t: Translate;

  constructor(
    readonly conv: AdminConversation,
    readonly ctx: Context,
  ) {
    this.t = translator(langOf(ctx));
  }

  /** Sends `text` with buttons; the keyboard's data carries this question's number. */
  private async send(text: string, buttons: Button[][]): Promise<string> {
    const prefix = `c${++this.step}:`;
    const kb = new InlineKeyboard();
    for (const row of buttons) {
      for (const b of row) kb.text(b.label.slice(0, 64), `${prefix}${b.data}`.slice(0, 64));
      kb.row();
    }
    await this.ctx.reply(fitText(text), buttons.length ? { reply_markup: kb } : {});
    return prefix;
  }

  /** A button of this question (its data), or a stale one (told so), or no button at all (undefined). */
  private async pressed(u: Context, prefix: string): Promise<string | null | undefined> {
    const data = u.callbackQuery?.data;
    if (data === undefined) return undefined;
    if (data.startsWith(prefix)) {
      await u.answerCallbackQuery();
      await u.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => undefined);
      return data.slice(prefix.length);
    }
    await u.answerCallbackQuery({ text: this.t("admin-stale-button") });
    return null;
  }

  /** Sends `text` with buttons and waits for a button or a text message (other commands are refused). */
  async ask(text: string, buttons: Button[][] = []): Promise<Reply> {
    const prefix = await this.send(text, buttons);
    for (;;) {
      const u = await this.conv.wait();
      const data = await this.pressed(u, prefix);
      if (data === null) continue;
      if (data !== undefined) return { type: "button", data };
      const txt = u.message?.text;
      if (txt === undefined) {
        await u.reply(this.t("admin-expect-text"));
        continue;
      }
      if (txt.startsWith("/")) {
        await u.reply(this.t("admin-in-conversation"));
        continue;
      }
      return { type: "text", text: txt.trim() };
    }
  }

  /** Like `ask`, but also takes a document, and the text or caption of a forwarded post. */
  async askAny(text: string, buttons: Button[][] = []): Promise<AnyReply> {
    const prefix = await this.send(text, buttons);
    for (;;) {
      const u = await this.conv.wait();
      const data = await this.pressed(u, prefix);
      if (data === null) continue;
      if (data !== undefined) return { type: "button", data };
      const doc = u.message?.document;
      if (doc) {
        if ((doc.file_size ?? 0) > MAX_RELEASE_BYTES) {
          await u.reply(this.t("rilis-too-big", { max: "1 MB" }));
          continue;
        }
        const file = await u.getFile();
        return { type: "document", name: doc.file_name ?? "rilis.txt", path: file.file_path ?? "" };
      }
      const txt = u.message?.text ?? u.message?.caption;
      if (txt === undefined) {
        await u.reply(this.t("rilis-expect"));
        continue;
      }
      if (txt.startsWith("/")) {
        await u.reply(this.t("admin-in-conversation"));
        continue;
      }
      return { type: "text", text: txt.trim() };
    }
  }

  /** Sends a text (cut to fit one message). */
  async say(text: string): Promise<void> {
    await this.ctx.reply(fitText(text));
  }
}
