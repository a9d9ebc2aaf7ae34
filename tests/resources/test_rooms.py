"""Rooms booked by the hour through the web pages: requests, the owner's answer, confirmation at once,
overlaps (buffer included), the daylight-saving changes, bad input, the week view and its privacy."""

from __future__ import annotations

import html
from datetime import date, timedelta

import pytest
from sqlalchemy import func, select

from forum.core.errors import Conflict, Invalid
from forum.extensions import db
from forum.resources.models import Loan, LoanEvent, LoanState, RoomRules
from forum.resources.rooms import room_bookings_between
from tests.conftest import login, make_fabrique, make_member, make_user, plain_spaces, submit
from tests.resources.room_builders import ALL_DAY, book, next_weekday, room_world, utc

TUESDAY = next_weekday(1)


def _text(response) -> str:
    return plain_spaces(html.unescape(response.get_data(as_text=True)))


def _count(model) -> int:
    db.session.rollback()
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def _book(client, room, day, start, end, message="Rencontre régionale des fabriques."):
    return submit(client, f"/ressources/{room.id}/creneaux",
                  {"day": day if isinstance(day, str) else day.isoformat(), "start": start, "end": end,
                   "message": message}, form_url=f"/ressources/{room.id}/creneaux")


def _accept(client, loan_id):
    return submit(client, f"/prets/{loan_id}/accepter", {"seen_state": "requested"}, form_url=f"/prets/{loan_id}")


def test_a_member_books_an_afternoon_and_the_owner_accepts(client, other_client):
    world = room_world()
    login(client, "member@exemple.fr")
    response = _book(client, world["room"], TUESDAY, "14:00", "17:00")
    loan = db.session.execute(select(Loan)).scalar_one()
    assert response.status_code == 302 and response.headers["Location"] == f"/prets/{loan.id}"
    assert loan.state is LoanState.REQUESTED and (loan.start_date, loan.end_date) == (TUESDAY, TUESDAY)
    assert loan.ends_at - loan.starts_at == (utc(2000, 1, 1, 17) - utc(2000, 1, 1, 14))
    page = client.get(f"/prets/{loan.id}").get_data(as_text=True)
    assert "Salle du Lavoir" in page

    login(other_client, "owner@exemple.fr")
    accepted = _accept(other_client, loan.id)
    assert accepted.status_code == 302
    assert db.session.get(Loan, loan.id).state is LoanState.ACCEPTED
    week = _text(client.get(f"/ressources/{world['room'].id}/creneaux?semaine={TUESDAY}"))
    assert "14 h – 17 h" in week and "réservé" in week and "L'Atelier Emprunteur" in week
    # In the words of a booking, not of a loan of equipment.
    owner_page = _text(other_client.get(f"/prets/{loan.id}"))
    assert "La réservation est maintenant « confirmée »." in owner_page
    assert "Marquer la salle comme occupée" in owner_page and "Marquer comme prêté" not in owner_page
    assert "Confirmée" in owner_page and "Demandée" in owner_page  # the history
    listing = _text(client.get("/prets"))
    assert "confirmée" in listing and "14 h – 17 h" in listing  # the list says the slot, not just the day


def test_confirmed_at_once_goes_through_the_state_machine(client):
    world = room_world(needs_approval=False)
    login(client, "member@exemple.fr")
    assert _book(client, world["room"], TUESDAY, "9:00", "11:30").status_code == 302
    loan = db.session.execute(select(Loan)).scalar_one()
    assert loan.state is LoanState.ACCEPTED
    history = db.session.execute(select(LoanEvent.from_state, LoanEvent.to_state, LoanEvent.actor_id)
                                 .order_by(LoanEvent.id)).all()
    assert [tuple(row) for row in history] == [(None, LoanState.REQUESTED, world["member"].id),
                                               (LoanState.REQUESTED, LoanState.ACCEPTED, None)]


def test_a_slot_meeting_a_confirmed_booking_or_its_buffer_is_a_409_naming_it(client):
    world = room_world(needs_approval=False, buffer_minutes=30)
    book(world["borrower_manager"], world["room"], TUESDAY, "14:00", "16:00")
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "La Ruche", "69")
    make_member(third, "tiers2@exemple.fr", "Tess Tierce")
    login(client, "tiers2@exemple.fr")
    for start, end in (("15:00", "17:00"), ("16:15", "17:00"), ("14:00", "18:00")):
        before = _count(Loan)
        response = _book(client, world["room"], TUESDAY, start, end)
        assert response.status_code == 409, (start, end)
        label = plain_spaces(f"Le créneau du {_day_label(TUESDAY)}, 14 h – 16 h, est déjà réservé.")
        assert label in _text(response)
        assert _count(Loan) == before
    assert _book(client, world["room"], TUESDAY, "16:30", "17:30").status_code == 302


def _day_label(day: date) -> str:
    from forum.resources.slots import day_label
    return day_label(day)


def test_accepting_an_overlapping_request_is_a_409(client):
    world = room_world()
    first = book(world["member"], world["room"], TUESDAY, "14:00", "17:00")
    second = book(world["borrower_manager"], world["room"], TUESDAY, "16:00", "18:00")
    login(client, "owner@exemple.fr")
    assert _accept(client, first.id).status_code == 302
    response = _accept(client, second.id)
    assert response.status_code == 409
    assert (plain_spaces(f"Le créneau du {_day_label(TUESDAY)}, 14 h – 17 h, est déjà réservé.")
            in _text(response))
    assert db.session.get(Loan, second.id).state is LoanState.REQUESTED


@pytest.mark.parametrize("fields, message", [
    (("17:00", "14:00"), "L'heure de fin doit être après l'heure de début."),
    (("12:00", "15:00"), "Ce créneau sort des heures d'ouverture du"),
    (("14:00", "14:15"), "Une réservation dure au moins 30 min."),
    (("25:00", "26:00"), "L'heure de début doit être une heure qui existe"),
    (("midi", "14:00"), "L'heure de début doit être une heure comme « 14:00 »"),
])
def test_bad_slots_are_refused_with_nothing_written(client, fields, message):
    world = room_world()
    login(client, "member@exemple.fr")
    response = _book(client, world["room"], TUESDAY, *fields)
    assert response.status_code == 400
    assert plain_spaces(message) in _text(response)
    assert _count(Loan) == 0 and _count(LoanEvent) == 0


@pytest.mark.parametrize("day, message", [
    (lambda: next_weekday(5), "La salle est fermée le samedi."),
    (lambda: next_weekday(1, weeks_ahead=20), "On ne peut pas réserver plus de 90 jours à l'avance."),
    (lambda: "10000-01-04", "Indiquez une date valide."),
    (lambda: "2026-02-30", "Indiquez une date valide."),
])
def test_bad_days_are_refused_with_nothing_written(client, day, message):
    world = room_world()
    login(client, "member@exemple.fr")
    value = day()
    response = _book(client, world["room"], value, "14:00", "15:00")
    assert response.status_code == 400
    assert message in _text(response)
    assert _count(Loan) == 0


def test_too_little_notice_is_refused(app):
    world = room_world(opening=[ALL_DAY] * 7, min_notice_hours=48)
    from forum.resources.models import Resource
    from forum.resources.rooms import parse_wall_time, request_room_booking
    room = db.session.get(Resource, world["room"].id)
    with pytest.raises(Invalid, match="Réservez au moins 48\u00a0h à l'avance."):
        request_room_booking(world["member"], room, date(2027, 5, 11), parse_wall_time("14:00", "", ""),
                             parse_wall_time("15:00", "", ""), now=utc(2027, 5, 10, 12))
    db.session.rollback()


def test_bookings_across_the_daylight_saving_changes_never_overlap(app):
    world = room_world(opening=[ALL_DAY] * 7, needs_approval=False, max_notice_days=730, max_minutes=600)
    # October (2026-10-25): 02:30 happens twice; both ends read as its first occurrence.
    october = date(2026, 10, 25)
    before = utc(2026, 10, 1, 0)
    night = book(world["member"], world["room"], october, "1:00", "2:30", now=before)
    dawn = book(world["member"], world["room"], october, "2:30", "4:00", now=before)
    assert (night.starts_at, night.ends_at, dawn.starts_at) == (utc(2026, 10, 24, 23), utc(2026, 10, 25, 0, 30),
                                                               utc(2026, 10, 25, 0, 30))
    with pytest.raises(Conflict, match="1\u00a0h – 2\u00a0h\u00a030, est déjà réservé"):
        book(world["borrower_manager"], world["room"], october, "2:00", "3:00", now=before)
    db.session.rollback()
    # March (2027-03-28): 01:00–04:00 is three hours on the clock, two real ones; 02:30 does not exist.
    march = date(2027, 3, 28)
    spring = book(world["member"], world["room"], march, "1:00", "4:00", now=utc(2027, 3, 1, 0))
    assert (spring.starts_at, spring.ends_at) == (utc(2027, 3, 28, 0), utc(2027, 3, 28, 2))
    with pytest.raises(Invalid, match="n'existe pas le dimanche 28 mars"):
        book(world["borrower_manager"], world["room"], march, "2:30", "5:00", now=utc(2027, 3, 1, 0))
    db.session.rollback()
    with pytest.raises(Conflict):
        book(world["borrower_manager"], world["room"], march, "3:30", "5:00", now=utc(2027, 3, 1, 0))
    db.session.rollback()
    after = book(world["borrower_manager"], world["room"], march, "4:00", "5:00", now=utc(2027, 3, 1, 0))
    assert after.starts_at == spring.ends_at
    listed = room_bookings_between(world["room"].id, utc(2027, 3, 27, 0), utc(2027, 3, 29, 0))
    assert [booking.loan_id for booking in listed] == [spring.id, after.id]
    assert listed[0].label == "dimanche 28 mars, 1\u00a0h – 4\u00a0h"


def test_the_march_change_through_the_form_is_a_400_in_french(client):
    world = room_world(opening=[ALL_DAY] * 7, max_notice_days=730)
    login(client, "member@exemple.fr")
    response = _book(client, world["room"], "2027-03-28", "2:30", "5:00")
    assert response.status_code == 400
    assert "n'existe pas le dimanche 28 mars" in _text(response)
    assert _count(Loan) == 0


def test_the_week_shows_no_private_details_to_other_fabriques(client, other_client):
    world = room_world()
    accepted = book(world["member"], world["room"], TUESDAY, "14:00", "17:00", message="Réunion secrète")
    with_owner = login(other_client, "owner@exemple.fr")
    assert with_owner.status_code == 302 and _accept(other_client, accepted.id).status_code == 302
    book(world["member"], world["room"], TUESDAY, "9:00", "10:00")  # pending
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "La Ruche", "69")
    make_member(third, "tiers2@exemple.fr", "Tess Tierce")
    url = f"/ressources/{world['room'].id}/creneaux?semaine={TUESDAY}"
    login(client, "tiers2@exemple.fr")
    for viewer in (client, client.application.test_client()):  # a member of a third fabrique, a visitor
        page = _text(viewer.get(url))
        assert "14 h – 17 h" in page and "réservé" in page
        assert "Atelier Emprunteur" not in page and "Réunion secrète" not in page
        assert "demande en attente" not in page and f"/prets/{accepted.id}" not in page
    owner_page = _text(other_client.get(url))
    assert "Atelier Emprunteur" in owner_page and "demande en attente" in owner_page


def test_the_week_navigates_and_refuses_a_bad_week(client):
    world = room_world()
    url = f"/ressources/{world['room'].id}/creneaux"
    page = client.get(f"{url}?semaine={TUESDAY}").get_data(as_text=True)
    assert "Semaine suivante" in page and "Semaine précédente" in page
    assert client.get(f"{url}?semaine=10000-01-01").status_code == 400
    assert client.get(f"{url}?semaine=hier").status_code == 400


@pytest.mark.parametrize("change, message", [
    ({"capacity_meeting": "0"}, "Capacité en réunion"),
    ({"capacity_meeting": "1000000000"}, "Capacité en réunion"),
    ({"day0": "9:00-12:00, 11:00-14:00"}, "Le lundi : deux horaires se chevauchent."),
    ({"day2": "18:00-9:00"}, "finit avant de commencer."),
    ({"closed_dates": "1/1/10000"}, "n'est pas une date comme"),
    ({"closed_dates": "1/1/9999"}, "hors des dates possibles"),
    ({"min_minutes": "120", "max_minutes": "60"}, "La durée maximale doit être au moins égale à la durée minimale."),
    ({"buffer_minutes": "99999999999"}, "Pause entre deux réservations"),
])
def test_bad_rules_are_refused_with_nothing_written(client, change, message):
    world = room_world()
    db.session.execute(db.delete(RoomRules))
    db.session.commit()
    login(client, "owner@exemple.fr")
    url = f"/ressources/{world['room'].id}/regles"
    fields = {"day0": "9:00-18:00", "capacity_meeting": "30", "min_notice_hours": "1", "max_notice_days": "90",
              "min_minutes": "30", "max_minutes": "240", "buffer_minutes": "0", **change}
    response = submit(client, url, fields)
    assert response.status_code == 400
    assert plain_spaces(message) in _text(response)
    assert _count(RoomRules) == 0


def test_the_owner_sets_the_rules_and_others_may_not(client, other_client):
    world = room_world()
    url = f"/ressources/{world['room'].id}/regles"
    login(client, "owner@exemple.fr")
    assert "9:00-12:00, 14:00-18:00" in client.get(url).get_data(as_text=True)
    response = submit(client, url, {"day5": "10:00-13:00", "closed_dates": "25/12/2026", "capacity_meeting": "40",
                                    "min_notice_hours": "2", "max_notice_days": "60", "min_minutes": "60",
                                    "max_minutes": "240", "buffer_minutes": "15", "needs_approval": "y"})
    assert response.status_code == 302
    rules = db.session.get(RoomRules, world["room"].id)
    assert rules.opening_hours == {"0": [], "1": [], "2": [], "3": [], "4": [], "5": [["10:00", "13:00"]], "6": []}
    assert (rules.closed_dates, rules.buffer_minutes, rules.needs_approval) == (["2026-12-25"], 15, True)
    login(other_client, "member@exemple.fr")
    assert other_client.get(url).status_code == 403


def test_a_room_is_not_requested_by_whole_days(client):
    world = room_world()
    login(client, "member@exemple.fr")
    response = client.get(f"/ressources/{world['room'].id}")
    assert f"/ressources/{world['room'].id}/creneaux" in response.get_data(as_text=True)


def test_a_free_part_of_the_week_prefills_the_booking_form(client):
    world = room_world()
    login(client, "member@exemple.fr")
    url = f"/ressources/{world['room'].id}/creneaux?semaine={TUESDAY}"
    page = html.unescape(client.get(url).get_data(as_text=True))
    monday = TUESDAY - timedelta(days=1)
    assert f"/ressources/{world['room'].id}/creneaux?semaine={monday}&jour={TUESDAY}&de=14:00&a=18:00#reserver" in page
    form = _text(client.get(f"{url}&jour={TUESDAY}&de=14:00&a=18:00"))
    assert f'value="{TUESDAY}"' in form and 'value="14:00"' in form and 'value="18:00"' in form
    assert client.get(f"{url}&jour=demain&de=x").status_code == 200
    last_week = _text(client.get(f"/ressources/{world['room'].id}/creneaux?semaine={TUESDAY - timedelta(days=14)}"))
    assert "passé" in last_week


def test_the_day_before_both_sides_are_reminded_of_the_slot(app):
    world = room_world(needs_approval=False)
    book(world["member"], world["room"], TUESDAY, "14:00", "17:00")
    outbox = app.extensions["mailman"].__dict__.setdefault("outbox", [])
    outbox.clear()
    app.config["SITE_URL"] = "https://forum.exemple.org"
    result = app.test_cli_runner().invoke(args=["loans", "remind", "--date", (TUESDAY - timedelta(days=1)).isoformat()])
    assert result.exit_code == 0, result.output
    reminders = [email for email in outbox if email.subject.startswith("Rappel")]
    assert {email.subject for email in reminders} == {"Rappel\u00a0: «\u00a0Salle du Lavoir\u00a0» est réservée demain"}
    assert {recipient for email in reminders for recipient in email.to} >= {"owner@exemple.fr", "member@exemple.fr"}
    assert plain_spaces(f"le {_day_label(TUESDAY)}, 14 h – 17 h.") in plain_spaces(reminders[0].body)


def test_a_booking_confirmed_at_once_tells_both_sides(app):
    from forum.notifications.models import Notification

    world = room_world(needs_approval=False)
    book(world["member"], world["room"], TUESDAY, "14:00", "17:00")
    texts = {user_id: text for user_id, text in db.session.execute(  # the latest of each member
        select(Notification.user_id, Notification.text).order_by(Notification.id))}
    assert plain_spaces(texts[world["owner"].id]).endswith(
        f"est réservée le {plain_spaces(_day_label(TUESDAY))}, 14 h – 17 h pour L'Atelier Emprunteur, selon les "
        "règles de la salle.")
    assert plain_spaces(texts[world["borrower_manager"].id]).startswith("La Fabrique Prêteuse a accepté votre demande")


def test_the_owner_is_emailed_a_booking_request_and_the_borrower_its_slot_once_accepted(client, app):
    world = room_world()
    outbox = app.extensions["mailman"].__dict__.setdefault("outbox", [])
    outbox.clear()
    loan = book(world["member"], world["room"], TUESDAY, "14:00", "17:00")
    assert [email.subject for email in outbox] == ["Demande de réservation\u00a0: Salle du Lavoir"]
    login(client, "owner@exemple.fr")
    assert _accept(client, loan.id).status_code == 302
    accepted = [email for email in outbox if "accepté" in email.subject]
    assert accepted and plain_spaces(f"- Créneau : le {_day_label(TUESDAY)}, 14 h – 17 h") in \
        plain_spaces(accepted[0].body)


def test_a_past_booking_stays_taken_in_its_week(client):
    from sqlalchemy import update

    world = room_world()
    loan = book(world["member"], world["room"], TUESDAY, "14:00", "17:00")
    db.session.execute(update(Loan).where(Loan.id == loan.id).values(state=LoanState.RETURNED))
    db.session.commit()
    listed = room_bookings_between(world["room"].id, loan.starts_at, loan.ends_at)
    assert [(booking.loan_id, booking.confirmed) for booking in listed] == [(loan.id, True)]
    week = _text(client.get(f"/ressources/{world['room'].id}/creneaux?semaine={TUESDAY}"))
    assert "14 h – 17 h" in week and "réservé" in week
