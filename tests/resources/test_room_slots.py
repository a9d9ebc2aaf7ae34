"""Paris wall-clock slots and a room's rules, pure: the daylight-saving changes, the rules' refusals."""

from datetime import date, time

import pytest

from forum.resources.slots import Rules, Slot, SlotError, parse_closed_dates, parse_opening, parse_time
from tests.resources.room_builders import utc

MARCH_CHANGE, OCTOBER_CHANGE = date(2027, 3, 28), date(2026, 10, 25)  # last Sundays of March and October
ALWAYS_OPEN = {str(weekday): [["00:00", "23:59"]] for weekday in range(7)}


def test_a_slot_is_stored_in_utc_and_keeps_its_wall_clock_times():
    slot = Slot.of(date(2027, 5, 11), time(14), time(17))
    assert (slot.starts_at, slot.ends_at) == (utc(2027, 5, 11, 12), utc(2027, 5, 11, 15))
    assert slot.label == "mardi 11 mai, 14\u00a0h – 17\u00a0h"


def test_across_the_march_change_a_booking_keeps_the_wall_clock_length_chosen():
    slot = Slot.of(MARCH_CHANGE, time(1), time(4))
    # 01:00 is winter time (UTC+1), 04:00 summer time (UTC+2): two real hours, three on the clock.
    assert (slot.starts_at, slot.ends_at) == (utc(2027, 3, 28, 0), utc(2027, 3, 28, 2))
    assert slot.wall_minutes == 180 and slot.label == "dimanche 28 mars, 1\u00a0h – 4\u00a0h"


def test_a_time_the_clocks_skip_in_march_is_refused_in_french():
    with pytest.raises(SlotError) as refused:
        Slot.of(MARCH_CHANGE, time(2, 30), time(5))
    assert refused.value.message == ("2\u00a0h\u00a030 n'existe pas le dimanche 28 mars : les horloges passent de "
                                     "2 h à 3 h cette nuit-là (heure d'été). Choisissez une autre heure.")
    assert refused.value.field == "start"


def test_a_time_that_happens_twice_in_october_is_its_first_occurrence():
    """Documented choice: fold 0, summer time (UTC+2), for both ends: they stay in order."""
    slot = Slot.of(OCTOBER_CHANGE, time(1), time(2, 30))
    assert (slot.starts_at, slot.ends_at) == (utc(2026, 10, 24, 23), utc(2026, 10, 25, 0, 30))
    after = Slot.of(OCTOBER_CHANGE, time(2, 30), time(4))
    assert (after.starts_at, after.ends_at) == (utc(2026, 10, 25, 0, 30), utc(2026, 10, 25, 3))
    assert after.starts_at == slot.ends_at  # back to back, no overlap


def test_rules_refuse_in_french():
    rules = Rules(opening_hours={"1": [["09:00", "12:00"], ["14:00", "18:00"]]}, closed_dates=("2027-05-18",),
                  min_notice_hours=24, max_notice_days=30, min_minutes=60, max_minutes=180)
    now = utc(2027, 5, 1, 8)
    tuesday = date(2027, 5, 11)

    def why(day, start, end, at=now):
        refusal = rules.refusal(Slot.of(day, time(*start), time(*end)), at)
        return refusal.message if refusal else None

    assert why(tuesday, (14,), (17,)) is None
    assert why(tuesday, (11,), (13,)) == ("Ce créneau sort des heures d'ouverture du mardi (9\u00a0h – 12\u00a0h, "
                                          "14\u00a0h – 18\u00a0h).")
    assert why(date(2027, 5, 12), (14,), (15,)) == "La salle est fermée le mercredi."
    assert why(date(2027, 5, 18), (14,), (15,)) == "La salle est fermée le mardi 18 mai."
    assert why(tuesday, (14,), (14, 30)) == "Une réservation dure au moins 1\u00a0h."
    assert why(tuesday, (14,), (17, 30)) == "Une réservation dure au plus 3\u00a0h."
    assert why(tuesday, (14,), (15,), utc(2027, 5, 11, 0)) == "Réservez au moins 24\u00a0h à l'avance."
    assert why(tuesday, (14,), (15,), utc(2027, 5, 12, 0)) == "Ce créneau est déjà passé."
    assert why(date(2027, 6, 8), (14,), (15,)) == "On ne peut pas réserver plus de 30 jours à l'avance."


@pytest.mark.parametrize("text, message", [
    ("9:00-12:00, 11:00-14:00", "Le lundi : deux horaires se chevauchent."),
    ("18:00-9:00", "Le lundi : l'horaire « 18:00-9:00 » finit avant de commencer."),
    ("9h", "Le lundi : écrivez les horaires comme « 9:00-12:00, 14:00-18:00 »."),
    ("25:00-26:00", "Le lundi, « 25:00-26:00 » doit être une heure qui existe (de 00:00 à 23:59)."),
])
def test_opening_hours_that_make_no_sense_are_refused(text, message):
    with pytest.raises(SlotError) as refused:
        parse_opening(text, 0)
    assert refused.value.message == message


def test_opening_hours_and_closed_dates_are_read_as_people_write_them():
    assert parse_opening("14h-18h ; 9:00 - 12:00", 2) == [["09:00", "12:00"], ["14:00", "18:00"]]
    assert parse_opening("", 2) == []
    assert parse_closed_dates("25/12/2026\n2027-01-01\n") == ["2026-12-25", "2027-01-01"]
    for bad in ("31/02/2027", "1/1/10000", "demain"):
        with pytest.raises(SlotError):
            parse_closed_dates(bad)
    assert parse_time("14 h 30", "", "") == time(14, 30)
    with pytest.raises(SlotError):
        parse_time("2pm", "L'heure", "start")


def test_a_day_out_of_range_and_an_end_before_the_start_are_refused():
    with pytest.raises(SlotError, match="hors des dates possibles"):
        Slot.of(date(9999, 12, 31), time(9), time(10))
    with pytest.raises(SlotError, match="L'heure de fin doit être après l'heure de début."):
        Slot.of(date(2027, 5, 11), time(17), time(14))
