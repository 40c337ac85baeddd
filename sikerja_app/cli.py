"""Command line: migrate, load data, create the first admin.

    python -m sikerja_app.cli setup          # migrate + reference data (+ demo data)
    python -m sikerja_app.cli create-admin --email E --nama N   # password asked twice
"""

import argparse
import getpass
import sys
from pathlib import Path

from .config import get_settings

ROOT_DIR = Path(__file__).resolve().parent.parent


def migrate() -> None:
    from alembic import command
    from alembic.config import Config

    cfg = Config(str(ROOT_DIR / "alembic.ini"))
    cfg.set_main_option("script_location", str(ROOT_DIR / "alembic"))
    command.upgrade(cfg, "head")


def setup() -> None:
    from .services.seed import DEMO_ACCOUNTS, DEMO_PASSWORD, seed_demo, seed_reference

    migrate()
    counts = seed_reference()
    print(f"Data referensi dimuat: {counts}")
    from .services.seed import seed_content

    print(f"Informasi dan FAQ awal dimuat: {seed_content()}")
    if not get_settings().demo_data:
        print("Data demo dimatikan (SIKERJA_DEMO_DATA=0).")
        return
    created = seed_demo()
    print("Data demo dibuat." if created else "Data demo sudah ada.")
    print(f"\nAkun demo (kata sandi semua akun: {DEMO_PASSWORD})")
    for acc in DEMO_ACCOUNTS:
        role = "TKKSD (Protokol)" if acc.is_protokol else acc.role
        print(f"  {role:<17} {acc.email:<26} {acc.nama}")
    print()


def create_admin(email: str, nama: str, password: str | None) -> int:
    from sqlmodel import select

    from .db import session_scope
    from .models import User
    from .services.security import check_password_strength, hash_password

    password = password or getpass.getpass("Kata sandi: ")
    if password != (getpass.getpass("Ulangi kata sandi: ") if sys.stdin.isatty() else password):
        print("Kata sandi tidak sama.")
        return 1
    problem = check_password_strength(password)
    if problem:
        print(problem)
        return 1
    with session_scope() as s:
        if s.exec(select(User).where(User.email == email.lower())).first():
            print("Email sudah terdaftar.")
            return 1
        s.add(User(email=email.lower(), password_hash=hash_password(password), role="ADMIN",
                   nama_lengkap=nama))
    print(f"Admin {email} dibuat.")
    return 0


def sintetis(jumlah: int, benih: int | None, hapus: bool) -> int:
    """Load (or remove) the synthetic dataset of services/synthetic.py; never part of setup."""
    import time

    from .services import synthetic
    from .services.seed import seed_reference

    if hapus:
        synthetic.remove(print)
        return 0
    migrate()
    seed_reference()
    t0 = time.perf_counter()
    try:
        counts = synthetic.load(jumlah, benih, progress=print)
    except ValueError as exc:
        print(f"Gagal: {exc}")
        return 1
    print(f"Data sintetis dimuat dalam {time.perf_counter() - t0:.1f} detik: {counts}")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="sikerja")
    sub = parser.add_subparsers(dest="cmd", required=True)
    sub.add_parser("migrate")
    sub.add_parser("setup")
    ca = sub.add_parser("create-admin")
    ca.add_argument("--email", required=True)
    ca.add_argument("--nama", required=True)
    ca.add_argument("--password-stdin", action="store_true",
                    help="baca kata sandi dari stdin (untuk skrip)")
    sy = sub.add_parser("sintetis", help="muat data sintetis untuk demo/pengukuran (bukan bagian setup)")
    sy.add_argument("--jumlah", type=int, default=1000, help="jumlah kerja sama (permohonan ikut dibuat)")
    sy.add_argument("--benih", type=int, default=None, help="benih acak agar hasilnya dapat diulang")
    sy.add_argument("--hapus", action="store_true", help="hapus semua data sintetis")
    args = parser.parse_args(argv)
    if args.cmd == "migrate":
        migrate()
    elif args.cmd == "setup":
        setup()
    elif args.cmd == "create-admin":
        pw = sys.stdin.readline().rstrip("\n") if args.password_stdin else None
        return create_admin(args.email, args.nama, pw)
    elif args.cmd == "sintetis":
        return sintetis(args.jumlah, args.benih, args.hapus)
    return 0


if __name__ == "__main__":
    sys.exit(main())
