import { readFileSync } from "node:fs";
import { join } from "node:path";
import { FluentBundle, FluentResource } from "@fluent/bundle";
import { localesDir } from "../paths.js";

/** A language Sinergi answers in: Indonesian (the default) or English. */
export type Lang = "id" | "en";

/** Every language with a `locales/<lang>.ftl` file; the first is the default. */
export const LANGS: readonly Lang[] = ["id", "en"];

/**
 * The language to answer a Telegram user in, from their app's language code
 * (`from.language_code`): English for "en", "en-GB" ..., else Indonesian.
 */
export function languageOf(code: string | undefined): Lang {
  return code?.startsWith("en") ? "en" : "id";
}

/** Translation function for one language: a Fluent message id and its variables to text. */
export type Translate = (key: string, vars?: Record<string, string | number>) => string;

const sources = new Map<Lang, string>();
const bundles = new Map<Lang, FluentBundle>();

/**
 * The Fluent source of one language, read once. This module is the only
 * reader of `.ftl` files: the bot's i18n plugin is loaded from it too.
 */
export function localeSource(lang: Lang): string {
  let text = sources.get(lang);
  if (text === undefined) sources.set(lang, (text = readFileSync(join(localesDir, `${lang}.ftl`), "utf8")));
  return text;
}

function bundle(lang: Lang): FluentBundle {
  let b = bundles.get(lang);
  if (!b) {
    // Isolation marks are off: answers are plain chat text, and the marks would
    // show up as stray characters in consoles and JSON output.
    b = new FluentBundle(lang, { useIsolating: false });
    b.addResource(new FluentResource(localeSource(lang)));
    bundles.set(lang, b);
  }
  return b;
}

/** True when `lang` defines message `key`: optional texts are looked up only when they exist. */
export function hasMessage(key: string, lang: Lang = "id"): boolean {
  return bundle(lang).hasMessage(key);
}

/** Formats one message; a missing message falls back to Indonesian, then to its id. */
export function translate(lang: Lang, key: string, vars?: Record<string, string | number>): string {
  let b = bundle(lang);
  let msg = b.getMessage(key);
  if (!msg?.value && lang !== "id") {
    b = bundle("id");
    msg = b.getMessage(key);
  }
  if (!msg?.value) return key;
  // Numbers are passed as text: Fluent would group years as "2.023".
  let args: Record<string, string> | undefined;
  if (vars) {
    args = {};
    for (const k in vars) args[k] = String(vars[k]);
  }
  return b.formatPattern(msg.value, args, []);
}

const translators = new Map<Lang, Translate>();

/**
 * The translation function of one language, for code that runs outside a
 * grammY context (answers, events, the console). A message is fixed by its
 * key and variables, and answers format the same knowledge-base lines again
 * and again, so each is formatted once (bounded).
 */
export function translator(lang: Lang): Translate {
  let t = translators.get(lang);
  if (!t) {
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
        text = translate(lang, key, vars);
        if (formatted.size >= 5000) formatted.clear();
        if (id !== undefined) formatted.set(id, text);
      }
      return text;
    };
    translators.set(lang, t);
  }
  return t;
}
