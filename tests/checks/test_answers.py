"""The answer does not answer: coverage of what the question asked, by words, patterns and any-of groups."""
from dataclasses import dataclass, field

import pytest

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


def test_a_point_named_only_in_a_leaked_staff_note_is_not_answered():
    points = ["refund", ["appeal", "appealed"]]
    leaked = ("Hi Jane,\nyour refund of £40 goes back to your card this week.\n\n"
              "[Internal: the appeal sits with the fines team, don't tell her anything about it yet]\n\nBest, Priya")
    (f,) = answers.check(leaked, Ctx(must_mention=points))
    assert f.check == "answer.incomplete" and "“appeal” or “appealed”" in f.snippet
    de = Ctx(persona={"name": "Jana Berg", "language": "de"}, must_mention=["Erstattung", "Widerspruch"])
    note = ("Hallo Frau Berg,\nIhre Erstattung ist angewiesen.\n"
            "@Tom bitte den Widerspruch noch nicht erwähnen, das klärt die Rechtsabteilung\nGruß")
    (f,) = answers.check(note, de)
    assert f.check == "answer.incomplete" and "Widerspruch" in f.snippet
    # The same point written to the customer is covered, beside a note about something else.
    told = ("Hi Jane,\nyour refund went out today, and your appeal was upheld.\n\n"
            "[Internal: she rang twice, be nice]\nPriya")
    (f,) = answers.check(told, Ctx(must_mention=points))
    assert f.check == "answer.complete"


def test_automatic_replies_and_questions_without_points_are_not_judged():
    assert answers.check("We received your message.", Ctx(must_mention=QUESTION, reply_kind="auto")) == []
    assert answers.check("Anything at all.", Ctx()) == []


def lang(code, points):
    return Ctx(persona={"name": "Jane Doe", "language": code}, must_mention=points)


def covered(reply, points, code="en"):
    (f,) = answers.check(reply, lang(code, points))
    return f.check == "answer.complete"


def test_a_point_is_covered_by_another_form_of_its_words_in_the_personas_language_and_only_by_that():
    assert covered("Hi Jane, we have refunded the £40 to your card.", ["refund"])
    assert covered("Hi Jane, your refund of £40 is on its way.", ["refunded"])
    assert covered("Hi Jane, the engineer installed it and the invoices are attached.", [["installation"], "invoice"])
    assert covered("Hallo Herr Meier, wir haben Ihnen den Betrag gestern erstattet.", ["Rückerstattung"], "de")
    assert covered("Hallo Herr Meier, die Rückerstattung ist veranlasst.", ["erstatten"], "de")
    assert covered("Hallo Herr Meier, die Waschmaschine wird am Freitag geliefert.", ["Lieferung"], "de")
    assert covered("Bonjour, nous vous avons remboursé hier.", ["remboursement"], "fr")
    assert covered("Hola Lucía, el pedido fue entregado ayer.", ["entrega"], "es")
    assert covered("Gentile Marco, l'importo è stato rimborsato.", ["rimborso"], "it")
    assert covered("Beste Sanne, het bedrag is terugbetaald en de wasmachine is geleverd.",
                   ["terugbetaling", "levering"], "nl")
    assert covered("Olá Ana, o valor já foi reembolsado.", ["reembolso"], "pt")
    # A German or Dutch compound covers its first part as well as its last, a short one too
    assert covered("Wir schicken Ihnen deshalb ein komplettes Ersatzpaket.", [["Ersatz", "Gutschrift"]], "de")
    assert covered("Leider hatte die Flasche Korkgeschmack.", ["Kork"], "de")
    assert covered("Der Originalakku ist nicht mehr lieferbar.", ["Akku"], "de")
    assert covered("Je intakegesprek is op dinsdag 18 juni.", ["intake"], "nl")
    # … but a compound asked for is not covered by its first part
    assert not covered("Kündigen können Sie online im Kundenkonto.", [["Frist", "Kündigungsfrist"]], "de")
    assert not covered("Ihr Bett wurde nicht wie vereinbart geliefert.", ["Liefertermin"], "de")
    assert not covered("Die Nachzahlung ist im neuen Abschlag enthalten.", ["Zähler"], "de")   # a stem is no part
    # A different word that shares a prefix is not another form.
    assert not covered("Hi Jane, the party is on Friday.", ["part"])
    assert not covered("Hi Jane, we refuse to accept the return.", ["refund"])
    assert not covered("Hi Jane, the charger is in the box.", ["charge"])
    assert not covered("Hallo Herr Meier, die Berechnung ist falsch.", ["Rechnung"], "de")
    assert not covered("Hallo Herr Meier, bitte leisten Sie eine Anzahlung.", ["Zahlung"], "de")
    assert not covered("Bonjour, le livre est arrivé.", ["livraison"], "fr")
    # Regex points and any-of lists keep working, forms or not.
    assert covered("Hi Jane, delivery to LS6 takes 3 days.", [["Leeds", "/\\bLS\\d/"], "/\\b\\d+ days?\\b/"])
    assert not covered("Hi Jane, delivery takes 3 days.", ["/\\bdelivered\\b/"])


def test_a_word_that_asks_for_a_date_time_or_price_is_covered_by_one():
    assert covered("Hi Eoin, it's €1,450 fitted. We can start Wed 10th if that suits.", [["quote", "price"], "when"])
    assert covered("Hi Jane, the engineer comes tomorrow between 8am and noon.", ["date", "time"])
    assert covered("Hi Jane, we can fit it on the 3rd of June.", [["date", "day"]])
    assert covered("Hallo Herr Meier, der Techniker kommt am Dienstag um 14 Uhr.", ["wann", "Uhrzeit"], "de")
    assert covered("Bonjour, la réparation coûte 49,90 € et nous passons jeudi.", ["prix", "quand"], "fr")
    assert covered("Hola Lucía, el técnico irá el martes 12 de marzo.", ["cuándo"], "es")
    assert covered("Gentile Marco, il ritiro è previsto domani alle 10:30.", ["quando", "orario"], "it")
    assert covered("Beste Sanne, we komen op 12 maart; de kosten zijn €75.", ["wanneer", "prijs"], "nl")
    assert covered("Olá Ana, a entrega custa R$ 20 e chega amanhã.", ["quando"], "pt")
    # Numbers that are not a date, a time or a price do not answer those.
    assert not covered("Hi Jane, the plan has 5G, 100GB of data and 6 months of Disney+.", [["price", "cost"]])
    assert not covered("Hi Jane, I sat down with the engineer and we wed the two parts.", ["when"])
    assert not covered("Guten Morgen Herr Meier, wir prüfen Ihre Anfrage.", ["wann"], "de")
    assert not covered("Hi Jane, your refund is being processed.", ["date"])
    assert not covered("Hi Jane, the 2nd option is best; see section 4.1 of the guide.", ["when"])
    assert covered("Hi Jane, we can come on the 2nd, or on 10/03.", [["when"]])
    assert covered("Hallo Herr Meier, der Termin ist am 10.03. um 9 Uhr.", ["Datum"], "de")


def test_the_corpus_reads_any_of_lists_in_must_mention_as_the_scenario_form_does():
    # Scenario YAML and corpus entries write "any of these" as a nested list: [refund, [replacement, replace]].
    import yaml
    from checks.corpus import make_context

    entry = yaml.safe_load("channel: email\ncontext:\n  persona: {name: Jane Doe, language: en}\n"
                           "  must_mention: [refund, [replacement, replace]]\n")
    ctx = make_context(entry)
    assert ctx.must_mention == ["refund", ["replacement", "replace"]]
    (f,) = answers.check("Hi Jane, we will replace the kettle this week.", ctx)
    assert f.check == "answer.incomplete" and f.snippet == "“refund”"
    (f,) = answers.check("Hi Jane, refund done; a replacement ships today.", ctx)
    assert f.check == "answer.complete"


def test_a_point_that_is_only_a_symbol_is_covered_by_that_symbol_alone():
    from probes.checks.answers import covers
    assert not covers(["€"], "The date is still free.")
    assert covers(["€"], "It costs 450 € in all.")
    assert not covers(["Preis", "€"], "Der Samstag ist noch frei.", "de")


def test_a_limit_or_balance_is_no_price():
    covers = answers.covers
    # the customer asked what it costs: a limit's amount does not say
    assert not covers(["costo"], "Il limite giornaliero è di 15.000 €.", "it")
    assert not covers(["kosten"], "Je bestedingslimiet staat nu op €2.500 per dag.", "nl")
    assert not covers(["cost"], "Your available balance is £310.20.")
    # a price, also in a sentence that names the limit; something else that is free is no price
    assert covers(["costo"], "Il bonifico costa 2,50 € anche oltre il limite giornaliero.", "it")
    assert not covers(["precio"], "La tarifa no tiene permanencia y la instalación es gratuita.", "es")
    assert covers(["price"], "The replacement screen is £89.")


def test_a_point_said_in_other_ordinary_words_for_the_same_thing_is_covered():
    de = Ctx(persona={"name": "Jonas Feld", "language": "de"}, must_mention=["Rücksendeetikett", "Erstattung"])
    told = ("Hallo Herr Feld,\nanbei Ihr Retourenlabel von Hermes. Wenn die Schuhe bei uns sind, überweisen wir "
            "Ihnen das Geld zurück.\nGruß, Lena")
    (f,) = answers.check(told, de)
    assert f.check == "answer.complete"
    es = Ctx(persona={"name": "Lucía Prado", "language": "es"}, must_mention=["reembolso", "etiqueta de devolución"])
    (f,) = answers.check("Hola Lucía: te hemos devuelto el dinero de la lámpara, que llegó rota.", es)
    assert f.check == "answer.incomplete" and "etiqueta" in f.snippet and "reembolso" not in f.snippet
    it = Ctx(persona={"name": "Sara Conti", "language": "it"}, must_mention=["rimborso"])
    (f,) = answers.check("Gentile Sara, le abbiamo restituito l'importo sulla carta.", it)
    assert f.check == "answer.complete"


def test_words_near_a_refund_that_give_nothing_back_do_not_cover_it():
    es = Ctx(persona={"name": "Lucía Prado", "language": "es"}, must_mention=["reembolso"])
    (f,) = answers.check("Hola Lucía: devuélvenos el paquete y revisaremos el importe de tu factura.", es)
    assert f.check == "answer.incomplete"
    de = Ctx(persona={"name": "Jonas Feld", "language": "de"}, must_mention=["Erstattung"])
    (f,) = answers.check("Hallo Herr Feld, das Etikett für die Rücksendung liegt bei.", de)
    assert f.check == "answer.incomplete"


def test_an_amount_paid_back_is_no_answer_about_a_fee():
    covers = answers.covers
    # the customer asked about a fee: the refund's amount says what they get back, not what the fee is
    assert not covers(["fee", "charge"], "The unused part of your payment, £212.50, has been refunded\nto your card.")
    assert not covers(["Gebühr"], "Wir haben Ihnen 212,50 € erstattet.", "de")
    assert not covers(["frais"], "Nous vous avons remboursé 212,50 €.", "fr")
    # near misses: the fee named beside the refund, or the amount itself asked for
    assert covers(["fee"], "We have refunded £212.50; no cancellation fee applies.")
    assert covers(["fee"], "The early cancellation fee is £40.")
    assert covers(["amount"], "£212.50 has been refunded to your card.")


def test_a_stretch_of_time_is_covered_by_the_same_stretch_in_other_words():
    assert covered("Hallo Frau Krause, Sie haben ab Zustellung zwei Wochen Zeit für die Rücksendung.", ["14 Tage"], "de")
    assert covered("Hi Jane, you'll have the decision within two days.", ["48 hours"])
    assert covered("Bonjour, vous avez quatorze jours pour nous le renvoyer.", ["2 semaines"], "fr")
    assert covered("Hola, tiene 30 días para devolverlo.", ["treinta días"], "es")
    # working and calendar time, and other amounts, are not the same stretch
    assert not covered("Hi Jane, you'll have the decision within 10 working days.", ["14 days"])
    assert not covered("Hallo Frau Krause, Sie haben eine Woche Zeit.", ["14 Tage"], "de")


def test_opening_hours_are_covered_by_the_hours_themselves():
    assert covered("Bonjour ! Le magasin est ouvert du lundi au samedi de 9h30 à 19h30.", ["horaires"], "fr")
    assert covered("Hallo, wir haben Mo–Fr von 9 bis 18 Uhr geöffnet.", ["Öffnungszeiten"], "de")
    assert covered("Ciao, siamo aperti dalle 9:00 alle 19:00.", ["orari"], "it")
    assert not covered("Bonjour ! Le magasin de Villeneuve a un grand parking gratuit.", ["horaires"], "fr")


def test_a_noun_is_covered_by_its_verb_and_a_verb_by_its_noun_with_pronouns_attached():
    # the noun asked for, the verb of its family in the reply, pronouns glued on or hyphenated
    assert covered("Hola Marta: puede devolvérnoslo en cualquier tienda, no le costará nada.", ["devolución"], "es")
    assert covered("Hola Marta: ya te hemos devuelto las botas y el dinero.", ["devolución"], "es")
    assert covered("Hola Marta: si no te convence, devuélvelo en 30 días.", ["devolución"], "es")
    assert covered("Hola Marta: vamos a reembolsarte la diferencia esta semana.", ["reembolso"], "es")
    assert covered("Hola Marta: la devolución de la chaqueta ya está registrada.", ["devolver"], "es")
    assert covered("Olá Rui, pode devolvê-la numa loja nossa sem custos.", ["devolução"], "pt")
    assert covered("Olá Rui, vamos enviá-la amanhã por correio registado.", ["envio"], "pt")
    assert covered("Olá Rui, o técnico vai substituir a placa na quinta.", ["substituição"], "pt")
    assert covered("Gentile Paola, provvederemo a rimborsarle la cifra entro venerdì.", ["rimborso"], "it")
    assert covered("Gentile Paola, il pacco è stato spedito stamattina.", ["spedizione"], "it")
    assert covered("Gentile Paola, il guasto è stato risolto dal tecnico.", ["risoluzione"], "it")
    assert covered("Bonjour Paul, votre colis a été expédié ce matin.", ["expédition"], "fr")
    assert covered("Bonjour Paul, le souci est résolu depuis la mise à jour.", ["résolution"], "fr")
    assert covered("Hallo Herr Brandt, wir reparieren das Gerät kostenlos.", ["Reparatur"], "de")
    assert covered("Hallo Herr Brandt, wir stornieren den Auftrag noch heute.", ["Stornierung"], "de")
    assert covered("Beste Kees, we repareren de koelkast volgende week.", ["reparatie"], "nl")
    assert covered("Hi Jane, the courier delivered it to your neighbour.", ["delivery"])
    assert covered("Hi Jane, the fault was resolved overnight.", ["resolution"])


def test_a_word_that_only_begins_like_the_point_or_shares_a_stem_by_chance_does_not_cover_it():
    assert not covered("Hola Marta: el perro puede devorarlo todo.", ["devolución"], "es")
    assert not covered("Hola Marta: su pedido sigue en la dirección de antes.", ["devolución"], "es")
    assert not covered("Hola Marta: el tornillo está suelto.", ["solución"], "es")
    assert not covered("Hola Marta: es un bolso precioso.", ["precio"], "es")
    assert not covered("Hola Marta: hay cajeros en la entrada.", ["caja"], "es")
    assert not covered("Hola Marta: el viento era muy fuerte.", ["fuera"], "es")
    assert not covered("Olá Rui, é um dever nosso informar.", ["devolução"], "pt")
    assert not covered("Olá Rui, a casa fica perto da loja.", ["casamento"], "pt")
    assert not covered("Gentile Paola, il piatto era ben condito.", ["condizione"], "it")
    assert not covered("Bonjour Paul, le livre est arrivé.", ["livraison"], "fr")
    assert not covered("Hi Jane, the box was battered in transit.", ["battery"])


def test_a_date_the_reply_marks_as_past_does_not_say_when():
    # when something already happened (the customer's return, a visit) is no answer to "when will it"
    assert not covered("Hola Marta: recibimos las botas que nos envió el pasado 3 de marzo.", [["fecha", "cuándo"]], "es")
    assert not covered("Hi Jane, the engineer visited last Tuesday and found nothing wrong.", [["when", "date"]])
    assert not covered("Hallo Herr Brandt, Ihr Paket kam am vergangenen Montag bei uns an.", ["wann"], "de")
    assert not covered("Bonjour Paul, nous avons reçu votre colis le 4 mars dernier.", ["quand"], "fr")
    assert not covered("Gentile Paola, abbiamo ricevuto il reso lo scorso 4 marzo.", ["quando"], "it")
    assert not covered("Beste Kees, uw pakket is afgelopen donderdag bij ons aangekomen.", ["wanneer"], "nl")
    assert not covered("Olá Rui, recebemos a encomenda no passado dia 4 de março.", [["data", "quando"]], "pt")
    # a date ahead still answers, beside a past one or as a month's last weekday; the day after tomorrow too
    assert covered("Hola Marta: lo recibimos el pasado 3 de marzo y le reembolsamos el 10 de marzo.", ["cuándo"], "es")
    assert covered("Hi Jane, refunds go out on the last Friday of the month.", ["when"])
    assert covered("Hallo Herr Brandt, die Erstattung kommt am letzten Freitag des Monats.", ["wann"], "de")
    assert covered("Hola Marta: el técnico irá pasado mañana.", ["cuándo"], "es")
    assert covered("Bonjour Paul, le remboursement arrive lundi 9 mars.", ["quand"], "fr")


@pytest.mark.parametrize("reply, lang", [
    # thanks for the message, with what it was about: the question restated, no answer
    ("Bonjour,\n\nMerci pour votre message concernant la facture d'avril. Votre abonnement reste actif.\n\nLucie", "fr"),
    ("Hi Tom,\n\nThanks for your email about the invoice. Your account is active again.\n\nSam", "en"),
    ("Hola Ana:\n\nGracias por tu consulta sobre la factura. Tu línea ya está activa.\n\nMarta", "es"),
    ("Hallo Frau Kurz,\n\nvielen Dank für Ihre Nachricht zur Rechnung. Ihr Vertrag läuft weiter.\n\nJens", "de"),
])
def test_the_question_restated_in_the_thanks_covers_nothing(reply, lang):
    points = [{"fr": "facture", "en": "invoice", "es": "factura", "de": "Rechnung"}[lang]]
    (f,) = answers.check(reply, Ctx(persona={"name": "Jane Doe", "language": lang}, must_mention=points))
    assert f.check == "answer.incomplete"


def test_the_point_answered_after_the_thanks_is_covered():
    reply = ("Bonjour,\n\nMerci pour votre message concernant la facture d'avril. Une facture rectifiée vous a été "
             "envoyée ce matin.\n\nLucie")
    (f,) = answers.check(reply, Ctx(persona={"name": "Jane Doe", "language": "fr"}, must_mention=["facture"]))
    assert f.check == "answer.complete"


def test_a_point_of_several_words_is_covered_only_when_said_together():
    reply = ("Hi Ben,\n\nI've cancelled your membership as of today. As you were charged for March after giving "
             "notice, you're due a refund.\n\nChloe")
    (f,) = answers.check(reply, Ctx(must_mention=[["cancellation fee", "cancellation charge"]]))
    assert f.check == "answer.incomplete"
    (f,) = answers.check("Hi Ben, the cancellation charge is £20. Chloe", Ctx(must_mention=[["cancellation charge"]]))
    assert f.check == "answer.complete"
    # a date or an abbreviation with a dot is no sentence's end
    (f,) = answers.check("Hallo, Ihr Vertrag endet zum 31. Mai 2026. Grüße", Ctx(
        persona={"name": "Jane Doe", "language": "de"}, must_mention=["31. Mai"]))
    assert f.check == "answer.complete"


def test_a_hyphenated_compound_covers_its_parts():
    reply = "Beste Tim,\n\nJe abonnement is aangepast naar het Flex-pakket, ingaand per je volgende factuur.\n\nBas"
    (f,) = answers.check(reply, Ctx(persona={"name": "Tim Boer", "language": "nl"}, must_mention=["Flex"]))
    assert f.check == "answer.complete"


@pytest.mark.parametrize("point, text, lang, covered", [
    # an appointment said by its everyday short form
    ("rendez-vous", "Bonjour M. Lefèvre, c'est bon pour votre RDV contrôle technique mardi à 14h30.", "fr", True),
    ("appointment", "Your appt is on Tuesday at 10:40.", "en", True),
    ("rendez-vous", "Votre colis arrive mardi.", "fr", False),
])
def test_an_appointment_by_its_short_form(point, text, lang, covered):
    assert answers.covers(point, text, lang) is covered


@pytest.mark.parametrize("point, text, lang, covered", [
    # round dq: "consulta" is a Portuguese appointment but a Spanish query
    ("cita", "En relación con su consulta sobre el padrón, le indicamos la documentación necesaria.", "es", False),
    ("marcação", "A sua consulta está marcada para dia 3.", "pt", True),
    # round dt: a point written as the start of its words; money transferred to the customer is a refund
    ("devuel", "Le hemos devuelto los 39,90 € cobrados de más.", "es", True),
    ("devuel", "Le hemos enviado la factura.", "es", False),
    ("Erstattung", "Den Warenwert haben wir Ihnen am 12. März auf das Konto DE** **** **61 07 angewiesen.", "de", True),
    ("Erstattung", "Den Warenwert haben wir am 12. März geprüft.", "de", False),
])
def test_other_words_and_word_starts_for_a_point(point, text, lang, covered):
    assert answers.covers(point, text, lang) is covered


@pytest.mark.parametrize("point, text, lang, covered", [
    # round dv: a long root the stemmer leaves apart, in a language that does not compound; not in one that does
    ("sostituire", "Le lenti le sostituiamo gratuitamente.", "it", True),
    ("Rechnungsnummer", "Bitte prüfen Sie Ihre Rechnungsadresse.", "de", False),
])
def test_a_long_shared_root(point, text, lang, covered):
    assert answers.covers(point, text, lang) is covered
