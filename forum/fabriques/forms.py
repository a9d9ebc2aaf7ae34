"""Forms of the directory."""

from flask_babel import lazy_gettext as _l
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

REQUIRED = _l("Ce champ est obligatoire.")


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def territory_choices() -> list[SelectChoice]:
    return choices((territory.value, territory.label) for territory in TerritoryType)


def _standard_list(label, field: str, description="") -> MultiCheckboxField:
    return MultiCheckboxField(label, choices=choices(vocabulary_choices(field)), description=description)


class FabriqueForm(CreatingForm, VersionedForm):
    name = StringField(_l("Nom de la fabrique"), validators=[DataRequired(REQUIRED), Length(min=2, max=120)])
    summary = StringField(_l("En une phrase"), validators=[Length(max=240)],
                          description=_l("Ce qui apparaît dans l'annuaire sous le nom."))
    description = TextAreaField(_l("Présentation"), validators=[Length(max=20_000)],
                                description=_l("En Markdown : **gras**, listes, liens…"))
    territory_type = SelectField(_l("Type de territoire"), choices=territory_choices(),
                                 validators=[DataRequired(REQUIRED)])
    department_code = SelectField(_l("Département"), validators=[DataRequired(REQUIRED)])
    address = StringField(_l("Adresse"), validators=[Length(max=200)])
    complement_adresse = StringField(_l("Complément d'adresse"), validators=[Length(max=200)],
                                     description=_l("Bâtiment, étage, entrée…"))
    postal_code = StringField(_l("Code postal"), validators=[Length(max=10)], render_kw={"inputmode": "numeric"})
    city = StringField(_l("Commune"), validators=[Length(max=100)])
    code_insee = StringField(_l("Code INSEE de la commune"), validators=[Length(max=10)],
                             description=_l("Différent du code postal\u00a0: 23096 pour Guéret."))
    modules = MultiCheckboxField(_l("Activités (modules)"), choices=choices(MODULES.items()))
    # The week is entered per day (the hours_* fields added below the class); ``horaires`` is the
    # stored OpenStreetMap text, shown only when the grid cannot say it (an imported exotic rule).
    horaires = StringField(_l("Horaires au format OpenStreetMap"), validators=[Length(max=500)],
                           description=_l("Ces horaires utilisent des règles que la grille ne sait pas représenter "
                                       "(jours fériés, mois…)\u00a0: ils sont gardés tels quels. Pour les "
                                       "remplacer, remplissez la grille ci-dessus."))
    opening_hours = TextAreaField(_l("Précisions sur les horaires"), validators=[Length(max=1000)],
                                  description=_l("Par exemple\u00a0: «\u00a0fermé en août\u00a0», "
                                              "«\u00a0sur rendez-vous le lundi\u00a0»."))
    website = StringField(_l("Site web"), validators=[Length(max=300)])
    contact_email = StringField(_l("E-mail de contact"), validators=[Length(max=254)])
    phone = StringField(_l("Téléphone"), validators=[Length(max=40)], render_kw={"inputmode": "tel"},
                        description=_l("Par exemple 05\u00a055\u00a066\u00a077\u00a088."))
    # The national standard of mediation places (forum.fabriques.standard).
    pivot = StringField(_l("SIRET ou RNA"), validators=[Length(max=30)],
                        description=_l("Le SIRET de la structure qui porte la fabrique (14 chiffres, à retrouver sur "
                                    "annuaire-entreprises.data.gouv.fr) ou, pour une association sans SIRET, "
                                    "son numéro RNA (W suivi de 9 chiffres)."))
    typologie = _standard_list(_l("Type de structure"), "typologie")
    services = _standard_list(_l("Services proposés"), "services")
    publics_specifiquement_adresses = _standard_list(
        _l("Publics spécifiquement accueillis"), "publics_specifiquement_adresses",
        _l("Laissez vide si la fabrique accueille tout le monde."))
    prise_en_charge_specifique = _standard_list(_l("Prise en charge spécifique"), "prise_en_charge_specifique")
    frais_a_charge = _standard_list(_l("Frais à la charge du public"), "frais_a_charge")
    itinerance = _standard_list(_l("Itinérance"), "itinerance")
    modalites_acces = _standard_list(_l("Modalités d'accès"), "modalites_acces")
    modalites_accompagnement = _standard_list(_l("Modalités d'accompagnement"), "modalites_accompagnement")
    dispositif_programmes_nationaux = _standard_list(_l("Dispositifs et programmes nationaux"),
                                                     "dispositif_programmes_nationaux")
    formations_labels = _standard_list(_l("Formations et labels"), "formations_labels")
    autres_formations_labels = TextAreaField(_l("Autres formations et labels"), validators=[Length(max=4000)],
                                             description=_l("Un par ligne."))
    fiche_acces_libre = StringField(_l("Fiche Accès libre"), validators=[Length(max=300)],
                                    description=_l("L'adresse de la fiche d'accessibilité du lieu sur "
                                                "acceslibre.beta.gouv.fr."))
    prise_rdv = StringField(_l("Prise de rendez-vous en ligne"), validators=[Length(max=300)],
                            description=_l("L'adresse de la page où prendre rendez-vous."))
    latitude = FrenchNumberField(_l("Latitude"), decimals=7, coerce=float, validators=[Optional(), NumberRange(-90, 90)],
                          description=_l("Pour placer la fabrique sur la carte (facultatif)."))
    longitude = FrenchNumberField(_l("Longitude"), decimals=7, coerce=float, validators=[Optional(), NumberRange(-180, 180)])

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
        for _bound, _label in (("start", _l("%(day)s, ouverture", day=_name)),
                               ("end", _l("%(day)s, fermeture", day=_name))):
            if _slot > 1:
                _label = _l("%(label)s (seconde plage)", label=_label)
            setattr(FabriqueForm, hour_field(_day, _slot, _bound), StringField(
                _label, validators=[Length(max=5)], render_kw={"type": "time"}))


class SpaceForm(CreatingForm):
    name = StringField(_l("Nom de l'espace"), validators=[DataRequired(REQUIRED), Length(max=120)])
    capacity = FrenchNumberField(_l("Capacité (personnes)"), validators=[DataRequired(REQUIRED), NumberRange(1, 10_000)])
    equipment = StringField(_l("Équipement"), validators=[Length(max=500)],
                            description=_l("Vidéoprojecteur, paperboard, accès PMR…"))


class MembershipRoleForm(Form):
    role = SelectField(_l("Rôle"), choices=choices([("member", _l("Membre")), ("manager", _l("Responsable"))]))
