"""Account forms. Field rules that need the database live in the services."""

from wtforms import EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, EqualTo, Length

from forum.accounts.passwords import LEGACY_MAX_LENGTH, MAX_LENGTH, MIN_LENGTH
from forum.core.forms import Form, choices
from forum.core.i18n import LANGUAGE_NAMES
from flask_babel import lazy_gettext as _l

REQUIRED = _l("Ce champ est obligatoire.")
TOO_LONG = _l("Le mot de passe ne peut pas dépasser %(maximum)s caractères.", maximum=MAX_LENGTH)
NEW_PASSWORD = [DataRequired(REQUIRED), Length(max=MAX_LENGTH, message=TOO_LONG)]
# An existing password: the longer ones that earlier rules allowed still log in.
EXISTING_PASSWORD = [DataRequired(REQUIRED), Length(max=LEGACY_MAX_LENGTH)]


class RegisterForm(Form):
    email = EmailField(_l("Adresse e-mail"), validators=[DataRequired(REQUIRED), Length(max=254)])
    display_name = StringField(_l("Nom affiché"), validators=[DataRequired(REQUIRED), Length(min=2, max=80)],
                               description=_l("Votre prénom et votre nom, tels que les autres membres les verront."))
    password = PasswordField(_l("Mot de passe"), validators=NEW_PASSWORD,
                             description=_l("De %(minimum)s à %(maximum)s caractères, ni trop courant ni fait de "
                                            "votre nom ou de votre adresse. Une phrase facile à retenir fait un bon "
                                            "mot de passe, par exemple « le jardin ouvre à 9 h ».",
                                            minimum=MIN_LENGTH, maximum=MAX_LENGTH))
    password_confirm = PasswordField(
        _l("Confirmez le mot de passe"),
        validators=[DataRequired(REQUIRED), EqualTo("password", _l("Les deux mots de passe ne sont pas identiques."))],
    )
    # Typed, with the browser's suggestions (a datalist, no script needed); the view finds the fabrique.
    fabrique = StringField(_l("Votre fabrique (facultatif)"), validators=[Length(max=300)],
                           render_kw={"list": "fabriques-suggestions", "autocomplete": "off"},
                           description=_l("Tapez son nom, sa commune ou son département. Ses responsables valideront "
                                          "votre demande ; vous pourrez aussi la choisir ou la créer plus tard."))


class LoginForm(Form):
    email = EmailField(_l("Adresse e-mail"), validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField(_l("Mot de passe"), validators=EXISTING_PASSWORD)


class ProfileForm(Form):
    display_name = StringField(_l("Nom affiché"), validators=[DataRequired(REQUIRED), Length(min=2, max=80)])
    bio = TextAreaField(_l("Présentation"), validators=[Length(max=1000)],
                        description=_l("Quelques mots sur vous et ce que vous faites (facultatif)."))
    # Each language named in itself: a member lost in the other language still finds theirs.
    # Checked by the service (forum.accounts.services.set_language); left out, it stays as it is.
    language = SelectField(_l("Langue du site"), choices=choices(LANGUAGE_NAMES.items()), validate_choice=False,
                           description=_l("Celle des pages et des e-mails que le forum vous envoie."))


class PasswordChangeForm(Form):
    current_password = PasswordField(_l("Mot de passe actuel"), validators=EXISTING_PASSWORD)
    new_password = PasswordField(_l("Nouveau mot de passe"), validators=NEW_PASSWORD,
                                 description=_l("De %(minimum)s à %(maximum)s caractères. Vos autres sessions seront déconnectées.",
                                                minimum=MIN_LENGTH, maximum=MAX_LENGTH))
    new_password_confirm = PasswordField(
        _l("Confirmez le nouveau mot de passe"),
        validators=[DataRequired(REQUIRED), EqualTo("new_password", _l("Les deux mots de passe ne sont pas identiques."))],
    )


# What a role is called in a sentence (« Alice est maintenant modératrice »), in the page's language.
ROLE_NAMES = {"member": _l("membre"), "moderator": _l("modérateur·rice"), "admin": _l("administrateur·rice")}


class RoleForm(Form):
    role = SelectField(_l("Rôle"), choices=choices([("member", _l("Membre")), ("moderator", _l("Modérateur·rice")),
                                                ("admin", _l("Administrateur·rice"))]))


class ForgotPasswordForm(Form):
    email = EmailField(_l("Adresse e-mail"), validators=[DataRequired(REQUIRED), Length(max=254)],
                       description=_l("L'adresse de votre compte : nous y enverrons un lien valable une heure."))


class ResetPasswordForm(Form):
    password = PasswordField(_l("Nouveau mot de passe"), validators=[DataRequired(REQUIRED), Length(max=200)],
                             description=_l("Au moins 12 caractères. Toutes les sessions ouvertes sur votre compte "
                                            "seront déconnectées."))
    password_confirm = PasswordField(
        _l("Confirmez le nouveau mot de passe"),
        validators=[DataRequired(REQUIRED), EqualTo("password", _l("Les deux mots de passe ne sont pas identiques."))],
    )


class EmailChangeForm(Form):
    email = EmailField(_l("Nouvelle adresse e-mail"), validators=[DataRequired(REQUIRED), Length(max=254)],
                       description=_l("Nous y enverrons un lien : votre adresse ne changera qu'une fois ce lien ouvert."))
    password = PasswordField(_l("Mot de passe actuel"), validators=[DataRequired(REQUIRED), Length(max=200)])
