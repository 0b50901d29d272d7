import { existsSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { connect } from "node:net";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import type { Knowledge } from "../../src/knowledge/schema.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";
import { callbackQuery, inlineQuery, privateText, textMessage } from "../helpers/index.js";
import { oldVersionBase } from "../helpers/old-knowledge.js";
import { checkDataDir, FaultyDataDir, figures, freePort, FaultBot, OWNER, printFigures, sleep, TOKEN } from "./fault-tools.js";

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
afterAll(() => printFigures("bad inputs"));

const USER = 503;
const SECRET = "rahasia_faults-123";

/** A bad input fed to the bot: counted as a fault. */
function feed(): void {
  figures.faults++;
}

describe("the bad inputs of the issue, fed to the real bot (webhook mode)", () => {
  it("never takes it down: old data, imports past the limits, forged buttons, webhook abuse, floods, a broken connection", async () => {
    const data = new FaultyDataDir({ tmpfs: false });
    // A knowledge base the previous version saved: a 300-character event id, province 99, 1e308 ...
    writeFileSync(join(data.dir, "knowledge.json"), JSON.stringify(oldVersionBase(), null, 2));
    feed();
    const port = await freePort();
    const bot = await FaultBot.start({ ...data.env(), WEBHOOK_URL: `http://127.0.0.1:${port}/hook`, WEBHOOK_SECRET: SECRET, PORT: String(port) });
    cleanup.push(() => bot.api.close(), () => bot.process.kill(), () => data.cleanup());
    // Started: repaired, the original kept, and it answers.
    await bot.waitForLine((l) => l.msg === "knowledge base from an older version repaired to pass today's limits");
    expect(readdirSync(join(data.dir, "backups")).some((f) => f.endsWith(".original.json"))).toBe(true);
    expect(await bot.askDuringFault(USER, "siapa gubernur jatim")).toMatch(/Khofifah/);

    // An import with an event whose id is 300 characters, dated tomorrow: refused with the reason.
    const seed = loadKnowledgeFile(dataPath("knowledge.json"));
    const tomorrow = new Date(Date.now() + 86_400_000).toISOString().slice(0, 10);
    const long: Knowledge = structuredClone(seed);
    long.events.push({ ...seed.events[0]!, id: "e".repeat(300), date: tomorrow });
    const bad = join(data.root, "panjang.json");
    writeFileSync(bad, JSON.stringify(long));
    await bot.say(OWNER, "/impor");
    await bot.sendDocument(OWNER, "panjang.json", bad);
    feed();
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("Berkas ditolak"));
    expect(bot.texts(OWNER).at(-1)).toMatch(/id paling banyak 64 karakter/);
    // Province 99, javascript: and file: URLs, year 9999, 1e309, duplicate source ids, control characters.
    const worse = JSON.stringify({
      ...seed,
      sources: [...seed.sources, { ...seed.sources[0]!, url: "javascript:alert(1)" }, { id: "f", publisher: "P", title: "T", date: "9999-01-01", url: "file:///etc/passwd" }],
      cooperationValues: [{ ...seed.cooperationValues[0]!, provinces: ["99", "64"], amount: 12345 }],
      officials: [{ ...seed.officials[0]!, name: "Budi\u202Eitu\u0007" }, ...seed.officials.slice(1)],
    }).replace('"amount":12345', '"amount":1e309');
    writeFileSync(bad, worse);
    await bot.sendDocument(OWNER, "buruk.json", bad);
    feed();
    await bot.api.until(() => bot.texts(OWNER).filter((t) => t.includes("Berkas ditolak")).length === 2).catch((err) => {
      throw new Error(`${err}: ${JSON.stringify(bot.texts(OWNER).slice(-4))}`);
    });
    const refusal = bot.texts(OWNER).at(-1)!;
    expect(refusal).toMatch(/Berkas ditolak: \d+ kesalahan/);
    expect(refusal).not.toMatch(/diterima number/);
    await bot.say(OWNER, "/batal");
    // Several reminder ticks later (every 500 ms here) it still runs.
    await sleep(1_500);
    expect(bot.alive).toBe(true);

    // A forged learned-example button: refused, and similar questions still answered.
    await bot.say(USER, "kapan rapat koordinasi pemprov");
    await bot.say(OWNER, "/belumterjawab");
    const example = bot.buttonData(OWNER, "Contoh 1");
    await bot.press(OWNER, "Contoh 1");
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("contoh pertanyaan tentang apa"));
    const key = example.split(":")[2]!;
    await bot.push(callbackQuery(`adm:ui:${key}:constructor`, { from: bot.user(OWNER), messageId: 1 }));
    feed();
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("tidak dikenal"));
    expect(await bot.askDuringFault(USER, "kapan rapat koordinasi pemprov dimulai")).toBeTruthy();

    // Webhook abuse: null, arrays, a body of 2 MB, updates without update_id, a slow body, made-up update keys.
    for (const body of ["null", "[]", "42"]) expect((await bot.post(body)).status, body).toBe(400);
    const huge = await bot.post(JSON.stringify({ update_id: 1, message: { text: "x".repeat(2 * 1024 * 1024) } })).catch((err: unknown) => err);
    if (huge instanceof Response) expect(huge.status).toBe(413);
    const noId = (text: string) => JSON.stringify({ message: textMessage(text, { from: bot.user(USER) }) });
    const before = bot.texts(USER).length;
    expect((await bot.post(noId("apa itu DPMPTSP"))).status).toBe(200);
    expect((await bot.post(noId("apa itu BUMN"))).status).toBe(200);
    await bot.api.until(() => bot.texts(USER).length >= before + 2);
    const slow = connect(port, "127.0.0.1", () => slow.write(`POST /hook HTTP/1.1\r\nHost: x\r\nX-Telegram-Bot-Api-Secret-Token: ${SECRET}\r\nContent-Length: 500\r\n\r\n{`));
    slow.on("error", () => undefined);
    const madeUp = `made_up_${Date.now()}`;
    expect((await bot.post(JSON.stringify({ update_id: 424242, [madeUp]: {} }))).status).toBe(200);
    for (let i = 0; i < 6; i++) feed();
    expect(await bot.metrics()).not.toContain(madeUp);

    // Floods: a storm of inline queries (one per keystroke), 1,500 long unanswered questions.
    await Promise.all(Array.from({ length: 120 }, (_, i) => bot.push(inlineQuery(`brp n ${"x".repeat(i % 30)}`, { from: bot.user(USER + 1) }))));
    expect(bot.api.sent("answerInlineQuery").length).toBeLessThan(120);
    feed();
    const answersBefore = Array.from({ length: 50 }, (_, k) => bot.texts(USER + 2 + k).length).reduce((a, b) => a + b, 0);
    // Posted 20 at a time, as Telegram does (at most max_connections at once; past the cap connections are refused).
    for (let start = 0; start < 1_500; start += 20) {
      await Promise.all(
        Array.from({ length: 20 }, (_, k) => start + k).map((i) =>
          bot.post(JSON.stringify(privateText(`pertanyaan aneh nomor ${i} ${"blabla ".repeat(580)}`, { from: bot.user(USER + 2 + (i % 50)), updateId: 500_000 + i }))),
        ),
      );
    }
    feed();
    expect(bot.alive).toBe(true);
    expect(await bot.askDuringFault(USER, "siapa wakil gubernur kaltim")).toMatch(/Seno Aji/);
    // Each of the 50 users sent 30 questions: the flood guard answered the first ones and paused the rest.
    const floodAnswers = Array.from({ length: 50 }, (_, k) => bot.texts(USER + 2 + k).length).reduce((a, b) => a + b, 0) - answersBefore;
    expect(floodAnswers).toBeGreaterThan(0);
    figures.answersDuringFaults += floodAnswers;
    // (The slow body held one connection all along without holding anything up; the server's time-outs
    // that close it are tested with short limits in test/production/webhook.test.ts.)
    slow.destroy();

    // The Bot API connection breaks mid-answer: errors quote request URLs, never the (short) token.
    bot.api.cutConnections.add("sendMessage");
    feed();
    const sends = bot.api.sent("sendMessage").length;
    await bot.push({ message: textMessage("apa itu DPMPTSP", { from: bot.user(USER) }) });
    await bot.waitForLine((l) => l.msg === "update failed");
    // The answer and the apology that follows it both break.
    await bot.api.until(() => bot.api.sent("sendMessage").length >= sends + 2);
    bot.api.cutConnections.clear();
    expect(await bot.askDuringFault(USER, "apa itu BUMN")).toMatch(/Badan Usaha Milik Negara/);
    expect(bot.output()).toContain("[redacted]");

    // Restart: the unanswered log is bounded on disk, every file is valid, the token never logged.
    expect(await bot.stop()).toBe(0);
    expect(statSync(join(data.dir, "unanswered.json")).size).toBeLessThan(1_000_000);
    await bot.launch();
    expect(await bot.say(USER, "apa itu DPMPTSP")).toMatch(/Penanaman Modal/);
    expect(await bot.stop()).toBe(0);
    const { problems } = checkDataDir(data.dir);
    expect(problems).toEqual([]);
    expect(existsSync(join(data.dir, "knowledge.json"))).toBe(true);
    expect(bot.output()).not.toContain(TOKEN.split(":")[1]);
  }, 120_000);
});
