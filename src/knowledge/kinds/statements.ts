import type { Statement } from "../schema.js";
import { placeOf, roleName } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(s: Statement, c: RenderCtx): string {
  const o = c.kb.get("officials", s.official);
  const vars = { name: o?.name ?? s.official, role: o ? roleName(c, o.role) : "", place: o ? placeOf(c.kb, o) : "", text: s.text };
  return c.t(s.quoted ? "statement-quoted" : "statement-reported", vars);
}

/** Statements: what an official said, quoted or reported. */
export const statements: KindDef<Statement> = {
  collection: "statements",
  code: "st",
  name: "pernyataan",
  words: ["pernyataan", "kutipan", "ucapan", "komentar", "tanggapan", "pendapat", "statement", "quote", "comment"],
  refs: (s, kb) => {
    const out = [`f:${s.official}`];
    const o = kb.get("officials", s.official);
    if (o) {
      out.push(`role:${o.role}`);
      if (o.province) out.push(`p:${o.province}`);
      if (o.organisation) out.push(`o:${o.organisation}`);
    }
    // A statement about an agreement is about its parties too.
    const a = kb.get("agreements", s.topic);
    if (a) out.push(`a:${a.id}`, ...a.parties.map((p) => `o:${p}`));
    return out;
  },
  texts: (s) => [s.text],
  years: () => [],
  date: () => "",
  attrs: {
    statement: line,
    who: line,
  },
  summary: line,
  subject: (s, c) => c.kb.get("officials", s.official)?.name ?? s.official,
  suggest: ["statement"],
  label: (s, c) => {
    const o = c.kb.get("officials", s.official);
    return o ? `${o.name} (${roleName(c, o.role)})` : s.official;
  },
  source: (s) => ({ sourceId: s.sourceId }),
  dependsOn: (s) => [`officials/${s.official}`, `agreements/${s.topic}`],
};
