import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from "prom-client";
import type { Metrics } from "../app/metrics.js";

/**
 * The metrics port (see Metrics in src/app/metrics.ts) in Prometheus: one
 * registry, served as text on `GET /metrics`. `main` creates one and hands it
 * to everything through Deps; tests build their own to start from zero.
 */
export class PrometheusMetrics implements Metrics {
  /** The Prometheus registry all metrics below are in. */
  readonly registry = new Registry();

  /** Updates that went through the bot, by kind (message, callback_query, ...). */
  readonly updates = new Counter({
    name: "sinergi_updates_total",
    help: "Updates handled, by update kind",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  /** Updates dropped before the features: repeats (same update_id), flood protection, inline queries superseded while typing. */
  readonly dropped = new Counter({
    name: "sinergi_updates_dropped_total",
    help: "Updates not handled, by reason (duplicate, flood, superseded)",
    labelNames: ["reason"] as const,
    registers: [this.registry],
  });

  /** Questions answered, split by whether the knowledge base had the answer. */
  readonly answers = new Counter({
    name: "sinergi_answers_total",
    help: "Questions answered, by answered=true|false (false: honest 'not available yet')",
    labelNames: ["answered"] as const,
    registers: [this.registry],
  });

  /** Share of questions that found an answer since start-up (0..1). */
  readonly answeredShare = new Gauge({
    name: "sinergi_answered_share",
    help: "Share of questions answered from the knowledge base since start-up (0..1)",
    registers: [this.registry],
  });

  /** Wall time of one update, from arrival to the end of its handling. */
  readonly latency = new Histogram({
    name: "sinergi_update_duration_seconds",
    help: "Time to handle one update, in seconds",
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
    registers: [this.registry],
  });

  /** Jobs waiting in a queue (broadcasts, reminders), set by the queue's owner. */
  readonly queueLength = new Gauge({
    name: "sinergi_queue_length",
    help: "Jobs waiting in a queue, by queue name",
    labelNames: ["queue"] as const,
    registers: [this.registry],
  });

  /** Updates being handled right now. */
  readonly inFlight = new Gauge({
    name: "sinergi_updates_in_flight",
    help: "Updates being handled right now",
    registers: [this.registry],
  });

  /** Outgoing Bot API calls that succeeded, by method. */
  readonly sent = new Counter({
    name: "sinergi_api_calls_sent_total",
    help: "Bot API calls that succeeded (messages sent, edits, callback answers ...), by method",
    labelNames: ["method"] as const,
    registers: [this.registry],
  });

  /** Outgoing Bot API calls that failed, by method and error code (0: network). */
  readonly failed = new Counter({
    name: "sinergi_api_calls_failed_total",
    help: "Bot API calls that failed, by method and error code (0: network error)",
    labelNames: ["method", "code"] as const,
    registers: [this.registry],
  });

  /** Writes to DATA_DIR that failed, by store and errno code (from fixed sets). */
  readonly writeFailures = new Counter({
    name: "sinergi_write_failures_total",
    help: "Writes to DATA_DIR that failed (each is retried with back-off), by store and errno code",
    labelNames: ["store", "code"] as const,
    registers: [this.registry],
  });

  /** 1 while a store's writes are failing (its changes are kept in memory and retried), else 0. */
  readonly writesFailing = new Gauge({
    name: "sinergi_writes_failing",
    help: "1 while writes of a store to DATA_DIR are failing (changes kept in memory, retried), else 0",
    labelNames: ["store"] as const,
    registers: [this.registry],
  });

  /** Writes to DATA_DIR that succeeded, by store. */
  readonly writes = new Counter({
    name: "sinergi_writes_total",
    help: "Writes to DATA_DIR that succeeded, by store",
    labelNames: ["store"] as const,
    registers: [this.registry],
  });

  /** Errors nothing handled (unhandled rejections, uncaught exceptions), by kind. */
  readonly unhandled = new Counter({
    name: "sinergi_unhandled_errors_total",
    help: "Errors no code handled, by kind (rejection, exception)",
    labelNames: ["kind"] as const,
    registers: [this.registry],
  });

  /** Inline queries answered, by answered=true|false (kept apart from questions in chats). */
  readonly inlineAnswers = new Counter({
    name: "sinergi_inline_answers_total",
    help: "Inline queries answered after the typing pause, by answered=true|false (not counted as questions)",
    labelNames: ["answered"] as const,
    registers: [this.registry],
  });

  /** A write of `store` failed with `code`. */
  writeFailed(store: string, code: string): void {
    this.writeFailures.inc({ store, code });
  }

  /** A write of `store` succeeded. */
  writeSucceeded(store: string): void {
    this.writes.inc({ store });
  }

  /** Whether `store`'s writes are failing now. */
  setWriteFailing(store: string, failing: boolean): void {
    this.writesFailing.set({ store }, failing ? 1 : 0);
  }

  private answeredCount = 0;
  private questionCount = 0;

  /** Counts one answer and updates the answered share. */
  recordAnswer(answered: boolean): void {
    this.questionCount++;
    if (answered) this.answeredCount++;
    this.answers.inc({ answered: String(answered) });
    this.answeredShare.set(this.answeredCount / this.questionCount);
  }

  /** Sets the length of a named queue (call it whenever the queue changes). */
  setQueueLength(queue: string, length: number): void {
    this.queueLength.set({ queue }, length);
  }

  /** Adds Node process metrics (memory, event loop lag, ...) under the `sinergi_` prefix. */
  withProcessMetrics(): this {
    collectDefaultMetrics({ register: this.registry, prefix: "sinergi_" });
    return this;
  }

  /** Prometheus text exposition format. */
  text(): Promise<string> {
    return this.registry.metrics();
  }

  /** The content type of `text()` (Prometheus text exposition). */
  get contentType(): string {
    return this.registry.contentType;
  }
}
