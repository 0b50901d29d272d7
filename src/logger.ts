import pino, { type Logger } from "pino";

/**
 * Structured JSON logs on stdout; in the console chat, pretty lines on stderr
 * so that stdout stays the conversation. The token is never logged.
 */
export function createLogger(level: string, mode: "json" | "pretty"): Logger {
  const redact = { paths: ["token", "*.token", "config.BOT_TOKEN"], censor: "[redacted]" };
  if (mode === "pretty") {
    return pino({ level, redact }, pino.transport({ target: "pino-pretty", options: { destination: 2, colorize: false } }));
  }
  return pino({ level, redact });
}
