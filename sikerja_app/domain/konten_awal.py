"""The initial Informasi pages and FAQ, written for Si KERJA (issue 5).

Plain data: ``setup`` inserts what is missing (services/content.py) and admins edit it
afterwards in /admin/informasi and /admin/faq. The region, its head, its own rules and the
contact of Bagian Kerja Sama come from configuration (``Konteks``), so another region gets
text that names itself.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Konteks:
    wilayah: str  # "Kota Samarinda"
    provinsi: str  # "Provinsi Kalimantan Timur"
    kepala: str  # "Wali Kota Samarinda"
    aturan_daerah: tuple[str, ...]  # the region's own rules, as configured
    unit: str  # "Bagian Kerja Sama Sekretariat Daerah Kota Samarinda"
    alamat: str
    telepon: str
    email: str
    jam_layanan: str
    hari_pengingat: int  # working days before an approver is reminded
    batas_unggah_mb: int


@dataclass(frozen=True)
class SeedPage:
    key: str
    slug: str
    title: str
    summary: str
    body: str


@dataclass(frozen=True)
class SeedFaq:
    key: str
    category: str  # a key of SeedCategory
    question: str
    answer: str


@dataclass(frozen=True)
class SeedCategory:
    key: str
    name: str


def _apa_itu(k: Konteks) -> str:
    return f"""Kerja Sama Daerah (KSD) adalah usaha bersama antara Pemerintah {k.wilayah} dengan daerah lain,
dengan pihak ketiga, atau dengan lembaga di luar negeri, yang dituangkan dalam dokumen tertulis dan
menimbulkan hak serta kewajiban bagi para pihak.

## Mengapa daerah bekerja sama?

Tidak semua urusan pemerintahan dapat diselesaikan sendiri oleh satu daerah dengan hemat dan cepat.
Melalui kerja sama, daerah dapat:

- **meningkatkan pelayanan publik**, misalnya pengelolaan sampah, air minum atau transportasi yang
  melintasi batas wilayah;
- **menghemat biaya**, karena sarana, tenaga ahli dan anggaran dipakai bersama;
- **memanfaatkan keunggulan mitra**, seperti keahlian perguruan tinggi, teknologi perusahaan atau
  jaringan organisasi kemasyarakatan;
- **mendorong pembangunan ekonomi dan investasi** yang memberi manfaat nyata bagi warga.

## Prinsip yang dipegang

Kerja sama daerah dijalankan dengan prinsip efisiensi, efektivitas, sinergi, saling menguntungkan,
kesepakatan bersama, itikad baik, mengutamakan kepentingan nasional dan keutuhan wilayah Negara
Kesatuan Republik Indonesia, persamaan kedudukan, transparansi, keadilan, dan kepastian hukum.
Kerja sama juga tidak boleh bertentangan dengan peraturan perundang-undangan.

## Peran Bagian Kerja Sama

{k.unit} memfasilitasi seluruh proses: menerima dan memverifikasi permohonan, mengoordinasikan
pembahasan bersama Tim Koordinasi Kerja Sama Daerah (TKKSD), menyiapkan penandatanganan, mencatat
dokumen yang telah ditandatangani, serta memantau dan mengevaluasi pelaksanaannya. Si KERJA adalah
layanan daring untuk seluruh tahapan tersebut, sehingga pemohon tidak perlu datang berulang kali
hanya untuk menanyakan perkembangan."""


def _jenis(k: Konteks) -> str:
    return f"""Si KERJA melayani beberapa jenis kerja sama. Jenisnya menentukan dokumen dan jalur pembahasan.

## 1. Kerja sama dengan daerah lain (KSDD)

Kerja sama antara Pemerintah {k.wilayah} dengan pemerintah provinsi, kabupaten atau kota lain.

- **KSDD wajib** dilakukan untuk urusan pemerintahan yang dampaknya melintasi batas daerah, atau yang
  pelayanannya lebih efisien bila dikelola bersama. Contohnya pengelolaan daerah aliran sungai,
  jaringan jalan penghubung, atau tempat pemrosesan akhir sampah bersama. Bila daerah yang
  bersangkutan tidak melaksanakannya, pemerintah di atasnya dapat memfasilitasi atau mengambil alih.
- **KSDD sukarela** dilakukan atas kehendak masing-masing daerah karena dinilai bermanfaat, misalnya
  pertukaran data, promosi pariwisata bersama, atau peningkatan kapasitas aparatur.

## 2. Kerja sama dengan pihak ketiga (KSDPK)

Kerja sama dengan perseorangan, badan usaha yang berbadan hukum, organisasi kemasyarakatan, dan
lembaga nonpemerintah, termasuk perguruan tinggi, yayasan dan asosiasi. Objeknya antara lain
penyediaan pelayanan publik, pengelolaan aset daerah, penelitian dan pengembangan, peningkatan
kapasitas, serta investasi. Calon mitra mengajukan **surat penawaran** disertai **studi kelayakan**,
lalu dokumen kerja sama dibahas bersama TKKSD.

## 3. Sinergi dengan kementerian dan lembaga pusat

Kerja sama program antara Pemerintah {k.wilayah} dengan kementerian atau lembaga pemerintah pusat.
Bentuknya biasanya **Nota Kesepakatan** yang dilengkapi **rencana aksi** (siapa mengerjakan apa dan
kapan). Karena itu, dalam Si KERJA tahap Kesepakatan Bersama atau Perjanjian Kerja Sama dapat
ditandai *tidak diperlukan* oleh admin, dengan alasan yang tercatat.

## 4. Kerja sama dengan pihak luar negeri

Kerja sama dengan pemerintah daerah di luar negeri atau dengan lembaga di luar negeri **mengikuti
peraturan tersendiri** yang mengatur kerja sama luar negeri, termasuk koordinasi dengan kementerian
yang membidangi urusan dalam negeri dan urusan luar negeri. Sebelum mengajukan, konsultasikan rencana
kerja sama tersebut dengan Bagian Kerja Sama agar jalurnya tepat."""


def _langkah(k: Konteks) -> str:
    return f"""Berikut urutan layanan sebagaimana dijalankan di Si KERJA. Setiap perubahan tahap dikabarkan
melalui pemberitahuan di aplikasi dan email.

1. **Daftar akun.** Pemohon mendaftar sendiri di menu *Masuk → Daftar*. Akun admin dan TKKSD dibuat
   oleh Bagian Kerja Sama.
2. **Lengkapi Pengaturan.** Isi *Biodata* (nama, NIK, kontak, jabatan) dan *Instansi* (nama, jenis
   pemohon, alamat, kontak). Data ini diisi sekali dan otomatis dipakai di setiap permohonan. Rekan
   dari instansi yang sama cukup *bergabung* dengan instansi yang sudah terdaftar.
3. **Isi permohonan dalam tiga langkah.**
   - *Pemohon*: judul kerja sama, urusan pemerintahan, dan data instansi.
   - *Petugas*: PPKSD-1 (Anda) dan PPKSD-2 (rekan dari instansi yang sama).
   - *Persiapan*: perangkat daerah terkait dan sembilan uraian — latar belakang, maksud dan tujuan,
     lokasi, ruang lingkup, peran para pihak, jangka waktu, manfaat, analisis dampak, dan pembiayaan —
     masing-masing dengan batas jumlah kata. Terakhir, setujui pakta integritas.

   Draf tersimpan otomatis selama Anda mengetik. Setelah diajukan, Anda menerima **kode registrasi**
   dan tanda terima.
4. **Verifikasi.** Bagian Kerja Sama memeriksa kelengkapan. Permohonan dapat *diterima* dan masuk
   pembahasan, *dikembalikan* dengan catatan untuk diperbaiki lalu diajukan ulang, atau *ditolak*
   dengan alasan tertulis.
5. **Pembahasan bersama TKKSD**, tahap demi tahap:
   - *Penawaran kerja sama*: unggah Surat Penawaran kepada {k.kepala} dan studi kelayakan;
   - *Rancangan Kesepakatan Bersama (KB)*: unggah rancangan KB;
   - *Rancangan Perjanjian Kerja Sama (PKS)*: unggah rancangan PKS.

   Di setiap tahap tersedia ruang diskusi. Admin dan setiap anggota TKKSD yang ditugaskan memberi
   keputusan: setuju, atau minta revisi dengan catatan. Versi baru diunggah tanpa menghapus versi
   lama. Tahap berikutnya terbuka setelah semua penyetuju menyetujui versi yang sama.
6. **Penjadwalan.** Pilih cara penandatanganan: *meja ke meja* (dokumen diedarkan untuk ditandatangani)
   atau *tatap muka*. Untuk tatap muka, usulkan tanggal, jam dan tempat; Bagian Protokol dapat
   menerima, mengusulkan jadwal lain, atau mengalihkan ke meja ke meja. Jadwal yang disepakati dapat
   diunduh sebagai acara kalender.
7. **Penandatanganan.** Unggah salinan bertanda tangan dan nyatakan bahwa paraf, meterai dan stempel
   sudah lengkap. Admin memvalidasi atau mengembalikannya dengan alasan.
8. **Register kerja sama.** Admin mencatat nomor dokumen masing-masing pihak, tanggal penandatanganan
   dan masa berlaku. Kerja sama kemudian tercantum dalam register.
9. **Pelaksanaan, monitoring dan evaluasi.** Selama masa berlaku, pemohon dan perangkat daerah
   pelaksana menyampaikan laporan berkala. Bagian Kerja Sama menilai dan memberi rekomendasi:
   dilanjutkan, diperluas, atau dihentikan. Pengingat dikirim sebelum laporan jatuh tempo dan sebelum
   kerja sama berakhir.

Kemajuan permohonan dapat dilihat kapan saja di menu [Lacak](/lacak) dengan kode registrasi."""


def _dasar_hukum(k: Konteks) -> str:
    daerah = "\n".join(f"- {a}" for a in k.aturan_daerah) or "- Peraturan kepala daerah tentang kerja sama daerah."
    return f"""Layanan kerja sama daerah di {k.wilayah} berpedoman pada peraturan berikut.

## Peraturan nasional

- **Undang-Undang Nomor 23 Tahun 2014 tentang Pemerintahan Daerah** beserta perubahannya, yang memuat
  ketentuan pokok mengenai kerja sama daerah.
- **Peraturan Pemerintah Nomor 28 Tahun 2018 tentang Kerja Sama Daerah** — jenis kerja sama, para
  pihak, objek, prinsip, tahapan, serta pembinaan dan pengawasannya.
- **Peraturan Menteri Dalam Negeri Nomor 22 Tahun 2020 tentang Tata Cara Kerja Sama Daerah dengan
  Daerah Lain dan Kerja Sama Daerah dengan Pihak Ketiga** — tata cara persiapan, penawaran,
  penyiapan kesepakatan, penandatanganan, pelaksanaan, serta penatausahaan dan pelaporan.
- Peraturan tersendiri mengenai kerja sama daerah dengan pemerintah daerah dan lembaga di luar negeri.

## Peraturan daerah {k.wilayah}

{daerah}
- Keputusan {k.kepala} tentang pembentukan Tim Koordinasi Kerja Sama Daerah (TKKSD).

Teks lengkap peraturan dapat diperoleh dari jaringan dokumentasi dan informasi hukum (JDIH) resmi.
Bila ada perbedaan antara ringkasan di Si KERJA dan teks peraturan, yang berlaku adalah teks
peraturan."""


def _isi_dokumen(k: Konteks) -> str:
    return f"""Templat DOCX untuk setiap dokumen di bawah ini dapat diunduh di bagian **Templat dokumen** pada
halaman Informasi. Berkas diunggah dalam format PDF, DOCX, ODT, XLSX, JPG atau PNG, paling besar
{k.batas_unggah_mb} MB per berkas.

## Surat Penawaran

Ditujukan kepada {k.kepala} dan ditandatangani pimpinan instansi pemohon. Memuat:

- identitas instansi pemohon dan narahubung (PPKSD-1);
- maksud dan tujuan kerja sama;
- objek dan ruang lingkup kerja sama;
- bentuk kerja sama yang diusulkan dan perangkat daerah yang diharapkan terlibat;
- gambaran pembiayaan dan jangka waktu;
- lampiran: studi kelayakan dan dokumen legalitas instansi (bagi badan usaha atau lembaga).

## Studi kelayakan

Kajian yang menunjukkan bahwa kerja sama layak dan bermanfaat bagi daerah, sekurang-kurangnya berisi:

- latar belakang, maksud dan tujuan, serta dasar hukum;
- profil calon mitra: legalitas, pengalaman, kemampuan teknis dan keuangan;
- analisis teknis, ekonomi dan keuangan (biaya dan manfaat), sosial, lingkungan, dan hukum;
- risiko dan cara menanganinya;
- rencana pelaksanaan: tahapan, jadwal, pelaksana, dan indikator keberhasilan.

## Kesepakatan Bersama (KB)

Kesepahaman umum para pihak sebagai dasar perjanjian berikutnya. Memuat:

- identitas para pihak dan pejabat yang menandatangani;
- maksud dan tujuan;
- ruang lingkup;
- pelaksanaan (ditindaklanjuti dengan PKS);
- pembiayaan;
- jangka waktu;
- penyelesaian perselisihan, keadaan kahar, dan ketentuan perubahan;
- penutup dan tanda tangan.

## Perjanjian Kerja Sama (PKS)

Penjabaran teknis dari KB yang mengikat para pelaksana. Selain unsur KB, PKS memuat:

- objek kerja sama secara rinci;
- hak dan kewajiban masing-masing pihak;
- perangkat daerah pelaksana dan tim teknis;
- rincian pembiayaan dan sumbernya;
- pengelolaan aset dan hak kekayaan intelektual, bila ada;
- kerahasiaan dan pelindungan data pribadi;
- pelaporan, monitoring dan evaluasi;
- sanksi, berakhirnya kerja sama, dan alamat korespondensi para pihak."""


def _kontak(k: Konteks) -> str:
    rows = [f"- **Alamat:** {k.alamat}"]
    if k.telepon:
        rows.append(f"- **Telepon:** [{k.telepon}](tel:{''.join(c for c in k.telepon if c.isdigit() or c == '+')})")
    if k.email:
        rows.append(f"- **Email:** [{k.email}](mailto:{k.email})")
    rows.append(f"- **Jam layanan:** {k.jam_layanan}")
    lines = "\n".join(rows)
    return f"""**{k.unit}**

{lines}

Untuk pertanyaan tentang permohonan yang sedang berjalan, gunakan ruang diskusi pada tahap pembahasan
di Si KERJA: pesan tersimpan dan terbaca oleh admin serta anggota TKKSD yang menangani permohonan
Anda. Sebutkan kode registrasi bila menghubungi kami melalui telepon atau email."""


def pages(k: Konteks) -> list[SeedPage]:
    return [
        SeedPage("apa-itu", "apa-itu-kerja-sama-daerah", "Apa itu Kerja Sama Daerah",
                 "Pengertian, tujuan dan prinsip kerja sama daerah, serta peran Bagian Kerja Sama.", _apa_itu(k)),
        SeedPage("jenis", "jenis-kerja-sama", "Jenis kerja sama",
                 "Dengan daerah lain (wajib dan sukarela), pihak ketiga, Sinergi pusat, dan pihak luar negeri.",
                 _jenis(k)),
        SeedPage("langkah", "langkah-pengajuan", "Langkah pengajuan di Si KERJA",
                 "Alur layanan (SOP) dari pendaftaran akun sampai monitoring dan evaluasi.", _langkah(k)),
        SeedPage("dasar-hukum", "dasar-hukum", "Dasar hukum",
                 "PP 28/2018, Permendagri 22/2020, dan peraturan daerah yang berlaku.", _dasar_hukum(k)),
        SeedPage("isi-dokumen", "isi-dokumen", "Isi dokumen kerja sama",
                 "Yang harus dimuat Surat Penawaran, studi kelayakan, Kesepakatan Bersama dan PKS.",
                 _isi_dokumen(k)),
        SeedPage("kontak", "kontak", "Kontak Bagian Kerja Sama",
                 "Alamat, telepon, email dan jam layanan.", _kontak(k)),
    ]


CATEGORIES = (
    SeedCategory("umum", "Umum"),
    SeedCategory("pengajuan", "Pengajuan"),
    SeedCategory("dokumen", "Dokumen"),
    SeedCategory("pembahasan", "Pembahasan dan persetujuan"),
    SeedCategory("penandatanganan", "Penandatanganan"),
    SeedCategory("pelaksanaan", "Pelaksanaan dan perpanjangan"),
)


def faqs(k: Konteks) -> list[SeedFaq]:
    return [
        SeedFaq("siapa", "umum", "Siapa saja yang dapat mengajukan kerja sama melalui Si KERJA?",
                f"""Permohonan dapat diajukan oleh petugas dari delapan jenis pemohon:

1. perangkat daerah di lingkungan Pemerintah {k.wilayah};
2. perangkat daerah di lingkungan Pemerintah {k.provinsi};
3. perangkat daerah pemerintah kota/kabupaten lain;
4. perguruan tinggi;
5. organisasi nonpemerintah;
6. lembaga, organisasi, asosiasi atau yayasan;
7. badan hukum publik;
8. perusahaan.

Petugas yang mengajukan disebut PPKSD-1 dan harus memiliki akun dengan biodata serta data instansi
yang lengkap."""),
        SeedFaq("biaya", "umum", "Apakah layanan ini dipungut biaya?",
                """Tidak. Pendaftaran akun, pengajuan, pembahasan dan pelacakan di Si KERJA tidak dipungut biaya.
Biaya pelaksanaan kerja sama itu sendiri diatur dalam dokumen kerja sama sesuai kesepakatan para
pihak."""),
        SeedFaq("lama", "umum", "Berapa lama proses sampai kerja sama ditandatangani?",
                f"""Lamanya bergantung pada kelengkapan permohonan dan jumlah putaran revisi di setiap tahap
pembahasan (Penawaran, Kesepakatan Bersama, Perjanjian Kerja Sama). Agar tidak ada yang tertahan,
Si KERJA mencatat sudah berapa lama setiap tahap menunggu, dan mengingatkan penyetuju yang belum
memberi keputusan setelah {k.hari_pengingat} hari kerja. Permohonan yang lengkap dan rancangan yang
disusun mengikuti templat biasanya lebih cepat selesai."""),
        SeedFaq("kb-pks", "umum", "Apa bedanya Kesepakatan Bersama dan Perjanjian Kerja Sama?",
                """**Kesepakatan Bersama (KB)** memuat kesepahaman umum: tujuan, ruang lingkup dan jangka waktu,
ditandatangani oleh pimpinan tertinggi para pihak.

**Perjanjian Kerja Sama (PKS)** menjabarkan KB secara teknis: hak dan kewajiban, pelaksana,
pembiayaan, pelaporan dan sanksi. PKS biasanya ditandatangani oleh pejabat yang akan melaksanakan
kerja sama."""),
        SeedFaq("persiapan", "pengajuan", "Apa yang perlu disiapkan sebelum mengisi permohonan?",
                """Lengkapi dahulu **Biodata** dan **Instansi** di menu Pengaturan. Lalu siapkan bahan untuk sembilan
uraian pada langkah Persiapan: latar belakang (maks. 300 kata), maksud dan tujuan (500), lokasi
(100), ruang lingkup (500), peran para pihak (500), jangka waktu (100), manfaat (500), analisis dampak
sosial, ekonomi dan lingkungan (1.000), serta pembiayaan (150). Tentukan juga rekan yang akan menjadi
PPKSD-2 dan perangkat daerah yang terkait."""),
        SeedFaq("ppksd2", "pengajuan", "Apa itu PPKSD-1 dan PPKSD-2?",
                """PPKSD adalah petugas pemohon yang mengurus kerja sama. **PPKSD-1** adalah orang yang mengisi dan
mengajukan permohonan. **PPKSD-2** adalah petugas kedua dari instansi yang sama yang dipilih oleh
PPKSD-1. Keduanya dapat mengunggah dokumen, berdiskusi dan menerima pemberitahuan, sehingga
permohonan tetap berjalan ketika salah satu berhalangan."""),
        SeedFaq("ppksd2-tidak-ada", "pengajuan",
                "Rekan saya tidak muncul dalam daftar PPKSD-2. Apa yang harus dilakukan?",
                """Daftar PPKSD-2 hanya memuat pengguna dari instansi yang sama. Minta rekan Anda mendaftar akun,
lalu di menu **Pengaturan → Instansi** memilih *Gabung instansi yang sudah terdaftar* dan mencari nama
instansi Anda. Setelah itu namanya dapat dipilih pada langkah Petugas."""),
        SeedFaq("draf", "pengajuan", "Apakah isian saya hilang bila koneksi terputus atau tab tertutup?",
                """Tidak. Setiap isian disimpan sebagai draf di server saat Anda mengetik. Buka kembali menu
Pengajuan untuk melanjutkan draf tersebut. Mengirim permohonan dua kali juga tidak membuat permohonan
ganda."""),
        SeedFaq("pakta", "pengajuan", "Apa itu pakta integritas dan mengapa wajib disetujui?",
                f"""Pakta integritas adalah pernyataan bahwa data yang Anda isi benar, bahwa Anda menerima keputusan
pemerintah daerah, menggunakan layanan secara bertanggung jawab, dan mematuhi kebijakan kerja sama
{k.wilayah}. Permohonan tidak dapat diajukan tanpa persetujuan ini. Siapa yang menyetujui, kapan,
dan dari alamat mana dicatat oleh sistem."""),
        SeedFaq("lacak", "pengajuan", "Bagaimana cara mengikuti perkembangan permohonan?",
                """Ada tiga cara:

- buka menu **Pengajuan** setelah masuk untuk melihat tahap dan catatan terbaru;
- perhatikan **pemberitahuan** (ikon lonceng) dan email yang dikirim setiap ada perubahan;
- siapa pun yang memegang kode registrasi dapat membuka menu [Lacak](/lacak) untuk melihat tahap dan
  tanggalnya, tanpa data pribadi."""),
        SeedFaq("dikembalikan", "pengajuan", "Permohonan saya dikembalikan. Apa artinya?",
                """*Dikembalikan* berarti ada yang perlu diperbaiki, bukan ditolak. Baca catatan admin pada halaman
detail permohonan, perbaiki isian yang disebutkan, lalu ajukan kembali. Kode registrasi tetap sama."""),
        SeedFaq("ditolak", "pengajuan", "Apa yang terjadi bila permohonan ditolak?",
                """Penolakan bersifat final untuk permohonan tersebut, dan alasannya dicantumkan pada halaman detail
permohonan serta dalam pemberitahuan. Bila pokok persoalannya dapat diatasi, misalnya ruang lingkup
diubah atau mitra pelaksana diganti, Anda dapat mengajukan permohonan baru. Konsultasikan terlebih
dahulu dengan Bagian Kerja Sama agar permohonan berikutnya tidak ditolak karena alasan yang sama."""),
        SeedFaq("dokumen-apa", "dokumen", "Dokumen apa saja yang perlu diunggah?",
                """Dokumen diunggah bertahap sesuai tahap pembahasan:

1. **Penawaran**: Surat Penawaran yang ditujukan kepada kepala daerah dan studi kelayakan;
2. **Kesepakatan Bersama**: rancangan KB;
3. **Perjanjian Kerja Sama**: rancangan PKS;
4. **Penandatanganan**: salinan dokumen yang telah ditandatangani.

Isi minimal setiap dokumen dijelaskan di halaman Informasi *Isi dokumen kerja sama*."""),
        SeedFaq("format", "dokumen", "Format dan ukuran berkas apa yang diterima?",
                f"""Berkas PDF, DOCX, ODT, XLSX, JPG dan PNG, paling besar {k.batas_unggah_mb} MB per berkas.
Jenis berkas diperiksa dari isinya, bukan dari namanya, sehingga berkas yang diganti ekstensinya akan ditolak.
Untuk dokumen yang sudah ditandatangani, gunakan PDF hasil pindaian yang terbaca jelas."""),
        SeedFaq("templat", "dokumen", "Apakah tersedia contoh format Surat Penawaran, KB dan PKS?",
                """Ya. Di menu **Informasi**, bagian *Templat dokumen*, tersedia kerangka Surat Penawaran, studi
kelayakan, Kesepakatan Bersama dan Perjanjian Kerja Sama dalam format DOCX. Bagian bertanda kurung
siku dan berlatar kuning adalah isian yang perlu Anda sesuaikan."""),
        SeedFaq("penyetuju", "pembahasan", "Siapa yang membahas dan menyetujui dokumen saya?",
                """Admin Bagian Kerja Sama dan anggota Tim Koordinasi Kerja Sama Daerah (TKKSD) yang ditugaskan pada
permohonan Anda. Sebuah tahap dinyatakan selesai bila admin dan setiap anggota TKKSD yang ditugaskan
menyetujui versi dokumen yang sama."""),
        SeedFaq("revisi", "pembahasan", "Bagaimana bila saya diminta merevisi dokumen?",
                """Baca catatan revisi yang menyebut dokumen mana yang perlu diubah, lalu unggah versi barunya pada
tahap yang sama. Versi lama tetap tersimpan sebagai arsip. Gunakan ruang diskusi tahap tersebut bila
ada yang perlu diperjelas; pesan tidak dapat diubah atau dihapus sehingga menjadi catatan resmi
pembahasan."""),
        SeedFaq("tanpa-kb", "pembahasan", "Apakah setiap kerja sama harus melalui KB dan PKS?",
                """Tidak selalu. Admin dapat menandai tahap Kesepakatan Bersama atau Perjanjian Kerja Sama *tidak
diperlukan* dengan alasan yang tercatat. Contohnya kerja sama Sinergi dengan kementerian atau lembaga
pusat yang memakai Nota Kesepakatan beserta rencana aksi."""),
        SeedFaq("cara-ttd", "penandatanganan", "Bagaimana cara penandatanganan dilakukan?",
                """Ada dua cara yang dapat Anda pilih pada tahap Penjadwalan:

- **Meja ke meja**: dokumen diedarkan dan ditandatangani para pihak di tempat masing-masing.
- **Tatap muka**: Anda mengusulkan tanggal, jam dan tempat. Bagian Protokol dapat menerima usulan,
  mengusulkan jadwal lain, atau mengalihkan ke meja ke meja. Bila Protokol mengusulkan jadwal lain,
  Anda dapat menerimanya atau mengajukan usulan baru.

Jadwal yang sudah disepakati dapat diunduh sebagai acara kalender."""),
        SeedFaq("salinan-ttd", "penandatanganan", "Apa yang diperiksa dari salinan bertanda tangan?",
                """Saat mengunggah, Anda menyatakan bahwa **paraf**, **meterai** dan **stempel** sudah lengkap. Admin
memeriksa salinan tersebut lalu memvalidasinya atau mengembalikannya dengan alasan. Setelah valid,
admin mencatat nomor dokumen para pihak, tanggal penandatanganan dan masa berlaku ke dalam register."""),
        SeedFaq("monev", "pelaksanaan", "Apa kewajiban pemohon setelah kerja sama ditandatangani?",
                """Selama masa berlaku, PPKSD menyampaikan laporan monitoring dan evaluasi secara berkala: kemajuan,
keluaran, kendala, dan bukti pendukung. Perangkat daerah pelaksana menyampaikan laporannya sendiri.
Bagian Kerja Sama menilai laporan dan memberi rekomendasi agar kerja sama dilanjutkan, diperluas,
atau dihentikan. Pengingat dikirim sebelum laporan jatuh tempo."""),
        SeedFaq("perpanjangan", "pelaksanaan", "Bagaimana cara memperpanjang kerja sama yang akan berakhir?",
                """Si KERJA mengirim pengingat 90, 60, 30 dan 7 hari sebelum kerja sama berakhir, serta pada hari
terakhirnya. Perpanjangan diajukan sebagai **permohonan baru** yang ditautkan dengan kerja sama lama,
sehingga hasil monitoring dan evaluasi sebelumnya ikut menjadi bahan pertimbangan. Ajukan
perpanjangan jauh sebelum tanggal berakhir agar tidak ada jeda."""),
        SeedFaq("luar-negeri", "pelaksanaan", "Apakah kerja sama dengan pihak luar negeri dapat diajukan di sini?",
                """Kerja sama dengan pemerintah daerah atau lembaga di luar negeri mengikuti peraturan tersendiri dan
melibatkan koordinasi dengan pemerintah pusat. Hubungi Bagian Kerja Sama terlebih dahulu untuk
memastikan jalur dan dokumen yang diperlukan sebelum mengajukan."""),
    ]
