"""A realistic synthetic dataset for demos and measurement (``python -m sikerja_app.cli sintetis``).

N agreements, about two thirds of them signed through the system (with the application and its
whole timeline), plus about 0.35·N applications that never reached signing (every stage, rejected,
withdrawn, drafts). Years, partner kinds, urusan, kabupaten/kota and durations vary the way a real
register does. Rows are bulk-inserted in batches, so 100,000 agreements load in minutes.

Everything is recognisable and removable (``--hapus``): agreements have ``source = "SINTETIS"``,
applications a code starting ``SIN-``, institutions and people an ``@sintetis.invalid`` email. The
synthetic people cannot sign in (no usable password) and have no NIK, phone or address. No OPD is
set on synthetic agreements, so no real OPD officer gets reminders about them.
Never run from ``setup``.
"""

import random
import secrets
import time
from collections.abc import Callable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from sqlalchemy import delete, func, insert, select, text, update

from ..config import get_settings
from ..db import session_scope
from ..domain.reference_files import read_csv, urusan_choices
from ..domain.stages import Status
from ..models import Agreement, Application, ApplicationEvent, Instansi, Opd, User

SOURCE = "SINTETIS"
CODE_PREFIX = "SIN-"
EMAIL_DOMAIN = "sintetis.invalid"
BATCH = 5000
SIGNED_SHARE = 0.65  # agreements signed through the system (with an application)
UNSIGNED_SHARE = 0.35  # applications per agreement that never reached signing

_WORDS = ("Mahakam", "Borneo", "Nusantara", "Khatulistiwa", "Etam", "Lestari", "Sejahtera", "Mandiri",
          "Cendekia", "Bahari", "Tepian", "Benua", "Raya", "Harapan", "Cipta", "Karya", "Makmur", "Sentosa",
          "Gemilang", "Persada", "Samudra", "Delta", "Bumi", "Insan", "Madani", "Prima", "Utama", "Digital",
          "Hijau", "Pesisir", "Rimba", "Anggrek", "Enggang", "Pesut", "Ulin", "Kenari")
_DINAS = ("Dinas Pendidikan", "Dinas Kesehatan", "Dinas Pekerjaan Umum dan Penataan Ruang",
          "Dinas Lingkungan Hidup", "Badan Perencanaan Pembangunan Daerah", "Dinas Perhubungan",
          "Dinas Komunikasi dan Informatika", "Dinas Pariwisata", "Dinas Sosial",
          "Dinas Kependudukan dan Pencatatan Sipil", "Dinas Koperasi dan UKM", "Dinas Pertanian",
          "Badan Pendapatan Daerah", "Dinas Perpustakaan dan Kearsipan")
_NAME_FORMS = {
    "PERGURUAN_TINGGI": ("Universitas {a} {b}", "Institut Teknologi {a}", "Politeknik {a} {b}",
                         "Sekolah Tinggi Ilmu Kesehatan {a}"),
    "ORNOP": ("Perkumpulan {a} {b}", "Lembaga Swadaya Masyarakat {a} {b}", "Forum {a} Peduli {b}"),
    "LEMBAGA": ("Yayasan {a} {b}", "Asosiasi Pengusaha {a}", "Lembaga Pengembangan {a} {b}"),
    "BADAN_HUKUM_PUBLIK": ("Badan Layanan {a} {b}", "Perusahaan Umum Daerah {a} {b}"),
    "PERUSAHAAN": ("PT {a} {b}", "PT {a} {b} Tbk", "CV {a} {b}", "PT Bank {a} {b}"),
}
_ACTIVITIES = ("Kerja Sama", "Pengembangan", "Peningkatan Kapasitas", "Penelitian dan Pengabdian Masyarakat",
               "Pendampingan", "Pemanfaatan Data dan Informasi", "Penguatan Layanan", "Kolaborasi Program",
               "Pelatihan dan Magang", "Penyediaan Sarana")
# Kinds of partner and how common they are among agreements.
_JENIS_WEIGHTS = {"PD_DAERAH": 4, "PD_PROVINSI": 8, "PD_LAIN": 14, "PERGURUAN_TINGGI": 22, "ORNOP": 7,
                  "LEMBAGA": 10, "BADAN_HUKUM_PUBLIK": 9, "PERUSAHAAN": 26}
_DURATION_YEARS = ((1, 20), (2, 25), (3, 30), (5, 25))
# Where unsigned applications stand, and how common each is.
_UNSIGNED = ((Status.DRAFT, 10), (Status.DIAJUKAN, 12), (Status.DIKEMBALIKAN, 7), (Status.PENAWARAN, 13),
             (Status.KESEPAKATAN_BERSAMA, 10), (Status.PERJANJIAN_KERJA_SAMA, 10), (Status.PENJADWALAN, 6),
             (Status.PENANDATANGANAN, 5), (Status.DITOLAK, 15), (Status.DIBATALKAN, 12))
# (stage left, days: low, mode, high)
_STAY = {Status.DRAFT: (1, 5, 30), Status.DIAJUKAN: (1, 3, 14), Status.DIKEMBALIKAN: (2, 7, 30),
         Status.PENAWARAN: (5, 14, 45), Status.KESEPAKATAN_BERSAMA: (5, 21, 60),
         Status.PERJANJIAN_KERJA_SAMA: (7, 25, 75), Status.PENJADWALAN: (2, 7, 25),
         Status.PENANDATANGANAN: (1, 4, 14)}
_MAIN_PATH = (Status.DIAJUKAN, Status.PENAWARAN, Status.KESEPAKATAN_BERSAMA, Status.PERJANJIAN_KERJA_SAMA,
              Status.PENJADWALAN, Status.PENANDATANGANAN, Status.PELAKSANAAN)
_ACTION_INTO = {Status.DIAJUKAN: "SUBMIT", Status.PENAWARAN: "APPROVE_INTAKE",
                Status.KESEPAKATAN_BERSAMA: "APPROVE_STAGE", Status.PERJANJIAN_KERJA_SAMA: "APPROVE_STAGE",
                Status.PENJADWALAN: "APPROVE_STAGE", Status.PENANDATANGANAN: "AGREE_SCHEDULE",
                Status.PELAKSANAAN: "RECORD_SIGNING"}


@dataclass
class Partner:
    instansi_id: int
    user_id: int
    nama: str
    jenis: str
    kabkota: str


def _utc(d: date, rng: random.Random) -> datetime:
    """A working-hours moment (WITA) on day ``d``, in UTC."""
    return datetime(d.year, d.month, d.day, rng.randint(0, 8), rng.randint(0, 59), rng.randint(0, 59), tzinfo=UTC)


def _days(rng: random.Random, stage: Status) -> float:
    lo, mode, hi = _STAY[stage]
    return rng.triangular(lo, hi, mode)


class _Generator:
    def __init__(self, rng: random.Random, today: date) -> None:
        self.rng, self.today = rng, today
        s = get_settings()
        self.region, self.region_kode = s.region_name, s.region_kabkota_kode
        self.prov = self.region_kode.split(".")[0]
        regencies = read_csv("wilayah", "regencies.csv")
        self.kab_names = {r["code"]: r["name"] for r in regencies}
        self.same_prov = [r["code"] for r in regencies
                          if r["province_code"] == self.prov and r["code"] != self.region_kode]
        self.others = [r["code"] for r in regencies if r["province_code"] != self.prov]
        urusan = urusan_choices()
        self.urusan = [(k, n) for k, n, _ in urusan]
        # Some affairs see far more cooperation than others.
        self.urusan_w = [rng.choice((1, 2, 3, 5, 8, 13)) for _ in urusan]
        self.years = list(range(today.year - 9, today.year + 1))
        self.year_w = [1.0 + 0.35 * i for i in range(len(self.years))]  # growing over the decade

    def kabkota(self, jenis: str) -> str:
        r = self.rng.random()
        if jenis in ("PD_DAERAH", "PD_PROVINSI"):
            return self.region_kode
        if jenis == "PD_LAIN":
            return self.rng.choice(self.same_prov if r < 0.7 and self.same_prov else self.others)
        if r < 0.55:
            return self.region_kode
        if r < 0.8 and self.same_prov:
            return self.rng.choice(self.same_prov)
        return self.rng.choice(self.others)

    def name(self, jenis: str, kab: str, opd_names: list[str]) -> str:
        rng = self.rng
        if jenis == "PD_DAERAH":
            return f"{rng.choice(opd_names)} {self.region}"
        if jenis == "PD_PROVINSI":
            return f"{rng.choice(_DINAS)} {get_settings().province_name}"
        if jenis == "PD_LAIN":
            return f"{rng.choice(_DINAS)} {self.kab_names.get(kab, '')}"
        a, b = rng.sample(_WORDS, 2)
        return rng.choice(_NAME_FORMS[jenis]).format(a=a, b=b)

    def signing_date(self) -> date:
        year = self.rng.choices(self.years, self.year_w)[0]
        last = min(date(year, 12, 31), self.today - timedelta(days=1))
        return date(year, 1, 1) + timedelta(days=self.rng.randint(0, max(0, (last - date(year, 1, 1)).days)))

    def judul(self, urusan_nama: str, mitra: str) -> str:
        return f"{self.rng.choice(_ACTIVITIES)} Bidang {urusan_nama} dengan {mitra}"[:300]

    def timeline(self, final: Status, end: datetime) -> list[tuple[str, str, str, datetime]]:
        """Status events (action, from, to, at) of an application whose last status event is at ``end``.

        Built backwards from ``end``: each stage stays a plausible number of days.
        """
        rng = self.rng
        path: list[Status] = [Status.DRAFT]
        returned = rng.random() < 0.25
        if final == Status.DRAFT:
            pass
        elif final in (Status.DITOLAK, Status.DIBATALKAN):
            stop = rng.choice(_MAIN_PATH[:4] if final == Status.DITOLAK else _MAIN_PATH[:5])
            path += list(_MAIN_PATH[:_MAIN_PATH.index(stop) + 1]) + [final]
        elif final == Status.DIKEMBALIKAN:
            path += [Status.DIAJUKAN, Status.DIKEMBALIKAN]
            returned = False
        else:
            target = Status.PELAKSANAAN if final in (Status.BERAKHIR, Status.DICABUT) else final
            path += list(_MAIN_PATH[:_MAIN_PATH.index(target) + 1])
            if final in (Status.BERAKHIR, Status.DICABUT):
                path.append(final)
        if returned and len(path) > 2 and path[1] == Status.DIAJUKAN:
            path[1:2] = [Status.DIAJUKAN, Status.DIKEMBALIKAN, Status.DIAJUKAN]
        # Times, backwards from the end.
        times = [end]
        for stage in reversed(path[:-1]):
            stay = _days(rng, stage) if stage in _STAY else 1.0
            times.append(times[-1] - timedelta(days=stay, minutes=rng.randint(0, 600)))
        times.reverse()
        events = [("DRAFT_DIBUAT", "", Status.DRAFT.value, times[0])]
        for i in range(1, len(path)):
            src, dst = path[i - 1], path[i]
            action = {Status.DIKEMBALIKAN: "RETURN", Status.DITOLAK: "REJECT", Status.DIBATALKAN: "WITHDRAW",
                      Status.BERAKHIR: "EXPIRE", Status.DICABUT: "REVOKE"}.get(dst) or _ACTION_INTO[dst]
            if dst == Status.PERJANJIAN_KERJA_SAMA and rng.random() < 0.15:
                action = "SKIP_STAGE"
            events.append((action, src.value, dst.value, times[i]))
        return events


def _next_id(s, model) -> int:  # noqa: ANN001
    return int(s.execute(select(func.coalesce(func.max(model.id), 0))).scalar_one()) + 1


def _fix_sequences(s, models) -> None:  # noqa: ANN001
    """PostgreSQL: explicit ids leave the id sequences behind; move them past the new rows."""
    if s.get_bind().dialect.name != "postgresql":
        return
    for model in models:
        table = model.__tablename__
        s.execute(text(f"SELECT setval(pg_get_serial_sequence('\"{table}\"', 'id'), "  # noqa: S608 - table names
                       f"(SELECT COALESCE(MAX(id), 1) FROM \"{table}\"))"))


def _partners(s, gen: _Generator, count: int, run: str) -> list[Partner]:  # noqa: ANN001
    opd_names = [o for o in s.execute(select(Opd.nama)).scalars()] or ["Dinas Komunikasi dan Informatika"]
    kinds = list(_JENIS_WEIGHTS)
    weights = list(_JENIS_WEIGHTS.values())
    inst_id, user_id = _next_id(s, Instansi), _next_id(s, User)
    now = datetime.now(UTC)
    partners, inst_rows, user_rows = [], [], []
    for i in range(count):
        jenis = kinds[i] if i < len(kinds) else gen.rng.choices(kinds, weights)[0]
        kab = gen.kabkota(jenis)
        nama = gen.name(jenis, kab, opd_names)
        inst_rows.append({"id": inst_id + i, "nama": nama, "jenis_kode": jenis, "kabkota_kode": kab,
                          "kode_pos": "75000", "alamat": "Alamat sintetis", "telepon": "-",
                          "email": f"instansi-{run}-{i}@{EMAIL_DOMAIN}", "website": "", "created_at": now,
                          "updated_at": now})
        user_rows.append({"id": user_id + i, "email": f"pemohon-{run}-{i}@{EMAIL_DOMAIN}", "password_hash": "!",
                          "role": "PEMOHON", "is_protokol": False, "is_active": False,
                          "nama_lengkap": f"Pemohon Sintetis {run}-{i}", "nama_panggilan": "", "nik": "",
                          "jenis_kelamin": "", "telepon": "", "alamat": "", "unit_kerja": nama[:160],
                          "is_asn": False, "nomor_pegawai": "", "jabatan": "", "instansi_id": inst_id + i,
                          "created_at": now})
        partners.append(Partner(inst_id + i, user_id + i, nama, jenis, kab))
    s.execute(insert(Instansi.__table__), inst_rows)  # type: ignore[attr-defined]
    s.execute(insert(User.__table__), user_rows)  # type: ignore[attr-defined]
    return partners


def _application_row(app_id: int, p: Partner, judul: str, urusan: str, status: Status,
                     events: list[tuple[str, str, str, datetime]]) -> dict:
    submitted = next((e[3] for e in events if e[0] == "SUBMIT"), None)
    code = f"{CODE_PREFIX}{events[0][3].year}-{app_id:07d}" if submitted else None
    return {"id": app_id, "code": code, "status": status.value, "instansi_id": p.instansi_id, "ppksd1_id": p.user_id,
            "judul": judul, "urusan_kode": urusan, "wizard_step": 3,
            "revision": sum(1 for e in events if e[0] == "SUBMIT"), "created_at": events[0][3],
            "updated_at": events[-1][3], "submitted_at": submitted, "status_changed_at": events[-1][3]}


def load(n: int, seed: int | None = None, today: date | None = None,
         progress: Callable[[str], None] = lambda _m: None) -> dict[str, int]:
    """Insert ``n`` synthetic agreements and their applications; returns the row counts."""
    if n < 1:
        raise ValueError("jumlah harus 1 atau lebih")
    rng = random.Random(seed)
    today = today or date.today()  # noqa: DTZ011 - a date for dates of signing
    gen = _Generator(rng, today)
    run = secrets.token_hex(3) if seed is None else f"s{seed}"
    unsigned = round(n * UNSIGNED_SHARE)
    counts = {"instansi": 0, "pengguna": 0, "kerja_sama": 0, "permohonan": 0, "peristiwa": 0}
    started = time.perf_counter()
    with session_scope() as s:
        if s.execute(select(func.count()).select_from(User).where(User.email.like(f"%-{run}-%@{EMAIL_DOMAIN}"))
                     ).scalar_one():
            raise ValueError(f"data sintetis dengan benih {seed} sudah dimuat; hapus dulu (--hapus)")
        partners = _partners(s, gen, max(60, min(3000, n // 15)), run)
        counts["instansi"] = counts["pengguna"] = len(partners)
        app_id, agr_id = _next_id(s, Application), _next_id(s, Agreement)
    kinds = {k: [p for p in partners if p.jenis == k] for k in _JENIS_WEIGHTS}
    jenis_keys, jenis_w = list(_JENIS_WEIGHTS), list(_JENIS_WEIGHTS.values())
    states, state_w = [st for st, _ in _UNSIGNED], [w for _, w in _UNSIGNED]
    durations, duration_w = [y for y, _ in _DURATION_YEARS], [w for _, w in _DURATION_YEARS]
    total = n + unsigned
    done = 0
    while done < total:
        size = min(BATCH, total - done)
        agreements, apps, events = [], [], []
        for i in range(done, done + size):
            p = rng.choice(kinds[rng.choices(jenis_keys, jenis_w)[0]])
            urusan, urusan_nama = rng.choices(gen.urusan, gen.urusan_w)[0]
            judul = gen.judul(urusan_nama, p.nama)
            if i < n:  # an agreement
                ttd = gen.signing_date()
                mulai = ttd + timedelta(days=rng.randint(0, 14))
                sampai = date(mulai.year + rng.choices(durations, duration_w)[0], mulai.month,
                              min(mulai.day, 28)) - timedelta(days=1)
                status = "BERAKHIR" if sampai < today else "BERLAKU"
                revoked_on = None
                if mulai < today and rng.random() < 0.03:
                    status = "DICABUT"
                    revoked_on = mulai + timedelta(days=rng.randint(1, max(1, (min(sampai, today) - mulai).days)))
                linked = rng.random() < SIGNED_SHARE
                row = {"id": agr_id, "application_id": app_id if linked else None, "source": SOURCE,
                       "judul": judul, "bentuk": rng.choices(("KB", "PKS", "NOTA_KESEPAKATAN"), (3, 6, 1))[0],
                       "mitra_nama": p.nama[:200], "mitra_jenis_kode": p.jenis, "mitra_kabkota_kode": p.kabkota,
                       "urusan_kode": urusan, "opd_id": None,
                       "nomor_daerah": f"180/{agr_id}/KS-SIN/{ttd.year}", "nomor_mitra": f"SIN/{agr_id}/{ttd.year}",
                       "tanggal_ttd": ttd, "berlaku_mulai": mulai, "berlaku_sampai": sampai, "status": status,
                       "status_note": "", "monev_months": 6, "created_at": _utc(ttd, rng)}
                agr_id += 1
                if linked:
                    final = {"BERLAKU": Status.PELAKSANAAN, "BERAKHIR": Status.BERAKHIR,
                             "DICABUT": Status.DICABUT}[status]
                    timeline = gen.timeline(Status.PELAKSANAAN, _utc(ttd, rng))
                    if final == Status.BERAKHIR:
                        timeline.append(("EXPIRE", "PELAKSANAAN", "BERAKHIR", _utc(sampai + timedelta(days=1), rng)))
                    elif final == Status.DICABUT and revoked_on:
                        timeline.append(("REVOKE", "PELAKSANAAN", "DICABUT", _utc(revoked_on, rng)))
                    apps.append(_application_row(app_id, p, judul, urusan, final, timeline))
                    events.extend({"application_id": app_id, "action": a, "from_status": f, "to_status": t, "at": at,
                                   "note": ""} for a, f, t, at in timeline)
                    app_id += 1
                agreements.append(row)
            else:  # an application that has not been (or will never be) signed
                final = rng.choices(states, state_w)[0]
                if final in (Status.DITOLAK, Status.DIBATALKAN):
                    end_day = gen.signing_date()
                else:  # still open: its last change was recent
                    end_day = today - timedelta(days=rng.randint(0, 120))
                timeline = gen.timeline(final, _utc(end_day, rng))
                apps.append(_application_row(app_id, p, judul, urusan, final, timeline))
                events.extend({"application_id": app_id, "action": a, "from_status": f, "to_status": t, "at": at,
                               "note": ""} for a, f, t, at in timeline)
                app_id += 1
        with session_scope() as s:
            if apps:
                s.execute(insert(Application.__table__), apps)  # type: ignore[attr-defined]
            if agreements:
                s.execute(insert(Agreement.__table__), agreements)  # type: ignore[attr-defined]
            if events:
                s.execute(insert(ApplicationEvent.__table__), events)  # type: ignore[attr-defined]
        counts["kerja_sama"] += len(agreements)
        counts["permohonan"] += len(apps)
        counts["peristiwa"] += len(events)
        done += size
        progress(f"{done:,}/{total:,} baris utama ({time.perf_counter() - started:.0f} dtk)".replace(",", "."))
    with session_scope() as s:
        _fix_sequences(s, (Instansi, User, Application, Agreement))
    return counts


def remove(progress: Callable[[str], None] = lambda _m: None) -> dict[str, int]:
    """Delete every synthetic row (and nothing else)."""
    out = {}
    with session_scope() as s:
        app_ids = select(Application.id).where(Application.code.like(f"{CODE_PREFIX}%")  # type: ignore[union-attr]
                                               | Application.ppksd1_id.in_(  # type: ignore[attr-defined]
                                                   select(User.id).where(User.email.like(f"%@{EMAIL_DOMAIN}"))))
        out["kerja_sama"] = s.execute(delete(Agreement).where(Agreement.source == SOURCE)).rowcount
        s.execute(update(Agreement).where(Agreement.application_id.in_(app_ids))  # type: ignore[union-attr]
                  .values(application_id=None))
        out["peristiwa"] = s.execute(delete(ApplicationEvent).where(ApplicationEvent.application_id.in_(app_ids))
                                     ).rowcount
        out["permohonan"] = s.execute(delete(Application).where(Application.id.in_(app_ids))).rowcount  # type: ignore[union-attr]
        out["pengguna"] = s.execute(delete(User).where(User.email.like(f"%@{EMAIL_DOMAIN}"))).rowcount
        out["instansi"] = s.execute(delete(Instansi).where(Instansi.email.like(f"%@{EMAIL_DOMAIN}"))).rowcount
    progress(f"Dihapus: {out}")
    return out
