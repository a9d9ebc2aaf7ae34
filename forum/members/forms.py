"""The account deletion form; the password itself is checked by the service."""

from flask_wtf import FlaskForm
from wtforms import BooleanField, PasswordField
from wtforms.validators import DataRequired, Length

from forum.accounts.forms import REQUIRED


class DeleteAccountForm(FlaskForm):
    password = PasswordField("Votre mot de passe", validators=[DataRequired(REQUIRED), Length(max=200)],
                             description="Pour confirmer que c'est bien vous.")
    remove_texts = BooleanField("Supprimer aussi le texte de mes messages", default=False)
