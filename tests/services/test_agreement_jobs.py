"""Agreement reminders and expiry with a frozen clock (issue 4 item 5).

Every test passes ``today`` (or freezes ``utcnow``), so nothing depends on the real date. The
agreements here live in the 1960s, far away from those other suites create, and are revoked
when the test ends, so a later run in another test never touches them.
"""

import itertools
import threading
import uuid
from collections.abc import Iterator
from datetime import UTC, date, datetime, timedelta

import pytest
from sqlmodel import or_, select

from sikerja_app.db import session_scope
from sikerja_app.models import (
    Agreement,
    AgreementReminder,
    Application,
    ApplicationEvent,
    MonevReport,
    Notification,
    Opd,
    User,
)
from sikerja_app.services import agreement_jobs as jobs
from sikerja_app.services.notifications import admin_ids

pytestmark = pytest.mark.usefixtures("db")
_n = itertools.count(1)


def unique(prefix: str = "x") -> str:
    return f"{prefix}{next(_n)}{uuid.uuid4().hex[:6]}"


EXPIRY_KEYS = {f"BERAKHIR_{d}" for d in jobs.EXPIRY_DAYS}
NOTHING = {"expired": 0, "expiry_reminders": 0, "monev_reminders": 0}


@pytest.fixture()
def world(make) -> Iterator[dict]:  # noqa: ANN001 - fixture
    """A fresh OPD with two officers, an officer of another OPD, two applicants of one institution."""
    with session_scope() as s:
        opd, other = Opd(singkatan=unique("T")[:20], nama="Dinas Uji Pengingat"), \
            Opd(singkatan=unique("L")[:20], nama="Dinas Lain")
        s.add(opd)
        s.add(other)
        s.flush()
        opd_id, other_id = opd.id, other.id
    inst = make.instansi()
    w = {
        "opd_id": opd_id,
        "opd1": make.user("OPD", opd_id=opd_id),
        "opd2": make.user("OPD", opd_id=opd_id),
        "opd_other": make.user("OPD", opd_id=other_id),
        "p1": make.pemohon(inst),
        "p2": make.pemohon(inst),
        "outsider": make.pemohon(),
        "inst": inst,
        "made": [],
    }
    yield w
    with session_scope() as s:  # keep later runs (in other tests) away from these agreements
        for aid in w["made"]:
            ag = s.get(Agreement, aid)
            if ag is not None and ag.status == "BERLAKU":
                ag.status = "DICABUT"
                s.add(ag)


def _agreement(w: dict, end: date, start: date | None = None, linked: bool = True, months: int = 6,
               status: str = "BERLAKU") -> int:
    """An agreement of the world's OPD; ``linked``: through an application in PELAKSANAAN."""
    start = start or end - timedelta(days=3 * 365)
    title = f"Kerja sama uji pengingat {unique()}"
    with session_scope() as s:
        app_id = None
        if linked:
            app = Application(code=unique("U")[:20], status="PELAKSANAAN", instansi_id=w["inst"],
                              ppksd1_id=w["p1"].id, ppksd2_id=w["p2"].id, judul=title, urusan_kode="1.01")
            s.add(app)
            s.flush()
            app_id = app.id
        ag = Agreement(application_id=app_id, source="SISTEM" if linked else "IMPOR", judul=title,
                       mitra_nama="Mitra Uji", mitra_jenis_kode="PERGURUAN_TINGGI", mitra_kabkota_kode="64.72",
                       urusan_kode="1.01", opd_id=w["opd_id"], nomor_daerah=unique("ND/"), nomor_mitra=unique("NM/"),
                       tanggal_ttd=start, berlaku_mulai=start, berlaku_sampai=end, status=status, monev_months=months)
        s.add(ag)
        s.flush()
        w["made"].append(ag.id)
        return ag.id or 0


def _keys(agreement_id: int, user_id: int | None = None) -> list[str]:
    with session_scope() as s:
        q = select(AgreementReminder.key).where(AgreementReminder.agreement_id == agreement_id)
        if user_id is not None:
            q = q.where(AgreementReminder.user_id == user_id)
        return sorted(s.exec(q))


def _notes(user_id: int, agreement_id: int) -> list[str]:
    with session_scope() as s:
        link = f"/register/{agreement_id}"
        return list(s.exec(select(Notification.text).where(
            Notification.user_id == user_id,
            or_(Notification.link == link, Notification.link.startswith(link + "/")))))


def _status(agreement_id: int) -> tuple[str, str | None]:
    with session_scope() as s:
        ag = s.get(Agreement, agreement_id)
        app = s.get(Application, ag.application_id) if ag.application_id else None
        return ag.status, app.status if app else None


def test_nearest_threshold() -> None:
    levels = jobs.EXPIRY_DAYS
    assert [jobs.nearest_threshold(d, levels) for d in (91, 90, 89, 61, 60, 55, 31, 30, 8, 7, 1, 0, -1)] == \
        [None, 90, 90, 90, 60, 60, 60, 30, 30, 7, 7, 0, None]
    assert jobs.nearest_threshold(14, jobs.MONEV_DAYS) == 14 and jobs.nearest_threshold(3, jobs.MONEV_DAYS) == 14
    assert jobs.nearest_threshold(0, jobs.MONEV_DAYS) == 0


def test_each_expiry_threshold_fires_once_on_its_day_and_a_second_run_sends_nothing(world: dict) -> None:
    end = date(1961, 6, 30)
    aid = _agreement(world, end, months=60)  # one monev period: its reminders use other keys
    officer = world["opd1"].id
    first_day: dict[str, date] = {}
    for offset in range(100, -1, -1):
        day = end - timedelta(days=offset)
        jobs.run(today=day)
        assert jobs.run(today=day) == NOTHING, f"a second run on {day} sent something"
        for key in _keys(aid, officer):
            first_day.setdefault(key, day)
    expiry = {k: v for k, v in first_day.items() if k.startswith("BERAKHIR_")}
    assert expiry == {f"BERAKHIR_{d}": end - timedelta(days=d) for d in jobs.EXPIRY_DAYS}
    mine = [k for k in _keys(aid, officer) if k.startswith("BERAKHIR_")]
    assert sorted(mine) == sorted(EXPIRY_KEYS)  # each exactly once
    texts = [t for t in _notes(officer, aid) if "berakhir" in t]
    assert len(texts) == 5
    assert any("akan berakhir dalam 90 hari (30 Juni 1961)" in t for t in texts)
    assert any("berakhir hari ini (30 Juni 1961)" in t for t in texts)
    assert _status(aid) == ("BERLAKU", "PELAKSANAAN")  # the end date itself is still a valid day


def test_a_missed_day_catches_up_with_the_nearest_threshold_only_once(world: dict) -> None:
    end = date(1962, 9, 30)
    aid = _agreement(world, end, months=60)
    jobs.run(today=end - timedelta(days=55))  # the first run ever, 55 days before the end
    officer = world["opd1"].id
    assert _keys(aid, officer) == ["BERAKHIR_60"]
    assert any("akan berakhir dalam 55 hari" in t for t in _notes(officer, aid))
    for offset in (54, 40, 31):
        jobs.run(today=end - timedelta(days=offset))
    assert _keys(aid, officer) == ["BERAKHIR_60"]
    jobs.run(today=end - timedelta(days=12))  # 30 and 7 missed: the nearest (30) once, then 7 on time
    jobs.run(today=end - timedelta(days=7))
    assert [k for k in _keys(aid, officer) if k.startswith("BERAKHIR_")] == ["BERAKHIR_30", "BERAKHIR_60",
                                                                              "BERAKHIR_7"]


def test_expiry_reminders_reach_applicants_admins_and_the_agreements_opd_only(world: dict, make) -> None:  # noqa: ANN001
    end = date(1963, 3, 31)
    aid = _agreement(world, end, months=60)
    retired = make.user("OPD", opd_id=world["opd_id"])
    with session_scope() as s:
        u = s.get(User, retired.id)
        u.is_active = False
        s.add(u)
    jobs.run(today=end - timedelta(days=30))
    with session_scope() as s:
        admins = set(admin_ids(s))
        got = set(s.exec(select(AgreementReminder.user_id).where(AgreementReminder.agreement_id == aid,
                                                                 AgreementReminder.key == "BERAKHIR_30")))
    expected = {world["p1"].id, world["p2"].id, world["opd1"].id, world["opd2"].id} | admins
    assert got == expected
    for nobody in (world["opd_other"], world["outsider"], retired):
        assert _notes(nobody.id, aid) == []


def test_an_imported_agreement_without_application_reminds_admins_and_opd(world: dict) -> None:
    end = date(1963, 8, 31)
    aid = _agreement(world, end, linked=False, months=60)
    jobs.run(today=end - timedelta(days=7))
    with session_scope() as s:
        admins = set(admin_ids(s))
        users = set(s.exec(select(AgreementReminder.user_id).where(AgreementReminder.agreement_id == aid)))
    assert users == admins | {world["opd1"].id, world["opd2"].id}
    jobs.run(today=end + timedelta(days=1))
    assert _status(aid) == ("BERAKHIR", None)


def test_two_workers_at_once_send_each_reminder_once(world: dict) -> None:
    end = date(1964, 11, 30)
    ids = [_agreement(world, end - timedelta(days=i), months=60) for i in range(4)]
    day = end - timedelta(days=7)
    barrier, errors = threading.Barrier(2), []

    def worker() -> None:
        barrier.wait()
        try:
            jobs.run(today=day)
        except Exception as exc:  # noqa: BLE001 - reported below
            errors.append(exc)

    threads = [threading.Thread(target=worker) for _ in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not errors
    with session_scope() as s:
        people = jobs.expiry_people(s, s.get(Agreement, ids[0]))
    for aid in ids:
        for uid in people:  # the expiry reminder and, for the reporters, the last report's: one notice each
            keys = _keys(aid, uid)
            assert "BERAKHIR_7" in keys
            assert len(_notes(uid, aid)) == len(keys), (uid, keys, _notes(uid, aid))
        assert sorted(_keys(aid, world["p1"].id)) == ["BERAKHIR_7", "MONEV_1_PEMOHON_14"]
        assert len(_notes(world["p1"].id, aid)) == 2
    assert jobs.run(today=day) == NOTHING


def test_berakhir_on_the_day_after_the_end_date_not_on_it(world: dict) -> None:
    end = date(1965, 5, 31)
    aid = _agreement(world, end, months=60)
    jobs.run(today=end)
    assert _status(aid) == ("BERLAKU", "PELAKSANAAN")
    result = jobs.run(today=end + timedelta(days=1))
    assert result["expired"] >= 1
    assert _status(aid) == ("BERAKHIR", "BERAKHIR")
    with session_scope() as s:
        app_id = s.get(Agreement, aid).application_id
        events = list(s.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == app_id)))
    assert [(e.action, e.from_status, e.to_status, e.actor_id) for e in events] == \
        [("EXPIRE", "PELAKSANAAN", "BERAKHIR", None)]
    assert any("telah berakhir" in t for t in _notes(world["p1"].id, aid))
    assert jobs.run(today=end + timedelta(days=2)) == NOTHING  # once, and no more reminders
    assert len([t for t in _notes(world["p1"].id, aid) if "telah berakhir" in t]) == 1


@pytest.mark.parametrize(("utc_time", "expired"), [
    ((15, 59), False),  # 23.59 WITA on the end date (UTC: the same date)
    ((16, 0), True),  # 00.00 WITA the day after, while UTC is still on the end date
    ((17, 30), True),
])
def test_the_day_is_counted_in_wita_not_utc(world: dict, monkeypatch: pytest.MonkeyPatch,
                                            utc_time: tuple[int, int], expired: bool) -> None:
    end = date(1966, 1, 31)
    aid = _agreement(world, end, months=60)
    now = datetime(end.year, end.month, end.day, *utc_time, tzinfo=UTC)
    monkeypatch.setattr(jobs, "utcnow", lambda: now)
    assert now.date() == end  # in UTC it is still the end date
    assert jobs.local_today() == (end + timedelta(days=1) if expired else end)
    jobs.run()
    assert _status(aid)[0] == ("BERAKHIR" if expired else "BERLAKU")


def test_monev_due_reminders_per_side_skip_when_the_report_exists(world: dict) -> None:
    start, end = date(1967, 1, 1), date(1969, 12, 31)
    aid = _agreement(world, end, start=start, months=6)  # period 1: 1 January – 30 June 1967
    due = date(1967, 6, 30)
    jobs.run(today=due - timedelta(days=20))
    assert _keys(aid) == []
    jobs.run(today=due - timedelta(days=14))
    assert set(_keys(aid, world["p1"].id)) == {"MONEV_1_PEMOHON_14"}
    assert set(_keys(aid, world["opd1"].id)) == {"MONEV_1_OPD_14"}
    assert any("jatuh tempo dalam 14 hari (30 Juni 1967)" in t for t in _notes(world["p2"].id, aid))
    jobs.run(today=due - timedelta(days=10))  # between the thresholds: nothing new
    assert len(_keys(aid)) == 4
    with session_scope() as s:  # the applicant side files its report for period 1
        s.add(MonevReport(agreement_id=aid, side="PEMOHON", period_no=1, period_start=start, period_end=due,
                          progress="a", outputs="b", problems="c", follow_up="d", filed_by=world["p1"].id))
    jobs.run(today=due)
    assert set(_keys(aid, world["p1"].id)) == {"MONEV_1_PEMOHON_14"}  # no "due today" for a filed report
    assert set(_keys(aid, world["opd1"].id)) == {"MONEV_1_OPD_14", "MONEV_1_OPD_0"}
    assert any("jatuh tempo hari ini" in t for t in _notes(world["opd2"].id, aid))
    assert not any("jatuh tempo hari ini" in t for t in _notes(world["p1"].id, aid))
    assert jobs.run(today=due) == NOTHING
    # the next period's reminder, 14 days before 31 December 1967
    jobs.run(today=date(1967, 12, 17))
    assert "MONEV_2_PEMOHON_14" in _keys(aid, world["p1"].id)


def test_revoked_and_ended_agreements_get_no_reminders(world: dict) -> None:
    end = date(1970, 4, 30)
    revoked = _agreement(world, end, months=60, status="DICABUT")
    ended = _agreement(world, end, months=60, status="BERAKHIR")
    jobs.run(today=end - timedelta(days=7))
    jobs.run(today=end)
    assert _keys(revoked) == [] and _keys(ended) == []
    assert _status(revoked)[0] == "DICABUT"
