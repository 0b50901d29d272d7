import { readFileSync } from "node:fs";
import { KnowledgeStore } from "../src/knowledge/store.js";
import { Answerer } from "../src/answers/index.js";
const qs = ["in-scope.tsv","near-miss.tsv","out-of-scope-extra.tsv"].flatMap(f => readFileSync("test/eval/"+f,"utf8").split("\n").slice(1).map(l=>l.split("\t")[0]!.trim()).filter(Boolean));
const a = new Answerer(KnowledgeStore.open("/tmp/nonexistent-dir-xyz").get());
for (let i=0;i<300;i++) a.answer(qs[i%qs.length]!, {now: new Date()});
const t=performance.now();
for (let i=0;i<4000;i++) a.answer(qs[(i*7)%qs.length]!, {now: new Date()});
console.log("ms/each", (performance.now()-t)/4000);
