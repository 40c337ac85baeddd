"""Scheduled work started with the app: stage reminders (idempotent across workers)."""

import asyncio
import logging

from .config import get_settings
from .services import agreement_jobs, stages

log = logging.getLogger("sikerja.jobs")


async def reminder_loop() -> None:
    """Every interval, remind approvers who have not decided after the threshold."""
    while True:
        try:
            sent = await asyncio.to_thread(stages.send_reminders)
            if sent:
                log.info("Pengingat tahap terkirim: %s", sent)
        except Exception:  # noqa: BLE001 - a failed round is retried at the next interval
            log.warning("Pengingat tahap gagal; dicoba lagi nanti", exc_info=True)
        try:  # agreements: expiry and monev reminders, BERAKHIR after the end date (issue 4)
            done = await asyncio.to_thread(agreement_jobs.run)
            if any(done.values()):
                log.info("Pekerjaan perjanjian: %s", done)
        except Exception:  # noqa: BLE001 - a failed round is retried at the next interval
            log.warning("Pengingat perjanjian gagal; dicoba lagi nanti", exc_info=True)
        await asyncio.sleep(get_settings().reminder_interval_minutes * 60)
