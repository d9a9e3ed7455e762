"""The checks-quality benchmark scores a held-out folder apart, by figures only (never its texts or ids)."""
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "tests" / "benchmarks" / "checks_quality.py"


def entry(id_, text, must, must_not):
    return {"id": id_, "channel": "email", "text": text, "must": must, "must_not": must_not,
            "context": {"persona": {"name": "Jane Doe", "language": "en"}, "token": "abcdefghij"}}


def run(tmp_path, *args):
    # A two-reply main corpus and no dev replies: what is tested here is how the held-out folder is scored
    # (the corpus itself is asserted by test_corpus.py).
    corpus = tmp_path / "main"
    corpus.mkdir()
    (corpus / "few.yaml").write_text(yaml.safe_dump([
        entry("main-1", "Dear [first name],\nThanks for your message.\nTom", ["placeholder"], []),
        entry("main-2", "Hi Jane,\nThanks for your message.\nTom", [], ["placeholder"]),
    ]), encoding="utf-8")
    done = subprocess.run([sys.executable, str(SCRIPT), "--repeat", "1", "--mistakes", "--corpus", str(corpus),
                           "--dev", str(tmp_path / "no-dev"), *args],
                          capture_output=True, text=True, timeout=600, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    return done.stdout, done.stderr


def test_held_out_replies_are_scored_apart_without_showing_them(tmp_path):
    (tmp_path / "promise.yaml").write_text(yaml.safe_dump([
        entry("held-secret-id-1", "Hi Jane,\nA colleague will call you back tomorrow. ZQXSECRET1\nTom",
              ["promise"], []),
        entry("held-secret-id-2", "Hi Jane,\nWe will get back to you eventually. ZQXSECRET2\nTom", ["promise"], []),
        entry("held-secret-id-3", "Hi Jane,\nOur lines are open 9am to 5pm. ZQXSECRET3\nTom", [], ["promise"]),
    ]), encoding="utf-8")
    held = tmp_path / "held"
    held.mkdir()
    (tmp_path / "promise.yaml").rename(held / "promise.yaml")
    out, err = run(tmp_path, "--heldout", str(held))
    last = out.strip().splitlines()[-1]
    assert last.startswith("recall=") and last.endswith("heldout_recall=0.500 heldout_precision=1.000"), last
    assert "ZQXSECRET" not in out + err and "held-secret-id" not in out + err


def test_without_a_held_out_folder_its_figures_are_na(tmp_path):
    out, _ = run(tmp_path, "--heldout", str(tmp_path / "missing"))
    assert out.strip().splitlines()[-1] == "recall=1.000 precision=1.000 heldout_recall=n/a heldout_precision=n/a"


def test_each_held_out_set_is_scored_apart_too(tmp_path):
    # The first set (any file) and a later blind round added whole (round-<name>.yaml): one line each, so that a
    # good later round cannot hide a weak first set in the pooled figure.
    held = tmp_path / "held"
    held.mkdir()
    (held / "promise.yaml").write_text(yaml.safe_dump([
        entry("held-1", "Hi Jane,\nA colleague will call you back tomorrow.\nTom", ["promise"], []),
        entry("held-2", "Hi Jane,\nWe will get back to you eventually.\nTom", ["promise"], []),
    ]), encoding="utf-8")
    (held / "round-zz.yaml").write_text(yaml.safe_dump([
        entry("held-3", "Hi Jane,\nWe will reply within 2 working days.\nTom", ["promise"], []),
        entry("held-4", "Hi Jane,\nOur lines are open 9am to 5pm.\nTom", [], ["promise"]),
    ]), encoding="utf-8")
    out, _ = run(tmp_path, "--heldout", str(held))
    lines = out.splitlines()
    assert "  set first: 2 replies recall=0.500 precision=1.000" in lines, out
    assert "  set round-zz: 2 replies recall=1.000 precision=1.000" in lines, out
    assert "  false alarms a report would show: 0 of 0" in lines, out
    assert lines[-1].endswith("heldout_recall=0.667 heldout_precision=1.000"), out


def test_held_out_look_alikes_are_scored_apart_by_their_false_alarms(tmp_path):
    # Mostly clean replies a naive rule might accuse: their own line, figures only, before the dev line
    alike = tmp_path / "alike"
    alike.mkdir()
    (alike / "round-zz.yaml").write_text(yaml.safe_dump([
        entry("alike-secret-1", "Hi Jane,\nOur lines are open 9am to 5pm. ZQXSECRET4\nTom", [], ["promise"]),
        entry("alike-secret-2", "Hi Jane,\nWe will reply within 2 working days.\nTom", ["promise"], []),
        entry("alike-secret-3", "Hi Jane,\nPlease use the [Download] button.\nTom", [], ["placeholder"]),
    ]), encoding="utf-8")
    out, err = run(tmp_path, "--heldout", str(tmp_path / "missing"), "--lookalike", str(alike))
    lines = out.strip().splitlines()
    assert "lookalike_recall=1.000 lookalike_precision=1.000 lookalike_false_alarms=0 " \
        "lookalike_reported_false_findings=0" in lines, out
    assert "ZQXSECRET" not in out + err and "alike-secret" not in out + err
    (tmp_path / "again").mkdir()
    out, _ = run(tmp_path / "again", "--heldout", str(tmp_path / "missing"), "--lookalike", str(tmp_path / "none"))
    assert "lookalike_recall=n/a lookalike_precision=n/a lookalike_false_alarms=n/a " \
        "lookalike_reported_false_findings=n/a" in out.splitlines()


def test_false_alarms_a_report_would_show_are_counted_apart(tmp_path):
    # A false promise of a message by a time is awaited, so a report could call it broken: it counts. One of a
    # booked visit is found but never awaited (the prober sees no visit): a false alarm no report shows. A
    # check's false alarm always shows.
    alike = tmp_path / "alike"
    alike.mkdir()
    (alike / "round-zz.yaml").write_text(yaml.safe_dump([
        entry("a-1", "Hi Jane,\nYour boiler service is booked for Thursday between 8am and 12pm.\nTom", [], ["promise"]),
        entry("a-2", "Hi Jane,\nWe will email you the form by Friday.\nTom", [], ["promise"]),
        entry("a-3", "Hi [FIRST_NAME],\nYour order has been sent.\nTom", [], ["placeholder"]),
        entry("a-4", "Hi Jane,\nWe will reply within 2 working days.\nTom", ["promise"], []),
    ]), encoding="utf-8")
    out, _ = run(tmp_path, "--heldout", str(tmp_path / "missing"), "--lookalike", str(alike))
    assert "lookalike_recall=1.000 lookalike_precision=0.250 lookalike_false_alarms=3 " \
        "lookalike_reported_false_findings=2" in out.splitlines(), out
