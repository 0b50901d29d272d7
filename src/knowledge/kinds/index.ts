import { acronyms } from "./acronyms.js";
import { agreements } from "./agreements.js";
import { commodities } from "./commodities.js";
import { counts } from "./counts.js";
import { events } from "./events.js";
import { officials } from "./officials.js";
import { organisations } from "./organisations.js";
import { rankings } from "./rankings.js";
import { sources } from "./sources.js";
import { statements } from "./statements.js";
import { targets } from "./targets.js";
import type { Collection, KindDef } from "./types.js";
import { values } from "./values.js";

export * from "./types.js";
export { sourceLine } from "./sources.js";

/** Every kind of fact, in the order answers prefer them when two kinds tie. */
export const KINDS: readonly KindDef[] = [
  values, rankings, events, agreements, officials, statements, acronyms, organisations, commodities, targets, counts, sources,
] as unknown as KindDef[];

const byCollection = new Map<Collection, KindDef>(KINDS.map((k) => [k.collection, k]));
const byCode = new Map<string, KindDef>(KINDS.map((k) => [k.code, k]));

/** The kind of a collection. */
export function kindOf(collection: Collection): KindDef {
  return byCollection.get(collection)!;
}

/** The kind with a two-letter code, or undefined. */
export function kindByCode(code: string): KindDef | undefined {
  return byCode.get(code);
}
