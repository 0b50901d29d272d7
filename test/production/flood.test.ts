import { describe, expect, it } from "vitest";
import { translate } from "../../src/i18n/translate.js";
import { group, makeBot, rawMessage, textFrom, update, user } from "../helpers/index.js";

describe("flood protection", () => {
  it("a burst from one user gets one notice and is then ignored; another user is answered throughout", async () => {
    let clock = 1_000_000;
    const { bot, api } = await makeBot({ flood: { limit: 5, windowMs: 10_000, pauseMs: 30_000, now: () => clock } });
    const chats = () => api.sent("sendMessage").map((p) => Number(p.chat_id));
    const notice = translate("id", "flood-notice", { seconds: "30" });

    for (let i = 0; i < 20; i++) {
      clock += 100;
      await bot.handleUpdate(textFrom(601, "brp nilai kerjasama jatim kaltim 2023"));
      if (i % 4 === 0) await bot.handleUpdate(textFrom(602, "apa itu DPMPTSP"));
    }
    const toFlooder = api.sent("sendMessage").filter((p) => p.chat_id === 601);
    // 5 answers, then exactly one notice, then silence.
    expect(toFlooder).toHaveLength(6);
    expect(toFlooder.filter((p) => p.text === notice)).toHaveLength(1);
    expect(toFlooder[5]!.text).toBe(notice);
    // The normal user got all 5 answers.
    expect(chats().filter((id) => id === 602)).toHaveLength(5);
    expect(api.sent("sendMessage").filter((p) => p.chat_id === 602 && p.text === notice)).toHaveLength(0);

    // Still ignored during the pause ...
    clock += 20_000;
    api.clear();
    await bot.handleUpdate(textFrom(601, "halo?"));
    expect(api.calls).toHaveLength(0);
    // ... and answered again once it is over.
    clock += 10_001;
    await bot.handleUpdate(textFrom(601, "brp nilai kerjasama jatim kaltim 2023"));
    expect(chats()).toEqual([601]);
    expect(api.last("sendMessage")!.text).not.toBe(notice);
  });

  it("a user pressing buttons too fast gets the notice as a callback answer; buttons are counted apart from messages", async () => {
    let clock = 0;
    const { bot, api } = await makeBot({ flood: { limit: 2, windowMs: 10_000, pauseMs: 5_000, now: () => clock } });
    // Buttons get three times the message allowance: 6 presses pass, the 7th brings the notice, the 8th is ignored.
    for (let i = 0; i < 8; i++) {
      clock += 10;
      await bot.handleUpdate(
        update({ callback_query: { id: `cb${i}`, from: user(603), chat_instance: "x", data: "ask:id:akronim", message: rawMessage(603, { text: "x" }) } }),
      );
    }
    const answers = api.sent("answerCallbackQuery");
    expect(answers).toHaveLength(7);
    expect(answers[6]!.text).toBe(translate("id", "flood-notice", { seconds: "5" }));
    // The same user can still type a question: messages have their own window.
    api.clear();
    await bot.handleUpdate(update({ message: rawMessage(603, { text: "apa itu bumn" }) }));
    expect(api.sent("sendMessage")).toHaveLength(1);
  });

  it("normal pace is never limited", async () => {
    let clock = 0;
    const { bot, api } = await makeBot({ flood: { limit: 5, windowMs: 10_000, pauseMs: 30_000, now: () => clock } });
    for (let i = 0; i < 30; i++) {
      clock += 2_500; // four messages per ten seconds
      await bot.handleUpdate(textFrom(604, "apa itu DPMPTSP"));
    }
    expect(api.sent("sendMessage")).toHaveLength(30);
  });
});

describe("flood protection in groups", () => {
  it("counts only messages addressed to the bot: group chatter never triggers a notice", async () => {
    let clock = 0;
    const { bot, api } = await makeBot({ flood: { limit: 3, windowMs: 10_000, pauseMs: 30_000, now: () => clock } });
    const forum = group(-100555, "Forum");
    for (let i = 0; i < 10; i++) {
      clock += 100;
      await bot.handleUpdate(update({ message: rawMessage(605, { text: `obrolan biasa ${i}` }, forum) }));
    }
    expect(api.calls).toHaveLength(0);
    // Addressed to the bot: answered (chatter did not use up the allowance) ...
    await bot.handleUpdate(update({ message: rawMessage(605, { text: "@sinergi_bot apa itu DPMPTSP" }, forum) }));
    expect(api.sent("sendMessage")).toHaveLength(1);
    // ... and a burst of mentions is limited like in a private chat.
    for (let i = 0; i < 5; i++) await bot.handleUpdate(update({ message: rawMessage(605, { text: "@sinergi_bot apa itu DPMPTSP" }, forum) }));
    const texts = api.sent("sendMessage").map((p) => p.text);
    expect(texts).toHaveLength(4);
    expect(texts[3]).toBe(translate("id", "flood-notice", { seconds: "30" }));
  });
});
