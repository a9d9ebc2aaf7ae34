"""The forms of private conversations (the services check every value again)."""

from __future__ import annotations

from wtforms import StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.core.forms import CreatingForm, Form
from forum.threads.forms import BODY_HELP, REQUIRED


class NewConversationForm(CreatingForm):
    recipients = StringField("À", validators=[DataRequired(REQUIRED), Length(max=2_000)],
                             description="Le nom affiché de chaque personne, séparés par des virgules.")
    subject = StringField("Objet", validators=[DataRequired(REQUIRED), Length(max=150)])
    body = TextAreaField("Message", validators=[DataRequired(REQUIRED), Length(max=32_000)], description=BODY_HELP)


class PrivateReplyForm(CreatingForm):
    body = TextAreaField("Votre réponse", validators=[DataRequired(REQUIRED), Length(max=32_000)],
                         description=BODY_HELP)


class AddMemberForm(Form):
    name = StringField("Ajouter une personne", validators=[DataRequired(REQUIRED), Length(max=200)],
                       description="Son nom affiché : elle lira toute la conversation.")
