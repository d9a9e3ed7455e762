"""Developer entry points: `nox -s demo` (see it work) and `nox -s tests` (the whole suite).

Both install everything they need into their own virtualenv, plus (with
`probes setup`) a Chromium for Playwright (Playwright's own where it can be
downloaded, else the system's `chromium` package) and Dovecot, the real IMAP
server the demo's mailbox and the email tests use.
"""
import nox

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


@nox.session
def tests(session: nox.Session) -> None:
    """The whole test suite (real Chromium, pages on loopback)."""
    _install(session, "test")
    session.run("pytest", *session.posargs)


@nox.session(default=False)
def benchmark(session: nox.Session) -> None:
    """web_form overhead, email detection/accuracy, chat reply-time error/memory, phone time-to-person
    error/concurrency and the checks' recall/precision: each prints its figures last."""
    _install(session)
    session.run("python", "tests/benchmarks/web_form_overhead.py", *session.posargs)
    session.run("python", "tests/benchmarks/email_latency.py")
    session.run("python", "tests/benchmarks/chat_concurrency.py")
    session.run("python", "tests/benchmarks/phone_timing.py")
    session.run("python", "tests/benchmarks/checks_quality.py")
