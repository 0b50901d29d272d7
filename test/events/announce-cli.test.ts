import { spawn } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../helpers/telegram-server.js";
import type { Sender } from "../../src/events/queue.js";
import { SubscriptionStore } from "../../src/events/subscriptions.js";
import { dataDirWith, expo, openHub } from "../helpers/events.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const server = new FakeTelegram({ rate: 1000 });
afterAll(() => server.close());

describe("npm run announce", () => {
  it("delivers to matching subscribers itself when no bot runs, once per event version", async () => {
    const apiRoot = await server.listen(9230);
    const dir = dataDirWith([expo()]);
    const subs = await SubscriptionStore.open(join(dir, "events", "subscribers.jsonl"));
    subs.update(31, (s) => (s.all = true));
    subs.update(32, (s) => s.kinds.push("misi-dagang"));
    subs.update(33, (s) => s.provinces.push("64"));
    subs.close();
    // Asynchronous: the fake Bot API answers from this very process.
    const run = () =>
      new Promise<{ status: number | null; stdout: string }>((resolve) => {
        const p = spawn(process.execPath, ["--import", "tsx", join(root, "src/cli/announce.ts"), "expo-kaltim-2027"], {
          cwd: root,
          env: { ...process.env, DATA_DIR: dir, BOT_TOKEN: "123456:ABCDEFGHIJKLMNOPQRSTUVWXYZcli", TELEGRAM_API_ROOT: apiRoot, LOG_LEVEL: "silent" },
          stdio: ["ignore", "pipe", "inherit"],
        });
        let stdout = "";
        p.stdout!.setEncoding("utf8").on("data", (d: string) => (stdout += d));
        p.once("exit", (status) => resolve({ status, stdout }));
      });
    const first = await run();
    expect(first.status).toBe(0);
    expect(first.stdout).toContain("Done: 2 sent, 0 failed, 0 blocked the bot, of 2.");
    expect([...server.received.keys()].sort()).toEqual([31, 33]);
    const second = await run();
    expect(second.stdout).toContain("Already announced");
    expect(server.accepted).toBe(2);
  }, 30_000);

  it("while the bot runs, leaves the request in the inbox for the bot", async () => {
    const dir = dataDirWith([expo()]);
    const clock = { now: new Date("2027-03-01T00:00Z") };
    const { hub } = await openHub(dir, clock);
    hub.subscriptions.update(41, (s) => (s.all = true));
    const sent: number[] = [];
    const sender: Sender = { send: async (chat) => (sent.push(chat), { ok: true }), edit: async () => ({ ok: true }) };
    await hub.openQueue(sender);
    hub.requestAnnouncement("expo-kaltim-2027");
    await hub.readInbox();
    hub.queue!.start();
    await hub.queue!.drain();
    await hub.stop();
    expect(sent).toEqual([41]);
  });
});
