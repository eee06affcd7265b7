"""Why a file was rejected, in words a person understands.

A rejected file is quarantined with its stage and message, and the rest of the folder loads normally, so
errors are values passed around rather than exceptions that stop a run. Inside the library a rejection is
raised as a `ReportError`; what leaves the library (and crosses process boundaries) is a `Rejection`, plain
data that always pickles.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rejection:
    """A file that was not loaded: the stage that refused it and a message naming the problem."""

    stage: str  # read | decode | metadata | extract | duplicate
    message: str

    def __str__(self) -> str:
        return f"{self.stage}: {self.message}"


class ReportError(Exception):
    """A file that cannot be loaded as a plan report."""

    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage  # read | decode | metadata | extract
        self.message = message

    def __reduce__(self):
        # Exception pickles args=(str(self),), which __init__ cannot take back: rebuild from both fields
        return type(self), (self.stage, self.message)

    @property
    def rejection(self) -> Rejection:
        return Rejection(self.stage, self.message)
