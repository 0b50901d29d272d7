import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir } from "../helpers/index.js";

/** `npm run --silent ask -- <args>`, exactly as documented, on a fresh DATA_DIR. */
const ask = (args: string[], input?: string, dataDir = tempDir()) => run("npm", ["run", "--silent", "ask", "--", ...args], { env: { DATA_DIR: dataDir }, input });

const QUESTION = "brp nilai kerjasama jatim kaltim th 2023?";
const KEYS = ["query", "intent", "score", "answered", "answer", "suggestions"];

function checkShape(o: Record<string, unknown>) {
  expect(Object.keys(o)).toEqual(KEYS);
  expect(typeof o.query).toBe("string");
  expect(o.intent === null || typeof o.intent === "string").toBe(true);
  expect(typeof o.score).toBe("number");
  expect(o.score).toBeGreaterThanOrEqual(0);
  expect(o.score).toBeLessThanOrEqual(1);
  expect(typeof o.answered).toBe("boolean");
  expect(typeof o.answer).toBe("string");
  expect(Array.isArray(o.suggestions) && (o.suggestions as unknown[]).every((s) => typeof s === "string")).toBe(true);
}

describe.concurrent("npm run ask", () => {
  it("prints the plain answer and exits 0", async () => {
    const r = await ask([QUESTION]);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Rp165,7 miliar");
    expect(r.stdout).toMatch(/Sumber: .*8 Mei 2025\.\n$/);
    expect(r.stdout).not.toMatch(/^\{/);
  });

  it("--json prints exactly one object with the documented keys", async () => {
    const r = await ask(["--json", QUESTION]);
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n");
    expect(lines).toHaveLength(1);
    const o = JSON.parse(lines[0]!) as Record<string, unknown>;
    checkShape(o);
    expect(o.query).toBe(QUESTION);
    expect(o.answered).toBe(true);
    expect(o.intent).toBe("nilai.nilai");
    expect(o.answer).toContain("Rp165,7 miliar");
    expect(o.score).toBeGreaterThan(0.5);
  });

  it("--jsonl answers every stdin line, in order, one object per line", async () => {
    const questions = ["apa itu dpmptsp", "siapa wagub kaltim", QUESTION, "berapa nilai kerja sama jatim kaltim tahun 2019", "", "what was the value of the jatim kaltim cooperation in 2023?"];
    const dataDir = tempDir();
    const r = await ask(["--jsonl"], `${questions.join("\n")}\n`, dataDir);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(out.map((o) => o.query)).toEqual(questions);
    out.forEach(checkShape);
    expect(out.map((o) => o.answered)).toEqual([true, true, true, false, false, true]);
    expect(out[0]!.answer).toContain("Dinas Penanaman Modal");
    expect(out[1]!.answer).toContain("Seno Aji");
    expect(out[3]!.answer).toContain("belum tersedia");
    expect(out[5]!.answer).toContain("Rp165.7 billion");
    // The unanswered one is logged for admins (blank lines are not).
    const log = JSON.parse(readFileSync(join(dataDir, "unanswered.json"), "utf8")) as { questions: Record<string, { count: number }> };
    expect(Object.keys(log.questions)).toEqual(["berapa nilai kerjasama jatim kaltim tahun 2019"]);
  });

  it("--jsonl --dialog reads consecutive lines as one conversation; a blank line starts a new one", async () => {
    const lines = ["brp nilai kerjasama jatim kaltim th 2023?", "kalau 2024?", "kapan acaranya", "itu di mana?", "", "kalau 2024?"];
    const r = await ask(["--jsonl", "--dialog"], `${lines.join("\n")}\n`);
    expect(r.code).toBe(0);
    const out = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, unknown>);
    out.forEach(checkShape);
    expect(out.map((o) => o.query)).toEqual(lines.filter(Boolean));
    expect(out[1]).toMatchObject({ answered: false, intent: "nilai.nilai" });
    expect(out[1]!.answer).toContain("nilai kerja sama Jatim–Kaltim tahun 2024");
    expect(out[3]!.answer).toContain("Swiss-Belhotel Balikpapan");
    // After the blank line the same words have no context: no pair of provinces to speak of.
    expect(out[4]!.answer).not.toContain("Jatim–Kaltim tahun 2024");
    // Without --dialog every line stands alone.
    const alone = await ask(["--jsonl"], `${lines.slice(0, 2).join("\n")}\n`);
    expect((JSON.parse(alone.stdout.trim().split("\n")[1]!) as { answer: string }).answer).not.toContain("Jatim–Kaltim tahun 2024");
  });

  it("with no question prints usage on stderr and exits non-zero", async () => {
    const r = await ask([]);
    expect(r.code).not.toBe(0);
    expect(r.stdout).toBe("");
    expect(r.stderr).toMatch(/ask/);
  });
});
