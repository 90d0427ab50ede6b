"""Actors: who the noun phrases of an article are (countries, governments, organisations,
people), as :class:`~newsevents.model.Actor` records with CAMEO-style codes.

    knowledge = ActorKnowledge.load(dictionaries=[Path("my-actors.yaml")])
    resolver = ActorResolver(knowledge)
    doc_actors = resolver.for_doc(doc, date=article.published)
    doc_actors.actors_at(token)  # -> list[Actor]
"""

from newsevents.actors.knowledge import ActorKnowledge
from newsevents.actors.resolver import ActorResolver, DocActors

__all__ = ["ActorKnowledge", "ActorResolver", "DocActors"]
