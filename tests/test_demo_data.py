"""The demo's data files load strictly: a typo in a TOML file fails loudly, naming the file and the entry."""

from __future__ import annotations

import tomllib
import types
import typing
from dataclasses import dataclass
from importlib import resources
from typing import NamedTuple, TypedDict

import pytest

from forum.demo import agenda, catalogue, corpus, mediation, people, places, practice_texts, room_data
from forum.demo.loading import DATA_FOLDER, DATA_PACKAGE, DataError, build, fill_module, parse_data, read_data

DATA_MODULES = {"corpus.toml": corpus, "practice_texts.toml": practice_texts, "catalogue.toml": catalogue,
                "places.toml": places, "people.toml": people, "events.toml": agenda,
                "rooms.toml": room_data, "mediation.toml": mediation}


class Room(NamedTuple):
    name: str
    capacity: tuple[int, int]
    deposits: tuple[int | None, ...] = (None,)
    postal_code: str | None = None


@dataclass(frozen=True)
class Story:
    title: str
    rooms: tuple[Room, ...]
    weights: dict[str, float]
    answer_for: dict[int, int]
    links: tuple[str, ...] = ()


class Material(TypedDict):
    questions: tuple[tuple[str, str], ...]
    items: tuple[str, ...]


def _module(**annotations: object) -> types.ModuleType:
    """A module that declares names, as the demo's data modules do."""
    module = types.ModuleType("declared")
    module.__annotations__ = annotations
    return module


def _load(module: types.ModuleType, text: str) -> types.ModuleType:
    fill_module(module, tomllib.loads(text), "exemple.toml")
    return module


STORY = """
[story]
title = "Une histoire"
weights = { atelier = 2, salle = 0.5 }
answer_for = { 1 = 0, 3 = 1 }

[[story.rooms]]
name = "Salle du Lavoir"
capacity = [10, 20]
deposits = ["none", 50]

[[story.rooms]]
name = "Atelier"
capacity = [4, 8]
postal_code = "23000"
"""


def test_a_data_file_builds_its_declared_types():
    module = _load(_module(STORY=Story, TAGS=tuple[str, ...]), 'tags = ["a", "b"]\n' + STORY)
    assert module.TAGS == ("a", "b")
    story = module.STORY
    rooms = (Room("Salle du Lavoir", (10, 20), (None, 50)), Room("Atelier", (4, 8), (None,), "23000"))
    assert story == Story(title="Une histoire", rooms=rooms, weights={"atelier": 2.0, "salle": 0.5},
                          answer_for={1: 0, 3: 1})
    assert type(story.rooms[0]) is Room and type(story.weights["atelier"]) is float


def test_a_typed_dict_gets_exactly_its_keys():
    table = tomllib.loads('questions = [["Titre", "Question ?"]]\nitems = ["un", "deux"]')
    assert build(Material, table, "exemple.toml: topics.forum") == {"questions": (("Titre", "Question ?"),),
                                                                    "items": ("un", "deux")}
    with pytest.raises(DataError, match=r"^exemple\.toml: topics\.forum: missing key\(s\) items$"):
        build(Material, {"questions": []}, "exemple.toml: topics.forum")


@pytest.mark.parametrize(("text", "message"), [
    # An unknown key: a typo, or a field that does not exist.
    ('tags = []\nstory = { title = "t", rooms = [], weights = {}, answer_for = {}, titel = "t" }',
     r"^exemple\.toml: story: unknown key\(s\) titel$"),
    ('tags = []\ntagz = []\nstory = { title = "t", rooms = [], weights = {}, answer_for = {} }',
     r"^exemple\.toml: unknown key\(s\) tagz$"),
    # A missing required key (a field without a default), at the top or in an entry.
    ('story = { title = "t", rooms = [], weights = {}, answer_for = {} }', r"^exemple\.toml: missing key\(s\) tags$"),
    ('tags = []\nstory = { title = "t", rooms = [{ name = "Salle" }], weights = {}, answer_for = {} }',
     r"^exemple\.toml: story\.rooms\[1\]: missing key\(s\) capacity$"),
    # A value of the wrong type.
    ('tags = ["a", 2]\nstory = { title = "t", rooms = [], weights = {}, answer_for = {} }',
     r"^exemple\.toml: tags\[2\]: str expected, not 2$"),
    ('tags = "a"\nstory = { title = "t", rooms = [], weights = {}, answer_for = {} }',
     r"^exemple\.toml: tags: an array is expected, not 'a'$"),
    ('tags = []\nstory = { title = "t", rooms = [{ name = "S", capacity = [1, 2, 3] }], weights = {}, answer_for = {}'
     ' }',
     r"^exemple\.toml: story\.rooms\[1\]\.capacity: an array of 2 values is expected, not 3$"),
    ('tags = []\nstory = { title = "t", rooms = [{ name = "S", capacity = [1, true] }], weights = {}, answer_for = {}'
     ' }',
     r"^exemple\.toml: story\.rooms\[1\]\.capacity\[2\]: int expected, not True$"),
    ('tags = []\nstory = { title = "t", rooms = [], weights = { atelier = "2" }, answer_for = {} }',
     r"^exemple\.toml: story\.weights\.atelier: float expected, not '2'$"),
    ('tags = []\nstory = { title = "t", rooms = [], weights = {}, answer_for = { un = 0 } }',
     r"^exemple\.toml: story\.answer_for\.un: an integer key is expected$"),
    ('tags = []\nstory = { title = "t", rooms = "aucune", weights = {}, answer_for = {} }',
     r"^exemple\.toml: story\.rooms: an array is expected, not 'aucune'$"),
    ('tags = []\nstory = ["t"]', r"^exemple\.toml: story: a table is expected, not \['t'\]$"),
])
def test_a_mistake_fails_loudly_naming_the_file_and_the_entry(text, message):
    with pytest.raises(DataError, match=message):
        _load(_module(TAGS=tuple[str, ...], STORY=Story), text)


def test_none_only_where_the_type_allows_it():
    room = build(Room, {"name": "S", "capacity": [1, 2], "deposits": ["none", 80]}, "exemple.toml: room")
    assert room.deposits == (None, 80) and room.postal_code is None
    with pytest.raises(DataError, match=r"^exemple\.toml: room\.capacity\[1\]: int expected, not 'none'$"):
        build(Room, {"name": "S", "capacity": ["none", 2]}, "exemple.toml: room")
    # A text may be "none": the word is only None where a text cannot be.
    assert build(str | None, "none", "exemple.toml: code") == "none"


def test_a_syntax_error_names_the_file():
    with pytest.raises(DataError, match=r"^exemple\.toml: .*line 2"):
        parse_data('tags = ["a"]\nstory\n', "exemple.toml")


def test_every_data_file_is_loaded_by_its_module():
    """Each file of forum/demo/data is the material of one data module, which declares all its keys."""
    folder = resources.files(DATA_PACKAGE).joinpath(DATA_FOLDER)
    assert sorted(entry.name for entry in folder.iterdir() if entry.name.endswith(".toml")) == sorted(DATA_MODULES)
    for file_name, module in DATA_MODULES.items():
        declared = typing.get_type_hints(module)
        table = read_data(file_name)
        assert set(table) <= {name.lower() for name in declared}, file_name
        for key in table:
            assert getattr(module, key.upper()) is not None, (file_name, key)


def test_the_material_keeps_its_public_types():
    assert isinstance(catalogue.EQUIPMENT[0], catalogue.EquipmentItem)
    assert isinstance(places.FABRIQUES[0], places.FabriqueSpec)
    assert isinstance(practice_texts.TOPICS, list) and isinstance(practice_texts.TOPICS[0], practice_texts.Topic)
    assert set(corpus.TOPICS) == {key for key, _name, _description in corpus.CATEGORIES}
    assert corpus.EVENT_ANSWER_FOR and all(isinstance(key, int) for key in corpus.EVENT_ANSWER_FOR)
