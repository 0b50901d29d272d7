export { Answerer, SMALL_TALK, loadIntentExamples, type Answer, type AnswerOptions, type SmallTalk } from "./answerer.js";
export type { Prompt } from "./compose.js";
export { CONTEXT_TTL_MS, isFresh, type DialogueState } from "./dialogue.js";
