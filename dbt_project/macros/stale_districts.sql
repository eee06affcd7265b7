{#- Project matching never crosses a district: a project is a set of one district's mentions. So the models after
    int_project_names (name pairs, mention keys, the per-project and per-milestone rows) are incremental by
    district: each run rebuilds the districts whose inputs changed (a report loaded, reloaded or removed) and
    leaves the others' rows alone, so a new report costs its district's work, not the warehouse's.

    What changed is derived from the data, as for the facts (stale_reports.sql): every row carries the
    `district_version` of the inputs its district was built from, and a district is rebuilt when the version
    held differs from its input's (or the district left the input). A rerun after a crash converges, because
    the version is written in the same transaction as the rows; a full refresh builds every district the same
    way. A table built before district versions existed holds none, so its first incremental run rebuilds it
    all (the column is appended: on_schema_change='append_new_columns').

    A district's version is the md5 of its report versions (report_id@ingested_at, in order) and of the matching
    thresholds (vars project_match_min_chars, project_match_min_dice): a new threshold rebuilds every district. -#}

{#- The version of each district's mentions in int_project_names (the input of the matching). -#}
{% macro report_district_versions(names_relation) -%}
    select
        district,
        md5(
            'chars={{ var("project_match_min_chars", 4) }};dice={{ var("project_match_min_dice", 0.6) }};'
            || string_agg(report_id || '@' || coalesce(cast(ingested_at as varchar), ''), '|' order by report_id)
        ) as district_version
    from (select distinct district, report_id, ingested_at from {{ names_relation }}) as reports
    where district is not null
    group by district
{%- endmacro %}

{#- On an incremental run, only the districts this model does not hold: the new ones and those the pre-hook
    just deleted as stale (on a full build, every district). `column` is the district column of the query.

    `input`: the relation the query reads its rows from (its own district column names them). Given, the filter is
    a semi-join on the few districts of `input` that this model does not hold, which DuckDB pushes into the scan of
    `input` as a filter on its district column (a dynamic join filter): only the rows of those districts are read.
    Without it, `column not in (…)` is evaluated after every row of every column has been read (a mark join), which
    is what a small query (one row per district) wants, not a scan of a table of mentions. -#}
{% macro where_district_not_held(column='district', input=none) -%}
    {%- if is_incremental() %}
    {%- if input is not none %}
    where {{ column }} in (
        select i.district
        from (select distinct district from {{ input }}) as i
        where i.district not in (select distinct held.district from {{ this }} as held where held.district is not null)
    )
    {%- else %}
    where {{ column }} not in (select distinct held.district from {{ this }} as held where held.district is not null)
    {%- endif %}
    {%- endif %}
{%- endmacro %}

{#- The districts a model incremental by district builds in this run, with the version of their input. -#}
{% macro districts_to_build(names_relation) -%}
    select v.district, v.district_version
    from ({{ report_district_versions(names_relation) }}) as v
    {{ where_district_not_held('v.district') }}
{%- endmacro %}

{#- The version each district's rows in `relation` were built from (none for a table from before versions). -#}
{% macro held_district_versions(relation) -%}
    {%- set columns = adapter.get_columns_in_relation(relation) | map(attribute='name') | list if execute else [] -%}
    select district, {{ 'any_value(district_version)' if 'district_version' in columns else 'null::varchar' }}
        as district_version
    from {{ relation }}
    group by district
{%- endmacro %}

{#- The districts whose rows in `held_relation` are not those of the input versions `current_sql`: new,
    changed, or gone from the input. -#}
{% macro stale_districts(held_relation, current_sql) -%}
    select coalesce(cur.district, held.district) as district
    from ({{ current_sql }}) as cur
    full join ({{ held_district_versions(held_relation) }}) as held on cur.district = held.district
    where cur.district_version is distinct from held.district_version
{%- endmacro %}

{#- Pre-hook of a model incremental by district: drop the stale districts' rows. The model then inserts the
    districts of its input that it does not hold (`district not in (select district from this)`): the new ones
    and those just deleted. -#}
{% macro delete_stale_districts(current_sql) -%}
    {%- if is_incremental() -%}
    delete from {{ this }} where district in ({{ stale_districts(this, current_sql) }})
    {%- endif -%}
{%- endmacro %}

{#- The project marts are the rows of an intermediate model incremental by district, without its bookkeeping
    column (their columns are a contract), and are kept in step with it district by district.

    delete_districts_unlike: a district is rewritten when its rows differ from the source's, compared by a hash of
    the mart's columns per district (count and sum of the row hashes: a scan, no write). Derived from the data,
    like the versions: a build that stopped between the source and the mart is repaired by the next one. But the
    hash reads and hashes every column of both tables on every run: at 1000 reports the costliest statement of a
    one-report refresh after the tests (0.1–0.2 s per mart), growing with the warehouse. -#}
{% macro district_row_hashes(relation, columns) -%}
    select district, count(*) as n_rows, sum(hash({{ columns | join(', ') }})::hugeint) as rows_hash
    from {{ relation }}
    group by district
{%- endmacro %}

{% macro delete_districts_unlike(source_relation) -%}
    {%- if is_incremental() -%}
    {%- set columns = adapter.get_columns_in_relation(this) | map(attribute='name') | list -%}
    delete from {{ this }} where district in (
        select coalesce(src.district, held.district)
        from ({{ district_row_hashes(source_relation, columns) }}) as src
        full join ({{ district_row_hashes(this, columns) }}) as held on src.district = held.district
        where src.n_rows is distinct from held.n_rows or src.rows_hash is distinct from held.rows_hash
    )
    {%- endif -%}
{%- endmacro %}

{#- delete_districts_not_copied (the project marts' pre-hook): the same result from the versions alone. Beside the
    mart, `<source schema>.<mart>__copied_versions` (district, district_version) holds the version of the source
    each of the mart's districts was copied from, written in the same transaction as the mart's rows: the pre-hook
    (1) deletes the mart's districts whose copied version differs from the source's (or that left the source),
    (2) replaces the record with the source's versions, and then the model inserts the source's districts the mart
    does not hold (where_district_not_held with `input`): all one transaction, so after any crash the record says
    what the mart holds, and a rerun converges. What it reads is one version per district (a group-by of the
    source's district and version columns, and the small record), not every column of both tables.

    A mart without the record (built before it, or the record dropped) compares row hashes once
    (delete_districts_unlike), then keeps the record. A full refresh or first build writes the record of every
    district. Like the versions of the intermediate models, the record trusts the source's rows to be what their
    version says: a change to the matching SQL needs `--full-refresh --select int_project_names+` (docs/dbt.md). -#}
{% macro copied_versions_relation(source_relation) -%}
    {%- do return(api.Relation.create(database=source_relation.database, schema=source_relation.schema,
                                      identifier=this.identifier ~ '__copied_versions', type='table')) -%}
{%- endmacro %}

{% macro delete_districts_not_copied(source_relation) -%}
    {%- set copied = copied_versions_relation(source_relation) -%}
    {%- set source_versions -%}
        select district, any_value(district_version) as district_version from {{ source_relation }} group by district
    {%- endset -%}
    {%- if is_incremental() -%}
        {%- if load_relation(copied) is not none -%}
    delete from {{ this }} where district in (
        select coalesce(src.district, held.district)
        from ({{ source_versions }}) as src
        full join {{ copied }} as held on src.district = held.district
        where src.district_version is distinct from held.district_version
    );
        {%- else -%}
    {{ delete_districts_unlike(source_relation) }};
        {%- endif %}
    {% endif -%}
    create or replace table {{ copied }} as {{ source_versions }}
{%- endmacro %}
