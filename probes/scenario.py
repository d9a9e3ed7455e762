"""Scenario files: one customer journey each (persona, target, ordered steps).

Loading validates the YAML with pydantic (unknown keys rejected), then checks
what a schema cannot: the target exists, every {reference} resolves, step ids
are unique and every destination is on the target's allowlist. Every problem
comes back as ``file:line: field.path: message``.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Annotated, Literal, Union

from pydantic import Discriminator, Field, Tag, field_validator

from . import channels
from .awaits import AwaitStep
from .config import TUNING_HELP, Config, Tuning
from .steps import Strict
from .templating import TemplateError, render
from .yamlsource import InputError, SourceDoc, load_yaml, register_tag, validate

Situation = Literal["general", "complaint", "bereavement", "urgent", "non_native_speaker", "vulnerable"]

for _channel_id in channels.REGISTRY:
    register_tag(_channel_id)
register_tag("await")


def _step_kind(value) -> str | None:
    # An await step is recognised by its `await` key; any other step by its channel.
    if isinstance(value, dict):
        return "await" if "await" in value else value.get("channel")
    return "await" if isinstance(value, AwaitStep) else getattr(value, "channel", None)


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
    steps: list[Step] = Field(min_length=1)  # type: ignore[valid-type]


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
    target = config.targets[journey.target]
    values = {
        "persona": journey.persona.model_dump(),
        "token": token,
        "target": {"name": target.name, **target.endpoints},
        "steps": steps,
    }
    _, identity = identity_of(journey, config)
    if identity and identity.email:
        values["reply_to"] = identity.email.reply_address(token)
    if identity and identity.phone:
        values["reply_phone"] = identity.phone.number
    return values


def load_journey(path: str | Path, config: Config) -> LoadedJourney:
    """Load one scenario file; raise InputError listing every problem with file:line."""
    doc = load_yaml(path)
    if not isinstance(doc.data, dict):
        raise InputError([doc.problem((), "a scenario file must be a mapping with name, persona, target and steps")])
    journey = validate(Journey, doc)
    problems = []
    if journey.target not in config.targets:
        known = ", ".join(sorted(config.targets)) or "none"
        problems.append(doc.problem(("target",), f"unknown target '{journey.target}'; "
                                                  f"targets in {config.source or 'probes.yaml'}: {known}"))
        raise InputError(problems)
    target = config.targets[journey.target]
    identity_name, identity = identity_of(journey, config)
    if journey.identity and identity is None:
        known = ", ".join(sorted(config.identities)) or "none"
        problems.append(doc.problem(("identity",), f"unknown identity '{journey.identity}'; identities in "
                                                    f"{config.source or 'probes.yaml'}: {known}"))
    elif identity is None and len(config.identities) > 1 and any(needs_mailbox(s) or needs_phone(s)
                                                                 for s in journey.steps):
        problems.append(doc.problem(("identity",), "probes.yaml has several identities; say which one: "
                                                    + ", ".join(sorted(config.identities))))
    ids = step_ids(journey)
    contacts_so_far: dict[str, str] = {}
    seen: dict[str, int] = {}
    earlier: dict[str, dict] = {}
    for i, (sid, step) in enumerate(zip(ids, journey.steps)):
        if sid in seen:
            problems.append(doc.problem(("steps", i, "id"), f"step id '{sid}' is already used by steps.{seen[sid]}"))
        seen[sid] = i
        values = template_values(journey, config, "TOKEN", earlier)
        for field_path, text in step.template_fields().items():
            try:
                render(text, values)
            except TemplateError as exc:
                problems.append(doc.problem(("steps", i, *field_path), _reference_hint(str(exc), earlier, values)))
        dest = step.destination()
        if dest is not None:
            try:
                resolved = render(dest, values)
            except TemplateError:
                resolved = None  # already reported above
            if resolved is not None and not target.allows(resolved):
                problems.append(doc.problem(
                    ("steps", i, step.destination_field),
                    f"{resolved} is not on the allowlist of target '{journey.target}'; "
                    f"add it to targets.{journey.target}.allowlist in probes.yaml if the prober may contact it"))
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
              and not identity.phone.webhooks):
            problems.append(doc.problem(("steps", i, "mode"), "an interactive call needs webhooks.public_url "
                                        "in the identity's phone section (a URL Twilio can reach the prober "
                                        "at); or use mode: scripted"))
        if step.destination() is not None:
            contacts_so_far[sid] = step.channel
        earlier[sid] = {"token": "TOKEN", **{name: "SAVED" for name in step.saved_names()}}
    if problems:
        raise InputError(problems)
    return LoadedJourney(journey, doc)


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


def expand_paths(paths: list[str]) -> list[Path]:
    """Scenario files from files and folders (folders: every *.yaml/*.yml, sorted)."""
    out: list[Path] = []
    for p in map(Path, paths):
        if p.is_dir():
            out.extend(sorted([*p.glob("*.yaml"), *p.glob("*.yml")]))
        else:
            out.append(p)
    return out
