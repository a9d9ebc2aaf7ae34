"""Forms of moderation: flagging, hiding with a reason, moving a thread, suspending a member."""

from flask_babel import lazy_gettext as _l
from wtforms import RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.core.forms import Form, choices
from forum.moderation.flags import NOTE_MAX
from forum.moderation.models import FLAG_REASON_LABELS
from forum.moderation.services import REASON_MAX
from forum.threads.forms import PostEditForm

REQUIRED = _l("Ce champ est obligatoire.")
DURATIONS = choices([("1", "1 jour"), ("3", "3 jours"), ("7", "7 jours"), ("30", "30 jours"), ("90", "3 mois"),
                     ("definitive", _l("Sans limite de durée (jusqu'à ce qu'un·e modérateur·rice la lève)"))])


class FlagForm(Form):
    reason = RadioField(_l("Qu'est-ce qui pose problème ?"), validators=[DataRequired(_l("Choisissez une raison."))],
                        choices=choices((reason.value, _l(label)) for reason, label in FLAG_REASON_LABELS.items()))
    note = TextAreaField(_l("Précisions"), validators=[Length(max=NOTE_MAX)],
                         description=_l("Obligatoire pour «\u00a0Autre\u00a0»\u00a0; facultatif sinon. Pour un "
                                        "doublon, collez l'adresse du sujet d'origine\u00a0: la modération pourra les "
                                        "fusionner. Seule l'équipe de modération lira ces précisions."))


class ReasonForm(Form):
    """Hide (reason required, shown to the author) or any action with an optional note."""

    reason = StringField(_l("Raison"), validators=[Length(max=REASON_MAX)],
                         description=_l("Elle est montrée à l'auteur·rice et gardée dans le journal de modération."))


class AuthorMessageForm(Form):
    """Hiding content: the message to its author, required (the service refuses an empty one, in
    French: forum.moderation.services.AUTHOR_MESSAGE_MISSING) and never filled in for the moderator."""

    reason = TextAreaField(_l("Message à l'auteur·rice"), validators=[Length(max=REASON_MAX)],
                           description=_l("Obligatoire pour masquer\u00a0: dites-lui pourquoi, en une ou deux phrases. "
                                          "Il le lira dans sa notification et au-dessus de son contenu masqué\u00a0; "
                                          "le message est aussi gardé dans le journal de modération."))


class MoveForm(Form):
    category = SelectField(_l("Nouvelle catégorie"), validators=[DataRequired(REQUIRED)])
    reason = StringField(_l("Raison (facultatif)"), validators=[Length(max=REASON_MAX)])


class SuspendForm(Form):
    duration = SelectField(_l("Durée"), choices=DURATIONS, validators=[DataRequired(REQUIRED)])
    reason = StringField(_l("Raison"),
                         validators=[DataRequired(_l("Indiquez la raison : elle sera montrée au membre.")),
                                     Length(max=REASON_MAX)],
                         description=_l("Elle est montrée au membre et gardée dans le journal de modération."))


class MergeForm(Form):
    target = StringField(_l("Sujet de destination"), validators=[DataRequired(REQUIRED), Length(max=300)],
                         description=_l("Son adresse (https://…/sujets/123/…) ou son numéro. Les messages de ce "
                                        "sujet-ci y seront ajoutés, à la suite des siens."))
    reason = StringField(_l("Raison (facultatif)"), validators=[Length(max=REASON_MAX)],
                         description=_l("Montrée à l'auteur·rice du sujet fusionné et gardée dans le journal."))


class ModeratorEditForm(PostEditForm):
    # Required on publishing (moderation.thread_tools.edit_post says so), not for a preview.
    reason = StringField(_l("Raison de la modification"), validators=[Length(max=REASON_MAX)],
                         description=_l("Elle est montrée à l'auteur·rice et gardée dans le journal de modération."))
