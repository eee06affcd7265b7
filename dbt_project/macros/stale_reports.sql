{#- Incremental fact models rebuild exactly the reports whose raw load is newer than what the model holds,
    and drop the reports that left the raw layer. Deriving the work from the data (rather than from a list of
    partition keys passed in) makes a rerun after any crash converge to the same marts. -#}
{% macro stale_report_ids(model_relation) -%}
    select r.report_id
    from {{ ref('stg_reports') }} as r
    left join (
        select report_id, max(ingested_at) as ingested_at from {{ model_relation }} group by report_id
    ) as m using (report_id)
    where m.ingested_at is null or m.ingested_at <> r.ingested_at
{%- endmacro %}

{% macro delete_stale_reports() -%}
    {%- if is_incremental() -%}
    delete from {{ this }}
    where report_id not in (select report_id from {{ ref('stg_reports') }})
       or report_id in ({{ stale_report_ids(this) }})
    {%- endif -%}
{%- endmacro %}
