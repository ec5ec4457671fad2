"""Who may use the admin functions (upload, the feedback list).

Without ``admin_password`` they are open only while the server listens on
loopback, where only this machine can reach them; listening on anything
else (``0.0.0.0``, a LAN address, a host name) locks them until a password
is set.
"""
from __future__ import annotations

import ipaddress
import secrets

from . import texts as T
from .settings import Settings


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:  # a host name other than localhost may resolve to anything
        return False


def admin_locked(settings: Settings) -> bool:
    """No password, and other machines can reach the server."""
    password = settings.admin_password
    return (password is None or not password.get_secret_value()) and not is_loopback(settings.host)


def admin_refusal(settings: Settings, given: str | None) -> str | None:
    """Why an admin action is refused (a message for the user), or None."""
    expected = settings.admin_password
    if expected is None or not expected.get_secret_value():
        return T.ERR_ADMIN_LOCKED if admin_locked(settings) else None
    if secrets.compare_digest((given or "").encode("utf-8"), expected.get_secret_value().encode("utf-8")):
        return None
    return T.ERR_ADMIN_PASSWORD
