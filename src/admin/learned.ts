import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Low } from "lowdb";
import { SMALL_TALK } from "../answers/index.js";
import { type BackgroundWriter, StorageError, WriteGuard } from "../storage/guard.js";
import { openJson } from "../storage/json-file.js";

/** An example question an admin attached to an intent from /belumterjawab. */
export interface LearnedExample {
  text: string;
  intent: string;
  by: number;
  at: string;
}

let intents: ReadonlySet<string> | undefined;

/**
 * The intents the answerer knows and takes examples for (its small-talk
 * intents, as `Answerer.intents`). An example may only be filed under one of
 * them: callback data comes from the client and can be forged, and
 * "constructor" is no intent (though `"constructor" in SMALL_TALK` is true).
 */
export function knownIntents(): ReadonlySet<string> {
  intents ??= new Set(Object.keys(SMALL_TALK));
  return intents;
}

/** An example filed under an intent the answerer does not know. */
export class UnknownIntentError extends Error {
  override name = "UnknownIntentError";
}

/** Intent examples added at run time, in `DATA_DIR/learned-examples.json` (data/intents.json is never written). */
export class LearnedExamples {
  private readonly writer: BackgroundWriter;

  private constructor(
    private readonly db: Low<{ examples: LearnedExample[] }>,
    file: string,
    guard: WriteGuard,
  ) {
    this.writer = guard.writer("learned", file, () => db.write(), { needsWrite: () => db.data.examples.length > 0 && !existsSync(file) });
  }

  /** Opens the file; examples of unknown intents (or malformed ones) are left out, and dropped at the next save. */
  static async open(dataDir: string, guard = new WriteGuard()): Promise<LearnedExamples> {
    const file = join(dataDir, "learned-examples.json");
    const db = await openJson(file, { examples: [] as LearnedExample[] }, (c) => guard.logger?.error({ path: c.file, moved_to: c.movedTo }, "learned-examples.json was not valid JSON; starting without learned examples"));
    const known = knownIntents();
    const all: unknown[] = Array.isArray(db.data?.examples) ? db.data.examples : [];
    db.data = {
      examples: all.filter((e): e is LearnedExample => {
        const x = e as Partial<LearnedExample> | null;
        return !!x && typeof x.text === "string" && typeof x.intent === "string" && Object.hasOwn(x, "intent") && known.has(x.intent);
      }),
    };
    return new LearnedExamples(db, file, guard);
  }

  /** Every learned example, oldest first (what the answerer is taught at start-up and after each addition). */
  all(): LearnedExample[] {
    return this.db.data.examples;
  }

  /**
   * Adds an example; false when the same text is already an example of that
   * intent. Throws UnknownIntentError for an intent the answerer does not
   * know, and StorageError (nothing added) when the disk refuses the write.
   */
  async add(e: LearnedExample): Promise<boolean> {
    if (!knownIntents().has(e.intent)) throw new UnknownIntentError(`unknown intent "${e.intent}"`);
    if (this.db.data.examples.some((x) => x.text === e.text && x.intent === e.intent)) return false;
    this.db.data.examples.push(e);
    this.writer.schedule();
    if (await this.writer.flush()) return true;
    this.db.data.examples = this.db.data.examples.filter((x) => x !== e);
    throw new StorageError("learned", this.writer.path, new Error("write failed"));
  }
}
