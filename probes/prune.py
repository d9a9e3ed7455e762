"""Evidence retention: delete evidence files older than their kind's limit (``retention:`` in probes.yaml).

Only files are deleted, never ledger rows: each pruned file's row gets ``pruned_at``, so a run's page still
renders and says "evidence pruned (<date>)" where the file was. What is never deleted:

- anything of a run that is still running or still waits for an answer (its awaits are pending: an answer
  may still arrive and be judged against the run's evidence);
- anything outside ``<reports folder>/evidence/``, whatever the ledger says: a path with ``..``, a symlink
  on the way, or a run whose evidence lives in another reports folder is refused and counted.

A file already gone is marked pruned too (it frees nothing). A file deleted before its row was marked (a
crash between the two) is found gone next time and marked then.
"""
from __future__ import annotations

import datetime as dt
import os
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

import sqlalchemy as sa

from .ledger import Ledger, awaits, contacts, evidence, responses, runs
from .report.render import thumbnail_path
from .results import utcnow

# The evidence kinds in the words of `retention:` (config.Retention); other kinds are never pruned.
KIND_WORDS = {"screenshot": "screenshots", "trace": "traces", "email": "emails", "text": "texts",
              "audio": "recordings"}
# Rows marked per transaction: a year's first prune must not hold the ledger's write lock for long.
MARK_BATCH = 500


@dataclass
class Doomed:
    """One evidence file old enough to go, and the rows that record it."""

    path: Path
    kind: str                                   # the evidence kind: screenshot | trace | email | text | audio
    run_id: str | None                          # None: mail that matched no contact
    saved_at: dt.datetime
    bytes: int = 0                              # on disk now (0 when already gone)
    exists: bool = True
    evidence_ids: list[int] = field(default_factory=list)
    response_ids: list[int] = field(default_factory=list)


@dataclass
class PruneResult:
    """What a prune deleted (or, with dry_run, would delete), and what it left alone and why."""

    files: list[Doomed] = field(default_factory=list)
    refused: list[tuple[Path, str]] = field(default_factory=list)   # (path, why) outside the evidence folder
    failed: list[tuple[Path, str]] = field(default_factory=list)    # (path, error) could not be deleted
    protected_runs: list[str] = field(default_factory=list)         # running, or waiting for answers
    dry_run: bool = False

    @property
    def freed_bytes(self) -> int:
        return sum(d.bytes for d in self.files)

    @property
    def runs(self) -> set[str]:
        return {d.run_id for d in self.files if d.run_id}


def _cutoffs(limits_s: dict[str, float], now: dt.datetime) -> dict[str, dt.datetime]:
    return {kind: now - dt.timedelta(seconds=s) for kind, s in limits_s.items()}


def protected_runs(ledger: Ledger) -> list[str]:
    """Runs whose evidence must stay: still running, or with an await still pending."""
    stmt = sa.union(sa.select(runs.c.id).where(runs.c.status == "running"),
                    sa.select(awaits.c.run_id).where(awaits.c.status == "pending"))
    return sorted(r["id"] for r in ledger._select(sa.select(stmt.subquery().c.id)))


def _aware(t: dt.datetime) -> dt.datetime:
    return t if t.tzinfo else t.replace(tzinfo=dt.timezone.utc)


def _inside(evidence_dir: Path, root: str | None, rel: str, reports_dir: Path) -> tuple[Path | None, str]:
    """The file's absolute path if it lies inside ``evidence_dir`` with no ``..`` and no symlink on the way;
    else (None, why)."""
    rel_path = Path(rel)
    path = rel_path if rel_path.is_absolute() else Path(root or reports_dir) / rel_path
    if ".." in path.parts:
        return None, "its path has '..' in it"
    path = Path(os.path.abspath(path))
    if not path.is_relative_to(evidence_dir):
        return None, f"it is outside {evidence_dir}"
    step = evidence_dir
    for part in path.relative_to(evidence_dir).parts:
        step = step / part
        if step.is_symlink():
            return None, f"{step} is a symbolic link"
    return path, ""


def plan(ledger: Ledger, reports_dir: Path, limits_s: dict[str, float], *,
         now: dt.datetime | None = None) -> PruneResult:
    """What ``prune`` would delete now: evidence files older than their kind's limit (``limits_s``: seconds
    by evidence kind, see config.Retention.limits_s), of runs neither running nor waiting for answers, inside
    ``<reports_dir>/evidence``. Deletes nothing."""
    now = now or utcnow()
    result = PruneResult(protected_runs=protected_runs(ledger))
    if not limits_s:
        return result
    cutoffs = _cutoffs(limits_s, now)
    protected = result.protected_runs
    evidence_dir = Path(reports_dir).resolve() / "evidence"
    by_path: dict[Path, Doomed] = {}

    def take(root: str | None, rel: str, kind: str, run_id: str | None, saved_at: dt.datetime) -> Doomed | None:
        path, why = _inside(evidence_dir, root, rel, Path(reports_dir).resolve())
        if path is None:
            result.refused.append((Path(root or "") / rel, why))
            return None
        if path not in by_path:
            by_path[path] = Doomed(path, kind, run_id, _aware(saved_at))
        return by_path[path]

    old_enough = sa.or_(*(sa.and_(evidence.c.kind == kind, evidence.c.created_at < cut)
                          for kind, cut in cutoffs.items()))
    rows = ledger._select(
        sa.select(evidence.c.id, evidence.c.kind, evidence.c.path, evidence.c.run_id, evidence.c.created_at,
                  runs.c.evidence_root)
        .join(runs, runs.c.id == evidence.c.run_id)
        .where(evidence.c.pruned_at.is_(None), old_enough, evidence.c.run_id.not_in(protected))
        .order_by(evidence.c.id))
    for r in rows:
        if doomed := take(r["evidence_root"], r["path"], r["kind"], r["run_id"], r["created_at"]):
            doomed.evidence_ids.append(r["id"])

    # The raw messages of answers (an evidence row points at the same file) and of unmatched mail (none does).
    email_cut, text_cut = cutoffs.get("email"), cutoffs.get("text")
    kinds = []
    if email_cut is not None:
        kinds.append(sa.and_(responses.c.channel == "email", responses.c.observed_at < email_cut))
    if text_cut is not None:
        kinds.append(sa.and_(responses.c.channel != "email", responses.c.observed_at < text_cut))
    if kinds:
        rows = ledger._select(
            sa.select(responses.c.id, responses.c.channel, responses.c.evidence_path, responses.c.evidence_root,
                      responses.c.observed_at, contacts.c.run_id)
            .outerjoin(contacts, contacts.c.id == responses.c.contact_id)
            .where(responses.c.pruned_at.is_(None), responses.c.evidence_path.is_not(None), sa.or_(*kinds),
                   sa.or_(contacts.c.run_id.is_(None), contacts.c.run_id.not_in(protected)))
            .order_by(responses.c.id))
        for r in rows:
            kind = "email" if r["channel"] == "email" else "text"
            if doomed := take(r["evidence_root"], r["evidence_path"], kind, r["run_id"], r["observed_at"]):
                doomed.response_ids.append(r["id"])
    for doomed in by_path.values():
        try:
            doomed.bytes = doomed.path.stat().st_size
        except OSError:
            doomed.exists, doomed.bytes = False, 0
        if doomed.kind == "screenshot":
            thumb = thumbnail_path(doomed.path)
            if thumb.is_file() and not thumb.is_symlink():
                doomed.bytes += thumb.stat().st_size
    result.files = sorted(by_path.values(), key=lambda d: (d.saved_at, str(d.path)))
    return result


def prune(ledger: Ledger, reports_dir: Path, limits_s: dict[str, float], *, dry_run: bool = False,
          now: dt.datetime | None = None) -> PruneResult:
    """Delete the evidence files ``plan`` finds and mark their rows pruned; with ``dry_run``, only plan."""
    result = plan(ledger, reports_dir, limits_s, now=now)
    result.dry_run = dry_run
    if dry_run:
        return result
    evidence_dir = Path(reports_dir).resolve() / "evidence"
    done: list[Doomed] = []
    for doomed in result.files:
        try:
            if doomed.exists:
                doomed.path.unlink(missing_ok=True)
            if doomed.kind == "screenshot" and not thumbnail_path(doomed.path).is_symlink():
                thumbnail_path(doomed.path).unlink(missing_ok=True)
        except OSError as exc:
            result.failed.append((doomed.path, str(exc)))
            continue
        done.append(doomed)
        _remove_empty_folders(doomed.path.parent, evidence_dir)
    result.files = done
    stamp = utcnow()
    for i in range(0, len(done), MARK_BATCH):
        batch = done[i:i + MARK_BATCH]
        ev_ids = [x for d in batch for x in d.evidence_ids]
        resp_ids = [x for d in batch for x in d.response_ids]
        with ledger.transaction() as conn:
            if ev_ids:
                conn.execute(evidence.update().where(evidence.c.id.in_(ev_ids)).values(pruned_at=stamp))
            if resp_ids:
                conn.execute(responses.update().where(responses.c.id.in_(resp_ids)).values(pruned_at=stamp))
    return result


def _remove_empty_folders(folder: Path, evidence_dir: Path) -> None:
    """Remove ``folder`` and its parents while they are empty, up to (not including) the evidence folder."""
    while folder != evidence_dir and folder.is_relative_to(evidence_dir):
        try:
            folder.rmdir()
        except OSError:
            return
        folder = folder.parent


def evidence_bytes(ledger: Ledger, run_ids: Iterable[str]) -> dict[str, int]:
    """Bytes of evidence each run still keeps on disk (the evidence rows' sizes, pruned files left out), by
    run id; a run with none is 0. For the dashboard: one query whatever the number of runs."""
    ids = list(dict.fromkeys(run_ids))
    out = dict.fromkeys(ids, 0)
    for i in range(0, len(ids), 500):
        rows = ledger._select(
            sa.select(evidence.c.run_id, sa.func.coalesce(sa.func.sum(evidence.c.bytes), 0).label("n"))
            .where(evidence.c.run_id.in_(ids[i:i + 500]), evidence.c.pruned_at.is_(None))
            .group_by(evidence.c.run_id))
        out.update({r["run_id"]: int(r["n"]) for r in rows})
    return out
