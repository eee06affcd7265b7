{#- Schemas are named exactly raw / staging / intermediate / marts (not dbt's default <target>_<custom>), because
    BI tools and the scorer address them by those names, and the Dagster groups follow them. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
