{{ config(
    materialized='incremental',
    incremental_strategy='append',
    pre_hook="{{ delete_stale_districts(report_district_versions(ref('int_project_names'))) }}",
    on_schema_change='append_new_columns'
) }}
-- Pairs of name variants of one district scored for "same project", kept from a Dice of 0.5 so the rejected
-- near-misses can be audited next to the accepted matches.
-- Incremental by district (macros/stale_districts.sql): only the districts whose reports changed are scored
-- again. A district none of whose names pair up holds no row, so it is scored again on every run (its few
-- names cost next to nothing).
--
-- Why not jaro_winkler_similarity / levenshtein / jaccard: in DuckDB they compare UTF-8 bytes, and every CJK
-- character is three bytes sharing its lead bytes with thousands of others (jaro_winkler('一', '丁') = 0.82).
-- The score here is computed on characters: the Dice coefficient of the two keys' character bigrams.
--
-- A pair matches when (the threshold is documented in int_project_name_pairs.yml and pinned by a unit test):
--   * both keys have the same district, the same phase and the same signature (digits, letters, numerals);
--   * both keys have at least {{ var('project_match_min_chars', 4) }} characters (short names only match exactly);
--   * bigram Dice >= {{ var('project_match_min_dice', 0.6) }};
--   * the shorter key is a subsequence of the longer one: the longer only adds words (宝武西南总部 →
--     宝武集团西南总部, 海康威视科技园 → 海康威视重庆科技园). A substituted place name (茄子溪片区… / 葛老溪片区…,
--     创新社区… / 跃新社区…) scores as high, but is never a subsequence.
-- the districts to score this run: all of them on a full build, else those not held (new, or deleted as stale)
with todo as (
    {{ districts_to_build(ref('int_project_names')) }}
),

names as (
    select n.district, n.match_key, n.phase, n.signature, t.district_version
    from {{ ref('int_project_names') }} as n
    join todo as t using (district)
),

variants as (
    select distinct
        district,
        match_key,
        coalesce(phase, '') as phase,
        signature,
        list_distinct(list_transform(range(length(match_key) - 1), lambda i: substr(match_key, i + 1, 2))) as bigrams
    from names
    where district is not null and length(match_key) >= {{ var('project_match_min_chars', 4) }}
),

-- Blocking: two variants can reach a Dice of 0.5 only by sharing bigrams, so pairs are found by joining on each
-- shared bigram (one row per variant × bigram) instead of comparing every two variants of a district. The number
-- of rows a pair gets here is the size of the intersection of its bigram sets: the same Dice as list_intersect.
variant_bigrams as (
    select district, phase, signature, match_key, len(bigrams) as n_bigrams, unnest(bigrams) as bigram
    from variants
),

shared as (
    select
        a.district,
        a.phase,
        a.match_key as key_a,
        b.match_key as key_b,
        count(*) as n_shared,
        any_value(a.n_bigrams) as n_a,
        any_value(b.n_bigrams) as n_b
    from variant_bigrams as a
    join variant_bigrams as b
        on a.district = b.district
        and a.phase = b.phase
        and a.signature = b.signature
        and a.bigram = b.bigram
        and a.match_key < b.match_key
    group by all
),

scored as (
    select
        district,
        key_a,
        key_b,
        phase,
        round(2.0 * n_shared / (n_a + n_b), 4) as dice,
        case when length(key_a) <= length(key_b) then key_a else key_b end as shorter_key,
        case when length(key_a) <= length(key_b) then key_b else key_a end as longer_key
    from shared
),

candidates as (
    select
        *,
        -- a LIKE pattern of the shorter key's characters with % between them (西南总部 → %西%南%总%部%), not a
        -- regular expression (西.*南.*…): the pattern differs for every pair, and DuckDB compiles a regular
        -- expression per row, where LIKE just matches
        longer_key like '%' || array_to_string(
            list_transform(string_split(shorter_key, ''), lambda ch: if(ch in ('%', '_', '\'), '\' || ch, ch)), '%'
        ) || '%' escape '\' as is_subsequence
    from scored
    where dice >= 0.5
)

select
    c.district,
    c.key_a,
    c.key_b,
    nullif(c.phase, '') as phase,
    c.dice,
    c.is_subsequence,
    c.dice >= {{ var('project_match_min_dice', 0.6) }} and c.is_subsequence as is_match,
    t.district_version
from candidates as c
join todo as t using (district)
