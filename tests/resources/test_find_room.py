"""« Trouver une salle »: capacity, place, a free and open slot, accessibility, equipment; bad input is a 400."""

from __future__ import annotations

import html

import pytest

from forum.resources.models import ResourceKind
from tests.conftest import make_fabrique, make_user, plain_spaces
from tests.resources.builders import make_resource
from tests.resources.room_builders import book, next_weekday, room_world, set_rules

TUESDAY, SATURDAY = next_weekday(1), next_weekday(5)


def _names(client, **args) -> list[str]:
    response = client.get("/salles", query_string=args)
    assert response.status_code == 200, plain_spaces(html.unescape(response.get_data(as_text=True)))[:500]
    text = html.unescape(response.get_data(as_text=True))
    return sorted(name for name in ("Salle du Lavoir", "Grande salle de la Ruche", "Bureau partagé") if name in text)


@pytest.fixture
def rooms(app):
    world = room_world(needs_approval=False)  # Salle du Lavoir: 25 people, Creuse, open Mon-Fri
    manager = make_user("ruche@exemple.fr", "Rémi Ruche")
    ruche = make_fabrique(manager, "La Ruche", "69")
    big = make_resource(manager, ruche, "Grande salle de la Ruche", ResourceKind.SPACE, capacity_meeting=80,
                        room_equipment="Sono, vidéoprojecteur", accessibility="Ascenseur")
    set_rules(manager, big, opening=["9:00-18:00"] * 6 + [""], capacity_meeting=80)
    make_resource(manager, ruche, "Bureau partagé", ResourceKind.SPACE, capacity_meeting=4, accessibility="Étage")
    return world


def test_filters_by_capacity_place_accessibility_and_equipment(client, rooms):
    everything = ["Bureau partagé", "Grande salle de la Ruche", "Salle du Lavoir"]
    assert _names(client, capacite="1") == everything
    assert _names(client, capacite="20") == ["Grande salle de la Ruche", "Salle du Lavoir"]
    assert _names(client, region="84") == ["Bureau partagé", "Grande salle de la Ruche"]
    assert _names(client, departement="23") == ["Salle du Lavoir"]
    assert _names(client, plain_pied="1") == ["Grande salle de la Ruche", "Salle du Lavoir"]
    assert _names(client, accessibilite="étage") == ["Bureau partagé"]
    assert _names(client, equipement="VIDÉOPROJECTEUR") == ["Grande salle de la Ruche", "Salle du Lavoir"]
    assert _names(client, equipement="100%_") == []


def test_only_rooms_open_and_free_then(client, rooms):
    book(rooms["member"], rooms["room"], TUESDAY, "14:00", "16:00")
    day = TUESDAY.isoformat()
    assert _names(client, capacite="10", date=day, debut="14:30", fin="15:00") == ["Grande salle de la Ruche"]
    assert _names(client, capacite="10", date=day, debut="16:00", fin="17:00") == ["Grande salle de la Ruche",
                                                                                  "Salle du Lavoir"]
    assert _names(client, capacite="10", date=day, debut="12:00", fin="14:00") == ["Grande salle de la Ruche"]
    assert _names(client, capacite="10", date=SATURDAY.isoformat()) == ["Grande salle de la Ruche"]
    assert _names(client, capacite="10", date=SATURDAY.isoformat(), debut="17:00", fin="19:00") == []


@pytest.mark.parametrize("args, message", [
    ({"capacite": "0"}, "La capacité doit être un nombre de personnes entre 1 et 5 000."),
    ({"capacite": "1000000000"}, "La capacité doit être un nombre de personnes entre 1 et 5 000."),
    ({"capacite": "²"}, "La capacité doit être un nombre de personnes"),
    ({"date": "10000-01-01"}, "La date doit être au format AAAA-MM-JJ."),
    ({"date": "9999-12-31"}, "Cette date est hors des dates possibles."),
    ({"date": "2027-05-11", "debut": "25:00"}, "L'heure de début doit être une heure qui existe"),
    ({"date": "2027-05-11", "debut": "17:00", "fin": "14:00"}, "L'heure de fin doit être après l'heure de début."),
    ({"date": "2027-03-28", "debut": "2:30", "fin": "4:00"}, "n'existe pas le dimanche 28 mars"),
    ({"debut": "14:00"}, "Indiquez aussi la date du créneau."),
    ({"region": "99"}, "Cette région n'existe pas."),
])
def test_bad_searches_are_a_400_in_french(client, rooms, args, message):
    response = client.get("/salles", query_string=args)
    assert response.status_code == 400
    assert plain_spaces(message) in plain_spaces(html.unescape(response.get_data(as_text=True)))
