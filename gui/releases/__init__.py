"""Release requests: the owner's queue, the approval dialog, and the log of decisions."""
