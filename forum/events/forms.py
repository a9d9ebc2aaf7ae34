"""Forms of the agenda: the event form (up to three timings) and the answer buttons."""

from __future__ import annotations

import enum

from flask_wtf.file import FileField
from flask_babel import lazy_gettext
from wtforms import BooleanField, DateTimeLocalField, HiddenField, RadioField, SelectField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, Optional

from forum.core.forms import (
    CreatingForm, Form, FrenchNumberField, VersionedForm, choices, language_field, sent_language,
)
from forum.events.checks import TITLE_MAX, SUMMARY_MAX, Timing
from forum.events.models import Answer, AttendanceMode, EventKind, EventStatus, PlaceKind
from forum.events.services import EventInput

REQUIRED = lazy_gettext("Ce champ est obligatoire.")
MARKDOWN_HELP = lazy_gettext("En Markdown : **gras**, listes avec « - », liens [texte](https://…).")
TIMING_ROWS = 3
DATETIME_FORMAT = "%Y-%m-%dT%H:%M"
BAD_MOMENT = lazy_gettext("Indiquez une date et une heure valides (année sur quatre chiffres).")
PLACE_LABELS = {PlaceKind.OWN_SPACE: lazy_gettext("Une salle de ma fabrique"),
                PlaceKind.BOOKED_ROOM: lazy_gettext("Une salle réservée dans une autre fabrique"),
                PlaceKind.ADDRESS: lazy_gettext("Une autre adresse"), PlaceKind.NONE: lazy_gettext("Aucun (en ligne)")}


def _code(value) -> str:
    """A select's value from the stored enum (str() of a str Enum is « EventKind.MEETING »)."""
    return value.value if isinstance(value, enum.Enum) else str(value)


def _moment(label: str) -> DateTimeLocalField:
    return DateTimeLocalField(label, format=DATETIME_FORMAT, validators=[Optional()],
                              render_kw={"min": "2000-01-01T00:00", "max": "9999-12-31T23:59"})


class EventForm(CreatingForm, VersionedForm):
    title = StringField(lazy_gettext("Titre"), validators=[DataRequired(REQUIRED), Length(max=TITLE_MAX)])
    summary = StringField(lazy_gettext("Résumé en une phrase"), validators=[Length(max=SUMMARY_MAX)],
                          description=lazy_gettext("Affiché dans l'agenda, 200 caractères au plus."))
    kind = SelectField(lazy_gettext("Type"), coerce=_code,
                       choices=choices((kind.value, lazy_gettext(kind.source_label)) for kind in EventKind))
    description = TextAreaField(lazy_gettext("Description"), validators=[Length(max=20_000)], description=MARKDOWN_HELP)
    language = language_field()  # the event's own when an edit opens (views.edit)
    start_1 = _moment(lazy_gettext("Début"))
    end_1 = _moment(lazy_gettext("Fin"))
    start_2 = _moment(lazy_gettext("Début (2ᵉ date, facultative)"))
    end_2 = _moment(lazy_gettext("Fin"))
    start_3 = _moment(lazy_gettext("Début (3ᵉ date, facultative)"))
    end_3 = _moment(lazy_gettext("Fin"))
    attendance_mode = RadioField(lazy_gettext("Participation"), coerce=_code, default=AttendanceMode.OFFLINE.value,
                                 choices=choices((mode.value, lazy_gettext(mode.source_label))
                                                 for mode in AttendanceMode))
    place_kind = SelectField(lazy_gettext("Lieu"), coerce=_code, default=PlaceKind.ADDRESS.value,
                             choices=choices((kind.value, label) for kind, label in PLACE_LABELS.items()))
    resource_id = SelectField(lazy_gettext("Salle de ma fabrique"), choices=[], validate_choice=False)
    loan_id = SelectField(lazy_gettext("Salle déjà réservée"), choices=[], validate_choice=False,
                          description=lazy_gettext("Une demande de réservation en attente ou acceptée de votre "
                                                   "fabrique."))
    room_id = SelectField(lazy_gettext("Demander une salle d'une autre fabrique"), choices=[], validate_choice=False,
                          description=lazy_gettext("La demande part avec l'événement, pour sa date (une seule date) ; "
                                      "l'événement reste «\u00a0en attente de la salle\u00a0» jusqu'à la réponse."))
    address = StringField(lazy_gettext("Adresse"), validators=[Length(max=300)])
    online_url = StringField(lazy_gettext("Lien de connexion"), validators=[Length(max=500)],
                             description=lazy_gettext("Une adresse https://… (visio, webinaire)."))
    registration = StringField(lazy_gettext("Inscription"), validators=[Length(max=300)],
                               description=lazy_gettext("Un lien, une adresse e-mail ou un numéro de téléphone "
                                                        "(facultatif)."))
    accessibility = StringField(lazy_gettext("Accessibilité"), validators=[Length(max=300)])
    audience = StringField(lazy_gettext("Public"), validators=[Length(max=200)],
                           description=lazy_gettext("Tout public, médiateurs…"))
    is_free = BooleanField(lazy_gettext("Gratuit"), default=True)
    price_details = StringField(lazy_gettext("Tarif"), validators=[Length(max=300)])
    capacity = FrenchNumberField(lazy_gettext("Jauge (nombre de places)"), validators=[Optional()],
                                 description=lazy_gettext("Laissez vide s'il n'y a pas de limite ; au-delà, une "
                                                          "liste d'attente."))
    image = FileField(lazy_gettext("Image (facultative)"), description=lazy_gettext("JPEG, PNG ou WebP, 4 Mo au plus."),
                      render_kw={"accept": "image/jpeg,image/png,image/webp"})
    status = SelectField(lazy_gettext("Statut"), coerce=_code, default=EventStatus.SCHEDULED.value,
                         choices=choices((status.value, lazy_gettext(status.source_label)) for status in EventStatus
                                         if status is not EventStatus.CANCELLED))

    def __init__(self, *args, spaces=(), rooms=(), requestable=(), **kwargs):
        super().__init__(*args, **kwargs)
        for number in range(1, TIMING_ROWS + 1):
            for name in (f"start_{number}", f"end_{number}"):
                # WTForms' own message says nothing of the year's four digits (« 10000-01-01 »).
                getattr(self, name).gettext = None
        self.resource_id.choices = choices([("", "—"), *((space.id, space.name) for space in spaces)])
        self.loan_id.choices = choices([("", "—"), *((loan.id, f"{resource.name} ({owner.name}), {label}")
                                                     for loan, resource, owner, label in rooms)])
        self.room_id.choices = choices([("", "—"), *((resource.id, f"{resource.name} ({where_of(owner)})")
                                                     for resource, owner in requestable)])

    def validate(self, extra_validators=None) -> bool:
        valid = super().validate(extra_validators)
        for number in range(1, TIMING_ROWS + 1):
            for name in (f"start_{number}", f"end_{number}"):
                field = getattr(self, name)
                if field.errors:
                    field.errors = [BAD_MOMENT]
        return valid


def where_of(fabrique) -> str:
    return f"{fabrique.name}, {fabrique.city}" if fabrique.city else fabrique.name


def _id(raw) -> int | None:
    """A chosen row's id; None when nothing was chosen, 0 (no row's id) for anything else typed."""
    text = str(raw or "").strip()
    if not text:
        return None
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 10 else 0


def event_input(form: EventForm) -> EventInput:
    return EventInput(
        title=form.title.data or "", summary=form.summary.data or "", kind=form.kind.data or "",
        description=form.description.data or "", attendance_mode=form.attendance_mode.data or "",
        place_kind=form.place_kind.data or "", resource_id=_id(form.resource_id.data), loan_id=_id(form.loan_id.data),
        room_id=_id(form.room_id.data),
        address=form.address.data or "", online_url=form.online_url.data or "",
        registration=form.registration.data or "", accessibility=form.accessibility.data or "",
        audience=form.audience.data or "", is_free=bool(form.is_free.data), price_details=form.price_details.data or "",
        capacity=form.capacity.data, status=form.status.data or "", language=sent_language(form.language),
        timings=[Timing(getattr(form, f"start_{number}").data, getattr(form, f"end_{number}").data)
                 for number in range(1, TIMING_ROWS + 1)])


class AnswerForm(Form):
    answer = HiddenField(validators=[DataRequired()])

    def chosen(self) -> Answer | None:
        try:
            return Answer(self.answer.data)
        except ValueError:
            return None


class CancelForm(Form):
    reason = TextAreaField(lazy_gettext("Message aux participants (facultatif)"), validators=[Length(max=1_000)])
