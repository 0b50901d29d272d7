import { createHash } from "node:crypto";
import { z } from "zod";
import { type EventsConfig, parseReminderRule, type ReminderRule } from "./events/config.js";

const boolish = z
  .string()
  .optional()
  .transform((v) => v === "1" || v === "true");

const schema = z.object({
  BOT_TOKEN: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^\d+:[A-Za-z0-9_-]{20,}$/.test(v), "BOT_TOKEN is malformed: expected <bot id>:<secret> as given by @BotFather"),
  TELEGRAM_API_ROOT: z.string().url("TELEGRAM_API_ROOT must be a URL, e.g. http://127.0.0.1:9000").optional(),
  DATA_DIR: z.string().min(1).default(".data"),
  ADMIN_IDS: z
    .string()
    .optional()
    .transform((v, ctx) => {
      const ids: number[] = [];
      for (const part of (v ?? "").split(",").map((s) => s.trim()).filter(Boolean)) {
        if (!/^\d+$/.test(part)) {
          ctx.addIssue({ code: "custom", message: `ADMIN_IDS must be numeric Telegram user ids separated by commas; "${part}" is not` });
          return z.NEVER;
        }
        ids.push(Number(part));
      }
      return ids;
    }),
  WEBHOOK_URL: z
    .string()
    .trim()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^https?:\/\/[^/\s]+/.test(v), "WEBHOOK_URL must be the public https URL Telegram posts updates to, e.g. https://bot.example.go.id/telegram"),
  WEBHOOK_SECRET: z
    .string()
    .optional()
    .transform((v) => (v ? v : undefined))
    .refine((v) => v === undefined || /^[A-Za-z0-9_-]{1,256}$/.test(v), "WEBHOOK_SECRET must be 1-256 characters of A-Z, a-z, 0-9, _ and -"),
  PORT: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return 8080;
      const n = Number(v);
      if (!Number.isInteger(n) || n < 1 || n > 65535) {
        ctx.addIssue({ code: "custom", message: `PORT must be a TCP port number (1-65535); "${v}" is not` });
        return z.NEVER;
      }
      return n;
    }),
  /** Unset: "info", or "warn" in the console chat and the `announce` command (see `logLevel`). */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).optional(),
  /** How long a conversation's context lasts without a message. */
  CONTEXT_TTL_MINUTES: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (!v?.trim()) return 30;
      const n = Number(v);
      if (!Number.isFinite(n) || n <= 0 || n > 7 * 24 * 60) {
        ctx.addIssue({ code: "custom", message: `CONTEXT_TTL_MINUTES must be a number of minutes between 1 and 10080; "${v}" is not` });
        return z.NEVER;
      }
      return n;
    }),
  SINERGI_DEBUG: boolish,
  // Announcements, reminders and their delivery queue (see EventsConfig):
  /** Messages per second for all chats together (Telegram allows about 30). */
  BROADCAST_RATE: z.coerce.number().positive().max(100_000).default(25),
  /** Sends in flight at once (also the most a crash can repeat). */
  BROADCAST_CONCURRENCY: z.coerce.number().int().positive().max(1000).default(4),
  /** Comma-separated reminder rules: "-1d", "-2h", "-30m" before the start, "@07:00" on the morning of the day. */
  REMINDER_OFFSETS: z
    .string()
    .default("-1d,@07:00")
    .transform((v, ctx) => {
      const rules: ReminderRule[] = [];
      for (const spec of v.split(",").filter((s) => s.trim())) {
        try {
          rules.push(parseReminderRule(spec));
        } catch (err) {
          ctx.addIssue({ code: "custom", message: (err as Error).message });
          return z.NEVER;
        }
      }
      return rules;
    }),
  /** Local start time of events known only by their date. */
  DATE_ONLY_START: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "DATE_ONLY_START must be HH:mm").default("08:00"),
  /** How often due reminders are looked for, ms. */
  REMINDER_TICK_MS: z.coerce.number().int().positive().default(30_000),
}).superRefine((c, ctx) => {
  if (c.WEBHOOK_URL && !c.BOT_TOKEN) {
    ctx.addIssue({ code: "custom", path: ["WEBHOOK_URL"], message: "WEBHOOK_URL is set but BOT_TOKEN is not: set BOT_TOKEN (from @BotFather), or unset WEBHOOK_URL for the console chat" });
  }
});

type Env = z.infer<typeof schema>;

/**
 * Validated configuration, read once at start-up from the environment: every
 * variable of `.env.example` under its own name, and the events settings
 * gathered in `events`.
 */
export type Config = Omit<Env, "BROADCAST_RATE" | "BROADCAST_CONCURRENCY" | "REMINDER_OFFSETS" | "DATE_ONLY_START" | "REMINDER_TICK_MS"> & {
  /** Announcements, reminders and the delivery queue (BROADCAST_*, REMINDER_*, DATE_ONLY_START). */
  events: EventsConfig;
};

/** A configuration problem, phrased as one line telling the operator what to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/**
 * Reads and validates the environment, once, at start-up (every program calls
 * it first); throws ConfigError with one clear line on the first problem.
 */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(issue.message.includes(String(issue.path[0])) ? issue.message : `${String(issue.path[0])}: ${issue.message}`);
  }
  const { BROADCAST_RATE, BROADCAST_CONCURRENCY, REMINDER_OFFSETS, DATE_ONLY_START, REMINDER_TICK_MS, ...rest } = result.data;
  return {
    ...rest,
    events: { rate: BROADCAST_RATE, concurrency: BROADCAST_CONCURRENCY, reminderOffsets: REMINDER_OFFSETS, dateOnlyStart: DATE_ONLY_START, tickMs: REMINDER_TICK_MS },
  };
}

/**
 * The log level: LOG_LEVEL when set; otherwise "warn" where the terminal is
 * the user's (the console chat, the `announce` command) and "info" elsewhere.
 */
export function logLevel(config: Config, quiet = false): string {
  return config.LOG_LEVEL ?? (quiet ? "warn" : "info");
}

/** How the bot runs: chosen once at start-up from the configuration. */
export type RunMode =
  /** No BOT_TOKEN: a local chat on the terminal. */
  | { kind: "console" }
  /** BOT_TOKEN: long polling; /healthz and /metrics on `port`. */
  | { kind: "polling"; token: string; port: number }
  /** BOT_TOKEN and WEBHOOK_URL: Telegram posts updates to `path` on `port` with `secret` in a header. */
  | { kind: "webhook"; token: string; port: number; url: string; path: string; secret: string };

/** Picks the run mode; the webhook secret defaults to one derived from the token (stable across restarts). */
export function runMode(config: Config): RunMode {
  if (!config.BOT_TOKEN) return { kind: "console" };
  if (!config.WEBHOOK_URL) return { kind: "polling", token: config.BOT_TOKEN, port: config.PORT };
  const secret = config.WEBHOOK_SECRET ?? createHash("sha256").update(`sinergi-webhook:${config.BOT_TOKEN}`).digest("hex").slice(0, 48);
  const path = new URL(config.WEBHOOK_URL).pathname || "/";
  return { kind: "webhook", token: config.BOT_TOKEN, port: config.PORT, url: config.WEBHOOK_URL, path, secret };
}
