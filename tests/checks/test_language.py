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
    assert check(REPLIES["en"], persona("ja"))[0].title == "Reply in English, but the customer's language is ja"
    assert check(REPLIES["de"], CheckContext()) and check(REPLIES["en"], CheckContext()) == []  # default "en"


# Customers whose language we have no profile for: a reply plainly and only in one of ours is caught.
OTHER_LANGUAGES = {
    "pl": "Dzień dobry, dziękujemy za wiadomość. Państwa zamówienie zostało wysłane i dotrze jutro. W razie "
          "pytań prosimy o kontakt z naszym działem obsługi klienta.",
    "ro": "Bună ziua, vă mulțumim pentru mesaj. Comanda dumneavoastră a fost expediată astăzi și va ajunge mâine. "
          "Dacă aveți întrebări, vă rugăm să contactați echipa noastră de asistență.",
    "sv": "Hej, tack för ditt meddelande. Din beställning har skickats i dag och kommer fram i morgon. Om du har "
          "frågor är du välkommen att kontakta vår kundtjänst.",
    "gl": "Bos días, grazas pola súa mensaxe. O seu pedido foi enviado hoxe e chegará mañá. Se ten algunha "
          "dúbida, póñase en contacto co noso equipo de atención ao cliente.",
    "af": "Goeie môre, dankie vir u boodskap. U bestelling is vandag gestuur en sal môre aankom. As u enige vrae "
          "het, kontak asseblief ons kliëntediens span.",
    "ca": "Bon dia, gràcies pel vostre missatge. La comanda s'ha enviat avui i arribarà demà. Si teniu cap pregunta, "
          "poseu-vos en contacte amb el nostre equip d'atenció al client.",
    "el": "Καλημέρα σας, ευχαριστούμε για το μήνυμά σας. Η παραγγελία σας στάλθηκε σήμερα και θα φτάσει αύριο.",
}


@pytest.mark.parametrize("lang,got", [("pl", "en"), ("hi", "en"), ("ro", "fr"), ("sv", "fr"), ("tr", "es"),
                                      ("ja", "pt"), ("gl", "en"), ("ca", "nl")])
def test_a_reply_plainly_in_one_of_ours_to_a_customer_of_another_language_is_caught(lang, got):
    (f,) = check(REPLIES[got], persona(lang))
    assert f.title.startswith("Reply in ") and f.title.endswith(f"but the customer's language is {lang}")


@pytest.mark.parametrize("lang", sorted(OTHER_LANGUAGES))
def test_a_reply_in_a_language_we_have_no_profile_for_is_left_alone(lang):
    # In the customer's own language, in a close relative of one of ours, or bilingual with theirs.
    assert check(OTHER_LANGUAGES[lang], persona(lang)) == []
    assert check(OTHER_LANGUAGES[lang] + "\n\n" + REPLIES["en"], persona(lang)) == []


def test_a_close_relative_of_one_of_ours_is_not_told_it_got_the_wrong_language():
    assert check(REPLIES["pt"], persona("gl")) == []
    assert check(REPLIES["nl"], persona("af")) == []
    assert check(REPLIES["es"], persona("ca")) == []
    assert check("OK, thanks, see you soon!", persona("pl")) == []   # too short to tell
