"""Photos of resources on the web: the managers' page (upload, order, delete) and the files themselves."""

from __future__ import annotations

from flask import (
    Blueprint,
    abort,
    current_app,
    flash,
    g,
    redirect,
    request,
    send_from_directory,
    url_for,
)
from flask_babel import gettext as _, lazy_gettext, ngettext
from flask_login import current_user, login_required
from flask_wtf.file import MultipleFileField

from forum.accounts import submissions
from forum.core.errors import DomainError, NotFound
from forum.core.forms import CreatingForm, attach_error, render_form, require_button_form
from forum.core.hostile import accepts_body_up_to
from forum.core.web import confirmation_needed, repeated_submission
from forum.extensions import csrf, db
from forum.fabriques.models import Fabrique
from forum.fabriques.permissions import can_manage
from forum.resources import photos
from forum.resources.models import Resource

blueprint = Blueprint("resource_photos", __name__)

# Six files of 4 Mo and the form around them; a bigger request is refused (413)
# before it is read. Other pages keep the app's MAX_CONTENT_LENGTH (1 Mo).
MAX_REQUEST_BYTES = 26 * 1024 * 1024
ONE_YEAR = 365 * 24 * 3600


class PhotoUploadForm(CreatingForm):
    photos = MultipleFileField(
        lazy_gettext("Photos à ajouter"),
        description=lazy_gettext("JPEG, PNG ou WebP, 4\u00a0Mo au plus chacune. La première photo illustre la "
                                 "ressource dans le catalogue."),
        render_kw={"accept": "image/jpeg,image/png,image/webp"},
    )


def photo_store() -> photos.PhotoStore:
    """The app's photo store: ``<instance>/uploads``."""
    return photos.store_in(current_app.instance_path)


@blueprint.get("/medias/<name>")
def media(name: str):
    """A stored photo file: WebP whatever the URL says, never sniffed, cached for good (names never change)."""
    if not photos.is_photo_name(name):
        abort(404)
    response = send_from_directory(photo_store().root, name, mimetype="image/webp", max_age=ONE_YEAR)
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Content-Disposition"] = "inline"
    response.cache_control.immutable = True
    return response


def _resource_or_404(resource_id: int) -> Resource:
    resource = db.session.get(Resource, resource_id)
    if resource is None:
        raise NotFound(_("Cette ressource n'existe pas ou plus."))
    return resource


def _require_manager(resource: Resource) -> None:
    if not can_manage(current_user, db.session.get(Fabrique, resource.fabrique_id)):
        abort(403)
    g.private_page = True


def _uploaded(form: PhotoUploadForm) -> tuple[list[bytes], list[str]]:
    """The chosen files' bytes (each read up to one byte past the limit, enough to refuse it) and names."""
    files = form.photos.data or []
    return [file.stream.read(photos.MAX_FILE_BYTES + 1) for file in files], [file.filename or "" for file in files]


def _render_page(resource: Resource, form: PhotoUploadForm, status: int | None = None):
    return render_form("resources/photos.html", form, status, resource=resource, photos=photos.photos_of(resource),
                       max_photos=photos.MAX_PHOTOS)


@blueprint.route("/ressources/<id:resource_id>/photos", methods=["GET", "POST"])
@accepts_body_up_to(MAX_REQUEST_BYTES)  # raised by forum.core.hostile before anything reads the body
@csrf.exempt  # checked below, after login_required: an anonymous visitor is sent to log in
@login_required
def manage(resource_id: int):
    if request.method == "POST":
        csrf.protect()
    resource = _resource_or_404(resource_id)
    _require_manager(resource)
    form = PhotoUploadForm()
    scope = f"photos:{resource.id}"
    if not form.is_submitted():
        form.submission.data = submissions.issue(current_user, scope)
    if form.validate_on_submit():
        files, names = _uploaded(form)
        try:
            claim = submissions.claim(current_user, scope, form.submission.data)
            if claim.is_repeat:
                return repeated_submission(_("Ces photos étaient déjà ajoutées."),
                                           url_for("resource_photos.manage", resource_id=resource.id))
            added = photos.add_photos(current_user, resource, files, photo_store(), filenames=names)
            claim.record(added[0].id)
            db.session.commit()
        except DomainError as error:
            return _render_page(resource, form, attach_error(form, error))
        flash(ngettext("La photo a été ajoutée.", "%(num)d photos ont été ajoutées.", len(added)), "success")
        return redirect(url_for("resource_photos.manage", resource_id=resource.id))
    return _render_page(resource, form)


@blueprint.post("/ressources/<id:resource_id>/photos/<id:photo_id>/supprimer")
@login_required
def delete(resource_id: int, photo_id: int):
    require_button_form()
    resource = _resource_or_404(resource_id)
    _require_manager(resource)
    photo = photos.get_photo(resource, photo_id)
    ask = confirmation_needed(_("Supprimer cette photo\u00a0?"),
                              _("Elle sera retirée de « %(resource)s »\u00a0; cela ne peut pas être annulé.",
                                resource=resource.name), _("Supprimer la photo"),
                              url_for("resource_photos.manage", resource_id=resource.id))
    if ask:
        return ask
    photos.delete_photo(current_user, photo, photo_store())
    db.session.commit()
    flash(_("La photo a été supprimée."), "success")
    return redirect(url_for("resource_photos.manage", resource_id=resource.id))


@blueprint.post("/ressources/<id:resource_id>/photos/<id:photo_id>/avancer", defaults={"offset": -1})
@blueprint.post("/ressources/<id:resource_id>/photos/<id:photo_id>/reculer", defaults={"offset": 1})
@login_required
def move(resource_id: int, photo_id: int, offset: int):
    """One place earlier (``offset=-1``) or later (``offset=1``)."""
    require_button_form()
    resource = _resource_or_404(resource_id)
    _require_manager(resource)
    photos.move_photo(current_user, photos.get_photo(resource, photo_id), offset)
    db.session.commit()
    return redirect(url_for("resource_photos.manage", resource_id=resource.id))
