"""Photos of resources: checked by content, re-encoded without metadata, stored and served safely.

Through the real paths: the Flask test client with CSRF on, the real database,
files under the test's instance/uploads.
"""

from __future__ import annotations

import html
import os
import struct
import threading
import time
import warnings
import zlib
from functools import cache
from io import BytesIO
from pathlib import Path
from types import SimpleNamespace

import pytest
from PIL import Image, ImageCms, ImageFile
from sqlalchemy import func, select
from werkzeug.datastructures import FileStorage, MultiDict
from werkzeug.test import encode_multipart

from forum.accounts.models import User
from forum.core.database import write_intent
from forum.core.errors import Forbidden, Invalid
from forum.extensions import db
from forum.resources import photos
from forum.resources.models import Photo, Resource, ResourceKind
from tests.conftest import (
    TEST_DATABASE_URL,
    csrf_token,
    form_fields,
    login,
    make_fabrique,
    make_member,
    make_user,
)

MB = 1024 * 1024


# -- Images made in memory -------------------------------------------------------------------


def image_bytes(fmt: str, size=(120, 80), mode: str = "RGB", color=(200, 40, 40), **options) -> bytes:
    out = BytesIO()
    Image.new(mode, size, color).save(out, fmt, **options)
    return out.getvalue()


def jpeg(size=(120, 80), **options) -> bytes:
    return image_bytes("JPEG", size, **options)


def png(size=(120, 80), **options) -> bytes:
    return image_bytes("PNG", size, **options)


def padded(data: bytes, total: int) -> bytes:
    """A valid image followed by junk up to ``total`` bytes (decoders stop at the image's end)."""
    return data + b"\0" * (total - len(data))


def jpeg_with_metadata() -> bytes:
    """Left half red, right half blue, stored sideways (EXIF orientation 6), with a GPS position,
    a description, a comment, XMP and an ICC profile."""
    image = Image.new("RGB", (120, 80), (220, 20, 20))
    image.paste((20, 20, 220), (60, 0, 120, 80))
    exif = Image.Exif()
    exif[0x0112] = 6  # rotate 90° clockwise to display
    exif[0x010E] = "SECRET-DESCRIPTION"
    gps = exif.get_ifd(0x8825)
    gps.update({1: "N", 2: (48.0, 51.0, 24.0), 3: "E", 4: (2.0, 21.0, 3.0)})
    out = BytesIO()
    image.save(out, "JPEG", quality=95, exif=exif.tobytes(), comment=b"SECRET-COMMENT",
               xmp=b"<x:xmpmeta>SECRET-XMP</x:xmpmeta>",
               icc_profile=ImageCms.ImageCmsProfile(ImageCms.createProfile("sRGB")).tobytes())
    return out.getvalue()


def png_header_only(width: int, height: int) -> bytes:
    """A PNG whose header announces width × height, with almost no pixel data behind it."""

    def chunk(kind: bytes, body: bytes) -> bytes:
        return struct.pack(">I", len(body)) + kind + body + struct.pack(">I", zlib.crc32(kind + body))

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(b"\0" * 64)) \
        + chunk(b"IEND", b"")


@cache
def png_over_40_megapixels() -> bytes:
    """8000 × 5001 pixels of one colour: a few kilobytes, 40,008,000 pixels."""
    return png((8000, 5001), mode="1", color=1, optimize=True)


def webp_chunks(data: bytes) -> list[bytes]:
    assert data[:4] == b"RIFF" and data[8:12] == b"WEBP"
    chunks, position = [], 12
    while position + 8 <= len(data):
        size = int.from_bytes(data[position + 4:position + 8], "little")
        chunks.append(data[position:position + 4])
        position += 8 + size + (size & 1)
    return chunks


FAKES = {
    "svg": ("photo.jpg", "image/jpeg",
            b'<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"><rect/></svg>'),
    "html": ("photo.png", "image/png", b"<!doctype html><html><script>alert(document.cookie)</script></html>"),
    "gif": ("photo.jpg", "image/jpeg", image_bytes("GIF", mode="P", color=3)),
    "text": ("photo.webp", "image/webp", b"Ceci n'est pas une photo."),
    "truncated jpeg": ("photo.jpg", "image/jpeg", jpeg((400, 300), quality=95)[:900]),
    "fake webp": ("photo.webp", "image/webp", b"RIFF\x40\0\0\0WEBPVP8 \x34\0\0\0" + b"\x9d" * 60),
    "empty": ("photo.jpg", "image/jpeg", b""),
}
FAKE_MESSAGES = {
    "svg": str(photos.NOT_AN_IMAGE), "html": str(photos.NOT_AN_IMAGE), "gif": str(photos.NOT_AN_IMAGE),
    "text": str(photos.NOT_AN_IMAGE), "truncated jpeg": str(photos.DAMAGED), "fake webp": str(photos.NOT_AN_IMAGE),
    "empty": str(photos.EMPTY),
}


# -- Fixtures and helpers --------------------------------------------------------------------


def make_resource(fabrique, name: str = "Perceuse à colonne") -> Resource:
    with write_intent():
        resource = Resource(fabrique_id=fabrique.id, kind=ResourceKind.EQUIPMENT, name=name, category="outillage")
        db.session.add(resource)
        db.session.commit()
    return resource


@pytest.fixture
def world(app, client):
    """A fabrique with a resource; its manager is logged in on ``client``."""
    manager = make_user("gerante@exemple.fr", "Gérante Dupont")
    fabrique = make_fabrique(manager)
    resource = make_resource(fabrique)
    login(client, manager.email)
    return SimpleNamespace(manager=manager, fabrique=fabrique, resource=resource,
                           url=f"/ressources/{resource.id}/photos", uploads=Path(app.instance_path) / "uploads")


def multipart(files, fields: dict) -> dict:
    """Keyword arguments of a multipart POST, encoded in memory (Werkzeug's test client would spool
    a large body to a temporary file that it never closes)."""
    values = MultiDict([("photos", FileStorage(BytesIO(content), filename=name, content_type=content_type))
                        for name, content_type, content in files])
    for key, value in fields.items():
        values.add(key, value)
    boundary, body = encode_multipart(values)
    return {"data": body, "content_type": f"multipart/form-data; boundary={boundary}"}


def upload(client, url: str, *files: tuple[str, str, bytes], **fields):
    """POST ``files`` (name, content type, bytes) to the photos page, with its CSRF and submission tokens."""
    return client.post(url, **multipart(files, {**form_fields(client, url), **fields}))


def photo_rows() -> list[Photo]:
    return list(db.session.execute(select(Photo).order_by(Photo.position)).scalars())


def stored_files(world) -> list[str]:
    return sorted(path.name for path in world.uploads.iterdir()) if world.uploads.exists() else []


def text_of(response) -> str:
    return html.unescape(response.get_data(as_text=True))


# -- Processing ------------------------------------------------------------------------------


def test_metadata_is_stripped_and_orientation_applied():
    result = photos.process_upload(jpeg_with_metadata())
    for data in (result.full, result.thumbnail):
        assert set(webp_chunks(data)) <= {b"VP8 ", b"VP8L", b"VP8X", b"ALPH"}
        assert b"SECRET" not in data
        with Image.open(BytesIO(data)) as image:
            assert image.format == "WEBP"
            assert not image.getexif()
            assert not {"exif", "icc_profile", "xmp", "comment"} & set(image.info)
    assert (result.width, result.height) == (80, 120)  # turned upright
    with Image.open(BytesIO(result.full)) as image:
        red, _, blue = image.convert("RGB").getpixel((40, 20))
        assert red > 150 and blue < 100  # the left (red) half is now on top
        red, _, blue = image.convert("RGB").getpixel((40, 100))
        assert blue > 150 and red < 100


def test_sizes_full_image_at_most_1600_and_thumbnail_400_by_300():
    result = photos.process_upload(jpeg((3200, 1000)))
    assert (result.width, result.height) == (1600, 500)
    with Image.open(BytesIO(result.thumbnail)) as thumbnail:
        assert thumbnail.size == (400, 300)
    small = photos.process_upload(png((90, 60)))
    assert (small.width, small.height) == (90, 60)  # never enlarged


def test_png_transparency_is_kept():
    result = photos.process_upload(png(mode="RGBA", color=(0, 128, 0, 0)))
    with Image.open(BytesIO(result.full)) as image:
        assert image.mode == "RGBA"
        assert image.getpixel((10, 10))[3] == 0


@pytest.mark.parametrize("data", [
    image_bytes("WEBP"),
    image_bytes("JPEG", mode="CMYK", color=(0, 255, 255, 0)),
    image_bytes("PNG", mode="P", color=5),
    image_bytes("PNG", mode="LA", color=(100, 200)),
    image_bytes("PNG", mode="I;16", color=40000),
    image_bytes("MPO", save_all=True, append_images=[Image.new("RGB", (120, 80))]),  # a camera's JPEG
], ids=["webp", "cmyk-jpeg", "palette-png", "grey-alpha-png", "16-bit-png", "mpo-jpeg"])
def test_other_accepted_inputs(data):
    result = photos.process_upload(data)
    with Image.open(BytesIO(result.full)) as image:
        assert image.format == "WEBP" and image.size == (120, 80)
        assert image.convert("RGB").getpixel((5, 5)) != (255, 255, 255)


@pytest.mark.parametrize("kind", FAKES)
def test_fakes_are_refused(kind):
    with pytest.raises(Invalid) as refused:
        photos.process_upload(FAKES[kind][2])
    assert refused.value.message == FAKE_MESSAGES[kind]


def test_more_than_4_mb_is_refused_before_reading():
    with pytest.raises(Invalid, match="4\u00a0Mo"):
        photos.process_upload(padded(jpeg(), 4 * MB + 1))
    assert photos.process_upload(padded(jpeg(), 4 * MB)).width == 120


def test_more_than_40_megapixels_is_refused_before_decoding(monkeypatch):
    def no_decoding(self):
        raise AssertionError("pixels decoded")

    monkeypatch.setattr(ImageFile.ImageFile, "load", no_decoding)
    with pytest.raises(Invalid, match="40\u00a0mégapixels"):
        photos.process_upload(png_over_40_megapixels())


@pytest.mark.timing
def test_more_than_40_megapixels_is_refused_at_once():
    started = time.process_time()  # CPU time: the refusal's cost, whatever else runs
    with pytest.raises(Invalid, match="40\u00a0mégapixels"):
        photos.process_upload(png_over_40_megapixels())
    assert time.process_time() - started < 0.5


def test_pixel_limit_boundary(monkeypatch):
    monkeypatch.setattr(photos, "MAX_PIXELS", 100 * 75)
    assert photos.process_upload(png((100, 75))).width == 100
    with pytest.raises(Invalid):
        photos.process_upload(png((100, 76)))


@pytest.mark.parametrize("size", [(10_000, 10_000), (20_000, 20_000), (1, 2**31 - 1)])
def test_decompression_bombs_are_refused(size):
    # 100 Mpx: Pillow's DecompressionBombWarning (an error under pytest); 400 Mpx: its DecompressionBombError.
    with pytest.raises(Invalid, match="40\u00a0mégapixels"):
        photos.process_upload(png_header_only(*size))


def test_decompression_bomb_warning_shown_as_a_warning_still_refused():
    with warnings.catch_warnings():
        warnings.simplefilter("default")
        with pytest.warns(Image.DecompressionBombWarning), pytest.raises(Invalid, match="mégapixels"):
            photos.process_upload(png_header_only(10_000, 10_000))


# -- Store -----------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["../secret_key", "x.svg", "A" * 32 + ".webp", "a" * 32 + ".webp\n",
                                  "a" * 31 + ".webp", "a" * 32 + ".webp/..", "", "a" * 32 + ".WEBP"])
def test_store_refuses_names_it_did_not_make(tmp_path, name):
    store = photos.PhotoStore(tmp_path)
    assert not photos.is_photo_name(name)
    with pytest.raises(ValueError):
        store.path(name)
    with pytest.raises(ValueError):
        store.delete(name)


def test_store_save_and_delete(tmp_path):
    store = photos.PhotoStore(tmp_path / "uploads")
    name = store.save(b"data")
    assert photos.is_photo_name(name) and store.path(name).read_bytes() == b"data"
    assert store.save(b"data") != name
    store.delete(name)
    store.delete(name)  # already gone: no error
    assert not store.exists(name)


# -- Upload page -----------------------------------------------------------------------------


def test_page_shows_the_form(world, client):
    response = client.get(world.url)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert 'enctype="multipart/form-data"' in page
    assert 'type="file"' in page and 'name="photos"' in page and "multiple" in page
    assert 'accept="image/jpeg,image/png,image/webp"' in page
    assert f'href="/ressources/{world.resource.id}"' in page
    assert response.headers["Cache-Control"] == "no-store"


def test_upload_stores_reencoded_photos(world, client):
    response = upload(client, world.url, ("vacances.jpg", "image/jpeg", jpeg_with_metadata()),
                      ("logo.png", "image/png", png(mode="RGBA", color=(0, 0, 0, 0))))
    assert response.status_code == 302 and response.headers["Location"] == world.url
    rows = photo_rows()
    assert [(row.resource_id, row.position, row.width, row.height) for row in rows] == [
        (world.resource.id, 0, 80, 120), (world.resource.id, 1, 120, 80)]
    assert stored_files(world) == sorted(name for row in rows for name in (row.filename, row.thumbnail))
    for name in stored_files(world):
        data = (world.uploads / name).read_bytes()
        assert b"SECRET" not in data and webp_chunks(data)
    page = text_of(client.get(world.url))
    assert "2 photos ont été ajoutées." in page
    assert f'src="/medias/{rows[0].thumbnail}"' in page


def test_uploads_above_the_app_wide_1_mb_limit_are_accepted_here(world, client):
    response = upload(client, world.url, ("a.jpg", "image/jpeg", padded(jpeg(), 3 * MB)),
                      ("b.jpg", "image/jpeg", padded(jpeg(), 3 * MB)))
    assert response.status_code == 302
    assert len(photo_rows()) == 2


def test_six_photos_of_4_mb_fit_in_one_request(world, client):
    files = [(f"{number}.jpg", "image/jpeg", padded(jpeg(), 4 * MB)) for number in range(6)]
    assert upload(client, world.url, *files).status_code == 302
    assert len(photo_rows()) == 6 and len(stored_files(world)) == 12


def test_the_limit_stays_1_mb_elsewhere(world, client):
    assert upload(client, world.url, ("a.jpg", "image/jpeg", jpeg())).status_code == 302
    photo = photo_rows()[0]
    response = client.post(f"{world.url}/{photo.id}/supprimer",
                           data={"csrf_token": csrf_token(client, world.url), "junk": "x" * (2 * MB)})
    assert response.status_code == 413
    assert len(photo_rows()) == 1


@pytest.mark.parametrize("kind", FAKES)
def test_fake_images_get_a_french_400_and_nothing_is_stored(world, client, kind):
    response = upload(client, world.url, FAKES[kind])
    assert response.status_code == 400
    assert FAKE_MESSAGES[kind] in text_of(response)
    assert photo_rows() == [] and stored_files(world) == []


def test_one_bad_file_among_good_ones_stores_nothing_and_names_it(world, client):
    response = upload(client, world.url, ("bon.jpg", "image/jpeg", jpeg()), ("piège.png", *FAKES["html"][1:]),
                      ("autre.png", "image/png", png()))
    assert response.status_code == 400
    assert f"«\u00a0piège.png\u00a0»\u00a0: {photos.NOT_AN_IMAGE}" in text_of(response)
    assert photo_rows() == [] and stored_files(world) == []


def test_file_over_4_mb_gets_400(world, client):
    response = upload(client, world.url, ("lourde.jpg", "image/jpeg", padded(jpeg(), 4 * MB + 1)))
    assert response.status_code == 400
    assert str(photos.TOO_HEAVY) in text_of(response)
    assert photo_rows() == [] and stored_files(world) == []


def test_over_40_megapixels_gets_400(world, client):
    response = upload(client, world.url, ("immense.png", "image/png", png_over_40_megapixels()))
    assert response.status_code == 400
    assert str(photos.TOO_MANY_PIXELS) in text_of(response)
    assert photo_rows() == [] and stored_files(world) == []


def test_a_50_mb_request_gets_413_and_nothing_is_stored(world, client):
    response = upload(client, world.url, ("enorme.jpg", "image/jpeg", padded(jpeg(), 50 * MB)))
    assert response.status_code == 413
    assert "L'envoi est trop volumineux." in text_of(response)
    assert photo_rows() == [] and stored_files(world) == []


@pytest.mark.parametrize("files", [(), [("", "application/octet-stream", b"")]], ids=["no part", "empty input"])
def test_no_file_chosen_gets_400(world, client, files):
    response = upload(client, world.url, *files)
    assert response.status_code == 400
    assert str(photos.NO_FILE) in text_of(response)


def test_at_most_six_photos(world, client):
    six = [(f"{number}.png", "image/png", png(color=(number * 40, 0, 0))) for number in range(6)]
    assert upload(client, world.url, *six[:4]).status_code == 302
    response = upload(client, world.url, *six[:3])
    assert response.status_code == 400
    assert "6 photos au plus par ressource\u00a0: vous pouvez encore en ajouter 2." in text_of(response)
    assert upload(client, world.url, *six[:2]).status_code == 302
    response = upload(client, world.url, ("septieme.png", "image/png", png()))
    assert response.status_code == 400
    assert "cette ressource en a déjà 6" in text_of(response)
    assert len(photo_rows()) == 6 and len(stored_files(world)) == 12
    assert "le maximum" in text_of(client.get(world.url))  # no form any more


def test_seven_at_once_are_refused(world, client):
    response = upload(client, world.url, *[(f"{n}.png", "image/png", png()) for n in range(7)])
    assert response.status_code == 400
    assert photo_rows() == [] and stored_files(world) == []


def test_extra_form_fields_are_ignored(world, client):
    other = make_resource(world.fabrique, "Scie sauteuse")
    response = upload(client, world.url, ("a.png", "image/png", png()), resource_id=str(other.id),
                      filename="../../secret_key", thumbnail="x.svg", position="-3", width="99999",
                      fabrique_id="999")
    assert response.status_code == 302
    [row] = photo_rows()
    assert (row.resource_id, row.position, row.width) == (world.resource.id, 0, 120)
    assert photos.is_photo_name(row.filename) and photos.is_photo_name(row.thumbnail)


def test_every_photo_action_requires_the_csrf_token(world, client):
    # The upload page skips CSRFProtect's early check (it would read the body under the 1 Mo limit)
    # and runs the same check itself.
    assert upload(client, world.url, ("a.png", "image/png", png())).status_code == 302
    [photo] = photo_rows()
    for url in (world.url, f"{world.url}/{photo.id}/supprimer", f"{world.url}/{photo.id}/reculer"):
        response = client.post(url, **multipart([("b.png", "image/png", png())], {}))
        assert response.status_code == 400
        assert "Le formulaire a expiré" in text_of(response)
    response = client.post(world.url, headers={"Referer": "https://ailleurs.example/"},
                           **multipart([("b.png", "image/png", png())], {"csrf_token": csrf_token(client, world.url)}))
    assert response.status_code == 400
    assert [row.id for row in photo_rows()] == [photo.id] and len(stored_files(world)) == 2


@pytest.mark.parametrize("who", ["other manager", "plain member"])
def test_only_managers_of_the_fabrique(app, client, world, who):
    if who == "other manager":
        intruder = make_user("autre@exemple.fr", "Autre Responsable")
        make_fabrique(intruder, "Le Tiers-Lieu d'à côté")
    else:
        intruder = make_member(world.fabrique, "membre@exemple.fr", "Simple Membre")
    assert upload(client, world.url, ("a.png", "image/png", png())).status_code == 302
    [photo] = photo_rows()
    files = stored_files(world)
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, world.url)})
    login(client, intruder.email)
    assert client.get(world.url).status_code == 403
    token = csrf_token(client, "/")
    response = client.post(world.url, **multipart([("b.png", "image/png", png())], {"csrf_token": token}))
    assert response.status_code == 403
    assert client.post(f"{world.url}/{photo.id}/supprimer", data={"csrf_token": token}).status_code == 403
    assert client.post(f"{world.url}/{photo.id}/reculer", data={"csrf_token": token}).status_code == 403
    assert [row.id for row in photo_rows()] == [photo.id] and stored_files(world) == files


def test_anonymous_visitors_are_sent_to_login(world, app):
    anonymous = app.test_client()
    response = anonymous.get(world.url)
    assert response.status_code == 302 and "/connexion" in response.headers["Location"]
    response = anonymous.post(world.url, **multipart([("a.png", "image/png", png())], {}))
    assert response.status_code == 302
    assert photo_rows() == []


def test_unknown_resource_gets_404(world, client):
    assert client.get("/ressources/999999/photos").status_code == 404


def test_admin_may_manage_any_resource(world, client):
    make_user("admin@exemple.fr", "Admin Istratrice", role="admin")
    client.post("/deconnexion", data={"csrf_token": csrf_token(client, world.url)})
    login(client, "admin@exemple.fr")
    assert upload(client, world.url, ("a.png", "image/png", png())).status_code == 302
    assert len(photo_rows()) == 1


# -- Serving ---------------------------------------------------------------------------------


def test_files_are_served_as_webp_with_nosniff(world, client, app):
    upload(client, world.url, ("a.jpg", "image/jpeg", jpeg()))
    [row] = photo_rows()
    for name in (row.filename, row.thumbnail):
        with app.test_client().get(f"/medias/{name}") as response:
            body = response.get_data()
        assert response.status_code == 200
        assert response.headers["Content-Type"] == "image/webp"
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert response.headers["Content-Disposition"] == "inline"
        cache_control = {part.strip() for part in response.headers["Cache-Control"].split(",")}
        assert cache_control == {"public", "max-age=31536000", "immutable"}
        assert "Set-Cookie" not in response.headers
        assert body == (world.uploads / name).read_bytes()


def test_serving_a_photo_costs_no_sql(world, client, app, count_queries):
    upload(client, world.url, ("a.png", "image/png", png()))
    [row] = photo_rows()
    visitor = app.test_client()
    with count_queries() as counter, visitor.get(f"/medias/{row.thumbnail}") as response:
        assert response.status_code == 200
    assert counter.count == 0


@pytest.mark.parametrize("path", [
    "/medias/..%2Fsecret_key", "/medias/../secret_key", "/medias/x.svg", "/medias/secret_key",
    "/medias/" + "A" * 32 + ".webp", "/medias/" + "a" * 32 + ".webp%0A", "/medias/" + "a" * 32 + ".webp",
    "/medias/%2E%2E", "/medias/",
])
def test_bad_or_unknown_names_get_404(world, client, path):
    (Path(world.uploads.parent) / "secret_key").write_text("do not serve")
    with client.get(path) as response:
        assert response.status_code == 404
        assert b"do not serve" not in response.get_data()


# -- Deleting and ordering -------------------------------------------------------------------


def test_delete_removes_row_and_files(world, client):
    upload(client, world.url, ("a.png", "image/png", png()), ("b.png", "image/png", png(color=(0, 0, 200))))
    first, second = photo_rows()
    token = csrf_token(client, world.url)
    # Without confirmation, the page asks first and nothing is deleted.
    asked = client.post(f"{world.url}/{first.id}/supprimer", data={"csrf_token": token})
    assert asked.status_code == 200 and len(photo_rows()) == 2
    response = client.post(f"{world.url}/{first.id}/supprimer", data={"csrf_token": token, "confirmed": "1"})
    assert response.status_code == 302
    assert [row.id for row in photo_rows()] == [second.id]
    assert stored_files(world) == sorted([second.filename, second.thumbnail])
    assert "La photo a été supprimée." in text_of(client.get(world.url))


def test_delete_of_another_resources_photo_is_404(world, client):
    other = make_resource(world.fabrique, "Scie sauteuse")
    upload(client, f"/ressources/{other.id}/photos", ("a.png", "image/png", png()))
    [photo] = photo_rows()
    response = client.post(f"{world.url}/{photo.id}/supprimer", data={"csrf_token": csrf_token(client, world.url)})
    assert response.status_code == 404
    assert len(photo_rows()) == 1


def test_move_changes_the_cover(world, client):
    upload(client, world.url, *[(f"{n}.png", "image/png", png()) for n in range(3)])
    first, second, third = photo_rows()
    token = csrf_token(client, world.url)
    assert client.post(f"{world.url}/{third.id}/avancer", data={"csrf_token": token}).status_code == 302
    assert [row.id for row in photo_rows()] == [first.id, third.id, second.id]
    client.post(f"{world.url}/{first.id}/reculer", data={"csrf_token": token})
    client.post(f"{world.url}/{first.id}/reculer", data={"csrf_token": token})
    client.post(f"{world.url}/{first.id}/reculer", data={"csrf_token": token})  # already last: stays
    assert [row.id for row in photo_rows()] == [third.id, second.id, first.id]


# -- Files follow the transaction ------------------------------------------------------------


def _store(app) -> photos.PhotoStore:
    return photos.store_in(app.instance_path)


def test_files_written_are_removed_when_the_transaction_rolls_back(world, app):
    store = _store(app)
    with write_intent():
        added = photos.add_photos(world.manager, world.resource, [png(), jpeg()], store)
        names = [name for photo in added for name in (photo.filename, photo.thumbnail)]
        assert all(store.exists(name) for name in names)
        db.session.rollback()
    assert not any(store.exists(name) for name in names)
    assert list(store.names()) == [] and photo_rows() == []


def test_files_written_are_removed_when_the_session_closes_without_commit(world, app):
    store = _store(app)
    with write_intent():
        photos.add_photos(world.manager, world.resource, [png()], store)
        db.session.close()
    assert list(store.names()) == []


def test_files_written_are_kept_when_the_transaction_commits(world, app):
    store = _store(app)
    with write_intent():
        [photo] = photos.add_photos(world.manager, world.resource, [png()], store)
        db.session.commit()
        db.session.rollback()  # a later transaction's end does not touch them
    assert sorted(store.names()) == sorted([photo.filename, photo.thumbnail])


def test_a_released_savepoint_does_not_keep_files_of_a_rolled_back_transaction(world, app):
    store = _store(app)
    with write_intent():
        with db.session.begin_nested():
            photos.add_photos(world.manager, world.resource, [png()], store)
        assert len(list(store.names())) == 2
        db.session.rollback()
    assert list(store.names()) == []


def test_deleted_photo_files_stay_until_the_deletion_commits(world, app):
    store = _store(app)
    with write_intent():
        [photo] = photos.add_photos(world.manager, world.resource, [png()], store)
        db.session.commit()
        names = [photo.filename, photo.thumbnail]
        photos.delete_photo(world.manager, db.session.get(Photo, photo.id), store)
        assert all(store.exists(name) for name in names)
        db.session.rollback()
        assert all(store.exists(name) for name in names) and len(photo_rows()) == 1
        photos.delete_photo(world.manager, db.session.get(Photo, photo.id), store)
        db.session.commit()
    assert not any(store.exists(name) for name in names) and photo_rows() == []


def test_delete_files_after_commit_for_a_deleted_resource(world, app):
    store = _store(app)
    with write_intent():
        [photo] = photos.add_photos(world.manager, world.resource, [png()], store)
        db.session.commit()
        names = [photo.filename, photo.thumbnail]
        db.session.delete(db.session.get(Resource, world.resource.id))
        photos.delete_files_after_commit(db.session, names)  # default store: the app's
        assert all(store.exists(name) for name in names)
        db.session.commit()
    assert list(store.names()) == []
    assert db.session.scalar(select(func.count(Photo.id))) == 0


def test_services_check_the_actor(world, app):
    intruder = make_user("autre@exemple.fr", "Autre Responsable")
    make_fabrique(intruder, "Le Tiers-Lieu d'à côté")
    with write_intent(), pytest.raises(Forbidden):
        photos.add_photos(intruder, world.resource, [png()], _store(app))
    db.session.rollback()
    assert list(_store(app).names()) == []


@pytest.mark.skipif(not TEST_DATABASE_URL, reason="SQLite lets one writer in from BEGIN: no race to test")
def test_two_uploads_at_once_cannot_pass_the_limit(world, app, monkeypatch):
    # Both pass the early check (0 + 4 <= 6), process their files, then meet here: the row
    # lock makes the second one count again after the first has committed.
    barrier = threading.Barrier(2, timeout=30)
    processed_all = photos._processed_all

    def processed_then_wait(files, filenames):
        result = processed_all(files, filenames)
        barrier.wait()
        return result

    monkeypatch.setattr(photos, "_processed_all", processed_then_wait)
    outcomes = []

    def add_four():
        with app.app_context(), write_intent():
            actor, resource = db.session.get(User, world.manager.id), db.session.get(Resource, world.resource.id)
            try:
                photos.add_photos(actor, resource, [png()] * 4, _store(app))
                db.session.commit()
                outcomes.append("added")
            except Invalid:
                db.session.rollback()
                outcomes.append("refused")

    threads = [threading.Thread(target=add_four) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    db.session.rollback()
    assert sorted(outcomes) == ["added", "refused"]
    assert len(photo_rows()) == 4 and len(list(_store(app).names())) == 8


def test_photo_from_bytes_for_the_demo_seed(world, app):
    store = _store(app)
    with write_intent():
        photo = photos.photo_from_bytes(world.resource, jpeg((2000, 1500)), store, position=0)
        db.session.add(photo)
        db.session.commit()
    [row] = photo_rows()
    assert (row.width, row.height) == (1600, 1200) and store.exists(row.thumbnail)


def test_prune_orphan_files(world, app):
    store = _store(app)
    with write_intent():
        [photo] = photos.add_photos(world.manager, world.resource, [png()], store)
        db.session.commit()
    old_orphan, new_orphan = store.save(b"old"), store.save(b"new")
    an_hour_ago = time.time() - 3700
    os.utime(store.path(old_orphan), (an_hour_ago, an_hour_ago))
    os.utime(store.path(photo.filename), (an_hour_ago, an_hour_ago))
    assert photos.prune_orphan_files(store) == [old_orphan]
    assert sorted(store.names()) == sorted([photo.filename, photo.thumbnail, new_orphan])


# -- The partial the resource page includes --------------------------------------------------


def test_gallery_partial(world, client, app):
    upload(client, world.url, *[(f"{n}.png", "image/png", png()) for n in range(3)])
    rows = photo_rows()
    with app.test_request_context():
        from flask import render_template_string

        page = render_template_string('{% include "resources/_photos.html" %}', photos=rows, resource=world.resource)
        card = render_template_string('{% from "resources/_photos.html" import thumbnail %}{{ thumbnail(p, "") }}',
                                      p=rows[0])
    assert f'src="/medias/{rows[0].filename}" width="120" height="80" alt="Perceuse à colonne"' in page
    assert page.count('loading="lazy"') == 2 and f'src="/medias/{rows[2].thumbnail}"' in page
    assert card.strip().startswith(f'<img class="photo-thumbnail" src="/medias/{rows[0].thumbnail}" width="400" '
                                   f'height="300" alt=""')
