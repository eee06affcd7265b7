{#- Schemas are named exactly raw / staging / marts (not dbt's default <target>_<custom>), because BI tools
    and the scorer address them by those names. -#}
{% macro generate_schema_name(custom_schema_name, node) -%}
    {%- if custom_schema_name is none -%}{{ target.schema }}{%- else -%}{{ custom_schema_name | trim }}{%- endif -%}
{%- endmacro %}
