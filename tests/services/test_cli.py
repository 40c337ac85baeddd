"""The deployment commands: setup without demo data, then the first admin account."""

import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def _run(args: list[str], data_dir: Path, stdin: str = "", **env: str) -> subprocess.CompletedProcess:
    full_env = {**os.environ, "SIKERJA_DATA_DIR": str(data_dir), **env}
    full_env.pop("SIKERJA_DATABASE_URL", None)
    return subprocess.run([sys.executable, "-m", "sikerja_app.cli", *args], cwd=ROOT, env=full_env,
                          input=stdin, capture_output=True, text=True, timeout=120)


def _count(data_dir: Path, sql: str) -> int:
    import sqlite3

    with sqlite3.connect(data_dir / "sikerja.db") as conn:
        return conn.execute(sql).fetchone()[0]


def test_setup_without_demo_data_then_create_first_admin(tmp_path: Path) -> None:
    out = _run(["setup"], tmp_path, SIKERJA_DEMO_DATA="0")
    assert out.returncode == 0, out.stderr
    assert "Data demo dimatikan" in out.stdout
    assert _count(tmp_path, "select count(*) from user") == 0
    assert _count(tmp_path, "select count(*) from kabkota") == 514
    assert _count(tmp_path, "select count(*) from urusan") == 38

    weak = _run(["create-admin", "--email", "Kabag@Samarindakota.go.id", "--nama", "Kabag KS",
                 "--password-stdin"], tmp_path, stdin="pendek\n")
    assert weak.returncode == 1 and "paling sedikit 10 karakter" in weak.stdout
    ok = _run(["create-admin", "--email", "Kabag@Samarindakota.go.id", "--nama", "Kabag KS",
               "--password-stdin"], tmp_path, stdin="Rahasia-Kabag-2026\n")
    assert ok.returncode == 0, ok.stdout + ok.stderr
    again = _run(["create-admin", "--email", "kabag@samarindakota.go.id", "--nama", "X", "--password-stdin"],
                 tmp_path, stdin="Rahasia-Kabag-2026\n")
    assert again.returncode == 1 and "sudah terdaftar" in again.stdout
    assert _count(tmp_path, "select count(*) from user where role='ADMIN'") == 1

    login = subprocess.run(
        [sys.executable, "-c",
         "from sikerja_app.services.auth import login, resolve;"
         "r = login('kabag@samarindakota.go.id', 'Rahasia-Kabag-2026', '127.0.0.1', 't');"
         "print(resolve(r.token).role)"],
        cwd=ROOT, env={**os.environ, "SIKERJA_DATA_DIR": str(tmp_path)}, capture_output=True, text=True)
    assert login.stdout.strip() == "ADMIN", login.stderr


def test_setup_twice_changes_nothing(tmp_path: Path) -> None:
    assert _run(["setup"], tmp_path).returncode == 0
    users = _count(tmp_path, "select count(*) from user")
    apps = _count(tmp_path, "select count(*) from application")
    second = _run(["setup"], tmp_path)
    assert second.returncode == 0 and "Data demo sudah ada." in second.stdout
    assert (_count(tmp_path, "select count(*) from user"), _count(tmp_path, "select count(*) from application")) \
        == (users, apps)
    assert users == 7 and apps == 2
