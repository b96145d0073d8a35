from jiuye import mentions, regions


def test_all_34_provincial_divisions_with_unique_slugs():
    provinces = regions.provinces()
    assert len(provinces) == 34
    assert len({p.slug for p in provinces}) == 34
    assert {p.short for p in provinces} >= {"北京", "内蒙古", "广西", "西藏", "宁夏", "新疆", "香港", "澳门", "台湾"}


def test_pinyin_slugs_follow_convention():
    slug = {p.short: p.slug for p in regions.provinces()}
    assert slug["陕西"] == "shaanxi"
    assert slug["山西"] == "shanxi"
    assert slug["重庆"] == "chongqing"
    assert slug["内蒙古"] == "neimenggu"
    assert slug["黑龙江"] == "heilongjiang"


def test_find_province_by_any_spelling():
    for key in ("湖北", "湖北省", "hubei", "42"):
        assert regions.find_province(key).name == "湖北省"
    assert regions.find_province("新疆维吾尔自治区").short == "新疆"
    assert regions.find_province("内蒙").short == "内蒙古"
    assert regions.find_province("火星") is None


def test_cities_map_to_their_province():
    cities = regions.city_names()
    province = {p.code: p.short for p in regions.provinces()}
    assert province[cities["宜宾"].province_code] == "四川"
    assert province[cities["长春市"].province_code] == "吉林"
    assert province[cities["延边"].province_code] == "吉林"  # 延边朝鲜族自治州
    assert province[cities["恩施"].province_code] == "湖北"  # 恩施土家族苗族自治州
    assert province[cities["仙桃市"].province_code] == "湖北"  # county-level, directly under the province
    assert province[cities["雄安新区"].province_code] == "河北"
    assert sum(len(p.cities) for p in regions.provinces()) > 330


def test_everyday_words_are_not_city_names():
    cities = regions.city_names()
    assert "长治" not in cities and "长治市" in cities
    assert "来宾" not in cities and "来宾市" in cities


def test_counties_by_full_and_short_name_name_their_city():
    assert regions.county("册亨").city.name == "黔西南布依族苗族自治州"
    assert regions.county("庐阳区").city.name == "合肥市"
    assert regions.county("昆山").city.name == "苏州市"  # a county-level city in its prefecture
    assert regions.county("朝阳") is None  # 朝阳区 in 北京 and 长春, 朝阳县 in 辽宁
    assert regions.county("河北") is None  # 河北区 (天津) is spelt like the province


def test_everyday_words_among_short_county_names():
    assert regions.everyday_word("合作") and regions.everyday_word("通道")  # 合作市, 通道县
    assert not regions.everyday_word("册亨") and not regions.everyday_word("昆山")


def test_a_county_since_made_a_city_is_found_by_its_new_name() -> None:
    # 库车县 became 库车市 in 2019; the division table still says 县.
    assert regions.county("库车市").city.name == "阿克苏地区"
    found = mentions.find("新疆库车市2023年就业援助月巡回招聘会")
    assert [m.city.name for m in found if m.city] == ["阿克苏地区"]
    assert all(m.city is None for m in mentions.find("广西：招聘会在市人力资源市场大厅举行"))  # no 资源市
