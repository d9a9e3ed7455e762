"""The unreplaced-placeholder check: catches template leftovers, leaves ordinary brackets alone."""
import pytest

from probes.checks import CheckContext, run_checks
from probes.checks.placeholders import check

CAUGHT = [
    ("Dear [name], thank you for writing.", "[name]"),
    ("Hi {{first_name}}!", "{{first_name}}"),
    ("Hello %FIRSTNAME%, your order has shipped.", "%FIRSTNAME%"),
    ("Dear <Customer Name>,", "<Customer Name>"),
    ("Your order {order_number} ships today.", "{order_number}"),
    ("Hi ${first_name}, welcome back.", "${first_name}"),
    ("Hey *|FNAME|*, big news", "*|FNAME|*"),
    ("Dear [[Customer Name]],", "[[Customer Name]]"),
    ("We will call you on %PHONE% shortly.", "%PHONE%"),
    ("Dear [First Name] [Last Name],", "[First Name]"),
]
CLEAN = [
    "The kettle costs [£20] in the sale.",
    "See the warranty terms [1] for details.",
    "Use the regex \\d{4} to match the year.",
    "if (ready) { return order; }",
    "Total: $20 including VAT.",
    "Dear Jane, thank you for your message (ref NW-1042).",
    "We are 100% sure that 50% off applies.",
]


@pytest.mark.parametrize("text,placeholder", CAUGHT)
def test_placeholders_are_caught_with_the_line_as_evidence(text, placeholder):
    findings = check(text)
    assert findings, text
    assert findings[0].title == f"Unreplaced placeholder {placeholder}"
    assert findings[0].severity == "major" and findings[0].snippet == text


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_brackets_prices_and_code_are_not_flagged(text):
    assert check(text) == []


def test_one_finding_per_placeholder_in_reading_order():
    text = "Dear [name],\nwe will call %PHONE% today. Thanks again, [name]."
    assert [f.title for f in check(text)] == ["Unreplaced placeholder [name]", "Unreplaced placeholder %PHONE%"]
    assert check(text)[1].snippet == "we will call %PHONE% today. Thanks again, [name]."


def test_run_checks_applies_the_registered_checks():
    found = run_checks("Dear [name]", CheckContext(persona={"name": "Jane"}, channel="web_form"))
    assert [f.check for f in found] == ["placeholder"]
