{#- Test what changed. A model whose config carries `meta: {test_scope: report_id}` (the models incremental by
    report: the facts, int_project_names) has its generic tests run on the reports loaded since the marts were last
    completely built, not on the whole table: the rows of the other reports were tested when they were built and
    have not been rewritten since. A model incremental by district (`meta: {test_scope: district}`: project
    matching, macros/stale_districts.sql) rewrites the whole district of a report loaded or removed, so its tests
    run on the districts of the reports loaded since then and of the report versions replaced or deleted since
    then (raw.report_versions.replaced_at): a removed report's district is rebuilt without it.

    The scope comes from the warehouse, not from --vars: raw.reports.ingested_at against
    raw.build_state.marts_built_at (set only after a complete build and serving copy, so the reports of a build
    that crashed stay in scope until one succeeds). --vars would not do: dbt re-parses the whole project when
    they change, which costs more than the tests it saves.

    DEVPLAN_FULL_TESTS=true (the Dagster run tag devplan/full_tests, the daily schedule) tests every row. The
    variable is read only when dbt executes (`execute`), never at parse time, so it does not enter dbt's
    partial-parse state either.

    This overrides dbt's own default__get_where_subquery (macros/materializations/tests/where_subquery.sql), which
    wraps the tested relation of every generic test; a test's own `where` config still applies. -#}
{% macro default__get_where_subquery(relation) -%}
    {%- set where = config.get('where', '') -%}
    {#- inline, not a helper macro: a generic test's context holds only the macros its node depends on -#}
    {%- set scope_column = none -%}
    {%- if execute and env_var('DEVPLAN_FULL_TESTS', 'false') | lower not in ('true', '1', 'yes')
          and model.attached_node and model.attached_node in graph.nodes -%}
        {%- set scope_column = graph.nodes[model.attached_node].config.meta.get('test_scope') -%}
    {%- endif -%}
    {%- if scope_column -%}
        {%- set built_at -%}
            coalesce((select max(s.marts_built_at) from raw.build_state as s), '-infinity'::timestamp)
        {%- endset -%}
        {%- if scope_column == 'district' -%}
            {%- set in_scope -%}
                district in (
                    select r.metadata ->> 'district' from raw.reports as r where r.ingested_at > {{ built_at }}
                    union
                    select v.metadata ->> 'district' from raw.report_versions as v where v.replaced_at > {{ built_at }}
                )
            {%- endset -%}
        {%- else -%}
            {%- set in_scope -%}
                {{ scope_column }} in (select r.report_id from raw.reports as r where r.ingested_at > {{ built_at }})
            {%- endset -%}
        {%- endif -%}
        {%- set where = '(' ~ where ~ ') and ' ~ in_scope if where else in_scope -%}
    {%- endif -%}
    {%- if where -%}
        {%- do return('(select * from ' ~ relation ~ ' where ' ~ where ~ ') dbt_subquery') -%}
    {%- else -%}
        {%- do return(relation) -%}
    {%- endif -%}
{%- endmacro %}
