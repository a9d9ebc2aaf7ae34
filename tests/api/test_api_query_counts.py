"""The API's pages run a fixed number of SQL queries, whatever their length (no N+1)."""

from __future__ import annotations

import pytest

from forum.core.database import write_intent
from forum.extensions import db
from forum.fabriques.models import Fabrique, FabriqueStandardValue, TerritoryType
from forum.threads.models import Thread
from tests.api.builders import world
from tests.conftest import make_category, make_user

MAX_QUERIES = 4  # the page's rows, the standard's lists (fabriques); the page cache's version read


def _fill(size: int) -> None:
    """``size`` fabriques with lists of the standard, and ``size`` threads, straight in the tables."""
    author = make_user("bob@exemple.fr", "Bob Leroy")
    category = make_category("Médiation numérique", 1)
    with write_intent():
        fabriques = [Fabrique(slug=f"fabrique-{n}", name=f"Fabrique {n}", department_code="23", region_code="75",
                              territory_type=TerritoryType.RURAL) for n in range(size)]
        db.session.add_all(fabriques)
        db.session.flush()
        db.session.add_all([FabriqueStandardValue(fabrique_id=fabrique.id, field=field, value=value, position=0)
                            for fabrique in fabriques
                            for field, value in (("services", "Aide aux démarches administratives"),
                                                 ("typologie", "TIERS_LIEUX"))])
        db.session.add_all([Thread(category_id=category.id, author_id=author.id, title=f"Sujet numéro {n}",
                                   slug=f"sujet-{n}", post_count=1) for n in range(size)])
        db.session.commit()


@pytest.mark.parametrize("size", [3, 100])
def test_a_page_of_a_hundred_runs_as_many_queries_as_a_page_of_three(client, app, count_queries, size):
    _fill(size)
    counts = {}
    for url in ("/api/v1/fabriques?limit=100", "/api/v1/sujets?limit=100"):
        client.get(url)  # the first request builds what is built once per process
        with count_queries() as counter:
            response = client.get(url)
        assert response.status_code == 200
        assert len(response.get_json()["items"]) == size
        counts[url] = counter.count
    assert counts["/api/v1/fabriques?limit=100"] <= MAX_QUERIES, counts
    assert counts["/api/v1/sujets?limit=100"] <= MAX_QUERIES, counts


def test_every_list_and_item_is_bounded(client, app, count_queries):
    data = world()
    urls = ["/api/v1/ressources?limit=100", "/api/v1/pratiques?limit=100", "/api/v1/evenements?limit=100",
            f"/api/v1/sujets/{data['thread'].id}", f"/api/v1/pratiques/{data['practice'].id}",
            f"/api/v1/fabriques/{data['fabrique'].slug}", f"/api/v1/ressources/{data['laser'].id}",
            f"/api/v1/evenements/{data['event'].id}"]
    for url in urls:
        with count_queries() as counter:
            assert client.get(url).status_code == 200, url
        assert counter.count <= MAX_QUERIES, (url, counter.statements)
