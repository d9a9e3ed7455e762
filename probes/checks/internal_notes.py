"""Internal notes, staff talk and jokes that reached the customer.

Caught (major): note labels ("Internal:", "[INTERNAL]", "Agent notes:", "Note to self"), instructions
to colleagues ("do not send yet", "don't tell the customer", "FYI team", "@here", "@Tom can you…",
"pls check"), remarks about the customer ("this guy again", "she won't notice"), chat slang jokes
("lol", "lmao", "hahaha", French "mdr", Spanish "jajaja"), editorial marks ("[TBC]", "TODO"), in English, German, French, Spanish,
Italian, Dutch and Portuguese. Free-form notes need no marker: an aside in brackets that names a colleague
and asks them something ("(Sam — can you double-check the amount?)", "(Jens – kannst du das prüfen?)"),
a drafting note in brackets ("[insert tracking link]", "[need manager OK]", "(check amount w/ finance)",
"[Link einfügen]", "[à vérifier]", "(confirmar fecha con almacén)"), "<<check wording>>" and "xx confirm
date xx", "ADD AMOUNT HERE", the writer's doubt or source in brackets ("(not sure about this amount??)",
"[verify]", "(copied from the last ticket)"), a postscript or "FYI" to a named colleague ("PS Maria: …", "FYI Kerry - …",
"(note for Dave: …)"), an aside about the customer in the third person ("(customer has already called
twice)", "(ojo: esta clienta ya se quejó)"), questions to colleagues ("can someone check…", "anyone know
if…", "Kann das jemand prüfen?"), holding the reply back ("not sending this until Mark signs off"), a
drafting note on a line of its own ("check wording"), remarks about "her" in a reply to "you" ("she's been
a right pain", "just give her the voucher so she goes away"), and shorthand about the customer ("PITA",
"the usual moaner", "this one is a nightmare", "Nervensäge", "rompiscatole", "zeurpiet"). Without any fixed phrase, staff talk is weighed by its evidence: an
aside or a line that speaks of the customer in the third person ("her", "cust", "Cx", "der hat", "qu'elle",
"la solita del…", "rispondile", "ojo que este…") and not to them, plus something only staff say — it keeps
happening ("fourth email this week", "schon 3x", "4e fois"), staff work (tickets, escalation, shifts, L1, TL,
sign-off, Kulanz), an order or a question to colleagues ("on clôture ?", "no le demos…", "bitte nicht wieder"),
or mockery ("got nothing else on", "got rid of this one"); a line or a chat message (after its "Lewis: "
speaker) that opens with a colleague's name and asks them something ("Marta, this one needs your sign-off
before it goes", "Luca, puoi controllare…?"); a colleague tagged and asked ("@Priya can u grab this one?"); a
postscript that orders a colleague ("PS Gaz bring the big wrench"); notes for a team or level ("Notiz für
2nd Level:", "NB interne :", "Obs. interna:", "Handover for US shift:"); a reminder about the sending itself
("remember to close 4471 after sending"); a sentence that breaks off into a drafting question ("from our —
check whether Leeds or Bristol has it??"); a colleague's signed comment ("(bit strong? — Dan)"); asides that
run on to the next line; and, in a "> " block nobody is named as writing, a remark about the customer that
does not speak as the customer ("> PITA tenant, check …"). Told by structure (round h): a label with its writer
("Internal comment (Priya):"), a note for a role in any bracket ("{Nota para el agente: …}"), an order about the macro
itself ("borrar este párrafo si …", "poi togliere", "alleen gebruiken als klant …"), a named colleague asked in the
note style of infinitives ("chiedere a Davide se …", "rever c/ o Nuno"), a colleague named first without a comma
("(Kev can u …)", "Karim tu peux … stp ?") or with an informal "tu" in a formal reply, a shift's label ("Turno noche:"),
an aside never closed, a forwarded colleague's "pode responder q …", and a set-apart passage with two kinds of
evidence: the customer as "she"/"ze hoort" with nobody else the pronoun could stand for, a negated infinitive order
("no darle precio"), chat shorthand ("q", "x", "ipv", "pls"), a passage in another language than the reply, other
chats or a lunch break ("kun jij chat 3 overnemen?"), moaning or candour ("na real vai demorar mais"). Told by grammar rather than phrase: a subjectless approval note ("OK'd by
Sarah", "Genehmigt von Jens"), an order opening a clause not to promise or mention something ("don't promise a date",
"kein Datum zusagen"), a shorthand case note with two kinds of staff evidence ("cust called 3x, esc to T2"), a sentence
about the customer weighed by kinds of evidence, a sentence turning to a colleague by name about the case, a macro's
"[Agent: …]", a note for a team, a drafting aside between dashes, a lower-case afterthought ("maybe reword"). Staff talk inside a forwarded or quoted colleague's message counts
(there, talk *about* the customer — "she", "him", "the customer" — is enough): that is how reply
chains leak.

Told by structure (round l/m): a note addressed to a department or role of the company, in brackets or on a line
("(Nota para recepción: …)", "Hinweis an die Buchhaltung:", "[Note pour l'atelier : …]"; not the customer's own
department, "Opmerking voor uw boekhouding:", nor a note for the driver, which customers write); a postscript to a
colleague named with no comma, in any case ("ps Kev this is the one with …, don't refund …"), that goes on about the
customer or orders something; asking again counted ("her 3rd free-month request"), a negation shouted at a
colleague ("NO credit", "KEIN Gutschein") and the standard script in shorthand about the customer; the customer, in
the third person, keeping something back ("y no lo dijo", "hat sie nicht gesagt", "il l'a pas dit", "non l'ha
detto": in Spanish, Italian and Portuguese only where the reply says "tú"/"tu"), after an attention word ("OJO subir
presupuesto, … y no lo dijo"); an agent's chat message sent before the one that greets the customer, that speaks
to nobody and has two points of staff evidence ("[14:02] Callum: cx on her 3rd request, just give std script").

Told by structure (rounds an/ao/ap): a handover to a named colleague ("Übergabe an Sabine:", "Traspaso a Nuria:") or a
bare "Handover:" below the signature; a block above the letter that greets a colleague ("Hi Tom, I've drafted the reply
below …") or asks one by name ("… - Kim can you sanity check before this goes?"); a macro's label with its name
("[Textbaustein Widerruf – NUR verwenden, wenn …]"); a private note or a chat whisper in any language ("[Note privée –
Sonia]", "(fluister van Ilse: …)"); a postscript to a colleague in brackets ("(ps per Marco: …)"); what to check with
a named colleague in a note's infinitive ("NB verificare disponibilità furgone con Sandro!!", "[check slot w/ Dean b4
sending]", "Micha fragen!"); a comment after "//" ("//pendiente confirmar con almacén"). Not a joke about the customer:
a laugh with them at someone else's blunder ("lol yeah the courier screwed up"), which tone judges.

Rounds aq/ar/as: a postscript to a colleague in a chat message, after its speaker ("Megan (Customer Care): PS Dan - I've
already given her the 10%, …"); a remark for a named colleague by any note word ("Obs. para a Carla: …", "Anmerkung
für Jens: …"); "check w Sam" as "w/"; a line that names a colleague with a dash and asks them about the reply's own
sending ("Hamza - …, change it if not before sending"); German with the verb before the customer ("die Gutschrift hat
er schon bekommen"); an aside opened in confidence with an order or the customer in it ("(between us - …, do NOT admit
liability …)"); a colleague named and told with an emphatic informal "you" ("(Giulia rispondi tu …)"); "encore elle"
opening a sentence with rolled eyes or the same thing again. Not a colleague: a pronoun opening a postscript ("P.S. Je
hoeft …"), an imperative before "please" and its object ("Revisa por favor que los nombres …"), customers as a
heading's addressee ("Obs. para Clientes Empresariais:").

Round at: below the sign-off (or a "--" line; without either, in the last paragraph), each line read in its " - "
parts so a footer's tail stands alone: the customer in the third person with staff evidence besides ("mike - she's been
on the phone 3 times today, careful"), a ticket order ("reassign to billing", "chiudere il ticket", "Ticket schließen"),
a reminder in the infinitive ("não esquecer de", "nicht vergessen", "ne pas oublier de"), a colleague named with a colon
or dash and asked about the case ("Anna: did we ever get the photos?"); mid-reply, a sigh about "this customer" ("Ugh
this customer.", "Pff, diese Kundin."). Not: slogans ("the customer comes first"), how-tos ("Per chiudere il ticket
…"), headings of a footer's questions ("Questions: …?"), anything said to "you".

Round aw: a colleague named at a line's head in a reply that names the customer, asked in the informal and told the
writer cannot find it ("Ana, sabes se o técnico já foi? Não encontro o relatório"), asked what "we" do or who is on call; a handover with its shift ("Übergabe Frühschicht:"); a colleague's
chat line stamped with time and writer, pasted above a reply that has none; "the same one who called"; "- Sam pls …";
"(Dani: llámala …)"; news kept back until someone else calls ("dice di non accennare … finché non la chiama lui");
"Freigabe TL ok"; "pregúntale a Raúl antes de mandar"; "bozza – …" above the greeting; "pfff weer die klant van
gisteren"; "same issue as 4471 - merge?"; in brackets, what she was told forgotten, the text's source ("tekst uit
standaardmail"), what really happens with a shrug, a case closed as solved though it is not, the standard goodwill and
no more; a reminder of the company's own bookkeeping ("Nicht vergessen: Gutschrift in SAP buchen", "Mahnstopp setzen").

Round ba: a paragraph above the letter's greeting that opens with a colleague's name and asks ("Priya - ok to send
this?") or asks in the informal "du"/"jij" above a formal letter; a row of the ticket system's fields ("Tags:
churn_risk, bill_shock · Assigned: k.moss"); a doubt about the reply's own tone ("klinkt dit niet te bot?", "da
rivedere il tono, forse troppo duro", "à reformuler ?"); after the sign-off, the customer's contacts counted with an
order or a heads-up ("— ojo, 5 llamadas hoy, si vuelve a llamar pásamela"); when to use a template or to whom only to
send it ("[Baustein nur verwenden, wenn …]", "[enviar SOLO a pacientes con cita confirmada]"); a colleague asked after
a dash in an aside, or with an emphatic "tu" ("Simo mi dici tu se …", "vê tu Sofia que …") in a reply that never
says "tu" to the customer; "3e fois qu'il …" in an aside.

Round bg: a row of CRM or agent-assist ratings of the customer ("Sentiment: NEGATIVE 0.91 | Churn risk: HIGH", "Risicoscore
12/100 | Vlag: …"); a reviewer's bracketed comment headed by initials ("[MK: viel zu unterwürfig, … raus]"); an HTML comment;
staff words for letting the text go out ("NICHT rausschicken bevor …"); a colleague named in brackets and told in the
informal imperative or what must be done to the replies ("(Ale: controlla che …)", "(Nacho: hay que quitar el banner …)");
a colleague asked in the Spanish, Italian, Portuguese "we" ("Marta, ¿le mandamos …?"); "ver com a Joana se …"; a groan
typed between sentences to the customer in lower case, run on to the next ("mamma mia questo qui non ha nemmeno letto il
manuale, … per la terza volta Poi attenda …", "zucht, weer deze meneer"); a lower-case @mention asking a colleague in the
informal in a reply formal to the customer ("@jonas kannst du mal gucken …?"); in an aside, what to check before sending
("confirmar antes de mandar!!") or a case to flag to Risk or Fraud; the customer on a watch list ("ficar de olho nesta
cliente"); a warning not to mix up two customers ("zwei Mails an zwei Damen …, nicht verwechseln!!"); a draft's version
and reviewer above the greeting ('… – v3, a Sofia já reviu'). Round be: a laugh with the customer, called by their name
with a laughing face ("Jajaja … 😂 tranqui Carmen"), is manner, which tone judges.

Rounds bl/bm: in a reply formal to the customer, an informal order to tell them something in the third person ("sag
ihm, …", "dile que …", "dis-lui …", "bel haar …"), or an informal "can you" about their things ("vê lá se consegues o
nº do contrato dela"), a colleague's quoted message too; a colleague named in an aside and told what to check, with
the writer's own clause after it ("(Vale, controlla se il furgone è libero il 20, io non ci sono)": Italian "ci" before
"to be" is "there", not "us"); a paragraph above a chat's greeting, which runs on into the answer, with three kinds of
staff evidence ("ojo, este ya ha reclamado tres veces …, no le prometas fecha"); a whole chat message between staff in
a reply that neither greets nor names the customer, speaking of them by their room or table ("quello della 12"), as the
same one as yesterday, handed over ("te lo passo io") or with a sigh. Not a colleague: a yes or a no opening an answer
("Oui, elle existe en 180 cm", the table); French "du" is no emphatic "tu".

Rounds bn/bo: in a reply formal to the customer, an informal "can you" about where or with whom the customer is, a
pronoun after a preposition ("ob der Port bei dem schon durch ist?", "chez elle", "bij haar"); a colleague named in
an aside by title and surname with a colon and told or asked something ("(Frau Krüger: bitte noch … anhängen)"; not
a contact the letter names elsewhere); a reminder to self in an aside about the company's own supplies, with two of
its stock run out, a supplier to fetch from, chat shorthand ("(dont forget 22mm fittings, van stock out - get from
Plumbase Mon)"); the customer called a pest as the one from an earlier contact ("este es el pesado de la semana
pasada", "o chato de ontem", "der Nervige von gestern"); the customer pointed at as a member or subscriber in a
colleague's forwarded message ("Ojo que esta socia ya intentó lo mismo …").

Round bq: a to-do jotted into the reply in the infinitive, with no subject, to check something with a department, a
colleague or the stock, with what is still open or a to-do word ("Nog even checken bij magazijn of dit echt klopt!!",
"noch kurz mit dem Lager abklären, ob …", "comprobar con almacén si …", "still need to check w/ warehouse if …"; not
"we checken het bij het magazijn", "Please check with your bank whether …"); a banner closed on both sides run into a
line, or single braces, judged as one on a line of its own ("You can follow the parcel here: >>>paste DPD link once
warehouse sends it<<<", "{insert tracking number}"; not one that says where the customer puts something: ">>> paste
your order number in the form <<<", ">>> coller le code promo au moment du paiement <<<").

Round bu: in a chat transcript, a line said by a staff role the customer never talks to ("Supervisor (Mark):",
"Teamleitung (Frank):", "[Superviseur]", "Teamleider:") that does not speak to the customer and carries staff evidence
(not one that greets them or says "you"); a macro's instruction label heading a line ("AGENT INSTRUCTIONS -",
"ISTRUZIONI OPERATORE:"); an infinitive of putting something in, in square brackets ("[poner aquí el de Seur cuando
…]", "[COLOCAR PRAZO …]"); a reminder's label in capitals or an aside with a to-do on the company's records ("NICHT
VERGESSEN: Termin noch im SAP eintragen", "(lembrete: confirmar comparticipação …)"); an aside opening with what is
pending and giving an order ("(pendiente presupuesto, NO llamar …)"); a colleague agreeing to the aside's order ("…,
Mark is akkoord)"); a colleague named first and asked in chat shorthand about "the customer" ("Rafa vc sabe se …? … pra
cliente"). Not: a postscript's noun the reply writes in lower case elsewhere ("P.S. Points don't expire …"), Spanish
and Portuguese "TODO" (all) in capitals, a title's abbreviation cutting a sentence ("… de M. Bertin a été clôturé").

Rounds cf/cj/cl/cm, told by structure: an "internal" label run into a line after a sentence, a link, a bracket or a
chat's speaker, a "#intern" tag, a "/interno" command, an "###INTERN###" banner ("… zugestellt. INTERN Dispo: …",
"[uso interno: …]", "Obs. interna: …"); a chat message an apology for the wrong chat owns up to ("sorry wrong window",
"ese mensaje no era para ti", "scusi, messaggio sbagliato"); a helpdesk's note command ("/note …", "/nota …"); a word
processor's review comment with its anchor ("…[SK1]" and "[SK1]Sabine Kühn: …"); a forwarded message between staff
whose receiver is the reply's writer, shares the sender's mail domain or is called by name at its head; an aside in
brackets, stars, chevrons or after "//" with two kinds of staff evidence of its own (a colleague or role heading or
signing it, the text as a template or copy, a note-style order, the customer in the third person, a shouted word,
staff shorthand: "(Kevin : plaquettes AR à prévoir, lui proposer …)", "[bozza v2 - prezzo da confermare con
marketing]", "<<dbl check bay 2 is free w/ Steve b4 sending>>").

Left alone: the customer's own quoted message; code samples; ordinary uses of the words
("our internal tracking number", "an internal review", "please do not send your card details
by email", "we have added a note to your account", "Note: we are closed on Monday",
"Follow us @AcmeShop", Dutch "veel lol", the "LOL Surprise" toy range); brackets written for the
customer (any "you"/"your"/"Ihr"/"votre" in them, "(to be confirmed)", "(awaiting stock)", "(Tom, Maria
and Sam)", "(Jane, can you …)"), a postscript to the customer ("PS Don't forget …"), "waiting is a
nightmare", PITA bread, and brackets inside a quotation; a third person who is not the customer ("(he covers
your area)", "the courier said he tried twice"), a named colleague introduced to the customer ("I've copied in
Aisha (cc'd). Aisha, can you …"), "TODO list" in a to-do app, a friendly "lol" with a smiley to the customer by
name (tone judges that), "before sending" said to the customer ("Pack the item securely before sending.").
"""
from __future__ import annotations

import re
import threading
from functools import lru_cache

from ..results import Finding
from . import addressee, profanity
from ._text import _HEADER_FROM, FOREIGN, OWN, QUOTE, above_signature, fold, persona_words, read, snippet
from .placeholders import is_field

CHECK = "internal_note"

# What may follow a "do not send"-like instruction for it to be one (and not "do not send us your card").
_STOP_AFTER = (r"(?=\s*(?:$|[.!:)\]\-–—]|yet\b|out\b|until\b|before\b|bevor\b|ehe\b|avant\b|antes\b|prima\b|"

               r"voordat\b|totdat\b|enquanto\b|sin\s+que\b|finch[eé]\b|encore\b|noch\b|ancora\b|todav[ií]a\b|nog\b|"
               r"ainda\b|to (?:the )?(?:customer|client)\b|this\s*(?:$|[.!:)\]\-–—]|yet\b|out\b|reply\b|email\b|"
               r"message\b|one\b|to\b)|au client|an (?:den )?kunden|al cliente|naar (?:de )?klant|ao cliente))")

_LABEL = "label"
_STAFF = "staff"
_JOKE = "joke"
_DRAFT = "draft"

_MACRO_ROLE = (r"(?:agents?|operators?|advisors?|advisers?|reps?|csr|staff|agente|agentes|operatore|operatrice|operatori|"
               r"operador(?:a|es)?|atendente|atendentes|mitarbeiter(?:in|innen)?|sachbearbeiter(?:in)?|medewerkers?|"
               r"conseill(?:er|[eè]re|ers)|teleoperador(?:a|es)?|asesor(?:a|es)?)")
_INSTRUCTION = (r"(?:instructions?|instru[cç][cç]?i[oó]n(?:es)?|instru[cç](?:[aã]o|[õo]es)|istruzion[ei]|anweisung(?:en)?|"
                r"instructies?|consignes?|richtlijnen)")
PATTERNS: list[tuple[str, re.Pattern]] = [
    # A macro's instruction to the agent heading a line, left in: "AGENT INSTRUCTIONS - use ONE of the two paragraphs
    # below", "ISTRUZIONI OPERATORE: se il cliente ha P.IVA, …", "Instrucciones para el agente: …" (not "Instructions
    # for use:", which are the customer's)
    (_LABEL, re.compile(
        rf"^[\s\[(*_#>]*(?:{_MACRO_ROLE}\s*[\-–]?\s*{_INSTRUCTION}|{_INSTRUCTION}\s+(?:(?:to|for|f[üu]r|an|pour|para|"
        rf"per|voor|aan|al|ao|à|a)\s+)?(?:(?:the|den|die|le|la|l['’]|el|il|lo|l'|de|het|o|a|os|gli|les)\s*)?{_MACRO_ROLE})"
        r"\s*[\])*_]*\s*[:\-–—]\s*\S.*$", re.I | re.M)),
    # Labels at the start of a line: "Internal:", "[Internal note] –", "**Agent notes:**"
    (_LABEL, re.compile(
        # after a chat turn's speaker too: "Marta - Iberlínea: nota interna: pasajero Oro, no aplicar …"
        r"^\s*(?:(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?-i:[A-ZÀ-Þ])[\w.'’\-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w.'’\-]*){0,2}"
        r"(?:\s*\([^()\n]{1,40}\)|\s+[-–—|]\s+(?-i:[A-ZÀ-Þ])[\w.'’\-]*(?:\s+[\w.'’\-]+){0,2})\s*:\s+)?"
        r"[\[(*_#>\-]*\s*(?:internal(?:\s+(?:note|notes|comment|comments|only|memo|use(?:\s+only)?))?|"
        r"private\s+notes?|notes?\s+priv[ée]es?|notas?\s+privadas?|nota\s+privata|private?\s+notiz|"
        r"priv[ée]\s*notitie|agent\s+(?:notes?|comments?)|"
        # a helpdesk's private comment: "Private comment by Sam:", "Commento privato di Simona Rinaldi:", "Comentario
        # privado de Ana:", "Commentaire privé :", "Privater Kommentar von Jens:", "Privé opmerking:"
        r"private\s+comments?|commento\s+privato|commenti\s+privati|coment[aá]rios?\s+privados?|"
        r"commentaires?\s+priv[ée]s?|private[rn]?\s+kommentar|priv[ée]\s*(?:opmerking|commentaar)|"
        r"staff\s+(?:notes?|only)|admin\s+notes?|note\s+to\s+(?:self|agent|agents|team)|"
        r"intern|interno|interna|interne?\s+notiz|interner\s+vermerk|note\s+interne|nota\s+interna|interne\s+notitie|"
        r"interne\s+(?:opmerking|aantekening|notities)|interne[rn]?\s+(?:kommentar|hinweis|notizen)|"
        r"uso\s+interno|usage\s+interne|intern\s+gebruik|solo\s+uso\s+interno|nur\s+intern|"
        r"(?:nb|n\.b\.|obs\.?|observa[cç](?:[aã]o|[õo]es)|remarques?|opmerking(?:en)?|anmerkung(?:en)?|memo|commentaires?|"
        r"comments?|commento|commenti|coment[aá]rios?|kommentare?|vermerk|notes|notas|notitie|notities|notizen?)\s+"
        r"(?:interne?s?|internas?|internos?|interni|intern)|"
        # Shift handover notes: "Handover for US shift:", "Schichtübergabe:", "Passation à l'équipe du soir :"
        r"(?:shift\s+)?hand-?over\s+(?:notes?|(?:for|to)\s+(?:the\s+)?[\w\s]{0,20}?(?:shift|team|colleagues?|"
        r"agents?))|schicht[üu]bergabe|[üu]bergabe\s+an\s+(?:die\s+)?\w*schicht|"
        # the shift named right after the handover: "Übergabe Frühschicht:", "Handover night shift:", "Traspaso turno
        # tarde:", "Passaggio turno sera:", "Overdracht avonddienst:", "Passagem turno noite:", "Passation équipe du soir :"
        r"(?:hand-?over|[üu]bergabe|traspaso|passaggio|overdracht|passagem|passation)\s+(?:\w+\s+)?(?:\w*schicht|shift|"
        r"turno|\w*dienst|\w*ploeg|[ée]quipe)(?:\s+(?:du\s+|de\s+|di\s+|da\s+)?\w+)?|passation(?:\s+[àa]\s+l'[ée]quipe"
        r"[\w\s]{0,20}?)?|traspaso\s+(?:de\s+turno|al\s+turno[\w\s]{0,20}?)|passaggio\s+(?:di\s+)?consegne|"
        r"(?:dienst|shift)overdracht|passagem\s+de\s+turno)"
        # whose note it is: "Internal comment (Priya):", "Interne Notiz von Jens:"; whom it is for: "nota interna x
        # backoffice:", "internal note for billing:", "interne Notiz an die Buchhaltung:"
        # (the writer's whole name too: "Commento privato di Simona Rinaldi:")
        r"(?:\s*\([^()\n]{1,30}\)|\s+(?:(?:added|aggiunt[ao]|ajout[ée]e?|añadid[ao]|hinzugefügt|toegevoegd|adicionad[ao])\s+)?"
        r"(?:by|from|von|de|par|da|di|van|door|por)\s+(?-i:[A-ZÀ-Þ][\w.]*)"
        r"(?:\s+(?:(?:van|von|de|der|den|da|di|del|dos|das|la|le)\s+){0,2}(?-i:[A-ZÀ-Þ][\w.]*))?"
        # (a date or a time after the writer: "door Kees van Dam, 14-05 10:12")
        r"(?:\s*,?\s*\d{1,2}[./-]\d{1,2}(?:[./-]\d{2,4})?(?:\s+\d{1,2}[:.]\d{2})?)?|"
        r"\s+(?:for|to|f[üu]r|an|pour|para|per|x|p/|voor|aan)\s+(?:the\s+|die\s+|den\s+|le\s+|la\s+|l'|el\s+|il\s+|"
        r"o\s+|a\s+|de\s+|het\s+)?@?[\w.'’\-]+(?:\s+[\w.'’\-]+)?)?"
        r"\s*[\])*_]*\s*[:\-–—]",
        re.I)),
    # A note addressed to a team or a support level: "--- Notiz für 2nd Level: …", "Note for billing team:"
    (_LABEL, re.compile(
        r"(?:^|[\-–—*\[(]\s*)(?:notiz|note|notes|nota|memo|notitie|hinweis|remarque|opmerking|info)\s+(?:für|fur|for|to|pour|"
        r"para|per|voor|aan|an|p/|x|pr)\s*(?:the\s+|den\s+|die\s+|das\s+|le\s+|la\s+|l'|el\s+|il\s+|de\s+|het\s+|o\s+|a\s+)?"
        r"(?:\d(?:st|nd|rd|th|e|er|º)?\s*level|level\s*\d|l\d|tier\s*\d|(?:\w+\s+)?(?:team|shift|agents?|colleagues?|"
        r"kolleg\w*|backoffice|back\s+office|billing|finance|ops|supervisor|manager|schicht|[ée]quipe|equipo|"
        r"squadra|collegh\w*|colleg[ae]|equipa|collega'?s|afdeling|abteilung|service\s+\w+))\b[^:\n]{0,20}:", re.I)),
    (_LABEL, re.compile(r"\[\s*(?:internal|intern|interne?|interno|interna|private|note\s+priv[ée]e|nota\s+privada|"
                        r"nota\s+privata|private\s+notiz|priv[ée]\s*notitie|staff\s+only|agent\s+only|"
                        r"not\s+for\s+(?:the\s+)?customer)[^\]\n]{0,40}\]|\[\s*(?:int|note|nb|placeholder|draft|todo|tk)\s*:[^\]\n]{3,200}\]",
                        re.I)),
    # A chat's whisper, the staff-only message of a chat tool, pasted in: "(fluister van Ilse: …)", "Whisper from Sam:".
    (_LABEL, re.compile(r"(?:^|[\[(]|:\s)\s*(?:whisper(?:ed)?|fluister(?:bericht)?|gefluisterd|fl[üu]ster(?:n|nachricht)?|"
                        r"chuchot(?:ement|[ée])|susurro|sussurro|sussurrat[oa])\s+(?:from|by|to|van|door|aan|von|an|de|"
                        r"da|à|a|para|per|por)\s+@?(?-i:[A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*[:\-–—]", re.I)),
    # … or its private message or whisper in square brackets, to a role or a name: "[susurro a supervisor] ¿le puedo
    # hacer el cambio gratis?", "[Message privé à Julie] je la garde ?", "[whisper to TL] …", "[private note]"
    (_LABEL, re.compile(r"\[\s*(?:whisper(?:ed)?|susurro|sussurro|chuchotement|fl[üu]ster\w*|fluister\w*|private\s+(?:message|note|"
                        r"comment)|message\s+priv[ée]|mensaje\s+privado|messaggio\s+privato|mensagem\s+privada|"
                        r"privatnachricht|priv[ée]\s*bericht|dev(?:eloper)?\s+note)\b[^\]\n]{0,40}\]", re.I)),
    # a developer's or a tester's note heading a line: "DEV NOTE: remove [BETA] from the subject line before go-live"
    (_LABEL, re.compile(r"^\W*(?:dev(?:eloper)?|qa|test(?:er)?|entwickler|d[ée]v(?:eloppeur)?|desarrollo|sviluppo|"
                        r"ontwikkelaar|desenvolvimento)\s+(?:note|notiz|hinweis|nota|notitie|remarque)\s*:", re.I | re.M)),
    (_LABEL, re.compile(r"\b(?:for\s+internal\s+use(?:\s+only)?|internal\s+use\s+only|internal\s+only|staff\s+only|"
                        r"not\s+for\s+(?:the\s+)?(?:customer|client)s?(?:'s)?(?:\s+eyes)?|not\s+customer[- ]facing|"
                        r"not\s+(?:visible|shown)\s+to\s+(?:the\s+)?(?:customer|client)s?|"
                        r"nur\s+f[üu]r\s+den\s+internen\s+gebrauch|nur\s+intern|usage\s+interne\s+uniquement|"
                        r"solo\s+(?:para\s+)?uso\s+interno|alleen\s+intern|apenas\s+uso\s+interno|"
                        # a helpdesk's own words for a note only the team sees: "Note (visible uniquement par
                        # l'équipe) :", "Notiz (nur für das Team sichtbar):", "(alleen zichtbaar voor medewerkers)"
                        r"visible\s+only\s+(?:to|by)\s+(?:the\s+)?(?:staff|team|agents?)|"
                        r"visible\s+(?:to|by)\s+(?:the\s+)?(?:staff|team|agents?)\s+only|"
                        r"visible\s+(?:uniquement|seulement)\s+(?:par|pour|à)\s+(?:l['’]\s*[ée]quipe|les\s+agents|"
                        r"le\s+personnel)|nur\s+f[üu]r\s+(?:das\s+)?(?:Team|Mitarbeiter\w*|Agenten)\s+sichtbar|"
                        r"solo\s+visible\s+para\s+(?:el\s+)?(?:equipo|agentes|personal)|"
                        r"visible\s+solo\s+para\s+(?:el\s+)?(?:equipo|agentes|personal)|"
                        r"alleen\s+zichtbaar\s+voor\s+(?:medewerkers|het\s+team|collega['’]?s)|"
                        r"vis[íi]vel\s+apenas\s+(?:para|pela)\s+(?:a\s+)?(?:equipa|equipe))\b", re.I)),
    # A macro's instruction to the agent: "[Agent: choose A or B]", "{Note to agent: …}", "[delete as appropriate]";
    # the note "of" the agent or with no word between ("[nota agente: …]", "[nota del operador: …]", "(note agent : …)").
    (_LABEL, re.compile(r"[\[{(]\s*(?:(?:(?:note|nota|notiz|hinweis|notitie|remarque|nb|instructions?|instrucci[oó]n|"
                        r"istruzion[ei]|instru[cç][aã]o)\s+(?:(?:to|for|para|pour|f[üu]r|per|voor|aan|an|p/|x|al|ao|à|a|"
                        r"del|de|des|dello|do|da|van|of)\s+|dell['’]\s*|d['’]\s*)?"
                        r"(?:the\s+|el\s+|la\s+|l'|le\s+|il\s+|lo\s+|den\s+|die\s+|de\s+|het\s+|o\s+|a\s+|os\s+|los\s+|"
                        r"les\s+|gli\s+)?)?(?:agents?|reps?|advisors?|advisers?|csr|operators?|"
                        r"agente|agentes|mitarbeiter\w*|medewerker|atendente|operatore|operatrice|operador[a]?|"
                        r"asesor[a]?|gestor[a]?|conseill\w+|sachbearbeiter\w*|berater\w*|consulente|teleoperador[a]?)"
                        r"(?:\s+(?:note|notes|only|instructions?))?\s*:[^\]}\n]{3,200}|(?:choose|pick|select|delete|"
                        r"remove|keep)\s+(?:one|option|as\s+appropriate|whichever|the\s+(?:right|correct|relevant)"
                        r"\s+(?:option|one|paragraph|line))[^\]}\n]{0,120})[\]})]", re.I)),
    (_LABEL, re.compile(r"\b(?:note|reminder|memo)\s+(?:to|for)\s+(?:self|myself|me)\s*:|\b(?:note|reminder)\s+to\s+self\b|\bnotiz\s+an\s+mich\b|\bnote\s+pour\s+moi\b|"
                        r"\bnota\s+para\s+m[ií]\b|\bpromemoria\s+per\s+me\b|\bnotitie\s+voor\s+mezelf\b", re.I)),
    (_LABEL, re.compile(r"\[(?:TBC|TBD|TODO|CHECK|CONFIRM|VERIFY)\b[^\]\n]{0,60}\]|\bFIXME\b|"
                        # "TODO: …", "TODO check price", a lone "TODO" — not the "TODO list" of a to-do app
                        # … nor a to-do given to the customer ("TODO on your side: have your account number")
                        # … nor a thing's name in a product: a "#TODO" tag, "the TODO column", "a TODO label"
                        # … nor a keyword the customer types: "anything you tag with TODO", "type TODO"
                        r"(?<![\"“'#])(?<!(?i:\bwith\s))(?<!(?i:\btype\s))(?<!(?i:\bwrite\s))\bTODO\b"
                        r"(?!\s+(?i:on|for|at)\s+(?i:your|you)\b)(?:\s*[:\-–—(!]|\s*$|\s+(?!(?i:list|lists|liste|listen|lijst|lista|"
                        r"app|apps|items?|tags?|labels?|columns?|status|folders?|filters?|boards?|categor(?:y|ies)|sections?)\b)\w)")),
    # A German office's note label opening a bracket: "(Anm. SB: Frist intern …)", "[Vermerk: …]", "(Aktennotiz: …)"
    # (a plain "Anmerkung:" or "Vermerk:" may be written for the reader: only with its writer's initials or role)
    (_LABEL, re.compile(r"[\[(]\s*(?:(?:Aktenvermerk|Aktennotiz|Randvermerk)(?:\s+(?-i:[A-Z]{1,4}))?|(?:Anm\.|Anmerkung|"
                        r"Vermerk)\s+(?:(?-i:[A-Z]{1,4})|Sachbearbeit\w*|SB|intern|Bearbeiter\w*))\.?\s*:\s*\S[^\])\n]{2,300}[\])]")),
    # A to-do label in capitals opening a bracket: "[PENDIENTE: confirmar importe con Javi …]", "(PRÜFEN: …)"; not a
    # status told to the customer in small letters ("(pendiente de envío)"); a status label ("PENDING:") only before an
    # order to check or ask ("(PENDING: refund approval)" may be a system's summary)
    (_LABEL, re.compile(r"[\[(]\s*(?:(?:À FAIRE|A FAIRE|DA FARE|TE DOEN|TO DO|POR HACER|A FAZER|TBC|TBD|CHECK|CHECKEN|PRÜFEN|"
                        r"À VÉRIFIER|VERIFICAR|VERIFICARE|NAKIJKEN)\s*[:\-–—]\s*\S|"
                        r"(?:PENDIENTE|PENDENTE|PENDING|OFFEN|EN ATTENTE|IN SOSPESO)\s*[:\-–—]\s*(?i:confirm|check|verif|"
                        r"ask|chase|confirmar|verificar|revisar|comprobar|preguntar|consultar|prüfen|klären|nachfragen|"
                        r"vérifier|confirmer|demander|verificare|confermare|chiedere|controllare|checken|navragen|"
                        r"nakijken|bevestigen|conferir|perguntar))[^\])\n]{2,200}[\])]")),
    # Instructions to colleagues.
    (_STAFF, re.compile(r"\b(?:do\s+not|don't|dont|pls\s+don't|please\s+don't|never)\s+send\b" + _STOP_AFTER, re.I)),
    # (and the words staff use for letting a text go out: "NICHT rausschicken bevor Tourenplan steht!", "don't put
    # it live yet", "ne pas mettre en ligne avant validation", "niet live zetten voor …", "não disparar ainda")
    (_STAFF, re.compile(r"\b(?:nicht\s+(?:senden|versenden|abschicken|weiterleiten|rausschicken|raussenden|rausgeben|"
                        r"raushauen|live\s+(?:schalten|stellen))|ne\s+pas\s+(?:envoyer|transmettre|mettre\s+en\s+ligne)|"
                        r"no\s+(?:enviar|mandar)|non\s+(?:inviare|mettere\s+online|mandare\s+fuori)|"
                        r"niet\s+(?:versturen|verzenden|sturen|live\s+zetten|online\s+zetten)|"
                        r"n[ãa]o\s+(?:enviar|disparar))\b" + _STOP_AFTER, re.I)),
    # … shouted, with its condition: "NO ENVIAR hasta tenerlo!!", "NICHT SENDEN bis Jens ok gibt", "NÃO ENVIAR sem o OK"
    (_STAFF, re.compile(r"(?-i:\b(?:NO\s+(?:ENVIAR|MANDAR)|NON\s+(?:INVIARE|MANDARE)|NE\s+PAS\s+ENVOYER|NICHT\s+(?:SENDEN|"
                        r"VERSENDEN|ABSCHICKEN|RAUSSCHICKEN)|NIET\s+(?:VERSTUREN|VERZENDEN|STUREN)|N[ÃA]O\s+(?:ENVIAR|MANDAR)|"
                        r"DO\s+NOT\s+SEND|DON'?T\s+SEND))\b(?=\s*(?:$|[.!:)\]\-–—]|(?i:hasta|until|till|before|antes|bis|bevor|"
                        r"tot|voordat|até|avant|jusqu|prima|finch[eé]|sin|sem|senza|sans|ohne|zonder|without|yet|todav[ií]a|a[úu]n|"
                        r"noch|nog|ainda|ancora|encore)\b))")),
    (_STAFF, re.compile(r"\b(?:do\s+not|don't|dont|never)\s+(?:send\s+(?:this\s+|it\s+)?out|(?:put|push)\s+(?:this\s+|it\s+)?"
                        r"live|go\s+live)\b" + _STOP_AFTER, re.I)),
    (_STAFF, re.compile(r"\b(?:don't|do\s+not|dont|never|no\s+need\s+to)\s+(?:tell|inform|mention\s+(?:this|that|it)\s+to)"
                        r"\s+(?:the\s+|this\s+)?(?:customer|client|him|her|them)\b|"
                        r"\b(?:customer|client)\s+(?:doesn't|does\s+not|don't|do\s+not)\s+need\s+to\s+know\b|"
                        r"\b(?:he|she|they)\s+(?:won't|will\s+not|will\s+never|never)\s+(?:notice|know|find\s+out)\b|"
                        r"\bnicht\s+dem\s+kunden\s+(?:sagen|erz[äa]hlen)\b|\bne\s+(?:rien\s+)?dis\s+(?:rien\s+)?au\s+client\b|"
                        r"\bno\s+(?:le\s+)?digas\s+(?:nada\s+)?al\s+cliente\b|\bnon\s+dirlo\s+al\s+cliente\b|"
                        r"\bniet\s+(?:aan\s+)?(?:de\s+)?klant\s+(?:vertellen|zeggen)\b|\bniet\s+(?:vertellen|zeggen)\s+aan\s+de\s+klant\b|"
                        r"\bn[ãa]o\s+(?:conte|diga)\s+(?:nada\s+)?ao\s+cliente\b", re.I)),
    (_STAFF, re.compile(r"\bfyi\s*[,:\-–]?\s*(?:team|all|guys|everyone|folks|y'all|@\w+)\b|"
                        r"^\s*(?:team|guys|folks|hey\s+team|hi\s+team|@team)\s*[,:\-–]\s*(?:can|could|pls|please|"
                        r"someone|anyone|who|fyi|this|heads)\b", re.I)),
    (_STAFF, re.compile(r"(?<![\w.@])@(?:here|channel|everyone|team|agent|agents|supervisor|manager|billing|ops|"
                        r"backoffice|tier\d|l\d)\b|^\s*@[A-Za-z][\w.\-]*(?=[,:]?\s+\w)|\bcc:?\s+@\w+", re.I)),
    (_STAFF, re.compile(r"\b(?:this|that)\s+(?:customer|client|guy|woman|lady|man|one|idiot|person|muppet)\s+again\b|"
                        r"\bcan\s+(?:someone|somebody|anyone)\s+(?:else\s+)?(?:please\s+)?(?:deal\s+with|handle|take|"
                        r"pick\s+up|look\s+at|reply\s+to)\s+(?:this|her|him|them|it)\b|"
                        r"\bcan\s+(?:someone|somebody|anyone)\s+(?:else\s+)?(?:please\s+|pls\s+)?(?:confirm|check|"
                        r"verify|approve|double[- ]?check|sign\s+off|ok)\b|"
                        r"\bwho\s+wants\s+(?:this|to\s+take\s+this)\b|"
                        r"\b(?:pls|plz)\s+(?:escalate|check|handle|fix|reply|send|approve|review|confirm)\b|"
                        r"\b(?:apply|use|send)\s+(?:the\s+)?(?:\w+\s+)?macro\b|"
                        r"\bcopy[- ]paste\s+the\s+(?:usual|standard|template)\b|"
                        r"\b(?:just\s+)?fob\s+(?:him|her|them)\s+off\b", re.I)),
    # A question put to the whole team ("Kurze Frage in die Runde:", "quick q for the team:", "pregunta al equipo:"),
    # or a colleague asked to take over the chat or the ticket ("Lucía me cubres este chat 5 min?", "can you cover
    # this chat", "übernimmst du den Chat?"): nothing a customer is asked.
    (_STAFF, re.compile(
        # (to the team, not "to all": a newsletter may ask all its readers)
        r"\b(?:(?:quick\s+)?(?:q|question)\s+(?:for|to)\s+(?:the\s+)?team|frage\s+in\s+die\s+runde|"
        r"(?:frage|question|pregunta|domanda|vraag|pergunta)\s+(?:ans?\s+(?:das\s+)?team|[àa]\s+l'[ée]quipe|"
        r"al\s+equipo|al\s+team|aan\s+(?:het\s+)?team|[àa]\s+equipa))\s*[:?]|"
        r"\b(?:can|could|would)\s+(?:you|u|someone|anyone)\s+(?:pls\s+|please\s+)?(?:cover|take\s+over|grab|mind)\s+"
        r"(?:this|my)\s+(?:chat|ticket|queue)\b|\b(?:me\s+)?(?:cubres|cubr[ií]s)\s+(?:este|el|mi)\s+chat\b|"
        r"\b(?:mi\s+)?copri\s+(?:questa|la|mia)\s+chat\b|\btu\s+peux\s+(?:reprendre|couvrir)\s+(?:ce|le|mon)\s+chat\b|"
        r"\b[üu]bernimm(?:st)?\s+(?:du\s+)?(?:den|diesen|meinen)\s+chat\b|\bneem\s+(?:jij\s+)?(?:deze|mijn)\s+chat\s+"
        r"over\b|\b(?:me\s+)?(?:cobres|assumes)\s+(?:este|esse|o\s+meu)\s+chat\b", re.I)),
    # Questions to colleagues: "can someone check…?", "anyone know if…?", "Kann das jemand prüfen?" (not one that
    # speaks to the customer: "Weiß jemand in Ihrem Haushalt das Kennwort?", see _first_hit); "able to" too ("can
    # someone sanity check this", "alguém consegue ver isto?", "qualcuno riesce a …?", "quelqu'un arrive à …?"), and
    # the Spanish wish that opens a clause ("…, que alguien coja este chat porfa"; not "para que alguien le llame").
    (_STAFF, _ASK_SOMEONE := re.compile(
        r"\b(?:can|could)\s+(?:someone|somebody|anyone|anybody)\s+(?:else\s+)?(?:(?:on|in|from|at)\s+(?:the\s+)?"
        r"[\w\-]+\s+)?(?:please\s+|pls\s+|just\s+)?"
        r"(?:check|confirm|verify|approve|look|deal|handle|take|pick|reply|review|sign|ok|double[- ]?check|advise|"
        r"answer|have\s+a\s+look|jump\s+on|cover|sanity[- ]?check|grab|chase)\b|"
        r"\b(?:does\s+)?(?:anyone|anybody)\s+know\s+(?:if|whether|how|what|why|where|when|who)\b|"
        r"\b(?:kann|k[öo]nnte)\s+(?:das\s+|hier\s+|mal\s+|bitte\s+)*jemand\b|\bwei[ßs]\s+jemand\b|"
        r"\b(?:quelqu'un|qqn)\s+(?:peut|pourrait|sait|arrive)\b[^.?!]*\?|"
        r"\balguien\s+(?:puede|podr[íi]a|sabe|consigue)\b[^.?!]*\?|"
        r"(?:^|[,;:]\s*)que\s+alguien\s+(?:me\s+|se\s+)?(?:coja|cubra|lleve|mire|revise|conteste|responda|atienda|"
        r"encargue|ocupe|quede)\b|"
        r"\bqualcuno\s+(?:pu[òo]|potrebbe|sa|riesce)\b[^.?!]*\?|\b(?:kan|weet)\s+iemand\b|"
        r"\balgu[ée]m\s+(?:pode|poderia|sabe|consegue|conseguia)\b[^.?!]*\?", re.I)),
    # Holding the reply back: "not sending this until Mark signs off", "don't forward this bit".
    (_STAFF, re.compile(
        r"\b(?:do\s+not|don't|dont|not)\s+(?:send|sending|forward|forwarding)\s+(?:this|it)\s+(?:bit|part|para|"
        r"paragraph|yet|until|till|before)\b(?![^.]*\byou)|"
        r"\buntil\s+(?!(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|January|February|March|April|May|"
        r"June|July|August|September|October|November|December)\b)[A-Z][a-z]+\s+(?:signs?\s+(?:it\s+)?off|approves?|oks?|okays?|has\s+(?:checked|approved|"
        r"signed\s+off))\b|"
        r"\bignore\s+(?:the\s+)?(?:last|previous|above|first|second)\s+(?:paragraph|para|line|bit|part|sentence)\b|"
        r"\bdraft\s+v\d+\b|^\s*P\.?\s?S\.?\s*(?:for|to)\s+(?:the\s+)?(?:team|all|everyone|colleagues|guys)\b")),
    (_STAFF, re.compile(
        # "don't reply yet", "(ñ responde ainda)": the answer is held back for someone.
        r"\b(?:don't|do\s+not|dont|not)\s+(?:reply|answer|respond)\s+(?:yet|until)\b|\bnoch\s+nicht\s+antworten\b|"
        r"\bne\s+pas\s+encore\s+r[ée]pondre\b|\bno\s+(?:respondas|responder|contestes|contestar)\s+(?:todav[ií]a|a[uú]n)\b|"
        r"\bnon\s+rispondere\s+ancora\b|\bnog\s+niet\s+(?:antwoorden|reageren|versturen)\b|"
        r"(?<!\w)(?:n[ãa]o|ñ)\s+(?:responde|responder|respondas|envia|enviar|manda|mandar)\s+ainda\b", re.I)),
    # A draft's label opening a line, in capitals or in brackets: "BOZZA – Fede, ricontrolla …", "[Entwurf] …",
    # "DRAFT v2:", "BROUILLON :", "(borrador)" (not "Draft: contract_v2.pdf", "Entwurf: siehe Anhang" to a customer).
    (_LABEL, re.compile(
        r"^\s*(?:[\[(]\s*(?i:draft|entwurf|brouillon|borrador|bozza|concept|rascunho)(?:\s+v?\d+)?\s*[\])]|"
        r"(?:DRAFT|ENTWURF|BROUILLON|BORRADOR|BOZZA|CONCEPT|RASCUNHO)(?:\s+V?\d+)?\s*[:\-–—])(?=\s*\S)")),
    # What to check before the reply goes, as a label heading a line: "Rever antes de enviar: confirmar valor com a
    # Contabilidade", "Check before sending: …", "Vor dem Senden prüfen: …", "À vérifier avant envoi : …", "Revisar
    # antes de enviar: …", "Da controllare prima dell'invio: …", "Controleren voor verzending: …" (sending with no
    # object is the reply's own; not with "you" after it: "Check before sending: your parcel must be sealed")
    (_DRAFT, re.compile(
        r"^\s*[\[(*_]*\s*(?:(?:check|confirm|verify|review|double[- ]?check|proofread)\s+(?:first\s+)?before\s+sending|"
        r"vor\s+dem\s+(?:senden|versand|abschicken)\s+(?:nochmal\s+|noch\s+)?(?:pr[üu]fen|checken|kl[äa]ren|gegenlesen)|"
        r"(?:pr[üu]fen|checken|gegenlesen)\s+vor\s+dem\s+(?:senden|versand|abschicken)|"
        r"(?:[àa]\s+)?(?:v[ée]rifier|confirmer|valider|relire|revoir)\s+avant\s+(?:d['’]envoyer|l['’]envoi|envoi)|"
        r"(?:confirmar|verificar|comprobar|revisar|rever|conferir)\s+antes\s+de\s+(?:mandar|enviar|responder)|"
        r"(?:da\s+)?(?:verificare|confermare|controllare|ricontrollare|rivedere|rileggere)\s+prima\s+(?:di\s+(?:inviare|"
        r"mandare)|dell['’]invio)|(?:checken|controleren|nakijken|nalezen)\s+(?:voor|v[óo][óo]r)\s+(?:verzending|"
        r"het\s+versturen|verzenden|versturen))\s*[\])*_]*\s*[:\-–—]\s*"
        r"(?![^\n]*\b(?:you|your|vous|votre|vos|usted|su|sus|tu|tus|tua|tuo|lei|sua|suo|uw|je|jouw|voc[eê]|seu|sua)\b)"
        r"(?![^\n]*\b(?-i:Sie|Ihr\w*|Ihnen)\b)\S", re.I)),
    # "to be reviewed" in capitals heading a line: "DA RIVEDERE - manca il n. RMA", "À RELIRE :", "TO CHECK –"
    (_LABEL, re.compile(
        r"^\s*(?:TO\s+(?:REVIEW|CHECK|BE\s+CHECKED|BE\s+REVIEWED)|NEEDS\s+REVIEW|ZU\s+PR[ÜU]FEN|NOCH\s+PR[ÜU]FEN|"
        r"[ÀA]\s+(?:RELIRE|V[ÉE]RIFIER|REVOIR|VALIDER)|POR\s+REVISAR|A\s+REVISAR|PENDIENTE\s+DE\s+REVISI[ÓO]N|"
        r"DA\s+(?:RIVEDERE|RICONTROLLARE|VERIFICARE|CONTROLLARE)|NAKIJKEN|NOG\s+CHECKEN|TE\s+CONTROLEREN|"
        r"A\s+REVER|PARA\s+REVER|POR\s+REVER)\s*[:\-–—!]")),
    # Jokes and chat slang.
    (_JOKE, re.compile(r"\b(?:lol|lmao|lmfao|rofl|roflmao|lulz|mdr|ptdr|mdrr+)\b|\b(?:ha){3,}h?\b|\ba(?:ha){2,}\b|"
                       r"\b(?:ja){3,}\b|\b(?:je){3,}\b|\bk{4,}\b|\b(?:rs){2,}\b|\bxD\b", re.I)),
]
# In a colleague's quoted or forwarded message: talk *about* the customer is staff talk.
# (Spanish "he" before a participle is "I have": "ya lo he revisado" speaks of nobody)
_ABOUT_CUSTOMER = re.compile(r"\b(?:she|her|he(?!\s+[^\W\d_]+(?:ado|ido|cho|to)\b)|him|the\s+(?:customer|client)|this\s+(?:customer|client|one)|cust|"
                             r"der\s+kunde|die\s+kundin|elle|lui|la\s+cliente|le\s+client|ella|él|"
                             r"el\s+cliente|il\s+cliente|zij|hij|haar|hem|de\s+klant|"
                             r"ela|ele|o\s+cliente|a\s+cliente)\b|"
                             # a person by title and initial, as staff write of a customer: "Herr S. versucht das jedes
                             # Jahr", "Mrs K. called again", "Mme R. insiste", "el Sr. G.", "la sig.ra C.", "mevrouw V."
                             r"(?<![\w.])(?:herr|frau|hr\.|fr\.|mr\.?|mrs\.?|ms\.?|mme|m\.|sr\.|sra\.|sig\.(?:ra)?|"
                             r"signora|signor|dhr\.|mevr\.|meneer|mevrouw)\s+(?-i:[A-Z])\.(?!\w)", re.I)
_DUTCH_LOL = re.compile(r"\b(?:veel|wat|de|met|voor\s+de)\s+lol\b|\blol\s+(?:hebben|maken|gehad|beleven)\b", re.I)
_SOCIAL = re.compile(r"\b(?:follow|find|tweet|message|tag|join)\s+(?:us\s+)?(?:on\s+\w+\s+)?(?:at\s+)?@", re.I)

_REMARK = "remark"

# --- Free-form notes (no fixed marker): bracketed asides, drafting notes, postscripts, remarks. ---
# A bracketed aside: (…), […], <<…>>, and "xx … xx" / "XXX … XXX" (drafting marks, never prose to a customer).
_BRACKETED = re.compile(r"\(([^()\n]{3,200})\)|\[([^\[\]\n]{3,200})\]|(?:<<|\{\{|\*\*)([^<>{}*\n]{2,160})(?:>>|\}\}|\*\*)|"
                        r"(?<![\w/.\-])(?:xx|XX|xxx|XXX)\s+([^\n]{3,120}?)\s+(?:xx|XX|xxx|XXX)(?![\w/\-]|\.\w)|"
                        # an aside between dashes: "de 60 € — revisar si sigue siendo 60 o ya es 75 — y se cargará"
                        r"\s[—–]\s([^—–\n]{3,160}?)\s[—–](?=\s|$)|"
                        # single braces: "{paste DPD link once warehouse sends it}" (judged by its words only)
                        r"(?<!\{)\{([^{}\n]{3,160})\}(?!\})")
# A control the reader presses, named right after: "tap {Add link}", "klicken Sie auf {Link einfügen}".
_PRESSED = re.compile(r"\b(?:tap|click|press|select|choose|hit|klick\w*|tipp\w*|dr[üu]ck\w*|w[äa]hl\w*|cliqu\w*|"
                      r"appuy\w*|s[ée]lectionn\w*|puls\w*|clic|toca\w*|selecciona\w*|premi\w*|clicca\w*|tocca\w*|"
                      r"seleziona\w*|klik\w*|tik\w*|druk\w*|selecteer\w*|clique\w*|toque\w*|carregue\w*)"
                      r"(?:\s+(?:sie|on|auf|sur|en|su|op|em|the|den|die|das|le|la|el|il|de|o|a))*\s*$", re.I)
# Words that speak to the customer: an aside with them is written for the customer ("(check your spam folder)").
_TO_CUSTOMER = re.compile(r"\b(?:you|your|yours|you're|you've|ur|votre|vos|vous|usted|ustedes|su|sus|suo|sua|suoi|"
                          r"vostr[oaie]|uw|u|voc[eê]|seu|seus|suas)\b", re.I)
_TO_CUSTOMER_CS = re.compile(r"\b(?:Sie|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres|Ihnen|Lei)\b")
_POSSESSIVE = re.compile(r"\b(?:your|yours|votre|vos|uw|Ihr|Ihre|Ihren|Ihrem|Ihrer|seu|sua|suo)\b")
# "(Sam — can you …)", "(@maria pls …)": an aside that starts by naming whom it is for.
# A colleague named and told what not to do, a verb after the negation (not "(Sevilla, no Málaga)"): "(Pepe, no le
# ofrezcas compensación)", "(Tom, don't offer a voucher)", "(Luca, non dargli lo sconto)", "(Inês, não lhe dês …)".
_NEGATED_ORDER = re.compile(r"(?:don['’]?t|do\s+not|never)\s+\w+|no\s+(?:le|les|lo|la|los|las|se|te|me)\s+\w+|"
                            r"non\s+(?:gli|le|lo|la|li|ne|si|ti|\w+(?:are|ere|ire)(?:gli|le|lo|la)?)\b|"
                            r"não\s+(?:lhe|lhes|o|a|os|as|se|te)\s+\w+|ne\s+(?:lui|leur|le|la|les|pas|l['’]|rien|jamais)\b|"
                            r"n['’]\w+\s+pas\b|niet\s+(?:\w+\s+){0,3}?\w+en\b", re.I)
_TO_COLLEAGUE = re.compile(r"^(?:(@[\w.\-]+)(?![\w.\-])\s*[,:—–\-]?|([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:[,:—–]|\s-))\s*(.+)$")
_WORDS = re.compile(r"[^\W\d_][\w'’\-]*")
# A colleague named by their title and surname at the head of an aside, with a colon: "Frau Krüger: …", "Mme Roux : …",
# "Sr. Gómez: …", "mevrouw de Vries: …" (group 1 the surname, group 2 what follows).
_TITLED_TO = re.compile(
    r"^(?:Frau|Herr|Fr\.|Hr\.|Mrs?\.?|Ms\.?|Miss|Mme|Mlle|Madame|Monsieur|M\.|Sr\.?|Sra\.?|Srta\.?|Señor|Señora|"
    r"Sig\.(?:ra)?|Signor[ae]?|Dott\.(?:ssa)?|Dhr\.?|Mevr\.?|[Mm]evrouw|[Mm]eneer|Senhor[a]?|Dona)\s+(?:Dr\.\s+)?"
    r"(?:(?:van|von|de|der|den|da|di|del|della|dos|das|la|le)\s+){0,2}((?-i:[A-ZÀ-Þ])[\w'’\-]{1,20})\s*:\s*(\S.*)$")
# What follows a name that is not speaking to it: a list ("(Paris, or London?)"), a social handle's network.
_NOT_ADDRESSED = re.compile(r"(?:or|and|und|oder|et|ou|y|o|e|en|of|on\s+(?:twitter|x|instagram|facebook|tiktok|"
                            r"linkedin|threads|bluesky|mastodon))\b", re.I)
_REQUEST = re.compile(r"\b(?:can|could|would|will)\s+(?:you|u)\b|\b(?:pls|plz|please|kannst\s+du|konntest\s+du|bitte|"
                      r"magst\s+du|tu\s+peux|peux[- ]tu|pourrais[- ]tu|stp|svp|merci\s+de|puedes|podrias|porfa|"
                      r"por\s+favor|puoi|potresti|per\s+favore|(?:kun|kan|wil)\s+(?:je|jij)|graag|ff|podes|pode|"
                      r"consegues|check|confirm|ok\s*\?)\b")
_ADD = r"(?:insert|add|paste|put|fill\s+in|drop\s+in|link|embed)"
_VERIFY = r"(?:check|confirm|verify|double[- ]?check|dbl[- ]?check|re-?check|fact[- ]?check|clarify|chase|fix)"
# A button or menu label in brackets: "[Confirm Details]", "[Remove Item]" (every word capitalised, a UI verb first).
_UI_LABEL = re.compile(r"^(?:Confirm|Update|Check|Add|Remove|Delete|Change|View|Track|Edit|Save|Submit)(?:\s+[A-Z][\w']*)+$")
_OBJ = (r"(?:link|links|url|screenshot|tracking|number|no|ref|reference|name|date|dates|details|photo|pic|image|"
        r"attachment|amount|price|prices|figure|figures|address|info|policy|macro|template|signature|sig|code|eta|"
        r"steps|wording|stock|sku|tone|spelling|grammar|refund|credit|phrasing|numbers)")
_NOT_ARTICLE = r"(?:(?!the\b|a\b|an\b|this\b|our\b)[\w'\-]+\s+)"
_STAFF_ROLE = r"(?:manager|supervisor|tl|team\s*lead(?:er)?|boss|legal|finance|billing|ops|compliance|[a-z]+'s)"
# Drafting notes, matched on the folded aside (lower case, no accents). Any bracket shape.
_DRAFTING = [re.compile(p) for p in (
    # English: telegraphic "[add tracking link]", "(check amount w/ finance)", "(needs manager OK)".
    rf"^{_ADD}\s+{_NOT_ARTICLE}{{0,2}}?{_OBJ}\b",
    rf"^{_VERIFY}\s+{_NOT_ARTICLE}{{0,2}}?{_OBJ}\b",
    # (not a counter the customer goes to: "(check with reception on arrival)")
    rf"^{_VERIFY}\s+(?:w/|with\s+(?!(?:the\s+)?(?:reception|front\s+desk|desk|counter|pharmacy|pharmacist|cashier|"
    r"concierge)\b))\s*[a-z]+",
    # the writer's own to-do: "(need to double check the fee, might be £40 now)", "(must confirm w/ Jo)"
    rf"^(?:need\s+to|needs\s+to\s+be|must|have\s+to|gotta|should)\s+(?:{_VERIFY}|checked|confirmed|verified|ask)\b",
    rf"^{_VERIFY}\s+(?:this|that|it)\s+(?:with|w/|before|against)\b",
    r"^(?:tbc|tbd|tba)\s*[-–—:]\s*@?[a-z]+$",
    r"\b(?:reword|rephrase|soften|tone\s+down)\b|^(?:check|fix)\s+(?:the\s+)?(?:wording|tone|phrasing|grammar)\b",
    # the reply's own tone or wording to be checked, in the other languages: "ricontrolla il tono", "revoir la
    # formulation", "revisar el tono", "rever o tom", "Ton prüfen", "toon checken" (matched folded)
    r"^(?:ri)?(?:controlla(?:re)?|verifica(?:re)?|rivedi|rivedere|sistemare|sistema)\s+(?:il\s+|la\s+|lo\s+)?"
    r"(?:tono|formulazione|forma|testo)\b|"
    r"^(?:verifier|revoir|relire|reformuler|adoucir|corriger)\s+(?:le\s+|la\s+|l')?(?:ton|formulation|tournure|texte)\b|"
    r"^(?:revisar|repasar|suavizar|corregir|mirar)\s+(?:el\s+|la\s+)?(?:tono|redaccion|texto|formulacion)\b|"
    r"^(?:rever|revisar|suavizar|corrigir|conferir)\s+(?:o\s+|a\s+)?(?:tom|redacao|texto|formulacao)\b|"
    r"^(?:den\s+|die\s+)?(?:ton|tonfall|formulierung|wortlaut)\s+(?:\w+\s+)?(?:prufen|checken|entscharfen|anpassen)\b|"
    r"^(?:de\s+)?(?:toon|formulering|tekst)\s+(?:\w+\s+)?(?:checken|controleren|nakijken|verzachten|aanpassen)\b",
    # still to be reworded, the infinitive after its "to": "à reformuler", "da rivedere", "por reformular", "nog herschrijven"
    # (the reply's text or its translation named first: "traduzione da rivedere", "traduction à revoir", "texto por
    # revisar", "Übersetzung noch überarbeiten")
    r"^(?:(?:traduzione|traduction|traduccion|traducao|translation|ubersetzung|vertaling|testo|texte|texto|text|tekst|"
    r"frase|phrase|satz|zin|paragrafo|paragraphe|parrafo|absatz|alinea|formulazione|formulation|formulierung|"
    r"formulering|redaccion|redacao)\s+)?(?:a|da|por|para|nog|noch)\s+(?:reformuler|revoir|retravailler|riformulare|rivedere|riscrivere|reformular|"
    r"revisar|redactar\s+de\s+nuevo|rever|reescrever|herformuleren|herschrijven|umformulieren|uberarbeiten)\b",
    r"\bbefore\s+(?:this|it)\s+goes(?:\s+out)?\b|\bok(?:ay)?\s+to\s+send\b|\bbefore\s+sending\s+(?:this|it)?\s*$",
    rf"\bneeds?\s+{_STAFF_ROLE}\s+(?:ok|okay|approval|sign[- ]?off|go[- ]ahead)\b",
    r"\bneeds?\s+(?:an?\s+)?(?:ok|okay|sign[- ]?off)\s+(?:from|by)\s+\w+",
    rf"\b(?:awaiting|waiting\s+(?:on|for)|pending)\s+{_STAFF_ROLE}\s+(?:ok|okay|approval|sign[- ]?off|go[- ]ahead|"
    r"reply|answer|confirmation)\b",
    # German, Dutch: the verb comes last ("[Link einfügen]", "(Betrag noch mit Tom klären)", "(bedrag checken)").
    r"\b(?:link|tracking\w*|sendungsnummer|betrag|summe|datum|termin|formulierung|wortlaut|preis|screenshot|name|"
    r"nummer|kulanz|erstattung|noch|mit\s+\w+|bei\s+\w+)\b.*\b(?:einfugen|erganzen|eintragen|reinkopieren|prufen|"
    r"checken|klaren|abklaren|abgleichen|nachfragen|nachhaken|bestatigen|abstimmen|freigeben|anpassen|umformulieren|nachreichen|"
    r"nachtragen)\b",
    # a short verb-last to-do: "Lieferdatum nochmal prüfen", "bedrag even navragen" (not "bitte prüfen", said to customers,
    # nor the writer's offer as a question: "Zal ik het zo aanpassen?", "Soll ich das so anpassen?")
    r"^(?!.*\bbitte\b)(?!(?:zal|zullen|kan|kunnen|mag|mogen|wil|soll|sollen|kann|konnen|darf|durfen|will|mochten)\s+"
    r"(?:ik|we|wij|ich|wir)\b)(?:[\w\-]+\s+){1,4}(?:einfugen|erganzen|eintragen|prufen|checken|klaren|abklaren|nachfragen|"
    r"bestatigen|anpassen|umformulieren|controleren|nakijken|navragen|bevestigen|invoegen|toevoegen|aanpassen)\s*[!?.]*$",
    r"\bfreigabe\s+(?:durch|von|vom)\s+\w+|\b(?:wartet|warten)\s+auf\s+(?:die\s+)?freigabe|"
    r"\bbraucht\s+(?:noch\s+)?(?:freigabe|ok)\b",
    r"\b(?:link|tracking\w*|bedrag|datum|naam|nummer|screenshot|formulering|tekst|prijs|nog|met\s+\w+|bij\s+\w+)\b"
    r".*\b(?:invoegen|toevoegen|plakken|checken|controleren|nakijken|navragen|bevestigen|afstemmen|aanpassen)\b",
    r"\b(?:wacht(?:en)?\s+op|heeft\s+nodig:?|nodig:?)\s+(?:akkoord|goedkeuring|ok)\b|\bakkoord\s+(?:van|vd)\s+\w+",
    # French, Spanish, Italian, Portuguese: an infinitive first ("[insérer le lien]", "(confirmar fecha)").
    r"^(?:inserer|ajouter|mettre|coller|joindre)\s+(?:[\w'\-]+\s+){0,2}?(?:lien|numero|capture|date|montant|nom|"
    r"suivi|photo|adresse|piece|url|signature|code)\b",
    r"^(?:verifier|confirmer|valider|revoir|checker|demander|relancer|reformuler)\s+(?:le|la|les|l'|avec|aupres|si|"
    r"date|montant)\b|\bvalidation\s+(?:du|de\s+la|par\s+le)\s+(?:manager|responsable|chef)\b",
    r"^(?:insertar|anadir|poner|pegar|adjuntar|incluir|meter)\s+(?:[\w'\-]+\s+){0,2}?(?:enlace|link|numero|captura|"
    r"fecha|importe|nombre|seguimiento|foto|direccion|url|firma|codigo)\b",
    r"^(?:verificar|comprobar|confirmar|revisar|consultar|preguntar|validar)\s+(?:con|el|la|los|las|si|fecha|"
    r"importe|monto|redaccion)\b|\b(?:necesita|requiere)\s+(?:el\s+)?(?:ok|visto\s+bueno|aprobacion)\b",
    r"^(?:inserire|aggiungere|mettere|incollare|allegare)\s+(?:[\w'\-]+\s+){0,2}?(?:link|numero|screenshot|data|"
    r"importo|nome|tracking|foto|indirizzo|url|firma|codice)\b",
    r"^(?:verificare|controllare|confermare|chiedere|sentire|ricontrollare)\s+(?:con|il|la|l'|i|le|gli|se|data|"
    r"importo|cifra)\b|\b(?:serve|manca)\s+(?:l')?(?:ok|approvazione|via\s+libera)\b",
    r"^(?:inserir|adicionar|colocar|colar|anexar|incluir)\s+(?:[\w'\-]+\s+){0,2}?(?:link|numero|print|captura|data|"
    r"valor|nome|rastreio|rastreamento|foto|morada|endereco|url|assinatura|codigo)\b",
    r"^(?:verificar|confirmar|conferir|checar|perguntar|validar)\s+(?:com|o|a|os|as|se|data|valor)\b|"
    r"\b(?:precisa|falta)\s+(?:de\s+)?(?:ok|aprovacao|aval)\b",
)]
# In brackets, the writer's own doubt or source: "(not sure about this amount??)", "[verify]", "(or was it Evri?
# check)", "(copied from the last ticket)", "(reusing the macro from case 4471)".
_DOUBT = re.compile(
    r"^(?:not\s+sure|unsure)\s+(?:about|if|whether|what|how|which|-|–|—)|^(?:no\s+idea|guessing)\b|"
    r"^(?:verify|check|double[- ]?check|dbl[- ]?check|confirm|re-?check)(?:\s+(?:this|that|it|again|pls|please))?"
    r"\s*[!?.]*$|\bor\s+(?:was|is)\s+it\b[^?]*\?|"
    r"^(?:copied|copy[- ]?pasted|pasted|reused|reusing|taken|lifted)\s+(?:it\s+)?from\s+(?:the\s+|a\s+|an\s+)?"
    r"(?:last|previous|other|old|another|similar|earlier)?\s*(?:ticket|case|email|reply|macro|template|thread)|"
    r"^(?:copied|copy[- ]?pasted|pasted|taken|lifted)\s+from\s+(?:ticket|case|#)\s*#?\d{3,}|"
    r"\b(?:used|using|reused|reusing|applied|applying)\s+(?:the|a|our|this)\s+(?:\w+\s+)?macro\b|"
    # … in the first person, from another case: "copiei a resposta do caso … da Sra. Duarte", "ho copiato la risposta
    # dalla pratica …", "j'ai copié la réponse du dossier …", "copié la respuesta del caso …", "antwoord gekopieerd
    # van de zaak …", "Antwort aus dem Fall … kopiert"
    r"^(?:(?:j['’]ai|ho|he|heb|i(?:['’]ve)?)\s+)?(?:copiei|copie|copiato|copiado|gekopieerd|copied)\s+(?:\w+\s+){0,2}?"
    r"(?:d[aoe]s?|dal|dalla|del|du|van|uit|from)\s+(?:(?:o|a|la|le|il|el|de|het|the|l['’])\s*)?(?:\w+\s+)?(?:caso|case|"
    r"ticket|dossier|pratica|expediente|processo|zaak|chamado|claim)\b|"
    r"^(?:die\s+)?antwort\s+aus\s+(?:dem|einem)\s+(?:fall|ticket|vorgang)\b.{0,60}?\bkopiert\b|"
    # "(copiar/pegar respuesta 14 - la de fruta en mal estado, cambiar nombre de tienda)", "(copy/paste reply 3 …)"
    r"^(?:copy\s*/\s*paste|copiar\s*/\s*pegar|copier\s*/\s*coller|copia\s*/\s*incolla|kopieren\s*/\s*einf[üu]gen|"
    r"kopi[ëe]ren\s*/\s*plakken|copiar\s*/\s*colar)\b|"
    # where the words come from, in the other languages: "tekst uit standaardmail", "Text aus der Vorlage", "texte
    # repris du modèle", "copiado de la plantilla", "testo dalla mail standard", "texto do modelo"
    r"^(?:text|tekst|texte|texto|testo|copied|kopiert|gekopieerd|copie|copiado|copiato|overgenomen|uebernommen|repris)\s+"
    r"(?:(?:copie|copiado|copiato|kopiert|repris|overgenomen|taken)\s+)?(?:from|uit|van|aus|vom|du|de|des|del|dal|dalla|"
    r"do|da|della)\s+(?:(?:the|our|de|het|der|dem|la|le|el|il|lo|o|a|l')\s*)?(?:standaard\w*|standard\w*|vorlage|"
    r"sjabloon|template|modele|macro|plantilla|modello|modelo|textbaustein|mail\s+standard|e-?mail\s+padrao|"
    r"correo\s+estandar|email\s+standard|standardmail|standaardmail)\s*(?:$|[,;:–—\-])")   # (no "… on our website")
# In brackets, the writer's doubt about the reply's own tone: too harsh, asked ("klinkt dit niet te bot?", "too curt?"),
# said of the tone or the wording ("tono forse troppo duro"), or of how it sounds ("ça sonne un peu sec") (matched
# folded; not a thing described: "(matelas un peu dur)").
_HARSH = (r"(?:too|a\s+bit|bit|rather|zu|etwas|te|wat|trop|un\s+peu|demasiado|algo|un\s+poco|troppo|un\s+po'?|muito|"
          r"um\s+pouco)\s+(?:harsh|blunt|curt|abrupt|cold|stiff|strong|hart|schroff|harsch|ruppig|knapp|kuhl|bot|hard|"
          r"kortaf|streng|sec|seche|dur|brutal|froid|seco|duro|brusco|frio|secco|freddo|rispido)\b")
_TONE_DOUBT = re.compile(
    rf"{_HARSH}[^.!]*\?|\b(?:tone|tono|ton|toon|tom|tonfall|wording|formulierung|formulering|formulation|redaccion|"
    rf"formulazione|redacao)\b.{{0,40}}{_HARSH}|\b(?:sounds?|reads?|klingt|klinkt|sonne|suena|suona|soa)\b.{{0,25}}{_HARSH}")
# In brackets, the writer no longer knows what the customer was told: "je ne sais plus ce qu'on lui a dit au tel",
# "can't remember what we promised her", "weiß nicht mehr, was wir ihr gesagt haben" (matched folded).
_FORGOT = re.compile(
    r"(?:^|[\s,;?!(\-–—])(?:je\s+ne\s+(?:sais|me\s+souviens)\s+plus|j'?sais\s+plus|(?:i\s+)?(?:can'?t|cannot|don'?t)\s+"
    r"remember|(?:ich\s+)?wei(?:ss|ß)\s+(?:ich\s+)?nicht\s+mehr|no\s+(?:recuerdo|me\s+acuerdo)|non\s+(?:ricordo|mi\s+ricordo)|"
    r"ik\s+weet\s+(?:het\s+)?niet\s+meer|(?:ja\s+)?nao\s+(?:me\s+lembro|sei\s+mais))\b.{0,30}?\b(?:dit|dis|promis|told|"
    r"said|promised|offered|gesagt|versprochen|angeboten|dicho|prometido|ofrecido|detto|promesso|offerto|gezegd|beloofd|"
    r"aangeboden|dito|oferecido|disse|dissemos)\b")
# Square brackets only: "[attach the PDF]", "[remove this line]" (round brackets say this to customers too).
_SQUARE_IMPERATIVE = re.compile(
    rf"^(?:attach|include|remove|delete|insert|paste|add)\s+(?:the\s+|this\s+|a\s+)?(?:[\w'\-]+\s+){{0,2}}?"
    rf"(?:{_OBJ}|pdf|file|line|para|paragraph|sentence|section|bit|part|here)\b"
    # (or an infinitive of putting something in, in the other languages, with what to put: "[poner aquí el de Seur
    # cuando nos lo pase Almacén]", "[COLOCAR PRAZO CERTO DEPOIS DE FALAR COM O TÉCNICO]", "[inserire qui la data]")
    r"|^(?:insertar|anadir|poner|pegar|colocar|inserir|adicionar|inserire|aggiungere|mettere|incollare|inserer|"
    r"ajouter|mettre|coller|invoegen|toevoegen|plakken)\s+(?:\S+\s+){1,}\S+")
# Or an infinitive of checking something, with what is in doubt, not said to the customer ("[check your inbox]"):
# "[verificare CAP, 20100 sembra sbagliato x Monza]", "[check even met Sven of de korting klopt]", "[comprobar
# precio con almacén]", "[vérifier l'adresse avant envoi]".
_SQUARE_CHECK = re.compile(
    r"^(?:check|verify|double[- ]?check|verificar|comprobar|revisar|verifier|verificare|controllare|ricontrollare|"
    r"conferir|checar|checken|controleren|nakijken|prufen|uberprufen)\s+(?:\S+\s+){1,}\S+")
# Drafting orders in capitals in the running text: "ADD REFUND AMOUNT HERE", "INSERT LINK".
_SHOUTED_DRAFT = re.compile(r"\b(?:ADD|INSERT|PUT|PASTE|CHECK|CONFIRM|UPDATE)\s+(?:[A-Z]{2,}\s+){0,3}?"
                            r"(?:HERE|LINK|URL|AMOUNT|DATE|NAME|NUMBER|DETAILS|PRICE|FIGURE)\b")
# "@Tom pls close the ticket", "Sam to review": a colleague asked to act, by name.
_AT_REQUEST = re.compile(r"(?<![\w.@])@([A-Za-z][\w.\-]*)\s+(?:pls|plz|please|can\s+you|could\s+you|fyi|check|"
                         r"approve|take|close|handle|review|confirm)\b", re.I)
_NAME_TO_REVIEW = re.compile(r"\b([A-Z][a-z]+)\s+to\s+(?:review|approve|sign\s+off|check|confirm|ok|add|fill\s+in|"
                             r"insert|update|chase|fix|sort|finish|complete)\b"
                             r"(?![^.]*\byou)")
# A capitalised word after an article is a thing's name, not a colleague's: "use the Tenant Portal to add photos".
_NAMED_THING = re.compile(r"\b(?i:the|our|your|this|that|a|an)\s+(?:[A-Z][\w-]*\s+){0,2}$")
# Whoever delivers (a delivery note to them is often the customer's own, repeated back).
_DRIVER = r"(?:chauffeur|driver|fahrer|conductor|repartidor|autista|motorista|bezorger|koerier|livreur)"
# "(note for Dave: …)", "[nota per Marco: …]": a note addressed by name.
_NOTE_FOR = re.compile(r"\b(?i:note|notes|nb|memo|reminder|fyi|heads[- ]up|nota|notiz|hinweis|notitie|"
                       r"opmerking|lembrete|promemoria|rappel|recordatorio|obs\.?|observa[çc][ãa]o|anota[çc][ãa]o|"
                       r"anmerkung|anm\.|commentaire|comentario|comentário|commento|kommentar|opm\.)\s+(?i:for|to|an|für|fur|pour|à|per|para|"
                       r"voor|aan|x|pr)\s+(?:(?i:the|a|o|la|il|le|de|die|der|el)\s+)?"
                       # not a German noun for a group of customers ("Hinweis für Neukunden:"), nor the first half of a
                       # compound ("Hinweis für Praxis-Kunden:")
                       r"(?!(?i:\w*(?:kund|nutzer|mitglied|abonnent|patient|besucher|g[äa]st|mieter|eltern|k[äa]ufer|"
                       r"interessent|reisend|teilnehmer|bewohner|studierend|sch[üu]ler|selbstabhol|versicherte)))"
                       # … nor customers of any language, capitalised as a heading may be ("Obs. para Clientes
                       # Empresariais:", "Note for Members:")
                       r"(?!(?i:client|customer|member|guest|user|subscriber|usuari|utent|s[óo]ci|membr|h[óo]sped|"
                       r"hu[ée]sped|ospit|pacient|pazient|abonn|assinant|suscript|adh[ée]rent|locat|inquilin|viajer|"
                       r"viaggiator|passag|reizig|leden|klant))"
                       # nor a capitalised possessive or pronoun: "Hinweis für Ihre Buchhaltung:", "Note for Your records"
                       r"(?!(?i:ihr\w*|sie|euch|eure?\w*|dein\w*|unser\w*|your|our|you|votre|vos|notre|nos|vous|su|sus|"
                       r"nuestr\w*|vostr\w*|uw|jullie|onze|seu|sua|seus|suas|noss[oa]s?|all|everyone)\b)"
                       # … nor the driver, a delivery's own field: "einen Hinweis für Fahrer eintragen", "Note for driver"
                       r"(?!(?i:" + _DRIVER + r")\b)"
                       r"(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\b(?![\-‐])")
# Content marked as not for the customer, who is named in the third person: "⚠ Ne pas transférer au client :
# estimation gonflée …", "do not forward to the customer", "nicht an den Kunden weiterleiten", "no reenviar al
# cliente", "non inoltrare al cliente", "niet doorsturen naar de klant", "não reencaminhar ao cliente".
_NOT_FOR_CUSTOMER = re.compile(
    r"\b(?:(?:do\s+)?not|don['’]?t|never)\s+(?:to\s+be\s+)?(?:forward(?:ed)?|sen[dt]|show(?:n)?|share(?:d)?|pass(?:ed)?\s+on)\s+"
    r"(?:this\s+|it\s+)?to\s+(?:the\s+)?(?:customer|client|cx)\b|"
    r"\bne\s+(?:pas|jamais)\s+(?:transf[ée]rer|transmettre|montrer|envoyer|communiquer)\s+(?:au|à\s+la)\s+client(?:e)?\b|"
    r"\bnicht\s+(?:an\s+(?:den|die)\s+Kund(?:en|in)\s+(?:weiter)?(?:leiten|senden|geben|schicken)|"
    r"f[üu]r\s+(?:den|die)\s+Kund(?:en|in))\b|"
    r"\bno\s+(?:reenviar|enviar|mostrar|pasar|compartir|reenviarle)\s+al\s+cliente\b|"
    r"\bnon\s+(?:inoltrare|inviare|mostrare|girare|condividere)\s+al(?:la)?\s+cliente\b|"
    r"\bniet\s+(?:doorsturen|sturen|tonen|delen|doorgeven)\s+(?:naar|aan)\s+(?:de\s+)?klant\b|"
    r"\bn[ãa]o\s+(?:reencaminhar|encaminhar|enviar|mostrar|partilhar|repassar)\s+(?:ao|à)\s+client[ea]\b|"
    # … to the customers (a test or a bulk send): "xx test Giada NON inviare ai clienti xx", "do not send to customers"
    r"\b(?:do\s+not|don['’]?t|not\s+to\s+be)\s+(?:send|sent)\s+to\s+(?:the\s+|our\s+|any\s+)?(?:customers|clients)\b|"
    r"\bnon\s+(?:inviare|mandare)\s+ai\s+clienti\b|\bne\s+pas\s+envoyer\s+aux\s+clients\b|"
    r"\bno\s+enviar\s+a\s+(?:los\s+)?clientes\b|\bnicht\s+an\s+(?:die\s+)?Kunden\s+(?:senden|schicken|verschicken)\b|"
    r"\bniet\s+(?:naar|aan)\s+(?:de\s+)?klanten\s+(?:sturen|versturen)\b|\bn[ãa]o\s+enviar\s+(?:aos|para\s+os)\s+clientes\b|"
    # the reason kept back from them, in the note style of an infinitive: "(Dr Roux en arrêt, ne pas dire pourquoi)"
    r"\b(?:ne\s+pas\s+(?:dire|mentionner|préciser|expliquer)|no\s+(?:decir|mencionar|explicar)|non\s+(?:dire|menzionare|"
    r"spiegare)|nicht\s+(?:sagen|erwähnen|erklären)|niet\s+(?:zeggen|vermelden|noemen)|n[ãa]o\s+(?:dizer|mencionar|explicar)|"
    r"(?:do\s+not|don['’]?t)\s+(?:say|mention|explain))\s+(?:why|pourquoi|por\s*qu[ée]|perch[ée]|warum|waarom|porqu[êe]|"
    r"o\s+motivo|le\s+motif|el\s+motivo|il\s+motivo|den\s+Grund|de\s+reden|the\s+reason)\b", re.I)
# A line headed by a role or a team with a colon, asked or told something about the case: "Supervisor: ¿le ofrezco la
# tarjeta Oro o no? tiene scoring bajo", "Kollegen Nachlass: Erbschein liegt noch nicht vor, Konto NICHT freigeben".
_ROLE_COLON = re.compile(r"^\s*(?:supervisor[ae]?|superviseur|superviseure|supervisão|teamleitung|teamleiter\w*|"
                         r"team\s*lead(?:er)?|tl|manager|jefe|jefa|chef|capo|responsabile|"
                         r"(?:kollegen|kolleg(?:en|innen)|collega's|colleghi|colegas|coll[èe]gues|colleagues|team|equipo|"
                         r"[ée]quipe|equipa|squadra)(?:\s+[\w\-]+)?)\s*:\s*(\S.*)$", re.I)
# A helpdesk's tags on a line of their own, machine slugs among them: "Etiquetas: reclamação, cliente_difícil,
# ameaça_livro_reclamações, prioridade_alta", "Tags: vip_customer, refund_pending" (not "Tags: garden, outdoor").
_TAGS_LINE = re.compile(r"^\s*(?:tags?|etiquetas?|etichette|labels?|[ée]tiquettes?|schlagw[öo]rter|stichw[öo]rter)\s*:\s*"
                        r"(?=[^\n]*\b[^\W\d_]+_[^\W\d_]+)(?:[^,\n]+(?:,\s*[^,\n]+)+|#\S+(?:\s+#\S+)+)$", re.I)
# A colleague named first, with or without a comma, even in lower case in a chat, and asked informally: "kelly can u
# check if there's any Harlow oak left?", "pablo pásame el albarán del 3321" (not "Great can you send a photo?": an
# ordinary word; the Romance "mi manda …?" may be the customer's formal "you", so it is left alone).
_NAMED_FIRST_ASKS = re.compile(r"^[\s\-–—*>]*@?([^\W\d_][a-zà-ÿ]{1,15})[,:]?\s+(.+)$")
_CALLED_BY_NAME = re.compile(r"^[\s\-–—*>]*([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*,\s+(\S.+)$")
# A line headed by a note for a colleague by name, a doctor's title before it maybe: "Nota p/ Dra. Sofia: a dona disse
# ao tel ontem que era só 1 dia …", "Note for Dave: he has asked twice already" (the name is no customer's nor
# introduced to them; what follows does not speak to the customer and carries staff evidence: not "Obs. para o Sr.
# Silva: a encomenda já foi levantada", nor "Anmerkung für Neukunden: …").
# (round dc: the note's word shortened or a reminder, "for" left out: "Anm. Carsten: …", "Rappel Karim : facturer 2
# boîtes pas 1 !"; a name in capitals may be a department's, "Nota TALLER: …")
_NOTE_FOR_NAME = re.compile(
    r"^[\W_]*(?i:note|nota|notiz|notitie|memo|nb|obs\.?|lembrete|promemoria|recordatorio|rappel|reminder|erinnerung|"
    r"herinnering|hinweis|opmerking|anmerkung|anm\.|remarque)\s+(?:(?i:for|to|an|für|pour|à|per|para|p/|pra|ao|al|voor|aan|x)\s+)?"
    r"(?:(?i:the|o|a|la|il|le|de|die|der|el)\s+)?(?:(?i:dr|dra|dott|dott\.ssa)\.?\s+)?"
    r"(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*:\s*(\S.*)$")
# An aside addressed to a colleague by a bare "for" and their name: "(x Sara: …)", "[for Tom: …]", "(für Jens: …)".
_FOR_NAME = re.compile(r"^(?:for|f[üu]r|pour|para|per|voor|x|p/|pr|pra)\s+@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*:\s*(.+)$")
# "(Nota para recepción: cobrar la consulta pendiente)", "Hinweis an die Buchhaltung: …", "Attn warehouse: …": a note
# addressed to a department or a role of the company (not to a courier, whose note a customer may have written).
_DEPT = (r"(?:marketing|reception|front\s+(?:desk|office)|accounts|accounting|finance|billing|warehouse|dispatch|despatch|stores|"
         r"logistics|workshop|kitchen|claims(?:\s+desk)?|sales|admin|administration|office|management|legal|hr|it|"
         r"secretary|secretariat|vets?|nurses?|pharmacist|pharmacy|lab|crew|fitters?|installers?|engineers?|"
         r"technicians?|surveyors?|cashier|till|counter|desk|dispatchers?|scheduling|planning|"
         r"empfang|rezeption|buchhaltung|verwaltung|sekretariat|lager|versand|werkstatt|k[üu]che|kasse|theke|vertrieb|"
         r"innendienst|au(?:ß|ss)endienst|dispo(?:sition)?|technik|techniker|monteure?|praxis|labor|b[üu]ro|"
         r"(?:gesch[äa]fts)?leitung|personal(?:abteilung)?|"
         r"accueil|r[ée]ception|compta(?:bilit[ée])?|secr[ée]tariat|entrep[ôo]t|magasin|logistique|atelier|cuisine|"
         r"caisse|comptoir|commerciaux|administration|direction|techniciens?|technique|poseurs?|labo|"
         r"pharmacien(?:ne)?|sav|"
         r"recepci[óo]n|contabilidad|administraci[óo]n|secretar[ií]a|almac[ée]n|expedici[óo]n|log[ií]stica|taller|"
         r"cocina|caja|mostrador|ventas|comerciales|direcci[óo]n|t[ée]cnicos?|montadores?|instaladores?|operarios?|"
         r"cuadrilla|laboratorio|farmac[ée]utic[oa]s?|"
         r"accettazione|contabilit[àa]|amministrazione|segreteria|magazzino|spedizioni|logistica|officina|cucina|"
         r"cassa|vendite|commerciali|direzione|tecnici|montatori|installatori|farmacista|"
         r"receptie|balie|boekhouding|administratie|secretariaat|magazijn|expeditie|logistiek|werkplaats|keuken|kassa|"
         r"verkoop|directie|monteurs?|technici|installateurs?|apotheker|binnendienst|buitendienst|"
         r"rece(?:p?[çc]|[çp])[ãa]o|balc[ãa]o|contabilidade|administra[çc][ãa]o|secretaria|armaz[ée]m|expedi[çc][ãa]o|"
         r"cozinha|caixa|vendas|dire[çc][ãa]o|farmac[êe]utic[oa]s?|"
         r"team|shift|agents?|colleagues?|kolleg\w*|backoffice|back\s+office|ops|supervisor|manager|schicht|[ée]quipe|"
         r"equipo|squadra|collegh\w*|colleg[ae]|equipa|collega'?s|afdeling|abteilung|turno|dienst|ploeg|"
         # the staff and the shop floor by name: "[staff: check photo ID]", "NOTA P/ LOJA: cobrar o resto"
         r"staff|personnel|mitarbeiter\w*|personale|personeel|loja|tienda|negozio|winkel|filiale)")
_NOTE_FOR_ROLE = re.compile(
    r"(?:^\s*(?:/{2,}|#{2,}|\*+|-{2,}|[—–]+)?\s*|[(\[{]\s*|[.!?]\s+|\s[—–-]+\s*)(?:"
    r"(?:note|notes|nb|memo|reminder|info|nota|notiz|hinweis|vermerk|remarque|rappel|"
    r"notitie|opmerking|herinnering|recordatorio|promemoria|lembrete|aviso|avviso|obs\.?)\s+(?:for|to|para|pour|f[üu]r|an|"
    r"per|voor|aan|x|p/|pr|al|ao|à|a|"
    # … or from whom among the staff: "Note from central office:", "Notiz von der Buchhaltung:" (not "Note from our
    # team:"); told apart below from a department's notice to customers by what follows
    r"(?P<src>from|von|van|dalla|dal|da|della|del|de|du|do)(?!\s+(?:our|unser\w*|notre|nos|nuestr\w*|nostr\w*|ons|"
    r"onze|noss[oa]s?)\b))\s*"
    r"(?:the\s+|den\s+|die\s+|das\s+|der\s+|le\s+|la\s+|l['’]|el\s+|il\s+|lo\s+|de\s+|het\s+|o\s+|a\s+|os\s+|as\s+|"
    r"los\s+|las\s+|les\s+|gli\s+|i\s+)?"
    # the customer's own department is theirs: "Opmerking voor jullie IT-afdeling:", "Note for your accounts team:"
    r"(?!(?:your|ihr\w*|eur\w*|dein\w*|votre|vos|ton|ta|tes|su|sus|vuestr\w*|tu|tus|tuo|tua|vostr\w*|uw|jullie|je|"
    r"jouw|seu|sua|seus|suas|voss[oa]s?|teu)\b)(?:[\w\-]+\s+)?(?<![\w\-])(?:" + _DEPT +
    # (Brazilian "time", the team, right before the colon: "Nota ao time:"; not "for the time being:")
    r"|time(?=\s*:))"
    # … or a note labelled with the staff role that wrote it, no preposition: "Note operatore:", "Nota agente:"
    r"|(?:note|nota|notiz|notitie|remarque|obs\.?)\s+(?:operat(?:ore|or|eur)|operador[a]?|agente?|sachbearbeiter\w*|"
    r"\w*team|\w*teams|[ée]quipe|equipo|equipa|squadra|ploeg|"
    r"conseill(?:er|ère)|medewerker|atendente|backoffice))"
    # a colon or a spaced dash after it (not a compound: "Hinweis für Praxis-Kunden:")
    # (words may name the team further before the colon: "nota p/ turno da noite:", "note for the team in Leeds:")
    r"(?:\s+(?:[\w\-]+\s+){0,2}?[\w\-]+)??(?:\s*:|\s+[-–—]+\s)\s*(?P<rest>\S[^\n]*)", re.I)
# "ps Kev this is the oke with the bumper dispute, don't refund …": a postscript to a colleague named with no comma,
# in any case, which goes on about the customer or tells the colleague what to do (not "PS Sarah will call you").
_PS_BARE = re.compile(r"(?:^|[.!?…)]\s*)(?<![\w'’])(?:[Pp]\.?\s?[Ss]\.?|PS|[Pp][Dd]|PPS|pps)\s*[:\-–—]?\s*"
                      r"(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*[,:—–\-]?\s+([^.!?\n]+)")
# The name after "PS" is the subject of what follows, not whom it is for: "P.S. Mark says he will bring the spare
# part", "PS Jana kommt morgen selbst vorbei", "PS Sophie vous rappellera" (told to the customer about a colleague).
_NAME_IS_SUBJECT = re.compile(
    r"^(?:says|said|thinks|reckons|knows|wants|will|would|can|could|should|may|might|must|is|was|has|had|does|did|"
    r"brings|comes|calls|rings|sends|sent|asked|told|mentioned|confirmed|called|rang|left|starts|works|"
    r"sagt|meint|wird|kann|hat|ist|war|kommt|bringt|ruft|schickt|dit|va|viendra|passera|est|a|sera|vous|dice|va|"
    r"vendrá|pasará|está|es|ha|le|les|dice|verrà|passerà|è|sta|zegt|komt|zal|gaat|heeft|is|belt|diz|vai|vem|"
    r"passa|está|é|tem|lhe)\b", re.I)
# The draft to be read over by a colleague by name: "à relire par Marc avant envoi", "to be checked by Paul",
# "von Jens gegenlesen lassen", "revisar con Marta", "da far rivedere a Fabio", "laten nakijken door Joost".
_REVIEW_BY = re.compile(
    r"\b(?:to\s+be\s+(?:proof-?read|reviewed|checked|read\s+over|signed\s+off)|(?:needs|for)\s+(?:a\s+)?(?:review|"
    r"check|proof-?read|sign[- ]off))\s+by\s+(@?[A-Z][a-z]{1,15})\b|"
    r"\b(?:[àa]\s+)?(?:relire|faire\s+relire|v[ée]rifier|valider|revoir)\s+par\s+(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\b|"
    r"\bvon\s+(@?[A-ZÄÖÜ][a-zäöüß]{1,15})\s+(?:gegenlesen|gegenchecken|pr[üu]fen|freigeben|abnehmen)\s+lassen\b|"
    r"\b(?:revisar|repasar|validar)\s+(?:con|por)\s+(@?[A-ZÁÉÍÓÚÑ][a-záéíóúñ]{1,15})\b|"
    r"\b(?:da\s+)?(?:far\s+)?(?:rivedere|rileggere|verificare|controllare)\s+(?:a|da|con)\s+(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\b|"
    r"\b(?:laten\s+)?(?:nakijken|nalezen|checken)\s+door\s+(@?[A-Z][a-z]{1,15})\b|"
    r"\b(?:rever|revisar|validar)\s+(?:com\s+(?:[oa]\s+)?|pel[oa]\s+)(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\b")
# A line that hands the case to a colleague by name, as an order: "→ escalate to Gary if she replies again",
# "an Jens weitergeben", "passer à Marc si elle rappelle", "pasárselo a Marta", "girare a Fabio", "doorzetten naar
# Joost", "passar ao Nuno" (not to the customer: "Please forward this to Gary in your accounts team").
_HAND_TO = re.compile(
    # (after a word of urgency or a heads-up: "URGENTE – girare a Marco in reperibilità, …", "DRINGEND: an Jens
    # weitergeben", "Urgent - pass to Gary")
    r"^(?P<pre>[\W\d]*(?:(?:urgent[e]?|urgentissimo|dringend|eilig|spoed|asap|ojo|occhio|achtung|let\s+op|attention|"
    r"aten[cç][aã]o|heads[- ]up)\s*[:!\-–—]+\s*)?)"
    r"(?:pls\s+|plz\s+|please\s+|then\s+)?(?:(?:escalate|pass|hand|forward|transfer|refer|send)\s+(?:it\s+|this\s+|"
    r"her\s+|him\s+|them\s+)?(?:over\s+|on\s+|back\s+)?to|(?:escalader|transmettre|passer|remonter|transf[ée]rer)\s+"
    r"(?:le\s+dossier\s+|le\s+ticket\s+)?(?:[àa]|au)|(?:escalar|pas[aá]r(?:sel[oa])?|derivar|reenviar|girar|encaminhar|"
    r"reencaminhar|passar)\s+(?:(?:o|el)\s+(?:caso|ticket)\s+)?(?:a|al|ao|para|pra)|(?:scalare|passare|girare|inoltrare)"
    r"\s+(?:il\s+ticket\s+)?(?:a|al)|(?:escaleren|doorzetten|doorsturen|overdragen)\s+(?:naar|aan)|an)\s+"
    r"(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\b(?:\s+(?:eskalieren|weitergeben|übergeben|abgeben|weiterleiten)\b)?", re.I)
# "FYI Kerry - she's …", "Heads up Sam: …": a colleague named after an attention word.
_FYI_NAME = re.compile(r"(?:^|[.!?]\s+|\(|\[)\s*(?:FYI|Fyi|fyi|NB|Heads[- ]up|heads[- ]up)\s*[:,]?\s*"
                       r"(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:[:,—–]|\s-\s)")
# An aside that starts with an attention word ("(ojo: …)", "[Achtung Team: …]") or talks about the customer in the
# third person ("(customer has been promised a callback twice)", "(la clienta ya se quejó)").
_HEADS_UP = re.compile(r"^(?:ojo|achtung|attention|attenzione|aten[cç][aã]o|let\s+op|heads[- ]up|careful|warning|"
                       r"psst|fyi|nb|cuidado|vorsicht|attenti)\s*[,:]?\s*(?:team|all|guys|folks|colleagues|kollegen|"
                       r"kolleg\w*|[ée]quipe|equipo|squadra|colleghi|collega'?s|equipa|@\w+)\s*:", re.I)
# "(pls don't offer a voucher)", "(don't mention the fee)": an order to colleagues in brackets.
_BRACKET_ORDER = re.compile(r"^(?:pls|plz)\b|^(?:don't|do\s+not|dont|never)\s+(?:offer|give|mention|promise|refund|"
                            r"escalate|tell|agree|admit|credit|waive)\b", re.I)
_CUSTOMER_3RD = re.compile(
    r"\b(?:the\s+)?(?:customer|client|cust)\s+(?:has\s+(?:already\s+)?(?:called|rung|phoned|emailed|written|"
    r"complained|been\s+(?:promised|told|given)|asked)|is\s+(?:threatening|angry|furious|annoyed|rude|lying|being)|"
    r"keeps|threaten\w*|already|refuses|claims|insists|said|says|called|rang|wants\s+(?:a\s+)?(?:refund|compensation|"
    r"manager))\b|"
    r"\b(?:kunde|kundin)\s+(?:droht|hat\s+(?:schon|bereits)|ruft\s+(?:ständig|dauernd|schon)|ist\s+(?:sauer|wütend|"
    r"verärgert)|besteht)\b|"
    r"\bclient(?:e)?\s+(?:menace|a\s+d[ée]j[àa]|est\s+(?:furieux|furieuse|f[âa]ch[ée]e?)|insiste|r[âa]le)\b|"
    r"\bclient[ea]\s+(?:amenaza|ya\s+(?:se\s+)?(?:quej[óo]|llam[óo]|escribi[óo]|ha)|est[áa]\s+(?:enfadad[ao]|"
    r"furios[ao]|molest[ao])|insiste)\b|"
    r"\bcliente\s+(?:minaccia|ha\s+gi[àa]|[èe]\s+(?:arrabbiat[oa]|furios[oa])|insiste)\b|"
    r"\bklant\s+(?:dreigt|heeft\s+al|is\s+(?:boos|woedend|kwaad)|belt\s+steeds)\b|"
    r"\bcliente\s+(?:amea[çc]a|j[áa]\s+(?:ligou|reclamou|escreveu)|est[áa]\s+(?:irritad[oa]|furios[oa])|insiste)\b",
    re.I)
# Only in square brackets and drafting marks: in round brackets "(to be confirmed)" is said to customers too.
_PENDING = [re.compile(
    r"^(?:tbc|tbd|tba|to\s+be\s+(?:confirmed|checked|decided)|to\s+(?:confirm|check)|"
    rf"{_ADD}\s+(?:the|a|an)\s+(?:[\w'\-]+\s+){{0,2}}?{_OBJ}\b|{_VERIFY}\s+(?:the|this)\s+(?:[\w'\-]+\s+){{0,2}}?{_OBJ}\b|"
    r"a\s+(?:verifier|confirmer|completer|valider)|da\s+(?:verificare|confermare|controllare|completare)|"
    r"por\s+(?:confirmar|verificar)|pendiente\s+de\s+\w+|a\s+(?:confirmar|verificar)|noch\s+offen|"
    r"noch\s+zu\s+klaren|nog\s+(?:te\s+)?(?:bevestigen|checken|invullen))\b"),
    # "[COMPROBAR FRANQUICIA ANTES DE ENVIAR]": to do before the reply goes (said to customers too, so brackets only).
    re.compile(r"\bbefore\s+sending\b|\bantes\s+de\s+(?:enviar|mandar)\b|\bavant\s+(?:d'envoyer|(?:l')?envoi)\b|"
               r"\bvor\s+dem\s+(?:ab|ver)?senden\b|\bvor\s+(?:dem\s+)?versand\b|\bprima\s+di\s+inviare\b|"
               r"\bprima\s+dell'invio\b|\bvoor\s+(?:het\s+)?(?:versturen|verzenden)\b")]
# What is still open, heading an aside, and an order after it: "(pendiente presupuesto, NO llamar hasta que …)",
# "(offen: Kulanz, NICHT zusagen)"; a status alone is told to customers ("(pendiente de envío)").
# A colleague by name agreeing to what the aside orders: "Mark is akkoord", "Jens ist einverstanden", "Luc est d'accord",
# "Ana está de acuerdo", "Paolo è d'accordo", "Rui concorda", "Sam is fine with it", "Sam's OK with it".
_AGREES = re.compile(r"(?-i:\b([A-ZÀ-Þ][a-zà-ÿ]{1,15}))(?:\s+(?:is|ist|est|est[áa]|[èe]|gaat|geht)|['’]s)\s+(?:(?:het\s+)?"
                     r"akkoord|einverstanden|d['’]accord|de\s+acuerdo|d['’]accordo|de\s+acordo|ok(?:ay)?\s+with|fine\s+with)\b|"
                     r"(?-i:\b([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s+(?:concorda|approved|agreed|signed\s+off)\b", re.I)
_PENDING_HEAD = re.compile(r"^(?:pendiente|pendente|pending|offen|en\s+attente|in\s+sospeso|in\s+afwachting|aguardando)\b")
_MARK_VERB = re.compile(
    r"^(?:confirm|check|add|insert|verify|update|fix|ask|chase|tbc|tbd|todo|need|prufen|checken|einfugen|klaren|"
    r"verifier|confirmer|ajouter|inserer|verificar|confirmar|comprobar|anadir|insertar|verificare|confermare|"
    r"controllare|aggiungere|inserire|controleren|toevoegen|invoegen|conferir|adicionar|inserir)\b")
_FIELD_LIKE = re.compile(r"^\s*[A-Za-z][\w.]*\s*$")
# A template engine's expression: a field and a filter after a pipe ("first_name | fallback: 'there'",
# "customer.name|default:'Kunde'", "vorname | capitalize").
# (or a literal fallback after the pipe: "{{vorname|"liebe Leserin, lieber Leser"}}")
_TEMPLATE_EXPR = re.compile(r"^\s*[A-Za-z_][\w.]*\s*\|\s*(?:[A-Za-z_]\w*\s*(?::|$|\|)|[\"'“„«])")
# "PS Maria: …", "P.S. @tom …", "PS für Jens – …", "(ps per Marco: …)": a postscript to a named colleague.
_POSTSCRIPT = re.compile(r"(?:^|[.!?]\s+|[(\[]\s*)\s*(?:[Pp]\.?\s?[SsDd]\.?|PPS|[Nn]\.?[Bb]\.?)\s*[:\-–—]?\s*(?:(?:to|for|an|für|pour|"
                         r"à|para|per|voor|aan)\s|(?:x|p/|pr)\s)?\s*(?:(?:o|a|el|la|le|il|de|die|der)\s+)?(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})"
                         r"\s*(?:[:,—–]|\s-\s)")
# "x Luca: ricontrolla l'IBAN", "x Juan: no le cobres", "p/ Nuno: confirmar morada": a note headed for a colleague in
# the chat shorthand of "per"/"por"/"para", which nobody writes to a customer.
_X_NAME = re.compile(r"(?:^|[.!?…]\s+)\s*(?:x|p/|pra)\s*(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*:\s*\S")
# "Sam — can you double-check this?" at the start of a line.
_NAMED_REQUEST = re.compile(r"^\s*([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:—|–|\s-)\s*(?:(?:can|could|would)\s+(?:you|u)\s+"
                            r"(?:pls\s+|please\s+)?(?:double[- ]?check|check|confirm|approve|verify|look|sign|ok)|"
                            r"pls|plz)\b", re.I)
# What a colleague is asked to do, first thing after their name: "book the slot", "can u …", "before sending".
_ASKED = re.compile(r"^(?:book|bring|grab|send|call|ring|check|add|sort|chase|fix|update|close|remember|remind|ask|tell|"
                    r"give|pick|order|print|raise|log|cancel|confirm|approve|arrange|email|text|reply|take|look|"
                    r"can\s+u|could\s+u|can\s+you|could\s+you|pls|plz|please)\b|.*\bbefore\s+sending\b")
# "… — Dan" at the end of an aside: a colleague signing their comment on the draft.
_SIGNED = re.compile(r"[—–-]\s*@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*$")
# An aside initialled by its writer at its end, as staff sign notes: "… certified copy is ok - AB", "… — JM".
_INITIALLED = re.compile(r"\s[—–-]\s*((?-i:[A-Z]{2,3}))\s*$")
# A reviewer's comment on the draft, headed by their initials: "[MK: viel zu unterwürfig, 2 von 3 Entschuldigungen
# raus]", "(JM: ¿le damos el 15 o solo el porte gratis?)", "(RB: I'd drop the last line)". Not capitals a customer is
# told ("(DHL: …)", "(IBAN: …)", "[EN: …]"), and only with what a reviewer says: a question, a verdict on the wording,
# an edit, the reviewer's own "I'd", an order or the customer in the third person.
_INITIALS_HEAD = re.compile(r"^((?-i:[A-Z]{2,3}))\s*:\s*(\S.*)$")
_CODES = {"DHL", "UPS", "DPD", "GLS", "TNT", "BRT", "SDA", "MRW", "CTT", "USPS", "PIN", "BIC", "SKU", "ATM", "URL",
          "API", "NIF", "CIF", "DNI", "NIE", "CPF", "KVK", "AGB", "CGV", "TV", "PC", "WC", "AT", "CH", "BE", "LU",
          "IE", "PL", "SE", "DK", "NO", "FI", "CA", "AU", "NZ", "MX", "BR", "AR", "CL", "CO", "GL", "CAT", "EUS"}
_REVIEWED = re.compile(
    r"\b(?:raus|streichen|weg\s+damit|k[üu]rzen|cut|drop|delete|remove|rephrase|reword|supprimer|enlever|virer|"
    r"couper|quitar|quita|eliminar|sobra|recortar|togliere|togli|eliminare|tagliare|eruit|schrappen|inkorten|tirar|"
    r"retirar|cortar)\b|"
    r"\b(?:i['’]d|i\s+would|ich\s+w[üu]rde|je\s+(?:mettrais|laisserais|garderais|dirais|proposerais|enl[èe]verais)|"
    r"(?:yo\s+)?(?:lo\s+|la\s+)?(?:dejar[íi]a|pondr[íi]a|quitar[íi]a|dir[íi]a|ofrecer[íi]a)|"
    r"(?:io\s+)?(?:lascerei|metterei|toglierei|direi|offrirei)|ik\s+zou|"
    r"(?:eu\s+)?(?:deixaria|poria|tiraria|diria|ofereceria))\b", re.I)
_HARSH_RX = re.compile(r"\b(?:(?:viel|etwas|bisschen|veel|wat|erg)\s+(?:zu|te)|zu\s+sehr|too|trop|demasiado|troppo)"
                       r"\s+[a-zà-ÿ]{4,}")
# The writer's doubt as an indirect question: "ask compliance if …", "check whether …" (not "ask for the manager").
_ASK_WHETHER = re.compile(r"^(?:ask|check|confirm|find\s+out|verify)\s+(?:[\w'’]+\s+){0,3}?(?:if|whether)\b", re.I)
# Capitals that end an aside without signing it: countries, currencies, time zones, abbreviations said to customers.
_NOT_INITIALS = {"UK", "US", "USA", "EU", "GB", "VAT", "FAQ", "GMT", "UTC", "CET", "CEST", "BST", "PDF", "NB", "PS",
                 "AM", "PM", "ID", "OK", "EN", "DE", "FR", "ES", "IT", "NL", "PT", "EUR", "GBP", "USD", "CHF", "TBC",
                 "TBD", "ETA", "MOT", "SMS", "APP", "IVA", "TVA", "MWST", "BTW", "CC", "BCC", "RE", "FW"}
# A chat line's speaker: "Lewis: ", "Agent Mel: ", "[10:06] Nuria (Atención al cliente): ", and the company after a
# separator as chat tools print it: "Irene · Clínica Veterinaria Los Almendros: ", "Ryan @ Oak & Hearth: ".
_SPEAKER = re.compile(r"^\s*(?:\[\d{1,2}:\d{2}(?::\d{2})?\]\s*)?(?:[A-ZÀ-Þ][\w.'\-]*)(?:\s+[A-ZÀ-Þ][\w.'\-]*){0,2}"
                      r"(?:\s*\([^)]{1,40}\)|\s+[·@|]\s+[A-ZÀ-Þ][^:()\n]{1,40}?)?\s*:\s+(?=\S)")
# A line that starts by naming a colleague: "Marta, this one needs your sign-off …", "-- Kate, can you sort …".
# A chat message or a line that turns to someone after a first word in lower case ("attends Karim je lui mets quoi …?",
# "wait Tom, did he …?", "oye Marta, ¿a este le …?"): the name of the one spoken to, then what they are asked.
_AFTER_A_WORD = re.compile(r"^([a-zà-ÿ]{2,10})[,!]?\s+([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*[,!:—–-]?\s+(.+)$")
# First words that put a name in a phrase, not in the vocative: prepositions, articles, titles, greetings, thanks.
_NOT_AN_INTERJECTION = {
    "avec", "with", "mit", "con", "de", "del", "da", "di", "dal", "para", "pour", "por", "per", "a", "an", "au", "aux",
    "bei", "by", "from", "to", "for", "voor", "met", "van", "com", "und", "and", "et", "y", "e", "en", "ou", "or",
    "o", "oder", "of", "le", "la", "les", "el", "los", "las", "il", "lo", "the", "der", "die", "das", "dem", "den",
    "het", "een", "un", "une", "uno", "una", "um", "uma", "hi", "hello", "hey", "dear", "hallo", "bonjour", "salut",
    "hola", "ciao", "hoi", "ola", "oi", "merci", "thanks", "danke", "gracias", "grazie", "bedankt", "obrigado",
    "obrigada", "chez", "dans", "in", "im", "sur", "on", "at", "bij", "naar", "nach", "zu", "zum", "zur", "sous",
    "entre", "sans", "sin", "senza", "sem", "zonder", "ohne", "mr", "mrs", "ms", "dr", "herr", "frau", "madame",
    "monsieur", "senor", "senora", "signor", "signora", "meneer", "mevrouw", "senhor", "senhora", "sr", "sra", "st",
    "saint", "san", "santa", "sao", "via", "vers", "depuis", "desde", "is", "est", "es", "ist", "sono", "soy", "sou",
    "ik", "je", "ich", "io", "yo", "eu", "i", "we", "nous", "wir", "noi", "wij", "nos", "my", "our", "mon", "ma",
    "mein", "meine", "mi", "mio", "mijn", "meu", "minha", "your", "votre", "ihr", "su", "uw", "seu", "sua",
    "cher", "chere", "liebe", "lieber", "querido", "querida", "caro", "cara", "beste", "estimado", "estimada", "dag",
    "morning", "evening", "buongiorno", "buenas", "bom", "boa", "goedemorgen", "tag", "morgen", "abend", "bonsoir"}
_HEADS_UP_WORD = re.compile(r"^(?:ojo|achtung|attention|attenzione|aten[cç][aã]o|cuidado|careful|psst|nb)$", re.I)
# Laughing to a colleague about the customer coming back again: "haha Kees, weer een 'waar blijft mijn pakket' om 7 uur".
_LAUGH = re.compile(r"^(?:ha(?:ha)+|he(?:he)+|lol|mdr|ja(?:ja)+|kkk+|rs(?:rs)+|xd)$", re.I)
_AGAIN = re.compile(r"\b(?:again|yet\s+another|another\s+one|weer|alweer|nog\s+een|schon\s+wieder|wieder|encore|"
                    r"otra\s+vez|de\s+nuevo|otr[ao]\s+m[áa]s|ancora|di\s+nuovo|un\s+altr[oa]|de\s+novo|outra\s+vez|mais\s+um[a]?)\b",
                    re.I)
# (or a dash: "Hamza - I went with £30 but not sure …, change it if not before sending")
_NAME_FIRST = re.compile(r"^[\s\-–—*>]*([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:,|(\s[-–—]|[–—]))\s+(.+)$")
# "before sending" with an object is said to customers too ("Returns - before sending the item back, …"): after a
# dash only the reply's own sending ("… before sending", "before sending this") asks a colleague.
_SENDING_SOMETHING = re.compile(r"\bbefore\s+sending\s+(?!this\b|it\b)[^\W\d_]", re.I)
_COLLEAGUE_ASK = re.compile(
    r"\b(?:can|could|would)\s+(?:you|u)\s+(?:pls\s+|please\s+)?(?:sort|check|confirm|approve|grab|take|look|handle|"
    r"deal|chase|send|book|ok|sign|double[- ]?check|pick|cover|fix|ring|call)\b|"
    r"\byour\s+(?:sign[- ]?off|ok|approval|go[- ]ahead)\b|\bbefore\s+(?:it|this)\s+goes\b|\bbefore\s+sending\b|"
    # The informal "you" of a colleague asked something: "Marta, kannst du …?", "Luca, puoi …?", "Rui, consegues …?"
    r"\b(?:kannst|k[öo]nntest)\s+du\b[^?]*\?|\b(?:peux[- ]tu|tu\s+peux|pourrais[- ]tu)\b[^?]*\?|"
    r"\b(?:puedes|podr[ií]as|puoi|potresti|kun\s+je|kan\s+je|podes|consegues)\b[^?]*\?|"
    r"\b(?:neem|kun|kan|wil|doe|pak)\s+jij\b[^?]*\?", re.I)
# The reply introduces the person to the customer ("I've copied in my colleague Aisha (cc'd)"): talking to them is fine.
_INTRODUCED = (r"(?:cc'?d|cc:|copied\s+in|copying\s+in|looping\s+in|looped\s+in|my\s+colleague|introduce|"
               # in the other languages: "metto in copia Marco", "je mets Marc en copie", "il mio collega Marco"
               r"in\s+copia|en\s+copie|en\s+copia|in\s+Kopie|in\s+cc|em\s+c[óo]pia|mi[oa]\s+collega|"
               r"mon\s+coll[èe]gue|ma\s+coll[èe]gue|mi\s+compa[ñn]er[oa]|meine?[nm]?\s+Kolleg(?:e|in|en)|"
               r"mijn\s+collega|meu\s+colega|minha\s+colega)")
# "PS Gaz bring the big pipe wrench": a postscript that orders a named colleague.
_PS_ORDER = re.compile(r"(?:^|[.!?]\s+)\s*(?:[Pp]\.?\s?[Ss]\.?|PPS)\s*[:\-–—]?\s*(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15})\s+"
                       r"(?:bring|grab|take|remember|don't\s+forget|make\s+sure|pls|plz|can\s+(?:you|u)|could\s+(?:you|u)|"
                       r"check|call|ring|book|sort|chase|pick\s+up|send|order|fix|bitte|denk\s+an|n'oublie|"
                       r"pense\s+[àa]|no\s+olvides|ricordati|vergeet\s+niet|lembra)\b")
# "@Davide mi confermi lo stock?", "@Priya can u grab this one?": a colleague tagged and asked something.
_AT_HANDLE = re.compile(r"(?<![\w.@])@((?-i:[a-z])[\w.\-]{1,24}?)(?=[,:]?\s)")
_SOCIAL_WORDS = re.compile(r"\b(?:twitter|instagram|insta|facebook|tiktok|linkedin|threads|bluesky|mastodon|youtube|"
                           r"follow|folg\w*|suivre|suivez|seguir|s[íi]guenos|seguici|seguiteci|volg\w*|dm)\b", re.I)
_INFORMAL_ASK = re.compile(r"\b(?:kannst|k[öo]nntest|magst|puedes|podr[ií]as|miras|puoi|potresti|guardi|podes|consegues|"
                           r"v[êe]s|peux|pourrais|kun|kan)\b", re.I)
_AT_NAME = re.compile(r"(?<![\w.@])@([A-ZÀ-Þ][a-zà-ÿ]{1,15})\b(?![.\-]\w)")
# "remember to close 4471 + merge the dupe after sending!!": a reminder to self about the sending itself.
_SEND_REMINDER = re.compile(
    r"^\W*(?:remember|don't\s+forget|dont\s+forget|make\s+sure|need\s+to|must|nicht\s+vergessen|denk\s+dran|"
    r"n'oublie\s+pas|penser\s+[àa]|no\s+olvidar|no\s+olvides|acordarse|ricorda(?:rsi|ti)?|non\s+dimenticare|"
    r"niet\s+vergeten|vergeet\s+niet|lembrar|n[ãa]o\s+esquecer)\b.*"
    r"\b(?:(?:before|after)\s+(?:sending|it\s+goes\s+out|this\s+goes\s+out)|(?:vor|nach)\s+dem\s+(?:ab|ver)?senden|"
    r"(?:avant|apr[èe]s)\s+(?:l'envoi|envoi|d'envoyer)|(?:antes\s+de|despu[ée]s\s+de|depois\s+de)\s+(?:enviar|mandar)|"
    r"(?:prima\s+di|dopo)\s+(?:inviare|l'invio)|(?:voor|na)\s+het\s+(?:versturen|verzenden))\b", re.I)
# "… dispatched from our — check whether Leeds or Bristol actually has it??": a sentence that breaks off into a
# drafting question.
_DASH_OPEN = re.compile(r"\s[—–-]\s+(?:check|confirm|verify|ask|find\s+out|double[- ]?check)\b", re.I)
_DASH_DRAFT = re.compile(r"\s[—–-]\s+((?:check|confirm|verify|ask|find\s+out|double[- ]?check)\s+(?:whether|if|with|"
                         r"w/)\b[^?]*\?)", re.I)
# Remarks and shorthand about the customer ("PITA", "the usual moaner", "this one is a nightmare").
_REMARKS = [
    re.compile(r"\bPITA\b(?!\s+(?:bread|pocket|chip|wrap)s?\b)"),
    # Third person about the customer, in a reply written to them.
    re.compile(
        r"\b(?:she|he)(?:'s|\s+is)\s+(?:(?:clearly|obviously|probably|just)\s+)?(?:lying(?!\s+(?:on|in|down|under|there|flat|at|around|about\s+on))|making\s+(?:it|this)\s+up|"
        r"taking\s+the\s+(?:piss|mick)|trying\s+it\s+on|at\s+it\s+again)\b|"
        r"\b(?:die|der|sie|er)\s+nervt\b|\bnervt\s+(?:echt|total|gewaltig|mich|uns)\b|"
        r"\b(?:elle|il)\s+est\s+(?:vraiment\s+|trop\s+|super\s+|tellement\s+)?(?:p[ée]nible|chiante?|lourde?|"
        r"insupportable|relou)\b(?!\s*d[e'’])|"
        r"\bqu[ée]\s+(?:pesad[oa]|plasta|cansin[oa])\s+(?:es\s+)?(?:est[ea]|la|el|es[ea])\s+(?:señora|señor|cliente|"
        r"clienta|t[íi][oa]|mujer|hombre|chic[oa])\b|"
        r"\b(?:lei|lui)\s+[èe]\s+(?:proprio\s+|davvero\s+)?"
        r"(?:insopportabile|pesante|una\s+rompi\w+|un\s+rompi\w+)\b|"
        r"\b(?:ze|hij)\s+is\s+(?:echt\s+|zo\s+)?een\s+(?:zeur\w*|lastpak|drama)\b|"
        r"\b(?:ela|ele)\s+[ée]\s+(?:muito\s+|mesmo\s+|t[ãa]o\s+)?(?:chat[oa]|insuport[áa]vel|pesad[oa])\b|"
        r"\b(?:she|he)(?:'s|\s+is|\s+has\s+been|'s\s+been)\s+(?:a\s+)?(?:right|total|real|complete|proper|"
        r"absolute)\s+(?:pain|nightmare|nutter|handful|headache|moaner|pest|joke|piece\s+of\s+work)\b|"
        r"\b(?:this|that)\s+(?:customer|client|woman|guy|lady|man|bloke)\s+(?:is|'s)\s+(?:an?\s+|such\s+an?\s+|"
        r"a\s+total\s+|a\s+real\s+|a\s+right\s+)?(?:nightmare|pain|joke|nutter|liar|idiot|handful|headache|moaner|"
        r"time[- ]?waster|pest)\b|"
        r"\btypical\s+(?:\w+\s+)?(?:customer|client|moaner)\b|"
        r"\b(?:just|let's|lets|let\s+us)\s+(?:give|refund|send|offer|tell|fob|ignore|close\s+on)\s+(?:her|him)\b|"
        r"\bso\s+(?:she|he)\s+(?:goes\s+away|shuts?\s+up|stops?\s+(?:emailing|calling|moaning|complaining))\b|"
        r"\bnot\s+worth\s+the\s+(?:hassle|effort|fight|aggro)\b|"
        r"\b(?:\d+(?:st|nd|rd|th)|third|fourth|fifth|nth)\s+time\s+(?:she|he)(?:'s|\s+has)\s+(?:chased|called|"
        r"emailed|written|complained|rung)\b|"
        r"\b(?:she|he)(?:'s|\s+has)\s+(?:already\s+)?(?:chased|called|rung|emailed|written|complained)\s+"
        r"(?:\w+\s+){0,2}?(?:times|twice)\b|"
        # (not a sigh shared with the customer: "Ugh, again the customer service line was down, sorry about that")
        r"\b(?:ugh+|urgh+|sigh)\b[,.!\s]*(?:\w+\s+){0,2}?again\b(?![^.!?\n]*\b(?:sorry|apolog\w*|you|your)\b)", re.I),
    re.compile(
        r"\bpain\s+in\s+the\s+(?:neck|backside|butt|rear)\b|"
        r"\b(?:usual|serial|professional|chronic|habitual|resident|regular)\s+(?:moaner|complainer|whinger|whiner|"
        r"troublemaker|time[- ]?waster|nutter|pest)s?\b|"
        r"\b(?:moaner|whinger|time[- ]?waster|nutjob|nutter|drama\s+queen|freeloader|cheapskate)s?\b|"
        r"\b(?:this|that)\s+one\s+(?:is|'s)\s+(?:an?\s+|such\s+an?\s+|a\s+real\s+|a\s+total\s+|a\s+right\s+)?"
        r"(?:nightmare|pain|piece\s+of\s+work|handful|joke|nutter|headache)\b|"
        r"\b(?:she|he)(?:'s|\s+is)\s+(?:an?\s+|such\s+an?\s+|a\s+real\s+|a\s+total\s+|a\s+right\s+|being\s+a\s+)"
        r"(?:nightmare|pain|piece\s+of\s+work|handful|nutter|headache|drama\s+queen)\b|"
        r"\b(?:nightmare|annoying|crazy|entitled|shouty|problem|moany|whiny)\s+(?:customer|client|caller|lady|woman|"
        r"guy|bloke)\b"
        # German
        r"|\b(?:nervens[äa]ge|querulant(?:in)?|dauern[öo]rgler(?:in)?|n[öo]rgler(?:in)?|meckerziege|"
        r"nervige[rn]?\s+(?:kunde|kundin)|anstrengende[rn]?\s+(?:kunde|kundin)|"
        r"schon\s+wieder\s+(?:der|die|dieser|diese)\s+(?:kunde|kundin|typ|frau|mann|nervige\w*))\b"
        # French ("encore elle" opening a sentence, with rolled eyes or the same thing again: "encore elle pour la
        # même facture 🙄"; not "…, et encore elle pour …", where "elle" is whoever the sentence is about)
        r"|(?:^|(?<=[.!?…:(]\s)|(?<=\())encore\s+(?:lui|elle)\b(?=[^.!?\n]{0,60}[🙄😒🤦😤🙃]|\s+pour\s+(?:la|le|les)\s+"
        r"m[êe]mes?\b)"
        r"|\b(?:casse[- ]pieds?|r[âa]leu(?:r|se)|client(?:e)?\s+(?:relou|chiant\w*|p[ée]nible)|relou|"
        r"emmerdeu(?:r|se)|chieu(?:r|se)|encore\s+(?:lui|elle)(?=\s*(?:[!…]|\.{2,}))|encore\s+(?:ce|cette)\s+(?:client|cliente|type|"
        r"dame|bonne\s+femme))\b"
        # Spanish
        r"|\b(?:(?:el|la)\s+pesad[oa]\s+de\s+siempre|cliente\s+(?:pesad[oa]|pesad[ií]sim[oa]|plasta|insoportable)|"
        r"plasta|quejic[oa]|tocapelotas|otra\s+vez\s+(?:este|esta|el|la)\s+(?:pesad[oa]|cliente|señora|señor|tío|"
        r"tía|del|de\s+la))\b"
        # Italian
        r"|\b(?:rompiscatole|rompipalle|rompiballe|scocciatore|scocciatrice|solit[oa]\s+(?:rompi\w+|lamentos[oa]|"
        r"scocciat\w+|pesante)|cliente\s+(?:rompi\w+|pesante|insopportabile)|di\s+nuovo\s+(?:lui|lei)\s*[!…])\b"
        # Dutch
        r"|\b(?:zeurpiet|zeurkous|zeikerd|lastpak|querulant|vervelende\s+klant|lastige\s+klant|"
        r"alweer\s+(?:die|deze)\s+(?:klant|mevrouw|meneer|vent|zeur\w*))\b"
        # Portuguese
        r"|\b(?:cliente\s+(?:chat[oa]|chat[ií]ssim[oa]|insuport[áa]vel)|reclam[ãa]o|(?:o|a)\s+chat[oa]\s+de\s+sempre|"
        r"mala\s+sem\s+al[çc]a|de\s+novo\s+(?:esse|essa|este|esta)\s+(?:cliente|senhor|senhora|chat[oa]))\b"
        # the customer called a pest as the one from an earlier contact: "este es el pesado de la semana pasada", "o
        # chato de ontem", "der Nervige von gestern", "la chiante de l'autre jour", "the shouty one from yesterday"
        # (a bare "o chato" is too often a thing, "o chato é que …"; "la pesada de ayer" a weighing but after "es")
        r"|\b(?:el\s+(?:pesado|plasta|cansino|latoso)|(?:(?:es|era|otra\s+vez)\s+)la\s+(?:pesada|cansina|latosa)|"
        r"la\s+plasta|(?:o|a)\s+(?:chat[oa]|pentelh[oa])|"
        r"(?-i:(?:der|die)\s+(?:Nervige|Anstrengende|Nervensäge))|(?:le|la)\s+(?:relou|chiant|chiante|"
        r"p[ée]nible|casse-pieds)|(?:il|la)\s+(?:rompi\w+|scocciat\w+|lagnos[oa])|"
        r"(?:the\s+)?(?:annoying\s+(?:guy|lady|woman|man|bloke)|(?:shouty|moany|stroppy)\s+(?:one|guy|lady|woman|man|"
        r"bloke))|"
        r"(?:de|die)\s+(?:zeur|zeurpiet|lastige|vervelende)(?:\s+(?:meneer|mevrouw|vent|man|vrouw))?)\s+"
        r"(?:de|del|de\s+la|do|da|von|vom|de\s+l['’]|d['’]|di|della|dell['’]|from|van)\s*(?:la\s+|a\s+|the\s+)?"
        r"(?:semana\s+pasada|semana\s+passada|letzter\s+woche|letzte\s+woche|la\s+semaine\s+derni[èe]re|semaine\s+"
        r"derni[èe]re|settimana\s+scorsa|last\s+week|vorige\s+week|ayer|anteayer|ontem|gestern|vorgestern|hier|ieri|"
        r"yesterday|gisteren|otro\s+d[ií]a|outro\s+dia|neulich|autre\s+jour|altro\s+giorno|other\s+day|"
        r"mes\s+pasado|m[êe]s\s+passado|letzten\s+monat|mois\s+dernier|mese\s+scorso|last\s+month|vorige\s+maand|"
        r"esta\s+ma[ñn]ana|esta\s+manh[ãa]|heute\s+morgen|ce\s+matin|stamattina|this\s+morning|vanochtend|"
        r"la\s+otra\s+vez|outra\s+vez|l['’]autre\s+fois|l['’]altra\s+volta|last\s+time|vorige\s+keer|letztes\s+mal)\b",
        re.I),
    # The customer graded as difficult, as staff warn each other: "Client difficile, demander paiement avant …",
    # "difficult customer - get it in writing", "cliente complicado", "schwierige Kundin", "moeilijke klant" (not
    # "difficult to reach": "cliente difícil de localizar", "client difficile à joindre"); and the pest again, the
    # "again" after ("este pesado otra vez…", "esse chato de novo").
    re.compile(
        r"\b(?:(?:difficult|problem(?:atic)?)\s+(?:customer|client)|client(?:e)?\s+(?:difficile|compliqu[ée]e?|"
        r"probl[ée]matique)|cliente\s+(?:dif[íi]cil|complicad[oa]|conflictiv[oa]|difficile|problematic[oa]|"
        r"problem[áa]tic[oa])|schwierige[rn]?\s+(?:kunde|kundin)|moeilijke\s+klant)\b"
        r"(?!\s+(?:to|de|d['’]|da|di|à|a|zu|te|om|para|per)\b)|"
        r"\b(?:este|esta|ese|esa)\s+(?:pesad[oa]|plasta|cansin[oa]|latos[oa])\s+(?:otra\s+vez|de\s+nuevo)\b|"
        r"\b(?:esse|essa|este|esta)\s+(?:chat[oa]|pentelh[oa])\s+(?:de\s+novo|outra\s+vez)\b", re.I),
]
# Capitalised words that open an aside or a postscript without naming anyone ("(Note: …)", "PS Thanks, …").
_NOT_NAMES = {
    "note", "nb", "please", "pls", "tip", "see", "hint", "warning", "update", "updated", "important", "attention",
    "reminder", "info", "fyi", "edit", "example", "eg", "ie", "thanks", "thank", "sorry", "ps", "yes", "no", "ok",
    "okay", "also", "and", "or", "but", "for", "the", "this", "that", "our", "your", "we", "you", "hi", "hello",
    "dear", "optional", "free", "step", "option", "answer", "question", "re", "fw", "fwd", "source", "remember",
    "again", "anyway", "btw", "oh", "sure", "great", "good", "well", "so", "then", "now", "today", "tomorrow",
    "yesterday", "if", "when", "as", "just", "still", "even", "only", "maybe", "perhaps", "hope", "happy",
    "best", "kind", "regards", "cheers", "all", "everyone", "team", "customer", "client", "support", "service",
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january", "february", "march",
    "april", "may", "june", "july", "august", "september", "october", "november", "december",
    "bitte", "hinweis", "achtung", "wichtig", "danke", "anmerkung", "tipp", "ubrigens", "auch", "und", "oder",
    "remarque", "merci", "rappel", "astuce", "aussi", "et", "ou", "nota", "importante", "gracias", "ojo", "aviso",
    "tambien", "attenzione", "grazie", "anche", "opmerking", "belangrijk", "bedankt", "ook", "let", "atencao",
    "obrigado", "obrigada", "lembrete", "dica", "tambem", "sehr", "liebe", "hallo", "bonjour", "hola", "ciao",
    "beste", "ola", "gentile", "estimado", "estimada", "cher", "chere", "mr", "mrs", "ms", "dr", "herr", "frau",
    "mme", "sr", "sra", "sig", "dhr", "mevr", "madame", "monsieur", "senor", "senora", "signora", "signore",
    "mevrouw", "meneer", "senhor", "senhora", "kunde", "kundin", "cliente", "klant", "faq", "pdf", "sms", "url", "uk", "eu", "us", "usa", "vat", "ups",
    "dhl", "dpd", "gls", "fedex", "usps", "hermes", "stage", "phase", "part", "section", "page", "item",
    "size", "colour", "color", "total", "subtotal", "price", "order", "ref", "reference", "tel", "phone", "email",
    # pronouns, capitalised where a sentence starts: "P.S. Je hoeft de originele doos niet te gebruiken"
    "je", "jij", "u", "du", "tu", "vous", "sie", "usted", "ustedes", "voce", "ik", "ich", "io", "yo", "wij",
    "wir", "nous", "noi", "nosotros", "nos", "jullie", "ihr", "hij", "zij", "ze", "er", "es", "il", "elle", "ils",
    "elles", "ele", "ela", "they", "he", "she", "it", "i",
    # yes and no, capitalised where an answer starts: "Oui, elle existe en 180 cm …", "Nein, das geht leider nicht"
    "oui", "non", "si", "sim", "nao", "ja", "nee", "nein", "jawel", "neen",
    # imperatives that open a postscript to the customer: "PS Vergeet niet de meterstanden te noteren", "PS Keep the box"
    "keep", "don't", "dont", "do", "make", "bring", "call", "send", "feel", "enjoy", "check", "forget",
    "vergiss", "vergessen", "denk", "denken", "beachten", "beachte", "bewahren", "bewahre", "halten", "nehmen",
    "oubliez", "n'oubliez", "pensez", "gardez", "conservez", "notez", "recuerde", "recuerda", "olvide", "olvides",
    "guarde", "tenga", "ricordi", "ricordati", "dimentichi", "conservi", "vergeet", "bewaar", "houd",
    "neem", "noteer", "lembre", "lembre-se", "esqueca", "mantenha",
}

# --- Weighing evidence: is a stretch of text (an aside, a chat message, a line) talk between staff? ---
# The customer in the third person, in a reply written to them: pronouns and nouns of every language, demonstratives
# ("this one", "la solita", "der hat"), imperatives with a pronoun for the customer ("rispondile", "dale largas").
_THIRD_PRONOUN = re.compile(
    r"\b(?:she|he(?!\s+[^\W\d_]+(?:ado|ido|cho|to)\b)|her|him|hers|his|she's|he's|qu'elle|qu'il|elle|lui|ella|él|ele|ela|dele|dela|lei|zij|hij|haar|hem)\b|"
    r"\b(?:der|die)\s+(?:hat|ist|war|will|wollte|ruft|schreibt|nervt)\b|\b(?:sie|er)\s+(?:hat|ist|war|will|ruft|schreibt)\b|"
    # the verb before its subject, as German puts it after an object: "die Gutschrift hat er schon bekommen" (a
    # verb of the third person singular: not the formal "haben Sie")
    r"\b(?:hat|hatte|ist|war|will|wollte)\s+(?-i:er|sie)\b",
    re.I)
_THIRD_NOUN = re.compile(
    r"(?<![\w\-])(?:cx|cust|Cx)(?![\w\-])|\b(?:the|this|that)\s+(?:[\w*]+\s+)?(?:customer|client|tenant|caller|guy|"
    r"lady|woman|bloke)\b|\b(?:the|this|that)\s+(?:man|one)\b|\b(?:der|die)\s+(?:schon\s+)?wieder\b|"
    r"\b(?:esse|essa|este|esta)\s+(?:cara|tipo|mina|mo[çc][oa]|senhor|senhora|cliente)\b|"
    r"\b(?:deze|die)\s+(?:meneer|mevrouw|klant|vent|man|vrouw)\b|"
    # the same person as before, which only staff who dealt with them say: "o mesmo senhor que …", "the same guy"
    r"\b(?:(?:the|this|that|der|die|das|le|la|ce|cette|el|este|esta|lo|questo|questa|o|a|esse|essa)\s+(?:same|"
    r"gleiche|selbe|m[êe]me|mism[oa]|stess[oa]|mesm[oa])|derselbe|dieselbe|dezelfde|diezelfde)\s+(?:customer|client|"
    r"guy|man|lady|woman|gentleman|bloke|person|caller|kunde|kundin|herr|frau|typ|mann|cliente|monsieur|dame|type|"
    r"personne|señor|señora|clienta|tipo|hombre|mujer|signore|signora|tizio|tizia|uomo|donna|meneer|mevrouw|klant|"
    r"vent|vrouw|senhor|senhora|homem|mulher)\b|\b(?:sempre|di\s+nuovo|ancora)\s+(?:lui|lei)\b|\b(?:customer|client|tenant)\s+(?:is|was|has|had|wants|keeps|says|said|calm|angry|annoyed|called|rang|"
    r"emailed|threatens)\b|\b(?:der|die)\s+(?:kunde|kundin|typ|frau|mann)\b|\b(?:kunde|kundin)\b|"
    r"\b(?:le|la|ce|cette)\s+(?:client|cliente|type|dame|monsieur|adh[ée]rente?)\b|"
    r"\b(?:el|la|este|esta|ese|esa)\s+(?:cliente|clienta|señora|señor|tío|tía|tipo)\b|"
    # the customer as a member or subscriber, pointed at: "esta socia ya intentó lo mismo", "questo abbonato",
    # "dieses Mitglied", "cet abonné", "deze abonnee", "este sócio", "this member" (with a demonstrative only: "el
    # número de socio", "als Mitglied erhalten Sie", "Dutch 'dit lid'" (a clause of a contract) are no person)
    r"\b(?:este|esta|ese|esa)\s+(?:socio|socia|abonad[oa]|afiliad[oa])\b|\b(?:questo|questa|quel|quella)\s+(?:socio|"
    r"socia|abbonat[oa]|iscritt[oa]|tesserat[oa])\b|\b(?:dieses|jenes)\s+Mitglied\b|\b(?:dieser|diese)\s+"
    r"(?:Abonnent|Abonnentin)\b|\b(?:ce|cet|cette)\s+(?:abonn[ée]e?|adh[ée]rente?|membre)\b|\bdeze\s+abonnee\b|"
    r"\b(?:este|esta|esse|essa)\s+(?:s[óo]ci[oa]|assinante|associad[oa])\b|\b(?:this|that)\s+(?:member|subscriber)\b"
    r"(?!\s+(?:benefit|benefits|area|portal|number|id|price|prices|discount|rate|offer|card|login|account|services?|"
    r"perk|perks|zone|hub|exclusive|only|pricing|tier|status)\b)|"
    r"\b(?:ojo\s+que\s+)?(?:este|esta)\s+(?:siempre|ya|otra|nunca|no\s+para)\b|"
    # a person by a bare demonstrative after the personal "a", with a clitic: "¿a este le damos el reembolso?"
    r"\ba\s+(?:este|esta|ese|esa)\s+(?:le|les|lo|la)\s+\w|"
    r"\b(?:il|la|lo)\s+(?:cliente|tizio|tizia|signora|signore)\b|\b(?:la|il)\s+solit[ao]\s+(?:del|della|che|di)\b|"
    r"\bde\s+(?:klant|mevrouw|meneer|vent)\b|\b(?:o|a|esse|essa|este|esta)\s+(?:cliente|senhor|senhora)\b|"
    r"\b(?:da|di|manda|llama|contesta|ofrece|escribe)(?:le|la|lo)\b|\b(?:dile|dale)\b|"
    r"\b(?:rispondi|scrivi|manda|chiama|d[ai])(?:gli|le|la|lo)\b|\b(?:digli|dille|dagli|dalle)\b|"
    # the same in Portuguese, the pronoun after a hyphen: "avisa-o que é a última vez", "diz-lhe que …", "liga-lhe"
    r"\b(?:avisa|diz|liga|explica|responde|telefona|informa|escreve)-(?:o|a|lhe|os|as|lhes)\b", re.I)
# It happens again and again: "fourth email this week", "third time", "schon 3x", "zum vierten Mal", "4e fois".
_ORDINAL = (r"(?:\d+(?:st|nd|rd|th|e|ème|eme|x|º|ª|\.)?|second|third|fourth|fifth|sixth|umpteenth|nth|millionth|"
            r"hundredth|zweite[ns]?|dritte[ns]?|vierte[ns]?|f[üu]nfte[ns]?|deuxi[èe]me|troisi[èe]me|quatri[èe]me|"
            r"segunda|tercera|cuarta|seconda|terza|quarta|tweede|derde|vierde|terceira)")
# An ordinal as a word or with its ending, never a bare number: "3rd", "3e", "4ª", "dritte", "cuarta".
_ORDINAL_WORD = (r"(?:\d+(?:st|nd|rd|th|e|ème|eme|º|ª)|second|third|fourth|fifth|sixth|umpteenth|nth|"
                 r"zweite[ns]?|dritte[ns]?|vierte[ns]?|f[üu]nfte[ns]?|deuxi[èe]me|troisi[èe]me|quatri[èe]me|"
                 r"segund[oa]|tercer[oa]?|cuart[oa]|quint[oa]|second[oa]|terz[oa]|quart[oa]|tweede|derde|vierde|vijfde|"
                 r"terceir[oa])")
# Contacting or being helped again and again: what a customer does, not what a courier or an engineer does.
_CONTACT = (r"(?:call|calls|called|calling|rang|ring|rung|phoned|phoning|email|emails|emailed|emailing|message|messages|"
            r"messaged|complaint|complaints|complained|complaining|chased|chasing|written|wrote|writes|explained|"
            r"walked\s+\w+\s+through|mail|mails|appel\w*|[ée]crit|relance\w*|r[âa]l\w+|escrib\w*|escrito|llam\w*|"
            r"quej\w*|reclam\w*|scritto|scrive|chiamat\w*|chiama|lamentat\w*|gebeld|belt|bellen|gemaild|mailt|"
            r"geschreven|schrijft|geklaagd|klaagt|ligou|liga|escreveu|escreve|angerufen|ruft|geschrieben|schreibt|"
            r"reklamiert|gemeldet|gemailt|erkl[äa]rt|expliqu\w*)")
# It keeps happening: "fourth email this week", "third time we've walked him through", "schon 3x angerufen".
_REPEAT = re.compile(
    rf"\b{_ORDINAL}\s+(?:[\w\-'’\"]+\s+){{0,2}}?(?:email|emails|call|calls|message|messages|complaint|complaints|mail|mails|"
    r"claim|claims|"
    r"appel|llamada|chiamata|telefoontje|liga[çc][ãa]o|reclama[çc][ãa]o|reclamo|"
    # the complaint, call or message counted in every language: "3e réclamation de la semaine", "dritte Beschwerde"
    r"r[ée]clamations?|plaintes?|courriels?|appels|beschwerden?|reklamation(?:en)?|anrufe?|nachrichten?|quejas?|"
    r"reclamaci[óo]n(?:es)?|correos?|mensajes?|llamadas|lamentel[ae]|segnalazion[ei]|telefonat[ae]|chiamate|reclami|"
    r"klachten|klacht|berichten|telefoontjes|queixas?|reclama[çc][õo]es|mensagens?|chamadas?|liga[çc][õo]es|"
    # asking again and again: "her 3rd free-month request this quarter", "la tercera solicitud de reembolso"
    r"requests?|demandes?|anfragen?|solicitud(?:es)?|petici[óo]n|richiest[ae]|verzoek(?:en)?|aanvra(?:ag|gen)|"
    r"pedidos?\s+de|solicita[çc][ãa]o)\b|"
    # any contact, return or refund counted by an ordinal (not "30 days to return"): "3e contact cette semaine", "la
    # cuarta devolución", "dritte Retoure", "her 4th refund"
    rf"\b{_ORDINAL_WORD}\s+(?:[\w\-]+\s+)?(?:contacts?|kontakt(?:e|s)?|contactos?|contatt[oi]|contatos?|contacten|"
    r"returns?|refunds?|retours?|remboursements?|r[üu]cksendung(?:en)?|retouren?|erstattung(?:en)?|"
    r"devoluci[óo]n(?:es)?|reembolsos?|resi|rimbors[oi]|terugbetaling(?:en)?|devolu[çc](?:[ãa]o|[õo]es))\b|"
    rf"(?m:^)(?=.*\b{_CONTACT}\b)(?:.*\b{_ORDINAL}\s+(?:time|times|fois|vez|veces|volta|volte|keer|vezes|mal)\b|"
    r".*\b(?:schon|bereits|already)\s+\d+\s*x\b|.*(?<![\w.,])\d+\s?x\b|.*\bzum\s+\w+(?:ten)?\s+mal\b)|"
    r"\bde\s+siempre\b", re.I)
# Weaker: "again", "always", "siempre" (a courier may come again too), goodwill (offered to customers too).
_WEAK = re.compile(r"\b(?:again|always|encore|toujours|otra\s+vez|siempre|di\s+nuovo|sempre|schon\s+wieder|immer|"
                   r"alweer|altijd|de\s+novo|the\s+usual|goodwill|voucher|gutschein|tegoed)\b", re.I)
# Staff work: tickets, escalations, shifts, goodwill, approvals, support levels.
_STAFF_WORK = re.compile(
    r"\b(?:ticket|tickets|clôture\w*|cl[ôo]turer|chiudiamo|chiudere\s+il|cerrar\s+el|schlie[ßs]en|escalate\w*|"
    r"macro|l1|l2|TL|SLA|(?:late|early|night|day|next|morning|evening|US|UK)\s+shift|schicht|"
    r"kulanz|geste\s+commercial|sign[- ]?off|chargeable|dupe|merge|jur[ií]dico|"
    r"refund\s+whatever|(?:send|use)\s+(?:the\s+|her\s+|him\s+|them\s+)?(?:standard|usual|template|canned|stock)\s+"
    r"(?:reply|response|answer|email|macro)|(?:std|standard|usual|stock|canned)\s+script|no\s+le\s+(?:demos|des|ofrezcas|deis)|non\s+(?:dargli|darle)|"
    r"n[ãa]o\s+(?:dar|oferecer|admitir))\b", re.I)
# Orders and questions to colleagues: "pls …", "on clôture ?", "don't bother", "rispondile …", "no le demos".
_ORDER = re.compile(r"\b(?:someone\s+else\s+(?:take|deal|handle|grab|pick)|pls|plz|don't\s+bother|dont\s+bother|on\s+\w+\s*\?|no\s+le\s+\w+|nicht\s+wieder|ne\s+pas|"
                    r"non\s+(?:dargli|darle|rimborsare))(?!\w)|"
                    # a negation shouted at a colleague before a word in lower case: "NO credit", "KEIN Gutschein",
                    # "PAS de geste", "NADA de reembolso", "NIENTE rimborso", "GEEN tegoed", "NÃO reembolsar"
                    r"(?-i:(?<![\w'’])(?:NO|NOT|NEVER|DON'?T|NICHT|KEIN(?:E|EN)?|PAS|JAMAIS|NADA|NUNCA|NIENTE|MAI|NIET|"
                    r"GEEN|NOOIT|NÃO|NAO)\s+(?=[^\W\d_][a-zß-ÿ]))", re.I)
# Mockery: "she's clearly got nothing else on", "got rid of this one", "langsam nervt's", "walked him through".
_SNEER = re.compile(
    r"\bnothing\s+(?:else\s+)?(?:better\s+)?(?:on|to\s+do)\b|\bgot\s+rid\s+of\b|\bwalked\s+(?:her|him)\s+through\b|"
    r"\bnervt'?s?\b|\b(?:twitchy|needy|clingy|lying(?!\s+(?:on|in|down|under|there|flat|at|around))|liar|chancer|"
    r"scammer|freeloader|trying\s+it\s+on|"
    r"l[üu]gt|L[üu]gner\w*|ment(?:euse|eur)?|miente|mentirosa?|mente|bugiard[oa]|liegt|mentiros[oa])\b|"
    r"[😂🙄🤣🙈🤦🙃😒😤]|(?<!\S)(?:-\.-|-_-|>_<)(?!\S)|"
    # a person called a disaster in a word or two: "total nightmare", "echter Albtraum", "vrai cauchemar"
    r"\b(?:total|absolute|complete|utter|proper|right)\s+(?:nightmare|headache|handful|nutter|pest)\b|"
    r"\b(?:totale[rs]?|absolute[rs]?|echte[rs]?)\s+(?:albtraum|alptraum)\b|\b(?:vrai|v[ée]ritable)\s+cauchemar\b|"
    r"\bcauchemar\s+(?:total|absolu)\b|\b(?:aut[ée]ntica|verdadera)\s+pesadilla\b|\bpesadilla\s+total\b|"
    r"\b(?:vero|autentico)\s+incubo\b|\bincubo\s+totale\b|\b(?:echte|totale|complete)\s+nachtmerrie\b|"
    r"\b(?:verdadeiro|aut[êe]ntico)\s+pesadelo\b|\bpesadelo\s+total\b", re.I)
_SHORTHAND = re.compile(r"(?<![\w\-])(?:[Cc]x|[Cc]ust)(?![\w\-])")


def _staff_talk(unit: str, pronouns: bool, lang: str | None = None) -> bool:
    """Talk between staff about the customer: the customer in the third person plus something only staff say.

    An aside may name the customer with a pronoun ("(third time we've walked him through this)"); a whole line
    needs a noun or a demonstrative ("cust calm now", "ojo que este siempre amenaza…"), since "he" in a reply's
    prose is usually an engineer or a courier. Nothing that speaks to the customer ("you", "Ihr") counts.
    """
    if _TO_CUSTOMER.search(unit) or _TO_CUSTOMER_CS.search(unit) or (lang and _spoken_to(unit, lang)):
        return False   # (with the reply's language, an informal "tu", "du", "jij" too: "esta ya es tu segunda …")
    noun = _THIRD_NOUN.search(unit)
    if not noun and not (pronouns and _THIRD_PRONOUN.search(unit)):
        return False
    # (it keeps happening, counted as contacts or as times: "3e fois qu'il change d'avis"; one piece of evidence)
    strong = sum(bool(p.search(unit)) for p in (_STAFF_WORK, _ORDER, _SNEER, _CAUTION)) + bool(
        _REPEAT.search(unit) or _AGAIN_COUNT.search(unit))
    weak = bool(_WEAK.search(unit))
    if pronouns or _SHORTHAND.search(unit) or _SNEER.search(unit):
        return strong >= 1   # a line that sneers at "the customer" needs nothing more
    return strong >= 2 or bool(strong and weak)


_TITLES = {
    _LABEL: ("Internal note left in the reply",
             "“{m}” marks text meant for colleagues; the customer was sent a note that was never meant for them, "
             "which shows the reply was not checked before sending."),
    _STAFF: ("Staff-only message sent to the customer",
             "“{m}” is talk between staff, not to the customer: it exposes the company's internal process and "
             "can read as dismissive."),
    _JOKE: ("Joke or chat slang sent to the customer",
            "“{m}” is chat slang that reads as a joke at the customer's expense, or at least as unprofessional."),
    _DRAFT: ("Drafting note left in the reply",
             "“{m}” is a note from whoever drafted the reply (something still to fill in, check or approve): the "
             "customer was sent an unfinished draft."),
    _REMARK: ("Remark about the customer sent to the customer",
              "“{m}” is staff talk about the customer, not to them: it reads as contempt and shows how the "
              "company speaks of its customers."),
}
_LABEL_ALONE_REST = re.compile(r"^[\s\W]*(?:\([^)]*\)[\s\W]*)?$")


# The last reply read, per thread: the runner's steps and a harvest's answers are checked in different threads,
# and one must never be handed the other's lines.
_MEMO = threading.local()


def _hits(text: str, ctx):
    """(the reply's lines, its noted lines), worked out once per reply: check() and staff_spans() (asked by tone)
    read the same reply one after the other."""
    persona = getattr(ctx, "persona", None) or {}
    key = (text, repr(sorted(persona.items(), key=lambda kv: kv[0])), getattr(ctx, "token", ""),
           getattr(ctx, "channel", ""))
    memo = getattr(_MEMO, "last", None)
    if memo is None or memo[0] != key:
        lines = read(text, ctx)
        memo = _MEMO.last = (key, (lines, list(_line_hits(text, ctx, lines))))
    return memo[1]


def check(text: str, ctx=None) -> list[Finding]:
    """One finding per offending line, in reading order."""
    found: list[Finding] = []
    for ln, hit, _ in _hits(text, ctx)[1]:
        kind, match, _ = hit
        if ln.kind == FOREIGN and kind == _REMARK:
            kind = _STAFF   # in a colleague's quoted message, a remark about the customer is their staff talk
        title, detail = _TITLES[kind]
        where = " (in a forwarded or quoted message between staff)" if ln.kind == FOREIGN else ""
        found.append(Finding(CHECK, "major", title, detail.format(m=match.strip()) + where, snippet(ln.text)))
    return found


def _closing(line: str, start: int) -> int:
    """Where the bracket opened at ``start`` closes in the line (-1: not in it)."""
    opening, closing = line[start], {"(": ")", "[": "]"}[line[start]]
    depth = 0
    for i in range(start, len(line)):
        depth += (line[i] == opening) - (line[i] == closing)
        if depth == 0:
            return i
    return -1


def staff_spans(text: str, ctx=None) -> dict[int, list[tuple[int, int]]]:
    """Where the reply's staff notes are: {line number: [(start, end) in the line]}.

    A bracketed aside is its brackets; any other note is its whole line, and a note label alone on its
    line ("INTERNAL:", "--- Agent notes ---") takes the lines below it up to the next blank line. Other
    checks (tone) leave these spans to this one: "!!" inside a leaked staff note is the note's fault.
    Chat slang is a note only when it is a joke about the customer ("mdr encore elle 😂", "lol she wants a
    refund"); "Thanks!! hahaha we get this a lot" was written to the customer, and tone judges it.
    """
    spans: dict[int, list[tuple[int, int]]] = {}
    lines, hits = _hits(text, ctx)
    by_no = {ln.no: ln for ln in lines}
    # (a line above the letter's greeting is no part of the letter: a note there is the whole line, "cust v. angry
    # re 5 days no broadband, offered 10% off next bill - declined. DO NOT offer again")
    greeting = next((ln.no for ln in lines if ln.kind == OWN and addressee._GREETING.match(ln.prose)), -1)
    for ln, (kind, match, span), rest in hits:
        if kind == _JOKE and not _ABOUT_CUSTOMER.search(ln.prose.replace(match, " ")):
            continue
        start = ln.prose.find(match) if span is None else -1
        ends = [e.end() for e in re.finditer(r"(?<=\w)[.!?]+\s+", ln.prose[:start])] if start > 0 and \
            ln.no >= greeting else []
        # a bracketed note ends at its bracket: "(tone this down? … - R) I have now booked …"; a label in brackets
        # heads the words after it ("[NOTE TO SELF] check the refund")
        opened = max(ln.prose.rfind("(", 0, start + 1), ln.prose.rfind("[", 0, start + 1)) \
            if start >= 0 and kind != _LABEL else -1
        if opened >= 0 and max(ln.prose.rfind(")", opened, start), ln.prose.rfind("]", opened, start)) >= 0:
            opened = -1   # closed again before the note: the note is not inside it
        close = _closing(ln.prose, opened) if opened >= 0 else -1
        if close > start:
            span = (opened, close + 1)
        elif ends:   # "… to fit the new unit. TODO check which van …": from the note's own sentence on
            span = (ends[-1], len(ln.prose))
        spans.setdefault(ln.no, []).append(span or (0, len(ln.prose)))
        for nxt in rest:   # a note that runs on: its next lines up to where it closes
            close = max(nxt.prose.find("]"), nxt.prose.find(")"))
            spans.setdefault(nxt.no, []).append((0, close + 1 if close >= 0 else len(nxt.prose)))
        # (a label and its note on one line end there: "nota p/ equipa retenção: cliente ameaçou rescindir …" does not
        # take the chat's next message)
        if kind == _LABEL and span is None and _LABEL_ALONE_REST.match(ln.prose[ln.prose.find(match) + len(match):]) \
                and (len(_NOTE_WORDS.findall(match)) <= 4 or re.search(r"[:\-–—\])*#>]\s*$", match)):
            nxt = ln.no + 1
            while nxt in by_no and by_no[nxt].text.strip():
                spans.setdefault(nxt, []).append((0, len(by_no[nxt].prose)))
                nxt += 1
    return spans


_ATTRIBUTED = re.compile(r"(?im)^[\s>]*(?:.*\b(?:wrote|schrieb|a\s+écrit|escribi[óo]|ha\s+scritto|schreef|escreveu)\s*:"
                         r"|\**(?:from|von|de|da|van)\**\s*:|-{2,}\s*\w+)")
# A line closed on both sides by arrows or stars, as a banner is (a quote opens with ">" and never closes):
# ">>> NÃO ENVIAR antes de o financeiro aprovar <<<", "*** hold until Finance confirms ***".
_BANNER = re.compile(r"^\s*(?:>{2,}|\*{3,}|#{3,})\s*(\S.{4,200}?)\s*(?:<{2,}|\*{3,}|#{3,})\s*$")
# The same banner run into a line, set off by spaces or punctuation: "You can follow the parcel here: >>>paste DPD
# link once warehouse sends it<<<".
_INLINE_BANNER = re.compile(r"(?:(?<=[\s:(])|^)(?:>{2,}|\*{3,}|#{3,})\s*([^\s*#<>].{3,200}?)\s*(?:<{2,}|\*{3,}|#{3,})"
                            r"(?=$|[\s.,;:!?)])")
_FIRST_PERSON = re.compile(r"\b(?:I|I'm|I've|my|me|mine|ich|mein\w*|je|j'|mon|ma|mes|yo|mi|mis|io|mio|mia|ik|mijn|eu|"
                           r"meu|minha)\b")


# Where a customer is told to put something, which a drafting order never says (matched folded): "(paste this link
# into your browser)", ">>> paste the code at checkout <<<", ">>> Inserire il codice al momento del pagamento <<<".
_CUSTOMER_PLACE = re.compile(
    r"\b(?:in|into|on|onto|at|to|im|ins|in\s+(?:das|den|die)|beim|auf|dans|au|sur|lors\s+d[eu]|en|al|nel|nella|sul|"
    r"bij|op|no|na|ao|em)\s+(?:(?:the|your|our|a|le|la|l'|votre|el|tu|su|il|lo|tuo|tua|het|de|je|uw|o|seu|sua|der|"
    r"dem|ihr\w*)\s+)?(?:(?:moment|momento)\s+(?:du|de|del|della|van|do|da)\s+(?:het\s+|la\s+|o\s+|a\s+)?)?"
    r"(?:form|field|box|browser|basket|cart|checkout|app|website|site|portal|search|address\s+bar|formular|feld|"
    r"warenkorb|kasse|bezahl\w*|bestell\w*|formulaire|champ|navigateur|panier|paiement|commande|formulario|campo|"
    r"navegador|carrito|cesta|pago|modulo|carrello|pagamento|ordine|formulier|veld|winkel\w*|afrekenen|bestellen|"
    r"carrinho|"
    r"encomenda)\b|"
    # or when: "before paying", "antes de pagar", "vor dem Bezahlen", "avant de payer", "prima di pagare"
    r"\b(?:before|when|antes\s+de|al|vor\s+dem|avant\s+de|prima\s+di|voor\s+het|bij\s+het|ao)\s+(?:paying|ordering|"
    r"checking\s+out|pagar|comprar|pedir|finalizar|bezahlen|bestellen|payer|commander|pagare|ordinare|betalen|"
    r"afrekenen|encomendar)\b|"
    r"\b(?:below|above|hieronder|ci-dessous|abajo|qui\s+sotto|abaixo|unten)\b")


def _banner_note(inner: str, ctx, names: set[str], whole: str, persona: dict, lang: str):
    """What a banner closed on both sides says, read as a line of its own: a note by its words, or by two points of
    staff evidence and nobody spoken to. Banners are what shops write to customers too: one that says where the
    customer puts something is theirs."""
    folded = fold(inner)
    if _CUSTOMER_PLACE.search(folded):
        return None
    if _SQUARE_IMPERATIVE.search(folded) and not _spoken_to(inner, lang):
        return _DRAFT, inner.strip(), None   # set apart as square brackets are: ">>> insert the amount once … <<<"
    return _first_hit(inner, ctx, names, whole) or (
        (_STAFF, inner.strip(), None) if not addressee._addressed_to_customer(inner, persona, lang)
        and not addressee._FOOTER.search(inner) and addressee.evidence(inner, persona, lang)[0] >= 2 else None)


def _inline_banner(line: str, ctx, names: set[str], whole: str, persona: dict, lang: str):
    """A banner run into the line, judged as one on a line of its own; the note is the banner, as an aside is its
    brackets."""
    for b in _INLINE_BANNER.finditer(line):
        hit = _banner_note(b.group(1), ctx, names, whole, persona, lang)
        if hit:
            return hit[0], b.group(0), b.span()
    return None


_FORWARD_TO = re.compile(r"^\s*\**(?:to|aan|an|à|a|para|per)\**\s*:\s*(\S.*)$", re.I)


def _internal_forward(lines, names: set[str]) -> set[int]:
    """The lines of a forwarded message between staff: its header names a sender and a receiver, neither of
    them the customer ("Van: Femke Jansen / Aan: Tim van Leeuwen", the agent who signs the reply)."""
    out: set[int] = set()
    sender = receiver = None
    for ln in lines:
        if ln.kind != FOREIGN:
            sender = receiver = None
            continue
        if (m := _HEADER_FROM.match(ln.prose)) is not None:
            sender, receiver = m.group(1), None
        elif (m := _FORWARD_TO.match(ln.prose)) is not None and sender is not None:
            receiver = m.group(1)
        elif sender and receiver and not any(n in fold(sender + " " + receiver).split() for n in names if len(n) >= 3):
            out.add(ln.no)
    return out


# The reply's own words handing a colleague's message on to the customer on purpose: "anbei wie besprochen die
# Rückmeldung unseres Technikers:", "Below is our engineer's report", "je vous transmets ci-dessous sa réponse".
_HANDED_ON = re.compile(
    r"\b(?:below|attached|here(?:'s| is| are)|i(?:'ve| have)?\s+(?:forwarded|copied)|forwarding|i\s+forward|see\s+(?:the|"
    r"our|his|her)\b)|\b(?:anbei|unten|nachfolgend|im\s+folgenden|weiter\s+unten|leite\w*\s+(?:ich\s+)?Ihnen|"
    r"ci-dessous|ci-joint|je\s+vous\s+(?:transmets|fais\s+suivre)|a\s+continuaci[óo]n|m[áa]s\s+abajo|le\s+reenv[íi]o|"
    r"le\s+traslado|di\s+seguito|qui\s+sotto|(?:le|ti)\s+inoltro|in\s+calce|hieronder|onderstaand|stuur\s+ik\s+(?:u|je)|"
    r"abaixo|segue\s+(?:a|o|em)|(?:lhe\s+)?(?:re)?encaminho|"
    # "here is" their answer, in every language: "hier die Antwort meines Kollegen:", "voici la réponse de l'atelier :"
    r"hier\s+(?:ist\s+|sind\s+)?(?:die|das|der|seine|ihre)\s+(?:Antwort|Rückmeldung|Nachricht|Mail|E-Mail|Stellungnahme)|"
    r"voici\s+(?:la|sa|leur)\s+(?:r[ée]ponse|message|retour)|aqu[íi]\s+(?:tiene|est[áa]|le\s+dejo|va)\s+(?:la|su)\s+"
    r"(?:respuesta|mensaje|contestaci[óo]n)|ecco\s+(?:la|sua|il)\s+(?:sua\s+)?(?:risposta|messaggio)|hier\s+(?:is\s+)?"
    r"(?:het|zijn|haar)\s+(?:antwoord|bericht|reactie)|aqui\s+(?:est[áa]|vai|fica)\s+a\s+(?:resposta|mensagem))\b", re.I)


_PLAIN_CUSTOMER = re.compile(r"(?:the|this|our|der|die|dem|den|unser\w*|le|la|el|il|de|o|a|onze|notre|nuestr[oa]|"
                             r"nostr[oa]|noss[oa])\s+(?:customer|client|kunde|kundin|cliente|clienta|klant)", re.I)


def _handed_on(lines) -> set[int]:
    """The lines of forwarded or quoted colleagues' messages that the reply's own text hands on to the customer on
    purpose (the last line of the company's own words above the block says so)."""
    out: set[int] = set()
    last_own, open_block = "", False
    for ln in lines:
        if ln.kind == FOREIGN:
            if not open_block:
                open_block = bool(_HANDED_ON.search(last_own))
            if open_block:
                out.add(ln.no)
        else:
            if ln.kind == OWN and ln.prose.strip():
                last_own, open_block = ln.prose, False
    return out


# A line that introduces an example, ending in a colon: "… in the comment box, for example:", "Een voorbeeld van hoe je
# team ze kan gebruiken:", "zum Beispiel:", "par exemple :".
_EXAMPLE_INTRO = re.compile(r"\b(?:for\s+example|for\s+instance|e\.g\.|like\s+this|an\s+example|example|Beispiel|"
                            r"beispielsweise|z\.\s?B\.|exemple|ejemplo|esempio|voorbeeld|bijvoorbeeld|exemplo)\b[^\n]*:\s*$",
                            re.I)
_INDENTED = re.compile(r"^(?: {4,}|\t)\S")


def _shown_example(lines, i: int) -> bool:
    """Whether line i is indented under a line that introduces an example (through the example's other indented
    lines and blank lines): a sample the reply shows the customer, not a note it leaked."""
    if not _INDENTED.match(lines[i].text):
        return False
    j = i - 1
    while j >= 0 and (not lines[j].prose.strip() or _INDENTED.match(lines[j].text)):
        j -= 1
    return j >= 0 and bool(_EXAMPLE_INTRO.search(lines[j].prose))


def _line_hits(text: str, ctx, lines=None):
    """(line, (kind, matched text, span or None for the whole line), the lines a note runs on to) per noted line."""
    names = _persona_names(ctx)
    lines = lines if lines is not None else read(text, ctx)
    orphan_quote = not _ATTRIBUTED.search(text)
    persona = getattr(ctx, "persona", None) or {}
    if not persona.get("title") and (title := addressee.customer_title(lines)):
        persona = {**persona, "title": title}   # how the letter greets them: "Mr Ellison" is then someone else
    lang = str(persona.get("language") or "en")[:2].lower()
    set_apart = {block[0].no: block for block in addressee.set_apart_blocks(lines, orphan_quote)
                 if addressee.block_is_note(block, persona, lang)}
    handed = _handed_on(lines)
    internal = _internal_forward(lines, names)
    to_writer = _to_the_writer(lines, names, handed)
    covered = -1   # the last line of a note already reported on its first line
    pre_greeting = _before_greeting(lines, persona, lang) if any(ln.prose[:1] in "[" or ": " in ln.prose[:40]
                                                                 for ln in lines) else {}
    signed_off: dict | None = None
    pasted: dict | None = None
    astray = _sent_astray(lines)
    turned = _turned_away(lines, lang, names) if str(getattr(ctx, "channel", "") or "") == "chat" else {}
    above: dict | None = None
    for i, ln in enumerate(lines):
        if not ln.prose.strip() or i <= covered:
            continue
        if _shown_example(lines, i):
            continue   # an example shown on purpose, indented under "for example:" ("    @Tom can you check …?")
        banner = _BANNER.match(ln.prose) if ln.kind in (OWN, QUOTE) else None
        if banner:   # ">>> NÃO ENVIAR antes de o financeiro aprovar <<<": the writer's own banner, not a quote
            hit = _banner_note(banner.group(1), ctx, names, text, persona, lang)
            if hit:
                yield ln, hit, []
                continue
            if _CUSTOMER_PLACE.search(fold(banner.group(1))):
                continue   # "*** Add the promo code at checkout ***" is the customer's, whatever its stars look like
        hit = _inline_banner(ln.prose, ctx, names, text, persona, lang) if ln.kind == OWN and not banner else None
        if hit:
            yield ln, hit, []
            continue
        if ln.kind == QUOTE and ln.no in to_writer and len(_NOTE_WORDS.findall(ln.prose)) >= 3:
            yield ln, (_STAFF, ln.prose.strip(), None), []   # a colleague's forwarded word to the writer (below)
            continue
        if ln.kind == QUOTE and ln.no in set_apart:   # an unattributed "> " block below the signature
            hit, used = _structural(ln, set_apart, persona, lang)
            covered = max(covered, i + used)
            yield ln, hit, lines[i + 1:i + 1 + used]
            continue
        if ln.kind == QUOTE:
            # A "> " block that nobody wrote (no "On … wrote:", no "From:") may be the company's own note: only a
            # remark about the customer that does not speak as the customer ("> PITA tenant, check …") counts.
            body = ln.prose.lstrip("> ")
            if orphan_quote and not _TO_CUSTOMER.search(body) and not _FIRST_PERSON.search(body):
                remark = next((m for p in _REMARKS for m in [p.search(body)] if m), None)
                if remark:
                    yield ln, (_REMARK, remark.group(0), None), []
                elif _ticket_row(body):   # ">> Estado cambiado a: Escalado N2 por rgarcia | Motivo: …"
                    yield ln, (_STAFF, body.strip(), None), []
                elif _INTERN_HEAD.match(body) and (label := _run_in_intern(body, text, lang)) is not None:
                    yield ln, label, []   # ">>> interno: ela é MEI, não cobrar a tabela cheia …"
            continue
        if ln.kind not in (OWN, FOREIGN):
            continue
        prev = lines[i - 1] if i else None
        continued = bool(prev and prev.kind == ln.kind and prev.no == ln.no - 1 and len(prev.prose.strip()) >= 40
                         and _UNFINISHED.search(prev.prose))
        hit, used = _first_hit(ln.prose, ctx, names, text, continued), 0
        if hit is None:
            hit = _run_in_intern(ln.prose, text, lang) or astray.get(ln.no) or _note_command(ln.prose) or \
                _review_comment(ln.prose, text) or (_staff_aside(ln.prose, names, lang) if ln.kind == OWN else None) or \
                (_named_colon_aside(ln.prose, names, text, lang) if ln.kind == OWN else None) or \
                turned.get(ln.no) or (_line_head_note(ln.prose, lang) if ln.kind == OWN else None) or \
                (_reminder_aside(ln.prose, text, lang) if ln.kind == OWN else None)
        if hit is None and ln.no in internal:
            # a colleague's message to the agent, forwarded: its "you" is the agent; staff evidence makes it a note
            points = addressee.evidence(ln.prose, persona, lang)[0]
            # (moaning about someone, and swearing, are no words written for the customer: "Questa rompe i coglioni")
            points += bool(_WHINGE.search(ln.prose)) + bool(profanity.check(ln.prose))
            if points >= 2 or (points >= 1 and "?" in ln.prose) or _TELL_HER.search(ln.prose):
                hit = (_STAFF, ln.prose.strip(), None)
        if hit is None and ln.no in to_writer and len(_NOTE_WORDS.findall(ln.prose)) >= 3:
            hit = (_STAFF, ln.prose.strip(), None)
        if not hit:
            hit, used = _across_lines(ln, lines[i + 1:i + 4], names, text, lang)
            covered = i + used
        if not hit and ln.prose.count("(") > ln.prose.count(")") and not (
                i + 1 < len(lines) and lines[i + 1].kind == ln.kind and lines[i + 1].prose.strip()):
            # An aside opened and never closed at the end of its paragraph: a note half deleted ("… é de 6.800 €
            # (rever c/ o Nuno, ele falou em 7 mil se fechar este m").
            hit = _aside(ln.prose + ")", names, text, lang)
            if hit and hit[2][1] > len(ln.prose):
                hit = (hit[0], hit[1], (hit[2][0], len(ln.prose)))
        if not hit and ln.kind == OWN:
            # (the line opening the letter after "Hallo Herr Lorenz," is in lower case by the language's letter
            # style: "ganz ehrlich, der Paketdienst hat es schon wieder verbockt …" is no note jotted down)
            hit, used = _structural(ln, set_apart, persona, lang, continued or _after_greeting(ln.prose, text))
            covered = max(covered, i + used)
        if not hit and ln.no in pre_greeting:
            hit, used = pre_greeting[ln.no], 0
        if not hit and ln.kind == OWN:
            hit = _role_whisper(ln, lines, persona, lang)
        if not hit and ln.kind == OWN:
            if above is None:
                above = _above_letter(lines, persona, lang, names)
            hit, used = above.get(ln.no, (None, 0))
            covered = max(covered, i + used)
        if not hit and ln.kind == OWN and _STAMPED.match(ln.prose):
            if pasted is None:
                pasted = _pasted_messages(lines, persona, lang)
            hit = pasted.get(ln.no)
        if not hit and ln.kind == OWN:
            hit = _register_switch(ln, lines, lang)
        if not hit and ln.kind == OWN:
            if signed_off is None:
                signed_off = _after_sign_off(lines, lang, names)
            hit = signed_off.get(ln.no)
            sigh = _SIGH.search(ln.prose) if not hit else None   # "Ugh this customer." said mid-reply
            hit = hit or ((_REMARK, sigh.group(0).strip(" .,;!?"), None) if sigh else None)
        if not hit and ln.kind == FOREIGN:
            body = ln.prose.strip().lstrip("> ")
            # (handed on to the customer on purpose, "the customer" or "she" in a colleague's report is no note by
            # itself; an order about them is: "Dale largas, …")
            third = _THIRD_NOUN.search(body)
            m = (ln.no not in handed and (_ABOUT_CUSTOMER.search(body) or third)) or (
                third and not _PLAIN_CUSTOMER.fullmatch(third.group(0))) or \
                _staff_talk(body, pronouns=True) or \
                _DONT_TELL.search(body) or _REPLY_THAT.search(body) or _STAFF_INFINITIVE.search(body)
            hit = (_STAFF, body, None) if m else None
        if hit:
            yield ln, hit, lines[i + 1:i + 1 + used] if used else []


# A message stamped with its time and its writer: "[14:22] Sanne de Wit: …", "Kevin 11:02 : …".
_STAMPED = re.compile(r"^\s*(?:\[\d{1,2}[:.h]\d{2}(?::\d{2})?\]\s*((?-i:[A-ZÀ-Þ])[\w'’\-]*(?:\s+(?:(?-i:[A-ZÀ-Þ])|de\s|van\s|"
                      r"der\s|da\s|di\s|dos\s|del\s)[\w'’\-]*){0,3})|((?-i:[A-ZÀ-Þ])[\w'’\-]*(?:\s+(?-i:[A-ZÀ-Þ])[\w'’\-]*)"
                      r"{0,2})\s+\[?\d{1,2}[:.h]\d{2}\]?)\s*:\s+(\S.*)$")


def _pasted_messages(lines, persona: dict, lang: str) -> dict:
    """A colleague's chat messages pasted into a reply that is no transcript ("Kevin 11:02 : elle a déjà eu 2 gestes
    co, pas de 3e" above the answer): each stamped with a time and a writer who is not the customer, in a reply whose
    own words carry none, never speaking to the customer, with two points of staff evidence between them
    (addressee.evidence), or one in a log of two. A transcript shows the customer's messages too; a reply that hands one on says so."""
    own = [ln for ln in lines if ln.kind == OWN and ln.prose.strip() and not ln.signature]
    stamped = [(ln, m) for ln in own for m in [_STAMPED.match(ln.prose)] if m]
    if not stamped or len(own) - len(stamped) < 1 or not any(
            len(ln.prose) >= 40 and not _STAMPED.match(ln.prose) and not _SPEAKER.match(ln.prose) for ln in own):
        return {}
    mine = persona_words(persona) | {fold(w) for w in re.findall(r"[^\W\d_]+", str(persona.get("name") or ""))}
    said = []
    for ln, m in stamped:
        who = {fold(w) for w in re.findall(r"[^\W\d_]+", m.group(1) or m.group(2))}
        body = m.group(3)
        if who & (mine | {"customer", "kunde", "kundin", "client", "cliente", "klant", "you", "sie", "vous"}) or \
                any(_CALENDAR.fullmatch(w) for w in who):   # (a day's name is no writer: "Mon 10:00: …"; "Julie" is)
            return {}   # the customer speaks too: a transcript
        if addressee._addressed_to_customer(body, persona, lang) or _TO_CUSTOMER_CS.search(body) or \
                _HANDED_ON.search(" ".join(x.prose for x in own if x.no < ln.no)):
            return {}
        said.append((ln, body))
    logged = sum(ln.prose.lstrip().startswith("[") for ln, _ in said) >= 2   # a log of its own: "[10:03] …⏎[10:04] …"
    if addressee.evidence(" ".join(b for _, b in said), persona, lang)[0] < 2 - logged:
        return {}
    return {ln.no: (_STAFF, ln.prose.strip(), None) for ln, _ in said}


def _before_greeting(lines, persona: dict, lang: str) -> dict:
    """An agent's chat messages sent before the message in which they greet the customer ("[14:02] Callum: cx on her
    3rd request, NO credit" above "[14:02] Callum: Hi Jasmine, …"), that speak to nobody and carry two points of staff
    evidence (addressee.evidence): {line number: hit}. The frame of a chat, as the frame of a letter sets apart
    what stands above its greeting."""
    said = []
    for ln in lines:
        m = _SPEAKER.match(ln.prose) if ln.kind == OWN else None
        if m:
            who = re.sub(r"^\s*\[[\d:]+\]\s*|\s*(?:\([^)]*\))?\s*:\s*$", "", m.group(0)).strip()
            said.append((ln, who, ln.prose[m.end():]))
    greeting = next((i for i, (_, _, body) in enumerate(said) if addressee._GREETING.match(body)), None)
    if not greeting:
        return {}
    agent = said[greeting][1]
    if {fold(w) for w in agent.split()} & (persona_words(persona) | {"customer", "you", "visitor", "guest", "kunde",
                                                                      "kundin", "client", "cliente", "klant"}):
        return {}
    out = {}
    for ln, who, body in said[:greeting]:
        if who != agent or addressee._addressed_to_customer(body, persona, lang) or addressee._FOOTER.search(body):
            continue
        points, named = addressee.evidence(body, persona, lang, jotted=False)
        if points >= 2:
            out[ln.no] = (_REMARK if named else _STAFF, body.strip(), None)
    return out


# A chat turn's speaker labelled with a staff role the customer never talks to, with or without a name:
# "Supervisor (Mark):", "Teamleitung (Frank):", "[Superviseur]", "Supervisore:", "Teamleider:", "Back Office - Ana:".
_ROLE = (r"(?:supervisor[ae]?|superviseure?|team\s*lead(?:er)?|teamleit(?:ung|er|erin)|teamleider|tl|shift\s+lead(?:er)?|"
         r"schichtleit(?:ung|er|erin)|capoturno|capo\s*squadra|chef\s+d['’][ée]quipe|jef[ea]\s+de\s+(?:equipo|turno)|"
         r"chefe\s+de\s+equip[ae]|l[íi]der\s+de\s+equip[ae]|back[\s\-]?office|(?:duty|floor|team)\s+manager|manager|"
         r"coordinat(?:or|rice|ore|eur|rice)|coordinador[a]?|co[öo]rdinator|coordenador[a]?|koordinator(?:in)?|"
         r"vorgesetzter?|leidinggevende|responsable|responsabile|respons[áa]vel|encargad[oa])")
_ROLE_SPEAKER = re.compile(
    rf"^\s*(?:\[\d{{1,2}}:\d{{2}}(?::\d{{2}})?\]\s*)?(?:\[\s*{_ROLE}(?:\s*[(\-–—:]\s*[^\]\n]{{1,30}})?\s*\]\s*:?|"
    rf"{_ROLE}(?:\s*\([^)\n]{{1,40}}\)|\s*[\-–—]\s*[A-ZÀ-Þ][\w'’\-]*|\s+[A-ZÀ-Þ][\w'’\-]*)?\s*:)\s*(?=\S)", re.I)


def _role_whisper(ln, lines, persona: dict, lang: str):
    """A line of a chat transcript said by a staff role the customer never talks to (see _ROLE_SPEAKER), between other
    speakers' turns, that does not speak to the customer and carries staff evidence: the supervisor's whisper to the
    agent ("Supervisor (Mark): fine to waive the £4.95 but don't offer the free month", "Teamleider: akkoord met gratis
    verzending, maar noem geen datum"). A supervisor who joins the chat and greets or says "you" speaks to the
    customer."""
    m = _ROLE_SPEAKER.match(ln.prose)
    if not m or not any(o is not ln and o.kind == OWN and _SPEAKER.match(o.prose) and not _ROLE_SPEAKER.match(o.prose)
                        for o in lines):
        return None
    body = ln.prose[m.end():].strip()
    parts = {fold(p) for p in addressee._name_parts(persona)}
    if len(body.split()) < 3 or addressee._GREETING.match(body) or addressee._addressed_to_customer(body, persona, lang) \
            or parts & {fold(w) for w in re.findall(r"[\w'’\-]+", body)} or _spoken_to(body, lang):
        return None
    return (_STAFF, body, None) if addressee.evidence(body, persona, lang)[0] >= 1 else None


# A colleague's name opening a passage, after a casual hello or none: "Priya - …", "Ciao Fede, …", "Lucía, …".
# (after a dash or a colon only a question: "Draft – please review the attached …" heads a letter to the customer)
_OPENS_WITH_NAME = re.compile(r"^\W*(?:(?i:hi|hey|hallo|hoi|ciao|hola|ol[áa]|salut|coucou)\s+)?@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})"
                              r"\s*(?:(,)|:|—|–|\s-)\s*\S")


def _above_letter(lines, persona: dict, lang: str, names: set[str]) -> dict:
    """A note to a colleague in a paragraph of its own above the letter's greeting, asking something (a question or a
    please): it opens with a colleague's name ("Priya - ok to send this?", "Ciao Fede, ti torna l'importo?", "Lucía,
    revísalo antes de mandarlo porfa"), or says the informal "du"/"jij"/"tu" above a letter that calls the customer
    "Sie"/"u"/"vous" ("Kannst du kurz schauen, ob …?"): {first line number: (hit, lines it runs on to)}."""
    own = [ln for ln in lines if ln.kind == OWN]
    # (the letter greets the customer; the note's own "Salut Karim, tu … ?" greets and asks the colleague, and
    # introduces nobody to the reader)
    greeting = next((i for i, ln in enumerate(own) if addressee._GREETING.match(ln.prose)
                     and len(ln.prose.split()) <= 12 and "?" not in ln.prose), None)
    if not greeting:
        # a chat's greeting runs on into the answer ("Hola Sergio, siento mucho que …"): only one that greets the
        # customer by their own name, and only for a paragraph weighed by its evidence (below)
        greeting = next((i for i, ln in enumerate(own) if (g := addressee._GREETING.match(ln.prose)) and any(
            len(n) >= 3 and n in re.findall(r"[^\W\d_]+", fold(ln.prose[g.end():][:40])) for n in names)), None)
        if greeting and not own[greeting - 1].prose.strip():
            return _warned_above(own, greeting, lang)
        return {}
    if own[greeting - 1].prose.strip():
        return {}   # no greeting, or nothing set apart from it by a blank line
    letter = " ".join(ln.prose for ln in own[greeting:])
    formal, informal = _FORMAL_READER_ANY.get(lang), _INFORMAL_READER_ANY.get(lang)
    paragraphs: list[list] = [[]]
    for ln in own[:greeting]:
        if ln.prose.strip():
            paragraphs[-1].append(ln)
        elif paragraphs[-1]:
            paragraphs.append([])
    out = {}
    for para in (p for p in paragraphs if p):
        text = " ".join(ln.prose.strip() for ln in para)
        if all(addressee._HEADERISH.match(ln.prose) for ln in para) or addressee._FOOTER.search(text):
            continue
        if not ("?" in text or _PLEASE_WORD.search(text) or _PLEASE_ANY.search(text)):
            out.update(_warned_above(para, len(para), lang, own))
            continue
        name = _OPENS_WITH_NAME.match(text)
        if (name and (name.group(2) or "?" in text) and _is_colleague(name.group(1), names, lang)
                and fold(name.group(1)) not in _NOT_A_VOCATIVE | addressee._NOT_NAMES | _HEADING_WORDS
                and not _DRAFT_HEAD.match(text) and not _introduced(name.group(1), letter)) or (
                formal and informal and informal.search(text) and not formal.search(text) and formal.search(letter)
                and not informal.search(letter)):
            out[para[0].no] = ((_STAFF, text, None), len(para) - 1)
    return out


def _warned_above(own, greeting: int, lang: str, letter=None) -> dict:
    """The paragraphs above the letter's greeting that speak to nobody and carry three kinds of staff evidence, one of
    them the customer in the third person or an order: a warning for the colleague who answers ("ojo, este ya ha
    reclamado tres veces por lo mismo, no le prometas fecha" above "Hola Sergio, …"). {first line number: (hit, lines
    it runs on to)}."""
    whole = " ".join(ln.prose for ln in (letter or own))
    out: dict = {}
    para: list = []
    for ln in own[:greeting] + [None]:
        if ln is not None and ln.prose.strip():
            para.append(ln)
            continue
        text = " ".join(x.prose.strip() for x in para)
        if para and not any(addressee._HEADERISH.match(x.prose) for x in para) and not addressee._FOOTER.search(text) \
                and not _spoken_to(text, lang) and not _TO_CUSTOMER_CS.search(text) and not addressee._WE.search(text):
            kinds = _kinds(text, "", whole, lang)
            if len(kinds) >= 3 and kinds & {"third", "order"}:
                out[para[0].no] = ((_STAFF, text, None), len(para) - 1)
        para = []
    return out


_TITLE_END = re.compile(r"(?<![\w.])(?:M|Mr|Mrs|Ms|Dr|Mme|Mlle|Sr|Sra|Srta|Sig|Dott|Dhr|Mevr|Hr|Prof)\.$")


def _structural(ln, set_apart: dict, persona: dict, lang: str, continued: bool = False):
    """A note found by who it addresses rather than by its words (see addressee): a block set apart from the
    letter, an aside in brackets, a sentence about the customer by name. (hit or None, lines it runs on to).
    ``continued``: the line goes on with the sentence above it (a mail wrapped at 72 columns), so its lower-case
    start is no note jotted down."""
    block = set_apart.get(ln.no)
    if block:
        named = addressee.named_in_third_person(" ".join(b.prose for b in block), persona, lang)
        return (_REMARK if named else _STAFF, " ".join(b.prose.strip() for b in block), None), len(block) - 1
    for match, span in addressee.notes_in_asides(ln.prose, persona, lang):
        return (_STAFF, match, span), 0
    sentences: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+", ln.prose):
        if sentences and _TITLE_END.search(sentences[-1]):
            sentences[-1] += " " + piece   # "Le contrat de M. Bertin a été clôturé": a title, not a sentence's end
        else:
            sentences.append(piece)
    for n, sentence in enumerate(sentences):
        if addressee.sentence_is_note(sentence, persona, lang, jotted=not (continued and n == 0)):
            return (_REMARK, sentence.strip(), None), 0
    return None, 0


def _across_lines(ln, following, names, whole: str = "", lang: str = "en"):
    """A note that runs on to the next lines of its paragraph: "[check wording w/ admissions - are we allowed
    to say approved before panel⏎signs off??]", "dispatched from our — check whether Leeds or Bristol⏎actually
    has it??"."""
    line = ln.prose
    if line.count("(") <= line.count(")") and line.count("[") <= line.count("]") and not _DASH_OPEN.search(line):
        return None, 0   # nothing left open on this line
    ext, ends = ln.prose, []
    for nxt in following:
        if nxt.kind != ln.kind or not nxt.prose.strip():
            break
        ext += " " + nxt.prose.strip()
        ends.append(len(ext))
    if not ends:
        return None, 0
    hit = _aside(ext, names, whole, lang)
    if hit and hit[2][0] < len(ln.prose) < hit[2][1]:
        return (hit[0], hit[1], (hit[2][0], len(ln.prose))), sum(end < hit[2][1] for end in ends) + 1
    m = _DASH_DRAFT.search(ext)
    if m and m.start() < len(ln.prose) and not _TO_CUSTOMER.search(m.group(1)):
        return (_DRAFT, m.group(1), None), sum(end < m.end() for end in ends) + 1
    return None, 0


def _persona_names(ctx) -> set[str]:
    persona = getattr(ctx, "persona", None) or {}
    return persona_words(persona) | {fold(w) for w in re.findall(r"[^\W\d_]+", str(persona.get("name") or ""))}


# Someone or something else than the customer, to blame: the courier, the driver, the system, the app.
_OTHER_PARTY = re.compile(
    r"\b(?:courier|carrier|driver|delivery\s+(?:guy|man|driver|company|firm)|postman|postie|the\s+(?:post|van)|"
    r"warehouse|system|app|website|printer|server|repartidor|mensajero|transportista|(?:el|nuestro)\s+sistema|la\s+app|"
    r"livreur|transporteur|(?:le|notre)\s+syst[èe]me|l['’]appli|fahrer|kurier|paketbote|paketdienst|zusteller|"
    r"(?:das|unser)\s+system|corriere|fattorino|(?:il|nostro)\s+sistema|bezorger|koerier|pakketbezorger|"
    r"(?:het|ons)\s+systeem|estafeta|transportadora|entregador|motorista|(?:o|nosso)\s+sistema)\b", re.I)
_NOTE_WORD = re.compile(r"\b(?:not[ea]s?|notiz|notitie|memo|vermerk|intern\w*|priv\w*|staff|agent)\b", re.I)
_ROLLED_EYES = re.compile(r"[🙄🤦😒😤]")
_ONCE_MORE = re.compile(r"\b(?:another|again|yet\s+another|this\s+one|encore|otra\s+vez|otr[oa]\s+m[áa]s|di\s+nuovo|"
                        r"un\s+altr[oa]|weer|alweer|schon\s+wieder|noch\s+ein\w*|de\s+novo|mais\s+um[a]?)\b", re.I)
_LAUGH_FACE = re.compile(r"[😂🤣😅😆😄😁]")
_FRIENDLY = re.compile(r"[😊🙂😀😃😄😁😉☺]|(?<!\S)[:;]-?\)")


# A line that ends mid-sentence (a word or a comma, no full stop, colon or bracket): the next line carries on its
# sentence, as in a hard-wrapped email ("… können Sie sich auf der Produktseite für eine⏎Verfügbarkeits…
# eintragen."), so the next line is no note "on a line of its own" (a short line, like a greeting, is no wrap).
_UNFINISHED = re.compile(r"[^\W\d_],?\s*$")


# A bare "Internal:" that opens a line, and a line beside it on the kind it is set against ("External (UK): …",
# "Extern: …"): a list of kinds (of payments, calls, courses), not a note label.
_KIND_ROW = re.compile(r"^\s*[\-–*•]?\s*(?:internal|intern|interne?|interno|interna)\s*:", re.I)
_CONTRAST_ROW = re.compile(r"(?im)^\s*[\-–*•]?\s*(?:external|extern|externe?|externo|externa|esterno|esterna)\b"
                           r"[^:\n]{0,30}:\s*\S")


def _own_handle(handle: str, names: set[str]) -> bool:
    """A social handle that is the customer's own: their name, or made of it ("kathi_meier", "jane.doe88",
    "katharina_m" for Katharina Meier; a short form of a name counts, "kathi" for "katharina")."""
    if fold(handle) in names:
        return True
    parts = [p for p in re.split(r"[\W_\d]+", fold(handle)) if len(p) >= 3]
    # a part that is a name, an initial and a name ("jdoe"), or shares its first four letters with one (a
    # nickname: "kathi", "katha")
    return any(p in names or p[1:] in names or (len(p) >= 4 and any(len(n) >= 4 and n[:4] == p[:4] for n in names))
               for p in parts)


# A question put to the team, not the customer: "does anyone know the warranty on the X200?", "who's got the login
# for the shopify admin", "wer hat gerade Zugriff aufs SAP?", "qqn sait si on rembourse …?", "wie heeft er vandaag
# dienst in het magazijn?". Anything that speaks to the customer ("Does anyone in your household …?") is left alone.
_TEAM_QUESTION = re.compile(
    r"\b(?:does\s+|do\s+)?(?:any(?:one|body)|some(?:one|body))\s+(?:know|knows|remember|remembers|got)\b[^?\n]{0,80}\?|"
    r"\bwho(?:['’]s|\s+has)\s+got\s+(?:the\s+|a\s+)?(?:login|logins|password|access|keys?|admin)\b|"
    r"\bwho\s+(?:has|knows)\s+(?:the\s+)?(?:login|logins|password|admin\s+access)\b[^?\n]{0,60}\?|"
    r"\b(?:wei[ßs]|kennt)\s+(?:hier\s+)?(?:jemand|einer)\b[^?\n]{0,80}\?|"
    r"\bwer\s+hat\s+(?:gerade|grad|heute|hier|noch)\s+(?:zugriff|zugang|dienst|das\s+passwort|die\s+zugangsdaten)\b"
    r"[^?\n]{0,60}\?|"
    r"\b(?:qqn|quelqu['’]un)\s+(?:sait|conna[iî]t|se\s+souvient)\b[^?\n]{0,80}\?|"
    r"\bqui\s+a\s+(?:les\s+)?(?:acc[eè]s|codes|identifiants)\b[^?\n]{0,60}\?|"
    r"\balguien\s+(?:sabe|conoce|se\s+acuerda)\b[^?\n]{0,80}\?|"
    r"\bqualcuno\s+(?:sa|conosce|si\s+ricorda)\b[^?\n]{0,80}\?|"
    r"\b(?:weet|kent)\s+(?:er\s+)?iemand\b[^?\n]{0,80}\?|"
    r"\bwie\s+heeft\s+(?:er\s+)?(?:vandaag|nu|morgen)\s+(?:dienst|toegang)\b[^?\n]{0,60}\?|"
    r"\balgu[ée]m\s+(?:sabe|conhece|se\s+lembra)\b[^?\n]{0,80}\?",
    re.I)
# A line pasted from the team's chat tool: "[Teams] Jorge Vidal: dale el reembolso y ya", "[Slack] Tom: …".
_TOOL_PASTE = re.compile(r"\[(?:MS\s+|Microsoft\s+)?(?:Teams|Slack)\]\s*(?-i:[A-ZÀ-Þ])[\w.'’\-]*"
                         r"(?:\s+(?-i:[A-ZÀ-Þ])[\w.'’\-]*){0,2}\s*:\s*\S", re.I)
# A row of the ticket system's fields pasted into the reply, its fields set apart by "·" or "|": the tags staff put on
# the case ("Tags: churn_risk, bill_shock", "Etiquetas: reincidente, fraude") or the user it is assigned to
# ("Assigned: k.moss", "Zugewiesen: m_huber"). An order's status row for the customer says neither.
_TICKET_ROW = re.compile(
    r"(?:^|[\[(·|•>]\s*)(?:tags?|etiquetas|etiketten|schlagw[öo]rter|[ée]tiquettes|etichette)\s*:\s*"
    r"[^\W\d_][\w\-]*(?:\s*,\s*[^\W\d_][\w\-]*)+|"
    r"(?:^|[\[(·|•>]\s*)(?:assigned(?:\s+to)?|assignee|asignad[oa](?:\s+a)?|zugewiesen(?:\s+an)?|"
    r"attribu[ée]e?(?:\s+[àa])?|assegnat[oa](?:\s+a)?|toegewezen(?:\s+aan)?|atribu[íi]d[oa](?:\s+a)?)\s*:\s*"
    r"@?(?-i:[a-z])\w*[._]\w[\w.\-]*", re.I)
# Or its status changed by a user, with the support level it went to: "Estado cambiado a: Escalado N2 por rgarcia".
_STATUS_BY = re.compile(
    r"\b(?:status|estado|stato|statut)\s+(?:changed|cambiado|ge[äa]ndert|modifi[ée]|cambiato|gewijzigd|alterado)\s+"
    r"(?:to|a|auf|en|in|naar|para)?\s*:?[^|·\n]{1,40}?\s(?:by|por|von|par|da|door)\s+@?(?-i:[a-z])[\w.\-]*\b", re.I)
_FIELD_SEPARATOR = re.compile(r"\s[·|•]\s")
# Or the CRM's (or an agent-assist tool's) rating of the customer, a field of such a row: "Sentiment: NEGATIVE 0.91 |
# Churn risk: HIGH | Next best action: …", "Klantstatus: VIP – voorzichtig behandelen | Risicoscore 12/100 | Vlag: …",
# "Kundenwert: A · Betrugsrisiko: hoch". An order's or a ticket's status told to the customer ("Priorität: hoch")
# rates the case, not them; a loyalty status ("Customer status: Gold | Points: 1200") is theirs to see.
_CRM_FIELD = re.compile(
    r"(?:^|[\[(·|•>]\s*)(?:sentiment|sentimiento|sentimento|stimmung|kundenstimmung|"
    r"churn(?:\s+(?:risk|score|probability))?|abwanderungs\w*|k[üu]ndigungsrisiko|risque\s+de\s+(?:churn|d[ée]sabonnement|"
    r"r[ée]siliation)|riesgo\s+de\s+(?:baja|abandono|fuga|churn)|rischio\s+(?:di\s+)?(?:abbandono|churn|disdetta)|"
    r"opzeg(?:gings)?risico|churnrisico|risco\s+de\s+(?:churn|cancelamento|abandono)|"
    r"(?:fraud|risk)\s+(?:score|level|rating|flag)|(?:risiko|betrugs|risico|fraude)(?:score|stufe|bewertung|niveau)|"
    r"betrugsrisiko|fraud\s+risk|(?:score|niveau)\s+de\s+(?:risque|fraude)|(?:puntuaci[óo]n|nivel)\s+de\s+(?:riesgo|fraude)|"
    r"(?:punteggio|livello)\s+di\s+(?:rischio|frode)|(?:pontua[çc][ãa]o|n[íi]vel)\s+de\s+(?:risco|fraude)|"
    # a risk profile: "Perfil de risco: ALTO | Score: 412 | …", "Risk profile: high"
    r"(?:risk|credit)\s+profile|risikoprofil|profil\s+de\s+risque|perfil\s+de\s+(?:riesgo|risco)|profilo\s+di\s+rischio|"
    r"risicoprofiel|"
    r"(?:customer|client)\s+(?:value|segment|flags?)|kundenwert|kundensegment|klantwaarde|klantsegment|"
    r"valeur\s+client|segment\s+client|valor\s+(?:del\s+|do\s+)?cliente|segmento\s+(?:del\s+|do\s+)?cliente|"
    r"valore\s+cliente|clv|ltv|flags?|vlag(?:gen)?|markierung|drapeau|bandera|bandiera|sinaliza[çc][ãa]o|"
    r"next\s+best\s+action|nba|n[äa]chste\s+beste\s+aktion|prochaine\s+meilleure\s+action|siguiente\s+mejor\s+acci[óo]n|"
    r"prossima\s+(?:migliore\s+)?azione|volgende\s+beste\s+actie|pr[óo]xima\s+melhor\s+a[çc][ãa]o)"
    r"\s*(?::|=|\s(?=[\d(]|(?-i:[A-Z]{2,})\b))\s*\S", re.I)


# A draft's version and who reviewed it, on a line above the letter's greeting: 'resposta p/ o "Sr. Reclamação" – v3, a
# Sofia já reviu', "Antwort Widerruf v2 – von Jens gegengelesen", "reply v4, reviewed by Tom", "réponse v2 relue par
# Karim", "v3 revisada por Ana", "versione 2, rivista da Marco", "concept v2 – nagekeken door Sanne".
_VERSION_TAG = re.compile(r"(?<![\w./-])(?:v\d{1,2}|vers(?:ion|ão|ao|ione|ión|ie)\s*\d{1,2})(?![\w./-])", re.I)
_REVIEW_WORD = (r"(?:reviewed|checked|proofread|approved|ok['’]?d|gegengelesen|gepr[üu]ft|freigegeben|relue?|valid[ée]e?|"
                r"revisad[oa]|revis[oó]|revisto|revista|reviu|revisou|aprovou|rivist[oa]|controllat[oa]|approvat[oa]|"
                r"nagekeken|gecontroleerd|goedgekeurd)")
_REVIEWED_BY_NAME = re.compile(
    r"(?-i:\b([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s+(?i:(?:j[áa]|ya|already|schon|d[ée]j[àa]|gi[àa]|al|hat|has|a|ha|heeft)\s+){0,2}"
    + r"(?i:" + _REVIEW_WORD + r")\b|(?i:" + _REVIEW_WORD + r")\s+(?i:by|von|vom|par|por|pel[oa]|da|door)\s+"
    r"(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b")


def _above_greeting(line: str, whole: str) -> bool:
    """The line stands above the letter's greeting."""
    at = whole.find(line)
    greeting = next((m.start() for m in re.finditer(r"(?m)^.*$", whole) if addressee._GREETING.match(m.group(0))), -1)
    return 0 <= at < greeting


# The writer warned not to mix up two customers or replies, the two named: "Achtung – heute zwei Mails an
# zwei Damen mit Vertragspause, nicht verwechseln!!", "ojo, dos clientas con el mismo apellido, no confundir", "careful,
# two Mrs Khans today - don't mix them up!" (not "bitte nicht mit Ihrer Kundennummer verwechseln", said to the reader).
_MIXUP = re.compile(r"\b(?:nicht\s+verwechseln|don['’]?t\s+mix\s+(?:them|these|the\s+two)\s+up|do\s+not\s+mix\s+(?:them|"
                    r"these|the\s+two)\s+up|ne\s+pas\s+(?:les\s+)?(?:confondre|m[ée]langer)|no\s+(?:l[oa]s\s+)?confundir(?:l[oa]s)?|"
                    r"non\s+confonder(?:e|le|li)|niet\s+(?:verwisselen|door\s+elkaar\s+halen)|n[ãa]o\s+(?:as\s+|os\s+)?confundir)"
                    r"(?=\s*(?:[!.]|$))", re.I)
_TWO_OF = re.compile(r"\b(?:two|2|zwei|deux|dos|due|twee|duas|dois)\s+(?:\w+\s+)?(?:mails?|e-?mails?|customers?|clients?|"
                     r"kund\w*|damen|herren|ladies|clientes?|clientas|signore|klanten|dames|heren|senhoras|senhores|"
                     r"r[ée]ponses?|respuestas|risposte|antwort\w*|replies|respostas|tickets?|casos|cas|f[äa]lle|gevallen)\b",
                     re.I)


# An HTML comment in the text the customer reads: the template's author wrote it for whoever edits it ("<!-- Text noch
# nicht von Marketing freigegeben, bitte nicht live schalten -->", "<!-- swap in the spring banner after 1/3 -->"). Not
# in a reply that shows HTML on purpose (other tags beside it), nor a template's section marker ("<!-- BEGIN footer -->").
_HTML_COMMENT = re.compile(r"<!--\s*(.{3,300}?)\s*-->")
_CODE_MARKER = re.compile(r"^\s*(?:begin|end|start|/?\s*wp:|block|section|footer|header|x-|\[if|<!?\[|google|gtm|"
                          r"tracking\s+pixel|pixel)\b", re.I)
_HTML_TAG = re.compile(r"<(?!!--)/?[a-z][a-z0-9]*(?:\s[^<>]*)?>|```", re.I)


def _ticket_row(line: str) -> bool:
    return bool(_FIELD_SEPARATOR.search(line)) and bool(_TICKET_ROW.search(line) or (
        _STATUS_BY.search(line) and (_STAFF_WORK_H.search(line) or _STAFF_WORK.search(line))) or (
        _CRM_FIELD.search(line) and len(_FIELD_SEPARATOR.split(line)) >= 2 and not _TO_CUSTOMER.search(line)
        and not _TO_CUSTOMER_CS.search(line)))


# A chat log's line, a colleague's name and the time it was said, pasted into an email or a text:
# "Bram 09:12: geef hem die 15 euro maar". Two of them, by different people, make the log.
_LOGGED = re.compile(r"(?m)^[ \t]*([A-ZÀ-Þ][a-zà-ÿ]{1,15})[ \t]+\[?\d{1,2}[:.]\d{2}\]?[ \t]*:[ \t]+\S")
_CALENDAR = re.compile(
    r"^(?:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun|monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
    r"montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|"
    r"lunes|martes|miercoles|jueves|viernes|sabado|domingo|lunedi|martedi|mercoledi|giovedi|venerdi|"
    r"maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|segunda|terca|quarta|quinta|sexta|"
    r"today|tonight|tomorrow|heute|morgen|demain|hoy|manana|oggi|domani|vandaag|hoje|amanha|"
    r"jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec|check|departure|arrival|start|end|doors|open|close|"
    r"january|february|march|april|june|july|august|september|october|november|december|januar|februar|marz|mai|"
    r"juni|juli|oktober|dezember|janvier|fevrier|mars|avril|juin|juillet|aout|septembre|octobre|novembre|decembre|"
    r"enero|febrero|marzo|abril|mayo|junio|julio|agosto|septiembre|octubre|noviembre|diciembre|gennaio|febbraio|"
    r"aprile|maggio|giugno|luglio|settembre|ottobre|dicembre|januari|februari|maart|mei|augustus|janeiro|fevereiro|"
    r"marco|maio|junho|julho|setembro|outubro|dezembro|"
    r"from|until|bis|ab|vanaf|tot|dalle|fino|desde|hasta|des|jusqu)", re.I)   # fullmatch: whole words: "Julie", "Mark" are names


# A remark about the customer that only staff would make, said of them in the third person: they have not read the
# terms ("Cust clearly hasn't read the T&Cs", "Kundin hat offensichtlich die AGB nicht gelesen"), an offer held back
# for their behaviour ("(only if he pushes back)", "seulement s'il insiste"), a drafting question on the tone ("tone
# it down?", "Ton abschwächen?") or a told-you-so about them ("Told you he'd ask for the manager 😂").
_STAFF_REMARK = re.compile(
    r"\b(?:cust|cx|the\s+customer|customer|client|the\s+client)\s+(?:has\s+)?(?:clearly\s+|obviously\s+|evidently\s+)?"
    r"(?:hasn['’]?t|has\s+not|didn['’]?t|did\s+not|doesn['’]?t|does\s+not|never|can['’]?t|cannot)\s+(?:\w+\s+)?"
    r"(?:read|bothered)\b|"
    r"\b(?:she|he)\s+(?:clearly|obviously)\s+(?:hasn['’]?t|didn['’]?t|doesn['’]?t|never)\s+(?:read|bothered)\b|"
    r"\b(?:she|he)\s+(?:doesn['’]?t|does\s+not|never|won['’]?t)\s+reads?\s+(?:long|anything|more\s+than|past|beyond|"
    r"emails|his\s+emails|her\s+emails)\b|"
    r"\b(?:kunde|kundin|sie|er)\s+hat\s+(?:offensichtlich|eindeutig|wohl|nat[üu]rlich|mal\s+wieder)\s+(?:\w+\s+){0,3}?"
    r"nicht\s+gelesen\b|"
    r"\b(?:le\s+client|la\s+cliente|il|elle)\s+n['’]a\s+(?:visiblement|clairement|[ée]videmment|manifestement)\s+"
    r"(?:pas|jamais|rien)\s+lu\b|"
    r"\b(?:el|la)\s+client[ea]\s+(?:claramente\s+|obviamente\s+|evidentemente\s+)?no\s+(?:ha|se\s+ha)\s+le[íi]do\b|"
    r"\b(?:il|la)\s+cliente\s+(?:chiaramente\s+|ovviamente\s+|evidentemente\s+)?non\s+ha\s+letto\b|"
    r"\bklant\s+heeft\s+(?:duidelijk\s+|natuurlijk\s+|weer\s+|overduidelijk\s+)?(?:\w+\s+){0,3}?niet\s+gelezen\b|"
    r"\b(?:o|a)\s+cliente\s+(?:claramente\s+|obviamente\s+|evidentemente\s+)?n[ãa]o\s+(?:leu|tinha\s+lido)\b|"
    # an offer kept for when the customer insists
    r"\bonly\s+if\s+(?:she|he)\s+(?:pushes\s+back|complains|kicks\s+off|insists|escalates|moans|threatens|"
    r"asks\s+again|chases)\b|"
    r"\bnur\s+(?:wenn|falls)\s+(?:sie|er)\s+(?:nachhakt|sich\s+beschwert|dr[äa]ngt|insistiert|droht|nochmal\s+fragt)\b|"
    r"\bseulement\s+(?:s['’]il|si\s+elle)\s+(?:insiste|se\s+plaint|r[âa]le|relance|menace)\b|"
    r"\bsolo\s+si\s+(?:él|ella)\s+(?:insiste|se\s+queja|protesta|reclama)\b|"
    r"\bsolo\s+se\s+(?:lui)\s+(?:insiste|si\s+lamenta|protesta)\b|"
    r"\balleen\s+(?:als|indien)\s+(?:ze|hij)\s+(?:aandringt|klaagt|zeurt|dreigt)\b|"
    r"\bs[óo]\s+se\s+(?:ele|ela)\s+(?:insistir|reclamar|reclamar\s+de\s+novo)\b|"
    # the customer put on a watch list: "keep an eye on this one", "ficar de olho nesta cliente", "diese Kundin im Auge
    # behalten", "garder un œil sur ce client", "tenere d'occhio questa cliente", "deze klant in de gaten houden"
    r"\b(?:keep\s+an\s+eye\s+on|watch|monitor)\s+this\s+(?:one|customer|client|guy|lady)\b|"
    r"\b(?:die(?:se)?\s+kundin|(?:den|diesen)\s+kunden|(?:sie|ihn)\s+(?:weiter\s+)?)\s*im\s+auge\s+behalten\b|"
    r"\b(?:garder\s+un\s+(?:[œo]e?il|oeil)\s+sur|surveiller)\s+(?:ce(?:tte)?\s+(?:client|cliente|type|dame|monsieur)|"
    r"(?:le|la)\s+client(?:e)?)\b|"
    r"\b(?:vigilar\s+a|ojo\s+con)\s+(?:este|esta|ese|esa)\s+(?:cliente|clienta|señora|señor|tío|tía)\b|"
    r"\btenere\s+d['’]occhio\s+(?:quest[oa]|il|la)\s+(?:cliente|signora|signore|tizi[oa])\b|"
    r"\b(?:deze|die)\s+(?:klant|meneer|mevrouw)\s+(?:goed\s+)?in\s+de\s+gaten\s+houden\b|"
    r"\b(?:ficar|fica|ficamos)\s+de\s+olho\s+n(?:esta|este|essa|esse|a|o)\s+(?:cliente|senhora|senhor)\b|"
    # a question on the draft's tone
    r"\b(?:maybe\s+|pls\s+|should\s+we\s+|need\s+to\s+)?tone\s+(?:it|this|that)\s+down\s*\?|"
    r"\bton\s+(?:etwas\s+|bisschen\s+)?(?:abschw[äa]chen|entsch[äa]rfen)\s*\?|"
    r"\badoucir\s+(?:un\s+peu\s+)?le\s+ton\s*\?|\bsuavizar\s+(?:un\s+poco\s+)?(?:el|o)\s+tom?o?\s*\?|"
    r"\bammorbidire\s+(?:un\s+po['’]\s+)?il\s+tono\s*\?|\btoon\s+(?:wat\s+)?(?:afzwakken|verzachten)\s*\?|"
    # a told-you-so between staff about the customer
    r"(?:^|(?<=[(.!?]\s)|(?<=\())told\s+(?:you|ya|u)\s+(?:she|he|they)['’]?d\b|"
    # a question to the team about what the company does, doubled question marks: "Do we still honour … ??"
    r"\b(?:do|should|can|are)\s+we\s+(?:still|actually|even|really)\b[^?\n]{0,80}\?{2,}",
    re.I)


def _staff_remark(line: str, lang: str) -> str | None:
    for m in _STAFF_REMARK.finditer(line):
        start = max(line.rfind(c, 0, m.start()) for c in ".!?(\n")
        end = min((i for i in (line.find(c, m.end()) for c in ".!?)\n") if i >= 0), default=len(line))
        clause = line[start + 1:end]
        if re.search(r"\bto(?:ne|n|no|on|m)\b", m.group(0), re.I) and m.group(0).endswith("?"):
            clause = clause.replace(m.group(0), " ")   # "adoucir le ton ?": that "ton" is the draft's, not "your"
        if m.group(0).lower().startswith("told") or not (
                _TO_CUSTOMER.search(clause) or _TO_CUSTOMER_CS.search(clause) or _spoken_to(clause, lang)):
            return m.group(0)   # (the "you" of "told you he'd …" is the colleague)
    return None


def _sentence_of(line: str, m: re.Match) -> str:
    """The sentence (or bracketed aside) a match stands in, up to its question mark."""
    start = max(line.rfind(c, 0, m.start()) for c in ".!?(\n")
    ends = [i for i in (line.find(c, m.end()) for c in ".!?)\n") if i >= 0]
    return line[start + 1:min(ends, default=len(line))] if not m.group(0).endswith("?") else line[start + 1:m.end()]


def _speaks_to_customer(text: str, lang: str) -> bool:
    return bool(_spoken_to(text, lang) or _TO_CUSTOMER.search(text) or _TO_CUSTOMER_CS.search(text))


def _team_question(line: str, lang: str) -> str | None:
    for m in _TEAM_QUESTION.finditer(line):
        if not _speaks_to_customer(_sentence_of(line, m), lang):
            return m.group(0)
    return None


def _pasted_log(line: str, whole: str, names: set[str], ctx) -> bool:
    if str(getattr(ctx, "channel", "") or "") == "chat":
        return False   # a chat's own transcript has speakers and times
    m = _LOGGED.match(line)
    if not m or not _is_colleague(m.group(1), names) or _CALENDAR.fullmatch(fold(m.group(1))):
        return False
    speakers = {g for g in _LOGGED.findall(whole) if _is_colleague(g, names) and not _CALENDAR.fullmatch(fold(g))}
    return len(speakers) >= 2


# A reminder's label in capitals or in an aside, then a to-do in the infinitive on the company's own records or checks:
# "NICHT VERGESSEN: Termin noch im SAP eintragen!!", "(lembrete: confirmar comparticipação antes de entregar)",
# "(rappel : vérifier le dossier)"; a reminder to the customer says "you" or has them do something ("Recuerde: traer
# el DNI", "Lembrete: levantar a receita até sexta").
_REMINDER_NOTE = re.compile(
    r"(?:(?:^|[.!?]\s+)(?-i:NICHT VERGESSEN|VERGEET NIET|NIET VERGETEN|DON'?T FORGET|REMINDER|NE PAS OUBLIER|RAPPEL|"
    r"NO OLVIDAR|RECORDATORIO|NON DIMENTICARE|PROMEMORIA|N[ÃA]O ESQUECER|LEMBRETE|ERINNERUNG|HERINNERING)|[(\[]\s*"
    r"(?:nicht\s+vergessen|vergeet\s+niet|niet\s+vergeten|don'?t\s+forget|reminder|ne\s+pas\s+oublier|rappel|"
    r"no\s+olvidar|recordatorio|non\s+dimenticare|promemoria|n[ãa]o\s+esquecer|lembrete|erinnerung|herinnering))"
    r"\s*[:!\-–—]+\s*([^.!?)\]\n]{3,160})", re.I)
_RECORD_VERB = re.compile(
    r"\b(?:eintragen|erfassen|buchen|einbuchen|pr[üu]fen|kl[äa]ren|abkl[äa]ren|abgleichen|checken|anlegen|hinterlegen|"
    r"vermerken|nachtragen|confirmar|verificar|comprobar|registrar|registar|anotar|conferir|validar|checar|"
    r"v[ée]rifier|confirmer|saisir|noter|enregistrer|valider|verificare|confermare|registrare|annotare|controllare|"
    r"segnare|controleren|invoeren|noteren|bevestigen|registreren|nakijken|check|confirm|verify|log|record|update)\b",
    re.I)


# A colleague named first, with no comma, and asked in chat shorthand's "you", about "the customer" by a noun: "Rafa vc
# sabe se …? to sem resposta pra cliente", "Tom u know if …? customer's waiting". Nobody writes so to the customer.
_NAME_SHORT_YOU = re.compile(r"^\W*(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s+(?:vc|vcs|u|ya|ur)\s+[^?\n]{3,160}\?", re.I)
_NOUN_CUSTOMER = re.compile(r"\b(?:cliente|clienta|customer|cust|cx|kunde|kundin|klant|client)\b", re.I)


def _reminder_note(line: str, lang: str) -> str | None:
    """The reminder to self (see _REMINDER_NOTE), or None."""
    for m in _REMINDER_NOTE.finditer(line):
        todo = m.group(1)
        if _spoken_to(todo, lang) or _TO_CUSTOMER_CS.search(todo) or addressee._WE.search(todo) or \
                _SUBJECT.search(todo) or not _RECORD_VERB.search(todo):
            continue
        start = m.start() + len(m.group(0)) - len(m.group(0).lstrip(".!? "))
        return line[start:m.end()].strip() + (")" if line[start] == "(" else "]" if line[start] == "[" else "")
    return None


def _first_hit(line: str, ctx, names: set[str], whole: str = "", continued: bool = False
               ) -> tuple[str, str, tuple[int, int] | None] | None:
    lang = str((getattr(ctx, "persona", None) or {}).get("language") or "en")[:2].lower()
    for kind, pattern in PATTERNS:
        for m in pattern.finditer(line):
            if kind == _STAFF and re.search(r"\b(?:him|her|them)$", m.group(0), re.I) and _PERSON_NOUN.search(
                    (whole[:whole.find(line)] if line in whole else "") + line[:m.start()]):
                continue   # "your gift for your mum is wrapped. Don't tell her until she opens it!": her is the mum
            if pattern is _ASK_SOMEONE and _speaks_to_customer(_sentence_of(line, m), lang):
                continue   # "Can someone at your end read the meter?", "quelqu'un sait-il chez vous …?"
            if kind == _JOKE and _FRIENDLY.search(line) and not _ABOUT_CUSTOMER.search(line.replace(m.group(0), " ")):
                continue   # "Hannah!! No worries 😊 happens to the best of us lol!": friendliness to the customer
            if kind == _JOKE and _LAUGH_FACE.search(line) and (any(len(n) >= 3 and re.search(
                    rf"\b{re.escape(n)}\b", fold(line)) for n in names) or (_spoken_to(line, lang) and "@" not in line
                                                             and not _informal_only(line, whole or line, lang))) and not \
                    _ABOUT_CUSTOMER.search(line.replace(m.group(0), " ")) and not _ONCE_MORE.search(line) and \
                    not _ROLLED_EYES.search(line):
                continue   # "Jajaja vaya lío con la baja 😂 tranqui Carmen, …", "Kkkkk relaxa, Mariana, … 😅": a laugh
                # with the customer, called by their name or "you" ("so sorry the lamp broke lol … for you 😅"), is
                # manner (tone judges it), not a joke about them (a colleague's "te" in a reply that says "vous", or
                # one tagged, is not the customer's: "mdr @Kevin il a branché … 😂 je te raconte")
            if kind == _JOKE and _OTHER_PARTY.search(line) and not _ABOUT_CUSTOMER.search(line.replace(m.group(0), " ")) \
                    and not _ROLLED_EYES.search(line) and not _ONCE_MORE.search(line):
                continue   # "lol yeah the courier screwed up big time there 😂": laughing with the customer at someone
                # else's blunder is manner (tone judges it), not a joke about them ("lol another courier one 🙄" is)
            if kind == _JOKE and m.group(0).lower() == "lol" and (lang == "nl" or _DUTCH_LOL.search(line)):
                continue
            if kind == _JOKE and m.group(0) == "LOL" and re.match(r"\s+[A-Z]", line[m.end():]):
                continue  # the "LOL Surprise" toy range
            if m.group(0).lstrip().startswith("@") and (_SOCIAL.search(line[:m.end()]) or _own_handle(
                    m.group(0).strip(" @,:"), names)):
                continue   # "Follow us @Acme", "@Jane thanks for the update!", "@kathi_meier Hallo …" (the customer)
            if kind == _LABEL and m.group(0).startswith("TODO") and lang in ("es", "pt") and (nxt := re.match(
                    r"\s+([a-zà-ÿ]+)\b", line[m.start() + 4:])) and (nxt.group(1) in ("o", "a", "y", "e") or
                                                                     addressee.ordinary_word(nxt.group(1), lang)):
                continue   # Spanish and Portuguese "todo" (all) in capitals: "TODO lo necesario tráigalo", "TODO o resto"
            if kind == _LABEL and _KIND_ROW.match(m.group(0)) and _CONTRAST_ROW.search(whole or line):
                continue   # "Internal: transfers between your accounts" beside "External: …": a kind, not a note
            if kind == _JOKE:
                aside = _aside(line, names, whole, lang)  # a staff aside on the same line is the worse finding
                if aside:
                    return aside
            span = m.span() if m.group(0).lstrip().startswith(("[", "(")) and m.group(0).rstrip()[-1:] in "])" \
                else None
            before, after = line[:m.start()], line[m.end():]
            if span and kind == _LABEL and _NOTE_WORD.search(m.group(0)) and after.strip() and not addressee._GREETING.match(
                    after) and (not before.strip() or ((speaker := _SPEAKER.match(line)) and speaker.end() >= len(
                    before.rstrip()))):
                # "[Note privée – Sonia] elle a déjà eu un avoir …": a note's label heads the note, to the line's end
                # (not "[DRAFT v2] Hi Jane, your refund …", whose words after the label are the customer's)
                span = (m.start(), len(line))
            return kind, m.group(0), span
    version = _VERSION_TAG.search(line) if whole else None
    if version and (reviewer := _REVIEWED_BY_NAME.search(line)) and \
            _is_colleague(reviewer.group(1) or reviewer.group(2), names, lang) \
            and not addressee._HEADERISH.match(line) and not _speaks_to_customer(line, lang) and \
            _above_greeting(line, whole):
        return _DRAFT, line.strip(), None   # 'resposta p/ o "Sr. Reclamação" – v3, a Sofia já reviu' above the letter
    mixup = _MIXUP.search(line)
    if mixup and _TWO_OF.search(line) and not _speaks_to_customer(line, lang) \
            and not addressee._WE.search(line):
        return _STAFF, line.strip(), None   # "Achtung – heute zwei Mails an zwei Damen mit Vertragspause, nicht verwechseln!!"
    comment = _HTML_COMMENT.search(line)
    if comment and len(re.findall(r"[^\W\d_]{2,}", comment.group(1))) >= 3 and re.search(r"\b[a-zà-ÿ]{3,}\b", comment.group(
            1)) and not _CODE_MARKER.match(comment.group(1)) and not _HTML_TAG.search(whole or line):
        return _LABEL, comment.group(0), comment.span()   # "<!-- Text noch nicht freigegeben, nicht live schalten -->"
    asked = _team_question(line, lang) or _staff_remark(line, lang) or _reminder_note(line, lang)
    named = _NAME_SHORT_YOU.match(line) if not asked else None
    if named and _is_colleague(named.group(1), names, lang) and not _introduced(named.group(1), whole) and \
            _NOUN_CUSTOMER.search(line):
        asked = line.strip()   # "Rafa vc sabe se a troca pode ser feita na loja? to sem resposta pra cliente"
    if asked:
        return _STAFF, asked, None
    pasted = _TOOL_PASTE.search(line)
    if pasted:
        return _STAFF, line[pasted.start():].strip(), None
    if _ticket_row(line):
        return _STAFF, line.strip(), None
    if _pasted_log(line, whole, names, ctx):
        return _STAFF, line.strip(), None
    hit = _HANDOVER_TO.match(line)
    if hit and _is_colleague(hit.group(1), names, lang) and not _introduced(hit.group(1), whole) \
            and not _spoken_to(line[hit.end():], lang) and not _TO_CUSTOMER_CS.search(line[hit.end():]):
        # (not "Handover to Tom: he'll be your contact from Monday", a new contact introduced to the customer)
        return _LABEL, line.strip(), None   # "Übergabe an Sabine: Sterbeurkunde liegt vor, Konto noch NICHT gesperrt"
    hit = _MACRO_LABEL.match(line)   # "[Textbaustein v3 – Rechtsabteilung prüft noch …]": the template's own label
    if hit:
        return _LABEL, hit.group(0).strip(), (hit.start() + len(hit.group(0)) - len(hit.group(0).lstrip()), hit.end())
    if _MACRO_LINE.match(line):
        return _LABEL, line.strip(), None
    hit = _MACRO_TAG.match(line)
    if hit and not _spoken_to(hit.group(1), lang) and not _TO_CUSTOMER_CS.search(hit.group(1)) and \
            not addressee._GREETING.match(hit.group(1)):
        return _LABEL, line.strip(), None   # "[macro] nao esquecer de tabular como …": the macro's note to the agent
    said = _SPEAKER.match(line)
    hit = _NOTE_FOR_ROLE.search(line) or (_NOTE_FOR_ROLE.match(line[said.end():]) if said else None)
    rest = hit.group("rest") if hit else ""
    if hit and not _spoken_to(rest, lang) and not _TO_CUSTOMER_CS.search(rest) and (
            not hit.group("src") or _THIRD_PRONOUN.search(rest) or _THIRD_NOUN.search(rest)):
        # (a note from a department is staff's when it speaks of the customer in the third person: "Note from central
        # office: she's a transfer student …"; "Nota dalla segreteria: le ricordiamo che …" is a notice)
        start = hit.start() + len(hit.group(0)) - len(hit.group(0).lstrip(".!?—–- "))
        if line[start:start + 1] in "([{":
            close = line.find({"(": ")", "[": "]", "{": "}"}[line[start]], start)
            return _LABEL, line[start:close + 1 if close > 0 else len(line)], (start, close + 1 if close > 0 else len(line))
        return _LABEL, line[start:].strip(), None
    aside = _aside(line, names, whole, lang)
    if aside:
        return aside
    tag = _closing_tag(line, whole, lang)   # (after the asides: they tell whom a bracket speaks to)
    if tag:
        return tag
    # a chat message's postscript, after its speaker: "Megan (Customer Care): PS Dan - I've already given her …"
    said = _SPEAKER.match(line)
    ps_line = line[said.end():] if said and fold(line.split()[0].strip("[]:")) not in _NOT_NAMES else line
    hit = _PS_BARE.search(line) or (_PS_BARE.match(ps_line) if ps_line is not line else None)
    if hit and _is_colleague(hit.group(1), names, lang) and not _introduced(hit.group(1), whole) \
            and not _lower_elsewhere(hit.group(1), whole or line) \
            and not (_NAME_IS_SUBJECT.match(hit.group(2)) and not line[hit.end(1):hit.start(2)].strip()) \
            and not _spoken_to(hit.group(2), lang) and not _TO_CUSTOMER_CS.search(hit.group(2)) and (
            _NEGATED_ORDER.search(hit.group(2)) or _THE_ONE.search(hit.group(2)) or _REPEAT.search(hit.group(2))
            or _AGAIN_COUNT.search(hit.group(2)) or _REPEAT_H.search(hit.group(2)) or _THIRD_NOUN.search(hit.group(2))
            or _SNEER.search(hit.group(2)) or _pronoun_for_customer(hit.group(2), whole[:whole.find(line)] if line in
                                                                    whole else "", lang)
            or _kinds(hit.group(2), "", whole, lang) & {"third", "order"}):
        return _STAFF, hit.group(0).strip(" .!?…)"), None
    hit = _POSTSCRIPT.search(line) or (_POSTSCRIPT.match(ps_line) if ps_line is not line else None)
    if hit and _is_colleague(hit.group(1), names, lang):
        return _STAFF, hit.group(0).lstrip(".!? "), None
    hit = _REVIEW_BY.search(line)
    who = next((g for g in hit.groups() if g), "") if hit else ""
    if who and _is_colleague(who, names, lang) and not _introduced(who.lstrip("@"), whole) and not _DEPARTMENT.match(who) \
            and not _speaks_to_customer(line, lang):
        return _DRAFT, line.strip(), None
    hit = _HAND_TO.match(line)
    if hit and (not hit.group(0)[hit.end("pre"):].lower().startswith("an ") or hit.group(0).rstrip().endswith(
            ("eskalieren", "weitergeben", "übergeben", "abgeben", "weiterleiten"))) and _is_colleague(
            hit.group(1), names, lang) and not _introduced(hit.group(1).lstrip("@"), whole) and not _DEPARTMENT.match(
            hit.group(1)) and not _speaks_to_customer(line, lang) and not addressee._WE.search(line):
        return _STAFF, line.strip(), None
    hit = _X_NAME.search(line)
    if hit and _is_colleague(hit.group(1), names, lang) and not _introduced(hit.group(1), whole):
        return _STAFF, line[hit.start():].lstrip(".!?… "), None
    hit = _NAMED_REQUEST.match(line)
    if hit and _is_colleague(hit.group(1), names, lang):
        return _STAFF, hit.group(0), None
    for pattern in (_NOTE_FOR, _FYI_NAME):
        hit = pattern.search(line)
        if hit and _is_colleague(hit.group(1), names, lang):
            return _STAFF, hit.group(0).strip("([ "), None
    hit = _AT_REQUEST.search(line) or _NAME_TO_REVIEW.search(line)
    if hit and _is_colleague(hit.group(1), names, lang) and not _SOCIAL.search(line[:hit.end()]) and \
            not _NAMED_THING.search(line[:hit.start(1)]):
        return _STAFF, hit.group(0), None
    for hit in _AT_NAME.finditer(line):
        rest = line[hit.end():]
        if _is_colleague(hit.group(1), names, lang) and not _SOCIAL.search(line[:hit.end()]) and not re.search(
                r"\b(?:follow|find|tag|message|dm|tweet)\b", line[:hit.start()], re.I) and not re.match(
                r"\s*(?:on|at|via)\s+(?:twitter|x|instagram|facebook|tiktok|linkedin|threads|bluesky|mastodon)\b", rest,
                re.I) and (
                "?" in rest or _REQUEST.search(fold(rest)) or _ASKED.match(fold(rest.strip(" ,:-–—")))):
            return _STAFF, line[hit.start():].strip(), None
    for hit in _AT_HANDLE.finditer(line):
        # a chat tool's lower-case @mention mid-reply, asked in the informal: "@jonas kannst du mal gucken ob das
        # wirklich zugestellt ist?", "@marta.r puedes mirar si …?" (not a handle to follow: "(@maisonlerouge.paris)")
        clause = re.match(r"[^.!?]*[.!?]?", line[hit.end():]).group(0)  # type: ignore[union-attr]  # (always matches)
        if not _own_handle(hit.group(1), names) and fold(hit.group(1)) not in _NOT_NAMES and not _SOCIAL_WORDS.search(
                line) and not addressee._WE.search(_sentence_of(line, hit)[:hit.start()]) and (
                "?" in clause or _REQUEST.search(fold(clause))) and (_spoken_to(clause, lang) or _INFORMAL_ASK.search(
                clause)) and _informal_only(clause, whole, lang) and not _TO_CUSTOMER_CS.search(clause) and \
                lang in _FORMAL_READER_ANY and _FORMAL_READER_ANY[lang].search(rest := (whole or line).replace(
                    clause, " ")) and not _INFORMAL_READER_ANY[lang].search(rest):   # (the customer is "Sie", "vous")
            return _STAFF, (hit.group(0) + clause).strip(), (hit.start(), hit.end() + len(clause))
    hit = _PS_ORDER.search(line)
    if hit and _is_colleague(hit.group(1), names, lang):
        return _STAFF, hit.group(0).lstrip(".!? "), None
    speaker = _SPEAKER.match(line)
    body = line[speaker.end():] if speaker and fold(line.split()[0].strip("[]:")) not in _NOT_NAMES else line
    # (a role's tag before the colleague's name: "[supervisor] Filipa, podes aprovar a isenção?")
    body = _ROLE_TAG_FIRST.sub("", body)
    if _NOT_FOR_CUSTOMER.search(body) or _TAGS_LINE.match(body) or _TAGS_LINE.match(line):
        return _LABEL, body.strip(), None
    asks = _NAMED_FIRST_ASKS.match(body)
    if asks and (asks.group(1)[0].isupper() or str(getattr(ctx, "channel", "") or "") == "chat") and (
            re.match(r"(?:can|could)\s+(?:you|u)\s+(?:pls\s+|please\s+)?\w+", asks.group(2), re.I) or
            (lang in _GIVE_ME and _GIVE_ME[lang].match(asks.group(2)))) and \
            fold(asks.group(1)) not in _NOT_A_VOCATIVE | _NOT_AN_INTERJECTION and \
            not _TO_CUSTOMER_CS.search(asks.group(2)) and not _TO_CUSTOMER.search(
                re.sub(r"^(?:can|could)\s+(?:you|u)\b", "", asks.group(2), flags=re.I)) and \
            _is_colleague(asks.group(1), names, lang) and not _introduced(asks.group(1), whole):
        return _STAFF, body.strip(), None
    # A colleague called by name and a comma, then told about the customer in the third person or given an order:
    # "Pablo, ¿el lote 23 no era el de poca carbonatación? No le digas nada todavía", "Ricardo, vê se dá para fazer
    # 10% - o Sr. é cunhado do Eng. Pires" (not the customer's name, nor someone the reply introduces)
    # (asked something about them, or told to keep it from them: not "Top, dank je. Ik moet even navragen …", a word
    # of thanks, nor "Honestly, the courier made a mess of this one", an adverb)
    called = _CALLED_BY_NAME.match(body)
    if called and _is_colleague(called.group(1), names, lang) and not _introduced(called.group(1), whole) and \
            fold(called.group(1)) not in _NOT_A_VOCATIVE | _NOT_AN_INTERJECTION and \
            not _NOT_A_NAME.fullmatch(called.group(1)) and \
            not _TO_CUSTOMER_CS.search(called.group(2)) and \
            (_DONT_TELL.search(called.group(2)) or (
                "?" in called.group(2) and "third" in _kinds(called.group(2), "", whole, lang))):
        return _STAFF, body.strip(), None
    role = _ROLE_COLON.match(body) or _ROLE_COLON.match(line)
    if role and not _spoken_to(role.group(1), lang) and not _TO_CUSTOMER.search(role.group(1)) and \
            not _TO_CUSTOMER_CS.search(role.group(1)) and (
            # (a question to a superior is staff's whatever it asks; one to a team, about the case)
            ("?" in role.group(1) and (not re.match(r"\W*(?:kolleg|colleg|coll[èe]g|colleag|team|equip|[ée]quip|squadr)",
                                                    role.group(0), re.I) or
                                       _kinds(role.group(1), "", whole, lang) & {"third", "work"})) or
            _ORDER.search(role.group(1)) or _kinds(role.group(1), "", whole, lang) & {"third", "order"}):
        return _STAFF, role.group(0).strip(), None
    named = _NOTE_FOR_NAME.match(body)
    if named and _is_colleague(named.group(1), names, lang) and not _introduced(named.group(1).lstrip("@"), whole) and (
            not _spoken_to(named.group(2), lang) or _informal_only(named.group(2), whole, lang)) and \
            not _TO_CUSTOMER_CS.search(named.group(2)) and (
            "?" in named.group(2) or any(_infinitive_orders(part, lang) for part in re.split(r"(?<=[.!?])\s+", named.group(2))) or
            _kinds(named.group(2), "", whole, lang) & {"third", "order", "shorthand", "work"}):
        return _STAFF, body.strip(), None
    tagged = re.match(r"^\s*@([A-ZÀ-Þ][\w.\-]{1,24})[,:]?\s+(.+)$", body)
    if tagged and _is_colleague(tagged.group(1), names, lang) and not _introduced(tagged.group(1), whole) and (
            _THIRD_NOUN.search(tagged.group(2)) or "third" in _kinds(tagged.group(2), "", whole, lang) or
            re.search(r"(?-i:\b(?:NON|NICHT|NIET|NO|NÃO|NAO|NE\s+PAS|DON'?T|NOT)\s+[a-zà-ÿ]{3,})", tagged.group(2))) and \
            not _spoken_to(tagged.group(2), lang) and not _TO_CUSTOMER_CS.search(tagged.group(2)):
        return _STAFF, body.strip(), None   # "@Sanne klant zegt dat hij advocaat is, extra voorzichtig …"
    if body is not line and _for_colleague(body.strip(), names, whole, lang):
        return _STAFF, body.strip(), None   # a chat line to a colleague: "Marco (Operatore): x Chiara: controlla tu …"
    hit = _AFTER_A_WORD.match(body)
    if hit and fold(hit.group(1)) not in _NOT_AN_INTERJECTION and _is_colleague(hit.group(2), names, lang) \
            and not _introduced(hit.group(2), whole) and not _LINKING.match(hit.group(2)) \
            and (not _spoken_to(hit.group(3), lang) or _informal_only(hit.group(3), whole, lang)) \
            and not _TO_CUSTOMER_CS.search(hit.group(3)) and (
            ("?" in hit.group(3) and (_THIRD_PRONOUN.search(hit.group(3)) or _THIRD_NOUN.search(hit.group(3)) or
                                      _STAFF_WORK.search(hit.group(3)))) or
            (_LAUGH.match(hit.group(1)) and _AGAIN.search(hit.group(3))) or
            (_HEADS_UP_WORD.match(hit.group(1)) and not _spoken_to(hit.group(3), lang))):
        return _STAFF, body.strip(), None   # "attends Karim je lui mets quoi pour le geste co ?", "wait Tom, is he …?"
    for sentence in re.split(r"(?<=[.!?])\s+", body)[1:]:
        # the same laugh to a colleague after the customer's sentence, on its line: "… terug te boeken. lol Mark,
        # derde keer deze maand dat ze …", "… est parti. mdr Karim, encore elle"
        hit = _AFTER_A_WORD.match(sentence)
        if hit and _LAUGH.match(hit.group(1)) and _is_colleague(hit.group(2), names, lang) \
                and not _introduced(hit.group(2), whole) and not _spoken_to(hit.group(3), lang) \
                and not _TO_CUSTOMER_CS.search(hit.group(3)) and (_AGAIN.search(hit.group(3)) or
                                                                  _AGAIN_COUNT.search(hit.group(3))):
            return _STAFF, sentence.strip(), None
    hit = _NAME_FIRST.match(body)
    if hit and _is_colleague(hit.group(1), names, lang) and any(
            not (hit.group(2) and _SENDING_SOMETHING.match(hit.group(3), ask.start()))
            for ask in _COLLEAGUE_ASK.finditer(hit.group(3))) and not _TO_CUSTOMER.search(
            _COLLEAGUE_ASK.sub(" ", hit.group(3))) and not re.search(r"\b(?:tu[oa]?|tuoi|tus|dein\w*|ton|ta|tes|jouw|je|"
                                                                   r"teu|tua)\b", hit.group(3), re.I) and not re.search(
            rf"{_INTRODUCED}\W+(?:\w+\W+){{0,3}}{hit.group(1)}\b|\b{hit.group(1)}\W+(?:\w+\W+){{0,2}}{_INTRODUCED}",
            whole, re.I):
        return _STAFF, body.strip(" -–—*"), None
    if _SEND_REMINDER.search(body) and not _TO_CUSTOMER.search(body) and re.search(
            r"\b(?:close|merge|tag|log|ticket|case|dupe|crm|macro)\b|#?\b\d{3,}\b", body, re.I):
        return _DRAFT, body.strip(), None
    hit = _DASH_DRAFT.search(line)
    if hit and not _TO_CUSTOMER.search(hit.group(1)):
        return _DRAFT, hit.group(1), None
    if len(line.split()) <= 8 and not continued and not _TO_CUSTOMER.search(line) and not _TO_CUSTOMER_CS.search(line) \
            and not _announced_step(line, whole, lang):
        bare = fold(line.strip(" *_-–—:.!>"))
        if any(p.search(bare) for p in _DRAFTING):   # a drafting note on a line of its own: "check wording"
            return _DRAFT, line.strip(), None
    hit = _SHOUTED_DRAFT.search(line)
    if hit:
        return _DRAFT, hit.group(0), None
    for pattern in _REMARKS:
        hit = pattern.search(line)
        if hit and re.search(r"\b(?:him|her)$", hit.group(0), re.I) and _PERSON_NOUN.search(
                (whole[:whole.find(line)] if line in whole else "") + line[:hit.start()]):
            continue   # "if the driver calls, just tell him that …": him is the driver
        if hit:
            return _REMARK, hit.group(0), None
    for sentence in re.split(r"(?<=[.!?])\s+(?=[A-ZÀ-Þ¿¡])", body):   # "Your account is updated. Cust v unhappy …"
        if _staff_talk(sentence, pronouns=False, lang=lang):
            return _REMARK, sentence.strip(), None
    hit = _REMINDER_HEAD.match(line)
    if hit and _BOOKKEEPING.search(hit.group(1)) and not _spoken_to(hit.group(1), lang) and \
            not _TO_CUSTOMER_CS.search(hit.group(1)) and not addressee._WE.search(hit.group(1)):
        return _STAFF, line.strip(), None   # "Nicht vergessen: Gutschrift heute noch in SAP buchen!!"
    if whole and _draft_head(line, whole, lang):
        return _DRAFT, line.strip(), None
    hit = _ASK_BEFORE_SENDING.search(body)
    opened = max((body.rfind(c, 0, hit.start()) for c in "—–("), default=-1) if hit else -1
    start = max((body.rfind(c, 0, hit.start()) for c in "—–(,;."), default=-1) + 1 if hit else 0
    # (inside an aside between dashes or brackets: "ask Evri before sending." is said to the customer)
    if hit and opened >= 0 and _is_colleague(hit.group(1), names, lang) and not _introduced(hit.group(1), whole) and not \
            _spoken_to(body[start:hit.end()], lang) and not _PLEASE_WORD.search(body[start:hit.end()]):
        return _DRAFT, body[start:hit.end()].strip(), (start + len(line) - len(body), hit.end() + len(line) - len(body))
    hit = _TU_THEN_NAME.search(body) if lang in ("fr", "it", "pt", "es") else None
    rest = whole.replace(line, " ")
    if hit and (lang != "es" or hit.group(1).lower() == "tú") and _is_colleague(hit.group(2), names, lang) and \
            not _introduced(hit.group(2), whole) and _greets_customer(whole, names) and \
            (_FORMAL_READER_ANY[lang].search(rest) or _POLITE_TITLE.search(rest)) and \
            not _INFORMAL_READER_ANY[lang].search(rest):
        return _STAFF, body[hit.start():].strip(), None   # "…, vê tu Sofia que eu não tenho acesso ao SAP"
    hit = _asks_colleague_unsure(body, names, whole, lang)
    if hit:
        return hit[0], hit[1], (hit[2][0] + len(line) - len(body), hit[2][1] + len(line) - len(body))
    weighed = _weighed(body, names, whole, lang, continued) or _groan(line, whole, lang) or \
        _staff_message(body, names, whole, lang)
    if weighed or not whole:
        return weighed
    # A line of its own, or a stretch of it set off by a sentence end or a dash, that is a note by its structure
    # (the reply's first line only after its first stretch: that one greets or answers the customer).
    units = [u for part in _DASH_SPLIT.split(body) for u in _sentences(part) if u.strip()]
    first = line.strip() == next((x for x in whole.splitlines() if x.strip()), "").strip()
    if body != line and _SHIFT_LABEL.match(line):   # "Spätschicht: …" is no chat speaker but the note's addressee
        body = line
    stepped = _announced_step(line, whole, lang)
    for n, unit in enumerate(units[1:] if first else [body] if len(units) == 1 else units):
        # lower case where a sentence starts: after a full stop, or a line that does not carry one on
        jotted = (n > 0 or first) and not unit.startswith(" ") or (n == 0 and not first and not continued
                                                                   and not _after_greeting(line, whole))
        if n == 0 and stepped:
            jotted = False   # a list's step in lower case is the list's style: "per la fattura: - accedere …"
        kind = _note_by_structure(unit, names, whole, lang, aside=False, jotted=jotted)
        if kind:
            return kind, unit.strip(" -–—"), None
    return None


# A groan typed into the reply between two sentences to the customer, in lower case and often with no full stop before
# the next ("… per la terza volta Poi attenda …"): "ugh 3rd time this week w/ this one.", "mamma mia questo qui non ha
# nemmeno letto il manuale, glielo spiego per la terza volta", "zucht, weer deze meneer, hij belt ook elke dag",
# "la pesada del 3B otra vez, ojo que …", "putain encore un colis perdu …, c'est le 5e cette semaine". Two kinds of
# evidence, one of them the groan itself or the customer as "this one": a groan, again, a count, "this one", a heads-up.
_GROAN = re.compile(
    r"^(?:ugh+|sigh|argh+|pf+t?|uf+a?|jeez|ffs|omg|meh|zucht|mamma\s+mia|madre\s+m[ií]a|dios\s+m[ií]o|"
    r"oh\s+l[àa]\s+l[àa]|pfff+|nossa|aff+e?|poxa|uffa|che\s+palle|mannomann|oh\s+mann|man\s+man|jeetje|jemig|tjonge|"
    r"hay\s+dios|jol[íi]n|ay\s+ay\s+ay|ai\s+ai\s+ai|mon\s+dieu|misericordia|valha-me\s+deus)\b", re.I)
_THIS_ONE_H = re.compile(
    r"\b(?:this\s+(?:one|guy|lady|woman|man|bloke)|(?:with|w/)\s+(?:this|that)\s+one|quest[oa]\s+qui|quell[oa]\s+l[àì]|"
    r"(?:deze|die)\s+(?:meneer|mevrouw|vent|gast|man|vrouw)|(?:dieser|der)\s+(?:typ|herr|kerl)|diese\s+(?:frau|dame|tante)|"
    r"(?:ce|cette)\s+(?:type|mec|dame|bonne\s+femme|monsieur)|(?:el|la)\s+pesad[oa]|(?:este|esta|ese|esa)\s+(?:t[ií][oa]|"
    r"señora|señor|pesad[oa])|(?:esse|essa|este|esta)\s+(?:cara|senhor|senhora|chat[oa])|(?:il|la)\s+solit[oa])\b", re.I)
_COUNT_H = re.compile(
    rf"\b{_ORDINAL_WORD}\s+(?:\w+\s+){{0,2}}?(?:this|cette|esta|questa|deze|diese[rn]?|dit|este|essa)\s+(?:week|semaine|"
    r"semana|settimana|woche|month|mois|mes|mese|maand|monat|m[êe]s)\b|"
    rf"\b(?:the|le|la|el|il|der|die|de|het|o|a)\s+{_ORDINAL_WORD}\s+(?:\w+\s+)?(?:this|cette|esta|questa|deze|diese[rn]?|"
    r"dit|este|essa)\s+\w+|\b(?:per|for|pour|por|voor|pela|zum)\s+(?:la\s+|the\s+|het\s+)?" + _ORDINAL_WORD +
    r"\s+(?:volta|time|fois|vez|keer|mal)\b|\b(?:elke|iedere)\s+dag\b|\btodos\s+los\s+d[ií]as\b|\bevery\s+day\b",
    re.I)


def _groan(line: str, whole: str, lang: str) -> tuple[str, str, tuple[int, int]] | None:
    if not re.search(r"(?:^|[.!?]\s+)(?-i:[A-ZÀ-Þ])", whole or line):
        return None   # a reply written all in lower case: its lower case marks nothing
    for start in (m.end() for m in re.finditer(r"(?<=[^\W\d_])[.!?]+\s+(?=(?-i:[a-zà-ÿ]))", line)):
        end = next((m.start() + 1 for m in re.finditer(r"[.!?](?:\s|$)", line[start:])), len(line) - start) + start
        stretch = line[start:end]
        # the stretch runs on to a capital that opens the next sentence to the customer: "… volta Poi attenda …"
        cuts = [start + m.start() for m in re.finditer(r"\s+(?=(?-i:[A-ZÀ-Þ][a-zà-ÿ]))", stretch)] + [end]
        # (not a groan shared with the customer, sorry or speaking for "us" or "me": "damn courier failed again, but we
        # will resend today", "argh, the app crashed again on my side, one sec")
        said = [c for c in cuts if not _speaks_to_customer(line[start:c], lang) and not _THANKS.search(line[start:c])
                and not addressee._WE.search(line[start:c]) and not _FIRST_PERSON.search(_GROAN.sub(" ", line[start:c]))]
        if not said:
            continue
        stretch = line[start:max(said)]
        # (or a swear word for one: "putain encore un colis perdu …")
        kinds = {"groan"} if _GROAN.match(stretch) or profanity.check(" ".join(stretch.split()[:1])) else set()
        if _THIS_ONE_H.search(stretch) or _THIS_ONE_AGAIN.search(stretch) or _SNEER.search(stretch):
            kinds.add("person")
        if _ONCE_MORE.search(stretch) or _WEAK.search(stretch):
            kinds.add("again")
        if _REPEAT.search(stretch) or _AGAIN_COUNT.search(stretch) or _REPEAT_H.search(stretch) or _COUNT_H.search(stretch):
            kinds.add("count")
        if _HEADS.search(re.split(r",\s*", stretch, maxsplit=1)[-1]):
            kinds.add("heads")
        if len(kinds) < 2 or not kinds & {"groan", "person"}:
            continue
        # it ends at the first capital after its last evidence, where the customer is spoken to again
        last = max(m.end() for p in (_GROAN, _THIS_ONE_H, _THIS_ONE_AGAIN, _SNEER, _ONCE_MORE, _WEAK, _REPEAT, _AGAIN_COUNT,
                                     _REPEAT_H, _COUNT_H, _HEADS) for m in [p.search(stretch)] if m)
        stop = next((c for c in cuts if c >= start + last), max(said))
        return _REMARK if "person" in kinds else _STAFF, line[start:stop].strip(), (start, stop)
    return None


def _staff_message(line: str, names: set[str], whole: str, lang: str):
    """A chat message between staff sent into the customer's window: a reply that never greets nor names the customer,
    whose line speaks of them in the third person with two more kinds of staff evidence, and says "you" (if at all)
    only in the informal, to the colleague: "quello della 12 è lo stesso di ieri, te lo passo io che non ce la faccio
    più 😂" (the customer by their table, the same one again, handed over, the writer's weariness)."""
    if not whole or len(line.split()) < 6 or _TO_CUSTOMER_CS.search(line) or _POSSESSIVE.search(line) or \
            _THANKS.search(line) or addressee._WE.search(line) or not (
            _REPEAT_H.search(line) or _SNEER.search(line) or _STAFF_WORK_H.search(line) or _HEADS.search(line)):
        return None
    if any(m.group(0).lower() not in _INFORMAL_WORDS | _NOT_YOU.get(lang, set()) for m in _ANY_YOU.finditer(line)):
        return None   # a formal "you": the customer's
    words = set(re.findall(r"[^\W\d_]+", fold(whole)))
    if any(len(n) >= 3 and n in words for n in names) or any(
            addressee._GREETING.match(x) for x in whole.splitlines()):
        return None
    kinds = _kinds(line, "", whole, lang)
    if "third" in kinds and len(kinds) >= 3:
        return _STAFF, line.strip(), None
    return None


def _after_greeting(line: str, whole: str) -> bool:
    """The line opens the letter after a greeting with a comma ("Gentile Sig.ra Neri,⏎la ringraziamo …"): its lower
    case is the language's letter style, not a jotted note."""
    before = [x for x in (whole[:whole.find(line)] if line in whole else "").splitlines() if x.strip()]
    return bool(before) and len(before[-1].strip()) <= 60 and before[-1].rstrip().endswith((",", ":"))


# (and a "//" comment after the text, as a note is typed: "… ES48213377 //pendiente confirmar con almacén …")
_DASH_SPLIT = re.compile(r"\s+-{2}\s+|\s+[—–]\s+|\s+/{2}(?=\s*[^\W\d_])")


def _aside(line: str, names: set[str], whole: str = "", lang: str = "en") -> tuple[str, str, tuple[int, int]] | None:
    """A bracketed aside meant for staff: "(Sam — can you check?)", "[insert tracking link]", "<<check wording>>"."""
    for m in _BRACKETED.finditer(line):
        shape = "(" if m.group(1) is not None or m.group(5) is not None else "[" if m.group(2) is not None else \
            "<<" if m.group(3) else "{" if m.group(6) else "xx"
        inner = m.group(m.lastindex or 0).strip(" *_-–—:")
        if len(inner) < 3 or len(re.findall(r'["“”«»„]', line[:m.start()])) % 2:
            continue  # too short, or inside a quotation ("… as you wrote: “[insert link] is all I got”")
        if shape == "<<" and _TEMPLATE_EXPR.match(inner):
            continue  # a template's field with its filter ("{{first_name | fallback: "there"}}"): the placeholder check's
        if shape == "{" and _PRESSED.search(line[:m.start()]):
            continue  # a button's label: "tap {Add link} to share it"
        to = _TO_COLLEAGUE.match(inner)
        if to and _FRONT.match(to.group(2) or "") and "?" not in inner and not _THIRD_PRONOUN.search(to.group(3)) \
                and not _THIRD_NOUN.search(to.group(3)):
            to = None   # a counter's sign for the visitor, not a name: "(Empfang: bitte klingeln)"
        if to and _is_colleague(to.group(1) or to.group(2), names, lang) and not _POSSESSIVE.search(inner) \
                and not _NOT_ADDRESSED.match(to.group(3)) and (
                "?" in inner or _REQUEST.search(fold(to.group(3))) or (to.group(1) and re.match(r"fyi\b", fold(
                    to.group(3))))):
            return _STAFF, m.group(0), m.span()
        if to and _is_colleague(to.group(1) or to.group(2), names, lang) and not _NOT_ADDRESSED.match(to.group(3)) and (
                _THIRD_NOUN.search(to.group(3)) or _SNEER.search(to.group(3)) or _ASKED.match(fold(to.group(3))) or
                # told to get in touch with the customer: "(Dani: llámala el jueves)", "(Jens: ruf sie an)"
                _CONTACT_HER.match(to.group(3)) or
                # told in the infinitive what to do: "(Rui, confirmar o IBAN antes de processar)"
                # (right after the name: "(Lisboa, Porto e Faro: entregar em 2 dias)" is a list of places)
                (_infinitive_orders(_CLAUSES.split(to.group(3), 1)[0], lang) >= 1 and not _spoken_to(to.group(3), lang)
                 and not _TO_CUSTOMER_CS.search(to.group(3))) or
                any(_NEGATED_ORDER.match(part.strip()) for part in re.split(r"[,;]", to.group(3))) or (
                    # told in the informal imperative or what must be done: "(Ale: controlla che l'etichetta sia quella
                    # nuova)", "(Nacho: hay que quitar el banner de rebajas …)", "(Tom: we need to fix the macro)"
                    _told(to.group(3), whole, lang) and not _spoken_to(to.group(3), lang)
                    and not _TO_CUSTOMER_CS.search(to.group(3)) and not _introduced(to.group(1) or to.group(2), whole)
                    and not _FRONT.match(to.group(2) or "")) or (
                    _THIRD_PRONOUN.search(to.group(3)) and not _TO_CUSTOMER.search(to.group(3)) and not _introduced(
                        (to.group(1) or to.group(2)).lstrip("@"), whole) and (
                        _ORDER.search(to.group(3)) or _THREAT.search(to.group(3)) or _STAFF_WORK.search(to.group(3))
                        or _DONT_PROMISE.search(to.group(3)) or _REPEAT.search(to.group(3))))):
            # "(Jen - done!!! got rid of this one)", "[Jo – book the slot …]", "(Siobhan - he's threatening a bad
            # review, offer 15% max, NOT a full refund)": a colleague told of the customer and what to do
            return _STAFF, m.group(0), m.span()
        titled = _TITLED_TO.match(inner) if shape in "([" else None
        if titled and _is_colleague(titled.group(1), names, lang) and not _introduced(titled.group(1), whole) and _WORDS.findall(
                whole or line).count(titled.group(1)) == 1 and not _TO_CUSTOMER_CS.search(
                titled.group(2)) and not _POSSESSIVE.search(titled.group(2)) and (
                # (a "can you …?" right after the name is asked of them: "(Mr Patel: can you add the no-claims letter?)")
                (_CAN_YOU.match(titled.group(2)) and "?" in titled.group(2)) or (
                    not _spoken_to(titled.group(2), lang) and not _TO_CUSTOMER.search(titled.group(2)) and (
                        "?" in titled.group(2) or _infinitive_orders(_CLAUSES.split(titled.group(2), 1)[0], lang) >= 1
                        or _told(titled.group(2), whole, lang)))):
            # a colleague named by title and surname, with a colon, and told or asked something: "(Frau Krüger: bitte
            # noch die Hausmeisterrechnung als PDF anhängen)", "(Mme Roux : vérifier le RIB avant envoi)" (not a
            # contact the letter names elsewhere, nor "(Frau Krüger: Mo–Fr 9–12 Uhr)", nor one that speaks to "you")
            return _STAFF, m.group(0), m.span()
        candid = _CANDID_LABEL.match(inner)
        if candid and not _spoken_to(candid.group(1), lang) and not _TO_CUSTOMER_CS.search(candid.group(1)) and (
                _ORDER.search(candid.group(1)) or _kinds(candid.group(1), "", whole, lang) - {"candour", "language"}):
            return _STAFF, m.group(0), m.span()   # told in confidence, and to whom but a colleague
        order = _NAME_ORDERS.match(inner)
        if order and _is_colleague(order.group(1), names, lang) and not _introduced(order.group(1), whole) \
                and not _TO_CUSTOMER.search(inner) and not _TO_CUSTOMER_CS.search(inner):
            return _STAFF, m.group(0), m.span()   # "(Giada metti in agenda il richiamo, io domani sono in ferie)"
        signed = _SIGNED.search(inner)
        if signed and "?" in inner and _is_colleague(signed.group(1), names, lang) and not _TO_CUSTOMER.search(inner):
            return _STAFF, m.group(0), m.span()   # a colleague's comment on the draft: "(bit strong? — Dan)"
        initials = _INITIALLED.search(inner)
        if initials and initials.group(1) not in _NOT_INITIALS and not _spoken_to(inner[:initials.start()], lang) \
                and not _TO_CUSTOMER_CS.search(inner) and (_ASK_WHETHER.match(inner) or "?" in inner or _kinds(
                inner[:initials.start()], "", whole, lang) & {"order", "third"} or any(
                p.search(fold(inner[:initials.start()])) for p in _DRAFTING)):
            return _STAFF, m.group(0), m.span()   # "[ask compliance if a certified copy is ok - AB]": initialled
        if shape in "([" and (sending := _BEFORE_SENDING.search(inner)) and not _speaks_to_customer(inner, lang) \
                and not addressee._WE.search(inner[:sending.start()] + sending.group(0)):
            # "(Pepe dice q no hay hueco, confirmar antes de mandar!!)", "(poss fraud?? … – flag to Risk before …)"
            return _DRAFT if _SENDING_WORD.search(sending.group(0)) else _STAFF, m.group(0), m.span()
        head = _INITIALS_HEAD.match(inner) if shape in "([" else None
        if head and head.group(1) not in _NOT_INITIALS | _CODES and not _spoken_to(head.group(2), lang) \
                and not _TO_CUSTOMER_CS.search(head.group(2)) and not _TO_CUSTOMER.search(head.group(2)) and (
                "?" in head.group(2) or _REVIEWED.search(head.group(2)) or _HARSH_RX.search(fold(head.group(2))) or
                _kinds(head.group(2), "", whole, lang) & {"order", "third"}):
            return _STAFF, m.group(0), m.span()   # a reviewer's comment headed by their initials: "[MK: zu unterwürfig]"
        note_for = _NOTE_FOR.search(inner)
        if note_for and _is_colleague(note_for.group(1), names, lang):
            return _STAFF, m.group(0), m.span()
        if _for_colleague(inner, names, whole, lang):
            return _STAFF, m.group(0), m.span()   # "(x Sara: già usato il reso gratis a marzo, scalare 5,90 €)"
        team = _TO_TEAM.match(inner)
        if team and not _TO_CUSTOMER.search(team.group(1)) and ("?" in team.group(1) or _REQUEST.search(fold(team.group(1)))):
            return _STAFF, m.group(0), m.span()   # "[bereavement team: did we send the condolence card?]"
        team = _FOR_TEAM.match(inner)
        if team and not _spoken_to(team.group(2), lang) and not _TO_CUSTOMER_CS.search(team.group(2)) and (
                _TEAM_WORD.match(team.group(1)) or "?" in team.group(2) or _REQUEST.search(fold(team.group(2))) or
                _kinds(team.group(2), "", whole, lang) & {"third", "order", "shorthand"}):
            return _STAFF, m.group(0), m.span()   # "(pour l'équipe : on ne rembourse rien sans l'accord de Sophie)"
        if team and not _FRONT.match(team.group(1)) and not _spoken_to(team.group(2), lang) and \
                not _TO_CUSTOMER_CS.search(team.group(2)) and _infinitive_orders(team.group(2), lang) >= 1:
            return _STAFF, m.group(0), m.span()   # "[für das Lager: bis Freitag zurücklegen]"
        dept = _DEPT_LABEL.match(inner) if shape in "([" else None
        if dept and not _FRONT.match(dept.group(1)) and not _spoken_to(dept.group(2), lang) and \
                not _TO_CUSTOMER_CS.search(dept.group(2)) and \
                _infinitive_orders(dept.group(2), lang) >= 2:
            return _STAFF, m.group(0), m.span()   # "[Marketing: Banner … drin lassen, danach … ersetzen]"
        asked = _NAMED_INSIDE.search(inner)
        if asked and _is_colleague(asked.group(1), names, lang) and _COLLEAGUE_ASK.search(asked.group(2)) and not \
                _TO_CUSTOMER.search(_COLLEAGUE_ASK.sub(" ", asked.group(2))) and not _introduced(asked.group(1), whole):
            return _STAFF, m.group(0), m.span()   # "(alweer een klacht van deze meneer, Sanne neem jij hem over?)"
        # "he" in an aside is the customer's unless the reply names someone else first ("your son's appointment
        # … (he should bring his red book, pls)")
        if _staff_talk(inner, pronouns=True, lang=lang) and (not whole or _staff_talk(inner, pronouns=False) or not _PERSON_NOUN.search(
                (whole[:whole.find(line)] if line in whole else "") + line[:m.start()] + " " +
                inner[:_first_pronoun(inner)])):
            return _REMARK, m.group(0), m.span()
        structural = _note_by_structure(inner, names, whole, lang, aside=True) if shape in "([" and whole else None
        approved = _APPROVED_IN_ASIDE.search(inner)
        if _approved_by_colleague(approved, names, whole) and not _speaks_to_customer(inner, lang):
            return _STAFF, m.group(0), m.span()   # "(exception – … she's spent a fortune with us, approved by Sam)"
        if shape == "(" and _admitted(inner, lang):
            return _STAFF, m.group(0), m.span()
        forgot = _FORGOT.search(fold(inner))
        if forgot and re.search(r"\b(?:lui|leur|her|him|ihr|ihm|gli|le|haar|hem|lhe)\b", fold(inner)[
                forgot.start():forgot.end() + 8]) and not _TO_CUSTOMER.search(inner) and not _TO_CUSTOMER_CS.search(inner):
            return _DRAFT, m.group(0), m.span()   # (what "she" was told: not "I can't remember what I said, sorry")
        if shape in "([" and _REMIND_SELF.match(inner) and not _spoken_to(inner, lang) and not _TO_CUSTOMER.search(
                inner) and not _TO_CUSTOMER_CS.search(inner) and not addressee._WE.search(inner) and not \
                _PLEASE_WORD.search(inner) and bool(_OUR_SHORTAGE.search(inner)) + bool(_FETCH_FROM.search(inner)) + \
                bool(_SHORT.search(inner)) >= 2:
            return _STAFF, m.group(0), m.span()   # "(dont forget 22mm fittings, van stock out - get from Plumbase Mon)"
        if any(_DOUBT.search(fold(part.strip())) and not _speaks_to_customer(part, lang)
               for part in re.split(r"[,;–—]|\s-\s", inner)[1:]):
            return _DRAFT, m.group(0), m.span()   # "(same steps as last time – copied from ticket 55120, add the pic …)"
        if _TO_CUSTOMER.search(inner) or _TO_CUSTOMER_CS.search(inner):
            if structural:   # a "you" said to a colleague: "(Kev can u confirm … on your side before I tell him??)"
                return structural, m.group(0), m.span()
            continue
        if _HEADS_UP.match(inner) or _CUSTOMER_3RD.search(inner) or _BRACKET_ORDER.match(inner):
            return _STAFF, m.group(0), m.span()
        if shape == "(" and not _spoken_to(inner, lang) and _mocks_someone(inner):
            return _REMARK, m.group(0), m.span()
        if _UI_LABEL.match(inner):
            continue
        folded = fold(inner)
        if shape == "[" and (_SQUARE_IMPERATIVE.search(folded) or (
                _SQUARE_CHECK.search(folded) and not _spoken_to(inner, lang))):
            return _DRAFT, m.group(0), m.span()
        if any(p.search(folded) for p in _DRAFTING) or _DOUBT.search(folded) or _TONE_DOUBT.search(folded):
            return _DRAFT, m.group(0), m.span()
        if shape != "(" and any(p.search(folded) for p in _PENDING):
            return _DRAFT, m.group(0), m.span()
        approved = _AGREES.search(inner)
        agrees = (approved.group(1) or approved.group(2)) if approved else ""
        if agrees and _is_colleague(agrees, names, lang) and not _introduced(agrees, whole) and \
                (_ORDER.search(inner) or _infinitive_orders(inner, lang)) and not _spoken_to(inner, lang) and \
                not _TO_CUSTOMER_CS.search(inner):
            return _STAFF, m.group(0), m.span()   # "(… kort houden en geen extra korting, Mark is akkoord)"
        if _PENDING_HEAD.match(folded) and (_ORDER.search(inner) or _infinitive_orders(inner, lang)) and \
                not _spoken_to(inner, lang) and not _PLEASE_WORD.search(inner):
            return _STAFF, m.group(0), m.span()   # "(pendiente presupuesto, NO llamar hasta que lo revise Raúl)"
        if shape == "xx" and _MARK_VERB.search(folded):
            return _DRAFT, m.group(0), m.span()
        if shape == "<<" and m.group(0)[:2] != "**" and len(inner.split()) >= 2 and not _FIELD_LIKE.match(inner) \
                and not re.search(r"\d", inner) and not is_field(inner):   # a field is the placeholder check's
            return _DRAFT, m.group(0), m.span()   # "<<check wording>>", "{{need to confirm}}": never prose
        if structural:
            return structural, m.group(0), m.span()
    return None


# A reminder to self in an aside about the company's own supplies, with two of: its stock run out, a supplier to fetch
# from, chat shorthand ("(dont forget 22mm fittings, van stock out - get from Plumbase Mon)", "(nicht vergessen:
# Dichtungen, Lager leer, bei Hornbach holen)", "(no olvidar juntas, sin stock en la furgo)"). A reminder to the
# customer says "you", "we" or "please", and names no stock of ours: "(don't forget - collect it from Depot 3)".
_REMIND_SELF = re.compile(
    r"^(?:don['’]?t|dont|do\s+not)\s+forget\b|^remember\b(?!\s+(?:to|that)\b)|^(?:nicht\s+vergessen|ne\s+pas\s+oublier|"
    r"pas\s+oublier|no\s+olvidar|non\s+dimenticare|niet\s+vergeten|n[ãa]o\s+esquecer)\b", re.I)
_OUR_SHORTAGE = re.compile(
    r"\b(?:van|truck|lorry|shop|warehouse)\s+stock\b|\bstock\s+(?:out|low|empty|gone)\b|\bout\s+of\s+stock\b|"
    r"\bno\s+stock\b|\b(?:ran|run|running)\s+out\b|"
    r"\bnicht\s+(?:mehr\s+)?(?:auf\s+lager|vorr[äa]tig)\b|\b(?:lager|bus|wagen|vorrat)\s+(?:ist\s+)?leer\b|"
    r"\bkein(?:e|en)?\s+(?:mehr\s+)?(?:auf\s+lager|vorrat|bestand)\b|"
    r"\brupture(?:\s+de\s+stock)?\b|\b(?:plus|pas)\s+(?:de\s+stock|en\s+stock)\b|\bstock\s+(?:vide|[ée]puis[ée])\b|"
    r"\bsin\s+(?:stock|existencias)\b|\bno\s+(?:hay|queda|quedan)\s+(?:stock|existencias)\b|"
    r"\besaurit[oi]\b|\bnon\s+(?:c['’]è|ci\s+sono)\s+(?:più\s+)?(?:in\s+)?(?:magazzino|furgone)\b|"
    r"\b(?:niet|geen)\s+(?:meer\s+)?(?:op\s+)?voorraad\b|\b(?:bus|voorraad)\s+(?:is\s+)?(?:leeg|op)\b|"
    r"\bsem\s+(?:stock|estoque)\b|\besgotad[oa]s?\b", re.I)
_FETCH_FROM = re.compile(
    r"\b(?:get|grab|pick\s+up|buy|order)\s+(?:\w+\s+){0,2}?(?:from|at|@)\s+(?-i:[A-Z])\w+|"
    r"\b(?:bei|von)\s+(?-i:[A-Z])\w+\s+(?:\w+\s+){0,2}?(?:holen|abholen|besorgen|bestellen|kaufen)\b|"
    r"\b(?:prendre|r[ée]cup[ée]rer|commander|acheter)\s+(?:\w+\s+){0,2}?chez\s+(?-i:[A-Z])\w+|"
    r"\b(?:pedir|recoger|comprar|coger|pillar)\s+(?:\w+\s+){0,2}?(?:en|a)\s+(?-i:[A-Z])\w+|"
    r"\b(?:prendere|ritirare|ordinare|comprare)\s+(?:\w+\s+){0,2}?(?:da|dal|dalla|presso)\s+(?-i:[A-Z])\w+|"
    r"\b(?:halen|ophalen|bestellen|kopen)\s+(?:\w+\s+){0,2}?bij\s+(?-i:[A-Z])\w+|"
    r"\bbij\s+(?-i:[A-Z])\w+\s+(?:\w+\s+){0,2}?(?:halen|ophalen|bestellen|kopen)\b|"
    r"\b(?:buscar|pedir|comprar|encomendar|levantar)\s+(?:\w+\s+){0,2}?(?:na|no|à|ao|em)\s+(?-i:[A-Z])\w+", re.I)


# A laugh in an aside at someone who once more put "us" out, or a curse at someone: "(a ver si esta vez no nos tiene
# 40 min al teléfono jaja 😅)", "(ma sto idiota non legge mai le mail??)", "(menudo coñazo de clienta …)": a remark
# among staff (a laugh alone, "(haha, we all forget that one)", or a curse at a thing, "(bloody printers!)", is not).
_ASIDE_LAUGH = re.compile(r"\b(?:(?:ja|ha|he|hi|je|ah){2,}h?|k{3,}|(?:rs){2,}|lol|lmao|mdr|ptdr|xd)\b|[😂🤣😅😆]", re.I)
_THIS_TIME = re.compile(r"\b(?:this\s+time|esta\s+vez|cette\s+fois|questa\s+volta|stavolta|diesmal|dieses\s+mal|"
                        r"deze\s+keer|desta\s+vez|dessa\s+vez|as\s+usual|como\s+siempre|come\s+al\s+solito|"
                        r"comme\s+d'hab\w*|wie\s+immer|zoals\s+altijd|como\s+sempre)\b", re.I)
_CUSTOMER_WORD = re.compile(r"\b(?:customers?|clients?|client[ea]s?|kund(?:e|in|en)|klant(?:en)?|cx|cust)\b", re.I)
_THAT_ONE = re.compile(r"\b(?:this|that|sto|sta|questo|questa|quel|quella|este|esta|ese|esa|menud[oa]|ce|cette|"
                       r"cet|dieser|diese|der|die|deze|dat|esse|essa|aquele|aquela)\s+(\w+)", re.I)


def _mocks_someone(inner: str) -> bool:
    if _ASIDE_LAUGH.search(inner) and (_ONCE_MORE.search(inner) or _THIS_TIME.search(inner) or
                                       _THIRD_NOUN.search(inner) or _CUSTOMER_WORD.search(inner)):
        return True
    if not profanity.check(inner):
        return False
    # the curse names a person: the customer, a pronoun, or "this/sto/menudo <insult>" before a verb of theirs
    return bool(_CUSTOMER_WORD.search(inner) or _THIRD_NOUN.search(inner) or _THIRD_PRONOUN.search(inner) or any(
        profanity.check(t.group(1)) for t in _THAT_ONE.finditer(inner)))


# What a colleague named in brackets is told, first thing after the name: an informal imperative of the trade, or what
# must be done ("hay que", "il faut", "bisogna", "man muss", "we need to"), in the reply's language (English too).
_MUST = (r"hay\s+que|il\s+faut|faut|bisogna|(?:man\s+)?muss|m[üu]ssen\s+wir|wir\s+m[üu]ssen|we\s+(?:need|have)\s+to|"
         r"we\s+must|need\s+to|moet(?:en)?|we\s+moeten|[ée]\s+preciso|temos\s+de|temos\s+que|tem\s+de|tem\s+que|"
         r"h[áa]\s+que|tenemos\s+que|dobbiamo|va\s+(?:tolt|cambiat|mess|controllat|verificat)[oa]")
_MUST_RX = re.compile(r"(?:" + _MUST + r")\b", re.I)
_TOLD = {lang: re.compile(r"(?:" + rx + r")\b", re.I) for lang, rx in {
    "en": r"check|confirm|verify|chase|ask|call|ring|email|text|book|send|update|fix|change|remove|delete|add|sort|"
          r"make\s+sure|double[- ]check",
    "de": r"pr[üu]f|check|schau|frag|ruf|schick|k[üu]mmer|[äa]nder|nimm|mach|denk\s+dran|vergiss\s+nicht|kl[äa]r",
    "fr": r"v[ée]rifie|regarde|demande|appelle|rappelle|envoie|enl[èe]ve|change|mets|corrige|contr[ôo]le|confirme|"
          r"pense\s+[àa]|n'oublie\s+pas",
    "es": r"mira|revisa|comprueba|confirma|pregunta|llama|quita|cambia|manda|env[íi]a|pon|corrige|acu[ée]rdate|"
          r"verifica|chequea",
    "it": r"controlla|verifica|guarda|chiedi|chiama|manda|invia|togli|cambia|metti|correggi|ricordati|conferma|senti",
    "nl": r"check|kijk|vraag|bel|stuur|controleer|verander|zet|haal|pas|regel|vergeet\s+niet",
    "pt": r"v[êe]|verifica|confirma|pergunta|liga|manda|envia|tira|muda|p[õo]e|corrige|confere|checa|lembra-te"}.items()}


# (what must be done is said to customers too, "(Madrid: hay que reservar con antelación)": only with staff evidence, or
# of the company's own replies and templates)
_OWN_WORDING = re.compile(r"\b(?:repl(?:y|ies)|answers?|responses?|template|macro|banner|footer|signature|wording|antwort\w*|"
                          r"vorlage|textbaustein|r[ée]ponses?|mod[èe]le|respuestas?|plantilla|risposte?|modello|antwoord\w*|"
                          r"sjabloon|respostas?|modelo)\b", re.I)


# Italian "ci" before "to be" or "to go" is "there", not "us": "io non ci sono", "c'è", "ci vado io".
_THERE_CI = re.compile(r"\bci\s+(?:sono|sei|sar[òo]|sarai|sar[àa]|saremo|siamo|stanno|sta|vado|vai|va)\b", re.I)


def _told(rest: str, whole: str, lang: str) -> bool:
    order = _CLAUSES.split(rest, 1)[0]   # (the order's own clause: "controlla se …, io non ci sono" asks nothing for us)
    if addressee._WE.search(_THERE_CI.sub(" ", order) if lang == "it" else order):
        return False   # "(Opgelet: stuur ons een foto van de schade)": the reader asked to do something for "us"
    if _TOLD.get(lang, _TOLD["en"]).match(rest):
        return True
    return bool(_MUST_RX.match(rest)) and bool(_OWN_WORDING.search(rest) or _kinds(rest, "", whole, lang) & {
        "work", "repeat", "third", "sneer", "order"})


# In an aside, what to check before the reply goes, in a note's infinitive with nothing after the sending ("confirmar
# antes de mandar!!", "check before sending", "vor dem Senden prüfen", "vérifier avant d'envoyer", "verificare prima di
# inviare", "checken voor verzending", "confirmar antes de enviar"), or an order to hand the case to an internal
# function ("flag to Risk before we confirm anything", "an Compliance melden", "signaler au service fraude", "avisar a
# riesgos", "segnalare all'antifrode", "doorzetten naar fraude", "sinalizar ao risco"). Never what the customer sends
# ("check the address before sending the parcel").
_BEFORE_SENDING = re.compile(
    r"(?:^|[,;:–—(\[]\s*|\s-\s|\b(?:and|then|e|y|et|und|en)\s+|[.!?]\s+)(?:"
    r"(?:check|confirm|verify|double[- ]?check)\s+(?:first\s+)?before\s+(?:sending|it\s+goes)|"
    r"(?:vor\s+dem\s+(?:senden|versand|abschicken|rausschicken)\s+(?:nochmal\s+|noch\s+)?(?:pr[üu]fen|checken|"
    r"kl[äa]ren|best[äa]tigen))|(?:pr[üu]fen|checken|kl[äa]ren|best[äa]tigen)\s+vor\s+dem\s+(?:senden|versand)|"
    r"(?:v[ée]rifier|confirmer|valider|checker)\s+avant\s+(?:d['’]envoyer|l['’]envoi)|"
    r"(?:confirmar|verificar|comprobar|revisar|chequear|checar|conferir)\s+antes\s+de\s+(?:mandar|enviar|responder|"
    r"contestar)|(?:verificare|confermare|controllare)\s+prima\s+di\s+(?:inviare|mandare|rispondere)|"
    r"(?:checken|controleren|bevestigen|nakijken|navragen)\s+(?:voor|v[óo][óo]r)\s+(?:verzending|het\s+versturen|"
    r"verzenden|versturen))(?=\s*(?:$|[.!?,;)\]]))|"
    r"(?:^|[,;:–—(\[]\s*|\s-\s|\b(?:and|then)\s+)(?:pls\s+)?(?:flag|escalate|refer|pass)\s+(?:it\s+|this\s+)?"
    r"(?:to|with)\s+(?:the\s+)?(?-i:Risk|Fraud|Compliance|Legal|Security|AML|KYC|TL|L2|L3|risk|fraud|compliance|legal)\b|"
    r"\ban\s+(?:die\s+|den\s+)?(?:risiko\w*|betrug\w*|compliance|rechtsabteilung|security)\s+(?:melden|geben|"
    r"weiterleiten|eskalieren)\b|\bsignaler\s+(?:au\s+|à\s+la\s+|à\s+l['’])?(?:service\s+)?(?:risques?|fraude|"
    r"conformit[ée]|juridique)\b|\b(?:avisar|pasar|escalar)\s+(?:a|al)\s+(?:(?:equipo|departamento)\s+de\s+)?"
    r"(?:riesgos?|fraude|cumplimiento|jur[íi]dico)\b|\b(?:segnalare|passare|girare)\s+(?:a|al|all['’])\s*"
    r"(?:(?:ufficio|team)\s+)?(?:rischi|antifrode|frodi|compliance|legale)\b|\b(?:doorzetten|melden|escaleren)\s+"
    r"(?:naar|bij)\s+(?:risk|fraude|compliance|juridische\s+zaken)\b|\b(?:sinalizar|passar|escalar)\s+(?:ao|à|para\s+o|"
    r"para\s+a)\s+(?:(?:equipa|time|departamento)\s+de\s+)?(?:risco|fraude|compliance|jur[íi]dico)\b", re.I)


_SENDING_WORD = re.compile(r"send|goes|senden|versand|schicken|envoi|envoyer|mandar|enviar|responder|contestar|inviare|"
                           r"mandare|rispondere|verzend|versturen", re.I)


# An informal order to get in touch with the customer, as "her" or "him": "llámala", "chiamalo", "appelle-la", "ruf sie
# an", "bel haar", "liga-lhe", "ring her" (not "stuur ons een foto", said to customers).
_CONTACT_HER = re.compile(r"(?:ll[áa]mal[aoe]|escr[íi]bele|chiamal[ao]|richiamal[ao]|scrivigli|scrivile|sentil[ao]|"
                          r"(?:r)?appelle-(?:la|le)|[ée]cris-lui|ruf\s+(?:sie|ihn)|schreib\s+(?:ihr|ihm)|bel\s+(?:haar|hem)|"
                          r"mail\s+(?:haar|hem)|liga-lhe|liga\s+(?:para\s+)?(?:ela|ele)|(?:call|ring|email|text)\s+(?:her|him))\b",
                          re.I)
# (opening a clause, as an order does: "(ring her first, …)", "…, llámala antes", "chiamala prima, …")
_CONTACT_HER_FIRST = re.compile(r"(?:^|[,;:(\[]\s*|[-–—→]\s*)(?:pls\s+|plz\s+|porfa\s+|xfa\s+|just\s+)?"
                                + _CONTACT_HER.pattern, re.I)


# An aside headed by a word of confidence, as a note's label: "(between us - …)", "(entre nous : …)", "(unter uns: …)";
# with what only staff say after it (an order, the customer in the third person), never "you".
_CANDID_LABEL = re.compile(r"^(?:just\s+)?(?:between\s+(?:us|ourselves|you\s+and\s+me)|off\s+the\s+record|entre\s+nous|"
                           r"unter\s+uns|tra\s+(?:di\s+)?noi|onder\s+ons|entre\s+nosotros|(?:c[áa]\s+)?entre\s+n[óo]s)"
                           r"\s*[:\-–—]\s*(.+)$", re.I)


# What the writer admits in brackets to colleagues only, two things together: what really happens and a shrug ("in
# realtà ci mettiamo due mesi, vabbè", "actually it's more like 6 weeks, oh well"); a case closed as solved though it
# is not ("lo chiudiamo come risolto anche se non lo è"); the standard goodwill and no more ("mandei o cupom padrão,
# não vou dar mais que isso").
_REALLY = re.compile(r"\b(?:actually|in\s+reality|realistically|eigentlich|in\s+wirklichkeit|en\s+r[ée]alit[ée]|en\s+vrai|"
                     r"en\s+realidad|la\s+verdad\s+es|in\s+realt[àa]|eigenlijk|in\s+werkelijkheid|na\s+verdade|na\s+real)\b",
                     re.I)
_SHRUG_END = re.compile(r"[,;.\s]\s*(?:whatever|meh|oh\s+well|egal|tja|naja|bof|tant\s+pis|enfin\s+bref|bref|en\s+fin|"
                        r"qu[ée]\s+le\s+vamos\s+a\s+hacer|da\s+igual|vabb[èeé]|boh|pazienza|amen|nou\s+ja|ach\s+ja|boeien|"
                        r"jammer\s+dan|enfim|fazer\s+o\s+qu[êe]|tanto\s+faz|paci[êe]ncia)\W*$", re.I)
_CLOSED_AS_SOLVED = re.compile(
    r"\b(?:clos\w*|mark\w*|chiud\w*|segn\w*|schlie(?:ß|ss)\w*|markier\w*|cl[ôo]tur\w*|ferm\w*|marqu\w*|cerr\w*|"
    r"marc\w*|sluit\w*|gesloten|fech\w*|encerr\w*)\s+(?:\w+\s+){0,3}?(?:as|als|comme|como|come|como)\s+"
    r"(?:resolved|solved|fixed|gel[öo]st|erledigt|r[ée]solue?|resuelt[oa]|risolt[oa]|opgelost|resolvid[oa])\b", re.I)
_THOUGH_NOT = re.compile(r"\b(?:even\s+though\s+it\s+(?:isn['’]?t|is\s+not)|obwohl\s+(?:es|er|sie)\s+(?:\w+\s+)?nicht|"
                         r"m[êe]me\s+si\s+(?:ce\s+n['’]est|il\s+n['’]est|elle\s+n['’]est)\s+pas|aunque\s+no\s+lo\s+(?:est[ée]|sea)|"
                         r"anche\s+se\s+non\s+lo\s+[èe]|ook\s+al\s+is\s+(?:het|hij|ze)\s+(?:\w+\s+)?niet|"
                         r"mesmo\s+que\s+n[ãa]o\s+(?:esteja|seja))\b", re.I)
_STANDARD_ONLY = re.compile(
    r"\b(?:standard|standaard|padr[ãa]o|est[áa]ndar|standard|usual|usuale|habitual|habituel)\b.{0,60}?\b(?:"
    r"(?:i'?m\s+not|i\s+won['’]?t|not)\s+giving\s+(?:\w+\s+)?more|mehr\s+(?:gebe\s+ich|gibt['’]?s)\s+nicht|"
    r"je\s+(?:ne\s+)?(?:donnerai|donne|vais\s+donner)\s+pas\s+plus|no\s+(?:le\s+)?voy\s+a\s+dar\s+m[áa]s|"
    r"non\s+(?:gli|le)?\s*(?:do|dar[òo])\s+(?:di\s+)?pi[ùu]|meer\s+geef\s+ik\s+niet|ik\s+geef\s+(?:\w+\s+)?niet\s+meer|"
    r"n[ãa]o\s+(?:lhe\s+)?vou\s+dar\s+mais)|"
    r"\b(?:(?:i'?m\s+not|i\s+won['’]?t)\s+giving\s+(?:\w+\s+)?more|mehr\s+gebe\s+ich\s+nicht|"
    r"je\s+(?:ne\s+)?(?:donnerai|vais\s+donner)\s+pas\s+plus|no\s+(?:le\s+)?voy\s+a\s+dar\s+m[áa]s|"
    r"meer\s+geef\s+ik\s+niet|n[ãa]o\s+(?:lhe\s+)?vou\s+dar\s+mais)\b.{0,60}?\b(?:standard|standaard|padr[ãa]o|"
    r"est[áa]ndar|usual|habitual)\b", re.I)


def _admitted(inner: str, lang: str) -> bool:
    if _spoken_to(inner, lang) or _TO_CUSTOMER.search(inner) or _TO_CUSTOMER_CS.search(inner):
        return False
    return bool((_REALLY.search(inner) and _SHRUG_END.search(inner)) or
                (_CLOSED_AS_SOLVED.search(inner) and _THOUGH_NOT.search(inner)) or _STANDARD_ONLY.search(inner))


def _for_colleague(inner: str, names: set[str], whole: str, lang: str) -> bool:
    """A passage addressed to a colleague by a bare "for" and their name, that tells them of the case or what to do
    ("x Sara: già usato il reso gratis a marzo, scalare 5,90 € dal rimborso", "for Tom: he's had two refunds")."""
    for_name = _FOR_NAME.match(inner)
    return bool(for_name and _is_colleague(for_name.group(1), names, lang) and not _introduced(for_name.group(1), whole)
                and (not _spoken_to(for_name.group(2), lang) or _informal_only(for_name.group(2), whole, lang))
                and not _TO_CUSTOMER_CS.search(for_name.group(2)) and (
                "?" in for_name.group(2) or _STAFF_WORK.search(for_name.group(2)) or _infinitive_orders(
                    for_name.group(2), lang) or _kinds(for_name.group(2), "", whole, lang) & {"third", "order"}))


def _first_pronoun(text: str) -> int:
    m = _THIRD_PRONOUN.search(text)
    return m.start() if m else 0


def _lower_elsewhere(word: str, whole: str) -> bool:
    """The reply writes the word in lower case elsewhere, so it is a noun, not a name: "P.S. Points don't expire
    until …" in a reply about "your 240 points"."""
    w = word.lstrip("@")
    return w[:1].isupper() and bool(re.search(rf"(?<![\w'’]){re.escape(w[:1].lower() + w[1:])}(?![\w'’])", whole))


def _is_colleague(name: str, names: set[str], lang: str | None = None) -> bool:
    f = fold(name.lstrip("@"))
    return f not in names and f not in _NOT_NAMES and not any(f.startswith(n) or n.startswith(f) for n in names
                                                              if len(n) >= 3 and len(f) >= 3) and \
        not (lang and addressee.ordinary_word(name, lang))   # "Allí puedes probarte …" names nobody


# --- Notes told by their grammar and their staff evidence, whatever their wording. ---
# Every second-person word, formal or informal: a sentence with one speaks to someone (the customer, as a rule).
_ANY_YOU = re.compile(r"\b(?:you|your|yours|you're|you've|you'll|you'd|ur|u|du|dich|dir|dein\w*|tu|toi|te|ton|ta|tes|"
                      r"vous|votre|vos|t[uú]|usted\w*|tus|tuy[oa]s?|su|sus|tuo|tua|tuoi|tue|vostr[oaie]|jij|je|jou|"
                      r"jouw|uw|voc[eê]s?|teu|seu|sua|seus|suas|(?-i:Sie|Ihr\w*|Ihnen|Lei))\b", re.I)
# Words of _ANY_YOU that are something else in the reply's language: French "du" (of the) and "je" (I), German
# "je" (each), Dutch "te" (to), Italian "su" (on), English "ta" (thanks).
_NOT_YOU = {"fr": {"du", "je"}, "de": {"je"}, "nl": {"te", "du"}, "it": {"su"}, "en": {"ta"}, "es": {"u"}, "pt": {"u"}}


def _spoken_to(text: str, lang: str) -> bool:
    """Does the text speak to someone ("you" in any of the supported languages, read in the reply's language)?"""
    skip = _NOT_YOU.get(lang, set())
    return any(m.group(0).lower() not in skip for m in _ANY_YOU.finditer(text))


# A colleague's informal "you" asked to go ahead: "tu peux envoyer", "ya puedes mandarlo", "podes enviar".
_GO_AHEAD = re.compile(r"\b(?:tu\s+peux|peux[- ]tu|du\s+kannst|kannst\s+du|(?:ya\s+)?puedes|podes|puoi|kun\s+je|kan\s+je|"
                       r"you\s+can|u\s+can)\s+(?:l'|lo\s+|la\s+|es\s+|het\s+|it\s+)?(?:envoyer|envoyer|mandar\w*|"
                       r"enviar\w*|abschicken|senden|schicken|verschicken|inviar\w*|mandar\w*|versturen|sturen|send|"
                       r"go\s+ahead|y\s+aller|partir)\b", re.I)
# A subjectless approval note (or the reply's): "OK'd by Sarah.", "(approved by TL, reason code GW2)", "Freigegeben von Jens",
# "Validé par Sarah, tu peux envoyer", "Aprobado por Sara", "Approvato da Luca", "Goedgekeurd door Rik".
_APPROVAL = (
    r"START(?:(?:refund|credit|goodwill|gw|comp|voucher|exception|waiver|discount|"
    r"ausnahme|kulanz|excepci[óo]n|eccezione|uitzondering|exce[cç][ãa]o|excep[cç][ãa]o|"
    r"geste(?:\s+co(?:mm?ercial)?)?|gesto(?:\s+comercial)?|"
    # the reply itself: "Réponse validée par Aurélie ✅ tu peux envoyer", "Antwort freigegeben von Jens", "Reply
    # approved by Sam", "Respuesta aprobada por Ana", "Risposta approvata da Luca", "Antwoord goedgekeurd door Rik"
    r"reply|response|draft|wording|antwort|entwurf|r[ée]ponse|brouillon|respuesta|borrador|risposta|bozza|antwoord|"
    r"resposta|rascunho)\s+)?"
    r"(?:approved|ok'?d|okayed|okay'?d|signed\s+off|authori[sz]ed|cleared|green[- ]?lit|sanctioned|"
    r"freigegeben|genehmigt|abgesegnet|valid[ée]e?|approuv[ée]e?|autoris[ée]e?|aprobad[oa]|autorizad[oa]|"
    r"validad[oa]|approvat[oa]|autorizzat[oa]|goedgekeurd|aprovad[oa]|ok)\s+"
    r"(?:by|von|durch|par|por|pel[oa]|da|door|van)\s+(?:(?:frau|herr|mr|mrs|ms|mme|m\.|sr\.?|sra\.?|sig\.?|dhr\.?|mevr\.?)\s+)?"
    r"(?-i:(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15}|TL|SV|TM|QA|L[23]|T[23]|N\+[123]))(?:\b|(?<=\+[123]))|"
    # agreed with a colleague: "OK'd w/ Gemma", "cleared with Jo", "Consultado con Raúl", "abgestimmt mit Timo"
    r"START(?:ok'?d|okayed|cleared|agreed|consultad[oa]|abgestimmt|abgesprochen|"
    r"concordat[oa]|afgestemd|overlegd|combinado)\s+(?:w/|with|con|mit|avec|met|com)\s+(?-i:(@?[A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b"
)
# A jotted question about what to do with the case, given another case's reference: "same issue as 55120 - merge?",
# "dupe von #4471, schließen?", "même souci que 4471 - fusionner ?", "igual que el 4471, ¿cerrar?", "stesso problema
# del 4471 - unire?", "zelfde als 4471 - samenvoegen?", "mesmo caso que 4471 - fechar?".
_CASE_ACTION_Q = re.compile(
    r"\b(?:merge|dupe|duplicate|close|escalate|reassign|link|zusammenf[üu]hren|schlie(?:ß|ss)en|eskalieren|verkn[üu]pfen|"
    r"fusionner|cl[ôo]turer|escalader|lier|fusionar|cerrar|escalar|vincular|unire|accorpare|chiudere|scalare|"
    r"collegare|samenvoegen|sluiten|escaleren|koppelen|juntar|fundir|fechar)\s*\?+\s*$", re.I)
_OTHER_REF = re.compile(r"(?<![\w/.@-])#?(?=[a-z0-9]*\d)(?=[a-z0-9]*[a-z]|\d{3,})[a-z0-9]{3,14}(?![\w/.@-])", re.I)
# An approval by a team lead or supervisor in staff shorthand, the role's capitals with no "by": "Freigabe TL ok",
# "TL ok", "ok SV", "approval TL given", "validation N+1 ok", "aprobación TL", "goedkeuring TL", "aprovação TL".
_ROLE_OK = re.compile(
    r"(?:^|[\s(\[,;\-–—])(?:(?:freigabe|approval|validation|accord|aprobaci[óo]n|autorizaci[óo]n|approvazione|"
    r"autorizzazione|goedkeuring|akkoord|aprova[çc][ãa]o|autoriza[çc][ãa]o|ok)\s+(?:(?:vom|von|der|del|de|du|da|dal|van|"
    r"by|from)\s+)?(?-i:TL|SV|N\+[12])|(?-i:TL|SV|N\+[12])\s*(?:ok|okay|ok'?d|approved|genehmigt|freigegeben|valid[ée]|"
    r"aprobado|autorizado|approvato|akkoord|aprovado))(?![\w+])"
    # where a note ends: the line's end, a full stop, a comma, or the writer's initials ("- MW")
    r"(?=\s*(?:[.!)\]]?\s*$|[.!)\]]\s|[,;]|[-–—/]\s*(?-i:[A-Z]{2,3})\b))", re.I)
_APPROVED_BY = re.compile(_APPROVAL.replace("START", r"(?:^|[.!?;]\s+|[(\[\-–—]\s*)"), re.I)
def _approved_by_colleague(m: re.Match | None, names: set[str], whole: str) -> bool:
    """An approval match (_APPROVED_BY, _APPROVED_IN_ASIDE) whose approver is staff: a role in capitals ("TL"), or a
    colleague by name who is no department ("Finance") and was not introduced to the customer."""
    who = (m.group(1) or m.group(2) or "") if m else ""
    return bool(who) and (who.isupper() or (_is_colleague(who, names) and not _DEPARTMENT.match(who))) and \
        not _introduced(who.lstrip("@"), whole)


# Inside an aside, after a comma too: "(exception – outside the 30 days but she's spent a fortune with us, approved by Sam)"
_APPROVED_IN_ASIDE = re.compile(_APPROVAL.replace("START", r"(?:^|[.!?;,]\s+|[(\[\-–—]\s*)"), re.I)
# An order, at the start of a clause, not to promise, offer or admit something: said to whoever writes the reply,
# never to the customer ("don't promise a date", "kein Datum zusagen", "ne rien promettre", "no prometer fecha").
_DONT_PROMISE = re.compile(
    r"(?:^|[,;:(\[\-–—]\s*|[.!?]\s+)(?:(?:bitte|pls|please|svp|stp|aub|graag|por\s+favor|per\s+favore|mi\s+raccomando|ojo|"
    r"but|and|aber|mais|pero|ma|maar|mas)\s+)?(?:"
    r"(?:don't|do\s+not|dont|never|no\s+need\s+to)\s+(?:promise|offer|give|mention|admit|commit\s+to|quote|agree\s+to|"
    r"refund|reopen|re-open)\s+(?:her|him|them|a|an|any|another|anything|more|extra|further|compensation|dates?|"
    r"refunds?|vouchers?|credits?|goodwill|timescales?|eta|delivery\s+dates?|the\s+(?:date|eta|refund|voucher|credit|"
    r"fee|compensation|goodwill|delay|error|mistake|bug|outage))\b|"
    r"(?:don't|do\s+not|dont|never)\s+(?:mention|promise|offer|admit|say)\s+[^.;!?]{1,40}?\s+to\s+(?:her|him|them|"
    r"the\s+(?:customer|client))\b|"
    r"(?:nichts|kein\w*\s+\w+|nicht)\s+(?:zusagen|versprechen|anbieten|erw[äa]hnen|zugeben|erstatten)\b|"
    r"ne\s+(?:rien|pas)\s+(?:promettre|proposer|offrir|mentionner|admettre|rembourser|s'engager)\b|"
    r"no\s+(?:prometer|ofrecer|ofrecerle|mencionar|admitir|reembolsar|comprometerse)\b|"
    r"(?:non|nn)\s+(?:promettere|offrire|offrirle|offrirgli|menzionare|ammettere|rimborsare)\b|"
    r"(?:niets|niks|geen\s+\w+|niet)\s+(?:beloven|toezeggen|aanbieden|noemen|toegeven|terugbetalen)\b|"
    r"n[ãa]o\s+(?:prometer|oferecer|mencionar|admitir|reembolsar)\b)", re.I)
# Telegraphic case notes ("cust called 3x, esc to T2", "Kd. hat 3x angerufen, an 2nd Level eskaliert"): each
# pattern is one kind of staff evidence, and a note needs two different kinds.
_CRM_SIGNALS = [
    # the customer in shorthand, or as a bare noun opening a sentence ("klant heeft …", "cliente a appelé …")
    re.compile(r"(?<![\w\-])(?:cust|cx|kd|kdin|clt|cte)(?:\.|(?![\w\-]))|"
               r"(?:^|[.;:]\s+|[(\[]\s*)(?:customer|cliente?|kunde|kundin|klant|clienta)\s+(?!service|care|support|"
               r"portal|area|account|number|id|ref|reference|no|feedback|satisfaction|survey|nummer|seit)\w", re.I),
    # the customer keeps getting in touch: "called 3x", "rang x4", "3 fois appelé" (not "3x T-shirts")
    re.compile(rf"(?m:^)(?=.*\b{_CONTACT}\b)(?:.*(?<![\w.,/])\d+\s?x(?!\w)|.*(?<![\w/])x\s?\d\b|"
               r".*\b\d+\s+(?:fois|veces|volte|keer|vezes|mal|times)\b)", re.I),
    # escalation and support levels
    re.compile(r"(?i:\besc(?:'d|d|\.)?(?!\w)|\b(?:esc(?:alated)?|eskaliert|escalad[éeoa]s?|e?scalat[oa]|ge[eë]scaleerd|"
               r"doorgezet|weitergeleitet|transf[ée]r[ée]|passed)\s+(?:to|an|à|a|al|naar|para|ao)\s+(?:the\s+|den\s+|"
               r"die\s+|le\s+|la\s+|el\s+|il\s+|de\s+|o\s+)?(?:[TLN]\s?[1-3]|tier\s?\d|\d(?:st|nd|rd|e|er|º|°|\.)?\s*"
               r"(?:level|lijn|line|n[íi]vel|livello|niveau|linea)|back\s?office))\b|"
               r"(?i:\b(?:passed|passei|pass[ée]|pas[ée]|passato|passata|doorgezet|weitergegeben|handed)\s+(?:it\s+|over\s+)?"
               r"(?:to|para|à|a|al|naar|an)\s+(?:the\s+|o\s+|a\s+|le\s+|la\s+|el\s+|il\s+|de\s+|den\s+|die\s+)?"
               r"(?:supervisor|manager|team\s*lead\w*|responsable|superviseur|teamleiter\w*|coordenador\w*|leidinggevende|"
               r"responsabile|TL)\b)|"
               r"(?i:\b\d(?:st|nd|rd|e|er|º|°|\.)?\s*(?:level|lijn|n[íi]vel|livello|niveau)\b)"),
    # staff abbreviations and procedure (not "pls" or "appt": customers are sent those too)
    re.compile(r"(?<![\w\-])(?:SOP|GW|LVM|NFA|CRM|TL|w/|w/o|acct|cb|vm|re-?open(?:ed)?|"
               r"per\s+(?:SOP|policy|TL|process))(?![\w\-])", re.I),
]
# An aside for a team: "[bereavement team: …?]", "(Nachtschicht-Team: bitte …)".
_TO_TEAM = re.compile(r"^(?:[\w\-]+\s+){0,2}(?:team|shift|desk|dept|department|crew|squad|[ée]quipe|equipo|squadra|"
                      r"afdeling|abteilung|equipa|kollegen|colleagues|collega's|colleghi|compa[ñn]eros|colegas)\s*"
                      r"[:,—–]\s*(.+)$", re.I)
# An aside addressed to the team or a department by a bare "for" and a colon, as a note is: "(pour l'équipe : encore
# lui, …)", "(for the team: …)", "[für das Lager: …]", "(para recepción: …)", "(per il magazzino: …)", "(voor de
# balie: …)", "(para a equipa: …)" (the customer's own department is theirs: "(for your accounts team: …)").
_FOR_TEAM = re.compile(
    r"^(?:for|pour|f[üu]r|an|para|per|voor|aan|x|p/|al|ao|à)\s+(?:the\s+|das\s+|die\s+|den\s+|le\s+|la\s+|l['’]|el\s+|"
    r"il\s+|lo\s+|de\s+|het\s+|o\s+|a\s+|os\s+|as\s+|los\s+|las\s+|les\s+|gli\s+|i\s+)?"
    r"(?!(?:your|ihr\w*|eur\w*|dein\w*|votre|vos|ton|ta|tes|su|sus|vuestr\w*|tu|tus|tuo|tua|vostr\w*|uw|jullie|je|"
    r"jouw|seu|sua|seus|suas|voss[oa]s?|teu)\b)(?:[\w\-]+\s+)?(?<![\w\-])(" + _DEPT + r")\s*[:—–]\s*(.+)$", re.I)
_TEAM_WORD = re.compile(r"^(?:team|shift|agents?|colleagues?|kolleg\w*|schicht|[ée]quipe|equipo|squadra|collegh\w*|"
                        r"colleg[ae]|equipa|collega'?s|staff|ploeg|compa[ñn]eros|colegas)$", re.I)
# An aside labelled with a department alone: "[Marketing: Banner … drin lassen, danach … ersetzen – Info an Melanie]".
_DEPT_LABEL = re.compile(r"^(?:[\w\-]+\s+)?(" + _DEPT + r")\s*:\s*(.+)$", re.I)
# The counters a customer goes to, where they are told what to do in the infinitive too ("Rezeption: Schlüssel
# abholen, Meldeschein ausfüllen"): orders in the infinitive there are no sign of a note.
_FRONT_WORDS = (r"(?:reception|front\s+(?:desk|office)|desk|counter|cashier|till|pharmacy|pharmacist|lab|empfang|"
                    r"rezeption|kasse|theke|praxis|labor|accueil|r[ée]ception|caisse|comptoir|labo|pharmacien(?:ne)?|"
                    r"recepci[óo]n|caja|mostrador|laboratorio|farmac[ée]utic[oa]s?|accettazione|cassa|segreteria|"
                    r"farmacista|receptie|balie|kassa|apotheker|rece(?:p?[çc]|[çp])[ãa]o|balc[ãa]o|caixa|farmac[êe]utic[oa]s?|"
                    r"secretar[ií]a|secr[ée]tariat|sekretariat|secretariaat|secretaria)")
_FRONT = re.compile(r"^" + _FRONT_WORDS + r"$", re.I)

# A tag that closes a line after its last sentence, opened by a mark and headed by a role inside the company or by a
# staff marker in capitals, as SMS and chat tools leak them: "… open till 6pm today. [staff: CD item - check photo ID +
# sign register]", "… abholbereit. >>KÜCHE: Nussallergie!! kein Pesto, Brett wechseln<<", "[x collega al banco:
# paziente in TAO, ricordarle il controllo INR]", "*OJO falta cobrar la señal*", "[TESTE - nao disparar p/ toda a base]".
# Only roles the customer never deals with: a counter they go to ("[Reception: ask for Dr Lee]") or a department they
# call ("[Sales: call 0800 …]") may head a tag written for them.
_INSIDE_ROLE = (r"(?:staff|personnel|mitarbeiter\w*|personale|personeel|team|shift|agents?|colleagues?|kolleg\w*|"
                r"collegh\w*|colleg[ae]|collega'?s|compa[ñn]eros|colegas|[ée]quipe|equipo|squadra|equipa|ploeg|schicht|"
                r"turno|kitchen|k[üu]che|cuisine|cocina|cucina|keuken|cozinha|warehouse|lager|entrep[ôo]t|almac[ée]n|"
                r"magazzino|magazijn|armaz[ée]m|dispatch|despatch|versand|expedici[óo]n|spedizioni|expeditie|"
                r"expedi[çc][ãa]o|workshop|werkstatt|taller|officina|werkplaats|crew|back\s*office|ops|fitters?|"
                r"installers?|monteure?|monteurs?|poseurs?|montadores?|instaladores?|montatori|installatori|"
                r"installateurs?|techniker|technici|t[ée]cnicos?|tecnici|techniciens?|technicians?|engineers?)")
_MARKER = (r"(?-i:OJO|TESTE?|ATTENZIONE|ACHTUNG|LET\s+OP|ATEN[ÇC][ÃA]O|ATENCI[ÓO]N|NB|N\.B\.)|"
           # a test message named so: "[msg teste – apagar antes do envio em massa]", "[test message - do not send]"
           r"(?:msg|mensagem|message|mensaje|messaggio|sms|nachricht|bericht)\s+(?:de\s+|di\s+)?(?:teste|test|prueba|prova)|"
           r"test\s*(?:msg|message|sms|mail|e-?mail)|testnachricht|testbericht|"
           # in lower case only before the role it warns: "(ojo mostrador: tiene multa …)", "NB rececao: …"
           r"(?:ojo|nb|n\.b\.)(?=\s+(?:" + _INSIDE_ROLE + r"|" + _FRONT_WORDS + r")\b)")
# A role's tag before a colleague's name, left out when reading the line: "[supervisor] Filipa, podes aprovar …?"
_ROLE_TAG_FIRST = re.compile(r"^\s*\[(?:" + _INSIDE_ROLE + r"|supervisor\w*|superviseur\w*|manager|tl|team\s*lead\w*|"
                             r"backoffice)\]\s*", re.I)
# Any role a tag's warning word may name, inside the company or at a counter ("NB receção:", "ojo mostrador:").
_ANY_ROLE = re.compile(r"\b(?:" + _INSIDE_ROLE + r"|" + _FRONT_WORDS + r")\b", re.I)
# The driver by a tool's mark only ("// chauffeur: achterom, hond bijt!", "#chauffeur: trap is smal"): in brackets a
# driver's note may be the customer's own, repeated by the confirmation.
_TAG_LABEL = (
    r"(?P<label>(?P<marker>" + _MARKER + r")(?:\s+[\w\-]+)?|"
    r"(?:(?:for|x|p/|per|para|pour|f[üu]r|voor|an|aan|al|ao|à)\s+)?(?:the\s+|die\s+|das\s+|le\s+|la\s+|l['’]|el\s+|il\s+|"
    r"de\s+|het\s+|o\s+|a\s+|os\s+|as\s+|i\s+|gli\s+|les\s+|los\s+|las\s+)?(?:[\w\-]+\s+)?(?P<role>" + _INSIDE_ROLE + r"|" +
    _DRIVER + r")(?:\s+(?:al|at|am|au|del|da|do|no|na|in|im|op|bij|en)\s+[\w\-]+)?(?=\s*[:—–](?!\w)|\s+-\s))"
    r"(?:\s*[:!—–]+|\s+-)?\s*")
_CLOSING_TAG = re.compile(
    r"(?:^\s*|(?<=[.!?…)])\s+|(?<=\w)\s+(?=/{2}|-{2}|>{2}|#))(?P<open>\[|\(|\*{1,2}|>{2,3}|<{2,3}|#|/{2}|-{2})?\s*" +
    _TAG_LABEL + r"(?P<body>[^\n\[\]()<>*#]{3,200}?)\s*(?:\]|\)|\*{1,2}|<{2,3}|>{2,3})?\s*$", re.I)
# … or the same label opening brackets closed anywhere in the line: "… tra le 9 e le 13. (OJO: dirección incompleta,
# llamar antes de salir) Sigue tu envío en …"
_MARKED_ASIDE = re.compile(r"(?P<open>[(\[])\s*" + _TAG_LABEL + r"(?P<body>[^\n\[\]()]{3,200}?)\s*[)\]]", re.I)
# An order in a tag's clause: an infinitive after a "no" or a "still to" in the Romance languages, with its pronoun
# ("ricordarle il controllo", "falta cobrar la señal", "nao disparar"), or a bare English verb ("check photo ID").
_TAG_ORDER = re.compile(
    r"^(?:(?:no|n[ãa]o|non|ne\s+pas|falta|faltan|hay\s+que|bisogna|il\s+faut|tem\s+que|still\s+to|need\s+to)\s+)?"
    r"(?:(?P<verb>(?-i:[a-zàâçéèêëîïôûùüÿñ]{2,}(?:ar|er|ir|re)(?:l[aeoi]s?|gli|lhe|lhes|se|me|te)?))(?:\s+[^\W\d_]|$)|"
    r"(?:check|verify|confirm|sign|collect|charge|bill|ask|remind|call|ring|book|flag|log|print|pack|label|chase|"
    r"double[- ]check|id)\s+(?!(?:you|your|us|our|in|out|for\s+you)\b)\w)", re.I)
# The infinitive's ending in each Romance language, with a pronoun after it (nouns in -ure, -aire, -oire are none:
# "[Équipe : fermeture le 15 août]").
_INFINITIVE_END = {"fr": re.compile(r"(?:er|ir|(?<!u)(?<!ai)(?<!oi)re)$"), "es": re.compile(r"(?:ar|er|ir)(?:l[aeo]s?|se|me|te)?$"),
                   "pt": re.compile(r"(?:ar|er|ir)(?:-?(?:lhes?|[ao]s?|se|me|te))?$"),
                   "it": re.compile(r"(?:ar|er|ir)(?:e|l[aeoi]|gli|ne|si|mi|ti)$")}


def _closing_tag(line: str, whole: str, lang: str) -> tuple[str, str, tuple[int, int]] | None:
    """A staff tag closing the line (see _CLOSING_TAG): its text speaks to nobody but staff and tells them what to do
    or of the customer."""
    hit = _CLOSING_TAG.search(line) or _MARKED_ASIDE.search(line)
    if not hit or not (hit.group("open") or hit.group("marker")):
        return None   # (a role with no mark before it is the line's own words: "… at 9. Team Acme: …")
    tool = bool(hit.group("open")) and hit.group("open")[0] in "#/->"
    driver = bool(hit.group("role") and re.fullmatch(_DRIVER, hit.group("role"), re.I))
    if driver and not tool:
        return None
    body = hit.group("body")
    if _spoken_to(body, lang) or _TO_CUSTOMER.search(body) or _TO_CUSTOMER_CS.search(body) or _PLEASE_WORD.search(body):
        return None   # "[team: we'll call you back]", "*OJO: recuerda traer el DNI*": said to the customer
    if driver:   # the driver's orders, by a tool's mark: "// chauffeur: achterom, hond bijt!"
        start = hit.start("open")
        return _LABEL, line[start:].strip(), (start, len(line.rstrip()))
    clauses = [c.strip() for c in _TAG_CLAUSES.split(body) if c and c.strip()]
    ordered = any(m and (not m.group("verb") or (lang in _INFINITIVE_END and _INFINITIVE_END[lang].search(m.group("verb"))))
                  for m in map(_TAG_ORDER.match, clauses))
    marker = hit.group("marker") or ""
    kinds = {"third", "order", "shorthand", "sneer", "work"}
    if marker and not hit.group("open") and not re.fullmatch(r"TESTE?", marker) and \
            not _ANY_ROLE.search(hit.group("label")[len(marker):]):
        ordered, kinds = False, kinds - {"order"}   # a bare warning may tell the customer what to do: "NB : prévoir …"
    elif lang in ("de", "nl") and _infinitive_orders(body, lang):
        ordered = True
    if ordered or "!!" in body or _kinds(body, "", whole, lang) & kinds:
        start = hit.start("open") if hit.group("open") else hit.start("label")
        end = hit.end() if hit.re is _MARKED_ASIDE else len(line.rstrip())
        return _LABEL, line[start:end].strip(), (start, end)
    return None


# A clause that is an order in the note style of an infinitive: last in German and Dutch ("… drin lassen", "… bis
# Freitag zurücklegen", "… nakijken"), first in the Romance languages ("confirmar …", "vérifier …", "inserire …");
# no subject in it (not "Pakete kommen montags").
_THEN = r"(?:und|danach|dann|en|daarna|dan|et|puis|ensuite|y|luego|despu[ée]s|e|poi|dopo|depois|and|then)"
_CLAUSES = re.compile(rf"(?:\s*[,;:–—]|\s+-)\s*(?:{_THEN}\s+){{0,2}}|(?:\s+{_THEN}){{1,2}}\s+")
# The tag's clauses: those of an infinitive note, and "+" between orders ("check photo ID + sign register").
_TAG_CLAUSES = re.compile(r"\s+\+\s+|" + _CLAUSES.pattern)
_INFINITIVE_LAST = re.compile(r"(?-i:\b[a-zäöüß]{3,}(?:en|ern|eln))\W*$")
_INFINITIVE_FIRST = re.compile(r"^(?-i:[a-zàâçéèêëîïôûùüÿñ]{2,}(?:ar|er|ir|re)|ver|dar|ler|vir)\b(?!\s+(?:que|qui|che|é|è|es|est)\b)")
_SUBJECT = re.compile(r"\b(?:ich|du|er|sie|es|wir|ihr|man|ik|jij|je|hij|zij|ze|we|wij|u|jullie|the|they|we|you)\b", re.I)


def _infinitive_orders(text: str, lang: str) -> int:
    """How many clauses of the text are orders in the infinitive (see _INFINITIVE_LAST, _INFINITIVE_FIRST)."""
    count = 0
    for clause in _CLAUSES.split(text.strip(" .!")):
        words = clause.split()
        if len(words) < 2 or _SUBJECT.search(clause):
            continue
        if lang in ("de", "nl") and _INFINITIVE_LAST.search(clause) or \
                lang in ("es", "it", "pt", "fr") and _INFINITIVE_FIRST.match(clause):
            count += 1
    return count


# A colleague named and asked, after something else in the aside: "…, Sanne neem jij hem over?"
_NAMED_INSIDE = re.compile(r"(?:[,;.]|\s[-–—])\s+([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*,?\s+(.+)$")
# "Tom - she's already had a goodwill credit …", "Marco, questa te la lascio, è la terza volta che chiama.": a line
# that opens by naming a colleague and goes on about the case.
# (a dash right after the name, no space, joins a compound, not a vocative: "Manchester–Leeds season ticket")
_NAME_LEAD = re.compile(r"^[\s\-–—*>]*@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:,|:|\s[—–]|—(?=\s)|–(?=\s)|\s-|"
                        r"\s+(?=mi\s+raccomando\b))\s*(.+)$")
_GREETED = (r"\b(?:hi|hello|dear|hey|hallo|liebe[rs]?|bonjour|salut|ch[èe]re?|hola|estimad[oa]|querid[oa]|ciao|"
            r"gentile|car[oa]|beste|hoi|ol[áa]|prezad[oa])\s+")


def _crm_note(sentence: str, lang: str) -> bool:
    """A case note in staff shorthand: two kinds of staff evidence and nobody spoken to."""
    if _spoken_to(sentence, lang) or len(sentence.split()) > 25:
        return False
    return sum(bool(p.search(sentence)) for p in _CRM_SIGNALS) >= 2


@lru_cache(maxsize=1024)
def _introduced(name: str, whole: str) -> bool:
    """The reply introduces or greets this person: talking to them is talking to the reader. (Asked of the same
    name and reply line after line: remembered.)"""
    return bool(re.search(rf"{_INTRODUCED}\W+(?:\w+\W+){{0,3}}{re.escape(name)}\b|\b{re.escape(name)}\W+(?:\w+\W+){{0,2}}"
                          rf"{_INTRODUCED}|{_GREETED}{re.escape(name)}\b", whole, re.I))


def _weighed(line: str, names: set[str], whole: str, lang: str = "en", continued: bool = False):
    """Approval chatter, orders not to promise, shorthand case notes, remarks weighed by their evidence, a line
    that turns to a colleague. ``continued``: the line's first sentence goes on from the line above (a mail wrapped
    at 72 columns: "… assim que o fornecedor nos / confirmar o preço das peças." is no drafting note)."""
    for n, sentence in enumerate(_sentences(line)):
        if sentence[:1].islower() and not (continued and n == 0) and len(sentence.split()) <= 6 and \
                not _spoken_to(sentence, lang) and any(p.search(fold(sentence)) for p in _DRAFTING):
            return _DRAFT, sentence.strip(), None   # "… at checkout. sounds harsh? maybe soften"
        todo = _open_todo(sentence, names, whole, lang)
        if todo:
            return _DRAFT, todo, None   # "… via de site. Nog even checken bij magazijn of dit echt klopt!!"
        if _about_customer(sentence, lang):
            return _REMARK, sentence.strip(), None
        m = _NAME_PLEASE.search(sentence)
        dashed = m is not None and m.group(0).lstrip()[:1] in "-–—"   # after a dash, the note is what follows it
        if m and not _spoken_to(sentence[m.start():] if dashed else sentence, lang) and not _LINKING.match(m.group(1)) \
                and _is_colleague(m.group(1), names, lang) and not _introduced(m.group(1), whole):
            return _STAFF, (sentence[m.start():].lstrip(" -–—") if dashed else sentence).strip(), None   # "Carlos porfa revisa …"
        spoken_to = _spoken_to(_GO_AHEAD.sub(" ", sentence), lang)
        m = _APPROVED_BY.search(sentence)
        if _approved_by_colleague(m, names, whole) and not spoken_to:
            return _STAFF, sentence.strip(), None
        if sentence[:1].islower() and len(sentence.split()) <= 12 and _CASE_ACTION_Q.search(sentence) and \
                _OTHER_REF.search(sentence) and not _spoken_to(sentence, lang) and not _TO_CUSTOMER_CS.search(sentence):
            return _STAFF, sentence.strip(), None
        role_ok = _ROLE_OK.search(sentence)
        if role_ok and not _spoken_to(sentence[role_ok.start():], lang) and not _TO_CUSTOMER_CS.search(sentence[role_ok.start():]):
            return _STAFF, sentence[role_ok.start():].strip(" ,;-–—"), None
        dont = _DONT_PROMISE.search(sentence)
        if dont and not _spoken_to(sentence[dont.start():], lang):
            return _STAFF, sentence.strip(), None
        kept = _KEEP_BACK.search(sentence)
        own = sentence[max((e.end() for e in re.finditer(r"[.!?]\s+", sentence[:kept.start()])), default=0):] if kept else ""
        at = kept.start() - len(sentence) + len(own) if kept else 0
        if kept and not _spoken_to(own, lang) and not _TO_CUSTOMER_CS.search(own) and not _PLEASE_WORD.search(own) \
                and not addressee._WE.search(own[at:]) and (_REPORTED.search(own[:at]) or _HER_HIM.search(
                own[at + len(kept.group(0)) - 30:at + len(kept.group(0)) + 12])):
            # someone's order reported, or the customer as "her" (not "say nothing until our assessor calls")
            return _STAFF, own.strip(), None
        if _crm_note(sentence, lang):
            return _REMARK, sentence.strip(), None
    first = next((x for x in whole.splitlines() if x.strip()), "")
    for sentence in ([line] if line.strip() == first.strip() else _sentences(line)):
        hit = _turns_to_colleague(sentence, names, whole, lang) if line.strip() != first.strip() else \
            _asks_before_the_customer(line, names, whole, lang)
        if hit:
            return hit
    if line.strip() == first.strip():   # the first line's first sentence greets; a later one may turn to a colleague
        for sentence in _sentences(line)[1:]:   # ("Hi Gareth, … Kev - if he doesnt reply by tmrw ring him, …")
            hit = _turns_to_colleague(sentence, names, whole, lang)
            if hit:
                return hit
    return None


# An infinitive with "him" fused to it, which never means a formal "you": "non so cosa dirgli", "rispondergli".
_HIM_CLITIC = re.compile(r"\b[^\W\d_]{2,}(?:are|ere|ire|r)gli(?:elo|ela|ene)?\b", re.I)


def _asks_before_the_customer(line: str, names: set[str], whole: str, lang: str):
    """The reply's first line turns to someone by a name that is not the customer's and asks them something, saying
    "you" to nobody, and the customer is named further down ("Giulia, il codice è ancora attivo? non so cosa dirgli"
    above "Mi scusi l'attesa Stefano, …"): two people spoken to, the first a colleague, who is told of the customer
    in the third person or of staff work."""
    m = _NAME_LEAD.match(line)
    if not m or "?" not in m.group(2) or _LINKING.match(m.group(1)) or not _is_colleague(m.group(1), names, lang) \
            or _NOT_ADDRESSED.match(m.group(2)) \
            or (_APPOSITION.match(m.group(2)) and re.match(r"(?:\S+\s+){0,4}?\S+,", m.group(2))) \
            or _introduced(m.group(1), whole) or _spoken_to(m.group(2), lang) \
            or _TO_CUSTOMER_CS.search(m.group(2)):
        return None
    rest = m.group(2)
    if not (_THIRD_PRONOUN.search(rest) or _THIRD_NOUN.search(rest) or _HIM_CLITIC.search(rest) or
            _STAFF_WORK.search(rest) or _kinds(rest, "", whole, lang)):
        return None   # "Perfect, does Thursday suit?" above "Thanks Tom": nothing said of anyone
    after = fold(whole[whole.find(line) + len(line):]) if line in whole else ""
    if not any(len(n) >= 3 and re.search(rf"\b{re.escape(n)}\b", after) for n in names):
        return None
    return _STAFF, line.strip(), None


def _turns_to_colleague(sentence: str, names: set[str], whole: str, lang: str):
    """A sentence that opens by naming a colleague and goes on about the case ("Fra, ricordati di chiudere il ticket")."""
    m = _NAME_LEAD.match(sentence)
    if m and not _LINKING.match(m.group(1)) and _is_colleague(m.group(1), names, lang) and not _introduced(
            m.group(1), whole) and not _APPOSITION.match(
            m.group(2)):
        rest = m.group(2)
        third = _THIRD_PRONOUN.search(rest) or _THIRD_NOUN.search(rest)
        strong = _REPEAT.search(rest) or _DONT_PROMISE.search(rest) or (third and (
            _SNEER.search(rest) or _STAFF_WORK.search(rest) or _ORDER.search(rest) or _CONTACT_RE.search(rest))) or (
            _STAFF_WORK.search(rest) and (not _spoken_to(rest, lang) or ("?" in rest and not _POSSESSIVE.search(rest))))
        if strong or ("?" in rest and _INFORMAL_YOU.search(rest) and _FORMAL_YOU.search(whole)):
            return _STAFF, sentence.strip(" -–—*"), None   # "Julie, tu relances le fournisseur jeudi ?" to a "vous" reader
    return None


# A colleague named and asked about the case, who is told the writer cannot find or does not know it, or asked what
# "we" do or who is on call: "Ana, sabes se o técnico já foi? Não encontro o relatório", "Gaz do we still send hubs
# out??", "Sara chi è reperibile oggi?". The customer is not asked what the company does or who is on call.
# (without a comma, only before a question word: "Ho aperto …" is a verb, "Sara chi è …?" a colleague asked)
_VOCATIVE_Q = re.compile(r"^[\s¿¡\-–—*]*(?!(?i:how|what|why|who|where|when|which|wie|was|warum|wer|wo|comment|pourquoi|"
                         r"quoi|c[óo]mo|qu[ée]|por\s*qu[ée]|come|cosa|perch[ée]|hoe|wat|waarom|como|porque)\b)"
                         r"([A-ZÀ-Þ][a-zà-ÿ]{1,15})(?:\s*,\s*|\s+(?=¿?(?-i:(?:do|did|does|have|has|is|are|"
                         r"can|could|should|who|what|where|which|how|wer|wo|wann|welche\w*|hast|hat|ist|kannst|qui|quoi|"
                         r"o[uù]|quand|comment|est-ce|c['’]est|qui[ée]n|qu[ée]|d[óo]nde|cu[áa]ndo|c[óo]mo|cu[áa]l|chi|cosa|"
                         r"dove|quando|come|quale|wat|waar|wanneer|hoe|welke|quem|onde|qual)\b)))(¿?[^?.!\n]{3,160}\?)")
_WE_ASKED = re.compile(r"^¿?(?:(?:do|did|have|are|should|can|shall)\s+we|(?:haben|machen|schicken|sind|sollen)\s+wir|"
                       r"est-ce\s+qu['’]on|(?:on|nous)\s+\w+\s+(?:encore|toujours)|(?:hebben|doen|sturen|zijn|moeten)\s+we|"
                       # the verb's own "we" in Spanish, Italian, Portuguese, with its object pronoun: "¿le mandamos el
                       # del 15 % o …?", "gli facciamo lo sconto?", "mandamos o cupão?"
                       r"(?:(?:le|lo|la|les|los|las|se\s+l[oa]s?|gli|glie\w*|ne|lhe|lhes)\s+)?[a-zà-ÿ]{2,}(?:amos|emos|imos|iamo))\b",
                       re.I)
_UNSURE = re.compile(
    r"\b(?:i\s+(?:can'?t|cannot|couldn'?t)\s+find|i\s+don'?t\s+know|i'?m\s+not\s+sure|"
    r"ich\s+finde\s+(?:\w+\s+){0,3}?(?:nicht|nichts|keine?n?)\b|(?:wei(?:ß|ss)\s+ich|ich\s+wei(?:ß|ss))\s+(?:\w+\s+)?nicht|"
    r"je\s+ne\s+(?:\w+\s+)?(?:trouve|sais|vois)\s+(?:pas|plus|rien)|j['’]ai\s+pas\s+trouv|"
    r"no\s+(?:me\s+sale|(?:lo|la|los|las)\s+encuentro|encuentro|s[ée]\b)|"
    r"(?:io\s+)?non\s+(?:l[oaie]\s+|l['’])?(?:trovo|so\b|vedo)|"
    r"ik\s+(?:kan|vind|zie)\s+(?:\w+\s+){0,3}?(?:niet|niets|geen)\b|ik\s+weet\s+(?:\w+\s+)?niet|"
    r"n[ãa]o\s+(?:(?:o|a|os|as)\s+)?(?:encontro|sei\b|vejo|acho\s+o|acho\s+a))", re.I)


# Told to ask a named colleague before the reply goes: "pregúntale a Raúl antes de mandar", "ask Tom before sending",
# "frag Jens vor dem Abschicken", "demande à Léa avant d'envoyer", "chiedi a Luca prima di inviare", "vraag het Sanne
# voor het versturen", "pergunta ao Rui antes de enviar" (sending with no object: the reply itself, not a parcel).
_ASK_BEFORE_SENDING = re.compile(
    r"\b(?:ask|preg[uú]nt(?:a|ale|arle|ar)\s+a|cons[uú]lt(?:a|ale|arle|ar)\s+(?:a|con)|demande(?:r)?\s+[àa]|"
    r"voir\s+avec|chied(?:i|ere)\s+a|senti(?:re)?|frag(?:en)?|vraag(?:\s+het)?(?:\s+aan)?|"
    r"pergunt(?:a|ar)\s+(?:a|ao|à)|v[êe]\s+com)\s+(?:(?:el|la|il|le|o|a|the)\s+)?(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b"
    r"[^.!?—–()\n]{0,40}?\b(?:before\s+(?:sending|this\s+goes|it\s+goes)|antes\s+de\s+(?:mandar|enviar)|"
    r"avant\s+d['’]envoyer|prima\s+di\s+(?:inviare|mandare)|vor\s+dem\s+(?:Abschicken|Versenden|Senden|Rausschicken)|"
    r"voor\s+(?:het\s+)?(?:versturen|verzenden|verstuurt))(?=\s*(?:$|[.!?,;)\]—–]|\s-))", re.I)


# The reply headed as a draft, above its greeting, with what is left to do in lower case: "Draft – 2nd para too long",
# "Entwurf – noch kürzen", "brouillon : à relire", "borrador – falta el importe", "bozza – da sistemare", "concept: nog
# inkorten", "rascunho – rever o valor" (not "Draft agreement – please sign …", said to the customer).
_DRAFT_HEAD = re.compile(r"^\W*(?:draft|entwurf|brouillon|borrador|bozza|concept|rascunho)\s*(?:v?\d+\s*)?[:\-–—]\s+"
                         r"((?-i:[a-zà-ÿ])[^.!?\n]*)", re.I)
_PLEASE_WORD = re.compile(r"\b(?:please|pls|bitte|svp|s'il\s+vous\s+pla[iî]t|por\s+favor|per\s+favore|graag|alstublieft|"
                          r"a\.?u\.?b\.?)\b", re.I)


def _draft_head(line: str, whole: str, lang: str) -> bool:
    m = _DRAFT_HEAD.match(line)
    if not m or _spoken_to(m.group(1), lang) or _TO_CUSTOMER_CS.search(m.group(1)) or _PLEASE_WORD.search(m.group(1)):
        return False
    rest = [x for x in (whole[whole.find(line) + len(line):] if line in whole else "").splitlines() if x.strip()]
    first = next((x for x in whole.splitlines() if x.strip()), "")
    return line.strip() == first.strip() and bool(rest) and bool(addressee._GREETING.match(rest[0].strip()))


# Staff's own rota, asked about: who is on call or on shift ("Léa, c'est bon pour le technicien d'astreinte ?").
_ROTA = re.compile(r"\b(?:on[- ]call|rota|astreinte|permanence|bereitschaft\w*|dienstplan|schichtplan|guardia|"
                   r"reperibil\w*|piket\w*|rooster|storingsdienst|plant[ãa]o|sobreaviso|de\s+turno|di\s+turno|"
                   r"on\s+shift|in\s+der\s+schicht)\b", re.I)


# "Do you know", asked in the informal: "sabes se …", "lo sai tu", "weißt du", "tu sais", "weet jij".
_KNOW_INFORMAL = re.compile(r"\b(?:sabes|sab[ée]is|sai|sapete|wei(?:ß|ss)t|sais|weet\s+(?:je|jij)|sais-tu)\b", re.I)
_SALUTE = re.compile(r"^\W*(?:morning|afternoon|evening|buenas|coucou|tag|servus|buondì|buondi|salve|hallo|hoi|"
                     r"dag|oi|ahoj|yo|hiya|howdy)\b", re.I)
# Words that open a sentence before a comma as a name would: apologies, interjections, adverbs, yes and no.
_NOT_A_NAME = re.compile(
    r"(?:\w+(?:mente|ment|weise|ly)|scusi|scusa|scusate|sorry|pardon|entschuldigung|entschuldigen|disculpe|disculpa|perdone|"
    r"perd[oó]n|desculpe|desculpa|excuse|excusez|d[ée]sol[ée]e?|domanda|frage|question|pregunta|pergunta|vraag|quindi|intanto|"
    r"infatti|invece|esatto|exacto|exato|exactement|exactly|precies|inderdaad|juist|klopt|ja|jawohl|nee|neen|nein|oui|non|"
    r"sim|n[ãa]o|s[ìií]|no|yes|yeah|yep|nope|nun|eh|ehm|hmm+|hm|mmm+|oops|ups|ah|oh|momento|moment|dunque|kurz|kortom|bref|"
    r"enfin|donc|entonces|pues|bom|enfim|ora|insomma|comunque|anyway|basically|actually|ehrlich|ecco|attenzione|wait|"
    r"aspetta|aspetti|espera|espere|attends|attendez|wacht|warte|warten|schauen|schau|tja|naja|uff|vale|per|para|pour|um|"
    r"zum|also|allora|alors|bueno|bene|gut|goed|bien|bem|cierto|certo|certes|klar|sicher|natuurlijk|natürlich|"
    r"ovviamente|claro|ok|okay|oké|okey|voilà|voila|genau|stimmt|prima|super|top|perfect|perfekt|perfecto|perfetto|"
    r"perfeito|parfait|nota|note|hinweis|achtung|ojo|update|info|tipp|tip|dica|consejo|consiglio|conseil|also|sowie|"
    r"au[ßs]erdem|ebenfalls|ainsi|aussi|adem[áa]s|inoltre|tamb[ée]m|tambi[ée]n|anche|ook|verder|dus|daarom|deshalb|"
    r"daher|darum|porque|perch[ée]|parce|weil|omdat|because|since|as|while|mentre|mientras|enquanto|pendant|w[äa]hrend|"
    r"terwijl|dopo|despu[ée]s|depois|apr[èe]s|danach|daarna|after|before|prima|antes|avant|vorher|eerst|first|primero|"
    r"d'abord|zuerst|erst|intussen|nel|inzwischen|entretanto|mientras|meanwhile|leider|helaas|purtroppo|"
    r"lamentablemente|malheureusement|infelizmente|unfortunately|gracias|grazie|merci|danke|bedankt|obrigad[oa]|thanks|"
    r"ciao|hola|ol[áa]|hallo|hoi|salut|hey|hi|hello|senta|senti|ascolti|ascolta|h[öo]r|h[öo]ren|luister|escucha|oye|"
    r"[ée]coutez|[ée]coute|olhe|olha|ou[çc]a|veja|listen|look|beh|bah|boh|bon|ben|well|subito|adesso|jetzt|heute|oggi|"
    r"hoy|hoje|vandaag|today|now|nu|maintenant|ahora|agora|aujourd'hui|domani|morgen|demain|ma[ñn]ana|amanh[ãa]|"
    r"tomorrow|ieri|gestern|hier|ayer|ontem|gisteren|yesterday|allerdings|toch|wel|quand|cuando|quando|wenn|als|when|if|"
    r"si|se|ob|of|whether)",
    re.I)


def _asks_colleague_unsure(line: str, names: set[str], whole: str, lang: str):
    first = next((x for x in whole.splitlines() if x.strip()), "").strip()
    for n, sentence in enumerate(_sentences(line)):
        if n == 0 and (line.strip() == first or not whole):
            continue   # the reply's opening word greets: "Buongiorno, è arrivato il pacco? Non lo trovo …"
        m = _VOCATIVE_Q.match(sentence)
        if not m or addressee._GREETING.match(sentence) or _SALUTE.match(sentence) or _NOT_A_NAME.fullmatch(
                m.group(1)) or not _is_colleague(
                m.group(1), names, lang) or _LINKING.match(m.group(1)) or fold(m.group(1)) in \
                _NOT_A_VOCATIVE | _HEADING_WORDS or _introduced(m.group(1), whole) or (_APPOSITION.match(m.group(2)) and re.match(
                r"(?:\S+\s+){0,4}?\S+,", m.group(2))) or _TO_CUSTOMER_CS.search(m.group(2)) or _POSSESSIVE.search(m.group(2)):
            continue
        start = line.find(sentence)
        asked, after = m.group(2), line[start + m.end():]
        you = [w.group(0).lower() for w in _ANY_YOU.finditer(asked) if w.group(0).lower() not in _NOT_YOU.get(lang, set())]
        rest = whole.replace(line, " ")
        if you and not (all(w in _INFORMAL_WORDS for w in you) and any(
                len(n) >= 3 and re.search(rf"\b{re.escape(n)}\b", fold(rest)) for n in names)):
            continue   # "Anna, do you have the order number?": the reader (by another name) is asked
        clause = re.findall(r"^[^.!?\n]*[.!?]*", after)[0]   # the sentence that follows the question
        unsure = _UNSURE.search(clause)
        tail = clause[unsure.end():] if unsure else ""
        # (the writer's not knowing only where the reply names the customer too: two people spoken to, "Ana" is not
        # the reader; "Senta, il pacco è arrivato? Non lo trovo" says it to the customer)
        named = any(len(n) >= 3 and re.search(rf"\b{re.escape(n)}\b", fold(whole.replace(sentence, " ")))
                    for n in names)
        # (after a comma, mid-line, the word may be an interjection said to the customer, "Noted, do we have a date?":
        # there, only staff's rota is asked about; a name that opens its line is one turned to)
        headed = "," not in m.group(0)[m.end(1):m.start(2)] or not line[:start].strip()
        # (and asked in the informal, "sabes se …?", "la sai tu?": "Noted, has it arrived? I can't find it" is to the
        # customer)
        informal = bool(_KNOW_INFORMAL.search(asked)) or any(w in _INFORMAL_WORDS for w in you)
        if (headed and _WE_ASKED.match(asked.lstrip("¿ "))) or _ROTA.search(asked) or (
                headed and named and informal and unsure and not _spoken_to(tail, lang)
                and not _TO_CUSTOMER_CS.search(tail)):
            end = start + m.end() + (len(clause) if unsure else 0)
            end += len(re.findall(r"^\s*[\U0001F300-\U0001FAFF\u2600-\u27BF]*", line[end:])[0].rstrip())   # its emoji
            return _STAFF, line[start:end].strip(), (start, end)
    return None


# "Tom, our engineer, …", "Sarah, who handles refunds, …": a name in apposition, not a colleague spoken to.
_APPOSITION = re.compile(r"(?!mi\s+raccomando)(?:our|my|the|who|whom|from|of|at|in|unser\w*|mein\w*|der|die|das|notre|nos|mon|ma|du|de|"
                         r"qui|que|nuestr[oa]s?|mi|el|la|del|il|lo|la|nostr[oa]|che|di|dal|onze|ons|mijn|die|wie|van|"
                         r"o|a|os|as|nosso|nossa|meu|minha|do|da)\b", re.I)


# It keeps happening, without saying how the customer got in touch: "terceira vez hoje", "zum fünften Mal".
_AGAIN_COUNT = re.compile(
    # (not in a condition, from its sentence's start: "se o PUK for introduzido errado 10 vezes" is a rule, not a repeat)
    r"(?:^|(?<=[.;!?(]))(?:(?!\b(?:se|if|si|wenn|falls|als|caso|qualora|indien)\b)[^.;!?(\n])*?"
    rf"\b{_ORDINAL}\s+(?:\w+\s+)?(?:time|times|fois|vez|veces|volta|volte|keer|vezes|mal)\b|"
    r"\b(?:alweer|again|schon\s+wieder|encore|otra\s+vez|di\s+nuovo|de\s+novo)\s+(?:een|a|an|eine?|une?|un[ao]?|uma?)\s+"
    r"(?:klacht|complaint|beschwerde|plainte|queja|reclamo|reclama[çc][ãa]o|mail|email)\b", re.I)
_CONTACT_RE = re.compile(rf"\b{_CONTACT}\b", re.I)
# "Carlos porfa revisa …", "Tom pls check …": a colleague named and asked, at the start of a sentence or after a
# dash ("… £24 extra - Sam pls ring her first").
# (a verb, not an article or "that", after the "please": "Revisa por favor que los nombres …", "Check please
# the dates" are an imperative said to the customer, its object after the "please")
_NAME_PLEASE = re.compile(r"(?:^|[.!?]\s+|\s[-–—]\s+)([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*,?\s+(?:pls|plz|porfa|por\s+favor|stp|svp|"
                          r"per\s+favore|pfv|please)\s+(?!(?:que|qu['’]|che|that|dass|dat|the|your|this|el|la|los|"
                          r"las|lo|le|les|il|i|gli|o|a|os|as|de|het|die|der|das|den|ce|cette|ces|su|sus|tu|tus|vos|"
                          r"votre|vostr\w*|seu|sua|uw|je|jouw|ihr\w*|si|if|se|of|ob|whether)\b)[a-zà-ÿ]")


def _sentences(line: str) -> list[str]:
    """The line's sentences; not cut after an abbreviation ("Kd.", "Mr.") or inside "...".""" 
    parts: list[str] = []
    for piece in re.split(r"(?<=[.!?])\s+|(?<=\.-)\s+|(?<=-_-)\s+|(?<=[😂🙄🤣🙃])\s+", line):
        if parts and re.search(r"(?:\b[A-Za-z][a-z]?\.|\b(?:Mrs|Sig|Sra|Sta|Mme|Mlle|Dott|Nr|No|Tel|etc|bzw|ggf|evtl|usw|"
                               r"approx|incl|excl|ref|Dra|Drs|Sres|Srta|Prof|Ing|Dott\.ssa)\.|\.\.)$", parts[-1]):
            parts[-1] += " " + piece
        else:
            parts.append(piece)
    return parts


def _about_customer(unit: str, lang: str) -> bool:
    """Talk about the customer weighed by its kinds of evidence, in a sentence that speaks to nobody.

    With a noun ("the lady from Leeds", "esse cara", "der schon wieder") two kinds of staff evidence, or one and
    "again"; with a bare pronoun ("he", "lui"), which is often a courier or an engineer, two kinds of which one is
    staff work, an order or mockery ("he hasn't been replied to — pls pick up", "… aver chiamato 😂").
    """
    if _spoken_to(unit, lang):
        return False
    noun, pron = _THIRD_NOUN.search(unit), _THIRD_PRONOUN.search(unit)
    if not (noun or pron):
        return False
    if _WEARY.search(unit):
        return True   # "if she asks one more time I'm quitting": the writer's own exasperation about the customer
    staffish = [bool(p.search(unit)) for p in (_STAFF_WORK, _ORDER_TO_STAFF, _SNEER, _CAUTION, _THREAT)]
    repeat = bool(_REPEAT.search(unit) or _AGAIN_COUNT.search(unit))
    if noun:
        kinds = sum(staffish) + repeat
        return kinds >= 2 or (kinds == 1 and bool(_WEAK.search(unit)))
    return any(staffish) and sum(staffish) + repeat + bool(_CONTACT_RE.search(unit)) >= 2


# Orders that only a colleague is given ("someone else take him", "pls pick up"): a bare "pls" is said to customers too.
_ORDER_TO_STAFF = re.compile(
    r"\b(?:someone\s+else\s+(?:take|deal|handle|grab|pick)|don't\s+bother|dont\s+bother|on\s+\w+\s*\?|"
    r"no\s+le\s+\w+|nicht\s+wieder|non\s+(?:dargli|darle|rimborsare)|"
    r"(?:pls|plz|please)\s+(?:pick\s+(?:it\s+|this\s+)?up|take\s+(?:it|this|her|him|over)|grab|close|escalate|handle|"
    r"deal\s+with|chase|assign|reassign|action)|"
    # how to decide the case, as a handler is told: "approve only if loss adj confirms …, otherwise esc to TL"
    r"(?:only\s+approve|approve\s+only)\s+(?:if|once|when)|otherwise\s+(?:esc|escalate|refer)\s+(?:it\s+)?to|"
    r"(?:aprobar|autorizar)\s+s[oó]lo\s+si|s[oó]lo\s+(?:aprobar|autorizar)\s+si|nur\s+freigeben,?\s+wenn|"
    r"approuver\s+(?:seulement|uniquement)\s+si|approvare\s+solo\s+se|aprovar\s+s[óo]\s+se|"
    r"alleen\s+goedkeuren\s+als)(?!\w)", re.I)
# Departments are not colleagues by name: "Approved by Finance." may be said to a customer.
_DEPARTMENT = re.compile(r"(?i:finance|billing|legal|management|accounts|compliance|underwriting|underwriters|hr|it|support|"
                         r"sales|quality|buchhaltung|rechtsabteilung|gesch[äa]ftsleitung|direction|comptabilit[ée]|"
                         r"juridique|direcci[óo]n|contabilidad|direzione|amministrazione|directie|boekhouding|dire[çc][ãa]o|"
                         r"contabilidade|jur[ií]dico)$")
# The writer's exasperation, in the first person: "I'm quitting", "ich kann nicht mehr", "j'en peux plus".
_WEARY = re.compile(
    r"\b(?:i'?m|i\s+am)\s+(?:quitting|so\s+done|done\s+with|losing\s+(?:it|my\s+mind)|going\s+to\s+scream)|"
    r"\bi\s+give\s+up\b|\bi\s+(?:can't|cannot)\s+(?:deal|cope|take\s+(?:it|this|any\s+more)|be\s+bothered|even)\b|"
    r"\b(?:kill\s+me\s+now|send\s+help|need\s+a\s+drink|why\s+me|my\s+patience)\b|"
    r"\bich\s+(?:k[üu]ndige|geb'?s?\s+auf|kann\s+nicht\s+mehr|dreh\s+durch)\b|"
    r"\b(?:je\s+d[ée]missionne|j'en\s+peux\s+plus|j'abandonne|je\s+craque)\b|"
    r"\b(?:me\s+rindo|(?:ya\s+)?no\s+puedo\s+m[áa]s|dimito|paso\s+de\s+(?:ella|[ée]l)|no\s+aguanto\s+m[áa]s)\b|"
    r"\b(?:mi\s+licenzio|non\s+ne\s+posso\s+pi[ùu]|mi\s+arrendo|non\s+ce\s+la\s+faccio\s+pi[ùu])\b|"
    r"\b(?:ik\s+kap\s+ermee|ik\s+ben\s+er\s+klaar\s+mee|ik\s+geef\s+het\s+op|ik\s+word\s+gek)\b|"
    r"\b(?:eu\s+desisto|n[ãa]o\s+aguento\s+mais|me\s+demito|vou\s+enlouquecer)\b", re.I)
# Capitalised words that open a sentence without naming anyone: "Finally, ticket 4471 is closed", "Kindly please …".
_LINKING = re.compile(r"(?i:\w+ly|finally|lastly|alternatively|otherwise|meanwhile|additionally|afterwards|instead|hence|"
                      r"therefore|however|unfortunately|sadly|also|again|then|next|first|second|update|status|done|"
                      r"dann|danach|leider|also|au[ßs]erdem|puis|ensuite|enfin|malheureusement|luego|despu[ée]s|adem[áa]s|"
                      r"lamentablemente|poi|dopo|inoltre|purtroppo|dan|daarna|helaas|verder|depois|ent[ãa]o|infelizmente|"
                      r"al[ée]m|"
                      # interjections that open a turn: "Right, I've escalated this …", "Bon, j'ai vérifié …"
                      r"right|okay|ok|so|well|great|perfect|sure|alright|good|now|anyway|ah|oh|bon|alors|bueno|vale|"
                      r"pues|ecco|allora|bene|benissimo|nou|goed|prima|pronto|certo|bom|gut|okay|perfekt|perfecto|"
                      r"perfetto|perfeito|parfait|super|top|klar|genau|claro|d'accord|voil[àa])$")
# Told to colleagues: "tread carefully", "cuidado con lo que decimos".
_CAUTION = re.compile(r"\b(?:tread\s+carefully|be\s+careful|careful\s+what\s+we|cuidado\s+con\s+lo\s+que|"
                      r"attention\s+[àa]\s+ce\s+qu|vorsicht\s+mit|occhio\s+a|pas\s+op\s+met|cuidado\s+com\s+o\s+que|"
                      # a warning passed on to the colleague: "be warned", "sei gewarnt", "t'es prévenu", "estás avisada"
                      r"be\s+warned|you've\s+been\s+warned|fair\s+warning|(?:sei|seid)\s+gewarnt|t['’]es\s+pr[ée]venue?|"
                      r"(?:est[áa]s|quedas|ficas|vais)\s+avisad[oa]|sei\s+avvisat[oa]|je\s+bent\s+gewaarschuwd)",
                      re.I)
# A customer's threat, which staff warn each other about.
_THREAT = re.compile(r"\b(?:threaten\w*\s+(?:the\s+)?(?:ombudsman|solicitor|lawyer|legal|court|press|trading\s+standards)|"
                      r"threaten\w*\s+(?:\w+\s+){0,2}?(?:bad|negative|poor|1[- ]star|one[- ]star)\s+(?:review|rating)|"
                      r"amenaz\w*\s+con|droht\s+mit|menac\w*\s+de|minacci\w*\s+di|dreigt\s+met|amea[çc]\w*\s+(?:com|ir))",
                      re.I)
# A colleague's informal "you" in a reply that calls the customer "vous", "Sie", "usted", "Lei", "u".
_INFORMAL_YOU = re.compile(r"\b(?:tu|jij|t[úu]|kannst\s+du|hast\s+du|bist\s+du|du\s+(?:kannst|hast|bist|musst|willst)|"
                           r"peux|puedes|puoi|podes|consegues)\b", re.I)
_FORMAL_YOU = re.compile(r"\b(?:vous|votre|vos|usted|ustedes|uw|(?-i:Sie|Ihnen|Ihr\w*|Lei|La\s+preghiamo))\b", re.I)


# --- Notes told by their structure (round h): who a passage is for, not which words it uses. ---
# The reply's own text as the object of work: "delete this paragraph if …", "poi togliere", "only use if the customer
# has …", "adjust the amounts manually" — said to whoever sends a macro, never to its reader. Matched folded.
_OWN_TEXT = re.compile(
    r"\b(?:delete|remove|cut|drop)\s+(?:this|the)\s+(?:para(?:graph)?|line|sentence|bit|section|note|block)\b|"
    r"\b(?:borrar|eliminar|quitar|suprimir)\s+(?:este|esta|el|la)\s+(?:parrafo|linea|frase|nota|bloque)\b|"
    r"\b(?:cancellare|eliminare|togliere|rimuovere)\s+(?:questo|questa|il|la)\s+(?:paragrafo|riga|frase|nota|blocco)\b|"
    r"\b(?:supprimer|effacer|retirer|enlever)\s+(?:ce|cette|le|la)\s+(?:paragraphe|ligne|phrase|note|bloc)\b|"
    r"\b(?:diesen|den|dieses|diese)\s+(?:absatz|satz|abschnitt|hinweis|block)\s+(?:loschen|entfernen|rausnehmen|"
    r"streichen)\b|"
    r"\b(?:deze|dit|de|het)\s+(?:alinea|zin|regel|paragraaf|opmerking|blok)\s+(?:verwijderen|weghalen|schrappen)\b|"
    r"\b(?:apagar|eliminar|remover|tirar)\s+(?:este|esta|o|a)\s+(?:paragrafo|linha|frase|nota|bloco)\b|"
    # "…, then delete", "poi togliere", "y luego borrar": a note that asks to be removed
    r"\b(?:then|afterwards)\s+(?:delete|remove)(?:\s+this)?\s*[.!]*$|"
    r"\b(?:poi|e\s+poi)\s+(?:togliere|cancellare|eliminare|rimuovere)(?:\s+(?:questa\s+nota|questo))?\s*[.!]*$|"
    r"\b(?:luego|despues|y)\s+(?:borrar|quitar|eliminar)(?:lo|la)?\s*[.!]*$|"
    r"\b(?:puis|ensuite|et)\s+(?:supprimer|effacer|retirer|enlever)\s*[.!]*$|"
    r"\b(?:dann|danach)\s+(?:loschen|entfernen|rausnehmen)\s*[.!]*$|"
    r"\b(?:dan|daarna|en)\s+(?:verwijderen|weghalen)\s*[.!]*$|"
    r"\b(?:depois|e)\s+(?:apagar|tirar|remover)\s*[.!]*$|"
    # a macro's condition about the customer: "only use if the customer has …", "alleen gebruiken als klant …"
    r"\b(?:only\s+use|use\s+only|use\s+(?:this|the)\s+(?:\w+\s+)?only)\s+(?:this\s+(?:\w+\s+)?)?(?:if|when|for)\s+"
    r"(?:the\s+)?(?:customer|client|cx|cust|patient|caller|member|tenant)s?\b|"
    r"\bnur\s+(?:verwenden|nutzen|benutzen|einsetzen)\s*,?\s*(?:wenn|falls|bei)\s+(?:der\s+|die\s+)?(?:kunde|kundin|"
    r"patient\w*)\b|"
    # (the template named between: "usar este texto só para clientes da região Sudeste", "utiliser ce modèle
    # uniquement pour les clients …")
    r"\b(?:a\s+)?utiliser\s+(?:(?:ce|cette)\s+(?:texte|modele|paragraphe|reponse|message)\s+)?(?:uniquement|seulement)\s+"
    r"(?:si|quand|pour)\s+(?:le\s+|la\s+|l'|les\s+)?(?:client|cliente|patient|patiente|adherent\w*)s?\b|"
    r"\busar\s+(?:(?:este|esta|esse|essa)\s+(?:texto|modelo|plantilla|parrafo|paragrafo|respuesta|resposta|mensaje|"
    r"mensagem)\s+)?(?:solo|unicamente|solamente|apenas|somente|so)\s+(?:si|se|cuando|quando|para)\s+"
    r"(?:el\s+|la\s+|o\s+|a\s+|los\s+|las\s+|os\s+|as\s+)?(?:cliente|clienta|paciente)s?\b|"
    r"\b(?:usare|utilizzare)\s+(?:(?:questo|questa)\s+(?:testo|modello|paragrafo|risposta|messaggio)\s+)?solo\s+"
    r"(?:se|quando|per)\s+(?:il\s+|la\s+|i\s+|le\s+)?(?:client[ei]|pazient[ei])\b|"
    r"\b(?:alleen|enkel)\s+(?:te\s+)?gebruiken\s+(?:als|bij|wanneer|voor)\s+(?:de\s+)?(?:klant|patient|client)\b|"
    # the template itself named, used only under a condition: "Baustein nur verwenden, wenn Vertrag älter als 24
    # Monate", "template only for contracts under a year", "modèle uniquement si …", "plantilla solo para …"
    r"\b(?:baustein|textbaustein|vorlage|template|macro|modele|plantilla|modello|modelo|sjabloon|absatz|paragraph|"
    r"paragraphe|parrafo|paragrafo|alinea)\s+(?:[\w.]+\s+)?(?:nur|only|uniquement|seulement|solo|solamente|unicamente|"
    r"apenas|somente|alleen|enkel)\s+(?:(?:te\s+)?(?:verwenden|nutzen|einsetzen|use|utiliser|usar|usare|utilizzare|"
    r"gebruiken)|(?:if|when|for|wenn|falls|bei|si|pour|quand|se|per|para|cuando|als|bij|voor)\b)|"
    # whom the message goes to, only, in the infinitive: "enviar SOLO a pacientes con cita confirmada", "send only to
    # customers who …", "envoyer uniquement aux clients …", "alleen versturen naar klanten …"
    r"\b(?:(?:send|enviar|envoyer|inviare|mandare|mandar|versturen|sturen|senden|verschicken)\s+(?:only|solo|solamente|"
    r"unicamente|uniquement|seulement|apenas|somente|alleen|nur)|(?:only|alleen|nur)\s+(?:send|versturen|sturen|"
    r"senden|verschicken))\s+(?:to|a|aux?|ai|agli|alle|para|naar|aan|an)\s+"
    r"(?:(?:the|los|las|les|os|as|de|i|gli|le|die)\s+)?(?:customers?|clients?|clientes?|clienti|patients?|pacientes?|pazienti|"
    r"klanten|kunden|patienten|members?|socios?|soci|membres|leden|utenti|usuarios|abonnes)\b|"
    # amounts and dates still to be set by hand: "Bedragen handmatig aanpassen!", "adjust the amounts manually"
    r"\b(?:adjust|change|update|amend|fill\s+in)\s+(?:the\s+)?(?:amounts?|figures?|dates?|prices?|names?)\s+"
    r"(?:manually|by\s+hand)\b|"
    r"\b(?:bedragen|datums?|prijzen|namen)\s+(?:handmatig|zelf)\s+(?:aanpassen|invullen|wijzigen)\b|"
    r"\b(?:betrage|summen|daten|preise|namen)\s+(?:manuell|von\s+hand|handisch)\s+(?:anpassen|eintragen|andern)\b|"
    r"\b(?:ajuster|modifier|saisir)\s+(?:les\s+)?(?:montants|dates|prix|noms)\s+(?:manuellement|a\s+la\s+main)\b|"
    r"\b(?:ajustar|cambiar|modificar|rellenar|alterar)\s+(?:los\s+|las\s+|os\s+|as\s+)?(?:importes|montos|fechas|"
    r"precios|nombres|valores|datas|precos|nomes)\s+(?:a\s+mano|manualmente|a\s+mao)\b|"
    r"\b(?:modificare|cambiare|aggiustare|inserire)\s+(?:gli\s+|le\s+|i\s+)?(?:importi|date|prezzi|nomi)\s+"
    r"(?:a\s+mano|manualmente)\b")
# Stems _OWN_TEXT needs, to skip folding text that has none of them.
_OWN_TEXT_HINT = re.compile(r"delet|remov|\bcut\b|\bdrop\b|borr|elimin|quit|suprim|cancell|togli|rimuov|effac|retir|enlev|"
                            r"l[öo]sch|entfern|rausnehm|streich|verwijder|weghal|schrap|apag|tirar|\buse|usar|usare|utiliz|utilis|"
                            r"gebruik|verwend|nutzen|benutz|einsetz|manual|handmatig|zelf|mano|m[ãa]o|main|hand|send|"
                            r"envi|envoy|invia|manda|stur|schick|baustein|vorlage|template|macro|mod[eè]le|plantilla|modell?o|sjabloon", re.I)
# A handover to a named colleague, opening a line: "Handover to Claire:", "Übergabe an Sabine:", "Traspaso a Nuria:",
# "Passation à Julie :", "Passaggio a Marco:", "Overdracht aan Sanne:", "Passagem para a Rita:" (the name is checked to
# be nobody the reply greets: "Übergabe an Frau Lehmann" of a car is said to the customer, and "Frau" is no colleague).
_HANDOVER_TO = re.compile(
    r"^\W*(?i:(?:shift\s+)?hand-?over|[üu]bergabe|traspaso|passation|passaggio(?:\s+di\s+consegne)?|overdracht|"
    r"passagem(?:\s+de\s+turno)?)\s+(?i:to|for|an|a|à|al|ao|aan|para|per|pour|voor)\s+"
    r"(?:(?i:the|die|la|el|il|de|o|a)\s+)?@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*(?:[:\-–—]|\s-\s)")
# A macro's own label in brackets at the start of a line: "[MACRO – Annulering <14 dgn]", "[Template: refund]".
_MACRO_LABEL = re.compile(r"^\s*[\[{]\s*(?:macro|canned\s+(?:response|reply)|template|textbaustein|sjabloon|"
                          r"plantilla|modello\s+di\s+risposta|mod[eè]le\s+de\s+r[ée]ponse|modelo\s+de\s+resposta)"
                          # (the macro's name may come first: "[Textbaustein Widerruf – NUR verwenden, wenn …]")
                          r"(?:\s+(?!v\.?\s?\d)[^\s\[\]{}:–—#\-]+){0,3}"
                          r"\s*(?:v\.?\s?\d+(?:\.\d+)?\s*)?(?:[:\-–—#]|\d)[^\]}\n]{0,120}[\]}]", re.I)
# Or the template's name on a line of its own with its rule of use: "Template: Lost & Found – NIET gebruiken voor
# codeshare-passagiers", "Vorlage: Widerruf – nur verwenden für Neukunden", "Macro: refund – only use if the customer …" (not "Template:
# invoice (PDF)", a file the customer gets).
_MACRO_LINE = re.compile(
    r"^\s*(?:macro|makro|template|vorlage|textbaustein|sjabloon|plantilla|modello|mod[eè]le|modelo)\s*:\s*[^\n]{1,80}?"
    # (a condition on the case it fits: "for", "if", "when"; not "only use the blue cells" of a spreadsheet template)
    r"\b(?:niet|nicht|not|ne\s+pas|no|non|n[ãa]o|never|nie|alleen|nur|only|seulement|uniquement|solo|sólo|apenas|soltanto)"
    r"\s+(?:(?:gebruiken|verwenden|benutzen|use|utiliser|usar|usare)\s+)?(?:voor|für|bei|for|pour|para|per|if|wenn|als|si|"
    r"se|when|quando|cuando)\s+(?:(?:the|de|het|der|die|den|le|la|les|el|los|las|il|i|gli|o|a|os|as|a|an)\s+)?"
    # … about a kind of customer: "voor codeshare-passagiers", "if the customer …", "für Neukunden", "per clienti business"
    r"(?:[\w-]+[- ])?\w*(?:passag\w*|passenger\w*|customer\w*|klant\w*|kund\w*|client\w*|member\w*|leden|mitglied\w*|"
    r"guest\w*|gast\w*|gäst\w*|user\w*|nutzer\w*|abonn\w*|subscriber\w*|tenant\w*|mieter\w*|huurder\w*|patient\w*|"
    r"pazient\w*|pacient\w*|sóci\w*|soci\w*|socio\w*)\b", re.I)
# Or the macro's bare tag, then a note that speaks to nobody: "[macro] nao esquecer de tabular como …", "[Makro]
# Ticket danach schließen", "[canned response] tag as billing" (not "[Macro] Hi Jane, …" nor "… you …").
_MACRO_TAG = re.compile(r"^\s*[\[{]\s*(?:macro|makro|canned\s+(?:response|reply)|textbaustein)\s*[\]}]\s*(\S.{3,})$",
                        re.I)
# A line for a shift or a team by its label: "Turno noche: si vuelve a escribir …", "Night shift: …",
# "Spätschicht: …", "Équipe du soir : …", "Avonddienst: …" (the text after it is weighed).
_SHIFT_LABEL = re.compile(
    r"^\W*(?:(?:turno|equipo|squadra|equipa|[ée]quipe|team|shift|dienst|ploeg)\s+(?:de\s+(?:la\s+)?|di\s+|du\s+|da\s+|"
    r"van\s+(?:de\s+)?)?(?:noche|nocturno|tarde|ma[ñn]ana|fin\s+de\s+semana|night|nights|late|early|morning|evening|"
    r"weekend|day|notte|sera|pomeriggio|mattina|nuit|soir|matin|noite|manh[ãa]|avond|nacht|ochtend|middag|"
    r"nachmittag|abend|wochenende)|(?:night|late|early|morning|evening|weekend|day)\s+(?:shift|team|crew)|"
    r"(?:nacht|spät|spaet|früh|frueh|tag|wochenend)schicht|(?:avond|nacht|weekend|ochtend|late|vroege)dienst)\s*:\s*(.+)$",
    re.I)
# A colleague spoken to by name at the start of an aside with no comma: "(Kev can u confirm …)", "(Raúl esto déjalo
# en el traspaso xfa)"; what makes it a request: a "can you", or a "please" in chat shorthand (a full "por favor",
# "bitte", "svp" is said to customers too: "(Madrid capital, por favor tenga el DNI a mano)").
_VOCATIVE_BARE = re.compile(r"^@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s+(.+)$")
_CAN_YOU = re.compile(r"^(?:can|could|would|will)\s+(?:you|u|ya)\b|^(?:pls|plz|please)\b", re.I)
_PLEASE_ANY = re.compile(r"\b(?:pls|plz|xfa|porfa|pf|plis|x\s+favore|pfv|stp)\b", re.I)   # not "por favor", "bitte", "svp"
# An order with its informal "you" after the verb, as a colleague is told to take something on: "rispondi tu",
# "contesta tú", "mach du", "bel jij", "responde tu" (the verb first, in lower case: no name or list before "tu").
_VERB_THEN_TU = re.compile(r"^(?-i:[a-zà-ÿ]{3,})(?:\s+|-)(?:tu|t[uú]|du|jij|toi)\b", re.I)
# Informal "you" said after a colleague's name: "(Fra, controlla tu …)", "Marta, mira tú si …", "Jens, schau du mal".
_EMPHATIC_TU = re.compile(r"\b(?:tu|t[uú]|du|jij|toi)\b", re.I)


def _emphatic_tu(text: str, lang: str) -> bool:
    """An emphatic informal "you", read in the reply's language: French "du" is "of the" ("notre atelier du Jura")."""
    skip = _NOT_YOU.get(lang, set())
    return any(m.group(0).lower() not in skip for m in _EMPHATIC_TU.finditer(text))
# A to-do's attention word before the infinitive: "NB verificare …", "pendiente confirmar …" (not "pendiente de
# confirmar", "da confermare": a status said to customers too, "fecha pendiente de confirmar con Marta").
_TODO_WORD = r"(?:(?i:nb|n\.b\.|ps|p\.s\.|ojo|occhio|todo|to\s+do|pendiente|pendente)\s*:?\s+)?"
# The thing to check, one to three words before whom to check it with (no "your": "confirmar su cita con Marta").
_WHAT = (r"(?:(?!(?i:su|sus|sua|suo|tu|tus|tua|tuo|votre|vos|ton|ta|tes|seu|seus|suas|your|vostr\w*|vuestr\w*|uw|je|"
         r"jouw|ihr\w*|con|com|avec|with)\b)[\w'’]+\s+){1,3}?")
# Asking a named colleague, in the note style of infinitives and shorthand: "chiedere a Davide se …",
# "rever c/ o Nuno", "preguntar a Marta", "demander à Julie", "check w/ Tom", "mit Jens klären", "navragen bij Sanne".
_CONSULT = re.compile(
    r"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+)(?i:chiedere|sentire|ricontrollare|verificare|controllare|confermare|"
    r"preguntar(?:le)?|consultar(?:lo)?|confirmar|verificar|comprobar|revisar|validar|checar|hablar|"
    r"perguntar|rever|conferir|falar|demander|v[ée]rifier|confirmer|valider|checker|voir|ver|vedere)\s+(?i:(?:com|con|c/|avec|a|ao|"
    r"à|al|aupr[eè]s\s+de|with|w/))\s*(?i:(?:o|a|el|la|il|le|lo)\s+)?(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b|"
    r"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+)(?i:check|confirm|verify|clear|run\s+(?:it|this)\s+by)\s+(?i:w/|w(?=\s)|with)\s*"
    r"(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b|"
    # what to check between the verb and the colleague: "verificare disponibilità furgone con Sandro", "confirmar la
    # fecha con Marta", "check slot w/ Dean" (English only in shorthand: "check times with Sarah" is said to customers)
    rf"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+){_TODO_WORD}(?i:ricontrollare|verificare|controllare|confermare|sentire|"
    rf"confirmar|verificar|comprobar|revisar|validar|checar|rever|conferir|v[ée]rifier|confirmer|valider|checker)\s+"
    rf"{_WHAT}(?i:con|com|c/|avec|aupr[eè]s\s+de|w/)\s*(?i:(?:o|a|el|la|il|le|lo)\s+)?(?-i:([A-ZÀ-Þ][a-zà-ÿ]{{1,15}}))\b|"
    rf"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+){_TODO_WORD}(?i:check|confirm|verify|clear)\s+{_WHAT}(?i:w/|w(?=\s)|c/)\s*"
    r"(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b|"
    # a colleague to ask, named first in the note style of a German or Dutch infinitive: "… – Micha fragen!",
    # "(kassa nog open, Joost vragen)"
    r"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+)(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s+(?i:fragen|vragen)\s*[!.]*\s*(?=$|[,;)\]])|"
    r"\b(?i:mit|bei)\s+(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s+(?i:(?:\w+\s+){0,3}?(?:abkl[äa]ren|kl[äa]ren|abstimmen|"
    r"besprechen|absprechen|checken|nachfragen))\b|"
    r"\b(?i:navragen|checken|overleggen|afstemmen|nagaan)\s+(?i:bij|met)\s+(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b|"
    r"\b(?i:bij|met)\s+(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s+(?i:(?:\w+\s+){0,2}?(?:navragen|checken|overleggen|afstemmen|"
    r"nagaan))\b")
# An order not to tell the customer something ("dont mention the scratch til he's here", "no se lo digas todavía",
# "não comenta nada do bug", "sag ihr noch nichts"): never to the customer — not "don't tell anyone your PIN".
_DONT_TELL = re.compile(
    r"\b(?:don'?t|do\s+not|never)\s+(?:mention|tell|say|bring\s+up|raise)\b[^.;!?]{0,60}?\b(?:until|til|till|before|"
    r"when|unless)\s+(?:he|she|they)\b|"
    r"\b(?:don'?t|do\s+not)\s+(?:tell|mention\s+(?:it|this|that|anything)\s+to)\s+(?:her|him)\b|"
    r"\bno\s+(?:se\s+lo|se\s+la|le|les)\s+(?:digas|digais|comentes|menciones|cuentes|expliques)\b(?!\s+a\s+nadie)|"
    r"\bno\s+(?:decirle|comentarle|mencionarle|contarle)\b|"
    r"\bnon\s+(?:dirglielo|dirgli|dirle|glielo\s+dire|gli\s+dire|le\s+dire|accennargli|accennarle)\b|"
    r"\bne\s+(?:lui|leur)\s+(?:dis|dites)\s+(?:rien|pas)\b|\bne\s+(?:rien|pas)\s+lui\s+dire\b|"
    r"\b(?:sag|erz[äa]hl)\s+(?:ihm|ihr)\s+(?:noch\s+)?nichts\b|"
    r"\b(?:sag|erz[äa]hl)\s+(?:ihm|ihr)\s+(?:das|es|davon)\s+(?:blo(?:ß|ss)|ja|lieber|besser|bitte|noch)?\s*nicht\b|\b(?:ihm|ihr)\s+(?:noch\s+)?nichts\s+(?:sagen|erz[äa]hlen)\b|"
    r"\b(?:zeg|vertel)\s+(?:hem|haar)\s+(?:nog\s+)?niets\b|\b(?:hem|haar)\s+(?:nog\s+)?niets\s+(?:zeggen|vertellen)\b|"
    r"\bn[ãa]o\s+(?:lhe\s+)?(?:digas|diga|contes|comentes|comenta|comente|fala|fales|menciona|mencione)\s+nada\b"
    r"(?!\s+a\s+ningu[ée]m)", re.I)
# News kept back from the customer until someone else speaks to them, in the note style of an infinitive: "dice di
# non accennare alla biopsia finché non la chiama lui", "nichts von der Kündigung erwähnen, bis er anruft", "ne pas
# parler du devis avant qu'il rappelle", "no mencionar el presupuesto hasta que llame", "niets over de schade zeggen
# tot hij belt", "não mencionar a biópsia até ele ligar", "not to mention the X until he calls".
_KEEP_BACK = re.compile(
    r"\b(?:(?:di\s+)?non\s+(?:accennare|menzionare|parlare|dire\s+(?:niente|nulla))|(?-i:nicht|nichts)\s+(?:\w+\s+){0,4}?"
    r"(?:erw[äa]hnen|sagen|ansprechen)|ne\s+(?:pas|rien)\s+(?:mentionner|parler|dire|[ée]voquer)|"
    r"no\s+(?:mencionar|comentar|decir|hablar)|niet(?:s)?\s+(?:\w+\s+){0,4}?(?:noemen|zeggen|vertellen|melden)|"
    r"n[ãa]o\s+(?:mencionar|falar|dizer|comentar)|(?:not\s+to|do\s+not|don['’]?t|never)\s+(?:mention|bring\s+up|"
    r"say\s+anything\s+about))\b[^.;!?\n]{0,60}?\b(?:finch[ée]|fino\s+a\s+quando|prima\s+che|bis|bevor|avant\s+(?:qu|de)|"
    r"tant\s+qu|hasta\s+que|antes\s+de\s+que|tot(?:dat)?|voordat|at[ée]\s+(?:que|ele|ela|o|a)|antes\s+de|until|till|"
    # (someone else gets in touch first: not "don't mention the surprise until the big day")
    r"before)\b[^.;!?\n]{0,40}?\b(?:" + _CONTACT + r"|ligar|speaks?|talks?|spricht|sprechen|parl\w*|habl\w*|spreekt|"
    r"fal\w*|sent\w*|rappel\w*|richiam\w*|terugbel\w*|zur[üu]ckruft|anruft|anrufen)\b", re.I)
_REPORTED = re.compile(r"\b(?:says?|said|wants?|asks?|sagt|will|m[öo]chte|bittet|dit|demande|veut|dice|pide|quiere|"
                       r"chiede|vuole|zegt|vraagt|wil|diz|pede|quer)\s*,?\s+(?:(?:que|che|dass|dat|that|de|di|para)\s+)?$",
                       re.I)
_HER_HIM = re.compile(r"\b(?:her|him|ihr|ihn|ihm|la|lo|lui|l['’]|haar|hem|lhe)(?:\b|(?<=['’]))", re.I)
# What to answer the customer, told to a colleague: "pode responder q o estorno foi feito", "tell her that …".
_REPLY_THAT = re.compile(
    r"\b(?:pode|podes|puedes|puoi|peux|kannst|kun\s+je|you\s+can|just)\s+(?:(?:lhe|le|gli|lui|ihr|ihm|her|him)\s+)?"
    r"(?:responder|dizer|contestar|decir|rispondere|dire|r[ée]pondre|antworten|sagen|antwoorden|zeggen|reply|answer|"
    r"tell\s+(?:her|him))\s+(?:(?:lhe|le|gli|lui|ihr|ihm)\s+)?(?:q|que|che|dass|dat|that)\b|"
    r"\b(?:tell|let)\s+(?:her|him)\s+(?:know\s+)?that\b|\b(?:dile|dille|digli|dis-lui|sag\s+(?:ihr|ihm)|zeg\s+(?:haar|hem))\s+"
    r"(?:que|che|dass|dat|qu')|"
    # a colleague told to answer or tell the customer themselves, the informal "you" stressed: "Marco rispondi tu a
    # questa qui", "Diglielo tu che io con questo non ci parlo più", "responde tu a este senhor", "réponds-lui toi"
    r"\b(?:rispondi(?:le|gli)?|diglielo|dillo|dille|digli|responde(?:-lhe)?|diz(?:-lhe)?|diz-lho|contesta(?:le)?|"
    r"resp[óo]nde(?:le)?|d[íi]selo|dile|r[ée]ponds(?:-lui)?|dis(?:-le)?-lui|antworte(?:\s+(?:ihr|ihm))?|"
    r"sag(?:\s+es)?(?:\s+(?:ihr|ihm))?|antwoord|zeg\s+het)\s+(?:tu|t[úu]|toi|du|jij)\b|"
    r"\b(?:you|u)\s+(?:reply|answer|respond)\s+to\s+(?:her|him|this\s+one)\b", re.I)

# An order to tell, answer or call the customer, in the third person, in any person of the imperative: the informal
# singular, the plural and the formal ("ditele che …", "decidle que …", "digam-lhe que …", "dites-lui que …", "Sagt
# ihr, dass …", "zeg haar maar dat …", "tell her the damage …"). In a colleague's message to the agent, forwarded
# below the reply, it is their instruction about the customer; a customer quoting their own message may say it to
# the company ("ditegli che passo dopo le 15"), so it is judged there only.
_TELL_HER = re.compile(
    r"\b(?:(?:di|dite|rispondi|rispondete|scrivi|scrivete|spiega|spiegate|fa|fate)(?:gli|le|glielo|gliela)|"
    r"(?:chiama|richiama|chiamate|richiamate)(?:l[oa])|"
    r"d[íi]le|dec[íi]dle|dec[íi]dselo|dec[íi]dsela|d[íi]selo|cont[ée]st(?:a|ad)le|resp[óo]nd(?:e|ed)le|"
    r"escr[íi]b(?:e|id)le|expl[íi]c(?:a|ad)le|ll[áa]m(?:a|ad)l[aeo]|"
    r"(?:diz|digam|responde|respondam|explica|expliquem|escreve|escrevam|liga|liguem)-lhe|"
    r"(?:dis|dites|r[ée]ponds|r[ée]pondez|[ée]cris|[ée]crivez|explique|expliquez)-lui|(?:re)?appel(?:le|ez)-(?:le|la)|"
    r"(?:zeg|vertel|antwoord|mail|bel)\s+(?:haar|hem)(?!\s+(?:u|uw)\b)|"
    r"(?:tell|let)\s+(?:her|him)(?:\s+know)?\b|call\s+(?:her|him)\s+back)(?!\w)|"
    r"(?:^|[.!?;:,–—]\s*)(?-i:[Ss]ag|[Ss]agt|[Ss]chreib|[Ss]chreibt|[Aa]ntworte|[Aa]ntwortet|[Ee]rkl[äa]rt?)\s+"
    r"(?-i:ihr|ihm)\b",
    re.I)

# --- Evidence that a set-apart passage (an aside, a line of its own) was written for staff: each a kind. ---
_SHORT = re.compile(
    r"(?<![\w/])(?:pls|plz|thx|tmrw|asap|yr|til|thru|b4|dont|cant|wont|xfa|porfa|xq|pq|tb|tmb|ipv|ivm|evt|ff|mss|zsm|"
    r"ggf|cmq|nn|xke|xche|vc|ta|tbh|ofc|hj|msm|tbm|qdo|w/|c/|p/)(?![\w/])|(?<=\s)[qx](?=\s+[^\W\d_])|"
    # German "wg." (wegen) in small letters ("KD meckert wieder wg. Abschlag"; not "WG", a flat-share or "Fwd")
    r"(?<![\w/])(?-i:wg)\.(?=\s)", re.I)
_HEADS = re.compile(r"^\W*(?:ojo|occhio|attenzione|aten[cç][aã]o|cuidado|let\s+op|achtung|vorsicht|attention|careful|"
                    r"nb|n\.b\.|heads[- ]up|fyi|psst|obs)\b", re.I)   # not "Note:", "Nota:": said to customers all the time
# An order as only staff get it: an infinitive after "no"/"non"/"não"/"ne pas" ("no confirmar hora hasta q …",
# "no darle precio final", "niet overleggen", "nicht verhandeln", "no negociar"), the Spanish "vosotros" imperative with a pronoun ("pasádselo a Marta"), a request to
# take over chats or tickets ("kun jij chat 3 en 5 overnemen?").
_STAFF_INFINITIVE = re.compile(
    r"\bno\s+(?:(?:le|les|se\s+lo|se\s+la)\s+)?(?:confirmar|dar|ofrecer|prometer|decir|comentar|mencionar|cobrar|"
    r"devolver|aceptar|cerrar|llamar|tramitar|reembolsar|abonar|dar|negociar|discutir)(?:le|les|lo|la|selo|sela)?\b|"
    r"\bn[ãa]o\s+(?:confirmar|dar|oferecer|prometer|dizer|comentar|mencionar|cobrar|devolver|aceitar|fechar|"
    r"reembolsar|falar|negociar|discutir)(?:-lhe)?\b|"
    # (Italian "non confermare" is also the informal "don't confirm" said to customers: only with "him"/"her")
    r"\bnon\s+(?:confermar|dar|offrir|prometter|dir|commentar|menzionar|addebitar|rimborsar|accettar)(?:gli|le|glielo)\b|"
    r"\bne\s+(?:pas|rien|jamais)\s+(?:lui\s+|leur\s+)?(?:confirmer|donner|offrir|proposer|promettre|dire|mentionner|"
    r"facturer|rembourser|accepter|cl[ôo]turer|fermer|n[ée]gocier|discuter)\b|"
    r"\b(?:noch\s+)?(?:nicht|nichts|keine?n?\s+\w+)\s+(?:\w+\s+){0,2}?(?:best[äa]tigen|zusagen|versprechen|anbieten|"
    r"erw[äa]hnen|erstatten|rausgeben)\b|\bnicht\s+(?:verhandeln|diskutieren)\b|"
    r"\b(?:nog\s+)?(?:niet|niets|niks|geen\s+\w+)\s+(?:\w+\s+){0,2}?(?:bevestigen|toezeggen|beloven|aanbieden|noemen|"
    r"terugbetalen)\b|\bniet\s+(?:overleggen|onderhandelen)\b|"
    r"\b(?:take\s+over|cover|pick\s+up|grab)\s+(?:my\s+|the\s+)?(?:chats?|tickets?|queue)\b|\boverne(?:men|emt)\b|"
    r"\b[üu]bernimm|[üu]bernehmen\b|\b(?:reprendre|prendre\s+le\s+relais\s+sur)\s+(?:le\s+|les\s+|mes\s+)?(?:chats?|tickets?)\b|"
    r"\b(?:coger|llevar|quedarte\s+con|hacerte\s+cargo\s+de)\s+(?:el\s+|los\s+|mis\s+)?(?:chats?|tickets?|cola)\b|"
    r"\b(?:prendere|prenderti|gestire|seguire)\s+(?:la\s+|le\s+|il\s+|i\s+|mie\s+)?(?:chat|ticket|coda)\b|"
    r"\b(?:pegar|assumir|ficar\s+com)\s+(?:o\s+|a\s+|os\s+|as\s+|meu\s+|minhas\s+)?(?:chats?|tickets?|fila)\b", re.I)
# The Spanish "vosotros" imperative with a pronoun, to colleagues: "pasádselo a Marta", "llamadle" (the ending first,
# as a quick test, then the word).
_VOSOTROS_END = re.compile(r"(?:adle|edle|idle|dselo|dsela|adlo|adla)\b", re.I)
_VOSOTROS = re.compile(r"\b[^\W\d_]+(?:adle|edle|idle|[áa]dselo|[ée]dselo|[íi]dselo|[áa]dsela|adlo|adla)\b", re.I)


def _vosotros(unit: str) -> bool:
    return bool(_VOSOTROS_END.search(unit) and _VOSOTROS.search(unit))


# Other conversations or the writer's break: "chat 3 en 5", "ff lunchen", "brb", "vado in pausa".
_OTHER_WINDOW = re.compile(
    r"\b(?:chat|chats|ticket|tickets|queue|cola|coda|wachtrij|fila)\s+#?\d{1,2}(?:\s*(?:en|and|und|et|y|e|&|,)\s*\d{1,2})?\b|"
    r"\b(?:lunch|lunchen|lunchpauze|brb|afk|mittagspause|mittag\s+machen|d[ée]jeuner|en\s+pause|almorzar|me\s+voy\s+a\s+comer|"
    r"pausa\s+pranzo|vado\s+in\s+pausa|almo[çc]ar|almo[çc]o|koffie\s+halen|coffee\s+break|smoke\s+break|back\s+in\s+\d+)\b", re.I)
# Moaning about someone: the customer ("die van 5 zeurt"), or a partner ("a operadora tá enrolando todo mundo").
_WHINGE = re.compile(r"\b(?:zeurt|zeurde|zeiken|zeikt|jammert|n[öo]rgelt|meckert|quengelt|r[âa]le|chouine|pleurniche|"
                     r"frigna|rompe\s+le|rompe\s+i\s+(?:coglioni|maroni)|enche\s+o\s+saco|enrolando|enrola|"
                     r"dando\s+la\s+lata|da\s+la\s+lata|moaning|"
                     r"whining|whinging|banging\s+on|kicking\s+off|stringing\s+(?:us|everyone)\s+along|"
                     r"messing\s+(?:us|everyone)\s+(?:about|around)|nos\s+toman\s+el\s+pelo|se\s+fichent\s+de\s+nous|"
                     r"ci\s+prendono\s+in\s+giro|verarsch\w*|houden\s+ons\s+aan\s+het\s+lijntje|"
                     # shouting at us: "quella di ieri che urlava al telefono", "the one who was yelling at Tom"
                     r"(?:was|were)\s+(?:shouting|yelling|screaming)|urlava|strillava|gritaba|chillaba|gueulait|"
                     r"hurlait|schrie|br[üu]llte|rumgeschrien|schreeuwde|tierde|gritava|berrava)\b", re.I)
# Candour meant for colleagues: "na real vai demorar mais", "between us", "off the record", "unter uns".
_CANDOUR = re.compile(r"\b(?:na\s+real|between\s+us|off\s+the\s+record|entre\s+nous|unter\s+uns|tra\s+(?:di\s+)?noi|"
                      r"onder\s+ons|entre\s+nosotros|entre\s+n[óo]s)\b", re.I)
# The one the note is about, by the case: "es el de las 4 llamadas", "die van 5", "the one with the 4 calls".
_THE_ONE = re.compile(r"\b(?:es|era)\s+(?:el|la)\s+(?:de\s+(?:las?|los?)|del|que)\b|"
                      # the same one who got in touch: "è lo stesso che ha chiamato 4 volte", "c'est la même qui a appelé"
                      r"\b(?:(?:è|e|es|era|é|est|is|ist)\s+)(?:lo\s+stesso|la\s+stessa|el\s+mismo|la\s+misma|le\s+m[êe]me|"
                      r"la\s+m[êe]me|o\s+mesmo|a\s+mesma|the\s+same\s+(?:guy|man|lady|woman|one|bloke)|dezelfde|"
                      r"derselbe|dieselbe)\s*,?\s+(?:che|que|qui|who|that|die|der)\s+(?:\w+\s+){0,2}?" + _CONTACT + r"|\b(?:è|e)\s+(?:quell[oa])\s+(?:di|del|"
                      r"della|che)\b|\bdie\s+van\s+(?:\d|de|het)\b|\b(?:it's|its|is)\s+the\s+one\s+(?:who|that|with|from)\b|"
                      r"\bc'est\s+(?:celui|celle)\s+(?:qui|de|du|des)\b|\b(?:é|e)\s+(?:o|a)\s+(?:do|da|que)\b|"
                      # the customer by the number of their room, table or desk: "quello della 12", "celle de la 8",
                      # "aquella de la 21", "the guy from 14" (not "quello da 12 mesi", "the one from 2019")
                      r"\b(?:(?:quell[oa]|celui|celle|aquel(?:la)?|the\s+(?:guy|lady|woman|man|bloke))\s+(?:della|del|dello|"
                      r"dal|de\s+la|du|de|from|in|at)\s+(?:(?:camera|stanza|tavolo|chambre|table|habitaci[óo]n|mesa|room|"
                      r"bed|letto|lit|cama)\s+)?|(?:el|la|il|lo|le|o|a)\s+(?:della|del|de\s+la|du|de|da|do)\s+(?:camera|"
                      r"stanza|tavolo|chambre|table|habitaci[óo]n|mesa|quarto)\s+)(?:n[º°.]?\s*)?\d{1,3}[a-z]?\b(?!\s*(?:[%€$º°/]|[.,:]\d|x\b|[a-zà-ÿ]+\s+\d|"
                      r"(?:mes[ei]?s?|mois|months?|giorni|d[ií]as|jours|days|anni|a[ñn]os|ans|years|ore|horas|heures|"
                      r"hours|minuti|minutos|minutes|euros?|cm|mm|kg|gb|pezzi|unidades|pi[eè]ces|items|rate|cuotas|"
                      r"volte|veces|fois|times|di|de|of|maggio|mayo|mai|may|gennaio|enero)\b))", re.I)
# The customer got in touch again and again: "las 4 llamadas", "3 calls", "zweimal angerufen" (a small count).
_REPEAT_H = re.compile(r"(?<![\d.,:/\-])\b(?:[2-9]|1\d|two|three|four|five|zwei|drei|vier|f[üu]nf|deux|trois|quatre|cinq|"
                       r"dos|tres|cuatro|cinco|due|tre|quattro|cinque|twee|drie|vijf|duas|dois|tr[êe]s|quatro)\s*x?\s+(?:calls?|e-?mails?|llamadas?|chiamate|appels|mails?|anrufe|"
                       r"telefoontjes|liga[çc][õo]es|mensajes|messaggi|messages|berichten|nachrichten|mensagens|"
                       r"reclama[çc][õo]es|reclamos|quejas|klachten|beschwerden|plaintes|complaints)\b|"
                       r"\b(?:twice|zweimal|dreimal|deux\s+fois|trois\s+fois|dos\s+veces|tres\s+veces|due\s+volte|tre\s+volte|"
                       r"twee\s+keer|drie\s+keer|duas\s+vezes|tr[êe]s\s+vezes)\b", re.I)
_REPEAT_H = re.compile(_REPEAT_H.pattern +
                       # the same one as yesterday: "è lo stesso di ieri", "es la misma de ayer", "c'est le même qu'hier"
                       r"|\b(?:lo\s+stesso|la\s+stessa|el\s+mismo|la\s+misma|le\s+m[êe]me|la\s+m[êe]me|o\s+mesmo|"
                       r"a\s+mesma|derselbe|dieselbe|dezelfde|the\s+same\s+(?:one|guy|lady|woman|man|bloke))\s+(?:di|de|"
                       r"d['’]|qu['’]|que|wie|als|as|from|van|von)\s*(?:ieri|ayer|hier|gestern|gisteren|ontem|yesterday|"
                       r"stamattina|stamani|esta\s+ma[ñn]ana|ce\s+matin|heute\s+(?:fr[üu]h|morgen)|vanochtend|vanmorgen|"
                       r"hoje\s+de\s+manh[ãa]|this\s+morning|l['’]altra\s+volta|la\s+otra\s+vez|la\s+derni[èe]re\s+fois|"
                       r"letztes\s+mal|vorige\s+keer|da\s+[úu]ltima\s+vez|last\s+time)\b" +
                       # getting in touch every day: "il rappelle tous les jours", "ruft jeden Tag an", "llama todos
                       # los días" (not "we deliver every day")
                       rf"|\b(?:{_CONTACT}|rappel\w*|ruft|chiama|belt)\s+(?:\w+\s+){{0,2}}?(?:every\s+(?:single\s+)?day|daily|"
                       r"tous\s+les\s+jours|chaque\s+jour|jeden\s+tag|t[äa]glich|todos\s+los\s+d[ií]as|cada\s+d[ií]a|"
                       r"tutti\s+i\s+giorni|ogni\s+giorno|elke\s+dag|iedere\s+dag|dagelijks|todos\s+os\s+dias|cada\s+dia)\b" + rf"|(?<![\w.,/])[2-9]\s?x\s+(?:\w+\s+)?{_CONTACT}\b|\b{_CONTACT}\s+[2-9]\s?x\b",
                       re.I)   # "3x gebeld", "called 4x"
_STAFF_WORK_H = re.compile(r"(?-i:\b[LNT][1-3]\b)|"
                           # the customer handed over to a colleague: "te lo passo io", "te la paso", "je te le passe"
                           r"\bte\s+l[oa]\s+(?:passo|giro|lascio|paso|dejo)\b|\bje\s+te\s+l[ea]\s+(?:passe|laisse)\b|"
                           r"\bpasso-te\s+(?:o|a)\b|\b(?:policy\s+says|per\s+policy|max\s+\d|traspaso|hand-?over|overdracht|[üu]bergabe|passation|"
                           r"passaggio\s+di\s+consegne|passagem\s+de\s+turno|sistema\s+(?:às\s+vezes|a\s+veces)|"
                           r"no-?show|\d(?:º|°|o)?\s*(?:livello|nivel|n[íi]vel))\b", re.I)

# "mevrouw heeft al 3x gebeld", "madame a déjà appelé": the customer by a polite noun as a verb's subject, no name.
_POLITE_SUBJECT = re.compile(
    r"(?:^|[(\[,;:]\s*|[.!?]\s+)(?:mevrouw|meneer|madame|monsieur|se[ñn]ora|se[ñn]or|signora|signore|senhora|senhor)\s+"
    r"(?:heeft|is|wil|belt|belde|zegt|a|est|veut|dit|ha|est[áa]|quiere|dice|[èe]|vuole|tem|quer|diz|j[áa]|al|d[ée]j[àa]|"
    r"ya|gi[àa])\b", re.I)
# Telling a staff role, in the note style of infinitives: "avisar al técnico", "avvisare il magazzino", "prévenir le
# technicien", "den Monteur informieren", "monteur inlichten", "avisar o técnico".
_ROLE = (r"(?:t[ée]cnico|tecnico|technicien|techniker|monteur|almac[ée]n|magazzino|armaz[ée]m|entrep[ôo]t|lager|magazijn|"
         r"supervisor\w*|superviseur|jefe|capo|chef|teamleiter|teamleider|responsable|responsabile|repartidor|corriere|"
         r"livreur|fahrer|bezorger|estafeta|transportista|backoffice|back\s+office|contabilidad|contabilit[àa]|"
         r"comptabilit[ée]|buchhaltung|boekhouding|contabilidade|log[ií]stica|logistique|logistik|logistiek)")
_TELL_ROLE = re.compile(
    rf"(?:^|[,;:(\[—–\-]\s*)(?:avisar|informar|llamar|escribir|avvisare|informare|chiamare|scrivere|pr[ée]venir|"
    rf"informer|appeler|pr[ée]venir|avisar|informar|ligar|escrever)\s+(?:a\s+|al\s+|ao\s+|à\s+|o\s+|il\s+|l'|le\s+|la\s+|"
    rf"el\s+)?{_ROLE}\b|\b(?:den|die|das|de|het)\s+{_ROLE}\s+(?:informieren|anrufen|benachrichtigen|inlichten|bellen|"
    rf"informeren|mailen)\b", re.I)
# Checking something with a department, in the note style of an infinitive (an order to a customer is an imperative
# there): "confirmar sala con recepción", "vérifier avec l'atelier", "verificare con il magazzino", "conferir com a
# receção", "mit dem Lager klären", "navragen bij de balie", "check w/ warehouse".
_ARTICLE = (r"(?:the\s+|el\s+|la\s+|los\s+|las\s+|le\s+|les\s+|l['’]|il\s+|lo\s+|gli\s+|o\s+|a\s+|os\s+|as\s+|de\s+|"
            r"het\s+|dem\s+|der\s+|den\s+|die\s+)?")
_CHECK_WITH_ROLE = re.compile(
    rf"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+){_TODO_WORD}(?:confirmar|verificar|comprobar|revisar|validar|checar|conferir|ver|"
    rf"rever|confirmer|v[ée]rifier|valider|checker|confermare|verificare|controllare|ricontrollare)\s+"
    rf"(?:[\w'’]+\s+){{0,3}}?(?:con|col|coi|coll['’]|avec|aupr[eè]s\s+d[eu]|com|w/|c/)\s*{_ARTICLE}{_DEPT}\b|"
    # asking the department: "preguntar a almacén si …", "demander à la compta si …", "chiedere al magazzino se …"
    rf"(?:^|[,;:(\[—–\-]\s*|[.!?]\s+){_TODO_WORD}(?:preguntar|demander|chiedere|perguntar)\s+(?:(?:a|al|à|au|aux|ao|"
    rf"alla|allo|ai|agli)\s+|all['’]\s*){_ARTICLE}{_DEPT}\b|"
    # English says it to customers too ("check with reception on arrival"): only in shorthand
    rf"\b(?:check|confirm|verify|clear)\s+(?:[\w'’]+\s+){{0,3}}?(?:w/|c/)\s*{_ARTICLE}{_DEPT}\b|"
    rf"\b(?:mit|bei|beim)\s+{_ARTICLE}{_DEPT}\s+(?:[\w-]+\s+){{0,3}}?(?:abkl[äa]ren|kl[äa]ren|abstimmen|checken|"
    rf"nachfragen|r[üu]ckfragen|pr[üu]fen|best[äa]tigen)\b|"
    rf"\b(?:navragen|checken|nakijken|controleren|natrekken|overleggen|afstemmen|nagaan|bevestigen)\s+(?:bij|met)\s+"
    rf"{_ARTICLE}{_DEPT}\b|"
    rf"\b(?:bij|met)\s+{_ARTICLE}{_DEPT}\s+(?:[\w-]+\s+){{0,2}}?(?:navragen|checken|nakijken|controleren|natrekken|"
    rf"overleggen|afstemmen|nagaan)\b",
    re.I)
# A to-do jotted into the reply, in the note style of an infinitive with no subject: something to check with one of
# the company's departments, a colleague or the stock, and what is still open after it or a word marking it as still
# to do ("Nog even checken bij magazijn of dit echt klopt!!", "noch kurz mit dem Lager abklären, ob …", "à vérifier
# avec la compta si …", "comprobar con almacén si …", "verificare col magazzino se …", "confirmar com o armazém se …",
# "still need to check w/ warehouse if …"). The customer is told with "you", "please" or an imperative ("Please check
# with your bank whether …", "Bitte prüfen Sie, ob …", "Vérifiez auprès de votre banque …"), and the company checking
# says "we" ("Nog even geduld, we checken het bij het magazijn"); a counter the customer goes to is theirs to ask
# ("even navragen bij de receptie").
_TODO_LEAD = re.compile(
    r"^(?:(?:nb|n\.b\.|ps|p\.s\.|ojo|occhio|todo|to\s+do|pendiente|pendente|still|nog|noch|even|ff|eventjes|kurz|mal|"
    r"schnell|eben|encore|[àa]|da|por|ainda|a[úu]n|todav[íi]a|ancora|(?:still\s+)?(?:need|have|got)\s+to|must|gotta)"
    r"(?![\w'’])[\s:]*)+", re.I)
_STOCK_WORD = (r"(?:stock|stocks|inventory|voorraad|lagerbestand|bestand|estoque|existencias|giacenz[ae]|magazijn|"
               r"magazzino|almac[ée]n|armaz[ée]m|lager|warehouse|entrep[ôo]t)")
_CHECK_STOCK = re.compile(
    # the stock as what is checked, or where: "comprobar stock si …", "vérifier le stock", "verificare in magazzino se …"
    r"^(?:check|confirm|verify|checken|nakijken|controleren|kijken|pr[üu]fen|nachsehen|nachschauen|v[ée]rifier|checker|"
    r"regarder|confirmer|comprobar|verificar|confirmar|mirar|revisar|ver|checar|conferir|verificare|controllare|"
    r"ricontrollare|guardare|confermare)\s+(?:(?:in|im|en|dans|nel|no|na|em|op|bij|the|le|la|l['’]|el|il|lo|o|a|de|"
    r"het|den|das)\s+){0,2}" + _STOCK_WORD + r"\b|"
    # last in German and Dutch: "voorraad checken of …", "im Lager nachsehen, ob …"
    r"^(?:(?:in|im|op|bij|de|het|den|das|the)\s+){0,2}" + _STOCK_WORD + r"\s+(?:\w+\s+){0,2}?(?:checken|nakijken|"
    r"controleren|nagaan|pr[üu]fen|nachsehen|nachschauen|abfragen)\b", re.I)
# What is still open, an indirect question after the check ("… of dit echt klopt", "… ob …", "… si …"), per language.
_WHETHER = {"en": r"if|whether", "de": r"ob", "nl": r"of", "fr": r"si|s['’](?=ils?\b)", "es": r"si", "it": r"se",
            "pt": r"se"}
# "if needed" is a condition, not what is still open: "Verificare con l'amministrazione se necessario."
_IF_NEEDED = re.compile(r"\s*(?:needed|necessary|required|in\s+doubt|unsure|n[öo]tig|notwendig|erforderlich|"
                        r"n[ée]cessaire|besoin|necesari[oa]|hace\s+falta|dudas?|necessari[oa]|serve|dubbi|nodig|twijfel|"
                        r"necess[áa]ri[oa]|preciso|d[úu]vidas?)\b", re.I)
# The writer telling the customer what they are doing right now, the subject dropped as chat does: "Even checken bij
# het magazijn of de L er nog is, momentje!", "Kurz beim Lager nachfragen, ob … – einen Moment".
_ONE_MOMENT = re.compile(r"\b(?:moment\w*|ogenblik\w*|sec|second|minute|augenblick|instant|momento|momentito|"
                         r"attimo|minuto|minutinho|bin\s+gleich|back\s+in)\b", re.I)
_CLAUSE_START = re.compile(r"^|[.!?;—–]\s+|\s-\s+|(,\s*)")
_SUBJECT_PRONOUN = re.compile(r"\b(?:ich|du|er|sie|wir|ihr|man|ik|jij|hij|zij|ze|we|wij|u|jullie|they|you|he|she)\b", re.I)
# "check with" spelt out, in English: only after a word that makes it a to-do ("still need to check with the
# warehouse if …"), since it is said to customers too.
_CHECK_WITH_EN = re.compile(r"^(?:check|confirm|verify|clear|ask)\s+(?:[\w'’]+\s+){0,3}?with\s+(?:the\s+)?" + _DEPT +
                            r"\b", re.I)


_LIST_STEP = re.compile(r"\s*(?:[-*•·]|\d+[.)])\s")
_SENDING_INTRO = re.compile(r"\b(?:before|antes\s+de|avant\s+d['’]?|prima\s+di|vor\s+dem|voor\s+het|"
                            r"v[óo][óo]r\s+het)\s+(?:send\w*|this\s+goes|it\s+goes|enviar|mandar|envoyer|"
                            r"l['’]envoi|inviare|mandare|senden|absenden|abschicken|versturen|verzenden)|"
                            r"\bgoes\s+out\b", re.I)


def _announced_step(line: str, whole: str, lang: str) -> bool:
    """A step of a list that the reply introduces in a sentence of its own, however many steps above it ("To reserve
    the lamp: - Log in to your account - Check stock if needed - Click Reserve", "Esto es lo que vamos a hacer: -
    enviar … - comprobar con almacén si …"): whoever does the other steps does this one. Not a to-do list under a
    label ("Pendiente:", "Notas internas:", "Next steps:") or an intro about sending the reply ("Before this goes
    out:")."""
    if not _LIST_STEP.match(line) or line not in whole:
        return False
    above = whole[:whole.find(line)].splitlines()
    intro = next((x.strip() for x in reversed(above) if x.strip() and not _LIST_STEP.match(x)), "")
    if not intro.endswith(":") or _TODO_LEAD.fullmatch(intro) or _NOTE_WORD.search(intro) or \
            _SENDING_INTRO.search(intro) or any(p.search(fold(intro)) for p in _DRAFTING) or \
            any(kind == _LABEL and p.search(intro) for kind, p in PATTERNS):
        return False
    return len(intro.split()) >= 4 or _spoken_to(intro, lang) or bool(_TO_CUSTOMER_CS.search(intro)) or \
        bool(addressee._WE.search(intro))


def _open_todo(sentence: str, names: set[str], whole: str, lang: str) -> str | None:
    """The to-do jotted into the sentence (see _TODO_LEAD), from where it starts, or None."""
    if _ONE_MOMENT.search(sentence):
        return None
    if _announced_step(sentence, whole, lang):
        return None   # "Esto es lo que vamos a hacer: - enviar … - comprobar con almacén si …"
    whether = re.compile(rf"\b(?:{_WHETHER.get(lang, _WHETHER['en'])}|{_WHETHER['en']})\b", re.I)
    for start in _CLAUSE_START.finditer(sentence):
        clause = sentence[start.end():]
        if len(re.findall(r'["“”«»„]', sentence[:start.end()])) % 2:
            continue   # inside a quotation
        lead = _TODO_LEAD.match(clause)
        if start.group(1) and not lead:
            continue   # after a comma only with a word that marks a to-do ("…, nog even checken bij …")
        rest = clause[lead.end():] if lead else clause
        check = _CHECK_WITH_ROLE.match(rest) or _CHECK_STOCK.match(rest) or (
            _CHECK_WITH_EN.match(rest) if lead and re.search(r"\bto\b|still|todo|must|gotta", lead.group(0), re.I)
            else None)
        if not check and (consult := _CONSULT.match(rest)):   # a colleague by name: "preguntar a Marta si …"
            who = next(g for g in consult.groups() if g)
            check = consult if _is_colleague(who, names, lang) and not _introduced(who, whole) else None
        if not check:
            continue
        if not lead and re.match(r"(?:check|confirm|verify|clear|ask)\b", rest, re.I) and "/" not in check.group(0):
            continue   # English gives orders in the same words: "Check stock if needed" (not "check w/ …")
        open_q = whether.search(rest, check.end())
        if open_q and _IF_NEEDED.match(rest, open_q.end()):
            open_q = None
        own = rest[:open_q.start()] if open_q else rest
        if any(_FRONT.match(w.group(0)) for w in re.finditer(rf"\b{_DEPT}\b", own, re.I)):
            continue   # a counter the customer goes to: "even navragen bij de receptie of …", "… a Marta en recepción"
        if not (open_q or (lead and not re.fullmatch(r"[àa]\s*", lead.group(0), re.I))):
            continue
        todo = clause.strip()
        if _spoken_to(todo, lang) or _TO_CUSTOMER_CS.search(todo) or _POSSESSIVE.search(todo) or \
                _PLEASE_WORD.search(todo) or addressee._WE.search(own) or _SUBJECT_PRONOUN.search(own):
            continue
        if _I.search(todo) or (lang == "fr" and re.search(r"\bj(?:e\b|')", todo, re.I)) or \
                re.search(r"(?<!\?)\?\s*$", todo):
            continue   # the writer to the reader, the subject dropped ("Kurz beim Lager nachfragen, ob …, ich melde
            # mich"), or a question put to them ("Need to check with accounts whether it was paid? Email …")
        return todo
    return None


# The customer spoken of in the third person, in a reply written to them: a pronoun with nobody else it could
# stand for before it (no engineer, courier, husband, named person who acts in the reply).
_PRONOUN_H = {
    "en": re.compile(r"\b(?:she|he|her|him|she's|he's|she'd|he'd|she'll|he'll|shes|hes)\b", re.I),
    "es": re.compile(r"\b(?:él|ella)\b", re.I),
    "it": re.compile(r"\blui\b", re.I),
    "pt": re.compile(r"\b(?:ele|ela)\s+(?:falou|disse|ligou|liga|quer|queria|pediu|pede|reclamou|reclama|acha|sabe|"
                     r"escreveu|escreve|ouve|entende|vai\s+ligar|j[áa]\s+(?:ligou|reclamou|pediu))\b", re.I),
    "nl": re.compile(r"\b(?:ze|zij|hij)\s+(?:hoort|belt|belde|zegt|zei|vraagt|vroeg|klaagt|zeurt|denkt|snapt|begrijpt|"
                     r"spreekt|schreef|mailde|dreigt|wil\s+(?:geld|een|zijn|haar)|heeft\s+(?:al|weer|gebeld|gemaild))\b"),
    "de": re.compile(r"\b(?:sie|er)\s+(?:h[öo]rt|ruft|rief|sagt|sagte|fragt|fragte|beschwert|droht|meint|versteht|"
                     r"spricht|schreibt|schrieb|hat\s+(?:schon|bereits|angerufen|geschrieben))\b"),
    "fr": re.compile(r"\b(?:il|elle)\s+(?:entend|appelle|a\s+appel[ée]|dit|a\s+dit|demande|r[âa]le|se\s+plaint|menace|"
                     r"comprend|parle|[ée]crit|a\s+[ée]crit|rappelle)\b"),
}
# The customer kept something back or left it undone, in the third person ("y no lo dijo", "hat er nicht gesagt", "il
# l'a pas dit", "heeft ze niet gemeld", "non l'ha detto", "não avisou"): in the languages that drop the pronoun, only
# in a reply that calls the customer "tú"/"tu" (there a third person is someone else; "usted", "Lei", "você" take
# the same verb).
_WITHHELD = {
    "de": re.compile(r"\b(?:(?:hat|hatte)\s+(?:er|sie)|(?:er|sie)\s+(?:hat|hatte))\s+(?:(?:uns|mir|es|das|aber|wohl|"
                     r"leider|ja)\s+)*(?:nicht|nie|nichts)\s+(?:\w+\s+)?(?:gesagt|erw[äa]hnt|angegeben|gemeldet|"
                     r"erz[äa]hlt|bezahlt|mitgeteilt|dazugesagt)\b"),
    "nl": re.compile(r"\b(?:(?:heeft|had)\s+(?:hij|ze|zij)|(?:hij|ze|zij)\s+(?:heeft|had))\s+(?:(?:ons|het|dat|wel|"
                     r"toch|er)\s+)*(?:niet|nooit|niks|niets)\s+(?:\w+\s+)?(?:gezegd|gemeld|vermeld|opgegeven|verteld|"
                     r"betaald|doorgegeven|bij\s*gezegd)\b"),
    "fr": re.compile(r"\b(?:il|elle)\s+(?:ne\s+|n['’])?(?:nous\s+|me\s+)?(?:l['’]\s*)?(?:a|avait)\s+(?:pas|jamais|rien)\s+"
                     r"(?:dit|pr[ée]cis[ée]|signal[ée]|mentionn[ée]|pay[ée]|pr[ée]venu|indiqu[ée])\b"),
    "es": re.compile(r"\b(?:no|nunca|tampoco)\s+(?:(?:lo|la|nos|me|se\s+lo|nos\s+lo)\s+)?(?:dijo|avis[óo]|mencion[óo]|"
                     r"coment[óo]|indic[óo]|cont[óo]|pag[óo]|ha\s+(?:dicho|avisado|mencionado|indicado|pagado|"
                     r"comentado))\b", re.I),
    "it": re.compile(r"\b(?:non|mai)\s+(?:(?:l['’]|ce\s+l['’]|ci|me\s+l['’]|lo|la)\s*)?(?:ha|aveva)\s+(?:mai\s+)?"
                     r"(?:detto|avvisat[oa]|menzionat[oa]|indicat[oa]|pagat[oa]|comunicat[oa])\b", re.I),
    "pt": re.compile(r"\b(?:n[ãa]o|nunca)\s+(?:(?:o|a|nos|me|nos\s+o)\s+)?(?:disse|avisou|mencionou|indicou|contou|"
                     r"pagou|falou|tinha\s+dito)\b", re.I),
}
_PRO_DROP = {"es", "it", "pt"}
_INFORMAL_READER = re.compile(r"\b(?:te|tu|ti|tú|tus|tuo|tua|tuoi|tue|teu|tua|contigo|(?:to|ta)\s+\w)\b", re.I)
_FORMAL_READER = re.compile(r"\b(?:usted|ustedes|voc[êe]|o\s+senhor|a\s+senhora|(?-i:Lei|La\s+ringrazi\w*|Sr\.|Sra\.))\b",
                            re.I)


def _withheld(unit: str, before: str, whole: str, lang: str):
    """The customer, in the third person, kept something back or left it undone ("y no lo dijo"), with nobody
    else named before it that it could be about."""
    rx = _WITHHELD.get(lang)
    m = rx.search(unit) if rx else None
    if not m:
        return None
    if lang in _PRO_DROP:
        rest = whole.replace(unit, " ")
        if not _INFORMAL_READER.search(rest) or _FORMAL_READER.search(whole):
            return None
    context = before + " " + unit[:m.start()]
    # (German capitalises its nouns: "Umzug ist …" names nobody)
    return None if _PERSON_NOUN.search(context) or (lang != "de" and _NAME_ACTS.search(context)) else m


_PERSON_NOUN = re.compile(
    r"\b(?:engineer|technician|tech|courier|driver|colleague|manager|agent|advis[eo]r|doctor|dr|nurse|dentist|"
    r"consultant|surgeon|husband|wife|son|daughter|partner|mother|mum|mom|father|dad|brother|sister|friend|"
    r"neighbou?r|landlord|landlady|child|baby|boy|girl|man|woman|lady|gentleman|guy|plumber|electrician|fitter|"
    r"installer|surveyor|assessor|inspector|owner|seller|vendor|host|guest|passenger|representative|rep|"
    r"supervisor|postman|postie|officer|solicitor|lawyer|teacher|student|carer|specialist|expert|"
    r"t[ée]cnico|mensajero|repartidor|transportista|conductor|compa[ñn]er[oa]|marido|esposa?|hij[oa]|padre|madre|"
    r"amig[oa]|vecin[oa]|m[ée]dic[oa]|doctor[a]?|dra?|enfermer[oa]|comercial|asesor[a]?|gestor[a]?|"
    r"tecnico|corriere|fattorino|autista|collega|marito|moglie|figli[oa]|padre|madre|amic[oa]|vicin[oa]|"
    r"medico|dottor\w*|dott|consulente|installatore|idraulico|"
    r"estafeta|motorista|colega|esposo|esposa|filh[oa]|pai|m[ãa]e|vizinh[oa]|consultor[a]?|vendedor[a]?|"
    r"monteur|techniker|fahrer|kurier|kollege|kollegin|mann|frau|sohn|tochter|vater|mutter|freund\w*|nachbar\w*|"
    r"arzt|[äa]rztin|berater\w*|"
    r"technicien|livreur|chauffeur|coll[èe]gue|mari|femme|fils|fille|p[èe]re|m[èe]re|ami|amie|voisin\w*|"
    r"m[ée]decin|docteur|conseill[eè]re?|"
    r"bezorger|chauffeur|collega|echtgeno(?:ot|te)|zoon|dochter|vader|moeder|vriend\w*|buurm\w*|arts|dokter|"
    r"adviseur|koerier)\b", re.I)
# A name that acts in the reply before the pronoun: "Tom will call", "Luis from our team", "our engineer Tom".
_NAME_ACTS = re.compile(r"\b(?i:asked|told|spoke\s+(?:to|with)|talked\s+to|checked\s+with|contacted|colleagues?|with|"
                        r"by|to)\s+[A-ZÀ-Þ][a-zà-ÿ]{1,15}\b|"
                        # (a month or a day is no one: "Fri 16 May at 7:30pm")
                        r"(?<![.!?]\s)(?<!^)\b(?!(?:January|February|March|April|May|June|July|August|September|"
                        r"October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b)"
                        r"[A-ZÀ-Þ][a-zà-ÿ]{1,15}\s+(?:will|'ll|is|has|from|in|at|who|can|could|should|"
                        r"called|rang|said|says|mentioned|confirmed|visited|came|went|tried|wird|hat|ist|kommt|va|"
                        r"viendra|vendrá|verrà|komt|heeft|vai|vem)\b", re.M)


def _pronoun_for_customer(unit: str, before: str, lang: str):
    """A third-person pronoun in the unit that can only stand for the customer: the reply (before the unit and in
    it) names no other person it could stand for. English pronouns count in a passage in English, whatever the
    reply's language (a note typed in English), not in "He revisado" ("I have checked")."""
    rxs = [_PRONOUN_H.get(lang, _PRONOUN_H["en"])]
    if lang != "en" and _PRONOUN_H["en"].search(unit) and _line_language(unit) == "en":
        rxs.append(_PRONOUN_H["en"])
    for rx in rxs:
        m = rx.search(unit)
        if m:
            context = before + " " + unit[:m.start()]
            if not _PERSON_NOUN.search(context) and not _NAME_ACTS.search(context):
                return m
    return None


@lru_cache(maxsize=1024)
def _line_scores(text: str):
    """(number of words, each language's evidence) in a passage."""
    from .language import profile
    return profile(text)


def _line_language(text: str):
    """The language a passage is plainly in, or None when it is too short or too mixed to tell."""
    n, scores = _line_scores(text)
    if n < 6:
        return None
    best = max(scores, key=lambda k: scores[k])
    ranked = sorted(scores.values())
    return best if scores[best] >= 2.0 and ranked[-2] * 2 <= scores[best] else None


def _other_language(text: str, reply: str | None, customer: str) -> bool:
    """The passage is in another language than the reply: plainly more of some language than of the reply's, and
    not the customer's own. A customer in a language without a profile (Galician, Catalan) may be written to in
    theirs beside English, and theirs reads as a near one ("atención ao cliente" as Portuguese): no evidence."""
    if not reply:
        return False
    n, scores = _line_scores(text)
    best = max(scores, key=lambda k: scores[k])
    return n >= 6 and best != reply and best != customer and customer in scores and scores[best] >= 2.0 and \
        scores[reply] * 3 <= scores[best]


def _reply_language(whole: str, unit: str):
    """The reply's language without the passage (the profile's evidence adds up word by word, so the passage's is
    taken off the whole's), or None when too little is left to tell. Not what stands below a "--" signature line: a
    legal footer in English is no sign of the language the customer was written to in."""
    whole = above_signature(whole)
    n, scores = _line_scores(whole)
    k, own = _line_scores(unit) if unit in whole else (0, {})
    rest = {lang: scores[lang] - own.get(lang, 0.0) for lang in scores}
    return max(rest, key=lambda lang: rest[lang]) if n - k >= 12 else None


# The customer as a bare demonstrative with "already", "always", "again", which only staff say of a customer: "ojo q
# este ya pidió reembolso 2 veces", "el cabrón este ya va por la cuarta", "essa já ligou", "esta siempre igual".
_THIS_ONE_AGAIN = re.compile(r"\b(?:este|esta|ese|esa|esse|essa)\s+(?:ya|siempre|otra\s+vez|nunca|j[áa]|sempre|"
                             r"de\s+novo|outra\s+vez)\b|"
                             # the other order, the demonstrative standing alone: "otra vez este, …", "di nuovo
                             # questa!", "de novo esse…" (not "otra vez esta semana")
                             r"\b(?:otra\s+vez|de\s+nuevo|outra\s+vez|de\s+novo|di\s+nuovo|ancora)\s+(?:este|esta|"
                             r"ese|esa|esse|essa|questo|questa|quello|quella)(?=\s*(?:[,.!?…;:]|$|[😂🙄🤣🙈🤦🙃😒😤]))",
                             re.I)


# An English order to staff, a bare verb of the trade opening a clause with no subject and nobody spoken to: "check
# which she prefers", "give him the window seat", "escalate to Gary". Alone it is no note (customers are told
# "check the label"); with the customer in the third person it is ("[account says Rach, check which she prefers]").
_EN_ORDER = re.compile(r"(?:^|[,;:(\[]\s*|[-–—→]\s*|\b(?:and|then|so|or|but)\s+)(?:pls\s+|plz\s+|just\s+)?"
                       r"(?:check|ask|confirm|verify|give|offer|book|chase|escalate|refund|waive|flag|seat|upgrade|credit|"
                       r"put|move|tag|log|tell|page|ping|notify|alert)\s+(?!(?:you|your|yours|us|our|out|in|for\s+you)\b)\w",
                       re.I)   # ("… page on-call (Marcus) and tell AM, this client is up for renewal")


def _kinds(unit: str, before: str, whole: str, lang: str, jotted: bool = False) -> set[str]:
    """The kinds of staff evidence in a set-apart passage."""
    kinds = set()
    if _pronoun_for_customer(unit, before, lang) or _THE_ONE.search(unit) or addressee._CUSTOMER_NOUN.search(unit) or \
            addressee._CUSTOMER_SHORT.search(unit) or _POLITE_SUBJECT.search(unit) or _withheld(unit, before, whole, lang) \
            or _THIS_ONE_AGAIN.search(unit):
        kinds.add("third")
    contact = _CONTACT_HER_FIRST.search(unit)
    if contact and not _spoken_to(unit, lang) and not _PERSON_NOUN.search(context := before + " " + unit[
            :contact.start()]) and not _NAME_ACTS.search(context):
        kinds |= {"third", "order"}   # told to get in touch with her first: "(ring her first, she was upset last time)",
        # "(chiamala prima, …)", "(ruf sie vorher an, …)" (nobody else named whom "her" could be)
    if _STAFF_INFINITIVE.search(unit) or _vosotros(unit) or _DONT_TELL.search(unit) or _REPLY_THAT.search(unit) or \
            _ORDER_TO_STAFF.search(unit) or _DONT_PROMISE.search(unit) or _CONSULT.search(unit) or _TELL_ROLE.search(unit) or \
            _CHECK_WITH_ROLE.search(unit) or ("third" in kinds and _EN_ORDER.search(unit) and not _spoken_to(
                unit, "en") and (lang == "en" or _line_language(unit) == "en")):
        kinds.add("order")
    if _SHORT.search(unit):
        kinds.add("shorthand")
    if not kinds and not (_REPEAT_H.search(unit) or _SNEER.search(unit) or _WHINGE.search(unit) or _CANDOUR.search(unit)):
        return kinds   # no kind a note needs (the customer, an order, shorthand, moaning, a repeat): stop here
    if _HEADS.search(unit) or _SHIFT_LABEL.match(unit):
        kinds.add("heads")
    if _STAFF_WORK.search(unit) or _STAFF_WORK_H.search(unit) or _OTHER_WINDOW.search(unit):
        kinds.add("work")
    if _REPEAT_H.search(unit) or _AGAIN_COUNT.search(unit):
        kinds.add("repeat")
    if _SNEER.search(unit) or _WHINGE.search(unit) or ("third" in kinds and (profanity.check(unit) or _WEARY.search(unit))):
        kinds.add("sneer")   # (swearing about the customer: "el cabrón este ya va por la cuarta")
    if jotted and unit[:1].islower() and re.search(r"(?:^|[.!?]\s+)[A-ZÀ-Þ]", whole):
        kinds.add("jotted")   # a line or a sentence jotted in lower case in a reply written in sentences
    if _CANDOUR.search(unit):
        kinds.add("candour")   # "na real vai demorar mais": what the customer is not meant to hear
    if kinds and _other_language(unit, _reply_language(whole, unit), lang):   # alone it is no note: only then worth reading
        kinds.add("language")   # a note typed in another language than the reply's
    return kinds


_INFORMAL_WORDS = {"tu", "tú", "du", "dich", "dir", "jij", "je", "jou", "jouw", "toi", "te", "ti", "teu", "tua", "tuo"}


def _informal_only(unit: str, whole: str, lang: str) -> bool:
    """The unit's "you" is a colleague's: informal ("tu", "du", "jij") in a reply that calls the customer formally,
    or asked to take over staff work."""
    you = [m.group(0).lower() for m in _ANY_YOU.finditer(unit) if m.group(0).lower() not in _NOT_YOU.get(lang, set())]
    if not you:
        return True
    if _OTHER_WINDOW.search(unit) and _STAFF_INFINITIVE.search(unit):
        return True   # "kun jij chat 3 en 5 overnemen?": only a colleague takes over chats
    if not all(w in _INFORMAL_WORDS for w in you):
        return False
    rest = whole.replace(unit, " ")
    return bool(_FORMAL_YOU.search(rest)) and not re.search(
        r"\b(?:tu|t[uú]|du|dich|dir|dein\w*|jij|je|jouw|toi|ton|ta|tes|teu|tua|tuo|tuoi|tus)\b", rest, re.I)


# An informal order to pass something to the writer ("pásame el expediente", "passami la pratica", "envoie-moi le
# dossier", "manda-me o processo", "schick mir die Akte", "stuur me het dossier") in a reply that calls the
# customer formally everywhere else (usted/su/Disculpe, Lei, vous, o senhor/lhe, Sie, u) and never informally: the
# writer is talking to a colleague, typed into the customer's window. English has no such register: not judged.
_GIVE_ME = {lang: re.compile(r"\b(?:" + rx + r")(?!\w)", re.I) for lang, rx in {
    "es": r"p[áa]same(?:lo|la|los|las)?|m[áa]ndame(?:lo|la)?|env[íi]ame(?:lo|la)?|d[íi]me|av[íi]same|"
          r"conf[íi]rmame(?:lo)?|d[áa]me(?:lo|la)?|ll[áa]mame|ay[úu]dame|reenv[íi]ame(?:lo|la)?",
    "it": r"passami(?:lo|la)?|mandami(?:lo|la)?|inviami(?:lo|la)?|dimmi|avvisami|confermami(?:lo)?|girami(?:lo|la)?|"
          r"inoltrami(?:lo|la)?|chiamami|dammi(?:lo|la)?|aiutami",
    "pt": r"passa-me|manda-me|envia-me|diz-me|avisa-me|confirma-me|reencaminha-me|liga-me|d[áa]-me|ajuda-me",
    "fr": r"passe-moi|envoie-moi|dis-moi|pr[ée]viens-moi|confirme-moi|transf[èe]re-moi|file-moi|donne-moi|"
          r"rappelle-moi|aide-moi",
    "de": r"(?:schick|gib|sag|leit|schreib|ruf|hilf)\s+(?:mir|mich)",
    # (the Dutch imperative is the same for "u" and "je": "Lukt het niet, stuur me dan even een screenshot" is said to
    # a customer called "u"; only "stuur jij me" calls someone "jij")
    "nl": r"(?:stuur|geef|zeg|bel|mail|help)\s+(?:jij|je)\s+(?:me|mij)(?!\s+(?:u|uw)\b)"}.items()}
_FORMAL_READER_ANY = {
    "es": re.compile(r"\b(?:usted|ustedes|su|sus|disculpe|perdone|le\s+(?:informo|informamos|comunico|comunicamos|"
                     r"confirmo|confirmamos|recuerdo|recordamos|escribo|escribimos|agradezco|agradecemos))\b", re.I),
    "it": re.compile(r"(?-i:\b(?:Lei|La|Le|Suo|Sua|Suoi|Sue)\b)"),
    "pt": re.compile(r"\b(?:o\s+senhor|a\s+senhora|V\.?\s?Exa?\.?|lhe)\b", re.I),
    "fr": re.compile(r"\b(?:vous|votre|vos)\b", re.I),
    "de": re.compile(r"(?-i:\b(?:Sie|Ihnen|Ihr|Ihre|Ihren|Ihrem|Ihrer|Ihres)\b)"),
    "nl": re.compile(r"\b(?:u|uw)\b", re.I)}
_INFORMAL_READER_ANY = {lang: re.compile(r"\b(?:" + rx + r")\b", re.I) for lang, rx in {
    "es": r"t[úu]|tus|te|contigo|ti", "it": r"ti|tu|tuo|tua|tuoi|tue|te", "pt": r"tu|teu|tua|teus|tuas|te|contigo",
    "fr": r"tu|toi|ton|ta|tes|te", "de": r"du|dich|dir|dein\w*|euch|euer", "nl": r"je|jij|jou|jouw"}.items()}


# An informal order to tell or answer someone in the third person, the customer ("sag ihm, …", "dile que …", "digli
# che …", "dis-lui que …", "zeg hem dat …", "diz-lhe que …"); or an informal "can you / do you know / see if" with the
# customer's possession in the third person ("vê lá se consegues o nº do contrato dela", "¿puedes mirar el pedido de
# ella?"). In a reply that calls the customer formally (Sie, usted, Lei, vous, u, o senhor/lhe), both speak to a
# colleague about the customer. Not English, which has no such register.
_TELL_THEM = {lang: re.compile(r"\b(?:" + rx + r")(?!\w)", re.I) for lang, rx in {
    # (the plural too, to colleagues, where the customer is one person called formally: "Ditele che …", "Decidle
    # que …", "Digam-lhe que …", "Sagt ihr, dass …")
    "de": r"(?-i:(?:[Ss]ag|[Gg]ib|[Ss]chreib|[Ss]chick|[Aa]ntworte|[Ee]rkl[äa]r|[Bb]iete)\s+(?:ihm|ihr)|"
          r"[Rr]uf\s+(?:ihn|sie)\s+an|"
          r"(?:(?<=^)|(?<=[.!?:;]\s))(?:Sagt|Gebt|Schreibt|Schickt|Antwortet|Erkl[äa]rt)\s+(?:ihm|ihr)(?=\s*,|\s+(?:bitte|"
          r"einfach|noch|schon)\b)|(?:(?<=^)|(?<=[.!?:;]\s))Ruft\s+(?:ihn|sie)\s+an)",
    "es": r"d[íi]le|d[ée]jale|ll[áa]mal[aeo]|esc[ríi]bele|m[áa]ndale|p[áa]sale|cont[ée]stale|expl[íi]cale|ofr[ée]cele|"
          r"no\s+le\s+(?:prometas|digas|ofrezcas|des|cobres|devuelvas)|dec[íi]dle|dec[íi]dselo|dejadle|ll[áa]madl[aeo]|"
          r"escr[íi]bidle|mandadle|pasadle|contestadle|explicadle|ofrecedle|"
          r"no\s+le\s+(?:prometáis|prometais|digáis|digais|ofrezcáis|ofrezcais|deis|cobréis|cobreis|devolváis|devolvais)",
    "it": r"digli|dille|scrivigli|scrivile|rispondigli|rispondile|chiamal[oa]|richiamal[oa]|mandagli|offrigli|offrile|"
          r"spiegagli|spiegale|non\s+(?:dirgli|dirle|promettergli|prometterle|dargli|darle)|"
          r"(?:dite|scrivete|rispondete|mandate|offrite|spiegate)(?:gli|le|glielo|gliela)|(?:ri)?chiamatel[oa]|"
          r"non\s+(?:ditegli|ditele|promettetegli|promettetele|dategli|datele)",
    "pt": r"diz-lhe|liga-lhe|manda-lhe|responde-lhe|explica-lhe|oferece-lhe|n[ãa]o\s+lhe\s+(?:prometas|digas|d[êe]s)|"
          r"(?:digam|liguem|mandem|respondam|expliquem|ofere[çc]am)-lhe|n[ãa]o\s+lhe\s+(?:prometam|digam|deem)",
    "fr": r"dis-lui|r[ée]ponds-lui|[ée]cris-lui|propose-lui|envoie-lui|explique-lui|(?:re)?appelle-(?:le|la)|"
          r"ne\s+lui\s+(?:promets|dis|propose|donne)\s+(?:rien|pas)",
    "nl": r"(?:zeg|geef|bel|mail|stuur|vertel|antwoord)\s+(?:hem|haar)(?!\s+(?:u|uw)\b)"}.items()}
# The customer as several people ("Gentili Sig.ri Rossi", "os senhores", "vosotros", "euch"): an order in the plural
# ("ditele", "digam-lhe", "decidle", "sagt ihr") may be said to them, about someone of theirs.
_PLURAL_ORDER = re.compile(r"^(?:(?:dite|scrivete|rispondete|mandate|offrite|spiegate|promettete|date|(?:ri)?chiamate)"
                           r"\w*|non\s+\w+te\w*|\w+[aeií]dl[aeo]|\w+[aeií]dsel[oa]|\w+[ae]m-lhe|n[ãa]o\s+lhe\s+\w+m|"
                           r"no\s+le\s+\w+[ée]?is|(?:Sagt|Gebt|Schreibt|Schickt|Antwortet|Erkl[äa]rt|Ruft)\b.*)$", re.I)
_PLURAL_READER = {lang: re.compile(r"\b(?:" + rx + r")\b", re.I) for lang, rx in {
    "it": r"voi|vostr[oaie]|vi|sig\.?ri|sigg|gentili|cari",
    "es": r"vosotr[oa]s|vuestr[oa]s?|os|ustedes|estimados|queridos|sres|srs",
    "pt": r"voc[êe]s|voss[oa]s?|os\s+senhores|as\s+senhoras|srs|caros|prezados", "de": r"euch|euer|eure\w*"}.items()}
_YOU_ASK = {lang: re.compile(r"\b(?:" + rx + r")(?!\w)", re.I) for lang, rx in {
    "pt": r"consegues|podes|sabes|v[êe]\s+(?:l[áa]|se)|v[êe]s\s+se|olha\s+(?:l[áa]|se)",
    "es": r"puedes|podr[íi]as|sabes|mira\s+(?:a\s+ver|si)|miras",
    "it": r"puoi|potresti|riesci|sai\s+se|guarda\s+(?:se|un\s+po)|vedi\s+se|controlla",
    "fr": r"tu\s+peux|peux-tu|tu\s+pourrais|pourrais-tu|tu\s+sais|regarde\s+si|vois\s+si",
    "de": r"kannst\s+du|k[öo]nntest\s+du|wei(?:ß|ss)t\s+du|schau\s+(?:mal|bitte)|guck\s+(?:mal|bitte)",
    "nl": r"kun\s+(?:je|jij)|kan\s+(?:je|jij)|weet\s+(?:je|jij)|kijk\s+(?:even|eens)"}.items()}
# (or where the customer is, by a pronoun after a preposition: "ob der Port bei dem schon durch ist", "chez lui", "da
# lei", "bij die"; German and Dutch demonstratives only before an adverb or the clause's end, where no noun follows)
_THEIR = {lang: re.compile(r"\b(?:" + rx + r")\b", re.I) for lang, rx in {
    "pt": r"dela|dele|(?:com|para|a)\s+(?:ele|ela)",
    "es": r"(?:de|a|con|para)\s+(?:ella|[ée]l)(?=\s|[,.;:!?]|$)",
    "it": r"(?-i:(?:di|a|da|con|per)\s+(?:lui|lei))",
    "fr": r"d['’]elle|(?:de|chez|pour|avec|à)\s+(?:lui|elle)",
    "de": r"(?-i:(?:von|bei|mit|f[üu]r)\s+(?:ihm|ihr)|ihm|(?:von|bei|mit|f[üu]r)\s+(?:dem|der|den)(?=\s*(?:[?!.,;]|$)|"
          r"\s+(?:schon|noch|auch|nicht|nichts|immer|wieder|jetzt|bereits|eigentlich|ja|doch|mal|denn|echt|wirklich|"
          r"gerade|wohl)\b))",
    "nl": r"(?:van|bij|voor|met)\s+(?:hem|haar)|(?:van|bij|voor|met)\s+die(?=\s*(?:[?!.,;]|$)|\s+(?:al|nog|ook|niet|"
          r"wel|echt|toch|eigenlijk|nu)\b)"}.items()}


def _register_switch(ln, lines, lang: str):
    """A line that orders someone informally to pass the writer something, or to tell the customer (in the third
    person) something, or asks in the informal about the customer's things, in a reply formal to the customer."""
    rx = _GIVE_ME.get(lang)
    m = rx.search(ln.prose) if rx else None
    if m and lang == "nl" and _FORMAL_READER_ANY[lang].search(ln.prose[:m.start()] + " " + ln.prose[m.end():]):
        m = None   # a Dutch imperative is the same for "u": "Ziet u … nog staan? Stuur mij dan een bericht via de app"
    if not m and lang in _TELL_THEM:
        m = _TELL_THEM[lang].search(ln.prose)
        ask = _YOU_ASK[lang].search(ln.prose) if not m else None
        if ask and _THEIR[lang].search(ln.prose[ask.end():]):
            m = ask
        # ("sagen Sie ihm", "Dígale a su hijo …" are said to the customer; the order's own "lhe" is not)
        said = ln.prose[:m.start()] + " " + ln.prose[m.end():] if m else ""
        if m and (_FORMAL_READER_ANY[lang].search(said) or _TO_CUSTOMER_CS.search(said)):
            m = None
    if not m:
        return None
    rest = " ".join(o.prose for o in lines if o.kind == OWN and o.no != ln.no and not o.signature)
    # (or greets them by their title: "Gentile Sig.ra Ferri, la ringraziamo …", "Cara Sra. Neves, … o seu contacto")
    if (_FORMAL_READER_ANY[lang].search(rest) or _POLITE_TITLE.search(rest)) and \
            not _INFORMAL_READER_ANY[lang].search(rest) and not (
                lang in _PLURAL_READER and _PLURAL_READER[lang].search(rest) and _PLURAL_ORDER.match(m.group(0))):
        return (_STAFF, m.group(0), None)
    return None


# A line that opens with a colleague's name, no comma, and asks them something in the informal: "Karim tu peux …",
# "Sanne kun jij …", "Giulia ricordati di …", "João vê se consegues …", "Jens kannst du …", "Tom can u …".
_NAME_ASKS = re.compile(
    r"^@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s+(?:can\s+(?:you|u)|could\s+(?:you|u)|pls|plz|tu\s+peux|peux[- ]tu|tu\s+pourrais|"
    r"pourrais[- ]tu|n'oublie\s+pas|pense\s+[àa]|puedes|podr[ií]as|acu[ée]rdate|no\s+te\s+olvides|porfa|xfa|puoi|"
    r"potresti|riesci|riusciresti|ricordati|mi\s+confermi|kun\s+jij|kan\s+jij|wil\s+jij|vergeet\s+niet|kannst\s+du|k[öo]nntest\s+du|"
    r"denk\s+dran|vergiss\s+nicht|podes|consegues|v[êe]\s+se|lembra-te|n[ãa]o\s+te\s+esque[çc]as|"
    # or asked what they know: "Simo mi dici tu se …", "Nuria sabes si …", "Jens weißt du, ob …"
    r"mi\s+dici|dimmi|sai\s+se|me\s+dices|d[íi]me|sabes\s+si|dis-moi|sais-tu|tu\s+sais\s+si|me\s+dizes|diz-me|"
    r"sabes\s+se|sag\s+mir|wei(?:ß|ss)t\s+du|weet\s+jij|zeg\s+jij|"
    # or asked in the informal present to hand the writer something: "Davide mi passi il codice?", "Nuria me pasas
    # el parte?", "Karim tu me passes le dossier ?", "Jens schickst du mir …", "Sanne stuur jij me …", "Rui passas-me …"
    r"mi\s+(?:passi|mandi|giri|inoltri|dai)|me\s+(?:pasas|mandas|env[íi]as|das|reenv[íi]as)|"
    r"tu\s+(?:me\s+(?:passes|donnes|transf[èe]res|files)|m['’]envoies)|(?:gibst|schickst|leitest)\s+du\s+mir|"
    r"(?:geef|stuur|mail)\s+(?:jij|je)\s+(?:me|mij)|(?:passas|mandas|envias|d[áa]s)-me|"
    # or handed the chat or a task, the writer leaving it to them: "Sophie je te laisse finir avec elle", "Manon je
    # te laisse valider le geste", "Luca te la lascio", "Pablo te lo dejo", "Jens ich überlasse dir …"
    r"je\s+te\s+(?:laisse|passe|la\s+laisse|le\s+laisse|la\s+passe|le\s+passe)|te\s+l[aoe]s?\s+(?:lascio|dejo|paso)|"
    r"ti\s+lascio|deixo-te|deixo\s+contigo|ich\s+(?:überlasse|übergebe)\s+dir|ik\s+laat\s+\w+\s+aan\s+jou)\b")
# A colleague named and given an order in the informal imperative, with no comma: "(Giada metti in agenda il
# richiamo)", "Sanne zet het in de agenda", "Jens trag den Rückruf ein". Only forms that are no statement about
# the person named ("Giada segna" may be "Giada notes"; "metti" is only ever an order).
_NAME_ORDERS = re.compile(
    r"^@?([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s+(?:metti(?:lo|la|gli)?|mettimi|fammi|mandagli|mandale|chiamal[oa]|richiamal[oa]|"
    r"pensaci\s+tu|ponl[oa]|ap[úu]ntal[oa]|ap[úu]ntate|ll[áa]mal[oe]|ll[áa]mala|encárgate|encargate|mets(?:-le|-la)?|"
    r"appelle-(?:le|la)|rappelle-(?:le|la)|occupe-toi|trag|ruf|schick|k[üu]mmer\s+dich|zet|stuur|regel|"
    r"p[õo]e|liga-lhe|trata\s+(?:tu|disso))\s+\S")
_NOT_A_VOCATIVE = {"mira", "oye", "bueno", "vale", "ecco", "senti", "guarda", "kijk", "schau", "ecoute", "regarde", "olha",
                   "veja", "look", "listen", "well", "ok", "so", "also", "hola", "ciao", "hallo", "hoi", "hi", "hey"}


# The writer speaking to the customer in a line: "I've checked", "ich habe", "yo", "thanks for waiting".
_I = re.compile(r"(?-i:\bI(?:'m|'ve|'ll|'d)?\b)|\b(?i:ich|yo|io|ik|eu)\b")
_THANKS = re.compile(r"\b(?:thanks|thank\s+you|sorry|gracias|grazie|merci|danke|bedankt|obrigad[oa]|desculp\w*|perdon\w*|"
                     r"scusa\w*|d[ée]sol[ée]e?|entschuldig\w*)\b", re.I)


# An order in the informal with its emphatic "tu", then the colleague's name: "vê tu Sofia que …", "mira tú Nuria si …",
# "guarda tu Marco", "regarde toi Karim" (in a reply that never says "tu" to the customer). Not in German, whose nouns
# are capitals ("wenn du Fragen hast"), nor Spanish "tu" without its accent ("activa tu Tarjeta Oro").
_TU_THEN_NAME = re.compile(r"\b(?-i:[a-zà-ÿ]{2,})\s+(tu|tú|toi)\s+(?-i:([A-ZÀ-Þ][a-zà-ÿ]{1,15}))\b"
                           r"(?!\s+(?-i:[A-ZÀ-Þ]))", re.I)


# The customer's title, as a formal reply calls them: "Sra. Neves", "Gentile Sig.ra", "Madame", "Estimado Sr.".
_POLITE_TITLE = re.compile(r"\b(?:Sr|Sra|Srta|Sig|Sigg|Dott|Mme|Mlle|Monsieur|Madame|Signor[ae]?|Senhor[a]?|Señor[a]?|"
                           r"Dona|Do[ñn]a)\b")


def _greets_customer(whole: str, names: set[str]) -> bool:
    """The reply greets the customer by their own name ("Buongiorno Davide, …")."""
    own = {n for n in names if len(n) >= 3}
    return any((g := addressee._GREETING.match(line)) and own & set(re.findall(r"[^\W\d_]+", fold(line[g.end():][:40])))
               for line in whole.splitlines())


def _note_by_structure(unit: str, names: set[str], whole: str, lang: str, aside: bool, jotted: bool = False):
    """A set-apart passage (an aside, or a line of its own) that is a note by its structure: addressed to a
    colleague by name or role, an order about the reply's own text, or two kinds of staff evidence and nobody
    spoken to."""
    text = unit.strip(" -–—*>")
    if not aside and (len(text.split()) < 4 or not _NAME_ASKS.match(text) and not _informal_only(text, whole, lang)
                      or addressee._FOOTER.search(text)):
        return None   # a line too short, saying "you" to the customer, or a footer (quicker to tell first)
    if not _spoken_to(text, lang) and _OWN_TEXT_HINT.search(text) and _OWN_TEXT.search(fold(text)):
        return _DRAFT
    m = _CONSULT.search(text) if aside else None   # on a line: "Para dudas, preguntar a Marta en recepción"
    if m:
        who = next(g for g in m.groups() if g)
        if _is_colleague(who, names, lang) and not _introduced(who, whole) and not _spoken_to(text[:m.start()], lang):
            return _DRAFT   # "chiedere a Davide se …", "rever c/ o Nuno", "check w/ Tom"
    m = _VOCATIVE_BARE.match(text) if aside else None
    if m and _is_colleague(m.group(1), names, lang) and not _introduced(m.group(1), whole) and not _LINKING.match(m.group(1)) \
            and (_CAN_YOU.match(m.group(2)) or (_PLEASE_ANY.search(m.group(2)) and not _TO_CUSTOMER.search(m.group(2)))
                 or (_VERB_THEN_TU.match(m.group(2)) and fold(m.group(1)) not in _NOT_A_VOCATIVE
                     and not _POSSESSIVE.search(m.group(2)))):
        return _STAFF   # "(Kev can u confirm …)", "(Raúl esto déjalo en el traspaso xfa)", "(Giulia rispondi tu …)"
    m = _NAME_LEAD.match(text)
    if m and _is_colleague(m.group(1), names, lang) and not _introduced(m.group(1), whole) and not _LINKING.match(m.group(1)) \
            and not _APPOSITION.match(m.group(2)) and _emphatic_tu(m.group(2), lang) and not _POSSESSIVE.search(
            m.group(2)) and (aside or _informal_only(m.group(2), whole, lang)):
        return _STAFF   # "(Fra, controlla tu sul gestionale …)", "Marta, mira tú si …"
    if m and _is_colleague(m.group(1), names, lang) and not _introduced(m.group(1), whole) and not _LINKING.match(m.group(1)) \
            and not _APPOSITION.match(m.group(2)) and (_DONT_TELL.search(m.group(2)) or _STAFF_INFINITIVE.search(
            m.group(2))) and not _spoken_to(m.group(2), lang):
        return _STAFF   # "(Luca: non dirle ancora niente dello sconto)", "Pepe — no confirmar la hora"
    # (in an aside too: "[Marco ricordati di metterlo da parte in frigo]", "(Sanne kun jij de bezorger bellen?)")
    m = _NAME_ASKS.match(text)
    if m and _is_colleague(m.group(1), names, lang) and not _introduced(m.group(1), whole) and not _LINKING.match(m.group(1)) \
            and fold(m.group(1)) not in _NOT_A_VOCATIVE and (_informal_only(text[m.end(1):], whole, lang) or
                                                             not _spoken_to(text[m.end():], lang) or
                                                             (aside and _greets_customer(whole, names)) or (
                _EMPHATIC_TU.match(text[m.end():].lstrip()) and _greets_customer(whole, names) and lang in
                _INFORMAL_READER_ANY and not _INFORMAL_READER_ANY[lang].search(whole.replace(unit, " ")))):
        # "Karim tu peux vérifier l'adresse stp ?", "Sanne kun jij de bezorger even bellen?"; in a reply that greets
        # the customer by their own name, an aside that asks another name turns to someone else: "Ciao Giulia, …
        # (Marco puoi controllare tu se …?)", and so does an emphatic "tu" in a reply that never says "tu" to them:
        # "Simo mi dici tu se …?" (not "Luego me dices tú si prefieres …" in a reply that says "tú" throughout)
        return _STAFF
    shift = _SHIFT_LABEL.match(text)
    if shift and not _spoken_to(shift.group(1), lang) and not addressee._WE.search(shift.group(1)) and (
            _kinds(shift.group(1), "", whole, lang) & {"third", "order"} or _ABOUT_CUSTOMER.search(shift.group(1)) or
            re.search(r"(?-i:\b(?:sie|er|ihm)\b)", shift.group(1))):
        return _STAFF   # "Turno noche: si vuelve a escribir pasádselo a Marta"
    if not _informal_only(text, whole, lang):
        return None
    if not aside and addressee._WE.search(text):
        return None   # "The lady at our Leeds branch said she had called the depot 3 times": the company speaking
    if not aside and (_I.search(text) or (lang == "fr" and re.search(r"\bj(?:e\b|')", text, re.I)) or _THANKS.search(text)):
        return None   # "thanks for waiting, I've checked and he'll be there by 2pm tmrw": the writer to the customer
    before = whole[:whole.find(unit)] if unit in whole else ""
    kinds = _kinds(text, before, whole, lang, jotted)
    if aside and len({w.lower() for w in _SHORT.findall(text)}) >= 2 and _infinitive_orders(text, lang) >= 1:
        kinds.add("order")   # "(ver c/ estoque se saiu msm hj, …)": an order in the infinitive, jotted in chat shorthand
    # Two kinds, one saying whom it is about or telling someone what to do, one marking it as jotted for staff:
    # "(no confirmar hora hasta q llame …)", "ff lunchen, kun jij chat 3 en 5 overnemen? die van 5 zeurt …"; an
    # aside is set apart already, and staff work or a repeat marks it enough ("(she's had 2 freezes, policy says 1)").
    marks = {"shorthand", "heads", "language", "order", "candour", "jotted"} | ({"work", "repeat", "sneer"} if aside else set())
    if "candour" in kinds and "sneer" not in kinds:
        kinds.discard("candour")   # "na real o prazo é de 5 dias, mas costuma chegar antes 😊" is candour to the customer
    if "language" in kinds and not kinds & {"third", "order", "candour", "shorthand", "sneer", "repeat"}:
        return None   # "Nota: el envío es gratis desde 50 €" in an English reply: a notice in two languages
    if len(kinds) >= 2 and kinds & {"third", "order", "language", "candour"} and kinds & marks:
        return _REMARK if "third" in kinds else _STAFF
    return None


# --- Below the sign-off (round at): what follows "Kind regards, Tom" or a "--" line is signature, footer or a P.S.;
# a line there that speaks of the customer in the third person, orders ticket handling, reminds the writer in the
# infinitive, or turns to a colleague by name with a question about the case, was left for staff.
_TICKET_ORDER = re.compile(
    r"\b(?:re-?assign|escalate\s+(?:to|it|this)|(?:close|closing|merge|reopen|transfer|assign)\s+(?:the\s+|this\s+)?"
    r"(?:ticket|case)|(?:chiudere|chiudi|riassegnare|riassegna|scalare|passare)\s+(?:il\s+|questo\s+)?ticket|"
    r"(?:fechar|encerrar|reatribuir|escalar|passar)\s+(?:o\s+|este\s+)?ticket|"
    r"(?:cerrar|reasignar|escalar|pasar)\s+(?:el\s+|este\s+)?ticket|"
    r"(?:fermer|cl[ôo]turer|r[ée]affecter|escalader|transf[ée]rer)\s+(?:le\s+|ce\s+)?ticket|"
    r"ticket\s+(?:schlie(?:ß|ss)en|zumachen|weiterleiten|eskalieren|neu\s+zuweisen)|"
    r"ticket\s+(?:sluiten|afsluiten|doorzetten|escaleren|toewijzen))\b", re.I)
_SELF_REMINDER = re.compile(
    r"\b(?:n[ãa]o\s+esquecer(?:\s+de)?|nicht\s+vergessen|ne\s+pas\s+oublier|no\s+olvidar(?:se)?(?:\s+de)?|"
    r"non\s+dimenticare|niet\s+vergeten)\b", re.I)
# The company's own bookkeeping on the customer's account, in a note's infinitive, which no customer is told to do:
# "Gutschrift in SAP buchen", "Mahnstopp setzen", "0412 crediteren", "book the credit note", "passer l'avoir",
# "registrar el abono", "emettere la nota di credito", "lançar o crédito".
_BOOKKEEPING = re.compile(
    r"\b(?:gutschrift|storno|mahnstopp|mahnsperre|r[üu]cklastschrift)\s+(?:\S+\s+){0,4}?(?:buchen|erfassen|anlegen|"
    r"eintragen|setzen|einbuchen|ausl[öo]sen)\b|\bmahn(?:stopp|sperre)\s+(?:\S+\s+){0,2}?(?:setzen|rein|drin|eintragen)\b|"
    r"\b(?:factuur|nota|\d{3,})\s+(?:\S+\s+){0,3}?(?:crediteren|storneren|terugboeken)\b|"
    r"\b(?:creditnota|credit\s+nota)\s+(?:\S+\s+){0,3}?(?:maken|aanmaken|boeken)\b|"
    r"(?:^|[:,;]\s*)(?:book|raise|issue|post|log)\s+(?:the\s+)?(?:credit(?:\s+note)?|cn)\b|"
    r"\b(?:passer|saisir|[ée]mettre|faire)\s+(?:l['’]|un\s+)avoir\b|"
    r"\b(?:registrar|emitir|hacer|meter)\s+(?:el\s+|un\s+)?abono\b|"
    r"\b(?:emettere|registrare|fare)\s+(?:la\s+|una\s+)?nota\s+di\s+credito\b|"
    r"\b(?:lan[çc]ar|emitir|registar|registrar)\s+(?:o\s+|a\s+|uma\s+|um\s+)?(?:cr[ée]dito|nota\s+de\s+cr[ée]dito)\b",
    re.I)
# A reminder's label heading a line: "Nicht vergessen:", "vergeet niet:", "don't forget:", "ne pas oublier :".
_REMINDER_HEAD = re.compile(
    r"^\W*(?:nicht\s+vergessen|vergeet\s+niet|niet\s+vergeten|don'?t\s+forget|remember|reminder|ne\s+pas\s+oublier|"
    r"n'oublie\s+pas|no\s+olvidar|no\s+te\s+olvides|non\s+dimenticare|ricordati|n[ãa]o\s+esquecer|n[ãa]o\s+te\s+esque[çc]as|"
    r"erinnerung|rappel|recordatorio|promemoria|herinnering|lembrete)\s*[:!\-–—]\s*(.+)$", re.I)
_CUSTOMER_PRONOUN_EN = re.compile(r"(?<![/\w])(?:she|he)(?:'s|'ll|'d)?\s+(?![/\w]*/)[a-z]|(?<![/\w])(?:her|him)\b(?!\s*/)")
# The customer named by a noun, in lower case (not "Apoio ao Cliente", "Atención al cliente": a department).
_THE_CUSTOMER = re.compile(
    r"\b(?:(?:the|this|that)\s+(?-i:customer|client)|(?:der|dieser?)\s+(?-i:[Kk]unde)|(?:die|diese)\s+(?-i:[Kk]undin)|"
    r"(?:le|ce)\s+(?-i:client)|(?:la|cette)\s+(?-i:cliente)|(?:el|este)\s+(?-i:cliente)|(?:la|esta)\s+(?-i:clienta)|"
    r"(?:il|questo|la|questa)\s+(?-i:cliente)|(?:de|deze)\s+(?-i:klant)|(?:o|a|esse|essa|este|esta)\s+(?-i:cliente))\b"
    r"(?!\s+(?:service|care|support|portal|area|account|number|id|ref|reference|feedback|satisfaction|survey|"
    r"experience|team|services|relations|charter|hub|journey|base|success|desk|money|contract|agreement)\b)", re.I)
_NOUN_AFTER = {"al", "ao", "do", "da", "de", "du", "au", "to", "for", "of", "our", "dem", "den", "zum", "der", "del", "à",
               "a", "di", "van", "voor", "aan", "com", "con", "with", "mit", "avec", "met", "per", "par", "para", "pour"}


def _the_customer(seg: str):
    """The customer named by a lower-case noun, not after a preposition ("Atención al cliente")."""
    for m in _THE_CUSTOMER.finditer(seg):
        prev = re.findall(r"[\wà-ÿ]+", seg[:m.start()].lower())
        if not prev or prev[-1] not in _NOUN_AFTER:
            return m
    return None


_LEGALISH = re.compile(r"\b(?:entitled|shall|liable|terms|conditions|rights?|statutory|withdraw\w*|gdpr|data|law|"
                       r"pronouns?|berechtigt|haftet|widerruf\w*|recht\w*|bedingungen|datenschutz|droits?|donn[ée]es|"
                       r"derechos?|datos|condiciones|diritt[oi]|dati|condizioni|voorwaarden|gegevens|direitos?|"
                       r"dados|condi[çc][õo]es|cgv|agb)\b", re.I)
_CASE_QUESTION = re.compile(
    r"^@?([A-ZÀ-Þa-zà-ÿ][a-zà-ÿ]{1,15})\s*(?::|\s[-–—])\s*(?:did|have|has|should|was|were|hast|hat|haben|as-tu|"
    r"a-t-on|avons-nous|as|hemos|has|hai|abbiamo|heb|hebben|tens|temos)\b[^?\n]{3,120}\?", re.I)
# Headings of a footer's questions and answers, not a colleague: "Questions: have …?", "Returns - has …?"
_HEADING_WORDS = {"questions", "question", "support", "help", "delivery", "returns", "refunds", "faq", "faqs", "note",
                  "update", "hours", "info", "tip", "reminder", "fragen", "hilfe", "aide", "ayuda", "aiuto", "hulp",
                  "ajuda", "duvidas", "dudas", "domande", "vragen"}
_SIGH = re.compile(
    r"(?:^|[.!?,;]\s*)(?:ugh+|sigh|argh+|pf+|uf+|jeez|ffs|omg|bof|oh\s+l[àa]\s+l[àa]|madre\s+m[íi]a|mamma\s+mia|"
    r"mamma\s+mia|jeetje|pfui|meu\s+deus|aff|affe|nossa)[\s,.!…]+(?:this|that|diese[rs]?|ce(?:tte)?|est[ea]|ess[ea]|"
    r"quest[oa]|deze|"
    # or the same customer once more: "pfff weer die klant van gisteren", "ugh, that customer again"
    r"(?:again|weer|alweer|(?:schon\s+)?wieder|encore|otra\s+vez|di\s+nuovo|de\s+novo)\s+(?:the|that|die|der|de|"
    r"le|la|ce(?:tte)?|el|la|ese|esa|il|quel(?:la)?|o|a|aquele|aquela))\s+"
    r"(?:customer|client|cliente|clienta|\w*kunde|\w*kundin|\w*klant|guy|lady|woman|man|one|tipo|tipa|"
    r"mec|nana|vent|gast|type)\b(?!\s+(?:service|care|support|portal|area|account|number|id|ref|reference|feedback|"
    r"satisfaction|survey|experience|team|services|relations|hub|journey|base|success|desk|app|site|website|page|"
    r"system|line|form)\b)", re.I)


# (or closing it: "belt al 3x vandaag, let op", "3 appels ce matin, attention")
_HEADS_LAST = re.compile(r"[,;—–]\s*(?:ojo|occhio|attenzione|aten[cç][aã]o|cuidado|let\s+op|achtung|vorsicht|attention|"
                         r"careful|heads[- ]up)\W*$", re.I)


def _counted_remark(tail: str, lang: str) -> bool:
    """A tail below or after the sign-off that counts the customer's contacts ("4th 'arrived damaged' claim since
    October", "5 llamadas hoy", "si è già lamentato 2 volte") and says something more only staff say: an order, a
    heads-up, the customer by a noun, a sneer ("… but flag next time", "si vuelve a llamar pásamela", "trattare con i
    guanti"). Nobody spoken to, no "we" (a footer's "we answer 9 e-mails in 10 within a day")."""
    if not (_REPEAT.search(tail) or _REPEAT_H.search(tail) or _AGAIN_COUNT.search(tail)) or _spoken_to(tail, lang) or \
            _TO_CUSTOMER_CS.search(tail) or addressee._WE.search(tail) or addressee._FOOTER.search(tail) or \
            _LEGALISH.search(tail):
        return False
    give = _GIVE_ME.get(lang)
    return bool(_HEADS.search(tail) or _HEADS_LAST.search(tail) or _STAFF_INFINITIVE.search(tail) or _ORDER.search(tail)
                or _SNEER.search(tail) or _WHINGE.search(tail) or _THIRD_NOUN.search(tail) or (give and give.search(tail))
                or (_EN_ORDER.search(tail) if lang == "en" else _infinitive_orders(tail, lang) >= 1))


def _after_sign_off(lines, lang: str, names: set[str]):
    """{line number: hit} for the notes below the reply's sign-off (or "--" line; without either, in the last
    paragraph of a reply of several). Every line there is cut at " - " so a footer's tail is read on its own."""
    own = [ln for ln in lines if ln.kind == OWN]
    closing = max((i for i, ln in enumerate(own) if addressee._CLOSING.match(ln.prose)), default=None)
    sig = min((i - 1 for i, ln in enumerate(own) if ln.signature), default=None)
    close = min((i for i in (closing, sig) if i is not None), default=None)
    out = {}
    last = next((ln for ln in reversed(own) if ln.prose.strip()), None)
    after = re.split(r"\s[—–]\s", last.prose, maxsplit=1) if last is not None else []
    if last is not None and len(after) == 2 and _counted_remark(after[1], lang):
        # a text's sign-off, then a dash and the note: "… Un saludo, Irene — ojo que es pesadísima, 5 llamadas hoy, …"
        out[last.no] = (_STAFF, after[1].strip(), None)
    if close is None:
        blanks = [i for i, ln in enumerate(own) if not ln.prose.strip()]
        if not blanks or blanks[-1] < 2:
            return out
        close = blanks[-1]
    tail = [ln for ln in own[close + 1:] if ln.prose.strip()]
    for ln in tail:
        if _counted_remark(ln.prose, lang):
            out[ln.no] = (_STAFF, ln.prose.strip(), None)
    before = " ".join(ln.prose for ln in own[:close + 1])
    whole = "\n".join(ln.prose for ln in lines)
    for ln in tail:
        if ln.no in out:
            continue
        q = _CASE_QUESTION.match(ln.prose.strip())
        if q and _is_colleague(q.group(1), names, lang) and fold(q.group(1)) not in _NOT_A_VOCATIVE | _HEADING_WORDS and \
                not addressee._FOOTER.search(ln.prose) and not _LEGALISH.search(ln.prose) and (
                not _spoken_to(ln.prose, lang) or lang != "en" and _informal_only(ln.prose, whole, lang)):
            out[ln.no] = (_STAFF, ln.prose.strip(), None)   # "Anna: did we ever get the photos?"
            continue
        for seg in re.split(r"\s[-–—]\s", ln.prose):
            seg = seg.strip()
            counted = re.sub(r"\b\d+\s*(?:x|times|mal|fois|veces|volte|keer|vezes)\b", "N times", seg, flags=re.I)
            if len(seg.split()) < 3 or addressee._FOOTER.search(counted) or _LEGALISH.search(seg) or \
                    _spoken_to(seg.replace(" tu ", " ") if _TICKET_ORDER.search(seg) else seg, lang):
                continue
            order = _TICKET_ORDER.search(seg)
            if order and re.search(r"\b(?:to|per|para|pour|um|om|zum|how|come|comment|como|cómo|hoe|wie)\s+$",
                                   seg[:order.start()], re.I):
                order = None   # "Per chiudere il ticket basta rispondere …": how the customer does it
            # the customer in the third person, with staff evidence besides (a count, staff work, an order …):
            # not a slogan ("Acme - where the customer always comes first")
            m = order or _SELF_REMINDER.search(seg) or _DONT_TELL.search(seg) or _BOOKKEEPING.search(seg) or (
                not addressee._WE.search(seg) and (
                    _the_customer(seg) or (_CUSTOMER_PRONOUN_EN.search(seg) and _pronoun_for_customer(seg, before, "en")))
                    and _kinds(seg, before, whole, lang) - {"third"})
            if m:
                out[ln.no] = (_STAFF, ln.prose.strip(), None)
                break
    return out


# Round cj/cl: a note's "internal" label run into a line, not only at its head: after a sentence's end, a link, an
# opening bracket or a dash, with the note after it ("… zugestellt. INTERN Dispo: Tour 14 überlastet …", "… verstuurd.
# Interne notitie: klant belt elke week …", "[uso interno: 2° tentativo fallito …]", "[INTERNE - MAJ horaires …]",
# "Obs. interna: cliente pediu estorno 3x …", "MSG INTERNE: salle 2 fermée …"), a "#intern" tag or a "/interno"
# command before the note, an "###INTERN###" banner. Not a label that speaks to the customer, nor a reference or a
# kind ("Interne Referenz: 4711", "Ihre interne Kundennummer: …", "Intern: kostenlos" beside "Extern: 1 €").
_INTERN_WORD = r"(?:internal|interner|internes|internen|interne|intern|interno|interna)"
_INTERN_NOUN = (r"(?:notes?|notiz|hinweis|vermerk|notitie|opmerking|memo|m[ée]mo|msg|message|messaggio|mensaje|mensagem|"
                r"bericht|nachricht|nota|obs\.?|observa[cç][aã]o|observaci[oó]n|rif\.|riferimento|ref\.|comments?|"
                r"commentaire|comentario|coment[aá]rio|commento|kommentar|use|uso|usage|gebruik|info|remarque|anmerkung)")
_RUN_IN_INTERN = re.compile(
    rf"(?<![\w.])((?:{_INTERN_NOUN}\s+{_INTERN_WORD}|{_INTERN_WORD}(?:\s+{_INTERN_NOUN})?|(?:agent|staff|admin)\s+"
    r"(?:notes?|comments?))"
    r"(?:(?<=(?-i:INTERN))\s+(?-i:[A-ZÄÖÜ][a-zäöüß]+))?)"
    r"\s*(?:[:\]]|\s[-–—]|#{2,})\s*(\S.*)", re.I)
_TAGGED_INTERN = re.compile(rf"(?<!\S)((?:#|/){_INTERN_WORD})\s+(\S.*)", re.I)
# Round dc: any label at a line's head with "internal" among its words, in brackets maybe ("Klantbeoordeling (intern):
# 2/5 – twijfelt over alles", "Valoración interna: duda de todo", "Interne Bewertung: …", ">>> interno: ela é MEI,
# não cobrar …"); not a reference, a number, a measure or a price told to the customer ("Interne Referenz: 4711",
# "Internal dimensions: 40 x 30 cm, fits a laptop").
_INTERN_HEAD = re.compile(rf"^\s*(?:>+\s*)?[\[(]?\s*((?:[^\W\d_][\w.'’-]*\s+){{0,4}}?\(?(?:uso\s+)?{_INTERN_WORD}\)?"
                          r"(?:\s+[^\W\d_][\w.'’-]*)?)\s*:\s*(\S.*)", re.I)
# (the label's other word is a judgement or a status, a compound's end maybe: "Klantbeoordeling"; not "Internal doors:
# 3 to be fitted, oak finish", a part of the job, nor "Stationnement (interne) : …", a place)
_ASSESS_LABEL = re.compile(
    r"(?:rating|evaluation|assessment|feedback|status|priority|score|remarks?|comments?|"
    r"beoordeling|waardering|bewertung|einsch[äa]tzung|einstufung|[ée]valuation|appr[ée]ciation|valoraci[óo]n|"
    r"evaluaci[óo]n|valutazione|avalia[çc][ãa]o|classifica[çc][ãa]o|classificazione|clasificaci[óo]n|prioridad|"
    r"priorit[àa]|prioriteit|priorit[äa]t|prioridade|estado|stato|estatuto|"
    # … or a summary or a note of a call ("Gesprekssamenvatting (intern): klant boos, dreigt met …", "Call summary
    # (internal): …", "Gesprächsnotiz (intern): …", "Resumen de la llamada (interno): …")
    r"summary|samenvatting|zusammenfassung|r[ée]sum[ée]|resumen|riepilogo|resumo|sintesi|s[íi]ntese|notes?|notiz|"
    r"notitie|nota|notas|memo|verslag|protokoll|compte[- ]rendu|call|gespr[äa]ch|gesprek|appel|llamada|chiamata|"
    r"chamada|liga[çc][ãa]o|telefonat)\w*\b", re.I)
_REFERENCE_LABEL = re.compile(
    r"\b(?:ref\w*|rif\w*|r[ée]f[ée]rence|referencia|riferimento|referentie|refer[êe]ncia|number|nummer|num[ée]ro|"
    r"n[úu]mero|nr|no|code|c[óo]digo|codice|id|kunden\w*|dimensions?|ma(?:ß|ss)e|afmeting\w*|medidas|misure|size|taille|"
    r"tama[ñn]o|dimensioni|diameter|durchmesser|diam[eè]tre|length|l[äa]nge|width|breite|height|h[öo]he|measures?|"
    r"costs?|costo|price|prix|precio|prezzo|prijs|pre[çc]o|tarif\w*|extension|durchwahl|toestel|ramal|phone|telefon\w*|"
    r"tel|memory|storage|speicher|m[ée]moire|memoria|geheugen|mem[óo]ria|battery|akku|batterie|bater[ií]a|batterij|"
    r"temperature|temperatur|temp[ée]rature|temperatura|diameter|capacity|kapazit[äa]t|capacit[ée]|capacidad|capacit[àa]|"
    r"capaciteit|capacidade|use|uso|usage|gebruik|only|solo|nur|seulement|alleen|apenas)\b", re.I)
# (a code or a figure after the label is a reference given to the customer)
_NOTE_WORDS = re.compile(r"[^\W\d_]{2,}")


def _run_in_intern(line: str, whole: str, lang: str):
    for rx in (_RUN_IN_INTERN, _TAGGED_INTERN):
        for m in rx.finditer(line):
            label, rest, before = m.group(1), m.group(2), line[:m.start(1)].rstrip()
            opened = before[-1:] or "^"
            # where a note's label opens: the line's head (after a chat's speaker), a sentence's end, a bracket, a
            # dash, a banner; anywhere in capitals ("… pfx.de/s/Kq81 INTERN Dispo: …")
            if not (rx is _TAGGED_INTERN or not before or opened in ".!?…[({<*|#-–—" or ((sp := _SPEAKER.match(line)) and sp.end() >= len(before))
                    or label.split()[0].isupper()):
                continue
            if re.match(r"(?i)(?:rif|ref)\.", label) and opened not in "[(":
                continue   # "Rif. interno: pratica 4471 del 12 marzo": a reference told to the customer
            # (the note runs up to a sentence that turns to the customer again: "… Agent note: charge the £25 fee
            # this time, she talked her way out of it last visit. See you soon!")
            kept = []
            for sentence in _sentences(rest):
                if _spoken_to(sentence, lang) or _TO_CUSTOMER_CS.search(sentence):
                    break
                kept.append(sentence)
            note = " ".join(kept)
            if len(_NOTE_WORDS.findall(note)) < 3:
                continue
            if _KIND_ROW.match(label + ":") and _CONTRAST_ROW.search(whole or line):
                continue
            start, end = m.start(1), (m.start(2) + len(note) if note != rest else len(line))
            if opened in "[(":
                start = len(before) - 1
                close = _closing(line, start)
                end = close + 1 if close > start else end
            return _LABEL, line[start:end].strip(), (start, end)
    # (an internal reference is the customer's to quote, unless what follows speaks of them: "Interne ref: 3x
    # nagebeld, klant erg ontevreden, coulance gegeven")
    if (head := _INTERN_HEAD.match(line)) is not None and (
            not _REFERENCE_LABEL.search(head.group(1)) or (
                re.search(r"\b(?:ref\w*|rif\w*|r[ée]f[ée]rence|referencia|riferimento|referentie|refer[êe]ncia)\b",
                          head.group(1), re.I) and re.search(r"\b(?:customer|client|klant|kunde|kundin|cliente|clienta|cx|cust)\b",
                                                   head.group(2), re.I))) and \
            (_ASSESS_LABEL.search(head.group(1)) or _REFERENCE_LABEL.search(head.group(1)) or
             re.fullmatch(rf"\s*{_INTERN_WORD}\s*", head.group(1), re.I)) and \
            len(_NOTE_WORDS.findall(head.group(2))) >= 3 and not _spoken_to(head.group(2), lang) and \
            not _TO_CUSTOMER_CS.search(head.group(2)) and not (_KIND_ROW.match(head.group(1) + ":") and
                                                               _CONTRAST_ROW.search(whole or line)):
        start = len(line) - len(line.lstrip())
        return _LABEL, line[start:].strip(), (start, len(line))
    return None


# Round dg/di: a reminder to oneself or the team, at a line's head or opening a bracket: "[niet vergeten: code
# sleutelkluis is veranderd, Fatima even inlichten]", "(nicht vergessen: Versand in Shopify wieder einschalten)", with
# a state of things and an order about it in the note style of an infinitive, or other staff evidence, never speaking
# to the customer (not "Niet vergeten: neem uw legitimatie mee", "Don't forget: bring your ID").
_REMIND_OPENING = re.compile(
    r"(?:^\s*|[(\[]\s*|[.!?]\s+)((?:niet\s+vergeten|don['’]?t\s+forget|do\s+not\s+forget|nicht\s+vergessen|ne\s+pas\s+oublier|"
    r"no\s+olvidar|no\s+olvides|non\s+dimenticare|n[ãa]o\s+esquecer|to-?do|reminder|erinnerung|herinnering|"
    r"recordatorio|rappel|promemoria|lembrete)\s*[:\-–—]\s*)([^\])\n]{8,})", re.I)


def _reminder_aside(line: str, whole: str, lang: str):
    for m in _REMIND_OPENING.finditer(line):
        body = m.group(2).strip()
        if _spoken_to(body, lang) or _TO_CUSTOMER_CS.search(body):
            continue
        # (a state of things, then what to do about it: "code sleutelkluis is veranderd, Fatima even inlichten"; a
        # bare order may be the customer's, "Nicht vergessen: Ausweis mitbringen!")
        parts = re.split(r"\s*[,;]\s+|\s+[-–—]+\s+", body)
        if (len(parts) >= 2 and _infinitive_orders(parts[-1], lang) and not _infinitive_orders(parts[0], lang)) or \
                _kinds(body, "", whole, lang):
            start = m.start(1)
            if start and line[start - 1] in "[(":
                start -= 1
            end = m.end(2) + (1 if line[m.end(2):m.end(2) + 1] in ")]" else 0)
            return _STAFF, line[start:end].strip(), (start, end)
    return None


# Round cf/cm: a chat's apology for a message sent to the wrong chat proves the message was staff talk: the message
# before it ("pregúntale a Laura si …" / "Perdona, ese mensaje no era para ti"), or the rest of its own line ("sorry
# wrong window - Dave can u take this one …"). Words for the wrong chat or window, or a message "not meant for you";
# not a wrong link, file or number, which the customer was meant to get.
_SENT_ASTRAY = re.compile(
    r"\b(?:wrong\s+(?:window|chat|tab|thread|conversation|convo)|(?:that|this|the\s+last|my\s+last|the\s+previous|"
    r"my\s+previous)\s+(?:message|msg|one)\s+(?:was(?:n['’]t|\s+not)\s+(?:meant\s+|intended\s+)?for\s+you|"
    r"was\s+(?:meant|intended)\s+for\s+(?:a\s+)?(?:colleague|someone\s+else))|"
    r"not\s+meant\s+for\s+you|"
    # (the article is the apology's own: "Entschuldigung, die letzte Nachricht war für einen Kollegen gedacht")
    r"falsche[sn]?\s+(?:fenster|chat|tab|unterhaltung)|(?:(?:die|diese)\s+)?(?:(?:letzte|vorige|vorherige)\s+)?"
    r"nachricht\s+(?:eben\s+)?war\s+(?:nicht\s+f[üu]r\s+(?:sie|dich)|f[üu]r\s+(?:einen?|meinen?)\s+kolleg\w*)|"
    r"mauvaise?\s+(?:fen[êe]tre|conversation|onglet|discussion)|(?:ce|mon|le)\s+(?:dernier\s+|pr[ée]c[ée]dent\s+)?message\s+"
    r"(?:pr[ée]c[ée]dent\s+)?(?:(?:ne\s+vous\s+|ne\s+t['’])[ée]tait\s+pas\s+destin[ée]|n['’][ée]tait\s+pas\s+pour\s+(?:vous|toi)|"
    r"[ée]tait\s+(?:destin[ée]\s+[àa]|pour)\s+(?:un\w*|ma|mon)\s+coll[èe]gue)|"
    r"(?:ventana|conversaci[óo]n|pesta[ñn]a)\s+equivocad[ao]|me\s+equivoqu[ée]\s+de\s+(?:chat|ventana|conversaci[óo]n)|"
    r"(?:ese|este|el\s+[úu]ltimo|el)\s+mensaje\s+(?:anterior\s+)?(?:no\s+era\s+para\s+(?:ti|usted)|"
    r"era\s+para\s+un\w*\s+compa[ñn]er\w*)|"
    r"(?:messaggio|chat|finestra|conversazione)\s+sbagliat[ao]|(?:quel|questo|l['’]ultimo|il)\s+messaggio\s+"
    r"(?:precedente\s+|di\s+prima\s+)?(?:non\s+era\s+per\s+(?:lei|te)|era\s+per\s+un\w*\s+collega)|"
    r"verkeerde?\s+(?:venster|chat|gesprek|tabblad)|(?:dat|dit|mijn\s+vorige|het\s+vorige|het\s+laatste)\s+bericht\s+was\s+"
    r"(?:niet\s+voor\s+(?:u|jou|je)|(?:bedoeld\s+)?voor\s+een\s+collega)|"
    r"(?:janela|conversa|aba|mensagem)\s+errad[ao]|(?:essa|esta|a\s+[úu]ltima|a)\s+mensagem\s+(?:anterior\s+)?"
    r"(?:n[ãa]o\s+era\s+para\s+(?:si|voc[êe]|o\s+senhor|a\s+senhora|ti)|era\s+para\s+um\w*\s+colega))\b", re.I)
_APOLOGY_WORDS = re.compile(r"^[\W_]*(?:(?:oh|ah|ay|och|hoppla|huch|mince|oups|sorry|oops|whoops|oeps|pardon|excuses|mijn\s+excuses|excuus|verzeihung|"
                            r"desculpa|perd[ãa]o|lo\s+siento|scusate|d[ée]sol[ée]e?|perd[oó]n(?:e|a)?|disculpe?|"
                            r"scusa|scusi|mi\s+scusi|desculpe?|entschuldigung|excuse[sz]?[- ]moi|ups|opa)\b[\W_]*)*", re.I)


def _sent_astray(lines) -> dict:
    """{line number: hit} for the messages an apology for a wrong chat owns up to."""
    out: dict = {}
    for i, ln in enumerate(lines):
        if ln.kind != OWN:
            continue
        body = ln.prose[sp.end():] if (sp := _SPEAKER.match(ln.prose)) else ln.prose
        m = _SENT_ASTRAY.search(body)
        if not m:
            continue
        head = max(body.rfind(c, 0, m.start()) for c in ".!?") + 1
        said = body[head:m.start()]
        after = re.split(r"[.!?]", body[m.end():], maxsplit=1)[0]
        owned = bool(_APOLOGY_WORDS.sub("", said).strip() != said.strip() or re.match(
            r"[\W_]*(?:sorry|pardon|desculp|perd[oó]n|scus)", after, re.I) or re.search(
            r"meant|destin|era\s|was\s|war\s", m.group(0), re.I))
        if _NOTE_WORDS.search(_APOLOGY_WORDS.sub("", said)) or not owned:
            continue   # "if you were put through to the wrong chat, …": the customer's wrong chat, not ours
        rest = body[:head] + " " + after
        if len(_NOTE_WORDS.findall(rest)) >= 4:
            out[ln.no] = (_STAFF, body.strip(), None)   # "sorry wrong window - Dave can u take this one …"
            continue
        prev = next((p for p in reversed(lines[:i]) if p.prose.strip()), None)
        if prev is not None and prev.kind == OWN and prev.no not in out:
            out[prev.no] = (_STAFF, prev.prose.strip(), None)
    return out


# Round cf/cj: a helpdesk's note command typed into the chat box, at the message's head: "/note pax missed MCT, rebook
# …", "/nota cliente già rimborsato …", "/notiz …", "/interno …" (the "internal" ones above).
_NOTE_COMMAND = re.compile(r"^/(?:notes?|nota|notas|notiz|notitie|memo|m[ée]mo|comment|private|priv|whisper|sussurro|"
                           r"fluister|chuchoter|susurro)\s+(\S.*)$", re.I)
# Round cj: a word processor's review comment pasted under the letter, its anchor left in the text as well: "…
# senden können.[SK1]" and below "[SK1]Sabine Kühn: Sterbeurkunde fehlt noch …", "[AL2]Comentario de Ana López: …";
# the anchor is the reviewer's initials and a number, and the comment heads with the reviewer's name or a word for a
# comment (not an annex's "[A1]" cited in a letter, which heads no name).
_REVIEW_ANCHOR = re.compile(r"^\s*\[((?-i:[A-Z]{2,3})\d{1,2})\]\s*(\S.{3,})$")
_COMMENT_HEAD = re.compile(r"^(?:(?:comment|kommentar|commentaire|comentario|commento|opmerking|coment[aá]rio)\w*"
                           r"(?:\s+\w+){0,4}|(?-i:[A-ZÀ-Þ])[\w'’\-]+(?:\s+(?-i:[A-ZÀ-Þ])[\w'’\-]+){1,2})\s*:\s*\S", re.I)


def _review_comment(line: str, whole: str):
    m = _REVIEW_ANCHOR.match(line)
    if not m or whole.count(f"[{m.group(1)}]") < 2 or not _COMMENT_HEAD.match(m.group(2)):
        return None
    return _LABEL, line.strip(), None


def _note_command(line: str):
    body = line[sp.end():] if (sp := _SPEAKER.match(line)) else line
    m = _NOTE_COMMAND.match(body.strip())
    if not m or len(_NOTE_WORDS.findall(m.group(1))) < 2:
        return None
    return _LABEL, body.strip(), None


# Round cl/cm/cj: a forwarded message between staff under the reply, whose receiver is the reply's own writer (named in
# the reply's own lines: "Para: Marta Vieira" under a reply signed "Marta Vieira", "Aan: I. Kok" under "Ingrid Kok",
# "An: Sekretariat" under a letter signed by the "Sekretariat"), who shares the sender's mail domain ("From: Darren
# <maintenance@harbourlettings.co.uk> … To: Amy <lettings@harbourlettings.co.uk>"), or whom the message opens by
# calling by name ("Rita, responde tu a esta …"): a colleague's word to the agent, never the customer's to read, unless
# the reply hands it on ("Below is our engineer's report").
_MAIL_DOMAIN = re.compile(r"@([\w.\-]+\.\w+)")


_HANDED_BELOW = re.compile(
    r"\b(?:below|forward\w*|unten|nachfolgend|weitergeleitet|leite\w*\s+(?:ich\s+)?Ihnen|ci-dessous|"
    r"je\s+vous\s+(?:transmets|fais\s+suivre)|a\s+continuaci[óo]n|m[áa]s\s+abajo|reenv[íi]\w*|qui\s+sotto|di\s+seguito|"
    r"inoltr\w*|hieronder|onderstaand|doorgestuurd|stuur\s+ik\s+(?:u|je)\s+door|abaixo|(?:re)?encaminh\w*|"
    r"segue\s+(?:a|o|em))\b", re.I)


def _to_the_writer(lines, names: set[str], handed: set[int]) -> set[int]:
    if any(ln.kind == OWN and _HANDED_BELOW.search(ln.prose) for ln in lines):
        return set()   # "le inoltro qui sotto la conferma del nostro magazzino": handed on on purpose
    own = {w for ln in lines if ln.kind == OWN for w in fold(ln.prose).split()}
    out: set[int] = set()
    sender = receiver = None
    body_started = False
    for ln in lines:
        if ln.kind not in (FOREIGN, QUOTE):
            sender = receiver = None
            continue
        if (m := _HEADER_FROM.match(ln.prose.lstrip("> "))) is not None:
            sender, receiver, body_started = m.group(1), None, False
            continue
        if (m := _FORWARD_TO.match(ln.prose.lstrip("> "))) is not None and sender is not None:
            receiver = m.group(1)
            continue
        if not (sender and receiver) or ln.no in handed or not ln.prose.strip() or _HEADER_NEXT_LINE.match(ln.prose):
            continue
        folded = fold(sender + " " + receiver)
        if any(n in folded.split() for n in names if len(n) >= 3):
            continue   # the customer wrote it or got it
        to_words = [w for w in re.findall(r"[^\W\d_]{3,}", fold(re.sub(r"<[^>]*>|\([^)]*\)", " ", receiver)))]
        domains = {fold(d) for d in _MAIL_DOMAIN.findall(sender)} & {fold(d) for d in _MAIL_DOMAIN.findall(receiver)}
        first = fold(ln.prose.strip().split()[0].strip(",:;!")) if not body_started else ""
        body_started = True
        if (to_words and all(w in own for w in to_words)) or domains or (to_words and first == to_words[0]):
            out.add(ln.no)
    return out


_HEADER_NEXT_LINE = re.compile(r"^\s*\**(?:sent|date|gesendet|datum|envoy[ée]|enviad[oa]|inviato|verzonden|data|cc|"
                               r"subject|betreff|objet|asunto|oggetto|onderwerp|assunto)\s*\**\s*:", re.I)


# Round cf/cj/cl/cm: an aside set off by brackets, stars, chevrons or a "//", in a text message or a letter, that speaks
# to staff and not to the customer, told by two kinds of evidence of its own (whatever its wording):
# - a colleague or a role heading it ("(Kevin : plaquettes AR à prévoir …)", "[assistente: let op …]", "(nota p/ Rui:
#   …)", "[nota repartidor: …]") or signing it after a dash ("[HU-Plakette noch nicht geklebt - Micha!!]");
# - the text itself as a template, a draft or a copy ("andere Vorlage", "bozza v2", "cambiar plantilla", "copied from
#   the Okoro reply", "repris du courrier de …", "stessa cosa da mandare a …");
# - an order to check, change, ask or send, in the note style of an infinitive or a bare imperative ("confirmar
#   morada", "prezzo da confermare", "Text noch … abstimmen!", "dokter even bellen", "ask at desk", "dbl check …");
# - the customer in the third person ("cliente nunca está", "ela é a do seguro", "NICHT an Mieterin", "hers is £100");
# - a shouted word ("NICHT an …", "NO al 6", "CHANGE the …", "MARKETING TO CONFIRM …");
# - staff shorthand or the sending itself ("b4 sending", "w/ Steve", "cf. ticket 88412", "antes de entregar").
# Not an aside said to the customer ("(please bring your ID)", "[Responder SI para confirmar la cita]", "(Note: prices
# include VAT)"), which has one kind at most.
_ASIDE_SPANS = re.compile(r"\(([^()\n]{8,240})\)|\[([^\[\]\n]{8,240})\]|<<([^<>\n]{8,240})>>|(?<!\S)>>([^<>\n]{8,240})<<|"
                          r"(?<![\w*])\*{1,3}([^*\n]{8,240})\*{1,3}(?![\w*])|(?<=\s)//\s*(\S[^\n]{6,240})$|"
                          r"^//\s*(\S[^\n]{6,240})$")
_ROLE_HEAD = (r"(?:assistente?|assistant[ea]?|colleg[ae]|collega'?s|colleague|kolleg(?:e|in|en)|colega|coll[èe]gue|"
              r"r[ée]ception|recep(?:ci[oó]n|[çc][ãa]o|tie|tion)|balie|front\s*desk|desk|atelier|taller|oficina|officina|"
              r"werkplaats|werkstatt|magazzino|lager|warehouse|almac[ée]n|armaz[ée]m|magazijn|dispo|dispatch|planning|"
              r"repartidor|motorista|driver|chauffeur|fahrer|autista|bezorger|team|[ée]quipe|equipo|squadra|equipa|"
              r"ragazzi|chicos|jongens|leute|les\s+gars|pessoal|malta|boss|chef|jefe|capo|supervisor[ae]?|superviseur)")
_NOTE_HEAD_WORD = r"(?:notes?|nota|notiz|notitie|memo|m[ée]mo|obs\.?|nb|n\.b\.|remarque|opmerking|anmerkung)"
_ASIDE_HEAD = re.compile(
    rf"^\s*(?:{_NOTE_HEAD_WORD}(?:\s+(?:(?:p/|para|pra|per|pour|for|f[üu]r|voor|x|a|al|à)\s+)?(?:{_ROLE_HEAD}|"
    rf"(?-i:[A-ZÀ-Þ][a-zà-ÿ]{{1,15}})))?|{_ROLE_HEAD}|(?-i:([A-ZÀ-Þ][a-zà-ÿ]{{1,15}})))\s*:\s*\S|"
    # a colleague by title and initial, or a group called on ("Mrs H - put the …", "ragazzi chi ha preso …?")
    r"^\s*(?-i:(?:Mrs|Mr|Ms|Frau|Herr|Mme|Sra|Sr|Sig\.?ra|Dhr|Mevr)\.?\s+[A-ZÀ-Þ]\w{0,15}\.?)\s*[-–—:]\s*\S|"
    r"^\s*(?:ragazzi|chicos|chicas|jongens|leute|les\s+gars|pessoal|malta|guys|folks|team|equipo|equipa|squadra)\b"
    r"(?=[^?]*\?)", re.I)
# (signed after a dash, or after the aside's last sentence: "(… Vorlage nehmen. Tobi)")
_ASIDE_SIGNED = re.compile(r"(?:\s[-–—]\s*|(?<=[a-zà-ÿ][.!])\s+)@?((?-i:[A-ZÀ-Þ][a-zà-ÿ]{1,15}))\s*[!.]*\s*$")
_ASIDE_DRAFT = re.compile(
    r"\b(?:templates?|plantillas?|vorlagen?|modell?os?|sjablo(?:on|nen)|mod[eè]les?|drafts?|entwurf|bozza|borrador|"
    r"rascunho|brouillon|concept(?:tekst)?|textbaustein|macro|copied\s+from|copy\s+of|copiad[oa]\s+d\w*|copiat[oa]\s+da\w*|"
    r"kopiert\s+(?:aus|von)|[üu]bernommen\s+(?:aus|von)|repris\s+d\w*|overgenomen\s+(?:uit|van)|gekopieerd\s+(?:uit|van)|"
    r"stessa\s+cosa\s+da|mesma\s+coisa\s+(?:para|pra)|lo\s+mismo\s+(?:para|a)|same\s+(?:text|thing|msg|message)\s+(?:to|for)|"
    r"(?:den|der|le|el|il|o|de|the)\s+text[eo]?\s+(?:noch|encore|a[úu]n|ancora|ainda|nog|still)|text\s+noch)\b", re.I)
_ASIDE_ORDER = re.compile(
    r"(?:^|[,;:\-–—+]\s*|\b(?:da|à|a|to|noch|nog|even|kurz|mal)\s+)(?:(?:dbl|double)[- ]?(?:check|chk)|check|chk|confirm|"
    r"change|ask|put|insert|chase|fix|adapt|mention|remind|collect|charge|test|"
    r"testar|testen|tester|probar|provare|"
    r"kl[äa]ren|abstimmen|pr[üu]fen|checken|[äa]ndern|anpassen|fragen|nachfragen|anrufen|schicken|eintragen|kleben|"
    r"v[ée]rifier|adapter|confirmer|proposer|pr[ée]voir|demander|changer|modifier|appeler|envoyer|"
    r"confirmar|conferir|verificar|cambiar|comprobar|revisar|preguntar|pedir|avisar|mandar|enviar|llamar|ligar|"
    r"trocar|mudar|alterar|"
    r"confermare|controllare|verificare|chiedere|cambiare|mandare|inviare|chiamare|"
    r"nakijken|navragen|aanpassen|bellen|vragen|escaleren|sturen|versturen|wijzigen)\b|"
    r"\b(?:kl[äa]ren|abstimmen|pr[üu]fen|checken|anpassen|nachfragen|bellen|navragen|nakijken|aanpassen|escaleren)\s*[!.]*\s*$",
    re.I)
_ASIDE_THIRD = re.compile(
    r"\b(?:cliente|clienta|client|cliente?s|customer|cust|cx|kunde|kundin|klant|mieter(?:in)?|tenant|patient[ea]?|paciente|"
    r"paziente|pax|hers)\b|"
    # the customer as the note's unsaid subject: "owes £60 from January", "wants the 10 % again"
    r"^\s*(?:(?:still|already|again)\s+)?(?:owes|wants|says|said|paid|called|rang|keeps|refuses|doesn't|won't)\b", re.I)
# (a pronoun alone may stand for the engineer: "De monteur (hij komt voor de 2e keer)")
_ASIDE_PRONOUN = re.compile(r"\b(?:lui|ela|ele|zij|hij|she|he|him|her|(?-i:ze|er|sie))\b", re.I)
_ASIDE_SHOUT = re.compile(r"(?<![\w])(?-i:NICHT|KEIN\w*|NO|NOT|NE\s+PAS|NIET|N[ÃA]O|NON|NUNCA|NIE|NEVER|DON'T|"
                          r"[A-ZÄÖÜ]{4,}(?:\s+[A-ZÄÖÜ]{2,}){2,})(?![\w])")
_ASIDE_SHORT = re.compile(r"\b(?:b4|w/|dbl|ggf|p/|cf\.|ticket|antes\s+de\s+(?:enviar|"
                          r"entregar|mandar|liberar)|vor\s+(?:dem\s+)?(?:versand|senden|rausgehen)|avant\s+(?:d['’]envoyer|"
                          r"envoi)|prima\s+di\s+(?:inviare|mandare)|voor\s+(?:verzending|versturen)|at\s+(?:the\s+)?desk|"
                          r"\d+\s*x\b(?!\s*\d)|\d+(?:e|º|ª|\.ª)?\s*(?:vez|volta|fois|keer|mal)\b|!!)", re.I)


_PLEASE = re.compile(r"\b(?:please|pls|bitte|s['’]il\s+vous\s+pla[iî]t|svp|por\s+favor|per\s+favore|alstublieft|aub|graag|"
                     r"gentilmente|veuillez)\b", re.I)


def _aside_kinds(inner: str, names: set[str], lang: str) -> set[str]:
    kinds: set[str] = set()
    head = _ASIDE_HEAD.match(inner)
    if head and (head.group(1) is None or _is_colleague(head.group(1), names, lang)):
        kinds.add("head")
    signed = _ASIDE_SIGNED.search(inner)
    if signed and _is_colleague(signed.group(1), names, lang):
        kinds.add("head")
    if any(len(n) >= 4 and re.search(rf"\b{re.escape(n)}\b", fold(inner)) for n in names):
        kinds.add("third")   # the customer by their own name: "chi ha preso la pratica Lombardi?"
    if "head" in kinds and _ASIDE_PRONOUN.search(inner):
        kinds.add("third")   # under a colleague's name, "she" is the customer ("(Carla: ela é a do seguro …)")
    for kind, rx in (("draft", _ASIDE_DRAFT), ("order", _ASIDE_ORDER), ("third", _ASIDE_THIRD), ("shout", _ASIDE_SHOUT),
                     ("short", _ASIDE_SHORT), ("warn", _ASIDE_WARN)):
        if rx.search(inner):
            kinds.add(kind)
    if _ASIDE_THIS_ONE.search(inner):
        kinds.add("again")   # "questa è di nuovo quella delle docce", "this one again", "die schon wieder"
    return kinds


# Round dt: colleagues warned about the customer in the third person ("occhio che poi scrive su Google", "ojo que luego
# escribe en Google", "careful, she posts reviews", "Vorsicht, die schreibt sonst bei Google", "let op, hij belt
# meteen de krant"); and the customer pointed at as "this one" coming back.
_ASIDE_WARN = re.compile(
    r"\b(?:occhio\s+(?:che|a|perch[ée])|ojo\s+(?:que|con)|cuidado\s+(?:que|com|con)|careful,?\s+(?:she|he|they)|"
    r"watch\s+out,?\s+(?:she|he|they)|heads[- ]up,?\s+(?:she|he|they)|vorsicht,?\s+(?:die|der|sie|er)\b|"
    r"attention,?\s+(?:elle|il)\b|let\s+op,?\s+(?:zij|ze|hij)\b|aten[çc][ãa]o,?\s+(?:que|ela|ele))", re.I)
_ASIDE_THIS_ONE = re.compile(r"\b(?:this\s+one|questa|quella|esta|essa|diese[rs]?|celle-ci|celui-ci|deze|die)\s+"
                             r"(?:(?:is|è|es|é|ist|est|schon|weer)\s+)?(?:again|di\s+nuovo|ancora|otra\s+vez|de\s+nuevo|"
                             r"outra\s+vez|de\s+novo|wieder|schon\s+wieder|encore|alweer|weer)\b", re.I)


# Round dc/de: an aside headed by a colleague's first name and a colon, the commonest leak of the blind rounds ("(Marta:
# según la normativa no hay reembolso … No ponerlo por escrito)", "(Zé: confirmar a cremação com a filha antes de
# sexta)", "(Vale: la mamma non ha ancora pagato marzo, ricordaglielo tu)", "(Fabien : son contrat ne couvre pas ça)").
# Not one said to the customer in the formal "you" (or in English any "you"), a person introduced by their role or
# with how to reach them, or a place described ("(Julie : votre conseillère habituelle …)", "(Monza: sede centrale …)",
# "(Marta: 020 7946 0018)"), nor a list of names and values ("(Paris: 3 nights, London: 2 nights)").
_NAMED_ASIDE = re.compile(r"[(\[]\s*([A-ZÀ-Þ][a-zà-ÿ]{1,15})\s*:\s*([^()\[\]]{8,})[)\]]")
_ASIDE_YOU = re.compile(r"\b(?:(?i:vous|votre|vos|usted\w*|u|uw|o\s+senhor|a\s+senhora|voc[eê]s?|you|your\w*)|"
                         r"Sie|Ihnen|Ihr\w*|Lei)\b")
_APPOSED_ROLE = re.compile(
    r"^\W*(?:\w+\s+){0,3}?(?:advis[eo]r\w*|conseill\w+|consult\w+|contact\w*|ansprechp\w+|berater\w*|monitor\w*|"
    r"instruct\w+|istruttor\w*|engineer\w*|technic\w+|techniker\w*|t[ée]cnic[oa]s?|head|manager\w*|direct\w+|"
    r"diret\w+|leiter\w*|responsab\w+|gestor\w*|guide|gu[ií]a|nurse|doctor\w*|arts|m[ée]dec\w+|m[ée]dic[oa]|coach\w*|"
    r"trainer\w*|teacher|profes\w+|lehrer\w*|docente|assist\w+|asistente|reception\w*|secretar\w*|sekret\w*|driver|"
    r"fahrer\w*|chauffeur|conductor\w*|autista|motorista|referente|interlocut\w+|gesprekspartner|begeleider\w*|"
    r"tutor\w*|educat\w+|erzieher\w*|maestr[ao]|juf|meester|"
    # (or a place described: "(Monza: sede centrale, non lontano dalla stazione)")
    r"sede|filial\w*|office|branch|store|shop|negozio|tienda|magasin|boutique|agen[cz]\w*|winkel|vestiging|standort|"
    r"loja|headquarters|hq|depot|dep[óo]sito|almac[ée]n|lager|entrep[ôo]t|magazzino|magazijn|armaz[ée]m|"
    r"centre|center|centro|zentrum|campus|station|stazione|estaci[óo]n|gare|bahnhof|esta[çc][ãa]o)\b", re.I)
_REACH = re.compile(r"\d{2,}[\s./-]?\d{2,}[\s./-]?\d{2,}|@|https?://|www\.|\bext\.?\s*\d", re.I)
# (a department, a role, a driver or a warning word at the head is no colleague's name: "(Accueil : ouvert le lundi …)",
# "(Fitters: Dan and Ola, 8am-4pm)", "(Driver: leave with neighbour at no. 4)", "(Opgelet: stuur ons een foto …)"; nor
# a place whose rule is told impersonally: "(Madrid: hay que reservar con antelación)")
_NOT_A_NAME_HEAD = re.compile(r"^(?:" + _DEPT + r"|" + _DRIVER + r"|courier|kurier|mensajero|corriere|opgelet|let\s+op|"
                              r"attention|achtung|ojo|aten[çc][ãa]o|attenzione|nota|note|nb|hinweis|important\w*|wichtig|"
                              r"aviso|avviso|info|tip|tipp|astuce|consejo|conseil|consiglio|dica|warning|caution|vorsicht|"
                              r"cuidado|update|status|estado|"
                              # a mail's or a form's field: "(Objet : remboursement …)", "[Bijlage: retourlabel.pdf]"
                              r"subject|objet|betreff|asunto|oggetto|onderwerp|assunto|ref|re|tel|fax|e-?mail|mail|"
                              r"datum|date|fecha|data|bijlage|anlage|attachment|pi[èe]ce|allegato|adjunto|anexo|"
                              r"file|fichier|datei|archivo|bestand|arquivo|link|lien|enlace|url)$", re.I)
# … nor a reading or an amount given under its kind's name, which German capitalises like a first name: "(Strom: 48 213
# kWh, abgelesen am 31.03.)", "(Wasser: 112 m³)", "(Miete: 850 € warm)".
_MEASURED_BODY = re.compile(r"^\s*[\d][\d\s.,]*\s*(?:kWh|kW|MWh|m³|m3|m²|m2|l|L|km|kg|t|€|EUR|CHF|£|\$|%|GB|MB|Mbit/s|"
                            r"Mbps|Liter|litros?|litri|liter)(?!\w)")
_IMPERSONAL = re.compile(r"\b(?:hay\s+que|il\s+faut|man\s+muss|bisogna|occorre|je\s+moet|men\s+moet|é\s+preciso|"
                         r"é\s+necessário|one\s+must|you\s+need)\b", re.I)


def _named_colon_aside(line: str, names: set[str], whole: str, lang: str):
    for m in _NAMED_ASIDE.finditer(line):
        name, body = m.group(1), m.group(2)
        if not _is_colleague(name, names, lang) or _introduced(name, whole) or len(_NOTE_WORDS.findall(body)) < 3 or \
                _NOT_A_NAME_HEAD.match(name) or _ANY_ROLE.fullmatch(name) or _IMPERSONAL.search(body) or \
                _ASIDE_YOU.search(body) or _APPOSED_ROLE.search(body) or _REACH.search(body) or _MEASURED_BODY.match(body) or \
                re.search(r"\b[A-ZÀ-Þ][\w'’-]*\s*:", body) or _TO_CUSTOMER_CS.search(body):
            continue
        return _STAFF, m.group(0), m.span()
    return None


def _staff_aside(line: str, names: set[str], lang: str):
    for m in _ASIDE_SPANS.finditer(line):
        inner = next(g for g in m.groups() if g is not None).strip()
        # (a role called on at the head owns the aside's "you": "[collega: kun jij … escaleren?]"; not a named contact,
        # "(Mr Patel: you can reach him on …)")
        told = bool(re.match(rf"\s*{_ROLE_HEAD}\s*:", inner, re.I))
        if len(_NOTE_WORDS.findall(inner)) < 3 or (not told and (_spoken_to(inner, lang) or _TO_CUSTOMER_CS.search(
                inner))) or _CUSTOMER_PLACE.search(fold(inner)) or len(re.findall(r'["“”«»„]', line[:m.start()])) % 2:
            continue
        if inner.isupper() and len(inner.split()) <= 4:
            continue   # "[NOMBRE DEL CLIENTE]": a field never filled in, the placeholder check's
        if not told and _PLEASE.search(inner):
            continue   # "(please confirm by Friday!!)": asked of the customer
        if len(_aside_kinds(inner, names, lang)) >= 2:
            return _STAFF, m.group(0), m.span()
    return None


# Round cf/cj: in a chat whose other messages speak to the customer, a message that turns to someone else, told by
# three kinds of its own: jotted in lower case; opening by calling a role ("sup can u ok …", "supervisora, posso …",
# "hi team, …"); an informal "you" where the rest is formal ("kannst du mal gucken …", "tu veux le prendre toi ?");
# the customer in the third person ("before he got to me", "ele é cliente há 20 anos", "il me saoule", "questo vuole
# …", "gli ho detto …"); staff work or a laugh ("goodwill", "2° livello", "im System steht nix", "ahah …😂"). Not a
# message said to the customer, nor a lower-case message about the engineer ("ok, er war gestern da …").
_ROLE_CALL = re.compile(r"^\W*(?:hi\s+|hey\s+|ciao\s+|hola\s+|hallo\s+|oi\s+)?(?:sup|supervisor[ae]?|superviseur|superviseure|"
                        r"team|equipo|[ée]quipe|equipa|squadra|ragazzi|chicos|jongens|leute|pessoal|malta|tl|boss|chef|"
                        r"jefe|capo|guys|folks)\b[,:!]?\s", re.I)
_INFORMAL_YOU = re.compile(r"\b(?:du|dich|dir|tu|toi|t[uú]|jij|je|jou|te|ti|attends|regarde|mira|guarda|kijk|olha|"
                           r"kannst|puoi|puedes|podes|peux)\b", re.I)
_THIRD_CUSTOMER = re.compile(
    r"\b(?:he|she|him|his|her|il|elle|lui|sa|son|ses|le\s+monsieur|la\s+dame|er|ihm|ihn|der|die\s+dame|gli|lo|questo|"
    r"questa|ele|ela|dele|dela|hij|zij|hem|haar|cliente|customer|kunde|kundin|klant|client)\b", re.I)
_THIRD_CUSTOMER_CS = re.compile(r"\b(?:der|die)\b")
_CHAT_STAFF_WORK = re.compile(r"\b(?:goodwill|escalat\w*|on\s+hold|\d\s*[°º]?\s*(?:livello|level|nivel|niveau|ebene)|"
                              r"2nd\s+level|second\s+level|supervis\w*|im\s+system\s+steht|grammar|grammaire)\b|"
                              r"^\W*(?:a+h(?:a+h)+|ha(?:ha)+|lol|mdr|ja(?:ja)+|kkk+|rs(?:rs)+)\b|[😂🤣🙄]", re.I)


def _turned_away(lines, lang: str, names: set[str]) -> dict:
    """{line number: hit} for chat messages said to someone else than the customer."""
    own = [ln for ln in lines if ln.kind == OWN and ln.prose.strip()]
    if len(own) < 3 or len(own) > 12:
        return {}
    out: dict = {}
    bodies = [(ln, ln.prose[sp.end():] if (sp := _SPEAKER.match(ln.prose)) else ln.prose) for ln in own]
    for ln, body in bodies:
        rest = " ".join(b for other, b in bodies if other is not ln)
        if not (_speaks_to_customer(rest, lang) or any(len(n) >= 3 and re.search(rf"\b{re.escape(n)}\b", fold(rest))
                                                        for n in names)):
            continue   # the other messages must speak to the customer
        text = body.strip()
        if any(len(n) >= 3 and re.search(rf"\b{re.escape(n)}\b", fold(text)) for n in names):
            continue   # the customer by name: said to them
        role = bool(_ROLE_CALL.match(text))
        formal_rest = bool(_FORMAL_YOU.search(rest))
        informal = lang != "en" and formal_rest and any(
            w.lower() not in _NOT_YOU.get(lang, set()) for w in _INFORMAL_YOU.findall(text)) and not _FORMAL_YOU.search(text)
        if not role and not informal and (_FORMAL_YOU.search(text) or (lang == "en" and re.search(
                r"\b(?:you|your|u|ur)\b", text, re.I))):
            continue   # said to the customer
        third = bool(_THIRD_CUSTOMER.search(text)) and not (lang == "de" and not re.search(r"\b(?:er|ihm|ihn)\b", text))
        kinds = [text[:1].islower(), role, informal, third, bool(_CHAT_STAFF_WORK.search(text))]
        if sum(kinds) >= 3 and len(_NOTE_WORDS.findall(text)) >= 5:
            out[ln.no] = (_STAFF, text, None)
    return out


# Round cl/cj: a line headed (after any dashes or bullets) by a note for a role ("—— Nota para recepción: paciente …",
# "Nota p/ gestor: apólice com …"), a to-do label in capitals ("DA COMPLETARE: inserire link …", "À COMPLÉTER : …"),
# a draft's label ("-- Entwurf: bitte Stefan gegenlesen lassen …"), or a bare note word in brackets ("[note] client
# mensualisé …"), with the note after it; not one that speaks to the customer ("Note for customers: you can …").
_LINE_HEAD_NOTE = re.compile(
    r"^[\s\-–—*•>#_]*(?:"
    rf"{_NOTE_HEAD_WORD}\s+(?:p/|para|pra|per|pour|for|f[üu]r|voor|x|al|ao|à)\s+(?:la\s+|le\s+|el\s+|il\s+|o\s+|a\s+|"
    # (not the driver, whom customers leave notes for: "Note for the driver: leave it with number 14")
    rf"de\s+|die\s+|den\s+|the\s+)?(?!(?:repartidor|motorista|driver|chauffeur|fahrer|autista|bezorger)\b)(?:{_ROLE_HEAD}|gestor[a]?|gerente|manager|responsable|contabilidad|contabilit[àa]|"
    r"buchhaltung|comptabilit[ée]|boekhouding|contabilidade)\s*:|"
    r"(?-i:DA COMPLETARE|DA FARE|À COMPLÉTER|A COMPLETER|À FAIRE|A FAIRE|POR COMPLETAR|POR HACER|A COMPLETAR|A FAZER|"
    r"TE DOEN|NOG DOEN|ZU ERLEDIGEN|NOCH OFFEN|TO DO|TO COMPLETE)\s*:|"
    r"(?:entwurf|draft|brouillon|borrador|bozza|rascunho|concept)(?:\s+v?\d+)?\s*:|"
    rf"\[\s*{_NOTE_HEAD_WORD}\s*\])\s*(\S.*)$", re.I)


def _line_head_note(line: str, lang: str):
    m = _LINE_HEAD_NOTE.match(line)
    if not m or len(_NOTE_WORDS.findall(m.group(1))) < 3 or _spoken_to(m.group(1), lang) or \
            _TO_CUSTOMER_CS.search(m.group(1)):
        return None
    return _LABEL, line.strip(), None
