"""Tone: cheerful templates to bereaved, complaining or urgent customers; everyone else may get them."""
import pytest

from probes.checks import CheckContext, run_checks
from probes.checks.tone import check


def persona(situation, lang="en"):
    return CheckContext(persona={"name": "Jane Doe", "language": lang, "situation": situation}, channel="email")


CHEERY = ("Hi Jane!! 🎉\n\nGreat news: we've received your message and one of our team will be in touch soon!\n\n"
          "Don't miss our spring sale – use code SPRING20 for 20% off your next order!\n"
          "Follow us on Instagram @northwind\n\nHave a great day!\nThe Northwind Team")

CAUGHT = [
    # (reply, situation, first snippet)
    (CHEERY, "bereavement", "Hi Jane!! 🎉"),
    (CHEERY, "complaint", "Hi Jane!! 🎉"),
    (CHEERY, "urgent", "Hi Jane!! 🎉"),
    ("Dear Jane,\nthank you for letting us know about your father's account. We will close it within 10 days. "
     "Have a great day!", "bereavement",
     "thank you for letting us know about your father's account. We will close it within 10 days. Have a great day!"),
    ("Dear Jane,\nwe have closed your late husband's account.\nHave a lovely weekend.", "bereavement",
     "Have a lovely weekend."),
    ("Hi Jane 😊 thanks for your feedback about the broken boiler, an engineer will call.", "complaint",
     "Hi Jane 😊 thanks for your feedback about the broken boiler, an engineer will call."),
    ("Hi Jane :) we got your complaint and will reply within 5 working days.", "complaint",
     "Hi Jane :) we got your complaint and will reply within 5 working days."),
    ("Woohoo, your ticket #4471 is in the queue. Expect a reply in 3-5 days.", "urgent",
     "Woohoo, your ticket #4471 is in the queue. Expect a reply in 3-5 days."),
    ("Dear Jane,\nwe are sorry about the damaged sofa.\n\nSubscribe to our newsletter for exclusive offers.",
     "complaint", "Subscribe to our newsletter for exclusive offers."),
    ("Thanks for your message! We'll get back to you! Have a nice day!", "complaint",
     "Thanks for your message! We'll get back to you! Have a nice day!"),
    ("Dear Jane,\nour condolences. Treat yourself: 15% off everything this weekend.", "bereavement",
     "our condolences. Treat yourself: 15% off everything this weekend."),
    ("Sehr geehrte Frau Doe,\ntolle Neuigkeiten: Ihre Anfrage ist eingegangen! 🎉", "complaint",
     "tolle Neuigkeiten: Ihre Anfrage ist eingegangen! 🎉"),
    ("Bonjour Madame,\nsuivez-nous sur Instagram pour nos nouveautés.", "bereavement",
     "suivez-nous sur Instagram pour nos nouveautés."),
    ("Hola Jane, ¡felicidades! Su solicitud ha sido registrada.", "urgent",
     "Hola Jane, ¡felicidades! Su solicitud ha sido registrada."),
]


@pytest.mark.parametrize("text,situation,snip", CAUGHT)
def test_cheerful_templates_to_sensitive_situations_are_caught(text, situation, snip):
    found = check(text, persona(situation))
    assert found, text
    assert (found[0].check, found[0].severity, found[0].snippet) == ("tone", "major", snip)


def test_the_title_names_the_situation_and_the_detail_the_cues():
    found = check(CHEERY, persona("bereavement"))
    assert found[0].title == "Cheerful tone in a reply to a bereaved customer"
    assert "run of exclamation marks" in found[0].detail and "🎉" in found[0].detail
    assert len(found) == 5  # greeting, great news, sale, Instagram, sign-off
    assert check(CHEERY, persona("complaint"))[0].title == "Cheerful tone in a reply to a complaint"
    assert check(CHEERY, persona("urgent"))[0].title == "Cheerful tone in a reply to an urgent request"


@pytest.mark.parametrize("situation", ["general", "non_native_speaker", "vulnerable", ""])
def test_other_situations_may_be_cheerful(situation):
    assert check(CHEERY, persona(situation)) == []


CLEAN_FOR_SENSITIVE = [
    "Dear Jane,\n\nWe were very sorry to hear of your mother's passing. We have closed the account and refunded "
    "the balance of £32.10. Please let us know if there is anything else we can do.\n\nWith sympathy,\nSam",
    "Dear Jane,\nthank you for getting in touch! We have passed your complaint to our quality team.",
    "Hi Jane, good news: we found your parcel and it will be with you tomorrow before noon.",
    "Dear Jane,\nwe are sorry for the inconvenience. As a goodwill gesture, please use code SORRY10 for 10% off.",
    "Dear Jane,\nThe kettle costs [£20]; the replacement is free.\n\n☎ 0800 123 456 | ✉ help@northwind.example",
    "Dear Jane,\nthe meeting is at 10:30 (see the invitation).",
    "Dear Jane, we are sorry.\n\nOn Mon, 3 Mar 2025, Jane Doe <jane@example.org> wrote:\n> Great news!!! Not. 😡",
    "Dear Jane,\n```\nprint('Hello!!')\n```\nRun this and tell us what you see.",
    "OK, thanks!",
    "Hi Jane,\nI'm afraid it isn't great news: the earliest engineer slot is tomorrow at 8am.",
]


@pytest.mark.parametrize("text", CLEAN_FOR_SENSITIVE)
@pytest.mark.parametrize("situation", ["bereavement", "complaint", "urgent"])
def test_calm_replies_are_fine(text, situation):
    if situation == "bereavement" and "goodwill" in text:
        assert check(text, persona(situation))  # a discount to a grieving customer is a sales pitch all the same
    else:
        assert check(text, persona(situation)) == []


def test_a_discount_without_an_apology_is_a_sales_pitch_even_to_a_complaint():
    found = check("Dear Jane,\nyour complaint is logged. Use code SPRING20 at checkout.", persona("complaint"))
    assert [f.snippet for f in found] == ["your complaint is logged. Use code SPRING20 at checkout."]
    assert check("Dear Jane,\nwe are sorry for the inconvenience. Use code SORRY10 for 10% off.",
                 persona("bereavement"))


# "!!" and emoji inside a leaked staff note: the note is the internal-note finding, not a cheerful template.
IN_A_STAFF_NOTE = [
    "Dear Jane,\nwe are sorry about the boiler. An engineer will call on Monday.\n\n"
    "INTERNAL: this one again!! 🙄 third time this month\n\nRegards, Sam",
    "Dear Jane,\nwe are sorry. (Sam — can you check the refund amount?? 😬) An engineer will call.",
    "--- Agent notes (not visible to customer) ---\nCust v. annoyed!!! 🙄\n\nDear Jane, we are sorry.",
    "Dear Jane,\nsorry for the trouble, a new part is on its way.\nPS Maria: she's a nightmare!! 😂",
    "Sehr geehrte Frau Doe,\nes tut uns leid. [Link einfügen!!! 🙈]\nMit freundlichen Grüßen",
]


@pytest.mark.parametrize("text", IN_A_STAFF_NOTE)
@pytest.mark.parametrize("situation", ["bereavement", "complaint"])
def test_exclamations_and_emoji_in_a_staff_note_are_the_notes_finding_not_tone(text, situation):
    ctx = persona(situation, "de" if text.startswith("Sehr") else "en")
    assert check(text, ctx) == []
    assert [f.check for f in run_checks(text, ctx)] == ["internal_note"]


def test_cheer_outside_the_staff_note_is_still_tone():
    text = "Dear Jane!! 🎉 Great news!\n(Sam — can you check the amount?? 😬)"
    assert [f.snippet for f in check(text, persona("complaint"))] == ["Dear Jane!! 🎉 Great news!"]
    note_only = "Dear Jane, sorry.\n(Sam — can you check the amount?? 😬)"
    assert check(note_only, persona("complaint")) == []


def test_a_staff_joke_about_the_customer_is_a_note_a_joke_to_the_customer_is_tone():
    about = "Dear Jane,\nlol she wants a refund for a mug she dropped 😂😂\nWe will refund you today."
    assert check(about, persona("complaint")) == []
    assert [f.check for f in run_checks(about, persona("complaint"))] == ["internal_note"]
    to_her = "Thanks for your message!! hahaha we get this a lot"
    assert [f.snippet for f in check(to_her, persona("complaint"))] == [to_her]


def test_exclamations_in_a_staff_note_that_runs_on_to_the_next_line_are_the_notes_not_tone():
    from probes.checks.tone import check as tone_check
    ctx = CheckContext(persona={"name": "Jane Doe", "language": "en", "situation": "complaint"}, channel="email")
    note = ("Dear Mrs Doe,\n\nWe have refunded the delivery charge.\n(Sam - can you close this one, she's called\n"
            "five times this week!!! 🙄)\n\nKind regards")
    assert tone_check(note, ctx) == []
    # The same "!!!" written to the customer is tone.
    assert tone_check("Dear Mrs Doe,\n\nWe have refunded the delivery charge!!!\n\nKind regards", ctx)


@pytest.mark.parametrize("text, lang", [
    # Spanish "he" before a participle is "I have", so the laugh is to the customer: tone's, not a staff joke
    ("¡Holaaa Jane! 🙌😄 Vaya, qué mala suerte con el pedido jajaja. Ya lo he revisado y llegará mañana sin falta 🚚💨",
     "es"),
    # a laugh with the customer at the courier's blunder
    ("lol yeah the courier screwed up big time there 😂\nanyway refund's done 👍 have a fab weekend!!", "en"),
])
def test_a_laugh_to_a_complaining_customer_is_judged_by_tone(text, lang):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang, "situation": "complaint"}, channel="chat")
    assert check(text, ctx)
    assert "internal_note" not in {f.check for f in run_checks(text, ctx)}


def test_exclamations_in_a_note_style_to_do_for_a_colleague_are_the_notes():
    ctx = CheckContext(persona={"name": "Roberto Bruno", "language": "it", "situation": "urgent"}, channel="sms")
    text = ("Gentile Sig. Bruno, il tecnico passerà domani tra le 14 e le 18 per la perdita della caldaia. NB "
            "verificare disponibilità furgone con Sandro!! - Termoidraulica Sala")
    assert check(text, ctx) == []
    assert [f.check for f in run_checks(text, ctx)] == ["internal_note"]


@pytest.mark.parametrize("text", [
    "Dear Jane,\n\nYou'll get a separate email with the new voucher code when that's done.\n\nTom",
    "Dear Jane,\n\nThe promo code field is optional at checkout.\n\nTom",
    "Dear Jane,\n\nI've reset the discount code itself, so please try again.\n\nTom",
])
def test_a_voucher_code_spoken_of_without_a_code_is_no_sales_offer(text):
    assert check(text, persona("complaint")) == []


@pytest.mark.parametrize("text", [
    "Dear Jane,\n\nYour case is closed. Use code SPRING20 for 20% off your next order.\n\nTom",
    "Dear Jane,\n\nYour case is closed. Our promo code: welcome5 gets you a free dessert.\n\nTom",
])
def test_a_code_in_capitals_or_with_digits_is_still_a_sales_offer(text):
    assert check(text, persona("complaint"))


def test_a_note_above_the_letters_greeting_is_all_the_notes_so_its_words_are_no_sales_pitch():
    # "offered 10% off … - declined. DO NOT offer again": the whole line above "Dear …" is the staff note, whose
    # offer was made on the phone; tone leaves it to the internal-note check
    text = ("cust v. angry re 5 days no broadband, offered 10% off next bill on phone - declined. DO NOT offer again, "
            "escalate if he pushes\n\nDear Mr Whitaker,\n\nThank you for your email. We have logged your comments.\n\n"
            "Regards,\nCustomer Relations")
    ctx = CheckContext(persona={"name": "Paul Whitaker", "language": "en", "situation": "complaint"}, channel="email")
    assert check(text, ctx) == []
    assert [f.check for f in run_checks(text, ctx) if f.check == "internal_note"] == ["internal_note"]


# The emoji of sympathy are how florists, undertakers and kind staff write to the bereaved; a party emoji is not.
@pytest.mark.parametrize("text,lang", [
    ("Bloom & Co: Dear Jane, the wreath was delivered to St Mary's this morning. Thinking of you 💐 Amy", "en"),
    ("Liebe Frau Doe, unser aufrichtiges Beileid. Die Urne kann ab Donnerstag abgeholt werden. 🕊️", "de"),
    ("Chère Madame Doe, toutes nos pensées vous accompagnent 🤍 La gerbe sera livrée demain matin.", "fr"),
    ("Gentile signora Doe, le siamo vicini in questo momento 🌹 Il cuscino di rose è stato consegnato.", "it"),
    ("Beste mevrouw Doe, heel veel sterkte gewenst 🙏 De kaart is vandaag verstuurd.", "nl"),
    ("Hi Jane, so sorry for the wait 🙏 we've refunded the second charge today.", "en"),
])
def test_the_emoji_of_sympathy_are_no_cheer(text, lang):
    for situation in ("bereavement", "complaint"):
        assert check(text, persona(situation, lang)) == []


@pytest.mark.parametrize("text", [
    "Dear Jane, the wreath was delivered this morning 🎉",
    "Dear Jane, so sorry for your loss 💐😊",
    "Dear Jane, the wreath was delivered!! 💐",
])
def test_a_party_emoji_or_exclamations_beside_a_flower_are_still_cheer(text):
    assert check(text, persona("bereavement"))


def test_a_staff_note_wrapped_over_lines_is_no_cheerful_template():
    ctx = CheckContext(persona={"name": "Marloes Vos", "language": "nl", "situation": "complaint"}, channel="email")
    text = ("Let op: nog niet versturen, eerst even checken met Finance of de creditnota\necht €112,40 is en niet "
            "€102,40!!\n\nBeste mevrouw Vos,\n\nHet spijt ons oprecht dat u twee keer een factuur heeft ontvangen.\n\n"
            "Met vriendelijke groet,\nKees Brouwer")
    assert check(text, ctx) == []


def test_the_customers_subject_repeated_in_a_reply_is_not_its_tone():
    ctx = CheckContext(persona={"name": "Anna Caruso", "language": "it", "situation": "complaint"}, channel="email")
    body = "Gentile Sig.ra Caruso,\n\nil rimborso è stato emesso il 3 giugno.\n\nDistinti saluti,\nServizio Clienti"
    assert check("Oggetto: Re: Rimborso mai arrivato!!!\n\n" + body, ctx) == []
    # the company's own subject, or the same words in the body, are still its tone
    assert check("Oggetto: Buone notizie!!! 🎉\n\n" + body, ctx)
    assert check(body.replace("il rimborso", "evviva!!! il rimborso"), ctx)
