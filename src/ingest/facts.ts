import type { Qualifier, Zone } from "./numbers.js";

/** Where a fact was read: the sentence, as written. */
export interface Evidence {
  sentence: string;
  index: number;
}

/** The period a money figure holds for. */
export type FigurePeriod =
  | { kind: "event"; date: string }
  | { kind: "year"; year: number }
  | { kind: "range"; from: number; to: number }
  | { kind: "cumulative"; asOf: string }
  | { kind: "semester"; year: number; half: 1 | 2 }
  | { kind: "annual"; from: string }
  | { kind: "unstated" };

/** What a money figure measures. */
export type Measure = "kerja-sama" | "transaksi" | "penjualan" | "pembelian" | "investasi" | "perdagangan" | "potensi" | "surplus";
/** Whether a figure is the final one, a count during the event, or an earlier mission's. */
export type FigureStatus = "final" | "sementara" | "sebelumnya";
/** What a province does with a commodity. */
export type Direction = "unggulan" | "jual" | "beli" | "investasi";

export interface OrgFact {
  key: string;
  name: string;
  short?: string;
  kind: "pemerintah-daerah" | "universitas" | "bumn" | "dinas" | "perusahaan" | "lainnya";
  province?: string;
  city?: string;
  evidence: Evidence;
}

export interface PersonFact {
  key: string;
  name: string;
  role: string;
  roleText?: string;
  province?: string;
  org?: string;
  /** The person this one stood in for ("mewakili", "diwakili oleh"). */
  represents?: string;
  nickname?: string;
  /** Known only as the speaker of a statement, not by an office. */
  speakerOnly?: boolean;
  evidence: Evidence;
}

export interface EventFact {
  key: string;
  kind: "misi-dagang" | "penandatanganan-mou" | "pameran" | "forum-investasi" | "kunjungan-kerja" | "lainnya";
  title: string;
  date: string;
  time?: string;
  endTime?: string;
  zone?: Zone;
  venue: string;
  address?: string;
  city: string;
  province: string;
  provinces: string[];
  organisers: string[];
  participants: string[];
  purpose?: string;
  main: boolean;
  evidence: Evidence;
}

export interface FigureFact {
  amount: number;
  measure: Measure;
  qualifier: Qualifier;
  period: FigurePeriod;
  provinces: string[];
  seller?: string;
  buyer?: string;
  status: FigureStatus;
  event?: string;
  /** Explicit cue of a final or an interim figure in its sentence. */
  cue?: "final" | "sementara";
  dataFrom?: string;
  evidence: Evidence;
}

export interface TargetFact {
  province: string;
  indicator: string;
  comparator: Qualifier;
  value: number;
  unit: string;
  horizon?: string;
  event?: string;
  evidence: Evidence;
}

export interface AgreementFact {
  kind: "nota-kesepahaman" | "perjanjian-kerja-sama" | "loi";
  parties: string[];
  /** The parties as written when they are not organisations ("OPD Jatim", "9 BUMD"). */
  partyTexts: string[];
  provinces: string[];
  topic?: string;
  count?: number;
  date: string;
  event?: string;
  signatories: string[];
  witnesses: string[];
  evidence: Evidence;
}

export interface CommodityFact {
  items: string[];
  province: string;
  direction: Direction;
  targetMarkets: string[];
  origin?: string;
  evidence: Evidence;
}

export interface StatementFact {
  speaker: string;
  text: string;
  quoted: boolean;
  topic?: string;
  evidence: Evidence;
}

export interface CountFact {
  what: string;
  value: number;
  unit?: string;
  qualifier: Qualifier;
  provinces: string[];
  event?: string;
  evidence: Evidence;
}

export interface AcronymFact {
  short: string;
  long: string;
  evidence: Evidence;
}

export interface SourceFact {
  title: string;
  publisher?: string;
  author?: string;
  date?: string;
}

/** Everything read from one release, before it becomes records. */
export interface Facts {
  source: SourceFact;
  orgs: OrgFact[];
  people: PersonFact[];
  events: EventFact[];
  figures: FigureFact[];
  targets: TargetFact[];
  agreements: AgreementFact[];
  commodities: CommodityFact[];
  statements: StatementFact[];
  counts: CountFact[];
  acronyms: AcronymFact[];
  warnings: string[];
}
