"""The application wizard's fields and their server-side rules (DESIGN §3)."""

from dataclasses import dataclass

from .validation import check_max_length, check_required, check_word_limit


@dataclass(frozen=True)
class NarrativeField:
    key: str
    label: str
    limit: int
    hint: str


NARRATIVE_FIELDS: tuple[NarrativeField, ...] = (
    NarrativeField("latar_belakang", "Latar belakang", 300,
                   "Kondisi yang mendorong kerja sama ini."),
    NarrativeField("maksud_tujuan", "Maksud dan tujuan", 500,
                   "Apa yang ingin dicapai, sebaiknya dengan sasaran terukur."),
    NarrativeField("lokasi", "Lokasi kerja sama", 100,
                   "Tempat kegiatan kerja sama dilaksanakan."),
    NarrativeField("ruang_lingkup", "Ruang lingkup", 500,
                   "Bidang dan kegiatan yang dicakup."),
    NarrativeField("peran_para_pihak", "Peran para pihak", 500,
                   "Apa yang dikerjakan dan disediakan masing-masing pihak."),
    NarrativeField("jangka_waktu", "Jangka waktu", 100,
                   "Lama kerja sama dan alasannya."),
    NarrativeField("manfaat", "Manfaat", 500,
                   "Manfaat bagi daerah, masyarakat dan mitra."),
    NarrativeField("analisis", "Analisis dampak sosial, ekonomi dan lingkungan", 1000,
                   "Dampak yang diharapkan dan risiko yang perlu dikelola."),
    NarrativeField("pembiayaan", "Pembiayaan", 150,
                   "Sumber dan pembagian biaya."),
)
NARRATIVE_KEYS: tuple[str, ...] = tuple(f.key for f in NARRATIVE_FIELDS)
FIELD_BY_KEY: dict[str, NarrativeField] = {f.key: f for f in NARRATIVE_FIELDS}

JUDUL_MAX = 300

PAKTA_STATEMENTS: tuple[str, ...] = (
    "Seluruh data dan dokumen yang saya sampaikan adalah benar dan dapat "
    "dipertanggungjawabkan.",
    "Saya bersedia mematuhi dan menerima keputusan Pemerintah Daerah atas permohonan ini.",
    "Saya akan menggunakan layanan Si KERJA secara bertanggung jawab dan tidak "
    "menyalahgunakannya.",
    "Saya akan mematuhi kebijakan dan ketentuan kerja sama daerah yang berlaku.",
)


def validate_step1(judul: str, urusan_kode: str, valid_urusan: set[str],
                   has_instansi: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    msg = check_required(judul, "Judul kerja sama") or check_max_length(
        judul, JUDUL_MAX, "Judul kerja sama")
    if msg:
        errors["judul"] = msg
    if urusan_kode not in valid_urusan:
        errors["urusan"] = "Pilih urusan pemerintahan."
    if not has_instansi:
        errors["instansi"] = "Lengkapi data instansi di Pengaturan terlebih dahulu."
    return errors


def validate_step2(ppksd2_ok: bool, biodata_complete: bool) -> dict[str, str]:
    errors: dict[str, str] = {}
    if not biodata_complete:
        errors["ppksd1"] = "Lengkapi biodata Anda di Pengaturan terlebih dahulu."
    if not ppksd2_ok:
        errors["ppksd2"] = "PPKSD-2 harus pengguna lain dari instansi yang sama."
    return errors


def validate_step3(values: dict[str, str], opd_count: int) -> dict[str, str]:
    errors: dict[str, str] = {}
    if opd_count < 1:
        errors["opd"] = "Pilih paling sedikit satu OPD terkait."
    for f in NARRATIVE_FIELDS:
        msg = check_word_limit(values.get(f.key, ""), f.limit, f.label)
        if msg:
            errors[f.key] = msg
    return errors
