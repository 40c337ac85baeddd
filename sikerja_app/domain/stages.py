"""The stage machine of an application (DESIGN §4).

Every transition is described once here: where it may start, where it ends and
which actor may trigger it. Services call :func:`check_transition` before writing
anything, so a refused action never touches the database.
"""

from dataclasses import dataclass
from enum import StrEnum

from .roles import Role


class Status(StrEnum):
    DRAFT = "DRAFT"
    DIAJUKAN = "DIAJUKAN"
    DIKEMBALIKAN = "DIKEMBALIKAN"
    DITOLAK = "DITOLAK"
    PENAWARAN = "PENAWARAN"
    KESEPAKATAN_BERSAMA = "KESEPAKATAN_BERSAMA"
    PERJANJIAN_KERJA_SAMA = "PERJANJIAN_KERJA_SAMA"
    PENJADWALAN = "PENJADWALAN"
    PENANDATANGANAN = "PENANDATANGANAN"
    PELAKSANAAN = "PELAKSANAAN"
    BERAKHIR = "BERAKHIR"
    DIBATALKAN = "DIBATALKAN"
    DICABUT = "DICABUT"


STATUS_LABELS: dict[Status, str] = {
    Status.DRAFT: "Draf",
    Status.DIAJUKAN: "Diajukan – menunggu verifikasi",
    Status.DIKEMBALIKAN: "Dikembalikan untuk perbaikan",
    Status.DITOLAK: "Ditolak",
    Status.PENAWARAN: "Pembahasan: Penawaran Kerja Sama",
    Status.KESEPAKATAN_BERSAMA: "Pembahasan: Rancangan Kesepakatan Bersama",
    Status.PERJANJIAN_KERJA_SAMA: "Pembahasan: Rancangan Perjanjian Kerja Sama",
    Status.PENJADWALAN: "Penjadwalan penandatanganan",
    Status.PENANDATANGANAN: "Penandatanganan",
    Status.PELAKSANAAN: "Pelaksanaan",
    Status.BERAKHIR: "Berakhir",
    Status.DIBATALKAN: "Dibatalkan oleh pemohon",
    Status.DICABUT: "Dicabut",
}

SHORT_LABELS: dict[Status, str] = {
    Status.DRAFT: "Draf",
    Status.DIAJUKAN: "Diajukan",
    Status.DIKEMBALIKAN: "Dikembalikan",
    Status.DITOLAK: "Ditolak",
    Status.PENAWARAN: "Penawaran",
    Status.KESEPAKATAN_BERSAMA: "Kesepakatan Bersama",
    Status.PERJANJIAN_KERJA_SAMA: "Perjanjian Kerja Sama",
    Status.PENJADWALAN: "Penjadwalan",
    Status.PENANDATANGANAN: "Penandatanganan",
    Status.PELAKSANAAN: "Pelaksanaan",
    Status.BERAKHIR: "Berakhir",
    Status.DIBATALKAN: "Dibatalkan",
    Status.DICABUT: "Dicabut",
}

# The three discussion stages, in order.
PEMBAHASAN: tuple[Status, ...] = (
    Status.PENAWARAN,
    Status.KESEPAKATAN_BERSAMA,
    Status.PERJANJIAN_KERJA_SAMA,
)
FINAL: frozenset[Status] = frozenset(
    {Status.DITOLAK, Status.BERAKHIR, Status.DIBATALKAN, Status.DICABUT}
)
# "Any stage before signing" may be withdrawn by the applicant.
BEFORE_SIGNING: frozenset[Status] = frozenset(
    {
        Status.DRAFT,
        Status.DIAJUKAN,
        Status.DIKEMBALIKAN,
        *PEMBAHASAN,
        Status.PENJADWALAN,
    }
)
# The applicant may change the application content only in these states.
EDITABLE: frozenset[Status] = frozenset({Status.DRAFT, Status.DIKEMBALIKAN})


class Action(StrEnum):
    SUBMIT = "SUBMIT"  # applicant submits a draft or a returned application
    RETURN = "RETURN"  # admin returns it for revision with a note
    REJECT = "REJECT"  # admin rejects it with a reason (final)
    APPROVE_INTAKE = "APPROVE_INTAKE"  # admin verifies; Penawaran opens
    APPROVE_STAGE = "APPROVE_STAGE"  # all approvers agreed; next stage opens
    SKIP_STAGE = "SKIP_STAGE"  # admin marks KB or PKS as not needed
    AGREE_SCHEDULE = "AGREE_SCHEDULE"  # the signing schedule is settled
    RECORD_SIGNING = "RECORD_SIGNING"  # admin records the signed agreement
    EXPIRE = "EXPIRE"  # the validity period has ended
    WITHDRAW = "WITHDRAW"  # applicant withdraws (final)
    REVOKE = "REVOKE"  # admin revokes an active agreement (final)


class Actor(StrEnum):
    """Who triggers a transition: a role of the acting person, or the system."""

    APPLICANT = "APPLICANT"  # PPKSD-1 or PPKSD-2 of the application
    ADMIN = "ADMIN"
    SYSTEM = "SYSTEM"  # the service itself, e.g. when approvals are complete


@dataclass(frozen=True)
class Transition:
    action: Action
    sources: frozenset[Status]
    actor: Actor
    needs_note: bool = False


def _next_stage(status: Status) -> Status:
    order = (*PEMBAHASAN, Status.PENJADWALAN)
    return order[order.index(status) + 1]


TRANSITIONS: dict[Action, Transition] = {
    t.action: t
    for t in (
        Transition(Action.SUBMIT, frozenset({Status.DRAFT, Status.DIKEMBALIKAN}), Actor.APPLICANT),
        Transition(Action.RETURN, frozenset({Status.DIAJUKAN}), Actor.ADMIN, needs_note=True),
        Transition(
            Action.REJECT, frozenset({Status.DIAJUKAN, *PEMBAHASAN}), Actor.ADMIN, needs_note=True
        ),
        Transition(Action.APPROVE_INTAKE, frozenset({Status.DIAJUKAN}), Actor.ADMIN),
        Transition(Action.APPROVE_STAGE, frozenset(PEMBAHASAN), Actor.SYSTEM),
        Transition(
            Action.SKIP_STAGE,
            frozenset({Status.KESEPAKATAN_BERSAMA, Status.PERJANJIAN_KERJA_SAMA}),
            Actor.ADMIN,
            needs_note=True,
        ),
        Transition(Action.AGREE_SCHEDULE, frozenset({Status.PENJADWALAN}), Actor.SYSTEM),
        Transition(Action.RECORD_SIGNING, frozenset({Status.PENANDATANGANAN}), Actor.ADMIN),
        Transition(Action.EXPIRE, frozenset({Status.PELAKSANAAN}), Actor.SYSTEM),
        Transition(Action.WITHDRAW, BEFORE_SIGNING, Actor.APPLICANT),
        Transition(Action.REVOKE, frozenset({Status.PELAKSANAAN}), Actor.ADMIN, needs_note=True),
    )
}

_FIXED_TARGET: dict[Action, Status] = {
    Action.SUBMIT: Status.DIAJUKAN,
    Action.RETURN: Status.DIKEMBALIKAN,
    Action.REJECT: Status.DITOLAK,
    Action.APPROVE_INTAKE: Status.PENAWARAN,
    Action.AGREE_SCHEDULE: Status.PENANDATANGANAN,
    Action.RECORD_SIGNING: Status.PELAKSANAAN,
    Action.EXPIRE: Status.BERAKHIR,
    Action.WITHDRAW: Status.DIBATALKAN,
    Action.REVOKE: Status.DICABUT,
}


class TransitionError(Exception):
    """A transition refused by the rules; the message is shown to the user."""


def target_of(action: Action, source: Status) -> Status:
    """The state an action leads to from ``source``."""
    if action in (Action.APPROVE_STAGE, Action.SKIP_STAGE):
        return _next_stage(source)
    return _FIXED_TARGET[action]


def check_transition(
    action: Action, source: Status, actor: Actor, note: str = ""
) -> Status:
    """Return the new state, or raise :class:`TransitionError` with a reason."""
    rule = TRANSITIONS[action]
    if actor != rule.actor:
        raise TransitionError("Anda tidak berwenang melakukan tindakan ini.")
    if source not in rule.sources:
        raise TransitionError(
            f"Tindakan ini tidak dapat dilakukan pada tahap {SHORT_LABELS[source]}."
        )
    if rule.needs_note and not note.strip():
        raise TransitionError("Catatan atau alasan wajib diisi.")
    return target_of(action, source)


def actor_for_role(role: str, is_applicant: bool) -> Actor | None:
    """Map a person to the actor kind the rules speak of.

    An admin acts as ADMIN; the PPKSD-1/2 of the application as APPLICANT; a TKKSD
    member or anyone else has no transition of their own at this level (their
    approvals inside a stage are counted by the stage service).
    """
    if role == Role.ADMIN:
        return Actor.ADMIN
    if role == Role.PEMOHON and is_applicant:
        return Actor.APPLICANT
    return None


def allowed_actions(source: Status, actor: Actor | None) -> list[Action]:
    """The actions this actor may take now (for showing buttons)."""
    if actor is None:
        return []
    return [a for a, t in TRANSITIONS.items() if t.actor == actor and source in t.sources]


def stage_index(status: Status) -> int:
    """Position on the main path, for progress bars (final side states map near)."""
    path = (
        Status.DRAFT,
        Status.DIAJUKAN,
        *PEMBAHASAN,
        Status.PENJADWALAN,
        Status.PENANDATANGANAN,
        Status.PELAKSANAAN,
        Status.BERAKHIR,
    )
    if status in path:
        return path.index(status)
    if status == Status.DIKEMBALIKAN:
        return 1
    return -1
