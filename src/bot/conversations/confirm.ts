import type { Context } from "grammy";
import { refNames } from "../../admin/labels.js";
import { cancelPlan, outcomeText, planNames, planSummary, savePlan, type Plan } from "../../admin/plan.js";
import { type AdminConversation, editorOf, Ui } from "./ui.js";

/** Shows a plan's summary with "Simpan" and "Batal", then saves it (or says why not). Every flow that changes the base ends here. */
export async function confirmAndSave(ui: Ui, plan: Plan): Promise<void> {
  const { t, conv } = ui;
  const known = await conv.external((o) => {
    const kb = o.deps.knowledge.get();
    return refNames(kb.sources, kb.officials);
  });
  const names = planNames(plan, known);
  const text = planSummary(plan, t, names);
  let prompt = text;
  for (;;) {
    const r = await ui.ask(prompt, [[{ label: t("admin-btn-save"), data: "save" }, { label: t("admin-btn-cancel"), data: "cancel" }]]);
    const choice = r.type === "button" ? r.data : /^(simpan|save|ya|yes)$/i.test(r.text) ? "save" : /^(batal|cancel|tidak|no)$/i.test(r.text) ? "cancel" : undefined;
    if (choice === "cancel") {
      if (plan.pending) await conv.external((o) => cancelPlan(o.deps.admin.imports, plan));
      return ui.say(t("admin-cancelled"));
    }
    if (choice === "save") break;
    prompt = `${t("admin-press-button")}\n\n${text}`;
  }
  const by = editorOf(ui.ctx);
  const pending = plan.pending;
  // A large import takes a moment: say so at once (questions of others are answered meanwhile).
  if (pending) await ui.say(t("admin-import-saving", { n: pending.added + pending.changed + pending.removed }));
  const outcome = await conv.external((o) => savePlan(o.deps.admin, plan, by, o.deps.now()));
  return ui.say(outcomeText(outcome, plan, t, names));
}

/** The "confirm" conversation: confirms a ready plan (/ubahnilai, /urungkan). */
export async function confirmConversation(conv: AdminConversation, ctx: Context, plan: Plan): Promise<void> {
  await confirmAndSave(new Ui(conv, ctx), plan);
}
