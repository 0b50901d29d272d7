import type { WriteMetrics } from "../storage/guard.js";

/** A counter with labels from fixed sets (metric labels never carry user input). */
export interface LabelledCounter<L extends string> {
  inc(labels: Record<L, string>): void;
}

/**
 * What the running bot counts, as a port: the transports (updates, answers,
 * Bot API calls, flood drops, duplicates), the stores (writes, see
 * WriteMetrics) and the process policy (unhandled errors) write to it; the
 * HTTP server serves it on `GET /metrics`. Created once in `main` (the
 * Prometheus implementation is `PrometheusMetrics` in src/server/metrics.ts)
 * and handed to everything through Deps, so no layer reaches up for a
 * process-wide instance and tests count from zero with their own.
 */
export interface Metrics extends WriteMetrics {
  /** Updates handled, by kind (message, callback_query, ...; "other" outside the Bot API's). */
  readonly updates: LabelledCounter<"kind">;
  /** Updates not handled, by reason: duplicate, flood, superseded (inline queries). */
  readonly dropped: LabelledCounter<"reason">;
  /** Inline queries answered, by answered=true|false (not counted as questions). */
  readonly inlineAnswers: LabelledCounter<"answered">;
  /** Bot API calls that succeeded, by method. */
  readonly sent: LabelledCounter<"method">;
  /** Bot API calls that failed, by method and error code (0: network). */
  readonly failed: LabelledCounter<"method" | "code">;
  /** Errors nothing handled, by kind (rejection, exception). */
  readonly unhandled: LabelledCounter<"kind">;
  /** Time to handle one update, in seconds. */
  readonly latency: { observe(seconds: number): void };
  /** Updates being handled right now. */
  readonly inFlight: { set(value: number): void };
  /** Counts one question answered in a chat (answered or not) and updates the answered share. */
  recordAnswer(answered: boolean): void;
  /** Sets the length of a named queue (broadcasts, reminders). */
  setQueueLength(queue: string, length: number): void;
  /** The metrics as text for `GET /metrics`, in the format `contentType` names. */
  text(): Promise<string>;
  readonly contentType: string;
}
