"""The dashboard: the report folder's index page, the nightly runs over the last N days.

It reads the ledger with a few aggregate queries bounded by the window (never one results document per
run), so a year of nightly runs renders as fast as a month: for each company and channel, reachability and
the median/p90 times (to acknowledgement, to a person, to confirmation, to answer on the phone) with a
sparkline per day; each journey's verdict as a row of daily cells; the runs with their verdicts; and, first,
what changed in the latest nightly run (probes.history). Verdicts are the ones the runs recorded.

Ad-hoc runs (``probes run``, ``probes demo``) are listed with their kind but never make the nightly view;
a ledger with no nightly run in the window shows its runs of every kind instead, and says so.
"""
from __future__ import annotations

import datetime as dt
import logging
import math
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import sqlalchemy as sa

from .. import __version__
from ..history import (ANSWER_METRICS, JUDGED, PROBLEM_SEVERITIES, Changes, Regression, _rows, changes_for_run,
                       measured_times, regressions)
from ..ledger import Ledger, contacts, findings, journeys, runs, steps
from .build import iso, nearest_rank

log = logging.getLogger(__name__)

DEFAULT_DAYS = 30
# Figures per company and channel, in this order: (id, words, the measured times that make it).
FIGURES = (
    ("ack", "to acknowledgement", ("ack_s",)),
    ("person", "to a person", ("human_s", "time_to_person_s", "handover_s")),
    ("confirmation", "to confirmation", ("submit_to_confirmation_s",)),
    ("answer", "to answer the phone", ("answer_s",)),
)
# Step measurements in words, where the name alone reads badly.
METRIC_WORDS = {"submit_to_confirmation_s": "time to confirmation", "page_load_s": "page load",
                "answer_s": "time to answer the phone", "time_to_person_s": "time to a person on the phone",
                "handover_s": "time to a person in the chat", "widget_load_s": "chat widget load"}
# A daily cell: tone (colour), mark (shape, for black and white) and words.
CELLS = {
    "passed": ("good", "\u2714", "passed"),
    "minor": ("warn", "\u25b2", "passed with minor findings"),
    "flaky": ("warn", "\u21bb", "flaky: passed on a retry"),
    "failed": ("bad", "\u2716", "fell short"),
    "error": ("neutral", "!", "could not be tested (the prober's own trouble)"),
    "pending": ("neutral", "\u25f7", "waiting for an answer"),
    "none": ("none", "\u00b7", "no run"),
}


def evidence_bytes(ledger: Ledger, run_ids: list[str]) -> dict[str, int]:
    """Bytes of evidence each run still keeps on disk (pruned files left out), by run id."""
    from ..prune import evidence_bytes as kept

    return dict(kept(ledger, run_ids))


def dashboard_data(ledger: Ledger, *, days: int = DEFAULT_DAYS, out_dir: Path | None = None) -> dict[str, Any]:
    """Everything the dashboard shows, as plain data.

    The window is the ``days`` calendar days (UTC) up to the latest run's day. With ``out_dir`` (the reports
    folder), runs link to their pages where those exist (runs before this version, or rendered elsewhere,
    have none until `probes report --run` writes it).
    """
    pages = _run_pages(out_dir)
    latest = ledger._select(sa.select(runs.c.started_at).order_by(runs.c.started_at.desc()).limit(1))
    if not latest:
        return {"days": [], "window_days": days, "runs": [], "targets": [], "journeys": [], "changes": None,
                "regressions": [], "nightly_only": True, "latest_nightly": None, "locations": None,
                "multi_location": False, "changes_elsewhere": [], "latest_map": None}
    end_day = latest[0]["started_at"].astimezone(dt.timezone.utc).date()
    day_list = [end_day - dt.timedelta(days=days - 1 - i) for i in range(days)]
    start = dt.datetime.combine(day_list[0], dt.time(), tzinfo=dt.timezone.utc)
    window_runs = ledger._select(sa.select(runs.c.id, runs.c.kind, runs.c.status, runs.c.started_at,
                                           runs.c.finished_at, runs.c.location)
                                 .where(runs.c.started_at >= start).order_by(runs.c.started_at.desc()))
    nightly = [r for r in window_runs if r["kind"] == "nightly"]
    nightly_only = bool(nightly)
    trend_runs = nightly or window_runs
    # One run per day (and location: nightlies at several locations are one night) makes a day's cells: the
    # latest of that day there.
    run_of_day: dict[tuple[dt.date, str], dict] = {}
    for r in trend_runs:  # newest first
        run_of_day.setdefault((r["started_at"].astimezone(dt.timezone.utc).date(), r["location"] or "local"), r)
    day_of_run = {r["id"]: d for (d, _), r in run_of_day.items()}
    # Journeys get a row per location only where the window has runs at more than one.
    multi_location = len({loc for _, loc in run_of_day}) > 1

    jrows = _journey_rows(ledger, [r["id"] for r in window_runs])
    listed = _runs_listed(ledger, window_runs, jrows, pages)
    cells = _journey_cells(ledger, jrows, day_of_run, day_list, pages, multi_location)
    targets = _target_figures(ledger, list(day_of_run), day_of_run, day_list, jrows)

    latest_nightly = trend_runs[0] if trend_runs else None
    changes: Changes | None = None
    flagged: list[dict] = []
    # The latest night's runs at other locations: what changed there is shown too (each against its own
    # location's earlier nights), so a run that finished later elsewhere does not hide this one's news.
    also: list[Changes] = []
    if latest_nightly is not None:
        changes = changes_for_run(ledger, latest_nightly["id"])   # each journey's confirm_after, as recorded
        flagged = regressions_view(regressions(ledger, latest_nightly["id"]))
        night = day_of_run.get(latest_nightly["id"])
        for (day, _), r in sorted(run_of_day.items(), key=lambda item: item[0][1]):
            if multi_location and day == night and r["id"] != latest_nightly["id"]:
                also.append(changes_for_run(ledger, r["id"]))
                flagged += regressions_view(regressions(ledger, r["id"]))
    # The latest night's journey map (with how each stage went over the nights before it), when written.
    latest_map = (f"runs/{latest_nightly['id']}/map.html" if latest_nightly is not None and out_dir is not None
                  and (Path(out_dir) / "runs" / latest_nightly["id"] / "map.html").is_file() else None)
    return {"days": day_list, "window_days": days, "runs": listed, "targets": targets, "journeys": cells,
            "changes": changes, "regressions": flagged, "nightly_only": nightly_only,
            "latest_nightly": latest_nightly, "multi_location": multi_location, "changes_elsewhere": also,
            "locations": _latest_night_by_location(ledger, run_of_day, jrows) if multi_location else None,
            "latest_map": latest_map}


# --- queries ----------------------------------------------------------------------------------------------

def _chunks(items: list, size: int) -> list[list]:
    return [items[i:i + size] for i in range(0, len(items), size)]


def _journey_rows(ledger: Ledger, run_ids: list[str]) -> dict[str, dict[tuple[str, str], dict]]:
    """Per run: its journeys by (target, name), the newest row of each, with ``retried`` when an earlier
    attempt of the same run did not pass (a retried journey is a later row of the same run)."""
    out: dict[str, dict[tuple[str, str], dict]] = {}
    for chunk in _chunks(run_ids, 500):
        q = (sa.select(journeys.c.id, journeys.c.run_id, journeys.c.target, journeys.c.target_name,
                       journeys.c.name, journeys.c.status, journeys.c.location, journeys.c.pinned_to)
             .where(journeys.c.run_id.in_(chunk)).order_by(journeys.c.id))
        for row in _rows(ledger, q):
            j = dict(row._mapping)
            mine = out.setdefault(j["run_id"], {})
            earlier = mine.get((j["target"], j["name"]))
            retried = bool(earlier and (earlier["status"] != "passed" or earlier["retried"]))
            mine[(j["target"], j["name"])] = {**j, "retried": retried}
    return out


def _run_pages(out_dir: Path | None) -> set[str]:
    """Ids of the runs whose pages are in ``out_dir/runs`` (one directory listing, not a look per run)."""
    folder = Path(out_dir) / "runs" if out_dir is not None else None
    if folder is None or not folder.is_dir():
        return set()
    return {p.name for p in folder.iterdir() if (p / "index.html").is_file()}


def _runs_listed(ledger: Ledger, window_runs: list[dict], jrows: dict, pages: set[str]) -> list[dict]:
    ids = [r["id"] for r in window_runs]
    sev: dict[str, dict[str, int]] = {}
    for chunk in _chunks(ids, 500):
        q = (sa.select(findings.c.run_id, findings.c.severity, sa.func.count().label("n"))
             .where(findings.c.run_id.in_(chunk)).group_by(findings.c.run_id, findings.c.severity))
        for r in ledger._select(q):
            sev.setdefault(r["run_id"], {})[r["severity"]] = int(r["n"])
    sizes = evidence_bytes(ledger, ids)
    out = []
    for r in window_runs:
        counts = {"passed": 0, "failed": 0, "error": 0, "other": 0}
        for j in jrows.get(r["id"], {}).values():
            counts[j["status"] if j["status"] in counts else "other"] += 1
        out.append({"id": r["id"], "kind": r["kind"], "status": r["status"], "started_at": iso(r["started_at"]),
                    "location": r.get("location") or "local",
                    "journeys": counts, "total": sum(counts.values()),
                    "findings": {s: sev.get(r["id"], {}).get(s, 0) for s in ("critical", "major", "minor", "info")},
                    "evidence_bytes": sizes.get(r["id"], 0),
                    "href": f"runs/{r['id']}/index.html" if r["id"] in pages else None})
    return out


def _journey_cells(ledger: Ledger, jrows: dict, day_of_run: dict[str, dt.date],
                   day_list: list[dt.date], pages: set[str], multi_location: bool = False) -> list[dict]:
    """Each journey of the nightly view: one cell per day, and its pass rate over the days it was judged.
    multi_location: a row per journey and location (the same journey from two places, one under the other)."""
    jids = [j["id"] for rid in day_of_run for j in jrows.get(rid, {}).values()]
    minor: set[int] = set()
    for chunk in _chunks(jids, 500):
        q = (sa.select(findings.c.journey_id, findings.c.severity).distinct()
             .where(findings.c.journey_id.in_(chunk), findings.c.severity.in_(PROBLEM_SEVERITIES)))
        minor |= {r["journey_id"] for r in ledger._select(q) if r["severity"] == "minor"}
    rows: dict[tuple[str, str], dict] = {}
    for rid, day in day_of_run.items():
        for ident, j in jrows.get(rid, {}).items():
            if j["status"] == "skipped" and j.get("pinned_to"):
                continue   # pinned to another location: never run there, so no cell (not "could not be tested")
            location = (j.get("location") or "local") if multi_location else None
            row = rows.setdefault((*ident, location), {"target": ident[0], "target_name": j["target_name"] or ident[0],
                                                       "name": ident[1], "location": location, "cells": {}})
            status = j["status"]
            if status == "passed":
                state = "flaky" if j["retried"] else "minor" if j["id"] in minor else "passed"
            elif status == "failed":
                state = "failed"
            elif status == "pending":
                state = "pending"
            else:
                state = "error"
            row["cells"][day] = {"state": state, "run_id": rid}
    out = []
    for row in sorted(rows.values(), key=lambda r: (r["target_name"], r["name"], r["location"] or "")):
        cells = []
        for day in day_list:
            c = row["cells"].get(day) or {"state": "none", "run_id": None}
            tone, mark, words = CELLS[c["state"]]
            cells.append({"day": day.isoformat(), "state": c["state"], "tone": tone, "mark": mark,
                          "words": f"{day:%a %d %b}: {words}", "run_id": c["run_id"],
                          "href": f"runs/{c['run_id']}/index.html" if c["run_id"] in pages else None})
        judged = [c for c in cells if c["state"] in ("passed", "minor", "flaky", "failed")]
        passed = sum(c["state"] != "failed" for c in judged)
        out.append({**row, "cells": cells, "judged": len(judged), "passed": passed,
                    "pass_rate": passed / len(judged) if judged else None})
    return out


def _target_figures(ledger: Ledger, run_ids: list[str], day_of_run: dict[str, dt.date],
                    day_list: list[dt.date], jrows: dict) -> list[dict]:
    """Per company and channel: daily reachability and daily/overall median and p90 of each time."""
    # Reachability, as the run report counts it: a step that ran to a verdict, with the contact sent.
    jid_run = {j["id"]: (rid, j) for rid in run_ids for j in jrows.get(rid, {}).values()}
    reach: dict[tuple[str, str], dict[dt.date, list[bool]]] = {}
    names: dict[str, str] = {}
    for chunk in _chunks(list(jid_run), 500):
        q = (sa.select(steps.c.journey_id, steps.c.channel, steps.c.status,
                       steps.c.observations["reachable"].as_boolean().label("reachable"),
                       contacts.c.status.label("contact_status"))
             .select_from(steps.outerjoin(contacts, contacts.c.step_id == steps.c.id))
             .where(steps.c.journey_id.in_(chunk), steps.c.channel != "await", steps.c.status.in_(JUDGED)))
        for journey_id, channel, _, reachable, contact_status in _rows(ledger, q):
            if reachable is None:
                continue
            rid, j = jid_run[journey_id]
            names[j["target"]] = j["target_name"] or j["target"]
            got = bool(reachable) and contact_status in (None, "sent")
            reach.setdefault((j["target"], channel), {}).setdefault(day_of_run[rid], []).append(got)
    times: dict[tuple[str, str], dict[str, dict[dt.date, list[float]]]] = {}
    metric_figure = {m: fid for fid, _, ms in FIGURES for m in ms}
    for (_, rid), p in measured_times(ledger, run_ids).items():
        fid = metric_figure.get(p["metric"])
        if fid is None:
            continue
        names.setdefault(p["target"], p["target_name"])
        times.setdefault((p["target"], p["channel"]), {}).setdefault(fid, {}).setdefault(
            day_of_run[rid], []).append(p["value_s"])
    out: dict[str, dict] = {}
    for target, channel in sorted(set(reach) | set(times), key=lambda k: (names.get(k[0], k[0]), k[1])):
        t = out.setdefault(target, {"target": target, "target_name": names.get(target, target), "channels": []})
        daily_reach = reach.get((target, channel), {})
        all_reach = [v for vs in daily_reach.values() for v in vs]
        figures = []
        for fid, words, _ in FIGURES:
            daily = times.get((target, channel), {}).get(fid)
            if not daily:
                continue
            values = [v for vs in daily.values() for v in vs]
            figures.append({"id": fid, "words": words, "median_s": nearest_rank(values, 50),
                            "p90_s": nearest_rank(values, 90), "n": len(values),
                            "spark": sparkline([(d, nearest_rank(daily[d], 50)) for d in day_list if d in daily],
                                               day_list, f"{target}-{channel}-{fid}")})
        t["channels"].append({
            "channel": channel, "reached": sum(all_reach), "tried": len(all_reach),
            "rate": sum(all_reach) / len(all_reach) if all_reach else None,
            "reach_spark": sparkline([(d, sum(v) / len(v)) for d in day_list if (v := daily_reach.get(d))],
                                     day_list, f"{target}-{channel}-reach", fixed=(0.0, 1.0)),
            "figures": figures})
    for t in out.values():
        t["chart"] = big_chart(t, day_list)
    return list(out.values())


# --- charts (inline SVG geometry) ------------------------------------------------------------------------

def sparkline(points: list[tuple[dt.date, float | None]], day_list: list[dt.date], ident: str, *,
              fixed: tuple[float, float] | None = None, width: int = 150, height: int = 30) -> dict[str, Any]:
    """A small line over the window, one marked point per day with a value (x by day, y by value)."""
    pts = [(d, v) for d, v in points if v is not None]
    if not pts:
        return {"id": ident, "points": [], "path": "", "width": width, "height": height}
    lo, hi = fixed or (min(v for _, v in pts), max(v for _, v in pts))
    span = (hi - lo) or 1.0
    first = day_list[0]
    step = (width - 8) / max(1, len(day_list) - 1)
    out = []
    for d, v in pts:
        x = 4 + (d - first).days * step
        y = height - 4 - (v - lo) / span * (height - 8)
        out.append({"x": round(x, 1), "y": round(y, 1), "day": d.isoformat(), "day_words": f"{d:%a %d %b}",
                    "value": round(v, 3)})
    return {"id": ident, "points": out, "width": width, "height": height,
            "path": " ".join(f"{'M' if i == 0 else 'L'}{p['x']},{p['y']}" for i, p in enumerate(out))}


def big_chart(target: dict, day_list: list[dt.date], *, width: int = 900, height: int = 220) -> dict[str, Any]:
    """The company's larger chart: the daily median of every time, by channel, on a log scale (seconds to days
    share one chart), one marked point per day."""
    left, right, top, bottom = 60, 250, 10, 26
    series = [(c["channel"], f) for c in target["channels"] for f in c["figures"]]
    values = [p["value"] for _, f in series for p in f["spark"]["points"] if p["value"] > 0]
    if not values:
        return {"series": [], "width": width, "height": height}
    lo = math.floor(math.log10(max(min(values), 0.01)))
    hi = math.ceil(math.log10(max(values) * 1.01)) or lo + 1
    hi = max(hi, lo + 1)
    plot_w, plot_h = width - left - right, height - top - bottom
    step = plot_w / max(1, len(day_list) - 1)
    first = day_list[0]

    def y_of(v: float) -> float:
        return round(top + plot_h - (math.log10(max(v, 10 ** lo)) - lo) / (hi - lo) * plot_h, 1)

    out = []
    for i, (channel, f) in enumerate(series):
        pts = [{"x": round(left + (dt.date.fromisoformat(p["day"]) - first).days * step, 1), "y": y_of(p["value"]),
                "day": p["day"], "value": p["value"]} for p in f["spark"]["points"]]
        out.append({"channel": channel, "figure": f["id"], "words": f["words"], "colour": i % 6, "points": pts,
                    "path": " ".join(f"{'M' if k == 0 else 'L'}{p['x']},{p['y']}" for k, p in enumerate(pts)),
                    "legend_y": top + 14 + i * 16})
    ticks = [{"y": y_of(v), "label": _tick_words(v)} for v in NICE_TICKS_S if 10 ** lo <= v <= 10 ** hi]
    days = [{"x": round(left + k * step, 1), "label": f"{d.day} {d:%b}"}
            for k, d in enumerate(day_list) if k % max(1, len(day_list) // 6) == 0]
    return {"series": out, "width": width, "height": height, "left": left, "right": width - right, "top": top,
            "bottom": top + plot_h, "ticks": ticks, "days": days}


# Grid lines of the larger chart, in seconds: round durations a reader knows.
NICE_TICKS_S = (0.01, 0.1, 1, 10, 60, 600, 3600, 6 * 3600, 86400, 7 * 86400)


def _tick_words(seconds: float) -> str:
    for unit, size in (("d", 86400), ("h", 3600), ("min", 60), ("s", 1)):
        if seconds >= size:
            return f"{seconds / size:g} {unit}"
    return f"{seconds * 1000:g} ms"


# --- render --------------------------------------------------------------------------------------------

def render_dashboard(ledger: Ledger, out_dir: Path, *, days: int = DEFAULT_DAYS,
                     title: str | None = None) -> str:
    """The dashboard as an HTML string; links to run pages are relative to ``out_dir``."""
    from .render import _environment, human_time

    data = dashboard_data(ledger, days=days, out_dir=out_dir)
    changes = data["changes"]
    what_changed = changes_view(changes) if changes is not None else None
    changes_note = None
    if what_changed is not None and data["changes_elsewhere"]:
        # One night at several locations: each location's changes, against its own earlier nights, together.
        views = [changes_view(c) for c in data["changes_elsewhere"]]
        for name in ("new", "first", "resolved", "persisting", "unchecked", "first_runs"):
            what_changed[name] = [x for v in (what_changed, *views) for x in v[name]]
        runs_words = ", ".join([changes.run_id, *(c.run_id for c in data["changes_elsewhere"])]) if changes else ""
        changes_note = (f"In the latest night's runs at each location ({runs_words}), against each journey's "
                        "previous night at the same location.")
    return _environment().get_template("dashboard.html.j2").render(
        **data, title=title, page_title=title or "Mystery Shopper dashboard",
        what_changed=what_changed, changes_note=changes_note,
        generator_version=__version__, generated_at=human_time(dt.datetime.now(dt.timezone.utc).isoformat()))


def write_dashboard(ledger: Ledger, out_dir: Path, *, days: int = DEFAULT_DAYS, title: str | None = None) -> Path:
    """Write ``out_dir/index.html``, the dashboard, and return its path."""
    out_dir = Path(out_dir).absolute()
    out_dir.mkdir(parents=True, exist_ok=True)
    path = out_dir / "index.html"
    path.write_text(render_dashboard(ledger, out_dir, days=days, title=title), encoding="utf-8")
    return path


def changes_view(changes: Changes) -> dict[str, Any]:
    """What changed, as the run page and the dashboard show it."""
    def view(p) -> dict[str, Any]:
        return {**p.as_dict(), "since_iso": iso(p.since), "where": " \u2013 ".join(
            x for x in (p.target_name, p.journey, f"step {p.step_key}" if p.step_key else "",
                        f"from {p.location}" if p.location != "local" else "") if x)}
    first = set(changes.first_run_journeys)
    out = {name: [view(p) for p in getattr(changes, name)] for name in ("resolved", "persisting", "unchecked")}
    # A journey's first run has nothing to compare with: its problems are not news, only what was found (the
    # findings below list them); they are kept apart so they do not bury what really changed.
    out["new"] = [view(p) for p in changes.new if (p.target, p.journey) not in first]
    out["first"] = [view(p) for p in changes.new if (p.target, p.journey) in first]
    return out | {"first_runs": changes.first_runs, "run_id": changes.run_id}


def regressions_view(found: list[Regression]) -> list[dict[str, Any]]:
    """Regressions with their time in words ("page load", "time to acknowledgement")."""
    return [{**r.as_dict(), "metric_words": (ANSWER_METRICS.get(r.metric) or METRIC_WORDS.get(r.metric)
                                             or r.metric.removesuffix("_s").replace("_", " ")).capitalize()}
            for r in found]


def run_history(ledger: Ledger, run_id: str, *, dashboard_href: str = "../../index.html") -> dict[str, Any]:
    """What a run page shows first: what changed against each journey's previous run, and regressions."""
    run = ledger.get_run(run_id) or {}
    changes = changes_for_run(ledger, run_id)
    before = "night" if run.get("kind") == "nightly" else "run"
    return {"changes": changes_view(changes), "regressions": regressions_view(regressions(ledger, run_id)),
            "dashboard_href": dashboard_href, "night_locations": night_locations(ledger, run),
            "note": f"Against each journey's previous {before} (problems identified by journey, step and check)."}


def run_page_dir(reports: Path, run_id: str) -> Path:
    """Where a run's page (index.html) and results.json are kept: ``<reports>/runs/<run id>/``."""
    return Path(reports).absolute() / "runs" / run_id


def publish_run(ledger: Ledger, reports: Path, run_id: str, *, results: dict | None = None,
                title: str | None = None, days: int = DEFAULT_DAYS,
                targets: Mapping[str, Any] | None = None) -> tuple[Path, Path]:
    """Write the run's page (``runs/<run id>/index.html`` with results.json beside it) and render the dashboard
    (``index.html``) again. Returns (run page, dashboard). An ad-hoc run gets its page and a line in the
    dashboard's list; the dashboard's nightly view stays the nightly runs'. ``targets``: probes.yaml's targets,
    for the journey map's business hours."""
    from .build import build_results
    from .render import write_json, write_report

    results = results if results is not None else build_results(ledger, run_id)
    folder = run_page_dir(reports, run_id)
    write_json(results, folder / "results.json")
    try:
        history = run_history(ledger, run_id)
    except Exception:  # noqa: BLE001 - the run's own page matters more than the comparison with others
        log.exception("what changed in run %s could not be worked out; its page is written without it", run_id)
        history = None
    map_href = _write_map(ledger, results, folder, targets)
    scorecard_href = _write_scorecard(ledger, results, folder)
    page = write_report(results, folder, title=title, history=history, map_href=map_href,
                        scorecard_href=scorecard_href)
    return page, write_dashboard(ledger, reports, days=days)


def _write_map(ledger: Ledger, results: dict, folder: Path, targets: Mapping[str, Any] | None) -> str | None:
    """The run's journey map (map.html beside its page, A3); its link, or None when the run has no journey.
    A nightly run's map also says how each stage went over the nights before it (journey_map.NIGHTS_MAPPED)."""
    from .journey_map import MAP_PAGE, nights_before, write_map

    try:
        earlier = nights_before(ledger, results["run"]) if results["run"]["kind"] == "nightly" else []
        write_map(results, folder / MAP_PAGE, targets=targets, earlier=earlier)
    except LookupError:   # no journeys: no map (and none left from an earlier page of this run)
        (folder / MAP_PAGE).unlink(missing_ok=True)
        return None
    except Exception:  # noqa: BLE001 - the run's own page matters more than its map
        log.exception("the journey map of run %s could not be written; its page is written without it",
                      results["run"]["id"])
        return None
    return MAP_PAGE


def _latest_night_by_location(ledger: Ledger, run_of_day: dict[tuple[dt.date, str], dict],
                              jrows: dict) -> dict[str, Any] | None:
    """The locations compared (report/locations.py) on the latest night with runs at more than one location:
    each location's latest run that night, its journeys' steps read in one query."""
    from .locations import compare_locations

    nights: dict[dt.date, list[dict]] = {}
    for (day, _), r in run_of_day.items():
        nights.setdefault(day, []).append(r)
    night = max((d for d, rs in nights.items() if len(rs) > 1), default=None)
    if night is None:
        return None
    chosen = {j["id"]: j for r in nights[night] for j in jrows.get(r["id"], {}).values()}
    steps_of: dict[int, list[dict]] = {}
    for chunk in _chunks(list(chosen), 500):
        q = (sa.select(steps.c.journey_id, steps.c.step_key, steps.c.position, steps.c.channel, steps.c.status,
                       steps.c.started_at, steps.c.finished_at, steps.c.error,
                       steps.c.observations["reachable"].as_boolean().label("reachable"),
                       contacts.c.status.label("contact_status"))
             .select_from(steps.outerjoin(contacts, contacts.c.step_id == steps.c.id))
             .where(steps.c.journey_id.in_(chunk)).order_by(steps.c.journey_id, steps.c.position, steps.c.id))
        for row in ledger._select(q):
            reachable = row["reachable"]
            if reachable and row["contact_status"] not in (None, "sent"):
                reachable = False   # got through only if the company's side got the contact (as build does)
            duration = ((row["finished_at"] - row["started_at"]).total_seconds()
                        if row["started_at"] and row["finished_at"] else None)
            mine = steps_of.setdefault(row["journey_id"], [])
            mine[:] = [s for s in mine if s["position"] != row["position"]]   # the newest row of a position
            mine.append({"id": row["step_key"], "position": row["position"], "channel": row["channel"],
                         "status": row["status"], "error": row["error"], "duration_s": duration,
                         "reachable": bool(reachable) if reachable is not None else None})
    compared = compare_locations([{**j, "location": j.get("location") or "local", "steps": steps_of.get(jid, [])}
                                  for jid, j in chosen.items()])
    if compared is not None:
        compared["night"] = night
        compared["runs"] = sorted(r["id"] for r in nights[night])
    return compared


def night_locations(ledger: Ledger, run: dict) -> dict[str, Any] | None:
    """For a nightly run: the locations compared over its night (its own and the latest nightly run of that
    UTC day at each other location, as far as the ledger holds them when the page is written), or None when
    the night ran at one location only."""
    if run.get("kind") != "nightly" or not run.get("started_at"):
        return None
    day = run["started_at"].astimezone(dt.timezone.utc).date()
    start = dt.datetime.combine(day, dt.time(), tzinfo=dt.timezone.utc)
    same_night = ledger._select(sa.select(runs.c.id, runs.c.started_at, runs.c.location)
                                .where(runs.c.kind == "nightly", runs.c.started_at >= start,
                                       runs.c.started_at < start + dt.timedelta(days=1))
                                .order_by(runs.c.started_at.desc()))
    run_of_day: dict[tuple[dt.date, str], dict] = {(day, run.get("location") or "local"): run}
    for r in same_night:   # newest first: the latest run at each other location
        run_of_day.setdefault((day, r["location"] or "local"), r)
    if len(run_of_day) < 2:
        return None
    return _latest_night_by_location(ledger, run_of_day, _journey_rows(ledger, [r["id"] for r in run_of_day.values()]))


def _write_scorecard(ledger: Ledger, results: dict, folder: Path) -> str | None:
    """The scorecard of the run's companies (scorecard.html beside its page); its link, or None when the run
    contacted no company. Beside the run's page rather than one reports/scorecard.html: it scores the companies
    of this run, and stays what its page links to after later runs (`probes scorecard --days N` writes the
    period's)."""
    from .scorecard import SCORECARD_PAGE, scorecard_data, write_scorecard

    run_id = results["run"]["id"]
    try:
        data = scorecard_data(ledger, [run_id], results={run_id: results})
        if not data["companies"]:
            (folder / SCORECARD_PAGE).unlink(missing_ok=True)
            return None
        write_scorecard(data, folder / SCORECARD_PAGE, run_href="index.html")
    except Exception:  # noqa: BLE001 - the run's own page matters more than its scorecard
        log.exception("the scorecard of run %s could not be written; its page is written without it", run_id)
        return None
    return SCORECARD_PAGE
