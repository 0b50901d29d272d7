import { Bot, Composer, session, type BotConfig, type Context } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { CommandMenus } from "./commands.js";
import { type Downloader, telegramDownload } from "./download.js";
import { i18n } from "./i18n.js";
import type { BotContext, Deps, SessionData } from "./context.js";
import { inlineFeature, type InlineOptions } from "./features/inline.js";
import { isPrivateQuestion, privateQuestions, qa } from "./features/qa.js";
import { events } from "./features/events.js";
import { adminFeature } from "./features/admin/index.js";
import { reactivateSubscriber, subscriptionRequests, subscriptions } from "./features/subscriptions.js";
import { welcome } from "./features/welcome.js";
import { unhandled } from "./features/unhandled.js";
import { countApiCalls } from "./middleware/api-metrics.js";
import { floodGuard, type FloodOptions } from "./middleware/flood.js";
import { updateLog } from "./middleware/update-log.js";
import { mayBeCommand, only } from "./middleware/only.js";
import { StorageError } from "../storage/guard.js";

/** Options for building the bot; `botInfo` and `client` let tests and the console run offline. */
export interface CreateBotOptions {
  token: string;
  deps: Deps;
  botInfo?: UserFromGetMe;
  client?: BotConfig<BotContext>["client"];
  /** Flood protection settings (tests shorten them); false turns it off (the local console chat). */
  flood?: Partial<FloodOptions> | false;
  /** Inline query debounce (tests shorten it). */
  inline?: Partial<InlineOptions>;
  /** The command menus the bot keeps up to date (admins added or removed); default its own. */
  menus?: CommandMenus;
  /** How documents users send are fetched (tests hand back bytes of their own). */
  download?: Downloader;
}

/**
 * Builds the bot, in this order: (1) what every update carries (deps, the
 * downloader), (2) the update log and metrics, (3) i18n, (4) the session,
 * (5) the flood guard, (6) the features behind one error boundary: private
 * questions are routed straight to the answer (past the admin feature, whose
 * guided edits take an admin's messages), every other update through one
 * composer per feature, in order, the catch-all last.
 */
export function createBot({ token, deps, botInfo, client, flood, inline, menus = new CommandMenus(deps.logger), download = telegramDownload }: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, { botInfo, client });
  const { metrics } = deps;
  bot.api.config.use(countApiCalls(metrics));
  // 1. What every update carries.
  bot.use((ctx, next) => {
    ctx.deps = deps;
    ctx.download = download;
    return next();
  });
  // 2-5. One log line and the metrics of each update; ctx.t; the conversation's context
  // (per chat, and per user within a group; inline queries have none); flood protection.
  bot.use(updateLog(() => deps.logger, metrics));
  bot.use(i18n);
  bot.use(session<SessionData, BotContext>({ initial: () => ({}), storage: deps.sessions, getSessionKey: sessionKey }));
  if (flood !== false) bot.use(floodGuard(metrics, flood));
  // 6. The features.
  const features = bot.errorBoundary(async (err) => {
    // A change the disk refused (full, read-only) was not made: say so rather than "something went wrong".
    const storage = err.error instanceof StorageError;
    if (storage) deps.logger.warn({ store: (err.error as StorageError).store, update_id: err.ctx.update.update_id }, "update refused: storage not writable");
    else deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "update failed");
    if (err.ctx.chat) await err.ctx.reply(err.ctx.t(storage ? "storage-failed" : "error-generic")).catch(() => undefined);
  });
  features.use(reactivateSubscriber);
  // Admin before the text features: its conversations take the admin's messages while one runs.
  const admin = adminFeature(deps, menus);
  // A private text is a question: it goes straight to the answer (or to the request it turned
  // out to be), past the admin check only. Every other update goes through the features in order.
  features.route((ctx) => (isPrivateQuestion(ctx) ? "question" : "other"), {
    question: new Composer<BotContext>(admin, privateQuestions(subscriptionRequests)),
    other: new Composer<BotContext>(
      // Commands-only and inline-only features: other updates skip their filters at once.
      only(mayBeCommand, welcome),
      only((ctx) => ctx.inlineQuery !== undefined, inlineFeature(inline)),
      admin,
      events,
      subscriptions,
      qa,
      // Keep last: whatever no feature handled (stickers, photos, edits, channel posts ...).
      unhandled,
    ),
  });
  return bot;
}

/** The session of a private chat is the chat's; in a group, each member's own. */
export function sessionKey(ctx: Context): string | undefined {
  if (!ctx.chat || ctx.inlineQuery) return undefined;
  return ctx.chat.type === "private" ? String(ctx.chat.id) : ctx.from ? `${ctx.chat.id}:${ctx.from.id}` : undefined;
}
