"""Answers to events: one row per member, a waiting list that moves up, the organisers' list and CSV."""

from __future__ import annotations

from sqlalchemy import func, select

from forum.events.models import Answer, Event, Rsvp
from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import login, make_member, submit
from tests.events.builders import answer, make_event, organiser_world


def _answers(event_id: int) -> list[tuple]:
    db.session.rollback()
    return [tuple(row) for row in db.session.execute(
        select(Rsvp.user_id, Rsvp.answer, Rsvp.waiting).where(Rsvp.event_id == event_id).order_by(Rsvp.id))]


def _post(client, event_id: int, choice: str):
    return submit(client, f"/agenda/{event_id}/reponse", {"answer": choice}, form_url=f"/agenda/{event_id}")


def test_a_second_answer_changes_the_first_without_a_second_row(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    login(client, "autre@exemple.fr")
    assert _post(client, event.id, "interested").status_code == 302
    assert _post(client, event.id, "going").status_code == 302
    assert _answers(event.id) == [(world["outsider"].id, Answer.GOING, False)]
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert "Votre réponse\u00a0: <strong>Je viens</strong>" in page


def test_an_unknown_answer_is_a_400(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    login(client, "autre@exemple.fr")
    response = _post(client, event.id, "peut-être")
    assert response.status_code == 400 and _answers(event.id) == []


def test_beyond_the_capacity_people_wait_and_move_up_first_come_first_served(app):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], capacity=1)
    second = make_member(world["other"], "deux@exemple.fr", "Denis Deux")
    third = make_member(world["other"], "trois@exemple.fr", "Thérèse Trois")
    assert not answer(world["outsider"], event.id, Answer.GOING).waiting
    assert answer(second, event.id, Answer.GOING).waiting
    assert answer(third, event.id, Answer.GOING).waiting
    # The first one withdraws: the first one waiting takes the place, and is told.
    answer(world["outsider"], event.id, Answer.NOT_GOING)
    assert _answers(event.id) == [(world["outsider"].id, Answer.NOT_GOING, False), (second.id, Answer.GOING, False),
                                  (third.id, Answer.GOING, True)]
    told = db.session.execute(select(Notification).where(Notification.kind == "event.place_freed")).scalar_one()
    assert told.user_id == second.id


def test_a_raised_capacity_moves_the_waiting_list_up(app):
    from forum.core.models import utcnow
    from forum.events import services
    from tests.conftest import commit_work, writing
    from tests.events.builders import event_input

    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], capacity=1)
    second = make_member(world["other"], "deux@exemple.fr", "Denis Deux")
    answer(world["outsider"], event.id, Answer.GOING)
    assert answer(second, event.id, Answer.GOING).waiting
    with writing():
        services.update_event(world["manager"], db.session.get(Event, event.id), event_input(capacity=2), utcnow())
        commit_work()
    assert [waiting for _, _, waiting in _answers(event.id)] == [False, False]


def test_organisers_see_and_export_the_list_without_email_addresses(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], capacity=1)
    second = make_member(world["other"], "deux@exemple.fr", "=Denis Deux")
    answer(world["outsider"], event.id, Answer.GOING)
    answer(second, event.id, Answer.GOING)
    answer(world["member"], event.id, Answer.INTERESTED)
    login(client, "orga@exemple.fr")
    page = client.get(f"/agenda/{event.id}/participants").get_data(as_text=True)
    assert "Aline Autre" in page and "rang 1" in page and "@exemple.fr" not in page
    export = client.get(f"/agenda/{event.id}/participants.csv")
    assert export.status_code == 200 and export.mimetype == "text/csv"
    lines = export.get_data(as_text=True).lstrip("\ufeff").splitlines()
    assert lines == ["Nom;Réponse;Rang sur la liste d'attente", "Aline Autre;Je viens;",
                     "'=Denis Deux;Je viens;1", "Marc Membre;Intéressé·e;"]


def test_a_past_event_takes_no_answer(client):
    from datetime import timedelta

    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    stored = db.session.get(Event, event.id)
    stored.starts_at -= timedelta(days=30)
    stored.ends_at -= timedelta(days=30)
    db.session.commit()
    login(client, "autre@exemple.fr")
    response = _post(client, event.id, "going")
    assert response.status_code == 409 and "Cet événement est terminé" in response.get_data(as_text=True)
    assert db.session.execute(select(func.count()).select_from(Rsvp)).scalar_one() == 0
