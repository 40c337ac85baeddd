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
ADMIN = "/admin"
REGISTER = "/register"
REGISTER_DETAIL = "/register/[rid]"
PEMBERITAHUAN = "/pemberitahuan"
LACAK = "/lacak"
INFORMASI = "/informasi"
STATISTIK = "/statistik"
FAQ = "/faq"

# Plain HTTP routes (sikerja_app/api).
AUTH_MASUK = "/auth/masuk"
AUTH_KELUAR = "/auth/keluar"
AUTH_DAFTAR = "/auth/daftar"
HEALTH = "/kesehatan"


def detail(app_id: int) -> str:
    return f"/pengajuan/{app_id}"


def ubah(app_id: int) -> str:
    return f"/pengajuan/{app_id}/ubah"


def tanda_terima(app_id: int) -> str:
    return f"/pengajuan/{app_id}/tanda-terima"


def pembahasan(app_id: int, stage: str = "") -> str:
    return f"/pengajuan/{app_id}/pembahasan" + (f"?tahap={stage}" if stage else "")


def register_detail(agreement_id: int) -> str:
    return f"/register/{agreement_id}"
