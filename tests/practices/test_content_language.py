"""A practice report says which language it is written in (« Langue du texte »): kept, shown as lang."""

from __future__ import annotations

import html
import re

from sqlalchemy import func, select

from forum.extensions import db
from forum.practices.models import Practice, PracticeRevision
from tests.conftest import login, make_category, make_fabrique, make_member, make_user, submit
from tests.practices.builders import form_data


def _world():
    manager = make_user("manager@exemple.fr", "Maëlle Responsable")
    fabrique = make_fabrique(manager, "Le Café des Possibles", "23", "rural")
    make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    return [make_category("Culture", 1).id]


def test_a_report_in_english_carries_its_language_and_an_edit_keeps_or_changes_it(client, app):
    theme_ids = _world()
    login(client, "author@exemple.fr")
    assert re.search(r'<option[^>]*selected[^>]*value="fr"|<option[^>]*value="fr"[^>]*selected',
                     client.get("/pratiques/nouveau").get_data(as_text=True))
    response = submit(client, "/pratiques/nouveau", {**form_data(theme_ids), "language": "en", "action": "publish"})
    assert response.status_code == 302
    practice = db.session.execute(select(Practice)).scalar_one()
    assert practice.language == "en"
    page = client.get(f"/pratiques/{practice.id}").get_data(as_text=True)
    assert re.search(r'<h1 lang="en">', page) and page.count('<div class="post-body" lang="en">') >= 5
    url = f"/pratiques/{practice.id}/modifier"
    edit_page = client.get(url).get_data(as_text=True)
    assert re.search(r'<option[^>]*selected[^>]*value="en"|<option[^>]*value="en"[^>]*selected', edit_page)
    # Saved as it is: the same language, no new revision.
    assert submit(client, url, {**form_data(theme_ids), "language": "en"}).status_code == 302
    db.session.expire_all()
    assert (practice.language, practice.revision_count) == ("en", 1)
    # Another language is a revision of its own, which the history names.
    assert submit(client, url, {**form_data(theme_ids), "language": "es"}).status_code == 302
    db.session.expire_all()
    assert (practice.language, practice.revision_count) == ("es", 2)
    latest = db.session.execute(select(PracticeRevision).where(PracticeRevision.number == 2)).scalar_one()
    assert '"language": "espagnol"' in latest.snapshot


def test_an_unknown_language_is_a_400_and_no_report_is_written(client, app):
    theme_ids = _world()
    login(client, "author@exemple.fr")
    response = submit(client, "/pratiques/nouveau", {**form_data(theme_ids), "language": "zz", "action": "draft"})
    assert response.status_code == 400
    assert "Langue du texte inconnue" in html.unescape(response.get_data(as_text=True))
    assert db.session.execute(select(func.count()).select_from(Practice)).scalar_one() == 0
