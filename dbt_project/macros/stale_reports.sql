{#- Incremental fact models rebuild exactly the reports whose raw load is newer than what the model holds,
    and drop the reports that left the raw layer. Deriving the work from the data (rather than from a list of
    partition keys passed in) makes a rerun after any crash converge to the same marts.
    With `coded=true` the model also carries the version of the indicator synonym seed it was coded with
    (column coding_version); reports coded with another version are rebuilt too, so growing the seed recodes
    the history. -#}
{% macro stale_report_ids(model_relation, coded=false) -%}
    {%- set version_sql = "select any_value(coding_version) from " ~ ref('int_indicator_synonyms') if coded else none -%}
    select loaded.report_id
    from {{ ref('stg_reports') }} as loaded
    left join (
        select report_id, max(ingested_at) as ingested_at
            {%- if version_sql %}, max(coding_version) as coding_version{% endif %}
        from {{ model_relation }} group by report_id
    ) as held using (report_id)
    where held.ingested_at is null or held.ingested_at <> loaded.ingested_at
    {%- if version_sql %}
       or held.coding_version is distinct from ({{ version_sql }})
    {%- endif %}
{%- endmacro %}

{% macro delete_stale_reports(coded=false) -%}
    {%- if is_incremental() -%}
    delete from {{ this }}
    where report_id not in (select report_id from {{ ref('stg_reports') }})
       or report_id in ({{ stale_report_ids(this, coded) }})
    {%- endif -%}
{%- endmacro %}
