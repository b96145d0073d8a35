"""People counts in a clause: how many found work, were helped, visited, came, agreed.

"帮助20万人实现就业", "走访困难人员57万人", "入场求职者1.2万人次", "300余人达成就业意向". Each count is
named by the clause's verb. jiuye.report_figures reads them, with their sentence, province,
campaign and date, out of a whole report.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from jiuye import figures

EMPLOYED, HELPED, VISITED, ATTENDED, INTENT = "employed", "helped", "visited", "attended", "intent"
LABELS = {EMPLOYED: "实现就业", HELPED: "帮扶", VISITED: "走访", ATTENDED: "参会", INTENT: "达成意向"}
# The clause's verb names the count; earlier kinds win when a clause has several ("达成就业意向"
# is an intent, not employment; "帮助3000人实现就业" is employment, not help).
_KIND_WORDS = (
    (INTENT, r"意向|签约|签订"),
    (
        EMPLOYED,
        r"实现(?:了)?[\u4e00-\u9fff]{0,4}?就业|再就业|成功就业|求职成功|应聘成功|成功应聘|转移就业|就业创业|安置就业|上岗|新增就业|就业人数|录用|入职"
        r"|解决[\u4e00-\u9fff]{0,10}?(?:就业|劳动力|用工)|安排[\u4e00-\u9fff]{0,6}?(?:就业|农民工|劳动力)"
        r"|(?:就业|务工)规模",
    ),
    (VISITED, r"走访|入户|摸排|摸底|排查"),
    (ATTENDED, r"参会|入场|进场|参加|参与|吸引|求职者|求职人员|人次"),
    (HELPED, r"帮扶|援助|帮助|服务|惠及|扶持|兜底|安置|发放|给予"),
)
_KINDS = [(kind, re.compile(words)) for kind, words in _KIND_WORDS]
# Clauses that count views, sign-ups, applications, trainees or passengers ("输送劳动者60万人次",
# "500名求职者投递简历"), not people who came, found work or were helped.
_NOT_PEOPLE = re.compile(r"浏览|观看|点击|阅读|播放|报名|简历|培训|输送|运送|接送|护送|搭乘|乘坐")
# A count of people: "57万人", "1.2万人次", "300余名", "77万户", "25万困难人员"; not "人口", "人均",
# "50户企业" (employers), "300余人队伍" (a team, unlike "1083人与用人单位达成意向"), "第一名",
# posts counted in people ("岗位420万人次").
_PEOPLE = (
    r"人次|名|人|户|位|份|个|(?:名|位)?(?:(?![是届级年的和与及场家个次份项期批所])[\u4e00-\u9fff]){0,6}?"
    r"(?:人员|群众|毕业生|农民工|劳动者|求职者|残疾人)"
)
_COUNT = re.compile(
    rf"(?<![第前\d.])(?<!岗位)(?<!岗位数)((?:近|约|上|逾|超过|超|达|共)?\s*{figures.NUMBER}\s*(?:多|余)?\s*万?\s*(?:多|余)?)\s*"
    rf"({_PEOPLE})(?![口民均年月天日])(?!(?:(?![与和同跟向])[\u4e00-\u9fff]){{0,6}}?(?:企业|单位|公司|队伍|团队|小组))"
)


def _kind(clause: str) -> str | None:
    if _NOT_PEOPLE.search(clause):
        return None
    for kind, words in _KINDS:
        if words.search(clause):
            return kind
    return None


def _count(text: str) -> figures.Count | None:
    if text.strip() in ("百", "千", "万"):
        return None  # "万人大型集中安置区", "千人招聘会": a size word (but 近百, 上千 count)
    cleaned = re.sub(r"^(?:达|共)\s*", "", text.strip())
    cleaned = re.sub(r"(多|余)\s*万", r"万\1", cleaned)  # 80多万 is 80万多
    count = figures.parse_count(cleaned)
    if count is None or count.value < 2:  # "一人一策", "每人": no figure
        return None
    return figures.Count(count.value, " ".join(text.split()), count.approximate)


def counts(clause: str) -> Iterator[tuple[str, figures.Count, str]]:
    """Each people count in the clause: its kind, the count and its unit (人, 人次, 名, 户)."""
    for match in _COUNT.finditer(clause):
        if clause.count("“", 0, match.start()) > clause.count("”", 0, match.start()):
            continue  # inside a quoted name: "“万人大型集中安置区”就业帮扶活动"
        if figures.vague(clause, match):
            continue  # "数十名": no number
        if len(match.group(2)) > 2 and re.fullmatch(r"\s*(?:19|20)\d\d\s*[余多]\s*", match.group(1)):
            continue  # "2015余姚市大中专毕业生…": a year before a name (余姚), not 2015-odd people
        kind = _kind(clause)
        count = _count(match.group(1))
        if kind is None or count is None or (match.group(2) in ("份", "个") and kind != INTENT):
            continue  # "意向1282份/个" are agreements; other 份 are copies (简历5000份), 个 are things
        unit = match.group(2) if len(match.group(2)) <= 2 else "人"
        if unit == "人次" and kind == HELPED:
            kind = ATTENDED if "服务" not in clause else HELPED
        yield kind, count, unit
