import { Bot, type BotConfig } from "grammy";
import type { UserFromGetMe } from "grammy/types";
import { i18n } from "../i18n.js";
import type { BotContext, Deps } from "./context.js";
import { inline } from "./features/inline.js";
import { qa } from "./features/qa.js";
import { welcome } from "./features/welcome.js";

/** Options for building the bot; `botInfo` and `client` let tests and the console run offline. */
export interface CreateBotOptions {
  token: string;
  deps: Deps;
  botInfo?: UserFromGetMe;
  client?: BotConfig<BotContext>["client"];
}

/**
 * Builds the bot: shared deps on the context, i18n, then one composer per
 * feature, in order, behind an error boundary; the catch-all comes last.
 */
export function createBot({ token, deps, botInfo, client }: CreateBotOptions): Bot<BotContext> {
  const bot = new Bot<BotContext>(token, { botInfo, client });
  bot.use((ctx, next) => {
    ctx.deps = deps;
    return next();
  });
  bot.use(i18n);
  const features = bot.errorBoundary(async (err) => {
    deps.logger.error({ err: err.error, update_id: err.ctx.update.update_id }, "update failed");
    if (err.ctx.chat) await err.ctx.reply(err.ctx.t("error-generic")).catch(() => undefined);
  });
  features.use(welcome);
  features.use(inline);
  features.use(qa);
  return bot;
}

/** Registers the command menu in Indonesian (default) and English; failures are logged, not fatal. */
export async function registerCommands(bot: Bot<BotContext>, logger: Deps["logger"]): Promise<void> {
  const commands = (lang: string) =>
    (["start", "bantuan", "help", "tanya"] as const).map((command) => ({ command, description: i18n.t(lang, `cmd-${command}`) }));
  for (const [lang, language_code] of [["id", undefined], ["en", "en"]] as const) {
    try {
      await bot.api.setMyCommands(commands(lang), language_code ? { language_code } : {});
    } catch (err) {
      logger.warn({ err: String(err), lang }, "setMyCommands failed; continuing without a command menu");
    }
  }
}
