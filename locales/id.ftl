## Answers: common parts

source-line = Sumber: “{ $title }”, { $publisher }{ $author }, { $date }.
data-as-of = Data per { $date }.
qualifier-more_than = lebih dari { $value }
qualifier-less_than = kurang dari { $value }
qualifier-about = sekitar { $value }
qualifier-exact = { $value }
not-available = Maaf, data { $what } belum tersedia di Sinergi.
available-intro = Yang tersedia saat ini: { $list }.
fallback =
    Maaf, saya belum bisa menjawab pertanyaan itu. Saya menjawab seputar kerja sama ekonomi antarprovinsi: nilai kerja sama, acara, MoU, pejabat, komoditas, dan target ekonomi.
fallback-suggest = Mungkin maksud Anda:
time-unknown = jam tidak disebutkan dalam sumber
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
coop-what-pair-year = nilai kerja sama { $pair } tahun { $year }
coop-what-pair = nilai kerja sama { $pair }
coop-what-pair-range = nilai kerja sama { $pair } periode { $from }–{ $to }
coop-available-item = { $pair } { $period } ({ $amount })
period-year = tahun { $year }
period-range = { $from }–{ $to }
period-cumulative = kumulatif per { $date }

## Answers: events

event-when = { $title } berlangsung pada { $date }{ $time }.
event-where = { $title } diadakan di { $venue }{ $address }, { $city } ({ $province }).
event-who = Yang hadir dalam { $title }: { $people }.
event-about = { $title } ({ $date }, { $city }) bertujuan { $purpose }.
event-goals = Sasarannya: { $goals }.
event-agenda = Rangkaian acara:
event-upcoming = Acara mendatang:
event-none-upcoming = Belum ada acara mendatang yang tercatat.
event-none-month = Belum ada acara yang tercatat pada { $month }.
event-latest = Acara terakhir yang tercatat:
event-line = • { $title } — { $date }, { $city }
event-what = acara { $filter }
event-what-generic = acara tersebut
event-available-item = { $title } ({ $date })
kind-misi-dagang = misi dagang
kind-penandatanganan-mou = penandatanganan MoU
kind-pameran = pameran
kind-forum-investasi = forum investasi
kind-kunjungan-kerja = kunjungan kerja
kind-lainnya = acara lainnya

## Answers: agreements, people, statements

mou-line = { $title }: nota kesepahaman antara { $parties }, ditandatangani pada { $date } dalam { $event }. Tujuannya { $purpose }.
mou-witness = { $people } hadir langsung dalam penandatanganan tersebut.
mou-no-signatory = Sumber tidak menyebut nama penanda tangannya.
mou-what = MoU atau nota kesepahaman { $filter }
official-line = { $name } adalah { $role } { $place }.
official-nickname = Ia akrab disapa { $nickname }.
official-what = { $role } { $place }
official-what-person = jabatan { $name }
official-available-item = { $name } ({ $role } { $place })
statement-quoted = { $name } ({ $role } { $place }) mengatakan: “{ $text }”
statement-reported = Menurut { $name } ({ $role } { $place }): { $text }
statement-what = pernyataan { $who }
benefit-intro = Kerja sama { $pair } diharapkan { $goals }.

## Answers: commodities, targets, acronyms, source

commodity-line = Komoditas unggulan { $province } dari sektor { $sector }: { $items }. { $note }
commodity-what = komoditas unggulan { $province }
commodity-what-item = komoditas { $item }
target-line = Target { $indicator } { $province }: { $value } { $horizon }.
target-what = target { $indicator } { $province }
acronym-line = { $short } adalah singkatan dari { $long }.
acronym-what = kepanjangan “{ $short }”
source-list = Semua jawaban Sinergi bersumber dari:
source-item = • “{ $title }”, { $publisher }, { $date }{ $author }

## Answers: small talk and subscriptions

greeting = Halo! Saya Sinergi, asisten informasi kerja sama ekonomi antarprovinsi. Silakan bertanya, misalnya tentang nilai kerja sama Jatim–Kaltim.
thanks = Sama-sama! Senang bisa membantu.
help =
    Saya bisa menjawab pertanyaan tentang kerja sama ekonomi antarprovinsi, misalnya:
    • nilai kerja sama (per tahun atau kumulatif)
    • acara: kapan, di mana, siapa yang hadir
    • MoU, pejabat, komoditas unggulan, target ekonomi, singkatan
    Tulis saja pertanyaan Anda, misalnya “brp nilai kerjasama jatim kaltim th 2023?”. Perintah: /acara, /langganan, /bantuan.
subscribe-hint = Untuk menerima pengumuman dan pengingat acara, kirim /langganan lalu pilih jenis acara atau provinsi yang Anda minati.
unsubscribe-hint = Untuk berhenti menerima pengumuman, kirim /berhenti.

## Suggested questions (buttons)

suggest-nilai_kerja_sama = Berapa nilai kerja sama Jatim–Kaltim tahun 2023?
suggest-nilai_kumulatif = Berapa nilai kumulatif kerja sama Jatim–Kaltim?
suggest-acara_waktu = Kapan misi dagang Jatim ke Kaltim?
suggest-acara_tempat = Di mana misi dagang Jatim ke Kaltim diadakan?
suggest-acara_peserta = Siapa saja yang hadir di misi dagang?
suggest-acara_tentang = Apa tujuan kunjungan Jatim ke Kaltim?
suggest-acara_daftar = Ada acara apa saja?
suggest-nota_kesepahaman = MoU apa yang ditandatangani?
suggest-pejabat = Siapa Wakil Gubernur Kaltim?
suggest-pernyataan = Apa kata Rektor Unmul tentang MoU?
suggest-manfaat_kerja_sama = Apa manfaat kerja sama bagi UMKM?
suggest-komoditas = Apa komoditas unggulan Kaltim?
suggest-target_ekonomi = Berapa target pertumbuhan ekonomi Kaltim?
suggest-akronim = Apa itu DPMPTSP?
suggest-sumber = Dari mana sumber datanya?

## Bot

start =
    Selamat datang di Sinergi, { $name }! 👋
    Saya menjawab pertanyaan tentang kerja sama ekonomi antarprovinsi di Indonesia, lengkap dengan sumber dan tanggalnya.
    Coba salah satu pertanyaan di bawah ini, atau ketik pertanyaan Anda sendiri.
group-usage = Di grup, sebut saya (@{ $username }), balas pesan saya, atau gunakan /tanya <pertanyaan>.
tanya-empty = Tulis pertanyaannya setelah perintah, misalnya: /tanya berapa nilai kerja sama Jatim–Kaltim 2023?
inline-title-answered = Jawaban Sinergi
inline-title-unanswered = Sinergi belum punya jawabannya
inline-empty = Ketik pertanyaan tentang kerja sama antarprovinsi
error-generic = Maaf, terjadi kesalahan saat memproses pesan Anda. Silakan coba lagi sebentar lagi.

## Commands

cmd-start = Mulai dan lihat contoh pertanyaan
cmd-bantuan = Cara memakai Sinergi
cmd-help = Bantuan (bahasa Inggris)
cmd-tanya = Ajukan pertanyaan (di grup)
