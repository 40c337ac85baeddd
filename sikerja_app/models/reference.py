"""Reference data: urusan, provinces, regencies/cities, the host region's OPD."""

from sqlmodel import Field, SQLModel


class Urusan(SQLModel, table=True):
    kode: str = Field(primary_key=True, max_length=10)
    kelompok: str = Field(max_length=80)
    nama: str = Field(max_length=120)


class Provinsi(SQLModel, table=True):
    kode: str = Field(primary_key=True, max_length=2)
    nama: str = Field(max_length=80)


class KabKota(SQLModel, table=True):
    kode: str = Field(primary_key=True, max_length=5)
    provinsi_kode: str = Field(foreign_key="provinsi.kode", index=True, max_length=2)
    nama: str = Field(max_length=80)


class Opd(SQLModel, table=True):
    """A perangkat daerah of the host region; admins maintain the list."""

    id: int | None = Field(default=None, primary_key=True)
    singkatan: str = Field(max_length=20, unique=True)
    nama: str = Field(max_length=160)
    jenis: str = Field(default="", max_length=40)
    aktif: bool = Field(default=True)
