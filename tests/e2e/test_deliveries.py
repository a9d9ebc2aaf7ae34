"""An administrator opens the page of e-mails that could not be sent and clicks « Renvoyer »; in Chromium,
on a desktop screen and on a phone."""

from __future__ import annotations


import pytest
from playwright.sync_api import expect

from tests.conftest import make_user
from tests.e2e.conftest import TIMEOUT_MS, sent_mail
from tests.waiting import wait_for
from tests.worker.deliveries_builders import LONG_ADDRESS, LONG_ERROR, make_failed_email

pytestmark = pytest.mark.e2e

FAILURES = [
    ("bob.leroy@exemple.fr", "Nouvelle réponse : Quel tarif pour l'adhésion au fablab ?",
     "SMTPServerDisconnected: Connection unexpectedly closed"),
    (LONG_ADDRESS, "Votre résumé quotidien du Forum des Fabriques", LONG_ERROR),
    ("chloe.petit@exemple.fr", "Rappel : le prêt de « Découpeuse laser 60 W » commence demain",
     "TimeoutError: timed out"),
    ("david.moreau@exemple.fr", "Confirmez votre adresse e-mail",
     "SMTPAuthenticationError: (535, b'5.7.8 Username and Password not accepted')"),
]


def log_in(page, email: str, password: str) -> None:
    page.goto("/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".flashes")).to_contain_text("Bonjour")


def _no_horizontal_scroll(page) -> bool:
    """Measured once the stylesheet applies: on a busy machine the text can be there before it."""
    page.wait_for_load_state("load")
    return page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")


def test_an_admin_resends_a_failed_e_mail(new_page, live_server, screenshot):
    from forum.extensions import db

    with live_server.app.app_context():
        make_user("adele.admin@exemple.fr", "Adèle Admin", role="admin")
        for to, subject, error in FAILURES:
            make_failed_email(to, subject, error, attempts=live_server.app.config["MAIL_MAX_ATTEMPTS"])
        db.session.remove()

    admin = new_page()
    log_in(admin, "adele.admin@exemple.fr", live_server.password)
    admin.get_by_role("link", name="Modération").first.click()
    admin.get_by_role("link", name="Envois d'e-mails").click()
    expect(admin.get_by_role("heading", name="Envois d'e-mails", level=1)).to_be_visible()
    expect(admin.locator(".delivery-counts")).to_contain_text("4 en échec")
    expect(admin.locator("table.deliveries tbody tr")).to_have_count(4)
    screenshot(admin, "deliveries-1280")
    assert _no_horizontal_scroll(admin)

    row = admin.locator("table.deliveries tbody tr", has_text="bob.leroy@exemple.fr")
    expect(row).to_contain_text("Connection unexpectedly closed")
    row.get_by_role("button", name="Renvoyer").click()
    expect(admin.locator(".flashes")).to_contain_text(
        "L'e-mail « Nouvelle réponse : Quel tarif pour l'adhésion au fablab ? » à bob.leroy@exemple.fr "
        "repart dans la file d'envoi.")
    expect(admin.locator("table.deliveries tbody tr")).to_have_count(3)
    expect(admin.locator(".delivery-counts")).to_contain_text("3 en échec")
    _wait_for_mail(live_server, "bob.leroy@exemple.fr")  # the server's worker sends it

    # On a phone: one card per e-mail, long addresses and errors wrapped, nothing scrolls sideways.
    phone = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    log_in(phone, "adele.admin@exemple.fr", live_server.password)
    phone.goto("/administration/envois")
    expect(phone.locator("table.deliveries tbody tr")).to_have_count(3)
    screenshot(phone, "deliveries-390")
    assert _no_horizontal_scroll(phone), "the page scrolls sideways on a phone"
    card = phone.locator("table.deliveries tbody tr", has_text=LONG_ADDRESS)
    card.get_by_role("button", name="Renvoyer").click()
    expect(phone.locator(".flashes")).to_contain_text(f"à {LONG_ADDRESS} repart dans la file d'envoi.")
    assert _no_horizontal_scroll(phone)
    screenshot(phone, "deliveries-390-resent")
    _wait_for_mail(live_server, LONG_ADDRESS)


def _wait_for_mail(live_server, to: str) -> None:
    """The e-mails are files here, as with `make run`; the worker writes them soon after the commit."""
    assert wait_for(lambda: [message for message in sent_mail(live_server.mail_dir) if message["To"] == to],
                    3 * TIMEOUT_MS / 1000, interval=0.1), f"the resent e-mail to {to} did not leave"
