"""Whose words each line of a reply is: the company's, the customer's (quoted), or a colleague's."""
import pytest

from probes.checks import CheckContext, run_checks
from probes.checks._text import OWN, QUOTE, read


def ctx(name="Lucas Benítez", lang="es", channel="chat"):
    return CheckContext(persona={"name": name, "language": lang}, channel=channel)


def kinds(text, c):
    return [ln.kind for ln in read(text, c)]


@pytest.mark.parametrize("text, name", [
    ("[11:20] Lucas: Hola, no me llegó la entrada\n[11:23] Agente Ana (Tickets Sur): Hola Lucas, ya la reenvié.",
     "Lucas Benítez"),
    ("10:02 - Jane Doe: my parcel never came\n10:04 - Sam: I'm sorry Jane, I've sent a new one today.", "Jane Doe"),
    ("Jana (14:03): Wo bleibt meine Erstattung?\nTom (14:05): Sie ist heute rausgegangen.", "Jana Berg"),
    ("Cliente: il pacco non è arrivato\nOperatore: lo rispediamo oggi stesso.", "Giulia Neri"),
])
def test_the_customers_turns_in_a_chat_transcript_are_the_customers_words(text, name):
    assert kinds(text, ctx(name)) == [QUOTE, OWN]


def test_a_customers_turn_runs_on_to_a_blank_line_or_the_next_turn():
    text = ("[09:00] Jane: hi, two things:\nthe invoice is wrong\nand the box was damaged\n"
            "[09:02] Priya: Sorry Jane, both fixed.\nAnything else?")
    assert kinds(text, ctx("Jane Doe", "en")) == [QUOTE, QUOTE, QUOTE, OWN, OWN]


@pytest.mark.parametrize("text", [
    "Jane: your parcel arrives today between 9 and 1. Acme",        # an SMS addressed to Jane, not a transcript
    "Jane Doe: the refund is on its way.\nThanks, Acme Support",     # one speaker named, no time
    "Note: we are closed Monday.\nJane, your order ships Tuesday.",
])
def test_a_reply_that_is_no_transcript_is_all_the_companys(text):
    assert set(kinds(text, ctx("Jane Doe", "en", "sms"))) == {OWN}


def test_what_the_customer_said_in_the_transcript_is_not_held_against_the_company():
    text = ("[20:11] Jane: this is a fucking joke, where is my refund??\n"
            "[20:14] Priya: I'm sorry for the wait, Jane. The refund of £40 went back to your card today.")
    assert run_checks(text, ctx("Jane Doe", "en")) == []
    # The agent's own words still count.
    rude = text.replace("I'm sorry for the wait", "Calm down, it's not my fucking fault")
    assert [f.check for f in run_checks(rude, ctx("Jane Doe", "en"))] == ["profanity"]


def test_a_sentence_that_ends_its_line_with_a_semicolon_is_prose_not_code():
    from probes.checks._text import prose_lines
    text = ("Madame,\nVotre demande sera instruite dans un délai de trente jours ;\nla décision vous sera notifiée.\n"
            "Run this:\nresult = compute(total);\nThanks")
    lines = {ln.text.strip(): ln.prose for ln in prose_lines(text)}
    assert lines["Votre demande sera instruite dans un délai de trente jours ;"]
    assert all("compute" not in ln.prose for ln in prose_lines(text))


@pytest.mark.parametrize("text", [
    "Dear Jane,\n\nThanks for writing.\n\nOn Sat, 8 Jun 2024 at 10:27, Jane Doe wrote:\n> There are calls on my bill.\n"
    "> I never rang that number.\n\nI've gone through the itemised calls.\nThey were made on 14 May.",
    "Hola Jane:\n\nGracias.\n\nEl vie, 7 jun 2024 a las 19:03, Jane Doe escribió:\n> Me cambiaron el vuelo.\n\n"
    "He hablado con la aerolínea.\nTe enviaremos los billetes.",
    "Ciao Jane,\n\nIl giorno lun 3 giu 2024 alle 09:12 Jane Doe ha scritto:\n>\n> Dov'è il mio pacco?\n>\n\n"
    "È partito oggi.\nArriva domani.",
])
def test_an_answer_written_below_a_quoted_block_is_the_companys_again(text):
    lines = [ln for ln in read(text, ctx("Jane Doe", "en", "email")) if ln.text.strip()]
    assert [ln.kind for ln in lines if ln.text.lstrip().startswith(">")] == [QUOTE] * sum(
        ln.text.lstrip().startswith(">") for ln in lines)
    assert lines[-1].kind == OWN and lines[-2].kind == OWN


@pytest.mark.parametrize("text", [
    # a quote with no "> " marks under its attribution runs to the end (Outlook's style)
    "Hi Jane, done.\n\nOn Mon, 3 Jun 2024, Jane Doe wrote:\nWhere is my parcel?\nIt is late.",
    # the quote's own lines stay the customer's to the end
    "Hi Jane, done.\n\nOn Mon, 3 Jun 2024, Jane Doe wrote:\n> Where is my parcel?\n> It is late.",
])
def test_a_quote_at_the_bottom_stays_the_customers(text):
    lines = [ln for ln in read(text, ctx("Jane Doe", "en", "email")) if ln.text.strip()]
    assert lines[-1].kind == QUOTE and lines[-2].kind == QUOTE


def test_the_replys_own_header_above_a_greeting_to_the_customer_is_the_companys():
    text = ("From: Planning Services <planning@council.example>\nSubject: RE: Application SD/24/01187\n\n"
            "Dear Ms Doe,\n\nI should also mention that one neighbour comment has been received.\n\nYours sincerely,\nMark")
    lines = read(text, ctx("Jane Doe", "en", "email"))
    assert {ln.kind for ln in lines} == {OWN}
    assert lines[0].prose == "" and lines[1].prose == ""   # the header is no prose
    assert run_checks(text, ctx("Jane Doe", "en", "email")) == []


@pytest.mark.parametrize("text", [
    # a colleague's message forwarded on its own, greeting someone else: still theirs
    "From: Dan Hughes <dan@acme.example>\nSent: Monday\nTo: Support\nSubject: Doe refund\n\nHi Priya,\n\nShe's had "
    "two refunds already.",
    # a header below the reply: a quoted message
    "Dear Jane,\n\nDone.\n\nFrom: Jane Doe <jane@example.org>\nSent: Monday\nSubject: refund\n\nWhere is it?",
])
def test_a_header_that_is_not_the_replys_own_still_opens_someone_elses_message(text):
    lines = read(text, ctx("Jane Doe", "en", "email"))
    assert lines[-1].kind != OWN


def test_fold_takes_letters_with_no_mark_to_strip_to_their_plain_form():
    from probes.checks._text import fold
    # a Turkish customer's name written without its dotless i is still theirs ("Herr Yildiz" to Emre Yıldız)
    assert fold("Yıldız") == fold("Yildiz") == "yildiz"
    assert fold("Søren Łukasz") == "soren lukasz" and fold("Straße") == "strasse"
