"""Project extraction on short snippets shaped like the genre's project lists (专栏) and task prose."""
from __future__ import annotations

import pytest

from ingestion.document import Document
from ingestion.projects import extract_projects, normalize_stage, split_names
from ingestion.records import ReportMeta

REVIEW_AND_PLAN = ReportMeta("重庆市", "某某区", "review_and_plan", 2021, 2022, "t", 1)
PLAN_ONLY = ReportMeta("重庆市", "某某区", "plan", None, 2020, "t", 1)


def projects(text: str, meta: ReportMeta = REVIEW_AND_PLAN):
    return extract_projects(Document.from_text(text.strip("\n"), meta=meta))


def table(items):
    """name → (stage, stage_raw, category) for compact assertions."""
    return {it.project_name: (it.stage, it.stage_raw, it.category) for it in items}


# ---------------------------------------------------------------------------------------------------------
# List layouts
# ---------------------------------------------------------------------------------------------------------


def test_per_stage_lines_in_a_review_list():
    items = projects("""
一、2021年国民经济和社会发展计划执行情况
（二）重点项目完成情况
全年新开工68个项目。
专栏1：2021年重点开竣工项目情况
\t开工重点项目：陶家隧道、钓鱼嘴四号路、双石河（二期）绿化工程。
竣工重点项目：金家湾立交、天泰·钢城印象（A区B区）、区智慧停车建设项目。

（三）重点任务完成情况
""")
    assert table(items) == {
        "陶家隧道": ("started", "开工重点项目", None),
        "钓鱼嘴四号路": ("started", "开工重点项目", None),
        "双石河（二期）绿化工程": ("started", "开工重点项目", None),
        "金家湾立交": ("completed", "竣工重点项目", None),
        "天泰·钢城印象（A区B区）": ("completed", "竣工重点项目", None),
        "区智慧停车建设项目": ("completed", "竣工重点项目", None),
    }
    assert {it.list_title for it in items} == {"专栏1：2021年重点开竣工项目情况"}
    assert {it.period_year for it in items} == {2021}
    assert items[0].source_line == 5 and items[-1].source_line == 6


def test_category_lines_with_nested_stages():
    items = projects("""
二、2022年重点工作
专栏3：2022年城市更新重点项目
\t公园建设：重钢崖线山城步道二期、义渡公园、澜玥公园、美德公园等景观提升。
道路交通：新开工项目：音乐大道北延伸段、福晟路网；竣工项目：白居寺长江大桥、白居寺大桥西引道及钓鱼嘴立交。
""")
    assert table(items) == {
        "重钢崖线山城步道二期": ("planned", None, "公园建设"),
        "义渡公园": ("planned", None, "公园建设"),
        "澜玥公园": ("planned", None, "公园建设"),
        "美德公园等景观提升": ("planned", None, "公园建设"),  # 等 not at the end: kept
        "音乐大道北延伸段": ("started", "新开工项目", "道路交通"),
        "福晟路网": ("started", "新开工项目", "道路交通"),
        "白居寺长江大桥": ("completed", "竣工项目", "道路交通"),
        "白居寺大桥西引道及钓鱼嘴立交": ("completed", "竣工项目", "道路交通"),
    }
    assert {it.period_year for it in items} == {2022}


def test_group_subheadings_set_stage_and_fallback_category():
    items = projects("""
专栏1：2021年重大项目完成情况
政府投资类项目完成38个：

交通：农村公路危桥改造工程项目、G210线安稳场镇改线工程项目（大山公路）。

农业农村：郭扶镇同心村等7个土地整理工程项目。

社会投资类项目完成9个：

重庆移通学院（綦江校区）项目、新建3D建筑打印产业链项目。
消费市场加快复苏。商圈经济日趋活跃，万达、红星等大型商业综合体提档升级，铜锣湾开街。
""")
    assert table(items) == {
        "农村公路危桥改造工程项目": ("completed", "完成", "交通"),
        "G210线安稳场镇改线工程项目（大山公路）": ("completed", "完成", "交通"),
        "郭扶镇同心村等7个土地整理工程项目": ("completed", "完成", "农业农村"),
        "重庆移通学院（綦江校区）项目": ("completed", "完成", "社会投资类项目"),
        "新建3D建筑打印产业链项目": ("completed", "完成", "社会投资类项目"),  # 新建 inside a list: a name
    }


def test_verb_governed_sentences():
    items = projects("""
二、2022年计划
专栏1：2022年先进制造业重点项目
\t钢铁冶金产业：新开工千信金属循环产业园、鑫盛通己二醇及炔二醇等项目。续建秦河新型建材项目。完工恺迪苏单细胞蛋白质一期、顺泰管道等项目。加快川维化工BDO一体化、钢材市场等项目前期工作。
城市能级提升板块：续建老旧小区改造、城乡供水一体化（一期）等项目，推进璟樾府、常春藤等房地产等项目。完工城市品质提升(一期）等项目。
能源保障板块：加快推进狮子滩抽水蓄能前期工作。
""")
    assert table(items) == {
        "千信金属循环产业园": ("started", "新开工", "钢铁冶金产业"),
        "鑫盛通己二醇及炔二醇": ("started", "新开工", "钢铁冶金产业"),
        "秦河新型建材项目": ("ongoing", "续建", "钢铁冶金产业"),
        "恺迪苏单细胞蛋白质一期": ("completed", "完工", "钢铁冶金产业"),
        "顺泰管道": ("completed", "完工", "钢铁冶金产业"),
        "川维化工BDO一体化": ("preparatory", "前期工作", "钢铁冶金产业"),
        "钢材市场": ("preparatory", "前期工作", "钢铁冶金产业"),
        "老旧小区改造": ("ongoing", "续建", "城市能级提升板块"),
        "城乡供水一体化（一期）": ("ongoing", "续建", "城市能级提升板块"),
        "璟樾府": ("ongoing", "推进", "城市能级提升板块"),
        "常春藤": ("ongoing", "推进", "城市能级提升板块"),  # `等房地产等项目` is a kind, dropped
        "城市品质提升(一期）": ("completed", "完工", "城市能级提升板块"),
        "狮子滩抽水蓄能": ("preparatory", "前期工作", "能源保障板块"),
    }


def test_unlabelled_verb_sentences_without_tab():
    items = projects("""
专栏3：2022年运动康养旅游及文化重点项目
新开工长寿湖旅游大道、杨克明故居修缮等项目。续建长寿湖景观绿化提升、橘香悦动村（二期）等项目。完工古镇会展中心等项目。
""")
    assert table(items) == {
        "长寿湖旅游大道": ("started", "新开工", None),
        "杨克明故居修缮": ("started", "新开工", None),
        "长寿湖景观绿化提升": ("ongoing", "续建", None),
        "橘香悦动村（二期）": ("ongoing", "续建", None),
        "古镇会展中心": ("completed", "完工", None),
    }


def test_name_result_items_in_a_review_list():
    items = projects("""
专栏2：2021年12件民心工程完成情况
城区老旧小区改造提升工程：完成綦齿、百步梯等15个社区老旧小区1135栋单体楼连片改造。

沙溪河天河路生态停车场及道路景观改造工程：建成沙溪河天河路生态停车场，新增停车位107个。

区人民医院传染病区平战结合升级改造工程：新建感染病房及核酸检测实验室1260平方米。

农村人居环境整治项目: 完成永城、三角等6个镇街18个村人居环境整治。

街镇公交出行全覆盖项目：开通城区至东溪、丁山等7镇公交客运线路。

通惠养老综合服务中心项目：因选址变更、重新设计，目前已开工建设。
""")
    assert table(items) == {
        "城区老旧小区改造提升工程": ("completed", "完成", None),
        "沙溪河天河路生态停车场及道路景观改造工程": ("completed", "建成", None),
        "区人民医院传染病区平战结合升级改造工程": ("completed", "新建", None),  # reported work is done
        "农村人居环境整治项目": ("completed", "完成", None),
        "街镇公交出行全覆盖项目": ("completed", "开通", None),
        "通惠养老综合服务中心项目": ("started", "已开工建设", None),
    }


def test_name_result_items_in_a_plan_list():
    items = projects("""
专栏8：2022年10件民心工程计划

新建城区两所小学：建成城区小学2所，新增学位3780个。

沙溪河及通惠河沿岸步道建设：综合整治沿河区域环境，新建步道1950米。
　　登瀛河水生态环境修复工程：建设绿色生态廊道1.2万平方米，新建5.3公里生态护岸。

区青少年活动中心：总建筑面积12298平方米。
""")
    assert table(items) == {
        "新建城区两所小学": ("completed", "建成", None),
        "沙溪河及通惠河沿岸步道建设": ("planned", None, None),  # 新建 of a component is not the stage
        "登瀛河水生态环境修复工程": ("planned", None, None),
        "区青少年活动中心": ("planned", None, None),
    }


def test_title_stage_and_section_year():
    items = projects("""
三、2022年实现国民经济和社会发展计划的重点措施
专栏4：2022年新建工业产业重点项目
铝及铝精深加工：明泰铝业70万吨再生铝项目、中建材新材料项目。

专栏7：其他产业发展重点项目

农业：2022年高标准农田建设项目、土地整理项目。
""")
    got = {it.project_name: (it.stage, it.stage_raw, it.category, it.period_year) for it in items}
    assert got == {
        "明泰铝业70万吨再生铝项目": ("started", "新建", "铝及铝精深加工", 2022),
        "中建材新材料项目": ("started", "新建", "铝及铝精深加工", 2022),
        "2022年高标准农田建设项目": ("planned", None, "农业", 2022),  # no year in the title: the section's
        "土地整理项目": ("planned", None, "农业", 2022),
    }


def test_indicator_table_box_is_not_a_project_list():
    items = projects("""
专栏3：2022年国民经济和社会发展主要指标计划
\t类别
\t序号
\t指标名称
\t2022年计划目标
\t备注

\t发展综合质量效益
\t1
\t地区生产总值增速（%）
\t6.5
\t预期性
""")
    assert items == []


def test_one_project_per_tab_led_line_is_a_list_not_a_table():
    items = projects("""
专栏5：2022年新建重点基础设施项目
\t藻渡水库工程项目
\t发展大道建设工程项目
\t永庆路项目二期
""")
    assert table(items) == {
        "藻渡水库工程项目": ("started", "新建", None),
        "发展大道建设工程项目": ("started", "新建", None),
        "永庆路项目二期": ("started", "新建", None),
    }


def test_list_body_ends_at_prose_and_notes():
    items = projects("""
专栏6：2022年城市品质提升重点项目

城乡塑料垃圾综合治理项目、通惠新兴片区停车场项目。
实施院校引进行动计划。优化完善职教空间布局，支持重庆德国埃森大学、重庆电影职业学院等院校落地。
""")
    assert [it.project_name for it in items] == ["城乡塑料垃圾综合治理项目", "通惠新兴片区停车场项目"]
    items = projects("""
专栏6：2022年城市品质提升重点项目
城乡塑料垃圾综合治理项目、通惠新兴片区停车场项目。
注：以上项目以最终批复为准。
""")
    assert [it.project_name for it in items] == ["城乡塑料垃圾综合治理项目", "通惠新兴片区停车场项目"]


def test_numbered_items_stay_in_the_list():
    items = projects("""
（三）重大项目安排
专栏2：2022年重点民生项目
1.区人民医院扩建工程
2.城南污水处理厂二期
3.完善城市功能配套。全年完成农村征地2000亩，加大基础设施补短板力度，完工白居寺长江大桥等项目。
""")
    assert [it.project_name for it in items] == ["区人民医院扩建工程", "城南污水处理厂二期"]


def test_projects_named_only_in_prose_are_ignored_when_lists_exist():
    items = projects("""
三、2022年重点工作
1.加快建设海康威视三期，开工建设雨污水管网整治工程五期。
专栏2：2022年产业建设重点项目
\t新兴产业项目：N43地块先进制造产业园、萤石生产基地。
""")
    assert [it.project_name for it in items] == ["N43地块先进制造产业园", "萤石生产基地"]


# ---------------------------------------------------------------------------------------------------------
# Splitting names
# ---------------------------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "text, expected",
    [
        # brackets, mixed widths, quotes: never split inside
        ("L29地块(工业博物馆西侧）新建小学、D9地块（华仁万有广场北侧）新建学校",
         ["L29地块(工业博物馆西侧）新建小学", "D9地块（华仁万有广场北侧）新建学校"]),
        ("2020年老旧小区基础配套设施综合提升改造项目（市政设施及路灯、环卫设施、绿化）、万家咀平场项目",
         ["2020年老旧小区基础配套设施综合提升改造项目（市政设施及路灯、环卫设施、绿化）", "万家咀平场项目"]),
        ("“两江四岸”治理提升工程、国复玻纤“双百”基地", ["“两江四岸”治理提升工程", "国复玻纤“双百”基地"]),
        ('"金鳌田园、民宿"旅游项目、撒欢乐园', ['"金鳌田园、民宿"旅游项目', "撒欢乐园"]),
        # an unclosed bracket is a typo and does not swallow the list
        ("御景雅居(二期、和合家园", ["御景雅居(二期", "和合家园"]),
        # trailing 等N个片区 restating the last name's kind
        ("大渡口区城市更新（老旧改）革马中心片区、技光村片区、大堰片区等14个片区",
         ["大渡口区城市更新（老旧改）革马中心片区", "技光村片区", "大堰片区"]),
        ("郭扶镇同心村等7个土地整理工程项目", ["郭扶镇同心村等7个土地整理工程项目"]),
        # numbering 一、二 inside a name
        ("35千伏中征一、二线及110千伏柏敖线迁改、35千伏刘海线迁改工程",
         ["35千伏中征一、二线及110千伏柏敖线迁改", "35千伏刘海线迁改工程"]),
        # 及 / 和 / 与 joined names stay whole
        ("民族中学和庹家坳小学扩建、菩提公园及长寿菩提社区公园、龙溪河环境综合整治与生态保护",
         ["民族中学和庹家坳小学扩建", "菩提公园及长寿菩提社区公园", "龙溪河环境综合整治与生态保护"]),
        # trailing 等项目 / 等 dropped, internal 等 kept
        ("大渡口10千伏刘柏线等线路迁改工程、顺泰管道等项目", ["大渡口10千伏刘柏线等线路迁改工程", "顺泰管道"]),
        ("双象超纤一期、亚士创能等", ["双象超纤一期", "亚士创能"]),
        # plot codes sharing one head noun, a bare phase, short parts sharing the works
        ("H01-2-1、H01-2-2、H01-3地块土壤污染治理修复工程", ["H01-2-1、H01-2-2、H01-3地块土壤污染治理修复工程"]),
        ("艺度创城市更新一期、二期；革马中心片区", ["艺度创城市更新一期、二期", "革马中心片区"]),
        ("西大附中刘家坝东片区110kV马刘东西线、柏建线、刘海线电力迁改、萤石生产基地项目",
         ["西大附中刘家坝东片区110kV马刘东西线、柏建线、刘海线电力迁改", "萤石生产基地项目"]),
        ("轨道交通18号线、江跳线、4号线", ["轨道交通18号线", "江跳线", "4号线"]),
        # other separators
        ("正大项目西侧道路项目，金海路项目一期；光电路项目。", ["正大项目西侧道路项目", "金海路项目一期", "光电路项目"]),
    ],
)
def test_split_names(text, expected):
    assert split_names(text) == expected


@pytest.mark.parametrize(
    "raw, review, stage",
    [
        ("开工重点项目", False, "started"), ("新开工项目", False, "started"), ("已开工建设", True, "started"),
        ("续建", False, "ongoing"), ("推进", False, "ongoing"), ("在建项目", False, "ongoing"),
        ("竣工项目", False, "completed"), ("完工", False, "completed"), ("开通", True, "completed"),
        ("前期工作", False, "preparatory"), ("新建", False, "started"), ("新建", True, "completed"),
        (None, False, "planned"), ("推动", False, "planned"),
    ],
)
def test_normalize_stage(raw, review, stage):
    assert normalize_stage(raw, review) == stage


# ---------------------------------------------------------------------------------------------------------
# Reports without any list: task prose
# ---------------------------------------------------------------------------------------------------------

PROSE_PLAN = """
渝北区2020年经济社会发展计划
二、预期目标
地区生产总值增长3%。
三、重点任务和措施
(一)坚决打好“三大攻坚战”,确保取得决定性胜利。一是坚决打好污染防治攻坚战。推进徐堡污水处理厂和木耳镇中小企业基地污水处理项目建设,推动洛碛镇、统景镇污水处理厂提标改造,提升城乡污水处理回收能力。
(二)提高内陆开放水平,培育新优势。一是拓展开放通道。助推T3B航站楼和第四跑道早日开工,打造国际航空枢纽。推进渝邻快速通道尽早解决占地调规问题,早日开工。加快复星国药、宝能物流供应链等在建项目进度,支持做好东方嘉盛、金果源等项目前期工作。开工建设洛碛码头一期。
(三)着力保障和改善民生,增强获得感。加快区中医院“三甲”项目、社区卫生服务中心等项目建设。加快传音智能终端产业园建设,建成和合家园、御景雅居(二期)等安置房项目。力促柯马机器人等项目投产见效。
(四)加快基础设施建设,补齐短板。加快一批城市干道、断头路、立交桥等项目建设,实施城市综合管理七大工程,加快实施安居工程,重点推进铜锣山、御临河等生态地位重要、示范效应明显的区域示范工程,启动实施肖家河流域等8大片区环境综合整治,推动中新数据通道和中新在智慧城市领域合作。
"""


def test_prose_projects_when_no_list():
    items = projects(PROSE_PLAN, meta=PLAN_ONLY)
    got = {it.project_name: (it.stage, it.stage_raw) for it in items}
    assert got == {
        "徐堡污水处理厂": ("ongoing", "推进"),
        "木耳镇中小企业基地污水处理项目": ("ongoing", "推进"),
        "洛碛镇污水处理厂": ("planned", None),  # the shared head goes to the bare place name
        "统景镇污水处理厂": ("planned", None),
        "T3B航站楼": ("started", "早日开工"),
        "第四跑道": ("started", "早日开工"),
        "渝邻快速通道": ("started", "早日开工"),  # the stage clause after the name governs it
        "复星国药": ("ongoing", "在建项目"),
        "宝能物流供应链": ("ongoing", "在建项目"),
        "东方嘉盛": ("preparatory", "前期工作"),
        "金果源": ("preparatory", "前期工作"),
        "洛碛码头一期": ("started", "开工建设"),
        "区中医院“三甲”项目": ("ongoing", "加快"),
        "传音智能终端产业园": ("ongoing", "加快"),
        "和合家园": ("completed", "建成"),
        "御景雅居(二期)": ("completed", "建成"),
        "柯马机器人": ("completed", "投产"),
    }
    assert {it.period_year for it in items} == {2020}
    assert {it.category for it in items} == {None}
    titles = {it.project_name: it.list_title for it in items}
    assert titles["徐堡污水处理厂"] == "prose:(一)坚决打好“三大攻坚战”"
    assert titles["T3B航站楼"] == "prose:(二)提高内陆开放水平"
    assert titles["和合家园"] == "prose:(三)着力保障和改善民生"


def test_prose_is_not_mined_outside_the_task_part():
    text = """
渝北区2020年经济社会发展计划
一、总体思路
推进徐堡污水处理厂建设。
三、重点任务和措施
(一)扩大投资,稳增长。开工建设洛碛码头一期。
"""
    assert [it.project_name for it in projects(text, meta=PLAN_ONLY)] == ["洛碛码头一期"]


def test_prose_projects_of_another_district():
    text = """
某县2023年国民经济和社会发展计划
三、2023年重点工作
(一)补齐基础设施短板,增强发展后劲。加快建设滨江快速路二期,开工建设城北隧道和青龙大桥,完成南山公园提档升级。推进县人民医院新院区等项目建设,支持县城污水管网改造等民生工程建设。
"""
    meta = ReportMeta(None, "某县", "plan", None, 2023, "t", 1)
    got = {it.project_name: (it.stage, it.period_year) for it in projects(text, meta=meta)}
    assert got == {
        "滨江快速路二期": ("ongoing", 2023),
        "城北隧道": ("started", 2023),
        "青龙大桥": ("started", 2023),
        "南山公园": ("completed", 2023),
        "县人民医院新院区": ("ongoing", 2023),
        "县城污水管网改造": ("planned", 2023),
    }


# ---------------------------------------------------------------------------------------------------------
# List layouts of other provinces and years (see also tests/ingestion/test_variants.py)
# ---------------------------------------------------------------------------------------------------------

PLAN_2024 = ReportMeta("成都市", "某某区", "review_and_plan", 2023, 2024, "t", 1)


def test_outline_numbered_groups_with_counts_stay_in_the_list():
    items = projects("""
三、2024年重点工作
（一）推进产业建圈强链
专栏2 2024年重点项目
（一）新开工项目（3个）：甲数字产业园、乙医院医疗综合楼、丙安置房（三期）。
（二）续建项目（2个）：丁动漫城、戊快速通道改造工程。
（三）计划竣工项目：己中学新校区。
（二）持续扩大有效投资
全年计划实施重点项目200个，建设甲乙丙工程。
""", meta=PLAN_2024)
    assert table(items) == {
        "甲数字产业园": ("started", "新开工项目", None),
        "乙医院医疗综合楼": ("started", "新开工项目", None),
        "丙安置房（三期）": ("started", "新开工项目", None),
        "丁动漫城": ("ongoing", "续建项目", None),
        "戊快速通道改造工程": ("ongoing", "续建项目", None),
        "己中学新校区": ("completed", "计划竣工项目", None),
    }
    assert {it.period_year for it in items} == {2024}


def test_group_lines_without_a_colon_and_kinds_with_counts():
    items = projects("""
专栏1：2023年重点项目完成情况
新开工项目（2个）
甲枢纽、乙电池二期
竣工项目（1个）
丙医院新院区
专栏3：2024年县级重点项目
（1）产业发展类（12个）：新开工丁产业园等项目；续建戊生产线等项目。
""", meta=ReportMeta(None, "某县", "review_and_plan", 2023, 2024, "t", 1))
    assert table(items) == {
        "甲枢纽": ("started", "新开工项目", None),
        "乙电池二期": ("started", "新开工项目", None),
        "丙医院新院区": ("completed", "竣工项目", None),
        "丁产业园": ("started", "新开工", "产业发展类"),
        "戊生产线": ("ongoing", "续建", "产业发展类"),
    }


def test_single_project_lines_ending_in_xiangmu_are_not_group_labels():
    from ingestion.projects import group_label

    assert group_label("新开工项目（20个）") == (None, "新开工项目")
    assert group_label("一、交通项目") == ("交通项目", None)
    assert group_label("（二）社会民生类：") == ("社会民生类", None)
    assert group_label("比亚迪动力电池项目") is None
    assert group_label("璧山区人民医院新院区") is None


def test_boxed_list_with_numbered_items_and_descriptions():
    items = projects("""
1.加快建设现代化产业体系。实施产业集群培育行动。
\t专栏2 2024年重大项目
一、新开工项目
1.甲零部件产业园：总投资50亿元，建设标准厂房60万平方米。
2.乙中医院迁建工程：总投资12亿元，新建床位800张。
二、续建项目
3.丙高铁配套工程：完成站前广场及配套道路建设。
4.丁自来水厂：日供水10万吨。

2.扩大有效投资。全年实施区级重点项目260个。
""", meta=PLAN_2024)
    assert table(items) == {
        "甲零部件产业园": ("started", "新开工项目", None),
        "乙中医院迁建工程": ("started", "新开工项目", None),
        "丙高铁配套工程": ("ongoing", "续建项目", None),  # the group's stage, not the 完成 of the description
        "丁自来水厂": ("ongoing", "续建项目", None),
    }


PROJECT_TABLE = """
附件2：2024年县重点建设项目（部分）
\t序号
\t项目名称
\t建设内容及规模
\t总投资（亿元）
\t建设性质

\t一、产业项目

\t1
\t甲智能制造产业园
\t新建标准厂房40万平方米
\t25.0
\t新建

\t2
\t乙高速安吉段
\t全长约38公里
\t62.0
\t续建

\t合计
\t
\t
\t87.0
\t
"""


def test_project_table_rows_with_a_stage_column():
    items = projects(PROJECT_TABLE, meta=PLAN_2024)
    assert [(it.project_name, it.stage, it.stage_raw, it.category, it.period_year, it.source_line) for it in items] == [
        ("甲智能制造产业园", "started", "新建", "产业项目", 2024, 11),  # the line of the name cell
        ("乙高速安吉段", "ongoing", "续建", "产业项目", 2024, 17),
    ]
    assert {it.list_title for it in items} == {"附件2：2024年县重点建设项目（部分）"}


def test_project_table_stage_from_group_rows_a_kind_column_or_the_title():
    text = """
专栏3：2023年重大项目前期工作计划
\t序号
\t项目名称
\t建设内容
\t总投资（亿元）
\t年度计划

\t一、交通项目

\t1
\t甲高速公路
\t全长42公里
\t85
\t完成工可审批
附件：2024年区级重点建设项目计划表
\t序号
\t类别
\t项目名称
\t建设规模及内容
\t总投资（亿元）

\t1
\t续建
\t乙大道快速化改造工程
\t全长12公里
\t15

\t新开工项目

\t2
\t
\t丙体育中心
\t建筑面积5万平方米
\t6.2
"""
    items = projects(text, meta=ReportMeta(None, "某县", "review_and_plan", 2022, 2023, "t", 1))
    assert [(it.project_name, it.stage, it.category, it.period_year) for it in items] == [
        ("甲高速公路", "preparatory", "交通项目", 2023),
        ("乙大道快速化改造工程", "ongoing", None, 2024),
        ("丙体育中心", "started", None, 2024),
    ]


def test_an_indicator_table_is_not_a_project_table():
    text = """
表1：2023年主要指标
\t序号
\t项目
\t单位
\t2023年计划
\t2023年完成

\t1
\t地区生产总值
\t亿元
\t72
\t72.3
"""
    assert projects(text) == []


def test_prose_projects_come_from_the_plan_part_not_the_review_part():
    text = """
某县2019年国民经济和社会发展计划执行情况及2020年国民经济和社会发展计划草案的报告
第一部分 2019年国民经济和社会发展计划执行情况
二、重点工作推进情况
建成甲污水处理厂。
第二部分 2020年国民经济和社会发展计划（草案）
二、主要任务
（一）加快产业转型升级
新开工乙景区游客中心、丙景区索道等项目，加快推进丁镇农产品加工园建设。
（二）加强基础设施建设
开工建设戊快速通道北川段，建成县城第二水厂。
"""
    meta = ReportMeta(None, "某县", "review_and_plan", 2019, 2020, "t", 1)
    got = {it.project_name: (it.stage, it.period_year) for it in projects(text, meta=meta)}
    assert got == {
        "乙景区游客中心": ("started", 2020),
        "丙景区索道": ("started", 2020),
        "丁镇农产品加工园": ("ongoing", 2020),
        "戊快速通道北川段": ("started", 2020),
        "县城第二水厂": ("completed", 2020),
    }


def test_bulleted_items():
    items = projects("""
专栏2：2024年重点项目
●新开工项目：甲产业园、乙大桥。
◆续建项目：丙隧道。
""", meta=PLAN_2024)
    assert table(items) == {
        "甲产业园": ("started", "新开工项目", None),
        "乙大桥": ("started", "新开工项目", None),
        "丙隧道": ("ongoing", "续建项目", None),
    }


def test_a_kind_label_over_stage_clauses_is_a_list_not_a_result_text():
    # the list's numbering starts at 2 (numbered on from another list): still the list
    items = projects("""
专栏1 2022年重大项目
2.交通基础设施类：建成地铁3号线余杭段；续建甲枢纽配套工程、乙城际铁路余杭段。
城区环卫设施改造提升工程：完成公厕改造10座，新建智能公厕1座。
""", meta=PLAN_2024)
    assert table(items) == {
        "地铁3号线余杭段": ("completed", "建成", "交通基础设施类"),
        "甲枢纽配套工程": ("ongoing", "续建", "交通基础设施类"),
        "乙城际铁路余杭段": ("ongoing", "续建", "交通基础设施类"),
        "城区环卫设施改造提升工程": ("completed", "完成", None),  # a name：result item keeps its verb
    }


def test_prose_names_that_open_with_a_verb_or_a_kind_of_place_are_not_projects():
    text = """
三、2020年重点工作
（一）扩大开放。加快融入西部陆海新通道，推进集镇道路建设，加快建设松溪港综合码头。
"""
    assert [it.project_name for it in projects(text, meta=PLAN_ONLY)] == ["松溪港综合码头"]
