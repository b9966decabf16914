// True when the database holds nothing but migration records and the change sequence.
RETURN NOT EXISTS { MATCH (n) WHERE NOT n:Migration AND NOT n:ChangeSequence } AS empty
