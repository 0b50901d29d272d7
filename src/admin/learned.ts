import { join } from "node:path";
import type { Low } from "lowdb";
import { openJson } from "../storage/json-file.js";

/** An example question an admin attached to an intent from /belumterjawab. */
export interface LearnedExample {
  text: string;
  intent: string;
  by: number;
  at: string;
}

/** Intent examples added at run time, in `DATA_DIR/learned-examples.json` (data/intents.json is never written). */
export class LearnedExamples {
  private constructor(private readonly db: Low<{ examples: LearnedExample[] }>) {}

  static async open(dataDir: string): Promise<LearnedExamples> {
    return new LearnedExamples(await openJson(join(dataDir, "learned-examples.json"), { examples: [] as LearnedExample[] }));
  }

  all(): LearnedExample[] {
    return this.db.data.examples;
  }

  /** Adds an example; false when the same text is already an example of that intent. */
  async add(e: LearnedExample): Promise<boolean> {
    if (this.db.data.examples.some((x) => x.text === e.text && x.intent === e.intent)) return false;
    this.db.data.examples.push(e);
    await this.db.write();
    return true;
  }
}
