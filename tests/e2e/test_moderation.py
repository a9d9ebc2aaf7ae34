"""A member flags a message, a moderator hides it from the queue, the author reads why; clicked in Chromium."""

from __future__ import annotations

import pytest
from playwright.sync_api import expect

from tests.conftest import make_thread, make_user

pytestmark = pytest.mark.e2e


def log_in(page, email: str, password: str) -> None:
    page.goto("/connexion")
    page.get_by_label("Adresse e-mail").fill(email)
    page.get_by_label("Mot de passe", exact=True).fill(password)
    page.get_by_role("button", name="Se connecter").click()
    expect(page.locator(".flashes")).to_contain_text("Bonjour")


def test_flag_review_and_hide(new_page, live_server, screenshot):
    from forum.extensions import db
    from forum.threads.models import Category
    from tests.conftest import make_reply

    with live_server.app.app_context():
        author = make_user("bob.leroy@exemple.fr", "Bob Leroy")
        make_user("chloe.petit@exemple.fr", "Chloé Petit")
        make_user("modeste@exemple.fr", "Modeste Modératrice", role="moderator")
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        thread = make_thread(author, category, "Quel tarif pour l'adhésion au fablab ?",
                             "Nous hésitons entre 10 et 20 euros par an.")
        make_reply(author, thread, "Achetez des montres de luxe sur mon site, prix cassés !")
        thread_path = f"/sujets/{thread.id}/{thread.slug}"
        db.session.remove()

    member = new_page()
    log_in(member, "chloe.petit@exemple.fr", live_server.password)
    member.goto(thread_path)
    member.locator("ol.posts > li.post").nth(1).get_by_role("link", name="Signaler").click()
    member.get_by_label("Spam ou publicité").check()
    member.get_by_role("button", name="Envoyer le signalement").click()
    expect(member.locator(".flashes")).to_contain_text("votre signalement est transmis")

    moderator = new_page()
    log_in(moderator, "modeste@exemple.fr", live_server.password)
    nav = moderator.get_by_role("navigation", name="Navigation principale")
    expect(nav.get_by_role("link", name="Modération 1")).to_be_visible()
    nav.get_by_role("link", name="Modération 1").click()
    expect(moderator.get_by_role("heading", name="Signalements à examiner")).to_be_visible()
    expect(moderator.locator(".moderation-queue")).to_contain_text("montres de luxe")
    screenshot(moderator, "moderation-queue")
    # The message to the author is asked for, visibly, and starts empty: hiding without one is refused.
    expect(moderator.get_by_label("Message à l'auteur·rice")).to_have_value("")
    moderator.get_by_label("Message à l'auteur·rice").fill("   ")
    moderator.get_by_role("button", name="Masquer le message").click()
    expect(moderator.locator(".form-errors")).to_contain_text("Écrivez un message à l'auteur·rice")
    expect(moderator.locator(".form-errors")).to_be_in_viewport()
    screenshot(moderator, "moderation-queue-message-required")
    moderator.get_by_label("Message à l'auteur·rice").fill("Publicité sans rapport avec le fablab")
    moderator.get_by_role("button", name="Masquer le message").click()
    expect(moderator.locator(".flashes")).to_contain_text("Contenu masqué")
    expect(moderator.get_by_text("Aucun signalement en attente")).to_be_visible()

    member.goto(thread_path)
    expect(member.locator("ol.posts > li.post").nth(1)).to_contain_text("Message masqué par la modération.")
    expect(member.get_by_text("montres de luxe")).to_have_count(0)

    writer = new_page()
    log_in(writer, "bob.leroy@exemple.fr", live_server.password)
    writer.goto(thread_path)
    expect(writer.locator(".moderation-notice")).to_contain_text("Publicité sans rapport avec le fablab")
    screenshot(writer, "moderation-hidden-post-author")

    moderator.goto(thread_path)
    moderator.get_by_role("button", name="Verrouiller").click()
    expect(moderator.locator(".flashes")).to_contain_text("Sujet verrouillé")
    screenshot(moderator, "moderation-thread-tools")
    member.goto(thread_path)
    expect(member.get_by_text("Ce sujet est verrouillé par la modération")).to_be_visible()
    expect(member.get_by_role("button", name="Publier la réponse")).to_have_count(0)


def test_a_newcomer_s_link_waits_then_a_moderator_publishes_it(new_page, live_server, screenshot):
    from forum.extensions import db
    from forum.threads.models import Category

    with live_server.app.app_context():
        asker = make_user("alice.martin@exemple.fr", "Alice Martin")
        make_user("nouveau@exemple.fr", "Nina Nouvelle")
        make_user("modeste@exemple.fr", "Modeste Modératrice", role="moderator")
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        thread = make_thread(asker, category, "Un guide pour animer un atelier vidéo ?",
                             "Nous débutons, tout conseil est bienvenu.")
        thread_path = f"/sujets/{thread.id}/{thread.slug}"
        db.session.remove()

    newcomer = new_page()
    log_in(newcomer, "nouveau@exemple.fr", live_server.password)
    newcomer.goto(thread_path)
    newcomer.get_by_label("Votre réponse").fill("Celui-ci nous a bien servi : https://www.example.org/guide-video")
    newcomer.get_by_role("button", name="Publier la réponse").click()
    expect(newcomer.locator(".flashes")).to_contain_text("comme vous débutez sur le forum")
    expect(newcomer.locator(".moderation-notice")).to_contain_text("En attente de validation")
    screenshot(newcomer, "moderation-held-post-author")

    visitor = new_page()
    visitor.goto(thread_path)
    expect(visitor.get_by_text("guide-video")).to_have_count(0)

    moderator = new_page()
    log_in(moderator, "modeste@exemple.fr", live_server.password)
    moderator.get_by_role("navigation", name="Navigation principale").get_by_role("link", name="Modération 1").click()
    queue = moderator.locator("#en-attente").locator("..")
    expect(queue).to_contain_text("guide-video")
    expect(queue).to_contain_text("Nina Nouvelle")
    screenshot(moderator, "moderation-held-queue")
    queue.get_by_role("button", name="Publier").click()
    expect(moderator.locator(".flashes")).to_contain_text("Publié")

    visitor.goto(thread_path)
    expect(visitor.get_by_role("link", name="https://www.example.org/guide-video")).to_be_visible()
