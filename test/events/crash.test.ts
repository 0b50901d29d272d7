import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { FakeTelegram } from "../helpers/telegram-server.js";

const child = fileURLToPath(new URL("./fixtures/broadcast-child.ts", import.meta.url));
const N = 300;
const CONCURRENCY = 6;
const RATE = 300;

function start(dir: string, apiRoot: string): ChildProcess {
  return spawn(process.execPath, ["--import", "tsx", child, dir, apiRoot, String(N), String(CONCURRENCY), String(RATE)], { stdio: ["ignore", "ignore", "inherit"] });
}

const exited = (p: ChildProcess) => new Promise<number | null>((r) => (p.exitCode !== null || p.signalCode ? r(p.exitCode) : p.once("exit", (code) => r(code))));

const server = new FakeTelegram({ rate: RATE });
afterAll(() => server.close());

describe("a broadcast killed with SIGKILL and started again", () => {
  it("misses nobody and repeats at most the sends in flight", async () => {
    const apiRoot = await server.listen(9210);
    const dir = mkdtempSync(join(tmpdir(), "sinergi-crash-"));
    const first = start(dir, apiRoot);
    while (server.accepted < N / 3) {
      if (first.exitCode !== null) throw new Error("child ended before the kill");
      await new Promise((r) => setTimeout(r, 2));
    }
    first.kill("SIGKILL");
    await exited(first);
    const atKill = server.accepted;
    expect(atKill).toBeLessThan(N); // killed in the middle
    const journalLines = readFileSync(join(dir, "crash.journal"), "utf8").split("\n").filter(Boolean).length;
    expect(journalLines).toBeGreaterThan(0);

    const second = start(dir, apiRoot);
    expect(await exited(second)).toBe(0);
    const missed = Array.from({ length: N }, (_, i) => i + 1).filter((c) => !server.received.has(c));
    expect(missed).toEqual([]);
    const dup = server.duplicates();
    expect(dup.extra).toBeLessThanOrEqual(CONCURRENCY);
    expect(server.accepted).toBe(N + dup.extra);
    // Running it once more finds the broadcast done and sends nothing.
    const third = start(dir, apiRoot);
    expect(await exited(third)).toBe(0);
    expect(server.accepted).toBe(N + dup.extra);
  }, 30_000);
});
