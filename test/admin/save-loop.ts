// Child process for crash.test.ts: saves the knowledge base in a tight loop
// until it is killed. Each version has a growing amount and a note, and the
// base is padded with 200 long statements (within the schema's limits) so
// that a kill often lands in the middle of a write.
import { KnowledgeStore } from "../../src/knowledge/store.js";

const dir = process.argv[2]!;
const store = KnowledgeStore.open(dir);
const padding = "x".repeat(900);
const { official, sourceId } = store.get().statements[0]!;
const fillers = Array.from({ length: 200 }, (_, k) => ({ id: `pad-${k}`, official, sourceId, topic: "padding", text: "x".repeat(2000), quoted: false }));
let i = Number(store.get().cooperationValues[0]!.amount) % 1_000_000;
process.stdout.write("ready\n");
for (;;) {
  i++;
  const kb = structuredClone(store.get());
  kb.cooperationValues[0]!.amount = 1_000_000_000 + i;
  kb.cooperationValues[0]!.note = `${i} ${padding}`;
  if (!kb.statements.some((a) => a.id === "pad-0")) kb.statements.push(...fillers);
  await store.save(kb);
  process.stdout.write(`saved ${i}\n`);
}
