"""The Starlette app that carries Si KERJA's plain HTTP routes."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import routes
from .auth_routes import daftar, keluar, kesehatan, masuk
from .file_routes import BERKAS_UNDUH, BERKAS_UNGGAH, unduh, unggah


async def _no_public_uploads(_request: Request) -> Response:
    """Reflex serves its upload folder publicly; Si KERJA never uses it (DESIGN §7)."""
    return Response("Tidak ditemukan.", status_code=404)


def build_api() -> Starlette:
    return Starlette(routes=[
        Route(routes.AUTH_MASUK, masuk, methods=["POST"]),
        Route(routes.AUTH_KELUAR, keluar, methods=["POST"]),
        Route(routes.AUTH_DAFTAR, daftar, methods=["POST"]),
        Route(routes.HEALTH, kesehatan, methods=["GET"]),
        Route(BERKAS_UNGGAH, unggah, methods=["POST"]),
        Route(BERKAS_UNDUH, unduh, methods=["GET"]),
        Route("/_upload/{path:path}", _no_public_uploads, methods=["GET", "HEAD", "POST"]),
    ])
