import { describe, expect, it } from "vitest";
import { findRecord } from "../../src/knowledge/store.js";
import { TestChat, OWNER } from "../helpers/index.js";

/** Opens the guided edit of one kind from the /admin menu. */
async function open(h: TestChat, kindLabel: string, pick = "Tambah baru"): Promise<void> {
  await h.send(OWNER, "/admin");
  await h.press(OWNER, kindLabel);
  await h.press(OWNER, pick);
}

describe("guided edits, end to end through bot.handleUpdate", () => {
  it("cooperation value: bad amount asked again, source picked, saved, answered at once", async () => {
    const h = await TestChat.open();
    await open(h, "Nilai kerja sama");
    expect(h.last(OWNER)).toContain("Provinsi");
    expect(await h.say(OWNER, "Jatim Atlantis")).toContain("Provinsi “Atlantis” tidak dikenal");
    await h.send(OWNER, "Jatim Bali");
    expect(await h.say(OWNER, "tahun lalu")).toContain("Periode tidak dikenali");
    expect(await h.say(OWNER, "1800")).toContain("antara 1945 dan 2100");
    await h.send(OWNER, "2024");
    expect(await h.say(OWNER, "abc")).toContain("Jumlah tidak dikenali");
    expect(await h.say(OWNER, "-5")).toContain("tidak boleh negatif");
    expect(await h.say(OWNER, "   ")).toContain("masih kosong");
    await h.send(OWNER, "Rp 50.500.000.000");
    expect(await h.say(OWNER, "kira-kira")).toContain("Pilih salah satu tombol");
    await h.press(OWNER, "tepat");
    // What the figure measures (and, for sales, who sold and bought) is optional.
    expect(h.last(OWNER)).toContain("Yang diukur");
    await h.press(OWNER, "Lewati");
    await h.press(OWNER, "Lewati");
    expect(h.last(OWNER)).toContain("sumber");
    await h.press(OWNER, "Perkuat Konektivitas");
    const summary = h.last(OWNER);
    expect(summary).toContain("Tambah Nilai kerja sama: Jatim–Bali 2024");
    expect(summary).toContain("Jumlah: Rp50,5 miliar");
    expect(h.ask("berapa nilai kerja sama jatim bali 2024").answered).toBe(false);
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("Tersimpan");
    const a = h.ask("berapa nilai kerja sama jatim bali 2024");
    expect(a.answered).toBe(true);
    expect(a.answer).toContain("Rp50,5 miliar");
    expect(a.answer).toContain("Perkuat Konektivitas");
  });

  it("event: bad date, unknown province, time with its zone, a new source", async () => {
    const h = await TestChat.open();
    await open(h, "Acara");
    await h.send(OWNER, "Forum Investasi Jatim Bali");
    await h.press(OWNER, "forum investasi");
    expect(await h.say(OWNER, "31/02/2025")).toContain("tidak ada di kalender");
    await h.send(OWNER, "Kamis depan");
    await h.send(OWNER, "Hotel Inna Bali");
    await h.press(OWNER, "Lewati");
    await h.send(OWNER, "Denpasar");
    expect(await h.say(OWNER, "Atlantis")).toContain("“Atlantis” tidak dikenal");
    await h.send(OWNER, "Bali");
    expect(await h.say(OWNER, "25:00")).toContain("Jam tidak dikenali");
    await h.send(OWNER, "09.00 WITA");
    await h.send(OWNER, "Jatim, Bali");
    await h.send(OWNER, "memperluas pasar produk UMKM kedua provinsi");
    await h.press(OWNER, "Sumber baru");
    await h.send(OWNER, "Diskominfo Bali");
    await h.send(OWNER, "Forum Investasi Jatim–Bali digelar");
    expect(await h.say(OWNER, "30/2/2025")).toContain("tidak ada di kalender");
    await h.send(OWNER, "30 April 2025");
    expect(h.last(OWNER)).toContain("Tambah Acara: Forum Investasi Jatim Bali");
    expect(h.last(OWNER)).toContain("Tambah Sumber");
    await h.press(OWNER, "Simpan");
    const kb = h.deps.knowledge.get();
    const e = kb.events.find((x) => x.title === "Forum Investasi Jatim Bali")!;
    expect(e).toMatchObject({ date: "2025-05-08", time: "09:00", timezone: "Asia/Makassar", province: "51", provinces: ["35", "51"], kind: "forum-investasi", validAsOf: "2025-04-30" });
    expect(kb.sources.find((s) => s.id === e.sourceId)).toMatchObject({ publisher: "Diskominfo Bali", date: "2025-04-30" });
    expect(h.ask("ada acara apa saja?").answer).toContain("Forum Investasi Jatim Bali");
  });

  it("statement: only for a known official, quoted or not, answered at once", async () => {
    const h = await TestChat.open();
    await open(h, "Pernyataan");
    expect(await h.say(OWNER, "Pak Budi")).toContain("Pejabat “Pak Budi” belum ada di data");
    await h.send(OWNER, "khofifah indar parawansa");
    await h.send(OWNER, "pasar bersama");
    await h.send(OWNER, "Produk UMKM Jatim harus bisa masuk pasar Kaltim");
    expect(await h.say(OWNER, "mungkin")).toContain("Pilih salah satu tombol");
    await h.press(OWNER, "ya, kutipan langsung");
    await h.press(OWNER, "Perkuat Konektivitas");
    expect(h.last(OWNER)).toContain("Tambah Pernyataan");
    expect(h.last(OWNER)).toContain("Kutipan langsung: ya, kutipan langsung");
    expect(h.last(OWNER)).toContain("Pejabat: Khofifah Indar Parawansa");
    await h.press(OWNER, "Simpan");
    expect(h.deps.knowledge.get().statements.find((s) => s.official === "khofifah")).toMatchObject({ topic: "pasar bersama", quoted: true, sourceId: "rilis-jatim-kaltim-2025-05-08" });
    expect(h.ask("apa kata khofifah?").answer).toContain("Produk UMKM Jatim harus bisa masuk pasar Kaltim");
  });

  it("ranking: a pair, a period and a whole-number rank", async () => {
    const h = await TestChat.open();
    await open(h, "Peringkat");
    await h.send(OWNER, "Jatim Bali");
    await h.send(OWNER, "2024");
    expect(await h.say(OWNER, "pertama")).toContain("Tulis peringkatnya sebagai angka");
    expect(await h.say(OWNER, "0")).toContain("Tulis peringkatnya sebagai angka");
    await h.send(OWNER, "ke-3");
    await h.send(OWNER, "nilai transaksi perdagangan");
    await h.send(OWNER, "mitra dagang Bali");
    await h.press(OWNER, "Perkuat Konektivitas");
    expect(h.last(OWNER)).toContain("Tambah Peringkat: Jatim–Bali 2024");
    await h.press(OWNER, "Simpan");
    expect(h.deps.knowledge.get().rankings.find((r) => r.provinces.includes("51"))).toMatchObject({
      id: "peringkat-jatim-bali-2024", position: 3, period: { kind: "year", year: 2024 }, measure: "nilai transaksi perdagangan", validAsOf: "2025-05-08",
    });
  });

  it("organisation, then an agreement between known organisations only", async () => {
    const h = await TestChat.open();
    await open(h, "Organisasi");
    await h.send(OWNER, "Universitas Udayana");
    await h.send(OWNER, "Unud");
    await h.press(OWNER, "universitas");
    await h.send(OWNER, "Denpasar");
    await h.send(OWNER, "Bali");
    await h.press(OWNER, "Perkuat Konektivitas");
    await h.press(OWNER, "Simpan");
    expect(h.deps.knowledge.get().organisations.some((o) => o.short === "Unud" && o.province === "51")).toBe(true);

    await open(h, "Kesepakatan");
    await h.press(OWNER, "nota kesepahaman");
    await h.send(OWNER, "MoU Unud dan Unmul");
    expect(await h.say(OWNER, "Unud")).toContain("paling sedikit dua pihak");
    expect(await h.say(OWNER, "Unud, Atlantis Corp")).toContain("“atlantis corp” belum ada");
    await h.send(OWNER, "Unud, Unmul");
    await h.send(OWNER, "pertukaran dosen dan mahasiswa");
    await h.send(OWNER, "8 Mei 2025");
    await h.press(OWNER, "Lewati");
    expect(await h.say(OWNER, "dua")).toContain("Angka tidak dikenali");
    await h.send(OWNER, "1");
    await h.press(OWNER, "Perkuat Konektivitas");
    await h.press(OWNER, "Simpan");
    const ag = h.deps.knowledge.get().agreements.find((a) => a.title === "MoU Unud dan Unmul")!;
    expect(ag.parties).toEqual(["universitas-udayana", "unmul"].map((id) => h.deps.knowledge.get().organisations.find((o) => o.id === id || o.short === "Unud")!.id));
    expect(ag.date).toBe("2025-05-08");
  });

  it("official: edit an existing record, keeping most fields", async () => {
    const h = await TestChat.open();
    await open(h, "Pejabat", "Seno Aji");
    expect(h.last(OWNER)).toContain("Ubah atau hapus");
    await h.press(OWNER, "Ubah");
    expect(h.last(OWNER)).toContain("Sekarang: Seno Aji");
    await h.press(OWNER, "Tetap");
    await h.press(OWNER, "Tetap");
    await h.press(OWNER, "Tetap");
    await h.press(OWNER, "Lewati");
    await h.send(OWNER, "Pak Seno");
    await h.send(OWNER, "Wakil Gubernur Kalimantan Timur");
    await h.press(OWNER, "Lewati");
    await h.press(OWNER, "Tetap");
    const summary = h.last(OWNER);
    expect(summary).toContain("Ubah Pejabat: Seno Aji");
    expect(summary).toContain("Nama panggilan: — → Pak Seno");
    await h.press(OWNER, "Simpan");
    expect(h.ask("siapa wakil gubernur kaltim?").answer).toContain("Pak Seno");
  });

  it("commodity, target and acronym", async () => {
    const h = await TestChat.open();
    await open(h, "Komoditas");
    await h.send(OWNER, "Bali");
    await h.send(OWNER, "kopi kintamani, garam amed");
    await h.send(OWNER, "pertanian");
    await h.send(OWNER, "Jatim");
    await h.press(OWNER, "Lewati");
    await h.press(OWNER, "unggulan");
    await h.press(OWNER, "Perkuat Konektivitas");
    await h.press(OWNER, "Simpan");
    expect(h.ask("apa komoditas unggulan bali?").answer).toContain("kopi kintamani");

    await open(h, "Target");
    await h.send(OWNER, "Jatim");
    await h.send(OWNER, "pertumbuhan ekonomi");
    await h.press(OWNER, "lebih dari");
    expect(await h.say(OWNER, "abc")).toContain("Angka tidak dikenali");
    await h.send(OWNER, "5,5");
    await h.send(OWNER, "persen");
    await h.send(OWNER, "pada 2026");
    await h.press(OWNER, "Perkuat Konektivitas");
    await h.press(OWNER, "Simpan");
    expect(h.deps.knowledge.get().targets.find((t) => t.province === "35")).toMatchObject({ value: 5.5, comparator: "more_than" });
    expect(h.ask("berapa target pertumbuhan ekonomi jatim?").answer).toContain("5,5 persen");

    await open(h, "Singkatan");
    expect(await h.say(OWNER, "K A D I N !")).toContain("Singkatan hanya berisi");
    await h.send(OWNER, "KADIN");
    await h.send(OWNER, "Kamar Dagang dan Industri");
    await h.press(OWNER, "Perkuat Konektivitas");
    await h.press(OWNER, "Simpan");
    expect(h.ask("apa itu KADIN?").answer).toContain("Kamar Dagang dan Industri");
  });

  it("delete a record, and /batal in the middle saves nothing", async () => {
    const h = await TestChat.open();
    await open(h, "Singkatan", "BUMN");
    await h.press(OWNER, "Hapus");
    expect(h.last(OWNER)).toContain("Hapus Singkatan: BUMN");
    await h.press(OWNER, "Simpan");
    expect(findRecord(h.deps.knowledge.get(), "acronyms", "bumn")).toBeNull();

    const hash = h.deps.knowledge.hash();
    await open(h, "Singkatan");
    await h.send(OWNER, "KADIN");
    expect(await h.say(OWNER, "/riwayat")).toContain("/batal");
    expect(await h.say(OWNER, "/batal")).toContain("Dibatalkan");
    expect(h.deps.conversations.keys()).toHaveLength(0);
    // After /batal the text is a question again, not an answer to the form.
    expect(await h.say(OWNER, "Kamar Dagang dan Industri")).not.toContain("Sumber");
    expect(h.deps.knowledge.hash()).toBe(hash);
  });

  it("a change that breaks a reference is refused with the schema's message and nothing changes", async () => {
    const h = await TestChat.open();
    // Deleting Unmul would leave the MoU and an official pointing at nothing.
    await open(h, "Organisasi", "Universitas Mulawarman");
    await h.press(OWNER, "Hapus");
    await h.press(OWNER, "Simpan");
    expect(h.last(OWNER)).toContain("tidak ada");
    expect(h.deps.knowledge.get().organisations.some((o) => o.id === "unmul")).toBe(true);
  });
});
