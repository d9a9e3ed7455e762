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

from pydantic import Field, field_validator

from . import channels
from .config import Config
from .steps import Strict
from .templating import TemplateError, render
from .yamlsource import InputError, SourceDoc, load_yaml, register_tag, validate

Situation = Literal["general", "complaint", "bereavement", "urgent", "non_native_speaker", "vulnerable"]

for _channel_id in channels.REGISTRY:
    register_tag(_channel_id)

_step_models = tuple(mod.Params for mod in channels.REGISTRY.values())
if len(_step_models) == 1:
    Step = _step_models[0]
else:  # pragma: no cover - grows as channels are added
    Step = Annotated[Union[_step_models], Field(discriminator="channel")]


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
    steps: list[Step] = Field(min_length=1)  # type: ignore[valid-type]


@dataclass
class LoadedJourney:
    journey: Journey
    doc: SourceDoc

    @property
    def path(self) -> str:
        return self.doc.path


def step_ids(journey: Journey) -> list[str]:
    """Each step's id, defaulting to '<channel>-<n>'."""
    return [s.id or f"{s.channel}-{i + 1}" for i, s in enumerate(journey.steps)]


def template_values(journey: Journey, config: Config, token: str, steps: dict[str, dict]) -> dict:
    """What {references} in a step can name."""
    target = config.targets[journey.target]
    return {
        "persona": journey.persona.model_dump(),
        "token": token,
        "target": {"name": target.name, **target.endpoints},
        "steps": steps,
    }


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
    ids = step_ids(journey)
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
                problems.append(doc.problem(("steps", i, *field_path), _reference_hint(str(exc), earlier)))
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
        earlier[sid] = {"token": "TOKEN", **{name: "SAVED" for name in step.saved_names()}}
    if problems:
        raise InputError(problems)
    return LoadedJourney(journey, doc)


def _reference_hint(message: str, earlier: dict[str, dict]) -> str:
    names = "{persona.name|email|phone|language|situation}, {token}, {target.name|<endpoint>}"
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
