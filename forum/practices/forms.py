"""Forms of practice reports."""

from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum.core.forms import (
    CreatingForm, Form, FrenchNumberField, VersionedForm, choices, language_field, sent_language,
)
from forum.fabriques.models import TerritoryType
from forum.practices.models import LICENCES, SECTIONS, PracticeKind, TrialOutcome
from forum.practices.services import PracticeInput

REQUIRED = "Ce champ est obligatoire."
MARKDOWN = "En Markdown : **gras**, listes avec « - », liens."
SECTION_HELP = {
    "context": "Où, avec quel public, quelle équipe ? Ce qui aide un autre lieu à se comparer.",
    "objective": "Ce que vous cherchiez à obtenir.",
    "actions": "Les étapes, dans l'ordre, assez précises pour être refaites.",
    "outcome": "Ce qui s'est passé, avec des chiffres si vous en avez.",
    "problems": "Sans chercher de coupable : ce qui a coincé, et pourquoi selon vous.",
    "lessons": "Les conseils que vous auriez aimé recevoir avant de commencer.",
}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PracticeForm(CreatingForm, VersionedForm):
    title = StringField("Titre", validators=[DataRequired(REQUIRED), Length(min=8, max=150)],
                        description="Ce qui a été essayé, en une phrase.")
    kind = SelectField("Verdict", choices=choices((kind.value, kind.label) for kind in PracticeKind))
    territory_type = SelectField("Territoire", choices=choices((t.value, t.label) for t in TerritoryType))
    theme_ids = MultiCheckboxField("Thèmes", coerce=int)
    # Checkboxes, not a multiple select: a finger ticks several (a multiple select wants Ctrl or Cmd).
    coauthor_fabrique_ids = MultiCheckboxField("Fabriques co-autrices", coerce=int,
                                               description="Si le projet a été mené à plusieurs : cochez les autres "
                                                           "fabriques.")
    coauthor_ids = MultiCheckboxField("Co-auteurs (membres de votre fabrique)", coerce=int)
    period = StringField("Période", validators=[Length(max=100)], description="Par exemple : « de janvier à juin 2025 ».")
    context = TextAreaField(SECTIONS["context"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    objective = TextAreaField(SECTIONS["objective"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    actions = TextAreaField(SECTIONS["actions"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    outcome = TextAreaField(SECTIONS["outcome"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    problems = TextAreaField(SECTIONS["problems"], validators=[Length(max=10_000)])
    lessons = TextAreaField(SECTIONS["lessons"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    cost_euros = FrenchNumberField("Coût (€)", decimals=2, validators=[Optional(), NumberRange(0, 10_000_000)])
    staff_hours = FrenchNumberField("Temps salarié (heures)", validators=[Optional(), NumberRange(0, 10_000_000)])
    volunteer_hours = FrenchNumberField("Temps bénévole (heures)", validators=[Optional(), NumberRange(0, 10_000_000)])
    partners = StringField("Partenaires", validators=[Length(max=500)])
    funding = StringField("Financements", validators=[Length(max=500)])
    links = TextAreaField("Liens vers le forum et le catalogue", validators=[Length(max=3_000)],
                          description="Les adresses de sujets du forum ou de ressources du catalogue, une par ligne.")
    licence = SelectField("Licence", choices=choices(LICENCES.items()), default="cc-by-sa")
    language = language_field()  # the report's own when an edit opens (views._form_data)

    def __init__(self, themes, fabriques, members, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.theme_ids.choices = choices((theme.id, theme.name) for theme in themes)
        self.coauthor_fabrique_ids.choices = choices(fabriques)
        self.coauthor_ids.choices = choices((user.id, user.display_name) for user in members)
        for name in SECTIONS:
            getattr(self, name).description = f"{SECTION_HELP[name]} {MARKDOWN}"

    def to_input(self) -> PracticeInput:
        return PracticeInput(
            title=self.title.data or "", kind=self.kind.data or "", territory_type=self.territory_type.data or "",
            theme_ids=list(self.theme_ids.data or []), coauthor_fabrique_ids=list(self.coauthor_fabrique_ids.data or []),
            coauthor_ids=list(self.coauthor_ids.data or []), period=self.period.data or "",
            sections={name: getattr(self, name).data or "" for name in SECTIONS},
            cost_euros=self.cost_euros.data, staff_hours=self.staff_hours.data,
            volunteer_hours=self.volunteer_hours.data, partners=self.partners.data or "",
            funding=self.funding.data or "", licence=self.licence.data or "", links=self.links.data or "",
            language=sent_language(self.language),
        )


class CommentForm(CreatingForm):
    body = TextAreaField("Votre commentaire", validators=[DataRequired(REQUIRED), Length(max=5_000)],
                         description=MARKDOWN)


class TrialForm(CreatingForm):
    outcome = SelectField("Chez nous", choices=choices((o.value, o.label) for o in TrialOutcome))
    note = TextAreaField("Ce que vous en retenez", validators=[Length(max=5_000)], description=MARKDOWN)


class OutdatedForm(Form):
    note = StringField("Pourquoi ? (facultatif)", validators=[Length(max=500)])
