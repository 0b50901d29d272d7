import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { localesDir } from "./paths.js";
import type { Lang } from "./nlu/index.js";

/**
 * Fluent translations from `locales/*.ftl`; Indonesian is the default.
 * Isolation marks are off: answers are plain chat text, and the marks would
 * show up as stray characters in consoles and JSON output.
 */
export const i18n = new I18n<Context>({
  defaultLocale: "id",
  directory: localesDir,
  fluentBundleOptions: { useIsolating: false },
  localeNegotiator: (ctx) => (ctx.from?.language_code?.startsWith("en") ? "en" : "id"),
});

/** Translation function for one language, for code that runs outside a grammY context. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

export function translator(lang: Lang): Translate {
  // Numbers are passed as text: Fluent would group years as "2.023".
  return (key, vars) => i18n.t(lang, key, vars && Object.fromEntries(Object.entries(vars).map(([k, v]) => [k, String(v)])));
}
