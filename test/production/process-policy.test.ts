import { spawn } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const child = fileURLToPath(new URL("./fixtures/policy-child.ts", import.meta.url));
const root = fileURLToPath(new URL("../..", import.meta.url));

function runChild(mode: string): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const p = spawn(process.execPath, ["--import", "tsx", child, mode], { cwd: root, stdio: ["ignore", "pipe", "pipe"] });
    let stdout = "";
    let stderr = "";
    p.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    p.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    p.on("close", (code) => resolve({ code, stdout, stderr }));
  });
}

const lines = (out: string) => out.split("\n").filter(Boolean).map((l) => JSON.parse(l) as Record<string, unknown>);

describe("process policy for errors nothing handled", () => {
  it("an unhandled rejection is logged as one JSON line and the process goes on", async () => {
    const r = await runChild("rejection");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("alive");
    const logged = lines(r.stdout);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 50, kind: "rejection", msg: "unhandled rejection; going on" });
  });

  it("an uncaught filesystem error (the disk, not the code) is logged with its errno, and the process goes on", async () => {
    const r = await runChild("fs-exception");
    expect(r.code).toBe(0);
    expect(r.stderr).toContain("alive");
    expect(lines(r.stdout)).toMatchObject([{ kind: "exception", errno: "ENOSPC" }]);
  });

  it("an uncaught bug stops the process with exit code 1, after one fatal line and a final write of the stores", async () => {
    const r = await runChild("bug");
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("flushed");
    expect(r.stderr).not.toContain("alive");
    const logged = lines(r.stdout);
    expect(logged).toHaveLength(1);
    expect(logged[0]).toMatchObject({ level: 60, kind: "exception", msg: "uncaught exception; stopping" });
  });
});
