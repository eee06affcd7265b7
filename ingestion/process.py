"""One file's bytes → a loadable report or a quarantine record. Pure, so it can run in worker processes.

The result is plain data (a failure is a `Rejection`, never an exception object), so it always pickles back
from a worker."""
from __future__ import annotations

from dataclasses import dataclass, field

from .completeness import INCOMPLETE
from .errors import Rejection, ReportError
from .extract import extract_document
from .folder import sha256_bytes
from .metadata import is_plan_report
from .quality import report_quality
from .reading import read_document
from .records import Extraction, PartSeen
from .version import EXTRACTOR_VERSION  # noqa: F401  (bumped in version.py; read here by warehouse.load)


@dataclass
class ProcessedReport:
    report_file: str
    sha256: str
    size: int
    text: str | None = None
    extraction: Extraction | None = None
    error: Rejection | None = None
    quality: dict = field(default_factory=dict)  # `quality.report_quality`: stored with the facts, judged by checks

    @property
    def ok(self) -> bool:
        return self.error is None

    @property
    def parts(self) -> list[PartSeen]:
        return self.extraction.parts if self.extraction is not None else []

    @property
    def problems(self) -> list[PartSeen]:
        """The parts that were not read fully (a warning each, never a silent zero)."""
        return problems_of(self.parts)

    @property
    def incomplete(self) -> list[str]:
        """What a file that ends early is missing (`completeness.py`)."""
        return incomplete_of(self.parts)


def problems_of(parts: list[PartSeen]) -> list[PartSeen]:
    return [p for p in parts if p.problem]


def incomplete_of(parts: list[PartSeen]) -> list[str]:
    return [p.problem for p in parts if p.kind == INCOMPLETE and p.problem]


def process_report(report_file: str, data: bytes, sha256: str | None = None) -> ProcessedReport:
    """`sha256`, when the caller already hashed the file (the refresh plan did), is taken as the content's hash
    instead of hashing the bytes again."""
    out = ProcessedReport(report_file=report_file, sha256=sha256 or sha256_bytes(data), size=len(data))
    try:
        model = read_document(report_file, data)  # decode: dispatch on the extension and the content
        out.text = model.text
        extraction = extract_document(model)
        if not is_plan_report(extraction.meta):
            raise ReportError(
                "metadata",
                "no plan-report title found (expected e.g. “…2021年国民经济和社会发展计划执行情况及2022年计划草案的报告” "
                "or “…2020年经济社会发展计划” near the top)",
            )
        out.extraction = extraction
        out.quality, problems = report_quality(model.text, extraction.indicators)
        extraction.parts.extend(problems)
    except ReportError as exc:
        out.error = exc.rejection
    except Exception as exc:  # an extractor bug must quarantine one file, not stop the folder
        out.error = Rejection("extract", f"extraction failed: {type(exc).__name__}: {exc}")
    return out
