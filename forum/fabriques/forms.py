"""Forms of the directory."""

from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.fields.choices import SelectChoice
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum.core.forms import CreatingForm, Form, FrenchNumberField, VersionedForm, choices
from forum.fabriques.geography import departments_by_region
from forum.fabriques.models import MODULES, TerritoryType

REQUIRED = "Ce champ est obligatoire."


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


def territory_choices() -> list[SelectChoice]:
    return choices((territory.value, territory.label) for territory in TerritoryType)


class FabriqueForm(CreatingForm, VersionedForm):
    name = StringField("Nom de la fabrique", validators=[DataRequired(REQUIRED), Length(min=2, max=120)])
    summary = StringField("En une phrase", validators=[Length(max=240)],
                          description="Ce qui apparaît dans l'annuaire sous le nom.")
    description = TextAreaField("Présentation", validators=[Length(max=20_000)],
                                description="En Markdown : **gras**, listes, liens…")
    territory_type = SelectField("Type de territoire", choices=territory_choices(),
                                 validators=[DataRequired(REQUIRED)])
    department_code = SelectField("Département", validators=[DataRequired(REQUIRED)])
    address = StringField("Adresse", validators=[Length(max=200)])
    postal_code = StringField("Code postal", validators=[Length(max=10)])
    city = StringField("Commune", validators=[Length(max=100)])
    modules = MultiCheckboxField("Activités (modules)", choices=choices(MODULES.items()))
    opening_hours = TextAreaField("Horaires d'ouverture", validators=[Length(max=1000)],
                                  description="Par exemple : « du mardi au samedi, 10 h – 18 h ».")
    website = StringField("Site web", validators=[Length(max=300)])
    contact_email = StringField("E-mail de contact", validators=[Length(max=254)])
    phone = StringField("Téléphone", validators=[Length(max=30)])
    latitude = FrenchNumberField("Latitude", decimals=7, coerce=float, validators=[Optional(), NumberRange(-90, 90)],
                          description="Pour placer la fabrique sur la carte (facultatif).")
    longitude = FrenchNumberField("Longitude", decimals=7, coerce=float, validators=[Optional(), NumberRange(-180, 180)])

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.department_code.choices = [
            choice for region, departments in departments_by_region() for choice in choices(departments, region)
        ]


class SpaceForm(CreatingForm):
    name = StringField("Nom de l'espace", validators=[DataRequired(REQUIRED), Length(max=120)])
    capacity = FrenchNumberField("Capacité (personnes)", validators=[DataRequired(REQUIRED), NumberRange(1, 10_000)])
    equipment = StringField("Équipement", validators=[Length(max=500)],
                            description="Vidéoprojecteur, paperboard, accès PMR…")


class MembershipRoleForm(Form):
    role = SelectField("Rôle", choices=choices([("member", "Membre"), ("manager", "Responsable")]))
