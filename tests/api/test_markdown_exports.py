"""« Exporter en Markdown »: a practice report's and a catalogue resource's page as Markdown, with the
same visibility as the page."""

from __future__ import annotations

import pytest

from tests.api.builders import SECRET, world
from tests.conftest import login


@pytest.fixture
def data(app):
    return world()


def markdown(client, url: str) -> str:
    response = client.get(url)
    assert response.status_code == 200, response.get_data(as_text=True)[:300]
    assert response.headers["Content-Type"] == "text/markdown; charset=utf-8"
    return response.get_data(as_text=True)


def test_a_report_exports_with_its_metadata_sections_and_a_link_back(client, data):
    practice = data["practice"]
    text = markdown(client, f"/pratiques/{practice.id}/markdown")
    assert text.startswith("# Un atelier vélo au café associatif\n\n")
    slug = data["fabrique"].slug
    for line in ("- **Verdict\u00a0:** Bonne pratique",
                 f"- **Fabrique\u00a0:** [La Fabrique des Possibles](https://localhost/fabriques/{slug})",
                 "- **Thèmes\u00a0:** Culture", "- **Auteurs\u00a0:** Bob Leroy", "- **Licence\u00a0:** CC BY-SA 4.0",
                 "## Résultat\n\nDouze réparations par permanence, un public **nouveau**.\n",
                 "## Contexte\u00a0: le lieu, le public, l'équipe\n",
                 "- Appel aux bénévoles\n- Achat d'outils d'occasion\n",  # the Markdown as written
                 f"Source\u00a0: <https://localhost/pratiques/{practice.id}>"):
        assert line in text, line
    assert "<p>" not in text
    page = client.get(f"/pratiques/{practice.id}").get_data(as_text=True)
    assert f'href="/pratiques/{practice.id}/markdown"' in page and "Exporter en Markdown" in page


def test_a_resource_exports_with_its_facts_and_description(client, data):
    laser = data["laser"]
    text = markdown(client, f"/ressources/{laser.id}/markdown")
    assert text.startswith("# Découpeuse laser\n\n")
    for line in ("- **Type\u00a0:** Équipement", "- **Catégorie\u00a0:** Fabrication numérique",
                 "## Description\n\nUne **découpeuse** 60 W.\n",
                 f"Source\u00a0: <https://localhost/ressources/{laser.id}>"):
        assert line in text, line
    assert "manager@exemple.fr" not in text
    page = client.get(f"/ressources/{laser.id}").get_data(as_text=True)
    assert f'href="/ressources/{laser.id}/markdown"' in page and "Exporter en Markdown" in page


def test_drafts_and_hidden_content_export_only_for_those_who_see_the_page(client, data):
    for url in (f"/pratiques/{data['draft'].id}/markdown", f"/pratiques/{data['hidden_practice'].id}/markdown",
                f"/ressources/{data['hidden_resource'].id}/markdown", "/pratiques/999999/markdown",
                "/ressources/999999/markdown"):
        response = client.get(url)
        assert response.status_code == 404, url
        assert SECRET not in response.get_data(as_text=True)
    login(client, "bob@exemple.fr")  # the draft's author reads it, as on its page
    assert "# Brouillon" in markdown(client, f"/pratiques/{data['draft'].id}/markdown")
    assert "brouillon, non publié" in markdown(client, f"/pratiques/{data['draft'].id}/markdown")
