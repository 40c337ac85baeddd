"""Open data and the Statistik exports over plain HTTP (read-only, GET only).

Open data (public, documented in README.md):
    /data                    the list of endpoints
    /data/register.json      the public register, one page (limit/offset)
    /data/register.csv       the same page as CSV
    /data/agregat.json       every Statistik chart as numbers
    /data/agregat.csv        the same in long form (dimensi, kode, label, nilai, n)
Exports of the Statistik page (every filtered row, with Indonesian headers):
    /statistik/ekspor.csv, /statistik/ekspor.xlsx   ?tabel=register (anyone) | permohonan (staff only)

Every route takes the Statistik filter in the query string (tahun_dari, tahun_sampai, jenis, urusan,
status, cari); unknown values are ignored, never an error.
"""

import asyncio
import json
from urllib.parse import urlencode

from starlette.requests import Request
from starlette.responses import Response, StreamingResponse

from .. import routes
from ..db import session_scope
from ..domain.dates import utcnow
from ..services import audit, auth, data_export, statistics
from ..services.auth import CurrentUser
from ..services.statistics import Filter
from .auth_routes import _same_origin, client_ip

DEFAULT_LIMIT = 100
MAX_LIMIT = 1000
MAX_OFFSET = 10_000_000
_PUBLIC_CACHE = "public, max-age=60"
_ALL = 10_000  # "every bar" for the open-data aggregates (there are 514 kabupaten/kota)


def _json(data: object, status: int = 200, cache: str = _PUBLIC_CACHE) -> Response:
    body = json.dumps(data, ensure_ascii=False, separators=(",", ":"), default=str)
    return Response(body, status_code=status, media_type="application/json; charset=utf-8",
                    headers={"Cache-Control": cache, "X-Content-Type-Options": "nosniff"})


def _error(message: str, status: int = 400) -> Response:
    return _json({"galat": message}, status, cache="no-store")


def _paging(request: Request) -> tuple[int, int] | str:
    """(limit, offset) from the query string; a message when they are not whole numbers."""
    out = []
    for name, default, top in (("limit", DEFAULT_LIMIT, MAX_LIMIT), ("offset", 0, MAX_OFFSET)):
        raw = request.query_params.get(name, "")
        if raw == "":
            out.append(default)
            continue
        if not raw.isascii() or not raw.isdigit() or len(raw) > 9:
            return f"Parameter {name} harus bilangan bulat 0 atau lebih."
        out.append(min(int(raw), top))
    return out[0], out[1]


def _filter(request: Request) -> Filter:
    return Filter.parse(request.query_params)


def _page_links(request: Request, limit: int, offset: int, total: int) -> dict[str, str | None]:
    def link(off: int) -> str:
        params = {**dict(request.query_params), "limit": str(limit), "offset": str(off)}
        return f"{request.url.path}?{urlencode(params)}"

    return {"berikutnya": link(offset + limit) if offset + limit < total else None,
            "sebelumnya": link(max(0, offset - limit)) if offset > 0 else None}


async def data_index(_request: Request) -> Response:
    return _json({
        "nama": "Data terbuka Si KERJA: register kerja sama daerah dan statistiknya",
        "catatan": "Tanpa data pribadi. Saringan: tahun_dari, tahun_sampai, jenis, urusan, status, cari. "
                   f"Halaman: limit (bawaan {DEFAULT_LIMIT}, paling banyak {MAX_LIMIT}) dan offset.",
        "titik_akhir": [routes.DATA_REGISTER_JSON, routes.DATA_REGISTER_CSV, routes.DATA_AGREGAT_JSON,
                        routes.DATA_AGREGAT_CSV],
        "nilai_jenis": sorted(statistics.jenis_labels()),
        "nilai_status": [k for k, _ in data_export.status_options()],
    })


async def register_json(request: Request) -> Response:
    paging = _paging(request)
    if isinstance(paging, str):
        return _error(paging)
    limit, offset = paging
    f = _filter(request)
    rows, total = await asyncio.to_thread(statistics.register_slice, f, offset, limit)
    return _json({"total": total, "limit": limit, "offset": offset, **_page_links(request, limit, offset, total),
                  "data": [data_export.register_record(r) for r in rows]})


async def register_csv(request: Request) -> Response:
    paging = _paging(request)
    if isinstance(paging, str):
        return _error(paging)
    limit, offset = paging
    rows, total = await asyncio.to_thread(statistics.register_slice, _filter(request), offset, limit)
    records = [data_export.register_record(r) for r in rows]
    body = b"".join(data_export.csv_chunks(list(data_export.REGISTER_FIELDS),
                                           ([rec[k] for k in data_export.REGISTER_FIELDS] for rec in records),
                                           bom=False))
    headers = {"Cache-Control": _PUBLIC_CACHE, "X-Total-Count": str(total), "X-Content-Type-Options": "nosniff"}
    links = _page_links(request, limit, offset, total)
    if links["berikutnya"]:
        headers["Link"] = f'<{links["berikutnya"]}>; rel="next"'
    return Response(body, media_type="text/csv; charset=utf-8", headers=headers)


async def agregat_json(request: Request) -> Response:
    a = await asyncio.to_thread(statistics.aggregates, None, _filter(request), _ALL)
    return _json({**data_export.aggregates_record(a), "dibuat": utcnow().isoformat(timespec="seconds")})


async def agregat_csv(request: Request) -> Response:
    a = await asyncio.to_thread(statistics.aggregates, None, _filter(request), _ALL)
    body = b"".join(data_export.csv_chunks(data_export.AGGREGATE_CSV_HEADER, data_export.aggregates_rows(a),
                                           bom=False))
    return Response(body, media_type="text/csv; charset=utf-8",
                    headers={"Cache-Control": _PUBLIC_CACHE, "X-Content-Type-Options": "nosniff"})


# ---------------------------------------------------------------- exports of the Statistik page

async def _export_actor(request: Request, tabel: str) -> tuple[CurrentUser | None, Response | None]:
    """The register is public. The list of applications is for staff, from this site only."""
    if tabel != "permohonan":
        return None, None
    token = auth.token_from_cookie_header(request.headers.get("cookie", ""))
    actor = await asyncio.to_thread(auth.resolve, token)
    if not statistics.is_staff(actor) or not _same_origin(request):
        return None, Response("Daftar permohonan hanya untuk petugas Bagian Kerja Sama dan TKKSD.",
                              status_code=403, media_type="text/plain; charset=utf-8",
                              headers={"Cache-Control": "no-store"})
    return actor, None


def _record_export(actor: CurrentUser | None, kind: str, f: Filter, ip: str) -> None:
    if actor is None:
        return
    with session_scope() as s:
        audit.record(s, "EKSPOR_PERMOHONAN", actor.id, "statistik", kind, ip, data_export.filter_note(f))


def _filename(tabel: str, ext: str) -> str:
    return f"sikerja-{tabel}-{statistics.today_local():%Y%m%d}.{ext}"


def _rows(actor: CurrentUser | None, f: Filter, tabel: str):  # noqa: ANN202 - an iterator of rows
    source = statistics.iter_applications(actor, f) if tabel == "permohonan" else statistics.iter_register(f)
    return (data_export.export_values(r) for r in source)


async def ekspor_csv(request: Request) -> Response:
    tabel = "permohonan" if request.query_params.get("tabel") == "permohonan" else "register"
    actor, refused = await _export_actor(request, tabel)
    if refused:
        return refused
    f = _filter(request)
    await asyncio.to_thread(_record_export, actor, "csv", f, client_ip(request))
    chunks = data_export.csv_chunks(data_export.export_headers(tabel), _rows(actor, f, tabel))
    return StreamingResponse(chunks, media_type="text/csv; charset=utf-8", headers={
        "Content-Disposition": f'attachment; filename="{_filename(tabel, "csv")}"',
        "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})


async def ekspor_xlsx(request: Request) -> Response:
    tabel = "permohonan" if request.query_params.get("tabel") == "permohonan" else "register"
    actor, refused = await _export_actor(request, tabel)
    if refused:
        return refused
    f = _filter(request)
    if tabel == "register":
        total = await asyncio.to_thread(statistics.register_count, f)
    else:
        total = (await asyncio.to_thread(statistics.applications_slice, actor, f, 0, 0))[1]
    if total > data_export.XLSX_MAX_ROWS:
        return Response(f"Terlalu banyak baris untuk XLSX ({total:,}; paling banyak "
                        f"{data_export.XLSX_MAX_ROWS:,}). Persempit saringan atau unduh CSV.".replace(",", "."),
                        status_code=413, media_type="text/plain; charset=utf-8")
    await asyncio.to_thread(_record_export, actor, "xlsx", f, client_ip(request))
    title = "Permohonan" if tabel == "permohonan" else "Register kerja sama"
    body = await asyncio.to_thread(
        lambda: data_export.xlsx_bytes(title, data_export.export_headers(tabel), list(_rows(actor, f, tabel))))
    return Response(body, media_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                    headers={"Content-Disposition": f'attachment; filename="{_filename(tabel, "xlsx")}"',
                             "Cache-Control": "private, no-store", "X-Content-Type-Options": "nosniff"})
