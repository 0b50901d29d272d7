/**
 * The application layer: `Deps` (what the transports share) and its
 * construction, the metrics port, the shutdown sequence. Transports (bot,
 * server, console, cli) import from here; the domain below knows nothing of it.
 */
export { createDeps, StartupError, type DepsOptions } from "./create-deps.js";
export type { Deps, SessionData } from "./deps.js";
export { Lifecycle } from "./lifecycle.js";
export type { LabelledCounter, Metrics } from "./metrics.js";
export { openAnnouncements, openAsking, openEditing, openKnowledge, teachAnswerer } from "./programs.js";
