"""What the loser of a race sees, in Chromium: two moderators editing one message (the second gets
both texts side by side, their own kept), two managers answering one loan request (the second reads
who answered). Screenshots at 1280 and 390 px; neither page is wider than a phone."""

from __future__ import annotations

from datetime import timedelta

import pytest
from playwright.sync_api import Page, expect

from forum.core.database import write_intent
from forum.core.dates import today_in_france
from tests.conftest import commit_work, make_member, make_reply, make_thread, make_user
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in

pytestmark = pytest.mark.e2e


def _shoot_both_widths(page: Page, screenshot, name: str) -> None:
    screenshot(page, f"{name}-1280")
    page.set_viewport_size({"width": 390, "height": 844})
    wide = page.evaluate(WIDER_THAN_SCREEN, 390)
    assert not wide, f"{name} is wider than a 390px screen; too wide: {wide}"
    screenshot(page, f"{name}-390")


def test_two_moderators_editing_one_message(new_page, live_server, screenshot):
    from forum.extensions import db
    from forum.threads.models import Category

    with live_server.app.app_context():
        author = make_user("bob.leroy@exemple.fr", "Bob Leroy")
        make_user("modeste@exemple.fr", "Modeste Modératrice", role="moderator")
        make_user("mael@exemple.fr", "Maël Modérateur", role="moderator")
        category = db.session.execute(db.select(Category).order_by(Category.position)).scalars().first()
        thread = make_thread(author, category, "Quel tarif pour l'adhésion au fablab ?",
                             "Nous hésitons entre 10 et 20 euros par an.")
        reply = make_reply(author, thread, "Chez nous c'est 15 €, et gratuit pour les bénévoles.\n\n"
                                           "Achetez aussi mes montres sur https://exemple.com !")
        edit_path = f"/moderation/message/{reply.id}/modifier"
        db.session.remove()

    first, second = new_page(), new_page()
    log_in(first, "modeste@exemple.fr", live_server.password, "Modeste Modératrice")
    log_in(second, "mael@exemple.fr", live_server.password, "Maël Modérateur")
    first.goto(edit_path)
    second.goto(edit_path)  # both forms are open
    first.get_by_label("Message").fill("Chez nous c'est 15 €, et gratuit pour les bénévoles.")
    first.get_by_label("Raison de la modification").fill("Lien publicitaire retiré")
    first.get_by_role("button", name="Enregistrer").click()
    expect(first.locator(".flashes")).to_contain_text("Message modifié")

    second.get_by_label("Message").fill("Chez nous c'est 15 € par an (gratuit pour les bénévoles).")
    second.get_by_label("Raison de la modification").fill("Publicité retirée, tarif précisé")
    second.get_by_role("button", name="Enregistrer").click()
    expect(second.locator(".form-errors")).to_contain_text("Ce message a été modifié par Modeste Modératrice le")
    expect(second.locator(".stale-version")).to_contain_text("Chez nous c'est 15 €, et gratuit pour les bénévoles.")
    expect(second.get_by_label("Message")).to_have_value("Chez nous c'est 15 € par an (gratuit pour les bénévoles).")
    _shoot_both_widths(second, screenshot, "conflict-stale-edit")

    second.set_viewport_size({"width": 1280, "height": 800})
    second.get_by_role("button", name="Enregistrer").click()  # merged by hand: saved this time
    expect(second.locator(".flashes")).to_contain_text("Message modifié")
    expect(second.locator("ol.posts")).to_contain_text("15 € par an")


def test_two_managers_answering_one_loan_request(new_page, live_server, screenshot):
    from forum.extensions import db
    from forum.fabriques.models import Fabrique, Membership, MembershipRole
    from tests.resources.builders import make_loan, make_resource

    today = today_in_france()
    with live_server.app.app_context():
        lender = db.session.execute(db.select(Fabrique)).scalar_one()
        manager = db.session.execute(db.select(Membership)).scalar_one().user_id
        from forum.accounts.models import User

        resource = make_resource(db.session.get(User, manager), lender, "Vidéoprojecteur portable")
        second_id = make_member(lender, "octave@exemple.fr", "Octave Coresponsable").id
        # Declared a writer from its BEGIN: the live server's worker may be writing (the joining
        # e-mails), and a transaction that read first cannot wait for the lock (SQLite: "locked").
        # Reading the id above began one: end it first, so that the write begins its own.
        db.session.rollback()
        with write_intent():
            db.session.execute(db.update(Membership).where(Membership.user_id == second_id)
                               .values(role=MembershipRole.MANAGER))
            commit_work()
        from tests.conftest import make_fabrique

        asker = make_user("mina@exemple.fr", "Mina Emprunteuse")
        make_fabrique(asker, "L'Atelier du Quartier", "93", "qpv")
        loan = make_loan(asker, db.session.get(type(resource), resource.id), today + timedelta(days=3),
                         today + timedelta(days=4), message="Pour la réunion publique de jeudi.")
        loan_path = f"/prets/{loan.id}"
        db.session.remove()

    first, other = new_page(), new_page()
    log_in(first, live_server.manager_email, live_server.password, live_server.manager_name)
    log_in(other, "octave@exemple.fr", live_server.password, "Octave Coresponsable")
    first.goto(loan_path)
    other.goto(loan_path)  # both see the request
    first.get_by_role("button", name="Accepter").click()
    expect(first.locator(".flashes")).to_contain_text("accepté")
    other.get_by_role("button", name="Refuser").click()
    expect(other.locator(".form-errors")).to_contain_text(
        f"La demande vient d'être acceptée par {live_server.manager_name} ({live_server.fabrique_name}).")
    expect(other.locator(".badge-state-accepted")).to_be_visible()  # the page shows where it stands now
    _shoot_both_widths(other, screenshot, "conflict-loan")
