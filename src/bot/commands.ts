import { CommandGroup } from "@grammyjs/commands";
import type { Api } from "grammy";
import type { BotCommandScope, LanguageCode } from "grammy/types";
import type { Logger } from "pino";
import { LANGS, translate } from "../i18n/translate.js";
import type { BotContext } from "./context.js";

/** Commands everyone has, in the order of the menu. */
export const PUBLIC_COMMANDS = ["start", "bantuan", "help", "tanya", "acara", "langganan", "langgananku", "berhenti"] as const;

/** Commands only admins see and may use. */
export const ADMIN_COMMANDS = ["admin", "rilis", "ubahnilai", "riwayat", "urungkan", "ekspor", "impor", "belumterjawab", "statistik", "batal", "admins", "tambahadmin", "hapusadmin"] as const;

/** A command menu (@grammyjs/commands): each command with its description (`cmd-<name>`) in Indonesian, localized to the other languages. */
function menu(names: readonly string[]): CommandGroup<BotContext> {
  const group = new CommandGroup<BotContext>();
  for (const name of names) {
    const command = group.command(name, translate("id", `cmd-${name}`));
    for (const lang of LANGS) if (lang !== "id") command.localize(lang, name, translate(lang, `cmd-${name}`));
  }
  return group;
}

/** The menu of everyone (default scope). */
export const publicMenu = menu(PUBLIC_COMMANDS);

/** An admin's menu, set in their own chat's scope (which replaces the default menu there): the public commands, then the admin ones. */
export const adminMenu = menu([...PUBLIC_COMMANDS, ...ADMIN_COMMANDS]);

/**
 * Shows the command menus to Telegram: the public one at start-up, each
 * admin's in their chat (at start-up, when one is added, and the first time
 * one is seen by this process, so admins added elsewhere get it too), and
 * removes a former admin's. A failing call is logged and start-up goes on.
 *
 * The menus are the plugin's, serialized per language (`toArgs`); the calls
 * are ours rather than `setCommands`: that sends every language at once and
 * rejects if one fails, and an admin's menu goes to a chat scope of our own.
 */
export class CommandMenus {
  private readonly shown = new Set<number>();

  constructor(private readonly logger: Pick<Logger, "warn">) {}

  /** Sets the public menu, once per language. */
  async setPublic(api: Api): Promise<void> {
    for (const { language_code, commands } of menuCalls(publicMenu, this.logger)) {
      try {
        await api.setMyCommands(commands, language_code ? { language_code } : {});
      } catch (err) {
        this.logger.warn({ err: String(err), lang: language_code ?? "id" }, "setMyCommands failed; continuing without a command menu");
      }
    }
  }

  /** Sets every admin's menu (start-up). */
  async showAdmins(api: Api, admins: readonly number[]): Promise<void> {
    for (const id of admins) await this.showAdmin(api, id);
  }

  /** Shows the admin menu in one admin's private chat. */
  async showAdmin(api: Api, chatId: number): Promise<void> {
    const scope: BotCommandScope = { type: "chat", chat_id: chatId };
    for (const { language_code, commands } of menuCalls(adminMenu, this.logger)) {
      try {
        await api.setMyCommands(commands, { scope, ...(language_code ? { language_code } : {}) });
        this.shown.add(chatId);
      } catch (err) {
        this.logger.warn({ err: String(err), chatId, lang: language_code ?? "id" }, "setMyCommands for an admin failed; continuing");
      }
    }
  }

  /** Shows the admin menu to an admin this process has not shown it to yet; true when it did. */
  showOnce(api: Api, chatId: number): boolean {
    if (this.shown.has(chatId)) return false;
    this.shown.add(chatId);
    void this.showAdmin(api, chatId);
    return true;
  }

  /** Removes a former admin's chat menu (they see the public one again). */
  async hideAdmin(api: Api, chatId: number): Promise<void> {
    this.shown.delete(chatId);
    for (const { language_code } of menuCalls(adminMenu, this.logger)) {
      try {
        await api.deleteMyCommands({ scope: { type: "chat", chat_id: chatId }, ...(language_code ? { language_code } : {}) });
      } catch (err) {
        this.logger.warn({ err: String(err), chatId }, "deleteMyCommands failed; continuing");
      }
    }
  }
}

/** The setMyCommands calls of a menu, one per language: its commands as the Bot API takes them. */
function menuCalls(group: CommandGroup<BotContext>, logger: Pick<Logger, "warn">): Array<{ language_code?: LanguageCode; commands: Array<{ command: string; description: string }> }> {
  const { scopes, uncompliantCommands } = group.toArgs();
  if (uncompliantCommands.length) logger.warn({ commands: uncompliantCommands.map((c) => c.name) }, "commands the Bot API would refuse are left out of the menu");
  return scopes.map(({ language_code, commands }) => ({
    ...(language_code ? { language_code } : {}),
    commands: commands.map(({ command, description }) => ({ command, description })),
  }));
}
