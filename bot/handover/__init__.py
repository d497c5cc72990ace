"""Hand-over to First Contact: the record, its signing, the outbox and dispatcher that
deliver it, and the receiving inbox API."""
