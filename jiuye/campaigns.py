"""The campaign registry (content/campaigns.yaml) and finding campaigns named in text."""

from __future__ import annotations

from dataclasses import dataclass, field

import yaml

from jiuye.text import match_form


class RegistryError(ValueError):
    """A campaign registry entry that cannot be used; the message names entry and field."""


@dataclass(frozen=True)
class Period:
    """When a campaign runs each year: months first … last (a winter campaign wraps: 12 … 2)."""

    first_month: int
    last_month: int
    text: str  # as the organisers put it: "每年1—3月", "春节前后"

    @property
    def months(self) -> tuple[int, ...]:
        span = (self.last_month - self.first_month) % 12
        return tuple((self.first_month - 1 + step) % 12 + 1 for step in range(span + 1))

    @property
    def label(self) -> str:
        """The organisers' words, else the months: "12—2 月"."""
        if self.text:
            return self.text
        if self.first_month == self.last_month:
            return f"{self.first_month} 月"
        return f"{self.first_month}—{self.last_month} 月"


@dataclass(frozen=True)
class Campaign:
    slug: str
    name: str
    aliases: tuple[str, ...]
    period: Period | None
    organisers: tuple[str, ...] = ()
    target_groups: tuple[str, ...] = ()
    description: str = ""

    @property
    def spellings(self) -> tuple[str, ...]:
        return (self.name, *self.aliases)

    def __str__(self) -> str:
        return self.name


@dataclass
class Registry:
    campaigns: tuple[Campaign, ...]
    _by_key: dict[str, Campaign] = field(default_factory=dict, repr=False)
    _spelled: list[tuple[str, Campaign]] = field(default_factory=list, repr=False)  # in match form

    def __post_init__(self) -> None:
        for campaign in self.campaigns:
            self._spelled.extend((spelling, campaign) for spelling in {match_form(s) for s in campaign.spellings})
            for key in (campaign.slug, *map(match_form, campaign.spellings)):
                owner = self._by_key.setdefault(key, campaign)
                if owner is not campaign:
                    raise RegistryError(f"campaign {campaign.slug!r}: spelling {key!r} already names {owner.slug!r}")

    @classmethod
    def from_yaml(cls, text: str, origin: str = "campaigns.yaml") -> Registry:
        try:
            entries = yaml.safe_load(text) or []
        except yaml.YAMLError as error:
            raise RegistryError(f"{origin}: not valid YAML: {error}") from error
        if not isinstance(entries, list):
            raise RegistryError(f"{origin}: expected a list of campaigns")
        return cls(tuple(_campaign(entry, origin, index) for index, entry in enumerate(entries)))

    def find(self, key: str) -> Campaign | None:
        """The campaign a slug, name or alias stands for."""
        return self._by_key.get(key.strip()) or self._by_key.get(match_form(key))

    def named_in(self, text: str) -> list[Campaign]:
        """Campaigns the text names, in order of first mention; overlapping names: longest wins."""
        haystack = match_form(text)
        spans: list[tuple[int, int, Campaign]] = []
        for spelling, campaign in self._spelled:
            start = haystack.find(spelling)
            while start != -1:
                spans.append((start, start + len(spelling), campaign))
                start = haystack.find(spelling, start + 1)
        taken: list[tuple[int, int, Campaign]] = []
        for span in sorted(spans, key=lambda s: (s[0] - s[1], s[0])):
            if all(span[1] <= other[0] or span[0] >= other[1] for other in taken):
                taken.append(span)
        found: list[Campaign] = []
        for _, _, campaign in sorted(taken, key=lambda s: s[0]):
            if campaign not in found:
                found.append(campaign)
        return found


def _campaign(entry: object, origin: str, index: int) -> Campaign:
    where = f"{origin}: entry {index + 1}"
    if not isinstance(entry, dict):
        raise RegistryError(f"{where}: expected a mapping")
    for required in ("slug", "name"):
        if not isinstance(entry.get(required), str) or not entry[required].strip():
            raise RegistryError(f"{where}: field {required!r} is missing or empty")
    period = entry.get("period")
    parsed_period = None
    if period is not None:
        months = period.get("months") if isinstance(period, dict) else None
        if (
            not isinstance(months, list)
            or len(months) != 2
            or not all(isinstance(m, int) and 1 <= m <= 12 for m in months)
        ):
            raise RegistryError(f"{where} ({entry['slug']}): field 'period.months' must be [first, last] months 1-12")
        parsed_period = Period(months[0], months[1], str(period.get("text", "")))
    return Campaign(
        slug=entry["slug"],
        name=entry["name"],
        aliases=tuple(entry.get("aliases") or ()),
        period=parsed_period,
        organisers=tuple(entry.get("organisers") or ()),
        target_groups=tuple(entry.get("target_groups") or ()),
        description=str(entry.get("description", "")),
    )
