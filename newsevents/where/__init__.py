"""Where an event happened: the offline gazetteer and the place resolver."""

from newsevents.where.gazetteer import Candidate, Gazetteer, normalize
from newsevents.where.resolver import PlaceResolver

__all__ = ["Candidate", "Gazetteer", "PlaceResolver", "normalize"]
