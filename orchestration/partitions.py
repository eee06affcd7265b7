"""One partition per report file in the reports folder (the key is the file name)."""
import dagster as dg

report_partitions = dg.DynamicPartitionsDefinition(name="reports")
