import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, describe, expect, it } from "vitest";
import { checkDataDir, FaultyDataDir, FaultBot, OWNER, printFigures, sleep, TOKEN } from "./fault-tools.js";

const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});
afterAll(() => printFigures("disk full, read-only, deleted"));

const USER = 501;

async function startOn(data: FaultyDataDir): Promise<FaultBot> {
  const bot = await FaultBot.start(data.env());
  cleanup.push(() => bot.api.close(), () => bot.process.kill(), () => data.cleanup());
  return bot;
}

/** Ends every case the same way: a clean restart, an answer, and every file valid. */
async function restartAndCheck(bot: FaultBot, dir: string): Promise<void> {
  // Nothing escaped unhandled, nothing fatal, no multi-line stack on stderr.
  expect(bot.process.logs().filter((l) => String(l.msg).includes("unhandled") || String(l.msg).includes("uncaught") || (l.level as number) >= 60)).toEqual([]);
  expect(bot.process.stderr).toBe("");
  expect(await bot.stop()).toBe(0);
  await bot.launch();
  expect(await bot.say(USER, "apa itu DPMPTSP")).toMatch(/Penanaman Modal/);
  expect(await bot.stop()).toBe(0);
  const { files, problems } = checkDataDir(dir);
  expect(problems).toEqual([]);
  expect(files).toBeGreaterThanOrEqual(4);
  expect(bot.output()).not.toContain(TOKEN.split(":")[1]);
}

describe("DATA_DIR fails under the running bot", () => {
  it("full, then read-only: answers from memory, refuses (and says so) what it cannot save, catches up each time", async () => {
    const data = new FaultyDataDir({ sizeMb: 16 });
    const bot = await startOn(data);
    await bot.say(OWNER, "/start");

    // 1. Full.
    data.fill();
    // Questions are answered, the unanswered ones too, while nothing can be written.
    expect(await bot.askDuringFault(USER, "berapa nilai kerja sama jatim kaltim 2023")).toMatch(/Rp165,7 miliar/);
    expect(await bot.askDuringFault(USER, "resep rendang padang yang enak")).toMatch(/Maaf/);
    expect(await bot.askDuringFault(USER, "siapa wakil gubernur kaltim")).toMatch(/Seno Aji/);
    // A subscription is taken (in memory) and written later.
    await bot.say(USER, "/langganan");
    await bot.press(USER, "Semua");
    // The failure shows: one JSON line with path and errno, /healthz 503, /metrics.
    const line = await bot.waitForLine((l) => l.msg === "write failed; kept in memory, retrying");
    expect(line).toMatchObject({ errno: "ENOSPC" });
    expect(String(line.path)).toContain(data.dir);
    const health = await bot.health();
    expect(health.status).toBe(503);
    expect(health.body.problem).toMatch(/ENOSPC/);
    expect(await bot.metrics()).toMatch(/sinergi_write_failures_total\{store="[a-z-]+",code="ENOSPC"\} [1-9]/);
    // An admin's change is refused, and the admin is told: nothing acknowledged is lost.
    await bot.say(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await bot.press(OWNER, "Simpan");
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("belum tersimpan"));
    expect(await bot.askDuringFault(USER, "berapa nilai kerja sama jatim kaltim 2024")).not.toMatch(/Rp120 miliar/);
    expect(bot.alive).toBe(true);
    data.unfill();
    await bot.waitForLine((l) => l.msg === "write recovered", 30_000);
    // Session files are written again with the next message (another user's: this one is near the flood limit);
    // the stores' own retries follow their back-off.
    expect(await bot.say(USER + 1, "apa itu BUMN")).toMatch(/Badan Usaha Milik Negara/);
    for (let i = 0; i < 150 && (await bot.health()).status !== 200; i++) await sleep(200);
    expect((await bot.health()).body).toEqual({ status: "ok" });
    await bot.say(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await bot.press(OWNER, "Simpan");
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("Tersimpan (perubahan #1)"));

    // 2. Read-only (another user asks: the first is near the flood limit of 8 messages in 10 s).
    const recovered = bot.process.logs().filter((l) => l.msg === "write recovered").length;
    data.readOnly();
    expect(await bot.askDuringFault(USER + 2, "kapan misi dagang jatim ke kaltim")).toMatch(/Mei 2025/);
    expect(await bot.askDuringFault(USER + 2, "bagaimana cara membuat kue lapis")).toMatch(/Maaf/);
    await bot.waitForLine((l) => l.msg === "write failed; kept in memory, retrying" && l.errno === "EROFS");
    expect((await bot.health()).status).toBe(503);
    await bot.say(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp130 miliar");
    await bot.press(OWNER, "Simpan");
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("belum tersimpan"));
    expect(await bot.askDuringFault(USER + 2, "apa itu BUMN")).toMatch(/Badan Usaha Milik Negara/);
    expect(bot.alive).toBe(true);
    data.writable();
    await bot.api.until(() => bot.process.logs().filter((l) => l.msg === "write recovered").length > recovered, 30_000);

    await restartAndCheck(bot, data.dir);
    // What was acknowledged survived: the admin's change, and the subscription taken while the disk was full.
    const kb = readFileSync(join(data.dir, "knowledge.json"), "utf8");
    expect(kb).toContain("120000000000");
    expect(kb).not.toContain("130000000000");
    expect(readFileSync(join(data.dir, "events", "subscribers.jsonl"), "utf8")).toContain(`"c":${USER}`);
    expect(readFileSync(join(data.dir, "unanswered.json"), "utf8")).toContain("kue lapis");
  }, 120_000);

  it("deleted under it (events/inbox, then the whole DATA_DIR): goes on answering, writes back what was acknowledged", async () => {
    const data = new FaultyDataDir({ tmpfs: false });
    const bot = await startOn(data);
    await bot.say(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp140 miliar");
    await bot.press(OWNER, "Simpan");
    await bot.api.until(() => bot.texts(OWNER).at(-1)!.includes("Tersimpan (perubahan #1)"));
    await bot.say(USER, "/langganan");
    await bot.press(USER, "Semua");

    data.delete("events/inbox");
    // The inbox is read every 2 s: made again at the next round.
    for (let i = 0; i < 100 && !existsSync(join(data.dir, "events", "inbox")); i++) await sleep(100);
    expect(bot.alive).toBe(true);
    expect(existsSync(join(data.dir, "events", "inbox"))).toBe(true);
    expect(await bot.askDuringFault(USER, "apa itu BUMN")).toMatch(/Badan Usaha Milik Negara/);

    data.delete();
    expect(await bot.askDuringFault(USER, "berapa nilai kerja sama jatim kaltim 2024")).toMatch(/Rp140 miliar/);
    expect(await bot.askDuringFault(USER, "siapa gubernur jatim")).toMatch(/Khofifah/);
    // Within a few seconds, everything acknowledged is on disk again.
    const deadline = Date.now() + 20_000;
    while (!["knowledge.json", "audit.jsonl", "events/subscribers.jsonl"].every((f) => existsSync(join(data.dir, f)))) {
      if (Date.now() > deadline) throw new Error("not written back");
      await sleep(200);
    }
    expect(bot.alive).toBe(true);
    expect(await bot.askDuringFault(USER, "apa itu DPMPTSP")).toMatch(/Penanaman Modal/);
    expect(await bot.stop()).toBe(0);
    expect(checkDataDir(data.dir).problems).toEqual([]);
    expect(readFileSync(join(data.dir, "knowledge.json"), "utf8")).toContain("140000000000");
    expect(readFileSync(join(data.dir, "audit.jsonl"), "utf8")).toContain('"seq":1');
    expect(readFileSync(join(data.dir, "events", "subscribers.jsonl"), "utf8")).toContain(`"c":${USER}`);
  }, 90_000);
});
