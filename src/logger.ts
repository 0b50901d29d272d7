import pino, { type DestinationStream, type Logger } from "pino";
import pretty from "pino-pretty";

/**
 * A bot token (`<bot id>:<secret>`), wherever it appears: grammY puts it in
 * request URLs (`.../bot123:ABC.../sendMessage`), and network errors quote them.
 */
const TOKEN_PATTERN = /\d{5,}:[A-Za-z0-9_-]{30,}/g;

/** Replaces every bot token in a text by `[redacted]`. */
export function redactTokens(text: string): string {
  return text.replace(TOKEN_PATTERN, "[redacted]");
}

/**
 * Structured JSON logs on stdout (or `destination`); in the console chat,
 * pretty lines on stderr so that stdout stays the conversation. Every line is
 * scrubbed of bot tokens before it is written, whatever object carried them.
 */
export function createLogger(level: string, mode: "json" | "pretty", destination?: DestinationStream): Logger {
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
