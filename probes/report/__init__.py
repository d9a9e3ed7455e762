"""The report: ledger rows -> results document -> self-contained HTML (and JSON).

``build_results`` reads one run from the ledger into a plain dict (the format
documented in the README under "JSON results format"); ``write_report`` and
``write_json`` write it out; ``render_latest`` does both for the newest run.
``dashboard.publish_run`` is what every command calls after a run: the run's
page under ``runs/<run id>/`` (with what changed, from probes.history) and the
dashboard, the reports folder's ``index.html``.
"""
from __future__ import annotations

from .build import FORMAT, FORMAT_VERSION, build_results
from .render import render_html, render_latest, write_json, write_report

__all__ = ["FORMAT", "FORMAT_VERSION", "build_results", "render_html", "render_latest", "write_json",
           "write_report"]
