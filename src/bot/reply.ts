import { InlineKeyboard } from "grammy";
import type { Answer, Answerer, Prompt } from "../answers/index.js";
import { KINDS } from "../knowledge/kinds/index.js";
import { askData } from "./callback-data.js";
import type { BotContext } from "./context.js";

/** Telegram's limit for one text message. */
export const MAX_MESSAGE = 4096;

/**
 * Splits text into chunks of at most `max` characters, at paragraph breaks,
 * then line breaks, then spaces, so no word is cut unless it alone is too long.
 */
export function splitMessage(text: string, max = MAX_MESSAGE): string[] {
  const chunks: string[] = [];
  let rest = text;
  while (rest.length > max) {
    const window = rest.slice(0, max);
    let cut = Math.max(window.lastIndexOf("\n\n"), -1);
    if (cut < max / 2) cut = window.lastIndexOf("\n");
    if (cut < max / 2) cut = window.lastIndexOf(" ");
    if (cut <= 0) cut = max;
    // Never cut an emoji (a surrogate pair) in half.
    if (cut === max && /[\uD800-\uDBFF]/.test(rest.charAt(cut - 1))) cut -= 1;
    chunks.push(rest.slice(0, cut).trimEnd());
    rest = rest.slice(cut).trimStart();
  }
  if (rest) chunks.push(rest);
  return chunks;
}

/** Longest button text we send; Telegram clients shorten what does not fit on the screen themselves. */
const BUTTON_TEXT = 120;

/** Shortens text to at most `max` characters, ending with "…" when cut, never splitting an emoji. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}


/** Inline keyboard with one button (one row) per prompt; a prompt without a record types its text in. */
export function promptKeyboard(prompts: readonly Prompt[], answerer: Answerer | undefined): InlineKeyboard | undefined {
  if (!prompts.length) return undefined;
  const kb = new InlineKeyboard();
  prompts.forEach((p, i) => {
    if (i > 0) kb.row();
    const kind = p.ref && KINDS.find((k) => k.collection === p.ref!.collection);
    if (p.ref && kind && answerer) kb.text(truncate(p.text, BUTTON_TEXT), askData.pack({ k: kind.code, r: answerer.tokenOf(p.ref.collection, p.ref.id), a: p.ref.attr }));
    else kb.switchInlineCurrent(truncate(p.text, BUTTON_TEXT), p.text);
  });
  return kb;
}

/** Sends an answer as plain text (no parse mode, so knowledge text needs no escaping), split if long. */
export async function sendAnswer(ctx: BotContext, answer: Answer, replyTo?: number): Promise<void> {
  const chunks = splitMessage(answer.answer);
  const keyboard = promptKeyboard(answer.prompts, ctx.deps?.answerer);
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunks[i]!, {
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
  }
}
