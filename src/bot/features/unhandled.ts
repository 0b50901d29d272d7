import { Composer } from "grammy";
import type { BotContext } from "../context.js";

/**
 * The catch-all, installed LAST: whatever no feature handled. In private chats
 * a message the bot cannot read (sticker, photo, voice, file, location ...)
 * or an unknown command gets a short help; everything else — edited messages,
 * channel posts, group chatter, unknown buttons — is quietly ignored (a
 * button's spinner is stopped). Never an error.
 */
export const unhandled = new Composer<BotContext>();

const priv = unhandled.chatType("private");

priv.on("message:text", async (ctx) => {
  // Texts that reach here are commands no feature knows (plain texts are questions).
  await ctx.reply(ctx.t("unhandled-command"));
});

priv.on("message", async (ctx) => {
  await ctx.reply(ctx.t("unhandled-media"));
});

unhandled.on("callback_query", async (ctx) => {
  await ctx.answerCallbackQuery().catch(() => undefined);
});

// Edited messages, channel posts, group messages not addressed to the bot,
// membership changes, polls ...: nothing to say, nothing to do.
unhandled.use(() => undefined);
