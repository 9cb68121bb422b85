"""canonical_url folds URL variants of one article; is_internal_address guards fetches."""
from __future__ import annotations

import socket

import pytest

from ingest.urls import canonical_url, is_internal_address


@pytest.mark.parametrize(
    "url, expected",
    [
        ("HTTPS://News.Example.COM/Story", "https://news.example.com/Story"),  # path case kept
        ("http://example.com:80/a", "http://example.com/a"),
        ("https://example.com:443/a", "https://example.com/a"),
        ("https://example.com:8443/a", "https://example.com:8443/a"),
        ("https://example.com/a#comments", "https://example.com/a"),
        ("https://example.com/a/", "https://example.com/a"),
        ("https://example.com", "https://example.com/"),
        ("https://example.com/", "https://example.com/"),
        ("https://example.com/a?utm_source=x&utm_medium=rss&utm_campaign=c", "https://example.com/a"),
        ("https://example.com/a?fbclid=1&gclid=2&mc_cid=3&mc_eid=4&igshid=5", "https://example.com/a"),
        ("https://example.com/a?ref=hn&ref_src=twsrc", "https://example.com/a"),
        ("https://example.com/a?b=2&a=1&UTM_Source=x", "https://example.com/a?a=1&b=2"),
        ("https://example.com/a?id=7&page=", "https://example.com/a?id=7&page="),
        ("https://example.com/2026/03/story/amp/", "https://example.com/2026/03/story"),
        ("https://example.com/amp/2026/story", "https://example.com/2026/story"),
        ("https://example.com/story?amp=1", "https://example.com/story"),
        ("https://example.com/story?outputType=amp", "https://example.com/story"),
        ("https://amp.example.com/story", "https://example.com/story"),
        ("https://example.com/story.amp", "https://example.com/story"),
        ("https://example.com/story.amp.html", "https://example.com/story.html"),
        ("https://user:secret@example.com/a", "https://example.com/a"),
        ("https://example.com/a/./b/../c", "https://example.com/a/c"),
        ("https://example.com//a//b", "https://example.com/a/b"),
        ("https://example.com/%7Euser/%e2%82%ac", "https://example.com/~user/%E2%82%AC"),
        ("https://example.com/a b", "https://example.com/a%20b"),
        ("  https://example.com/a  ", "https://example.com/a"),
        ("//example.com/a", "https://example.com/a"),
        ("https://EXAMPLE.com./a", "https://example.com/a"),
        ("https://bücher.example/a", "https://xn--bcher-kva.example/a"),
        ("http://[::1]:8080/a", "http://[::1]:8080/a"),
    ],
)
def test_canonical_url(url, expected):
    assert canonical_url(url) == expected


def test_variants_of_one_article_share_one_canonical_url():
    variants = [
        "https://news.example.com/2026/03/raman-helix",
        "https://News.Example.com/2026/03/raman-helix/",
        "https://news.example.com:443/2026/03/raman-helix?utm_source=twitter#top",
        "https://amp.news.example.com/2026/03/raman-helix/amp/?amp=1",
        "https://news.example.com/2026/03/raman-helix.amp?fbclid=abc",
    ]
    assert len({canonical_url(v) for v in variants}) == 1


def test_canonical_url_is_idempotent():
    for url in ["https://e.com/a?b=1&a=2", "https://e.com/%E2%82%AC x/", "https://e.com/amp"]:
        once = canonical_url(url)
        assert canonical_url(once) == once


@pytest.mark.parametrize("bad", ["", "not a url", "ftp://example.com/x", "mailto:a@b.c",
                                 "javascript:alert(1)", "https://", "http://e.com:99999/",
                                 "https://[zz::1]/"])
def test_canonical_url_rejects_non_http(bad):
    with pytest.raises(ValueError):
        canonical_url(bad)


@pytest.mark.parametrize(
    "url",
    [
        "http://127.0.0.1/", "http://127.8.9.10:8080/x", "http://localhost/", "http://a.localhost/",
        "http://10.1.2.3/", "http://172.16.0.1/", "http://192.168.1.1/", "http://169.254.169.254/",
        "http://0.0.0.0/", "http://[::1]/", "http://[::]/", "http://[fe80::1]/", "http://[fc00::1]/",
        "http://[::ffff:127.0.0.1]/", "http://224.0.0.1/", "http://100.64.0.1/",
        "http://2130706433/", "http:///nohost",
    ],
)
def test_internal_addresses(url):
    assert is_internal_address(url) is True


@pytest.mark.parametrize("url", ["http://8.8.8.8/", "https://1.1.1.1/feed", "http://[2606:4700::1111]/"])
def test_public_addresses(url):
    assert is_internal_address(url) is False


def test_hostnames_are_resolved():
    def fake_resolver(answers):
        def resolve(host, port, proto=0):
            return [(socket.AF_INET, socket.SOCK_STREAM, proto, "", (a, port)) for a in answers]
        return resolve

    assert is_internal_address("https://feeds.example.com/x",
                               resolve=fake_resolver(["93.184.216.34"])) is False
    # one internal answer among public ones is enough (DNS rebinding tricks)
    assert is_internal_address("https://feeds.example.com/x",
                               resolve=fake_resolver(["93.184.216.34", "10.0.0.5"])) is True

    def failing(host, port, proto=0):
        raise socket.gaierror("no such host")

    assert is_internal_address("https://nx.example.invalid/", resolve=failing) is False
