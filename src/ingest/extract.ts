import { province as provinceByCode, provinceShort } from "../knowledge/provinces.js";
import type { AgreementFact, Direction, EventFact, Evidence, FigureFact, FigurePeriod, FigureStatus, Facts, Measure, OrgFact, PersonFact } from "./facts.js";
import { findCounts, findDates, findMoney, findTimes, findYears, type MoneyMention, type Qualifier, type Zone } from "./numbers.js";
import { findPlaces, provinceOfName, regencyOf, type PlaceMention } from "./places.js";
import { layoutOf, type Layout, type Sentence } from "./text.js";
import {
  AGENCY_HEADS, COMPANY_HEADS, COUNT_NOUNS, GOVERNMENT_HEADS, ORG_HEADS, ROLE_TITLES, SAY_AFTER, SAY_VERBS, TARGET_CUE, TRADE_VERBS, UNIVERSITY_HEADS,
} from "./words.js";

/** A person already in the knowledge base, so that a release naming them again refers to the same record. */
export interface KnownPerson {
  key: string;
  name: string;
  nickname?: string | null;
  role: string;
  province?: string;
}

/** What the reader may know before reading. */
export interface ReadOptions {
  people?: readonly KnownPerson[];
}

const QUOTE_OPEN = /["“]/;
const CAP = /^[\p{Lu}][\p{L}'’.-]*$/u;
const CONNECTORS = new Set(["dan", "di", "dari", "&", "untuk", "bin", "binti", "van", "de"]);
const NOT_NAME = new Set([
  "Provinsi", "Kota", "Kabupaten", "Hotel", "Pemerintah", "Misi", "Dagang", "Investasi", "Jalan", "Jl", "Ballroom", "Dalam", "Pada", "Sementara", "Selain", "Adapun",
  "Menurut", "Sebagai", "Hadir", "Turut", "Usai", "Ketua", "Kepala", "Wakil", "Gubernur", "Bupati", "Rektor", "Sekda", "Menteri", "Presiden", "Indonesia", "Nusantara",
  "Timur", "Barat", "Selatan", "Utara", "Tengah", "Republik", "Kegiatan", "Acara", "Forum", "Program", "Nota", "Kesepahaman", "Perjanjian", "Kerja", "Sama", "Selaku",
  "Surabaya", "Bersama", "Sejak", "Hingga", "Saat", "Ia", "Dia", "Mereka", "Kami", "Kita", "Ini", "Itu", "Tim",
]);

interface Tok {
  w: string;
  start: number;
  end: number;
}

function tokens(text: string, from = 0): Tok[] {
  const out: Tok[] = [];
  const re = /\([^()]{1,60}\)|[\p{L}\d][\p{L}\d'’.&-]*|[,;:"“”]/gu;
  re.lastIndex = from;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    let w = m[0];
    // "Aji," "Iwan." — trailing dots of a sentence end are not part of a word (initials "M." are).
    if (/\p{L}{2,}\.$/u.test(w)) w = w.slice(0, -1);
    out.push({ w, start: m.index, end: m.index + w.length });
  }
  return out;
}

const isCap = (w: string) => CAP.test(w) || /^\([^()]+\)$/.test(w);
const isAllCaps = (w: string) => /^[\p{Lu}]{2,}[\p{Lu}\d-]*$/u.test(w) && !/^[IVX]+$/.test(w);
const norm = (s: string) => s.toLowerCase().replace(/[’']/g, "'").replace(/\s+/g, " ").trim();
const ws = (s: string) => s.replace(/\s+/g, " ").trim();
const cut = (s: string) => s.replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "");

/** Schwartz–Hearst: the start of the long form of `short` at the end of `text`, or -1. */
function longFormStart(short: string, text: string): number {
  const s = short.toLowerCase();
  const l = text.toLowerCase();
  let si = s.length - 1;
  let li = l.length - 1;
  while (si >= 0) {
    const c = s[si]!;
    if (!/[\p{L}\d]/u.test(c)) {
      si--;
      continue;
    }
    while (li >= 0 && (l[li] !== c || (si === 0 && li > 0 && /[\p{L}\d]/u.test(l[li - 1]!)))) li--;
    if (li < 0) return -1;
    li--;
    si--;
  }
  return l.lastIndexOf(" ", li) + 1;
}

/** The facts of one press release. Pure and deterministic: the same text gives the same facts. */
export function readRelease(raw: string, opts: ReadOptions = {}): Facts {
  return new Reader(layoutOf(raw), opts).read();
}

class Reader {
  private readonly s: Sentence[];
  private readonly places: PlaceMention[][];
  private home = "";
  private sides: string[] = [];
  private readonly facts: Facts = {
    source: { title: "" }, orgs: [], people: [], events: [], figures: [], targets: [], agreements: [], commodities: [], statements: [], counts: [], acronyms: [], warnings: [],
  };
  /** Person mentions by sentence: start offset and person key, for "ia" and "ujarnya". */
  private readonly mentions = new Map<number, Array<{ start: number; end: number; key: string }>>();
  private generic = new Set<string>();

  constructor(
    private readonly layout: Layout,
    private readonly opts: ReadOptions,
  ) {
    this.s = layout.sentences;
    this.places = this.s.map((x) => findPlaces(x.text));
  }

  read(): Facts {
    this.findSides();
    this.readOrganisations();
    this.readPeople();
    this.readEvents();
    this.readSource();
    this.readFigures();
    this.readRateTargets();
    this.readAgreements();
    this.readCommodities();
    this.readStatements();
    this.readCounts();
    return this.facts;
  }

  private ev(i: number): Evidence {
    return { sentence: this.s[i]!.text, index: i };
  }

  // ---------------------------------------------------------------- sides

  /** The provinces of the release: its own side (named most) and the others of the first paragraph. */
  private findSides(): void {
    const counts = new Map<string, number>();
    const firstPara: string[] = [];
    this.s.forEach((sen, i) => {
      for (const p of this.places[i]!) {
        if (p.type !== "province" || !p.code) continue;
        counts.set(p.code, (counts.get(p.code) ?? 0) + 1);
        if (sen.para === 0 && !firstPara.includes(p.code)) firstPara.push(p.code);
      }
    });
    for (const p of findPlaces(this.layout.title)) if (p.type === "province" && p.code && !firstPara.includes(p.code) && firstPara.length < 2) firstPara.push(p.code);
    const ranked = [...counts.entries()].sort((a, b) => b[1] - a[1] || firstPara.indexOf(a[0]) - firstPara.indexOf(b[0]));
    this.home = ranked.find(([c]) => firstPara.includes(c))?.[0] ?? ranked[0]?.[0] ?? "";
    this.sides = firstPara.length ? [this.home, ...firstPara.filter((c) => c !== this.home)].filter(Boolean) : this.home ? [this.home] : [];
  }

  /** The other side of a pair. */
  private other(code: string, pair: string[]): string | undefined {
    return pair.find((c) => c !== code);
  }

  // ---------------------------------------------------------------- organisations

  private orgByText(text: string): OrgFact | undefined {
    const t = orgKey(text);
    return this.facts.orgs.find((o) => orgKey(o.name) === t || (o.short && orgKey(o.short) === t));
  }

  private addOrg(o: Omit<OrgFact, "key">): OrgFact {
    const existing = this.orgByText(o.name) ?? (o.short ? this.orgByText(o.short) : undefined);
    if (existing) {
      if (!existing.short && o.short && norm(o.short) !== norm(existing.name)) existing.short = o.short;
      existing.province ??= o.province;
      existing.city ??= o.city;
      return existing;
    }
    const fact: OrgFact = { key: `org${this.facts.orgs.length}`, ...o };
    this.facts.orgs.push(fact);
    return fact;
  }

  private orgKind(name: string): OrgFact["kind"] {
    const head = name.split(/\s+/)[0]!;
    if (GOVERNMENT_HEADS.has(head)) return "pemerintah-daerah";
    if (UNIVERSITY_HEADS.has(head)) return "universitas";
    if (COMPANY_HEADS.has(head)) return /\b(Persero|Republik Indonesia|Negara)\b/.test(name) ? "bumn" : "perusahaan";
    if (AGENCY_HEADS.has(head)) return "dinas";
    return "lainnya";
  }

  private provinceIn(text: string): string | undefined {
    for (const p of findPlaces(text)) if (p.code && p.type !== "country") return p.code;
    return undefined;
  }

  /** A phrase is used as a category, not a name: "9 BUMD", "antar-OPD", "para kepala OPD". */
  private isGeneric(phrase: string): boolean {
    const esc = phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const re = new RegExp(`(?:\\b\\d+|\\bantar-?|\\bpara|\\bsejumlah|\\bsetiap|\\bseluruh|\\bkepala)\\s*${esc}\\b`, "i");
    // Or one item of a list of common nouns: "perguruan tinggi, Badan Usaha Milik Negara (BUMN), dan pemerintah daerah".
    const inList = new RegExp(`\\b\\p{Ll}+(?:\\s+\\p{Ll}+)?,\\s*${esc}(?:\\s*\\([^)]*\\))?,\\s*(?:dan|serta)\\s+\\p{Ll}`, "u");
    return this.s.some((x) => re.test(x.text) || inList.test(x.text));
  }

  private readOrganisations(): void {
    this.s.forEach((sen, i) => {
      const text = sen.text;
      // "Long Name (SHORT) Suffix"
      const paren = /\(([^()]{1,40})\)/g;
      for (let m = paren.exec(text); m; m = paren.exec(text)) {
        const inner = m[1]!.trim();
        if (/\d{1,2}\/\d/.test(inner) || !/\p{Lu}/u.test(inner) || inner.split(/\s+/).length > 5) continue;
        const left = text.slice(0, m.index).trimEnd();
        const leftWords = left.split(/\s+/);
        const window = leftWords.slice(-Math.max(3, inner.replace(/\s+/g, "").length * 2 + 2)).join(" ");
        const at = longFormStart(inner, window);
        if (at < 0) continue;
        let long = cut(window.slice(at));
        // The long form starts at its first capitalised word ("guna memperkuat ... Badan" is not part of it).
        const words = long.split(" ");
        const firstCap = words.findIndex((w) => /^\p{Lu}/u.test(w));
        if (firstCap < 0) {
          if (!provinceOfName(inner)) this.facts.acronyms.push({ short: inner, long, evidence: this.ev(i) });
          continue;
        }
        long = words.slice(firstCap).join(" ");
        if (provinceOfName(long) || provinceOfName(inner)) continue;
        const after = text.slice(m.index + m[0].length);
        const suffix = /^\s+((?:Provinsi\s+)?[\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,3})/u.exec(after);
        let suffixProvince: string | undefined;
        let suffixText = "";
        let city: string | undefined;
        if (suffix) {
          const places = findPlaces(suffix[1]!);
          const first = places[0];
          if (first && suffix[1]!.replace(/^Provinsi\s+/, "").startsWith(first.text)) {
            if (first.type === "province") {
              suffixProvince = first.code;
              suffixText = suffix[1]!.slice(0, suffix[1]!.indexOf(first.text) + first.text.length);
            } else if (first.type === "regency") city = first.name;
          }
        }
        const head = long.split(" ")[0]!;
        this.facts.acronyms.push({ short: inner, long, evidence: this.ev(i) });
        if (!ORG_HEADS.has(head)) continue;
        if (this.isGeneric(inner) || this.isGeneric(long)) {
          this.generic.add(norm(inner));
          continue;
        }
        const province = suffixProvince ?? this.provinceIn(long) ?? (city ? regencyOf(city)?.code : undefined);
        const shortSuffix = suffixProvince ? ` ${provinceShort(suffixProvince)}` : "";
        this.addOrg({
          name: suffixText ? `${long} ${suffixText}` : long,
          short: `${inner}${inner.includes(" ") && shortSuffix && inner.endsWith(provinceShort(suffixProvince!)) ? "" : shortSuffix}`,
          kind: this.orgKind(long),
          ...(province ? { province } : {}),
          ...(city ? { city } : {}),
          evidence: this.ev(i),
        });
      }
      // Bare names: "PT Agro Banten Mandiri", "Bank NTB Syariah", "Pemerintah Provinsi Nusa Tenggara Barat", "Yayasan Pelita Indonesia Timur".
      const bare = /\b(PT|UD|CV|Bank|Yayasan|Koperasi|Perum|Pemerintah (?:Provinsi|Kabupaten|Kota)|Universitas)\s+((?:[\p{Lu}][\p{L}'&-]*)(?:\s+(?:[\p{Lu}][\p{L}'&-]*|&))*)/gu;
      for (let m = bare.exec(text); m; m = bare.exec(text)) {
        if (/\($/.test(text.slice(0, m.index).trimEnd()) || text[m.index - 1] === "(") continue;
        let name = `${m[1]} ${m[2]}`.trim();
        // Stop before a province that is not part of the name ("PT X Jawa Timur" is kept, "Bank Indonesia (BI)" handled above).
        if (this.orgByText(name)) continue;
        if (/^Pemerintah/.test(name) && !this.provinceIn(name) && !regencyOf(m[2]!.split(" ").slice(0, 2).join(" "))) continue;
        if (m[1] === "Bank" && /^Indonesia$/.test(m[2]!)) name = "Bank Indonesia";
        const province = this.provinceIn(name);
        this.addOrg({ name, kind: this.orgKind(name), ...(province ? { province } : {}), evidence: this.ev(i) });
      }
    });
    // Short names reused with another province: "Kadin Sulsel" beside "Kadin Jatim", "OJK NTB" beside "OJK Jatim".
    const stems = new Map<string, OrgFact>();
    for (const o of this.facts.orgs) {
      if (!o.short) continue;
      const stem = o.short.replace(/\s+(Provinsi\s+)?\S+$/, "");
      const last = o.short.split(" ").at(-1)!;
      if (provinceOfName(last) && stem) stems.set(stem, o);
      else stems.set(o.short, o);
    }
    this.s.forEach((sen, i) => {
      for (const [stem, base] of stems) {
        const re = new RegExp(`\\b${stem.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\s+(?:Provinsi\\s+)?([\\p{Lu}][\\p{L}]+(?:\\s+[\\p{Lu}][\\p{L}]+){0,2})`, "gu");
        for (let m = re.exec(sen.text); m; m = re.exec(sen.text)) {
          const place = findPlaces(m[1]!)[0];
          if (!place || place.type !== "province" || !m[1]!.startsWith(place.text)) continue;
          const name = `${stem} ${place.text}`;
          if (this.orgByText(name) || norm(base.short ?? "") === norm(name)) continue;
          this.addOrg({ name, kind: base.kind, province: place.code!, evidence: this.ev(i) });
        }
      }
    });
    // Organisations listed by their acronym only among others ("KADIN, HIPMI, IWAPI, FORKAS, dan REI").
    this.s.forEach((sen, i) => {
      const list = /((?:\b[\p{Lu}]{3,}\b(?:\s*\([^)]*\))?,\s*)+(?:dan|serta)\s+[^,.]*)/gu.exec(sen.text);
      if (!list) return;
      const items = list[1]!.split(/,\s*|\s+(?:dan|serta)\s+/);
      const known = items.filter((x) => this.orgByText(x.replace(/\s*\(.*$/, "")) || this.facts.orgs.some((o) => x.includes(`(${o.short})`)));
      if (known.length < 2) return;
      for (const x of items) {
        const w = x.trim();
        if (/^[\p{Lu}]{3,}$/u.test(w) && !this.orgByText(w) && !this.facts.acronyms.some((a) => a.short === w) && !provinceOfName(w)) {
          this.addOrg({ name: w, kind: "lainnya", evidence: this.ev(i) });
        }
      }
    });
  }

  // ---------------------------------------------------------------- people

  private personByName(name: string): PersonFact | undefined {
    const parts = norm(name).split(" ").filter((p) => p.length >= 3);
    const full = norm(name);
    let found = this.facts.people.find((p) => norm(p.name) === full);
    if (found) return found;
    found = this.facts.people.find((p) => {
      const theirs = norm(p.name).split(" ");
      const shared = parts.filter((x) => theirs.includes(x) || theirs.some((t) => t.length >= 5 && x.length >= 4 && t.startsWith(x)));
      return shared.length >= Math.min(2, parts.length) && shared.length > 0;
    });
    return found;
  }

  private knownPerson(name: string): KnownPerson | undefined {
    const full = norm(name);
    const parts = full.split(" ").filter((p) => p.length >= 3);
    return (this.opts.people ?? []).find((k) => {
      if (norm(k.name) === full || (k.nickname && norm(k.nickname) === full)) return true;
      const theirs = norm(k.name).split(" ");
      const shared = parts.filter((x) => theirs.includes(x));
      return shared.length >= Math.min(2, parts.length) && shared.length > 0 && parts.length > 0;
    });
  }

  private mention(i: number, start: number, end: number, key: string): void {
    const list = this.mentions.get(i) ?? [];
    list.push({ start, end, key });
    this.mentions.set(i, list);
  }

  /** Splits the words after a title into the place or organisation of the office and the person's name. */
  private splitRoleRun(run: Tok[], sentenceIndex: number): { placeEnd: number; name: Tok[]; after: Tok[] } | undefined {
    const places = this.places[sentenceIndex]!;
    const isTerminator = (t: Tok) =>
      isAllCaps(t.w) || /^\(.*\)$/.test(t.w) || places.some((p) => p.end === t.end) || !!this.orgByText(t.w) || (!!this.facts.orgs.find((o) => o.short && norm(o.short).endsWith(norm(t.w))) && isAllCaps(t.w));
    const plausible = (name: Tok[]) =>
      name.length >= 1 && name.length <= 5 && name.every((t) => (CAP.test(t.w) && !NOT_NAME.has(t.w) && !isAllCaps(t.w.replace(/\.$/, "")) && !ORG_HEADS.has(t.w)) || /^[\p{Lu}]\.?$/u.test(t.w) || /^I{1,3}$/.test(t.w)) &&
      !places.some((p) => p.start <= name[0]!.start && p.end >= name.at(-1)!.end);
    const nameFrom = (i: number): Tok[] => {
      const out: Tok[] = [];
      for (let j = i; j < run.length; j++) {
        const w = run[j]!.w;
        if (w === "," || CONNECTORS.has(w)) break;
        out.push(run[j]!);
      }
      return out;
    };
    // "…, Name": a name set off by a comma comes last.
    const lastComma = run.map((t) => t.w).lastIndexOf(",");
    if (lastComma > 0) {
      const name = nameFrom(lastComma + 1);
      if (plausible(name)) return { placeEnd: lastComma, name, after: run.slice(lastComma + 1 + name.length) };
    }
    for (let k = run.length - 1; k >= 0; k--) {
      if (!isTerminator(run[k]!)) continue;
      const start = run[k + 1]?.w === "," ? k + 2 : k + 1;
      const name = nameFrom(start);
      if (plausible(name)) return { placeEnd: k + 1, name, after: run.slice(start + name.length) };
    }
    const name = nameFrom(0);
    if (plausible(name)) return { placeEnd: 0, name, after: run.slice(name.length) };
    return undefined;
  }

  private readPeople(): void {
    const titles = ROLE_TITLES.map(([t, role]) => ({ t, role, re: new RegExp(`^${t.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/ /g, "\\s+")}\\b`) }));
    this.s.forEach((sen, i) => {
      const text = sen.text;
      const found: Array<{ p: PersonFact; start: number; end: number; nameStart: number }> = [];
      const re = /\b[\p{Lu}][\p{L}.]*/gu;
      for (let m = re.exec(text); m; m = re.exec(text)) {
        const rest = text.slice(m.index);
        const title = titles.find((x) => x.re.test(rest));
        if (!title) continue;
        const head = x(title.re.exec(rest)![0]);
        const runToks: Tok[] = [];
        for (const t of tokens(text, m.index + head.length)) {
          const prev = runToks.at(-1);
          const nextOk = (w: string) => isCap(w) || isAllCaps(w);
          if (isCap(t.w) || isAllCaps(t.w) || /^[IVX]+$/.test(t.w)) {
            // Another title after "," or "dan" starts another person.
            if ((prev?.w === "," || prev?.w === "dan" || prev?.w === "serta") && titles.some((x2) => x2.re.test(text.slice(t.start)))) {
              runToks.pop();
              break;
            }
            if (runToks.length && titles.some((x2) => x2.re.test(text.slice(t.start))) && !/^Kepala|^Ketua/.test(t.w) && runToks.length > 6) break;
            runToks.push(t);
            continue;
          }
          if ((t.w === "," || CONNECTORS.has(t.w)) && prev && prev.w !== "," && !CONNECTORS.has(prev.w)) {
            runToks.push(t);
            continue;
          }
          void nextOk;
          break;
        }
        while (runToks.length && (runToks.at(-1)!.w === "," || CONNECTORS.has(runToks.at(-1)!.w))) runToks.pop();
        const split = this.splitRoleRun(runToks, i);
        re.lastIndex = m.index + head.length;
        if (!split) continue;
        const nameText = ws(text.slice(split.name[0]!.start, split.name.at(-1)!.end)).replace(/[.,]$/, "");
        const placeToks = runToks.slice(0, split.placeEnd);
        const roleEnd = placeToks.length ? placeToks.filter((t) => t.w !== ",").at(-1)!.end : m.index + head.length;
        const roleText = cut(text.slice(m.index, roleEnd));
        const placeText = text.slice(m.index + head.length, roleEnd);
        let province: string | undefined;
        for (const p of findPlaces(placeText)) if (p.code && p.type !== "country") province = p.code;
        // "… Emil Dardak di Jawa Timur": the place after the name.
        if (!province && split.after.length) {
          const afterText = text.slice(split.after[0]!.start, split.after.at(-1)!.end);
          if (/^(di|dari)\b/.test(afterText)) province = findPlaces(afterText).find((p) => p.code)?.code;
        }
        const org = this.orgOfRole(placeText, i);
        province ??= org?.province;
        let role = title.role;
        if (role === "lainnya" && /^Kepala\s+Dinas\b/.test(roleText)) role = "kepala-dinas";
        const p = this.addPerson({ name: nameText, role, roleText, ...(province ? { province } : {}), ...(org ? { org: org.key } : {}), evidence: this.ev(i) });
        found.push({ p, start: m.index, end: split.name.at(-1)!.end, nameStart: split.name[0]!.start });
        this.mention(i, split.name[0]!.start, split.name.at(-1)!.end, p.key);
        re.lastIndex = split.name.at(-1)!.end;
      }
      // "Bayu Adi Setiawan dari PT Matahari Sakti": a person of a company, named without an office.
      const byOrg = /\b((?:[\p{Lu}][\p{L}'’]+\s+){1,3}[\p{Lu}][\p{L}'’]+)\s+dari\s+((?:PT|UD|CV|Bank|Yayasan|Koperasi)\s+[^,.;]+?)(?=[,.;]|\s+(?:yang|asal|di|dan)\b)/gu;
      for (let m = byOrg.exec(text); m; m = byOrg.exec(text)) {
        const name = m[1]!.replace(/^(Salah|Satunya|Salah satunya)\s+/, "");
        if (name.split(" ").some((w) => NOT_NAME.has(w) || ORG_HEADS.has(w)) || this.personByName(name)) continue;
        const org = this.orgByText(m[2]!.trim());
        const p = this.addPerson({ name, role: "lainnya", ...(org ? { org: org.key } : {}), ...(org?.province ? { province: org.province } : {}), speakerOnly: true, evidence: this.ev(i) });
        const at = text.indexOf(name, m.index);
        this.mention(i, at, at + name.length, p.key);
      }
      // Representation: "A yang mewakili B", "B … diwakili oleh A".
      found.sort((a, b) => a.start - b.start);
      for (let k = 0; k + 1 < found.length; k++) {
        const between = text.slice(found[k]!.end, found[k + 1]!.start);
        if (/\b(yang\s+(hadir\s+)?)?mewakili\b/.test(between) && between.length < 60) found[k]!.p.represents ??= found[k + 1]!.p.key;
        else if (/\bdiwakili\s+(oleh\s+)?/.test(between) && between.length < 80) found[k + 1]!.p.represents ??= found[k]!.p.key;
      }
      // Nicknames: "Abdunnur yang akrab disapa Ivan".
      const nick = /\b([\p{Lu}][\p{L}'’]+(?:\s+[\p{Lu}][\p{L}'’]+){0,3})\s+yang\s+(?:akrab\s+)?(?:di)?sapa(?:an)?\s+(?:akrab\s+)?([\p{Lu}][\p{L}]+)/u.exec(text);
      if (nick) {
        const p = this.personByName(nick[1]!);
        if (p) p.nickname = nick[2]!;
      }
    });
    // Bare names of people met before ("Khofifah menyebut", "Menurut Seno"), for pronouns and speakers.
    this.s.forEach((sen, i) => {
      for (const p of this.facts.people) {
        const names = [p.name, ...p.name.split(" ").filter((x) => x.length >= 4 && !NOT_NAME.has(x)), ...(p.nickname ? [p.nickname] : [])];
        for (const n of names) {
          const re = new RegExp(`(?<![\\p{L}])${n.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "gu");
          for (let m = re.exec(sen.text); m; m = re.exec(sen.text)) {
            const list = this.mentions.get(i) ?? [];
            if (list.some((x) => m!.index >= x.start && m!.index < x.end)) continue;
            this.mention(i, m.index, m.index + n.length, p.key);
          }
        }
      }
      this.mentions.get(i)?.sort((a, b) => a.start - b.start);
    });
    // Provinces of people named without one: known people, then the release's own side for its officials.
    for (const p of this.facts.people) {
      if (p.province || p.org) continue;
      const known = this.knownPerson(p.name);
      if (known?.province) p.province = known.province;
    }
  }

  private orgOfRole(placeText: string, i: number): OrgFact | undefined {
    const toks = tokens(placeText).filter((t) => t.w !== ",");
    // From the last organisation word to the end: "Komisi B DPRD Jatim" → "DPRD Jatim".
    let start = -1;
    toks.forEach((t, k) => {
      if (ORG_HEADS.has(t.w) || (isAllCaps(t.w) && !provinceOfName(t.w))) start = k;
    });
    // The organisation named with its full name before its acronym ("Dinas … (Disperindag) Jatim").
    for (const o of this.facts.orgs) {
      if (placeText.includes(o.name) || (o.short && new RegExp(`\\b${o.short.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}\\b`).test(placeText))) {
        if (o.short && placeText.includes(`(${o.short.split(" ")[0]})`)) return o;
        if (placeText.trim().endsWith(o.short ?? o.name) || placeText.trim().endsWith(o.name)) return o;
      }
    }
    if (start < 0) return undefined;
    // "Sekretaris Daerah Provinsi (Sekdaprov) Jatim" is an office, not an organisation.
    if (/^\(.*\)$/.test(toks[start]!.w)) {
      const inner = toks[start]!.w.slice(1, -1);
      const o = this.orgByText(inner) ?? this.facts.orgs.find((x) => x.short?.startsWith(inner));
      if (o) return o;
      if (!ORG_HEADS.has(toks[0]!.w)) return undefined;
    }
    let from = start;
    while (from > 0 && ORG_HEADS.has(toks[from - 1]!.w) === false && /^(Perwakilan|Kantor)$/.test(toks[from - 1]!.w)) from--;
    const text = ws(placeText.slice(toks[from]!.start, toks.at(-1)!.end)).replace(/^Perwakilan\s+/, "");
    const name = text.replace(/\s*\(([^)]*)\)\s*/g, " ").replace(/\s+/g, " ").trim();
    const found = this.orgByText(name) ?? this.facts.orgs.find((o) => norm(name).startsWith(norm(o.name)));
    if (found) return found;
    if (this.generic.has(norm(toks[start]!.w))) return undefined;
    const province = this.provinceIn(name);
    return this.addOrg({ name, kind: this.orgKind(name), ...(province ? { province } : {}), evidence: this.ev(i) });
  }

  private addPerson(p: Omit<PersonFact, "key">): PersonFact {
    const existing = this.personByName(p.name);
    if (existing) {
      // The fuller name wins ("Emil Elestianto Dardak" over "Emil Dardak"); the first office stands.
      if (p.name.length > existing.name.length && !p.speakerOnly) existing.name = p.name;
      if (existing.role === "lainnya" && p.role !== "lainnya" && existing.speakerOnly) existing.role = p.role;
      if (!existing.roleText || (p.roleText && existing.roleText.split(" ").length < 2 && p.roleText.split(" ").length > 1 && existing.role === p.role)) existing.roleText = p.roleText;
      existing.province ??= p.province;
      existing.org ??= p.org;
      if (!p.speakerOnly) existing.speakerOnly = false;
      return existing;
    }
    const fact: PersonFact = { key: `person${this.facts.people.length}`, ...p };
    this.facts.people.push(fact);
    return fact;
  }

  // ---------------------------------------------------------------- events

  private eventKind(text: string): EventFact["kind"] {
    if (/\bmisi dagang\b/i.test(text)) return "misi-dagang";
    if (/\b(forum bisnis|forum investasi|temu bisnis|business forum|business matching)\b/i.test(text)) return "forum-investasi";
    if (/\b(pameran|expo|ekspo|bazar)\b/i.test(text)) return "pameran";
    if (/\b(kunjungan kerja|kunker)\b/i.test(text)) return "kunjungan-kerja";
    if (/\b(penandatanganan|menandatangani|diteken|teken|kesepakatan bersama)\b/i.test(text)) return "penandatanganan-mou";
    return "lainnya";
  }

  /** "di Hotel X, Jalan Y, Kota Z": venue, address and city after a preposition. */
  private venueAt(text: string): { venue: string; address?: string; city?: string; cityCode?: string; end: number } | undefined {
    const re = /\b(?:di|Bertempat di|bertempat di|berlangsung di|digelar di|dipusatkan di)\s+(?:kawasan\s+)?((?:[\p{Lu}\d][\p{L}\d'’&.-]*)(?:\s+(?:[\p{Lu}\d&][\p{L}\d'’&.-]*|dan|&))*)/gu;
    for (let m = re.exec(text); m; m = re.exec(text)) {
      let venue = cut(m[1]!);
      if (/^(yang|hotel yang sama)/i.test(venue)) continue;
      const places = findPlaces(venue);
      // A place alone ("di Surabaya", "di Jawa Timur") is no venue.
      if (places.length && places[0]!.start === 0 && places[0]!.end >= venue.length) continue;
      if (/^(Provinsi|Tanah|Indonesia|Kota|Kabupaten)\b/.test(venue)) continue;
      if (this.orgByText(venue) && !/^(Graha|Gedung|Hotel|Wisma|Balai|Aula)/.test(venue)) continue;
      let end = m.index + m[0].length;
      let address: string | undefined;
      let city: string | undefined;
      let cityCode: string | undefined;
      // The comma-separated chain after the venue.
      const chain = text.slice(end).split(/,\s*/);
      const parts: string[] = [];
      for (const part of chain.slice(1)) {
        const p = part.trim();
        if (!p || !/^[\p{Lu}]/u.test(p) || findDates(p).length || /^(Senin|Selasa|Rabu|Kamis|Jumat|Sabtu|Minggu)\b/.test(p)) break;
        const reg = /^(?:Kota|Kabupaten|Kab\.)\s+(.+)$/.exec(p);
        const r = regencyOf(reg ? reg[0] : p) ?? (reg ? regencyOf(reg[1]!) : undefined);
        if (r) {
          city = reg ? reg[1]!.replace(/\s+(pada|dan)\b.*$/, "") : r.name;
          cityCode = r.code;
          end += part.length + 2;
          break;
        }
        if (findPlaces(p).some((x) => x.type === "province" && x.start === 0)) break;
        parts.push(p);
        end += part.length + 2;
        if (parts.length >= 3) break;
      }
      if (parts.length) address = parts.join(", ");
      if (!city) {
        const inVenue = findPlaces(venue).filter((p) => p.type === "regency").at(-1);
        if (inVenue) {
          city = inVenue.name;
          cityCode = inVenue.code;
        }
      }
      venue = venue.replace(/\s+pada$/, "");
      return { venue, ...(address ? { address } : {}), ...(city ? { city } : {}), ...(cityCode ? { cityCode } : {}), end };
    }
    return undefined;
  }

  private readEvents(): void {
    const firstPara = this.s.filter((x) => x.para <= 1);
    // The release's own event: the first paragraphs' date and venue.
    let date: string | undefined;
    let dateIndex = -1;
    for (const sen of firstPara) {
      const d = findDates(sen.text)[0];
      if (d && !/\bditerima\b/.test(sen.text.slice(0, d.start))) {
        date = d.iso;
        dateIndex = sen.index;
        break;
      }
    }
    let venue: ReturnType<Reader["venueAt"]>;
    let venueIndex = -1;
    for (const sen of firstPara) {
      venue = this.venueAt(sen.text);
      if (venue) {
        venueIndex = sen.index;
        break;
      }
    }
    if (date && venue) {
      const i = venueIndex >= 0 ? venueIndex : dateIndex;
      const cityCode = venue.cityCode ?? this.sides[1] ?? this.home;
      const provinces = [...this.sides];
      if (cityCode && !provinces.includes(cityCode)) provinces.push(cityCode);
      const kindText = [this.layout.title, ...firstPara.map((x) => x.text)].join(" ");
      const kind = this.eventKind(firstPara.map((x) => x.text).join(" ") || kindText);
      const { time, endTime, zone } = this.eventTimes(date);
      const label = /\bMisi Dagang dan Investasi\b/.test(kindText) ? "Misi Dagang dan Investasi" : this.kindTitle(kind);
      const title = `${label} ${provinces.map(provinceShort).join("–")} ${date.slice(0, 4)}`;
      const purpose = /\bDalam rangka ([^,]+)/.exec(firstPara[0]?.text ?? "")?.[1];
      this.facts.events.push({
        key: "event0", kind, title, date, ...(time ? { time } : {}), ...(endTime ? { endTime } : {}), ...(zone ? { zone } : {}),
        venue: venue.venue, ...(venue.address ? { address: venue.address } : {}), city: venue.city ?? provinceShort(cityCode), province: cityCode,
        provinces, organisers: [], participants: [], ...(purpose ? { purpose } : {}), main: true, evidence: this.ev(i),
      });
    } else {
      this.facts.warnings.push("ingest-warn-no-event");
    }
    // Other dated happenings with a venue: the evening before, an earlier mission, an earlier signing.
    const main = this.facts.events[0];
    this.s.forEach((sen, i) => {
      if (i === venueIndex || i === dateIndex || (main && sen.para <= 0)) return;
      const d = findDates(sen.text).find((x) => x.weekday);
      if (!d || /\bditerima\b/.test(sen.text.slice(0, d.start))) return;
      if (main && d.iso === main.date) return;
      let v = this.venueAt(sen.text);
      if (!v && main && /\b(hotel|tempat|lokasi) yang sama\b/i.test(sen.text)) v = { venue: main.venue, city: main.city, cityCode: main.province, end: 0 };
      if (!v) return;
      const kind = this.eventKind(sen.text.replace(/Forum Silaturahmi/g, ""));
      const sameKindEarlier = main && kind === main.kind;
      const times = findTimes(sen.text);
      const close = times.find((t) => /\b(ditutup|berakhir|selesai)\s+(pukul\s+)?$/i.test(sen.text.slice(Math.max(0, t.start - 20), t.start)));
      const open = times.find((t) => t !== close && t.from);
      const cityCode = v.cityCode ?? main?.province ?? this.home;
      const provinces = main ? [...main.provinces] : [...this.sides];
      if (cityCode && !provinces.includes(cityCode)) provinces.push(cityCode);
      this.facts.events.push({
        key: `event${this.facts.events.length}`, kind: sameKindEarlier ? kind : kind === "misi-dagang" ? kind : kind, title: `${this.kindTitle(kind)} ${provinces.map(provinceShort).join("–")} ${d.iso.slice(0, 4)}`,
        date: d.iso, ...(open && !close ? { time: open.from } : {}), ...(close ? { endTime: close.from } : {}), ...((close ?? open)?.zone ? { zone: (close ?? open)!.zone } : {}),
        venue: v.venue, ...(v.address ? { address: v.address } : {}), city: v.city ?? provinceShort(cityCode), province: cityCode, provinces, organisers: [], participants: [], main: false, evidence: this.ev(i),
      });
    });
    // Participants: people of the event's sentences (main event: the first paragraphs).
    if (main) {
      for (const p of this.facts.people) if (!p.speakerOnly && p.evidence.index <= (firstPara.at(-1)?.index ?? 0) + 1) main.participants.push(p.key);
      for (const o of this.facts.orgs) if (o.kind === "pemerintah-daerah" && o.evidence.index <= (firstPara.at(-1)?.index ?? 0)) main.organisers.push(o.key);
    }
  }

  private kindTitle(kind: EventFact["kind"]): string {
    return { "misi-dagang": "Misi Dagang", "penandatanganan-mou": "Penandatanganan Kerja Sama", pameran: "Pameran", "forum-investasi": "Forum Bisnis", "kunjungan-kerja": "Kunjungan Kerja", lainnya: "Pertemuan" }[kind];
  }

  /** The opening and closing time of the release's event, read from every sentence. */
  private eventTimes(date: string): { time?: string; endTime?: string; zone?: Zone } {
    let time: string | undefined;
    let endTime: string | undefined;
    let zone: Zone | undefined;
    for (const sen of this.s) {
      // Sentences about another day (an earlier mission) do not give this event's hours.
      const dates = findDates(sen.text);
      if (dates.some((d) => d.iso !== date)) continue;
      for (const t of findTimes(sen.text)) {
        const before = sen.text.slice(Math.max(0, t.start - 40), t.start);
        if (t.to) {
          time ??= t.from;
          endTime ??= t.to;
          zone ??= t.zone;
        } else if (/\b(dibuka|dimulai|mulai|sejak)\s*$/i.test(before)) {
          time ??= t.from;
          zone ??= t.zone;
        } else if (/\b(ditutup|tutup|berakhir|selesai|final per|final pada)\s*$/i.test(before)) {
          endTime ??= t.from;
          zone ??= t.zone;
        }
      }
    }
    return { ...(time ? { time } : {}), ...(endTime ? { endTime } : {}), ...(zone ? { zone } : {}) };
  }

  // ---------------------------------------------------------------- source

  private readSource(): void {
    const foot = this.layout.foot;
    const src: Facts["source"] = { title: this.layout.title.replace(/\.$/, "") };
    const officeLines: string[] = [];
    for (const line of foot) {
      const label = /^(penulis|reporter|pewarta|editor|redaktur|kontributor)\s*:\s*(.+)$/i.exec(line);
      if (label) {
        if (!/^editor|^redaktur/i.test(label[1]!) && !src.author) src.author = label[2]!.trim().replace(/\.$/, "");
        continue;
      }
      const head = line.split(/\s+/)[0]!;
      if (ORG_HEADS.has(head) || /^(Media|Humas|Bagian|Subbagian|Diskominfo|Sekretariat|MC)\b/.test(line)) officeLines.push(line);
      else if (/^Tim\b/.test(line) && !src.author) src.author = line.replace(/\.$/, "");
      else if (/^[\p{Lu}][\p{L}'’.]+(\s+[\p{Lu}][\p{L}'’.]+){0,4}\.?$/u.test(line) && !src.author) src.author = line.replace(/\.$/, "");
    }
    if (officeLines.length) src.publisher = officeLines.join(" ");
    // "… diterima di Surabaya, Jumat (9/5/2025)": the release's own date.
    for (const sen of this.s) {
      const m = /\bditerima\b[^.]*?/.exec(sen.text);
      if (!m) continue;
      const d = findDates(sen.text.slice(m.index))[0];
      if (d) {
        src.date = d.iso;
        break;
      }
    }
    src.date ??= this.facts.events[0]?.date;
    this.facts.source = src;
  }

  // ---------------------------------------------------------------- figures

  private clauseBounds(text: string, at: number, money: MoneyMention[]): [number, number] {
    const prevMoney = money.filter((m) => m.end <= at).at(-1);
    let start = prevMoney ? prevMoney.end : 0;
    const head = text.slice(start, at);
    const sep = /(,\s*(sedangkan|sementara|serta|dan|dengan)\b|;|\bsedangkan\b|\bsementara\b)(?![\s\S]*(,\s*(sedangkan|sementara|serta|dan|dengan)\b|;|\bsedangkan\b|\bsementara\b))/.exec(head);
    if (sep && !prevMoney) start += sep.index;
    const nextMoney = money.find((m) => m.start > at);
    let end = nextMoney ? nextMoney.start : text.length;
    const tail = text.slice(at, end);
    const sep2 = /(,\s*(sedangkan|sementara|serta|dengan rincian|yang merupakan)\b|;|\bsedangkan\b)/.exec(tail);
    if (sep2) end = at + sep2.index;
    return [start, end];
  }

  private measureOf(left: string, right: string, sentence: string): { measure?: Measure; target: boolean; cumulative: boolean } {
    const cues: Array<[RegExp, Measure | "target" | "kumulatif"]> = [
      [TARGET_CUE, "target"],
      [/\bkumulatif\b/i, "kumulatif"],
      [/\b(surplus|defisit|neraca)\b/i, "surplus"],
      [/\bpotensi\b/i, "potensi"],
      [/\binvestasi\b/i, "investasi"],
      [/\b(menjual|penjualan|muat|dijual|terjual|memasok|dikirim)\b/i, "penjualan"],
      [/\b(membeli|pembelian|bongkar|belanja|memborong)\b/i, "pembelian"],
      [/\b(nilai perdagangan|perdagangan kedua|perdagangan (antar|jatim|dengan)|total nilai perdagangan)\b/i, "perdagangan"],
      [/\b(kerja ?sama)\b/i, "kerja-sama"],
      [/\b(transaksi|mencatat|membukukan|menghasilkan|kontrak|komitmen)\b/i, "transaksi"],
    ];
    // The nearest cue before the amount; else the nearest after it; else the sentence's.
    const nearest = (text: string, fromEnd: boolean): Measure | "target" | "kumulatif" | undefined => {
      let best: { at: number; v: Measure | "target" | "kumulatif" } | undefined;
      for (const [re, v] of cues) {
        const g = new RegExp(re.source, "gi");
        for (let m = g.exec(text); m; m = g.exec(text)) {
          const at = fromEnd ? text.length - m.index : m.index;
          if (!best || at < best.at) best = { at, v };
        }
      }
      return best?.v;
    };
    let v = nearest(left, true);
    // "kerja sama" qualifies a "transaksi" before it ("transaksi kerja sama"), and "nilai kumulatif kerja sama" is cumulative.
    const cumulative = /\bkumulatif\b/i.test(left) || /\bkumulatif\b/i.test(right.slice(0, 30));
    if (v === "kumulatif") v = /\btransaksi\b/i.test(left) ? "transaksi" : "kerja-sama";
    if (!v || v === "transaksi") {
      const r = nearest(right, false);
      if (!v && r && r !== "kumulatif") v = r;
      else if (v === "transaksi" && (r === "penjualan" || r === "pembelian") && /^\s*(per|setiap)\s+tahun|dengan|untuk memasok/.test(right)) v = r;
    }
    if (v === "transaksi" && /\bkerja ?sama\b/i.test(left) && !/\bmisi\b/i.test(left)) v = "kerja-sama";
    if (!v) v = nearest(sentence, true) === "target" ? "target" : undefined;
    if (v === "target") return { target: true, cumulative };
    return { measure: (v ?? "transaksi") as Measure, target: false, cumulative };
  }

  /** Provinces a clause names, with "dari X" and "ke Y" read as seller and buyer. */
  private tradeSides(clause: string, measure: Measure, pair: string[]): { seller?: string; buyer?: string } {
    const places = findPlaces(clause).filter((p) => p.type === "province" && p.code);
    const from = /\bdari\s+(?:Provinsi\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,2})/u.exec(clause);
    const to = /\bke\s+(?:Provinsi\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,2})/u.exec(clause);
    const fromCode = from ? findPlaces(from[1]!)[0]?.code : undefined;
    const toCode = to ? findPlaces(to[1]!)[0]?.code : undefined;
    // The subject: the first province not after "dari"/"ke"/"atas produk".
    const subject = places.find((p) => !/\b(dari|ke|atas produk|produk)\s+(Provinsi\s+)?$/.test(clause.slice(0, p.start)))?.code;
    if (measure === "penjualan") {
      const seller = fromCode ?? (subject !== toCode ? subject : undefined) ?? this.home;
      return { seller, buyer: toCode ?? this.other(seller, pair) };
    }
    if (measure === "pembelian") {
      const buyer = (subject && subject !== fromCode ? subject : undefined) ?? toCode ?? this.home;
      return { buyer, seller: fromCode ?? this.other(buyer, pair) };
    }
    return {};
  }

  private readFigures(): void {
    const main = this.facts.events.find((e) => e.main);
    const eventYear = main ? Number(main.date.slice(0, 4)) : undefined;
    let carryYear: number | undefined;
    let carryPair: string[] | undefined;
    /** The period of the paragraph's last figure: "Rinciannya, nilai muat …" continues the figure before. */
    let carryPeriod: FigurePeriod | undefined;
    let lastPara = -1;
    this.s.forEach((sen, i) => {
      const text = sen.text;
      if (sen.para !== lastPara) {
        carryPair = undefined;
        carryPeriod = undefined;
        lastPara = sen.para;
      }
      const money = findMoney(text);
      const years = findYears(text);
      const dates = findDates(text);
      const provs = findPlaces(text).filter((p) => p.type === "province" && p.code);
      const countries = findPlaces(text).filter((p) => p.type === "country");
      const codes = [...new Set(provs.map((p) => p.code!))];
      // "Kala itu", "pada tahun yang sama": the year of the sentence before.
      const refersBack = /^(Kala itu|Saat itu|Ketika itu|Waktu itu)\b|\bpada tahun yang sama\b/i.test(text);
      const sentenceYear = years[0]?.year ?? (dates[0] ? Number(dates[0].iso.slice(0, 4)) : undefined) ?? (refersBack ? carryYear : undefined);
      if (!money.length) {
        if (years[0] || dates[0]) carryYear = sentenceYear;
        if (codes.length >= 2) carryPair = codes;
        return;
      }
      for (const m of money) {
        const [cs, ce] = this.clauseBounds(text, m.start, money);
        const left = text.slice(cs, m.start);
        const right = text.slice(m.end, ce);
        const clause = text.slice(cs, ce);
        const { measure: measured, target, cumulative } = this.measureOf(left, right, text);
        // A sentence's provinces, or the pair of the sentence before, or the event's.
        let pair: string[];
        const clauseCodes = [...new Set(findPlaces(clause).filter((p) => p.type === "province" && p.code).map((p) => p.code!))];
        const sentenceCodes = clauseCodes.length >= 2 ? clauseCodes : codes;
        if (sentenceCodes.length >= 2) pair = sentenceCodes.includes(this.home) ? [this.home, ...sentenceCodes.filter((c) => c !== this.home)] : sentenceCodes;
        else if (sentenceCodes.length === 1 && sentenceCodes[0] !== this.home && this.home) pair = [this.home, sentenceCodes[0]!];
        else pair = carryPair ?? (main ? main.provinces.slice(0, Math.max(2, main.provinces.length)) : this.sides);
        if (pair.length > 2 && main && pair.length === main.provinces.length) pair = pair.slice(0, 2);
        if (target) {
          const ind = /\b(komitmen transaksi|transaksi|investasi|penjualan|nilai kerja sama)\b/i.exec(left + right)?.[1]?.toLowerCase() ?? "transaksi";
          const horizon = /\b(?:untuk|dalam)\s+((?:satu|dua|tiga|empat|lima|\d+)\s+(?:hari|bulan|tahun)(?:\s+(?:kegiatan|mendatang|ke depan))?)/i.exec(text)?.[1] ?? /\b(tahun ini|tahun depan)\b/i.exec(text)?.[1];
          this.facts.targets.push({
            province: this.home, indicator: /misi/i.test(ind) ? ind : `${ind} misi dagang`.replace("transaksi transaksi", "transaksi"), comparator: m.qualifier, value: m.amount, unit: "rupiah",
            ...(horizon ? { horizon } : {}), ...(main ? { event: main.key } : {}), evidence: this.ev(i),
          });
          continue;
        }
        let measure = measured!;
        // Period: a cumulative value, a span, a semester, a year, a yearly rate, or the event itself.
        let period: FigurePeriod;
        const since = /\bsejak\s+(?:(Januari|Februari|Maret|April|Mei|Juni|Juli|Agustus|September|Oktober|November|Desember)\s+)?((?:19|20)\d\d)(?:\s+(?:hingga|sampai)\s+((?:19|20)\d\d))?/i.exec(text);
        const clauseYears = findYears(clause);
        const semester = /\bsemester\s+(I{1,2}|1|2|pertama|kedua)\s+((?:19|20)\d\d)/i.exec(text);
        const asOfDate = /\bper\s+(\d{1,2}\s+\w+\s+\d{4})/.exec(text) ? findDates(text.slice(/\bper\s+\d/.exec(text)!.index))[0]?.iso : undefined;
        const isEarlierMission = /\b(misi dagang|pertama|perdana|sebelumnya)\b/i.test(clause + text) && ((clauseYears[0] && eventYear && clauseYears[0].year < eventYear) || (refersBack && carryYear && eventYear && carryYear < eventYear) || (dates[0] && main && dates[0].iso < main.date && dates[0].weekday));
        if (cumulative || (since && !since[3] && /\b(hingga hari ini|hingga kini|sampai saat ini|total|secara keseluruhan|mencapai)\b/i.test(text) && !semester)) {
          period = { kind: "cumulative", asOf: asOfDate ?? main?.date ?? this.facts.source.date ?? "" };
          if (!cumulative && measure === "transaksi" && !/\bmisi dagang\b/i.test(left) && since?.[1]) measure = "kerja-sama";
        } else if (since && since[3]) period = { kind: "range", from: +since[2]!, to: +since[3]! };
        else if (semester) period = { kind: "semester", year: +semester[2]!, half: /^(II|2|kedua)$/i.test(semester[1]!) ? 2 : 1 };
        else if (m.perYear) period = { kind: "annual", from: main?.date ?? this.facts.source.date ?? "" };
        else if (clauseYears.length || (years.length && !/\b(hari ini|kali ini|hari itu)\b/i.test(clause))) period = { kind: "year", year: (clauseYears.at(-1) ?? years.filter((y) => y.start < m.start).at(-1) ?? years[0]!).year };
        else if (refersBack && carryYear) period = { kind: "year", year: carryYear };
        else if (carryPeriod && !dates.length && !/\b(hari ini|kali ini|final|pukul)\b/i.test(text) && !INTERIM.test(text)) period = carryPeriod;
        else if (dates[0] && main && dates[0].iso !== main.date) period = { kind: "year", year: Number(dates[0].iso.slice(0, 4)) };
        // Statistics quoted without a period stay without one; any other figure of a release about an event is the event's.
        else if (main && !/\b(data|BPS|Badan Pusat Statistik|statistik|neraca|antarwilayah|antar wilayah)\b/i.test(text)) period = { kind: "event", date: main.date };
        else period = { kind: "unstated" };
        if (period.kind === "year" && eventYear && period.year === eventYear && main && /\b(misi|transaksi|meja)\b/i.test(text) && !/\bsepanjang\b/i.test(text)) period = { kind: "event", date: main.date };
        // Status: an earlier mission, an interim count, or the final figure.
        let status: FigureStatus = "final";
        let cue: FigureFact["cue"];
        if (period.kind === "year" && eventYear && period.year < eventYear && (isEarlierMission || measure === "transaksi")) status = "sebelumnya";
        else if (period.kind === "event") {
          if (/\b(final|akhir|ditutup|rekapitulasi)\b/i.test(text) && !/\bbaru\s+(kami|kita)?\s*tutup\b/i.test(text)) cue = "final";
          else if (INTERIM.test(text) || /\b(siang|pagi|sore ini|hingga pukul|sampai pukul|baru pukul|sekitar pukul|terakhir yang masuk|masih)\b/i.test(text)) cue = "sementara";
          if (cue === "sementara") status = "sementara";
        }
        // One side only: a province's total over many partners, or a partner that is a country.
        let provinces = pair;
        if (/\b(seluruh provinsi|luar negeri|mancanegara|\d+ misi dagang|dari \d+ misi)\b/i.test(text) || (countries.length && /\b(LoI|Letter of Intent|pelaku usaha \w+ dan pelaku usaha)\b/i.test(text) && measure === "potensi")) {
          provinces = [this.home];
        }
        if (measure === "potensi" && countries.length) provinces = [this.home];
        const sides = measure === "penjualan" || measure === "pembelian" ? this.tradeSides(clause, measure, provinces) : {};
        if (measure === "potensi" && /\bdari\s+Jatim\b|\bdari\s+(?:Provinsi\s+)?[\p{Lu}]/u.test(right)) {
          const from = findPlaces(right).find((p) => p.type === "province")?.code;
          if (from) Object.assign(sides, { seller: from });
        }
        if (provinces.length === 2 && sides.seller && !provinces.includes(sides.seller)) provinces = [sides.seller, ...provinces.filter((c) => c !== sides.seller)].slice(0, 2);
        const dataFrom = /\b(?:data|Berdasarkan data|Mengacu pada data)\s+(?:yang dirilis oleh\s+)?((?:Badan|Dinas|BPS|Disperindag)[^,.;]*?)(?=\s+(?:per|dalam|pada)\b|[,.;])/.exec(text)?.[1];
        carryPeriod = period;
        this.facts.figures.push({
          amount: m.amount, measure, qualifier: m.qualifier, period, provinces, ...sides, status, ...(cue ? { cue } : {}), ...(main && period.kind === "event" ? { event: main.key } : {}),
          ...(dataFrom ? { dataFrom: ws(dataFrom) } : {}), evidence: this.ev(i),
        });
      }
      if (years[0] || dates[0]) carryYear = sentenceYear;
      if (codes.length >= 2) carryPair = codes;
    });
    // An amount repeated in a later sentence ("capaian itu", "angka tersebut") is one figure.
    const seen = new Map<string, FigureFact>();
    this.facts.figures = this.facts.figures.filter((f) => {
      const key = `${f.amount}|${f.measure}|${f.provinces.join(",")}`;
      const prev = seen.get(key);
      if (prev) {
        if (f.cue === "final" && prev.cue !== "final") prev.cue = "final";
        return false;
      }
      seen.set(key, f);
      return true;
    });
    // Interim figures: smaller amounts of the event's measure beside one stated as final.
    const eventFigures = this.facts.figures.filter((f) => f.period.kind === "event");
    for (const f of eventFigures) {
      if (f.cue === "final") continue;
      const finals = eventFigures.filter((g) => g !== f && g.measure === f.measure && g.cue === "final" && g.provinces.join() === f.provinces.join());
      if (finals.length && finals.every((g) => g.amount > f.amount)) f.status = "sementara";
    }
  }

  /** Targets that are not money: "Target pertumbuhan ekonomi Kaltim … lebih dari 8 persen dalam tiga tahun mendatang". */
  private readRateTargets(): void {
    const main = this.facts.events.find((e) => e.main);
    this.s.forEach((sen, i) => {
      const text = sen.text;
      const cue = TARGET_CUE.exec(text);
      if (!cue) return;
      const num = /(lebih dari|kurang dari|sekitar|hingga|di atas)?\s*(\d+(?:,\d+)?)\s*(persen|%)/i.exec(text.slice(cue.index));
      if (!num) return;
      const after = text.slice(cue.index + cue[0].length);
      const indicator = /^\s+((?:\p{Ll}+\s+){0,3}\p{Ll}+)/u.exec(after)?.[1]?.replace(/\s+(yang|sebesar|mencapai|di|pada)$/, "");
      if (!indicator) return;
      const province = findPlaces(after).find((p) => p.type === "province")?.code ?? this.home;
      const comparator: Qualifier = /lebih dari|di atas/i.test(num[1] ?? "") ? "more_than" : /kurang dari/i.test(num[1] ?? "") ? "less_than" : /sekitar/i.test(num[1] ?? "") ? "about" : /hingga/i.test(num[1] ?? "") ? "up_to" : "exact";
      const horizon = /\b((?:dalam|pada|hingga)\s+(?:\S+\s+){0,3}?(?:tahun|bulan)\s+(?:mendatang|ke depan|depan|\d{4})|(?:pada|hingga)\s+(?:tahun\s+)?\d{4}|tahun ini|tahun depan)/i.exec(text.slice(cue.index))?.[1];
      this.facts.targets.push({
        province, indicator, comparator, value: Number(num[2]!.replace(",", ".")), unit: "persen", ...(horizon ? { horizon } : {}), ...(main && !horizon ? { event: main.key } : {}), evidence: this.ev(i),
      });
    });
  }

  // ---------------------------------------------------------------- agreements

  private readAgreements(): void {
    const main = this.facts.events.find((e) => e.main);
    const kinds: Array<[RegExp, AgreementFact["kind"]]> = [
      [/\b(Nota Kesepahaman|nota kesepahaman|MoU|Memorandum of Understanding|Kesepakatan Bersama|kesepakatan bersama)\b/, "nota-kesepahaman"],
      [/\b(Perjanjian Kerja Sama|perjanjian kerja sama|PKS|Perjanjian Kerja Sama Regional)\b/, "perjanjian-kerja-sama"],
      [/\b(Letter of Intent|letter of intent|LoI|LOI)\b/, "loi"],
    ];
    const signed = /\b(menandatangani|penandatanganan|ditandatangani|diteken|meneken|teken|dieksekusi|dituangkan|dipayungi|mengikat)\b/i;
    this.s.forEach((sen, i) => {
      const text = sen.text;
      if (!signed.test(text) && !/\bsebanyak\s+\d+\s+(PKS|perjanjian)/i.test(text)) return;
      for (const [re, kind] of kinds) {
        const g = new RegExp(re.source, "g");
        const m = g.exec(text);
        if (!m) continue;
        // "MoU tersebut", "Sebagai turunan MoU": the same agreement again, unless counted.
        if (/^\s*(tersebut|itu|ini)\b/.test(text.slice(m.index + m[0].length)) || /\bturunan\s+$/.test(text.slice(0, m.index))) continue;
        if (kind === "nota-kesepahaman" && /\b(PKS|Perjanjian Kerja Sama)\b/.test(text) && m.index > text.search(/\b(PKS|Perjanjian Kerja Sama)\b/) && !/\bMoU\b.*\bdengan\b/.test(text)) continue;
        const tail = text.slice(m.index + m[0].length);
        const head = text.slice(0, m.index);
        // Count: "sebanyak 14 PKS", "tiga Letter of Intent", "2 PKS".
        const countM = /(\d+|satu|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+(?:buah\s+)?(?:\(\w+\)\s+)?$/i.exec(head.replace(/\s*(?:nota kesepahaman|perjanjian kerja sama)\s*$/i, " "));
        const numberWords: Record<string, number> = { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10 };
        let count = countM ? Number(countM[1]) || numberWords[countM[1]!.toLowerCase()] : undefined;
        const byGroups = /\b(?:oleh|melibatkan|terdiri atas|masing-masing oleh)\s+(\d+)\s+/i.test(tail) ? tail : "";
        if (!count && /\bDua rencana\b|\bdua di antaranya\b/i.test(head) && kind === "loi") count = 2;
        // Parties: "antara X dan Y", "X meneken MoU dengan Y", organisations or provinces.
        const partyTexts: string[] = [];
        const parties: string[] = [];
        const between = /\bantara\s+(.+?)(?=\s+(?:tentang|untuk|guna|terkait|mengenai|yang|di|dengan nilai|disaksikan)\b|[.;]|,\s+(?:untuk|dengan|yang|disaksikan))/.exec(tail);
        let partyPart = between?.[1];
        if (!partyPart) {
          const withM = /^(.*?)\b(?:meneken|menandatangani)\s+\S+\s+dengan\s+(.+?)(?=[,.;]|\s+(?:tentang|untuk|disusul)\b)/.exec(text);
          if (withM) partyPart = `${withM[1]!.replace(/^.*?(?=\b[\p{Lu}])/u, "")} dan ${withM[2]}`;
        }
        if (partyPart) {
          for (const raw of partyPart.split(/\s*,\s*|\s+dan\s+|\s+dengan\s+/)) {
            const p = cut(raw.replace(/\s*\([^)]*\)/g, ""));
            if (!p) continue;
            const o = this.orgByText(p) ?? this.facts.orgs.find((x) => p.includes(x.name) || (x.short && new RegExp(`\\b${x.short}\\b`).test(p)));
            if (o && !parties.includes(o.key)) parties.push(o.key);
            else partyTexts.push(p);
          }
        }
        if (byGroups) {
          for (const g of byGroups.split(/,\s*(?:dan\s+|serta\s+)?|\s+dan\s+/)) {
            const gm = /(\d+)\s+([^,]+)/.exec(g);
            if (gm) partyTexts.push(cut(gm[2]!.replace(/\s*\([^)]*\)/g, "").replace(/\s+dari kedua provinsi.*$/, "")));
          }
        }
        // Multi-province signings: the provinces of the sentence or of the event.
        let provinces = [...new Set(this.places[i]!.filter((p) => p.type === "province" && p.code).map((p) => p.code!))];
        if (!parties.length && provinces.length < 2) provinces = main?.provinces ?? this.sides;
        if (parties.length >= 2) provinces = [];
        const topic = /\b(?:tentang|mengenai|terkait)\s+([^,.;]+)/.exec(tail)?.[1] ?? /\bguna\s+([^,]+),\s*(?:turut\s+)?dilakukan penandatanganan/.exec(text)?.[1] ?? /\buntuk\s+((?:investasi|budi daya|pengembangan|kerja sama)[^,.;]*)/.exec(tail)?.[1];
        const date = findDates(text).find((d) => d.weekday)?.iso ?? main?.date ?? this.facts.source.date ?? "";
        const event = this.facts.events.find((e) => e.date === date)?.key;
        const existing = this.facts.agreements.find((a) => a.kind === kind && a.date === date && sameSet(a.parties, parties) && (!count || !a.count || a.count === count) && !partyPart);
        if (existing) {
          existing.count ??= count;
          continue;
        }
        const witnesses: string[] = [];
        const wit = /\bdisaksikan\s+(.+)$/.exec(text)?.[1];
        if (wit) for (const mm of this.mentions.get(i) ?? []) if (mm.start >= text.indexOf(wit)) witnesses.push(mm.key);
        this.facts.agreements.push({
          kind, parties, partyTexts, provinces, ...(topic ? { topic: cut(topic) } : {}), ...(count ? { count } : {}), date, ...(event ? { event } : {}),
          signatories: [], witnesses: [...new Set(witnesses)], evidence: this.ev(i),
        });
      }
    });
    // Every MoU of a signing counts one unless said otherwise.
    for (const a of this.facts.agreements) if (a.count === undefined && a.kind === "nota-kesepahaman") a.count = 1;
  }

  // ---------------------------------------------------------------- commodities

  private readCommodities(): void {
    const main = this.facts.events.find((e) => e.main);
    const pair = main?.provinces ?? this.sides;
    this.s.forEach((sen, i) => {
      const text = sen.text;
      const clauses = text.split(/,\s*(?:sedangkan|sementara)\s+|;\s*|\.\s+(?=[\p{Lu}])/u);
      for (const clause of clauses) {
        // "Komoditas tersebut antara lain …": the goods the sentence before spoke of, and its verb.
        const back = /^(?:Komoditas|Produk|Barang)\s+(?:tersebut|itu)\s+/i.test(clause) && i > 0 ? this.s[i - 1]!.text : undefined;
        const verbText = back ?? clause;
        const verbFound = TRADE_VERBS.map(([re, d]) => ({ m: re.exec(verbText), d })).filter((x) => x.m).sort((a, b) => a.m!.index - b.m!.index)[0];
        const verb = back && verbFound ? { m: /^\S+\s+\S+/.exec(clause), d: verbFound.d, province: findPlaces(back.slice(0, verbFound.m!.index)).filter((p) => p.type === "province").at(-1)?.code } : verbFound ? { ...verbFound, province: undefined } : undefined;
        if (!verb || !verb.m) continue;
        const lead = /\b(antara lain|meliputi|berupa|yakni|seperti|didominasi|untuk komoditas|pada komoditas|Mulai dari)\s+/i.exec(clause.slice(verb.m!.index)) ?? /\b(Mulai dari)\s+/i.exec(clause);
        const startAt = lead ? (lead.input === clause ? lead.index + lead[0].length : verb.m!.index + lead.index + lead[0].length) : verb.m!.index + verb.m![0].length;
        let list = clause.slice(startAt);
        if (!lead && !/^\s*[\p{Ll}]/u.test(list)) continue;
        list = list.replace(/["”]?\s*,?\s*(kata|ujar|tutur)\b.*$/, "");
        list = list.split(/\s+(?:dari|ke|untuk|melalui|bagi|sehingga|yang|agar|senilai|dengan nilai|semuanya)\b|[.;"”]|,\s*(?:yang|semuanya)\b/)[0]!;
        const items = list
          .split(/\s*,\s*(?:dan\s+|serta\s+|hingga\s+|ditambah\s+|sampai\s+)?|\s+(?:serta|hingga|ditambah|sampai)\s+|,?\s+dan\s+(?=[^,]*$)/)
          .map((x) => cut(x.replace(/^(produk|komoditas|berupa)\s+/i, "")))
          .filter((x) => x && x.length <= 60 && !/\d/.test(x) && /^[\p{Ll}\p{Lu}]/u.test(x) && x.split(" ").length <= 6);
        if (!items.length || (items.length === 1 && !lead && !/\b(membeli|memesan|menjual)\b/i.test(verb.m![0]))) continue;
        if (items.some((x) => /^(produk|pelaku|pengusaha|jajaran)$/i.test(x))) continue;
        // Whose goods: the province before the verb, the agent after a passive verb, or "dari X".
        const before = clause.slice(0, verb.m!.index);
        const afterVerb = clause.slice(verb.m!.index + verb.m![0].length, startAt);
        const p1 = verb.province ?? findPlaces(before).filter((p) => p.type === "province").at(-1)?.code;
        const p2 = findPlaces(afterVerb).filter((p) => p.type === "province")[0]?.code;
        const fromP = /\bdari\s+(?:Provinsi\s+)?([\p{Lu}][\p{L}]+(?:\s+[\p{Lu}][\p{L}]+){0,2})/u.exec(clause);
        const fromCode = fromP ? findPlaces(fromP[1]!)[0]?.code : undefined;
        let direction: Direction;
        let province: string | undefined;
        switch (verb.d) {
          case "jual":
            direction = "jual";
            province = p1 ?? fromCode ?? this.home;
            break;
          case "jual-pasif":
            direction = "jual";
            province = /\bproduk\s+(\S+)\s+yang\b/i.test(before) ? p1 : (p2 ?? p1 ?? this.home);
            if (/\bdiborong|dibeli|diminati\b/.test(verb.m![0]) && p1) province = p1;
            break;
          case "beli":
            direction = "beli";
            province = p1 ?? this.home;
            if (/\bdari\s*$/.test(before)) province = p2 ?? province;
            break;
          case "beli-pasif":
            direction = "beli";
            province = p1 ?? this.home;
            break;
          case "investasi":
            direction = "investasi";
            province = p1 ?? this.home;
            break;
          default:
            direction = "unggulan";
            province = p1 ?? fromCode ?? p2 ?? this.home;
        }
        if (/^Dari\s/.test(clause.trim()) && fromCode && verb.d !== "beli") province = fromCode;
        if (!province) continue;
        const targetMarkets = pair.filter((c) => c !== province);
        const last = this.facts.commodities.at(-1);
        if (last && last.evidence.index === i && last.province === province && last.direction === direction) {
          for (const it of items) if (!last.items.includes(it)) last.items.push(it);
          continue;
        }
        const origin = /\bdi\s+(kawasan\s+[^,.]+)/.exec(text)?.[1];
        this.facts.commodities.push({ items, province, direction, targetMarkets, ...(origin ? { origin } : {}), evidence: this.ev(i) });
      }
    });
  }

  // ---------------------------------------------------------------- statements

  /** The person a pronoun or a "-nya" refers to: the last one named before `at` (in sentence `i` or the ones before). */
  private lastPerson(i: number, at: number, excludeQuotes = true): string | undefined {
    for (let k = i; k >= 0 && k >= i - 6; k--) {
      const text = this.s[k]!.text;
      const list = (this.mentions.get(k) ?? []).filter((m) => (k < i || m.start < at) && (!excludeQuotes || !insideQuote(text, m.start)));
      // Someone named as represented ("mewakili Gubernur X") is not the one speaking.
      const speaking = list.filter((m) => !/\b(mewakili|didampingi|bersama)\s+(\S+\s+){0,4}$/.test(text.slice(Math.max(0, m.start - 40), m.start)));
      const pick = speaking.at(-1) ?? list.at(-1);
      if (pick && this.s[k]!.para >= this.s[i]!.para - 1) return pick.key;
    }
    return undefined;
  }

  private speakerAt(text: string, i: number, from: number): string | undefined {
    const list = (this.mentions.get(i) ?? []).filter((m) => m.start >= from && m.start < from + 80);
    return list[0]?.key;
  }

  private readStatements(): void {
    // Quotes: whole paragraphs are read, as a quote may run over several sentences.
    const paraSentences = new Map<number, Sentence[]>();
    for (const s of this.s) paraSentences.set(s.para, [...(paraSentences.get(s.para) ?? []), s]);
    this.layout.paragraphs.forEach((p, para) => {
      const sentences = paraSentences.get(para) ?? [];
      const re = /["“]([^"“”]{8,}?)["”]/g;
      for (let m = re.exec(p); m; m = re.exec(p)) {
        const inner = m[1]!.trim().replace(/,$/, "");
        if (inner.split(/\s+/).length < 4) continue;
        const sIdx = lastWhere(sentences, (x) => x.start <= m!.index) ?? sentences[0]!;
        const endIdx = lastWhere(sentences, (x) => x.start <= m!.index + m![0].length - 1) ?? sIdx;
        const after = p.slice(m.index + m[0].length);
        const say = SAY_AFTER.exec(after);
        let speaker: string | undefined;
        const endOffset = m.index + m[0].length - endIdx.start;
        if (say) {
          if (say[2]) speaker = this.lastPerson(sIdx.index, m.index - sIdx.start);
          else speaker = this.speakerAt(endIdx.text, endIdx.index, endOffset) ?? this.lastPerson(sIdx.index, m.index - sIdx.start);
        } else {
          // "X mengatakan, “…”" or "kata X: “…”": the speaker before the quote.
          const before = p.slice(Math.max(0, m.index - 120), m.index);
          if (/(?:mengatakan|menyatakan|ujar|kata|menegaskan|berpesan|menuturkan)[,:]?\s*$/.test(before)) speaker = this.lastPerson(sIdx.index, m.index - sIdx.start);
        }
        if (!speaker) continue;
        this.facts.statements.push({ speaker, text: inner, quoted: true, evidence: this.ev(sIdx.index) });
      }
    });
    // Reported speech: "X menyampaikan bahwa …", "Menurut X, …", "Ia menambahkan, …".
    const verbs = new RegExp(`^(.*?)\\b(${SAY_VERBS})(?:\\s+bahwa|,)?\\s+(.+)$`);
    this.s.forEach((sen, i) => {
      const text = sen.text;
      if (QUOTE_OPEN.test(text.slice(0, 2))) return;
      let speaker: string | undefined;
      let said: string | undefined;
      const menurut = /^Menurut(nya|\s+([^,]+)),\s*(.+)$/.exec(text);
      if (menurut) {
        speaker = menurut[1] === "nya" ? this.lastPerson(i, 0) : this.speakerAt(text, i, 7);
        said = menurut[3];
      } else {
        const m = verbs.exec(text);
        if (!m || m[1]!.length > 160) return;
        if (/["“]/.test(m[1]!)) return;
        const subj = m[1]!.trim();
        if (/^(Ia|Dia|Beliau)\b/.test(subj) || /^(Ia|Dia)\s+juga\b/.test(subj)) speaker = this.lastPerson(i, 0);
        else {
          const list = (this.mentions.get(i) ?? []).filter((x) => x.start < m[1]!.length + 2);
          speaker = list.filter((x) => !/\b(mewakili|oleh)\s+(\S+\s+){0,6}$/.test(text.slice(0, x.start))).at(0)?.key;
          if (/^(Khusus|Kinerja|Hubungan|Pertemuan|Forum|Misi|Kegiatan)\b/.test(subj) && !speaker) return;
        }
        said = m[3];
        // "X mengatakan, forum ini …" keeps the words said; a sentence with a quote inside is read above.
        if (/["“]/.test(said!)) said = said!.split(/["“]/)[0];
      }
      if (!speaker || !said || said.split(/\s+/).length < 4) return;
      this.facts.statements.push({ speaker, text: cut(said).replace(/\.$/, ""), quoted: false, evidence: this.ev(i) });
    });
    this.facts.statements.sort((a, b) => a.evidence.index - b.evidence.index);
    for (const st of this.facts.statements) {
      const p = this.facts.people.find((x) => x.key === st.speaker);
      if (p && p.speakerOnly === undefined) p.speakerOnly = false;
    }
  }

  // ---------------------------------------------------------------- counts

  private readCounts(): void {
    const main = this.facts.events.find((e) => e.main);
    const nouns = new RegExp(`^\\s*(${COUNT_NOUNS})\\b((?:\\s+(?:asal|dari|lokal|milik))?(?:\\s+(?:Provinsi\\s+)?[\\p{Lu}][\\p{L}]+(?:\\s+[\\p{Lu}][\\p{L}]+){0,2})?)`, "u");
    this.s.forEach((sen, i) => {
      const text = sen.text;
      const money = findMoney(text);
      const dates = findDates(text);
      const times = findTimes(text);
      for (const c of findCounts(text)) {
        if (money.some((m) => c.start >= m.start && c.start < m.end) || dates.some((d) => c.start >= d.start && c.start < d.end) || times.some((t) => c.start >= t.start && c.start < t.end)) continue;
        if (/^(19|20)\d\d$/.test(c.text)) continue;
        const after = text.slice(c.end);
        const m = nouns.exec(after);
        if (!m) continue;
        const noun = m[1]!;
        if (/^(perjanjian|PKS|MoU|LoI)/i.test(noun)) continue;
        let what = noun;
        let provinces = main?.provinces.slice(0, 2) ?? this.sides;
        const tail = (m[2] ?? "").trim();
        const place = tail ? findPlaces(tail).find((p) => p.type === "province") : undefined;
        if (place) {
          what = `${noun} ${place.text}`;
          provinces = [place.code!];
        } else if (/^(asal|dari)\s/.test(tail) === false && tail && this.orgByText(tail.replace(/^(milik)\s+/, ""))) what = `${noun} ${tail}`;
        const before = text.slice(Math.max(0, c.start - 25), c.start);
        const qualifier: Qualifier = /\b(sekitar|kurang lebih|hampir)\s*$/i.test(before) ? "about" : /\b(lebih dari|di atas)\s*$/i.test(before) ? "more_than" : "exact";
        if (/\bke-$/.test(text.slice(0, c.start))) what = `urutan ${what}`;
        this.facts.counts.push({ what, value: c.value, qualifier, provinces: provinces.filter(Boolean), ...(main ? { event: main.key } : {}), evidence: this.ev(i) });
      }
      // Ordinals: "provinsi ke-33", "misi dagang ke-12", "yang keempat sepanjang 2025", "ketiga kalinya".
      const ord = /\b(provinsi|misi dagang|mitra)\s+(?:[\p{L}]+\s+){0,3}?ke-(\d+)\b|\byang\s+ke-?(\d+|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\b|\bke(tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh)\s+kalinya\b/giu;
      const words: Record<string, number> = { dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9, sepuluh: 10 };
      for (let m = ord.exec(text); m; m = ord.exec(text)) {
        const value = Number(m[2] ?? m[3]) || words[(m[3] ?? m[4] ?? "").toLowerCase()];
        if (!value) continue;
        const subject = m[1] ?? (/\bmisi dagang\b/i.test(text) ? "misi dagang" : "kegiatan");
        this.facts.counts.push({ what: `urutan ${subject}`, value, qualifier: "exact", provinces: main?.provinces.slice(0, 2) ?? this.sides, ...(main ? { event: main.key } : {}), evidence: this.ev(i) });
      }
    });
  }
}

function x(s: string): string {
  return s;
}

function lastWhere<T>(list: readonly T[], fn: (v: T) => boolean): T | undefined {
  for (let i = list.length - 1; i >= 0; i--) if (fn(list[i]!)) return list[i];
  return undefined;
}

/** An organisation's name as a key: "Pemerintah Provinsi Jawa Timur" and "Pemprov Jatim" are one. */
function orgKey(name: string): string {
  let t = ` ${norm(name)} `
    .replace(/ pemerintah provinsi /g, " pemprov ")
    .replace(/ pemerintah kabupaten /g, " pemkab ")
    .replace(/ pemerintah kota /g, " pemkot ")
    .replace(/ sekretariat daerah( provinsi)? /g, " setda ")
    .replace(/ provinsi /g, " ");
  for (const p of findPlaces(name)) if (p.type === "province" && p.code) t = t.replace(` ${norm(p.text)} `, ` ${p.code} `);
  return t.trim();
}

/** "sementara" as "interim" ("angka sementara", "transaksi sementara"), not as the conjunction "while" (", sementara nilai muat …", "Sementara itu"). */
const INTERIM = /(?<!,\s)(?<!^)\bsementara\b(?!\s+itu\b)(?!\s+(?:nilai|pembelian|penjualan|Jatim|pengusaha)\b)/i;

function sameSet(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((v) => b.includes(v));
}

/** Whether an offset of a text is inside a quotation. */
function insideQuote(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opens = (before.match(/[“]/g) ?? []).length - (before.match(/[”]/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length;
  return opens > 0 || straight % 2 === 1;
}

export { provinceByCode };
