"""Broken scenario files and probes.yaml, generated: every one is refused as bad input, never a crash or a hang.

Each example mutates a valid file from tests/data/ or scenarios/ in one of the ways a fuzzer found
tracebacks, hangs or wrongly accepted files (aliases, merge keys, tags, duplicate keys, huge numbers
and durations, impossible dates, references in a URL's port, a wrong language or phone number, a
public_url with a trailing slash), or with random garbage. Loading must then either succeed (garbage
can land in a description) or raise InputError whose every line is ``file:line: field: message``;
the targeted mutations must always be refused. The corner cases found are kept as invalid-*.yaml.
"""
import re
import signal
import tempfile
import textwrap
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import write_scenario
from probes.config import load_config
from probes.scenario import load_journey
from probes.yamlsource import InputError

ROOT = Path(__file__).parent.parent
# (file, the probes.yaml it is validated against)
SCENARIOS = [(p, ROOT / "probes.yaml") for p in sorted((ROOT / "scenarios").glob("*.yaml"))] + [
    (ROOT / "tests/data/valid-full.yaml", ROOT / "tests/data/probes.yaml")]
CONFIGS = [ROOT / "probes.yaml", ROOT / "tests/data/probes.yaml"]
LOADED = {}

# file:line: message, or file:line: field.path: message (a field path has no spaces).
SHAPE = re.compile(r"(?P<file>[^\n]+?):(?P<line>[1-9]\d*): (?:(?P<field>[^\s:]+): )?(?P<message>\S[^\n]*)")
BOUND_S = 5.0  # generous: loading a bad file takes milliseconds; this only catches hangs


def _config(path: Path):
    if path not in LOADED:
        LOADED[path] = load_config(path)
    return LOADED[path]


BOMB = "".join(f"lol{i}: &l{i} [" + ", ".join([f"*l{i - 1}" if i else "lol"] * 9) + "]\n" for i in range(9))
BOMB_AT_END = "laughs: *l8\n"
DURATIONS = ["99999999999999999d", "100000000 business days", "9999999 business hours", "1e400", ".inf",
             "99999999999999999999999999", "367d", "8785 business hours", "367 business days"]


def _key_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n")) if re.match(r"^\s*[A-Za-z_]+:", line)]


def _scalar_lines(text: str) -> list[int]:
    return [i for i, line in enumerate(text.split("\n")) if re.match(r"^\s*(- )?[A-Za-z_]+: [^\s\[{&*|>#]", line)]


@st.composite
def broken_yaml(draw, text: str, kind: str):
    """(mutated text, True if the mutation must be refused)."""
    lines = text.split("\n")
    classes = ["alias_bomb", "recursive_alias", "merge", "complex_key", "tag", "duplicate", "huge_number", "deep",
               "garbage_line", "garbage_bytes", "truncate", "shuffle"]
    classes += (["duration", "language", "phone", "port_reference", "regex_repeat"] if kind == "scenario"
                else ["holiday", "public_url", "url_port"])
    what = draw(st.sampled_from(classes))
    keys, scalars = _key_lines(text), _scalar_lines(text)
    if what == "alias_bomb":
        return BOMB + text + "\n" + BOMB_AT_END, True
    if what == "recursive_alias":
        return "loop: &loop [a, *loop]\n" + text, True
    if what == "merge":
        i = draw(st.sampled_from(keys))
        indent = re.match(r"^\s*", lines[i]).group(0)
        return "\n".join(lines[:i] + [f"{indent}<<: {{x: 1}}"] + lines[i:]), True
    if what == "complex_key":
        i = draw(st.sampled_from(keys))
        indent = re.match(r"^\s*", lines[i]).group(0)
        return "\n".join(lines[:i] + [f"{indent}? [a, b]", f"{indent}: 1"] + lines[i:]), True
    if what == "tag":
        i = draw(st.sampled_from(scalars))
        tag = draw(st.sampled_from(["!foo", "!!python/object:os.system", "!!binary", "!!set", "!!omap",
                                    "!<tag:example.com,2000:x>", "!!python/name:os.getcwd"]))
        lines[i] = re.sub(r": ", f": {tag} ", lines[i], count=1)
        return "\n".join(lines), True
    if what == "duplicate":
        i = draw(st.sampled_from([k for k in keys if not lines[k].lstrip().startswith("- ")]))
        return "\n".join(lines[:i + 1] + [lines[i]] + lines[i + 1:]), True
    if what == "huge_number":
        i = draw(st.sampled_from(scalars))
        digits = draw(st.integers(min_value=11, max_value=6000))
        lines[i] = re.sub(r": .*", ": " + "9" * digits, lines[i], count=1)
        return "\n".join(lines), True
    if what == "deep":
        n = draw(st.integers(min_value=41, max_value=20000))
        return text + "\nnested: " + "[" * n + "]" * n + "\n", True
    if what == "duration":
        within = [i for i, line in enumerate(lines) if re.match(r"^\s*(- )?[a-z_]*within: ", line)]
        if not within:
            return text, False
        i = draw(st.sampled_from(within))
        lines[i] = re.sub(r"within: .*", "within: " + draw(st.sampled_from(DURATIONS)), lines[i])
        return "\n".join(lines), True
    if what in ("language", "phone"):
        word = (draw(st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGH-_", min_size=3, max_size=12))
                if what == "language" else draw(st.text(alphabet="0123456789 ()-", min_size=1, max_size=14)))
        i = next(n for n, line in enumerate(lines) if line.startswith("persona:"))
        if lines[i].strip() != "persona:":  # a flow mapping: persona: {name: …}
            lines[i] = lines[i].replace("{", f'{{{what}: "{word}", ', 1)
        else:
            lines.insert(i + 1, f'  {what}: "{word}"')
        return "\n".join(lines), True
    if what == "port_reference":
        urls = [i for i, line in enumerate(lines) if re.search(r"url: \"?\{target\.website\}", line)]
        if not urls:
            return text, False
        i = draw(st.sampled_from(urls))
        ref = draw(st.sampled_from(["{token}", "{persona.name}", ":{token}", "99999", "0x50"]))
        lines[i] = lines[i].replace("{target.website}", "http://127.0.0.1:" + ref, 1)
        return "\n".join(lines), True
    if what == "regex_repeat":
        patterns = [i for i, line in enumerate(lines) if re.match(r"^\s*(text_pattern|expect): ", line)]
        big = "\\\\d{" + str(draw(st.integers(min_value=2**32, max_value=10**12))) + "}"
        if not patterns:
            return text, False
        i = draw(st.sampled_from(patterns))
        lines[i] = re.sub(r": .*", f': "{big}"' if "text_pattern" in lines[i] else f': "/{big}/"', lines[i])
        return "\n".join(lines), True
    if what == "holiday":
        day = draw(st.sampled_from(["2026-02-30", "2026-13-01", "2026-00-10", "2025-02-29", "2026-04-31"]))
        i = next(n for n, line in enumerate(lines) if re.match(r"^    name: ", line))
        return "\n".join(lines[:i + 1] + [f"    holidays: [{day}]"] + lines[i + 1:]), True
    if what == "public_url":
        if "public_url:" not in text:
            return text, False
        return re.sub(r"(public_url: )(\S+)", lambda m: m.group(1) + m.group(2) + "/", text), True
    if what == "url_port":
        port = draw(st.sampled_from(["99999", "{port}", "0", "x", "-1"]))
        return re.sub(r"(http://127\.0\.0\.1):\d+", rf"\1:{port}", text, count=1), True
    if what == "garbage_line":
        i = draw(st.integers(min_value=0, max_value=len(lines)))
        junk = draw(st.text(max_size=80))
        return "\n".join(lines[:i] + [junk] + lines[i:]), False
    if what == "garbage_bytes":
        return draw(st.binary(max_size=300)), False
    if what == "truncate":
        return text[:draw(st.integers(min_value=0, max_value=len(text)))], False
    lines_copy = lines[:]
    draw(st.randoms(use_true_random=False)).shuffle(lines_copy)
    return "\n".join(lines_copy), False


def _check(path: Path, load, must_fail: bool) -> None:
    def too_slow(*_):
        raise TimeoutError(f"loading took more than {BOUND_S} s")

    old = signal.signal(signal.SIGALRM, too_slow)
    signal.setitimer(signal.ITIMER_REAL, BOUND_S)
    try:
        load(str(path))
    except InputError as err:
        problems = err.problems
    else:
        problems = []
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old)
    if must_fail:
        assert problems, f"accepted a broken file:\n{path.read_bytes()[:2000]!r}"
    for p in problems:
        m = SHAPE.fullmatch(str(p))
        assert m, f"not file:line: field: message: {str(p)!r}"
        assert m.group("file") == str(path) and p.line >= 1


def _write(folder: str, name: str, content) -> Path:
    path = Path(folder) / name
    (path.write_bytes if isinstance(content, bytes) else path.write_text)(content)
    return path


FUZZ = settings(max_examples=200, deadline=None, derandomize=True, database=None,
                suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])


@FUZZ
@given(data=st.data(), which=st.sampled_from(SCENARIOS))
def test_broken_scenario_files_are_refused_as_bad_input(data, which):
    scenario, config_path = which
    text, must_fail = data.draw(broken_yaml(scenario.read_text(), "scenario"))
    config = _config(config_path)
    with tempfile.TemporaryDirectory() as tmp:
        _check(_write(tmp, "scenario.yaml", text), lambda p: load_journey(p, config), must_fail)


@settings(FUZZ, max_examples=100)
@given(data=st.data(), which=st.sampled_from(CONFIGS))
def test_broken_config_files_are_refused_as_bad_input(data, which):
    text, must_fail = data.draw(broken_yaml(which.read_text(), "config"))
    with tempfile.TemporaryDirectory() as tmp:
        _check(_write(tmp, "probes.yaml", text), load_config, must_fail)


def test_every_problem_of_a_scenario_comes_in_one_pass(tmp_path):
    """Schema, unknown reference and allowlist problems of one file, all in one run of validate."""
    path = write_scenario(tmp_path, "three.yaml", """
        name: Three kinds of problem
        persona: {name: Jane Doe, language: english}
        target: shop
        steps:
          - id: first
            channel: web_form
            url: "{target.website}/contact"
            fields: [{label: Message, value: Hello}]
            expect: {text: Thanks, within: 99999999999999999d}
          - channel: web_form
            url: https://evil.example/collect
            fields: [{label: Message, value: "{persona.nickname}"}]
            expect: {text: Thanks}
          - await: first
            ack_within: 100000000 business days
    """)
    with pytest.raises(InputError) as err:
        load_journey(str(path), _config(ROOT / "tests/data/probes.yaml"))
    fields = [p.path for p in err.value.problems]
    assert fields == ["persona.language", "steps.0.expect.within", "steps.2.ack_within",
                      "steps.1.fields.0.value", "steps.1.url"]


@pytest.fixture
def shop(tmp_path, company, mail):
    """A user's folder: probes.yaml for the demo company's website and mail desk, one good journey."""
    from probes.sim.mailnet import PASSWORD_VARIABLE

    identity = mail.identity()["email"]
    (tmp_path / "probes.yaml").write_text(textwrap.dedent(f"""
        targets:
          demo:
            name: Demo
            endpoints: {{website: "{company.base_url}", support_email: support@northwind.example}}
            allowlist: ["{company.base_url}/", "@northwind.example"]
        identities:
          shopper:
            email:
              address: {identity['address']}
              smtp: {{host: 127.0.0.1, port: {identity['smtp']['port']}, tls: none}}
              imap: {{host: 127.0.0.1, port: {identity['imap']['port']}, tls: none, username: shopper,
                      password: "${{{PASSWORD_VARIABLE}}}"}}
    """))
    (tmp_path / "scenarios").mkdir()
    write_scenario(tmp_path / "scenarios", "a-good.yaml", """
        name: Ask support by email
        persona: {name: Jane Doe}
        target: demo
        steps:
          - channel: email
            to: "{target.support_email}"
            subject: Spare parts
            body: Do you sell spare drum belts?
            expect: {ack_within: 10m}
    """)
    return tmp_path, {PASSWORD_VARIABLE: mail.password}


BAD_SCENARIOS = {
    "huge-deadline.yaml": """
        name: A deadline nobody can wait for
        persona: {name: Jane Doe}
        target: demo
        steps:
          - channel: email
            to: "{target.support_email}"
            subject: Spare parts
            body: Hello
            expect: {ack_within: 99999999999999999d, human_within: 100000000 business days}
    """,
    "alias-bomb.yaml": BOMB + "name: x\npersona: {name: Jane}\ntarget: demo\nlaughs: *l8\nsteps: []\n",
}


@pytest.mark.parametrize("bad", sorted(BAD_SCENARIOS))
def test_validate_and_run_refuse_a_broken_file_with_exit_2_and_contact_nobody(cli, shop, company, mail, bad):
    folder, env = shop
    write_scenario(folder / "scenarios", bad, BAD_SCENARIOS[bad])
    sent, submitted = len(mail.desk.received), len(company.inbox)
    for command in (["validate", "scenarios"], ["run", "scenarios"]):
        done = cli(*command, cwd=folder, env=env, timeout=120)
        assert done.returncode == 2, done.stderr
        assert "Traceback" not in done.stderr
        problems = [line for line in done.stderr.splitlines() if line.startswith("scenarios/")]
        assert problems and all(SHAPE.fullmatch(line) and bad in line for line in problems), done.stderr
    # The good journey beside it was not run either: nothing reached the company.
    assert len(mail.desk.received) == sent and len(company.inbox) == submitted


def test_a_broken_probes_yaml_stops_run_with_exit_2(cli, shop, mail):
    folder, env = shop
    config = folder / "probes.yaml"
    config.write_text(config.read_text() + "targets: {}\n")  # a second `targets:`: once silently the winner
    sent = len(mail.desk.received)
    done = cli("run", "scenarios", cwd=folder, env=env, timeout=120)
    assert done.returncode == 2 and "Traceback" not in done.stderr
    assert "probes.yaml:" in done.stderr and "duplicate key 'targets'" in done.stderr
    assert len(mail.desk.received) == sent
