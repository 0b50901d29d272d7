/** Testing kit: update factories and an offline bot. See factories.ts and bot.ts. */
export * from "./factories.js";
export * from "./bot.js";
export * from "./process.js";
export * from "./wait.js";
