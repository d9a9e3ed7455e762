"""The answer does not answer: coverage of what the question asked, by words, patterns and any-of groups."""
from dataclasses import dataclass, field

from probes.checks import answers


@dataclass
class Ctx:
    persona: dict = field(default_factory=lambda: {"name": "Jane Doe", "language": "en"})
    channel: str = "email"
    other_personas: list = field(default_factory=list)
    other_tokens: list = field(default_factory=list)
    token: str = ""
    must_mention: list = field(default_factory=list)
    reply_kind: str = "human"


QUESTION = ["delivery time", ["Leeds", "/\\bLS\\d/"], "/\\b(installation|install(ed)?)\\b/"]


def test_an_answer_covering_some_points_names_those_covered_and_missed():
    reply = "Hi Jane,\nDelivery time for the WM-700 is 3 working days.\nBest, Priya"
    (f,) = answers.check(reply, Ctx(must_mention=QUESTION))
    assert f.check == "answer.incomplete" and f.severity == "major"
    assert f.title == "The answer covers 1 of the 3 points the question asked"
    assert "Covered: “delivery time”" in f.detail and "“Leeds” or “/\\bLS\\d/”" in f.snippet


def test_an_answer_covering_every_point_is_noted_not_failed():
    reply = ("Hi Jane, the delivery time to LS6 is 3 days, and we can install it the same day.\n"
             "> How long does delivery to Leeds take, and do you do installation?")
    (f,) = answers.check(reply, Ctx(must_mention=QUESTION))
    assert f.check == "answer.complete" and f.severity == "info"


def test_the_customers_quoted_question_does_not_count_as_an_answer():
    reply = "Thanks, we will look into it.\n\n> How long does delivery to Leeds take, and do you do installation?"
    (f,) = answers.check(reply, Ctx(must_mention=QUESTION))
    assert f.check == "answer.incomplete" and "0 of the 3" in f.title


def test_automatic_replies_and_questions_without_points_are_not_judged():
    assert answers.check("We received your message.", Ctx(must_mention=QUESTION, reply_kind="auto")) == []
    assert answers.check("Anything at all.", Ctx()) == []
