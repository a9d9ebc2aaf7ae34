"""The directory's filters on the standard's lists (services, publics, frais, accompagnement, labels,
itinérance): the list, the map, the pagination's links, and unknown values."""

import re
from html import unescape as html_unescape

import pytest
from sqlalchemy import select
from werkzeug.datastructures import MultiDict

from forum.core.errors import Invalid
from forum.extensions import db
from forum.fabriques.models import Fabrique
from forum.fabriques.queries import STANDARD_FILTERS, DirectoryFilters, filtered
from tests.conftest import make_fabrique, make_user

NAMES = ("La Grange Partagée", "Le Fil d'Ariane", "Coworking du Port")


@pytest.fixture
def directory(app):
    return {
        "grange": make_fabrique(make_user("a@exemple.fr", "Anne Petit"), NAMES[0], "23", "rural", ["fablab"], lists={
            "services": ["Aide aux démarches administratives", "Loisirs et créations numériques"],
            "publics_specifiquement_adresses": ["Seniors"], "frais_a_charge": ["Gratuit"],
            "modalites_accompagnement": ["Accompagnement individuel"], "itinerance": ["Fixe", "Itinérant"],
            "formations_labels": ["Fabriques de Territoire"]}),
        "fil": make_fabrique(make_user("b@exemple.fr", "Bruno Garnier"), NAMES[1], "93", "qpv", ["jardin"], lists={
            "services": ["Aide aux démarches administratives"], "prise_en_charge_specifique": ["Surdité"],
            "frais_a_charge": ["Payant"], "modalites_accompagnement": ["Dans un atelier collectif"],
            "itinerance": ["Fixe"], "dispositif_programmes_nationaux": ["France Services"]}),
        "port": make_fabrique(make_user("c@exemple.fr", "Chloé Marchand"), NAMES[2], "13", "urbain", ["coworking"]),
    }


def _names(response) -> list[str]:
    assert response.status_code == 200
    html = response.get_data(as_text=True).replace("&#39;", "'")
    return [name for name in NAMES if f">{name}</a>" in html]


@pytest.mark.parametrize("query,expected", [
    ({"service": "Aide aux démarches administratives"}, [NAMES[0], NAMES[1]]),
    ({"service": "Loisirs et créations numériques"}, [NAMES[0]]),
    ({"public": "Seniors"}, [NAMES[0]]),
    ({"public": "Surdité"}, [NAMES[1]]),  # a prise en charge spécifique
    ({"frais": "Payant"}, [NAMES[1]]),
    ({"accompagnement": "Accompagnement individuel"}, [NAMES[0]]),
    ({"label": "Fabriques de Territoire"}, [NAMES[0]]),
    ({"label": "France Services"}, [NAMES[1]]),  # a dispositif
    ({"itinerance": "Itinérant"}, [NAMES[0]]),
    ({"itinerance": "Fixe", "territoire": "qpv"}, [NAMES[1]]),
    ({"service": "Aide aux démarches administratives", "frais": "Gratuit"}, [NAMES[0]]),
    ({"service": "Acquisition de matériel informatique à prix solidaire"}, []),
])
def test_each_filter(client, directory, query, expected):
    assert _names(client.get("/fabriques", query_string=query)) == expected


@pytest.mark.parametrize("query", [
    {"service": "Piscine"}, {"public": "Gratuit"}, {"frais": "Seniors"}, {"accompagnement": "x" * 300},
    {"label": "Aidants Connect\x00"}, {"itinerance": "Volant"},
])
def test_unknown_values_are_400_in_french(client, directory, query):
    response = client.get("/fabriques", query_string=query)
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "n&#39;existe pas" in html or "caractère" in html
    assert client.get("/fabriques/carte", query_string=query).status_code == 400


def test_filters_round_trip_through_as_args(app):
    values = {"region": "75", "service": "Aide aux démarches administratives", "public": "Surdité",
              "frais": "Gratuit sous condition", "accompagnement": "À distance", "label": "Certification PIX",
              "itinerance": "Itinérant", "tri": "activite"}
    filters = DirectoryFilters.from_args(MultiDict(values))
    assert filters.as_args() == values
    assert DirectoryFilters.from_args(MultiDict(filters.as_args())) == filters
    assert filters.standard_in_use and not DirectoryFilters().standard_in_use
    with pytest.raises(Invalid):
        DirectoryFilters.from_args(MultiDict({"public": "Fablab"}))


def test_filtered_keeps_its_signature_for_other_readers(app, directory):
    """The export calls ``filtered(statement, filters)`` on its own select of fabriques."""
    statement = filtered(select(Fabrique.name).order_by(Fabrique.name), DirectoryFilters(frais="Gratuit"))
    assert db.session.scalars(statement).all() == [NAMES[0]]


def test_filter_form_and_links_keep_the_filters(client, directory, app):
    app.config["FABRIQUES_PER_PAGE"] = 1
    html = client.get("/fabriques", query_string={"service": "Aide aux démarches administratives"}
                      ).get_data(as_text=True)
    assert '<details class="more-filters" open>' in html
    assert '<option value="Aide aux démarches administratives" selected>' in html
    assert "service=Aide+aux+d%C3%A9marches+administratives" in html  # the pager and the map
    assert "page=2" in html
    for spec in STANDARD_FILTERS:
        assert f'name="{spec.param}"' in html
    assert '<details class="more-filters">' in client.get("/fabriques").get_data(as_text=True)
    map_page = client.get("/fabriques/carte", query_string={"label": "France Services"})
    assert map_page.status_code == 200 and NAMES[1] in map_page.get_data(as_text=True).replace("&#39;", "'")


def test_the_directory_links_its_open_data_with_its_filters(client, directory):
    """The export links under the list carry the directory's filters: the file holds what the page lists."""
    fil = db.session.get(Fabrique, directory["fil"].id)
    fil.pivot, fil.address, fil.postal_code, fil.city = "43493312300029", "3 rue de la Paix", "93200", "Saint-Denis"
    db.session.commit()
    html = client.get("/fabriques", query_string={"frais": "Payant", "tri": "activite"}).get_data(as_text=True)
    links = dict(re.findall(r'href="(/fabriques\.(csv|json)[^"]*)"', html)[i][::-1] for i in range(2))
    assert set(links) == {"csv", "json"}
    assert "frais=Payant" in links["json"] and "tri" not in links["json"]
    answer = client.get(html_unescape(links["json"])).get_json()
    assert [lieu["nom"] for lieu in answer["lieux"]] == [NAMES[1]]  # the only one that pays
    assert answer["lieux_exclus"] == 0
    assert client.get(html_unescape(links["csv"])).status_code == 200
