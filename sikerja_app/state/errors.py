"""What the browser sees when a handler raises: an Indonesian message, never a trace."""

import logging

import reflex as rx
from reflex.event import EventSpec

from .. import routes
from ..services.errors import NotSignedIn, ServiceError

log = logging.getLogger("sikerja")


def backend_exception_handler(exception: Exception) -> list[EventSpec]:
    if isinstance(exception, NotSignedIn):
        # An expired or ended session, or a role that may not call this handler.
        return [rx.toast.warning(exception.message), rx.redirect(routes.MASUK)]
    if isinstance(exception, ServiceError):
        return [rx.toast.error(exception.message)]
    log.error("Galat tak terduga di event handler", exc_info=exception)
    return [rx.toast.error("Terjadi kesalahan pada server. Silakan coba lagi; data Anda tetap tersimpan.")]
