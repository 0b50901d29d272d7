import type { Lang, Translate } from "../i18n/translate.js";
import { changesOf, ingestText, type IngestItem } from "../ingest/index.js";
import { KnowledgeGraph } from "../knowledge/graph.js";
import { kindOf, type RenderCtx } from "../knowledge/kinds/index.js";
import type { Collection } from "../knowledge/schema.js";
import type { Change, KnowledgeStore, KRecord } from "../knowledge/store.js";
import { recordLabel } from "./labels.js";
import type { Plan } from "./plan.js";

/** One fact read from a release, as the admin reviews it: numbered, labelled, with its sentence and, in conflict, the stored record. */
export interface ReviewItem {
  n: number;
  collection: Collection;
  status: IngestItem["status"];
  label: string;
  sentence: string;
  existing?: string;
}

/** What /rilis read from a release, and the base it was read against (`hash`). */
export interface ReleaseReview {
  items: ReviewItem[];
  title: string;
  hash: string;
}

/** The admin's choices while reviewing: items left out, and conflicts where the release's figure wins. */
export interface ReviewChoices {
  dropped: Set<number>;
  useRelease: Set<number>;
}

/** The order facts are shown in: source, event, values, officials, organisations, agreements, commodities, targets, statements, counts, acronyms. */
const REVIEW_ORDER: readonly Collection[] = ["sources", "events", "cooperationValues", "officials", "organisations", "agreements", "commodities", "targets", "statements", "counts", "acronyms"];

/** Reads a release against the live base: every fact found, each new, already known or in conflict. */
export function reviewRelease(text: string, name: string, knowledge: KnowledgeStore, t: Translate, lang: Lang, now: Date): ReleaseReview {
  const kb = knowledge.get();
  const result = ingestText(text, kb, { file: name });
  const c: RenderCtx = { t, lang, kb: new KnowledgeGraph(kb), now };
  const items = result.items.map((i, n): ReviewItem => ({
    n: n + 1,
    collection: i.collection,
    status: i.status,
    label: itemLabel(i.collection, i.record, c),
    sentence: i.sentence,
    ...(i.existing ? { existing: itemLabel(i.collection, i.existing, c) } : {}),
  }));
  return { items, title: String(result.source.title), hash: knowledge.hash() };
}

/** True when a release holds nothing the base does not know already. */
export function nothingNew(review: ReleaseReview): boolean {
  return !review.items.some((i) => i.status !== "known");
}

/** A record in one line for the review: the kind's own summary where it can render one. */
function itemLabel(collection: Collection, r: KRecord, c: RenderCtx): string {
  const { t } = c;
  if (collection === "sources") return `${String(r.publisher)}, “${String(r.title)}”, ${String(r.date)}${r.author ? ` (${String(r.author)})` : ""}`;
  if (collection === "organisations") return `${String(r.name)}${r.short ? ` (${String(r.short)})` : ""}`;
  if (collection === "officials") return `${String(r.name)} — ${String(r.office ?? t(`role-${String(r.role)}`))}`;
  if (collection === "statements") return `${r.quoted ? "“" : ""}${String(r.text).slice(0, 140)}${r.quoted ? "”" : ""}`;
  try {
    return kindOf(collection).summary(r, c);
  } catch {
    // A candidate missing what its kind's summary reads: its short label instead.
    return recordLabel(collection, r, t);
  }
}

/** The review, in parts: the heading ("n facts in <title>") and one part per kind of fact, each item marked new (➕), known (✔️), in conflict (⚠️) or left out (✖️). */
export function reviewParts(review: ReleaseReview, choices: ReviewChoices, t: Translate): string[] {
  const parts = [t("rilis-found", { title: review.title, n: review.items.length })];
  for (const collection of REVIEW_ORDER) {
    const group = review.items.filter((i) => i.collection === collection);
    if (!group.length) continue;
    const lines = group.map((i) => {
      const mark = choices.dropped.has(i.n) ? "✖️" : i.status === "known" ? "✔️" : i.status === "conflict" ? (choices.useRelease.has(i.n) ? "⚠️➡️" : "⚠️") : "➕";
      let line = `${mark} ${i.n}. ${i.label}`;
      if (i.status === "known") line += ` — ${t("rilis-known")}`;
      if (i.status === "conflict") line += `\n   ${t("rilis-stored", { value: i.existing ?? "" })}`;
      return `${line}\n   “${i.sentence.length > 160 ? `${i.sentence.slice(0, 159)}…` : i.sentence}”`;
    });
    parts.push(`<${t(`admin-kind-${collection}`)}>\n${lines.join("\n")}`);
  }
  return parts;
}

/**
 * Applies one of the admin's review commands to `choices`: "hapus 3 5" leaves
 * items out, "kembalikan 3" takes one back, "pakai 7" takes the release's
 * figure over the stored one. False when the text is no such command.
 */
export function applyReviewCommand(text: string, review: ReleaseReview, choices: ReviewChoices): boolean {
  const m = /^(hapus|drop|batalkan|kembalikan|pakai|use)\s+([\d\s,]+)$/i.exec(text.trim());
  if (!m) return false;
  for (const n of m[2]!.split(/[\s,]+/).map(Number).filter((x) => review.items.some((i) => i.n === x))) {
    if (/^(hapus|drop)$/i.test(m[1]!)) choices.dropped.add(n);
    else if (/^(kembalikan)$/i.test(m[1]!)) choices.dropped.delete(n);
    else if (review.items.find((i) => i.n === n)?.status === "conflict") choices.useRelease.add(n);
  }
  return true;
}

/**
 * The changes saving a reviewed release, read again against the live base:
 * its new facts but those left out (and what refers to them), and the
 * release's figures the admin chose over the stored ones; with the hash of
 * the base (it must still be the reviewed one).
 */
export function releaseChanges(text: string, name: string, choices: ReviewChoices, knowledge: KnowledgeStore): { changes: Change[]; hash: string } {
  const kb = knowledge.get();
  const result = ingestText(text, kb, { file: name });
  const keep = (item: IngestItem) => !choices.dropped.has(result.items.indexOf(item) + 1);
  const changes = changesOf(result, kb, keep);
  // Conflicts the admin chose: the release's value replaces the stored one.
  result.items.forEach((item, i) => {
    if (item.status === "conflict" && choices.useRelease.has(i + 1) && !choices.dropped.has(i + 1) && item.existing) changes.push({ collection: item.collection, id: item.record.id, before: item.existing, after: item.record });
  });
  return { changes, hash: knowledge.hash() };
}

/** The plan saving a release's changes (see `releaseChanges`), audited as "menambah dari rilis" under the release's title. */
export function releasePlan(review: ReleaseReview, changes: Change[], hash: string, t: Translate): Plan {
  return { changes, action: "ingest", label: `${t("rilis-label")}: ${review.title}`, expectHash: hash };
}
