"""Scenario and config files: valid ones load, each invalid one gives its exact error."""
from pathlib import Path

import pytest

from probes.config import load_config
from probes.scenario import load_journey, step_ids
from probes.templating import render
from probes.yamlsource import InputError

DATA = Path(__file__).parent / "data"
CONFIG_PATH = "tests/data/probes.yaml"


def expected_errors(path: Path, shown: str) -> list[str]:
    lines = path.read_text(encoding="utf-8").splitlines()
    return [line[len("# error: "):].replace("{file}", shown) for line in lines if line.startswith("# error: ")]


@pytest.fixture(scope="module")
def config(monkeypatch_module=None):
    return load_config(CONFIG_PATH)


@pytest.fixture(autouse=True)
def _in_repo_root(monkeypatch):
    # Error messages show paths as given; run from the repository root like a user would.
    monkeypatch.chdir(Path(__file__).parent.parent)


INVALID = sorted(DATA.glob("invalid-*.yaml"))
INVALID_CONFIGS = sorted((DATA / "config").glob("invalid-*.yaml"))


def test_there_are_invalid_files_for_many_rules():
    assert len(INVALID) >= 12 and len(INVALID_CONFIGS) >= 5


@pytest.mark.parametrize("path", INVALID, ids=lambda p: p.stem)
def test_invalid_scenario_gives_its_exact_error(path, config):
    shown = f"tests/data/{path.name}"
    want = expected_errors(path, shown)
    assert want, f"{path.name} must say which error it expects in a '# error:' line"
    with pytest.raises(InputError) as err:
        load_journey(shown, config)
    assert [str(p) for p in err.value.problems] == want


@pytest.mark.parametrize("path", INVALID_CONFIGS, ids=lambda p: p.stem)
def test_invalid_config_gives_its_exact_error(path):
    shown = f"tests/data/config/{path.name}"
    want = expected_errors(path, shown)
    assert want
    with pytest.raises(InputError) as err:
        load_config(shown)
    assert [str(p) for p in err.value.problems] == want


def test_valid_scenario_loads_with_every_feature(config):
    loaded = load_journey("tests/data/valid-full.yaml", config)
    j = loaded.journey
    assert j.persona.situation == "urgent" and j.persona.language == "de"
    assert step_ids(j) == ["first", "second", "third"]
    first = j.steps[0]
    assert first.expect.within == 60.0 and first.load_within == 30.0 and first.retries == 2
    assert [f.describe() for f in first.fields] == [
        "label 'Name'", "placeholder 'you@example.com'", "name 'phone'", "selector '#message'", "label 'I agree'"]
    assert first.fields[4].check is True
    third = j.steps[2]
    assert third.frame == "iframe#contact" and third.fields is None
    assert [a.kind for a in third.actions] == ["click", "fill", "click", "wait_for", "select", "check", "uncheck",
                                               "upload", "press", "scroll", "click"]
    assert third.actions[0].click.text == "Accept all cookies" and third.actions[5].check.label == "I agree"
    assert third.actions[-1].sends and third.actions[8].press.frame == "top" and third.actions[9].scroll.to == "bottom"
    # An upload's file is found next to the scenario file, whatever the current folder.
    assert third.actions[7].upload.file == str(Path("tests/data/files/receipt.txt").resolve())
    # Values in actions are templated like fields (and checked for unknown references).
    assert third.template_fields()[("actions", 3, "wait_for", "text")] == "Step 2 of 2 for {persona.name}"


def test_templating_keeps_regex_braces_and_escapes():
    values = {"token": "abc", "persona": {"name": "Jane"}}
    assert render(r"Ref {token}: \d{4} {{x}} {persona.name}", values) == r"Ref abc: \d{4} {x} Jane"


def test_every_scenario_shipped_in_the_repo_is_valid():
    config = load_config("probes.yaml")
    files = sorted(Path("scenarios").glob("*.yaml"))
    assert len(files) >= 4
    for f in files:
        load_journey(f, config)


def test_all_problems_are_reported_at_once(tmp_path, config):
    bad = tmp_path / "two.yaml"
    bad.write_text("name: x\npersona:\n  name: J\n  situation: angry\ntarget: shop\nsteps:\n"
                   "  - channel: web_form\n    url: http://127.0.0.1:8780/\n    fields: []\n"
                   "    expect: {text: ok, within: never}\n")
    with pytest.raises(InputError) as err:
        load_journey(bad, config)
    paths = [p.path for p in err.value.problems]
    assert paths == ["persona.situation", "steps.0.fields", "steps.0.expect.within"]


def _readme_block(after: str) -> str:
    text = Path("README.md").read_text(encoding="utf-8")
    start = text.index("```yaml\n", text.index(after)) + len("```yaml\n")
    return text[start:text.index("```", start)]


def test_the_readme_examples_are_valid(tmp_path):
    (tmp_path / "probes.yaml").write_text(_readme_block("## probes.yaml: targets"))
    config = load_config(tmp_path / "probes.yaml")
    (tmp_path / "journey.yaml").write_text(_readme_block("## Writing a journey"))
    loaded = load_journey(tmp_path / "journey.yaml", config)
    assert step_ids(loaded.journey) == ["enquiry", "follow-up"]
    email_doc, form_doc = _readme_block("An email journey").split("\n---\n")
    (tmp_path / "email.yaml").write_text(email_doc)
    (tmp_path / "form.yaml").write_text(form_doc)
    email_journey = load_journey(tmp_path / "email.yaml", config).journey
    assert email_journey.steps[0].expect.human_within.describe() == "1 business day"
    form_journey = load_journey(tmp_path / "form.yaml", config).journey
    assert form_journey.steps[1].await_ == "form"


def test_the_committed_schema_is_current():
    import json

    from probes.scenario import Journey

    committed = json.loads(Path("scenarios/scenario.schema.json").read_text())
    current = Journey.model_json_schema(mode="validation")
    assert committed["properties"] == current["properties"] and committed["$defs"] == current["$defs"], \
        "run: probes schema --out scenarios/scenario.schema.json"
