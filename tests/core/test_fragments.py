"""Fragments shared between members (forum.core.fragments): every viewer sees exactly the page
that a render of their own would give, whoever warmed the cache before them, and a change shows
at once."""

from __future__ import annotations

import re

import pytest
from sqlalchemy import select, update

from forum import create_app
from forum.accounts.models import Role, User
from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.practices import services as practice_services
from forum.resources import services as resource_services
from forum.resources.models import ResourceKind
from forum.threads import community, watching
from forum.threads.models import Category, Post, Thread
from tests.conftest import HttpsClient, commit_work, login, make_category, make_fabrique, make_reply, make_thread, \
    make_user
from tests.practices.builders import make_practice
from tests.resources.builders import day, make_loan, make_resource, two_fabriques

# A plain reader, and beside them viewers who differ from them in one thing each: Olga thanked the
# answer, kept the question and wrote a reply; Fanny thanked it too, and did nothing else; the others are a moderator, an administrator, a
# newcomer whose address is not confirmed, a suspended member, the manager of a fabrique (the nav
# links to it and to the loans); Anne asked (she may choose the solution, and has unread
# notifications), Henri answered.
VIEWERS = ("reader@exemple.fr", "anonyme", "asker@exemple.fr", "helper@exemple.fr", "other@exemple.fr",
           "fan@exemple.fr", "modo@exemple.fr", "admin@exemple.fr", "newcomer@exemple.fr", "suspended@exemple.fr",
           "manager@exemple.fr")
# What differs from one response to the next whoever reads: the tokens of the forms.
_TOKENS = re.compile(r'(name="(?:csrf_token|submission)"[^>]*value=")[^"]*"')
_SPACES = re.compile(r"\s+")


def _comparable(html: str) -> str:
    return _SPACES.sub(" ", _TOKENS.sub(r'\1"', html))


@pytest.fixture
def thread(app):
    asker = make_user("asker@exemple.fr", "Anne Demande")
    helper = make_user("helper@exemple.fr", "Henri Aide")
    other = make_user("other@exemple.fr", "Olga Autre")
    make_user("reader@exemple.fr", "Rémi Lecteur")
    fan = make_user("fan@exemple.fr", "Fanny Fidèle")
    make_user("modo@exemple.fr", "Marc Modo", role=Role.MODERATOR)
    make_user("admin@exemple.fr", "Ada Admin", role=Role.ADMIN)
    make_fabrique(make_user("manager@exemple.fr", "Maud Gère"))
    make_user("newcomer@exemple.fr", "Nina Nouvelle", confirmed=False)
    suspended = make_user("suspended@exemple.fr", "Sam Suspendu")
    category = make_category()
    thread = make_thread(asker, category, is_question=True)
    answer = make_reply(helper, thread, "Une SCIC, avec la commune au capital.")
    hidden = make_reply(helper, thread, "Un message que la modération a masqué.")
    make_reply(other, thread, "Nous aussi, je confirme.")
    with write_intent():
        community.like(other, db.session.get(Post, answer.id))
        community.like(fan, db.session.get(Post, answer.id))
        community.bookmark(helper, post=db.session.get(Post, answer.id))
        question = db.session.scalars(select(Post).where(Post.thread_id == thread.id, Post.position == 1)).one()
        community.bookmark(other, post=question)
        db.session.execute(update(Post).where(Post.id == hidden.id).values(hidden_at=utcnow(),
                                                                           hidden_reason="Hors sujet"))
        db.session.execute(update(User).where(User.id == suspended.id).values(suspended_at=utcnow()))
        commit_work()
    return thread


@pytest.fixture
def uncached(app):
    """The same database, without fragments: each page rendered for its viewer alone."""
    other = create_app({**app.config, "FRAGMENT_CACHE_ENABLED": False})
    other.test_client_class = HttpsClient
    yield other
    with other.app_context():
        db.session.remove()
        db.engine.dispose()


def _clients(app, viewers=VIEWERS) -> dict[str, HttpsClient]:
    clients = {}
    for viewer in viewers:
        client = app.test_client()
        if viewer != "anonyme":
            login(client, viewer)
            client.get("/")  # shows, and so ends, the "Bonjour" of the login
        clients[viewer] = client
    return clients


def _uncached_pages(uncached, viewers, urls) -> dict[tuple[str, str], tuple[int, str]]:
    """{(viewer, url): (status, page)} as an app without fragments renders them for each viewer."""
    with uncached.app_context():
        clients = _clients(uncached, viewers)
        return {(viewer, url): (response.status_code, _comparable(response.get_data(as_text=True)))
                for viewer in viewers for url in urls for response in [clients[viewer].get(url)]}


def _assert_each_viewer_reads_their_own(app, expected, viewers, urls, both_orders: bool = True) -> None:
    """With fragments, each viewer gets the page of ``expected``: every viewer reads every page, in
    one order of viewers then the other (or, without ``both_orders``, each page read by every viewer
    in turn)."""
    clients = _clients(app, viewers)
    visits = ([(viewer, url) for viewer in (*viewers, *reversed(viewers)) for url in urls] if both_orders
              else [(viewer, url) for url in urls for viewer in viewers])
    for viewer, url in visits:
        response = clients[viewer].get(url)
        status, page = expected[(viewer, url)]
        got = _comparable(response.get_data(as_text=True))
        assert (response.status_code, got) == (status, page), (viewer, url, _first_difference(page, got))


def _first_difference(expected: str, got: str) -> str:
    """Where two pages first differ, with some text around (for an assertion's message)."""
    at = next((i for i, (a, b) in enumerate(zip(expected, got)) if a != b), min(len(expected), len(got)))
    return f"expected …{expected[max(at - 150, 0):at + 150]}… got …{got[max(at - 150, 0):at + 150]}…"


def test_every_viewer_reads_the_page_a_render_of_their_own_gives(app, thread, uncached):
    url = f"/sujets/{thread.id}"
    with uncached.app_context():
        expected = {viewer: _comparable(client.get(url).get_data(as_text=True))
                    for viewer, client in _clients(uncached).items()}
    assert len(set(expected.values())) == len(VIEWERS)  # each viewer's page differs from the others'

    clients = _clients(app)
    # In one order, then the other: whoever warmed a fragment, the next viewer gets their own page.
    for viewer in (*VIEWERS, *reversed(VIEWERS)):
        response = clients[viewer].get(url)
        assert response.status_code == 200
        assert _comparable(response.get_data(as_text=True)) == expected[viewer], viewer

    # Tokens are each member's own, not the placeholder nor another member's.
    pages = {viewer: clients[viewer].get(url).get_data(as_text=True) for viewer in VIEWERS if viewer != "anonyme"}
    tokens = {viewer: set(re.findall(r'name="csrf_token" value="([^"]+)"', page)) for viewer, page in pages.items()}
    assert all(len(found) == 1 for found in tokens.values()), tokens
    assert len({found.pop() for found in tokens.values()}) == len(tokens)
    assert not any("csrf-" in token for found in tokens.values() for token in found)


def test_the_later_pages_of_a_thread_show_each_viewer_their_own(app, thread, uncached):
    """Two posts a page: the pager, the note of the solution on page 2, its addresses with the slug."""
    for each in (app, uncached):
        each.config["POSTS_PER_PAGE"] = 2
    asker = db.session.scalars(select(User).where(User.email == "asker@exemple.fr")).one()
    answer = db.session.scalars(select(Post).where(Post.thread_id == thread.id, Post.position == 2)).one()
    with write_intent():
        community.mark_solution(asker, db.session.get(Thread, thread.id), answer)
        commit_work()
    slug = db.session.get(Thread, thread.id).slug
    urls = (f"/sujets/{thread.id}", f"/sujets/{thread.id}?page=2", f"/sujets/{thread.id}/{slug}?page=2")
    viewers = ("reader@exemple.fr", "anonyme", "asker@exemple.fr", "other@exemple.fr", "modo@exemple.fr")
    expected = _uncached_pages(uncached, viewers, urls)
    later = expected[("reader@exemple.fr", urls[1])][1]
    assert "Cette question a une solution" in later and 'rel="prev"' in later
    assert f'href="/sujets/{thread.id}/{slug}"' in expected[("reader@exemple.fr", urls[2])][1]
    _assert_each_viewer_reads_their_own(app, expected, viewers, urls)


def test_a_thanks_shows_at_once_to_its_giver_and_to_the_others(client, other_client, app, thread):
    url = f"/sujets/{thread.id}"
    login(client, "asker@exemple.fr")
    login(other_client, "modo@exemple.fr")
    before = other_client.get(url).get_data(as_text=True)
    assert "♥ 2 mercis" not in before and "Merci · 2" in before  # the moderator may thank the answer
    page = client.get(url).get_data(as_text=True)
    [form] = re.findall(r'<form method="post" action="(/messages/\d+/merci)"', page)[:1]
    token = re.search(r'name="csrf_token" value="([^"]+)"', page).group(1)
    assert client.post(form, data={"csrf_token": token}).status_code == 302
    assert "♥ Merci · 3" in client.get(url).get_data(as_text=True)  # thanked, by Anne, Olga and Fanny
    assert "♡ Merci · 3" in other_client.get(url).get_data(as_text=True)


NAV_PAGES = ("/", "/forum/mediation-numerique", "/fabriques", "/pratiques", "/ressources", "/ressources?type=salle",
             "/favoris", "/recherche?q=SCIC", "/recherche?q=%22%3Cb%3E", "/notifications", "/connexion")


def test_the_navigation_bar_says_where_each_viewer_is_and_what_waits_for_them(app, thread, uncached):
    viewers = ("reader@exemple.fr", "anonyme", "modo@exemple.fr", "asker@exemple.fr", "manager@exemple.fr")
    expected = _uncached_pages(uncached, viewers, NAV_PAGES)
    _assert_each_viewer_reads_their_own(app, expected, viewers, NAV_PAGES, both_orders=False)


LIST_PAGES = ("/", "/forum/mediation-numerique", "/sujets", "/questions-sans-reponse", "/mots-cles/scic")


def test_thread_lists_show_each_reader_their_own_unread_marks(app, thread, uncached):
    """Rows of thread lists are shared: a reader who has read less sees more "nouveaux messages",
    one who never opened a thread sees none, a moderator alone sees a hidden thread."""
    category = db.session.get(Category, thread.category_id)
    other = make_thread(db.session.get(User, thread.author_id), category, title="Une SCIC pour le fablab ?",
                        tags=["scic", "statuts"], is_question=True)
    hidden = make_thread(db.session.get(User, thread.author_id), category, title="Un sujet masqué", tags=["scic"])
    with write_intent():
        db.session.execute(update(Thread).where(Thread.id == hidden.id).values(hidden_at=utcnow()))
        for email, thread_id, position in (("reader@exemple.fr", thread.id, 1), ("reader@exemple.fr", other.id, 1),
                                           ("helper@exemple.fr", thread.id, 3), ("modo@exemple.fr", thread.id, 2)):
            user = db.session.scalars(select(User).where(User.email == email)).one()
            watching.mark_read(user, thread_id, position)
        commit_work()
    make_reply(db.session.get(User, thread.author_id), other, "Une précision sur les statuts.")

    viewers = ("reader@exemple.fr", "anonyme", "helper@exemple.fr", "modo@exemple.fr", "asker@exemple.fr")
    expected = _uncached_pages(uncached, viewers, LIST_PAGES)
    reader_home = expected[("reader@exemple.fr", "/")][1]
    assert "2 nouveaux messages" in reader_home and "1 nouveau message" in reader_home  # hidden posts are no news
    assert "1 nouveau message" in expected[("helper@exemple.fr", "/")][1]
    assert "Un sujet masqué" in expected[("modo@exemple.fr", "/")][1]
    assert "Un sujet masqué" not in reader_home

    _assert_each_viewer_reads_their_own(app, expected, viewers, LIST_PAGES)


PRACTICE_PAGES = ("/pratiques", "/pratiques?type=a-eviter", "/pratiques?tri=utiles&territoire=rural", "/")


def test_the_reports_show_each_reader_the_page_of_their_own(app, thread, uncached):
    """The filters, the cards and a report's sections, comments and links are shared; the drafts are
    their authors' alone."""
    manager = db.session.scalars(select(User).where(User.email == "manager@exemple.fr")).one()
    theme = db.session.get(Thread, thread.id).category_id
    linked = make_practice(manager, [theme], links=f"https://localhost/sujets/{thread.id}")
    make_practice(manager, [theme], title="Une imprimante 3D prêtée sans contrat", kind="a-eviter")
    draft = make_practice(manager, [theme], publish=False, title="Un brouillon de retour")
    pages = (*PRACTICE_PAGES, f"/pratiques/{linked.id}", f"/pratiques/{draft.id}")
    linked_id = linked.id
    db.session.expunge_all()  # the report again below, with its authors (they hear of the comment)
    reader = db.session.scalars(select(User).where(User.email == "reader@exemple.fr")).one()
    # Teo's fabrique tried it and found it useful: his page shows their trial in the form, and his vote.
    make_fabrique(make_user("tester@exemple.fr", "Téo Essai"), name="Le Fablab d'à côté")
    tester = db.session.scalars(select(User).where(User.email == "tester@exemple.fr")).one()
    with write_intent():
        practice_services.add_comment(reader, practice_services.get_practice(linked_id), "Merci, très utile.")
        practice_services.record_trial(tester, practice_services.get_practice(linked_id), "a-marche",
                                       "Adopté chez nous en deux semaines.")
        practice_services.set_useful(tester, practice_services.get_practice(linked_id), True)
        practice_services.set_useful(reader, practice_services.get_practice(linked_id), True)
        commit_work()

    # Rémi found it useful, Henri reads it only.
    viewers = ("manager@exemple.fr", "reader@exemple.fr", "helper@exemple.fr", "anonyme", "modo@exemple.fr",
               "tester@exemple.fr", "newcomer@exemple.fr", "suspended@exemple.fr")
    expected = _uncached_pages(uncached, viewers, pages)
    tester_page = expected[("tester@exemple.fr", f"/pratiques/{linked_id}")][1]
    assert "Mettre à jour le résultat de ma fabrique" in tester_page and "✓ Utile · 2" in tester_page
    assert "✓ Utile · 2" not in expected[("helper@exemple.fr", f"/pratiques/{linked_id}")][1]
    assert "confirmez d'abord votre adresse" in expected[("newcomer@exemple.fr", f"/pratiques/{linked_id}")][1]
    report = expected[("anonyme", f"/pratiques/{linked_id}")][1]
    assert "Merci, très utile." in report and "Pour aller plus loin" in report
    assert expected[("reader@exemple.fr", pages[-1])][0] == 404
    assert "Un brouillon de retour" in expected[("manager@exemple.fr", "/pratiques")][1]
    assert "Un brouillon de retour" not in expected[("reader@exemple.fr", "/pratiques")][1]
    assert "Une imprimante 3D prêtée sans contrat" in expected[("anonyme", "/")][1]  # the home's latest reports

    _assert_each_viewer_reads_their_own(app, expected, viewers, pages)


def test_the_catalogue_shows_each_reader_the_page_of_their_own(app, uncached):
    """The cards and the filters are shared; sorting "au plus près" is offered to members of a fabrique.
    A fabrique's page is shared below its head, which shows each viewer what they may do there; the
    directory's cards and filters are shared."""
    world = two_fabriques()
    make_resource(world["owner"], world["lender"], "Salle du conseil", kind=ResourceKind.SPACE)
    embroiderer = make_resource(world["owner"], world["lender"], "Brodeuse numérique", quantity=3)
    with write_intent():
        resource_services.set_paused(world["owner"], embroiderer, True)
        commit_work()
    make_user("reader@exemple.fr", "Rémi Lecteur")
    make_loan(world["member"], world["resource"], day(3), day(5))
    pages = ("/ressources", "/ressources?type=equipement&tri=proche", "/ressources?tri=nom",
             f"/fabriques/{world['lender'].slug}", f"/fabriques/{world['borrower_fabrique'].slug}",
             "/fabriques", "/fabriques?tri=activite&territoire=rural", f"/ressources/{world['resource'].id}")

    viewers = ("owner@exemple.fr", "reader@exemple.fr", "anonyme", "member@exemple.fr")
    expected = _uncached_pages(uncached, viewers, pages)
    assert "Brodeuse numérique" in expected[("anonyme", "/ressources")][1]
    assert 'value="proche"' in expected[("member@exemple.fr", "/ressources")][1]
    assert 'value="proche"' not in expected[("reader@exemple.fr", "/ressources")][1]
    assert "Salle du conseil" in expected[("anonyme", pages[3])][1]
    assert "Gérer les membres" in expected[("owner@exemple.fr", pages[3])][1]
    assert "Demander un prêt" in expected[("member@exemple.fr", pages[-1])][1]  # beside the shared calendar

    _assert_each_viewer_reads_their_own(app, expected, viewers, pages)


def test_the_loans_list_shows_each_fabrique_its_own(app, uncached):
    """A fabrique's loans are shared by its members; the other fabrique's members read theirs."""
    world = two_fabriques()
    make_loan(world["member"], world["resource"], day(3), day(5))
    make_user("reader@exemple.fr", "Rémi Lecteur")
    pages = ("/prets", "/prets?etat=requested", "/prets?etat=lent")
    viewers = ("owner@exemple.fr", "member@exemple.fr", "reader@exemple.fr")
    expected = _uncached_pages(uncached, viewers, pages)
    # The lender's managers must answer; the borrower waits; a member without a fabrique has no loans.
    assert "Répondre" in expected[("owner@exemple.fr", "/prets")][1]
    borrower = expected[("member@exemple.fr", "/prets")][1]
    assert "emprunté à" in borrower and "Répondre" not in borrower
    assert "emprunté à" not in expected[("reader@exemple.fr", "/prets")][1]
    _assert_each_viewer_reads_their_own(app, expected, viewers, pages)


def test_the_notifications_show_each_member_their_own_and_a_read_one_at_once(app, thread, uncached):
    """The lines of the notification list are shared fragments: each member reads their own, and
    one they open reads as read on their next visit."""
    viewers = ("asker@exemple.fr", "helper@exemple.fr", "reader@exemple.fr")
    pages = ("/notifications", "/notifications?page=1")
    expected = _uncached_pages(uncached, viewers, pages)
    unread = expected[("asker@exemple.fr", "/notifications")][1].count('class="badge badge-new"')
    assert unread >= 2 and "Aucune notification" in expected[("reader@exemple.fr", "/notifications")][1]
    _assert_each_viewer_reads_their_own(app, expected, viewers, pages)

    client = _clients(app, ("asker@exemple.fr",))["asker@exemple.fr"]
    html = client.get("/notifications").get_data(as_text=True)
    first = re.search(r'action="(/notifications/\d+)"', html).group(1)
    token = re.search(r'name="csrf_token"[^>]*value="([^"]+)"', html).group(1)
    assert client.post(first, data={"csrf_token": token}).status_code == 302
    html = client.get("/notifications").get_data(as_text=True)
    assert html.count('class="badge badge-new"') == unread - 1
    assert client.get("/notifications?page=2").status_code == 404
