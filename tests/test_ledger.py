"""The ledger: migrations build exactly the schema the code uses, and rows survive reopening."""
import datetime as dt

import sqlalchemy as sa
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from probes.ledger import Ledger, alerts_sent, metadata, new_token
from probes.results import Finding


def test_migrations_match_the_tables_the_code_uses(ledger_url):
    ledger = Ledger(ledger_url)
    with ledger.engine.connect() as conn:
        diff = compare_metadata(MigrationContext.configure(conn), metadata)
        version = conn.execute(sa.text("select version_num from alembic_version")).scalar()
    assert diff == []
    assert version == "0011_locations"   # the newest migration (the lead chains those made in parallel)


def test_opening_twice_keeps_history_and_does_not_remigrate(tmp_path, ledger_url):
    url = ledger_url
    first = Ledger(url)
    run_id = first.start_run("run", tmp_path)
    jid = first.start_journey(run_id, name="J", file="j.yaml", target="demo", target_name="Demo",
                              persona={"name": "Jane"}, tags=["a"])
    sid = first.start_step(jid, 0, "form", "web_form")
    cid = first.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="web_form",
                             destination="http://x/", token=new_token(), idempotency_key=f"{run_id}/j/form")
    first.add_finding(run_id, jid, sid, Finding("placeholder", "major", "Unreplaced [name]", snippet="Dear [name]"), cid)
    first.finish_run(run_id, "failed")
    first.close()

    again = Ledger(url)
    rows = again.run_rows(run_id)
    assert again.latest_run_id() == run_id
    assert rows["contacts"][0]["status"] == "planned"
    assert rows["findings"][0]["snippet"] == "Dear [name]"
    assert rows["journeys"][0]["persona"] == {"name": "Jane"}
    started = again.get_run(run_id)["started_at"]
    assert started.tzinfo is not None and abs(dt.datetime.now(dt.timezone.utc) - started).total_seconds() < 60


def test_a_contact_cannot_be_planned_twice_for_the_same_step(tmp_path, ledger_url):
    ledger = Ledger(ledger_url)
    run_id = ledger.start_run("run", tmp_path)
    jid = ledger.start_journey(run_id, name="J", file="j.yaml", target="demo", target_name="Demo",
                               persona={}, tags=[])
    sid = ledger.start_step(jid, 0, "form", "web_form")
    key = f"{run_id}/j.yaml/form"
    ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="web_form", destination="d",
                        token=new_token(), idempotency_key=key)
    try:
        ledger.plan_contact(run_id=run_id, journey_id=jid, step_id=sid, channel="web_form", destination="d",
                            token=new_token(), idempotency_key=key)
    except sa.exc.IntegrityError:
        pass
    else:
        raise AssertionError("a second contact for the same run/journey/step must be refused")


def test_runs_started_in_the_same_second_with_the_same_random_draw_get_different_ids(tmp_path, ledger_url,
                                                                                      monkeypatch):
    # A run id is the second plus 16 random bits; a farm's workers (or three runs in one test) can draw
    # the same one. The second run draws again instead of failing on the ledger's unique key.
    import probes.ledger as ledger_module
    draws = iter(["aaaa", "aaaa", "aaaa", "bbbb"])
    monkeypatch.setattr(ledger_module.secrets, "token_hex", lambda n: next(draws))
    fixed = dt.datetime(2026, 12, 4, 20, 4, 46, tzinfo=dt.timezone.utc)
    monkeypatch.setattr(ledger_module, "utcnow", lambda: fixed)
    ledger = Ledger(ledger_url)
    first = ledger.start_run("nightly", tmp_path)
    second = ledger.start_run("nightly", tmp_path)
    assert (first, second) == ("20261204T200446Z-aaaa", "20261204T200446Z-bbbb")
    assert ledger.get_run(second)["status"] == "running"
    ledger.finish_run(second, "passed")
    assert ledger.get_run(first)["status"] == "running"   # the first run's row was not touched
    # An id the caller gives (a resumed run) is never replaced by another.
    try:
        ledger.start_run("nightly", tmp_path, run_id=first)
    except sa.exc.IntegrityError:
        pass
    else:
        raise AssertionError("a given run id that is taken must be refused, not renamed")


def test_tokens_are_unique_and_plain():
    tokens = {new_token() for _ in range(2000)}
    assert len(tokens) == 2000
    assert all(t.isalnum() and t.islower() and len(t) == 10 for t in tokens)


def test_history_survives_the_upgrade_to_the_email_schema(ledger_url):
    from probes.ledger import upgrade

    url = ledger_url
    engine = sa.create_engine(url)
    upgrade(engine, "0001")  # a ledger written by the first release
    with engine.begin() as conn:
        conn.execute(sa.text("insert into runs (id, kind, status, started_at) values "
                             "('20250101T000000Z-aaaa', 'nightly', 'passed', '2025-01-01 00:00:00')"))
        conn.execute(sa.text("insert into journeys (run_id, name, target, status, started_at) values "
                             "('20250101T000000Z-aaaa', 'Old journey', 'demo', 'passed', '2025-01-01 00:00:00')"))
    engine.dispose()
    ledger = Ledger(url)  # opening upgrades to the newest schema
    rows = ledger.run_rows("20250101T000000Z-aaaa")
    assert ledger.latest_run_id() == "20250101T000000Z-aaaa"
    assert rows["journeys"][0]["name"] == "Old journey" and rows["awaits"] == []


def test_two_processes_opening_a_new_ledger_at_once_both_succeed(ledger_url):
    import subprocess
    import sys

    from conftest import ROOT

    url = ledger_url
    code = f"import sys; sys.path.insert(0, {str(ROOT)!r}); from probes.ledger import Ledger; Ledger({url!r})"
    procs = [subprocess.Popen([sys.executable, "-c", code], stderr=subprocess.PIPE, text=True) for _ in range(4)]
    errors = [p.communicate(timeout=60)[1] for p in procs]
    assert [p.returncode for p in procs] == [0, 0, 0, 0], errors
    assert Ledger(url).latest_run_id() is None


def test_a_postgresql_url_opens_with_psycopg_3(postgres):
    # postgresql:// (as a user writes it, and as SQLAlchemy would open with psycopg2) uses the extra's psycopg 3.
    url = postgres.new_database().replace("postgresql+psycopg://", "postgresql://")
    ledger = Ledger(url)
    assert ledger.engine.dialect.driver == "psycopg"
    run_id = ledger.start_run("run", ".")
    assert Ledger(url.replace("postgresql://", "postgres://")).latest_run_id() == run_id


def test_without_psycopg_a_postgresql_ledger_is_a_prober_error_naming_the_extra(postgres, monkeypatch):
    import sys

    from probes.ledger import LedgerDriverMissing
    from probes.results import ProberError

    monkeypatch.setitem(sys.modules, "psycopg", None)   # as if the extra were not installed
    for url in (postgres.url(), postgres.url().replace("postgresql+psycopg://", "postgresql://")):
        try:
            Ledger(url)
        except LedgerDriverMissing as exc:
            assert isinstance(exc, ProberError)
            assert "pip install 'mystery-shopper[postgres]'" in str(exc)
        else:
            raise AssertionError("a missing driver must be said, with the extra that installs it")


def test_a_ledger_with_history_at_an_old_revision_is_migrated_and_its_new_columns_work(ledger_url):
    """A ledger written by the release of 0007_fp (answers fingerprinted, no attempts, alerts or pruning) holds
    a night's run; today's code opens it, migrates it to the newest schema, and every row is still there."""
    from probes.ledger import upgrade
    from probes.results import utcnow

    engine = sa.create_engine(ledger_url)
    upgrade(engine, "0007_fp")
    with engine.begin() as conn:
        def insert(sql: str, **values) -> int:
            return conn.execute(sa.text(sql + " returning id"), values).scalar_one()
        conn.execute(sa.text("insert into runs (id, kind, status, started_at, options) values "
                             "('20251101T020000Z-aaaa', 'nightly', 'failed', '2025-11-01 02:00:00+00', "
                             "'{\"journeys\": [\"j.yaml\"]}')"))
        jid = insert("insert into journeys (run_id, name, target, status, started_at, persona, tags) values "
                     "('20251101T020000Z-aaaa', 'Contact form', 'demo', 'failed', '2025-11-01 02:00:01+00', "
                     "'{\"name\": \"Jane\"}', '[\"web\"]')")
        sid = insert("insert into steps (journey_id, position, step_key, channel, status, measurements) values "
                     f"({jid}, 0, 'send', 'email', 'failed', '{{\"submit_to_confirmation_s\": 1.5}}')")
        cid = insert("insert into contacts (run_id, journey_id, step_id, channel, destination, token, "
                     "idempotency_key, status, planned_at, sent_at, accepted_at) values ('20251101T020000Z-aaaa', "
                     f"{jid}, {sid}, 'email', 'support@acme.example', 'k7q9x2abcd', '20251101T020000Z-aaaa/j/send', "
                     "'sent', '2025-11-01 02:00:02+00', '2025-11-01 02:00:03+00', '2025-11-01 02:00:04+00')")
        rid = insert("insert into responses (channel, mailbox, uidvalidity, uid, contact_id, kind, observed_at, "
                     "arrived_at, evidence_path) values ('email', 'shopper/INBOX', 4000000000, 7, "
                     f"{cid}, 'auto', '2025-11-01 02:05:00+00', '2025-11-01 02:04:00+00', 'mail/7.eml')")
        insert("insert into awaits (run_id, journey_id, step_id, contact_id, channel, kind, deadline_text, due_at, "
               f"status, response_id, elapsed_s) values ('20251101T020000Z-aaaa', {jid}, {sid}, {cid}, 'email', "
               f"'ack', '1h', '2025-11-01 03:00:03+00', 'met', {rid}, 237.0)")
        insert("insert into findings (run_id, journey_id, step_id, check_id, severity, title, created_at, "
               f"snippets) values ('20251101T020000Z-aaaa', {jid}, {sid}, 'placeholder', 'major', "
               "'Unreplaced [name]', '2025-11-01 02:06:00+00', '[\"Dear [name]\", \"Hi [name]\"]')")
        insert("insert into evidence (run_id, journey_id, step_id, kind, path, bytes, created_at) values "
               f"('20251101T020000Z-aaaa', {jid}, {sid}, 'screenshot', 'shot.png', 1234, '2025-11-01 02:00:05+00')")
    engine.dispose()

    ledger = Ledger(ledger_url)   # as `probes` opens it: migrates to the newest revision
    with ledger.engine.connect() as conn:
        assert compare_metadata(MigrationContext.configure(conn), metadata) == []
        assert conn.execute(sa.text("select version_num from alembic_version")).scalar() == "0011_locations"
    rows = ledger.run_rows("20251101T020000Z-aaaa")
    journey, = rows["journeys"]
    assert (journey["name"], journey["persona"], journey["tags"], journey["attempt"]) == (
        "Contact form", {"name": "Jane"}, ["web"], 1)
    assert rows["steps"][0]["measurements"] == {"submit_to_confirmation_s": 1.5}
    assert rows["contacts"][0]["accepted_at"] == dt.datetime(2025, 11, 1, 2, 0, 4, tzinfo=dt.timezone.utc)
    assert rows["responses"][0]["uidvalidity"] == 4000000000 and rows["responses"][0]["pruned_at"] is None
    assert (rows["awaits"][0]["status"], rows["awaits"][0]["elapsed_s"]) == ("met", 237.0)
    assert rows["findings"][0]["snippets"] == ["Dear [name]", "Hi [name]"]
    assert ledger.get_run("20251101T020000Z-aaaa")["options"] == {"journeys": ["j.yaml"]}
    # The new columns and tables work, and new rows follow the old ones (ids continue after them).
    retry = ledger.start_journey("20251101T020000Z-aaaa", name="Contact form", file="j.yaml", target="demo",
                                 target_name="Demo", persona={}, tags=[], attempt=2, retried_from=journey["id"],
                                 retry_reason="prober error")
    assert retry > journey["id"]
    ledger.update_row("evidence", rows["evidence"][0]["id"], pruned_at=utcnow())
    with ledger.transaction() as conn:
        conn.execute(alerts_sent.insert().values(destination="json://x", event_key="new|k|r", event="new",
                                                 status="pending", created_at=utcnow(), problem={"k": 1}))
    again = ledger.run_rows("20251101T020000Z-aaaa")
    assert [(j["attempt"], j["retried_from"]) for j in again["journeys"]] == [(1, None), (2, journey["id"])]
    assert again["evidence"][0]["pruned_at"] is not None
    assert ledger._select(sa.select(alerts_sent.c.problem)) == [{"problem": {"k": 1}}]
