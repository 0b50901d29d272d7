import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { checkHealth } from "../../src/server/health.js";
import { parsePrometheus, value } from "../production/prometheus.js";
import { makeBot, OWNER, TestChat, textFrom, USER } from "../helpers/index.js";

/** Unhandled rejections seen while a test runs (the issue: QuestionStats.flush crashed the process). */
const unhandled: unknown[] = [];
const onUnhandled = (err: unknown) => unhandled.push(err);
beforeEach(() => {
  unhandled.length = 0;
  process.on("unhandledRejection", onUnhandled);
});
afterEach(() => {
  process.off("unhandledRejection", onUnhandled);
});

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Makes writes of `file` fail without root or mounts: a folder where the
 * atomic write puts its temporary file (EISDIR on open). Removing it heals.
 */
function breakWrites(file: string): () => void {
  const parts = file.split("/");
  const tmp = [...parts.slice(0, -1), `.${parts.at(-1)}.tmp`].join("/");
  mkdirSync(join(tmp, "in-the-way"), { recursive: true });
  return () => rmSync(tmp, { recursive: true, force: true });
}

async function until(what: () => boolean, ms = 8_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!what()) {
    if (Date.now() > deadline) throw new Error("timed out");
    await sleep(25);
  }
}

describe("a DATA_DIR that refuses writes", () => {
  it("never crashes the bot: question statistics that cannot be written are no unhandled rejection", async () => {
    const { bot, api, dataDir } = await makeBot({ logLevel: "info", flood: {} });
    breakWrites(join(dataDir, "stats.json"));
    breakWrites(join(dataDir, "unanswered.json"));
    await bot.handleUpdate(textFrom(901, "berapa nilai kerja sama jatim kaltim 2023"));
    await bot.handleUpdate(textFrom(901, "resep rendang padang yang enak"));
    // The batched writes run about a second later, and fail.
    await sleep(1_600);
    expect(unhandled).toEqual([]);
    await bot.handleUpdate(textFrom(901, "apa itu DPMPTSP"));
    expect(api.sent("sendMessage")).toHaveLength(3);
    expect(String(api.last("sendMessage")!.text)).toMatch(/Penanaman Modal/);
  });

  it("logs each failed write as one JSON line with path and errno, counts it, shows it in /healthz, retries with back-off and catches up", async () => {
    const { bot, api, deps, dataDir, log } = await makeBot({ logLevel: "info", flood: {} });
    const file = join(dataDir, "unanswered.json");
    const heal = breakWrites(file);
    const before = value(parsePrometheus(await deps.metrics.text()), "sinergi_write_failures_total", { store: "unanswered", code: "EISDIR" }) ?? 0;
    await bot.handleUpdate(textFrom(902, "resep rendang padang yang enak"));
    expect(api.sent("sendMessage")).toHaveLength(1);
    const failures = () => log.json().filter((l) => l.msg === "write failed; kept in memory, retrying" && l.store === "unanswered");
    await until(() => failures().length >= 2);
    const line = failures()[0]!;
    expect(line).toMatchObject({ store: "unanswered", path: file, errno: "EISDIR", attempt: 1 });
    expect(line.retry_in_ms).toBe(1_000);
    expect(failures()[1]!.retry_in_ms).toBe(2_000);
    expect(JSON.stringify(line)).not.toMatch(/"stack"/);
    // One line per failure: the whole record fits on one line of the log.
    expect(log.lines.filter((l) => l.includes('"store":"unanswered"') && l.includes("write failed"))).toHaveLength(failures().length);
    const after = value(parsePrometheus(await deps.metrics.text()), "sinergi_write_failures_total", { store: "unanswered", code: "EISDIR" }) ?? 0;
    expect(after - before).toBeGreaterThanOrEqual(2);
    expect(value(parsePrometheus(await deps.metrics.text()), "sinergi_writes_failing", { store: "unanswered" })).toBe(1);
    const health = await checkHealth(deps);
    expect(health.ok).toBe(false);
    expect(health.problem).toMatch(/unanswered \(EISDIR/);
    // Still answering meanwhile.
    await bot.handleUpdate(textFrom(902, "apa itu DPMPTSP"));
    expect(api.sent("sendMessage")).toHaveLength(2);

    heal();
    await until(() => log.json().some((l) => l.msg === "write recovered" && l.store === "unanswered"));
    expect(Object.keys(JSON.parse(readFileSync(file, "utf8")).questions).some((k) => k.includes("rendang"))).toBe(true);
    expect((await checkHealth(deps)).ok).toBe(true);
    expect(value(parsePrometheus(await deps.metrics.text()), "sinergi_writes_failing", { store: "unanswered" })).toBe(0);
    expect(existsSync(join(dataDir, ".unanswered.json.tmp"))).toBe(false);
    expect(unhandled).toEqual([]);
  }, 20_000);

  it("an admin's save the disk refuses is not acknowledged and changes nothing; it works once the disk is back", async () => {
    const h = await TestChat.open();
    const heal = breakWrites(join(h.dataDir, "knowledge.json"));
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("belum tersimpan");
    expect(h.last(OWNER)).not.toContain("Tersimpan (perubahan");
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answer).not.toContain("Rp120 miliar");
    expect(h.deps.admin.audit.all()).toHaveLength(0);
    heal();
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan (perubahan #1)");
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2024").answer).toContain("Rp120 miliar");
  });

  it("an acknowledged save whose audit line the disk refuses keeps the line and writes it when the disk is back", async () => {
    const h = await TestChat.open();
    const audit = join(h.dataDir, "audit.jsonl");
    // The line is appended to the file itself: make the file a folder.
    mkdirSync(audit);
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan (perubahan #1)");
    expect(existsSync(`${audit}.pending`)).toBe(true);
    rmSync(audit, { recursive: true });
    await until(() => existsSync(audit) && readFileSync(audit, "utf8").includes('"seq":1'));
    expect(existsSync(`${audit}.pending`)).toBe(false);
    expect(unhandled).toEqual([]);
  });

  it("a DATA_DIR deleted under the bot: it goes on answering and writes everything acknowledged again from memory", async () => {
    const h = await TestChat.open();
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2024 Rp120 miliar");
    await h.press(OWNER, "Simpan");
    await h.send(USER, "/langganan");
    await h.press(USER, "Semua");
    expect(h.deps.events.subscriptions.get(USER)?.all).toBe(true);
    rmSync(h.dataDir, { recursive: true, force: true });
    expect(await h.say(USER, "berapa nilai kerja sama jatim kaltim 2024")).toContain("Rp120 miliar");
    h.deps.storage.checkNow();
    await until(() => existsSync(join(h.dataDir, "knowledge.json")) && existsSync(join(h.dataDir, "audit.jsonl")) && existsSync(join(h.dataDir, "events", "subscribers.jsonl")));
    await h.deps.storage.flushAll();
    const kb = JSON.parse(readFileSync(join(h.dataDir, "knowledge.json"), "utf8")) as { cooperationValues: Array<{ amount: number }> };
    expect(kb.cooperationValues.some((c) => c.amount === 120_000_000_000)).toBe(true);
    expect(readFileSync(join(h.dataDir, "audit.jsonl"), "utf8")).toContain('"seq":1');
    expect(readFileSync(join(h.dataDir, "events", "subscribers.jsonl"), "utf8")).toContain(`"c":${USER}`);
    expect(unhandled).toEqual([]);
  });
});

describe("session files (the conversation's context) under the write policy", () => {
  it("a session the disk refuses is logged once with path and errno, shown by /healthz, and clears with the next write", async () => {
    const { bot, api, deps, dataDir, log } = await makeBot({ logLevel: "info", flood: {} });
    // The sessions folder replaced by a file: every session write fails (ENOTDIR).
    rmSync(join(dataDir, "sessions"), { recursive: true, force: true });
    writeFileSync(join(dataDir, "sessions"), "in the way");
    for (let i = 0; i < 5; i++) await bot.handleUpdate(textFrom(903, "apa itu DPMPTSP"));
    expect(api.sent("sendMessage")).toHaveLength(5);
    const lines = log.json().filter((l) => l.store === "sessions" && String(l.msg).startsWith("write failed"));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ errno: "ENOTDIR" });
    expect(String(lines[0]!.path)).toContain(join(dataDir, "sessions"));
    expect((await checkHealth(deps)).problem).toMatch(/sessions \(ENOTDIR/);
    rmSync(join(dataDir, "sessions"));
    await bot.handleUpdate(textFrom(903, "apa itu BUMN"));
    await until(() => log.json().some((l) => l.msg === "write recovered" && l.store === "sessions"));
    expect((await checkHealth(deps)).ok).toBe(true);
    expect(unhandled).toEqual([]);
  });
});
