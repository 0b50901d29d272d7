/**
 * Small factories for Telegram updates, for feeding `bot.handleUpdate` in tests.
 *
 * Every factory returns a complete `Update` with a fresh `update_id` (and a
 * fresh `message_id` where there is a message). Commands get their
 * `bot_command` entity, which grammY needs to route them.
 *
 * @example
 *   await bot.handleUpdate(privateText("brp nilai kerjasama jatim kaltim 2023"));
 *   await bot.handleUpdate(command("/tanya siapa wagub kaltim", { chat: group() }));
 */
import type { Chat, Message, MessageEntity, Update, User } from "grammy/types";
import { OFFLINE_BOT } from "../../src/console/fake-api.js";

let nextUpdateId = 1;
let nextMessageId = 1;

/** Seconds since the epoch, as Telegram dates are. */
const unix = (at: Date = new Date()) => Math.floor(at.getTime() / 1000);

/** A (human) user; `id` also serves as the private chat's id. Default language: Indonesian. */
export function user(id = 1001, languageCode: string | undefined = "id", firstName = `Pengguna${id}`): User {
  return { id, is_bot: false, first_name: firstName, ...(languageCode ? { language_code: languageCode } : {}) };
}

/** The private chat with `from`. */
export function privateChat(from: User): Chat.PrivateChat {
  return { id: from.id, type: "private", first_name: from.first_name };
}

/** A group chat (negative id, as Telegram's are). */
export function group(id = -100200300, title = "Grup Uji"): Chat.SupergroupChat {
  return { id, type: "supergroup", title };
}

/** Options shared by the message factories. */
export interface MessageOptions {
  /** Sender; default `user()`. */
  from?: User;
  /** Chat; default the private chat with `from`. */
  chat?: Chat;
  /** The message this one replies to. */
  replyTo?: Message;
  /** Extra entities (a `bot_command` entity is added for commands by `command`). */
  entities?: MessageEntity[];
  /** Message date; default now. */
  date?: Date;
}

/** A text message (not wrapped in an update); used for replies and by the other factories. */
export function textMessage(text: string, opts: MessageOptions = {}): Message.TextMessage {
  const from = opts.from ?? user();
  return {
    message_id: nextMessageId++,
    date: unix(opts.date),
    chat: opts.chat ?? privateChat(from),
    from,
    text,
    ...(opts.entities?.length ? { entities: opts.entities } : {}),
    ...(opts.replyTo ? { reply_to_message: opts.replyTo as Message.TextMessage & { reply_to_message: undefined } } : {}),
  } as Message.TextMessage;
}

/** Wraps a message in an update (a fresh `update_id`, or `updateId`). */
export function messageUpdate(message: Message, updateId = nextUpdateId++): Update {
  return { update_id: updateId, message } as Update;
}

/** A plain text message in a private chat (`opts.updateId` fixes the update's id, e.g. to send it twice). */
export function privateText(text: string, opts: Omit<MessageOptions, "chat"> & { updateId?: number } = {}): Update {
  return messageUpdate(textMessage(text, opts), opts.updateId);
}

/** A private text from the user with id `userId` (Indonesian app), with a fresh update id or `updateId`. */
export function textFrom(userId: number, text: string, updateId?: number): Update {
  return privateText(text, { from: user(userId), updateId });
}

/** A text message in a group (default `group()`), from `opts.from`. */
export function groupText(text: string, opts: MessageOptions = {}): Update {
  return messageUpdate(textMessage(text, { ...opts, chat: opts.chat ?? group() }));
}

/** A group message mentioning the bot: "@<bot username> <text>" with its mention entity. */
export function groupMention(text: string, opts: MessageOptions & { botUsername?: string } = {}): Update {
  const mention = `@${opts.botUsername ?? OFFLINE_BOT.username}`;
  return groupText(`${mention} ${text}`, { ...opts, entities: [{ type: "mention", offset: 0, length: mention.length }, ...(opts.entities ?? [])] });
}

/** A message from the bot itself (what a user replies to). */
export function botMessage(text: string, chat: Chat = group(), bot: User = OFFLINE_BOT): Message.TextMessage {
  return textMessage(text, { from: bot, chat });
}

/** A group message replying to one of the bot's messages. */
export function groupReplyToBot(text: string, opts: MessageOptions = {}): Update {
  const chat = opts.chat ?? group();
  return groupText(text, { ...opts, chat, replyTo: opts.replyTo ?? botMessage("Jawaban sebelumnya", chat) });
}

/**
 * A command such as "/start", "/tanya siapa wagub kaltim" or "/tanya@sinergi_bot ...",
 * with its bot_command entity; private chat unless `opts.chat` is given.
 */
export function command(text: string, opts: MessageOptions = {}): Update {
  if (!text.startsWith("/")) throw new Error(`a command starts with "/": ${text}`);
  const length = text.split(/\s/)[0]!.length;
  return messageUpdate(textMessage(text, { ...opts, entities: [{ type: "bot_command", offset: 0, length }, ...(opts.entities ?? [])] }));
}

/** A button press as the Bot API sends it: `data` on a bot message in `opts.chat` (default the private chat with `from`). */
export function callbackPayload(data: string, opts: { from?: User; chat?: Chat; messageId?: number } = {}): NonNullable<Update["callback_query"]> {
  const from = opts.from ?? user();
  const chat = opts.chat ?? privateChat(from);
  return {
    id: `cb${nextUpdateId}`,
    chat_instance: `ci${chat.id}`,
    from,
    message: { ...botMessage("", chat), ...(opts.messageId ? { message_id: opts.messageId } : {}) },
    data,
  };
}

/** A button press: `data` on a bot message in `opts.chat` (default the private chat with `from`). */
export function callbackQuery(data: string, opts: { from?: User; chat?: Chat; messageId?: number } = {}): Update {
  return { update_id: nextUpdateId++, callback_query: callbackPayload(data, opts) };
}

/** A document (a file) sent in a private chat (or `opts.chat`), not wrapped in an update. */
export function documentMessage(name: string, size: number, opts: MessageOptions & { fileId?: string } = {}): Message.DocumentMessage {
  const from = opts.from ?? user();
  const fileId = opts.fileId ?? `f${nextMessageId}`;
  return {
    message_id: nextMessageId++,
    date: unix(opts.date),
    chat: opts.chat ?? privateChat(from),
    from,
    document: { file_id: fileId, file_unique_id: `u${fileId}`, file_name: name, file_size: size },
  };
}

/** A document sent as a message update (see `documentMessage`). */
export function documentUpdate(name: string, size: number, opts: MessageOptions & { fileId?: string } = {}): Update {
  return messageUpdate(documentMessage(name, size, opts));
}

/**
 * A message of any other kind (a sticker, a photo, an edit, a new member ...)
 * from user `from` (a numeric id or a user), in their private chat unless
 * `chat` is given. Loosely typed on purpose: tests build odd updates from it.
 */
export function rawMessage(from: number | User, fields: Record<string, unknown>, chat?: Chat): Message {
  const sender = typeof from === "number" ? user(from) : from;
  return { message_id: nextMessageId++, date: unix(), chat: chat ?? privateChat(sender), from: sender, ...fields } as unknown as Message;
}

/** Any payload (`{ message }`, `{ callback_query }`, `{ poll }` ...) as an update, with a fresh id or `updateId`. */
export function update(payload: Record<string, unknown>, updateId = nextUpdateId++): Update {
  return { update_id: updateId, ...payload } as Update;
}

/** A fresh update id (for updates pushed to a fake Bot API or posted to a webhook). */
export function nextUpdate(): number {
  return nextUpdateId++;
}

/** An inline query ("@bot <query>" typed in any chat). */
export function inlineQuery(query: string, opts: { from?: User; offset?: string } = {}): Update {
  return {
    update_id: nextUpdateId++,
    inline_query: { id: `iq${nextUpdateId}`, from: opts.from ?? user(), query, offset: opts.offset ?? "" },
  };
}

/**
 * The bot's own membership changed in a chat: "kicked" when a user blocks the
 * bot in private, "member" when they restart it or add it to a group, "left"
 * when it is removed from a group.
 */
export function myChatMember(status: "member" | "kicked" | "left" | "administrator", opts: { from?: User; chat?: Chat; bot?: User } = {}): Update {
  const from = opts.from ?? user();
  const chat = opts.chat ?? privateChat(from);
  const bot = opts.bot ?? OFFLINE_BOT;
  const before = status === "member" || status === "administrator" ? (chat.type === "private" ? "kicked" : "left") : "member";
  const member = (s: string) =>
    (s === "administrator"
      ? { status: s, user: bot, can_be_edited: false, is_anonymous: false, can_manage_chat: true, can_delete_messages: false, can_manage_video_chats: false, can_restrict_members: false, can_promote_members: false, can_change_info: false, can_invite_users: false, can_post_stories: false, can_edit_stories: false, can_delete_stories: false }
      : s === "kicked"
        ? { status: s, user: bot, until_date: 0 }
        : { status: s, user: bot }) as never;
  return {
    update_id: nextUpdateId++,
    my_chat_member: { chat, from, date: unix(), old_chat_member: member(before), new_chat_member: member(status) },
  };
}
