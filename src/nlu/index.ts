export { EntityIndex, type Entry } from "./entity-index.js";
export { detectLang } from "./lang.js";
export { Parser } from "./parse.js";
export type { Mention, Part, Question } from "./question.js";
export { Vocabulary } from "./vocabulary.js";
export type { Lang } from "../i18n/translate.js";
