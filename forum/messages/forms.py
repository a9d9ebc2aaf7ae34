"""The forms of private conversations (the services check every value again)."""

from __future__ import annotations

from flask_babel import lazy_gettext as _l
from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.core.forms import CreatingForm, Form
from forum.threads.forms import BODY_HELP, REQUIRED


class NewConversationForm(CreatingForm):
    recipients = StringField(_l("À"), validators=[DataRequired(REQUIRED), Length(max=2_000)],
                             description=_l("Le nom affiché de chaque personne, séparés par des virgules."))
    subject = StringField(_l("Objet"), validators=[DataRequired(REQUIRED), Length(max=150)])
    body = TextAreaField(_l("Message"), validators=[DataRequired(REQUIRED), Length(max=32_000)], description=BODY_HELP)


class PrivateReplyForm(CreatingForm):
    body = TextAreaField(_l("Votre réponse"), validators=[DataRequired(REQUIRED), Length(max=32_000)],
                         description=BODY_HELP)


class AddMemberForm(Form):
    name = StringField(_l("Ajouter une personne"), validators=[DataRequired(REQUIRED), Length(max=200)],
                       description=_l("Son nom affiché : elle lira toute la conversation."))
