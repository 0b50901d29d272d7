import type { Transformer } from "grammy";

/**
 * A local Bot API emulator answers getUpdates at once, ignoring the long-poll
 * timeout. After a quick empty answer, pause `ms` instead of polling in a tight
 * loop; real Telegram (which holds the request open) is never slowed down.
 */
export function pauseOnQuickEmptyPoll(ms = 200): Transformer {
  return async (prev, method, payload, signal) => {
    const started = Date.now();
    const res = await prev(method, payload, signal);
    if (method === "getUpdates" && res.ok && Array.isArray(res.result) && res.result.length === 0 && Date.now() - started < ms) {
      await new Promise((r) => setTimeout(r, ms));
    }
    return res;
  };
}
