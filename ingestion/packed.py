"""A report on its way from an extraction worker to the load: as rows, and packed.

A cold build holds the result of every file of its batch until its load, and the load is the peak of a build's
memory. As objects (`ProcessedReport`, a slotted dataclass per record) a thousand reports took ~240 MB, pickled
~80 MB. So a worker sends a report that extracted well packed (`PackedReport`): what a load decides on first
(name, hash, size) in the open, the rest pickled as `ReportRows`, each record a tuple of its fields. Rows are
what the load inserts (`warehouse.bulk`), and they unpickle ~4 times faster than records: the caller never
makes an object per record again.
"""
from __future__ import annotations

import pickle
from collections.abc import Sequence
from dataclasses import dataclass, field, fields
from operator import attrgetter

from .errors import Rejection
from .process import ProcessedReport, incomplete_of, problems_of
from .records import IndicatorValue, InvestmentFigure, PartSeen, ProjectItem, ReportMeta

# the record lists of an `Extraction` and the record type each holds
RECORD_TYPES: dict[str, type] = {"indicators": IndicatorValue, "projects": ProjectItem,
                                 "investments": InvestmentFigure, "parts": PartSeen}


def field_names(record_type: type) -> tuple[str, ...]:
    """The fields of a record type, in the order its rows hold them."""
    return tuple(f.name for f in fields(record_type))


def as_rows(record_type: type, records: Sequence) -> list[tuple]:
    """One tuple of field values per record (in `field_names` order)."""
    if any(type(r) is not record_type for r in records):
        raise TypeError(f"records that are not {record_type.__name__} in a list of them")
    names = field_names(record_type)
    if len(names) == 1:
        return [(getattr(r, names[0]),) for r in records]
    getter = attrgetter(*names)
    return [getter(r) for r in records]


@dataclass
class ReportRows:
    """A report that extracted well, with each record list of its extraction as rows (`as_rows`)."""

    report_file: str
    sha256: str
    size: int
    text: str
    meta: ReportMeta
    quality: dict
    rows: dict[str, list[tuple]]  # record list (a key of RECORD_TYPES) → its rows

    @classmethod
    def of(cls, rec: ProcessedReport) -> ReportRows:
        if not rec.ok or rec.extraction is None:
            raise ValueError(f"{rec.report_file}: only a report that extracted well has rows")
        ex = rec.extraction
        return cls(rec.report_file, rec.sha256, rec.size, rec.text, ex.meta, rec.quality,
                   {name: as_rows(kind, getattr(ex, name)) for name, kind in RECORD_TYPES.items()})

    @property
    def parts(self) -> list[PartSeen]:
        return [PartSeen(*row) for row in self.rows["parts"]]

    @property
    def problems(self) -> list[PartSeen]:
        """As `ProcessedReport.problems`."""
        return problems_of(self.parts)

    @property
    def incomplete(self) -> list[str]:
        """As `ProcessedReport.incomplete`."""
        return incomplete_of(self.parts)


@dataclass
class PackedReport:
    """A report that extracted well as a worker sends it back (`ingestion.batch`, `packed=True`): its name, hash
    and size in the open, its `ReportRows` pickled until it is taken (`take()`), once."""

    report_file: str
    sha256: str
    size: int
    blob: bytes | None = field(repr=False)
    error: Rejection | None = None  # a load that refuses it (a duplicate) says why here; it never takes it

    @property
    def ok(self) -> bool:
        return self.error is None

    @classmethod
    def of(cls, rec: ProcessedReport) -> PackedReport:
        rows = ReportRows.of(rec)
        return cls(rec.report_file, rec.sha256, rec.size, pickle.dumps(rows, protocol=pickle.HIGHEST_PROTOCOL))

    def take(self) -> ReportRows:
        """The report's rows; the packed copy is dropped (the load takes each report as it inserts it, so the
        batch's memory goes down while the transaction's goes up)."""
        if self.blob is None:
            raise ValueError(f"{self.report_file}: already taken")
        blob, self.blob = self.blob, None
        return pickle.loads(blob)
