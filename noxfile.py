"""Developer entry points: `nox -s demo` (see it work) and `nox -s tests` (the whole suite).

Both install everything they need into their own virtualenv, plus (with
`probes setup`) a Chromium for Playwright (Playwright's own where it can be
downloaded, else the system's `chromium` package) and Dovecot, the real IMAP
server the demo's mailbox and the email tests use.

On a machine with nothing but the system Python (Debian 12, Ubuntu 24.04: pip
refuses to install there, PEP 668), run this file itself: `python3 noxfile.py
-s demo`. It makes a project virtualenv `.venv/` with nox in it, once, and runs
nox from there with the same arguments (see _bootstrap below).
"""
import importlib.util
import os
import shutil
import subprocess
import sys
from pathlib import Path

VENV_INSTALL = "sudo apt-get install -y python3-venv"


def _say(text: str) -> None:
    print(f"noxfile.py: {text}", file=sys.stderr, flush=True)


def _has_ensurepip() -> bool:
    # Debian and Ubuntu ship venv's pip installer (ensurepip) in the separate python3-venv package.
    try:
        import ensurepip  # noqa: F401
    except ImportError:
        return False
    return True


def _make_venv(venv: Path) -> None:
    """Create venv with the running Python's venv module; get python3-venv first where it is missing."""
    if not _has_ensurepip():
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            _say(f"{sys.executable} cannot make a virtualenv (its venv module has no ensurepip). "
                 f"Run: {VENV_INSTALL}   (then this command again)")
            sys.exit(1)
        _say("installing python3-venv with apt-get (this Python cannot make a virtualenv without it)")
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "python3-venv"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    shutil.rmtree(venv, ignore_errors=True)   # a half-made one from an earlier failure
    subprocess.run([sys.executable, "-m", "venv", str(venv)], check=True)


def _bootstrap(args: list[str]) -> None:
    """`python3 noxfile.py ARGS`: nox from the project's own .venv/ (made once), as `nox ARGS`."""
    if sys.version_info < (3, 11):
        _say(f"Python 3.11 or newer is needed; this is {sys.version.split()[0]} ({sys.executable})")
        sys.exit(1)
    root = Path(__file__).resolve().parent
    venv = root / ".venv"
    python = venv / "bin" / "python"
    ready = python.exists() and subprocess.run([str(python), "-c", "import nox"], check=False,
                                               stderr=subprocess.DEVNULL).returncode == 0
    if not ready:
        _say(f"making {venv} with nox in it (once)")
        if not (venv / "bin" / "pip").exists():
            _make_venv(venv)
        subprocess.run([str(python), "-m", "pip", "install", "--quiet", "--disable-pip-version-check", "nox"],
                       check=True)
    os.execv(str(python), [str(python), "-m", "nox", "--noxfile", str(root / "noxfile.py"), *args])


# Run as a script, before `import nox` can work: the system Python has no nox, and may not install it.
if __name__ == "__main__":
    try:
        _bootstrap(sys.argv[1:])
    except subprocess.CalledProcessError as exc:
        _say(f"failed: {' '.join(map(str, exc.cmd))} (exit {exc.returncode})")
        sys.exit(1)

import nox  # noqa: E402 - after the bootstrap above, on purpose

nox.options.sessions = ["tests"]
nox.options.reuse_existing_virtualenvs = True


def _install(session: nox.Session, *groups: str) -> None:
    session.install("-e", ".")
    if groups:
        # Dependency groups from pyproject.toml (PEP 735); pip >= 25.1 reads them.
        session.install("--upgrade", "pip>=25.1")
        for group in groups:
            session.install("--group", group)
    session.run("probes", "setup")  # Chromium and Dovecot, installed only where missing


@nox.session
def demo(session: nox.Session) -> None:
    """Start the demo company, run scenarios/ against it, write reports/index.html."""
    _install(session)
    # Exit code 1 means "the demo company has faults", which is the point of the demo.
    session.run("probes", "demo", *session.posargs, success_codes=[0, 1])


WIDGETS = Path(__file__).resolve().parent / "tests" / "widgets"
NODE_INSTALL = "sudo apt-get install -y nodejs npm"


def _npm_widgets(session: nox.Session) -> None:
    """The real chat widgets the presets are tested against (tests/widgets/widgets.lock.json): their two
    tarballs, and axe-core's (the accessibility check of the report's pages), fetched with `npm pack` and
    checked by tests/widgets/install.py, when node_modules is missing or was installed from another lock
    file. Node.js and npm are installed with apt-get when running as
    root, else the session fails with the command."""
    spec = importlib.util.spec_from_file_location("widgets_install", WIDGETS / "install.py")
    widgets = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(widgets)
    if widgets.installed():
        return
    if not (shutil.which("node") and shutil.which("npm")):
        if os.geteuid() != 0 or not shutil.which("apt-get"):
            session.error(f"Node.js and npm are needed for the chat widget tests. Run: {NODE_INSTALL}   "
                          f"(then: {widgets.COMMAND})")
        _say("installing nodejs and npm with apt-get (the chat widget tests serve real npm widgets)")
        subprocess.run(["apt-get", "update"], check=True)
        subprocess.run(["apt-get", "install", "-y", "nodejs", "npm"], check=True,
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})
    _say(f"installing the chat widgets into {widgets.TARGET} (npm pack: the two widgets and axe-core)")
    try:
        widgets.install()
    except widgets.InstallError as exc:
        session.error(str(exc))


def _debian_tools(session: nox.Session, what: str, package: str, present: bool) -> None:
    """A Debian package the tests run programs of: installed with apt-get when missing and running as root,
    else the session fails with the command."""
    if present:
        return
    if os.geteuid() != 0 or not shutil.which("apt-get"):
        session.error(f"{what}. Run: sudo apt-get install -y {package}")
    _say(f"installing {package} with apt-get ({what})")
    subprocess.run(["apt-get", "update"], check=True)
    subprocess.run(["apt-get", "install", "-y", "--no-install-recommends", package], check=True,
                   env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"})


def _test_tools(session: nox.Session) -> None:
    """What the tests run besides Python: systemd-analyze checks the unit files in deploy/systemd/ (no running
    systemd is needed; containers often come without it); PostgreSQL's initdb and pg_ctl start the ledger
    tests' throwaway server (no system service is used); poppler's pdfinfo, pdftotext and pdftoppm read the
    journey map's PDFs."""
    import glob

    _debian_tools(session, "systemd-analyze checks the unit files in deploy/systemd/", "systemd",
                  bool(shutil.which("systemd-analyze") or Path("/usr/bin/systemd-analyze").exists()))
    _debian_tools(session, "the ledger tests start a throwaway PostgreSQL server", "postgresql",
                  bool(glob.glob("/usr/lib/postgresql/*/bin/initdb") or (shutil.which("initdb")
                                                                        and shutil.which("pg_ctl"))))
    _debian_tools(session, "the journey map's tests read its PDFs with pdfinfo, pdftotext and pdftoppm",
                  "poppler-utils", all(shutil.which(t) for t in ("pdfinfo", "pdftotext", "pdftoppm")))


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (real Chromium, real npm chat widgets, pages on loopback)."""
    _install(session, "test")
    _npm_widgets(session)
    _test_tools(session)
    # Four workers (pytest-xdist) on 2 cores: most tests wait on servers, browsers and deadlines, not the CPU (two
    # workers kept the cores about half busy: 16 min; four, 13.5). worksteal: a worker that runs out of tests
    # takes some from another, so one long test does not leave a worker idle. `-- -n 0` runs in one process.
    # --durations: the slowest tests, printed at the end, so every CI log shows where the 15-minute budget goes.
    session.run("pytest", "-n", "4", "--dist", "worksteal", "--durations=25", *session.posargs)


@nox.session(default=False)
def lint(session: nox.Session) -> None:
    """ruff on probes/ and tests/, mypy on probes/ (settings in pyproject.toml); .ci/run runs it before the tests."""
    session.install("-e", ".")
    session.install("--upgrade", "pip>=25.1")
    session.install("--group", "lint")
    session.run("ruff", "check", "probes", "tests")
    session.run("mypy", "probes")


@nox.session(default=False)
def benchmark(session: nox.Session) -> None:
    """web_form overhead, email detection/accuracy, chat reply-time error/memory, CPU per journey, phone time-to-person
    error/concurrency, the checks' recall/precision and the fault matrix: each prints its figures last."""
    _install(session, "test")
    session.run("python", "tests/benchmarks/web_form_overhead.py", *session.posargs)
    session.run("python", "tests/benchmarks/email_latency.py")
    session.run("python", "tests/benchmarks/chat_concurrency.py")
    session.run("python", "tests/benchmarks/journey_cost.py")
    session.run("python", "tests/benchmarks/phone_timing.py")
    session.run("python", "tests/benchmarks/checks_quality.py")
    session.run("python", "tests/benchmarks/fault_matrix.py")
