"""Opening hours in OpenStreetMap's syntax: read, written canonically, said in French."""

import pytest

from forum.fabriques import opening_hours
from forum.fabriques.opening_hours import BadTimes, Unsupported, format_osm, hours_text as french, parse

NBSP = "\u00a0"


@pytest.mark.parametrize("text,canonical", [
    ("Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00", "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00"),
    ("Mo 09:00-12:00; Tu 09:00-12:00; We 09:00-12:00", "Mo-We 09:00-12:00"),
    ("Sa 10:00-12:00; Su 10:00-12:00", "Sa,Su 10:00-12:00"),
    ("Mo,We,Fr 14:00-19:00; Tu,Th 9:30-17:00", "Mo,We,Fr 14:00-19:00; Tu,Th 09:30-17:00"),
    ("Mo-Su 08:00-20:00; Su off", "Mo-Sa 08:00-20:00"),  # a later rule overrides its days
    ("Mo-Fr 09:00-18:00; We 14:00-18:00", "Mo,Tu,Th,Fr 09:00-18:00; We 14:00-18:00"),
    ("Fr-Mo 10:00-12:00", "Mo,Fr-Su 10:00-12:00"),  # a range across the week's end
    ("Mo-Fr 14:00-18:00, 09:00-12:00", "Mo-Fr 09:00-12:00,14:00-18:00"),  # ranges in order
    ("10:00-18:00", "Mo-Su 10:00-18:00"),  # no days: every day
    ("24/7", "24/7"),
    ("Mo-Su 00:00-24:00", "24/7"),
    ("Mo-Fr 18:00-24:00", "Mo-Fr 18:00-24:00"),
])
def test_parse_and_canonical_form(text, canonical):
    assert format_osm(parse(text)) == canonical
    assert format_osm(parse(canonical)) == canonical  # the canonical form reads back the same


@pytest.mark.parametrize("text", [
    "", "PH off", "Mo-Fr 09:00-18:00; PH off", "Jan-Mar Mo 10:00-12:00", "Mo[1] 10:00-12:00",
    "Mo-Fr 22:00-02:00",  # past midnight
    "Mo 09:00-12:00,11:00-13:00",  # overlapping
    "Mo 25:00-26:00", "Mo 09:60-10:00", "Mo 24:00-24:00", "Mo 09:00+", "sunrise-sunset",
    "Mo-Fr 09:00-12:00 \"sur rendez-vous\"", "Lu-Ve 09:00-12:00",
])
def test_outside_the_subset_is_unsupported(text):
    with pytest.raises(Unsupported):
        parse(text)
    assert opening_hours.try_parse(text) is None
    assert opening_hours.normalized(text) == text.strip()  # kept as it is


def test_french():
    week = parse("Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00")
    assert french(week) == (f"lundi–vendredi 9{NBSP}h–12{NBSP}h, 14{NBSP}h–18{NBSP}h{NBSP}; "
                            f"samedi 10{NBSP}h–12{NBSP}h")
    assert opening_hours.hours_lines(parse("Tu,Th 09:30-17:00; Mo,We,Fr 14:00-19:00")) == [
        f"lundi, mercredi et vendredi 14{NBSP}h–19{NBSP}h", f"mardi et jeudi 9{NBSP}h{NBSP}30–17{NBSP}h"]
    assert french(parse("Sa,Su 10:00-12:00")) == f"samedi et dimanche 10{NBSP}h–12{NBSP}h"
    assert french(parse("Mo-Su 08:05-20:00")) == f"tous les jours 8{NBSP}h{NBSP}05–20{NBSP}h"
    assert french(parse("24/7")) == f"tous les jours, 24{NBSP}h sur 24"


def test_grid_round_trip():
    week = parse("Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:00")
    grid = opening_hours.grid_of(week)
    assert grid["Mo"] == [("09:00", "12:00"), ("14:00", "18:00")] and grid["Su"] == []
    assert opening_hours.week_of_grid(grid) == week
    assert opening_hours.grid_of(parse("Mo 08:00-10:00,12:00-14:00,16:00-18:00")) is None  # 3 ranges


@pytest.mark.parametrize("grid,message", [
    ({"Mo": [("25:00", "26:00")]}, "n'est pas une heure"),
    ({"Tu": [("18:00", "09:00")]}, "Le mardi, une plage horaire finit avant de commencer"),
    ({"We": [("09:00", "13:00"), ("12:00", "18:00")]}, "Le mercredi, deux plages horaires se chevauchent"),
    ({"Th": [("09:00", "")]}, "Le jeudi, indiquez l'heure d'ouverture et l'heure de fermeture"),
    ({"Fr": [("neuf heures", "12:00")]}, "n'est pas une heure"),
])
def test_grid_refuses_impossible_times(grid, message):
    with pytest.raises(BadTimes) as error:
        opening_hours.week_of_grid(grid)
    assert message in str(error.value)
