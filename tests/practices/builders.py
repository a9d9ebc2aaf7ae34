"""Builders for practice tests, through the real services."""

from __future__ import annotations

from forum.practices import services
from forum.practices.models import SECTIONS
from tests.conftest import commit_work, writing

SECTIONS_TEXT = {
    "context": "Un bourg de 2 000 habitants, un café associatif tenu par huit bénévoles.",
    "objective": "Ouvrir un atelier de réparation de vélos le samedi.",
    "actions": "- Appel aux bénévoles\n- Achat d'outils d'occasion\n- Une permanence par mois",
    "outcome": "Douze réparations par permanence, un public **nouveau**.",
    "problems": "Le local était trop petit l'hiver.",
    "lessons": "Prévoir un lieu de repli et un stock de chambres à air.",
}


def practice_input(category_ids: list[int], **changes) -> services.PracticeInput:
    data = {"title": "Un atelier vélo au café associatif", "kind": "bonne-pratique", "territory_type": "rural",
            "theme_ids": category_ids, "period": "printemps 2025", "sections": dict(SECTIONS_TEXT),
            "cost_euros": 450, "volunteer_hours": 120, "partners": "La mairie", "funding": "FDVA"}
    data.update(changes)
    return services.PracticeInput(**data)


def make_practice(author, category_ids: list[int], publish: bool = True, **changes):
    with writing():
        practice = services.create_practice(author, practice_input(category_ids, **changes))
        if publish:
            services.publish(author, practice)
        commit_work()
    return practice


def form_data(category_ids: list[int], **changes) -> dict:
    data = {"title": "Un atelier vélo au café associatif", "kind": "bonne-pratique", "territory_type": "rural",
            "theme_ids": [str(i) for i in category_ids], "period": "printemps 2025", "cost_euros": "450",
            "volunteer_hours": "120", "partners": "La mairie", "funding": "FDVA", "licence": "cc-by-sa",
            **SECTIONS_TEXT}
    data.update(changes)
    assert set(SECTIONS) <= set(data)
    return data
