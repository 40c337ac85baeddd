"""A small dataset whose Statistik figures are counted by hand (years 1991–1993, used by nobody else).

Agreements (signed 1991–1993; two more just outside the range at 1990-12-31 and 1994-01-01):

    judul                         signed      kind              urusan kab/kota status    ends
    Uji Statistik Beasiswa        1991-02-10  PERGURUAN_TINGGI  1.01   64.72    BERAKHIR  1994-02-09
    Uji Statistik Sekolah Mitra   1991-06-01  PERUSAHAAN        1.01   64.71    BERAKHIR  1995-05-31
    Uji Statistik Jaringan Data   1992-01-15  PERUSAHAAN        2.16   64.72    DICABUT   1996-01-14
    Uji Statistik Riset Digital   1992-08-20  PERGURUAN_TINGGI  2.16   64.02    BERLAKU   today + 20
    Uji Statistik Wisata Sungai   1993-05-05  PD_LAIN           3.26   64.02    BERLAKU   today + 45
    Uji Statistik Guru Penggerak  1993-09-09  PERUSAHAAN        1.01   64.72    BERLAKU   today + 80
    Uji Statistik Aplikasi Kota   1993-12-31  PERUSAHAAN        2.16   64.72    BERLAKU   today + 200

Applications (submitted 1992–1993) and their status events, with the days spent in each stage:

    X  PERUSAHAAN        1.01  DIAJUKAN 4 d -> PENAWARAN 10 d -> KESEPAKATAN_BERSAMA (now)
    Y  PERGURUAN_TINGGI  2.16  DIAJUKAN 2 d -> DIKEMBALIKAN 5 d -> DIAJUKAN 6 d -> PENAWARAN (now)
    Z  PERUSAHAAN        1.01  DIAJUKAN 10 d -> DITOLAK
    D  a draft (never counted)

The applicant of X is a known person whose NIK, phone, email and name must never appear in public.
"""

from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.models import Agreement, Application, ApplicationEvent, Instansi, User
from sikerja_app.services.statistics import clear_cache, today_local

PREFIX = "Uji Statistik"
YEARS = {"tahun_dari": "1991", "tahun_sampai": "1993"}
PERSON = {"nik": "6472015509910042", "telepon": "081299887766", "email": "siti.rahasia.uji@pribadi.test",
          "nama_lengkap": "Siti Rahasiawati Ujiningsih"}


@dataclass
class Known:
    app_ids: dict[str, int]
    codes: dict[str, str]
    instansi: dict[str, int]


def _utc(y: int, m: int, d: int) -> datetime:
    return datetime(y, m, d, 2, 0, tzinfo=UTC)


def build(make) -> Known:  # noqa: ANN001 - the Factory fixture
    """Create the dataset once per session (idempotent); returns its ids."""
    with session_scope() as s:
        existing = s.exec(select(Application).where(Application.judul.like(f"{PREFIX}%"))).all()  # type: ignore[attr-defined]
        if existing:
            apps = {a.judul.rsplit(" ", 1)[-1]: a for a in existing}
            inst = {i.jenis_kode: i.id for i in s.exec(select(Instansi).where(Instansi.nama.like(f"{PREFIX}%"))).all()}  # type: ignore[attr-defined]
            return Known({k: a.id for k, a in apps.items()}, {k: a.code or "" for k, a in apps.items()}, inst)
    inst = {
        "PERUSAHAAN": make.instansi(nama=f"{PREFIX} PT Sungai Mahakam Makmur", jenis_kode="PERUSAHAAN",
                                    telepon="0541-9990001", email="kantor@sungaimakmur.test"),
        "PERGURUAN_TINGGI": make.instansi(nama=f"{PREFIX} Universitas Tepian", jenis_kode="PERGURUAN_TINGGI"),
        "PD_LAIN": make.instansi(nama=f"{PREFIX} Dinas Pariwisata Kutai", jenis_kode="PD_LAIN", kabkota_kode="64.02"),
    }
    person = make.pemohon(inst["PERUSAHAAN"], **PERSON)
    other = make.pemohon(inst["PERGURUAN_TINGGI"])
    today = today_local()
    rows = [
        ("Beasiswa", date(1991, 2, 10), "PERGURUAN_TINGGI", "1.01", "64.72", "BERAKHIR", date(1994, 2, 9)),
        ("Sekolah Mitra", date(1991, 6, 1), "PERUSAHAAN", "1.01", "64.71", "BERAKHIR", date(1995, 5, 31)),
        ("Jaringan Data", date(1992, 1, 15), "PERUSAHAAN", "2.16", "64.72", "DICABUT", date(1996, 1, 14)),
        ("Riset Digital", date(1992, 8, 20), "PERGURUAN_TINGGI", "2.16", "64.02", "BERLAKU",
         today + timedelta(days=20)),
        ("Wisata Sungai", date(1993, 5, 5), "PD_LAIN", "3.26", "64.02", "BERLAKU", today + timedelta(days=45)),
        ("Guru Penggerak", date(1993, 9, 9), "PERUSAHAAN", "1.01", "64.72", "BERLAKU", today + timedelta(days=80)),
        ("Aplikasi Kota", date(1993, 12, 31), "PERUSAHAAN", "2.16", "64.72", "BERLAKU", today + timedelta(days=200)),
        # just outside the years of the tests
        ("Luar Awal", date(1990, 12, 31), "PERUSAHAAN", "1.01", "64.72", "BERAKHIR", date(1992, 12, 30)),
        ("Luar Akhir", date(1994, 1, 1), "PERUSAHAAN", "1.01", "64.72", "BERLAKU", today + timedelta(days=10)),
    ]
    names = {"PERUSAHAAN": f"{PREFIX} PT Sungai Mahakam Makmur", "PERGURUAN_TINGGI": f"{PREFIX} Universitas Tepian",
             "PD_LAIN": f"{PREFIX} Dinas Pariwisata Kutai"}
    apps: dict[str, int] = {}
    codes = {"X": "UJI-STAT-X", "Y": "UJI-STAT-Y", "Z": "UJI-STAT-Z"}
    events = {
        "X": ("KESEPAKATAN_BERSAMA", "PERUSAHAAN", person.id, "1.01",
              [("DRAFT_DIBUAT", "", "DRAFT", _utc(1992, 1, 1)), ("SUBMIT", "DRAFT", "DIAJUKAN", _utc(1992, 1, 2)),
               ("APPROVE_INTAKE", "DIAJUKAN", "PENAWARAN", _utc(1992, 1, 6)),
               ("APPROVE_STAGE", "PENAWARAN", "KESEPAKATAN_BERSAMA", _utc(1992, 1, 16))]),
        "Y": ("PENAWARAN", "PERGURUAN_TINGGI", other.id, "2.16",
              [("DRAFT_DIBUAT", "", "DRAFT", _utc(1992, 2, 1)), ("SUBMIT", "DRAFT", "DIAJUKAN", _utc(1992, 2, 1)),
               ("RETURN", "DIAJUKAN", "DIKEMBALIKAN", _utc(1992, 2, 3)),
               ("SUBMIT", "DIKEMBALIKAN", "DIAJUKAN", _utc(1992, 2, 8)),
               ("APPROVE_INTAKE", "DIAJUKAN", "PENAWARAN", _utc(1992, 2, 14))]),
        "Z": ("DITOLAK", "PERUSAHAAN", person.id, "1.01",
              [("DRAFT_DIBUAT", "", "DRAFT", _utc(1993, 2, 20)), ("SUBMIT", "DRAFT", "DIAJUKAN", _utc(1993, 3, 1)),
               ("REJECT", "DIAJUKAN", "DITOLAK", _utc(1993, 3, 11))]),
        "D": ("DRAFT", "PERUSAHAAN", person.id, "1.01", [("DRAFT_DIBUAT", "", "DRAFT", _utc(1992, 5, 5))]),
    }
    with session_scope() as s:
        for key, (status, kind, user_id, urusan, evs) in events.items():
            submitted = next((at for a, _, _, at in evs if a == "SUBMIT"), None)
            app = Application(code=codes.get(key), status=status, instansi_id=inst[kind], ppksd1_id=user_id,
                              judul=f"{PREFIX} Permohonan {key}", urusan_kode=urusan, submitted_at=submitted,
                              created_at=evs[0][3], updated_at=evs[-1][3], status_changed_at=evs[-1][3],
                              instansi_snapshot='{"telepon": "081299887766"}',
                              ppksd1_snapshot='{"nik": "6472015509910042"}')
            s.add(app)
            s.flush()
            apps[key] = app.id or 0
            for action, src, dst, at in evs:
                s.add(ApplicationEvent(application_id=app.id, at=at, actor_id=user_id, action=action,
                                       from_status=src, to_status=dst, note="Hubungi 081299887766"))
        for judul, signed, kind, urusan, kab, status, until in rows:
            s.add(Agreement(source="MANUAL", judul=f"{PREFIX} {judul}", mitra_nama=names[kind], mitra_jenis_kode=kind,
                            mitra_kabkota_kode=kab, urusan_kode=urusan, nomor_daerah=f"UJI/{judul}",
                            nomor_mitra="UJI", tanggal_ttd=signed, berlaku_mulai=signed, berlaku_sampai=until,
                            status=status, status_note="Dicatat oleh Siti Rahasiawati Ujiningsih",
                            application_id=apps["X"] if judul == "Guru Penggerak" else None,
                            created_by=person.id))
    clear_cache()
    return Known(apps, {k: v for k, v in codes.items()}, inst)


def person_user() -> User:
    with session_scope() as s:
        return s.exec(select(User).where(User.email == PERSON["email"])).one()
