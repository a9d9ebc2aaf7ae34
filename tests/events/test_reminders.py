"""The reminder of the day before: in the app and by e-mail, to confirmed attendees only, once."""

from __future__ import annotations

from datetime import timedelta

from sqlalchemy import select

from forum.core.dates import today_in_france
from forum.events.models import Answer
from forum.events.reminders import send_event_reminders
from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import commit_work, make_member, writing
from tests.events.builders import answer, make_event, organiser_world, paris
from forum.events.checks import Timing


def _outbox(app):
    return app.extensions["mailman"].__dict__.setdefault("outbox", [])


def test_attendees_are_reminded_the_day_before_once(app):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], capacity=1, title="Atelier du lendemain",
                       timings=[Timing(paris(1, 10), paris(1, 12))])
    later = make_event(world["manager"], world["fabrique"], title="Plus tard", timings=[Timing(paris(5, 10),
                                                                                             paris(5, 12))])
    waiting = make_member(world["other"], "deux@exemple.fr", "Denis Deux")
    answer(world["outsider"], event.id, Answer.GOING)
    answer(waiting, event.id, Answer.GOING)  # on the waiting list: no reminder
    answer(world["member"], event.id, Answer.INTERESTED)
    answer(world["member"], later.id, Answer.GOING)
    _outbox(app).clear()
    for _ in range(2):
        with writing():
            send_event_reminders(today_in_france(), site_url="https://forum.exemple.fr")
            commit_work()
    reminded = db.session.execute(select(Notification.user_id).where(Notification.kind == "event.reminder")).all()
    assert reminded == [(world["outsider"].id,)]
    mails = [mail for mail in _outbox(app) if mail.subject.startswith("Rappel")]
    assert [(mail.to, mail.subject) for mail in mails] == [
        (["autre@exemple.fr"], "Rappel\u00a0: Atelier du lendemain, demain")]
    assert "https://forum.exemple.fr/agenda/" in mails[0].body
