/**
 * Rebuilds data/common-id.txt: ordinary Indonesian words the typo corrector must
 * leave alone ("pertama" is not a typo of "pertamina"). Sources: the formal side
 * of data/slang-id.tsv (MIT, see data/slang-LICENSE.txt) and a hand-written list
 * of everyday words (data/common-hand-id.txt).
 * Run: npm run build:common-words [-- hand-list.txt] (default data/common-hand-id.txt)
 */
import { readFileSync, writeFileSync } from "node:fs";
import { tokenize } from "../nlu/normalize.js";
import { dataPath } from "../paths.js";

const words = new Set<string>();
const addText = (t: string) => {
  for (const w of tokenize(t)) if (/^\p{L}{3,}$/u.test(w)) words.add(w);
};
for (const line of readFileSync(dataPath("slang-id.tsv"), "utf8").split("\n").slice(1)) addText(line.split("\t")[1] ?? "");
addText(readFileSync(process.argv[2] ?? dataPath("common-hand-id.txt"), "utf8"));
writeFileSync(dataPath("common-id.txt"), [...words].sort().join("\n") + "\n");
console.log(`${words.size} words`);
