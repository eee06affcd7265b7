"""One file's bytes → a loadable report or a quarantine record. Pure, so it can run in worker processes.

The result is plain data (a failure is a `Rejection`, never an exception object), so it always pickles back
from a worker."""
from __future__ import annotations

from dataclasses import dataclass

from .errors import Rejection, ReportError
from .extract import extract_document
from .folder import sha256_bytes
from .metadata import is_plan_report
from .reading import read_document
from .records import Extraction

# Bump when extraction rules change: the warehouse re-extracts files whose facts came from another version.
EXTRACTOR_VERSION = "0.3.0"  # 0.2.0: investment aggregates; 0.3.0: layouts beyond the samples


@dataclass
class ProcessedReport:
    report_file: str
    sha256: str
    size: int
    text: str | None = None
    extraction: Extraction | None = None
    error: Rejection | None = None

    @property
    def ok(self) -> bool:
        return self.error is None


def process_report(report_file: str, data: bytes) -> ProcessedReport:
    out = ProcessedReport(report_file=report_file, sha256=sha256_bytes(data), size=len(data))
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
    except ReportError as exc:
        out.error = exc.rejection
    except Exception as exc:  # an extractor bug must quarantine one file, not stop the folder
        out.error = Rejection("extract", f"extraction failed: {type(exc).__name__}: {exc}")
    return out
