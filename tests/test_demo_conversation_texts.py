"""The data file of the demo's private conversations (forum/demo/conversations.toml) is read strictly:
a missing or unknown field, an unknown story, role or placeholder fails with a message naming where.
The conversations it gives are checked in tests/test_demo_seed.py."""

from __future__ import annotations

import pytest

from forum.demo.seed_conversations import STORIES, fill, load_texts, parse_texts

GOOD = """
weekdays = ["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]

[[conversation]]
story = "equipe"
subject = "Une question"
start_hours = -10
unread_for = ["equipe"]
muted_by = []
left = []

[[conversation.message]]
by = "membre"
after_hours = 0
body = "Bonjour {prenom_equipe}"
"""


def test_the_data_file_loads_into_dataclasses():
    texts = load_texts()
    assert len(texts.weekdays) == 7 and len(texts.conversation) >= 3
    assert {conversation.story for conversation in texts.conversation} == set(STORIES)
    assert any(len(STORIES[conversation.story]) >= 3 for conversation in texts.conversation)
    assert any(conversation.unread_for for conversation in texts.conversation)
    for conversation in texts.conversation:
        assert all(message.body.strip() for message in conversation.message)
    parsed = parse_texts(GOOD)
    assert parsed.conversation[0].message[0].after_hours == 0.0 and parsed.conversation[0].unread_for == ("equipe",)


@pytest.mark.parametrize("change,error", [
    (('story = "equipe"', 'story = "equipe"\ncolour = "vert"'), "unknown field(s) colour"),
    (('start_hours = -10\n', ''), "missing field(s) start_hours"),
    (('by = "membre"\n', 'by = "membre"\nauthor = "x"\n'), "conversation[1].message[1]: unknown field(s) author"),
    (('story = "equipe"', 'story = "fete"'), "unknown story 'fete'"),
    (('by = "membre"', 'by = "orga"'), "'orga' is not a role of equipe"),
    (('unread_for = ["equipe"]', 'unread_for = ["personne"]'), "'personne' is not a role of equipe"),
    (('left = []', 'left = ["equipe"]'), "'equipe' writes nothing before going quiet"),
    (('start_hours = -10', 'start_hours = "hier"'), "start_hours: float expected"),
    (('unread_for = ["equipe"]', 'unread_for = "equipe"'), "unread_for: a list is expected"),
    (('after_hours = 0', 'after_hours = 2'), "messages start at 0 hours"),
    (('"mardi", ', ''), "seven days"),
])
def test_a_wrong_data_file_fails_loudly(change, error):
    old, new = change
    assert old in GOOD
    with pytest.raises(ValueError) as raised:
        parse_texts(GOOD.replace(old, new, 1), "essai.toml")
    assert error in str(raised.value) and "essai.toml" in str(raised.value)


def test_an_unknown_placeholder_fails_loudly():
    assert fill("Rendez-vous à {fabrique}", {"fabrique": "Le Moulin"}, "ici") == "Rendez-vous au Moulin"
    with pytest.raises(ValueError, match=r"conversation\[2\]: unknown placeholder \{ville\}"):
        fill("À {ville}", {"fabrique": "Le Moulin"}, "conversation[2]")
