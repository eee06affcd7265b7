-- The synonym seed keyed like indicator values are, plus a version of its content: when the seed changes,
-- fct_indicators recodes every report (see stale_report_ids).
select
    {{ indicator_name_key('s.synonym') }} as name_key,
    s.indicator_code,
    md5(
        string_agg(s.synonym || '=' || s.indicator_code, ',' order by s.synonym, s.indicator_code) over ()
    ) as coding_version
from {{ ref('indicator_synonyms') }} as s
