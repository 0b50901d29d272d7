import { GrammyError, HttpError, type Transformer } from "grammy";
import type { Metrics } from "../../server/metrics.js";

/** Methods that are plumbing, not messages: not counted as sent or failed. */
const PLUMBING = new Set(["getUpdates", "getMe", "setWebhook", "deleteWebhook", "getWebhookInfo"]);

/**
 * A `bot.api` transformer counting outgoing Bot API calls as sent or failed
 * (by method and error code). Conversations use a fresh Api without it.
 */
export function countApiCalls(metrics: Metrics): Transformer {
  return async (prev, method, payload, signal) => {
    if (PLUMBING.has(method)) return prev(method, payload, signal);
    try {
      const res = await prev(method, payload, signal);
      if (res.ok) metrics.sent.inc({ method });
      else metrics.failed.inc({ method, code: String(res.error_code) });
      return res;
    } catch (err) {
      const code = err instanceof GrammyError ? err.error_code : err instanceof HttpError ? 0 : 0;
      metrics.failed.inc({ method, code: String(code) });
      throw err;
    }
  };
}
