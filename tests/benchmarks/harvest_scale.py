"""How much CPU does a harvest of a big mailbox cost?

Fills a real Dovecot mailbox (Maildir delivery, as an MTA or dovecot-lda does; Dovecot indexes it on
the first read) with N messages, of which 200 are answers from people to contacts pending in a ledger
(matched by reply address, token and threading) and the rest newsletters and ordinary mail full of
ordinary long words. Then it runs `probes harvest`'s harvest() twice, each in its own process: the
first reads everything, the second finds nothing new. It measures the CPU seconds of harvest() in
that process (time.process_time: the interpreter's start and imports are left out, also those the harvest
would make on first use, such as the promise rules: they are imported before and printed as their own
figure, a cost once per process), for 1,000
messages and for N, to show the growth is linear.

Usage: python tests/benchmarks/harvest_scale.py [--messages 10000] [--answers 200] [--per-run 20] [--code DIR]
  --per-run N: journeys per run (default 20: the pending contacts of ten nightly runs; each answer is
  checked against the other personas and tokens of its run, so --per-run 200 costs more per answer).
  --code DIR: measure the probes package in DIR (e.g. an older version unpacked with `git archive`).
  HARVEST_SCALE_PROFILE=/tmp/h: also write cProfile statistics of each harvest to /tmp/h.first, .second.
Last line: messages=<n> first_cpu_s=<a> second_cpu_s=<b> per_message_ms=<c> per_answer_ms=<d>
(per_answer_ms: CPU of the pipeline for one matched answer). Targets: a <= 8, b <= 1.
"""
from __future__ import annotations

import argparse
import datetime as dt
import importlib
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
PASSWORD_VARIABLE = "HARVEST_SCALE_PASSWORD"
DOMAIN = "mystery.example"

WORDS = ("understand attractive everything throughout experience particular government themselves "
         "management department collection especially technology individual everywhere appreciate "
         "newsletter subscriber discounted seasonality sustainable improvement recommended exclusive "
         "the and our your with for new this that from more you are offer today week read shop garden "
         "kitchen autumn winter friends family travel update update prices members events").split()


def _paragraph(rng: random.Random, words: int) -> str:
    return " ".join(rng.choice(WORDS) for _ in range(words)).capitalize() + "."


def newsletter(rng: random.Random, n: int) -> bytes:
    """An ordinary message that answers nothing: a newsletter (plain and HTML) or a note from a friend."""
    text = "\r\n\r\n".join(_paragraph(rng, rng.randint(40, 120)) for _ in range(rng.randint(3, 8)))
    head = (f"From: News {n % 37} <news{n % 37}@letters.example>\r\nTo: shopper@{DOMAIN}\r\n"
            f"Subject: {_paragraph(rng, 6)[:-1]}\r\nDate: Mon, 02 Mar 2026 09:{n % 60:02d}:00 +0000\r\n"
            f"Message-ID: <n{n}.{rng.getrandbits(40):x}@letters.example>\r\nMIME-Version: 1.0\r\n")
    if n % 2:
        return (head + "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n").encode()
    html = "".join(f"<p>{p}</p>" for p in text.split("\r\n\r\n"))
    return (head + 'Content-Type: multipart/alternative; boundary="b1"\r\n\r\n--b1\r\n'
            "Content-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n--b1\r\n"
            "Content-Type: text/html; charset=utf-8\r\n\r\n<html><body>" + html + "</body></html>\r\n--b1--\r\n"
            ).encode()


def answer(rng: random.Random, i: int, contact: dict) -> bytes:
    """A person's answer to one contact, each in its own words (a form letter would be 'automatic')."""
    how = i % 3   # by reply address, by token in the subject, by threading only
    to = contact["reply_address"] if how == 0 else f"shopper@{DOMAIN}"
    subject = f"Re: question {contact['token']}" if how == 1 else f"Re: your question number {i}"
    body = (f"Hello Customer {i},\r\n\r\nthank you for asking about item {i}. "
            + " ".join(_paragraph(rng, rng.randint(15, 40)) for _ in range(3))
            + f"\r\n\r\nBest wishes,\r\nAgent {i % 7}\r\nShop support\r\n")
    return (f"From: Agent {i % 7} <agent{i % 7}@shop.example>\r\nTo: {to}\r\nSubject: {subject}\r\n"
            f"Date: Mon, 02 Mar 2026 10:00:00 +0000\r\nMessage-ID: <a{i}@shop.example>\r\n"
            f"In-Reply-To: {contact['message_id']}\r\nReferences: {contact['message_id']}\r\n"
            "MIME-Version: 1.0\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + body).encode()


def config_doc(imap) -> dict:
    return {"targets": {"shop": {"name": "Shop", "endpoints": {"support_email": "help@shop.example"},
                                 "allowlist": ["@shop.example"]}},
            "identities": {"shopper": {"email": {
                "address": f"shopper@{DOMAIN}", "subaddress": True,
                "smtp": {"host": "127.0.0.1", "port": 1, "tls": "none"},
                "imap": {"host": imap.host, "port": imap.port, "tls": "none", "username": "shopper",
                         "password": "${" + PASSWORD_VARIABLE + "}"}}}}}


def pending_contacts(ledger, n: int, reports: Path, per_run: int) -> list[dict]:
    """n contacts made two hours ago by email, per_run journeys to a run, each awaited (an acknowledgement
    and a person) for three more days."""
    from probes.ledger import new_token

    sent = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=2)
    out = []
    for i in range(n):
        if i % per_run == 0:
            run_id = ledger.start_run("nightly", reports)
        jid = ledger.start_journey(run_id, name=f"Question {i}", file=f"q{i}.yaml", target="shop",
                                   target_name="Shop", persona={"name": f"Customer {i}"}, tags=[])
        sid = ledger.start_step(jid, 0, "ask", "email")
        token = new_token()
        cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="email",
                                  destination="help@shop.example", token=token, idempotency_key=f"{run_id}/{i}",
                                  message_id=f"<{token}@{DOMAIN}>", reply_address=f"shopper+{token}@{DOMAIN}",
                                  identity="shopper")
        ledger.mark_contact(cid, "sent", sent)
        ledger.finish_step(sid, "passed")
        wait = ledger.start_step(jid, 1, "wait", "await")
        for kind in ("ack", "human"):
            ledger.add_await(run_id=run_id, journey_id=jid, step_id=wait, contact_id=cid, channel="email",
                             kind=kind, deadline_text="3d", due_at=sent + dt.timedelta(days=3))
        ledger.finish_step(wait, "pending")
        out.append(ledger.get_contact(cid))
    return out


def child(ledger_url: str, config_path: str, reports: str) -> None:
    """One harvest in this process; prints what it did and its CPU seconds as JSON."""
    from probes.config import Config
    from probes.harvest import harvest
    from probes.ledger import Ledger

    config = Config.model_validate(json.loads(Path(config_path).read_text()))
    ledger = Ledger(ledger_url)
    answer_cpu = [0.0, 0]
    try:   # the pipeline of this version (one entry for every message), else the older per-message one
        from probes.answers.pipeline import Pipeline as owner
        name = "take"
    except ImportError:
        import probes.harvest as owner   # type: ignore[no-redef]
        name = "_record"
    plain = getattr(owner, name)
    # The modules the harvest imports on first use (the promise rules compile hundreds of patterns): a cost
    # once per process, whatever the mailbox's size, printed on its own as import_cpu_s.
    imported = time.process_time()
    for module in ("probes.checks.promises", "probes.awaits", "probes.channels.sms_inbox"):
        try:
            importlib.import_module(module)
        except ImportError:   # an older version may not have it
            pass
    imported = time.process_time() - imported

    def timed(*args, **kwargs):
        result = next(a for a in args if hasattr(a, "matched"))
        before, started = result.matched, time.process_time()
        plain(*args, **kwargs)
        if result.matched > before:
            answer_cpu[0] += time.process_time() - started
            answer_cpu[1] += 1
    setattr(owner, name, timed)
    profile = os.environ.get("HARVEST_SCALE_PROFILE")
    if profile:   # where the time goes: python -m pstats <file>
        import cProfile

        profiler = cProfile.Profile(time.process_time)   # CPU, not wall time: the machine may be busy
        profiler.enable()
    started = time.process_time()
    got = harvest(ledger, config, Path(reports))
    cpu_s = time.process_time() - started
    if profile:
        profiler.disable()
        profiler.dump_stats(f"{profile}.{'first' if got.read else 'second'}")
    unmatched = got.unmatched if isinstance(got.unmatched, int) else len(got.unmatched)
    print(json.dumps({"cpu_s": cpu_s, "import_cpu_s": imported, "read": got.read, "matched": got.matched, "unmatched": unmatched,
                      "settled": got.settled, "answer_cpu_s": answer_cpu[0], "answers_timed": answer_cpu[1]}))


def measure(messages: int, answers: int, code: Path, per_run: int) -> dict:
    from probes.ledger import Ledger
    from probes.sim.mailserver import ImapServer

    rng = random.Random(messages)
    password = "bench-" + str(rng.getrandbits(32))
    with tempfile.TemporaryDirectory(prefix="harvest-scale-") as tmp, \
            ImapServer(Path(tmp) / "imap", {"shopper": password}) as imap:
        reports = Path(tmp) / "reports"
        ledger_url = f"sqlite:///{reports / 'ledger.sqlite3'}"
        ledger = Ledger(ledger_url)
        contacts = pending_contacts(ledger, answers, reports, per_run)
        ledger.close()
        every = max(1, messages // max(1, answers))
        filled = time.monotonic()
        for n in range(messages):
            i = n // every
            is_answer = n % every == every // 2 and i < len(contacts)
            imap.deliver("shopper", answer(rng, i, contacts[i]) if is_answer else newsletter(rng, n))
        filled = time.monotonic() - filled
        config_path = Path(tmp) / "config.json"
        config_path.write_text(json.dumps(config_doc(imap)))
        env = {**os.environ, PASSWORD_VARIABLE: password, "PYTHONPATH": str(code), "PYTHONDONTWRITEBYTECODE": "1"}
        runs = []
        for _ in range(2):
            done = subprocess.run([sys.executable, __file__, "--child", ledger_url, str(config_path), str(reports)],
                                  env=env, capture_output=True, text=True, timeout=3600)
            if done.returncode != 0:
                raise SystemExit(f"the harvest failed:\n{done.stderr[-3000:]}")
            runs.append(json.loads(done.stdout.strip().splitlines()[-1]))
    first, second = runs
    if first["read"] != messages or first["matched"] != answers or second["read"] != 0:
        raise SystemExit(f"the harvest did not read what was delivered: {first} then {second}")
    return {"messages": messages, "fill_s": filled, "first": first, "second": second}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--messages", type=int, default=10_000)
    parser.add_argument("--answers", type=int, default=200)
    parser.add_argument("--per-run", type=int, default=20,
                        help="journeys per run (the answers' contacts are spread over runs of this size)")
    parser.add_argument("--code", type=Path, default=ROOT, help="the folder holding the probes package to measure")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        child(*args.child)
        return
    sys.path.insert(0, str(args.code.resolve()))   # the ledger is made by the version measured
    for size in sorted({min(1_000, args.messages), args.messages}):
        # The same share of answers at every size: the growth shown is the mailbox's, not the mix's.
        got = measure(size, max(1, round(args.answers * size / args.messages)), args.code.resolve(), args.per_run)
        first, second = got["first"], got["second"]
        per_answer_ms = 1000 * first["answer_cpu_s"] / max(1, first["answers_timed"])
        print(f"  {size} messages delivered in {got['fill_s']:.1f} s; first harvest: read {first['read']}, "
              f"matched {first['matched']}, unmatched {first['unmatched']}, settled {first['settled']}; "
              f"modules it imports on first use, before it: {first.get('import_cpu_s', 0):.2f} CPU-s", flush=True)
        print(f"messages={size} first_cpu_s={first['cpu_s']:.2f} second_cpu_s={second['cpu_s']:.2f} "
              f"per_message_ms={1000 * first['cpu_s'] / size:.3f} per_answer_ms={per_answer_ms:.2f}", flush=True)


if __name__ == "__main__":
    main()
