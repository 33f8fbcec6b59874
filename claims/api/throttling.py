"""Rate limits for anonymous clients and for users (token or session), from settings.

DRF's own classes copy the rates when they are imported; these read them on
each request, so an override of REST_FRAMEWORK (a test, a deployment) applies.
A rate of None switches the limit off.
"""

from rest_framework.settings import api_settings
from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class AnonThrottle(AnonRateThrottle):
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)


class UserThrottle(UserRateThrottle):
    def get_rate(self) -> str | None:
        return api_settings.DEFAULT_THROTTLE_RATES.get(self.scope)
