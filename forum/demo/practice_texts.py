"""French material for the demo's practice reports (retours d'expérience), used by
``forum.demo.seed_practices`` and ``seed_practice_versions``.

A report is composed from one ``Topic`` (its title, context, objective, steps, outcome, problems
and lessons, chosen for its kind) and from the generic pools below (how a fabrique presents
itself, blame-free framings, lessons that hold everywhere, comments, "essayé aussi" notes).

Conventions (resolved by ``seed_practice_versions.Composer``):

- ``{fabrique}``, ``{ville}``, ``{lieu}`` (what the building is), ``{quartier}`` (QPV only),
  ``{voisine}`` (a neighbouring village), ``{annee}`` (the year the action started);
- ``{12-40}`` is a number drawn in that range, ``{1000-4000/100}`` rounded to a step of 100
  (thousands written "1 200"); in an earlier version of a report the numbers of its outcome are
  smaller (first figures, updated later);
- ``[[rural|qpv|urbain]]`` picks the text for the report's territory;
- kinds: ``good`` (bonne pratique), ``mixed`` (expérience mitigée), ``avoid`` (expérience à éviter).

The material lives in ``forum/demo/data/practice_texts.toml`` (one ``[[topics]]`` table per
``Topic``); this module declares its types and loads it (``forum.demo.loading``: an unknown,
missing or mistyped key fails at import).
"""

from __future__ import annotations

from dataclasses import dataclass

from forum.demo.loading import load_into


@dataclass(frozen=True)
class Topic:
    key: str
    themes: tuple[str, ...]  # forum category keys, the main one first
    modules: tuple[str, ...]  # fabrique modules that make the topic likely (empty: any fabrique)
    territories: tuple[str, ...]  # territories where it happens (empty: anywhere)
    titles: dict[str, tuple[str, ...]]
    context: tuple[str, ...]
    objective: tuple[str, ...]
    steps: tuple[str, ...]  # in the order they happen
    pitfalls: tuple[str, ...]  # what was done and turned out badly (mixed and "à éviter" reports)
    outcome: dict[str, tuple[str, ...]]
    problems: dict[str, tuple[str, ...]]
    lessons: tuple[str, ...]
    questions: tuple[tuple[str, str], ...]  # (a reader's question, the author's answer)
    cost: tuple[int, int]
    staff: tuple[int, int]
    volunteers: tuple[int, int]
    partners: tuple[str, ...]
    funding: tuple[str, ...]
    links: tuple[str, ...] = ()  # words (lower case, no accents) of thread titles and resource names it may cite
    outdated: tuple[str, ...] = ()  # what a reader may say when the report no longer holds


# -- How a fabrique presents itself in the "context" section ----------------------------------
CONTEXT_OPENERS: dict[str, tuple[str, ...]]  # by territory
TEAM_LINES: tuple[str, ...]
OBJECTIVE_EXTRAS: tuple[str, ...]
ACTION_INTROS: tuple[str, ...]
OUTCOME_EXTRAS: dict[str, tuple[str, ...]]  # by kind
FIGURE_LINES: dict[str, tuple[str, ...]]  # figures added to an outcome that has none of its own
PROBLEM_FRAMES: tuple[str, ...]  # blame-free framings: the organisation is looked at, not people
MINOR_PROBLEMS: tuple[str, ...]
GENERIC_LESSONS: tuple[str, ...]
PERIOD_FORMATS: tuple[str, ...]

# -- Comments ----------------------------------------------------------------------------------
COMMENT_OPENINGS: tuple[str, ...]
COMMENT_BODIES: tuple[str, ...]
COMMENT_QUOTE_REACTIONS: tuple[str, ...]
AUTHOR_REPLIES: tuple[str, ...]

# -- "Nous l'avons essayé aussi", later versions -----------------------------------------------
TRIAL_NOTES: dict[str, tuple[str, ...]]
OUTDATED_NOTES: tuple[str, ...]
UPDATE_NOTES: tuple[str, ...]
PROVISIONAL_NOTES: tuple[str, ...]

# -- Topics ------------------------------------------------------------------------------------
TOPICS: list[Topic]

load_into(__name__, "practice_texts.toml")
