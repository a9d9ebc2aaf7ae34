"""Events are moderated as other content: reported by members, hidden and restored by moderators, their
organisers told; hidden, an event leaves the agenda and the search, and its notifications are masked."""

from __future__ import annotations

from sqlalchemy import select

from forum.events.models import Event
from forum.extensions import db
from forum.moderation.models import Flag
from forum.notifications.models import Notification
from tests.conftest import login, make_user, submit
from tests.events.builders import make_event, organiser_world


def test_a_reported_event_is_hidden_then_restored_by_a_moderator(client, other_client):
    world = organiser_world()
    event = make_event(world["member"], world["fabrique"], title="Soirée publicitaire")
    make_user("modo@exemple.fr", "Modeste Modératrice", role="moderator")
    login(other_client, "autre@exemple.fr")
    reported = submit(other_client, f"/signaler/evenement/{event.id}", {"reason": "spam"})
    assert reported.status_code == 302
    assert db.session.execute(select(Flag.target_id)).scalar_one() == event.id
    login(client, "modo@exemple.fr")
    hidden = submit(client, f"/moderation/evenement/{event.id}/masquer", {"reason": "Publicité pour un produit."})
    assert hidden.status_code == 302
    db.session.rollback()
    assert db.session.get(Event, event.id).hidden_at is not None
    told = db.session.execute(select(Notification.user_id).where(Notification.link == f"/agenda/{event.id}")
                              ).scalars().all()
    assert set(told) >= {world["member"].id, world["manager"].id}
    assert other_client.get(f"/agenda/{event.id}").status_code == 404
    assert "Soirée publicitaire" not in other_client.get("/agenda").get_data(as_text=True)
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)  # moderators still see it
    assert "Masqué par la modération" in page and "Rétablir" in page
    restored = submit(client, f"/moderation/evenement/{event.id}/retablir", {}, form_url=f"/agenda/{event.id}")
    assert restored.status_code == 302
    assert other_client.get(f"/agenda/{event.id}").status_code == 200
