"""The administrators' page of e-mail deliveries: what failed, why, and « Renvoyer »."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.core.forms import require_button_form
from forum.core.outbox import DeliveryState
from forum.core.pagination import parse_page
from forum.extensions import db
from forum.worker import deliveries, schedules

blueprint = Blueprint("deliveries", __name__)
PER_PAGE = 30


@blueprint.get("/administration/envois")
@login_required
def failed():
    g.private_page = True
    page = deliveries.failed_emails(current_user, parse_page(request.args.get("page")), PER_PAGE)
    return render_template("worker/deliveries.html", page=page, counts=deliveries.delivery_counts(current_user),
                           states=DeliveryState,
                           runs=schedules.last_runs(), schedules=[
                               (schedule, schedules.hour_of(schedule, current_app.config))
                               for schedule in schedules.SCHEDULES])


@blueprint.post("/administration/envois/<id:email_id>/renvoyer")
@login_required
def resend(email_id: int):
    require_button_form()
    email = deliveries.resend_failed(current_user, email_id)
    db.session.commit()
    flash(_("L'e-mail « %(subject)s » à %(recipient)s repart dans la file d'envoi.", subject=email.subject,
            recipient=email.recipient), "success")
    return redirect(url_for("deliveries.failed"))
