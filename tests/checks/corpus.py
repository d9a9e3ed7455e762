"""The labelled reply corpus (tests/data/replies/): loading it and turning an entry into a CheckContext.

Shared by the test that asserts every label (test_corpus.py) and the benchmark that scores the checks
on it (tests/benchmarks/checks_quality.py), so both read the corpus the same way.
"""
from __future__ import annotations

from pathlib import Path

import yaml

from probes.checks import CheckContext

CORPUS = Path(__file__).resolve().parents[1] / "data" / "replies"
FAMILIES = ("placeholder", "wrong_recipient", "internal_note", "profanity", "tone", "language", "answer")


def load_corpus(folder: Path = CORPUS) -> list[dict]:
    """Every entry of every YAML file in the corpus folder, each with the file it came from."""
    entries = []
    for path in sorted(folder.glob("*.yaml")):
        for entry in yaml.safe_load(path.read_text(encoding="utf-8")) or []:
            entries.append({**entry, "file": path.name})
    return entries


def make_context(entry: dict) -> CheckContext:
    """The entry's context as a CheckContext."""
    ctx = entry.get("context", {})
    return CheckContext(persona=dict(ctx.get("persona", {})), channel=entry["channel"],
                        other_personas=[dict(p) for p in ctx.get("other_personas", [])],
                        other_tokens=list(ctx.get("other_tokens", [])), token=ctx.get("token", ""),
                        must_mention=list(ctx.get("must_mention", [])),
                        reply_kind=ctx.get("reply_kind", "human"))


def family(finding) -> str | None:
    """The family a finding belongs to: its check id up to the first dot (None for an info note such as
    answer.complete, which reports and does not accuse)."""
    return None if finding.severity == "info" else finding.check.split(".", 1)[0]
