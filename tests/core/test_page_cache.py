"""Anonymous public pages come from the cache only while nothing they show has changed."""

from sqlalchemy import select

from forum.core.page_cache import PageVersion, current_version
from forum.extensions import db
from forum.threads.models import Post
from tests.conftest import login, make_category, make_reply, make_thread, make_user, submit


def _version() -> int:
    db.session.rollback()
    return current_version(db.session)


def test_anonymous_pages_are_cached_without_cookies(client, app):
    thread = make_thread(make_user(), make_category(), tags=["x"])  # an unknown tag's page is a 404
    for url in ("/", f"/sujets/{thread.id}", "/forum/mediation-numerique", "/fabriques", "/mots-cles/x"):
        first, second = client.get(url), client.get(url)
        assert first.headers["X-Page-Cache"] == "miss" and second.headers["X-Page-Cache"] == "hit", url
        assert first.get_data() == second.get_data()
        assert "Set-Cookie" not in first.headers and "Cookie" in first.headers["Vary"]


def test_a_reply_invalidates_the_cached_page(client, other_client, app):
    author = make_user()
    thread = make_thread(author, make_category())
    assert "Réponse toute fraîche" not in client.get(f"/sujets/{thread.id}").get_data(as_text=True)
    login(other_client, "alice@exemple.fr")
    submit(other_client, f"/sujets/{thread.id}/repondre", {"body": "Réponse toute fraîche", "action": "publish"})
    response = client.get(f"/sujets/{thread.id}")
    assert response.headers["X-Page-Cache"] == "miss"
    assert "Réponse toute fraîche" in response.get_data(as_text=True)


def test_any_committed_change_bumps_the_version_and_a_rollback_does_not(app):
    thread = make_thread(make_user(), make_category())
    before = _version()
    make_reply(make_user("bob@exemple.fr", "Bob Leroy"), thread)
    after_reply = _version()
    assert after_reply > before
    post = db.session.execute(select(Post).where(Post.position == 1)).scalar_one()
    post.body_html = "<p>changé</p>"
    db.session.rollback()
    assert _version() == after_reply
    post = db.session.execute(select(Post).where(Post.position == 1)).scalar_one()
    post.body_html = "<p>changé</p>"
    db.session.commit()
    assert _version() == after_reply + 1


def test_logging_in_does_not_invalidate_pages(client, other_client, app):
    make_user()
    before = _version()
    login(other_client, "alice@exemple.fr")
    assert _version() == before
    assert db.session.get(PageVersion, 1).version == before


def test_members_are_never_served_from_the_cache(client, app):
    make_thread(make_user(), make_category())
    client.get("/")  # an anonymous visitor fills the cache
    login(client, "alice@exemple.fr")
    for _ in range(2):
        response = client.get("/")
        assert "X-Page-Cache" not in response.headers
        assert "Alice Martin" in response.get_data(as_text=True) and "Se déconnecter" in response.get_data(as_text=True)


def test_entries_expire_after_the_ttl(app):
    from forum.core.page_cache import VersionedCache, _Entry

    cache = VersionedCache(ttl_seconds=60)
    cache.put("/", 3, _Entry(body=b"page", content_type="text/html"), stored_at=0.0)
    assert cache.get("/", 3) is None  # stored long ago (monotonic clock origin)
    cache.put("/", 3, _Entry(body=b"page", content_type="text/html"))
    assert cache.get("/", 3).body == b"page" and cache.get("/", 4) is None
