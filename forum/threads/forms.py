"""Forms of the forum."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.core.forms import CreatingForm, Form, VersionedForm, language_field
from forum.threads.models import BODY_MAX_LENGTH, TITLE_MAX_LENGTH, TITLE_MIN_LENGTH

REQUIRED = _l("Ce champ est obligatoire.")
BODY_HELP = _l("En Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…), citations avec « > ».")


class ThreadForm(CreatingForm):
    title = StringField(_l("Titre"),
                        validators=[DataRequired(REQUIRED), Length(min=TITLE_MIN_LENGTH, max=TITLE_MAX_LENGTH)],
                        description=_l("Une phrase claire : c'est elle qui fera retrouver votre sujet."))
    # An explicit choice, each category with its description (none is ticked unless the person came
    # from a category's page): a default first category collected misfiled threads.
    category = RadioField(_l("Catégorie"), validators=[DataRequired(_l("Choisissez la catégorie de votre sujet."))],
                          validate_choice=True)
    tags = StringField(_l("Mots-clés"), validators=[Length(max=250)],
                       description=_l("Jusqu'à 5, séparés par des virgules (facultatif)."))
    is_question = BooleanField(_l("C'est une question (on pourra marquer la réponse qui la résout)"))
    body = TextAreaField(_l("Message"), validators=[DataRequired(REQUIRED), Length(max=BODY_MAX_LENGTH)],
                         description=BODY_HELP)
    language = language_field()


class ReplyForm(CreatingForm):
    body = TextAreaField(_l("Votre réponse"), validators=[DataRequired(REQUIRED), Length(max=BODY_MAX_LENGTH)],
                         description=BODY_HELP)
    reply_to = HiddenField()  # the quoted post's id, when the reply began with "Citer"
    language = language_field()


class PostEditForm(VersionedForm):
    title = StringField(_l("Titre du sujet"), validators=[Length(max=TITLE_MAX_LENGTH)])
    body = TextAreaField(_l("Message"), validators=[DataRequired(REQUIRED), Length(max=BODY_MAX_LENGTH)],
                         description=BODY_HELP)
    language = language_field()  # the post's own when the form opens (views.edit_post)


class WatchForm(Form):
    """The level a member chooses for a thread or a category (checked by watching.read_level)."""

    level = StringField(_l("Suivi"))
