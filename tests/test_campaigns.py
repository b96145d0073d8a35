import pytest

from jiuye.campaigns import Registry, RegistryError
from tests.conftest import SEEDS


def seed(number: str) -> str:
    return next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")


def slugs(registry, text):
    return [c.slug for c in registry.named_in(text)]


def test_nuanxin_in_both_spellings(registry):
    assert slugs(registry, seed("000")) == ["nuanxin"]
    assert slugs(registry, seed("001")) == ["nuanxin"]  # written 暖心活动 throughout


def test_acftu_campaign_is_not_the_mohrss_one(registry):
    found = slugs(registry, seed("003"))
    assert found == ["yangguang"]
    assert "nuanxin" not in found


def test_seed_002_lists_the_10_plus_n_activities(registry):
    assert set(slugs(registry, seed("002"))) == {
        "jiuyeyuanzhuyue",
        "chunfeng",
        "dazhongchengshi",
        "minyingqiye",
        "canjiren",
        "bairiqianwan",
        "gaoxiaofuwu",
        "bangfuzhou",
        "jinqiu",
        "fuwuzhou",
        "yangqizhuanchang",
        "jinxiaoyuan",
    }


def test_longest_spelling_wins_and_quotes_do_not_matter(registry):
    assert slugs(registry, "开展阳光就业“暖心行动”") == ["yangguang"]
    assert slugs(registry, '就业援助 " 暖心行动 " 启动；另有阳光就业暖心行动') == ["nuanxin", "yangguang"]
    assert slugs(registry, "“暖心”“有温度”是今年的关键词") == []


def test_find_by_slug_name_or_alias(registry):
    assert registry.find("nuanxin").slug == "nuanxin"
    assert registry.find("就业援助“暖心行动”").slug == "nuanxin"
    assert registry.find("暖心活动").slug == "nuanxin"
    assert registry.find("不存在的活动") is None


def test_registry_rejects_a_spelling_claimed_twice():
    text = "- {slug: a, name: 甲活动, aliases: [同名]}\n- {slug: b, name: 乙活动, aliases: [同名]}\n"
    with pytest.raises(RegistryError, match="同名"):
        Registry.from_yaml(text)


def test_registry_names_entry_and_field():
    with pytest.raises(RegistryError, match=r"entry 2: field 'name'"):
        Registry.from_yaml("- {slug: a, name: 甲}\n- {slug: b}\n")
    with pytest.raises(RegistryError, match=r"period\.months"):
        Registry.from_yaml("- {slug: a, name: 甲, period: {months: [13, 1]}}\n")


def test_a_period_covers_its_months_and_may_wrap_the_year():
    registry = Registry.from_yaml(
        "- {slug: winter, name: 冬季招聘, period: {months: [12, 2]}}\n"
        "- {slug: spring, name: 春季招聘, period: {months: [3, 5], text: 每年 3—5 月}}\n"
    )
    winter, spring = registry.campaigns
    assert winter.period.months == (12, 1, 2) and winter.period.label == "12—2 月"
    assert spring.period.months == (3, 4, 5) and spring.period.label == "每年 3—5 月"


def test_a_joint_edition_names_both_campaigns(registry):
    # since 2023 the Ministry runs them together: "2023年春风行动暨就业援助月"
    assert slugs(registry, "“2023年春风行动暨就业援助月”专项服务活动正在全国开展") == ["chunfeng", "jiuyeyuanzhuyue"]


def test_the_2026_edition_of_the_assistance_month_by_its_new_name(registry):
    # Real wording (山西 and 襄阳, 2026): "2026年春风行动暨就业援助季…招聘活动".
    assert set(slugs(registry, "山西省2026年春风行动暨就业援助季临汾示范招聘活动成功举行")) == {
        "chunfeng",
        "jiuyeyuanzhuyue",
    }
