import type { ConversationFlavor } from "@grammyjs/conversations";
import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Deps, SessionData } from "../app/index.js";
import type { Downloader } from "./download.js";

export type { Deps, SessionData };

/** Context of every update in Sinergi, but for the conversations plugin's part. */
export type BaseContext = Context & I18nFlavor & SessionFlavor<SessionData> & {
  /** What the bot shares between updates (see Deps). */
  deps: Deps;
  /** Fetches a document the user sent (size-limited). */
  download: Downloader;
};

/** Context of every update in Sinergi; `ctx.conversation` is there for the admin's updates (see features/admin). */
export type BotContext = ConversationFlavor<BaseContext>;
