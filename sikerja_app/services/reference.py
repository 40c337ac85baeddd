"""Reference data: loading the shipped CSV files and reading them back."""

import csv
from functools import cache
from pathlib import Path

from sqlmodel import Session, select

from ..db import session_scope
from ..models import KabKota, Opd, Provinsi, Urusan

REF_DIR = Path(__file__).resolve().parent.parent / "reference"


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def load_reference(session: Session) -> dict[str, int]:
    """Insert missing rows (idempotent); admin edits to OPD are never overwritten."""
    counts = {"urusan": 0, "provinsi": 0, "kabkota": 0, "opd": 0}
    for r in _rows(REF_DIR / "urusan.csv"):
        if session.get(Urusan, r["kode"]) is None:
            session.add(Urusan(kode=r["kode"], kelompok=r["kelompok"], nama=r["nama"]))
            counts["urusan"] += 1
    for r in _rows(REF_DIR / "wilayah" / "provinces.csv"):
        if session.get(Provinsi, r["code"]) is None:
            session.add(Provinsi(kode=r["code"], nama=r["name"]))
            counts["provinsi"] += 1
    session.flush()
    for r in _rows(REF_DIR / "wilayah" / "regencies.csv"):
        if session.get(KabKota, r["code"]) is None:
            session.add(KabKota(kode=r["code"], provinsi_kode=r["province_code"], nama=r["name"]))
            counts["kabkota"] += 1
    if session.exec(select(Opd)).first() is None:
        for r in _rows(REF_DIR / "opd_samarinda.csv"):
            session.add(Opd(singkatan=r["singkatan"], nama=r["nama"], jenis=r["jenis"]))
            counts["opd"] += 1
    return counts


@cache
def urusan_options() -> tuple[tuple[str, str], ...]:
    """(kode, "kode – nama") pairs; reference rows do not change while running."""
    with session_scope() as s:
        rows = s.exec(select(Urusan).order_by(Urusan.kode)).all()
        return tuple((u.kode, f"{u.kode} – {u.nama}") for u in rows)


def urusan_codes() -> set[str]:
    return {k for k, _ in urusan_options()}


@cache
def kabkota_options() -> tuple[tuple[str, str], ...]:
    """(kode, "Kota Samarinda, Kalimantan Timur") for all regencies/cities."""
    with session_scope() as s:
        prov = {p.kode: p.nama for p in s.exec(select(Provinsi))}
        rows = s.exec(select(KabKota).order_by(KabKota.nama)).all()
        return tuple((k.kode, f"{k.nama}, {prov.get(k.provinsi_kode, '')}") for k in rows)


def kabkota_label(kode: str | None) -> str:
    return dict(kabkota_options()).get(kode or "", "")


def urusan_label(kode: str | None) -> str:
    return dict(urusan_options()).get(kode or "", "")


def opd_options(active_only: bool = True) -> list[tuple[int, str]]:
    """The OPD list is maintained by admins, so it is read fresh each time."""
    with session_scope() as s:
        q = select(Opd).order_by(Opd.nama)
        if active_only:
            q = q.where(Opd.aktif == True)  # noqa: E712 - SQL expression
        return [(o.id or 0, f"{o.nama} ({o.singkatan})") for o in s.exec(q)]
