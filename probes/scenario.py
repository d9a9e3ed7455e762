"""Scenario files: one customer journey each (persona, target, ordered steps).

Loading validates the YAML with pydantic (unknown keys rejected), then checks
what a schema cannot: the target exists, every {reference} resolves, step ids
are unique and every destination is on the target's allowlist. Every problem
comes back as ``file:line: field.path: message``.
"""
from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Annotated, Any, Literal, Union

from pydantic import Discriminator, Field, Tag, TypeAdapter, ValidationError, field_validator

from . import channels
from .awaits import AwaitStep
from .config import E164, LOCATIONS_HELP, TUNING_HELP, Config, Locations, Tuning, url_problem
from .steps import Strict
from .templating import TemplateError, render
from .yamlsource import InputError, SourceDoc, load_yaml, register_tag, validate

# ISO 639-1: the two-letter language codes a persona's `language` may be.
ISO_639_1 = frozenset("""
aa ab ae af ak am an ar as av ay az ba be bg bi bm bn bo br bs ca ce ch co cr cs cu cv cy da de dv dz ee el en
eo es et eu fa ff fi fj fo fr fy ga gd gl gn gu gv ha he hi ho hr ht hu hy hz ia id ie ig ii ik io is it iu ja
jv ka kg ki kj kk kl km kn ko kr ks ku kv kw ky la lb lg li ln lo lt lu lv mg mh mi mk ml mn mr ms mt my na nb
nd ne ng nl nn no nr nv ny oc oj om or os pa pi pl ps pt qu rm rn ro ru rw sa sc sd se sg si sk sl sm sn so sq
sr ss st su sv sw ta te tg th ti tk tl tn to tr ts tt tw ty ug uk ur uz ve vi vo wa wo xh yi yo za zh zu
""".split())
# The languages the `language` check recognises (probes/checks/language.py). Other codes are allowed: a reply
# plainly and wholly in one of these to a customer of another language is reported; nothing more is checked.
LANGUAGE_CHECKED = ("en", "de", "fr", "es", "it", "nl", "pt")
_LANGUAGE_NAMES = {"english": "en", "german": "de", "deutsch": "de", "french": "fr", "français": "fr",
                   "spanish": "es", "español": "es", "italian": "it", "italiano": "it", "dutch": "nl",
                   "nederlands": "nl", "portuguese": "pt", "português": "pt", "en-gb": "en", "en-us": "en",
                   "en_gb": "en", "en_us": "en", "pt-br": "pt", "pt_br": "pt", "de-de": "de", "fr-fr": "fr"}

Situation = Literal["general", "complaint", "bereavement", "urgent", "non_native_speaker", "vulnerable"]

for _channel_id in channels.REGISTRY:
    register_tag(_channel_id)
register_tag("await")


def _step_kind(value) -> str | None:
    # An await step is recognised by its `await` key; any other step by its channel.
    if isinstance(value, dict):
        return "await" if "await" in value else value.get("channel")
    return "await" if isinstance(value, AwaitStep) else getattr(value, "channel", None)


if TYPE_CHECKING:
    Step = Any   # built from the channel registry at run time, which a type checker cannot follow
else:
    Step = Annotated[
        Union[tuple(Annotated[mod.Params, Tag(cid)] for cid, mod in channels.REGISTRY.items())
              + (Annotated[AwaitStep, Tag("await")],)],
        Discriminator(_step_kind, custom_error_type="unknown_channel",
                      custom_error_message="unknown channel", custom_error_context={}),
    ]


class Persona(Strict):
    """Who the synthetic customer is. Checks use this to judge replies."""

    name: str = Field(min_length=1)
    email: str | None = None
    phone: str | None = None
    language: str = Field("en", description="ISO 639-1 code of the language the customer writes in")
    situation: Situation = Field("general", description="why the customer gets in touch; "
                                                       "replies are judged against it")

    @field_validator("email")
    @classmethod
    def _email(cls, v: str | None) -> str | None:
        if v is not None and ("@" not in v or " " in v.strip()):
            raise ValueError(f"'{v}' is not an email address")
        return v

    @field_validator("phone")
    @classmethod
    def _phone(cls, v: str | None) -> str | None:
        # Forms and texts get this number as the customer's own: a short or local one would be a lie.
        if v is not None and not E164.fullmatch(v):
            raise ValueError(f"'{v}' is not a phone number in +E.164 form, like +442071234567")
        return v

    @field_validator("language")
    @classmethod
    def _language(cls, v: str) -> str:
        if v not in ISO_639_1:
            hint = _LANGUAGE_NAMES.get(v.strip().lower())
            known = ", ".join(LANGUAGE_CHECKED)
            raise ValueError(f"'{v}' is not an ISO 639-1 language code" + (f" (did you mean '{hint}'?)" if hint else "")
                             + f"; write two lower-case letters such as en or de (the language check knows {known})")
        return v


class Journey(Strict):
    """One scenario file."""

    name: str = Field(min_length=1)
    description: str = ""
    tags: list[str] = Field(default_factory=list)
    persona: Persona
    target: str = Field(description="a target defined in probes.yaml")
    identity: str | None = Field(None, description="which of probes.yaml's identities the customer writes "
                                                   "from; default: the only one")
    checks: Tuning = Field(default_factory=dict, description=TUNING_HELP + "; overrides the target's entry "
                                                                          "for the same check")
    confirm_after: int | None = Field(None, ge=1, le=30, description="runs in a row that must find a problem "
                                                                    "before it is confirmed (default: the "
                                                                    "target's, else settings.confirm_after)")
    steps: list[Step] = Field(min_length=1)
    reruns: int | None = Field(None, ge=0, le=3, description="settings.reruns for this journey (wins over "
                                                              "the target's)")
    locations: Locations | None = Field(None, description=LOCATIONS_HELP + "; wins over the target's")


@dataclass
class LoadedJourney:
    journey: Journey
    doc: SourceDoc

    @property
    def path(self) -> str:
        return self.doc.path


def step_ids(journey: Journey) -> list[str]:
    """Each step's id, defaulting to '<channel>-<n>' (or 'await-<n>')."""
    return [s.id or f"{_step_kind(s)}-{i + 1}" for i, s in enumerate(journey.steps)]


def identity_of(journey: Journey, config: Config):
    """(name, Identity) the journey writes from, or (None, None) when probes.yaml has none."""
    if journey.identity:
        return journey.identity, config.identities.get(journey.identity)
    if len(config.identities) == 1:
        return next(iter(config.identities.items()))
    return None, None


def effective_tuning(journey: Journey, config: Config) -> dict[str, dict]:
    """The checks this journey tunes: the target's entries, then the journey's (which win for the same check).

    Shape (stored in journeys.tuning, read by the checks and the report):
    {check id: {"off": bool, "severity": str | None, "reason": str, "from": "target" | "scenario"}}
    """
    target = config.targets.get(journey.target)
    out: dict[str, dict] = {}
    for source, entries in (("target", target.checks if target else {}), ("scenario", journey.checks)):
        for check_id, t in entries.items():
            out[check_id] = {"off": t.off, "severity": t.severity, "reason": t.reason, "from": source}
    return out


def template_values(journey: Journey, config: Config, token: str, steps: dict[str, dict]) -> dict:
    """What {references} in a step can name."""
    _, identity = identity_of(journey, config)
    return _values(journey.persona.model_dump(), config.targets[journey.target], identity, token, steps)


def _values(persona: dict, target, identity, token: str, steps: dict[str, dict]) -> dict:
    values = {
        "persona": persona,
        "token": token,
        # An unknown target is reported on its own; its {target.…} references are then not checked.
        "target": {"name": target.name, **target.endpoints} if target else _AnyValue(),
        "steps": steps,
    }
    if identity and identity.email:
        values["reply_to"] = identity.email.reply_address(token)
    if identity and identity.phone:
        values["reply_phone"] = identity.phone.number
    return values


class _AnyValue(dict):
    """Stands in for a group whose names cannot be known (an unknown target): every name resolves."""

    def __contains__(self, key) -> bool:
        return True

    def __getitem__(self, key):
        return "TARGET"


_STEP: TypeAdapter = TypeAdapter(Step)


def load_journey(path: str | Path, config: Config) -> LoadedJourney:
    """Load one scenario file; raise InputError listing every problem with file:line.

    All problems come in one pass: the schema's, then (for what passed the schema) the target, the
    identity, step ids, {references}, destinations on the allowlist and await references.
    """
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise InputError(doc.problems + [doc.problem((), "a scenario file must be a mapping with name, persona, "
                                                         "target and steps")])
    problems = []
    try:
        # Files a step attaches (web_form upload) are found next to the scenario file.
        journey: Journey | None = validate(Journey, doc, context={  # type: ignore[assignment]
            "scenario_dir": Path(path).resolve().parent})
    except InputError as err:
        problems.extend(err.problems)
        journey = None
    problems.extend(_cross_check(doc, journey, config))
    if problems:
        raise InputError(_unique(problems))
    assert journey is not None
    return LoadedJourney(journey, doc)


def _unique(problems: list) -> list:
    seen, out = set(), []
    for p in problems:
        if str(p) not in seen:
            seen.add(str(p))
            out.append(p)
    return out


def _parts(doc: SourceDoc, journey: Journey | None):
    """(target, identity, persona values, [(id, step model or None, raw step)]) from what passed the schema.

    A step that failed it still lends its id, saved names and contact to later steps, so their
    references are judged as if it were fixed (and its own problems are not reported twice).
    """
    data = doc.data
    if journey is not None:
        return (journey.target, journey.identity, journey.persona.model_dump(),
                [(sid, step, None) for sid, step in zip(step_ids(journey), journey.steps, strict=True)])
    target = data.get("target") if isinstance(data.get("target"), str) else None
    identity = data.get("identity") if isinstance(data.get("identity"), str) else None
    raw_persona = data.get("persona") if isinstance(data.get("persona"), dict) else {}
    persona = {name: raw_persona.get(name, f.default) for name, f in Persona.model_fields.items()}
    raw_steps = data.get("steps") if isinstance(data.get("steps"), list) else []
    steps = []
    for i, raw in enumerate(raw_steps):
        try:
            step = _STEP.validate_python(raw)
        except ValidationError:
            step = None
        raw = raw if isinstance(raw, dict) else {}
        kind = "await" if "await" in raw else raw.get("channel")
        sid = step.id if step is not None else raw.get("id")
        steps.append((sid if isinstance(sid, str) and sid else f"{kind if isinstance(kind, str) else 'step'}-{i + 1}",
                      step, raw))
    return target, identity, persona, steps


def _cross_check(doc: SourceDoc, journey: Journey | None, config: Config) -> list:
    """What a schema cannot check: target, identity, step ids, references, allowlist, awaits."""
    problems = []
    target_name, identity_name, persona, steps = _parts(doc, journey)
    target = None
    if target_name is not None and target_name not in config.targets:
        known = ", ".join(sorted(config.targets)) or "none"
        problems.append(doc.problem(("target",), f"unknown target '{target_name}'; "
                                                  f"targets in {config.source or 'probes.yaml'}: {known}"))
    elif target_name is not None:
        target = config.targets[target_name]
    models = [step for _, step, _ in steps if step is not None]
    if identity_name:
        identity = config.identities.get(identity_name)
    elif len(config.identities) == 1:
        identity = next(iter(config.identities.values()))
    else:
        identity = None
    if identity_name and identity is None:
        known = ", ".join(sorted(config.identities)) or "none"
        problems.append(doc.problem(("identity",), f"unknown identity '{identity_name}'; identities in "
                                                    f"{config.source or 'probes.yaml'}: {known}"))
    elif identity is None and len(config.identities) > 1 and any(needs_mailbox(s) or needs_phone(s)
                                                                 for s in models):
        problems.append(doc.problem(("identity",), "probes.yaml has several identities; say which one: "
                                                    + ", ".join(sorted(config.identities))))
    contacts_so_far: dict[str, str] = {}
    seen: dict[str, int] = {}
    earlier: dict[str, dict] = {}
    for i, (sid, step, raw) in enumerate(steps):
        if sid in seen:
            problems.append(doc.problem(("steps", i, "id"), f"step id '{sid}' is already used by steps.{seen[sid]}"))
        seen[sid] = i
        if step is None:  # its schema problems are reported; it still counts for the steps after it
            if raw.get("channel") and "await" not in raw:
                contacts_so_far[sid] = str(raw.get("channel"))
            saved = raw.get("save") if isinstance(raw.get("save"), dict) else {}
            earlier[sid] = {"token": "TOKEN", **{str(name): "SAVED" for name in saved}}
            continue
        values = _values(persona, target, identity, "TOKEN", earlier)
        for field_path, text in step.template_fields().items():
            try:
                render(text, values)
            except TemplateError as exc:
                problems.append(doc.problem(("steps", i, *field_path), _reference_hint(str(exc), earlier, values)))
        dest = step.destination()
        if dest is not None:
            problems.extend(_destination_problems(doc, i, step, dest, values, target_name, target, persona,
                                                  identity, earlier))
        if isinstance(step, AwaitStep):
            if step.await_ not in contacts_so_far:
                where = ("an earlier step that makes a contact: " + ", ".join(contacts_so_far)
                         if contacts_so_far else "an earlier step that makes a contact; there is none before it")
                problems.append(doc.problem(("steps", i, "await"), f"'{step.await_}' is not {where}"))
        if needs_mailbox(step) and not (identity and identity.email):
            problems.append(doc.problem(("steps", i), "this step needs the prober's mailbox: add an identity "
                                                      "with an email section to probes.yaml"))
        if needs_phone(step) and not (identity and identity.phone):
            problems.append(doc.problem(("steps", i), "this step needs the prober's Twilio number: add an "
                                                      "identity with a phone section to probes.yaml"))
        elif (isinstance(step, channels.phone.PhoneStep) and step.mode == "interactive"
              and identity and identity.phone and not identity.phone.webhooks):
            problems.append(doc.problem(("steps", i, "mode"), "an interactive call needs webhooks.public_url "
                                        "in the identity's phone section (a URL Twilio can reach the prober "
                                        "at); or use mode: scripted"))
        if dest is not None:
            contacts_so_far[sid] = step.channel
        earlier[sid] = {"token": "TOKEN", **{name: "SAVED" for name in step.saved_names()}}
    return problems


def _destination_problems(doc, i, step, dest, values, target_name, target, persona, identity, earlier) -> list:
    """A step's destination: a URL whose host and port are known now, and on the target's allowlist."""
    where = ("steps", i, step.destination_field)
    try:
        resolved = render(dest, values)
    except TemplateError:
        return []  # already reported as a reference problem
    if resolved.lower().startswith(("http://", "https://")):
        # Values known only when the step runs (the token, saved values) may not decide where it goes:
        # render them as {name} and refuse a URL whose host or port still holds one.
        marked = _values(persona, target, identity, "{token}",
                         {sid: {k: f"{{steps.{sid}.{k}}}" for k in vals} for sid, vals in earlier.items()})
        marked_url = render(dest, marked)
        if why := url_problem(marked_url):
            return [doc.problem(where, f"{dest if marked_url != resolved else resolved} {why}")]
        if why := url_problem(resolved):
            return [doc.problem(where, f"{resolved} {why}")]
    if target is not None and not target.allows(resolved):
        return [doc.problem(where, f"{resolved} is not on the allowlist of target '{target_name}'; "
                                   f"add it to targets.{target_name}.allowlist in probes.yaml if the prober "
                                   "may contact it")]
    return []


def uses(step, attribute: str) -> bool:
    """Does the step's channel declare attribute (USES_BROWSER, USES_MAILBOX)? Await steps use none."""
    return not isinstance(step, AwaitStep) and getattr(channels.REGISTRY[step.channel], attribute, False)


def needs_mailbox(step) -> bool:
    """Steps that send from, or read answers in, the prober's mailbox."""
    return (isinstance(step, AwaitStep) and step.channel == "email") or uses(step, "USES_MAILBOX")


def needs_phone(step) -> bool:
    """Steps that call or text from, or read texts sent to, the prober's Twilio number."""
    return (isinstance(step, AwaitStep) and step.channel == "sms") or uses(step, "USES_TWILIO")


def _reference_hint(message: str, earlier: dict[str, dict], values: dict) -> str:
    names = "{persona.name|email|phone|language|situation}, {token}, " + "".join(
        f"{{{k}}}, " for k in ("reply_to", "reply_phone") if k in values) + "{target.name|<endpoint>}"
    if earlier:
        names += ", " + ", ".join(f"{{steps.{sid}.{k}}}" for sid, vals in earlier.items() for k in vals)
    return f"{message}; available here: {names}"


def expand_paths(paths: list[str], skip: list[Path] | tuple[Path, ...] = ()) -> list[Path]:
    """Scenario files from files and folders.

    A folder is searched through its sub-folders for *.yaml/*.yml (sorted by path), leaving out hidden folders
    (.git, .venv …: not even walked), hidden files and the folders in skip (the reports folder). Files given by
    name are kept as they are. Raises InputError naming each folder that holds no such file.
    """
    from .yamlsource import Problem

    left_out = {Path(s).resolve() for s in skip}
    out: list[Path] = []
    problems = []
    for p in map(Path, paths):
        if not p.is_dir():
            out.append(p)
            continue
        found: list[Path] = []
        for folder, subfolders, files in os.walk(p):
            # Pruned in place, so that os.walk never enters them.
            subfolders[:] = [d for d in subfolders if not d.startswith(".")
                             and (Path(folder) / d).resolve() not in left_out]
            found.extend(Path(folder) / f for f in files
                         if f.endswith((".yaml", ".yml")) and not f.startswith("."))
        if not found:
            problems.append(Problem(str(p), 1, "", "no scenario files (*.yaml, *.yml) in this folder or its "
                                                   "sub-folders (hidden folders and the reports folder are not "
                                                   "searched)"))
        out.extend(sorted(found))
    if problems:
        raise InputError(problems)
    return out
