"""Never twice, never lost: the prober is killed after the SMTP server accepted its message but before
the ledger recorded it; the run is started again and must not resend, and must still match the answer."""
import os
import signal
import subprocess
import textwrap

from conftest import ROOT, probes_command
from probes.ledger import Ledger
from probes.sim.mailserver import ImapServer, SmtpServer


def test_killed_mid_send_then_resumed_sends_nothing_twice_and_loses_no_answer(tmp_path):
    accepted: list[bytes] = []
    state = {"kill": None}
    with ImapServer(tmp_path / "mail", {"shopper": "pw-shopper"}) as imap:

        def on_message(mail_from, rcpts, raw):
            accepted.append(raw)
            for r in rcpts:
                if r.endswith("@mystery.example"):
                    imap.deliver("shopper", raw)  # the copy to self lands, as the server accepted it
            if state["kill"]:
                os.kill(state["kill"], signal.SIGKILL)  # before the client hears "250": nothing recorded
            return None

        with SmtpServer(on_message) as smtp:
            (tmp_path / "probes.yaml").write_text(textwrap.dedent(f"""
                targets:
                  shop:
                    name: Shop
                    endpoints: {{support_email: support@shop.example}}
                    allowlist: ["@shop.example"]
                    auto_reply_within_s: 0
                identities:
                  me:
                    email:
                      address: shopper@mystery.example
                      smtp: {{host: 127.0.0.1, port: {smtp.port}, tls: none}}
                      imap: {{host: 127.0.0.1, port: {imap.port}, tls: none, username: shopper,
                              password: "${{SHOPPER_PW}}"}}
            """))
            (tmp_path / "j.yaml").write_text(textwrap.dedent("""
                name: Crash in the middle
                persona: {name: Jane Doe}
                target: shop
                steps:
                  - id: question
                    channel: email
                    subject: Opening hours at Christmas?
                    body: Are you open on 24 December?
                    expect: {human_within: 1h}
            """))
            env = {**os.environ, "PYTHONPATH": str(ROOT), "SHOPPER_PW": "pw-shopper"}
            command = [*probes_command(), "run", "j.yaml", "--run-id", "crash-1"]

            first = subprocess.Popen(command, cwd=tmp_path, env=env, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, text=True)
            state["kill"] = first.pid
            first.communicate(timeout=60)
            assert first.returncode == -signal.SIGKILL
            assert len(accepted) == 1

            ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
            (contact,) = ledger.run_rows("crash-1")["contacts"]
            assert contact["status"] == "planned"  # the ledger never heard the server's answer

            # Meanwhile the company answers.
            from email.message import EmailMessage
            answer = EmailMessage()
            answer["From"] = "Support <support@shop.example>"
            answer["To"] = contact["reply_address"]
            answer["Subject"] = "Re: Opening hours at Christmas?"
            answer["In-Reply-To"] = contact["message_id"]
            answer.set_content("Hello Jane, we are open until 2 pm on 24 December.")
            imap.deliver("shopper", answer.as_bytes())

            state["kill"] = None
            second = subprocess.run([*command, "--wait", "10s"], cwd=tmp_path, env=env, capture_output=True,
                                    text=True, timeout=60)
            assert second.returncode == 0, second.stderr
            assert len(accepted) == 1  # not sent again

            rows = ledger.run_rows("crash-1")
            (contact,) = rows["contacts"]
            assert contact["status"] == "sent" and contact["sent_at"] is not None
            (answer_row,) = [r for r in rows["responses"] if r["kind"] == "human"]
            assert answer_row["matched_by"] == "reply_address"
            assert [a["status"] for a in rows["awaits"]] == ["met"]
            assert rows["journeys"][0]["status"] == "passed"
            assert len(rows["steps"]) == 1
