"""The account deletion form; the password itself is checked by the service."""

from flask_babel import lazy_gettext as _l
from wtforms import BooleanField, PasswordField

from forum.accounts.forms import EXISTING_PASSWORD
from forum.core.forms import Form


class DeleteAccountForm(Form):
    password = PasswordField(_l("Votre mot de passe"), validators=EXISTING_PASSWORD,
                             description=_l("Pour confirmer que c'est bien vous."))
    remove_texts = BooleanField(_l("Supprimer aussi mes textes"), default=False)
