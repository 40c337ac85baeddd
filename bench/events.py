"""Benchmark: the cost of Si KERJA's real event handlers against a blank handler.

Every handler is run the way Reflex's event processor runs it (its own function on a
fresh state tree whose router carries a real session cookie), by C simulated clients at
once, R rounds each. The floor is a handler that does nothing, on the same state tree, in
the same run; the report prints p50/p95 per handler and the ratio to the floor. The
websocket transport itself is Reflex's and is the same for every handler (DESIGN §9).

    python bench/events.py [--clients 100] [--rounds 5]
"""

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from collections.abc import Awaitable, Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("SIKERJA_DATA_DIR", tempfile.mkdtemp(prefix="sikerja-bench-"))
os.environ.pop("SIKERJA_DATABASE_URL", None)

import reflex as rx  # noqa: E402
from reflex.istate.data import RouterData  # noqa: E402
from reflex_base.constants import RouteVar  # noqa: E402

import sikerja_app.sikerja_app  # noqa: E402,F401 - registers every state
from sikerja_app import cli  # noqa: E402
from sikerja_app.services import applications as apps  # noqa: E402
from sikerja_app.services import auth  # noqa: E402
from sikerja_app.services.seed import DEMO_PASSWORD, demo_user  # noqa: E402
from sikerja_app.state.admin import InboxState  # noqa: E402
from sikerja_app.state.applications import DetailState, MyAppsState  # noqa: E402
from sikerja_app.state.auth import AuthState  # noqa: E402
from sikerja_app.state.wizard import WizardState  # noqa: E402


class BlankState(AuthState):
    """The floor: an event handler that does nothing."""

    async def noop(self) -> None:
        return None


def _state(cls: type, token: str, path: str, aid: int | None = None) -> rx.State:
    root = rx.State(_reflex_internal_init=True)
    root.router = RouterData.from_router_data({
        RouteVar.HEADERS: {"cookie": f"{auth.COOKIE_NAME}={token}", "host": "localhost"},
        RouteVar.PATH: path, RouteVar.ORIGIN: path.replace("[aid]", str(aid)),
        RouteVar.QUERY: {"aid": str(aid)} if aid else {}, RouteVar.CLIENT_IP: "127.0.0.1",
    })
    return root.get_substate(cls._get_substate_path())


async def _measure(make: Callable[[int], Awaitable[None]], clients: int, rounds: int) -> tuple[list[float], float]:
    """Per-call latencies (ms) and the throughput (calls per second) of the whole batch."""
    times: list[float] = []
    start = time.perf_counter()

    async def client(i: int) -> None:
        for _ in range(rounds):
            t0 = time.perf_counter()
            await make(i)
            times.append((time.perf_counter() - t0) * 1000)

    await asyncio.gather(*(client(i) for i in range(clients)))
    return times, len(times) / (time.perf_counter() - start)


def _pct(values: list[float], q: float) -> float:
    return statistics.quantiles(values, n=100)[int(q) - 1]


async def main(clients: int, rounds: int) -> None:
    cli.setup()
    tokens = {k: auth.login(f"{k}@sikerja.test", DEMO_PASSWORD, "127.0.0.1", "bench").token
              for k in ("pemohon1", "admin")}
    p1 = demo_user("pemohon1")
    drafts = [apps.start_draft(p1)]
    words = "Kerja sama ini memperkuat layanan publik di daerah. " * 20

    async def blank(_i: int) -> None:
        await BlankState.noop.fn(_state(BlankState, tokens["pemohon1"], "/"))

    async def autosave(i: int) -> None:
        st = _state(WizardState, tokens["pemohon1"], "/pengajuan/[aid]/ubah", drafts[0])
        st.app_id = drafts[0]
        await WizardState.set_text.fn(st, "latar_belakang", f"{words} {i}")
        assert st.saved_note == "Draf tersimpan otomatis."

    async def my_list(_i: int) -> None:
        st = _state(MyAppsState, tokens["pemohon1"], "/pengajuan")
        await MyAppsState.load.fn(st)
        assert st.rows

    async def detail(_i: int) -> None:
        st = _state(DetailState, tokens["admin"], "/pengajuan/[aid]", 1)
        await DetailState.load.fn(st)
        assert st.code and not st.error, st.error  # a refused or empty load would flatter the figures

    async def inbox(_i: int) -> None:
        st = _state(InboxState, tokens["admin"], "/admin")
        await InboxState.load.fn(st)
        assert st.rows

    cases = [("blank handler (floor)", blank), ("wizard autosave", autosave), ("Pengajuan saya", my_list),
             ("detail permohonan (admin)", detail), ("kotak masuk admin", inbox)]
    print(f"{clients} simulated clients x {rounds} rounds, SQLite WAL, one process\n")
    print(f"{'handler':<28}{'p50 ms':>10}{'p95 ms':>10}{'x floor p50':>14}{'x floor p95':>14}{'calls/s':>10}")
    floor50 = floor95 = 0.0
    for name, fn in cases:
        await _measure(fn, min(clients, 5), 1)  # warm-up
        times, rate = await _measure(fn, clients, rounds)
        p50, p95 = _pct(times, 50), _pct(times, 95)
        if not floor50:
            floor50, floor95 = p50, p95
        print(f"{name:<28}{p50:>10.2f}{p95:>10.2f}{p50 / floor50:>14.1f}{p95 / floor95:>14.1f}{rate:>10.0f}")


if __name__ == "__main__":
    parser = argparse.ArgumentParser()
    parser.add_argument("--clients", type=int, default=100)
    parser.add_argument("--rounds", type=int, default=5)
    args = parser.parse_args()
    asyncio.run(main(args.clients, args.rounds))
