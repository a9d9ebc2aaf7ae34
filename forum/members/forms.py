"""The account deletion form; the password itself is checked by the service."""

from wtforms import BooleanField, PasswordField

from forum.accounts.forms import EXISTING_PASSWORD
from forum.core.forms import Form


class DeleteAccountForm(Form):
    password = PasswordField("Votre mot de passe", validators=EXISTING_PASSWORD,
                             description="Pour confirmer que c'est bien vous.")
    remove_texts = BooleanField("Supprimer aussi mes textes", default=False)
