import { readFile, stat } from "node:fs/promises";
import { extname } from "node:path";

/** Largest release accepted, in bytes (as for /impor). */
export const MAX_RELEASE_BYTES = 1024 * 1024;

/** A release file that cannot be read: too big, of a format we do not read, or broken. */
export class ReleaseFileError extends Error {
  constructor(
    readonly reason: "too-big" | "format" | "unreadable",
    message: string,
  ) {
    super(message);
    this.name = "ReleaseFileError";
  }
}

/** The formats a release may come in. */
export const RELEASE_FORMATS = [".txt", ".docx", ".pdf"] as const;

/**
 * The text of a release from its bytes: plain text (UTF-8), a Word document
 * (.docx, through mammoth) or a PDF (through unpdf's bundled PDF.js, no
 * worker and nothing downloaded). Paragraphs come out one per line.
 */
export async function releaseText(bytes: Uint8Array, name: string): Promise<string> {
  if (bytes.byteLength > MAX_RELEASE_BYTES) throw new ReleaseFileError("too-big", `${name}: ${bytes.byteLength} bytes, more than ${MAX_RELEASE_BYTES}`);
  const ext = extname(name).toLowerCase();
  try {
    if (ext === ".docx") {
      const mammoth = (await import("mammoth")).default;
      const { value } = await mammoth.extractRawText({ buffer: Buffer.from(bytes) });
      return value;
    }
    if (ext === ".pdf") {
      const { extractText, getDocumentProxy } = await import("unpdf");
      const doc = await getDocumentProxy(new Uint8Array(bytes));
      const { text } = await extractText(doc, { mergePages: true });
      return text;
    }
  } catch (err) {
    throw new ReleaseFileError("unreadable", `${name}: ${(err as Error).message}`);
  }
  if (ext === ".txt" || ext === "" || ext === ".text") {
    const text = new TextDecoder("utf-8", { fatal: false }).decode(bytes);
    if (text.includes("\u0000")) throw new ReleaseFileError("unreadable", `${name}: not a text file`);
    return text;
  }
  throw new ReleaseFileError("format", `${name}: only ${RELEASE_FORMATS.join(", ")} are read`);
}

/** Reads a release file from disk (at most 1 MB). */
export async function readReleaseFile(file: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(file)).size;
  } catch (err) {
    throw new ReleaseFileError("unreadable", `${file}: ${(err as NodeJS.ErrnoException).code ?? String(err)}`);
  }
  if (size > MAX_RELEASE_BYTES) throw new ReleaseFileError("too-big", `${file}: ${size} bytes, more than ${MAX_RELEASE_BYTES}`);
  return releaseText(await readFile(file), file);
}
