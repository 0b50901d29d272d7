import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { BotProcess, FakeTelegram, textFrom } from "../helpers/index.js";

const TOKEN = "123456789:AAHdqTcvCH1vGWJxfSeofSAs0K5PALDsawQ";
const cleanup: Array<() => unknown> = [];
afterEach(async () => {
  for (const c of cleanup.splice(0).reverse()) await c();
});

async function fake(port: number): Promise<FakeTelegram> {
  const t = await new FakeTelegram().start(port);
  cleanup.push(() => t.close());
  return t;
}

function bot(env: Record<string, string>): BotProcess {
  const p = new BotProcess({ BOT_TOKEN: TOKEN, LOG_LEVEL: "info", ...env });
  cleanup.push(() => p.kill());
  return p;
}

describe("graceful shutdown of the real process", () => {
  it("webhook: SIGTERM while an update is being handled finishes it, sends the reply and exits 0", async () => {
    const api = await fake(9450);
    api.sendDelayMs = 1200;
    const dataDir = mkdtempSync(join(tmpdir(), "sinergi-sigterm-"));
    const p = bot({ TELEGRAM_API_ROOT: api.root, WEBHOOK_URL: "http://127.0.0.1:9451/tg/webhook", WEBHOOK_SECRET: "rahasia", PORT: "9451", DATA_DIR: dataDir });
    await p.waitForLog("webhook started");
    expect(api.sent("setWebhook")[0]!.payload).toMatchObject({ url: "http://127.0.0.1:9451/tg/webhook", secret_token: "rahasia", drop_pending_updates: false });

    const post = (body: unknown) =>
      fetch("http://127.0.0.1:9451/tg/webhook", {
        method: "POST",
        headers: { "content-type": "application/json", "x-telegram-bot-api-secret-token": "rahasia" },
        body: JSON.stringify(body),
      });
    const delivery = post(textFrom(901, "apa itu DPMPTSP", 5001));
    await api.until(() => api.sent("sendMessage").length === 1);
    expect(api.sent("sendMessage")[0]!.answeredAt).toBeUndefined();
    p.child.kill("SIGTERM");

    expect(await p.exited).toBe(0);
    expect((await delivery).status).toBe(200);
    const [reply] = api.sent("sendMessage");
    expect(reply!.answeredAt).toBeDefined();
    expect(String(reply!.payload.text)).toMatch(/Penanaman Modal/);
    const logs = p.logs();
    expect(logs.find((l) => l.msg === "update")).toMatchObject({ update_id: 5001, kind: "message", answered: true });
    expect(logs.at(-1)!.msg).toBe("stopped");
    expect(p.stdout + p.stderr).not.toContain(TOKEN.split(":")[1]);
    // Nothing takes webhook requests any more.
    await expect(post(textFrom(901, "apa itu UMKM", 5002))).rejects.toThrow();
  });

  it("polling: a deploy (SIGTERM mid-update, then start) answers every update exactly once", async () => {
    const api = await fake(9452);
    api.sendDelayMs = 1000;
    const dataDir = mkdtempSync(join(tmpdir(), "sinergi-deploy-"));
    const env = { TELEGRAM_API_ROOT: api.root, PORT: "9453", DATA_DIR: dataDir };

    const first = bot(env);
    await first.waitForLog("long polling started");
    // Health and metrics are served in polling mode too.
    expect((await fetch("http://127.0.0.1:9453/healthz")).status).toBe(200);
    expect(await (await fetch("http://127.0.0.1:9453/metrics")).text()).toMatch(/^# HELP sinergi_/m);

    api.pending.push(textFrom(902, "apa itu DPMPTSP", 7001));
    await api.until(() => api.sent("sendMessage").length === 1);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);
    expect(api.sent("sendMessage")[0]!.answeredAt).toBeDefined();
    // The last getUpdates confirmed update 7001.
    expect(api.sent("getUpdates").at(-1)!.payload).toMatchObject({ offset: 7002 });
    expect(api.pending.map((u) => u.update_id)).toEqual([]);

    api.sendDelayMs = 0;
    api.pending.push(textFrom(902, "apa itu UMKM", 7002));
    const second = bot(env);
    await api.until(() => api.sent("sendMessage").length === 2);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const texts = api.sent("sendMessage").map((c) => String(c.payload.text));
    expect(texts).toHaveLength(2);
    expect(texts[0]).toMatch(/Penanaman Modal/);
    expect(texts[1]).toMatch(/usaha mikro/i);
  });
});

describe("conversation context across a restart", () => {
  it("a follow-up after SIGTERM and a new start is read against the question before the restart", async () => {
    const api = await fake(9454);
    const dataDir = mkdtempSync(join(tmpdir(), "sinergi-context-"));
    const env = { TELEGRAM_API_ROOT: api.root, PORT: "9455", DATA_DIR: dataDir };
    const first = bot(env);
    await first.waitForLog("long polling started");
    api.pending.push(textFrom(903, "brp nilai kerjasama jatim kaltim th 2023?", 8001));
    await api.until(() => api.sent("sendMessage").length === 1);
    first.child.kill("SIGTERM");
    expect(await first.exited).toBe(0);

    api.pending.push(textFrom(903, "kalau 2024?", 8002));
    const second = bot(env);
    await api.until(() => api.sent("sendMessage").length === 2);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
    const [before, after] = api.sent("sendMessage").map((c) => String(c.payload.text));
    expect(before).toContain("Rp165,7 miliar");
    expect(after).toContain("nilai kerja sama Jatim–Kaltim tahun 2024");
    expect(after).toContain("belum tersedia");
  });
});
