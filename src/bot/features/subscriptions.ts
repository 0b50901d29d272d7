import { Composer } from "grammy";
import { Menu } from "@grammyjs/menu";
import { eventKinds } from "../../knowledge/schema.js";
import { provinces, provinceShort } from "../../knowledge/provinces.js";
import type { Subscription } from "../../events/subscriptions.js";
import { langOf } from "../i18n.js";
import type { BotContext } from "../context.js";

const lang = langOf;

function current(ctx: BotContext): Subscription | undefined {
  return ctx.chat ? ctx.deps.events.subscriptions.get(ctx.chat.id) : undefined;
}

function change(ctx: BotContext, fn: (s: Subscription) => void): void {
  if (!ctx.chat) return;
  ctx.deps.events.subscriptions.update(ctx.chat.id, (s) => {
    fn(s);
    s.active = true;
  }, lang(ctx));
}

function toggle(list: string[], item: string): void {
  const i = list.indexOf(item);
  if (i >= 0) list.splice(i, 1);
  else list.push(item);
}

const mark = (on: boolean) => (on ? "✅ " : "▫️ ");

/** The user's current choice in words, for /langgananku and the end of the menu. */
export function describe(ctx: BotContext): string {
  const s = current(ctx);
  if (!s) return ctx.t("subs-none");
  const lines = [ctx.t("subs-current")];
  if (s.all) lines.push(ctx.t("subs-current-all"));
  if (s.provinces.length) lines.push(ctx.t("subs-current-provinces", { list: s.provinces.map(provinceShort).join(", ") }));
  if (s.kinds.length) lines.push(ctx.t("subs-current-kinds", { list: s.kinds.map((k) => ctx.t(`kind-${k}`)).join(", ") }));
  if (!s.all && s.provinces.length && s.kinds.length) lines.push(ctx.t("subs-current-both"));
  if (s.events.length) {
    const kb = ctx.deps.knowledge.get();
    const titles = s.events.map((id) => kb.events.find((e) => e.id === id)?.title ?? id);
    lines.push(ctx.t("subs-current-events", { list: titles.join("; ") }));
  }
  if (!s.active) lines.push(ctx.t("subs-current-inactive"));
  lines.push("", ctx.t("subs-current-footer"));
  return lines.join("\n");
}

const outdated = async (ctx: BotContext & { menu: { update: () => void } }) => {
  await ctx.answerCallbackQuery({ text: ctx.t("subs-menu-outdated") });
  ctx.menu.update();
};

/** Main subscription menu: all events, by province, by kind, done. */
export const subscriptionMenu = new Menu<BotContext>("subs", { onMenuOutdated: outdated })
  .text(
    (ctx) => mark(!!current(ctx)?.all) + ctx.t("subs-btn-all"),
    (ctx) => {
      change(ctx, (s) => (s.all = !s.all));
      ctx.menu.update();
    },
  )
  .row()
  .submenu((ctx) => ctx.t("subs-btn-provinces", { n: current(ctx)?.provinces.length ?? 0 }), "subs-prov")
  .submenu((ctx) => ctx.t("subs-btn-kinds", { n: current(ctx)?.kinds.length ?? 0 }), "subs-kind")
  .row()
  .text(
    (ctx) => ctx.t("subs-btn-done"),
    async (ctx) => {
      ctx.menu.close();
      await ctx.editMessageText(describe(ctx));
    },
  );

const provinceMenu = new Menu<BotContext>("subs-prov", { onMenuOutdated: outdated })
  .dynamic((ctx, range) => {
    const chosen = new Set(current(ctx)?.provinces ?? []);
    provinces.forEach((p, i) => {
      range.text(mark(chosen.has(p.code)) + p.short, (c) => {
        change(c, (s) => toggle(s.provinces, p.code));
        c.menu.update();
      });
      if (i % 3 === 2) range.row();
    });
    range.row();
  })
  .back((ctx) => ctx.t("subs-btn-back"));

const kindMenu = new Menu<BotContext>("subs-kind", { onMenuOutdated: outdated })
  .dynamic((ctx, range) => {
    const chosen = new Set(current(ctx)?.kinds ?? []);
    for (const k of eventKinds) {
      range.text(mark(chosen.has(k)) + ctx.t(`kind-${k}`), (c) => {
        change(c, (s) => toggle(s.kinds, k));
        c.menu.update();
      }).row();
    }
  })
  .back((ctx) => ctx.t("subs-btn-back"));

subscriptionMenu.register([provinceMenu, kindMenu]);

async function openMenu(ctx: BotContext): Promise<void> {
  await ctx.reply(ctx.t("subs-menu-intro"), { reply_markup: subscriptionMenu });
}

async function stopAll(ctx: BotContext): Promise<void> {
  const had = ctx.chat ? ctx.deps.events.subscriptions.remove(ctx.chat.id) : false;
  await ctx.reply(had ? ctx.t("subs-stopped") : ctx.t("subs-stopped-none"));
}

/** The menu reply of /langganan: the menu's middleware renders it into the message. */
const menuReply = new Composer<BotContext>(subscriptionMenu, openMenu).middleware();

/**
 * Requests in words that mean /langganan or /berhenti ("saya mau dapat info
 * acara", "stop kirim pengumuman"), by intent: private questions asked with
 * these intents run them instead of a written answer.
 */
export const subscriptionRequests: Readonly<Record<string, (ctx: BotContext) => Promise<unknown>>> = {
  langganan: async (ctx) => {
    await menuReply(ctx, () => Promise.resolve());
  },
  berhenti_langganan: stopAll,
};

/** A user who had blocked the bot and writes again is reachable again. */
export function reactivateSubscriber(ctx: BotContext, next: () => Promise<void>): Promise<void> {
  if (ctx.message) {
    const s = ctx.deps.events.subscriptions.get(ctx.message.chat.id);
    if (s && !s.active) ctx.deps.events.subscriptions.setActive(ctx.message.chat.id, true);
  }
  return next();
}

/**
 * /langganan (menu), /langgananku, /berhenti, and the active flag: blocked
 * (my_chat_member kicked) makes a chat inactive, coming back makes it active
 * again (see also `reactivateSubscriber`).
 */
export const subscriptions = new Composer<BotContext>();

subscriptions.on("my_chat_member", (ctx) => {
  const status = ctx.myChatMember.new_chat_member.status;
  const chat = ctx.myChatMember.chat.id;
  const active = status === "member" || status === "administrator";
  if (ctx.deps.events.subscriptions.setActive(chat, active)) ctx.deps.logger.info({ chat, status }, active ? "subscriber is back" : "subscriber left");
});

subscriptions.use(subscriptionMenu);

subscriptions.command("langganan", openMenu);
subscriptions.command("langgananku", async (ctx) => {
  await ctx.reply(describe(ctx));
});
subscriptions.command("berhenti", stopAll);
