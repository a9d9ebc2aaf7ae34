"""Forms of the forum."""

from wtforms import BooleanField, HiddenField, RadioField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length

from forum.core.forms import CreatingForm, Form, VersionedForm

REQUIRED = "Ce champ est obligatoire."
BODY_HELP = "En Markdown : **gras**, *italique*, listes avec « - », liens [texte](https://…), citations avec « > »."


class ThreadForm(CreatingForm):
    title = StringField("Titre", validators=[DataRequired(REQUIRED), Length(min=8, max=150)],
                        description="Une phrase claire : c'est elle qui fera retrouver votre sujet.")
    # An explicit choice, each category with its description (none is ticked unless the person came
    # from a category's page): a default first category collected misfiled threads.
    category = RadioField("Catégorie", validators=[DataRequired("Choisissez la catégorie de votre sujet.")],
                          validate_choice=True)
    tags = StringField("Mots-clés", validators=[Length(max=250)],
                       description="Jusqu'à 5, séparés par des virgules (facultatif).")
    is_question = BooleanField("C'est une question (on pourra marquer la réponse qui la résout)")
    body = TextAreaField("Message", validators=[DataRequired(REQUIRED), Length(max=32_000)], description=BODY_HELP)


class ReplyForm(CreatingForm):
    body = TextAreaField("Votre réponse", validators=[DataRequired(REQUIRED), Length(max=32_000)],
                         description=BODY_HELP)
    reply_to = HiddenField()  # the quoted post's id, when the reply began with "Citer"


class PostEditForm(VersionedForm):
    title = StringField("Titre du sujet", validators=[Length(max=150)])
    body = TextAreaField("Message", validators=[DataRequired(REQUIRED), Length(max=32_000)], description=BODY_HELP)


class WatchForm(Form):
    """The level a member chooses for a thread or a category (checked by watching.read_level)."""

    level = StringField("Suivi")
