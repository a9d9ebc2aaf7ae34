"""A resource's description says which language it is written in: kept, shown as lang."""

from __future__ import annotations

import html

from sqlalchemy import func, select

from forum.extensions import db
from forum.resources.models import Resource
from tests.conftest import login, make_fabrique, make_user, submit

EQUIPMENT = {"name": "Sewing machines", "category": "informatique", "description": "Two **sewing** machines.",
             "quantity": "2", "condition": "bon"}


def test_a_resource_described_in_english_carries_its_language_and_keeps_it(client, app):
    make_fabrique(make_user("m@exemple.fr", "Marc Noël"))
    login(client, "m@exemple.fr")
    assert submit(client, "/ressources/nouvelle?type=equipement", {**EQUIPMENT, "language": "en"}).status_code == 302
    resource = db.session.execute(select(Resource)).scalar_one()
    assert resource.language == "en"
    page = client.get(f"/ressources/{resource.id}").get_data(as_text=True)
    assert '<div class="post-body" lang="en"><p>Two <strong>sewing</strong> machines.</p>' in page
    url = f"/ressources/{resource.id}/modifier"
    assert '<option selected value="en">' in client.get(url).get_data(as_text=True)
    # An edit that does not send the language keeps it; the version check still counts the save.
    assert submit(client, url, {**EQUIPMENT, "description": "Two sewing machines and their pedals."}).status_code == 302
    db.session.expire_all()
    assert (resource.language, resource.version) == ("en", 2)
    assert submit(client, url, {**EQUIPMENT, "language": ""}).status_code == 302
    db.session.expire_all()
    assert resource.language is None
    assert ' lang="' not in client.get(f"/ressources/{resource.id}").get_data(as_text=True).split("<main", 1)[1].split("</main>", 1)[0]


def test_an_unknown_language_is_a_400_and_nothing_is_listed(client, app):
    make_fabrique(make_user("m@exemple.fr", "Marc Noël"))
    login(client, "m@exemple.fr")
    response = submit(client, "/ressources/nouvelle?type=equipement", {**EQUIPMENT, "language": "english"})
    assert response.status_code == 400
    assert "Langue du texte inconnue" in html.unescape(response.get_data(as_text=True))
    assert db.session.execute(select(func.count()).select_from(Resource)).scalar_one() == 0
