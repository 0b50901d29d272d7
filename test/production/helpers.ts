import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Writable } from "node:stream";
import type { Message, Update } from "grammy/types";
import { createDeps } from "../../src/app.js";
import { createBot, type CreateBotOptions } from "../../src/bot/index.js";
import type { Deps } from "../../src/bot/context.js";
import { loadConfig } from "../../src/config.js";
import { FakeBotApi } from "../../src/console/fake-api.js";
import { createLogger } from "../../src/logger.js";

/** Log lines written by a test logger, parsed. */
export class LogSink extends Writable {
  readonly lines: string[] = [];
  override _write(chunk: Buffer, _enc: string, cb: () => void): void {
    this.lines.push(...chunk.toString().split("\n").filter(Boolean));
    cb();
  }
  json(): Array<Record<string, unknown>> {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}

/** Fresh deps on a temporary DATA_DIR, logging JSON into `log`. */
export async function testDeps(env: Record<string, string> = {}): Promise<{ deps: Deps; log: LogSink; dataDir: string }> {
  const dataDir = mkdtempSync(join(tmpdir(), "sinergi-prod-"));
  const config = loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: "info", ...env });
  const log = new LogSink();
  const logger = createLogger("info", "json", log);
  const deps = await createDeps(config, logger);
  return { deps, log, dataDir };
}

/** The whole bot over an in-process fake Bot API. */
export async function testBot(opts: Partial<CreateBotOptions> = {}) {
  const { deps, log, dataDir } = await testDeps();
  const api = new FakeBotApi();
  const bot = createBot({ token: "123456:test-token-abcdefghijklmnopqrstuvwxyz", deps, botInfo: api.botInfo, client: { fetch: api.fetch }, ...opts });
  return { bot, api, deps, log, dataDir };
}

let nextUpdateId = 1;
let nextMessageId = 1;

/** A user; `id` picks who. */
export const user = (id: number, language_code = "id") => ({ id, is_bot: false, first_name: `User${id}`, language_code });

/**
 * A message from user `from` (private chat unless `chat` is given) with the given
 * extra fields (text, sticker, photo ...). Loosely typed on purpose: tests build
 * every kind of update from it.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function message(from: number, fields: Record<string, unknown>, chat?: Record<string, unknown>): any {
  return {
    message_id: nextMessageId++,
    date: Math.floor(Date.now() / 1000),
    chat: chat ?? { id: from, type: "private", first_name: `User${from}` },
    from: user(from),
    ...fields,
  } as unknown as Message;
}

/** An update around a message-like payload. */
export function update(payload: Record<string, unknown>, update_id = nextUpdateId++): Update {
  return { update_id, ...payload } as Update;
}

/** A private text message update. */
export const textUpdate = (from: number, text: string, update_id?: number): Update => update({ message: message(from, { text }) }, update_id);
