import { Composer, type MiddlewareFn } from "grammy";
import type { Deps } from "../../../app/index.js";
import { adminButton } from "../../callback-data.js";
import { ADMIN_COMMANDS, type CommandMenus } from "../../commands.js";
import type { BotContext } from "../../context.js";
import { adminFlows, conversationState, leave } from "../../conversations/index.js";
import { conversationKey } from "../../conversations/storage.js";
import { commandOrButton, only } from "../../middleware/only.js";
import { admins } from "./admins.js";
import { history } from "./history.js";
import { importExport } from "./import-export.js";
import { menu } from "./menu.js";
import { rilis } from "./rilis.js";
import { stats } from "./stats.js";
import { ubahnilai } from "./ubahnilai.js";
import { unanswered } from "./unanswered.js";
import { undo } from "./undo.js";

/** True for an update from an admin (ADMIN_IDS and those the owner added). */
export const isAdmin = (ctx: BotContext): boolean => ctx.deps.admin.admins.isAdmin(ctx.from?.id);

/**
 * The admin feature: guided edits (conversations persisted in DATA_DIR), the
 * one-line /ubahnilai, history and undo, import and export, press releases,
 * unanswered questions and statistics, the list of admins; all behind one
 * `filter(isAdmin)`. Everyone else gets a polite refusal.
 */
export function adminFeature(deps: Deps, menus: CommandMenus): MiddlewareFn<BotContext> {
  const admin = new Composer<BotContext>();
  admin.use(conversationState(deps.conversations));

  // /batal first: it must reach us even in the middle of a guided edit.
  admin.command("batal", async (ctx) => {
    await ctx.reply(ctx.t((await leave(ctx)) ? "admin-cancelled" : "admin-nothing-to-cancel"));
  });

  // Show an admin's menu once per process, so admins added elsewhere see it too.
  admin.use((ctx, next) => {
    const id = ctx.from?.id;
    if (id !== undefined && ctx.chat?.type === "private" && isAdmin(ctx)) menus.showOnce(ctx.api, id);
    return next();
  });

  admin.use(adminFlows());

  // Everything below is commands and buttons: other updates (questions) skip its filters at once.
  const routes = new Composer<BotContext>();
  admin.use(only(commandOrButton, routes));
  routes.filter(isAdmin, menu, ubahnilai, history, undo, importExport, unanswered, stats, admins(menus), rilis);
  const others = routes.drop(isAdmin);
  others.command(
    ADMIN_COMMANDS.filter((c) => c !== "batal"),
    async (ctx) => {
      deps.logger.info({ user: ctx.from?.id, command: ctx.msg.text.split(/\s/)[0] }, "admin command refused");
      await ctx.reply(ctx.t("admin-refused"));
    },
  );
  others.callbackQuery(adminButton.filter(), (ctx) => ctx.answerCallbackQuery({ text: ctx.t("admin-refused"), show_alert: true }));

  // A plain message (a question) from someone who is not an admin and has no guided edit stored
  // concerns nothing above: it skips the conversations plugin and its filters.
  return only((ctx) => commandOrButton(ctx) || isAdmin(ctx) || hasConversation(deps.conversations, ctx), admin);
}

/** True when the user behind `ctx` has a guided edit stored in this chat. */
function hasConversation(store: Deps["conversations"], ctx: BotContext): boolean {
  const key = conversationKey(ctx);
  return key !== undefined && store.has(key);
}
