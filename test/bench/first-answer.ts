/**
 * Cold start for `npm run bench:nlu`: load the knowledge base, build the
 * Answerer and answer one question, then report memory. Run in a fresh process.
 */
import { Answerer } from "../../src/answers/index.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";

const answerer = new Answerer(loadKnowledgeFile(dataPath("knowledge.json")));
const a = answerer.answer(process.argv[2] ?? "berapa nilai kerja sama jatim kaltim 2023");
process.stdout.write(`${JSON.stringify({ answered: a.answered, intent: a.intent, maxRssKb: process.resourceUsage().maxRSS })}\n`);
