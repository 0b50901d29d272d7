import { Composer } from "grammy";
import type { CommandMenus } from "../../commands.js";
import type { BotContext } from "../../context.js";

/** /admins lists the admins; the owner adds and removes them (/tambahadmin, /hapusadmin), and their command menus follow. */
export function admins(menus: CommandMenus): Composer<BotContext> {
  const feature = new Composer<BotContext>();
  feature.command("admins", (ctx) => ctx.reply(ctx.t("admin-list", { owner: String(ctx.deps.admin.admins.owner ?? "-"), list: ctx.deps.admin.admins.list().join(", ") })));
  feature.command(["tambahadmin", "hapusadmin"], async (ctx) => {
    const list = ctx.deps.admin.admins;
    if (!list.isOwner(ctx.from?.id)) return ctx.reply(ctx.t("admin-owner-only"));
    const id = /^\s*(\d{1,15})\s*$/.exec(ctx.match)?.[1];
    const adding = ctx.msg.text.startsWith("/tambahadmin");
    if (!id) return ctx.reply(ctx.t(adding ? "admin-add-usage" : "admin-remove-usage"));
    const n = Number(id);
    if (adding) {
      const ok = await list.add(n, ctx.from!.id, ctx.deps.now());
      if (ok) await menus.showAdmin(ctx.api, n);
      return ctx.reply(ctx.t(ok ? "admin-added" : "admin-already", { id }));
    }
    if (list.isOwner(n)) return ctx.reply(ctx.t("admin-owner-stays"));
    const ok = await list.remove(n);
    if (ok) await menus.hideAdmin(ctx.api, n);
    return ctx.reply(ctx.t(ok ? "admin-removed" : "admin-not-admin", { id }));
  });
  return feature;
}
