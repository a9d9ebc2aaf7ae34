"""The agenda in English: pages, messages, the news of a cancelled event in each attendee's
language, and the calendars (public feeds in French, a member's own feed in their language)."""

from __future__ import annotations

import re

import icalendar
from sqlalchemy import select

from forum.events.models import Answer
from forum.extensions import db
from forum.notifications.models import Notification
from tests.conftest import ENGLISH, login, main_text, page_text, plain_spaces, speak_english, submit
from tests.events.builders import answer, make_event, organiser_world, paris
FRENCH_WORDS = re.compile(r"\b(?:Agenda des fabriques|Rencontre|Sur place|Prévu|En pratique|Quand|Organisé par|"
                          r"Vous venez|Je viens|lundi|mardi|mercredi|jeudi|vendredi|samedi|dimanche|janvier|février|"
                          r"mars|avril|mai|juin|juillet|août|septembre|octobre|novembre|décembre)\b")
_ADDRESS = re.compile(r'value="https://localhost(/agenda/membre/[A-Za-z0-9_-]{43}\.ics)"')


def test_the_agenda_and_an_event_page_read_in_english(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], title="Vélo en fête")  # content keeps its language
    listing = client.get("/agenda", headers=ENGLISH)
    assert listing.status_code == 200 and "<h1>Fabriques’ events</h1>" in page_text(listing)
    main = main_text(listing)
    assert "Meet-up" in main and "In person" in main
    assert not FRENCH_WORDS.findall(main), FRENCH_WORDS.findall(main)
    page = client.get(f"/agenda/{event.id}", headers=ENGLISH)
    main = main_text(page)
    start = paris(10, 14)
    assert f"{start:%A} {start.day} {start:%B} {start.year}, 14:00 – 17:00" in main  # English words, 24-hour clock
    assert "When" in main and "Organised by" in main and "Add to my calendar" in main
    assert not FRENCH_WORDS.findall(main), FRENCH_WORDS.findall(main)
    month = client.get("/agenda/mois", headers=ENGLISH)
    assert month.status_code == 200 and not FRENCH_WORDS.findall(main_text(month))


def test_a_form_error_and_a_domain_error_in_english(client):
    organiser_world()
    login(client, "membre@exemple.fr")
    moment = paris(7, 14).strftime("%Y-%m-%dT%H:%M")
    form = {"title": "", "kind": "atelier", "attendance_mode": "sur-place", "place_kind": "adresse",
            "address": "3 place du Marché", "start_1": moment, "end_1": moment}
    empty = submit(client, "/agenda/nouveau", form, headers=ENGLISH)
    assert empty.status_code == 400 and "This field is required." in page_text(empty)
    backwards = submit(client, "/agenda/nouveau", {**form, "title": "Atelier vélo",
                                                     "end_1": paris(7, 13).strftime("%Y-%m-%dT%H:%M")},
                       headers=ENGLISH)
    assert backwards.status_code == 400 and "The end must be after the start." in page_text(backwards)


def test_a_cancelled_event_is_told_to_each_attendee_in_their_language(client, app):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], title="Atelier vélo")
    answer(world["member"], event.id, Answer.GOING)
    answer(world["outsider"], event.id, Answer.GOING)
    speak_english(world["outsider"])
    login(client, "orga@exemple.fr")
    response = submit(client, f"/agenda/{event.id}/annuler", {"reason": "La salle est inondée."})
    assert response.status_code == 302
    texts = {row.user_id: row.text for row in db.session.execute(select(Notification)).scalars()}
    assert texts[world["outsider"].id] == "The event “Atelier vélo” is cancelled."
    assert plain_spaces(texts[world["member"].id]) == "L'événement « Atelier vélo » est annulé."


def test_public_feeds_stay_french_and_a_members_feed_speaks_their_language(app, client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], title="Atelier vélo")
    answer(world["outsider"], event.id, Answer.INTERESTED)
    public = app.test_client().get(f"/fabriques/{world['fabrique'].slug}/agenda.ics", headers=ENGLISH)
    calendar = icalendar.Calendar.from_ical(public.get_data())
    assert str(calendar["X-WR-CALNAME"]) == "Agenda de La Fabrique des Possibles"
    assert [str(component["CATEGORIES"].cats[0]) for component in calendar.walk("VEVENT")] == ["Rencontre"]
    speak_english(world["outsider"])
    login(client, "autre@exemple.fr")
    page = submit(client, "/profil/mon-agenda")
    path = _ADDRESS.search(page.get_data(as_text=True)).group(1)
    own = icalendar.Calendar.from_ical(app.test_client().get(path).get_data())  # a calendar app: no cookie
    assert str(own["X-WR-CALNAME"]) == "My calendar — Forum des Fabriques"
    [component] = own.walk("VEVENT")
    assert str(component["SUMMARY"]) == "Atelier vélo (interested)"
    assert str(component["CATEGORIES"].cats[0]) == "Meet-up"
