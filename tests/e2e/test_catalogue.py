"""The shared catalogue in a real Chromium: list an item with a photo, borrow it, accept, see it booked.

The issue's journey: a manager lists an item with a photo; a member of another fabrique
requests it; the owner accepts; the requester sees the accepted state and the notification.
Along the way: a request with its dates the wrong way round is refused in French, a visitor's
cached page shows the booking, the availability filter hides the booked item; then a second,
overlapping request cannot be accepted (409, the days named in French), and the catalogue,
resource, loan and notification pages fit a phone's width.

Only what a person sees is asserted: text on the page, the address bar, loaded images.
"""

from __future__ import annotations

import re
from datetime import timedelta
from io import BytesIO

import pytest
from playwright.sync_api import Locator, Page, expect

from forum.core.dates import day_fr, today_in_france
from tests.e2e.catalogue_fixtures import LENDER_REGION, borrower  # noqa: F401 (the fixture)
from tests.e2e.test_journey import WIDER_THAN_SCREEN, log_in, nav

pytestmark = pytest.mark.e2e

ITEM = "Découpeuse laser 60 W"
ITEM_DESCRIPTION = (
    "Découpeuse et graveuse laser **CO2**, plateau de 60 × 40 cm.\n\n"
    "- bois et contreplaqué jusqu'à 6 mm\n"
    "- acrylique (pas de PVC !)\n"
    "- carton, cuir, tissu"
)
ITEM_CATEGORY = "Fabrication numérique"
REQUEST_MESSAGE = "Pour l'atelier « Fabriquer ses jeux en bois » avec le centre social, le week-end."
SECOND_MESSAGE = "Et si nous la gardions jusqu'au mardi suivant ?"

TODAY = today_in_france()
START, END = TODAY + timedelta(days=5), TODAY + timedelta(days=7)
# Overlaps the first loan on its last two days.
OVERLAP_START, OVERLAP_END = TODAY + timedelta(days=6), TODAY + timedelta(days=9)


def period(start, end) -> str:
    return f"du {day_fr(start)} au {day_fr(end)}"


def equipment_photo() -> bytes:
    """An 800×600 PNG drawn with Pillow: a grey machine with a lid and a control panel."""
    from PIL import Image, ImageDraw

    image = Image.new("RGB", (800, 600), (236, 231, 220))
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 470, 800, 600), fill=(196, 170, 130))  # workbench
    draw.rectangle((110, 170, 690, 470), fill=(58, 70, 86))  # body
    draw.rectangle((140, 195, 560, 300), fill=(170, 196, 214))  # lid window
    draw.rectangle((590, 200, 665, 440), fill=(34, 40, 50))  # control panel
    draw.ellipse((608, 220, 648, 260), fill=(226, 112, 36))  # emergency stop
    for y in range(290, 430, 30):
        draw.rectangle((605, y, 650, y + 14), fill=(120, 200, 120))
    buffer = BytesIO()
    image.save(buffer, format="PNG")
    return buffer.getvalue()


def image_width(image: Locator) -> int:
    """The natural width of an <img>, once it has loaded (a broken image times out here)."""
    image.page.wait_for_function("img => img.complete && img.naturalWidth > 0", arg=image.element_handle())
    return image.evaluate("img => img.naturalWidth")


def state_badge(page: Page) -> Locator:
    return page.locator(".page-head .meta .badge").first


def request_form(page: Page, start, end, message: str) -> None:
    # <input type=date>: Playwright fills it with the ISO date, whatever the locale shows.
    page.get_by_label("Du", exact=True).fill(start.isoformat())
    page.get_by_label("Au (inclus)").fill(end.isoformat())
    page.get_by_label("Message pour la fabrique").fill(message)
    page.get_by_role("button", name="Envoyer la demande").click()


def calendar_day(page: Page, day) -> Locator:
    """The calendar cell of ``day`` on a resource page (its title starts with the French date)."""
    title = day_fr(day)
    return page.locator(f'#disponibilites td.day[title="{title}"], #disponibilites td.day[title^="{title} :"]')


def test_lend_an_item_with_a_photo(page, new_page, live_server, borrower, screenshot):  # noqa: F811
    base = live_server.url

    # -- The owner's manager lists a laser cutter ------------------------------------------
    owner = page
    log_in(owner, live_server.manager_email, live_server.password, live_server.manager_name)
    nav(owner).get_by_role("link", name="Catalogue", exact=True).click()
    expect(owner).to_have_url(f"{base}/ressources")
    expect(owner.get_by_role("heading", name="Catalogue partagé", level=1)).to_be_visible()
    owner.get_by_role("link", name="Proposer une ressource").click()
    expect(owner).to_have_url(f"{base}/ressources/nouvelle")
    owner.get_by_role("link", name="Un équipement").click()
    expect(owner).to_have_url(f"{base}/ressources/nouvelle?type=equipement")
    expect(owner.get_by_role("heading", name="Proposer : équipement", level=1)).to_be_visible()
    expect(owner.locator("main")).to_contain_text(f"Au nom de {live_server.fabrique_name}.")

    owner.get_by_label("Nom", exact=True).fill(ITEM)
    owner.get_by_label("Catégorie").select_option(label=ITEM_CATEGORY)
    owner.get_by_label("Description").fill(ITEM_DESCRIPTION)
    owner.get_by_label("Quantité disponible").fill("1")
    owner.get_by_label("État").select_option(label="Très bon état")
    owner.get_by_label("Caution (€)").fill("300")
    owner.get_by_label("Durée maximale d'un prêt (jours)").fill("14")
    owner.get_by_label("Lieu de retrait").fill("Atelier, 2 rue de la Gare, Guéret")
    owner.get_by_label("Conditions d'utilisation").fill("Une heure de prise en main avant le premier prêt.")
    screenshot(owner, "catalogue-01-proposer-equipement")
    owner.get_by_role("button", name="Ajouter au catalogue").click()

    # ... lands on its photo page, and adds a photo.
    expect(owner).to_have_url(re.compile(rf"^{re.escape(base)}/ressources/\d+/photos$"))
    expect(owner.locator(".flashes")).to_contain_text("La ressource est dans le catalogue. Ajoutez-lui des photos !")
    expect(owner.get_by_role("heading", name=f"Photos de « {ITEM} »", level=1)).to_be_visible()
    expect(owner.get_by_text("Aucune photo pour l'instant.")).to_be_visible()
    owner.get_by_label("Photos à ajouter").set_input_files(
        files=[{"name": "decoupeuse-laser.png", "mimeType": "image/png", "buffer": equipment_photo()}])
    owner.get_by_role("button", name="Envoyer").click()
    expect(owner.locator(".flashes")).to_contain_text("La photo a été ajoutée.")
    thumbnails = owner.locator(".photo-manage img.photo-thumbnail")
    expect(thumbnails).to_have_count(1)
    expect(thumbnails).to_be_visible()
    assert image_width(thumbnails) == 400  # the 400×300 thumbnail, re-encoded by the server
    expect(owner.locator(".photo-manage")).to_contain_text("800 × 600 px")
    expect(owner.locator(".photo-manage")).to_contain_text("photo principale")
    screenshot(owner, "catalogue-02-photos")

    # ... then looks at the resource page: photo, description, facts, an empty calendar.
    owner.get_by_role("link", name="Revenir à la fiche de la ressource").click()
    expect(owner).to_have_url(re.compile(rf"^{re.escape(base)}/ressources/\d+$"))
    resource_url = owner.url
    expect(owner.get_by_role("heading", name=ITEM, level=1)).to_be_visible()
    cover = owner.locator(".photo-gallery .photo-cover img")
    expect(cover).to_have_attribute("alt", ITEM)
    assert image_width(cover) == 800
    expect(owner.locator(".post-body strong")).to_have_text("CO2")
    expect(owner.locator(".post-body li")).to_have_count(3)
    facts = owner.locator("dl.facts")
    expect(facts).to_contain_text("300 €")
    expect(facts).to_contain_text("14 jours")
    expect(facts).to_contain_text("Très bon état")
    expect(owner.get_by_role("heading", name="Disponibilités")).to_be_visible()
    expect(owner.locator("#disponibilites table.month")).to_have_count(3)
    expect(owner.locator("#disponibilites td.day-complet")).to_have_count(0)
    expect(owner.locator("#demander")).to_have_count(0)  # one does not borrow from one's own fabrique

    # A visitor sees it too (and the page goes into the anonymous page cache).
    visitor = new_page()
    visitor.goto(resource_url)
    expect(visitor.locator("#disponibilites td.day-complet")).to_have_count(0)
    expect(visitor.locator("main")).to_contain_text("pour demander cette ressource au nom de votre fabrique.")

    # -- A member of another fabrique finds it in the catalogue ------------------------------
    member = new_page()
    log_in(member, borrower.member_email, live_server.password, borrower.member_name)
    nav(member).get_by_role("link", name="Catalogue", exact=True).click()
    expect(member.locator(".resource-card")).to_have_count(2)
    expect(member.get_by_role("link", name="Proposer une ressource")).to_have_count(0)  # not a manager
    member.get_by_label("Type").select_option(label="Équipement")
    member.get_by_role("button", name="Filtrer").click()
    expect(member).to_have_url(re.compile(r"/ressources\?(.*&)?type=equipement(&|$)"))
    expect(member.get_by_label("Type")).to_have_value("equipement")
    expect(member.locator("main")).to_contain_text("1 ressource")
    cards = member.locator(".resource-card")
    expect(cards).to_have_count(1)
    card = cards.first
    expect(card.get_by_role("heading", name=ITEM)).to_be_visible()
    expect(card).to_contain_text("Équipement")
    expect(card).to_contain_text(ITEM_CATEGORY)
    expect(card).to_contain_text(f"{live_server.fabrique_name} · {LENDER_REGION}")
    assert image_width(card.locator(".resource-thumb img")) == 400
    expect(member.get_by_text(borrower.room_name)).to_have_count(0)
    screenshot(member, "catalogue-03-catalogue-filtre")
    card.get_by_role("link", name=ITEM).click()
    expect(member).to_have_url(resource_url)
    expect(member.get_by_role("heading", name="Demander un prêt")).to_be_visible()
    expect(member.locator("#demander")).to_contain_text(f"Au nom de {borrower.fabrique_name}.")

    # A slip: the dates the wrong way round. The French error, on the resource page, input kept.
    request_form(member, END, START, REQUEST_MESSAGE)
    expect(member).to_have_url(f"{resource_url}/demander")
    expect(member.get_by_role("heading", name=ITEM, level=1)).to_be_visible()
    expect(member.locator("#end_date-error")).to_have_text("La date de fin doit être après la date de début.")
    # The summary of what to correct is in view and has the focus, though the form is under the calendar.
    expect(member.locator(".form-errors")).to_be_in_viewport()
    expect(member.locator(".form-errors")).to_be_focused()
    expect(member.get_by_label("Au (inclus)")).to_have_attribute("aria-invalid", "true")
    expect(member.get_by_label("Du", exact=True)).to_have_value(END.isoformat())
    expect(member.get_by_label("Message pour la fabrique")).to_have_value(REQUEST_MESSAGE)
    screenshot(member, "catalogue-04-demande-erreur-dates")

    request_form(member, START, END, REQUEST_MESSAGE)
    expect(member).to_have_url(re.compile(rf"^{re.escape(base)}/prets/\d+$"))
    loan_url = member.url
    expect(member.locator(".flashes")).to_contain_text("Votre demande est envoyée.")
    expect(state_badge(member)).to_have_text("demandé")
    parties = member.locator(".loan-parties")
    expect(parties).to_contain_text(f"Fabrique prêteuse{live_server.fabrique_name}")
    expect(parties).to_contain_text(f"Fabrique emprunteuse{borrower.fabrique_name} (demande de {borrower.member_name})")
    expect(member.locator("main")).to_contain_text(REQUEST_MESSAGE)
    expect(member.get_by_role("button", name="Annuler la demande")).to_be_visible()
    expect(member.get_by_role("button", name="Accepter")).to_have_count(0)

    # -- The owner sees the bell, opens the notification, accepts ----------------------------
    owner.goto("/")
    bell = nav(owner).get_by_role("link", name="1 notification non lue")
    expect(bell.locator(".bell-count")).to_have_text("1")
    bell.click()
    expect(owner).to_have_url(f"{base}/notifications")
    notification = owner.locator(".notification.unread")
    expect(notification).to_have_count(1)
    expect(notification).to_contain_text(f"{borrower.fabrique_name} demande « {ITEM} » {period(START, END)}.")
    expect(notification).to_contain_text(borrower.member_name)
    screenshot(owner, "catalogue-05-notifications-responsable")
    notification.get_by_role("button").click()
    expect(owner).to_have_url(loan_url)
    expect(state_badge(owner)).to_have_text("demandé")
    expect(nav(owner).get_by_role("link", name="0 notification non lue")).to_be_visible()
    owner.get_by_role("button", name="Accepter").click()
    expect(owner).to_have_url(loan_url)
    expect(owner.locator(".flashes")).to_contain_text("Le prêt est maintenant « accepté ».")
    expect(state_badge(owner)).to_have_text("accepté")
    expect(owner.locator("ol.history")).to_contain_text("Accepté")
    expect(owner.locator("ol.history")).to_contain_text(live_server.manager_name)

    # -- The requester sees it accepted, and the notification --------------------------------
    member.reload()
    expect(state_badge(member)).to_have_text("accepté")
    bell = nav(member).get_by_role("link", name="1 notification non lue")
    expect(bell.locator(".bell-count")).to_have_text("1")
    screenshot(member, "catalogue-06-pret-accepte")
    bell.click()
    notification = member.locator(".notification.unread")
    expect(notification).to_have_count(1)
    expect(notification).to_contain_text(
        f"{live_server.fabrique_name} a accepté votre demande pour « {ITEM} » {period(START, END)}.")
    screenshot(member, "catalogue-07-notifications-demandeuse")
    notification.get_by_role("button").click()
    expect(member).to_have_url(loan_url)

    # ... and the resource's calendar shows the three booked days.
    member.get_by_role("heading", level=1).get_by_role("link", name=ITEM).click()
    expect(member).to_have_url(resource_url)
    expect(member.locator("#disponibilites td.day-complet")).to_have_count(3)
    day = START
    while day <= END:
        expect(calendar_day(member, day)).to_have_class(re.compile(r"\bday-complet\b"))
        expect(calendar_day(member, day)).to_have_attribute("title", f"{day_fr(day)} : 1/1 réservé")
        day += timedelta(days=1)
    expect(calendar_day(member, START - timedelta(days=1))).to_have_class(re.compile(r"\bday-libre\b"))
    expect(calendar_day(member, END + timedelta(days=1))).to_have_class(re.compile(r"\bday-libre\b"))
    screenshot(member, "catalogue-08-ressource-photo-calendrier")
    visitor.reload()  # the cached anonymous page was dropped when the loan was accepted
    expect(visitor.locator("#disponibilites td.day-complet")).to_have_count(3)

    # Searching the catalogue by availability: booked on those days, free the days after.
    nav(member).get_by_role("link", name="Catalogue", exact=True).click()
    member.get_by_label("Type").select_option(label="Équipement")
    member.get_by_label("Disponible du").fill(START.isoformat())
    member.get_by_label("au", exact=True).fill(END.isoformat())
    member.get_by_role("button", name="Filtrer").click()
    expect(member.get_by_text("Aucune ressource ne correspond à ces critères.")).to_be_visible()
    expect(member.locator(".resource-card")).to_have_count(0)
    member.get_by_label("Disponible du").fill((END + timedelta(days=1)).isoformat())
    member.get_by_label("au", exact=True).fill((END + timedelta(days=3)).isoformat())
    member.get_by_role("button", name="Filtrer").click()
    expect(member.locator(".resource-card")).to_have_count(1)
    member.locator(".resource-card").get_by_role("link", name=ITEM).click()
    expect(member).to_have_url(resource_url)

    # -- An overlapping request can be sent, but not accepted --------------------------------
    request_form(member, OVERLAP_START, OVERLAP_END, SECOND_MESSAGE)
    expect(member).to_have_url(re.compile(rf"^{re.escape(base)}/prets/\d+$"))
    second_loan_url = member.url
    assert second_loan_url != loan_url
    expect(state_badge(member)).to_have_text("demandé")

    owner.goto("/notifications")
    notification = owner.locator(".notification.unread")
    expect(notification).to_contain_text(period(OVERLAP_START, OVERLAP_END))
    notification.get_by_role("button").click()
    expect(owner).to_have_url(second_loan_url)
    with owner.expect_response(lambda response: response.url.endswith("/accepter")) as accepted:
        owner.get_by_role("button", name="Accepter").click()
    assert accepted.value.status == 409
    # The manager stays on the loan, the reason above its actions.
    expect(owner.locator(".form-errors")).to_have_text(
        f"Impossible d'accepter : la ressource est déjà réservée {period(OVERLAP_START, END)} "
        "(stock : 1, demandé : 1).")
    expect(state_badge(owner)).to_have_text("demandé")
    expect(owner.get_by_role("button", name="Refuser")).to_be_visible()
    screenshot(owner, "catalogue-09-conflit-409")
    member.reload()
    expect(state_badge(member)).to_have_text("demandé")

    # -- On a phone, the catalogue and the resource page fit the screen ----------------------
    phone = new_page(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                     device_scale_factor=2)
    log_in(phone, borrower.member_email, live_server.password, borrower.member_name)
    for name, url in (("catalogue", "/ressources?type=equipement"), ("ressource", resource_url),
                      ("pret", loan_url), ("notifications", "/notifications")):
        phone.goto(url)
        expect(phone.locator("main h1")).to_be_visible()
        screenshot(phone, f"catalogue-10-mobile-{name}")
        wide = phone.evaluate(WIDER_THAN_SCREEN, 390)
        assert not wide, f"{url} is wider than a 390px screen; too wide: {wide}"
