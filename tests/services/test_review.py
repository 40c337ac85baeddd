"""Admin verification at intake: inbox, return, reject, approve; who may decide; races."""

import pytest
from sqlmodel import select

from sikerja_app.db import session_scope
from sikerja_app.domain.stages import Action, Actor
from sikerja_app.models import Application, ApplicationEvent, AuditLog, Notification, TkksdAssignment
from sikerja_app.services import app_view, applications, review
from sikerja_app.services.errors import Forbidden, NotFound, ServiceError
from sikerja_app.services.seed import demo_user
from sikerja_app.services.transitions import apply_transition

pytestmark = pytest.mark.usefixtures("db")

IP = "10.5.5.5"


@pytest.fixture
def admin():  # noqa: ANN201
    return demo_user("admin")


@pytest.fixture
def tkksd():  # noqa: ANN201
    return demo_user("tkksd")


@pytest.fixture
def submitted(make) -> tuple[int, object]:  # noqa: ANN001
    """A fresh submitted application and its PPKSD-1."""
    owner = make.pemohon()
    app_id, _ = make.submitted(owner)
    return app_id, owner


def status(app_id: int) -> str:
    with session_scope() as s:
        return s.get(Application, app_id).status


def assignments(app_id: int) -> set[int]:
    with session_scope() as s:
        return set(s.exec(select(TkksdAssignment.user_id).where(TkksdAssignment.application_id == app_id)))


def notifications_for(user_id: int, app_id: int) -> list[str]:
    with session_scope() as s:
        return [n.text for n in s.exec(select(Notification).where(
            Notification.user_id == user_id, Notification.link == f"/pengajuan/{app_id}"))]


def denied_total(user_id: int) -> int:
    with session_scope() as s:
        return len(s.exec(select(AuditLog).where(
            AuditLog.action == "AKSES_DITOLAK", AuditLog.user_id == user_id)).all())


DECISIONS = {
    "approve": lambda u, a, ids: review.approve(u, a, ids, IP),
    "return": lambda u, a, ids: review.return_for_revision(u, a, "Perbaiki judul.", IP),
    "reject": lambda u, a, ids: review.reject(u, a, "Tidak sesuai kewenangan daerah.", IP),
}


# ---------------------------------------------------------------- who may decide


@pytest.mark.parametrize("decision", sorted(DECISIONS))
@pytest.mark.parametrize("who", ["owner", "ppksd2", "other_applicant", "tkksd", "protokol", "opd"])
def test_only_admin_decides_at_intake(make, tkksd, decision: str, who: str) -> None:  # noqa: ANN001
    owner = make.pemohon()
    p2 = make.pemohon(owner.instansi_id)
    app_id = make.draft(owner)
    applications.set_ppksd2(owner, app_id, p2.id)
    applications.submit(owner, app_id, True, IP)
    actor = {
        "owner": owner, "ppksd2": p2, "other_applicant": demo_user("pemohon3"),
        "tkksd": tkksd, "protokol": demo_user("protokol"), "opd": demo_user("opd"),
    }[who]
    before = denied_total(actor.id)
    with pytest.raises(Forbidden):
        DECISIONS[decision](actor, app_id, [tkksd.id])
    assert status(app_id) == "DIAJUKAN"
    assert assignments(app_id) == set()
    assert denied_total(actor.id) == before + 1


def test_inbox_is_for_admins_only(make, tkksd) -> None:  # noqa: ANN001
    for actor in (make.pemohon(), tkksd, demo_user("opd")):
        with pytest.raises(Forbidden):
            review.inbox(actor)


# ---------------------------------------------------------------- inbox


def test_inbox_lists_submitted_never_drafts(make, admin) -> None:  # noqa: ANN001
    owner = make.pemohon()
    draft = make.draft(owner)
    app_id, code = make.submitted(owner)
    rows, total = review.inbox(admin, query=code)
    assert total == 1 and [r.id for r in rows] == [app_id]
    assert rows[0].instansi and rows[0].status == "DIAJUKAN"
    everything, total_all = review.inbox(admin, page=1)
    assert total_all >= 2 and len(everything) <= review.PAGE_SIZE
    all_ids = set()
    page = 1
    while True:
        rows, _ = review.inbox(admin, page=page)
        if not rows:
            break
        all_ids |= {r.id for r in rows}
        assert all(r.status != "DRAFT" for r in rows)
        page += 1
    assert app_id in all_ids and draft not in all_ids
    assert len(all_ids) == total_all


def test_inbox_filters_by_status_and_text(make, admin) -> None:  # noqa: ANN001
    owner = make.pemohon(make.instansi(nama="Yayasan Uji Saring Kotak Masuk"))
    app_id, code = make.submitted(owner, sample=1)
    review.return_for_revision(admin, app_id, "Lengkapi.", IP)
    rows, _ = review.inbox(admin, status="DIKEMBALIKAN", query=code.lower())
    assert [r.id for r in rows] == [app_id]
    rows, _ = review.inbox(admin, status="DIAJUKAN", query=code)
    assert rows == []
    rows, _ = review.inbox(admin, query="SARING kotak")  # by institution name
    assert [r.id for r in rows] == [app_id]
    assert rows[0].instansi == "Yayasan Uji Saring Kotak Masuk"
    rows, _ = review.inbox(admin, query="sampah plastik")  # by title; newest change first
    assert rows[0].id == app_id


def test_tkksd_members(make) -> None:  # noqa: ANN001
    inactive = make.user("TKKSD", None, is_active=False)
    members = dict(review.tkksd_members())
    assert demo_user("tkksd").id in members
    assert "(Protokol)" in members[demo_user("protokol").id]
    assert inactive.id not in members
    assert demo_user("admin").id not in members


# ---------------------------------------------------------------- approve


def test_approve_assigns_tkksd_and_opens_penawaran(submitted, admin, tkksd) -> None:  # noqa: ANN001
    app_id, owner = submitted
    protokol = demo_user("protokol")
    review.approve(admin, app_id, [tkksd.id, protokol.id], IP)
    assert status(app_id) == "PENAWARAN"
    assert assignments(app_id) == {tkksd.id, protokol.id}
    assert app_view.view(tkksd, app_id).status == "PENAWARAN"  # assigned members now see it
    assert notifications_for(tkksd.id, app_id)
    assert notifications_for(owner.id, app_id)
    with session_scope() as s:
        ev = s.exec(select(ApplicationEvent).where(ApplicationEvent.application_id == app_id)
                    .order_by(ApplicationEvent.id.desc())).first()  # type: ignore[union-attr]
        audit = s.exec(select(AuditLog).where(AuditLog.action == "STATUS_APPROVE_INTAKE",
                                              AuditLog.target_id == str(app_id))).one()
    assert (ev.action, ev.from_status, ev.to_status, ev.actor_id) == \
        ("APPROVE_INTAKE", "DIAJUKAN", "PENAWARAN", admin.id)
    assert audit.user_id == admin.id and audit.detail == "DIAJUKAN->PENAWARAN"


def test_unassigned_tkksd_cannot_view(make, submitted, admin, tkksd) -> None:  # noqa: ANN001
    app_id, _ = submitted
    with pytest.raises(NotFound):  # not before assignment...
        app_view.view(tkksd, app_id)
    other = make.user("TKKSD", None)
    review.approve(admin, app_id, [tkksd.id], IP)
    with pytest.raises(NotFound):  # ...and not when someone else is assigned
        app_view.view(other, app_id)


@pytest.mark.parametrize("choice", ["none", "applicant", "admin", "inactive", "unknown", "mixed"])
def test_approve_needs_valid_tkksd_members(make, submitted, admin, tkksd, choice: str) -> None:  # noqa: ANN001
    app_id, owner = submitted
    ids = {
        "none": lambda: [],
        "applicant": lambda: [owner.id],
        "admin": lambda: [admin.id],
        "inactive": lambda: [make.user("TKKSD", None, is_active=False).id],
        "unknown": lambda: [987_654],
        "mixed": lambda: [tkksd.id, owner.id],
    }[choice]()
    with pytest.raises(ServiceError) as exc:
        review.approve(admin, app_id, ids, IP)
    assert "tkksd" in exc.value.errors
    assert status(app_id) == "DIAJUKAN"
    assert assignments(app_id) == set()


def test_cannot_decide_on_a_draft(make, admin, tkksd) -> None:  # noqa: ANN001
    owner = make.pemohon()
    app_id = make.draft(owner)
    for decision in DECISIONS.values():
        with pytest.raises(NotFound):
            decision(admin, app_id, [tkksd.id])
    assert status(app_id) == "DRAFT"


# ---------------------------------------------------------------- return and reject


@pytest.mark.parametrize("blank", ["", "   ", "\n"])
def test_return_and_reject_need_a_note(submitted, admin, blank: str) -> None:  # noqa: ANN001
    app_id, _ = submitted
    with pytest.raises(ServiceError, match="wajib diisi"):
        review.return_for_revision(admin, app_id, blank, IP)
    with pytest.raises(ServiceError, match="wajib diisi"):
        review.reject(admin, app_id, blank, IP)
    assert status(app_id) == "DIAJUKAN"


def test_return_reopens_the_application_for_its_applicant(submitted, admin) -> None:  # noqa: ANN001
    app_id, owner = submitted
    review.return_for_revision(admin, app_id, "  Lampirkan rincian lokasi.  ", IP)
    assert status(app_id) == "DIKEMBALIKAN"
    draft = applications.get_draft(owner, app_id)
    assert draft.admin_note == "Lampirkan rincian lokasi."
    assert any("dikembalikan" in t for t in notifications_for(owner.id, app_id))
    applications.save_field(owner, app_id, "lokasi", "Kelurahan Sempaja Selatan, Samarinda Utara.")


def test_reject_is_final(submitted, admin, tkksd) -> None:  # noqa: ANN001
    app_id, owner = submitted
    review.reject(admin, app_id, "Bukan kewenangan daerah.", IP)
    assert status(app_id) == "DITOLAK"
    assert app_view.view(owner, app_id).admin_note == "Bukan kewenangan daerah."
    assert app_view.view(owner, app_id).actions == []
    assert any("ditolak" in t for t in notifications_for(owner.id, app_id))
    for name, decision in DECISIONS.items():
        with pytest.raises(ServiceError):
            decision(admin, app_id, [tkksd.id])
        assert status(app_id) == "DITOLAK", name
    with pytest.raises(NotFound):
        applications.submit(owner, app_id, True, IP)
    with pytest.raises(ServiceError):
        applications.withdraw(owner, app_id, IP)


def test_reject_during_discussion(submitted, admin, tkksd) -> None:  # noqa: ANN001
    app_id, _ = submitted
    review.approve(admin, app_id, [tkksd.id], IP)
    review.reject(admin, app_id, "Mitra menarik diri dari pembahasan.", IP)
    assert status(app_id) == "DITOLAK"


# ---------------------------------------------------------------- races


@pytest.mark.parametrize(
    ("first", "second"),
    [("return", "approve"), ("return", "reject"), ("approve", "return"), ("reject", "approve"),
     ("approve", "approve"), ("return", "return")],
)
def test_second_decision_on_a_changed_application_is_refused(
    submitted, admin, tkksd, first: str, second: str  # noqa: ANN001
) -> None:
    app_id, _ = submitted
    other_admin = admin
    DECISIONS[first](admin, app_id, [tkksd.id])
    after_first = status(app_id)
    with pytest.raises(ServiceError):
        DECISIONS[second](other_admin, app_id, [tkksd.id])
    assert status(app_id) == after_first
    with session_scope() as s:
        decided = s.exec(select(ApplicationEvent).where(
            ApplicationEvent.application_id == app_id,
            ApplicationEvent.action.in_(["RETURN", "REJECT", "APPROVE_INTAKE"]))).all()  # type: ignore[attr-defined]
    assert len(decided) == 1


def test_racing_decision_with_a_stale_copy_is_refused(submitted, admin, tkksd) -> None:  # noqa: ANN001
    """Two admins open the same application; the second click arrives after the first was
    written. The guarded UPDATE finds the state changed and refuses."""
    app_id, _ = submitted
    with session_scope() as s:
        stale = s.get(Application, app_id)  # loaded while still DIAJUKAN
        assert stale.status == "DIAJUKAN"
        review.return_for_revision(admin, app_id, "Lengkapi lampiran.", IP)  # the other admin
        with pytest.raises(ServiceError, match="baru saja diubah"):
            apply_transition(s, stale, Action.APPROVE_INTAKE, Actor.ADMIN, admin.id, "", IP)
        s.rollback()
    assert status(app_id) == "DIKEMBALIKAN"
    assert assignments(app_id) == set()


def test_applicant_withdraw_races_with_approval(submitted, admin, tkksd) -> None:  # noqa: ANN001
    app_id, owner = submitted
    applications.withdraw(owner, app_id, IP)
    with pytest.raises(ServiceError):
        review.approve(admin, app_id, [tkksd.id], IP)
    assert status(app_id) == "DIBATALKAN"
    assert assignments(app_id) == set()


def test_timeline_after_the_whole_intake(submitted, admin, tkksd) -> None:  # noqa: ANN001
    app_id, owner = submitted
    review.return_for_revision(admin, app_id, "Perbaiki pembiayaan.", IP)
    applications.save_field(owner, app_id, "pembiayaan", "APBD dan dana mitra.")
    applications.submit(owner, app_id, True, IP)
    review.approve(admin, app_id, [tkksd.id], IP)
    view = app_view.view(owner, app_id)
    assert [t.label for t in view.timeline] == [
        "Draf dibuat", "Diajukan", "Dikembalikan untuk perbaikan", "Diajukan",
        "Diverifikasi – tahap Penawaran dibuka",
    ]
    assert view.timeline[2].note == "Perbaiki pembiayaan."
    assert view.revisions == 2
    assert view.admin_note == ""  # cleared on approval
    assert view.tkksd == ["Dr. Bambang Suryadi, M.Si."]  # the assigned member, by full name
