import { mkdtempSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileTooLargeError, fileUrl, httpDownload, telegramDownload } from "../../src/bot/download.js";

const PORT = 9302;
let server: Server;
const seen: string[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push(req.url ?? "");
    if (req.url === "/file/botT/documents/kb.json") return res.end('{"ok":true}');
    if (req.url === "/file/botT/documents/big.json") return res.end("x".repeat(2000));
    if (req.url === "/file/botT/documents/chunked.json") {
      // No content-length: the limit is checked on what arrives.
      res.write("y".repeat(1500));
      return res.end("y".repeat(1500));
    }
    if (req.url === "/file/botT/documents/my%20kb%20%231%3F.json") return res.end('{"encoded":true}');
    if (req.url === "/file/botT/documents/moved.json") return res.writeHead(302, { location: "/file/botT/documents/kb.json" }).end();
    if (req.url === "/file/botT/documents/elsewhere.json") return res.writeHead(302, { location: `http://localhost:${PORT}/file/botT/documents/kb.json` }).end();
    res.statusCode = 404;
    res.end("not found");
  });
  await new Promise<void>((r) => server.listen(PORT, "127.0.0.1", r));
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

describe("httpDownload (the /impor file fetcher)", () => {
  const url = (name: string) => `http://127.0.0.1:${PORT}/file/botT/documents/${name}`;
  it("returns the bytes", async () => {
    expect(new TextDecoder().decode(await httpDownload(url("kb.json"), 1000))).toBe('{"ok":true}');
  });
  it("refuses files over the limit, announced or not", async () => {
    await expect(httpDownload(url("big.json"), 1000)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(httpDownload(url("chunked.json"), 1000)).rejects.toBeInstanceOf(FileTooLargeError);
  });
  it("fails on HTTP errors", async () => {
    await expect(httpDownload(url("nothing.json"), 1000)).rejects.toThrow("HTTP 404");
  });
  it("follows a redirect on the same host, refuses one to another host", async () => {
    expect(new TextDecoder().decode(await httpDownload(url("moved.json"), 1000))).toBe('{"ok":true}');
    seen.length = 0;
    await expect(httpDownload(url("elsewhere.json"), 1000)).rejects.toThrow(/another host/);
    expect(seen).toEqual(["/file/botT/documents/elsewhere.json"]);
  });
});

describe("files of the Bot API", () => {
  it("file_path is encoded in the URL, segment by segment", async () => {
    expect(fileUrl(`http://127.0.0.1:${PORT}`, "T", "documents/my kb #1?.json")).toBe(`http://127.0.0.1:${PORT}/file/botT/documents/my%20kb%20%231%3F.json`);
    const bytes = await telegramDownload({ apiRoot: `http://127.0.0.1:${PORT}`, token: "T", filePath: "documents/my kb #1?.json", local: false }, 1000);
    expect(new TextDecoder().decode(bytes)).toBe('{"encoded":true}');
    expect(() => fileUrl("https://api.telegram.org", "T", "documents/../../etc/passwd")).toThrow();
  });

  it("reads the absolute paths of a local Bot API server from disk (only from a local server), within the limit", async () => {
    const dir = mkdtempSync(join(tmpdir(), "sinergi-local-api-"));
    const file = join(dir, "file_7.json");
    writeFileSync(file, '{"local":true}');
    const local = { apiRoot: "http://127.0.0.1:8081", token: "T", filePath: file, local: true };
    expect(new TextDecoder().decode(await telegramDownload(local, 1000))).toBe('{"local":true}');
    await expect(telegramDownload(local, 5)).rejects.toBeInstanceOf(FileTooLargeError);
    await expect(telegramDownload({ ...local, filePath: dir }, 1000)).rejects.toThrow(/not a file/);
    // From api.telegram.org an absolute path is never read from this machine.
    await expect(telegramDownload({ ...local, apiRoot: "https://api.telegram.org", local: false }, 1000)).rejects.toThrow(/absolute/);
  });
});
