"""Wrong recipient: the reply was meant for someone else.

Caught (critical): a greeting to a name that is not the persona's ("Dear Paul" to Jane Doe, also after a
brand or channel prefix: "Acme: Hi Tom", "[Acme Support] Hello Tom,", "ACME SMS - Dear Paul"),
above all one that belongs to another persona of the same run; another persona's full name, email
address or phone number anywhere in the reply (quoted text included: a reply quoting another
customer's message is the leak itself); another persona spoken to or about in the company's text by
a part of their name: title or initial with their surname ("the booking for Mr Kowalski", "Name on
booking: S. Brennan") or their first name as a form of address ("Ok Leah, I can see …", "…, Greg, the
reading …"); another contact's correlation token.

Left alone: the persona's first name, surname with a title ("Ms Doe", "Frau Müller"; honorifics of every language
checked, abbreviated or not: "Sr.ª", "Dott.ssa", "Hr.", "drs.", the Portuguese and Spanish "D. Fernanda", after
another title too: "Sra. D. Maria João"), initials,
short forms of their given names, regular or not ("Alex" for Alexandra, "Liz" for Elizabeth, "Maite"
for María Teresa, "Bob" for Robert, "Juanito" for Juan), generic greetings ("Hi there", "Dear
customer", "Sehr geehrte Damen und Herren"), closings that start like a greeting ("Beste Grüße"),
staff who share another persona's first name ("I'm Tom from returns", a signature, "Tom:" in a chat,
a list of advisers), the customer's own lines in a chat transcript, and greetings in the customer's
own quoted message.
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..results import Finding
from ._text import OWN, fold, persona_words, read, snippet
from .placeholders import is_field

CHECK = "wrong_recipient"

_GREETING = re.compile(
    r"^\s*[¡¿]?(?:dear|hi|hello|hey|hiya|howdy|greetings|good (?:morning|afternoon|evening|day)|morning|"
    r"sehr geehrte[rs]?|liebe[rs]?|hallo|guten (?:tag|morgen|abend)|moin|servus|grüß gott|grüezi|grüessech|"
    r"bonjour|bonsoir|salut|coucou|cher|chère|chers|"
    r"hola|estimad[oa]s?|querid[oa]s?|buen(?:os|as) (?:días|dias|tardes|noches)|buenas|"
    r"ciao|buongiorno|buonasera|salve|gentil(?:e|issim[oa])|egregi[oa]|car[oa]|"
    r"beste|geachte|hoi|goedemorgen|goedemiddag|goedenavond|dag|"
    # (the Brazilian everyday "Oi", "E aí")
    r"olá|ola|oi|e aí|bom dia|boa (?:tarde|noite)|prezad[oa]s?|"
    # a chat or a bot welcoming someone back: "Bentornato Giorgio!", "Welcome back, Tom", "Willkommen zurück, Jens"
    r"welcome back|willkommen zurück|bon retour|bienvenid[oa]s? de nuevo|bentornat[oa]|welkom terug|"
    r"bem-vind[oa]s? de volta|bem vind[oa]s? de volta)(?=[\s,:!.]|$)", re.I)

# A brand or channel label in front of the greeting: "Acme: Hi Tom", "[Acme Support] Hello Tom,",
# "ACME SMS - Dear Paul", "Acme Support | Hi Tom".
_PREFIX = re.compile(r"^\s*(?:[\[(][^\[\]()\n]{1,40}[\])]\s*(?::|[-–—|>])?|"
                     # small words inside a name: "Pharmacie du Marché : Bonjour Julien", "Bar de la Plaza:"
                     # (a capital with its accent too: "ÉlectroPlus Support : Bonjour Thomas")
                     r"[A-ZÀ-Þ0-9][\w&.'’]*(?:[ \-](?:(?:du|de|des|la|le|les|del|della|di|van|von|der|den|da|do|dos|das|"
                     r"et|and|und|y|e|en|of|the|&)\s+){0,2}[A-ZÀ-Þ0-9][\w&.'’]*){0,3}"
                     # a chat agent's name or role in brackets: "Agente (Óscar): Hola Marta", "Lena (Support): Hi"
                     r"(?:\s*\([^()\n]{1,40}\))?\s*(?::|\s[-–—|>]|[|>]))\s*")
# A chat transcript's line by the customer ("Jane: Hi Tom, …", "You: Hello Sam") greets the agent, not them.
_CUSTOMER_SPEAKERS = {"you", "me", "customer", "visitor", "guest", "kunde", "kundin", "sie", "client", "cliente",
                      "klant", "vous", "usted", "tu", "jij", "u"}
_TITLES = {"mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "madam", "herr", "herrn", "frau", "fraulein",
           "monsieur",
           "madame", "mademoiselle", "m", "mme", "mlle", "senor", "senora", "senorita", "sr", "sra", "srta", "don",
           "dona", "signor", "signora", "signorina", "sig", "sig.ra", "sigra", "dott", "dottssa", "dott.ssa", "heer",
           "mevrouw", "mevr", "dhr", "mw", "meneer", "senhor", "senhora", "sra.", "doctor", "professor",
           # honorifics and their abbreviations in every language checked (folded, dots dropped): "Dña.", "Sr.ª",
           # "Exma.", "Dra.", "Sig.na", "Dott.ssa", "Avv.", "Frl.", "Hr.", "Drs.", "Ir.", "Rev."
           "dom", "dna", "exmo", "exma", "eng", "enga", "engo", "dra", "profa", "lic", "ldo", "lda", "ing", "arq",
           "arqa", "arqo",   # "Eng.º", "Arq.ª": the ordinal's letter after the dot
           "signa", "sigr", "dottor", "dottore", "dottoressa", "profssa", "avv", "arch", "geom", "rag", "egr",
           "hr", "hrn", "fr", "frl", "fam", "familie", "mag", "dipl", "pr", "drs", "ir", "ds", "juf", "rev", "revd",
           "capt", "cllr", "dame",
           # the full words of the academic and professional titles a letter greets with: "Bonjour Docteur Guérin",
           # "Estimada Doctora Ruiz", "Beste Dokter Peeters", "Gentile Professoressa Neri", "Cher Maître Lefèvre"
           "docteur", "docteure", "doctora", "doutor", "doutora", "dokter", "doktor", "professeur", "professeure",
           "profesor", "profesora", "professora", "professore", "professoressa", "maitre", "ingeniero", "ingeniera",
           "ingegnere", "avvocato", "avvocata", "abogado", "abogada", "advocaat", "notaris", "notaio", "notario",
           "sister", "father", "pastor", "professorin", "doktorin"}
# One-letter honorifics, by language: the Portuguese and Spanish "D." (Dona, Dom, Don, Doña) before a given name
# ("Bom dia D. Fernanda"); the French "M." is in _TITLES already.
_LETTER_TITLES = {"pt": {"d"}, "es": {"d"}}
_PARTICLES = {"van", "von", "der", "den", "de", "da", "di", "du", "del", "della", "dos", "das", "le", "la", "ten",
              "ter", "zu", "y", "e", "mc", "st"}
_GENERIC = {"there", "all", "everyone", "everybody", "team", "customer", "customers", "valued", "client", "clients",
            "friend", "friends", "folks", "guys", "user", "member", "members", "shopper", "colleague", "colleagues",
            "sir", "madam", "sirs", "support", "service", "kunde", "kundin", "kunden", "damen", "herren", "zusammen",
            "alle", "cliente", "clientes", "clienta", "klant", "klanten", "amigo", "amiga", "tutti", "todos",
            "allemaal", "monsieur", "madame", "heer", "mevrouw", "signora", "signore", "senhor", "senhora",
            "passenger", "guest", "guests", "subscriber", "patient", "owner", "applicant", "traveller", "traveler",
            "buyer", "sender", "partner", "neighbour", "neighbor", "you", "both", "again", "world",
            # the other languages' users, members, patients, guests and senders: "Sehr geehrte Nutzerin, sehr geehrter
            # Nutzer", "Cher adhérent", "Estimado usuario", "Gentile utente", "Beste gebruiker", "Caro associado"
            "nutzer", "nutzerin", "benutzer", "benutzerin", "mitglied", "teilnehmer", "teilnehmerin", "patientin",
            "gast", "absender", "absenderin", "antragsteller", "antragstellerin", "versicherte", "versicherter",
            "utilisateur", "utilisatrice", "adherent", "adherente", "abonne", "abonnee", "usuario", "usuaria", "socio",
            "socia", "utente", "abbonato", "abbonata", "gebruiker", "lid", "deelnemer", "afzender", "relatie",
            "utilizador", "utilizadora", "associado", "associada", "remetente",
            # who someone is to the company, one or many: "Dear Resident", "Dear Parent/Guardian", "Liebe Eltern", "Liebe
            # Mieterinnen und Mieter", "Cara Encarregada de Educação" (in German every such noun is capitalised)
            "parent", "parents", "guardian", "guardians", "carer", "carers", "resident", "residents", "homeowner",
            "homeowners", "householder", "tenant", "tenants", "landlord", "leaseholder", "occupier", "occupant",
            "family", "families", "student", "students", "pupil", "learner", "candidate", "candidates", "visitor",
            "visitors", "patients", "travellers", "travelers", "policyholder", "cardholder", "supporter", "supporters",
            "donor", "volunteer", "volunteers", "neighbours", "neighbors", "eltern", "erziehungsberechtigte",
            "mieter", "mieterin", "mieterinnen", "bewohner", "bewohnerin", "bewohnerinnen", "anwohner", "anwohnerin",
            "anwohnerinnen", "nachbarn", "eigentumer", "eigentumerin", "eigentumerinnen", "kundinnen", "gaste",
            "familie", "familien", "schuler", "schulerin", "schulerinnen", "studierende", "bewerber", "bewerberin",
            "patienten", "patientinnen", "besucher", "besucherin", "reisende", "fahrgast", "fahrgaste", "mitglieder",
            "interessent", "interessentin", "locataire", "locataires", "proprietaire", "proprietaires", "habitant",
            "habitante", "habitants", "voisin", "voisine", "voisins", "famille", "familles", "eleve", "eleves",
            "etudiant", "etudiante", "etudiants", "candidat", "candidats", "visiteur", "visiteurs",
            "voyageur", "voyageurs", "patiente", "coproprietaire", "coproprietaires", "familias", "padres", "vecinos",
            "vecina", "vecino", "inquilino", "inquilina", "inquilinos", "propietario", "propietaria", "propietarios",
            "residente", "residentes", "alumno", "alumna", "alumnos", "estudiante", "estudiantes", "candidato",
            "candidata", "candidatos", "paciente", "pacientes", "huesped", "huespedes", "viajero", "viajera",
            "viajeros", "visitante", "visitantes", "genitori", "famiglie", "famiglia", "condomini", "condomino",
            "inquilini", "proprietari", "residenti", "ospite", "ospiti", "studente", "studentessa", "studenti",
            "candidati", "paziente", "pazienti", "viaggiatore", "viaggiatori", "visitatore", "visitatori", "ouders",
            "verzorgers", "bewoner", "bewoners", "huurder", "huurders", "eigenaar", "eigenaren", "buren", "gasten",
            "leerling", "leerlingen", "studenten", "kandidaat", "kandidaten", "reiziger", "reizigers",
            "bezoeker", "bezoekers", "encarregado", "encarregada", "encarregados", "encarregadas", "morador",
            "moradora", "moradores", "proprietario", "proprietaria", "proprietarios", "hospede",
            "hospedes", "aluno", "aluna", "alunos", "estudante", "estudantes", "utentes", "viajante", "viajantes",
            "condominos", "vizinho", "vizinha", "vizinhos"}
# Capitalised words that start a sentence after "Hello," rather than name anyone.
_STOP = {"thank", "thanks", "we", "i", "your", "you", "our", "this", "the", "please", "it", "sorry", "welcome",
         "just", "apologies", "hope", "good", "happy", "great", "and", "as", "following", "regarding", "re",
         "further", "with", "many", "my", "from", "a", "an", "in", "on", "for", "to", "here", "how", "what",
         "is", "are", "there", "its", "it's", "we're", "i'm", "danke", "vielen", "wir", "ich", "ihre", "merci",
         "nous", "je", "votre", "gracias", "le", "nos", "grazie", "ti", "la", "bedankt", "dank", "wij", "uw",
         "obrigado", "obrigada", "nós", "hier", "ici", "aqui", "qui", "hi", "hello", "dear", "hey", "ok", "okay",
         # A closing that starts like a greeting: "Beste Grüße", "Liebe Grüße", "Beste wensen".
         "grusse", "gruss", "grussen", "wunsche", "groeten", "groet", "wensen", "saluti", "saludos", "wishes",
         "regards"}
_TOKEN_CHARS = "A-Za-z0-9"
_TOKEN_RUN = re.compile(rf"[{_TOKEN_CHARS}]+")


def check(text: str, ctx=None) -> list[Finding]:
    persona = (getattr(ctx, "persona", None) or {})
    others = [p for p in (getattr(ctx, "other_personas", None) or []) if isinstance(p, dict)]
    own_name = fold(str(persona.get("name") or "")).strip()
    found: list[tuple[int, Finding]] = []
    lines = read(text, ctx)
    reported: set[tuple[str, int]] = set()   # (other persona name, line) already named by a greeting finding

    # 1. The greeting, in the first lines the company wrote.
    own = [ln for ln in lines if ln.kind == OWN and ln.prose.strip()][:5]
    for ln in own:
        name = _greeted_name(ln.prose, persona)
        if not name or _is_persona(name, persona):
            continue
        other = next((p for p in others if fold(str(p.get("name") or "")).strip() != own_name
                      and _is_persona(name, p)), None)
        if _short_form(name, persona) and (not other or _usual_nickname(name, persona)):
            # "Liz" for Elizabeth, "Maite" for María Teresa, "Bob" for Robert; a usual nickname even when another
            # customer of the run is called that ("Hi Tom" to Thomas Hale beside a Tom Becker): it may be either, so
            # no finding (letters of the name are weaker: "Mia" beside a Mia Chen is Mia, not Maria)
            continue
        if other:
            reported.add((str(other.get("name")), ln.no))
            found.append((ln.no, Finding(
                CHECK, "critical", f"Reply greets another customer ({name})",
                f"This reply was for {persona.get('name')}, but it is addressed to {name} — another customer "
                f"probed in the same run ({other.get('name')}). The company mixed up two conversations.",
                snippet(ln.text))))
        elif persona.get("name"):
            found.append((ln.no, Finding(
                CHECK, "critical", f"Reply greets the wrong name ({name})",
                f"The customer is {persona.get('name')}, but the reply is addressed to {name}: it was probably "
                "meant for someone else, or sent from the wrong template.",
                snippet(ln.text))))
        break  # one greeting per reply

    # 2. Another persona's full name, email address or phone number anywhere. Each line is read once, not
    # once per other customer: a run of 200 customers made this most of a harvest's time per answer.
    folded = [fold(ln.text) for ln in lines] if others else []
    folded_reply = "\n".join(folded)
    spoken = None   # the company's own lines, read once for every other persona (_spoken_lines)
    spoken_to: dict[str, re.Pattern | None] = {}   # first names, judged once for every persona of that name
    lowered = [ln.text.lower() for ln in lines] if others else []
    numbers = [[re.sub(r"\D", "", m.group(0)) for m in re.finditer(r"\+?\d[\d\s().\-/]{6,}\d", ln.text)]
               for ln in lines] if others else []
    for p in others:
        pname = str(p.get("name") or "").strip()
        if pname and fold(pname) != own_name and len(pname.split()) >= 2:
            pat = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(w) for w in fold(pname).split()) + r"(?!\w)")
            for ln, text in zip(lines, folded, strict=True):
                if (pname, ln.no) not in reported and pat.search(text):
                    reported.add((pname, ln.no))
                    found.append((ln.no, Finding(
                        CHECK, "critical", f"Reply names another customer ({pname})",
                        f"{pname} is another customer probed in the same run; their name has no place in a "
                        f"reply to {persona.get('name') or 'this customer'}: one customer's details leaked to "
                        "another.", snippet(ln.text))))
                    break
        if spoken is None and pname and fold(pname) != own_name:
            spoken = _spoken_lines(lines, persona)
        hit = _addressed(spoken or [], p, persona, folded_reply, reported, spoken_to) \
            if pname and fold(pname) != own_name else None
        if hit:
            ln, said = hit
            reported.add((pname, ln.no))
            found.append((ln.no, Finding(
                CHECK, "critical", f"Reply addresses another customer ({said})",
                f"{said} is another customer probed in the same run ({pname}); a reply to "
                f"{persona.get('name') or 'this customer'} that speaks to or about them was meant for someone "
                "else, or carries their details.", snippet(ln.text))))
        email = str(p.get("email") or "").strip().lower()
        if email and email != str(persona.get("email") or "").strip().lower():
            for ln, text in zip(lines, lowered, strict=True):
                if email in text:
                    found.append((ln.no, Finding(
                        CHECK, "critical", "Reply shows another customer's email address",
                        f"{email} belongs to another customer probed in the same run ({pname or 'unnamed'}): "
                        "one customer's details leaked to another.", snippet(ln.text))))
                    break
        digits = re.sub(r"\D", "", str(p.get("phone") or ""))
        own_digits = re.sub(r"\D", "", str(persona.get("phone") or ""))
        if len(digits) >= 8 and digits[-9:] != own_digits[-9:]:
            for ln, found_numbers in zip(lines, numbers, strict=True):
                if any(n.endswith(digits[-9:]) for n in found_numbers):
                    found.append((ln.no, Finding(
                        CHECK, "critical", "Reply shows another customer's phone number",
                        f"The number belongs to another customer probed in the same run ({pname or 'unnamed'}): "
                        "one customer's details leaked to another.", snippet(ln.text))))
                    break

    # 3. Another contact's correlation token.
    own_token = str(getattr(ctx, "token", "") or "").lower()
    tokens = sorted({t.lower() for t in (getattr(ctx, "other_tokens", None) or [])
                     if t and len(t) >= 6 and t.lower() != own_token})
    if tokens:
        wanted = set(tokens)
        # The prober's tokens are letters and digits: a whole run of those is looked up in a set (an
        # alternation of a run's 200 other tokens, compiled for every answer, cost a harvest more than the rest
        # of this check). Any other token shape keeps the pattern.
        token_pat: re.Pattern | None = None
        if not all(t.isascii() and t.isalnum() for t in tokens):
            token_pat = re.compile(rf"(?<![{_TOKEN_CHARS}])(?:" + "|".join(map(re.escape, tokens))
                                   + rf")(?![{_TOKEN_CHARS}])", re.I)
        seen: set[str] = set()
        for ln in lines:
            for m in (_TOKEN_RUN if token_pat is None else token_pat).finditer(ln.text):
                if token_pat is None and m.group(0).lower() not in wanted:
                    continue
                tok = m.group(0).lower()
                if tok in seen:
                    continue
                seen.add(tok)
                found.append((ln.no, Finding(
                    CHECK, "critical", "Reply carries another customer's reference",
                    f"The reference {m.group(0)} belongs to a different contact of this run, not to this "
                    "customer: the company mixed up two customers' conversations.", snippet(ln.text))))
    return [f for _, f in sorted(found, key=lambda pair: pair[0])]


def _greeted_name(line: str, persona: dict | None = None) -> str:
    """The name a greeting line addresses ("Dear Ms Doe," -> "Ms Doe"), or "" for none or a generic one."""
    m = _GREETING.match(line)
    if not m:
        prefix = _PREFIX.match(line)
        speaker = {fold(w) for w in re.findall(r"[^\W\d_]+", prefix.group(0))} if prefix else set()
        if prefix and not speaker & (_CUSTOMER_SPEAKERS | persona_words(persona or {})):
            line = line[prefix.end():]
            m = _GREETING.match(line)
    if not m:
        return ""
    rest = line[m.end():]
    after_comma = bool(re.match(r"\s*[,:]", rest))
    words = rest.strip(" ,:").split()
    taken: list[str] = []
    terminated = False
    letters = _LETTER_TITLES.get(str((persona or {}).get("language") or "")[:2].lower(), set())
    for i, w in enumerate(words):
        bare = w.strip(",;:!.?)(\"'“”")
        f = fold(bare).rstrip(".")
        if not bare:
            break
        if all(fold(t).replace(".", "") in _TITLES for t in taken) and fold(bare[:1]) in letters \
                and re.fullmatch(r"[A-Z]\.?[ªº]?\.?", bare + ".") and i + 1 < len(words) and words[i + 1][:1].isupper():
            continue   # "Bom dia D. Fernanda", "Cara Sra. D. Maria João": the honorific, not an initial
        if f in _TITLES or f.replace(".", "") in _TITLES or (taken and f in _PARTICLES) \
                or bare[0].isupper() or re.fullmatch(r"[A-Z]\.", bare):
            taken.append(bare)
            if re.search(r"[,;:!?)]$", w) or (w.endswith(".") and f not in _TITLES
                                               and f.replace(".", "") not in _TITLES and len(f) > 1):
                terminated = True
                break
            continue
        break
    else:
        terminated = True  # the line ended
    names = [w for w in taken if fold(w).rstrip(".") not in _TITLES and fold(w).replace(".", "") not in _TITLES
             and fold(w) not in _PARTICLES]
    if not names:
        return ""
    folded = [fold(p) for w in names for p in re.split(r"[/&+]", w) if p]
    if any(f in _STOP for f in folded[:1]) or any(f in _GENERIC for f in folded):
        return ""
    if all(len(w) > 1 and w.isupper() for w in names) and (is_field(" ".join(names))
                                                          or is_field("_".join(names))):
        return ""  # "Hi FNAME,", "Dear CUSTOMER NAME": a merge field left unfilled (a placeholder), nobody's name
    if all(re.fullmatch(r"[X*_#]{2,}|[X*_#]+[-.][X*_#]+", w.strip(".,;:!?")) for w in names):
        return ""  # "Gentile XXXXX,", "Dear ****": a mask where the name should be (a placeholder), nobody's name
    if after_comma and not terminated:
        return ""  # "Hello, Thank you for …": a sentence, not a name
    if len(taken) < len(words) and not terminated and words[len(taken)].lower().strip(",.!") == "here":
        return ""  # "Hi, Acme here"
    return " ".join(taken).strip()


def _greeted_words(greeted: str) -> list[str]:
    """The greeting's name words, folded, without titles ("Sig./Sig.ra", "Mr") and particles."""
    words = [fold(w).strip(".") for w in re.split(r"[\s\-/]+", greeted)]
    return [w for w in words if w and w not in _TITLES and w.replace(".", "") not in _TITLES and w not in _PARTICLES]


def _is_persona(greeted: str, persona: dict) -> bool:
    """Does every name word of the greeting fit the persona's name (first name, surname, initial, short form)?"""
    parts = persona_words(persona) | {w for w in fold(str(persona.get("name") or "")).split()}
    parts = {p for p in parts if p not in _TITLES}
    if not parts:
        return False
    words = _greeted_words(greeted)
    if not words:
        return True
    for w in words:
        if w in parts:
            continue
        if len(w) == 1 and any(p.startswith(w) for p in parts):
            continue  # an initial
        if len(w) >= 3 and any(p.startswith(w) for p in parts):
            continue  # "Alex" for Alexandra
        return False
    return True


# Irregular short forms of given names in the languages we check (regular ones, "Alex" for Alexandra, "Liz"
# for Elizabeth, "Juanito" for Juan, are worked out from the letters): formal name -> its usual short forms.
_NICKNAMES = {
    "william": "bill billy will willy liam", "robert": "bob bobby rob robbie bert", "richard": "dick rick ricky rich",
    "margaret": "maggie mags madge meg peggy marge greta daisy", "elizabeth": "liz lizzie beth betty bess lisa eliza elsa libby",
    "edward": "ted ned ed eddie", "john": "jack johnny", "james": "jim jimmy jamie", "henry": "harry hal",
    "katherine": "kate kathy katie kitty kat", "catherine": "kate cathy katie kitty cat", "charles": "chuck charlie",
    "anthony": "tony", "patricia": "pat patty trish tricia", "susan": "sue susie", "theodore": "ted teddy theo",
    "francis": "frank", "frances": "fran frankie", "mary": "molly polly mae", "sarah": "sally", "ann": "nancy",
    "anne": "nancy annie", "helen": "nell nellie", "eleanor": "nell ellie nora", "michael": "mike mick mikey",
    "nicholas": "nick nicky", "christopher": "kit", "rebecca": "becky becca bex", "deborah": "deb debbie",
    "abigail": "abby", "victoria": "vicky tori", "alexander": "sasha sandy xander alex", "alexandra": "sasha sandy alex",
    "frederick": "fred freddie", "lawrence": "larry", "laurence": "larry", "gerald": "gerry", "jeremy": "jerry",
    "andrew": "andy drew", "nathaniel": "nate nat", "isabel": "bella izzy", "isabella": "bella izzy",
    "teresa": "tess tessa terry", "theresa": "tess tessa terry", "dorothy": "dot dolly", "harold": "harry",
    "jacob": "jake", "joseph": "joe joey", "josef": "sepp seppi", "johannes": "hans jan", "johann": "hans",
    "wolfgang": "wolf", "friedrich": "fritz", "heinrich": "heinz", "katharina": "kathi",
    "elisabeth": "lisa liesel sissi",
    "francisco": "paco pancho curro chico", "jose": "pepe ze", "jesus": "chucho chuy", "ignacio": "nacho",
    "guadalupe": "lupe lupita", "dolores": "lola", "concepcion": "concha conchi", "rosario": "charo", "manuel": "manolo",
    "enrique": "quique kike", "mercedes": "merche", "montserrat": "montse", "pilar": "pili", "roberto": "beto",
    "alberto": "beto", "eduardo": "edu lalo dudu", "guillermo": "memo", "giuseppe": "beppe peppe pino",
    "giovanni": "gianni nanni", "salvatore": "toto", "domenico": "mimmo", "vincenzo": "enzo", "cornelis": "kees",
    "hendrik": "henk", "jacobus": "koos jaap", "geertruida": "truus", "wilhelmina": "mien", "fernando": "nando",
    "antonio": "tono toni", "francesca": "cesca", "maximilian": "max", "benjamin": "ben benji",
    "thomas": "tom tommy", "stephen": "steve stevie", "nicolas": "nico nick", "susanne": "susi",
    # Portuguese (Brazil's "Oi Bia" greets Beatriz)
    "beatriz": "bia bea", "eduarda": "duda",
    # one short form for both a man's and a woman's name ("Álex" is Alejandro and Alejandra alike)
    "alejandro": "alex", "alejandra": "alex", "alessandro": "alex ale sandro", "alessandra": "alex ale sandra",
    "alexandre": "alex", "alexandru": "alex", "alexis": "alex", "aleksander": "alex olek",
    "daniel": "dani dan danny daan", "daniela": "dani", "gabriel": "gabi gabe", "gabriela": "gabi", "gabriele": "gabi lele",
    "samuel": "sam sammy", "samantha": "sam sammy", "francesco": "franco checco cesco", "federico": "fede",
    "federica": "fede", "massimiliano": "max massi", "luigi": "gigi", "valentina": "vale", "valentino": "vale",
    "cristina": "cris", "cristian": "cris",
}
_SHORT_OF: dict[str, set[str]] = {}
for _formal, _shorts in _NICKNAMES.items():
    for _short in _shorts.split():
        _SHORT_OF.setdefault(_short, set()).add(_formal)
# Diminutive endings: "Juanito", "Carlitos", "Anita", "Paolino", "Joãozinho", "Gretchen", "Annetje", "Johnny".
# (German and Dutch shorten with -i or -e after the first syllable: "Steffi" for Stefanie, "Andi" for Andreas, "Jule"
# for Julia)
_DIMINUTIVE = re.compile(r"(?:it[oa]s?|ín|in[oa]|inh[oa]|zinh[oa]|chen|tje|je|ke|ie|y|i|e)$")


def _short_form(greeted: str, persona: dict) -> bool:
    """Is every name word of the greeting a usual short form of the persona's given names ("Liz" for
    Elizabeth, "Maite" for María Teresa, "Bob" for Robert, "Juanito" for Juan)? When unsure, yes: the
    greeting is then left alone."""
    names = [w for w in re.split(r"[\s\-.,]+", fold(str(persona.get("name") or ""))) if len(w) >= 2]
    given = names[:-1] or names
    words = _greeted_words(greeted)
    if not words or not given:
        return False
    joined = "".join(given)
    for w in words:
        if any(formal in names for formal in _SHORT_OF.get(w, ())) or _initials(w, names):
            continue
        if len(w) >= 3 and any(w in n for n in given):
            continue   # "Liz" in Elizabeth, "Tina" in Christina
        if len(w) == 2 and any(n.startswith(w) and len(n) > 2 for n in given):
            continue   # "Jo" for Joanne, "Ed" for Edward, "Em" for Emily: the first two letters
        if len(w) >= 3 and w[0] == joined[0] and _subsequence(w, joined):
            continue   # "Maite": Ma(r)i(a) Te(resa)
        stem = _DIMINUTIVE.sub("", w)
        stem = stem[:-1] if len(stem) >= 4 and stem[-1] == stem[-2] else stem   # "Danny": "dann" -> "dan"
        if stem != w and len(stem) >= 2 and any(n.startswith(stem) and (len(stem) >= 3 or len(n) <= 4) for n in given):
            continue   # "Juanito" for Juan, "Anita" for Ana
        return False
    return True


def _usual_nickname(greeted: str, persona: dict) -> bool:
    """Is every name word of the greeting a listed nickname of the persona's names ("Tom" for Thomas)?"""
    names = [w for w in re.split(r"[\s\-.,]+", fold(str(persona.get("name") or ""))) if len(w) >= 2]
    words = _greeted_words(greeted)
    return bool(words) and all(any(formal in names for formal in _SHORT_OF.get(w, ())) or _initials(w, names)
                               for w in words)


def _initials(word: str, names: list[str]) -> bool:
    """Is the word the initials of the given names, or of all the names ("JB" for Jean-Baptiste Morel, "JM" for
    Jane Miller)?"""
    return 2 <= len(word) <= 3 and word in {"".join(n[0] for n in names[:-1]), "".join(n[0] for n in names)}


def _subsequence(short: str, long: str) -> bool:
    it = iter(long)
    return all(c in it for c in short)


# Titles before a surname, as folded: "Mr Kowalski", "Frau Becker", "M. Dupont", "Sra. García".
_TITLE_RE = "|".join(sorted((re.escape(t) for t in _TITLES if len(t) > 1), key=len, reverse=True)) + r"|m(?=\.)"
# Words before a name spoken to: "Ok Leah, …", "Thanks, Tom!", "Sorry Greg —".
_VOCATIVE_BEFORE = (r"(?:^|[,;:–—]\s*|(?<=[.!?])\s+|\b(?:ok|okay|right|alright|so|well|yes|no|thanks|thank you|sorry|hi|hello|"
                    r"hey|"
                    r"dear|danke|merci|gracias|grazie|bedankt|obrigad[oa]|ja|oui|si|sim)\s*,?\s+)")
_VOCATIVE_AFTER = r"(?=\s*(?:[,!?;–—]|\.(?:\s|$)|$))"
# "I'm Tom", "Tom from billing", "Tom here", "Agent Tom:", "Tom (Support)", a signature ("Thanks, Tom" at the
# end of a short line): the name belongs to staff.
_STAFF = (r"(?:i'?m|i am|my name is|this is|it'?s|ich bin|hier ist|je suis|c'est|soy|me llamo|sono|mi chiamo|"
          r"ik ben|sou|agent|advisor|adviser|colleague|kollege|kollegin|collegue|colega|collega|technician|engineer)"
          r"\s+{n}\b|\b{n}\s+(?:from|here|at|von|de|da|van|hier|ici|aqui|qui)\b|"
          r"\b{n}\s*,?\s+(?:our|unser\w*|notre|nos|nuestr[oa]s?|nostr[oa]|onze|noss[oa]s?)\s|"   # "Tom, our engineer"
          r"^\s*(?:[\w ]+\s)?{n}\s*(?:\(|:|$)|^[^\n]{{0,30}}[,\-–—]\s*{n}\s*[.!]?\s*$|\b{n}\W*\Z")
# Words that open a sentence before a name spoken to ("Thanks, Tom.", "Yes, Mark, …"), not a list's name.
_INTERJECTIONS = {"ok", "okay", "right", "alright", "so", "well", "yes", "no", "thanks", "thank", "sorry", "hi",
                  "hello", "hey", "dear", "danke", "merci", "gracias", "grazie", "bedankt", "obrigado", "obrigada",
                  "ja", "oui", "si", "sim", "great", "perfect", "sure", "cheers"}
_LIST_AFTER = re.compile(r"(?:\s*,\s*[A-Z][\w'’]*)*\s*,?\s*(?:and|or|&|und|oder|et|ou|y|o|e|en|of)\s+[A-Z]")
_SPEAKER = re.compile(r"^\s*([^\W\d_][\w .'’-]{0,30}):")


def _spoken_lines(lines, persona: dict) -> list[tuple]:
    """The company's own lines, each as (line, text, folded text, length of the carried word): the last word
    of the line before is carried in front ("… for Mr\nKowalski …" wraps a title onto its own line). Not
    the customer's own lines in a chat transcript, nor lines whose folded text would not line up ("ß")."""
    speakers = _CUSTOMER_SPEAKERS | persona_words(persona)
    out = []
    carry = ""
    for ln in lines:
        if ln.kind != OWN or not ln.prose.strip():
            carry = ""
            continue
        prose = carry + ln.prose
        carried, carry = len(carry), (ln.prose.split() or [""])[-1] + " "
        folded = fold(prose)
        if len(folded) != len(prose):
            continue
        speaker = _SPEAKER.match(ln.prose)
        if speaker and {fold(w) for w in re.findall(r"[^\W\d_]+", speaker.group(1))} & speakers:
            continue   # the customer's own line in a chat transcript
        out.append((ln, prose, folded, carried))
    return out


@lru_cache(maxsize=4096)
def _surname_pattern(surname: str) -> re.Pattern:
    return re.compile(rf"(?<!\w)(?:(?:{_TITLE_RE})\.?|([a-z])\.?)\s+{re.escape(surname)}(?!\w)")


@lru_cache(maxsize=4096)
def _first_name_patterns(first: str) -> tuple[re.Pattern, re.Pattern]:
    return (re.compile(_STAFF.format(n=re.escape(first)), re.I | re.M),
            re.compile(_VOCATIVE_BEFORE + rf"({re.escape(first)})" + _VOCATIVE_AFTER))


@lru_cache(maxsize=4096)
def _mine(name: str) -> frozenset[str]:
    """The persona's name words, folded."""
    return frozenset(persona_words({"name": name}) | set(fold(name).split()))


@lru_cache(maxsize=65536)
def _name_words(name: str) -> tuple[str, ...]:
    """Another persona's name words, folded ("Anna-Lena Müller" -> anna, lena, muller)."""
    return tuple(w for w in re.split(r"[\s\-]+", fold(name)) if w)


def _addressed(spoken: list[tuple], other: dict, persona: dict, folded_reply: str, reported: set,
               spoken_to: dict) -> tuple | None:
    """The first company line that speaks to or about another persona by a part of their name: title or
    initial with their surname ("Mr Kowalski", "S. Brennan"), or their first name as a form of address
    ("Ok Leah, …", "…, Greg, the reading …"). Not when the name is also the customer's, or is a member of
    staff introduced as such ("I'm Tom from billing", a signature), or in the customer's own chat lines.
    spoken: _spoken_lines of the reply; spoken_to: first name -> its pattern (None: not a form of address
    here), filled in as the reply's other personas are read."""
    pname = str(other.get("name") or "").strip()
    words = _name_words(pname)
    if not any(w in folded_reply for w in words):
        return None   # neither name appears at all: most other personas, in a run of hundreds
    mine = _mine(str(persona.get("name") or ""))
    first, surname = words[0], words[-1]
    by_surname = by_first = None
    if len(words) >= 2 and surname not in mine and len(surname) >= 2 and surname in folded_reply \
            and not _first_name_patterns(surname)[0].search(folded_reply):   # not "Dr Becker here", a signature
        by_surname = _surname_pattern(surname)
    if first in spoken_to:
        by_first = spoken_to[first]
    elif first not in mine and len(first) >= 2 and first not in _GENERIC and first not in _STOP \
            and first in folded_reply and not _is_persona(first, persona) and not _short_form(first, persona):
        # (the customer's own name or a short form of it wins: "Paul" for Pauline)
        staff, vocative = _first_name_patterns(first)
        by_first = spoken_to[first] = None if staff.search(folded_reply) else vocative
    else:
        spoken_to[first] = None
    if not (by_surname or by_first):
        return None
    for ln, prose, folded, carried in spoken:
        if (pname, ln.no) in reported:
            continue
        for m in by_surname.finditer(folded) if by_surname else ():
            if not prose[m.end() - len(surname)].isupper():
                continue   # "a price", not "A. Price"
            if m.group(1) and (m.group(1) != first[0] or not prose[m.start(1)].isupper()
                               or (prose[m.end(1):m.end(1) + 1] != "." and m.group(1) in "aeioy")):
                continue   # an initial: theirs, written as one ("S. Brennan"), not the word "A" or "I"
            return ln, prose[m.start():m.end()]
        for m in by_first.finditer(folded, carried) if by_first else ():
            start = m.start(1)
            listed = re.search(r"([A-Z][\w'’]*)\s*,\s*$", prose[carried:start])
            if not prose[start].isupper() or _LIST_AFTER.match(prose[m.end(1):]) \
                    or (listed and fold(listed.group(1)) not in _INTERJECTIONS):
                continue   # written as a name, and not one of a list ("Tom, Anna and Bob")
            return ln, prose[start:m.end(1)]
    return None
