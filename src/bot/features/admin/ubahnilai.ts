import { Composer } from "grammy";
import { parseValueLine } from "../../../admin/parse.js";
import { valueChangePlan } from "../../../admin/reports.js";
import { translator } from "../../../i18n/translate.js";
import type { BotContext } from "../../context.js";
import { enter } from "../../conversations/index.js";
import { editorOf } from "../../conversations/ui.js";
import { langOf } from "../../i18n.js";

/** /ubahnilai Jatim Kaltim 2024 Rp120 miliar: one year's value of a pair, in one line, then the summary to confirm. */
export const ubahnilai = new Composer<BotContext>();

ubahnilai.command("ubahnilai", async (ctx) => {
  const parsed = parseValueLine(ctx.match);
  if (!parsed.ok) {
    const why = parsed.error === "admin-err-ubahnilai" ? "" : `${ctx.t(parsed.error, { detail: parsed.detail ?? "" })}\n\n`;
    return ctx.reply(`${why}${ctx.t("admin-ubahnilai-usage")}`);
  }
  const { provinces, year, amount } = parsed.value;
  const plan = valueChangePlan(ctx.deps.knowledge.get(), provinces, year, amount, editorOf(ctx), ctx.deps.now(), translator(langOf(ctx)));
  await enter(ctx, "confirm", plan);
});
