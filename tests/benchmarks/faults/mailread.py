"""Fault cases for the fault matrix: the prober's own mailbox in trouble while it reads answers.

Each case starts the demo mail world (real Dovecot, the relay, the mail desk) in a fresh folder, puts a
proxy the case can cut between the prober and Dovecot (tests/imap_proxy.py), runs the prober as a user
does (the `probes` CLI), and returns {"misattributed", "crashed", "lost", "detail"} as
tests/benchmarks/fault_matrix.py expects. Usage: python tests/benchmarks/faults/mailread.py
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
import threading
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[3]
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from imap_proxy import CuttableProxy, answer, mail_project, sent_contacts  # noqa: E402


def _start(args: list[str], cwd: Path, env: dict) -> subprocess.Popen:
    full = {**os.environ, "PYTHONPATH": str(ROOT), "COLUMNS": "120", **env}
    return subprocess.Popen([sys.executable, "-m", "probes", *args], cwd=cwd, env=full, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE)


def _cli(args: list[str], cwd: Path, env: dict, timeout_s: float = 180) -> tuple[int, str]:
    proc = _start(args, cwd, env)
    try:
        out, err = proc.communicate(timeout=timeout_s)
    except subprocess.TimeoutExpired:
        proc.kill()
        out, err = proc.communicate()
        return -9, out + err
    return proc.returncode, out + err


def _world(folder: Path):
    from probes.sim.mailnet import DemoMail

    mail = DemoMail(folder / "mail", ack_delay_s=0.3, human_delay_s=2.5).start()
    return mail, CuttableProxy(mail.imap.host, mail.imap.port)


def _awaits(folder: Path) -> dict[str, list[dict]]:
    from probes.ledger import Ledger

    ledger = Ledger(f"sqlite:///{folder / 'ledger.sqlite3'}")
    try:
        out: dict[str, list[dict]] = {}
        for a in ledger.awaits_where():
            contact = ledger.get_contact(a["contact_id"])
            out.setdefault(contact["idempotency_key"].split("/")[1].removesuffix(".yaml"), []).append(a)
        return out
    finally:
        ledger.close()


def _outcome(misattributed: bool, crashed: bool, lost: bool, detail: str) -> dict:
    return {"misattributed": misattributed, "crashed": crashed, "lost": lost, "detail": detail}


def imap_drop_during_wait(folder: Path) -> dict:
    """The server drops the prober's IDLE connection while `run --wait` waits; the answer comes after."""
    mail, proxy = _world(folder)
    try:
        env = mail_project(folder, mail, proxy.port, {"asked": "10m"})
        proc = _start(["run", "asked.yaml", "--wait", "2m", "--json", "out.json"], folder, env)
        try:
            proxy.wait_for(b"IDLE", timeout_s=60)
            proxy.cut()
            (contact,) = sent_contacts(folder / "ledger.sqlite3", 1, timeout_s=60)
            mail.imap.deliver("shopper", answer(contact["reply_address"]))
            _, err = proc.communicate(timeout=150)
        except (TimeoutError, subprocess.TimeoutExpired) as exc:
            proc.kill()
            out, err = proc.communicate()
            return _outcome(False, True, False, f"the run never finished waiting: {exc}")
        status = [a["status"] for a in _awaits(folder).get("asked", [])]
        crashed = ("Traceback" in err or proc.returncode != 0 or not (folder / "out.json").exists()
                   or not (folder / "reports" / "index.html").exists())
        return _outcome(status not in (["met"], ["pending"]), crashed, status != ["met"],
                        f"exit {proc.returncode}, await {status}, reconnections {proxy.connections - 1}")
    finally:
        proxy.close()
        mail.stop()


def mailbox_down_across_deadline(folder: Path) -> dict:
    """The mailbox cannot be read for the whole `run --wait`; one contact is answered in time meanwhile,
    the other not at all. Then a harvest with the mailbox back."""
    mail, proxy = _world(folder)
    try:
        env = mail_project(folder, mail, proxy.port, {"answered": "6s", "ignored": "6s"})
        proxy.down()
        # Down from the start, preflight would stop the run; this is the mailbox going away after it.
        proc = _start(["run", "answered.yaml", "ignored.yaml", "--wait", "12s", "--no-preflight", "--json", "out.json"],
                      folder, env)
        try:
            contacts = sent_contacts(folder / "ledger.sqlite3", 2, timeout_s=60)
            first = next(c for c in contacts if "answered" in c["idempotency_key"])
            mail.imap.deliver("shopper", answer(first["reply_address"]))
            answered_at = time.time()
            _, err = proc.communicate(timeout=150)
        except (TimeoutError, subprocess.TimeoutExpired) as exc:
            proc.kill()
            proc.communicate()
            return _outcome(False, True, False, f"the run never finished: {exc}")
        during = {k: [a["status"] for a in v] for k, v in _awaits(folder).items()}
        crashed = ("Traceback" in err or proc.returncode != 3 or not (folder / "out.json").exists())
        judged_blind = any(s != ["pending"] for s in during.values())
        in_time = answered_at < first["sent_at"].timestamp() + 6
        proxy.up()
        code, text = _cli(["harvest"], folder, env)
        after = {k: [a["status"] for a in v] for k, v in _awaits(folder).items()}
        wrong = after.get("ignored") != ["no_response"] or (in_time and after.get("answered") != ["met"])
        return _outcome(judged_blind or wrong, crashed or code != 0 or "Traceback" in text,
                        after.get("answered") not in (["met"], ["late"]),
                        f"run exit {proc.returncode}, while down {during}, after harvest {after}")
    finally:
        proxy.close()
        mail.stop()


def imap_down_during_harvest(folder: Path) -> dict:
    """`probes harvest` while the mailbox is down, after a deadline passed; then again with it back."""
    mail, proxy = _world(folder)
    try:
        env = mail_project(folder, mail, proxy.port, {"asked": "1s"}, reconnect_within_s=2)
        code, text = _cli(["run", "asked.yaml"], folder, env)
        if code != 0:
            return _outcome(False, True, False, f"the run failed: exit {code}")
        time.sleep(2)   # past the deadline
        proxy.down()
        code, text = _cli(["harvest"], folder, env)
        during = [a["status"] for a in _awaits(folder)["asked"]]
        crashed = code != 3 or "Traceback" in text or "cannot read the mailbox" not in text \
            or not (folder / "reports" / "index.html").exists()
        proxy.up()
        code2, _ = _cli(["harvest"], folder, env)
        after = [a["status"] for a in _awaits(folder)["asked"]]
        return _outcome(during != ["pending"] or after != ["no_response"], crashed or code2 != 0, False,
                        f"harvest while down: exit {code}, await {during}; with the mailbox back: {after}")
    finally:
        proxy.close()
        mail.stop()


def imap_drop_mid_harvest(folder: Path) -> dict:
    """The connection drops the moment `probes harvest` fetches the messages."""
    mail, proxy = _world(folder)
    try:
        env = mail_project(folder, mail, proxy.port, {"asked": "10m"})
        code, text = _cli(["run", "asked.yaml"], folder, env)
        if code != 0:
            return _outcome(False, True, False, f"the run failed: exit {code}")
        (contact,) = sent_contacts(folder / "ledger.sqlite3", 1)
        mail.imap.deliver("shopper", answer(contact["reply_address"]))
        threading.Thread(target=lambda: (proxy.wait_for(b"FETCH", timeout_s=60), proxy.cut()), daemon=True).start()
        code, text = _cli(["harvest"], folder, env)
        status = [a["status"] for a in _awaits(folder)["asked"]]
        return _outcome(status != ["met"], code != 0 or "Traceback" in text, status != ["met"],
                        f"harvest exit {code}, await {status}")
    finally:
        proxy.close()
        mail.stop()


def ledger_held_during_harvest(folder: Path) -> dict:
    """Another process holds the ledger while a harvest waits to record what it read; the deadline passes
    meanwhile and an answer comes in time, unseen by that read."""
    import datetime as dt

    from probes.config import load_config
    from probes.harvest import harvest
    from probes.ledger import Ledger, awaits
    from probes.results import utcnow

    mail, proxy = _world(folder)
    try:
        env = mail_project(folder, mail, proxy.port, {"asked": "1h"})
        code, _ = _cli(["run", "asked.yaml"], folder, env)
        if code != 0:
            return _outcome(False, True, False, f"the run failed: exit {code}")
        os.environ.update(env)
        ledger = Ledger(f"sqlite:///{folder / 'ledger.sqlite3'}")
        config = load_config(folder / "probes.yaml")
        (contact,) = ledger.contacts_where()
        (pending,) = ledger.awaits_where(contact_id=contact["id"])
        holder = Ledger(ledger.url).engine.connect()
        holder.begin()
        holder.execute(awaits.update().where(awaits.c.id == pending["id"]).values(deadline_text=pending["deadline_text"]))
        errors: list[str] = []

        def read():
            try:
                harvest(ledger, config, folder / "reports")
            except Exception as exc:  # noqa: BLE001 - reported as a crash
                errors.append(f"{type(exc).__name__}: {exc}")
        reader = threading.Thread(target=read, daemon=True)
        reader.start()
        proxy.wait_for(b"FETCH", timeout_s=60)
        mail.imap.deliver("shopper", answer(contact["reply_address"]))
        due = utcnow() + dt.timedelta(seconds=1.5)
        holder.execute(awaits.update().where(awaits.c.id == pending["id"]).values(due_at=due))
        while utcnow() <= due + dt.timedelta(seconds=0.5):
            time.sleep(0.1)
        holder.commit()
        holder.close()
        reader.join(timeout=120)
        during = ledger.awaits_where(id=pending["id"])[0]["status"]
        harvest(ledger, config, folder / "reports")
        after = ledger.awaits_where(id=pending["id"])[0]["status"]
        ledger.close()
        return _outcome(during != "pending" or after != "met", bool(errors), after not in ("met", "late"),
                        f"await after the held harvest: {during}; after the next: {after} {errors or ''}".strip())
    finally:
        proxy.close()
        mail.stop()


def cases() -> list[tuple[str, Callable[[Path], dict]]]:
    return [
        ("IMAP connection dropped during run --wait", imap_drop_during_wait),
        ("mailbox down across a deadline (run --wait, then harvest)", mailbox_down_across_deadline),
        ("IMAP down during harvest", imap_down_during_harvest),
        ("IMAP connection dropped mid-read in harvest", imap_drop_mid_harvest),
        ("ledger held by another process while harvest reads", ledger_held_during_harvest),
    ]


if __name__ == "__main__":
    for name, case in cases():
        with tempfile.TemporaryDirectory(prefix="fault-mailread-") as tmp:
            started = time.monotonic()
            try:
                got = case(Path(tmp))
            except Exception as exc:  # noqa: BLE001 - a case that breaks is a crash
                got = _outcome(False, True, False, f"the case itself failed: {type(exc).__name__}: {exc}")
            flags = " ".join(k for k in ("misattributed", "crashed", "lost") if got[k]) or "ok"
            print(f"{name}: {flags} ({time.monotonic() - started:.0f} s) {got['detail']}", flush=True)
