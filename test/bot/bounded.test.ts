import { statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { Low } from "lowdb";
import { afterEach, describe, expect, it, vi } from "vitest";
import { UnansweredLog } from "../../src/storage/unanswered.js";
import { inlineQuery, makeBot, privateText, tempDir, user, type TestBot } from "../helpers/index.js";
import { parsePrometheus, value } from "../production/prometheus.js";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const metric = async (t: TestBot, name: string, labels: Record<string, string> = {}) => value(parsePrometheus(await t.deps.metrics.text()), name, labels) ?? 0;

afterEach(() => vi.restoreAllMocks());

describe("the unanswered log is bounded", () => {
  it("caps the number of questions and the length of their texts; groups them by normalised text", async () => {
    const dir = tempDir();
    const log = await UnansweredLog.open(dir);
    for (let i = 0; i < 4000; i++) log.add(`pertanyaan panjang nomor ${i} ${"kata ".repeat(800)}`, `Pertanyaan panjang nomor ${i} ${"kata ".repeat(800)}`);
    log.add("kapan  rapat koordinasi", "Kapan rapat koordinasi?");
    log.add("Kapan rapat koordinasi ", "kapan rapat koordinasi");
    await log.flush();
    const top = log.top(5000);
    expect(top.length).toBeLessThanOrEqual(1000);
    for (const q of top) {
      expect(q.normalized.length).toBeLessThanOrEqual(200);
      expect(q.example.length).toBeLessThanOrEqual(300);
    }
    expect(top[0]).toMatchObject({ normalized: "kapan rapat koordinasi", count: 2 });
    expect(statSync(join(dir, "unanswered.json")).size).toBeLessThan(1_000_000);
  });

  it("a file left by an older version with thousands of long texts is cut down when opened", async () => {
    const dir = tempDir();
    const questions: Record<string, unknown> = {};
    for (let i = 0; i < 3000; i++) questions[`q${i} ${"x".repeat(3000)}`] = { normalized: `q${i} ${"x".repeat(3000)}`, example: "y".repeat(3000), count: i % 7, lastAsked: "2025-01-01T00:00:00.000Z" };
    writeFileSync(join(dir, "unanswered.json"), JSON.stringify({ questions }));
    const log = await UnansweredLog.open(dir);
    expect(log.top(5000).length).toBeLessThanOrEqual(1000);
    expect(log.top(1)[0]!.count).toBe(6);
  });

  it("is written at a bounded rate, however many questions arrive", async () => {
    const t = await makeBot();
    const write = vi.spyOn(Low.prototype, "write");
    const started = Date.now();
    // A fixed number of questions (not a fixed time), so that a slow machine asks as many.
    for (let i = 0; i < 60; i++) {
      await t.bot.handleUpdate(privateText(`resep masakan nomor ${i} yang enak`, { from: user(61) }));
      await sleep(20);
    }
    // The first write comes a second after the first question.
    if (Date.now() - started < 1_300) await sleep(1_300 - (Date.now() - started));
    const elapsed = Date.now() - started;
    // Only this bot's unanswered log: logs of the tests before may still be writing in the background.
    const own = join(t.dataDir, "unanswered.json");
    const ownWrites = () => write.mock.instances.filter((db) => ((db as Low<unknown>).adapter as { file?: string }).file === own).length;
    // At most one write per five seconds: the first a second after the first question, the next five seconds later.
    expect(ownWrites()).toBeGreaterThanOrEqual(1);
    expect(ownWrites()).toBeLessThanOrEqual(1 + Math.floor((elapsed - 1_000) / 5_000));
  }, 15_000);
});

describe("inline queries", () => {
  it("are debounced: a query typed letter by letter is answered once at the end, and logged once", async () => {
    const t = await makeBot({ inline: { debounceMs: 150, settleMs: 400 } });
    const typed = "berapa harga cabai di pasar hari ini";
    const steps = Array.from({ length: typed.length }, (_, i) => typed.slice(0, i + 1)).filter((s) => !s.endsWith(" "));
    const pending: Array<Promise<void>> = [];
    for (const q of steps) {
      pending.push(t.bot.handleUpdate(inlineQuery(q, { from: user(62) })));
      await sleep(15);
    }
    await Promise.all(pending);
    expect(t.api.sent("answerInlineQuery").length).toBeLessThanOrEqual(2);
    await sleep(600);
    const logged = t.deps.unanswered.top(100).filter((q) => q.example.startsWith("b"));
    expect(logged.map((q) => q.example)).toEqual([typed]);
  });

  it("are counted apart from questions (metrics and statistics)", async () => {
    const t = await makeBot({ inline: { debounceMs: 0, settleMs: 0 } });
    const questionsBefore = (await metric(t, "sinergi_answers_total", { answered: "true" })) + (await metric(t, "sinergi_answers_total", { answered: "false" }));
    const inlineBefore = await metric(t, "sinergi_inline_answers_total", { answered: "true" });
    await t.bot.handleUpdate(inlineQuery("brp nilai kerjasama jatim kaltim 2023", { from: user(63) }));
    const questionsAfter = (await metric(t, "sinergi_answers_total", { answered: "true" })) + (await metric(t, "sinergi_answers_total", { answered: "false" }));
    expect(questionsAfter).toBe(questionsBefore);
    expect(await metric(t, "sinergi_inline_answers_total", { answered: "true" })).toBe(inlineBefore + 1);
    expect(t.deps.admin.stats.summary().asked).toBe(0);
  });

  it("are inside the flood guard: a user sending a storm of them is paused, others are not", async () => {
    const t = await makeBot({ flood: {}, inline: { debounceMs: 0, settleMs: 0 } });
    const droppedBefore = await metric(t, "sinergi_updates_dropped_total", { reason: "flood" });
    for (let i = 0; i < 150; i++) await t.bot.handleUpdate(inlineQuery(`apa itu bumn ${i}`, { from: user(64) }));
    // 64 in ten seconds are allowed (one per keystroke of a fast typist), then a pause with one notice.
    const answered = t.api.sent("answerInlineQuery").length;
    expect(answered).toBeLessThanOrEqual(70);
    expect(await metric(t, "sinergi_updates_dropped_total", { reason: "flood" })).toBeGreaterThan(droppedBefore);
    await t.bot.handleUpdate(inlineQuery("apa itu bumn", { from: user(65) }));
    expect(t.api.sent("answerInlineQuery").length).toBe(answered + 1);
  });
});

describe("metric labels", () => {
  it("come from a fixed set: an update with a made-up key is counted as 'other'", async () => {
    const t = await makeBot();
    const key = `made_up_${Math.random().toString(36).slice(2)}`;
    await t.bot.handleUpdate({ update_id: 777001, [key]: { x: 1 } } as never);
    const text = await t.deps.metrics.text();
    expect(text).not.toContain(key);
    expect(value(parsePrometheus(text), "sinergi_updates_total", { kind: "other" })).toBeGreaterThanOrEqual(1);
    // Error codes of a misbehaving Bot API too.
    t.api.respond = (call) => (call.method === "sendMessage" ? { error_code: 987654, description: "odd" } : undefined);
    await t.bot.handleUpdate(privateText("apa itu bumn", { from: user(67) }));
    const after = await t.deps.metrics.text();
    expect(after).not.toContain("987654");
    expect(value(parsePrometheus(after), "sinergi_api_calls_failed_total", { method: "sendMessage", code: "other" })).toBeGreaterThanOrEqual(1);
  });
});

describe("questions longer than Telegram allows", () => {
  it("are cut to 4,096 characters before they reach the answerer", async () => {
    const t = await makeBot();
    const answer = vi.spyOn(t.deps.answerer, "answer");
    await t.bot.handleUpdate(privateText(`kapan misi dagang ${"x".repeat(500_000)}`, { from: user(66) }));
    expect(answer).toHaveBeenCalledTimes(1);
    expect(answer.mock.calls[0]![0].length).toBeLessThanOrEqual(4096);
    expect(t.api.sent("sendMessage")).toHaveLength(1);
  });
});
