"""Plotly figures for Statistik, built on the server from aggregated figures only.

Each figure carries just the aggregate numbers and labels it draws; the look is set here and
kept small (no embedded template), readable on a 390px phone: horizontal bars with the value
written on each bar, no zoom or drag (a thumb scrolling the page must not get caught by a chart),
Indonesian number separators.
"""

import plotly.graph_objects as go

from ..services.statistics import AGREEMENT_STATUS_LABELS, AGREEMENT_STATUSES, Aggregates, Bar, YearRow

ACCENT = "#12a594"  # Radix teal 9
STATUS_COLORS = {"BERLAKU": "#12a594", "BERAKHIR": "#8b8d98", "DICABUT": "#e5484d"}
EMPTY_TEXT = "Tidak ada data untuk saringan ini."
_FONT = dict(family="system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif", size=12, color="#1c2024")
_GRID = "#e0e1e6"

# Plotly's config for every chart: no tool bar, no zooming, resizes with its box.
CONFIG = {"displayModeBar": False, "responsive": True, "scrollZoom": False, "doubleClick": False,
          "showTips": False}


def _layout(height: int, **extra: object) -> dict:
    return {
        "template": "none", "height": height, "autosize": True, "font": _FONT, "separators": ",.",
        "margin": {"l": 8, "r": 12, "t": 8, "b": 8}, "paper_bgcolor": "rgba(0,0,0,0)",
        "plot_bgcolor": "rgba(0,0,0,0)", "dragmode": False, "hovermode": "closest", "showlegend": False,
        "hoverlabel": {"font": {"size": 13}},
        "xaxis": {"fixedrange": True, "automargin": True, "gridcolor": _GRID, "zeroline": False},
        "yaxis": {"fixedrange": True, "automargin": True, "gridcolor": _GRID, "zeroline": False},
        **extra,
    }


def empty_figure(height: int = 160) -> go.Figure:
    layout = _layout(height)
    layout["xaxis"] = {"visible": False, "fixedrange": True}
    layout["yaxis"] = {"visible": False, "fixedrange": True}
    layout["annotations"] = [{"text": EMPTY_TEXT, "showarrow": False, "xref": "paper", "yref": "paper",
                              "x": 0.5, "y": 0.5, "font": {"size": 14, "color": "#60646c"}}]
    return go.Figure(layout=layout)


def hbar(bars: list[Bar], unit: str = "", decimals: int = 0) -> go.Figure:
    """Horizontal bars, largest on top, each value written beside its bar.

    A trailing "Lainnya" bar (the sum of everything past the top N) would dwarf the others on a
    narrow screen; it is named under the axis instead (the numbers list it too).
    """
    rest = bars[-1] if bars and bars[-1].key == "LAINNYA" else None
    bars = bars[:-1] if rest else bars
    if not bars:
        return empty_figure()
    fmt = f"%{{x:,.{decimals}f}}{unit}"
    custom = [[b.full, b.n] for b in bars]
    hover = f"%{{customdata[0]}}: <b>{fmt}</b>" + ("<br>dari %{customdata[1]:,} tahap selesai" if unit else "")
    trace = go.Bar(
        x=[b.value for b in bars], y=[b.label for b in bars], orientation="h", marker_color=ACCENT,
        customdata=custom, texttemplate=fmt, textposition="outside", textangle=0, cliponaxis=False,
        hovertemplate=hover + "<extra></extra>",
    )
    top = max(b.value for b in bars) or 1
    layout = _layout(56 + 30 * len(bars) + (24 if rest else 0), bargap=0.25)
    layout["yaxis"] = {**layout["yaxis"], "autorange": "reversed", "type": "category", "gridcolor": "rgba(0,0,0,0)"}
    # room on the right for the value of the longest bar
    layout["xaxis"] = {**layout["xaxis"], "range": [0, top * (1.3 if unit else 1.18)],
                       "tickformat": ",d" if not decimals else ","}
    if rest:
        layout["xaxis"]["title"] = {"text": f"{rest.label}: {rest.value:,.0f}".replace(",", "."),
                                    "font": {"size": 12, "color": "#60646c"}}
    return go.Figure(data=[trace], layout=layout)


def per_tahun(rows: list[YearRow]) -> go.Figure:
    """Agreements per year of signing, stacked by register status."""
    if not rows or not any(r.total for r in rows):
        return empty_figure()
    years = [str(r.year) for r in rows]
    traces = [go.Bar(x=years, y=[r.counts.get(st, 0) for r in rows], name=AGREEMENT_STATUS_LABELS[st],
                     marker_color=STATUS_COLORS[st],
                     hovertemplate=f"{AGREEMENT_STATUS_LABELS[st]} %{{x}}: <b>%{{y:,d}}</b><extra></extra>")
              for st in AGREEMENT_STATUSES]
    layout = _layout(300, barmode="stack", showlegend=True, bargap=0.2,
                     legend={"orientation": "h", "x": 0, "y": -0.18, "yanchor": "top"})
    layout["margin"] = {**layout["margin"], "b": 40}
    layout["xaxis"] = {**layout["xaxis"], "type": "category", "gridcolor": "rgba(0,0,0,0)", "tickangle": 0,
                       "nticks": 8}
    layout["yaxis"] = {**layout["yaxis"], "rangemode": "tozero", "tickformat": ",d"}
    return go.Figure(data=traces, layout=layout)


def figures(a: Aggregates) -> dict[str, go.Figure]:
    return {
        "per_tahun": per_tahun(a.per_tahun),
        "per_tahap": hbar(a.per_tahap),
        "per_jenis": hbar(a.per_jenis),
        "per_urusan": hbar(a.per_urusan),
        "per_kabkota": hbar(a.per_kabkota),
        "akan_berakhir": hbar(a.akan_berakhir),
        "rata_hari": hbar(a.rata_hari, unit=" hari", decimals=1),
    }
