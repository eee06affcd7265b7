"""Why a file was rejected, in words a person understands.

A rejected file is quarantined with its stage and message, and the rest of the folder loads normally, so
errors are values passed around rather than exceptions that stop a run.
"""
from __future__ import annotations


class ReportError(Exception):
    """A file that cannot be loaded as a plan report."""

    def __init__(self, stage: str, message: str):
        super().__init__(f"{stage}: {message}")
        self.stage = stage  # read | decode | metadata | extract
        self.message = message
