import { spawn } from "node:child_process";
import { appendFileSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { KnowledgeFileError, loadKnowledgeFile, parseKnowledge } from "../../src/knowledge/load.js";
import { ConflictError, KnowledgeStore, type Change } from "../../src/knowledge/store.js";
import { dataPath } from "../../src/paths.js";
import { tempDir } from "../helpers/index.js";

const root = new URL("../..", import.meta.url).pathname;
const journalOf = (dir: string) => join(dir, "knowledge.journal.jsonl");
const lines = (dir: string) => (existsSync(journalOf(dir)) ? readFileSync(journalOf(dir), "utf8").split("\n").filter(Boolean) : []);

/** A one-field edit of the first cooperation value. */
function amountChange(store: KnowledgeStore, amount: number): Change {
  const before = store.get().cooperationValues[0]!;
  return { collection: "cooperationValues", id: before.id, before: before as never, after: { ...before, amount } as never };
}

function acronym(id: string, long = `Singkatan ${id}`): Change {
  return { collection: "acronyms", id, before: null, after: { id, short: id.toUpperCase(), long, sourceId: null } };
}

describe("the knowledge journal", () => {
  it("appends one line per commit and leaves the snapshot alone; a restart replays it", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    // The first save moves the base from the seed into DATA_DIR as a snapshot.
    await store.commit([amountChange(store, 101_000_000_000)]);
    const snapshot = readFileSync(join(dir, "knowledge.json"), "utf8");
    expect(snapshot).toContain("101000000000");
    expect(lines(dir)).toHaveLength(0);
    await store.commit([amountChange(store, 102_000_000_000)]);
    await store.commit([acronym("kadin", "Kamar Dagang dan Industri")]);
    expect(readFileSync(join(dir, "knowledge.json"), "utf8")).toBe(snapshot);
    const journal = lines(dir).map((l) => JSON.parse(l) as { seq: number; changes: Array<{ c: string; id: string }> });
    expect(journal.map((l) => l.seq)).toEqual([2, 3]);
    expect(journal[1]!.changes).toEqual([expect.objectContaining({ c: "acronyms", id: "kadin" })]);

    const again = KnowledgeStore.open(dir);
    expect(again.get()).toEqual(store.get());
    expect(again.get().cooperationValues[0]!.amount).toBe(102_000_000_000);
    expect(again.find("acronyms", "kadin")?.long).toBe("Kamar Dagang dan Industri");
    expect(again.hash()).toBe(store.hash());
  });

  it("drops a last line cut short by a crash (never acknowledged) and keeps every line before it", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    await store.commit([amountChange(store, 101_000_000_000)]);
    await store.commit([acronym("kadin")]);
    // A crash in the middle of appending the next line: half of it on disk, no line break.
    appendFileSync(journalOf(dir), '{"seq":3,"v":2,"at":"2026-01-01T00:00:00.000Z","changes":[{"c":"acronyms","id":"pol');
    const again = KnowledgeStore.open(dir);
    expect(again.find("acronyms", "kadin")).not.toBeNull();
    expect(again.find("acronyms", "pol")).toBeNull();
    // Written again without it, so the next line starts on a line of its own.
    expect(readFileSync(journalOf(dir), "utf8").endsWith("\n")).toBe(true);
    await again.commit([acronym("pol")]);
    expect(lines(dir).map((l) => (JSON.parse(l) as { seq: number }).seq)).toEqual([2, 3]);
    expect(KnowledgeStore.open(dir).find("acronyms", "pol")).not.toBeNull();
  });

  it("compacts the journal into a new snapshot named by the meta file, in the background", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir, { compactAtBytes: 600 });
    await store.commit([amountChange(store, 101_000_000_000)]);
    for (let i = 0; i < 6; i++) await store.commit([acronym(`ak-${i}`, `Singkatan nomor ${i} ${"x".repeat(100)}`)]);
    await store.compact();
    expect(lines(dir).length).toBeLessThan(6);
    const meta = JSON.parse(readFileSync(join(dir, "knowledge.meta.json"), "utf8")) as { seq: number; own: boolean; sha256: string };
    expect(meta.own).toBe(true);
    // The snapshot is a valid base by itself, and holds the journal's lines up to meta.seq.
    const snapshot = parseKnowledge(JSON.parse(readFileSync(join(dir, "knowledge.json"), "utf8")));
    expect(snapshot.acronyms.filter((a) => a.id.startsWith("ak-")).length).toBe(meta.seq - 1);
    for (const l of lines(dir)) expect((JSON.parse(l) as { seq: number }).seq).toBeGreaterThan(meta.seq);
    expect(KnowledgeStore.open(dir).get()).toEqual(store.get());
  });

  it("a compaction cut short between the meta file and the new snapshot: the old snapshot and the whole journal still load", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    await store.commit([amountChange(store, 101_000_000_000)]);
    await store.commit([acronym("kadin")]);
    await store.commit([acronym("pol")]);
    const meta = JSON.parse(readFileSync(join(dir, "knowledge.meta.json"), "utf8")) as { sha256: string; seq: number; own: boolean };
    // The meta file already names a newer snapshot that never reached its place.
    writeFileSync(join(dir, "knowledge.meta.json"), JSON.stringify({ sha256: "f".repeat(64), seq: 3, bytes: 1, own: true, previous: { sha256: meta.sha256, seq: meta.seq, own: true } }));
    const again = KnowledgeStore.open(dir);
    expect(again.get()).toEqual(store.get());
  });

  it("a snapshot the meta file does not name (an older version's) is validated whole, and the journal beside it is kept aside", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    await store.commit([amountChange(store, 101_000_000_000)]);
    await store.commit([acronym("kadin")]);
    // An older version wrote the whole base, knowing nothing of the journal.
    const old = loadKnowledgeFile(dataPath("knowledge.json"));
    old.cooperationValues[0]!.amount = 999_000_000_000;
    writeFileSync(join(dir, "knowledge.json"), JSON.stringify(old, null, 2));
    const again = KnowledgeStore.open(dir);
    expect(again.get().cooperationValues[0]!.amount).toBe(999_000_000_000);
    expect(again.find("acronyms", "kadin")).toBeNull();
    expect(existsSync(journalOf(dir))).toBe(false);
    expect(readdirSync(join(dir, "backups")).some((f) => f.startsWith("knowledge.journal.jsonl"))).toBe(true);
    // Replaced by our own snapshot in the background; the next start reads it without checking it again.
    await again.compact(true);
    expect((JSON.parse(readFileSync(join(dir, "knowledge.meta.json"), "utf8")) as { own: boolean }).own).toBe(true);
    expect(KnowledgeStore.open(dir).get()).toEqual(again.get());
  });

  it("checks only the records a commit touches, with the references to and from them", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    await store.commit([amountChange(store, 101_000_000_000)]);
    const hash = store.hash();
    const kb = store.get();
    const statement = kb.statements[0]!;
    const official = kb.officials.find((o) => o.id === statement.official)!;
    // Removing an official a statement still names.
    await expect(store.commit([{ collection: "officials", id: official.id, before: official as never, after: null }])).rejects.toThrow(/statements\[0\]\.official: pejabat ".+" tidak ada/);
    // A new record naming a source that does not exist, and a bad field.
    const bad = store.commit([{ collection: "acronyms", id: "x", before: null, after: { id: "x", short: "X", long: "Eks", sourceId: "tidak-ada" } }, amountChange(store, -5)]);
    await expect(bad).rejects.toBeInstanceOf(KnowledgeFileError);
    const issues = (await bad.catch((e: KnowledgeFileError) => e.issues)) as string[];
    expect(issues).toContain(`acronyms[${kb.acronyms.length}].sourceId: sumber "tidak-ada" tidak ada di sources`);
    expect(issues.some((i) => i.startsWith("cooperationValues[0].amount"))).toBe(true);
    // Both together are fine: the statement goes with its official.
    await store.commit([
      { collection: "statements", id: statement.id, before: statement as never, after: null },
      ...kb.statements.filter((s) => s.id !== statement.id && s.official === official.id).map((s) => ({ collection: "statements" as const, id: s.id, before: s as never, after: null })),
      ...kb.events.filter((e) => e.participants.includes(official.id)).map((e) => ({ collection: "events" as const, id: e.id, before: e as never, after: { ...e, participants: e.participants.filter((p) => p !== official.id) } as never })),
      ...kb.officials.filter((o) => o.represents === official.id).map((o) => ({ collection: "officials" as const, id: o.id, before: o as never, after: { ...o, represents: undefined } as never })),
      { collection: "officials", id: official.id, before: official as never, after: null },
    ]);
    expect(store.find("officials", official.id)).toBeNull();
    expect(store.hash()).not.toBe(hash);
    // The result is what the whole-base check accepts.
    expect(() => parseKnowledge(store.get())).not.toThrow();
    // An edit based on an old version is refused, nothing saved.
    await store.commit([amountChange(store, 103_000_000_000)]);
    await expect(store.commit([{ ...amountChange(store, 1), before: kb.cooperationValues[0] as never }])).rejects.toBeInstanceOf(ConflictError);
  });

  it("a refused write changes nothing (the journal cannot be appended to)", async () => {
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    await store.commit([amountChange(store, 101_000_000_000)]);
    const before = store.get();
    const size = statSync(join(dir, "knowledge.json")).size;
    // A folder where the journal should be: every append fails.
    const { mkdirSync, rmSync } = await import("node:fs");
    rmSync(journalOf(dir), { force: true });
    mkdirSync(journalOf(dir));
    await expect(store.commit([acronym("kadin")])).rejects.toThrow(/cannot write/);
    expect(store.get()).toBe(before);
    expect(store.find("acronyms", "kadin")).toBeNull();
    expect(statSync(join(dir, "knowledge.json")).size).toBe(size);
  });
});

/** Starts the commit loop, kills it with SIGKILL `ms` after it is ready; returns the last commit it reported. */
function runAndKill(dir: string, ms: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--import", "tsx", "test/knowledge/commit-loop.ts", dir], { cwd: root, stdio: ["ignore", "pipe", "inherit"] });
    let out = "";
    child.stdout.on("data", (d: Buffer) => {
      const first = !out.includes("ready");
      out += d.toString();
      if (first && out.includes("ready")) setTimeout(() => child.kill("SIGKILL"), ms);
    });
    child.on("error", reject);
    child.on("close", (_code, signal) => {
      if (signal !== "SIGKILL") return reject(new Error(`commit loop ended without being killed: ${out.slice(-200)}`));
      resolve([...out.matchAll(/saved (\d+)/g)].map((m) => Number(m[1])).at(-1) ?? 0);
    });
  });
}

describe("a process killed while it commits and compacts", () => {
  it("loses no acknowledged commit and leaves every file loadable, every time", async () => {
    const dir = tempDir();
    // Start from a base already in DATA_DIR, with a known amount.
    const seed = KnowledgeStore.open(dir);
    await seed.commit([amountChange(seed, 1_000_000)]);
    let previous = 1_000_000;
    for (let round = 0; round < 6; round++) {
      const reported = await runAndKill(dir, 60 + Math.floor(Math.random() * 250));
      const done = Math.max(previous, reported);
      const kb = KnowledgeStore.open(dir).get();
      // Valid as a whole, and at the last acknowledged commit or the one in flight.
      expect(() => parseKnowledge(kb)).not.toThrow();
      const n = kb.cooperationValues[0]!.amount;
      expect(n).toBeGreaterThanOrEqual(done);
      expect(n).toBeLessThanOrEqual(done + 1);
      if (n > 1_000_000) expect(kb.cooperationValues[0]!.note).toMatch(new RegExp(`^${n} x+$`));
      // Every acronym of a commit up to n is there (a compaction never drops a line it does not hold).
      for (let k = 1_000_005; k <= n; k += 5) expect(kb.acronyms.some((a) => a.id === `ak-${k}`)).toBe(true);
      previous = n;
    }
    expect(previous).toBeGreaterThan(1_000_010);
  });
});

describe("files deleted under the bot", () => {
  it("a commit made before they are written again writes the whole base, not a lone journal line", async () => {
    const { rmSync } = await import("node:fs");
    const dir = tempDir();
    const store = KnowledgeStore.open(dir);
    await store.commit([amountChange(store, 101_000_000_000)]);
    await store.commit([acronym("kadin")]);
    rmSync(dir, { recursive: true, force: true });
    await store.commit([acronym("pol")]);
    const again = KnowledgeStore.open(dir);
    expect(again.get()).toEqual(store.get());
    expect(again.find("acronyms", "kadin")).not.toBeNull();
    expect(again.get().cooperationValues[0]!.amount).toBe(101_000_000_000);
  });
});
