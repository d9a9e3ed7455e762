"""Automatic replies told by the notification's frame (probes.checks.machine), not only by its wording."""
import pytest

from probes.answers.classify import auto_wording

MACHINE_FRAMES = [
    # a bot that names itself, with a company's possessive
    "Hello! I'm Milo, Northwind's digital assistant. A human colleague will pick this up when the desk opens.",
    "Hallo, ich bin Lotte, die virtuelle Assistentin von Stadtwerke Nord. Wie kann ich helfen?",
    # a mailbox nobody reads under a status notice
    "Your repair job RJ-20931 has been scheduled.\n\nThe mailbox that sent this email is not monitored.",
    "Votre dossier 77120 a été clôturé.\n\nCette boîte mail n'est pas surveillée, merci de ne pas y répondre.",
    # field lines and the footer that says why the message came
    "Ticket 88213 has been updated\n\nStatus: Waiting on you\nPriority: Normal\n\n"
    "You are receiving this notification because you are the requester of this ticket.",
    "Vorgang 4471 wurde aktualisiert\n\nStatus: In Bearbeitung\nBetreff: Zählerstand\n\n"
    "Sie erhalten diese E-Mail, weil Sie eine Anfrage gestellt haben.",
    # the whole company away, with an acknowledgement
    "Thank you for writing to Fenwick Books. Your email has been received. We are closed for the holidays until "
    "3 January and will answer messages in the order they were received.\n\nFenwick Books",
    "Grazie per averci scritto. La sua richiesta è stata ricevuta: siamo chiusi per ferie fino al 25 agosto e "
    "risponderemo in ordine di arrivo.",
]


@pytest.mark.parametrize("text", MACHINE_FRAMES)
def test_a_notifications_frame_shows_it_is_automatic(text):
    assert auto_wording(text)


PEOPLES_ANSWERS = [
    # a person's answer with field lines, signed by name
    "Hi Jane,\n\nI've checked the order for you:\nStatus: dispatched\nCourier: DPD\n\nThanks,\nTom",
    # a person introducing themselves (not a bot), a person mentioning the shop's closure
    "Hi Jane, I'm Sam, your account manager. I've moved your renewal to March as you asked.",
    "Hi Jane,\n\nI'm sorry for the wait: we are closed for the holidays until 3 January, but I've refunded the "
    "£20 today.\n\nBest wishes,\nPriya",
    # a single status headline with a person's answer under it
    "Order 5512 has been refunded\n\nHi Jane, I've refunded the full £49.99 to your card; it shows in 3-5 days.\n\n"
    "Kind regards,\nOmar",
]


@pytest.mark.parametrize("text", PEOPLES_ANSWERS)
def test_a_persons_answer_with_a_field_a_closure_or_a_headline_is_not_automatic(text):
    assert auto_wording(text) is None


ACKNOWLEDGEMENTS_ONLY = [
    "Thanks for contacting Brightwater Energy. Your enquiry reference is BW-55812. One of our advisers will "
    "respond within 5 working days.\n\nBrightwater Energy Customer Service",
    "Grazie per averci contattato. La sua richiesta n. 77120 è stata presa in carico. Un operatore la contatterà "
    "al più presto.\n\nServizio Clienti",
    "Obrigado pelo seu contacto. O seu pedido foi registado com o número 99120. Responderemos com a maior "
    "brevidade possível.\n\nApoio ao Cliente",
]


@pytest.mark.parametrize("text", ACKNOWLEDGEMENTS_ONLY)
def test_a_text_only_about_the_contact_itself_and_signed_by_nobody_is_automatic(text):
    assert auto_wording(text)


def test_an_acknowledgement_that_goes_on_to_answer_or_is_signed_by_a_person_is_not():
    assert auto_wording("Thanks for contacting Brightwater Energy. Your enquiry reference is BW-55812. The meter "
                        "reading you sent was wrong by a digit, so I have corrected your bill to £48.20.\n\n"
                        "Brightwater Energy Customer Service") is None
    assert auto_wording("Thanks for your message, Jane. Your reference is BW-55812. I'll respond within 2 days.\n\n"
                        "Best wishes,\nRuth Hale") is None


def test_a_mailbox_nobody_reads_under_a_persons_answer_is_a_helpdesk_footer():
    # LABELS.md: "do not reply to this email" under a personal, specific answer is not automatic
    assert auto_wording("Dear Ms Khan,\n\nI have moved your meter appointment to Thursday and told the fitter about "
                        "the side gate.\n\nPlease note: this mailbox is not monitored, so use the portal to reply."
                        "\n\nKind regards,\nGareth Lewis\nBookings Officer") is None
    assert auto_wording("Bonjour Madame Roux,\n\nJ'ai corrigé l'adresse de facturation comme demandé.\n\n"
                        "Cette boîte mail n'est pas surveillée.\n\nCordialement,\nÉlodie Marchand") is None


AWAY_IN_OWN_WORDS = [
    "Hallo!\n\nIch mache gerade zwei Wochen Urlaub in den Bergen und bin ab dem 14. März wieder für Sie da.\n\n"
    "Viele Grüße\nTim",
    "Moin,\n\nich verbringe noch ein paar Tage Urlaub auf Sylt. Ab Montag bin ich wieder erreichbar.\n\nJana",
    "Hallo,\n\nik ben van 3 tot en met 12 juni afwezig. Dringende vragen? Bel 010 555 1200.\n\nGroet,\nSanne",
    "Hoi,\n\nIk lees mijn mail niet tot maandag 4 maart. Voor spoed: info@voorbeeld.nl.\n\nDaan",
    "Ciao,\n\nnon leggo la posta fino al 10 aprile. Per urgenze scrivi a info@esempio.it.\n\nGiulia",
]


@pytest.mark.parametrize("text", AWAY_IN_OWN_WORDS)
def test_an_away_notice_in_a_persons_own_words_is_automatic(text):
    assert auto_wording(text)


@pytest.mark.parametrize("text", [
    # a person answering who mentions a holiday, the customer's or their own past one
    "Hallo Frau Berg,\n\nich habe Ihre Buchung für den Urlaub in Ihrem Namen geändert; die Bestätigung kommt per "
    "Post.\n\nViele Grüße\nTim Vogel",
    "Hoi Pieter,\n\nIk heb je afwezigheidsmelding gezien en de levering naar vrijdag verzet.\n\nGroet,\nSanne",
])
def test_a_persons_answer_that_mentions_a_holiday_is_not_automatic(text):
    assert auto_wording(text) is None


@pytest.mark.parametrize("text", [
    "👋 Hello! I'm Juno, Harbour View Hotels' virtual assistant. Ask me about bookings or type HUMAN.",
    "Bonjour ! Je suis Léa, l'assistante virtuelle de la Banque du Rhône.",
])
def test_a_bot_naming_itself_with_a_company_of_several_words_is_automatic(text):
    assert auto_wording(text)


@pytest.mark.parametrize("text, automatic", [
    # a one-time code said before its name, or shared with nobody as "it"
    ("Banco Norte: 493021 is your code to approve the payment of 59.90 EUR. Don't share it with anyone.", True),
    ("SwiftPay: 228104 ist dein Bestätigungscode. Gib ihn niemandem weiter.", True),
    ("PayFlux : 661203 est votre code de validation. Ne le communiquez à personne.", True),
    ("Banca Sole: 731905 è il tuo codice per l'accesso. Non condividerlo con nessuno.", True),
    # under a sender's name, one datum nobody types is enough
    ("PostaBox: la tua spedizione è nel locker di Via Roma 12. Codice di sblocco: 448120. Ritira entro 2 giorni.", True),
    ("Parcelbox: your parcel is in locker 14 at Station Road. Collection code: 882014.", True),
    # no sender, or only a campaign's keyword, or a person
    ("Code: 482913", False),
    ("Acme: Your sofa comes on Thursday between 8 and 12. Reply STOP to opt out.", False),
    ("Hi Tom, your collection code is 882014, the locker is by the station. Sam", False),
])
def test_a_systems_code_under_its_senders_name_is_a_text_notice(text, automatic):
    assert bool(auto_wording(text)) is automatic


def test_a_merchant_named_in_capitals_is_no_portuguese_eu():
    assert auto_wording("BBank: 583021 es tu código para pagar 12,00 EUR en SHOP EU. No lo compartas con nadie.")


@pytest.mark.parametrize("text, automatic", [
    # an acknowledgement headed by its name, in every language (round dj)
    ("Automatische Eingangsbestätigung\n\nHallo,\nvielen Dank für Ihre Nachricht. Wir melden uns.", True),
    ("Accusé de réception automatique\n\nBonjour, nous avons bien reçu votre message.", True),
    ("Acuse de recibo automático\n\nHola, hemos recibido su mensaje.", True),
    ("Conferma di ricezione automatica\n\nBuongiorno, abbiamo ricevuto il suo messaggio.", True),
    ("Automatische ontvangstbevestiging\n\nBeste klant, we hebben uw bericht ontvangen.", True),
    ("Confirmação de receção automática\n\nOlá, recebemos a sua mensagem.", True),
    # … not one a person mentions
    ("Hallo Frau Doe, Sie erhalten gleich eine automatische Eingangsbestätigung, ich melde mich dann morgen. Jens",
     False),
])
def test_an_acknowledgement_headed_by_its_name_is_automatic(text, automatic):
    assert bool(auto_wording(text)) is automatic


@pytest.mark.parametrize("text, automatic", [
    # round ds/dt: a mailbox not read for some things only, a car park closed, a person signing above the footer or
    # speaking in the first person through its verb ("le confermo")
    ("Dear Mrs Ellison,\n\nYou are eligible again. We are running walk-in clinics on Saturday.\n\nNote: the car park "
     "behind the surgery is closed until the end of the month.\n\nKind regards,\n\nHelen Barker\nPractice "
     "Administrator\n\n---\nThis mailbox is not monitored for urgent clinical matters.", False),
    ("Beste meneer Van den Berg,\n\nUw pakket is vanochtend aangekomen in ons depot in Kontich.\n\nMet vriendelijke "
     "groet,\n\nFemke Peeters\nKlantenservice PakketPunt\n\n--\nDit e-mailadres wordt niet gelezen.", False),
    ("Gentile sig.ra Lombardi,\n\nle confermo la prenotazione della visita.\n\nData: giovedì 23 gennaio, ore 11:20\n\n"
     "Cordiali saluti,\nUfficio Prenotazioni\n\nQuesta casella di posta non è presidiata.", False),
    ("Your parcel has been delivered.\n\nThis mailbox is not monitored.", True),
])
def test_a_mailbox_not_read_for_some_things_or_under_a_signed_answer(text, automatic):
    assert bool(auto_wording(text)) is automatic
