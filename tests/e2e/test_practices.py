"""Practice reports in a real Chromium: write, publish, edit, compare two versions, vote, comment.

The issue's journey: a member writes a structured report ("Expérience à éviter") for
their fabrique, first as a draft that nobody else can open, then publishes it; edits it
and compares the two versions word by word; a member of another fabrique finds it useful,
comments, tells how it went at home and flags it as outdated; the author is notified.
Along the way, a missing section is refused in French with the typed text kept, and the
list and the report fit a phone's width.

Only what a person sees is asserted: text on the page, the address bar, colours.
"""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.e2e.practices_fixtures import practice_world  # noqa: F401 (the fixture)
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in, nav

pytestmark = pytest.mark.e2e

TITLE = "Une permanence numérique sans rendez-vous au marché"
SECTIONS = {
    "Contexte : le lieu, le public, l'équipe": "Un bourg de 1 500 habitants, deux médiatrices à mi-temps.",
    "Objectif": "Toucher les personnes âgées qui ne viennent **jamais** au tiers-lieu.",
    "Ce qui a été fait": "- un stand sous le préau\n- une tablette et un routeur 4G\n- une affiche à la mairie",
    "Résultat": "Trois visites en deux mois : le bruit et le froid faisaient fuir tout le monde.",
    "Ce qui n'a pas marché, et pourquoi": "Le marché est un lieu de passage, pas d'attente.",
    "Si c'était à refaire": "Aller *chez* les associations d'aînés plutôt qu'au marché.",
}
NEW_OUTCOME = "Trois visites en deux mois, puis douze à la salle des fêtes en hiver."
COMMENT = "Même constat chez nous : le **froid** décourage tout le monde."
TRIAL_NOTE = "Ça marche mieux avec un café offert."
OUTDATED_NOTE = "La mairie prête maintenant la salle des fêtes."
CARD_BORDER = "card => getComputedStyle(card).borderLeftColor"


def fill_report(page: Page, categories, sections: dict[str, str]) -> None:
    page.get_by_label("Titre", exact=True).fill(TITLE)
    page.get_by_label("Verdict").select_option(label="Expérience à éviter")
    page.get_by_label("Territoire").select_option(label="Rural")
    page.get_by_label("Période").fill("d'octobre à novembre 2025")
    page.get_by_label(categories[0], exact=True).check()
    for label, text in sections.items():
        page.get_by_label(label, exact=True).fill(text)
    page.get_by_label("Coût (€)").fill("380")
    page.get_by_label("Partenaires").fill("La mairie, le comité des fêtes")


def test_write_publish_edit_compare_vote_comment(page, new_page, live_server, practice_world,  # noqa: F811
                                                 screenshot):
    base = live_server.url
    world = practice_world

    # -- A member of the fabrique opens the reports and starts one ---------------------------
    author = page
    log_in(author, world.author_email, live_server.password, world.author_name)
    nav(author).get_by_role("link", name="Retours d'expérience").click()
    expect(author).to_have_url(f"{base}/pratiques")
    expect(author.get_by_role("heading", name="Retours d'expérience", level=1)).to_be_visible()
    author.get_by_role("link", name="Partager une expérience").click()
    expect(author).to_have_url(f"{base}/pratiques/nouveau")
    expect(author.get_by_role("heading", name="Partager une expérience", level=1)).to_be_visible()
    expect(author.locator("main")).to_contain_text(f"Au nom de {live_server.fabrique_name}.")

    # A slip first: "Si c'était à refaire" left empty. Refused in French, nothing typed is lost.
    fill_report(author, live_server.categories, {**SECTIONS, "Si c'était à refaire": ""})
    with author.expect_response(lambda response: response.request.method == "POST") as posted:
        author.get_by_role("button", name="Enregistrer le brouillon").click()
    assert posted.value.status == 400
    expect(author.locator("#lessons-error")).to_have_text("Ce champ est obligatoire.")
    expect(author.get_by_role("alert")).to_contain_text("Si c'était à refaire : Ce champ est obligatoire.")
    expect(author.get_by_label("Si c'était à refaire", exact=True)).to_have_attribute("aria-invalid", "true")
    expect(author.get_by_label("Titre", exact=True)).to_have_value(TITLE)
    expect(author.get_by_label("Verdict")).to_have_value("a-eviter")
    expect(author.get_by_label(live_server.categories[0], exact=True)).to_be_checked()
    for label, text in SECTIONS.items():
        if text and label != "Si c'était à refaire":
            expect(author.get_by_label(label, exact=True)).to_have_value(text)
    expect(author.get_by_label("Coût (€)")).to_have_value("380")
    screenshot(author, "pratiques-01-formulaire-erreur")

    # -- Saved as a draft -------------------------------------------------------------------
    author.get_by_label("Si c'était à refaire", exact=True).fill(SECTIONS["Si c'était à refaire"])
    author.get_by_role("button", name="Enregistrer le brouillon").click()
    expect(author).to_have_url(re.compile(rf"^{re.escape(base)}/pratiques/\d+$"))
    report_url = author.url
    expect(author.locator(".flashes")).to_contain_text("Brouillon enregistré")
    expect(author.locator(".page-head .badge")).to_have_text(
        "Brouillon : visible par ses auteurs et les responsables de la fabrique seulement")
    expect(author.get_by_role("heading", name=TITLE, level=1)).to_be_visible()

    # Another member, on another computer, cannot open the draft: a 404 page.
    reader = new_page()
    log_in(reader, world.reader_email, live_server.password, world.reader_name)
    response = reader.goto(report_url)
    assert response.status == 404
    expect(reader.locator(".error-code")).to_have_text("404")
    expect(reader.locator(".error-page .lead")).to_have_text("Ce retour d'expérience n'existe pas.")
    expect(reader.get_by_text(TITLE)).to_have_count(0)

    # -- Published: the verdict banner says "à éviter" in red ------------------------------------
    author.get_by_role("button", name="Publier", exact=True).click()
    expect(author).to_have_url(report_url)
    expect(author.locator(".flashes")).to_contain_text("Votre retour d'expérience est publié. Merci pour ce partage !")
    expect(author.locator(".page-head .badge")).to_have_count(0)
    banner = author.locator(".practice-kind-banner")
    expect(banner).to_be_visible()
    expect(banner).to_have_text(re.compile(r"✗\s+Expérience à éviter"))
    expect(banner).to_have_css("background-color", "rgb(251, 233, 230)")  # --red-light
    expect(banner).to_have_css("color", "rgb(178, 58, 46)")  # --red
    # The sections, their Markdown rendered.
    expect(author.locator(".practice-section-objective .post-body strong")).to_have_text("jamais")
    expect(author.locator(".practice-section-actions .post-body li")).to_have_count(3)
    expect(author.locator(".practice-section-lessons .post-body em")).to_have_text("chez")
    facts = author.locator("dl.facts")
    expect(facts).to_contain_text("380 €")
    expect(facts).to_contain_text("La mairie, le comité des fêtes")
    expect(author.get_by_role("link", name="1 version")).to_be_visible()
    screenshot(author, "pratiques-02-retour-a-eviter")

    # The list shows both kinds, the "à éviter" card with its own colour.
    nav(author).get_by_role("link", name="Retours d'expérience").click()
    expect(author.locator("main")).to_contain_text("2 retours d'expérience")
    avoid_card = author.locator(".practice-card", has_text=TITLE)
    good_card = author.locator(".practice-card", has_text=world.good_title)
    expect(avoid_card).to_have_class(re.compile(r"\bpractice-a-eviter\b"))
    expect(good_card).to_have_class(re.compile(r"\bpractice-bonne-pratique\b"))
    expect(avoid_card.locator(".practice-kind")).to_contain_text("Expérience à éviter")
    expect(good_card.locator(".practice-kind")).to_contain_text("Bonne pratique")
    avoid_border, good_border = avoid_card.evaluate(CARD_BORDER), good_card.evaluate(CARD_BORDER)
    assert avoid_border != good_border, (avoid_border, good_border)
    red_channel, green_channel = (int(c) for c in re.findall(r"\d+", avoid_border)[:2])
    assert red_channel > green_channel, f"the 'à éviter' border is not reddish: {avoid_border}"
    expect(author.get_by_role("heading", name="Mes brouillons")).to_have_count(0)
    screenshot(author, "pratiques-03-liste-deux-verdicts")

    # -- The author edits the outcome and the verdict: version 2 ---------------------------------
    avoid_card.get_by_role("link", name=TITLE).click()
    expect(author).to_have_url(report_url)
    author.get_by_role("link", name="Modifier", exact=True).click()
    expect(author).to_have_url(f"{report_url}/modifier")
    expect(author.get_by_role("heading", name="Modifier le retour d'expérience")).to_be_visible()
    expect(author.get_by_label("Résultat", exact=True)).to_have_value(SECTIONS["Résultat"])
    author.get_by_label("Résultat", exact=True).fill(NEW_OUTCOME)
    author.get_by_label("Verdict").select_option(label="Expérience mitigée")
    expect(author.get_by_role("button", name="Publier", exact=True)).to_have_count(0)  # already published
    author.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(author).to_have_url(report_url)
    expect(author.locator(".flashes")).to_have_text(re.compile(r"Modifications enregistrées \(version 2\)\."))
    expect(author.locator(".practice-kind-banner")).to_have_text(re.compile(r"~\s+Expérience mitigée"))
    expect(author.locator(".practice-section-outcome")).to_contain_text("douze à la salle des fêtes")

    # ... opens the history and compares versions 1 and 2.
    author.get_by_role("link", name="2 versions").click()
    expect(author).to_have_url(f"{report_url}/historique")
    expect(author.get_by_role("heading", name="Historique des versions")).to_be_visible()
    expect(author.locator("table tbody tr")).to_have_count(2)
    author.get_by_role("radio", name="Comparer depuis la version 1").check()
    author.get_by_role("radio", name="Comparer jusqu’à la version 2").check()
    author.get_by_role("button", name="Comparer").click()
    expect(author).to_have_url(re.compile(rf"^{re.escape(report_url)}/comparer\?(a=2&de=1|de=1&a=2)$"))
    expect(author.get_by_role("heading", name="Version 1 → version 2", level=1)).to_be_visible()
    diffs = author.locator("section.diff")
    expect(diffs).to_have_count(2)  # only what changed: the verdict and the outcome
    verdict = diffs.filter(has=author.get_by_role("heading", name="Type", exact=True))
    expect(verdict.locator("del")).to_have_text("à éviter")
    expect(verdict.locator("ins")).to_have_text("mitigée")
    outcome = diffs.filter(has=author.get_by_role("heading", name="Résultat", exact=True))
    expect(outcome).to_contain_text("Trois visites en deux")  # unchanged words stay, unmarked
    screenshot(author, "pratiques-04-comparaison")
    removed = " ".join(outcome.locator("del").all_inner_texts()).split()
    added = " ".join(outcome.locator("ins").all_inner_texts()).split()
    assert {"bruit", "froid", "faisaient", "fuir"} <= set(removed), removed
    assert {"douze", "salle", "fêtes", "hiver."} <= set(added), added
    assert not {"Trois", "visites", "deux"} & set(removed + added), (removed, added)

    # -- The other member finds it useful, comments, tells their own outcome --------------------
    reader.goto(report_url)
    expect(reader.get_by_role("heading", name=TITLE, level=1)).to_be_visible()
    expect(reader.get_by_role("link", name="Modifier", exact=True)).to_have_count(0)
    reader.get_by_role("button", name="Utile · 0").click()
    expect(reader.locator(".flashes")).to_contain_text("Merci : votre vote « utile » est compté.")
    expect(reader.get_by_role("button", name="✓ Utile · 1")).to_be_visible()

    reader.get_by_label("Votre commentaire").fill(COMMENT)
    reader.get_by_role("button", name="Commenter").click()
    expect(reader).to_have_url(f"{report_url}#commentaires")
    expect(reader.locator(".flashes")).to_contain_text("Votre commentaire est publié.")
    comments = reader.locator("#commentaires")
    expect(comments.locator("h2 .count")).to_have_text("1")
    comment = comments.locator(".loan-message")  # one comment (the class is shared with loan messages)
    expect(comment).to_have_count(1)
    expect(comment.locator(".post-body strong")).to_have_text("froid")
    expect(comment.locator(".post-body")).to_have_text("Même constat chez nous : le froid décourage tout le monde.")
    expect(comment.locator(".meta")).to_contain_text(world.reader_name)

    trials = reader.locator("#essais")
    expect(trials).to_contain_text("Aucune autre fabrique n'a encore raconté son essai.")
    trials.get_by_label("Chez nous").select_option(label="En partie")
    trials.locator("textarea").fill(TRIAL_NOTE)
    trials.get_by_role("button", name="Ajouter le résultat de ma fabrique").click()
    expect(reader).to_have_url(f"{report_url}#essais")
    expect(reader.locator(".flashes")).to_contain_text("Merci : le résultat de votre fabrique est ajouté.")
    expect(trials.locator(".trial-summary")).to_contain_text("En partie : 1")
    expect(trials.locator(".activity-list")).to_contain_text(f"{world.other_fabrique_name} — En partie")
    expect(trials.locator(".activity-list")).to_contain_text(TRIAL_NOTE)

    # ... and flags it as no longer current.
    flag = reader.locator("details", has_text="Signaler que ce n'est plus d'actualité")
    flag.get_by_text("Signaler que ce n'est plus d'actualité").click()
    expect(flag.get_by_text("Pourquoi ? (facultatif)")).to_be_visible()
    flag.get_by_label("Pourquoi ? (facultatif)").fill(OUTDATED_NOTE)
    flag.get_by_role("button", name="Signaler", exact=True).click()
    expect(reader.locator(".flashes")).to_contain_text("Merci : les auteurs sont prévenus.")
    expect(reader.locator(".current-check")).to_contain_text("1 membre pense qu'il n'est plus à jour.")
    screenshot(reader, "pratiques-05-retour-lecteur")

    # -- The author sees the bell and three notifications ----------------------------------------
    author.goto(report_url)
    bell = nav(author).get_by_role("link", name="3 notifications non lues")
    expect(bell.locator(".bell-count")).to_have_text("3")
    # Authors do not vote for their own report: they see the count, not the button.
    expect(author.get_by_role("button", name="Utile · 1")).to_have_count(0)
    expect(author.get_by_text("1 membre l'a trouvé utile")).to_be_visible()
    expect(author.get_by_role("button", name="C'est toujours valable")).to_be_visible()
    bell.click()
    expect(author).to_have_url(f"{base}/notifications")
    unread = author.locator(".notification.unread")
    expect(unread).to_have_count(3)
    expect(unread.filter(has_text="a commenté")).to_contain_text(f"{world.reader_name} a commenté « {TITLE} ».")
    expect(unread.filter(has_text="a essayé")).to_contain_text(
        f"{world.other_fabrique_name} a essayé « {TITLE} » : en partie.")
    expect(unread.filter(has_text="plus d'actualité")).to_contain_text(
        f"{world.reader_name} pense que « {TITLE} » n'est plus d'actualité : {OUTDATED_NOTE}")
    screenshot(author, "pratiques-06-notifications-autrice")
    unread.filter(has_text="a commenté").get_by_role("button").click()
    expect(author).to_have_url(f"{report_url}#commentaires")
    expect(nav(author).get_by_role("link", name="2 notifications non lues")).to_be_visible()

    # -- On a phone, the list and the report fit the screen -------------------------------------
    phone = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                     device_scale_factor=2)
    log_in(phone, world.reader_email, live_server.password, world.reader_name)
    for name, url in (("liste", "/pratiques"), ("retour", report_url),
                      ("comparaison", f"{report_url}/comparer?de=1&a=2")):
        phone.goto(url)
        expect(phone.locator("main h1")).to_be_visible()
        screenshot(phone, f"pratiques-07-mobile-{name}")
        wide = phone.evaluate(WIDER_THAN_SCREEN, 390)
        assert not wide, f"{url} is wider than a 390px screen; too wide: {wide}"
