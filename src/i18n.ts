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

const translators = new Map<Lang, Translate>();

export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
    // A message is fixed by its key and variables once the locale files are loaded; answers
    // format the same knowledge-base lines again and again, so each is formatted once (bounded).
    const formatted = new Map<string, string>();
    t = (key, vars) => {
      let id: string | undefined = key;
      if (vars) {
        for (const k in vars) {
          const v = String(vars[k]);
          // A separator inside a value could make two calls look alike: such a call is not remembered.
          if (v.includes("\u0001")) {
            id = undefined;
            break;
          }
          id += `\u0001${k}\u0002${v}`;
        }
      }
      let text = id === undefined ? undefined : formatted.get(id);
      if (text === undefined) {
        if (vars) {
          // Numbers are passed as text: Fluent would group years as "2.023".
          const args: Record<string, string> = {};
          for (const k in vars) args[k] = String(vars[k]);
          text = i18n.t(lang, key, args);
        } else {
          text = i18n.t(lang, key);
        }
        if (formatted.size >= 5000) formatted.clear();
        if (id !== undefined) formatted.set(id, text);
      }
      return text;
    };
    translators.set(lang, t);
  }
  return t;
}
