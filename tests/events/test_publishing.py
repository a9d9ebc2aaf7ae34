"""Publishing, editing and cancelling events through the web pages; bad input is refused, nothing written."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select

from forum.core.dates import PARIS
from forum.events.models import Answer, Event, EventStatus, EventTiming
from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import form_fields, login, plain_spaces, submit
from tests.events.builders import answer, make_event, organiser_world, paris

FORM = {"title": "Atelier réparation de vélos", "kind": "atelier", "attendance_mode": "sur-place",
        "place_kind": "adresse", "address": "3 place du Marché, 23000 Guéret", "summary": "On répare ensemble.",
        "description": "Venez avec **votre vélo**.", "capacity": "12", "registration": "contact@exemple.fr",
        "is_free": "y"}


def _moment(days: int, hour: int) -> str:
    return paris(days, hour).strftime("%Y-%m-%dT%H:%M")


def _form(**changes) -> dict:
    return {**FORM, "start_1": _moment(7, 14), "end_1": _moment(7, 17), **changes}


def _count() -> int:
    db.session.rollback()
    return db.session.execute(select(func.count()).select_from(Event)).scalar_one()


def test_a_member_publishes_an_event_for_their_fabrique(client):
    world = organiser_world()
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _form())
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    event = db.session.execute(select(Event)).scalar_one()
    assert response.headers["Location"] == f"/agenda/{event.id}"
    assert event.fabrique_id == world["fabrique"].id and event.author_id == world["member"].id
    assert event.description_html.strip() == "<p>Venez avec <strong>votre vélo</strong>.</p>"
    assert event.uid.endswith("@forum-des-fabriques") and event.sequence == 0 and event.capacity == 12
    # Typed in Paris time, stored in UTC.
    assert event.starts_at.astimezone(PARIS).hour == 14 and event.starts_at.utcoffset().total_seconds() == 0
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert "Atelier réparation de vélos" in page and "Je viens" in page


def test_the_same_form_sent_twice_publishes_once(client):
    organiser_world()
    login(client, "membre@exemple.fr")
    data = _form()
    fields = form_fields(client, "/agenda/nouveau")
    first = client.post("/agenda/nouveau", data={**fields, **data})
    second = client.post("/agenda/nouveau", data={**fields, **data})
    assert first.status_code == 302 and second.status_code in (302, 303, 200, 409)
    assert _count() == 1


BAD_INPUT = [
    ({"end_1": _moment(7, 13)}, "La fin doit être après le début."),
    ({"capacity": "0"}, "La jauge doit être comprise entre 1 et"),
    ({"capacity": "1 000 000 000"}, "La jauge doit être comprise entre 1 et"),
    ({"start_1": "10000-01-01T14:00", "end_1": "10000-01-01T17:00"}, "année sur quatre chiffres"),
    ({"start_1": "9999-01-01T14:00", "end_1": "9999-01-01T17:00"}, "vérifiez l'année"),
    ({"title": "x" * 141}, "140"),
    ({"title": ""}, "Ce champ est obligatoire."),
    ({"title": "\u200b\u200b\u2060"}, "Le titre ne peut pas être vide."),
    ({"title": "Atelier\x00 nul", "description": "a\x00b"}, "caractère que le forum ne peut pas enregistrer"),
    ({"attendance_mode": "en-ligne", "online_url": "javascript:alert(1)"}, "doit être une adresse web"),
    ({"attendance_mode": "en-ligne", "online_url": ""}, "obligatoire pour un événement en ligne"),
    ({"place_kind": "salle-reservee", "loan_id": "1"}, "n'a pas de réservation"),
    ({"place_kind": "espace", "resource_id": "99999999999"}, "Choisissez une salle de votre fabrique"),
    ({"start_1": _moment(-3, 14), "end_1": _moment(-3, 17)}, "déjà passée"),
    ({"registration": "n'importe quoi"}, "un lien (https://…), une adresse e-mail"),
]


@pytest.mark.parametrize("changes,message", BAD_INPUT, ids=[str(i) for i in range(len(BAD_INPUT))])
def test_bad_input_is_refused_with_a_french_message_and_nothing_written(client, changes, message):
    organiser_world()
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _form(**changes))
    assert response.status_code == 400, response.status_code
    assert message in plain_spaces(response.get_data(as_text=True)).replace("&#39;", "'")
    assert _count() == 0


def test_another_fabriques_event_is_not_editable(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    login(client, "autre@exemple.fr")
    assert client.get(f"/agenda/{event.id}/modifier").status_code == 403
    assert submit(client, f"/agenda/{event.id}/annuler", {}, form_url=f"/agenda/{event.id}").status_code == 403
    assert client.get(f"/agenda/{event.id}/participants").status_code == 403
    assert client.get(f"/agenda/{event.id}/participants.csv").status_code == 403


def test_an_edit_bumps_version_and_sequence_and_a_stale_one_is_refused(client, other_client):
    world = organiser_world()
    event = make_event(world["member"], world["fabrique"])
    login(client, "membre@exemple.fr")
    login(other_client, "orga@exemple.fr")
    mine = form_fields(client, f"/agenda/{event.id}/modifier")
    theirs = form_fields(other_client, f"/agenda/{event.id}/modifier")
    first = other_client.post(f"/agenda/{event.id}/modifier", data={**theirs, **_form(title="Nouveau titre")})
    assert first.status_code == 302, plain_spaces(first.get_data(as_text=True))[-6000:]
    second = client.post(f"/agenda/{event.id}/modifier", data={**mine, **_form(title="Mon titre")})
    assert second.status_code == 409
    db.session.rollback()
    stored = db.session.get(Event, event.id)
    assert stored.title == "Nouveau titre" and stored.version == 2 and stored.sequence == 1
    assert stored.uid == event.uid


def test_cancelling_tells_the_attendees_and_answers_are_refused(client, other_client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    answer(world["outsider"], event.id, Answer.GOING)
    login(client, "orga@exemple.fr")
    response = submit(client, f"/agenda/{event.id}/annuler", {"reason": "Tempête annoncée."})
    assert response.status_code == 302
    db.session.rollback()
    stored = db.session.get(Event, event.id)
    assert stored.status is EventStatus.CANCELLED and stored.sequence == 1
    notice = db.session.execute(select(Notification).where(Notification.kind == "event.cancelled")).scalar_one()
    assert notice.user_id == world["outsider"].id
    login(other_client, "autre@exemple.fr")
    refused = submit(other_client, f"/agenda/{event.id}/reponse", {"answer": "not_going"},
                     form_url=f"/agenda/{event.id}")
    assert refused.status_code == 409
    assert "Cet événement est annulé\u00a0: on ne peut plus y répondre." in refused.get_data(as_text=True)


def test_several_timings_are_kept_in_order(client):
    organiser_world()
    login(client, "membre@exemple.fr")
    response = submit(client, "/agenda/nouveau", _form(start_2=_moment(3, 9), end_2=_moment(3, 12)))
    assert response.status_code == 302
    timings = db.session.execute(select(EventTiming).order_by(EventTiming.id)).scalars().all()
    assert len(timings) == 2
    event = db.session.execute(select(Event)).scalar_one()
    assert event.starts_at == min(timing.starts_at for timing in timings)
    assert event.ends_at == max(timing.ends_at for timing in timings)


def _png() -> bytes:
    from io import BytesIO

    from PIL import Image

    buffer = BytesIO()
    Image.new("RGB", (640, 480), (30, 110, 90)).save(buffer, "PNG")
    return buffer.getvalue()


def test_an_image_goes_through_the_photo_pipeline(client):
    from io import BytesIO

    organiser_world()
    login(client, "membre@exemple.fr")
    refused = submit(client, "/agenda/nouveau", {**_form(), "image": (BytesIO(b"not an image"), "photo.png")},
                     content_type="multipart/form-data")
    assert refused.status_code == 400 and "Ce fichier n'est pas une photo" in refused.get_data(as_text=True) \
        .replace("&#39;", "'")
    assert _count() == 0
    response = submit(client, "/agenda/nouveau", {**_form(), "image": (BytesIO(_png()), "photo.png")},
                      content_type="multipart/form-data")
    assert response.status_code == 302
    event = db.session.execute(select(Event)).scalar_one()
    assert event.image_filename and event.image_thumbnail
    with client.get(f"/agenda/images/{event.image_filename}") as served:
        assert served.status_code == 200 and served.mimetype == "image/webp" and served.data[:4] == b"RIFF"
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert f"/agenda/images/{event.image_filename}" in page
    assert client.get("/agenda/images/..%2Fsecret_key").status_code == 404
