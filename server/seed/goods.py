"""What the catalogue sells: brands, product words and SKU specs per category."""

from __future__ import annotations

import random
from typing import Final

# Share of sales per category; the first four carry well over half, as on the real platform.
CATEGORY_WEIGHTS: Final = {
    "时尚女装": 26,
    "母婴童装": 16,
    "品质男装": 11,
    "家居家纺": 10,
    "美妆个护": 21,
    "食品生鲜": 16,
}

BRAND_STEMS: Final = (
    "云朵", "初见", "素然", "木槿", "南山", "柚子", "星河", "暖阳", "青禾", "半亩", "拾光", "知秋",
    "鹿鸣", "森屿", "花间", "锦瑟", "白露", "晚风", "若溪", "棉语", "简约", "悦然", "橙心", "米兰",
    "诺雅", "伊莎", "蔓兰", "依诺", "凯帝", "雅澜", "卡菲", "尚品", "优贝", "乐童", "贝芙", "佳禾",
    "恒雅", "金鹿", "红豆", "蓝鲸", "山野", "田园", "北纬", "东方", "海蓝", "素问", "禾央", "梵语",
)  # fmt: skip
BRAND_SUFFIXES: Final = {
    "时尚女装": ("女装", "衣橱", "服饰", "时装"),
    "母婴童装": ("童装", "宝贝", "母婴", "童话"),
    "品质男装": ("男装", "绅士", "先生", "男士"),
    "家居家纺": ("家纺", "家居", "良品", "居家"),
    "美妆个护": ("美妆", "草本", "之谜", "肌研"),
    "食品生鲜": ("食品", "农场", "鲜生", "优选"),
}
PRODUCT_WORDS: Final = {
    "时尚女装": (
        "纯棉宽松短袖T恤", "法式碎花连衣裙", "高腰显瘦牛仔裤", "针织开衫外套", "雪纺衬衫",
        "双面羊毛大衣", "百褶半身裙", "冰丝阔腿裤", "轻薄羽绒服", "小香风外套",
    ),
    "母婴童装": (
        "婴儿纯棉连体衣", "儿童防晒衣", "男童运动套装", "女童公主裙", "宝宝学步鞋",
        "儿童加绒卫衣", "婴儿隔尿垫", "儿童羽绒服", "宝宝口水巾", "儿童冰丝睡衣",
    ),
    "品质男装": (
        "商务免烫衬衫", "纯棉圆领T恤", "休闲直筒裤", "立领夹克", "冰丝速干POLO衫",
        "加厚羽绒服", "修身西装外套", "运动卫裤",
    ),
    "家居家纺": (
        "全棉四件套", "乳胶枕", "夏凉被", "珊瑚绒毛毯", "纯棉浴巾", "加厚床垫", "真丝枕套",
        "天丝凉席",
    ),
    "美妆个护": (
        "玻尿酸补水面膜", "氨基酸洗面奶", "持妆粉底液", "丝绒口红", "防晒霜SPF50",
        "精华水", "洗发水", "身体乳", "眼霜", "卸妆油",
    ),
    "食品生鲜": (
        "每日坚果", "五常大米", "手撕牛肉干", "赣南脐橙", "黑芝麻丸", "螺蛳粉", "阳澄湖大闸蟹",
        "云南小粒咖啡", "烟台苹果", "东北黑木耳",
    ),
}  # fmt: skip
PRODUCT_ADJECTIVES: Final = ("", "新款", "爆款", "百搭", "加大码", "经典款", "限定", "升级款")
SUPPLY_PRICE_YUAN: Final = {
    "时尚女装": (39, 399),
    "母婴童装": (19, 199),
    "品质男装": (49, 499),
    "家居家纺": (39, 599),
    "美妆个护": (19, 299),
    "食品生鲜": (9, 159),
}
COLORS: Final = ("黑色", "白色", "米杏色", "雾霾蓝", "燕麦色", "酒红色", "浅灰色", "藏青色")
SPECS: Final = {
    "时尚女装": ("S", "M", "L", "XL", "2XL"),
    "母婴童装": ("73cm", "80cm", "90cm", "100cm", "110cm", "120cm"),
    "品质男装": ("M", "L", "XL", "2XL", "3XL"),
    "家居家纺": ("1.5m床", "1.8m床", "2.0m床"),
    "美妆个护": ("30ml", "50ml", "100ml", "两支装"),
    "食品生鲜": ("500g", "1kg", "2.5kg", "礼盒装"),
}
WEARABLE: Final = frozenset({"时尚女装", "母婴童装", "品质男装"})
EVENT_THEMES: Final = (
    "春季上新", "夏日清凉", "秋冬新品", "年终清仓", "品牌周年庆", "会员专享", "限时特卖",
    "宠粉福利", "换季特惠", "新品首发",
)  # fmt: skip


def brand_names(rng: random.Random, count: int) -> list[tuple[str, str]]:
    """Distinct (name, category) pairs, categories in proportion to their sales."""
    categories = list(CATEGORY_WEIGHTS)
    weights = list(CATEGORY_WEIGHTS.values())
    seen: set[str] = set()
    brands: list[tuple[str, str]] = []
    while len(brands) < count:
        category = rng.choices(categories, weights)[0]
        name = rng.choice(BRAND_STEMS) + rng.choice(BRAND_SUFFIXES[category])
        if name in seen:
            # Past the plain combinations, a house mark keeps names distinct and plausible.
            name = f"{name}·{rng.choice('鑫悦瑞嘉禾锦')}{rng.choice('品选家坊')}"
            if name in seen:
                continue
        seen.add(name)
        brands.append((name, category))
    return brands


def product_title(rng: random.Random, brand: str, category: str) -> str:
    return f"【{brand}】{rng.choice(PRODUCT_ADJECTIVES)}{rng.choice(PRODUCT_WORDS[category])}"


def sku_specs(rng: random.Random, category: str) -> list[str]:
    sizes = SPECS[category]
    if category in WEARABLE:
        colors = rng.sample(COLORS, rng.randint(1, 2))
        picked = sorted(rng.sample(range(len(sizes)), rng.randint(1, 3)))
        return [f"{c} / {sizes[i]}" for c in colors for i in picked]
    picked = sorted(rng.sample(range(len(sizes)), rng.randint(1, min(3, len(sizes)))))
    return [sizes[i] for i in picked]
