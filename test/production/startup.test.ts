import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { ConfigError, loadConfig, runMode } from "../../src/config.js";
import { BotProcess, FakeTelegram } from "../helpers/index.js";

const GOOD_TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";

async function failsWith(env: Record<string, string>): Promise<string> {
  const p = new BotProcess(env);
  const code = await p.exited;
  expect(code).toBe(1);
  const lines = p.stderr.split("\n").filter(Boolean);
  expect(lines).toHaveLength(1);
  expect(p.stdout).toBe("");
  return lines[0]!;
}

const fake = new FakeTelegram();
afterAll(() => fake.close());

describe("start-up checks (real process, one clear line, exit 1)", () => {
  it("each problem stops start-up with one line saying what to fix", async () => {
    await fake.start(9460);
    fake.rejectToken = true;
    const dir = mkdtempSync(join(tmpdir(), "sinergi-startup-"));
    const aFile = join(dir, "a-file");
    writeFileSync(aFile, "x");
    const brokenDir = mkdtempSync(join(dir, "kb-"));
    writeFileSync(join(brokenDir, "knowledge.json"), "{ this is not json");

    const [malformed, dataDir, knowledge, rejected] = await Promise.all([
      failsWith({ BOT_TOKEN: "12345-not-a-token", DATA_DIR: dir }),
      failsWith({ DATA_DIR: join(aFile, "sub") }),
      failsWith({ DATA_DIR: brokenDir }),
      failsWith({ BOT_TOKEN: GOOD_TOKEN, TELEGRAM_API_ROOT: fake.root, PORT: "9461", DATA_DIR: mkdtempSync(join(dir, "d-")) }),
    ]);
    expect(malformed).toMatch(/^Sinergi cannot start: BOT_TOKEN is malformed/);
    expect(malformed).not.toContain("12345-not-a-token");
    expect(dataDir).toMatch(/^Sinergi cannot start: DATA_DIR .* is not a writable folder/);
    expect(knowledge).toMatch(/^Sinergi cannot start: .*knowledge\.json/);
    expect(rejected).toMatch(/^Sinergi cannot start: BOT_TOKEN was rejected by Telegram/);
    expect(rejected).not.toContain(GOOD_TOKEN.split(":")[1]);
  });

  it("configuration mistakes are one line naming the variable", () => {
    const message = (env: Record<string, string>) => {
      try {
        loadConfig(env);
      } catch (err) {
        expect(err).toBeInstanceOf(ConfigError);
        return (err as Error).message;
      }
      throw new Error("no error");
    };
    expect(message({ WEBHOOK_URL: "https://bot.example.go.id/hook" })).toMatch(/^WEBHOOK_URL is set but BOT_TOKEN is not/);
    expect(message({ BOT_TOKEN: GOOD_TOKEN, PORT: "eighty" })).toMatch(/^PORT must be a TCP port number/);
    expect(message({ BOT_TOKEN: GOOD_TOKEN, WEBHOOK_URL: "bot.example.go.id/hook" })).toMatch(/^WEBHOOK_URL must be/);
    for (const m of [message({ BOT_TOKEN: "abc" }), message({ BOT_TOKEN: GOOD_TOKEN, WEBHOOK_URL: "x" })]) expect(m).not.toContain("\n");
  });
});

describe("run mode", () => {
  it("picks console, polling or webhook from the environment", () => {
    expect(runMode(loadConfig({}))).toEqual({ kind: "console" });
    expect(runMode(loadConfig({ BOT_TOKEN: GOOD_TOKEN }))).toEqual({ kind: "polling", token: GOOD_TOKEN, port: 8080 });
    const hook = runMode(loadConfig({ BOT_TOKEN: GOOD_TOKEN, WEBHOOK_URL: "https://bot.example.go.id/tg/hook", PORT: "3000" }));
    expect(hook).toMatchObject({ kind: "webhook", port: 3000, path: "/tg/hook", url: "https://bot.example.go.id/tg/hook" });
    // Without WEBHOOK_SECRET a secret is derived from the token: stable, valid for Telegram, not the token.
    const secret = (hook as { secret: string }).secret;
    expect(secret).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(secret).not.toContain(GOOD_TOKEN.split(":")[1]);
    expect(runMode(loadConfig({ BOT_TOKEN: GOOD_TOKEN, WEBHOOK_URL: "https://x.id/h", WEBHOOK_SECRET: "abc" }))).toMatchObject({ secret: "abc" });
    expect(() => loadConfig({ BOT_TOKEN: GOOD_TOKEN, WEBHOOK_URL: "https://x.id/h", WEBHOOK_SECRET: "has space" })).toThrow(/WEBHOOK_SECRET/);
  });
});
