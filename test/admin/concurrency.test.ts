import { describe, expect, it } from "vitest";
import { ConflictError, findRecord } from "../../src/knowledge/store.js";
import { ADMIN2, TestChat, OWNER, tempDir } from "../helpers/index.js";

describe("two admins editing at once", () => {
  it("/ubahnilai: the second Simpan is refused and shows the newer value", async () => {
    const h = await TestChat.open();
    await h.send(OWNER, "/ubahnilai Jatim Kaltim 2023 Rp120 miliar");
    await h.send(ADMIN2, "/ubahnilai Jatim Kaltim 2023 Rp130 miliar");
    await h.press(OWNER, "Simpan");
    await h.press(ADMIN2, "Simpan");
    const told = h.last(ADMIN2);
    expect(told).toContain("admin lain baru saja mengubah data yang sama");
    expect(told).toContain("Jumlah: Rp120 miliar");
    expect(h.ask("berapa nilai kerja sama jatim kaltim 2023").answer).toContain("Rp120 miliar");
    expect(h.deps.admin.audit.all()).toHaveLength(1);
  });

  it("guided edit of the same record: the later save is refused, the earlier one kept", async () => {
    const h = await TestChat.open();
    for (const who of [OWNER, ADMIN2]) {
      await h.send(who, "/admin");
      await h.press(who, "Singkatan");
      await h.press(who, "DPMPTSP");
      await h.press(who, "Ubah");
      await h.press(who, "Tetap");
    }
    await h.send(OWNER, "Dinas Penanaman Modal dan PTSP");
    await h.send(ADMIN2, "Dinas Penanaman Modal Terpadu");
    await h.press(ADMIN2, "Tetap");
    await h.press(ADMIN2, "Simpan");
    await h.press(OWNER, "Tetap");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("admin lain");
    expect(h.last(OWNER)).toContain("Kepanjangan: Dinas Penanaman Modal Terpadu");
    expect(findRecord(h.deps.knowledge.get(), "acronyms", "dpmptsp")).toMatchObject({ long: "Dinas Penanaman Modal Terpadu" });
  });

  it("store: saves are serialised; a commit based on a stale record throws ConflictError and writes nothing", async () => {
    const h = await TestChat.open({ dataDir: tempDir() });
    const store = h.deps.knowledge;
    const before = findRecord(store.get(), "acronyms", "bumn")!;
    const a = store.commit([{ collection: "acronyms", id: "bumn", before, after: { ...before, long: "A" } }]);
    const b = store.commit([{ collection: "acronyms", id: "bumn", before, after: { ...before, long: "B" } }]);
    await expect(a).resolves.toBeTruthy();
    const err = await b.catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ConflictError);
    expect((err as ConflictError).conflicts[0]!.current).toMatchObject({ long: "A" });
    expect(findRecord(store.get(), "acronyms", "bumn")).toMatchObject({ long: "A" });
    // An import based on an older whole-base hash is refused too.
    const old = store.hash();
    await store.commit([{ collection: "acronyms", id: "bumn", before: findRecord(store.get(), "acronyms", "bumn"), after: { ...before, long: "C" } }]);
    await expect(store.commit([], { expectHash: old })).rejects.toBeInstanceOf(ConflictError);
  });
});
