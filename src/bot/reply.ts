import { readFileSync } from "node:fs";
import { join } from "node:path";
import { InlineKeyboard } from "grammy";
import { localesDir } from "../paths.js";
import type { Answer } from "../answers/index.js";
import { i18n } from "../i18n.js";
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

/** Shortens text to at most `max` characters, ending with "…" when cut, never splitting an emoji. */
export function truncate(text: string, max: number): string {
  if (text.length <= max) return text;
  let end = max - 1;
  if (/[\uD800-\uDBFF]/.test(text.charAt(end - 1))) end -= 1;
  return `${text.slice(0, end).trimEnd()}…`;
}

/** Callback data prefix of suggestion buttons: "ask:<lang>:<locale key>". */
export const ASK_PREFIX = "ask:";

/** Every suggestion in every locale: text -> "<lang>:<key>" and back; read once from the .ftl files. */
let table: { ids: Map<string, string>; texts: Map<string, string> } | undefined;
function suggestionTable() {
  if (!table) {
    table = { ids: new Map(), texts: new Map() };
    for (const lang of i18n.locales) {
      const ftl = readFileSync(join(localesDir, `${lang}.ftl`), "utf8");
      for (const [, key] of ftl.matchAll(/^suggest-(\w+) =/gm)) {
        const text = i18n.t(lang, `suggest-${key}`);
        table.ids.set(text, `${lang}:${key}`);
        table.texts.set(`${lang}:${key}`, text);
      }
    }
  }
  return table;
}

/** Maps a suggestion's text back to its short callback id (texts can exceed the 64-byte limit). */
function suggestionId(text: string): string | undefined {
  return suggestionTable().ids.get(text);
}

/** The question behind a suggestion button's callback data, or undefined (unknown or outdated button). */
export function suggestionFromData(data: string): { lang: string; question: string } | undefined {
  const m = /^ask:(\w+):(\w+)$/.exec(data);
  if (!m) return undefined;
  const question = suggestionTable().texts.get(`${m[1]}:${m[2]}`);
  return question === undefined ? undefined : { lang: m[1]!, question };
}

/** Inline keyboard with one button (one row) per suggestion. */
export function suggestionKeyboard(suggestions: string[]): InlineKeyboard | undefined {
  if (!suggestions.length) return undefined;
  const kb = new InlineKeyboard();
  suggestions.forEach((s, i) => {
    if (i > 0) kb.row();
    const id = suggestionId(s);
    if (id) kb.text(s, `${ASK_PREFIX}${id}`);
    else kb.switchInlineCurrent(s, s);
  });
  return kb;
}

/** Sends an answer as plain text (no parse mode, so knowledge text needs no escaping), split if long. */
export async function sendAnswer(ctx: BotContext, answer: Answer, replyTo?: number): Promise<void> {
  const chunks = splitMessage(answer.answer);
  const keyboard = suggestionKeyboard(answer.suggestions);
  for (let i = 0; i < chunks.length; i++) {
    const last = i === chunks.length - 1;
    await ctx.reply(chunks[i]!, {
      ...(last && keyboard ? { reply_markup: keyboard } : {}),
      ...(i === 0 && replyTo ? { reply_parameters: { message_id: replyTo, allow_sending_without_reply: true } } : {}),
    });
  }
}
