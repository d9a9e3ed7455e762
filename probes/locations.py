"""Locations: where a prober runs (a city, a data centre, a cloud region), so results can be compared by place.

A prober process runs at one location, named by ``--location NAME``, else the environment variable
``PROBES_LOCATION``, else ``settings.location`` in probes.yaml, else ``local``. The run, every journey and every
contact record it. A journey may be pinned to locations (``locations: [london, frankfurt]`` on the scenario, else
on its target): elsewhere it is not run, and is shown as skipped, never as a finding.
"""
from __future__ import annotations

import os
import re

from .yamlsource import InputError, Problem

DEFAULT_LOCATION = "local"
ENV_VAR = "PROBES_LOCATION"
# A location is part of run ids, evidence folders and lock names: keep it to characters safe in all of them,
# and short enough that a run id with it fits the ledger's 40 characters (20261122T110512Z-3f9a-<18>).
MAX_NAME = 18
NAME_RE = re.compile(r"[a-z0-9](?:[a-z0-9-]{0,%d}[a-z0-9])?" % (MAX_NAME - 2))
NAME_RULE = (f"lowercase letters, digits and hyphens (not at either end), at most {MAX_NAME} characters, "
             "e.g. frankfurt or eu-central-1")


def check_name(name: str) -> str:
    """The name if it is a valid location name, else ValueError saying what is allowed."""
    if not isinstance(name, str) or not NAME_RE.fullmatch(name):
        raise ValueError(f"'{name}' is not a location name: use {NAME_RULE}")
    return name


def resolve_location(option: str | None, config=None) -> str:
    """Where this process runs: the CLI option, else $PROBES_LOCATION, else settings.location, else "local".

    A name that is not valid is bad input (InputError naming where it came from)."""
    # (where a bad value is said to come from, like expand_env's "environment" problems, the value)
    for file, path, value in (("command line", "--location", option),
                              ("environment", ENV_VAR, (os.environ.get(ENV_VAR) or "").strip() or None),
                              (getattr(config, "source", "") or "probes.yaml", "settings.location",
                               getattr(getattr(config, "settings", None), "location", None))):
        if value is None:
            continue
        try:
            return check_name(value)
        except ValueError as exc:
            raise InputError([Problem(file, 0, path, str(exc))]) from None
    return DEFAULT_LOCATION


def journey_locations(loaded_journey, config) -> list[str] | None:
    """The locations a journey may run at: its scenario's ``locations:``, else its target's; None = anywhere."""
    journey = getattr(loaded_journey, "journey", loaded_journey)
    if journey.locations:
        return list(journey.locations)
    target = config.targets.get(journey.target)
    if target is not None and target.locations:
        return list(target.locations)
    return None


def pinned_elsewhere(loaded_journey, config, location: str) -> list[str] | None:
    """The journey's locations when it is pinned and ``location`` is not one of them (it must not run here);
    else None."""
    allowed = journey_locations(loaded_journey, config)
    return allowed if allowed is not None and location not in allowed else None


def describe_pin(allowed: list[str]) -> str:
    """'pinned to london, frankfurt' (what the report and the progress line say about a skipped journey)."""
    return "pinned to " + ", ".join(allowed)


def run_id_suffix(location: str) -> str:
    """What a run id made at this location ends with: nothing at the default location (so ledgers written
    before locations existed keep resuming tonight's run), else '-<location>'."""
    return "" if location == DEFAULT_LOCATION else f"-{location}"


def nightly_run_id(day: str, location: str) -> str:
    """Tonight's run id at a location: nightly-YYYYMMDD, or nightly-YYYYMMDD-frankfurt elsewhere, so two
    machines at two locations never resume each other's run."""
    return f"nightly-{day}{run_id_suffix(location)}"


def nightly_location(run_id: str) -> str:
    """The location a nightly run id was made at (nightly_run_id backwards): nightly-20261202-frankfurt ->
    frankfurt, nightly-20261202 -> local."""
    rest = run_id.removeprefix("nightly-")
    day, _, location = rest.partition("-")
    return location if location and NAME_RE.fullmatch(location) else DEFAULT_LOCATION
