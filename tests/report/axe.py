"""axe-core, the accessibility checker, run inside a page opened in real Chromium.

axe.min.js comes from the npm tarball pinned in tests/widgets/widgets.lock.json (installed by
tests/widgets/install.py, which noxfile.py's tests session runs). It is injected into the page as an inline
script, so a page opened from file:// with no network can be checked. Reusable for any page the report
writes: ``assert_accessible(page, what)`` (or ``axe_violations(page)``) after ``open_report``.
"""
from __future__ import annotations

from pathlib import Path

WIDGETS_DIR = Path(__file__).resolve().parents[1] / "widgets"
AXE_JS = WIDGETS_DIR / "node_modules" / "axe-core" / "axe.min.js"
AXE_INSTALL = (f"python3 {WIDGETS_DIR / 'install.py'}   (it needs Node.js and npm: "
               "apt-get install -y nodejs npm; `python3 noxfile.py -s tests` does both)")
BLOCKING = ("serious", "critical")   # axe's impacts a page must not have; "minor" and "moderate" are reported


def axe_violations(page) -> list[dict]:
    """Every axe-core violation on the page as it is now: dicts with id, impact, help, helpUrl and nodes
    (each node's target selector, html and failureSummary). Fails with the install command when axe-core
    is not installed."""
    if not AXE_JS.is_file():
        raise RuntimeError(f"axe-core is not installed for the accessibility tests ({AXE_JS} is missing). "
                           f"Run: {AXE_INSTALL}")
    page.add_script_tag(path=str(AXE_JS))
    return page.evaluate("async () => (await axe.run(document, {resultTypes: ['violations']})).violations")


def blocking(violations: list[dict]) -> list[dict]:
    """The violations with impact serious or critical."""
    return [v for v in violations if v.get("impact") in BLOCKING]


def describe(violations: list[dict], nodes_each: int = 4) -> str:
    """The violations in words, a few offending elements each, for an assertion message."""
    lines = []
    for v in violations:
        lines.append(f"[{v.get('impact')}] {v['id']}: {v['help']} ({len(v['nodes'])} elements) {v['helpUrl']}")
        for node in v["nodes"][:nodes_each]:
            summary = " ".join((node.get("failureSummary") or "").split())
            lines.append(f"    {' '.join(map(str, node['target']))}: {node['html'][:160]}")
            if summary:
                lines.append(f"      {summary[:300]}")
    return "\n".join(lines) or "none"


def assert_accessible(page, what: str) -> list[dict]:
    """Fail when axe-core finds a serious or critical violation on the page, naming them and the others;
    returns the others (minor, moderate)."""
    violations = axe_violations(page)
    bad = blocking(violations)
    others = [v for v in violations if v not in bad]
    assert not bad, (f"axe-core found serious or critical violations in {what}:\n{describe(bad)}\n"
                     f"Others (minor, moderate):\n{describe(others)}")
    return others
