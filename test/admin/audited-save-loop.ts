// Child process for crash.test.ts: edits a cooperation value through the admin
// service (knowledge save + audit line) in a tight loop until it is killed.
import { createAdminDeps } from "../../src/admin/index.js";
import { KnowledgeStore } from "../../src/knowledge/store.js";

const dir = process.argv[2]!;
const knowledge = KnowledgeStore.open(dir);
const { service } = await createAdminDeps(dir, [1], knowledge);
process.stdout.write("ready\n");
for (;;) {
  const before = knowledge.get().cooperationValues[0]!;
  const after = { ...before, amount: before.amount + 1 };
  await service.commit([{ collection: "cooperationValues", id: before.id, before: before as never, after: after as never }], { id: 1, name: "loop" }, "edit", "loop");
  process.stdout.write(`saved ${after.amount}\n`);
}
