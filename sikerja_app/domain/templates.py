"""Outlines of the documents an applicant drafts: Surat Penawaran, studi kelayakan, KB and PKS.

Plain data (the DOCX is built from it by services/templates.py). Text in [square brackets]
is what the applicant fills in; it is highlighted in the generated file. The host region and
its head come from configuration, passed in as ``Wilayah``.
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Wilayah:
    nama: str  # "Kota Samarinda"
    kepala: str  # "Wali Kota Samarinda"
    singkat: str  # "Samarinda"


# A block is (kind, text): "title" centred bold, "center" centred, "h" a heading, "p" a paragraph,
# "li" a bullet, "num" a numbered item, "sign" a two-column signature table (text = "left|right").
Block = tuple[str, str]


@dataclass(frozen=True)
class Template:
    kind: str
    title: str
    description: str
    blocks: tuple[Block, ...]

    @property
    def filename(self) -> str:
        return f"Templat-{self.title.replace(' ', '-')}.docx"


def _surat_penawaran(w: Wilayah) -> tuple[Block, ...]:
    return (
        ("center", "[KOP SURAT INSTANSI PEMOHON: nama, alamat, telepon, email, laman]"),
        ("p", "[Kota], [tanggal bulan tahun]"),
        ("p", "Nomor\t: [nomor surat]\nSifat\t: Penting\nLampiran\t: 1 (satu) berkas studi kelayakan\n"
              "Perihal\t: Penawaran Kerja Sama tentang [judul kerja sama]"),
        ("p", f"Yth. {w.kepala}\ndi\n{w.singkat}"),
        ("p", f"Dengan hormat, dalam rangka [alasan singkat kerja sama], [nama instansi pemohon] bermaksud "
              f"menawarkan kerja sama kepada Pemerintah {w.nama} dengan pokok-pokok sebagai berikut:"),
        ("num", "Maksud dan tujuan: [uraikan maksud dan tujuan kerja sama]."),
        ("num", "Objek dan ruang lingkup: [kegiatan yang akan dikerjakan bersama]."),
        ("num", "Bentuk kerja sama yang diusulkan: Kesepakatan Bersama yang ditindaklanjuti dengan "
                "Perjanjian Kerja Sama [atau bentuk lain]."),
        ("num", f"Perangkat daerah {w.nama} yang diharapkan terlibat: [nama perangkat daerah]."),
        ("num", "Pembiayaan: [sumber dan gambaran besaran biaya, serta pembagian beban para pihak]."),
        ("num", "Jangka waktu: [lamanya kerja sama, misalnya 3 (tiga) tahun]."),
        ("num", "Narahubung (PPKSD-1): [nama, jabatan, nomor telepon, email]."),
        ("p", "Sebagai bahan pertimbangan, bersama ini kami lampirkan studi kelayakan [dan dokumen legalitas "
              "instansi]. Demikian penawaran ini kami sampaikan. Atas perhatian dan kerja sama Bapak/Ibu, "
              "kami ucapkan terima kasih."),
        ("sign", "|[Jabatan pimpinan instansi],\n\n\n\n[Nama lengkap]\n[NIP/nomor induk, bila ada]"),
        ("p", f"Tembusan:\n1. Sekretaris Daerah {w.nama};\n2. Kepala Bagian Kerja Sama Sekretariat Daerah "
              f"{w.nama}."),
    )


def _studi_kelayakan(w: Wilayah) -> tuple[Block, ...]:
    return (
        ("title", "STUDI KELAYAKAN\nKERJA SAMA [JUDUL KERJA SAMA]"),
        ("center", f"antara Pemerintah {w.nama} dan [nama calon mitra]"),
        ("h", "BAB I  PENDAHULUAN"),
        ("li", "Latar belakang: [kondisi dan masalah yang hendak diselesaikan, data pendukung]."),
        ("li", "Maksud dan tujuan: [hasil yang ingin dicapai]."),
        ("li", "Dasar hukum: [peraturan yang relevan dengan objek kerja sama]."),
        ("h", "BAB II  GAMBARAN UMUM PARA PIHAK"),
        ("li", f"Pemerintah {w.nama}: [perangkat daerah terkait dan tugasnya]."),
        ("li", "Calon mitra: [legalitas, bidang usaha/kegiatan, pengalaman kerja sama serupa, "
               "kemampuan teknis dan keuangan]."),
        ("h", "BAB III  OBJEK DAN RUANG LINGKUP"),
        ("li", "Objek kerja sama: [barang/jasa/kegiatan yang dikerjasamakan]."),
        ("li", "Lokasi: [lokasi pelaksanaan]."),
        ("li", "Ruang lingkup: [rincian kegiatan]."),
        ("h", "BAB IV  ANALISIS KELAYAKAN"),
        ("li", "Aspek teknis: [kesiapan sarana, metode, tenaga]."),
        ("li", "Aspek ekonomi dan keuangan: [perkiraan biaya, manfaat, dan perbandingan keduanya]."),
        ("li", "Aspek sosial: [dampak bagi masyarakat dan pelayanan publik]."),
        ("li", "Aspek lingkungan: [dampak lingkungan dan cara pengendaliannya]."),
        ("li", "Aspek hukum: [kesesuaian dengan peraturan, perizinan yang diperlukan]."),
        ("h", "BAB V  RISIKO DAN MITIGASI"),
        ("li", "[Risiko utama], [kemungkinan dan dampaknya], [langkah mitigasi]."),
        ("h", "BAB VI  RENCANA PELAKSANAAN"),
        ("li", "Tahapan dan jadwal: [tahapan kegiatan per bulan/tahun]."),
        ("li", "Pelaksana dan pembagian peran: [tim para pihak]."),
        ("li", "Indikator keberhasilan: [ukuran yang dapat diperiksa]."),
        ("li", "Monitoring dan evaluasi: [cara dan jadwal pelaporan]."),
        ("h", "BAB VII  KESIMPULAN DAN REKOMENDASI"),
        ("p", "[Kesimpulan apakah kerja sama layak, dan rekomendasi bentuk kerja samanya.]"),
        ("h", "LAMPIRAN"),
        ("li", "[Data pendukung, profil dan legalitas calon mitra, rencana anggaran biaya.]"),
    )


def _pembukaan(w: Wilayah, jenis: str) -> tuple[Block, ...]:
    return (
        ("p", "Pada hari ini [hari], tanggal [tanggal dalam huruf], bulan [bulan], tahun [tahun dalam huruf], "
              "bertempat di [tempat], yang bertanda tangan di bawah ini:"),
        ("num", f"[Nama pejabat], [jabatan], dalam hal ini bertindak untuk dan atas nama Pemerintah {w.nama}, "
                f"berkedudukan di [alamat], selanjutnya disebut PIHAK KESATU;"),
        ("num", "[Nama pejabat], [jabatan], dalam hal ini bertindak untuk dan atas nama [nama mitra], "
                "berkedudukan di [alamat], selanjutnya disebut PIHAK KEDUA."),
        ("p", f"PIHAK KESATU dan PIHAK KEDUA, yang selanjutnya bersama-sama disebut PARA PIHAK, sepakat "
              f"mengadakan {jenis} dengan ketentuan sebagai berikut:"),
    )


def _pasal(n: int, judul: str, *isi: str) -> tuple[Block, ...]:
    return (("h", f"Pasal {n}\n{judul}"), *(("num" if len(isi) > 1 else "p", t) for t in isi))


def _kesepakatan_bersama(w: Wilayah) -> tuple[Block, ...]:
    pasal = (
        ("MAKSUD DAN TUJUAN", "Maksud Kesepakatan Bersama ini adalah [maksud].",
         "Tujuan Kesepakatan Bersama ini adalah [tujuan]."),
        ("RUANG LINGKUP", "[Bidang kegiatan pertama];", "[Bidang kegiatan kedua];", "[dan seterusnya]."),
        ("PELAKSANAAN", "Pelaksanaan Kesepakatan Bersama ini ditindaklanjuti dengan Perjanjian Kerja Sama yang "
                        "disusun oleh perangkat daerah terkait dan PIHAK KEDUA."),
        ("PEMBIAYAAN", "Biaya pelaksanaan dibebankan kepada [sumber biaya] sesuai ketentuan peraturan "
                       "perundang-undangan."),
        ("JANGKA WAKTU", "Kesepakatan Bersama ini berlaku selama [jangka waktu] terhitung sejak tanggal "
                         "ditandatangani dan dapat diperpanjang atas persetujuan PARA PIHAK."),
        ("MONITORING DAN EVALUASI", "PARA PIHAK melaksanakan monitoring dan evaluasi pelaksanaan kerja sama "
                                    "paling sedikit [sekali dalam setahun]."),
        ("PENYELESAIAN PERSELISIHAN", "Perselisihan yang timbul diselesaikan secara musyawarah untuk mufakat."),
        ("KEADAAN KAHAR", "Pihak yang mengalami keadaan kahar memberitahukannya secara tertulis kepada pihak "
                          "lain paling lambat [jumlah] hari sejak keadaan kahar terjadi."),
        ("PERUBAHAN", "Hal yang belum diatur atau perubahan Kesepakatan Bersama ini dituangkan dalam adendum "
                      "yang merupakan bagian tidak terpisahkan dari Kesepakatan Bersama ini."),
        ("PENUTUP", "Kesepakatan Bersama ini dibuat rangkap 2 (dua), masing-masing bermeterai cukup dan "
                    "mempunyai kekuatan hukum yang sama."),
    )
    blocks: list[Block] = [
        ("title", f"KESEPAKATAN BERSAMA\nANTARA\nPEMERINTAH {w.nama.upper()}\nDENGAN\n[NAMA MITRA]\n"
                  f"TENTANG\n[JUDUL KERJA SAMA]"),
        ("center", "Nomor: [nomor PIHAK KESATU]\nNomor: [nomor PIHAK KEDUA]"),
        *_pembukaan(w, "Kesepakatan Bersama"),
    ]
    for i, (judul, *isi) in enumerate(pasal, start=1):
        blocks.extend(_pasal(i, judul, *isi))
    blocks.append(("sign", f"PIHAK KEDUA,\n[Jabatan]\n\n\n\n[Nama lengkap]|PIHAK KESATU,\n{w.kepala.upper()}"
                           f"\n\n\n\n[Nama lengkap]"))
    return tuple(blocks)


def _perjanjian_kerja_sama(w: Wilayah) -> tuple[Block, ...]:
    pasal = (
        ("MAKSUD DAN TUJUAN", "Maksud Perjanjian ini adalah [maksud].", "Tujuan Perjanjian ini adalah [tujuan]."),
        ("OBJEK", "Objek Perjanjian ini adalah [objek secara rinci, termasuk lokasi dan sasaran]."),
        ("RUANG LINGKUP", "[Kegiatan pertama beserta keluarannya];", "[Kegiatan kedua beserta keluarannya];",
         "[dan seterusnya]."),
        ("HAK DAN KEWAJIBAN PIHAK KESATU", "PIHAK KESATU berhak [hak].", "PIHAK KESATU berkewajiban [kewajiban]."),
        ("HAK DAN KEWAJIBAN PIHAK KEDUA", "PIHAK KEDUA berhak [hak].", "PIHAK KEDUA berkewajiban [kewajiban]."),
        ("PELAKSANAAN", "Perjanjian ini dilaksanakan oleh [perangkat daerah pelaksana] dan [unit pelaksana mitra].",
         "PARA PIHAK membentuk tim teknis yang susunannya ditetapkan [oleh siapa]."),
        ("PEMBIAYAAN", "Biaya pelaksanaan sebesar [jumlah atau cara menghitungnya] dibebankan kepada "
                       "[sumber biaya].", "[Tata cara pembayaran dan pertanggungjawaban]."),
        ("JANGKA WAKTU", "Perjanjian ini berlaku selama [jangka waktu] sejak ditandatangani, dan tidak melampaui "
                         "masa berlaku Kesepakatan Bersama."),
        ("ASET DAN HAK KEKAYAAN INTELEKTUAL", "[Kepemilikan aset dan hak kekayaan intelektual yang timbul dari "
                                              "kerja sama, bila ada]."),
        ("KERAHASIAAN DAN PELINDUNGAN DATA", "PARA PIHAK menjaga kerahasiaan informasi dan melindungi data "
                                             "pribadi yang diperoleh selama kerja sama sesuai ketentuan "
                                             "peraturan perundang-undangan."),
        ("PELAPORAN, MONITORING DAN EVALUASI", "PIHAK KEDUA menyampaikan laporan kemajuan setiap [periode].",
         "PARA PIHAK melaksanakan evaluasi paling sedikit [sekali dalam setahun]."),
        ("KEADAAN KAHAR", "Keadaan kahar meliputi [bencana alam, kebijakan pemerintah, dan lain-lain]; pihak yang "
                          "mengalaminya memberitahukan secara tertulis paling lambat [jumlah] hari."),
        ("PENYELESAIAN PERSELISIHAN", "Perselisihan diselesaikan secara musyawarah untuk mufakat.",
         "Bila musyawarah tidak berhasil, [cara penyelesaian berikutnya]."),
        ("SANKSI", "Pihak yang tidak memenuhi kewajibannya dikenai [teguran tertulis/sanksi lain]."),
        ("BERAKHIRNYA PERJANJIAN", "Perjanjian ini berakhir karena jangka waktunya habis, kesepakatan PARA PIHAK, "
                                   "atau [sebab lain]."),
        ("KORESPONDENSI", "PIHAK KESATU: [alamat, telepon, email].", "PIHAK KEDUA: [alamat, telepon, email]."),
        ("PENUTUP", "Perjanjian ini dibuat rangkap 2 (dua), masing-masing bermeterai cukup dan mempunyai "
                    "kekuatan hukum yang sama."),
    )
    blocks: list[Block] = [
        ("title", f"PERJANJIAN KERJA SAMA\nANTARA\n[PERANGKAT DAERAH PELAKSANA]\nPEMERINTAH {w.nama.upper()}\n"
                  f"DENGAN\n[NAMA MITRA]\nTENTANG\n[JUDUL KERJA SAMA]"),
        ("center", "Nomor: [nomor PIHAK KESATU]\nNomor: [nomor PIHAK KEDUA]"),
        *_pembukaan(w, "Perjanjian Kerja Sama"),
        ("p", "sebagai tindak lanjut Kesepakatan Bersama Nomor [nomor] tanggal [tanggal] tentang [judul]."),
    ]
    for i, (judul, *isi) in enumerate(pasal, start=1):
        blocks.extend(_pasal(i, judul, *isi))
    blocks.append(("sign", "PIHAK KEDUA,\n[Jabatan]\n\n\n\n[Nama lengkap]|PIHAK KESATU,\n[Jabatan]\n\n\n\n"
                           "[Nama lengkap]"))
    return tuple(blocks)


KINDS = ("surat-penawaran", "studi-kelayakan", "kesepakatan-bersama", "perjanjian-kerja-sama")


def templates(w: Wilayah) -> dict[str, Template]:
    return {t.kind: t for t in (
        Template("surat-penawaran", "Surat Penawaran",
                 f"Surat dari pimpinan instansi pemohon kepada {w.kepala} yang menawarkan kerja sama.",
                 _surat_penawaran(w)),
        Template("studi-kelayakan", "Studi Kelayakan",
                 "Kerangka kajian kelayakan teknis, ekonomi, sosial, lingkungan dan hukum.", _studi_kelayakan(w)),
        Template("kesepakatan-bersama", "Kesepakatan Bersama",
                 f"Kerangka rancangan Kesepakatan Bersama dengan Pemerintah {w.nama}.", _kesepakatan_bersama(w)),
        Template("perjanjian-kerja-sama", "Perjanjian Kerja Sama",
                 "Kerangka rancangan Perjanjian Kerja Sama sebagai tindak lanjut Kesepakatan Bersama.",
                 _perjanjian_kerja_sama(w)),
    )}
