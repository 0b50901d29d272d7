import { Composer } from "grammy";
import type { BotContext } from "../../context.js";
import { enter } from "../../conversations/index.js";

/** /rilis: a press release read into facts to review and save (the "release" flow). */
export const rilis = new Composer<BotContext>();

rilis.command("rilis", (ctx) => enter(ctx, "release"));
