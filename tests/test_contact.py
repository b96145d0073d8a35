"""Telephone numbers in a job's contact line: which become tel: links, and how they are dialled."""

from __future__ import annotations

import pytest

from jiuye import contact, parsers
from jiuye.campaigns import Registry


@pytest.mark.parametrize(
    ("text", "uris"),
    [
        ("张先生 139 1234 5678", ["tel:+86-139-1234-5678"]),
        ("电话：0710-3123456，13812345678；13812345678", ["tel:+86-710-3123456", "tel:+86-138-1234-5678"]),
        ("(010)12345678", ["tel:+86-10-12345678"]),
        ("+86 431 8888 1234", ["tel:+86-431-88881234"]),
        ("0431-88881234 转 8001", ["tel:+86-431-88881234;ext=8001"]),
        ("400-123-4567", ["tel:4001234567"]),
        ("12333（长春市人社服务热线）", ["tel:12333"]),
        # masked, local without an area code, a QQ number, a date: no number to tap
        ("027-8xxxxxx1", []),
        ("88881234", []),
        ("QQ：12345678", []),
        ("报名截至 2026-11-23", []),
    ],
)
def test_numbers_that_can_be_dialled(text, uris):
    assert [phone.uri for phone in contact.read(text).phones] == uris


def test_the_line_keeps_its_text_and_shows_each_number_as_written():
    read = contact.read("王女士 0431-8888 1234")
    assert read.text == "王女士 0431-8888 1234"
    assert [(p.shown, p.uri) for p in read.phones] == [("0431-8888 1234", "tel:+86-431-88881234")]


def test_the_contact_field_is_parsed_once_by_its_parser():
    value = parsers.contact("  13912345678 ", parsers.Rules(Registry([])))
    assert value == contact.Contact("13912345678", (contact.Phone("13912345678", "tel:+86-139-1234-5678"),))
