import { z } from "zod";
import { province } from "./provinces.js";

/** Earliest year of any date or period in the knowledge base. */
export const MIN_YEAR = 1945;
/** Latest year of any date or period in the knowledge base. */
export const MAX_YEAR = 2100;
/** Largest amount in rupiah (Rp1.000 triliun), the same limit as /ubahnilai: anything bigger is surely a typo. */
export const MAX_AMOUNT = 1e15;
/** Longest record id; ids also name files and fit in button data. */
export const MAX_ID = 64;

const NOT_FINITE = "angka terlalu besar atau tidak terhingga (mis. 1e309); tulis angka biasa";

/** A number; an infinite one (JSON's 1e309) is named as such rather than "expected number, received number". */
const num = () => z.number({ error: (iss) => (typeof iss.input === "number" && !Number.isFinite(iss.input) ? NOT_FINITE : undefined) });

/** Control characters other than tab and line breaks. */
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/;
/** Line breaks and tabs: allowed in long texts, not in names. */
const BREAKS = /[\t\n\r\u2028\u2029]/;
/** Zero-width and bidirectional formatting characters: invisible, and able to disguise a name. */
const INVISIBLE = /[\u061C\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u206F\uFEFF\uFFF9-\uFFFB]/;

/** True when a one-line name holds no control, line-break, zero-width or bidi character. */
export function isCleanName(s: string): boolean {
  return !CONTROL.test(s) && !BREAKS.test(s) && !INVISIBLE.test(s);
}

/** True when a longer text holds no control, zero-width or bidi character (line breaks and tabs allowed). */
export function isCleanText(s: string): boolean {
  return !CONTROL.test(s) && !INVISIBLE.test(s);
}

/** A one-line name or label of at most `max` characters. */
const name = (max: number) =>
  z.string().min(1).max(max, `paling banyak ${max} karakter`).refine(isCleanName, "karakter kontrol, baris baru atau karakter tak terlihat (zero-width/bidi) tidak diperbolehkan");
/** A text of at most `max` characters; line breaks allowed. */
const text = (max: number) =>
  z.string().min(1).max(max, `paling banyak ${max} karakter`).refine(isCleanText, "karakter kontrol atau karakter tak terlihat (zero-width/bidi) tidak diperbolehkan");

/** Calendar date in ISO form (YYYY-MM-DD), checked to be a real day between 1945 and 2100. */
export const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "harus berbentuk YYYY-MM-DD")
  .refine((s) => {
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s);
  }, "bukan tanggal yang valid")
  .refine((s) => {
    const y = Number(s.slice(0, 4));
    return y >= MIN_YEAR && y <= MAX_YEAR;
  }, `tahun harus antara ${MIN_YEAR} dan ${MAX_YEAR}`);

/** Kemendagri province code of one of the 38 provinces in data/provinces.json, e.g. "35" for Jawa Timur. */
export const provinceCode = z
  .string()
  .regex(/^\d{2}$/, "kode provinsi dua digit, mis. 35")
  .refine((c) => province(c) !== undefined, "kode provinsi tidak dikenal (lihat data/provinces.json), mis. 35");

/** A record id: 1–64 characters of a-z, 0-9 and "-", starting with a letter or digit. */
export const recordId = z
  .string()
  .max(MAX_ID, `id paling banyak ${MAX_ID} karakter`)
  .regex(/^[a-z0-9][a-z0-9-]*$/, "huruf kecil, angka dan tanda hubung");
const id = recordId;
const year = num().int().min(MIN_YEAR).max(MAX_YEAR);
/** How exact a published figure is: "Rp165,7 miliar", "lebih dari Rp400 miliar", "sekitar 50 persen", "hingga Rp651 miliar". */
export const qualifier = z.enum(["exact", "more_than", "less_than", "about", "up_to"]);

/** The version of the knowledge file this code writes; older versions are migrated on load (see migrate.ts). */
export const SCHEMA_VERSION = 2;

/** An absolute http(s) URL (no javascript:, file:, data: ...). */
const httpUrl = z
  .string()
  .max(2048, "paling banyak 2048 karakter")
  .refine((u) => {
    try {
      const url = new URL(u);
      return (url.protocol === "http:" || url.protocol === "https:") && !!url.hostname && isCleanName(u);
    } catch {
      return false;
    }
  }, "URL harus diawali http:// atau https://");

/** A source: the press release or document facts come from (publisher, title, date; author, URL and file when known). */
export const sourceSchema = z.object({
  id,
  publisher: name(300),
  title: name(300),
  date: isoDate,
  author: name(200).optional(),
  url: httpUrl.optional(),
  /** Name of the archived source file (no folders). */
  file: name(200).refine((f) => !/[\\/]/.test(f) && f !== "." && f !== "..", "nama berkas saja, tanpa folder").optional(),
});

/** The period a figure covers: a year, a range of years, cumulative as of a date, an event, a semester, a yearly rate, or none stated. */
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
  .max(38)
  .refine((codes) => new Set(codes).size === codes.length, "provinsi tidak boleh ganda");

/** A cooperation value between provinces: amount in rupiah with its qualifier, period, measure, sides, status and share. */
export const cooperationValueSchema = z.object({
  id,
  provinces: provinceSet,
  measure: z.enum(valueMeasures).optional(),
  /** For sales and purchases: the selling and the buying province. */
  seller: provinceCode.optional(),
  buyer: provinceCode.optional(),
  /** A partner that is not a province ("Malaysia"). */
  counterpart: name(200).optional(),
  eventId: id.optional(),
  status: z.enum(valueStatuses).optional(),
  period: periodSchema,
  /** Amount in rupiah. */
  amount: num().min(1, "paling kecil Rp1").max(MAX_AMOUNT, "paling besar Rp1.000 triliun (batas yang sama dengan /ubahnilai)"),
  qualifier: qualifier.default("exact"),
  sharePercent: num().min(0).max(100).optional(),
  shareQualifier: qualifier.optional(),
  shareOf: name(200).optional(),
  /** Set when this figure is the highest of the pair in a span of years. */
  highestOfPeriod: z.object({ from: year, to: year }).optional(),
  dataFrom: name(300).optional(),
  note: text(1000).optional(),
  ...sourced,
});

/** A ranking: where a pair of provinces stands by a measure among others, in a period. */
export const rankingSchema = z.object({
  id,
  provinces: pair,
  period: periodSchema,
  position: num().int().positive().max(10_000),
  measure: name(200),
  among: name(200),
  ...sourced,
});

/** The kinds of event (a trade mission, an MoU signing, a fair ...). */
export const eventKinds = ["misi-dagang", "penandatanganan-mou", "pameran", "forum-investasi", "kunjungan-kerja", "lainnya"] as const;

/** An event: kind, date (and local time in its IANA time zone), venue, city, provinces, organisers, participants, agenda. */
export const eventSchema = z.object({
  id,
  title: name(200),
  kind: z.enum(eventKinds),
  date: isoDate,
  /** Local start time (HH:mm) in `timezone`; absent when the source gives only the day. */
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "jam berbentuk HH:mm").optional(),
  endTime: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, "jam berbentuk HH:mm").optional(),
  timezone: z.enum(["Asia/Jakarta", "Asia/Pontianak", "Asia/Makassar", "Asia/Jayapura"]),
  venue: name(200),
  address: name(300).optional(),
  city: name(100),
  province: provinceCode,
  provinces: z.array(provinceCode).max(38).default([]),
  latitude: num().min(-90).max(90).optional(),
  longitude: num().min(-180).max(180).optional(),
  organisers: z.array(id).max(100).default([]),
  purpose: text(1000).optional(),
  goals: z.array(text(500)).max(50).default([]),
  participants: z.array(id).max(500).default([]),
  agenda: z.array(text(500)).max(100).default([]),
  ...sourced,
});

/** An organisation: name, short name and aliases, kind, city and province. */
export const organisationSchema = z.object({
  id,
  name: name(200),
  short: name(60).optional(),
  kind: z.enum(["pemerintah-daerah", "universitas", "bumn", "dinas", "perusahaan", "lainnya"]),
  city: name(100).optional(),
  province: provinceCode.optional(),
  aliases: z.array(name(100)).max(50).default([]),
  sourceId: id,
});

/** An agreement (MoU, PKS, LoI): its parties, purpose, date, signatories and witnesses, provinces and count. */
export const agreementSchema = z.object({
  id,
  kind: z.enum(["nota-kesepahaman", "perjanjian-kerja-sama", "loi", "lainnya"]),
  title: name(200),
  /** Organisations that signed; a signing between provinces or groups ("OPD of both provinces") names `provinces` instead. */
  parties: z.array(id).max(100),
  provinces: z.array(provinceCode).max(38).optional(),
  /** How many agreements of this kind were signed ("sebanyak 14 PKS"). */
  count: num().int().positive().max(1_000_000).optional(),
  purpose: text(1000).optional(),
  date: isoDate,
  eventId: id.optional(),
  signatories: z.array(id).max(100).default([]),
  witnesses: z.array(id).max(100).default([]),
  ...sourced,
});

/** The roles officials are addressed by (gubernur, wakil gubernur, rektor ...). */
export const officialRoles = [
  "gubernur", "wakil-gubernur", "pj-gubernur", "sekretaris-daerah", "rektor", "kepala-dinas", "bupati", "wakil-bupati", "wali-kota", "wakil-wali-kota", "direktur-utama", "lainnya",
] as const;

/** An official: name, role, the province or organisation, nickname, office as written, whom they represented. */
export const officialSchema = z.object({
  id,
  name: name(120),
  role: z.enum(officialRoles),
  province: provinceCode.optional(),
  organisation: id.optional(),
  nickname: name(60).nullable().optional(),
  /** The office as the source writes it ("Kepala Otoritas Jasa Keuangan (OJK) Jatim"). */
  office: name(200).optional(),
  /** The official this one stood in for at an event. */
  represents: id.optional(),
  ...sourced,
});

/** What an official said on a topic, quoted or reported. */
export const statementSchema = z.object({
  id,
  official: id,
  topic: name(120),
  text: text(2000),
  /** True when the source quotes the words directly. */
  quoted: z.boolean(),
  sourceId: id,
});

/** What a province does with a commodity: its flagship, sold, bought, invested in. */
export const commodityDirections = ["unggulan", "jual", "beli", "investasi"] as const;

/** Commodities a province sells, buys, offers or invests in, with their sector and markets. */
export const commoditySchema = z.object({
  id,
  province: provinceCode,
  items: z.array(name(100)).min(1).max(100),
  sector: name(100).optional(),
  direction: z.enum(commodityDirections).optional(),
  origin: name(200).optional(),
  targetMarkets: z.array(provinceCode).max(38).default([]),
  note: text(1000).optional(),
  ...sourced,
});

/** An economic target of a province: indicator, comparator, value, unit and horizon. */
export const targetSchema = z.object({
  id,
  province: provinceCode,
  indicator: name(200),
  comparator: qualifier,
  value: num().min(-MAX_AMOUNT).max(MAX_AMOUNT),
  unit: name(40),
  horizon: name(120),
  eventId: id.optional(),
  ...sourced,
});

/** A number the source counts: participants, companies, transactions, or an ordinal ("provinsi ke-33"). */
export const countSchema = z.object({
  id,
  what: name(200),
  value: num().nonnegative().max(MAX_AMOUNT),
  unit: name(40).optional(),
  eventId: id.optional(),
  provinces: z.array(provinceCode).max(38).default([]),
  qualifier: qualifier.default("exact"),
  ...sourced,
});

/** An acronym and what it stands for (DPMPTSP, BUMN ...). */
export const acronymSchema = z.object({
  id,
  short: name(20),
  long: name(200),
  sourceId: id.nullable(),
});

/**
 * Every collection, in the order of the knowledge file; every record has an `id`. The one list the
 * store, the repair, the admin forms and the import diff go through.
 */
export const COLLECTIONS = [
  "sources", "cooperationValues", "rankings", "events", "organisations", "agreements",
  "officials", "statements", "commodities", "targets", "acronyms", "counts",
] as const;
type CollectionName = (typeof COLLECTIONS)[number];

/** The schema of one record of each collection (a change is validated record by record). */
export const RECORD_SCHEMAS = {
  sources: sourceSchema,
  cooperationValues: cooperationValueSchema,
  rankings: rankingSchema,
  events: eventSchema,
  organisations: organisationSchema,
  agreements: agreementSchema,
  officials: officialSchema,
  statements: statementSchema,
  commodities: commoditySchema,
  targets: targetSchema,
  acronyms: acronymSchema,
  counts: countSchema,
} as const satisfies Record<CollectionName, z.ZodType>;

/** A field of a record that names a record of another collection. */
export interface Reference {
  from: CollectionName;
  field: string;
  to: "sources" | "organisations" | "officials" | "events";
  message: (id: string) => string;
}

const sourceRef = (from: CollectionName): Reference => ({ from, field: "sourceId", to: "sources", message: (id) => `sumber "${id}" tidak ada di sources` });
const orgRef = (from: CollectionName, field: string): Reference => ({ from, field, to: "organisations", message: (id) => `organisasi "${id}" tidak ada` });
const personRef = (from: CollectionName, field: string): Reference => ({ from, field, to: "officials", message: (id) => `pejabat "${id}" tidak ada` });
const eventRef = (from: CollectionName): Reference => ({ from, field: "eventId", to: "events", message: (id) => `acara "${id}" tidak ada` });

/**
 * Every reference the knowledge base checks: each must point at a record that
 * exists, so answers never cite a ghost. The one definition used by the
 * whole-base check below and by the check of a single change (validate.ts).
 */
export const REFERENCES: readonly Reference[] = [
  ...COLLECTIONS.map(sourceRef),
  orgRef("agreements", "parties"),
  orgRef("officials", "organisation"),
  personRef("events", "participants"),
  personRef("statements", "official"),
  eventRef("cooperationValues"),
  eventRef("targets"),
  eventRef("counts"),
  personRef("officials", "represents"),
];

const referencesFrom = new Map<CollectionName, Reference[]>(COLLECTIONS.map((c) => [c, REFERENCES.filter((r) => r.from === c)]));

/** One broken rule: where (inside the record, or inside the base) and why. */
export interface RuleIssue {
  path: Array<string | number>;
  message: string;
}

/** The records a record refers to: where in it, which collection, which id, and the message if it is missing. */
export function referencesOf(collection: CollectionName, record: Record<string, unknown>): Array<{ path: Array<string | number>; to: Reference["to"]; id: string; message: string }> {
  const out: Array<{ path: Array<string | number>; to: Reference["to"]; id: string; message: string }> = [];
  for (const ref of referencesFrom.get(collection) ?? []) {
    const value = record[ref.field];
    if (typeof value === "string" && value) out.push({ path: [ref.field], to: ref.to, id: value, message: ref.message(value) });
    else if (Array.isArray(value)) value.forEach((v, j) => typeof v === "string" && out.push({ path: [ref.field, j], to: ref.to, id: v, message: ref.message(v) }));
  }
  return out;
}

/** Calls `fn` with every record a record refers to (the lean form of `referencesOf`, for counting). */
export function eachReference(collection: CollectionName, record: Record<string, unknown>, fn: (to: Reference["to"], id: string) => void): void {
  for (const ref of referencesFrom.get(collection) ?? []) {
    const value = record[ref.field];
    if (typeof value === "string" && value) fn(ref.to, value);
    else if (Array.isArray(value)) for (const v of value) if (typeof v === "string") fn(ref.to, v);
  }
}

/** Rules a record must keep by itself beyond its fields' own (paths inside the record). */
export function recordRuleIssues(collection: CollectionName, record: Record<string, unknown>): RuleIssue[] {
  const out: RuleIssue[] = [];
  if (collection === "officials") {
    if (!record.organisation && !record.province) out.push({ path: [], message: "pejabat butuh province atau organisation" });
  } else if (collection === "cooperationValues") {
    const provinces = Array.isArray(record.provinces) ? record.provinces : [];
    for (const side of ["seller", "buyer"] as const) {
      const code = record[side];
      if (code && !provinces.includes(code)) out.push({ path: [side], message: `provinsi ${String(code)} tidak ada di provinces` });
    }
  } else if (collection === "agreements") {
    const parties = Array.isArray(record.parties) ? record.parties.length : 0;
    const provinces = Array.isArray(record.provinces) ? record.provinces.length : 0;
    if (parties < 2 && provinces < 2 && !(parties === 1 && provinces >= 1)) out.push({ path: ["parties"], message: "perjanjian butuh dua pihak (organisasi atau provinsi)" });
  }
  return out;
}

/**
 * A whole knowledge base (schema version 2): every collection, each record
 * within its limits, every reference pointing at a record that exists. Parse
 * files with `parseKnowledge` (src/knowledge/load.ts), which migrates version 1.
 */
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
    for (const issue of crossRecordIssues(kb as unknown as Record<CollectionName, Array<Record<string, unknown>>>)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
  });

/**
 * The rules between records of a whole base: ids unique in each collection,
 * references to records that exist (REFERENCES), and each record's own rules
 * (recordRuleIssues). Paths are [collection, index, field, ...].
 */
export function crossRecordIssues(kb: Record<CollectionName, Array<Record<string, unknown>>>): RuleIssue[] {
  const out: RuleIssue[] = [];
  const ids = new Map<string, Set<string>>();
  for (const to of ["sources", "organisations", "officials", "events"] as const) ids.set(to, new Set((kb[to] ?? []).map((r) => r.id as string)));
  for (const collection of COLLECTIONS) {
    const seen = new Set<string>();
    (kb[collection] ?? []).forEach((rec, i) => {
      const id = rec.id as string;
      if (seen.has(id)) out.push({ path: [collection, i, "id"], message: `id ganda "${id}"` });
      seen.add(id);
      for (const ref of referencesOf(collection, rec)) if (!ids.get(ref.to)!.has(ref.id)) out.push({ path: [collection, i, ...ref.path], message: ref.message });
      for (const issue of recordRuleIssues(collection, rec)) out.push({ path: [collection, i, ...issue.path], message: issue.message });
    });
  }
  return out;
}

/** A validated knowledge base. */
export type Knowledge = z.infer<typeof knowledgeSchema>;

/** The name of one list of records in a knowledge base ("events", "cooperationValues" ...). */
export type Collection = Exclude<keyof Knowledge, "schemaVersion">;

/** True when `name` is a collection of the knowledge file (e.g. the first step of a validation issue's path). */
export function isCollection(name: unknown): name is Collection {
  return typeof name === "string" && (COLLECTIONS as readonly string[]).includes(name);
}

/** The fields of one record of `collection`, each with its schema (to tell optional fields from required ones). */
export function recordFields(collection: Collection): Readonly<Record<string, z.ZodType>> {
  const list = knowledgeSchema.shape[collection];
  const array = list instanceof z.ZodDefault ? list.unwrap() : list;
  return array instanceof z.ZodArray && array.element instanceof z.ZodObject ? array.element.shape : {};
}

/** A source (see sourceSchema). */
export type Source = z.infer<typeof sourceSchema>;
/** A cooperation value (see cooperationValueSchema). */
export type CooperationValue = z.infer<typeof cooperationValueSchema>;
/** A ranking (see rankingSchema). */
export type Ranking = z.infer<typeof rankingSchema>;
/** A period (see periodSchema). */
export type Period = z.infer<typeof periodSchema>;
/** An event (see eventSchema); "KEvent" to keep clear of the DOM's Event. */
export type KEvent = z.infer<typeof eventSchema>;
/** An organisation (see organisationSchema). */
export type Organisation = z.infer<typeof organisationSchema>;
/** An agreement (see agreementSchema). */
export type Agreement = z.infer<typeof agreementSchema>;
/** An official (see officialSchema). */
export type Official = z.infer<typeof officialSchema>;
/** A statement (see statementSchema). */
export type Statement = z.infer<typeof statementSchema>;
/** Commodities of a province (see commoditySchema). */
export type Commodity = z.infer<typeof commoditySchema>;
/** A target (see targetSchema). */
export type Target = z.infer<typeof targetSchema>;
/** An acronym (see acronymSchema). */
export type Acronym = z.infer<typeof acronymSchema>;
/** A count (see countSchema). */
export type Count = z.infer<typeof countSchema>;
