"""Locations compared: the same journeys run from several places (a queued run's workers, or one night's
nightly runs at several locations), side by side.

"The form fails from Frankfurt" is a finding of its own shape: a step that passes at one location and falls
short at another. This module turns journeys (the results document's shape: name, target, location, steps with
status, reachability and times) into what the run page and the dashboard show: per location, reachability and
times by channel; per step, each location's verdict, with the steps whose verdicts differ first. A project that
runs at one location gets nothing (None): no empty location column anywhere.
"""
from __future__ import annotations

from typing import Any

from .build import nearest_rank, step_reach

# Step verdicts about the company; "error" is the prober's own trouble, shown but never a difference.
_VERDICTS = ("passed", "failed")


def locations_ran(journeys: list[dict]) -> list[str]:
    """The locations at which journeys ran (skipped ones left out), in order of first appearance."""
    return list(dict.fromkeys(j.get("location") or "local" for j in journeys if j.get("status") != "skipped"))


def compare_locations(journeys: list[dict]) -> dict[str, Any] | None:
    """The comparison by location of these journeys, or None when they ran at fewer than two locations.

    Each journey: {name, target, target_name, file, location, status, steps: [{id, position, channel, status,
    reachable, duration_s, measurements}]} (build.build_results' journeys, or the dashboard's rows).
    """
    places = sorted(locations_ran(journeys))
    if len(places) < 2:
        return None
    ran = [j for j in journeys if j.get("status") != "skipped"]
    by_place = {p: [j for j in ran if (j.get("location") or "local") == p] for p in places}

    summary = []
    for place in places:
        counts = {"passed": 0, "failed": 0, "error": 0, "other": 0}
        for j in by_place[place]:
            counts[j["status"] if j["status"] in counts else "other"] += 1
        reached = [r for j in by_place[place] for s in j["steps"] if (r := step_reach(s)) in ("reached", "not_reached")]
        summary.append({"location": place, "journeys": len(by_place[place]), **counts,
                        "reached": reached.count("reached"), "tried": len(reached),
                        "rate": round(reached.count("reached") / len(reached), 4) if reached else None})

    # Reachability and step times by channel and location.
    channels: dict[str, dict[str, dict[str, Any]]] = {}
    for place in places:
        for j in by_place[place]:
            for s in j["steps"]:
                if s["channel"] == "await":
                    continue
                c = channels.setdefault(s["channel"], {}).setdefault(
                    place, {"reached": 0, "tried": 0, "times_s": []})
                said = step_reach(s)
                if said in ("reached", "not_reached"):
                    c["tried"] += 1
                    c["reached"] += said == "reached"
                if s["status"] in _VERDICTS and s.get("duration_s") is not None:
                    c["times_s"].append(s["duration_s"])
    channel_rows = []
    for channel in sorted(channels):
        cells = {}
        for place in places:
            c = channels[channel].get(place) or {"reached": 0, "tried": 0, "times_s": []}
            cells[place] = {"reached": c["reached"], "tried": c["tried"],
                            "rate": round(c["reached"] / c["tried"], 4) if c["tried"] else None,
                            "median_s": nearest_rank(c["times_s"], 50), "p90_s": nearest_rank(c["times_s"], 90)}
        rates = {v["rate"] for v in cells.values() if v["rate"] is not None}
        channel_rows.append({"channel": channel, "cells": cells, "differs": len(rates) > 1})

    # Each step of each journey, side by side: the same journey is the same target and name (as in history).
    rows: dict[tuple, dict[str, Any]] = {}
    for j in ran:
        place = j.get("location") or "local"
        for s in j["steps"]:
            key = (j["target"], j["name"], s["position"], s["id"])
            row = rows.setdefault(key, {"journey": j["name"], "target": j["target"],
                                        "target_name": j.get("target_name") or j["target"], "step": s["id"],
                                        "position": s["position"], "channel": s["channel"], "cells": {}})
            row["cells"][place] = {"status": s["status"], "reach": step_reach(s), "duration_s": s.get("duration_s"),
                                   "error": s.get("error")}
    step_rows = []
    for row in rows.values():
        verdicts = {c["status"] for c in row["cells"].values() if c["status"] in _VERDICTS}
        reaches = {c["reach"] for c in row["cells"].values() if c["reach"] in ("reached", "not_reached")}
        # A difference about the company: passed here and fell short there (or got through here, not there).
        row["differs"] = len(verdicts) > 1 or len(reaches) > 1
        row["failed_at"] = [p for p in places if (c := row["cells"].get(p)) and c["status"] == "failed"]
        row["passed_at"] = [p for p in places if (c := row["cells"].get(p)) and c["status"] == "passed"]
        step_rows.append(row)
    step_rows.sort(key=lambda r: (not r["differs"], r["target_name"], r["journey"], r["position"]))
    return {"locations": places, "summary": summary, "channels": channel_rows, "steps": step_rows,
            "differences": sum(r["differs"] for r in step_rows)}
