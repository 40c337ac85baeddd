"""Who may see and touch an application (plain facts in, yes/no out)."""

import pytest

from sikerja_app.domain.permissions import (
    AppFacts,
    Viewer,
    can_be_ppksd2,
    can_decide_intake,
    can_edit_content,
    can_view,
    is_applicant,
)
from sikerja_app.domain.roles import Role
from sikerja_app.domain.stages import EDITABLE, Status

INSTANSI, OTHER_INSTANSI = 10, 20
PPKSD1, PPKSD2, COLLEAGUE, STRANGER = 1, 2, 3, 4
ADMIN, TKKSD_ASSIGNED, TKKSD_OTHER, OPD_USER = 50, 60, 61, 70
OPD_LINKED, OPD_OTHER = 7, 8

ppksd1 = Viewer(PPKSD1, Role.PEMOHON, INSTANSI)
ppksd2 = Viewer(PPKSD2, Role.PEMOHON, INSTANSI)
colleague = Viewer(COLLEAGUE, Role.PEMOHON, INSTANSI)  # same institution, not on this application
stranger = Viewer(STRANGER, Role.PEMOHON, OTHER_INSTANSI)
admin = Viewer(ADMIN, Role.ADMIN)
tkksd = Viewer(TKKSD_ASSIGNED, Role.TKKSD)
protokol = Viewer(TKKSD_ASSIGNED, Role.TKKSD, is_protokol=True)
tkksd_other = Viewer(TKKSD_OTHER, Role.TKKSD)
opd = Viewer(OPD_USER, Role.OPD, opd_id=OPD_LINKED)
opd_other = Viewer(OPD_USER + 1, Role.OPD, opd_id=OPD_OTHER)


def facts(status: Status, **kw: object) -> AppFacts:
    values: dict[str, object] = {
        "status": status, "instansi_id": INSTANSI, "ppksd1_id": PPKSD1, "ppksd2_id": PPKSD2,
        "tkksd_ids": frozenset({TKKSD_ASSIGNED}), "opd_ids": frozenset({OPD_LINKED}),
    }
    values.update(kw)
    return AppFacts(**values)  # type: ignore[arg-type]


NOT_DRAFT = [s for s in Status if s != Status.DRAFT]
AFTER_SIGNING = {Status.PELAKSANAAN, Status.BERAKHIR, Status.DICABUT}


@pytest.mark.parametrize("status", list(Status))
def test_applicant_of_another_instansi_never_views_or_edits(status: Status) -> None:
    app = facts(status)
    assert not can_view(stranger, app)
    assert not can_edit_content(stranger, app)
    assert not is_applicant(stranger, app)


def test_user_id_of_ppksd_is_not_enough_from_another_instansi() -> None:
    """Someone holding the PPKSD-1/2 id but now belonging to another institution."""
    moved1 = Viewer(PPKSD1, Role.PEMOHON, OTHER_INSTANSI)
    moved2 = Viewer(PPKSD2, Role.PEMOHON, OTHER_INSTANSI)
    for status in NOT_DRAFT:
        assert not can_view(moved1, facts(status))
        assert not can_view(moved2, facts(status))
    for status in EDITABLE:
        assert not can_edit_content(moved1, facts(status))


def test_draft_of_former_institution_is_not_visible_after_moving() -> None:
    """A PPKSD-1 who joined another institution no longer sees the old institution's draft
    (is_applicant requires "still of its institution"; the draft branch of can_view does
    not check the institution at all)."""
    moved = Viewer(PPKSD1, Role.PEMOHON, OTHER_INSTANSI)
    assert not can_view(moved, facts(Status.DRAFT))


@pytest.mark.parametrize("status", NOT_DRAFT)
def test_ppksd2_views_but_never_edits(status: Status) -> None:
    app = facts(status)
    assert can_view(ppksd2, app)
    assert is_applicant(ppksd2, app)
    assert not can_edit_content(ppksd2, app)


def test_draft_is_private_to_ppksd1() -> None:
    draft = facts(Status.DRAFT)
    assert can_view(ppksd1, draft)
    assert can_edit_content(ppksd1, draft)
    for other in (ppksd2, colleague, stranger, admin, tkksd, protokol, opd):
        assert not can_view(other, draft), other


@pytest.mark.parametrize("status", list(Status))
def test_ppksd1_edits_only_draft_or_returned(status: Status) -> None:
    assert can_edit_content(ppksd1, facts(status)) == (status in {Status.DRAFT, Status.DIKEMBALIKAN})
    assert can_view(ppksd1, facts(status))


@pytest.mark.parametrize("status", NOT_DRAFT)
def test_colleague_of_same_instansi_not_on_the_application(status: Status) -> None:
    assert not can_view(colleague, facts(status))
    assert not can_edit_content(colleague, facts(status))


@pytest.mark.parametrize("status", list(Status))
def test_admin_sees_everything_but_drafts_and_never_edits_content(status: Status) -> None:
    assert can_view(admin, facts(status)) == (status != Status.DRAFT)
    assert not can_edit_content(admin, facts(status))


@pytest.mark.parametrize("status", list(Status))
def test_tkksd_only_assigned_and_not_drafts(status: Status) -> None:
    app = facts(status)
    assert can_view(tkksd, app) == (status != Status.DRAFT)
    assert can_view(protokol, app) == (status != Status.DRAFT)
    assert not can_view(tkksd_other, app)
    assert not can_edit_content(tkksd, app)


@pytest.mark.parametrize("status", list(Status))
def test_opd_only_after_signing_and_only_its_own_agreements(status: Status) -> None:
    app = facts(status)
    assert can_view(opd, app) == (status in AFTER_SIGNING)
    assert not can_view(opd_other, app)
    assert not can_edit_content(opd, app)


def test_ppksd1_with_id_of_admin_role_is_not_an_applicant() -> None:
    """The role decides, not the id: an admin whose id equals PPKSD-1's is not the applicant."""
    impostor = Viewer(PPKSD1, Role.ADMIN, INSTANSI)
    assert not is_applicant(impostor, facts(Status.DIAJUKAN))
    assert not can_edit_content(impostor, facts(Status.DRAFT))
    assert not can_view(impostor, facts(Status.DRAFT))


def test_only_admin_decides_intake() -> None:
    assert can_decide_intake(admin)
    for v in (ppksd1, ppksd2, tkksd, protokol, opd):
        assert not can_decide_intake(v)


def test_application_without_ppksd2() -> None:
    app = facts(Status.DIAJUKAN, ppksd2_id=None)
    assert can_view(ppksd1, app)
    assert not can_view(colleague, app)
    assert not can_view(Viewer(0, Role.PEMOHON, INSTANSI), app)


class TestCanBePpksd2:
    app = facts(Status.DRAFT, ppksd2_id=None)

    def test_another_active_applicant_of_the_same_instansi(self) -> None:
        assert can_be_ppksd2(Role.PEMOHON, INSTANSI, COLLEAGUE, True, self.app)

    def test_refuses_other_instansi(self) -> None:
        assert not can_be_ppksd2(Role.PEMOHON, OTHER_INSTANSI, STRANGER, True, self.app)

    def test_refuses_no_instansi(self) -> None:
        assert not can_be_ppksd2(Role.PEMOHON, None, STRANGER, True, self.app)

    def test_refuses_self(self) -> None:
        assert not can_be_ppksd2(Role.PEMOHON, INSTANSI, PPKSD1, True, self.app)

    def test_refuses_inactive(self) -> None:
        assert not can_be_ppksd2(Role.PEMOHON, INSTANSI, COLLEAGUE, False, self.app)

    @pytest.mark.parametrize("role", [Role.ADMIN, Role.TKKSD, Role.OPD, "TAMU"])
    def test_refuses_non_pemohon(self, role: str) -> None:
        assert not can_be_ppksd2(role, INSTANSI, COLLEAGUE, True, self.app)
