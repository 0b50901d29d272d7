import { beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import type { Answer } from "../../src/answers/index.js";
import { Answerer } from "../../src/answers/index.js";
import { askData } from "../../src/bot/callback-data.js";
import { MAX_MESSAGE, promptKeyboard, sendAnswer, splitMessage, truncate } from "../../src/bot/reply.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";
import { bareBot, buttonsOf, inlineQuery, makeBot, privateText, sentTexts, user, type TestBot } from "../helpers/index.js";

describe("splitMessage", () => {
  it("leaves a short text alone", () => {
    expect(splitMessage("halo")).toEqual(["halo"]);
    expect(splitMessage("x".repeat(MAX_MESSAGE))).toHaveLength(1);
    expect(splitMessage("")).toEqual([]);
  });

  it("cuts at paragraph breaks first, every chunk within the limit, nothing lost", () => {
    const para = (c: string) => `${c.repeat(30)} `.repeat(40).trim(); // about 1,240 characters
    const text = [para("a"), para("b"), para("c"), para("d"), para("e")].join("\n\n");
    const chunks = splitMessage(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(MAX_MESSAGE);
    // Each cut falls between paragraphs: no paragraph is spread over two chunks.
    for (const c of chunks) for (const p of c.split("\n\n")) expect(new Set(p.replace(/ /g, ""))).toHaveProperty("size", 1);
    expect(chunks.join("\n\n")).toBe(text);
  });

  it("falls back to line breaks, then spaces, never cutting a word", () => {
    const words = Array.from({ length: 3000 }, (_, i) => `kata${i}`).join(" ");
    const chunks = splitMessage(words, 1000);
    for (const c of chunks) expect(c.length).toBeLessThanOrEqual(1000);
    expect(chunks.join(" ")).toBe(words);
    const lines = Array.from({ length: 300 }, (_, i) => `baris ke-${i} dengan sedikit teks`).join("\n");
    const byLine = splitMessage(lines, 1000);
    expect(byLine.join("\n")).toBe(lines);
  });

  it("hard-cuts a word longer than the limit, without splitting an emoji", () => {
    const chunks = splitMessage("x".repeat(9) + "😀".repeat(10), 10);
    for (const c of chunks) {
      expect(c.length).toBeLessThanOrEqual(10);
      expect(c).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/);
    }
    expect(chunks.join("")).toBe("x".repeat(9) + "😀".repeat(10));
  });
});

describe("truncate", () => {
  it("keeps short text, cuts long text to the limit with an ellipsis, never inside an emoji", () => {
    expect(truncate("pendek", 10)).toBe("pendek");
    expect(truncate("satu dua tiga empat", 10)).toBe("satu dua…");
    const cut = truncate("abcdefgh😀😀😀", 10);
    expect(cut.length).toBeLessThanOrEqual(10);
    expect(cut).toBe("abcdefgh…");
  });
});

describe("promptKeyboard", () => {
  it("one row per prompt; a record's prompt carries its kind, token and attribute within 64 bytes, others type their text", () => {
    const answerer = new Answerer(loadKnowledgeFile(dataPath("knowledge.json")));
    const long = "x".repeat(64);
    const kb = promptKeyboard([{ text: "Apa kepanjangan DPMPTSP?", ref: { collection: "acronyms", id: "dpmptsp", attr: "expansion" } }, { text: "pertanyaan lain" }, { text: "id panjang", ref: { collection: "events", id: long, attr: "signatories" } }], answerer)!;
    expect(kb.inline_keyboard).toHaveLength(3);
    const [first] = kb.inline_keyboard[0]! as Array<{ text: string; callback_data: string }>;
    expect(first!.text).toBe("Apa kepanjangan DPMPTSP?");
    expect(askData.unpack(first!.callback_data)).toEqual({ k: "ak", r: answerer.tokenOf("acronyms", "dpmptsp"), a: "expansion" });
    expect(kb.inline_keyboard[1]).toEqual([{ text: "pertanyaan lain", switch_inline_query_current_chat: "pertanyaan lain" }]);
    const [third] = kb.inline_keyboard[2]! as Array<{ callback_data: string }>;
    expect(Buffer.byteLength(third!.callback_data)).toBeLessThanOrEqual(64);
    expect(promptKeyboard([], answerer)).toBeUndefined();
  });
});

describe("sendAnswer", () => {
  const answer = (text: string, suggestions: string[] = []): Answer => ({
    query: "q", intent: "x", score: 1, answered: true, answer: text, suggestions, lang: "id", normalized: "q", prompts: suggestions.map((s) => ({ text: s })), context: null,
  });

  /** A bare bot whose only handler sends `a` (replying to the message when `reply` is set). */
  async function send(a: Answer, reply = false) {
    const { bot, api } = bareBot();
    bot.on("message", (ctx) => sendAnswer(ctx, a, reply ? ctx.msg.message_id : undefined));
    const update = privateText("pertanyaan", { from: user(7) });
    await bot.handleUpdate(update);
    return { api, messageId: update.message!.message_id };
  }

  it("sends a long answer in several messages of at most 4096 characters, buttons on the last, reply on the first", async () => {
    const long = Array.from({ length: 700 }, (_, i) => `Kalimat ke-${i} tentang kerja sama.`).join(" ");
    expect(long.length).toBeGreaterThan(2 * MAX_MESSAGE);
    const { api, messageId } = await send(answer(long, ["Apa itu DPMPTSP?"]), true);
    const sent = api.sent("sendMessage");
    expect(sent.length).toBe(splitMessage(long).length);
    expect(sent.length).toBeGreaterThanOrEqual(3);
    for (const p of sent) expect(String(p.text).length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(sent.map((p) => p.text).join(" ")).toBe(long);
    expect(sent[0]!.reply_parameters).toMatchObject({ message_id: messageId });
    expect(sent.slice(1).every((p) => p.reply_parameters === undefined)).toBe(true);
    expect(buttonsOf(sent.at(-1))).toHaveLength(1);
    expect(sent.slice(0, -1).every((p) => p.reply_markup === undefined)).toBe(true);
  });

  it("sends <, >, & and * verbatim with no parse mode", async () => {
    const text = "Nilai <b>Rp1</b> & *tebal* _miring_ [tautan](http://x) `kode`";
    const { api } = await send(answer(text));
    expect(api.last("sendMessage")).toMatchObject({ text });
    expect(api.last("sendMessage")!.parse_mode).toBeUndefined();
  });
});

describe("through the bot", () => {
  let t: TestBot;
  beforeAll(async () => {
    t = await makeBot();
  });
  beforeEach(() => t.api.clear());

  it("knowledge text with markup characters reaches the user unchanged", async () => {
    const kb = structuredClone(t.deps.knowledge.get());
    const weird = "Dinas <Penanaman> Modal & *Pelayanan* Terpadu_Satu_Pintu";
    kb.acronyms.find((a) => a.short === "DPMPTSP")!.long = weird;
    await t.deps.knowledge.save(kb);

    await t.bot.handleUpdate(privateText("apa kepanjangan DPMPTSP?", { from: user(41) }));
    const msg = t.api.last("sendMessage")!;
    expect(msg.text).toContain(weird);
    expect(msg.parse_mode).toBeUndefined();
  });

  it("an answer longer than 4096 characters is split", async () => {
    const real = t.deps.answerer.answer.bind(t.deps.answerer);
    const spy = vi.spyOn(t.deps.answerer, "answer").mockImplementation((q, o) => {
      const a = real(q, o);
      return { ...a, answer: `${a.answer}\n\n${"Catatan tambahan yang panjang. ".repeat(300)}` };
    });
    try {
      await t.bot.handleUpdate(privateText("brp nilai kerjasama jatim kaltim 2023", { from: user(42) }));
    } finally {
      spy.mockRestore();
    }
    const texts = sentTexts(t.api, 42);
    expect(texts.length).toBe(3);
    expect(texts[0]).toContain("Rp165,7 miliar");
    for (const x of texts) expect(x.length).toBeLessThanOrEqual(MAX_MESSAGE);
  });

  it("an inline article holds at most 4096 characters (cut, not split: it is one message)", async () => {
    const spy = vi.spyOn(t.deps.answerer, "answer").mockImplementation((q) => ({
      query: q, intent: "x", score: 1, answered: true, answer: "😀".repeat(3000), suggestions: [], lang: "id", normalized: q, prompts: [], context: null,
    }));
    try {
      await t.bot.handleUpdate(inlineQuery("pertanyaan panjang", { from: user(43) }));
    } finally {
      spy.mockRestore();
    }
    const [article] = t.api.last("answerInlineQuery")!.results as Array<{ description: string; input_message_content: { message_text: string } }>;
    const text = article!.input_message_content.message_text;
    expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE);
    expect(text.endsWith("…")).toBe(true);
    // No half emoji (a lone surrogate) anywhere.
    expect(text).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
    expect(article!.description).not.toMatch(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])/);
  });
});
