import { provinceShort } from "../provinces.js";
import type { Official } from "../schema.js";
import { cityKey, officeOf, placeOf, roleName } from "./common.js";
import type { KindDef, RenderCtx } from "./types.js";

function line(o: Official, c: RenderCtx): string {
  let s = c.lang === "id" ? c.t("official-line-office", { name: o.name, office: officeOf(c, o) }) : c.t("official-line", { name: o.name, role: roleName(c, o.role), place: placeOf(c.kb, o) });
  if (o.nickname) s += ` ${c.t("official-nickname", { nickname: o.nickname })}`;
  const stood = o.represents ? c.kb.get("officials", o.represents) : undefined;
  if (stood) s += ` ${c.t("official-represents", { name: stood.name, office: officeOf(c, stood) })}`;
  return s;
}

/** Officials: people with a role in a province or an organisation. */
export const officials: KindDef<Official> = {
  collection: "officials",
  code: "of",
  name: "pejabat",
  words: ["pejabat", "tokoh", "pimpinan", "pemimpin", "kepala", "official", "officials", "leader", "head", "heads", "leads", "chairs"],
  self: (o) => [`f:${o.id}`],
  names: (o) => (o.nickname ? [o.name, o.nickname] : [o.name]),
  nameParts: "all",
  refs: (o, kb) => {
    const out = [`role:${o.role}`];
    if (o.province) out.push(`p:${o.province}`, `at:${o.province}`);
    if (o.represents) out.push(`f:${o.represents}`);
    const org = o.organisation ? kb.get("organisations", o.organisation) : undefined;
    if (org) {
      out.push(`o:${org.id}`);
      if (org.province) out.push(`p:${org.province}`);
      if (org.city) out.push(cityKey(org.city));
    }
    for (const e of kb.referring("events", `officials/${o.id}`)) out.push(`e:${e.id}`, `k:${e.kind}`);
    return out;
  },
  years: (o) => [Number(o.validAsOf.slice(0, 4))],
  // "siapa yang mewakili gubernur": the one who stood in, over the one named.
  prefer: (o, roots) => (o.represents && roots.has("wakil") ? 3 : 0),
  date: (o) => o.validAsOf,
  attrs: {
    who: line,
    role: line,
    expansion: line,
    nickname: (o, c) => (o.nickname ? c.t("ans-official-nickname", { name: o.name, nickname: o.nickname }) : null),
    province: line,
    represents: (o, c) => (o.represents ? line(o, c) : null),
  },
  summary: line,
  subject: (o, c) => c.t("ans-official-subject", { role: roleName(c, o.role), place: o.province ? provinceShort(o.province) : (c.kb.get("organisations", o.organisation ?? "")?.short ?? placeOf(c.kb, o)) }),
  suggest: ["who"],
  exampleRank: 3,
  label: (o, c) => `${o.name} (${officeOf(c, o)})`,
  source: (o) => ({ sourceId: o.sourceId, validAsOf: o.validAsOf }),
  dependsOn: (o) => [...(o.organisation ? [`organisations/${o.organisation}`] : []), ...(o.represents ? [`officials/${o.represents}`] : [])],
};
