{#- One data test for the value rules of all of a model's columns: which are never null, which are unique (nulls
    aside, as in dbt's unique), and which take their values from a list (nulls pass, as in dbt's accepted_values).
    It replaces one not_null, unique or accepted_values test per column. Each dbt test is a node that dbt compiles
    and runs, and an asset check whose planned and executed events Dagster stores, so on a refresh the per-column
    tests cost far more than the queries they run; the rules of one model read the same rows, and one query checks
    them all at once.

    A failure returns the offending rows, each with `failed_rules` saying what it breaks (e.g. `stage not null;
    measure in (target, actual)`): the failure count is a number of rows, and running the compiled SQL shows
    which report and line are at fault. A model-level test, named after its model:

        data_tests:
          - column_values:
              name: column_values_<model>
              arguments:
                not_null: [id, report_id]
                unique: [id]
                accepted_values: {measure: [target, actual]}

    The tested relation is `model`, so a test of a model declaring `meta.test_scope` looks at the reports just
    loaded like any other generic test (report_test_scope.sql).
-#}
{% test column_values(model, not_null=[], unique=[], accepted_values={}) %}
{%- set rules = [] -%}
{%- for column in not_null -%}
    {%- do rules.append((column ~ ' is null', column ~ ' not null')) -%}
{%- endfor -%}
{%- for column in unique -%}
    {%- do rules.append(('dbt_rows_sharing_' ~ loop.index ~ ' > 1', column ~ ' unique')) -%}
{%- endfor -%}
{%- for column, values in accepted_values.items() -%}
    {%- set listed -%}
        {%- for v in values %}'{{ v | replace("'", "''") }}'{{ ", " if not loop.last }}{% endfor -%}
    {%- endset -%}
    {%- do rules.append((column ~ ' not in (' ~ listed ~ ')', column ~ ' in (' ~ values | join(', ') ~ ')')) -%}
{%- endfor -%}
{%- if not rules -%}
    {{ exceptions.raise_compiler_error("column_values on " ~ model ~ ": give not_null, unique or accepted_values") }}
{%- endif %}
with checked as (
    select
        *
        {%- for column in unique %},
        case when {{ column }} is not null then count(*) over (partition by {{ column }}) end
            as dbt_rows_sharing_{{ loop.index }}
        {%- endfor %}
    from {{ model }}
)

select
    * {%- if unique %} exclude ({% for column in unique %}dbt_rows_sharing_{{ loop.index }}{{ ", " if not loop.last }}{% endfor %}){% endif %},
    concat_ws('; '
    {%- for condition, label in rules %},
        case when {{ condition }} then '{{ label | replace("'", "''") }}' end
    {%- endfor %}
    ) as failed_rules
from checked
where
{%- for condition, label in rules %}
    {{ "or " if not loop.first }}{{ condition }}
{%- endfor %}
{% endtest %}
