"""Language: the reply is in another language than the customer's; short or bilingual replies pass."""
import pytest

from probes.checks import CheckContext
from probes.checks.language import check


def persona(lang):
    return CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")


REPLIES = {
    "en": "Dear Jane,\n\nThank you for your message. We have checked your order and the replacement will be sent "
          "out today. You should receive it within three working days.\n\nKind regards,\nSam",
    "de": "Sehr geehrte Frau Doe,\n\nvielen Dank für Ihre Nachricht. Wir haben Ihre Bestellung geprüft und der "
          "Ersatz wird heute verschickt. Sie erhalten ihn innerhalb von drei Werktagen.\n\nMit freundlichen Grüßen",
    "fr": "Bonjour Madame,\n\nMerci pour votre message. Nous avons vérifié votre commande et le remplacement sera "
          "envoyé aujourd'hui. Vous le recevrez dans les trois jours ouvrables.\n\nCordialement,",
    "es": "Estimada Sra. Doe:\n\nGracias por su mensaje. Hemos revisado su pedido y el reemplazo se enviará hoy. "
          "Lo recibirá en un plazo de tres días hábiles.\n\nAtentamente,",
    "it": "Gentile Sig.ra Doe,\n\ngrazie per il suo messaggio. Abbiamo controllato il suo ordine e la sostituzione "
          "sarà spedita oggi. La riceverà entro tre giorni lavorativi.\n\nCordiali saluti,",
    "nl": "Beste mevrouw Doe,\n\nBedankt voor uw bericht. Wij hebben uw bestelling gecontroleerd en de vervanging "
          "wordt vandaag verstuurd. U ontvangt deze binnen drie werkdagen.\n\nMet vriendelijke groet,",
    "pt": "Prezada Sra. Doe,\n\nObrigado pela sua mensagem. Verificamos o seu pedido e a substituição será enviada "
          "hoje. Você a receberá dentro de três dias úteis.\n\nAtenciosamente,",
}
LANGS = sorted(REPLIES)


@pytest.mark.parametrize("lang", LANGS)
def test_a_reply_in_the_customers_language_is_fine(lang):
    assert check(REPLIES[lang], persona(lang)) == []


@pytest.mark.parametrize("wrote", LANGS)
@pytest.mark.parametrize("got", LANGS)
def test_a_reply_in_another_language_is_caught(wrote, got):
    if wrote == got:
        return
    found = check(REPLIES[got], persona(wrote))
    names = {"en": "English", "de": "German", "fr": "French", "es": "Spanish", "it": "Italian", "nl": "Dutch",
             "pt": "Portuguese"}
    assert [(f.check, f.severity, f.title) for f in found] == \
        [("language", "major", f"Reply in {names[got]}, but the customer writes {names[wrote]}")]
    assert found[0].snippet == [ln for ln in REPLIES[got].splitlines() if len(ln.split()) >= 3][0].strip()


CLEAN_FOR_GERMAN = [
    "OK, thanks!",                                           # too short to tell
    "Your parcel arrives tomorrow between 9 and 12.",        # SMS-length
    "Ticket #4471 received.",
    # Bilingual auto-acknowledgement: German holds its own.
    "Vielen Dank für Ihre Nachricht. Wir melden uns innerhalb von 24 Stunden bei Ihnen.\n\n"
    "Thank you for your message. We will get back to you within 24 hours.",
    # The customer's German is quoted; the reply itself is German.
    "Sehr geehrte Frau Doe, wir haben Ihre Erstattung heute veranlasst und bitten um Entschuldigung.\n\n"
    "On Mon, 3 Mar 2025, Jane Doe <jane@example.org> wrote:\n> Hello, I am writing in English for my mother.",
    # An English legal footer under a German reply.
    "Sehr geehrte Frau Doe, die Ersatzteile sind bestellt und werden Ihnen am Freitag zugestellt.\n\n"
    "This email and any attachments are confidential and intended solely for the addressee. If you have received "
    "it in error, please notify the sender and delete it from your system.",
    # A code sample and links do not count.
    "Hallo Jane, bitte führen Sie diesen Befehl aus:\n```\ncurl -X POST https://api.example.com/v1/orders --data "
    "'{\"status\": \"shipped\", \"notify\": true}'\n```\nDanach sollte es gehen.",
]


@pytest.mark.parametrize("text", CLEAN_FOR_GERMAN)
def test_short_bilingual_quoted_or_boilerplate_text_is_not_flagged(text):
    assert check(text, persona("de")) == []


def test_an_english_reply_to_a_german_customer_with_a_german_quote_is_caught():
    text = ("Dear customer,\nthank you for your email. We are looking into this and will get back to you as soon "
            "as possible.\n\nAm 3. März 2025 schrieb Jane Doe <jane@example.org>:\n> Sehr geehrte Damen und Herren, "
            "meine Bestellung ist nicht angekommen und ich warte schon seit zwei Wochen.")
    assert [f.title for f in check(text, persona("de"))] == ["Reply in English, but the customer writes German"]


def test_language_codes_with_regions_and_unknown_languages():
    assert check(REPLIES["en"], persona("de-AT"))
    assert check(REPLIES["en"], persona("pt_BR"))
    assert check(REPLIES["en"], persona("ja")) == []  # no profile: no opinion
    assert check(REPLIES["de"], CheckContext()) and check(REPLIES["en"], CheckContext()) == []  # default "en"
