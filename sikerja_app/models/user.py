"""People, their institutions and their sign-in sessions."""

from datetime import datetime

from sqlmodel import Field, SQLModel

from ..domain.dates import utcnow


class Instansi(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    nama: str = Field(max_length=200, index=True)
    jenis_kode: str = Field(max_length=30)
    kabkota_kode: str = Field(foreign_key="kabkota.kode", max_length=5)
    kode_pos: str = Field(max_length=5)
    alamat: str = Field(max_length=500)
    telepon: str = Field(max_length=30)
    email: str = Field(max_length=254)
    website: str = Field(default="", max_length=300)
    # Who registered it: only they change its data (others who join cannot rewrite it).
    created_by: int | None = Field(default=None, foreign_key="user.id")
    created_at: datetime = Field(default_factory=utcnow)
    updated_at: datetime = Field(default_factory=utcnow)


class User(SQLModel, table=True):
    id: int | None = Field(default=None, primary_key=True)
    email: str = Field(max_length=254, unique=True, index=True)
    nip: str | None = Field(default=None, max_length=18, unique=True, index=True)
    password_hash: str = Field(max_length=200)
    role: str = Field(max_length=10, index=True)
    is_protokol: bool = Field(default=False)
    is_active: bool = Field(default=True)
    # Biodata (DESIGN §2)
    nama_lengkap: str = Field(default="", max_length=160)
    nama_panggilan: str = Field(default="", max_length=60)
    nik: str = Field(default="", max_length=16)
    jenis_kelamin: str = Field(default="", max_length=1)  # "L" or "P"
    telepon: str = Field(default="", max_length=30)
    kabkota_kode: str | None = Field(default=None, foreign_key="kabkota.kode", max_length=5)
    alamat: str = Field(default="", max_length=500)
    unit_kerja: str = Field(default="", max_length=160)
    is_asn: bool = Field(default=True)
    nomor_pegawai: str = Field(default="", max_length=40)
    jabatan: str = Field(default="", max_length=160)
    instansi_id: int | None = Field(default=None, foreign_key="instansi.id", index=True)
    opd_id: int | None = Field(default=None, foreign_key="opd.id")
    created_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """A signed-in browser. The cookie holds a random token; only its hash is stored."""

    id: int | None = Field(default=None, primary_key=True)
    token_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="user.id", index=True)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    ip: str = Field(default="", max_length=64)
    user_agent: str = Field(default="", max_length=300)
    ended_at: datetime | None = Field(default=None)


class LoginAttempt(SQLModel, table=True):
    """Failed sign-ins, per identifier and per address, to slow down guessing."""

    id: int | None = Field(default=None, primary_key=True)
    key: str = Field(max_length=300, index=True)
    at: datetime = Field(default_factory=utcnow, index=True)
