"""The Starlette app that carries Si KERJA's plain HTTP routes."""

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import Response
from starlette.routing import Route

from .. import routes
from .auth_routes import daftar, keluar, kesehatan, masuk
from .content_routes import TEMPLAT, templat
from .data_routes import agregat_csv, agregat_json, data_index, ekspor_csv, ekspor_xlsx, register_csv, register_json
from .file_routes import BERKAS_UNDUH, BERKAS_UNGGAH, unduh, unggah
from .schedule_routes import jadwal_ics


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
        Route("/jadwal/{aid}.ics", jadwal_ics, methods=["GET"]),
        Route(TEMPLAT, templat, methods=["GET"]),
        Route(routes.DATA, data_index, methods=["GET"]),
        Route(routes.DATA_REGISTER_JSON, register_json, methods=["GET"]),
        Route(routes.DATA_REGISTER_CSV, register_csv, methods=["GET"]),
        Route(routes.DATA_AGREGAT_JSON, agregat_json, methods=["GET"]),
        Route(routes.DATA_AGREGAT_CSV, agregat_csv, methods=["GET"]),
        Route(routes.STATISTIK_EKSPOR_CSV, ekspor_csv, methods=["GET"]),
        Route(routes.STATISTIK_EKSPOR_XLSX, ekspor_xlsx, methods=["GET"]),
        Route("/_upload/{path:path}", _no_public_uploads, methods=["GET", "HEAD", "POST"]),
    ])
