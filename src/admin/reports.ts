import dayjs from "dayjs";
import timezone from "dayjs/plugin/timezone.js";
import utc from "dayjs/plugin/utc.js";
import type { Translate } from "../i18n/translate.js";
import { KINDS as RECORD_KINDS } from "../knowledge/kinds/index.js";
import type { Knowledge } from "../knowledge/schema.js";
import type { AuditEntry } from "./audit.js";
import { diffLines, recordLabel, refNames } from "./labels.js";
import type { Plan } from "./plan.js";
import { findYearValue, valueChange, type Editor } from "./service.js";
import type { QuestionStats } from "./stats.js";

dayjs.extend(utc);
dayjs.extend(timezone);

/** The admins' clock: dates and times in their reports are in WIB, whatever the server's zone. */
const ADMIN_ZONE = "Asia/Jakarta";

/** "01/05/2025 10:00", in WIB. */
function stamp(at: string): string {
  return dayjs(at).tz(ADMIN_ZONE).format("DD/MM/YYYY HH:mm");
}

/** The /riwayat reply: the latest changes (who, when, what; before → after for a single record), newest first, within one message. */
export function historyReport(entries: readonly AuditEntry[], kb: Knowledge, t: Translate): string {
  if (!entries.length) return t("admin-history-empty");
  // Sources a change added or removed are named too, though the base may no longer hold them.
  const touchedSources = entries.flatMap((e) => e.changes.filter((c) => c.collection === "sources").flatMap((c) => [c.before, c.after]).filter((r) => r !== null));
  const names = refNames([...kb.sources, ...touchedSources], kb.officials);
  const lines = entries.map((e) => {
    const head = t("admin-history-line", {
      seq: e.seq,
      at: stamp(e.at),
      who: e.by.name,
      action: t(`admin-action-${e.action}`),
      label: e.action === "undo" ? `#${e.undoOf} ${e.label}` : e.label,
    });
    const single = e.changes.length === 1 || (e.changes.length === 2 && e.changes[0]!.collection === "sources");
    const detail = single ? diffLines(e.changes.at(-1)!.before, e.changes.at(-1)!.after, t, names).slice(0, 4) : [t("admin-history-count", { n: e.changes.length })];
    return [head, ...detail].join("\n");
  });
  return `${t("admin-history-title")}\n\n${lines.join("\n\n")}`.slice(0, 4000);
}

/** The plan of /urungkan: the changes that revert `entry`, headed by which change it reverts. */
export function undoPlan(entry: AuditEntry, changes: Plan["changes"], t: Translate): Plan {
  return {
    changes,
    action: "undo",
    label: entry.label,
    undoOf: entry.seq,
    heading: t("admin-undo-heading", { seq: entry.seq, who: entry.by.name, at: stamp(entry.at), label: entry.label }),
  };
}

/** The plan of `/ubahnilai <pair> <year> <amount>`: that year's value of the pair set (or added), sourced to the admin's entry of the day. */
export function valueChangePlan(kb: Knowledge, pair: [string, string], year: number, amount: number, by: Editor, now: Date, t: Translate): Plan {
  const changes = valueChange(kb, pair, year, amount, by, now);
  return {
    changes,
    action: findYearValue(kb, pair, year) ? "edit" : "add",
    label: `${t("admin-kind-cooperationValues")}: ${recordLabel("cooperationValues", changes.at(-1)!.after, t)}`,
  };
}

/** The /statistik reply: questions per day of the last week, the share answered, the top topics, active subscribers. */
export function statsReport(stats: QuestionStats, subscribers: number, t: Translate): string {
  const s = stats.summary(7, 5);
  const share = s.asked ? Math.round((s.answered / s.asked) * 100) : 0;
  const days = s.days.map((d) => t("admin-stats-day", { day: dayjs(d.day).format("DD/MM"), asked: d.asked, answered: d.answered })).join("\n");
  // Topics are the kinds of fact asked about ("nilai"), or small-talk intents.
  const topic = (name: string) => {
    const kind = RECORD_KINDS.find((k) => k.name === name);
    return kind ? t(`kind-label-${kind.collection}`) : name.replace(/_/g, " ");
  };
  const intents = s.intents.map(([i, n]) => `• ${topic(i)}: ${n}`).join("\n");
  return [
    t("admin-stats-title"),
    t("admin-stats-total", { asked: s.asked, answered: s.answered, share }),
    days ? `${t("admin-stats-days")}\n${days}` : t("admin-stats-no-questions"),
    intents ? `${t("admin-stats-intents")}\n${intents}` : "",
    t("admin-stats-subscribers", { n: subscribers }),
  ]
    .filter(Boolean)
    .join("\n\n");
}

/** One unanswered question as /belumterjawab lists it. */
export interface UnansweredLine {
  example: string;
  count: number;
}

/** The /belumterjawab list: "1. “question” — 3×" per line, most asked first. */
export function unansweredReport(top: readonly UnansweredLine[], t: Translate): string {
  if (!top.length) return t("admin-unanswered-empty");
  return `${t("admin-unanswered-title")}\n\n${top.map((q, i) => `${i + 1}. “${q.example}” — ${q.count}×`).join("\n")}`;
}

/** A short stable key of a question for button data (64 bytes at most): its FNV-1a hash in base 36. */
export function questionKey(normalized: string): string {
  let h = 2166136261;
  for (let i = 0; i < normalized.length; i++) h = Math.imul(h ^ normalized.charCodeAt(i), 16777619);
  return (h >>> 0).toString(36);
}

/** The file /ekspor sends: the whole base as indented JSON, named after the admins' day. */
export function exportFile(kb: Knowledge, now: Date): { name: string; content: string } {
  return { name: `sinergi-knowledge-${dayjs(now).tz(ADMIN_ZONE).format("YYYY-MM-DD")}.json`, content: `${JSON.stringify(kb, null, 2)}\n` };
}
