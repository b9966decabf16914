// Lets go of this instance's leases (at shutdown), so another instance takes over at once.
MATCH (w:Webhook)
WHERE w.leaseOwner = $owner
SET w.leaseOwner = null, w.leaseUntil = 0
RETURN count(w) AS released
