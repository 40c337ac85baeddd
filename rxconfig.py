"""Reflex configuration. Si KERJA's own settings come from SIKERJA_* variables."""

import os

import reflex as rx

_port = int(os.environ.get("SIKERJA_PORT", "3000"))
# "localhost" is rewritten by the browser to the host it was opened on, so the same
# build works on 127.0.0.1 and behind a proxy; set SIKERJA_PUBLIC_URL otherwise.
_public = os.environ.get("SIKERJA_PUBLIC_URL", f"http://localhost:{_port}")

config = rx.Config(
    app_name="sikerja_app",
    telemetry_enabled=False,
    show_built_with_reflex=False,
    frontend_port=_port,
    backend_port=_port,
    api_url=_public,
    deploy_url=_public,
    redis_url=os.environ.get("SIKERJA_REDIS_URL") or None,
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="teal", gray_color="slate", radius="medium", scaling="100%")
        ),
    ],
    disable_plugins=[rx.plugins.SitemapPlugin],
)
