import { readFileSync } from "node:fs";
import { join } from "node:path";
import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { OFFLINE_BOT } from "../../src/console/fake-api.js";
import { evalKnowledge } from "../helpers/eval.js";
import {
  botMessage,
  callbackQuery,
  buttonsOf,
  command,
  group,
  groupMention,
  groupReplyToBot,
  groupText,
  makeBot,
  privateText,
  sentTexts,
  textMessage,
  user,
  type TestBot,
} from "../helpers/index.js";

/** Thursday 8 May 2025, 12:00 WITA. */
const NOW = new Date("2025-05-08T04:00:00Z");
const QUESTION = "brp nilai kerjasama jatim kaltim th 2023?";

let t: TestBot;
beforeAll(async () => {
  t = await makeBot({ now: NOW });
});
beforeEach(() => t.api.clear());

describe("private chats", () => {
  it("answers free text with the figure and the source line", async () => {
    await t.bot.handleUpdate(privateText(QUESTION, { from: user(11) }));
    const [text] = sentTexts(t.api, 11);
    expect(text).toContain("Rp165,7 miliar");
    expect(text).toMatch(/Sumber: “Perkuat Konektivitas, Pemprov Jatim Lakukan Kunjungan Ke Pemprov Kaltim”.*8 Mei 2025/);
    expect(sentTexts(t.api)).toHaveLength(1);
  });

  it("follows up with suggestion buttons that carry short callback data", async () => {
    await t.bot.handleUpdate(privateText(QUESTION, { from: user(12) }));
    const buttons = buttonsOf(t.api.last("sendMessage"));
    expect(buttons.length).toBeGreaterThan(0);
    expect(buttons.length).toBeLessThanOrEqual(3);
    for (const b of buttons) expect(b.callback_data ?? b.switch_inline_query_current_chat).toBeTruthy();
  });

  it("tolerates typos and slang", async () => {
    await t.bot.handleUpdate(privateText("brapa nilai kerjsama jatim kaltm thn 2023", { from: user(13) }));
    expect(sentTexts(t.api, 13)[0]).toContain("Rp165,7 miliar");
  });

  it("answers an English question in English, whatever the Telegram language", async () => {
    await t.bot.handleUpdate(privateText("what was the value of the jatim kaltim cooperation in 2023?", { from: user(14, "id") }));
    await t.bot.handleUpdate(privateText("what was the value of the jatim kaltim cooperation in 2023?", { from: user(15, "en") }));
    for (const id of [14, 15]) {
      const text = sentTexts(t.api, id)[0]!;
      expect(text).toContain("Rp165.7 billion");
      expect(text).toMatch(/Source: .*8 May 2025/);
    }
  });

  it("never uses a parse mode", async () => {
    await t.bot.handleUpdate(command("/start", { from: user(16) }));
    await t.bot.handleUpdate(privateText(QUESTION, { from: user(16) }));
    await t.bot.handleUpdate(privateText("apa itu dpmptsp", { from: user(16) }));
    expect(t.api.sent("sendMessage").length).toBe(3);
    for (const p of t.api.sent("sendMessage")) expect(p.parse_mode).toBeUndefined();
  });
});

describe("unanswered questions", () => {
  it("are recorded in DATA_DIR/unanswered.json with normalised text, count and last asked", async () => {
    const from = user(21);
    await t.bot.handleUpdate(privateText("Brp nilai kerjasama Jabar–Kaltim th 2023??", { from }));
    await t.bot.handleUpdate(privateText("brp nilai kerjasama jabar kaltim th 2023", { from }));
    const reply = sentTexts(t.api, 21)[0]!;
    expect(reply).toContain("belum tersedia");

    // Saved in the background within about a second (several questions per write).
    const file = await vi.waitFor(
      () => {
        const doc = JSON.parse(readFileSync(join(t.dataDir, "unanswered.json"), "utf8")) as {
          questions: Record<string, { normalized: string; example: string; count: number; lastAsked: string }>;
        };
        if (!Object.keys(doc.questions).some((k) => k.includes("jabar"))) throw new Error("not saved yet");
        return doc;
      },
      { timeout: 5_000, interval: 100 },
    );
    const entries = Object.values(file.questions).filter((q) => q.normalized.includes("jabar"));
    expect(entries).toHaveLength(1);
    const [entry] = entries;
    expect(entry!.normalized).toBe(entry!.normalized.toLowerCase());
    expect(entry!.normalized).not.toMatch(/[?–]/);
    expect(entry!.normalized).toContain("berapa");
    expect(entry!.count).toBe(2);
    expect(entry!.lastAsked).toBe(NOW.toISOString());
  });

  it("answered questions are not recorded", async () => {
    await t.deps.unanswered.flush();
    const before = readFileSync(join(t.dataDir, "unanswered.json"), "utf8");
    await t.bot.handleUpdate(privateText(QUESTION, { from: user(22) }));
    await t.deps.unanswered.flush();
    expect(readFileSync(join(t.dataDir, "unanswered.json"), "utf8")).toBe(before);
  });
});

describe("groups", () => {
  const chat = group(-1001234);
  const from = user(31);

  it("ignores ordinary chatter, even a question", async () => {
    await t.bot.handleUpdate(groupText(QUESTION, { chat, from }));
    await t.bot.handleUpdate(groupText("siang semua", { chat, from }));
    expect(t.api.calls.filter((c) => c.method.startsWith("send"))).toHaveLength(0);
  });

  it("answers when mentioned, replying to the question", async () => {
    const update = groupMention(QUESTION, { chat, from });
    await t.bot.handleUpdate(update);
    const msg = t.api.last("sendMessage")!;
    expect(msg.chat_id).toBe(chat.id);
    expect(msg.text).toContain("Rp165,7 miliar");
    expect(msg.reply_parameters).toMatchObject({ message_id: update.message!.message_id });
  });

  it("answers a mention in the middle of the text, any case", async () => {
    await t.bot.handleUpdate(groupText(`kpn misi dagang jatim ke kaltim @${OFFLINE_BOT.username!.toUpperCase()}?`, { chat, from }));
    expect(t.api.last("sendMessage")!.text).toContain("8 Mei 2025");
  });

  it("a bare mention gets a short how-to", async () => {
    await t.bot.handleUpdate(groupMention("", { chat, from }));
    expect(t.api.last("sendMessage")!.text).toContain("/tanya");
  });

  it("answers a reply to one of its messages", async () => {
    await t.bot.handleUpdate(groupReplyToBot("siapa wagub kaltim?", { chat, from }));
    expect(t.api.last("sendMessage")!.text).toContain("Seno Aji");
  });

  it("ignores a reply to somebody else", async () => {
    const other = textMessage("ada yang tahu?", { chat, from: user(32) });
    await t.bot.handleUpdate(groupText("siapa wagub kaltim?", { chat, from, replyTo: other }));
    expect(t.api.sent("sendMessage")).toHaveLength(0);
  });

  it("answers /tanya <question> and /tanya@bot <question>", async () => {
    await t.bot.handleUpdate(command(`/tanya ${QUESTION}`, { chat, from }));
    await t.bot.handleUpdate(command(`/tanya@${OFFLINE_BOT.username} apa itu dpmptsp`, { chat, from }));
    const [first, second] = sentTexts(t.api, chat.id);
    expect(first).toContain("Rp165,7 miliar");
    expect(second).toContain("Dinas Penanaman Modal dan Pelayanan Terpadu Satu Pintu");
    for (const p of t.api.sent("sendMessage")) expect(p.reply_parameters).toBeDefined();
  });

  it("/tanya with no question gets a usage hint", async () => {
    await t.bot.handleUpdate(command("/tanya", { chat, from }));
    await t.bot.handleUpdate(command("/tanya   ", { chat, from: user(33) }));
    const texts = sentTexts(t.api, chat.id);
    expect(texts).toHaveLength(2);
    for (const text of texts) expect(text).toMatch(/^Tulis pertanyaannya setelah perintah, misalnya: \/tanya /);
  });

  it("/tanya also works in a private chat", async () => {
    await t.bot.handleUpdate(command("/tanya siapa gubernur jatim", { from: user(34) }));
    expect(sentTexts(t.api, 34)[0]).toContain("Khofifah Indar Parawansa");
  });

  it("ignores a reply to another bot", async () => {
    const otherBot = { ...OFFLINE_BOT, id: 42, username: "lain_bot" };
    await t.bot.handleUpdate(groupText("siapa wagub kaltim?", { chat, from, replyTo: botMessage("halo", chat, otherBot) }));
    expect(t.api.sent("sendMessage")).toHaveLength(0);
  });
});

describe("conversation context", () => {
  it("a follow-up is read against the last answer, until the context expires", async () => {
    const from = user(61);
    const clock = { now: new Date("2025-05-08T04:00:00Z") };
    const real = t.deps.now;
    t.deps.now = () => clock.now;
    try {
      await t.bot.handleUpdate(privateText(QUESTION, { from }));
      await t.bot.handleUpdate(privateText("kalau 2024?", { from }));
      expect(sentTexts(t.api, 61).at(-1)).toContain("nilai kerja sama Jatim–Kaltim tahun 2024");
      // 31 quiet minutes later the same words have no context.
      clock.now = new Date(clock.now.getTime() + 31 * 60_000);
      await t.bot.handleUpdate(privateText("kalau 2024?", { from }));
      expect(sentTexts(t.api, 61).at(-1)).not.toContain("Jatim–Kaltim");
    } finally {
      t.deps.now = real;
    }
  });

  it("in a group, each member has a context of their own", async () => {
    const chat = group(-1005555);
    const a = user(71);
    const b = user(72);
    await t.bot.handleUpdate(groupMention("siapa wagub kaltim", { chat, from: a }));
    // B asked nothing before: "dia" is nobody in particular, every statement is offered.
    await t.bot.handleUpdate(groupMention("dia ngomong apa?", { chat, from: b }));
    expect(sentTexts(t.api, -1005555).at(-1)).toContain("Abdunnur");
    // A asked about the vice governor: "dia" is him.
    await t.bot.handleUpdate(groupMention("dia ngomong apa?", { chat, from: a }));
    const reply = sentTexts(t.api, -1005555).at(-1)!;
    expect(reply).toContain("Menurut Seno Aji");
    expect(reply).not.toContain("Abdunnur");
  });
});

describe("which one?", () => {
  it("several matching records: the bot asks with buttons, and a button or a typed choice answers the question", async () => {
    const m = await makeBot({ now: NOW });
    await m.deps.knowledge.save(evalKnowledge("merged"));
    const from = user(81);
    await m.bot.handleUpdate(privateText("berapa nilai kerja sama?", { from }));
    const ask = m.api.last("sendMessage")!;
    expect(String(ask.text)).toContain("Maksud Anda yang mana?");
    const buttons = buttonsOf(ask);
    expect(buttons.length).toBeGreaterThanOrEqual(4);
    const jatim = buttons.find((b) => b.text.includes("Jatim–Kaltim tahun 2023"))!;
    await m.bot.handleUpdate(callbackQuery(jatim.callback_data!, { from }));
    expect(String(m.api.last("sendMessage")!.text)).toContain("Rp165,7 miliar");
    // A new conversation, answered by typing a number instead.
    await m.bot.handleUpdate(command("/start", { from }));
    await m.bot.handleUpdate(privateText("berapa nilai kerja sama?", { from }));
    const options = buttonsOf(m.api.last("sendMessage")).map((b) => b.text);
    const n = options.findIndex((t) => t.includes("Jateng–Sulsel tahun 2024")) + 1;
    await m.bot.handleUpdate(privateText(String(n), { from }));
    expect(String(m.api.last("sendMessage")!.text)).toContain("Rp212,4 miliar");
  });
});
