/**
 * The fault suite's own tools, beside the test kit: a DATA_DIR that can be
 * made full, read-only or deleted under the running bot (a small tmpfs and a
 * read-only remount where the machine allows it, else a filesystem error
 * injected at the write layer of the bot process), the kit's live bot counting
 * into the suite's figures, a check that every file in DATA_DIR is valid, and
 * the figures.
 */
import { execFileSync } from "node:child_process";
import { closeSync, existsSync, mkdtempSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseKnowledge } from "../../src/knowledge/load.js";
import { LIVE_OWNER, LIVE_TOKEN, LiveBot } from "../helpers/live-bot.js";

export { freePort } from "../helpers/live-bot.js";
export { sleep } from "../helpers/wait.js";

/** The live bot's token (it must never reach a log) and its owner. */
export const TOKEN = LIVE_TOKEN;
export const OWNER = LIVE_OWNER;

/** The suite's figures, printed at the end of each file. */
export const figures = { faults: 0, answersDuringFaults: 0, filesChecked: 0, modes: new Set<string>() };

/** Prints the figures (they appear in the test output). */
export function printFigures(name: string): void {
  const modes = figures.modes.size ? ` [disk faults: ${[...figures.modes].join(", ")}]` : "";
  console.log(
    `fault suite (${name}): ${figures.faults} faults injected, ${figures.answersDuringFaults} answers served during faults, ${figures.filesChecked} files checked${modes}`,
  );
}

const inject = fileURLToPath(new URL("./inject-fs.mjs", import.meta.url));

/** Runs a command; true when it succeeded. */
function tryRun(cmd: string, args: string[]): boolean {
  try {
    execFileSync(cmd, args, { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}

/** Whether this machine lets us mount a tmpfs and remount it read-only (root in a permissive sandbox). */
let mountable: boolean | undefined;
function canMount(): boolean {
  if (mountable !== undefined) return mountable;
  if (process.env.SINERGI_FAULTS_INJECT === "1" || process.getuid?.() !== 0) return (mountable = false);
  const probe = mkdtempSync(join(tmpdir(), "sinergi-mount-probe-"));
  mountable = tryRun("mount", ["-t", "tmpfs", "-o", "size=1m", "tmpfs", probe]);
  if (mountable) {
    mountable = tryRun("mount", ["-o", "remount,ro", probe]) && tryRun("mount", ["-o", "remount,rw", probe]);
    tryRun("umount", [probe]);
  }
  rmSync(probe, { recursive: true, force: true });
  return mountable;
}

/**
 * A DATA_DIR that can be made to fail. With `tmpfs`, a small tmpfs of its own
 * (filled with a file to make it full, remounted read-only); otherwise writes
 * fail through `inject-fs.mjs`, with the same errno codes.
 */
export class FaultyDataDir {
  readonly root: string;
  readonly dir: string;
  readonly mode: "tmpfs" | "inject";
  private readonly control: string;
  private filler?: string;

  constructor(opts: { sizeMb?: number; tmpfs?: boolean } = {}) {
    this.root = mkdtempSync(join(tmpdir(), "sinergi-faults-"));
    this.control = join(this.root, "fault");
    this.dir = join(this.root, "data");
    writeFileSync(this.control, "");
    const wantMount = opts.tmpfs !== false && canMount();
    execFileSync("mkdir", ["-p", this.dir]);
    this.mode = wantMount && tryRun("mount", ["-t", "tmpfs", "-o", `size=${opts.sizeMb ?? 16}m`, "tmpfs", this.dir]) ? "tmpfs" : "inject";
    if (opts.tmpfs !== false) figures.modes.add(this.mode === "tmpfs" ? "tmpfs and read-only remount" : "errors injected at the write layer");
  }

  /** Environment for the bot process: DATA_DIR, and the injection hook when there is no tmpfs. */
  env(): Record<string, string> {
    const env: Record<string, string> = { DATA_DIR: this.dir };
    if (this.mode === "inject") Object.assign(env, { NODE_OPTIONS: `--import=${inject}`, SINERGI_FAULT_DIR: this.dir, SINERGI_FAULT_FILE: this.control });
    return env;
  }

  /** Fills the disk: no write of the bot fits any more (ENOSPC). */
  fill(): void {
    figures.faults++;
    if (this.mode === "inject") return writeFileSync(this.control, "ENOSPC");
    this.filler = join(this.dir, "zz-filler.bin");
    const fd = openSync(this.filler, "w");
    const chunk = Buffer.alloc(1024 * 1024, 120);
    try {
      for (;;) writeSync(fd, chunk);
    } catch {
      // full at the megabyte; now to the last byte
    }
    try {
      for (;;) writeSync(fd, chunk, 0, 4096);
    } catch {
      // full
    }
    closeSync(fd);
  }

  /** Frees the disk again. */
  unfill(): void {
    if (this.mode === "inject") return writeFileSync(this.control, "");
    if (this.filler) rmSync(this.filler, { force: true });
    this.filler = undefined;
  }

  /** Makes DATA_DIR read-only (EROFS). */
  readOnly(): void {
    figures.faults++;
    if (this.mode === "inject") return writeFileSync(this.control, "EROFS");
    // A write in flight holds the file system for a moment: try again.
    for (let i = 0; i < 50; i++) {
      if (tryRun("mount", ["-o", "remount,ro", this.dir])) return;
      execFileSync("sleep", ["0.05"]);
    }
    throw new Error("could not remount DATA_DIR read-only");
  }

  /** Makes DATA_DIR writable again. */
  writable(): void {
    if (this.mode === "inject") return writeFileSync(this.control, "");
    if (!tryRun("mount", ["-o", "remount,rw", this.dir])) throw new Error("could not remount DATA_DIR read-write");
  }

  /** Deletes DATA_DIR (or a path inside it) under the running bot. */
  delete(path = ""): void {
    figures.faults++;
    rmSync(join(this.dir, path), { recursive: true, force: true });
  }

  /** Unmounts and removes everything. */
  cleanup(): void {
    if (this.mode === "tmpfs") tryRun("umount", ["-l", this.dir]);
    rmSync(this.root, { recursive: true, force: true });
  }
}

/**
 * The real bot on a faulty DATA_DIR (see LiveBot), counting into the suite's
 * figures what it answers during faults and each time it is killed.
 */
export class FaultBot extends LiveBot {
  /** Asks a question while a fault is on; counted in the figures when it is answered. */
  async askDuringFault(from: number, text: string): Promise<string> {
    const reply = await this.say(from, text);
    figures.answersDuringFaults++;
    return reply;
  }

  /** SIGKILL and wait (a fault of its own). */
  override async kill(): Promise<void> {
    figures.faults++;
    await super.kill();
  }
}

/**
 * Checks every file in DATA_DIR as the bot reads it: knowledge.json against
 * the schema, every other .json as JSON, .jsonl line by line, broadcast
 * targets and journals line by line, worker.pid a number; no temporary file
 * left. Archived copies under backups/ are not the bot's working files and
 * are skipped. Returns the number of files checked and the problems found.
 */
export function checkDataDir(dir: string): { files: number; problems: string[] } {
  const problems: string[] = [];
  let files = 0;
  const walk = (d: string): void => {
    for (const e of readdirSync(d, { withFileTypes: true })) {
      const path = join(d, e.name);
      const rel = relative(dir, path);
      if (e.isDirectory()) {
        if (e.name !== "backups" && e.name !== "lost+found") walk(path);
        continue;
      }
      if (e.name === "zz-filler.bin") continue;
      files++;
      const text = readFileSync(path, "utf8");
      const lines = text.split("\n");
      const bad = (why: string) => problems.push(`${rel}: ${why}`);
      try {
        if (e.name.endsWith(".tmp")) bad("temporary file left behind");
        else if (rel === "knowledge.json") parseKnowledge(JSON.parse(text), rel);
        else if (e.name.endsWith(".json")) JSON.parse(text);
        else if (e.name.endsWith(".jsonl") || e.name.endsWith(".pending")) {
          if (e.name.endsWith(".pending")) JSON.parse(text);
          else for (const l of lines) if (l.trim()) JSON.parse(l);
          if (e.name.endsWith(".jsonl") && text && !text.endsWith("\n")) bad("last line not ended");
        } else if (e.name.endsWith(".targets")) {
          for (const l of lines) if (l && !/^-?\d+ (id|en)$/.test(l)) bad(`bad line ${JSON.stringify(l)}`);
        } else if (e.name.endsWith(".journal")) {
          for (const l of lines) if (l && !/^-?\d+ [sfb]$/.test(l)) bad(`bad line ${JSON.stringify(l)}`);
        } else if (e.name === "worker.pid") {
          if (!/^\d+$/.test(text)) bad("not a process id");
        } else bad("unexpected file");
      } catch (err) {
        bad(String(err).slice(0, 200));
      }
    }
  };
  if (existsSync(dir)) walk(dir);
  figures.filesChecked += files;
  return { files, problems };
}
