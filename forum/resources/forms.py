"""Forms of the catalogue and of loans."""

from flask_babel import lazy_gettext
from wtforms import DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from forum.core.forms import (
    CreatingForm, Form, FrenchNumberField, VersionedForm, choices, language_field, sent_language,
)
from forum.resources.models import CATEGORIES, CONDITIONS, LICENCES, ResourceKind
from forum.resources.services import ResourceInput

REQUIRED = lazy_gettext("Ce champ est obligatoire.")
MARKDOWN_HELP = lazy_gettext("En Markdown : **gras**, listes avec « - », liens [texte](https://…).")


KIND_FIELDS = {
    ResourceKind.EQUIPMENT: {"quantity", "condition", "deposit_euros", "max_loan_days", "pickup_place",
                             "usage_conditions"},
    ResourceKind.SPACE: {"capacity_meeting", "capacity_workshop", "capacity_standing", "surface_m2", "max_loan_days",
                         "room_equipment", "accessibility", "price_conditions"},
    ResourceKind.KNOW_HOW: {"licence", "contact"},
}


class ResourceForm(CreatingForm, VersionedForm):
    """Every field of every kind; the template shows those of the resource's kind."""

    name = StringField(lazy_gettext("Nom"), validators=[DataRequired(REQUIRED), Length(min=3, max=120)])
    category = SelectField(lazy_gettext("Catégorie"), validators=[DataRequired(REQUIRED)])
    description = TextAreaField(lazy_gettext("Description"), validators=[Length(max=20_000)], description=MARKDOWN_HELP)
    language = language_field()  # of the description: the resource's own when an edit opens (views.edit)
    # Equipment
    quantity = FrenchNumberField(lazy_gettext("Quantité disponible"), default=1,
                                 validators=[Optional(), NumberRange(1, 1000)])
    condition = SelectField(lazy_gettext("État"), choices=choices([
        ("", lazy_gettext("Non précisé")), *((code, lazy_gettext(label)) for code, label in CONDITIONS.items())]))
    deposit_euros = FrenchNumberField(
        lazy_gettext("Caution (€)"), decimals=2, validators=[Optional(), NumberRange(0, 100_000)],
        description=lazy_gettext("Par exemple « 150 » ou « 150,50 ». Laissez vide s'il n'y a pas de caution."))
    max_loan_days = FrenchNumberField(lazy_gettext("Durée maximale d'un prêt (jours)"),
                                      validators=[Optional(), NumberRange(1, 365)],
                                 description=lazy_gettext("Sans précision : 90 jours au plus."))
    pickup_place = StringField(lazy_gettext("Lieu de retrait"), validators=[Length(max=200)])
    usage_conditions = TextAreaField(lazy_gettext("Conditions d'utilisation"), validators=[Length(max=5_000)],
                                     description=lazy_gettext("Formation préalable, assurance, nettoyage…"))
    # Space
    capacity_meeting = FrenchNumberField(lazy_gettext("Capacité en réunion"),
                                         validators=[Optional(), NumberRange(0, 5_000)])
    capacity_workshop = FrenchNumberField(lazy_gettext("Capacité en atelier"),
                                          validators=[Optional(), NumberRange(0, 5_000)])
    capacity_standing = FrenchNumberField(lazy_gettext("Capacité debout"),
                                          validators=[Optional(), NumberRange(0, 5_000)])
    surface_m2 = FrenchNumberField(lazy_gettext("Surface (m²)"), validators=[Optional(), NumberRange(0, 100_000)])
    room_equipment = StringField(lazy_gettext("Équipement de la salle"), validators=[Length(max=500)],
                                 description=lazy_gettext("Vidéoprojecteur, paperboard, cuisine, wifi…"))
    accessibility = StringField(lazy_gettext("Accessibilité"), validators=[Length(max=300)],
                                description=lazy_gettext("Accès de plain-pied, ascenseur, toilettes adaptées…"))
    price_conditions = StringField(lazy_gettext("Tarif ou conditions"), validators=[Length(max=500)])
    # Know-how
    licence = SelectField(lazy_gettext("Licence"), default="cc-by-sa",
                          choices=choices((code, lazy_gettext(label)) for code, label in LICENCES.items()))
    contact = StringField(lazy_gettext("Contact"), validators=[Length(max=200)],
                          description=lazy_gettext("La personne ou l'adresse à joindre pour en savoir plus."))

    def __init__(self, kind: ResourceKind, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.category.choices = choices((code, lazy_gettext(label)) for code, label in CATEGORIES[kind].items())
        # Only the kind's own fields exist: the others are neither shown nor validated.
        for other_kind, names in KIND_FIELDS.items():
            if other_kind is not kind:
                for name in names - KIND_FIELDS[kind]:
                    delattr(self, name)
        if kind is ResourceKind.KNOW_HOW:
            self.description.label.text = lazy_gettext("Contenu")


class LoanRequestForm(CreatingForm):
    start_date = DateField(lazy_gettext("Du"), validators=[DataRequired(lazy_gettext("Indiquez une date valide."))])
    end_date = DateField(lazy_gettext("Au (inclus)"),
                         validators=[DataRequired(lazy_gettext("Indiquez une date valide."))])
    quantity = FrenchNumberField(lazy_gettext("Quantité"), default=1, validators=[Optional(), NumberRange(1, 1000)])
    message = TextAreaField(lazy_gettext("Message pour la fabrique"), validators=[Length(max=5_000)],
                            description=lazy_gettext("Pour quoi faire, qui viendra le chercher…"))


class LoanActionForm(Form):
    note = TextAreaField(lazy_gettext("Note (facultative)"), validators=[Length(max=5_000)])
    # The state the page showed: when the loan moved since, the 409 says who moved it.
    seen_state = HiddenField()
    # "1" once the person confirmed marking as lent before the loan's first day.
    early_confirmed = HiddenField()


class LoanMessageForm(CreatingForm):
    body = TextAreaField(lazy_gettext("Votre message"), validators=[DataRequired(REQUIRED), Length(max=5_000)],
                         description=MARKDOWN_HELP)


def resource_input(form: ResourceForm):
    """The services' input from a submitted form; fields of other kinds keep their defaults."""
    values = {name: field.data for name, field in form._fields.items()
              if name not in ("csrf_token", "submission", "version")}
    values["language"] = sent_language(form.language)
    return ResourceInput(**{name: ("" if value is None and isinstance(getattr(ResourceInput, name, None), str)
                                   else value) for name, value in values.items()})
