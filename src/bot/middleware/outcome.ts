import type { Context } from "grammy";

/** What the bot made of one update, for the update log and metrics. */
export interface Outcome {
  intent: string | null;
  answered: boolean;
  /** An inline query: counted apart from questions asked in chats. */
  inline?: boolean;
}

const outcomes = new WeakMap<Context, Outcome>();

/** Records the answer given to this update (called where a question is answered). */
export function noteOutcome(ctx: Context, outcome: Outcome): void {
  outcomes.set(ctx, outcome);
}

/** The answer recorded for this update, if a question was answered. */
export function outcomeOf(ctx: Context): Outcome | undefined {
  return outcomes.get(ctx);
}
