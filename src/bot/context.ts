import type { I18nFlavor } from "@grammyjs/i18n";
import type { Context, SessionFlavor } from "grammy";
import type { Deps, SessionData } from "../app/index.js";

export type { Deps, SessionData };

/** Context of every update in Sinergi. */
export type BotContext = Context & I18nFlavor & SessionFlavor<SessionData> & { deps: Deps };
