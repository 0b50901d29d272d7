import { z } from "zod";

/** Calendar date in ISO form (YYYY-MM-DD), checked to be a real day. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "harus berbentuk YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "bukan tanggal yang valid");

/** Kemendagri province code, e.g. "35" for Jawa Timur. */
export const provinceCode = z.string().regex(/^\d{2}$/, "kode provinsi dua digit, mis. 35");

const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, "huruf kecil, angka dan tanda hubung");
const year = z.number().int().min(1945).max(2100);
/** How exact a published figure is: "Rp165,7 miliar", "lebih dari Rp400 miliar", "sekitar 50 persen". */
export const qualifier = z.enum(["exact", "more_than", "less_than", "about"]);

export const sourceSchema = z.object({
  id,
  publisher: z.string().min(1),
  title: z.string().min(1),
  date: isoDate,
  author: z.string().optional(),
  url: z.string().url().optional(),
  file: z.string().optional(),
});

export const periodSchema = z.discriminatedUnion("kind", [
  z.object({ kind: z.literal("year"), year }),
  z.object({ kind: z.literal("range"), from: year, to: year }),
  z.object({ kind: z.literal("cumulative"), asOf: isoDate }),
]);

const pair = z
  .tuple([provinceCode, provinceCode])
  .refine(([a, b]) => a !== b, "dua provinsi harus berbeda");

const sourced = { sourceId: id, validAsOf: isoDate };

export const cooperationValueSchema = z.object({
  id,
  provinces: pair,
  period: periodSchema,
  /** Amount in rupiah. */
  amount: z.number().positive(),
  qualifier: qualifier.default("exact"),
  sharePercent: z.number().min(0).max(100).optional(),
  shareQualifier: qualifier.optional(),
  shareOf: z.string().optional(),
  /** Set when this figure is the highest of the pair in a span of years. */
  highestOfPeriod: z.object({ from: year, to: year }).optional(),
  dataFrom: z.string().optional(),
  note: z.string().optional(),
  ...sourced,
});

export const rankingSchema = z.object({
  id,
  provinces: pair,
  period: periodSchema,
  position: z.number().int().positive(),
  measure: z.string().min(1),
  among: z.string().min(1),
  ...sourced,
});

export const eventKinds = ["misi-dagang", "penandatanganan-mou", "pameran", "forum-investasi", "kunjungan-kerja", "lainnya"] as const;

export const eventSchema = z.object({
  id,
  title: z.string().min(1),
  kind: z.enum(eventKinds),
  date: isoDate,
  /** Local start time (HH:mm) in `timezone`; absent when the source gives only the day. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "jam berbentuk HH:mm").optional(),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "jam berbentuk HH:mm").optional(),
  timezone: z.enum(["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]),
  venue: z.string().min(1),
  address: z.string().optional(),
  city: z.string().min(1),
  province: provinceCode,
  provinces: z.array(provinceCode).default([]),
  latitude: z.number().min(-90).max(90).optional(),
  longitude: z.number().min(-180).max(180).optional(),
  organisers: z.array(id).default([]),
  purpose: z.string().optional(),
  goals: z.array(z.string()).default([]),
  participants: z.array(id).default([]),
  agenda: z.array(z.string()).default([]),
  ...sourced,
});

export const organisationSchema = z.object({
  id,
  name: z.string().min(1),
  short: z.string().optional(),
  kind: z.enum(["pemerintah-daerah", "universitas", "bumn", "dinas", "perusahaan", "lainnya"]),
  city: z.string().optional(),
  province: provinceCode.optional(),
  aliases: z.array(z.string()).default([]),
  sourceId: id,
});

export const agreementSchema = z.object({
  id,
  kind: z.enum(["nota-kesepahaman", "perjanjian-kerja-sama", "lainnya"]),
  title: z.string().min(1),
  parties: z.array(id).min(2),
  purpose: z.string().min(1),
  date: isoDate,
  eventId: id.optional(),
  signatories: z.array(id).default([]),
  witnesses: z.array(id).default([]),
  ...sourced,
});

export const officialRoles = ["gubernur", "wakil-gubernur", "rektor", "kepala-dinas", "bupati", "wali-kota", "direktur-utama", "lainnya"] as const;

export const officialSchema = z.object({
  id,
  name: z.string().min(1),
  role: z.enum(officialRoles),
  province: provinceCode.optional(),
  organisation: id.optional(),
  nickname: z.string().nullable().optional(),
  ...sourced,
});

export const statementSchema = z.object({
  id,
  official: id,
  topic: z.string().min(1),
  text: z.string().min(1),
  /** True when the source quotes the words directly. */
  quoted: z.boolean(),
  sourceId: id,
});

export const commoditySchema = z.object({
  id,
  province: provinceCode,
  items: z.array(z.string().min(1)).min(1),
  sector: z.string().min(1),
  origin: z.string().optional(),
  targetMarkets: z.array(provinceCode).default([]),
  note: z.string().optional(),
  ...sourced,
});

export const targetSchema = z.object({
  id,
  province: provinceCode,
  indicator: z.string().min(1),
  comparator: qualifier,
  value: z.number(),
  unit: z.string().min(1),
  horizon: z.string().min(1),
  ...sourced,
});

export const acronymSchema = z.object({
  id,
  short: z.string().min(1),
  long: z.string().min(1),
  sourceId: id.nullable(),
});

export const knowledgeSchema = z
  .object({
    schemaVersion: z.literal(1),
    sources: z.array(sourceSchema).min(1),
    cooperationValues: z.array(cooperationValueSchema).default([]),
    rankings: z.array(rankingSchema).default([]),
    events: z.array(eventSchema).default([]),
    organisations: z.array(organisationSchema).default([]),
    agreements: z.array(agreementSchema).default([]),
    officials: z.array(officialSchema).default([]),
    statements: z.array(statementSchema).default([]),
    commodities: z.array(commoditySchema).default([]),
    targets: z.array(targetSchema).default([]),
    acronyms: z.array(acronymSchema).default([]),
  })
  .superRefine((kb, ctx) => {
    // Every reference must point at a record that exists, so answers never cite a ghost.
    const sources = new Set(kb.sources.map((s) => s.id));
    const orgs = new Set(kb.organisations.map((o) => o.id));
    const people = new Set(kb.officials.map((o) => o.id));
    const collections = ["cooperationValues", "rankings", "events", "organisations", "agreements", "officials", "statements", "commodities", "targets", "acronyms"] as const;
    for (const key of collections) {
      const seen = new Set<string>();
      (kb[key] as Array<{ id: string; sourceId?: string | null }>).forEach((rec, i) => {
        if (seen.has(rec.id)) ctx.addIssue({ code: "custom", path: [key, i, "id"], message: `id ganda "${rec.id}"` });
        seen.add(rec.id);
        if (rec.sourceId && !sources.has(rec.sourceId))
          ctx.addIssue({ code: "custom", path: [key, i, "sourceId"], message: `sumber "${rec.sourceId}" tidak ada di sources` });
      });
    }
    kb.agreements.forEach((a, i) =>
      a.parties.forEach((p, j) => {
        if (!orgs.has(p)) ctx.addIssue({ code: "custom", path: ["agreements", i, "parties", j], message: `organisasi "${p}" tidak ada` });
      }),
    );
    kb.officials.forEach((o, i) => {
      if (o.organisation && !orgs.has(o.organisation))
        ctx.addIssue({ code: "custom", path: ["officials", i, "organisation"], message: `organisasi "${o.organisation}" tidak ada` });
      if (!o.organisation && !o.province)
        ctx.addIssue({ code: "custom", path: ["officials", i], message: "pejabat butuh province atau organisation" });
    });
    kb.events.forEach((e, i) =>
      e.participants.forEach((p, j) => {
        if (!people.has(p)) ctx.addIssue({ code: "custom", path: ["events", i, "participants", j], message: `pejabat "${p}" tidak ada` });
      }),
    );
    kb.statements.forEach((s, i) => {
      if (!people.has(s.official)) ctx.addIssue({ code: "custom", path: ["statements", i, "official"], message: `pejabat "${s.official}" tidak ada` });
    });
  });

export type Knowledge = z.infer<typeof knowledgeSchema>;
export type Source = z.infer<typeof sourceSchema>;
export type CooperationValue = z.infer<typeof cooperationValueSchema>;
export type Ranking = z.infer<typeof rankingSchema>;
export type Period = z.infer<typeof periodSchema>;
export type KEvent = z.infer<typeof eventSchema>;
export type Organisation = z.infer<typeof organisationSchema>;
export type Agreement = z.infer<typeof agreementSchema>;
export type Official = z.infer<typeof officialSchema>;
export type Statement = z.infer<typeof statementSchema>;
export type Commodity = z.infer<typeof commoditySchema>;
export type Target = z.infer<typeof targetSchema>;
export type Acronym = z.infer<typeof acronymSchema>;
