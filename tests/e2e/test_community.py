"""A question answered by a peer and marked solved, clicked through in a real Chromium.

Inès asks; Claire finds the question on "Questions sans réponse", answers and mentions her;
Inès is notified, thanks Claire and marks her answer as the solution; the thread then reads
"Résolu" in lists and under the "Résolus" filter. Only what a person sees is asserted.
"""

from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

from tests.conftest import make_user
from tests.e2e.test_journey import log_in, nav

pytestmark = pytest.mark.e2e

ASKER_EMAIL = "ines.moreau@exemple.fr"
ASKER_NAME = "Inès Moreau"
QUESTION = "Quel outil pour gérer les inscriptions aux ateliers numériques ?"
ANSWER = "Nous utilisons un simple formulaire partagé, @Inès Moreau : je vous envoie notre modèle."


def post_with(page: Page, text: str):
    return page.locator("ol.posts > li.post").filter(has_text=text)


def test_a_question_gets_an_answer_and_a_solution(page, new_page, live_server, screenshot):
    with live_server.app.app_context():
        make_user(ASKER_EMAIL, ASKER_NAME)

    # -- Inès asks a question ---------------------------------------------------------------
    log_in(page, ASKER_EMAIL, live_server.password, ASKER_NAME)
    nav(page).get_by_role("link", name="Nouveau sujet").click()
    page.get_by_label("Titre").fill(QUESTION)
    page.get_by_label("Médiation numérique").check()
    page.get_by_label("C'est une question").check()
    page.get_by_label("Message").fill("Nous débordons de papiers : qui a trouvé un outil simple et libre ?")
    page.get_by_role("button", name="Publier").click()
    expect(page.get_by_role("heading", name=QUESTION)).to_be_visible()
    expect(page.locator("h1 .badge-question")).to_have_text("Question")

    # -- Claire finds it among the unanswered questions and answers ---------------------------
    helper = new_page()
    log_in(helper, live_server.manager_email, live_server.password, live_server.manager_name)
    helper.get_by_role("link", name="Questions sans réponse : aidez un pair").click()
    expect(helper.get_by_role("heading", name="Questions sans réponse")).to_be_visible()
    screenshot(helper, "community-01-questions-sans-reponse")
    helper.get_by_role("link", name=QUESTION).click()
    helper.get_by_label("Votre réponse").fill(ANSWER)
    helper.get_by_role("button", name="Publier la réponse").click()
    expect(helper.locator(".flashes")).to_contain_text("Votre réponse est publiée.")
    expect(post_with(helper, "simple formulaire partagé")).to_be_visible()

    # The question has left the unanswered list.
    helper.goto("/questions-sans-reponse")
    expect(helper.get_by_role("link", name=QUESTION)).to_have_count(0)

    # -- Inès is notified, thanks Claire and marks the solution --------------------------------
    page.goto("/notifications")
    expect(page.locator(".notification-list")).to_contain_text(
        f"{live_server.manager_name} vous a mentionné·e dans « {QUESTION} ».")
    page.locator(".notification-list button").filter(has_text="vous a mentionné").first.click()
    answer = post_with(page, "simple formulaire partagé")
    expect(answer).to_be_visible()
    # The button says whose message it thanks, and whether one has (aria-pressed), to a screen reader too.
    thanks = answer.get_by_role("button", name=f"Dire merci pour le message de {live_server.manager_name} (0 en tout)")
    expect(thanks).to_have_attribute("aria-pressed", "false")
    thanks.click()
    thanked = post_with(page, "simple formulaire partagé").get_by_role(
        "button", name=f"Vous avez dit merci pour le message de {live_server.manager_name} (1 en tout) : retirer")
    expect(thanked).to_have_text("♥ Merci · 1")
    expect(thanked).to_have_attribute("aria-pressed", "true")
    post_with(page, "simple formulaire partagé").get_by_role("button", name="✓ Choisir comme solution").click()
    expect(page.locator(".flashes")).to_contain_text("Cette réponse est désormais la solution de la question.")
    expect(page.locator("h1 .badge-solved")).to_have_text("Résolu")
    expect(page.locator(".solution-box")).to_contain_text("simple formulaire partagé")
    expect(page.locator(".solution-box")).to_contain_text(live_server.manager_name)
    screenshot(page, "community-02-question-resolue")

    # -- Lists say it is solved; the "Résolus" filter finds it ---------------------------------
    page.goto("/forum/mediation-numerique")
    row = page.locator(".thread-row").filter(has_text=QUESTION)
    expect(row.locator(".badge-solved")).to_have_text("Résolu")
    page.get_by_role("navigation", name="Filtrer les sujets").get_by_role("link", name="Résolus").click()
    expect(page.get_by_role("link", name=QUESTION)).to_be_visible()
    page.get_by_role("navigation", name="Filtrer les sujets").get_by_role("link", name="Sans réponse").click()
    expect(page.get_by_role("link", name=QUESTION)).to_have_count(0)
    screenshot(page, "community-03-filtre")
