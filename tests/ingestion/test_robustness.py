"""Odd input must never crash extraction: an exception quarantines the whole report.

The cases are the shapes real files take when a conversion goes wrong (a heading-only skeleton, a table with
ragged or empty rows, one enormous line, a caption with nothing under it) plus seeded random damage to the
sample reports and the variant fixtures. Each must extract without an exception and in reasonable time.
"""
from __future__ import annotations

import random
import time
from pathlib import Path

import pytest

from ingestion.extract import extract_text

ROOT = Path(__file__).resolve().parents[2]
TITLE = "重庆市某某区2021年国民经济和社会发展计划执行情况及2022年计划草案的报告\n"

ODD = {
    "empty": "",
    "title only": TITLE,
    "headings only": TITLE + "一、2021年国民经济和社会发展计划执行情况\n（一）主要指标\n二、2022年主要目标\n"
                     "三、重点任务\n专栏1：2022年重点项目\n表1：2022年主要指标\n续表\n附件1\n",
    "long prose line": TITLE + "一、2021年国民经济和社会发展计划执行情况\n" + "全年实现地区生产总值300亿元、增长8%以上，" * 5000,
    "long digit run": TITLE + "一、2021年计划执行情况\n" + "1" * 50000 + "\n",
    "long list": TITLE + "三、重点任务\n专栏1：2022年重点项目\n新开工：" + "、".join(f"项目{i}号工程" for i in range(5000)),
    "unclosed brackets": TITLE + "三、重点任务\n专栏1：2022年重点项目\n新开工：" + "（" * 20000 + "\n",
    "ragged table": TITLE + "表1：2021年主要指标\n\t序号\n\t指标名称\n\t2021年目标\n\t2021年完成\n\n\t1\n\n"
                    "\t2\n\t地区生产总值\n\t1\n\t2\n\t3\n\t4\n\t5\n\t6\n\n\t\t\t\n\n\t3\n\t人口\n",
    "header only": TITLE + "表1：2021年主要指标\n\t序号\n\t指标名称\n\t2021年目标\n\t2021年完成\n",
    "tabs only": TITLE + "\t\n\t\t\n\t\n",
    "continuation first": TITLE + "续表\n\t1\n\t地区生产总值\n\t6\n",
    "project table ragged": TITLE + "附件1：2022年重点项目\n\t序号\n\t项目名称\n\t总投资\n\n\t1\n\n\t\n\t\n\t\n\t\n\n"
                            "\t一、新开工项目\n\n\t2\n\tA\n",
    "many cells": TITLE + "表1：x\n" + "\n".join("\t" + str(i) for i in range(20000)) + "\n",
    "wrapped merged cell": TITLE + "表1：2021年主要指标\n\t序号\n\t指标名称\n\t2021年目标\n\n\t1\n" + "经济\n\n" * 2000,
    "carriage returns only": TITLE.replace("\n", "\r") + "\r一、2021年计划执行情况\r",
    "control characters": TITLE + "\x00\x01\x02\x0b\x0c" * 200,
}


@pytest.mark.parametrize("name", list(ODD))
def test_odd_input_extracts_without_error(name):
    start = time.perf_counter()
    extract_text(ODD[name])
    assert time.perf_counter() - start < 10


def _damaged(lines: list[str], rng: random.Random) -> str:
    lines = list(lines)
    for _ in range(rng.randint(1, 30)):
        i = rng.randrange(len(lines))
        op = rng.random()
        if op < 0.2:
            del lines[i]
        elif op < 0.35:
            lines.insert(i, lines[rng.randrange(len(lines))])
        elif op < 0.5:
            lines[i] = lines[i][: rng.randint(0, len(lines[i]))]
        elif op < 0.6:
            lines[i] = "\t" + lines[i]
        elif op < 0.7:
            lines[i] = lines[i].lstrip("\t")
        elif op < 0.8:
            lines.insert(i, "")
        else:
            j = rng.randrange(len(lines))
            lines[i], lines[j] = lines[j], lines[i]
    return "\n".join(lines)


def test_damaged_reports_extract_without_error():
    sources = sorted((ROOT / "seeds").glob("*.txt")) + sorted((ROOT / "tests" / "fixtures" / "variants").glob("*.txt"))
    texts = [p.read_text(encoding="utf-8").split("\n") for p in sources]
    rng = random.Random(20240601)
    for _ in range(60):
        extract_text(_damaged(rng.choice(texts), rng))
