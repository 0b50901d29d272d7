import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../paths.js";
import type { Knowledge } from "../knowledge/schema.js";
import { provinces } from "../knowledge/provinces.js";
import { tokenize } from "./normalize.js";

const lexiconSchema = z.object({
  roles: z.record(z.string(), z.array(z.string())),
  universities: z.array(z.string()),
  companies: z.array(z.string()),
  people: z.array(z.string()),
  commodities: z.array(z.string()),
  cities: z.record(z.string(), z.string()),
  eventKinds: z.record(z.string(), z.array(z.string())),
});
/** World words that are not facts: roles, other universities, companies, people, commodities, cities. */
export const lexicon = lexiconSchema.parse(JSON.parse(readFileSync(dataPath("lexicon.json"), "utf8")));

/** What a phrase in a question refers to. `known: false` means the knowledge base has nothing on it. */
export type EntityRef =
  | { type: "province"; id: string }
  | { type: "org"; id: string; known: boolean }
  | { type: "person"; id: string; known: boolean }
  | { type: "role"; id: string }
  | { type: "commodity"; id: string; known: boolean }
  | { type: "acronym"; id: string }
  | { type: "city"; id: string; province: string }
  | { type: "eventKind"; id: string };

/** An entity found in a question, with the token span it covers. */
export interface EntityMatch {
  ref: EntityRef;
  start: number;
  end: number;
  text: string;
}

/** Placeholder token the intent matcher sees instead of the entity's words. */
export const PLACEHOLDER: Record<EntityRef["type"] | "year", string> = {
  province: "_prov",
  org: "_org",
  person: "_orang",
  role: "",
  commodity: "_komoditas",
  // Acronyms keep their words: "MoU", "UMKM" and "BUMN" are topics, not just abbreviations.
  acronym: "",
  city: "_kota",
  eventKind: "",
  year: "_tahun",
};

const MAX_PHRASE = 5;

/**
 * Phrase dictionary built from the knowledge base and the lexicon; matches the
 * longest phrase at each position of a token sequence.
 */
export class EntityIndex {
  private readonly phrases = new Map<string, EntityRef[]>();
  /** Longest phrase (in words) starting with each first word: most tokens start none. */
  private readonly longestFrom = new Map<string, number>();

  constructor(kb: Knowledge) {
    for (const p of provinces) {
      for (const name of [p.name, p.short, ...p.aliases]) this.add(name, { type: "province", id: p.code });
    }
    for (const o of kb.organisations) {
      for (const name of [o.name, o.short ?? "", ...o.aliases]) this.add(name, { type: "org", id: o.id, known: true });
    }
    for (const o of kb.officials) {
      this.add(o.name, { type: "person", id: o.id, known: true });
      if (o.nickname) this.add(o.nickname, { type: "person", id: o.id, known: true });
      // Family names alone ("Khofifah", "Parawansa") also name the person.
      for (const part of o.name.split(/\s+/)) if (part.length >= 4) this.add(part, { type: "person", id: o.id, known: true });
    }
    for (const c of kb.commodities) {
      for (const item of c.items) {
        this.add(item, { type: "commodity", id: item, known: true });
        // "udang windu" is also asked as "udang"; "ikan bandeng" as "bandeng".
        for (const part of item.split(/\s+/)) if (!["ikan"].includes(part)) this.add(part, { type: "commodity", id: item, known: true });
      }
    }
    for (const a of kb.acronyms) this.add(a.short, { type: "acronym", id: a.id });
    for (const [role, names] of Object.entries(lexicon.roles)) for (const n of names) this.add(n, { type: "role", id: role });
    for (const [kind, names] of Object.entries(lexicon.eventKinds)) for (const n of names) this.add(n, { type: "eventKind", id: kind });
    for (const u of lexicon.universities) this.add(u, { type: "org", id: u, known: false }, false);
    for (const c of lexicon.companies) this.add(c, { type: "org", id: c, known: false }, false);
    for (const p of lexicon.people) this.add(p, { type: "person", id: p, known: false }, false);
    for (const c of lexicon.commodities) this.add(c, { type: "commodity", id: c, known: false }, false);
    for (const [city, prov] of Object.entries(lexicon.cities)) this.add(city, { type: "city", id: city, province: prov }, false);
  }

  private add(phrase: string, ref: EntityRef, override = true): void {
    const key = tokenize(phrase).join(" ");
    if (!key) return;
    const list = this.phrases.get(key) ?? [];
    // Knowledge-base entries win over lexicon entries of the same words.
    if (!override && list.some((r) => r.type === ref.type)) return;
    if (list.some((r) => r.type === ref.type && r.id === ref.id)) return;
    list.push(ref);
    this.phrases.set(key, list);
    const words = key.split(" ");
    this.longestFrom.set(words[0]!, Math.max(this.longestFrom.get(words[0]!) ?? 0, words.length));
  }

  /**
   * Words of the lexicon's names of things the knowledge base does not hold
   * (other universities, companies, people, commodities, cities). The typo
   * corrector reaches them only through very close misspellings.
   */
  static lexiconNameWords(): Set<string> {
    const out = new Set<string>();
    const names = [...lexicon.universities, ...lexicon.companies, ...lexicon.people, ...lexicon.commodities, ...Object.keys(lexicon.cities)];
    for (const n of names) for (const w of tokenize(n)) out.add(w);
    return out;
  }

  /** Every word that appears in some phrase, for the typo-correcting vocabulary. */
  words(): Set<string> {
    const out = new Set<string>();
    for (const k of this.phrases.keys()) for (const w of k.split(" ")) out.add(w);
    return out;
  }

  /** Longest-first phrase matches over the tokens; a span is used once. */
  match(tokens: readonly string[]): EntityMatch[] {
    const out: EntityMatch[] = [];
    // Tokens are single words (no spaces), so a phrase at i must start with tokens[i].
    const byFirst = !tokens.some((t) => t.includes(" "));
    for (let i = 0; i < tokens.length; ) {
      let found = false;
      const longest = byFirst ? (this.longestFrom.get(tokens[i]!) ?? 0) : MAX_PHRASE;
      for (let len = Math.min(MAX_PHRASE, longest, tokens.length - i); len >= 1; len--) {
        const text = tokens.slice(i, i + len).join(" ");
        const refs = this.phrases.get(text);
        if (!refs) continue;
        for (const ref of refs) out.push({ ref, start: i, end: i + len, text });
        i += len;
        found = true;
        break;
      }
      if (!found) i++;
    }
    return out;
  }
}
