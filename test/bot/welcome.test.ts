import { beforeAll, beforeEach, describe, expect, it } from "vitest";
import { buttonsOf, callbackQuery, command, makeBot, myChatMember, privateText, sentTexts, user, type TestBot } from "../helpers/index.js";

// One bot for the file (building the answerer takes about a second); calls are cleared before each test.
let bot: TestBot["bot"];
let api: TestBot["api"];
beforeAll(async () => {
  ({ bot, api } = await makeBot());
});
beforeEach(() => api.clear());

describe("/start", () => {
  it("welcomes the user by name with three example questions as buttons", async () => {
    const from = user(501, "id", "Rina");
    await bot.handleUpdate(command("/start", { from }));

    const msg = api.last("sendMessage")!;
    expect(msg.chat_id).toBe(501);
    expect(msg.text).toContain("Selamat datang di Sinergi, Rina!");
    const buttons = buttonsOf(msg);
    // Built from the newest facts of the knowledge base, one per kind.
    expect(buttons.map((b) => b.text)).toEqual([
      "Berapa nilai kerja sama Jatim–Kaltim tahun 2023?",
      "Kapan misi dagang Jatim–Kaltim di Balikpapan 2025?",
      "Siapa Gubernur Jatim?",
    ]);
    // Callback data must fit Telegram's 64-byte limit.
    for (const b of buttons) expect(Buffer.byteLength(b.callback_data ?? "")).toBeLessThanOrEqual(64);
  });

  it("pressing an example button stops its spinner and answers that question", async () => {
    const from = user(502);
    await bot.handleUpdate(command("/start", { from }));
    const first = buttonsOf(api.last("sendMessage"))[0]!;
    api.clear();

    await bot.handleUpdate(callbackQuery(first.callback_data!, { from }));

    expect(api.sent("answerCallbackQuery")).toHaveLength(1);
    const answer = api.last("sendMessage")!;
    expect(answer.chat_id).toBe(502);
    expect(answer.text).toContain("Rp165,7 miliar");
    expect(answer.text).toMatch(/Sumber: .*8 Mei 2025/);
  });

  it("every /start button leads to an answered question", async () => {
    await bot.handleUpdate(command("/start"));
    const buttons = buttonsOf(api.last("sendMessage"));
    for (const b of buttons) {
      api.clear();
      await bot.handleUpdate(callbackQuery(b.callback_data!));
      expect(sentTexts(api)).toHaveLength(1);
      expect(sentTexts(api)[0]).toContain("Sumber:");
    }
  });

  it("speaks English to a user whose Telegram is in English, and its buttons answer in English", async () => {
    const from = user(503, "en", "John");
    await bot.handleUpdate(command("/start", { from }));
    const msg = api.last("sendMessage")!;
    expect(msg.text).toContain("Welcome to Sinergi, John!");
    const first = buttonsOf(msg)[0]!;
    expect(first.text).toBe("What was the value of the Jatim–Kaltim cooperation in 2023?");

    await bot.handleUpdate(callbackQuery(first.callback_data!, { from }));
    expect(api.last("sendMessage")!.text).toContain("Rp165.7 billion");
  });

  it("an unknown, outdated or forged button is acknowledged without a message", async () => {
    await bot.handleUpdate(callbackQuery("ask:id:no_such_key"));
    await bot.handleUpdate(callbackQuery("ask:kv:zzzzzz:amount"));
    await bot.handleUpdate(callbackQuery("ask:kv:zzzzzz:constructor"));
    await bot.handleUpdate(callbackQuery("something-else"));
    expect(api.sent("answerCallbackQuery")).toHaveLength(4);
    expect(api.sent("sendMessage")).toHaveLength(0);
  });

  it("/start clears the conversation: a follow-up no longer reads against it", async () => {
    const from = user(504);
    await bot.handleUpdate(privateText("brp nilai kerjasama jatim kaltim th 2023?", { from }));
    await bot.handleUpdate(privateText("kalau 2024?", { from }));
    expect(api.last("sendMessage")!.text).toContain("nilai kerja sama Jatim–Kaltim tahun 2024");
    await bot.handleUpdate(command("/start", { from }));
    await bot.handleUpdate(privateText("kalau 2024?", { from }));
    expect(api.last("sendMessage")!.text).not.toContain("Jatim–Kaltim tahun 2024");
  });
});

describe("/bantuan and /help", () => {
  it("/bantuan explains what the bot answers, with example buttons", async () => {
    await bot.handleUpdate(command("/bantuan"));
    const msg = api.last("sendMessage")!;
    expect(msg.text).toContain("Saya bisa menjawab pertanyaan tentang kerja sama ekonomi antarprovinsi");
    expect(buttonsOf(msg)).toHaveLength(3);
  });

  it("/help gives the same help, in the user's language", async () => {
    await bot.handleUpdate(command("/help", { from: user(1, "id") }));
    expect(api.last("sendMessage")!.text).toContain("Saya bisa menjawab");
    await bot.handleUpdate(command("/help", { from: user(2, "en") }));
    expect(api.last("sendMessage")!.text).toContain("I can answer questions about economic cooperation between provinces");
  });

  it("an unknown command in private gets a pointer to /bantuan", async () => {
    await bot.handleUpdate(command("/foo"));
    expect(api.last("sendMessage")!.text).toContain("/bantuan");
  });
});

describe("membership changes", () => {
  it("a user blocking the bot or adding it to a group sends nothing and does not fail", async () => {
    await bot.handleUpdate(myChatMember("kicked"));
    await bot.handleUpdate(myChatMember("member", { chat: { id: -100777, type: "supergroup", title: "Grup" } }));
    expect(api.sent("sendMessage")).toHaveLength(0);
  });
});
