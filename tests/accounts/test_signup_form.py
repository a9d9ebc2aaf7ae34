"""Sign-up shows every problem at once, states the password rules first, and finds a fabrique by typing."""

import html

from sqlalchemy import func, select

from forum.accounts.models import User
from forum.extensions import db
from forum.fabriques.models import Membership
from tests.accounts.test_accounts import REGISTRATION
from tests.conftest import make_fabrique, make_user, submit


def _page(response) -> str:
    return html.unescape(response.get_data(as_text=True)).replace("\u00a0", " ")


def _count(model) -> int:
    return db.session.execute(select(func.count()).select_from(model)).scalar_one()


def test_the_password_rules_are_stated_before_the_first_attempt(client, app):
    page = _page(client.get("/inscription"))
    assert "De 12 à 128 caractères, ni trop courant ni fait de votre nom ou de votre adresse" in page


def test_every_problem_shows_at_once(client, app):
    make_user("nadia.benali@exemple.fr", "Nadia Première")
    response = submit(client, "/inscription", {
        **REGISTRATION, "display_name": "Équipe du forum", "password": "motdepasse123",
        "password_confirm": "autre chose encore", "fabrique": "introuvable"})
    page = _page(response)
    assert response.status_code == 400
    for message in ("Un compte existe déjà", "réservé à l'équipe", "trop courant", "ne sont pas identiques",
                    "Aucune fabrique ne correspond à « introuvable »"):
        assert message in page, message
    assert _count(User) == 1


def test_a_fabrique_is_found_by_its_name_its_town_or_its_departement(client, other_client, app):
    manager = make_user("gerante@exemple.fr", "Gérante Dupont")
    tilleuls = make_fabrique(manager, "La Fabrique des Tilleuls", "35", city="Rennes")
    make_fabrique(make_user("autre@exemple.fr", "Autre Gérant"), "Le Moulin Numérique", "23", city="Guéret")
    page = _page(client.get("/inscription"))
    assert 'list="fabriques-suggestions"' in page
    assert '<option value="La Fabrique des Tilleuls — Rennes, Ille-et-Vilaine (35)">' in page
    response = submit(client, "/inscription", {**REGISTRATION, "fabrique": "tilleuls rennes"})
    assert response.status_code == 302
    membership = db.session.execute(select(Membership).join(User, User.id == Membership.user_id)
                                    .where(User.email == REGISTRATION["email"])).scalar_one()
    assert membership.fabrique_id == tilleuls.id


def test_an_ambiguous_entry_offers_the_matching_fabriques_and_one_is_picked(client, app):
    make_fabrique(make_user("a@exemple.fr", "Anne Gérante"), "La Fabrique des Tilleuls", "35", city="Rennes")
    other = make_fabrique(make_user("b@exemple.fr", "Bruno Gérant"), "La Fabrique du Port", "29", city="Brest")
    make_fabrique(make_user("c@exemple.fr", "Carla Gérante"), "Le Moulin Numérique", "23", city="Guéret")
    response = submit(client, "/inscription", {**REGISTRATION, "fabrique": "la fabrique"})
    page = _page(response)
    assert response.status_code == 400 and "Plusieurs fabriques correspondent à « la fabrique »" in page
    assert page.count('name="fabrique_choisie"') == 2 and "Moulin" not in page.split("Laquelle est la vôtre")[1]
    assert _count(User) == 3
    picked = submit(client, "/inscription", {**REGISTRATION, "fabrique": "la fabrique",
                                             "fabrique_choisie": str(other.id)})
    assert picked.status_code == 302
    assert db.session.execute(select(Membership.fabrique_id).join(User, User.id == Membership.user_id)
                              .where(User.email == REGISTRATION["email"])).scalar_one() == other.id
