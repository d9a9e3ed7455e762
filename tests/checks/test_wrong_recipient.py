"""Wrong recipient: a greeting to someone else, another customer's name, address or reference."""
import pytest

from probes.checks import CheckContext, run_checks
from probes.checks.wrong_recipient import check

JANE = {"name": "Jane Doe", "email": "jane.doe@example.org", "phone": "+44 7700 900123", "language": "en"}
OTHERS = [{"name": "Paul Martin", "email": "paul.martin@example.org", "phone": "+44 7700 900456"},
          {"name": "Anna Müller", "language": "de"}]
TOKEN = "k7m3qx9hza"
OTHER_TOKENS = ["p4tw8ncr2e", "b9vh6ds3jk"]


def ctx(**kw):
    base = dict(persona=JANE, channel="email", other_personas=OTHERS, other_tokens=OTHER_TOKENS, token=TOKEN)
    base.update(kw)
    return CheckContext(**base)


CAUGHT = [
    # (reply, title, snippet)
    ("Dear Paul,\n\nThank you for your patience. Your refund of £42.99 was issued today.\n\nKind regards,\nSam",
     "Reply greets another customer (Paul)", "Dear Paul,"),
    ("Hi Mr Martin,\nyour replacement kettle ships tomorrow.", "Reply greets another customer (Mr Martin)",
     "Hi Mr Martin,"),
    ("Sehr geehrte Frau Müller,\n\nvielen Dank für Ihre Nachricht.", "Reply greets another customer (Frau Müller)",
     "Sehr geehrte Frau Müller,"),
    ("Dear Sarah,\n\nWe have looked into your order and it will arrive on Friday.",
     "Reply greets the wrong name (Sarah)", "Dear Sarah,"),
    ("Hi Tom your table for 4 is confirmed for 7pm. Reply STOP to opt out", "Reply greets the wrong name (Tom)",
     "Hi Tom your table for 4 is confirmed for 7pm. Reply STOP to opt out"),
    ("Hello Jane Smith,\nThanks for contacting Northwind.", "Reply greets the wrong name (Jane Smith)",
     "Hello Jane Smith,"),
    ("¡Hola Carmen! Gracias por esperar. Ya he revisado tu reserva.", "Reply greets the wrong name (Carmen)",
     "¡Hola Carmen! Gracias por esperar. Ya he revisado tu reserva."),
    ("Hi Jane,\n\nI've checked with the warehouse: Paul Martin's parcel left this morning.\n\nBest, Sam",
     "Reply names another customer (Paul Martin)", "I've checked with the warehouse: Paul Martin's parcel left "
                                                   "this morning."),
    ("Hi Jane,\nwe have sent the label to paul.martin@example.org, please check your inbox.",
     "Reply shows another customer's email address",
     "we have sent the label to paul.martin@example.org, please check your inbox."),
    ("Hi Jane, we tried to call you on 07700 900456 but got no answer.",
     "Reply shows another customer's phone number", "Hi Jane, we tried to call you on 07700 900456 but got no answer."),
    ("Hi Jane,\n\nThanks for your message about order NW-1042.\n\nRef: p4tw8ncr2e",
     "Reply carries another customer's reference", "Ref: p4tw8ncr2e"),
    ("Hello Jane,\nplease see below.\n\nOn Tue, 4 Mar 2025 at 10:02, Paul Martin <paul.martin@example.org> wrote:\n"
     "> My kettle arrived broken.", "Reply names another customer (Paul Martin)",
     "On Tue, 4 Mar 2025 at 10:02, Paul Martin <paul.martin@example.org> wrote:"),
]


@pytest.mark.parametrize("text,title,snip", CAUGHT)
def test_replies_meant_for_someone_else_are_critical(text, title, snip):
    found = check(text, ctx())
    assert [f.title for f in found][:1] == [title], found
    assert found[0].severity == "critical" and found[0].check == "wrong_recipient"
    assert found[0].snippet == snip


CLEAN = [
    "Dear Jane,\n\nThank you for your message (ref NW-1042).",
    "Dear Ms Doe,\n\nyour refund of [£20] has been issued.",
    "Dear Mrs. Doe, thank you for waiting.",
    "Hi Jane Doe! Your order is on its way.",
    "Hi there,\nThanks for reaching out.",
    "Hello,\nThank you for contacting Northwind Support.",
    "Hello, Thank you for your email. We will reply within 2 working days.",
    "Dear customer,\nyour ticket has been created.",
    "Dear Valued Customer,\nYour order has shipped.",
    "Dear Sir or Madam,\n\nwe acknowledge receipt of your complaint.",
    "Dear Sir/Madam,",
    "Good morning Jane,\nthe engineer will arrive between 8 and 12.",
    "Hi J. Doe, your code is 4411.",
    "Hi, Acme here: your parcel is out for delivery today.",
    "Hello from the Northwind team! Your order is confirmed.",
    "Hi all,\nJust confirming we got your email.",
    "Thanks Jane,\nwe'll be in touch.",
    # The customer's quoted message greets the company, not the customer.
    "Hi Jane,\nwe are on it.\n\nOn Mon, 3 Mar 2025, Jane Doe <jane.doe@example.org> wrote:\n> Dear Paul,\n> help!",
    # Its own token is fine.
    f"Hi Jane, your reference is {TOKEN}.",
    # A token-like word that is not one of the others' tokens.
    "Hi Jane, your tracking code is xz7qpa2mnt.",
    "Hi Jane, the p4tw8ncr2e7 batch number is on the box.",
    # a user, a member or a sender greeted by their role, in the other languages too
    "Sehr geehrte Nutzerin, sehr geehrter Nutzer,\nIhre Nachricht ist eingegangen.",
    "Estimado usuario:\nhemos recibido su mensaje.",
    "Beste gebruiker,\nwe hebben je bericht ontvangen.",
    "Cher adhérent,\nvotre message a bien été reçu.",
    # who they are to the company, one or many (German capitalises every such noun)
    "Dear Parent/Guardian,\nthe trip on Friday goes ahead.",
    "Dear Resident,\nthe lifts will be serviced on Monday.",
    "Dear Homeowner, your boiler is due its annual check.",
    "Liebe Eltern,\nmorgen ist Waldtag, bitte Gummistiefel mitgeben.",
    "Liebe Mieterinnen und Mieter,\ndas Treppenhaus wird am Montag gestrichen.",
    "Liebe Gäste,\ndas Frühstück gibt es ab 7 Uhr.",
    "Beste bewoners,\nde lift wordt maandag onderhouden.",
    "Cara Encarregada de Educação,\na visita de estudo é na sexta-feira.",
    "Queridas familias:\nla excursión del viernes sigue en pie.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_the_persona_or_a_generic_greeting_is_fine(text):
    assert check(text, ctx()) == []


def test_languages_titles_and_short_forms():
    anna = {"name": "Anna Müller", "language": "de"}
    assert check("Sehr geehrte Frau Müller,\nvielen Dank.", ctx(persona=anna, other_personas=[])) == []
    assert check("Liebe Anna, danke für Ihre Nachricht.", ctx(persona=anna, other_personas=[])) == []
    assert check("Sehr geehrte Damen und Herren,", ctx(persona=anna, other_personas=[])) == []
    pieter = {"name": "Pieter de Vries", "language": "nl"}
    assert check("Geachte heer De Vries,\n\nBedankt voor uw bericht.", ctx(persona=pieter)) == []
    assert check("Beste Pieter,", ctx(persona=pieter)) == []
    assert check("Beste Jan,", ctx(persona=pieter))[0].title == "Reply greets the wrong name (Jan)"
    rui = {"name": "Rui Fernandes", "language": "pt"}
    assert check("Caro Eng.º Fernandes,\na limpeza fica marcada.", ctx(persona=rui)) == []   # the ordinal's letter
    assert check("Cara Arq.ª Fernandes,\nobrigado.", ctx(persona=rui)) == []
    # a role word does not hide a name beside it in another greeting
    assert check("Liebe Frau Schmidt,\ndanke.", ctx(persona=anna))[0].title == "Reply greets the wrong name (Frau Schmidt)"
    lucia = {"name": "Lucía García", "language": "es"}
    assert check("Estimada Sra. García:\nGracias por su mensaje.", ctx(persona=lucia)) == []
    assert check("Hola Lucia, gracias.", ctx(persona=lucia)) == []
    assert check("Bonjour Madame,\nmerci pour votre message.", ctx(persona={"name": "Claire Martin"})) == []
    alex = {"name": "Alexandra Jones"}
    assert check("Hi Alex, good news: the refund is done.", ctx(persona=alex)) == []
    # abbreviated German titles in a terse SMS: "Fr." (Frau), "Hrn." (Herrn), "Fam." (Familie)
    for text in ("Hallo Fr. Müller, der Termin steht.", "Guten Tag Hrn. Müller, alles erledigt.",
                 "Liebe Fam. Müller, danke!"):
        assert check(text, ctx(persona=anna, other_personas=[])) == [], text
    assert check("Hallo Fr. Becker, der Termin steht.", ctx(persona=anna, other_personas=[]))
    # a sender's name with small words in it, before the greeting of an SMS
    claire = {"name": "Claire Martin", "language": "fr"}
    assert check("Boulangerie de la Gare : Bonjour Marc, votre commande est prête.", ctx(persona=claire))
    assert check("Boulangerie de la Gare : Bonjour Claire, votre commande est prête.", ctx(persona=claire)) == []


def test_same_first_name_as_another_persona_is_not_a_mix_up():
    others = [{"name": "Jane Smith"}]
    assert check("Dear Jane,\nthanks for writing.", ctx(other_personas=others)) == []
    assert check("Dear Ms Smith,\nthanks.", ctx(other_personas=others))[0].title == \
        "Reply greets another customer (Ms Smith)"


def test_without_a_persona_name_only_leaks_count():
    assert check("Dear Sarah,\nthanks.", CheckContext()) == []
    assert check("Dear Paul,\nthanks.", CheckContext(other_personas=OTHERS))[0].title == \
        "Reply greets another customer (Paul)"


def test_one_finding_for_a_greeting_that_names_another_persona_in_full():
    found = check("Dear Paul Martin,\nyour refund is on its way.", ctx())
    assert [f.title for f in found] == ["Reply greets another customer (Paul Martin)"]


def test_registered_and_fed_by_the_context():
    found = run_checks("Hi Jane, ref p4tw8ncr2e.", ctx())
    assert [f.check for f in found] == ["wrong_recipient"]
    assert run_checks("Hi Jane, ref p4tw8ncr2e.", CheckContext(persona=JANE)) == []


# A brand or channel label before the greeting does not hide whom it greets.
AFTER_A_PREFIX = [
    ("Acme: Hi Tom, your table for 2 is confirmed for 7pm.", "Reply greets the wrong name (Tom)"),
    ("[Acme Support] Hello Tom,\n\nyour refund was issued today.", "Reply greets the wrong name (Tom)"),
    ("ACME SMS - Dear Paul, your code is 4471.", "Reply greets another customer (Paul)"),
    ("Northwind Support | Hi Sarah your parcel is out for delivery.", "Reply greets the wrong name (Sarah)"),
    ("(Acme) Hola Carmen, su pedido está listo.", "Reply greets the wrong name (Carmen)"),
    ("Northwind Kundenservice: Sehr geehrte Frau Müller,\nvielen Dank.", "Reply greets another customer (Frau Müller)"),
]


@pytest.mark.parametrize("text,title", AFTER_A_PREFIX)
def test_a_greeting_after_a_brand_or_channel_prefix_is_read(text, title):
    found = check(text, ctx())
    assert [f.title for f in found][:1] == [title]
    # The same prefix before the customer's own name or a generic greeting is fine.
    right = text.replace("Tom", "Jane").replace("Paul", "Jane").replace("Sarah", "Jane").replace(
        "Carmen", "Jane").replace("Frau Müller", "Frau Doe")
    assert check(right, ctx()) == []


def test_a_chat_transcript_line_by_the_customer_is_not_a_prefix():
    assert check("Acme Chat: Hi Tom, thanks for waiting.", ctx())[0].title == "Reply greets the wrong name (Tom)"
    transcript = "Jane: Hi Tom, my order is late.\nTom: Hello Jane, sorry about that, it ships today."
    assert check(transcript, ctx()) == []
    assert check("You: Hello Sam\nSam: Hi Jane, how can I help?", ctx()) == []


# The customer's own name in its usual short forms, regular or not, in the languages we check.
SHORT_FORMS = [
    ({"name": "William Turner"}, "Hi Bill,\nyour meter reading is in."),
    ({"name": "Elizabeth Harper"}, "Hello Beth, the parcel left today."),
    ({"name": "Elizabeth Harper"}, "Hi Lizzie! Your booking is confirmed."),
    ({"name": "Christina Wolf"}, "Hi Tina, thanks for the photos."),
    ({"name": "José Ruiz", "language": "es"}, "Hola Pepe, tu pedido ya ha salido."),
    ({"name": "Juan Pérez", "language": "es"}, "Hola Juanito, ya está todo arreglado."),
    ({"name": "Ana Costa", "language": "pt"}, "Olá Anita, a encomenda já foi enviada."),
    ({"name": "María José Ortega", "language": "es"}, "Hola Majo, gracias por escribirnos."),
    ({"name": "Josef Huber", "language": "de"}, "Servus Sepp, die Rechnung ist unterwegs."),
    ({"name": "Giovanni Russo", "language": "it"}, "Ciao Gianni, il rimborso è stato effettuato."),
    ({"name": "Cornelis Bakker", "language": "nl"}, "Hoi Kees, je bestelling is onderweg."),
    ({"name": "Daniel Brooks"}, "Hi Danny, all sorted now."),
    ({"name": "Thomas Wright"}, "Morning Tom, the engineer is booked."),
]


@pytest.mark.parametrize("persona,text", SHORT_FORMS)
def test_a_short_form_of_the_customers_own_name_is_not_someone_else(persona, text):
    assert check(text, ctx(persona=persona, other_personas=[{"name": "Paul Martin"}])) == []


def test_another_customers_short_form_is_still_another_customer():
    # Paul is another persona of the run: a subsequence of the customer's letters does not excuse him.
    assert check("Hi Paul,\nthanks.", ctx(persona={"name": "Pauline Apple"}, other_personas=OTHERS)) == []
    assert check("Hi Mia,\nthanks.", ctx(persona={"name": "Maria Lopez"}, other_personas=[{"name": "Mia Chen"}]))[
        0].title == "Reply greets another customer (Mia)"
    assert check("Dear Kevin,\nthanks.", ctx(persona={"name": "Elizabeth Harper"}))[0].title == \
        "Reply greets the wrong name (Kevin)"


def test_a_closing_that_starts_like_a_greeting_is_not_one():
    anna = {"name": "Anna Weber", "language": "de"}
    for text in ("Hallo Frau Weber,\n\ndanke.\n\nBeste Grüße\nSandra Beck",
                 "Hallo Anna,\ndanke.\nLiebe Grüße\nTeam Nord",
                 "Beste Anna,\n\nbedankt.\n\nBeste groeten\nKees"):
        assert check(text, ctx(persona=anna, other_personas=[])) == []


TOM = [{"name": "Tom Becker", "phone": "+49 151 2345 6789"}, {"name": "Sheila Brennan"}]

# Another customer spoken to or about by a part of their name, anywhere in the company's text.
ADDRESSED = [
    ("Thanks for confirming your date of birth. Ok Tom, I can see the upgrade you asked about.", "Tom"),
    ("Hi Jane,\n\nAs agreed on the phone, Tom, the engineer comes on Friday.", "Tom"),
    ("Agent Mia: Thanks for your patience, Tom – I've rebooked the visit.", "Tom"),
    ("Dear Ms Doe,\n\nI have moved the booking for Mr\nBecker to the 14:20 departure.", "Mr Becker"),
    ("Hi Jane,\n\nBooking details:\nName on booking: S. Brennan\nArrival: 14:00", "S. Brennan"),
    ("Hallo Frau Doe,\n\nwir haben die Bestellung von Herrn Becker storniert.", "Herrn Becker"),
    ("Hi Jane,\n\nThanks, Tom. The replacement is on its way.", "Tom"),
    ("Hi Jane,\n\nYes, Tom, the meter reading was an estimate.", "Tom"),
]


@pytest.mark.parametrize("text,said", ADDRESSED)
def test_another_customer_addressed_by_part_of_their_name_is_caught(text, said):
    (f,) = check(text, ctx(other_personas=TOM))
    assert f.check == "wrong_recipient" and f.severity == "critical"
    assert f.title == f"Reply addresses another customer ({said})"


NOT_ADDRESSED = [
    "Hi Jane,\n\nI'm Tom from the returns team and I've approved your refund.\n\nTom\nReturns",
    "Hi Jane, your refund is approved. Thanks, Tom",
    "Hi Jane,\nyour refund is approved.\n\nThanks,\nTom",
    "Tom: Hello Jane, how can I help?\nJane: Thanks, Tom! My parcel is late.",
    "Hi Jane,\nplease ask any of our advisers: Tom, Anna or Bob.",
    "Hi Jane, you can have the jacket for a price of £20. A Brennan-style collar costs extra.",
    "Hi Jane, our engineer Tom will call before he arrives.",
    "Hi Jane,\n\nOn Mon, Tom Becker <tom@example.org> wrote:\n> Thanks, Tom here\n",
    "Hi Jane, Tom here from the workshop: the bike is ready, Tom.",
    "Hi Jane,\n\nMr Becker from our legal team will call you about the claim.",
    "Dear Jane, Mr Becker, our surveyor, will visit on Monday. Tom, our engineer, comes on Tuesday.",
    "Hi Jane,\nthe claim is approved.\n\nKind regards,\nDr S. Brennan",
]


@pytest.mark.parametrize("text", NOT_ADDRESSED)
def test_staff_names_lists_and_ordinary_words_are_not_another_customer(text):
    found = [f for f in check(text, ctx(other_personas=TOM)) if f.title.startswith("Reply addresses")]
    assert found == []


def test_the_customers_own_first_name_shared_with_another_customer_is_not_a_leak():
    assert check("Sorry for the wait, Jane, it ships today.", ctx(other_personas=[{"name": "Jane Becker"}])) == []


@pytest.mark.parametrize("tokens,text,found", [
    (["q7dm3xk2pa"], "Your case Q7DM3XK2PA is closed.", True),            # any case
    (["q7dm3xk2pa"], "Ref: xq7dm3xk2pa9 (yours)", False),                 # part of a longer reference
    (["q7dm3xk2pa"], "See https://shop.example/c/q7dm3xk2pa.", True),     # cut by punctuation
    (["case-4471-b"], "About case-4471-b: refunded.", True),               # a token that is not letters and digits
    (["case-4471-b"], "About case-4471-bb: refunded.", False),
])
def test_another_contacts_token_is_found_as_a_whole_reference(tokens, text, found):
    findings = check(text, ctx(other_tokens=tokens))
    assert any("another customer's reference" in f.title for f in findings) is found


@pytest.mark.parametrize("text", [
    "Hi FNAME, your table for two is booked for Friday at 8pm.",
    "Beste VOORNAAM, je pakket komt morgen.",
    "Dear CUSTOMER_NAME,\n\nYour policy renews on 1 June.",
    # a mask where the name should be
    "Gentile XXXXX, Le ricordiamo la visita del 27/03 ore 9:30.",
    "Dear ****,\n\nYour policy renews on 1 June.",
    "Hola XXX-XXX, tu pedido ya salió.",
])
def test_a_merge_field_in_capitals_greeted_is_a_placeholder_not_another_customer(text):
    assert check(text, ctx()) == []


def test_a_name_in_capitals_is_still_a_name():
    assert [f.title for f in check("Hi PAUL, your table for two is booked for Friday.", ctx())] \
        == ["Reply greets another customer (PAUL)"]
    assert [f.title for f in check("Hi ALEX, your table for two is booked for Friday.", ctx())] \
        == ["Reply greets the wrong name (ALEX)"]   # Xs in a name are no mask


@pytest.mark.parametrize("persona,text", [
    # the one-letter honorific of Portuguese and Spanish ("D." for Dona, Dom, Don, Doña) before the given name
    ({"name": "Fernanda Lopes", "language": "pt"}, "Bom dia D. Fernanda,\n\nA sua encomenda já chegou."),
    ({"name": "Carmen Ortiz", "language": "es"}, "Estimada D.ª Carmen:\n\nSu receta ya está lista."),
    ({"name": "Andrés Pardo", "language": "es"}, "Estimado D. Andrés,\n\nLe confirmamos la cita."),
    # abbreviated honorifics of the other languages
    ({"name": "Giulia Rossi", "language": "it"}, "Gentile Avv. Rossi,\n\nle inviamo il preventivo."),
    ({"name": "Klaus Weber", "language": "de"}, "Sehr geehrter Hr. Weber,\n\nvielen Dank für Ihre Nachricht."),
    ({"name": "Pieter Jansen", "language": "nl"}, "Geachte drs. Jansen,\n\nBedankt voor uw bericht."),
])
def test_honorifics_of_every_language_are_no_name(persona, text):
    assert check(text, ctx(persona=persona, other_personas=[])) == []


def test_a_wrong_given_name_after_an_honorific_is_still_wrong():
    fernanda = {"name": "Fernanda Lopes", "language": "pt"}
    assert check("Bom dia D. Carla,\n\nA sua encomenda já chegou.", ctx(persona=fernanda, other_personas=[]))[0].title \
        == "Reply greets the wrong name (Carla)"
    # in English a single letter is an initial: someone else's
    assert check("Hi D. Smith,\n\nYour order is ready.", ctx(persona={"name": "Jane Smith", "language": "en"},
                                                           other_personas=[]))


@pytest.mark.parametrize("greeting, name", [
    ("Hi Jo its Sam @ Oakfield Vets.", "Joanne Pike"),          # the first two letters of the given name
    ("Hi Ed, your car is ready.", "Edward Shaw"),
    ("Gentile Sig./Sig.ra %COGNOME%,", "Davide Marchesi"),     # two titles for either sex, then a field
    ("Dear Mr/Mrs Smith,", "Alex Smith"),
])
def test_a_two_letter_short_form_and_titles_joined_by_a_slash_are_the_customer(greeting, name):
    assert check(greeting + "\n\nThanks for waiting.", ctx(persona={"name": name})) == []


def test_two_letters_of_another_name_still_greet_the_wrong_person():
    assert check("Hi Jo, your refund is on its way.", ctx(persona={"name": "Marta Ruiz"}))


@pytest.mark.parametrize("greeting, name, lang", [
    ("Bonjour Docteur Guérin,", "Dr Anne-Sophie Guérin", "fr"),
    ("Estimada Doctora Ruiz:", "Marta Ruiz", "es"),
    ("Gentile Professoressa Neri,", "Laura Neri", "it"),
    ("Cher Maître Lefèvre,", "Paul Lefèvre", "fr"),
    ("Beste Dokter Peeters,", "Els Peeters", "nl"),
])
def test_a_professional_title_in_full_before_the_customers_surname_greets_the_customer(greeting, name, lang):
    persona = {"name": name, "language": lang}
    assert check(f"{greeting}\n\nVotre dossier est à jour.", ctx(persona=persona, other_personas=[])) == []


def test_a_professional_title_before_another_surname_is_still_the_wrong_person():
    persona = {"name": "Dr Anne-Sophie Guérin", "language": "fr"}
    assert check("Bonjour Docteur Martin,\n\nVotre dossier est à jour.", ctx(persona=persona, other_personas=[]))


@pytest.mark.parametrize("text, name, other, lang", [
    ("Laura: hola, sigo sin internet\nAgente (Óscar): Hola Marta, lo siento mucho. He abierto una avería.",
     "Laura Medina", "Marta Suárez", "es"),
    ("Jane: hi, still no internet\nLena (Support): Hi Tom, sorry about that. I've opened a fault.",
     "Jane Doe", "Tom Baker", "en"),
    ("Anna: hallo, immer noch kein Internet\nAgent (Jens): Hallo Petra, das tut mir leid.",
     "Anna Wolf", "Petra Lang", "de"),
])
def test_a_chat_agent_with_a_bracketed_name_greeting_another_customer(text, name, other, lang):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="chat", other_personas=[{"name": other}])
    assert check(text, ctx)


def test_a_chat_agent_with_a_bracketed_name_greeting_the_customer_is_fine():
    ctx = CheckContext(persona={"name": "Laura Medina", "language": "es"}, channel="chat",
                       other_personas=[{"name": "Marta Suárez"}])
    assert check("Laura: hola\nAgente (Óscar): Hola Laura, lo siento mucho. He abierto una avería.", ctx) == []
    # the customer's own line in a transcript greets the agent, not the customer
    assert check("Laura (cliente): Hola Óscar, sigo sin internet\nAgente (Óscar): Hola Laura, ya lo miro.", ctx) == []


@pytest.mark.parametrize("greeting, lang", [
    ("Oi Paul! Tudo bem? Aqui é o Diego, da Óptica Central.", "pt"),
    ("E aí Paul, tudo certo? Seus óculos chegaram.", "pt"),
    ("Coucou Paul ! Ta commande est prête.", "fr"),
    ("Buenas Paul, tu pedido ya está listo.", "es"),
    ("Grüezi Herr Martin, Ihr Termin ist bestätigt.", "de"),
])
def test_everyday_and_regional_greetings_to_another_customer_are_caught(greeting, lang):
    found = check(greeting, ctx(persona={**JANE, "language": lang}))
    assert found and "another customer" in found[0].title


@pytest.mark.parametrize("greeting, lang", [
    ("Oi Jane! Tudo bem? Seus óculos chegaram.", "pt"),
    ("Oi, tudo bem? Aqui é o Diego, da Óptica Central.", "pt"),
    ("Buenas noticias: tu pedido ya salió.", "es"),
    ("Coucou ! Ta commande est prête.", "fr"),
])
def test_everyday_greetings_to_the_customer_or_nobody_are_fine(greeting, lang):
    assert check(greeting, ctx(persona={**JANE, "language": lang})) == []


@pytest.mark.parametrize("greeting, name", [
    ("Cara Sra. D. Maria João,", "Maria João Sousa"),
    ("Exma. Sra. D. Maria João Sousa,", "Maria João Sousa"),
    ("Estimada Sra. D.ª Carmen,", "Carmen Vidal"),
    ("Oi Bia, aqui é a Lari do suporte.", "Beatriz Lima"),
])
def test_an_honorific_after_a_title_and_a_usual_short_form_are_the_customers_own_name(greeting, name):
    persona = {"name": name, "language": "pt"}
    assert check(greeting + "\n\nO seu pedido foi tratado.", ctx(persona=persona, other_personas=[])) == []


def test_an_honorific_after_a_title_before_someone_elses_name_is_still_caught():
    persona = {"name": "Maria João Sousa", "language": "pt"}
    assert check("Cara Sra. D. Teresa,\n\nO seu contrato foi alterado.", ctx(persona=persona, other_personas=[]))


@pytest.mark.parametrize("text", [
    "Buongiorno Sig.ra Doe, ho controllato l'ordine. Francesca, se ha domande sul ritiro mi scriva pure qui.",
    "Hi Jane, the part has shipped. Francesca, if anything else comes up, just reply here.",
])
def test_another_customers_first_name_spoken_to_at_a_sentences_start(text):
    c = CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat",
                     other_personas=[{"name": "Francesca Gallo"}])
    assert check(text, c)


def test_a_colleague_of_the_same_first_name_introduced_at_a_sentences_start_is_no_wrong_recipient():
    c = CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat",
                     other_personas=[{"name": "Francesca Gallo"}])
    assert check("Hi Jane, the part has shipped. Francesca, our installer, will call you.", c) == []


def test_a_usual_nickname_of_the_customer_is_theirs_though_another_customer_has_it_as_a_name():
    # "Tom" may be Thomas Hale or Tom Becker: no accusation either way; the other's full name is still one.
    tom = ctx(persona={"name": "Thomas Hale"}, other_personas=[{"name": "Tom Becker"}])
    assert check("Acme Broadband: Hi Tom, your router was delivered today.", tom) == []
    assert check("Hallo Sepp, die Rechnung ist unterwegs.",
                 ctx(persona={"name": "Josef Huber", "language": "de"}, other_personas=[{"name": "Sepp Maier"}])) == []
    assert check("Hi Tom Becker, your router was delivered today.", tom)[0].title.startswith("Reply greets another")


@pytest.mark.parametrize("persona, other, text", [
    # one short form for a man's and a woman's name: "Álex" is Alejandro's as much as Alejandra's
    ("Alejandro Ruiz Cano", "Alejandra Molina", "Hola, Álex:\n\nTe confirmamos la inscripción."),
    ("Alessandra Bruni", "Alessandro Riva", "Ciao Ale, il rimborso è partito."),
    ("Samantha Cole", "Samuel Price", "Hi Sam, your order is on its way."),
    # the initials of the customer's names
    ("Jean-Baptiste Morel", "Mathilde Guérin", "Salut JB, c'est Inès de l'équipe Vélocité. Ton cadre part demain."),
    ("Jane Miller", "Tom Becker", "Hi JM, your refund is done."),
])
def test_a_shared_short_form_or_the_customers_initials_are_theirs(persona, other, text):
    assert check(text, ctx(persona={"name": persona}, other_personas=[{"name": other}])) == []


def test_initials_of_someone_else_are_still_the_wrong_name():
    c = ctx(persona={"name": "Jean-Baptiste Morel"}, other_personas=[{"name": "Mathilde Guérin"}])
    assert check("Salut MG, ton cadre part demain.", c)


def test_the_dutch_short_form_of_daniel_is_the_customers_own():
    # "Daan" is how a Daniël is called in the Netherlands; beside another customer it is still his
    persona = {"name": "Daniël de Vries", "language": "nl"}
    reply = "Hoi Daan,\n\nJe fiets is klaar, je kunt hem vanaf morgen ophalen."
    assert check(reply, ctx(persona=persona, other_personas=[{"name": "Kevin Maas"}])) == []
    assert check(reply, ctx(persona={"name": "Kevin Maas", "language": "nl"},
                            other_personas=[{"name": "Daniël de Vries"}])) != []


def test_a_brand_prefix_with_an_accented_capital_and_a_spaced_colon():
    ctx = CheckContext(persona={"name": "Claire Dubois", "language": "fr"}, channel="chat")
    assert check("ÉlectroPlus Support : Bonjour Thomas, merci pour votre patience.", ctx)
    assert not check("ÉlectroPlus Support : Bonjour Claire, merci pour votre patience.", ctx)


@pytest.mark.parametrize("text, lang", [
    ("Bentornato Giorgio! Sono Lia, l'assistente virtuale.", "it"),
    ("Welcome back, Giorgio! How can I help today?", "en"),
    ("Willkommen zurück, Giorgio! Wie kann ich helfen?", "de"),
    ("Bem-vindo de volta, Giorgio! Em que posso ajudar?", "pt"),
])
def test_a_welcome_back_to_another_customer(text, lang):
    c = ctx(persona={"name": "Silvia Moretti", "language": lang}, other_personas=[{"name": "Giorgio Mancini"}])
    assert check(text, c)
    assert not check(text.replace("Giorgio", "Silvia"), c)


@pytest.mark.parametrize("greeting, name, lang, wrong", [
    # round dt: a short form after the first syllable ("Steffi", "Jule", "Andi"), listed nicknames, academic titles
    ("Hallo Steffi,", "Stefanie Ritter", "de", False),
    ("Hi Jule, hier Kai vom Kletterwerk.", "Julia Becker", "de", False),
    ("Hallo Andi, danke!", "Andreas Kurz", "de", False),
    ("Ciao Max, sì si può fare!", "Massimiliano Testa", "it", False),
    ("Ciao Gigi, sono Paola.", "Luigi Barbieri", "it", False),
    ("Hi Bex,", "Rebecca Hollis", "en", False),
    ("Hi Mags,", "Margaret Doyle", "en", False),
    ("Sehr geehrte Frau Professorin Wolf,", "Katrin Wolf", "de", False),
    ("Hallo Anne,", "Julia Becker", "de", True),
    ("Hi Mike,", "Margaret Doyle", "en", True),
])
def test_short_forms_after_the_first_syllable_and_academic_titles(greeting, name, lang, wrong):
    assert bool(check(greeting + "\nThanks.", ctx(persona={"name": name, "language": lang}))) is wrong


@pytest.mark.parametrize("greeting, name", [("Hola Lupita,", "Guadalupe Hernández"), ("Hola Kike,", "Enrique Gallardo")])
def test_spanish_nicknames(greeting, name):
    assert check(greeting + "\nGracias.", ctx(persona={"name": name, "language": "es"})) == []
