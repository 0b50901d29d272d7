/**
 * Runs FakeTelegram in its own process (so the benchmark's client gets a core
 * of its own). Args: --port P --rate R [--per-chat-ms MS]. Prints "ready <apiRoot>" on stdout;
 * on the IPC message {report: N} it answers with counts for chats
 * 100000..100000+N-1 and exits.
 */
import { FakeTelegram } from "../helpers/telegram-server.js";

const arg = (name: string, d: number) => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : d;
};
const server = new FakeTelegram({ rate: arg("rate", 25), perChatMs: arg("per-chat-ms", 1000) });
const root = await server.listen(arg("port", 9290));
process.stdout.write(`ready ${root}\n`);
process.on("message", async (msg: { report?: number; first?: number }) => {
  if (msg.report === undefined) return;
  const first = msg.first ?? 100_000;
  let lost = 0;
  for (let i = 0; i < msg.report; i++) if (!server.received.has(first + i)) lost++;
  const elapsed = (server.lastAt - server.firstAt) / 1000;
  process.send?.({ accepted: server.accepted, http429: server.http429, lost, duplicated: server.duplicates().extra, serverElapsed: elapsed });
  await server.close();
  process.exit(0);
});
