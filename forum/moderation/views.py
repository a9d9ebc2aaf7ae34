"""Moderation pages: flagging, the review queue, moderators' tools, suspensions, the audit log."""

from __future__ import annotations

import re

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required

from forum.accounts.services import get_user
from forum.core.errors import DomainError, Forbidden, Invalid, NotFound, StaleEdit
from forum.core.locking import read_version
from forum.core.forms import attach_error, choices, render_form, require_button_form, sent_language
from forum.core.limits import per_member
from forum.core.pagination import parse_page
from forum.core.security import parse_id
from forum.core.web import next_url, site_url, wants_preview
from forum.extensions import db
from forum.moderation import flags, queries, services, suspensions, thread_tools
from forum.moderation.forms import (
    AuthorMessageForm, FlagForm, MergeForm, ModeratorEditForm, MoveForm, ReasonForm, SuspendForm,
)
from forum.moderation.models import ACTION_LABELS, TargetType
from forum.threads.queries import categories
from forum.threads.services import get_post, get_thread
from forum.threads.web import post_url, preview_of

blueprint = Blueprint("moderation", __name__)

FLAGGABLE_KINDS = "any(message, sujet, ressource, pratique, prive, evenement)"
def _moderator_page() -> None:
    if not current_user.is_moderator:
        raise Forbidden(services.MODERATORS_ONLY)
    g.private_page = True


# --- flags ----------------------------------------------------------------------------------------
flag_limit = per_member("FLAG_LIMIT", _l("Vous avez envoyé beaucoup de signalements en peu de temps."))


@blueprint.route(f"/signaler/<{FLAGGABLE_KINDS}:kind>/<id:target_id>", methods=["GET", "POST"])
@login_required
@flag_limit
def flag(kind: str, target_id: int):
    g.private_page = True
    target_type = TargetType(kind)
    target = services.get_target(target_type, target_id)
    flags.check_flaggable(current_user, target_type, target)
    link = services.member_link_of(target_type, target)
    title = services.title_of(target_type, target)
    form = FlagForm()
    if form.validate_on_submit():
        try:
            outcome = flags.flag(current_user, target_type, target, form.reason.data, form.note.data,
                                    site_url())
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("moderation/flag.html", form, attach_error(form, error), target_type=target_type,
                               title=title, link=link)
        if outcome.created:
            flash(_("Merci : votre signalement est transmis à l'équipe de modération."), "success")
        else:
            flash(_("Vous avez déjà signalé ce contenu : l'équipe de modération va l'examiner."), "info")
        return redirect(link)
    return render_form("moderation/flag.html", form, target_type=target_type, title=title, link=link)


# --- the review queue -----------------------------------------------------------------------------
@blueprint.get("/moderation")
@login_required
def queue():
    _moderator_page()
    return _queue_page(parse_page(request.args.get("page")))


def _queue_page(page_number: int, refused: dict | None = None):
    """The review queue; ``refused``: a decision sent back (its entry, the French reason, what was typed)."""
    per_page = current_app.config["MODERATION_PER_PAGE"]
    page = queries.review_queue(page_number, per_page)
    held, held_total = queries.held_content(per_page) if page.page == 1 else ([], 0)
    if refused is not None:
        refused["on_page"] = any(f"{item.target_type.value}-{item.target_id}" == refused["key"] for item in page.items)
    return render_template("moderation/queue.html", page=page, held=held, held_total=held_total, refused=refused)


@blueprint.post(f"/moderation/<{FLAGGABLE_KINDS}:kind>/<id:target_id>/signalements/<any(masquer, rejeter):decision>")
@login_required
def review(kind: str, target_id: int, decision: str):
    """« Masquer le message » (with the message to its author, required) or « Ignorer le signalement »."""
    _moderator_page()
    form = AuthorMessageForm()
    try:
        if not form.validate_on_submit():
            raise Invalid(_("Le message à l'auteur·rice fait au plus %(num)d caractères.", num=services.REASON_MAX),
                          field="reason")
        done = flags.review_flags(current_user, TargetType(kind), target_id, uphold=decision == "masquer",
                                  reason=form.reason.data, site_url=site_url())
    except Invalid as error:
        db.session.rollback()
        if "page" not in request.form:  # not sent from the queue (a reported private message's page)
            raise
        # Back to the queue, the entry's field marked, what was typed kept: nothing was hidden.
        refused = {"key": f"{kind}-{target_id}", "message": error.message, "typed": form.reason.data or ""}
        try:
            return _queue_page(parse_page(request.form.get("page")), refused), 400
        except (Invalid, NotFound):  # a page number altered, or a page emptied meanwhile: the first one
            return _queue_page(1, refused), 400
    if done:
        db.session.commit()
        flash(_("Contenu masqué et signalements clos\u00a0: son auteur·rice a reçu votre message.")
              if decision == "masquer" else _("Signalement ignoré\u00a0: le contenu reste visible."), "success")
    else:
        flash(_("Ces signalements ont déjà été examinés."), "info")
    return redirect(next_url(url_for("moderation.queue")))


@blueprint.get("/moderation/prive/<id:message_id>")
@login_required
def reported_message(message_id: int):
    """One reported private message, whole, with its reports: what a moderator judges (never the
    rest of its conversation)."""
    _moderator_page()
    message, subject, reports = queries.reported_private_message(message_id)
    return render_template("moderation/private_message.html", message=message, subject=subject, reports=reports,
                           open_reports=[report for report in reports if report.is_open])


# --- hiding and restoring -------------------------------------------------------------------------
@blueprint.route(f"/moderation/<{FLAGGABLE_KINDS}:kind>/<id:target_id>/masquer", methods=["GET", "POST"])
@login_required
def hide(kind: str, target_id: int):
    _moderator_page()
    target_type = TargetType(kind)
    target = services.get_target(target_type, target_id)
    link, title = services.link_of(target_type, target), services.title_of(target_type, target)
    form = AuthorMessageForm()
    if form.validate_on_submit():
        try:
            done = services.hide(current_user, target_type, target, form.reason.data, site_url())
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("moderation/hide.html", form, attach_error(form, error), target_type=target_type,
                               title=title, link=link, target=target)
        flash(_("Contenu masqué : son auteur·rice est prévenu·e.") if done else _("Ce contenu était déjà masqué."),
              "success" if done else "info")
        return redirect(next_url(link))
    return render_form("moderation/hide.html", form, target_type=target_type, title=title, link=link, target=target)


@blueprint.post(f"/moderation/<{FLAGGABLE_KINDS}:kind>/<id:target_id>/retablir")
@login_required
def restore(kind: str, target_id: int):
    _moderator_page()
    require_button_form()
    target_type = TargetType(kind)
    target = services.get_target(target_type, target_id)
    if services.restore(current_user, target_type, target, request.form.get("reason", ""), site_url()):
        db.session.commit()
        flash(_("Contenu rétabli : il est de nouveau visible."), "success")
    else:
        flash(_("Ce contenu était déjà visible."), "info")
    return redirect(next_url(services.link_of(target_type, target)))


# --- threads: lock, pin, move ---------------------------------------------------------------------
_THREAD_CHANGES = {
    "verrouiller": ("lock", True, _l("Sujet verrouillé : plus personne ne peut y répondre.")),
    "deverrouiller": ("lock", False, _l("Sujet déverrouillé : les réponses sont de nouveau possibles.")),
    "epingler": ("pin", True, _l("Sujet épinglé en tête de sa catégorie.")),
    "desepingler": ("pin", False, _l("Sujet désépinglé.")),
}


@blueprint.post("/moderation/sujet/<id:thread_id>/<any(verrouiller, deverrouiller, epingler, desepingler):change>")
@login_required
def change_thread(thread_id: int, change: str):
    _moderator_page()
    require_button_form()
    thread = get_thread(thread_id)
    what, value, message = _THREAD_CHANGES[change]
    setter = thread_tools.set_locked if what == "lock" else thread_tools.set_pinned
    if setter(current_user, thread, value, request.form.get("reason", "")):
        db.session.commit()
        flash(str(message), "success")
    else:
        flash(_("C'était déjà le cas."), "info")
    return redirect(next_url(url_for("threads.show", thread_id=thread.id, slug=thread.slug)))


@blueprint.route("/moderation/sujet/<id:thread_id>/deplacer", methods=["GET", "POST"])
@login_required
def move(thread_id: int):
    _moderator_page()
    thread = get_thread(thread_id)
    all_categories = categories()
    form = MoveForm()
    form.category.choices = choices((category.slug, category.name) for category in all_categories)
    if not form.is_submitted():
        form.category.data = next((c.slug for c in all_categories if c.id == thread.category_id), None)
    if form.validate_on_submit():
        category = next(c for c in all_categories if c.slug == form.category.data)
        try:
            moved = thread_tools.move_thread(current_user, thread, category, form.reason.data)
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("moderation/move.html", form, attach_error(form, error), thread=thread)
        flash(_("Sujet déplacé dans « %(category)s ».", category=category.name) if moved
              else _("Le sujet était déjà dans cette catégorie."),
              "success" if moved else "info")
        return redirect(url_for("threads.show", thread_id=thread.id, slug=thread.slug))
    return render_form("moderation/move.html", form, thread=thread)


_THREAD_ADDRESS = re.compile(r"^\s*(?:\S*/sujets/)?([0-9]{1,18})(?:[/?#]\S*)?\s*$")


def _thread_from_address(raw: str):
    """The thread named by an address (…/sujets/123/titre) or a number; Invalid (French) otherwise."""
    match = _THREAD_ADDRESS.match(raw or "")
    if match is None:
        raise Invalid(_("Indiquez l'adresse du sujet (…/sujets/123/…) ou son numéro."), field="target")
    try:
        thread_id = parse_id(match.group(1))
        if thread_id is None:
            raise NotFound()
        return get_thread(thread_id)
    except NotFound:
        raise Invalid(_("Aucun sujet ne porte ce numéro."), field="target") from None


@blueprint.route("/moderation/sujet/<id:thread_id>/fusionner", methods=["GET", "POST"])
@login_required
def merge(thread_id: int):
    _moderator_page()
    thread = get_thread(thread_id)
    form = MergeForm()
    if not form.is_submitted() and request.args.get("vers"):
        # Offered from the queue for a duplicate flag that names the original thread.
        form.target.data = request.args.get("vers", "")[:300]
    if form.validate_on_submit():
        try:
            target = _thread_from_address(form.target.data)
            merged = thread_tools.merge_threads(current_user, thread, target, form.reason.data, site_url())
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("moderation/merge.html", form, attach_error(form, error), thread=thread)
        flash(_("Sujet fusionné : ses messages sont maintenant dans « %(title)s ».", title=target.title) if merged
              else _("Ce sujet était déjà fusionné avec celui-ci."), "success" if merged else "info")
        return redirect(next_url(url_for("threads.show", thread_id=target.id, slug=target.slug)))
    return render_form("moderation/merge.html", form, thread=thread)


# --- posts: held posts of new members, edits -----------------------------------------------------
HELD_KINDS = "any(message, sujet)"


@blueprint.post(f"/moderation/<{HELD_KINDS}:kind>/<id:target_id>/publier")
@login_required
def approve(kind: str, target_id: int):
    _moderator_page()
    require_button_form()
    target_type = TargetType(kind)
    target = services.get_target(target_type, target_id)
    if thread_tools.approve(current_user, target_type, target, site_url()):
        db.session.commit()
        flash(_("Publié : son auteur·rice est prévenu·e."), "success")
    else:
        flash(_("Ce contenu n'attendait plus de validation."), "info")
    return redirect(next_url(services.link_of(target_type, target)))


@blueprint.route(f"/moderation/<{HELD_KINDS}:kind>/<id:target_id>/refuser", methods=["GET", "POST"])
@login_required
def reject(kind: str, target_id: int):
    _moderator_page()
    target_type = TargetType(kind)
    target = services.get_target(target_type, target_id)
    link, title = services.link_of(target_type, target), services.title_of(target_type, target)
    form = ReasonForm()
    context = {"target_type": target_type, "title": title, "link": link, "target": target}
    if form.validate_on_submit():
        try:
            done = thread_tools.reject(current_user, target_type, target, form.reason.data, site_url())
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("moderation/reject.html", form, attach_error(form, error), **context)
        flash(_("Publication refusée : son auteur·rice est prévenu·e, avec la raison.") if done
              else _("Ce contenu n'attendait plus de validation."), "success" if done else "info")
        return redirect(next_url(url_for("moderation.queue")))
    return render_form("moderation/reject.html", form, **context)


@blueprint.route("/moderation/message/<id:post_id>/modifier", methods=["GET", "POST"])
@login_required
def edit_post(post_id: int):
    _moderator_page()
    post = get_post(post_id)
    thread = get_thread(post.thread_id)
    if post.is_deleted:
        raise Invalid(_("Ce message a été supprimé : il ne peut plus être modifié."))
    form = ModeratorEditForm()
    if not form.is_submitted():
        form.body.data, form.title.data = post.body_source, thread.title
        form.language.data = post.language or ""
        form.version.data = str(post.version)
    preview = ""
    context = {"post": post, "thread": thread, "moderating": True}
    if form.validate_on_submit():
        try:
            if wants_preview():
                preview = preview_of(form.body.data)
                return render_form("threads/edit_post.html", form, 200, preview=preview, **context)
            changed = thread_tools.edit_post(current_user, post, form.body.data,
                                             form.title.data if post.position == 1 else None, form.reason.data,
                                             site_url(), seen_version=read_version(form.version.data),
                                             language=sent_language(form.language))
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("threads/edit_post.html", form, attach_error(form, error), preview=preview,
                               stale=error if isinstance(error, StaleEdit) else None, **context)
        flash(_("Message modifié : son auteur·rice est prévenu·e, avec la raison.") if changed
              else _("Le message n'a pas changé."), "success" if changed else "info")
        return redirect(post_url(post, thread))
    return render_form("threads/edit_post.html", form, preview=preview, **context)


# --- members: suspensions -------------------------------------------------------------------------
@blueprint.route("/moderation/membres/<id:user_id>/suspendre", methods=["GET", "POST"])
@login_required
def suspend(user_id: int):
    _moderator_page()
    member = get_user(user_id)
    form = SuspendForm()
    if form.validate_on_submit():
        try:
            done = suspensions.suspend(current_user, member, form.duration.data, form.reason.data, site_url())
            db.session.commit()
        except DomainError as error:
            if error.status_code in (403, 404):
                raise
            return render_form("moderation/suspend.html", form, attach_error(form, error), member=member)
        flash(_("%(name)s est suspendu·e %(until)s.", name=member.display_name,
                until=suspensions.suspension_text(member)) if done
              else _("Cette suspension est déjà enregistrée."), "success" if done else "info")
        return redirect(url_for("threads.member", user_id=member.id))
    return render_form("moderation/suspend.html", form, member=member)


@blueprint.post("/moderation/membres/<id:user_id>/lever-suspension")
@login_required
def unsuspend(user_id: int):
    _moderator_page()
    require_button_form()
    member = get_user(user_id)
    if suspensions.unsuspend(current_user, member, request.form.get("reason", ""), site_url()):
        db.session.commit()
        flash(_("La suspension de %(name)s est levée.", name=member.display_name), "success")
    else:
        flash(_("Ce membre n'est pas suspendu."), "info")
    return redirect(url_for("threads.member", user_id=member.id))


# --- the audit log --------------------------------------------------------------------------------
@blueprint.get("/moderation/journal")
@login_required
def journal():
    if not current_user.is_admin:
        raise Forbidden(_("Le journal de modération est réservé aux administrateur·rices."))
    g.private_page = True
    filters = queries.JournalFilters.from_args(request.args)
    page = queries.journal(filters, parse_page(request.args.get("page")), current_app.config["MODERATION_PER_PAGE"])
    return render_template("moderation/journal.html", page=page, filters=filters, actions=ACTION_LABELS,
                           moderators=queries.moderators(), target_link=queries.target_link)

