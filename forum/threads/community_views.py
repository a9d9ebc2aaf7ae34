"""Solutions, "Merci", bookmarks, and the thread lists built on them (all threads, unanswered questions)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_login import current_user, login_required

from forum.core.forms import require_button_form
from forum.core.fragments import uses_fragments
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.core.web import site_url
from forum.extensions import db
from forum.threads import community, queries, services
from forum.threads.listing import thread_rows
from forum.threads.web import post_url

blueprint = Blueprint("community", __name__)


def _done(changed: bool, back: str, message: str = "", category: str = "success"):
    """End a one-button action: commit what the service changed (nothing when it changed nothing,
    as after a double submission), say so, and go back (post/redirect/get)."""
    if changed:
        db.session.commit()
        if message:
            flash(message, category)
    return redirect(back)


def _thread_url(thread) -> str:
    return url_for("threads.show", thread_id=thread.id, slug=thread.slug)


def _post_and_url(post_id: int):
    post = services.get_post(post_id)
    return post, post_url(post, services.get_thread(post.thread_id))


def _back_or(default: str) -> str:
    # The bookmarks page removes in place; everywhere else, back to the thread.
    return url_for("community.bookmarks") if request.form.get("retour") == "favoris" else default


@blueprint.post("/sujets/<id:thread_id>/solution/<id:post_id>")
@login_required
def mark_solution(thread_id: int, post_id: int):
    require_button_form()
    thread, post = services.get_thread(thread_id), services.get_post(post_id)
    return _done(community.mark_solution(current_user, thread, post, site_url()), post_url(post, thread),
                 _("Cette réponse est désormais la solution de la question."))


@blueprint.post("/sujets/<id:thread_id>/solution/retirer")
@login_required
def unmark_solution(thread_id: int):
    require_button_form()
    thread = services.get_thread(thread_id)
    return _done(community.unmark_solution(current_user, thread), _thread_url(thread),
                 _("La question n'a plus de solution choisie."), "info")


@blueprint.post("/messages/<id:post_id>/merci")
@login_required
def like(post_id: int):
    require_button_form()
    post, back = _post_and_url(post_id)
    return _done(community.like(current_user, post), back)


@blueprint.post("/messages/<id:post_id>/merci/retirer")
@login_required
def unlike(post_id: int):
    require_button_form()
    post, back = _post_and_url(post_id)
    return _done(community.unlike(current_user, post), back)


@blueprint.post("/sujets/<id:thread_id>/favori")
@login_required
def bookmark_thread(thread_id: int):
    require_button_form()
    thread = services.get_thread(thread_id)
    return _done(community.bookmark(current_user, thread=thread), _thread_url(thread), _("Sujet ajouté à vos favoris."))


@blueprint.post("/sujets/<id:thread_id>/favori/retirer")
@login_required
def unbookmark_thread(thread_id: int):
    require_button_form()
    thread = services.get_thread(thread_id)
    return _done(community.unbookmark(current_user, thread=thread), _back_or(_thread_url(thread)),
                 _("Sujet retiré de vos favoris."), "info")


@blueprint.post("/messages/<id:post_id>/favori")
@login_required
def bookmark_post(post_id: int):
    require_button_form()
    post, back = _post_and_url(post_id)
    return _done(community.bookmark(current_user, post=post), back, _("Message ajouté à vos favoris."))


@blueprint.post("/messages/<id:post_id>/favori/retirer")
@login_required
def unbookmark_post(post_id: int):
    require_button_form()
    post, back = _post_and_url(post_id)
    return _done(community.unbookmark(current_user, post=post), _back_or(back), _("Message retiré de vos favoris."),
                 "info")


@blueprint.get("/favoris")
@login_required
def bookmarks():
    page = queries.bookmarks_of(current_user, parse_page(request.args.get("page")), 20)
    return render_template("threads/bookmarks.html", page=page)


@blueprint.get("/sujets")
@public_page
@uses_fragments
def all_threads():
    status = queries.read_thread_filter(request.args.get("filtre"))
    listed = queries.all_threads(parse_page(request.args.get("page")), current_app.config["THREADS_PER_PAGE"],
                                 status=status, viewer=current_user)
    return render_template("threads/all.html", page=listed.page, status=status, filters=queries.THREAD_FILTERS,
                           rows=thread_rows(listed.page.items, show_category=True,
                                            unread=listed.unread))


@blueprint.get("/questions-sans-reponse")
@public_page
@uses_fragments
def unanswered():
    listed = queries.unanswered_questions(parse_page(request.args.get("page")),
                                          current_app.config["THREADS_PER_PAGE"], viewer=current_user)
    return render_template("threads/unanswered.html", page=listed.page,
                           rows=thread_rows(listed.page.items, show_category=True,
                                            unread=listed.unread))
