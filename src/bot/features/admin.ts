import { conversations, createConversation } from "@grammyjs/conversations";
import { KINDS as RECORD_KINDS } from "../../knowledge/kinds/index.js";
import { type Api, Composer, type Context, InlineKeyboard, InputFile, type MiddlewareFn } from "grammy";
import type { BotCommand } from "grammy/types";
import dayjs from "dayjs";
import { KINDS, diffLines, isKind, recordLabel, refNames } from "../../admin/kinds.js";
import { exportKnowledge } from "../../admin/transfer.js";
import { parseValueLine } from "../../admin/parse.js";
import { findYearValue, NothingToUndoError, valueChange } from "../../admin/service.js";
import { i18n } from "../../i18n.js";
import type { BotContext, Deps } from "../context.js";
import {
  type AdminConversation, type AdminCtx, confirmConversation, editConversation, editorOf, importConversation, langOf, type Plan, releaseConversation,
} from "./admin-conversations.js";
import { translator } from "../../i18n.js";
import { commandOrButton, only } from "../middleware/only.js";

/** Commands only admins see and may use. */
export const ADMIN_COMMANDS = ["admin", "rilis", "ubahnilai", "riwayat", "urungkan", "ekspor", "impor", "belumterjawab", "statistik", "batal", "admins", "tambahadmin", "hapusadmin"] as const;

/** Public commands repeated in an admin's own menu (a chat-scoped menu replaces the default one). */
const PUBLIC_COMMANDS = ["start", "bantuan", "help", "tanya", "acara", "langganan", "langgananku", "berhenti"];

function commandList(lang: string): BotCommand[] {
  const out: BotCommand[] = [];
  for (const command of [...PUBLIC_COMMANDS, ...ADMIN_COMMANDS]) {
    const description = i18n.t(lang, `cmd-${command}`);
    if (!description.startsWith("cmd-")) out.push({ command, description });
  }
  return out;
}

const registered = new Set<number>();

/** Shows the admin commands in one admin's command menu (chat scope); failures are logged, not fatal. */
export async function showAdminMenu(api: Api, deps: Deps, chatId: number): Promise<void> {
  for (const [lang, language_code] of [["id", undefined], ["en", "en"]] as const) {
    try {
      await api.setMyCommands(commandList(lang), { scope: { type: "chat", chat_id: chatId }, ...(language_code ? { language_code } : {}) });
      registered.add(chatId);
    } catch (err) {
      deps.logger.warn({ err: String(err), chatId, lang }, "setMyCommands for an admin failed; continuing");
    }
  }
}

/** Removes a former admin's chat-scoped menu (they see the public one again). */
async function hideAdminMenu(api: Api, deps: Deps, chatId: number): Promise<void> {
  registered.delete(chatId);
  for (const language_code of [undefined, "en" as const]) {
    try {
      await api.deleteMyCommands({ scope: { type: "chat", chat_id: chatId }, ...(language_code ? { language_code } : {}) });
    } catch (err) {
      deps.logger.warn({ err: String(err), chatId }, "deleteMyCommands failed; continuing");
    }
  }
}

/** Registers every admin's command menu at start-up. */
export async function registerAdminCommands(api: Api, deps: Deps): Promise<void> {
  for (const id of deps.admin.admins.list()) await showAdminMenu(api, deps, id);
}

const isAdmin = (ctx: BotContext) => ctx.deps.admin.admins.isAdmin(ctx.from?.id);
const conv = (ctx: BotContext) => (ctx as AdminCtx).conversation;

/**
 * The admin feature: guided edits (conversations persisted in DATA_DIR), the
 * one-line /ubahnilai, history and undo, import and export, unanswered
 * questions and statistics. Everyone else gets a polite refusal.
 */
export function createAdminFeature(deps: Deps): MiddlewareFn<BotContext> {
  const admin = new Composer<BotContext>();
  const store = deps.admin.conversations;
  admin.use(
    conversations<AdminCtx, Context>({
      storage: {
        type: "key",
        adapter: { read: (k) => store.read(k) as never, write: (k, s) => store.write(k, s as never), delete: (k) => store.delete(k) },
        // One conversation per user and chat, so two admins in a group never share one.
        getStorageKey: conversationKey,
      },
    }) as unknown as MiddlewareFn<BotContext>,
  );

  // /batal first: it must reach us even in the middle of a conversation.
  admin.command("batal", async (ctx) => {
    const active = Object.keys(conv(ctx).active()).length > 0;
    await conv(ctx).exitAll();
    await ctx.reply(ctx.t(active ? "admin-cancelled" : "admin-nothing-to-cancel"));
  });

  // Show an admin's menu once per process, so admins added elsewhere see it too.
  admin.use(async (ctx, next) => {
    const id = ctx.from?.id;
    if (id !== undefined && ctx.chat?.type === "private" && !registered.has(id) && isAdmin(ctx)) {
      registered.add(id);
      void showAdminMenu(ctx.api, ctx.deps, id);
    }
    return next();
  });

  const install = (fn: (c: AdminConversation, ctx: Context, ...args: never[]) => Promise<void>, id: string) =>
    admin.use(createConversation<AdminCtx, Context>(fn as never, { id }) as unknown as MiddlewareFn<BotContext>);
  install(editConversation, "edit");
  install(confirmConversation, "confirm");
  install(importConversation, "import");
  install(releaseConversation, "release");

  // Everything below is commands and buttons: other updates (questions) skip its filters at once.
  const routes = new Composer<BotContext>();
  admin.use(only(commandOrButton, routes));
  const guarded = routes.command([...ADMIN_COMMANDS].filter((c) => c !== "batal"), async (ctx, next) => {
    if (isAdmin(ctx)) return next();
    deps.logger.info({ user: ctx.from?.id, command: ctx.msg.text.split(/\s/)[0] }, "admin command refused");
    await ctx.reply(ctx.t("admin-refused"));
  });
  routes.callbackQuery(/^adm:/, async (ctx, next) => {
    if (isAdmin(ctx)) return next();
    await ctx.answerCallbackQuery({ text: ctx.t("admin-refused"), show_alert: true });
  });

  const enter = async (ctx: BotContext, id: string, ...args: unknown[]) => {
    // A new flow replaces one left unfinished.
    await conv(ctx).exitAll();
    await conv(ctx).enter(id, ...args);
  };

  // ---- /admin menu ----
  const menu = (ctx: BotContext) => {
    const kb = new InlineKeyboard();
    KINDS.forEach((k, i) => {
      kb.text(ctx.t(`admin-kind-${k}`), `adm:k:${k}`);
      if (i % 2 === 1) kb.row();
    });
    kb.row()
      .text(ctx.t("admin-btn-history"), "adm:riwayat").text(ctx.t("admin-btn-undo"), "adm:urungkan").row()
      .text(ctx.t("admin-btn-export"), "adm:ekspor").text(ctx.t("admin-btn-import"), "adm:impor").row()
      .text(ctx.t("admin-btn-unanswered"), "adm:belum").text(ctx.t("admin-btn-stats"), "adm:statistik");
    return kb;
  };
  guarded.command("admin", (ctx) => ctx.reply(ctx.t("admin-menu"), { reply_markup: menu(ctx) }));
  routes.callbackQuery(/^adm:k:(.+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const kind = ctx.match[1]!;
    if (isKind(kind)) await enter(ctx, "edit", kind);
  });

  // ---- /ubahnilai Jatim Kaltim 2024 Rp120 miliar ----
  guarded.command("ubahnilai", async (ctx) => {
    const parsed = parseValueLine(ctx.match);
    if (!parsed.ok) {
      const why = parsed.error === "admin-err-ubahnilai" ? "" : `${ctx.t(parsed.error, { detail: parsed.detail ?? "" })}\n\n`;
      return ctx.reply(`${why}${ctx.t("admin-ubahnilai-usage")}`);
    }
    const { provinces, year, amount } = parsed.value;
    const kb = ctx.deps.knowledge.get();
    const changes = valueChange(kb, provinces, year, amount, editorOf(ctx), ctx.deps.now());
    const t = translator(langOf(ctx));
    const main = changes.at(-1)!;
    const plan: Plan = {
      changes,
      action: findYearValue(kb, provinces, year) ? "edit" : "add",
      label: `${t("admin-kind-cooperationValues")}: ${recordLabel("cooperationValues", main.after, t)}`,
    };
    await enter(ctx, "confirm", plan);
  });

  // ---- /riwayat ----
  const history = async (ctx: BotContext) => {
    const t = translator(langOf(ctx));
    const entries = ctx.deps.admin.audit.latest(10);
    const kb = ctx.deps.knowledge.get();
    const names = refNames([...kb.sources, ...entries.flatMap((e) => e.changes.filter((c) => c.collection === "sources").flatMap((c) => [c.before, c.after]).filter((r) => r !== null))], kb.officials);
    if (!entries.length) return ctx.reply(t("admin-history-empty"));
    const lines = entries.map((e) => {
      const head = t("admin-history-line", {
        seq: e.seq,
        at: dayjs(e.at).tz("Asia/Jakarta").format("DD/MM/YYYY HH:mm"),
        who: e.by.name,
        action: t(`admin-action-${e.action}`),
        label: e.action === "undo" ? `#${e.undoOf} ${e.label}` : e.label,
      });
      const detail = e.changes.length === 1 || (e.changes.length === 2 && e.changes[0]!.collection === "sources") ? diffLines(e.changes.at(-1)!.before, e.changes.at(-1)!.after, t, names).slice(0, 4) : [t("admin-history-count", { n: e.changes.length })];
      return [head, ...detail].join("\n");
    });
    await ctx.reply(`${t("admin-history-title")}\n\n${lines.join("\n\n")}`.slice(0, 4000));
  };
  guarded.command("riwayat", history);

  // ---- /urungkan ----
  const undo = async (ctx: BotContext) => {
    let planned;
    try {
      planned = ctx.deps.admin.service.undoPlan();
    } catch (err) {
      if (err instanceof NothingToUndoError) return ctx.reply(ctx.t("admin-undo-nothing"));
      throw err;
    }
    const { entry, changes } = planned;
    await enter(ctx, "confirm", {
      changes,
      action: "undo",
      label: entry.label,
      undoOf: entry.seq,
      heading: ctx.t("admin-undo-heading", { seq: entry.seq, who: entry.by.name, at: dayjs(entry.at).tz("Asia/Jakarta").format("DD/MM/YYYY HH:mm"), label: entry.label }),
    } satisfies Plan);
  };
  guarded.command("urungkan", undo);

  // ---- /ekspor and /impor ----
  const exportKb = async (ctx: BotContext) => {
    // A large base goes out gzip-compressed; /impor takes it back as it is.
    const file = await exportKnowledge(ctx.deps.knowledge, dayjs(ctx.deps.now()).tz("Asia/Jakarta").format("YYYY-MM-DD"));
    await ctx.replyWithDocument(new InputFile(file.bytes, file.name), {
      caption: ctx.t(file.compressed ? "admin-export-caption-gz" : "admin-export-caption", { hash: file.hash }),
    });
  };
  guarded.command("ekspor", exportKb);
  guarded.command("impor", (ctx) => enter(ctx, "import"));
  guarded.command("rilis", (ctx) => enter(ctx, "release"));

  // ---- /belumterjawab ----
  const unanswered = async (ctx: BotContext) => {
    const top = ctx.deps.unanswered.top(10);
    if (!top.length) return ctx.reply(ctx.t("admin-unanswered-empty"));
    const kb = new InlineKeyboard();
    const lines = top.map((q, i) => {
      kb.text(ctx.t("admin-btn-as-example", { n: i + 1 }), `adm:ue:${key(q.normalized)}`).text(ctx.t("admin-btn-add-fact", { n: i + 1 }), "adm:uf").row();
      return `${i + 1}. “${q.example}” — ${q.count}×`;
    });
    await ctx.reply(`${ctx.t("admin-unanswered-title")}\n\n${lines.join("\n")}`, { reply_markup: kb });
  };
  guarded.command("belumterjawab", unanswered);
  const findUnanswered = (ctx: BotContext, k: string) => ctx.deps.unanswered.top(200).find((q) => key(q.normalized) === k);
  routes.callbackQuery(/^adm:ue:(\w+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const q = findUnanswered(ctx, ctx.match[1]!);
    if (!q) return ctx.reply(ctx.t("admin-unanswered-gone"));
    const intents = ctx.deps.answerer.intents;
    const kb = new InlineKeyboard();
    intents.forEach((intent, i) => {
      kb.text(intent.replace(/_/g, " "), `adm:ui:${ctx.match[1]}:${intent}`);
      if (i % 2 === 1) kb.row();
    });
    await ctx.reply(ctx.t("admin-unanswered-pick-intent", { question: q.example }), { reply_markup: kb });
  });
  routes.callbackQuery(/^adm:ui:(\w+):(\w+)$/, async (ctx) => {
    await ctx.answerCallbackQuery();
    const intent = ctx.match[2]!;
    // Callback data can be forged by a custom client: only an intent the answerer knows is accepted.
    if (!ctx.deps.answerer.intents.includes(intent)) {
      deps.logger.warn({ user: ctx.from.id }, "learned example refused: unknown intent");
      return ctx.reply(ctx.t("admin-unanswered-bad-intent"));
    }
    const q = findUnanswered(ctx, ctx.match[1]!);
    if (!q) return ctx.reply(ctx.t("admin-unanswered-gone"));
    await ctx.deps.admin.learned.add({ text: q.example, intent, by: ctx.from.id, at: ctx.deps.now().toISOString() });
    ctx.deps.answerer.setExtraExamples?.(ctx.deps.admin.learned.all());
    await ctx.reply(ctx.t("admin-unanswered-learned", { question: q.example, intent: intent.replace(/_/g, " ") }));
  });
  routes.callbackQuery("adm:uf", async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t("admin-unanswered-add-fact"), { reply_markup: menu(ctx) });
  });

  // ---- /statistik ----
  const stats = async (ctx: BotContext) => {
    const s = ctx.deps.admin.stats.summary(7, 5);
    const share = s.asked ? Math.round((s.answered / s.asked) * 100) : 0;
    const subs = ctx.deps.events?.subscriptions.counts().active ?? 0;
    const days = s.days.map((d) => ctx.t("admin-stats-day", { day: dayjs(d.day).format("DD/MM"), asked: d.asked, answered: d.answered })).join("\n");
    const topic = (name: string) => {
      const kind = RECORD_KINDS.find((k) => k.name === name);
      return kind ? ctx.t(`kind-label-${kind.collection}`) : name.replace(/_/g, " ");
    };
    const intents = s.intents.map(([i, n]) => `• ${topic(i)}: ${n}`).join("\n");
    await ctx.reply(
      [
        ctx.t("admin-stats-title"),
        ctx.t("admin-stats-total", { asked: s.asked, answered: s.answered, share }),
        days ? `${ctx.t("admin-stats-days")}\n${days}` : ctx.t("admin-stats-no-questions"),
        intents ? `${ctx.t("admin-stats-intents")}\n${intents}` : "",
        ctx.t("admin-stats-subscribers", { n: subs }),
      ].filter(Boolean).join("\n\n"),
    );
  };
  guarded.command("statistik", stats);

  // ---- admins (owner only) ----
  guarded.command("admins", (ctx) => ctx.reply(ctx.t("admin-list", { owner: String(ctx.deps.admin.admins.owner ?? "-"), list: ctx.deps.admin.admins.list().join(", ") })));
  guarded.command(["tambahadmin", "hapusadmin"], async (ctx) => {
    const admins = ctx.deps.admin.admins;
    if (!admins.isOwner(ctx.from?.id)) return ctx.reply(ctx.t("admin-owner-only"));
    const id = /^\s*(\d{1,15})\s*$/.exec(ctx.match)?.[1];
    const adding = ctx.msg.text.startsWith("/tambahadmin");
    if (!id) return ctx.reply(ctx.t(adding ? "admin-add-usage" : "admin-remove-usage"));
    const n = Number(id);
    if (adding) {
      const ok = await admins.add(n, ctx.from!.id, ctx.deps.now());
      if (ok) await showAdminMenu(ctx.api, ctx.deps, n);
      return ctx.reply(ctx.t(ok ? "admin-added" : "admin-already", { id }));
    }
    if (admins.isOwner(n)) return ctx.reply(ctx.t("admin-owner-stays"));
    const ok = await admins.remove(n);
    if (ok) await hideAdminMenu(ctx.api, ctx.deps, n);
    return ctx.reply(ctx.t(ok ? "admin-removed" : "admin-not-admin", { id }));
  });

  // Menu buttons for the same actions.
  routes.callbackQuery("adm:riwayat", async (ctx) => (await ctx.answerCallbackQuery(), history(ctx)));
  routes.callbackQuery("adm:urungkan", async (ctx) => (await ctx.answerCallbackQuery(), undo(ctx)));
  routes.callbackQuery("adm:ekspor", async (ctx) => (await ctx.answerCallbackQuery(), exportKb(ctx)));
  routes.callbackQuery("adm:impor", async (ctx) => (await ctx.answerCallbackQuery(), enter(ctx, "import")));
  routes.callbackQuery("adm:belum", async (ctx) => (await ctx.answerCallbackQuery(), unanswered(ctx)));
  routes.callbackQuery("adm:statistik", async (ctx) => (await ctx.answerCallbackQuery(), stats(ctx)));

  // A plain message (a question) from someone who is not an admin and has no guided edit stored
  // concerns nothing above: it skips the conversations plugin and its filters. The plugin keys
  // storage by `prefix + key`, so a missing key reads as "undefined", here as there.
  return only((ctx) => commandOrButton(ctx) || isAdmin(ctx) || store.read(String(conversationKey(ctx))) !== undefined, admin);
}

/** Storage key of a user's guided edit in one chat (the conversations plugin's `getStorageKey`). */
function conversationKey(ctx: Context): string | undefined {
  return ctx.chatId !== undefined && ctx.from ? `${ctx.chatId}:${ctx.from.id}` : undefined;
}

/** Intents offered when filing an unanswered question as an example. */

/** Short stable key of a question for callback data (64-byte limit). */
function key(s: string): string {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}
