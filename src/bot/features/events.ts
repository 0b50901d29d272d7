import { createCallbackData } from "callback-data";
import { Composer, InlineKeyboard, InputFile, type Bot } from "grammy";
import { eventIcs, icsFileName } from "../../events/ics.js";
import { cardButtons, eventButton, eventCard, eventListButton, eventRef, eventsPage, findEvent, readEventButton, reminderTimesText, type Button } from "../../events/render.js";
import { isUpcoming } from "../../events/schedule.js";
import { UnknownEventError } from "../../events/index.js";
import { langOf } from "../i18n.js";
import type { BotContext, Deps } from "../context.js";
import { telegramSender } from "../sender.js";

const lang = langOf;

function keyboard(rows: Button[][]): InlineKeyboard {
  return InlineKeyboard.from(rows.map((r) => r.map((b) => InlineKeyboard.text(b.text, b.callback_data))));
}

/** Callback data of the /acara page buttons: the page to show. */
export const eventsPageData = createCallbackData("acara", { p: Number });

/** A page of the /acara list (upcoming events, then past ones), one button per event and buttons to turn pages. */
export function eventList(ctx: BotContext, page = 0): { text: string; keyboard?: InlineKeyboard } {
  const l = lang(ctx);
  const hub = ctx.deps.events;
  const p = eventsPage(hub.timeline, (id) => hub.event(id), ctx.deps.now(), page, l);
  if (!p.events.length) return { text: p.text };
  const kb = new InlineKeyboard();
  for (const { n, event } of p.events) kb.text(`${n}. ${event.title.length > 40 ? `${event.title.slice(0, 39)}…` : event.title}`, eventButton.pack({ action: "o", ref: eventRef(event.id) })).row();
  if (p.page > 0) kb.text(ctx.t("events-btn-prev"), eventsPageData.pack({ p: p.page - 1 }));
  if (p.page < p.pages - 1) kb.text(ctx.t("events-btn-next"), eventsPageData.pack({ p: p.page + 1 }));
  return { text: p.text, keyboard: kb };
}

/** Edits the message behind a button, or sends a new one when it cannot be edited. */
async function show(ctx: BotContext, text: string, reply_markup?: InlineKeyboard): Promise<void> {
  if (ctx.callbackQuery?.message) {
    try {
      await ctx.editMessageText(text, { reply_markup });
      return;
    } catch {
      // too old or unchanged: fall through to a new message
    }
  }
  await ctx.reply(text, { reply_markup });
}

/** /acara: browse events; cards with calendar file, location and "remind me". */
export const events = new Composer<BotContext>();

events.command("acara", async (ctx) => {
  const { text, keyboard } = eventList(ctx);
  await ctx.reply(text, { reply_markup: keyboard });
});

events.callbackQuery(eventListButton, async (ctx) => {
  await ctx.answerCallbackQuery();
  const { text, keyboard } = eventList(ctx);
  await show(ctx, text, keyboard);
});

events.callbackQuery(eventsPageData.filter(), async (ctx) => {
  await ctx.answerCallbackQuery();
  const { text, keyboard } = eventList(ctx, eventsPageData.unpack(ctx.callbackQuery.data).p);
  await show(ctx, text, keyboard);
});

events.callbackQuery(eventButton.filter(), async (ctx) => {
  const button = readEventButton(ctx.callbackQuery.data);
  const kb = ctx.deps.knowledge.get();
  const event = button && (button.ref.startsWith("#") ? findEvent(kb, button.ref) : ctx.deps.events.event(button.ref));
  if (!button || !event) return ctx.answerCallbackQuery({ text: ctx.t("events-gone") });
  const l = lang(ctx);
  const now = ctx.deps.now();
  switch (button.action) {
    case "o": {
      await ctx.answerCallbackQuery();
      return show(ctx, eventCard(event, kb, l, ctx.deps.events.lookup), keyboard(cardButtons(event, l, { upcoming: isUpcoming(event, now), back: true })));
    }
    case "ics": {
      await ctx.answerCallbackQuery();
      const file = new InputFile(Buffer.from(eventIcs(event, kb), "utf8"), icsFileName(event));
      await ctx.replyWithDocument(file, { caption: ctx.t("events-ics-caption", { title: event.title }) });
      return;
    }
    case "loc": {
      if (event.latitude === undefined || event.longitude === undefined) return ctx.answerCallbackQuery({ text: ctx.t("events-no-location") });
      await ctx.answerCallbackQuery();
      await ctx.replyWithVenue(event.latitude, event.longitude, event.venue, [event.address, event.city].filter(Boolean).join(", "));
      return;
    }
    case "rem": {
      if (!ctx.chat) return ctx.answerCallbackQuery();
      if (!isUpcoming(event, now)) return ctx.answerCallbackQuery({ text: ctx.t("events-remind-past") });
      ctx.deps.events.subscriptions.update(ctx.chat.id, (s) => {
        if (!s.events.includes(event.id)) s.events.push(event.id);
        s.active = true;
      }, l);
      await ctx.answerCallbackQuery({ text: ctx.t("events-remind-ok-short") });
      const times = reminderTimesText(event, ctx.deps.events.config, l, now);
      await ctx.reply(
        times.length
          ? ctx.t("events-remind-ok", { title: event.title, times: times.map((t) => `• ${t}`).join("\n") })
          : ctx.t("events-remind-ok-soon", { title: event.title }),
      );
      return;
    }
  }
});

/** Admins: /umumkan <event-id> announces an event now and shows the progress in one message. */
events.command("umumkan", async (ctx) => {
  if (!ctx.deps.admin.admins.isAdmin(ctx.from?.id)) return ctx.reply(ctx.t("events-admin-only"));
  const id = ctx.match.trim();
  // The ids of the next events only: a large base holds thousands.
  if (!id) return ctx.reply(ctx.t("events-announce-usage", { ids: ctx.deps.events.timeline.upcoming(ctx.deps.now(), 0, 10).ids.join(", ") }));
  const msg = await ctx.reply(ctx.t("events-announce-preparing"));
  try {
    const { broadcast, created } = await ctx.deps.events.announce(id, { reason: "manual", notify: { chatId: msg.chat.id, messageId: msg.message_id, lang: lang(ctx) } });
    if (!created && broadcast.status === "pending" && broadcast.notify?.messageId === msg.message_id) {
      // being sent right now: this message shows its progress
    } else if (!created) {
      await ctx.api.editMessageText(msg.chat.id, msg.message_id, ctx.t("events-announce-exists", { id: broadcast.id, sent: broadcast.sent, total: broadcast.total }));
    } else if (!broadcast.total) {
      await ctx.api.editMessageText(msg.chat.id, msg.message_id, ctx.t("events-announce-nobody"));
    }
  } catch (err) {
    if (err instanceof UnknownEventError) return ctx.api.editMessageText(msg.chat.id, msg.message_id, ctx.t("events-unknown", { id }));
    throw err;
  }
});

/**
 * Starts announcements and reminders: opens the delivery queue on the bot's
 * Api, resumes unfinished broadcasts, starts the reminder clock, and registers
 * their stop with the lifecycle. Call once, in every transport mode.
 */
export async function startEvents(deps: Deps, bot: Bot<BotContext>): Promise<void> {
  await deps.events.start(telegramSender(bot.api));
  deps.lifecycle.onShutdown("events", () => deps.events.stop());
}
