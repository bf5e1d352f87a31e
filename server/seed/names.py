"""Word pools for believable Chinese shop data; every draw goes through a seeded Random."""

from __future__ import annotations

import random
from typing import Final

_COMMON_SURNAMES = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩"
SURNAMES: Final = _COMMON_SURNAMES + "冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈姚卢"
GIVEN_CHARS: Final = (
    "芳娜敏静丽艳娟霞燕玲婷雪慧洁琳颖倩晶欣怡佳悦雅思涵梦瑶琪萱妍婉秀红梅兰英华"
    "伟强磊军洋勇杰涛明超刚平辉鹏浩宇轩博文斌峰晨阳"
)
# Weighted by how many owners and customers a social shop finds there: big cities first.
CITIES: Final = (
    ("上海", 9), ("北京", 8), ("广州", 8), ("深圳", 8), ("杭州", 7), ("成都", 7), ("重庆", 6),
    ("武汉", 6), ("南京", 5), ("苏州", 5), ("西安", 5), ("长沙", 5), ("郑州", 4), ("天津", 4),
    ("青岛", 3), ("宁波", 3), ("厦门", 3), ("合肥", 3), ("福州", 3), ("济南", 3), ("昆明", 3),
    ("沈阳", 2), ("大连", 2), ("南昌", 2), ("南宁", 2), ("东莞", 2), ("佛山", 2), ("温州", 2),
    ("无锡", 2), ("石家庄", 2), ("哈尔滨", 2), ("贵阳", 2), ("太原", 1), ("兰州", 1),
    ("泉州", 1), ("徐州", 1), ("洛阳", 1), ("绍兴", 1), ("嘉兴", 1), ("金华", 1),
)  # fmt: skip
PHONE_PREFIXES: Final = (
    "130", "131", "132", "133", "135", "136", "137", "138", "139", "150", "151", "152",
    "155", "156", "157", "158", "159", "166", "175", "176", "177", "180", "181", "182",
    "183", "185", "186", "187", "188", "189", "191", "198", "199",
)  # fmt: skip
SHOP_SUFFIXES: Final = (
    "的衣橱", "的小店", "优选", "好物铺", "的杂货铺", "生活馆", "甄选", "家的宝贝屋", "美妆铺",
    "的精品屋", "严选", "的特卖场",
)  # fmt: skip
NICK_PREFIXES: Final = ("小", "阿", "小", "大")

_CITY_NAMES = [name for name, _ in CITIES]
_CITY_CUM: list[float] = []
_total = 0.0
for _, weight in CITIES:
    _total += weight
    _CITY_CUM.append(_total)


def person_name(rng: random.Random) -> str:
    given = rng.choice(GIVEN_CHARS)
    if rng.random() < 0.7:
        given += rng.choice(GIVEN_CHARS)
    return rng.choice(SURNAMES) + given


def masked_phone(rng: random.Random) -> str:
    # Only the masked form exists anywhere on the platform's side of this demo.
    return f"{rng.choice(PHONE_PREFIXES)}****{rng.randrange(10_000):04d}"


def city(rng: random.Random) -> str:
    return rng.choices(_CITY_NAMES, cum_weights=_CITY_CUM)[0]


def shop_name(rng: random.Random, owner: str) -> str:
    nick = rng.choice(NICK_PREFIXES) + owner[-1]
    return nick + rng.choice(SHOP_SUFFIXES)
