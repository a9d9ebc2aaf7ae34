import pytest
from sqlalchemy import func, select

from forum.extensions import db
from forum.fabriques.models import Fabrique, FabriqueModule, Membership, MembershipRole, MembershipStatus, Space
from tests.conftest import login, make_fabrique, make_member, make_user, submit

PROFILE = {"name": "Le Moulin Numérique", "summary": "Fablab et médiation au cœur du bourg.",
           "description": "Un **tiers-lieu** rural.", "territory_type": "rural", "department_code": "23",
           "address": "2 rue du Moulin", "postal_code": "23000", "city": "Guéret", "modules": ["fablab", "jardin"],
           "opening_hours": "Du mardi au samedi, 10 h – 18 h", "website": "moulin.exemple.fr",
           "contact_email": "bonjour@moulin.exemple.fr", "phone": "05 55 00 00 00", "latitude": "46.17",
           "longitude": "1.87"}


@pytest.fixture
def directory(app):
    """Three fabriques in three regions with different territories and modules."""
    manager_a = make_user("a@exemple.fr", "Anne Petit")
    manager_b = make_user("b@exemple.fr", "Bruno Garnier")
    manager_c = make_user("c@exemple.fr", "Chloé Marchand")
    return {
        "rural": make_fabrique(manager_a, "La Grange Partagée", "23", "rural", ["fablab", "jardin"]),
        "qpv": make_fabrique(manager_b, "L'Atelier des Tours", "93", "qpv", ["mediation_numerique"]),
        "urbain": make_fabrique(manager_c, "Coworking du Port", "13", "urbain", ["coworking"]),
    }


def _names(response) -> list[str]:
    html = response.get_data(as_text=True)
    return [name for name in ("La Grange Partagée", "L&#39;Atelier des Tours", "Coworking du Port") if name in html]


def test_directory_lists_every_fabrique(client, directory):
    response = client.get("/fabriques")
    assert response.status_code == 200
    assert _names(response) == ["La Grange Partagée", "L&#39;Atelier des Tours", "Coworking du Port"]
    assert "3 fabriques" in response.get_data(as_text=True)


@pytest.mark.parametrize("query,expected", [
    ({"region": "75"}, ["La Grange Partagée"]),  # Nouvelle-Aquitaine
    ({"departement": "93"}, ["L&#39;Atelier des Tours"]),
    ({"territoire": "urbain"}, ["Coworking du Port"]),
    ({"module": "mediation_numerique"}, ["L&#39;Atelier des Tours"]),
    ({"module": "jardin", "territoire": "rural"}, ["La Grange Partagée"]),
    ({"module": "jardin", "territoire": "qpv"}, []),
])
def test_directory_filters(client, directory, query, expected):
    assert _names(client.get("/fabriques", query_string=query)) == expected


def test_directory_sorted_by_name_or_activity(client, directory, app):
    html = client.get("/fabriques").get_data(as_text=True)
    assert html.index("Coworking du Port") < html.index("La Grange Partagée")
    from tests.conftest import make_category, make_thread

    make_thread(make_member(directory["qpv"], "d@exemple.fr", "Dina Roux"), make_category())
    html = client.get("/fabriques?tri=activite").get_data(as_text=True)
    assert html.index("L&#39;Atelier des Tours") < html.index("Coworking du Port")


@pytest.mark.parametrize("query", [{"region": "99"}, {"departement": "xx"}, {"territoire": "lune"},
                                   {"module": "piscine"}, {"tri": "hasard"}])
def test_directory_unknown_filter_values_are_400(client, query):
    response = client.get("/fabriques", query_string=query)
    assert response.status_code == 400
    assert "n&#39;existe pas" in response.get_data(as_text=True)


def test_fabrique_page_shows_profile_members_and_spaces(client, app, directory):
    fabrique = directory["rural"]
    manager = make_user("m@exemple.fr", "Marc Noël")
    member = make_member(fabrique, "e@exemple.fr", "Élodie Faure")
    db.session.add(Space(fabrique_id=fabrique.id, name="Salle du four", capacity=25, equipment="Vidéoprojecteur"))
    db.session.commit()
    html = client.get(f"/fabriques/{fabrique.slug}").get_data(as_text=True)
    for text in ("La Grange Partagée", "Creuse (23)", "Nouvelle-Aquitaine", "Rural", "Fablab", "Jardin partagé",
                 "Anne Petit", "Élodie Faure", "Salle du four", "25 personnes", "Vidéoprojecteur"):
        assert text in html, text
    assert manager.display_name not in html and member.id


def test_unknown_fabrique_is_404(client):
    response = client.get("/fabriques/nulle-part")
    assert response.status_code == 404
    assert "Cette fabrique n&#39;existe pas." in response.get_data(as_text=True)


def test_member_creates_a_fabrique_and_becomes_its_manager(client, app):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/fabriques/nouvelle", PROFILE)
    assert response.status_code == 302
    fabrique = db.session.execute(select(Fabrique)).scalar_one()
    assert response.headers["Location"] == f"/fabriques/{fabrique.slug}"
    assert fabrique.slug == "le-moulin-numerique" and fabrique.region_code == "75"
    assert fabrique.website == "https://moulin.exemple.fr"
    assert "<strong>tiers-lieu</strong>" in fabrique.description_html
    membership = db.session.execute(select(Membership)).scalar_one()
    assert membership.role is MembershipRole.MANAGER and membership.status is MembershipStatus.ACTIVE


@pytest.mark.parametrize("changes,message", [
    ({"name": ""}, "obligatoire"),
    ({"name": "x" * 121}, "120"),
    ({"department_code": "100"}, "choix"),
    ({"territory_type": "banlieue"}, "choix"),
    ({"modules": ["piscine"]}, "choix"),
    ({"website": "javascript:alert(1)"}, "site web"),
    ({"latitude": "123"}, "90"),
    ({"latitude": "abc"}, "nombre"),
    ({"description": "x" * 20_001}, "20000"),
])
def test_fabrique_form_refuses_bad_input(client, app, changes, message):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/fabriques/nouvelle", {**PROFILE, **changes})
    assert response.status_code == 400
    assert message in response.get_data(as_text=True).replace("\u202f", "").replace(" ", "")\
        or message in response.get_data(as_text=True)
    assert db.session.execute(select(func.count()).select_from(Fabrique)).scalar_one() == 0


def test_manager_edits_profile_and_extra_fields_are_ignored(client, app, directory):
    fabrique = directory["rural"]
    login(client, "a@exemple.fr")
    response = submit(client, f"/fabriques/{fabrique.slug}/modifier",
                      {**PROFILE, "name": "La Grange Partagée", "id": "999", "region_code": "11", "slug": "piratee"})
    assert response.status_code == 302
    fabrique = db.session.get(Fabrique, fabrique.id)
    assert fabrique.summary == PROFILE["summary"] and fabrique.slug == "la-grange-partagee"
    assert fabrique.region_code == "75"
    modules = db.session.execute(select(FabriqueModule.module).where(FabriqueModule.fabrique_id == fabrique.id))
    assert sorted(modules.scalars()) == ["fablab", "jardin"]


def test_others_cannot_edit_a_fabrique(client, app, directory):
    fabrique = directory["rural"]
    login(client, "b@exemple.fr")  # manager of another fabrique
    assert client.get(f"/fabriques/{fabrique.slug}/modifier").status_code == 403
    response = submit(client, f"/fabriques/{fabrique.slug}/modifier", {**PROFILE, "name": "Volée"},
                      form_url="/fabriques/nouvelle")
    assert response.status_code == 403
    assert db.session.get(Fabrique, fabrique.id).name == "La Grange Partagée"


def test_admin_can_edit_any_fabrique(client, app, directory):
    make_user("admin@exemple.fr", "Admin Istrateur", role="admin")
    login(client, "admin@exemple.fr")
    response = submit(client, f"/fabriques/{directory['qpv'].slug}/modifier", {**PROFILE, "name": "L'Atelier des Tours"})
    assert response.status_code == 302


def test_duplicate_fabrique_name_is_409(client, app, directory):
    make_user()
    login(client, "alice@exemple.fr")
    response = submit(client, "/fabriques/nouvelle", {**PROFILE, "name": "la grange partagée"})
    assert response.status_code == 409
    assert "porte déjà ce nom" in response.get_data(as_text=True)


def test_membership_request_accept_and_refuse(client, other_client, app, directory):
    fabrique = directory["rural"]
    make_user("new@exemple.fr", "Nora Nouvelle")
    make_user("other@exemple.fr", "Omar Autre")
    login(client, "new@exemple.fr")
    assert submit(client, f"/fabriques/{fabrique.slug}/rejoindre", form_url=f"/fabriques/{fabrique.slug}").status_code == 302
    assert "attend la réponse" in client.get(f"/fabriques/{fabrique.slug}").get_data(as_text=True)
    # Twice is refused: one fabrique at most.
    again = submit(client, f"/fabriques/{directory['qpv'].slug}/rejoindre", form_url=f"/fabriques/{fabrique.slug}")
    assert again.status_code == 409

    login(other_client, "a@exemple.fr")
    page = other_client.get(f"/fabriques/{fabrique.slug}/membres").get_data(as_text=True)
    assert "Nora Nouvelle" in page
    membership = db.session.execute(select(Membership).where(Membership.status == MembershipStatus.PENDING)).scalar_one()
    response = submit(other_client, f"/fabriques/{fabrique.slug}/membres/{membership.id}/accepter",
                      form_url=f"/fabriques/{fabrique.slug}/membres")
    assert response.status_code == 302
    assert db.session.get(Membership, membership.id).status is MembershipStatus.ACTIVE
    assert "La Grange Partagée" in client.get("/profil").get_data(as_text=True)
    # Accepting twice is a conflict.
    response = submit(other_client, f"/fabriques/{fabrique.slug}/membres/{membership.id}/accepter",
                      form_url=f"/fabriques/{fabrique.slug}/membres")
    assert response.status_code == 409


def test_refused_request_is_removed(client, app, directory):
    fabrique = directory["rural"]
    user = make_user("new@exemple.fr", "Nora Nouvelle")
    from forum.fabriques.memberships import request_membership

    request_membership(user, fabrique)
    db.session.commit()
    membership_id = db.session.execute(select(Membership.id).where(Membership.user_id == user.id)).scalar_one()
    login(client, "a@exemple.fr")
    response = submit(client, f"/fabriques/{fabrique.slug}/membres/{membership_id}/refuser",
                      form_url=f"/fabriques/{fabrique.slug}/membres")
    assert response.status_code == 302
    assert db.session.get(Membership, membership_id) is None


def test_pending_member_cannot_manage_and_other_managers_cannot_decide(client, app, directory):
    fabrique = directory["rural"]
    user = make_user("new@exemple.fr", "Nora Nouvelle")
    from forum.fabriques.memberships import request_membership

    request_membership(user, fabrique)
    db.session.commit()
    membership_id = db.session.execute(select(Membership.id).where(Membership.user_id == user.id)).scalar_one()
    login(client, "b@exemple.fr")  # manager of L'Atelier des Tours, not of this one
    assert client.get(f"/fabriques/{fabrique.slug}/membres").status_code == 403
    response = submit(client, f"/fabriques/{fabrique.slug}/membres/{membership_id}/accepter", form_url="/")
    assert response.status_code == 403
    # The same membership through another fabrique's URL is not found.
    response = submit(client, f"/fabriques/{directory['qpv'].slug}/membres/{membership_id}/accepter", form_url="/")
    assert response.status_code == 404
    assert db.session.get(Membership, membership_id).status is MembershipStatus.PENDING


def test_last_manager_cannot_leave_or_be_demoted(client, app, directory):
    fabrique = directory["rural"]
    login(client, "a@exemple.fr")
    membership_id = db.session.execute(
        select(Membership.id).where(Membership.fabrique_id == fabrique.id)).scalar_one()
    response = submit(client, f"/fabriques/{fabrique.slug}/quitter", form_url=f"/fabriques/{fabrique.slug}")
    assert response.status_code == 409
    response = submit(client, f"/fabriques/{fabrique.slug}/membres/{membership_id}/role", {"role": "member"},
                      form_url=f"/fabriques/{fabrique.slug}/membres")
    assert response.status_code == 409
    assert db.session.get(Membership, membership_id).role is MembershipRole.MANAGER


def test_manager_promotes_a_member_who_can_then_edit(client, other_client, app, directory):
    fabrique = directory["rural"]
    member = make_member(fabrique, "e@exemple.fr", "Élodie Faure")
    membership_id = db.session.execute(select(Membership.id).where(Membership.user_id == member.id)).scalar_one()
    login(other_client, "e@exemple.fr")
    assert other_client.get(f"/fabriques/{fabrique.slug}/modifier").status_code == 403
    login(client, "a@exemple.fr")
    response = submit(client, f"/fabriques/{fabrique.slug}/membres/{membership_id}/role", {"role": "manager"},
                      form_url=f"/fabriques/{fabrique.slug}/membres")
    assert response.status_code == 302
    assert other_client.get(f"/fabriques/{fabrique.slug}/modifier").status_code == 200


def test_manager_manages_spaces(client, app, directory):
    fabrique = directory["rural"]
    login(client, "a@exemple.fr")
    url = f"/fabriques/{fabrique.slug}/espaces"
    assert submit(client, url, {"name": "Grande salle", "capacity": "40", "equipment": "Écran"}).status_code == 302
    bad = submit(client, url, {"name": "Placard", "capacity": "0"})
    assert bad.status_code == 400
    space = db.session.execute(select(Space)).scalar_one()
    assert (space.name, space.capacity) == ("Grande salle", 40)
    assert submit(client, f"{url}/{space.id}", {"name": "Grande salle", "capacity": "45"}).status_code == 302
    assert db.session.get(Space, space.id).capacity == 45
    # Without confirmation, the page asks first and nothing is deleted.
    assert submit(client, f"{url}/{space.id}/supprimer", form_url=url).status_code == 200
    assert db.session.get(Space, space.id) is not None
    assert submit(client, f"{url}/{space.id}/supprimer", {"confirmed": "1"}, form_url=url).status_code == 302
    assert db.session.execute(select(func.count()).select_from(Space)).scalar_one() == 0


def test_others_cannot_touch_spaces(client, app, directory):
    fabrique = directory["rural"]
    space = Space(fabrique_id=fabrique.id, name="Grande salle", capacity=40)
    db.session.add(space)
    db.session.commit()
    login(client, "b@exemple.fr")
    url = f"/fabriques/{fabrique.slug}/espaces"
    assert client.get(url).status_code == 403
    assert submit(client, f"{url}/{space.id}/supprimer", form_url="/").status_code == 403
    assert db.session.get(Space, space.id) is not None
