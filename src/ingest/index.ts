import { slugify } from "../admin/parse.js";
import { KnowledgeFileError, parseKnowledge } from "../knowledge/load.js";
import { province as provinceOf, provinceName, provinceShort } from "../knowledge/provinces.js";
import type { Knowledge } from "../knowledge/schema.js";
import { applyChanges, type Change, type Collection, type KRecord } from "../knowledge/store.js";
import { readRelease, type KnownPerson } from "./extract.js";
import type { Facts, FigurePeriod } from "./facts.js";

/** One fact proposed from a release, as a record of the knowledge base, with the sentence it came from. */
export interface IngestItem {
  collection: Collection;
  record: KRecord;
  sentence: string;
  /**
   * new: not in the knowledge base; known: already there (`existing`), not added again;
   * conflict: the base says otherwise for the same thing (`existing`), not applied unless an admin chooses.
   */
  status: "new" | "known" | "conflict";
  existing?: KRecord;
  /** Kept only as the speaker of a statement, not for an office. */
  speakerOnly?: boolean;
}

/** What one release yields. */
export interface IngestResult {
  file?: string;
  /** The source record (new or already known) every item is sourced to. */
  source: KRecord;
  items: IngestItem[];
  /** Locale keys (Ingest section) of what could not be read or kept. */
  warnings: string[];
}

/** Options of `ingestText`. */
export interface IngestOptions {
  /** File name of the release, kept in the source record. */
  file?: string;
}

const ZONE_TZ = { WIB: "Asia/Jakarta", WITA: "Asia/Makassar", WIT: "Asia/Jayapura" } as const;
const AGREEMENT_NAMES = { "nota-kesepahaman": "Nota Kesepahaman", "perjanjian-kerja-sama": "Perjanjian Kerja Sama", loi: "Letter of Intent" } as const;

const norm = (s: unknown) => String(s ?? "").toLowerCase().replace(/[’']/g, "'").replace(/\s*\([^)]*\)\s*/g, " ").replace(/[^\p{L}\p{N}' ]+/gu, " ").replace(/\s+/g, " ").trim();
const canon = (v: unknown) => JSON.stringify(v, (_k, x: unknown) => (x && typeof x === "object" && !Array.isArray(x) ? Object.fromEntries(Object.entries(x as object).sort(([a], [b]) => a.localeCompare(b))) : x));

/** Ids are short (they end up in button data): at most 60 characters, unique in the base and the release. */
class Ids {
  private readonly taken = new Map<string, Set<string>>();
  constructor(kb: Knowledge) {
    for (const [c, list] of Object.entries(kb)) if (Array.isArray(list)) this.taken.set(c, new Set((list as KRecord[]).map((r) => r.id)));
  }
  make(collection: Collection, base: string): string {
    const set = this.taken.get(collection) ?? new Set<string>();
    this.taken.set(collection, set);
    const slug = slugify(base).slice(0, 56).replace(/-+$/, "") || "data";
    let id = slug;
    for (let i = 2; set.has(id); i++) id = `${slug}-${i}`;
    set.add(id);
    return id;
  }
}

function periodSlug(p: FigurePeriod): string {
  switch (p.kind) {
    case "event":
      return p.date;
    case "year":
      return String(p.year);
    case "range":
      return `${p.from}-${p.to}`;
    case "cumulative":
      return `kumulatif-${p.asOf}`;
    case "semester":
      return `${p.year}-s${p.half}`;
    case "annual":
      return `per-tahun-${p.from}`;
    default:
      return "tanpa-periode";
  }
}

/** Whether two names are the same person's ("Emil Dardak" and "Emil Elestianto Dardak"). */
export function samePerson(a: string, b: string, nickname?: string | null): boolean {
  const x = norm(a);
  const y = norm(b);
  if (x === y || (nickname && norm(nickname) === x)) return true;
  const xs = x.split(" ").filter((w) => w.length >= 3);
  const ys = y.split(" ").filter((w) => w.length >= 3);
  const shared = xs.filter((w) => ys.includes(w));
  return shared.length >= 2 || (shared.length === 1 && (xs.length === 1 || ys.length === 1));
}

/**
 * Reads a press release and proposes its facts as records of `kb`'s
 * collections: ids included, references to records already in the base by
 * their ids, each marked new, known (not added again) or in conflict with a
 * stored record. Deterministic and offline.
 */
export function ingestText(text: string, kb: Knowledge, opts: IngestOptions = {}): IngestResult {
  const people: KnownPerson[] = kb.officials.map((o) => ({ key: o.id, name: o.name, nickname: o.nickname ?? null, role: o.role, ...(o.province ? { province: o.province } : {}) }));
  const facts = readRelease(text, { people });
  return new Builder(facts, kb, opts).build();
}

class Builder {
  private readonly ids: Ids;
  private readonly items: IngestItem[] = [];
  /** Fact key -> record id (new or existing). */
  private readonly ref = new Map<string, string>();
  private sourceId = "";
  private validAsOf = "";

  constructor(
    private readonly f: Facts,
    private readonly kb: Knowledge,
    private readonly opts: IngestOptions,
  ) {
    this.ids = new Ids(kb);
  }

  private push(collection: Collection, record: KRecord, sentence: string, existing?: KRecord, same?: boolean, extra: Partial<IngestItem> = {}): IngestItem {
    const item: IngestItem = { collection, record, sentence, status: existing ? (same ? "known" : "conflict") : "new", ...(existing ? { existing } : {}), ...extra };
    this.items.push(item);
    return item;
  }

  build(): IngestResult {
    const warnings = [...this.f.warnings];
    const source = this.buildSource();
    this.buildOrganisations();
    this.buildPeople(warnings);
    this.buildEvents();
    this.buildValues();
    this.buildAgreements();
    this.buildCommodities();
    this.buildTargets();
    this.buildStatements();
    this.buildCounts();
    this.buildAcronyms();
    const result: IngestResult = { ...(this.opts.file ? { file: this.opts.file } : {}), source, items: this.items, warnings };
    // Whatever the schema still refuses in the merged base is left out, with a warning each.
    for (let round = 0; round < 20; round++) {
      const issues = validate(this.kb, result);
      if (!issues.length) break;
      for (const { item, message } of issues) {
        const i = result.items.indexOf(item);
        if (i >= 0) result.items.splice(i, 1);
        warnings.push(`ingest-warn-invalid:${item.collection}/${item.record.id}: ${message}`);
      }
    }
    return result;
  }

  private buildSource(): KRecord {
    const s = this.f.source;
    const date = s.date ?? new Date().toISOString().slice(0, 10);
    this.validAsOf = date;
    const existing = this.kb.sources.find((x) => norm(x.title) === norm(s.title));
    const main = this.f.events.find((e) => e.main);
    const record: KRecord = {
      id: existing?.id ?? this.ids.make("sources", `rilis-${(main?.provinces ?? []).map(provinceShort).join("-") || s.title.split(/\s+/).slice(0, 4).join(" ")}-${date}`),
      publisher: s.publisher ?? "siaran pers",
      title: s.title || "Siaran pers",
      date,
      ...(s.author ? { author: s.author } : {}),
      ...(this.opts.file ? { file: this.opts.file } : {}),
    };
    this.sourceId = record.id;
    this.push("sources", record, s.title, existing as unknown as KRecord | undefined, true);
    return record;
  }

  private sourced(): { sourceId: string; validAsOf: string } {
    return { sourceId: this.sourceId, validAsOf: this.validAsOf };
  }

  private buildOrganisations(): void {
    for (const o of this.f.orgs) {
      const keys = [o.name, o.short ?? ""].filter(Boolean).map(norm);
      const existing = this.kb.organisations.find((x) => [x.name, x.short ?? "", ...x.aliases].some((n) => n && keys.includes(norm(n))));
      const record: KRecord = {
        id: existing?.id ?? this.ids.make("organisations", o.short ?? o.name),
        name: o.name,
        ...(o.short ? { short: o.short } : {}),
        kind: o.kind,
        ...(o.city ? { city: o.city } : {}),
        ...(o.province ? { province: o.province } : {}),
        aliases: [...new Set([o.name, o.short ?? ""].filter(Boolean).map((n) => n.toLowerCase()))],
        sourceId: this.sourceId,
      };
      this.ref.set(o.key, record.id);
      this.push("organisations", record, o.evidence.sentence, existing as unknown as KRecord | undefined, true);
    }
  }

  private buildPeople(warnings: string[]): void {
    const pending: Array<[string, string]> = [];
    for (const p of this.f.people) {
      const existing = this.kb.officials.find((x) => samePerson(x.name, p.name, x.nickname));
      const organisation = p.org ? this.ref.get(p.org) : undefined;
      if (!existing && !p.province && !organisation) {
        warnings.push(`ingest-warn-no-place:${p.name}`);
        continue;
      }
      const record: KRecord = {
        id: existing?.id ?? this.ids.make("officials", p.name),
        name: existing && existing.name.length > p.name.length ? existing.name : p.name,
        role: p.role,
        ...(p.province ? { province: p.province } : {}),
        ...(organisation ? { organisation } : {}),
        nickname: p.nickname ?? existing?.nickname ?? null,
        ...(p.roleText && p.roleText.split(" ").length > 1 ? { office: p.roleText } : {}),
        ...this.sourced(),
      };
      if (p.represents) pending.push([record.id, p.represents]);
      this.ref.set(p.key, record.id);
      // Another office for the same person is a contradiction; a release that names no office agrees.
      const same = !!existing && (existing.role === p.role || p.speakerOnly === true || (p.role === "lainnya" && !p.roleText));
      this.push("officials", record, p.evidence.sentence, existing as unknown as KRecord | undefined, same, p.speakerOnly ? { speakerOnly: true } : {});
    }
    for (const [id, key] of pending) {
      const item = this.items.find((i) => i.collection === "officials" && i.record.id === id);
      const target = this.ref.get(key);
      if (item && target && target !== id) item.record.represents = target;
    }
  }

  private buildEvents(): void {
    for (const e of this.f.events) {
      const existing = this.kb.events.find((x) => x.date === e.date && (norm(x.city) === norm(e.city) || norm(x.venue).includes(norm(e.venue)) || norm(e.venue).includes(norm(x.venue))));
      const home = provinceOf(e.province)?.timezone ?? "Asia/Jakarta";
      const timezone = e.zone && ZONE_TZ[e.zone] !== home && !(e.zone === "WIB" && home === "Asia/Pontianak") ? ZONE_TZ[e.zone] : home;
      const record: KRecord = {
        id: existing?.id ?? this.ids.make("events", `${e.kind}-${e.provinces.map(provinceShort).join("-")}-${e.date}`),
        title: e.title,
        kind: e.kind,
        date: e.date,
        ...(e.time ? { time: e.time } : {}),
        ...(e.endTime ? { endTime: e.endTime } : {}),
        timezone,
        venue: e.venue,
        ...(e.address ? { address: e.address } : {}),
        city: e.city,
        province: e.province,
        provinces: e.provinces,
        organisers: e.organisers.map((k) => this.ref.get(k)).filter((x): x is string => !!x),
        ...(e.purpose ? { purpose: e.purpose } : {}),
        goals: [],
        participants: [...new Set(e.participants.map((k) => this.ref.get(k)).filter((x): x is string => !!x))],
        agenda: [],
        ...this.sourced(),
      };
      this.ref.set(e.key, record.id);
      this.push("events", record, e.evidence.sentence, existing as unknown as KRecord | undefined, true);
    }
  }

  private buildValues(): void {
    for (const v of this.f.figures) {
      const measure = v.measure === "kerja-sama" ? undefined : v.measure;
      const status = v.status === "final" ? undefined : v.status;
      const eventId = v.event ? this.ref.get(v.event) : undefined;
      const record: KRecord = {
        id: "",
        provinces: v.provinces,
        ...(measure ? { measure } : {}),
        ...(v.seller && v.provinces.includes(v.seller) ? { seller: v.seller } : {}),
        ...(v.buyer && v.provinces.includes(v.buyer) ? { buyer: v.buyer } : {}),
        ...(eventId ? { eventId } : {}),
        ...(status ? { status } : {}),
        period: v.period,
        amount: v.amount,
        qualifier: v.qualifier,
        ...(v.dataFrom ? { dataFrom: v.dataFrom } : {}),
        ...this.sourced(),
      };
      const existing = this.kb.cooperationValues.find(
        (x) =>
          [...x.provinces].sort().join() === [...v.provinces].sort().join() && canon(x.period) === canon(v.period) && (x.measure ?? "kerja-sama") === v.measure &&
          (x.status ?? "final") === v.status && (x.seller ?? "") === (record.seller ?? "") && (x.buyer ?? "") === (record.buyer ?? ""),
      );
      record.id = existing?.id ?? this.ids.make("cooperationValues", `kv-${v.provinces.map(provinceShort).join("-")}-${periodSlug(v.period)}-${v.measure}${status ? `-${status}` : ""}`);
      const same = !!existing && existing.amount === v.amount && existing.qualifier === v.qualifier;
      this.push("cooperationValues", record, v.evidence.sentence, existing as unknown as KRecord | undefined, same);
    }
  }

  private buildAgreements(): void {
    for (const a of this.f.agreements) {
      const parties = a.parties.map((k) => this.ref.get(k)).filter((x): x is string => !!x);
      const names = parties.map((id) => {
        const o = this.items.find((i) => i.collection === "organisations" && i.record.id === id)?.record ?? (this.kb.organisations.find((x) => x.id === id) as unknown as KRecord | undefined);
        return String(o?.short ?? o?.name ?? id);
      });
      const who = names.length >= 2 ? names.join(" dan ") : a.partyTexts.length ? a.partyTexts.join(", ") : a.provinces.map(provinceName).join(", ");
      const title = `${AGREEMENT_NAMES[a.kind]} ${who}`.slice(0, 200);
      const eventId = a.event ? this.ref.get(a.event) : undefined;
      const witnesses = [...new Set(a.witnesses.map((k) => this.ref.get(k)).filter((x): x is string => !!x))];
      const record: KRecord = {
        id: "",
        kind: a.kind,
        title,
        parties,
        ...(parties.length < 2 && a.provinces.length ? { provinces: a.provinces } : {}),
        ...(a.count ? { count: a.count } : {}),
        ...(a.topic ? { purpose: a.topic } : {}),
        date: a.date,
        ...(eventId ? { eventId } : {}),
        signatories: [],
        witnesses,
        ...this.sourced(),
      };
      const existing = this.kb.agreements.find(
        (x) => x.kind === a.kind && x.date === a.date && ((parties.length >= 2 && [...x.parties].sort().join() === [...parties].sort().join()) || (parties.length < 2 && [...(x.provinces ?? [])].sort().join() === [...a.provinces].sort().join() && (x.count ?? 1) === (a.count ?? 1))),
      );
      record.id = existing?.id ?? this.ids.make("agreements", `${a.kind === "nota-kesepahaman" ? "mou" : a.kind === "perjanjian-kerja-sama" ? "pks" : "loi"}-${(names.length >= 2 ? names : a.provinces.map(provinceShort)).join("-")}-${a.date}`);
      this.push("agreements", record, a.evidence.sentence, existing as unknown as KRecord | undefined, true);
    }
  }

  private buildCommodities(): void {
    for (const c of this.f.commodities) {
      const existing = this.kb.commodities.find(
        (x) => x.province === c.province && (x.direction ?? "unggulan") === c.direction && c.items.every((it) => x.items.some((y) => norm(y) === norm(it))),
      );
      const record: KRecord = {
        id: existing?.id ?? this.ids.make("commodities", `komoditas-${provinceShort(c.province)}-${c.direction}-${this.validAsOf}`),
        province: c.province,
        items: c.items,
        direction: c.direction,
        ...(c.origin ? { origin: c.origin } : {}),
        targetMarkets: c.targetMarkets,
        ...this.sourced(),
      };
      this.push("commodities", record, c.evidence.sentence, existing as unknown as KRecord | undefined, true);
    }
  }

  private buildTargets(): void {
    for (const t of this.f.targets) {
      const eventId = t.event ? this.ref.get(t.event) : undefined;
      const event = this.items.find((i) => i.collection === "events" && i.record.id === eventId)?.record;
      const record: KRecord = {
        id: "",
        province: t.province,
        indicator: t.indicator,
        comparator: t.comparator,
        value: t.value,
        unit: t.unit,
        horizon: t.horizon ?? String(event?.title ?? this.validAsOf),
        ...(eventId ? { eventId } : {}),
        ...this.sourced(),
      };
      const existing = this.kb.targets.find((x) => x.province === t.province && norm(x.indicator) === norm(t.indicator) && x.validAsOf.slice(0, 4) === this.validAsOf.slice(0, 4));
      record.id = existing?.id ?? this.ids.make("targets", `target-${t.indicator}-${provinceShort(t.province)}-${this.validAsOf.slice(0, 4)}`);
      this.push("targets", record, t.evidence.sentence, existing as unknown as KRecord | undefined, !!existing && existing.value === t.value && existing.unit === t.unit);
    }
  }

  private buildStatements(): void {
    const main = this.f.events.find((e) => e.main);
    const topic = (main && this.ref.get(main.key)) ?? this.sourceId;
    for (const s of this.f.statements) {
      const official = this.ref.get(s.speaker);
      if (!official) continue;
      const text = s.text.slice(0, 2000);
      const existing = this.kb.statements.find((x) => x.official === official && (norm(x.text).includes(norm(text).slice(0, 80)) || norm(text).includes(norm(x.text).slice(0, 80))));
      const record: KRecord = {
        id: existing?.id ?? this.ids.make("statements", `pernyataan-${official}-${this.validAsOf}`),
        official,
        topic,
        text,
        quoted: s.quoted,
        sourceId: this.sourceId,
      };
      this.push("statements", record, s.evidence.sentence, existing as unknown as KRecord | undefined, true);
    }
  }

  private buildCounts(): void {
    for (const c of this.f.counts) {
      const eventId = c.event ? this.ref.get(c.event) : undefined;
      const existing = this.kb.counts.find((x) => norm(x.what) === norm(c.what) && (x.eventId ?? "") === (eventId ?? "") && x.validAsOf === this.validAsOf);
      const record: KRecord = {
        id: existing?.id ?? this.ids.make("counts", `jumlah-${c.what}-${this.validAsOf}`),
        what: c.what,
        value: c.value,
        ...(c.unit ? { unit: c.unit } : {}),
        ...(eventId ? { eventId } : {}),
        provinces: c.provinces,
        qualifier: c.qualifier,
        ...this.sourced(),
      };
      this.push("counts", record, c.evidence.sentence, existing as unknown as KRecord | undefined, !!existing && existing.value === c.value);
    }
  }

  private buildAcronyms(): void {
    const seen = new Set<string>();
    for (const a of this.f.acronyms) {
      const key = a.short.toLowerCase();
      if (seen.has(key)) continue;
      seen.add(key);
      const existing = this.kb.acronyms.find((x) => x.short.toLowerCase() === key);
      const record: KRecord = { id: existing?.id ?? this.ids.make("acronyms", a.short), short: a.short, long: a.long, sourceId: this.sourceId };
      this.push("acronyms", record, a.evidence.sentence, existing as unknown as KRecord | undefined, true);
    }
  }
}

/** The new records of a result by collection: the shape of the knowledge file's collections. */
export function candidatesOf(result: IngestResult, keep: (item: IngestItem) => boolean = () => true): Partial<Record<Collection, KRecord[]>> {
  const out: Partial<Record<Collection, KRecord[]>> = {};
  for (const item of result.items) {
    if (item.status !== "new" || !keep(item)) continue;
    (out[item.collection] ??= []).push(item.record);
  }
  return out;
}

/** Fields that refer to other records, and whether a record without the reference still stands. */
const REFS: Record<string, { to: Collection; optional: boolean; list?: boolean }> = {
  sourceId: { to: "sources", optional: false },
  eventId: { to: "events", optional: true },
  official: { to: "officials", optional: false },
  organisation: { to: "organisations", optional: false },
  represents: { to: "officials", optional: true },
  parties: { to: "organisations", optional: true, list: true },
  organisers: { to: "organisations", optional: true, list: true },
  participants: { to: "officials", optional: true, list: true },
  witnesses: { to: "officials", optional: true, list: true },
  signatories: { to: "officials", optional: true, list: true },
};

/**
 * The changes that add a result's new records to `kb`, leaving out the items
 * not kept (`keep`) and whatever then refers to a record that is neither in
 * the base nor added: optional references are dropped, records that need
 * them are left out too.
 */
export function changesOf(result: IngestResult, kb: Knowledge, keep: (item: IngestItem) => boolean = () => true): Change[] {
  let kept = result.items.filter((i) => i.status === "new" && keep(i)).map((i) => ({ collection: i.collection, record: structuredClone(i.record) }));
  const exists = (c: Collection, id: string) => kept.some((k) => k.collection === c && k.record.id === id) || (kb[c] as unknown as KRecord[]).some((r) => r.id === id);
  for (let changed = true; changed; ) {
    changed = false;
    const next: typeof kept = [];
    for (const k of kept) {
      let drop = false;
      for (const [field, spec] of Object.entries(REFS)) {
        const v = k.record[field];
        if (v === undefined || v === null) continue;
        if (spec.list && Array.isArray(v)) {
          const ok = (v as string[]).filter((id) => exists(spec.to, id));
          if (ok.length !== v.length) {
            k.record[field] = ok;
            changed = true;
          }
        } else if (typeof v === "string" && !exists(spec.to, v)) {
          if (spec.optional) delete k.record[field];
          else if (field === "organisation" && k.record.province) delete k.record[field];
          else drop = true;
          changed = true;
        }
      }
      if (k.collection === "agreements" && (k.record.parties as string[]).length < 2 && ((k.record.provinces as string[] | undefined)?.length ?? 0) < 2 && !((k.record.parties as string[]).length === 1 && (k.record.provinces as string[] | undefined)?.length)) drop = true;
      if (drop) changed = true;
      else next.push(k);
    }
    kept = next;
  }
  return kept.map((k) => ({ collection: k.collection, id: k.record.id, before: null, after: k.record }));
}

/** Items whose records the schema refuses once merged into `kb`. */
function validate(kb: Knowledge, result: IngestResult): Array<{ item: IngestItem; message: string }> {
  const changes = changesOf(result, kb);
  const merged = applyChanges(kb, changes);
  try {
    parseKnowledge(merged);
    return [];
  } catch (err) {
    if (!(err instanceof KnowledgeFileError)) throw err;
    const out: Array<{ item: IngestItem; message: string }> = [];
    for (const issue of err.issues) {
      const m = /^(\w+)\[(\d+)\]/.exec(issue);
      if (!m) continue;
      const record = (merged[m[1]!] as KRecord[] | undefined)?.[Number(m[2])];
      const item = record && result.items.find((i) => i.collection === m[1] && i.record.id === record.id && i.status === "new");
      if (item && !out.some((o) => o.item === item)) out.push({ item, message: issue });
    }
    if (!out.length) throw err;
    return out;
  }
}
