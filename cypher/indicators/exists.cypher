// Whether an indicator exists.
OPTIONAL MATCH (i:Indicator {id: $indicator})
RETURN i IS NOT NULL AS found
