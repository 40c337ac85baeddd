"""Sign-in and sign-out over plain HTTP, so the session cookie can be HttpOnly.

The sign-in form posts here; the answer is a redirect that sets the cookie, and the
reloaded page opens a new websocket whose handshake carries it to the backend.
"""

import asyncio
from urllib.parse import urlencode, urlsplit

from starlette.requests import Request
from starlette.responses import JSONResponse, RedirectResponse, Response

from .. import routes
from ..config import get_settings
from ..services import auth

_MAX_FIELD = 300


def client_ip(request: Request) -> str:
    """The peer address, or the configured number of proxy hops back in X-Forwarded-For."""
    hops = get_settings().trusted_proxy_hops
    forwarded = [p.strip() for p in request.headers.get("x-forwarded-for", "").split(",") if p.strip()]
    if hops and len(forwarded) >= hops:
        return forwarded[-hops]
    return request.client.host if request.client else ""


def _safe_next(value: str) -> str:
    """Only same-site paths: never an open redirect."""
    return value if is_local_path(value) else routes.PENGAJUAN


def is_local_path(value: str) -> bool:
    """A path on this site: no scheme or host, no backslash or control characters
    (browsers read "/\\evil.example" and "/<tab>/evil.example" as another site)."""
    parts = urlsplit(value or "")
    return (bool(value) and value.startswith("/") and not value.startswith("//") and not parts.scheme
            and not parts.netloc and "\\" not in value and not any(ord(c) < 32 or ord(c) == 127 for c in value))


def _same_origin(request: Request) -> bool:
    """Refuse cross-site form posts (login CSRF); browsers always send Origin on POST."""
    origin = request.headers.get("origin")
    if origin is None:
        return True
    return urlsplit(origin).netloc == request.headers.get("host", "")


def _set_cookie(resp: Response, token: str) -> None:
    s = get_settings()
    resp.set_cookie(auth.COOKIE_NAME, token, max_age=s.session_max_hours * 3600, httponly=True,
                    samesite="lax", secure=s.cookie_secure, path="/")


async def masuk(request: Request) -> Response:
    if not _same_origin(request):
        return Response("Permintaan ditolak.", status_code=403)
    form = await request.form()
    identitas = str(form.get("identitas", ""))[:_MAX_FIELD]
    kata_sandi = str(form.get("kata_sandi", ""))[:_MAX_FIELD]
    lanjut = _safe_next(str(form.get("lanjut", "")))
    result = await asyncio.to_thread(
        auth.login, identitas, kata_sandi, client_ip(request),
        request.headers.get("user-agent", ""))
    if result.delay:
        await asyncio.sleep(result.delay)
    if result.token is None:
        query = urlencode({"galat": "1", "identitas": identitas, "lanjut": lanjut})
        return RedirectResponse(f"{routes.MASUK}?{query}", status_code=303)
    resp = RedirectResponse(lanjut, status_code=303)
    _set_cookie(resp, result.token)
    return resp


async def daftar(request: Request) -> Response:
    if not _same_origin(request):
        return Response("Permintaan ditolak.", status_code=403)
    form = await request.form()
    nama = str(form.get("nama", ""))[:_MAX_FIELD]
    email = str(form.get("email", ""))[:_MAX_FIELD]
    token, errors = await asyncio.to_thread(
        auth.register_applicant, nama, email, str(form.get("kata_sandi", ""))[:_MAX_FIELD],
        str(form.get("ulangi", ""))[:_MAX_FIELD], client_ip(request), request.headers.get("user-agent", ""))
    if token is None:
        query = urlencode({"nama": nama, "email": email, **{f"galat_{k}": v for k, v in errors.items()}})
        return RedirectResponse(f"{routes.DAFTAR}?{query}", status_code=303)
    resp = RedirectResponse(f"{routes.PENGATURAN}?baru=1", status_code=303)
    _set_cookie(resp, token)
    return resp


async def keluar(request: Request) -> Response:
    if not _same_origin(request):
        return Response("Permintaan ditolak.", status_code=403)
    token = request.cookies.get(auth.COOKIE_NAME)
    await asyncio.to_thread(auth.logout, token, client_ip(request))
    resp = RedirectResponse(f"{routes.MASUK}?keluar=1", status_code=303)
    resp.delete_cookie(auth.COOKIE_NAME, path="/")
    return resp


async def kesehatan(_request: Request) -> Response:
    from sqlalchemy import text

    from ..db import get_engine

    def ping() -> None:
        with get_engine().connect() as conn:
            conn.execute(text("SELECT 1"))

    await asyncio.to_thread(ping)
    return JSONResponse({"status": "ok"})
