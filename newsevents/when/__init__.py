"""When an event happened: temporal expressions resolved against the publication date."""

from newsevents.when.calendar import DateResolution
from newsevents.when.expressions import Expression, ExpressionFinder
from newsevents.when.resolver import DateResolver
from newsevents.when.vocabulary import Vocabulary

__all__ = ["DateResolution", "DateResolver", "Expression", "ExpressionFinder", "Vocabulary"]
