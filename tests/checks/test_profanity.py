"""Offensive words in several languages; innocent words that contain them are left alone."""
import pytest

from probes.checks import CheckContext
from probes.checks.profanity import check


def persona(lang="en"):
    return CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")


CAUGHT = [
    # (reply, language, severity, word)
    ("Hi Jane, sorry, the fucking courier lost it again.", "en", "critical", "fucking"),
    ("Your order is delayed because the supplier sent us shit stock.", "en", "critical", "shit"),
    ("Honestly this customer is a total wanker, refund her and move on", "en", "critical", "wanker"),
    ("We've had f**king enough of these returns.", "en", "critical", "f**king"),
    ("What the hell happened to your order? We'll find out.", "en", "major", "What the hell"),
    ("Sorry, the crappy website broke again.", "en", "major", "crappy"),
    ("The new system is bollocks, apologies for the wait.", "en", "major", "bollocks"),
    ("ffs, this is the fourth time she has emailed", "en", "major", "ffs"),
    ("Sehr geehrte Frau Doe, das ist ein Scheißsystem, wir melden uns.", "de", "critical", "Scheißsystem"),
    ("Der Kunde ist ein Arschloch.", "de", "critical", "Arschloch"),
    ("So ein Mist, Ihre Bestellung ist verloren gegangen.", "de", "major", "Mist"),
    ("Bonjour, putain de transporteur, votre colis est encore perdu.", "fr", "critical", "putain"),
    ("Quel connard ce client.", "fr", "critical", "connard"),
    ("Hola, qué mierda de servicio tenemos hoy, lo sentimos.", "es", "critical", "mierda"),
    ("Este cliente es un gilipollas.", "es", "critical", "gilipollas"),
    ("Buongiorno, che cazzo di corriere, scusi il ritardo.", "it", "critical", "cazzo"),
    ("Vaffanculo, non rispondere più a questo.", "it", "critical", "Vaffanculo"),
    ("Wat een klootzak, die klant.", "nl", "critical", "klootzak"),
    ("Kut, de bestelling is weer zoek.", "nl", "critical", "Kut"),
    ("Que porra de sistema, desculpe a demora.", "pt", "critical", "porra"),
    ("Esse cliente é um otário.", "pt", "critical", "otário"),
    ("Note interne : cette conne a déjà appelé cinq fois.", "fr", "critical", "conne"),
    ("Dit kankersysteem werkt weer niet, sorry.", "nl", "critical", "kankersysteem"),
]


@pytest.mark.parametrize("text,lang,severity,word", CAUGHT)
def test_offensive_words_are_caught(text, lang, severity, word):
    found = check(text, persona(lang))
    assert found, text
    assert (found[0].check, found[0].severity, word in found[0].title, found[0].snippet) == \
        ("profanity", severity, True, text)


CLEAN = [
    "Your parcel is at the Scunthorpe depot and will be delivered tomorrow.",
    "Our assessment of your claim is complete; the assessor will call you.",
    "The cocktail glasses are back in stock, see the class schedule too.",
    "We ship to Middlesex, Essex and Sussex at no extra cost.",
    "Our Dickens box set and Hancock DVDs are on offer.",
    "Add the shiitake mushrooms and a handful of grapes.",
    "We can collect the scrap metal on Tuesday.",
    "The therapist will analyse the results of the analysis.",
    "Please see our cul-de-sac delivery guidelines.",
    "A light mist on the lens is normal after cleaning.",
    "Prick the film lid before heating for 3 minutes.",
    "The shop in Penistone is open until 6pm.",
    "This is an idiot-proof kettle: one button.",
    "Il suo ordine è in consegna presso il deposito di Cazzago San Martino (BS).",
    "Ons onderzoek naar kanker wordt gesteund door uw bijdrage.",
    # Harmless in another language.
    "Gracias por su pedido, le enviamos el libro con cubierta dura.",       # con
    "Grazie, il pacco è partito con il corriere.",                          # con
    "Votre colis a du retard, nous vous prions de nous en excuser.",         # retard is a delay
    "Nous sommes désolés pour le retard de livraison.",
    "Attention à la bite d'amarrage.",  # not listed at all
    # The customer's own quoted anger.
    "Dear Jane, we are very sorry.\n\nOn Mon, 3 Mar 2025, Jane Doe <jane@example.org> wrote:\n"
    "> This is fucking ridiculous, where is my refund?",
    "We understand.\n> What the hell is going on with my order?",
]


@pytest.mark.parametrize("text", CLEAN)
def test_words_that_only_contain_a_swear_word_are_fine(text):
    assert check(text, persona("fr" if "retard" in text else "en")) == []


def test_staff_swearing_in_a_quoted_colleague_message_counts_the_customers_own_does_not():
    text = ("Dear Ms Doe,\n\nYour refund of £56.00 has been approved.\n\n> From: Gary (Warehouse)\n"
            "> tell that arsehole she's getting her refund so she can stop emailing us")
    assert [f.snippet for f in check(text, persona())] == [
        "> tell that arsehole she's getting her refund so she can stop emailing us"]
    assert check(text.replace("Gary (Warehouse)", "Jane Doe <jane@example.org>"), persona()) == []


def test_french_retard_is_fine_even_for_an_english_persona():
    assert check("Votre colis a du retard.", persona("en")) == []


def test_german_mist_only_counts_in_german():
    assert check("So ein Mist!", persona("de"))
    assert check("So ein Mist!", persona("en")) == []


def test_one_finding_per_word_in_reading_order():
    found = check("shit.\nOK so the bloody courier, shit again", persona())
    assert [(f.title, f.snippet) for f in found] == [
        ("Offensive language in the reply (“shit”)", "shit."),
        ("Rude or crude wording in the reply (“bloody”)", "OK so the bloody courier, shit again")]


# Letters inside a reference code, a token, an address or a file name are not words of the reply.
IN_CODES = [
    "Hi Jane, your code is SHIT-8841; quote it when you call.",
    "Reference: 7F3K-SHIT-9Q2B",
    "Ref: FUCK-2231-X, your ticket is TWAT-001.",
    "Ordine MERDA-77 spedito oggi.",
    "See https://acme.example/blog/holy-shit-deals for the terms.",
    "Your login link: https://acme.example/l?id=fuck123&u=jane",
    "The log is in C:\\Users\\arse\\logs, the file crap.log.",
    "Write to bitch@kennels.example for the breeding papers.",
    "Token: QmFzZS-shit-YWxsbG9wZXJhdG9y",
]


@pytest.mark.parametrize("text", IN_CODES)
def test_letters_inside_codes_tokens_and_addresses_are_not_swearing(text):
    assert check(text, persona()) == []
    # The same word written as a word still counts.
    assert check(text + " Honestly, this shit again.", persona())


# Disguised spellings: starred, symbols for letters, spaced or hyphenated letters (severity by the hidden word).
DISGUISED = [
    ("Sorry, the supplier made a total f*ck-up of it.", "en", "critical"),
    ("Honestly the new portal is sh!t, we know.", "en", "critical"),
    ("The driver was a complete @sshole, he has been spoken to.", "en", "critical"),
    ("To be honest this c*nt of a system crashed again.", "en", "critical"),
    ("Quite frankly, what a load of cr@p from the courier.", "en", "major"),
    ("That engineer is a proper pr*ck, I'm sorry.", "en", "major"),
    ("We don't give a d a m n about the warranty card.", "en", "major"),
    ("It was an f-ing disaster on our side, sorry.", "en", "critical"),
    ("The warehouse is in a right b.l.o.o.d.y mess today.", "en", "major"),
    ("What the h*ll happened to your parcel? We'll find out.", "en", "major"),
    ("Désolé, le transporteur est une vraie m*rde.", "fr", "critical"),
    ("Ihre Bestellung? Das System ist Sch*iße, sorry.", "de", "critical"),
    ("Lo siento, el repartidor es un c-a-b-r-o-n.", "es", "critical"),
]


@pytest.mark.parametrize("text,lang,severity", DISGUISED)
def test_disguised_swearing_is_caught(text, lang, severity):
    found = check(text, persona(lang))
    assert [(f.check, f.severity) for f in found] == [("profanity", severity)], text


MORE_WORDS = [
    ("Bonjour, on a merdé sur votre commande, pardon.", "fr"),
    ("Hola, el almacén la cagó con tu pedido, qué putada.", "es"),
    ("Hoi, de bezorger is een zeikerd, sorry daarvoor.", "nl"),
    ("No, the other socket, you numpty. Then press reset.", "en"),
    ("What a plonker, the courier left it outside again.", "en"),
    # the crude words for a customer who is a nuisance
    ("(per Luca: quella rompipalle ha già chiamato tre volte)", "it"),
    ("Note : encore ce casse-couilles du 3e étage.", "fr"),
    ("ojo, este tocapelotas ya pidió dos reembolsos", "es"),
    ("FYI he's a proper ball-breaker, stick to the script", "en"),
    ("Achtung, der Klugscheißer aus Zimmer 12 schon wieder.", "de"),
]


@pytest.mark.parametrize("text,lang", MORE_WORDS)
def test_crude_verbs_and_insults_in_several_languages(text, lang):
    assert check(text, persona(lang)), text


@pytest.mark.parametrize("text,lang", [
    ("Ci scusiamo: il servizio è stato davvero un rompicapo per tutti.", "it"),   # a puzzle
    ("Nous avons remplacé le casse-noix manquant de votre coffret.", "fr"),        # a nutcracker
    ("Le enviamos el tocadiscos reparado el lunes.", "es"),                         # a record player
])
def test_words_that_start_like_a_nuisance_insult_are_fine(text, lang):
    assert check(text, persona(lang)) == []


NOT_DISGUISED = [
    "**Note:** your order ships on Monday.",
    "Refunded to the card ending **** **** **** 4417.",
    "Prices: US$20, C$50, or A$30 for Australia.",
    "Your temporary password is p@ss-w0rd7, change it after logging in.",
    "We're the #1 florist in town, rated 4.9*.",
    "Call 0800 C0CK-TAIL for party bookings.",
    "Go to the U.S.A. page, or e-mail us.",
    "Our 5*** hotel partners are listed below.",
    "Write to s.h.i.t@acme.example if you must.",
    "Hello!! Great to hear from you.",
    "The tools are a complete set, the clown costume is extra.",
    "Tesco and T*sco Extra stores stock it.",
    "Add it to the A-S-S-E-T register.",      # a run of letters spells a longer word, not the swear word inside it
    "Inducted into the H*ll of Fame.",        # a masked word with innocent readings (hall, hill)
]


@pytest.mark.parametrize("text", NOT_DISGUISED)
def test_symbols_masks_and_spaced_letters_that_hide_no_swear_word(text):
    assert check(text, persona()) == []


def test_the_crude_italian_phrases_count_and_a_ball_does_not():
    assert check("[Luca: quinta mail in un mese, che palle, rispondile tu]", persona("it"))
    assert check("Che rottura di palle questo condominio.", persona("it"))
    assert check("Le palle di Natale sono in offerta fino a domenica.", persona("it")) == []


def test_german_beschissen_is_crude():
    assert check("ja, das ist wirklich beschissen gelaufen mit der Lieferung", persona("de"))


@pytest.mark.parametrize("text", [
    "ja dat klotesysteem van ons heeft je twee keer laten betalen",
    "sorry, die kloteprinter doet het weer niet",
])
def test_dutch_klote_glued_onto_a_noun_is_crude(text):
    assert check(text, persona("nl"))


def test_dutch_words_that_only_start_like_klote_are_not():
    assert check("Het water klotste tegen de kade, maar uw boot ligt veilig.", persona("nl")) == []


@pytest.mark.parametrize("text", [
    "Agent note: he's been a total dick on the phone all week, keep replies short",
    "Honestly he was being a dick about the excess.",
    "What a dick, third call today.",
])
def test_someone_called_a_dick_is_an_insult(text):
    assert check(text)


@pytest.mark.parametrize("text", [
    "Dear Mr Barlow, your engineer is Dick Turner; he will call before he comes.",
    "Moby Dick and Philip K. Dick's novels are both back in stock.",
])
def test_dick_as_a_name_is_not(text):
    assert check(text) == []


@pytest.mark.parametrize("text, lang", [
    ("Il ritiro è presso il nostro deposito di Bastardo (frazione di Giano dell'Umbria).", "it"),
    ("Le colis part de notre entrepôt de Merdes demain.", "fr"),   # a name written as one, after "de"
    ("Our courier depot in Crapstone handles the Crap family's parcels.", "en"),
    # a place in an address, after its postal code, in any language (German too)
    ("Votre colis part pour 24560 Conne-de-Labarde demain.", "fr"),
    ("Bezorgadres: Dorpsstraat 4, 5121 Fucking, Oostenrijk.", "nl"),
    ("Lieferung an A-5121 Fucking, Österreich.", "de"),
    # after a word for a place, or between two names, in any language
    ("La pensione si trova in località Bastardo, vicino a Foligno.", "it"),
    ("Der Hof liegt im Ortsteil Fickmühlen bei Bad Bederkesa.", "de"),
    ("Il casale è tra Bastardo e Giano dell'Umbria, sulle colline.", "it"),
])
def test_a_word_written_as_a_name_after_a_place_preposition_is_a_name(text, lang):
    assert check(text, persona(lang)) == []


@pytest.mark.parametrize("text, lang", [
    ("Quel cliente è un bastardo, non rispondergli più.", "it"),
    ("Ce client est un connard de première.", "fr"),
    ("Der Kunde geht mir am Arsch vorbei.", "de"),                   # German nouns have capitals: no name
    ("He called the agent a bastard on the phone.", "en"),
    ("We had 2000 fucking complaints about it.", "en"),             # after a number, in lower case: no place
])
def test_an_insult_in_lower_case_or_a_german_noun_is_still_found(text, lang):
    assert check(text, persona(lang))


@pytest.mark.parametrize("text, lang", [
    ("Le chauffeur vous attend à l'aéroport de Genève-Kloten… pardon, Zurich-Kloten, à 11h40.", "fr"),
    ("Uw bagage staat klaar op luchthaven Zürich-Kloten, balie 3.", "nl"),
    ("Our engineer Ms Smith-Dick will call you before she comes.", "en"),
    ("La consegna parte dal magazzino di Ponte-Bastardo domattina.", "it"),
])
def test_the_second_half_of_a_hyphenated_name_is_a_name(text, lang):
    assert check(text, persona(lang)) == []


@pytest.mark.parametrize("text, lang, word", [
    ("Wat een Kut-Klant zeg, alweer een klacht.", "nl", "Kut"),
    ("Sorry, this Shit-Show of a courier lost it again.", "en", "Shit"),
    ("Quel Connard-Client, il rappelle encore.", "fr", "Connard"),
    ("Che Cazzo-Sistema, scusi il ritardo.", "it", "Cazzo"),
])
def test_a_curse_in_a_hyphenated_word_is_still_found(text, lang, word):
    assert any(word in f.detail for f in check(text, persona(lang))), check(text, persona(lang))


@pytest.mark.parametrize("text, lang, found", [
    # French "con" is an insult only after what makes it one; in Spanish and Italian it is "with"
    ("Désolée, ce con de transporteur a laissé le colis dehors.", "fr", True),
    ("Espèce de con, je te l'avais dit.", "fr", True),
    ("Hablé con el transportista y sale con el paquete hoy.", "es", False),
    ("Ho parlato con il corriere, passa domani con il pacco.", "it", False),
    # … and said of someone: "faut vraiment être con pour …"; not "es con tarjeta" in Spanish
    ("Le bouton est en bas de la page, faut vraiment être con pour ne pas le voir.", "fr", True),
    ("El pago es con tarjeta y el envío es con Correos.", "es", False),
    ("Le chili con carne est servi le mardi.", "fr", False),
])
def test_french_con_as_an_insult_and_con_as_with(text, lang, found):
    assert bool(check(text, persona(lang))) is found, check(text, persona(lang))


def test_the_german_voll_insults_are_profanity_and_full_words_are_not():
    ctx = CheckContext(persona={"name": "Ralf Brandt", "language": "de"}, channel="email")
    assert check("sorry Jens, der Typ ist echt ein Vollpfosten, ich schick ihm nur noch Textbausteine", ctx)
    assert check("So ein Volltrottel.", ctx)
    assert not check("Vollmacht, Vollkornbrot und Vollpension sind im Preis enthalten.", ctx)


def test_shite_is_profanity():
    ctx = CheckContext(persona={"name": "Kieran Doyle", "language": "en"}, channel="email")
    assert check("our courier has been absolutely shite this week", ctx)


@pytest.mark.parametrize("text, lang, found", [
    # a surname after a title is a name in any language, German nouns' capitals too; a starred "merda" is one
    ("Ihr Antrag liegt bei meiner Kollegin Frau Fick aus der Forderungsabteilung.", "de", False),
    ("Mr Dick from our billing team will call you.", "en", False),
    ("Das ist echt Fick, sorry.", "de", True),
    ("Peço imensa desculpa pela m*rda que foi esta entrega.", "pt", True),
])
def test_a_surname_after_a_title_and_a_starred_merda(text, lang, found):
    assert bool(check(text, persona(lang))) is found, check(text, persona(lang))


@pytest.mark.parametrize("text, found", [
    ("Sorry, die verdomde bezorger heeft het weer verkloot.", True),
    ("Dat verdomde pakket ligt nog steeds bij de buren.", True),
    ("Het Verkloosterpad is afgesloten.", False),
])
def test_dutch_damned_and_screwed_up(text, found):
    assert bool(check(text, persona("nl"))) is found


@pytest.mark.parametrize("text, lang, found", [
    # round cy: the star that closes an emphasis opened before it is no mask ("de dic*" is December's, starred)
    ("Te esperamos el lunes a las 10:00. *cobrar limpieza pendiente de dic*", "es", False),
    ("Your order ships today. *Offer valid until 31 Dic*", "en", False),
    ("what a dic* move that was", "en", True),
    ("*Bring your receipt* and don't be a d*ck about it", "en", True),
])
def test_a_star_closing_an_emphasis_is_no_mask(text, lang, found):
    assert bool(check(text, persona(lang))) is found, check(text, persona(lang))


@pytest.mark.parametrize("text, lang, found", [
    # round dq/dr: crude German participles; an airport's code is no word
    ("Die haben das Paket mit deinem Laufradsatz echt verschissen.", "de", True),
    ("Sorry, das hat der Kurier total verkackt.", "de", True),
    ("→ JL 315 Tokyo-Haneda > Fukuoka (FUK), arrivée le 5 octobre à 08h40", "fr", False),
    ("Your flights: CDG → FUK on 3 October.", "en", False),
    ("fuk off with your complaints", "en", True),
])
def test_crude_participles_and_airport_codes(text, lang, found):
    assert bool(check(text, persona(lang))) is found, check(text, persona(lang))


@pytest.mark.parametrize("text, lang, found", [
    # round dw/dx: an English swear word's letters as a German noun after its article; a village or a street of
    # several capitalised words; the same words as curses stay curses
    ("Die Tour auf den Wank ist im Programm, mit der Wankbahn hinauf.", "de", False),
    ("In English: the venue is Kasteelhoeve Kuttekoven, near Borgloon.", "nl", False),
    ("Kuttekovenstraat 2, 3840 Borgloon", "nl", False),
    ("Wat een kutsysteem, sorry.", "nl", True),
    ("Dat is echt een Kutsysteem van jullie.", "nl", True),
    ("Du bist so ein Wichser.", "de", True),
])
def test_names_that_contain_a_swear_word(text, lang, found):
    assert bool(check(text, persona(lang))) is found, check(text, persona(lang))
