"""Job pages and listings (URLs: jiuye_content/settings.py, URLS).

- /jobs/<id>/ with schema.org JobPosting JSON-LD (template job.html); expired jobs keep their page.
- /jobs/, /jobs/<province>/ and pre-rendered filter pages by target group and education:
  /jobs/[<province>/][group/<g>/][edu/<e>/], newest first, paginated, only open jobs, only
  non-empty combinations.
- /jobs/<province>/atom.xml: new open jobs of a province; one with none is dated by the province's
  newest job (else 1970-01-01), never by the clock, so that builds are reproducible.
- context: `open_jobs` (newest first) and `open_jobs_by_province` for the home and province pages.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime
from itertools import product

from pelican import signals
from pelican.generators import Generator

from jiuye import dates, job_terms, model, regions, schema
from pelican.plugins.jiuye_content import absolute_root, by_province, reject, settings
from pelican.plugins.jiuye_content.settings import URLS

EPOCH = datetime(1970, 1, 1, tzinfo=UTC)
EMPTY_FEED_UPDATED = "jiuye_empty_feed_updated"  # in the context a feed is written with


def json_ld(article, job: model.Job, siteurl: str) -> dict:
    """schema.org JobPosting; every value in it is also shown on the page (job.html), which
    serialises it with the json_ld filter."""
    data: dict = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": job.title,
        "description": article.content or job.title,
        "datePosted": job.date.isoformat(),
        "hiringOrganization": {"@type": "Organization", "name": job.employer},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressRegion": job.province.name if job.province else "",
                "addressCountry": "CN",
                **({"addressLocality": job.city.name} if job.city else {}),
            },
        },
        "identifier": {"@type": "PropertyValue", "name": job.source, "value": job.slug},
        "url": f"{siteurl}/{article.url}",
    }
    if article.closes:  # Valid_through, else when the site stops listing it (both on the page)
        data["validThrough"] = article.closes.isoformat()
    if job.employment_type:
        data["employmentType"] = job_terms.EMPLOYMENT_TYPES[job.employment_type]
    if job.salary and not job.salary.negotiable:
        value = {"@type": "QuantitativeValue", "unitText": job.salary.schema_unit}
        if job.salary.minimum is not None:
            value["minValue"] = job.salary.minimum
        if job.salary.maximum is not None:
            value["maxValue"] = job.salary.maximum
        data["baseSalary"] = {"@type": "MonetaryAmount", "currency": "CNY", "value": value}
    credential = job.education and job_terms.EDUCATION_CREDENTIAL.get(job.education.name)
    if credential:
        data["educationRequirements"] = {"@type": "EducationalOccupationalCredential", "credentialCategory": credential}
    if job.experience and job.experience.name in job_terms.EXPERIENCE_MONTHS:
        data["experienceRequirements"] = {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": job_terms.EXPERIENCE_MONTHS[job.experience.name],
        }
    if job.openings is not None:
        data["totalJobOpenings"] = job.openings
    if job.apply_url:
        data["directApply"] = True
    return data


def days_left(job: model.Job, now: datetime) -> int | None:
    """Whole days from the build's day to the last day of Valid_through (0: it closes today)."""
    if job.valid_through is None:
        return None
    return (job.valid_through.astimezone(dates.SHANGHAI).date() - now.astimezone(dates.SHANGHAI).date()).days


@dataclass(frozen=True)
class Selection:
    """One listing page: a province, a target group and an education level, each optional."""

    province: regions.Province | None = None
    group: job_terms.Level | None = None
    education: job_terms.Level | None = None

    @property
    def filters(self) -> dict[str, str | None]:
        """The slug of each filter given, for URLS.jobs."""
        chosen = {"province": self.province, "group": self.group, "education": self.education}
        return {name: value.slug if value else None for name, value in chosen.items()}

    @property
    def url(self) -> str:
        return URLS.jobs.url(**self.filters)

    @property
    def save_as(self) -> str:
        return URLS.jobs.save_as(**self.filters)

    @property
    def feed_url(self) -> str | None:
        """A province's listing (no other filter) has a feed of its new jobs."""
        if self.province and not self.group and not self.education:
            return URLS.province_jobs_feed.url(slug=self.province.slug)
        return None

    @property
    def chosen(self) -> list[str]:
        """The filters given, as the page title names them: 湖北, 残疾人, 学历大专."""
        labels = [
            self.province.short if self.province else "",
            self.group.name if self.group else "",
            f"学历{self.education.name}" if self.education else "",
        ]
        return [label for label in labels if label]

    @property
    def title(self) -> str:
        return " · ".join(([] if self.province else ["全国"]) + self.chosen)

    def replace(self, **changes) -> Selection:
        return Selection(**{**self.__dict__, **changes})


class JobsGenerator(Generator):
    def generate_context(self) -> None:
        now, max_age = settings.build_time(self.settings), settings.job_max_age(self.settings)
        siteurl = absolute_root(self.settings)
        articles = self.context.get("articles", [])
        self.jobs = []
        for article in [a for a in articles if getattr(a, "kind", None) == schema.JOB]:
            try:
                article.job = article.item
                article.expired = article.item.expired(now, max_age)
                article.closes = article.item.closes(max_age)
                article.days_left = days_left(article.item, now) if not article.expired else None
                article.job_json_ld = json_ld(article, article.job, siteurl)
            except Exception as error:  # one file never stops the build
                reject(article, articles, error)
                continue
            self.jobs.append(article)
        open_jobs = sorted((a for a in self.jobs if not a.expired), key=lambda a: a.date, reverse=True)
        self.listings: dict[Selection, list] = defaultdict(list)
        for article in open_jobs:
            job = article.job
            provinces = {None, job.province}
            educations = {None, job.education}
            for province, group, education in product(provinces, (None, *job.groups), educations):
                self.listings[Selection(province, group, education)].append(article)
        # Every province and group has its page, even with no open job: links to it never break.
        for selection in (
            Selection(),
            *(Selection(province=p) for p in regions.provinces()),
            *(Selection(group=g) for g in job_terms.TARGET_GROUPS),
        ):
            self.listings.setdefault(selection, [])
        self.open_jobs = open_jobs
        self.context.update(
            open_jobs=open_jobs,
            open_jobs_by_province=by_province(open_jobs),
            # A province page's job filters: its group and education pages (the province is chosen).
            job_filters_by_province={
                p.code: {name: c for name, c in self.facets(Selection(province=p)).items() if name != "省份"}
                for p in {a.job.province for a in open_jobs}
            },
        )

    def facets(self, selection: Selection) -> dict[str, list[tuple[str, str, int, bool]]]:
        """For each filter: (label, url, count, selected) of every non-empty choice."""

        def choice(label: str, target: Selection, selected: bool):
            count = len(self.listings.get(target, ()))
            return (label, target.url, count, selected) if count or selected else None

        province = [choice("全国", selection.replace(province=None), selection.province is None)]
        province += [
            choice(p.short, selection.replace(province=p), p == selection.province) for p in regions.provinces()
        ]
        group = [choice("全部", selection.replace(group=None), selection.group is None)]
        group += [choice(g.name, selection.replace(group=g), g == selection.group) for g in job_terms.TARGET_GROUPS]
        education = [choice("全部", selection.replace(education=None), selection.education is None)]
        education += [
            choice(e.name, selection.replace(education=e), e == selection.education) for e in job_terms.EDUCATION
        ]
        return {
            "省份": [c for c in province if c],
            "人群": [c for c in group if c],
            "学历": [c for c in education if c],
        }

    def generate_output(self, writer) -> None:
        template = self.get_template("jobs")
        newest: dict[regions.Province, datetime] = {}  # each province's newest job, open or not
        for article in self.jobs:
            newest[article.job.province] = max(article.date, newest.get(article.job.province, EPOCH))
        for selection, listed in self.listings.items():
            writer.write_file(
                selection.save_as,
                template,
                self.context,
                paginated={"articles": listed},
                template_name="jobs",
                url=selection.url,
                selection=selection,
                facets=self.facets(selection),
                articles=listed,
                job_count=len(listed),
            )
            if selection.feed_url:
                writer.write_feed(
                    listed,
                    {**self.context, EMPTY_FEED_UPDATED: newest.get(selection.province, EPOCH)},
                    URLS.province_jobs_feed.save_as(slug=selection.province.slug),
                    selection.feed_url,
                    feed_title=f"{self.settings['SITENAME']} · {selection.province.short}新岗位",
                )


def date_empty_feed(context: dict, feed) -> None:
    """feedgenerator dates a feed without entries by the clock; give it the date in its context."""
    if not feed.items:
        updated = context.get(EMPTY_FEED_UPDATED, EPOCH)
        feed.latest_post_date = lambda: updated


def get_generators(pelican) -> type[Generator]:
    return JobsGenerator


def register() -> None:
    signals.get_generators.connect(get_generators)
    signals.feed_generated.connect(date_empty_feed)
