"""Two members write to each other in private, clicked through in a real Chromium, at desktop and
phone width: "Écrire" on a profile, the bell, the unread mark, the reply. Only what a person sees
is asserted."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect
from sqlalchemy import select

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.extensions import db
from forum.messages.services import start_conversation
from tests.conftest import commit_work, make_user
from tests.e2e.test_journey import log_in, nav, open_menu

pytestmark = pytest.mark.e2e

WRITER_EMAIL = "ines.moreau@exemple.fr"
WRITER_NAME = "Inès Moreau"
SUBJECT = "Votre modèle de convention de prêt"


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["bureau", "telephone"])
def test_two_members_write_to_each_other(page, new_page, live_server, screenshot, width, height):
    with live_server.app.app_context():
        make_user(WRITER_EMAIL, WRITER_NAME)
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, live_server.manager_email, live_server.password, live_server.manager_name)
    # -- Inès opens Claire's profile and writes to her -----------------------------------------
    writer_page = new_page()
    writer_page.set_viewport_size({"width": width, "height": height})
    log_in(writer_page, WRITER_EMAIL, live_server.password, WRITER_NAME)
    writer_page.goto("/fabriques/" + live_server.fabrique_slug)
    writer_page.get_by_role("link", name="Écrire aux responsables").click()
    expect(writer_page.get_by_label("À")).to_have_value(live_server.manager_name)
    writer_page.get_by_label("Objet").fill(SUBJECT)
    writer_page.get_by_label("Message").fill("Bonjour Claire,\n\nPourriez-vous m'envoyer **votre modèle** ?")
    screenshot(writer_page, f"messages-01-ecrire-{width}")
    writer_page.get_by_role("button", name="Envoyer").click()
    expect(writer_page.locator(".flashes")).to_contain_text("Votre message est envoyé.")
    expect(writer_page.get_by_role("heading", name=SUBJECT)).to_be_visible()

    # -- Claire sees it from the bell, then in her messages, and answers -------------------------
    page.goto("/")
    nav(page).get_by_role("link", name="1 notification non lue").click()  # beside the menu on a phone
    page.get_by_role("button", name=re.compile(f"{WRITER_NAME} vous a écrit")).click()
    expect(page.get_by_role("heading", name=SUBJECT)).to_be_visible()
    expect(page.locator(".private-message strong")).to_have_text("votre modèle")
    expect(page.locator(".private-message .badge-new")).to_have_count(1)
    page.get_by_label("Votre réponse").fill("Avec plaisir : le voici en pièce jointe de notre wiki.")
    screenshot(page, f"messages-02-conversation-{width}")
    page.get_by_role("button", name="Envoyer").click()
    expect(page.locator(".private-message")).to_have_count(2)

    # -- Inès sees the answer marked as new in her list ----------------------------------------
    open_menu(writer_page)
    nav(writer_page).get_by_role("link", name="Messages").click()
    expect(writer_page.locator(".conversation.unread")).to_contain_text(SUBJECT)
    screenshot(writer_page, f"messages-03-liste-{width}")
    writer_page.get_by_role("link", name=re.compile(SUBJECT)).click()
    expect(writer_page.locator(".private-message").last).to_contain_text("Avec plaisir")


@pytest.mark.parametrize("width,height", [(1280, 900), (390, 844)], ids=["bureau", "telephone"])
def test_a_member_mutes_then_leaves_a_conversation(page, new_page, live_server, screenshot, width, height):
    """Claire mutes a conversation of three, then leaves it after its confirmation page; the others read
    that she left."""
    with live_server.app.app_context():
        writer = make_user(WRITER_EMAIL, WRITER_NAME)
        third = make_user("paul.girard@exemple.fr", "Paul Girard")
        with write_intent():
            claire = db.session.execute(select(User).where(User.email == live_server.manager_email)).scalar_one()
            conversation_id = start_conversation(writer, [claire, third], "Retrait de la découpeuse laser", (
                "Bonjour à vous deux,\n\nJe passe **jeudi à 10\u00a0h** chercher la découpeuse\u00a0: "
                "ça vous va\u00a0?")).id
            commit_work()
        db.session.remove()
    page.set_viewport_size({"width": width, "height": height})
    log_in(page, live_server.manager_email, live_server.password, live_server.manager_name)
    page.goto(f"/messagerie/{conversation_id}")
    expect(page.get_by_role("button", name="Ne plus être notifié·e")).to_be_visible()
    expect(page.get_by_role("link", name="Quitter la conversation")).to_be_visible()
    screenshot(page, f"messages-04-boutons-{width}")

    # -- Muted: the button turns into « Réactiver les notifications », the list says so -------------
    page.get_by_role("button", name="Ne plus être notifié·e").click()
    expect(page.locator(".flashes")).to_contain_text("Vous ne serez plus notifié·e")
    expect(page.get_by_role("button", name="Réactiver les notifications")).to_be_visible()
    screenshot(page, f"messages-05-sourdine-{width}")
    page.goto("/messagerie")
    expect(page.locator(".conversation")).to_contain_text("notifications coupées")

    # -- Leaving: a confirmation page first, then the conversation is gone from her list -------------
    page.goto(f"/messagerie/{conversation_id}")
    page.get_by_role("link", name="Quitter la conversation").click()
    expect(page.get_by_role("heading", name="Quitter la conversation ?")).to_be_visible()
    screenshot(page, f"messages-06-quitter-{width}")
    page.get_by_role("button", name="Quitter la conversation").click()
    expect(page.locator(".flashes")).to_contain_text("Vous avez quitté la conversation")
    expect(page.locator(".conversation")).to_have_count(0)

    # -- The others read that she left -------------------------------------------------------------
    writer_page = new_page()
    writer_page.set_viewport_size({"width": width, "height": height})
    log_in(writer_page, WRITER_EMAIL, live_server.password, WRITER_NAME)
    writer_page.goto(f"/messagerie/{conversation_id}")
    expect(writer_page.locator(".private-departure")).to_contain_text(
        f"{live_server.manager_name} a quitté la conversation")
    expect(writer_page.locator(".meta")).not_to_contain_text(live_server.manager_name)
    screenshot(writer_page, f"messages-07-depart-{width}")
