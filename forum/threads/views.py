"""The forum's pages: home, categories, threads, replies, member pages."""

from __future__ import annotations

import dataclasses
import logging
from typing import Any

from flask import Blueprint, abort, current_app, flash, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from sqlalchemy.exc import OperationalError

from forum.accounts import submissions
from forum.accounts.services import get_user

from forum.core.database import write_intent
from forum.core.errors import Conflict, DomainError, Forbidden, Invalid, NotFound, StaleEdit
from forum.core.locking import read_version
from forum.core.forms import EmptyForm, attach_error, render_form, sent_language
from forum.core.fragments import Viewer, fragment, page_body, per_response, uses_fragments
from forum.core.limits import accepted, member_key, per_member
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.core.security import parse_id
from forum.core.web import confirmation_needed, next_url, repeated_submission, site_url, wants_preview
from forum.core.visibility import can_see, is_awaiting_approval
from forum.extensions import db, limiter
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import membership_of
from forum.fabriques.queries import recently_active
from forum.threads import community, queries, reader_state, services, watching
from forum.threads.listing import thread_rows
from forum.threads.newcomers import is_new_member
from forum.threads.forms import PostEditForm, ReplyForm, ThreadForm, WatchForm
from forum.threads.models import Post, Thread, WatchLevel
from forum.threads.web import post_url, preview_of

log = logging.getLogger(__name__)
blueprint = Blueprint("threads", __name__)

# Higher layers add blocks to the home page (latest practice reports...):
# app.extensions[HOME_SECTIONS_KEY] is a list of callables () -> (template, context).
HOME_SECTIONS_KEY = "home_page_sections"


def _posting_limit() -> str:
    return current_app.config["POSTING_LIMIT"]


# One budget for new threads and replies together (shared scope), not one per page.
posting_limit = limiter.shared_limit(
    _posting_limit, scope="posting", key_func=member_key, methods=["POST"], deduct_when=accepted,
    error_message=_l("Vous publiez beaucoup en peu de temps."),
)


def _not_new_member() -> bool:
    # Evaluated on every request to the view: a GET costs no query.
    return request.method != "POST" or not current_user.is_authenticated or not is_new_member(current_user)


new_member_thread_limit = per_member(
    "NEW_MEMBER_THREAD_LIMIT",
    _l("Pendant vos premiers jours sur le forum, le nombre de sujets que vous pouvez ouvrir chaque jour est limité, "
       "et vous l'avez atteint."), exempt_when=_not_new_member)
new_member_reply_limit = per_member(
    "NEW_MEMBER_REPLY_LIMIT",
    _l("Pendant vos premiers jours sur le forum, le nombre de réponses que vous pouvez publier chaque jour est "
       "limité, et vous l'avez atteint."), exempt_when=_not_new_member)


NEW_THREAD = "thread"  # the new-thread form's submission scope (forum.accounts.submissions)


def reply_scope(thread) -> str:
    return f"reply:{thread.id}"


HELD_THREAD = _l("Votre sujet contient des liens : comme vous débutez sur le forum, il sera publié dès qu'un·e "
                 "modérateur·rice l'aura relu. D'ici là, vous seul·e le voyez.")
HELD_EDIT = _l("Votre message contient maintenant des liens : comme vous débutez sur le forum, il sera de nouveau "
               "visible dès qu'un·e modérateur·rice l'aura relu. D'ici là, vous seul·e le voyez.")
HELD_REPLY = _l("Votre réponse contient des liens : comme vous débutez sur le forum, elle sera publiée dès qu'un·e "
                "modérateur·rice l'aura relue. D'ici là, vous seul·e la voyez.")


@blueprint.get("/")
@public_page
@uses_fragments
def home():
    listed = queries.latest_threads(15, viewer=current_user)
    latest = thread_rows(listed.page.items, show_category=True, unread=listed.unread)
    # The side column is the same for everyone: read only when its fragment is missing.
    aside = fragment("threads/_home_aside.html", (), lambda: {
        "categories": queries.categories(), "active_fabriques": recently_active(6),
        "tags": queries.popular_tags(20),
        "sections": [build() for build in current_app.extensions.get(HOME_SECTIONS_KEY, [])]})
    return render_template("threads/home.html", latest=latest, aside=aside)


@blueprint.get("/forum/<slug>")
@public_page
@uses_fragments
def category(slug: str):
    category = services.get_category_by_slug(slug)
    tag = request.args.get("tag", "").strip().lower()[:40] or None
    status = queries.read_thread_filter(request.args.get("filtre"))
    listed = queries.threads_in_category(category, parse_page(request.args.get("page")),
                                         current_app.config["THREADS_PER_PAGE"], tag=tag, status=status,
                                         viewer=current_user)
    member = current_user.is_authenticated
    return render_template("threads/category.html", category=category, page=listed.page, tag=tag, status=status,
                           filters=queries.THREAD_FILTERS,
                           rows=thread_rows(listed.page.items, show_category=False,
                                            unread=listed.unread),
                           watch_level=watching.category_level(current_user, category) if member else None,
                           watch_levels=list(WatchLevel), action_form=EmptyForm() if member else None)


@blueprint.get("/mots-cles/<tag>")
@public_page
@uses_fragments
def tag(tag: str):
    tag = services.get_tag(tag).name
    status = queries.read_thread_filter(request.args.get("filtre"))
    listed = queries.threads_with_tag(tag, parse_page(request.args.get("page")),
                                      current_app.config["THREADS_PER_PAGE"], status=status, viewer=current_user)
    return render_template("threads/tag.html", tag=tag, page=listed.page, status=status,
                           filters=queries.THREAD_FILTERS,
                           rows=thread_rows(listed.page.items, show_category=True,
                                            unread=listed.unread))


@blueprint.route("/sujets/nouveau", methods=["GET", "POST"])
@login_required
@posting_limit
@new_member_thread_limit
def new_thread():
    categories = queries.categories()
    form = ThreadForm()
    form.category.choices = [(c.slug, c.name) for c in categories]
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, NEW_THREAD)
        if request.args.get("categorie") in {c.slug for c in categories}:
            form.category.data = request.args["categorie"]
        if request.args.get("question"):  # from "Poser une question"
            form.is_question.data = True
    preview = ""
    if form.validate_on_submit():
        try:
            if wants_preview():
                preview = preview_of(form.body.data)
                return render_form("threads/new.html", form, 200, preview=preview, categories=categories)
            claim = submissions.claim(current_user, NEW_THREAD, form.submission.data)
            if claim.is_repeat:
                earlier = db.session.get(Thread, claim.earlier or 0)
                return repeated_submission(_("Ce sujet était déjà publié."), url_for(
                    "threads.show", thread_id=earlier.id, slug=earlier.slug) if earlier else url_for("threads.home"))
            thread = services.start_thread(
                current_user, services.get_category_by_slug(form.category.data), form.title.data, form.body.data,
                tags=services.parse_tags(form.tags.data or ""), is_question=form.is_question.data,
                site_url=site_url(), language=form.language.data,
            )
            claim.record(thread.id)
            db.session.commit()
        except (Invalid, Conflict) as error:
            return render_form("threads/new.html", form, attach_error(form, error), preview=preview, categories=categories)
        if is_awaiting_approval(thread):
            flash(str(HELD_THREAD), "info")
        else:
            flash(_("Votre sujet est publié."), "success")
        return redirect(url_for("threads.show", thread_id=thread.id, slug=thread.slug))
    return render_form("threads/new.html", form, preview=preview, categories=categories)


@blueprint.get("/sujets/<id:thread_id>")
@blueprint.get("/sujets/<id:thread_id>/<slug>")
@public_page
@uses_fragments
def show(thread_id: int, slug: str | None = None):
    head = queries.thread_head(thread_id)
    if head.merged_into_id is not None:  # a duplicate merged into another thread: its posts are there
        target = services.get_thread(head.merged_into_id)
        return redirect(url_for("threads.show", thread_id=target.id, slug=target.slug), 301)
    if not can_see(current_user, head, head.author_id):
        raise NotFound(_("Ce sujet a été masqué par la modération."))
    if slug is not None and slug != head.slug:
        # An address from an earlier title (renamed, or removed with its member's texts) leads to the
        # current one: the old title's words do not live on in the address bar.
        return redirect(url_for("threads.show", thread_id=head.id, slug=head.slug, **request.args), 301)
    per_page = current_app.config["POSTS_PER_PAGE"]
    page = queries.post_places(head, parse_page(request.args.get("page")), per_page)
    member = current_user.is_authenticated
    first = (page.page - 1) * per_page + 1
    state = reader_state.for_thread_page(current_user, head, range(first, first + per_page))
    body = _thread_body(head, page, state)
    html = render_template("threads/show.html", title=head.title, body=body)
    # Only when the member read further than before: reading a page again writes nothing.
    if member and page.items and page.items[-1].position > state.read_position:
        # After rendering: the commit below expires what the template read.
        _remember_reading(head.id, page.items[-1].position)
    return html


def _thread_body(head: queries.ThreadHead, page, state: reader_state.ThreadPageState):
    """The thread page under its header, shared (forum.core.fragments) by the members for whom it
    reads the same: its key holds what the viewer changes on it. The thread with its tags and
    category, the solution and the posts are loaded only when it is rendered."""
    member = current_user.is_authenticated
    user_id = current_user.id if member else None
    can_reply = member and services.can_reply(current_user, head)
    can_choose_solution = community.can_choose_solution(current_user, head)
    # The viewer's id matters only where they wrote the thread or a post of the page.
    owner = member and (head.author_id == user_id or any(place.author_id == user_id for place in page.items))
    viewer = Viewer.of(current_user, with_id=owner)
    on_page = frozenset(post_ids := [place.id for place in page.items])
    # The pager keeps the query's other arguments, and visitors' links come back to this address.
    key = (head.id, request.full_path, viewer, can_reply, can_choose_solution, state.liked & on_page,
           state.bookmarked_posts & on_page, state.thread_bookmarked, state.watch_level if member else None)
    submission = per_response("reply-submission", lambda: submissions.issue(current_user, reply_scope(head))) \
        if can_reply else None
    login_next = request.full_path

    def context() -> dict[str, Any]:
        thread = queries.thread_for_page(head.id)
        solution = queries.solution_of(thread)
        reply_form = None
        if can_reply:
            reply_form = ReplyForm(meta={"csrf": False})  # the token is the member's: a placeholder here
            reply_form.submission.data = submission
        return {"thread": thread, "page": page, "current_user": viewer, "can_reply": can_reply,
                "reply_form": reply_form, "solution": solution if page.page > 1 else None,
                "post_html": _post_fragments(thread, post_ids, solution, viewer=viewer, can_reply=can_reply,
                                             can_choose_solution=can_choose_solution, liked=state.liked,
                                             bookmarked=state.bookmarked_posts),
                "thread_bookmarked": state.thread_bookmarked, "watch_level": state.watch_level if member else None,
                "watch_levels": list(WatchLevel), "login_next": login_next, "resend_next": login_next}

    return page_body("threads/_page.html", key, context)


def _post_fragments(thread: Thread, post_ids: list[int], solution: Post | None, *, viewer: Viewer, can_reply: bool,
                    can_choose_solution: bool, liked: frozenset[int], bookmarked: frozenset[int]):
    """The function that gives the HTML of one post (a ``PostPlace``) of this page: a fragment
    shared by every viewer for whom the post reads the same (forum.core.fragments), keyed by what
    differs. The posts themselves are loaded only if a fragment is missing (all of the page's at
    once)."""
    member = viewer.is_authenticated
    # On the posts they did not write, the viewer's id is left out: those read alike for all.
    viewer_of_others = dataclasses.replace(viewer, id=0)
    loaded: dict[int, Post] = {}

    def load() -> dict[int, Post]:
        if not loaded:
            loaded.update(queries.posts_by_id(post_ids))
        return loaded

    def post_html(place: queries.PostPlace):
        own = viewer.id != 0 and place.author_id == viewer.id
        is_liked, is_bookmarked = place.id in liked, place.id in bookmarked
        post_viewer = viewer if own else viewer_of_others
        key = (place.id, post_viewer, is_liked, is_bookmarked, can_reply, can_choose_solution)
        return fragment("threads/_post.html", key, lambda: {
            "post": load()[place.id], "thread": thread, "solution": solution,
            "current_user": post_viewer, "writer": member and not viewer.is_suspended, "can_reply": can_reply,
            "can_choose_solution": can_choose_solution, "liked": {place.id} if is_liked else set(),
            "bookmarked_posts": {place.id} if is_bookmarked else set()})

    return post_html


def _remember_reading(thread_id: int, position: int) -> None:
    """Record how far the member has read, in its own short write transaction.

    Best effort: a busy database must not turn reading a thread into an error page.
    """
    db.session.commit()  # end the read transaction; the write below takes the lock from its start
    try:
        with write_intent():
            watching.mark_read(current_user, thread_id, position)
            db.session.commit()
    except OperationalError:
        db.session.rollback()
        log.warning("read position of thread %s not recorded", thread_id, exc_info=True)


@blueprint.get("/sujets/<id:thread_id>/non-lu")
@login_required
def first_unread(thread_id: int):
    """Open a thread at the first post the member has not read yet."""
    thread = services.get_thread(thread_id)
    position = watching.first_unread_position(current_user, thread)
    post = db.session.execute(
        db.select(Post).where(Post.thread_id == thread.id, Post.position == position)).scalar_one_or_none()
    if post is None:
        return redirect(url_for("threads.show", thread_id=thread.id, slug=thread.slug))
    return redirect(post_url(post, thread))


@blueprint.post("/sujets/<id:thread_id>/suivi")
@login_required
def watch_thread(thread_id: int):
    form = WatchForm()
    if not form.validate_on_submit():
        abort(400)
    thread = services.get_thread(thread_id)
    level = watching.read_level(form.level.data)
    watching.set_level(current_user, level, thread=thread)
    db.session.commit()
    flash(str(WATCH_MESSAGES[level]), "success")
    return redirect(url_for("threads.show", thread_id=thread.id, slug=thread.slug))


@blueprint.post("/forum/<slug>/suivi")
@login_required
def watch_category(slug: str):
    form = WatchForm()
    if not form.validate_on_submit():
        abort(400)
    category = services.get_category_by_slug(slug)
    level = watching.read_level(form.level.data)
    watching.set_level(current_user, level, category=category)
    db.session.commit()
    flash(str(WATCH_MESSAGES[level]), "success")
    # The welcome page lists the categories to follow, and sends its members back to it.
    return redirect(next_url(url_for("threads.category", slug=category.slug)))


WATCH_MESSAGES = {
    WatchLevel.WATCHING: _l("Vous serez prévenu·e de chaque nouveau message."),
    WatchLevel.NORMAL: _l("Vous serez prévenu·e quand on vous mentionne ou qu'on répond à vos sujets."),
    WatchLevel.MUTED: _l("Vous ne serez plus prévenu·e, et ces sujets n'apparaîtront plus dans vos listes."),
}


@blueprint.route("/sujets/<id:thread_id>/repondre", methods=["GET", "POST"])
@login_required
@posting_limit
@new_member_reply_limit
def reply(thread_id: int):
    thread = queries.thread_for_page(thread_id)
    services.check_can_reply(current_user, thread)
    form = ReplyForm()
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, reply_scope(thread))
    preview = ""
    quoted_id = request.args.get("citer", "")
    if not form.is_submitted() and quoted_id:
        if parse_id(quoted_id) is None:
            raise Invalid(_("Le message à citer est introuvable."))
        quoted = services.get_post(parse_id(quoted_id))
        if quoted.thread_id != thread.id:
            raise Invalid(_("On ne peut citer qu'un message de ce sujet."))
        author = get_user(quoted.author_id).display_name if quoted.author_id else _("Un membre")
        form.body.data = services.quote_source(quoted, author)
        form.reply_to.data = str(quoted.id)
    if form.validate_on_submit():
        try:
            if wants_preview():
                preview = preview_of(form.body.data)
                return render_form("threads/reply.html", form, 200, thread=thread, preview=preview)
            claim = submissions.claim(current_user, reply_scope(thread), form.submission.data)
            if claim.is_repeat:
                earlier = db.session.get(Post, claim.earlier or 0)
                return repeated_submission(_("Ce message était déjà publié."),
                                           post_url(earlier, thread) if earlier else url_for(
                                               "threads.show", thread_id=thread.id, slug=thread.slug))
            post = services.reply(current_user, thread, form.body.data, site_url=site_url(),
                                  reply_to=services.read_reply_to(form.reply_to.data), language=form.language.data)
            claim.record(post.id)
            db.session.commit()
        except (Invalid, Conflict) as error:
            return render_form("threads/reply.html", form, attach_error(form, error), thread=thread, preview=preview)
        if is_awaiting_approval(post):
            flash(str(HELD_REPLY), "info")
        else:
            flash(_("Votre réponse est publiée."), "success")
        return redirect(post_url(post, thread))
    return render_form("threads/reply.html", form, thread=thread, preview=preview)


@blueprint.get("/messages/<id:post_id>")
def post_permalink(post_id: int):
    post = services.get_post(post_id)
    return redirect(post_url(post, services.get_thread(post.thread_id)))


@blueprint.route("/messages/<id:post_id>/modifier", methods=["GET", "POST"])
@login_required
def edit_post(post_id: int):
    post = services.get_post(post_id)
    thread = services.get_thread(post.thread_id)
    if post.author_id != current_user.id:
        if current_user.is_moderator:  # with a reason, recorded in the moderation log
            return redirect(url_for("moderation.edit_post", post_id=post.id))
        raise Forbidden(_("Vous ne pouvez modifier que vos propres messages."))
    if post.is_deleted:
        raise Invalid(_("Ce message a été supprimé : il ne peut plus être modifié."))
    form = PostEditForm()
    if not form.is_submitted():
        form.body.data = post.body_source
        form.title.data = thread.title
        form.language.data = post.language or ""
        form.version.data = str(post.version)
    preview = ""
    if form.validate_on_submit():
        try:
            if wants_preview():
                preview = preview_of(form.body.data)
                return render_form("threads/edit_post.html", form, 200, post=post, thread=thread, preview=preview)
            services.edit_post(current_user, post, form.body.data,
                               title=form.title.data if post.position == 1 else None,
                               seen_version=read_version(form.version.data), language=sent_language(form.language))
            db.session.commit()
        except DomainError as error:
            return render_form("threads/edit_post.html", form, attach_error(form, error), post=post, thread=thread,
                               preview=preview, stale=error if isinstance(error, StaleEdit) else None)
        if is_awaiting_approval(post):
            flash(str(HELD_EDIT), "info")
        else:
            flash(_("Votre message a été modifié."), "success")
        return redirect(post_url(post, thread))
    return render_form("threads/edit_post.html", form, post=post, thread=thread, preview=preview)


@blueprint.post("/messages/<id:post_id>/supprimer")
@login_required
def delete_post(post_id: int):
    if not EmptyForm().validate_on_submit():
        abort(400)
    post = services.get_post(post_id)
    thread = services.get_thread(post.thread_id)
    if post.author_id == current_user.id and not post.deleted_at:
        ask = confirmation_needed(_("Supprimer votre message ?"),
                                  _("Son texte sera retiré du sujet pour tout le monde ; cela ne peut pas être annulé."),
                                  _("Supprimer le message"), post_url(post, thread))
        if ask:
            return ask
    services.delete_post(current_user, post)
    db.session.commit()
    flash(_("Votre message a été supprimé."), "info")
    return redirect(post_url(post, thread))


@blueprint.get("/membres/<id:user_id>")
@public_page
def member(user_id: int):
    user = get_user(user_id)
    membership = membership_of(user)
    posts = queries.posts_of_member(user, parse_page(request.args.get("page")), 20)
    # One's own page also lists one's latest bookmarks (private: nobody else sees them).
    own = current_user.is_authenticated and current_user.id == user.id
    bookmarks = queries.bookmarks_of(user, 1, 5) if own else None
    return render_template("threads/member.html", member=user, membership=membership, posts=posts,
                           bookmarks=bookmarks)


def fabrique_threads_section(fabrique: Fabrique):
    """The "latest threads" section of a fabrique's page (see fabriques.views.SECTIONS_KEY)."""
    return "threads/_fabrique_section.html", {"threads": queries.threads_of_fabrique(fabrique)}
