"""Promises in replies, found with the moment they fall due (in the company's calendar)."""
import datetime as dt

from probes.business_time import BusinessCalendar
from probes.checks import promises

UTC = dt.timezone.utc
# Wednesday 4 March 2026, 10:00 UTC; the company works Mon-Fri 09:00-17:00 London time.
AT = dt.datetime(2026, 3, 4, 10, 0, tzinfo=UTC)
CAL = BusinessCalendar("Europe/London", {d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")})


def found(text, language="en"):
    return [(p.text, p.due) for p in promises.find(text, language, AT, CAL)]


def test_hours_days_and_ranges_to_their_upper_end():
    assert found("Thanks! We will get back to you within 24 hours.") == [
        ("within 24 hours", AT + dt.timedelta(hours=24))]
    (text, due), = found("We'll get back to you in 3-5 working days.")
    assert text == "in 3-5 working days" and due == CAL.add_business_days(AT, 5)
    # A policy or a passive "will be processed" names no follow-up the customer will get from a person.
    assert found("Your refund will be processed in 3-5 working days.") == []
    assert found("You can return most products within 30 days of delivery, and I've emailed you a label.") == []
    assert found("We will call you within two days.")[0][1] == AT + dt.timedelta(days=2)


def test_by_a_weekday_is_the_end_of_that_day_for_the_company():
    ((text, due),) = found("We'll be in touch by Friday with an update.")
    assert text == "by Friday" and due == dt.datetime(2026, 3, 6, 17, 0, tzinfo=UTC)  # London = UTC in March
    # Said on a Wednesday about Wednesday, after the end of the day: next week's.
    late = dt.datetime(2026, 3, 4, 18, 0, tzinfo=UTC)
    (p,) = promises.find("We will reply by Wednesday.", "en", late, CAL)
    assert p.due == dt.datetime(2026, 3, 11, 17, 0, tzinfo=UTC)


def test_other_languages():
    assert found("Wir melden uns innerhalb von 48 Stunden bei Ihnen.", "de")[0][0] == "innerhalb von 48 Stunden"
    assert found("Nous reviendrons vers vous dans les 2 jours ouvrés.", "fr")[0][1] == CAL.add_business_days(AT, 2)
    assert found("Le responderemos antes del viernes.", "es")[0][0] == "antes del viernes"
    assert found("Vi ricontatteremo entro 24 ore.", "it")[0][0] == "entro 24 ore"
    assert found("We nemen binnen 2 werkdagen contact met u op.", "nl")[0][0] == "binnen 2 werkdagen"


def test_no_promise_without_a_follow_up_or_in_the_customers_quote():
    assert found("Our shop is open 24 hours a day.") == []
    assert found("Delivery takes 3 days.") == []   # a fact about delivery, not a promise to get back
    assert found("Thanks for your message.\n\n> Please reply within 2 days, it is urgent.") == []


def test_a_promise_after_what_was_done_first():
    assert found("We have received your message and will reply within 1 business day.")[0][0] == \
        "within 1 business day"
