"""The demo's practice reports (retours d'expérience): reports, their versions, votes, comments and echoes.

``PracticeSteps`` is a part of ``forum.demo.seed.DemoBuilder``: its ``build_*`` steps run after the
forum's and the catalogue's, each with its own random stream, so the content before stays the same
for a given seed. Texts come from ``forum.demo.practice_texts``.

The rules of ``forum.practices.services`` hold: authors are active members of the authoring
fabrique (co-authors too), every saved change is a revision whose snapshot is
``services.snapshot`` of the report as it then stood, nobody votes for a report they wrote, a
fabrique never says it "tried" its own report, and votes, comments, trials and "no longer
current" flags only concern published reports. Counters (useful, comments, revisions) match
the rows.

Times: every moment is ``now`` minus an offset, moved into working hours by ``_daytime`` when
written (as in the catalogue), so two runs with the same seed on the same day give the same reports.
"""

from __future__ import annotations

import json
import math
import random
import re
import unicodedata
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from typing import TYPE_CHECKING

from sqlalchemy import select

from forum.core.dates import PARIS
from forum.core.markdown import render_markdown
from forum.demo import places
from forum.demo import practice_texts as texts
from forum.demo.seed_catalogue import _km
from forum.demo.writer import finish, keywords, lower_first
from forum.fabriques.models import MembershipRole, TerritoryType
from forum.notifications.models import Notification
from forum.practices import services
from forum.practices.models import (
    SECTIONS,
    OutdatedFlag,
    Practice,
    PracticeComment,
    PracticeKind,
    PracticeRevision,
    PracticeStatus,
    PracticeTrial,
    PracticeVote,
    TrialOutcome,
)
from forum.threads.models import Thread

if TYPE_CHECKING:
    from forum.demo.seed import DemoBuilder

# Reports to write, by kind (a third at least are mixed or "à éviter"), of which DRAFTS stay drafts.
PRACTICE_TARGETS = (("good", 104), ("mixed", 29), ("avoid", 29))
DRAFTS = 10
PRACTICE_DAYS = 640  # the oldest reports were written about twenty-one months ago
REVISION_WEIGHTS = ((1, 28), (2, 36), (3, 23), (4, 13))
OUTDATED_REPORTS = 7
NOTIFICATION_DAYS = 30
KINDS = {"good": PracticeKind.GOOD, "mixed": PracticeKind.MIXED, "avoid": PracticeKind.AVOID}
TRIAL_WEIGHTS = {  # (worked, partly, failed) for reports of each kind
    "good": (60, 30, 10), "mixed": (30, 45, 25), "avoid": (25, 40, 35),
}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
# Edits between two versions: made while drafting, or later (after publication).
DRAFT_EDITS = ("context", "step", "costs", "title", "period", "partners", "themes")
LATER_EDITS = ("figures", "lesson", "problem", "links", "kind")

_NUMBER = re.compile(r"\{(\d+)-(\d+)(?:/(\d+))?\}")
_TERRITORY = re.compile(r"\[\[([^\]|]*)\|([^\]|]*)\|([^\]|]*)\]\]")
_SLOT = re.compile(r"\{(\w+)\}")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


class Composer:
    """Fills the material's templates for one report: slots, numbers, territory variants."""

    def __init__(self, rng: random.Random, ctx: dict[str, str], territory: str):
        self.rng = rng
        self.ctx = ctx
        self.territory = ("rural", "qpv", "urbain").index(territory)

    def draw(self, template: str) -> list[int]:
        """The numbers of a template, drawn once (so an earlier version can show other figures)."""
        values = []
        for match in _NUMBER.finditer(template):
            low, high, step = int(match.group(1)), int(match.group(2)), int(match.group(3) or 1)
            values.append(self.rng.randrange(low // step, high // step + 1) * step)
        return values

    def render(self, template: str, values: list[int] | None = None, scale: float = 1.0) -> str:
        numbers = iter(values if values is not None else self.draw(template))

        def number(match: re.Match) -> str:
            value, step = next(numbers), int(match.group(3) or 1)
            if scale != 1.0 and value >= 10:
                value = max(step, round(value * scale / step) * step)
            return _number(value)

        text = _NUMBER.sub(number, template)
        text = _TERRITORY.sub(lambda match: match.group(1 + self.territory), text)
        text = _SLOT.sub(lambda match: self.ctx[match.group(1)], text)
        return finish(text)


@dataclass
class ReportPlan:
    """One report: who wrote it, when, and every version of its content."""

    topic: texts.Topic
    kind: str
    title_index: int
    fabrique_index: int
    territory: str
    authors: list[int]  # member indices, the creator first
    created: datetime
    published: datetime | None
    confirmed: datetime | None = None
    coauthor_fabriques: list[int] = field(default_factory=list)
    states: list[dict] = field(default_factory=list)  # the report after each version, the first one first
    times: list[datetime] = field(default_factory=list)  # moment of each version
    editors: list[int] = field(default_factory=list)  # member index of each version's author
    snapshots: list[str] = field(default_factory=list)  # JSON snapshot of each version
    practice: Practice | None = None
    votes: list[tuple[datetime, int]] = field(default_factory=list)
    comments: list[tuple[datetime, int, str]] = field(default_factory=list)
    trials: list[tuple[datetime, int, int, TrialOutcome, str]] = field(default_factory=list)
    flags: list[tuple[datetime, int, str]] = field(default_factory=list)


class PracticeSteps:
    """The practice reports' steps of the demo builder (a mixin of ``DemoBuilder``)."""

    report_plans: list[ReportPlan]

    # -- Reports and their versions ----------------------------------------------------------

    def build_practices(self: DemoBuilder) -> list[Practice]:
        """At least 150 reports, most published, each with one to four versions."""
        rng = self.rng("practices")
        writing = self.rng("practice-texts")
        self._practice_opening_years = [rng.randint(2014, 2021) for _ in self.fabriques]
        self._fabrique_reports = [0] * len(self.fabriques)
        slots = self._practice_slots(rng)
        draft_slots = set(rng.sample(range(len(slots)), DRAFTS))
        threads = list(self.session.scalars(select(Thread).order_by(Thread.id)))
        thread_words = [(thread, _fold(thread.title)) for thread in threads]
        self.report_plans = []
        for number, (topic, kind, title_index) in enumerate(slots):
            plan = self._plan_report(topic, kind, title_index, number in draft_slots, rng)
            self._write_versions(plan, writing, thread_words)
            self.report_plans.append(plan)
        self.report_plans.sort(key=lambda plan: plan.created)

        practices = []
        for plan in self.report_plans:
            final = plan.states[-1]
            practice = Practice(
                fabrique_id=self.fabriques[plan.fabrique_index].id, created_by_id=self.users[plan.authors[0]].id,
                status=PracticeStatus.PUBLISHED if plan.published else PracticeStatus.DRAFT,
                created_at=self._daytime(plan.created), updated_at=self._daytime(plan.times[-1]),
                published_at=self._daytime(plan.published) if plan.published else None,
                confirmed_at=self._daytime(plan.confirmed) if plan.confirmed else None,
                useful_count=0, comment_count=0, revision_count=len(plan.states),
            )
            plan.snapshots = self._snapshots(practice, plan)
            self._apply_state(practice, final)
            for name in SECTIONS:
                setattr(practice, f"{name}_html", render_markdown(getattr(practice, f"{name}_source")))
            practice.authors = sorted((self.users[member] for member in plan.authors),
                                      key=lambda user: user.display_name)
            plan.practice = practice
            practices.append(practice)
        self.session.add_all(practices)
        self.session.flush()

        revisions = []
        for plan in self.report_plans:
            for number, (moment, editor, snapshot) in enumerate(zip(plan.times, plan.editors, plan.snapshots),
                                                                start=1):
                revisions.append(PracticeRevision(practice_id=plan.practice.id, number=number,
                                                  author_id=self.users[editor].id, snapshot=snapshot,
                                                  created_at=self._daytime(moment)))
        self.session.add_all(revisions)
        self.session.flush()
        self.counts["retours d'expérience"] = len(practices)
        self.counts["brouillons"] = sum(plan.published is None for plan in self.report_plans)
        self.counts["versions de retours"] = len(revisions)
        return practices

    def _practice_slots(self: DemoBuilder, rng: random.Random) -> list[tuple[texts.Topic, str, int]]:
        """(topic, kind, title index) of every report: each title once."""
        slots = []
        for kind, target in PRACTICE_TARGETS:
            pool = [(topic, kind, index) for topic in texts.TOPICS for index in range(len(topic.titles[kind]))]
            rng.shuffle(pool)
            # Spread over the topics first: every topic's first title before anyone's second.
            seen: dict[str, int] = {}
            ranks = []
            for topic, _kind, _index in pool:
                ranks.append(seen.get(topic.key, 0))
                seen[topic.key] = ranks[-1] + 1
            order = sorted(range(len(pool)), key=lambda position: (ranks[position], position))
            slots.extend(pool[position] for position in order[:target])
        rng.shuffle(slots)
        return slots

    def _plan_report(self: DemoBuilder, topic: texts.Topic, kind: str, title_index: int, draft: bool,
                     rng: random.Random) -> ReportPlan:
        """The fabrique, authors and dates of a report."""
        for _attempt in range(50):
            fabrique_index = self._practice_fabrique(topic, rng)
            members = self._active_members(fabrique_index)
            weights = [self.personas[member].activity * (1.6 if role is MembershipRole.MANAGER else 1.0)
                       for member, role, _ in members]
            creator, _role, joined = members[rng.choices(range(len(members)), weights)[0]]
            earliest = max(joined, self.fabriques[fabrique_index].created_at) + timedelta(days=rng.uniform(3, 20))
            latest = self.now - timedelta(days=3 if draft else 6)
            if earliest < latest - timedelta(days=10):
                break
        if draft:
            created = self.now - timedelta(days=rng.uniform(2, 110))
        else:
            created = self.now - timedelta(days=8 + (PRACTICE_DAYS - 8) * rng.random() ** 1.15,
                                           minutes=rng.randint(0, 600))
        if created < earliest:
            created = earliest + (latest - earliest) * rng.random()
        created = min(created, latest)
        published = None
        if not draft:
            published = created + timedelta(days=min(rng.lognormvariate(math.log(6), 0.9), 50),
                                             hours=rng.uniform(1, 8))
            published = min(published, self.now - timedelta(days=rng.uniform(0.5, 2)))
        self._fabrique_reports[fabrique_index] += 1

        authors = [creator]
        others = [member for member, _role, decided in members if member != creator and decided < created]
        if others and rng.random() < 0.28:
            authors.append(rng.choice(others))
        territory = places.FABRIQUES[fabrique_index].territory
        if not topic.territories and territory != "rural" and rng.random() < 0.12:
            territory = "qpv" if territory == "urbain" else "urbain"
        plan = ReportPlan(topic, kind, title_index, fabrique_index, territory, authors, created, published)
        if rng.random() < 0.14:
            plan.coauthor_fabriques = self._partner_fabriques(fabrique_index, rng.choice((1, 1, 2)), created, rng)
        if published is not None:
            plan.confirmed = published
            age = (self.now - published).days
            if age > 365 + 30 and rng.random() < 0.5:  # an author confirmed it still holds
                plan.confirmed = published + (self.now - published) * rng.uniform(0.55, 0.95)
        return plan

    def _practice_fabrique(self: DemoBuilder, topic: texts.Topic, rng: random.Random) -> int:
        candidates, weights = [], []
        for index, spec in enumerate(places.FABRIQUES):
            if topic.territories and spec.territory not in topic.territories:
                continue
            fits = not topic.modules or bool(set(topic.modules) & set(spec.modules))
            candidates.append(index)
            weights.append((3.0 if fits else 0.35) / (1 + self._fabrique_reports[index]) ** 2)
        return rng.choices(candidates, weights)[0]

    def _partner_fabriques(self: DemoBuilder, home: int, count: int, moment: datetime,
                           rng: random.Random) -> list[int]:
        """Co-author fabriques: among the five nearest ones that existed at ``moment``."""
        origin = self.fabriques[home]
        others = [index for index, fabrique in enumerate(self.fabriques)
                  if index != home and fabrique.created_at < moment]
        others.sort(key=lambda index: _km(origin.latitude, origin.longitude, self.fabriques[index].latitude,
                                          self.fabriques[index].longitude))
        return sorted(rng.sample(others[:5], min(count, len(others[:5]))))

    # -- Texts ---------------------------------------------------------------------------------

    def _write_versions(self: DemoBuilder, plan: ReportPlan, rng: random.Random,
                        thread_words: list[tuple[Thread, str]]) -> None:
        """The report's final text, then each earlier version by undoing one edit at a time."""
        topic, kind = plan.topic, plan.kind
        spec = places.FABRIQUES[plan.fabrique_index]
        start = plan.created - timedelta(days=rng.uniform(60, 540))
        start_year = start.astimezone(PARIS).year
        ctx = {
            "fabrique": spec.name, "ville": spec.city, "lieu": spec.building,
            "quartier": spec.neighbourhood or "quartier", "voisine": rng.choice(places.NEARBY_VILLAGES),
            "annee": str(start_year),
            "annee_ouverture": str(min(self._practice_opening_years[plan.fabrique_index], start_year)),
        }
        compose = Composer(rng, ctx, plan.territory)
        scored = _scenario(topic, kind, plan.title_index)

        # Context: how the place presents itself, the topic's situation, sometimes the team.
        opener = compose.render(rng.choice(texts.CONTEXT_OPENERS[spec.territory]))
        situation = " ".join(compose.render(line) for line in rng.sample(topic.context, rng.choice((1, 2, 2))))
        context = [opener + " " + situation]
        if rng.random() < 0.6:
            context.append(compose.render(rng.choice(texts.TEAM_LINES)))

        objective = compose.render(rng.choice(topic.objective))
        if rng.random() < 0.45:
            objective += " " + compose.render(rng.choice(texts.OBJECTIVE_EXTRAS))

        if kind == "good":
            problem_lines = []
            if rng.random() < 0.75:
                problem_lines.append(rng.choice(topic.problems["good"]))
            if rng.random() < 0.35:
                problem_lines.append(rng.choice(texts.MINOR_PROBLEMS))
            candidates, pitfall = list(topic.steps), None
        else:
            problem_lines = scored(topic.problems[kind])[:rng.choice((2, 2, 3))]
            pitfall = scored(topic.pitfalls)[0]
            # What went wrong was not done the good way: leave out the steps about the same thing.
            failure = scored.focus | _stems(" ".join([pitfall, *problem_lines]))
            overlap = {step: len(_stems(step) & failure) for step in topic.steps}
            closest = sorted(topic.steps, key=lambda step: -overlap[step])[:max(0, len(topic.steps) - 4)]
            candidates = [step for step in topic.steps if not (step in closest and overlap[step] >= 2)]
        count = min(len(candidates), rng.randint(4, 6) - (pitfall is not None))
        steps = [compose.render(step) for step in sorted(rng.sample(candidates, count), key=topic.steps.index)]
        if pitfall is not None:
            steps.insert(rng.randint(1, max(1, len(steps) // 2)), compose.render(pitfall))
        numbered = rng.random() < 0.5
        intro = rng.choice(texts.ACTION_INTROS)

        def actions(chosen: list[str]) -> str:
            lines = "\n".join(f"{index}. {step}" if numbered else f"- {step}"
                              for index, step in enumerate(chosen, start=1))
            return f"{intro}\n\n{lines}" if intro else lines

        if kind == "good":
            outcome_templates = [rng.choice(topic.outcome["good"])]
        else:
            outcome_templates = [topic.outcome[kind][plan.title_index % len(topic.outcome[kind])]]
        if not _NUMBER.search(outcome_templates[0]) and not re.search(r"\d", outcome_templates[0]):
            outcome_templates.append(rng.choice(texts.FIGURE_LINES[kind]))
        values = [compose.draw(template) for template in outcome_templates]
        extra = compose.render(rng.choice(texts.OUTCOME_EXTRAS[kind])) if rng.random() < 0.6 else ""

        def outcome(scale: float = 1.0, note: str = "") -> str:
            parts = [compose.render(template, numbers, scale) for template, numbers in zip(outcome_templates, values)]
            if extra:
                parts.append(extra)
            if note:
                parts.append(note)
            return "\n\n".join(parts)

        problems = [compose.render(line) for line in problem_lines]
        if kind != "good":
            problems.append(compose.render(rng.choice(texts.PROBLEM_FRAMES)))
            if rng.random() < 0.5:
                problems[0], problems[-1] = problems[-1], problems[0]  # sometimes the framing first

        lessons = rng.sample(topic.lessons, min(len(topic.lessons), rng.randint(3, 4)))
        lessons += rng.sample(texts.GENERIC_LESSONS, rng.choice((0, 1, 1, 2)))
        lessons = [compose.render(lesson) for lesson in lessons]

        def lessons_text(chosen: list[str]) -> str:
            return "\n".join(f"- {lesson}" for lesson in chosen)

        title = compose.render(topic.titles[kind][plan.title_index])
        themes = [self.categories[key] for key in topic.themes[:rng.choice((1, 2, 2, 3))]]
        partners = rng.sample(topic.partners, min(len(topic.partners), rng.randint(2, 4)))
        funding = rng.sample(topic.funding, min(len(topic.funding), rng.randint(1, 3)))
        cost = rng.randrange(topic.cost[0], topic.cost[1] + 1, 50) if rng.random() < 0.88 else None
        staff = rng.randrange(topic.staff[0], topic.staff[1] + 1, 5) if rng.random() < 0.85 else None
        volunteers = rng.randrange(topic.volunteers[0], topic.volunteers[1] + 1, 5) if rng.random() < 0.8 else None
        licence = rng.choices(("cc-by-sa", "cc-by", "cc0"), (85, 10, 5))[0]
        end = min(plan.created, start + timedelta(days=rng.uniform(90, 700)))
        period = self._period(kind, start, end, rng)
        linked_threads, linked_resources = self._links(plan, topic, thread_words, rng)

        final = {
            "title": title, "kind": KINDS[kind], "territory_type": TerritoryType(plan.territory),
            "themes": themes, "coauthor_fabriques": sorted((self.fabriques[index] for index in plan.coauthor_fabriques),
                                                           key=lambda fabrique: fabrique.name),
            "period": period, "cost_euros": cost, "staff_hours": staff, "volunteer_hours": volunteers,
            "partners": _first_upper(", ".join(partners)), "funding": _first_upper(", ".join(funding)),
            "licence": licence, "threads": linked_threads, "resources": linked_resources,
            "sections": {"context": "\n\n".join(context), "objective": objective, "actions": actions(steps),
                         "outcome": outcome(), "problems": "\n\n".join(problems),
                         "lessons": lessons_text(lessons)},
        }

        # Which edits led there, and when.
        wanted = rng.choices(*zip(*REVISION_WEIGHTS))[0] - 1
        possible_draft = [edit for edit in DRAFT_EDITS if self._edit_applies(edit, final, context, steps, plan)]
        possible_later = [edit for edit in LATER_EDITS if self._edit_applies(edit, final, context, steps, plan)]
        published = plan.published
        if published is None or (self.now - published).days < 20:
            possible_later = []
        edits: list[tuple[str, str]] = []
        while len(edits) < wanted and (possible_draft or possible_later):
            later = possible_later and (not possible_draft or rng.random() < 0.55)
            pool = possible_later if later else possible_draft
            edit = pool.pop(rng.randrange(len(pool)))
            edits.append(("later" if later else "draft", edit))
        draft_edits = [edit for phase, edit in edits if phase == "draft"]
        later_edits = [edit for phase, edit in edits if phase == "later"]
        times = [plan.created]
        limit = published or self.now - timedelta(hours=2)
        for index in range(len(draft_edits)):
            times.append(plan.created + (limit - plan.created) * (index + rng.uniform(0.2, 0.9)) / len(draft_edits))
        for index in range(len(later_edits)):
            times.append(published + (self.now - published) * (index + rng.uniform(0.15, 0.85)) / len(later_edits))
        order = draft_edits + later_edits

        if "figures" in order:
            moment = times[1 + order.index("figures")].astimezone(PARIS)
            note = rng.choice(texts.UPDATE_NOTES).replace("{date}", f"{MONTHS[moment.month - 1]} {moment.year}")
            final["sections"]["outcome"] = outcome(note=note)

        states = [final]
        for edit in reversed(order):
            states.append(self._undo(edit, states[-1], context=context, steps=steps, actions=actions,
                                     outcome=outcome, compose=compose, plan=plan, rng=rng))
        plan.states = list(reversed(states))
        plan.times = times
        plan.editors = [plan.authors[0]] + [self._editor(plan, moment, rng) for moment in times[1:]]

    def _edit_applies(self, edit: str, final: dict, context: list[str], steps: list[str], plan: ReportPlan) -> bool:
        sections = final["sections"]
        return {
            "context": len(context) > 1, "step": len(steps) > 4,
            "costs": any(final[key] is not None for key in ("cost_euros", "staff_hours", "volunteer_hours")),
            "title": len(plan.topic.titles[plan.kind]) > 1, "period": bool(final["period"]),
            "partners": ", " in final["partners"] or ", " in final["funding"], "themes": len(final["themes"]) > 1,
            "figures": True, "lesson": sections["lessons"].count("\n") >= 2, "problem": bool(sections["problems"]),
            "links": bool(final["threads"] or final["resources"]), "kind": plan.kind == "mixed",
        }[edit]

    @staticmethod
    def _undo(edit: str, state: dict, **parts) -> dict:
        """The version before ``edit`` was made."""
        earlier = dict(state, sections=dict(state["sections"]))
        sections = earlier["sections"]
        rng: random.Random = parts["rng"]
        if edit == "context":
            sections["context"] = parts["context"][0]
        elif edit == "step":
            steps = parts["steps"]
            sections["actions"] = parts["actions"](steps[:-2] + steps[-1:])
        elif edit == "costs":
            for key in ("cost_euros", "staff_hours", "volunteer_hours"):
                if rng.random() < 0.7:
                    earlier[key] = None
            if all(earlier[key] == state[key] for key in ("cost_euros", "staff_hours", "volunteer_hours")):
                earlier["cost_euros"] = earlier["staff_hours"] = earlier["volunteer_hours"] = None
        elif edit == "title":
            plan: ReportPlan = parts["plan"]
            others = [title for index, title in enumerate(plan.topic.titles[plan.kind]) if index != plan.title_index]
            earlier["title"] = parts["compose"].render(rng.choice(others))
        elif edit == "period":
            earlier["period"] = ""
        elif edit == "partners":
            if ", " in state["partners"]:
                earlier["partners"] = state["partners"].rsplit(", ", 1)[0]
            else:
                earlier["funding"] = state["funding"].rsplit(", ", 1)[0]
        elif edit == "themes":
            earlier["themes"] = state["themes"][:1]
        elif edit == "figures":
            note = rng.choice(texts.PROVISIONAL_NOTES)
            sections["outcome"] = parts["outcome"](scale=rng.uniform(0.45, 0.75), note=note)
        elif edit == "lesson":
            sections["lessons"] = sections["lessons"].rsplit("\n", 1)[0]
        elif edit == "problem":
            sections["problems"] = sections["problems"].rsplit("\n\n", 1)[0] if "\n\n" in sections["problems"] else ""
        elif edit == "links":
            earlier["threads"], earlier["resources"] = [], []
        elif edit == "kind":
            earlier["kind"] = PracticeKind.GOOD
        return earlier

    def _editor(self: DemoBuilder, plan: ReportPlan, moment: datetime, rng: random.Random) -> int:
        """Who saved a later version: mostly an author, sometimes a manager of the fabrique."""
        roll = rng.random()
        if roll < 0.18:
            managers = [member for member, role, decided in self._active_members(plan.fabrique_index)
                        if role is MembershipRole.MANAGER and decided < moment]
            if managers:
                return rng.choice(managers)
        if roll < 0.45 and len(plan.authors) > 1:
            return plan.authors[1]
        return plan.authors[0]

    @staticmethod
    def _period(kind: str, start: datetime, end: datetime, rng: random.Random) -> str:
        start, end = start.astimezone(PARIS), end.astimezone(PARIS)
        debut = f"{MONTHS[start.month - 1]} {start.year}"
        fin = f"{MONTHS[end.month - 1]} {end.year}"
        if rng.random() < 0.12:
            return ""
        if (start.year, start.month) == (end.year, end.month):
            return debut.capitalize()
        formats = texts.PERIOD_FORMATS if kind == "good" else texts.PERIOD_FORMATS[:2]
        text = rng.choice(formats).format(debut=debut, fin=fin)
        return text[:1].upper() + text[1:]

    def _links(self: DemoBuilder, plan: ReportPlan, topic: texts.Topic, thread_words, rng: random.Random):
        """Forum threads and catalogue resources on the same topic, that existed when the report was written."""
        if not topic.links or rng.random() > 0.45:
            return [], []
        words = [_fold(word) for word in topic.links]
        threads = [thread for thread, folded in thread_words
                   if thread.created_at < plan.created - timedelta(days=1) and any(word in folded for word in words)]
        resources = [resource_plan.resource for resource_plan in self.resource_plans
                     if resource_plan.listed_at < plan.created - timedelta(days=1)
                     and any(word in _fold(resource_plan.resource.name) for word in words)]
        own = [resource for resource in resources if resource.fabrique_id == self.fabriques[plan.fabrique_index].id]
        chosen_threads = sorted(rng.sample(threads, min(len(threads), rng.choice((1, 1, 2)))), key=lambda t: t.id)
        chosen_resources = []
        if resources and rng.random() < 0.5:
            chosen_resources = [rng.choice(own or resources)]
        return chosen_threads, chosen_resources

    @staticmethod
    def _apply_state(practice: Practice, state: dict) -> None:
        for key in ("title", "kind", "territory_type", "period", "cost_euros", "staff_hours", "volunteer_hours",
                    "partners", "funding", "licence"):
            setattr(practice, key, state[key])
        # In the order the relationships load them, so that the app's next snapshot compares equal.
        practice.themes = sorted(state["themes"], key=lambda category: category.position)
        practice.coauthor_fabriques = sorted(state["coauthor_fabriques"], key=lambda fabrique: fabrique.name)
        practice.threads = sorted(state["threads"], key=lambda thread: thread.id)
        practice.resources = sorted(state["resources"], key=lambda resource: resource.name)
        for name in SECTIONS:
            setattr(practice, f"{name}_source", state["sections"][name])

    def _snapshots(self, practice: Practice, plan: ReportPlan) -> list[str]:
        """Each version's snapshot, as ``forum.practices.services`` records it; consecutive ones differ.

        Taken on the report before it joins the session: a snapshot needs no id.
        """
        snapshots = []
        for state in plan.states:
            self._apply_state(practice, state)
            snapshots.append(json.dumps(services.snapshot(practice), ensure_ascii=False, sort_keys=True))
        for before, after in pairwise(snapshots):
            if before == after:
                raise RuntimeError(f"demo report « {plan.states[-1]['title']} »: two identical versions")
        return snapshots

    # -- Votes, comments, "essayé aussi", outdated flags --------------------------------------

    def build_practice_echoes(self: DemoBuilder) -> None:
        """What readers did with the published reports."""
        rng = self.rng("practice-echoes")
        writing = self.rng("practice-comments")
        readers = [persona.index for persona in self.personas if persona is not self.admin]
        activity = {index: self.personas[index].activity for index in readers}
        published = [plan for plan in self.report_plans if plan.published is not None]
        for plan in published:
            age = (self.now - plan.published).total_seconds() / 86400
            reach = min(1.0, 0.25 + age / 150)
            self._votes(plan, readers, activity, reach, rng)
            self._comments(plan, readers, activity, reach, rng, writing)
            self._trials(plan, reach, rng, writing)
        stale = [plan for plan in published
                 if plan.confirmed == plan.published and (self.now - plan.published).days > 365 + 30]
        stale.sort(key=lambda plan: (not plan.topic.outdated, plan.published))
        for number, plan in enumerate(stale[:OUTDATED_REPORTS]):
            self._flags(plan, readers, activity, rng, recent=number == 0)

        votes, comments, trials, flags = [], [], [], []
        for plan in published:
            practice = plan.practice
            for moment, member in plan.votes:
                votes.append(PracticeVote(practice_id=practice.id, user_id=self.users[member].id,
                                          created_at=self._daytime(moment)))
            for moment, member, body in plan.comments:
                comments.append(PracticeComment(practice_id=practice.id, author_id=self.users[member].id,
                                                body_source=body, body_html=render_markdown(body),
                                                created_at=self._daytime(moment)))
            for moment, fabrique_index, member, outcome, note in plan.trials:
                trials.append(PracticeTrial(practice_id=practice.id, fabrique_id=self.fabriques[fabrique_index].id,
                                            author_id=self.users[member].id, outcome=outcome, note_source=note,
                                            note_html=render_markdown(note), created_at=self._daytime(moment)))
            for moment, member, note in plan.flags:
                flags.append(OutdatedFlag(practice_id=practice.id, user_id=self.users[member].id, note=note,
                                          created_at=self._daytime(moment)))
            practice.useful_count = len(plan.votes)
            practice.comment_count = len(plan.comments)
        comments.sort(key=lambda comment: (comment.created_at, comment.practice_id))
        trials.sort(key=lambda trial: (trial.created_at, trial.practice_id))
        self.session.add_all(votes + comments + trials + flags)
        self.session.flush()
        self.counts["votes « utile »"] = len(votes)
        self.counts["commentaires de retours"] = len(comments)
        self.counts["« essayé aussi »"] = len(trials)
        self.counts["signalements « plus d'actualité »"] = len(flags)

    def _after(self: DemoBuilder, plan: ReportPlan, rng: random.Random, skew: float = 1.6) -> datetime:
        """A moment after publication, more often soon after."""
        span = self.now - plan.published - timedelta(hours=1)
        return plan.published + timedelta(minutes=30) + span * rng.random() ** skew

    def _votes(self: DemoBuilder, plan: ReportPlan, readers: list[int], activity: dict[int, float], reach: float,
               rng: random.Random) -> None:
        quality = {"good": 1.0, "mixed": 0.9, "avoid": 1.1}[plan.kind]
        wanted = min(28, int(rng.lognormvariate(math.log(4.5), 0.85) * reach * quality))
        voters: set[int] = set()
        for _ in range(wanted * 4):
            if len(voters) >= wanted:
                break
            member = rng.choices(readers, [activity[index] for index in readers])[0]
            if member in plan.authors or member in voters:
                continue
            moment = self._after(plan, rng)
            if self.users[member].created_at >= moment:
                continue
            voters.add(member)
            plan.votes.append((moment, member))
        plan.votes.sort()

    def _comments(self: DemoBuilder, plan: ReportPlan, readers: list[int], activity: dict[int, float],
                  reach: float, rng: random.Random, writing: random.Random) -> None:
        wanted = rng.choices((0, 1, 2, 3, 4, 5, 6), (22, 26, 21, 14, 9, 5, 3))[0]
        wanted = round(wanted * min(1.0, 0.4 + reach))
        topic = plan.topic
        questions = list(topic.questions)
        writing.shuffle(questions)
        lessons = [line[2:] for line in plan.states[-1]["sections"]["lessons"].splitlines() if line.startswith("- ")]
        moment = plan.published
        span = self.now - plan.published
        used: set[str] = set()
        for _ in range(wanted):
            moment = moment + span * rng.uniform(0.02, 0.3) ** 1.3
            if moment >= self.now - timedelta(minutes=20):
                break
            member = self._commenter(plan, readers, activity, moment, rng)
            if member is None:
                continue
            persona = self.personas[member]
            opening = writing.choice(texts.COMMENT_OPENINGS)
            roll = writing.random()
            answer = None
            if questions and roll < 0.4:
                question, answer = questions.pop()
                body = f"{opening} {question}" if opening else question
            elif lessons and roll < 0.6:
                lesson = lessons.pop(writing.randrange(len(lessons)))
                reaction = writing.choice(texts.COMMENT_QUOTE_REACTIONS)
                body = f"> {lesson}\n\n{self._fill_for(reaction, persona, writing)}"
            else:
                bodies = [line for line in texts.COMMENT_BODIES
                          if (persona.fabrique is not None or "{" not in line) and line not in used]
                line = writing.choice(bodies)
                used.add(line)
                body = self._fill_for(line, persona, writing)
                body = f"{opening}\n\n{body}" if opening and writing.random() < 0.5 else \
                    (f"{opening} {body}" if opening else body)
            plan.comments.append((moment, member, body))
            if answer is not None and writing.random() < 0.75:
                moment = moment + min(span * 0.1, timedelta(hours=rng.uniform(2, 60)))
                if moment >= self.now - timedelta(minutes=10):
                    break
                author = rng.choice(plan.authors)
                prefix = writing.choice(("", "Bonne question ! ", "Merci ! ", f"Bonjour {persona.first_name}, "))
                plan.comments.append((moment, author, prefix + (lower_first(answer) if prefix.endswith(", ")
                                                                else answer)))
            elif writing.random() < 0.12:
                moment = moment + min(span * 0.1, timedelta(hours=rng.uniform(2, 60)))
                if moment >= self.now - timedelta(minutes=10):
                    break
                author = rng.choice(plan.authors)
                plan.comments.append((moment, author, self._fill_for(writing.choice(texts.AUTHOR_REPLIES),
                                                                     self.personas[author], writing)))

    def _commenter(self: DemoBuilder, plan: ReportPlan, readers: list[int], activity: dict[int, float],
                   moment: datetime, rng: random.Random) -> int | None:
        for _ in range(20):
            member = rng.choices(readers, [activity[index] for index in readers])[0]
            persona = self.personas[member]
            if member in plan.authors or self.users[member].created_at >= moment:
                continue
            if persona.fabrique is not None and self._fabrique_index[persona.fabrique.name] == plan.fabrique_index:
                continue
            return member
        return None

    @staticmethod
    def _fill_for(template: str, persona, writing: random.Random) -> str:
        spec = persona.fabrique
        ctx = {"fabrique": spec.name if spec else "", "ville": spec.city if spec else persona.village}
        return finish(_SLOT.sub(lambda match: ctx[match.group(1)], template))

    def _trials(self: DemoBuilder, plan: ReportPlan, reach: float, rng: random.Random,
                writing: random.Random) -> None:
        wanted = rng.choices((0, 1, 2, 3, 4), (40, 30, 17, 9, 4))[0]
        wanted = round(wanted * reach)
        if not wanted:
            return
        excluded = {plan.fabrique_index, *plan.coauthor_fabriques}
        candidates, weights = [], []
        for index, spec in enumerate(places.FABRIQUES):
            if index in excluded:
                continue
            fits = not plan.topic.modules or bool(set(plan.topic.modules) & set(spec.modules))
            candidates.append(index)
            weights.append(3.0 if fits else 0.5)
        chosen: list[int] = []
        while len(chosen) < wanted and len(chosen) < len(candidates):
            index = rng.choices(candidates, weights)[0]
            if index not in chosen:
                chosen.append(index)
        outcomes = (TrialOutcome.WORKED, TrialOutcome.PARTLY, TrialOutcome.FAILED)
        for index in chosen:
            moment = self._after(plan, rng, skew=0.8)
            members = [member for member, _role, decided in self._active_members(index) if decided < moment]
            if not members:
                continue
            outcome = rng.choices(outcomes, TRIAL_WEIGHTS[plan.kind])[0]
            note = writing.choice(texts.TRIAL_NOTES[outcome.value])
            plan.trials.append((moment, index, rng.choice(members), outcome, note))
        plan.trials.sort(key=lambda trial: trial[0])

    def _flags(self: DemoBuilder, plan: ReportPlan, readers: list[int], activity: dict[int, float],
               rng: random.Random, recent: bool = False) -> None:
        """One or two members think the report no longer holds (``recent``: one of them this month)."""
        notes = list(plan.topic.outdated) + list(texts.OUTDATED_NOTES)
        flaggers: set[int] = set()
        for _ in range(rng.choice((1, 1, 2))):
            member = rng.choices(readers, [activity[index] for index in readers])[0]
            if member in plan.authors or member in flaggers:
                continue
            moment = plan.confirmed + timedelta(days=330) + (self.now - plan.confirmed - timedelta(days=331)) * \
                rng.random()
            if recent and not plan.flags:
                moment = self.now - timedelta(days=rng.uniform(1, 20))
            if self.users[member].created_at >= moment:
                continue
            flaggers.add(member)
            note = notes[0] if plan.topic.outdated and not plan.flags else rng.choice(notes)
            plan.flags.append((moment, member, note))
        plan.flags.sort()

    # -- Notifications -------------------------------------------------------------------------

    def build_practice_notifications(self: DemoBuilder) -> list[Notification]:
        """The authors' notifications of the last month: comments, "essayé aussi", outdated flags."""
        rng = self.rng("practice-notifications")
        since = self.now - timedelta(days=NOTIFICATION_DAYS)
        notifications = []
        for plan in self.report_plans:
            if plan.published is None:
                continue
            practice, title = plan.practice, plan.practice.title
            events: list[tuple[datetime, int, str, str, str]] = []
            for moment, member, _body in plan.comments:
                events.append((moment, member, "practice.comment",
                               f"{self.users[member].display_name} a commenté « {title} ».",
                               f"/pratiques/{practice.id}#commentaires"))
            for moment, fabrique_index, member, outcome, _note in plan.trials:
                events.append((moment, member, "practice.trial",
                               f"{self.fabriques[fabrique_index].name} a essayé « {title} » : "
                               f"{outcome.label.lower()}.", f"/pratiques/{practice.id}#essais"))
            for moment, member, note in plan.flags:
                events.append((moment, member, "practice.outdated",
                               f"{self.users[member].display_name} pense que « {title} » n'est plus d'actualité"
                               + (f" : {note}" if note else "."), f"/pratiques/{practice.id}"))
            for moment, actor, kind, text, link in events:
                if moment < since:
                    continue
                for member in plan.authors:
                    if member == actor:
                        continue
                    age = self.now - moment
                    read = rng.random() < (0.8 if age > timedelta(days=4) else 0.3)
                    read_at = moment + min(age * rng.uniform(0.05, 0.9), timedelta(days=rng.uniform(0.1, 3))) \
                        if read else None
                    notifications.append(Notification(
                        user_id=self.users[member].id, actor_id=self.users[actor].id, kind=kind, text=text[:300],
                        link=link, created_at=self._daytime(moment),
                        read_at=self._daytime(read_at) if read_at else None))
        notifications.sort(key=lambda notification: notification.created_at)
        self.session.add_all(notifications)
        self.session.flush()
        self.counts["notifications"] = self.counts.get("notifications", 0) + len(notifications)
        return notifications


def _fold(text: str) -> str:
    """Lower case, without accents: how titles and names are matched to a topic's words."""
    return unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()


_VAGUE_STEMS = frozenset({"pers", "temp", "fait", "plus", "moin", "sans", "avec", "pour", "nous", "mois", "prem"})


def _stems(text: str) -> set[str]:
    """Crude stems (four first letters of the keywords): "prêt", "prêtés" and "prêter" meet."""
    return {word[:4] for word in keywords(text)} - _VAGUE_STEMS


def _first_upper(text: str) -> str:
    return text[:1].upper() + text[1:]


def _scenario(topic: texts.Topic, kind: str, title_index: int):
    """Ranks material (pitfalls, problems) by how well it fits the report's title and outcome."""
    outcomes = topic.outcome[kind]
    focus = _stems(topic.titles[kind][title_index] + " " + outcomes[title_index % len(outcomes)])

    def ranked(items) -> list[str]:
        return sorted(items, key=lambda item: (-len(_stems(item) & focus), items.index(item)))

    ranked.focus = focus
    return ranked
