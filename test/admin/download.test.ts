import { createServer, type Server } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { FileTooLargeError, httpDownload } from "../../src/admin/index.js";

const PORT = 9302;
let server: Server;

beforeAll(async () => {
  server = createServer((req, res) => {
    if (req.url === "/file/botT/documents/kb.json") return res.end('{"ok":true}');
    if (req.url === "/file/botT/documents/big.json") return res.end("x".repeat(2000));
    if (req.url === "/file/botT/documents/chunked.json") {
      // No content-length: the limit is checked on what arrives.
      res.write("y".repeat(1500));
      return res.end("y".repeat(1500));
    }
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
});
