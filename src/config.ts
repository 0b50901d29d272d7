import { z } from "zod";

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
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  SINERGI_DEBUG: boolish,
});

/** Validated configuration, read once at start-up. */
export type Config = z.infer<typeof schema>;

/** A configuration problem, phrased as one line telling the operator what to fix. */
export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Reads and validates the environment; throws ConfigError with one clear line on the first problem. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const result = schema.safeParse(env);
  if (!result.success) {
    const issue = result.error.issues[0]!;
    throw new ConfigError(issue.message.includes(String(issue.path[0])) ? issue.message : `${String(issue.path[0])}: ${issue.message}`);
  }
  return result.data;
}
