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
/** How exact a published figure is: "Rp165,7 miliar", "lebih dari Rp400 miliar", "sekitar 50 persen", "hingga Rp651 miliar". */
export const qualifier = z.enum(["exact", "more_than", "less_than", "about", "up_to"]);

/** The version of the knowledge file this code writes; older versions are migrated on load (see migrate.ts). */
export const SCHEMA_VERSION = 2;

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
  /** The result of one event (a trade mission's day), with the value's `eventId` when the event is known. */
  z.object({ kind: z.literal("event"), date: isoDate }),
  z.object({ kind: z.literal("semester"), year, half: z.union([z.literal(1), z.literal(2)]) }),
  /** A yearly rate from a date on ("Rp124 miliar per tahun"). */
  z.object({ kind: z.literal("annual"), from: isoDate }),
  /** The source gives no period. */
  z.object({ kind: z.literal("unstated") }),
]);

const pair = z
  .tuple([provinceCode, provinceCode])
  .refine(([a, b]) => a !== b, "dua provinsi harus berbeda");

const sourced = { sourceId: id, validAsOf: isoDate };

/** What a money figure measures; absent: the value of the cooperation itself. */
export const valueMeasures = ["kerja-sama", "transaksi", "penjualan", "pembelian", "investasi", "perdagangan", "potensi", "surplus"] as const;
/** A final figure, one counted while the event was still going on, or an earlier mission's cited for comparison. */
export const valueStatuses = ["final", "sementara", "sebelumnya"] as const;

/** One or more distinct provinces (a province's own total, a pair, or a multi-province signing). */
const provinceSet = z
  .array(provinceCode)
  .min(1)
  .refine((codes) => new Set(codes).size === codes.length, "provinsi tidak boleh ganda");

export const cooperationValueSchema = z.object({
  id,
  provinces: provinceSet,
  measure: z.enum(valueMeasures).optional(),
  /** For sales and purchases: the selling and the buying province. */
  seller: provinceCode.optional(),
  buyer: provinceCode.optional(),
  /** A partner that is not a province ("Malaysia"). */
  counterpart: z.string().min(1).optional(),
  eventId: id.optional(),
  status: z.enum(valueStatuses).optional(),
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
  kind: z.enum(["nota-kesepahaman", "perjanjian-kerja-sama", "loi", "lainnya"]),
  title: z.string().min(1),
  /** Organisations that signed; a signing between provinces or groups ("OPD of both provinces") names `provinces` instead. */
  parties: z.array(id),
  provinces: z.array(provinceCode).optional(),
  /** How many agreements of this kind were signed ("sebanyak 14 PKS"). */
  count: z.number().int().positive().optional(),
  purpose: z.string().min(1).optional(),
  date: isoDate,
  eventId: id.optional(),
  signatories: z.array(id).default([]),
  witnesses: z.array(id).default([]),
  ...sourced,
});

export const officialRoles = [
  "gubernur", "wakil-gubernur", "pj-gubernur", "sekretaris-daerah", "rektor", "kepala-dinas", "bupati", "wakil-bupati", "wali-kota", "wakil-wali-kota", "direktur-utama", "lainnya",
] as const;

export const officialSchema = z.object({
  id,
  name: z.string().min(1),
  role: z.enum(officialRoles),
  province: provinceCode.optional(),
  organisation: id.optional(),
  nickname: z.string().nullable().optional(),
  /** The office as the source writes it ("Kepala Otoritas Jasa Keuangan (OJK) Jatim"). */
  office: z.string().min(1).optional(),
  /** The official this one stood in for at an event. */
  represents: id.optional(),
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

/** What a province does with a commodity: its flagship, sold, bought, invested in. */
export const commodityDirections = ["unggulan", "jual", "beli", "investasi"] as const;

export const commoditySchema = z.object({
  id,
  province: provinceCode,
  items: z.array(z.string().min(1)).min(1),
  sector: z.string().min(1).optional(),
  direction: z.enum(commodityDirections).optional(),
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
  eventId: id.optional(),
  ...sourced,
});

/** A number the source counts: participants, companies, transactions, or an ordinal ("provinsi ke-33"). */
export const countSchema = z.object({
  id,
  what: z.string().min(1),
  value: z.number().nonnegative(),
  unit: z.string().min(1).optional(),
  eventId: id.optional(),
  provinces: z.array(provinceCode).default([]),
  qualifier: qualifier.default("exact"),
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
    schemaVersion: z.literal(SCHEMA_VERSION),
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
    counts: z.array(countSchema).default([]),
  })
  .superRefine((kb, ctx) => {
    // Every reference must point at a record that exists, so answers never cite a ghost.
    const sources = new Set(kb.sources.map((s) => s.id));
    const orgs = new Set(kb.organisations.map((o) => o.id));
    const people = new Set(kb.officials.map((o) => o.id));
    const collections = ["cooperationValues", "rankings", "events", "organisations", "agreements", "officials", "statements", "commodities", "targets", "acronyms", "counts"] as const;
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
    const events = new Set(kb.events.map((e) => e.id));
    for (const key of ["cooperationValues", "targets", "counts"] as const) {
      (kb[key] as Array<{ eventId?: string }>).forEach((r, i) => {
        if (r.eventId && !events.has(r.eventId)) ctx.addIssue({ code: "custom", path: [key, i, "eventId"], message: `acara "${r.eventId}" tidak ada` });
      });
    }
    kb.cooperationValues.forEach((v, i) => {
      for (const side of ["seller", "buyer"] as const) {
        const code = v[side];
        if (code && !v.provinces.includes(code)) ctx.addIssue({ code: "custom", path: ["cooperationValues", i, side], message: `provinsi ${code} tidak ada di provinces` });
      }
    });
    kb.agreements.forEach((a, i) => {
      if (a.parties.length < 2 && (a.provinces?.length ?? 0) < 2 && !(a.parties.length === 1 && (a.provinces?.length ?? 0) >= 1))
        ctx.addIssue({ code: "custom", path: ["agreements", i, "parties"], message: "perjanjian butuh dua pihak (organisasi atau provinsi)" });
    });
    kb.officials.forEach((o, i) => {
      if (o.represents && !people.has(o.represents)) ctx.addIssue({ code: "custom", path: ["officials", i, "represents"], message: `pejabat "${o.represents}" tidak ada` });
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
export type Count = z.infer<typeof countSchema>;
