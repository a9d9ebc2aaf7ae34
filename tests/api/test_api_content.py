"""What the public API shows: public content under the documented names, nothing hidden, draft or
personal, in lists and in single items."""

from __future__ import annotations

import pytest
from sqlalchemy import select
from sqlalchemy.orm import selectinload

from forum.core.database import write_intent
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.fabriques.standard import COLUMNS, set_values
from tests.api.builders import SECRET, opening_post, world

LISTS = ["/api/v1/fabriques", "/api/v1/ressources", "/api/v1/pratiques", "/api/v1/sujets", "/api/v1/evenements"]


@pytest.fixture
def data(app):
    return world()


def get_json(client, url: str, status: int = 200):
    response = client.get(url)
    assert response.status_code == status, response.get_data(as_text=True)[:500]
    assert response.headers["Content-Type"] == "application/json; charset=utf-8"
    return response.get_json()


def test_fabriques_carry_the_standard_fields_then_slug_and_url(client, data):
    with write_intent():
        fabrique = db.session.execute(select(Fabrique).where(Fabrique.id == data["fabrique"].id)
                                      .options(selectinload(Fabrique.standard_values))).scalar_one()
        fabrique.pivot = "73282932000074"
        set_values(fabrique, {"services": ["Aide aux démarches administratives"], "typologie": ["TIERS_LIEUX"]})
        db.session.commit()
    body = get_json(client, "/api/v1/fabriques")
    assert body["next"] is None
    (record,) = body["items"]
    assert list(record) == [*COLUMNS, "slug", "url"]
    assert record["nom"] == "La Fabrique des Possibles"
    assert record["pivot"] == "73282932000074"
    assert record["services"] == ["Aide aux démarches administratives"]
    assert record["typologie"] == ["TIERS_LIEUX"]
    assert record["source"] == "Forum des Fabriques"
    assert record["url"] == f"https://localhost/fabriques/{data['fabrique'].slug}"
    assert get_json(client, f"/api/v1/fabriques/{data['fabrique'].slug}") == record


def test_resources_say_where_to_see_availability(client, data):
    items = {item["titre"]: item for item in get_json(client, "/api/v1/ressources")["items"]}
    assert sorted(items) == ["Découpeuse laser", "Guide de la médiation", "Salle des Tilleuls"]
    laser = items["Découpeuse laser"]
    assert laser["type"] == "equipement" and laser["type_libelle"] == "Équipement"
    assert laser["fabrique"] == {"slug": data["fabrique"].slug, "nom": "La Fabrique des Possibles",
                                 "url": f"https://localhost/fabriques/{data['fabrique'].slug}"}
    assert laser["url"] == f"https://localhost/ressources/{data['laser'].id}"
    assert laser["disponibilites"] == f"https://localhost/ressources/{data['laser'].id}#disponibilites"
    assert laser["description_markdown"] == "Une **découpeuse** 60 W."
    assert laser["description_html"].strip() == "<p>Une <strong>découpeuse</strong> 60 W.</p>"
    assert items["Salle des Tilleuls"]["disponibilites"] == f"https://localhost/ressources/{data['room'].id}/creneaux"
    assert items["Guide de la médiation"]["disponibilites"] is None
    assert get_json(client, f"/api/v1/ressources/{data['laser'].id}") == laser


def test_practices_give_sections_as_stored_markdown_and_html(client, data):
    (practice,) = get_json(client, "/api/v1/pratiques")["items"]
    assert practice["titre"] == "Un atelier vélo au café associatif"
    assert practice["verdict"] == "bonne-pratique" and practice["verdict_libelle"] == "Bonne pratique"
    assert practice["themes"] == [{"slug": "culture", "nom": "Culture"}]
    assert practice["auteurs"] == ["Bob Leroy"]
    outcome = next(section for section in practice["sections"] if section["cle"] == "outcome")
    assert outcome["markdown"] == "Douze réparations par permanence, un public **nouveau**."
    assert outcome["html"].strip() == "<p>Douze réparations par permanence, un public <strong>nouveau</strong>.</p>"
    assert practice["markdown"] == f"https://localhost/pratiques/{data['practice'].id}/markdown"
    assert get_json(client, f"/api/v1/pratiques/{data['practice'].id}") == practice


def test_threads_list_public_threads_and_their_visible_posts(client, data):
    (thread,) = get_json(client, "/api/v1/sujets")["items"]
    assert thread["titre"] == "Financer un poste de médiateur"
    assert thread["categorie"] == {"slug": "mediation-numerique", "nom": "Médiation numérique"}
    assert thread["question"] is True and thread["resolu"] is False
    assert thread["nombre_messages"] == 2  # the opening post and the one visible reply
    assert thread["auteur"] == "Bob Leroy"
    detail = get_json(client, f"/api/v1/sujets/{data['thread'].id}")
    assert [post["id"] for post in detail["messages"]] == [opening_post(data["thread"].id).id, data["reply"].id]
    assert [post["auteur"] for post in detail["messages"]] == ["Bob Leroy", "Maëlle Durand"]
    assert detail["messages"][0]["html"].strip() == "<p>Bonjour, la <strong>subvention</strong> finit.</p>"
    assert set(detail["messages"][0]) == {"id", "position", "auteur", "html", "solution", "cree_le", "modifie_le"}


def test_events_are_listed_with_their_fabrique(client, data):
    (event,) = get_json(client, "/api/v1/evenements")["items"]
    assert event["titre"] == "Rencontre régionale des médiateurs"
    assert event["statut"] == "prevu" and event["modalite"] == "sur-place"
    assert event["url"] == f"https://localhost/agenda/{data['event'].id}"
    assert get_json(client, f"/api/v1/evenements/{data['event'].id}") == event


def test_nothing_hidden_draft_or_deleted_appears_in_any_list(client, data):
    for url in LISTS:
        assert SECRET not in client.get(url + "?limit=100").get_data(as_text=True), url
    assert SECRET not in client.get(f"/api/v1/sujets/{data['thread'].id}").get_data(as_text=True)


@pytest.mark.parametrize("kind,path", [
    ("hidden_thread", "/api/v1/sujets/{}"), ("draft", "/api/v1/pratiques/{}"),
    ("hidden_practice", "/api/v1/pratiques/{}"), ("hidden_resource", "/api/v1/ressources/{}"),
    ("hidden_event", "/api/v1/evenements/{}"),
])
def test_hidden_and_draft_items_are_json_404s(client, data, kind, path):
    body = get_json(client, path.format(data[kind].id), 404)
    assert set(body) == {"error"} and body["error"]


def test_a_thread_merged_into_another_is_not_listed(client, data):
    from forum.threads.models import Thread

    with write_intent():
        db.session.get(Thread, data["hidden_thread"].id).merged_into_id = data["thread"].id
        db.session.commit()
    get_json(client, f"/api/v1/sujets/{data['hidden_thread'].id}", 404)


def test_no_member_email_or_id_is_ever_shown(client, data):
    members = [data["manager"], data["author"]]
    for url in [*LISTS, f"/api/v1/sujets/{data['thread'].id}", f"/api/v1/pratiques/{data['practice'].id}"]:
        text = client.get(url).get_data(as_text=True)
        for member in members:
            assert member.email not in text, url
            assert f"/membres/{member.id}" not in text, url
        assert "author_id" not in text and "user_id" not in text


def test_a_moderator_or_author_sees_no_more_through_the_api(client, data):
    from tests.conftest import login

    login(client, "bob@exemple.fr")  # the author of the draft and of the hidden items
    for url in LISTS:
        assert SECRET not in client.get(url).get_data(as_text=True), url
    get_json(client, f"/api/v1/pratiques/{data['draft'].id}", 404)


def test_a_cancelled_event_stays_listed_with_its_status(client, data):
    from forum.core.models import utcnow
    from forum.events.models import Event
    from forum.events.services import cancel_event

    with write_intent():
        cancel_event(data["manager"], db.session.get(Event, data["event"].id), utcnow(), reason="Salle indisponible")
        db.session.commit()
    (event,) = get_json(client, "/api/v1/evenements")["items"]
    assert (event["statut"], event["statut_libelle"]) == ("annule", "Annulé")


def test_unstorable_characters_in_parameters_are_json_400s(client, data):
    for url in ("/api/v1/fabriques?limit=%00", "/api/v1/sujets?cursor=%ED%A0%80"):
        response = client.get(url)
        assert response.status_code in (400, 404) and list(response.get_json()) == ["error"], url
