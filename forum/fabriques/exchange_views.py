"""The directory in the national standard of mediation places: public exports, the administrators' import.

- ``/fabriques.csv`` and ``/fabriques.json``: the directory (its filters apply: ``?region=75``);
  fabriques lacking a field the standard requires are left out, counted in ``X-Excluded-Places``.
- ``/administration/import-lieux``: upload a file, see per line what it would do (nothing is
  written), then « Importer ces N lieux ». The file is kept server-side between the two, named by
  its SHA-256, which the confirmation carries; the confirmation reads and checks it again (the
  directory may have changed) and applies it in one transaction.
"""

from __future__ import annotations

from flask import Blueprint, Response, abort, current_app, flash, g, redirect, render_template, request, url_for
from flask_babel import gettext as _
from flask_babel import lazy_gettext
from flask_login import current_user, login_required
from flask_wtf.file import FileField, FileRequired
from werkzeug.exceptions import RequestEntityTooLarge

from forum.core.dates import today_in_france
from forum.core.errors import DomainError
from forum.core.forms import EmptyForm, Form, attach_error, render_form, require_button_form
from forum.core.hostile import accepts_body_up_to
from forum.core.web import error_page
from forum.extensions import db
from forum.fabriques import exporting, import_files, importing, queries
from forum.fabriques.standard_reading import FileTooLarge, read_standard_file, too_large_message

blueprint = Blueprint("exchange", __name__)
# What a multipart form adds around the file (boundaries, the CSRF token, the file's name).
FORM_OVERHEAD = 64 * 1024


class ImportForm(Form):
    file = FileField(lazy_gettext("Fichier CSV au standard des lieux de médiation numérique"),
                     validators=[FileRequired(lazy_gettext("Choisissez le fichier CSV à importer."))],
                     render_kw={"accept": ".csv,text/csv"})


def _producer() -> str:
    return current_app.config["STANDARD_PRODUCER"]


def _max_bytes() -> int:
    return current_app.config["IMPORT_MAX_BYTES"]


def _export(extension: str) -> tuple[exporting.Export, str, queries.DirectoryFilters]:
    filters = queries.DirectoryFilters.from_args(request.args)
    export = exporting.collect(filters, _producer())
    return export, exporting.file_name(today_in_france(), _producer(), filters.region, extension), filters


def _file_response(body: str, mimetype: str, name: str, export: exporting.Export, disposition: str) -> Response:
    response = Response(body.encode("utf-8"), mimetype=mimetype)
    response.headers["Content-Disposition"] = f'{disposition}; filename="{name}"'
    response.headers["X-Excluded-Places"] = str(export.excluded)
    return response


@blueprint.get("/fabriques.csv")
def export_csv():
    export, name, _filters = _export("csv")
    return _file_response(exporting.csv_text(export), "text/csv", name, export, "attachment")


@blueprint.get("/fabriques.json")
def export_json():
    try:
        export, name, _filters = _export("json")
    except DomainError as error:  # a bad filter: said in JSON to a program
        return {"error": error.message}, error.status_code
    return _file_response(exporting.json_text(export, _producer()), "application/json", name, export, "inline")


def _require_admin() -> None:
    if not current_user.is_admin:
        abort(403)
    g.private_page = True


@blueprint.errorhandler(RequestEntityTooLarge)
def _too_large(error):
    return error_page(413, too_large_message(_max_bytes()))


def _preview_page(report: importing.ImportReport, digest: str | None, filename: str, status: int = 200):
    """The preview; ``digest`` None: a file with errors, nothing to confirm."""
    return render_template("fabriques/import_preview.html", report=report, digest=digest, filename=filename,
                           confirm_form=EmptyForm() if digest else None, actions=importing.Action), status


def _upload_page(form: ImportForm, status: int | None = None, report=None):
    return render_form("fabriques/import.html", form, status, report=report, max_bytes=_max_bytes())


@blueprint.route("/administration/import-lieux", methods=["GET", "POST"])
@accepts_body_up_to(lambda: current_app.config["IMPORT_MAX_BYTES"] + FORM_OVERHEAD)
@login_required
def upload():
    """Upload a file: with errors, they are shown (400) and nothing is kept; else its preview."""
    _require_admin()
    form = ImportForm()
    if not form.validate_on_submit():
        return _upload_page(form)
    data = form.file.data.read(_max_bytes() + 1)
    try:
        if len(data) > _max_bytes():
            raise FileTooLarge(too_large_message(_max_bytes()))
        report = importing.plan_import(current_user, read_standard_file(data, _max_bytes()), _producer())
        if not report.ok:
            db.session.rollback()
            return _preview_page(report, None, form.file.data.filename or "", 400)
        digest = import_files.store_upload(current_user, data, form.file.data.filename or "", current_app.instance_path)
        db.session.commit()
    except DomainError as error:
        return _upload_page(form, attach_error(form, error))
    return redirect(url_for("exchange.preview", digest=digest))


@blueprint.get("/administration/import-lieux/<digest>")
@login_required
def preview(digest: str):
    """What the kept file would do now, line by line; nothing is written."""
    _require_admin()
    row, data = import_files.stored_file(digest, current_app.instance_path)
    report = importing.plan_import(current_user, read_standard_file(data, _max_bytes()), _producer())
    return _preview_page(report, digest, row.filename)


@blueprint.post("/administration/import-lieux/<digest>/importer")
@login_required
def confirm(digest: str):
    """Import the kept file: claimed once (a second confirmation is a 409), read and planned again
    with the fabriques locked, applied and committed at once, or nothing."""
    _require_admin()
    require_button_form()
    import_files.claim(current_user, digest)
    row, data = import_files.stored_file(digest, current_app.instance_path)
    report = importing.plan_import(current_user, read_standard_file(data, _max_bytes()), _producer(), lock=True)
    if not report.ok:
        db.session.rollback()
        return _preview_page(report, None, row.filename, 400)
    importing.apply_import(current_user, report, _producer())
    db.session.commit()
    import_files.forget_file(digest, current_app.instance_path)
    flash(_("Import de «\u00a0%(file)s\u00a0» terminé\u00a0: %(summary)s", file=row.filename, summary=report.summary()),
          "success")
    return redirect(url_for("exchange.upload"))
