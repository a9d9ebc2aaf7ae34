"""Loans: my fabrique's requests (sent and received), a loan's page, its actions and conversation."""

from __future__ import annotations

from flask import Blueprint, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _, lazy_gettext
from flask_login import current_user, login_required

from forum.accounts import submissions
from forum.core.dates import today_in_france
from forum.core.errors import Conflict, Forbidden, Invalid
from forum.core.forms import attach_error
from forum.core.fragments import page_body, uses_fragments
from forum.core.limits import per_member
from forum.core.pagination import parse_page
from forum.core.web import repeated_submission, site_url
from forum.extensions import db
from forum.fabriques.permissions import active_fabrique_of, can_manage
from forum.resources import queries, services
from forum.resources.forms import LoanActionForm, LoanMessageForm
from forum.resources.loans import Action, Side, action_label, actions_for
from forum.resources.models import LoanState

blueprint = Blueprint("loans", __name__, url_prefix="/prets")
LOAN_STATES = frozenset(state.value for state in LoanState)


@blueprint.get("")
@login_required
@uses_fragments
def index():
    g.private_page = True
    fabrique = active_fabrique_of(current_user)
    if fabrique is None:
        return render_template("loans/no_fabrique.html")
    state_value = request.args.get("etat", "")
    if state_value and state_value not in {state.value for state in LoanState}:
        raise Invalid(_("Cet état de prêt n'existe pas."))
    state = LoanState(state_value) if state_value else None
    today = today_in_france()
    # Only managers answer the requests their fabrique receives: the others are not offered "Répondre".
    answers_requests = can_manage(current_user, fabrique)

    def context():
        counts = queries.loan_counts_by_state(fabrique.id)
        page = queries.loans_of_fabrique(fabrique.id, state, parse_page(request.args.get("page")),
                                         current_app.config["LOANS_PER_PAGE"], counts)
        return {"page": page, "fabrique": fabrique, "state": state, "states": list(LoanState), "counts": counts,
                "today": today, "needs_owner": queries.NEEDS_OWNER, "answers_requests": answers_requests}

    # The same for every manager of the fabrique, and for every other member of it.
    listing = page_body("loans/_listing.html", (fabrique.id, request.full_path, today, answers_requests), context)
    return render_template("loans/index.html", fabrique=fabrique, listing=listing)


def _loan_for(actor, loan_id: int):
    """The loan and the sides ``actor`` acts for, if they may read it (else 404: its existence is private)."""
    loan = services.get_loan(loan_id)
    if not services.can_read_loan(actor, loan):
        abort(404)
    return loan, services.sides_of(actor, loan)


@blueprint.get("/<id:loan_id>")
@login_required
def show(loan_id: int):
    g.private_page = True
    loan, sides = _loan_for(current_user, loan_id)
    return _render_loan(loan, sides)


def _message_scope(loan) -> str:
    return f"loan-message:{loan.id}"


def _render_loan(loan, sides, *, action_form=None, message_form=None, early_lending: bool = False,
                 status: int = 200):
    if message_form is None and sides:
        message_form = LoanMessageForm()
        message_form.submission.data = submissions.issue(current_user, _message_scope(loan))
    return render_template(
        "loans/show.html", loan=loan, sides=sides, Side=Side, actions=actions_for(loan.state, sides),
        history=queries.loan_history(loan), messages=queries.loan_messages(loan),
        action_form=action_form or LoanActionForm(), message_form=message_form or LoanMessageForm(),
        today=today_in_france(), Action=Action, action_label=action_label, early_lending=early_lending,
        answerers=[] if sides else services.owner_recipients(loan),
    ), status


@blueprint.post("/<id:loan_id>/<action>")
@login_required
def act(loan_id: int, action: str):
    if action not in {item.value for item in Action}:
        abort(404)
    loan, sides = _loan_for(current_user, loan_id)
    form = LoanActionForm()
    if not form.validate_on_submit():
        return _render_loan(loan, sides, action_form=form, status=400)
    seen = form.seen_state.data
    try:
        services.act_on_loan(current_user, loan, Action(action), form.note.data or "",
                             seen_state=LoanState(seen) if seen in LOAN_STATES else None, site_url=site_url(),
                             early_confirmed=form.early_confirmed.data == "1")
        db.session.commit()
    except services.EarlyLending as question:
        # Nothing recorded: the page asks to confirm, with a button that sends the same action confirmed.
        attach_error(form, question)
        return _render_loan(loan, sides, action_form=form, early_lending=True, status=409)
    except Conflict as error:
        # Stay on the loan, with the reason (e.g. the days already booked) above its actions.
        attach_error(form, error)
        return _render_loan(services.get_loan(loan_id), sides, action_form=form, status=409)
    flash(_("La réservation est maintenant « %(state)s ».", state=loan.state_label) if loan.is_room_booking
          else _("Le prêt est maintenant « %(state)s ».", state=loan.state_label), "success")
    return redirect(url_for("loans.show", loan_id=loan.id))


@blueprint.post("/<id:loan_id>/messages")
@login_required
@per_member("LOAN_MESSAGE_LIMIT", lazy_gettext("Vous avez envoyé beaucoup de messages en peu de temps."))
def message(loan_id: int):
    loan, sides = _loan_for(current_user, loan_id)
    if not sides:
        raise Forbidden(_("Seules les deux fabriques concernées peuvent écrire ici."))
    form = LoanMessageForm()
    if not form.validate_on_submit():
        return _render_loan(loan, sides, message_form=form, status=400)
    try:
        claim = submissions.claim(current_user, _message_scope(loan), form.submission.data)
    except Invalid as error:
        return _render_loan(loan, sides, message_form=form, status=attach_error(form, error))
    if claim.is_repeat:
        return repeated_submission(_("Ce message était déjà envoyé."),
                                   url_for("loans.show", loan_id=loan.id, _anchor="messages"))
    message = services.post_loan_message(current_user, loan, form.body.data, site_url=site_url())
    claim.record(message.id)
    db.session.commit()
    flash(_("Votre message est envoyé."), "success")
    return redirect(url_for("loans.show", loan_id=loan.id, _anchor="messages"))
