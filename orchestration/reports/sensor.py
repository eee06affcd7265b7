"""Watch the reports folder: a new or changed file becomes a partition and a run for just that report.

The plan is warehouse/state.py's, against the cursor (name → sha256 of what was already requested) rather than
the warehouse, because a sensor must not open the warehouse while a run writes it. An unchanged file requests
nothing, a changed file (different sha256) a new run (run_key = name:sha), and a file that disappeared a run
that removes its facts. Many changes at once become one run over a partition range.
"""

import hashlib
import json

import dagster as dg

from warehouse.state import Plan, plan_folder

from ..resources import ReportsFolder
from .assets import hashes_run_config
from .jobs import refresh_reports_job
from .partitions import full_range_tags, report_partitions


def folder_run_requests(plan: Plan, known: dict[str, str], existing: list[str]) -> dg.SensorResult:
    """One run for the files that changed since the cursor: a single partition for one file (run_key =
    name:sha), a partition range for many (files in between are skipped by their sha256), so a folder of a
    thousand new reports is one run with one dbt build, not a thousand."""
    version = {n: plan.version(n, known) for n in plan.keys}
    # the plan's hashes go to the raw asset, so the run does not hash the files again (for a range, the files
    # in between too: they are skipped unread)
    hashes = {n: s.sha256 for n, s in plan.current.items()}
    requests = []
    if len(version) == 1:
        (name, v), = version.items()
        config = hashes_run_config({name: hashes[name]} if name in hashes else {})
        requests.append(dg.RunRequest(partition_key=name, run_key=f"{name}:{v}", run_config=config))
    elif version:
        order = existing + [n for n in plan.new if n not in set(existing)]
        positions = sorted(order.index(n) for n in version)
        batch = hashlib.sha256("\n".join(f"{n}:{v}" for n, v in sorted(version.items())).encode()).hexdigest()[:16]
        requests.append(dg.RunRequest(run_key=f"batch:{len(version)}:{batch}",
                                      tags=full_range_tags([order[positions[0]], order[positions[-1]]]),
                                      run_config=hashes_run_config(hashes)))
    return dg.SensorResult(
        run_requests=requests,
        dynamic_partitions_requests=[report_partitions.build_add_request(plan.new)] if plan.new else [],
        cursor=json.dumps({n: s.sha256 for n, s in plan.current.items()}, sort_keys=True),
    )


@dg.sensor(job=refresh_reports_job, minimum_interval_seconds=30, default_status=dg.DefaultSensorStatus.RUNNING)
def reports_folder_sensor(context: dg.SensorEvaluationContext, reports_folder: ReportsFolder):
    folder = reports_folder.folder
    if not folder.is_dir():
        return dg.SkipReason(f"reports folder {folder} does not exist")
    known = json.loads(context.cursor) if context.cursor else {}
    existing = list(context.instance.get_dynamic_partitions(report_partitions.name))
    return folder_run_requests(plan_folder(folder, known), known, existing)
