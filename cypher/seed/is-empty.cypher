// True when no actor and no operation exists yet (the demo data then loads).
RETURN NOT EXISTS { MATCH (a:Actor) } AND NOT EXISTS { MATCH (o:Operation) } AS empty
