"""Every page path in one place."""

BERANDA = "/"
MASUK = "/masuk"
DAFTAR = "/daftar"
PENGATURAN = "/pengaturan"
PENGAJUAN = "/pengajuan"
PENGAJUAN_BARU = "/pengajuan/baru"
PENGAJUAN_DETAIL = "/pengajuan/[aid]"
PENGAJUAN_UBAH = "/pengajuan/[aid]/ubah"
PENGAJUAN_TANDA_TERIMA = "/pengajuan/[aid]/tanda-terima"
PENGAJUAN_PEMBAHASAN = "/pengajuan/[aid]/pembahasan"
PENGAJUAN_PENANDATANGANAN = "/pengajuan/[aid]/penandatanganan"
PENGAJUAN_CETAK = "/pengajuan/[aid]/cetak"
DASBOR = "/dasbor"
ADMIN = "/admin"
ADMIN_REGISTER_IMPOR = "/admin/register/impor"
REGISTER = "/register"
REGISTER_DETAIL = "/register/[rid]"
REGISTER_BARU = "/register/baru"
REGISTER_MONEV = "/register/[rid]/monev"
ADMIN_MONEV = "/admin/monev"
PEMBERITAHUAN = "/pemberitahuan"
LACAK = "/lacak"
INFORMASI = "/informasi"
STATISTIK = "/statistik"
FAQ = "/faq"
INFORMASI_HALAMAN = "/informasi/[slug]"
ADMIN_INFORMASI = "/admin/informasi"
ADMIN_FAQ = "/admin/faq"

# Plain HTTP routes (sikerja_app/api).
AUTH_MASUK = "/auth/masuk"
AUTH_KELUAR = "/auth/keluar"
AUTH_DAFTAR = "/auth/daftar"
HEALTH = "/kesehatan"
STATISTIK_EKSPOR_CSV = "/statistik/ekspor.csv"
STATISTIK_EKSPOR_XLSX = "/statistik/ekspor.xlsx"
DATA = "/data"
DATA_REGISTER_JSON = "/data/register.json"
DATA_REGISTER_CSV = "/data/register.csv"
DATA_AGREGAT_JSON = "/data/agregat.json"
DATA_AGREGAT_CSV = "/data/agregat.csv"


def detail(app_id: int) -> str:
    return f"/pengajuan/{app_id}"


def ubah(app_id: int) -> str:
    return f"/pengajuan/{app_id}/ubah"


def tanda_terima(app_id: int) -> str:
    return f"/pengajuan/{app_id}/tanda-terima"


def cetak(app_id: int) -> str:
    return f"/pengajuan/{app_id}/cetak"


def pembahasan(app_id: int, stage: str = "") -> str:
    return f"/pengajuan/{app_id}/pembahasan" + (f"?tahap={stage}" if stage else "")


def register_detail(agreement_id: int) -> str:
    return f"/register/{agreement_id}"


def monev(agreement_id: int) -> str:
    return f"/register/{agreement_id}/monev"
