"""Glue between Flask-WTF forms and domain errors."""

from __future__ import annotations

from functools import cache

from babel.support import Translations
from flask import abort, current_app, render_template
from flask_babel import get_locale, lazy_gettext
from flask_wtf import FlaskForm
from wtforms import Field, HiddenField, SelectField
from wtforms.fields.choices import SelectChoice
from wtforms.i18n import messages_path
from wtforms.widgets import TextInput

from forum.core.errors import DomainError, StaleEdit
from forum.core.languages import language_for_locale, languages
from forum.core.numbers import NotANumber, number_fr, parse_french_number
from forum.extensions import db


def choices(pairs, optgroup: str | None = None) -> list[SelectChoice]:
    """SelectField choices from (value, label) pairs."""
    return [SelectChoice(str(value), label, optgroup=optgroup) for value, label in pairs]


class Form(FlaskForm):
    """The site's forms: Flask-WTF's, with WTForms' own messages in French read once per process
    (Flask-WTF reads their catalogue from disk again for every request that shows a form)."""

    class Meta:
        def get_translations(self, form):
            if not current_app.config.get("WTF_I18N_ENABLED", True):
                return None
            return _wtforms_messages(str(get_locale()))


@cache
def _wtforms_messages(locale: str) -> Translations:
    return Translations.load(messages_path(), [locale], domain="wtforms")


def language_field() -> SelectField:
    """« Langue du texte »: the language a member says their text is in (forum.core.languages),
    offered in the page's language. Any value is accepted here: the services read it
    (``read_language``) and refuse an unknown one with their own message (a 400)."""
    return SelectField(
        lazy_gettext("Langue du texte"),
        choices=choices([("", lazy_gettext("Non précisée")),
                         *((language.code, language.name) for language in languages().values())]),
        default=lambda: language_for_locale(get_locale()), validate_choice=False)


def sent_language(field: SelectField) -> str | None:
    """What the form sent for a ``language_field`` ("" for « Non précisée »), or None when it sent
    nothing at all (an older form, a script): the services then keep the text's language."""
    return (field.data or "") if field.raw_data else None


class FrenchNumberField(Field):
    """A number typed the French way (« 1 000 », « 150,50 », « 12 € »): an int, or a Decimal when
    ``decimals`` > 0 (or what ``coerce`` makes of it); None when left empty. A text input with a numeric keyboard on phones, not
    ``type=number``, which drops a decimal comma the browser's locale does not expect and sends
    nothing instead."""

    widget = TextInput()

    def __init__(self, label=None, validators=None, *, decimals: int = 0, coerce=None, **kwargs):
        render_kw = {"inputmode": "decimal" if decimals else "numeric", "autocomplete": "off",
                     **kwargs.pop("render_kw", {})}
        super().__init__(label, validators, render_kw=render_kw, **kwargs)
        self.decimals = decimals
        self.coerce = coerce

    def _value(self) -> str:
        if self.raw_data:
            return self.raw_data[0]
        return number_fr(self.data, decimals=self.decimals) if self.data is not None else ""

    def process_formdata(self, valuelist) -> None:
        text = valuelist[0].strip() if valuelist else ""
        if not text:
            self.data = None
            return
        try:
            number = parse_french_number(text, decimals=self.decimals)
        except NotANumber as error:
            self.data = None
            raise ValueError(str(error)) from None
        number = number if self.decimals else int(number)
        self.data = self.coerce(number) if self.coerce else number


class CreatingForm(Form):
    """A form that creates something (a reply, a loan request…): its hidden ``submission`` token,
    issued when the form is shown, makes it create once however often it is sent
    (forum.accounts.submissions)."""

    submission = HiddenField()


class VersionedForm(Form):
    """A form that edits text several people may edit at once: its hidden ``version`` is the one the
    form was opened at, so that a save over someone else's newer one is refused (a 409 showing both)."""

    version = HiddenField()


def attach_error(form: FlaskForm, error: DomainError) -> int:
    """Roll back, show ``error`` on its field (or above the form); return the HTTP status to answer.

    An error that carries a ``fresh_token`` (a refused submission token) puts it in the form, so
    the form shown again can be sent as it is; a StaleEdit puts the stored version in it."""
    db.session.rollback()
    fresh_token = getattr(error, "fresh_token", None)
    if fresh_token and isinstance(form, CreatingForm):
        form.submission.data = fresh_token
    if isinstance(error, StaleEdit) and isinstance(form, VersionedForm):
        form.version.data = str(error.version)  # merged by hand, the form may be saved again
    field = getattr(form, error.field, None) if error.field else None
    if field is not None and hasattr(field, "errors"):
        field.errors = [*field.errors, error.message]
    else:
        form.form_errors.append(error.message)
    return error.status_code


def render_form(template: str, form: FlaskForm, status: int | None = None, **context):
    """Render a form page: 200 on first display, 400 (or ``status``) when a submission was refused."""
    if status is None:
        status = 400 if form.is_submitted() else 200
    return render_template(template, form=form, **context), status


class EmptyForm(Form):
    """A form with only its CSRF token, for one-button actions (join, delete, log out...)."""


def require_button_form() -> None:
    """Check the CSRF-only form of a one-button action (join, delete, publish…): 400 when invalid."""
    if not EmptyForm().validate_on_submit():
        abort(400)
