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
    # Xs where a number was never filled in
    ("Good news, your order XXXX has been dispatched.", "XXXX"),
    ("Your refund of £XX.XX is on its way.", "£XX.XX"),
    ("Your appointment is on XX/XX/XXXX at 10:00.", "XX/XX/XXXX"),
    # field names in other languages
    ("Sehr geehrte/r [Anrede] [Nachname],", "[Anrede]"),
    ("Hallo {vorname}, Ihr Paket kommt heute.", "{vorname}"),
    ("Hola [nombre]:", "[nombre]"),
    ("Estimado/a [nombre del cliente], gracias.", "[nombre del cliente]"),
    ("Gentile <Nome Cliente>,", "<Nome Cliente>"),
    ("Ciao ${nome}, sono Luca.", "${nome}"),
    ("Hoi [voornaam], je bestelling ligt klaar.", "[voornaam]"),
    ("Bonjour {{prenom}},", "{{prenom}}"),
    ("Bonjour [Prénom],", "[Prénom]"),
    ("Olá [primeiro nome],", "[primeiro nome]"),
    ("Sehr geehrte Frau [Name des Kunden],", "[Name des Kunden]"),
    ("Your order [Order No] has shipped.", "[Order No]"),
    ("Your files are in C:\\Users\\Jane, hi %USERNAME%!", "%USERNAME%"),
]
CLEAN = [
    "The kettle costs [£20] in the sale.",
    "See the warranty terms [1] for details.",
    "Use the regex \\d{4} to match the year.",
    "if (ready) { return order; }",
    "Total: $20 including VAT.",
    "Dear Jane, thank you for your message (ref NW-1042).",
    "We are 100% sure that 50% off applies.",
    # masked card numbers and other deliberate masks
    "We refunded £129.00 to your card XXXX XXXX XXXX 4417 today.",
    "The card ending XXXX-4417 has been removed.",
    "Card: **** **** **** 4417, account XXXXXX12.",
    "Tickets for Super Bowl XXX are sold out.",
    # prices, footnotes, labels, regexes, money and percentages in other languages
    "Das Ersatzteil kostet 18,90 € [inkl. MwSt., zzgl. 4,95 € Versand].",
    "Cliquez sur [Mes commandes], puis sur [Télécharger la facture].",
    "Il campo accetta l'espressione regolare ^[A-Z]{2}\\d{6}$ per i codici.",
    "The pattern [0-9]{5} matches a postcode; [a-z]+ matches letters.",
    "It costs $20, or $15 for members, and 50% off in May.",
    "Reply [YES] to confirm or [NO] to cancel.",
    "[image: Hollis & Finch logo] Your invoice is attached. [attachment: invoice.pdf]",
    "You can start the return here: [Returns portal](https://help.example/returns).",
    # Windows environment variables the customer has to type
    "Paste %APPDATA%\\Tallyspan\\logs into the address bar.",
    "Open %LOCALAPPDATA% and delete the cache folder.",
    "Look in C:\\Users\\%USERNAME%\\Documents for the file.",
    # an HTML element and placeholders the reply talks about
    "Put the shop name in <title>My Shop</title> on the home page.",
    "Replace {order_id} with the id from the create-order response.",
    "Use the {{first_name}} tag wherever the name should appear.",
    "Type `%FIRSTNAME%` into the subject line to personalise it.",
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


def test_a_placeholder_shown_as_code_is_not_flagged_where_the_reply_explains_it():
    text = ("Hi Jane,\n\nIn the editor, type `{{first_name}}` where the name goes, for example "
            "\"Hello {{first_name}}, your order is ready\".\n\nCheers,\nRuth")
    assert check(text) == []


def test_code_samples_are_not_read_as_prose():
    text = ("Hi Jane,\n\nEach request needs your key:\n\n"
            "    curl -H \"Authorization: Bearer $API_KEY\" https://api.example/v2/orders/{order_id}\n\n"
            "```\nconst greeting = `Hi ${name}`;\n```\n\n"
            "Then pass {order_id} from the create-order response.\n\nThanks,\nMateo")
    assert check(text) == []


def test_the_same_placeholder_outside_code_is_still_caught():
    text = "Hi {{first_name}},\n\nyour order {order_number} ships today.\n\n```\nprint('{{other}}')\n```"
    assert [f.title for f in check(text)] == ["Unreplaced placeholder {{first_name}}",
                                              "Unreplaced placeholder {order_number}"]


def test_the_customers_quoted_message_is_not_the_companys_placeholder():
    text = ("Hi Jane,\n\nSorry about that email, our template broke. It is fixed now.\n\nBest,\nOwen\n\n"
            "On Tue, 4 Mar 2025 at 10:02, Jane Doe <jane@example.com> wrote:\n"
            "> Why did your last email start with \"Dear [name]\"?")
    assert check(text, CheckContext(persona={"name": "Jane Doe"}, channel="email")) == []
    assert check("Dear [name],\n\nthanks.\n\n> Dear [name] again?") != []


def test_xxxx_in_a_signature_or_greeting_is_caught():
    assert [f.title for f in check("Hi Jane,\nyour booking is confirmed.\nKind regards,\nXXXX")] == [
        "Unreplaced placeholder XXXX"]


# Any bracket shape and any field name: what makes bracketed text a field is its shape, not a list of names.
ANY_SHAPE = [
    ("Dear [Pet Name], thanks for registering.", "[Pet Name]"),
    ("Dear [Your Name], thanks for your order.", "[Your Name]"),
    ("Your case <<CaseNumber>> is open.", "<<CaseNumber>>"),
    ("Your policy [PolicyNumber] renews today.", "[PolicyNumber]"),
    ("Your car <VEHICLE_REG> is ready for collection.", "<VEHICLE_REG>"),
    ("Your delivery slot is [Delivery Date].", "[Delivery Date]"),
    ("Hi {city} shoppers, the store is open.", "{city}"),
    ("Wir liefern an [Lieferadresse].", "[Lieferadresse]"),
    ("Die Lieferung kommt am [Datum der Lieferung].", "[Datum der Lieferung]"),
    ("Bonjour, votre dossier [Code Dossier] est ouvert.", "[Code Dossier]"),
    ("Estimado [Nombre y Apellidos]:", "[Nombre y Apellidos]"),
    ("Gentile cliente, la pratica [codice pratica] è aperta.", "[codice pratica]"),
    ("Olá [nome do titular], obrigado.", "[nome do titular]"),
]


@pytest.mark.parametrize("text,placeholder", ANY_SHAPE)
def test_fields_of_any_name_in_any_bracket_shape_are_caught(text, placeholder):
    assert [f.title for f in check(text)][:1] == [f"Unreplaced placeholder {placeholder}"]


# Each pair: a field, and bracketed text of the same shape that says something.
PAIRS = [
    ("[Pet Name] Hello, your order shipped.", "[Acme Support] Hello Jane, your order shipped."),
    ("Your policy [PolicyNumber] renews today.", "Our [PayPal] and [iPhone] guides are online."),
    ("Your car <VEHICLE_REG> is ready.", "Press <Enter>, then <Settings>, or visit [acme.com]."),
    ("Wir liefern an [Lieferadresse].", "[EXTERNAL] [Update] Ihre Bestellung ist unterwegs."),
    ("Bonjour, votre dossier [Code Dossier] est ouvert.", "Bonjour Jane, cliquez sur [Mon compte]."),
    ("Dear [Store Address] team, hello.", "Hi Jane, use [Track Order], then [Account Settings]."),
    ("Hi {city} shoppers, pick a size.", "Hi Jane, pick one of {Small, Medium, Large}."),
    ("Olá [nome do titular], obrigado.", "Olá Jane, clique em [Meus pedidos]."),
    # a branch left unfilled in angle brackets or capitals; a link's label in a plain-text rendering is not
    ("Optik Wendland: Ihre Brille liegt in der Filiale <FILIALE> zur Abholung bereit.",
     "Hi Jane, your glasses are ready. [Shop] [Help]"),
    ("Recoja su pedido en la tienda [TIENDA].", "Hola Jane, visita nuestra [Tienda] online."),
]


@pytest.mark.parametrize("field,prose", PAIRS)
def test_fields_are_told_from_labels_brands_and_tags_in_brackets(field, prose):
    assert check(field), field
    assert check(prose) == []


def test_a_format_shown_with_the_customers_own_value_is_not_a_placeholder():
    assert check("Für künftige Zahlungen geben Sie bitte im Verwendungszweck {Kundennummer}-{Rechnungsnummer} an, bei "
                 "Ihnen also 100234-RE5521.") == []
    assert check("Please quote [Customer No]/[Invoice No] on your transfer, in your case 100234/RE5521.") == []
    # not the letter's own greeting, nor a field with nothing of the customer's after it
    assert check("Hallo {Vorname}, bei Ihnen also 100234.")
    assert check("Bitte geben Sie {Kundennummer} an.")


def test_a_field_label_the_reply_points_at_is_not_a_placeholder():
    # The same brackets as a greeting are a template that broke.
    assert check("Hola [Fecha de nacimiento], gracias por escribirnos.")
    assert check("Hola Lucía, el campo [Fecha de nacimiento] es opcional.") == []
    assert check("Bonjour Jane, remplissez le champ [Nom de famille] puis validez.") == []
    assert check("Hi Jane, enter your [Postcode] and tap Go.") == []
    assert check("Hi Jane, the {Premium} plan and {Basic} plan both include it.") == []


@pytest.mark.parametrize("text,placeholder", [
    ("Dear %first name%, thanks for your order.", "%first name%"),
    ("Hi <%= first_name %>, welcome back.", "<%= first_name %>"),
    ("Hi ((first_name)), welcome back.", "((first_name))"),
    ("Hi @@name@@, welcome back.", "@@name@@"),
    ("Hi __FIRST_NAME__, welcome back.", "__FIRST_NAME__"),
])
def test_other_template_syntaxes_are_caught_but_not_their_look_alikes(text, placeholder):
    assert [f.title for f in check(text)] == [f"Unreplaced placeholder {placeholder}"]
    assert check("Save 20% on shoes and 10% on bags; use the ((double)) hooks. In Python, __init__ runs first.") == []


# Xs where a reference was never filled in, in groups too; a fully masked number says what it masks.
@pytest.mark.parametrize("text,placeholder", [
    ("Your reference number is XXXX-XXXX. Payments start on the 15th.", "XXXX-XXXX"),
    ("Il numero della sua pratica è XXXX XXXX, lo conservi.", "XXXX XXXX"),
    ("Ihre Vorgangsnummer lautet XXXXXX.", "XXXXXX"),
])
def test_grouped_xs_where_a_reference_should_be_are_caught(text, placeholder):
    assert [f.title for f in check(text)] == [f"Unreplaced placeholder {placeholder}"]


@pytest.mark.parametrize("text", [
    "The card XXXX XXXX XXXX XXXX has been blocked and a new one is on its way.",
    "Die Karte mit der Nummer XXXX-XXXX wurde gesperrt.",
    "Your new PIN: XXXX will arrive by post in a separate letter.",
    "Le compte se termine par XXXX-1234.",
])
def test_a_masked_card_pin_or_password_is_not_a_placeholder(text):
    assert check(text) == []


# A filler left in capitals where a value belongs, in the languages we check.
@pytest.mark.parametrize("text,placeholder", [
    ("Our engineer will visit on INSERT DATE between 8am and 12pm.", "INSERT DATE"),
    ("Dear CUSTOMER NAME HERE,\nthanks for your order.", "CUSTOMER NAME HERE"),
    ("Ihr Termin ist am DATUM EINFÜGEN um 10 Uhr.", "DATUM EINFÜGEN"),
    ("Votre colis arrive le INSÉRER DATE.", "INSÉRER DATE"),
    ("Hola INSERTAR NOMBRE, tu pedido ya ha salido.", "INSERTAR NOMBRE"),
])
def test_a_capitals_filler_is_caught(text, placeholder):
    assert [f.title for f in check(text)] == [f"Unreplaced placeholder {placeholder}"]


@pytest.mark.parametrize("text", [
    "BIG SALE THIS WEEK: ORDER HERE AND SAVE 20%. YOUR NAME HERE ON A MUG!",
    "Summer sale - ORDER HERE and save, or BOOK HERE for a fitting.",
    "Please INSERT CARD and follow the steps on the screen.",
    "To log in, CLICK HERE and enter your email.",
])
def test_capitals_that_are_a_call_to_action_or_shouting_are_not_fillers(text):
    assert check(text) == []


# A reply that explains a placeholder once shows it (and others of its shape) as examples elsewhere.
@pytest.mark.parametrize("text", [
    'Hi Jane,\n\nTo add the name, type {first_name} in the editor, for instance: "Dear {first_name}, thanks for '
    'your order." Then press Save.\n\nBest,\nOla',
    "Beste Jan,\n\nIn je factuursjabloon kun je {klantnaam} zetten: die wordt automatisch vervangen door de naam "
    "van de klant. Het factuurnummer komt in {factuurnummer}.\n\nGroet,\nIris",
    "Bonjour,\n\nLe code {prenom} sera remplacé par le prénom du client au moment de l'envoi.",
    "Hallo Jan,\n\nim Betreff können Sie {vorname} verwenden; er wird beim Versand durch den Vornamen ersetzt.",
    # … said after a dash, a little further on: "– beim Versand wird das automatisch durch den Vornamen … ersetzt"
    "Hallo Jan,\n\nSchreiben Sie an der Stelle, an der der Name stehen soll, einfach {{vorname}} – beim Versand wird "
    "das dann automatisch durch den Vornamen jedes Empfängers ersetzt. Die Anrede gibt es als {{anrede}}.",
    "Hi Jane,\n\nJust put [[first_name]] where the greeting goes - when the campaign is sent it gets swapped for "
    "each reader's own first name by the mailer.",
    "Hi Jane,\n\nYour config should look like this:\n\n    api:\n      key: <YOUR_API_KEY>\n      region: eu-west\n\n"
    "Thanks,\nDev Support",
    'Hi Jane,\n\nThe file needs your key:\n\n    {\n      "api_key": "<YOUR_API_KEY>",\n      "debug": false\n    }\n',
])
def test_an_explained_placeholder_and_its_examples_are_not_flagged(text):
    assert check(text) == []


def test_an_explanation_does_not_excuse_a_leak_of_another_shape_or_an_ordinary_replacement():
    text = "Dear [name],\n\nTo personalise your emails, type {first_name} where the name should go."
    assert [f.title for f in check(text)] == ["Unreplaced placeholder [name]"]
    assert check("Dear [name], your kettle will be replaced for free next week.")
    # Pointing at a form's field is no talk about templates: the greeting's field is still a leak.
    assert [f.title for f in check("Dear [Customer Name],\n\nPlease enter your [Postcode] on the form.")] == [
        "Unreplaced placeholder [Customer Name]"]
    # A details block a template fills in is not a config sample.
    assert check("Hi,\n\nYour booking:\n    Name: [Customer Name]\n    Date: [Booking Date]\n")


def test_a_merge_tag_explained_in_another_language_is_no_placeholder_but_a_field_left_in_a_sentence_is():
    fr = CheckContext(persona={"name": "Luc Martin", "language": "fr"}, channel="email")
    explained = ("Bonjour Luc,\n\nInsérez la balise {{NOM}} dans l'objet de votre campagne : elle sera remplacée "
                 "automatiquement par le nom de chaque contact.\n\nCordialement")
    assert check(explained, fr) == []
    left = "Hi {{first_name}}, your old router is replaced by a new one free of charge."
    assert check(left, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email"))


@pytest.mark.parametrize("text", [
    "Hi Sam,\n\nThe greeting came out blank because the merge tag in your welcome series is written\n"
    "{{ contact.firstName }} and ours are lower case. Fix that one and it fills in.\n\nBest,\nAnn",
    "Hallo Herr Kurz,\n\nder Platzhalter in Ihrer Vorlage lautet bei uns\n%VORNAME% und nicht %Vorname%.\n\nGruß",
    "Bonjour,\n\nDans la syntaxe de notre éditeur, le prénom s'écrit [[prenom]] ; l'autre forme reste vide.",
])
def test_a_placeholder_in_a_sentence_that_names_template_syntax_is_talked_about_not_leaked(text):
    assert check(text) == []


@pytest.mark.parametrize("text", [
    "Guten Tag {{vorname}},\n\nIhre Bestellung ist unterwegs.",
    "Guten Tag [Name],\n\nvielen Dank für Ihre Nachricht.",
    "Guten Tag %ANREDE% %NACHNAME%, Ihr Termin steht.",
    "Dear {{first_name}},\n\nthe price tag on your parcel was wrong; a corrected invoice follows.",
    "Hi [name],\n\nyour variable-rate plan renews on 1 May.",
    "Hello %FIRSTNAME%. Placeholders aside, we have refunded the order.",
])
def test_a_leak_stays_a_leak_when_template_words_are_elsewhere_or_ordinary(text):
    assert check(text)


UNMARKED_FIELDS = [
    "Dear CUSTOMER_NAME,\n\nYour order has shipped.",
    "Hi ___,\n\nThanks for your message.",
    "Hello :firstname, your booking is confirmed.",
    "Dear Customer Name,\n\nThank you for contacting us.",
    "Hallo Vorname, danke für Ihre Nachricht.",
    "Hi Jane, your courier will call from PHONE_NUMBER on the day.",
    "Hello Jane, ticket {0} has been opened for you.",
]


@pytest.mark.parametrize("text", UNMARKED_FIELDS)
def test_a_field_no_bracket_marks_in_the_greeting_or_in_capitals_is_a_placeholder(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email"))


UNMARKED_LOOK_ALIKES = [
    "Dear Customer,\n\nThank you for contacting us.",
    "Dear Sir or Madam,\n\nThank you.",
    "Hi there, thanks for your message.",
    "Hi Jane, the browser says ERR_CONNECTION_REFUSED: please restart the router.",
    "Hi Jane, use the pattern ^[A-Z]{2}\\d{6}$ in the field.",
    "Dear Valued Customer,\n\nYour statement is ready.",
]


@pytest.mark.parametrize("text", UNMARKED_LOOK_ALIKES)
def test_generic_greetings_error_codes_and_regexes_are_no_unmarked_field(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email")) == []


@pytest.mark.parametrize("text, token", [
    ("Hi Jane, your case number is %CASE_NUMBER%.", "%CASE_NUMBER%"),
    ("Dear Jane, track it with {{TRACKING_NUMBER}} on our site.", "{{TRACKING_NUMBER}}"),
    ("Hello Jane, your booking [BOOKING_REF] is confirmed.", "[BOOKING_REF]"),
])
def test_a_bracketed_field_in_capitals_is_one_placeholder_not_two(text, token):
    found = check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email"))
    assert [f.title for f in found] == [f"Unreplaced placeholder {token}"]


def test_a_merge_tag_the_reply_explains_is_not_reported_by_its_capitals_either():
    text = "Hi Jane, in the template editor type %ORDER_NUMBER% where the order number should go."
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email")) == []


@pytest.mark.parametrize("text", [
    # a step of a menu path the reader follows, their own name in it
    "Go to Settings > [your name] > Subscriptions and tap Cancel.",
    "Öffnen Sie Einstellungen → [Ihr Name] → Abonnements.",
    # a variable the reply tells the reader to put where they want it, in any language
    "No editor escriba {nombre_cliente} donde quiera que deba aparecer el nombre del comprador.",
    "Dans le modèle, mettez {prenom} partout où le prénom du client doit apparaître.",
    # an example the reply gives ("like this:", "ad esempio:"), a literal word before the field
    "Nell'oggetto scriva il numero tra parentesi graffe, ad esempio: PRATICA {numero_pratica}.",
    "Put the reference in the subject like this: REFUND {case_number}.",
])
def test_a_menu_path_a_variable_put_wherever_or_an_example_is_not_a_placeholder(text):
    assert check(text) == []


@pytest.mark.parametrize("text, placeholder", [
    # an instruction to the customer with a field left in it is still a leak
    ("Please write [order number] on the parcel before you post it.", "[order number]"),
    ("We sturen het zo naar [adres], uiterlijk vrijdag.", "[adres]"),
    ("Dear [Customer Name], go to Settings and tap Cancel.", "[Customer Name]"),
    # other delimiters a mail merge uses: double dollars, guillemets round a field in capitals, Xs in threes
    ("Gentile $$NOME_CLIENTE$$, la sua visita è confermata.", "$$NOME_CLIENTE$$"),
    ("Votre numéro de dossier : «NUMERO_DOSSIER».", "«NUMERO_DOSSIER»"),
    ("Referencia de pago: XXX XXX XXX, importe 42,60 €.", "XXX XXX XXX"),
])
def test_a_field_left_in_an_instruction_or_in_rarer_delimiters_is_caught(text, placeholder):
    assert [f.title for f in check(text)] == [f"Unreplaced placeholder {placeholder}"]


@pytest.mark.parametrize("text", [
    "Cliquez sur «Mes commandes» puis sur «Retour».",   # guillemets quoting words
    "Tapez «OUI» pour confirmer.",
    "Your card XXX XXX XXX 123 was charged.",            # masked, digits after
    "IBAN: XXX XXX XXX",
])
def test_quoted_words_and_masked_numbers_are_not_placeholders(text):
    assert check(text) == []


@pytest.mark.parametrize("text", [
    "Dear {!Contact.FirstName},\nthanks for your message.",
    "Dear {{ customer.first_name | default: 'there' }},\nthanks.",
    "{% if first_name %}Hi {{ first_name }}{% else %}Hi there{% endif %},\nthanks.",
    "Dear ,\nthank you for your email.",
    "Sehr geehrte Frau ,\nvielen Dank für Ihre Nachricht.",
    "Hola ,\ngracias por escribirnos.",
    "Hi XXX,\nyour order is ready.",
])
def test_other_template_syntaxes_and_a_name_merged_in_empty(text):
    assert check(text), text


@pytest.mark.parametrize("text", [
    "Bonjour !\nMerci pour votre message.",
    "Chère Madame :\nvoici la réponse.",
    "Hi,\nthanks for writing.",
    "Dear Sir or Madam,\nthank you.",
    "Add {!important} only where you must.",
])
def test_a_greeting_without_a_name_or_french_spacing_is_no_placeholder(text):
    assert check(text) == [], text


@pytest.mark.parametrize("text", [
    "Je kunt het pakket tot $RETURN_DEADLINE$ gratis retourneren.",
    "Hallo #FIRST_NAME#, Ihre Bestellung ist unterwegs.",
    "Ciao ~nome~, il tuo ordine è stato spedito.",
    "Your refund of $REFUND_AMOUNT$ is on its way.",
])
def test_a_field_between_two_of_the_same_symbol_is_a_placeholder(text):
    assert check(text), text


@pytest.mark.parametrize("text", [
    "Our #1 priority is you.",
    "Prices from $20 to $30 this week.",
    "Join the #support channel or see #NEW# deals.",   # capitals that name no field
    "Set $HOME$ in the launcher (a Windows-style path variable).",
])
def test_symbols_around_no_field_are_no_placeholder(text):
    assert check(text) == [], text


@pytest.mark.parametrize("text", [
    "Schreiben Sie {vorname} an die Stelle, an der der Name erscheinen soll, und {termin} für das Datum.",
    "Vervang <JOUW_API_SLEUTEL> door de sleutel uit het dashboard.",
    "Remplacez [NOM_CLIENT] par le nom de votre client dans le modèle.",
    "Escriba {nombre} donde quiera que aparezca el nombre del paciente.",
    "Sostituisci {codice_ordine} con il numero che trovi nel gestionale.",
    "Substitua <SUA_CHAVE> pela chave do painel.",
    "Ihr Termin am {termin} ist bestätigt. Die Felder werden beim Versand automatisch ersetzt.",
    "Hi {first_name}, see you soon. The placeholders are replaced with each guest's details when it sends.",
    # the next sentence orders it replaced, by a pronoun
    "In the template every line has {Name}. Please replace it with each guest's name.",
    "In der Vorlage steht in jeder Zeile {Name}. Diese Stelle ersetzen Sie bitte durch den Namen des Gastes.",
    "Dans le modèle, chaque ligne contient {Nom}. Remplacez-le par le nom de chaque invité.",
    "En la plantilla cada línea lleva {Nombre}. Sustitúyalo por el nombre de cada invitado.",
    "Nel modello ogni riga ha {Nome}. Lo sostituisca con il nome dell'ospite.",
    "In het sjabloon staat op elke regel {Naam}. Vervang die door de naam van de gast.",
    "No modelo cada linha tem {Nome}. Substitua-o pelo nome de cada convidado.",
    # inside a quotation the customer is told to write, say or practise
    'For your letter, start with "Dear Ms [surname]," if you know the name.',
    'Practise this: "Hi, my name is [first name]. I live in [city]."',
    'Per esercitarti, scrivi "Mi chiamo [nome] e abito a [città]".',
])
def test_a_placeholder_the_reply_tells_the_reader_to_write_or_replace_is_explained(text):
    assert check(text) == [], text


@pytest.mark.parametrize("text", [
    "Hi [first name],\nyour order has shipped.",
    "Dear {first_name},\nwe have received your request. Please replace the filter by Friday.",
    'Hi Jane,\nwe wrote "Dear [name]" by mistake last time, sorry.',
])
def test_a_placeholder_left_in_is_still_one_beside_those_rules(text):
    assert check(text), text


@pytest.mark.parametrize("text", [
    "Hi {first_name}, the fields in your profile are all filled in now.",   # form fields filled: no explanation
    "Bitte geben Sie {kundennummer} bei Rückfragen an.",                  # "angeben" is no order to type it literally
    "Merci d'indiquer [NUMERO_DOSSIER] dans l'objet de votre mail.",
])
def test_a_leaked_field_beside_talk_of_forms_is_still_a_placeholder(text):
    assert check(text), text


def test_a_field_given_as_the_following_to_write_is_explained():
    text = ("Vul in het veld ‘Omschrijving’ het volgende in: [uw contractnummer] gevolgd door ACHTERSTAND. "
            "Voor uw gemak staat het rekeningnummer onderaan.")
    assert check(text) == []
    assert check("Beste [naam], uw betaling is ontvangen.")


def test_word_merge_fields_in_guillemets_and_a_quoted_button_that_is_not_one():
    assert check("Estimado/a «Nombre» «Apellido1»:\n\nLe comunicamos que su solicitud ha sido admitida.")
    assert check("Pulse «Aceptar» y después «Mis pedidos» para ver el estado.") == []


@pytest.mark.parametrize("text", [
    "En el editor escribe exactamente {{ cliente.nombre }} y guarda la plantilla.",
    "In the editor type exactly {{ customer.first_name }} and save the template.",
    "Dans l'éditeur, tapez exactement {{ client.prenom }} puis enregistrez.",
])
def test_an_order_to_write_a_placeholder_exactly_explains_it(text):
    assert check(text) == []


@pytest.mark.parametrize("text", [
    "Utente: {nome.cognome}\n\nAl posto di {nome.cognome} scrivi il tuo nome e cognome separati da un punto.",
    "Login: [first.last]\n\nInstead of [first.last], type your own first and last name with a dot between.",
    "Gebruiker: {voornaam.achternaam}\n\nIn plaats van {voornaam.achternaam} vul je je eigen naam in.",
])
def test_a_placeholder_the_reply_says_to_write_something_in_place_of_is_explained(text):
    assert check(text) == []


def test_instead_of_a_placeholder_with_nothing_to_write_is_still_a_leak():
    assert check("Exactly {{ first_name }}, your parcel is on its way.")
    assert check("Instead of {order_number} we sent you the wrong size, sorry about that.")
    assert check("Al posto di {nome_prodotto} ti abbiamo spedito un modello diverso.")


@pytest.mark.parametrize("text, lang", [
    ("Grüezi Herr NACHNAME, Ihr Termin für den Radwechsel ist bestätigt. Garage Hürlimann", "de"),
    ("Bom dia NOME, a sua encomenda já chegou à loja.", "pt"),
    ("Good morning FIRSTNAME, your parcel is ready to collect.", "en"),
    ("Buenas tardes NOMBRE APELLIDO, su cita está confirmada.", "es"),
    ("Goedemorgen VOORNAAM, je bestelling is onderweg.", "nl"),
    ("Servus Frau NACHNAME, Ihr Auto ist fertig.", "de"),
])
def test_a_field_name_in_the_slot_of_any_greeting_is_a_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Reto Gerber", "language": lang}, channel="sms"))


@pytest.mark.parametrize("text, lang", [
    ("Grüezi Herr Gerber, Ihr Termin ist bestätigt.", "de"),
    ("Grüezi mitenand, Ihr Termin ist bestätigt.", "de"),
    ("Bom dia Reto, a sua encomenda chegou.", "pt"),
    ("Good morning Team, the parcel is ready.", "en"),
    ("Buenas tardes, NOMBRE Y APELLIDOS del titular son obligatorios en el formulario.", "es"),
])
def test_a_name_or_a_generic_word_in_any_greeting_is_no_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Reto Gerber", "language": lang}, channel="sms")) == []


@pytest.mark.parametrize("text", [
    # a support answer about the customer's own template, naming what it uses
    "Hi Jane,\n\nYour welcome email shows a blank because the template uses {{ firstname }}, which isn't a field in "
    "your account. Change it to {{ contact.first_name }} and send a test.\n\nLeo",
    "Hi Jane,\n\nThe subject line reads {{ order_no }}: that is not a valid merge tag in your plan, use "
    "{{ order.number }} instead.\n\nLeo",
])
def test_a_template_talked_about_shows_its_tags_on_purpose(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email")) == []


def test_a_template_mentioned_beside_a_real_unfilled_greeting_is_still_a_placeholder():
    text = "Hi {{ first_name }},\n\nThanks for trying our new template gallery. Your order has shipped."
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email"))


@pytest.mark.parametrize("text", [
    "Sehr geehrte Frau Doe,\n\nIhr Beitrag bleibt unverändert.\n\nMit freundlichen Grüßen\n\n[Name Sachbearbeiter/in]",
    "Sehr geehrte Frau Doe,\n\nIhr Antrag ist da.\n\nGrüße\n[Name Mitarbeiter:in]",
    "Estimado Sr. Doe:\n\nSu número de incidencia es INC-XXXX; indíquelo en cualquier comunicación.",
    "Hi Jane,\n\nYour case reference is REF-XXXXX.",
])
def test_gender_forms_and_xs_after_a_references_letters_are_placeholders(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "de"}, channel="email"))


@pytest.mark.parametrize("text", [
    "Hi Jane,\n\nYour card ending ****-XXXX-1234 was charged.",
    "Hi Jane,\n\nThe check-in/check-out times are on your booking.",
])
def test_masks_and_ordinary_slashes_are_no_placeholder(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="email")) == []


@pytest.mark.parametrize("text, lang", [
    # a format the customer is to follow, with the field's name in brackets
    ("Bitte geben Sie bei Rückfragen die Vorgangsnummer im Betreff an, im Format „Vorgang <Nummer> – Ihr Name“.", "de"),
    ("Please put your reference in the subject in the format REF-<number>.", "en"),
    ("Indiquez la référence au format DOSSIER-<numéro> dans l'objet.", "fr"),
    ("Escriba el asunto con el formato Expediente <número>.", "es"),
])
def test_a_format_to_follow_is_no_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")) == []


def test_the_same_field_left_in_a_sentence_is_still_a_placeholder():
    c = CheckContext(persona={"name": "Jane Doe", "language": "de"}, channel="email")
    assert check("Ihre Vorgangsnummer lautet Vorgang <Nummer>.", c)


@pytest.mark.parametrize("text, lang", [
    # a pattern the customer is to type, ordered in words of writing it "as" / "like" / "in the form"
    ("Hi Jane,\n\nPlease enter the payment reference as {invoice_no}/{customer_no} so we can match it.", "en"),
    ("Hi Jane,\n\nWhen you pay, fill the box in as [Contract Number]-[Year].", "en"),
    ("Hallo Frau Doe,\n\nbitte geben Sie als Verwendungszweck {Rechnungsnummer}-{Kundennummer} an.", "de"),
    ("Hallo Frau Doe,\n\nbitte den Verwendungszweck künftig als {Rechnungsnummer}/{Kundennummer} angeben.", "de"),
    ("Bonjour Madame,\n\nMerci d'indiquer la référence sous la forme [numéro client]-[numéro de facture].", "fr"),
    ("Hola Jane:\n\nIndique el concepto como {numero_factura}-{numero_cliente}, por favor.", "es"),
    ("Gentile Jane,\n\nper il bonifico scriva la causale come {codice_cliente}/{anno}.", "it"),
    ("Beste Jane,\n\nVul bij de overboeking het kenmerk in als {klantnummer}/{jaar}.", "nl"),
    ("Olá Jane,\n\nna transferência, preencha o descritivo como {numero_cliente}-{ano}.", "pt"),
])
def test_a_pattern_the_customer_is_told_to_type_is_no_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")) == []


@pytest.mark.parametrize("text, lang", [
    # a pattern stated plainly, then shown filled in: an example, or what it makes for the reader
    ("Hi Jane,\n\nOur payment references are {invoice_no}-{customer_no}. For your open bill that gives "
     "2025-771-40218.", "en"),
    ("Hallo Frau Doe,\n\nder Verwendungszweck ist immer {Rechnungsnummer}/{Kundennummer}, zum Beispiel "
     "2026-118/55012.", "de"),
    ("Bonjour Madame,\n\nLa référence est toujours {numero_client}-{annee}, par exemple 40716-2026.", "fr"),
    ("Hola Jane:\n\nLa referencia sigue siempre el patrón {numero_pedido}-{fecha}; en su caso: 4471-20260304.", "es"),
    ("Gentile Jane,\n\nla causale è sempre {codice_cliente}/{anno}, ad esempio C-20931/2026.", "it"),
    ("Beste Jane,\n\nOns betalingskenmerk is altijd {klantnummer}/{jaar}; bijvoorbeeld 40716/2026.", "nl"),
    ("Olá Jane,\n\na referência é sempre {numero_cliente}-{ano}; no seu caso isso dá 55012-2026.", "pt"),
])
def test_a_pattern_followed_by_a_worked_example_is_no_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")) == []


@pytest.mark.parametrize("text, lang", [
    # merge fields a template left: no order to type them, no example after them that fills the pattern in
    ("Dear {first_name},\n\nYour order {order_id} has shipped. The tracking number for your order is "
     "1Z999AA10123456784.", "en"),
    ("Hi Jane,\n\nWe have entered your name as {first_name} {last_name} on the booking.", "en"),
    ("Hi Jane,\n\nWe write to you as {agent_name} from the billing team.", "en"),
    ("Hi Jane,\n\nYour order {order_id} will arrive in 3 days, for example on 12/03.", "en"),
    ("Hi Jane,\n\nYour booking {booking_ref} is confirmed. In your case the room number is 204.", "en"),
    ("Beste Jane,\n\nWe hebben u als {klantnaam} geregistreerd.", "nl"),
    ("Olá Jane,\n\nGostaríamos de informar que, como {tratamento} {apelido}, tem direito a um desconto.", "pt"),
    ("Hola {nombre}, por ejemplo 2026-0387 es su número de cliente.", "es"),
])
def test_a_merge_field_beside_format_or_example_words_is_still_a_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email"))


@pytest.mark.parametrize("text, lang, field", [
    # a format to follow excuses its own fields, not the greeting the template left unfilled
    ("Hallo {vorname},\n\nbitte geben Sie als Verwendungszweck {Rechnungsnummer} an.", "de", "{vorname}"),
    ("Beste {voornaam},\nvul het kenmerk in als {factuurnummer}. Voor uw factuur wordt dat: 2026-0387.", "nl",
     "{voornaam}"),
])
def test_a_format_excuses_its_own_fields_not_an_unfilled_greeting(text, lang, field):
    (f,) = check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email"))
    assert f.title == f"Unreplaced placeholder {field}"


@pytest.mark.parametrize("text", [
    # a command the developer is to run with their own key: flags continued below it, a request's headers and body
    "Hi Sam,\n\nThis one works:\n\n    curl -X POST https://api.example.io/v1/charges \\\n"
    "      -H \"Authorization: Bearer <YOUR_SECRET_KEY>\" \\\n      -d currency=eur\n\nCheers,\nLi",
    "Hi Sam,\n\nThis one works:\n\ncurl https://api.example.io/v1/charges \\\n  --header 'X-Api-Key: {your_api_key}'\n",
    "Hi Sam,\n\nWithout the backslashes it reads:\n\n    wget https://dl.example.io/export.csv\n"
    "      --header \"Authorization: Token [ACCESS_TOKEN]\"\n",
    "Hi Sam,\n\nThe raw request is:\n\n    GET /v1/charges HTTP/1.1\n    Host: api.example.io\n"
    "    Authorization: Bearer <YOUR_SECRET_KEY>\n    Accept: application/json\n\nCheers",
    "Hallo Herr Brandt,\n\nmelden Sie sich so an:\n\n    $ stripe login --api-key <IHR_API_SCHLUESSEL>\n",
    # a header to send, shown alone or named in a sentence
    "Hi Sam,\n\nAdd this header to every call:\n\n    Authorization: Bearer <YOUR_SECRET_KEY>\n",
    "Hi Sam,\n\nSend X-Api-Key: {your_api_key} with each request and the 401s stop.",
])
def test_a_command_or_request_to_run_with_ones_own_key_is_code(text):
    assert check(text) == [], text


@pytest.mark.parametrize("text", [
    # a key the reply should have given, a header line naming no scheme for a credential
    "Hi Sam,\n\nYour API key is <YOUR_SECRET_KEY>, keep it safe.",
    "Dear Mr Doe,\n\nYour claim was approved.\nAuthorization: [Authorization Number]\n",
    # a prose line after the command has ended
    "Hi Sam,\n\n    curl https://api.example.io/v1/charges \\\n      -d currency=eur\n\nRegards, {agent_name}",
    "Dear [Customer Name],\n\n    curl https://api.example.io/v1/charges -H \"Authorization: Bearer <KEY>\"\n",
])
def test_placeholders_outside_a_command_are_still_flagged(text):
    assert check(text), text


@pytest.mark.parametrize("text, lang", [
    # the order to type the field and the field apart by where to type it, or the field followed by where it goes
    ("Beste Pieter,\n\nTyp in het sjabloon {voornaam} op de plek waar de naam van je klant moet komen, en {datum} "
     "voor de afspraak.\n\nGroet", "nl"),
    ("Beste Pieter,\n\nZet {voornaam} op de plaats waar de naam moet staan.", "nl"),
    ("Hi Jane,\n\nType into the message body {{first_name}} and each guest sees their own name.", "en"),
    ("Hi Jane,\n\nPut {first_name} at the point where the guest's name should show.", "en"),
    ("Hallo Frau Doe,\n\nSchreiben Sie in die SMS-Vorlage {vorname}, dort erscheint dann der Name.", "de"),
    ("Hallo Frau Doe,\n\nSetzen Sie {vorname} an die Stelle, an der der Name stehen soll.", "de"),
    ("Bonjour Madame,\n\nÉcrivez dans le modèle {prenom} : chaque client verra son prénom.", "fr"),
    ("Bonjour Madame,\n\nMettez {prenom} à l'endroit où le prénom doit apparaître.", "fr"),
    ("Hola Jane:\n\nEscriba en la plantilla {nombre} y cada cliente verá su nombre.", "es"),
    ("Hola Jane:\n\nPonga {nombre} en el lugar donde debe ir el nombre del cliente.", "es"),
    ("Gentile Jane,\n\nScriva nel modello {nome} e ogni cliente vedrà il suo nome.", "it"),
    ("Gentile Jane,\n\nMetta {nome} nel punto in cui deve comparire il nome.", "it"),
    ("Olá Jane,\n\nEscreva no modelo {nome} e cada cliente verá o seu nome.", "pt"),
    ("Olá Jane,\n\nColoque {nome} no lugar onde o nome deve aparecer.", "pt"),
])
def test_a_field_the_customer_is_told_to_type_where_it_goes_is_no_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")) == []


@pytest.mark.parametrize("text, lang", [
    # a place where, but nobody told to put the field there; an address to write to, not a field to type
    ("Hi Jane,\n\nWe will deliver to {address} at the spot where you asked.", "en"),
    ("Beste Pieter,\n\nWe bezorgen op {adres} op de plek waar u om vroeg.", "nl"),
    ("Beste Pieter,\n\nSchrijf ons gerust via {support_email}.", "nl"),
    ("Hola Jane:\n\nRecogeremos el paquete en {direccion} en el lugar donde nos indicó.", "es"),
])
def test_a_field_beside_a_place_without_an_order_to_type_it_is_still_a_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")), text


@pytest.mark.parametrize("text, lang", [
    # a blank left where a value was to go
    ("Welcome to the Harbour Inn! Your room is no. ____ and the wifi password is ________. Enjoy!", "en"),
    ("Hallo Frau Doe,\n\nIhr Abholcode lautet ______. Sie finden uns im Erdgeschoss.", "de"),
    ("Bonjour Madame,\n\nVotre rendez-vous est fixé au ______ à 10 h.", "fr"),
    ("Hola Jane:\n\nSu número de reserva es el ______; preséntelo en recepción.", "es"),
    ("Gentile Jane,\n\nil tecnico passerà il giorno ______ tra le 9 e le 13.", "it"),
    ("Beste Jane,\n\nUw pakket ligt klaar bij afhaalpunt ____ tot vrijdag.", "nl"),
    ("Olá Jane,\n\no seu código de acesso é ______ e vale 24 horas.", "pt"),
])
def test_a_blank_of_underscores_where_a_value_should_be_is_a_placeholder(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")), text


@pytest.mark.parametrize("text", [
    # a rule drawn across, a form's lines to fill in or sign, underscores inside a name
    "Hi Jane,\n\nThanks for your patience.\n\n________________________________\nFrom: Jane Doe\nSent: Monday",
    "Hi Jane,\n\nPlease fill in the slip and bring it along:\nName: ____________  Date: ________\n\nThanks",
    "Hallo Frau Doe,\n\nbitte füllen Sie das Formular aus: Kundennummer ________, Unterschrift ________.",
    "Bonjour Madame,\n\nMerci de signer ici : ______________ et de nous renvoyer la page.",
    "Hi Jane,\n\nThe log file is called app___debug.log and sits in the install folder.",
])
def test_a_rule_or_a_forms_blank_is_no_placeholder(text):
    assert check(text) == [], text


@pytest.mark.parametrize("text", [
    # a sample for the customer's own template, introduced by an order to put "this" where they want it
    "Sure! Open Settings > Notifications and put this where you want the name to appear:\n\nHi {{ customer.first_name }},"
    "\n\nThe store fills in the buyer's name when the email goes out.",
    "Hallo,\n\nfügen Sie Folgendes in Ihre Vorlage ein:\n\nHallo {vorname},\n\nDas System setzt den Namen beim Versand ein.",
    "Bonjour,\n\ncollez ceci dans votre modèle d'e-mail :\n\nBonjour [[prenom]],\n\nCordialement",
    # the introduction wrapped over lines, naming the syntax it shows
    "Hi Hannah,\n\nTo greet each subscriber by name, type the merge tag into the subject or body of\nyour campaign "
    "exactly like this:\n\n    Hi {{first_name}},\n\nBest,\nMarco",
])
def test_a_sample_introduced_for_the_customers_own_template_is_no_placeholder(text):
    assert check(text) == []


@pytest.mark.parametrize("text", [
    # a link to open is no sample for a template: it was meant to be filled in
    "Hi,\n\nCopy this link into your browser:\n\n{{reset_url}}\n\nThanks",
    # the letter's own greeting stays unfilled, whatever the reply explains below it
    "Dear {{first_name}},\n\nAdd this line to your email template:\n\nHello {{ name }}\n\nBest, Sam",
    "Beste {voornaam},\n\nTyp in het sjabloon {naam} op de plek waar de naam moet komen.\n\nGroet, Els",
])
def test_a_link_to_open_or_the_letters_own_greeting_is_still_a_placeholder(text):
    assert check(text)


@pytest.mark.parametrize("text, found", [
    # Xs that spell out a format the reader is to follow
    ("De activatiecode staat op de kaart. Vul hem in het formaat XXXX-XXXX in, dus met het streepje.", False),
    ("Please enter the code in the format XX-XXXX.", False),
    ("De activatiecode staat op de kaart. Vul hem in het formaat\nXXXX-XXXX in, dus met het streepje.", False),
    # Xs where a number was meant to go
    ("Your order XXXX has shipped.", True),
    ("Ihre Kundennummer lautet XXXX.", True),
])
def test_xs_that_spell_out_a_format_are_no_placeholder(text, found):
    assert bool(check(text)) is found


@pytest.mark.parametrize("text, found", [
    # a field between double hashes; Xs for a time, an amount before its currency, a day before its month
    ("Bonjour ##PRENOM##, votre conseiller vous rappellera demain.", True),
    ("Hallo ##vorname##, Ihr Paket ist da.", True),
    ("###INTERN### Kunde will nur wechseln ###ENDE###", False),
    ("Wir können Ihnen Donnerstag um XX:XX Uhr anbieten.", True),
    ("Rechnungsbetrag: XXX EUR, zahlbar bei Abholung.", True),
    ("Le rendez-vous est fixé au XX mars à 14h.", True),
    ("Las inscripciones están abiertas hasta el XX de septiembre.", True),
    ("Sizes S to XXL are back in stock.", False),
    ("Please type the time as XX:XX in the format shown.", False),
    # what the customer's readers saw, quoted back to explain it
    ('Your subscribers saw "Hi *|FNAME|*" because the first-name field was empty.', False),
    ("Die Kunden sahen „Hallo {{vorname}}\" im Betreff, weil das Feld leer war.", False),
    ('Hi *|FNAME|*, your order is ready.', True),
])
def test_hashes_xs_for_times_amounts_and_days_and_a_quoted_sighting(text, found):
    assert bool(check(text)) is found, check(text)


@pytest.mark.parametrize("text, found", [
    # what to write instead of a tag is template talk (round dl); a thing sent instead of a field is not
    ("Hallo Herr Doe,\nSie können im Editor einen Fallback hinterlegen. Schreiben Sie dafür statt {{ vorname }} "
     "einfach:\n    {{ vorname | default: \"liebe Leserin, lieber Leser\" }}\nViele Grüße", False),
    ("Hi Jane,\nWrite instead of {{first_name}} this:\n    {{first_name | default: \"friend\"}}\nBest", False),
    ("Hi Jane,\nwe send instead of {{product}} a voucher.\nBest", True),
])
def test_what_to_write_instead_of_a_tag_is_template_talk(text, found):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": "de" if "Hallo" in text else "en"}, channel="email")
    assert bool(check(text, ctx)) is found


@pytest.mark.parametrize("text, lang, found", [
    # round dq–dt: fields shown on purpose (an error quoted, an example quoted at length, a glitch said sorry for,
    # fields glued into a format, what a tool fills in, a theme file's snippet); a field left in a letter still counts
    ("Vale Sergio, si te vuelve a salir el error «DNS_PROBE_FINISHED_NXDOMAIN», pon como DNS 1.1.1.1.", "es", False),
    ("Olá André, substitua o texto \"NIF:\" por \"NIF: {cliente.nif}\". Ao emitir, o programa preenche {cliente.nif} "
     "com o número de cada cliente.", "pt", False),
    ("Hi Jane, and sorry about the \"Dear {first_name}\" at the top of our last email – a glitch in our mailing tool.",
     "en", False),
    ("Beste mevrouw Doe,\nEen voorbeeld van een begroeting: \"U spreekt met de voicemail van [uw naam]. Ik ben nu niet "
     "bereikbaar.\" Op de plek van [uw naam] zegt u natuurlijk uw eigen naam.", "nl", False),
    ("Gentile Jane,\nscriva nell'oggetto della mail:\n\n    LA_<matricola>_<cognome>\n\nCordiali saluti", "it", False),
    ("Hallo Frau Doe,\nfolgende Variablen: ${kunde.anrede} und ${kunde.nachname}. Rechnix ersetzt sie beim Versand "
     "automatisch.", "de", False),
    ("Ciao Jane, nel tema apri il file templates/cart.html e aggiungi:\n\n{% if cliente.tag contains \"VIP\" %}\n"
     "  <p>Spedizione gratuita</p>\n{% endif %}", "it", False),
    ("Dear {first_name},\nyour refund is on its way.", "en", True),
    ("Hi Jane,\nyour order ORD-{order_id} has shipped.", "en", True),
])
def test_round_dq_dt_fields_shown_on_purpose(text, lang, found):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")
    assert bool(check(text, ctx)) is found, check(text, ctx)


@pytest.mark.parametrize("text, lang, found", [
    # round du–dx: a sample after "comme ceci :", each tag swapped when sent, an error code's name after its number,
    # a field the system fills ("lo sustituye solo"), a folder in a path, what a field stands for
    ("Bonjour,\nétiquetez chaque carton sur deux côtés, comme ceci :\nPIÈCE – CONTENU – [votre nom]\nCordialement", "fr",
     False),
    ("Hi Jane!\nUse merge tags in the text box, for example:\n\nHi {{attendee_name}}, you're booked!\n\nEach tag gets "
     "swapped for the attendee's details when the email goes out.", "en", False),
    ("Bonjour, votre virement a été refusé avec le code TX-451 « PLAFOND_DEPASSE ».", "fr", False),
    ("Hola, en el texto podéis escribir {nombres} donde queráis; el sistema lo sustituye solo.", "es", False),
    ("Ciao Luca,\n    robocopy \"C:\\Users\\<utente>\\Documents\" \"E:\\Backup\"\ndove <utente> è il nome della "
     "cartella del tuo profilo.", "it", False),
    ("Hallo {vorname},\nIhre Bestellung ist unterwegs.", "de", True),
])
def test_round_du_dx_fields_shown_on_purpose(text, lang, found):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")
    assert bool(check(text, ctx)) is found, check(text, ctx)
