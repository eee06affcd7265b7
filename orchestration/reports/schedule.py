"""Daily refresh of everything: one run over all report partitions.

Unchanged files are skipped by their sha256 (warehouse/state.py), files that left the folder are removed, and
dbt rebuilds and tests the marts; so the daily run is cheap when nothing changed and repairs anything an
interrupted run left. It is also the run that tests every row (tag `devplan/full_tests`): a refresh of a few
reports tests the facts of those reports only (orchestration/dbt/test_scope.py).
"""
import dagster as dg

from ..dbt.test_scope import full_tests_tags
from .jobs import refresh_reports_job
from .partitions import full_range_tags, report_partitions


@dg.schedule(job=refresh_reports_job, cron_schedule="0 6 * * *", default_status=dg.DefaultScheduleStatus.RUNNING)
def daily_refresh(context: dg.ScheduleEvaluationContext):
    keys = list(report_partitions.get_partition_keys(dynamic_partitions_store=context.instance))
    if not keys:
        return dg.SkipReason("no report partitions yet: the folder sensor adds them")
    return dg.RunRequest(tags={**full_range_tags(keys), **full_tests_tags()})
