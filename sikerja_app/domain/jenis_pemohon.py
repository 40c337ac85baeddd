"""The eight kinds of applicant institution (DESIGN §1)."""

from dataclasses import dataclass


@dataclass(frozen=True)
class JenisPemohon:
    kode: str
    label: str


def jenis_pemohon_list(region_name: str, province_name: str) -> list[JenisPemohon]:
    """The kinds, with host region and province names from configuration."""
    return [
        JenisPemohon("PD_DAERAH", f"Perangkat daerah di lingkungan Pemerintah {region_name}"),
        JenisPemohon("PD_PROVINSI", f"Perangkat daerah di lingkungan Pemerintah {province_name}"),
        JenisPemohon("PD_LAIN", "Perangkat daerah di lingkungan Pemerintah Kota/Kabupaten lain"),
        JenisPemohon("PERGURUAN_TINGGI", "Perguruan Tinggi"),
        JenisPemohon("ORNOP", "Organisasi Non Pemerintah"),
        JenisPemohon("LEMBAGA", "Lembaga/Organisasi/Asosiasi/Yayasan"),
        JenisPemohon("BADAN_HUKUM_PUBLIK", "Badan Hukum Publik"),
        JenisPemohon("PERUSAHAAN", "Perusahaan"),
    ]


JENIS_KODES = frozenset(
    j.kode for j in jenis_pemohon_list("x", "y")
)
