import { askData } from "../../src/bot/callback-data.js";
import { describe, expect, it } from "vitest";
import { createLogger, redactTokens } from "../../src/logger.js";
import { LogSink, makeBot, rawMessage, textFrom, update, user } from "../helpers/index.js";

const TOKEN = "987654321:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

describe("structured logs", () => {
  it("writes one JSON line per update with kind, intent, answered and ms, and no user text", async () => {
    const { bot, deps, log } = await makeBot({ token: TOKEN, logLevel: "info" });
    await bot.handleUpdate(textFrom(801, "brp nilai kerjasama jatim kaltim th 2023 ya min"));
    await bot.handleUpdate(textFrom(801, "resep rendang padang yang enak dong"));
    await bot.handleUpdate(update({ message: rawMessage(801, { sticker: { file_id: "s", file_unique_id: "s", type: "regular", width: 1, height: 1, is_animated: false, is_video: false } }) }));
    await bot.handleUpdate(update({ callback_query: { id: "c", from: user(801), chat_instance: "i", data: askData.pack({ k: "ak", r: deps.answerer.tokenOf("acronyms", "dpmptsp"), a: "expansion" }), message: rawMessage(801, { text: "x" }) } }));

    const lines = log.json().filter((l) => l.msg === "update");
    expect(lines).toHaveLength(4);
    expect(lines[0]).toMatchObject({ kind: "message", content: "text", chat_type: "private", answered: true });
    expect(typeof lines[0]!.intent).toBe("string");
    expect(typeof lines[0]!.ms).toBe("number");
    expect(lines[1]).toMatchObject({ kind: "message", answered: false });
    expect(lines[2]).toMatchObject({ kind: "message", content: "sticker" });
    expect(lines[2]!.intent).toBeUndefined();
    expect(lines[3]).toMatchObject({ kind: "callback_query", answered: true });
    const all = log.lines.join("\n");
    expect(all).not.toMatch(/rendang|kerjasama jatim/);
  });

  it("never writes the token, even when an error message carries the request URL", async () => {
    const failing = (fake: typeof fetch) =>
      (async (input: string | URL | Request, init?: RequestInit) => {
        const url = String(input instanceof Request ? input.url : input);
        if (url.endsWith("/sendMessage")) throw new TypeError(`fetch failed for ${url}`);
        return fake(input, init);
      }) as typeof fetch;
    const { bot, deps, log } = await makeBot({ token: TOKEN, logLevel: "info", fetch: failing });
    await bot.handleUpdate(textFrom(802, "apa itu DPMPTSP"));
    deps.logger.error({ err: new Error(`https://api.telegram.org/bot${TOKEN}/getMe`), token: TOKEN }, `token ${TOKEN}`);
    deps.logger.flush();
    const all = log.lines.join("\n");
    expect(log.lines.length).toBeGreaterThan(1);
    expect(all).toMatch(/update failed/);
    expect(all).toMatch(/\[redacted\]/);
    expect(all).not.toContain(TOKEN);
    expect(all).not.toContain("AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ");
  });

  it("redactTokens leaves ordinary numbers and times alone", () => {
    expect(redactTokens("12:30 WIB, id 123456789, Rp165,7 miliar")).toBe("12:30 WIB, id 123456789, Rp165,7 miliar");
    expect(redactTokens(`/bot${TOKEN}/sendMessage`)).toBe("/bot[redacted]/sendMessage");
  });

  it("redacts the configured token itself, however short, also URL-encoded and its secret part alone", () => {
    // Accepted by the config (20 characters after the colon) but too short for the generic pattern.
    const short = "1234:abcdefghijklmnopqrstuvwx";
    const sink = new LogSink();
    const logger = createLogger("info", "json", sink, [short]);
    const cause = new TypeError(`fetch failed: http://127.0.0.1:9/bot${short}/sendMessage`);
    logger.error({ err: new Error("Network request for 'sendMessage' failed!", { cause }) }, "update failed");
    logger.warn(`retrying ${encodeURIComponent(short)} and abcdefghijklmnopqrstuvwx`);
    const all = sink.lines.join("\n");
    expect(sink.lines).toHaveLength(2);
    expect(all).toContain("[redacted]");
    expect(all).not.toContain("abcdefghijklmnopqrstuvwx");
    expect(redactTokens(`token ${short} here`)).toBe("token [redacted] here");
  });
});
