import { I18n } from "@grammyjs/i18n";
import type { Context } from "grammy";
import { LANGS, localeSource } from "./i18n/translate.js";

export { translator, type Translate } from "./i18n/translate.js";

/**
 * The grammY i18n plugin (`ctx.t`), loaded from the same Fluent sources as the
 * plain translator in `i18n/translate.ts`; Indonesian is the default.
 */
export const i18n = new I18n<Context>({
  defaultLocale: "id",
  fluentBundleOptions: { useIsolating: false },
  localeNegotiator: (ctx) => (ctx.from?.language_code?.startsWith("en") ? "en" : "id"),
});
for (const lang of LANGS) i18n.loadLocaleSync(lang, { source: localeSource(lang) });
