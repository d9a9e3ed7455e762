"""Internal notes, staff talk and jokes that leaked into a reply; ordinary wording left alone."""
import pytest

from probes.checks import CheckContext, run_checks
from probes.checks.internal_notes import check, staff_spans

JANE = CheckContext(persona={"name": "Jane Doe", "email": "jane.doe@example.org", "language": "en"}, channel="email")

CAUGHT = [
    # (reply, title, snippet)
    ("Hi Jane,\n\nYour refund has been approved.\n\nINTERNAL: refund over £50, needs Mike's sign-off\n\nKind regards",
     "Internal note left in the reply", "INTERNAL: refund over £50, needs Mike's sign-off"),
    ("[Internal note] customer already called twice about this\nHi Jane, thanks for your patience.",
     "Internal note left in the reply", "[Internal note] customer already called twice about this"),
    ("Hi Jane,\nthe part is on back order. Note to self: chase supplier on Monday.",
     "Internal note left in the reply", "the part is on back order. Note to self: chase supplier on Monday."),
    ("Agent notes: VIP, offer voucher if she pushes back\n\nDear Jane, thank you for your email.",
     "Internal note left in the reply", "Agent notes: VIP, offer voucher if she pushes back"),
    ("Dear Jane,\nyour engineer visit is booked for [TBC – check with Dave].",
     "Internal note left in the reply", "your engineer visit is booked for [TBC – check with Dave]."),
    ("DRAFT - do not send yet\nHi Jane, we are sorry for the delay.", "Staff-only message sent to the customer",
     "DRAFT - do not send yet"),
    ("Hi Jane, the replacement is free of charge (don't tell the customer it was our fault).",
     "Staff-only message sent to the customer",
     "Hi Jane, the replacement is free of charge (don't tell the customer it was our fault)."),
    ("FYI team, this is the third complaint from her this month.\nHi Jane, we're looking into it.",
     "Staff-only message sent to the customer", "FYI team, this is the third complaint from her this month."),
    ("@Tom can you check the warehouse stock before I reply?\n\nHi Jane,", "Staff-only message sent to the customer",
     "@Tom can you check the warehouse stock before I reply?"),
    ("Hi Jane, thanks for waiting. @here who knows the returns policy for opened items?",
     "Staff-only message sent to the customer",
     "Hi Jane, thanks for waiting. @here who knows the returns policy for opened items?"),
    ("this guy again... just send the standard refund reply\nDear customer, thank you for contacting us.",
     "Staff-only message sent to the customer", "this guy again... just send the standard refund reply"),
    ("Hi Jane, she won't notice the delay if we ship Friday. Your order is confirmed.",
     "Staff-only message sent to the customer",
     "Hi Jane, she won't notice the delay if we ship Friday. Your order is confirmed."),
    ("Hi Jane, your order has been cancelled lol", "Joke or chat slang sent to the customer",
     "Hi Jane, your order has been cancelled lol"),
    ("Thanks for your message!! hahaha we get this a lot", "Joke or chat slang sent to the customer",
     "Thanks for your message!! hahaha we get this a lot"),
    ("Interne Notiz: Kunde hat schon dreimal angerufen\nSehr geehrte Frau Doe,", "Internal note left in the reply",
     "Interne Notiz: Kunde hat schon dreimal angerufen"),
    ("Note interne : client difficile, ne pas rembourser\nBonjour Madame,", "Internal note left in the reply",
     "Note interne : client difficile, ne pas rembourser"),
    ("Nota interna: cliente muy insistente\nEstimada Sra. Doe:", "Internal note left in the reply",
     "Nota interna: cliente muy insistente"),
    ("Niet versturen!\nBeste Jane, bedankt voor uw bericht.", "Staff-only message sent to the customer",
     "Niet versturen!"),
    # Staff talk in a forwarded colleague's message.
    ("Hi Jane, please see the update below.\n\n---------- Forwarded message ---------\n"
     "From: Mark Lee <mark.lee@northwind.example>\nDate: Tue, 4 Mar 2025\nSubject: Re: refund\n\n"
     "Can someone deal with this one? I've had enough of her.", "Staff-only message sent to the customer",
     "Can someone deal with this one? I've had enough of her."),
    ("Dear Jane,\nyour refund is on its way.\n\nOn Tue, 4 Mar 2025 at 09:12, Mark Lee <mark@northwind.example> wrote:\n"
     "> lol she wants a refund for a mug she dropped", "Joke or chat slang sent to the customer",
     "> lol she wants a refund for a mug she dropped"),
    # A colleague's quoted message talking about the customer needs no marker at all.
    ("Hi Jane,\n\nWe've applied a credit of £30 to your account.\n\nRegards,\nSupport\n\n> From: Dan (Billing)\n"
     "> To: Support Team\n> Just give her the credit and close it, not worth the hassle.",
     "Staff-only message sent to the customer", "> Just give her the credit and close it, not worth the hassle."),
    ("Acme Repairs: your engineer visit is booked for 12/06. [int: cust rude on phone, send a senior tech]",
     "Internal note left in the reply",
     "Acme Repairs: your engineer visit is booked for 12/06. [int: cust rude on phone, send a senior tech]"),
    ("Hi Jane,\nI have credited £25.\n\n--- Agent notes (not visible to customer) ---\nCust v. annoyed.",
     "Internal note left in the reply", "--- Agent notes (not visible to customer) ---"),
    ("mdr encore elle avec son aspirateur 😂\nBonjour Madame Doe, je regarde votre commande.",
     "Joke or chat slang sent to the customer", "mdr encore elle avec son aspirateur 😂"),
    ("jajaja otra vez la del microondas\nHola Jane, disculpa la espera.", "Joke or chat slang sent to the customer",
     "jajaja otra vez la del microondas"),
]


@pytest.mark.parametrize("text,title,snip", CAUGHT)
def test_notes_and_staff_talk_are_caught_with_the_line(text, title, snip):
    found = check(text, JANE)
    assert found, text
    assert (found[0].check, found[0].severity, found[0].title, found[0].snippet) == \
        ("internal_note", "major", title, snip)


CLEAN = [
    "Hi Jane,\nyour internal tracking number is NW-88231; quote it when you call.",
    "Dear Jane, we have started an internal review of your complaint and will reply within 5 days.",
    "Hi Jane, our internal team is investigating the outage.",
    "Please do not send your card details by email. Use the secure link instead.",
    "Do not send this form by post; upload it at northwind.example/forms.",
    "We have added a note to your account so that any colleague can see the history.",
    "Note: our offices are closed on Monday 5 May for the bank holiday.",
    "Follow us @NorthwindShop for delivery updates.",
    "Hi Jane, FYI your parcel was left with your neighbour at number 12.",
    "The kettle costs [£20] in the sale, see the terms [1].",
    # The customer's own quoted message may say anything.
    "Hi Jane, we're sorry to hear that.\n\nOn Mon, 3 Mar 2025, Jane Doe <jane.doe@example.org> wrote:\n"
    "> lol, third time I'm writing. Do not send me another survey.",
    "Thanks Jane.\n> Internal: I'm writing on behalf of my mother",
    # A code sample in a developer-support reply.
    "Hi Jane, try this:\n```python\n# TODO: handle the timeout\nclient.send(order)  # internal: retries\n```\nBest, Sam",
    "Use `@here` in the Slack integration settings to notify the whole channel.",
    "Our new Escalation Team handles complaints within 24 hours.",
    "Beste Jane, veel lol met je nieuwe fiets!",
    "Le colis sera livré demain. Merci de ne pas envoyer de paiement en espèces.",
    "Hello Jane, the delivery date is TBC and we will confirm it by Friday.",
    "The LOL Surprise OMG doll is back in stock at £34.99.",
    # A colleague's answer forwarded *to* the customer speaks to them, not about them.
    "Hi Jane, here is what our billing team said:\n\n> From: Dan (Billing)\n> Hi Jane, your invoice was corrected "
    "and you will receive a new copy today.",
]


@pytest.mark.parametrize("text", CLEAN)
def test_ordinary_wording_and_quoted_customer_text_are_not_flagged(text):
    assert check(text, JANE) == []


def test_dutch_lol_for_a_dutch_persona_is_fun_not_a_joke():
    nl = CheckContext(persona={"name": "Pieter de Vries", "language": "nl"})
    assert check("Beste Pieter, lol hebben met de nieuwe app is het doel.", nl) == []
    assert check("Beste Pieter, lol hebben met de nieuwe app is het doel.", JANE) == []


def test_one_finding_per_line_in_reading_order():
    text = "INTERNAL: check stock\nHi Jane,\nlol fair enough\n@team please approve"
    assert [f.snippet for f in check(text, JANE)] == ["INTERNAL: check stock", "lol fair enough", "@team please approve"]


# Free-form staff remarks: no fixed marker, in any of the seven languages.
FREE_FORM = [
    # (reply, title, snippet)
    ("Hi Jane,\nyour refund of £40 is approved (Sam — can you double-check the amount before this goes?)\nBest, Lee",
     "Staff-only message sent to the customer",
     "your refund of £40 is approved (Sam — can you double-check the amount before this goes?)"),
    ("Hi Jane, we have issued a credit note [need manager OK]. Regards, Lee",
     "Drafting note left in the reply", "Hi Jane, we have issued a credit note [need manager OK]. Regards, Lee"),
    ("Hi Jane,\nyour parcel is on its way: [insert tracking link]\nThanks", "Drafting note left in the reply",
     "your parcel is on its way: [insert tracking link]"),
    ("Dear Jane,\n<<check wording>> We apologise for the delay.", "Drafting note left in the reply",
     "<<check wording>> We apologise for the delay."),
    ("Hi Jane, the engineer comes on xx confirm date xx between 8 and 12.", "Drafting note left in the reply",
     "Hi Jane, the engineer comes on xx confirm date xx between 8 and 12."),
    ("Hi Jane,\nthe replacement ships Monday.\n\nPS Maria: she has called three times, be nice.",
     "Staff-only message sent to the customer", "PS Maria: she has called three times, be nice."),
    ("Hi Jane, refund done. Honestly, PITA.", "Remark about the customer sent to the customer",
     "Hi Jane, refund done. Honestly, PITA."),
    ("the usual moaner, give her the standard reply\n\nDear Jane, thank you for your email.",
     "Remark about the customer sent to the customer", "the usual moaner, give her the standard reply"),
    ("Hi Jane,\ncc'ing you because this one is a nightmare.\nWe are looking into your order.",
     "Remark about the customer sent to the customer", "cc'ing you because this one is a nightmare."),
    ("Hallo Frau Doe, Ihre Erstattung ist unterwegs [Link einfügen].", "Drafting note left in the reply",
     "Hallo Frau Doe, Ihre Erstattung ist unterwegs [Link einfügen]."),
    ("Sehr geehrte Frau Doe,\n(Jens – kannst du den Betrag bitte noch prüfen?)\nwir melden uns morgen.",
     "Staff-only message sent to the customer", "(Jens – kannst du den Betrag bitte noch prüfen?)"),
    ("Bonjour Madame Doe, votre colis arrive demain [insérer le lien de suivi].", "Drafting note left in the reply",
     "Bonjour Madame Doe, votre colis arrive demain [insérer le lien de suivi]."),
    ("Hola Jane, su pedido llegará el martes (confirmar fecha con almacén).", "Drafting note left in the reply",
     "Hola Jane, su pedido llegará el martes (confirmar fecha con almacén)."),
    ("Gentile Jane, il rimborso è stato emesso [da confermare].", "Drafting note left in the reply",
     "Gentile Jane, il rimborso è stato emesso [da confermare]."),
    ("Beste Jane, uw pakket is onderweg (bedrag nog checken met Sanne).", "Drafting note left in the reply",
     "Beste Jane, uw pakket is onderweg (bedrag nog checken met Sanne)."),
    ("Olá Jane, o reembolso foi feito [inserir link de rastreio].", "Drafting note left in the reply",
     "Olá Jane, o reembolso foi feito [inserir link de rastreio]."),
    ("Nervensäge, schon wieder der Toaster.\nSehr geehrte Frau Doe,", "Remark about the customer sent to the customer",
     "Nervensäge, schon wieder der Toaster."),
    ("il solito rompiscatole, rispondi tu\nGentile Jane,", "Remark about the customer sent to the customer",
     "il solito rompiscatole, rispondi tu"),
    ("Hi Jane,\nyour callback is booked. (note for Dave: she has been promised one twice already)\nThanks",
     "Staff-only message sent to the customer",
     "your callback is booked. (note for Dave: she has been promised one twice already)"),
    ("Hi Jane, we escalated this. FYI Kerry - she is threatening to go to the ombudsman.",
     "Staff-only message sent to the customer",
     "Hi Jane, we escalated this. FYI Kerry - she is threatening to go to the ombudsman."),
    ("Hi Jane, your voucher is attached (can someone confirm the code is still valid?)",
     "Staff-only message sent to the customer",
     "Hi Jane, your voucher is attached (can someone confirm the code is still valid?)"),
    ("Hi Jane, your refund of ADD REFUND AMOUNT HERE is on its way.", "Drafting note left in the reply",
     "Hi Jane, your refund of ADD REFUND AMOUNT HERE is on its way."),
    ("Hola Lucía, (ojo: esta clienta ya se quejó dos veces) te llamamos mañana.",
     "Staff-only message sent to the customer",
     "Hola Lucía, (ojo: esta clienta ya se quejó dos veces) te llamamos mañana."),
    ("Hallo Frau Weber, [Achtung Team: Kundin droht mit Anwalt] wir prüfen Ihren Fall.",
     "Staff-only message sent to the customer",
     "Hallo Frau Weber, [Achtung Team: Kundin droht mit Anwalt] wir prüfen Ihren Fall."),
    ("Gentile Giulia, [nota per Marco: già rimborsata una volta] il rimborso è partito.",
     "Staff-only message sent to the customer",
     "Gentile Giulia, [nota per Marco: già rimborsata una volta] il rimborso è partito."),
]


# Unbracketed: questions to colleagues, holding the reply back, remarks about "her" to "you".
FREE_FORM += [
    ("Hi Jane, your refund is done. @Tom pls close the ticket after", "Staff-only message sent to the customer",
     "Hi Jane, your refund is done. @Tom pls close the ticket after"),
    ("Hi Jane,\ncheck wording\nWe are sorry for the delay.", "Drafting note left in the reply", "check wording"),
    ("Hi Jane, the parcel is lost. Not sending this until Mark signs off.", "Staff-only message sent to the customer",
     "Hi Jane, the parcel is lost. Not sending this until Mark signs off."),
    ("Hi Jane, anyone know if we still do free returns? Your item can go back within 30 days.",
     "Staff-only message sent to the customer",
     "Hi Jane, anyone know if we still do free returns? Your item can go back within 30 days."),
    ("Hi Jane, here's your refund, she's been a right pain about this", "Remark about the customer sent to the customer",
     "Hi Jane, here's your refund, she's been a right pain about this"),
    ("Hi Jane, thank you. Let's just give her the voucher so she goes away.",
     "Remark about the customer sent to the customer",
     "Hi Jane, thank you. Let's just give her the voucher so she goes away."),
    ("Hallo Frau Weber, danke. Kann das jemand prüfen, bevor es rausgeht?", "Staff-only message sent to the customer",
     "Hallo Frau Weber, danke. Kann das jemand prüfen, bevor es rausgeht?"),
    ("Bonjour Madame Martin, merci. Quelqu'un peut vérifier avant d'envoyer ?",
     "Staff-only message sent to the customer", "Bonjour Madame Martin, merci. Quelqu'un peut vérifier avant d'envoyer ?"),
    ("Hola Lucía, gracias. ¿Alguien puede revisar esto antes de enviarlo?", "Staff-only message sent to the customer",
     "Hola Lucía, gracias. ¿Alguien puede revisar esto antes de enviarlo?"),
    ("Beste Sanne, dank je. Kan iemand dit checken voor het verstuurd wordt?", "Staff-only message sent to the customer",
     "Beste Sanne, dank je. Kan iemand dit checken voor het verstuurd wordt?"),
    ("Olá Ana, obrigado. Alguém pode verificar antes de enviar?", "Staff-only message sent to the customer",
     "Olá Ana, obrigado. Alguém pode verificar antes de enviar?"),
]


@pytest.mark.parametrize("text,title,snip", FREE_FORM)
def test_free_form_staff_remarks_are_caught(text, title, snip):
    found = check(text, JANE)
    assert [(f.title, f.snippet) for f in found][:1] == [(title, snip)]


# Each pair: a staff aside, and the same kind of brackets or words written for the customer.
LOOK_ALIKES = [
    ("Hi Jane, refund approved (Sam, can you check the amount?)",
     "Hi Jane, refund approved (Jane, can you check the amount on your statement?)"),
    ("Hi Jane, [add tracking link] your parcel left today.",
     "Hi Jane, please add the order number (in the subject line) so we can find it."),
    ("Hi Jane, your order ships Friday (check stock w/ warehouse).",
     "Hi Jane, your order ships Friday (to be confirmed by the courier)."),
    ("Hi Jane, your refund is pending (waiting on manager approval).",
     "Hi Jane, your account is pending approval (usually 24 hours)."),
    ("PS Tom: don't refund the postage.", "PS Don't forget to register your warranty!"),
    ("Hi Jane, this one is a nightmare, the parcel is lost again.",
     "Hi Jane, we know waiting is a nightmare and we are sorry."),
    ("PITA, third email today.\nHi Jane,", "Hi Jane, the PITA bread maker is back in stock."),
    ("Bonjour Madame Doe, (vérifier le montant avec Paul) votre remboursement est parti.",
     "Bonjour Madame Doe, (vérifiez votre dossier spam) votre remboursement est parti."),
    ("Hi Jane,\nyour order (Tom — ok to send?) ships today.", "Hi Jane,\nour team (Tom, Maria and Sam) ships today."),
    ("Hi Jane, refund approved (customer has already called three times).",
     "Hi Jane, our policy (the customer has 30 days to return an item) applies here."),
    ("Hi Jane, press the button [confirm amount w/ finance].", "Hi Jane, press [Confirm Details] in the app."),
    ("Hi Jane, [Attach the PDF!] your invoice is attached.", "Hi Jane, please [Add to basket] and check out."),
    ("Hi Jane, (Heads-up team: she recorded the call) we are sorry.",
     "Hi Jane, (warning: the liquid is flammable) please store it upright."),
    ("Hola Lucía, ¿alguien puede revisar esto antes de enviarlo?",
     "Hola Lucía, alguien puede recogerlo por usted si firma la autorización."),
    ("Hi Jane, not sending this until Mark signs off.", "Hi Jane, please don't send it until you have the receipt."),
    ("Hi Jane, your refund is done. @Tom pls close the ticket.", "Hi Jane, follow us @AcmeShop please for updates."),
    ("Hi Jane, 3rd time she's chased, refund attached.",
     "Hi Jane, your mother has called us twice, so we have added a note."),
    ("Hi Jane,\nconfirm date with warehouse\nYour sofa is on order.",
     "Hi Jane,\nConfirm your email address\nby clicking the link below."),
    ("Dear Jane, <<soften this>> we cannot refund opened items.",
     "Dear Jane, as you wrote: \"<<check wording>> is all I got\". We are sorry about that email."),
]


@pytest.mark.parametrize("note,look_alike", LOOK_ALIKES)
def test_staff_asides_are_told_from_brackets_written_for_the_customer(note, look_alike):
    assert check(note, JANE), note
    assert check(look_alike, JANE) == []


def test_template_brackets_hold_a_drafting_note_or_a_field_never_both():
    note = "Hi Jane,\nyour order is delayed. {{need to confirm with supplier}}\nSorry, Lee"
    field = "Dear {{Customer Name}},\nyour order is delayed. <<First Name>>, sorry.\nLee"
    assert "internal_note" in [f.check for f in run_checks(note, JANE)]
    assert [f.check for f in run_checks(field, JANE)] == ["placeholder"]


def persona_in(lang, name):
    return CheckContext(persona={"name": name, "language": lang}, channel="email")


# The same kinds of note in each language: a postscript to a colleague, an order in brackets, a remark.
IN_EACH_LANGUAGE = [
    ("fr", "Claire Martin", "Bonjour Madame Martin, votre remboursement est validé. PS pour Karim : elle a déjà "
                            "appelé trois fois."),
    ("fr", "Claire Martin", "Bonjour Madame Martin, merci. Elle est vraiment pénible celle-là."),
    ("es", "Lucía García", "Hola Lucía, tu reembolso está en camino. PD para Carlos: ya ha llamado tres veces."),
    ("es", "Lucía García", "Hola Lucía, gracias por tu paciencia. Qué pesada es esta señora."),
    ("it", "Giulia Rossi", "Gentile Giulia, il rimborso è partito. PS per Davide: ha già chiamato tre volte."),
    ("nl", "Sanne de Vries", "Beste Sanne, je terugbetaling is onderweg. PS voor Daan: ze heeft al drie keer gebeld."),
    ("pt", "Ana Costa", "Olá Ana, o seu reembolso foi emitido. PS para o Rui: ela já ligou três vezes."),
    ("de", "Anna Weber", "Hallo Frau Weber, Ihre Bestellung kommt morgen. Die nervt echt, zum fünften Mal."),
    ("en", "Jane Doe", "Hi Jane, sorry for the delay. (pls don't offer a voucher this time)"),
    ("en", "Jane Doe", "Hi Jane, [Jo to add the engineer's name] will visit on Friday."),
    ("en", "Jane Doe", "Hi Jane, your refund is on its way. She's clearly lying about the damage."),
]


@pytest.mark.parametrize("lang,name,text", IN_EACH_LANGUAGE)
def test_postscripts_orders_and_remarks_in_each_language(lang, name, text):
    assert check(text, persona_in(lang, name)), text


SAID_TO_THE_CUSTOMER = [
    ("fr", "Claire Martin", "Bonjour Madame Martin, il est pénible d'attendre, nous le savons."),
    ("es", "Lucía García", "Hola Lucía, ¡qué pesadez tener que esperar tanto! Lo sentimos. PD: guarda el ticket."),
    ("it", "Giulia Rossi", "Gentile Giulia, che rottura dover aspettare, ci scusiamo."),
    ("nl", "Sanne de Vries", "Beste Sanne, het is vervelend, en hij is echt vervelend kapot gegaan."),
    ("de", "Anna Weber", "Hallo Frau Weber, Sie sagen, der Lärm nervt – wir schicken einen Techniker. PS: Ihre "
                         "Rechnung finden Sie im Kundenkonto."),
    ("en", "Jane Doe", "Hi Jane, (don't worry, the refund is safe) he is lying on the sofa in your photo? "
                       "P.S. Jane, keep your receipt."),
]


def test_the_same_words_said_to_the_customer_are_left_alone():
    assert check(IN_EACH_LANGUAGE[0][2], persona_in("fr", "Claire Martin"))   # the note itself is caught
    for lang, name, text in SAID_TO_THE_CUSTOMER:
        assert check(text, persona_in(lang, name)) == [], text


def test_the_writers_own_doubts_and_sources_in_brackets_are_drafting_notes():
    for text in ["Hi Jane, the refund is £42 (not sure about this amount??)", "Hi Jane, the refund is £42 (double check!)",
                 "Hi Jane, your plan renews monthly [verify]", "Hi Jane, the courier is DPD (or was it Evri? check)",
                 "Hi Jane, (copied from the last ticket) thanks for getting in touch.",
                 "Hi Jane, (reusing the macro from case 4471) your refund is approved."]:
        assert [f.title for f in check(text, JANE)] == ["Drafting note left in the reply"], text
    for text in ["We have your address as 12 High St (is this right?)", "(not sure? call us on 0800 123)",
                 "Hi Jane, to run the macro, press Alt+F8.", "Confirm your email:\nConfirm\nhttps://shop.example/c/1"]:
        assert check(text, JANE) == [], text


def test_a_handle_or_a_list_in_brackets_is_not_an_aside_to_a_colleague():
    assert check("Hi Jane, your order is here. (@maria fyi)", JANE)
    for text in ["Hi Jane, message us any time (@AcmeHelp on Twitter).", "Hi Jane (@AcmeHelp) is open 24/7.",
                 "Hi Jane, which branch suits you (Paris, or London?)"]:
        assert check(text, JANE) == [], text


def _jane(lang):
    return CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="email")


STAFF_TALK_WITHOUT_MARKERS = [
    # (language, reply): staff talk that no fixed phrase marks, caught by what it says and to whom
    ("en", "Dear Mrs Doe,\nYour new appointment is Friday at 10am.\n(second complaint this month from her, she really has nothing better to do)\nKind regards"),
    ("en", "Hi Jane,\nThe invoice is attached (fifth time I've explained the VAT to him).\nThanks"),
    ("de", "Sehr geehrte Frau Doe,\nwir prüfen Ihren Antrag. (die hat schon 4x angerufen, bitte nicht wieder zurückrufen)\nMfG"),
    ("fr", "Bonjour Madame,\nNous avons transmis votre demande. (3e fois qu'elle relance, on escalade ?)\nCordialement"),
    ("es", "Estimada Sra. Doe:\nHemos recibido su reclamación. (es la tercera vez que escribe la clienta, no le demos reembolso)\nSaludos"),
    ("it", "Gentile Jane,\nabbiamo ricevuto la richiesta. (la solita del rimborso, rispondile e chiudiamo il ticket)\nSaluti"),
    ("nl", "Beste Jane,\nWe hebben je melding ontvangen. (de klant belt voor de 3e keer, ticket escaleren?)\nGroet"),
    ("pt", "Olá Jane,\nRecebemos o seu pedido. (a cliente já ligou pela 4ª vez, não oferecer desconto)\nAbraço"),
    ("en", "Hi Jane,\nYour refund is on its way.\nTom, can you double-check the amount before this goes out?\nThanks"),
    ("en", "Hi Jane, we've rebooked the visit. PS Dave grab the spare filter from the van\nCheers"),
    ("en", "Alex: Hi Jane, let me look into that.\nAlex: @Maria could you take over? I'm on lunch\nAlex: Sorry for the wait!"),
    ("it", "Un momento... @Luca mi controlli la disponibilità della taglia 40?"),
    ("en", "Hi Jane,\nYour parcel was sent today.\n\nShift handover notes: cust wants a callback, tried twice, no answer\n"),
    ("de", "Sehr geehrte Frau Doe,\nanbei Ihre Rechnung.\n\n*** Notiz für das Billing-Team: Gutschrift noch nicht gebucht ***"),
    ("fr", "Madame,\nVotre dossier est en cours.\n\nRemarque interne : ne pas rembourser les frais.\n"),
    ("pt", "Olá Jane,\nSeu pedido foi enviado.\n\nObservação interna: verificar pagamento antes de liberar."),
    ("en", "Hi Jane,\nWe'll deliver on Monday [confirm slot with\nwarehouse before sending].\nThanks"),
    ("en", "Hi Jane,\nAll sorted now.\nremember to close ticket 88213 and tag it billing before sending\n"),
    ("en", "Hi Jane,\nYour account is updated. Cust v unhappy re fees, waived by TL.\nBest"),
    ("es", "[09:01] Marta (Soporte): Hola Jane, ya lo reviso.\n[09:02] Marta (Soporte): ojo que esta siempre pide hablar con el jefe, no le des más descuento\n"),
    ("en", "Hi Jane,\nWe can fit it on Tuesday (too blunt? maybe soften — Priya).\nThanks"),
    ("pt", "(não responde ainda, estou vendo com o financeiro) Olá Jane, um momento por favor"),
    ("es", "Estimada Sra. Doe:\n[REVISAR IMPORTE ANTES DE ENVIAR] Le confirmamos el reembolso."),
    ("en", "Hi Jane,\nAll done.\n\n> total PITA this one, check if the fee can be charged to her\n"),
]


@pytest.mark.parametrize("lang,text", STAFF_TALK_WITHOUT_MARKERS)
def test_staff_talk_is_caught_by_its_evidence_not_a_fixed_phrase(lang, text):
    assert check(text, _jane(lang)), text


ORDINARY_REPLIES = [
    # (language, reply): third persons, names, PS lines, dashes and "before sending" written for the customer
    ("en", "Hi Jane,\nOur engineer Tom will call again tomorrow (he is based in Leeds).\nThanks"),
    ("en", "Hi Jane,\nYour replacement is on its way (the same model you ordered).\nThanks"),
    ("en", "Hi Jane,\nMake sure the item is securely packed before sending it back.\nRemember to keep the receipt after sending."),
    ("en", "Hi Jane,\nMark, can you check your spam folder? The link was sent at 9am.\n"),
    ("en", "Hi Jane,\nI've copied in my colleague Aisha (cc'd). Aisha, can you send Jane the demo link?\nBest"),
    ("en", "Hi Jane,\nFollow us @AcmeShop for updates, or email help@acme.example.\n"),
    ("en", "Hi Jane,\nPS Remember to bring your ID on the day.\nP.S. Check out our winter range."),
    ("en", "Hi Jane,\nThe courier said he tried to deliver twice (he left a card).\n"),
    ("en", "Hi Jane,\nThe customer is responsible for return postage (see clause 7).\n"),
    ("en", "Hi Jane,\nYou can find the TODO list under Settings > Tasks.\n"),
    ("en", "Hi Jane, so sorry about that! 😊 It happens to all of us lol, it's fixed now."),
    ("de", "Sehr geehrte Frau Doe,\nbitte antworten Sie nicht auf diese E-Mail.\n(Ihr Berater ist ab Montag wieder da.)\nMfG"),
    ("fr", "Madame,\nMerci de ne pas répondre à ce message. (Votre conseillère vous rappellera.)\n"),
    ("es", "Estimada Sra. Doe:\nPara reiniciar, dale al botón de encendido otra vez.\nSaludos"),
    ("it", "Gentile Jane,\nsegui la solita procedura di reso (la trovi sul sito).\nSaluti"),
    ("en", "Hi Jane,\nOur driver will come again on Friday (he always calls ahead).\n"),
    ("en", "Hi Jane,\nYour gift card (she can use it online too) is attached.\n"),
    ("en", "Hi Jane,\nDispatch is from our Leeds warehouse - check the tracking page for updates.\n"),
    ("en", "Hi Jane,\nTry restarting it - check if the light turns green.\n"),
    ("de", "Hallo Jane,\nDie Übergabe: Montag 10 Uhr am Standort Köln.\n"),
    ("en", "Hi Jane,\nHandover: Monday 10am at the Leeds branch, bring both keys.\n"),
    ("en", "Hi Jane,\nNote for travellers: the station is closed on Sunday.\n"),
    ("nl", "Beste Jane,\nOnze monteur komt morgen (hij belt vooraf).\nGroet"),
    ("en", "Hi Jane,\nYour order #48812 shipped. Questions? Ask @Sophie on our forum.\n"),
    ("en", "Dear Jane,\nPlease do not reply to this email. Please don't reply.\n"),
    ("en", "Hi Jane,\nI've asked our engineer; he will close the ticket once it's fixed.\n"),
    ("en", "Hi Jane,\nThe quote (2x 500ml bottles, he said glass is fine) is attached.\n"),
    ("es", "Hola Jane,\nEl técnico (él ya conoce su caso) irá el lunes.\n"),
    ("en", "Dear Jane,\nThank you. Lisa, our accounts manager, will send the statement today.\n"),
]


@pytest.mark.parametrize("lang,text", ORDINARY_REPLIES)
def test_ordinary_replies_that_look_like_staff_talk_are_left_alone(lang, text):
    assert check(text, _jane(lang)) == [], text


def test_a_note_that_runs_on_to_the_next_line_is_reported_on_its_first_line():
    text = "Hi Jane,\nWe'll deliver on Monday [confirm slot with\nwarehouse before sending].\nThanks"
    assert [f.snippet for f in check(text, JANE)] == ["We'll deliver on Monday [confirm slot with"]


def test_an_unattributed_quote_counts_only_as_a_remark_that_does_not_speak_as_the_customer():
    note = "Hi Jane,\nAll done.\n\n> total PITA this one, check if the fee can be charged to her\n"
    assert check(note, JANE)
    assert check("Hi Jane,\nSorry.\n\n> My last reply called me a PITA customer, really?\n", JANE) == []
    assert check("Hi Jane,\nSorry.\n\nOn Mon, Jane Doe wrote:\n> the usual moaner, they called me\n", JANE) == []


COLLEAGUE_LINES = [
    ("de", "Sehr geehrte Frau Doe,\nIhre Erstattung ist veranlasst.\nMarta, kannst du das noch freigeben, bevor es "
           "rausgeht?\nMfG"),
    ("it", "Gentile Jane,\nil rimborso è in corso.\nLuca, puoi controllare l'importo prima di inviarla?\nSaluti"),
    ("fr", "Madame,\nVotre remboursement est validé.\nn'oublie pas de clôturer le dossier 5512 après l'envoi\n"),
    ("es", "Estimada Sra. Doe:\nSu reembolso está en curso.\nno olvides cerrar el ticket 7781 después de enviar\n"),
]
CUSTOMER_LINES = [
    ("it", "Ciao Jane,\nMarco, puoi confermare il tuo indirizzo?\n"),
    ("es", "Hola Jane,\nCarlos, ¿puedes enviarnos tu número de pedido?\n"),
    ("fr", "Bonjour Jane,\nN'oubliez pas de bien emballer l'article avant l'envoi.\n"),
    ("de", "Hallo Jane,\nNicht vergessen: die Ware vor dem Versenden gut verpacken.\n"),
    ("en", "Hi Jane,\nPack the item securely before sending.\n"),
    ("en", "Hi Jane,\nPlease wait before sending it back.\n"),
    # A third person who comes back again and again is not the customer unless they keep contacting us.
    ("nl", "Hoi Jane,\nDe monteur (hij komt voor de 2e keer) belt vooraf.\n"),
    ("pt", "Olá Jane,\nO técnico (ele já esteve aí 2 vezes) volta amanhã.\n"),
    ("en", "Hi Jane,\n@Jane thanks for the update!\n"),
    ("en", "Hi Jane,\nFollow our CEO @Mark on LinkedIn for news?\n"),
    ("en", "Hi Jane,\nSorry about that lol, it's fixed now 🙂\n"),
]


def test_lines_to_a_named_colleague_or_to_self_in_other_languages_and_the_same_said_to_customers():
    for lang, text in COLLEAGUE_LINES:
        assert check(text, _jane(lang)), text
    for lang, text in CUSTOMER_LINES:
        assert check(text, _jane(lang)) == [], text


def test_a_line_that_calls_the_customer_a_liar_is_staff_talk_in_any_language():
    for lang, text in [("en", "Hi Jane,\nCustomer is lying about the damage, refund anyway.\nThanks"),
                       ("de", "Hallo Frau Doe,\ndie Kundin lügt doch, Foto ist von 2022.\n"),
                       ("es", "Hola Jane,\nla clienta miente, el paquete se entregó.\n")]:
        assert check(text, _jane(lang)), text
    for lang, text in [("en", "Hi Jane,\nThe customer is lying down in the photo you sent.\n"),
                       ("fr", "Bonjour Jane,\nLe client ment rarement, nous vous croyons.\n")]:
        assert check(text, _jane(lang)) == [], text


# --- Notes told by their grammar and by kinds of staff evidence, not by a phrase list (own wordings, 7 languages). ---
def _doe(lang):
    return CheckContext(persona={"name": "Jane Doe", "email": "jane.doe@example.org", "language": lang},
                        channel="email")


WEIGHED_NOTES = [
    # approval chatter: a subjectless "approved by <colleague>"
    ("en", "Hi Jane,\n\nYour new router ships today.\n\nsigned off by Dev, reason: loyalty\n\nThanks",
     "signed off by Dev, reason: loyalty"),
    ("en", "Hi Jane,\nYour card has been updated.\n(approved by TL, reason code GW2)\nThanks", "(approved by TL"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Router wird heute verschickt.\n\nGenehmigt von Jens.\n\nMit freundlichen Grüßen",
     "Genehmigt von Jens."),
    ("fr", "Bonjour Madame Doe,\n\nVotre remboursement est en cours.\n\nValidé par Karim, tu peux envoyer.\n\nCordialement",
     "Validé par Karim"),
    ("es", "Estimada Sra. Doe:\n\nSu router sale hoy.\n\nAutorizado por Lucía.\n\nAtentamente", "Autorizado por Lucía."),
    ("it", "Gentile Sig.ra Doe,\n\nil router parte oggi.\n\nApprovato da Giorgio.\n\nCordiali saluti",
     "Approvato da Giorgio."),
    ("nl", "Geachte mevrouw Doe,\n\nUw router wordt vandaag verzonden.\n\nGoedgekeurd door Rik.\n\nMet vriendelijke groet",
     "Goedgekeurd door Rik."),
    ("pt", "Prezada Sra. Doe,\n\nO seu router segue hoje.\n\nAutorizado pelo Rui, podes enviar.\n\nCumprimentos",
     "Autorizado pelo Rui"),
    # an order not to promise or admit something, at the start of a clause
    ("en", "Hi Jane,\n\nThanks for your patience.\nwaiting on warehouse, don't promise a date\n\nBest",
     "don't promise a date"),
    ("en", "Hi Jane,\n\nYour new router ships today, pls don't mention the recall to her.\n\nThanks",
     "don't mention the recall to her"),
    ("de", "Hallo Frau Doe,\n\nIhre Erstattung ist unterwegs.\nwarten aufs Lager, kein Datum zusagen!\n\nViele Grüße",
     "kein Datum zusagen"),
    ("fr", "Bonjour Madame Doe,\n\nVotre routeur part aujourd'hui.\nEn attente du dépôt, ne rien promettre sur la date.\n",
     "ne rien promettre"),
    ("es", "Hola Jane:\n\nSu reembolso está en curso.\nesperando al almacén, no prometer fecha\n\nSaludos",
     "no prometer fecha"),
    ("nl", "Geachte mevrouw Doe,\n\nUw router wordt vandaag verzonden.\nwachten op magazijn, geen datum toezeggen\n",
     "geen datum toezeggen"),
    ("pt", "Prezada Sra. Doe,\n\nO seu router segue hoje.\nà espera do armazém, não prometer data\n", "não prometer data"),
    # case notes in staff shorthand: two kinds of evidence, nobody spoken to
    ("en", "Hi Jane,\n\nYour new router ships today.\n\ncx rang x4 re router, LVM, cb booked\n\nThanks", "cx rang x4"),
    ("en", "Hi Jane,\nYour card has been updated.\nEsc'd to T2 per SOP, pls don't reopen\nThanks", "Esc'd to T2"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Router wird heute verschickt.\n\nKd. schreibt 4x täglich, Ticket an 2nd Level\n",
     "Kd. schreibt 4x"),
    ("fr", "Bonjour Madame Doe,\n\nVotre remboursement est en cours.\n\ncliente a appelé 3 fois, escaladé N2\n",
     "cliente a appelé 3 fois"),
    ("nl", "Beste Jane,\n\nUw terugbetaling is onderweg.\n\nklant heeft 3x gebeld, doorgezet naar 2e lijn\n",
     "klant heeft 3x gebeld"),
    # the customer talked about, weighed by kinds of evidence
    ("en", "Hi Jane,\n\nYour new router ships today. the woman from Hull again... 4th router this year 🙄\n\nThanks",
     "the woman from Hull again"),
    ("en", "Hi Jane,\n\nDone. this bloody guy has emailed 5 times today, someone else take him tomorrow\n",
     "this bloody guy has emailed 5 times"),
    ("de", "Ihre Adresse ist geändert, Frau Doe. die schon wieder… zum dritten Mal heute -.- Sonst noch etwas?",
     "die schon wieder"),
    ("pt", "Pronto Jane, já reenviei. essa senhora de novo, quarta vez esta semana. Mais alguma coisa?",
     "essa senhora de novo"),
    # agreed with a colleague, a warning about the customer, a colleague's informal "you" in a formal reply
    ("en", "Hi Jane,\n\nYour boiler part is on order.\n\nOK'd w/ Gemma on the phone, she said fine this once\n",
     "OK'd w/ Gemma"),
    ("es", "Estimada Sra. Doe:\n\nSu pieza está pedida.\n\nConsultado con Raúl, dice que ok solo esta vez.\n",
     "Consultado con Raúl"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Ersatzteil ist bestellt.\n\nAbgesegnet von Frau Kühn, Kulanz einmalig.\n",
     "Abgesegnet von Frau Kühn"),
    ("en", "Hi Jane,\n\nYour boiler part is on order.\n\nshe threatened the ombudsman last time, tread carefully\n",
     "tread carefully"),
    ("es", "Estimada Sra. Doe:\n\nSu pieza está pedida.\n\nojo, esta señora ya amenazó con ir a consumo, cuidado con lo "
     "que decimos\n", "amenazó"),
    ("fr", "Bonjour Madame Doe,\n\nVotre pièce est commandée.\n\nJulie, tu relances le fournisseur jeudi ?\n",
     "Julie, tu relances"),
    ("it", "Gentile Sig.ra Doe,\n\nil ricambio è stato ordinato.\n\nLuca mi raccomando non promettere date, il fornitore "
     "non risponde.\n", "non promettere date"),
    ("pt", "Prezada Sra. Doe,\n\nA peça foi encomendada.\n\nJá ligou 5x esta semana, passei para o supervisor.\n",
     "Já ligou 5x"),
    ("en", "Hi Jane,\n\nYour boiler part is on order. (Ahmed - remind me to chase the supplier Thursday)\n", "(Ahmed"),
    # the writer's exasperation about the customer
    ("en", "Hi Jane,\n\nYour order ships Friday. Honestly, if she asks one more time I'm quitting.\n", "I'm quitting"),
    ("fr", "Bonjour Madame Doe,\n\nVotre colis part vendredi. Encore elle, j'en peux plus.\n", "j'en peux plus"),
    ("nl", "Geachte mevrouw Doe,\n\nUw pakket gaat vrijdag weg. hij weer, ik word gek\n", "ik word gek"),
    # a colleague turned to by name, about the case
    ("en", "Hi Jane,\n\nYour new router ships today.\n\nKev, she's emailed five times this week, can we just close it?\n",
     "Kev, she's emailed"),
    ("it", "Gentile Sig.ra Doe,\n\nil router parte oggi. Sara, chiudi tu il ticket dopo?\n\nCordiali saluti",
     "Sara, chiudi tu il ticket dopo?"),
    ("es", "Estimada Sra. Doe:\n\nSu router sale hoy. Pablo porfa mira si hay stock en Sevilla.\n\nAtentamente",
     "Pablo porfa mira"),
    # notes for a team, macro instructions, drafting asides between dashes, afterthoughts
    ("en", "Hi Jane,\n\nYour new router ships today.\n[Tier 2 team: is the replacement covered under warranty?]\n",
     "[Tier 2 team:"),
    ("en", "Hi Jane,\n\n[Agent: choose option A or B depending on the plan]\n\nBest,\nSam", "[Agent: choose"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Router wird heute verschickt — Lieferdatum nochmal prüfen — und kommt bald.\n",
     "Lieferdatum nochmal prüfen"),
    ("en", "Hi Jane,\n\nYour router is £45 (need to confirm the model with stores) and ships today.\n",
     "(need to confirm the model with stores)"),
    ("en", "Hi Jane,\n\nWe can't refund opened items; this is in our terms. too blunt? maybe reword\n\nBest",
     "maybe reword"),
    ("de", "Hallo Frau Doe,\n\ndie Anleitung finden Sie hier: TODO PDF von Technik besorgen\n\nGrüße", "TODO PDF"),
]


@pytest.mark.parametrize("lang,text,part", WEIGHED_NOTES)
def test_notes_are_told_by_their_grammar_and_kinds_of_staff_evidence(lang, text, part):
    found = check(text, _doe(lang))
    assert found, text
    assert any(part in f.snippet or part in f.detail for f in found), [f.snippet for f in found]


WEIGHED_LOOK_ALIKES = [
    ("en", "Hi Jane,\n\nI've escalated your case to our internal team, who will review it.\n\nBest,\nSam"),
    ("en", "Hi Jane,\n\nYour refund was approved by Sarah in our billing team, she'll email you the receipt.\n"),
    ("en", "Hi Jane,\n\nYour new router ships today. It was signed off by our quality team.\n"),
    ("en", "Hi Jane,\n\nI've copied in my colleague Tom, who handles refunds. Tom, could you confirm the amount?\n"),
    ("en", "Hi Jane,\n\nI've copied in my colleague Sam. Sam please call Jane tomorrow.\n"),
    ("en", "Hi Jane,\n\nYour order ships Friday.\n\nPS Don't forget to register your warranty.\n"),
    ("en", "Hi Jane,\n\nYou mentioned your husband called us three times last week. I'm sorry he was misinformed.\n"),
    ("en", "Hi Jane,\n\nThe courier says he called 3 times but nobody answered. I've asked him to try again.\n"),
    ("en", "Hi Jane,\n\nThe lady at our Leeds branch said she had called the depot 3 times.\n"),
    ("en", "Hi Jane,\n\nTom, our engineer, has raised a ticket with the manufacturer.\n"),
    ("en", "Hi Jane,\n\nMark - he's our best engineer - will visit again on Monday.\n"),
    ("en", "Hi Jane,\n\nI'll check the fee with billing and come back to you. I need to confirm the amount first.\n"),
    ("en", "Hi Jane,\n\nI'll personally check the stock again tomorrow and won't promise a date until I know.\n"),
    ("en", "Hi Jane,\n\nWe don't offer refunds on sale items. Never give anyone your PIN.\n"),
    ("en", "Hi Jane,\n\nStatus: escalated to Tier 2 support.\nSupport team: 0800 123 456 (Mon-Fri)\n"),
    ("en", "Hi Jane,\n\n> My husband called 3x and was escalated to T2, pls help\n\nSorry about that, I'm on it.\n"),
    ("en", "Hi Jane,\n\nYou wrote: \"the guy from the shop has called me 3 times, pls stop\". I'm sorry.\n"),
    ("de", "Hallo Frau Doe,\n\nMach bitte zehn Bremsungen. Schicken Sie bitte das Gerät zurück.\n"),
    ("de", "Hallo Frau Doe,\n\nwir können leider keinen Termin zusagen, bitte haben Sie Geduld.\n"),
    ("de", "Hallo Frau Doe,\n\nIhr Fall wurde an den 2nd Level weitergeleitet. Jens, unser Techniker, kommt am Montag.\n"),
    ("de", "Hallo Frau Doe,\n\nder Techniker kommt schon wieder am Montag, zum zweiten Mal diese Woche.\n"),
    ("fr", "Bonjour Madame Doe,\n\nNous ne pouvons rien promettre, mais votre dossier est prioritaire.\n"),
    ("fr", "Bonjour Madame Doe,\n\nVotre dossier a été approuvé par Karim, notre responsable, qui vous écrira.\n"),
    ("fr", "Bonjour Madame Doe,\n\nLe technicien est encore passé, c'est la troisième fois qu'il appelle le dépôt.\n"),
    ("es", "Hola Jane:\n\nNo podemos prometer una fecha. Aprobado por Sara, su reembolso llegará pronto.\n"),
    ("es", "Hola Jane:\n\nRevisa por favor tu bandeja de entrada. Pablo, nuestro técnico, le llamará mañana.\n"),
    ("it", "Gentile Jane,\n\nMarco, il nostro tecnico, ha aperto un ticket. Il corriere dice che lui ha chiamato tre volte.\n"),
    ("it", "Gentile Sig.ra Doe,\n\nil tecnico è passato di nuovo, la terza volta questo mese: ci scusiamo.\n"),
    ("nl", "Beste Jane,\n\nWe kunnen niets beloven. Uw zaak is doorgezet naar de 2e lijn.\n"),
    ("pt", "Olá Jane,\n\nNão podemos prometer uma data. O técnico ligou de novo, terceira vez hoje, e pede desculpa.\n"),
    ("en", "Hi Jane,\n\nI'm so sorry for your loss. I can't imagine how hard it is; she sounds wonderful.\n"),
    ("en", "Hi Jane,\n\nYour son said he is losing patience with us, and I understand why.\n"),
    ("en", "Hi Jane,\n\nYour parcel was found. Finally, ticket 4471 has been closed. Kindly please confirm receipt.\n"),
    ("de", "Hallo Frau Doe,\n\nIhr Paket ist da. Leider, das Ticket 4471 wurde geschlossen.\n"),
    ("en", "Hi Jane,\n\nChecked with Hermes: the parcel is at the depot. Cleared with customs on Monday.\n"),
    ("fr", "Bonjour Madame Doe,\n\nVotre pièce est commandée. Madame, avez-vous reçu du courrier ?\n"),
    ("en", "Hi Jane,\n\nYou said the seller threatened you with court. Please be careful: never pay outside the site.\n"),
    ("es", "Estimada Sra. Doe:\n\nHe pasado su caso a nuestra supervisora, que le llamará.\n"),
    # shorthand written for the customer: an SMS, an order summary, an engineer who rang
    ("en", "Appt confirmed for Tue 10am. Pls bring ID. Ref T2-4471"),
    ("en", "Order summary: 3x T-shirt (L2), 1x Mug. Pls allow 3 days."),
    ("en", "Hi Jane,\nEngineer update: he called 3 times, no answer, pls call 0800 123 to rebook.\nAcme"),
    ("en", "Hi Jane,\nPriority: escalated to L2 (our specialist team). Ticket 4471.\n"),
    ("en", "Hi Jane,\nApproved by Finance. Approved by: J. Smith\n"),
    ("en", "Hi Jane,\nThe previous agent, Mark, said he would escalate your ticket. I'm sorry he didn't.\n"),
    ("en", "Hi Jane,\nKeep this for your records: customer called 14/03, callback arranged for 15/03.\n"),
    ("fr", "Bonjour Jane,\nRDV confirmé. Merci d'apporter une pièce d'identité. Le livreur a appelé 3 fois.\n"),
    ("nl", "Hoi Jane, afspraak bevestigd. De monteur heeft 3x gebeld, bel ons terug.\n"),
]


@pytest.mark.parametrize("lang,text", WEIGHED_LOOK_ALIKES)
def test_the_same_evidence_said_to_the_customer_or_about_someone_else_is_left_alone(lang, text):
    assert check(text, _doe(lang)) == [], text


# --- Who a passage addresses (probes.checks.addressee): evidence from the reply's frame, not from phrases. ---
def _ctx(lang, name="Jane Doe"):
    return CheckContext(persona={"name": name, "language": lang, "situation": "general"}, channel="email")


SET_APART_NOTES = [
    # below the signature: the customer by name in the third person
    ("en", "Dear Ms Doe,\n\nYour refund of £40 has been processed.\n\nKind regards,\nTom\nCustomer Care\n\n"
           "Jane phoned twice yesterday, go easy on her", "Jane phoned twice"),
    # above the greeting: the customer's name and a repeat
    ("en", "Doe's had two reships already - last one.\n\nHi Jane,\n\nA new kettle is on its way.\n\nBest,\nRo",
     "Doe's had two reships"),
    # below the signature: a jotted note (lower case) with staff work, nobody named
    ("en", "Hi Jane,\n\nYour new router is on its way.\n\nThanks,\nSam\n\ncredited the month as goodwill, "
           "flag to billing", "credited the month"),
    # a colleague's initials and a date, with shorthand for the customer
    ("en", "Hello Jane,\n\nYour appointment is confirmed.\n\nRegards,\nAmir\n\nAK 04/11 cust ID checked on call",
     "AK 04/11"),
    # a colleague named first, spoken to ("you" said to the colleague, not the customer)
    ("en", "Hi Jane,\n\nThe order has been cancelled.\n\nBest wishes,\nLeah\n\nOmar - can you void the invoice "
           "when the ticket closes?", "Omar - can you void"),
    # in each language, below the signature
    ("de", "Sehr geehrte Frau Doe,\n\nIhre Gutschrift ist gebucht.\n\nMit freundlichen Grüßen\nAnja Weber\n\n"
           "Frau Doe ruft jeden Tag an – Vorgang bitte schließen, sobald gebucht", "Frau Doe ruft"),
    ("fr", "Bonjour Madame Doe,\n\nVotre avoir est enregistré.\n\nBien cordialement,\nLéa\n\n"
           "Mme Doe a appelé trois fois, relancer la compta lundi", "Mme Doe a appelé"),
    ("es", "Estimada Sra. Doe:\n\nSu abono ya está registrado.\n\nSaludos cordiales,\nPablo\n\n"
           "clienta muy enfadada, escalar a supervisor si vuelve a escribir", "clienta muy enfadada"),
    ("it", "Gentile Sig.ra Doe,\n\nil suo buono è stato emesso.\n\nCordiali saluti,\nGiulia\n\n"
           "la Doe ha già scritto tre volte, chiudere la pratica domani", "la Doe ha già scritto"),
    ("nl", "Beste mevrouw Doe,\n\nUw tegoed is bijgeschreven.\n\nMet vriendelijke groet,\nDaan\n\n"
           "mevrouw Doe belt weer, ticket sluiten als het geld binnen is", "mevrouw Doe belt"),
    ("pt", "Cara Sra. Doe,\n\nO seu crédito foi registado.\n\nCumprimentos,\nInês\n\n"
           "cliente já reclamou 2 vezes, escalar para o supervisor", "cliente já reclamou"),
]


@pytest.mark.parametrize("lang,text,part", SET_APART_NOTES)
def test_a_block_set_apart_from_the_letter_that_speaks_to_staff_is_a_note(lang, text, part):
    found = check(text, _ctx(lang))
    assert found and part in found[0].snippet


ASIDES_AND_SENTENCES = [
    ("en", "Hi Jane, the locksmith comes at 2pm (Jane's rung 4x today, she's not happy, keep it short).", "Jane's rung"),
    ("en", "Hi Jane,\n\nJane wants the full £90 back but policy says £60, I've gone with £60 and logged it.\n\n"
           "Your refund of £60 is on its way.\n\nThanks,\nNed", "Jane wants the full"),
    ("de", "Hallo Frau Doe,\n\nFrau Doe hat schon zweimal reklamiert, Kulanz ist freigegeben.\n\nIhre Gutschrift "
           "folgt.\n\nViele Grüße\nOle", "Frau Doe hat schon"),
]


@pytest.mark.parametrize("lang,text,part", ASIDES_AND_SENTENCES)
def test_an_aside_or_sentence_about_the_customer_by_name_is_a_note(lang, text, part):
    found = check(text, _ctx(lang))
    assert found and part in found[0].snippet


SET_APART_LOOK_ALIKES = [
    # footers, signatures and postscripts written for the customer
    ("en", "Dear Ms Doe,\n\nAll done.\n\nKind regards,\nTom Baker\nCustomer Care Team\nAcme Ltd\n\n"
           "Acme Ltd is authorised and regulated by the FCA. Registered in England No. 123456."),
    ("en", "Hi Jane,\n\nAll sorted.\n\nThanks,\nSam\n\nP.S. Our winter sale starts next week - keep an eye on "
           "your inbox!"),
    ("en", "Hi Jane,\n\nAll sorted.\n\nThanks,\nSam\n\nRated Excellent on Trustpilot. Winners of the 2025 "
           "customer service award."),
    ("en", "Hi Jane,\n\nDone!\n\nBest,\nSam\n\n--\nSam Patel | Team Lead, Escalations\nAcme Energy"),
    ("en", "Hi Jane,\n\nDone!\n\nBest,\nSam\n\nTicket 4471 | Status: resolved | Priority: normal"),
    ("en", "Order 4471 - replacement\n\nHi Jane,\n\nThe replacement ships today.\n\nThanks,\nSam"),
    # slogans about "the customer" in general
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Vorgang ist abgeschlossen.\n\nMit freundlichen Grüßen\nTim Berger\n"
           "Kundenservice\n\nDer Kunde ist uns wichtig – seit 1950."),
    ("fr", "Bonjour Madame Doe,\n\nVotre dossier est clos.\n\nCordialement,\nJulie\nService client\n\n"
           "Le client est au cœur de nos préoccupations."),
    # third persons who are not the customer; the customer's name said to her
    ("en", "Hi Jane,\n\nThe courier said he tried twice but nobody was in. (He left a card.)\n\nThanks,\nSam"),
    ("en", "Hi Jane,\n\nThanks Jane for bearing with us - your case was escalated and is now resolved.\n\n"
           "Thanks,\nSam"),
    ("es", "Hola Jane:\n\nTu pedido ya ha salido.\n\nUn saludo,\nPablo\n\nSíguenos en Instagram @tiendaejemplo"),
]


@pytest.mark.parametrize("lang,text", SET_APART_LOOK_ALIKES)
def test_footers_signatures_and_talk_to_the_customer_set_apart_are_not_notes(lang, text):
    assert check(text, _ctx(lang)) == []


MORE_SET_APART = [
    # an unattributed "> " block below the signature that does not speak as the customer
    ("en", "Hi Jane,\n\nYour booking is moved to the 14th.\n\nRegards,\nPaul\n\n> para 1 sounds a bit cold, "
           "can someone reword before this goes?", "para 1 sounds"),
    # a colleague's signed request below the signature ("you" is the colleague)
    ("en", "Dear Ms Doe,\n\nWe have closed the account.\n\nKind regards,\nNina\n\n___\nCould you proofread this "
           "before it is sent? First go at a complaint reply - N", "Could you proofread"),
    # a paragraph wholly in square brackets: a drafting instruction
    ("en", "Hi Jane,\n\nHere is how to reset the router.\n\n[paste the steps from KB 118 here, the short version]\n\n"
           "Thanks,\nSupport", "[paste the steps from KB 118"),
    # after "//" in a line
    ("en", "Hi Jane, your direct debit is set up. // acct flagged for arrears, review next month",
     "acct flagged"),
    # a shouted instruction inside an ordinary paragraph
    ("en", "Hi Jane,\n\nWe can offer a credit of £30 on your next bill. CHECK WITH SUPERVISOR BEFORE SENDING "
           "THIS ONE.\n\nThanks,\nOwen", "CHECK WITH SUPERVISOR"),
    # a note for the team below the signature, in Portuguese and Spanish
    ("pt", "Olá Jane,\n\nO reembolso está a ser tratado.\n\nCumprimentos,\nRui\n\nObs equipa: não enviar antes de "
           "confirmar o valor com a contabilidade", "Obs equipa"),
    ("es", "Hola Jane:\n\nTu reembolso está en trámite.\n\nUn saludo,\nMarta\n\nNota equipo: no enviar hasta que "
           "contabilidad confirme el importe", "Nota equipo"),
]


@pytest.mark.parametrize("lang,text,part", MORE_SET_APART)
def test_quoted_signed_bracketed_slashed_or_shouted_notes_set_apart_are_caught(lang, text, part):
    found = check(text, _ctx(lang))
    assert found and part in found[0].snippet


MORE_LOOK_ALIKES = [
    # the customer's own quoted message below the reply, unattributed
    ("en", "Hi Jane,\n\nWe've sent a new code.\n\nThanks,\nPaul\n\n> I never got the code, can someone resend it "
           "before I try again?"),
    # capitals written for the customer
    ("en", "Hi Jane,\n\nYour card is blocked for your safety. PLEASE DO NOT SHARE YOUR PIN WITH ANYONE. "
           "We will send a new card.\n\nThanks,\nOwen"),
    # a bracketed paragraph for the customer, a signed line with "you" to the customer
    ("en", "Hi Jane,\n\nAll done.\n\n[This message was sent from our secure portal]\n\nThanks,\nSupport"),
    ("en", "Hi Jane,\n\nAll done - you can check it in the app now.\n\nThanks,\nSam\n\nSee you at the shop soon - Sam"),
    # a to-do given to the customer; "//" in a path
    ("en", "Hi Jane,\n\nBefore the visit:\n1. Clear the hallway.\n2. TODO on your side: find the meter key.\n\n"
           "Thanks,\nSam"),
    ("en", "Hi Jane, the form is at https://example.org/forms // in the Documents section."),
]


@pytest.mark.parametrize("lang,text", MORE_LOOK_ALIKES)
def test_customer_quotes_capitals_and_brackets_for_the_customer_are_not_notes(lang, text):
    assert check(text, _ctx(lang)) == []


THIRD_ROUND_SHAPES = [
    # an aside that speaks for nobody and to nobody, with staff evidence
    ("en", "Hi Jane, the late fee is waived. (TL said fine this once)", "(TL said fine this once)"),
    ("en", "Hi Jane,\n\n(reused the reply to the Harris complaint - amend names)\n\nYour voucher is attached.\n\n"
           "Thanks,\nBea", "amend names"),
    # a paragraph jotted in lower case inside a letter whose paragraphs open with capitals
    ("en", "Hi Jane,\n\nThanks for your patience.\n\nhanding this to Omar, I'm on leave from tmrw\n\n"
           "Kind regards,\nLiz", "handing this to Omar"),
    # a paragraph wholly in ** … **
    ("en", "Hi Jane,\n\nYour credit is applied.\n\n**staff: don't forget to tag this as goodwill**\n\nThanks",
     "**staff:"),
    # a lower-case label opening a sentence mid-line
    ("en", "Hi Jane, your slot is Tuesday. note: same postcode as the fraud case, chase ID", "note: same postcode"),
    # a note for a named colleague with an article, a customer noun for "the lady"
    ("it", "Gentile Jane,\n\nil reso è registrato.\n\nCordiali saluti,\nLuca\n\nNota per il collega del turno di notte: "
           "la signora richiama sempre la sera", "Nota per il collega"),
    ("pt", "Olá Jane,\n\nA encomenda saiu hoje.\n\nCumprimentos,\nJoão\n\nNota para a Marta: a cliente quer falar "
           "com o gerente", "Nota para a Marta"),
]


@pytest.mark.parametrize("lang,text,part", THIRD_ROUND_SHAPES)
def test_unnamed_asides_jotted_paragraphs_and_labels_for_colleagues_are_notes(lang, text, part):
    found = check(text, _ctx(lang))
    assert found and part in found[0].snippet


THIRD_ROUND_LOOK_ALIKES = [
    ("en", "Hi Jane, your engineer comes Friday (he always rings ahead)."),
    ("en", "Hi Jane, your refund is approved (we checked it twice)."),
    ("en", "Hi Jane,\n\nAll sorted.\n\nCheers,\nSam\n\nsent via the Acme help desk app"),
    ("it", "Gentile Jane,\n\nle confermiamo il rimborso.\n\nIl bonifico arriverà presto.\n\nCordiali saluti,\nLuca"),
    ("en", "Hi Jane, your slot is Tuesday. Note: we are closed on Monday."),
    # a postscript to the customer by name below the signature; a signature with a team lead's title
    ("en", "Hi Jane,\n\nThe fitter is booked.\n\nThanks,\nSam\n\nP.S. Jane - remember to move the car before he "
           "arrives!"),
    ("de", "Hallo Frau Doe,\n\nIhre Erstattung ist unterwegs.\n\nViele Grüße\nTim\n\nTim Berger\nTeamleiter "
           "Kundenservice\nBeispiel GmbH"),
    # a third person in an aside who is not the customer
    ("it", "Gentile Jane,\n\nil tecnico è già passato due volte (ha trovato la caldaia spenta). Tornerà giovedì.\n\n"
           "Cordiali saluti,\nLuca"),
]


@pytest.mark.parametrize("lang,text", THIRD_ROUND_LOOK_ALIKES)
def test_asides_about_third_parties_or_us_and_letters_in_lower_case_are_not_notes(lang, text):
    assert check(text, _ctx(lang)) == []


def test_a_question_to_a_colleague_typed_into_the_chat_about_this_one_is_a_note():
    chat = CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat")
    found = check("So sorry the parcel is late again, Jane. I'll look into it. mo can we comp the postage on this "
                  "one?", chat)
    assert found and "comp the postage" in found[0].snippet
    assert check("So sorry the parcel is late again, Jane. I've refunded the postage on this one. Anything else?",
                 chat) == []


WRONG_WINDOW = [
    ("en", "Agent Mo: Thanks Jane, checking now.\nAgent Mo: oops wrong window - Lea is she due the £10 credit?",
     "wrong window"),
    ("de", "Danke, Frau Doe, einen Moment. sorry falsches Fenster – Pia, hat die Kundin schon einen Gutschein?",
     "falsches Fenster"),
    ("en", "You're welcome Jane! ps for team - she's the one from the double charge last week", "ps for team"),
    ("nl", "Dank u, mevrouw Doe. ff navragen bij Daan of de klant al gecompenseerd is", "ff navragen"),
]


@pytest.mark.parametrize("lang,text,part", WRONG_WINDOW)
def test_messages_typed_into_the_customers_chat_for_a_colleague_are_notes(lang, text, part):
    found = check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat"))
    assert found and part in found[-1].snippet


def test_an_apology_for_a_wrong_number_said_to_the_customer_is_not_a_note():
    chat = CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat")
    assert check("Sorry Jane, wrong ticket number above - your reference is 44120.", chat) == []


@pytest.mark.parametrize("text", [
    "Estimado Sr. Ruiz:\n\nHemos revisado su factura. (Lola, no le hagas el abono hasta que llegue el parte.) "
    "El importe es correcto.\n\nAtentamente,\nAguas del Norte",
    "Hi Jane,\n\nYour refund is on its way. (Tom, don't mention the voucher, she had one last month.)\n\nBest,\nAmy",
    "Gentile Sig.ra Bruni,\n\nabbiamo ricevuto la segnalazione. (Luca, non rimborsare finché non arriva la foto.)"
    "\n\nCordiali saluti\nServizio Clienti",
    "Bonjour Madame Petit,\n\nVotre dossier est en cours. (Karim, ne lui propose pas de geste commercial.)\n\n"
    "Cordialement,\nLe service client",
    "Olá Sr. Costa,\n\nRecebemos a sua reclamação. (Inês, não lhe ofereças o desconto, já teve um.)\n\n"
    "Cumprimentos,\nApoio ao Cliente",
    "Estimados Sres. Gil:\n\nLa revisión está programada. (Andrés, no les cobres la visita.)\n\nAtentamente,\nGasNor",
])
def test_a_colleague_named_in_brackets_and_told_what_not_to_do_is_a_note(text):
    assert check(text)


@pytest.mark.parametrize("text", [
    "Estimada Marta:\n\nLe enviaremos el técnico a la dirección correcta (Sevilla, no Málaga).\n\nAtentamente,\nPepe",
    "Hi Jane,\n\nThe parcel goes to the depot (Leeds, not Hull) and you can collect it there.\n\nBest,\nAmy",
    "Hi Jane,\n\nPlease keep the receipt (Jane, don't throw it away!) until the refund arrives.\n\nBest,\nAmy",
])
def test_a_place_after_a_comma_or_the_customer_told_what_not_to_do_is_no_note(text):
    assert check(text, JANE) == []


def test_a_customers_note_for_a_courier_quoted_below_the_signature_is_theirs():
    # "Note for the driver:" names a role, not a colleague: what customers write for couriers
    for text in [
        "Hi Jane,\n\nDone, I've added it to your delivery.\n\nBest,\nAmy\n\n> Note for the courier: please use the "
        "side door, and don't knock, the dog barks.",
        "Hi Jane,\n\nNo problem, noted on the order.\n\nThanks,\nRaj\n\n> Note to the driver: leave it in the "
        "porch if nobody answers.",
    ]:
        assert check(text, JANE) == [], text
    # a note to a named colleague in the same place still is one
    assert check("Hi Jane,\n\nDone, I've added it to your delivery.\n\nBest,\nAmy\n\n> Note for Sam: she has "
                 "complained 3 times already, escalate if she writes again.", JANE)


@pytest.mark.parametrize("text", [
    "Hi Jane, your replacement card is on its way. bloody printer jammed again, 2nd time today",
    "Hallo Jane, die Gutschrift ist gebucht. scheiß Drucker schon wieder kaputt",
    "Bonjour Jane, le remboursement est fait. putain de logiciel encore planté, 3e fois ce matin",
])
def test_venting_about_the_case_jotted_with_a_repeat_and_swearing_is_a_note(text):
    assert check(text, JANE)


@pytest.mark.parametrize("text", [
    # said to the customer (a "you"), or no swearing, or no repeat, or a sentence written properly
    "Hi Jane, sorry the router broke again. damn, I know you've had enough of it.",
    "Hi Jane, your replacement card is on its way. printer jammed again, 2nd time today",
    "Hi Jane, your replacement card is on its way. bloody printer, it is fixed now.",
    "Hi Jane, the router failed again, sorry. We will send a new one today.",
    # a chat agent's casual swearing that speaks for the company or themselves
    "Hi Jane, so sorry. damn courier failed again, but we will resend today.",
    "Hi Jane! argh, the bloody app crashed again on my side, one sec and I will retry.",
])
def test_venting_said_to_the_customer_or_without_its_signs_is_no_note(text):
    assert check(text, JANE) == []


# --- Round h (blind round, tuned on): classes of structure rather than vocabulary. ---
DE = CheckContext(persona={"name": "Jana Vogt", "language": "de"}, channel="email")


@pytest.mark.parametrize("text", [
    # a hard-wrapped email: the short line ending a sentence carries on the line above, it is no to-do of its own
    "Guten Tag Frau Vogt,\n\nwenn Sie möchten, können Sie sich auf unserer Produktseite für eine\n"
    "Erinnerungsmail eintragen.\n\nFreundliche Grüße\nTim",
    "Beste mevrouw Vogt,\n\nU kunt de nieuwe datum zelf in het klantportaal onder het tabblad\n"
    "Afspraken aanpassen.\n\nMet vriendelijke groet,\nTim",
])
def test_the_end_of_a_wrapped_sentence_is_no_drafting_note(text):
    assert check(text, DE) == []


def test_a_verb_last_to_do_on_a_line_of_its_own_still_is_one():
    assert check("Guten Tag Frau Vogt,\n\nIhre Bestellung ist unterwegs.\nLieferdatum nochmal prüfen\n\n"
                 "Freundliche Grüße\nTim", DE)


ES = CheckContext(persona={"name": "Lucía Pardo", "language": "es"}, channel="email")
IT = CheckContext(persona={"name": "Paola Neri", "language": "it"}, channel="chat")
NL = CheckContext(persona={"name": "Anke de Boer", "language": "nl"}, channel="chat")
PT = CheckContext(persona={"name": "Rita Sousa", "language": "pt"}, channel="email")
FR = CheckContext(persona={"name": "Claire Morel", "language": "fr"}, channel="email")


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane,\n\nYour parcel was re-sent today.\n\nAgent comment (Tom): second reship, flag account if it happens "
     "again\n\nBest,\nAmy", JANE),
    ("Guten Tag Frau Vogt,\n\nIhr Vertrag ist verlängert.\n\nInterne Notiz von Jens: Kulanz schon zweimal gewährt\n\n"
     "Freundliche Grüße", DE),
])
def test_a_note_label_with_its_writer_before_the_colon_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Bonjour Madame Morel,\n\n(Note pour le conseiller : supprimer ce paragraphe si la cliente n'a pas d'assurance)"
     " Votre devis est joint.\n\nCordialement", FR),
    ("Gentile Sig.ra Neri, [nota per l'operatore: cancellare questa riga se non c'è garanzia] il tecnico passerà "
     "domani.", IT),
    ("Beste mevrouw De Boer,\n\nUw afspraak staat vast. Alleen gebruiken als klant al een contract heeft.\n\n"
     "Met vriendelijke groet", NL),
    ("Hi Jane,\n\nYour refund of £[amount] is on its way (adjust the amounts manually before it goes).\n\nBest", JANE),
])
def test_an_instruction_about_the_macro_itself_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # the customer told how to use a product, to delete their own data, or to fill in a form by hand
    ("Hi Jane,\n\nOnly use the charger when the device is switched off. You can delete this line from your "
     "settings file if you prefer.\n\nBest", JANE),
    ("Estimada Sra. Pardo:\n\nPuede borrar este párrafo de su carta de reclamación si ya no procede. Use solo "
     "el cargador original.\n\nAtentamente", ES),
    ("Beste mevrouw De Boer,\n\nU kunt de bedragen zelf handmatig aanpassen in de app.\n\nMet vriendelijke groet", NL),
])
def test_instructions_given_to_the_customer_about_their_own_things_are_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Estimada Sra. Pardo:\n\nSu pedido sale mañana (preguntar a Marta si el montaje va incluido) y le llegará el "
     "jueves.\n\nAtentamente", ES),
    ("Bonjour Madame Morel,\n\nLe remboursement est validé (vérifier avec Julie le montant exact).\n\nCordialement", FR),
    ("Beste mevrouw De Boer, de monteur komt dinsdag. prijs nog navragen bij Sanne", NL),
    ("Olá Sra. Sousa,\n\nO valor da retoma é de 5.000 € (confirmar com o Rui, acho que dá mais)\n\nCumprimentos", PT),
])
def test_asking_a_named_colleague_in_the_note_style_of_infinitives_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # the customer told whom to ask, with the polite imperative; a colleague introduced to the customer
    ("Estimada Sra. Pardo:\n\nSi lo desea, puede preguntar a Marta en recepción por el montaje.\n\nAtentamente", ES),
    ("Bonjour Madame Morel,\n\nVous pouvez vérifier avec Julie, notre conseillère, le montant exact.\n\n"
     "Cordialement", FR),
    ("Hi Jane,\n\nI've copied in my colleague Tom. Please check with Tom whether Tuesday suits you.\n\nBest", JANE),
])
def test_a_customer_told_to_ask_someone_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, your repair is booked for Friday. (Sam can you make sure the loan car is free that day?)", JANE),
    ("Hola Lucía, ya está tramitada la devolución. (Pepe esto apúntalo en el parte porfa)", ES),
    ("Gentile Sig.ra Neri,\n\nil rinnovo è registrato. (Gio, verifica tu se il pagamento è arrivato)\n\n"
     "Cordiali saluti", IT),
])
def test_a_colleague_named_at_the_start_of_an_aside_and_asked_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, your order ships today (Amazon can take a day longer to update tracking).", JANE),
    ("Gentile Sig.ra Neri, il corriere passerà domani (Milano, zona Nord).", IT),
    ("Hola Lucía, el técnico irá el lunes (Madrid capital, por favor tenga el DNI a mano).", ES),
])
def test_a_place_or_a_company_opening_an_aside_is_no_colleague(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # the customer as "she"/"he" with nobody else in the reply the pronoun could stand for, and a staff sign
    ("Hi Jane, your replacement card is on its way (she lost the last one twice already, policy says 1 free "
     "replacement).", JANE),
    ("Gentile Sig.ra Neri, la prenotazione è confermata.\npls check the hotel keeps the room if she arrives late, "
     "last time they gave it away", IT),
    ("Beste mevrouw De Boer, uw afspraak is op dinsdag om 10:00. [ze belt steeds terug, evt even bellen ipv mailen]",
     NL),
])
def test_a_note_about_the_customer_in_the_third_person_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # someone else the pronoun stands for: the engineer, the customer's husband, a named person who acts
    ("Hi Jane, our engineer will visit on Friday (he lost the van keys twice already, so he may be late).", JANE),
    ("Hi Jane, your husband's parcel is gift-wrapped (he asked for that twice, policy says it is free).", JANE),
    ("Hi Jane, Tom will call you on Friday. He has your file and asked twice already about the meter.", JANE),
    # the pronoun alone, with nothing only staff say
    ("Hi Jane, your parcel goes out today (he will ring the bell before leaving it).", JANE),
])
def test_a_pronoun_for_someone_else_or_without_staff_signs_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Hola Lucía, su mesa sale hoy. (no confirmar hora hasta q llame el almacén)", ES),
    ("Olá Sra. Sousa, a encomenda já saiu.\nnão prometer data, o armazém tá atrasado x causa da greve", PT),
    ("Gentile Sig.ra Neri, la pratica è aperta. (non dirle l'importo finché non arriva la perizia, cmq urgente)",
     IT),
])
def test_a_negated_infinitive_order_with_staff_shorthand_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # care and safety instructions, footers: infinitives said to everyone
    ("Estimada Sra. Pardo:\n\nLe enviamos la funda nueva. No lavar a más de 30 grados y no usar secadora.\n\n"
     "Atentamente", ES),
    ("Olá Sra. Sousa,\n\nSegue a fatura em anexo. Por favor, não responder a este e-mail.\n\nCumprimentos", PT),
    ("Bonjour Madame Morel,\n\nVotre colis est parti. Ne pas jeter l'emballage avant réception.\n\nCordialement", FR),
    ("Gentile Sig.ra Neri,\n\nnon confermare l'ordine finché non ricevi il codice via SMS.\n\nCordiali saluti", IT),
    ("Estimada Sra. Pardo:\n\nPara cualquier duda, preguntar a Marta en la recepción del hotel.\n\nAtentamente", ES),
    ("Bonjour Madame Morel,\n\nPour le montage, voir avec Julien lors de la livraison.\n\nCordialement", FR),
])
def test_infinitive_instructions_said_to_everyone_are_no_note(text, ctx):
    # (Italian "non confermare …" is also the informal "don't confirm …" said to a customer: left alone)
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # a paragraph in another language than the reply, with a staff sign
    ("Dear Jane,\n\nYour appointment is confirmed for Tuesday at 10:00.\n\nNota: pidió otra doctora, de momento lo "
     "dejo así, no se lo digas todavía.\n\nKind regards,\nElena", JANE),
    ("Estimada Sra. Pardo:\n\nSu cita queda confirmada para el martes a las 10:00.\n\nshe asked for a different "
     "doctor twice already, pls leave it as is for now\n\nAtentamente,\nElena", ES),
])
def test_a_staff_line_in_another_language_than_the_reply_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # a bilingual reply, a footer in the company's language, a translated line for the customer
    ("Dear Jane,\n\nYour refund has been processed.\n\nEstimada Jane: su reembolso ha sido procesado y lo verá "
     "en su cuenta en breve.\n\nKind regards", JANE),
    ("Dear Jane,\n\nYour order is on its way.\n\nKind regards,\nTim\nGeschäftsführer: Hans Meier, Amtsgericht "
     "München HRB 12345, Sitz der Gesellschaft München", JANE),
    ("Dear Jane,\n\nYour order is on its way.\n\nNota: el envío es gratuito en todos los pedidos a partir de 50 "
     "euros.\n\nKind regards,\nTim", JANE),
])
def test_another_language_said_to_the_customer_or_in_a_footer_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # typed into the customer's chat instead of the team's
    ("Hoi Anke, je pakket is onderweg.\nff koffie halen, kan iemand chat 2 overnemen? die zeurt over de bezorgtijd\n"
     "Je krijgt morgen een track & trace.", NL),
    ("Hi Jane, the refund is on its way.\nbrb lunch, can u take over chat 4? she's moaning about the fee again\n"
     "Anything else I can help with?", JANE),
    ("Hola Lucía, tu pedido ya salió.\nme voy a comer, puedes coger el chat 3? es el de las 5 llamadas\n"
     "Te llega mañana.", ES),
])
def test_a_message_to_the_team_typed_into_the_customers_chat_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, I'm going on my lunch break now, my colleague Sam will take over this chat if you need anything.",
     JANE),
    ("Hoi Anke, ik ga zo lunchen, maar je kunt gewoon hier in de chat blijven typen. Je pakket komt morgen.", NL),
])
def test_telling_the_customer_about_a_break_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Estimada Sra. Pardo:\n\nSu reserva está confirmada.\n\nTurno de tarde: si llama otra vez pasádselo a Jorge, "
     "ya le ofrecí el descuento.\n\nAtentamente", ES),
    ("Hi Jane,\n\nYour booking is confirmed.\n\nNight shift: if she rings again pls put her through to Sam, she's "
     "already had the voucher.\n\nBest", JANE),
    ("Guten Tag Frau Vogt,\n\nIhre Buchung steht.\n\nSpätschicht: falls sie nochmal anruft, bitte an Jens geben, "
     "Gutschein hat sie schon.\n\nFreundliche Grüße", DE),
])
def test_a_line_for_a_shift_by_its_label_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane,\n\nWeekend team: open Saturday and Sunday 10:00–16:00 on 0800 123 456.\n\nBest", JANE),
    ("Estimada Sra. Pardo:\n\nTurno de tarde: de 15:00 a 21:00, llame al 900 123 456 si lo necesita.\n\n"
     "Atentamente", ES),
])
def test_a_shifts_hours_given_to_the_customer_are_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, your car is ready from 3pm. -- dont mention the dent til she's here, Mo's on it", JANE),
    ("Gentile Sig.ra Neri, il preventivo è pronto. (Luca: non dirle ancora niente dello sconto)", IT),
    ("Guten Tag Frau Vogt, Ihre Reparatur ist fertig. sag ihr noch nichts vom Kratzer, Jens klärt das", DE),
])
def test_an_order_not_to_tell_the_customer_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, please don't tell anyone your PIN, not even if they say they are from the bank.", JANE),
    ("Hi Jane, your gift for your mum is wrapped. Don't tell her until she opens it!", JANE),
    ("Estimada Sra. Pardo:\n\nEs un regalo para su marido, así que no se lo digas a nadie.\n\nAtentamente", ES),
])
def test_advice_to_the_customer_about_keeping_something_quiet_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Olá Rita!\n\n---------- Mensagem encaminhada ----------\nDe: Paulo Reis (Backoffice)\nPara: apoio@loja.pt\n"
     "Assunto: Re: fatura\n\npodes responder que a nota de crédito já saiu, não comentes nada sobre o atraso\n\n---\n\n"
     "A nota de crédito já foi emitida.\n\nCumprimentos", PT),
    ("Hi Jane,\n\n---------- Forwarded message ---------\nFrom: Dan Price <dan@acme.example>\nSubject: Re: refund\n\n"
     "you can reply that the refund went out Monday, nothing about the outage pls\n\n---\n\nYour refund went out on "
     "Monday.\n\nBest", JANE),
])
def test_a_forwarded_colleagues_instruction_about_the_answer_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Bonjour Madame Morel,\n\nLa reprise de votre véhicule est estimée à 6 500 € (voir avec Karim, il parlait de 7 000 "
     "si on signe ce m\n\nLe prix final serait de 21 000 €.\n\nCordialement", FR),
    ("Hi Jane,\n\nYour trade-in is valued at £6,500 (check w/ Nick, he said 7k if she signs this mo\n\n"
     "Kind regards,\nHelen", JANE),
])
def test_an_aside_half_deleted_and_never_closed_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane,\n\nYour trade-in is valued at £6,500 (subject to an inspection of the\nvehicle on the day).\n\n"
     "Kind regards", JANE),
    ("Hi Jane,\n\nThe price includes fitting (and the old unit is taken away\n\nKind regards", JANE),
])
def test_an_unclosed_aside_written_for_the_customer_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Gentile Sig.ra Neri, la linea è attiva. ps x Gio: terza volta che scrive, valuta tu il 2° livello", IT),
    ("Olá Sra. Sousa, a sua encomenda sai hoje.\n--- nota p/ equipa: confirmar morada antes de fechar ---", PT),
    ("Hola Lucía, tu pedido sale hoy. pd x Marta: ya es la tercera vez que escribe", ES),
])
def test_postscripts_and_notes_with_chat_shorthand_prepositions_are_notes(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Olá Sra. Sousa,\n\nO reembolso sai em até 48 horas (na real deve demorar mais, o banco tá enrolando todo mundo)."
     "\n\nCumprimentos", PT),
    ("Hi Jane,\n\nYou'll hear back within 24 hours (between us, the supplier is messing everyone around this week)."
     "\n\nBest", JANE),
])
def test_an_aside_of_candour_meant_for_colleagues_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane!\nthanks for waiting, I've checked and he'll be there by 2pm tmrw.\nAnything else?", JANE),
    ("Hi Jane,\n\nI've asked Tom in billing to look at it. He said twice already that the fee was wrong, so pls "
     "expect a refund.\n\nBest", JANE),
    ("Hi Jane,\n\nNight shift: our phone lines are open until midnight, pls call if it's urgent.\n\nBest", JANE),
    ("Oi Rita! na real o prazo é de 5 dias, mas costuma chegar antes 😊", PT),
    ("Hola Lucía! q tal? tu pedido sale hoy x la tarde y te llega mañana", ES),
    ("Hoi Anke, de bezorger is twee keer langs geweest. Hij komt morgen nog een keer, ff geduld nog!", NL),
])
def test_chat_shorthand_and_pronouns_in_lines_written_to_the_customer_are_no_note(text, ctx):
    assert check(text, ctx) == []


def test_he_in_an_aside_after_someone_else_is_named_is_that_person():
    assert check("Hi Jane, your son's appointment is on Tue. (he should bring his red book, pls)", JANE) == []
    # with nobody else named, the same aside is about the customer
    assert check("Hi Jane, your appointment is on Tue. (she never brings her red book, pls remind)", JANE)


@pytest.mark.parametrize("text, ctx", [
    ("Bonjour Madame Morel, votre colis arrive demain.\nKarim tu peux vérifier l'adresse stp ? elle a déménagé", FR),
    ("Hoi Anke, je bestelling komt morgen.\nSanne kun jij de bezorger even bellen? ze is niet thuis tussen 12 en 2", NL),
    ("Buongiorno Paola, la consegna è confermata.\nGiulia ricordati di avvisare il magazzino, vuole la consegna al piano",
     IT),
    ("Olá Rita, o reembolso já foi feito.\nJoão vê se consegues fechar o ticket hoje", PT),
])
def test_a_line_opening_with_a_colleagues_name_and_an_informal_request_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hola Lucía, tu pedido sale mañana.\nMira, puedes devolverlo en cualquier tienda si no te convence.", ES),
    ("Hi Jane, thanks for the photos.\nJane can you also send the receipt?", JANE),
    ("Hi Tom, thanks for the photos.\nTom can you also send the receipt?", JANE),   # a wrong name, not a note
    ("Bonjour Madame Morel,\n\nJulie pourra vous rappeler demain matin.\n\nCordialement", FR),
])
def test_a_line_opening_with_the_customers_or_a_greeted_name_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Beste mevrouw De Boer,\n\nUw terugbetaling is verwerkt. (mevrouw heeft al 3x gebeld, graag niet "
     "doorverbinden)\n\nMet vriendelijke groet", NL),
    ("Hola Lucía, el técnico irá el lunes. (OJO: no tiene garaje, avisar al técnico)", ES),
    ("Hi Jane, the part is ordered.\nreminder for me: chase supplier thurs\nIt should arrive next week.", JANE),
    ("Hallo Jana, dein Paket ist unterwegs. (Trackingnummer fehlt noch, nachreichen!)", DE),
])
def test_more_staff_asides_and_lines_by_their_structure(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hola Lucía, el técnico irá el lunes (para cambios de hora, avisar al técnico en el 600 123 456).", ES),
    ("Beste mevrouw De Boer,\n\nUw terugbetaling is verwerkt (binnen 3 werkdagen op uw rekening).\n\n"
     "Met vriendelijke groet", NL),
])
def test_asides_with_instructions_or_details_for_the_customer_are_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, if the driver calls, just tell him that he can leave it with a neighbour.", JANE),
    ("Hola Lucía, te confirmo que el paquete llegó. Si el repartidor vuelve, dile que lo deje en conserjería.", ES),
    ("Hallo Jana, wenn der Fahrer anruft, sag ihm einfach, dass er es beim Nachbarn lassen kann.", DE),
    ("Hola Lucía:\n\nNota: los pedidos realizados en fin de semana se procesan el lunes.\n\nUn saludo,\nIván", ES),
    ("Estimada Sra. Pardo:\n\nGracias por su mensaje. Su técnico, Javier, le llamará mañana. Él lleva su caso desde "
     "el principio.\n\nAtentamente,\nMarta García\nAtención al cliente", ES),
])
def test_what_to_tell_a_courier_and_pronouns_for_named_staff_are_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # a note addressed to a department or a role of the company, in brackets or on a line
    ("Hi Jane,\n\nYour MOT is booked for Thursday at 9.\n\n(Note for reception: collect the £45 from last time before "
     "she leaves)\n\nBest,\nGarage", JANE),
    ("Guten Tag Frau Vogt,\n\nIhr Rezept liegt bereit.\n\nHinweis an die Buchhaltung: Rechnung vom März noch offen, "
     "erst danach aushändigen.\n\nFreundliche Grüße", DE),
    ("Bonjour Madame Morel,\n\nVotre devis est joint.\n\n[Note pour l'atelier : prévoir deux poseurs, 3e étage sans "
     "ascenseur]\n\nCordialement", FR),
    ("Buongiorno Paola, la consegna è confermata per giovedì. (nota per il magazzino: imballo doppio, ha già rotto "
     "due vasi)", IT),
    ("Olá Sra. Sousa,\n\nA sua encomenda está pronta.\n\nNota para a receção: só entregar depois de pagar a fatura "
     "antiga.\n\nCumprimentos", PT),
])
def test_a_note_addressed_to_a_department_or_role_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # the customer's own department, a courier's note (a customer writes those), a note for customers
    ("Beste mevrouw De Boer,\n\nOpmerking voor uw boekhouding: de factuur is nu btw-vrij.\n\nMet vriendelijke groet",
     NL),
    ("Hi Jane,\n\nNote for your accounts team: the invoice number has changed to INV-2291.\n\nBest", JANE),
    ("Hi Jane,\n\nYour order details:\nNote for the driver: leave it with number 14.\n\nBest", JANE),
    ("Estimada Sra. Pardo:\n\nNota para clientes de Canarias: el envío tarda dos días más.\n\nAtentamente", ES),
    ("Guten Tag Frau Vogt,\n\nHinweis für Praxis-Kunden: Parkplätze gibt es im Hof.\n\nFreundliche Grüße", DE),
    ("Guten Tag Frau Vogt,\n\nHinweis für Neukunden: Der Versand ist bis Ende Mai kostenlos.\n\nFreundliche Grüße",
     DE),
])
def test_notes_for_the_customers_side_are_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # a postscript to a colleague named with no comma, in any case, about the customer or telling them what to do
    ("Acme Hire: Hi Jane, your deposit query has gone to our claims team. ps Dom this is the one with the scratched "
     "door, don't refund without photos", JANE),
    ("Hola Lucía, tu reserva está confirmada. pd Marta ya es la tercera vez que cambia la fecha", ES),
    ("Olá Rita, o seu pedido sai amanhã. ps Nuno não lhe dês mais desconto", PT),
    ("Hoi Anke, je pakket is onderweg. ps Sanne dit is die mevrouw van de 5 klachten, geen tegoed geven", NL),
    ("Hallo Jana, dein Paket ist unterwegs. PS Jens die hat schon 3x angerufen, bitte nicht nochmal Gutschein geben",
     DE),
])
def test_a_postscript_to_a_colleague_without_a_comma_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, your table is booked for 7pm. PS Sarah will bring the cake out at 9 as you asked.", JANE),
    ("Hi Jane, thanks for your order! PS Tom says hi and hopes the new shoes fit.", JANE),
    ("Hola Lucía, tu pedido sale hoy. PD Marta te llamará mañana para la instalación.", ES),
    ("Hi Jane, your console ships today with 3 months of PS Plus, don't miss the free games this month.", JANE),
    # the colleague named is the subject, with a pronoun for themselves, not the customer
    ("Hi Jane,\n\nYour part is ordered.\n\nP.S. Mark says he will bring the spare part.\n\nBest, Ann", JANE),
    ("Hi Jane, the boiler is booked in. PS Gary reckons he'll need an hour at most, he's bringing the new valve.", JANE),
    ("Hallo Jana, dein Paket ist bestellt. PS Jens kommt morgen selbst vorbei, er hat den Schlüssel.", DE),
    ("Olá Rita, o seu pedido está pronto. ps Nuno vai levá-lo amanhã, ele já tem a morada.", PT),
])
def test_a_postscript_naming_staff_to_the_customer_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # chat shorthand about the customer before the greeting: a count of her requests, an order, a shouted negation
    ("[09:14] Amy: cust on his 4th refund request this month, NO goodwill\n[09:14] Amy: Hi Jane, thanks for waiting!",
     JANE),
    ("[10:02] Ben: cx wants the std script, 2nd complaint this week\n[10:02] Ben: Hi Jane, I've looked into it.", JANE),
])
def test_chat_shorthand_about_the_customer_with_a_count_or_an_order_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("Hi Jane, this is your 3rd refund request this year, so it needs a manager's approval - I've sent it on.", JANE),
    ("Hi Jane, NO credit card is needed for the free trial.", JANE),
])
def test_a_count_or_a_capital_negation_said_to_the_customer_is_no_note(text, ctx):
    assert check(text, ctx) == []


@pytest.mark.parametrize("text, ctx", [
    # an attention word, then the customer in the third person keeping something back: meant for the crew
    ("Hola Lucía, te confirmamos la mudanza el sábado a las 8:00. OJO subir presupuesto, es un cuarto sin ascensor y "
     "no lo dijo", ES),
    ("Hallo Jana, dein Umzug ist für Samstag bestätigt. ACHTUNG Angebot anpassen, Altbau ohne Aufzug und das hat sie "
     "nicht gesagt", DE),
    ("Bonjour Claire, votre déménagement est confirmé samedi. ATTENTION revoir le devis, troisième sans ascenseur et "
     "elle l'a pas dit", FR),
    ("Ciao Paola, ti confermiamo il trasloco per sabato. ATTENZIONE rivedere il preventivo, terzo piano senza "
     "ascensore e non l'ha detto", IT),
    ("Hoi Anke, je verhuizing staat vast voor zaterdag. LET OP offerte aanpassen, derde verdieping zonder lift en dat "
     "heeft ze niet gezegd", NL),
    ("Olá Rita, confirmamos-te a mudança no sábado. ATENÇÃO rever orçamento, quarto andar sem elevador e não avisou",
     PT),
])
def test_an_attention_word_and_the_customer_keeping_something_back_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    # said to a formal reader ("no lo indicó" is "you did not say"), or about someone named before it
    ("Estimada Sra. Pardo: le confirmamos la mudanza. OJO: el presupuesto no incluye el cuarto piso porque no lo "
     "indicó en el formulario.", ES),
    ("Hola Lucía, te confirmamos la cita. OJO, el técnico no lo dijo pero llevará la pieza nueva.", ES),
    ("Gentile Sig.ra Neri, le confermiamo il trasloco. Attenzione: il preventivo non comprende il terzo piano, non "
     "l'ha indicato nel modulo.", IT),
])
def test_the_formal_you_or_a_named_person_keeping_something_back_is_no_note(text, ctx):
    assert check(text, ctx) == []


CHAT_DE = CheckContext(persona={"name": "Jana Vogt", "language": "de"}, channel="chat")
CHAT_ES = CheckContext(persona={"name": "Lucía Pardo", "language": "es"}, channel="chat")
CHAT_EN = CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat")


@pytest.mark.parametrize("text, ctx", [
    # an agent's chat message before the one that greets the customer, about her and for staff
    ("[14:02] Callum: this one's been on 4 times about the same refund, stick to policy\n"
     "[14:02] Callum: Hi Jane, thanks for waiting!", CHAT_EN),
    ("[11:00] Raj: customer threatening chargeback, just give std reply\n[11:00] Raj: Hi Jane!", CHAT_EN),
    ("[14:02] Lena: Kundin fragt zum 3. Mal nach Gutschrift, Standardtext schicken\n"
     "[14:02] Lena: Hallo Jana, danke fürs Warten!", CHAT_DE),
    ("[14:02] Marta: la clienta pide el reembolso por tercera vez, respuesta estándar\n"
     "[14:02] Marta: Hola Lucía, gracias por esperar.", CHAT_ES),
])
def test_a_chat_message_for_staff_before_the_greeting_is_a_note(text, ctx):
    assert check(text, ctx)


@pytest.mark.parametrize("text, ctx", [
    ("[14:01] Callum: Let me check the ticket history\n[14:01] Callum: Hi Jane, thanks for waiting!", CHAT_EN),
    ("[14:00] Jane: this is the 3rd time I've asked about this refund!!\n[14:01] Callum: Hi Jane, I'm sorry about "
     "that.", CHAT_EN),
    ("[14:00] Callum: One moment please, connecting to the billing team\n[14:01] Callum: Hi Jane!", CHAT_EN),
])
def test_a_chat_message_before_the_greeting_said_to_the_customer_or_by_her_is_no_note(text, ctx):
    assert check(text, ctx) == []


# An informal "pass me …" in a reply that is formal to the customer: the writer talking to a colleague.
@pytest.mark.parametrize("lang, name, text", [
    ("es", "Pablo Herrera", "Buenos días, estoy revisando su solicitud.\nvale pero pásame el expediente que no me "
                            "sale en el sistema\nDisculpe la espera, enseguida le confirmo."),
    ("fr", "Paul Morel", "Monsieur,\nnous avons bien reçu votre dossier.\nenvoie-moi la copie du contrat stp, je ne la "
                         "trouve pas\nCordialement"),
    ("it", "Marco Neri", "Gentile Sig. Neri,\nLa ringraziamo per la Sua segnalazione.\npassami la pratica che la chiudo "
                         "io\nCordiali saluti"),
    ("pt", "Rui Costa", "Exmo. Senhor,\ninformamos que o pedido lhe foi atribuído.\nmanda-me o processo que eu vejo "
                        "isso\nCumprimentos"),
    ("de", "Jan Kurz", "Sehr geehrter Herr Kurz,\nwir haben Ihre Unterlagen erhalten.\nschick mir mal die alte Akte, "
                       "die fehlt hier\nMit freundlichen Grüßen"),
])
def test_an_informal_pass_me_in_a_formal_reply_is_talk_to_a_colleague(lang, name, text):
    (f,) = check(text, persona_in(lang, name))
    assert f.check == "internal_note"


@pytest.mark.parametrize("lang, name, text", [
    # the whole reply says "tú"/"tu"/"du" to the customer: the order is theirs to follow
    ("es", "Ana Ruiz", "Hola Ana, gracias por escribirnos. Pásame el número de pedido y te digo dónde está."),
    ("fr", "Léa Roux", "Salut Léa ! Envoie-moi une photo du colis et je te fais un avoir tout de suite."),
    ("de", "Jan Kurz", "Hallo Jan, schick mir bitte ein Foto vom Typenschild, dann kann ich dir helfen."),
    # formal throughout: the customer asked to send something, politely
    ("de", "Jan Kurz", "Sehr geehrter Herr Kurz,\nschicken Sie mir bitte eine Kopie der Rechnung.\nMit freundlichen Grüßen"),
    ("it", "Marco Neri", "Gentile Sig. Neri,\nmi invii cortesemente la fattura.\nCordiali saluti"),
])
def test_a_pass_me_said_to_the_customer_in_their_own_register_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == []


def test_a_note_for_the_customers_own_department_with_a_capital_possessive_is_to_the_customer():
    for text in ("Hinweis für Ihre Personalabteilung: Die Bescheinigung gilt für das ganze Jahr.",
                 "Note for Your records: the reference stays the same after the move."):
        assert check("Hallo Frau Roth,\n\nanbei die Bescheinigung.\n\n" + text + "\n\nViele Grüße\nTom") == [], text
    assert check("Hallo Frau Roth,\n\nanbei die Bescheinigung.\n\nHinweis für Jonas: bitte noch abrechnen.\n\n"
                 "Viele Grüße\nTom")


# Round q/r/s: an aside addressed to the team or a department by a bare "for" and a colon; checking something with
# a department in the note style of an infinitive; the customer's complaint counted, in every language.
@pytest.mark.parametrize("lang, name, text", [
    ("fr", "Paul Morel", "Bonjour Monsieur Morel, la chambre 12 est prête. (pour l'équipe : pas de geste commercial "
                         "sans l'accord de la direction)"),
    ("en", "Paul Moore", "Hi Paul, your room is ready from 2pm. (for the team: no late checkout for this booking, "
                         "Sam said so)"),
    ("de", "Jan Kurz", "Hallo Herr Kurz, Ihr Paket ist eingetroffen. [für das Lager: bis Freitag zurücklegen, dann "
                       "an den Absender zurückschicken]"),
    ("es", "Ana Ruiz", "Hola Ana, te confirmamos la cita del jueves a las 10:00. (ojo: verificar hora con recepción, "
                       "el doctor llega tarde)"),
    ("it", "Marco Neri", "Gentile Sig. Neri, il divano arriva martedì. (NB: verificare con il magazzino se il colore "
                         "è quello giusto)"),
    ("de", "Jan Kurz", "Hallo Herr Kurz, Ihr Sofa kommt am Dienstag. (Achtung: Farbe noch mit dem Lager klären)"),
    ("pt", "Rui Costa", "Olá Rui, a reparação fica marcada para terça. ver c/ armazém se a peça já chegou antes de "
                        "enviar. Obrigado"),
    ("fr", "Paul Morel", "Bonjour Monsieur, votre commande part demain. (encore lui, 4e réclamation ce mois-ci, "
                         "on ne rembourse rien)"),
])
def test_an_aside_for_the_team_or_checking_with_a_department_is_a_note(lang, name, text):
    (f,) = check(text, persona_in(lang, name))
    assert f.check == "internal_note"


@pytest.mark.parametrize("lang, name, text", [
    # written for the customer: their own department, "vous"/"su"/"you", an imperative
    ("en", "Paul Moore", "Hi Paul, the invoice is attached. (for your accounts team: our VAT number is GB123456)"),
    ("fr", "Paul Morel", "Bonjour, (pour l'accueil : présentez-vous avec votre pièce d'identité)"),
    ("es", "Ana Ruiz", "Hola Ana, tu cita es el jueves. (Para cualquier duda, confirme con recepción.)"),
    ("es", "Ana Ruiz", "Hola Ana, tu cita es el jueves (para recepción: lleva tu DNI)."),
    ("fr", "Paul Morel", "Bonjour Monsieur Morel, nous avons bien reçu votre deuxième réclamation et la traitons."),
])
def test_an_aside_for_the_customer_or_their_department_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == []


# A bracket labelled with a department and holding orders in the infinitive (last in German and Dutch, first in the
# Romance languages); a draft's label in capitals or brackets; the reply's tone to be checked; "the same gentleman".
@pytest.mark.parametrize("lang, name, text", [
    ("de", "Jan Kurz", "Guten Tag,\n\nIhre Anfrage ist eingegangen.\n\n[Marketing: Aktionsbanner bis Ende Juni drin "
                       "lassen, danach entfernen]\n\nIhr Kundenservice"),
    ("es", "Ana Ruiz", "Hola Ana, tu pedido sale hoy. [Almacén: confirmar stock, luego avisar a Marta]"),
    ("it", "Anna Neri", "Buongiorno, il suo ordine parte oggi. [Magazzino: controllare il colore e poi chiamare il "
                        "corriere]"),
    ("nl", "Jan de Vries", "Beste Jan, je pakket is onderweg. [Magazijn: kleur nakijken, daarna de koerier bellen]"),
    ("it", "Anna Neri", "BOZZA – Fede, ricontrolla prima di mandarla\n\nGentile Sig.ra Neri,\nla consegna è "
                        "confermata per martedì."),
    ("de", "Jan Kurz", "[Entwurf] Sehr geehrter Herr Kurz,\nIhr Antrag ist bei uns eingegangen."),
    ("fr", "Paul Morel", "Bonjour Monsieur,\nvotre commande part demain.\n[revoir la formulation]\nCordialement"),
    ("es", "Ana Ruiz", "Estimada Sra. Ruiz:\nsu pedido sale mañana (es la misma señora que llamó ayer gritando, "
                       "cuidado con lo que prometemos).\nSaludos"),
])
def test_orders_to_a_department_drafts_and_the_same_customer_again_are_notes(lang, name, text):
    (f,) = check(text, persona_in(lang, name))
    assert f.check == "internal_note"


@pytest.mark.parametrize("lang, name, text", [
    ("de", "Jan Kurz", "Hallo Herr Kurz,\nanbei wie besprochen:\nEntwurf: Mietvertrag_v2.pdf\nViele Grüße"),
    ("en", "Jan Kurz", "Dear Jan,\nDraft: your contract is attached for review.\nBest"),
    ("fr", "Paul Morel", "Bonjour, (Accueil : ouvert le lundi, fermé le dimanche)"),
    ("it", "Anna Neri", "Buongiorno, (Segreteria: aperta dal lunedì al venerdì, chiusa il sabato)"),
    ("nl", "Jan de Vries", "Beste Jan, (Balie: pakketten kunnen we niet aannemen, bezorgers komen morgen)"),
    # steps for the customer at a counter, in the infinitive
    ("de", "Jan Kurz", "Hallo Herr Kurz, Ihr Zimmer ist ab 15 Uhr bereit. (Rezeption: Schlüssel abholen, Meldeschein "
                       "ausfüllen)"),
    ("es", "Ana Ruiz", "Hola Ana, tu habitación está lista. (Recepción: recoger la llave y rellenar la ficha)"),
    ("en", "Paul Moore", "Hi Paul, your room is ready from 2pm (check with reception on arrival)."),
])
def test_a_departments_hours_or_a_draft_sent_on_purpose_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == []


@pytest.mark.parametrize("lang, name, text", [
    ("it", "Stefano Ricci", "Giulia, il codice SPRING15 è ancora attivo? non so cosa dirgli\nMi scusi l'attesa "
                            "Stefano, sto verificando."),
    ("es", "Pablo Herrera", "Marta, ¿el cupón sigue activo? el cliente dice que caducó ayer\nDisculpe la espera, "
                            "Pablo, lo estoy comprobando."),
    ("en", "Tom Hale", "Sam, is the voucher still valid or did it expire? no idea what to tell him\nSorry for the "
                       "wait Tom, checking now."),
])
def test_a_first_line_asking_a_colleague_above_the_customers_own_name_is_a_note(lang, name, text):
    (f,) = check(text, CheckContext(persona={"name": name, "language": lang}, channel="chat"))
    assert f.check == "internal_note"


@pytest.mark.parametrize("lang, name, text", [
    # the customer's own name, or an apposition, or nobody named further down
    ("it", "Marco Neri", "Marco, il tuo ordine è partito? Sì! A presto Marco"),
    ("en", "Tom Hale", "Sarah, our manager, asked whether the parcel arrived? Tom, let us know."),
    ("en", "Tom Hale", "Perfect, does Thursday at 10 suit?\nThanks Tom, speak soon."),
    ("es", "Pablo Herrera", "Perfecto, ¿puedo ayudarle en algo más?\nGracias Pablo, buen día."),
])
def test_a_first_line_to_the_customer_or_in_apposition_is_no_note(lang, name, text):
    assert check(text, CheckContext(persona={"name": name, "language": lang}, channel="chat")) == []


def test_a_templates_own_label_in_brackets_is_a_note_and_a_template_offered_to_the_customer_is_not():
    for lang, name, text in (
            ("de", "Jan Kurz", "Sehr geehrter Herr Kurz,\n\nIhr Vorgang wurde angelegt.\n\n[Textbaustein v3 – Formulierung "
                               "wird noch geprüft]\n\nIhre Versicherung"),
            ("en", "Jane Doe", "[Macro #12 – refund approved]\nHi Jane, your refund has been approved."),
            ("es", "Ana Ruiz", "[Plantilla: cancelación < 14 días]\nHola Ana, tu reserva queda cancelada.")):
        (f,) = check(text, persona_in(lang, name))
        assert f.check == "internal_note", text
    for lang, name, text in (
            ("en", "Jane Doe", "Hi Jane, you can use our template: it is attached as a PDF.\n[Template attached]"),
            ("de", "Jan Kurz", "Hallo Herr Kurz, die Vorlage finden Sie im Anhang (Textbaustein für Ihre Kündigung).")):
        assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text, note", [
    # a counter's sign for the visitor, beside the place it names
    ("de", "Anna Weber", "Ihr Termin ist am Donnerstag um 10 Uhr in der Praxis (Empfang: bitte klingeln).", False),
    ("en", "Paul Moore", "Your parcel is waiting at our depot (Reception: please use the side door after 6pm).", False),
    ("nl", "Jan de Vries", "U kunt de sleutels ophalen bij ons kantoor (Balie: graag uw legitimatie meenemen).", False),
    # the same counter asked about the customer, or asked a question, is a note
    ("en", "Paul Moore", "Your parcel is waiting at our depot (Reception: please call him if he's not here by 4).",
     True),
    ("de", "Anna Weber", "Ihr Termin ist am Donnerstag (Empfang: kannst du bitte den Termin bestätigen?).", True),
])
def test_a_counters_sign_for_the_visitor_is_no_note_and_a_question_to_it_is(lang, name, text, note):
    assert bool(check(text, persona_in(lang, name))) is note


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Ryan Mitchell", "Support: Hi {{first_name | fallback: \"there\"}}! Yes, you can switch plans any time."),
    ("de", "Jana Weber", "Hallo {{ vorname | default: 'zusammen' }}, Ihre Bestellung ist unterwegs."),
    ("fr", "Léa Martin", "Bonjour {{prenom|capitalize}}, votre colis est parti ce matin."),
])
def test_a_template_field_with_its_filter_is_the_placeholder_checks_not_a_drafting_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == []


@pytest.mark.parametrize("lang, name, text", [
    ("pt", "André Carvalho", "Lamentamos a sua perda. Recebemos a certidão de óbito e o processo de encerramento da "
                             "conta de Maria Carvalho está em curso."),
    ("es", "Luis López", "Sentimos mucho su pérdida. El expediente de la póliza de Carmen López ya está cerrado y "
                         "la gestión ha quedado resuelta."),
    ("de", "Jonas Becker", "Es tut uns leid. Der Vorgang zum Konto von Ingrid Becker ist abgeschlossen, die "
                           "Kündigung wurde bearbeitet."),
])
def test_a_relative_with_the_customers_surname_is_not_the_customer_spoken_of(lang, name, text):
    assert check(text, persona_in(lang, name)) == []


@pytest.mark.parametrize("lang, name, text", [
    ("pt", "André Carvalho", "Olá André. Carvalho já ligou 3 vezes, processo escalado, fechar o ticket hoje."),
    ("es", "Luis López", "Hola Luis, gracias. Sr. López ya ha llamado tres veces, cerrar el caso y escalar."),
])
def test_the_customers_own_surname_in_the_third_person_is_still_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


# Round x/y: notes told by their structure in every language (a counted contact, a demonstrative for the customer, a
# colleague told of "him", a word then a colleague's name, a banner, a block for a team, an aside in chat shorthand).
@pytest.mark.parametrize("lang, name, text", [
    ("fr", "Paul Fontaine", "Je regarde votre box tout de suite. [3e contact cette semaine, il rappelle tous les jours, "
                            "on peut passer la main au N2 svp ?] Pouvez-vous me confirmer le voyant ?"),
    ("en", "Paul Hart", "Your parcel is on its way. (4th contact this week, he rings every day, can L2 take it?)"),
    ("es", "Alberto Ruiz", "Hola Alberto, gracias por esperar. ojo q este ya pidió reembolso 2 veces este año, mirad "
                           "historial antes de aprobar. Tu reserva fue cancelada por el alojamiento."),
    ("es", "Rubén Gil", "Hola Rubén, te abonamos 54,00 € en tu tarjeta. [ojo: el cabrón este ya va por la cuarta "
                        "devolución, marcar cuenta] Gracias por comprar con nosotros."),
    ("pt", "Rita Sousa", "Olá Rita, o reembolso já foi feito. (cuidado: essa já ligou 3 vezes hoje, não oferecer mais nada)"),
])
def test_an_aside_counting_the_customers_contacts_or_calling_them_this_one_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Jane Doe", "Hi Jane, our policy (the customer has 30 days to return an item) applies here."),
    ("en", "Jane Doe", "Hi Jane, your walker Tom is booked (he comes every day at 8)."),
    ("fr", "Paul Fontaine", "Bonjour, nous livrons tous les jours (sauf le dimanche). Votre 3e commande est offerte."),
    ("es", "Ana Gil", "Hola Ana, esta ya es tu segunda devolución gratuita, así que no pagas nada (como siempre)."),
])
def test_counts_and_demonstratives_said_to_the_customer_are_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Patrick Doyle", "We're sorry your stay fell short.\n\n(Siobhan - he's threatening a bad review, offer 15% "
                            "max, NOT a full refund)\n\nWe'd like to offer you 15% off."),
    ("en", "Patrick Doyle", "Thanks for your patience. (Dev - he's called twice already, escalate to billing if he "
                            "rings again)"),
    ("de", "Jonas Weber", "Vielen Dank für Ihre Geduld. (Anna - er droht mit dem Anwalt, KEIN Gutschein anbieten)"),
])
def test_a_colleague_named_and_told_of_the_customer_and_what_to_do_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Patrick Doyle", "Your engineer is booked. (Tom - he's our senior fitter and will call you before 9)"),
    ("de", "Jonas Weber", "Ihr Termin steht. (Herr Krause - er ist unser Monteur und ruft Sie vorher an)"),
])
def test_a_colleague_introduced_to_the_customer_in_an_aside_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("fr", "Nadia Benali", "Conseiller (Julien) : Bonjour Nadia, je regarde ça.\nConseiller (Julien) : attends Karim je "
                           "lui mets quoi pour le geste co ? 1 mois offert ou pas ?\nConseiller (Julien) : Nos "
                           "techniciens sont mobilisés."),
    ("en", "Nadia Khan", "Agent (Tom): Hi Nadia, one moment please.\nAgent (Tom): wait Priya, did he already get the "
                         "goodwill credit last month?\nAgent (Tom): Thanks for waiting."),
    ("es", "Nadia Ruiz", "Agente (Luis): Hola Nadia, un momento.\nAgente (Luis): oye Marta, ¿a este le damos el "
                         "reembolso o no?\nAgente (Luis): Gracias por esperar."),
])
def test_a_message_that_turns_to_a_colleague_after_a_first_word_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("fr", "Nadia Benali", "Conseiller (Julien) : merci Nadia, est-ce que le voyant est rouge ?"),
    ("en", "Nadia Khan", "Agent (Tom): sorry Nadia, could you check the light on the router?"),
    ("en", "Nadia Khan", "Agent (Tom): with Priya from billing we checked it: is the direct debit still active?"),
])
def test_a_first_word_then_the_customers_name_or_a_phrase_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("pt", "Rita Sousa", "Olá Rita,\n\nConfirmamos o reembolso de 34,90 €.\n>>> NÃO ENVIAR antes de o financeiro "
                         "aprovar — aguardar ok da Inês <<<\nO valor será devolvido em breve.\n\nCumprimentos,\nCatarina"),
    ("en", "Jane Doe", "Hi Jane,\n\nYour refund is approved.\n*** don't send before the TL signs off ***\n\nBest,\nSam"),
    ("de", "Jonas Weber", "Hallo Herr Weber,\n\nIhre Gutschrift ist erfasst.\n### nicht senden vor Freigabe durch "
                          "Jens ###\n\nViele Grüße\nLena"),
])
def test_a_banner_of_the_writers_own_with_staff_evidence_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("fr", "Léa Martin", "Bonjour Léa,\n\n>>> Offre spéciale : -20 % sur votre prochaine commande <<<\n\nCordialement"),
    ("en", "Jane Doe", "Hi Jane,\n\n*** Our shop is closed on Monday for stocktaking ***\n\nBest,\nSam"),
])
def test_a_banner_for_the_customer_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("nl", "Anna Bakker", "Team facturatie: graag eerst de creditnota aanmaken en pas daarna deze mail versturen!!\n\n"
                          "Beste mevrouw Bakker,\n\nU ontvangt een creditnota van € 112,56.\n\nMet vriendelijke groet,\n"
                          "Mark"),
    ("en", "Jane Doe", "Billing team: please raise the credit note before this goes out\n\nDear Jane,\n\nYour credit "
                       "of £40 is on its way.\n\nKind regards,\nMark"),
    ("de", "Jonas Weber", "Team Versand: bitte erst die Ersatzlieferung buchen!!\n\nSehr geehrter Herr Weber,\n\nIhre "
                          "Ersatzlieferung ist unterwegs.\n\nMit freundlichen Grüßen\nLena"),
])
def test_a_block_above_the_greeting_asking_a_team_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("nl", "Anna Bakker", "Beste mevrouw Bakker,\n\nU ontvangt een creditnota.\n\nMet vriendelijke groet,\nMark\n\n"
                          "Team Polder Energie: bereikbaar ma-vr 9-17 uur"),
    ("en", "Jane Doe", "Dear Jane,\n\nYour credit is on its way.\n\nKind regards,\nMark\n\nSupport team: open 9-5, "
                       "Monday to Friday"),
])
def test_a_teams_hours_below_the_signature_are_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("pt", "Beatriz Lima", "Oi Beatriz! Seu pedido #48120 foi reenviado pelos Correios. (ver c/ estoque se saiu msm hj, "
                           "sistema tá bugado)"),
    ("es", "Lucía Gil", "Hola Lucía, tu pedido ya salió del almacén. (confirmar c/ logística si llega mañana q no se ve)"),
    ("it", "Marco Neri", "Ciao Marco, il tuo ordine è partito. (verificare cmq col corriere x sabato)"),
])
def test_an_aside_in_chat_shorthand_with_an_infinitive_order_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("es", "Lucía Gil", "Hola Lucía, puedes recogerlo en tienda. (retirar de 9 a 14h, traer el DNI)"),
    ("pt", "Beatriz Lima", "Oi Beatriz! Pode trocar na loja. (apresentar nota fiscal e documento)"),
])
def test_an_aside_of_instructions_for_the_customer_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Gareth Jones", "Hi Gareth, your MOT has moved to Thu 2:30pm. Kev - if he doesnt reply by tmrw ring him, "
                           "he ignored the last 2 texts. Thanks"),
    ("de", "Jonas Weber", "Hallo Herr Weber, Ihr Termin ist am Donnerstag. Jens - er hat schon 3x angerufen, bitte "
                          "heute noch zurückrufen."),
])
def test_a_later_sentence_of_the_first_line_that_turns_to_a_colleague_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Gareth Jones", "Hi Gareth, your MOT has moved to Thu 2:30pm. Kev - our mechanic - will ring you if "
                           "anything changes."),
])
def test_a_colleague_named_to_the_customer_on_the_first_line_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Ann Hughes", "Dear Mrs Hughes,\n\nWe will need a copy of the death certificate [ask compliance if it has "
                         "to be the original - AB] and the grant of probate.\n\nAlison"),
    ("en", "Ann Hughes", "Dear Mrs Hughes,\n\nThe balance will be released to the executor (check whether the probate "
                         "value is over 50k - JM).\n\nAlison"),
    ("fr", "Léa Martin", "Bonjour Madame Martin,\n\nLe remboursement sera effectué (vérifier le montant avec la "
                         "compta - SD).\n\nCordialement"),
])
def test_an_aside_initialled_by_its_writer_with_an_order_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Ann Hughes", "Dear Mrs Hughes,\n\nPrices are shown in pounds (VAT included - UK).\n\nAlison"),
    ("en", "Ann Hughes", "Dear Mrs Hughes,\n\nOur office hours are 9 to 5 (London time - GMT).\n\nAlison"),
])
def test_capitals_that_end_an_aside_without_signing_it_are_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("es", "Luis Morales", "INTERNO – cliente conflictivo, revisar historial antes de contestar.\n\nEstimado Sr. "
                           "Morales:\n\nNos haremos cargo del coste.\n\nUn saludo"),
    ("it", "Marco Neri", "Interna: già chiamato due volte, chiudere la pratica.\n\nGentile Sig. Neri,\n\nla "
                         "riparazione è completata.\n\nCordiali saluti"),
])
def test_a_bare_internal_label_in_the_romance_languages_is_a_note(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("pt", "Rui Costa", "Olá Rui, a alteração custa 35 €.\n// nota p/ turno da noite: se ele voltar a escrever, passar "
                        "ao jurídico\nPretende avançar?"),
    ("es", "Ana Gil", "Hola Ana, tu cambio está hecho.\n// nota para el turno de tarde: si vuelve a llamar, pasarla a "
                      "Marta\n¿Algo más?"),
    ("pt", "Beatriz Lima", "Olá, Beatriz!\n\nA mudança do seu plano foi concluída.\n\n(Nota do modelo – usar este texto "
                           "só para clientes da região Sudeste)\n\nAbraços"),
    ("fr", "Léa Martin", "Bonjour Léa,\n\nVotre forfait est modifié.\n\n(utiliser ce modèle uniquement pour les clients "
                         "fibre)\n\nCordialement"),
    ("it", "Marco Neri", "Ciao Marco, l'etichetta è partita. (x Sara: già usato il reso gratis a marzo, scalare la "
                         "spedizione dal rimborso)"),
])
def test_notes_for_a_shift_a_template_or_a_colleague_by_a_bare_for_are_notes(lang, name, text):
    assert check(text, persona_in(lang, name)), text


@pytest.mark.parametrize("lang, name, text", [
    ("it", "Marco Neri", "Ciao Marco, ecco il biglietto che ha scritto: (per Sara: buon compleanno, ti voglio bene!)"),
    ("pt", "Beatriz Lima", "Olá, Beatriz! Use este texto só para clientes novos no formulário do seu site, como pediu."),
])
def test_a_gift_message_or_a_template_given_to_the_customer_is_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Jane Doe", "Sorry for the wait!! Right, I've escalated this to our payments team as the double charge "
                       "needs their sign-off. They'll email you within one working day."),
    ("fr", "Léa Martin", "Merci pour votre patience. Bon, j'ai transmis le dossier au service facturation pour "
                         "validation, ils reviennent vers vous demain."),
    ("es", "Ana Gil", "Gracias por esperar. Vale, he escalado el caso al equipo de pagos y te escriben mañana."),
])
def test_an_interjection_opening_a_later_sentence_is_no_colleagues_name(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text", [
    ("en", "Jane Doe", "Dear Jane,\n\nYour order ships today.\n\nKind regards,\nMark\n\nSupport team: please allow 2 "
                       "working days for a reply."),
    ("nl", "Anna Bakker", "Beste Anna,\n\nBedankt.\n\nGroet,\nMark\n\nTeam Klantenservice: graag uw klantnummer "
                          "vermelden bij contact."),
    ("en", "Jane Doe", "Hi Jane, call us before noon (ask for the duty manager - SW)."),
    ("en", "Jane Doe", "Hi Jane, bring the receipt to the store (ask for Sam at the till - HQ)."),
    ("es", "Ana Gil", "Hola Ana, su pedido ya salió (ver c/ el transportista el horario de entrega)."),
    ("en", "Jane Doe", "Hi Jane,\n\n>>> Do not forward this email: it contains your PIN <<<\n\nBest,\nSam"),
    ("de", "Jonas Weber", "Hallo Herr Weber,\n\n### Bitte nicht antworten, diese Adresse wird nicht gelesen ###\n\n"
                          "Grüße"),
])
def test_footers_banners_and_asides_written_for_the_customer_are_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == [], text


@pytest.mark.parametrize("lang, name, text, note", [
    # a note label after a chat turn's speaker with the company's name
    ("es", "Sergio Gil", "Sergio: hola\nMarta - Iberlínea: nota interna: pasajero Oro, no aplicar la penalización\n"
                         "Marta - Iberlínea: El cambio no tiene coste.", True),
    ("en", "Tom Hale", "Tom: hi\nDana (Support): internal note: VIP, waive the fee\nDana (Support): Done, no fee.", True),
    ("en", "Tom Hale", "Tom: hi\nDana (Support): Our internal team will check it: no fee for you.", False),
    # a colleague told in brackets what not to do, after other words
    ("it", "Paolo Greco", "Per la sua Passat (Marco: il prezzo lo decide Luca, non confermare niente finché non la "
                          "vede) possiamo fissare un appuntamento.", True),
    ("it", "Paolo Greco", "Per la sua Passat (Monza: sede centrale, non lontano dalla stazione) possiamo fissare un "
                          "appuntamento.", False),
])
def test_a_label_after_a_chat_speaker_and_a_negated_order_later_in_an_aside(lang, name, text, note):
    assert bool(check(text, persona_in(lang, name))) is note


_FORWARD = {"nl": ("---------- Doorgestuurd bericht ----------", "Van", "Aan", "Onderwerp"),
            "de": ("---------- Weitergeleitete Nachricht ----------", "Von", "An", "Betreff"),
            "en": ("---------- Forwarded message ----------", "From", "To", "Subject")}


def _forwarded(lang, greeting, body, sender, receiver, signer="Tim Vos"):
    head, frm, to, subject = _FORWARD[lang]
    return (f"{greeting}\n\nOur reply is below.\n\n{signer}\nSupport\n\n{head}\n{frm}: {sender}\n{to}: {receiver}\n"
            f"{subject}: FW: case 4471\n\n{body}\n")


@pytest.mark.parametrize("lang, name, greeting, body, sender, receiver, note", [
    # a colleague's message to the agent, forwarded with its staff talk
    ("nl", "Ilse Bakker", "Beste Ilse,", "Kun jij deze even oppakken? Klant is nogal lastig en dreigt met opzeggen.",
     "Femke Jansen", "Tim Vos", True),
    ("de", "Jan Kurz", "Hallo Herr Kurz,", "Könntest du das übernehmen? Der Kunde nervt.", "Petra Lang", "Tim Vos",
     True),
    ("en", "Jane Doe", "Hi Jane,", "Can you tell the customer the part arrives Friday?", "Sam Reid", "Tim Vos", True),
    # a colleague's plain answer forwarded, or a message to or from the customer, is no note
    ("nl", "Ilse Bakker", "Beste Ilse,", "Het onderdeel is besteld en komt vrijdag binnen.", "Femke Jansen",
     "Tim Vos", False),
    ("en", "Jane Doe", "Hi Jane,", "Could you check whether the part arrived? Our courier says it was left with a "
     "neighbour.", "Tim Vos", "Jane Doe", False),
    ("en", "Jane Doe", "Hi Jane,", "Can you tell me when the engineer comes? The customer service line is busy.",
     "Jane Doe", "Tim Vos", False),
])
def test_a_forwarded_message_between_staff_with_staff_talk_is_a_note(lang, name, greeting, body, sender, receiver,
                                                                      note):
    found = check(_forwarded(lang, greeting, body, sender, receiver), persona_in(lang, name))
    assert bool(found) is note, found


@pytest.mark.parametrize("text, note", [
    # a capitalised word after an article names a thing (a portal, an app), not a colleague told what to do
    ("Please do not reply to this message; use the Tenant Portal to add comments or photos.", False),
    ("You can open our Booking App to confirm the new time.", False),
    ("Log in to your Customer Hub to update your details.", False),
    # a colleague's name told what to do still is staff talk
    ("Thanks for your patience. Maria to check the refund before we send this.", True),
])
def test_a_things_name_before_to_is_no_colleague(text, note):
    found = check(text, persona_in("en", "Jake Moss"))
    assert bool(found) is note, found


@pytest.mark.parametrize("text, note", [
    # a to-do label in capitals opening a bracket
    ("El resultado es de 1.482,36 € [PENDIENTE: confirmar importe con Javi, creo que falta una factura].", True),
    ("Das Paket [PRÜFEN: Lieferadresse mit dem Lager abgleichen] kommt morgen.", True),
    # a status told to the customer, or a status label before no order to check
    ("Su pedido está (pendiente de envío) y le llegará pronto.", False),
    ("Your refund (PENDING: bank transfer) will show within 3 days.", False),
])
def test_a_to_do_label_in_capitals_opening_a_bracket_is_a_note(text, note):
    assert bool(check(text, persona_in("es", "Alberto Ruiz"))) is note


def test_laughing_to_a_colleague_about_the_customer_coming_back_again_is_a_note():
    found = check("Hoi Femke! Je pakket gaat vandaag mee.\n\nhaha Kees, weer een 'waar blijft mijn pakket' om 7 uur, "
                  "ik ga koffie halen\n\nFijne dag!", persona_in("nl", "Femke de Vries"))
    assert found and "Kees" in found[0].detail
    # laughing with the customer, by name, is no note
    assert check("Haha Femke, weer een pakketje voor je! Fijne dag.", persona_in("nl", "Femke de Vries")) == []


@pytest.mark.parametrize("lang, name, text", [
    # a German office's note label in brackets, a heads-up to a named colleague, a hold with its condition
    ("de", "Jan Fröhlich", "Ihr Bauantrag ist eingegangen.\n\n(Anm. SB: Frist intern auf 10.07. notiert, Akte bis "
                           "dahin bei Herrn Kaya)\n\nMit freundlichen Grüßen"),
    ("es", "Marta Castells", "Le enviaremos la autorización antes del miércoles.\n\nojo Jaime: la póliza tiene carencia "
                             "de 6 meses, confirma que ya la ha cumplido antes de mandar esto\n\nUn saludo"),
    ("de", "Tom Schulz", "Ihr Termin wird auf Fr. 9:15 verlegt. (NICHT abschicken bevor Dr. W. das bestätigt hat!!)"),
])
def test_an_office_note_label_a_heads_up_to_a_colleague_and_a_hold_with_its_condition(lang, name, text):
    assert check(text, persona_in(lang, name))


@pytest.mark.parametrize("lang, name, text", [
    ("de", "Jan Fröhlich", "Bitte beachten Sie (Anmerkung: die Frist verlängert sich an Feiertagen) die Fristen."),
    ("es", "Marta Castells", "Ojo Marta, la oferta acaba el viernes: no la dejes pasar."),   # the customer herself
])
def test_the_same_words_for_the_customer_are_no_note(lang, name, text):
    assert check(text, persona_in(lang, name)) == []


def test_a_legal_footer_in_english_does_not_make_the_portuguese_reply_another_language():
    text = ("Olá Fernanda,\n\nObrigado por nos avisar. Confirmámos que o bilhete para o espetáculo de 30 de maio foi "
            "cobrado duas vezes por erro no pagamento. Já anulámos a segunda cobrança de 42 € e o valor foi devolvido ao "
            "seu cartão hoje.\n\nCumprimentos,\nApoio ao Cliente\n\n--\nThis message and any attachments are "
            "confidential and intended solely for the addressee. If you have received it in error, please notify the "
            "sender and delete it.\n")
    assert check(text, persona_in("pt", "Fernanda Rocha")) == []


def test_a_mail_wrapped_at_its_width_is_no_note_jotted_in_lower_case():
    # The line goes on with the sentence above it: its lower-case start is the wrap, not a note jotted down.
    wrapped = ("Dear Ms Khan and Mr Reid,\n\nThank you for booking the garden room for the christening on Sunday. All is\n"
               "confirmed, and we have made a note that Ms Khan would like the table by the\nwindow.\n\n"
               "Kind regards,\nTom Ellis\nThe Old Mill")
    assert check(wrapped, persona_in("en", "Aisha Khan")) == []
    jotted = "Dear Ms Khan,\n\nYour table is booked for Sunday.\n\nms khan rang again, 3rd time today, pls just confirm\n\nTom"
    assert check(jotted, persona_in("en", "Aisha Khan"))


@pytest.mark.parametrize("text, lang, name", [
    ("Gentile Sig.ra Bassi,\n\nil rimborso è stato approvato.\n\nx Davide: controlla l'IBAN prima del bonifico\n\n"
     "Cordiali saluti", "it", "Anna Bassi"),
    ("Hola Pedro, tu pedido ya está listo para recoger. x Nuria: no le cobres el envío, ya lo pagó", "es", "Pedro Gil"),
    ("Olá Rita, a sua encomenda chegou. p/ Nuno: confirmar a morada antes de enviar", "pt", "Rita Lopes"),
])
def test_a_note_headed_for_a_colleague_in_shorthand_is_staff_talk(text, lang, name):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="email")
    (f,) = check(text, ctx)
    assert f.title == "Staff-only message sent to the customer"


def test_shorthand_x_that_heads_no_colleague_is_not_a_note():
    ctx = CheckContext(persona={"name": "Anna Bassi", "language": "it"}, channel="email")
    assert check("Gentile Anna,\nle misure sono 3 x 4 metri: x Anna: come concordato.\nSaluti", ctx) == []
    assert check("Formato: 30 x 40 cm. Prezzo: 25 €.", ctx) == []


@pytest.mark.parametrize("text, lang, name", [
    ("Hola Marta, la sala está reservada para el jueves. jaja otra vez esta, ya se lo dije ayer 🙄", "es",
     "Marta Ruiz"),
    ("Ciao Paolo, il corso è pieno ma puoi metterti in lista d'attesa. di nuovo questo, gliel'ho già detto ieri 🙄",
     "it", "Paolo Neri"),
])
def test_the_customer_as_a_bare_this_one_after_again_is_a_remark(text, lang, name):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="chat")
    assert check(text, ctx)


def test_again_this_week_is_no_remark():
    ctx = CheckContext(persona={"name": "Marta Ruiz", "language": "es"}, channel="chat")
    assert check("Hola Marta, otra vez esta semana tenemos la piscina cerrada por mantenimiento, lo siento.", ctx) == []


@pytest.mark.parametrize("text, lang, name", [
    ("Dear Ms Hale,\n\nI've refunded the booking fee.\n\nCc'ing Omar as he had this lady last time - absolute "
     "nightmare, be warned\n\nKind regards,\nTom", "en", "Rachel Hale"),
    ("Hola Sr. Pons:\n\nLe hemos devuelto la fianza.\n\nCopio a Laura, que ya atendió a este señor: una auténtica "
     "pesadilla, quedas avisada\n\nUn saludo,\nTomás", "es", "Jordi Pons"),
])
def test_a_colleague_warned_about_the_customer_is_a_remark(text, lang, name):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="email")
    assert check(text, ctx)


def test_a_nightmare_and_a_warning_said_to_the_customer_are_not_notes():
    assert check("Hi Jane,\n\nI know the roadworks have been a total nightmare. Be warned: the car park shuts at 6pm "
                 "this week.\n\nBest, Tom", JANE) == []


def test_the_customers_relative_by_title_and_surname_is_not_the_customer():
    ctx = CheckContext(persona={"name": "Margaret Ellison", "language": "en", "situation": "bereavement"},
                       channel="email")
    text = ("Dear Mrs Ellison,\n\nWe are so sorry for your loss. We have closed Mr Ellison's account and waived the "
            "final bill.\n\nYours sincerely,\nCustomer Care")
    assert check(text, ctx) == []
    de = CheckContext(persona={"name": "Ute Brandt", "language": "de"}, channel="email")
    assert check("Sehr geehrte Frau Brandt,\n\nwir haben den Vertrag von Herrn Brandt gekündigt und die Gebühr "
                 "erlassen.\n\nMit freundlichen Grüßen\nIhr Kundenservice", de) == []


@pytest.mark.parametrize("text", [
    "Hi Jane,\n\nI can reproduce it: notes tagged #TODO don't show in the widget. A fix ships in 4.12.\n\nBest, Sam",
    "Hi Jane,\n\nDrag the card into the TODO column and it will sync again.\n\nBest, Sam",
    "Hallo Jane,\n\nAufgaben mit dem Tag #TODO werden im Widget nicht angezeigt; das Update behebt es.\n\nGrüße",
])
def test_todo_as_the_name_of_a_tag_or_column_is_not_a_drafting_note(text):
    assert check(text, JANE) == []


def test_a_hashtag_todo_with_a_note_after_it_is_still_one():
    assert check("Hi Jane,\n\nYour refund is on its way. TODO: add the amount\n\nBest, Sam", JANE)
    assert check("Hi Jane,\n\nYour refund is on its way. TODO check the amount\n\nBest, Sam", JANE)


@pytest.mark.parametrize("text, lang", [
    ("Hi Jane,\n\nHow payments work:\n\nInternal: between your own accounts - instant, no fee\n"
     "External (UK): to other banks - within 2 hours\n\nKind regards", "en"),
    ("Hallo Jane,\n\nSo funktionieren Überweisungen:\nIntern: zwischen Ihren Konten – sofort, gebührenfrei\n"
     "Extern: an andere Banken – 1 Werktag\n\nGrüße", "de"),
])
def test_internal_as_one_kind_in_a_list_beside_external_is_not_a_label(text, lang):
    assert check(text, _jane(lang)) == []


def test_an_internal_label_without_an_external_row_is_still_a_note():
    assert check("Hi Jane,\n\nYour refund is approved.\n\nInternal: refund over £50, needs Mike's sign-off\n"
                 "Amount: £64\n\nKind regards", JANE)


@pytest.mark.parametrize("text, name, lang", [
    ("@kathi_meier Hallo Katharina, danke für deine Geduld! Dein Abo ist gekündigt. ^MK", "Katharina Meier", "de"),
    ("@jdoe_88 Hi Jane, your refund went out today.", "Jane Doe", "en"),
    ("@marco.ferri94 Ciao Marco, il rimborso è partito oggi.", "Marco Ferri", "it"),
])
def test_the_customers_own_handle_made_of_their_name_is_no_tag_of_a_colleague(text, name, lang):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="chat")
    assert check(text, ctx) == []


def test_a_colleagues_handle_at_the_start_is_still_staff_talk():
    ctx = CheckContext(persona={"name": "Katharina Meier", "language": "de"}, channel="chat")
    assert check("@tobias_k kannst du das übernehmen? Hallo Katharina, einen Moment bitte.", ctx)


@pytest.mark.parametrize("text, name, lang", [
    ("Hoi Sanne, je retour is goedgekeurd. lol Mark, derde keer deze maand dat ze die jurk terugstuurt haha",
     "Sanne Kok", "nl"),
    ("Bonjour Léa, le remboursement est parti. mdr Karim, troisième fois ce mois-ci qu'elle renvoie la robe",
     "Léa Roux", "fr"),
    ("Hi Jane, your return is approved. haha Tom, she's back again with the same dress", "Jane Doe", "en"),
])
def test_a_laugh_to_a_colleague_after_a_sentence_about_the_customer_coming_back(text, name, lang):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="chat")
    assert check(text, ctx)


def test_a_laugh_with_the_customers_name_after_a_sentence_is_not_staff_talk():
    ctx = CheckContext(persona={"name": "Sanne Kok", "language": "nl"}, channel="chat")
    assert check("Hoi, je retour is goedgekeurd. haha Sanne, derde keer deze maand, je kent de weg al!", ctx) == []


@pytest.mark.parametrize("text, lang", [
    ("Cara Jane,\n\nIremos devolver o valor para o IBAN que nos indicou (Rui, confirmar o IBAN antes de processar — "
     "da última vez veio errado).\n\nCumprimentos", "pt"),
    ("Estimada Jane:\n\nLe devolveremos el importe a su cuenta (Pepe, revisar el IBAN antes de enviar).\n\nSaludos", "es"),
    ("Gentile Jane,\n\nle rimborseremo l'importo (Luca, verificare l'IBAN prima di procedere).\n\nCordiali saluti", "it"),
    ("Sehr geehrte Frau Doe,\n\nwir erstatten den Betrag (Jens, IBAN vor dem Versand prüfen).\n\nGrüße", "de"),
])
def test_a_colleague_named_in_an_aside_and_told_in_the_infinitive_what_to_do(text, lang):
    assert check(text, _jane(lang))


def test_a_place_and_an_infinitive_in_an_aside_is_no_order_to_a_colleague():
    assert check("Cara Jane,\n\nEntregamos em todo o país (Lisboa, Porto e Faro: entregar em 2 dias).\n\nCumprimentos",
                 _jane("pt")) == []


@pytest.mark.parametrize("text, lang", [
    ("Operatore (Giorgio): La fattura è stata emessa.\nOperatore (Giorgio): nota interna x backoffice: mail errata "
     "in anagrafica, sistemare prima del prossimo invio", "it"),
    ("Hi Jane,\n\nYour invoice is attached.\n\nInternal note for billing: address wrong in CRM, fix before next run\n", "en"),
    ("Hallo Frau Doe,\n\nanbei die Rechnung.\n\nInterne Notiz an die Buchhaltung: Adresse im System falsch\n", "de"),
])
def test_an_internal_note_label_that_says_whom_it_is_for(text, lang):
    assert check(text, _jane(lang))


def test_internal_for_a_customer_in_ordinary_words_is_no_label():
    assert check("Hi Jane,\n\nOur internal review for your claim is done: the refund goes out today.\n", JANE) == []


@pytest.mark.parametrize("text, lang", [
    ("Hallo Frau Doe, ich sehe Ihre Bestellung.\nKurze Frage in die Runde: darf ich der die Versandkosten erlassen?\n"
     "Ich kümmere mich darum.", "de"),
    ("Hi Jane, I can see your order.\nQuick q for the team: can we waive shipping on this one?\nI'll sort it.", "en"),
    ("Bonjour Jane, je vois votre commande.\nQuestion à l'équipe : on peut offrir les frais de port ?\n", "fr"),
])
def test_a_question_put_to_the_team(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    ("Perfecto, Jane, ya he bloqueado la tarjeta.\nLucía me cubres este chat 5 min? tengo que salir\n"
     "La nueva tarjeta le llegará pronto.", "es"),
    ("Perfetto Jane, ho bloccato la carta.\nmi copri questa chat 5 min? devo uscire un attimo\n", "it"),
    ("Hi Jane, I've blocked the card.\ncan you cover this chat for 5 min? need to step out\n", "en"),
    ("Hallo Jane, die Karte ist gesperrt.\nübernimmst du den Chat kurz? muss schnell weg\n", "de"),
])
def test_a_colleague_asked_to_take_over_the_chat(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    ("Hi Jane,\n\nA colleague from billing will take over the ticket and call you.\n", "en"),
    ("Hola Jane:\n\n¿Coges el ticket en la taquilla o lo llevas impreso? Las dos cosas valen.\n", "es"),
    ("Hallo Jane,\n\nhier eine Frage an alle Teilnehmer: kommen Sie mit dem Auto?\n", "de"),
])
def test_taking_a_ticket_or_a_question_to_customers_is_not_staff_talk(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text, name, lang", [
    ("Ciao Marco! Il reso è arrivato ieri.\ncliente storico, dagli il 10% sul prossimo e chiudi\n"
     "Il rimborso è già stato disposto.", "Marco Ferri", "it"),
    ("¡Hola Marco! La devolución llegó ayer.\ncliente habitual, dale un 10% en el próximo y cierra\n"
     "El reembolso ya está hecho.", "Marco Ferrer", "es"),
])
def test_the_customer_filed_by_kind_with_a_discount_ordered_for_them(text, name, lang):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="chat")
    assert check(text, ctx)


def test_a_loyal_customer_thanked_and_given_a_discount_is_no_note():
    ctx = CheckContext(persona={"name": "Marco Ferri", "language": "it"}, channel="chat")
    assert check("Ciao Marco! Sei un cliente storico: ti diamo il 10% sul prossimo ordine.", ctx) == []


@pytest.mark.parametrize("text, lang", [
    ("Dear Ms Doe,\n\nYour claim has been accepted. We will pay £1,590.00.\n"
     "approve only if loss adj confirms photos match the 2nd visit, otherwise esc to\n"
     "The payment will be made by bank transfer.\n\nYours sincerely,\nPhilippa", "en"),
    ("Estimada Sra. Doe:\n\nSu siniestro ha sido aceptado. Le abonaremos 1.590 €.\n"
     "aprobar solo si el perito confirma las fotos de la 2ª visita\n"
     "El pago se hará por transferencia.\n\nAtentamente,\nPaula", "es"),
    ("Sehr geehrte Frau Doe,\n\nIhr Schaden wurde anerkannt. Wir zahlen 1.590 €.\n"
     "nur freigeben, wenn der Gutachter die Fotos bestätigt\n"
     "Die Zahlung erfolgt per Überweisung.\n\nMit freundlichen Grüßen\nPaula", "de"),
])
def test_a_jotted_line_telling_the_handler_when_to_approve(text, lang):
    assert check(text, _jane(lang))


def test_approving_only_when_the_customer_agrees_is_said_to_them():
    assert check("Hi Jane,\n\nThe quote is attached. Please approve only if you are happy with the dates; "
                 "otherwise reply and we'll change them.\n\nBest, Sam", JANE) == []


@pytest.mark.parametrize("text, lang", [
    ("Gentile Sig.ra Doe,\n\nla richiameremo domani.\n\n(Giada metti in agenda il richiamo, io domani sono in ferie)"
     "\n\nCordiali saluti", "it"),
    ("Beste mevrouw Doe,\n\nwe bellen u morgen terug.\n\n(Sanne zet het terugbellen in de agenda, ik ben morgen vrij)"
     "\n\nMet vriendelijke groet", "nl"),
    ("Sehr geehrte Frau Doe,\n\nwir rufen Sie morgen zurück.\n\n(Jens trag den Rückruf ein, ich bin morgen im Urlaub)"
     "\n\nMit freundlichen Grüßen", "de"),
])
def test_a_colleague_named_in_an_aside_and_given_an_informal_order_without_a_comma(text, lang):
    assert check(text, _jane(lang))


def test_a_colleague_named_in_an_aside_who_will_act_for_the_customer_is_fine():
    assert check("Gentile Sig.ra Doe,\n\nla richiameremo domani (Giada la chiamerà entro le 12).\n\nCordiali saluti",
                 _jane("it")) == []


# --- Rounds an/ao/ap ---------------------------------------------------------------------------------------------

@pytest.mark.parametrize("text, lang", [
    ("Hi Jane,\n\nYour refund is done.\n\nBest, Sam\n\nHandover to Priya: cust rang twice about the fee, don't waive "
     "it again.", "en"),
    ("Sehr geehrte Frau Doe,\n\nwir kümmern uns um die Kündigung.\n\nMit freundlichen Grüßen\nAndrea\n\nÜbergabe an "
     "Sabine: Konto noch NICHT gesperrt, bitte morgen Rückruf wg. Zählerstand.", "de"),
    ("Hola Jane:\n\nNecesitamos una foto del daño.\n\nUn saludo,\nAtención al Cliente\n\nTraspaso a Nuria: falta que "
     "mande la foto. Si no contesta en 7 días, cerramos.", "es"),
    ("Bonjour Jane,\n\nVotre remboursement est parti.\n\nCordialement\nService client\n\nPassation à Julie : elle a "
     "déjà eu un geste, on n'en refait pas.", "fr"),
    ("Beste Jane,\n\nje retour is verwerkt.\n\nGroet,\nKlantenservice\n\nOverdracht aan Sanne: klant belt al de hele "
     "week, niks beloven.", "nl"),
    # a bare handover label on a block below the signature
    ("Dear Jane,\n\nThere is no rush with any of this.\n\nWith kind regards,\nEleanor Price\nBereavement Support\n\n"
     "Handover: waiting on death cert from daughter, Claire picks this up Mon. Final bill NOT yet raised.", "en"),
])
def test_a_handover_to_a_named_colleague_or_below_the_signature_is_a_note(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    # a flat's or a car's handover is the customer's appointment
    ("Dear Jane,\n\nYour keys are ready.\n\nHandover: Saturday 14 June, 10am at the flat, 12 Mill Lane.\n\n"
     "Kind regards,\nTom\nLettings", "en"),
    ("Sehr geehrte Frau Doe,\n\nIhr Fahrzeug ist fertig.\n\nÜbergabe an Frau Doe: Samstag, 10 Uhr, Autohaus Brenner."
     "\n\nMit freundlichen Grüßen\nAutohaus Brenner", "de"),
    # a new contact introduced to the customer
    ("Hi Jane,\n\nHandover to Tom: he'll be your contact from Monday, and you can reach him on 0161 555 0101.\n\n"
     "Best, Sam", "en"),
    ("Hola Jane:\n\nTraspaso a Marta: desde el lunes ella será tu gestora y te llamará para presentarse.\n\nUn saludo",
     "es"),
])
def test_a_handover_told_to_the_customer_is_no_note(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text, lang", [
    ("Hi Tom, I've drafted the reply below but I'm not comfortable promising the 48h turnaround - can you confirm "
     "with the workshop before it goes out? Thanks, Sal\n\nDear Jane,\n\nYour repair is booked.\n\nKind regards,\n"
     "Sally", "en"),
    ("Not sure about the wording of the last para - Kim can you sanity check before this goes? Don't want to admit "
     "liability.\n\nDear Jane,\n\nYour claim is with our insurers.\n\nYours sincerely,\nJo", "en"),
    ("Hallo Jens, hier mein Entwurf - kannst du die Formulierung prüfen, bevor das rausgeht?\n\nSehr geehrte Frau "
     "Doe,\n\nwir erstatten Ihnen 40 €.\n\nMit freundlichen Grüßen\nSabine", "de"),
])
def test_a_block_above_the_letter_that_greets_or_asks_a_colleague_by_name_is_a_note(text, lang):
    assert check(text, _jane(lang))


def test_a_letter_that_greets_the_customer_and_asks_them_is_no_note():
    assert check("Hi Jane,\n\nCan you confirm the delivery address before it goes out tomorrow?\n\nKind regards,\n"
                 "Sally", JANE) == []


@pytest.mark.parametrize("text, lang", [
    ("[Textbaustein Widerruf – NUR verwenden, wenn Bestellung jünger als 14 Tage!]\n\nGuten Tag Frau Doe,\n\n"
     "Sie können widerrufen.\n\nFreundliche Grüße", "de"),
    ("[Macro Refund – only use if the order is under 30 days old]\n\nHi Jane,\n\nYour refund is approved.\n\n"
     "Best, Sam", "en"),
    ("[Plantilla devolución – usar solo si el pedido tiene menos de 30 días]\n\nHola Jane:\n\nTu devolución está "
     "aprobada.\n\nUn saludo", "es"),
])
def test_a_macros_label_with_its_name_is_a_note(text, lang):
    assert check(text, _jane(lang))


def test_a_template_named_in_running_text_is_no_macro_label():
    assert check("Hi Jane,\n\nThe template: refund request form is attached.\n\nBest, Sam", JANE) == []


@pytest.mark.parametrize("text, lang", [
    ("Conseiller Karim : Bonjour Jane.\nConseiller Karim : [Note privée – Sonia] elle a déjà eu un avoir le mois "
     "dernier, propose juste la livraison offerte\nConseiller Karim : Je vous rembourse la livraison.", "fr"),
    ("Agente Tom: Hola Jane.\nAgente Tom: [Nota privada - Marta] ya tuvo un vale el mes pasado\n"
     "Agente Tom: Le devolvemos los gastos de envío.", "es"),
    ("Operatore: Buongiorno Jane.\nOperatore: [Nota privata – Sara] ha già avuto un rimborso, niente sconto\n"
     "Operatore: Le rimborsiamo la spedizione.", "it"),
])
def test_a_private_note_label_in_any_language_is_a_note(text, lang):
    (f,) = check(text, _jane(lang))
    assert f.title == "Internal note left in the reply"


def test_a_label_opening_a_chat_message_spans_the_note_after_it():
    text = ("Conseiller Karim : Bonjour Jane.\nConseiller Karim : [Note privée – Sonia] elle a déjà eu un avoir, "
            "propose juste la livraison offerte !!\nConseiller Karim : Je vous rembourse la livraison.")
    line = text.splitlines()[1]
    assert staff_spans(text, _jane("fr")) == {1: [(line.index("["), len(line))]}
    # a draft's label is no note's: the words after it are the customer's
    assert staff_spans("[DRAFT v2] Hi Jane, your refund of £40 went out today.", JANE) == {0: [(0, 10)]}


def test_a_private_note_the_customer_may_add_is_no_label():
    assert check("Bonjour Jane,\n\nVous pouvez ajouter une note privée à votre commande depuis votre espace client."
                 "\n\nCordialement", _jane("fr")) == []


@pytest.mark.parametrize("text, lang", [
    ("Operatore Davide: Buongiorno Jane, controllo la pratica.\nOperatore Davide: (ps per Marco: è quello della "
     "recensione su Trustpilot, occhio a cosa promettiamo)\nOperatore Davide: La sostituzione è approvata.", "it"),
    ("Agent Tom: Hi Jane.\nAgent Tom: (PS for Priya: this is the one who threatened a chargeback)\n"
     "Agent Tom: Your refund is approved.", "en"),
])
def test_a_postscript_to_a_colleague_in_brackets_is_staff_talk(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat"))


@pytest.mark.parametrize("text, lang", [
    ("Bonjour Jane,\n\nVotre commande est partie. (PS : pensez à vérifier vos spams)\n\nCordialement", "fr"),
    ("Hi Jane,\n\nYour order is on its way.\n\n(PS to Jane: don't forget your ID on Monday)\n\nBest, Sam", "en"),
])
def test_a_postscript_in_brackets_to_the_customer_is_no_note(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text, lang", [
    ("Medewerker Kevin: Goedemiddag Jane.\nMedewerker Kevin: (fluister van Ilse: zij belt al de hele week, hou het "
     "kort)\nMedewerker Kevin: Uw pas is onderweg.", "nl"),
    ("Agent Tom: Hi Jane, sorry for the wait.\nAgent Tom: (whisper from Priya: keep it short)\n"
     "Agent Tom: Your refund is on its way.", "en"),
    ("Agent Tom: Hallo Frau Doe.\nAgent Tom: (Flüstern von Jens: kurz halten)\nAgent Tom: Ihr Paket kommt morgen.",
     "de"),
])
def test_a_chat_whisper_pasted_in_is_a_note(text, lang):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat"))


def test_niks_beloven_is_an_order_not_to_promise():
    assert check("Hoi Jane, je pas is onderweg. (zij belt al de hele week, hou het kort en niks beloven)",
                 CheckContext(persona={"name": "Jane Doe", "language": "nl"}, channel="chat"))


def test_whisper_said_to_the_customer_is_no_label():
    assert check("Hi Jane, thanks for your message. Whisper it quietly: the sale starts tomorrow!", JANE) == []


@pytest.mark.parametrize("text, lang", [
    ("Gentile Sig.ra Doe, il tecnico passerà domani. NB verificare disponibilità furgone con Sandro!! - Termo Sala",
     "it"),
    ("Bonjour Jane, votre rendez-vous est confirmé. NB vérifier créneau avec Julie !", "fr"),
    ("Olá Jane, a encomenda sai hoje. NB confirmar morada com o Nuno!!", "pt"),
    ("Hola Jane, tu pedido sale hoy. (comprobar fecha con Marta antes de enviar)", "es"),
    ("Hi Jane, your engineer visit is confirmed for Thu 8am-12pm. [check slot w/ Dean b4 sending]", "en"),
    # a colleague to ask, first, in a German or Dutch infinitive
    ("Hallo Frau Doe, Ihr Wagen ist fertig. (Rechnung noch nicht erstellt - Micha fragen!)", "de"),
    ("Hoi Jane, je fiets is klaar. (rekening nog open, Joost vragen)", "nl"),
])
def test_what_to_check_with_a_named_colleague_in_a_note_style_infinitive(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    ("Hola Jane, tu cita está confirmada. Puedes confirmar la hora con Marta en recepción. Saludos", "es"),
    ("Hola Jane, (fecha pendiente de confirmar con Marta). Saludos", "es"),
    ("Gentile Jane, l'orario è da confermare con Sandro, il nostro tecnico. Saluti", "it"),
    ("Bonjour Jane, pour toute question, vérifier votre adresse avec Julie au comptoir. Cordialement", "fr"),
    ("Hi Jane,\n\nPlease check the slot with Dean at reception when you arrive.\n\nBest, Sam", "en"),
    ("Hallo Frau Doe,\n\nbei Fragen einfach Micha fragen! Er ist ab 8 Uhr in der Werkstatt.\n\nGrüße", "de"),
])
def test_checking_with_a_named_person_said_to_the_customer_is_no_note(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text, lang", [
    ("Hola Jane, tu pedido sale hoy. Cód. seguimiento: ES48213377 //pendiente confirmar con almacén que sale hoy", "es"),
    ("Hi Jane, it's shipped. Tracking: AB123456789GB // check w/ warehouse it really left today", "en"),
])
def test_a_comment_typed_after_slashes_is_a_note(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    ("Horario: L-V 9-18 // sábados 10-14. Te esperamos, Jane.", "es"),
    ("Hi Jane, opening hours Mon-Fri 9-5 // weekends closed. See you soon!", "en"),
    ("Hi Jane, track it here: https://track.example.com/AB123 and let us know.", "en"),
])
def test_slashes_between_items_or_in_a_link_are_no_note(text, lang):
    assert check(text, _jane(lang)) == []


def test_a_forwarded_colleague_telling_the_agent_what_to_tell_the_customer_in_portuguese():
    text = ("Bom dia Sra. Doe,\n\nSegue abaixo a autorização para a devolução.\n\nCumprimentos,\nHugo Pinto\n\n"
            "-------- Mensagem reencaminhada --------\nDe: Beatriz Lopes (Faturação)\nPara: Hugo Pinto\n"
            "Assunto: Devolução Doe\n\nPode devolver, mas avisa-a que é a última vez.")
    assert check(text, _jane("pt"))


def test_a_portuguese_informal_call_us_is_no_third_person():
    assert check("Olá Jane,\n\nSe o técnico não aparecer, liga-nos para o 912 000 000.\n\nCumprimentos",
                 _jane("pt")) == []


def test_spanish_he_before_a_participle_is_i_have_not_he():
    ctx = CheckContext(persona={"name": "Jane Doe", "language": "es", "situation": "complaint"}, channel="chat")
    text = "¡Hola Jane! 😄 Vaya, qué mala suerte con el pedido jajaja. Ya lo he revisado y llegará mañana."
    assert check(text, ctx) == []
    assert check("Hola Jane 😄 jajaja él ya llamó tres veces hoy, pásaselo a Marta", ctx)


@pytest.mark.parametrize("text", [
    "lol yeah the courier screwed up big time there 😂 shit happens!\nanyway refund's done 👍 have a fab weekend!!",
    "Hi Jane, hahaha the system double-booked you, sorry! Fixed now.",
])
def test_laughing_with_the_customer_at_someone_elses_blunder_is_no_staff_joke(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat")) == []


@pytest.mark.parametrize("text", [
    "lol another courier one 🙄 tracking just lags\nHi Jane, your parcel is on its way.",
    "lol the courier says she wasn't in 😂\nHi Jane, we'll redeliver tomorrow.",
    "Hi Jane, your order has been cancelled lol",
])
def test_a_laugh_about_the_customer_or_at_them_is_still_a_joke(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat"))


# --- Rounds aq/ar/as ---

@pytest.mark.parametrize("text", [
    "Megan (Customer Care): Hi Jane, I've applied 10% off.\nMegan (Customer Care): PS Dan - I've already given her "
    "the 10%, so don't stack it with the loyalty code.",
    "[10:02] Lewis: Hi Jane, the refund is done.\n[10:03] Lewis: ps Kev she's had two refunds this year, don't do a third",
    "Ana (Soporte): Hola Jane, ya está el reembolso.\nAna (Soporte): PD Marta: no le ofrezcas otro cupón si vuelve.",
])
def test_a_postscript_to_a_colleague_in_a_chat_message_after_its_speaker_is_a_note(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat"))


@pytest.mark.parametrize("text", [
    "Tom (Support): Hi Jane, your refund is on its way.\nTom (Support): PS Sarah will call you tomorrow about the fitting.",
    "Tom (Support): Hi Jane, your refund is on its way.\nTom (Support): P.S. Jane, the code also works in store.",
    "Tom (Support): Hi Jane, your refund is on its way.\nTom (Support): PS Don't forget to keep the receipt.",
])
def test_a_postscript_to_the_customer_in_a_chat_is_no_note(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "en"}, channel="chat")) == []


@pytest.mark.parametrize("text, lang", [
    ("Hoi Jane,\n\nJe retour is aangemeld.\n\nGroetjes,\nNoor\n\nP.S. Je hoeft de originele doos niet te gebruiken, "
     "een andere stevige doos is ook prima.", "nl"),
    ("Hoi Jane,\n\nJe retour is aangemeld.\n\nP.S. Jij krijgt de korting ook niet meer bij je volgende bestelling.",
     "nl"),
    ("Hallo Jane,\n\ndeine Rücksendung ist angemeldet.\n\nPS Du musst den Karton nicht zurückschicken.", "de"),
    ("Bonjour Jane,\n\nvotre retour est enregistré.\n\nPS Vous ne devez pas utiliser le carton d'origine.", "fr"),
])
def test_a_postscript_that_opens_with_a_pronoun_is_said_to_the_customer(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text, lang", [
    ("Olá Jane,\n\nVamos oferecer-lhe os portes.\n\nObs. para a Carla: não sei se podemos oferecer os portes nestes "
     "casos, confirma com o gerente antes de enviar!!\n\nCumprimentos", "pt"),
    ("Olá Jane,\n\nO reembolso foi feito.\n\nObservação para o Rui: ela já teve dois reembolsos este ano.", "pt"),
    ("Hallo Jane,\n\ndie Gutschrift ist gebucht.\n\nAnmerkung für Jens: bitte Ticket danach schließen.", "de"),
    ("Ciao Jane,\n\nil rimborso è stato fatto.\n\nCommento per Luca: già fatto un reso gratuito a marzo.", "it"),
])
def test_a_remark_addressed_to_a_named_colleague_is_a_note(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    ("Olá Jane,\n\nObs. para Clientes Empresariais: a fatura segue por email no dia 5.\n\nCumprimentos", "pt"),
    ("Olá Jane,\n\nObs. para o Sr. Silva: a encomenda já foi levantada.\n\nCumprimentos", "pt"),
    ("Hallo Jane,\n\nAnmerkung für Neukunden: die erste Lieferung ist versandkostenfrei.\n\nGrüße", "de"),
])
def test_a_remark_for_a_group_of_customers_is_no_note(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text", [
    "Hi Jane, your boiler service is booked for Thu 8am-12pm. (double booked w/ the Hendersons?? check w Sam b4 "
    "confirming) Thanks, Apex Heating",
    "Hi Jane, the engineer is booked for Friday (confirm slot w Dean before it goes). Thanks",
])
def test_checking_with_a_named_colleague_in_shorthand_w_is_a_note(text):
    assert check(text, JANE)


@pytest.mark.parametrize("text", [
    "Hi Jane,\n\nPlease check w your bank whether the payment left.\n\nBest,\nTom",
    "Hi Jane,\n\nPlease check with Sam at reception when you arrive.\n\nBest,\nTom",
])
def test_checking_with_someone_said_to_the_customer_is_no_note(text):
    assert check(text, JANE) == []


@pytest.mark.parametrize("text", [
    "Dear Jane,\n\nI've credited £30 to your account.\n\nHamza - I went with £30 but not sure that's within our goodwill "
    "limit, change it if not before sending\n\nKind regards,\nEllie",
    "Dear Jane,\n\nYour refund is approved.\n\nPriya – can you check the amount before it goes?\n\nKind regards",
    "Dear Jane,\n\nYour refund is approved.\n\nMarco — I've left the fee in, remove it before sending this\n\nRegards",
])
def test_a_line_that_names_a_colleague_with_a_dash_and_asks_them_is_a_note(text):
    assert check(text, JANE)


@pytest.mark.parametrize("text", [
    "Hi Jane,\n\nReturns - before sending the item back, please wrap it well.\n\nBest,\nTom",
    "Hi Jane,\n\nPackaging - before sending anything, check the label is visible.\n\nBest,\nTom",
    "Hi Jane,\n\nLondon - before sending your documents, make a copy.\n\nBest,\nTom",
])
def test_a_heading_with_a_dash_and_an_instruction_to_the_customer_is_no_note(text):
    assert check(text, JANE) == []


@pytest.mark.parametrize("text, lang", [
    ("Sehr geehrter Herr Doe,\n\nder neue Liefertermin ist Freitag.\n(hat schon dreimal angerufen und droht mit "
     "Anwalt - bitte NICHT nochmal kulant sein, die 50 € Gutschrift hat er schon bekommen!)\n\nMit freundlichen "
     "Grüßen", "de"),
    ("Sehr geehrte Frau Doe,\n\nIhre Erstattung ist angewiesen. (den Gutschein hat sie schon zweimal bekommen, "
     "bitte KEINEN weiteren geben)\n\nMit freundlichen Grüßen", "de"),
])
def test_a_german_aside_with_the_verb_before_its_subject_about_the_customer_is_a_note(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text", [
    "Sehr geehrte Frau Doe,\n\nder Techniker war heute da, leider hat er niemanden angetroffen (er hat zweimal "
    "geklingelt; Sie können gern einen neuen Termin buchen).\n\nMit freundlichen Grüßen",
    "Sehr geehrte Frau Doe,\n\nIhr Paket ist unterwegs. Den Lieferschein hat er dabei, der Fahrer klingelt zweimal.\n\n"
    "Mit freundlichen Grüßen",
    "Sehr geehrte Frau Doe,\n\nhaben Sie die Rechnung schon erhalten? (Ist sie nicht da, melden Sie sich bitte.)\n\nGrüße",
])
def test_a_german_third_person_about_someone_else_or_the_formal_you_is_no_note(text):
    assert check(text, _jane("de")) == []


@pytest.mark.parametrize("text", [
    "Hi Jane,\n\nThe discs have a lip. (between us - discs were already scored when it came in, do NOT admit liability "
    "on the wheel either, Lee swears it was there.) We'd recommend new discs.\n\nRegards,\nDean",
    "Hi Jane,\n\nYour refund is on its way (off the record: she's had three already this year, pls flag it).\n\nTom",
])
def test_an_aside_told_in_confidence_with_staff_evidence_is_a_note(text):
    assert check(text, JANE)


@pytest.mark.parametrize("text, lang", [
    ("Bonjour Jane,\n\nLes soldes commencent lundi (entre nous : attendez lundi, vous économiserez 20 %).\n\nCordialement",
     "fr"),
    ("Hi Jane,\n\nThe engineer will come Monday (between us: he is the best we have, so you're in good hands).\n\nTom",
     "en"),
    ("Hi Jane,\n\nBetween us, I'd wait for the sale that starts Monday - you'll save 20%.\n\nBest,\nTom", "en"),
])
def test_confidence_shared_with_the_customer_is_no_note(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text, lang", [
    ("Gentile Sig. Doe,\n\nci scusiamo per il ritardo.\n\n(Giulia rispondi tu a questo, ha richiamato per la terza "
     "volta stamattina)\n\nCordiali saluti", "it"),
    ("Estimada Sra. Doe:\n\nLamentamos el retraso.\n\n(Marta contesta tú, que yo no puedo más con este caso)\n\n"
     "Atentamente", "es"),
    ("Sehr geehrte Frau Doe,\n\nes tut uns leid.\n\n(Jens mach du das bitte, ich bin ab morgen weg)\n\nGrüße", "de"),
])
def test_a_colleague_named_and_told_with_an_emphatic_informal_you_is_a_note(text, lang):
    assert check(text, _jane(lang))


@pytest.mark.parametrize("text, lang", [
    ("Gentile Sig.ra Doe,\n\n(Milano tu puoi ritirare in negozio, Roma solo a domicilio)\n\nCordiali saluti", "it"),
    ("Ciao Jane,\n\nil pacco arriva domani (Jane tu sei la prima della lista!).\n\nSaluti", "it"),
])
def test_a_place_or_the_customer_before_an_informal_you_is_no_note(text, lang):
    assert check(text, _jane(lang)) == []


@pytest.mark.parametrize("text", [
    "Bonjour Madame Doe, merci de votre patience.\nencore elle pour la même facture 🙄 bon je réponds\nJe vois bien le "
    "prélèvement du 5 novembre.",
    "Bonjour Madame Doe,\nEncore lui 🙄 Je regarde votre dossier.",
])
def test_the_customer_back_again_with_rolled_eyes_is_a_remark(text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "fr"}, channel="chat"))


@pytest.mark.parametrize("text", [
    "Bonjour Madame Doe,\n\nVotre fille est passée hier, et encore elle pour la même facture aujourd'hui : nous lui "
    "avons tout expliqué.\n\nCordialement",
    "Bonjour Madame Doe,\n\nEncore elle-même a signé le bon de livraison.\n\nCordialement",
])
def test_encore_elle_about_someone_else_is_no_remark(text):
    assert check(text, _jane("fr")) == []


@pytest.mark.parametrize("text, lang", [
    ("Hola Jane:\n\nTe enviaremos los billetes antes del miércoles. Revisa por favor que los nombres sean correctos.\n\n"
     "Un saludo", "es"),
    ("Hola Jane:\n\nConfirma por favor la dirección de entrega.\n\nUn saludo", "es"),
    ("Hi Jane,\n\nCheck please that the name on the booking is right.\n\nThanks", "en"),
])
def test_an_imperative_before_please_and_its_object_is_said_to_the_customer(text, lang):
    assert check(text, _jane(lang)) == []


def test_carlos_porfa_revisa_is_still_a_colleague_asked():
    assert check("Hola Jane, tu pedido sale hoy. Carlos porfa revisa que no se le cobre el envío.", _jane("es"))


@pytest.mark.parametrize("text, lang", [
    ("Dear Ms Doe,\n\nI'm sorry you had to write again.\n\nOn Sat, 8 Jun 2024 at 10:27, Jane Doe wrote:\n> There are "
     "calls on my bill I never made.\n\nI've gone through the itemised calls.\n\nInternal: cust already had 2 x goodwill "
     "credits this year, do NOT offer a\nthird without TL approval.\n\nKind regards,\nAidan", "en"),
    ("Hola Jane:\n\nGracias.\n\nEl vie, 7 jun 2024 a las 19:03, Jane Doe escribió:\n> Me cambiaron el vuelo.\n\n"
     "He hablado con la aerolínea.\n\nNota interna: ya se le cambió el vuelo gratis en marzo.\n\nUn saludo", "es"),
])
def test_a_note_in_an_answer_written_below_the_customers_quoted_lines_is_found(text, lang):
    assert check(text, _jane(lang))


# --- Round at: notes below the sign-off, and a sigh about "this customer" mid-reply. ---
def _ctx(lang):
    return CheckContext(persona={"name": "Jane Doe", "language": lang, "situation": "general"}, channel="email")


@pytest.mark.parametrize("text, lang", [
    # the customer in the third person below the sign-off (also after a colleague's name or a footer's dash)
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nmike - she's been on the phone 3 times today, "
     "careful", "en"),
    ("Hi Jane,\nThanks for waiting. Your new router ships today.\n\nSent from the queue - reassign to billing if she "
     "replies again", "en"),
    ("Hallo Jane,\nIhre Erstattung ist veranlasst.\nViele Grüße\nJonas\n\nGesendet von Zendesk - die Kundin hat schon "
     "3x angerufen, Vorsicht", "de"),
    ("Bonjour Jane,\nVotre remboursement a été effectué.\nCordialement,\nLéa\n\nenvoyé de la file - la cliente a appelé "
     "3 fois ce matin", "fr"),
    # ticket handling orders
    ("Hi Jane,\nYour order has shipped.\nKind regards,\nTom\n\nclose the ticket once the tracking updates", "en"),
    ("Gentile Jane,\nil rimborso è stato effettuato.\nCordiali saluti\n\nMarco vedi tu se chiudere il ticket, io stacco",
     "it"),
    ("Hola Jane,\nSu pedido ha salido.\nSaludos,\nAna\n\ncerrar el ticket cuando llegue", "es"),
    ("Bonjour Jane,\nVotre colis est parti.\nCordialement,\nLéa\n\nfermer le ticket demain", "fr"),
    ("Hallo Jane,\nIhr Paket ist unterwegs.\nViele Grüße\nJonas\n\nTicket schließen, wenn zugestellt", "de"),
    ("Beste Jane,\nUw pakket is onderweg.\nGroeten,\nSanne\n\nticket sluiten na levering", "nl"),
    # a reminder to self in the infinitive
    ("Olá Jane,\no seu reembolso foi processado.\nCumprimentos\n\nnão esquecer de fechar o ticket depois", "pt"),
    ("Hallo Jane,\nIhre Gutschrift ist gebucht.\nViele Grüße\nJonas\n\nnicht vergessen, die Rechnung zu stornieren", "de"),
    ("Bonjour Jane,\nVotre avoir est validé.\nCordialement,\nLéa\n\nne pas oublier de relancer l'entrepôt", "fr"),
    ("Hola Jane,\nSu abono está hecho.\nSaludos,\nAna\n\nno olvidar llamar al almacén mañana", "es"),
    ("Gentile Jane,\nil rimborso è stato effettuato.\nCordiali saluti\nMarco\n\nnon dimenticare di aggiornare il "
     "gestionale", "it"),
    ("Beste Jane,\nUw tegoed is verwerkt.\nGroeten,\nSanne\n\nniet vergeten het magazijn te bellen", "nl"),
    # a colleague's name, a colon or a dash, and a question about the case
    ("Dear Jane,\nThank you for your email. We have reviewed your claim and approved it.\n\n--\nAnna: did we ever get "
     "the photos? proceed anyway\n", "en"),
    ("Hi Jane,\nYour claim is approved.\nKind regards,\nTom\n\nPriya - have we had the invoice from the courier yet?",
     "en"),
    ("Hallo Jane,\nIhr Antrag ist genehmigt.\nViele Grüße\nJonas\n\nSabine: hast du die Fotos bekommen?", "de"),
    ("Hola Jane,\nSu reclamación está aprobada.\nSaludos,\nAna\n\nNuria: hemos recibido ya las fotos?", "es"),
    # a sigh about "this customer" mid-reply
    ("Hi Jane, thank you for your patience. Ugh this customer. Your order will arrive on Monday.", "en"),
    ("Hallo Jane, danke für Ihre Nachricht. Pff, diese Kundin. Ihr Paket kommt am Montag.", "de"),
    ("Hola Jane, gracias por su mensaje. Uf, esta clienta. Su pedido llega el lunes.", "es"),
    ("Gentile Jane, grazie del messaggio. Mamma mia questa cliente. Il pacco arriva lunedì.", "it"),
])
def test_a_note_below_the_sign_off_or_a_sigh_about_this_customer_is_found(text, lang):
    assert check(text, _ctx(lang)), text


@pytest.mark.parametrize("text, lang", [
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\nCustomer Service Team Leader\n\nSent from my "
     "iPhone", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom (he/him)\nSenior Advisor, Customer Care", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nP.S. Don't forget your 10% voucher for next "
     "time!", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nPS: if you need to close your account, reply "
     "to this email.", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n--\nAcme Ltd, 1 High Street, Leeds LS1 1AA. The "
     "customer is entitled to cancel within 14 days under our terms.", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nQuestions: do we deliver on Sundays? Yes, we "
     "do!", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nReturns: have you kept the receipt? Keep it "
     "for 30 days.", "en"),
    ("Hi Jane,\nYou wrote:\n> the customer service was awful, she said she'd call\nWe are sorry.\nKind regards,\nTom",
     "en"),
    ("Hi Jane,\nThis ticket will be closed automatically in 7 days.\nKind regards,\nTom\n\nTo escalate a complaint "
     "contact the Ombudsman.", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\nCustomer Relations Manager - the customer is at "
     "the heart of everything we do", "en"),
    ("Hi Jane, ugh, this weather! Your order will arrive on Monday.", "en"),
    ("Hi Jane, we know waiting is frustrating. Sigh, this customer portal has been slow. Your order arrives Monday.",
     "en"),
    ("Hallo Jane,\nIhre Erstattung ist veranlasst.\nMit freundlichen Grüßen\nJonas\nLeiter Kundenservice\n\nBitte "
     "nicht vergessen: Ihre Rechnung finden Sie im Kundenkonto.", "de"),
    ("Hallo Jane,\nIhre Erstattung ist veranlasst.\nViele Grüße\nJonas\n\nFragen: haben Sie schon unsere App? Jetzt "
     "laden.", "de"),
    ("Bonjour Jane,\nVotre remboursement a été effectué.\nCordialement,\nLéa\nService client\n\nN'oubliez pas de "
     "consulter votre espace client.", "fr"),
    ("Hola Jane,\nSu reembolso ha sido procesado.\nSaludos,\nAna\nAtención al cliente\n\nP.D. No olvide revisar su "
     "correo.", "es"),
    ("Olá Jane,\no seu reembolso foi processado.\nCumprimentos\nRita\nApoio ao Cliente\n\nNão se esqueça de consultar "
     "a sua área de cliente.", "pt"),
    ("Gentile Jane,\nil rimborso è stato effettuato.\nCordiali saluti\nMarco\nServizio Clienti\n\nLa cliente può "
     "recedere entro 14 giorni secondo le condizioni generali.", "it"),
    ("Beste Jane,\nUw terugbetaling is verwerkt.\nMet vriendelijke groet,\nSanne\nKlantenservice\n\nVergeet niet uw "
     "bestelling te controleren.", "nl"),
    ("Hi Jane,\nYour refund has been processed.\n\nOur shop is closed on Monday; she reopens Tuesday as usual.\n\n"
     "Kind regards,\nTom", "en"),
    ("Hallo Jane,\nIhre Erstattung ist veranlasst.\nViele Grüße\nJonas\nKundenservice - bei uns ist der Kunde König",
     "de"),
    # slogans and how-tos below the sign-off
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nThe customer's satisfaction is always the "
     "priority at Acme.", "en"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nAcme - where the customer always comes first",
     "en"),
    ("Bonjour Jane,\nVotre dossier est clos.\nCordialement,\nLéa\n\nAcme - le client avant tout", "fr"),
    ("Hola Jane,\nSu pedido ha salido.\nSaludos,\nAna\n\nAcme - el cliente es lo primero", "es"),
    ("Olá Jane,\no seu pedido foi enviado.\nCumprimentos\nRita\n\nAcme - o cliente em primeiro lugar", "pt"),
    ("Beste Jane,\nUw pakket is onderweg.\nGroeten,\nSanne\n\nBij ons staat de klant centraal", "nl"),
    ("Gentile Jane,\nil pacco è partito.\nCordiali saluti\nMarco\n\nPer chiudere il ticket basta rispondere CHIUDI.",
     "it"),
    ("Hi Jane,\nYour refund has been processed.\nKind regards,\nTom\n\nP.S. The courier will ring the bell; he can "
     "leave it with a neighbour.", "en"),
    ("Hi Jane, ugh this customer portal keeps logging you out, sorry! Try again later.", "en"),
])
def test_signatures_footers_and_postscripts_to_the_customer_below_the_sign_off_stay_clean(text, lang):
    assert not check(text, _ctx(lang)), text


def _ctx(lang: str, channel: str = "email", name: str = "Jane Doe") -> CheckContext:
    return CheckContext(persona={"name": name, "language": lang}, channel=channel)


@pytest.mark.parametrize("text,lang,channel", [
    ("Hi Jane, let me look. (anybody remember the code for the staff discount?)\nIt is now applied.", "en", "email"),
    ("Sam: ok who's got the password for the courier portal, mine's locked\nSam: Your parcel is booked.", "en", "chat"),
    ("Mitarbeiter (Jan): Moment bitte.\nMitarbeiter (Jan): wer hat gerade Zugang zum Lager? ich komm nicht rein\n"
     "Mitarbeiter (Jan): Erledigt.", "de", "chat"),
    ("Medewerker Tim: Moment.\nMedewerker Tim: wie heeft er vandaag dienst op de afdeling? krijg niemand te pakken\n"
     "Medewerker Tim: Het is geregeld.", "nl", "chat"),
])
def test_a_question_put_to_the_team_is_a_note(text, lang, channel):
    assert check(text, _ctx(lang, channel))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nDoes anyone in your household know the account PIN? We need it to make the change.", "en"),
    ("Hi Jane,\n\nDo you know who has the login for your account? Only the account holder can change it.", "en"),
    ("Hallo Frau Doe,\n\nKennt jemand in Ihrem Haushalt das Kennwort? Dann ändern wir es sofort für Sie.", "de"),
    ("Bonjour Jane,\n\nQuelqu'un chez vous sait-il où se trouve le compteur ? Merci de nous le dire.", "fr"),
    ("Hola Jane:\n\n¿Alguien de su familia sabe la contraseña? Así podremos ayudarle.", "es"),
    ("Dear Jane,\n\nSomeone from our team will call you on Monday. Anyone can book online too.", "en"),
    ("Hallo Frau Doe,\n\nWeiß jemand in Ihrem Haushalt das Kennwort? Sonst setzen wir es zurück.", "de"),
    ("Bonjour Jane,\n\nquelqu'un sait-il chez vous où se trouve le compteur ? merci de nous le dire.", "fr"),
    ("Hi Jane,\n\nCan someone at your end read the meter for us this week? A photo is fine.", "en"),
    ("Ciao Jane,\n\nqualcuno a casa sua sa il codice del cancello? Così il tecnico può entrare.", "it"),
    ("Beste Jane,\n\nWeet iemand bij u thuis de code van de meterkast? Dan kan de monteur erbij.", "nl"),
    ("Olá Jane,\n\nAlguém na sua casa sabe a senha do router? Assim o técnico pode ligar-se.", "pt"),
])
def test_a_question_about_who_knows_said_to_the_customer_is_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nYour refund is on its way.\n\n[Slack] Tom Reed: the March invoice is the right one\n\nThanks, Amy", "en"),
    ("Hallo Frau Doe,\n\nIhre Gutschrift ist gebucht.\n\n[Teams] Jens Vogt: gib ihr die 10 Euro einfach\n\nGruß", "de"),
    ("Hi Jane,\n\nYour voucher is attached.\n\nKind regards,\nAmy\n\nTom 10:02: voucher sent\nLucy 10:03: ok",
     "en"),
])
def test_lines_pasted_from_the_team_chat_are_a_note(text, lang):
    assert check(text, _ctx(lang))


# A colleague whose name begins like a month or a day ("Julie", "Mark", "Maya", "Abel") is still a colleague.
@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nYour voucher is attached.\n\nKind regards,\nAmy\n\nJulie 10:02: voucher sent\nMark 10:03: ok",
     "en"),
    ("Hallo Frau Doe,\n\nIhre Gutschrift ist gebucht.\n\nAbel 09:12: gib ihr die 10 Euro\nMaya 09:14: passt", "de"),
])
def test_a_team_chat_between_colleagues_named_like_months_is_a_note(text, lang):
    assert check(text, _ctx(lang))


def test_stamped_lines_under_month_names_are_a_timetable():
    text = "Hi Jane,\n\nYour dates:\nJanuary 09:00: enrolment opens\nMarch 10:30: first exam\n\nThanks"
    assert not check(text, _ctx("en"))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nYour course timetable:\nMonday 09:00: welcome session\nTuesday 10:30: first workshop\n\nThanks", "en"),
    ("Hi Jane,\n\nCheck 14:00: rooms are ready from then.\nDeparture 11:00: please leave the key at reception.", "en"),
    ("Hallo Frau Doe,\n\nMontag 09:00: Anreise\nDienstag 10:00: Führung\n\nViele Grüße", "de"),
    ("Hi Jane,\n\nYour talk is listed under [Teams] in the agenda: Microsoft Teams link below.", "en"),
])
def test_schedules_and_tool_names_said_to_the_customer_are_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nThe fee stands.\n\nCustomer obviously hasn't read the contract.\n\nRegards, Amy", "en"),
    ("Hi Jane,\n\nkeep it brief, she never reads long emails\n\nYour card is updated.", "en"),
    ("Hallo Frau Doe,\n\ndie Gebühr bleibt. Kundin hat offensichtlich die AGB nicht gelesen.\n\nGrüße", "de"),
    ("Bonjour Jane,\n\nles frais restent dus. La cliente n'a visiblement pas lu le contrat.\n\nCordialement", "fr"),
    ("Hola Jane:\n\nLa tarifa se mantiene. El cliente claramente no ha leído las condiciones.\n\nSaludos", "es"),
    ("Gentile Jane,\n\nla penale resta. Il cliente non ha letto il contratto.\n\nCordiali saluti", "it"),
    ("Beste Jane,\n\nde kosten blijven staan. Klant heeft duidelijk de voorwaarden niet gelezen.\n\nGroet", "nl"),
    ("Olá Jane,\n\na taxa mantém-se. A cliente claramente não leu o contrato.\n\nCumprimentos", "pt"),
])
def test_a_remark_that_the_customer_has_not_read_is_a_note(text, lang):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nWe can refund the fee. Free delivery next time only if he complains again.\n\nRegards", "en"),
    ("Hallo Frau Doe,\n\nwir erstatten den Betrag (Gutschein nur wenn sie nachhakt).\n\nGrüße", "de"),
    ("Bonjour Jane,\n\nnous remboursons la commande (bon d'achat seulement si elle insiste).\n\nCordialement", "fr"),
    ("Beste Jane,\n\nwe betalen het terug (tegoedbon alleen als ze aandringt).\n\nGroet", "nl"),
])
def test_an_offer_kept_back_for_when_the_customer_insists_is_a_note(text, lang):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nThe engineer will only replace the part if he finds damage.\n\nRegards", "en"),
    ("Hi Jane,\n\nWe can only waive the fee if you insist on cancelling today.\n\nRegards", "en"),
    ("Hola Jane:\n\nSolo si insiste en cancelar aplicaremos la tarifa.\n\nSaludos", "es"),
    ("Hi Jane,\n\nIf your client hasn't read the contract, please send them section 4.\n\nRegards", "en"),
    ("Hi Jane,\n\nOur driver didn't read the note on the door, and I am sorry.\n\nRegards", "en"),
])
def test_conditions_and_reading_said_of_someone_else_or_to_the_customer_are_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nWe asked you twice for a reading. maybe tone it down?\n\nRegards", "en"),
    ("Hi Jane,\n\nWe never received a reading, hence the estimate. tone this down?\n\nRegards", "en"),
    ("Hallo Frau Doe,\n\nwir haben dreimal nach dem Zählerstand gefragt. Ton etwas abschwächen?\n\nGrüße", "de"),
    ("Bonjour Jane,\n\nnous vous avons relancée trois fois. adoucir le ton ?\n\nCordialement", "fr"),
    ("Gentile Jane,\n\nle abbiamo scritto tre volte. ammorbidire il tono?\n\nSaluti", "it"),
    ("Beste Jane,\n\nwe hebben drie keer gevraagd. toon wat afzwakken?\n\nGroet", "nl"),
])
def test_a_question_on_the_drafts_tone_is_a_note(text, lang):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nWe've asked the neighbours to tone it down after 10pm.\n\nRegards", "en"),
    ("Hi Jane,\n\nDid we get the tone right? Tell us in our survey.\n\nRegards", "en"),
    ("Hi Jane,\n\nThe engineer told you he'd call back, and he did not. I am sorry.\n\nRegards", "en"),
    ("Hi Jane,\n\nDo we still stock it? Yes, we do!\n\nRegards", "en"),
])
def test_tone_told_you_and_do_we_said_to_the_customer_are_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text", [
    "Hi Jane,\n\nYour visit is booked for Monday.\n\n(Told you she'd ask for the manager 😂)\n\nRegards, Amy",
    "Hi Jane,\n\nYour visit is booked. Told ya he'd be back.\n\nRegards, Amy",
    "Hi Jane,\n\nWe will keep the old rate on your order.\n\nDo we still honour the 2023 prices?? leaving it for now\n\nRegards",
    "Hi Jane,\n\nAre we really matching competitor prices on this?? not sure\n\nRegards",
])
def test_a_told_you_so_or_a_doubled_question_to_the_team_is_a_note(text):
    assert check(text, _ctx("en"))


@pytest.mark.parametrize("text,lang", [
    ("Hallo Frau Doe,\n\nwir nehmen den Artikel zurück. Ausnahme genehmigt von Jörg, bitte nicht weitersagen.\n\nGrüße",
     "de"),
    ("Bonjour Jane,\n\nvotre bon est disponible. geste co validé par N+1.\n\nCordialement", "fr"),
    ("Hola Jane:\n\nAceptamos la devolución. Excepción aprobada por Marta.\n\nSaludos", "es"),
    ("Gentile Jane,\n\naccettiamo il reso. Eccezione approvata da Fabio.\n\nSaluti", "it"),
    ("Beste Jane,\n\nwe nemen het retour. Uitzondering goedgekeurd door Bram.\n\nGroet", "nl"),
    ("Olá Jane,\n\naceitámos a devolução. Exceção aprovada pelo Rui.\n\nCumprimentos", "pt"),
])
def test_a_policy_exception_and_who_approved_it_is_a_note(text, lang):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nAs a one-off exception, we have approved your return.\n\nRegards", "en"),
    ("Hallo Frau Doe,\n\nausnahmsweise haben wir Ihre Rücksendung genehmigt.\n\nGrüße", "de"),
    ("Bonjour Jane,\n\nà titre exceptionnel, votre retour a été validé par notre service.\n\nCordialement", "fr"),
    ("Olá Jane,\n\na sua exceção foi aprovada pela nossa equipa de apoio.\n\nCumprimentos", "pt"),
])
def test_an_exception_granted_to_the_customer_is_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    # an English order with the customer in the third person, in an aside or on a line of its own
    ("Hi Jane [CRM has Janet, check which she uses],\n\nYour voucher has been extended to 31 December.\n\nTasha", "en"),
    ("Table for 2 on Fri 6 March at 8pm confirmed. VIP - give her the corner table, she hates sitting by the door", "en"),
    # an approval by a colleague at the end of an aside, after a comma
    ("Dear Ms Doe,\n\nWe can accept the return (exception, outside the 30 days but she's a loyal customer, approved by "
     "Priya) and our courier will contact you.\n\nRegards", "en"),
    # where the text came from, after a dash in an aside that also says "you"
    ("Hi Jane,\n\nHold the reset button for 10 seconds. (same as before – copied from case 44120, attach the form if you "
     "can)\n\nThanks, Raj", "en"),
    # the case handed to a colleague by name, as an order
    ("Dear Ms Doe,\n\nYour repair is marked as urgent.\n\n→ escalate to Gary if she replies again\n\nRegards", "en"),
    ("Madame,\n\nVotre dossier est complet.\n\npasser à Karim si elle rappelle\n\nCordialement", "fr"),
    ("Sehr geehrte Frau Doe,\n\nIhr Antrag ist vollständig.\n\nan Jens weitergeben, falls sie nochmal schreibt\n\nMfG", "de"),
    # a colleague asked to read the draft over
    ("à relire par Marc avant envoi – pas sûr du délai\n\nMadame,\n\nNous confirmons la résiliation au 30 juin.", "fr"),
    ("Hi Jane,\n\nYour refund of £40 is on its way.\n\nto be checked by Paul before it goes\n\nAmy", "en"),
    ("Hallo Frau Doe,\n\nIhre Gutschrift ist gebucht.\n\nvon Jens gegenlesen lassen, Betrag unsicher\n\nGruß", "de"),
    ("Gentile Sig.ra Doe,\n\nla pratica è chiusa.\n\nda far rivedere a Fabio prima dell'invio\n\nSaluti", "it"),
    ("Beste mevrouw Doe,\n\nUw aanvraag is verwerkt.\n\nnog laten nakijken door Joost\n\nGroet", "nl"),
    # "to be reviewed" in capitals heading a line
    ("Buongiorno,\n\npuò spedirla al nostro centro di Bologna.\n\nSaluti\n\nDA RIVEDERE - manca il n. RMA", "it"),
    ("Hi Jane,\n\nYour plan renews on 1 April.\n\nTO CHECK – the fee might be £40 now\n\nAmy", "en"),
])
def test_orders_approvals_sources_handovers_and_reviews_left_for_staff_are_notes(text, lang):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    ("Hi Jane,\n\nIf you want to take it further, please forward this to Gary in your accounts team.\n\nAmy", "en"),
    ("Hi Jane,\n\nForward to Gary at our Leeds office if you prefer post.\n\nAmy", "en"),
    ("Hi Jane,\n\nEscalate to the Financial Ombudsman if we haven't resolved it within 8 weeks.\n\nAmy", "en"),
    ("Hi Jane,\n\nThe survey report was checked by Paul, our senior surveyor, and is attached.\n\nAmy", "en"),
    ("Madame,\n\nLe rapport a été vérifié par Marc, notre expert, et vous est joint.\n\nCordialement", "fr"),
    ("Hi Jane,\n\nWe accepted the return (an exception, approved by our manager) and the refund is on its way.", "en"),
    ("Hi Jane,\n\nTable for 2 on Fri 6 March at 8pm confirmed. Check the menu on our website before you come!", "en"),
    ("Hi Jane,\n\nYour son's appointment is on 16 May at 10am. Give him a light breakfast and bring his red book.", "en"),
    ("Hi Jane,\n\nTO CHECK YOUR BALANCE, text BAL to 80080.\n\nAmy", "en"),
])
def test_handing_over_reviewing_and_approving_said_to_the_customer_is_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    # a postscript that opens with an imperative to the customer, not a colleague's name
    ("Beste meneer Doe,\n\nWe vergoeden de kosten.\n\nMet vriendelijke groet,\nAnnemiek\n\nPS Vergeet niet de "
     "meterstanden te noteren voordat de monteur komt, dan kunnen we het verbruik netjes afsluiten.", "nl"),
    ("Hallo Frau Doe,\n\nIhr Termin steht.\n\nViele Grüße\nTim\n\nPS Vergessen Sie nicht, den Zählerstand zu "
     "notieren, bevor der Monteur kommt.", "de"),
    ("Hi Jane,\n\nYour refund is done.\n\nThanks,\nAmy\n\nPS Keep the box, the courier won't take it without one.",
     "en"),
    # a colleague's report handed on to the customer on purpose, about "the customer" in the third person
    ("Guten Tag Frau Doe,\n\nanbei wie besprochen die Rückmeldung unseres Technikers:\n\n---------- Weitergeleitete "
     "Nachricht ----------\nVon: Stefan Wolf\nAn: Kundendienst\nBetreff: Einsatzbericht\n\nDichtung getauscht, "
     "Anlage auf 1,6 bar aufgefüllt, läuft wieder. Empfehlung für die Kundin: nächste Wartung in 12 Monaten.\n"
     "-----\n\nViele Grüße\nCarina", "de"),
])
def test_postscripts_to_the_customer_and_reports_handed_on_on_purpose_are_no_note(text, lang):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text,lang", [
    # handed on, but telling staff what to do about the customer
    ("Estimada Sra. Doe:\n\nLe reenvío la respuesta de nuestro departamento.\n\n---------- Mensaje reenviado "
     "----------\nDe: Javier Prieto\nPara: Atención al Cliente\n\nDale largas, el perito no puede ir hasta el mes que "
     "viene.\n---\n\nUn saludo", "es"),
    ("Dear Ms Doe,\n\nPlease see below the update from our claims team.\n\n---------- Forwarded message ---------\n"
     "From: Claims Desk\nTo: Customer Service\n\nApprove it but tell her it's a one-off, she's tried this before.\n\n"
     "Regards,\nGemma", "en"),
])
def test_a_message_handed_on_that_tells_staff_what_to_do_is_still_a_note(text, lang):
    assert check(text, _ctx(lang))


# --- round aw: classes told by structure and kinds of staff evidence ---

def _chat(lang, name="Jane Doe"):
    return CheckContext(persona={"name": name, "language": lang, "situation": "general"}, channel="chat")


AW_NOTES = [
    # a colleague named and asked, then told the writer cannot find it, or asked what "we" do
    ("en", "Hi Jane, the parcel left our depot on Monday. Mo do we still refund postage on these?? It should reach "
           "you by Friday.", "Mo do we still refund postage"),
    ("es", "Hola Jane,\n\ntu devolución ya está registrada.\n\nLola, ¿sabes si el abono sale hoy? no encuentro la "
           "orden.\n\nUn saludo", "Lola, ¿sabes si"),
    ("it", "Buongiorno Jane,\n\nla sua richiesta è registrata.\n\nMarta, il codice sconto lo sai tu? io non lo trovo "
           "nel sistema\n\nCordiali saluti", "Marta, il codice sconto"),
    ("pt", "Cara Jane,\n\nO seu pedido foi enviado.\n\nRita, sabes se a fatura já saiu? Não encontro o PDF.\n\n"
           "Cumprimentos", "Rita, sabes se a fatura"),
    ("de", "Hallo Frau Doe,\n\nIhr Paket ist unterwegs.\n\nTimo, weißt du, ob es heute rausging? ich finde den Beleg "
           "nicht.\n\nGrüße", "Timo, weißt du"),
    # a handover with the shift named right after it
    ("de", "Sehr geehrte Frau Doe,\n\nwir melden uns morgen.\n\nÜbergabe Spätschicht: Rückruf Fr. Doe, Akte im Fach\n\n"
           "Freundliche Grüße", "Übergabe Spätschicht"),
    ("it", "Gentile Signora Doe,\n\nla richiameremo domani.\n\nPassaggio turno sera: richiamare la signora, pratica "
           "sul tavolo\n\nCordiali saluti", "Passaggio turno sera"),
    ("en", "Dear Ms Doe,\n\nWe'll call you tomorrow.\n\nHandover night shift: rang twice, file on my desk\n\nRegards",
     "Handover night shift"),
    # the same one who got in touch, in an aside
    ("fr", "Bonjour, je vois votre dossier. (c'est la même qui a appelé 3 fois ce matin ?) La ligne est rétablie.",
     "la même qui a appelé"),
    ("es", "Hola, veo tu pedido (¿es el mismo que llamó 4 veces ayer?) y ya ha salido.", "el mismo que llamó"),
    # a colleague asked with "pls" after a dash
    ("en", "Hi Jane, your car is ready, we replaced the wiper blades, £18 extra - Kim pls call her first, not "
           "approved yet", "Kim pls call her"),
    # a colleague told in an aside to contact the customer
    ("it", "La ricontatteremo appena possibile. (Marco: chiamala domani mattina, ha già scritto tre volte)",
     "Marco: chiamala"),
    ("de", "Wir melden uns in Kürze. (Jens: ruf sie morgen früh an)", "Jens: ruf sie"),
    # news kept back until someone else speaks to the customer
    ("it", "Il referto è pronto. La dott.ssa Neri dice di non accennare all'esito finché non la richiama lei.",
     "non accennare all'esito"),
    ("pt", "O resultado está pronto. O Dr. Lopes pede para não mencionar a biópsia até ele ligar.",
     "não mencionar a biópsia"),
    ("nl", "Uw uitslag is binnen. Niets over de biopsie zeggen tot de dokter haar belt.", "Niets over de biopsie"),
    ("de", "Ihr Befund liegt vor. Dr. Weber sagt, nichts von der Probe erwähnen, bis er anruft.", "nichts von der"),
    ("de", "Liebe Frau Doe,\n\nIhr Paket kommt bald.\n\nViele Grüße\nAnna\n\nkommt eh erst Freitag, sag ihr das "
           "bloß nicht", "sag ihr das"),
    # approval by a team lead in shorthand
    ("de", "Ihr Wagen steht ab 9 Uhr bereit. Bitte Ausweis mitbringen. Freigabe TL ok - JK", "Freigabe TL ok"),
    ("en", "Your upgrade is confirmed for Friday. TL ok'd - RB", "TL ok'd"),
    ("es", "Su reembolso está aprobado. Aprobación TL", "Aprobación TL"),
    # a colleague to be asked before the reply goes
    ("es", "Hemos aprobado la reparación —no sé si entra el cristal, pregúntale a Laura antes de mandar— y el taller "
           "te llamará.", "pregúntale a Laura"),
    ("nl", "Uw terugbetaling is goedgekeurd (vraag het Sanne voor het versturen) en volgt snel.", "vraag het Sanne"),
    ("fr", "Votre remboursement est validé – demande à Léa avant d'envoyer – et arrivera vite.", "demande à Léa"),
    # the reply headed as a draft above its greeting
    ("it", "bozza – da rivedere il terzo paragrafo, troppo formale\n\nGentile Signora Doe,\n\nle confermiamo la "
           "prenotazione.", "bozza"),
    ("en", "Draft - second para needs shortening\n\nDear Ms Doe,\n\nthanks for your message.", "Draft"),
    # a sigh at the same customer once more
    ("nl", "pfff weer die rotklant van vorige week\nGoedemiddag, uw bestelling ligt bij de vervoerder.", "pfff"),
    ("de", "Pff, schon wieder die Kundin von gestern. Guten Tag, Ihr Paket ist unterwegs.", "Pff"),
    # a colleague asked about staff's own rota
    ("en", "Hi Jane, the engineer is booked. Dev, who's on call tonight? He'll ring you first.", "who's on call"),
    ("de", "Guten Tag, der Techniker kommt. Ole, wer hat heute Bereitschaft? Er ruft Sie vorher an.", "Bereitschaft"),
    # in brackets, the writer no longer knows what the customer was told
    ("fr", "Le remboursement de 80 € (ou 90 avec le port ? je ne sais plus ce qu'on lui a dit au tel) sera fait sur "
           "votre carte.", "je ne sais plus"),
    ("it", "Il rimborso di 40 € (o 45? non ricordo cosa gli abbiamo promesso) arriverà presto.", "non ricordo"),
    ("de", "Die Erstattung von 30 € (oder 35, weiß nicht mehr, was wir ihr gesagt haben) kommt bald.", "weiß nicht"),
    # in brackets, where the words come from
    ("nl", "U ontvangt binnen vijf werkdagen een reactie (tekst uit standaardmail, klopt niet meer) van ons.",
     "tekst uit standaardmail"),
    ("es", "Recibirá respuesta en 3 días (texto de la plantilla, ya no es así).", "texto de la plantilla"),
    # a reminder of the company's own bookkeeping, or the bookkeeping below the sign-off
    ("de", "Sehr geehrte Frau Doe,\n\nwir haben Ihnen eine Gutschrift erteilt.\n\nNicht vergessen: Gutschrift morgen "
           "in DATEV buchen!!\n\nFreundliche Grüße\nTom", "Nicht vergessen"),
    ("nl", "Geachte mevrouw Doe,\n\nDe factuur wordt gecrediteerd.\n\nvergeet niet: 5531 crediteren vóór maandag\n\n"
           "Met vriendelijke groet\nTom", "vergeet niet"),
    ("en", "Dear Ms Doe,\n\nWe've refunded you.\n\nReminder: book the credit note today\n\nRegards, Tom", "Reminder"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Vertrag endet.\n\nMit freundlichen Grüßen\nTom\n\nbitte Mahnstopp setzen, "
           "danke", "Mahnstopp"),
    # what is admitted in brackets: what really happens and a shrug, a case closed against the facts, the standard
    # goodwill and no more
    ("it", "Il rimborso arriverà dopo il controllo in magazzino (in realtà ci vogliono tre mesi, boh) sul suo conto.",
     "in realtà"),
    ("de", "Die Erstattung kommt in 14 Tagen (eigentlich eher sechs Wochen, egal).", "eigentlich"),
    ("it", "Abbiamo resettato la linea.\n\n(la segniamo come risolta anche se non lo è, così vuole il capo)\n\nSaluti",
     "risolta"),
    ("en", "We've reset your line.\n\n(closing this as resolved even though it isn't, boss's orders)\n\nBest",
     "closing this"),
    ("pt", "Segue um cupom de 5%.\n\n(mandei o cupom padrão, não lhe vou dar mais que isso)\n\nEquipe", "cupom padrão"),
    # a jotted question what to do with the case, given another case's reference
    ("en", "Thanks, I can see the error on your account. dupe of 88213 - close? Our team is on it.", "dupe of 88213"),
    ("fr", "Merci, je vois l'erreur. même souci que 5521 - fusionner ? Nos équipes sont dessus.", "même souci"),
]


@pytest.mark.parametrize("lang,text,part", AW_NOTES)
def test_round_aw_notes_by_structure_and_kinds_of_evidence(lang, text, part):
    found = check(text, _ctx(lang))
    assert found and part in found[0].snippet + found[0].detail


@pytest.mark.parametrize("lang,text", [
    # a pasted colleague's chat line, stamped with time and writer, above a reply that carries none ("Julie" is no
    # month)
    ("fr", "Julie 09:14 : il a déjà eu 2 avoirs cette année, pas de 3e\nBonjour, je comprends votre agacement. "
           "Pouvez-vous redémarrer la box et me dire si la connexion revient ?"),
    ("de", "Markus 10:03: die hat schon 2x angerufen, kein Gutschein mehr\nGuten Tag, der Techniker war heute da und "
           "die Leitung ist wieder aktiv. Bitte starten Sie den Router neu."),
    ("nl", "[09:40] Bram de Vries: ze heeft al 2x een nieuw toestel gekregen, nu echt geen 3e\nBeste Jane, "
           "vervelend dat het weer niet werkt. Ik stuur je een verzendlabel om het te laten onderzoeken."),
])
def test_a_colleagues_stamped_chat_line_pasted_into_a_chat_reply_is_a_note(lang, text):
    assert check(text, _chat(lang))


@pytest.mark.parametrize("lang,text", [
    # the customer asked by another name, with "you"; an interjection or a greeting before a question to the customer
    ("en", "Hi there. Anna, do you have the order number? I can't find it on our side."),
    ("en", "Hi Jane,\n\nthanks for waiting.\n\nNoted, has the parcel arrived? I can't find it on our system."),
    ("it", "Grazie per l'attesa, Jane. Senta, il pacco è arrivato? Non lo trovo nel sistema."),
    ("it", "Buongiorno, è arrivato il pacco? Non lo trovo nel sistema."),
    ("nl", "Goedemiddag, is het pakket al binnen? Ik kan het niet vinden in ons systeem."),
    ("en", "Hi Jane, the parcel left. Brilliant, do we have a date for the install?"),
    # a question word is no colleague's name
    ("en", "Hi Jane,\n\nYour case has been marked as solved.\n\nHow did we do? Rate us: ★★★★★"),
    # handover words said to the customer
    ("de", "Sehr geehrte Frau Doe,\n\nÜbergabe Ihres Fahrzeugs: Montag 9 Uhr.\n\nFreundliche Grüße"),
    ("en", "Dear Ms Doe,\n\nHandover of your keys: at reception from 3pm.\n\nRegards"),
    # a form or a thing "the same one", no one getting in touch
    ("it", "Il modulo è lo stesso che ha compilato l'anno scorso (è lo stesso che ha usato 2 volte)."),
    # a dash and a name said to the customer
    ("en", "Our opening hours changed - Monday please note we close at 4pm."),
    # an order to someone else, not a colleague named, said to the customer
    ("es", "Puede recoger el pedido en tienda (Madrid: llámanos al 912345678)"),
    # keeping quiet said to the customer, or nobody getting in touch
    ("en", "Don't mention the surprise party until the big day!"),
    ("en", "Please don't mention the gift to your wife until she calls you."),
    ("de", "Sie müssen uns nichts weiter sagen, bis der Techniker anruft."),
    ("fr", "Merci de ne rien dire au livreur avant qu'il ait vérifié le colis."),
    ("en", "Please do not say anything about liability until our assessor calls."),
    ("en", "Don't say anything to the other driver until the assessor calls."),
    ("de", "Nichts zur Schuldfrage sagen, bis unser Gutachter anruft."),
    # capitals that are no team lead
    ("en", "Flights to TL ok? Dili (TL) is served twice weekly."),
    ("en", "The TL approved your request."),
    # sending something else, said to the customer
    ("en", "Please ask Tim before sending the parcel back."),
    ("en", "Please ask Evri before sending."),
    ("en", "If unsure, ask Royal Mail before sending."),
    ("es", "Si tienes dudas, pregúntale a Correos antes de mandarlo."),
    # a customer told to send a photo, not a colleague told to call the customer
    ("nl", "Het pakket is onderweg. (Opgelet: stuur ons een foto van de schade)"),
    # a draft said to the customer
    ("en", "Draft agreement – please review and sign\n\nDear Ms Doe,\n\nattached is the draft."),
    ("en", "Draft – please review the attached and reply by Friday\n\nDear Ms Doe,\n\nattached."),
    ("de", "Entwurf: Mietvertrag Musterstraße\n\nSehr geehrte Frau Doe,\n\nanbei der Entwurf."),
    # a sigh at a service, not at the customer
    ("nl", "Pff, weer de klantenservice die niet opneemt, vervelend voor u."),
    # on call, asked by the customer's own words
    ("en", "Jane, is the on-call engineer coming to you tonight?"),
    # what the writer cannot remember, said to the customer
    ("en", "Thanks for calling (sorry, I can't remember what I said on the phone about the fee)."),
    ("fr", "Votre colis (taille 42, je ne sais plus si c'est la bonne) part demain."),
    # a template the customer is sent to
    ("de", "Bitte nutzen Sie das Formular (Text aus der Vorlage auf unserer Website)."),
    # reminders said to the customer, or bookkeeping the company says it does
    ("de", "Sehr geehrte Frau Doe,\n\nNicht vergessen: Bringen Sie Ihre Gutschrift mit.\n\nGrüße"),
    ("en", "Dear Ms Doe,\n\nDon't forget: we will book the credit note for you.\n\nRegards"),
    ("de", "Sehr geehrte Frau Doe,\n\nNicht vergessen: Die Gutschrift buchen wir automatisch.\n\nGrüße"),
    # candour said to the customer, closing a ticket as the customer is told
    ("en", "Your refund takes 14 days (actually often sooner, you'll see!)."),
    ("en", "We'll close your ticket as resolved if we don't hear back (even though it isn't always)."),
    ("fr", "Votre remboursement prendra 14 jours (en réalité souvent moins, bonne nouvelle)."),
    # a reference and a question to the customer
    ("en", "Thanks. your order 4471 - cancel? Let me know."),
])
def test_round_aw_look_alikes_said_to_the_customer_are_left_alone(lang, text):
    assert not check(text, _ctx(lang))



@pytest.mark.parametrize("lang,text", [
    # a transcript: the customer's own stamped lines are in it
    ("en", "[14:02] Jane Doe: where's my parcel, it's the 3rd time I ask\n[14:03] Tom Reed: it's with the courier, "
           "due today\nHi Jane, as promised here's our chat from this morning. Let us know if anything else comes up."),
    # a timetable, not a message: days and hours
    ("de", "Mo 10:00: Yoga für Anfänger, Raum 2\nLiebe Frau Doe, anbei wie gewünscht unser Kursplan für den Mai."),
])
def test_stamped_lines_of_a_transcript_or_a_timetable_are_no_pasted_note(lang, text):
    assert not check(text, _chat(lang))


@pytest.mark.parametrize("text,expected", [
    ("Hi Jane,\n\nUgh, again the customer service line was down, sorry about that. I've rebooked your slot.\n\nAmy",
     False),
    ("Hi Jane,\n\nUgh, not again: your parcel was sent back to the depot. I've asked for a redelivery.\n\nAmy", False),
    ("Hi Jane,\n\nYour slot is rebooked.\n\nugh, her again\n\nAmy", True),
])
def test_a_sigh_shared_with_the_customer_is_no_remark_about_them(text, expected):
    assert bool(check(text, _ctx("en"))) is expected


# Round ba: a note to a colleague in a paragraph of its own above the letter's greeting.
@pytest.mark.parametrize("lang,text", [
    ("en", "Marcus - can we really waive the fee twice? shout if not\n\nDear Ms Doe,\n\nWe have waived the late fee "
           "on your March bill.\n\nKind regards,\nOwen"),
    ("de", "Hast du die Rechnungsnummer noch mal geprüft? Bin unsicher. Gruß Timo\n\nSehr geehrte Frau Doe,\n\nwir "
           "haben Ihre Rechnung korrigiert und Ihnen die neue Fassung beigefügt.\n\nMit freundlichen Grüßen\nIhr Team"),
    ("fr", "Salut Karim, tu valides le montant avant que je l'envoie ?\n\nMadame,\n\nNous vous confirmons le "
           "remboursement de 45 € sur votre compte.\n\nCordialement,\nLéa"),
    ("es", "Nuria, míralo antes de enviarlo porfa, que no sé si el plazo es de 10 días\n\nEstimada Sra. Doe:\n\n"
           "Le confirmamos la devolución de 30 € en su cuenta.\n\nUn saludo,\nPablo"),
    ("nl", "Heb jij de vervaldatum al gecontroleerd Bas? weet het niet zeker\n\nGeachte mevrouw Doe,\n\nWij hebben uw "
           "betalingsregeling aangepast. U ontvangt binnenkort een bevestiging.\n\nMet vriendelijke groet,\nIris"),
])
def test_a_question_to_a_colleague_above_the_letters_greeting_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # the customer by name, or a question to them, above the greeting
    ("en", "Jane - did you get our text?\n\nDear Ms Doe,\n\nWe have waived the late fee.\n\nKind regards,\nOwen"),
    ("de", "Haben Sie Fragen zu Ihrer Rechnung?\n\nSehr geehrte Frau Doe,\n\nanbei Ihre korrigierte Rechnung.\n\n"
           "Mit freundlichen Grüßen\nIhr Team"),
    # an informal letter asks informally all through
    ("de", "Hast du schon unsere App?\n\nHallo Jane,\n\ndeine Bestellung ist unterwegs. Hast du Fragen?\n\nLiebe Grüße\n"
           "Timo"),
    # a heading or a subject line
    ("en", "Re: Can I change my tariff?\n\nDear Ms Doe,\n\nYes, we have moved you to the new tariff.\n\nKind regards,\n"
           "Owen"),
])
def test_a_question_for_the_customer_above_the_greeting_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# Round ba: a row of the ticket system's fields pasted into the reply.
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, your refund is on its way.\n[Queue: Billing · Tags: refund_dispute, vip · Priority: High]\nAnything "
           "else?"),
    ("de", "Hallo Frau Doe, Ihr Paket ist unterwegs.\n\nGrüße\nTom\n\nFall 88123 | Zugewiesen: m_huber | Status: offen"),
    ("fr", "Bonjour Madame Doe, votre colis arrive demain.\n\nCordialement\n\n[Etiquettes: litige, client_difficile · "
           "Priorité: haute]"),
    ("it", "Gentile Sig.ra Doe, il rimborso è stato disposto.\n\nSaluti\n\n>> Stato cambiato in: Escalation L2 da "
           "gbianchi | Nota: insiste"),
])
def test_a_row_of_the_ticket_systems_fields_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # an order's status row for the customer, a product's features
    ("en", "Hi Jane,\n\nOrder 4471 · Status: Shipped · Carrier: DPD · Labels: fragile, heavy\n\nThanks, Ana"),
    ("es", "Hola Jane:\n\nPedido 4471 | Estado cambiado a: Enviado por correo | Fecha: 3/5\n\nUn saludo, Ana"),
    ("en", "Hi Jane,\n\nYour engineer · Assigned to: our technician Mark · Visit: Tuesday\n\nThanks, Ana"),
])
def test_a_status_row_for_the_customer_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# Round ba: the writer's doubt about the reply's own tone or wording, in brackets or jotted after a sentence.
@pytest.mark.parametrize("lang,text", [
    ("en", "Dear Ms Doe,\n\nWe cannot refund the deposit. (reads a bit harsh? maybe soften – J.)\n\nRegards,\nTom"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Antrag wurde abgelehnt. [Ton vielleicht zu hart, bitte drüberschauen]\n\n"
           "Grüße\nTom"),
    ("es", "Estimada Sra. Doe:\n\nNo podemos aceptar la devolución. (¿suena demasiado seco? – R.)\n\nUn saludo"),
    ("pt", "Cara Sra. Doe,\n\nNão podemos aceitar a devolução. [tom talvez muito seco, rever]\n\nCumprimentos"),
    ("it", "Gentile Sig.ra Doe,\n\nnon possiamo rimborsare la caparra. da riformulare, forse troppo secco\n\nCordiali saluti"),
    ("fr", "Madame,\n\nNous ne pouvons pas rembourser l'acompte. à revoir ? on ne parle pas des frais\n\nCordialement"),
])
def test_a_doubt_about_the_replys_own_tone_is_a_drafting_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # a thing described, or the customer's own words about tone
    ("fr", "Madame,\n\nLe matelas Oslo (un peu dur, idéal pour le dos) est de nouveau en stock.\n\nCordialement"),
    ("en", "Dear Ms Doe,\n\nSorry if my last email sounded too harsh: you are right, we will refund the deposit.\n\n"
           "Regards,\nTom"),
    ("it", "Gentile Sig.ra Doe,\n\nil vino (un po' secco, come ha chiesto) parte domani.\n\nCordiali saluti"),
    ("fr", "Madame,\n\nPourriez-vous reformuler votre question ? Nous ne sommes pas sûrs de l'avoir comprise.\n\n"
           "Cordialement"),
])
def test_a_harsh_thing_described_or_a_request_to_the_customer_to_rephrase_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# Round ba: below or after the sign-off, the customer's contacts counted and something more only staff say.
@pytest.mark.parametrize("lang,channel,text", [
    ("en", "email", "Dear Ms Doe,\n\nYour refund of £20 is on its way.\n\nBest wishes,\nAaron\nSupport\n\n3rd 'missing "
                    "parcel' claim this year - paid anyway but flag the account"),
    ("de", "sms", "Praxis Sommer: Ihr Termin ist am Mi um 9 Uhr. Viele Grüße, Team Sommer – ruft schon 3x an, "
                  "Termin nicht mehr verschieben"),
    ("fr", "sms", "Bonjour Mme Doe, votre commande est prête en magasin. Bonne journée, Julie — attention, 4e appel "
                  "aujourd'hui, elle s'énerve vite"),
    ("es", "sms", "Hola Jane, tu pedido sale mañana. Un saludo, Irene — ojo que ya van 3 llamadas, si vuelve a "
                  "escribir pásamela"),
    ("it", "sms", "Gentile Sig.ra Doe, la camera è pronta dalle 14. Reception Hotel Sole – cliente difficile, già "
                  "chiamato 3 volte, trattare con cura"),
    ("nl", "sms", "Beste mevrouw Doe, uw bestelling ligt klaar. Groet, Team Bloem — belt al 3x vandaag, let op"),
])
def test_the_customers_contacts_counted_after_the_sign_off_with_an_order_is_a_note(lang, channel, text):
    assert check(text, _ctx(lang, channel))


@pytest.mark.parametrize("lang,channel,text", [
    # a count said to the customer, or the company's own figures in a footer
    ("en", "sms", "Hi Jane, your parcel is at the depot. Thanks, Amy – you've called 3 times, sorry for the wait"),
    ("en", "email", "Dear Ms Doe,\n\nYour refund is on its way.\n\nBest wishes,\nAaron\n\nWe answer 9 emails in 10 "
                    "within a day - check our help centre"),
    ("es", "sms", "Hola Jane, tu pedido sale mañana. Un saludo, Irene — te hemos llamado 2 veces, llámanos"),
    ("it", "sms", "Gentile Sig.ra Doe, la camera è pronta. Reception – per la terza volta grazie di averci scelto"),
])
def test_a_count_said_to_the_customer_or_in_a_footer_is_no_note(lang, channel, text):
    assert not check(text, _ctx(lang, channel))


# Round ba: when to use the template, or to whom only to send it, left in the reply.
@pytest.mark.parametrize("lang,text", [
    ("de", "Guten Tag Frau Doe,\n\n[Vorlage nur verwenden, wenn Vertrag gekündigt – sonst Absatz 3 nehmen]\nIhr "
           "Vertrag endet am 31.03.\n\nFreundliche Grüße"),
    ("en", "Dear Ms Doe,\n\n[template only for orders over £50 - otherwise use the short one]\nYour order is on its "
           "way.\n\nRegards"),
    ("fr", "Madame,\n\n(modèle uniquement si commande de plus de 30 jours)\nVotre retour est accepté.\n\nCordialement"),
    ("es", "Recordatorio de Clínica Sol: su cita es el lunes a las 10:00. [enviar solo a pacientes con cita "
           "confirmada]"),
    ("it", "Promemoria Ottica Sole: i suoi occhiali sono pronti. (inviare solo ai clienti con ordine saldato)"),
    ("nl", "Herinnering: uw afspraak is maandag om 10:00. [alleen versturen naar klanten met een bevestigde afspraak]"),
])
def test_when_to_use_a_template_or_whom_only_to_send_it_is_a_drafting_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # said to the customer: a form they fill in, whom they send it to
    ("en", "Dear Ms Doe,\n\nPlease send the form only to our claims address, not to the branch.\n\nRegards"),
    ("de", "Sehr geehrte Frau Doe,\n\ndie Vorlage können Sie nur verwenden, wenn Sie Mitglied sind.\n\nGrüße"),
    ("es", "Estimada Sra. Doe:\n\nLa plantilla adjunta solo sirve si usted es autónoma.\n\nUn saludo"),
])
def test_a_template_or_whom_to_send_to_told_the_customer_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# Round ba: a colleague named and asked after a dash inside an aside, or at a chat line's head with an emphatic "tu"
# in a reply that greets the customer by their own name.
@pytest.mark.parametrize("lang,channel,text", [
    ("en", "email", "Dear Ms Doe,\n\nYour room is changed (not sure about the rate – Ben, can you check before this "
                    "goes?).\n\nRegards,\nAnna"),
    ("nl", "email", "Dear Ms Doe,\n\nYour room is changed (Engels goed? – Koen, kun jij het nog vertalen?).\n\n"
                    "Regards,\nAnna"),
    ("it", "chat", "Buongiorno Jane, grazie dell'attesa!\nL'ordine risulta pronto.\nLuca mi dici tu se il corriere è "
                   "passato? non vedo il ritiro\nAppena parte le arriva una mail."),
    ("es", "chat", "Hola Jane, gracias por su paciencia.\nSu pedido está preparado.\nNuria me dices tú si ha pasado el "
                   "transportista? no lo veo\nEn cuanto salga le llega un correo."),
])
def test_a_colleague_asked_after_a_dash_in_an_aside_or_with_an_emphatic_tu_is_a_note(lang, channel, text):
    assert check(text, _ctx(lang, channel))


@pytest.mark.parametrize("lang,channel,text", [
    # the customer asked by their own name, a colleague introduced, "tú" in a reply that says "tú" throughout
    ("it", "chat", "Buongiorno Jane, grazie dell'attesa!\nJane mi dici tu se preferisci il ritiro in negozio?"),
    ("en", "email", "Dear Ms Doe,\n\nI've copied in my colleague Ben (cc'd – Ben, can you send Ms Doe the form?).\n\n"
                    "Regards,\nAnna"),
    ("es", "chat", "Hola Jane, gracias por esperar.\nLuego me dices tú si prefieres recogerlo en tienda, te lo "
                   "guardamos."),
])
def test_the_customer_asked_or_a_colleague_introduced_is_no_note(lang, channel, text):
    assert not check(text, _ctx(lang, channel))


# Round ba: in an aside, the customer counted in the third person ("3e fois qu'il …"); mid-reply, an order with an
# emphatic "tu" and a colleague's name, in a reply that never says "tu" to the customer.
@pytest.mark.parametrize("lang,text", [
    ("fr", "Bonjour Madame Doe,\n\nNous avons bien reçu votre demande (4e fois qu'elle change la date, on attend le "
           "courrier signé).\n\nCordialement,\nNadia"),
    ("en", "Dear Ms Doe,\n\nWe have cancelled the order (third time she's changed her mind this month).\n\nRegards"),
    ("nl", "Geachte mevrouw Doe,\n\nWij hebben de opzegging ontvangen (3e keer dat zij de datum wijzigt, eerst "
           "handtekening afwachten).\n\nMet vriendelijke groet"),
    ("pt", "Olá Sra. Jane Doe,\n\nO reembolso segue nos próximos dias.\n\nfalta a parte da fatura, vê tu Rita que eu "
           "não tenho acesso\n\nCumprimentos,\nHugo"),
    ("it", "Gentile Sig.ra Jane Doe,\n\nil rimborso è stato disposto.\n\nmanca la ricevuta, guarda tu Marco che io non "
           "la trovo\n\nCordiali saluti"),
])
def test_a_counted_customer_in_an_aside_or_an_emphatic_tu_to_a_colleague_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # someone else counted, the customer counted to them
    ("fr", "Bonjour Madame Doe,\n\nLe technicien est repassé (3e fois qu'il vient chez vous, désolés).\n\nCordialement"),
    ("en", "Dear Ms Doe,\n\nOur engineer called again (third time he's tried the door).\n\nRegards"),
    # "tu" said to the customer all through, a product after Spanish "tu"
    ("pt", "Olá Jane,\n\nse preferires, escolhe tu Lisboa ou Porto para a entrega e diz-nos.\n\nAbraço, Hugo"),
    ("es", "Hola Jane,\n\nya puedes activar tu Tarjeta Oro desde la app.\n\nUn saludo"),
    ("fr", "Bonjour Madame Doe,\n\nVotre dossier est transmis à la Caisse d'allocations familiales du Bas-Rhin.\n\n"
           "Cordialement"),
])
def test_someone_else_counted_or_tu_said_to_the_customer_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


def test_a_bracketed_note_mid_line_ends_at_its_bracket_so_the_promise_after_it_stands():
    from probes.checks import CheckContext, run_checks

    text = ("Dear Ms Okafor,\n\nThe contractor cancelled at short notice. (tone this down? reads a bit like we're "
            "blaming the contractor - R) I have now booked Pennine Heating, who will attend on Wednesday 4 March "
            "between 8am and 12pm.\n\nYours sincerely,\nRachel")
    ctx = CheckContext(persona={"name": "Chioma Okafor", "language": "en"}, channel="email")
    (line,) = [ln for ln in text.split("\n") if "tone this down" in ln]
    spans = staff_spans(text, ctx)
    assert [line[a:b] for a, b in next(iter(spans.values()))] == [
        "(tone this down? reads a bit like we're blaming the contractor - R)"]
    assert "internal_note" in {f.check for f in run_checks(text, ctx)}
    import datetime as dt

    from probes.business_time import BusinessCalendar
    from probes.checks import promises

    monday = dt.datetime(2026, 3, 2, 10, 0, tzinfo=dt.timezone.utc)
    work = BusinessCalendar("UTC", {d: "09:00-17:00" for d in ("mon", "tue", "wed", "thu", "fri")})
    assert [p.text for p in promises.find(text, "en", monday, work, ctx)] == ["between 8am and 12pm"]


def test_a_label_in_brackets_heads_the_note_after_it_which_stays_in_its_span():
    text = "Dear Jane,\n\nThanks. [NOTE TO SELF] check the refund\n\nTom"
    (line,) = [ln for ln in text.split("\n") if "NOTE" in ln]
    assert [line[a:b] for a, b in staff_spans(text, JANE)[2]] == ["[NOTE TO SELF] check the refund"]


# A reply in two languages: the customer's own (one we have no profile for, or one of ours) beside English. Its
# paragraph in their language speaks to them, and the customer service named in it ("atención ao cliente",
# "servizio al cliente") is no customer spoken of.
@pytest.mark.parametrize("lang,own", [
    ("gl", "Bos días, grazas pola súa mensaxe. O seu pedido foi enviado hoxe e chegará mañá. Se ten algunha dúbida, "
           "póñase en contacto co noso equipo de atención ao cliente."),
    ("ca", "Bon dia, gràcies pel vostre missatge. La comanda s'ha enviat avui. Si teniu cap dubte, parleu amb el "
           "servei d'atenció al client."),
    ("es", "Buenos días, gracias por su mensaje. Su pedido salió hoy y llegará mañana. Para cualquier duda, contacte "
           "con nuestro servicio de atención al cliente."),
    ("pt", "Bom dia, obrigado pela sua mensagem. A sua encomenda foi enviada hoje. Qualquer dúvida, fale com o nosso "
           "apoio ao cliente."),
    ("it", "Buongiorno, grazie per il messaggio. Il suo ordine è partito oggi. Per qualsiasi dubbio contatti il "
           "nostro servizio al cliente."),
])
def test_a_paragraph_in_the_customers_own_language_above_an_english_one_is_no_note(lang, own):
    text = own + "\n\nHello, thank you for your message. Your order was sent today and will arrive tomorrow. If " \
                 "you have any questions, please contact our customer care team.\n\nKind regards,\nAna"
    assert check(text, _ctx(lang)) == []


def test_a_remark_about_the_customer_in_a_third_language_is_still_a_note():
    text = ("Hello Jane,\n\nYour order was sent today and will arrive tomorrow.\n\n"
            "o cliente já ligou 4 vezes hoje, não dar mais desconto\n\nKind regards,\nAna")
    assert check(text, _ctx("en"))


# Round bg: a row of the CRM's or an agent-assist tool's rating of the customer (sentiment, churn or fraud risk, flags,
# next best action), its fields set apart by "|"; not an order's status row, nor a loyalty status the customer sees.
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane,\n\nSorry the boiler failed again.\n[Sentiment: ANGRY 0.87 | Churn risk: MEDIUM | Next best action: "
           "waive callout fee]\nAn engineer is booked.\n\nTom"),
    ("de", "Kundenwert: A | Betrugsrisiko: niedrig | Flag: Vielbesteller\nSehr geehrte Frau Doe,\n\nIhre Bestellung ist "
           "unterwegs.\n\nGrüße"),
    ("fr", "Bonjour Madame Doe,\n\nVotre colis est parti.\n\nScore de risque : 78/100 | Drapeau : litiges répétés\n\n"
           "Cordialement"),
    ("es", "Hola Jane:\n\nTu pedido ya ha salido.\n\nSentimiento: negativo | Riesgo de baja: alto\n\nUn saludo"),
    ("nl", "Risicoscore 40/100 | Vlag: 3x retour zonder bon\nBeste mevrouw Doe,\n\nUw pakket is onderweg.\n\nGroet"),
    ("it", "Gentile Sig.ra Doe,\n\nil pacco è partito.\n\nRischio di abbandono: alto | Prossima azione: offrire sconto\n\n"
           "Saluti"),
    ("pt", "Olá Jane,\n\na encomenda já saiu.\n\nPontuação de risco: 61 | Sinalização: chargeback 2024\n\nAbraço"),
])
def test_a_row_of_crm_ratings_of_the_customer_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane,\n\nOrder: 4471 | Status: shipped | Priority: express\n\nTom"),
    ("en", "Hi Jane,\n\nCustomer status: Gold | Points: 1200 | Next reward at 1500\n\nTom"),
    ("de", "Hallo Frau Doe,\n\nTicket 2026-117 | Priorität: hoch | Status: in Bearbeitung\n\nGrüße"),
    ("es", "Hola Jane:\n\nTu riesgo es bajo: tu seguro cubre el robo | tu franquicia es de 50 €\n\nUn saludo"),
])
def test_an_order_row_or_the_customers_own_status_is_no_crm_note(lang, text):
    assert not check(text, _ctx(lang))


# Round bg: a reviewer's comment on the draft in brackets, headed by their initials and a colon, that asks, judges the
# wording, edits it or gives the reviewer's own view; not capitals a customer is told ("(DHL: …)", "[EN: …]").
@pytest.mark.parametrize("lang,text", [
    ("de", "Sehr geehrte Frau Doe,\n\nwir bedauern den Ausfall sehr. [TR: etwas zu förmlich, letzten Satz streichen]\n\n"
           "Grüße"),
    ("en", "Dear Ms Doe,\n\nWe can refund the full fare (AB: too generous? I'd offer half).\n\nRegards"),
    ("fr", "Madame,\n\nNous vous offrons un avoir de 20 € (CM : on ne devrait pas plutôt proposer 10 € ?).\n\n"
           "Cordialement"),
    ("es", "Estimada Sra. Doe:\n\nLe ofrecemos el envío gratis (PG: yo le daría también un 5 %, ¿lo vemos?).\n\nUn saludo"),
    ("it", "Gentile Sig.ra Doe,\n\nci scusiamo molto, davvero moltissimo. [FB: troppo servile, togliere una scusa]\n\n"
           "Saluti"),
    ("nl", "Beste mevrouw Doe,\n\nWij bieden u een tegoedbon aan. (JV: ik zou het bedrag niet noemen)\n\nGroet"),
    ("pt", "Cara Sra. Doe,\n\nPedimos imensa desculpa. [MS: demasiado formal? eu tiraria a segunda frase]\n\n"
           "Cumprimentos"),
])
def test_a_reviewers_comment_headed_by_initials_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Dear Ms Doe,\n\nYour parcel is with the courier (DHL: tracking number 123456).\n\nRegards"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Paket (DHL: Sendungsnummer 1234, Zustellung zu Hause?) kommt morgen.\n\nGrüße"),
    ("it", "Gentile Sig.ra Doe,\n\nle istruzioni (EN: see the English version below, is it too long?) sono allegate.\n\n"
           "Saluti"),
    ("es", "Estimada Sra. Doe:\n\nPuede pagar por transferencia (IBAN: ES12 3456 7890, ¿le parece bien?).\n\nUn saludo"),
])
def test_capitals_told_to_the_customer_are_no_initialled_comment(lang, text):
    assert not check(text, _ctx(lang))


# Round bg: an HTML comment among the words the customer reads was written for whoever edits the template; not in a
# reply that shows HTML on purpose, nor a template's section marker.
@pytest.mark.parametrize("lang,text", [
    ("de", "Ihre Zählerstandsmeldung ist eingegangen. <!-- Text noch nicht freigegeben, bitte nicht live schalten -->"),
    ("en", "Hi Jane, your order has shipped. <!-- swap in the spring banner after 1 March -->"),
    ("fr", "Bonjour, votre commande est partie.\n<!-- penser à changer la signature avant lundi -->\nCordialement"),
])
def test_an_html_comment_in_the_reply_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("text", [
    "Hi Jane, paste this into your page: <div class=\"widget\"><!-- your widget goes here --></div>",
    "Hi Jane, your order has shipped. <!-- BEGIN footer block -->",
    "Hi Jane, your order has shipped. <!-- x -->",
])
def test_html_shown_on_purpose_or_a_section_marker_is_no_note(text):
    assert not check(text, JANE)


# Round bg: staff's words for letting a text go out, held back ("NICHT rausschicken bevor …", "don't put it live").
@pytest.mark.parametrize("lang,text", [
    ("de", "Hallo Frau Doe, Ihre Abholung ist eingeplant. (Fahrer offen – nicht rausschicken bevor Plan steht!)"),
    ("en", "Hi Jane, the new prices apply from May (don't put it live until Sam checks)."),
    ("fr", "Bonjour, le nouveau tarif s'applique en mai (ne pas mettre en ligne avant validation)."),
    ("nl", "Beste Jane, de nieuwe prijzen gelden vanaf mei (niet live zetten voordat Sanne akkoord geeft)."),
    ("pt", "Olá Jane, os novos preços valem a partir de maio (não disparar ainda, falta o ok do Rui)."),
])
def test_holding_back_the_text_in_staff_words_is_a_note(lang, text):
    assert check(text, _ctx(lang))


# Round bg: a colleague named in brackets with a colon, told in the informal imperative ("(Ale: controlla che …)"), or
# what must be done to the company's own replies or with staff evidence ("(Nacho: hay que quitar el banner de las
# respuestas …)"); a bare colleague's name and "ricordati"/"kun jij" in an aside; a line that turns to a colleague with
# a question in the Spanish, Italian or Portuguese "we" ("Marta, ¿le mandamos el del 15 %?"); "ver com a Joana se …".
@pytest.mark.parametrize("lang,text", [
    ("it", "Gentile Sig.ra Doe,\n\npuò restituire il prodotto entro 30 giorni.\n\n(Fede: controlla che il modulo sia "
           "quello nuovo)\n\nSaluti"),
    ("es", "Estimada Jane:\n\nSentimos el retraso.\n\n(Nacho: hay que cambiar la firma de las respuestas, ya van tres "
           "quejas)\n\nUn saludo"),
    ("fr", "Madame,\n\nVotre remboursement est parti.\n\n(Karim : vérifie que le RIB est le bon)\n\nCordialement"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhre Rücksendung ist angekommen.\n\n(Jens: prüf bitte, ob der Zählerstand passt)\n\n"
           "Grüße"),
    ("pt", "Olá Jane,\n\no reembolso foi feito.\n\n(Rui: confere se o IBAN está certo)\n\nAbraço"),
    ("it", "Ciao Jane, il tuo ordine è pronto. [Marco ricordati di metterlo in frigo]"),
    ("nl", "Hoi Jane, je pakket ligt klaar. (Sanne kun jij de bezorger even bellen?)"),
    # in a reply that greets the customer by name, an aside asking another name, whatever the reply's "you"
    ("it", "Ciao Jane, il reso è arrivato il 12/03.\n(Marco puoi controllare tu se il rimborso è già partito? io da "
           "qui non vedo SAP)\nTi aggiorno appena ho la conferma."),
    ("it", "Buongiorno Jane, il bonifico è in lavorazione. (Marco riesci a sbloccarlo dal gestionale?)\nNel frattempo "
           "non deve fare nulla."),
    ("es", "Hola Jane:\n\nYa hemos tramitado la devolución.\n\nMarta, ¿le mandamos el cupón del 15 % o el del 10? "
           "Dime algo.\n\nUn abrazo"),
    ("it", "Ciao Jane,\n\nil reso è arrivato.\n\nFede, gli facciamo lo sconto o no?\n\nCiao"),
    ("pt", "Olá Jane,\n\no pedido foi cancelado (ver com a Rita se o estorno já saiu, o sistema está lento).\n\nAbraço"),
])
def test_a_colleague_named_and_told_or_asked_what_we_do_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Jane, abrimos a las 9 (Madrid: hay que reservar con antelación)."),
    ("es", "Hola Jane:\n\nYa hemos tramitado la devolución.\n\n¿Quedamos el martes a las 10? Dime algo.\n\nUn abrazo"),
    ("it", "Ciao Jane,\n\nil reso è arrivato. Jane, ci sentiamo domani? Fammi sapere.\n\nCiao"),
    ("pt", "Olá Jane,\n\npode ver com a Rita, da nossa loja do Porto, se o modelo ainda existe.\n\nAbraço"),
    ("it", "Ciao Jane, il tuo ordine è pronto. (Jane ricordati di portare la ricevuta)"),
    ("it", "Ciao Jane, il tecnico è il mio collega Marco. (Marco puoi portarle il modulo?)"),
])
def test_a_place_the_customer_or_a_colleague_introduced_is_no_colleague_told(lang, text):
    assert not check(text, _ctx(lang))


# Round bg: a groan typed into the reply between sentences to the customer, in lower case and often running on into the
# next sentence with no full stop; two kinds of evidence, one the groan itself or the customer as "this one".
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, your new card is on its way. ugh 4th time this month with this one. Any issues just reply here."),
    ("it", "Salve Jane, il modem va riavviato tenendo premuto il tasto. uffa questa qui non legge mai le istruzioni, "
           "glielo dico per la quarta volta Poi attenda due minuti."),
    ("nl", "Goedemiddag mevrouw Doe, de monteur komt morgen. zucht, weer deze mevrouw, ze belt elke dag Ik heb de afspraak "
           "voor u bevestigd."),
    ("es", "Hola Jane, el técnico pasa esta tarde. el pesado del 2A otra vez, ojo que luego se queja al presidente Te "
           "confirmo la hora por aquí."),
    ("fr", "Bonjour Jane, votre colis est perdu. pff encore un colis perdu au dépôt, c'est le 3e cette semaine Je vous "
           "propose un renvoi gratuit."),
    ("de", "Hallo Frau Doe, der Techniker kommt morgen. mannomann dieser typ schon wieder, ruft jeden Tag an Ich habe "
           "Ihnen den Termin bestätigt."),
    ("pt", "Olá Jane, o técnico passa amanhã. aff essa senhora de novo, liga todos os dias Confirmo o horário por aqui."),
])
def test_a_groan_typed_between_sentences_to_the_customer_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, your card is on its way. again, sorry this is the 3rd time this month, that's on us."),
    ("en", "Ugh, again the phone line was down this week, sorry about that. Your card is on its way."),
    ("es", "Hola Jane, el técnico pasa esta tarde. uf otra vez te ha tocado esperar, lo siento mucho."),
    ("fr", "Bonjour Jane, votre colis est perdu. pff encore un souci avec votre commande, désolée, je vous propose un "
           "renvoi."),
    ("it", "ciao jane, il pacco è partito. uffa di nuovo la pioggia per la consegna, ma arriva domani."),
])
def test_a_sigh_shared_with_the_customer_is_no_groan(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# Round bg: a chat tool's lower-case @mention mid-reply asking a colleague in the informal, in a reply formal to the
# customer; not a handle to follow or the shop's own account.
@pytest.mark.parametrize("lang,text", [
    ("de", "Guten Tag Frau Doe, laut DHL wurde Ihr Paket zugestellt. @lukas kannst du prüfen ob das stimmt? Bitte fragen "
           "Sie bei Ihren Nachbarn nach."),
    ("fr", "Bonjour Madame Doe, votre colis est noté livré. @karim tu peux vérifier avec le dépôt ? Pouvez-vous "
           "demander à vos voisins ?"),
    ("es", "Estimada Sra. Doe, su pedido figura como entregado. @marta.r puedes mirar si el repartidor dejó foto? "
           "Le ruego que consulte con sus vecinos."),
])
def test_a_lower_case_mention_asking_a_colleague_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Bonjour Jane, suis-nous sur Instagram (@maisonlerouge.paris) : tu peux y voir les dates ?"),
    ("es", "Hola Jane, te escribo desde @tiendaluna: ¿puedes mandarnos una foto del ticket?"),
    ("de", "Hallo Jane, schreib uns gern an @kiezkauf_hilfe, kannst du uns die Bestellnummer schicken?"),
])
def test_a_handle_the_customer_is_given_is_no_mention_of_a_colleague(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# Round bg: in an aside, what to check before the reply goes, in a note's infinitive with nothing after the sending, or
# an order to hand the case to an internal function (risk, fraud, compliance); never what the customer is to check.
@pytest.mark.parametrize("lang,text", [
    ("es", "Taller Sur: Hola Jane, tu cita es el lunes a las 9:00. (Luis dice q igual no hay hueco, confirmar antes de "
           "mandar!!) Si no puedes venir, responde a este SMS."),
    ("en", "Hi Jane, your visit is booked for Friday (slot not in the system yet - check before sending)."),
    ("de", "Hallo Frau Doe, Ihr Termin ist am Montag. (Raum noch offen, vor dem Versand nochmal prüfen)"),
    ("fr", "Bonjour Jane, votre rendez-vous est lundi (créneau pas encore validé, vérifier avant d'envoyer)."),
    ("it", "Ciao Jane, l'appuntamento è lunedì (slot non ancora in agenda, verificare prima di inviare)."),
    ("nl", "Hoi Jane, je afspraak is maandag (tijdslot nog niet zeker, checken voor verzending)."),
    ("pt", "Olá Jane, a consulta é segunda (horário ainda não confirmado, conferir antes de enviar)."),
    ("en", "I'm so sorry for your loss. I've frozen the card. (card used after the date of death?? - flag to Risk "
           "before we confirm anything) Take all the time you need."),
    ("de", "Herzliches Beileid. Die Karte ist gesperrt. (Umsatz nach dem Sterbedatum – an Betrugsprävention melden)"),
    ("es", "Lo siento mucho. He bloqueado la tarjeta. (cargo después del fallecimiento, avisar a riesgos antes de nada)"),
])
def test_a_check_before_sending_or_a_case_to_flag_in_an_aside_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="sms"))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, please pack the item well and check the address before sending the parcel (a wrong label costs "
           "you the fee)."),
    ("es", "Hola Jane, rellena el formulario (revisa los datos antes de enviar el formulario)."),
    ("en", "Hi Jane, I've frozen the card (we flag any payment after a bereavement to our fraud team)."),
    ("fr", "Bonjour Jane, remplissez le formulaire (pensez à vérifier vos coordonnées avant d'envoyer)."),
])
def test_what_the_customer_checks_before_sending_is_no_note(lang, text):
    assert not check(text, _ctx(lang, channel="sms"))


# Round bg: the customer put on a watch list ("ficar de olho nesta cliente"); a warning not to mix up two customers or
# replies; a draft's version and its reviewer on a line above the greeting.
@pytest.mark.parametrize("lang,text", [
    ("pt", "Loja X: Olá Jane, o reembolso foi aprovado. (4.º reembolso este ano – ficar de olho nesta cliente)"),
    ("en", "Hi Jane, your refund is approved. (keep an eye on this one, 3rd refund in a month)"),
    ("de", "Hallo Frau Doe, die Gutschrift ist gebucht. (schon die dritte – diese Kundin im Auge behalten)"),
    ("fr", "Bonjour Madame Doe, le remboursement est validé. (3e fois ce mois-ci, garder un œil sur cette cliente)"),
    ("it", "Gentile Sig.ra Doe, il rimborso è approvato. (terzo rimborso, tenere d'occhio questa cliente)"),
    ("nl", "Beste mevrouw Doe, de terugbetaling is goedgekeurd. (derde keer al, deze klant goed in de gaten houden)"),
    ("es", "Hola Jane, el reembolso está aprobado. (tercero este mes, vigilar a esta clienta)"),
    ("de", "Liebe Frau Doe,\n\nIhre Pause ist eingetragen.\n\nAchtung – heute zwei Mails an zwei Damen Doe, nicht "
           "verwechseln!!\n\nGrüße\nTim"),
    ("es", "Hola Jane,\n\ntu pedido ha salido.\n\nojo, dos clientas con el mismo apellido hoy, no confundir.\n\nUn saludo"),
    ("en", "Hi Jane,\n\nYour order has shipped.\n\ncareful, two customers called Doe today - don't mix them up!\n\nTom"),
    ("pt", 'resposta p/ a "Dona Reclamação" – v2, o Nuno já reviu\nCara Sra. Jane Doe,\n\nAgradecemos o seu contacto.\n\n'
           "Cumprimentos"),
    ("de", "Antwort Widerruf v3 – von Jens gegengelesen\nSehr geehrte Frau Doe,\n\nIhr Widerruf ist eingegangen.\n\n"
           "Grüße"),
    ("en", "reply v2, reviewed by Tom\nDear Jane,\n\nThank you for your email.\n\nRegards"),
])
def test_a_watch_list_a_mix_up_warning_or_a_drafts_version_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, we will keep an eye on your account for you."),
    ("de", "Liebe Frau Doe,\n\nAchtung: Die Kundennummer bitte nicht verwechseln.\n\nGrüße"),
    ("en", "Hi Jane,\n\nYou have two accounts with us, so please do not mix them up.\n\nThanks"),
    ("en", "Contract v2 – reviewed by our legal team\nDear Jane,\n\nPlease find the contract attached.\n\nRegards"),
    ("en", "Dear Jane,\n\nThe app v3 was approved by Apple yesterday.\n\nRegards"),
])
def test_an_eye_kept_for_the_customer_or_a_version_told_to_them_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# Round be: a laugh with the customer, called by their own name, with a laughing face, is manner (tone judges it); a
# laugh at them ("encore elle", "this one", "otra vez la misma") stays a joke about the customer.
@pytest.mark.parametrize("lang,text", [
    ("es", "Jajaja vaya lío con el recibo 😂 tranqui Jane, estas cosas pasan!! Ya te lo devolvemos."),
    ("pt", "Kkkkk relaxa, Jane, acontece 😅 Vi aqui que cobramos duas vezes, já pedi o estorno."),
    ("fr", "Mdr Jane, la photo du colis 😂 on vous renvoie un carton tout neuf."),
])
def test_a_laugh_with_the_customer_by_name_is_no_joke_note(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Bonjour Jane, mdr encore elle 😂 votre colis part demain."),
    ("en", "Hi Jane, lol another refund request from this one 😂"),
    ("es", "Hola Jane, jajaja otra vez la misma 🙄😂 ya está el reembolso."),
    ("en", "Hi Jane, lol she wants a refund for a mug she dropped 😂"),
])
def test_a_laugh_at_the_customer_stays_a_joke_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("text, lang", [
    ("Hola Jane, el técnico va ahora mismo.\n(seguro que esta vez tampoco abre la puerta jajaja 😅)", "es"),
    ("Hi Jane, the refund is done. (bet she rings again this time lol)", "en"),
    ("Hallo Jane, erledigt. (der Kunde ruft diesmal bestimmt wieder an haha)", "de"),
    ("Hoi Jane, geregeld. (die klant belt vast weer hahaha)", "nl"),
    ("Buongiorno Jane, il modulo è allegato (ma questo idiota non legge mai niente??).", "it"),
    ("Bonjour Jane, c'est corrigé (cet idiot ne lit jamais ses mails).", "fr"),
    ("Olá Jane, está feito (esse cliente é um otário).", "pt"),
])
def test_a_laugh_or_a_curse_at_someone_in_an_aside_is_a_staff_remark(text, lang):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("text, lang", [
    ("Hi Jane, sorry for the wait (bloody printers!), it is sent now.", "en"),
    ("Hola Jane, ya está (jaja, a todos nos pasa).", "es"),
    ("Hallo Jane, das Paket ist da (haha, endlich!).", "de"),
    ("Ciao Jane, fatto (ahah, ti capisco benissimo).", "it"),
])
def test_a_laugh_alone_or_a_curse_at_a_thing_in_an_aside_is_not(text, lang):
    assert check(text, _ctx(lang, channel="chat")) == []


# Round bl/bm. An informal order to tell the customer (in the third person) something, or an informal "can you" about
# the customer's things, in a reply that calls the customer formally: a line to a colleague (a colleague's quoted
# message too). Not the formal "Sagen Sie ihm …", not a reply informal throughout.
@pytest.mark.parametrize("lang,text", [
    ("pt", "Bom dia Sra. Doe, estou a analisar o seu pedido.\nconsegues ver a morada dela no CRM? eu não consigo entrar\n"
           "Obrigado pela paciência, já lhe digo algo."),
    ("es", "Buenos días, Sra. Doe, estoy revisando su pedido.\n¿puedes mirar la factura de ella en el sistema? a mí no "
           "me carga\nLe escribo en cuanto lo tenga."),
    ("de", "Guten Tag Frau Doe,\n\nich habe beim Lager nachgefragt:\n\n„Hier Paul – gib ihr Bescheid, dass der Techniker "
           "Montag kommt, mehr nicht.“\n\nDer Techniker kommt also am Montag zu Ihnen."),
    ("it", "Gentile Sig.ra Doe,\nLa ringraziamo per la prenotazione.\ndille che il tavolo è pronto solo alle 21, io stacco\n"
           "Cordiali saluti"),
    ("fr", "Bonjour Madame Doe,\nNous avons bien reçu votre demande.\ndis-lui que le remboursement part demain, je n'ai "
           "pas le temps\nBien cordialement"),
    ("nl", "Beste mevrouw Doe,\nWij hebben uw bericht ontvangen.\nbel haar morgen even terug, ik ben er niet\n"
           "Met vriendelijke groet"),
])
def test_an_informal_line_about_the_customer_in_a_formal_reply_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("de", "Guten Tag Frau Doe,\nsagen Sie ihm bitte, dass das Paket angekommen ist.\nMit freundlichen Grüßen"),
    ("es", "Hola Jane, ¿puedes mirar si la factura de ella llegó a tu correo? Te la reenvío si no."),
    ("pt", "Boa tarde Sra. Doe, pode consultar o contrato dela (da sua filha) no portal.\nCom os melhores cumprimentos"),
    ("it", "Gentile Sig.ra Doe, La chiamiamo domani; se preferisce, dica a suo marito di richiamarci."),
])
def test_a_formal_order_or_an_informal_reply_is_no_register_switch(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# A yes or a no that opens the answer is no colleague's name, and French "du" is no emphatic "tu": "Oui, elle existe
# …" (the table) is said to the customer.
@pytest.mark.parametrize("lang,text", [
    ("fr", "Bonjour Jane,\n\nMerci pour votre message !\n\nOui, elle existe en chêne du Jura et en noyer, comptez deux "
           "semaines de fabrication puis 3 jours de livraison.\n\nBien à vous,\nLéa"),
    ("fr", "Bonjour Jane,\n\nNon, il n'est plus fabriqué dans l'usine du Nord, comptez plutôt sur le modèle en hêtre, "
           "livré en une semaine.\n\nCordialement"),
])
def test_a_yes_or_no_opening_an_answer_is_no_colleague_spoken_to(lang, text):
    assert not check(text, _ctx(lang))


# A colleague named in an aside and told what to check: the writer's own clause after it ("io non ci sarò", "we're
# short that day") asks nothing for "us"; Italian "ci" before "to be" is "there".
@pytest.mark.parametrize("lang,text", [
    ("it", "Gentile Sig.ra Doe,\n\nLe confermiamo il preventivo di 900 € per il trasloco.\n\n(Marta, verifica se la sala "
           "piccola è libera giovedì, io non ci sarò)\n\nCordiali saluti"),
    ("en", "Dear Jane,\n\nYour quote for the move is £900.\n\n(Tom, check whether the big van is free on the 20th, we're "
           "short that day)\n\nKind regards"),
])
def test_a_colleague_told_what_to_check_before_the_writers_own_clause_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("it", "Gentile Sig.ra Doe,\n\n(Jane, controlla che ci siano tutti i pezzi prima di firmare)\n\nCordiali saluti"),
    ("nl", "Beste Jane,\n\n(Opgelet: stuur ons een foto van de schade)\n\nGroet"),
])
def test_the_customer_told_in_an_aside_or_asked_for_us_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# A warning for the colleague above a chat's greeting, which runs on into the answer: three kinds of staff evidence
# (a heads-up, the customer as "this one", a count, an order) and nobody spoken to. Not a notice to the customer.
@pytest.mark.parametrize("lang,text", [
    ("es", "ojo, esta ya ha protestado dos veces por el mismo cargo, no le prometas nada\n\nHola Jane, te escribo por lo "
           "de la devolución: ya está tramitada."),
    ("it", "occhio, questo si è già lamentato tre volte per la stessa cosa, non promettergli date\n\nCiao Jane, ti scrivo "
           "per il rimborso: è già partito."),
    ("de", "Vorsicht, der hat sich schon zweimal über dasselbe beschwert, keinen Termin versprechen\n\nHallo Jane, danke "
           "für die Geduld, der Techniker kommt morgen."),
])
def test_a_warning_above_a_chats_greeting_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("es", "Aviso: este producto ya se ha agotado tres veces este año, no lo dejes escapar\n\nHola Jane, te escribo por "
           "lo de la devolución: ya está tramitada."),
    ("de", "Wichtig: Ab 1. Mai gelten neue Öffnungszeiten, dreimal pro Woche bis 20 Uhr.\n\nHallo Jane, danke für die "
           "Geduld, der Techniker kommt morgen."),
])
def test_a_notice_above_a_chats_greeting_is_no_note(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# A whole chat message between staff, sent into the customer's window: no greeting, no name, the customer by their
# table or room, the same one as yesterday, handed over, the writer's weariness. Not a message to the customer that
# hands them something ("te lo passo io il codice") or asks whether a problem is the same as yesterday.
@pytest.mark.parametrize("lang,text", [
    ("it", "quella del tavolo 5 è la stessa di ieri, te la giro io che oggi non ce la faccio più 🙄"),
    ("fr", "celle de la chambre 8 c'est la même qu'hier, je te la passe, j'en peux plus 🙄"),
    ("es", "la de la habitación 14 es la misma de ayer, te la paso que ya no puedo más 🙄"),
])
def test_a_staff_chat_message_about_the_customer_by_their_room_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("it", "quello della 12 è arrivato ieri, te lo passo io il codice appena ce l'ho 😊"),
    ("it", "Il problema è lo stesso di ieri? Se sì te lo passo io al tecnico, non ce la faccio più neanche io a vederti "
           "così 😂"),
    ("es", "la de la habitación 14 ya está lista, te la paso en cuanto llegues 😊"),
])
def test_a_chat_message_handing_the_customer_something_is_no_note(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# Rounds bn/bo. An informal "can you" about where or with whom the customer is, said with a pronoun after a preposition
# ("bei der", "chez elle", "bij haar"), in a reply that calls the customer formally: a line to a colleague. Not a
# formal request to the customer, nor a reply informal throughout.
@pytest.mark.parametrize("lang,text", [
    ("de", "Guten Tag Frau Doe,\nIhre Kündigung ist bei uns eingegangen.\nkannst du mal gucken, ob die Rückzahlung bei "
           "der schon raus ist? steht noch auf offen\nMit freundlichen Grüßen"),
    ("fr", "Bonjour Madame Doe,\nNous avons bien reçu votre demande d'intervention.\ntu peux regarder si le technicien "
           "est déjà passé chez elle ? le planning dit rien\nBien cordialement"),
    ("nl", "Geachte mevrouw Doe,\nUw melding is ontvangen.\nkun je kijken of de monteur bij haar al geweest is?\n"
           "Met vriendelijke groet"),
])
def test_an_informal_ask_about_where_the_customer_is_in_a_formal_reply_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("de", "Guten Tag Frau Doe,\nkönnen Sie bei der Bank nachfragen, ob die Rücklastschrift bei der schon gebucht "
           "ist?\nMit freundlichen Grüßen"),
    ("fr", "Salut Jane, tu peux regarder si le colis est arrivé chez elle (ta fille) ? sinon dis-moi, je t'en renvoie "
           "un.\nÀ bientôt"),
    ("de", "Guten Tag Frau Doe,\nbei dem alten Anbieter ist die Kündigung schon durch, Sie müssen nichts mehr tun.\n"
           "Mit freundlichen Grüßen"),
])
def test_a_formal_request_or_an_informal_reply_is_no_such_note(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# A colleague named in an aside by title and surname, with a colon, and told or asked something ("(Herr Brandt: bitte
# … anrufen)", "(Mme Roux : rappeler …)"). Not a contact the letter names for the customer, their opening hours, or
# a line that speaks to the customer.
@pytest.mark.parametrize("lang,text", [
    ("de", "Sehr geehrte Frau Doe,\n\nanbei die Jahresabrechnung für Ihren Stellplatz. (Herr Brandt: bitte den Hausmeister "
           "wegen der Garage anrufen)\n\nMit freundlichen Grüßen\nImmobilien Nord"),
    ("fr", "Madame Doe,\n\nVeuillez trouver ci-joint votre avenant. (Mme Roux : rappeler le syndic pour la "
           "fuite)\n\nCordialement"),
    ("es", "Estimada Sra. Doe:\n\nLe adjuntamos el contrato firmado. (Sr. Gómez: revisar la cláusula 4 antes de "
           "archivar)\n\nAtentamente"),
    ("en", "Dear Ms Doe,\n\nPlease find your renewal attached. (Mr Patel: can you add the no-claims letter?)\n\n"
           "Kind regards"),
])
def test_a_colleague_named_by_title_and_told_something_in_an_aside_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("de", "Sehr geehrte Frau Doe,\n\nIhre Ansprechpartnerin vor Ort (Frau Krüger: Mo–Fr 9–12 Uhr) hilft gern weiter.\n\n"
           "Mit freundlichen Grüßen"),
    ("de", "Sehr geehrte Frau Doe,\n\nbitte wenden Sie sich an Frau Krüger. (Frau Krüger: bitte vorher telefonisch "
           "anmelden)\n\nMit freundlichen Grüßen"),
    ("en", "Dear Ms Doe,\n\nYour adviser is new. (Mr Patel: you can reach him on 0161 555 0100)\n\nKind regards"),
    ("en", "Dear Ms Doe,\n\nYour adviser is new. (Mr Patel: can you bring your passport?)\n\nKind regards"),
    ("fr", "Madame Doe,\n\nVotre conseillère (Mme Roux : joignable au 01 23 45 67 89) vous rappellera.\n\nCordialement"),
])
def test_a_titled_contact_or_a_line_to_the_customer_in_an_aside_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


# A reminder to self in an aside about the company's own supplies, with two of: its stock run out, a supplier to
# fetch from, chat shorthand. A reminder to the customer is left alone.
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, Thursday 2pm works for the radiator swap. (dont forget the 15mm valves, shop stock out - grab from "
           "Screwfix Wed)\nCheers, Dan"),
    ("de", "Hallo Frau Doe, Montag 8 Uhr passt für die Wartung. (nicht vergessen: Dichtungen, Lager leer, bei Hornbach "
           "holen)\nGruß Jens"),
    ("es", "Hola Jane, el jueves a las 9 perfecto para la caldera. (no olvidar juntas de 22, sin stock en la furgo, "
           "pedir en Salvador Escoda)\nUn saludo"),
])
def test_a_reminder_to_self_about_our_own_supplies_in_an_aside_is_a_note(lang, text):
    assert check(text, _ctx(lang, channel="sms"))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, your parcel is at the depot. (don't forget - collect it from Depot 3 before Friday)"),
    ("en", "Hi Jane, the blue sofa is back next week. (don't forget: it was out of stock, so order from Acme if "
           "you're in a hurry)"),
    ("en", "Hi Jane, see you at 9. (remember to bring the old part, we ran out of the 22mm ones)"),
    ("en", "Hi Jane, see you Monday (dont forget ur ID, the shop ran out of forms)"),
    ("de", "Hallo Frau Doe, (nicht vergessen: Zählerstand ablesen und bei Bedarf Ersatzteile abholen)"),
])
def test_a_reminder_to_the_customer_in_an_aside_is_no_note(lang, text):
    assert not check(text, _ctx(lang, channel="sms"))


# The customer called a pest as the one from an earlier contact ("el pesado del otro día", "a chata de ontem", "der
# Nervige von letzter Woche", "the shouty one from yesterday"): a remark among staff. Not a weighing, an error message,
# or "o chato é que …".
@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Jane, ya miro tu reclamación.\nMarta este es el pesado del otro día, ¿le ofrecemos algo?\n"
           "Jane, te ofrecemos un cupón de 10 €."),
    ("pt", "Olá Jane, vou verificar.\nequipa, é a chata de ontem outra vez\nJá está resolvido."),
    ("de", "Hallo Frau Doe, ich schaue nach.\nder Nervige von letzter Woche ist wieder da\n"
           "Ihr Paket ist unterwegs."),
    ("en", "Hi Jane, checking now.\nit's the shouty one from yesterday again\n"
           "Your refund is on its way."),
    ("fr", "Bonjour Jane, je regarde.\nc'est la chiante de la semaine dernière, je te la passe\nVotre colis arrive "
           "demain."),
])
def test_the_customer_called_a_pest_from_an_earlier_contact_is_a_remark(lang, text):
    assert check(text, _ctx(lang, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Jane, según la pesada de ayer en el almacén, tu paquete pesa 12 kg."),
    ("en", "Hi Jane, the error message (the annoying one from last week) is fixed now."),
    ("pt", "Olá Jane, o chato é que a peça só chega segunda, desculpe."),
])
def test_a_thing_from_an_earlier_day_is_no_remark(lang, text):
    assert not check(text, _ctx(lang, channel="chat"))


# In a forwarded message between staff, the customer pointed at as a member or subscriber ("este socio", "questa
# socia", "ce membre") is staff talk. A member's number or benefits said to the customer are not.
@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Jane:\n\nTe reenvío lo que nos dice administración.\n\nUn saludo,\nIrene\n\n---------- Mensaje "
           "reenviado ----------\nDe: Pablo (Administración) <pablo@club.es>\nPara: Socios <socios@club.es>\n\nDevuelto. "
           "Ojo con este socio, cada trimestre pide lo mismo."),
    ("it", "Gentile Jane,\n\nLe inoltro la risposta dell'amministrazione.\n\nCordiali saluti\nMarco\n\n---------- "
           "Messaggio inoltrato ----------\nDa: Luca Bassi <luca@palestra.it>\nA: Soci <soci@palestra.it>\n\nFatto il "
           "rimborso. Occhio che questa socia contesta ogni quota."),
])
def test_a_member_pointed_at_in_a_colleagues_forwarded_message_is_staff_talk(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Jane, como socia del club tienes un 10 % de descuento; el número de socia está en tu tarjeta."),
    ("en", "Hi Jane, this member benefit is available to you from Monday."),
    ("de", "Sehr geehrte Frau Doe, als Mitglied erhalten Sie 10 % Rabatt. Dieses Mitgliedskonto ist ab heute aktiv."),
])
def test_a_members_things_said_to_them_are_no_note(lang, text):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("text, lang, name", [
    # the letter's own lower-case opening after "Hallo Herr …," venting about the courier to the customer: profanity's
    ("Hallo Herr Brandt,\n\nehrlich gesagt, der Mist-Paketdienst hat es schon wieder vermasselt: das Paket liegt beim "
     "Nachbarn. Ich schicke Ihnen heute ein neues.\n\nViele Grüße\nAnja", "de", "Ralf Brandt"),
    # a merge tag with a literal fallback explained to the customer is template syntax, no drafting note
    ("Hallo Frau Weber,\n\nfür Kontakte ohne Vornamen gibt es den Fallback {{vorname|\"liebe Kundin, lieber Kunde\"}}.\n\n"
     "Viele Grüße\nTim", "de", "Sabine Weber"),
    ("Hi Jane,\n\nFor contacts without a first name, use the fallback {{first_name|\"there\"}} in the subject.\n\n"
     "Best,\nTom", "en", "Jane Doe"),
])
def test_a_letters_lower_case_opening_and_a_merge_tags_fallback_are_no_notes(text, lang, name):
    assert check(text, CheckContext(persona={"name": name, "language": lang}, channel="email")) == []


def test_venting_jotted_below_the_letter_is_still_a_note():
    text = ("Hallo Herr Brandt,\n\nIhr Paket ist unterwegs.\n\nffs dieser router schon wieder, der 3. diese woche\n\n"
            "Viele Grüße\nAnja")
    assert check(text, CheckContext(persona={"name": "Ralf Brandt", "language": "de"}, channel="email")) != []


# A to-do jotted into the reply in a note's infinitive, with no subject: something to check with one of the company's
# departments, a colleague or the stock, what is still open after it ("of …", "ob …", "si …") or a word marking it as
# still to do ("nog even", "noch kurz", "still need to"). Beside each, the same check said to the customer or by "we".
@pytest.mark.parametrize("lang, note, clean", [
    ("nl", "Beste Jane,\n\nUw bestelling is vandaag verzonden. Nog even nakijken bij de boekhouding of de korting is "
           "verwerkt.\n\nMet vriendelijke groet,\nPieter",
     "Beste Jane,\n\nUw bestelling is vandaag verzonden. Nog even geduld, we checken het bij het magazijn.\n\n"
     "Met vriendelijke groet,\nPieter"),
    ("de", "Hallo Frau Doe,\n\nder Mantel ist wieder lieferbar. Noch kurz mit dem Lager abklären, ob Größe 40 wirklich "
           "da ist!\n\nViele Grüße\nJonas",
     "Hallo Frau Doe,\n\nder Mantel ist wieder lieferbar. Bitte prüfen Sie, ob Größe 40 in Ihrem Warenkorb liegt.\n\n"
     "Viele Grüße\nJonas"),
    ("fr", "Bonjour Madame Doe,\n\nvotre avoir a été émis hier. À vérifier avec la compta si le virement est bien "
           "parti.\n\nCordialement,\nLéa",
     "Bonjour Madame Doe,\n\nvotre avoir a été émis hier. Vérifiez auprès de votre banque si le virement est bien "
     "arrivé.\n\nCordialement,\nLéa"),
    ("es", "Hola Jane:\n\nlas botas vuelven a estar disponibles, puedes pedirlas en la web. Comprobar con almacén si "
           "queda el 38.\n\nUn saludo,\nPablo",
     "Hola Jane:\n\nlas botas vuelven a estar disponibles. Vamos a comprobar con almacén si queda el 38.\n\n"
     "Un saludo,\nPablo"),
    ("it", "Gentile Jane,\n\nil divano sarà consegnato giovedì. Verificare col magazzino se il piedino sostitutivo è "
           "arrivato.\n\nCordiali saluti,\nGiulia",
     "Gentile Jane,\n\nil divano sarà consegnato giovedì. Può verificare con la sua banca se il bonifico è arrivato?"
     "\n\nCordiali saluti,\nGiulia"),
    ("pt", "Olá Jane,\n\na sua encomenda segue amanhã. Confirmar com o armazém se o modelo azul ainda existe.\n\n"
           "Cumprimentos,\nRita",
     "Olá Jane,\n\na sua encomenda segue amanhã. Vou confirmar com o armazém se o modelo azul ainda existe.\n\n"
     "Cumprimentos,\nRita"),
    ("en", "Hi Jane,\n\nThe replacement lid ships on Friday, still need to confirm with billing whether the discount "
           "went through.\n\nBest,\nSam",
     "Hi Jane,\n\nThe replacement lid ships on Friday. Please check with your bank whether the refund has arrived."
     "\n\nBest,\nSam"),
    ("en", "Hi Jane,\n\nThe replacement lid ships on Friday. Still need to check with the warehouse if it's the 24cm "
           "one.\n\nBest,\nSam",
     "Hi Jane,\n\nThe replacement lid ships on Friday. I still need to check with the warehouse whether it's the 24cm "
     "one and will let you know.\n\nBest,\nSam"),
    # a colleague by name, the stock itself
    ("es", "Hola Jane:\n\ntu reserva está confirmada. Preguntar a Lucía si la mesa de la terraza sigue libre.\n\n"
           "Saludos,\nPablo",
     "Hola Jane:\n\ntu reserva está confirmada. Para cambios, preguntar a Lucía en recepción si hay mesa.\n\n"
     "Saludos,\nPablo"),
    ("de", "Hallo Frau Doe,\n\ndie Lampe ist wieder da. Lagerbestand noch prüfen, ob das Modell in Weiß dabei ist.\n\n"
           "Viele Grüße\nJonas",
     "Hallo Frau Doe,\n\ndie Lampe ist wieder da. Ich kläre noch kurz mit dem Lager ab, ob das Modell in Weiß dabei "
     "ist.\n\nViele Grüße\nJonas"),
    ("nl", "Beste Jane,\n\nDe jas is weer op voorraad, nog even voorraad checken of de L er echt is.\n\nGroet,\nPieter",
     "Beste Jane,\n\nSleutel kwijt? Even navragen bij de receptie of er een reserve is.\n\nGroet,\nPieter"),
])
def test_a_todo_jotted_in_the_infinitive_is_a_note_and_the_same_check_said_to_the_customer_is_not(lang, note, clean):
    found = check(note, _ctx(lang))
    assert [f.title for f in found] == ["Drafting note left in the reply"]
    assert check(clean, _ctx(lang)) == []


# A drafting order in a banner closed on both sides run into a line, or in single braces ("You can follow the parcel
# here: >>>paste DPD link once warehouse sends it<<<"); beside each, a banner or bracket written for the customer.
@pytest.mark.parametrize("lang, note, clean", [
    ("en", "Hi Jane,\n\nYour parcel left today, you can follow it here: >>>paste tracking link once courier confirms<<<"
           "\n\nThanks,\nSam",
     "Hi Jane,\n\nTo reorder: >>> Important: paste your order number in the form <<< and press Send.\n\nThanks,\nSam"),
    ("en", "Hi Jane,\n\nYour refund of >>> insert the refund amount once finance confirms <<< is on its way.\n\n"
           "Thanks,\nSam",
     "Hi Jane,\n\nTo use your voucher: >>> add the discount code at checkout <<< before paying.\n\nThanks,\nSam"),
    ("de", "Hallo Frau Doe,\n\nIhre Sendungsnummer lautet ### Sendungsnummer einfügen, sobald DHL sie schickt ###.\n\n"
           "Viele Grüße\nJonas",
     "Hallo Frau Doe,\n\nSo lösen Sie ihn ein: >>> Gutscheincode beim Bezahlen einfügen <<< und fertig.\n\n"
     "Viele Grüße\nJonas"),
    ("fr", "Bonjour Madame Doe,\n\nVous pouvez suivre le colis ici : >>> coller le lien de suivi <<<\n\n"
           "Cordialement,\nLéa",
     "Bonjour Madame Doe,\n\nPour en profiter : >>> coller le code promo au moment du paiement <<<\n\n"
     "Cordialement,\nLéa"),
    ("es", "Hola Jane:\n\nTu número de seguimiento es >>> insertar número de seguimiento <<<.\n\nUn saludo,\nPablo",
     "Hola Jane:\n\nPara el descuento: >>> insertar el código en el carrito <<< antes de pagar.\n\nUn saludo,\nPablo"),
    ("it", "Gentile Jane,\n\nil corriere passerà il >>> inserire data consegna <<<.\n\nCordiali saluti,\nGiulia",
     "Gentile Jane,\n\nper lo sconto: >>> inserire il codice al momento del pagamento <<<.\n\nCordiali saluti,\nGiulia"),
    ("nl", "Beste Jane,\n\nVolg je pakket hier: >>> trackinglink plakken zodra DPD hem stuurt <<<\n\nGroet,\nPieter",
     "Beste Jane,\n\nVolg je pakket hier (plak deze link in je browser): https://track.example/123\n\nGroet,\nPieter"),
    ("pt", "Olá Jane,\n\npode seguir a encomenda aqui: >>> colar link de rastreio <<<\n\nCumprimentos,\nRita",
     "Olá Jane,\n\npara o desconto: >>> colar o código no carrinho <<< e pronto.\n\nCumprimentos,\nRita"),
    ("en", "Hi Jane,\n\nYour tracking number is {insert tracking number} and it ships today.\n\nThanks,\nSam",
     "Hi Jane,\n\nCopy and paste the code below into the app: ABC-123.\n\nThanks,\nSam"),
])
def test_a_drafting_order_in_a_banner_run_into_a_line_is_a_note_and_one_for_the_customer_is_not(lang, note, clean):
    found = check(note, _ctx(lang))
    assert [f.title for f in found] == ["Drafting note left in the reply"]
    assert check(clean, _ctx(lang)) == []


# An ordinary word of the reply's language opening a sentence with a capital is nobody's name: an adverb ("Allí
# puedes probarte …", "Dort kannst du …"), a reminder's label ("Recuerda: añadir el código …"), "Need to check …?".
# Beside each, a colleague's name in the same place is still one.
@pytest.mark.parametrize("lang, name, clean, note", [
    ("es", "Gloria Santos",
     "Hola Gloria:\n\nGracias por tu interés. Nuestra tienda de Valencia está en la Calle de Colón 42, justo enfrente "
     "del metro. Allí puedes probarte todos los modelos de la nueva colección.\n\n¡Te esperamos!\n\nEquipo Brisa",
     "Hola Gloria:\n\nGracias por tu interés. Nuestra tienda de Valencia está en la Calle de Colón 42.\n\nMarta puedes "
     "mirar si queda el 38 en almacén antes de que venga?\n\n¡Te esperamos!\n\nEquipo Brisa"),
    ("es", "Gloria Santos",
     "Hola Gloria:\n\nGracias por tu mensaje.\n\nAhí, puedes aparcar gratis dos horas en el parking de enfrente de la "
     "tienda.\n\n¡Te esperamos!\n\nEquipo Brisa",
     "Hola Gloria:\n\nTu pedido ya está en tienda.\n\nMarta, ¿puedes apartarle el 38 hasta el sábado?\n\n"
     "¡Te esperamos!\n\nEquipo Brisa"),
    ("de", "Anna Weber",
     "Hallo Anna,\n\ndanke für deine Nachricht. Unser Laden ist in der Lindenstraße 4. Dort kannst du alle Modelle der "
     "neuen Kollektion anprobieren.\n\nViele Grüße\nDein Schuhhaus-Team",
     "Hallo Anna,\n\ndanke für deine Nachricht. Unser Laden ist in der Lindenstraße 4.\n\nJens kannst du schauen, ob "
     "die 38 noch im Lager ist?\n\nViele Grüße\nDein Schuhhaus-Team"),
    ("de", "Anna Weber",
     "Hallo Anna,\n\ndanke für deine Nachricht. Die Schuhe liegen an der Kasse für dich bereit. (Dort kannst du auch "
     "zwei Stunden kostenlos parken.)\n\nViele Grüße\nDein Schuhhaus-Team",
     "Hallo Anna,\n\ndanke für deine Nachricht. Die Schuhe liegen für dich bereit (Jens kannst du die 38 noch "
     "zurücklegen?).\n\nViele Grüße\nDein Schuhhaus-Team"),
    ("fr", "Claire Martin",
     "Bonjour Claire,\n\nMerci pour ton message. Notre boutique est au 12 rue Centrale. Là tu peux essayer tous les "
     "modèles de la nouvelle collection.\n\nÀ bientôt,\nL'équipe Lila",
     "Bonjour Claire,\n\nMerci pour ton message. Notre boutique est au 12 rue Centrale.\n\nKarim tu peux vérifier s'il "
     "reste du 38 en réserve ?\n\nÀ bientôt,\nL'équipe Lila"),
    ("it", "Giulia Ferri",
     "Ciao Giulia,\n\ngrazie per il tuo messaggio. Il negozio è in via Roma 8. Lì puoi provare tutti i modelli della "
     "nuova collezione.\n\nA presto,\nIl team Sole",
     "Ciao Giulia,\n\ngrazie per il tuo messaggio. Il negozio è in via Roma 8.\n\nLuca puoi controllare se c'è ancora "
     "il 38 in magazzino?\n\nA presto,\nIl team Sole"),
    ("nl", "Sanne de Vries",
     "Hoi Sanne,\n\nBedankt voor je bericht. Onze winkel zit aan de Markt 3. Daar kun jij alle modellen van de nieuwe "
     "collectie passen.\n\nGroetjes,\nTeam Schoen",
     "Hoi Sanne,\n\nBedankt voor je bericht. Onze winkel zit aan de Markt 3.\n\nDaan kun jij even kijken of maat 38 "
     "nog in het magazijn ligt?\n\nGroetjes,\nTeam Schoen"),
    ("pt", "Rita Neves",
     "Olá Rita,\n\nObrigado pela tua mensagem. A loja fica na Rua Direita 5. Ali podes experimentar todos os modelos "
     "da nova coleção.\n\nAté já,\nEquipa Sol",
     "Olá Rita,\n\nObrigado pela tua mensagem. A loja fica na Rua Direita 5.\n\nNuno podes ver se ainda há o 38 no "
     "armazém?\n\nAté já,\nEquipa Sol"),
    ("en", "Jane Doe",
     "Hi Jane,\n\nYour invoice for March is attached. Need to check with accounts whether the VAT number on it is "
     "right? Email accounts@brightdesk.co.uk and they'll reissue it the same day.\n\nBest wishes,\nBrightDesk",
     "Hi Jane,\n\nYour invoice for March is attached. Maria to check with accounts whether the VAT number is right."
     "\n\nBest wishes,\nBrightDesk"),
    ("es", "Carmen Ruiz",
     "Hola Carmen:\n\n¡Gracias por apuntarte! Aquí tienes tu código de bienvenida: BIENVENIDA10.\n\n>>> Recuerda: "
     "añadir el código promocional <<<\n\nUn saludo,\nEquipo Lumen",
     "Hola Carmen:\n\n¡Gracias por apuntarte! Aquí tienes tu código de bienvenida: BIENVENIDA10.\n\n>>> Marta: no "
     "darle el 20 %, ya lo usó la clienta en marzo <<<\n\nUn saludo,\nEquipo Lumen"),
])
def test_an_ordinary_word_opening_a_sentence_is_no_colleagues_name(lang, name, clean, note):
    assert check(clean, _ctx(lang, name=name)) == []
    assert check(note, _ctx(lang, name=name))


# A banner that says where or when the customer does something is theirs, whatever else the line looks like ("***
# Add the promo code at checkout ***", "Recuerda: añadir el código en la cesta"); a drafting order in one is a note.
@pytest.mark.parametrize("lang, clean, note", [
    ("en", "Hi Jane,\n\nHere's your welcome code: WELCOME10, for 10% off your first order.\n\n*** Add the promo code "
           "at checkout ***\n\nBest wishes,\nThe Lumen team",
     "Hi Jane,\n\nHere's your welcome code: WELCOME10, for 10% off your first order.\n\n*** add tracking link once "
     "warehouse confirms ***\n\nBest wishes,\nThe Lumen team"),
    ("es", "Hola Jane:\n\nAquí tienes tu código de bienvenida: BIENVENIDA10.\n\n>>> Recuerda: añadir el código en la "
           "cesta <<<\n\nUn saludo,\nEquipo Lumen",
     "Hola Jane:\n\nAquí tienes tu código de bienvenida: BIENVENIDA10.\n\n>>> NO ENVIAR hasta que Javi confirme el "
     "descuento <<<\n\nUn saludo,\nEquipo Lumen"),
    ("es", "Hola Jane:\n\nAquí tienes tu código: BIENVENIDA10.\n\n>>> Importante: añadir el código BIENVENIDA10 al "
           "finalizar la compra <<<\n\nUn saludo,\nEquipo Lumen",
     "Hola Jane:\n\nTu número de seguimiento es >>> insertar número de seguimiento <<<.\n\nUn saludo,\nEquipo Lumen"),
])
def test_a_banner_telling_the_customer_where_to_do_something_is_no_note(lang, clean, note):
    assert check(clean, _ctx(lang)) == []
    assert check(note, _ctx(lang))


# A step of a list the reply introduces in a sentence, however many steps above it, is done by whoever does the
# others ("To reserve it: - Log in to your account - Check stock if needed - …", "Esto es lo que vamos a hacer: -
# enviar … - comprobar con almacén si …"); the same steps under a to-do label are notes.
@pytest.mark.parametrize("lang, name, clean, note", [
    ("es", "Carmen Ruiz",
     "Hola Carmen:\n\nSentimos que el sofá te haya llegado con una pata rota. Esto es lo que vamos a hacer:\n\n- enviar "
     "hoy una pata de repuesto por mensajería urgente\n- comprobar con almacén si queda otra unidad del mismo color, "
     "por si prefieres el cambio completo\n- avisarte por email en cuanto salga el envío\n\nUn saludo,\nEquipo Lumen",
     "Hola Carmen:\n\nSentimos que el sofá te haya llegado con una pata rota.\n\nPendiente:\n- enviar pata de repuesto"
     "\n- comprobar con almacén si queda otra unidad del mismo color\n\nUn saludo,\nEquipo Lumen"),
    ("en", "Jane Doe",
     "Hi Jane,\n\nTo reserve the lamp for collection at our Leeds store:\n\n- Log in to your account\n- Check stock if "
     "needed\n- Click \"Reserve in store\" and choose Leeds\n\nBest wishes,\nOakhouse Furniture",
     "Hi Jane,\n\nYour refund has been approved and will reach your card in 3-5 working days.\n\nBefore this goes out:"
     "\n- check amount w/ finance\n- add tracking link\n\nBest wishes,\nOakhouse Furniture"),
    ("it", "Giulia Ferri",
     "Gentile Sig.ra Ferri,\n\nper ottenere la fattura intestata alla sua azienda:\n\n- accedere all'area clienti\n- "
     "verificare con l'amministrazione i dati fiscali\n- compilare il modulo con partita IVA e codice SDI\n\nCordiali "
     "saluti,\nUfficio Clienti Arredo Sole",
     "Gentile Sig.ra Ferri,\n\nla fattura sarà emessa entro venerdì.\n\nDa fare:\n- verificare con l'amministrazione i "
     "dati fiscali\n- inserire il link al portale\n\nCordiali saluti,\nUfficio Clienti Arredo Sole"),
])
def test_a_step_of_a_list_the_reply_introduces_is_no_note(lang, name, clean, note):
    assert check(clean, _ctx(lang, name=name)) == []
    assert check(note, _ctx(lang, name=name))


# A colleague's message forwarded below the reply (its header names a sender and a receiver, neither the customer)
# that tells whoever answers to tell the customer something, in any person of the imperative ("Ditele che il danno
# l'ha fatto lei", "Decidle que …", "Digam-lhe que …", "Dites-lui que …", "Sagt ihr, dass …", "Zeg haar maar dat …",
# "Tell her …"), or moans and swears about them, is staff talk even when handed on on purpose.
_FORWARDED = {
    "it": ("Gentile Sig.ra Ferri,\n\nle inoltro la risposta del nostro magazzino in merito alla lavatrice.\n\n"
           "---------- Messaggio inoltrato ----------\nDa: Stefano Guidi <s.guidi@elettrocasa-logistica.it>\n"
           "A: assistenza@elettrocasa.it\nOggetto: R: lavatrice Ferri\n\n{}\n\nRestiamo a disposizione.\n\n"
           "Cordiali saluti,\nAssistenza Clienti ElettroCasa", "Giulia Ferri"),
    "es": ("Estimada Sra. Ruiz:\n\nLe reenvío la respuesta de nuestro almacén sobre la lavadora.\n\n---------- Mensaje "
           "reenviado ----------\nDe: Pablo Ortega <p.ortega@electrohogar-logistica.es>\nPara: atencion@electrohogar.es"
           "\nAsunto: RE: lavadora Ruiz\n\n{}\n\nQuedamos a su disposición.\n\nAtentamente,\nElectroHogar",
           "Carmen Ruiz"),
    "pt": ("Cara Sra. Neves,\n\nReencaminho a resposta do nosso armazém sobre a máquina de lavar.\n\n---------- "
           "Mensagem encaminhada ----------\nDe: Nuno Costa <n.costa@electrocasa-logistica.pt>\nPara: "
           "apoio@electrocasa.pt\nAssunto: RE: máquina Neves\n\n{}\n\nEstamos ao dispor.\n\nCumprimentos,\nElectroCasa",
           "Rita Neves"),
    "fr": ("Madame Martin,\n\nJe vous transmets la réponse de notre entrepôt au sujet du lave-linge.\n\n---------- "
           "Message transféré ----------\nDe : Julien Petit <j.petit@electromaison-logistique.fr>\nÀ : "
           "service-client@electromaison.fr\nObjet : RE: lave-linge Martin\n\n{}\n\nNous restons à votre disposition."
           "\n\nCordialement,\nElectroMaison", "Claire Martin"),
    "de": ("Sehr geehrte Frau Weber,\n\nanbei die Antwort unseres Lagers zur Waschmaschine.\n\n---------- "
           "Weitergeleitete Nachricht ----------\nVon: Jens Krause <j.krause@elektrohaus-logistik.de>\nAn: "
           "kundenservice@elektrohaus.de\nBetreff: AW: Waschmaschine Weber\n\n{}\n\nMit freundlichen Grüßen\n"
           "ElektroHaus", "Anna Weber"),
    "nl": ("Geachte mevrouw De Vries,\n\nHieronder het antwoord van ons magazijn over de wasmachine.\n\n---------- "
           "Doorgestuurd bericht ----------\nVan: Daan Bakker <d.bakker@elektrohuis-logistiek.nl>\nAan: "
           "klantenservice@elektrohuis.nl\nOnderwerp: RE: wasmachine De Vries\n\n{}\n\nMet vriendelijke groet,\n"
           "ElektroHuis", "Sanne de Vries"),
    "en": ("Dear Mrs Hollis,\n\nI've forwarded below our warehouse's reply about the washing machine.\n\n---------- "
           "Forwarded message ----------\nFrom: Gary Mills <g.mills@homeelec-logistics.co.uk>\nTo: "
           "support@homeelec.co.uk\nSubject: RE: washer Hollis\n\n{}\n\nKind regards,\nHomeElec Customer Care",
           "Margaret Hollis"),
}


@pytest.mark.parametrize("lang, note, clean", [
    ("it", "Questa rompe i coglioni da due settimane, la lavatrice è uscita integra dal magazzino, c'è la firma sul "
           "DDT. Ditele che il danno l'ha fatto lei.",
     "La lavatrice è uscita integra dal magazzino, c'è la firma sul DDT del corriere."),
    ("it", "La lavatrice è uscita integra dal magazzino. Ditegli che il reso non si può fare.",
     "La lavatrice è uscita integra dal magazzino, il reso si può fare entro 14 giorni."),
    ("it", "Questa rompe i coglioni da due settimane, la lavatrice è uscita integra dal magazzino.",
     "Il corriere ha fatto una cazzata con lo scarico, la lavatrice era integra in partenza."),
    ("es", "La lavadora salió del almacén sin daños, hay firma en el albarán. Decídselo claro: no hay devolución.",
     "La lavadora salió del almacén sin daños, está firmado el albarán por el transportista."),
    ("pt", "A máquina saiu do armazém sem danos, está a assinatura na guia. Digam-lhe que o dano foi ela que fez.",
     "A máquina saiu do armazém sem danos, a guia está assinada pelo transportador."),
    ("fr", "Le lave-linge est sorti intact de l'entrepôt, le bon est signé. Dites-lui que c'est elle qui l'a abîmé.",
     "Le lave-linge est sorti intact de l'entrepôt, le bon de livraison est signé par le transporteur."),
    ("de", "Die Maschine hat das Lager unbeschädigt verlassen. Sagt ihr, dass sie den Schaden selbst verursacht hat.",
     "Die Maschine hat das Lager unbeschädigt verlassen, der Lieferschein ist vom Fahrer unterschrieben."),
    ("nl", "De machine is onbeschadigd vertrokken, de vrachtbrief is getekend. Zeg haar maar dat ze het zelf "
           "beschadigd heeft.",
     "De machine is onbeschadigd uit het magazijn vertrokken, de vrachtbrief is door de chauffeur getekend."),
    ("en", "The machine left the warehouse undamaged, the delivery note is signed. Tell her the damage is on her.",
     "The machine left the warehouse undamaged, the delivery note is signed by the driver."),
])
def test_a_forwarded_colleagues_order_to_tell_the_customer_something_is_a_note(lang, note, clean):
    frame, name = _FORWARDED[lang]
    assert check(frame.format(note), _ctx(lang, name=name))
    assert check(frame.format(clean), _ctx(lang, name=name)) == []


# The same order in the plural, on a line of a reply that calls the customer formally ("Ditele che …", "Decidle que
# …", "Digam-lhe que …", "Sagt ihr, dass …"), is said to colleagues; said to the customer about someone of theirs, in
# the formal singular or to several people, it is not.
@pytest.mark.parametrize("lang, name, note, clean", [
    ("it", "Giulia Ferri",
     "Gentile Sig.ra Ferri,\n\nla ringraziamo per la sua segnalazione. La lavatrice risultava integra alla partenza."
     "\n\nDitele che il danno l'ha fatto lei.\n\nCordiali saluti,\nAssistenza Clienti ElettroCasa",
     "Gentili Sig.ri Rossi,\n\nil pacco è in giacenza presso il nostro deposito fino al 20 marzo. Se vostra figlia "
     "passa a ritirarlo, ditele di portare un documento e il codice di ritiro.\n\nCordiali saluti,\nElettroCasa"),
    ("pt", "Rita Neves",
     "Cara Sra. Neves,\n\nAgradecemos o seu contacto. A máquina saiu do armazém em perfeito estado.\n\nDigam-lhe que o "
     "dano foi ela que fez.\n\nCom os melhores cumprimentos,\nApoio ao Cliente ElectroCasa",
     "Caros Sr. e Sra. Neves,\n\nA encomenda está no nosso armazém de Braga até dia 20. Se a vossa filha a for "
     "levantar, digam-lhe que leve o cartão de cidadão.\n\nCom os melhores cumprimentos,\nElectroCasa"),
    ("de", "Anna Weber",
     "Sehr geehrte Frau Weber,\n\nvielen Dank für Ihre Nachricht. Die Maschine war bei der Auslieferung unbeschädigt."
     "\n\nSagt ihr, dass sie den Schaden selbst verursacht hat.\n\nMit freundlichen Grüßen\nKundenservice ElektroHaus",
     "Sehr geehrte Frau Weber,\n\nder Techniker kommt am Donnerstag. Ihr Sohn kann ihm die Tür öffnen; sagen Sie ihm "
     "bitte, dass er den Lieferschein bereithält.\n\nMit freundlichen Grüßen\nKundenservice ElektroHaus"),
    # (the customer's own quoted message may say it to the company)
    ("it", "Giulia Ferri",
     "Gentile Sig.ra Ferri,\n\nla ringraziamo per il suo messaggio.\n\nDitegli che il reso non è possibile.\n\n"
     "Cordiali saluti,\nAssistenza Clienti ElettroCasa",
     "Gentile Sig.ra Ferri,\n\nla ringraziamo per il suo messaggio: il tecnico passerà giovedì tra le 14 e le 18.\n\n"
     "Cordiali saluti,\nAssistenza Clienti ElettroCasa\n\nIl giorno 3 marzo 2026 Giulia Ferri <giulia.ferri@gmail.com> "
     "ha scritto:\n> Buongiorno, il tecnico può venire giovedì? Ditegli che sono a casa solo dopo le 14.\n> Grazie, "
     "Giulia Ferri"),
])
def test_an_order_in_the_plural_to_tell_the_customer_something_in_a_formal_reply_is_a_note(lang, name, note, clean):
    assert check(note, _ctx(lang, name=name))
    assert check(clean, _ctx(lang, name=name)) == []


# Round bu: a chat line said by a staff role the customer never talks to (supervisor, team lead, back office …), that
# speaks to the agent, is a whisper leaked into the transcript; the same role joining the chat to greet the customer,
# or saying "you" to them, is not.
@pytest.mark.parametrize("lang, name, note, clean", [
    ("en", "Alan Reed",
     "Agent (Kim): Let me check what I can offer, Mr Reed.\nTeam Lead (Ravi): fine by me, refund the postage only, "
     "nothing else\nAgent (Kim): I've refunded the postage for you.",
     "Agent (Kim): Let me check what I can offer, Mr Reed.\nTeam Lead (Ravi): Hello Mr Reed, I'm Ravi, I've approved "
     "a refund of your postage.\nAgent (Kim): Is there anything else?"),
    ("de", "Petra Lang",
     "Kundenservice (Ole): Einen Moment bitte, Frau Lang.\nSchichtleitung: höchstens 5 € Rabatt, der hat schon "
     "zweimal was bekommen\nKundenservice (Ole): Ich kann Ihnen 5 € Rabatt anbieten.",
     "Kundenservice (Ole): Einen Moment bitte, Frau Lang.\nSchichtleitung: Guten Tag Frau Lang, ich habe die "
     "Gutschrift für Sie freigegeben.\nKundenservice (Ole): Gibt es noch etwas?"),
    ("es", "Rosa Gil",
     "Agente (Iker): Deme un momento, Sra. Gil.\n[Coordinadora] vale, reembolso sí pero cupón no\n"
     "Agente (Iker): Le hemos aprobado el reembolso.",
     "Agente (Iker): Deme un momento, Sra. Gil.\n[Coordinadora] Buenas tardes, Sra. Gil, le confirmo que su "
     "reembolso está aprobado.\nAgente (Iker): ¿Algo más?"),
    ("it", "Marco Riva",
     "Operatore (Ugo): Un attimo, Sig. Riva.\nResponsabile: ok lo sconto del 10%, niente di più, chiudi pure\n"
     "Operatore (Ugo): Le ho applicato uno sconto del 10%.",
     "Operatore (Ugo): Un attimo, Sig. Riva.\nResponsabile: Buongiorno Sig. Riva, le confermo che lo sconto del 10% "
     "è approvato.\nOperatore (Ugo): Altro?"),
])
def test_a_staff_roles_whisper_in_a_chat_transcript_is_a_note(lang, name, note, clean):
    ctx = CheckContext(persona={"name": name, "language": lang}, channel="chat")
    assert check(note, ctx)
    assert check(clean, ctx) == []


# A macro's instruction to the agent heading a line ("AGENT INSTRUCTIONS -", "ISTRUZIONI OPERATORE:") is left in;
# instructions for the customer's use are not.
@pytest.mark.parametrize("lang, note, clean", [
    ("en", "Hi Jane,\n\nOPERATOR INSTRUCTIONS: keep only the paragraph that fits and remove the rest.\n\nYour plan "
           "renews on 3 May.\n\nBest,\nSupport",
     "Hi Jane,\n\nInstructions for use: charge the device fully before first use.\n\nBest,\nSupport"),
    ("fr", "Bonjour Madame Doe,\n\nConsignes conseiller : choisir l'un des deux paragraphes ci-dessous.\n\nVotre "
           "contrat est renouvelé.\n\nCordialement,\nService client",
     "Bonjour Madame Doe,\n\nConsignes de sécurité : débranchez l'appareil avant de le nettoyer.\n\nCordialement,\n"
     "Service client"),
    ("es", "Estimada Sra. Doe:\n\nInstrucciones para el agente: solo para clientes con tarifa Plus.\n\nSu pedido ya ha "
           "salido.\n\nAtentamente,\nAtención al cliente",
     "Estimada Sra. Doe:\n\nInstrucciones de montaje: siga los pasos del manual adjunto.\n\nAtentamente,\n"
     "Atención al cliente"),
])
def test_a_macros_instruction_to_the_agent_is_a_note(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Drafting notes of round bu: an infinitive of putting something in, in square brackets, with what to put; a German
# verb-last to-do with "abgleichen"; a reminder's label with a to-do on the company's records; an aside that opens
# with what is still pending and gives an order; a colleague agreeing to what the aside orders; a colleague named
# first and asked in chat shorthand about the customer. Each beside a look-alike written to the customer.
@pytest.mark.parametrize("lang, channel, note, clean", [
    ("es", "email", "Estimada Sra. Doe:\n\nSu código de recogida: [poner aquí el que nos mande el taller]\n\n"
                    "Atentamente,\nTienda",
     "Estimada Sra. Doe:\n\nSu código de recogida es 4471. Puede usarlo en [Mis pedidos].\n\nAtentamente,\nTienda"),
    ("pt", "email", "Cara Sra. Doe,\n\nA reparação fica pronta em [colocar o prazo depois de falar com a oficina].\n\n"
                    "Cumprimentos,\nLoja",
     "Cara Sra. Doe,\n\nA reparação fica pronta em 12 de março.\n\nCumprimentos,\nLoja"),
    ("de", "email", "Hallo Frau Doe,\n\nwir erstatten Ihnen [Summe mit Kasse abgleichen].\n\nViele Grüße\nTeam",
     "Hallo Frau Doe,\n\nwir erstatten Ihnen 20 €. Bitte gleichen Sie den Betrag mit Ihrem Kontoauszug ab.\n\n"
     "Viele Grüße\nTeam"),
    ("de", "sms", "Ihr Paket ist unterwegs. NICHT VERGESSEN: Retoure noch im System erfassen! Ihr Shop-Team",
     "Ihr Termin ist am Montag. NICHT VERGESSEN: Ausweis mitbringen! Ihr Praxis-Team"),
    ("fr", "sms", "Votre lunette est prête en boutique. (rappel : vérifier le remboursement mutuelle avant remise)",
     "Votre lunette est prête en boutique. (rappel : pensez à apporter votre ordonnance)"),
    ("es", "sms", "Hola Jane, tu bici ya está en el taller. (pendiente pieza, NO avisar hasta que llegue)",
     "Hola Jane, tu bici ya está en el taller. (pendiente de revisión, te avisamos en cuanto esté)"),
    ("nl", "email", "Beste mevrouw Doe,\n\nWe sturen de lamp opnieuw. (geen verzendkosten rekenen, Eva is akkoord)\n\n"
                    "Groet,\nTeam",
     "Beste mevrouw Doe,\n\nWe sturen de lamp opnieuw. (Eva van ons magazijn pakt hem vandaag in)\n\nGroet,\nTeam"),
    ("pt", "chat", "Oi Jane, um momento!\nBia vc sabe se dá pra trocar na loja do centro? to sem resposta pra cliente\nJá volto!",
     "Oi Jane, um momento!\nJane, vc tem a nota fiscal da compra?\nJá volto!"),
])
def test_round_bu_drafting_and_reminder_notes(lang, channel, note, clean):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel=channel)
    assert check(note, ctx)
    assert check(clean, ctx) == []


# Not notes: a postscript that opens with a noun the reply writes in lower case elsewhere ("P.S. Points …"), Spanish
# and Portuguese "TODO" (all) in capitals, a relative of the other sex after a title's abbreviation ("M. Bertin" in a
# letter to "Madame Bertin").
@pytest.mark.parametrize("lang, text", [
    ("en", "Hi Jane,\n\nYour 300 points are on your account.\n\nP.S. Points don't expire until 31 December, so no "
           "rush.\n\nCheers,\nImogen"),
    ("en", "Hi Jane,\n\nYour vouchers are attached.\n\nPS Vouchers don't stack with other offers, sorry!\n\nBest,\nTom"),
    ("es", "Hola Sra. Doe, le recuerdo su cita del lunes. TODO lo que necesite traer está en el email."),
    ("pt", "Olá Sra. Doe, a sua encomenda chegou. TODO o material vem na mesma caixa."),
    ("fr", "Madame Doe,\n\nNous avons reçu l'acte de décès. Le contrat de M. Doe a été clôturé et aucun prélèvement "
           "ne sera plus effectué.\n\nAvec toute notre sympathie,\nService Succession"),
])
def test_round_bu_look_alikes_are_not_notes(lang, text):
    assert check(text, _ctx(lang)) == []


def test_a_place_joined_by_a_dash_on_a_wrapped_line_is_no_colleague_named():
    ctx = CheckContext(persona={"name": "Rachel Osei", "language": "en"}, channel="email")
    text = ("Dear Ms Osei,\n\nThank you for your patience, and I'm sorry you were charged twice for your\n"
            "Manchester–Leeds season ticket renewal.\n\nKind regards,\nOliver Grant")
    assert check(text, ctx) == []


# Round cb/cd: someone in the team asked to do something, able to or wished for ("could anyone from finance
# sanity-check …?", "alguém consegue …?", "qualcuno riesce a …?", "quelqu'un arrive à …?", "…, que alguien me cubra
# este chat"), beside the same words said to the customer ("your", "sua", "para que alguien te llame").
@pytest.mark.parametrize("lang, channel, note, clean", [
    ("en", "chat", "Thanks Jane, one sec.\ncould anyone from finance sanity-check the credit amount? not sure it's right\n"
                   "Ok, the credit is £12.",
     "Thanks Jane, one sec.\nCould someone at your office sanity-check the figures before you sign?\nOk, the credit is £12."),
    ("pt", "email", "Olá Jane,\n\nRecebemos o seu pedido de reembolso.\n\nalguém consegue confirmar se o técnico já passou lá?\n\n"
                    "Cumprimentos,\nEquipa",
     "Olá Jane,\n\nRecebemos o seu pedido de reembolso.\n\nAlguém da sua família consegue receber a encomenda amanhã?\n\n"
     "Cumprimentos,\nEquipa"),
    ("es", "chat", "Hola Jane, un momento que lo miro.\ntengo reunión, que alguien me cubra el chat 10 min\nYa está.",
     "Hola Jane, un momento que lo miro.\nLo dejo anotado para que alguien te llame mañana.\nYa está."),
    ("it", "chat", "Ciao Jane, verifico subito.\nqualcuno riesce a vedere lo stato della spedizione? io non ho accesso\n"
                   "Ecco fatto.",
     "Ciao Jane, verifico subito.\nQualcuno a casa tua riesce a ritirare il pacco lunedì?\nEcco fatto."),
    ("fr", "chat", "Bonjour Jane, je regarde.\nquelqu'un arrive à ouvrir le dossier 4471 ? chez moi ça bloque\nVoilà.",
     "Bonjour Jane, je regarde.\nQuelqu'un chez vous arrive à lire le compteur ?\nVoilà."),
])
def test_someone_in_the_team_asked_to_do_something(lang, channel, note, clean):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel=channel)
    assert check(note, ctx)
    assert check(clean, ctx) == []


# Round cb/cd: a helpdesk's private comment with its writer's whole name heading a line ("Comentario privado de Ana
# Ruiz:"), and a note of the agent in brackets with no word between ("[nota del operador: …]", "(note conseiller : …)").
@pytest.mark.parametrize("lang, note, clean", [
    ("it", "Gentile Jane,\n\nla pratica è chiusa.\n\nCommento privato di Luca Bianchi:\nha già avuto un rimborso, non "
           "concedere altro\n\nCordiali saluti,\nAssistenza",
     "Gentile Jane,\n\nla pratica è chiusa. Può lasciarci un commento privato nella Sua area clienti.\n\n"
     "Cordiali saluti,\nAssistenza"),
    ("es", "Hola Jane,\n\nTu pedido ya ha salido.\n\nComentario privado de Ana Ruiz: ya pidió dos devoluciones este mes\n\n"
           "Saludos,\nTienda",
     "Hola Jane,\n\nTu pedido ya ha salido. Si quieres, añade un comentario privado en la ficha del pedido.\n\n"
     "Saludos,\nTienda"),
    ("de", "Hallo Frau Doe,\n\nIhre Bestellung ist unterwegs.\n\nPrivater Kommentar von Jens Weber: Stammkundin, "
           "Kulanz ok\n\nViele Grüße\nTeam",
     "Hallo Frau Doe,\n\nIhre Bestellung ist unterwegs. Einen privaten Kommentar können Sie im Kundenkonto hinterlassen."
     "\n\nViele Grüße\nTeam"),
    ("es", "Hola Jane, te ayudo con el cambio. [nota del operador: no dar datos sin verificar identidad] ¿Me confirmas "
           "tu DNI?",
     "Hola Jane, te ayudo con el cambio. [Nota: el operador logístico es Seur] ¿Me confirmas tu DNI?"),
    ("it", "Ciao Jane, ho aperto la pratica. (nota dell'operatore: non proporre lo sconto) Buona giornata.",
     "Ciao Jane, ho aperto la pratica. (Nota: l'operatore del corriere è BRT) Buona giornata."),
])
def test_a_private_comment_or_an_agents_note_labels_a_note(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb: a colleague named first, no comma, asked in the informal present to hand the writer something ("Davide mi
# passi …?", "Nuria me pasas …?", "Karim tu me passes …?", "Jens schickst du mir …?", "Sanne stuur jij me …?"), beside
# the customer asked so by their own name.
@pytest.mark.parametrize("lang, note, clean", [
    ("it", "Buongiorno Jane, capisco il problema.\nMarco mi passi il modulo di reso? questa insiste\nUn attimo che controllo.",
     "Buongiorno Jane, capisco il problema.\nJane mi passi il numero d'ordine?\nUn attimo che controllo."),
    ("es", "Hola Jane, lo reviso ahora.\nNuria me pasas el parte del técnico? no lo encuentro\nUn segundo.",
     "Hola Jane, lo reviso ahora.\nJane me pasas el número de pedido?\nUn segundo."),
    ("fr", "Bonjour Jane, je regarde ça.\nKarim tu me passes le dossier de la dame ?\nUn instant.",
     "Bonjour Jane, je regarde ça.\nJane tu me passes ton numéro de commande ?\nUn instant."),
    ("de", "Hallo Frau Doe, ich prüfe das.\nJens schickst du mir die Rechnung von ihr?\nEinen Moment bitte.",
     "Hallo Frau Doe, ich prüfe das.\nSchicken Sie mir bitte die Rechnung?\nEinen Moment bitte."),
    ("nl", "Hallo mevrouw Doe, ik kijk even.\nSanne stuur jij me de factuur van mevrouw?\nMomentje.",
     "Hallo mevrouw Doe, ik kijk even.\nStuurt u mij de factuur?\nMomentje."),
])
def test_a_colleague_named_first_asked_to_hand_the_writer_something(lang, note, clean):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat")
    assert check(note, ctx)
    assert check(clean, ctx) == []


# Round cb/cd: the customer graded as difficult ("Client difficile, …", "cliente complicado", "schwierige Kundin"),
# the pest with "again" after ("ese pesado otra vez"), and the customer as the one who shouted at us, in an aside
# ("(es la de ayer que gritaba por teléfono)"); beside "difficult to reach" and shouting said of something else.
@pytest.mark.parametrize("lang, note, clean", [
    ("fr", "M. Doe, votre vélo est prêt. Client compliqué, faire signer le bon AVANT de rendre le vélo. À bientôt.",
     "M. Doe, votre vélo est prêt. Client difficile à joindre ce matin : merci de nous rappeler. À bientôt."),
    ("es", "Hola Jane, tu pedido sale hoy.\ncliente complicada, todo por escrito\nUn saludo.",
     "Hola Jane, tu pedido sale hoy. Fue un cliente difícil de localizar, pero ya está.\nUn saludo."),
    ("de", "Hallo Frau Doe,\n\nIhre Brille ist fertig.\n\nschwierige Kundin, nur gegen Vorkasse rausgeben\n\nGrüße\nOptik",
     "Hallo Frau Doe,\n\nIhre Brille ist fertig. Der Termin war schwierig zu finden, danke für Ihre Geduld.\n\nGrüße\nOptik"),
    ("es", "Estimada Sra. Doe:\n\nSu fianza se transfiere el lunes.\n\n(ese pesado otra vez, que conteste Marta)\n\n"
           "Atentamente,\nGestión",
     "Estimada Sra. Doe:\n\nSu fianza se transfiere el lunes.\n\n(otra vez el lunes, como la última)\n\nAtentamente,\nGestión"),
    ("it", "Buongiorno Jane, ho ricevuto la sua segnalazione. (è quella che strillava con Marco ieri) La ricontatteremo.",
     "Buongiorno Jane, ho ricevuto la sua segnalazione. (il cane del vicino strillava?) La ricontatteremo."),
    ("en", "Hi Jane, I've logged the fault. (it's the one who was yelling at Tom on Monday) An engineer will call.",
     "Hi Jane, I've logged the fault. (the alarm was screaming all night, you said) An engineer will call."),
])
def test_the_customer_graded_as_difficult_or_as_the_one_who_shouted(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb/cd: in square brackets, an infinitive of checking with what is in doubt ("[verificare indirizzo, il civico
# sembra sbagliato]", "[check even met Joost of …]", "[comprobar precio con almacén]"), beside a bracket for the
# customer ("[check your spam folder]") and round brackets, where customers are told so too ("(verificare integrità
# del pacco alla consegna)").
@pytest.mark.parametrize("lang, note, clean", [
    ("it", "Ciao Jane, il tuo ordine parte domani. [verificare indirizzo, il civico 12 sembra sbagliato] Grazie!",
     "Ciao Jane, il tuo ordine parte domani (verificare integrità del pacco alla consegna). Grazie!"),
    ("nl", "Beste Jane,\n\nJe abonnement is gestart.\n\n[check even met Joost of de actieprijs nog geldt]\n\nGroet,\nTeam",
     "Beste Jane,\n\nJe abonnement is gestart.\n\n[check je inbox voor de bevestiging]\n\nGroet,\nTeam"),
    ("es", "Hola Jane, tu cita es el lunes a las 9. [comprobar precio con almacén, creo que ha subido] Un saludo.",
     "Hola Jane, tu cita es el lunes a las 9. Puedes comprobar el precio en nuestra web. Un saludo."),
    ("en", "Hi Jane, your parcel is on its way. [double-check postcode, looks wrong for Leeds] Thanks!",
     "Hi Jane, your parcel is on its way. [check your spam folder for the tracking email] Thanks!"),
])
def test_an_infinitive_of_checking_in_square_brackets_is_a_drafting_note(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb: an aside that opens by telling a colleague to get in touch with the customer, as "her" or "him", and goes
# on about them ("(call her before 5, she missed the last pickup)", "(chiamala prima, era arrabbiata …)"), beside
# someone else the pronoun stands for ("Dr Patel … (call her secretary before noon)").
@pytest.mark.parametrize("lang, note, clean", [
    ("en", "Hi Jane, your glasses are ready to collect. (call her before 5, she missed the last pickup) See you soon.",
     "Hi Jane, Dr Patel has your results. (Call her secretary before noon to book.) See you soon."),
    ("it", "Ciao Jane, la riparazione è pronta. (chiamala prima, era arrabbiata per l'attesa) A presto.",
     "Ciao Jane, la riparazione è pronta. (chiamaci prima di passare, grazie) A presto."),
    ("es", "Hola Jane, tu pedido ya está listo. (llámala antes, se quejó del retraso la última vez) Un saludo.",
     "Hola Jane, tu pedido ya está listo. (llámanos antes de venir, por favor) Un saludo."),
])
def test_an_aside_that_opens_with_an_order_to_call_the_customer(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb: the reply itself marked as approved by a colleague, above it ("Réponse validée par Karim – tu peux
# envoyer", "Antwort freigegeben von Jens", "Respuesta aprobada por Marta"), beside an approval told to the customer.
@pytest.mark.parametrize("lang, note, clean", [
    ("fr", "Réponse validée par Karim – tu peux envoyer\n\nBonjour Jane,\n\nVotre remboursement est parti ce matin.\n\n"
           "Cordialement,\nService client",
     "Bonjour Jane,\n\nVotre réponse validée par notre expert vous sera envoyée demain.\n\nCordialement,\nService client"),
    ("de", "Antwort freigegeben von Jens\n\nHallo Frau Doe,\n\nIhre Gutschrift ist gebucht.\n\nViele Grüße\nTeam",
     "Hallo Frau Doe,\n\nIhr Antrag wurde von unserer Fachabteilung freigegeben.\n\nViele Grüße\nTeam"),
    ("es", "Respuesta aprobada por Marta 👍\n\nHola Jane,\n\nTu abono ya está hecho.\n\nUn saludo,\nEquipo",
     "Hola Jane,\n\nTu solicitud ha sido aprobada por nuestro equipo.\n\nUn saludo,\nEquipo"),
])
def test_the_reply_marked_as_approved_by_a_colleague(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round ce: a laugh with the customer, spoken to as "you" with a laughing face, is manner (tone judges it), as it is
# when they are called by name; a laugh at them once more, or with rolled eyes, stays a joke about them.
@pytest.mark.parametrize("lang, text, caught", [
    ("en", "Oh no!! 😅 So sorry your mug arrived chipped, that's so annoying lol. I've sent you a new one!", False),
    ("es", "Ay no 😅 qué rabia lo de la taza jajaja, ya te he enviado otra", False),
    ("en", "lol another one asking where the parcel is 😂 your order ships Monday.", True),
    # (a colleague tagged, and their "te", is no "you" to the customer)
    ("fr", "Bonjour Jane, je regarde votre commande.\nmdr @Sami il a collé l'étiquette à l'envers 😂 je te montre "
           "tout à l'heure\nPouvez-vous me confirmer l'adresse ?", True),
])
def test_a_laugh_with_the_customer_spoken_to_is_no_joke_about_them(lang, text, caught):
    assert bool(check(text, _ctx(lang))) is caught


# Round cb: a drafting note that names the reply's text or translation before what is still to do with it
# ("(traduction à revoir avant envoi)", "(testo da rivedere)", "(traducción por revisar)"), beside an aside that
# tells the customer where a text is.
@pytest.mark.parametrize("lang, note, clean", [
    ("fr", "Bonjour Jane,\n\nVotre colis part demain.\n\n(traduction à revoir, reprise du modèle anglais)\n\nCordialement",
     "Bonjour Jane,\n\nVotre colis part demain.\n\n(texte intégral des conditions en pièce jointe)\n\nCordialement"),
    ("it", "Gentile Jane,\n\nil rimborso è partito.\n\n(testo da rivedere, Marta controlla?)\n\nCordiali saluti",
     "Gentile Jane,\n\nil rimborso è partito.\n\n(testo completo del regolamento sul sito)\n\nCordiali saluti"),
    ("es", "Hola Jane,\n\nTu pedido ya ha salido.\n\n(traducción por revisar)\n\nUn saludo",
     "Hola Jane,\n\nTu pedido ya ha salido.\n\n(traducción al catalán disponible en la web)\n\nUn saludo"),
])
def test_the_replys_text_named_before_what_is_still_to_do_is_a_drafting_note(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb: in a colleague's forwarded message, a person by title and initial is the customer spoken of ("Frau K. ruft
# jede Woche an", "Mrs D. tried this last year"); a colleague's report handed on to the customer on purpose is not.
@pytest.mark.parametrize("text, caught", [
    ("Sehr geehrte Frau Doe,\n\nIhre Erstattung ist veranlasst.\n\nMit freundlichen Grüßen\nService\n\n"
     "-----Ursprüngliche Nachricht-----\nVon: Innendienst\nAn: Service\nBetreff: WG: Erstattung\n\n"
     "Frau D. probiert das jedes Jahr, diesmal ablehnen.\n", True),
    ("Hi Jane,\n\nYour refund is on its way.\n\n---------- Forwarded message ---------\nFrom: Dan Price <dan@acme.example>\n"
     "Subject: Re: refund\n\nMrs D. tried the same last year, we said no then.\n", True),
    ("Hi Jane,\n\nBelow is our engineer's report:\n\n---------- Forwarded message ---------\nFrom: Dan Price "
     "<dan@acme.example>\nSubject: visit\n\nVisited Mrs D. on Monday, boiler pressure reset, all working.\n", False),
])
def test_a_person_by_title_and_initial_in_a_forwarded_message_is_the_customer(text, caught):
    lang = "de" if "Sehr geehrte" in text else "en"
    assert bool(check(text, _ctx(lang))) is caught


# Round cb: what to check before the reply goes, as a label heading a line ("Rever antes de enviar: …", "Check before
# sending: …", "Vor dem Senden prüfen: …"), beside the same label over what the customer checks before sending.
@pytest.mark.parametrize("lang, note, clean", [
    ("pt", "Cara Jane,\n\nO reembolso segue esta semana.\n\nRever antes de enviar: IBAN certo? a Rita sabe\n\nCumprimentos",
     "Cara Jane,\n\nPara a devolução:\n\nRever antes de enviar: o seu formulário tem de estar assinado.\n\nCumprimentos"),
    ("en", "Hi Jane,\n\nYour refund is on its way.\n\nCheck before sending: does the amount match the invoice??\n\nBest",
     "Hi Jane,\n\nTo return the item:\n\nCheck before sending: your parcel is sealed and labelled.\n\nBest"),
    ("de", "Hallo Frau Doe,\n\nIhre Gutschrift kommt diese Woche.\n\nVor dem Senden prüfen: stimmt der Betrag?\n\nGrüße",
     "Hallo Frau Doe,\n\nSo senden Sie das Gerät zurück:\n\nVor dem Versand prüfen: Ist Ihr Paket gut verschlossen?\n\n"
     "Grüße"),
])
def test_a_label_of_what_to_check_before_sending_heads_a_drafting_note(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb: German note shorthand "wg." (wegen) in a line about the customer ("Kd. beschwert sich wg. Rechnung"),
# beside "wg." said to the customer.
@pytest.mark.parametrize("note, clean", [
    ("Hallo Frau Doe, ich sehe mir Ihren Vertrag an.\nKd. beschwert sich wieder wg. Rechnung, Standardtext raus\n"
     "Sie können den Tarif online wechseln.",
     "Hallo Frau Doe, ich sehe mir Ihren Vertrag an.\nWir melden uns wg. Ihrer Rechnung noch heute bei Ihnen.\n"
     "Sie können den Tarif online wechseln."),
])
def test_german_note_shorthand_wegen_marks_a_line_about_the_customer(note, clean):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": "de"}, channel="chat")
    assert check(note, ctx)
    assert check(clean, ctx) == []


# Round cb: a macro's bare tag opening a line, then a note that speaks to nobody ("[macro] registar como reclamação
# …", "[Makro] Ticket danach schließen …"), beside the tag over words for the customer.
@pytest.mark.parametrize("lang, note, clean", [
    ("pt", "Olá Jane, vou abrir um chamado.\n[macro] registar como reclamação e anexar a fatura\nPosso ajudar em mais algo?",
     "Olá Jane, vou abrir um chamado.\n[macro] Pode acompanhar o seu chamado na app.\nPosso ajudar em mais algo?"),
    ("de", "Hallo Frau Doe, ich kümmere mich darum.\n[Makro] Ticket danach schließen und Kulanz vermerken\nNoch etwas?",
     "Hallo Frau Doe, ich kümmere mich darum.\n[Makro] Ihre Rechnung finden Sie im Kundenportal.\nNoch etwas?"),
    ("en", "Hi Jane, I've logged it.\n[canned response] tag as billing and close after reply\nAnything else?",
     "Hi Jane, I've logged it.\n[canned response] Hi Jane, thanks for reaching out!\nAnything else?"),
])
def test_a_macros_bare_tag_heads_a_note_to_the_agent(lang, note, clean):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat")
    assert check(note, ctx)
    assert check(clean, ctx) == []


# Round cb: an order not to negotiate, after a heads-up ("LET OP: vaste klant, …, niet onderhandelen", "Achtung: …,
# nicht verhandeln", "ojo: …, no negociar"), beside a price said to be non-negotiable to the customer.
@pytest.mark.parametrize("lang, note, clean", [
    ("nl", "Hoi Jane, wat vervelend!\nLET OP: vaste klant, korting gewoon geven, niet onderhandelen\nIk stuur je een nieuwe.",
     "Hoi Jane, wat vervelend!\nLET OP: de actieprijs geldt tot vrijdag, daar valt niet over te onderhandelen.\n"
     "Ik stuur je een nieuwe."),
    ("de", "Hallo Frau Doe, das tut mir leid.\nAchtung: Stammkundin, Gutschrift einfach buchen, nicht verhandeln\n"
           "Ich schicke Ihnen Ersatz.",
     "Hallo Frau Doe, das tut mir leid.\nAchtung: Der Preis ist nicht verhandelbar, er gilt bis Freitag.\n"
     "Ich schicke Ihnen Ersatz."),
    ("es", "Hola Jane, qué rabia.\nojo: cliente de empresa, precio cerrado, no negociar\nTe mando otra hoy.",
     "Hola Jane, qué rabia.\nOjo: el precio de la oferta es cerrado hasta el viernes.\nTe mando otra hoy."),
])
def test_an_order_not_to_negotiate_after_a_heads_up(lang, note, clean):
    ctx = CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat")
    assert check(note, ctx)
    assert check(clean, ctx) == []


# Round cb: handing the case to a colleague by name after a word of urgency ("URGENTE – passare a Sara, …", "DRINGEND:
# an Jens weitergeben", "Urgent - pass to Gary"), beside the same asked of the customer's own colleague.
@pytest.mark.parametrize("lang, note, clean", [
    ("it", "URGENTE – passare a Sara, cliente senza riscaldamento\n\nGentile Jane,\n\nil tecnico arriva oggi.\n\nSaluti",
     "Gentile Jane,\n\nil tecnico arriva oggi. Urgente: passare a Sara della Sua amministrazione la fattura.\n\nSaluti"),
    ("de", "DRINGEND: an Jens weitergeben, Kundin wartet seit Montag\n\nSehr geehrte Frau Doe,\n\nder Techniker kommt "
           "heute.\n\nGrüße",
     "Sehr geehrte Frau Doe,\n\nder Techniker kommt heute. Dringend: Bitte geben Sie die Rechnung an Jens in Ihrer "
     "Buchhaltung weiter.\n\nGrüße"),
    ("en", "Urgent - pass to Gary, engineer visit overdue\n\nHi Jane,\n\nAn engineer is on the way.\n\nBest",
     "Hi Jane,\n\nAn engineer is on the way. Urgent - please pass this to Gary in your accounts team.\n\nBest"),
])
def test_handing_the_case_to_a_colleague_after_a_word_of_urgency(lang, note, clean):
    assert check(note, _ctx(lang))
    assert check(clean, _ctx(lang)) == []


# Round cb: an English order of the trade to tell or page someone, beside the customer in the third person ("… page
# on-call and tell the AM, this client renews in June"), not the customer told to tell someone.
@pytest.mark.parametrize("note, clean", [
    ("Hi Jane,\n\nWe're on it.\n\nP1 - if still down at 3pm, page the on-call engineer and tell the AM, this client "
     "renews in June.\n\nBest,\nSupport",
     "Hi Jane,\n\nWe're on it.\n\nIf it is still down at 3pm, tell your IT team and ping us here, we'll escalate.\n\n"
     "Best,\nSupport"),
])
def test_an_order_to_tell_or_page_someone_beside_the_customer_in_the_third_person(note, clean):
    assert check(note, JANE)
    assert check(clean, JANE) == []


@pytest.mark.parametrize("lang,text", [
    # an example shown on purpose, indented under a line that introduces it; a keyword the customer types
    ("en", "Hi Jane,\n\nTo get a teammate's attention, type @ and their name in the comment box, for example:\n\n"
           "    @Tom can you check the figures before Friday?\n\nTom then gets a notification.\n\nRyan"),
    ("nl", "Hallo Jane,\n\nEen voorbeeld van hoe je team ze kan gebruiken:\n\n    Intern: klant terugbellen na overleg "
           "met de planning\n\nGroeten,\nYoussef"),
    ("en", "Hi Jane,\n\nAnything you tag with TODO in a note is pulled into your Tasks list.\n\nRyan"),
])
def test_an_example_shown_on_purpose_is_no_note(lang, text):
    assert not check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # the same lines, not indented under an example's introduction, are notes
    ("en", "Hi Jane,\n\nThe figures are attached.\n\n    @Tom can you check the figures before Friday?\n\nRyan"),
    ("nl", "Hallo Jane,\n\nHier is het overzicht:\n\nIntern: klant terugbellen na overleg met de planning\n\nGroeten"),
    ("en", "Hi Jane,\n\nTODO check the price before sending\n\nRyan"),
])
def test_the_same_lines_outside_an_example_are_notes(lang, text):
    assert check(text, _ctx(lang))


# Round cj/cl: a note's "internal" label run into the line after a sentence, a link, a bracket, a dash or a chat's
# speaker, a "#intern" tag, a "/interno" command, an "###INTERN###" banner; not a reference, a kind or an extension.
@pytest.mark.parametrize("lang,text", [
    ("en", "Fleetway: your van hire starts Fri 09:00 at the Leeds depot. Internal note: deposit not taken yet, "
           "hold keys until paid"),
    ("de", "Stadtbus: Ihre Monatskarte ist ab 1.6. gültig. Interner Vermerk: Zahlung kam zweimal, "
           "Buchhaltung soll eine zurückbuchen"),
    ("de", "Möbelwelt: Lieferung am Montag zwischen 7 und 11 Uhr. mw.de/t/88 INTERN Lager: Sofa noch nicht verpackt, "
           "evtl. Dienstag"),
    ("fr", "Bonjour Madame,\n\nVotre abonnement est bien résilié.\n\n[note interne : a déjà eu deux gestes "
           "commerciaux cette année, ne plus rien accorder]\n\nCordialement"),
    ("es", "Farmacia Sol: su pedido está listo para recoger. Nota interna: revisar receta con el farmacéutico antes "
           "de entregar"),
    ("it", "Gentile cliente, la sua pratica è stata chiusa. [uso interno - verificare che il bonifico sia partito "
           "prima di archiviare]"),
    ("nl", "Beste klant, uw afspraak staat op dinsdag 10:00. #intern klant heeft nog openstaande factuur, "
           "eerst laten betalen"),
    ("pt", "Olá, a sua encomenda segue amanhã. OBS INTERNA: morada sem código postal, ligar antes de expedir"),
    ("es", "Hola Jane, te he cambiado la reserva al día 12.\n/interno anotar cambio gratis, supervisora lo aprobó\n"
           "¿Algo más?"),
    ("de", "Sehr geehrte Frau Doe,\n\nIhr Vertrag ist gekündigt.\n\n##INTERN## Rückruf durch Vertrieb anstoßen, "
           "Kundin wollte nur Rabatt ##\n\nMit freundlichen Grüßen"),
])
def test_an_internal_label_run_into_the_line_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("de", "Sehr geehrte Frau Doe,\n\nIhre interne Kundennummer: 55120 bleibt gleich. Interne Referenz: KD-4471 vom "
           "3. Mai.\n\nMit freundlichen Grüßen"),
    ("en", "Hi Jane,\n\nTransfer fees: Internal: no charge between your own accounts\nExternal: £1 per payment\n\nBest"),
    ("en", "Hi Jane, we have passed this to our internal team: they will review it by Friday."),
    ("it", "Gentile cliente, per assistenza chiami lo 02 5566 interno 12 dal lunedì al venerdì."),
    ("it", "Gentile Sig.ra Doe, Rif. interno: pratica numero 4471 del 12 marzo."),
    ("pt", "Olá Jane, o regulamento interno: pode consultá-lo no nosso site quando quiser."),
    ("fr", "Bonjour, votre note interne : vous pouvez l'ajouter dans votre espace client."),
])
def test_internal_words_said_to_the_customer_are_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


def _chat(lang: str, name: str = "Jane Doe") -> CheckContext:
    return CheckContext(persona={"name": name, "language": lang}, channel="chat")


# Round cf/cm: an apology for a message sent to the wrong chat owns up to the message before it, or to the rest of its
# own line; not a wrong link or file, nor the customer's own wrong chat.
@pytest.mark.parametrize("lang,text,leaked", [
    ("en", "Hi Jane, one sec while I look.\nis the spring promo still running or did it end on Friday\n"
           "Sorry, wrong chat! Your order ships today.", "is the spring promo still running"),
    ("es", "Hola Jane, un momento.\nel de ayer otra vez con lo mismo, lo cojo yo\nPerdona, ese mensaje no era para ti. "
           "Tu pedido sale hoy.", "el de ayer otra vez"),
    ("it", "Buongiorno Jane, controllo subito.\nquesto ordine lo gestisce Paolo o lo faccio io\nMi scusi, messaggio "
           "sbagliato. Il pacco parte oggi.", "questo ordine lo gestisce"),
    ("nl", "Dag Jane, ik kijk even.\nwie heeft vandaag de retouren?\nSorry, verkeerde chat! Uw pakket gaat vandaag mee.",
     "wie heeft vandaag de retouren?"),
    ("pt", "Olá Jane, um momento.\nalguém sabe se o armazém já fechou hoje\nDesculpe, janela errada. A sua encomenda "
           "segue hoje.", "alguém sabe se o armazém"),
    ("fr", "Bonjour Jane, je regarde.\nPardon, mauvaise fenêtre - Karim tu peux reprendre la 4 je pars en pause\n"
           "Votre colis part aujourd'hui.", "Karim tu peux reprendre"),
])
def test_an_apology_for_the_wrong_chat_owns_up_to_a_staff_message(lang, text, leaked):
    found = check(text, _chat(lang))
    assert any(leaked in f.snippet for f in found)


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, here is the tracking link.\nSorry, wrong link! This is the right one: acme.example/t/5521"),
    ("en", "Hi Jane, if you were put through to the wrong chat, just type 'billing' and I'll move you."),
    ("de", "Hallo Frau Doe, falls Sie im falschen Chat gelandet sind, schreiben Sie einfach \"Rechnung\"."),
    ("pt", "Olá Jane, se abriu a conversa errada, basta escrever 'faturas' que eu transfiro."),
])
def test_a_wrong_link_or_the_customers_wrong_chat_is_no_leak(lang, text):
    assert check(text, _chat(lang)) == []


# Round cf/cj: a helpdesk's note command typed into the chat box; a word processor's review comment pasted under the
# letter, its anchor left in the text (not an annex cited in a letter, nor a command the customer is told to type).
@pytest.mark.parametrize("lang,text", [
    ("en", "Sam: Hi Jane, I've found the booking.\nSam: /note prefers window seats, flying with a toddler\n"
           "Sam: All sorted."),
    ("de", "Hallo Frau Doe, ich schaue nach.\n/notiz möchte die Rechnung lieber per Post als per Mail\nAlles erledigt."),
    ("nl", "Hallo Jane, ik kijk het na.\n/memo klant wil opzeggen, retentie-aanbod gedaan\nUw abonnement loopt door."),
    ("fr", "Madame,\n\nVotre dossier est complet.[JM1]\n\nCordialement\n\n[JM1]Julie Martin: on n'a pas encore le RIB, "
           "attendre avant de valider ?"),
    ("pt", "Exma. Sra.,\n\nO reembolso foi aprovado.[RC3]\n\nCumprimentos\n\n[RC3]Comentário de Rui Costa: o IBAN já "
           "está certo?"),
])
def test_a_note_command_or_a_review_comment_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Dear Jane,\n\nPlease see the lease [AB1] and the inventory [AB2].\n\n[AB1] lease dated 3 May 2024\n"
           "[AB2] inventory signed at check-in\n\nKind regards"),
    ("en", "Hi Jane, to leave a note on your order, type /note followed by your message in the chat box."),
])
def test_an_annex_or_a_command_for_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cj/cl/cm: a forwarded message between staff, its receiver the reply's own writer, a colleague of the sender's
# mail domain, or called by name at its head; not one the reply hands on ("le inoltro qui sotto …").
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane,\n\nThe new filter is on order and we'll fit it next week.\n\nBest,\nOwen\nBrookside Homes\n\n"
           "---------- Forwarded message ---------\nFrom: Kate Moss <repairs@brookside.example>\nTo: Owen Price "
           "<lettings@brookside.example>\n\nThe whole unit is shot really. Tell them it's a filter and we'll see.\n"),
    ("de", "Sehr geehrte Frau Doe,\n\nanbei die Bestätigung Ihrer Anmeldung.\n\nFreundliche Grüße\nJonas Berg\n"
           "Verwaltung\n\n-----Ursprüngliche Nachricht-----\nVon: Petra Lang (Leitung)\nAn: Jonas Berg\n"
           "Betreff: Anmeldung\n\nGeht klar, aber erst raus, wenn die Gebühr da ist, die zahlen immer spät.\n"),
    ("pt", "Cara Sra. Doe,\n\nO seu pedido foi aceite.\n\nCumprimentos,\nApoio ao Cliente\n\n-----Mensagem original-----\n"
           "De: Nuno Reis\nPara: Sofia Lopes\nAssunto: pedido\n\nSofia, vê se isto fica resolvido hoje, "
           "a reparação já foi paga.\n"),
])
def test_a_forwarded_message_between_staff_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("it", "Buongiorno Sig.ra Doe,\n\nle inoltro qui sotto la conferma del magazzino.\n\nUn saluto,\nAnna Neri\n\n"
           "-------- Messaggio inoltrato --------\nDa: Magazzino Milano\nA: Anna Neri\nOggetto: ordine\n\n"
           "Ciao Anna, spedito oggi con GLS, tracking 5521 0098. Ciao, Luca\n"),
    ("en", "Hi Jane,\n\nThanks for your patience.\n\nBest,\nOwen\n\n---------- Forwarded message ---------\n"
           "From: Jane Doe <jane@mail.example>\nTo: Owen <help@shop.example>\n\nMy order never came, please check.\n"),
])
def test_a_forward_handed_on_or_from_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cf/cj/cl/cm: an aside set off by brackets, stars, chevrons or "//" with two kinds of staff evidence of its own:
# a colleague or role heading or signing it, the text as a template or copy, a note-style order, the customer in the
# third person, a shouted word, staff shorthand.
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, your bike is ready, £89 to pay. *still owes for the lock from May - mention at till*"),
    ("en", "Hi Jane, your table is booked for 8pm. <<chk w/ Gina the terrace is open b4 sending>>"),
    ("de", "Hallo Frau Doe, Ihr Rad ist fertig. [Bremszug noch tauschen - Jonas!!]"),
    ("de", "Liebe Frau Doe, Ihr Termin ist bestätigt. // Vorlage noch mit der Praxisleitung abstimmen!"),
    ("fr", "Bonjour Madame, votre véhicule est prêt. (Hugo : pneus AV usés, lui proposer un devis)"),
    ("es", "Hola Jane, tu cita es el lunes a las 10. [copiado de la cita de otra paciente - cambiar la hora]"),
    ("it", "Gentile cliente, il rinnovo è il 01/05. [bozza 3 - testo da confermare con l'ufficio legale]"),
    ("nl", "Beste mevrouw Doe, uw recept ligt klaar. (Sanne: zij is die van de dubbele afspraak, eerst bellen!!)"),
    ("pt", "Olá Jane, a sua consulta está marcada. [obs: quer fatura com NIF, confirmar antes de emitir]"),
    ("es", "Hola Jane, mañana cortamos el agua de 9 a 12. ***cambiar plantilla, pone la calle antigua***"),
])
def test_a_staff_aside_is_told_by_two_kinds_of_evidence(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, your parcel is on its way (Note: prices include VAT)."),
    ("en", "Hi Jane, your order is on hold (please confirm your address!!)."),
    ("es", "Hola Jane, tu cita es el lunes. [Responder SI para confirmar la cita]"),
    ("it", "Gentile cliente, il rinnovo è il 01/05. [Rispondere STOP per non ricevere più messaggi]"),
    ("de", "Hallo Frau Doe, Ihr Termin ist am Montag. (Hinweis: Parkplätze im Hof)"),
    ("pt", "Olá Jane, a sua consulta é amanhã. (Trazer documento de identificação e cartão de cidadão)"),
    ("es", "Estimado/a [NOMBRE DEL CLIENTE]:\n\nSu reserva está confirmada."),
])
def test_an_aside_for_the_customer_is_no_staff_aside(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cf/cj: a chat message turned to someone else than the customer, by three kinds of its own: lower case, a role
# called on, an informal "you" in a formal chat, the customer in the third person, staff work or a laugh.
@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane, I'm looking at the bill now.\nsup could u approve a goodwill refund here, he was on hold an hour\n"
           "I've taken the roaming charge off your account."),
    ("de", "Guten Tag Frau Doe, einen Moment bitte.\nschaust du kurz ob die Bestellung storniert ist? im System steht "
           "gar nichts\nIhre Bestellung ist storniert."),
    ("fr", "Bonjour Madame Doe, je vérifie.\ntu peux regarder toi ? elle a déjà appelé ce matin pour la même facture\n"
           "Merci de votre patience."),
    ("it", "Buongiorno Sig.ra Doe, verifico subito.\nragazzi questa vuole il cambio per un paio usato, che faccio?\n"
           "Le propongo un buono del 10%."),
    ("pt", "Boa tarde, D. Jane. Vou verificar.\nsupervisora, posso dar o desconto? ela é cliente desde 2010 e quer "
           "cancelar\nUm momento, por favor."),
])
def test_a_chat_message_turned_to_a_colleague_is_a_note(lang, text):
    assert check(text, _chat(lang))


@pytest.mark.parametrize("lang,text", [
    ("de", "Guten Tag Frau Doe, ich prüfe das.\nok, der Techniker war gestern da und hat den Zähler getauscht, er meldet "
           "sich noch\nIhre Rechnung wird korrigiert."),
    ("fr", "Bonjour Madame, je regarde.\nalors il a bien été livré hier, le livreur l'a laissé à la gardienne du "
           "bâtiment\nVous pouvez le récupérer."),
    ("it", "Buongiorno Sig.ra Doe, controllo.\nallora il tecnico gli ha già cambiato il modem ieri, lo vede nel sistema\n"
           "Le confermo che è tutto a posto."),
    ("en", "Hi Jane, let me check.\nok so the courier says he left it with a neighbour at number 12\nYou should have it "
           "by now."),
])
def test_a_lower_case_chat_message_about_someone_else_is_no_note(lang, text):
    assert check(text, _chat(lang)) == []


# Round cl/cj: a line headed by a note for a role, a to-do label in capitals, a draft's label or a bare "[note]"; not one
# said to the customer.
@pytest.mark.parametrize("lang,text", [
    ("es", "Estimada Sra. Doe:\n\nSu cita queda confirmada.\n\n— Nota para recepción: ya vino dos veces sin cita, cobrar "
           "la fianza antes.\n\nUn saludo"),
    ("pt", "Cara Sra. Doe,\n\nRecebemos os documentos.\n\nNota p/ gestora: falta a assinatura do segundo titular, "
           "não pagar ainda.\n\nCumprimentos"),
    ("it", "Gentile Sig.ra Doe,\n\nLa iscrizione è aperta.\n\nDA FARE: aggiungere le date dei corsi e sentire Marco per "
           "l'aula\n\nCordiali saluti"),
    ("fr", "Madame,\n\nVotre dossier est enregistré.\n\nÀ COMPLÉTER : montant exact de la franchise, voir avec le "
           "service sinistres\n\nCordialement"),
    ("en", "Dear Jane,\n\nYour refund is on its way.\n\nKind regards\nTom\n-- Draft: Priya to check the amount, refund not "
           "yet signed off --\n"),
    ("nl", "Dag mevrouw Doe, ik kijk naar uw contract.\n[notitie] klant betaalt per kwartaal, termijnbedrag niet "
           "aanpassen\nUw volgende termijn is € 120."),
])
def test_a_line_headed_by_a_note_for_a_role_a_to_do_or_a_draft_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane,\n\nNote for customers: you can collect your order from the desk.\n\nBest"),
    ("de", "Sehr geehrte Frau Doe,\n\nEntwurf: Ihre Vertragsunterlagen finden Sie im Anhang.\n\nGrüße"),
])
def test_a_heading_said_to_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cs/cu: a note labelled with the staff role that wrote it, for the team in Brazilian Portuguese, or from an office
# when it speaks of the customer in the third person; not a department's notice to the customer, nor "our team".
@pytest.mark.parametrize("lang,text", [
    ("it", "Buongiorno Sig. Doe,\n\nNota agente: cliente abituale, ha già avuto lo sconto a marzo, NON ripeterlo\n\nSaluti"),
    ("pt", "Olá Jane,\n\nNota ao time: cliente já abriu reclamação no Reclame Aqui, cuidado com o tom.\n\nAbraço"),
    ("en", "Dear Jane,\n\nNote from head office: she has had two goodwill credits this year, no third one.\n\nBest"),
    ("de", "Sehr geehrte Frau Doe,\n\nNotiz von der Buchhaltung: die Kundin zahlt immer zu spät, keine Raten mehr "
           "anbieten.\n\nMit freundlichen Grüßen"),
    ("es", "Hola Jane,\n\nNota de recepción: la clienta no se presentó dos veces, cobrar la fianza.\n\nSaludos"),
    # (for the staff or the shop floor, named as such)
    ("pt", "Ótica Sol: Olá Jane, as suas lentes já chegaram. NOTA P/ LOJA: só pagou metade, cobrar o resto na entrega"),
    ("en", "Hi Jane, your frames are ready.\n\nNote for staff: she paid by voucher, do not refund in cash."),
])
def test_a_note_labelled_with_its_writers_role_or_office_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane,\n\nNote from our team: the shop closes early on Friday.\n\nBest"),
    ("en", "Hi Jane,\n\nNote from the accounts team: invoices are issued on the 1st of each month.\n\nBest"),
    ("en", "Hi Jane,\n\nNote for the time being: the shop closes early on Friday.\n\nBest"),
    ("it", "Gentile Sig.ra Doe,\n\nNota dalla segreteria: le ricordiamo che l'ufficio è chiuso venerdì.\n\nSaluti"),
    ("fr", "Bonjour Jane,\n\nNote de l'accueil : vous pouvez venir chercher votre colis dès lundi.\n\nCordialement"),
])
def test_a_departments_notice_to_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cs/cu: a tag closing a text message after its last sentence, opened by a mark and headed by a role inside the
# company or a staff marker in capitals, that tells staff what to do or of the customer.
@pytest.mark.parametrize("lang,text", [
    ("en", "Acme Optics: Hi Jane, your glasses are ready. Open till 5pm. [staff: paid deposit only - collect £40 + "
           "check Rx]"),
    ("de", "Bäckerei Kern: Hallo Jane, deine Torte ist ab 14 Uhr abholbereit. >>Backstube: Glutenfrei!! extra Blech "
           "nehmen<<"),
    ("fr", "Garage Martin : Bonjour Jane, votre véhicule sera prêt demain. [pour l'atelier : vérifier les plaquettes "
           "avant restitution]"),
    ("es", "Clínica Dental Sol: Hola Jane, le esperamos el martes a las 10:00. *OJO falta cobrar la revisión anterior*"),
    ("it", "Ottica Bruni: Gentile Jane, gli occhiali sono pronti. (x colleghi al banco: ricordarle il saldo di 60 €)"),
    ("nl", "Keukenhuis: Beste Jane, de montage staat op dinsdag. [monteurs: achterwand eerst uitmeten, stopcontact "
           "verplaatsen]"),
    ("pt", "Clínica Vet Azul: Olá Jane, a Mia pode ser levantada às 16h. [TESTE - não enviar à base toda]"),
    ("en", "Hi Jane, your order is packed and leaves today.\n\n(warehouse: cust rang twice, send the tracking asap)"),
])
def test_a_staff_tag_closing_a_message_is_a_note(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    # said to the customer, or only what the place offers
    ("es", "Hola Jane, te esperamos mañana a las 9. *OJO: recuerda traer el DNI*"),
    ("fr", "Bonjour Jane, votre commande est prête. [Équipe : fermeture le 15 août]"),
    ("it", "Buongiorno Jane, il ritiro è confermato. [Magazzino: orario 8-17]"),
    ("en", "Hi Jane, your kitchen fitting is booked for Monday. (Fitters: Dan and Ola, 8am-4pm)"),
    ("en", "Hi Jane, see you on Friday. [Team: please bring your booking reference]"),
    ("de", "Hallo Jane, dein Paket ist da. [Team: wir melden uns, sobald es abholbereit ist]"),
    ("pt", "Olá Jane, a sua consulta está marcada. (Equipa: horário de verão 9h-13h)"),
])
def test_a_tag_said_to_the_customer_or_naming_what_a_place_offers_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cy: more closing tags: a warning word in lower case before the role it warns, "NB" before a counter, a test
# marker, a driver's orders after a tool's mark ("//", "#"); not a bare warning that tells the customer what to do, nor
# a driver's note in brackets (the customer's own, repeated by a confirmation).
@pytest.mark.parametrize("lang,text", [
    ("es", "AutoSol: Hola Jane, tu coche está listo desde las 9:00. Trae el DNI. (ojo mostrador: tiene un golpe sin "
           "pagar de la última vez, cobrar antes de dar las llaves)"),
    ("pt", "Clínica Dente: Olá Jane, a sua consulta é amanhã às 10h. Responda SIM. NB receção: ela ainda não pagou a "
           "última fatura, pedir antes de entrar"),
    ("it", "Banca Lago: Gentile cliente, il bonifico è stato eseguito. [TEST interno - ignorare, invio da ambiente "
           "prova]"),
    ("nl", "Meubelhuis: Beste Jane, uw tafel wordt morgen geleverd. Groet, Ans // chauffeur: achterom, poort klemt!"),
])
def test_more_closing_staff_tags_are_notes(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("fr", "Bonjour Jane, votre colis arrive demain. NB : prévoir une pièce d'identité."),
    ("es", "Hola Jane, tu cita es mañana. OJO: la entrada es por la calle Mayor."),
    ("en", "Hi Jane, your sofa arrives tomorrow 8-12. (Driver: leave with neighbour at no. 4)"),
    ("de", "Hallo Jane, Ihr Paket kommt morgen. ACHTUNG: Die Zustellung erfolgt nur gegen Unterschrift."),
])
def test_a_warning_for_the_customer_or_their_drivers_note_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cy: a chat whose speaker names the company after a separator ("Irene · Clinic: …", "Ryan @ Shop: …"); an
# apology for the wrong chat in Dutch; a colleague named after a role's tag; a colleague tagged and told of the
# customer in the third person; a note for a colleague by title and name; content marked as not for the customer; a
# line headed by a superior asked something, or by the colleagues told what to do about the customer.
@pytest.mark.parametrize("lang,text", [
    ("es", "Marta · Clínica Sol: Hola Jane, reviso la agenda y le digo.\nMarta · Clínica Sol: Nota interna: no darle "
           "cita con el Dr. Gil, pidió no atenderla más\nMarta · Clínica Sol: Tengo hueco el jueves a las 17:30."),
    ("nl", "Fleur (Bank): Goedemiddag mevrouw Doe, ik zoek het voor u uit.\nFleur (Bank): Sanne, kun je haar dossier "
           "even openen\nFleur (Bank): Excuses, dat bericht was niet voor u bedoeld.\nFleur (Bank): Uw pas is "
           "gedeblokkeerd."),
    ("pt", "Rui (Banco): Boa tarde, Jane. Vou verificar a comissão.\nRui (Banco): [supervisor] Marta, podes aprovar "
           "a isenção? cliente há 12 anos\nRui (Banco): Consegui anular a comissão."),
    ("nl", "Tim (Verhuur): Goedemorgen mevrouw Doe, ik kijk wat ik kan doen.\nTim (Verhuur): @Noor klant zegt dat ze "
           "journalist is, voorzichtig met toezeggingen\nTim (Verhuur): Ik heb een upgrade voor u genoteerd."),
    ("pt", "Olá Jane,\n\nTemos vaga às 15h30.\n\nNota p/ Dr. Paulo: a dona disse ontem que era só 1 dia, confirmar na "
           "consulta\n\nAté já"),
    ("en", "Dear Ms Doe,\n\nPlease find the estimate below.\n\nDo not forward to the customer: estimate padded by "
           "15%.\n\nKind regards"),
    ("es", "Lucía · Banco Sur: Buenos días, Jane. Ya he desbloqueado su acceso.\nLucía · Banco Sur: Supervisor: ¿le "
           "subo el límite o no? tiene scoring bajo\nLucía · Banco Sur: ¿Puedo ayudarle en algo más?"),
    ("de", "Sehr geehrte Frau Doe,\n\nwir benötigen noch den Erbschein.\n\nKollegen Nachlass: Konto NICHT freigeben, "
           "auch wenn sie nochmal anruft\n\nMit freundlichen Grüßen"),
])
def test_round_cy_chat_and_line_notes(lang, text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat"))


@pytest.mark.parametrize("lang,text", [
    ("en", "Hi Jane,\n\nManager: Sarah Jones (ext. 204)\n\nThanks"),
    ("en", "Hi Jane,\n\nTeam: is there anything else we can help with?\n\nThanks"),
    ("es", "Hola Jane,\n\nEquipo: le llamaremos mañana para confirmar la cita.\n\nUn saludo"),
    ("en", "Hi Jane,\n\nNote for Jane: your keys are at reception from 3pm.\n\nThanks"),
])
def test_a_role_or_a_note_label_said_to_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


# Round cw: a warning word or a role opening brackets closed mid-line; a test message named so; the writer's note that
# they copied the reply from another case; an "internal notes" banner in the plural, or an internal comment with who
# may see it in brackets.
@pytest.mark.parametrize("lang,text", [
    ("es", "Envíos Sur: Hola Jane, tu paquete llega mañana entre 9:00 y 13:00. (OJO: portal sin número, llamar antes "
           "de salir) Sigue tu envío en envios-sur.es/s/1234"),
    ("it", "Gentile Jane, la consegna è prevista domani. [magazzino: imballo doppio, cliente già rimborsata una volta] "
           "Cordiali saluti"),
    ("pt", "Loja Azul: Olá Jane, a sua encomenda sai hoje. [mensagem de teste – apagar antes do envio]"),
    ("pt", "Cara Sra. Doe,\n\nA encomenda será entregue amanhã.\n\n(copiei a resposta do caso 4471 do Sr. Lopes, "
           "ajustar a morada!)\n\nCumprimentos"),
    ("it", "Gentile Sig.ra Doe,\n\nil pacco è in consegna.\n\n(ho copiato la risposta dalla pratica 5521, cambiare "
           "l'indirizzo)\n\nSaluti"),
    ("fr", "Bonjour Jane,\n\nNous ne pouvons pas rembourser ce pack.\n\nCordialement,\nLe support\n\n--- Notes "
           "internes ---\nJoueuse FR, compte lié. Geste possible si elle insiste."),
    ("it", "Gentile Sig.ra Doe,\n\nUn consulente la ricontatterà.\n\nCommento interno (visibile solo agli operatori): "
           "cliente già segnalata in Centrale Rischi, sentire il direttore.\n\nCordiali saluti"),
])
def test_round_cw_marked_asides_test_messages_copies_and_internal_banners(lang, text):
    assert check(text, _ctx(lang))


@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Jane, tu pedido llega mañana (OJO: horario de 9 a 14) y te avisamos por SMS."),
    ("en", "Hi Jane, your answers are saved. (Team: Acme Support, Mon-Fri 9-5)"),
    ("pt", "Olá Jane, copiei o seu pedido do formulário e já está registado."),
])
def test_a_warning_or_a_team_in_brackets_for_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


def test_a_gender_colon_in_a_chat_bots_button_is_no_staff_tag():
    # "Mitarbeiter:in" is one word (the gender colon), not a role's label: a bot's quick-reply button
    text = ("Tobi (Digitaler Assistent): Ich kann Ihnen bei diesen Themen helfen:\n"
            "[Rechnung erklären]  [Tarif wechseln]  [Mit Mitarbeiter:in sprechen]")
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": "de"}, channel="chat")) == []


# Round cw/cy: a colleague named first in a chat, in lower case or with no comma, and asked informally; a helpdesk's
# tags line with machine slugs; a risk profile among a CRM row's fields.
@pytest.mark.parametrize("lang,text,channel", [
    ("en", "Sam @ Oak & Co: Hi Jane! Let me check that for you.\nSam @ Oak & Co: tom can u check if the grey one is "
           "still in Leeds? system says 0\nSam @ Oak & Co: Sorry for the wait!", "chat"),
    ("es", "Un momento que lo miro 🙂\nlucas pásame el pedido del 4471 que no lo encuentro", "chat"),
    ("en", "Hi Jane! Let me check.\nKelly can you grab the stock sheet for Leeds?\nThanks for waiting!", "chat"),
    ("pt", "Cara Sra. Doe,\n\nA montagem fica para quarta-feira.\n\nEtiquetas: reclamação, cliente_difícil, "
           "prioridade_alta\n\nCumprimentos", "email"),
    ("pt", "Caro Sr. Doe,\n\nO pedido está em análise.\n\nPerfil de risco: ALTO | Score: 412 | Nota: não renovar\n\n"
           "Cumprimentos", "email"),
])
def test_round_cw_cy_named_colleagues_tags_and_risk_rows(lang, text, channel):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel=channel))


@pytest.mark.parametrize("lang,text", [
    ("en", "Ryan: Hi Jane!\nRyan: Great can you send a photo of the damage?\nRyan: Thanks!"),
    ("en", "Ryan: Hi Jane!\nRyan: also can you send a photo of the damage?\nRyan: Thanks!"),
    ("it", "Luca: Buongiorno Jane!\nLuca: Perfetto mi manda una foto?\nLuca: Grazie"),
    ("en", "Hi Jane,\n\nTags: garden, outdoor, summer sale\n\nThanks"),
])
def test_an_ordinary_first_word_or_a_products_tags_is_no_note(lang, text):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel="chat")) == []


# Round cz: a chat tool's private message or whisper in brackets; a developer's note; an internal remark with the
# adjective first and its writer named with a particle and a date; hashtags as a helpdesk's tags; a note word and a
# team with no preposition; the reason kept back or a send to customers forbidden; a hold shouted with its condition;
# a colleague tagged and told NOT to do something; copy/paste of a numbered answer; a private note "added by".
@pytest.mark.parametrize("lang,text,channel", [
    ("es", "Entiendo, Sra. Doe, déjeme revisar.\n[susurro a supervisor] ¿le puedo hacer el cambio gratis?\nYa lo tengo: "
           "puedo reubicarla sin coste.", "chat"),
    ("fr", "Merci Jane pour ces précisions.\n[Message privé à Julie] je la garde ou je la passe à l'équipe BTP ?\nJe "
           "transmets votre profil.", "chat"),
    ("en", "Thank you for your claim.\n\nDEV NOTE: remove [BETA] from the subject line before go-live\n\nMeridian", "email"),
    ("nl", "Geachte mevrouw Doe,\n\nU ontvangt binnen tien werkdagen een reactie.\n\nMet vriendelijke groet,\nIngrid\n\n"
           "--- Interne opmerking door Kees van Dam, 14-05 10:12 ---\nKlant dreigt met Radar.", "email"),
    ("fr", "Bonjour Madame Doe,\n\nNous avons remboursé les articles manquants.\n\nBien à vous\n\nTags : "
           "#remboursement_hors_procedure #cliente_mecontente", "email"),
    ("de", "Guten Tag Frau Doe, Ihr Termin ist am Dienstag um 8:30 Uhr.\nNotiz Praxisteam: Pat. hat noch eine offene "
           "Rechnung, beim Termin ansprechen!\nHaben Sie noch Fragen?", "chat"),
    ("fr", "Cabinet médical : votre RDV est déplacé au jeudi 13/06 à 17h40 (Dr Roux en congé, ne pas dire pourquoi).",
     "sms"),
    ("it", "SpesaFacile: il tuo ordine è pronto al locker, codice 4471. xx prova Giada NON inviare ai clienti xx", "sms"),
    ("es", "Buenos días, Sra. Doe:\n\nLe resumo lo que cubre su póliza.\n\nPendiente: confirmar con la aseguradora si "
           "cubre la grúa, NO ENVIAR hasta tenerlo!!\n\nUn saludo", "email"),
    ("it", "@Marco: ho già rimborsato io le tasse, tu NON rimborsare di nuovo!\n\nGentile Sig.ra Doe,\n\nle confermiamo "
           "il rimborso.\n\nCordiali saluti", "email"),
    ("es", "(copiar/pegar respuesta 14 - cambiar nombre de tienda)\nLamentamos mucho que la fruta llegara en mal "
           "estado, Sra. Doe.", "chat"),
    ("it", "Buongiorno Jane,\n\nabbiamo configurato la stampante.\n\nNota privata aggiunta da Fabio R.: l'utente usa "
           "ancora la vecchia password, segnalarlo al responsabile.\n\nSaluti", "email"),
    ("pt", "LusoAir: o seu voo embarca pela porta 14 às 07:20. Obs. operador: pax c/ historial de no-show, não "
           "reacomodar gratuitamente.", "sms"),
])
def test_round_cz_notes(lang, text, channel):
    assert check(text, CheckContext(persona={"name": "Jane Doe", "language": lang}, channel=channel))


@pytest.mark.parametrize("lang,text", [
    ("es", "Hola Ana,\n\nPor favor no enviar hasta el lunes el formulario, estamos de vacaciones."),
    ("en", "Hi Jane,\n\nDO NOT SEND cash through the post."),
    ("fr", "Bonjour Jane,\n\nNous vous expliquerons pourquoi lors du rendez-vous."),
    ("en", "Hi Jane,\n\nYour order is on its way. #summer #sale #garden"),
])
def test_a_hold_or_a_reason_said_to_the_customer_is_no_note(lang, text):
    assert check(text, _ctx(lang)) == []


@pytest.mark.parametrize("lang,text,found", [
    # round cz: a template's name on a line of its own with its rule of use about a kind of customer
    ("nl", "Template: Verloren voorwerpen – NIET gebruiken voor codeshare-passagiers\n\nBeste mevrouw Doe,\n\nUw jas is "
           "gevonden.", True),
    ("en", "Hi Jane,\n\nMacro: late delivery refund - only use if the customer has waited 10+ days\n\nThanks", True),
    ("de", "Vorlage: Widerruf – nur verwenden für Neukunden\n\nSehr geehrte Frau Doe,\n\nanbei das Formular.", True),
    # a template the customer gets, with how to use it
    ("en", "Hi Jane,\n\nTemplate: monthly budget - only use the blue cells, the rest is calculated.\n\nThanks", False),
    ("en", "Hi Jane,\n\nTemplate: CV (Word) - not for print, only for email.\n\nThanks", False),
])
def test_a_templates_name_with_its_rule_of_use_is_a_note(lang, text, found):
    assert bool(check(text, _ctx(lang))) is found


@pytest.mark.parametrize("lang,text,found", [
    # round dc: a label at a line's head with "internal" beside a judgement or a status, or alone, in brackets maybe
    ("nl", "Geachte heer Doe,\n\nHierbij de prijsopgave: € 687,-\n\nKlantbeoordeling (intern): 2/5 – twijfelt over alles, "
           "niet te veel tijd in steken\n\nMet vriendelijke groet", True),
    ("es", "Hola Jane,\n\nTe enviamos el presupuesto.\n\nValoración interna: 2/5, duda de todo\n\nUn saludo", True),
    ("it", "Gentile Jane,\n\nin allegato il preventivo.\n\nValutazione cliente (interna): 2/5, dubita di tutto\n\nSaluti",
     True),
    ("pt", "Oi Jane, já recebi o seu informe de rendimentos.\n>>> interno: ela é MEI, não cobrar a tabela cheia, combinado "
           "com o Rogério\nVou montar a declaração e te mando o rascunho.", True),
    # not a part of the job, a measure, a reference or a place told to the customer
    ("en", "Dear Jane,\n\nYour quote:\nInternal doors: 3 to be fitted, oak finish, handles included\n\nKind regards", False),
    ("en", "Dear Jane,\n\nInternal dimensions: 40 x 30 cm, fits a laptop and charger.\n\nKind regards", False),
    ("de", "Sehr geehrte Frau Doe,\n\nInterne Referenz: 4711 für Ihre Unterlagen bitte angeben.\n\nGrüße", False),
    ("fr", "Madame,\n\nStationnement (interne) : les places du fond sont réservées au personnel.\n\nCordialement", False),
    # a note or a reminder to a colleague by name, "for" left out
    ("fr", "Bonjour Madame,\n\nVos lentilles sont arrivées.\n\nRappel Karim : facturer 2 boîtes pas 1 !\n\nCordialement",
     True),
    ("en", "Dear Jane,\n\nYour refund is on its way.\n\nNote Sarah: she has already been refunded once, don't offer "
           "again.\n\nKind regards", True),
    ("fr", "Madame,\n\nRappel important : pensez à apporter votre carte vitale.\n\nCordialement", False),
    ("es", "Hola Jane,\n\nNota TALLER: traer el coche limpio por dentro.\n\nUn saludo", False),
])
def test_an_internal_judgement_label_and_a_reminder_to_a_colleague_are_notes(lang, text, found):
    assert bool(check(text, _ctx(lang))) is found


@pytest.mark.parametrize("lang,text,found", [
    # rounds dc/de: an aside headed by a colleague's first name and a colon, with no formal "you" to the customer
    ("es", "Estimada Sra. Doe:\n\nHemos dado de baja el abono. (Marta: según la normativa no hay reembolso, pero el jefe "
           "dice que lo hagamos igual. No ponerlo por escrito)\n\nUn saludo", True),
    ("it", "Gentile Sig.ra Doe,\n\nle ricordiamo la retta di aprile. (Vale: la mamma non ha ancora pagato marzo, "
           "ricordaglielo tu)\n\nCordiali saluti", True),
    ("fr", "Madame,\n\nNous avons bien reçu votre dossier (Fabien : son contrat ne couvre pas ça de toute façon) et "
           "revenons vers vous.\n\nCordialement", True),
    ("de", "Hallo Frau Doe,\n\nIhre Reifen sind eingelagert. (Ben: Reifen liegen in Regal 4, frag mal ob die noch gut "
           "sind)\n\nGrüße", True),
    # not a person introduced by their role or how to reach them, a place described, a department, a role, a field
    ("fr", "Madame,\n\nVotre dossier est suivi (Julie : votre conseillère habituelle, joignable au 01 23 45 67 89).",
     False),
    ("es", "Hola Jane,\n\nTe apuntamos al curso (Lucía: monitora del curso de los martes, muy maja).", False),
    ("en", "Dear Jane,\n\nYour trip is booked (Paris: 3 nights, London: 2 nights).\n\nKind regards", False),
    ("en", "Dear Jane,\n\nYour request REQ-774103 (Subject: Broadband speed below guaranteed minimum) has been "
           "logged.\n\nKind regards", False),
    ("it", "Gentile Sig.ra Doe,\n\nper la sua auto (Monza: sede centrale, non lontano dalla stazione) possiamo fissare "
           "un appuntamento.", False),
    ("en", "Hi Jane, your sofa arrives tomorrow 8-12. (Driver: leave with neighbour at no. 4)", False),
    ("es", "Hola Jane, abrimos a las 9 (Madrid: hay que reservar con antelación).", False),
])
def test_an_aside_headed_by_a_colleagues_name_and_a_colon_is_a_note(lang, text, found):
    assert bool(check(text, _ctx(lang))) is found


@pytest.mark.parametrize("intro,note,hours", [
    # a colleague's answer handed on with "here is", in any language, is the company's text: its promise counts ...
    ("ich habe bei unserer Werkstatt nachgefragt, hier die Antwort meines Kollegen:", False, 77),
    # ... forwarded with no word that hands it on, it is staff talk about "die Kundin"
    ("ich habe bei unserer Werkstatt nachgefragt:", True, None),
])
def test_a_colleagues_answer_handed_on_with_here_is_keeps_its_promise(intro, note, hours):
    from checks.corpus import CALENDAR, SENT_AT
    from probes.checks import promises

    text = (f"Hallo Frau Doe,\n\n{intro}\n\n---------- Weitergeleitete Nachricht ----------\nVon: Jörg Pawlak "
            "<j.pawlak@autohaus-mertens.de>\nBetreff: AW: Opel Astra\n\nHallo Nina, das Fahrzeug ist am Donnerstag bis "
            "15 Uhr fertig. Die Kundin kann den Ersatzwagen so lange behalten. Gruß Jörg\n"
            "----------------------------------------------\n\nViele Grüße\nNina Schäfer\nAutohaus Mertens")
    ctx = _ctx("de")
    assert bool(check(text, ctx)) is note
    found = promises.find(text, "de", SENT_AT, CALENDAR, ctx)
    assert [round((p.due - SENT_AT).total_seconds() / 3600) for p in found] == ([hours] if hours else [])


@pytest.mark.parametrize("lang,text,ctx,found", [
    # an apology for a message that was not for the customer owns up to the message before it, in every language
    ("de", "Ich schaue nach.\nRalf, die Kundin will die Gebühr nicht zahlen, bleiben wir dabei?\n"
           "Oh, Entschuldigung, die letzte Nachricht war für einen Kollegen gedacht.", "chat", True),
    ("fr", "Je regarde.\nKarim tu peux valider le geste ?\nDésolée, le message précédent ne vous était pas destiné.", "chat", True),
    ("pt", "Vou ver.\nZé, confirmas o stock?\nDesculpe, a mensagem anterior era para uma colega.", "chat", True),
    ("en", "Let me look.\nMo can you approve the refund?\nSorry, my previous message was meant for a colleague.", "chat", True),
    # a colleague called by name, told about the customer in the third person or told not to tell them
    ("es", "Déjame mirarlo.\nRaúl, ¿el lote 40 no era el defectuoso? No le digas nada hasta que lo confirme calidad.\n"
           "Jane, ¿me dices el número de lote?", "chat", True),
    ("es", "Hola Jane.\nRaúl, nuestro técnico, le llamará mañana.", "chat", False),
    ("nl", "Top, dank je. Ik moet even navragen bij het magazijn of het nog op voorraad ligt. Ik bel je vanmiddag terug!",
     "chat", False),
    ("en", "Honestly, the courier made a right mess of this one, I've refunded you in full.", "chat", False),
    # an aside signed by a colleague after its last sentence, or a test send signed after a dash
    ("de", "Sehr geehrte Frau Doe,\nwir sichern das Dach heute ab. (gleicher Fall wie bei Familie Brandt, über die "
           "Versicherung abgerechnet, Vorlage nehmen. Tobi)\nMfG", "email", True),
    ("pt", "Olá Jane, os seus bilhetes para sábado estão confirmados. [testar envio antes de ativar para todos - Marta]",
     "email", True),
    ("de", "Sehr geehrte Frau Doe,\nIhr Termin ist am Montag. (Wir freuen uns auf Sie. Tobi)\nMfG", "email", False),
    # a helpdesk's words for a note only the team sees
    ("fr", "Madame,\n\nNos techniciens interviendront mercredi.\n\nNote (visible uniquement par l'équipe) : logement "
           "très encombré, prévoir 2 techniciens.\n\nCordialement", "email", True),
    ("de", "Sehr geehrte Frau Doe,\n\nwir kommen am Mittwoch.\n\nNotiz (nur für das Team sichtbar): Wohnung sehr "
           "vollgestellt.\n\nMfG", "email", True),
    ("en", "Hi Jane,\n\nThe tracking page is visible to the team and to you.\n\nThanks", "email", False),
    # a Dutch imperative is the same for "u": said in a line that speaks to the customer formally, it is theirs
    ("nl", "Beste mevrouw Doe,\n\nDe reservering wordt vanzelf vrijgegeven.\nZiet u de reservering na tien dagen nog "
           "staan? Stuur mij dan een bericht via de app, dan zet ik een onderzoek uit.\n\nMet vriendelijke groet",
     "email", False),
    # a colleague left the chat or a task by name, in the informal (two writers, rounds di and dl)
    ("fr", "Bonjour Jane, je regarde ça tout de suite.\n(Sophie je te laisse finir avec elle, je pars en pause déj)\n"
           "Bonne journée !", "chat", True),
    # a note to a department after a rule of dashes; an agent's note run into an SMS, up to where it turns back
    ("it", "Gentile Jane,\nle inviamo oggi quella corretta.\n--- Nota per il reparto spedizioni: controllate lo "
           "scaffale C4, le due catene sono etichettate uguali.\nCordiali saluti", "email", True),
    ("en", "Hi Jane, your laptop is ready for collection. Agent note: charge the £25 diagnostics fee this time, she "
           "talked her way out of it last visit. See you soon!", "email", True),
    ("en", "Hi Jane. Internal note: you can reach us on 0800 123 456.", "email", False),
    # a mail wrapped at 72 columns: the line goes on with the sentence above, it is no drafting note
    ("pt", "Exmo. Sr.,\n\nO orçamento segue por email amanhã até às 10h, assim que o fornecedor nos\nconfirmar o preço "
           "das peças.\n\nCumprimentos", "email", False),
    # a forwarded message telling a colleague to answer the customer themselves, the informal "you" stressed
    ("it", "Gentile Jane,\n\nle inoltro la risposta del titolare.\n\n---------- Messaggio inoltrato ----------\n"
           "Da: Paolo Neri <paolo@serramenti-neri.it>\nOggetto: Re: reclamo\n\nLuca rispondi tu a questa qui, "
           "offrile il 5% e basta.\n\nCordiali saluti", "email", True),
    ("fr", "Bonjour Jane,\n\nvoici la réponse de notre directeur.\n\n---------- Message transféré ----------\n"
           "De : Paul Marin <paul@marin-fenetres.fr>\nObjet : RE: réclamation\n\nKarim, réponds-lui toi, je n'ai plus "
           "la patience.\n\nCordialement", "email", True),
    # an internal label on a summary or a note of a call, a reference that speaks of the customer
    ("nl", "Beste Jane,\n\nHet bedrag is teruggestort.\n\nGesprekssamenvatting (intern): klant boos, dreigt met de "
           "Geschillencommissie.\n\nGroet", "email", True),
    ("es", "Estimada Jane:\n\nLe devolvemos el importe.\n\nResumen de la llamada (interno): cliente enfadado, amenaza con "
           "reclamar.\n\nSaludos", "email", True),
    ("en", "Hi Jane,\n\nYour parcel is on its way.\n\nInternal ref: called 3x, customer very unhappy, goodwill given\n", "email", True),
    ("de", "Sehr geehrte Frau Doe,\n\nUnsere interne Referenz: 4711 (bitte bei Rückfragen angeben).\n\nMfG", "email", False),
    # a reminder to the team in brackets: a state of things and what to do about it; not the customer's reminder
    ("nl", "Hoi Jane! Bij 6 flessen is de verzending gratis.\n(niet vergeten: de korting staat nog uit in de kassa, even "
           "aanzetten!!)", "chat", True),
    ("de", "Hallo Jane, Ihr Termin ist am Montag. [nicht vergessen: Schlüsselcode wurde geändert, Jens kurz informieren]",
     "email", True),
    ("nl", "Beste Jane, uw afspraak is maandag om 10 uur. Niet vergeten: legitimatie meenemen!", "email", False),
    ("en", "Hi Jane, your appointment is on Monday. Don't forget: bring your ID.", "email", False),
])
def test_round_dg_di_classes(lang, text, ctx, found):
    context = _chat(lang) if ctx == "chat" else _jane(lang)
    assert bool(check(text, context)) is found, text


@pytest.mark.parametrize("lang, text, found", [
    # round dr/dt: a reading under its kind's capitalised name, a mailbox footer under a formal letter and the Dutch
    # imperative (the same for "u" and "je") are said to the customer; colleagues warned about "this one again" are not
    ("de", "Sehr geehrte Frau Doe,\nvielen Dank für Ihren Zählerstand (Strom: 48 213 kWh, abgelesen am 31.03.).\nMfG",
     False),
    ("es", "Estimada Sra. Doe:\n\nEl código 429 indica que supera el límite.\n\nAtentamente,\n\nMarina Cabello\n\n---\n"
           "Este buzón no se revisa. Para responder, utilice el portal de soporte (incidencia n.º 88104).", False),
    ("nl", "Hoi Jane! In de editor kunt u gewoon {{voornaam}} typen. Lukt het niet, stuur me dan even een screenshot.",
     False),
    ("it", "Buongiorno Jane, l'acqua calda è stata sistemata ieri sera. (questa è di nuovo quella delle docce, occhio "
           "che poi scrive su Google)", True),
    ("es", "Hola Jane, ya está arreglado. (esta es otra vez la de las duchas, ojo que luego escribe en Google)", True),
    ("nl", "Beste Jane, uw offerte volgt. Sanne, stuur jij me het dossier even door?", True),
])
def test_round_dr_dt_classes(lang, text, found):
    assert bool(check(text, _jane(lang))) is found, check(text, _jane(lang))


@pytest.mark.parametrize("lang, text, found", [
    # round du/dw: the writer's offer as a question, a count in a rule's condition, the driver's field of an app; a
    # count of what the customer did stays a note
    ("nl", "Dag Jane, de tafel staat gepland voor week 18.\n\nZal ik het zo aanpassen?", False),
    ("pt", "Olá Jane, aqui está o PUK.\n\nAtenção: se o PUK for introduzido errado 10 vezes o cartão fica inutilizado, "
           "por isso copie com cuidado.", False),
    ("de", "Hey Jane! Tipp: Unter „Adresse bearbeiten“ kannst du einen Hinweis für Fahrer eintragen, z. B. „Hinterhaus“.",
     False),
    ("it", "Ciao Jane, ti richiamo domani. (ma è lo stesso che ha chiamato 4 volte ieri?)", True),
])
def test_round_du_dx_classes(lang, text, found):
    assert bool(check(text, _jane(lang))) is found, check(text, _jane(lang))
