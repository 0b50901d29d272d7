import { describe, expect, it } from "vitest";
import { ingestText } from "../../src/ingest/index.js";
import { loadKnowledgeFile } from "../../src/knowledge/load.js";
import { dataPath } from "../../src/paths.js";
import { neutralOfResult } from "../helpers/neutral-facts.js";
import { addScores, devSet, FACT_KINDS, formatScores, scoreRelease, type KindScore } from "../helpers/release-score.js";

/**
 * The development set (test/fixtures/releases): every release read against the
 * shipped knowledge base and scored per kind of fact. The floors sit a little
 * below the scores measured, to catch a collapse rather than to tune against.
 */
const FLOORS: Record<(typeof FACT_KINDS)[number], { recall: number; precision: number }> = {
  source: { recall: 0.95, precision: 0.95 },
  events: { recall: 0.85, precision: 0.85 },
  figures: { recall: 0.8, precision: 0.8 },
  officials: { recall: 0.75, precision: 0.75 },
  organisations: { recall: 0.75, precision: 0.8 },
  agreements: { recall: 0.7, precision: 0.85 },
  commodities: { recall: 0.78, precision: 0.88 },
  targets: { recall: 0.75, precision: 0.9 },
  statements: { recall: 0.88, precision: 0.83 },
  counts: { recall: 0.72, precision: 0.9 },
};

describe("extraction on the development set", () => {
  it("finds the facts of each kind, and proposes few false ones", () => {
    const kb = loadKnowledgeFile(dataPath("knowledge.json"));
    const total: Record<string, KindScore> = {};
    for (const r of devSet()) addScores(total, scoreRelease(r.expected, neutralOfResult(ingestText(r.text, kb, { file: `${r.name}.txt` }), kb)));
    console.log(`development set (${devSet().length} releases):\n${formatScores(total)}`);
    for (const kind of FACT_KINDS) {
      const s = total[kind]!;
      expect.soft(s.right / s.expected, `${kind} recall`).toBeGreaterThanOrEqual(FLOORS[kind].recall);
      expect.soft(s.right / s.proposed, `${kind} precision`).toBeGreaterThanOrEqual(FLOORS[kind].precision);
    }
  });

  it("is deterministic", () => {
    const kb = loadKnowledgeFile(dataPath("knowledge.json"));
    const r = devSet()[0]!;
    expect(JSON.stringify(ingestText(r.text, kb))).toBe(JSON.stringify(ingestText(r.text, kb)));
  });
});
