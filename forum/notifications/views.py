"""The notification centre: the bell in the nav, the list, marking as read."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.core.dates import format_ago
from forum.core.forms import require_button_form
from forum.core.fragments import fragment, page_body, uses_fragments
from forum.core.pagination import parse_page
from forum.extensions import csrf, db
from forum.notifications import services
from forum.notifications.models import EmailFrequency

blueprint = Blueprint("notifications", __name__, url_prefix="/notifications")
PER_PAGE = 30


def template_helpers() -> dict:
    """The nav's unread count: read only when a template asks (the nav, for members), once per
    request, and usually already read with the member (remember_unread_count)."""
    return {"unread_notifications": _unread_notifications}


def _unread_notifications() -> int:
    if not current_user.is_authenticated:
        return 0
    if "unread_notifications" not in g:
        g.unread_notifications = services.unread_count(current_user)
    return g.unread_notifications


def remember_unread_count(count: int) -> None:
    """The member's unread count, read with them at the start of the request (forum.create_app)."""
    g.unread_notifications = count


@blueprint.get("")
@login_required
@uses_fragments
def index():
    g.private_page = True
    page, frequency = services.notification_lines(current_user, parse_page(request.args.get("page")), PER_PAGE)
    # A line reads the same until it is read, its "il y a…" changes or what it names is hidden (its
    # text never changes).
    line_keys = tuple((line.id, line.is_read, format_ago(line.created_at), line.is_masked) for line in page.items)
    has_unread = _unread_notifications() > 0

    def context() -> dict:
        lines = [fragment("notifications/_line.html", key, lambda line=line, when=key[2]: {
            "notification": line, "ago": when}) for line, key in zip(page.items, line_keys)]
        return {"page": page, "lines": lines, "frequency": frequency, "frequencies": list(EmailFrequency),
                "has_unread": has_unread}

    body = page_body("notifications/_page.html", (request.full_path, line_keys, page.total, frequency, has_unread),
                     context)
    return render_template("notifications/index.html", body=body)


@blueprint.post("/preferences")
@login_required
def preferences():
    """The member's choice of e-mails: immediate, a daily or weekly digest, or none."""
    require_button_form()
    frequency = services.read_frequency(request.form.get("frequency"))
    services.set_frequency(current_user, frequency)
    db.session.commit()
    flash(_("C'est noté : %(choice)s.", choice=_(frequency.label).lower()), "success")
    return redirect(url_for("notifications.index"))


@blueprint.get("/desabonnement/<token>")
def unsubscribe_page(token: str):
    """The page an e-mail's unsubscribe link opens: who it is for, and one button (no login)."""
    g.private_page = True
    user = services.user_of_token(token)
    return render_template("notifications/unsubscribe.html", token=token, member=user,
                           already=services.frequency_of(user) is EmailFrequency.NEVER)


@blueprint.post("/desabonnement/<token>")
@csrf.exempt  # the signed token is the credential: mail clients' one-click unsubscribe posts without a form
def unsubscribe(token: str):
    services.unsubscribe(token)
    db.session.commit()
    flash(_("Vous ne recevrez plus d'e-mails du Forum des Fabriques. Les notifications restent visibles sur le site."),
          "success")
    return render_template("notifications/unsubscribe.html", token=token, member=None, already=True)


@blueprint.post("/<id:notification_id>")
@login_required
def open_notification(notification_id: int):
    """Mark as read and go where it points."""
    require_button_form()
    notification = services.get_own_notification(current_user, notification_id)
    services.mark_read(current_user, notification)
    db.session.commit()
    return redirect(notification.link)


@blueprint.post("/tout-lire")
@login_required
def mark_all_read():
    require_button_form()
    count = services.mark_all_read(current_user)
    db.session.commit()
    flash(_("Toutes vos notifications sont marquées comme lues.") if count else _("Rien de nouveau."), "info")
    return redirect(url_for("notifications.index"))
