"""The staff dashboard: counts per stage, scope per role, waiting work, expiring agreements, the trend;
and the printable summary's access and contents."""

from datetime import UTC, date, datetime, timedelta

import pytest

from sikerja_app.db import session_scope
from sikerja_app.domain.dates import to_local, utcnow
from sikerja_app.models import Agreement, Application, TkksdAssignment
from sikerja_app.services import app_print, dashboard, review, stages
from sikerja_app.services import applications as apps
from sikerja_app.services.errors import Forbidden, NotFound
from sikerja_app.services.files import receive_upload
from sikerja_app.services.seed import demo_user, fill_application, sample_applications
from tests.conftest import Factory, unique

pytestmark = pytest.mark.usefixtures("db")

PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def _counts(actor) -> dict[str, int]:  # noqa: ANN001
    total, rows = dashboard.counts(actor)
    out = {r.status: r.n for r in rows}
    assert total == sum(out.values())
    return out


def _insert(world: dict, status: str, submitted: datetime | None, tkksd_id: int | None = None) -> int:
    with session_scope() as s:
        app = Application(code=unique("D")[:20] if status != "DRAFT" else None, status=status,
                          instansi_id=world["inst"], ppksd1_id=world["p1"].id, judul=f"Dasbor {unique()}",
                          urusan_kode="1.01", submitted_at=submitted)
        s.add(app)
        s.flush()
        if tkksd_id:
            s.add(TkksdAssignment(application_id=app.id, user_id=tkksd_id, assigned_by=demo_user("admin").id))
        return app.id or 0


@pytest.fixture()
def world(make: Factory) -> dict:
    inst = make.instansi()
    return {"inst": inst, "p1": make.user("PEMOHON", inst), "tk": make.user("TKKSD")}


def test_admin_counts_equal_hand_counted_ones(world: dict) -> None:
    admin = demo_user("admin")
    before = _counts(admin)
    assert "DRAFT" not in before
    now = utcnow()
    for status in ("DRAFT", "DRAFT", "DIAJUKAN", "DIAJUKAN", "PENAWARAN", "PELAKSANAAN", "DITOLAK"):
        _insert(world, status, None if status == "DRAFT" else now)
    after = _counts(admin)
    delta = {k: after[k] - before.get(k, 0) for k in after if after[k] != before.get(k, 0)}
    assert delta == {"DIAJUKAN": 2, "PENAWARAN": 1, "PELAKSANAAN": 1, "DITOLAK": 1}


def test_tkksd_sees_only_assigned(world: dict, make: Factory) -> None:
    tk, other = world["tk"], make.user("TKKSD")
    now = utcnow()
    _insert(world, "PENAWARAN", now, tk.id)
    _insert(world, "PENAWARAN", now, tk.id)
    _insert(world, "PERJANJIAN_KERJA_SAMA", now, tk.id)
    _insert(world, "DRAFT", None, tk.id)  # never counted
    _insert(world, "PENAWARAN", now, other.id)
    _insert(world, "DIAJUKAN", now)
    got = {k: v for k, v in _counts(tk).items() if v}
    assert got == {"PENAWARAN": 2, "PERJANJIAN_KERJA_SAMA": 1}
    assert {k: v for k, v in _counts(other).items() if v} == {"PENAWARAN": 1}
    sm = dashboard.summary(tk)
    assert sm.total == 3 and sm.stalled == []  # stalled stages are the admins' list


@pytest.mark.parametrize("who", ["pemohon1", "opd"])
def test_others_are_refused(who: str) -> None:
    with pytest.raises(Forbidden):
        dashboard.summary(demo_user(who))
    with pytest.raises(Forbidden):
        dashboard.counts(demo_user(who))
    with pytest.raises(Forbidden):
        dashboard.summary(None)


def test_trend_months_in_the_region_zone(world: dict) -> None:
    tk = world["tk"]
    # 31 March 20.00 UTC is 1 April 04.00 WITA: it counts for April.
    _insert(world, "PENAWARAN", datetime(2031, 3, 31, 20, 0, tzinfo=UTC), tk.id)
    _insert(world, "DIAJUKAN", datetime(2031, 1, 5, 3, 0, tzinfo=UTC), tk.id)
    _insert(world, "DITOLAK", datetime(2031, 1, 20, 3, 0, tzinfo=UTC), tk.id)
    _insert(world, "PELAKSANAAN", datetime(2030, 4, 15, 3, 0, tzinfo=UTC), tk.id)
    _insert(world, "PELAKSANAAN", datetime(2030, 3, 31, 15, 0, tzinfo=UTC), tk.id)  # 23.00 WITA: March
    _insert(world, "PENAWARAN", datetime(2031, 6, 1, 3, 0, tzinfo=UTC), tk.id)  # after "today": not shown
    _insert(world, "PENAWARAN", datetime(2029, 4, 1, 3, 0, tzinfo=UTC), tk.id)  # two years back: not counted
    _insert(world, "DRAFT", datetime(2031, 2, 1, 3, 0, tzinfo=UTC), tk.id)  # drafts never count
    year, rows = dashboard.trend(tk, today=date(2031, 4, 10))
    assert year == 2031
    assert [(r.label, r.this_year, r.last_year) for r in rows] == [
        ("Januari", 2, 0), ("Februari", 0, 0), ("Maret", 0, 1), ("April", 1, 1)]


def test_expiring_soonest_first_and_only_in_force(world: dict) -> None:
    admin = demo_user("admin")
    today = to_local(utcnow(), "Asia/Makassar").date()
    made = []
    with session_scope() as s:
        for days, status in ((30, "BERLAKU"), (5, "BERLAKU"), (200, "BERLAKU"), (10, "DICABUT")):
            ag = Agreement(source="MANUAL", judul=f"Akan berakhir {unique()}", mitra_nama="Mitra Uji",
                           mitra_jenis_kode="PERGURUAN_TINGGI", mitra_kabkota_kode="64.72", urusan_kode="1.01",
                           nomor_daerah=unique("ND/"), nomor_mitra=unique("NM/"), tanggal_ttd=today - timedelta(400),
                           berlaku_mulai=today - timedelta(400), berlaku_sampai=today + timedelta(days),
                           status=status, monev_months=6)
            s.add(ag)
            s.flush()
            made.append(ag.id)
    rows, total = dashboard.expiring(admin)
    ids = [r.id for r in rows]
    assert made[1] in ids and made[0] in ids and made[2] not in ids and made[3] not in ids
    assert ids.index(made[1]) < ids.index(made[0])
    assert total >= 2
    assert [r.days for r in rows] == sorted(r.days for r in rows)


def test_waiting_items_for_the_assigned_tkksd() -> None:
    p1, admin, tk = demo_user("pemohon1"), demo_user("admin"), demo_user("tkksd")
    aid = apps.start_draft(p1)
    fill_application(p1, aid, sample_applications()[0], ["DISKOMINFO"])
    apps.save_field(p1, aid, "judul", f"Uji dasbor {aid}")
    apps.set_ppksd2(p1, aid, demo_user("pemohon2").id)
    apps.submit(p1, aid, True, "127.0.0.1")
    review.approve(admin, aid, [tk.id], "127.0.0.1")
    for kind in ("SURAT_PENAWARAN", "STUDI_KELAYAKAN"):
        fid = receive_upload(p1, f"{kind}.pdf", [PDF + kind.encode()]).id
        stages.add_document_version(p1, aid, "PENAWARAN", kind, fid)
    assert aid in [p.app_id for p in dashboard.summary(tk).waiting]
    assert aid in [p.app_id for p in dashboard.summary(admin).waiting]

    # The printable summary: everything at once for a participant, NotFound for an outsider.
    pv = app_print.view(tk, aid)
    assert pv.app.code and len(pv.app.narratives) == 9 and all(text for _, text in pv.app.narratives)
    assert [t.label for t in pv.app.timeline][:2] == ["Draf dibuat", "Diajukan"]
    assert [s.stage for s in pv.stages] == ["PENAWARAN"]
    assert {d["name"] for d in pv.stages[0].documents} == {"SURAT_PENAWARAN.pdf", "STUDI_KELAYAKAN.pdf"}
    with pytest.raises(NotFound):
        app_print.view(demo_user("pemohon3"), aid)
    with pytest.raises(NotFound):
        app_print.view(demo_user("opd"), aid)
