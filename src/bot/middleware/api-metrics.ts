import { GrammyError, HttpError, type Transformer } from "grammy";
import type { Metrics } from "../../app/index.js";

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
      else metrics.failed.inc({ method, code: codeLabel(res.error_code) });
      return res;
    } catch (err) {
      const code = err instanceof GrammyError ? err.error_code : err instanceof HttpError ? 0 : 0;
      metrics.failed.inc({ method, code: codeLabel(code) });
      throw err;
    }
  };
}

/** An error code as a metric label from a bounded set: an HTTP status, 0 (network), or "other". */
function codeLabel(code: unknown): string {
  return typeof code === "number" && Number.isInteger(code) && (code === 0 || (code >= 100 && code <= 599)) ? String(code) : "other";
}
