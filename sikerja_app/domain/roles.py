"""Roles of the people who use Si KERJA (DESIGN §1)."""

from enum import StrEnum


class Role(StrEnum):
    PEMOHON = "PEMOHON"  # PPKSD of an applicant institution
    ADMIN = "ADMIN"  # Bagian Kerja Sama
    TKKSD = "TKKSD"  # Tim Koordinasi Kerja Sama Daerah member
    OPD = "OPD"  # OPD pelaksana officer


ROLE_LABELS: dict[Role, str] = {
    Role.PEMOHON: "Pemohon (PPKSD)",
    Role.ADMIN: "Admin Bagian Kerja Sama",
    Role.TKKSD: "Anggota TKKSD",
    Role.OPD: "OPD Pelaksana",
}


def role_label(role: str, is_protokol: bool = False) -> str:
    """Human label; a TKKSD member with the protocol duty is shown as Protokol."""
    if role == Role.TKKSD and is_protokol:
        return "TKKSD – Protokol"
    try:
        return ROLE_LABELS[Role(role)]
    except ValueError:
        return role
