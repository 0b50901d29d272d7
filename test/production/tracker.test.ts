import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { PrometheusMetrics } from "../../src/server/metrics.js";
import { RecentUpdates, UpdateTracker } from "../../src/server/tracker.js";
import { textFrom } from "../helpers/index.js";

describe("update tracker", () => {
  it("handles an update id once, also across a restart (ids kept in DATA_DIR)", async () => {
    const file = join(mkdtempSync(join(tmpdir(), "sinergi-recent-")), "recent-updates.json");
    const handled: number[] = [];
    const metrics = new PrometheusMetrics();
    const first = new UpdateTracker(new RecentUpdates(100, file), metrics);
    for (const id of [10, 11, 10, 12, 11]) await first.track(textFrom(1, "x", id), async () => void handled.push(id));
    expect(handled).toEqual([10, 11, 12]);
    expect((await metrics.registry.getSingleMetricAsString("sinergi_updates_dropped_total")).trim().split("\n").at(-1)).toBe(
      'sinergi_updates_dropped_total{reason="duplicate"} 2',
    );
    first.recent.save();

    const second = new UpdateTracker(new RecentUpdates(100, file));
    for (const id of [12, 13]) await second.track(textFrom(1, "x", id), async () => void handled.push(id));
    expect(handled).toEqual([10, 11, 12, 13]);
  });

  it("keeps a bounded number of ids, forgetting the oldest", () => {
    const r = new RecentUpdates(3);
    for (const id of [1, 2, 3, 4]) expect(r.add(id)).toBe(true);
    expect(r.has(1)).toBe(false);
    expect(r.has(4)).toBe(true);
    expect(r.add(4)).toBe(false);
  });

  it("waits for updates in flight and gives the offset that confirms only finished ones", async () => {
    const t = new UpdateTracker(new RecentUpdates());
    expect(t.safeOffset()).toBeUndefined();
    let release!: () => void;
    const slow = t.track(textFrom(1, "x", 20), () => new Promise<void>((r) => (release = r)));
    await t.track(textFrom(1, "x", 21), async () => undefined);
    expect(t.size).toBe(1);
    expect(t.safeOffset()).toBe(20);
    expect(await t.idle(20)).toBe(false);
    const idle = t.idle(1_000);
    release();
    await slow;
    expect(await idle).toBe(true);
    expect(t.safeOffset()).toBe(22);
  });
});
