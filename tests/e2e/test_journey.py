"""A newcomer's first day on the forum, clicked through in a real Chromium.

Only what a person sees is asserted: text on the page and the address bar.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.e2e

MEMBER_EMAIL = "camille.dupont@exemple.fr"
MEMBER_NAME = "Camille Dupont"
MEMBER_PASSWORD = "des tomates en hiver sous la serre"
THREAD_TITLE = "Comment organiser un atelier de réparation de vélos ?"
THREAD_BODY = (
    "Bonjour à toutes et à tous,\n\n"
    "Nous voulons lancer un **atelier vélo** chaque samedi. Il nous manque :\n\n"
    "- un pied d'atelier\n"
    "- des clés à rayons\n"
    "- des bénévoles\n\n"
    "Comment avez-vous fait ?"
)


WIDER_THAN_SCREEN = """(width) => {
    const wide = [];
    for (const element of document.querySelectorAll("body *")) {
        const box = element.getBoundingClientRect();
        if (box.width > 0 && box.right > width + 1) {
            wide.push(`${element.tagName.toLowerCase()}.${element.className} (${Math.round(box.right)}px)`);
        }
    }
    return wide.slice(0, 8);
}"""


def open_menu(page: Page) -> None:
    """On a phone the header's links are in its « Menu »: open it (nothing to do on a wider screen)."""
    menu = page.locator("details.nav-menu")
    if menu.is_visible() and menu.get_attribute("open") is None:
        menu.locator("summary").click()


def log_in(page: Page, email: str, password: str, name: str) -> None:
    page.goto("/")
    open_menu(page)
    page.get_by_role("link", name="Se connecter").click()
    expect(page.get_by_role("heading", name="Se connecter")).to_be_visible()
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".flashes")).to_contain_text(f"Bonjour {name} !")


def nav(page: Page):
    """The main navigation, once the page's stylesheet applies: until then the phone header's bell
    and the menu's bell are both visible (the stylesheet hides one per width), which a locator by
    name finds twice. ``to_have_url`` passes as soon as the new address commits, before that."""
    page.wait_for_load_state("load")
    return page.get_by_role("navigation", name="Navigation principale")


def post_number(page: Page, n: int):
    """The n-th message (1-based) of the thread page."""
    return page.locator("ol.posts > li.post").nth(n - 1)


def test_newcomer_journey(page, new_page, live_server, screenshot, mail_link):
    # -- A visitor arrives and creates an account, asking to join the fabrique -------------
    page.goto("/")
    expect(page).to_have_title(re.compile("Forum des Fabriques"))
    expect(page.get_by_role("heading", name="L'entraide entre fabriques de territoire")).to_be_visible()
    screenshot(page, "01-accueil-visiteur")

    nav(page).get_by_role("link", name="Fabriques", exact=True).click()
    expect(page).to_have_url(f"{live_server.url}/fabriques")
    expect(page.get_by_role("heading", name="Annuaire des fabriques")).to_be_visible()
    expect(page.get_by_role("link", name=live_server.fabrique_name)).to_be_visible()
    screenshot(page, "02-annuaire-fabriques")

    page.get_by_role("link", name=live_server.fabrique_name).click()
    expect(page).to_have_url(f"{live_server.url}/fabriques/{live_server.fabrique_slug}")
    expect(page.get_by_role("heading", name=live_server.fabrique_name, level=1)).to_be_visible()
    screenshot(page, "03-fiche-fabrique")

    nav(page).get_by_role("link", name="Créer un compte").click()
    expect(page).to_have_url(f"{live_server.url}/inscription")
    page.get_by_label("Adresse e-mail").fill(MEMBER_EMAIL)
    page.get_by_label("Nom affiché").fill(MEMBER_NAME)
    page.get_by_label("Mot de passe", exact=True).fill(MEMBER_PASSWORD)
    page.get_by_label("Confirmez le mot de passe").fill(MEMBER_PASSWORD)
    page.get_by_label("Votre fabrique (facultatif)").fill(live_server.fabrique_name)
    page.get_by_role("button", name="Créer mon compte").click()

    # The first steps: the address to confirm, the request that waits, what to do next.
    expect(page).to_have_url(f"{live_server.url}/bienvenue")
    expect(page.get_by_role("heading", name=f"Bienvenue, {MEMBER_NAME} !")).to_be_visible()
    expect(page.locator(".welcome-steps")).to_contain_text(
        f"Votre demande pour rejoindre {live_server.fabrique_name} attend la réponse de ses responsables")
    expect(page.get_by_role("link", name="Poser une question")).to_be_visible()
    screenshot(page, "03b-bienvenue")
    # Until the address is confirmed, a banner says so (on every page but this one, whose first
    # step says it); the e-mailed link confirms it.
    expect(page.locator(".welcome-steps")).to_contain_text("Confirmez votre adresse e-mail")
    page.get_by_role("link", name="Continuer vers le forum").click()
    expect(page.locator(".confirm-banner")).to_contain_text("Confirmez votre adresse e-mail.")
    page.goto(mail_link(MEMBER_EMAIL, "/confirmer/"))
    expect(page.locator(".flashes")).to_contain_text(f"votre adresse {MEMBER_EMAIL} est confirmée")
    expect(page.locator(".confirm-banner")).to_have_count(0)
    expect(nav(page).get_by_role("link", name=MEMBER_NAME)).to_be_visible()
    expect(nav(page).get_by_role("button", name="Se déconnecter")).to_be_visible()
    # Not accepted yet: the fabrique is not in the nav, the profile says the request waits.
    expect(nav(page).get_by_role("link", name=live_server.fabrique_name)).to_have_count(0)
    nav(page).get_by_role("link", name=MEMBER_NAME).click()
    expect(page.get_by_text("attend la réponse de ses responsables")).to_be_visible()
    screenshot(page, "04-profil-demande-en-attente")

    # -- The manager, on another computer, accepts the request -----------------------------
    # The bell says so; its notification leads to the request, one click from accepting it.
    manager = new_page()
    log_in(manager, live_server.manager_email, live_server.password, live_server.manager_name)
    nav(manager).get_by_role("link", name="1 notification non lue").click()
    manager.get_by_role("button", name=re.compile(f"{MEMBER_NAME} demande à rejoindre")).click()
    expect(manager).to_have_url(re.compile(f"/fabriques/{live_server.fabrique_slug}/membres#demande-\\d+$"))
    request_row = manager.locator("li", has_text=MEMBER_NAME).filter(has_text="demande envoyée")
    expect(request_row).to_be_visible()
    screenshot(manager, "05-gerer-les-membres")
    request_row.get_by_role("button", name="Accepter").click()
    expect(manager.locator(".flashes")).to_contain_text(f"{MEMBER_NAME} fait maintenant partie de la fabrique.")
    expect(manager.get_by_text("Aucune demande en attente.")).to_be_visible()

    # -- The newcomer now belongs to the fabrique, and is told --------------------------------
    page.goto("/notifications")
    expect(page.locator(".notification-list")).to_contain_text(
        f"Bienvenue : vous faites maintenant partie de {live_server.fabrique_name}.")
    page.goto("/profil")
    expect(nav(page).get_by_role("link", name=live_server.fabrique_name)).to_be_visible()
    expect(page.locator("main")).to_contain_text(f"Vous faites partie de {live_server.fabrique_name}")

    # -- ... and starts a thread, previewing it first ----------------------------------------
    nav(page).get_by_role("link", name="Nouveau sujet").click()
    expect(page).to_have_url(f"{live_server.url}/sujets/nouveau")
    page.get_by_label("Titre").fill(THREAD_TITLE)
    page.get_by_label(live_server.categories[1]).check()
    page.get_by_label("Mots-clés").fill("vélo, réparation")
    page.get_by_label("Message").fill(THREAD_BODY)
    screenshot(page, "06-nouveau-sujet")
    page.get_by_role("button", name="Aperçu").click()

    preview = page.get_by_role("region", name="Aperçu")
    expect(preview.locator("strong")).to_have_text("atelier vélo")
    expect(preview.get_by_role("listitem")).to_have_count(3)
    expect(page.get_by_label("Titre")).to_have_value(THREAD_TITLE)  # the form is kept as typed
    screenshot(page, "07-nouveau-sujet-apercu")
    page.get_by_role("button", name="Publier le sujet").click()

    expect(page).to_have_url(re.compile(r"/sujets/\d+/comment-organiser-un-atelier"))
    expect(page.locator(".flashes")).to_contain_text("Votre sujet est publié.")
    expect(page.get_by_role("heading", name=THREAD_TITLE, level=1)).to_be_visible()
    opening = post_number(page, 1)
    expect(opening.locator(".post-body strong")).to_have_text("atelier vélo")
    expect(opening.locator(".post-body li")).to_have_text(["un pied d'atelier", "des clés à rayons", "des bénévoles"])
    expect(opening).not_to_contain_text("**")
    expect(page.get_by_role("link", name="#vélo")).to_be_visible()
    expect(opening.locator(".author")).to_have_text(f"{MEMBER_NAME} · {live_server.fabrique_name}")
    thread_url = page.url.split("#")[0]

    # -- The manager answers, quoting the question ------------------------------------------
    manager.goto("/")
    manager.get_by_role("link", name=THREAD_TITLE).click()
    post_number(manager, 1).get_by_role("link", name="Citer").click()
    expect(manager.get_by_role("heading", name="Répondre")).to_be_visible()
    body = manager.get_by_label("Votre réponse")
    expect(body).to_have_value(re.compile(rf"^\*\*{MEMBER_NAME}\*\* a écrit :\n\n> Bonjour"))
    expect(body).to_have_value(re.compile(r"^> - des bénévoles$", re.MULTILINE))
    body.press("Control+End")
    body.press_sequentially("Nous prêtons notre pied d'atelier, passez le **mardi**.")
    manager.get_by_role("button", name="Publier la réponse").click()

    expect(manager).to_have_url(re.compile(r"/sujets/\d+/[^#]+#message-\d+$"))
    expect(manager.locator(".flashes")).to_contain_text("Votre réponse est publiée.")
    answer = post_number(manager, 2)
    expect(answer.locator("blockquote")).to_contain_text("un pied d'atelier")
    expect(answer.locator(".post-body strong").last).to_have_text("mardi")
    expect(manager.locator("main")).to_contain_text("1 réponse")

    # -- The author replies too, then edits the question --------------------------------------
    page.goto(thread_url)
    expect(post_number(page, 2)).to_contain_text("passez le mardi")
    page.get_by_label("Votre réponse").fill("Merci Claire, je passe mardi avec la camionnette.")
    page.get_by_role("button", name="Publier la réponse").click()
    expect(page.locator(".flashes")).to_contain_text("Votre réponse est publiée.")
    expect(post_number(page, 3)).to_contain_text("je passe mardi avec la camionnette")
    expect(page.locator("main")).to_contain_text("2 réponses")
    screenshot(page, "08-sujet-avec-reponses")

    # Only one's own messages can be changed.
    expect(post_number(page, 2).get_by_role("link", name="Modifier")).to_have_count(0)
    expect(post_number(page, 2).get_by_role("button", name="Supprimer")).to_have_count(0)

    post_number(page, 1).get_by_role("link", name="Modifier").click()
    expect(page.get_by_role("heading", name="Modifier le message")).to_be_visible()
    # Saved in French typography: a no-break space before « ? » (invisible, it keeps « ? » on its line).
    expect(page.get_by_label("Titre du sujet")).to_have_value(THREAD_TITLE.replace(" ?", "\u00a0?"))
    message = page.get_by_label("Message")
    expect(message).to_have_value(THREAD_BODY)
    message.fill(THREAD_BODY + "\n\n*Édit :* nous avons trouvé le pied d'atelier, merci !")
    page.get_by_role("button", name="Enregistrer").click()
    expect(page.locator(".flashes")).to_contain_text("Votre message a été modifié.")
    opening = post_number(page, 1)
    expect(opening.locator(".edited")).to_have_text("modifié")
    expect(opening.locator(".post-body em")).to_have_text("Édit :")
    expect(post_number(page, 2).locator(".edited")).to_have_count(0)

    # -- ... and deletes the reply --------------------------------------------------------
    post_number(page, 3).get_by_role("button", name="Supprimer").click()
    # A confirmation first: « Annuler » leads back, nothing deleted; then deleted for good.
    expect(page.get_by_role("heading", name="Supprimer votre message ?")).to_be_visible()
    page.get_by_role("link", name="Annuler").click()
    expect(post_number(page, 3).get_by_role("button", name="Supprimer")).to_be_visible()
    post_number(page, 3).get_by_role("button", name="Supprimer").click()
    page.get_by_role("button", name="Supprimer le message").click()
    expect(page.locator(".flashes")).to_contain_text("Votre message a été supprimé.")
    deleted = post_number(page, 3)
    expect(deleted).to_contain_text("Message supprimé.")
    expect(deleted).not_to_contain_text("camionnette")
    expect(deleted.get_by_role("link", name="Citer")).to_have_count(0)
    expect(post_number(page, 2)).to_contain_text("passez le mardi")
    screenshot(page, "09-sujet-message-supprime")

    # -- The member page lists the fabrique ------------------------------------------------
    nav(page).get_by_role("link", name=MEMBER_NAME).click()
    page.get_by_role("link", name="Voir ma page publique").click()
    expect(page.get_by_role("heading", name=MEMBER_NAME)).to_be_visible()
    expect(page.locator("main")).to_contain_text(live_server.fabrique_name)

    # -- The home page, logged in ----------------------------------------------------------
    nav(page).get_by_role("link", name="Discussions").click()
    thread_row = page.locator(".thread-row", has_text=THREAD_TITLE)
    expect(thread_row).to_contain_text(f"par {MEMBER_NAME} ({live_server.fabrique_name})")
    screenshot(page, "10-accueil-membre")

    # -- Logging out -----------------------------------------------------------------------
    nav(page).get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url(f"{live_server.url}/")
    expect(page.locator(".flashes")).to_contain_text("Vous êtes déconnecté·e.")
    expect(nav(page).get_by_role("link", name="Se connecter")).to_be_visible()
    expect(nav(page).get_by_role("link", name=MEMBER_NAME)).to_have_count(0)
    # The session is really gone: a members-only page sends back to the login form.
    page.goto("/sujets/nouveau")
    expect(page).to_have_url(re.compile(r"/connexion\?next="))
    expect(page.locator(".flashes")).to_contain_text("Connectez-vous pour accéder à cette page.")


def test_registration_refuses_a_short_password(page, live_server, screenshot):
    page.goto("/inscription")
    page.get_by_label("Adresse e-mail").fill("dominique@exemple.fr")
    page.get_by_label("Nom affiché").fill("Dominique Leroy")
    page.get_by_label("Mot de passe", exact=True).fill("court123")
    page.get_by_label("Confirmez le mot de passe").fill("court123")
    page.get_by_role("button", name="Créer mon compte").click()

    expect(page).to_have_url(f"{live_server.url}/inscription")
    expect(page.get_by_role("heading", name="Créer un compte")).to_be_visible()
    expect(page.locator("#password-error")).to_have_text("Le mot de passe doit faire au moins 12 caractères.")
    expect(page.get_by_role("alert")).to_contain_text("Le formulaire contient des erreurs")
    expect(page.get_by_label("Mot de passe", exact=True)).to_have_attribute("aria-invalid", "true")
    # What was typed is kept, except the passwords.
    expect(page.get_by_label("Adresse e-mail")).to_have_value("dominique@exemple.fr")
    expect(page.get_by_label("Nom affiché")).to_have_value("Dominique Leroy")
    expect(nav(page).get_by_role("link", name="Se connecter")).to_be_visible()
    screenshot(page, "11-inscription-erreur")


def test_wrong_password_on_login(page, live_server):
    page.goto("/connexion")
    page.get_by_label("Adresse e-mail").fill(live_server.manager_email)
    page.get_by_label("Mot de passe", exact=True).fill("pas le bon mot de passe")
    page.get_by_role("button", name="Se connecter").click()
    expect(page).to_have_url(f"{live_server.url}/connexion")
    expect(page.get_by_role("alert")).to_have_text("Adresse e-mail ou mot de passe incorrect.")
    expect(nav(page).get_by_role("link", name="Se connecter")).to_be_visible()


PHONE_PAGES = [
    pytest.param("/", id="accueil"),
    pytest.param("/sujets/{thread_id}/{thread_slug}", id="sujet"),
    pytest.param("/sujets", id="sujets"),
    pytest.param("/fabriques/{fabrique_slug}", id="fabrique"),
]


@pytest.mark.parametrize("url", PHONE_PAGES)
def test_phone_sized_screen(new_page, live_server, screenshot, request, url):
    """On a phone, logged-in pages fit the width: nothing scrolls sideways."""
    from tests.conftest import make_member, make_reply, make_thread
    from forum.extensions import db
    from forum.fabriques.models import Fabrique
    from forum.threads.models import Category

    with live_server.app.app_context():
        fabrique = db.session.execute(db.select(Fabrique)).scalar_one()
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        author = make_member(fabrique, MEMBER_EMAIL, MEMBER_NAME)
        thread = make_thread(author, category, THREAD_TITLE, THREAD_BODY, tags=["vélo", "réparation", "bénévolat", "financement", "évaluation"])
        make_reply(author, thread, "Une adresse très longue pour voir : "
                   "https://exemple.fr/un/chemin/vraiment/tres/long/qui/ne/se/coupe/pas/tout/seul/du-tout")
        url = url.format(thread_id=thread.id, thread_slug=thread.slug, fabrique_slug=fabrique.slug)
        db.session.remove()

    page = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                    device_scale_factor=2)
    log_in(page, MEMBER_EMAIL, live_server.password, MEMBER_NAME)
    page.goto(url)
    screenshot(page, f"12-mobile-{request.node.callspec.id}")
    # Mobile Chrome widens the layout viewport to fit wide content: compare with the screen.
    wide = page.evaluate(WIDER_THAN_SCREEN, 390)
    assert not wide, f"{url} is wider than a 390px screen; too wide: {wide}"
