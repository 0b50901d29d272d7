import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../paths.js";

const table = z
  .object({
    units: z.record(z.string(), z.number()),
    teens: z.array(z.string()),
    multipliers: z.record(z.string(), z.number()),
    scales: z.record(z.string(), z.number()),
    decimal: z.array(z.string()),
    compounds: z.record(z.string(), z.array(z.string())),
  })
  .parse(JSON.parse(readFileSync(dataPath("words/numbers.json"), "utf8")));

const UNITS = new Map(Object.entries(table.units));
const TEENS = new Set(table.teens);
const MULTIPLIERS = new Map(Object.entries(table.multipliers));
const SCALES = new Map(Object.entries(table.scales));
const DECIMAL = new Set(table.decimal);
const COMPOUNDS = new Map(Object.entries(table.compounds));


/** True for a number word ("delapan", "ratus", "siji"). */
export function isNumberWord(t: string): boolean {
  return UNITS.has(t) || TEENS.has(t) || MULTIPLIERS.has(t) || SCALES.has(t) || COMPOUNDS.has(t);
}

/**
 * Replaces numbers written in words by digits, token by token:
 * "dua ribu dua puluh tiga" -> "2023", "empat ratus miliar" -> "400 miliar",
 * "seratus enam puluh lima koma tujuh" -> "165,7". A lone small number word
 * stays as it is ("satu", "tiga"), so that ordinary words are never turned
 * into figures by accident.
 */
export function wordsToNumbers(input: readonly string[]): string[] {
  // "seratus" is read as "satu ratus", "sewu" as "siji ewu".
  const tokens = input.some((t) => COMPOUNDS.has(t)) ? input.flatMap((t) => COMPOUNDS.get(t) ?? [t]) : input;
  const out: string[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!UNITS.has(tokens[i]!)) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    let total = 0;
    let group = 0;
    let small = 0;
    let j = i;
    for (; j < tokens.length; j++) {
      const t = tokens[j]!;
      const unit = UNITS.get(t);
      if (unit !== undefined) {
        group += small;
        small = unit;
      } else if (TEENS.has(t)) {
        group += small + 10;
        small = 0;
      } else if (MULTIPLIERS.has(t) && MULTIPLIERS.get(t)! < 100) {
        group += (small || 1) * MULTIPLIERS.get(t)!;
        small = 0;
      } else if (MULTIPLIERS.has(t)) {
        group = (group + small || 1) * MULTIPLIERS.get(t)!;
        small = 0;
      } else if (SCALES.has(t)) {
        total += (group + small || 1) * SCALES.get(t)!;
        group = small = 0;
      } else {
        break;
      }
    }
    let value = String(total + group + small);
    // "koma tujuh": a decimal part, digit by digit.
    if (DECIMAL.has(tokens[j] ?? "") && (UNITS.get(tokens[j + 1] ?? "") ?? 10) < 10) {
      let digits = "";
      let k = j + 1;
      for (; k < tokens.length && (UNITS.get(tokens[k]!) ?? 10) < 10; k++) digits += String(UNITS.get(tokens[k]!));
      value += `,${digits}`;
      j = k;
    }
    if (j === i + 1 && (UNITS.get(tokens[i]!) ?? 100) < 10) {
      out.push(tokens[i]!);
      i++;
      continue;
    }
    out.push(value);
    i = j;
  }
  return out;
}
