import { existsSync } from "node:fs";
import { join } from "node:path";
import { dataPath } from "../paths.js";
import { openJson } from "../storage/json-file.js";
import { loadKnowledgeFile, parseKnowledge } from "./load.js";
import type { Knowledge } from "./schema.js";

/**
 * The live knowledge base. The seed in `data/knowledge.json` is never written;
 * once an admin changes something, the whole base lives in
 * `DATA_DIR/knowledge.json` and is loaded from there on the next start.
 */
export class KnowledgeStore {
  private listeners: Array<(kb: Knowledge) => void> = [];

  private constructor(
    private current: Knowledge,
    readonly file: string,
  ) {}

  /** Loads the runtime copy if there is one, else the seed; a broken file throws KnowledgeFileError. */
  static open(dataDir: string, seed = dataPath("knowledge.json")): KnowledgeStore {
    const file = join(dataDir, "knowledge.json");
    const kb = loadKnowledgeFile(existsSync(file) ? file : seed);
    return new KnowledgeStore(kb, file);
  }

  get(): Knowledge {
    return this.current;
  }

  /** Calls `fn` with every new version after it is saved. */
  onChange(fn: (kb: Knowledge) => void): void {
    this.listeners.push(fn);
  }

  /** Validates and saves a whole new version atomically, then notifies listeners. */
  async save(next: unknown): Promise<Knowledge> {
    const kb = parseKnowledge(next, this.file);
    const db = await openJson<Knowledge>(this.file, kb);
    db.data = kb;
    await db.write();
    this.current = kb;
    for (const fn of this.listeners) fn(kb);
    return kb;
  }
}
