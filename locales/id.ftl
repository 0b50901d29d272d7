## Answers: common parts

source-line = Sumber: “{ $title }”, { $publisher }{ $author }, { $date }.
data-as-of = Data per { $date }.
qualifier-more_than = lebih dari { $value }
qualifier-less_than = kurang dari { $value }
qualifier-about = sekitar { $value }
qualifier-exact = { $value }
not-available = Maaf, data { $what } belum tersedia di Sinergi.
fallback =
    Maaf, saya belum bisa menjawab pertanyaan itu. Saya menjawab seputar kerja sama ekonomi antarprovinsi: nilai kerja sama, acara, MoU, pejabat, komoditas, dan target ekonomi.
fallback-suggest = Mungkin maksud Anda:
role-gubernur = Gubernur
role-wakil-gubernur = Wakil Gubernur
role-rektor = Rektor
role-kepala-dinas = Kepala Dinas
role-bupati = Bupati
role-wali-kota = Wali Kota
role-direktur-utama = Direktur Utama
role-presiden = Presiden
role-menteri = Menteri
role-sekda = Sekretaris Daerah
role-ketua-dprd = Ketua DPRD
role-lainnya = Pejabat

## Answers: cooperation values

coop-year = Nilai kerja sama { $pair } pada tahun { $year } mencapai { $amount }.
coop-year-highest = Ini capaian tertinggi kerja sama kedua provinsi pada periode { $from }–{ $to }.
coop-share = Nilai tersebut { $share } dari { $shareOf }.
coop-cumulative = Nilai kumulatif kerja sama { $pair } per { $date } { $amount }.
coop-data-from = Data dari { $dataFrom }.
coop-rank = Kerja sama { $pair } tercatat sebagai yang terbesar nilainya dalam periode { $from }–{ $to } (peringkat { $position } di antara { $among }).
period-year = tahun { $year }
period-range = { $from }–{ $to }
period-cumulative = kumulatif per { $date }

## Answers: events

event-when = { $title } berlangsung pada { $date }{ $time }.
event-where = { $title } diadakan di { $venue }{ $address }, { $city } ({ $province }).
event-who = Yang hadir dalam { $title }: { $people }.
kind-misi-dagang = misi dagang
kind-penandatanganan-mou = penandatanganan MoU
kind-pameran = pameran
kind-forum-investasi = forum investasi
kind-kunjungan-kerja = kunjungan kerja
kind-lainnya = acara lainnya

## Answers: agreements, people, statements

mou-witness = { $people } hadir langsung dalam penandatanganan tersebut.
official-line = { $name } adalah { $role } { $place }.
official-nickname = Ia akrab disapa { $nickname }.
statement-quoted = { $name } ({ $office }) mengatakan: “{ $text }”
statement-reported = Menurut { $name } ({ $office }): { $text }
## Answers: commodities, targets, acronyms, source

commodity-line = Komoditas unggulan { $province } dari sektor { $sector }: { $items }. { $note }
target-line = Target { $indicator } { $province }: { $value } { $horizon }.
acronym-line = { $short } adalah singkatan dari { $long }.
## Answers: small talk and subscriptions

greeting = Halo! Saya Sinergi, asisten informasi kerja sama ekonomi antarprovinsi. Silakan bertanya, atau pilih salah satu contoh di bawah ini.
thanks = Sama-sama! Senang bisa membantu.
help =
    Saya bisa menjawab pertanyaan tentang kerja sama ekonomi antarprovinsi, misalnya:
    • nilai kerja sama (per tahun atau kumulatif)
    • acara: kapan, di mana, siapa yang hadir
    • MoU, pejabat, komoditas unggulan, target ekonomi, singkatan
    Tulis saja pertanyaan Anda seperti biasa mengetik di chat, atau pilih salah satu contoh di bawah ini. Pertanyaan lanjutan seperti “kalau 2024?” atau “itu di mana?” juga saya pahami. Perintah: /acara, /langganan, /bantuan.
subscribe-hint = Untuk menerima pengumuman dan pengingat acara, kirim /langganan lalu pilih jenis acara atau provinsi yang Anda minati.
unsubscribe-hint = Untuk berhenti menerima pengumuman, kirim /berhenti.

## Suggested questions (buttons)

## Bot

start =
    Selamat datang di Sinergi, { $name }! 👋
    Saya menjawab pertanyaan tentang kerja sama ekonomi antarprovinsi di Indonesia, lengkap dengan sumber dan tanggalnya.
    Coba salah satu pertanyaan di bawah ini, atau ketik pertanyaan Anda sendiri.
group-usage = Di grup, sebut saya (@{ $username }), balas pesan saya, atau gunakan /tanya <pertanyaan>.
tanya-empty = Tulis pertanyaannya setelah perintah, misalnya: /tanya kapan acara misi dagang berikutnya?
inline-title-answered = Jawaban Sinergi
inline-title-unanswered = Sinergi belum punya jawabannya
inline-empty = Ketik pertanyaan tentang kerja sama antarprovinsi
error-generic = Maaf, terjadi kesalahan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.
storage-failed = Maaf, perubahan Anda belum tersimpan: penyimpanan data bot sedang bermasalah (disk penuh atau hanya-baca). Data lama tetap berlaku. Silakan coba lagi beberapa saat lagi.

## Commands

cmd-start = Mulai dan lihat contoh pertanyaan
cmd-bantuan = Cara memakai Sinergi
cmd-help = Bantuan (sama dengan /bantuan)
cmd-tanya = Ajukan pertanyaan (di grup)

## Production

flood-notice = Mohon maaf, pesan Anda terlalu banyak dalam waktu singkat. Silakan tunggu { $seconds } detik, lalu kirim pertanyaan Anda lagi.
unhandled-media = Maaf, saya hanya bisa membaca pesan teks. Silakan ketik pertanyaan Anda. Ketik /bantuan untuk panduan dan contoh pertanyaan.
unhandled-command = Maaf, perintah itu tidak saya kenal. Ketik /bantuan untuk melihat cara memakai Sinergi, atau langsung tulis pertanyaan Anda.

## Events and subscriptions

cmd-acara = Lihat acara mendatang
cmd-langganan = Atur pengumuman dan pengingat acara
cmd-langgananku = Lihat langganan Anda
cmd-berhenti = Berhenti menerima pengumuman
events-none = Belum ada acara yang tercatat di Sinergi.
events-list-upcoming = Acara mendatang:
events-list-no-upcoming = Belum ada acara mendatang yang tercatat.
events-list-past = Acara terakhir:
events-list-line = { $n }. { $title } — { $date }, { $city }
events-list-page = Halaman { $page } dari { $pages }
events-list-hint = Pilih nomor acara untuk melihat detailnya.
events-gone = Acara itu sudah tidak ada di data Sinergi.
events-time-unknown = jam belum diumumkan
events-card-date = 🗓 Tanggal: { $date }
events-card-time = 🕘 Waktu: { $time }
events-card-venue = 📍 Tempat: { $venue }
events-card-city = 🏙 Kota: { $city }, { $province }
events-card-participants = 👥 Peserta: { $people }
events-card-more-people = dan { $n } orang lainnya
events-card-more-agenda = …dan { $n } butir agenda lainnya
events-card-agenda = Agenda:
events-btn-calendar = 📅 Tambah ke kalender
events-btn-location = 📍 Lokasi
events-btn-remind = 🔔 Ingatkan saya
events-btn-list = « Daftar acara
events-btn-prev = ◀ Sebelumnya
events-btn-next = Berikutnya ▶
events-ics-caption = Buka berkas ini untuk menambahkan “{ $title }” ke kalender Anda.
events-no-location = Koordinat lokasi acara ini belum tersedia.
events-remind-past = Acara ini sudah berlalu.
events-remind-ok-short = Pengingat dipasang.
events-remind-ok =
    Baik, saya akan mengingatkan Anda tentang “{ $title }” pada:
    { $times }
    Waktu mengikuti zona waktu tempat acara. Kirim /langgananku untuk melihat langganan Anda, atau /berhenti untuk berhenti.
events-remind-ok-soon = Baik, Anda tercatat untuk “{ $title }”. Acaranya sudah dekat, jadi tidak ada pengingat terjadwal lagi; perubahan acara tetap akan saya kabarkan.
events-announce-added = 📢 Acara baru
events-announce-changed = 📢 Perubahan acara
events-announce-manual = 📢 Pengumuman acara
events-reminder-soon = ⏰ Pengingat: acara ini berlangsung { $date }.
events-reminder-today = ⏰ Pengingat: acara ini berlangsung hari ini.
events-announce-footer = Anda menerima pesan ini karena berlangganan info acara Sinergi. Ubah dengan /langganan, hentikan dengan /berhenti.
events-progress = Mengirim pengumuman { $id }: { $sent } terkirim, { $failed } gagal, { $left } tersisa dari { $total }.
events-progress-done = Pengumuman { $id } selesai: { $sent } terkirim, { $failed } gagal (termasuk { $blocked } yang memblokir bot), dari { $total } pelanggan.
events-admin-only = Maaf, perintah ini hanya untuk admin.
events-announce-usage = Tulis id acaranya, misalnya: /umumkan { $ids }
events-announce-preparing = Menyiapkan pengumuman…
events-announce-exists = Pengumuman ini sudah dibuat sebelumnya ({ $id }): { $sent } dari { $total } terkirim.
events-announce-nobody = Belum ada pelanggan yang cocok dengan acara ini, jadi tidak ada yang dikirimi.
events-unknown = Tidak ada acara dengan id “{ $id }”.
subs-menu-intro =
    Pilih info acara yang ingin Anda terima. Anda akan mendapat pengumuman saat ada acara baru atau perubahan, serta pengingat sehari sebelumnya dan pada pagi hari acara.
    Tekan tombol untuk memilih atau membatalkan pilihan, lalu tekan “Selesai”.
subs-btn-all = Semua acara
subs-btn-provinces = Pilih provinsi ({ $n })
subs-btn-kinds = Pilih jenis acara ({ $n })
subs-btn-done = Selesai
subs-btn-back = « Kembali
subs-menu-outdated = Menu sudah diperbarui, silakan pilih lagi.
subs-none = Anda belum berlangganan info acara. Kirim /langganan untuk memilih acara yang ingin Anda ikuti.
subs-current = Langganan Anda:
subs-current-all = • semua acara
subs-current-provinces = • acara di provinsi: { $list }
subs-current-kinds = • jenis acara: { $list }
subs-current-both = (acara dikirim bila provinsi dan jenisnya sama-sama cocok)
subs-current-events = • pengingat acara: { $list }
subs-current-inactive = Pengiriman sedang nonaktif karena bot diblokir; kirim pesan apa saja untuk mengaktifkannya lagi.
subs-current-footer = Ubah dengan /langganan, hentikan semuanya dengan /berhenti.
subs-stopped = Baik, Anda tidak akan menerima pengumuman dan pengingat acara lagi. Kirim /langganan kapan saja untuk berlangganan kembali.
subs-stopped-none = Anda memang belum berlangganan apa pun. Kirim /langganan bila ingin menerima info acara.

## Admin

admin-refused = Maaf, perintah ini khusus untuk admin Sinergi. Silakan ajukan pertanyaan seperti biasa.
admin-owner-only = Maaf, hanya pemilik bot (admin pertama di ADMIN_IDS) yang dapat menambah atau menghapus admin.
admin-menu = Menu admin Sinergi. Pilih jenis data yang ingin ditambah atau diubah, atau tindakan lain di bawah ini. Kirim /batal kapan saja untuk berhenti tanpa menyimpan.
admin-btn-history = 🕘 Riwayat
admin-btn-undo = ↩️ Urungkan
admin-btn-export = 📤 Ekspor
admin-btn-import = 📥 Impor
admin-btn-unanswered = ❓ Belum terjawab
admin-btn-stats = 📊 Statistik
admin-btn-save = ✅ Simpan
admin-btn-cancel = ✖️ Batal
admin-btn-keep = ✔️ Tetap seperti sekarang
admin-btn-skip = ⏭ Lewati
admin-btn-clear = 🗑 Kosongkan
admin-btn-new = ➕ Tambah baru
admin-btn-edit = ✏️ Ubah
admin-btn-delete = 🗑 Hapus
admin-btn-new-source = ➕ Sumber baru
admin-btn-as-example = ➕ Contoh { $n }
admin-btn-add-fact = 📝 Fakta { $n }
admin-cancelled = Dibatalkan. Tidak ada yang disimpan.
admin-nothing-to-cancel = Tidak ada proses yang sedang berjalan.
admin-in-conversation = Anda sedang mengisi data. Jawab pertanyaan di atas, atau kirim /batal untuk berhenti tanpa menyimpan.
admin-expect-text = Mohon jawab dengan teks atau tekan salah satu tombol.
admin-stale-button = Tombol ini sudah tidak berlaku.
admin-press-button = Tekan “Simpan” untuk menyimpan atau “Batal” untuk membatalkan.
admin-saved = ✅ Tersimpan (perubahan #{ $seq }). Jawaban bot langsung memakai data baru. Lihat /riwayat, atau /urungkan untuk membatalkannya.
admin-invalid = Perubahan ini belum bisa disimpan karena datanya tidak lengkap atau tidak sesuai:
admin-fix-again = Silakan periksa lagi isiannya (tekan “Tetap seperti sekarang” untuk bagian yang sudah benar).
admin-conflict = ⚠️ Tidak disimpan: admin lain baru saja mengubah data yang sama. Nilai terbaru saat ini:
admin-conflict-gone = data ini sudah dihapus oleh admin lain.
admin-conflict-retry = Periksa nilai terbaru di atas, lalu ulangi perubahan Anda bila masih perlu.
admin-summary-title = Ringkasan perubahan:
admin-change-add = ➕ Tambah { $kind }: { $label }
admin-change-edit = ✏️ Ubah { $kind }: { $label }
admin-change-delete = 🗑 Hapus { $kind }: { $label }
admin-no-diff = (tidak ada yang berubah)
admin-confirm = Simpan perubahan ini?
admin-more = …dan { $n } perubahan lainnya.
admin-pick = { $kind }: pilih data yang ingin diubah, atau tambah baru.
admin-edit-or-delete = Ubah atau hapus data ini?
admin-err-record = Data “{ $detail }” tidak ditemukan.
admin-err-kind = Jenis data tidak dikenal.
admin-ask-field = ({ $n }/{ $total }) { $label }?
admin-current = Sekarang: { $value }
admin-optional = (Boleh dikosongkan: tekan “Lewati” atau kirim -)
admin-ask-source = Dari sumber mana data ini? Pilih sumber yang ada atau tambahkan sumber baru.
admin-ask-source-publisher = Penerbit sumber (misalnya: Biro Administrasi Pimpinan Pemprov Jatim)?
admin-ask-source-title = Judul sumber (judul berita atau dokumen)?
admin-ask-source-date = Tanggal terbit sumber (misalnya 8/5/2025 atau 8 Mei 2025)?
admin-ubahnilai-usage =
    Format: /ubahnilai <wilayah> <wilayah> <tahun> <jumlah>
    Contoh: /ubahnilai Jatim Kaltim 2024 Rp120 miliar
admin-err-ubahnilai = Perintahnya belum lengkap.
admin-err-empty = Isiannya masih kosong.
admin-err-too-long = Isiannya terlalu panjang (paling banyak { $detail } huruf).
admin-err-amount = Jumlah tidak dikenali. Tulis misalnya Rp165,7 miliar, 165,7 M, Rp 165.700.000.000, 1,2 triliun, atau 400 juta.
admin-err-amount-negative = Jumlah tidak boleh negatif.
admin-err-amount-zero = Jumlah harus lebih dari nol.
admin-err-amount-big = Jumlah itu terlalu besar; periksa lagi angka nol-nya.
admin-err-number = Angka tidak dikenali. Tulis misalnya 8 atau 8,5.
admin-err-year = Tahun harus empat angka, misalnya 2024.
admin-err-year-range = Tahun harus antara 1945 dan 2100.
admin-err-period = Periode tidak dikenali. Tulis tahun (2024), rentang tahun (2022-2024), atau “kumulatif 8/5/2025”.
admin-err-date = Tanggal tidak dikenali. Tulis misalnya 8/5/2025, 08-05-2025, 8 Mei 2025, besok, atau Kamis depan.
admin-err-date-invalid = Tanggal itu tidak ada di kalender. Periksa lagi hari dan bulannya.
admin-err-time = Jam tidak dikenali. Tulis misalnya 09.00 WITA, 14:30 WIB, atau 9 WIT.
admin-err-province = Provinsi “{ $detail }” tidak dikenal. Tulis nama lengkap atau singkatannya, misalnya Jawa Timur atau Jatim.
admin-err-province-one = Tulis satu provinsi saja, misalnya Kaltim.
admin-err-province-pair = Tulis dua provinsi yang berbeda, misalnya Jatim Kaltim.
admin-err-org = Organisasi “{ $detail }” belum ada di data. Tambahkan dulu lewat menu Organisasi, atau tulis namanya persis.
admin-err-org-one = Tulis satu organisasi saja.
admin-err-official = Pejabat “{ $detail }” belum ada di data. Tambahkan dulu lewat menu Pejabat, atau tulis namanya persis.
admin-err-position = Tulis peringkatnya sebagai angka, misalnya 2 (untuk peringkat kedua).
admin-err-parties = Kesepakatan butuh paling sedikit dua pihak, dipisahkan koma.
admin-err-acronym = Singkatan hanya berisi huruf atau angka (2–20 karakter), misalnya DPMPTSP.
admin-err-choice = Pilih salah satu tombol di bawah ini.
admin-hint-cooperationValues-provinces = Dua provinsi, misalnya: Jatim Kaltim
admin-hint-period = Tahun (2024), rentang (2022-2024), atau “kumulatif 8/5/2025”.
admin-hint-amount = Misalnya: Rp165,7 miliar, 165,7 M, Rp 165.700.000.000, atau 1,2 triliun.
admin-hint-date = Misalnya: 8/5/2025, 8 Mei 2025, 08-05-2025, besok, atau Kamis depan.
admin-hint-time = Misalnya: 09.00 WITA (tanpa zona, dipakai zona waktu provinsinya).
admin-hint-province = Nama lengkap atau singkatan, misalnya: Kaltim.
admin-hint-events-provinces = Provinsi yang terlibat, misalnya: Jatim, Kaltim.
admin-hint-targetMarkets = Provinsi tujuan pasar, misalnya: Jatim, Bali.
admin-hint-items = Pisahkan dengan koma, misalnya: udang windu, ikan bandeng.
admin-hint-rankings-provinces = Dua provinsi, misalnya: Jatim Kaltim
admin-hint-measure = Apa yang diperingkat, misalnya: nilai transaksi perdagangan
admin-hint-among = Di antara siapa, misalnya: mitra dagang Jawa Timur
admin-hint-official = Nama pejabat yang sudah ada di data, misalnya: Seno Aji
admin-hint-topic = Pokok pembicaraan singkat, misalnya: konektivitas antarprovinsi
admin-hint-parties = Nama atau singkatan organisasi, dipisahkan koma, misalnya: Unmul, Peruri.
admin-hint-organisation = Nama atau singkatan organisasi, misalnya: Unmul.
admin-hint-value = Angka saja, misalnya 8 atau 8,5.
admin-hint-unit = Misalnya: persen.
admin-hint-horizon = Misalnya: dalam tiga tahun mendatang.
admin-import-ask = Kirim berkas JSON basis pengetahuan (.json, atau .json.gz yang dimampatkan; paling besar { $max }), misalnya hasil /ekspor yang sudah diubah. Kirim /batal untuk berhenti.
admin-import-need-file = Kirim berkasnya sebagai dokumen (.json atau .json.gz), atau /batal untuk berhenti. (Di obrolan lokal tanpa BOT_TOKEN, tulis path berkasnya.)
admin-import-too-big = Berkas terlalu besar ({ $size }); batasnya { $max }. Tidak ada yang diubah.
admin-import-bad-gzip = Berkas .gz ini tidak dapat dibuka (rusak atau bukan gzip). Tidak ada yang diubah.
admin-import-download-failed = Berkas tidak dapat diunduh. Coba kirim lagi.
admin-import-invalid-json = Berkas ini bukan JSON yang valid ({ $detail }). Tidak ada yang diubah.
admin-import-invalid = Berkas ditolak: { $total } kesalahan ditemukan, tidak ada yang diubah. Kesalahan pertama:
admin-import-again = Perbaiki berkasnya lalu kirim lagi, atau /batal untuk berhenti.
admin-import-same = Isi berkas sama dengan data sekarang; tidak ada yang perlu diubah.
admin-import-summary = Impor “{ $file }”: { $added } ditambah, { $changed } diubah, { $removed } dihapus.
admin-import-saving = ⏳ Menyimpan impor ({ $n } perubahan)… Bot tetap menjawab pertanyaan selama itu.
admin-import-gone = Impor itu sudah tidak menunggu (sudah disimpan, dibatalkan, atau terlalu lama). Kirim /impor untuk mengulang.
admin-export-caption = Basis pengetahuan Sinergi (versi { $hash }). Ubah lalu kirim lagi lewat /impor.
admin-export-caption-gz = Basis pengetahuan Sinergi (versi { $hash }), dimampatkan dengan gzip karena besar. Buka dengan aplikasi arsip, ubah, lalu kirim lagi lewat /impor (boleh tetap .json.gz).
admin-history-title = Perubahan terakhir:
admin-history-empty = Belum ada perubahan yang tercatat.
admin-history-line = #{ $seq } · { $at } WIB · { $who } · { $action } { $label }
admin-history-count = ({ $n } data)
admin-action-add = menambah
admin-action-edit = mengubah
admin-action-delete = menghapus
admin-action-import = mengimpor
admin-action-undo = mengurungkan
admin-undo-nothing = Tidak ada perubahan yang bisa diurungkan.
admin-undo-heading = Urungkan perubahan #{ $seq } oleh { $who } ({ $at } WIB): { $label }
admin-unanswered-title = Pertanyaan yang paling sering belum terjawab. “Contoh” menambahkannya sebagai contoh pertanyaan; “Fakta” membuka isian data yang belum ada.
admin-unanswered-empty = Belum ada pertanyaan yang tidak terjawab.
admin-unanswered-gone = Pertanyaan itu sudah tidak ada di daftar.
admin-unanswered-pick-intent = “{ $question }” adalah contoh pertanyaan tentang apa?
admin-unanswered-learned = Tersimpan: “{ $question }” kini dikenali sebagai pertanyaan { $intent }.
admin-unanswered-bad-intent = Jenis pertanyaan itu tidak dikenal bot; tidak ada yang disimpan. Pilih salah satu tombol dari /belumterjawab.
admin-unanswered-add-fact = Data apa yang ingin ditambahkan?
admin-stats-title = 📊 Statistik Sinergi
admin-stats-total = Total { $asked } pertanyaan, { $answered } terjawab ({ $share }%).
admin-stats-days = Pertanyaan per hari (terjawab/total):
admin-stats-day = { $day }: { $answered }/{ $asked }
admin-stats-no-questions = Belum ada pertanyaan yang tercatat.
admin-stats-intents = Topik terbanyak:
admin-stats-subscribers = Pelanggan aktif info acara: { $n }
admin-list = Pemilik: { $owner }. Admin: { $list }.
admin-add-usage = Tulis id Telegram (angka) admin baru, misalnya: /tambahadmin 123456789
admin-remove-usage = Tulis id Telegram (angka) admin yang dihapus, misalnya: /hapusadmin 123456789
admin-added = { $id } sekarang admin.
admin-already = { $id } sudah menjadi admin.
admin-removed = { $id } bukan admin lagi.
admin-not-admin = { $id } bukan admin.
admin-owner-stays = Pemilik bot tidak dapat dihapus.
admin-kind-cooperationValues = Nilai kerja sama
admin-kind-events = Acara
admin-kind-organisations = Organisasi
admin-kind-agreements = Kesepakatan (MoU)
admin-kind-officials = Pejabat
admin-kind-commodities = Komoditas
admin-kind-targets = Target
admin-kind-acronyms = Singkatan
admin-kind-sources = Sumber
admin-kind-rankings = Peringkat
admin-kind-statements = Pernyataan
admin-choice-exact = tepat
admin-choice-yes = ya, kutipan langsung
admin-choice-no = tidak, diringkas
admin-choice-more_than = lebih dari
admin-choice-less_than = kurang dari
admin-choice-about = sekitar
admin-choice-misi-dagang = misi dagang
admin-choice-penandatanganan-mou = penandatanganan MoU
admin-choice-pameran = pameran
admin-choice-forum-investasi = forum investasi
admin-choice-kunjungan-kerja = kunjungan kerja
admin-choice-lainnya = lainnya
admin-choice-pemerintah-daerah = pemerintah daerah
admin-choice-universitas = universitas
admin-choice-bumn = BUMN
admin-choice-dinas = dinas
admin-choice-perusahaan = perusahaan
admin-choice-nota-kesepahaman = nota kesepahaman
admin-choice-perjanjian-kerja-sama = perjanjian kerja sama
admin-choice-gubernur = gubernur
admin-choice-wakil-gubernur = wakil gubernur
admin-choice-rektor = rektor
admin-choice-kepala-dinas = kepala dinas
admin-choice-bupati = bupati
admin-choice-wali-kota = wali kota
admin-choice-direktur-utama = direktur utama
admin-label-provinces = Provinsi
admin-label-period = Periode
admin-label-amount = Jumlah
admin-label-qualifier = Ketepatan angka
admin-label-note = Catatan
admin-label-title = Judul
admin-label-kind = Jenis
admin-label-date = Tanggal
admin-label-venue = Tempat
admin-label-address = Alamat
admin-label-city = Kota
admin-label-province = Provinsi
admin-label-time = Jam mulai
admin-label-timezone = Zona waktu
admin-label-purpose = Tujuan
admin-label-name = Nama
admin-label-short = Singkatan
admin-label-aliases = Nama lain
admin-label-parties = Pihak
admin-label-role = Jabatan
admin-label-organisation = Organisasi
admin-label-nickname = Nama panggilan
admin-label-items = Komoditas
admin-label-sector = Sektor
admin-label-targetMarkets = Pasar tujuan
admin-label-indicator = Indikator
admin-label-comparator = Pembanding
admin-label-value = Nilai
admin-label-unit = Satuan
admin-label-horizon = Jangka waktu
admin-label-long = Kepanjangan
admin-label-sourceId = Sumber
admin-label-validAsOf = Data per
admin-label-sharePercent = Porsi (persen)
admin-label-shareQualifier = Ketepatan porsi
admin-label-shareOf = Porsi dari
admin-label-highestOfPeriod = Tertinggi pada periode
admin-label-dataFrom = Data dari
admin-label-publisher = Penerbit
admin-label-position = Peringkat ke-
admin-label-measure = Yang diukur
admin-label-among = Di antara
admin-label-official = Pejabat
admin-label-topic = Topik
admin-label-text = Isi pernyataan
admin-label-quoted = Kutipan langsung
cmd-admin = Menu admin (khusus admin)
cmd-ubahnilai = Ubah nilai kerja sama satu tahun
cmd-riwayat = Riwayat perubahan data
cmd-urungkan = Urungkan perubahan terakhir
cmd-ekspor = Unduh basis pengetahuan (JSON)
cmd-impor = Unggah basis pengetahuan (JSON)
cmd-belumterjawab = Pertanyaan yang belum terjawab
cmd-statistik = Statistik pertanyaan
cmd-batal = Batalkan isian yang sedang berjalan
cmd-admins = Daftar admin
cmd-tambahadmin = Tambah admin (khusus pemilik)
cmd-hapusadmin = Hapus admin (khusus pemilik)

## Console chat

console-no-button = Tidak ada pilihan nomor { $n }. Ketik nomor 1–{ $max } untuk memilih, atau tulis pertanyaan Anda.

## Answers: details not in the source

role-wakil-rektor = Wakil Rektor
role-direktur = Direktur
role-wakil-bupati = Wakil Bupati
role-wakil-wali-kota = Wakil Wali Kota
role-ketua = Ketua
role-kapolda = Kepala Kepolisian
role-dirjen = Direktur Jenderal
role-deputi = Deputi
role-camat = Camat atau Lurah

## Answers: looked up from the records

ans-value-range = Nilai kerja sama { $pair } periode { $from }–{ $to } { $amount }.
ans-share-of-total = total nilai kerja sama
ans-rank = Kerja sama { $pair } berada di peringkat { $position } untuk { $measure } di antara { $among } ({ $period }).
ans-time-range = { $start } sampai { $end }
ans-event-when = { $title } berlangsung pada { $date }{ $time ->
    [none] {""}
   *[other] {" "}pukul { $time }
}.
ans-event-purpose = { $title } bertujuan { $purpose }.
ans-event-goals = Sasaran { $title }: { $goals }.
ans-event-agenda = Rangkaian { $title }:
ans-event-label = { $title } ({ $date }, { $city })
ans-org-city = { $name } berada di { $place }.
ans-org-people = Pejabat { $name } yang tercatat: { $people }.
ans-org-summary = { $name } adalah { $kind }{ $place ->
    [none] {""}
   *[other] {" "}di { $place }
}.
ans-mou-signed-by = Ditandatangani oleh { $people }.
ans-mou-parties = { $title } disepakati antara { $parties }.
ans-mou-purpose = Tujuan { $title }: { $purpose }.
ans-mou-when = { $title } ditandatangani pada { $date }.
ans-mou-where = { $title } ditandatangani dalam { $event } di { $venue }, { $city }.
ans-official-nickname = { $name } akrab disapa { $nickname }.
ans-commodity-origin = { $items } berasal dari { $origin }.
ans-commodity-market = { $items } dipasarkan ke { $markets }.
ans-source-author = Rilis “{ $title }” ditulis oleh { $author }.
ans-several = Ada { $count } { $kind } yang cocok:
ans-more = …dan { $count } lainnya. Sebutkan lebih spesifik (misalnya tahun, provinsi, atau kota) untuk mempersempit.
ans-choose = Ada { $count } { $kind } yang cocok. Maksud Anda yang mana?
ans-choose-hint = Pilih salah satu tombol, ketik nomornya, atau sebutkan lebih spesifik (misalnya tahun, provinsi, atau kota).
ans-cut = (Jawaban dipotong karena terlalu panjang. Silakan ajukan pertanyaan yang lebih spesifik.)
attr-summary-generic = tersebut
attr-summary = informasi
attr-when = tanggal
attr-time = jam
attr-where = tempat
attr-venue = nama tempat
attr-address = alamat
attr-city = kota
attr-province = provinsi
attr-who = nama pihak
attr-nickname = nama panggilan
attr-role = jabatan
attr-amount = nilai
attr-share = porsi (persentase)
attr-rank = peringkat
attr-period = periode
attr-asOf = tanggal data
attr-dataFrom = instansi asal data
attr-source = sumber
attr-author = penulis
attr-purpose = tujuan
attr-goals = manfaat
attr-agenda = rangkaian acara
attr-statement = pernyataan
attr-expansion = kepanjangan
attr-items = komoditas
attr-sector = sektor
attr-origin = asal
attr-market = pasar tujuan
attr-horizon = jangka waktu
attr-count = jumlah
attr-duration = durasi
kind-label-cooperationValues = nilai kerja sama
kind-label-rankings = peringkat kerja sama
kind-label-events = acara
kind-label-agreements = MoU
kind-label-officials = pejabat
kind-label-statements = pernyataan
kind-label-organisations = organisasi
kind-label-commodities = komoditas
kind-label-targets = target
kind-label-acronyms = singkatan
kind-label-sources = sumber
mod-cumulative = kumulatif
mod-total = total
mod-highest = tertinggi
mod-lowest = terendah
mod-upcoming = mendatang
mod-latest = terbaru
mod-first = pertama
mod-ordinal = berikutnya (urutan ke sekian)
mod-change = perubahan
mod-average = rata-rata
ask-kv-amount = Berapa nilai kerja sama { $subject }?
ask-kv-dataFrom = Dari instansi mana data nilai kerja sama { $subject }?
ask-kv-share = Berapa persen porsi nilai kerja sama { $subject }?
ask-rk-rank = Peringkat berapa kerja sama { $subject }?
ask-ev-when = Kapan { $subject }?
ask-ev-where = Di mana { $subject } diadakan?
ask-ev-who = Siapa saja yang hadir di { $subject }?
ask-ev-purpose = Apa tujuan { $subject }?
ask-ag-who = Dengan siapa { $subject } disepakati?
ask-ag-purpose = Apa tujuan { $subject }?
ask-ag-when = Kapan { $subject } ditandatangani?
ask-of-who = Siapa { $subject }?
ask-st-statement = Apa kata { $subject }?
ask-or-city = Di kota mana { $subject }?
ask-km-items = Apa komoditas unggulan { $subject }?
ask-tg-amount = Berapa target { $subject }?
ask-ak-expansion = Apa kepanjangan { $subject }?
ans-and = { $a } dan { $b }
ans-event-organisers = Penyelenggara { $title }: { $organisers }.
ans-event-title = Nama resmi acaranya: { $title } ({ $date }, { $city }).
ans-mou-signed-by-full = { $title } ditandatangani oleh { $people }.
ans-mou-witnesses = Penandatanganan { $title } disaksikan oleh { $people }.
attr-endTime = jam selesai
attr-participants = peserta
attr-parties = pihak
attr-signatories = penanda tangan
attr-witnesses = saksi
attr-organiser = penyelenggara
attr-title = nama resmi
attr-term = masa jabatan
attr-since = awal mula
ans-same-attr = Untuk { $count } { $kind } yang cocok, { $attr }: { $value }.
attr-represents = yang diwakili
mod-firstHalf = semester I
mod-secondHalf = semester II
mod-aggregate = gabungan semua provinsi
ans-event-zone = Waktu { $title } mengikuti zona waktu setempat di { $city }: { $zone }.
attr-zone = zona waktu
button-outdated = Tombol ini sudah tidak berlaku. Silakan ketik pertanyaan Anda.
ans-value-subject = { $pair } { $period }
ans-official-subject = { $role } { $place }

## Ingest
qualifier-up_to = hingga { $value }
period-event = pada acara { $date }
period-semester = pada semester { $half } tahun { $year }
period-annual = per tahun (sejak { $date })
period-unstated = (periode tidak disebutkan)
value-measure-kerja-sama = Nilai kerja sama { $pair }
value-measure-transaksi = Nilai transaksi { $pair }
value-measure-penjualan = Nilai penjualan { $seller } ke { $buyer }
value-measure-pembelian = Nilai pembelian { $buyer } dari { $seller }
value-measure-investasi = Nilai investasi { $pair }
value-measure-perdagangan = Nilai perdagangan { $pair }
value-measure-potensi = Potensi transaksi { $pair }
value-measure-surplus = Surplus perdagangan { $pair }
value-line = { $what } { $period } { $amount }{ $status }.
value-in-event = dalam { $title } ({ $date }, { $city })
value-status-sementara = (angka sementara, dicatat saat acara masih berlangsung)
value-status-sebelumnya = (capaian misi sebelumnya)
agreement-line = { $title }: { $kind } antara { $parties }, ditandatangani pada { $date }{ $event ->
    [none] {""}
   *[other] {" "}dalam { $event }
}.
agreement-purpose = Tujuannya { $purpose }.
ans-agreement-count = { $title }: { $count } { $kind }.
commodity-unggulan = Komoditas unggulan { $province }: { $items }. { $note }
commodity-jual = Komoditas yang dijual { $province }{ $markets ->
    [none] {""}
   *[other] {" "}ke { $markets }
}: { $items }. { $note }
commodity-beli = Komoditas yang dibeli { $province }{ $markets ->
    [none] {""}
   *[other] {" "}dari { $markets }
}: { $items }. { $note }
commodity-investasi = Investasi { $province } pada komoditas: { $items }. { $note }
official-line-office = { $name } adalah { $office }.
official-represents = Ia hadir mewakili { $name } ({ $office }).
role-pj-gubernur = Penjabat Gubernur
role-sekretaris-daerah = Sekretaris Daerah
count-line = Jumlah { $what } { $pair ->
    [none] {""}
   *[other] ({ $pair })
}: { $value }.
count-event = Jumlah { $what } dalam { $title } ({ $date }): { $value }.
count-ordinal = { $event ->
    [none] {""}
   *[other] { $event }:{" "}
}{ $what } ke-{ $value }.
kind-label-counts = jumlah
admin-kind-counts = Jumlah (peserta, transaksi)
ask-jm-count = Berapa jumlah { $subject }?
admin-choice-up_to = hingga
admin-choice-kerja-sama = nilai kerja sama
admin-choice-transaksi = transaksi
admin-choice-penjualan = penjualan
admin-choice-pembelian = pembelian
admin-choice-investasi = investasi
admin-choice-perdagangan = perdagangan
admin-choice-potensi = potensi
admin-choice-surplus = surplus
admin-choice-final = angka final
admin-choice-sementara = angka sementara
admin-choice-sebelumnya = misi sebelumnya
admin-choice-unggulan = unggulan
admin-choice-jual = dijual
admin-choice-beli = dibeli
admin-choice-loi = letter of intent (LoI)
admin-choice-pj-gubernur = penjabat gubernur
admin-choice-sekretaris-daerah = sekretaris daerah
admin-choice-wakil-bupati = wakil bupati
admin-choice-wakil-wali-kota = wakil wali kota
admin-label-status = Status angka
admin-label-seller = Provinsi penjual
admin-label-buyer = Provinsi pembeli
admin-label-count = Jumlah
admin-label-office = Jabatan seperti tertulis
admin-label-represents = Mewakili
admin-label-direction = Arah
admin-label-what = Yang dihitung
admin-hint-cooperationValues-measure = Yang diukur angka ini: nilai kerja sama, transaksi misi, penjualan, pembelian, investasi, perdagangan, potensi, atau surplus.
admin-hint-cooperationValues-period = Tahun (2024), rentang (2022-2024), “kumulatif 8/5/2025”, “acara 8/5/2025”, “semester 1 2022”, atau “per tahun 8/5/2025”.
admin-hint-seller = Provinsi yang menjual (untuk penjualan dan pembelian), misalnya: Jatim.
admin-hint-buyer = Provinsi yang membeli, misalnya: Banten.
admin-hint-agreements-provinces = Untuk penandatanganan antarprovinsi, misalnya: Kepri, Jateng, Lampung, Malut.
admin-hint-count = Berapa banyak, misalnya: 14.
admin-hint-office = Misalnya: Kepala Otoritas Jasa Keuangan (OJK) Jatim.
admin-hint-represents = Nama pejabat yang diwakili, misalnya: Khofifah Indar Parawansa.
admin-hint-what = Misalnya: pelaku usaha, transaksi, pelaku usaha Jatim.
admin-action-ingest = menambah dari rilis
cmd-rilis = Baca siaran pers menjadi data (admin)
rilis-ask = Silakan kirim siaran persnya: tempel teksnya (boleh dalam beberapa pesan), teruskan unggahan kanalnya, atau kirim berkas .txt, .docx, atau .pdf (paling besar { $max }). Ketik /batal untuk keluar.
rilis-more = Bagian { $n } diterima. Kirim bagian berikutnya bila ada, lalu tekan Selesai.
rilis-btn-done = Selesai
rilis-too-big = Berkas terlalu besar. Paling besar { $max }.
rilis-format = Format berkas belum bisa dibaca. Kirim .txt, .docx, atau .pdf.
rilis-expect = Mohon kirim teks siaran pers atau berkasnya.
rilis-found = Dari “{ $title }” terbaca { $n } fakta. ➕ baru, ✔️ sudah ada di data (tidak ditambahkan lagi), ⚠️ berbeda dengan data tersimpan (data tersimpan dipertahankan), ✖️ tidak disimpan.
rilis-known = sudah ada di data
rilis-stored = Tersimpan: { $value }
rilis-how = Ketik “hapus 3 5” untuk tidak menyimpan fakta nomor 3 dan 5, “kembalikan 3” untuk menyimpannya lagi, atau “pakai 7” untuk mengganti data tersimpan dengan angka dari rilis. Tekan Simpan bila sudah sesuai.
rilis-nothing-new = Semua fakta dari rilis ini sudah ada di data. Tidak ada yang perlu disimpan.
rilis-label = rilis
