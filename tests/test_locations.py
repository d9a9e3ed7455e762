"""Locations: where a prober runs is resolved once (option, environment, settings), recorded on the run, its
journeys and contacts; journeys pinned elsewhere are skipped, never a finding; nightly run ids and locks are
per location."""
import asyncio
import datetime as dt
import json
import textwrap
from pathlib import Path

import pytest
import sqlalchemy as sa
from conftest import write_scenario

from probes.config import load_config
from probes.ledger import Ledger
from probes.locations import (journey_locations, nightly_location, nightly_run_id, resolve_location,
                              run_id_suffix)
from probes.scenario import load_journey
from probes.yamlsource import InputError

PROJECT = """
    settings:
      {settings}
    targets:
      shop:
        name: Example Shop
        allowlist: ["http://127.0.0.1:9/"]
        endpoints: {{website: "http://127.0.0.1:9"}}
        {target}
"""

JOURNEY = """
    name: {name}
    persona: {{name: Jane Doe, email: jane@example.com}}
    target: shop
    {locations}
    steps:
      - channel: web_form
        url: "{{target.website}}/contact"
        fields:
          - {{label: Message, value: "hello {{token}}"}}
        expect: {{text: Thanks}}
"""


def project(tmp_path: Path, settings: str = "{}", target: str = "") -> Path:
    path = tmp_path / "probes.yaml"
    path.write_text(textwrap.dedent(PROJECT.format(settings=settings, target=target)).lstrip(), encoding="utf-8")
    return path


def journey(tmp_path: Path, name: str, locations: str = "") -> Path:
    return write_scenario(tmp_path, f"{name.lower().replace(' ', '-')}.yaml",
                          JOURNEY.format(name=name, locations=locations))


def test_the_location_is_the_option_else_the_environment_else_settings_else_local(tmp_path, monkeypatch):
    monkeypatch.delenv("PROBES_LOCATION", raising=False)
    plain = load_config(project(tmp_path))
    assert resolve_location(None, plain) == "local"
    configured = load_config(project(tmp_path, settings="location: london"))
    assert resolve_location(None, configured) == "london"
    monkeypatch.setenv("PROBES_LOCATION", "eu-central-1")
    assert resolve_location(None, configured) == "eu-central-1"
    assert resolve_location("frankfurt", configured) == "frankfurt"
    monkeypatch.setenv("PROBES_LOCATION", "  ")   # set but blank, as a systemd unit may leave it: not a name
    assert resolve_location(None, configured) == "london"


@pytest.mark.parametrize("option, env, said", [
    ("Frankfurt", None, "command line:0: --location: 'Frankfurt' is not a location name"),
    (None, "new york", "environment:0: PROBES_LOCATION: 'new york' is not a location name"),
    ("a-very-long-location-name", None, "at most 18 characters"),
    ("london-", None, "not at either end"),
])
def test_a_bad_location_name_is_bad_input_saying_where_it_came_from(tmp_path, monkeypatch, option, env, said):
    monkeypatch.delenv("PROBES_LOCATION", raising=False)
    if env:
        monkeypatch.setenv("PROBES_LOCATION", env)
    with pytest.raises(InputError) as err:
        resolve_location(option, load_config(project(tmp_path)))
    assert said in str(err.value)


def test_a_journey_runs_where_it_is_pinned_else_where_its_target_is_else_anywhere(tmp_path):
    config = load_config(project(tmp_path, target="locations: [london, frankfurt]"))
    assert journey_locations(load_journey(journey(tmp_path, "Target's"), config), config) == ["london", "frankfurt"]
    own = load_journey(journey(tmp_path, "Own", "locations: [paris]"), config)
    assert journey_locations(own, config) == ["paris"]
    other = tmp_path / "other"
    other.mkdir()
    anywhere = load_config(project(other))
    assert journey_locations(load_journey(journey(other, "Anywhere"), anywhere), anywhere) is None


def test_nightly_run_ids_carry_the_location_except_the_default_one():
    assert nightly_run_id("20261202", "local") == "nightly-20261202"   # existing ledgers resume tonight's run
    assert nightly_run_id("20261202", "frankfurt") == "nightly-20261202-frankfurt"
    assert nightly_location("nightly-20261202-eu-central-1") == "eu-central-1"
    assert nightly_location("nightly-20261202") == "local"
    # The longest location still fits the ledger's run id column (40 characters), in every kind of run id.
    from probes.ledger import new_run_id
    assert len(new_run_id() + run_id_suffix("x" * 18)) == 40


def test_a_ledger_records_where_runs_journeys_and_contacts_were_made(tmp_path, ledger_url):
    ledger = Ledger(ledger_url)
    run_id = ledger.start_run("run", tmp_path, location="frankfurt")
    assert run_id.endswith("-frankfurt") and ledger.get_run(run_id)["location"] == "frankfurt"
    jid = ledger.start_journey(run_id, name="J", file="j.yaml", target="shop", target_name="Shop", persona={},
                               tags=[], location="frankfurt")
    sid = ledger.start_step(jid, 0, "form", "web_form")
    ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="web_form", destination="http://x/",
                        token="t1", idempotency_key=f"{run_id}/j/form", location="frankfurt")
    rows = ledger.run_rows(run_id)
    assert rows["journeys"][0]["location"] == "frankfurt" and rows["contacts"][0]["location"] == "frankfurt"
    # A caller that says nothing is at the default location, and its run ids are as they always were.
    plain = ledger.start_run("run", tmp_path)
    assert ledger.get_run(plain)["location"] == "local" and not plain.endswith("-local")


def test_rows_written_before_locations_are_local_after_the_upgrade(ledger_url):
    from probes.ledger import upgrade

    engine = sa.create_engine(ledger_url)
    upgrade(engine, "0010_pruned")
    with engine.begin() as conn:
        conn.execute(sa.text("insert into runs (id, kind, status, started_at) values "
                             "('nightly-20251101', 'nightly', 'passed', '2025-11-01 02:00:00+00')"))
        jid = conn.execute(sa.text("insert into journeys (run_id, name, target, status, started_at) values "
                                   "('nightly-20251101', 'Old', 'shop', 'passed', '2025-11-01 02:00:01+00') "
                                   "returning id")).scalar_one()
        sid = conn.execute(sa.text(f"insert into steps (journey_id, position, step_key, channel, status) values "
                                   f"({jid}, 0, 'form', 'web_form', 'passed') returning id")).scalar_one()
        conn.execute(sa.text("insert into contacts (run_id, journey_id, step_id, channel, destination, token, "
                             "idempotency_key, status, planned_at) values ('nightly-20251101', "
                             f"{jid}, {sid}, 'web_form', 'http://x/', 'k7q9x2abcd', 'nightly-20251101/j/form', "
                             "'sent', '2025-11-01 02:00:02+00')"))
    engine.dispose()
    ledger = Ledger(ledger_url)
    rows = ledger.run_rows("nightly-20251101")
    assert ledger.get_run("nightly-20251101")["location"] == "local"
    assert rows["journeys"][0]["location"] == "local" and rows["journeys"][0]["pinned_to"] is None
    assert rows["contacts"][0]["location"] == "local"


def test_a_journey_pinned_elsewhere_is_skipped_and_the_others_contacts_carry_the_location(
        run_journeys, config, company, tmp_path):
    from probes.runner import Runner

    form = """
        name: {name}
        persona: {{name: Jane Doe, email: jane@example.com}}
        target: demo
        locations: [{where}]
        steps:
          - channel: web_form
            url: "{{target.website}}/contact"
            fields:
              - {{label: Your name, value: "{{persona.name}}"}}
              - {{label: Email address, value: "{{persona.email}}"}}
              - {{label: Your message, value: "hello {{token}}"}}
            expect: {{text: We have received your message}}
    """
    here = write_scenario(tmp_path, "here.yaml", form.format(name="Here", where="frankfurt"))
    elsewhere = write_scenario(tmp_path, "elsewhere.yaml", form.format(name="Elsewhere", where="london, paris"))
    before = len(company.inbox)
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    runner = Runner(config, ledger, tmp_path / "reports", location="frankfurt")
    result = asyncio.run(runner.run([load_journey(p, config) for p in (here, elsewhere)]))
    rows = ledger.run_rows(result.run_id)
    assert result.exit_code == 0 and result.run_id.endswith("-frankfurt")
    assert ledger.get_run(result.run_id)["location"] == "frankfurt"
    by_name = {j["name"]: j for j in rows["journeys"]}
    assert (by_name["Here"]["status"], by_name["Here"]["location"]) == ("passed", "frankfurt")
    assert (by_name["Elsewhere"]["status"], by_name["Elsewhere"]["pinned_to"]) == ("skipped", "london, paris")
    # Only the journey that runs here contacted the company, from here; the skipped one is no finding.
    assert [(c["journey_id"], c["location"]) for c in rows["contacts"]] == [(by_name["Here"]["id"], "frankfurt")]
    assert len(company.inbox) == before + 1
    assert rows["findings"] == [] and [s for s in rows["steps"] if s["journey_id"] == by_name["Elsewhere"]["id"]] == []


def _cli_project(tmp_path: Path, ledger: str) -> Path:
    """A project whose one journey is pinned to london: a nightly elsewhere contacts nobody (cheap), and one
    at london would need a site (none here; it is never run at london in these tests)."""
    path = project(tmp_path, settings=f"ledger: {json.dumps(ledger)}")
    journey(tmp_path, "Pinned", "locations: [london]")
    return path


def test_nightlies_at_two_locations_are_two_runs_that_never_resume_each_other(tmp_path, cli):
    config = _cli_project(tmp_path, "sqlite:///ledger.sqlite3")
    day = f"{dt.datetime.now(dt.timezone.utc):%Y%m%d}"
    away = cli("nightly", "--no-preflight", "--location", "frankfurt", "--config", str(config), "pinned.yaml",
               cwd=tmp_path)
    assert away.returncode == 0, away.stderr
    home = cli("nightly", "--no-preflight", "--config", str(config), "pinned.yaml", cwd=tmp_path,
               env={"PROBES_LOCATION": ""})
    assert home.returncode == 0, home.stderr
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    runs = {r["id"]: r["location"] for r in ledger.list_runs()}
    assert runs == {f"nightly-{day}-frankfurt": "frankfurt", f"nightly-{day}": "local"}
    skipped = ledger.run_rows(f"nightly-{day}-frankfurt")["journeys"]
    assert [(j["status"], j["pinned_to"]) for j in skipped] == [("skipped", "london")]
    assert "pinned to london" in away.stdout + away.stderr
    page = (tmp_path / "reports" / "runs" / f"nightly-{day}-frankfurt" / "index.html").read_text(encoding="utf-8")
    assert "Skipped: pinned to london</strong>; this run was at frankfurt" in page
    assert "No journey was run: it was pinned to other locations than frankfurt." in page
    bad = cli("nightly", "--location", "Frankfurt", "--config", str(config), "pinned.yaml", cwd=tmp_path)
    assert bad.returncode == 2 and "--location: 'Frankfurt' is not a location name" in bad.stderr


def test_a_nightly_on_a_postgresql_ledger_is_refused_while_another_machine_runs_the_same_location(
        tmp_path, cli, postgres):
    from probes.nightly_lock import server_nightly_lock

    url = postgres.new_database()
    try:
        config = _cli_project(tmp_path, url)
        Ledger(url).close()   # migrated once, so the nightlies below do not race to migrate it
        # This test process plays the other machine: it holds only the database's lock, not this machine's file.
        with server_nightly_lock(url, "frankfurt") as holder:
            refused = cli("nightly", "--no-preflight", "--location", "frankfurt", "--config", str(config),
                          "pinned.yaml", cwd=tmp_path)
            other = cli("nightly", "--no-preflight", "--location", "paris", "--config", str(config),
                        "pinned.yaml", cwd=tmp_path)
        assert refused.returncode == 4, refused.stderr
        assert f"pid {holder['pid']} on host {holder['host']}" in refused.stderr
        assert "advisory lock in the PostgreSQL ledger" in refused.stderr and "Nothing was contacted" in refused.stderr
        assert other.returncode == 0, other.stderr   # another location runs side by side
        ledger = Ledger(url)
        assert [r["id"].rsplit("-", 1)[1] for r in ledger.list_runs()] == ["paris"]
        ledger.close()
        # The holder gone (its connection closed), the same location starts.
        again = cli("nightly", "--no-preflight", "--location", "frankfurt", "--config", str(config),
                    "pinned.yaml", cwd=tmp_path)
        assert again.returncode == 0, again.stderr
    finally:
        postgres.drop_database(url)


def test_a_nightly_that_cannot_reach_its_postgresql_ledger_for_the_lock_is_a_prober_error(tmp_path, cli):
    from pg import free_port

    config = _cli_project(tmp_path, f"postgresql://probes@127.0.0.1:{free_port()}/ledger")   # nobody listens
    done = cli("nightly", "--no-preflight", "--location", "frankfurt", "--config", str(config), "pinned.yaml",
               cwd=tmp_path)
    assert done.returncode == 3, done.stderr
    assert "Prober error: cannot take the nightly lock in the ledger postgresql://probes@127.0.0.1:" in done.stderr
    assert "Nothing was contacted." in done.stderr and "Traceback" not in done.stderr


def test_a_dry_run_lists_only_the_contacts_this_location_would_make(tmp_path, cli):
    config = _cli_project(tmp_path, "sqlite:///ledger.sqlite3")
    journey(tmp_path, "Anywhere")
    done = cli("run", "--dry-run", "--location", "frankfurt", "--config", str(config), "pinned.yaml",
               "anywhere.yaml", cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert "Dry run: 1 journey(s)" in done.stdout and "anywhere.yaml: web_form-1" in done.stdout
    assert "pinned.yaml" not in done.stdout
    assert "Not run at frankfurt: Pinned (pinned to london)" in done.stdout


def test_a_pinned_journey_cut_short_at_its_location_is_not_carried_on_elsewhere(tmp_path):
    """Resumed at another location, a journey started where it is pinned is neither run again (its contacts
    were made there) nor passed off as done: a prober error saying where to resume it."""
    from probes.runner import Runner

    config = load_config(project(tmp_path))
    loaded = load_journey(journey(tmp_path, "Pinned", "locations: [london]"), config)
    ledger = Ledger(f"sqlite:///{tmp_path / 'ledger.sqlite3'}")
    run_id = ledger.start_run("run", tmp_path, location="london")
    jid = ledger.start_journey(run_id, name="Pinned", file=loaded.path, target="shop", target_name="Example Shop",
                               persona={}, tags=[], location="london")
    sid = ledger.start_step(jid, 0, "web_form-1", "web_form")
    ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="web_form", destination="http://x/",
                        token="t1", idempotency_key=f"{run_id}/{loaded.path}/web_form-1", location="london")
    result = asyncio.run(Runner(config, ledger, tmp_path / "reports", location="paris").run([loaded], run_id=run_id))
    row, = ledger.run_rows(run_id, ("journeys",))["journeys"]
    assert result.exit_code == 3 and row["status"] == "error"
    assert row["error"].startswith("pinned to london: it was started there and cut short; it is not carried on "
                                   "at paris")
    assert [c["status"] for c in ledger.contacts_where(run_id=run_id)] == ["planned"]   # nothing sent again
