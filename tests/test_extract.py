from bs4 import BeautifulSoup

from jiuye import extract
from tests.conftest import SEEDS


def about(number: str) -> list[str]:
    text = next(SEEDS.glob(f"{number}_*.txt")).read_text(encoding="utf-8")
    _, front, body = text.split("---", 2)
    title = next(line for line in front.splitlines() if line.startswith("title:"))
    plain = BeautifulSoup(body, "html.parser").get_text("\n")
    return [p.short for p in extract.places_about(title, plain).provinces]


def test_seed_000_is_about_hebei_and_anhui():
    assert set(about("000")) == {"河北", "安徽"}  # 河北 through 雄安新区


def test_seed_001_is_about_five_provinces_not_the_dateline():
    assert set(about("001")) == {"吉林", "福建", "湖北", "重庆", "四川"}


def test_seed_003_is_about_no_province():
    assert about("003") == []


def test_seed_004_is_about_its_three_sections_not_passing_mentions():
    found = set(about("004"))
    assert {"湖南", "山东", "甘肃"} <= found
    assert not found & {"浙江", "广东", "广西"}  # named once, in a single sentence


def test_dateline_is_not_a_subject():
    text = "新华社北京3月5日电（记者 王某）湖北省武汉市举办招聘会。武汉市人社局介绍了情况。"
    assert [p.short for p in extract.places_about("", text).provinces] == ["湖北"]
    assert "北京" not in extract.strip_datelines(text)


def test_title_mention_counts():
    assert [p.short for p in extract.places_about("四川：就业援助启动", "活动现场很热闹。").provinces] == ["四川"]


def test_summary_skips_short_lines_and_cuts_at_a_sentence():
    paragraphs = ["吉林活动现场", "第一句话说的是就业援助活动的来龙去脉和参与的部门。" * 3 + "第二句。" * 30]
    summary = extract.summary(paragraphs, limit=120)
    assert summary.startswith("第一句话")
    assert len(summary) <= 121


def test_each_province_of_a_roundup_with_its_own_happening_counts():
    text = (
        "江西、河南、湖南、贵州等地纷纷启动春风行动。江西省人社厅组织专场招聘会。"
        "河南开展送岗位进乡村活动。贵州册亨县举办招聘会。"
    )
    places = extract.places_about("各地春风行动", text)
    assert [p.short for p in places.provinces] == ["江西", "河南", "贵州", "湖南"]
    assert [c.name for c in places.cities] == ["黔西南布依族苗族自治州"]  # 册亨县 names its city


def test_origins_destinations_and_employers_homes_are_not_scenes():
    text = "灌阳县人社局举办春风行动专场招聘会，来自广东的企业提供岗位3000个。农民工乘专列前往浙江务工。"
    places = extract.places_about("", text)
    assert [p.short for p in places.provinces] == ["广西"]
    assert [c.name for c in places.cities] == ["桂林市"]  # 灌阳县 is in 桂林


def test_a_short_county_name_needs_its_province_named_and_a_word_of_its_own():
    assert extract.places_about("", "册亨举办招聘会。册亨帮助群众就业。").provinces == []  # no 贵州: no guess
    assert [p.short for p in extract.places_about("", "贵州册亨举办招聘会。").provinces] == ["贵州"]
    # 和政 (a county in 临夏) inside "信息和政策" is no place; 合作 (合作市) is first a word
    assert extract.places_about("甘肃", "提供岗位信息和政策咨询。校企合作。").cities == []


def test_a_place_field_names_county_level_cities_without_their_suffix():
    for field, city in (("昆山", "苏州市"), ("义乌", "金华市"), ("太仓市", "苏州市"), ("武汉-洪山区", "武汉市")):
        assert extract.first_place(field)[1] == city


def test_a_street_named_after_a_city_is_no_place():
    places = extract.places_about("", "2月20日，合肥市阜阳北路大润发广场举办招聘会。合肥市人社局组织企业进场。")
    assert [c.name for c in places.cities] == ["合肥市"]


def test_county_representatives_act_for_their_counties():
    text = "洽谈会上，长沙市望城区作为区县代表，与涟源市、桑植县、保靖县等脱贫县代表签署了劳务协作协议。"
    places = extract.places_about("湖南省春风行动启动", text)
    assert {c.name for c in places.cities} == {"长沙市", "娄底市", "张家界市", "湘西土家族苗族自治州"}


def test_a_place_that_names_its_own_fair_is_its_scene_past_the_byline():
    text = "天山网-新疆日报记者 李琳\n2月11日，库车市2023年就业援助月巡回招聘会行至阿拉哈格镇。现场人头攒动。"
    assert [c.name for c in extract.places_about("", text).cities] == ["阿克苏地区"]


def test_everyday_short_forms_of_cities():
    assert extract.first_place("呼市")[1] == "呼和浩特市"


def test_where_a_person_once_worked_is_no_scene():
    text = "“外面工资高。”在上海工作十年的江西人李冲洋准备回到南昌就业。28日，他在江西就业大厦寻觅工作。"
    assert [p.short for p in extract.places_about("", text).provinces] == ["江西"]


def test_provinces_named_by_abbreviation_in_their_joint_work():
    text = "本次招聘会，苏陕两省人社部门共组织115家企业进场招聘。"
    assert {p.short for p in extract.places_about("陕西省春风行动启动", text).provinces} == {"陕西", "江苏"}
    # one character alone is no place, nor is 中新 (China and Singapore)
    assert extract.places_about("", "务工人员有序返粤复工。中新合作项目启动。").provinces == []
    # a fair is where its name's place is, before provinces abbreviated in it
    assert extract.first_place("2024年闽滇劳务协作暨楚雄州专场招聘会")[0].short == "云南"


def test_examples_of_a_counted_whole_are_not_each_a_scene():
    text = "2025年四川省春风行动在广元市启动，并在遂宁市、南充市、广安市等18个市州同步开展。"
    assert [c.name for c in extract.places_about("", text).cities] == ["广元市"]


def test_a_place_people_go_to_do_the_reported_thing_is_a_scene():
    text = "江苏苏州人社部门登上了跨省招聘专车，前往数百公里外的河南信阳招工。农民工乘专列前往浙江务工。"
    places = extract.places_about("", text)
    assert {p.short for p in places.provinces} == {"江苏", "河南"}
    assert {c.name for c in places.cities} == {"苏州市", "信阳市"}
    visiting = "晋江市人社局带队前往贵州习水县、桐梓县，慰问晋企工人亲属。"
    assert {c.name for c in extract.places_about("", visiting).cities} == {"泉州市", "遵义市"}


def test_a_place_visited_to_see_its_firms_is_a_scene():
    # Real wording (a61: 郏县残联, 2011; a69: 教育部 roundup, 2023).
    trip = "郏县残联又外出到汝州、焦作、郑州、新乡等地的多家福利企业考察。"
    assert {c.name for c in extract.places_about("", trip).cities} == {"平顶山市", "焦作市", "郑州市", "新乡市"}
    visits = (
        "四川省教育厅组织省内60所高校的代表赴重庆联合访企拓岗。"
        "新疆教育厅组织10所高校负责人赴乌鲁木齐市经开区开展访企拓岗。"
    )
    assert {p.short for p in extract.places_about("", visits).provinces} == {"四川", "重庆", "新疆"}
    assert {c.name for c in extract.places_about("", visits).cities} == {"乌鲁木齐市"}
    assert extract.places_about("", "农民工乘专列前往浙江务工。").provinces == []


def test_a_list_with_commas_closed_by_deng_shares_its_origin():
    text = "招聘会在遂宁举行，共有来自遂宁市,重庆市潼南区、铜梁区、荣昌区等川渝毗邻地区约60家用工单位参加。"
    assert [p.short for p in extract.places_about("", text).provinces] == ["四川"]


def test_an_event_in_the_capital_named_by_its_abbreviation():
    fair = "当天,残疾人就业服务展暨人才交流会在京召开。"
    assert [p.short for p in extract.places_about("", fair).provinces] == ["北京"]
    # National bodies meeting in the capital act for the nation (seed 001).
    ministries = "人力资源社会保障部、民政部、中国残联在京举办就业援助暖心活动启动仪式。"
    assert extract.places_about("", ministries).provinces == []
    assert extract.places_about("", "他在京工作多年。").provinces == []


def test_where_an_official_only_speaks_is_no_scene():
    # Real wording (a74: 中新社, 2022).
    text = "中国人力资源和社会保障部就业促进司副司长陈勇嘉27日在北京表示,一季度全国城镇新增就业285万人。"
    assert extract.places_about("", text).provinces == []
    assert [p.short for p in extract.places_about("", "在北京举办招聘会。").provinces] == ["北京"]


def test_employers_home_provinces_with_their_count_are_no_scene():
    text = "西藏举行高校毕业生就业专场招聘会。招聘会上,西藏邀请了广东、福建、浙江等省的101家企业。"
    assert [p.short for p in extract.places_about("", text).provinces] == ["西藏"]


def test_provinces_counted_before_their_authorities_act():
    text = "会上,人力资源和社会保障部与山西、河北、辽宁五省人力资源和社会保障厅共同举行启动仪式。"
    assert {p.short for p in extract.places_about("", text).provinces} == {"山西", "河北", "辽宁"}


def test_a_co_organising_district_is_a_scene_but_not_provinces_a_plan_works_with():
    joint = "沙坪坝区联合成都武侯区及对口协作的奉节县举办线上线下招聘活动。"
    assert {c.name for c in extract.places_about("重庆", joint).cities} == {"成都市"}
    plan = "江西省人社厅部署春风行动。今年,省人社厅计划联合河南、湖北、广西等兄弟省区开行返乡专列1趟。"
    assert [p.short for p in extract.places_about("", plan).provinces] == ["江西"]


def test_traditional_characters_are_read_as_simplified():
    # A 无锡 report reposted in traditional script (連網, 2018).
    text = "2月22日，無錫首場“春風行動”招聘會在市人力資源市場舉行，50家企業提供3200個崗位。"
    places = extract.places_about("", text)
    assert ([p.short for p in places.provinces], [c.name for c in places.cities]) == (["江苏"], ["无锡市"])


def test_where_a_train_leaves_from_or_passes_through_is_no_scene():
    # Real wording (央视, 2023): a fair held on a train.
    text = (
        "一场热闹的招聘会在广州开往宁波的K210次列车上拉开序幕。K210次列车途经广东、江西、浙江三省。"
        "浙江省人社厅在车上设立招聘专区。"
    )
    assert [p.short for p in extract.places_about("", text).provinces] == ["浙江"]


def test_a_local_paper_s_own_city_and_province_are_its_publisher_s():
    # Real wording (洛阳网, 2012): the text says only 市人才市场 and 我市.
    text = "今日是农历正月初七,市人才市场举行春节后首场招聘会。本次招聘会,我市用人单位提供的岗位较多。"
    places = extract.places_about("", text, "洛阳网")
    assert ([p.short for p in places.provinces], [c.name for c in places.cities]) == (["河南"], ["洛阳市"])
    assert extract.places_about("", text).provinces == []  # no publisher: no guess
    assert extract.places_about("", "新华社记者从人社部获悉。", "洛阳网").provinces == []  # not its own
    provincial = extract.places_about("", "我省开展2017年就业援助月活动。", "海南日报")
    assert ([p.short for p in provincial.provinces], provincial.cities) == (["海南"], [])


def test_a_local_paper_s_bare_city_authorities_are_its_own_city_s():
    # Real wording (绵阳市场信息网, 2016): the organisers are only 市残联、市人社局.
    text = "2月25日,铁牛广场人头攒动。由市残联、市人社局、市就业局主办的第二届残疾人就业专场招聘会在此举行。"
    places = extract.places_about("", text, "绵阳市场信息网")
    assert ([p.short for p in places.provinces], [c.name for c in places.cities]) == (["四川"], ["绵阳市"])
    assert extract.places_about("", "各市人社局组织专场招聘会。", "绵阳市场信息网").provinces == []  # each city
    other = extract.places_about("", "南方城市人才市场在广州举办招聘会。", "绵阳市场信息网")  # a name
    assert [p.short for p in other.provinces] == ["广东"]
    county = extract.places_about("", "我县举办春风行动专场招聘会，县人社局组织50家企业参加。", "射阳县广播电视台")
    assert ([p.short for p in county.provinces], [c.name for c in county.cities]) == (["江苏"], ["盐城市"])
    # 大冶云, the county-level city's news app: its name opens with its place (大冶 -> 黄石市)
    app = extract.places_about("", "2月7号,我市第五场新春返乡农民工专场招聘会在大箕铺镇举行。", "大冶云")
    assert ([p.short for p in app.provinces], [c.name for c in app.cities]) == (["湖北"], ["黄石市"])


def test_provinces_abbreviated_in_a_list_act_together():
    # Real wording (长三角 fair, 2018): the four provinces' 人社 departments sign an agreement.
    text = "长三角招聘会25日在上海举行。在招聘会现场,苏、浙、皖、沪四省市的人力资源和社会保障部门签署了合作框架协议。"
    assert {p.short for p in extract.places_about("", text).provinces} == {"上海", "江苏", "浙江", "安徽"}


def test_a_photo_caption_s_place_is_its_scene():
    # Real captions (澎湃新闻, 2023): date, place, scene.
    text = (
        "28日是春节假期后的首个工作日,多地举办节后首场人才招聘会。\n"
        "2023年1月29日,四川内江,隆昌市莲峰公园龙凤广场,“新春送岗”专场招聘活动现场。\n"
        "2023年1月29日,河南安阳,一名求职者在企业用工招聘会上收集到的招聘岗位信息。"
    )
    places = extract.places_about("", text)
    assert ({p.short for p in places.provinces}, {c.name for c in places.cities}) == (
        {"四川", "河南"},
        {"内江市", "安阳市"},
    )


def test_a_motto_before_the_lead_is_not_the_lead():
    # Real wording (阜宁, 2023): the county is named in the second sentence, the lead.
    text = "春风送温暖,就业献真情。元霄节上午,江苏省阜宁县新沟镇政府门前人头攒动,一场新春企业招聘会正在如期举行。"
    places = extract.places_about("", text)
    assert ([p.short for p in places.provinces], [c.name for c in places.cities]) == (["江苏"], ["盐城市"])


def test_a_newspaper_named_as_the_source_is_no_scene():
    # Real wording (中国甘肃网, 2022).
    text = "中国甘肃网4月13日讯 据兰州晨报报道,记者从甘肃省乡村振兴局获悉,今年以来,我省帮助农村劳动力实现转移就业。"
    places = extract.places_about("", text, "兰州晨报")
    assert ([p.short for p in places.provinces], places.cities) == (["甘肃"], [])


def test_a_city_paper_s_story_that_names_no_place_of_its_own_is_its_city_s():
    # Real wording (株洲日报, 2023): only the street and a villager's home are named.
    text = "“没想到,现在赶集也可以找工作!”荷塘区明照街道星星村村民汤师傅说。11月22日,明照街道就业集市服务点启用。"
    places = extract.places_about("", text, "株洲日报")
    assert ([p.short for p in places.provinces], [c.name for c in places.cities]) == (["湖南"], ["株洲市"])
    national = "人社部:今年春风行动期间,各地将举办招聘会。"
    assert extract.places_about("", national, "株洲日报").provinces == []  # not a local story
    assert extract.places_about("", "明照街道就业集市服务点启用。", "北京日报").provinces == []  # no city


def test_a_partnership_s_abbreviated_name_is_no_scene_but_its_places_acting_together_are():
    # Real wordings (彝良县, 2024; 四川, 2025).
    named = (
        "3月6日,彝良县举办春风行动暨沪滇劳务协作专场招聘会。本次招聘会,共有26家来自浙江、上海的企业参加。"
        "沪滇劳务协作,不仅为农村劳动力提供了更多的就业机会。"
    )
    assert [p.short for p in extract.places_about("彝良县举办沪滇劳务协作专场招聘会", named).provinces] == ["云南"]
    together = "2025年四川省春风行动在广元市启动。这次通过浙川两地联动保障,为100余名务工人员提供了返岗包机服务。"
    assert {p.short for p in extract.places_about("", together).provinces} == {"四川", "浙江"}


def test_a_county_that_hands_out_aid_is_a_scene():
    # Real wording (云南助残日, 2019): one clause per county, each its own act.
    text = "云南各地开展全国助残日活动。大理宾川县为38名残疾人集中配发轮椅;玉溪元江县残联深入10个乡镇开展走访。"
    assert {c.name for c in extract.places_about("", text).cities} == {"大理白族自治州", "玉溪市"}


def test_a_local_paper_s_bare_authority_is_the_named_city_s_and_a_provincial_story_the_province_s():
    other = "3月5日，郴州市举办春季招聘会。郴州市委、市政府高度重视，市人社局精心组织。"
    assert [c.name for c in extract.places_about("", other, "株洲日报").cities] == ["郴州市"]
    provincial = extract.places_about("", "记者从省人社厅获悉，全省春风行动期间共举办招聘会500场。", "株洲日报")
    assert ([p.short for p in provincial.provinces], provincial.cities) == (["湖南"], [])
    assert extract.places_about("", "记者从教育部获悉，高校毕业生规模预计达1179万人。", "株洲日报").provinces == []
