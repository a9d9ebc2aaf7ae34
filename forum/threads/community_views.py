"""Solutions, "Merci", bookmarks, and the thread lists built on them (all threads, unanswered questions)."""

from __future__ import annotations

from flask import Blueprint, current_app, flash, redirect, render_template, request, url_for
from flask_login import current_user, login_required

from forum.core.forms import require_button_form
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.extensions import db
from forum.threads import community, queries, services, watching
from forum.threads.views import post_url

blueprint = Blueprint("community", __name__)


def _thread_and_post(thread_id: int, post_id: int):
    thread = services.get_thread(thread_id)
    post = services.get_post(post_id)
    return thread, post


@blueprint.post("/sujets/<id:thread_id>/solution/<id:post_id>")
@login_required
def mark_solution(thread_id: int, post_id: int):
    require_button_form()
    thread, post = _thread_and_post(thread_id, post_id)
    if community.mark_solution(current_user, thread, post):
        db.session.commit()
        flash("Cette réponse est désormais la solution de la question.", "success")
    return redirect(post_url(post, thread))


@blueprint.post("/sujets/<id:thread_id>/solution/retirer")
@login_required
def unmark_solution(thread_id: int):
    require_button_form()
    thread = services.get_thread(thread_id)
    if community.unmark_solution(current_user, thread):
        db.session.commit()
        flash("La question n'a plus de solution choisie.", "info")
    return redirect(url_for("threads.show", thread_id=thread.id, slug=thread.slug))


@blueprint.post("/messages/<id:post_id>/merci")
@login_required
def like(post_id: int):
    require_button_form()
    post = services.get_post(post_id)
    community.like(current_user, post)
    db.session.commit()
    return redirect(post_url(post, services.get_thread(post.thread_id)))


@blueprint.post("/messages/<id:post_id>/merci/retirer")
@login_required
def unlike(post_id: int):
    require_button_form()
    post = services.get_post(post_id)
    community.unlike(current_user, post)
    db.session.commit()
    return redirect(post_url(post, services.get_thread(post.thread_id)))


@blueprint.post("/sujets/<id:thread_id>/favori")
@login_required
def bookmark_thread(thread_id: int):
    require_button_form()
    thread = services.get_thread(thread_id)
    if community.bookmark(current_user, thread=thread):
        db.session.commit()
        flash("Sujet ajouté à vos favoris.", "success")
    return redirect(url_for("threads.show", thread_id=thread.id, slug=thread.slug))


@blueprint.post("/sujets/<id:thread_id>/favori/retirer")
@login_required
def unbookmark_thread(thread_id: int):
    require_button_form()
    thread = services.get_thread(thread_id)
    if community.unbookmark(current_user, thread=thread):
        db.session.commit()
        flash("Sujet retiré de vos favoris.", "info")
    return redirect(_back_or(url_for("threads.show", thread_id=thread.id, slug=thread.slug)))


@blueprint.post("/messages/<id:post_id>/favori")
@login_required
def bookmark_post(post_id: int):
    require_button_form()
    post = services.get_post(post_id)
    if community.bookmark(current_user, post=post):
        db.session.commit()
        flash("Message ajouté à vos favoris.", "success")
    return redirect(post_url(post, services.get_thread(post.thread_id)))


@blueprint.post("/messages/<id:post_id>/favori/retirer")
@login_required
def unbookmark_post(post_id: int):
    require_button_form()
    post = services.get_post(post_id)
    if community.unbookmark(current_user, post=post):
        db.session.commit()
        flash("Message retiré de vos favoris.", "info")
    return redirect(_back_or(post_url(post, services.get_thread(post.thread_id))))


def _back_or(default: str) -> str:
    # The bookmarks page removes in place; everywhere else, back to the thread.
    return url_for("community.bookmarks") if request.form.get("retour") == "favoris" else default


@blueprint.get("/favoris")
@login_required
def bookmarks():
    page = queries.bookmarks_of(current_user, parse_page(request.args.get("page")), 20)
    return render_template("threads/bookmarks.html", page=page)


@blueprint.get("/sujets")
@public_page
def all_threads():
    status = queries.read_thread_filter(request.args.get("filtre"))
    page = queries.all_threads(parse_page(request.args.get("page")), current_app.config["THREADS_PER_PAGE"],
                               status=status, viewer=current_user)
    return render_template("threads/all.html", page=page, status=status, filters=queries.THREAD_FILTERS,
                           reads=watching.read_positions(current_user, [thread.id for thread in page.items]))


@blueprint.get("/questions-sans-reponse")
@public_page
def unanswered():
    page = queries.unanswered_questions(parse_page(request.args.get("page")), current_app.config["THREADS_PER_PAGE"],
                                        viewer=current_user)
    return render_template("threads/unanswered.html", page=page,
                           reads=watching.read_positions(current_user, [thread.id for thread in page.items]))
