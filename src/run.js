// Runs one of Sinergi's programs as compiled JavaScript: `node src/run.js main` (npm start),
// `node src/run.js cli/ask` (npm run ask) ... The TypeScript sources are bundled with esbuild
// into node_modules/.cache/sinergi/ when they are newer than the bundle (the first start after
// an install or a change), then the bundle runs in this same process. Plain JavaScript on
// purpose: it must run before anything is compiled. Development and tests may still run the
// sources directly with tsx.
import { existsSync, readdirSync, renameSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const outDir = join(root, "node_modules", ".cache", "sinergi");
const ENTRIES = ["main", "cli/ask", "cli/announce", "cli/ingest"].filter((e) => existsSync(join(root, "src", `${e}.ts`)));

/** Newest modification time of the files a bundle is built from. */
function newestSource(dir = join(root, "src")) {
  let newest = statSync(join(root, "package-lock.json"), { throwIfNoEntry: false })?.mtimeMs ?? 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(path) : statSync(path).mtimeMs);
  }
  return newest;
}

async function build() {
  const { build: esbuild } = await import("esbuild");
  // Built aside, then moved in place: a process starting meanwhile sees the old bundle or the new one.
  const tmp = `${outDir}.${process.pid}`;
  await esbuild({
    entryPoints: Object.fromEntries(ENTRIES.map((e) => [e, join(root, "src", `${e}.ts`)])),
    outdir: tmp,
    bundle: true,
    splitting: true,
    platform: "node",
    format: "esm",
    target: "node20",
    // Dependencies are bundled too (fewer files to find and read at start-up), but for those that
    // load files of their own at run time (pino's worker threads) or are large and rarely used.
    external: ["pino", "pino-pretty", "thread-stream", "esbuild", "mammoth", "unpdf", "pdfjs-dist", "pdf-parse", "telegram-test-api", "stopwords-iso", "sastrawijs"],
    sourcemap: "linked",
    // Bundled CommonJS packages call require() and read __dirname: give the ESM bundle both.
    banner: {
      js: [
        "import { createRequire as __sinergiRequire } from 'node:module';",
        "import { fileURLToPath as __sinergiPath } from 'node:url';",
        "const require = __sinergiRequire(import.meta.url);",
        "const __filename = __sinergiPath(import.meta.url);",
        "const __dirname = __filename.slice(0, __filename.lastIndexOf('/'));",
      ].join(" "),
    },
    logLevel: "error",
  });
  const { rmSync } = await import("node:fs");
  rmSync(`${outDir}.old`, { recursive: true, force: true });
  if (existsSync(outDir)) renameSync(outDir, `${outDir}.old`);
  renameSync(tmp, outDir);
  rmSync(`${outDir}.old`, { recursive: true, force: true });
}

const entry = process.argv[2] ?? "main";
if (entry === "--build") {
  // `npm run build`: compile now (tests and deploys do this once, before starting processes).
  await build();
  process.exit(0);
}
if (!ENTRIES.includes(entry)) {
  process.stderr.write(`run: unknown program "${entry}" (one of ${ENTRIES.join(", ")})\n`);
  process.exit(2);
}
process.argv.splice(2, 1);
const bundle = join(outDir, `${entry}.js`);
const built = statSync(bundle, { throwIfNoEntry: false })?.mtimeMs ?? 0;
if (built < newestSource()) await build();
await import(pathToFileURL(bundle).href);
