"""The agreed signing schedule as a calendar file (.ics), for the people of that application."""

import asyncio

from starlette.requests import Request
from starlette.responses import Response

from ..domain.filetypes import ascii_fallback_name
from ..services import auth, signing
from ..services.errors import ServiceError
from .auth_routes import client_ip

_NOT_FOUND = Response("Tidak ditemukan.", status_code=404)


async def jadwal_ics(request: Request) -> Response:
    user = await asyncio.to_thread(auth.resolve, auth.token_from_cookie_header(request.headers.get("cookie", "")))
    raw = request.path_params.get("aid", "")
    if user is None or not raw.isascii() or not raw.isdigit():
        return _NOT_FOUND
    try:
        name, body = await asyncio.to_thread(signing.ics, user, int(raw), client_ip(request))
    except ServiceError:
        return _NOT_FOUND
    return Response(body, media_type="text/calendar; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{ascii_fallback_name(name)}"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})
