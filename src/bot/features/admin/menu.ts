import { Composer, InlineKeyboard } from "grammy";
import { isKind, KINDS } from "../../../admin/kinds.js";
import { adminButton, adminValueButton, read } from "../../callback-data.js";
import type { BotContext } from "../../context.js";
import { enter } from "../../conversations/index.js";

/** The /admin menu: a button per kind of record (to add, edit or delete one), then the other admin commands. */
export function adminMenuKeyboard(ctx: BotContext): InlineKeyboard {
  const kb = new InlineKeyboard();
  KINDS.forEach((k, i) => {
    kb.text(ctx.t(`admin-kind-${k}`), adminValueButton.pack({ action: "k", value: k }));
    if (i % 2 === 1) kb.row();
  });
  const button = (key: string, action: string) => InlineKeyboard.text(ctx.t(key), adminButton.pack({ action }));
  return kb
    .row()
    .add(button("admin-btn-history", "riwayat"), button("admin-btn-undo", "urungkan"))
    .row()
    .add(button("admin-btn-export", "ekspor"), button("admin-btn-import", "impor"))
    .row()
    .add(button("admin-btn-unanswered", "belum"), button("admin-btn-stats", "statistik"));
}

/** /admin: the menu; its kind buttons start the guided edit of that kind. */
export const menu = new Composer<BotContext>();

menu.command("admin", (ctx) => ctx.reply(ctx.t("admin-menu"), { reply_markup: adminMenuKeyboard(ctx) }));

menu.callbackQuery(adminValueButton.filter({ action: "k" }), async (ctx) => {
  await ctx.answerCallbackQuery();
  const kind = read(adminValueButton, ctx.callbackQuery.data)?.value;
  if (kind !== undefined && isKind(kind)) await enter(ctx, "edit", kind);
});
