"""Forms of the directory."""

from flask_babel import lazy_gettext
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum.core.forms import CreatingForm, Form, FrenchNumberField, VersionedForm, choices
from forum.fabriques.geography import departments_by_region
from forum.fabriques import opening_hours
from forum.fabriques.models import MODULES, TerritoryType
from forum.fabriques.profile_data import TYPOLOGIES_SHOWN
from forum.fabriques.standard import vocabulary_choices

REQUIRED = lazy_gettext("Ce champ est obligatoire.")


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def territory_choices() -> list[SelectChoice]:
    return choices((territory.value, territory.label) for territory in TerritoryType)


def _standard_list(label, field: str, description="") -> MultiCheckboxField:
    return MultiCheckboxField(label, choices=choices(vocabulary_choices(field)), description=description)


class FabriqueForm(CreatingForm, VersionedForm):
    name = StringField(lazy_gettext("Nom de la fabrique"), validators=[DataRequired(REQUIRED), Length(min=2, max=120)])
    summary = StringField(lazy_gettext("En une phrase"), validators=[Length(max=240)],
                          description=lazy_gettext("Ce qui apparaît dans l'annuaire sous le nom."))
    description = TextAreaField(lazy_gettext("Présentation"), validators=[Length(max=20_000)],
                                description=lazy_gettext("En Markdown : **gras**, listes, liens…"))
    territory_type = SelectField(lazy_gettext("Type de territoire"), choices=territory_choices(),
                                 validators=[DataRequired(REQUIRED)])
    department_code = SelectField(lazy_gettext("Département"), validators=[DataRequired(REQUIRED)])
    address = StringField(lazy_gettext("Adresse"), validators=[Length(max=200)])
    complement_adresse = StringField(lazy_gettext("Complément d'adresse"), validators=[Length(max=200)],
                                     description=lazy_gettext("Bâtiment, étage, entrée…"))
    postal_code = StringField(lazy_gettext("Code postal"), validators=[Length(max=10)], render_kw={"inputmode": "numeric"})
    city = StringField(lazy_gettext("Commune"), validators=[Length(max=100)])
    code_insee = StringField(lazy_gettext("Code INSEE de la commune"), validators=[Length(max=10)],
                             description=lazy_gettext("Différent du code postal\u00a0: 23096 pour Guéret."))
    modules = MultiCheckboxField(lazy_gettext("Activités (modules)"), choices=choices(MODULES.items()))
    # The week is entered per day (the hours_* fields added below the class); ``horaires`` is the
    # stored OpenStreetMap text, shown only when the grid cannot say it (an imported exotic rule).
    horaires = StringField(lazy_gettext("Horaires au format OpenStreetMap"), validators=[Length(max=500)],
                           description=lazy_gettext("Ces horaires utilisent des règles que la grille ne sait pas représenter "
                                                 "(jours fériés, mois…)\u00a0: ils sont gardés tels quels. Pour les "
                                                 "remplacer, remplissez la grille ci-dessus."))
    opening_hours = TextAreaField(lazy_gettext("Précisions sur les horaires"), validators=[Length(max=1000)],
                                  description=lazy_gettext("Par exemple\u00a0: «\u00a0fermé en août\u00a0», "
                                                        "«\u00a0sur rendez-vous le lundi\u00a0»."))
    website = StringField(lazy_gettext("Site web"), validators=[Length(max=300)])
    contact_email = StringField(lazy_gettext("E-mail de contact"), validators=[Length(max=254)])
    phone = StringField(lazy_gettext("Téléphone"), validators=[Length(max=40)], render_kw={"inputmode": "tel"},
                        description=lazy_gettext("Par exemple 05\u00a055\u00a066\u00a077\u00a088."))
    # The national standard of mediation places (forum.fabriques.standard).
    pivot = StringField(lazy_gettext("SIRET ou RNA"), validators=[Length(max=30)],
                        description=lazy_gettext("Le SIRET de la structure qui porte la fabrique (14 chiffres, à retrouver sur "
                                              "annuaire-entreprises.data.gouv.fr) ou, pour une association sans SIRET, "
                                              "son numéro RNA (W suivi de 9 chiffres)."))
    typologie = _standard_list(lazy_gettext("Type de structure"), "typologie")
    services = _standard_list(lazy_gettext("Services proposés"), "services")
    publics_specifiquement_adresses = _standard_list(
        lazy_gettext("Publics spécifiquement accueillis"), "publics_specifiquement_adresses",
        lazy_gettext("Laissez vide si la fabrique accueille tout le monde."))
    prise_en_charge_specifique = _standard_list(lazy_gettext("Prise en charge spécifique"), "prise_en_charge_specifique")
    frais_a_charge = _standard_list(lazy_gettext("Frais à la charge du public"), "frais_a_charge")
    itinerance = _standard_list(lazy_gettext("Itinérance"), "itinerance")
    modalites_acces = _standard_list(lazy_gettext("Modalités d'accès"), "modalites_acces")
    modalites_accompagnement = _standard_list(lazy_gettext("Modalités d'accompagnement"), "modalites_accompagnement")
    dispositif_programmes_nationaux = _standard_list(lazy_gettext("Dispositifs et programmes nationaux"),
                                                     "dispositif_programmes_nationaux")
    formations_labels = _standard_list(lazy_gettext("Formations et labels"), "formations_labels")
    autres_formations_labels = TextAreaField(lazy_gettext("Autres formations et labels"), validators=[Length(max=4000)],
                                             description=lazy_gettext("Un par ligne."))
    fiche_acces_libre = StringField(lazy_gettext("Fiche Accès libre"), validators=[Length(max=300)],
                                    description=lazy_gettext("L'adresse de la fiche d'accessibilité du lieu sur "
                                                          "acceslibre.beta.gouv.fr."))
    prise_rdv = StringField(lazy_gettext("Prise de rendez-vous en ligne"), validators=[Length(max=300)],
                            description=lazy_gettext("L'adresse de la page où prendre rendez-vous."))
    latitude = FrenchNumberField(lazy_gettext("Latitude"), decimals=7, coerce=float, validators=[Optional(), NumberRange(-90, 90)],
                          description=lazy_gettext("Pour placer la fabrique sur la carte (facultatif)."))
    longitude = FrenchNumberField(lazy_gettext("Longitude"), decimals=7, coerce=float, validators=[Optional(), NumberRange(-180, 180)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.department_code.choices = [
            choice for region, departments in departments_by_region() for choice in choices(departments, region)
        ]

    def checkboxes(self, name: str) -> list[tuple[str, str, str, bool]]:
        """(id, value, label, checked) of a list's checkboxes: the template writes them itself, a
        hundred and fifty WTForms widgets being most of the page's rendering time."""
        f = self[name]
        selected = set(f.data or [])
        return [(f"{f.id}-{index}", choice.value, choice.label, choice.value in selected)
                for index, choice in enumerate(f.choices)]

    def typology_checkboxes(self):
        """(shown first, folded) checkboxes of the typologies."""
        boxes = {box[1]: box for box in self.checkboxes("typologie")}
        return ([boxes[value] for value in TYPOLOGIES_SHOWN],
                [box for value, box in boxes.items() if value not in TYPOLOGIES_SHOWN])

    def hour_fields(self):
        """[(day name, [(start field, end field) per slot])] for the template."""
        return [(name, [(self[hour_field(code, slot, "start")], self[hour_field(code, slot, "end")])
                        for slot in range(1, opening_hours.SLOTS + 1)])
                for code, name in zip(opening_hours.DAYS, opening_hours.DAY_NAMES)]

    def hours_grid(self) -> dict[str, list[tuple[str, str]]]:
        """What was typed in the grid: {"Mo": [(start, end), ...]}."""
        return {code: [(self[hour_field(code, slot, "start")].data or "", self[hour_field(code, slot, "end")].data or "")
                       for slot in range(1, opening_hours.SLOTS + 1)] for code in opening_hours.DAYS}

    def show_hours(self, stored: str) -> None:
        """Fill the grid with the stored hours; those it cannot show stay in the OpenStreetMap field."""
        week = opening_hours.try_parse(stored)
        grid = opening_hours.grid_of(week) if week is not None else None
        if grid is None:
            self.horaires.data = stored
            return
        self.horaires.data = ""
        for code, ranges in grid.items():
            for slot, (start, end) in enumerate(ranges, start=1):
                self[hour_field(code, slot, "start")].data = start
                self[hour_field(code, slot, "end")].data = end


def hour_field(day: str, slot: int, bound: str) -> str:
    return f"hours_{day}_{slot}_{bound}"


for _day, _name in zip(opening_hours.DAYS, opening_hours.DAY_NAMES):
    for _slot in range(1, opening_hours.SLOTS + 1):
        for _bound, _label in (("start", lazy_gettext("%(day)s, ouverture", day=_name)),
                               ("end", lazy_gettext("%(day)s, fermeture", day=_name))):
            if _slot > 1:
                _label = lazy_gettext("%(label)s (seconde plage)", label=_label)
            setattr(FabriqueForm, hour_field(_day, _slot, _bound), StringField(
                _label, validators=[Length(max=5)], render_kw={"type": "time"}))


class SpaceForm(CreatingForm):
    name = StringField(lazy_gettext("Nom de l'espace"), validators=[DataRequired(REQUIRED), Length(max=120)])
    capacity = FrenchNumberField(lazy_gettext("Capacité (personnes)"), validators=[DataRequired(REQUIRED), NumberRange(1, 10_000)])
    equipment = StringField(lazy_gettext("Équipement"), validators=[Length(max=500)],
                            description=lazy_gettext("Vidéoprojecteur, paperboard, accès PMR…"))


class MembershipRoleForm(Form):
    role = SelectField(lazy_gettext("Rôle"), choices=choices([("member", lazy_gettext("Membre")), ("manager", lazy_gettext("Responsable"))]))
