"""The served handler keeps its paths' resolutions: the same answers as Django's own
handler, each request with its own match, nothing kept for a path that resolves to
nothing, and a changed URLconf resolved anew."""

from __future__ import annotations

import pytest
from django.core.handlers.wsgi import WSGIHandler as DjangoWSGIHandler
from django.http import HttpResponse
from django.test import RequestFactory, override_settings
from django.urls import Resolver404, get_resolver, path

from allyport.core.handler import WSGIHandler, _kept_resolve


def _other_view(request: object, name: str = "") -> HttpResponse:
    return HttpResponse(f"other URLconf: {name}")


# A URLconf of this module's, for the test that swaps ROOT_URLCONF.
urlpatterns = [path("ping", _other_view), path("accept/<str:name>/", _other_view)]


def _serve(handler: DjangoWSGIHandler, path_info: str) -> tuple[str, bytes]:
    environ = RequestFactory()._base_environ(PATH_INFO=path_info)
    answered: list[str] = []
    body = b"".join(handler(environ, lambda status, headers: answered.append(status)))
    return answered[0], body


def test_the_served_application_is_this_handler() -> None:
    from allyport import wsgi

    assert isinstance(wsgi.application, WSGIHandler)


@pytest.mark.django_db
def test_answers_as_djangos_handler_and_keeps_the_resolution() -> None:
    kept = _kept_resolve(get_resolver())
    ours, django = WSGIHandler(), DjangoWSGIHandler()
    first = _serve(ours, "/ping")
    hits = kept.cache_info().hits
    assert _serve(ours, "/ping") == first == _serve(django, "/ping")
    assert first[0] == "200 OK"
    assert kept.cache_info().hits == hits + 1


def test_each_request_has_its_own_match() -> None:
    handler, factory = WSGIHandler(), RequestFactory()
    first = factory.get("/invitations/abc/")
    handler.resolve_request(first).kwargs["token"] = "changed by a middleware"
    second = factory.get("/invitations/abc/")
    assert handler.resolve_request(second).kwargs == {"token": "abc"}
    assert second.resolver_match is not first.resolver_match


def test_a_path_that_resolves_to_nothing_is_not_kept() -> None:
    kept = _kept_resolve(get_resolver())
    size = kept.cache_info().currsize
    with pytest.raises(Resolver404):
        WSGIHandler().resolve_request(RequestFactory().get("/no/such/page/anywhere/"))
    assert kept.cache_info().currsize == size


def test_a_changed_urlconf_resolves_anew() -> None:
    handler = WSGIHandler()
    handler.resolve_request(RequestFactory().get("/ping"))  # kept for the portal's URLconf
    with override_settings(ROOT_URLCONF=__name__):
        match = handler.resolve_request(RequestFactory().get("/ping"))
        assert match.func is _other_view
    assert handler.resolve_request(RequestFactory().get("/ping")).func is not _other_view


def test_a_request_urlconf_is_used() -> None:
    request = RequestFactory().get("/accept/lena/")
    request.urlconf = __name__
    try:
        match = WSGIHandler().resolve_request(request)
    finally:
        from django.urls import set_urlconf

        set_urlconf(None)
    assert match.func is _other_view
    assert match.kwargs == {"name": "lena"}
