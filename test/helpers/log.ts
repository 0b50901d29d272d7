import { Writable } from "node:stream";

/**
 * Where a test logger writes: every JSON line kept as text (`lines`) and
 * parsed on demand (`json()`).
 *
 * @example
 *   const { bot, log } = await makeBot({ logLevel: "info" });
 *   expect(log.json().filter((l) => l.msg === "update")).toHaveLength(1);
 */
export class LogSink extends Writable {
  readonly lines: string[] = [];

  override _write(chunk: Buffer, _encoding: string, done: () => void): void {
    this.lines.push(...chunk.toString().split("\n").filter(Boolean));
    done();
  }

  /** The lines, parsed. */
  json(): Array<Record<string, unknown>> {
    return this.lines.map((l) => JSON.parse(l) as Record<string, unknown>);
  }
}
