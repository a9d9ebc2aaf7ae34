"""Accounts that can be recovered and are real, clicked through in Chromium: a forgotten password
reset from the e-mailed link, and a new account confirming its address before it posts."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import register
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in, nav

pytestmark = pytest.mark.e2e

NEW_PASSWORD = "la grange ouvre ses portes au printemps"
PHONE = {"viewport": {"width": 390, "height": 844}, "is_mobile": True, "has_touch": True, "device_scale_factor": 2}


def fits_a_phone(page) -> None:
    wide = page.evaluate(WIDER_THAN_SCREEN, 390)
    assert not wide, f"{page.url} is wider than a 390px screen; too wide: {wide}"


def test_forgotten_password_then_log_in_with_the_new_one(page, new_page, live_server, screenshot, mail_link):
    page.goto("/")
    nav(page).get_by_role("link", name="Se connecter").click()
    page.get_by_role("link", name="Mot de passe oublié\u00a0?").click()
    expect(page.get_by_role("heading", name="Mot de passe oublié")).to_be_visible()
    screenshot(page, "20-mot-de-passe-oublie")
    page.get_by_label("Adresse e-mail").fill(live_server.manager_email)
    page.get_by_role("button", name="Recevoir le lien").click()

    expect(page).to_have_url(f"{live_server.url}/mot-de-passe-oublie/envoye")
    expect(page.get_by_role("heading", name="Vérifiez votre messagerie")).to_be_visible()
    expect(page.locator("main")).to_contain_text("Si un compte utilise cette adresse")
    screenshot(page, "21-mot-de-passe-lien-envoye")

    link = mail_link(live_server.manager_email, "/mot-de-passe/")
    page.goto(link)
    expect(page.get_by_role("heading", name="Choisir un nouveau mot de passe")).to_be_visible()
    expect(page.locator("main")).to_contain_text(live_server.manager_email)
    screenshot(page, "22-nouveau-mot-de-passe")
    page.get_by_label("Nouveau mot de passe", exact=True).fill(NEW_PASSWORD)
    page.get_by_label("Confirmez le nouveau mot de passe").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Enregistrer le mot de passe").click()

    expect(page).to_have_url(f"{live_server.url}/connexion")
    expect(page.locator(".flashes")).to_contain_text("Votre mot de passe est changé")
    page.get_by_label("Adresse e-mail").fill(live_server.manager_email)
    page.get_by_label("Mot de passe", exact=True).fill(NEW_PASSWORD)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".flashes")).to_contain_text(f"Bonjour {live_server.manager_name}")
    expect(nav(page).get_by_role("link", name=live_server.manager_name)).to_be_visible()

    # The link served once: opened again, it says so and offers a new one.
    page.goto(link)
    expect(page.get_by_role("heading", name="Ce lien ne fonctionne plus")).to_be_visible()
    expect(page.locator("main")).to_contain_text("a déjà servi")
    screenshot(page, "23-lien-deja-utilise")
    page.get_by_role("link", name="Demander un nouveau lien").click()
    expect(page).to_have_url(f"{live_server.url}/mot-de-passe-oublie")

    # The same pages on a phone.
    phone = new_page(**PHONE)
    for url, name in (("/mot-de-passe-oublie", "24-mobile-mot-de-passe-oublie"),
                      ("/mot-de-passe-oublie/envoye", "25-mobile-lien-envoye"),
                      (link, "26-mobile-lien-deja-utilise")):
        phone.goto(url)
        screenshot(phone, name)
        fits_a_phone(phone)


def test_a_new_account_confirms_its_address_before_posting(page, new_page, live_server, screenshot, mail_link):
    email, name, password = "lea.nouvelle@exemple.fr", "Léa Nouvelle", "un potager sur le toit de la mairie"
    register(page, email, name, password)
    # The welcome page's first step says where the link went; every other page has the banner.
    expect(page).to_have_url(f"{live_server.url}/bienvenue")
    expect(page.locator(".welcome-steps")).to_contain_text(email)
    page.goto("/")

    banner = page.locator(".confirm-banner")
    expect(banner).to_contain_text("Confirmez votre adresse e-mail.")
    expect(banner).to_contain_text(email)
    screenshot(page, "27-bandeau-adresse-a-confirmer")
    # The forms wait for the confirmation; the button sends the link again.
    nav(page).get_by_role("link", name="Nouveau sujet").click()
    expect(page.locator("main")).to_contain_text("Pour ouvrir un sujet, confirmez d'abord votre adresse e-mail")
    expect(page.get_by_role("button", name="Publier le sujet")).to_have_count(0)
    screenshot(page, "28-nouveau-sujet-adresse-a-confirmer")
    banner.get_by_role("button", name="Renvoyer le lien").click()
    expect(page.locator(".flashes")).to_contain_text(f"Un nouveau lien de confirmation vient de partir vers {email}")
    expect(page).to_have_url(f"{live_server.url}/sujets/nouveau")

    phone = new_page(**PHONE)
    log_in(phone, email, password, name)
    screenshot(phone, "29-mobile-bandeau-adresse-a-confirmer")
    fits_a_phone(phone)

    page.goto(mail_link(email, "/confirmer/"))
    expect(page.locator(".flashes")).to_contain_text(f"votre adresse {email} est confirmée")
    expect(page.locator(".confirm-banner")).to_have_count(0)

    nav(page).get_by_role("link", name="Nouveau sujet").click()
    page.get_by_label("Titre").fill("Qui a déjà monté un potager partagé ?")
    page.get_by_label(live_server.categories[0]).check()
    page.get_by_label("Message").fill("Bonjour, nous cherchons des conseils pour démarrer.")
    page.get_by_role("button", name="Publier le sujet").click()
    expect(page).to_have_url(re.compile(r"/sujets/\d+/qui-a-deja-monte"))
    expect(page.locator(".flashes")).to_contain_text("Votre sujet est publié.")


def test_changing_one_s_address(page, new_page, live_server, screenshot, mail_link):
    new_email = "claire@fabrique-des-possibles.fr"
    log_in(page, live_server.manager_email, live_server.password, live_server.manager_name)
    nav(page).get_by_role("link", name=live_server.manager_name).click()
    page.get_by_role("link", name="Changer mon adresse e-mail").click()
    expect(page.get_by_role("heading", name="Changer mon adresse e-mail")).to_be_visible()
    page.get_by_label("Nouvelle adresse e-mail").fill(new_email)
    page.get_by_label("Mot de passe actuel").fill(live_server.password)
    screenshot(page, "30-changer-adresse")
    page.get_by_role("button", name="Envoyer le lien de confirmation").click()
    expect(page.locator(".flashes")).to_contain_text(f"Un lien de confirmation vient de partir vers {new_email}")

    link = mail_link(new_email, "/profil/adresse/")
    phone = new_page(**PHONE)
    phone.goto(link)
    expect(phone.locator("main")).to_contain_text(new_email)
    screenshot(phone, "31-mobile-confirmer-nouvelle-adresse")
    fits_a_phone(phone)
    page.goto(link)
    screenshot(page, "32-confirmer-nouvelle-adresse")
    page.get_by_role("button", name="Utiliser cette adresse").click()
    expect(page.locator(".flashes")).to_contain_text(f"votre compte utilise maintenant l'adresse {new_email}")
    expect(page.locator("main")).to_contain_text(new_email)
