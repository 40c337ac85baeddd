"""Benchmark: Statistik on N synthetic agreements against a bare pandas group-by in the same run.

A throw-away SQLite database gets the synthetic dataset (``services/synthetic.py``). For a few filters
the script times every chart of the Statistik page and the table page, the way the page computes them
(SQL GROUP BY through the services), and beside them the floor: one bare pandas ``groupby().size()``
over the same agreement rows, already in memory. It prints each time, the sum and their ratios to
the floor. "Average days per stage" is timed uncached (the page keeps it per filter until a new
status event appears); the cached figure is printed too.

    python bench/stats.py [--jumlah 100000] [--ulang 5]
"""

import argparse
import os
import statistics as pystats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SIKERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="sikerja-bench-stats-")
os.environ.pop("SIKERJA_DATABASE_URL", None)

import pandas as pd  # noqa: E402
from sqlalchemy import select  # noqa: E402

from sikerja_app import cli  # noqa: E402
from sikerja_app.components import charts  # noqa: E402
from sikerja_app.db import get_engine  # noqa: E402
from sikerja_app.models import Agreement  # noqa: E402
from sikerja_app.services import statistics, synthetic  # noqa: E402
from sikerja_app.services.seed import seed_reference  # noqa: E402
from sikerja_app.services.statistics import Filter  # noqa: E402


def timed(fn: Callable[[], object], rounds: int) -> float:
    """Median wall time in milliseconds over ``rounds`` calls (after one warm-up call)."""
    fn()
    times = []
    for _ in range(rounds):
        t0 = time.perf_counter()
        fn()
        times.append((time.perf_counter() - t0) * 1000)
    return pystats.median(times)


def main(n: int, rounds: int) -> None:
    print(f"Basis data sementara: {os.environ['SIKERJA_DATA_DIR']}")
    cli.migrate()
    seed_reference()
    t0 = time.perf_counter()
    counts = synthetic.load(n, seed=2026)
    print(f"Data sintetis: {counts} dimuat dalam {time.perf_counter() - t0:.1f} dtk\n")

    cols = [Agreement.tanggal_ttd, Agreement.status, Agreement.mitra_jenis_kode, Agreement.urusan_kode,
            Agreement.mitra_kabkota_kode, Agreement.berlaku_sampai]
    t0 = time.perf_counter()
    with get_engine().connect() as conn:
        df = pd.read_sql(select(*cols), conn)
    print(f"pandas: {len(df):,} baris kerja sama dibaca ke DataFrame dalam {(time.perf_counter() - t0) * 1000:.0f} ms "
          "(tidak termasuk lantai)")
    floor = timed(lambda: df.groupby("mitra_jenis_kode").size(), rounds)
    print(f"Lantai: satu groupby().size() pandas atas {len(df):,} baris = {floor:.2f} ms (median {rounds}x)\n")

    filters = {
        "tanpa saringan": Filter(),
        "2020–2023, Perusahaan": Filter(tahun_dari=2020, tahun_sampai=2023, jenis="PERUSAHAAN"),
        "status Berlaku, urusan 1.01": Filter(status="BERLAKU", urusan="1.01"),
    }
    for label, f in filters.items():
        print(f"== Saringan: {label}")
        print(f"   {'grafik / tabel':<40}{'ms':>9}{'× lantai':>11}")
        total = 0.0
        for name in statistics.CHARTS:
            ms = timed(lambda name=name, f=f: statistics.chart(name, f), rounds)
            total += ms
            print(f"   {name:<40}{ms:>9.1f}{ms / floor:>11.0f}")
        for page in (1, 50):
            ms = timed(lambda page=page, f=f: statistics.table_page(None, f, "register", page), rounds)
            total += ms
            print(f"   {'tabel register, halaman ' + str(page):<40}{ms:>9.1f}{ms / floor:>11.0f}")
        print(f"   {'JUMLAH (semua grafik + 2 halaman)':<40}{total:>9.1f}{total / floor:>11.0f}")
        statistics.clear_cache()
        a = statistics.aggregates(None, f)
        cached = timed(lambda f=f: statistics.aggregates(None, f), rounds)
        figs = timed(lambda a=a: charts.figures(a), rounds)
        print(f"   {'semua grafik, rata-rata hari tersimpan':<40}{cached:>9.1f}{cached / floor:>11.0f}")
        print(f"   {'membangun 7 figur Plotly':<40}{figs:>9.1f}{figs / floor:>11.0f}\n")


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jumlah", type=int, default=100_000)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()
    main(args.jumlah, args.ulang)
