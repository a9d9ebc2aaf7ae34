"""Account forms. Field rules that need the database live in the services."""

from wtforms import EmailField, PasswordField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, EqualTo, Length

from forum.accounts.passwords import LEGACY_MAX_LENGTH, MAX_LENGTH, MIN_LENGTH
from forum.core.forms import Form, choices
from forum.core.i18n import LANGUAGE_NAMES

REQUIRED = "Ce champ est obligatoire."
TOO_LONG = f"Le mot de passe ne peut pas dépasser {MAX_LENGTH} caractères."
NEW_PASSWORD = [DataRequired(REQUIRED), Length(max=MAX_LENGTH, message=TOO_LONG)]
# An existing password: the longer ones that earlier rules allowed still log in.
EXISTING_PASSWORD = [DataRequired(REQUIRED), Length(max=LEGACY_MAX_LENGTH)]


class RegisterForm(Form):
    email = EmailField("Adresse e-mail", validators=[DataRequired(REQUIRED), Length(max=254)])
    display_name = StringField("Nom affiché", validators=[DataRequired(REQUIRED), Length(min=2, max=80)],
                               description="Votre prénom et votre nom, tels que les autres membres les verront.")
    password = PasswordField("Mot de passe", validators=NEW_PASSWORD,
                             description=f"De {MIN_LENGTH} à {MAX_LENGTH} caractères, ni trop courant ni fait de "
                                         "votre nom ou de votre adresse. Une phrase facile à retenir fait un bon "
                                         "mot de passe, par exemple « le jardin ouvre à 9 h ».")
    password_confirm = PasswordField(
        "Confirmez le mot de passe",
        validators=[DataRequired(REQUIRED), EqualTo("password", "Les deux mots de passe ne sont pas identiques.")],
    )
    # Typed, with the browser's suggestions (a datalist, no script needed); the view finds the fabrique.
    fabrique = StringField("Votre fabrique (facultatif)", validators=[Length(max=300)],
                           render_kw={"list": "fabriques-suggestions", "autocomplete": "off"},
                           description="Tapez son nom, sa commune ou son département. Ses responsables valideront "
                                       "votre demande ; vous pourrez aussi la choisir ou la créer plus tard.")


class LoginForm(Form):
    email = EmailField("Adresse e-mail", validators=[DataRequired(REQUIRED), Length(max=254)])
    password = PasswordField("Mot de passe", validators=EXISTING_PASSWORD)


class ProfileForm(Form):
    display_name = StringField("Nom affiché", validators=[DataRequired(REQUIRED), Length(min=2, max=80)])
    bio = TextAreaField("Présentation", validators=[Length(max=1000)],
                        description="Quelques mots sur vous et ce que vous faites (facultatif).")
    # Each language named in itself: a member lost in the other language still finds theirs.
    # Checked by the service (forum.accounts.services.set_language); left out, it stays as it is.
    language = SelectField("Langue du site", choices=choices(LANGUAGE_NAMES.items()), validate_choice=False,
                           description="Celle des pages et des e-mails que le forum vous envoie.")


class PasswordChangeForm(Form):
    current_password = PasswordField("Mot de passe actuel", validators=EXISTING_PASSWORD)
    new_password = PasswordField("Nouveau mot de passe", validators=NEW_PASSWORD,
                                 description=f"De {MIN_LENGTH} à {MAX_LENGTH} caractères. "
                                             "Vos autres sessions seront déconnectées.")
    new_password_confirm = PasswordField(
        "Confirmez le nouveau mot de passe",
        validators=[DataRequired(REQUIRED), EqualTo("new_password", "Les deux mots de passe ne sont pas identiques.")],
    )


class RoleForm(Form):
    role = SelectField("Rôle", choices=choices([("member", "Membre"), ("moderator", "Modérateur·rice"),
                                                ("admin", "Administrateur·rice")]))


class ForgotPasswordForm(Form):
    email = EmailField("Adresse e-mail", validators=[DataRequired(REQUIRED), Length(max=254)],
                       description="L'adresse de votre compte : nous y enverrons un lien valable une heure.")


class ResetPasswordForm(Form):
    password = PasswordField("Nouveau mot de passe", validators=[DataRequired(REQUIRED), Length(max=200)],
                             description="Au moins 12 caractères. Toutes les sessions ouvertes sur votre compte "
                                         "seront déconnectées.")
    password_confirm = PasswordField(
        "Confirmez le nouveau mot de passe",
        validators=[DataRequired(REQUIRED), EqualTo("password", "Les deux mots de passe ne sont pas identiques.")],
    )


class EmailChangeForm(Form):
    email = EmailField("Nouvelle adresse e-mail", validators=[DataRequired(REQUIRED), Length(max=254)],
                       description="Nous y enverrons un lien : votre adresse ne changera qu'une fois ce lien ouvert.")
    password = PasswordField("Mot de passe actuel", validators=[DataRequired(REQUIRED), Length(max=200)])
