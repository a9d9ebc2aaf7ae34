"""Pages run a bounded number of SQL queries, whatever the amount of content (no N+1)."""

import pytest

from forum.extensions import db
from forum.fabriques.models import Space
from tests.conftest import login, make_category, make_fabrique, make_member, make_reply, make_thread, make_user

MAX_QUERIES = 12


def _populate(size: int):
    """``size`` fabriques, members, threads and replies, spread over two categories."""
    categories = [make_category("Médiation numérique", 1), make_category("Culture", 2)]
    fabriques, authors = [], []
    for number in range(size):
        manager = make_user(f"m{number}@exemple.fr", f"Manager {number}")
        fabrique = make_fabrique(manager, f"Fabrique numéro {number}", modules=["fablab", "jardin", "coworking"])
        db.session.add(Space(fabrique_id=fabrique.id, name=f"Salle {number}", capacity=20))
        db.session.commit()
        fabriques.append(fabrique)
        authors += [manager, make_member(fabrique, f"u{number}@exemple.fr", f"Membre {number}")]
    threads = [make_thread(authors[n % len(authors)], categories[n % 2], title=f"Sujet numéro {n} du forum",
                           tags=["financement", f"mot{n}"]) for n in range(size)]
    for n in range(size * 2):
        make_reply(authors[(n * 3) % len(authors)], threads[0], f"Réponse {n}")
    return fabriques, threads


@pytest.mark.parametrize("size", [3, 12])
def test_pages_have_bounded_query_counts(client, app, count_queries, size):
    fabriques, threads = _populate(size)
    login(client, "u0@exemple.fr")
    from forum.threads.models import Bookmark
    from forum.accounts.models import User

    member = db.session.execute(db.select(User).where(User.email == "u0@exemple.fr")).scalar_one()
    db.session.add_all([Bookmark(user_id=member.id, thread_id=thread.id) for thread in threads])
    db.session.commit()
    for thread in threads:
        client.get(f"/sujets/{thread.id}")  # read: later replies make "nouveaux messages" marks
    make_reply(make_user("late@exemple.fr", "Arrivée Tardive"), threads[-1], "Une réponse de plus.")
    pages = ["/", "/forum/mediation-numerique", f"/sujets/{threads[0].id}", f"/fabriques/{fabriques[0].slug}",
             "/fabriques", f"/membres/{fabriques[0].id}", "/mots-cles/financement",
             "/sujets", "/sujets?filtre=sans-reponse", "/questions-sans-reponse", "/favoris", f"/membres/{member.id}",
             f"/sujets/{threads[-1].id}/non-lu"]
    for url in pages:
        with count_queries() as counter:
            assert client.get(url).status_code in (200, 302), url
        assert counter.count <= MAX_QUERIES, (url, counter.count, counter.statements)


def test_thread_page_query_count_does_not_grow_with_posts(client, app, count_queries):
    _, threads = _populate(3)
    with count_queries() as small:
        client.get(f"/sujets/{threads[1].id}")
    with count_queries() as full:
        client.get(f"/sujets/{threads[0].id}")  # 7 posts by several authors and fabriques
    assert full.count == small.count <= MAX_QUERIES


@pytest.mark.parametrize("size", [2, 8])
def test_catalogue_and_loan_pages_have_bounded_query_counts(client, app, count_queries, size):
    from forum.resources.models import ResourceKind
    from tests.resources.builders import day, make_loan, make_resource, two_fabriques
    from tests.resources.room_builders import book, next_weekday

    world = two_fabriques()
    resources = [make_resource(world["owner"], world["lender"], f"Objet numéro {n}",
                               kind=ResourceKind.SPACE if n % 3 == 0 else ResourceKind.EQUIPMENT)
                 for n in range(size)]
    # Rooms are booked by the hour (on weekdays, within the default rules), equipment by days.
    loans = [book(world["member"], resources[n % size], next_weekday(n % 5), f"{9 + n % 8}:00", f"{10 + n % 8}:00")
             if resources[n % size].kind is ResourceKind.SPACE
             else make_loan(world["member"], resources[n % size], day(n + 1), day(n + 2)) for n in range(size)]
    login(client, "owner@exemple.fr")
    room = resources[0]
    tuesday = next_weekday(1).isoformat()
    pages = ["/ressources", f"/ressources?type=equipement&du={day(1).isoformat()}&au={day(20).isoformat()}",
             f"/ressources/{resources[0].id}", "/prets", f"/prets/{loans[0].id}", "/notifications",
             "/fabriques/carte", f"/fabriques/{world['lender'].slug}", f"/ressources/{room.id}/creneaux",
             f"/ressources/{room.id}/regles", f"/salles?capacite=10&date={tuesday}&debut=14:00&fin=17:00",
             "/salles?region=75&accessibilite=plain&equipement=video"]
    for url in pages:
        with count_queries() as counter:
            assert client.get(url).status_code == 200, url
        assert counter.count <= MAX_QUERIES, (url, counter.count, counter.statements)


@pytest.mark.parametrize("size", [2, 8])
def test_practice_pages_have_bounded_query_counts(client, app, count_queries, size):
    from tests.practices.builders import make_practice

    categories = [make_category("Culture", 1), make_category("Formation", 2)]
    manager = make_user("m@exemple.fr", "Marc Noël")
    fabrique = make_fabrique(manager)
    authors = [make_member(fabrique, f"a{n}@exemple.fr", f"Auteur {n}") for n in range(size)]
    practices = [make_practice(author, [c.id for c in categories], title=f"Retour numéro {n} sur la culture")
                 for n, author in enumerate(authors)]
    login(client, "a0@exemple.fr")
    for url in ["/pratiques", "/pratiques?type=bonne-pratique&theme=culture", f"/pratiques/{practices[0].id}",
                f"/pratiques/{practices[0].id}/historique", "/", f"/fabriques/{fabrique.slug}"]:
        with count_queries() as counter:
            assert client.get(url).status_code == 200, url
        assert counter.count <= MAX_QUERIES, (url, counter.count, counter.statements)


@pytest.mark.parametrize("size", [2, 8])
def test_agenda_pages_have_bounded_query_counts(client, other_client, app, count_queries, size):
    from forum.events.checks import Timing
    from forum.events.models import Answer
    from tests.events.builders import answer, make_event, organiser_world, paris

    world = organiser_world()
    events = [make_event(world["manager"] if n % 2 else world["member"], world["fabrique"],
                         title=f"Événement numéro {n}", capacity=1,
                         timings=[Timing(paris(n + 1, 10), paris(n + 1, 12)), Timing(paris(n + 2, 10), paris(n + 2, 12))])
              for n in range(size)]
    others = [make_member(world["other"], f"p{n}@exemple.fr", f"Participant {n}") for n in range(size)]
    for person in others:
        answer(person, events[0].id, Answer.GOING)
    answer(world["outsider"], events[0].id, Answer.INTERESTED)
    login(client, "autre@exemple.fr")
    pages = ["/agenda", "/agenda?type=rencontre&departement=23&en_ligne=", f"/agenda/{events[0].id}",
             f"/agenda/mois?mois={paris(1, 10):%Y-%m}", "/agenda/carte", "/flux/agenda.atom",
             f"/fabriques/{world['fabrique'].slug}"]
    for url in pages:
        with count_queries() as counter:
            assert client.get(url).status_code == 200, url
        assert counter.count <= MAX_QUERIES, (url, counter.count, counter.statements)
    login(other_client, "orga@exemple.fr")
    for url in [f"/agenda/{events[0].id}/participants", f"/agenda/{events[0].id}/participants.csv",
                f"/agenda/{events[0].id}/modifier", "/agenda/nouveau"]:
        with count_queries() as counter:
            assert other_client.get(url).status_code == 200, url
        assert counter.count <= MAX_QUERIES, (url, counter.count, counter.statements)
