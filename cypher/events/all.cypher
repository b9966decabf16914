// Every event (the annual assises), by date.
MATCH (e:Event)
RETURN e {.*} AS event
ORDER BY e.date
