"""Read the shipped reference CSV files (no database): used to build static choices."""

import csv
from functools import cache
from pathlib import Path

REF_DIR = Path(__file__).resolve().parent.parent / "reference"


def read_csv(*parts: str) -> list[dict[str, str]]:
    with REF_DIR.joinpath(*parts).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


@cache
def kabkota_choices() -> tuple[tuple[str, str], ...]:
    """(kode, "Kota Samarinda – Kalimantan Timur"), sorted by name."""
    prov = {r["code"]: r["name"] for r in read_csv("wilayah", "provinces.csv")}
    rows = read_csv("wilayah", "regencies.csv")
    return tuple(sorted(((r["code"], f"{r['name']} – {prov.get(r['province_code'], '')}") for r in rows),
                        key=lambda x: x[1]))


@cache
def urusan_choices() -> tuple[tuple[str, str, str], ...]:
    """(kode, nama, kelompok) in code order."""
    return tuple((r["kode"], r["nama"], r["kelompok"]) for r in read_csv("urusan.csv"))
