"""Watch the reports folder: a new or changed file becomes a partition and a run for just that report.

The cursor holds name → sha256 of what was already requested, so an unchanged file requests nothing, a changed
file (different sha256) requests a new run (run_key = name:sha), and a file that disappeared requests a run
that removes its facts. The sensor only reads the folder; it never opens the warehouse (one writer at a time).
"""

import json

import dagster as dg

from ingestion.folder import diff_folder, scan_folder

from .jobs import refresh_reports_job
from .partitions import report_partitions
from .resources import ReportsFolder


def folder_run_requests(current: dict[str, str], known: dict[str, str]) -> dg.SensorResult:
    changes = diff_folder(current, known)
    requests = [dg.RunRequest(partition_key=n, run_key=f"{n}:{current[n]}") for n in changes.to_load]
    requests += [dg.RunRequest(partition_key=n, run_key=f"{n}:deleted:{known[n]}") for n in changes.deleted]
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[report_partitions.build_add_request(changes.new)] if changes.new else [],
        cursor=json.dumps(current, sort_keys=True),
    )


@dg.sensor(job=refresh_reports_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def reports_folder_sensor(context: dg.SensorEvaluationContext, reports_folder: ReportsFolder):
    folder = reports_folder.folder
    if not folder.is_dir():
        return dg.SkipReason(f"reports folder {folder} does not exist")
    current = {name: state.sha256 for name, state in scan_folder(folder).items()}
    known = json.loads(context.cursor) if context.cursor else {}
    return folder_run_requests(current, known)
