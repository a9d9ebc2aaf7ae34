"""Destructive actions ask first: the button's POST shows a confirmation page and changes nothing;
the page's own button (confirmed=1) does it; « Annuler » leads back. Others still get their 403."""

import html

import pytest
from sqlalchemy import select

from forum.extensions import db
from forum.fabriques import services as fabrique_services
from forum.fabriques.models import Space
from forum.practices.models import Practice
from forum.resources.models import Resource
from forum.threads.models import Post
from tests.conftest import (commit_work, login, make_category, make_fabrique, make_member, make_reply,
                            make_thread, make_user, submit, write_intent)
from tests.practices.builders import make_practice
from tests.resources.builders import make_resource


def _world():
    manager = make_user("m@exemple.fr", "Marc Noël")
    fabrique = make_fabrique(manager)
    make_member(fabrique, "other@exemple.fr", "Odile Autre")
    category = make_category()
    thread = make_thread(manager, category, "Un atelier de couture le samedi ?", "Qui en organise un ?")
    reply = make_reply(manager, thread, "Nous, le premier samedi du mois.")
    resource = make_resource(manager, fabrique, "Découpeuse laser 60 W")
    practice = make_practice(manager, [category.id], title="Un atelier vélo au café associatif")
    with write_intent():
        space = fabrique_services.add_space(manager, fabrique, "Salle du fond", 20, "")
        commit_work()
    return {"post": (Post, reply.id, f"/messages/{reply.id}/supprimer", "Supprimer votre message ?"),
            "resource": (Resource, resource.id, f"/ressources/{resource.id}/supprimer",
                         "Retirer « Découpeuse laser 60 W » du catalogue ?"),
            "practice": (Practice, practice.id, f"/pratiques/{practice.id}/supprimer",
                         "Supprimer le retour d'expérience « Un atelier vélo au café associatif » ?"),
            "space": (Space, space.id, f"/fabriques/{fabrique.slug}/espaces/{space.id}/supprimer",
                      "Supprimer l'espace « Salle du fond » ?")}


def _gone(model, object_id) -> bool:
    db.session.rollback()
    found = db.session.get(model, object_id)
    return found is None or getattr(found, "deleted_at", None) is not None


@pytest.mark.parametrize("what", ["post", "resource", "practice", "space"])
def test_a_destructive_action_asks_first_then_does_it(client, app, what):
    model, object_id, url, question = _world()[what]
    login(client, "m@exemple.fr")
    asked = submit(client, url, form_url="/")
    page = html.unescape(asked.get_data(as_text=True)).replace("\u00a0", " ")
    assert asked.status_code == 200 and question in page
    assert 'name="confirmed" value="1"' in page and ">Annuler</a>" in page
    assert not _gone(model, object_id)
    done = submit(client, url, {"confirmed": "1"}, form_url="/")
    assert done.status_code == 302 and _gone(model, object_id)


@pytest.mark.parametrize("what", ["post", "resource", "practice", "space"])
def test_someone_who_may_not_gets_no_confirmation_page(client, app, what):
    model, object_id, url, _ = _world()[what]
    login(client, "other@exemple.fr")
    assert submit(client, url, form_url="/").status_code == 403
    assert submit(client, url, {"confirmed": "1"}, form_url="/").status_code == 403
    assert not _gone(model, object_id)
