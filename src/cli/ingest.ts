import { basename } from "node:path";
import { parseArgs } from "node:util";
import { openEditing } from "../app/index.js";
import { loadConfig } from "../config.js";
import { changesOf, ingestText, type IngestResult } from "../ingest/index.js";
import { readReleaseFile, ReleaseFileError } from "../ingest/read-file.js";
import type { Knowledge } from "../knowledge/schema.js";
import type { Collection, KRecord } from "../knowledge/store.js";

const USAGE = "Pemakaian: npm run --silent ingest -- --jsonl BERKAS...  |  npm run --silent ingest -- --apply BERKAS...   (.txt, .docx, .pdf; paling besar 1 MB)\n";

/** The JSON line of one file: new records by collection, what is already known, what contradicts the base. */
function line(file: string, result: IngestResult, kb: Knowledge): Record<string, unknown> {
  const candidates: Partial<Record<Collection, KRecord[]>> = {};
  for (const c of changesOf(result, kb)) (candidates[c.collection] ??= []).push(c.after!);
  return {
    file,
    candidates,
    warnings: result.warnings,
    known: result.items.filter((i) => i.status === "known").map((i) => ({ collection: i.collection, id: i.record.id })),
    conflicts: result.items.filter((i) => i.status === "conflict").map((i) => ({ collection: i.collection, id: i.record.id, proposed: i.record, stored: i.existing, sentence: i.sentence })),
  };
}

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ options: { jsonl: { type: "boolean", default: false }, apply: { type: "boolean", default: false } }, allowPositionals: true });
  if (values.jsonl === values.apply || !positionals.length) {
    process.stderr.write(USAGE);
    process.exit(2);
  }
  const config = loadConfig();
  const { knowledge: store, service } = await openEditing(config, values.apply);
  let failed = false;
  for (const file of positionals) {
    let text: string;
    try {
      text = await readReleaseFile(file);
    } catch (err) {
      if (!(err instanceof ReleaseFileError)) throw err;
      failed = true;
      process.stdout.write(`${JSON.stringify({ file, error: err.reason, message: err.message })}\n`);
      continue;
    }
    const kb = store.get();
    const result = ingestText(text, kb, { file: basename(file) });
    const out = line(file, result, kb);
    if (service) {
      const changes = changesOf(result, kb);
      if (changes.length) {
        const entry = await service.commit(changes, { id: 0, name: "ingest (CLI)" }, "ingest", `rilis: ${String(result.source.title)}`);
        out.audit = entry.seq;
      }
      out.applied = changes.length;
    }
    process.stdout.write(`${JSON.stringify(out)}\n`);
  }
  if (failed) process.exitCode = 1;
}

main().catch((err: unknown) => {
  process.stderr.write(`ingest: ${err instanceof Error ? err.message : String(err)}\n`);
  process.exit(1);
});
