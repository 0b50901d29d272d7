import type { Composer, Context, MiddlewareFn } from "grammy";

/**
 * Runs `composer` only for the updates `when` accepts, a cheap synchronous
 * check; every other update goes straight on. Each grammY filter (`command`,
 * `callbackQuery`, `on` ...) costs a lazy branch per update, so a feature made
 * only of commands and buttons would otherwise cost ~1 µs per handler for
 * every question. `when` must accept every update the composer handles.
 */
export function only<C extends Context>(when: (ctx: C) => boolean, composer: Composer<C>): MiddlewareFn<C> {
  // middleware() is read per call: handlers may still be added after wrapping.
  return (ctx, next) => (when(ctx) ? composer.middleware()(ctx, next) : next());
}

/**
 * True for any update that could carry a command: grammY matches commands
 * through `bot_command` entities, so a message without entities is no command.
 */
export function mayBeCommand(ctx: Context): boolean {
  const m = ctx.msg;
  return m !== undefined && (m.entities !== undefined || m.caption_entities !== undefined);
}

/** Commands and inline-keyboard buttons. */
export function commandOrButton(ctx: Context): boolean {
  return ctx.callbackQuery !== undefined || mayBeCommand(ctx);
}

const mentions = new Map<string, RegExp>();

/** "@username" as a whole word, in any case (the bot's mention in a group message). */
export function mentionOf(username: string): RegExp {
  let re = mentions.get(username);
  if (!re) mentions.set(username, (re = new RegExp(`@${username}\\b`, "i")));
  return re;
}

/** A group message meant for the bot: it mentions the bot, or replies to one of its messages. */
export function speaksToBot(ctx: Context, text: string): boolean {
  return mentionOf(ctx.me.username).test(text) || ctx.message?.reply_to_message?.from?.id === ctx.me.id;
}
