"""Forms of the catalogue and of loans."""

from wtforms import DateField, HiddenField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from forum.core.forms import (
    CreatingForm, Form, FrenchNumberField, VersionedForm, choices, language_field, sent_language,
)
from forum.resources.models import CATEGORIES, CONDITIONS, LICENCES, ResourceKind
from forum.resources.services import ResourceInput

REQUIRED = "Ce champ est obligatoire."
MARKDOWN_HELP = "En Markdown : **gras**, listes avec « - », liens [texte](https://…)."


KIND_FIELDS = {
    ResourceKind.EQUIPMENT: {"quantity", "condition", "deposit_euros", "max_loan_days", "pickup_place",
                             "usage_conditions"},
    ResourceKind.SPACE: {"capacity_meeting", "capacity_workshop", "capacity_standing", "surface_m2", "max_loan_days",
                         "room_equipment", "accessibility", "price_conditions"},
    ResourceKind.KNOW_HOW: {"licence", "contact"},
}


class ResourceForm(CreatingForm, VersionedForm):
    """Every field of every kind; the template shows those of the resource's kind."""

    name = StringField("Nom", validators=[DataRequired(REQUIRED), Length(min=3, max=120)])
    category = SelectField("Catégorie", validators=[DataRequired(REQUIRED)])
    description = TextAreaField("Description", validators=[Length(max=20_000)], description=MARKDOWN_HELP)
    language = language_field()  # of the description: the resource's own when an edit opens (views.edit)
    # Equipment
    quantity = FrenchNumberField("Quantité disponible", default=1, validators=[Optional(), NumberRange(1, 1000)])
    condition = SelectField("État", choices=choices([("", "Non précisé"), *CONDITIONS.items()]))
    deposit_euros = FrenchNumberField("Caution (€)", decimals=2, validators=[Optional(), NumberRange(0, 100_000)],
                                 description="Par exemple « 150 » ou « 150,50 ». Laissez vide s'il n'y a pas de caution.")
    max_loan_days = FrenchNumberField("Durée maximale d'un prêt (jours)", validators=[Optional(), NumberRange(1, 365)],
                                 description="Sans précision : 90 jours au plus.")
    pickup_place = StringField("Lieu de retrait", validators=[Length(max=200)])
    usage_conditions = TextAreaField("Conditions d'utilisation", validators=[Length(max=5_000)],
                                     description="Formation préalable, assurance, nettoyage…")
    # Space
    capacity_meeting = FrenchNumberField("Capacité en réunion", validators=[Optional(), NumberRange(0, 5_000)])
    capacity_workshop = FrenchNumberField("Capacité en atelier", validators=[Optional(), NumberRange(0, 5_000)])
    capacity_standing = FrenchNumberField("Capacité debout", validators=[Optional(), NumberRange(0, 5_000)])
    surface_m2 = FrenchNumberField("Surface (m²)", validators=[Optional(), NumberRange(0, 100_000)])
    room_equipment = StringField("Équipement de la salle", validators=[Length(max=500)],
                                 description="Vidéoprojecteur, paperboard, cuisine, wifi…")
    accessibility = StringField("Accessibilité", validators=[Length(max=300)],
                                description="Accès de plain-pied, ascenseur, toilettes adaptées…")
    price_conditions = StringField("Tarif ou conditions", validators=[Length(max=500)])
    # Know-how
    licence = SelectField("Licence", choices=choices(LICENCES.items()), default="cc-by-sa")
    contact = StringField("Contact", validators=[Length(max=200)],
                          description="La personne ou l'adresse à joindre pour en savoir plus.")

    def __init__(self, kind: ResourceKind, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.kind = kind
        self.category.choices = choices(CATEGORIES[kind].items())
        # Only the kind's own fields exist: the others are neither shown nor validated.
        for other_kind, names in KIND_FIELDS.items():
            if other_kind is not kind:
                for name in names - KIND_FIELDS[kind]:
                    delattr(self, name)
        if kind is ResourceKind.KNOW_HOW:
            self.description.label.text = "Contenu"


class LoanRequestForm(CreatingForm):
    start_date = DateField("Du", validators=[DataRequired("Indiquez une date valide.")])
    end_date = DateField("Au (inclus)", validators=[DataRequired("Indiquez une date valide.")])
    quantity = FrenchNumberField("Quantité", default=1, validators=[Optional(), NumberRange(1, 1000)])
    message = TextAreaField("Message pour la fabrique", validators=[Length(max=5_000)],
                            description="Pour quoi faire, qui viendra le chercher…")


class LoanActionForm(Form):
    note = TextAreaField("Note (facultative)", validators=[Length(max=5_000)])
    # The state the page showed: when the loan moved since, the 409 says who moved it.
    seen_state = HiddenField()
    # "1" once the person confirmed marking as lent before the loan's first day.
    early_confirmed = HiddenField()


class LoanMessageForm(CreatingForm):
    body = TextAreaField("Votre message", validators=[DataRequired(REQUIRED), Length(max=5_000)],
                         description=MARKDOWN_HELP)


def resource_input(form: ResourceForm):
    """The services' input from a submitted form; fields of other kinds keep their defaults."""
    values = {name: field.data for name, field in form._fields.items()
              if name not in ("csrf_token", "submission", "version")}
    values["language"] = sent_language(form.language)
    return ResourceInput(**{name: ("" if value is None and isinstance(getattr(ResourceInput, name, None), str)
                                   else value) for name, value in values.items()})
