import { readFileSync } from "node:fs";
import { z } from "zod";
import { dataPath } from "../paths.js";

const provinceSchema = z.object({
  code: z.string(),
  name: z.string(),
  short: z.string(),
  aliases: z.array(z.string()),
  timezone: z.string(),
});
/** One of the 38 provinces of data/provinces.json: Kemendagri code, name, short name, aliases, time zone. */
export type Province = z.infer<typeof provinceSchema>;

/** The 38 provinces of Indonesia, with the short names people type (Jatim, Kaltim, DKI ...). */
export const provinces: readonly Province[] = z
  .object({ provinces: z.array(provinceSchema).length(38) })
  .parse(JSON.parse(readFileSync(dataPath("provinces.json"), "utf8"))).provinces;

const byCode = new Map(provinces.map((p) => [p.code, p]));

/** Looks a province up by its Kemendagri code. */
export function province(code: string): Province | undefined {
  return byCode.get(code);
}

/** Short display name, e.g. "Jatim"; falls back to the code for unknown provinces. */
export function provinceShort(code: string): string {
  return byCode.get(code)?.short ?? code;
}

/** Full official name, e.g. "Jawa Timur". */
export function provinceName(code: string): string {
  return byCode.get(code)?.name ?? code;
}
