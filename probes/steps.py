"""What every step has, whatever its channel. Each channel module adds its own params model."""
from __future__ import annotations

import re
from typing import Annotated, ClassVar, Literal

from pydantic import AfterValidator, BaseModel, ConfigDict, Field, field_validator

STEP_ID = re.compile(r"^[a-z][a-z0-9_-]*$")


def compile_regex(pattern: str) -> re.Pattern:
    """``re.compile``, with every way a pattern can be refused (``\\d{99999999999}`` overflows) as ValueError."""
    try:
        return re.compile(pattern)
    except (re.error, OverflowError, RecursionError) as exc:
        raise ValueError(f"not a valid regular expression: {exc}") from None


def _compiles(value: str) -> str:
    compile_regex(value)
    return value


# A regular expression from a scenario, checked when the file is loaded rather than when it is used.
Regex = Annotated[str, AfterValidator(_compiles)]


def _points(value: list) -> list:
    for point in value:
        for p in (point if isinstance(point, list) else [point]):
            if len(p) > 2 and p.startswith("/") and p.endswith("/"):
                _compiles(p[1:-1])
    return value


# What a real answer must mention: each point is words (all of them), a /regex/, or a list meaning any of them.
MustMention = Annotated[list[str | list[str]], AfterValidator(_points)]


# The severities a step's stop_on may name, and "never" (only a contact that did not get through stops).
StopOn = Literal["critical", "major", "minor", "info", "never"]


class Strict(BaseModel):
    """Scenario models reject unknown keys: a typo must not silently do nothing."""

    model_config = ConfigDict(extra="forbid")


class StepBase(Strict):
    # The params key that holds where the step makes contact (checked against the allowlist).
    destination_field: ClassVar[str] = "url"

    id: str | None = Field(None, description="short name for this step (letters, digits, _ and -); "
                                             "later steps refer to its saved values as {steps.<id>.<name>}")
    description: str = ""
    stage: str | None = Field(None, min_length=1, max_length=60, description="the journey stage this step is "
                              "drawn in on the journey map (`probes map`); default: from what happened")
    # When a finding ends the journey (see runner.stop_reason): a contact that did not get through always
    # does; "critical" (the default) also stops on a critical finding, "major" on a major or critical one …
    stop_on: StopOn = Field("critical", description="stop the journey after this step on a finding of this "
                                                    "severity or worse (critical, major, minor, info), or never; "
                                                    "a contact that did not get through always stops it")

    @field_validator("id")
    @classmethod
    def _id(cls, v: str | None) -> str | None:
        if v is not None and not STEP_ID.match(v):
            raise ValueError("use lower-case letters, digits, _ and -, starting with a letter")
        return v

    def template_fields(self) -> dict[tuple, str]:
        """Values that may hold {references}, by their path inside the step (a tuple of keys)."""
        return {}

    def destination(self) -> str | None:
        """Where this step makes contact (a URL, address or number), before templating."""
        return None

    def saved_names(self) -> list[str]:
        """Names this step saves for later steps ({steps.<id>.<name>})."""
        return []
