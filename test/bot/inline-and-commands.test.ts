import type { Logger } from "pino";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { CommandMenus } from "../../src/bot/commands.js";
import { inlineQuery, makeBot, user, type TestBot } from "../helpers/index.js";

let t: TestBot;
beforeAll(async () => {
  t = await makeBot();
});
beforeEach(() => {
  t.api.clear();
  t.api.respond = undefined;
});

type Article = { type: string; id: string; title: string; description?: string; input_message_content: { message_text: string; parse_mode?: string } };

describe("inline mode", () => {
  it("returns exactly one article holding the question and the answer", async () => {
    await t.bot.handleUpdate(inlineQuery("brp nilai kerjasama jatim kaltim 2023", { from: user(51) }));
    const call = t.api.last("answerInlineQuery")!;
    const results = call.results as Article[];
    expect(results).toHaveLength(1);
    const [a] = results;
    expect(a!.type).toBe("article");
    expect(a!.title).toBe("Jawaban Sinergi");
    expect(a!.input_message_content.message_text).toContain("brp nilai kerjasama jatim kaltim 2023");
    expect(a!.input_message_content.message_text).toContain("Rp165,7 miliar");
    expect(a!.input_message_content.message_text).toContain("Sumber:");
    expect(a!.input_message_content.parse_mode).toBeUndefined();
    expect(a!.description!.length).toBeLessThanOrEqual(120);
    expect(Buffer.byteLength(a!.id)).toBeLessThanOrEqual(64);
    expect(t.api.sent("sendMessage")).toHaveLength(0);
  });

  it("says so in the title when it has no answer, and logs the question once the user stopped typing", async () => {
    await t.bot.handleUpdate(inlineQuery("berapa harga cabai di pasar hari ini", { from: user(52) }));
    const [a] = t.api.last("answerInlineQuery")!.results as Article[];
    expect(a!.title).toBe("Sinergi belum punya jawabannya");
    await vi.waitFor(() => expect(t.deps.unanswered.top(50).some((q) => q.normalized.includes("cabai"))).toBe(true), { timeout: 5_000 });
  });

  it("an empty query gets no results but a button to start a chat", async () => {
    await t.bot.handleUpdate(inlineQuery("   ", { from: user(53) }));
    const call = t.api.last("answerInlineQuery")!;
    expect(call.results).toEqual([]);
    expect(call.button).toMatchObject({ start_parameter: "inline" });
  });

  it("English queries get an English article, whatever the user's Telegram language", async () => {
    for (const lang of ["en", "id"]) {
      await t.bot.handleUpdate(inlineQuery("who is the vice governor of east kalimantan", { from: user(54, lang) }));
      const [a] = t.api.last("answerInlineQuery")!.results as Article[];
      expect(a!.title).toBe("Sinergi's answer");
      expect(a!.input_message_content.message_text).toContain("Seno Aji");
      expect(a!.input_message_content.message_text).toMatch(/Source: /);
    }
  });
});

describe("the public command menu", () => {
  const logger = () => ({ warn: vi.fn(), info: vi.fn(), error: vi.fn() }) as unknown as Logger & { warn: ReturnType<typeof vi.fn> };

  it("registers the menu in Indonesian (default) and English", async () => {
    const log = logger();
    await new CommandMenus(log).setPublic(t.bot.api);
    const calls = t.api.sent("setMyCommands");
    expect(calls).toHaveLength(2);
    const [id, en] = calls as Array<{ commands: Array<{ command: string; description: string }>; language_code?: string }>;
    expect(id!.language_code).toBeUndefined();
    expect(en!.language_code).toBe("en");
    for (const c of [id!, en!]) {
      expect(c.commands.map((x) => x.command)).toEqual(expect.arrayContaining(["start", "bantuan", "help", "tanya"]));
      for (const x of c.commands) {
        expect(x.command).toMatch(/^[a-z0-9_]{1,32}$/);
        expect(x.description.length).toBeGreaterThanOrEqual(1);
        expect(x.description.length).toBeLessThanOrEqual(256);
      }
    }
    expect(id!.commands.find((x) => x.command === "start")!.description).toBe("Mulai dan lihat contoh pertanyaan");
    expect(en!.commands.find((x) => x.command === "start")!.description).toBe("Start and see example questions");
    expect(log.warn).not.toHaveBeenCalled();
  });

  it("survives setMyCommands failing: logs a warning per language and carries on", async () => {
    t.api.respond = (call) => (call.method === "setMyCommands" ? { error_code: 500, description: "Internal Server Error" } : undefined);
    const log = logger();
    await expect(new CommandMenus(log).setPublic(t.bot.api)).resolves.toBeUndefined();
    expect(t.api.sent("setMyCommands")).toHaveLength(2);
    expect(log.warn).toHaveBeenCalledTimes(2);
    expect(String(log.warn.mock.calls[0]![1])).toMatch(/setMyCommands failed/);
  });
});
