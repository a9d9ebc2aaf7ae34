"""The texts of the demo's practice reports: the final version, then each earlier one.

``write_versions`` writes a report's final text from ``forum.demo.practice_texts`` and undoes one
edit at a time to get the versions before it; ``snapshots`` records each as
``forum.practices.services.snapshot`` does. Called by ``forum.demo.seed_practices``.
"""

from __future__ import annotations

import json
import random
import re
import unicodedata
from datetime import datetime, timedelta
from itertools import pairwise

from forum.core.dates import PARIS
from forum.demo import places
from forum.demo import practice_texts as texts
from forum.demo.context import DemoContext
from forum.demo.plans import ReportPlan
from forum.demo.writer import finish, keywords
from forum.fabriques.models import MembershipRole, TerritoryType
from forum.practices import services
from forum.practices.models import SECTIONS, Practice, PracticeKind
from forum.threads.models import Thread

REVISION_WEIGHTS = ((1, 28), (2, 36), (3, 23), (4, 13))
KINDS = {"good": PracticeKind.GOOD, "mixed": PracticeKind.MIXED, "avoid": PracticeKind.AVOID}
MONTHS = ("janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre",
          "novembre", "décembre")
# Edits between two versions: made while drafting, or later (after publication).
DRAFT_EDITS = ("context", "step", "costs", "title", "period", "partners", "themes")
LATER_EDITS = ("figures", "lesson", "problem", "links", "kind")

_NUMBER = re.compile(r"\{(\d+)-(\d+)(?:/(\d+))?\}")
_TERRITORY = re.compile(r"\[\[([^\]|]*)\|([^\]|]*)\|([^\]|]*)\]\]")
SLOT = re.compile(r"\{(\w+)\}")


def _number(value: int) -> str:
    return f"{value:,}".replace(",", " ")


class Composer:
    """Fills the material's templates for one report: slots, numbers, territory variants."""

    def __init__(self, rng: random.Random, slots: dict[str, str], territory: str):
        self.rng = rng
        self.slots = slots
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
        text = SLOT.sub(lambda match: self.slots[match.group(1)], text)
        return finish(text)


# -- Texts ---------------------------------------------------------------------------------

def write_versions(ctx: DemoContext, plan: ReportPlan, opening_year: int, rng: random.Random,
                   thread_words: list[tuple[Thread, str]]) -> None:
    """The report's final text, then each earlier version by undoing one edit at a time.

    ``opening_year``: when the report's fabrique opened; ``thread_words``: each forum thread with
    its ``fold``-ed title (the links a report may make).
    """
    topic, kind = plan.topic, plan.kind
    spec = places.FABRIQUES[plan.fabrique_index]
    start = plan.created - timedelta(days=rng.uniform(60, 540))
    start_year = start.astimezone(PARIS).year
    slots = {
        "fabrique": spec.name, "ville": spec.city, "lieu": spec.building,
        "quartier": spec.neighbourhood or "quartier", "voisine": rng.choice(places.NEARBY_VILLAGES),
        "annee": str(start_year),
        "annee_ouverture": str(min(opening_year, start_year)),
    }
    compose = Composer(rng, slots, plan.territory)
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
    themes = [ctx.categories[key] for key in topic.themes[:rng.choice((1, 2, 2, 3))]]
    partners = rng.sample(topic.partners, min(len(topic.partners), rng.randint(2, 4)))
    funding = rng.sample(topic.funding, min(len(topic.funding), rng.randint(1, 3)))
    cost = rng.randrange(topic.cost[0], topic.cost[1] + 1, 50) if rng.random() < 0.88 else None
    staff = rng.randrange(topic.staff[0], topic.staff[1] + 1, 5) if rng.random() < 0.85 else None
    volunteers = rng.randrange(topic.volunteers[0], topic.volunteers[1] + 1, 5) if rng.random() < 0.8 else None
    licence = rng.choices(("cc-by-sa", "cc-by", "cc0"), (85, 10, 5))[0]
    end = min(plan.created, start + timedelta(days=rng.uniform(90, 700)))
    period = _period(kind, start, end, rng)
    linked_threads, linked_resources = _links(ctx, plan, topic, thread_words, rng)

    final = {
        "title": title, "kind": KINDS[kind], "territory_type": TerritoryType(plan.territory),
        "themes": themes, "coauthor_fabriques": sorted((ctx.fabriques[index] for index in plan.coauthor_fabriques),
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
    possible_draft = [edit for edit in DRAFT_EDITS if _edit_applies(edit, final, context, steps, plan)]
    possible_later = [edit for edit in LATER_EDITS if _edit_applies(edit, final, context, steps, plan)]
    published = plan.published
    if published is None or (ctx.now - published).days < 20:
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
    limit = published or ctx.now - timedelta(hours=2)
    for index in range(len(draft_edits)):
        times.append(plan.created + (limit - plan.created) * (index + rng.uniform(0.2, 0.9)) / len(draft_edits))
    for index in range(len(later_edits)):
        times.append(published + (ctx.now - published) * (index + rng.uniform(0.15, 0.85)) / len(later_edits))
    order = draft_edits + later_edits

    if "figures" in order:
        moment = times[1 + order.index("figures")].astimezone(PARIS)
        note = rng.choice(texts.UPDATE_NOTES).replace("{date}", f"{MONTHS[moment.month - 1]} {moment.year}")
        final["sections"]["outcome"] = outcome(note=note)

    states = [final]
    for edit in reversed(order):
        states.append(_undo(edit, states[-1], context=context, steps=steps, actions=actions,
                                 outcome=outcome, compose=compose, plan=plan, rng=rng))
    plan.states = list(reversed(states))
    plan.times = times
    plan.editors = [plan.authors[0]] + [_editor(ctx, plan, moment, rng) for moment in times[1:]]


def _edit_applies(edit: str, final: dict, context: list[str], steps: list[str], plan: ReportPlan) -> bool:
    sections = final["sections"]
    return {
        "context": len(context) > 1, "step": len(steps) > 4,
        "costs": any(final[key] is not None for key in ("cost_euros", "staff_hours", "volunteer_hours")),
        "title": len(plan.topic.titles[plan.kind]) > 1, "period": bool(final["period"]),
        "partners": ", " in final["partners"] or ", " in final["funding"], "themes": len(final["themes"]) > 1,
        "figures": True, "lesson": sections["lessons"].count("\n") >= 2, "problem": bool(sections["problems"]),
        "links": bool(final["threads"] or final["resources"]), "kind": plan.kind == "mixed",
    }[edit]


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


def _editor(ctx: DemoContext, plan: ReportPlan, moment: datetime, rng: random.Random) -> int:
    """Who saved a later version: mostly an author, sometimes a manager of the fabrique."""
    roll = rng.random()
    if roll < 0.18:
        managers = [member for member, role, decided in ctx.active_members(plan.fabrique_index)
                    if role is MembershipRole.MANAGER and decided < moment]
        if managers:
            return rng.choice(managers)
    if roll < 0.45 and len(plan.authors) > 1:
        return plan.authors[1]
    return plan.authors[0]


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


def _links(ctx: DemoContext, plan: ReportPlan, topic: texts.Topic, thread_words, rng: random.Random):
    """Forum threads and catalogue resources on the same topic, that existed when the report was written."""
    if not topic.links or rng.random() > 0.45:
        return [], []
    words = [fold(word) for word in topic.links]
    threads = [thread for thread, folded in thread_words
               if thread.created_at < plan.created - timedelta(days=1) and any(word in folded for word in words)]
    resources = [resource_plan.resource for resource_plan in ctx.resource_plans
                 if resource_plan.listed_at < plan.created - timedelta(days=1)
                 and any(word in fold(resource_plan.resource.name) for word in words)]
    own = [resource for resource in resources if resource.fabrique_id == ctx.fabriques[plan.fabrique_index].id]
    chosen_threads = sorted(rng.sample(threads, min(len(threads), rng.choice((1, 1, 2)))), key=lambda t: t.id)
    chosen_resources = []
    if resources and rng.random() < 0.5:
        chosen_resources = [rng.choice(own or resources)]
    return chosen_threads, chosen_resources


def apply_state(practice: Practice, state: dict) -> None:
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


def snapshots(practice: Practice, plan: ReportPlan) -> list[str]:
    """Each version's snapshot, as ``forum.practices.services`` records it; consecutive ones differ.

    Taken on the report before it joins the session: a snapshot needs no id.
    """
    taken = []
    for state in plan.states:
        apply_state(practice, state)
        taken.append(json.dumps(services.snapshot(practice), ensure_ascii=False, sort_keys=True))
    for before, after in pairwise(taken):
        if before == after:
            raise RuntimeError(f"demo report « {plan.states[-1]['title']} »: two identical versions")
    return taken


def fold(text: str) -> str:
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
