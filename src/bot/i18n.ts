import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { LANGS, languageOf, localeSource, type Lang } from "../i18n/translate.js";

/**
 * The grammY i18n plugin (`ctx.t` in handlers), a wrapper of the plain Fluent
 * translator in `src/i18n/translate.ts`: it is loaded from that module's
 * sources (the only reader of `locales/*.ftl`). Indonesian is the default,
 * English for users whose Telegram app is in English.
 */
export const i18n = new I18n<Context>({
  defaultLocale: "id",
  fluentBundleOptions: { useIsolating: false },
  localeNegotiator: (ctx) => langOf(ctx),
});
for (const lang of LANGS) i18n.loadLocaleSync(lang, { source: localeSource(lang) });

/** The language to answer the user behind an update in (see `languageOf`). */
export function langOf(ctx: Context): Lang {
  return languageOf(ctx.from?.language_code);
}
