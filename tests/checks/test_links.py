"""Broken links: fetched on loopback, and only when the target's allowlist covers them."""
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from probes.checks import links
from probes.config import load_config


class Seen(dict):
    """Pages for page_server that remember every path asked for."""

    def __init__(self, pages):
        super().__init__(pages)
        self.asked: list[str] = []

    def get(self, key, default=None):
        self.asked.append(key)
        return super().get(key, default)


@pytest.fixture
def sites(page_server, tmp_path):
    shop = page_server(Seen({"/help": "<p>Help</p>", "/returns": "<p>Returns</p>"}))
    elsewhere = page_server(Seen({"/private": "<p>Not ours to fetch</p>"}))
    config = tmp_path / "probes.yaml"
    config.write_text(f"targets:\n  shop:\n    name: Example Shop\n    allowlist: [{shop.base_url}/help]\n")
    return shop, elsewhere, load_config(config).targets["shop"]


def test_a_link_to_a_missing_page_on_the_targets_site_is_broken(sites):
    shop, _, target = sites
    body = f"Hello Jane,\nsee {shop.base_url}/returns and our old page {shop.base_url}/refunds-2019.\nPriya"
    (f,) = links.check(body, target)
    assert (f.check, f.severity) == ("link.broken", "major")
    assert f.snippet == f"{shop.base_url}/refunds-2019 → 404"
    assert f"{shop.base_url}/refunds-2019" in f.detail
    assert shop.pages.asked == ["/returns", "/refunds-2019"]


def test_a_link_off_the_allowlist_is_never_fetched(sites):
    shop, elsewhere, target = sites
    body = f"Please look at {elsewhere.base_url}/private and {elsewhere.base_url}/gone (or {shop.base_url}/help)."
    assert links.check(body, target) == []
    assert elsewhere.pages.asked == []
    assert shop.pages.asked == ["/help"]


def test_links_in_the_customers_quoted_text_are_not_the_companys(sites):
    shop, _, target = sites
    body = f"We will look into it.\n\nOn Mon, 3 Mar 2025, Jane Doe wrote:\n> I tried {shop.base_url}/nope"
    assert links.check(body, target) == []
    assert shop.pages.asked == []


def test_a_server_that_does_not_answer_is_broken(sites, tmp_path):
    import socket

    with socket.socket() as s:  # a port nothing listens on
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    config = tmp_path / "dead.yaml"
    config.write_text(f"targets:\n  shop:\n    name: Shop\n    allowlist: [http://127.0.0.1:{port}/]\n")
    target = load_config(config).targets["shop"]
    (f,) = links.check(f"Track it at http://127.0.0.1:{port}/track.", target)
    assert f.snippet == f"http://127.0.0.1:{port}/track → no answer (ConnectionError)"


def test_at_most_five_links_per_answer_each_fetched_once_per_harvest(sites):
    shop, _, target = sites
    body = "\n".join(f"{shop.base_url}/p{i}" for i in range(8))
    cache: dict = {}
    assert len(links.check(body, target, cache=cache)) == 5
    assert len(links.check(body, target, cache=cache)) == 5
    assert shop.pages.asked == [f"/p{i}" for i in range(5)]


def test_urls_are_cut_from_the_prose_around_them():
    body = "See https://shop.example/a/b?x=1. Or (https://shop.example/c), or <https://shop.example/d>!"
    assert links.urls_in(body) == ["https://shop.example/a/b?x=1", "https://shop.example/c",
                                   "https://shop.example/d"]
    assert links.urls_in("https://en.wikipedia.org/wiki/Kettle_(appliance)") == \
        ["https://en.wikipedia.org/wiki/Kettle_(appliance)"]


@pytest.fixture
def redirector(sites):
    """A site on the allowlist whose pages redirect: /moved to a page that is there, /away off the allowlist,
    /loop to itself."""
    shop, elsewhere, _ = sites

    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args):
            pass

        def do_GET(self):
            where = {"/moved": f"{shop.base_url}/help", "/away": f"{elsewhere.base_url}/private",
                     "/loop": "/loop"}[self.path]
            self.send_response(302)
            self.send_header("Location", where)
            self.end_headers()

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_redirects_are_followed_only_while_they_stay_on_the_allowlist(sites, redirector, tmp_path):
    shop, elsewhere, _ = sites
    config = tmp_path / "both.yaml"
    config.write_text(f"targets:\n  shop:\n    name: Shop\n    allowlist: [{shop.base_url}/, {redirector}/]\n")
    target = load_config(config).targets["shop"]
    found = links.check(f"{redirector}/moved {redirector}/away {redirector}/loop", target)
    assert [f.snippet for f in found] == [f"{redirector}/loop → more than 5 redirects"]
    assert shop.pages.asked == ["/help"]
    assert elsewhere.pages.asked == []


def test_harvest_records_it_on_the_answer_step_with_the_journeys_tuning(sites, tmp_path):
    import datetime as dt
    from types import SimpleNamespace

    from probes.answers.inbound import HarvestResult
    from probes.answers.pipeline import Pipeline
    from probes.channels.sms_inbox import TextBox
    from probes.ledger import Ledger, new_token

    shop, elsewhere, _ = sites
    config = tmp_path / "sms.yaml"
    config.write_text(f"targets:\n  shop:\n    name: Shop\n    allowlist: [{shop.base_url}/, \"+442071234567\"]\n")
    cfg = load_config(config)
    ledger = Ledger(f"sqlite:///{tmp_path / 'l.sqlite3'}")
    run_id = ledger.start_run("run", tmp_path)
    tuning = {"link": {"off": False, "severity": "minor", "reason": "Old site retires in May", "from": "target"}}
    jid = ledger.start_journey(run_id, name="J", file="j.yaml", target="shop", target_name="Shop",
                               persona={"name": "Jane Doe"}, tags=[], tuning=tuning)
    sid = ledger.start_step(jid, 0, "ask", "sms")
    token = new_token()
    cid = ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="sms",
                              destination="+442071234567", token=token, idempotency_key=f"{run_id}/{token}")
    sent = dt.datetime.now(dt.timezone.utc) - dt.timedelta(hours=1)
    ledger.mark_contact(cid, "sent", sent)
    text = SimpleNamespace(sid="SM" + "b2" * 15, from_="+442071234567", to="+15005550006", direction="inbound",
                           body=f"Ref {token}: the form is at {shop.base_url}/form-old, or {elsewhere.base_url}/x",
                           date_sent=sent + dt.timedelta(minutes=30), date_created=sent)
    cache: dict = {}
    with ledger.transaction():
        Pipeline(ledger, cfg, tmp_path / "reports", cache).take(
            TextBox(SimpleNamespace(number="+15005550006")).inbound(text), HarvestResult())
    (f,) = ledger.run_rows(run_id)["findings"]
    assert (f["check_id"], f["severity"], f["step_id"]) == ("link.broken", "minor", sid)
    assert f["detail"].endswith("(Severity changed from major to minor by the target's tuning: Old site retires in May)")
    assert cache == {f"{shop.base_url}/form-old": 404}
    assert elsewhere.pages.asked == []
