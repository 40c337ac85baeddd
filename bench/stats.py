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
import atexit
import os
import shutil
import statistics as pystats
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["SIKERJA_DATA_DIR"] = tempfile.mkdtemp(prefix="sikerja-bench-stats-")
atexit.register(shutil.rmtree, os.environ["SIKERJA_DATA_DIR"], ignore_errors=True)  # ~150 MB at 100,000
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


def timed(fn: Callable[[], object], rounds: int) -> tuple[float, float]:
    """Median wall and CPU time (this process: SQLite runs in it) in ms over ``rounds`` calls, after a warm-up.

    On a shared machine the wall time includes waiting for a core; the CPU time does not.
    """
    fn()
    wall, cpu = [], []
    for _ in range(rounds):
        w0, c0 = time.perf_counter(), time.process_time()
        fn()
        wall.append((time.perf_counter() - w0) * 1000)
        cpu.append((time.process_time() - c0) * 1000)
    return pystats.median(wall), pystats.median(cpu)


def row(label: str, t: tuple[float, float], floor: tuple[float, float]) -> None:
    print(f"   {label:<40}{t[0]:>10.1f}{t[0] / floor[0]:>9.1f}{t[1]:>10.1f}{t[1] / floor[1]:>9.1f}")


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
    print(f"Lantai: satu groupby().size() pandas atas {len(df):,} baris = {floor[0]:.2f} ms dinding, "
          f"{floor[1]:.2f} ms CPU (median {rounds}x)\n")

    filters = {
        "tanpa saringan": Filter(),
        "2020–2023, Perusahaan": Filter(tahun_dari=2020, tahun_sampai=2023, jenis="PERUSAHAAN"),
        "status Berlaku, urusan 1.01": Filter(status="BERLAKU", urusan="1.01"),
    }
    for label, f in filters.items():
        print(f"== Saringan: {label}")
        print(f"   {'grafik / tabel':<40}{'dinding ms':>10}{'× lantai':>9}{'CPU ms':>10}{'× lantai':>9}")
        total = [0.0, 0.0]
        for name in statistics.CHARTS:
            t = timed(lambda name=name, f=f: statistics.chart(name, f), rounds)
            total = [total[0] + t[0], total[1] + t[1]]
            row(name + (" (tanpa simpanan)" if name == "rata_hari" else ""), t, floor)
        for page in (1, 50):
            t = timed(lambda page=page, f=f: statistics.table_page(None, f, "register", page), rounds)
            total = [total[0] + t[0], total[1] + t[1]]
            row(f"tabel register, halaman {page}", t, floor)
        row("JUMLAH: 7 grafik + 2 halaman tabel", (total[0], total[1]), floor)
        statistics.clear_cache()
        a = statistics.aggregates(None, f)
        row("7 grafik, rata_hari dari simpanan", timed(lambda f=f: statistics.aggregates(None, f), rounds), floor)
        row("membangun 7 figur Plotly", timed(lambda a=a: charts.figures(a), rounds), floor)
        print()


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--jumlah", type=int, default=100_000)
    parser.add_argument("--ulang", type=int, default=5)
    args = parser.parse_args()
    main(args.jumlah, args.ulang)
