"""The stage machine (DESIGN §4): every action from every status, for every kind of actor."""

import itertools

import pytest

from sikerja_app.domain.roles import Role
from sikerja_app.domain.stages import (
    BEFORE_SIGNING,
    EDITABLE,
    FINAL,
    PEMBAHASAN,
    SHORT_LABELS,
    STATUS_LABELS,
    Action,
    Actor,
    Status,
    TransitionError,
    actor_for_role,
    allowed_actions,
    check_transition,
    stage_index,
)

S = Status
A = Action

# The process of DESIGN §4, written out independently of the code under test:
# action -> (actor, note required, {source: target}).
EXPECTED: dict[Action, tuple[Actor, bool, dict[Status, Status]]] = {
    A.SUBMIT: (Actor.APPLICANT, False, {S.DRAFT: S.DIAJUKAN, S.DIKEMBALIKAN: S.DIAJUKAN}),
    A.RETURN: (Actor.ADMIN, True, {S.DIAJUKAN: S.DIKEMBALIKAN}),
    A.REJECT: (Actor.ADMIN, True, {
        S.DIAJUKAN: S.DITOLAK, S.PENAWARAN: S.DITOLAK,
        S.KESEPAKATAN_BERSAMA: S.DITOLAK, S.PERJANJIAN_KERJA_SAMA: S.DITOLAK,
    }),
    A.APPROVE_INTAKE: (Actor.ADMIN, False, {S.DIAJUKAN: S.PENAWARAN}),
    A.APPROVE_STAGE: (Actor.SYSTEM, False, {
        S.PENAWARAN: S.KESEPAKATAN_BERSAMA,
        S.KESEPAKATAN_BERSAMA: S.PERJANJIAN_KERJA_SAMA,
        S.PERJANJIAN_KERJA_SAMA: S.PENJADWALAN,
    }),
    A.SKIP_STAGE: (Actor.ADMIN, True, {
        S.KESEPAKATAN_BERSAMA: S.PERJANJIAN_KERJA_SAMA,
        S.PERJANJIAN_KERJA_SAMA: S.PENJADWALAN,
    }),
    A.AGREE_SCHEDULE: (Actor.SYSTEM, False, {S.PENJADWALAN: S.PENANDATANGANAN}),
    A.RECORD_SIGNING: (Actor.ADMIN, False, {S.PENANDATANGANAN: S.PELAKSANAAN}),
    A.EXPIRE: (Actor.SYSTEM, False, {S.PELAKSANAAN: S.BERAKHIR}),
    A.WITHDRAW: (Actor.APPLICANT, False, {
        s: S.DIBATALKAN for s in (
            S.DRAFT, S.DIAJUKAN, S.DIKEMBALIKAN, S.PENAWARAN, S.KESEPAKATAN_BERSAMA,
            S.PERJANJIAN_KERJA_SAMA, S.PENJADWALAN,
        )
    }),
    A.REVOKE: (Actor.ADMIN, True, {S.PELAKSANAAN: S.DICABUT}),
}

ALL_CASES = list(itertools.product(Action, Status, Actor))


def test_expected_table_covers_every_action() -> None:
    assert set(EXPECTED) == set(Action)


@pytest.mark.parametrize(("action", "source", "actor"), ALL_CASES,
                         ids=[f"{a}-{s}-{r}" for a, s, r in ALL_CASES])
def test_every_action_from_every_status_for_every_actor(
    action: Action, source: Status, actor: Actor
) -> None:
    rule_actor, needs_note, moves = EXPECTED[action]
    if actor == rule_actor and source in moves:
        assert check_transition(action, source, actor, "Alasan: dokumen belum lengkap.") == moves[source]
        if needs_note:
            for blank in ("", "   ", "\n\t"):
                with pytest.raises(TransitionError, match="Catatan atau alasan wajib diisi"):
                    check_transition(action, source, actor, blank)
        else:
            assert check_transition(action, source, actor) == moves[source]
        return
    with pytest.raises(TransitionError) as exc:
        check_transition(action, source, actor, "Catatan apa pun")
    if actor != rule_actor:
        assert str(exc.value) == "Anda tidak berwenang melakukan tindakan ini."
    else:
        assert str(exc.value) == f"Tindakan ini tidak dapat dilakukan pada tahap {SHORT_LABELS[source]}."


@pytest.mark.parametrize("source", list(Status))
@pytest.mark.parametrize("actor", [*Actor, None])
def test_allowed_actions_matches_the_rules(source: Status, actor: Actor | None) -> None:
    expected = {a for a, (who, _, moves) in EXPECTED.items() if who == actor and source in moves}
    assert set(allowed_actions(source, actor)) == expected


@pytest.mark.parametrize("final", sorted(FINAL))
def test_final_states_have_no_way_out(final: Status) -> None:
    for actor in Actor:
        assert allowed_actions(final, actor) == []
    for action, actor in itertools.product(Action, Actor):
        with pytest.raises(TransitionError):
            check_transition(action, final, actor, "catatan")


def test_final_states_are_the_four_of_the_design() -> None:
    assert set(FINAL) == {S.DITOLAK, S.BERAKHIR, S.DIBATALKAN, S.DICABUT}


def test_withdraw_only_before_signing() -> None:
    assert set(BEFORE_SIGNING) == {
        S.DRAFT, S.DIAJUKAN, S.DIKEMBALIKAN, *PEMBAHASAN, S.PENJADWALAN,
    }
    for status in (S.PENANDATANGANAN, S.PELAKSANAAN, *FINAL):
        with pytest.raises(TransitionError, match="tidak dapat dilakukan"):
            check_transition(A.WITHDRAW, status, Actor.APPLICANT)
    for status in BEFORE_SIGNING:
        assert check_transition(A.WITHDRAW, status, Actor.APPLICANT) == S.DIBATALKAN
        with pytest.raises(TransitionError, match="tidak berwenang"):
            check_transition(A.WITHDRAW, status, Actor.ADMIN)


def test_discussion_stages_in_order_and_skip_only_kb_or_pks() -> None:
    assert PEMBAHASAN == (S.PENAWARAN, S.KESEPAKATAN_BERSAMA, S.PERJANJIAN_KERJA_SAMA)
    with pytest.raises(TransitionError):
        check_transition(A.SKIP_STAGE, S.PENAWARAN, Actor.ADMIN, "tidak perlu")
    assert check_transition(A.SKIP_STAGE, S.KESEPAKATAN_BERSAMA, Actor.ADMIN, "Sinergi") == \
        S.PERJANJIAN_KERJA_SAMA


def test_a_stage_cannot_be_approved_by_a_person_directly() -> None:
    """Stage approval is counted by the service (admin + every assigned TKKSD)."""
    for stage in PEMBAHASAN:
        for actor in (Actor.ADMIN, Actor.APPLICANT):
            with pytest.raises(TransitionError, match="tidak berwenang"):
                check_transition(A.APPROVE_STAGE, stage, actor)


def test_only_draft_and_returned_are_editable() -> None:
    assert set(EDITABLE) == {S.DRAFT, S.DIKEMBALIKAN}


@pytest.mark.parametrize(
    ("role", "is_applicant", "expected"),
    [
        (Role.ADMIN, False, Actor.ADMIN),
        (Role.ADMIN, True, Actor.ADMIN),
        (Role.PEMOHON, True, Actor.APPLICANT),
        (Role.PEMOHON, False, None),  # an applicant of another application
        (Role.TKKSD, True, None),  # TKKSD decisions are counted inside a stage
        (Role.TKKSD, False, None),
        (Role.OPD, True, None),
        ("TAMU", True, None),
    ],
)
def test_actor_for_role(role: str, is_applicant: bool, expected: Actor | None) -> None:
    assert actor_for_role(role, is_applicant) == expected


def test_tkksd_and_opd_have_no_buttons() -> None:
    for status in Status:
        assert allowed_actions(status, actor_for_role(Role.TKKSD, True)) == []
        assert allowed_actions(status, actor_for_role(Role.OPD, True)) == []


def test_stage_index_follows_the_main_path() -> None:
    path = [S.DRAFT, S.DIAJUKAN, S.PENAWARAN, S.KESEPAKATAN_BERSAMA, S.PERJANJIAN_KERJA_SAMA,
            S.PENJADWALAN, S.PENANDATANGANAN, S.PELAKSANAAN, S.BERAKHIR]
    assert [stage_index(s) for s in path] == list(range(len(path)))
    assert stage_index(S.DIKEMBALIKAN) == stage_index(S.DIAJUKAN)
    for side in (S.DITOLAK, S.DIBATALKAN, S.DICABUT):
        assert stage_index(side) == -1


def test_every_status_has_indonesian_labels() -> None:
    assert set(STATUS_LABELS) == set(Status) == set(SHORT_LABELS)
    assert all(label.strip() for label in [*STATUS_LABELS.values(), *SHORT_LABELS.values()])
    assert STATUS_LABELS[S.DIBATALKAN] == "Dibatalkan oleh pemohon"
