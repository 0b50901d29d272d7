import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { makeDocx, makePdf } from "../helpers/documents.js";
import { run, tempDir } from "../helpers/index.js";
import { RELEASES_DIR } from "../helpers/release-score.js";

/** `npm run --silent <script> -- <args>` on a DATA_DIR, as documented. */
const npm = (script: string, args: string[], dataDir: string) => run("npm", ["run", "--silent", script, "--", ...args], { env: { DATA_DIR: dataDir } });
const REL = (name: string) => join(RELEASES_DIR, name);

describe("npm run ingest", () => {
  it("--jsonl prints one line per file, with candidates valid against the schema once merged", async () => {
    const dir = tempDir();
    const docx = join(dir, "rilis.docx");
    const pdf = join(dir, "rilis.pdf");
    const text = readFileSync(REL("rel-03.txt"), "utf8");
    writeFileSync(docx, makeDocx(text));
    writeFileSync(pdf, makePdf(readFileSync(REL("rel-10.txt"), "utf8")));
    const big = join(dir, "besar.txt");
    writeFileSync(big, "a".repeat(1024 * 1024 + 1));
    const r = await npm("ingest", ["--jsonl", REL("rel-01.txt"), docx, pdf, big], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(1);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as Record<string, any>);
    expect(lines.map((l) => l.file)).toEqual([REL("rel-01.txt"), docx, pdf, big]);
    expect(lines[3]).toMatchObject({ error: "too-big" });
    const seed = JSON.parse(readFileSync(new URL("../../data/knowledge.json", import.meta.url), "utf8")) as Record<string, unknown[]>;
    for (const line of lines.slice(0, 3)) {
      expect(Object.keys(line)).toEqual(expect.arrayContaining(["file", "candidates", "warnings"]));
      const merged: Record<string, unknown> = structuredClone(seed);
      for (const [c, records] of Object.entries(line.candidates as Record<string, unknown[]>)) merged[c] = [...((merged[c] as unknown[] | undefined) ?? []), ...records];
      expect(() => parseKnowledge(merged)).not.toThrow();
    }
    const amounts = (l: Record<string, any>) => (l.candidates.cooperationValues as Array<{ amount: number }>).map((v) => v.amount);
    expect(amounts(lines[0]!)).toContain(340_477_000_000);
    expect(amounts(lines[1]!)).toContain(1_068_809_135_000);
    expect(amounts(lines[2]!)).toContain(4_456_849_425_486);
    // The known governor is referred to by the seed's id, not added again.
    expect((lines[0]!.candidates.officials as Array<{ name: string }>).map((o) => o.name)).not.toContain("Khofifah Indar Parawansa");
    expect(lines[0]!.known).toContainEqual({ collection: "officials", id: "khofifah" });
  });

  it("--apply saves each file once, audited and undoable, and ask answers from it at once", async () => {
    const dir = tempDir();
    const r = await npm("ingest", ["--apply", REL("rel-01.txt"), REL("rel-08.txt")], dir);
    expect(r.stderr).toBe("");
    expect(r.code).toBe(0);
    const lines = r.stdout.trim().split("\n").map((l) => JSON.parse(l) as { applied: number; audit: number });
    expect(lines.map((l) => l.audit)).toEqual([1, 2]);
    expect(lines.every((l) => l.applied > 10)).toBe(true);
    const audit = readFileSync(join(dir, "audit.jsonl"), "utf8").trim().split("\n").map((l) => JSON.parse(l) as { action: string; label: string });
    expect(audit.map((e) => e.action)).toEqual(["ingest", "ingest"]);
    expect(audit[0]!.label).toContain("Misi Dagang Jatim–Banten");
    const ask = async (q: string) => (await npm("ask", ["--json", q], dir)).stdout;
    const answers = await Promise.all([
      ask("berapa transaksi misi dagang jatim banten"),
      ask("jatim jual brp ke banten"),
      ask("siapa pj gubernur banten"),
      ask("berapa peserta misi dagang jatim banten"),
      ask("siapa gubernur maluku utara"),
    ]);
    const parsed = answers.map((a) => JSON.parse(a) as { answered: boolean; answer: string });
    expect(parsed.every((a) => a.answered)).toBe(true);
    expect(parsed[0]!.answer).toContain("Rp340,477 miliar");
    expect(parsed[0]!.answer).not.toContain("270,6");
    expect(parsed[1]!.answer).toContain("Rp312,017 miliar");
    expect(parsed[2]!.answer).toContain("Al Muktabar");
    expect(parsed[3]!.answer).toContain("157");
    expect(parsed[4]!.answer).toContain("Sherly Tjoanda");
    // Applying the same release again adds nothing: every fact is known.
    const again = JSON.parse((await npm("ingest", ["--apply", REL("rel-01.txt")], dir)).stdout) as { applied: number };
    expect(again.applied).toBe(0);
  });
});
