"""Browser tests: one production server per session, real Chromium, no mocks.

The server is the same command `make run` uses (`reflex run --env prod --single-port`)
on a free port with its own data directory. A test fails if the server logged an error
while it ran (as Reflex's own integration tests do).
"""

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import httpx
import pytest
from playwright.sync_api import Browser, BrowserContext, Page, sync_playwright

ROOT = Path(__file__).resolve().parents[2]
ARTIFACTS = ROOT / "test-artifacts"
CHROMIUM = os.environ.get("SIKERJA_CHROMIUM", "/usr/bin/chromium")
CHROMIUM_FLAGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
    "--disable-sync", "--no-first-run", "--disable-quic",
]
DEMO_PASSWORD = "Samarinda2026"
VIEWPORTS = {
    "desktop": {"viewport": {"width": 1280, "height": 900}},
    "phone": {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True,
              "device_scale_factor": 2},
}
_SERVER_ERROR = re.compile(r"Traceback|\bERROR\b|Reflex Backend Exception|Galat tak terduga")


@dataclass
class Server:
    url: str
    log_path: Path
    data_dir: Path

    def log_text(self) -> str:
        return self.log_path.read_text(encoding="utf-8", errors="replace")


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_ready(url: str, proc: subprocess.Popen, log_path: Path, timeout: float = 420) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise RuntimeError(f"server exited early:\n{log_path.read_text()[-4000:]}")
        try:
            if httpx.get(f"{url}/kesehatan", timeout=2).status_code == 200 and \
                    httpx.get(f"{url}/masuk/", timeout=5).status_code == 200:
                return
        except httpx.HTTPError:
            pass
        time.sleep(1)
    raise RuntimeError(f"server not ready after {timeout}s:\n{log_path.read_text()[-4000:]}")


@contextmanager
def running_server(**extra_env: str) -> Iterator[Server]:
    """Set up a data directory and serve the production build on a free port.

    Each server builds into its own web directory, so two servers (the embedded one and
    the scale-out one) never overwrite each other's frontend.
    """
    data_dir = Path(tempfile.mkdtemp(prefix="sikerja-e2e-"))
    port = _free_port()
    env = {
        **os.environ, "SIKERJA_DATA_DIR": str(data_dir), "SIKERJA_PORT": str(port),
        "REFLEX_USE_SYSTEM_BUN": "1", "REFLEX_TELEMETRY_ENABLED": "false",
        "REFLEX_WEB_WORKDIR": str(data_dir / "web"), "REFLEX_STATES_WORKDIR": str(data_dir / "states"),
        "PATH": f"{ROOT / 'tools/bun/node_modules/.bin'}:{os.environ.get('PATH', '')}",
    }
    env.pop("SIKERJA_DATABASE_URL", None)
    env.pop("SIKERJA_REDIS_URL", None)
    env.update(extra_env)
    subprocess.run([sys.executable, "-m", "sikerja_app.cli", "setup"], cwd=ROOT, env=env, check=True,
                   stdout=subprocess.DEVNULL)
    log_path = data_dir / "server.log"
    with log_path.open("w") as log:
        proc = subprocess.Popen([sys.executable, "-m", "reflex", "run", "--env", "prod", "--single-port"],
                                cwd=ROOT, env=env, stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    url = f"http://127.0.0.1:{port}"
    try:
        _wait_ready(url, proc, log_path)
        yield Server(url, log_path, data_dir)
    finally:
        os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=15)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
        ARTIFACTS.mkdir(exist_ok=True)
        shutil.copy(log_path, ARTIFACTS / f"server-{port}.log")
        shutil.rmtree(data_dir, ignore_errors=True)


@pytest.fixture(scope="session")
def server() -> Iterator[Server]:
    with running_server() as srv:
        yield srv


@pytest.fixture(autouse=True)
def no_server_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """Fail the test if the server logged an error while it ran."""
    if "server" not in request.fixturenames:
        yield
        return
    srv: Server = request.getfixturevalue("server")
    start = srv.log_path.stat().st_size
    yield
    with srv.log_path.open(encoding="utf-8", errors="replace") as fh:
        fh.seek(start)
        new = fh.read()
    bad = [line for line in new.splitlines() if _SERVER_ERROR.search(line)]
    if bad:
        pytest.fail("server logged errors during the test:\n" + "\n".join(bad[:20]) + "\n" + new[-3000:])


@pytest.fixture(scope="session")
def browser() -> Iterator[Browser]:
    if not Path(CHROMIUM).exists():
        pytest.fail(f"Chromium not found at {CHROMIUM}: run `make browser` (apt-get install chromium)")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_FLAGS)
        yield b
        b.close()


_OPEN_PAGES: list[Page] = []


def new_context(browser: Browser, kind: str = "desktop") -> BrowserContext:
    ctx = browser.new_context(locale="id-ID", timezone_id="Asia/Makassar", **VIEWPORTS[kind])
    ctx.set_default_timeout(20_000)
    ctx.on("page", lambda pg: _OPEN_PAGES.append(pg))
    return ctx


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item: pytest.Item, call: pytest.CallInfo) -> Iterator[None]:
    """On a failure, keep a screenshot of every page the test had open."""
    outcome = yield
    report = outcome.get_result()
    if report.when == "call" and report.failed:
        out = ARTIFACTS / "failures" / re.sub(r"[^\w.-]+", "_", item.nodeid)
        out.mkdir(parents=True, exist_ok=True)
        for i, pg in enumerate(_OPEN_PAGES):
            try:
                pg.screenshot(path=str(out / f"page-{i}.png"), full_page=True)
            except Exception:  # noqa: BLE001,S112 - a closed page has nothing to show
                continue
    if report.when == "teardown":
        _OPEN_PAGES.clear()


class Shots:
    """Numbered screenshots of each screen, written to test-artifacts/<name>/."""

    def __init__(self, name: str) -> None:
        self.dir = ARTIFACTS / name
        shutil.rmtree(self.dir, ignore_errors=True)
        self.dir.mkdir(parents=True, exist_ok=True)
        self.n = 0

    def __call__(self, page: Page, label: str) -> Path:
        self.n += 1
        path = self.dir / f"{self.n:02d}-{label}.png"
        page.wait_for_timeout(300)  # let the last delta paint
        page.screenshot(path=str(path), full_page=True)
        return path


def login(page: Page, base: str, identity: str, password: str = DEMO_PASSWORD) -> None:
    page.goto(f"{base}/masuk")
    page.wait_for_selector("#identitas")
    wait_hydrated(page)
    page.fill("#identitas", identity)
    page.fill("#kata_sandi", password)
    page.click("#kirim-masuk")
    page.wait_for_url(re.compile(r".*/(pengajuan|admin)/?(\?.*)?$"))
    wait_hydrated(page)


def wait_hydrated(page: Page) -> None:
    """Wait until the websocket is up and the page's on_load has filled the header."""
    page.wait_for_selector("#halaman-siap", state="attached")


def run_in_server_db(srv: Server, code: str) -> str:
    """Run Python against the server's own database (to arrange data quickly); returns stdout."""
    env = {**os.environ, "SIKERJA_DATA_DIR": str(srv.data_dir)}
    env.pop("SIKERJA_DATABASE_URL", None)
    out = subprocess.run([sys.executable, "-c", code], cwd=ROOT, env=env, capture_output=True, text=True,
                         timeout=120)
    if out.returncode != 0:
        raise RuntimeError(out.stderr[-3000:])
    return out.stdout.strip()


NEW_APPLICATION_IN_PENAWARAN = """
from sikerja_app.services import applications as apps, review
from sikerja_app.services.seed import demo_user, fill_application, sample_applications
p1, p2 = demo_user('pemohon1'), demo_user('pemohon2')
aid = apps.start_draft(p1)
fill_application(p1, aid, sample_applications()[0], ['DISKOMINFO', 'BAPPEDA'])
apps.save_field(p1, aid, 'judul', 'Kerja Sama Pusat Data Kota {suffix}')
apps.set_ppksd2(p1, aid, p2.id)
apps.submit(p1, aid, True, '127.0.0.1')
review.approve(demo_user('admin'), aid, [demo_user('tkksd').id], '127.0.0.1')
print(aid)
"""


THROUGH_THE_STAGES = """
from sikerja_app.db import session_scope
from sikerja_app.services import stages
from sikerja_app.services.files import receive_upload
p1, admin, tk = demo_user('pemohon1'), demo_user('admin'), demo_user('tkksd')
for stage, kinds in (('PENAWARAN', ['SURAT_PENAWARAN', 'STUDI_KELAYAKAN']), ('KESEPAKATAN_BERSAMA', ['RANCANGAN_KB']),
                     ('PERJANJIAN_KERJA_SAMA', ['RANCANGAN_PKS'])):
    for kind in kinds:
        fid = receive_upload(p1, kind + '.pdf', [b'%PDF-1.4\\n%%EOF\\n' + kind.encode()]).id
        stages.add_document_version(p1, aid, stage, kind, fid)
    with session_scope() as s:
        v = stages.round_of(s, aid, stage).version
    stages.decide(tk, aid, stage, 'SETUJU', v)
    stages.decide(admin, aid, stage, 'SETUJU', v)
"""


def application_in_penjadwalan(srv: Server, suffix: str) -> int:
    """A fresh application of pemohon1 taken through the three stages by the services."""
    code = NEW_APPLICATION_IN_PENAWARAN.replace("{suffix}", suffix).replace("print(aid)", "") + THROUGH_THE_STAGES
    return int(run_in_server_db(srv, code + "\nprint(aid)").splitlines()[-1])
