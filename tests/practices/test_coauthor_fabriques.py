"""Several co-author fabriques are ticked, not Ctrl-clicked: checkboxes a finger can use on a phone."""

import re

from sqlalchemy import select

from forum.extensions import db
from forum.practices.models import Practice, practice_coauthor_fabriques
from tests.conftest import login, make_category, make_fabrique, make_member, make_user, submit
from tests.practices.builders import form_data


def test_co_author_fabriques_are_checkboxes_and_several_are_kept(client, app):
    fabrique = make_fabrique(make_user("manager@exemple.fr", "Maëlle Responsable"), "Le Café des Possibles")
    make_member(fabrique, "author@exemple.fr", "Arthur Auteur")
    partners = [make_fabrique(make_user(f"p{n}@exemple.fr", f"Paul Partenaire{n}"), name, "87")
                for n, name in enumerate(("La Fabrique d'à côté", "Le Moulin Numérique", "L'Atelier du Port"))]
    theme = make_category("Culture", 1)
    login(client, "author@exemple.fr")
    page = client.get("/pratiques/nouveau").get_data(as_text=True)
    boxes = re.findall(r'<input[^>]*name="coauthor_fabrique_ids"[^>]*>', page)
    assert len(boxes) >= 3 and all('type="checkbox"' in box for box in boxes)
    assert '<select multiple' not in page and "Ctrl" not in page
    chosen = [str(partners[0].id), str(partners[2].id)]
    response = submit(client, "/pratiques/nouveau", {**form_data([theme.id]), "coauthor_fabrique_ids": chosen,
                                                     "action": "draft"})
    assert response.status_code == 302
    practice_id = db.session.execute(select(Practice.id)).scalar_one()
    kept = db.session.execute(select(practice_coauthor_fabriques.c.fabrique_id).where(
        practice_coauthor_fabriques.c.practice_id == practice_id)).scalars().all()
    assert sorted(kept) == sorted(int(i) for i in chosen)
