"""Monev rules: reporting periods, due and overdue, and the evaluation scale."""

from datetime import date

import pytest

from sikerja_app.domain import monev as m


def _spans(ps: list[m.Period]) -> list[tuple[int, date, date]]:
    return [(p.no, p.start, p.end) for p in ps]


class TestPeriods:
    def test_six_monthly_over_two_years(self) -> None:
        ps = m.periods(date(2026, 1, 1), date(2027, 12, 31), 6)
        assert _spans(ps) == [
            (1, date(2026, 1, 1), date(2026, 6, 30)),
            (2, date(2026, 7, 1), date(2026, 12, 31)),
            (3, date(2027, 1, 1), date(2027, 6, 30)),
            (4, date(2027, 7, 1), date(2027, 12, 31)),
        ]
        assert all(p.due == p.end for p in ps)

    def test_the_last_period_is_cut_at_the_end_date(self) -> None:
        ps = m.periods(date(2026, 3, 15), date(2027, 1, 10), 6)
        assert _spans(ps) == [(1, date(2026, 3, 15), date(2026, 9, 14)),
                              (2, date(2026, 9, 15), date(2027, 1, 10))]

    def test_counted_from_the_start_so_short_months_do_not_drift(self) -> None:
        ps = m.periods(date(2026, 1, 31), date(2026, 12, 31), 1)
        assert ps[0].end == date(2026, 2, 27)  # 31 Jan + 1 month = 28 Feb, minus one day
        assert ps[1].start == date(2026, 2, 28)
        assert ps[2].start == date(2026, 3, 31)  # back on the 31st, not the 28th
        assert ps[-1].end == date(2026, 12, 31)
        # Contiguous, no gaps, no overlaps.
        assert all(b.start.toordinal() == a.end.toordinal() + 1 for a, b in zip(ps, ps[1:], strict=False))

    def test_leap_day_start(self) -> None:
        ps = m.periods(date(2028, 2, 29), date(2030, 2, 28), 12)
        assert _spans(ps) == [(1, date(2028, 2, 29), date(2029, 2, 27)),
                              (2, date(2029, 2, 28), date(2030, 2, 27)),
                              (3, date(2030, 2, 28), date(2030, 2, 28))]

    def test_agreement_shorter_than_one_period(self) -> None:
        assert _spans(m.periods(date(2026, 5, 1), date(2026, 8, 31), 6)) == [(1, date(2026, 5, 1),
                                                                               date(2026, 8, 31))]

    def test_single_day_and_reversed_dates(self) -> None:
        assert len(m.periods(date(2026, 5, 1), date(2026, 5, 1), 6)) == 1
        assert m.periods(date(2026, 5, 2), date(2026, 5, 1), 6) == []

    def test_quarterly(self) -> None:
        ps = m.periods(date(2026, 1, 1), date(2026, 12, 31), 3)
        assert [p.end for p in ps] == [date(2026, 3, 31), date(2026, 6, 30), date(2026, 9, 30), date(2026, 12, 31)]

    @pytest.mark.parametrize("months", [0, -6, 61])
    def test_interval_out_of_range(self, months: int) -> None:
        with pytest.raises(ValueError):
            m.periods(date(2026, 1, 1), date(2027, 1, 1), months)

    @pytest.mark.parametrize(("given", "used"), [(6, 6), (3, 3), (0, 6), (None, 6), (-1, 6), (100, 6)])
    def test_months_or_default(self, given: int | None, used: int) -> None:
        assert m.months_or_default(given) == used

    def test_add_months(self) -> None:
        assert m.add_months(date(2026, 8, 31), 6) == date(2027, 2, 28)
        assert m.add_months(date(2026, 11, 15), 14) == date(2028, 1, 15)
        assert m.add_months(date(2026, 1, 1), 0) == date(2026, 1, 1)


class TestDue:
    ps = m.periods(date(2026, 1, 1), date(2027, 12, 31), 6)

    def test_open_once_begun(self) -> None:
        assert [p.no for p in m.open_periods(self.ps, date(2025, 12, 31))] == []
        assert [p.no for p in m.open_periods(self.ps, date(2026, 1, 1))] == [1]
        assert [p.no for p in m.open_periods(self.ps, date(2026, 7, 1))] == [1, 2]

    def test_overdue_the_day_after_the_due_date(self) -> None:
        assert m.overdue_periods(self.ps, date(2026, 6, 30)) == []  # the due date itself is in time
        assert [p.no for p in m.overdue_periods(self.ps, date(2026, 7, 1))] == [1]
        assert [p.no for p in m.overdue_periods(self.ps, date(2028, 1, 1))] == [1, 2, 3, 4]

    def test_due_within(self) -> None:
        assert [p.no for p in m.due_within(self.ps, date(2026, 6, 1), 30)] == [1]
        assert m.due_within(self.ps, date(2026, 5, 1), 30) == []
        assert [p.no for p in m.due_within(self.ps, date(2026, 6, 30), 0)] == [1]

    @pytest.mark.parametrize(("today", "filed", "evaluated", "state"), [
        (date(2025, 12, 1), False, False, m.PeriodState.BELUM_DIBUKA),
        (date(2026, 3, 1), False, False, m.PeriodState.TERBUKA),
        (date(2026, 6, 30), False, False, m.PeriodState.TERBUKA),
        (date(2026, 7, 1), False, False, m.PeriodState.TERLAMBAT),
        (date(2026, 7, 1), True, False, m.PeriodState.DILAPORKAN),
        (date(2026, 3, 1), True, True, m.PeriodState.DINILAI),
    ])
    def test_state(self, today: date, filed: bool, evaluated: bool, state: m.PeriodState) -> None:
        assert m.period_state(self.ps[0], today, filed, evaluated) == state
        assert m.PERIOD_STATE_LABELS[state]


def _all(value: object = 3) -> dict[str, object]:
    return {key: value for key, _ in m.CRITERIA}


class TestEvaluation:
    def test_the_ten_criteria_of_the_design(self) -> None:
        assert len(m.CRITERIA) == 10 and len(m.CRITERIA_LABELS) == 10
        assert [v for v, _ in m.SCALE] == [1, 2, 3, 4]
        assert [v for v, _ in m.OVERALL] == [1, 2, 3, 4, 5]
        assert set(m.RECOMMENDATION_LABELS.values()) == {"Lanjutkan", "Perluas", "Hentikan"}

    def test_complete_evaluation(self) -> None:
        ev, errors = m.validate_evaluation(_all(4), 5, "PERLUAS", "  Capaian melampaui target.  ")
        assert errors == {} and ev is not None
        assert ev.scores == _all(4) and ev.overall == 5 and ev.recommendation == "PERLUAS"
        assert ev.note == "Capaian melampaui target."

    def test_values_from_a_form_arrive_as_strings(self) -> None:
        ev, errors = m.validate_evaluation(_all("2"), "3", "LANJUTKAN", "Cukup.")
        assert not errors and ev is not None and ev.scores == _all(2) and ev.overall == 3

    def test_every_criterion_is_required(self) -> None:
        scores = _all()
        del scores["DAMPAK"]
        scores["KOORDINASI"] = ""
        ev, errors = m.validate_evaluation(scores, 4, "LANJUTKAN", "x")
        assert ev is None
        assert errors == {"DAMPAK": m.MSG_SCORE_MISSING, "KOORDINASI": m.MSG_SCORE_MISSING}

    @pytest.mark.parametrize("bad", [0, 5, -1, 3.5, "3.0", "tiga", True, "99999", [3], None])
    def test_scores_outside_the_scale(self, bad: object) -> None:
        scores = _all()
        scores["INOVASI_MANFAAT"] = bad
        ev, errors = m.validate_evaluation(scores, 4, "LANJUTKAN", "x")
        assert ev is None and "INOVASI_MANFAAT" in errors

    @pytest.mark.parametrize("overall", [0, 6, "", None, "5a", False, 4.0])
    def test_overall_within_one_to_five(self, overall: object) -> None:
        ev, errors = m.validate_evaluation(_all(), overall, "LANJUTKAN", "x")
        assert ev is None and errors == {"overall": m.MSG_OVERALL}

    @pytest.mark.parametrize("rec", ["", "lanjutkan", "TUNDA", None, 1])
    def test_recommendation_is_one_of_three(self, rec: object) -> None:
        ev, errors = m.validate_evaluation(_all(), 3, rec, "x")
        assert ev is None and errors == {"recommendation": m.MSG_RECOMMENDATION}

    def test_note_required_and_capped(self) -> None:
        assert m.validate_evaluation(_all(), 3, "HENTIKAN", "   ")[1] == {"note": m.MSG_NOTE}
        assert "note" in m.validate_evaluation(_all(), 3, "HENTIKAN", "x" * (m.MAX_NOTE + 1))[1]

    def test_unknown_criteria_and_junk_are_refused(self) -> None:
        scores = {**_all(), "BONUS": 4}
        ev, errors = m.validate_evaluation(scores, 3, "LANJUTKAN", "x")
        assert ev is None and errors == {"kriteria": m.MSG_UNKNOWN_CRITERION}
        ev, errors = m.validate_evaluation("semua 4", 3, "LANJUTKAN", "x")
        assert ev is None and len(errors) == 10


class TestReport:
    ok = {"progress": "Pelatihan tahap 1 selesai.", "outputs": "40 ASN terlatih.", "problems": "Tidak ada",
          "follow_up": "Tahap 2 pada Agustus."}

    def test_complete(self) -> None:
        clean, errors = m.validate_report({k: f"  {v} " for k, v in self.ok.items()}, 1)
        assert errors == {} and clean == self.ok

    def test_each_field_required_with_its_label(self) -> None:
        clean, errors = m.validate_report({**self.ok, "outputs": " ", "follow_up": None}, 1)
        assert errors == {"outputs": "Keluaran (output) yang dicapai wajib diisi.",
                          "follow_up": "Rencana tindak lanjut wajib diisi."}

    def test_evidence_required_and_capped(self) -> None:
        assert m.validate_report(self.ok, 0)[1] == {"evidence": m.MSG_EVIDENCE}
        assert "evidence" in m.validate_report(self.ok, m.MAX_EVIDENCE + 1)[1]

    def test_length_cap(self) -> None:
        assert "progress" in m.validate_report({**self.ok, "progress": "a" * (m.MAX_TEXT + 1)}, 1)[1]
