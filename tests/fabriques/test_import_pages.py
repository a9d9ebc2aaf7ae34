"""The administrators' import page through the test client (CSRF on): upload, preview (nothing
written), confirmation, errors (400), a file over the limit (413 with a French page), access."""

from __future__ import annotations

import html
import io
import re

from sqlalchemy import func, select

from forum.extensions import db
from forum.fabriques.models import Fabrique, FabriqueImport
from tests.conftest import csrf_token, login, make_user, running_app
from tests.fabriques.standard_builders import build_places
from tests.fabriques.test_standard_import import HEADER, line

PAGE = "/administration/import-lieux"


def upload(client, text: str | bytes, name: str = "lieux.csv"):
    data = text.encode("utf-8") if isinstance(text, str) else text
    return client.post(PAGE, data={"csrf_token": csrf_token(client, PAGE), "file": (io.BytesIO(data), name)},
                       content_type="multipart/form-data")


def admin_client(app):
    make_user("admin@exemple.fr", "Admin Équipe", role="admin")
    client = app.test_client()
    login(client, "admin@exemple.fr")
    return client


def count() -> int:
    return db.session.execute(select(func.count()).select_from(Fabrique)).scalar_one()


def test_only_administrators_import(app, client):
    assert client.get(PAGE).status_code == 302  # to the login page
    make_user("membre@exemple.fr", "Membre Simple")
    login(client, "membre@exemple.fr")
    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, data={"csrf_token": csrf_token(client, "/profil")}).status_code == 403


def test_upload_preview_then_import(app):
    client = admin_client(app)
    build_places()
    page = client.get(PAGE).get_data(as_text=True)
    assert "Importer des lieux" in page and "20\u00a0Mo au plus" in page
    text = HEADER + "\n" + line() + line(id="cap", pivot="W201000123", nom="Tiers-lieu du Cap", code_postal="20200",
                                         code_insee="2B033", commune="Bastia", horaires="Mo-Sa 10:00-19:00")
    response = upload(client, text)
    assert response.status_code == 302
    digest = response.headers["Location"].rsplit("/", 1)[1]
    assert re.fullmatch(r"[0-9a-f]{64}", digest)
    preview = client.get(response.headers["Location"]).get_data(as_text=True)
    assert "Espace numérique des Tilleuls" in preview and "créée" in preview and "mise à jour" in preview
    assert "horaires" in preview and "Importer ces 2 lieux" in preview
    assert "classés «\u00a0Urbain\u00a0»" in preview
    assert count() == 5  # the preview wrote nothing
    # Without its CSRF token, the confirmation is refused.
    assert client.post(f"{PAGE}/{digest}/importer").status_code == 400
    token = csrf_token(client, f"{PAGE}/{digest}")
    confirmed = client.post(f"{PAGE}/{digest}/importer", data={"csrf_token": token})
    assert confirmed.status_code == 302
    done = html.unescape(client.get(confirmed.headers["Location"]).get_data(as_text=True))
    assert "1 créée(s), 1 mise(s) à jour, 0 inchangée(s), 0 ignorée(s)." in done
    assert count() == 6
    # The same confirmation again (a double click): 409, nothing more.
    again = client.post(f"{PAGE}/{digest}/importer", data={"csrf_token": token})
    assert again.status_code == 409
    assert "Ce fichier vient d'être importé par Admin Équipe" in html.unescape(again.get_data(as_text=True))
    assert count() == 6


def test_a_file_with_errors_shows_them_and_keeps_nothing(app):
    client = admin_client(app)
    response = upload(client, HEADER + "\n" + line(pivot="12345678901234") + line(id="b", nom="B", code_postal="3500"))
    assert response.status_code == 400
    page = html.unescape(response.get_data(as_text=True))
    assert "2 erreurs\u00a0: rien n'est importé" in page
    assert "ligne 2, colonne «\u00a0pivot\u00a0»" in page and "ligne 3, colonne «\u00a0code_postal\u00a0»" in page
    assert "Importer ces" not in page
    assert db.session.execute(select(func.count()).select_from(FabriqueImport)).scalar_one() == 0
    assert upload(client, b"\xff\xfe" + "id,nom".encode("utf-16-le")).status_code == 400


def test_a_file_over_the_limit_gets_a_french_413(tmp_path):
    with running_app(tmp_path, IMPORT_MAX_BYTES=2000) as app:
        client = admin_client(app)
        big = HEADER + "\n" + line(presentation_detail="x" * 100_000)
        response = upload(client, big)
        assert response.status_code == 413
        assert "Ce fichier dépasse la taille maximale d'un import" in html.unescape(response.get_data(as_text=True))
        # Just under the request's limit, but over the file's: refused too.
        response = upload(client, HEADER + "\n" + line(presentation_detail="x" * 3000))
        assert response.status_code == 413
        assert count() == 0


def test_an_unknown_file_is_a_404(app):
    client = admin_client(app)
    assert client.get(f"{PAGE}/{'0' * 64}").status_code == 404
    assert client.get(f"{PAGE}/nimportequoi").status_code == 404


def test_a_200_mb_upload_is_refused_on_its_announced_length_before_it_is_read(app):
    client = admin_client(app)
    token = csrf_token(client, PAGE)
    body = b"--x\r\nContent-Disposition: form-data; name=\"csrf_token\"\r\n\r\n" + token.encode() + b"\r\n--x--\r\n"
    response = client.post(PAGE, data=body, content_type="multipart/form-data; boundary=x",
                           environ_overrides={"CONTENT_LENGTH": str(200 * 1024 * 1024)})
    assert response.status_code == 413
    assert "Ce fichier dépasse la taille maximale d'un import (20\u00a0Mo)" in html.unescape(response.get_data(as_text=True))
