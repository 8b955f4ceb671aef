"""E-certificates (电子证照): the person's own, each with a QR code a counter
clerk scans, and the public page that QR code leads to, which says only
whether the certificate is valid and whose it is (masked).

The API sends certificate numbers masked; the full number never reaches the
portal, let alone the page."""

from __future__ import annotations

import dataclasses

import reflex as rx

from clients import certificates
from clients.base import ClientError, InvalidInput, RateLimited, Unauthorised, Unavailable
from components.images import image
from components.links import locale_href, nav_link
from components.notices import LOADING, READY, UNAVAILABLE, notice, remote_content
from components.page import page_frame
from components.records import CHECK_OUTCOMES, check_outcome, qr_data_uri
from frontend.formatting import date_text
from frontend.session import api_token, login_url, token_refused
from locales import api_locale, gettext_for

VERIFY_PATH = "verify"


@dataclasses.dataclass
class CertificateView:
    id: str
    kind: str
    holder: str
    number: str  # masked by the API
    issuer: str
    issued: str
    validity: str  # in words, with the date
    status: str  # valid | expired | revoked
    expiring_soon: bool
    qr: str
    verify_href: str


def validity_text(certificate: certificates.Certificate, locale: str) -> str:
    """"Valid until 12 December 2026", "Valid long-term", "Expired on ..." or "Revoked"."""
    _ = gettext_for(locale)
    if certificate.status == "revoked":
        return _("Revoked")
    if certificate.expires_on is None:
        return _("Valid long-term")
    date = date_text(certificate.expires_on, locale)
    if certificate.status == "expired":
        return _("Expired on %(date)s") % {"date": date}
    return _("Valid until %(date)s") % {"date": date}


def certificate_view(certificate: certificates.Certificate, locale: str, origin: str) -> CertificateView:
    """``origin`` is the portal's scheme and host, for the QR code's address."""
    verify_path = locale_href(locale, f"{VERIFY_PATH}/{certificate.verification_token}")
    return CertificateView(
        id=certificate.id,
        kind=certificate.kind.name,
        holder=certificate.holder,
        number=certificate.number_masked,
        issuer=certificate.issuer,
        issued=date_text(certificate.issued_on, locale),
        validity=validity_text(certificate, locale),
        status=certificate.status,
        expiring_soon=certificate.expiring_soon,
        qr=qr_data_uri(origin + verify_path),
        verify_href=verify_path,
    )


class CertificatesState(rx.State):
    status: str = LOADING
    certificates: list[CertificateView] = []

    @rx.event
    async def load(self, locale: str):
        token = await api_token(self)
        if not token:
            yield rx.redirect(login_url(locale, self.router.url.path))
            return
        self.status = LOADING
        yield
        try:
            held = await certificates.my_certificates(api_locale(locale), token)
        except Unauthorised as error:
            await token_refused(self)
            yield rx.redirect(login_url(locale, self.router.url.path, expired=error.code == "token_expired"))
            return
        except ClientError:
            self.status = UNAVAILABLE
            return
        self.certificates = [certificate_view(c, locale, self.router.url.origin) for c in held]
        self.status = READY


def _certificate(locale: str, c: rx.Var) -> rx.Component:
    _ = gettext_for(locale)
    return rx.el.li(
        rx.el.article(
            rx.el.h2(c.kind, custom_attrs={"data-content": ""}),
            rx.el.div(
                rx.el.dl(
                    rx.el.div(rx.el.dt(_("Holder")), rx.el.dd(c.holder, custom_attrs={"data-content": ""})),
                    rx.el.div(rx.el.dt(_("Number")), rx.el.dd(c.number, custom_attrs={"translate": "no"})),
                    rx.el.div(rx.el.dt(_("Issued by")), rx.el.dd(c.issuer, custom_attrs={"data-content": ""})),
                    rx.el.div(rx.el.dt(_("Issued on")), rx.el.dd(c.issued)),
                    rx.el.div(
                        rx.el.dt(_("Validity")),
                        rx.el.dd(
                            rx.el.strong(c.validity),
                            rx.cond(c.expiring_soon, rx.el.span(" ", _("Expires soon: renew it in time."), class_name="certificate__warning")),
                        ),
                    ),
                    class_name="facts facts--grid",
                ),
                rx.el.figure(
                    image(c.qr, _("QR code for checking this certificate at a counter"), class_name="qr"),
                    rx.el.figcaption(nav_link(_("Open the check page"), href=c.verify_href)),
                    class_name="certificate__qr",
                ),
                class_name="certificate__body",
            ),
            class_name=rx.match(c.status, ("valid", "record certificate"), "record certificate certificate--invalid"),
            custom_attrs={"data-testid": "certificate"},
        )
    )


def certificates_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    return page_frame(
        locale,
        "me/certificates",
        rx.el.h1(_("My e-certificates")),
        rx.el.p(_("The city keeps electronic copies of the certificates it has issued to you. When a service needs one of them, you do not upload it or show it again.")),
        remote_content(
            locale,
            CertificatesState.status,
            rx.cond(
                CertificatesState.certificates.length() > 0,
                rx.fragment(
                    rx.el.p(_("To prove a certificate at a counter, show its QR code. The clerk sees only whether it is valid and your name, partly hidden."), class_name="hint"),
                    rx.el.ul(rx.foreach(CertificatesState.certificates, lambda c: _certificate(locale, c)), class_name="record-list"),
                    rx.el.p(_("For your privacy, only part of each certificate number is shown."), class_name="hint"),
                ),
                rx.el.p(_("We hold no e-certificates for you yet."), class_name="hint"),
            ),
            retry=CertificatesState.load(locale),
        ),
        trail=[(_("My account"), "me"), (_("My e-certificates"), "me/certificates")],
    )


def certificates_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("My e-certificates")


def certificates_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Your electronic certificates, with a QR code to prove each one at a counter.")


class VerifyState(rx.State):
    status: str = LOADING
    result: str = ""  # valid | expired | revoked | unknown | rate_limited
    holder: str = ""  # masked by the API

    @rx.event
    async def load(self, locale: str):
        token = self.router.url.path.rstrip("/").rsplit("/", 1)[-1]
        self.status, self.result, self.holder = LOADING, "", ""
        yield
        try:
            verification = await certificates.verify(api_locale(locale), token)
        except InvalidInput:
            self.result, self.status = "unknown", READY
            return
        except RateLimited:
            self.result, self.status = "rate_limited", READY
            return
        except Unavailable:
            self.status = UNAVAILABLE
            return
        except ClientError:
            self.result, self.status = "unknown", READY
            return
        self.result, self.holder = verification.status, verification.holder_masked or ""
        self.status = READY


def verify_page(locale: str) -> rx.Component:
    _ = gettext_for(locale)
    too_many = _("Too many wrong attempts. Please wait a few minutes and try again, or call 12345.")
    return page_frame(
        locale,
        f"{VERIFY_PATH}/[token]",
        rx.el.h1(_("Check an e-certificate")),
        remote_content(
            locale,
            VerifyState.status,
            rx.el.div(
                rx.cond(VerifyState.result == "rate_limited", notice(rx.el.p(too_many), tone="warning"), check_outcome(locale, VerifyState.result, VerifyState.holder)),
                rx.el.p(_("This page shows only whether the certificate is valid and whose it is, with the name partly hidden. Compare it with the person's identity document."), class_name="hint"),
                custom_attrs={"data-testid": "verification"},
            ),
            retry=VerifyState.load(locale),
            announce=rx.match(VerifyState.result, ("rate_limited", too_many), *((code, _(verdict)) for code, (verdict, _meaning, _tone) in CHECK_OUTCOMES.items()), ""),
        ),
        trail=[(_("Check an e-certificate"), "")],
    )


def verify_title(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Check an e-certificate")


def verify_description(locale: str) -> str:
    _ = gettext_for(locale)
    return _("Whether an electronic certificate issued by Haizhou is valid, from its QR code.")
