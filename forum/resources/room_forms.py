"""Forms of rooms booked by the hour: a booking request, a room's rules."""

from __future__ import annotations

from flask_babel import lazy_gettext
from wtforms import BooleanField, DateField, StringField, TextAreaField
from wtforms.validators import DataRequired, Length, NumberRange, Optional

from forum.core.forms import CreatingForm, Form, FrenchNumberField
from forum.resources.rooms import RulesInput

REQUIRED = lazy_gettext("Ce champ est obligatoire.")
HOURS_HELP = lazy_gettext("Par exemple « 9:00-12:00, 14:00-18:00 ». Vide : fermé ce jour-là.")


class RoomBookingForm(CreatingForm):
    """Times are text ("14:00", "14 h 30"): the services parse them and explain what is wrong."""

    day = DateField(lazy_gettext("Date"), validators=[DataRequired(lazy_gettext("Indiquez une date valide."))])
    start = StringField(lazy_gettext("De"),
                        validators=[DataRequired(lazy_gettext("Indiquez l'heure de début.")), Length(max=10)],
                        render_kw={"placeholder": "14:00", "inputmode": "numeric"})
    end = StringField(lazy_gettext("À"),
                      validators=[DataRequired(lazy_gettext("Indiquez l'heure de fin.")), Length(max=10)],
                      render_kw={"placeholder": "17:00", "inputmode": "numeric"})
    message = TextAreaField(lazy_gettext("Message pour la fabrique"), validators=[Length(max=5_000)],
                            description=lazy_gettext("Pour quelle rencontre, combien de personnes…"))


class RoomRulesForm(Form):
    day0 = StringField(lazy_gettext("Lundi"), validators=[Length(max=200)], description=HOURS_HELP)
    day1 = StringField(lazy_gettext("Mardi"), validators=[Length(max=200)])
    day2 = StringField(lazy_gettext("Mercredi"), validators=[Length(max=200)])
    day3 = StringField(lazy_gettext("Jeudi"), validators=[Length(max=200)])
    day4 = StringField(lazy_gettext("Vendredi"), validators=[Length(max=200)])
    day5 = StringField(lazy_gettext("Samedi"), validators=[Length(max=200)])
    day6 = StringField(lazy_gettext("Dimanche"), validators=[Length(max=200)])
    closed_dates = TextAreaField(lazy_gettext("Jours de fermeture"), validators=[Length(max=5_000)],
                                 description=lazy_gettext("Une date par ligne, comme « 25/12/2026 »."))
    capacity_meeting = FrenchNumberField(lazy_gettext("Capacité en réunion (personnes)"),
                                         validators=[DataRequired(REQUIRED), NumberRange(1, 5_000)])
    min_notice_hours = FrenchNumberField(lazy_gettext("Délai minimal (heures)"),
                                         validators=[Optional(), NumberRange(0, 1_440)],
                                         description=lazy_gettext("Combien d'heures à l'avance, au moins."))
    max_notice_days = FrenchNumberField(lazy_gettext("Délai maximal (jours)"),
                                        validators=[Optional(), NumberRange(1, 730)],
                                        description=lazy_gettext("Combien de jours à l'avance, au plus."))
    min_minutes = FrenchNumberField(lazy_gettext("Durée minimale (minutes)"),
                                    validators=[Optional(), NumberRange(15, 1_440)])
    max_minutes = FrenchNumberField(lazy_gettext("Durée maximale (minutes)"),
                                    validators=[Optional(), NumberRange(15, 1_440)])
    buffer_minutes = FrenchNumberField(lazy_gettext("Pause entre deux réservations (minutes)"),
                                       validators=[Optional(), NumberRange(0, 240)],
                                       description=lazy_gettext("Pour ranger et aérer la salle."))
    needs_approval = BooleanField(lazy_gettext("Chaque demande attend l'accord d'un·e responsable"),
                                  description=lazy_gettext("Décoché : une demande qui respecte les règles est "
                                                           "confirmée aussitôt."))

    def day_fields(self):
        return [getattr(self, f"day{weekday}") for weekday in range(7)]


def rules_input(form: RoomRulesForm) -> RulesInput:
    return RulesInput(opening=[field.data or "" for field in form.day_fields()],
                      closed_dates=form.closed_dates.data or "", min_notice_hours=form.min_notice_hours.data,
                      max_notice_days=form.max_notice_days.data, min_minutes=form.min_minutes.data,
                      max_minutes=form.max_minutes.data, buffer_minutes=form.buffer_minutes.data,
                      needs_approval=bool(form.needs_approval.data), capacity_meeting=form.capacity_meeting.data)

