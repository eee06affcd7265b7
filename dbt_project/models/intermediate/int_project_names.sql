{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_reports() }}",
    on_schema_change='append_new_columns'
) }}
-- Incremental by report like fct_projects: the regular expressions below run over the new and changed reports
-- only, not over every mention held (docs/scaling.md).
-- One row per project mention with the forms used to recognise the same project across reports.
--   name_norm  : the printed name with quotes/dots/whitespace removed, full-width ASCII and brackets made
--                half-width, letters lower-cased. Two mentions printed alike up to typography share it.
--   phase      : the phase(s) printed (一期 / （二期） / 3期 → 1, 2, 3; 一二期 → 12; 一期、二期 → 1,2). Phases tell
--                projects apart (康复中心一期 ≠ 康复中心二期), so they are kept out of match_key and compared apart.
--   match_key  : name_norm without the district/city prefix (大渡口区, 区, 重庆市), the phase, bracketed notes
--                ((朵力迎宾大道旁), (老旧改)), list punctuation and trailing 项目/工程/建设 words. Used for matching only;
--                the printed name is never changed.
--   signature  : the digits, Latin letters and Chinese numerals of match_key, in order. Names that differ only
--                there are different projects (钓鱼嘴四号路 / 钓鱼嘴七号路, 大堰二村 / 大堰三村), so fuzzy matching
--                requires equal signatures.
with mentions as (
    select p.*, r.city
    from {{ ref('int_project_mentions') }} as p
    left join {{ ref('stg_reports') }} as r using (report_id)
    {% if is_incremental() %}
    where p.report_id in ({{ stale_report_ids(this) }})
    {% endif %}
),

printed as (
    select
        *,
        lower(translate(
            regexp_replace(project_name, '[\s“”"‘’''「」『』《》〈〉·•・]', '', 'g'),
            '０１２３４５６７８９ＡＢＣＤＥＦＧＨＩＪＫＬＭＮＯＰＱＲＳＴＵＶＷＸＹＺａｂｃｄｅｆｇｈｉｊｋｌｍｎｏｐｑｒｓｔｕｖｗｘｙｚ（）【】［］〔〕｛｝－＆＃／．，',
            '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz()[][][]{}-&#/.,'
        )) as name_norm
    from mentions
),

places as (
    -- the report's own place is implied: 大渡口区中医院 = 区中医院 = 中医院 in a 大渡口区 report. The place is cut
    -- with starts_with, not with a regular expression built from the place name: such a pattern differs from row
    -- to row, so DuckDB compiles one per mention (two thirds of this model's time on a 1000-report build).
    select
        *,
        regexp_replace(district, '[区县市旗]$', '') as district_short,
        regexp_replace(city, '市$', '') as city_short
    from printed
),

districtless as (
    select
        *,
        case
            when starts_with(name_norm, district) then substr(name_norm, length(district) + 1)
            when starts_with(name_norm, district_short) then substr(name_norm, length(district_short) + 1)
            else name_norm
        end as no_district
    from places
),

placeless as (
    select
        *,
        regexp_replace(
            case
                when starts_with(no_district, city) then substr(no_district, length(city) + 1)
                when starts_with(no_district, city_short) then substr(no_district, length(city_short) + 1)
                else no_district
            end,
            '^[区县](.{3,})$', '\1'
        ) as no_place
    from districtless
),

phased as (
    select
        *,
        nullif(array_to_string(list_transform(
            regexp_extract_all(no_place, '([一二三四五六七八九十0-9]+)期', 1),
            lambda p: translate(p, '一二三四五六七八九', '123456789')
        ), ','), '') as phase,
        regexp_replace(
            regexp_replace(
                regexp_replace(no_place, '[一二三四五六七八九十0-9]+期', '', 'g'),
                '[(\[][^()\[\]]*[)\]]', '', 'g'
            ),
            '[、,.\-—_/&#~:;]', '', 'g'
        ) as no_phase
    from placeless
),

keyed as (
    select
        *,
        -- a name made only of suffix words keeps them (nothing else would identify it)
        coalesce(nullif(regexp_replace(no_phase, '(项目|工程|建设)+$', ''), ''), no_phase) as match_key
    from phased
)

select
    project_mention_id,
    report_id,
    report_file,
    district,
    period_year,
    is_plan,
    list_title,
    category,
    stage_raw,
    stage,
    project_name,
    source_line,
    name_norm,
    phase,
    match_key,
    regexp_replace(match_key, '[^0-9a-z一二三四五六七八九十]', '', 'g') as signature,
    ingested_at
from keyed
