"""Errors a service raises; their messages are Indonesian and shown to the user."""


class ServiceError(Exception):
    """A refused request: bad input or a rule. ``errors`` maps fields to messages."""

    def __init__(self, message: str, errors: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.errors = errors or {}


class NotFound(ServiceError):
    """Missing, or not visible to this user: the two are not distinguished."""

    def __init__(self) -> None:
        super().__init__("Data tidak ditemukan atau Anda tidak memiliki akses.")


class Forbidden(ServiceError):
    def __init__(self, message: str = "Anda tidak berwenang melakukan tindakan ini.") -> None:
        super().__init__(message)


class NotSignedIn(ServiceError):
    def __init__(self) -> None:
        super().__init__("Sesi Anda telah berakhir. Silakan masuk kembali.")
