{#- Target vs actual never crosses a district: a district's rows are made from that district's indicator values
    alone (the preference ranking is partitioned by district, targets and actuals are paired on district, the
    next year's target is joined on district) and from the indicator_codes seed's directions. So
    int_target_vs_actual is incremental by district, like project matching (macros/stale_districts.sql, whose
    delete_stale_districts and where_district_not_held it uses): a district is rebuilt when the version its rows
    were built from differs from its input's, and deleted when it left the input.

    A district's version is derived from the data, like the project models': the md5 of
      * its reports' versions (report_id@ingested_at, in order). Every load or reload of a report writes its
        raw rows and a new ingested_at in one transaction, so this covers the district's indicator rows and
        its reports' plan_year / review_year;
      * the synonym seed's version (int_indicator_synonyms.coding_version): a new seed recodes every value
        (indicator_code, hence indicator_key) and rebuilds every district, as it recodes every report of
        fct_indicators;
      * the indicator_codes seed's code → direction pairs, which met_computed reads: a changed direction
        rebuilds every district.
    The version is computed from stg_reports and the two seeds (a scan of one row per report), not from the
    values themselves: int_indicator_values, the values' intermediate model, is a view, and hashing it would
    code every value of the warehouse again on each run. A district with reports but no value holds no row
    and is rebuilt (from nothing) on every run. A change to the SQL itself needs
    `dbt build --full-refresh --select int_target_vs_actual+`. -#}
{% macro target_vs_actual_district_versions() -%}
    select
        r.district,
        md5(
            'codes=' || (
                select md5(coalesce(string_agg(
                    c.indicator_code || '=' || coalesce(c.direction, ''), ';' order by c.indicator_code
                ), ''))
                from {{ ref('indicator_codes') }} as c
            )
            || ';coding=' || coalesce((select any_value(s.coding_version) from {{ ref('int_indicator_synonyms') }} as s), '')
            || ';' || string_agg(r.report_id || '@' || coalesce(cast(r.ingested_at as varchar), ''), '|' order by r.report_id)
        ) as district_version
    from {{ ref('stg_reports') }} as r
    where r.district is not null
    group by r.district
{%- endmacro %}
