"""Glue between Flask-WTF forms and domain errors."""

from __future__ import annotations

from flask import abort, render_template
from flask_wtf import FlaskForm
from wtforms.fields.choices import SelectChoice

from forum.core.errors import DomainError
from forum.extensions import db


def choices(pairs, optgroup: str | None = None) -> list[SelectChoice]:
    """SelectField choices from (value, label) pairs."""
    return [SelectChoice(str(value), label, optgroup=optgroup) for value, label in pairs]


def attach_error(form: FlaskForm, error: DomainError) -> int:
    """Roll back, show ``error`` on its field (or above the form); return the HTTP status to answer."""
    db.session.rollback()
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


class EmptyForm(FlaskForm):
    """A form with only its CSRF token, for one-button actions (join, delete, log out...)."""


def require_button_form() -> None:
    """Check the CSRF-only form of a one-button action (join, delete, publish…): 400 when invalid."""
    if not EmptyForm().validate_on_submit():
        abort(400)
