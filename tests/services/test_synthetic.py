"""The synthetic dataset: every stage, kind, urusan spread and duration; recognisable; removable."""

from collections import Counter

import pytest
from sqlalchemy import func
from sqlmodel import select

from sikerja_app import cli
from sikerja_app.db import session_scope
from sikerja_app.domain.jenis_pemohon import JENIS_KODES
from sikerja_app.domain.stages import Status
from sikerja_app.models import Agreement, Application, ApplicationEvent, Instansi, User
from sikerja_app.services import synthetic

pytestmark = pytest.mark.usefixtures("db")


def _counts() -> tuple[int, int, int, int, int]:
    with session_scope() as s:
        return tuple(s.exec(select(func.count()).select_from(m)).one()  # type: ignore[return-value]
                     for m in (Agreement, Application, ApplicationEvent, User, Instansi))


def test_load_covers_everything_and_remove_takes_exactly_it_away() -> None:
    before = _counts()
    try:
        counts = synthetic.load(1200, seed=99)
        assert counts["kerja_sama"] == 1200 and counts["permohonan"] > 1200 * 0.9
        with session_scope() as s:
            agreements = s.exec(select(Agreement).where(Agreement.source == synthetic.SOURCE)).all()
            synthetic_users = select(User.id).where(User.email.like("%@sintetis.invalid"))
            apps = s.exec(select(Application).where(Application.ppksd1_id.in_(synthetic_users))).all()  # type: ignore[attr-defined]
            users = s.exec(select(User).where(User.email.like("%@sintetis.invalid"))).all()
        assert len(agreements) == 1200
        assert {a.mitra_jenis_kode for a in agreements} == set(JENIS_KODES)
        assert {a.status for a in agreements} == {"BERLAKU", "BERAKHIR", "DICABUT"}
        assert len({a.urusan_kode for a in agreements}) >= 30
        assert len({a.mitra_kabkota_kode for a in agreements}) >= 15
        assert len({a.tanggal_ttd.year for a in agreements}) == 10
        assert {(a.berlaku_sampai - a.berlaku_mulai).days // 365 for a in agreements} >= {0, 1, 2, 4}
        assert all(a.opd_id is None for a in agreements)  # no real OPD officer gets reminders
        stages = Counter(a.status for a in apps)
        assert set(stages) == {s.value for s in Status}, stages  # every stage, drafts and final ones included
        assert all(a.code is None for a in apps if a.status == "DRAFT")
        # the synthetic people cannot sign in and carry nothing personal
        assert users and all(u.password_hash == "!" and not u.is_active and u.nik == "" and u.telepon == ""
                             for u in users)
        # loading the same seed twice is refused
        with pytest.raises(ValueError, match="sudah dimuat"):
            synthetic.load(10, seed=99)
    finally:
        removed = synthetic.remove()
    assert removed["kerja_sama"] == 1200
    assert _counts() == before


def test_cli_subcommand(capsys: pytest.CaptureFixture[str]) -> None:
    before = _counts()
    try:
        assert cli.main(["sintetis", "--jumlah", "50", "--benih", "5"]) == 0
        assert "Data sintetis dimuat" in capsys.readouterr().out
        assert _counts()[0] == before[0] + 50
    finally:
        assert cli.main(["sintetis", "--hapus"]) == 0
    assert _counts() == before
