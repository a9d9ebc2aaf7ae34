"""The pages of private conversations (« Messagerie »): the list, a new one, one, its reply; muting
one, leaving one (after a confirmation page: one cannot come back by oneself)."""

from __future__ import annotations

from flask import Blueprint, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from forum.accounts import submissions
from forum.accounts.services import get_user
from forum.core.database import write_intent
from forum.core.errors import DomainError, NotFound
from forum.core.forms import attach_error, render_form, require_button_form
from forum.core.limits import per_member
from forum.core.markdown import render_markdown
from forum.core.pagination import parse_page
from forum.core.security import parse_id
from forum.core.web import repeated_submission, site_url
from forum.extensions import db
from forum.fabriques.memberships import active_managers
from forum.fabriques.queries import fabrique_for_page
from forum.messages import services
from forum.messages.forms import AddMemberForm, NewConversationForm, PrivateReplyForm
from forum.threads.newcomers import is_new_member

blueprint = Blueprint("messages", __name__, url_prefix="/messagerie")
PER_PAGE = 30
NEW_CONVERSATION = "conversation"  # the new-conversation form's submission scope (forum.accounts.submissions)


def template_helpers() -> dict:
    """The member page offers "Ignorer" or "Ne plus ignorer": one small query, only when it asks."""
    return {"ignoring": lambda member: current_user.is_authenticated and services.ignores(current_user, member)}


def _not_new_member() -> bool:
    return request.method != "POST" or not current_user.is_authenticated or not is_new_member(current_user)


conversation_limit = per_member("CONVERSATION_LIMIT", _l("Vous avez ouvert beaucoup de conversations en peu de temps."))
new_member_conversation_limit = per_member(
    "NEW_MEMBER_CONVERSATION_LIMIT", _l("Pendant vos premiers jours sur le forum, le nombre de conversations que vous "
                                        "pouvez ouvrir chaque jour est limité, et vous l'avez atteint."),
    exempt_when=_not_new_member)
message_limit = per_member("PRIVATE_MESSAGE_LIMIT", _l("Vous envoyez beaucoup de messages en peu de temps."))


def _reply_scope(conversation_id: int) -> str:
    return f"private-reply:{conversation_id}"


def _preview(text: str | None) -> str:
    return render_markdown(services.clean_body(text)) if text and text.strip() else ""


@blueprint.get("")
@login_required
def index():
    g.private_page = True
    page = services.conversations_of(current_user, parse_page(request.args.get("page")), PER_PAGE)
    return render_template("messages/index.html", page=page, ignored=services.ignored_by(current_user))


def _prefilled_recipients() -> str:
    """The names the "Écrire" links give: a member (?a=12) or a fabrique's managers (?fabrique=slug)."""
    user_id = parse_id(request.args.get("a"))
    if user_id is not None:
        try:
            user = get_user(user_id)
        except NotFound:
            return ""
        return user.display_name if not user.is_deleted and user.id != current_user.id else ""
    slug = request.args.get("fabrique", "")[:200]
    fabrique = fabrique_for_page(slug, with_details=False) if slug else None
    if fabrique is None:
        return ""
    return ", ".join(user.display_name for user in active_managers(fabrique.id) if user.id != current_user.id)


@blueprint.route("/nouveau", methods=["GET", "POST"])
@login_required
@conversation_limit
@new_member_conversation_limit
def new():
    g.private_page = True
    form = NewConversationForm()
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, NEW_CONVERSATION)
        form.recipients.data = _prefilled_recipients()
    preview = ""
    if form.validate_on_submit():
        try:
            if request.form.get("action") == "preview":
                preview = _preview(form.body.data)
                return render_form("messages/new.html", form, 200, preview=preview)
            claim = submissions.claim(current_user, NEW_CONVERSATION, form.submission.data)
            if claim.is_repeat:
                return repeated_submission(_("Ce message était déjà envoyé."), url_for(
                    "messages.show", conversation_id=claim.earlier) if claim.earlier else url_for("messages.index"))
            recipients = services.recipients_named(current_user, form.recipients.data)
            conversation = services.start_conversation(current_user, recipients, form.subject.data, form.body.data,
                                                       site_url())
            claim.record(conversation.id)
            db.session.commit()
        except DomainError as error:
            return render_form("messages/new.html", form, attach_error(form, error), preview=preview)
        flash(_("Votre message est envoyé."), "success")
        return redirect(url_for("messages.show", conversation_id=conversation.id))
    return render_form("messages/new.html", form, preview=preview)


def _show(conversation_id: int, reply_form: PrivateReplyForm | None = None, status: int = 200, preview: str = "",
          add_form: AddMemberForm | None = None):
    conversation, member = services.conversation_for(current_user, conversation_id)
    messages = services.messages_of(conversation)
    members, departures = services.people_of(conversation, messages)
    if reply_form is None:
        reply_form = PrivateReplyForm(formdata=None)
        reply_form.submission.data = submissions.issue(current_user, _reply_scope(conversation.id))
    html = render_template("messages/show.html", conversation=conversation, messages=messages, members=members,
                           departures=departures, membership=member, last_read=member.last_read_message_id,
                           reply_form=reply_form, add_form=add_form or AddMemberForm(formdata=None), preview=preview)
    # Only when the member read further than before: reading it again writes nothing.
    if status == 200 and messages and messages[-1].id > member.last_read_message_id:
        _remember_reading(conversation.id, messages[-1].id)
    return html, status


def _remember_reading(conversation_id: int, message_id: int) -> None:
    db.session.commit()  # end the read transaction; the write below takes the lock from its start
    with write_intent():
        _conversation, member = services.conversation_for(current_user, conversation_id)
        services.mark_read(member, message_id)
        db.session.commit()


@blueprint.get("/<id:conversation_id>")
@login_required
def show(conversation_id: int):
    g.private_page = True
    return _show(conversation_id)


@blueprint.get("/message/<id:message_id>")
@login_required
def message_permalink(message_id: int):
    """A message's place in its conversation, for the members of it only (404 for anyone else)."""
    conversation_id = services.conversation_of_message(current_user, message_id)
    return redirect(url_for("messages.show", conversation_id=conversation_id, _anchor=f"message-{message_id}"))


@blueprint.post("/<id:conversation_id>/repondre")
@login_required
@message_limit
def reply(conversation_id: int):
    g.private_page = True
    services.conversation_for(current_user, conversation_id)  # a stranger's POST: 404, nothing written
    form = PrivateReplyForm()
    if not form.validate_on_submit():
        return _show(conversation_id, form, 400)
    try:
        if request.form.get("action") == "preview":
            return _show(conversation_id, form, 200, preview=_preview(form.body.data))
        claim = submissions.claim(current_user, _reply_scope(conversation_id), form.submission.data)
        if claim.is_repeat:
            return repeated_submission(_("Ce message était déjà envoyé."), url_for(
                "messages.show", conversation_id=conversation_id, _anchor=f"message-{claim.earlier}"))
        message = services.reply(current_user, conversation_id, form.body.data, site_url())
        claim.record(message.id)
        db.session.commit()
    except DomainError as error:
        status = attach_error(form, error)
        return _show(conversation_id, form, status)
    return redirect(url_for("messages.show", conversation_id=conversation_id, _anchor=f"message-{message.id}"))


@blueprint.post("/<id:conversation_id>/personnes")
@login_required
@message_limit
def add_member(conversation_id: int):
    services.conversation_for(current_user, conversation_id)
    form = AddMemberForm()
    if not form.validate_on_submit():
        return _show(conversation_id, status=400, add_form=form)
    try:
        user = services.recipients_named(current_user, form.name.data)[0]
        added = services.add_member(current_user, conversation_id, user, site_url())
        db.session.commit()
    except DomainError as error:
        status = attach_error(form, error if error.field != "recipients" else type(error)(error.message, field="name"))
        return _show(conversation_id, status=status, add_form=form)
    flash(_("%(name)s fait maintenant partie de la conversation.", name=user.display_name) if added
          else _("%(name)s en faisait déjà partie.", name=user.display_name), "success")
    return redirect(url_for("messages.show", conversation_id=conversation_id))


@blueprint.post("/<id:conversation_id>/notifications")
@login_required
def notifications(conversation_id: int):
    """Mute the conversation (``muted=1``) or turn its notifications back on (``muted=0``): the form
    says the state it wants, so that a double click acts once."""
    services.conversation_for(current_user, conversation_id)  # a stranger's POST: 404, nothing written
    require_button_form()
    muted = services.read_muted(request.form.get("muted"))
    changed = services.set_muted(current_user, conversation_id, muted)
    db.session.commit()
    if muted:
        flash(_("Vous ne serez plus notifié·e des nouveaux messages de cette conversation. Elle reste dans vos "
                "messages, où ils seront marqués « nouveau ».") if changed
              else _("Les notifications de cette conversation étaient déjà coupées."), "success" if changed else "info")
    else:
        flash(_("Vous serez de nouveau notifié·e des nouveaux messages de cette conversation.") if changed
              else _("Les notifications de cette conversation étaient déjà actives."), "success" if changed else "info")
    return redirect(url_for("messages.show", conversation_id=conversation_id))


@blueprint.route("/<id:conversation_id>/quitter", methods=["GET", "POST"])
@login_required
def leave(conversation_id: int):
    """Leave the conversation: a confirmation page (no script needed), then the POST it sends."""
    g.private_page = True
    if request.method != "POST":
        conversation, member = services.conversation_for(current_user, conversation_id)
        return render_template("messages/leave.html", conversation=conversation, membership=member)
    conversation, _member = services.membership_of(current_user, conversation_id)  # a stranger's POST: 404
    require_button_form()
    subject = conversation.subject
    left = services.leave(current_user, conversation_id)
    db.session.commit()
    flash(_("Vous avez quitté la conversation « %(subject)s ».", subject=subject) if left
          else _("Vous aviez déjà quitté cette conversation."), "success" if left else "info")
    return redirect(url_for("messages.index"))


@blueprint.post("/ignorer/<id:user_id>", defaults={"action": "ignorer"})
@blueprint.post("/ne-plus-ignorer/<id:user_id>", defaults={"action": "ne-plus-ignorer"})
@login_required
def ignoring(action: str, user_id: int):
    """Ignore a member (no new conversation nor notification from them), or stop ignoring them."""
    require_button_form()
    other = get_user(user_id)
    if action == "ignorer":
        services.ignore(current_user, other)
        message = _("Vous ignorez %(name)s : plus de nouvelle conversation ni de notification de sa part.",
                    name=other.display_name)
    else:
        services.stop_ignoring(current_user, other)
        message = _("Vous n'ignorez plus %(name)s.", name=other.display_name)
    db.session.commit()
    flash(message, "success")
    return redirect(url_for("threads.member", user_id=other.id))
