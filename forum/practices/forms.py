"""Forms of practice reports."""

from flask_babel import lazy_gettext as _l
from wtforms import SelectField, SelectMultipleField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional
from wtforms.widgets import CheckboxInput, ListWidget

from forum.core.forms import (
    CreatingForm, Form, FrenchNumberField, VersionedForm, choices, language_field, sent_language,
)
from forum.fabriques.models import TerritoryType
from forum.practices.models import LICENCES, SECTIONS, PracticeKind, TrialOutcome
from forum.practices.services import PracticeInput

REQUIRED = _l("Ce champ est obligatoire.")
MARKDOWN = _l("En Markdown : **gras**, listes avec « - », liens.")
SECTION_HELP = {
    "context": _l("Où, avec quel public, quelle équipe ? Ce qui aide un autre lieu à se comparer."),
    "objective": _l("Ce que vous cherchiez à obtenir."),
    "actions": _l("Les étapes, dans l'ordre, assez précises pour être refaites."),
    "outcome": _l("Ce qui s'est passé, avec des chiffres si vous en avez."),
    "problems": _l("Sans chercher de coupable : ce qui a coincé, et pourquoi selon vous."),
    "lessons": _l("Les conseils que vous auriez aimé recevoir avant de commencer."),
}


class MultiCheckboxField(SelectMultipleField):
    widget = ListWidget(prefix_label=False)
    option_widget = CheckboxInput()


class PracticeForm(CreatingForm, VersionedForm):
    title = StringField(_l("Titre"), validators=[DataRequired(REQUIRED), Length(min=8, max=150)],
                        description=_l("Ce qui a été essayé, en une phrase."))
    kind = SelectField(_l("Verdict"), choices=choices((kind.value, _l(kind.label)) for kind in PracticeKind))
    territory_type = SelectField(_l("Territoire"), choices=choices((t.value, _l(t.label)) for t in TerritoryType))
    theme_ids = MultiCheckboxField(_l("Thèmes"), coerce=int)
    # Checkboxes, not a multiple select: a finger ticks several (a multiple select wants Ctrl or Cmd).
    coauthor_fabrique_ids = MultiCheckboxField(_l("Fabriques co-autrices"), coerce=int,
                                               description=_l("Si le projet a été mené à plusieurs : cochez les autres "
                                                              "fabriques."))
    coauthor_ids = MultiCheckboxField(_l("Co-auteurs (membres de votre fabrique)"), coerce=int)
    period = StringField(_l("Période"), validators=[Length(max=100)],
                         description=_l("Par exemple : « de janvier à juin 2025 »."))
    context = TextAreaField(SECTIONS["context"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    objective = TextAreaField(SECTIONS["objective"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    actions = TextAreaField(SECTIONS["actions"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    outcome = TextAreaField(SECTIONS["outcome"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    problems = TextAreaField(SECTIONS["problems"], validators=[Length(max=10_000)])
    lessons = TextAreaField(SECTIONS["lessons"], validators=[DataRequired(REQUIRED), Length(max=10_000)])
    cost_euros = FrenchNumberField(_l("Coût (€)"), decimals=2, validators=[Optional(), NumberRange(0, 10_000_000)])
    staff_hours = FrenchNumberField(_l("Temps salarié (heures)"), validators=[Optional(), NumberRange(0, 10_000_000)])
    volunteer_hours = FrenchNumberField(_l("Temps bénévole (heures)"),
                                        validators=[Optional(), NumberRange(0, 10_000_000)])
    partners = StringField(_l("Partenaires"), validators=[Length(max=500)])
    funding = StringField(_l("Financements"), validators=[Length(max=500)])
    links = TextAreaField(_l("Liens vers le forum et le catalogue"), validators=[Length(max=3_000)],
                          description=_l("Les adresses de sujets du forum ou de ressources du catalogue, une "
                                         "par ligne."))
    licence = SelectField(_l("Licence"), choices=choices((code, _l(name)) for code, name in LICENCES.items()),
                          default="cc-by-sa")
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
    body = TextAreaField(_l("Votre commentaire"), validators=[DataRequired(REQUIRED), Length(max=5_000)],
                         description=MARKDOWN)


class TrialForm(CreatingForm):
    outcome = SelectField(_l("Chez nous"), choices=choices((o.value, _l(o.label)) for o in TrialOutcome))
    note = TextAreaField(_l("Ce que vous en retenez"), validators=[Length(max=5_000)], description=MARKDOWN)


class OutdatedForm(Form):
    note = StringField(_l("Pourquoi ? (facultatif)"), validators=[Length(max=500)])
