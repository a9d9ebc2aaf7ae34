"""Practice reports: list, page, writing and editing, history and comparison, votes and echoes."""

from __future__ import annotations

import dataclasses

from flask import Blueprint, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext as _l
from flask_login import current_user, login_required
from markupsafe import Markup

from forum.accounts import submissions
from forum.core.dates import today_in_france
from forum.core.errors import DomainError, Forbidden, Invalid, NotFound, StaleEdit
from forum.core.locking import read_version
from forum.core.forms import attach_error, render_form, require_button_form
from forum.core.fragments import Viewer, fragment, fragments_of, page_body, per_response, uses_fragments
from forum.core.limits import per_member
from forum.core.page_cache import public_page
from forum.core.pagination import parse_page
from forum.core.security import parse_id
from forum.core.web import confirmation_needed, filters_in_use, markdown_response, repeated_submission, site_url
from forum.extensions import db
from forum.fabriques.geography import REGIONS
from forum.fabriques.models import Fabrique, TerritoryType
from forum.fabriques.permissions import active_fabrique_of
from forum.fabriques.queries import fabrique_choices, members_of
from forum.practices import queries, services
from forum.practices.export import practice_markdown
from forum.practices.forms import CommentForm, OutdatedForm, PracticeForm, TrialForm
from forum.practices.models import SECTIONS, Practice, PracticeKind
from forum.threads.queries import categories

blueprint = Blueprint("practices", __name__, url_prefix="/pratiques")
NEW_PRACTICE = "practice"  # the new report form's submission scope (forum.accounts.submissions)


def _comment_scope(practice) -> str:
    return f"comment:{practice.id}"


def _trial_scope(practice) -> str:
    return f"trial:{practice.id}"


def _readable(practice_id: int):
    return _check_readable(services.get_practice(practice_id))


def _check_readable(practice: Practice | services.PracticeHead) -> Practice | services.PracticeHead:
    if not services.can_read(current_user, practice):
        raise NotFound(_("Ce retour d'expérience n'existe pas."))  # a draft is private: 404, not 403
    return practice


def _form(fabrique: Fabrique, first_author_id: int | None, *args, **kwargs) -> PracticeForm:
    """The report's form; its co-authors are chosen among the fabrique's members but its first author,
    who stays an author whoever edits (a co-author editing must see, and keep, their own box)."""
    members = [membership.user for membership in members_of(fabrique) if membership.user_id != first_author_id]
    others = [(fabrique_id, name) for fabrique_id, name in fabrique_choices() if fabrique_id != fabrique.id]
    return PracticeForm(categories(), others, members, *args, **kwargs)


@blueprint.get("")
@public_page
@uses_fragments
def index():
    filters = queries.PracticeFilters.from_args(request.args)

    def listing_context():
        page = queries.published_ids(filters, parse_page(request.args.get("page")),
                                     current_app.config["PRACTICES_PER_PAGE"])
        # The filters and the cards are fragments of their own too, loaded only when missing.
        filters_form = fragment("practices/_filters.html", dataclasses.astuple(filters), lambda: {
            "filters": filters, "kinds": list(PracticeKind), "themes": categories(),
            "territories": list(TerritoryType), "regions": sorted(REGIONS.items(), key=lambda region: region[1]),
            "sorts": queries.SORTS})
        cards = fragments_of("practices/_card.html", page.items, queries.listed,
                             lambda practice: {"practice": practice})
        return {"page": page, "filters_form": filters_form, "cards": cards, "active_filters": filters_in_use()}

    # The list reads the same for every viewer of this address; the member's drafts go above it.
    return render_template(
        "practices/index.html", listing=page_body("practices/_listing.html", (request.full_path,), listing_context),
        drafts=queries.drafts_of(current_user) if current_user.is_authenticated else [],
    )


@blueprint.route("/nouveau", methods=["GET", "POST"])
@login_required
def create():
    g.private_page = True
    fabrique = active_fabrique_of(current_user)
    if fabrique is None:
        raise Forbidden(_("Rejoignez une fabrique (adhésion acceptée) pour écrire un retour d'expérience en son nom."))
    form = _form(fabrique, current_user.id)
    if not form.is_submitted():
        form.territory_type.data = fabrique.territory_type.value
        form.submission.data = submissions.issue(current_user, NEW_PRACTICE)
    if form.validate_on_submit():
        try:
            claim = submissions.claim(current_user, NEW_PRACTICE, form.submission.data)
            if claim.is_repeat:
                earlier = db.session.get(Practice, claim.earlier or 0)
                return repeated_submission(_("Ce retour d'expérience était déjà enregistré."), url_for(
                    "practices.show", practice_id=earlier.id) if earlier else url_for("practices.index"))
            practice = services.create_practice(current_user, form.to_input())
            if request.form.get("action") == "publish":
                services.publish(current_user, practice)
            claim.record(practice.id)
            db.session.commit()
        except DomainError as error:
            if error.status_code == 403:  # not a field's fault (an unconfirmed address): the error page says why
                raise
            return render_form("practices/edit.html", form, attach_error(form, error), practice=None, fabrique=fabrique)
        flash(_("Votre retour d'expérience est publié. Merci pour ce partage !") if practice.is_published
              else _("Brouillon enregistré : seuls ses auteurs et les responsables de votre fabrique le voient "
                     "jusqu'à sa publication."), "success")
        return redirect(url_for("practices.show", practice_id=practice.id))
    return render_form("practices/edit.html", form, practice=None, fabrique=fabrique)


@blueprint.get("/<id:practice_id>")
@public_page
@uses_fragments
def show(practice_id: int):
    # What it shows is in fragments, read if missing.
    head = services.practice_for_page(practice_id, current_user)
    _check_readable(head)
    return render_template("practices/show.html", title=head.title, body=_practice_body(head))


@blueprint.get("/<id:practice_id>/markdown")
def markdown(practice_id: int):
    """The report as Markdown, for whoever may read its page (a draft or a hidden report: 404 to others)."""
    practice = _readable(practice_id)
    text = practice_markdown(practice, site_url() + url_for("practices.show", practice_id=practice.id),
                             site_url() + url_for("fabriques.show", slug=practice.fabrique.slug))
    return markdown_response(text, f"retour-experience-{practice.id}.md")


def _practice_body(head: services.PracticeHead):
    """The report's page under the header, shared (forum.core.fragments) by the members for whom it
    reads the same: its key holds what the viewer changes on it (their rights, their vote, their
    fabrique's trial). The report itself, its trials, flags and fragments are read only when it is rendered."""
    member = current_user.is_authenticated
    viewer_fabrique = active_fabrique_of(current_user)
    can_edit = services.can_edit(current_user, head)
    is_author = services.is_author(current_user, head)
    has_voted = head.has_voted
    can_try = member and viewer_fabrique is not None and viewer_fabrique.id != head.fabrique_id
    viewer = Viewer.of(current_user)
    today = today_in_france()
    key = (head.id, request.full_path, viewer, today, can_edit, is_author, has_voted,
           viewer_fabrique.id if can_try else None)
    trial_submission = per_response("trial-submission", lambda: submissions.issue(current_user, _trial_scope(head)))
    comment_submission = per_response("comment-submission",
                                      lambda: submissions.issue(current_user, _comment_scope(head)))

    def context():
        practice = services.practice_to_render(head.id)
        trials = queries.trials(practice)
        my_trial = next((trial for trial in trials if can_try and trial.fabrique_id == viewer_fabrique.id), None)
        trial_form = comment_form = outdated_form = None
        if member:  # the CSRF token and the submission are the member's: placeholders here
            trial_form = TrialForm(data={"outcome": my_trial.outcome.value, "note": my_trial.note_source}
                                   if my_trial else None, meta={"csrf": False})
            trial_form.submission.data = trial_submission
            comment_form = CommentForm(meta={"csrf": False})
            comment_form.submission.data = comment_submission
            outdated_form = OutdatedForm(prefix="outdated", meta={"csrf": False})
        return {
            "practice": practice, "current_user": viewer, "parts": _practice_fragments(practice),
            "trials": trials, "trial_summary": queries.trial_summary(trials), "can_edit": can_edit,
            "is_author": is_author, "has_voted": has_voted,
            "stale": practice.is_published and practice.last_confirmed_at is not None
            and (today - practice.last_confirmed_at.date()) > services.STALE_AFTER,
            "outdated_flags": queries.outdated_flag_count(practice) if practice.is_published else 0,
            "can_try": can_try, "comment_form": comment_form, "trial_form": trial_form, "my_trial": my_trial,
            "outdated_form": outdated_form, "login_next": request.full_path, "resend_next": request.full_path,
        }

    return page_body("practices/_page.html", key, context)


def _practice_fragments(practice: Practice) -> dict[str, Markup]:
    """The parts of a report that read the same for everyone, each a fragment read only when missing."""
    def labels_context():
        queries.load_labels(practice)
        return {"practice": practice}

    def facts_context():
        threads, resources = queries.links_of(practice.id)
        return {"practice": practice, "threads": threads, "resources": resources}

    return {"labels": fragment("practices/_labels.html", (practice.id,), labels_context),
            "body": fragment("practices/_body.html", (practice.id,), lambda: {"practice": practice, "sections": {
                name: _(label) for name, label in SECTIONS.items()}}),
            "comments": fragment("practices/_comments.html", (practice.id,),
                                 lambda: {"comments": queries.comments(practice)}),
            "facts": fragment("practices/_facts.html", (practice.id,), facts_context)}


@blueprint.route("/<id:practice_id>/modifier", methods=["GET", "POST"])
@login_required
def edit(practice_id: int):
    g.private_page = True
    practice = _readable(practice_id)
    if not services.can_edit(current_user, practice):
        raise Forbidden(_("Seuls les auteurs et les responsables de la fabrique peuvent modifier ce retour."))
    fabrique = db.session.get(Fabrique, practice.fabrique_id)
    form = _form(fabrique, practice.created_by_id)
    if not form.is_submitted():
        form.process(data=_form_data(practice))
        form.version.data = str(practice.revision_count)
    if form.validate_on_submit():
        try:
            revision = services.update_practice(current_user, practice, form.to_input(),
                                                seen_revision=read_version(form.version.data))
            if request.form.get("action") == "publish" and not practice.is_published:
                services.publish(current_user, practice)
            db.session.commit()
        except DomainError as error:
            return render_form("practices/edit.html", form, attach_error(form, error), practice=practice,
                               fabrique=fabrique, stale=error if isinstance(error, StaleEdit) else None)
        flash(_("Modifications enregistrées (version %(number)d).", number=revision.number) if revision
              else _("Rien n'a changé."),
              "success")
        return redirect(url_for("practices.show", practice_id=practice.id))
    return render_form("practices/edit.html", form, practice=practice, fabrique=fabrique)


def _form_data(practice) -> dict:
    data = {name: getattr(practice, f"{name}_source") for name in SECTIONS}
    data.update(
        title=practice.title, kind=practice.kind.value, territory_type=practice.territory_type.value,
        theme_ids=[theme.id for theme in practice.themes], period=practice.period,
        coauthor_fabrique_ids=[fabrique.id for fabrique in practice.coauthor_fabriques],
        coauthor_ids=[user.id for user in practice.authors if user.id != practice.created_by_id],
        cost_euros=practice.cost_euros, staff_hours=practice.staff_hours, volunteer_hours=practice.volunteer_hours,
        partners=practice.partners, funding=practice.funding, licence=practice.licence,
        language=practice.language or "",
        links="\n".join([*(f"/sujets/{thread.id}" for thread in practice.threads),
                         *(f"/ressources/{resource.id}" for resource in practice.resources)]),
    )
    return data


@blueprint.post("/<id:practice_id>/publier")
@login_required
def publish(practice_id: int):
    require_button_form()
    practice = _readable(practice_id)
    services.publish(current_user, practice)
    db.session.commit()
    flash(_("Votre retour d'expérience est publié. Merci pour ce partage !"), "success")
    return redirect(url_for("practices.show", practice_id=practice.id))


@blueprint.post("/<id:practice_id>/supprimer")
@login_required
def delete(practice_id: int):
    require_button_form()
    practice = _readable(practice_id)
    if services.can_edit(current_user, practice):
        ask = confirmation_needed(_("Supprimer le retour d'expérience « %(title)s » ?", title=practice.title),
                                  _("Il disparaîtra pour tout le monde, avec ses versions et ses commentaires ; "
                                    "cela ne peut pas être annulé."), _("Supprimer le retour"),
                                  url_for("practices.show", practice_id=practice.id))
        if ask:
            return ask
    services.delete_practice(current_user, practice)
    db.session.commit()
    flash(_("Le retour d'expérience a été supprimé."), "info")
    return redirect(url_for("practices.index"))


@blueprint.get("/<id:practice_id>/historique")
@login_required
def history(practice_id: int):
    practice = _readable(practice_id)
    return render_template("practices/history.html", practice=practice, revisions=services.revisions(practice))


def _revision_number(name: str) -> int:
    number = parse_id(request.args.get(name, ""))  # a revision number: a positive INTEGER too
    if number is None:
        raise Invalid(_("Choisissez deux versions à comparer."))
    return number


@blueprint.get("/<id:practice_id>/comparer")
@login_required
def compare(practice_id: int):
    practice = _readable(practice_id)
    old, new = _revision_number("de"), _revision_number("a")
    if old == new:
        raise Invalid(_("Choisissez deux versions différentes."))
    old, new = min(old, new), max(old, new)
    return render_template("practices/compare.html", practice=practice, old=old, new=new,
                           differences=services.compare_revisions(practice, old, new))


@blueprint.post("/<id:practice_id>/utile")
@login_required
def useful(practice_id: int):
    require_button_form()
    practice = _readable(practice_id)
    wanted = {"oui": True, "non": False}.get(request.form.get("utile", ""))  # what the pressed button said
    changed = services.set_useful(current_user, practice, wanted)
    db.session.commit()
    now_useful = queries.has_voted(current_user, practice)
    if changed:
        flash(_("Merci : votre vote « utile » est compté.") if now_useful else _("Votre vote « utile » est retiré."),
              "success")
    else:
        flash(_("Votre vote « utile » était déjà compté.") if now_useful
              else _("Votre vote « utile » était déjà retiré."),
              "info")
    return redirect(url_for("practices.show", practice_id=practice.id))


@blueprint.post("/<id:practice_id>/commentaires")
@login_required
@per_member("PRACTICE_COMMENT_LIMIT", _l("Vous avez publié beaucoup de commentaires en peu de temps."))
def comment(practice_id: int):
    practice = _readable(practice_id)
    form = CommentForm()
    if not form.validate_on_submit():
        raise Invalid(next(iter(form.errors.values()))[0] if form.errors else _("Le commentaire est vide."))
    claim = submissions.claim(current_user, _comment_scope(practice), form.submission.data)
    if claim.is_repeat:
        return repeated_submission(_("Ce commentaire était déjà publié."),
                                   url_for("practices.show", practice_id=practice.id, _anchor="commentaires"))
    comment = services.add_comment(current_user, practice, form.body.data, site_url=site_url())
    claim.record(comment.id)
    db.session.commit()
    flash(_("Votre commentaire est publié."), "success")
    return redirect(url_for("practices.show", practice_id=practice.id, _anchor="commentaires"))


@blueprint.post("/<id:practice_id>/essaye")
@login_required
@per_member("PRACTICE_TRIAL_LIMIT", _l("Vous avez indiqué beaucoup d'essais en peu de temps."))
def tried(practice_id: int):
    practice = _readable(practice_id)
    form = TrialForm()
    if not form.validate_on_submit():
        raise Invalid(_("Choisissez : ça a marché, en partie, ou ça n'a pas marché."))
    claim = submissions.claim(current_user, _trial_scope(practice), form.submission.data)
    if claim.is_repeat:
        return repeated_submission(_("Le résultat de votre fabrique était déjà enregistré."),
                                   url_for("practices.show", practice_id=practice.id, _anchor="essais"))
    trial = services.record_trial(current_user, practice, form.outcome.data, form.note.data or "",
                                  site_url=site_url())
    claim.record(trial.id)
    db.session.commit()
    flash(_("Merci : le résultat de votre fabrique est ajouté."), "success")
    return redirect(url_for("practices.show", practice_id=practice.id, _anchor="essais"))


@blueprint.post("/<id:practice_id>/confirmer")
@login_required
def confirm(practice_id: int):
    require_button_form()
    practice = _readable(practice_id)
    services.confirm_current(current_user, practice)
    db.session.commit()
    flash(_("Merci : ce retour est indiqué comme encore d'actualité."), "success")
    return redirect(url_for("practices.show", practice_id=practice.id))


@blueprint.post("/<id:practice_id>/depasse")
@login_required
def outdated(practice_id: int):
    practice = _readable(practice_id)
    form = OutdatedForm(prefix="outdated")
    if not form.validate_on_submit():
        raise Invalid(_("La remarque fait 500 caractères au plus."))
    added = services.flag_outdated(current_user, practice, form.note.data or "", site_url=site_url())
    db.session.commit()
    flash(_("Merci : les auteurs sont prévenus.") if added else _("Vous l'aviez déjà signalé."), "info")
    return redirect(url_for("practices.show", practice_id=practice.id))


def fabrique_practices_section(fabrique: Fabrique):
    """The "retours d'expérience" section of a fabrique's page."""
    return "practices/_fabrique_section.html", {"practices": queries.of_fabrique(fabrique.id), "fabrique": fabrique}


def home_practices_section():
    """The latest reports on the home page."""
    return "practices/_home_section.html", {"practices": queries.latest(5)}
