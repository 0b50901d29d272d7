/**
 * Operators: `npm run announce -- <event-id> [--again]` announces an event to
 * every matching active subscriber.
 *
 * While the bot runs (DATA_DIR/events/worker.pid names a live process) the
 * request is left in DATA_DIR/events/inbox/ and the bot sends it within a few
 * seconds: only one process writes the queue. Otherwise, with BOT_TOKEN set,
 * this command delivers it itself and prints the progress; without a token it
 * is queued for the next start. An announcement goes out once per version of
 * the event; `--again` sends the same version once more.
 */
import { parseArgs } from "node:util";
import { Api } from "grammy";
import { loadConfig, logLevel } from "../config.js";
import { openAnnouncements, openKnowledge } from "../app/index.js";
import { UnknownEventError } from "../events/index.js";
import { addSecrets, createLogger, redactTokens } from "../logger.js";
import { telegramSender } from "../bot/sender.js";

async function main(): Promise<number> {
  const { values, positionals } = parseArgs({ options: { again: { type: "boolean", default: false } }, allowPositionals: true });
  const eventId = positionals[0];
  const config = loadConfig();
  addSecrets(config.BOT_TOKEN);
  const knowledge = openKnowledge(config);
  const ids = knowledge.get().events.map((e) => e.id);
  if (!eventId) {
    process.stderr.write(`Usage: npm run announce -- <event-id> [--again]\nEvents: ${ids.join(", ") || "(none)"}\n`);
    return 2;
  }
  if (!ids.includes(eventId)) {
    process.stderr.write(`No event with id "${eventId}". Events: ${ids.join(", ") || "(none)"}\n`);
    return 1;
  }
  const logger = createLogger(logLevel(config, true), "json");
  const hub = await openAnnouncements(config, knowledge, logger);
  if (hub.workerRunningElsewhere() || !config.BOT_TOKEN) {
    hub.requestAnnouncement(eventId, values.again);
    process.stdout.write(
      hub.workerRunningElsewhere()
        ? `Queued: the running bot will announce "${eventId}" within a few seconds.\n`
        : `Queued: no BOT_TOKEN here, so "${eventId}" will be announced when the bot starts.\n`,
    );
    hub.subscriptions.close();
    return 0;
  }
  const api = new Api(config.BOT_TOKEN, config.TELEGRAM_API_ROOT ? { apiRoot: config.TELEGRAM_API_ROOT } : {});
  const queue = await hub.openQueue(telegramSender(api));
  try {
    const { broadcast, created } = await hub.announce(eventId, { reason: "manual", again: values.again });
    if (!created && broadcast.status === "done") {
      process.stdout.write(`Already announced (${broadcast.id}): ${broadcast.sent} of ${broadcast.total} sent. Use --again to send it once more.\n`);
      return 0;
    }
    queue.onProgress((p) => process.stdout.write(`${p.id}: ${p.sent} sent, ${p.failed + p.blocked} failed, ${p.left} left of ${p.total}\n`));
    queue.start();
    await queue.drain(100);
    const b = queue.get(broadcast.id)!;
    process.stdout.write(`Done: ${b.sent} sent, ${b.failed} failed, ${b.blocked} blocked the bot, of ${b.total}.\n`);
    return 0;
  } catch (err) {
    if (err instanceof UnknownEventError) {
      process.stderr.write(`${err.message}\n`);
      return 1;
    }
    throw err;
  } finally {
    await hub.stop();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    process.stderr.write(`announce failed: ${redactTokens(err instanceof Error ? err.message : String(err))}\n`);
    process.exit(1);
  },
);
