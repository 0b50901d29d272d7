import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

/**
 * A bot token (`<bot id>:<secret>`), wherever it appears: grammY puts it in
 * request URLs (`.../bot123:ABC.../sendMessage`), and network errors quote them.
 */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** The configured secrets (and their URL-encoded forms), redacted wherever they appear, whatever their length. */
const secrets = new Set<string>();

/** Shortest secret redacted on its own: shorter strings would redact ordinary words. */
const MIN_SECRET = 8;

/**
 * Registers secrets to scrub from every log line and start-up message: the
 * configured BOT_TOKEN (also URL-encoded, and its part after the colon alone)
 * and the webhook secret. Process-wide; empty and very short values are ignored.
 */
export function addSecrets(...values: ReadonlyArray<string | undefined>): void {
  for (const value of values) {
    if (!value) continue;
    const forms = [value, encodeURIComponent(value)];
    const colon = value.indexOf(":");
    if (colon >= 0) forms.push(value.slice(colon + 1));
    for (const f of forms) if (f.length >= MIN_SECRET) secrets.add(f);
  }
}

/** Replaces every bot token and every registered secret in a text by `[redacted]`. */
export function redactTokens(text: string): string {
  let out = text.replace(TOKEN_PATTERN, "[redacted]");
  // Longest first, so a token is replaced whole before its secret part alone.
  if (secrets.size) for (const s of [...secrets].sort((a, b) => b.length - a.length)) if (out.includes(s)) out = out.split(s).join("[redacted]");
  return out;
}

/**
 * Structured JSON logs on stdout (or `destination`); in the console chat,
 * pretty lines on stderr so that stdout stays the conversation. Every line is
 * scrubbed of bot tokens and of `secrets` (the configured token, whatever its
 * length) before it is written, whatever object carried them.
 */
export function createLogger(level: string, mode: "json" | "pretty", destination?: DestinationStream, secretValues: ReadonlyArray<string | undefined> = []): Logger {
  addSecrets(...secretValues);
  const options = {
    level,
    redact: { paths: ["token", "*.token", "config.BOT_TOKEN", "*.config.BOT_TOKEN", "config.WEBHOOK_SECRET", "*.config.WEBHOOK_SECRET"], censor: "[redacted]" },
    hooks: { streamWrite: redactTokens },
  };
  if (mode === "pretty") {
    // In the process, not as a transport: a transport is a worker thread, a second JavaScript engine in memory.
    return pino(options, pretty({ destination: 2, colorize: false, sync: true }));
  }
  return destination ? pino(options, destination) : pino(options);
}
