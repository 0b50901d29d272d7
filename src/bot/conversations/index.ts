import { conversations, createConversation } from "@grammyjs/conversations";
import { Composer, type Context } from "grammy";
import type { Plan } from "../../admin/plan.js";
import type { Kind } from "../../admin/kinds.js";
import type { BaseContext, BotContext } from "../context.js";
import { confirmConversation } from "./confirm.js";
import { editConversation } from "./edit.js";
import { importConversation } from "./import.js";
import { releaseConversation } from "./release.js";
import { conversationStorage } from "./storage.js";

/** The conversations plugin, its state in DATA_DIR (see storage.ts): install first, so `ctx.conversation` is there for all that follows. */
export function conversationState(store: BaseContext["deps"]["conversations"]) {
  return conversations<BaseContext, Context>({ storage: conversationStorage(store) });
}

/**
 * The admin's guided flows (edit, confirm, import, release): each takes the
 * updates of a user it is running for. Install after what must reach the
 * user even mid-flow (/batal), before the handlers that enter them.
 */
export function adminFlows(): Composer<BotContext> {
  const c = new Composer<BotContext>();
  c.use(createConversation<BaseContext, Context>(editConversation, "edit"));
  c.use(createConversation<BaseContext, Context>(confirmConversation, "confirm"));
  c.use(createConversation<BaseContext, Context>(importConversation, "import"));
  c.use(createConversation<BaseContext, Context>(releaseConversation, "release"));
  return c;
}

/** The flows and what each is entered with. */
type Flows = { edit: [kind: Kind]; confirm: [plan: Plan]; import: []; release: [] };

/** Starts a flow for the user; one left unfinished is left first. */
export async function enter<F extends keyof Flows>(ctx: BotContext, flow: F, ...args: Flows[F]): Promise<void> {
  await ctx.conversation.exitAll();
  await ctx.conversation.enter(flow, ...args);
}

/** Leaves the user's flows (/batal); true when one was running. */
export async function leave(ctx: BotContext): Promise<boolean> {
  const active = Object.keys(ctx.conversation.active()).length > 0;
  await ctx.conversation.exitAll();
  return active;
}
