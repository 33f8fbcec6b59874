"""Rate limits for anonymous clients and for users (token or session), from settings.

DRF's own classes copy the rates when they are imported; these read them on
each request, so an override of REST_FRAMEWORK (a test, a deployment) applies.
A rate of None switches the limit off.

An anonymous client is counted by its address as claims.security.client_address
finds it behind NUM_PROXIES trusted proxies, the rule the login limit and the web
UI's rate limit use too (DRF's own reading of X-Forwarded-For is not used).
"""

from rest_framework.request import Request
from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle

from claims.security.client_address import client_address


class AnonThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request: Request) -> str:
        return client_address(request)


class UserThrottle(UserRateThrottle):
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)

    def get_ident(self, request: Request) -> str:
        return client_address(request)
