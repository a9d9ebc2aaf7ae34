"""The Atom feeds: well-formed whatever the titles, public content only, bounded queries."""

from __future__ import annotations

import html
from datetime import datetime
from xml.etree import ElementTree

import pytest
from sqlalchemy import select

from forum.core.database import write_intent
from forum.core.models import utcnow
from forum.extensions import db
from forum.feeds import atom
from forum.practices.models import Practice
from forum.resources import services as resource_services
from forum.resources.models import Resource, ResourceKind
from forum.threads import services as thread_services
from forum.threads.models import Post, Thread
from tests.conftest import login, make_category, make_fabrique, make_member, make_thread, make_user
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource

NS = {"a": "http://www.w3.org/2005/Atom"}
FEEDS = ["/flux/sujets.atom", "/flux/forum/mediation-numerique.atom", "/flux/pratiques.atom", "/flux/ressources.atom"]
HOSTILE = "<script>alert(\"x\")</script> & 'guillemets' ]]> « été » 🚲"
# As saved: titles and names get French typography (forum.core.typography), no-break spaces inside « ».
HOSTILE_AS_SAVED = "<script>alert(\"x\")</script> & 'guillemets' ]]> «\u00a0été\u00a0» 🚲"


def parse(response) -> ElementTree.Element:
    assert response.status_code == 200, response.get_data(as_text=True)[:500]
    assert response.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
    root = ElementTree.fromstring(response.get_data())
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    return root


def entries(root) -> list[ElementTree.Element]:
    return root.findall("a:entry", NS)


def text(element, path: str) -> str:
    found = element.find(path, NS)
    assert found is not None, path
    return found.text or ""


def titles(root) -> list[str]:
    return [text(entry, "a:title") for entry in entries(root)]


def check_entry(entry) -> None:
    """Every entry has what RFC 4287 asks for, with absolute links and RFC 3339 dates."""
    assert text(entry, "a:id").startswith("https://localhost/")
    assert entry.find("a:link[@rel='alternate']", NS).get("href").startswith("https://localhost/")
    assert text(entry, "a:title")
    datetime.strptime(text(entry, "a:updated"), "%Y-%m-%dT%H:%M:%SZ")
    assert text(entry, "a:author/a:name")
    assert entry.find("a:content", NS) is not None or entry.find("a:summary", NS) is not None


def check_feed(root, self_path: str) -> None:
    assert root.find("a:link[@rel='self']", NS).get("href") == "https://localhost" + self_path
    assert text(root, "a:id") == "https://localhost" + self_path
    assert text(root, "a:title").startswith("Forum des Fabriques — ")
    stamps = [text(entry, "a:updated") for entry in entries(root)]
    assert text(root, "a:updated") == max(stamps, default="1970-01-01T00:00:00Z")
    for entry in entries(root):
        check_entry(entry)


@pytest.fixture
def world(app):
    manager = make_user("manager@exemple.fr", "Maëlle Durand")
    fabrique = make_fabrique(manager, "La Fabrique des Possibles")
    author = make_member(fabrique, "bob@exemple.fr", "Bob Leroy")
    mediation, culture = make_category("Médiation numérique", 1), make_category("Culture", 2)
    return {"manager": manager, "fabrique": fabrique, "author": author, "mediation": mediation, "culture": culture}


def _hide(model, item_id: int) -> None:
    db.session.get(model, item_id).hidden_at = utcnow()
    db.session.commit()


# -- Threads ----------------------------------------------------------------------------


def test_threads_feed_lists_the_newest_threads_with_their_opening_post(client, world):
    make_thread(world["author"], world["mediation"], "Financer un poste de médiateur",
                        "Bonjour, la **subvention** se termine.")
    second = make_thread(world["manager"], world["culture"], HOSTILE, "Un texte & des <balises>.", is_question=True)
    root = parse(client.get("/flux/sujets.atom"))
    check_feed(root, "/flux/sujets.atom")
    assert titles(root) == [HOSTILE_AS_SAVED, "Financer un poste de médiateur"]
    newest, older = entries(root)
    assert text(newest, "a:id") == f"https://localhost/sujets/{second.id}"
    assert newest.find("a:link", NS).get("href") == f"https://localhost/sujets/{second.id}/{second.slug}"
    assert text(newest, "a:author/a:name") == "Maëlle Durand"
    assert text(newest, "a:author/a:uri") == f"https://localhost/membres/{world['manager'].id}"
    assert {c.get("label") for c in newest.findall("a:category", NS)} == {"Culture", "Question"}
    content = newest.find("a:content", NS)
    assert content.get("type") == "html"
    assert content.text.strip() == "<p>Un texte &amp; des &lt;balises&gt;.</p>"  # the stored, sanitised HTML
    assert text(older, "a:content").strip() == "<p>Bonjour, la <strong>subvention</strong> se termine.</p>"
    # Raw text: the hostile title is escaped, never markup.
    raw = client.get("/flux/sujets.atom").get_data(as_text=True)
    assert "<script>" not in raw and "&lt;script&gt;" in raw


def test_threads_feed_keeps_twenty_entries(client, world):
    for number in range(23):
        make_thread(world["author"], world["mediation"], f"Sujet numéro {number}", "Texte.")
    root = parse(client.get("/flux/sujets.atom"))
    assert titles(root) == [f"Sujet numéro {number}" for number in range(22, 2, -1)]


def test_category_feed_lists_only_that_category(client, world):
    make_thread(world["author"], world["mediation"], "Ateliers numériques pour seniors", "Texte.")
    make_thread(world["author"], world["culture"], "Une résidence d'artistes", "Texte.")
    root = parse(client.get("/flux/forum/mediation-numerique.atom"))
    check_feed(root, "/flux/forum/mediation-numerique.atom")
    assert titles(root) == ["Ateliers numériques pour seniors"]
    assert text(root, "a:title") == "Forum des Fabriques — Médiation numérique\u00a0: derniers sujets"
    assert root.find("a:link[@rel='alternate']", NS).get("href") == "https://localhost/forum/mediation-numerique"


def test_unknown_category_is_the_french_404_page(client, world):
    response = client.get("/flux/forum/nulle-part.atom")
    assert response.status_code == 404
    assert response.mimetype == "text/html"
    assert "Cette catégorie n'existe pas." in html.unescape(response.get_data(as_text=True))


def test_deleted_or_hidden_opening_posts_and_hidden_threads_show_no_text(client, world):
    deleted = make_thread(world["author"], world["mediation"], "Sujet au message effacé", "Texte secret effacé")
    hidden_post = make_thread(world["author"], world["mediation"], "Sujet au message masqué", "Texte masqué")
    hidden_thread = make_thread(world["author"], world["mediation"], "Sujet masqué", "Texte du sujet masqué")
    with write_intent():
        opening = db.session.execute(select(Post).where(Post.thread_id == deleted.id, Post.position == 1)).scalar_one()
        thread_services.delete_post(world["author"], opening)
        db.session.commit()
    _hide(Post, db.session.execute(
        select(Post.id).where(Post.thread_id == hidden_post.id, Post.position == 1)).scalar_one())
    _hide(Thread, hidden_thread.id)
    for url in ("/flux/sujets.atom", "/flux/forum/mediation-numerique.atom"):
        response = client.get(url)
        root = parse(response)
        assert titles(root) == ["Sujet au message masqué", "Sujet au message effacé"]
        for entry in entries(root):
            assert entry.find("a:content", NS) is None
            assert text(entry, "a:summary") == "Le message d'ouverture de ce sujet n'est plus visible."
        body = response.get_data(as_text=True)
        assert "Texte secret effacé" not in body and "Texte masqué" not in body and "Sujet masqué" not in body


def test_a_deleted_account_signs_membre_supprime(client, world):
    make_thread(world["author"], world["mediation"], "Un sujet orphelin", "Texte.")
    user = db.session.get(type(world["author"]), world["author"].id)
    user.deleted_at = utcnow()
    db.session.commit()
    entry = entries(parse(client.get("/flux/sujets.atom")))[0]
    assert text(entry, "a:author/a:name") == "Membre supprimé"
    assert entry.find("a:author/a:uri", NS) is None


# -- Practice reports -------------------------------------------------------------------


def test_practices_feed_lists_published_reports_only(client, world):
    themes = [world["culture"].id]
    published = make_practice(world["author"], themes, title=HOSTILE, kind="a-eviter")
    make_practice(world["author"], themes, publish=False, title="Un brouillon encore privé")
    hidden = make_practice(world["author"], themes, title="Un retour masqué par la modération")
    _hide(Practice, hidden.id)
    response = client.get("/flux/pratiques.atom")
    root = parse(response)
    check_feed(root, "/flux/pratiques.atom")
    assert titles(root) == [HOSTILE_AS_SAVED]
    entry = entries(root)[0]
    assert text(entry, "a:id") == f"https://localhost/pratiques/{published.id}"
    assert [text(author, "a:name") for author in entry.findall("a:author", NS)] == ["Bob Leroy"]
    assert {c.get("label") for c in entry.findall("a:category", NS)} == {"Expérience à éviter", "Culture"}
    content = text(entry, "a:content")
    assert "<p><strong>Expérience à éviter · La Fabrique des Possibles · " in content
    assert "<h2>Résultat</h2><p>Douze réparations par permanence, un public <strong>nouveau</strong>.</p>" in content
    body = response.get_data(as_text=True)
    assert "brouillon" not in body and "masqué" not in body


def test_practices_feed_is_newest_first(client, world):
    for number in range(3):
        make_practice(world["author"], [world["culture"].id], title=f"Retour numéro {number}")
    assert titles(parse(client.get("/flux/pratiques.atom"))) == ["Retour numéro 2", "Retour numéro 1",
                                                                  "Retour numéro 0"]


# -- Catalogue --------------------------------------------------------------------------


def test_resources_feed_lists_the_catalogue(client, world):
    manager, fabrique = world["manager"], world["fabrique"]
    laser = make_resource(manager, fabrique, "Découpeuse laser", description="Une **découpeuse** 60 W.")
    room = make_resource(manager, fabrique, HOSTILE, kind=ResourceKind.SPACE)
    hidden = make_resource(manager, fabrique, "Ressource masquée", kind=ResourceKind.KNOW_HOW)
    _hide(Resource, hidden.id)
    with write_intent():
        resource_services.set_paused(manager, db.session.get(Resource, room.id), True)
        db.session.commit()
    response = client.get("/flux/ressources.atom")
    root = parse(response)
    check_feed(root, "/flux/ressources.atom")
    assert titles(root) == [HOSTILE_AS_SAVED, "Découpeuse laser"]
    paused, lendable = entries(root)
    assert text(lendable, "a:id") == f"https://localhost/ressources/{laser.id}"
    assert text(lendable, "a:author/a:name") == "La Fabrique des Possibles"
    assert text(lendable, "a:author/a:uri") == f"https://localhost/fabriques/{fabrique.slug}"
    assert text(lendable, "a:content").strip() == (
        "<p><strong>Équipement</strong> · Fabrication numérique · proposé par La Fabrique des Possibles</p>\n"
        "<p>Une <strong>découpeuse</strong> 60 W.</p>")
    assert "<p>Indisponible pour le moment.</p>" in text(paused, "a:content")
    assert "masquée" not in response.get_data(as_text=True)


# -- Every feed -------------------------------------------------------------------------


def test_empty_feeds_are_valid(client, world):
    for url in FEEDS:
        root = parse(client.get(url))
        check_feed(root, url)
        assert entries(root) == []


def test_site_url_makes_the_links(client, app, world):
    app.config["SITE_URL"] = "https://forum.exemple.org/"
    make_thread(world["author"], world["mediation"], "Un sujet", "Texte.")
    root = ElementTree.fromstring(client.get("/flux/sujets.atom").get_data())
    assert root.find("a:link[@rel='self']", NS).get("href") == "https://forum.exemple.org/flux/sujets.atom"
    assert text(entries(root)[0], "a:id").startswith("https://forum.exemple.org/sujets/")


def test_feeds_are_cached_and_conditional(client, world):
    make_thread(world["author"], world["mediation"], "Un sujet", "Texte.")
    for url in FEEDS:
        first, second = client.get(url), client.get(url)
        assert first.headers["X-Page-Cache"] == "miss" and second.headers["X-Page-Cache"] == "hit", url
        assert second.headers["Content-Type"] == "application/atom+xml; charset=utf-8"
        assert first.get_data() == second.get_data()
        assert first.headers["ETag"] == second.headers["ETag"]
        assert "Set-Cookie" not in first.headers and "max-age=300" in first.headers["Cache-Control"]
        again = client.get(url, headers={"If-None-Match": first.headers["ETag"]})
        assert again.status_code == 304 and again.get_data() == b""
    make_thread(world["author"], world["mediation"], "Un sujet tout neuf", "Texte.")
    fresh = client.get("/flux/sujets.atom")
    assert fresh.headers["X-Page-Cache"] == "miss" and "Un sujet tout neuf" in fresh.get_data(as_text=True)


def test_members_get_the_same_feeds(client, world):
    make_thread(world["author"], world["mediation"], "Un sujet", "Texte.")
    login(client, "bob@exemple.fr")
    for url in FEEDS:
        check_feed(parse(client.get(url)), url)


@pytest.mark.parametrize("size", [2, 10])
def test_feeds_run_a_bounded_number_of_queries(client, world, count_queries, size):
    categories = [world["mediation"], world["culture"]]
    authors = [world["author"]] + [make_member(world["fabrique"], f"m{n}@exemple.fr", f"Membre {n}")
                                   for n in range(size)]
    for number in range(size):
        author = authors[number % len(authors)]
        make_thread(author, categories[number % 2], f"Sujet numéro {number}", "Texte.", tags=[f"mot{number}"])
        make_practice(author, [c.id for c in categories], title=f"Retour numéro {number}")
        make_resource(world["manager"], world["fabrique"], f"Objet numéro {number}")
    counts = {}
    for url in FEEDS:
        with count_queries() as counter:
            root = parse(client.get(url))
        assert entries(root)
        counts[url] = counter.count
    # The page-cache version, the category, then one query per list (plus one for authors and themes).
    assert counts == {"/flux/sujets.atom": 2, "/flux/forum/mediation-numerique.atom": 3,
                      "/flux/pratiques.atom": 4, "/flux/ressources.atom": 2}, counts


# -- Pages point to their feed ----------------------------------------------------------


def test_pages_announce_their_feed(client, world):
    pages = {"/": "/flux/sujets.atom", "/forum/mediation-numerique": "/flux/forum/mediation-numerique.atom",
             "/pratiques": "/flux/pratiques.atom", "/ressources": "/flux/ressources.atom"}
    for page, feed in pages.items():
        page_html = client.get(page).get_data(as_text=True)
        head = page_html.split("</head>")[0]
        assert f'<link rel="alternate" type="application/atom+xml" title="Forum des Fabriques — ' in head, page
        assert f'href="{feed}"' in head, page
        body = page_html.split("<body>")[1]
        assert f'href="{feed}"' in body and "Flux Atom" in body, page


# -- The Atom writer ------------------------------------------------------------------------


def test_the_writer_drops_what_xml_cannot_carry():
    now = utcnow()
    entry = atom.Entry(title="Bip\x07 \x00nul\ud800 & <b>", link="https://x/1", id="https://x/1", updated=now,
                       authors=[atom.Person("A\x1b B")], content_html="<p>ok\x0c</p>")
    feed = atom.Feed(title="T\x01", self_url="https://x/f", page_url="https://x/", base_url="https://x/",
                     entries=[entry])
    root = ElementTree.fromstring(atom.render(feed))
    assert root.find("a:entry/a:title", NS).text == "Bip nul & <b>"
    assert root.find("a:entry/a:author/a:name", NS).text == "A B"
    assert root.find("a:entry/a:content", NS).text == "<p>ok</p>"
    assert root.find("a:updated", NS).text == atom.timestamp(now)


def test_a_feed_s_own_words_follow_the_reader_s_language(client, app):
    make_thread(make_user(), make_category(), "Comment financer un poste de médiateur ?")
    ns = {"atom": "http://www.w3.org/2005/Atom"}
    french = ElementTree.fromstring(client.get("/flux/sujets.atom").data)
    english_response = client.get("/flux/sujets.atom", headers={"Accept-Language": "en"})
    english = ElementTree.fromstring(english_response.data)
    lang = "{http://www.w3.org/XML/1998/namespace}lang"
    assert french.get(lang) == "fr" and french.find("atom:title", ns).text == "Forum des Fabriques — derniers sujets"
    assert english.get(lang) == "en" and english.find("atom:title", ns).text == "Forum des Fabriques — latest threads"
    assert english.find("atom:subtitle", ns).text == "The new threads of every category of the forum."
    # The entries keep their authors' words.
    assert english.find("atom:entry/atom:title", ns).text == "Comment financer un poste de médiateur\u00a0?"
    assert "Accept-Language" in english_response.headers["Vary"]
