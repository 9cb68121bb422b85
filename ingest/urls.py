"""URL identity and URL safety, as pure-ish functions over strings.

`canonical_url` exists so that one article reached through a newsletter link, a tweet, an AMP
cache and the feed itself is recognised as one URL: identity must not depend on tracking
parameters, default ports, fragments, AMP variants or a trailing slash. It is deliberately
opinionated (for news pages the variants it folds are the same document), not a general-purpose
RFC 3986 normaliser.

`is_internal_address` is the API's SSRF guard: feed URLs come from users, and the daemon must not
be made to fetch the metadata service, localhost admin ports or the office LAN.
"""
from __future__ import annotations

import ipaddress
import posixpath
import re
import socket
from collections.abc import Callable
from urllib.parse import parse_qsl, quote, unquote, urlencode, urlsplit, urlunsplit

__all__ = ["canonical_url", "is_internal_address", "TRACKING_PARAMS", "TRACKING_PREFIXES"]

# Query parameters that identify the reader or the campaign, never the document.
TRACKING_PARAMS = frozenset(
    {
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid",
        "igshid", "igsh", "mc_cid", "mc_eid", "ref", "ref_src", "ref_url", "referrer",
        "_hsenc", "_hsmi", "hsctatracking", "mkt_tok", "li_fat_id", "s_cid", "cmpid",
        "ocid", "sr_share", "spm", "share", "smid", "__twitter_impression",
        "_ga", "_gl", "oly_anon_id", "oly_enc_id", "rss", "rss_source", "via", "guccounter",
    }
)
TRACKING_PREFIXES = ("utm_", "pk_", "mtm_", "hsa_", "vero_", "ga_")
# `amp=1` / `outputType=amp` select the AMP rendering of the same article.
_AMP_QUERY_VALUES = {"amp": {"", "1", "true", "yes"}, "outputtype": {"amp"}, "output": {"amp"}}
_DEFAULT_PORTS = {"http": 80, "https": 443}
_UNRESERVED = re.compile(r"%([0-9A-Fa-f]{2})")
_UNRESERVED_CHARS = set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~")


def _is_tracking(key: str) -> bool:
    k = key.lower()
    return k in TRACKING_PARAMS or k.startswith(TRACKING_PREFIXES)


def _normalize_percent(part: str) -> str:
    """Decode percent-escapes of unreserved characters and upper-case the rest (RFC 3986 6.2.2)."""

    def fix(m: re.Match[str]) -> str:
        ch = chr(int(m.group(1), 16))
        return ch if ch in _UNRESERVED_CHARS else "%" + m.group(1).upper()

    # Characters that must be escaped in a path but arrived raw (spaces, non-ASCII) get escaped.
    return quote(_UNRESERVED.sub(fix, part), safe="/%:@!$&'()*+,;=-._~")


def _normalize_path(path: str) -> str:
    if not path:
        return "/"
    path = re.sub(r"/{2,}", "/", path)
    resolved = posixpath.normpath(path)  # resolves "." and ".." segments
    if resolved.startswith("//"):
        resolved = "/" + resolved.lstrip("/")
    segments = [s for s in resolved.split("/") if s and s.lower() != "amp"]
    if segments:
        last = segments[-1]
        low = last.lower()
        if low.endswith(".amp") and len(last) > 4:
            segments[-1] = last[:-4]
        elif ".amp." in low:  # story.amp.html -> story.html
            i = low.rfind(".amp.")
            segments[-1] = last[:i] + last[i + 4 :]
    # Trailing slashes are dropped: /story/ and /story are one article.
    return "/" + "/".join(segments)


def _normalize_host(host: str) -> str:
    host = host.strip().rstrip(".").lower()
    if not host:
        raise ValueError("no host")
    if ":" in host:  # IPv6 literal
        try:
            return "[" + ipaddress.IPv6Address(host.split("%", 1)[0]).compressed + "]"
        except ValueError as exc:
            raise ValueError(f"bad IPv6 host {host!r}") from exc
    try:
        host = host.encode("idna").decode("ascii")
    except UnicodeError:
        pass  # keep as given; an unencodable host is still an identity
    if host.startswith("amp.") and host.count(".") >= 2:
        host = host[4:]
    return host


def canonical_url(url: str) -> str:
    """The one spelling of `url` that all its tracking/AMP/formatting variants share.

    Lower-cases scheme and host, drops user info, default ports, the fragment and tracking
    parameters, sorts the remaining query parameters, folds AMP variants (`/amp/` segment,
    `?amp=1`, `amp.` host, `.amp` suffix) onto the plain page and drops a trailing slash.
    Raises ValueError for what is not an absolute http(s) URL: callers decide whether that
    means "no URL" or an error.
    """
    if not isinstance(url, str):
        raise ValueError("URL is not a string")
    raw = url.strip()
    if raw.startswith("//"):
        raw = "https:" + raw
    try:
        parts = urlsplit(raw)
        port = parts.port
    except ValueError as exc:
        raise ValueError(f"unparsable URL {url!r}: {exc}") from exc
    scheme = parts.scheme.lower()
    if scheme not in _DEFAULT_PORTS:
        raise ValueError(f"not an http(s) URL: {url!r}")
    host = _normalize_host(parts.hostname or "")
    netloc = host if port in (None, _DEFAULT_PORTS[scheme]) else f"{host}:{port}"
    path = _normalize_path(_normalize_percent(parts.path))
    query_pairs = []
    for key, value in parse_qsl(parts.query, keep_blank_values=True):
        if _is_tracking(key):
            continue
        if value.lower() in _AMP_QUERY_VALUES.get(key.lower(), ()):
            continue
        query_pairs.append((key, value))
    query = urlencode(sorted(query_pairs), quote_via=quote, safe="/:@!$'()*,;-._~")
    return urlunsplit((scheme, netloc, path, query, ""))


Resolver = Callable[..., list]


def _ip_is_internal(ip: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(ip, ipaddress.IPv6Address):
        mapped = ip.ipv4_mapped or ip.sixtofour
        if mapped is not None:
            return _ip_is_internal(mapped)
        if ip.teredo is not None:
            return _ip_is_internal(ip.teredo[1])
    return (
        ip.is_loopback
        or ip.is_private
        or ip.is_link_local
        or ip.is_unspecified
        or ip.is_multicast
        or ip.is_reserved
        or not ip.is_global
    )


def is_internal_address(url: str, *, resolve: Resolver = socket.getaddrinfo) -> bool:
    """Whether fetching `url` would reach this machine or a non-public network.

    True when the host is `localhost`/`*.localhost`, or an IP literal or any address it resolves
    to is loopback, private, link-local (cloud metadata), unspecified, multicast, reserved or
    otherwise not globally routable (IPv4-mapped / 6to4 / Teredo IPv6 are unwrapped). A URL
    without a usable host is treated as internal (refused). A host that does not resolve is
    *not* internal: it cannot be fetched either, and refusing it would only turn "DNS is down"
    into a misleading "internal address". The check is one moment's DNS answer; the fetcher
    repeats it on every redirect hop when asked to (see feeds.FetchOptions.allow_internal).
    """
    try:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").rstrip(".").lower()
        port = parts.port or _DEFAULT_PORTS.get(parts.scheme.lower(), 80)
    except (ValueError, AttributeError):
        return True
    if not host:
        return True
    if host == "localhost" or host.endswith(".localhost"):
        return True
    try:
        return _ip_is_internal(ipaddress.ip_address(unquote(host).split("%", 1)[0]))
    except ValueError:
        pass
    try:
        infos = resolve(host, port, proto=socket.IPPROTO_TCP)
    except (OSError, UnicodeError):
        return False
    for info in infos:
        address = info[4][0]
        try:
            if _ip_is_internal(ipaddress.ip_address(str(address).split("%", 1)[0])):
                return True
        except ValueError:
            return True  # an address we cannot classify is not one we can vouch for
    return False
