// Child process for crash.test.ts: saves the knowledge base in a tight loop
// until it is killed. Each version has a growing amount and a large note, so
// that a kill often lands in the middle of a write.
import { KnowledgeStore } from "../../src/knowledge/store.js";

const dir = process.argv[2]!;
const store = KnowledgeStore.open(dir);
const padding = "x".repeat(400_000);
let i = Number(store.get().cooperationValues[0]!.amount) % 1_000_000;
process.stdout.write("ready\n");
for (;;) {
  i++;
  const kb = structuredClone(store.get());
  kb.cooperationValues[0]!.amount = 1_000_000_000 + i;
  kb.cooperationValues[0]!.note = `${i} ${padding}`;
  await store.save(kb);
  process.stdout.write(`saved ${i}\n`);
}
