{#- Whether an actual meets a target, from the target's comparator: ge/gt/le/lt as written; eq reads as "at
    least" (or "at most" for indicators where lower is better, e.g. PM2.5, accident deaths); approx (左右/约)
    allows 5 % of the target, at least 0.1, on the unfavourable side. Changes in points (increase_by /
    decrease_by) and qualitative targets need a baseline or judgement: null. -#}
{% macro met_computed(target_num, target_comparator, actual_num, direction) -%}
    case
        when {{ target_num }} is null or {{ actual_num }} is null then null
        when {{ target_comparator }} = 'ge' then {{ actual_num }} >= {{ target_num }}
        when {{ target_comparator }} = 'gt' then {{ actual_num }} > {{ target_num }}
        when {{ target_comparator }} = 'le' then {{ actual_num }} <= {{ target_num }}
        when {{ target_comparator }} = 'lt' then {{ actual_num }} < {{ target_num }}
        when {{ target_comparator }} = 'eq' and {{ direction }} = 'lower' then {{ actual_num }} <= {{ target_num }}
        when {{ target_comparator }} = 'eq' then {{ actual_num }} >= {{ target_num }}
        when {{ target_comparator }} = 'approx' and {{ direction }} = 'lower'
            then {{ actual_num }} <= {{ target_num }} + greatest(abs({{ target_num }}) * 0.05, 0.1)
        when {{ target_comparator }} = 'approx'
            then {{ actual_num }} >= {{ target_num }} - greatest(abs({{ target_num }}) * 0.05, 0.1)
        else null
    end
{%- endmacro %}
