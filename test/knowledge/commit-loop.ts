// Child process for journal.test.ts: commits one change after another, with a
// journal compacted after every commit (so a kill often lands in a compaction),
// and reports each acknowledged commit, until it is killed.
import { KnowledgeStore, type Change } from "../../src/knowledge/store.js";

const dir = process.argv[2]!;
const store = KnowledgeStore.open(dir, { compactAtBytes: 1 });
const padding = "x".repeat(900);
process.stdout.write("ready\n");
for (;;) {
  const before = store.get().cooperationValues[0]!;
  const n = before.amount + 1;
  // A note of some size, and a new acronym now and then: the snapshot and the lines are not tiny.
  const changes: Change[] = [{ collection: "cooperationValues", id: before.id, before: before as never, after: { ...before, amount: n, note: `${n} ${padding}` } as never }];
  if (n % 5 === 0) changes.push({ collection: "acronyms", id: `ak-${n}`, before: null as never, after: { id: `ak-${n}`, short: `AK${n}`, long: `Singkatan ${n}`, sourceId: null } as never });
  await store.commit(changes);
  process.stdout.write(`saved ${n}\n`);
}
