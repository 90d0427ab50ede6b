# An example user lexicon: newsevents extract ... --dictionary examples/dictionaries/example-lexicon.lex
# Format: CODE LEMMA [particle ...] [+object] [>prep] [<>] [<<]  (see docs/ontology.md)
0874 pull +troop >from
138  rattle +sabre >at
[nouns]
1721 cordon >around
