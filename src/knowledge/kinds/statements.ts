import type { Statement } from "../schema.js";
import { officeOf, roleName } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(s: Statement, c: RenderCtx): string {
  const o = c.kb.get("officials", s.official);
  const vars = { name: o?.name ?? s.official, office: o ? officeOf(c, o) : "", text: s.text };
  return c.t(s.quoted ? "statement-quoted" : "statement-reported", vars);
}

/** Statements: what an official said, quoted or reported. */
export const statements: KindDef<Statement> = {
  collection: "statements",
  code: "st",
  name: "pernyataan",
  words: ["pernyataan", "kutipan", "ucapan", "komentar", "tanggapan", "pendapat", "statement", "quote", "comment"],
  refs: (s, kb) => {
    // A statement is about its speaker (role, province, organisation, the events attended) and its topic.
    const out = [`f:${s.official}`, ...kb.refsOf(`officials/${s.official}`).keys()];
    const a = kb.get("agreements", s.topic);
    // Its topic's parties and event, not the topic's people: a rector speaking of an MoU does not speak for its other signatory.
    if (a) out.push(`a:${a.id}`, ...[...kb.refsOf(`agreements/${a.id}`).keys()].filter((k) => /^(o|e|k|ak):/.test(k)));
    return out.filter((k) => !k.includes("/"));
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
