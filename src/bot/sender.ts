import { GrammyError, HttpError, type Api } from "grammy";
import type { OutgoingMessage, SendOutcome, Sender } from "../events/queue.js";

/** Sorts a Bot API failure into what the delivery queue does about it. */
export function classify(err: unknown): SendOutcome {
  if (err instanceof GrammyError) {
    if (err.error_code === 429) return { ok: false, kind: "retry_after", seconds: err.parameters.retry_after ?? 1 };
    if (err.error_code === 403) return { ok: false, kind: "blocked", description: err.description };
    if (err.error_code >= 500) return { ok: false, kind: "transient", description: err.description };
    return { ok: false, kind: "permanent", description: err.description };
  }
  if (err instanceof HttpError) return { ok: false, kind: "transient", description: String(err.error ?? err.message) };
  return { ok: false, kind: "transient", description: err instanceof Error ? err.message : String(err) };
}

/** The delivery queue's transport over a grammY Api (plain text, inline keyboards). */
export function telegramSender(api: Api): Sender {
  return {
    async send(chatId: number, message: OutgoingMessage): Promise<SendOutcome> {
      try {
        await api.sendMessage(chatId, message.text, message.reply_markup ? { reply_markup: message.reply_markup } : {});
        return { ok: true };
      } catch (err) {
        return classify(err);
      }
    },
    async edit(chatId: number, messageId: number, text: string): Promise<SendOutcome> {
      try {
        await api.editMessageText(chatId, messageId, text);
        return { ok: true };
      } catch (err) {
        // "message is not modified" and the like are harmless for a progress line
        return classify(err);
      }
    },
  };
}
