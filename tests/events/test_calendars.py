"""Calendars to subscribe to: every feed is parsed back with icalendar and checked (zones, UIDs,
SEQUENCE, statuses, what each feed may show), and the member's secret address is made, replaced
and refused as it should."""

from __future__ import annotations

import html
import re
from datetime import date, datetime, timedelta, timezone

import icalendar
from sqlalchemy import select

from forum.core.dates import PARIS, today_in_france
from forum.core.models import utcnow
from forum.events import services
from forum.events.calendar_tokens import CalendarToken
from forum.events.checks import Timing
from forum.events.models import Answer, Event, EventTiming
from forum.extensions import db
from forum.moderation import services as moderation
from forum.moderation.models import TargetType
from forum.resources import services as loans
from forum.resources.loans import Action
from forum.resources.models import Loan, ResourceKind
from tests.conftest import PASSWORD, commit_work, form_fields, hidden_fields, login, make_fabrique, make_member, make_user, plain_spaces, submit, writing
from tests.events.builders import answer, event_input, make_event, organiser_world, paris
from tests.resources.builders import day, make_loan, make_resource
from tests.resources.room_builders import book, next_weekday, room_world

ICS = "text/calendar; charset=utf-8"


def feed(client, url: str) -> tuple[icalendar.Calendar, str]:
    """The calendar at ``url``, parsed back (and its text): it must be a well-formed VCALENDAR."""
    response = client.get(url)
    assert response.status_code == 200, (url, response.status_code)
    assert response.headers["Content-Type"] == ICS
    assert re.fullmatch(r'attachment; filename="[a-z0-9-]+\.ics"', response.headers["Content-Disposition"])
    text = response.get_data(as_text=True)
    calendar = icalendar.Calendar.from_ical(text)
    assert calendar["VERSION"] == "2.0" and calendar["PRODID"]
    for component in calendar.walk("VEVENT"):
        assert component["UID"] and component["DTSTAMP"] and component["DTSTART"] and component["DTEND"]
    return calendar, text


def page_text(response) -> str:
    return plain_spaces(html.unescape(response.get_data(as_text=True)))


def vevents(calendar: icalendar.Calendar) -> list[icalendar.Event]:
    return sorted(calendar.walk("VEVENT"), key=lambda component: (component.start.isoformat(), str(component["UID"])))


def by_summary(calendar: icalendar.Calendar) -> dict[str, icalendar.Event]:
    return {str(component["SUMMARY"]): component for component in calendar.walk("VEVENT")}


def stored(event_id: int) -> Event:
    db.session.rollback()
    return services.get_event(event_id)


def edit(actor, event_id: int, **fields) -> None:
    with writing():
        services.update_event(actor, services.get_event(event_id), event_input(**fields), utcnow())
        commit_work()


def test_one_event_as_ics_in_paris_time_with_its_timezone(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], summary="Une après-midi, des fabriques ; et vous ?")
    calendar, text = feed(client, f"/agenda/{event.id}/agenda.ics")
    [component] = vevents(calendar)
    event = stored(event.id)
    assert component["UID"] == event.uid and component["SEQUENCE"] == 0
    assert component["DTSTART"].params["TZID"] == "Europe/Paris" and component["DTEND"].params["TZID"] == "Europe/Paris"
    assert component.start == event.starts_at and component.end == event.ends_at
    assert (component.start.astimezone(PARIS).hour, component.end.astimezone(PARIS).hour) == (14, 17)
    assert "DTSTART;TZID=Europe/Paris:" + paris(10, 14).strftime("%Y%m%dT%H%M%S") in text
    assert [zone["TZID"] for zone in calendar.walk("VTIMEZONE")] == ["Europe/Paris"]
    assert component["SUMMARY"] == "Rencontre régionale des médiateurs"
    assert component["STATUS"] == "CONFIRMED"
    assert component["LOCATION"] == "12 rue des Tilleuls, 23000 Guéret"
    assert component["URL"] == f"https://localhost/agenda/{event.id}"
    assert plain_spaces(component["DESCRIPTION"]).startswith("Une après-midi, des fabriques ; et vous ?\n\nOrganisé par")
    assert component["DESCRIPTION"].endswith(f"https://localhost/agenda/{event.id}")
    assert component.decoded("DTSTAMP") == event.updated_at.replace(microsecond=0)
    page = client.get(f"/agenda/{event.id}").get_data(as_text=True)
    assert f'href="/agenda/{event.id}/agenda.ics"' in page and "Ajouter à mon agenda" in page


def test_an_edit_keeps_the_uids_and_bumps_the_sequence(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], timings=[
        Timing(paris(10, 14), paris(10, 17)), Timing(paris(17, 9), paris(17, 12))])
    before = vevents(feed(client, f"/agenda/{event.id}/agenda.ics")[0])
    uid = stored(event.id).uid
    assert [component["UID"] for component in before] == [uid, uid.replace("@", "-2@")]
    edit(world["manager"], event.id, title="Rencontre régionale (nouvel horaire)", timings=[
        Timing(paris(10, 15), paris(10, 18)), Timing(paris(17, 9), paris(17, 12))])
    after = vevents(feed(client, f"/agenda/{event.id}/agenda.ics")[0])
    assert [component["UID"] for component in after] == [uid, uid.replace("@", "-2@")]
    assert [component["SEQUENCE"] for component in after] == [1, 1]
    assert after[0].start.astimezone(PARIS).hour == 15 and after[0]["SUMMARY"] == "Rencontre régionale (nouvel horaire)"


def elapsed(component) -> timedelta:
    """The real length of a timed VEVENT (aware datetimes of one zone subtract as wall clocks)."""
    return component.end.astimezone(timezone.utc) - component.start.astimezone(timezone.utc)


def next_dst_change(today: date) -> date:
    """The next last Sunday of March or October, at least three days ahead."""
    sundays = []
    for year in (today.year, today.year + 1):
        for month in (3, 10):
            last = date(year, month, 31)
            sundays.append(last - timedelta(days=(last.weekday() - 6) % 7))
    return min(sunday for sunday in sundays if sunday > today + timedelta(days=2))


def test_local_times_across_a_daylight_saving_change(client):
    world = organiser_world()
    sunday = next_dst_change(today_in_france())
    saturday, monday = sunday - timedelta(days=1), sunday + timedelta(days=1)
    at = lambda day_, hour: datetime(day_.year, day_.month, day_.day, hour)  # noqa: E731 - Paris wall clock
    event = make_event(world["manager"], world["fabrique"], timings=[
        Timing(at(saturday, 14), at(saturday, 17)), Timing(at(saturday, 22), at(sunday, 4)),
        Timing(at(monday, 14), at(monday, 17))])
    calendar, _ = feed(client, f"/fabriques/{world['fabrique'].slug}/agenda.ics")
    before, night, after = vevents(calendar)
    # Both afternoons read 14:00–17:00 in Paris, on either side of the change (offsets one hour apart).
    for component in (before, after):
        assert component["DTSTART"].params["TZID"] == "Europe/Paris"
        assert (component.start.astimezone(PARIS).hour, component.end.astimezone(PARIS).hour) == (14, 17)
        assert elapsed(component) == timedelta(hours=3)
    assert abs(after.start.utcoffset() - before.start.utcoffset()) == timedelta(hours=1)
    # The night across the change lasts 7 hours in October (clocks go back), 5 in March.
    assert elapsed(night) == timedelta(hours=7 if sunday.month == 10 else 5)
    db.session.rollback()
    stored_timings = db.session.execute(select(EventTiming).where(EventTiming.event_id == event.id)
                                        .order_by(EventTiming.starts_at)).scalars().all()
    assert [(component.start, component.end) for component in (before, night, after)] == [
        (timing.starts_at, timing.ends_at) for timing in stored_timings]
    # An app without a zone database reads the VTIMEZONE sent with the feed: the same instants.
    [vtimezone] = calendar.walk("VTIMEZONE")
    zone = vtimezone.to_tz()
    for component, timing in zip((before, night, after), stored_timings):
        local = component.start.replace(tzinfo=None)
        assert local.replace(tzinfo=zone).astimezone(timezone.utc) == timing.starts_at


def test_a_cancelled_event_stays_in_the_feeds_as_cancelled_and_a_postponed_one_is_tentative(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    postponed = make_event(world["manager"], world["fabrique"], title="Atelier reporté")
    edit(world["manager"], postponed.id, title="Atelier reporté", status="reporte")
    with writing():
        services.cancel_event(world["manager"], services.get_event(event.id), utcnow(), reason="Salle inondée.")
        commit_work()
    for url in (f"/agenda/{event.id}/agenda.ics", f"/fabriques/{world['fabrique'].slug}/agenda.ics", "/agenda/75.ics"):
        components = by_summary(feed(client, url)[0])
        cancelled = components["Rencontre régionale des médiateurs"]
        assert cancelled["STATUS"] == "CANCELLED" and cancelled["SEQUENCE"] == 1
        assert cancelled["UID"] == stored(event.id).uid
        if "Atelier reporté" in components:
            assert components["Atelier reporté"]["STATUS"] == "TENTATIVE"


def test_the_fabrique_feed_shows_its_rooms_bookings_as_busy_and_nothing_private(client):
    world = room_world()
    tuesday = next_weekday(1)
    confirmed = book(world["member"], world["room"], tuesday, "14:00", "17:00", message="Réunion secrète du bureau")
    book(world["member"], world["room"], tuesday, "9:00", "11:00", message="Encore en attente")
    with writing():
        loans.act_on_loan(world["owner"], loans.get_loan(confirmed.id), Action.ACCEPT)
        commit_work()
    calendar, text = feed(client, f"/fabriques/{world['lender'].slug}/agenda.ics")
    [busy] = vevents(calendar)  # the pending request is not there
    assert busy["SUMMARY"] == "Occupé" and busy["TRANSP"] == "OPAQUE" and busy["STATUS"] == "CONFIRMED"
    assert busy["LOCATION"] == "Salle du Lavoir, La Fabrique Prêteuse"
    assert busy.start.astimezone(PARIS).replace(tzinfo=None) == datetime.combine(tuesday, datetime.min.time()) \
        + timedelta(hours=14)
    assert elapsed(busy) == timedelta(hours=3)
    for private in ("Atelier Emprunteur", "Mina", "secrète", "Encore en attente", "/prets/"):
        assert private not in text
    # The borrower's own public feed does not show the room it booked elsewhere.
    assert vevents(feed(client, f"/fabriques/{world['borrower_fabrique'].slug}/agenda.ics")[0]) == []
    assert client.get("/fabriques/inconnue/agenda.ics").status_code == 404


def test_a_region_feed_holds_its_fabriques_events_only(client):
    world = organiser_world()  # « La Fabrique des Possibles » in the Creuse (75), « L'Atelier Voisin » in 93 (11)
    make_event(world["manager"], world["fabrique"], title="Rencontre en Creuse")
    make_event(world["other_manager"], world["other"], title="Webinaire francilien", attendance_mode="en-ligne",
               place_kind="aucun", address="", online_url="https://visio.exemple.fr/salle")
    assert set(by_summary(feed(client, "/agenda/75.ics")[0])) == {"Rencontre en Creuse"}
    [online] = vevents(feed(client, "/agenda/11.ics")[0])
    assert online["SUMMARY"] == "Webinaire francilien" and online["LOCATION"] == "En ligne"
    assert "https://visio.exemple.fr/salle" in online["DESCRIPTION"]
    assert vevents(feed(client, "/agenda/53.ics")[0]) == []
    fabrique_page = client.get(f"/fabriques/{world['fabrique'].slug}").get_data(as_text=True)
    assert f'href="/fabriques/{world["fabrique"].slug}/agenda.ics"' in fabrique_page
    listing = client.get("/agenda?region=75").get_data(as_text=True)
    assert 'href="/agenda/75.ics"' in listing and 'href="/agenda/75.ics"' not in client.get("/agenda").get_data(
        as_text=True)
    unknown = client.get("/agenda/99.ics")
    assert unknown.status_code == 404 and "Cette région n'existe pas" in page_text(unknown)


def test_hidden_events_are_in_no_feed(client, other_client):
    world = organiser_world()
    hidden = make_event(world["manager"], world["fabrique"], title="Soirée publicitaire")
    make_event(world["manager"], world["fabrique"], title="Atelier visible")
    answer(world["outsider"], hidden.id, Answer.GOING)
    moderator = make_user("modo@exemple.fr", "Modeste Modératrice", role="moderator")
    with writing():
        moderation.hide(moderator, TargetType.EVENT, services.get_event(hidden.id), "Publicité.")
        commit_work()
    login(other_client, "autre@exemple.fr")
    member_url = _new_address(other_client)
    for url in (f"/fabriques/{world['fabrique'].slug}/agenda.ics", "/agenda/75.ics"):
        assert set(by_summary(feed(client, url)[0])) == {"Atelier visible"}
    assert vevents(feed(client, member_url)[0]) == []
    assert client.get(f"/agenda/{hidden.id}/agenda.ics").status_code == 404
    assert other_client.get(f"/agenda/{hidden.id}/agenda.ics").status_code == 404
    login(client, "orga@exemple.fr")  # its organisers still see it, as its page
    assert client.get(f"/agenda/{hidden.id}/agenda.ics").status_code == 200


_ADDRESS = re.compile(r'value="(https://localhost(/agenda/membre/[A-Za-z0-9_-]{43}\.ics))"')


def _new_address(client) -> str:
    """Press « Générer une nouvelle adresse » (with the page's CSRF token): the path of the new feed."""
    response = submit(client, "/profil/mon-agenda")
    assert response.status_code == 200
    assert response.headers["Cache-Control"] == "no-store"
    match = _ADDRESS.search(response.get_data(as_text=True))
    assert match, response.get_data(as_text=True)[:3000]
    return match.group(2)


def test_the_member_feed_holds_their_answers_and_their_fabriques_loans(app, client, other_client):
    world = room_world()
    organiser = world["borrower_manager"]
    going = make_event(organiser, world["borrower_fabrique"], title="Je viens")
    interested = make_event(organiser, world["borrower_fabrique"], title="Peut-être")
    declined = make_event(organiser, world["borrower_fabrique"], title="Sans moi")
    make_event(organiser, world["borrower_fabrique"], title="Pas de réponse")
    answer(world["member"], going.id, Answer.GOING)
    answer(world["member"], interested.id, Answer.INTERESTED)
    answer(world["member"], declined.id, Answer.NOT_GOING)
    drill = make_loan(world["member"], world["resource"], day(3), day(5), message="Pour le chantier")
    room = book(world["member"], world["room"], next_weekday(2), "14:00", "16:00")
    third = make_fabrique(make_user("tiers@exemple.fr", "Théo Tiers"), "Le Tiers-Lieu d'à côté", "53", "rural")
    stranger = make_member(third, "etranger@exemple.fr", "Étienne Étranger")
    make_loan(stranger, world["resource"], day(8), day(9), message="Prêt d'une autre fabrique")
    login(client, "member@exemple.fr")
    url = _new_address(client)
    calendar, text = feed(app.test_client(), url)  # a calendar app: no cookie
    components = by_summary(calendar)
    assert set(components) == {"Je viens", "Peut-être (intéressé·e)",
                               "Emprunt\u00a0: Découpeuse laser 60 W (La Fabrique Prêteuse)",
                               "Réservation\u00a0: Salle du Lavoir (La Fabrique Prêteuse)"}
    assert components["Je viens"]["STATUS"] == "CONFIRMED"
    assert components["Peut-être (intéressé·e)"]["STATUS"] == "TENTATIVE"
    assert components["Peut-être (intéressé·e)"]["UID"] == stored(interested.id).uid
    day_loan = components["Emprunt\u00a0: Découpeuse laser 60 W (La Fabrique Prêteuse)"]
    assert day_loan.decoded("DTSTART") == day(3) and day_loan.decoded("DTEND") == day(6)  # the 5th included
    assert day_loan["DTSTART"].params["VALUE"] == "DATE" and day_loan["STATUS"] == "TENTATIVE"
    assert day_loan["URL"] == f"https://localhost/prets/{drill.id}"
    booking = components["Réservation\u00a0: Salle du Lavoir (La Fabrique Prêteuse)"]
    assert booking["DTSTART"].params["TZID"] == "Europe/Paris"
    assert (booking.start, booking.end) == (db.session.get(Loan, room.id).starts_at, db.session.get(Loan, room.id).ends_at)
    assert "Tiers-Lieu" not in text and "Pour le chantier" not in text
    # The lending fabrique's manager reads the same loans from the other side.
    login(other_client, "owner@exemple.fr")
    lender_view = by_summary(feed(app.test_client(), _new_address(other_client))[0])
    assert set(lender_view) == {"Prêt\u00a0: Découpeuse laser 60 W à L'Atelier Emprunteur",
                                "Salle du Lavoir réservée par L'Atelier Emprunteur",
                                "Prêt\u00a0: Découpeuse laser 60 W à Le Tiers-Lieu d'à côté"}
    assert lender_view["Salle du Lavoir réservée par L'Atelier Emprunteur"]["STATUS"] == "TENTATIVE"


def test_a_place_on_the_waiting_list_is_tentative_and_an_own_room_is_located(app, client):
    world = organiser_world()
    room = make_resource(world["manager"], world["fabrique"], "Salle des Tisserands", ResourceKind.SPACE)
    event = make_event(world["manager"], world["fabrique"], title="Atelier complet", capacity=1,
                       place_kind="espace", resource_id=room.id, address="")
    answer(world["outsider"], event.id, Answer.GOING)
    answer(world["member"], event.id, Answer.GOING)  # the place is taken: on the waiting list
    login(client, "membre@exemple.fr")
    [component] = vevents(feed(app.test_client(), _new_address(client))[0])
    assert component["SUMMARY"] == "Atelier complet (liste d’attente)" and component["STATUS"] == "TENTATIVE"
    assert component["LOCATION"].startswith("Salle des Tisserands, La Fabrique des Possibles")


def test_the_private_feed_is_never_cached_and_needs_no_cookie(app, client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"])
    answer(world["member"], event.id, Answer.GOING)
    login(client, "membre@exemple.fr")
    url = _new_address(client)
    calendar_app = app.test_client()
    for _ in range(2):
        response = calendar_app.get(url)
        assert response.status_code == 200
        assert response.headers["Cache-Control"] == "private, no-store"
        assert "X-Page-Cache" not in response.headers and "Set-Cookie" not in response.headers
        assert "ETag" not in response.headers
    # The public feeds are cached as the Atom feeds are, and answer 304 to a poller.
    public = calendar_app.get(f"/fabriques/{world['fabrique'].slug}/agenda.ics")
    assert public.headers["Cache-Control"] == "public, max-age=300"
    again = calendar_app.get(f"/fabriques/{world['fabrique'].slug}/agenda.ics")
    assert again.headers["X-Page-Cache"] == "hit" and again.data == public.data
    assert calendar_app.get(f"/fabriques/{world['fabrique'].slug}/agenda.ics",
                            headers={"If-None-Match": public.headers["ETag"]}).status_code == 304


def test_a_new_address_replaces_the_old_one_and_only_its_hash_is_kept(app, client):
    organiser_world()
    login(client, "membre@exemple.fr")
    page = client.get("/profil/mon-agenda").get_data(as_text=True)
    assert "Vous n’avez pas encore d’adresse d’agenda." in page and "Créer mon adresse d’agenda" in page
    first = _new_address(client)
    second = _new_address(client)
    assert first != second
    calendar_app = app.test_client()
    assert calendar_app.get(first).status_code == 404
    assert calendar_app.get(second).status_code == 200
    token = second.removeprefix("/agenda/membre/").removesuffix(".ics")
    rows = db.session.execute(select(CalendarToken)).scalars().all()
    assert len(rows) == 1 and token not in rows[0].token_hash and len(rows[0].token_hash) == 64
    again = client.get("/profil/mon-agenda").get_data(as_text=True)
    assert token not in again and "Générer une nouvelle adresse" in again and "active depuis le" in again
    profile = client.get("/profil").get_data(as_text=True)
    assert 'href="/profil/mon-agenda"' in profile


def test_the_regenerate_button_needs_its_csrf_token_and_a_member(app, client):
    organiser_world()
    assert client.post("/profil/mon-agenda").status_code in (302, 400)
    login(client, "membre@exemple.fr")
    refused = client.post("/profil/mon-agenda", data={"csrf_token": "faux"})
    assert refused.status_code == 400
    assert client.post("/profil/mon-agenda").status_code == 400
    db.session.rollback()
    assert db.session.execute(select(CalendarToken)).first() is None
    anonymous = app.test_client().get("/profil/mon-agenda")
    assert anonymous.status_code == 302 and "/connexion" in anonymous.headers["Location"]


def test_unknown_or_malformed_addresses_are_404(app, client):
    organiser_world()
    login(client, "membre@exemple.fr")
    _new_address(client)
    calendar_app = app.test_client()
    for path in ("/agenda/membre/" + "A" * 43 + ".ics", "/agenda/membre/x.ics", "/agenda/membre/" + "b" * 500 + ".ics"):
        response = calendar_app.get(path)
        assert response.status_code == 404, path
        assert "Cette adresse d'agenda n'existe pas ou plus" in page_text(response)
    assert calendar_app.get("/agenda/membre/%00.ics").status_code in (400, 404)  # refused before the view


def test_a_deleted_account_has_no_feed(app, client):
    organiser_world()
    login(client, "membre@exemple.fr")
    url = _new_address(client)
    deleted = submit(client, "/profil/supprimer-mon-compte", {"password": PASSWORD})
    assert deleted.status_code == 302
    assert app.test_client().get(url).status_code == 404


def test_feeds_run_a_bounded_number_of_queries(app, client, count_queries):
    from tests.test_query_counts import MAX_QUERIES

    counts = []
    world = room_world()
    for size in (1, 4):
        for number in range(size):
            event = make_event(world["borrower_manager"], world["borrower_fabrique"], title=f"Événement {size}-{number}",
                               timings=[Timing(paris(number + 2, 10), paris(number + 2, 12)),
                                        Timing(paris(number + 9, 10), paris(number + 9, 12))])
            answer(world["member"], event.id, Answer.GOING if number % 2 else Answer.INTERESTED)
            make_loan(world["member"], world["resource"], day(20 + 3 * (size * 5 + number)),
                      day(21 + 3 * (size * 5 + number)))
        if size == 1:
            login(client, "member@exemple.fr")
        url = _new_address(client)
        calendar_app = app.test_client()
        event_id = db.session.execute(select(Event.id).order_by(Event.id.desc())).scalars().first()
        urls = [url, f"/fabriques/{world['borrower_fabrique'].slug}/agenda.ics", "/agenda/11.ics",
                f"/fabriques/{world['lender'].slug}/agenda.ics", f"/agenda/{event_id}/agenda.ics"]
        round_counts = []
        for feed_url in urls:
            with count_queries() as counter:
                assert calendar_app.get(feed_url).status_code == 200, feed_url
            assert counter.count <= MAX_QUERIES, (feed_url, counter.count, counter.statements)
            round_counts.append(counter.count)
        counts.append(round_counts)
    assert counts[0] == counts[1]  # no query per event, timing or loan


def test_a_page_opened_before_another_new_address_is_refused(app, client, other_client):
    """Two tabs: the second « Générer une nouvelle adresse » would kill the address the first just showed."""
    organiser_world()
    login(client, "membre@exemple.fr")
    login(other_client, "membre@exemple.fr")
    stale_form = form_fields(other_client, "/profil/mon-agenda")
    url = _new_address(client)
    refused = other_client.post("/profil/mon-agenda", data=stale_form)
    assert refused.status_code == 409
    assert "Une nouvelle adresse d'agenda vient d'être générée" in page_text(refused)
    assert app.test_client().get(url).status_code == 200  # the address shown in the first tab still works
    # The refusal is « Mon agenda » again, whose button now replaces the current address.
    again = other_client.post("/profil/mon-agenda", data=hidden_fields(
        refused.get_data(as_text=True), "/profil/mon-agenda", "/profil/mon-agenda"))
    assert again.status_code == 200 and _ADDRESS.search(again.get_data(as_text=True))
    assert app.test_client().get(url).status_code == 404


def test_no_text_of_an_event_can_add_lines_to_a_feed(client):
    world = organiser_world()
    event = make_event(world["manager"], world["fabrique"], title="Atelier; DTSTART:19700101, « test »",
                       summary="", description="Premier paragraphe.\n\nEND:VEVENT\nBEGIN:VEVENT\nUID:pirate\n",
                       address="1 rue du Port\\; LOCATION:ailleurs")
    calendar, text = feed(client, f"/agenda/{event.id}/agenda.ics")
    [component] = calendar.walk("VEVENT")
    assert "UID:pirate" not in text.replace("\r\n ", "").splitlines()
    assert component["UID"] == stored(event.id).uid
    assert "END:VEVENT" in component["DESCRIPTION"] and "UID:pirate" in component["DESCRIPTION"]
    assert plain_spaces(component["SUMMARY"]).startswith("Atelier; DTSTART:19700101")
    # On the wire, the backslash and the semicolon are both escaped (RFC 5545, 3.3.11): what apps read.
    # (icalendar 6.3's own parser reads an escaped backslash then an escaped semicolon back as a bare
    # semicolon, hence the check on the text.)
    assert "\r\nLOCATION:1 rue du Port\\\\\\; LOCATION:ailleurs\r\n" in text
    assert component["LOCATION"].startswith("1 rue du Port") and "LOCATION" not in component["SUMMARY"]
