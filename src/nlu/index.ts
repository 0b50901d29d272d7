export { EntityIndex, type Entry } from "./entity-index.js";
export { detectLang } from "./lang.js";
export { Parser, type Mention, type Part, type Question } from "./parse.js";
export { Vocabulary } from "./vocabulary.js";
export type { Lang } from "../i18n/translate.js";
