"""The standard's fields in a fabrique's profile: the form (through the test client, CSRF on), the
service's checks, what is stored, and what the page shows."""

from datetime import datetime, timezone

import pytest
from sqlalchemy import event, func, select

from forum.core.dates import today_in_france
from forum.extensions import db
from forum.fabriques.models import Fabrique, FabriqueStandardValue
from tests.conftest import login, make_fabrique, make_user, plain_spaces, submit

NBSP = "\u00a0"
SIRET = "81234567600017"  # valid keys (SIREN and SIRET)
BASE = {"name": "Le Moulin Numérique", "territory_type": "rural", "department_code": "23",
        "address": "2 rue du Moulin", "postal_code": "23000", "city": "Guéret", "modules": ["fablab"]}
STANDARD = {
    "pivot": "812 345 676 00017", "code_insee": "23096", "complement_adresse": "Bâtiment B, 1er étage",
    "phone": "05 55 00 00 00",
    "typologie": ["FABRIQUE", "ASSO", "CAF"],  # CAF: one of the folded typologies
    "services": ["Aide aux démarches administratives", "Loisirs et créations numériques"],
    "publics_specifiquement_adresses": ["Seniors"], "prise_en_charge_specifique": ["Surdité"],
    "frais_a_charge": ["Gratuit"], "itinerance": ["Fixe", "Itinérant"], "modalites_acces": ["Se présenter"],
    "modalites_accompagnement": ["Dans un atelier collectif"],
    "dispositif_programmes_nationaux": ["Conseillers numériques"],
    "formations_labels": ["Fabriques de Territoire"],
    "autres_formations_labels": "Label Numérique Inclusif\r\n\r\nRepair Café\r\n",
    "fiche_acces_libre": "https://acceslibre.beta.gouv.fr/app/23-gueret/a/tiers-lieu/erp/moulin/",
    "prise_rdv": "https://www.rdv-solidarites.fr/prendre_rdv?departement=23",
    "hours_Mo_1_start": "09:00", "hours_Mo_1_end": "12:00", "hours_Mo_2_start": "14:00", "hours_Mo_2_end": "18:00",
    "hours_Tu_1_start": "09:00", "hours_Tu_1_end": "12:00", "hours_Tu_2_start": "14:00", "hours_Tu_2_end": "18:00",
    "hours_We_1_start": "09:00", "hours_We_1_end": "12:00", "hours_We_2_start": "14:00", "hours_We_2_end": "18:00",
    "hours_Th_1_start": "09:00", "hours_Th_1_end": "12:00", "hours_Th_2_start": "14:00", "hours_Th_2_end": "18:00",
    "hours_Fr_1_start": "09:00", "hours_Fr_1_end": "12:00", "hours_Fr_2_start": "14:00", "hours_Fr_2_end": "18:00",
    "hours_Sa_1_start": "10:00", "hours_Sa_1_end": "12:30",
    "opening_hours": "Fermé en août.",
}
FORM = {**BASE, **STANDARD}
HOURS = "Mo-Fr 09:00-12:00,14:00-18:00; Sa 10:00-12:30"


def _values(fabrique_id: int) -> dict[str, list[str]]:
    rows = db.session.execute(select(FabriqueStandardValue).where(FabriqueStandardValue.fabrique_id == fabrique_id)
                              .order_by(FabriqueStandardValue.field, FabriqueStandardValue.position)).scalars()
    values: dict[str, list[str]] = {}
    for row in rows:
        values.setdefault(row.field, []).append(row.value)
    return values


def _count() -> int:
    return db.session.execute(select(func.count()).select_from(Fabrique)).scalar_one()


@pytest.fixture
def manager(app):
    make_user()
    return "alice@exemple.fr"


@pytest.fixture
def fabrique(app):
    user = make_user("m@exemple.fr", "Marc Noël")
    return make_fabrique(user, "La Grange Partagée", "23", "rural", ["fablab"], postal_code="23000", city="Guéret")


def test_create_stores_every_field_of_the_standard(client, manager):
    login(client, manager)
    response = submit(client, "/fabriques/nouvelle", FORM)
    assert response.status_code == 302, response.get_data(as_text=True)[:3000]
    fabrique = db.session.execute(select(Fabrique)).scalar_one()
    assert fabrique.pivot == SIRET and fabrique.code_insee == "23096"
    assert fabrique.complement_adresse == "Bâtiment B, 1er étage"
    assert fabrique.phone == "+33555000000"
    assert fabrique.horaires == HOURS and fabrique.opening_hours == "Fermé en août."
    assert fabrique.fiche_acces_libre == STANDARD["fiche_acces_libre"] and fabrique.prise_rdv == STANDARD["prise_rdv"]
    assert fabrique.date_maj == today_in_france()
    assert _values(fabrique.id) == {
        "typologie": ["ASSO", "CAF", "FABRIQUE"],  # the standard's order
        "services": STANDARD["services"], "publics_specifiquement_adresses": ["Seniors"],
        "prise_en_charge_specifique": ["Surdité"], "frais_a_charge": ["Gratuit"], "itinerance": ["Fixe", "Itinérant"],
        "modalites_acces": ["Se présenter"], "modalites_accompagnement": ["Dans un atelier collectif"],
        "dispositif_programmes_nationaux": ["Conseillers numériques"], "formations_labels": ["Fabriques de Territoire"],
        "autres_formations_labels": ["Label Numérique Inclusif", "Repair Café"],
    }


def test_edit_form_shows_the_stored_values_then_saves_changes(client, fabrique):
    login(client, "m@exemple.fr")
    url = f"/fabriques/{fabrique.slug}/modifier"
    assert submit(client, url, FORM | {"name": "La Grange Partagée"}).status_code == 302
    html = client.get(url).get_data(as_text=True)
    assert 'name="hours_Mo_2_start" type="time" value="14:00"' in html
    assert 'name="hours_Sa_1_end" type="time" value="12:30"' in html
    assert 'name="hours_Su_1_start" type="time" value=""' in html
    assert f'value="05{NBSP}55{NBSP}00{NBSP}00{NBSP}00"' in html  # the phone as people write it
    assert 'name="itinerance" type="checkbox" value="Itinérant" checked>' in html
    assert 'name="itinerance" type="checkbox" value="Fixe" checked>' in html
    assert 'name="services" type="checkbox" value="Utilisation sécurisée du numérique">' in html
    assert "Autres types de structure" in html and "Label Numérique Inclusif\nRepair Café" in html
    assert 'name="horaires"' not in html  # the grid says it all: no OpenStreetMap field
    version = db.session.get(Fabrique, fabrique.id).version

    changed = {**FORM, "name": "La Grange Partagée", "services": ["Utilisation sécurisée du numérique"],
               "itinerance": [], "hours_Sa_1_start": "", "hours_Sa_1_end": "", "pivot": "W231000123"}
    assert submit(client, url, changed).status_code == 302
    db.session.expire_all()
    stored = db.session.get(Fabrique, fabrique.id)
    assert stored.version == version + 1 and stored.pivot == "W231000123"  # an association's RNA number
    assert stored.horaires == "Mo-Fr 09:00-12:00,14:00-18:00"
    values = _values(fabrique.id)
    assert values["services"] == ["Utilisation sécurisée du numérique"] and "itinerance" not in values


def test_saving_unchanged_writes_nothing(client, fabrique, app):
    login(client, "m@exemple.fr")
    url = f"/fabriques/{fabrique.slug}/modifier"
    assert submit(client, url, FORM | {"name": "La Grange Partagée"}).status_code == 302
    db.session.expire_all()
    before = db.session.get(Fabrique, fabrique.id)
    version, updated_at = before.version, before.updated_at
    before.date_maj = today_in_france().replace(year=2020)  # to see that it is not touched
    db.session.commit()

    writes = []

    def record(conn, cursor, statement, parameters, context, executemany):
        if statement.lstrip().upper().startswith(("UPDATE", "INSERT", "DELETE")) and "fabrique" in statement:
            writes.append(statement)

    event.listen(db.engine, "before_cursor_execute", record)
    try:
        response = submit(client, url, FORM | {"name": "La Grange Partagée", "pivot": SIRET, "phone": "+33555000000"})
    finally:
        event.remove(db.engine, "before_cursor_execute", record)
    assert response.status_code == 302
    assert writes == []
    db.session.expire_all()
    after = db.session.get(Fabrique, fabrique.id)
    assert (after.version, after.updated_at, after.date_maj.year) == (version, updated_at, 2020)


def test_a_change_sets_date_maj_to_today(client, fabrique):
    db.session.get(Fabrique, fabrique.id).date_maj = datetime(2020, 1, 1, tzinfo=timezone.utc).date()
    db.session.commit()
    login(client, "m@exemple.fr")
    assert submit(client, f"/fabriques/{fabrique.slug}/modifier", FORM | {"name": "La Grange Partagée"}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Fabrique, fabrique.id).date_maj == today_in_france()


def test_stale_edit_is_409(client, other_client, fabrique):
    url = f"/fabriques/{fabrique.slug}/modifier"
    login(client, "m@exemple.fr")
    opened = client.get(url).get_data(as_text=True)
    version = opened.split('name="version" type="hidden" value="')[1].split('"')[0]
    login(other_client, "m@exemple.fr")
    assert submit(other_client, url, FORM | {"name": "La Grange Partagée"}).status_code == 302
    response = submit(client, url, FORM | {"name": "La Grange Partagée", "version": version, "services": []})
    assert response.status_code == 409
    assert "Horaires" in response.get_data(as_text=True)
    assert _values(fabrique.id)["services"] == STANDARD["services"]


@pytest.mark.parametrize("changes,field,message", [
    ({"pivot": "81234567600018"}, "pivot", "clé de contrôle"),
    ({"pivot": "1234"}, "pivot", "SIRET (14 chiffres)"),
    ({"pivot": "W12345"}, "pivot", "RNA"),
    ({"phone": "05 55"}, "phone", "numéro de téléphone n'est pas valide"),
    ({"phone": "+1 212 555 0100"}, "phone", "France"),
    ({"code_insee": "2C004"}, "code_insee", "code INSEE"),
    ({"code_insee": "230961"}, "code_insee", "code INSEE"),
    ({"postal_code": "2300"}, "postal_code", "5 chiffres"),
    ({"fiche_acces_libre": "https://exemple.fr/fiche"}, "fiche_acces_libre", "acceslibre.beta.gouv.fr"),
    ({"fiche_acces_libre": "javascript:alert(1)"}, "fiche_acces_libre", "adresse"),
    ({"prise_rdv": "javascript:alert(1)"}, "prise_rdv", "adresse"),
    ({"prise_rdv": "https://exemple.fr/" + "x" * 300}, "prise_rdv", "300"),
    ({"services": ["Piscine"]}, "services", "choix"),  # a value forged in the POST
    ({"typologie": ["FABRIQUE", "NASA"]}, "typologie", "choix"),
    ({"frais_a_charge": ["Gratuit\x00"]}, "frais_a_charge", "caractère nul"),  # refused for every form
    ({"autres_formations_labels": "x" * 201}, "autres_formations_labels", "200"),
    ({"autres_formations_labels": "\n".join(f"Label {n}" for n in range(21))}, "autres_formations_labels", "20"),
    ({"hours_Mo_1_start": "25:00"}, "horaires", "n'est pas une heure"),
    ({"hours_Mo_1_start": "19:00"}, "horaires", "Le lundi, une plage horaire finit avant de commencer"),
    ({"hours_Tu_2_start": "11:00"}, "horaires", "Le mardi, deux plages horaires se chevauchent"),
    ({"hours_We_1_end": ""}, "horaires", "Le mercredi, indiquez l'heure d'ouverture et l'heure de fermeture"),
    ({"hours_Th_1_start": "09:00\x00"}, "horaires", "caractère nul"),
    ({"complement_adresse": "Bât.\x00 B"}, "complement_adresse", "caractère nul"),
    ({"pivot": SIRET + "\x00"}, "pivot", "caractère nul"),
    ({"complement_adresse": "x" * 201}, "complement_adresse", "200"),
    ({"horaires": "Mo-Fr 10:00-18:00; PH off"}, "horaires", "OpenStreetMap"),
])
def test_bad_values_are_400_in_french_and_nothing_is_written(client, manager, changes, field, message):
    login(client, manager)
    form = {**FORM, **changes}
    if field == "horaires" and "horaires" in changes:
        form = {key: value for key, value in form.items() if not key.startswith("hours_")}
    response = submit(client, "/fabriques/nouvelle", form)
    assert response.status_code == 400
    html = plain_spaces(response.get_data(as_text=True)).replace("&#39;", "'")
    assert message in html, html[html.find("form-errors"):][:1500]
    assert _count() == 0


def test_hours_the_grid_cannot_show_are_kept_as_they_are(client, fabrique):
    exotic = "Mo-Fr 09:00-18:00; PH off"
    db.session.get(Fabrique, fabrique.id).horaires = exotic
    db.session.commit()
    login(client, "m@exemple.fr")
    url = f"/fabriques/{fabrique.slug}/modifier"
    html = client.get(url).get_data(as_text=True)
    assert f'name="horaires" type="text" value="{exotic}"' in html
    assert 'name="hours_Mo_1_start" type="time" value=""' in html
    no_grid = {key: value for key, value in FORM.items() if not key.startswith("hours_")}
    assert submit(client, url, no_grid | {"name": "La Grange Partagée", "horaires": exotic}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Fabrique, fabrique.id).horaires == exotic
    # Typed in the subset the grid reads, it is stored in canonical form...
    assert submit(client, url, no_grid | {"name": "La Grange Partagée", "horaires": "Mo 9:00-12:00; Tu 9:00-12:00"}
                  ).status_code == 302
    db.session.expire_all()
    assert db.session.get(Fabrique, fabrique.id).horaires == "Mo,Tu 09:00-12:00"
    # ... and the grid, when filled, replaces it.
    assert submit(client, url, FORM | {"name": "La Grange Partagée", "horaires": exotic}).status_code == 302
    db.session.expire_all()
    assert db.session.get(Fabrique, fabrique.id).horaires == HOURS


def test_page_shows_the_standard_fields(client, fabrique):
    login(client, "m@exemple.fr")
    assert submit(client, f"/fabriques/{fabrique.slug}/modifier", FORM | {"name": "La Grange Partagée"}).status_code == 302
    client.post("/deconnexion", data={})
    html = client.get(f"/fabriques/{fabrique.slug}").get_data(as_text=True)
    for text in (
        "Informations pratiques",
        f"<li>lundi–vendredi 9{NBSP}h–12{NBSP}h, 14{NBSP}h–18{NBSP}h</li>", f"<li>samedi 10{NBSP}h–12{NBSP}h{NBSP}30</li>",
        "Fermé en août.", f'<a href="tel:+33555000000">05{NBSP}55{NBSP}00{NBSP}00{NBSP}00</a>',
        "Bâtiment B, 1er étage", "Aide aux démarches administratives", "Loisirs et créations numériques",
        "Seniors", "Surdité", "Gratuit", "Itinérant", "Se présenter", "Dans un atelier collectif",
        "Conseillers numériques", "Fabriques de Territoire", "Label Numérique Inclusif",
        "Caisses d’allocation familiale", "Associations",
        f'href="{STANDARD["fiche_acces_libre"]}"', "Voir la fiche Accès libre",
        "Prendre rendez-vous en ligne", f"SIRET 812{NBSP}345{NBSP}676{NBSP}00017",
        "Données mises à jour le ",
    ):
        assert text in html, text


def test_page_without_the_standard_fields_shows_no_empty_heading(client, fabrique):
    html = client.get(f"/fabriques/{fabrique.slug}").get_data(as_text=True)
    assert "Informations pratiques" in html  # the address
    for heading in ("<h2>Services</h2>", "Horaires", "Téléphone", "Publics accueillis", "Frais", "SIRET",
                    "Accès libre", "rendez-vous en ligne", "Formations et labels"):
        assert heading not in html, heading
