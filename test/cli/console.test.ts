import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { run, tempDir } from "../helpers/index.js";

/** `npm start` with no BOT_TOKEN: the console chat, fed `lines` on stdin. */
const chat = (lines: string[], dataDir = tempDir()) => run("npm", ["start"], { env: { DATA_DIR: dataDir }, input: `${lines.join("\n")}\n` });

describe.concurrent("console chat (npm start without BOT_TOKEN)", () => {
  it("shows buttons as a numbered list, takes a number, answers a question, exits 0 at end of input", async () => {
    const r = await chat(["/start", "1", "brp nilai kerjasama jatim kaltim th 2023?"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Selamat datang di Sinergi");
    expect(r.stdout).toContain("  [1] Berapa nilai kerja sama Jatim–Kaltim tahun 2023?");
    expect(r.stdout).toContain("  [3] Siapa Gubernur Jatim?");
    // "1" pressed the first button, then the typed question: two answers.
    expect(r.stdout.match(/Rp165,7 miliar/g)).toHaveLength(2);
    expect(r.stdout).toMatch(/Sumber: .*8 Mei 2025/);
  });

  it("copes with a slip of number, blank lines, emoji, a very long line, and a long piped script", async () => {
    const questions = Array.from({ length: 12 }, (_, i) => (i % 2 ? "siapa wagub kaltim" : "apa itu dpmptsp"));
    const dataDir = tempDir();
    const r = await chat(["/start", "9", "", "   ", "😀🙏", "kerja sama ".repeat(600), ...questions, "berapa harga tiket pesawat ke bali"], dataDir);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("Tidak ada pilihan nomor 9. Ketik nomor 1–3");
    // No flood limit for the one local user: every line of the script is answered.
    expect(r.stdout.match(/Seno Aji adalah/g)).toHaveLength(6);
    expect(r.stdout.match(/DPMPTSP adalah/g)).toHaveLength(6);
    expect(r.stdout).not.toContain("terlalu banyak");
    expect(r.stderr).not.toMatch(/error/i);
    // The unanswered question was saved before exit; the slip of number "9" was not taken for a question.
    const log = JSON.parse(readFileSync(join(dataDir, "unanswered.json"), "utf8")) as { questions: Record<string, unknown> };
    expect(Object.keys(log.questions)).toEqual(["berapa harga tiket pesawat ke bali"]);
  });
});
