"""Finding past experience in a real browser: the nav's search box, and suggestions while typing a title."""

import pytest
from playwright.sync_api import expect

from tests.conftest import make_thread
from tests.e2e.test_journey import log_in, nav

pytestmark = pytest.mark.e2e


@pytest.fixture
def threads(live_server):
    from forum.accounts.models import User
    from forum.extensions import db
    from forum.threads.models import Category

    with live_server.app.app_context():
        author = db.session.execute(db.select(User).where(User.email == live_server.manager_email)).scalar_one()
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        make_thread(author, category, title="Financer un poste de médiatrice numérique après la subvention",
                    body="Nous avons monté une **SCIC** avec la communauté de communes et des élus motivés.")
        make_thread(author, category, title="Découpeuse laser : quelle aspiration des fumées ?",
                    body="Le fablab cherche un extracteur pour la découpeuse.")
        db.session.remove()


def test_search_box_and_similar_threads(page, live_server, threads, console, screenshot):
    page.goto("/")
    search = nav(page).get_by_role("searchbox")
    search.fill("mediatrice numerique elus")
    search.press("Enter")
    expect(page).to_have_url(f"{live_server.url}/recherche?q=mediatrice+numerique+elus")
    results = page.locator("main")
    expect(results).to_contain_text("Financer un poste de médiatrice numérique après la subvention")
    expect(results.locator("mark").first).to_be_visible()
    expect(results).not_to_contain_text("Découpeuse laser : quelle aspiration")
    screenshot(page, "recherche-01-resultats")

    log_in(page, live_server.manager_email, live_server.password, live_server.manager_name)
    page.goto("/sujets/nouveau")
    page.get_by_label("Titre").fill("Comment financer une médiatrice numérique")
    suggestions = page.locator("#similar-threads")
    expect(suggestions).to_contain_text("Ces discussions répondent peut-être à votre question")
    expect(suggestions.get_by_role("link", name="Financer un poste de médiatrice numérique après la subvention")).to_be_visible()
    screenshot(page, "recherche-02-suggestions")
    assert not console.csp_violations
