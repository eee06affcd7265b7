{#- The key indicator names are matched on: whitespace removed, brackets unified to half-width, Latin letters
    upper-cased, and a trailing price-basis note ((可比价)/(现价)/(不变价)) dropped, because such notes qualify a
    value, not the indicator. Used on both sides of the synonym join, so the seed can list names as printed. -#}
{% macro indicator_name_key(column) -%}
    regexp_replace(
        regexp_replace(replace(replace(upper({{ column }}), '（', '('), '）', ')'), '\s+', '', 'g'),
        '\((可比价|现价|不变价)\)$', ''
    )
{%- endmacro %}
