"""Tests for the loopback mail servers: a real Dovecot read with imapclient, and aiosmtpd via smtplib."""

from __future__ import annotations

import os
import smtplib
import socket
import threading
from pathlib import Path

import pytest
from imapclient import IMAPClient
from imapclient.exceptions import LoginError

from probes.sim import mailserver
from probes.sim.mailserver import DOVECOT_INSTALL, ImapServer, SmtpServer, ensure_dovecot

RAW = (b"From: Northwind Customer Care <support@northwind.example>\r\n"
       b"To: Jane Doe <shopper+k7q9x2@mystery.example>\r\n"
       b"Subject: Re: Where is my order?\r\n"
       b"Message-ID: <reply-1@northwind.example>\r\n"
       b"Content-Type: text/plain; charset=utf-8\r\n"
       b"Content-Transfer-Encoding: 8bit\r\n"
       b"\r\n"
       b"Dear Jane Doe,\r\n\r\nit is on its way \xe2\x80\x94 Priya\r\n")


@pytest.fixture
def imap(tmp_path):
    with ImapServer(tmp_path / "imap", {"shopper": "s3cret", "other": "pw"}) as server:
        yield server


def client(server: ImapServer, user: str = "shopper", password: str = "s3cret") -> IMAPClient:
    conn = IMAPClient(server.host, server.port, ssl=False, timeout=5)
    conn.login(user, password)
    return conn


def live_group(pgid: int) -> list[int]:
    return mailserver._group_pids(pgid)


# --------------------------------------------------------------------------
# Dovecot


def test_dovecot_is_installed():
    assert ensure_dovecot(say=lambda _: None) == mailserver.find_dovecot()


def test_missing_dovecot_names_the_install_command(monkeypatch):
    monkeypatch.setattr(mailserver, "find_dovecot", lambda: None)
    monkeypatch.setattr(mailserver.shutil, "which", lambda name: None)  # no apt-get: cannot install
    with pytest.raises(RuntimeError, match="sudo apt-get install -y dovecot-imapd"):
        ensure_dovecot(say=lambda _: None)
    assert DOVECOT_INSTALL == "sudo apt-get install -y dovecot-imapd"


def test_starts_on_a_free_port_and_checks_passwords(imap, tmp_path):
    assert imap.port > 0 and imap.host == "127.0.0.1"
    assert (tmp_path / "imap" / "dovecot.conf").is_file()
    with client(imap) as conn:
        assert conn.select_folder("INBOX")[b"EXISTS"] == 0
    with pytest.raises(LoginError):
        client(imap, password="wrong")
    # Dovecot logs to its file, not the terminal.
    assert "Login: user=<shopper>" in imap.log_path.read_text()


def test_works_under_private_folders_even_when_they_are_locked_again(tmp_path):
    # pytest's tmp dirs are 0700, and every new pytest session resets
    # /tmp/pytest-of-<user> to 0700, also while Dovecot runs from under it.
    private = tmp_path / "private"
    private.mkdir(mode=0o700)
    with ImapServer(private / "imap", {"shopper": "pw"}) as server:
        os.chmod(private, 0o700)
        os.chmod(tmp_path, 0o700)
        server.deliver("shopper", RAW)
        with client(server, password="pw") as conn:
            conn.select_folder("INBOX", readonly=True)
            uids = conn.search()
            assert conn.fetch(uids, ["BODY[]"])[uids[0]][b"BODY[]"] == RAW
    assert private.stat().st_mode & 0o777 == 0o700  # nothing was opened up
    # The mail stays under root after stop(), as a plain folder.
    home = private / "imap" / "home"
    assert home.is_dir() and not home.is_symlink()
    assert len(list((home / "shopper" / "Maildir" / "new").iterdir())) == 1


def test_delivered_message_is_served_byte_for_byte(imap):
    path = imap.deliver("shopper", RAW)
    assert path.parent == imap.maildir("shopper") / "new"
    assert not list((imap.maildir("shopper") / "tmp").iterdir())
    with client(imap) as conn:
        conn.select_folder("INBOX", readonly=True)
        uids = conn.search()
        assert len(uids) == 1
        assert conn.fetch(uids, ["BODY[]"])[uids[0]][b"BODY[]"] == RAW
    # Another user does not see it.
    with client(imap, "other", "pw") as conn:
        assert conn.select_folder("INBOX")[b"EXISTS"] == 0


def test_idle_is_notified_of_a_delivery(imap):
    with client(imap) as conn:
        conn.select_folder("INBOX")
        conn.idle()
        imap.deliver("shopper", RAW)
        responses = conn.idle_check(timeout=60)   # returns as soon as the server speaks
        conn.idle_done()
    assert (1, b"EXISTS") in responses   # told by the server, not found by looking again


def test_sent_folder_delivery(imap):
    imap.deliver("shopper", RAW, folder="Sent")  # creates .Sent on first use
    imap.create_folder("shopper", "Archive")
    assert (imap.maildir("shopper") / ".Sent" / "cur").is_dir()
    with client(imap) as conn:
        names = {name for _, _, name in conn.list_folders()}
        assert {"INBOX", "Sent", "Archive"} <= names
        assert conn.select_folder("INBOX")[b"EXISTS"] == 0
        conn.select_folder("Sent", readonly=True)
        uids = conn.search()
        assert conn.fetch(uids, ["BODY[]"])[uids[0]][b"BODY[]"] == RAW


def test_two_servers_run_at_once(tmp_path):
    with ImapServer(tmp_path / "a", {"shopper": "a"}) as first, \
            ImapServer(tmp_path / "b", {"shopper": "b"}) as second:
        assert first.port != second.port
        first.deliver("shopper", RAW)
        with client(first, password="a") as conn:
            assert conn.select_folder("INBOX")[b"EXISTS"] == 1
        with client(second, password="b") as conn:
            assert conn.select_folder("INBOX")[b"EXISTS"] == 0


def test_stop_leaves_no_process_behind(tmp_path):
    server = ImapServer(tmp_path / "imap", {"shopper": "pw"})
    server.start()
    pid, port = server.pid, server.port
    with client(server, password="pw") as conn:  # an imap process too, not just the daemons
        conn.select_folder("INBOX")
        processes = live_group(pid)
        assert pid in processes and len(processes) >= 4  # master, log, config, auth, imap-login, imap…
        server.stop()
    assert live_group(pid) == []
    assert not Path(f"/proc/{pid}").exists() or Path(f"/proc/{pid}/stat").read_text().split()[2] == "Z"
    assert server.pid is None
    with pytest.raises(OSError):
        socket.create_connection(("127.0.0.1", port), timeout=1).close()
    server.stop()  # idempotent


def test_taken_port_is_a_clear_error(tmp_path):
    with socket.socket() as squatter:
        squatter.bind(("127.0.0.1", 0))
        squatter.listen()
        port = squatter.getsockname()[1]
        with pytest.raises(RuntimeError, match="address already in use"):
            ImapServer(tmp_path / "imap", {"shopper": "pw"}, port=port).start()


def test_deep_root_and_restart(tmp_path):
    root = tmp_path / ("deep-" * 12) / "imap"  # longer than a UNIX socket path allows
    server = ImapServer(root, {"shopper": "pw"})
    with server:
        server.deliver("shopper", RAW)
        runtime = server._runtime
        assert runtime.is_dir()
    assert not runtime.exists()  # sockets (and, as root, the password file) are cleaned up
    with server:  # the same mailbox again, as after a restart
        with client(server, password="pw") as conn:
            assert conn.select_folder("INBOX")[b"EXISTS"] == 1


# --------------------------------------------------------------------------
# SMTP


MESSAGE = (b"From: Jane Doe <shopper+k7q9x2@mystery.example>\r\n"
           b"To: support@northwind.example\r\n"
           b"Subject: Where is my order?\r\n"
           b"\r\n"
           b"Hello,\r\n.leading dot survives\r\nJane \xe2\x80\x94 k7q9x2\r\n")


def test_smtp_hands_the_exact_bytes_to_on_message():
    got = []
    with SmtpServer(lambda *args: got.append(args)) as server:
        assert server.port > 0
        with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
            assert conn.sendmail("shopper+k7q9x2@mystery.example", ["support@northwind.example"], MESSAGE) == {}
    assert got == [("shopper+k7q9x2@mystery.example", ["support@northwind.example"], MESSAGE)]


def test_smtp_refusal_reaches_the_client():
    refusal = "550 5.1.1 <gone@northwind.example>: mailbox unavailable"
    with SmtpServer(lambda mail_from, rcpt_tos, raw: refusal) as server:
        with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
            with pytest.raises(smtplib.SMTPDataError) as refused:
                conn.sendmail("a@mystery.example", ["gone@northwind.example"], MESSAGE)
    assert refused.value.smtp_code == 550
    assert refused.value.smtp_error.decode() == refusal[4:]


def test_smtp_refusal_at_rcpt():
    got = []

    def on_rcpt(address: str) -> str | None:
        return None if address.startswith("ok@") else f"550 5.1.1 <{address}>: mailbox unavailable"

    with SmtpServer(lambda *args: got.append(args), on_rcpt=on_rcpt) as server:
        with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
            with pytest.raises(smtplib.SMTPRecipientsRefused) as refused:
                conn.sendmail("a@mystery.example", ["gone@northwind.example"], MESSAGE)
            assert refused.value.recipients == {
                "gone@northwind.example": (550, b"5.1.1 <gone@northwind.example>: mailbox unavailable")}
            # With one good recipient the message goes to that one only.
            assert conn.sendmail("a@mystery.example", ["ok@northwind.example", "gone@northwind.example"],
                                 MESSAGE) == {"gone@northwind.example": (
                                     550, b"5.1.1 <gone@northwind.example>: mailbox unavailable")}
    assert [rcpts for _, rcpts, _ in got] == [["ok@northwind.example"]]


@pytest.mark.filterwarnings("ignore:Requiring AUTH while not requiring TLS")
def test_smtp_auth_when_configured():
    got = []
    with SmtpServer(lambda *args: got.append(args), auth={"prober": "letmein"}) as server:
        with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
            with pytest.raises(smtplib.SMTPSenderRefused) as unauthenticated:
                conn.sendmail("a@mystery.example", ["support@northwind.example"], MESSAGE)
            assert unauthenticated.value.smtp_code == 530
        with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
            with pytest.raises(smtplib.SMTPAuthenticationError):
                conn.login("prober", "wrong")
        with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
            conn.login("prober", "letmein")
            conn.sendmail("a@mystery.example", ["support@northwind.example"], MESSAGE)
    assert len(got) == 1


def test_smtp_servers_run_side_by_side_and_stop_idempotently():
    results = []
    servers = [SmtpServer(lambda *args: None) for _ in range(3)]
    threads = [threading.Thread(target=server.start) for server in servers]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    try:
        assert len({server.port for server in servers}) == 3
        for server in servers:
            with smtplib.SMTP(server.host, server.port, timeout=5) as conn:
                results.append(conn.noop()[0])
    finally:
        for server in servers:
            server.stop()
            server.stop()
    assert results == [250, 250, 250]
