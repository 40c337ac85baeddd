"""The production server in scale-out mode: PostgreSQL for data, Redis for Reflex state."""

import pytest
import redis
from playwright.sync_api import expect

from tests.services_available import fresh_pg_database, redis_or_skip

from .conftest import login, new_context, running_server, wait_hydrated

pytestmark = pytest.mark.scaleout


def test_sign_in_and_browse_with_postgres_and_redis(browser) -> None:
    redis_url = redis_or_skip()
    client = redis.Redis.from_url(redis_url)
    with fresh_pg_database() as pg_url, running_server(SIKERJA_DATABASE_URL=pg_url,
                                                       SIKERJA_REDIS_URL=redis_url) as srv:
        before = set(client.scan_iter(count=1000))
        page = new_context(browser, "phone").new_page()
        login(page, srv.url, "pemohon1@sikerja.test")
        card = page.locator(".kartu-permohonan").first
        expect(card).to_contain_text("Penawaran")
        card.click()
        wait_hydrated(page)
        expect(page.locator(".status-badge").first).to_have_text("Pembahasan: Penawaran Kerja Sama")
        # Reflex kept this tab's state in Redis, not in the server's memory or disk.
        created = set(client.scan_iter(count=1000)) - before
        assert created, "no Reflex state was written to Redis"
        page.reload()
        wait_hydrated(page)
        expect(page.locator(".status-badge").first).to_have_text("Pembahasan: Penawaran Kerja Sama")
        assert "Traceback" not in srv.log_text()
